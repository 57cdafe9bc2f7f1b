#!/usr/bin/env bash
# Installs what is missing, builds the optimised page and serves the repository root on loopback.
#   bash scripts/serve.sh            http://127.0.0.1:8000/
#   PORT=8080 bash scripts/serve.sh  another port
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$ROOT"

port="${PORT:-8000}"
bash scripts/setup.sh serve
bash scripts/build.sh
echo
echo "Serving privatelink-prep on http://127.0.0.1:${port}/ (Ctrl+C stops it)"
exec python3 -m http.server "$port" --bind 127.0.0.1
