//! Re-assessment comparison: two versions of a case (or of its agreements) over one period, what
//! changes per month and department, and the postings that correct months already booked.

use std::convert::Infallible;

use serde::Serialize;

use crate::compute::SplitResult;
use crate::date::Month;
use crate::money::Money;
use crate::order::{lookup, sum_by_key};
use crate::policy::Policy;
use crate::postings::{postings, Posting};

/// What changes for one department in one month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
    let shares = |r: &SplitResult| {
        let entries: Vec<((Month, String), i64)> = r
            .lines
            .iter()
            .flat_map(|l| l.shares.iter().map(|s| ((l.month, s.department.to_string()), s.amount.ore())))
            .collect();
        let Ok(sums) = sum_by_key(entries, |sum, v| {
            *sum += v;
            Ok::<(), Infallible>(())
        });
        sums
    };
    let (b, a) = (shares(before), shares(after));
    let mut keys: Vec<&(Month, String)> = b.iter().chain(a.iter()).map(|(k, _)| k).collect();
    crate::order::sort(&mut keys);
    keys.dedup();
    let changes = keys
        .into_iter()
        .filter_map(|k| {
            let (x, y) = (lookup(&b, k).copied().unwrap_or(0), lookup(&a, k).copied().unwrap_or(0));
            (x != y).then(|| Change {
                month: k.0,
                department: k.1.clone(),
                before: Money::from_ore(x),
                after: Money::from_ore(y),
                difference: Money::from_ore(y - x),
            })
        })
        .collect();
    // Corrections: after-postings minus before-postings per account key, in booked months.
    type Key = (Month, String, String, String, String, String, Option<String>);
    let mut acc: Vec<(Key, (i64, Posting))> = Vec::new();
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
            acc.push((key, (sign * p.amount.ore(), p)));
        }
    }
    let Ok(acc) = sum_by_key(acc, |sum, (v, _)| {
        sum.0 += v;
        Ok::<(), Infallible>(())
    });
    let corrections = acc
        .into_iter()
        .map(|(_, v)| v)
        .filter(|(v, _)| *v != 0)
        .map(|(v, mut p)| {
            p.amount = Money::from_ore(v);
            p.case = after.case.clone();
            p
        })
        .collect();
    Comparison { changes, before: before.totals.case, after: after.totals.case, corrections }
}
