//! `fordeling` in WebAssembly. This crate only converts at the boundary: every call takes and
//! returns text of the library's JSON contract (see `schema/contract-v1.schema.json`), so the
//! browser gets exactly the bytes the native library and the CLI produce. Nothing here throws:
//! bad input gives a `{"status":"error",...}` answer.

use fordeling::contract::json_string;
use wasm_bindgen::prelude::*;

#[cfg(feature = "xlsx")]
mod xlsx;

/// The TypeScript types of the contract (`FordelingRequest`, `FordelingResponse` and every result
/// type), generated from `schema/contract-v1.schema.json` by `scripts/gen-types.sh`.
#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = include_str!("../fordeling.d.ts");

/// Answer a contract request (JSON text) with a contract response (JSON text).
#[wasm_bindgen]
pub fn handle(request: &str) -> String {
    fordeling::contract::handle_json(request)
}

/// An engine that keeps the last compiled policy between calls (for a page that recomputes on
/// every keystroke); answers are byte for byte those of [`handle`].
#[wasm_bindgen]
#[derive(Default)]
pub struct Engine(fordeling::contract::Engine);

#[wasm_bindgen]
impl Engine {
    /// A new engine.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Engine {
        Engine::default()
    }

    /// Answer a contract request (JSON text) with a contract response (JSON text).
    pub fn handle(&mut self, request: &str) -> String {
        self.0.handle_json(request)
    }
}

/// Split the reference workload CSV (see the library's `workload` module) in memory, bytes in and
/// bytes out (as a file is read and a download is written, without converting to JavaScript
/// strings): returns the output CSV (UTF-8, with header); bad records are left out of it and listed
/// after a line `# errors`. Only in the benchmark build (feature `workload`).
#[cfg(feature = "workload")]
#[wasm_bindgen]
pub fn workload(input: &[u8]) -> Vec<u8> {
    let (out, errors, totals) = fordeling_workload::workload::run_bytes(input);
    let mut text = String::with_capacity(out.len() + 128);
    text.push_str(fordeling_workload::workload::OUTPUT_HEADER);
    text.push('\n');
    text.push_str(&out);
    if !errors.is_empty() {
        text.push_str("# errors\n");
        for e in errors {
            text.push_str(&e.to_string());
            text.push('\n');
        }
    }
    text.push_str(&format!("# totals\n{totals}\n"));
    text.into_bytes()
}

/// The built-in example policy (TOML text; made-up amounts and keys).
#[wasm_bindgen(js_name = examplePolicy)]
pub fn example_policy() -> String {
    fordeling::example::POLICY.to_string()
}

/// The built-in example cases as a JSON array of `{name, case, period: {from, to}}`.
#[wasm_bindgen(js_name = exampleCases)]
pub fn example_cases() -> String {
    let list: Vec<String> = fordeling::example::CASES
        .iter()
        .map(|e| {
            format!(
                "{{\"name\":{},\"case\":{},\"period\":{{\"from\":\"{}\",\"to\":\"{}\"}}}}",
                json_string(e.name),
                json_string(e.case),
                e.period.0,
                e.period.1
            )
        })
        .collect();
    format!("[{}]", list.join(","))
}

/// The contract version this module speaks.
#[wasm_bindgen(js_name = contractVersion)]
pub fn contract_version() -> u32 {
    fordeling::contract::CONTRACT_VERSION
}
