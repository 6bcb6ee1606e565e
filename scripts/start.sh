#!/usr/bin/env bash
# The main job: set up, build the web app, and serve it at http://127.0.0.1:8000/ with a sample journey
# already on screen. Extra arguments go to serve.py (e.g. --port 8080).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
scripts/setup.sh
jobs="$(nproc 2>/dev/null || echo 2)"
cmake --preset web >/dev/null
cmake --build --preset web -j "$jobs"
exec python3 serve.py --dir build/web/dist "$@"
