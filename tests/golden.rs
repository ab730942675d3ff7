//! Golden cases (`tests/cases/*.toml`) run by the shared harness against the library and the CLI.
//! The same cases run in WebAssembly from `wasm/tests/golden.rs`.

mod harness;

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::Value;

fn cases() -> Vec<harness::Golden> {
    let files = harness::case_files();
    files
        .iter()
        .map(|p| {
            let name = p.file_stem().unwrap().to_string_lossy().to_string();
            harness::load(&name, &std::fs::read_to_string(p).unwrap(), &harness::policy)
                .unwrap_or_else(|e| panic!("{e}"))
        })
        .collect()
}

fn report(engine: &str, passed: usize, failures: &[String]) {
    assert!(passed + failures.len() > 0, "no golden cases found");
    if !failures.is_empty() {
        panic!("{engine}: {} problem(s) in the golden cases:\n{}", failures.len(), failures.join("\n"));
    }
    eprintln!("{engine}: {passed} golden cases passed");
}

#[test]
fn golden_cases_library() {
    let cases = cases();
    assert!(cases.len() >= 40, "only {} golden cases", cases.len());
    let (passed, failures) = harness::run_all(&cases, &mut |g| fordeling::contract::handle_json(&g.request));
    report("library", passed, &failures);
}

#[test]
fn golden_cases_are_deterministic() {
    for g in cases() {
        let a = fordeling::contract::handle_json(&g.request);
        let b = fordeling::contract::handle_json(&g.request);
        assert_eq!(a, b, "{}: two runs differ", g.name);
    }
}

#[cfg(feature = "cli")]
#[test]
fn golden_cases_cli() {
    let cases = cases();
    let (passed, failures) = harness::run_all(&cases, &mut |g| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_fordeling"))
            .args(["request", "-"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(g.request.as_bytes()).unwrap();
        let out = child.wait_with_output().unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        // The CLI answers with the library's exact bytes.
        assert_eq!(
            text.trim_end(),
            fordeling::contract::handle_json(&g.request),
            "{}: CLI differs from library",
            g.name
        );
        text
    });
    report("cli", passed, &failures);
}

#[test]
fn one_engine_answers_like_fresh_calls() {
    // One engine across all cases (policies change between them: cache hits and misses), twice over.
    let mut engine = fordeling::contract::Engine::new();
    for g in cases().iter().chain(cases().iter()) {
        assert_eq!(engine.handle_json(&g.request), fordeling::contract::handle_json(&g.request), "{}", g.name);
    }
}

#[test]
fn a_kept_portfolio_answers_its_scenarios_like_fresh_calls() {
    // Each portfolio request with a scenario goes to one engine without its scenario first (the
    // engine keeps that portfolio), then with it (computed from the kept portfolio when the scenario
    // changes only keys), then with the scenario as its own policy: every answer is a fresh call's.
    let mut engine = fordeling::contract::Engine::new();
    let mut compared = 0;
    for g in cases() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(&g.request) else { continue };
        if v["command"] != "portfolio" || v.get("scenario").is_none() {
            continue;
        }
        let mut base = v.clone();
        base.as_object_mut().unwrap().remove("scenario");
        let mut swapped = v.clone();
        swapped["policy"] = v["scenario"].clone();
        swapped["scenario"] = v["policy"].clone();
        for request in [base.to_string(), g.request.clone(), g.request.clone(), swapped.to_string()] {
            assert_eq!(engine.handle_json(&request), fordeling::contract::handle_json(&request), "{}", g.name);
        }
        compared += 1;
    }
    assert!(compared >= 3, "only {compared} portfolio requests with a scenario");
}

#[test]
fn prop_postings_net_to_gross_on_generated_cases() {
    // Each generated case as a postings request: the harness checks that each month's postings net
    // to its gross cost, each department's to its share, and transfer pairs to zero.
    let mut checked = 0;
    for seed in 0..300 {
        let mut req: serde_json::Value = serde_json::from_str(&fordeling_workload::gen::request(seed)).unwrap();
        req["command"] = serde_json::json!("postings");
        let g = harness::Golden {
            name: format!("generated-{seed}"),
            request: req.to_string(),
            expect: serde_json::json!({}),
        };
        let answer = fordeling::contract::handle_json(&g.request);
        if answer.starts_with("{\"status\":\"ok\"") {
            if let Err(problems) = harness::check(&g, &answer) {
                panic!("{}: {}", g.name, problems.join("\n"));
            }
            checked += 1;
        }
    }
    assert!(checked > 250, "only {checked} generated cases computed");
}

#[test]
fn streamed_answers_are_the_whole_answers_byte_for_byte() {
    // Every golden request, and each split of them again as a summary: the answer written while
    // its lines are computed (what the CLI prints) is the whole answer's bytes, compact and indented.
    let mut streamed_splits = 0;
    for g in cases() {
        let mut requests = vec![g.request.clone()];
        if let Ok(mut v) = serde_json::from_str::<serde_json::Value>(&g.request) {
            if v["command"] == "split" && v.get("detail").is_none() {
                v["detail"] = "summary".into();
                requests.push(v.to_string());
            }
        }
        for request in requests {
            let whole: fordeling::contract::Request = match serde_json::from_str(&request) {
                Ok(r) => r,
                Err(_) => continue,
            };
            let whole = fordeling::contract::handle(whole);
            let mut engine = fordeling::contract::Engine::new();
            let answer = engine.prepare_json(&request);
            streamed_splits += usize::from(matches!(answer, fordeling::contract::Answer::Streamed { .. }));
            assert_eq!(answer.is_ok(), whole.is_ok(), "{}", g.name);
            for pretty in [false, true] {
                let mut bytes = Vec::new();
                answer.write_json(&mut bytes, pretty).unwrap();
                let expected =
                    if pretty { serde_json::to_string_pretty(&whole) } else { serde_json::to_string(&whole) }.unwrap();
                assert_eq!(String::from_utf8(bytes).unwrap(), expected, "{} (pretty: {pretty})", g.name);
            }
        }
    }
    assert!(streamed_splits >= 20, "only {streamed_splits} answers were streamed");
}

/// The golden requests seed the coverage-guided fuzzers (`scripts/fuzz.sh`): with
/// `FORDELING_FUZZ_SEEDS=DIR`, each request is written to `DIR/request/NAME.json`, and its policy
/// and case to `DIR/documents/NAME` (the policy's text, a NUL byte, the case's text).
#[test]
fn golden_requests_are_fuzz_seeds() {
    let cases = cases();
    let requests: Vec<Value> = cases.iter().filter_map(|g| serde_json::from_str(&g.request).ok()).collect();
    // Only a few golden cases send a request that is not JSON on purpose.
    assert!(requests.len() + 10 > cases.len(), "{} of {} requests are JSON", requests.len(), cases.len());
    let Some(dir) = std::env::var_os("FORDELING_FUZZ_SEEDS").map(std::path::PathBuf::from) else { return };
    let text = |v: &Value| v.as_str().map_or_else(|| v.to_string(), str::to_string);
    std::fs::create_dir_all(dir.join("request")).unwrap();
    std::fs::create_dir_all(dir.join("documents")).unwrap();
    for g in &cases {
        std::fs::write(dir.join("request").join(format!("{}.json", g.name)), &g.request).unwrap();
        if let Ok(r) = serde_json::from_str::<Value>(&g.request) {
            let doc = format!("{}\0{}", text(&r["policy"]), text(&r["case"]));
            std::fs::write(dir.join("documents").join(&g.name), doc).unwrap();
        }
    }
}
