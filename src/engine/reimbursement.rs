//! State reimbursement of particularly expensive single cases (refusion for særligt dyre
//! enkeltsager, Barnets lov § 198).
//!
//! The state pays a share of a municipality's cost for a household's children above yearly
//! thresholds, in marginal tiers like tax brackets (2022 level: 25 % above DKK 860,000, 50 % above
//! 1,680,000, 75 % above 2,120,000). The thresholds are regulated every year, so they are dated
//! policy parameters ([`crate::policy::SchemeDoc::levels`]); which services count is policy data too.
//!
//! Per month and per paying municipality:
//!
//! 1. **Counted cost**: the household's children's shares booked in the municipality's departments
//!    for the services that count. A one-off cost counts as twelve monthly parts from its month,
//!    `round(k*A/12) - round((k-1)*A/12)` for k = 1..12 (each department's share spread alike), so
//!    a one-off paid in the eleven months before the period still counts in it.
//! 2. **Base** = counted cost minus the household's income (spread the same way).
//! 3. **Reimbursement** = the sum over tiers of `rate × clamp(base - threshold/12, 0, width/12)`,
//!    computed exactly (`Σ rate_i × clamp(12·base - T_i, 0, T_(i+1) - T_i) / 12`) and rounded once,
//!    half away from zero, to the øre. It never exceeds the base.
//! 4. **Allocation**: to the children in proportion to their own counted cost less income, then
//!    within each child either following the cost split (in proportion to each department's counted
//!    share) or to one recipient department; both by largest remainder, so every øre is kept.
//!
//! Gross cost is every share in the period (all services, as booked); net = gross - reimbursement.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::case::{Case, Every};
use crate::engine::household::Household as Family;
use crate::engine::lines::{add_to, flow_amount, regulate, Plan};
use crate::engine::result::{
    Allocated, Allocation, CaseNet, DepartmentNet, Line, MonthNet, Net, RegulationUsed, Reimbursement,
    ReimbursementMonth, SplitResult, TierPart,
};
use crate::engine::split::split_ore;
use crate::i18n::Message;
use crate::model::date::{Date, Month};
use crate::model::error::ComputeError;
use crate::model::money::{round_div, Amount, Exact, Money, Weight};
use crate::model::validity::Period;
use crate::model::validity::Validity;
use crate::policy::{DeptIx, MuniIx, Policy, Target};
use crate::policy::{Level, Scheme, PERCENT_UNITS};

// ---------------------------------------------------------------------------------------------
// The computation
// ---------------------------------------------------------------------------------------------

/// Where counted cost lies: (month index, municipality, case index, department).
pub(crate) type At = (usize, MuniIx, usize, DeptIx);
/// Counted cost per place: (all, of which one-off twelfths), in øre; collected unsorted, then
/// summed per place ([`sum_counted`]).
pub(crate) type Counted = Vec<(At, (i64, i64))>;

fn add(acc: &mut i64, v: i64, item: &(impl std::fmt::Display + ?Sized)) -> Result<(), ComputeError> {
    *acc = acc.checked_add(v).ok_or_else(|| ComputeError::Overflow { item: item.to_string() })?;
    Ok(())
}

/// The counted cost summed per place, sorted by place.
fn sum_counted(counted: Counted) -> Result<Counted, ComputeError> {
    let mut sums: BTreeMap<At, (i64, i64)> = BTreeMap::new();
    for (at, (all, once)) in counted {
        let sum = sums.entry(at).or_default();
        add(&mut sum.0, all, "counted cost")?;
        add(&mut sum.1, once, "counted cost")?;
    }
    Ok(sums.into_iter().collect())
}

/// The twelve monthly parts of a one-off amount (in øre), `round(kA/12) - round((k-1)A/12)`.
fn twelfths(ore: i64) -> impl Iterator<Item = (i32, i64)> {
    let a = i128::from(ore);
    (1..=12i128).map(move |k| ((k - 1) as i32, (round_div(a * k, 12) - round_div(a * (k - 1), 12)) as i64))
}

/// The number of months of `period`, its first and last included.
pub(crate) fn month_count(period: Period) -> usize {
    usize::try_from(period.from.month_of().months_until(period.to.month_of()) + 1).unwrap_or(0)
}

/// The period's months, first to last.
fn months_of(period: Period) -> Vec<Month> {
    let mut out = Vec::new();
    let mut m = Some(period.from.month_of());
    while let Some(month) = m.filter(|m| m.first_day() <= period.to) {
        out.push(month);
        m = month.succ();
    }
    out
}

/// Add a result's counted shares to `counted`; one-off lines are spread over twelve months.
fn count_result(
    policy: &Policy,
    scheme: &Scheme,
    ci: usize,
    result: &SplitResult,
    window: (Month, usize),
    counted: &mut Counted,
) {
    let mut shares = Vec::new();
    for line in &result.lines {
        count_split_line(policy, scheme, ci, line, window, &mut shares, counted);
    }
}

/// Add one split line's counted shares (of case `ci`) to `counted`; `shares` is a buffer.
fn count_split_line(
    policy: &Policy,
    scheme: &Scheme,
    ci: usize,
    line: &Line,
    window: (Month, usize),
    shares: &mut Vec<(DeptIx, i64)>,
    counted: &mut Counted,
) {
    shares.clear();
    shares.extend(line.shares.iter().map(|s| (s.dept, s.amount.ore())));
    let once = line.basis.time_unit() == Every::Once;
    count_line(policy, scheme, (ci, line.service_ix, once), line.month, shares, window, counted);
}

/// Add one line's counted shares (case `ci`, catalogue service, one-off or not) in `month` to
/// `counted`, for the `n` months from `first`; a one-off line is spread over twelve months.
pub(crate) fn count_line(
    policy: &Policy,
    scheme: &Scheme,
    (ci, service, once): (usize, usize, bool),
    month: Month,
    shares: &[(DeptIx, i64)],
    (first, n): (Month, usize),
    counted: &mut Counted,
) {
    if !scheme.counts.get(service).copied().unwrap_or(false) {
        return;
    }
    let offset = first.months_until(month);
    for &(dx, ore) in shares {
        let muni = policy.departments[dx].municipality;
        let mut push = |k: i32, v: i64| {
            let mi = offset + k;
            if mi >= 0 && (mi as usize) < n {
                counted.push(((mi as usize, muni, ci, dx), (v, if once { v } else { 0 })));
            }
        };
        if once {
            twelfths(ore).for_each(|(k, v)| push(k, v));
        } else {
            push(0, ore);
        }
    }
}

/// The case's counted one-off lines paid in the eleven months before the period (a flag per line),
/// and that window; `None` when there are none.
pub(crate) fn lines_before(scheme: &Scheme, case: &Case, period: Period) -> Option<(Vec<bool>, Date, Date)> {
    let start = (1..=11).fold(period.from.month_of(), |m, _| m.pred().unwrap_or(m)).first_day();
    let end = period.from.pred()?;
    let window = Validity { from: Some(start), to: Some(end) };
    let keep: Vec<bool> = case
        .lines
        .iter()
        .map(|l| {
            l.every == Every::Once
                && scheme.counts.get(l.service).copied().unwrap_or(false)
                && l.validity.from.is_some_and(|f| window.contains(f))
        })
        .collect();
    keep.contains(&true).then_some((keep, start, end))
}

/// Add to `counted` the case's counted one-off lines paid in the eleven months before the period
/// (and in the period's first month before its first day): they are computed so that their
/// twelfths count.
fn count_before_period(
    policy: &Policy,
    scheme: &Scheme,
    household: &Family<'_>,
    ci: usize,
    (period, window): (Period, (Month, usize)),
    counted: &mut Counted,
) -> Result<(), ComputeError> {
    let case = household.cases[ci];
    let Some((keep, start, end)) = lines_before(scheme, case, period) else { return Ok(()) };
    let mut new_ix = Vec::with_capacity(keep.len());
    let mut next = 0;
    for &k in &keep {
        new_ix.push(next);
        next += usize::from(k);
    }
    let mut only = case.clone();
    only.lines = case.lines.iter().zip(&keep).filter(|(_, k)| **k).map(|(l, _)| l.clone()).collect();
    only.agreements = case
        .agreements
        .iter()
        .filter(|a| keep[a.line])
        .map(|a| {
            let mut a = a.clone();
            a.line = new_ix[a.line];
            a
        })
        .collect();
    // The family's facts are those of the whole household, with this child first. The lines are
    // counted as they come, not kept.
    let mut order = household.clone();
    order.cases.swap(0, ci);
    let plan = Plan::new(policy, &only, &order, 0, Some(Period { from: start, to: end }))?;
    let mut shares = Vec::new();
    plan.each_line(policy, &only, |line| {
        count_split_line(policy, scheme, ci, &line, window, &mut shares, counted);
        Ok::<(), ComputeError>(())
    })
}

/// Income per (month index, municipality, case index), in øre, sorted.
type Income = BTreeMap<(usize, MuniIx, usize), i64>;

/// Income per (month, municipality, case), in øre; one-off income spread over twelve months.
fn income(cases: &[&Case], period: Period, months: &[Month]) -> Result<Income, ComputeError> {
    let mut out = Vec::new();
    let first = months[0];
    for (ci, case) in cases.iter().enumerate() {
        let muni_on = |d: Date| case.handlekommune(d).or(case.residence.first().map(|r| r.1));
        for x in &case.income {
            if x.every == Every::Once {
                let Some(day) = x.validity.from.filter(|d| *d <= period.to) else { continue };
                let (ore, _, _) = flow_amount("income", &x.id, x.amount, x.every, x.validity, day, day)?;
                for (k, v) in twelfths(ore) {
                    let mi = first.months_until(day.month_of()) + k;
                    if mi < 0 || mi as usize >= months.len() {
                        continue;
                    }
                    let m = months[mi as usize];
                    let Some(muni) = muni_on(m.first_day().max(period.from)) else { continue };
                    out.push(((mi as usize, muni, ci), v));
                }
                continue;
            }
            for (mi, m) in months.iter().enumerate() {
                let from = [Some(m.first_day()), x.validity.from, Some(period.from)].into_iter().flatten().max();
                let to = [Some(m.last_day()), x.validity.to, Some(period.to)].into_iter().flatten().min();
                let (Some(from), Some(to)) = (from, to) else { continue };
                if from > to {
                    continue;
                }
                let Some(muni) = muni_on(from) else { continue };
                let (ore, _, _) = flow_amount("income", &x.id, x.amount, x.every, x.validity, from, to)?;
                out.push(((mi, muni, ci), ore));
            }
        }
    }
    let mut sums = Income::new();
    for (k, v) in out {
        add(sums.entry(k).or_default(), v, "income")?;
    }
    Ok(sums)
}

/// A level's tiers in force in `year`: (threshold used, threshold as stated if regulated, threshold
/// in øre, rate units), with the regulation used. Thresholds stated at a base year's level are
/// regulated by the index and rounded to a multiple of `round_to`.
type YearTiers = (Vec<YearTier>, Option<RegulationUsed>, bool);

/// The tiers of a level (index into the scheme's levels; none in force) in a year.
type TiersIn = ((Option<usize>, i32), YearTiers);

/// A tier in force in one year.
struct YearTier {
    above: Amount,
    stated: Option<Amount>,
    above_ore: i128,
    units: i128,
    percent: Weight,
}

fn year_tiers(
    policy: &Policy,
    level: &Level,
    year: i32,
    item: &(impl std::fmt::Display + ?Sized),
) -> Result<YearTiers, ComputeError> {
    let Some(r) = level.regulation else {
        let tiers = level
            .tiers
            .iter()
            .map(|t| YearTier {
                above: t.above,
                stated: None,
                above_ore: t.above_ore,
                units: t.units,
                percent: t.percent,
            })
            .collect();
        return Ok((tiers, None, level.confirmed));
    };
    let index = &policy.indices[r.index];
    let missing = |y: i32| ComputeError::Index {
        item: item.to_string(),
        problem: Box::new(Message::IndexYearMissing { index: index.id.to_string(), year: y.to_string() }),
    };
    let base_value = index.value(r.base_year).ok_or_else(|| missing(r.base_year))?;
    let value = index.value(year).ok_or_else(|| missing(year))?;
    let overflow = || ComputeError::Overflow { item: item.to_string() };
    let mut out = Vec::with_capacity(level.tiers.len());
    for t in &level.tiers {
        // round(stated × value / base / round_to) × round_to, in øre.
        let steps = regulate(t.above_ore, r.round_to_ore, base_value, value).ok_or_else(overflow)?;
        let ore = steps.checked_mul(r.round_to_ore).ok_or_else(overflow)?;
        let above = i64::try_from(ore)
            .ok()
            .and_then(|o| Amount::new(Money::from_ore(o).to_decimal()).ok())
            .ok_or_else(overflow)?;
        out.push(YearTier { above, stated: Some(t.above), above_ore: ore, units: t.units, percent: t.percent });
    }
    let used = RegulationUsed {
        index: index.id.clone(),
        index_name: index.name.clone(),
        base_year: r.base_year,
        base_value,
        year,
        value,
        round_to: i64::try_from(r.round_to_ore).map(Money::from_ore).map_err(|_| overflow())?,
    };
    let confirmed = level.confirmed && index.confirmed(r.base_year) && index.confirmed(year);
    Ok((out, Some(used), confirmed))
}

/// Each tier with its portion of twelve times the monthly base (in øre): the part of it above the
/// tier's yearly threshold and below the next one's.
fn portions(tiers: &[YearTier], base: i64) -> impl Iterator<Item = (&YearTier, i128)> {
    let twelve_base = 12 * i128::from(base);
    tiers.iter().enumerate().map(move |(i, t)| {
        let mut inside = (twelve_base - t.above_ore).max(0);
        if let Some(next) = tiers.get(i + 1) {
            inside = inside.min((next.above_ore - t.above_ore).max(0));
        }
        (t, inside)
    })
}

/// The exact reimbursement of a monthly base under a level's tiers: numerator over
/// `12 × 100 × 10^10` øre, with each tier's part.
fn tiers(tiers: &[YearTier], base: i64) -> (i128, Vec<TierPart>) {
    let den = 12 * 100 * PERCENT_UNITS;
    let mut total = 0i128;
    let mut parts = Vec::with_capacity(tiers.len());
    for (t, inside) in portions(tiers, base) {
        total += t.units * inside;
        parts.push(TierPart {
            above: t.above,
            stated: t.stated,
            monthly_threshold: Exact::new(t.above_ore, 12),
            percent: t.percent,
            portion: Exact::new(inside, 12),
            amount: Exact::new(t.units * inside, den),
        });
    }
    (total, parts)
}

/// The reimbursement of a monthly base rounded to the øre, half away from zero.
#[cfg(feature = "portfolio")]
fn rounded(tiers: &[YearTier], base: i64, item: &MonthItem<'_>) -> Result<i64, ComputeError> {
    let num: i128 = portions(tiers, base).map(|(t, inside)| t.units * inside).sum();
    rounded_num(num, item)
}

/// An exact reimbursement (numerator over `12 × 100 × 10^10` øre) rounded to the øre.
fn rounded_num(num: i128, item: &MonthItem<'_>) -> Result<i64, ComputeError> {
    i64::try_from(round_div(num, 12 * 100 * PERCENT_UNITS))
        .map_err(|_| ComputeError::Overflow { item: item.to_string() })
}

/// Check that the cases form one household and compute their reimbursement. `results` are the
/// cases' splits over one period, in the same order as `cases`.
pub(crate) fn reimburse(
    policy: &Policy,
    scheme: &Scheme,
    household: &Family<'_>,
    results: &[SplitResult],
) -> Result<Reimbursement, ComputeError> {
    let cases = &household.cases[..];
    let Some(main) = results.first() else {
        return Err(ComputeError::Reimbursement {
            item: "(household)".into(),
            problem: Box::new(Message::NoCaseGiven),
        });
    };
    let period = main.period;
    let months = months_of(period);
    let counted = counted(policy, scheme, household, results, period)?;
    let (out_months, sums) = reimbursed_months(policy, scheme, household, period, counted)?;
    let (by_department, by_case, by_month, total) = nets(policy, cases, results, &months, &sums)?;
    Ok(Reimbursement {
        scheme: scheme.id.clone(),
        legal_basis: scheme.legal_basis.clone(),
        allocation: if scheme.recipient.is_some() { Allocation::Recipient } else { Allocation::FollowSplit },
        household: cases.first().and_then(|c| c.household.clone()),
        cases: cases.iter().map(|c| c.id.clone()).collect(),
        months: out_months,
        by_case,
        by_department,
        by_month,
        total,
    })
}

/// The months of a household's reimbursement (steps 2 to 4) from its counted cost over `period`,
/// with the sums of the reimbursement per department, case and month.
fn reimbursed_months(
    policy: &Policy,
    scheme: &Scheme,
    household: &Family<'_>,
    period: Period,
    counted: Counted,
) -> Result<(Vec<ReimbursementMonth>, Sums), ComputeError> {
    months_from_summed(policy, scheme, household, period, sum_counted(counted)?)
}

/// [`reimbursed_months`] of counted cost already summed per place and sorted by place.
fn months_from_summed(
    policy: &Policy,
    scheme: &Scheme,
    household: &Family<'_>,
    period: Period,
    counted: Counted,
) -> Result<(Vec<ReimbursementMonth>, Sums), ComputeError> {
    let mut out = Vec::new();
    let sums = each_month(policy, scheme, household, period, &counted, |h, at, sums, buf| {
        out.push(h.month(at, sums, buf)?);
        Ok(())
    })?;
    Ok((out, sums))
}

/// The reimbursement per month and department (by index) of a household over `period`, from its
/// counted cost summed per place and sorted by place (see [`count_line`]): what a portfolio
/// computes again when a scenario changes a split. The amounts are those of
/// [`reimbursed_months`]' departments, without the explanation.
#[cfg(feature = "portfolio")]
pub(crate) fn amounts_from_counted(
    policy: &Policy,
    scheme: &Scheme,
    household: &Family<'_>,
    period: Period,
    summed: &Counted,
) -> Result<Vec<(Month, usize, i64)>, ComputeError> {
    let mut out = Vec::new();
    each_month(policy, scheme, household, period, summed, |h, at, sums, buf| {
        let month = at.0;
        h.allocated(at, sums, buf, |_, dept, amount| {
            if let Some(dx) = dept {
                out.push((month, dx.get(), amount));
            }
        })
    })?;
    Ok(out)
}

/// Call `f` for each month and paying municipality of a household's counted cost or income (in
/// that order), with what it needs; the reimbursement's sums come back.
fn each_month(
    policy: &Policy,
    scheme: &Scheme,
    household: &Family<'_>,
    period: Period,
    counted: &Counted,
    mut f: impl FnMut(&Household<'_>, MonthAt<'_>, &mut Sums, &mut Buffers) -> Result<(), ComputeError>,
) -> Result<Sums, ComputeError> {
    let months = months_of(period);
    let n = months.len();
    let cases = &household.cases[..];
    let income = income(cases, period, &months)?;
    // Group by (month, municipality).
    let mut groups: Vec<(usize, MuniIx)> =
        counted.iter().map(|(k, _)| (k.0, k.1)).chain(income.keys().map(|k| (k.0, k.1))).collect();
    groups.sort_unstable();
    groups.dedup();
    let ids: Vec<Arc<str>> = cases.iter().map(|c| Arc::from(c.id.as_str())).collect();
    let mut sums =
        Sums { dept: vec![0i64; policy.departments.len()], case: vec![0i64; cases.len()], month: vec![0i64; n] };
    let household = Household { policy, scheme, ids: &ids, income: &income };
    let mut buf = Buffers::default();
    // The groups come in the order of the counted cost: each one's entries are the next run.
    let mut rest = &counted[..];
    for &(mi, muni) in &groups {
        let len = rest.partition_point(|(k, _)| (k.0, k.1) <= (mi, muni));
        let (entries, later) = rest.split_at(len);
        rest = later;
        f(&household, (months[mi], mi, muni, entries), &mut sums, &mut buf)?;
    }
    Ok(sums)
}

/// The household's counted cost over `period` (step 1): the results' counted shares and those of
/// the counted one-off lines paid in the eleven months before the period.
pub(crate) fn counted(
    policy: &Policy,
    scheme: &Scheme,
    household: &Family<'_>,
    results: &[SplitResult],
    period: Period,
) -> Result<Counted, ComputeError> {
    let first = period.from.month_of();
    let n = month_count(period);
    let mut counted = Counted::new();
    for (ci, result) in results.iter().enumerate() {
        count_result(policy, scheme, ci, result, (first, n), &mut counted);
        count_before_period(policy, scheme, household, ci, (period, (first, n)), &mut counted)?;
    }
    Ok(counted)
}

/// A month of a paying municipality, as errors name it (written only when one is).
struct MonthItem<'a> {
    month: Month,
    municipality: &'a str,
}

impl std::fmt::Display for MonthItem<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "reimbursement in {} for municipality '{}'", self.month, self.municipality)
    }
}

/// Reimbursement summed per department (by index), case and month.
struct Sums {
    dept: Vec<i64>,
    case: Vec<i64>,
    month: Vec<i64>,
}

/// A month of the period: the month, its index, the paying municipality, and its counted cost (a
/// run of the household's sorted counted cost).
type MonthAt<'c> = (Month, usize, MuniIx, &'c [(At, (i64, i64))]);

/// What every month of a household's reimbursement is computed from.
struct Household<'a> {
    policy: &'a Policy,
    scheme: &'a Scheme,
    /// Case ids, the computed case first.
    ids: &'a [Arc<str>],
    income: &'a Income,
}

/// What the months of a household reuse: the tiers per level and year, the cases' weights, and
/// the splits to the cases and to a case's departments.
#[derive(Default)]
struct Buffers {
    tiers: Vec<TiersIn>,
    case_w: Vec<i64>,
    cases: Shares,
    depts: Shares,
}

/// A split by largest remainder into kept buffers.
#[derive(Default)]
struct Shares {
    weights: Vec<u128>,
    out: Vec<i64>,
    left: Vec<bool>,
}

impl Shares {
    /// Split `amount` øre by `weights` (a negative one as zero; largest remainder, ties to the
    /// first) into `out`, with `left` marking the leftover øre.
    fn split(
        &mut self,
        amount: i64,
        weights: impl Iterator<Item = i64>,
        item: &MonthItem<'_>,
    ) -> Result<(), ComputeError> {
        self.weights.clear();
        self.weights.extend(weights.map(|v| v.max(0) as u128));
        let n = self.weights.len();
        self.out.clear();
        self.out.resize(n, 0);
        self.left.clear();
        self.left.resize(n, false);
        if amount != 0 {
            split_ore(amount, &self.weights, &mut self.out, &mut self.left)
                .map_err(|_| ComputeError::Overflow { item: item.to_string() })?;
        }
        Ok(())
    }
}

/// A month's counted cost, its one-off part, the income and the base (counted less income), in øre.
struct Base {
    counted: i64,
    one_off: i64,
    income: i64,
    base: i64,
}

impl Household<'_> {
    /// The month's base (step 2), and each case's weight (its counted cost less its income) in
    /// `case_w`.
    fn base(
        &self,
        (mi, muni): (usize, MuniIx),
        entries: &[(At, (i64, i64))],
        case_w: &mut Vec<i64>,
        item: &MonthItem<'_>,
    ) -> Result<Base, ComputeError> {
        case_w.clear();
        case_w.resize(self.ids.len(), 0);
        let (mut counted, mut one_off, mut income) = (0i64, 0i64, 0i64);
        for (k, v) in entries {
            add(&mut counted, v.0, item)?;
            add(&mut one_off, v.1, item)?;
            add(&mut case_w[k.2], v.0, item)?;
        }
        for (ci, w) in case_w.iter_mut().enumerate() {
            let x = self.income.get(&(mi, muni, ci)).copied().unwrap_or(0);
            add(&mut income, x, item)?;
            add(w, -x, item)?;
        }
        let base = counted.checked_sub(income).ok_or_else(|| ComputeError::Overflow { item: item.to_string() })?;
        Ok(Base { counted, one_off, income, base })
    }

    /// The level in force in `month` and where its tiers of that year are in `cache` (computed
    /// once per level and year: they are the same every month of a year).
    fn tiers_at(&self, month: Month, cache: &mut Vec<TiersIn>, item: &MonthItem<'_>) -> Result<usize, ComputeError> {
        let day = month.first_day();
        // Months come in order: most often the last level and year found is the one.
        if let Some((at, ((Some(l), year), _))) = cache.iter().enumerate().next_back() {
            if *year == month.year() && self.scheme.levels[*l].validity.contains(day) {
                return Ok(at);
            }
        }
        let level = crate::model::validity::in_force(&self.scheme.levels, day, |l| l.validity);
        if let Some(at) = cache.iter().position(|c| c.0 == (level, month.year())) {
            return Ok(at);
        }
        let computed = match level {
            Some(l) => year_tiers(self.policy, &self.scheme.levels[l], month.year(), item)?,
            None => (Vec::new(), None, true),
        };
        cache.push(((level, month.year()), computed));
        Ok(cache.len() - 1)
    }

    /// One month and paying municipality (steps 2 to 4) as the explanation shows it: the counted
    /// cost less income, the tiers, the rounded reimbursement, and its allocation to the cases and
    /// their departments (added to `sums`).
    fn month(
        &self,
        (month, mi, muni, entries): MonthAt<'_>,
        sums: &mut Sums,
        buf: &mut Buffers,
    ) -> Result<ReimbursementMonth, ComputeError> {
        let policy = self.policy;
        let item = MonthItem { month, municipality: &policy.municipalities[muni].id };
        let b = self.base((mi, muni), entries, &mut buf.case_w, &item)?;
        let at = self.tiers_at(month, &mut buf.tiers, &item)?;
        let ((level, _), (year_tiers, regulation, confirmed)) = &buf.tiers[at];
        let (level, regulation, confirmed) = (level.map(|i| &self.scheme.levels[i]), regulation.clone(), *confirmed);
        let (num, parts) = tiers(year_tiers, b.base);
        let r = rounded_num(num, &item)?;
        let (mut cases, mut departments) = (Vec::new(), Vec::new());
        let weight = |w: i64| Money::from_ore(w.max(0));
        self.allocate(r, (mi, muni), entries, buf, &item, sums, |p| match p.dept {
            None => cases.push(Allocated {
                case: self.ids[p.case].clone(),
                department: None,
                weight: weight(p.weight),
                amount: Money::from_ore(p.amount),
                leftover_ore: p.left,
            }),
            Some(dx) => departments.push(Allocated {
                case: self.ids[p.case].clone(),
                department: Some(policy.departments[dx].id.clone()),
                weight: weight(p.weight),
                amount: Money::from_ore(p.amount),
                leftover_ore: p.left,
            }),
        })?;
        Ok(ReimbursementMonth {
            month,
            municipality: policy.municipalities[muni].id.clone(),
            level: level.map(|l| l.validity),
            legal_basis: level.and_then(|l| l.legal_basis.clone()),
            regulation,
            unconfirmed: !confirmed,
            counted: Money::from_ore(b.counted),
            one_off_part: Money::from_ore(b.one_off),
            income: Money::from_ore(b.income),
            base: Money::from_ore(b.base),
            tiers: parts,
            exact: Exact::new(num, 12 * 100 * PERCENT_UNITS),
            reimbursement: Money::from_ore(r),
            cases,
            departments,
        })
    }

    /// One month and paying municipality's reimbursement, only as amounts: `to` gets each case's
    /// part and each department's part of it, as [`Household::month`] allocates them.
    #[cfg(feature = "portfolio")]
    fn allocated(
        &self,
        (month, mi, muni, entries): MonthAt<'_>,
        sums: &mut Sums,
        buf: &mut Buffers,
        mut to: impl FnMut(usize, Option<DeptIx>, i64),
    ) -> Result<(), ComputeError> {
        let item = MonthItem { month, municipality: &self.policy.municipalities[muni].id };
        let b = self.base((mi, muni), entries, &mut buf.case_w, &item)?;
        let at = self.tiers_at(month, &mut buf.tiers, &item)?;
        let r = rounded(&buf.tiers[at].1 .0, b.base, &item)?;
        self.allocate(r, (mi, muni), entries, buf, &item, sums, |p| to(p.case, p.dept, p.amount))
    }

    /// A month's reimbursement `r` allocated to the cases by their weights (`buf.case_w`), then
    /// each case's part to its departments (following the split) or to the scheme's recipient;
    /// each part goes to `to`, a case's own before its departments', and is added to `sums`.
    #[allow(clippy::too_many_arguments)]
    fn allocate(
        &self,
        r: i64,
        (mi, muni): (usize, MuniIx),
        entries: &[(At, (i64, i64))],
        buf: &mut Buffers,
        item: &MonthItem<'_>,
        sums: &mut Sums,
        mut to: impl FnMut(Part),
    ) -> Result<(), ComputeError> {
        let Buffers { case_w, cases, depts, .. } = buf;
        cases.split(r, case_w.iter().copied(), item)?;
        let mut rest = entries;
        for (ci, &w) in case_w.iter().enumerate() {
            // The entries are sorted by case: this case's run.
            let own = rest.partition_point(|(k, _)| k.2 == ci);
            let (mine, later) = rest.split_at(own);
            rest = later;
            let amount = cases.out[ci];
            if w == 0 && amount == 0 && mine.is_empty() {
                continue;
            }
            to(Part { case: ci, dept: None, weight: w, amount, left: cases.left[ci] });
            match self.scheme.recipient {
                None => {
                    depts.split(amount, mine.iter().map(|(_, v)| v.0), item)?;
                    for (j, (k, v)) in mine.iter().enumerate() {
                        add(&mut sums.dept[k.3.get()], depts.out[j], item)?;
                        to(Part { case: ci, dept: Some(k.3), weight: v.0, amount: depts.out[j], left: depts.left[j] });
                    }
                }
                Some(t) => {
                    let dx = recipient(self.policy, t, muni, item)?;
                    depts.split(amount, std::iter::once(w), item)?;
                    add(&mut sums.dept[dx.get()], depts.out[0], item)?;
                    to(Part { case: ci, dept: Some(dx), weight: w, amount: depts.out[0], left: depts.left[0] });
                }
            }
            add(&mut sums.case[ci], amount, item)?;
        }
        add(&mut sums.month[mi], r, item)
    }
}

/// A part of a month's reimbursement: a case's (no department) or one of its departments', with
/// the weight it was allocated by (a negative weight counts as zero).
struct Part {
    case: usize,
    dept: Option<DeptIx>,
    weight: i64,
    amount: i64,
    left: bool,
}

/// Gross, reimbursement and net per department, case and month, and in all.
type Nets = (Vec<DepartmentNet>, Vec<CaseNet>, Vec<MonthNet>, Net);

/// Gross (from the splits), reimbursement and net per department, case and month, and in all.
fn nets(
    policy: &Policy,
    cases: &[&Case],
    results: &[SplitResult],
    months: &[Month],
    sums: &Sums,
) -> Result<Nets, ComputeError> {
    let (dept_r, case_r, month_r) = (&sums.dept, &sums.case, &sums.month);
    let nd = policy.departments.len();
    let n = months.len();
    let first = months[0];
    let mut dept_g = vec![0i64; nd];
    let mut month_g = vec![0i64; n];
    let mut case_g = vec![0i64; cases.len()];
    // Departments in any child's split (one pass, not a search per department and child).
    let mut in_result = vec![false; nd];
    for (ci, res) in results.iter().enumerate() {
        case_g[ci] = res.totals.case.ore();
        for d in &res.totals.by_department {
            if let Some(dx) = policy.department(&d.department) {
                add(&mut dept_g[dx.get()], d.amount.ore(), "gross cost")?;
                in_result[dx.get()] = true;
            }
        }
        for m in &res.totals.by_month {
            let mi = first.months_until(m.month);
            if mi >= 0 && (mi as usize) < n {
                add(&mut month_g[mi as usize], m.amount.ore(), "gross cost")?;
            }
        }
    }
    // Gross and reimbursement are each within a case's total limit (or refused as too large), so
    // their difference is too; checked all the same.
    let net = |g: i64, r: i64| {
        g.checked_sub(r)
            .map(Money::from_ore)
            .ok_or_else(|| ComputeError::Overflow { item: "the net cost (gross less reimbursement)".into() })
    };
    let by_department = (0..nd)
        .filter(|&i| dept_g[i] != 0 || dept_r[i] != 0 || in_result[i])
        .map(|i| {
            let d = &policy.departments[i];
            Ok(DepartmentNet {
                department: d.id.clone(),
                municipality: policy.municipalities[d.municipality].id.clone(),
                gross: Money::from_ore(dept_g[i]),
                reimbursement: Money::from_ore(dept_r[i]),
                net: net(dept_g[i], dept_r[i])?,
            })
        })
        .collect::<Result<_, ComputeError>>()?;
    let by_case = cases
        .iter()
        .enumerate()
        .map(|(i, c)| {
            Ok(CaseNet {
                case: c.id.clone(),
                gross: Money::from_ore(case_g[i]),
                reimbursement: Money::from_ore(case_r[i]),
                net: net(case_g[i], case_r[i])?,
            })
        })
        .collect::<Result<_, ComputeError>>()?;
    let by_month = months
        .iter()
        .enumerate()
        .map(|(i, &m)| {
            Ok(MonthNet {
                month: m,
                gross: Money::from_ore(month_g[i]),
                reimbursement: Money::from_ore(month_r[i]),
                net: net(month_g[i], month_r[i])?,
            })
        })
        .collect::<Result<_, ComputeError>>()?;
    // The household's totals: each case's is bounded, their sum is checked against the same limit.
    let (mut g, mut r) = (0i64, 0i64);
    for (&cg, &cr) in case_g.iter().zip(case_r) {
        add_to(&mut g, cg, || "the household's gross cost".to_string())?;
        add_to(&mut r, cr, || "the household's reimbursement".to_string())?;
    }
    let total = Net { gross: Money::from_ore(g), reimbursement: Money::from_ore(r), net: net(g, r)? };
    Ok((by_department, by_case, by_month, total))
}

/// The recipient department in the paying municipality.
fn recipient(
    policy: &Policy,
    t: Target,
    muni: MuniIx,
    item: &(impl std::fmt::Display + ?Sized),
) -> Result<DeptIx, ComputeError> {
    let found = match t {
        Target::Department(dx) if policy.departments[dx].municipality == muni => Some(dx),
        Target::Department(_) => None,
        Target::Sector(s) => policy.department_for(muni, s),
    };
    found.ok_or_else(|| ComputeError::Reimbursement {
        item: item.to_string(),
        problem: Box::new(Message::RecipientOutside { municipality: policy.municipalities[muni].id.to_string() }),
    })
}
