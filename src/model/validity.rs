//! Validity in time: dated intervals ([`Validity`]) for everything a policy or case dates, and the
//! [`Period`] a result covers.

use serde::{Deserialize, Serialize};

use crate::model::date::Date;
use crate::model::error::{Doc, InputError};

/// The period a result covers, both ends inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema, serde::Deserialize)]
#[serde(deny_unknown_fields, expecting = "period")]
pub struct Period {
    /// First day.
    pub from: Date,
    /// Last day.
    pub to: Date,
}

/// A validity interval: from a date (or always) to an inclusive date (or open-ended).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, serde::Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, expecting = "validity")]
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
            (None, None) => crate::model::date::Date::new(crate::model::date::MIN_YEAR, 1, 1).ok(),
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
    sorted.sort_by_key(|(_, v)| v.from);
    for (i, (name, v)) in sorted.iter().enumerate() {
        for (other, w) in &sorted[i + 1..] {
            if let Some(on) = v.overlap_start(w) {
                errors.push(InputError::Overlap { doc, item: other.clone(), other: name.clone(), on: on.to_string() });
            }
        }
    }
}
