#!/usr/bin/env bash
# Run the assistant.
#
#   scripts/serve.sh [--host H] [--port P] [--data-dir D]
#       one process: API + UI (http://127.0.0.1:8000/ui) on the embedded Chroma; indexes corpus/ on first start.
#       Arguments go to server.py.
#
#   scripts/serve.sh --workers N [--host H] [--port P] [--data-dir D] [--chroma-port C]
#       N uvicorn API workers on one port (no UI: run `python server.py` beside them for /ui, see docs/deploy.md).
#       Embedded Chroma is not safe in several processes: each PersistentClient keeps its own in-memory HNSW
#       index and writes its own files, so one worker's upload or vector fill is invisible to the others and
#       two writers can corrupt the index. So this starts one `chroma run` server on the data dir's chroma/
#       folder (port C, default 8001) and points every worker at it (ASSISTANT_CHROMA__MODE=http), unless
#       ASSISTANT_CHROMA__MODE is already set. The SQLite database in the data dir is shared safely (WAL, busy
#       timeout, a file lock around corpus indexing); rate-limit buckets live in it, so the limit holds across
#       workers. /metrics sums all workers (prometheus_client multiprocess mode in a fresh
#       PROMETHEUS_MULTIPROC_DIR). For workers on several machines use PostgreSQL: docs/deploy.md.
set -euo pipefail
. "$(dirname "$0")/setup.sh" base

workers=1 host=127.0.0.1 port=8000 data_dir="" chroma_port=8001
passthrough=()
while (($#)); do
  case "$1" in
    --workers) workers="$2"; shift 2 ;;
    --workers=*) workers="${1#*=}"; shift ;;
    --chroma-port) chroma_port="$2"; shift 2 ;;
    --host) host="$2"; passthrough+=("$1" "$2"); shift 2 ;;
    --port) port="$2"; passthrough+=("$1" "$2"); shift 2 ;;
    --data-dir) data_dir="$2"; passthrough+=("$1" "$2"); shift 2 ;;
    *) passthrough+=("$1"); shift ;;
  esac
done

if [ "$workers" -le 1 ]; then
  exec python server.py "${passthrough[@]}"
fi

[ -n "$data_dir" ] && export ASSISTANT_DATA_DIR="$data_dir"
data_dir="${ASSISTANT_DATA_DIR:-data}"
mkdir -p "$data_dir"

children=()
cleanup() { for pid in "${children[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT INT TERM

if [ -z "${ASSISTANT_CHROMA__MODE:-}" ]; then
  # RUST_LOG=warn: at its default level (info) the server writes several log lines for every request it serves
  # (150,000 lines for a 3,000-request load run), costing it CPU the workers need.
  RUST_LOG="${RUST_LOG:-warn}" chroma run --host 127.0.0.1 --port "$chroma_port" --path "$data_dir/chroma-server" \
    >"$data_dir/chroma-server.log" 2>&1 &
  children+=($!)
  for _ in $(seq 1 60); do
    curl -sf "http://127.0.0.1:$chroma_port/api/v2/heartbeat" >/dev/null 2>&1 && break
    sleep 0.5
  done
  export ASSISTANT_CHROMA__MODE=http ASSISTANT_CHROMA__HOST=127.0.0.1 ASSISTANT_CHROMA__PORT="$chroma_port"
fi

# Each worker writes its metric values to files here; /metrics on any worker sums them. Stale files from an
# earlier run would be summed too, so the directory is emptied first.
export PROMETHEUS_MULTIPROC_DIR="${PROMETHEUS_MULTIPROC_DIR:-$data_dir/prometheus-multiproc}"
rm -rf "$PROMETHEUS_MULTIPROC_DIR"
mkdir -p "$PROMETHEUS_MULTIPROC_DIR"

uvicorn 'assistant.api.factory:factory' --factory --workers "$workers" --host "$host" --port "$port" \
  --no-access-log &
children+=($!)
wait "${children[-1]}"
