//! Batch over many cases (JSON Lines) with one policy: bad records are reported with their line
//! numbers and the rest is computed; totals equal the sum of single runs, whatever the order.

use fordeling::contract::batch::Batch;
use fordeling::{example, Policy};
use proptest::prelude::*;
use serde_json::{json, Value};
use std::io::Read;

/// A generated case as one line of JSON (through the contract's `parse`).
fn case_line(seed: u64) -> String {
    let (toml, _, _) = fordeling_workload::gen::case(seed, 1 + (seed % 5) as usize, (2022, 2023));
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

/// The CLI run in the crate's folder with `args` and `input` on its standard input.
#[cfg(feature = "cli")]
fn cli_with_stdin(args: &[&str], input: &str) -> std::process::Output {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_fordeling"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

#[cfg(feature = "cli")]
#[test]
fn cli_batch_streams_results_and_reports_bad_lines() {
    let input = format!("{}\n{{broken\n{}\n", case_line(1), case_line(2));
    let dir = std::env::temp_dir().join(format!("fordeling-batch-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let policy = dir.join("policy.toml");
    std::fs::write(&policy, example::POLICY).unwrap();
    let args =
        ["batch", "--policy", policy.to_str().unwrap(), "--cases", "-", "--from", "2022-01-01", "--to", "2023-12-31"];
    let out = cli_with_stdin(&args, &input);
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
    let mut text = format!("{CSV_HEADER}\n");
    for r in rows {
        text.push_str(r);
        text.push('\n');
    }
    run_csv_bytes(policy, text.as_bytes())
}

/// A CSV batch over raw input bytes (header included).
fn run_csv_bytes(
    policy: &Policy,
    input: &[u8],
) -> (fordeling::contract::batch::BatchTotals, Vec<fordeling::contract::batch::BatchError>, String) {
    let csv = fordeling::contract::batch::CsvBatch::new(Batch::new(policy, period()), input).unwrap();
    let mut out = String::new();
    let (errors, b) = csv.run(&mut out);
    let totals = b.finish();
    assert_eq!(totals.bad_records, errors.len() as u64, "bad records are the records reported");
    (totals, errors, out)
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
    // a, c computed; b, d, e and the second a are refused; five records (rows) are bad.
    assert_eq!((totals.cases, totals.bad_records), (2, 5));
    assert_eq!(out.lines().count(), 2);
    let expected: i128 =
        [json_case("a", &a), json_case("c", &c)].iter().map(|j| single_total(&policy, j).unwrap()).sum();
    assert_eq!(totals.total, expected);
}

#[test]
fn csv_header_problems_are_named() {
    let policy = Policy::from_text(example::POLICY).unwrap();
    let err =
        fordeling::contract::batch::CsvBatch::new(Batch::new(&policy, period()), "case,birth_date,colour".as_bytes())
            .unwrap_err();
    assert_eq!(err.errors[0].field.as_deref(), Some("colour"));
    let err = fordeling::contract::batch::CsvBatch::new(Batch::new(&policy, period()), "case;birth_date".as_bytes())
        .unwrap_err();
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

/// A CSV row of case `id` (the facts of `csv_case`): one monthly service line.
fn row(id: &str, line: &str, service: &str, amount: &str) -> String {
    format!("{id},,2020-03-01,ishoj,yes,2021-01-01,employment,{line},{service},{amount},month,2022-01-01,")
}

/// The JSON document of a case of `row`s: (line id, service, amount).
fn json_rows(id: &str, lines: &[(&str, &str, &str)]) -> String {
    json!({
        "id": id,
        "consent": [{ "from": "2021-01-01" }],
        "other_cases": [{ "id": "other-1", "sector": "employment" }],
        "child": { "birth_date": "2020-03-01", "significant_permanent_disability": true,
                   "handlekommune": [{ "municipality": "ishoj", "from": "2020-03-01" }] },
        "services": lines.iter().map(|(l, svc, amount)| json!({
            "id": l, "service": svc, "amount": amount, "per": "month", "from": "2022-01-01"
        })).collect::<Vec<_>>(),
    })
    .to_string()
}

#[test]
fn csv_row_not_utf8_refuses_its_case_and_keeps_later_line_numbers() {
    let policy = Policy::from_text(example::POLICY).unwrap();
    let mut input = format!("{CSV_HEADER}\n{}\n", row("a", "s1", "merudgift", "100.00")).into_bytes(); // line 2
    input.extend_from_slice(
        b"a,,2020-03-01,ishoj,yes,2021-01-01,employment,s2,merudgift\xff,100.00,month,2022-01-01,\n", // line 3
    );
    input.extend(
        format!("{}\n{}\n", row("b", "s1", "merudgift", "12.3.4"), row("c", "s1", "merudgift", "7.00")).bytes(),
    );
    let (totals, errors, out) = run_csv_bytes(&policy, &input);
    let lines: Vec<u64> = errors.iter().map(|e| e.line).collect();
    assert_eq!(lines, [3, 4], "{errors:?}");
    assert_eq!(errors[0].errors[0].field.as_deref(), Some("service"));
    assert!(errors[0].errors[0].message.contains("UTF-8"), "{errors:?}");
    // Case a is refused whole (not computed without its bad row); b is refused; c is computed.
    assert_eq!((totals.cases, totals.bad_records), (1, 2));
    assert_eq!(out.lines().count(), 1);
    assert_eq!(totals.total, single_total(&policy, &json_rows("c", &[("s1", "merudgift", "7.00")])).unwrap());
}

#[test]
fn jsonl_line_not_utf8_keeps_later_line_numbers() {
    let policy = Policy::from_text(example::POLICY).unwrap();
    let mut b = Batch::new(&policy, period());
    let mut out = String::new();
    let (one, two) = (case_line(1), case_line(2));
    let input: [&[u8]; 4] = [one.as_bytes(), b"{\"id\":\"x\xff\"}", b"{broken", two.as_bytes()];
    let lines: Vec<u64> = input.iter().filter_map(|l| b.push_bytes(l, &mut out).err()).map(|e| e.line).collect();
    assert_eq!(lines, [2, 3]);
    let totals = b.finish();
    assert_eq!((totals.cases, totals.bad_records), (2, 2));
}

#[test]
fn csv_bad_records_count_records_not_problems() {
    let policy = Policy::from_text(example::POLICY).unwrap();
    // One row with three problems (amount, per, from) is one bad record.
    let rows = vec!["a,,2020-03-01,ishoj,yes,,,s1,merudgift,abc,weekly,someday,".to_string()];
    let (totals, errors, _) = run_csv(&policy, &rows);
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].errors.len(), 3, "{errors:?}");
    assert_eq!(totals.bad_records, 1);
}

#[test]
fn case_total_limit_names_the_total_limit_and_the_municipality() {
    let policy = Policy::from_text(example::POLICY).unwrap();
    // 50 lines of 1,000,000,000,000.00 a month for 24 months: 1.2e15 kroner for one department.
    let ids: Vec<String> = (0..50).map(|i| format!("s{i}")).collect();
    let lines: Vec<(&str, &str, &str)> = ids.iter().map(|i| (i.as_str(), "aflastning", "1000000000000")).collect();
    let mut b = Batch::new(&policy, period());
    let e = b.push(&json_rows("big", &lines), &mut String::new()).unwrap_err();
    let message = &e.errors[0].message;
    assert_eq!(e.errors[0].code, "overflow", "{e:?}");
    assert!(message.contains("1000000000000000.00"), "names the limit of a total: {message}");
    assert!(message.contains("'ishoj'") || message.contains("(ishoj)"), "names the municipality: {message}");
}

#[test]
fn csv_amount_with_a_thousands_separator_is_refused_not_read_as_one_krone() {
    let policy = Policy::from_text(example::POLICY).unwrap();
    let rows = vec![row("a", "s1", "merudgift", "1.000"), row("b", "s1", "merudgift", "\"1,000\"")];
    let (totals, errors, _) = run_csv(&policy, &rows);
    assert_eq!(errors.len(), 2, "{errors:?}");
    for e in &errors {
        assert_eq!(e.errors[0].field.as_deref(), Some("amount"));
        assert!(e.errors[0].message.contains("write it without a thousands separator, e.g. 1000 or 1000.00"), "{e}");
    }
    assert_eq!(totals.cases, 0);
}

#[test]
fn csv_semicolon_file_with_bom_quotes_and_a_decimal_comma() {
    let policy = Policy::from_text(example::POLICY).unwrap();
    let header = CSV_HEADER.replace(',', ";");
    // A BOM; a quoted household with ';' and quotes; a decimal comma; then a bad row. (A line break
    // in an id is refused since issue 13: see `csv_line_break_in_an_id_is_refused_with_its_line`.)
    let input = format!(
        "\u{feff}{header}\r\n\
         a;\"Jensen; \"\"Anna\"\" hus 2\";2020-03-01;ishoj;yes;2021-01-01;employment;s1;merudgift;1000,50;month;2022-01-01;\r\n\
         a;\"Jensen; \"\"Anna\"\" hus 2\";2020-03-01;ishoj;yes;2021-01-01;employment;s2;aflastning;20,5;month;2022-01-01;\r\n\
         b;;2020-03-01;ishoj;yes;;;s1;merudgift;1.000,50;month;2022-01-01;\r\n"
    );
    let (totals, errors, _) = run_csv_bytes(&policy, input.as_bytes());
    let lines: Vec<u64> = errors.iter().map(|e| e.line).collect();
    assert_eq!(lines, [4], "{errors:?}");
    assert!(errors[0].errors[0].message.contains("thousands separator"), "{errors:?}");
    assert_eq!(totals.cases, 1);
    let json = json_rows("a", &[("s1", "merudgift", "1000.50"), ("s2", "aflastning", "20.50")]);
    let json = json.replacen("\"id\":\"a\"", "\"id\":\"a\",\"household\":\"Jensen; \\\"Anna\\\" hus 2\"", 1);
    assert_eq!(totals.total, single_total(&policy, &json).unwrap());
}

#[test]
fn csv_line_break_in_an_id_is_refused_with_its_line() {
    let policy = Policy::from_text(example::POLICY).unwrap();
    // The record spans lines 2-3; the next case (line 4) is computed.
    let input = format!(
        "{CSV_HEADER}\n\
         a,\"hus\n2\",2020-03-01,ishoj,yes,2021-01-01,employment,s1,merudgift,1000.50,month,2022-01-01,\n\
         b,,2020-03-01,ishoj,yes,2021-01-01,employment,s1,merudgift,1000.50,month,2022-01-01,\n"
    );
    let (totals, errors, _) = run_csv_bytes(&policy, input.as_bytes());
    assert_eq!(errors.iter().map(|e| e.line).collect::<Vec<_>>(), [2], "{errors:?}");
    assert!(errors[0].errors[0].message.contains("U+000A"), "{errors:?}");
    assert_eq!(totals.cases, 1);
}

#[test]
fn csv_case_over_the_row_limit_is_refused_and_the_next_case_computed() {
    use fordeling::contract::batch::MAX_ROWS_PER_CASE;
    let policy = Policy::from_text(example::POLICY).unwrap();
    let mut rows: Vec<String> =
        (0..MAX_ROWS_PER_CASE + 500).map(|i| row("big", &format!("s{i}"), "merudgift", "1.00")).collect();
    rows.push(row("c", "s1", "merudgift", "7.00"));
    let (totals, errors, out) = run_csv(&policy, &rows);
    assert_eq!(errors.len(), 1, "{:?}", &errors[..errors.len().min(3)]);
    assert_eq!(errors[0].line, MAX_ROWS_PER_CASE as u64 + 2, "the first row past the limit");
    assert!(errors[0].errors[0].message.contains("more than 1000 rows"), "{errors:?}");
    assert_eq!((totals.cases, totals.bad_records), (1, 1));
    assert!(out.contains("\"c\""));
}

#[test]
fn csv_unclosed_quote_stops_the_run_instead_of_swallowing_rows() {
    let policy = Policy::from_text(example::POLICY).unwrap();
    let rows = vec![
        row("a", "s1", "merudgift", "7.00"), // line 2: computed
        "b,\"Jensen,2020-03-01,ishoj,yes,,,s1,merudgift,1.00,month,2022-01-01,".into(), // line 3: quote left open
        row("b", "s2", "merudgift", "1.00"), // line 4
        row("c", "s1", "merudgift", "1.00"), // line 5
        "c,\"x\",2020-03-01,ishoj,yes,,,s2,merudgift,1.00,month,2022-01-01,".into(),
        row("d", "s1", "merudgift", "1.00"),
    ];
    let (totals, errors, _) = run_csv(&policy, &rows);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].line, 3);
    assert!(errors[0].errors[0].message.contains("a quote that is not closed?"), "{errors:?}");
    // Only case a is computed: no case goes on without the rows the open quote swallowed.
    assert_eq!(totals.cases, 1);
    // The same in Danish.
    let text = format!("{CSV_HEADER}\n{}\n", rows.join("\n"));
    let batch = Batch::new(&policy, period()).with_lang(fordeling::Lang::Da);
    let csv = fordeling::contract::batch::CsvBatch::new(batch, text.as_bytes()).unwrap();
    let (errors, _) = csv.run(&mut String::new());
    let message = &errors[0].errors[0].message;
    assert!(message.contains("et citationstegn, der ikke er lukket? Læsningen stopper her"), "{message}");
    assert!(message.starts_with("kolonne 'record': går fra linje 3 til linje 7 med 13 felter"), "{message}");
}

/// A reader of an endless CSV case: `big` rows for ever after a header.
struct Endless {
    row: Vec<u8>,
    at: usize,
    rows: u64,
    limit: u64,
}

impl std::io::Read for Endless {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let mut n = 0;
        while n < buf.len() && self.rows < self.limit {
            buf[n] = self.row[self.at];
            n += 1;
            self.at += 1;
            if self.at == self.row.len() {
                self.at = 0;
                self.rows += 1;
            }
        }
        Ok(n)
    }
}

#[test]
fn csv_runaway_case_of_a_million_rows_is_refused_and_skipped() {
    let policy = Policy::from_text(example::POLICY).unwrap();
    let header = format!("{CSV_HEADER}\n");
    let mut reader = header.as_bytes().chain(Endless {
        row: format!("{}\n", row("big", "", "merudgift", "1.00")).into_bytes(),
        at: 0,
        rows: 0,
        limit: 1_000_000,
    });
    let csv = fordeling::contract::batch::CsvBatch::new(Batch::new(&policy, period()), &mut reader).unwrap();
    let mut out = String::new();
    let (errors, b) = csv.run(&mut out);
    assert_eq!(errors.len(), 1);
    assert_eq!(b.finish().bad_records, 1);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    /// Ids with commas, quotes, semicolons and spaces, written by csv::Writer with any of the
    /// three delimiters and read back, give the same results as the same cases as JSON Lines.
    #[test]
    fn prop_csv_quoting_round_trip(
        cases in prop::collection::vec(
            // No space or line break at either end: CSV fields are trimmed.
            // Line breaks in ids are refused since issue 13 (csv_line_break_in_an_id_is_refused_with_its_line).
            ("[a-z,;\"=+-][a-z,;\" =+-]{0,7}", "([a-z,;\"]{1,3}( [a-z,;\"]{1,3})?)?", prop::collection::vec((0usize..4, 1u32..100_000, "[a-z,;\"][a-z,;\" ]{0,4}"), 1..4)),
            1..5,
        ),
        delimiter in prop::sample::select(vec![b',', b';', b'\t']),
    ) {
        let policy = Policy::from_text(example::POLICY).unwrap();
        let services = ["merudgift", "aflastning", "hjaelpemidler", "specialboernehave"];
        let mut w = csv::WriterBuilder::new().delimiter(delimiter).from_writer(Vec::new());
        w.write_record(CSV_HEADER.split(',')).unwrap();
        let mut jsonl = Vec::new();
        for (k, (id, household, lines)) in cases.iter().enumerate() {
            // Distinct case ids (a case may not come back), no spaces at the ends (fields are trimmed).
            let id = format!("{id}#{k}");
            let mut services_json = Vec::new();
            for (i, (s, amount, line)) in lines.iter().enumerate() {
                let line_id = format!("{line}.{i}");
                let amount = format!("{}.{:02}", amount / 100, amount % 100);
                w.write_record([
                    id.as_str(), household, "2020-03-01", "ishoj", "yes", "2021-01-01", "employment;daycare_school",
                    &line_id, services[*s], &amount, "month", "2022-01-01", "",
                ]).unwrap();
                services_json.push(json!({ "id": line_id, "service": services[*s], "amount": amount, "per": "month", "from": "2022-01-01" }));
            }
            let mut doc = json!({
                "id": id,
                "consent": [{ "from": "2021-01-01" }],
                "other_cases": [{ "id": "other-1", "sector": "employment" }, { "id": "other-2", "sector": "daycare_school" }],
                "child": { "birth_date": "2020-03-01", "significant_permanent_disability": true,
                           "handlekommune": [{ "municipality": "ishoj", "from": "2020-03-01" }] },
                "services": services_json,
            });
            if !household.is_empty() {
                doc["household"] = json!(household);
            }
            jsonl.push(doc.to_string());
        }
        let bytes = w.into_inner().unwrap();
        let (csv_totals, errors, csv_out) = run_csv_bytes(&policy, &bytes);
        prop_assert!(errors.is_empty(), "{:?}", errors);
        let mut b = Batch::new(&policy, period());
        let mut json_out = String::new();
        for l in &jsonl {
            prop_assert!(b.push(l, &mut json_out).is_ok());
        }
        let json_totals = b.finish();
        prop_assert_eq!(csv_totals.cases, cases.len() as u64);
        prop_assert_eq!(&csv_totals, &json_totals);
        prop_assert!(csv_out == json_out, "the results differ");
    }
}

#[cfg(feature = "cli")]
fn cli(name: &str, args: &[&str], input: &[u8]) -> (bool, String, String) {
    let dir = std::env::temp_dir().join(format!("fordeling-batch-cli-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(name);
    std::fs::write(&file, input).unwrap();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let args: Vec<String> = args.iter().map(|a| a.replace("INPUT", file.to_str().unwrap())).collect();
    let run =
        std::process::Command::new(env!("CARGO_BIN_EXE_fordeling")).args(&args).current_dir(root).output().unwrap();
    (
        run.status.success(),
        String::from_utf8_lossy(&run.stdout).into_owned(),
        String::from_utf8_lossy(&run.stderr).into_owned(),
    )
}

#[cfg(feature = "cli")]
const CLI_BATCH: [&str; 9] =
    ["batch", "--policy", "examples/policy.toml", "--cases", "INPUT", "--from", "2022-01-01", "--to", "2023-12-31"];

#[cfg(feature = "cli")]
#[test]
fn cli_csv_row_not_utf8_refuses_its_case_and_keeps_later_line_numbers() {
    let mut input = format!("{CSV_HEADER}\n{}\n", row("a", "s1", "merudgift", "100.00")).into_bytes();
    input.extend_from_slice(
        b"a,,2020-03-01,ishoj,yes,2021-01-01,employment,s2,merudgift\xff,100.00,month,2022-01-01,\n",
    );
    input.extend(
        format!("{}\n{}\n", row("b", "s1", "merudgift", "12.3.4"), row("c", "s1", "merudgift", "7.00")).bytes(),
    );
    let (ok, stdout, stderr) = cli("rows.csv", &CLI_BATCH, &input);
    assert!(ok, "{stderr}");
    assert!(stderr.contains("error: line 3: column 'service'"), "{stderr}");
    assert!(stderr.contains("error: line 4: column 'amount'"), "{stderr}");
    assert!(stderr.contains("cases 1, ") && stderr.contains("bad records 2"), "{stderr}");
    assert_eq!(stdout.lines().count(), 1);
}

#[cfg(feature = "cli")]
#[test]
fn cli_jsonl_line_not_utf8_keeps_later_line_numbers() {
    let input = [case_line(1).as_bytes(), b"\n\xff\n{broken\n", case_line(2).as_bytes(), b"\n"].concat();
    let (ok, _, stderr) = cli("cases.jsonl", &CLI_BATCH, &input);
    assert!(ok, "{stderr}");
    assert!(stderr.contains("error: line 2: "), "{stderr}");
    assert!(stderr.contains("error: line 3: "), "{stderr}");
    assert!(stderr.contains("cases 2, ") && stderr.contains("bad records 2"), "{stderr}");
}

#[cfg(feature = "cli")]
#[test]
fn cli_bad_records_count_records_not_problems() {
    let input = format!("{CSV_HEADER}\na,,2020-03-01,ishoj,yes,,,s1,merudgift,abc,weekly,someday,\n");
    let (_, _, stderr) = cli("problems.csv", &CLI_BATCH, input.as_bytes());
    assert_eq!(stderr.matches("error: ").count(), 1, "{stderr}");
    assert!(stderr.contains("bad records 1"), "{stderr}");
}

#[cfg(feature = "cli")]
#[test]
fn cli_booked_through_with_a_day_asks_for_yyyy_mm() {
    let args =
        ["compare", "--policy", "INPUT", "--case", "INPUT", "--previous", "INPUT", "--booked-through", "2024-06-01"];
    let (ok, _, stderr) = cli("booked.toml", &args, b"");
    assert!(!ok);
    assert!(stderr.contains("write it as YYYY-MM, e.g. 2024-06"), "{stderr}");
    assert!(!stderr.contains("YYYY-MM-DD"), "{stderr}");
}

#[cfg(all(feature = "cli", target_os = "linux"))]
#[test]
fn cli_endless_document_is_refused_after_16_mib() {
    let run =
        std::process::Command::new(env!("CARGO_BIN_EXE_fordeling")).args(["check", "/dev/zero"]).output().unwrap();
    assert!(!run.status.success());
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("larger than 16777216 bytes"), "{stderr}");
}

/// The golden policy of the portfolio cases (state reimbursement at the 2022 level, open-ended).
fn year_policy() -> Policy {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cases/policies/year.toml")).unwrap();
    Policy::from_text(&text).unwrap()
}

fn sibling_line(id: &str, household: Option<&str>) -> String {
    let mut doc = json!({
        "id": id,
        "consent": [{ "from": "2020-01-01" }],
        "other_cases": [{ "id": "job", "sector": "employment" }],
        "child": { "birth_date": "2018-05-01", "significant_permanent_disability": true,
                   "handlekommune": [{ "municipality": "m1", "from": "2018-05-01" }] },
        "services": [{ "id": "s1", "service": "merudgift", "amount": "50000.00", "per": "month", "from": "2025-01-01" }],
    });
    if let Some(h) = household {
        doc["household"] = json!(h);
    }
    doc.to_string()
}

fn january_2025() -> Option<fordeling::Period> {
    Some(fordeling::Period {
        from: fordeling::Date::new(2025, 1, 1).unwrap(),
        to: fordeling::Date::new(2025, 1, 31).unwrap(),
    })
}

/// Two siblings at 50,000.00 a month each are reimbursed together (SEMANTICS.md section 9): the
/// household's 100,000.00 is above 860,000/12 = 71,666.666...; (100,000 - 71,666.666...) x 25 % =
/// 7,083.333... -> 7,083.33. Alone, each is below the threshold: 0.00. A case of another household
/// between them does not part them.
#[test]
fn batch_reimburses_the_children_of_a_household_together() {
    let policy = year_policy();
    let mut b = Batch::new(&policy, january_2025());
    let mut out = String::new();
    b.push(&sibling_line("k1", Some("h1")), &mut out).unwrap();
    b.push(&sibling_line("other", Some("h2")), &mut out).unwrap();
    b.push(&sibling_line("k2", Some("h1")), &mut out).unwrap();
    let totals = b.finish();
    assert_eq!(totals.households, 2);
    assert!(totals.household_errors.is_empty());
    assert_eq!(totals.reimbursement.get("a-social"), Some(&708_333));
    assert!(totals.to_string().contains("reimbursement a-social 7083.33"), "{totals}");
    // The results of a household's cases carry no reimbursement of their own.
    assert!(out.lines().all(|l| serde_json::from_str::<Value>(l).unwrap().get("reimbursement").is_none()));

    let mut alone = Batch::new(&policy, january_2025());
    alone.push(&sibling_line("k1", None), &mut String::new()).unwrap();
    alone.push(&sibling_line("k2", None), &mut String::new()).unwrap();
    assert_eq!(alone.finish().reimbursement.get("a-social"), Some(&0));
}

/// The same through CSV: the `household` column joins the two cases.
#[test]
fn csv_batch_reimburses_the_household_column_together() {
    let policy = year_policy();
    let input = format!(
        "{CSV_HEADER}\n{}\n{}\n",
        "k1,h1,2018-05-01,m1,yes,2020-01-01,employment,s1,merudgift,50000.00,month,2025-01-01,",
        "k2,h1,2018-05-01,m1,yes,2020-01-01,employment,s1,merudgift,50000.00,month,2025-01-01,"
    );
    let batch = Batch::new(&policy, january_2025());
    let mut out = String::new();
    let (errors, batch) = fordeling::contract::batch::CsvBatch::new(batch, input.as_bytes()).unwrap().run(&mut out);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(batch.finish().reimbursement.get("a-social"), Some(&708_333));
}

#[test]
fn batch_postings_refuse_a_case_whose_id_looks_like_a_cpr_number() {
    let policy = Policy::from_text(example::POLICY).unwrap();
    let mut rows = vec![row("010203-1234", "s1", "merudgift", "1000.00")]; // line 2: a CPR-like case id
    rows.push(row("sag-2", "s1", "merudgift", "1000.00")); // line 3
    let mut text = format!("{CSV_HEADER}\n");
    for r in &rows {
        text.push_str(r);
        text.push('\n');
    }
    let batch = Batch::new(&policy, period()).with_postings();
    let csv = fordeling::contract::batch::CsvBatch::new(batch, text.as_bytes()).unwrap();
    let mut out = String::new();
    let (errors, mut b) = csv.run(&mut out);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].line, 2);
    let shown = format!("{:?}", errors[0].errors);
    assert!(shown.contains("CPR") && !shown.contains("010203"), "{shown}");
    let postings = b.take_postings();
    assert!(!postings.is_empty() && !postings.contains("010203"), "{postings}");
    assert!(postings.contains("sag-2"), "{postings}");
}

/// The case fields with a flat form travel through CSV: parents (`far=no`: without custody), the
/// consent's last day, givers and scope, a parent's other case (`employment=mor`), enrolment and
/// discharge, and an hour line's quantity and period. The CSV case gives the same result line as
/// the same case as a JSON Lines document.
#[test]
fn csv_carries_the_household_enrolment_and_rates() {
    let policy = Policy::from_text(example::POLICY).unwrap();
    let header = "case,household,birth_date,municipality,disability,consent_from,consent_to,consent_by,consent_scope,\
                  parents,other_sectors,enrolled,discharged,line,service,amount,per,quantity,every,from,to";
    let facts = "k1,h1,2020-02-03,ishoj,ja,2022-06-01,2023-10-31,mor,household,mor; far=no,employment=mor,2022-07-01,2023-11-01";
    let text = format!(
        "{header}\n{facts},s1,aflastning,450.00,hour,7.5,week,2023-01-01,2023-12-31\n{facts},s2,merudgift,3000.00,month,,,2023-01-01,\n"
    );
    let (totals, errors, csv_out) = run_csv_bytes(&policy, text.as_bytes());
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(totals.cases, 1);
    let doc = json!({
        "id": "k1", "household": "h1", "enrolled": "2022-07-01", "discharged": "2023-11-01",
        "child": { "birth_date": "2020-02-03", "significant_permanent_disability": true,
                   "handlekommune": [{ "municipality": "ishoj", "from": "2020-02-03" }] },
        "parents": [{ "id": "mor" }, { "id": "far", "custody": false }],
        "consent": [{ "from": "2022-06-01", "to": "2023-10-31", "by": ["mor"], "scope": "household" }],
        "other_cases": [{ "id": "other-1", "sector": "employment", "person": "mor" }],
        "services": [
            { "id": "s1", "service": "aflastning", "amount": "450.00", "per": "hour", "quantity": "7.5",
              "every": "week", "from": "2023-01-01", "to": "2023-12-31" },
            { "id": "s2", "service": "merudgift", "amount": "3000.00", "per": "month", "from": "2023-01-01" }
        ]
    });
    let mut b = Batch::new(&policy, period());
    let mut json_out = String::new();
    b.push(&doc.to_string(), &mut json_out).unwrap();
    assert_eq!(csv_out, json_out);
    assert_eq!(csv_out.lines().count(), 1, "one result line: {csv_out}");
}

/// `fordeling batch --lang da`: the summary and the bad records on stderr are Danish, with Danish
/// numbers and dates and the names of departments and municipalities, the same figures as in English.
#[cfg(feature = "cli")]
#[test]
fn cli_batch_summary_and_bad_records_in_danish() {
    let run = |lang: &str| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_fordeling"))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args(["batch", "--lang", lang, "--policy", "examples/policy.toml", "--cases", "examples/batch-lines.csv"])
            .args(["--from", "2024-01-01", "--to", "2024-12-31"])
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stderr).unwrap()
    };
    let (en, da) = (run("en"), run("da"));
    // The example has two bad rows: line 5's unit 'mnd', line 7's unknown service.
    assert!(da.contains("fejl: linje 5: kolonne 'per': 'mnd' er ikke"), "{da}");
    assert!(da.contains("fejl: linje 7: sag: services[0] 's1': feltet 'service'"), "{da}");
    assert!(da.contains("sager 3, linjer 35, fejlbehæftede poster 2"), "{da}");
    assert!(da.contains("kommune Ishøj Kommune ") && da.contains("måned 01-2024 "), "{da}");
    // (The unit's error names the codes a CSV file may hold: month, year, …; no line starts in English.)
    assert!(!da.lines().any(|l| l.starts_with("month ")), "{da}");
    for english in ["error", "line ", "column", "cases", "bad records", "department", "municipality", "total"] {
        assert!(!da.contains(english), "'{english}' in the Danish summary:\n{da}");
    }
    assert!(!da.contains("ishoj"), "an id instead of a name:\n{da}");
    // The same figures: each English amount is the Danish one written the Danish way.
    let amount = |text: &str, prefix: &str| {
        text.lines().find_map(|l| l.strip_prefix(prefix)).map(str::to_string).unwrap_or_default()
    };
    let total = amount(&en, "total ");
    assert!(total.contains('.'), "{en}");
    assert_eq!(amount(&da, "i alt "), fordeling::i18n::Lang::Da.number(&total));
    assert_eq!(da.lines().count(), en.lines().count());
    assert_eq!(
        amount(&da, "kommune Ishøj Kommune "),
        fordeling::i18n::Lang::Da.number(&amount(&en, "municipality Ishøj Kommune "))
    );
}

/// `fordeling batch --lang da`: the CSV reader's problems with an amount and with the header are Danish.
#[cfg(feature = "cli")]
#[test]
fn cli_batch_csv_problems_in_danish() {
    let run = |input: &str| {
        let args =
            ["batch", "--lang", "da", "--policy", "examples/policy.toml", "--cases", "-", "--input-format", "csv"];
        String::from_utf8(cli_with_stdin(&args, input).stderr).unwrap()
    };
    let header =
        "case,household,birth_date,municipality,disability,consent_from,other_sectors,line,service,amount,per,from,to";
    let row = "k1,,2019-05-14,ishoj,ja,2024-01-01,,s1,merudgift,\"1.000,50\",month,2024-01-01,2024-01-31";
    let err = run(&format!("{header}\n{row}\n"));
    assert!(
        err.contains("fejl: linje 2: kolonne 'amount': '1.000,50' har et komma: skriv det uden tusindtalsseparator"),
        "{err}"
    );
    assert!(err.contains("sager 0, linjer 0, fejlbehæftede poster 1"), "{err}");
    let err = run("case,birth,amount\n");
    assert!(err.contains("fejl: kolonne 'birth': ukendt kolonne; kolonnerne er case,"), "{err}");
}
