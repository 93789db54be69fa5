#!/usr/bin/env bash
# Run the assistant: API + UI (http://127.0.0.1:8000/ui) on the embedded Chroma; indexes corpus/ on first start.
# Arguments go to server.py (--host, --port, --data-dir).
set -euo pipefail
. "$(dirname "$0")/setup.sh" base
exec python server.py "$@"
