//! The golden cases and the differential test, run in WebAssembly (Node or headless Chromium).
#![allow(dead_code)]

#[path = "../../../tests/harness/mod.rs"]
pub mod harness;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/golden.rs"));
}

fn policy(name: &str) -> Option<String> {
    if name == "example" {
        return Some(fordeling_wasm::example_policy());
    }
    embedded::POLICIES.iter().find(|p| p.0 == name).map(|p| p.1.to_string())
}

/// Every golden case, through the exported `handle`, checked by the shared harness.
pub fn golden() {
    let cases: Vec<harness::Golden> =
        embedded::CASES.iter().map(|(name, text)| harness::load(name, text, &policy).unwrap()).collect();
    assert!(cases.len() >= 40);
    let (passed, failures) = harness::run_all(&cases, &mut |g| fordeling_wasm::handle(&g.request));
    assert!(failures.is_empty(), "{} problem(s):\n{}", failures.len(), failures.join("\n"));
    assert_eq!(passed, cases.len());
}

/// Generated requests give the same bytes as the native library (compared by hash), through the
/// free function or through one caching engine.
pub fn differential(through_engine: bool) {
    let mut ok = 0;
    let mut engine = fordeling_wasm::Engine::new();
    for seed in 0..embedded::DIFFERENTIAL_CASES {
        let request = fordeling_workload::gen::request(seed);
        let answer = if through_engine { engine.handle(&request) } else { fordeling_wasm::handle(&request) };
        let hash = fordeling_workload::gen::fnv1a(answer.as_bytes());
        assert_eq!(hash, embedded::NATIVE_HASHES[seed as usize], "generated request {seed} differs from native");
        ok += 1;
    }
    assert_eq!(ok, embedded::NATIVE_HASHES.len());
}
