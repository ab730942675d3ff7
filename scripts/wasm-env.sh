# Sourced by scripts: the environment for building and testing the wasm32 target with Debian's
# rustc-web (rustup cannot add targets on these machines).
export RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc RUSTC_BOOTSTRAP=1
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
export CHROMEDRIVER=/usr/bin/chromedriver
WASM_CARGO=/usr/bin/cargo
WASM_FLAGS=(--target wasm32-unknown-unknown -Zbuild-std=std,panic_abort)
