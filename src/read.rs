//! Reading the document types from JSON values, with the path of a bad value
//! (`services[2].amount`).
//!
//! The document types declare their JSON form with serde's derive (`deny_unknown_fields`,
//! defaults, snake_case variants); the library reads them with the small hand-written readers here
//! instead, because serde's generated visitors, compiled for every type, were a fifth of the
//! WebAssembly module. The test compares the two on every leaf of the example documents replaced by
//! every kind of JSON value and on every key added or removed: the same verdict, the same path and
//! the same message (serde's wording: `invalid type: string "x", expected u16`, `unknown field
//! `colour`, expected one of ...`, `missing field `id``).
//!
//! Two details differ from serde, by design: a struct is read only from an object (serde_json would
//! also read it from an array of its fields), and in messages a string is quoted with only its
//! quotes, backslashes and control characters escaped (serde escapes every unprintable character).

use serde_json::{Map, Value};

use crate::path::{render, Step};

use crate::case::{AgreementDoc, CaseDoc, ChildDoc, IncomeDoc, OtherCaseDoc, ResidenceDoc, ServiceLineDoc};
use crate::compute::Period;
use crate::contract::Request;
use crate::date::{Date, Month};
use crate::doc::Validity;
use crate::money::{Amount, Money, Weight};
use crate::names::Named;
use crate::policy::{
    AgeDoc, ArrangementDoc, CriteriaDoc, DepartmentDoc, KeyDoc, KeyVersionDoc, LegalBasisDoc, MunicipalityDoc,
    PolicyDoc, ServiceDoc, ShareDoc, TargetDoc,
};
use crate::reimbursement::{LevelDoc, SchemeDoc, TierDoc};

/// A value that could not be read: where (`.` for the whole document) and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ReadError {
    pub(crate) path: String,
    pub(crate) message: String,
}

type Result<T> = std::result::Result<T, ReadError>;

/// Reads a `T` from `value`.
pub(crate) fn read<T: FromJson>(value: &Value) -> Result<T> {
    let mut r = Reader { path: Vec::new(), error: None };
    let out = T::read(value, &mut r);
    match r.error {
        Some(e) => Err(e),
        None => Ok(out),
    }
}

/// A type read from a JSON value.
///
/// Reading never stops early: a value that cannot be read records the first error in the reader
/// and stands in as a placeholder, so that a struct is built field by field without a way out in
/// the middle (each such way out would drop the fields built so far: code for every field of every
/// type).
pub(crate) trait FromJson: Sized {
    /// Reads the value; `r` knows where it is and keeps the first error.
    fn read<'v>(v: &'v Value, r: &mut Reader<'v>) -> Self;
    /// What stands in for a value that could not be read.
    fn placeholder() -> Self;
}

/// Where the value being read is.
pub(crate) struct Reader<'v> {
    path: Vec<Step<'v>>,
    error: Option<ReadError>,
}

impl<'v> Reader<'v> {
    /// Records `message` as the error at the current path (unless an error came first) and gives
    /// the placeholder.
    fn fail<T: FromJson>(&mut self, message: String) -> T {
        self.record(message);
        T::placeholder()
    }

    /// Records `message` as the error at the current path, unless an error came first.
    fn record(&mut self, message: String) {
        if self.error.is_none() {
            self.error = Some(self.located(message));
        }
    }

    fn located(&self, message: String) -> ReadError {
        ReadError { path: render(&self.path), message }
    }

    /// `invalid type: <what v is>, expected <expected>`.
    fn invalid_type<T: FromJson>(&mut self, v: &Value, expected: &str) -> T {
        self.fail(format!("invalid type: {}, expected {expected}", unexpected(v)))
    }

    fn at<T: FromJson>(&mut self, step: Step<'v>, v: &'v Value) -> T {
        self.path.push(step);
        let out = T::read(v, self);
        self.path.pop();
        out
    }

    /// The fields of a struct named `name` (its object), refusing fields it does not have; `None`
    /// (with the error recorded) if `v` is not such an object.
    fn object(&mut self, v: &'v Value, name: &str, fields: &[&str]) -> Option<&'v Map<String, Value>> {
        let Value::Object(map) = v else {
            self.record(format!("invalid type: {}, expected struct {name}", unexpected(v)));
            return None;
        };
        if let Some(key) = map.keys().find(|k| !fields.contains(&k.as_str())) {
            self.path.push(Step::Key(key));
            self.record(format!("unknown field `{key}`, expected {}", one_of(fields)));
            self.path.pop();
            return None;
        }
        Some(map)
    }

    /// A field that must be given.
    fn req<T: FromJson>(&mut self, map: &'v Map<String, Value>, key: &'v str) -> T {
        match map.get(key) {
            Some(v) => self.at(Step::Key(key), v),
            None => self.fail(format!("missing field `{key}`")),
        }
    }

    /// A field that may be left out (or be null): `None`.
    fn opt<T: FromJson>(&mut self, map: &'v Map<String, Value>, key: &'v str) -> Option<T> {
        match map.get(key) {
            Some(Value::Null) | None => None,
            Some(v) => Some(self.at(Step::Key(key), v)),
        }
    }

    /// A field that may be left out: `default()`.
    fn or<T: FromJson>(&mut self, map: &'v Map<String, Value>, key: &'v str, default: fn() -> T) -> T {
        match map.get(key) {
            Some(v) => self.at(Step::Key(key), v),
            None => default(),
        }
    }

    /// One of the unit variants of an enum: its name as a string (or as the only key of an object
    /// whose value is null).
    fn variant<T: FromJson + Copy>(&mut self, v: &'v Value, variants: &[(&str, T)]) -> T {
        let (name, value) = match v {
            Value::String(s) => (s, None),
            Value::Object(map) => match (map.len(), map.iter().next()) {
                (1, Some((k, v))) => (k, Some(v)),
                _ => return self.fail("invalid value: map, expected map with a single key".into()),
            },
            other => return self.invalid_type(other, "string or map"),
        };
        let Some((_, variant)) = variants.iter().find(|(n, _)| n == name) else {
            let names: Vec<&str> = variants.iter().map(|(n, _)| *n).collect();
            return self.fail(format!("unknown variant `{name}`, expected {}", one_of(&names)));
        };
        match value {
            None | Some(Value::Null) => *variant,
            Some(other) => self.invalid_type(other, "unit variant"),
        }
    }

    /// An unsigned integer of at most `max`, named `name` (`u8`) in messages.
    fn unsigned(&mut self, v: &Value, max: u64, name: &str) -> u64 {
        match v {
            Value::Number(n) => match (n.as_u64(), n.as_i64()) {
                (Some(u), _) if u <= max => u,
                (Some(_), _) | (None, Some(_)) => {
                    self.fail(format!("invalid value: {}, expected {name}", unexpected(v)))
                }
                (None, None) => self.invalid_type(v, name),
            },
            other => self.invalid_type(other, name),
        }
    }
}

/// What a value is, in serde_json's words.
fn unexpected(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("boolean `{b}`"),
        Value::Number(n) if n.is_f64() => format!("floating point `{n}`"),
        Value::Number(n) => format!("integer `{n}`"),
        Value::String(s) => format!("string {}", quoted(s)),
        Value::Array(_) => "sequence".into(),
        Value::Object(_) => "map".into(),
    }
}

/// A string in double quotes, with quotes, backslashes and control characters escaped.
fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\0' => out.push_str("\\0"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// serde's list of alternatives: "`a`", "`a` or `b`", "one of `a`, `b`, `c`".
fn one_of(names: &[&str]) -> String {
    match names {
        [] => "nothing".into(),
        [a] => format!("`{a}`"),
        [a, b] => format!("`{a}` or `{b}`"),
        _ => {
            let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
            format!("one of {}", quoted.join(", "))
        }
    }
}

/// A float in its shortest decimal form (`1.5`, `2`, `1e21`), as JSON writes it but without a
/// trailing `.0`.
fn float_text(f: f64) -> String {
    let text = serde_json::Number::from_f64(f).map_or_else(|| "NaN".into(), |n| n.to_string());
    match text.strip_suffix(".0") {
        Some(whole) => whole.to_string(),
        None => text,
    }
}

// ---- Values -----------------------------------------------------------------------------------

impl FromJson for Value {
    fn read<'v>(v: &'v Value, _: &mut Reader<'v>) -> Value {
        v.clone()
    }
    fn placeholder() -> Value {
        Value::Null
    }
}

impl FromJson for String {
    fn read<'v>(v: &'v Value, r: &mut Reader<'v>) -> String {
        match v {
            Value::String(s) => s.clone(),
            other => r.invalid_type(other, "a string"),
        }
    }
    fn placeholder() -> String {
        String::new()
    }
}

impl FromJson for bool {
    fn read<'v>(v: &'v Value, r: &mut Reader<'v>) -> bool {
        match v {
            Value::Bool(b) => *b,
            other => r.invalid_type(other, "a boolean"),
        }
    }
    fn placeholder() -> bool {
        false
    }
}

impl FromJson for u64 {
    fn read<'v>(v: &'v Value, r: &mut Reader<'v>) -> u64 {
        r.unsigned(v, u64::MAX, "u64")
    }
    fn placeholder() -> u64 {
        0
    }
}

macro_rules! unsigned {
    ($($t:ty),*) => {$(
        impl FromJson for $t {
            fn read<'v>(v: &'v Value, r: &mut Reader<'v>) -> $t {
                let n = r.unsigned(v, <$t>::MAX.into(), stringify!($t));
                <$t>::try_from(n).unwrap_or(<$t>::MAX)
            }
            fn placeholder() -> $t {
                0
            }
        }
    )*};
}
unsigned!(u8, u16, u32);

impl<T: FromJson> FromJson for Vec<T> {
    fn read<'v>(v: &'v Value, r: &mut Reader<'v>) -> Vec<T> {
        let Value::Array(items) = v else {
            return r.invalid_type(v, "a sequence");
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            out.push(r.at(Step::Index(i), item));
            if r.error.is_some() {
                break;
            }
        }
        out
    }
    fn placeholder() -> Vec<T> {
        Vec::new()
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn read<'v>(v: &'v Value, r: &mut Reader<'v>) -> Option<T> {
        match v {
            Value::Null => None,
            v => Some(T::read(v, r)),
        }
    }
    fn placeholder() -> Option<T> {
        None
    }
}

impl FromJson for Date {
    fn read<'v>(v: &'v Value, r: &mut Reader<'v>) -> Date {
        match v {
            Value::String(s) => Date::parse(s).unwrap_or_else(|e| r.fail(e.to_string())),
            other => r.invalid_type(other, "a date written as \"YYYY-MM-DD\""),
        }
    }
    fn placeholder() -> Date {
        Date::PLACEHOLDER
    }
}

impl FromJson for Month {
    fn read<'v>(v: &'v Value, r: &mut Reader<'v>) -> Month {
        let Value::String(text) = v else {
            return r.invalid_type(v, "a string");
        };
        Month::parse(text)
            .unwrap_or_else(|_| r.fail(format!("'{text}' is not a month: write it as YYYY-MM, e.g. 2024-06")))
    }
    fn placeholder() -> Month {
        Month::PLACEHOLDER
    }
}

/// An amount or a weight: a string, an integer, or (where `float` allows) a bare decimal number.
fn decimal<'v, T: FromJson, E: std::fmt::Display>(
    v: &'v Value,
    r: &mut Reader<'v>,
    what: &str,
    float: bool,
    parse: fn(&str) -> std::result::Result<T, E>,
) -> T {
    let text = match v {
        Value::String(s) => s.clone(),
        Value::Number(n) if !n.is_f64() => n.to_string(),
        Value::Number(n) => {
            let text = float_text(n.as_f64().unwrap_or(f64::NAN));
            if !float {
                return r.fail(format!(
                    "{text} is written as a bare decimal number: write amounts as strings, e.g. \"{text}\", so no digit is lost"
                ));
            }
            text
        }
        other => return r.invalid_type(other, what),
    };
    parse(&text).unwrap_or_else(|e| r.fail(e.to_string()))
}

const AMOUNT: &str = "an amount written as a string, e.g. \"1234.50\"";

impl FromJson for Amount {
    fn read<'v>(v: &'v Value, r: &mut Reader<'v>) -> Amount {
        decimal(v, r, AMOUNT, false, Amount::parse)
    }
    fn placeholder() -> Amount {
        Amount::default()
    }
}

impl FromJson for Money {
    fn read<'v>(v: &'v Value, r: &mut Reader<'v>) -> Money {
        decimal(v, r, AMOUNT, false, <Money as std::str::FromStr>::from_str)
    }
    fn placeholder() -> Money {
        Money::ZERO
    }
}

impl FromJson for Weight {
    fn read<'v>(v: &'v Value, r: &mut Reader<'v>) -> Weight {
        decimal(v, r, "a non-negative weight, e.g. 60 or \"33.5\"", true, Weight::parse)
    }
    fn placeholder() -> Weight {
        Weight::default()
    }
}

// ---- Enums ------------------------------------------------------------------------------------

impl<T: Named> FromJson for T {
    fn read<'v>(v: &'v Value, r: &mut Reader<'v>) -> T {
        r.variant(v, T::NAMES)
    }
    fn placeholder() -> T {
        T::NAMES[0].1
    }
}

// ---- Structs ----------------------------------------------------------------------------------

/// `struct_reader!(Type { field: how, ... })` reads a struct from an object, where `how` is `req`
/// (must be given), `opt` (an `Option`), `default` (left out: `Default::default()`) or
/// `or(function)` (left out: `function()`).
macro_rules! struct_reader {
    ($t:ident { $($field:ident : $how:ident $(($default:expr))?),* $(,)? }) => {
        impl FromJson for $t {
            fn read<'v>(v: &'v Value, r: &mut Reader<'v>) -> $t {
                let Some(map) = r.object(v, stringify!($t), &[$(stringify!($field)),*]) else {
                    return Self::placeholder();
                };
                $t { $($field: struct_reader!(@field r, map, $field, $how $(($default))?)),* }
            }
            fn placeholder() -> $t {
                $t { $($field: FromJson::placeholder()),* }
            }
        }
    };
    (@field $r:ident, $map:ident, $field:ident, req) => { $r.req($map, stringify!($field)) };
    (@field $r:ident, $map:ident, $field:ident, opt) => { $r.opt($map, stringify!($field)) };
    (@field $r:ident, $map:ident, $field:ident, default) => { $r.or($map, stringify!($field), Default::default) };
    (@field $r:ident, $map:ident, $field:ident, or($default:expr)) => { $r.or($map, stringify!($field), $default) };
}

struct_reader!(PolicyDoc {
    name: req,
    version: opt,
    municipalities: req,
    departments: req,
    services: req,
    keys: default,
    eligibility: default,
    arrangements: default,
    reimbursement: opt,
});
struct_reader!(MunicipalityDoc { id: req, name: req, code: req });
struct_reader!(DepartmentDoc { id: req, name: req, municipality: req, sectors: req });
struct_reader!(TargetDoc { department: opt, sector: opt });
struct_reader!(LegalBasisDoc { text: req, from: opt, to: opt });
struct_reader!(ServiceDoc {
    id: req,
    name: req,
    sector: req,
    legal_basis: req,
    authority: opt,
    payer: opt,
    key: opt,
    function: opt,
    kind: default,
});
struct_reader!(ShareDoc { department: opt, sector: opt, percent: opt, weight: opt });
struct_reader!(KeyVersionDoc { from: opt, to: opt, kind: req, shares: default });
struct_reader!(KeyDoc { id: req, name: opt, versions: req });
struct_reader!(AgeDoc { min: req, max: req });
struct_reader!(CriteriaDoc {
    from: opt,
    to: opt,
    min_sector_areas: or(|| 2),
    consent_required: or(|| true),
    disability_required: or(|| true),
    age: opt,
    municipalities: opt,
});
struct_reader!(ArrangementDoc {
    id: req,
    grantor: req,
    on_behalf_of: req,
    sectors: req,
    from: opt,
    to: opt,
    basis: opt,
});
struct_reader!(SchemeDoc { id: req, name: opt, legal_basis: req, services: req, recipient: opt, levels: req });
struct_reader!(LevelDoc { from: opt, to: opt, tiers: req });
struct_reader!(TierDoc { above: req, percent: req });
struct_reader!(CaseDoc {
    id: req,
    household: opt,
    child: req,
    consent: default,
    other_cases: default,
    services: req,
    agreements: default,
    income: default,
});
struct_reader!(IncomeDoc { id: req, amount: req, per: req, from: req, to: opt, note: opt });
struct_reader!(ChildDoc { birth_date: req, significant_permanent_disability: req, handlekommune: req });
struct_reader!(ResidenceDoc { municipality: req, from: req });
struct_reader!(OtherCaseDoc { id: req, sector: req, department: opt, from: opt, to: opt });
struct_reader!(ServiceLineDoc { id: req, service: req, amount: req, per: req, from: req, to: opt, note: opt });
struct_reader!(AgreementDoc { id: req, service: req, from: req, to: opt, kind: req, shares: default, note: opt });
struct_reader!(Validity { from: opt, to: opt });
struct_reader!(Period { from: req, to: req });
struct_reader!(Request {
    version: req,
    command: req,
    policy: req,
    case: opt,
    period: opt,
    lang: default,
    siblings: default,
    detail: default,
    previous_case: opt,
    booked_through: opt,
});

#[cfg(test)]
mod tests {
    //! The verdict, path and message must be those of serde's derived deserializers read through
    //! `serde_path_to_error` (the contract's error items were defined with them): every leaf of the
    //! example documents replaced by values of every other type, keys added and removed.
    use super::*;
    use serde::de::DeserializeOwned;

    fn ours<T: FromJson>(v: &Value) -> Option<(String, String)> {
        read::<T>(v).err().map(|e| (e.path, e.message))
    }
    fn reference<T: DeserializeOwned>(v: &Value) -> Option<(String, String)> {
        serde_path_to_error::deserialize::<_, T>(v.clone()).err().map(|e| (e.path().to_string(), e.inner().to_string()))
    }

    /// A path into a JSON value: array indices and object keys.
    type Steps = [std::result::Result<usize, String>];

    /// Every variant of `doc` with one leaf replaced, one key added or one key removed.
    fn mutations(doc: &Value) -> Vec<Value> {
        let replacements = [
            Value::Null,
            Value::from(5),
            Value::from(-3),
            Value::from(1.5),
            Value::from("x"),
            Value::from("2025-02-30"),
            Value::Array(vec![]),
            Value::Object(Map::new()),
            Value::Bool(true),
        ];
        let mut out = Vec::new();
        fn walk(v: &Value, path: &mut Vec<std::result::Result<usize, String>>, f: &mut dyn FnMut(&Steps, &Value)) {
            f(path, v);
            match v {
                Value::Array(items) => {
                    for (i, item) in items.iter().enumerate() {
                        path.push(Ok(i));
                        walk(item, path, f);
                        path.pop();
                    }
                }
                Value::Object(map) => {
                    for (k, item) in map {
                        path.push(Err(k.clone()));
                        walk(item, path, f);
                        path.pop();
                    }
                }
                _ => {}
            }
        }
        fn at<'v>(v: &'v mut Value, path: &[std::result::Result<usize, String>]) -> &'v mut Value {
            path.iter().fold(v, |v, p| match p {
                Ok(i) => &mut v[*i],
                Err(k) => &mut v[k.as_str()],
            })
        }
        walk(doc, &mut Vec::new(), &mut |path, v| {
            for r in &replacements {
                let mut d = doc.clone();
                *at(&mut d, path) = r.clone();
                out.push(d);
            }
            if let Value::Object(map) = v {
                let mut d = doc.clone();
                if let Value::Object(m) = at(&mut d, path) {
                    m.insert("colour".into(), Value::from("red"));
                }
                out.push(d);
                for k in map.keys() {
                    let mut d = doc.clone();
                    if let Value::Object(m) = at(&mut d, path) {
                        m.remove(k);
                    }
                    out.push(d);
                }
            }
        });
        out
    }

    fn json(toml_text: &str) -> Value {
        Value::Object(crate::toml::parse(toml_text).unwrap())
    }

    /// What was read, as JSON (the document types have no equality, all have Serialize).
    fn read_as_json<T: FromJson + DeserializeOwned + serde::Serialize>(v: &Value) -> (Value, Value) {
        let ours = serde_json::to_value(read::<T>(v).unwrap()).unwrap();
        let reference = serde_json::to_value(serde_path_to_error::deserialize::<_, T>(v.clone()).unwrap()).unwrap();
        (ours, reference)
    }

    fn same_errors<T: FromJson + DeserializeOwned + serde::Serialize>(doc: &Value) -> usize {
        let mut errors = 0;
        for m in mutations(doc) {
            let (a, b) = (ours::<T>(&m), reference::<T>(&m));
            if a.is_none() && b.is_none() {
                // Both read it: the same values, defaults of left-out fields included.
                let (ours, reference) = read_as_json::<T>(&m);
                assert_eq!(ours, reference, "{m}");
            }
            match (&a, &b) {
                // One difference by design: serde_json reads a struct from an array of its fields in
                // order (`[]` is "invalid length 0", or is a struct of optional fields); here a struct
                // is only read from an object.
                (Some((path, message)), b) if message.starts_with("invalid type: sequence, expected struct ") => {
                    let name = &message["invalid type: sequence, expected ".len()..];
                    if let Some((b_path, b_message)) = b {
                        assert_eq!(b_path, path, "{m}");
                        let reference = b_message.starts_with("invalid length ")
                            && b_message.contains(&format!("expected {name} with "));
                        assert!(reference, "{b_message} / {message}");
                    }
                }
                _ => assert_eq!(a, b, "{m}"),
            }
            errors += usize::from(a.is_some());
        }
        errors
    }

    #[test]
    fn value_errors_have_the_reference_paths() {
        let policy = json(crate::example::POLICY);
        let case = json(crate::example::CASE);
        assert!(same_errors::<PolicyDoc>(&policy) > 1000);
        assert!(same_errors::<CaseDoc>(&case) > 300);
        let request = serde_json::json!({ "version": 1, "command": "split", "policy": "x", "case": case,
            "period": { "from": "2024-01-01", "to": "2024-12-31" }, "lang": "da", "detail": "summary" });
        assert!(same_errors::<Request>(&request) > 20);
    }
}
