//! Every message a user can read, pinned in English and Danish (insta snapshots in
//! `tests/snapshots/`): each message of the catalogues with its arguments shown by name, and the
//! error answers of every golden case that expects an error, asked in both languages.
//!
//! A wording changes in `src/i18n/en.ftl` or `da.ftl`; `cargo insta review` (or `INSTA_UPDATE=always`)
//! then shows and accepts the new texts.

mod harness;

use std::fmt::Write;

use fordeling::i18n::Message;
use fordeling::Lang;
use strum::IntoEnumIterator;

/// Each message with every argument filled in by its own name (`<field>`).
fn every_message() -> Vec<Message> {
    Message::iter()
        .map(|m| {
            let mut v = serde_json::to_value(&m).unwrap();
            for (k, x) in v.as_object_mut().unwrap().iter_mut() {
                if k != "message" {
                    *x = serde_json::Value::String(format!("<{k}>"));
                }
            }
            serde_json::from_value(v).unwrap()
        })
        .collect()
}

#[test]
fn the_catalogue_in_english_and_danish() {
    for (lang, name) in [(Lang::En, "catalogue_en"), (Lang::Da, "catalogue_da")] {
        let mut text = String::new();
        for m in every_message() {
            writeln!(text, "{:<32} {}", <&str>::from(&m), m.text(lang)).unwrap();
        }
        insta::assert_snapshot!(name, text);
    }
}

#[test]
fn the_report_texts_in_english_and_danish() {
    // The words of explanations, tables and the policy summary; `{$name}` marks an argument.
    for (lang, name) in [(Lang::En, "report_en"), (Lang::Da, "report_da")] {
        let mut text = String::new();
        for w in fordeling::i18n::Word::iter() {
            writeln!(text, "{:<40} {}", <&str>::from(w), w.text(lang)).unwrap();
        }
        insta::assert_snapshot!(name, text);
    }
}

#[test]
fn danish_texts_have_no_english_frame() {
    // The words around the arguments are Danish: none of the English catalogue's frames appear.
    for m in every_message() {
        let da = m.text(Lang::Da);
        let da: String = da.split('<').map(|part| part.split_once('>').map_or(part, |(_, rest)| rest)).collect();
        for english in ["expected", "invalid", "field '", "is not a", "must be", "at least"] {
            assert!(!da.contains(english), "{}: '{da}' has '{english}'", <&str>::from(&m));
        }
    }
}

#[test]
fn the_errors_of_the_golden_cases_in_english_and_danish() {
    let files = harness::case_files();
    for (lang, name) in [("en", "golden_errors_en"), ("da", "golden_errors_da")] {
        let mut text = String::new();
        let mut count = 0;
        for p in &files {
            let case = p.file_stem().unwrap().to_string_lossy().to_string();
            let g = harness::load(&case, &std::fs::read_to_string(p).unwrap(), &harness::policy).unwrap();
            // A request that is not JSON (a test of the envelope itself) is asked as it is.
            let request = match serde_json::from_str::<serde_json::Value>(&g.request) {
                Ok(mut r) if r.is_object() => {
                    r["lang"] = serde_json::json!(lang);
                    r.to_string()
                }
                _ => g.request.clone(),
            };
            let answer: serde_json::Value = serde_json::from_str(&fordeling::contract::handle_json(&request)).unwrap();
            if answer["status"] != "error" {
                continue;
            }
            count += 1;
            writeln!(text, "{case}").unwrap();
            for e in answer["errors"].as_array().unwrap() {
                writeln!(
                    text,
                    "  [{} {}] {}",
                    e["kind"].as_str().unwrap(),
                    e["code"].as_str().unwrap(),
                    e["message"].as_str().unwrap()
                )
                .unwrap();
            }
        }
        assert!(count > 30, "only {count} golden error cases");
        insta::assert_snapshot!(name, text);
    }
}
