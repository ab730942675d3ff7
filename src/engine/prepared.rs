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
use crate::engine::lines::{totals, Held, Plan};
use crate::engine::reimbursement::{amounts_from_counted, count_line, counted, lines_before, month_count, At, Counted};
use crate::engine::result::{Reimbursement, SplitResult};
use crate::model::date::Month;
use crate::model::error::ComputeError;
use crate::model::validity::Period;
use crate::policy::{DeptIx, MuniIx, Policy};

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
    /// The counted cost of the reimbursement by month and place.
    counted: Grid,
    /// Whether a child has counted one-off lines before the period (split apart from the plans).
    before: bool,
    /// The shares kept in `split` (one at least for each line).
    shares: usize,
}

/// Counted cost by month (rows) and place (columns: municipality, child, department, sorted); each
/// cell holds (all, one-off part, number of entries), so that a place no share reaches any longer
/// in a month is dropped, as a full split would never list it.
#[derive(Debug, Clone, Default)]
struct Grid {
    months: usize,
    places: Vec<(MuniIx, usize, DeptIx)>,
    cells: Vec<(i64, i64, i32)>,
}

impl Grid {
    /// The grid of `n` months of these entries of counted cost.
    fn new(n: usize, entries: &Counted) -> Result<Grid, ComputeError> {
        let mut places: Vec<_> = entries.iter().map(|(at, _)| (at.1, at.2, at.3)).collect();
        places.sort_unstable();
        places.dedup();
        let mut grid = Grid { months: n, cells: vec![(0, 0, 0); n * places.len()], places };
        for &(at, (all, once)) in entries {
            grid.add(at, (all, once), 1)?;
        }
        Ok(grid)
    }

    /// Add `sign` times an entry of counted cost at `at`.
    fn add(&mut self, (mi, muni, ci, dx): At, (all, once): (i64, i64), sign: i64) -> Result<(), ComputeError> {
        let p = match self.places.binary_search(&(muni, ci, dx)) {
            Ok(p) => p,
            Err(p) => self.insert(p, (muni, ci, dx)),
        };
        let overflow = || ComputeError::Overflow { item: "counted cost".into() };
        let cell = self.cells.get_mut(mi * self.places.len() + p).ok_or_else(overflow)?;
        cell.0 = all.checked_mul(sign).and_then(|v| cell.0.checked_add(v)).ok_or_else(overflow)?;
        cell.1 = once.checked_mul(sign).and_then(|v| cell.1.checked_add(v)).ok_or_else(overflow)?;
        cell.2 = cell.2.checked_add(if sign < 0 { -1 } else { 1 }).ok_or_else(overflow)?;
        Ok(())
    }

    /// A new place (column) at `p`.
    fn insert(&mut self, p: usize, place: (MuniIx, usize, DeptIx)) -> usize {
        let width = self.places.len();
        let mut cells = Vec::with_capacity(self.months * (width + 1));
        for row in 0..self.months {
            let old = &self.cells[row * width..(row + 1) * width];
            cells.extend_from_slice(&old[..p]);
            cells.push((0, 0, 0));
            cells.extend_from_slice(&old[p..]);
        }
        self.cells = cells;
        self.places.insert(p, place);
        p
    }

    /// The counted cost summed per place and sorted by place, of the places with entries.
    fn counted(&self) -> Counted {
        let width = self.places.len().max(1);
        let cells =
            self.cells.chunks(width).enumerate().flat_map(|(mi, row)| row.iter().enumerate().map(move |c| (mi, c)));
        cells
            .filter(|(_, (_, v))| v.2 > 0)
            .map(|(mi, (p, v))| {
                let (muni, ci, dx) = self.places[p];
                ((mi, muni, ci, dx), (v.0, v.1))
            })
            .collect()
    }
}

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
    /// this is the household's reimbursement under the new policy (if the policy reimburses) per
    /// month and department (by index).
    Changed(Option<Vec<(Month, usize, i64)>>),
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
        let mut held = Held::default();
        for (i, case) in cases.iter().enumerate() {
            let mut order = household.clone();
            order.cases.swap(0, i);
            let plan = Plan::new(policy, case, &order, 0, Some(period))?;
            let mut lines = Vec::new();
            let mut by_line = vec![LineShares::default(); case.lines.len()];
            // The lines come in the order of the service lines.
            let mut li = 0;
            plan.each_line(policy, case, |l| {
                held.add(&l, case)?;
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
        let mut family = PreparedFamily {
            members: members.to_vec(),
            period,
            plans,
            split,
            counted: Grid::default(),
            before: false,
            shares: held.count(),
        };
        let Some(scheme) = &policy.reimbursement else { return Ok((family, results, None)) };
        family.before = cases.iter().any(|c| lines_before(scheme, c, period).is_some());
        let entries = counted(policy, scheme, &household, &results, period)?;
        family.counted = Grid::new(month_count(period), &entries)?;
        let reimbursement = crate::engine::reimbursement::reimburse(policy, scheme, &household, &results)?;
        Ok((family, results, Some(reimbursement)))
    }

    /// The shares it keeps to split again (one at least for each line).
    pub(crate) fn shares(&self) -> usize {
        self.shares
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
        let mut grid = self.counted.clone();
        let mut entries = Counted::new();
        let first = self.period.from.month_of();
        let n = month_count(self.period);
        for &(ci, li) in &affected {
            let case = cases[ci];
            let line = &case.lines[li];
            let once = line.every == Every::Once;
            let mut count = |policy: &Policy, month, shares: &[(DeptIx, i64)], sign: i64| {
                shares.iter().for_each(|&(dx, v)| gross(month, dx, sign * v));
                let Some(scheme) = &policy.reimbursement else { return Ok(()) };
                entries.clear();
                count_line(policy, scheme, (ci, line.service, once), month, shares, (first, n), &mut entries);
                entries.iter().try_for_each(|&(at, v)| grid.add(at, v, sign))
            };
            // Out with the shares as they were split, in with the shares under the new keys.
            for (month, shares) in self.split[ci][li].each() {
                count(before, month, shares, -1)?;
            }
            self.plans[ci].line_shares(after, case, li, |month, shares| count(after, month, shares, 1))?;
        }
        let Some(scheme) = &after.reimbursement else { return Ok(Resplit::Changed(None)) };
        let household = Household::new(cases)?;
        let amounts = amounts_from_counted(after, scheme, &household, self.period, &grid.counted())?;
        Ok(Resplit::Changed(Some(amounts)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A place no entry had before gets its own column, in an empty grid too, and the counted cost
    /// comes out summed per place and sorted by month and place; a place whose entries were all
    /// taken out again is dropped.
    #[test]
    fn a_grid_takes_new_places_and_drops_emptied_ones() {
        let (m, d) = (MuniIx::new, DeptIx::new);
        let mut grid = Grid::new(3, &Vec::new()).unwrap();
        grid.add((2, m(0), 0, d(4)), (500, 0), 1).unwrap();
        grid.add((0, m(0), 0, d(1)), (100, 100), 1).unwrap();
        grid.add((0, m(0), 0, d(1)), (50, 0), 1).unwrap();
        grid.add((1, m(0), 0, d(1)), (70, 0), 1).unwrap();
        grid.add((1, m(0), 0, d(1)), (70, 0), -1).unwrap();
        let want: Counted = vec![((0, m(0), 0, d(1)), (150, 100)), ((2, m(0), 0, d(4)), (500, 0))];
        assert_eq!(grid.counted(), want);
        assert!(grid.add((3, m(0), 0, d(1)), (1, 0), 1).is_err(), "a month outside the grid is refused");
    }
}
