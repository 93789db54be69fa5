#!/usr/bin/env bash
# Install everything the suite needs (system packages, venv, project with its test extra), then run pytest.
# Arguments go to pytest.
set -euo pipefail
. "$(dirname "$0")/setup.sh" test
set +e
python -m pytest -q "$@"
status=$?
set -e
if [ "$status" -eq 5 ]; then
  echo "scripts/test.sh: pytest collected no tests" >&2   # a green run that tested nothing is not a pass
  exit 1
fi
exit "$status"
