//! The JSON Schema of the contract (`schema/contract-v1.schema.json`) matches what the library
//! actually sends and accepts: every golden answer, generated answers, and well-formed requests.

mod harness;

use serde_json::Value;

fn validator() -> jsonschema::Validator {
    let schema: Value =
        serde_json::from_str(include_str!("../schema/contract-v1.schema.json")).expect("the schema is JSON");
    jsonschema::validator_for(&schema).expect("the schema is a valid JSON Schema")
}

fn assert_valid(v: &jsonschema::Validator, doc: &Value, what: &str) {
    let errors: Vec<String> = v.iter_errors(doc).map(|e| format!("{} at {}", e, e.instance_path)).take(5).collect();
    assert!(errors.is_empty(), "{what} does not match the schema:\n{}", errors.join("\n"));
}

#[test]
fn golden_requests_and_answers_match_the_schema() {
    let v = validator();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let policy = |name: &str| {
        if name == "example" {
            Some(fordeling::example::POLICY.to_string())
        } else {
            std::fs::read_to_string(dir.join("policies").join(format!("{name}.toml"))).ok()
        }
    };
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "toml") {
            continue;
        }
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let g = harness::load(&name, &std::fs::read_to_string(&path).unwrap(), &policy).unwrap();
        let answer: Value = serde_json::from_str(&fordeling::contract::handle_json(&g.request)).unwrap();
        assert_valid(&v, &answer, &format!("the answer to {name}"));
        // Requests the library accepts as requests are valid requests in the schema.
        if let Ok(req) = serde_json::from_str::<Value>(&g.request) {
            let accepted = answer["status"] == "ok" || answer["errors"][0]["kind"] != "request";
            if accepted {
                assert_valid(&v, &req, &format!("the request of {name}"));
            }
        }
        n += 1;
    }
    assert!(n >= 40);
}

#[test]
fn generated_answers_match_the_schema() {
    let v = validator();
    for seed in 0..200 {
        let answer: Value =
            serde_json::from_str(&fordeling::contract::handle_json(&fordeling::gen::request(seed))).unwrap();
        assert_valid(&v, &answer, &format!("generated answer {seed}"));
    }
}

#[test]
fn the_schema_rejects_what_the_library_rejects() {
    let v = validator();
    for bad in [
        serde_json::json!({ "version": 2, "command": "split", "policy": "x" }),
        serde_json::json!({ "version": 1, "command": "fly", "policy": "x" }),
        serde_json::json!({ "version": 1, "command": "split", "policy": "x", "colour": "red" }),
        serde_json::json!({ "status": "ok", "version": 1, "command": "split", "result": { "case": "c" } }),
        serde_json::json!({ "status": "error", "version": 1, "errors": [] }),
    ] {
        assert!(!v.is_valid(&bad), "the schema accepts {bad}");
    }
}
