#!/usr/bin/env bash
# Builds the WebAssembly module for the page into wasm/www/pkg and reports its size.
# `scripts/build-page.sh bench` builds the benchmark's module instead (the same, plus the reference
# workload export) into wasm/www/pkg-bench.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-wasm-toolchain.sh
source scripts/wasm-env.sh
out=wasm/www/pkg features=()
if [ "${1:-}" = bench ]; then out=wasm/www/pkg-bench features=(--features workload); fi
# The library never panics by design; immediate-abort drops the panic-message machinery (smaller
# module); optimize_for_size picks the standard library's smaller algorithms. A separate target
# directory keeps the test builds (with panic messages) from rebuilding.
RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort" CARGO_TARGET_DIR=target/page \
  "$WASM_CARGO" build --profile wasm-release -p fordeling-wasm "${features[@]}" "${WASM_FLAGS[@]}" \
  -Zbuild-std-features=optimize_for_size --quiet
wasm-bindgen --target web --remove-name-section --out-dir "$out" target/page/wasm32-unknown-unknown/wasm-release/fordeling_wasm.wasm
wasm="$out/fordeling_wasm_bg.wasm"
# binaryen from npm (Debian's binaryen 108 corrupts wasm-bindgen output, see WASM.md).
[ -x tests/e2e/node_modules/.bin/wasm-opt ] || npm ci --prefix tests/e2e --no-audit --no-fund --silent
tests/e2e/node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue "$wasm" -o "$wasm.opt"
mv "$wasm.opt" "$wasm"
printf 'wasm module%s: %d bytes, %d bytes gzipped\n' "${features:+ (benchmark build)}" "$(stat -c %s "$wasm")" "$(gzip -9 -c "$wasm" | wc -c)"
