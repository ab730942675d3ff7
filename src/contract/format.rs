//! Reading documents (policy, case, request) from TOML or JSON text, with error paths.
//!
//! The document types declare their form once, with serde's derive; `serde_json`, `toml` and
//! `serde_path_to_error` read them, and this module only turns their errors into [`InputError`]s
//! that name the document and the path of the bad value (`services[2].amount`).

use serde::de::DeserializeOwned;

use crate::case::{Case, CaseDoc};
use crate::model::error::{Doc, InputError, InputErrors};
use crate::policy::{Policy, PolicyDoc};

/// The largest document accepted, in bytes (16 MiB).
pub const MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;

/// The text formats a document may be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
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
pub(crate) fn parse_text<T: DeserializeOwned>(doc: Doc, text: &str) -> Result<T, InputError> {
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
            // TOML is read into a table and then deserialized like a JSON object, so that both
            // formats give the same paths and messages for a bad value. Syntax errors keep their line
            // and column.
            let table: toml::Table = toml::from_str(text).map_err(|e| toml_error(doc, text, &e))?;
            from_value(doc, toml_to_json(toml::Value::Table(table)).map_err(|m| syntax(doc, "(document)", m))?)
        }
    }
}

/// Parse a document of type `T` from JSON text, naming the path of any bad value. A key given twice
/// in one object is an error (serde's derive refuses a duplicate field); serde_json's recursion
/// limit guards against deep nesting.
pub(crate) fn parse_json<T: DeserializeOwned>(doc: Doc, text: &str) -> Result<T, InputError> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|e| path_error(doc, e))?;
    de.end().map_err(|e| syntax(doc, "(document)", e.to_string()))?;
    Ok(value)
}

/// Deserialize a document of type `T` from an already parsed JSON value.
pub(crate) fn from_value<T: DeserializeOwned>(doc: Doc, value: serde_json::Value) -> Result<T, InputError> {
    serde_path_to_error::deserialize(value).map_err(|e| path_error(doc, e))
}

/// A TOML value as the JSON value it stands for: dates and times become strings as written, and
/// a float that JSON cannot hold (`inf`, `nan`) is refused.
fn toml_to_json(v: toml::Value) -> Result<serde_json::Value, String> {
    use serde_json::Value as J;
    Ok(match v {
        toml::Value::String(s) => J::String(s),
        toml::Value::Integer(i) => J::from(i),
        toml::Value::Float(f) => serde_json::Number::from_f64(f)
            .map(J::Number)
            .ok_or_else(|| format!("{f} is not a number that can be used here"))?,
        toml::Value::Boolean(b) => J::Bool(b),
        toml::Value::Datetime(d) => J::String(d.to_string()),
        toml::Value::Array(items) => J::Array(items.into_iter().map(toml_to_json).collect::<Result<_, _>>()?),
        toml::Value::Table(t) => {
            J::Object(t.into_iter().map(|(k, v)| Ok((k, toml_to_json(v)?))).collect::<Result<_, String>>()?)
        }
    })
}

/// A TOML syntax error: "line L, column C: message".
fn toml_error(doc: Doc, text: &str, e: &toml::de::Error) -> InputError {
    let at = e.span().map_or(String::new(), |span| line_col(text, span.start));
    syntax(doc, "(document)", format!("{at}{}", one_line(e.message())))
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

fn path_error(doc: Doc, e: serde_path_to_error::Error<serde_json::Error>) -> InputError {
    let path = e.path().to_string();
    let item = if path == "." || path.is_empty() { "(document)".to_string() } else { path };
    syntax(doc, &item, one_line(&e.into_inner().to_string()))
}

/// A message on one line.
fn one_line(message: &str) -> String {
    message.trim().replace('\n', " ").replace("  ", " ")
}

impl Policy {
    /// Parse a policy from TOML or JSON text and validate it.
    pub fn from_text(text: &str) -> Result<Policy, InputErrors> {
        let doc: PolicyDoc = parse_text(Doc::Policy, text)?;
        Policy::compile(&doc)
    }
}

impl Case {
    /// Parse a case from TOML or JSON text and validate it against `policy`.
    pub fn from_text(policy: &Policy, text: &str) -> Result<Case, InputErrors> {
        let doc: CaseDoc = parse_text(Doc::Case, text)?;
        Case::compile(policy, &doc)
    }
}
