#!/usr/bin/env bash
# Builds the WebAssembly module for the page into wasm/www/pkg and reports its size.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-wasm-toolchain.sh
source scripts/wasm-env.sh
"$WASM_CARGO" build --profile wasm-release -p fordeling-wasm "${WASM_FLAGS[@]}" --quiet
wasm-bindgen --target web --remove-name-section --out-dir wasm/www/pkg target/wasm32-unknown-unknown/wasm-release/fordeling_wasm.wasm
wasm=wasm/www/pkg/fordeling_wasm_bg.wasm
printf 'wasm module: %d bytes, %d bytes gzipped\n' "$(stat -c %s "$wasm")" "$(gzip -9 -c "$wasm" | wc -c)"
