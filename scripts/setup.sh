#!/usr/bin/env bash
# Shared set-up for scripts/serve.sh and scripts/test.sh: a virtualenv in .venv with the project installed.
# Usage: . scripts/setup.sh base|test   ("test" adds the test tools and the system packages they need). Always
# pass the word: a sourced script without arguments would see its caller's arguments instead.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PYTHON=${PYTHON:-python3}
case "${1:-}" in
  base) extra="" ;;
  test) extra="test" ;;
  *) echo "usage: . scripts/setup.sh base|test" >&2; return 2 ;;
esac

if [ "$extra" = "test" ]; then
  missing=()
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  # CJK glyphs, so the browser test's screenshot shows Chinese rather than empty boxes.
  fc-list :lang=zh 2>/dev/null | grep -q . || missing+=(fonts-wqy-zenhei)
  # A real PostgreSQL server for tests/test_scaleout.py (it runs a throwaway cluster with initdb + pg_ctl).
  compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" >/dev/null || missing+=(postgresql)
  if ((${#missing[@]})); then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "setup: installing ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
fi

[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
# shellcheck disable=SC1091
. .venv/bin/activate
stamp=".venv/.installed-${extra:-base}"
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  python -m pip install -q --upgrade pip
  python -m pip install -q -e ".${extra:+[$extra]}"
  touch "$stamp"
fi
export GRADIO_ANALYTICS_ENABLED=False ANONYMIZED_TELEMETRY=False
