//! Batch over many cases (JSON Lines) with one policy: bad records are reported with their line
//! numbers and the rest is computed; totals equal the sum of single runs, whatever the order.

use fordeling::batch::Batch;
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
