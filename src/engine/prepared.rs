//! A household split once and kept, so that it can be split again under a changed key without
//! computing it anew (SEMANTICS.md section 10, "Scenarios").
//!
//! A scenario that changes only the rules of some keys ([`Policy::changed_keys`]) leaves every
//! case's segments, verdicts, amounts, authorities and payers as they were: only the lines of the
//! services with a changed key can split differently. [`PreparedFamily::resplit`] splits exactly
//! those lines again under both policies (the same code as a full split, [`Plan::line_shares`]),
//! hands the differences per month and department to the caller, and computes the household's
//! reimbursement again from its counted cost with the differences applied. The result is the full
//! split's to the øre; a test compares the two on generated portfolios
//! (`prop_scenario_resplit_equals_full`).

use crate::case::{Case, Every};
use crate::engine::household::Household;
use crate::engine::lines::{totals, Plan};
use crate::engine::reimbursement::{count_line, counted, lines_before, months_from_counted, At, Counted};
use crate::engine::result::{Reimbursement, ReimbursementMonth, SplitResult};
use crate::model::date::Month;
use crate::model::error::ComputeError;
use crate::model::validity::Period;
use crate::policy::{DeptIx, Policy};

/// A household split over a period, with what splitting it again needs.
#[derive(Debug, Clone)]
pub(crate) struct PreparedFamily {
    /// The household's cases: indices into the portfolio's cases.
    members: Vec<usize>,
    period: Period,
    /// Each child's plan (segments, facts and verdicts), as a child of the household.
    plans: Vec<Plan>,
    /// Each child's service lines as split, by line.
    split: Vec<Vec<LineShares>>,
    /// The counted cost of the reimbursement per place, sorted by place: (all, one-off part,
    /// entries), so that a    /// place no share reaches any longer is dropped as a full split would never list it.
    counted: Places,
    /// Whether a child has counted one-off lines before the period (split apart from the plans).
    before: bool,
}

/// Counted cost per place, sorted by place: (all, one-off part, number of entries).
type Places = Vec<(At, (i64, i64, i32))>;

/// One service line as split: each output line's month and the end of its shares in `shares`.
#[derive(Debug, Clone, Default)]
struct LineShares {
    lines: Vec<(Month, usize)>,
    shares: Vec<(DeptIx, i64)>,
}

impl LineShares {
    /// Each output line: its month and its shares.
    fn each(&self) -> impl Iterator<Item = (Month, &[(DeptIx, i64)])> + '_ {
        let starts = std::iter::once(0).chain(self.lines.iter().map(|l| l.1));
        self.lines.iter().zip(starts).map(|(&(month, end), start)| (month, &self.shares[start..end]))
    }
}

/// What splitting a household again gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Resplit {
    /// No line of the household uses a changed key.
    Unchanged,
    /// The lines with a changed key were split again: the differences went to the caller, and
    /// this is the household's reimbursement under the new policy (if the policy reimburses).
    Changed(Option<Vec<ReimbursementMonth>>),
    /// The household must be computed anew (it has counted one-off lines before the period).
    Whole,
}

impl PreparedFamily {
    /// Split the household of `members` (indices into `all`) over `period` (as
    /// [`crate::engine::compute_family`]) and keep what splitting it again needs.
    #[allow(clippy::type_complexity)]
    pub(crate) fn new(
        policy: &Policy,
        all: &[Case],
        members: &[usize],
        period: Period,
    ) -> Result<(PreparedFamily, Vec<SplitResult>, Option<Reimbursement>), ComputeError> {
        let cases: Vec<&Case> = members.iter().map(|&i| &all[i]).collect();
        let household = Household::new(cases.clone())?;
        let mut results = Vec::with_capacity(cases.len());
        let mut plans = Vec::with_capacity(cases.len());
        let mut split = Vec::with_capacity(cases.len());
        for (i, case) in cases.iter().enumerate() {
            let mut order = household.clone();
            order.cases.swap(0, i);
            let plan = Plan::new(policy, case, &order, 0, Some(period))?;
            let mut lines = Vec::new();
            let mut by_line = vec![LineShares::default(); case.lines.len()];
            // The lines come in the order of the service lines.
            let mut li = 0;
            plan.each_line(policy, case, |l| {
                while case.lines.get(li).is_some_and(|c| c.id != l.service_line) {
                    li += 1;
                }
                if let Some(s) = by_line.get_mut(li) {
                    s.shares.extend(l.shares.iter().map(|x| (x.dept, x.amount.ore())));
                    s.lines.push((l.month, s.shares.len()));
                }
                lines.push(l);
                Ok::<(), ComputeError>(())
            })?;
            let totals = totals(policy, &lines)?;
            results.push(plan.clone().into_result(policy, case, lines, totals));
            plans.push(plan);
            split.push(by_line);
        }
        let mut family =
            PreparedFamily { members: members.to_vec(), period, plans, split, counted: Vec::new(), before: false };
        let Some(scheme) = &policy.reimbursement else { return Ok((family, results, None)) };
        family.before = cases.iter().any(|c| lines_before(scheme, c, period).is_some());
        let entries = counted(policy, scheme, &household, &results, period)?;
        family.counted =
            merged(Vec::new(), entries.into_iter().map(|(at, (sum, once))| (at, (sum, once, 1))).collect())?;
        let reimbursement = crate::engine::reimbursement::reimburse(policy, scheme, &household, &results)?;
        Ok((family, results, Some(reimbursement)))
    }

    /// The household's cases: indices into the cases it was prepared from.
    pub(crate) fn members(&self) -> &[usize] {
        &self.members
    }

    /// Split again, under `after`, the lines whose service has one of the `changed` keys (indices
    /// into the keys of `before` and `after`, which differ in nothing else the split reads: see
    /// [`Policy::changed_keys`]). `all` are the cases the family was prepared from. `gross` gets
    /// each difference of cost: month, department, øre.
    pub(crate) fn resplit(
        &self,
        (before, after): (&Policy, &Policy),
        all: &[Case],
        changed: &[usize],
        mut gross: impl FnMut(Month, DeptIx, i64),
    ) -> Result<Resplit, ComputeError> {
        let uses_changed = |case: &Case, li: usize| {
            let service = &before.services[case.lines[li].service];
            service.key.is_some_and(|k| changed.contains(&k))
        };
        let cases: Vec<&Case> = self.members.iter().map(|&i| &all[i]).collect();
        let affected: Vec<(usize, usize)> = (cases.iter().enumerate())
            .flat_map(|(ci, c)| (0..c.lines.len()).filter(move |&li| uses_changed(c, li)).map(move |li| (ci, li)))
            .collect();
        if affected.is_empty() {
            return Ok(Resplit::Unchanged);
        }
        if self.before {
            return Ok(Resplit::Whole);
        }
        let mut changes: Places = Vec::new();
        let mut entries = Counted::new();
        let first = self.period.from.month_of();
        let n = usize::try_from(first.months_until(self.period.to.month_of()) + 1).unwrap_or(0);
        for &(ci, li) in &affected {
            let case = cases[ci];
            let line = &case.lines[li];
            let once = line.every == Every::Once;
            let mut count = |policy: &Policy, month, shares: &[(DeptIx, i64)], sign: i64| {
                shares.iter().for_each(|&(dx, v)| gross(month, dx, sign * v));
                let Some(scheme) = &policy.reimbursement else { return };
                entries.clear();
                count_line(policy, scheme, (ci, line.service, once), month, shares, (first, n), &mut entries);
                let entry = |(at, (all, one_off)): &(At, (i64, i64))| (*at, (sign * all, sign * one_off, sign as i32));
                changes.extend(entries.iter().map(entry));
            };
            // Out with the shares as they were split, in with the shares under the new keys.
            for (month, shares) in self.split[ci][li].each() {
                count(before, month, shares, -1);
            }
            self.plans[ci].line_shares(after, case, li, |month, shares| {
                count(after, month, shares, 1);
                Ok(())
            })?;
        }
        let Some(scheme) = &after.reimbursement else { return Ok(Resplit::Changed(None)) };
        let counted = merged(self.counted.clone(), changes)?;
        let counted: Counted =
            counted.into_iter().filter(|(_, v)| v.2 > 0).map(|(at, (all, once, _))| (at, (all, once))).collect();
        let household = Household::new(cases)?;
        let months = months_from_counted(after, scheme, &household, self.period, counted)?;
        Ok(Resplit::Changed(Some(months)))
    }
}

/// `base` (summed per place, sorted) with `changes` added: summed per place and sorted, with the
/// number of entries of each place.
fn merged(base: Places, mut changes: Places) -> Result<Places, ComputeError> {
    let overflow = || ComputeError::Overflow { item: "counted cost".into() };
    let mut all = base;
    all.append(&mut changes);
    // Stable: the base's places come first, already in order.
    all.sort_by_key(|e| e.0);
    let mut out: Places = Vec::with_capacity(all.len());
    for (at, (sum, once, entries)) in all {
        match out.last_mut() {
            Some(last) if last.0 == at => {
                let v = &mut last.1;
                v.0 = v.0.checked_add(sum).ok_or_else(overflow)?;
                v.1 = v.1.checked_add(once).ok_or_else(overflow)?;
                v.2 = v.2.checked_add(entries).ok_or_else(overflow)?;
            }
            _ => out.push((at, (sum, once, entries))),
        }
    }
    Ok(out)
}
