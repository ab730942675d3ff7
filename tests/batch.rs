//! Batch over many cases (JSON Lines) with one policy: bad records are reported with their line
//! numbers and the rest is computed; totals equal the sum of single runs, whatever the order.

use fordeling::contract::batch::Batch;
use fordeling::{example, Policy};
use proptest::prelude::*;
use serde_json::{json, Value};

/// A generated case as one line of JSON (through the contract's `parse`).
fn case_line(seed: u64) -> String {
    let (toml, _, _) = fordeling::gen::case(seed, 1 + (seed % 5) as usize, (2022, 2023));
    let req = json!({ "version": 1, "command": "parse", "policy": example::POLICY, "case": toml });
    let answer: Value = serde_json::from_str(&fordeling::contract::handle_json(&req.to_string())).unwrap();
    serde_json::to_string(&answer["result"]["case"]).unwrap()
}

fn period() -> Option<fordeling::Period> {
    Some(fordeling::Period {
        from: fordeling::Date::new(2022, 1, 1).unwrap(),
        to: fordeling::Date::new(2023, 12, 31).unwrap(),
    })
}

fn single_total(policy: &Policy, line: &str) -> Option<i128> {
    let mut b = Batch::new(policy, period());
    b.push(line, &mut String::new()).ok()?;
    Some(b.finish().total)
}

#[test]
fn bad_records_between_good_ones_are_reported_and_the_rest_computed() {
    let policy = Policy::from_text(example::POLICY).unwrap();
    let good: Vec<String> = (0..3).map(case_line).collect();
    let input = [
        good[0].as_str(),
        "{not json",
        good[1].as_str(),
        r#"{"id":"x","child":{"birth_date":"2025-02-30","significant_permanent_disability":true,"handlekommune":[]},"services":[]}"#,
        "",
        r#"{"id":"y","child":{"birth_date":"2020-01-01","significant_permanent_disability":true,"handlekommune":[{"municipality":"ishoj","from":"2020-01-01"}]},"services":[{"id":"s","service":"nope","amount":"1","per":"month","from":"2022-01-01"}]}"#,
        good[2].as_str(),
    ];
    let mut b = Batch::new(&policy, period());
    let mut out = String::new();
    let errors: Vec<_> = input.iter().filter_map(|l| b.push(l, &mut out).err()).collect();
    let lines: Vec<u64> = errors.iter().map(|e| e.line).collect();
    assert_eq!(lines, [2, 4, 6]);
    assert_eq!(errors[1].errors[0].item, "child.birth_date");
    assert_eq!(errors[2].errors[0].code, "unknown_reference");
    let totals = b.finish();
    assert_eq!(totals.cases, 3);
    assert_eq!(totals.bad_records, 3);
    assert_eq!(out.lines().count(), 3);
    let expected: i128 = good.iter().map(|g| single_total(&policy, g).unwrap()).sum();
    assert_eq!(totals.total, expected);
    assert_eq!(totals.departments.values().sum::<i128>(), expected);
    assert_eq!(totals.months.values().sum::<i128>(), expected);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn prop_batch_totals_equal_sum_of_single_runs(seeds in prop::collection::vec(0u64..10_000, 1..8), rot in 0usize..8) {
        let policy = Policy::from_text(example::POLICY).unwrap();
        let lines: Vec<String> = seeds.iter().map(|&s| case_line(s)).collect();
        let run = |lines: &[String]| {
            let mut b = Batch::new(&policy, period());
            let mut out = String::new();
            for l in lines {
                let _ = b.push(l, &mut out);
            }
            b.finish()
        };
        let a = run(&lines);
        let singles: i128 = lines.iter().filter_map(|l| single_total(&policy, l)).sum();
        prop_assert_eq!(a.total, singles);
        let mut rotated = lines.clone();
        rotated.rotate_left(rot % lines.len());
        rotated.reverse();
        let b = run(&rotated);
        prop_assert_eq!(&a.departments, &b.departments);
        prop_assert_eq!(&a.municipalities, &b.municipalities);
        prop_assert_eq!(&a.months, &b.months);
    }
}

#[cfg(feature = "cli")]
#[test]
fn cli_batch_streams_results_and_reports_bad_lines() {
    use std::io::Write;
    let input = format!("{}\n{{broken\n{}\n", case_line(1), case_line(2));
    let dir = std::env::temp_dir().join(format!("fordeling-batch-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let policy = dir.join("policy.toml");
    std::fs::write(&policy, example::POLICY).unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_fordeling"))
        .args([
            "batch",
            "--policy",
            policy.to_str().unwrap(),
            "--cases",
            "-",
            "--from",
            "2022-01-01",
            "--to",
            "2023-12-31",
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stdout.lines().count(), 2, "{stdout}");
    for l in stdout.lines() {
        let v: Value = serde_json::from_str(l).unwrap();
        assert!(v["totals"]["case"].is_string());
    }
    assert!(stderr.contains("error: line 2:"), "{stderr}");
    assert!(stderr.contains("cases 2, "), "{stderr}");
    assert!(stderr.contains("bad records 1"), "{stderr}");
}

type OwnedCase = (String, Vec<(String, String, String, String)>);

fn borrow(c: &OwnedCase) -> Vec<(&str, &str, &str, &str)> {
    c.1.iter().map(|(a, b, c, d)| (a.as_str(), b.as_str(), c.as_str(), d.as_str())).collect()
}

/// A CSV batch input: header and rows.
const CSV_HEADER: &str =
    "case,household,birth_date,municipality,disability,consent_from,other_sectors,line,service,amount,per,from,to";

/// CSV rows of a generated case: (service, amount, per, from) per line, with fixed case facts.
fn csv_case(id: &str, lines: &[(&str, &str, &str, &str)]) -> Vec<String> {
    lines
        .iter()
        .enumerate()
        .map(|(i, (svc, amount, per, from))| {
            format!("{id},,2020-03-01,ishoj,yes,2021-01-01,employment,s{i},{svc},{amount},{per},{from},")
        })
        .collect()
}

/// The same case as a JSON document, for a single run through the JSON Lines path.
fn json_case(id: &str, lines: &[(&str, &str, &str, &str)]) -> String {
    json!({
        "id": id,
        "consent": [{ "from": "2021-01-01" }],
        "other_cases": [{ "id": "other-1", "sector": "employment" }],
        "child": { "birth_date": "2020-03-01", "significant_permanent_disability": true,
                   "handlekommune": [{ "municipality": "ishoj", "from": "2020-03-01" }] },
        "services": lines.iter().enumerate().map(|(i, (svc, amount, per, from))| json!({
            "id": format!("s{i}"), "service": svc, "amount": amount, "per": per, "from": from
        })).collect::<Vec<_>>(),
    })
    .to_string()
}

fn run_csv(
    policy: &Policy,
    rows: &[String],
) -> (fordeling::contract::batch::BatchTotals, Vec<fordeling::contract::batch::BatchError>, String) {
    let mut csv = fordeling::contract::batch::CsvBatch::new(Batch::new(policy, period()), CSV_HEADER).unwrap();
    let mut out = String::new();
    let mut errors = Vec::new();
    for r in rows {
        errors.extend(csv.push(r, &mut out));
    }
    let (last, b) = csv.finish(&mut out);
    errors.extend(last);
    (b.finish(), errors, out)
}

#[test]
fn csv_bad_rows_between_good_cases_are_reported_and_the_rest_computed() {
    let policy = Policy::from_text(example::POLICY).unwrap();
    let a = [("merudgift", "3400.00", "month", "2022-01-01"), ("aflastning", "96000.00", "year", "2022-01-01")];
    let c = [("hjaelpemidler", "84000.00", "once", "2023-04-12")];
    let mut rows = csv_case("a", &a); // lines 2-3
    rows.push("b,,2020-03-01,ishoj,yes,,,s0,merudgift,12.3.4,month,2022-01-01,".into()); // line 4: bad amount
    rows.push("b,,2020-03-01,ishoj,yes,,,s1,merudgift,100.00,month,2022-01-01".into()); // line 5: a field short
    rows.extend(csv_case("c", &c)); // line 6
    rows.push("d,,2020-03-01,ishoj,yes,,,s0,no-such-service,100.00,month,2022-01-01,".into()); // line 7
    rows.push("e,,2020-03-01,ishoj,yes,,,s0,merudgift,100.00,month,2022-01-01,".into()); // line 8
    rows.push("e,,2019-03-01,ishoj,yes,,,s1,merudgift,100.00,month,2022-01-01,".into()); // line 9: other birth date
    rows.extend(csv_case("a", &a)); // lines 10-11: case a again
    let (totals, errors, out) = run_csv(&policy, &rows);
    let lines: Vec<u64> = errors.iter().map(|e| e.line).collect();
    assert_eq!(lines, [4, 5, 7, 9, 10], "{errors:?}");
    assert_eq!(errors[0].errors[0].field.as_deref(), Some("amount"));
    assert_eq!(errors[2].errors[0].code, "unknown_reference");
    assert_eq!(errors[3].errors[0].field.as_deref(), Some("birth_date"));
    assert!(errors[4].errors[0].message.contains("sort the input by case"), "{errors:?}");
    // a, c computed; b, d, e and the second a are bad.
    assert_eq!((totals.cases, totals.bad_records), (2, 4));
    assert_eq!(out.lines().count(), 2);
    let expected: i128 =
        [json_case("a", &a), json_case("c", &c)].iter().map(|j| single_total(&policy, j).unwrap()).sum();
    assert_eq!(totals.total, expected);
}

#[test]
fn csv_header_problems_are_named() {
    let policy = Policy::from_text(example::POLICY).unwrap();
    let err =
        fordeling::contract::batch::CsvBatch::new(Batch::new(&policy, period()), "case,birth_date,colour").unwrap_err();
    assert_eq!(err.errors[0].field.as_deref(), Some("colour"));
    let err = fordeling::contract::batch::CsvBatch::new(Batch::new(&policy, period()), "case,birth_date").unwrap_err();
    assert!(err.errors[0].message.contains("lacks"), "{err:?}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// The CSV path gives the totals of single JSON runs, and the order of the cases changes none.
    #[test]
    fn prop_csv_batch_totals_equal_sum_of_single_runs(
        cases in prop::collection::vec(prop::collection::vec((0usize..4, 1u32..200_000, 0usize..3, 1u32..24), 1..4), 1..6),
        rot in 0usize..6,
    ) {
        let policy = Policy::from_text(example::POLICY).unwrap();
        let services = ["merudgift", "aflastning", "hjaelpemidler", "specialboernehave"];
        let pers = ["month", "year", "once"];
        let owned: Vec<OwnedCase> = cases.iter().enumerate().map(|(i, c)| {
            (format!("k{i}"), c.iter().map(|(s, a, p, m)| (
                services[*s].to_string(), format!("{a}.{:02}", a % 100), pers[*p].to_string(),
                format!("{}-{:02}-{:02}", 2022 + (m - 1) / 12, 1 + (m - 1) % 12, 1 + a % 28),
            )).collect())
        }).collect();
        let rows = |order: &[usize]| order.iter().flat_map(|&i| csv_case(&owned[i].0, &borrow(&owned[i]))).collect::<Vec<_>>();
        let order: Vec<usize> = (0..owned.len()).collect();
        let (a, errors, _) = run_csv(&policy, &rows(&order));
        prop_assert!(errors.is_empty(), "{:?}", errors);
        let singles: i128 = owned.iter().map(|c| single_total(&policy, &json_case(&c.0, &borrow(c))).unwrap()).sum();
        prop_assert_eq!(a.total, singles);
        let mut rotated = order.clone();
        rotated.rotate_left(rot % order.len());
        rotated.reverse();
        let (b, _, _) = run_csv(&policy, &rows(&rotated));
        prop_assert_eq!(&a.departments, &b.departments);
        prop_assert_eq!(&a.months, &b.months);
        prop_assert_eq!(&a.reimbursement, &b.reimbursement);
    }
}

#[cfg(feature = "cli")]
#[test]
fn cli_csv_batch_writes_results_and_postings_that_net_to_the_totals() {
    let dir = std::env::temp_dir().join(format!("fordeling-csv-batch-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let (out, postings) = (dir.join("out.jsonl"), dir.join("postings.csv"));
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_fordeling"))
        .args(["batch", "--policy", "examples/policy.toml", "--cases", "examples/batch-lines.csv"])
        .args(["--from", "2024-01-01", "--to", "2024-12-31", "-o", out.to_str().unwrap()])
        .args(["--postings", postings.to_str().unwrap()])
        .current_dir(root)
        .output()
        .unwrap();
    assert!(run.status.success());
    let stderr = String::from_utf8(run.stderr).unwrap();
    assert!(stderr.contains("error: line 5: column 'per'"), "{stderr}");
    assert!(stderr.contains("error: line 7: "), "{stderr}");
    assert!(stderr.contains("cases 3, "), "{stderr}");
    assert!(stderr.contains("bad records 2"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&out).unwrap().lines().count(), 3);
    let total_line = stderr.lines().find(|l| l.starts_with("total ")).unwrap();
    let total: fordeling::Money = total_line.trim_start_matches("total ").parse().unwrap();
    let csv = std::fs::read_to_string(&postings).unwrap();
    assert!(csv.starts_with(fordeling::report::postings::CSV_HEADER));
    let net: i64 =
        csv.lines().skip(1).map(|l| l.split(',').nth(7).unwrap().parse::<fordeling::Money>().unwrap().ore()).sum();
    assert_eq!(net, total.ore(), "postings net to the gross cost");
}
