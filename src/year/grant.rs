//! External co-financing over the portfolio's budget year (SEMANTICS.md section 13, "Grant").
//!
//! A grant covers `percent` of the costs of its services and departments on the days of its period,
//! month by month in date order, until its `amount` is used up. The per-case split comes first and
//! never changes: the grant covers a share of each department's shares (or, for a line that a pool or
//! a compensation pays whole, of the line, at the arrangement's holder or payer, and the
//! arrangement's costs fall by that part). Each month's part is rounded once to øre and shared out
//! over the departments by largest remainder in proportion to what it covers of each.

use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::Serialize;

use crate::case::Case;
use crate::engine::split::split_ore;
use crate::model::date::{Date, Month};
use crate::model::error::ComputeError;
use crate::model::money::{round_div, Money};
use crate::model::validity::Period;
use crate::policy::{DeptIx, Grant, Policy};
use crate::report::postings::PostingType;
use crate::year::financing::{ArrangementParts, FinancingPosting, FinancingPurpose, Shift};

/// A grant's budget year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct GrantYear {
    /// Grant id.
    pub id: Arc<str>,
    /// Name.
    pub name: Arc<str>,
    /// The first day it covers.
    pub from: Date,
    /// The last day it covers, if it ends.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<Date>,
    /// The share it covers, in per cent.
    pub percent: String,
    /// Its total over its whole period, if capped.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total: Option<Money>,
    /// What it covered before the budget year.
    pub covered_before: Money,
    /// What it covered in the budget year's months through `booked_through`.
    pub covered_actual: Money,
    /// What it covers in the budget year's months after `booked_through`.
    pub covered_forecast: Money,
    /// Actual plus forecast.
    pub covered: Money,
    /// What is left of the total after the budget year (total − before − covered), if capped.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub left: Option<Money>,
    /// Per department it covers, with any cost or part in the budget year, in id order.
    pub departments: Vec<GrantDepartment>,
    /// The grant's income per department (December, or the grant's last month), when the policy gives
    /// the grant an `account`.
    pub postings: Vec<FinancingPosting>,
    /// Minus its part of each department's own shares in the budget year (the lines no pool or
    /// compensation pays whole).
    #[serde(skip)]
    pub shift: Shift,
    /// The same for each later year, at the budget year's prices.
    #[serde(skip)]
    pub later_shifts: Vec<Shift>,
    /// What it covers in each later year, in øre (its parts of the departments' own shares and of
    /// the arrangements' lines).
    #[serde(skip)]
    pub covered_later: Vec<i128>,
}

/// A department's budget year under a grant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct GrantDepartment {
    /// Department id.
    pub department: Arc<str>,
    /// Its cost of the grant's services in the budget year (its shares, and the lines of the pools
    /// and compensations it holds or pays), the whole year.
    pub cost: Money,
    /// The grant's part of it.
    pub grant: Money,
    /// Its own share: cost − grant.
    pub own: Money,
}

/// The arrangements that pay lines whole: their services and the department that bears them.
fn arrangements(policy: &Policy) -> Vec<(&HashSet<Arc<str>>, DeptIx)> {
    let y = &policy.year;
    y.pools
        .iter()
        .map(|p| (&p.services, p.holder))
        .chain(y.compensations.iter().map(|c| (&c.services, c.payer)))
        .collect()
}

/// Every grant of the policy over the budget year, and what the grants cover of the arrangements'
/// lines through `last_year` (the last estimate year).
pub fn grants(
    policy: &Policy,
    cases: &[Case],
    year: i32,
    last_year: i32,
    booked_through: Option<Month>,
) -> Result<(Vec<GrantYear>, ArrangementParts), ComputeError> {
    let grants = &policy.year.grants;
    let arrangements = arrangements(policy);
    let mut parts = ArrangementParts(vec![BTreeMap::new(); arrangements.len()]);
    if grants.is_empty() {
        return Ok((Vec::new(), parts));
    }
    let bad = || ComputeError::PeriodEndBeforeStart { from: year.to_string(), to: year.to_string() };
    let start = Date::new(year, 1, 1).map_err(|_| bad())?;
    let from = grants.iter().map(|g| g.from).min().map_or(start, |f| f.min(start));
    let to = Date::new(last_year, 12, 31).map_err(|_| bad())?;
    // Each household's lines are added to every grant's bases, then dropped.
    let n = policy.departments().len();
    let mut bases: Vec<Bases> =
        grants.iter().map(|_| Bases { months: BTreeMap::new(), cost: vec![0; n], last_year }).collect();
    crate::engine::each_result(policy, cases, Period { from, to }, |r| {
        for (g, b) in grants.iter().zip(&mut bases) {
            add_to_bases(b, policy, g, &arrangements, &r.lines, year);
        }
        Ok(())
    })?;
    let mut out = Vec::with_capacity(grants.len());
    for (g, b) in grants.iter().zip(bases) {
        out.push(grant_year(policy, g, &arrangements, b, year, booked_through, &mut parts)?);
    }
    Ok((out, parts))
}

/// What a grant covers, before its share and cap: per month, per bucket (the departments, then the
/// arrangements) in øre, each line's amount prorated by the days of its segment within the grant's
/// period (rounded once per line and department); and each department's whole cost of the grant's
/// services in the budget year.
struct Bases {
    months: BTreeMap<Month, Vec<i128>>,
    cost: Vec<i128>,
    /// The last estimate year.
    last_year: i32,
}

/// Add `lines` (of one household) to grant `g`'s bases `b`.
fn add_to_bases(
    b: &mut Bases,
    policy: &Policy,
    g: &Grant,
    arrangements: &[(&HashSet<Arc<str>>, DeptIx)],
    lines: &[crate::engine::result::Line],
    year: i32,
) {
    let n = policy.departments().len();
    let covered = |d: DeptIx| g.departments.is_empty() || g.departments.contains(&d);
    for l in lines {
        if !g.services.is_empty() && !g.services.contains(&l.service) {
            continue;
        }
        let whole = l.eligible.then(|| arrangements.iter().position(|a| a.0.contains(&l.service))).flatten();
        let items: Vec<(usize, DeptIx, i64)> = match whole {
            Some(k) => vec![(n + k, arrangements[k].1, l.amount.ore())],
            None => l.shares.iter().map(|s| (s.dept.get(), s.dept, s.amount.ore())).collect(),
        };
        let first = l.from.max(g.from);
        let last = g.to.map_or(l.to, |t| t.min(l.to));
        let overlap = i128::from(first.days_until(last) + 1).max(0);
        let days = i128::from(l.from.days_until(l.to) + 1).max(1);
        for (bucket, dept, amount) in items.into_iter().filter(|i| covered(i.1)) {
            if l.month.year() == year {
                b.cost[dept.get()] += i128::from(amount);
            }
            if overlap > 0 {
                let row = b.months.entry(l.month).or_insert_with(|| vec![0; n + arrangements.len()]);
                row[bucket] += round_div(i128::from(amount) * overlap, days);
            }
        }
    }
}

/// `percent` % of `ore`, rounded once to øre (half away from zero).
fn share_of(ore: i128, percent: crate::model::money::Weight) -> Option<i128> {
    let v = Decimal::from_i128_with_scale(ore, 0).checked_mul(percent.value())? / Decimal::ONE_HUNDRED;
    v.round_dp_with_strategy(0, rust_decimal::RoundingStrategy::MidpointAwayFromZero).to_i128()
}

/// One grant's year: month by month in date order, the part (the share of what it covers, at most
/// what is left of the total) shared out over the buckets by largest remainder.
fn grant_year(
    policy: &Policy,
    g: &Grant,
    arrangements: &[(&HashSet<Arc<str>>, DeptIx)],
    b: Bases,
    year: i32,
    booked_through: Option<Month>,
    parts: &mut ArrangementParts,
) -> Result<GrantYear, ComputeError> {
    let over = || ComputeError::Overflow { item: format!("grant '{}'", g.id) };
    let n = policy.departments().len();
    let (mut used, mut before, mut actual, mut forecast) = (0i128, 0i128, 0i128, 0i128);
    let mut part = vec![0i128; n];
    let mut own = vec![0i128; n];
    let later = usize::try_from(b.last_year - year).unwrap_or(0);
    let mut own_later = vec![vec![0i128; n]; later];
    let mut covered_later = vec![0i128; later];
    for (month, row) in &b.months {
        let weights: Vec<u128> = row.iter().map(|&v| u128::try_from(v.max(0)).unwrap_or(0)).collect();
        let base: i128 = row.iter().map(|&v| v.max(0)).sum();
        let mut amount = share_of(base, g.percent).ok_or_else(over)?;
        if let Some(total) = g.amount {
            amount = amount.min(i128::from(total) - used).max(0);
        }
        if amount == 0 {
            continue;
        }
        used += amount;
        match month.year().cmp(&year) {
            std::cmp::Ordering::Less => before += amount,
            std::cmp::Ordering::Equal if booked_through.is_some_and(|bt| *month <= bt) => actual += amount,
            std::cmp::Ordering::Equal => forecast += amount,
            std::cmp::Ordering::Greater => {
                if let Some(c) = usize::try_from(month.year() - year - 1).ok().and_then(|k| covered_later.get_mut(k)) {
                    *c += amount;
                }
            }
        }
        let mut later_own = usize::try_from(month.year() - year - 1).ok().and_then(|k| own_later.get_mut(k));
        let mut out = vec![0i64; weights.len()];
        let mut left = vec![false; weights.len()];
        split_ore(i64::try_from(amount).map_err(|_| over())?, &weights, &mut out, &mut left).map_err(|_| over())?;
        for (bucket, &v) in out.iter().enumerate() {
            let dept = if bucket < n { bucket } else { arrangements[bucket - n].1.get() };
            if bucket >= n {
                *parts.0[bucket - n].entry(*month).or_default() += i128::from(v);
            }
            if month.year() == year {
                part[dept] += i128::from(v);
                if bucket < n {
                    own[dept] -= i128::from(v);
                }
            } else if let (true, Some(o)) = (bucket < n, later_own.as_deref_mut()) {
                o[dept] -= i128::from(v);
            }
        }
    }
    let m = |v: i128| {
        i64::try_from(v).ok().filter(|v| v.abs() <= crate::model::money::MAX_ORE).map(Money::from_ore).ok_or_else(over)
    };
    let covered = |d: usize| g.departments.is_empty() || g.departments.iter().any(|x| x.get() == d);
    let mut departments = Vec::new();
    for (ix, dept) in policy.department_ixs().filter(|(ix, _)| covered(ix.get())) {
        let (cost, grant) = (b.cost[ix.get()], part[ix.get()]);
        if cost != 0 || grant != 0 {
            departments.push(GrantDepartment {
                department: dept.id.clone(),
                cost: m(cost)?,
                grant: m(grant)?,
                own: m(cost - grant)?,
            });
        }
    }
    let postings = postings(policy, g, year, &part)?;
    Ok(GrantYear {
        id: g.id.clone(),
        name: g.name.clone(),
        from: g.from,
        to: g.to,
        percent: g.percent.value().normalize().to_string(),
        total: g.amount.map(Money::from_ore),
        covered_before: m(before)?,
        covered_actual: m(actual)?,
        covered_forecast: m(forecast)?,
        covered: m(actual + forecast)?,
        left: g.amount.map(|t| m(i128::from(t) - before - actual - forecast)).transpose()?,
        departments,
        postings,
        shift: Shift::from_ixs(policy, own),
        later_shifts: own_later.into_iter().map(|o| Shift::from_ixs(policy, o)).collect(),
        covered_later,
    })
}

/// The grant's income per department with a part in the budget year, one posting each (negative:
/// income), in December of the budget year or the grant's last month if it ends earlier in the year.
/// Art 8.6 (*statstilskud*) in dranst 1: the art list of Budget- og regnskabssystem for kommuner,
/// section 2.5 ("7.6 Betalinger fra staten", "8.6 Statstilskud"); that a project grant from a
/// national pool belongs on 8.6 rather than 7.6 is a reading, not confirmed against the art's text.
fn postings(policy: &Policy, g: &Grant, year: i32, part: &[i128]) -> Result<Vec<FinancingPosting>, ComputeError> {
    let Some(account) = &g.account else { return Ok(Vec::new()) };
    let over = || ComputeError::Overflow { item: format!("grant '{}'", g.id) };
    let month = match g.to.filter(|t| t.year() == year) {
        Some(t) => t.month_of(),
        None => Month::new(year, 12).ok_or_else(over)?,
    };
    let mut out = Vec::new();
    for (ix, dept) in policy.department_ixs() {
        let v = part[ix.get()];
        if v == 0 {
            continue;
        }
        let muni = &policy.municipalities()[dept.municipality.get()];
        out.push(FinancingPosting {
            month,
            municipality: muni.id.clone(),
            code: muni.code,
            department: dept.id.clone(),
            kind: PostingType::StateGrant,
            art: PostingType::StateGrant.art(),
            amount: Money::from_ore(-i64::try_from(v).map_err(|_| over())?),
            counterpart: g.id.clone(),
            purpose: FinancingPurpose::Grant,
            arrangement: g.id.clone(),
            function: Some(account.clone()),
        });
    }
    Ok(out)
}
