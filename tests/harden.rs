//! Issue 13: no silent wrong number, no panic, and linear cost on every legal input. Each test here
//! failed (a panic, a wrong number or a wrapped total) before its fix.

use serde_json::{json, Value};

fn policy() -> String {
    fordeling::example::POLICY.to_string()
}

fn answer(request: &Value) -> Value {
    serde_json::from_str(&fordeling::contract::handle_json(&request.to_string())).expect("the answer is always JSON")
}

fn check(policy: &str) -> Value {
    answer(&json!({ "version": 1, "command": "check", "policy": policy }))
}

/// The messages of an error answer.
fn messages(a: &Value) -> Vec<String> {
    assert_eq!(a["status"], "error", "{a}");
    a["errors"].as_array().unwrap().iter().map(|e| format!("{}: {}", e["item"], e["message"])).collect()
}

fn has(a: &Value, needle: &str) {
    let m = messages(a);
    assert!(m.iter().any(|m| m.contains(needle)), "no '{needle}' in {m:#?}");
}

#[test]
fn a_sector_listed_twice_in_a_department_is_a_named_error() {
    let p =
        policy().replacen(r#"sectors = ["children_social"]"#, r#"sectors = ["children_social", "children_social"]"#, 1);
    has(&check(&p), "names sector area 'children_social' twice");
    // In every command that compiles the policy, too.
    let a = answer(&json!({ "version": 1, "command": "split", "policy": p, "case": fordeling::example::CASE }));
    has(&a, "twice");
}

#[test]
fn other_duplicated_list_elements_are_named_errors() {
    let p =
        policy().replacen(r#"municipalities = ["ishoj", "vallensbaek"]"#, r#"municipalities = ["ishoj", "ishoj"]"#, 1);
    has(&check(&p), "names municipality 'ishoj' twice");
    let p = policy().replacen("code = 187", "code = 183", 1);
    has(&check(&p), "kommunekode 183 is already used");
    let p = policy().replacen(
        "on_behalf_of = \"vallensbaek\"\nsectors = [\"children_social\"",
        "on_behalf_of = \"vallensbaek\"\nsectors = [\"children_social\", \"children_social\"",
        1,
    );
    assert_ne!(p, policy());
    has(&check(&p), "names sector area 'children_social' twice");
}

/// A case in Ishøj in January 2024, eligible, with one service line `s1` and the agreement given.
fn ishoj_case(agreement: Value) -> Value {
    json!({
        "id": "k",
        "child": { "birth_date": "2020-01-15", "significant_permanent_disability": true,
                   "handlekommune": [{ "municipality": "ishoj", "from": "2020-01-15" }] },
        "consent": [{ "from": "2020-01-01" }],
        "other_cases": [{ "id": "o", "sector": "employment", "from": "2020-01-01" }],
        "services": [{ "id": "s1", "service": "merudgift", "amount": "3000.00", "per": "month",
                       "from": "2024-01-01", "to": "2024-01-31" }],
        "agreements": [agreement]
    })
}

#[test]
fn key_entries_for_one_department_are_added_exactly_even_above_the_weight_limit() {
    let case = ishoj_case(json!({ "id": "a", "service": "s1", "from": "2024-01-01", "kind": "weights", "shares": [
        { "department": "ishoj-cbf", "weight": 600000000000u64 },
        { "sector": "children_social", "weight": 600000000000u64 },
        { "department": "ishoj-cdu", "weight": 600000000000u64 },
    ]}));
    let a = answer(&json!({ "version": 1, "command": "split", "policy": policy(), "case": case }));
    assert_eq!(a["status"], "ok", "{a}");
    let shares: Vec<(String, String)> = a["result"]["lines"][0]["shares"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["department"].as_str().unwrap().to_string(), s["amount"].as_str().unwrap().to_string()))
        .collect();
    assert_eq!(shares, [("ishoj-cbf".to_string(), "2000.00".to_string()), ("ishoj-cdu".into(), "1000.00".into())]);
}

#[test]
fn a_household_total_beyond_the_limit_is_a_named_error_not_a_wrapped_number() {
    // 96 children, each at the largest total a case may have (1,000 one-offs of 10^12 in one
    // month, in a service the scheme does not count), spread over twelve months and two
    // municipalities so that no month's or department's total passes 64 bits: the household's does.
    let child = |i: usize| {
        let day = format!("2024-{:02}-01", i % 12 + 1);
        let services: Vec<Value> = (0..1000)
            .map(|j| {
                json!({ "id": format!("s{j}"), "service": "stoette-dagtilbud", "amount": "1000000000000.00",
                        "per": "once", "from": day, "to": day })
            })
            .collect();
        let muni = if i % 2 == 0 { "ishoj" } else { "vallensbaek" };
        json!({
            "id": format!("k{i}"), "household": "h",
            "child": { "birth_date": "2020-01-15", "significant_permanent_disability": true,
                       "handlekommune": [{ "municipality": muni, "from": "2020-01-15" }] },
            "services": services
        })
    };
    let siblings: Vec<Value> = (1..96).map(child).collect();
    let a = answer(&json!({ "version": 1, "command": "split", "policy": policy(), "case": child(0),
                            "siblings": siblings, "period": { "from": "2024-01-01", "to": "2024-12-31" } }));
    has(&a, "household");
}
#[test]
fn overlapping_criteria_are_reported_once_each_and_at_most_a_hundred() {
    let mut p = policy();
    for _ in 0..2000 {
        p.push_str("\n[[eligibility]]\nfrom = \"2024-01-01\"\n");
    }
    let m = messages(&check(&p));
    assert!(m.len() <= 101, "{} errors", m.len());
    assert!(m.last().unwrap().contains("and 1900 more"), "{:?}", m.last());
}

#[test]
fn ids_and_names_are_checked_for_length_control_characters_and_look_alikes() {
    for (from, to, needle) in [
        ("id = \"ishoj-cbf\"", "id = \"\"", "may not be empty"),
        ("id = \"ishoj-cbf\"", &format!("id = \"{}\"", "x".repeat(201)), "at most 200 characters"),
        ("id = \"ishoj-cbf\"", "id = \"ishoj-cbf\\r\"", "U+000D"),
        ("id = \"ishoj-cbf\"", "id = \"ishoj\\u0000cbf\"", "U+0000"),
        ("id = \"ishoj-cbf\"", "id = \"ishoj-\\u202Ecbf\"", "U+202E"),
        ("name = \"Ishøj Kommune\"", "name = \"Ishøj\\u2066 Kommune\"", "U+2066"),
        ("id = \"ishoj-cdu\"", "id = \"ishoj-cbf\\u200B\"", "looks the same as 'ishoj-cbf'"),
    ] {
        assert!(policy().contains(from), "{from}");
        let p = policy().replacen(from, to, 1);
        has(&check(&p), needle);
    }
    // Unicode normalisation: a decomposed ö looks like the composed one.
    let p = policy().replacen("id = \"ishoj\"", "id = \"ishöj\"", 1).replacen(
        "id = \"vallensbaek\"",
        "id = \"isho\u{308}j\"",
        1,
    );
    has(&check(&p), "looks the same as 'ishöj'");
}

#[cfg(feature = "cli")]
#[test]
fn cli_split_and_batch_give_the_summary_detail() {
    let root = env!("CARGO_MANIFEST_DIR");
    let run = |args: &[&str]| {
        let out =
            std::process::Command::new(env!("CARGO_BIN_EXE_fordeling")).current_dir(root).args(args).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    let split = ["split", "--policy", "examples/policy.toml", "--case", "examples/case-ishoj.toml"];
    let period = ["--from", "2024-01-01", "--to", "2024-12-31"];
    let full: Value = serde_json::from_str(&run(&[&split[..], &period[..]].concat())).unwrap();
    let summary: Value =
        serde_json::from_str(&run(&[&split[..], &period[..], &["--detail", "summary"]].concat())).unwrap();
    assert_eq!(full["result"]["totals"], summary["result"]["totals"]);
    assert!(full["result"]["lines"][0].get("authority").is_some());
    assert!(summary["result"]["lines"][0].get("authority").is_none(), "{}", summary["result"]["lines"][0]);
    // Batch: each result line in the summary form.
    let case: Value =
        toml::from_str::<toml::Value>(fordeling::example::CASE).map(|v| serde_json::to_value(v).unwrap()).unwrap();
    let dir = std::env::temp_dir().join(format!("fordeling-harden-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cases = dir.join("cases.jsonl");
    std::fs::write(&cases, format!("{case}\n")).unwrap();
    let cases = cases.to_str().unwrap();
    let out = run(&[
        "batch",
        "--policy",
        "examples/policy.toml",
        "--cases",
        cases,
        "--detail",
        "summary",
        "--from",
        "2024-01-01",
        "--to",
        "2024-12-31",
    ]);
    let line: Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert_eq!(line["totals"], summary["result"]["totals"]);
    assert!(line["lines"][0].get("authority").is_none());
    std::fs::remove_dir_all(&dir).unwrap();
}
