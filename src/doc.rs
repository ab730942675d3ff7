//! Reading documents (policy, case, request) from TOML or JSON text, with error paths.

use serde::Deserialize;

use crate::date::Date;
use crate::error::{Doc, InputError};
use crate::path::Track;
use crate::read::FromJson;

/// The largest document accepted, in bytes (16 MiB).
pub const MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;

/// The text formats a document may be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// TOML.
    Toml,
    /// JSON.
    Json,
}

impl Format {
    /// JSON when the first non-blank character opens an object, else TOML: a document is an object
    /// in JSON, and a TOML document may begin with a table header (`[[municipalities]]`).
    pub fn detect(text: &str) -> Format {
        match text.trim_start_matches('\u{feff}').trim_start().as_bytes().first() {
            Some(b'{') => Format::Json,
            _ => Format::Toml,
        }
    }
}

/// Parse a document of type `T` from text in either format, naming the path of any bad value.
pub(crate) fn parse_text<T: FromJson>(doc: Doc, text: &str) -> Result<T, InputError> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(syntax(
            doc,
            "(document)",
            format!("is {} bytes; at most {MAX_INPUT_BYTES} are accepted", text.len()),
        ));
    }
    let text = text.trim_start_matches('\u{feff}');
    if text.trim().is_empty() {
        return Err(syntax(doc, "(document)", "is empty".into()));
    }
    match Format::detect(text) {
        Format::Json => parse_json(doc, text),
        Format::Toml => {
            // TOML is read into a JSON value and then deserialized like a JSON object: every
            // document type is compiled for one deserializer only. Syntax errors keep their line and
            // column, type errors name their path.
            let map = crate::toml::parse(text)
                .map_err(|e| syntax(doc, "(document)", format!("{}{}", line_col(text, e.at), e.message)))?;
            from_value(doc, serde_json::Value::Object(map))
        }
    }
}

/// Parse a document of type `T` from JSON text, naming the path of any bad value.
///
/// The text is first read into an untyped value that refuses duplicate keys (serde_json's own
/// recursion limit guards against deep nesting), then deserialized from that value: every document
/// type is compiled for one deserializer only, which keeps the WebAssembly module small.
pub(crate) fn parse_json<T: FromJson>(doc: Doc, text: &str) -> Result<T, InputError> {
    let mut de = serde_json::Deserializer::from_str(text);
    let track = Track::default();
    let value = crate::path::strict_value(&mut de, &track).map_err(|e| path_error(doc, track, e))?;
    de.end().map_err(|e| syntax(doc, "(document)", e.to_string()))?;
    from_value(doc, value)
}

/// Deserialize a document of type `T` from an already parsed JSON value.
pub(crate) fn from_value<T: FromJson>(doc: Doc, value: serde_json::Value) -> Result<T, InputError> {
    crate::read::read(&value).map_err(|e| at_path(doc, e.path, &e.message))
}

/// "line L, column C: " for a byte offset.
fn line_col(text: &str, offset: usize) -> String {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    format!("line {line}, column {col}: ")
}

fn syntax(doc: Doc, item: &str, message: String) -> InputError {
    InputError::Syntax { doc, item: item.into(), message }
}

fn path_error(doc: Doc, track: Track, e: serde_json::Error) -> InputError {
    at_path(doc, track.path(), &e.to_string())
}

/// A syntax error at `path` (`.` is the whole document), its message on one line.
fn at_path(doc: Doc, path: String, message: &str) -> InputError {
    let item = if path == "." || path.is_empty() { "(document)".to_string() } else { path };
    syntax(doc, &item, message.trim().replace('\n', " ").replace("  ", " "))
}

/// A validity interval: from a date (or always) to an inclusive date (or open-ended).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Validity {
    /// First day in force; absent means "since always".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Date>,
    /// Last day in force (inclusive); absent means open-ended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<Date>,
}

impl Validity {
    /// Whether the interval contains `d`.
    pub fn contains(&self, d: Date) -> bool {
        self.from.is_none_or(|f| f <= d) && self.to.is_none_or(|t| d <= t)
    }

    /// The first day both intervals contain, if any.
    pub fn overlap_start(&self, other: &Validity) -> Option<Date> {
        let start = match (self.from, other.from) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
        let end = match (self.to, other.to) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        match (start, end) {
            (Some(s), Some(e)) if s > e => None,
            (Some(s), _) => Some(s),
            (None, Some(e)) => Some(e),
            (None, None) => crate::date::Date::new(crate::date::MIN_YEAR, 1, 1).ok(),
        }
    }

    /// The boundaries where this interval starts or stops being in force (`from`, `to + 1`).
    pub(crate) fn cuts(&self) -> impl Iterator<Item = Date> {
        self.from.into_iter().chain(self.to.and_then(Date::succ))
    }

    /// Check `to >= from`.
    pub(crate) fn check(&self, doc: Doc, item: &str) -> Result<(), InputError> {
        match (self.from, self.to) {
            (Some(f), Some(t)) if t < f => {
                Err(InputError::EndBeforeStart { doc, item: item.into(), from: f.to_string(), to: t.to_string() })
            }
            _ => Ok(()),
        }
    }
}

/// Report every pair of overlapping intervals among `items` (name, validity).
pub(crate) fn check_overlaps(doc: Doc, items: &[(String, Validity)], errors: &mut Vec<InputError>) {
    let mut sorted: Vec<&(String, Validity)> = items.iter().collect();
    crate::order::sort_by_key(&mut sorted, |(_, v)| v.from);
    for (i, (name, v)) in sorted.iter().enumerate() {
        for (other, w) in &sorted[i + 1..] {
            if let Some(on) = v.overlap_start(w) {
                errors.push(InputError::Overlap { doc, item: other.clone(), other: name.clone(), on: on.to_string() });
            }
        }
    }
}
