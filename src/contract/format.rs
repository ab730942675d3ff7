//! Reading documents (policy, case, request) from TOML or JSON text, with error paths.
//!
//! The document types declare their form once, with serde's derive; `serde_json`, `toml` and
//! `serde_path_to_error` read them, and this module only turns their errors into [`InputError`]s
//! that name the document and the path of the bad value (`services[2].amount`).

use serde::de::DeserializeOwned;

use crate::case::{Case, CaseDoc};
use crate::i18n::Message;
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
        let problem = Message::DocumentTooLarge { bytes: text.len().to_string(), max: MAX_INPUT_BYTES.to_string() };
        return Err(syntax(doc, "(document)", problem));
    }
    let text = text.trim_start_matches('\u{feff}');
    if text.trim().is_empty() {
        return Err(syntax(doc, "(document)", Message::DocumentEmpty));
    }
    match Format::detect(text) {
        Format::Json => parse_json(doc, text),
        Format::Toml => {
            // TOML is read into a table and then deserialized as the JSON text it stands for, so
            // that both formats give the same paths and messages for a bad value, and each document
            // type is deserialized by one reader only (half the code in the page's module). Syntax
            // errors keep their line and column in the TOML text.
            let table: toml::Table = toml::from_str(text).map_err(|e| toml_error(doc, text, &e))?;
            let json = toml_to_json(toml::Value::Table(table)).map_err(|m| syntax(doc, "(document)", m))?;
            parse_json(doc, &json.to_string())
        }
    }
}

/// Parse a document of type `T` from JSON text, naming the path of any bad value. A key given twice
/// in one object is an error (serde's derive refuses a duplicate field); serde_json's recursion
/// limit guards against deep nesting.
pub(crate) fn parse_json<T: DeserializeOwned>(doc: Doc, text: &str) -> Result<T, InputError> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|e| path_error(doc, e))?;
    de.end().map_err(|e| syntax(doc, "(document)", json_problem(&e)))?;
    Ok(value)
}

/// A TOML value as the JSON value it stands for: dates and times become strings as written, and
/// a float that JSON cannot hold (`inf`, `nan`) is refused.
fn toml_to_json(v: toml::Value) -> Result<serde_json::Value, Message> {
    use serde_json::Value as J;
    Ok(match v {
        toml::Value::String(s) => J::String(s),
        toml::Value::Integer(i) => J::from(i),
        toml::Value::Float(f) => serde_json::Number::from_f64(f)
            .map(J::Number)
            .ok_or_else(|| Message::NotAJsonNumber { value: f.to_string() })?,
        toml::Value::Boolean(b) => J::Bool(b),
        toml::Value::Datetime(d) => J::String(d.to_string()),
        toml::Value::Array(items) => J::Array(items.into_iter().map(toml_to_json).collect::<Result<_, _>>()?),
        toml::Value::Table(t) => {
            J::Object(t.into_iter().map(|(k, v)| Ok((k, toml_to_json(v)?))).collect::<Result<_, Message>>()?)
        }
    })
}

/// A TOML syntax error, at its line and column.
fn toml_error(doc: Doc, text: &str, e: &toml::de::Error) -> InputError {
    let (line, column) = e.span().map_or((0, 0), |span| line_col(text, span.start));
    let problem =
        Message::TomlSyntax { line: line.to_string(), column: column.to_string(), detail: one_line(e.message()) };
    syntax(doc, "(document)", problem)
}

/// The line and column (from 1) of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

fn syntax(doc: Doc, item: &str, problem: Message) -> InputError {
    InputError::Syntax { doc, item: item.into(), problem: Box::new(problem) }
}

fn path_error(doc: Doc, e: serde_path_to_error::Error<serde_json::Error>) -> InputError {
    let path = e.path().to_string();
    let item = if path == "." || path.is_empty() { "(document)".to_string() } else { path };
    syntax(doc, &item, json_problem(&e.into_inner()))
}

/// What serde_json found wrong: a syntax error at its line and column, or a value that does not fit.
fn json_problem(e: &serde_json::Error) -> Message {
    let text = e.to_string();
    // serde_json adds " at line L column C" to what it read from text.
    let bare = match text.rfind(" at line ") {
        Some(i) if e.line() > 0 => &text[..i],
        _ => text.as_str(),
    };
    match e.classify() {
        serde_json::error::Category::Syntax | serde_json::error::Category::Eof => {
            Message::JsonSyntax { line: e.line().to_string(), column: e.column().to_string(), detail: one_line(bare) }
        }
        _ => serde_problem(bare),
    }
}

/// A serde error message as a [`Message`]: serde words its errors in a few fixed forms
/// (`invalid type: …, expected …`, `missing field …`); the document types' own checks carry a
/// [`Message`] in theirs.
pub(crate) fn serde_problem(text: &str) -> Message {
    if let Some(m) = Message::from_serde(text) {
        return m;
    }
    let quoted = |rest: &str| rest.split_once('`').map(|(name, _)| name.to_string());
    let listed = |rest: &str| match rest.rsplit_once("`, expected ") {
        Some((name, expected)) => Some((name.to_string(), expected.to_string())),
        None => rest.rsplit_once("`, there are no ").map(|(name, _)| (name.to_string(), String::new())),
    };
    if let Some((found, expected)) = text.strip_prefix("invalid type: ").and_then(|r| r.rsplit_once(", expected ")) {
        let (found_kind, found) = found_of(found);
        return Message::InvalidType { found_kind, found, expected: expected.into() };
    }
    if let Some((found, expected)) = text.strip_prefix("invalid value: ").and_then(|r| r.rsplit_once(", expected ")) {
        let (found_kind, found) = found_of(found);
        return Message::InvalidValue { found_kind, found, expected: expected.into() };
    }
    if let Some((length, expected)) = text.strip_prefix("invalid length ").and_then(|r| r.split_once(", expected ")) {
        return Message::InvalidLength { length: length.into(), expected: expected.into() };
    }
    if let Some((field, expected)) = text.strip_prefix("unknown field `").and_then(listed) {
        return Message::UnknownField { field, expected };
    }
    if let Some((variant, expected)) = text.strip_prefix("unknown variant `").and_then(listed) {
        return Message::UnknownVariant { variant, expected };
    }
    if let Some(field) = text.strip_prefix("missing field `").and_then(quoted) {
        return Message::MissingField { field };
    }
    if let Some(field) = text.strip_prefix("duplicate field `").and_then(quoted) {
        return Message::DuplicateField { field };
    }
    Message::Other { detail: one_line(text) }
}

/// serde's description of a value (`integer `5``, `string "x"`) as its kind and the value shown.
fn found_of(text: &str) -> (String, String) {
    let ticked = |rest: &str| rest.trim_start_matches('`').trim_end_matches('`').to_string();
    let (kind, value) = if let Some(v) = text.strip_prefix("integer ") {
        ("integer", ticked(v))
    } else if let Some(v) = text.strip_prefix("floating point ") {
        ("float", ticked(v))
    } else if let Some(v) = text.strip_prefix("boolean ") {
        ("boolean", ticked(v))
    } else if let Some(v) = text.strip_prefix("string ") {
        ("string", v.to_string())
    } else {
        match text {
            "sequence" => ("sequence", String::new()),
            "map" => ("map", String::new()),
            "null" => ("null", String::new()),
            "unit value" => ("unit", String::new()),
            _ => ("other", text.to_string()),
        }
    };
    (kind.into(), value)
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
