//! Financing models over the portfolio's budget year (SEMANTICS.md section 13).
//!
//! A pool pays the eligible costs of its services in the budget year from the yearly contributions
//! and the balance carried over from last year. At year end the result (funds less costs; positive:
//! a surplus) is carried over to next year up to the cap, and the rest is settled by the key: a
//! surplus goes back, a deficit is called in. Each department's cost under the pool is its
//! contribution plus its settlement; the departments together pay the costs less the opening
//! balance plus what is carried over, to the øre.

use std::collections::BTreeMap;
use std::sync::Arc;

use schemars::JsonSchema;
use serde::Serialize;

use crate::case::Case;
use crate::engine::split::split_ore;
use crate::model::date::{Date, Month};
use crate::model::error::ComputeError;
use crate::model::money::{Money, MAX_WEIGHT_DECIMALS};
use crate::model::validity::Period;
use crate::policy::{DeptIx, Policy, Pool};
use crate::report::postings::PostingType;

/// What the grants cover of the lines that pools and compensations pay whole: per arrangement
/// (the pools, then the compensations, in policy order) and month, in øre.
#[derive(Debug, Clone, Default)]
pub struct ArrangementParts(pub Vec<BTreeMap<Month, i128>>);

/// What an arrangement moves of each department's cost in the budget year, in øre, per department id
/// (departments it moves nothing of left out): for a pool its net less its per-case split, for a
/// compensation its share less its per-case split, for a grant minus its part of the department's own
/// shares (not of the lines a pool or compensation pays whole: those come off the arrangement's costs).
/// Not in the JSON answer; the scenario's `financed` figures add it up (SEMANTICS.md section 10).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Shift(pub Vec<(Arc<str>, i128)>);

impl Shift {
    /// From a vector per department index, leaving out the zeros.
    pub fn from_ixs(policy: &Policy, v: impl IntoIterator<Item = i128>) -> Shift {
        let ids = policy.departments().iter().map(|d| d.id.clone());
        Shift(ids.zip(v).filter(|(_, v)| *v != 0).collect())
    }
}

/// A pool's year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct PoolYear {
    /// Pool id.
    pub id: Arc<str>,
    /// Name.
    pub name: Arc<str>,
    /// The department holding the pool.
    pub holder: Arc<str>,
    /// Carried over from last year (negative: a deficit).
    pub opening_balance: Money,
    /// The year's contributions.
    pub contributions: Money,
    /// The eligible costs of the pool's services booked through `booked_through`.
    pub costs_actual: Money,
    /// The eligible costs of the pool's services forecast to the year's end.
    pub costs_forecast: Money,
    /// Actual plus forecast costs.
    pub costs: Money,
    /// Opening balance plus contributions less costs (positive: a surplus, negative: a deficit).
    pub result: Money,
    /// Carried over to next year (at most the cap; none without a cap).
    pub carried_over: Money,
    /// Settled by the key: the result less what is carried over.
    pub settled: Money,
    /// Per department in the pool (a contribution or a weight in the key), in id order.
    pub departments: Vec<PoolDepartment>,
    /// The postings of the contributions (January) and the settlement (December).
    pub postings: Vec<FinancingPosting>,
    /// Next year and the three estimate years: each opens with what the year before carried over.
    pub later_years: Vec<PoolLaterYear>,
    /// Net less the per-case split of every department (also those not in the pool).
    #[serde(skip)]
    pub shift: Shift,
    /// The same for each later year, at the budget year's prices.
    #[serde(skip)]
    pub later_shifts: Vec<Shift>,
}

/// A pool's later year (next year or an estimate year), its costs at the budget year's prices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct PoolLaterYear {
    /// The year.
    pub year: i32,
    /// Carried over from the year before.
    pub opening_balance: Money,
    /// The year's contributions (as in the budget year).
    pub contributions: Money,
    /// The eligible costs of the pool's services in the year, less what grants cover of them.
    pub costs: Money,
    /// Opening balance plus contributions less costs.
    pub result: Money,
    /// Carried over to the year after (at most the cap).
    pub carried_over: Money,
    /// Settled by the key.
    pub settled: Money,
}

/// A department's year in a pool.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct PoolDepartment {
    /// Department id.
    pub department: Arc<str>,
    /// Its contribution.
    pub contribution: Money,
    /// Its settlement: negative when a surplus goes back, positive when a deficit is called in.
    pub settlement: Money,
    /// Contribution plus settlement: its cost under the pool.
    pub net: Money,
    /// Its shares of the same costs under the per-case split.
    pub per_case_split: Money,
    /// Net less the per-case split (positive: the pool costs it more).
    pub difference: Money,
}

/// What a financing posting books.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FinancingPurpose {
    /// A yearly contribution to a pool.
    Contribution,
    /// The year-end settlement of a pool.
    Settlement,
    /// A department's compensation to the one that pays (mellemregning).
    Compensation,
    /// A grant's income (external co-financing).
    Grant,
}

/// One posting of a financing arrangement. Each pair (department and counterpart) nets to zero.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct FinancingPosting {
    /// The month booked.
    pub month: Month,
    /// Municipality id.
    pub municipality: Arc<str>,
    /// Kommunekode.
    pub code: u16,
    /// Department (cost centre) id.
    pub department: Arc<str>,
    /// Kind of posting: an internal transfer within a municipality (main type 9), a payment to
    /// (art 4.7) or income from (art 7.7) another municipality.
    #[serde(rename = "type")]
    pub kind: PostingType,
    /// Art of the chart of accounts.
    pub art: &'static str,
    /// Amount (positive: an expense).
    pub amount: Money,
    /// The other department.
    pub counterpart: Arc<str>,
    /// What it books.
    pub purpose: FinancingPurpose,
    /// The arrangement's id.
    pub arrangement: Arc<str>,
    /// The function posted on, when the arrangement names one (a grant's `account`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub function: Option<Arc<str>>,
}

/// Every pool of the policy over the budget year and the `later` years after it. `booked_through`
/// splits actual from forecast; `grants` is what the grants cover of the pools' lines (pool `k` is
/// arrangement `k`).
pub fn pools(
    policy: &Policy,
    cases: &[Case],
    (year, later): (i32, usize),
    booked_through: Option<Month>,
    grants: &ArrangementParts,
) -> Result<Vec<PoolYear>, ComputeError> {
    let pools = &policy.year.pools;
    if pools.is_empty() {
        return Ok(Vec::new());
    }
    let bad = || ComputeError::PeriodEndBeforeStart { from: year.to_string(), to: year.to_string() };
    let last = year + i32::try_from(later).map_err(|_| bad())?;
    let period =
        Period { from: Date::new(year, 1, 1).map_err(|_| bad())?, to: Date::new(last, 12, 31).map_err(|_| bad())? };
    let n = policy.departments().len();
    // Per pool: actual and forecast costs, the later years' costs, and the per-case split per year
    // (0: the budget year) and department.
    let mut costs = vec![(0i128, 0i128, vec![0i128; later], vec![vec![0i128; n]; later + 1]); pools.len()];
    crate::engine::each_result(policy, cases, period, |r| {
        for l in r.lines.iter().filter(|l| l.eligible) {
            let Some(k) = pools.iter().position(|p| p.services.contains(&l.service)) else { continue };
            let slot = &mut costs[k];
            let v = i128::from(l.amount.ore());
            let Some(y) = usize::try_from(l.month.year() - year).ok().filter(|&y| y <= later) else { continue };
            for s in &l.shares {
                slot.3[y][s.dept.get()] += i128::from(s.amount.ore());
            }
            if y > 0 {
                slot.2[y - 1] += v;
            } else if booked_through.is_some_and(|b| l.month <= b) {
                slot.0 += v;
            } else {
                slot.1 += v;
            }
        }
        Ok(())
    })?;
    for (k, slot) in costs.iter_mut().enumerate() {
        for (&month, &v) in grants.0.get(k).into_iter().flatten() {
            match month.year() - year {
                0 if booked_through.is_some_and(|b| month <= b) => slot.0 -= v,
                0 => slot.1 -= v,
                d if d > 0 => {
                    if let Some(c) = usize::try_from(d - 1).ok().and_then(|i| slot.2.get_mut(i)) {
                        *c -= v;
                    }
                }
                _ => {}
            }
        }
    }
    pools
        .iter()
        .zip(costs)
        .map(|(p, (a, f, later, split))| {
            let mut y = pool_year(policy, p, year, a, f, &split[0])?;
            (y.later_years, y.later_shifts) = later_years(policy, p, year, y.carried_over.ore(), &later, &split[1..])?;
            Ok(y)
        })
        .collect()
}

/// A pool's later years: each opens with what the year before carried over, gets the same
/// contributions, pays its costs and carries over up to the cap; with each year what the pool moves
/// of each department's cost (`split`: the per-case split per later year and department).
fn later_years(
    policy: &Policy,
    p: &Pool,
    year: i32,
    carried: i64,
    costs: &[i128],
    split: &[Vec<i128>],
) -> Result<(Vec<PoolLaterYear>, Vec<Shift>), ComputeError> {
    let contributions: i128 = p.contributions.iter().map(|&(_, c)| i128::from(c)).sum();
    let mut opening = i128::from(carried);
    let mut out = Vec::with_capacity(costs.len());
    let mut shifts = Vec::with_capacity(costs.len());
    for (k, &c) in costs.iter().enumerate() {
        let result = opening + contributions - c;
        let carried = carry(p, result);
        let shares = settle(p, money(result - carried, p)?.ore())?;
        shifts.push(Shift::from_ixs(policy, moved(p, &split[k], &shares)));
        out.push(PoolLaterYear {
            year: year + 1 + k as i32,
            opening_balance: money(opening, p)?,
            contributions: money(contributions, p)?,
            costs: money(c, p)?,
            result: money(result, p)?,
            carried_over: money(carried, p)?,
            settled: money(result - carried, p)?,
        });
        opening = carried;
    }
    Ok((out, shifts))
}

/// What a pool moves of each department's cost (by index): its contribution less its share of the
/// settled result less its per-case split of the pool's lines.
fn moved(p: &Pool, split: &[i128], shares: &[(DeptIx, i64)]) -> Vec<i128> {
    let mut moved: Vec<i128> = split.iter().map(|v| -v).collect();
    for (d, c) in &p.contributions {
        moved[d.get()] += i128::from(*c);
    }
    for (d, v) in shares {
        moved[d.get()] -= i128::from(*v);
    }
    moved
}

/// What of a result is carried over: up to the cap, with its sign; nothing without a cap.
fn carry(p: &Pool, result: i128) -> i128 {
    match p.carry_over_cap {
        Some(cap) => result.signum() * result.abs().min(i128::from(cap)),
        None => 0,
    }
}

/// Øre as money, or an overflow error naming the pool.
fn money(ore: i128, pool: &Pool) -> Result<Money, ComputeError> {
    let limit = i128::from(crate::model::money::MAX_ORE);
    match i64::try_from(ore) {
        Ok(v) if ore.abs() <= limit => Ok(Money::from_ore(v)),
        _ => Err(ComputeError::Overflow { item: format!("pool '{}'", pool.id) }),
    }
}

/// One pool's year from its costs.
fn pool_year(
    policy: &Policy,
    p: &Pool,
    year: i32,
    actual: i128,
    forecast: i128,
    split: &[i128],
) -> Result<PoolYear, ComputeError> {
    let contributions: i128 = p.contributions.iter().map(|&(_, c)| i128::from(c)).sum();
    let costs = actual + forecast;
    let result = i128::from(p.opening_balance) + contributions - costs;
    let carried = carry(p, result);
    let settled = result - carried;
    let shares = settle(p, money(settled, p)?.ore())?;
    let mut ixs: Vec<DeptIx> = p.contributions.iter().map(|c| c.0).chain(p.key.iter().map(|k| k.0)).collect();
    ixs.sort();
    ixs.dedup();
    let mut departments = Vec::with_capacity(ixs.len());
    let mut postings = Vec::new();
    for d in ixs {
        let contribution = p.contributions.iter().filter(|c| c.0 == d).map(|c| i128::from(c.1)).sum::<i128>();
        let settlement = -shares.iter().filter(|s| s.0 == d).map(|s| i128::from(s.1)).sum::<i128>();
        let net = contribution + settlement;
        let id = policy.departments()[d.get()].id.clone();
        departments.push(PoolDepartment {
            department: id,
            contribution: money(contribution, p)?,
            settlement: money(settlement, p)?,
            net: money(net, p)?,
            per_case_split: money(split[d.get()], p)?,
            difference: money(net - split[d.get()], p)?,
        });
        if d != p.holder {
            for (m, amount, purpose) in
                [(1, contribution, FinancingPurpose::Contribution), (12, settlement, FinancingPurpose::Settlement)]
            {
                let month =
                    Month::new(year, m).ok_or_else(|| ComputeError::Overflow { item: format!("year {year}") })?;
                if amount != 0 {
                    postings.extend(pair(policy, d, p.holder, money(amount, p)?, month, purpose, &p.id));
                }
            }
        }
    }
    postings.sort_by_key(|x| x.month);
    Ok(PoolYear {
        id: p.id.clone(),
        name: p.name.clone(),
        holder: policy.departments()[p.holder.get()].id.clone(),
        opening_balance: money(i128::from(p.opening_balance), p)?,
        contributions: money(contributions, p)?,
        costs_actual: money(actual, p)?,
        costs_forecast: money(forecast, p)?,
        costs: money(costs, p)?,
        result: money(result, p)?,
        carried_over: money(carried, p)?,
        settled: money(settled, p)?,
        departments,
        postings,
        later_years: Vec::new(),
        shift: Shift::from_ixs(policy, moved(p, split, &shares)),
        later_shifts: Vec::new(),
    })
}

/// Share `amount` øre out by the pool's key (largest remainder, ties to the department first in id
/// order).
fn settle(p: &Pool, amount: i64) -> Result<Vec<(DeptIx, i64)>, ComputeError> {
    let mut key = p.key.clone();
    key.sort_by_key(|k| k.0);
    if amount == 0 {
        return Ok(key.iter().map(|k| (k.0, 0)).collect());
    }
    let scale = key.iter().map(|k| k.1.value().scale()).max().unwrap_or(0).min(MAX_WEIGHT_DECIMALS);
    let weights: Vec<u128> = key.iter().map(|k| k.1.scaled(scale)).collect();
    let mut out = vec![0; weights.len()];
    let mut left = vec![false; weights.len()];
    split_ore(amount, &weights, &mut out, &mut left)
        .map_err(|_| ComputeError::Overflow { item: format!("the settlement of pool '{}'", p.id) })?;
    Ok(key.iter().map(|k| k.0).zip(out).collect())
}

/// The two postings that move `amount` from department `from` (an expense there) to `to` (income
/// there): an internal transfer (main type 9) within a municipality, otherwise a payment to another
/// municipality (art 4.7) at the paying side and income from another municipality (art 7.7) at the
/// receiving side. A negative amount moves the other way. The arts follow the domain primer
/// (/work/shared/domain/README.md, "Cash benefits are booked ...") and `report::postings`.
fn pair(
    policy: &Policy,
    from: DeptIx,
    to: DeptIx,
    amount: Money,
    month: Month,
    purpose: FinancingPurpose,
    arrangement: &Arc<str>,
) -> [FinancingPosting; 2] {
    let depts = policy.departments();
    let (a, b) = (&depts[from.get()], &depts[to.get()]);
    let same = a.municipality == b.municipality;
    let kind = |pays: bool| match (same, pays) {
        (true, _) => PostingType::InternalTransfer,
        (false, true) => PostingType::PaymentToMunicipality,
        (false, false) => PostingType::IncomeFromMunicipality,
    };
    let post = |d: &crate::policy::Department, other: &Arc<str>, amount: Money| {
        let m = &policy.municipalities()[d.municipality.get()];
        let k = kind(amount.ore() > 0);
        FinancingPosting {
            month,
            municipality: m.id.clone(),
            code: m.code,
            department: d.id.clone(),
            kind: k,
            art: k.art(),
            amount,
            counterpart: other.clone(),
            purpose,
            arrangement: arrangement.clone(),
            function: None,
        }
    };
    [post(a, &b.id, amount), post(b, &a.id, Money::from_ore(-amount.ore()))]
}

/// A compensation's year: one department pays, the others compensate it by key per period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct CompensationYear {
    /// Id.
    pub id: Arc<str>,
    /// Name.
    pub name: Arc<str>,
    /// The department that pays everything.
    pub payer: Arc<str>,
    /// The eligible costs of its services in the budget year.
    pub costs: Money,
    /// Each settlement period: its last month, its costs and the key's shares.
    pub periods: Vec<CompensationPeriod>,
    /// Per department in the key, in id order: its shares over the year.
    pub departments: Vec<CompensationDepartment>,
    /// The compensations, posted in each period's last month.
    pub postings: Vec<FinancingPosting>,
    /// Share less the per-case split of every department (also those not in the key).
    #[serde(skip)]
    pub shift: Shift,
    /// The same for each later year (its periods settled as in the budget year), at the budget
    /// year's prices.
    #[serde(skip)]
    pub later_shifts: Vec<Shift>,
}

/// One settlement period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct CompensationPeriod {
    /// The period's last month, when it is settled.
    pub settled_in: Month,
    /// The period's costs.
    pub costs: Money,
}

/// A department's year in a compensation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct CompensationDepartment {
    /// Department id.
    pub department: Arc<str>,
    /// Its share by the key: what it bears (the payer's own share included).
    pub share: Money,
    /// What it pays to the payer (0 for the payer).
    pub compensation: Money,
    /// Its shares of the same costs under the per-case split.
    pub per_case_split: Money,
    /// Share less the per-case split.
    pub difference: Money,
}

/// Every compensation of the policy over the budget year, and what it moves of each department's
/// cost in the `later` years after it.
pub fn compensations(
    policy: &Policy,
    cases: &[Case],
    (year, later): (i32, usize),
    grants: &ArrangementParts,
) -> Result<Vec<CompensationYear>, ComputeError> {
    let list = &policy.year.compensations;
    if list.is_empty() {
        return Ok(Vec::new());
    }
    let bad = || ComputeError::PeriodEndBeforeStart { from: year.to_string(), to: year.to_string() };
    let last = year + i32::try_from(later).map_err(|_| bad())?;
    let period =
        Period { from: Date::new(year, 1, 1).map_err(|_| bad())?, to: Date::new(last, 12, 31).map_err(|_| bad())? };
    let n = policy.departments().len();
    // Per compensation: costs per month (12 per year, the budget year first) and the per-case split
    // per year and department.
    let mut costs = vec![(vec![0i64; 12 * (later + 1)], vec![vec![0i128; n]; later + 1]); list.len()];
    let slot = |month: Month| {
        let k = usize::try_from(month.year() - year).ok().filter(|&k| k <= later)?;
        Some((k, k * 12 + (month.month() as usize).saturating_sub(1).min(11)))
    };
    crate::engine::each_result(policy, cases, period, |r| {
        for l in r.lines.iter().filter(|l| l.eligible) {
            let Some(k) = list.iter().position(|p| p.services.contains(&l.service)) else { continue };
            let Some((y, m)) = slot(l.month) else { continue };
            costs[k].0[m] = costs[k].0[m].saturating_add(l.amount.ore());
            for s in &l.shares {
                costs[k].1[y][s.dept.get()] += i128::from(s.amount.ore());
            }
        }
        Ok(())
    })?;
    // Compensation j is arrangement pools + j; the grants' parts come off each month's costs.
    let first = policy.year.pools.len();
    for (j, c) in costs.iter_mut().enumerate() {
        for (&month, &v) in grants.0.get(first + j).into_iter().flatten() {
            if let Some((_, m)) = slot(month) {
                c.0[m] = c.0[m].saturating_sub(i64::try_from(v).unwrap_or(i64::MAX));
            }
        }
    }
    list.iter()
        .zip(costs)
        .map(|(c, (months, split))| {
            let mut y = compensation_year(policy, c, year, &months[..12], &split[0])?;
            for k in 1..=later {
                let shares = period_shares(c, &months[k * 12..(k + 1) * 12])?;
                y.later_shifts.push(compensation_shift(policy, &shares, &split[k]));
            }
            Ok(y)
        })
        .collect()
}

/// A compensation as a pool without contributions: its key settles each period's costs.
fn as_pool(c: &crate::policy::Compensation) -> Pool {
    Pool {
        id: c.id.clone(),
        name: c.name.clone(),
        holder: c.payer,
        services: c.services.clone(),
        contributions: Vec::new(),
        key: c.key.clone(),
        carry_over_cap: None,
        opening_balance: 0,
    }
}

/// Each department's shares by the key of a year's periods (each period's costs settled on their
/// own), summed over the periods, in id order of the key's departments.
fn period_shares(c: &crate::policy::Compensation, months: &[i64]) -> Result<Vec<(DeptIx, i128)>, ComputeError> {
    let pool = as_pool(c);
    let mut key: Vec<DeptIx> = c.key.iter().map(|k| k.0).collect();
    key.sort();
    let mut shares: Vec<(DeptIx, i128)> = key.into_iter().map(|d| (d, 0)).collect();
    let step = c.frequency.months() as usize;
    for chunk in months.chunks(step) {
        for (i, (_, v)) in settle(&pool, chunk.iter().sum())?.into_iter().enumerate() {
            shares[i].1 += i128::from(v);
        }
    }
    Ok(shares)
}

/// What a compensation moves of each department's cost: its share less its per-case split.
fn compensation_shift(policy: &Policy, shares: &[(DeptIx, i128)], split: &[i128]) -> Shift {
    let mut moved: Vec<i128> = split.iter().map(|v| -v).collect();
    for (d, share) in shares {
        moved[d.get()] += share;
    }
    Shift::from_ixs(policy, moved)
}

/// One compensation's year: each period's costs split by the key (largest remainder, ties to the
/// first in id order); every department but the payer pays its share to the payer.
fn compensation_year(
    policy: &Policy,
    c: &crate::policy::Compensation,
    year: i32,
    months: &[i64],
    split: &[i128],
) -> Result<CompensationYear, ComputeError> {
    let over = || ComputeError::Overflow { item: format!("compensation '{}'", c.id) };
    let as_money = |v: i128| {
        i64::try_from(v).ok().filter(|v| v.abs() <= crate::model::money::MAX_ORE).map(Money::from_ore).ok_or_else(over)
    };
    let pool = as_pool(c);
    let mut key: Vec<DeptIx> = c.key.iter().map(|k| k.0).collect();
    key.sort();
    let mut shares = vec![0i128; key.len()];
    let mut periods = Vec::new();
    let mut postings = Vec::new();
    let step = c.frequency.months() as usize;
    for (p, chunk) in months.chunks(step).enumerate() {
        let last = Month::new(year, ((p + 1) * step) as u32).ok_or_else(over)?;
        let cost: i64 = chunk.iter().sum();
        periods.push(CompensationPeriod { settled_in: last, costs: Money::from_ore(cost) });
        for (i, (d, v)) in settle(&pool, cost)?.into_iter().enumerate() {
            shares[i] += i128::from(v);
            if d != c.payer && v != 0 {
                let purpose = FinancingPurpose::Compensation;
                postings.extend(pair(policy, d, c.payer, Money::from_ore(v), last, purpose, &c.id));
            }
        }
    }
    let by_key: Vec<(DeptIx, i128)> = key.iter().copied().zip(shares.iter().copied()).collect();
    let mut departments = Vec::with_capacity(key.len());
    for (d, share) in key.iter().zip(&shares) {
        departments.push(CompensationDepartment {
            department: policy.departments()[d.get()].id.clone(),
            share: as_money(*share)?,
            compensation: as_money(if *d == c.payer { 0 } else { *share })?,
            per_case_split: as_money(split[d.get()])?,
            difference: as_money(share - split[d.get()])?,
        });
    }
    Ok(CompensationYear {
        id: c.id.clone(),
        name: c.name.clone(),
        payer: policy.departments()[c.payer.get()].id.clone(),
        costs: as_money(months.iter().map(|&v| i128::from(v)).sum())?,
        periods,
        departments,
        postings,
        shift: compensation_shift(policy, &by_key, split),
        later_shifts: Vec::new(),
    })
}
