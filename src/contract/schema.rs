//! The JSON Schema of the contract, generated from the types: requests as serde reads them
//! ([`Request`]), answers as serde writes them ([`Response`]). `schema/contract-v1.schema.json` is
//! this schema, checked in; `tests/schema.rs` fails when the two differ
//! (`UPDATE_SCHEMA=1 cargo test --test schema` writes it anew).

use schemars::generate::SchemaSettings;
use schemars::transform::RecursiveTransform;
use schemars::Schema;
use serde_json::{json, Map, Value};

use crate::contract::{Request, Response};

/// The `$id` of the schema.
pub const SCHEMA_ID: &str = "https://fordeling.example/schema/contract-v1.schema.json";

/// The contract's JSON Schema (draft 2020-12): a document is a request or a response.
///
/// A type read in requests and written in answers has one definition when both contracts give it
/// the same schema; where they differ, the answer's is named with a suffix `Output`.
pub fn contract_schema() -> Value {
    let mut de = SchemaSettings::draft2020_12().for_deserialize().into_generator();
    let request = de.subschema_for::<Request>();
    // An answer holds exactly the fields serde writes: every object of the answer is closed.
    let close = RecursiveTransform(|s: &mut Schema| {
        if let Some(m) = s.as_object_mut() {
            if m.contains_key("properties") && !m.contains_key("additionalProperties") {
                m.insert("additionalProperties".into(), false.into());
            }
        }
    });
    let mut ser = SchemaSettings::draft2020_12().for_serialize().with_transform(close).into_generator();
    let response = ser.subschema_for::<Response>();
    let mut defs = de.take_definitions(true);
    let ser_defs = ser.take_definitions(true);
    // Names given to both with different schemas: the answer's side is renamed.
    let renamed: Vec<String> =
        ser_defs.iter().filter(|(k, v)| defs.get(*k).is_some_and(|d| d != *v)).map(|(k, _)| k.clone()).collect();
    let mut response = response.to_value();
    rename_refs(&mut response, &renamed);
    for (k, mut v) in ser_defs {
        rename_refs(&mut v, &renamed);
        let name = if renamed.contains(&k) { format!("{k}Output") } else { k };
        defs.insert(name, v);
    }
    let mut root = Map::new();
    root.insert("$schema".into(), "https://json-schema.org/draft/2020-12/schema".into());
    root.insert("$id".into(), SCHEMA_ID.into());
    root.insert("title".into(), "fordeling JSON contract, version 1".into());
    root.insert(
        "description".into(),
        "One request/response format shared by the library, the CLI (`fordeling request`) and the WebAssembly \
         module (`handle`), generated from the Rust types (src/contract/schema.rs). Money is a string with \
         exactly two decimals; dates are YYYY-MM-DD; months are YYYY-MM. A document is a request or a response."
            .into(),
    );
    root.insert("oneOf".into(), json!([request.to_value(), response]));
    root.insert("$defs".into(), Value::Object(defs));
    Value::Object(root)
}

/// The schema as the checked-in file holds it: indented, with a final line feed.
pub fn contract_schema_text() -> String {
    let mut text = serde_json::to_string_pretty(&contract_schema()).unwrap_or_default();
    text.push('\n');
    text
}

fn rename_refs(v: &mut Value, renamed: &[String]) {
    match v {
        Value::Object(m) => {
            if let Some(Value::String(r)) = m.get_mut("$ref") {
                if let Some(name) = r.strip_prefix("#/$defs/") {
                    if renamed.iter().any(|n| n == name) {
                        *r = format!("{r}Output");
                    }
                }
            }
            m.values_mut().for_each(|v| rename_refs(v, renamed));
        }
        Value::Array(a) => a.iter_mut().for_each(|v| rename_refs(v, renamed)),
        _ => {}
    }
}
