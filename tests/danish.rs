//! `--lang da` as a Danish controller reads it: the CLI's texts hold no English word and no code of
//! the documents (sector areas, criteria, booleans, ids), and its errors are Danish too.
#![cfg(feature = "cli")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod harness;

use std::process::Command;

/// English words of the English catalogue that must not reach a Danish text (checked as whole words).
const ENGLISH: &[&str] = &[
    "the",
    "and",
    "of",
    "per",
    "month",
    "months",
    "total",
    "totals",
    "department",
    "departments",
    "municipality",
    "municipalities",
    "policy",
    "eligible",
    "eligibility",
    "not",
    "amount",
    "exact",
    "rounded",
    "once",
    "leftover",
    "reimbursement",
    "gross",
    "net",
    "key",
    "payer",
    "authority",
    "yes",
    "no",
    "error",
    "cannot",
    "sector",
    "areas",
    "consent",
    "age",
    "years",
    "born",
    "required",
    "case",
    "lines",
    "agreement",
    "days",
    "income",
    "base",
    "weight",
    "DKK",
];

/// Codes of the documents and the results that must not reach a Danish text.
const CODES: &[&str] = &[
    "children_social",
    "daycare_school",
    "health",
    "employment",
    "adult",
    "housing",
    "policy_key",
    "sector_areas",
    "criteria_in_force",
    "acting_municipality",
    "not_eligible",
    "true",
    "false",
    "none",
    "any",
];

fn run(args: &[&str]) -> (String, String, bool) {
    let root = env!("CARGO_MANIFEST_DIR");
    let out = Command::new(env!("CARGO_BIN_EXE_fordeling")).args(args).current_dir(root).output().unwrap();
    (String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap(), out.status.success())
}

/// The words of `text` (letters, digits, `_` and `-`), each with the line it is on.
fn words(text: &str) -> Vec<(&str, &str)> {
    text.lines()
        .flat_map(|line| {
            line.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
                .filter(|w| !w.is_empty())
                .map(move |w| (w, line))
        })
        .collect()
}

fn assert_danish(what: &str, text: &str, ids_allowed: bool) {
    assert!(!text.trim().is_empty(), "{what}: no output");
    for (w, line) in words(text) {
        assert!(!ENGLISH.contains(&w), "{what}: English word '{w}' in: {line}");
        assert!(!CODES.contains(&w), "{what}: code '{w}' in: {line}");
        if !ids_allowed {
            assert!(!w.contains("ishoj") && !w.contains("vallensbaek"), "{what}: id '{w}' in: {line}");
        }
    }
    // Danish numbers: no amount written with a decimal point.
    let machine_amount = text.split(|c: char| c.is_whitespace() || c == '(' || c == ')').any(|t| {
        let t = t.trim_end_matches([',', ';', ':']);
        t.split_once('.').is_some_and(|(i, f)| {
            !i.is_empty()
                && i.bytes().all(|b| b.is_ascii_digit())
                && f.len() == 2
                && f.bytes().all(|b| b.is_ascii_digit())
        })
    });
    assert!(!machine_amount, "{what}: an amount with a decimal point:\n{text}");
}

#[test]
fn demo_in_danish_has_no_english_word_and_no_code() {
    for case in ["case-ishoj", "case-vallensbaek"] {
        let (out, err, ok) = run(&["demo", "--lang", "da", "--case", case]);
        assert!(ok, "{err}");
        assert_danish(&format!("demo {case}"), &out, false);
        assert!(out.contains("I alt pr. afdeling") && out.contains("Ishøj Kommune"), "{out}");
    }
}

#[test]
fn explanation_in_danish_has_no_english_word_and_no_code() {
    let (out, err, ok) = run(&[
        "explain",
        "--lang",
        "da",
        "--policy",
        "examples/policy.toml",
        "--case",
        "examples/case-ishoj.toml",
        "--sibling",
        "examples/case-ishoj-sibling.toml",
        "--from",
        "2024-01-01",
        "--to",
        "2024-12-31",
    ]);
    assert!(ok, "{err}");
    assert_danish("explain", &out, false);
    for term in ["afrundet én gang til hele øre (halve øre væk fra nul)", "medregnede udgifter", "fordelingsmodel"]
    {
        assert!(out.contains(term), "explain lacks '{term}'");
    }
    assert!(out.contains("Servicelovens § 112, jf. barnets lov § 90, nr. 4"), "the aid's legal basis");
    assert!(!out.contains("restøre") && !out.contains("politik"));
}

#[test]
fn policy_summary_in_danish_has_no_english_word_and_no_code() {
    let (out, err, ok) = run(&["check", "--lang", "da", "--format", "table", "examples/policy.toml"]);
    assert!(ok, "{err}");
    // The summary lists what the policy declares by id, so ids may appear; words and codes may not.
    assert_danish("check", &out, true);
}

#[test]
fn errors_in_danish() {
    let (_, err, ok) =
        run(&["split", "--lang", "da", "--policy", "examples/policy.toml", "--case", "no-such-file.toml"]);
    assert!(!ok);
    assert!(err.starts_with("fejl: kan ikke læse no-such-file.toml: filen findes ikke"), "{err}");
    let (_, err, _) = run(&["demo", "--lang", "da", "--case", "x"]);
    assert!(err.starts_with("fejl: der er intet eksempel 'x'"), "{err}");
    let (_, err, _) = run(&[
        "split",
        "--lang",
        "da",
        "--policy",
        "examples/policy.toml",
        "--case",
        "examples/case-ishoj.toml",
        "--from",
        "2024-02-30",
        "--to",
        "2024-03-31",
    ]);
    assert!(err.starts_with("fejl: '2024-02-30' er ikke en dato: 2024-02 har 29 dage"), "{err}");
    // The workbook reader's errors too.
    let bad = std::env::temp_dir().join(format!("fordeling-danish-{}.xlsx", std::process::id()));
    std::fs::write(&bad, "ikke et regneark").unwrap();
    let (_, err, ok) = run(&["check", "--lang", "da", bad.to_str().unwrap()]);
    std::fs::remove_file(&bad).unwrap();
    assert!(!ok);
    assert!(err.starts_with("fejl: ") && err.contains(": ikke et .xlsx- eller .ods-regneark"), "{err}");
}

/// The ids of `examples/year`'s departments, groups and grant that a Danish table shows only in a
/// posting line (where a finance system needs the code). (Not all ids: `m2`, `sundhed` and the pool
/// `aflastning` are words of names too.)
const YEAR_IDS: &[&str] = &["a-social", "b-school", "c-health", "m2-social", "m1", "boern", "bu", "sa", "puljen"];

fn portfolio(lang: &str, policy: &str, extra: &[&str]) -> String {
    let mut args = vec!["portfolio", "--lang", lang, "--policy", policy, "--year", "2025", "--today", "2025-06-01"];
    let cases = if policy.contains("followup") { "examples/followup/cases" } else { "examples/year/cases" };
    args.extend(["--cases", cases, "--since", "2024-01-01"]);
    args.extend(extra);
    let (out, err, ok) = run(&args);
    assert!(ok, "{policy}: {err}");
    out
}

/// A word that is an ISO date or month (2025-06, 2025-06-30).
fn iso_date(w: &str) -> bool {
    let b = w.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    (b.len() == 7 || b.len() == 10) && digits(0..4) && b[4] == b'-' && digits(5..7)
}

#[test]
fn portfolio_in_danish_shows_names_and_danish_months() {
    let year = ["--booked-through", "2025-06", "--budget", "examples/year/budget.csv"];
    let scenario = ["--scenario", "examples/year/policy-scenario.toml"];
    for policy in ["policy", "policy-grant", "policy-pool", "policy-scenario"] {
        let path = format!("examples/year/{policy}.toml");
        for extra in [&year[..], &[year.as_slice(), &scenario].concat(), &[]] {
            let out = portfolio("da", &path, extra);
            assert_danish(&format!("portfolio {policy}"), &out, true);
            let mut posting = false;
            for line in out.lines() {
                // A posting line is indented four spaces under "Posteringer"; it keeps the code.
                posting = (posting && line.starts_with("    ")) || line.trim() == "Posteringer";
                for (w, _) in words(line) {
                    assert!(!iso_date(w), "portfolio {policy} {extra:?}: ISO date '{w}' in: {line}");
                    assert!(posting || !YEAR_IDS.contains(&w), "portfolio {policy} {extra:?}: id '{w}' in: {line}");
                }
            }
            assert!(!out.contains("intet"), "{out}");
        }
    }
    let out = portfolio("da", "examples/year/policy-grant.toml", &year);
    for shown in [
        "Portefølje 2025: 4 sager, 3 husstande, bogført til og med 06-2025",
        "\n  Børn                               684.000,00 ",
        "\n  Børne- og Uddannelsesudvalget      720.000,00 ",
        "\n  Kommune Et                         750.000,00 ",
        "\n  06-2025  faktisk         128.000,00        7.083,33\n  07-2025  prognose ",
        "Tilskud: Den nationale pulje, dækker 50 %, fra 01-02-2025 til 30-09-2025",
        // The posting line keeps the department's code next to its name.
        "    09-2025  a-social     Børn                    5.28.21 8.6      -52.500,00  tilskudsindtægt Den nationale pulje",
    ] {
        assert!(out.contains(shown), "lacks {shown:?}:\n{out}");
    }
    let out = portfolio("da", "examples/year/policy-pool.toml", &[]);
    assert!(out.contains("bogført") && out.contains(", ingen måneder bogført\n"), "{out}");
    assert!(out.contains("Pulje: Pulje til aflastning, holdes af Børn\n"), "{out}");
    assert!(out.contains("    01-2025  b-school     Dagtilbud og skole  9 "), "{out}");
}

#[test]
fn follow_up_in_danish_shows_names_and_danish_dates() {
    let out = portfolio("da", "examples/followup/policy.toml", &["--booked-through", "2025-09"]);
    assert_danish("follow-up", &out, true);
    for (w, line) in words(&out) {
        assert!(!iso_date(w), "follow-up: ISO date '{w}' in: {line}");
    }
    assert!(out.contains("Opfølgning pr. 01-06-2025"), "{out}");
    assert!(out.contains("\n  Børn                       2025    1.300.000,00 "), "{out}");
}

#[test]
fn portfolio_in_english_shows_names_and_iso_months() {
    let out = portfolio("en", "examples/year/policy-grant.toml", &["--booked-through", "2025-06"]);
    for shown in [
        "Portfolio 2025: 4 cases, 3 households, booked through 2025-06",
        "\n  Børn                               684,000.00 ",
        "\n  2025-06  actual ",
        "Grant: Den nationale pulje, covers 50 %, from 2025-02-01 to 2025-09-30",
    ] {
        assert!(out.contains(shown), "lacks {shown:?}:\n{out}");
    }
    let out = portfolio("en", "examples/year/policy.toml", &[]);
    assert!(out.contains(", nothing booked yet\n"), "{out}");
    assert!(!out.lines().any(|l| l.starts_with("  a-social ")), "{out}");
}
