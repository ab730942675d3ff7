#!/usr/bin/env bash
# Runs every test: native (unit, golden cases through library and CLI, properties, doctests),
# then WebAssembly (golden cases and the native-vs-wasm differential test, in Node and in headless
# Chromium). Installs the WebAssembly toolchain first if it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== native tests"
cargo test --features cli 2>&1 | grep -E "^(test result|test .* FAILED|---- |thread|error|failures)|golden cases passed|panicked" || true
cargo test --features cli --quiet >/dev/null 2>&1 || { cargo test --features cli; exit 1; }

echo "== WebAssembly tests (Node and headless Chromium)"
scripts/install-wasm-toolchain.sh
source scripts/wasm-env.sh
# Optimise the wasm test build: in a debug build the browser's main thread is busy too long.
CARGO_PROFILE_DEV_OPT_LEVEL=2 CARGO_PROFILE_DEV_DEBUG=0 \
  "$WASM_CARGO" test -p fordeling-wasm "${WASM_FLAGS[@]}" --tests 2>&1 \
  | grep -E "^(test |test result|Running headless|error|thread|panicked)|Running tests/" 
test "${PIPESTATUS[0]}" -eq 0
