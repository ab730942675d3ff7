#!/usr/bin/env bash
# Builds the page's WebAssembly modules and reports their sizes and the page's first load:
#  - wasm/www/pkg: the contract for single cases (no portfolio: --no-default-features), loaded
#    with the page;
#  - wasm/www/pkg-xlsx: the whole contract (the portfolio too) and workbooks (calamine,
#    rust_xlsxwriter), loaded only when a workbook is opened or saved (several times larger than
#    the first); the npm package ships this one.
# `scripts/build-page.sh bench` builds the benchmark's module instead (the contract plus the
# reference workload export) into wasm/www/pkg-bench.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-wasm-toolchain.sh
source scripts/wasm-env.sh
# binaryen from npm (Debian's binaryen 108 corrupts wasm-bindgen output, see WASM.md).
[ -x tests/e2e/node_modules/.bin/wasm-opt ] || npm ci --prefix tests/e2e --no-audit --no-fund --silent
build() { # out-dir, cargo features...
  local out=$1; shift
  # The library never panics by design; immediate-abort drops the panic-message machinery (smaller
  # module); optimize_for_size picks the standard library's smaller algorithms. A separate target
  # directory keeps the test builds (with panic messages) from rebuilding.
  RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort" CARGO_TARGET_DIR=target/page \
    "$WASM_CARGO" build --profile wasm-release -p fordeling-wasm "$@" "${WASM_FLAGS[@]}" \
    -Zbuild-std-features=optimize_for_size --quiet
  wasm-bindgen --target web --remove-name-section --out-dir "$out" target/page/wasm32-unknown-unknown/wasm-release/fordeling_wasm.wasm
  local wasm="$out/fordeling_wasm_bg.wasm"
  tests/e2e/node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue "$wasm" -o "$wasm.opt"
  mv "$wasm.opt" "$wasm"
  printf 'wasm module %s: %d bytes, %d bytes gzipped\n' "$out" "$(stat -c %s "$wasm")" "$(gzip -9 -c "$wasm" | wc -c)"
}
if [ "${1:-}" = bench ]; then
  build wasm/www/pkg-bench --features workload
  exit
fi
build wasm/www/pkg --no-default-features
build wasm/www/pkg-xlsx --features xlsx
# The version of this build (the service worker's cache is named after it): a digest of every file
# the page serves, so a deployment that changes any of them is a new version.
version=$(cd wasm/www && find . -type f ! -name version.js ! -path './pkg-bench/*' | LC_ALL=C sort | xargs sha256sum | sha256sum | cut -c1-12)
printf "// Written by scripts/build-page.sh: the version of this build of the page.\nself.FORDELING_VERSION = '%s';\n" "$version" >wasm/www/version.js
echo "page version $version"
# The first load: what the page fetches before it is ready (the workbook module is not part of it).
first=(wasm/www/index.html wasm/www/version.js wasm/www/app.js wasm/www/cells.js wasm/www/store.js wasm/www/update.js wasm/www/dom.js wasm/www/reassess.js wasm/www/casefields.js wasm/www/texts.js wasm/www/xlsx.js wasm/www/style.css wasm/www/pkg/fordeling_wasm.js wasm/www/pkg/fordeling_wasm_bg.wasm)
raw=0 gz=0
for f in "${first[@]}"; do
  raw=$((raw + $(stat -c %s "$f"))) gz=$((gz + $(gzip -9 -c "$f" | wc -c)))
done
printf 'first load: %d bytes, %d bytes gzipped (%s)\n' "$raw" "$gz" "${first[*]#wasm/www/}"
