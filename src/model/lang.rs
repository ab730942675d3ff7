//! The languages of texts for people.

use serde::{Deserialize, Serialize};

/// A language for texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, schemars::JsonSchema, Deserialize)]
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
    pub(crate) fn t<'a>(self, en: &'a str, da: &'a str) -> &'a str {
        match self {
            Lang::En => en,
            Lang::Da => da,
        }
    }
}
