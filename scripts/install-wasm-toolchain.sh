#!/usr/bin/env bash
# Installs what the WebAssembly build and the browser tests need, skipping what is present:
# Debian's rustc-web (with std sources, for -Zbuild-std), lld, Chromium and ChromeDriver,
# and wasm-bindgen-cli pinned to the crate's wasm-bindgen version. See ../shared/toolchain/WASM.md.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
need_apt=()
for pkg in rustc-web cargo-web rust-web-src lld-22 chromium chromium-driver; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need_apt+=("$pkg")
done
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "installing Debian packages: ${need_apt[*]}"
  apt-get update -qq
  apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
if ! command -v wasm-bindgen >/dev/null || [ "$(wasm-bindgen --version | awk '{print $2}')" != "0.2.130" ]; then
  echo "installing wasm-bindgen-cli 0.2.130 (takes about 5 minutes)"
  cargo install wasm-bindgen-cli --version 0.2.130 --quiet
fi
