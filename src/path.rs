//! Where in a document a value went wrong: `services[2].amount`.
//!
//! Two small deserializers keep the path of the value being read and, when an error surfaces, record
//! the innermost path it passed through (the conventions of `serde_path_to_error`: `.` for the whole
//! document, `[i]` for array elements, `?` for a key that could not be read):
//!
//! - [`strict_value`] reads JSON text into a [`Value`], refusing a key given twice in one object;
//! - [`from_value`] deserializes a document type from a [`Value`].
//!
//! They are written for `serde_json` values only, rather than wrapping any deserializer and every
//! visitor generically: each document type is then compiled once, which keeps the WebAssembly
//! module small.

use std::cell::RefCell;
use std::fmt::Write as _;

use serde::de::{self, DeserializeSeed, Deserializer, IntoDeserializer, Unexpected, Visitor};
use serde_json::{Error, Map, Value};

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
        let mut links = Vec::new();
        let mut at = self;
        loop {
            match at {
                Chain::Root => break,
                Chain::Index(parent, _) | Chain::Key(parent, _) | Chain::Unknown(parent) => {
                    links.push(at);
                    at = parent;
                }
            }
        }
        if links.is_empty() {
            return ".".into();
        }
        let mut out = String::new();
        for (n, link) in links.iter().rev().enumerate() {
            match link {
                Chain::Index(_, i) => {
                    let _ = write!(out, "[{i}]");
                }
                Chain::Key(_, key) => {
                    if n > 0 {
                        out.push('.');
                    }
                    out.push_str(key);
                }
                Chain::Unknown(_) => {
                    if n > 0 {
                        out.push('.');
                    }
                    out.push('?');
                }
                Chain::Root => {}
            }
        }
        out
    }
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

// ---- Value -> document type -------------------------------------------------------------------

/// Deserializes `T` from `value`; on error, `track` holds the path of the value at fault.
pub(crate) fn from_value<'de, T: de::Deserialize<'de>>(value: &'de Value, track: &Track) -> Result<T, Error> {
    T::deserialize(At { value, chain: &Chain::Root, track })
}

/// A value being read, and where it is.
struct At<'a, 'de> {
    value: &'de Value,
    chain: &'a Chain<'a>,
    track: &'a Track,
}

fn unexpected(v: &Value) -> Unexpected<'_> {
    match v {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(n) => match (n.as_u64(), n.as_i64(), n.as_f64()) {
            (Some(u), _, _) => Unexpected::Unsigned(u),
            (None, Some(i), _) => Unexpected::Signed(i),
            (None, None, f) => Unexpected::Float(f.unwrap_or(f64::NAN)),
        },
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

impl<'de> At<'_, 'de> {
    fn any<V: Visitor<'de>>(&self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Number(n) => match (n.as_u64(), n.as_i64(), n.as_f64()) {
                (Some(u), _, _) => visitor.visit_u64(u),
                (None, Some(i), _) => visitor.visit_i64(i),
                (None, None, f) => visitor.visit_f64(f.unwrap_or(f64::NAN)),
            },
            Value::String(s) => visitor.visit_borrowed_str(s),
            Value::Array(items) => self.array(items, visitor),
            Value::Object(map) => self.object(map, visitor),
        }
    }

    fn array<V: Visitor<'de>>(&self, items: &'de [Value], visitor: V) -> Result<V::Value, Error> {
        let mut seq = Elements { items: items.iter(), index: 0, chain: self.chain, track: self.track };
        let out = visitor.visit_seq(&mut seq)?;
        if seq.items.len() > 0 {
            return Err(de::Error::invalid_length(items.len(), &"fewer elements in array"));
        }
        Ok(out)
    }

    fn object<V: Visitor<'de>>(&self, map: &'de Map<String, Value>, visitor: V) -> Result<V::Value, Error> {
        let mut entries = Entries { entries: map.iter(), value: None, chain: self.chain, track: self.track };
        let out = visitor.visit_map(&mut entries)?;
        if entries.entries.len() > 0 {
            return Err(de::Error::invalid_length(map.len(), &"fewer elements in map"));
        }
        Ok(out)
    }

    /// Reads what only one kind of value can be (a string, an array, an object), so that only the
    /// visitor's method for that kind is compiled: a struct is read from an object, never from an
    /// array of its fields.
    fn only<V: Visitor<'de>>(self, kind: Kind, visitor: V) -> Result<V::Value, Error> {
        match (kind, self.value) {
            (Kind::String, Value::String(s)) => visitor.visit_borrowed_str(s),
            (Kind::Array, Value::Array(items)) => self.array(items, visitor),
            (Kind::Object, Value::Object(map)) => self.object(map, visitor),
            (_, other) => Err(de::Error::invalid_type(unexpected(other), &visitor)),
        }
        .map_err(|e| self.track.trigger(self.chain, e))
    }
}

#[derive(Clone, Copy)]
enum Kind {
    String,
    Array,
    Object,
}

impl<'de> Deserializer<'de> for At<'_, 'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.any(visitor).map_err(|e| self.track.trigger(self.chain, e))
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let (chain, track) = (self.chain, self.track);
        match self.value {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
        .map_err(|e| track.trigger(chain, e))
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _: &'static str, visitor: V) -> Result<V::Value, Error> {
        let (chain, track) = (self.chain, self.track);
        visitor.visit_newtype_struct(self).map_err(|e| track.trigger(chain, e))
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let (variant, value) = match self.value {
            Value::String(s) => (s.as_str(), None),
            Value::Object(map) => match (map.len(), map.iter().next()) {
                (1, Some((k, v))) => (k.as_str(), Some(v)),
                _ => {
                    let e = de::Error::invalid_value(Unexpected::Map, &"map with a single key");
                    return Err(self.track.trigger(self.chain, e));
                }
            },
            other => {
                let e = de::Error::invalid_type(unexpected(other), &"string or map");
                return Err(self.track.trigger(self.chain, e));
            }
        };
        let access = Variant { variant, value, chain: self.chain, track: self.track };
        visitor.visit_enum(access).map_err(|e| self.track.trigger(self.chain, e))
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.only(Kind::String, visitor)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.only(Kind::String, visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.only(Kind::String, visitor)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.only(Kind::Array, visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.only(Kind::Object, visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.only(Kind::Object, visitor)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char bytes byte_buf unit
        unit_struct tuple tuple_struct
    }
}

struct Elements<'a, 'de> {
    items: std::slice::Iter<'de, Value>,
    index: usize,
    chain: &'a Chain<'a>,
    track: &'a Track,
}

impl<'de> de::SeqAccess<'de> for &mut Elements<'_, 'de> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, Error> {
        let Some(value) = self.items.next() else { return Ok(None) };
        let chain = Chain::Index(self.chain, self.index);
        self.index += 1;
        seed.deserialize(At { value, chain: &chain, track: self.track }).map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

struct Entries<'a, 'de> {
    entries: serde_json::map::Iter<'de>,
    value: Option<(&'de str, &'de Value)>,
    chain: &'a Chain<'a>,
    track: &'a Track,
}

impl<'de> de::MapAccess<'de> for &mut Entries<'_, 'de> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Error> {
        let Some((key, value)) = self.entries.next() else { return Ok(None) };
        self.value = Some((key, value));
        let chain = Chain::Key(self.chain, key);
        seed.deserialize(key.as_str().into_deserializer()).map(Some).map_err(|e| self.track.trigger(&chain, e))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        match self.value.take() {
            Some((key, value)) => {
                let chain = Chain::Key(self.chain, key);
                seed.deserialize(At { value, chain: &chain, track: self.track })
            }
            None => Err(de::Error::custom("value is missing")),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

struct Variant<'a, 'de> {
    variant: &'de str,
    value: Option<&'de Value>,
    chain: &'a Chain<'a>,
    track: &'a Track,
}

impl<'de> de::EnumAccess<'de> for Variant<'_, 'de> {
    type Error = Error;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self), Error> {
        let v = seed.deserialize(self.variant.into_deserializer())?;
        Ok((v, self))
    }
}

impl<'de> de::VariantAccess<'de> for Variant<'_, 'de> {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        match self.value {
            None | Some(Value::Null) => Ok(()),
            Some(other) => Err(de::Error::invalid_type(unexpected(other), &"unit variant")),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Error> {
        match self.value {
            Some(value) => seed.deserialize(At { value, chain: self.chain, track: self.track }),
            None => Err(de::Error::invalid_type(Unexpected::UnitVariant, &"newtype variant")),
        }
    }

    fn tuple_variant<V: Visitor<'de>>(self, _: usize, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Some(value @ Value::Array(_)) => At { value, chain: self.chain, track: self.track }.any(visitor),
            Some(other) => Err(de::Error::invalid_type(unexpected(other), &"tuple variant")),
            None => Err(de::Error::invalid_type(Unexpected::UnitVariant, &"tuple variant")),
        }
    }

    fn struct_variant<V: Visitor<'de>>(self, _: &'static [&'static str], visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Some(value @ Value::Object(_)) => At { value, chain: self.chain, track: self.track }.any(visitor),
            Some(other) => Err(de::Error::invalid_type(unexpected(other), &"struct variant")),
            None => Err(de::Error::invalid_type(Unexpected::UnitVariant, &"struct variant")),
        }
    }
}

#[cfg(test)]
mod tests {
    //! The paths and messages must be those `serde_path_to_error` gives (the contract's error items
    //! were defined with it): every leaf of the example documents replaced by values of every other
    //! type, keys added and removed, and JSON text cut at every position.
    use super::*;
    use crate::case::CaseDoc;
    use crate::contract::Request;
    use crate::policy::PolicyDoc;
    use serde::de::DeserializeOwned;

    fn ours<T: DeserializeOwned>(v: &Value) -> Option<(String, String)> {
        let track = Track::default();
        from_value::<T>(v, &track).err().map(|e| (track.path(), e.to_string()))
    }
    fn reference<T: DeserializeOwned>(v: &Value) -> Option<(String, String)> {
        serde_path_to_error::deserialize::<_, T>(v.clone()).err().map(|e| (e.path().to_string(), e.inner().to_string()))
    }

    /// A path into a JSON value: array indices and object keys.
    type Steps = [Result<usize, String>];

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
        fn walk(v: &Value, path: &mut Vec<Result<usize, String>>, f: &mut dyn FnMut(&Steps, &Value)) {
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
        fn at<'v>(v: &'v mut Value, path: &[Result<usize, String>]) -> &'v mut Value {
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

    fn same_errors<T: DeserializeOwned>(doc: &Value) -> usize {
        let mut errors = 0;
        for m in mutations(doc) {
            let (a, b) = (ours::<T>(&m), reference::<T>(&m));
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

    #[test]
    fn text_errors_have_the_reference_paths() {
        let text = serde_json::to_string_pretty(&json(crate::example::CASE)).unwrap();
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
