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

/// A policy of 201 municipalities with a department for each sector area, and a key `k` of 1,000
/// weighted entries on its one service (as `examples/limits.rs` writes it), and a case of that
/// service from `from` to 2024-12-31: every line has 1,000 shares.
fn thousand_departments(from: &str) -> (Value, Value) {
    const SECTORS: [&str; 5] = ["children_social", "daycare_school", "health", "employment", "adult"];
    let munis: Vec<Value> =
        (0..201).map(|i| json!({ "id": format!("m{i}"), "name": format!("K {i}"), "code": i + 1 })).collect();
    let depts: Vec<Value> = (0..201)
        .flat_map(|i| SECTORS.map(|s| json!({ "id": format!("m{i}-{s}"), "name": format!("A {s} {i}"), "municipality": format!("m{i}"), "sectors": [s] })))
        .collect();
    let shares: Vec<Value> = (0..1000)
        .map(|i| json!({ "department": format!("m{}-{}", i / 5, SECTORS[i % 5]), "weight": i % 97 + 1 }))
        .collect();
    let policy = json!({ "name": "limits", "municipalities": munis, "departments": depts,
        "services": [{ "id": "svc", "name": "Ydelse", "sector": "children_social", "key": "k", "legal_basis": [{ "text": "Barnets lov § 86" }] }],
        "keys": [{ "id": "k", "versions": [{ "kind": "weights", "shares": shares }] }],
        "eligibility": [{ "from": "1900-01-01", "min_sector_areas": 1, "consent_required": false, "disability_required": false }] });
    let case = json!({ "id": "stor", "child": { "birth_date": "1900-01-01", "significant_permanent_disability": true,
        "handlekommune": [{ "municipality": "m0", "from": "1900-01-01" }] },
        "services": [{ "id": "l", "service": "svc", "amount": "1000.00", "per": "month", "from": from, "to": "2024-12-31" }] });
    (policy, case)
}

#[test]
fn an_answer_built_whole_past_its_share_limit_is_refused_by_name_and_a_streamed_split_is_not() {
    // 251 months x 1,000 shares = 251,000 shares: past the 250,000 an answer built whole may hold
    // (before the limit, explain and postings of the largest legal input needed over 4 GB).
    let (policy, case) = thousand_departments("2004-02-01");
    for command in ["explain", "postings"] {
        let a = answer(&json!({ "version": 1, "command": command, "policy": policy, "case": case }));
        assert_eq!(a["errors"][0]["code"], "too_large", "{a}");
        has(&a, "case 'stor': the split, with its siblings' splits, has more than 250000 shares");
    }
    // The same split as JSON through the CLI is written line by line: no limit.
    let dir = std::env::temp_dir().join(format!("fordeling-harden-held-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("p.json"), policy.to_string()).unwrap();
    std::fs::write(dir.join("c.json"), case.to_string()).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_fordeling"))
        .current_dir(&dir)
        .args(["split", "--policy", "p.json", "--case", "c.json", "--detail", "summary"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let split: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(split["result"]["lines"].as_array().unwrap().len(), 251);
    std::fs::remove_dir_all(&dir).unwrap();
    // One month less is within the limit (250,000 shares), held whole.
    let (policy, case) = thousand_departments("2004-03-01");
    let a = answer(&json!({ "version": 1, "command": "postings", "policy": policy, "case": case }));
    assert_eq!(a["status"], "ok", "{}", a["errors"]);
}

#[test]
fn a_household_of_more_than_a_hundred_cases_is_refused_by_name() {
    let child = |i: usize| {
        json!({ "id": format!("k{i}"), "household": "h",
                "child": { "birth_date": "2020-01-15", "significant_permanent_disability": true,
                           "handlekommune": [{ "municipality": "ishoj", "from": "2020-01-15" }] },
                "services": [{ "id": "s", "service": "aflastning", "amount": "100.00", "per": "month", "from": "2024-01-01" }] })
    };
    let request = |n: usize| {
        json!({ "version": 1, "command": "split", "policy": policy(), "case": child(0),
                "siblings": (1..n).map(child).collect::<Vec<_>>(), "period": { "from": "2024-01-01", "to": "2024-01-31" } })
    };
    assert_eq!(answer(&request(100))["status"], "ok");
    let a = answer(&request(101));
    assert_eq!(a["errors"][0]["code"], "household", "{a}");
    has(&a, "the household has 101 cases (the child's case and its siblings' cases); at most 100 are allowed");
}

#[test]
fn a_batch_keeps_at_most_a_hundred_thousand_service_lines_of_households() {
    use fordeling::contract::batch::{Batch, MAX_HOUSEHOLD_LINES};
    // Cases with a household id wait for the end of the batch (their household is reimbursed
    // together): before the limit, a batch of such cases held every one of them.
    let policy = fordeling::Policy::from_text(&policy()).unwrap();
    let period = fordeling::Period {
        from: fordeling::Date::new(2024, 1, 1).unwrap(),
        to: fordeling::Date::new(2024, 1, 31).unwrap(),
    };
    let mut batch = Batch::new(&policy, Some(period));
    let case = |i: usize| {
        let services: Vec<Value> = (0..1000)
            .map(|j| json!({ "id": format!("s{j}"), "service": "aflastning", "amount": "1.00", "per": "month", "from": "2024-01-01" }))
            .collect();
        json!({ "id": format!("k{i}"), "household": format!("h{i}"),
                "child": { "birth_date": "2020-01-15", "significant_permanent_disability": true,
                           "handlekommune": [{ "municipality": "ishoj", "from": "2020-01-15" }] },
                "services": services })
        .to_string()
    };
    let mut out = String::new();
    for i in 0..MAX_HOUSEHOLD_LINES / 1000 {
        batch.push(&case(i), &mut out).unwrap();
    }
    let e = batch.push(&case(999), &mut out).unwrap_err();
    assert_eq!(e.line, 101);
    let text = e.text(fordeling::Lang::En);
    assert!(text.contains("case 'k999'") || e.errors[0].item == "case 'k999'", "{text}");
    assert!(text.contains("would take the kept cases past 100000 service lines, the most one run may keep"), "{text}");
    // A case without a household is still computed, and the kept households are reimbursed.
    batch.push(&case(1000).replace(r#""household":"h1000","#, ""), &mut out).unwrap();
    let totals = batch.finish();
    assert_eq!((totals.cases, totals.bad_records, totals.households), (101, 1, 101));
    // The refused child's household is not reimbursed without it, and says why.
    assert_eq!(totals.household_errors.len(), 1);
    assert_eq!(totals.household_errors[0].0, "h999");
    assert!(totals.household_errors[0].1.message.contains("the record at line 101"), "{:?}", totals.household_errors);
}

#[test]
fn a_household_with_a_refused_child_is_not_reimbursed_on_the_others_alone() {
    use fordeling::contract::batch::Batch;
    // Before: the bad record was reported, and the household was reimbursed on its other child's
    // cost alone, a smaller figure than the household's with nothing to say so.
    let policy = fordeling::Policy::from_text(&policy()).unwrap();
    let mut batch = Batch::new(&policy, None).with_lang(fordeling::Lang::Da);
    let child = |id: &str, service: &str| {
        json!({ "id": id, "household": "h",
                "child": { "birth_date": "2020-01-15", "significant_permanent_disability": true,
                           "handlekommune": [{ "municipality": "ishoj", "from": "2020-01-15" }] },
                "services": [{ "id": "s", "service": service, "amount": "300000.00", "per": "month",
                              "from": "2024-01-01", "to": "2024-12-31" }] })
        .to_string()
    };
    let mut out = String::new();
    batch.push(&child("a", "aflastning"), &mut out).unwrap();
    let e = batch.push(&child("b", "no-such-service"), &mut out).unwrap_err();
    assert_eq!(e.line, 2);
    let totals = batch.finish();
    assert!(totals.reimbursement.is_empty(), "{:?}", totals.reimbursement);
    assert_eq!(totals.household_errors.len(), 1);
    let text = totals.text(fordeling::Lang::Da, Some(&policy));
    assert!(text.contains("husstand h er ikke refunderet: et barns sag (posten i linje 2) blev afvist"), "{text}");
}

#[test]
fn a_portfolio_past_ten_thousand_cases_is_refused_by_name() {
    use fordeling::year::{portfolio, PortfolioError, PortfolioRequest};
    let policy = fordeling::Policy::from_text(&policy()).unwrap();
    let template = fordeling::Case::from_text(&policy, fordeling::example::CASE).unwrap();
    let cases: Vec<fordeling::Case> = (0..10_001)
        .map(|i| {
            let mut c = template.clone();
            c.id = format!("k{i}");
            c.household = None;
            c
        })
        .collect();
    let req = PortfolioRequest { cases: &cases, year: 2024, booked_through: None, budget: &[], today: None };
    let Err(PortfolioError::Compute(e)) = portfolio(&policy, &req) else {
        panic!("a portfolio of 10,001 cases was computed")
    };
    assert_eq!(e.code(), fordeling::ErrorCode::TooLarge);
    let text = e.message(fordeling::Lang::Da);
    assert!(text.contains("porteføljen har 10.001 sager") || text.contains("porteføljen har 10001 sager"), "{text}");
    assert!(text.contains("højst"), "{text}");
}
