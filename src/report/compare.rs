//! Re-assessment comparison: two versions of a case (or of its agreements) over one period, what
//! changes per month and department, and the postings that correct months already booked.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::engine::result::SplitResult;
use crate::model::date::Month;
use crate::model::money::Money;
use crate::policy::Policy;
use crate::report::postings::{postings, Posting};

/// What changes for one department in one month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Change {
    /// The month.
    pub month: Month,
    /// Department id.
    pub department: String,
    /// Its share before.
    pub before: Money,
    /// Its share after.
    pub after: Money,
    /// `after - before`.
    pub difference: Money,
}

/// The comparison of two splits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Comparison {
    /// Every (month, department) whose share changes, by month then department id.
    pub changes: Vec<Change>,
    /// Total before.
    pub before: Money,
    /// Total after.
    pub after: Money,
    /// Postings that turn the bookings of the months through `booked_through` from before into after:
    /// per account key (month, department, function, type, service line, counterpart), after minus
    /// before, where not zero.
    pub corrections: Vec<Posting>,
}

/// Compare the split `before` with `after` (same policy); months through `booked_through` (all, when
/// `None`) get correcting postings.
pub fn compare(
    policy: &Policy,
    before: &SplitResult,
    after: &SplitResult,
    booked_through: Option<Month>,
) -> Comparison {
    fn shares(r: &SplitResult) -> BTreeMap<(Month, &str), i64> {
        let mut sums: BTreeMap<(Month, &str), i64> = BTreeMap::new();
        for l in &r.lines {
            for s in &l.shares {
                *sums.entry((l.month, &*s.department)).or_default() += s.amount.ore();
            }
        }
        sums
    }
    let (b, a) = (shares(before), shares(after));
    let mut keys: Vec<&(Month, &str)> = b.keys().chain(a.keys()).collect();
    keys.sort();
    keys.dedup();
    let changes = keys
        .into_iter()
        .filter_map(|k| {
            let (x, y) = (b.get(k).copied().unwrap_or(0), a.get(k).copied().unwrap_or(0));
            (x != y).then(|| Change {
                month: k.0,
                department: k.1.to_string(),
                before: Money::from_ore(x),
                after: Money::from_ore(y),
                difference: Money::from_ore(y - x),
            })
        })
        .collect();
    // Corrections: after-postings minus before-postings per account key, in booked months.
    type Key = (Month, String, String, String, String, String, Option<String>);
    let mut acc: BTreeMap<Key, (i64, Posting)> = BTreeMap::new();
    let booked = |m: Month| booked_through.is_none_or(|t| m <= t);
    for (sign, r) in [(-1i64, before), (1, after)] {
        for p in postings(policy, r).into_iter().filter(|p| booked(p.month)) {
            let key = (
                p.month,
                p.department.clone(),
                p.function.clone(),
                p.art.to_string(),
                p.service_line.clone(),
                p.municipality.clone(),
                p.counterpart.clone(),
            );
            acc.entry(key).and_modify(|sum| sum.0 += sign * p.amount.ore()).or_insert((sign * p.amount.ore(), p));
        }
    }
    let corrections = acc
        .into_values()
        .filter(|(v, _)| *v != 0)
        .map(|(v, mut p)| {
            p.amount = Money::from_ore(v);
            p.case = after.case.clone();
            p
        })
        .collect();
    Comparison { changes, before: before.totals.case, after: after.totals.case, corrections }
}
