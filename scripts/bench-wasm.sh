#!/usr/bin/env bash
# Benchmarks the WebAssembly module in headless Chromium (builds the page and the release CLI first).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build-page.sh
scripts/build-page.sh bench
cargo build --release -p fordeling-workload --quiet
[ -d tests/e2e/node_modules/playwright-core ] || npm ci --prefix tests/e2e --no-audit --no-fund --silent
node tests/e2e/bench.mjs
