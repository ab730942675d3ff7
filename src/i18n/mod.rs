//! Texts for people, in Danish and English, from one message catalogue per language.
//!
//! The catalogues are `en.ftl` and `da.ftl` beside this file (`src/i18n/`), in Project
//! Fluent's syntax: a municipality can correct a wording there without reading code. Every message a
//! user can see is a variant of [`Message`]; its id in the catalogues is the variant's name in
//! kebab-case (`Message::NotADate` is `not-a-date`) and its arguments are the variant's fields. A test
//! renders every variant in both languages, so a message missing from a catalogue, or an argument a
//! catalogue names that the variant lacks, fails the build's tests.
//!
//! This is the lowest layer: it knows languages and texts, nothing of policies, cases or money.

mod message;
mod word;

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use serde::{Deserialize, Serialize};

pub use message::Message;
pub use word::Word;

/// A language for texts.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema, strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Danish.
    Da,
}

impl Lang {
    /// A number as the library writes it (`-1234.56`, `11040.7758620689…`) in this language's way:
    /// Danish `-1.234,56`; English unchanged.
    pub fn number(self, text: &str) -> String {
        if self == Lang::En {
            return text.to_string();
        }
        let (sign, rest) = text.strip_prefix('-').map_or(("", text), |r| ("-", r));
        let (int, frac) = rest.split_once('.').map_or((rest, None), |(i, f)| (i, Some(f)));
        if int.is_empty() || !int.bytes().all(|b| b.is_ascii_digit()) {
            return text.to_string();
        }
        let mut grouped = String::with_capacity(int.len() + int.len() / 3);
        for (i, c) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                grouped.push('.');
            }
            grouped.push(c);
        }
        match frac {
            Some(f) => format!("{sign}{grouped},{f}"),
            None => format!("{sign}{grouped}"),
        }
    }

    /// A date written `YYYY-MM-DD` in this language's way: Danish `DD-MM-YYYY`; a month `YYYY-MM`
    /// as `MM-YYYY`; English (and any other text) unchanged.
    pub fn date(self, text: &str) -> String {
        let b = text.as_bytes();
        let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
        match (self, b.len()) {
            (Lang::Da, 10) if digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10) => {
                format!("{}-{}-{}", &text[8..10], &text[5..7], &text[0..4])
            }
            (Lang::Da, 7) if digits(0..4) && b[4] == b'-' && digits(5..7) => format!("{}-{}", &text[5..7], &text[0..4]),
            _ => text.to_string(),
        }
    }

    /// A sector area's code (`children_social`) in words, where the catalogue has them (`sector-…`).
    pub fn sector(self, code: &str) -> String {
        lookup(self, &format!("sector-{code}"), &[]).unwrap_or_else(|| code.to_string())
    }

    fn index(self) -> usize {
        match self {
            Lang::En => 0,
            Lang::Da => 1,
        }
    }
}

const CATALOGUES: [(&str, &str); 2] = [("en", include_str!("en.ftl")), ("da", include_str!("da.ftl"))];

type Bundle = FluentBundle<FluentResource>;

/// The two catalogues, parsed once. A catalogue with a syntax error keeps every message that parsed
/// (a test keeps both free of errors).
fn bundles() -> &'static [Bundle; 2] {
    static BUNDLES: OnceLock<[Bundle; 2]> = OnceLock::new();
    BUNDLES.get_or_init(|| {
        CATALOGUES.map(|(lang, text)| {
            let locale = lang.parse().unwrap_or_default();
            let mut bundle = FluentBundle::new_concurrent(vec![locale]);
            // No Unicode isolation marks around arguments: the texts go to terminals and CSV too.
            bundle.set_use_isolating(false);
            let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(partial, _)| partial);
            // A message defined twice keeps its first definition.
            let _ = bundle.add_resource(resource);
            bundle
        })
    })
}

/// The text of catalogue message `id` in `lang`, with `args` filled in; `None` when the catalogue
/// has no such message.
pub fn lookup(lang: Lang, id: &str, args: &[(String, String)]) -> Option<String> {
    let bundle = &bundles()[lang.index()];
    let pattern = bundle.get_message(id)?.value()?;
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        fluent_args.set(name.as_str(), value.as_str());
    }
    let mut errors = Vec::new();
    Some(bundle.format_pattern(pattern, Some(&fluent_args), &mut errors).into_owned())
}

/// The ids of the messages in a catalogue, and the problems found reading it (for the tests).
#[cfg(test)]
pub(crate) fn catalogue(lang: Lang) -> (Vec<String>, Vec<String>) {
    let text = CATALOGUES[lang.index()].1;
    let (resource, errors) = match FluentResource::try_new(text.to_string()) {
        Ok(r) => (r, Vec::new()),
        Err((r, e)) => (r, e.iter().map(|e| format!("{e:?}")).collect()),
    };
    let ids = resource
        .entries()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect();
    (ids, errors)
}

#[cfg(test)]
mod tests {
    use super::Lang;

    #[test]
    fn danish_numbers_and_dates() {
        assert_eq!(Lang::Da.number("5336.38"), "5.336,38");
        assert_eq!(Lang::Da.number("-1234567.5"), "-1.234.567,5");
        assert_eq!(Lang::Da.number("0.00"), "0,00");
        assert_eq!(Lang::Da.number("11040.7758620689…"), "11.040,7758620689…");
        assert_eq!(Lang::Da.number("100"), "100");
        assert_eq!(Lang::Da.number("x1.5"), "x1.5");
        assert_eq!(Lang::En.number("5336.38"), "5336.38");
        assert_eq!(Lang::Da.date("2024-01-31"), "31-01-2024");
        assert_eq!(Lang::Da.date("2024-01"), "01-2024");
        assert_eq!(Lang::Da.date("…"), "…");
        assert_eq!(Lang::En.date("2024-01-31"), "2024-01-31");
        assert_eq!(Lang::Da.sector("children_social"), "børne- og familieområdet");
    }
}
