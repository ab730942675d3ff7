//! The sector areas (sektorområder) that departments serve and eligibility counts.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A sector area (sektorområde).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    schemars::JsonSchema,
    Deserialize,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[non_exhaustive]
pub enum Sector {
    /// Children's social services, incl. the disability team (Barnets lov).
    ChildrenSocial,
    /// Day care and schools, incl. PPR.
    DaycareSchool,
    /// Health and rehabilitation.
    Health,
    /// Employment (the parents' jobs).
    Employment,
    /// Adult services and aids.
    Adult,
    /// Housing: assessment of the home, housing modifications and moves (Borgerservice).
    Housing,
}

impl Sector {
    /// The snake_case name used in documents.
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

impl fmt::Display for Sector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
