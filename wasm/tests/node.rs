//! Golden cases and the differential test in WebAssembly under Node.
use wasm_bindgen_test::wasm_bindgen_test;

mod common;

#[wasm_bindgen_test]
fn golden_cases_in_node() {
    common::golden();
}

#[wasm_bindgen_test]
fn differential_native_vs_wasm_in_node() {
    common::differential(false);
}
