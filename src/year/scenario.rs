//! A scenario: the same cases under another policy (changed keys, agreements, year section), and per
//! department and year what changes (SEMANTICS.md section 10).

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::model::error::ComputeError;
use crate::model::money::{Money, MAX_ORE};
use crate::policy::Policy;
use crate::year::financing::Shift;
use crate::year::portfolio::{at_level, Change, DepartmentFigures, Figures, Portfolio, Scenario, LATER_YEARS};

/// (gross, net) per year of a department's figures: the budget year's expected cost, then the later years.
fn by_year(year: i32, f: &Figures) -> Vec<(i32, i64, i64)> {
    let mut out = vec![(year, f.expected.ore(), f.net.ore())];
    out.extend(f.later_years.iter().map(|y| (y.year, y.gross.ore(), y.net.ore())));
    out
}

/// Øre per department id.
pub type ByDepartment = BTreeMap<Arc<str>, i64>;

/// Each department's financed cost per year (the budget year, then the later years), in øre: its
/// net cost plus what the pools, compensations and grants move of it (`moves`). A later year's
/// moves are computed at the budget year's prices and put at the year's price level
/// (`index(year) / index(budget year)` of the portfolio's policy), rounded once per department and
/// year (SEMANTICS.md section 10, "Financed cost").
pub fn financed(policy: &Policy, p: &Portfolio) -> Result<Vec<(i32, ByDepartment)>, ComputeError> {
    let overflow = || ComputeError::Overflow { item: "the financed cost".to_string() };
    let index = &policy.year.index;
    let mut out = Vec::with_capacity(LATER_YEARS + 1);
    for k in 0..=LATER_YEARS {
        let year = p.year + k as i32;
        let net = |d: &DepartmentFigures| match k {
            0 => Some(d.figures.net.ore()),
            _ => d.figures.later_years.get(k - 1).map(|y| y.net.ore()),
        };
        let level = index.get(&p.year).copied().zip(index.get(&year).copied()).filter(|_| k > 0);
        let mut by_department: BTreeMap<Arc<str>, i128> =
            p.departments.iter().filter_map(|d| Some((d.department.clone(), i128::from(net(d)?)))).collect();
        for (d, v) in moves(p, k)? {
            let v = match level {
                Some((from, to)) => at_level(v, to, from).ok_or_else(overflow)?,
                None => v,
            };
            *by_department.entry(d).or_default() += v;
        }
        let by_department = by_department
            .into_iter()
            .map(|(d, v)| i64::try_from(v).ok().filter(|v| v.abs() <= MAX_ORE).map(|v| (d, v)).ok_or_else(overflow))
            .collect::<Result<_, _>>()?;
        out.push((year, by_department));
    }
    Ok(out)
}

/// The budget year's (`k` 0) or later year `k`'s shift of an arrangement.
fn pick<'a>(k: usize, shift: &'a Shift, later: &'a [Shift]) -> Option<&'a Shift> {
    if k == 0 {
        Some(shift)
    } else {
        later.get(k - 1)
    }
}

/// What the financing models move of each department's cost in year `k` (0: the budget year), in
/// øre at the budget year's prices. Over the departments they add up to − the grants' parts of the
/// year − Σ pools (opening balance − carried over); this is checked.
fn moves(p: &Portfolio, k: usize) -> Result<BTreeMap<Arc<str>, i128>, ComputeError> {
    let mut moved: BTreeMap<Arc<str>, i128> = BTreeMap::new();
    let shifts = p.pools.iter().filter_map(|x| pick(k, &x.shift, &x.later_shifts));
    let shifts = shifts.chain(p.compensations.iter().filter_map(|x| pick(k, &x.shift, &x.later_shifts)));
    for s in shifts.chain(p.grants.iter().filter_map(|x| pick(k, &x.shift, &x.later_shifts))) {
        for (d, v) in &s.0 {
            *moved.entry(d.clone()).or_default() += v;
        }
    }
    let grants: i128 = p
        .grants
        .iter()
        .map(|g| match k {
            0 => i128::from(g.covered.ore()),
            _ => g.covered_later.get(k - 1).copied().unwrap_or(0),
        })
        .sum();
    let kept = |opening: Money, carried: Money| i128::from(opening.ore()) - i128::from(carried.ore());
    let kept: i128 = p
        .pools
        .iter()
        .map(|x| match k {
            0 => kept(x.opening_balance, x.carried_over),
            _ => x.later_years.get(k - 1).map_or(0, |y| kept(y.opening_balance, y.carried_over)),
        })
        .sum();
    if moved.values().sum::<i128>() != -grants - kept {
        return Err(ComputeError::Overflow { item: "the financed cost".to_string() });
    }
    Ok(moved)
}

/// Compare the portfolio as it is (under its policy) with the scenario's; departments are matched
/// by id (one missing from a policy counts as nothing).
pub fn compare(before: (&Policy, &Portfolio), after: (&Policy, Portfolio)) -> Result<Scenario, ComputeError> {
    let mut rows: BTreeMap<(Arc<str>, i32), [i64; 6]> = BTreeMap::new();
    for (side, (policy, p)) in [(0usize, before), (1, (after.0, &after.1))] {
        for d in &p.departments {
            for (y, gross, net) in by_year(p.year, &d.figures) {
                let r = rows.entry((d.department.clone(), y)).or_default();
                r[side] = gross;
                r[side + 2] = net;
            }
        }
        for (y, by_department) in financed(policy, p)? {
            for (d, v) in by_department {
                rows.entry((d, y)).or_default()[side + 4] = v;
            }
        }
    }
    let overflow = |what: &str| ComputeError::Overflow { item: format!("the scenario's difference of {what}") };
    let mut changes = Vec::new();
    for ((department, year), [gb, ga, nb, na, fb, fa]) in rows {
        if gb == ga && nb == na && fb == fa {
            continue;
        }
        let gd = ga.checked_sub(gb).ok_or_else(|| overflow(&department))?;
        let nd = na.checked_sub(nb).ok_or_else(|| overflow(&department))?;
        let fd = fa.checked_sub(fb).ok_or_else(|| overflow(&department))?;
        changes.push(Change {
            department,
            year,
            gross_before: Money::from_ore(gb),
            gross_after: Money::from_ore(ga),
            gross_difference: Money::from_ore(gd),
            net_before: Money::from_ore(nb),
            net_after: Money::from_ore(na),
            net_difference: Money::from_ore(nd),
            financed_before: Money::from_ore(fb),
            financed_after: Money::from_ore(fa),
            financed_difference: Money::from_ore(fd),
        });
    }
    Ok(Scenario { changes, portfolio: after.1 })
}
