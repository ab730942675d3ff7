//! Golden cases and the differential test in WebAssembly in headless Chromium.
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

mod common;

#[wasm_bindgen_test]
fn golden_cases_in_browser() {
    common::golden();
}

#[wasm_bindgen_test]
fn differential_native_vs_wasm_in_browser() {
    common::differential(true);
}
