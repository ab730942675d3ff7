#!/usr/bin/env bash
# Installs what the WebAssembly build and the browser tests need, skipping what is present:
# Debian's rustc-web (with std sources, for -Zbuild-std), lld, Chromium and ChromeDriver,
# LibreOffice Calc and poppler (the page tests open the downloaded .xlsx in LibreOffice and render
# its chart page), and wasm-bindgen-cli pinned to the crate's wasm-bindgen version.
# See ../shared/toolchain/WASM.md.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
missing() { for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || echo "$pkg"; done; }
updated=
apt_install() { # [apt options...] -- packages...
  local opts=(); while [ "$1" != "--" ]; do opts+=("$1"); shift; done; shift
  local need; need=$(missing "$@")
  [ -z "$need" ] && return 0
  echo "installing Debian packages: ${need//$'\n'/ }"
  [ -n "$updated" ] || { apt-get update -qq; updated=1; }
  # shellcheck disable=SC2086
  apt-get install -y -qq "${opts[@]}" $need >/dev/null
}
apt_install -- rustc-web cargo-web rust-web-src lld-22 chromium chromium-driver
# Calc without its GUI and recommends (about 20 s): enough for --convert-to csv/pdf.
apt_install --no-install-recommends -- libreoffice-calc-nogui poppler-utils
if ! command -v wasm-bindgen >/dev/null || [ "$(wasm-bindgen --version | awk '{print $2}')" != "0.2.130" ]; then
  echo "installing wasm-bindgen-cli 0.2.130 (takes about 5 minutes)"
  cargo install wasm-bindgen-cli --version 0.2.130 --quiet
fi
