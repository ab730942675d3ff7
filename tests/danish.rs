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
