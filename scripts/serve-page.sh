#!/usr/bin/env bash
# Builds the page (installing what it needs) and serves it on http://127.0.0.1:${PORT:-8080}/ with
# the security headers of scripts/serve-page.py (CSP with frame-ancestors, nosniff, no referrer, ...).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build-page.sh
echo "serving http://127.0.0.1:${PORT:-8080}/ (Ctrl-C to stop)"
exec python3 scripts/serve-page.py "${PORT:-8080}" wasm/www -v
