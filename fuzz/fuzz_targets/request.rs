//! A JSON contract request, as any system could send it (every command: check, split, explain,
//! postings, compare, parse, portfolio). The answer is always JSON; a split's answer conserves
//! every øre; every error is named. Seeds: the golden cases and the examples (`scripts/fuzz.sh`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use serde_json::Value;

#[path = "../../tests/world/mod.rs"]
mod world;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let answer: Value = serde_json::from_str(&fordeling::contract::handle_json(text)).expect("the answer is JSON");
    let split = serde_json::from_str::<Value>(text).is_ok_and(|r| r["command"] == "split");
    if split || answer["status"] == "error" {
        if let Err(e) = world::check_answer(&answer) {
            panic!("{e}");
        }
    } else {
        assert_eq!(answer["status"], "ok", "{answer}");
    }
});
