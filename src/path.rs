//! Where in a document a value went wrong: paths (`services[2].amount`) and reading JSON text.
//!
//! [`strict_value`] reads JSON text into a [`Value`], refusing a key given twice in one object, and
//! records the path of the innermost value where an error surfaced (the conventions of
//! `serde_path_to_error`: `.` for the whole document, `[i]` for array elements, `?` for a key that
//! could not be read). The document types are then read from the value by `crate::read`.

use std::cell::RefCell;
use std::fmt::Write as _;

use serde::de::{self, DeserializeSeed, Deserializer, Visitor};
use serde_json::{Map, Value};

/// The path to the value being read, as a chain of borrowed links.
enum Chain<'a> {
    Root,
    Index(&'a Chain<'a>, usize),
    Key(&'a Chain<'a>, &'a str),
    /// A key that could not be read.
    Unknown(&'a Chain<'a>),
}

impl Chain<'_> {
    fn render(&self) -> String {
        let mut steps = Vec::new();
        let mut at = self;
        loop {
            let (step, parent) = match at {
                Chain::Root => break,
                Chain::Index(parent, i) => (Step::Index(*i), parent),
                Chain::Key(parent, key) => (Step::Key(key), parent),
                Chain::Unknown(parent) => (Step::Unknown, parent),
            };
            steps.push(step);
            at = parent;
        }
        steps.reverse();
        render(&steps)
    }
}

/// One step into a document.
pub(crate) enum Step<'a> {
    /// An object's key.
    Key(&'a str),
    /// An array's element.
    Index(usize),
    /// A key that could not be read.
    Unknown,
}

/// A path as text: `services[2].amount`, `.` for the whole document, `?` for a key that could not
/// be read.
pub(crate) fn render(steps: &[Step<'_>]) -> String {
    if steps.is_empty() {
        return ".".into();
    }
    let mut out = String::new();
    for (n, step) in steps.iter().enumerate() {
        match step {
            Step::Index(i) => {
                let _ = write!(out, "[{i}]");
            }
            Step::Key(key) => {
                if n > 0 {
                    out.push('.');
                }
                out.push_str(key);
            }
            Step::Unknown => {
                if n > 0 {
                    out.push('.');
                }
                out.push('?');
            }
        }
    }
    out
}

/// The path of the first (innermost) error seen.
#[derive(Default)]
pub(crate) struct Track(RefCell<Option<String>>);

impl Track {
    fn trigger<E>(&self, chain: &Chain<'_>, err: E) -> E {
        let mut path = self.0.borrow_mut();
        if path.is_none() {
            *path = Some(chain.render());
        }
        err
    }

    /// The path of the error, `.` when it concerns the whole document.
    pub(crate) fn path(self) -> String {
        self.0.into_inner().unwrap_or_else(|| ".".into())
    }
}

// ---- JSON text -> Value, strictly -------------------------------------------------------------

/// Reads one JSON value from `de`, refusing duplicate keys; on error, `track` holds its path.
pub(crate) fn strict_value<'de, D: Deserializer<'de>>(de: D, track: &Track) -> Result<Value, D::Error> {
    Strict { chain: &Chain::Root, track }.deserialize(de)
}

struct Strict<'a> {
    chain: &'a Chain<'a>,
    track: &'a Track,
}

impl<'de> DeserializeSeed<'de> for Strict<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        let (chain, track) = (self.chain, self.track);
        d.deserialize_any(self).map_err(|e| track.trigger(chain, e))
    }
}

impl<'de> Visitor<'de> for Strict<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        loop {
            let chain = Chain::Index(self.chain, items.len());
            let next = seq.next_element_seed(Strict { chain: &chain, track: self.track });
            match next.map_err(|e| self.track.trigger(self.chain, e))? {
                Some(v) => items.push(v),
                None => return Ok(Value::Array(items)),
            }
        }
    }
    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut m = Map::new();
        loop {
            let key = match map.next_key::<String>() {
                Ok(Some(key)) => key,
                Ok(None) => return Ok(Value::Object(m)),
                Err(e) => return Err(self.track.trigger(&Chain::Unknown(self.chain), e)),
            };
            if m.contains_key(&key) {
                return Err(de::Error::custom(format!("duplicate field `{key}`")));
            }
            let chain = Chain::Key(self.chain, &key);
            let value = map.next_value_seed(Strict { chain: &chain, track: self.track });
            let value = value.map_err(|e| self.track.trigger(self.chain, e))?;
            m.insert(key, value);
        }
    }
}

#[cfg(test)]
mod tests {
    //! The paths and messages must be those `serde_path_to_error` gives: JSON text cut at every
    //! position.
    use super::*;

    #[test]
    fn text_errors_have_the_reference_paths() {
        let case = Value::Object(crate::toml::parse(crate::example::CASE).unwrap());
        let text = serde_json::to_string_pretty(&case).unwrap();
        let mut cut = 0;
        for end in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
            for variant in [text[..end].to_string(), format!("{},{}", &text[..end], &text[end..])] {
                let track = Track::default();
                let a = strict_value(&mut serde_json::Deserializer::from_str(&variant), &track)
                    .err()
                    .map(|e| (track.path(), e.to_string()));
                let b = serde_path_to_error::deserialize::<_, Value>(&mut serde_json::Deserializer::from_str(&variant))
                    .err()
                    .map(|e| (e.path().to_string(), e.inner().to_string()));
                assert_eq!(a, b, "{variant}");
                cut += usize::from(a.is_some());
            }
        }
        assert!(cut > 1000, "{cut}");
        // A key given twice is refused where the object is.
        let track = Track::default();
        let text = r#"{"services": [{"id": "a"}, {"id": "b", "id": "c"}]}"#;
        let e = strict_value(&mut serde_json::Deserializer::from_str(text), &track).unwrap_err();
        assert_eq!(
            (track.path().as_str(), e.to_string().as_str()),
            ("services[1]", "duplicate field `id` at line 1 column 43")
        );
    }
}
