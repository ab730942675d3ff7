#!/usr/bin/env bash
# Runs every test: native (unit, golden cases through library and CLI, properties, doctests),
# then WebAssembly (golden cases and the native-vs-wasm differential test, in Node and in headless
# Chromium). Installs the WebAssembly toolchain first if it is missing. Prints the test runners'
# summary lines; on a failure, the whole log of the failing step.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target
# One build from scratch: incremental compilation's caches would only take disk (they were twice
# the size of the build itself).
export CARGO_INCREMENTAL=0
step() { # name, log, command...
  local name=$1 log=$2; shift 2
  echo "== $name"
  if ! "$@" >"$log" 2>&1; then
    cat "$log"
    echo "== $name FAILED"
    df -h . | sed 's/^/disk: /'
    exit 1
  fi
  grep -E "^test result|^Running (tests|headless)|golden cases passed" "$log" || true
}
# The code's own standards: formatting, lints on every target and feature (clippy's --all-targets
# checks that the benchmarks compile too), and no import cycle or upward import between the
# layers (docs/ARCHITECTURE.md).
step "cargo fmt --check" target/fmt.log \
  sh -c "cargo fmt --all --check && cargo fmt --manifest-path fuzz/Cargo.toml --check"
step "clippy (all targets, all features)" target/clippy.log \
  cargo clippy --workspace --all-targets --all-features -- -D warnings
step "docs (rustdoc, warnings denied)" target/doc.log env RUSTDOCFLAGS="-D warnings" \
  cargo doc --no-deps --features cli,server
step "layers" target/layers.log python3 ../shared/tools/layers.py src --order "$(cat docs/layers.txt)"
tail -1 target/layers.log
# The native tests with the HTTP server's feature too (tests/server.rs starts `fordeling serve`
# on 127.0.0.1): one build of the library for both.
# The golden test also writes every golden request as a seed for the fuzzers (below).
seeds="$(realpath -m "${CARGO_TARGET_DIR:-target}")/fuzz/seeds"
rm -rf "$seeds"
step "native tests (with the HTTP server)" target/test-native.log \
  env FORDELING_FUZZ_SEEDS="$seeds" \
  cargo test -p fordeling -p fordeling-workload --features fordeling/cli,fordeling/server
# Coverage-guided fuzzing (cargo-fuzz, libFuzzer): a bounded number of inputs per target.
step "coverage-guided fuzzing (10,000 inputs per target)" target/fuzz.log scripts/fuzz.sh 10000
grep -E "^fuzz " target/fuzz.log
# The benchmark-only export of the wasm crate (not in the page's module) must keep compiling.
step "wasm crate with the benchmark export" target/check-bench.log cargo check -p fordeling-wasm --features workload
scripts/install-wasm-toolchain.sh
source scripts/wasm-env.sh
# Optimise the wasm test build: in a debug build the browser's main thread is busy too long.
export CARGO_PROFILE_DEV_OPT_LEVEL=2 CARGO_PROFILE_DEV_DEBUG=0
step "WebAssembly tests (Node and headless Chromium)" target/test-wasm.log \
  "$WASM_CARGO" test -p fordeling-wasm "${WASM_FLAGS[@]}" --tests
# The page: build the module, then drive it in headless Chromium against the native CLI.
step "build the page" target/build-page.log scripts/build-page.sh
grep -E "^(wasm module|first load)" target/build-page.log
# The budget of the page's first load (HTML, JS, CSS and the computing module; the workbook module
# is loaded only when a workbook is opened or saved): at most 600 KB gzipped.
first=$(awk '/^first load:/{print $5}' target/build-page.log)
if [ -z "$first" ] || [ "$first" -gt 600000 ]; then echo "== the first load is ${first:-?} bytes gzipped: over the 600,000-byte budget"; exit 1; fi
echo "first load: $first bytes gzipped, within the 600,000-byte budget"
# The npm package from the module just built: packed, installed in a fresh project, run by Node.
step "npm package (pack, install, node --test)" target/test-npm.log env SKIP_WASM_BUILD=1 scripts/test-npm.sh
awk '/^# pass/{p=$3} /^# fail/{f=$3} END{printf "npm: %d passed, %d failed\n", p, f}' target/test-npm.log
# The Python package: one abi3 wheel (maturin), installed in a fresh virtual environment, pytest.
step "Python package (wheel, venv, pytest)" target/test-python.log scripts/test-python.sh
grep -E "^[0-9]+ passed" target/test-python.log | sed 's/^/python: /'
step "npm install (playwright-core, json-schema-to-typescript)" target/npm.log npm ci --prefix tests/e2e --no-audit --no-fund
# The module's TypeScript types are the ones generated from the contract's schema.
step "TypeScript types generated from the schema" target/test-types.log node --test tests/e2e/types.test.mjs
echo "== page tests (headless Chromium)"
# Compared with the CLI the native tests built (a release build would take nine minutes more).
cli="$(realpath -m "${CARGO_TARGET_DIR:-target}")/debug/fordeling"
(cd tests/e2e && FORDELING_CLI="$cli" node --test page.test.mjs) >target/test-page.log 2>&1 || { cat target/test-page.log; echo "== page tests FAILED"; exit 1; }
grep -E "^# (tests|pass|fail)" target/test-page.log
awk '/^# pass/{p=$3} /^# fail/{f=$3} END{printf "page: %d passed, %d failed\n", p, f}' target/test-page.log
