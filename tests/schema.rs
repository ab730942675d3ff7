//! The JSON Schema of the contract (`schema/contract-v1.schema.json`) is the one generated from the
//! types (`fordeling::contract::schema`), and matches what the library actually sends and accepts:
//! every golden answer under every command, generated answers, and well-formed requests.
//!
//! After changing a type of the contract: `UPDATE_SCHEMA=1 cargo test --test schema` writes the
//! file anew (then regenerate the TypeScript types with `scripts/gen-types.sh`).

mod harness;

use serde_json::{json, Value};

const SCHEMA_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/schema/contract-v1.schema.json");

#[test]
fn the_checked_in_schema_is_the_generated_one() {
    let generated = fordeling::contract::schema::contract_schema_text();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(SCHEMA_PATH, &generated).unwrap();
    }
    let checked_in = std::fs::read_to_string(SCHEMA_PATH).unwrap_or_default();
    assert!(
        checked_in == generated,
        "schema/contract-v1.schema.json differs from the schema generated from the types; \
         regenerate it with `UPDATE_SCHEMA=1 cargo test --test schema` (and the TypeScript types with \
         `scripts/gen-types.sh`)"
    );
}

/// The TypeScript types of the wasm module (`wasm/fordeling.d.ts`) are those generated from the
/// schema; checked with Node when `scripts/gen-types.sh` has installed the generator (always in
/// `scripts/test.sh`, which runs `tests/e2e/types.test.mjs`).
#[test]
fn the_typescript_types_are_generated_from_the_schema() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    if !root.join("tests/e2e/node_modules/json-schema-to-typescript").is_dir() {
        eprintln!("skipped: run scripts/gen-types.sh --check (installs json-schema-to-typescript)");
        return;
    }
    let out = std::process::Command::new("node").arg("scripts/gen-types.mjs").arg("--check").current_dir(root).output();
    let Ok(out) = out else {
        eprintln!("skipped: node is not installed");
        return;
    };
    assert!(
        out.status.success(),
        "{}{}regenerate with scripts/gen-types.sh",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

fn validator() -> jsonschema::Validator {
    let schema = fordeling::contract::schema::contract_schema();
    jsonschema::validator_for(&schema).expect("the schema is a valid JSON Schema")
}

fn assert_valid(v: &jsonschema::Validator, doc: &Value, what: &str) {
    let errors: Vec<String> = v.iter_errors(doc).map(|e| format!("{} at {}", e, e.instance_path)).take(5).collect();
    assert!(errors.is_empty(), "{what} does not match the schema:\n{}", errors.join("\n"));
}

/// The request of every golden case under every command (and `split` with `detail: summary`;
/// `compare` against the case itself): the answers, and the requests the library accepts as
/// requests, match the schema.
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
    let variants: [(&str, Value); 7] = [
        ("as written", Value::Null),
        ("check", json!({ "command": "check" })),
        ("split", json!({ "command": "split" })),
        ("summary", json!({ "command": "split", "detail": "summary" })),
        ("explain", json!({ "command": "explain", "lang": "da" })),
        ("parse", json!({ "command": "parse" })),
        ("postings", json!({ "command": "postings" })),
    ];
    let mut n = 0;
    let mut commands = std::collections::BTreeSet::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "toml") {
            continue;
        }
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let g = harness::load(&name, &std::fs::read_to_string(&path).unwrap(), &policy).unwrap();
        let Ok(base) = serde_json::from_str::<Value>(&g.request) else {
            let answer: Value = serde_json::from_str(&fordeling::contract::handle_json(&g.request)).unwrap();
            assert_valid(&v, &answer, &format!("the answer to {name}"));
            continue;
        };
        let mut requests = Vec::new();
        for (label, patch) in &variants {
            let mut req = base.clone();
            if let (Some(r), Some(p)) = (req.as_object_mut(), patch.as_object()) {
                r.extend(p.clone());
            }
            requests.push((label.to_string(), req));
        }
        if let Some(case) = base.get("case") {
            let mut req = base.clone();
            req["command"] = json!("compare");
            req["previous_case"] = case.clone();
            req["booked_through"] = json!("2024-06");
            requests.push(("compare".into(), req));
        }
        for (label, req) in requests {
            let answer: Value = serde_json::from_str(&fordeling::contract::handle_json(&req.to_string())).unwrap();
            assert_valid(&v, &answer, &format!("the answer to {name} ({label})"));
            if answer["status"] == "ok" {
                commands.insert(answer["command"].as_str().unwrap().to_string());
            }
            // Requests the library accepts as requests are valid requests in the schema.
            let accepted = answer["status"] == "ok" || answer["errors"][0]["kind"] != "request";
            if accepted {
                assert_valid(&v, &req, &format!("the request of {name} ({label})"));
            }
        }
        n += 1;
    }
    assert!(n >= 40);
    assert_eq!(commands.len(), 7, "every command answered at least once: {commands:?}");
}

#[test]
fn generated_answers_match_the_schema() {
    let v = validator();
    for seed in 0..200 {
        let answer: Value =
            serde_json::from_str(&fordeling::contract::handle_json(&fordeling_workload::gen::request(seed))).unwrap();
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
        serde_json::json!({ "version": 1, "command": "split", "policy": "x", "detail": "brief" }),
        serde_json::json!({ "version": 1, "command": "split", "policy": 5 }),
        serde_json::json!({ "status": "error", "version": 1, "errors": [
            { "kind": "weather", "code": "syntax", "item": "x", "message": "m" }
        ] }),
        serde_json::json!({ "status": "error", "version": 1, "errors": [
            { "kind": "case", "code": "rain", "item": "x", "message": "m" }
        ] }),
        serde_json::json!({ "status": "error", "version": 1, "errors": [
            { "kind": "case", "code": "syntax", "item": "x", "message": "m", "colour": "red" }
        ] }),
    ] {
        assert!(!v.is_valid(&bad), "the schema accepts {bad}");
    }
}

/// The policy and case documents as the library writes them (`parse`) are valid for the schemas of
/// the documents as serde reads them (`PolicyDoc`, `CaseDoc` under the deserialize contract), which
/// also accept numbers where the library does (a bare weight, a whole amount).
#[test]
fn documents_match_the_schemas_they_are_read_with() {
    let read_schema = |root: schemars::Schema| jsonschema::validator_for(&root.to_value()).unwrap();
    let settings = || schemars::generate::SchemaSettings::draft2020_12().for_deserialize();
    let policy_v = read_schema(settings().into_generator().into_root_schema_for::<fordeling::PolicyDoc>());
    let case_v = read_schema(settings().into_generator().into_root_schema_for::<fordeling::CaseDoc>());
    for e in fordeling::example::CASES {
        let request = json!({ "version": 1, "command": "parse", "policy": fordeling::example::POLICY, "case": e.case });
        let answer: Value = serde_json::from_str(&fordeling::contract::handle_json(&request.to_string())).unwrap();
        assert_eq!(answer["status"], "ok", "{answer}");
        assert_valid(&policy_v, &answer["result"]["policy"], "the example policy");
        assert_valid(&case_v, &answer["result"]["case"], &format!("case {}", e.name));
        // What the library reads besides: a bare number as a weight, a whole number as an amount.
        let mut case = answer["result"]["case"].clone();
        case["services"][0]["amount"] = json!(4500);
        assert_valid(&case_v, &case, "a case with a whole-number amount");
        let parsed: Value = serde_json::from_str(&fordeling::contract::handle_json(
            &json!({ "version": 1, "command": "parse", "policy": fordeling::example::POLICY, "case": case })
                .to_string(),
        ))
        .unwrap();
        assert_eq!(parsed["status"], "ok", "{parsed}");
        case["services"][0]["amount"] = json!(4500.5);
        assert!(!case_v.is_valid(&case), "a bare decimal amount is refused by the library and the schema");
    }
}
