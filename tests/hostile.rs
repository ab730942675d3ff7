//! Hostile input: every one gives a named error (never a panic), and in batch mode no good line is lost.

use serde_json::{json, Value};

const BASIC: &str = include_str!("cases/policies/basic.toml");

fn case_with(amount: Value, from: &str) -> Value {
    json!({
        "id": "h",
        "consent": [{ "from": "2020-01-01" }],
        "child": { "birth_date": "2020-01-15", "significant_permanent_disability": true,
                   "handlekommune": [{ "municipality": "m1", "from": "2020-01-15" }] },
        "services": [{ "id": "s1", "service": "sole-svc", "amount": amount, "per": "month", "from": from, "to": "2024-01-31" }]
    })
}

fn answer(request: &str) -> Value {
    serde_json::from_str(&fordeling::contract::handle_json(request)).expect("the answer is always JSON")
}

/// The first error of an answer that must be an error.
fn first_error(a: &Value) -> &Value {
    assert_eq!(a["status"], "error", "{a}");
    &a["errors"][0]
}

fn split_request(case: Value) -> String {
    json!({ "version": 1, "command": "split", "policy": BASIC, "case": case }).to_string()
}

#[test]
fn huge_numbers_are_named_errors() {
    for (amount, needle) in [
        (json!("1e400"), "not a number"),
        (json!("99999999999999999999999999999999"), "too large"),
        (json!("-1000000000000.01"), "too large"),
        (json!("1.0000000000000000000000000000000000000001"), "not a number"),
        (json!(1e300), "as strings"),
        (json!(u64::MAX), "too large"),
        (json!("NaN"), "not a number"),
        (json!(""), "not a number"),
        (json!(true), "string"),
    ] {
        let a = answer(&split_request(case_with(amount.clone(), "2024-01-01")));
        let e = first_error(&a);
        assert_eq!(e["item"], "services[0].amount", "{amount}: {e}");
        assert!(e["message"].as_str().unwrap().contains(needle), "{amount}: {e}");
    }
}

#[test]
fn forty_digit_decimals_are_refused_not_rounded() {
    let a = answer(&split_request(case_with(json!("1234.5678901234567890123456789012345678"), "2024-01-01")));
    assert_eq!(first_error(&a)["item"], "services[0].amount");
}

#[test]
fn impossible_dates_are_named() {
    for (date, needle) in [
        ("2025-02-30", "2025-02 has 28 days"),
        ("2023-02-29", "2023-02 has 28 days"),
        ("2024-13-01", "month must be 01 to 12"),
        ("2024-1-1", "YYYY-MM-DD"),
        ("0000-01-01", "year must be between"),
        ("2024-01-01T00:00:00", "YYYY-MM-DD"),
    ] {
        let a = answer(&split_request(case_with(json!("100.00"), date)));
        let e = first_error(&a);
        assert_eq!(e["item"], "services[0].from", "{date}: {e}");
        assert!(e["message"].as_str().unwrap().contains(needle), "{date}: {e}");
    }
}

#[test]
fn duplicate_keys_are_named() {
    // JSON: the same field twice in one object.
    let req = json!({ "version": 1, "command": "split", "policy": BASIC, "case": "CASE" }).to_string().replace(
        "\"CASE\"",
        &serde_json::to_string(
            r#"{"id":"d","id":"e","child":{"birth_date":"2020-01-15","significant_permanent_disability":true,"handlekommune":[]},"services":[]}"#,
        )
        .unwrap(),
    );
    let e = first_error(&answer(&req)).clone();
    assert_eq!(e["kind"], "case");
    assert!(e["message"].as_str().unwrap().contains("duplicate field `id`"), "{e}");
    // TOML: the same key twice.
    let policy = format!("name = \"again\"\n{BASIC}");
    let e = first_error(&answer(&json!({ "version": 1, "command": "check", "policy": policy }).to_string())).clone();
    assert_eq!(e["kind"], "policy");
    assert!(e["message"].as_str().unwrap().contains("duplicate key"), "{e}");
    // The same id twice in a list.
    let e = first_error(&answer(&split_request(json!({
        "id": "d", "child": { "birth_date": "2020-01-15", "significant_permanent_disability": true,
                              "handlekommune": [{ "municipality": "m1", "from": "2020-01-15" }] },
        "services": [
            { "id": "s1", "service": "sole-svc", "amount": "1", "per": "month", "from": "2024-01-01", "to": "2024-01-31" },
            { "id": "s1", "service": "sole-svc", "amount": "2", "per": "month", "from": "2024-01-01", "to": "2024-01-31" }
        ]
    }))))
    .clone();
    assert_eq!(e["code"], "duplicate");
    assert!(e["item"].as_str().unwrap().contains("services[1] 's1'"), "{e}");
}

#[test]
fn deeply_nested_json_is_refused_without_overflow() {
    for depth in [200usize, 100_000] {
        let deep = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        let e = first_error(&answer(&deep)).clone();
        assert_eq!(e["kind"], "request");
        // A document inside the request is kept as text until it is read (serde_json skips it
        // without recursion): the case is named once the policy has been read.
        let nested_case = format!(r#"{{"version":1,"command":"split","policy":{},"case":{deep}}}"#, json!(BASIC));
        let e = first_error(&answer(&nested_case)).clone();
        assert_eq!(e["kind"], "case", "{e}");
        let deep_object = format!("{}1{}", r#"{"a":"#.repeat(depth), "}".repeat(depth));
        let e = first_error(&answer(&format!(r#"{{"version":1,"command":"check","policy":{deep_object}}}"#))).clone();
        assert_eq!(e["kind"], "policy", "{e}");
        assert!(e["message"].as_str().unwrap().contains("unknown field `a`"), "{e}");
    }
    let deep_toml = format!("a = {}{}", "[".repeat(10_000), "]".repeat(10_000));
    assert!(fordeling::Policy::from_text(&deep_toml).is_err());
}

#[test]
fn empty_inputs_are_named() {
    let e = first_error(&answer("")).clone();
    assert_eq!(e["kind"], "request");
    for empty in ["", "   \n\t", "\u{feff}"] {
        let e = first_error(&answer(&json!({ "version": 1, "command": "check", "policy": empty }).to_string())).clone();
        assert_eq!(e["kind"], "policy");
        assert!(e["message"].as_str().unwrap().contains("empty"), "{e}");
        let e = first_error(&answer(&split_request(json!(empty)))).clone();
        assert_eq!(e["kind"], "case");
    }
    let (out, errors, totals) = fordeling_workload::workload::run("");
    assert!(out.is_empty() && errors.is_empty() && totals.lines == 0);
}

#[test]
fn batch_keeps_every_good_line_between_bad_ones() {
    let input = "\
case_id,service,amount_dkk,dept_a_weight,dept_b_weight,dept_c_weight,dept_d_weight
k1,s1,100.00,1,1,0,0
k1,s2,100.00,1,1
k1,s3,1e400,1,1,0,0
k1,s4,12345678901234.00,1,1,0,0
k1,s5,1.0000000000000000000000000000000000000001,1,1,0,0
k1,s6,50.00,1,1,0,0
k2,s1,,1,1,0,0
k2,s2,10.00,1,-1,0,0
k2,s3,10.00,1,2,3,4,5
k2,s4,30.00,0,0,0,1
\"k3\",s1,1.00,1,0,0,0
k3,s2,7.00,1,1,1,1
";
    let (out, errors, totals) = fordeling_workload::workload::run(input);
    let named: Vec<(u64, &str)> = errors.iter().map(|e| (e.line, e.field)).collect();
    assert_eq!(
        named,
        [
            (3, "dept_c_weight"),
            (4, "amount_dkk"),
            (5, "amount_dkk"),
            (6, "amount_dkk"),
            (8, "amount_dkk"),
            (9, "dept_b_weight"),
            (10, "record"),
            (12, "record")
        ]
    );
    assert_eq!(totals.bad_records, 8);
    // Every good line is there, in order.
    let good: Vec<&str> =
        out.lines().map(|l| l.split(',').take(2).collect::<Vec<_>>().join(",").leak() as &str).collect();
    assert_eq!(good, ["k1,s1", "k1,s6", "k2,s4", "k3,s2"]);
    assert_eq!(totals.lines, 4);
    // k2 keeps only one good line naming one department: not eligible, 100 % to department a.
    assert!(out.contains("k2,s4,30.00,30.00,0.00,0.00,0.00,no"));
}

#[cfg(feature = "cli")]
mod cli {
    use std::io::Write;
    use std::process::{Command, Stdio};

    fn run(args: &[&str], stdin: &[u8]) -> (i32, String, String) {
        let mut child = Command::new(env!("CARGO_BIN_EXE_fordeling"))
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(stdin).unwrap();
        let out = child.wait_with_output().unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into(),
            String::from_utf8_lossy(&out.stderr).into(),
        )
    }

    #[test]
    fn malformed_utf8_policy_is_an_input_error() {
        let dir = std::env::temp_dir().join(format!("fordeling-hostile-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("policy.toml");
        std::fs::write(&p, b"name = \"\xff\xfe\"\n").unwrap();
        let (code, _, err) = run(&["check", p.to_str().unwrap()], b"");
        assert_eq!(code, 1);
        assert!(err.contains("policy.toml") && err.contains("UTF-8"), "{err}");
        let (code, _, err) = run(&["check", "--error-format", "json", dir.join("missing.toml").to_str().unwrap()], b"");
        assert_eq!(code, 1);
        let v: serde_json::Value = serde_json::from_str(err.trim()).unwrap();
        assert_eq!(v["status"], "error");
    }

    #[test]
    fn exit_codes_distinguish_success_and_invalid_input() {
        assert_eq!(run(&["demo"], b"").0, 0);
        let (code, out, _) = run(&["request", "-"], b"{}");
        assert_eq!(code, 1, "an error answer is printed and exits as invalid input");
        assert!(out.starts_with("{\"status\":\"error\""), "{out}");
        assert_eq!(run(&["split", "--policy", "/nonexistent", "--case", "/nonexistent"], b"").0, 1);
        assert_eq!(run(&["no-such-command"], b"").0, 1);
    }
}

#[test]
fn limits_give_clear_errors() {
    // More than 1000 entries in one key.
    let shares: Vec<String> = (0..1001).map(|i| format!("{{ department = \"d{i}\", weight = 1 }}")).collect();
    let policy = format!(
        "{BASIC}\n[[keys]]\nid = \"huge\"\n[[keys.versions]]\nkind = \"weights\"\nshares = [{}]\n",
        shares.join(", ")
    );
    let e = first_error(&answer(&json!({ "version": 1, "command": "check", "policy": policy }).to_string())).clone();
    assert!(e["message"].as_str().unwrap().contains("at most 1000"), "{e}");
    assert!(e["item"].as_str().unwrap().contains("keys[6] 'huge'"), "{e}");
    // More than 1000 services in one case.
    let mut case = case_with(json!("1.00"), "2024-01-01");
    let one = case["services"][0].clone();
    case["services"] = json!((0..1001)
        .map(|i| {
            let mut s = one.clone();
            s["id"] = json!(format!("s{i}"));
            s
        })
        .collect::<Vec<_>>());
    let e = first_error(&answer(&split_request(case))).clone();
    assert_eq!(e["field"], "services");
    assert!(e["message"].as_str().unwrap().contains("at most 1000"), "{e}");
    // A document above 16 MiB.
    let big = format!("name = \"{}\"", "x".repeat(17 * 1024 * 1024));
    let e = first_error(&answer(&json!({ "version": 1, "command": "check", "policy": big }).to_string())).clone();
    assert!(e["message"].as_str().unwrap().contains("at most 16777216"), "{e}");
    // A CSV record above 4096 bytes.
    let (_, errors, _) =
        fordeling_workload::workload::run(&format!("k,{},1.00,1,0,0,0\nk,s,1.00,1,0,0,0\n", "s".repeat(5000)));
    assert_eq!(errors.len(), 1);
    assert!(errors[0].message.contains("at most 4096"), "{}", errors[0]);
}

#[test]
fn a_toml_document_beginning_with_a_table_header_is_read_as_toml() {
    // Only `{` marks JSON. A TOML document that begins with a header (and so lacks its top-level
    // fields) is told what is missing, not that it is bad JSON.
    // The policy without its opening comment line and its top-level fields.
    let text = BASIC.replacen("name = \"golden basic\"\nversion = \"1\"\n", "", 1);
    let text = text.trim_start_matches(|c: char| c != '\n').trim_start();
    assert!(text.starts_with("[[municipalities]]"));
    let e = fordeling::Policy::from_text(text).unwrap_err().to_string();
    assert!(e.contains("missing field `name`"), "{e}");
}

#[test]
fn malformed_utf8_in_the_workload_loses_no_good_line() {
    let mut input = b"case_id,service,amount_dkk,dept_a_weight,dept_b_weight,dept_c_weight,dept_d_weight\n".to_vec();
    input.extend_from_slice(b"k1,s1,10.00,1,1,0,0\n");
    input.extend_from_slice(b"k1,\xff\xfe,10.00,1,1,0,0\n");
    input.extend_from_slice(b"k1,s3,20.00,1,1,0,0\n");
    let (out, errors, totals) = fordeling_workload::workload::run_bytes(&input);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].to_string().contains("is not valid UTF-8"), "{errors:?}");
    assert_eq!(totals.bad_records, 1);
    assert_eq!(out.lines().count(), 2, "the two good lines: {out}");
    assert!(out.contains("k1,s3,20.00,10.00,10.00,0.00,0.00,yes"), "{out}");
}
