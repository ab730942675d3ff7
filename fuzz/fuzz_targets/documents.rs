//! A policy and a case as documents (TOML or JSON, as a person writes them), split over the case's
//! own period: the input is the policy's text, a NUL byte, and the case's text. The answer
//! conserves every øre or names its errors.
#![no_main]

use fordeling::contract::{handle, Command, DocInput, Request};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

#[path = "../../tests/world/mod.rs"]
mod world;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (policy, case) = text.split_once('\0').unwrap_or((text, ""));
    let mut req = Request::new(Command::Split, DocInput::text(policy));
    req.case = Some(DocInput::text(case));
    let answer: Value = serde_json::from_str(&handle(req).to_json()).expect("the answer is JSON");
    if let Err(e) = world::check_answer(&answer) {
        panic!("{e}");
    }
});
