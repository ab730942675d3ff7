//! JSON Schemas of the values written as strings: [`Money`], [`Amount`], [`Weight`], [`Exact`],
//! [`Date`] and [`Month`]. Each says what serde reads (for the deserialize contract: requests and
//! documents) and what it writes (for the serialize contract: answers), which differ where input
//! is lenient (an amount may be a bare integer, a weight any number).

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde_json::{json, Value};

use crate::model::date::{Date, Month};
use crate::model::money::{Amount, Exact, Money, Weight};

/// A schema from a JSON object (anything else gives the schema that accepts everything).
pub(crate) fn schema(v: Value) -> Schema {
    match v {
        Value::Object(m) => m.into(),
        _ => Schema::default(),
    }
}

/// A decimal number as `parse_decimal` reads it: optional spaces and sign, digits and at most one
/// point.
const DECIMAL_IN: &str = r"^\s*[+-]?(\d+(\.\d*)?|\.\d+)\s*$";

/// The schema of a decimal written as a string (`write`, described by `written`) and read from a
/// string or, as well, from `read_also` (described by `read`).
fn string_or(generator: &SchemaGenerator, write: Value, written: &str, read_also: Value, read: &str) -> Schema {
    if generator.contract().is_deserialize() {
        schema(json!({ "description": read, "anyOf": [{ "type": "string", "pattern": DECIMAL_IN }, read_also] }))
    } else {
        let mut w = write;
        if let Value::Object(m) = &mut w {
            m.insert("description".into(), written.into());
        }
        schema(w)
    }
}

impl JsonSchema for Money {
    fn schema_name() -> Cow<'static, str> {
        "Money".into()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        string_or(
            generator,
            json!({ "type": "string", "pattern": r"^-?\d+\.\d{2}$" }),
            "DKK with exactly two decimals (øre), as a string: \"1234.50\".",
            json!({ "type": "integer" }),
            "DKK as a string (\"1234.50\", rounded to øre) or a whole number.",
        )
    }
}

impl JsonSchema for Amount {
    fn schema_name() -> Cow<'static, str> {
        "Amount".into()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        string_or(
            generator,
            json!({ "type": "string", "pattern": r"^-?\d+(\.\d+)?$" }),
            "An exact amount of DKK as given, as a string (\"1094.375\").",
            json!({ "type": "integer" }),
            "An exact amount of DKK as a string (\"1094.375\") or a whole number; at most 1000000000000 in magnitude.",
        )
    }
}

impl JsonSchema for Weight {
    fn schema_name() -> Cow<'static, str> {
        "Weight".into()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        string_or(
            generator,
            json!({ "type": "string", "pattern": r"^\d+(\.\d+)?$" }),
            "A non-negative weight or percentage as a string (\"33.5\").",
            json!({ "type": "number", "minimum": 0 }),
            "A non-negative weight or percentage as a string (\"33.5\") or a number; at most 10 decimals.",
        )
    }
}

impl JsonSchema for Exact {
    fn schema_name() -> Cow<'static, str> {
        "Exact".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        schema(json!({
            "type": "string",
            "pattern": r"^-?\d+(\.\d{2,10}|/\d+)$",
            "description": "An exact amount of DKK before rounding: a decimal with two to ten decimals when that is its exact value (`1094.375`), else the reduced fraction numerator/denominator (`22000/31` is 709.677419354838709677…)."
        }))
    }
}

impl JsonSchema for Date {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        schema(json!({ "type": "string", "format": "date", "description": "A date, YYYY-MM-DD." }))
    }
}

impl JsonSchema for Month {
    fn schema_name() -> Cow<'static, str> {
        "Month".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        schema(json!({ "type": "string", "pattern": r"^\d{4}-\d{2}$", "description": "A month, YYYY-MM." }))
    }
}
