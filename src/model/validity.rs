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

/// The most overlaps one check reports; the rest are counted in one more error.
pub const MAX_OVERLAPS_REPORTED: usize = 100;

/// Report overlapping intervals among `items` (name, validity): sorted by start and swept once
/// (O(n log n)), each item that overlaps an earlier one is reported with the earlier item that
/// reaches furthest. At most [`MAX_OVERLAPS_REPORTED`] are listed, then one error counts the rest.
pub(crate) fn check_overlaps(doc: Doc, items: &[(String, Validity)], errors: &mut Vec<InputError>) {
    let mut sorted: Vec<&(String, Validity)> = items.iter().collect();
    sorted.sort_by_key(|(_, v)| v.from);
    // The earlier item whose end is the latest (an open end is the latest of all).
    let mut reach: Option<&(String, Validity)> = None;
    let mut found = 0usize;
    let mut first_unlisted: Option<&str> = None;
    for item in sorted {
        let (name, v) = item;
        if let Some((other, w)) = reach {
            if let Some(on) = w.overlap_start(v) {
                found += 1;
                if found <= MAX_OVERLAPS_REPORTED {
                    errors.push(InputError::Overlap {
                        doc,
                        item: name.clone(),
                        other: other.clone(),
                        on: on.to_string(),
                    });
                } else if first_unlisted.is_none() {
                    first_unlisted = Some(name);
                }
            }
        }
        let later = match reach {
            None => true,
            Some((_, w)) => match (w.to, v.to) {
                (None, _) => false,
                (Some(_), None) => true,
                (Some(a), Some(b)) => b > a,
            },
        };
        if later {
            reach = Some(item);
        }
    }
    if let Some(name) = first_unlisted {
        errors.push(InputError::Invalid {
            doc,
            item: name.to_string(),
            field: "from".into(),
            problem: Box::new(crate::i18n::Message::MoreOverlaps {
                count: (found - MAX_OVERLAPS_REPORTED).to_string(),
            }),
        });
    }
}

/// The position of the item in force on `d` among `items`, sorted by start and not overlapping
/// (as every dated list of a compiled policy or case is), by binary search: O(log n).
pub(crate) fn in_force<T>(items: &[T], d: Date, validity: impl Fn(&T) -> Validity) -> Option<usize> {
    // Items starting on or before `d` come first (an absent start is the earliest).
    let n = items.partition_point(|t| validity(t).from.is_none_or(|f| f <= d));
    let i = n.checked_sub(1)?;
    validity(&items[i]).contains(d).then_some(i)
}
