//! Writes the largest legal input of one dimension (README "Limits"), for `scripts/bench-limits.sh`:
//! `cargo run --release --example limits -- DIMENSION DIR` writes `DIR/policy.json` and, where the
//! dimension needs one, `DIR/case.json` or `DIR/cases.csv`.
//!
//! Dimensions: departments (1,000 departments in one key, = 1,000 key entries; 16 services over 12
//! months, or over 600 months: departments-months), services (1,000 in
//! a case), agreements (1,000 in a case), key-versions (18,000 daily versions), criteria (40,000
//! daily criteria), overlaps (2,000 overlapping criteria: refused), moves (1,000), months (600),
//! batch-rows (a CSV case of 1,000 rows), document (a policy of almost 16 MiB), reimbursement (a
//! reimbursed case at the limit of shares held whole), siblings (a household of 100 children in one
//! `request.json`), portfolio (10,000 case files in `cases/`), portfolio-lines (100 cases of 1,000
//! services), portfolio-grant (the first with a grant), portfolio-shares (160 cases under a key
//! of 1,000 entries), batch-households (`cases.jsonl`: 100,000 service lines kept for households); and the
//! refused ones just past a limit: too-many-entries, too-many-services, too-many-months,
//! reimbursement-too-large, too-many-siblings, too-many-cases, too-many-shares (170 cases under
//! the key of 1,000 entries), document-too-large.

use std::fmt::Write as _;
use std::path::Path;

use serde_json::{json, Value};

const SECTORS: [&str; 5] = ["children_social", "daycare_school", "health", "employment", "adult"];

/// `n` municipalities, each with one department per sector; services `svc0..` (children_social,
/// with `key` if given); one criteria in force since 1900 that every case meets.
fn policy(munis: usize, services: usize, key: Option<Value>) -> Value {
    let municipalities: Vec<Value> =
        (0..munis).map(|i| json!({ "id": format!("m{i}"), "name": format!("Kommune {i}"), "code": i + 1 })).collect();
    let departments: Vec<Value> = (0..munis)
        .flat_map(|i| {
            SECTORS.iter().map(move |s| {
                json!({ "id": format!("m{i}-{s}"), "name": format!("Afdeling {s} {i}"), "municipality": format!("m{i}"), "sectors": [s] })
            })
        })
        .collect();
    let services: Vec<Value> = (0..services)
        .map(|j| {
            let mut s = json!({ "id": format!("svc{j}"), "name": format!("Ydelse {j}"), "sector": "children_social",
                                "legal_basis": [{ "text": "Barnets lov § 86" }] });
            if key.is_some() {
                s["key"] = json!("k");
            }
            s
        })
        .collect();
    let mut p = json!({
        "name": "limits", "municipalities": municipalities, "departments": departments, "services": services,
        "eligibility": [{ "from": "1900-01-01", "min_sector_areas": 1, "consent_required": false, "disability_required": false }],
    });
    if let Some(k) = key {
        p["keys"] = json!([k]);
    }
    p
}

/// A case of `lines` monthly service lines (service `svc{i % services}`) from `from` to `to`.
fn case(lines: usize, services: usize, from: &str, to: &str) -> Value {
    let services: Vec<Value> = (0..lines)
        .map(|i| json!({ "id": format!("l{i}"), "service": format!("svc{}", i % services), "amount": format!("{}.{:02}", 1000 + i, i % 100),
                         "per": "month", "from": from, "to": to }))
        .collect();
    json!({ "id": "limits", "child": { "birth_date": "1900-01-01", "significant_permanent_disability": true,
            "handlekommune": [{ "municipality": "m0", "from": "1900-01-01" }] }, "services": services })
}

/// A reimbursement scheme counting services `svc0..svc{n}`, with the 2022 level in force since 1900.
fn reimbursement_scheme(services: usize) -> Value {
    json!({ "id": "bl-198", "name": "Refusion", "legal_basis": "Barnets lov § 198",
            "services": (0..services).map(|j| format!("svc{j}")).collect::<Vec<_>>(),
            "levels": [{ "from": "1900-01-01", "tiers": [
                { "above": "860000", "percent": 25 }, { "above": "1680000", "percent": 50 }, { "above": "2120000", "percent": 75 }] }] })
}

fn weights_key(entries: usize, munis: usize) -> Value {
    let shares: Vec<Value> = (0..entries)
        .map(|i| json!({ "department": format!("m{}-{}", i / 5 % munis, SECTORS[i % 5]), "weight": (i % 97) + 1 }))
        .collect();
    json!({ "id": "k", "versions": [{ "kind": "weights", "shares": shares }] })
}

fn date(days_after_1900: i32) -> String {
    fordeling::Date::from_days(days_after_1900 + fordeling::Date::new(1900, 1, 1).unwrap().to_days())
        .unwrap()
        .to_string()
}

fn write(dir: &Path, name: &str, v: &Value) {
    std::fs::write(dir.join(name), serde_json::to_string(v).unwrap()).unwrap();
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (dim, dir) = (args[1].as_str(), Path::new(&args[2]));
    std::fs::create_dir_all(dir).unwrap();
    match dim {
        "departments" | "departments-months" | "too-many-entries" => {
            let n = if dim == "too-many-entries" { 1001 } else { 1000 };
            write(dir, "policy.json", &policy(201, 16, Some(weights_key(n, 201))));
            let from = if dim == "departments-months" { "1975-01-01" } else { "2024-01-01" };
            write(dir, "case.json", &case(16, 16, from, "2024-12-31"));
        }
        "services" | "too-many-services" => {
            let n = if dim == "services" { 1000 } else { 1001 };
            let key = json!({ "id": "k", "versions": [{ "kind": "percent", "shares": [
                { "sector": "children_social", "percent": 33.33 }, { "sector": "daycare_school", "percent": 33.33 }, { "sector": "health", "percent": 33.33 }] }] });
            write(dir, "policy.json", &policy(1, 10, Some(key)));
            write(dir, "case.json", &case(n, 10, "2024-01-01", "2024-12-31"));
        }
        "agreements" => {
            write(dir, "policy.json", &policy(1, 1, None));
            let mut c = case(1, 1, "2024-01-01", "2026-12-31");
            let start = fordeling::Date::new(2024, 1, 1).unwrap().to_days()
                - fordeling::Date::new(1900, 1, 1).unwrap().to_days();
            c["agreements"] = (0..1000)
                .map(|i| json!({ "id": format!("a{i}"), "service": "l0", "from": date(start + i), "to": date(start + i), "kind": "weights",
                                 "shares": [{ "sector": "children_social", "weight": i + 1 }, { "sector": "health", "weight": 7 }, { "sector": "adult", "weight": 3 }] }))
                .collect();
            write(dir, "case.json", &c);
        }
        "key-versions" => {
            let start = fordeling::Date::new(1975, 1, 1).unwrap().to_days()
                - fordeling::Date::new(1900, 1, 1).unwrap().to_days();
            let versions: Vec<Value> = (0..18_000)
                .map(|i| json!({ "from": date(start + i), "to": date(start + i), "kind": "weights",
                                 "shares": [{ "sector": "children_social", "weight": i % 13 + 1 }, { "sector": "health", "weight": i % 7 + 1 }] }))
                .collect();
            write(dir, "policy.json", &policy(1, 20, Some(json!({ "id": "k", "versions": versions }))));
            write(dir, "case.json", &case(20, 20, "1975-01-01", "2024-04-30"));
        }
        "criteria" | "overlaps" => {
            let mut p = policy(1, 2, None);
            p["eligibility"] = if dim == "criteria" {
                (0..40_000)
                    .map(|i| json!({ "from": date(i), "to": date(i), "min_sector_areas": 1 + (i % 2), "consent_required": false, "disability_required": false }))
                    .collect()
            } else {
                (0..2000).map(|i| json!({ "from": date(i), "min_sector_areas": 1 })).collect()
            };
            write(dir, "policy.json", &p);
            write(dir, "case.json", &case(2, 2, "1960-01-01", "2009-06-30"));
        }
        "moves" => {
            write(dir, "policy.json", &policy(2, 10, None));
            let mut c = case(10, 10, "2024-01-01", "2026-12-31");
            let start = fordeling::Date::new(2024, 1, 1).unwrap().to_days()
                - fordeling::Date::new(1900, 1, 1).unwrap().to_days();
            let mut moves = vec![json!({ "municipality": "m0", "from": "1900-01-01" })];
            moves.extend(
                (0..999).map(|i| json!({ "municipality": format!("m{}", (i + 1) % 2), "from": date(start + i) })),
            );
            c["child"]["handlekommune"] = json!(moves);
            write(dir, "case.json", &c);
        }
        "months" | "too-many-months" => {
            write(dir, "policy.json", &policy(1, 10, None));
            let to = if dim == "months" { "2024-12-31" } else { "2025-01-31" };
            write(dir, "case.json", &case(10, 10, "1975-01-01", to));
        }
        "batch-rows" => {
            write(dir, "policy.json", &policy(1, 10, None));
            // The columns it fills (the header names them; the others may be left out).
            let mut csv = String::from("case,household,birth_date,municipality,disability,consent_from,other_sectors,line,service,amount,per,from,to\n");
            for i in 0..1000 {
                writeln!(
                    csv,
                    "c1,,2019-01-01,m0,yes,,,l{i},svc{},{}.{:02},month,2024-01-01,2024-12-31",
                    i % 10,
                    1000 + i,
                    i % 100
                )
                .unwrap();
            }
            std::fs::write(dir.join("cases.csv"), csv).unwrap();
        }
        "reimbursement" | "reimbursement-too-large" => {
            // A reimbursed case (built whole) at the limit of shares held: 1,000 services over 249
            // months, 249,000 lines of one share each; from 2003-12, 253,000: refused.
            let mut p = policy(1, 10, None);
            p["reimbursement"] = reimbursement_scheme(10);
            write(dir, "policy.json", &p);
            let from = if dim == "reimbursement" { "2004-04-01" } else { "2003-12-01" };
            let mut c = case(1000, 10, from, "2024-12-31");
            c["household"] = json!("h");
            write(dir, "case.json", &c);
        }
        "siblings" | "too-many-siblings" => {
            // A household of 100 children (the case and 99 siblings) in one request, reimbursed
            // together: 16 services each over 156 months, 249,600 shares; 101 children: refused.
            let n = if dim == "siblings" { 100 } else { 101 };
            let mut p = policy(1, 10, None);
            p["reimbursement"] = reimbursement_scheme(10);
            let child = |i: usize| {
                let mut c = case(16, 10, "2012-01-01", "2024-12-31");
                c["id"] = json!(format!("child{i}"));
                c["household"] = json!("h");
                c
            };
            let req = json!({ "version": 1, "command": "split", "policy": p, "case": child(0), "detail": "summary",
                              "siblings": (1..n).map(child).collect::<Vec<_>>(),
                              "period": { "from": "2012-01-01", "to": "2024-12-31" } });
            write(dir, "request.json", &req);
            write(dir, "policy.json", &p);
        }
        "portfolio" | "portfolio-lines" | "too-many-cases" | "portfolio-grant" | "portfolio-shares"
        | "too-many-shares" => {
            // A municipality's portfolio over the budget year and four: 10,000 case files of 10
            // services (10,001: refused; with a grant over every service: portfolio-grant), 100
            // cases of 1,000 services (100,000 service lines), or 160 cases of one service under a
            // key of 1,000 entries (9.6 million shares kept).
            let (cases, lines) = match dim {
                "portfolio" | "portfolio-grant" => (10_000, 10),
                "too-many-cases" => (10_001, 10),
                "portfolio-shares" => (160, 1),
                "too-many-shares" => (170, 1),
                _ => (100, 1000),
            };
            let mut p = match dim {
                "portfolio-shares" | "too-many-shares" => policy(201, 13, Some(weights_key(1000, 201))),
                _ => policy(1, 13, None),
            };
            if dim == "portfolio-grant" {
                p["year"] = json!({ "grants": [{ "id": "pulje", "name": "Pulje", "from": "2024-01-01", "to": "2028-12-31",
                    "percent": "50", "amount": "100000000", "services": (0..13).map(|j| format!("svc{j}")).collect::<Vec<_>>() }] });
            }
            write(dir, "policy.json", &p);
            let folder = dir.join("cases");
            std::fs::create_dir_all(&folder).unwrap();
            for i in 0..cases {
                let mut c = case(lines, 13, "2023-01-01", "2028-12-31");
                c["id"] = json!(format!("case{i}"));
                write(&folder, &format!("case{i}.json"), &c);
            }
        }
        "batch-households" => {
            // A JSON Lines batch of 100 households of one child of 1,000 services each: the most
            // service lines (100,000) a batch keeps until its end to reimburse the households.
            let mut p = policy(1, 10, None);
            p["reimbursement"] = reimbursement_scheme(10);
            write(dir, "policy.json", &p);
            let mut jsonl = String::new();
            for i in 0..100 {
                let mut c = case(1000, 10, "2024-01-01", "2024-12-31");
                c["id"] = json!(format!("case{i}"));
                c["household"] = json!(format!("h{i}"));
                jsonl.push_str(&serde_json::to_string(&c).unwrap());
                jsonl.push('\n');
            }
            std::fs::write(dir.join("cases.jsonl"), jsonl).unwrap();
        }
        "document" | "document-too-large" => {
            // Services with long names until the document is just under (or just over) 16 MiB.
            let limit = 16 * 1024 * 1024;
            let mut p = policy(1, 0, None);
            let mut services = Vec::new();
            let mut size = serde_json::to_string(&p).unwrap().len();
            let mut j = 0;
            loop {
                let s = json!({ "id": format!("svc{j}"), "name": format!("Ydelse {j} {}", "x".repeat(400)), "sector": "children_social",
                                "legal_basis": [{ "text": "Barnets lov § 86" }] });
                let n = serde_json::to_string(&s).unwrap().len() + 1;
                if size + n > limit - 1000 {
                    break;
                }
                size += n;
                services.push(s);
                j += 1;
            }
            p["services"] = json!(services);
            let mut text = serde_json::to_string(&p).unwrap();
            let target = if dim == "document" { limit } else { limit + 1 };
            // Pad with spaces to exactly the target size.
            let pad = target - text.len();
            text.insert_str(text.len() - 1, &" ".repeat(pad));
            std::fs::write(dir.join("policy.json"), text).unwrap();
        }
        other => panic!("unknown dimension '{other}'"),
    }
}
