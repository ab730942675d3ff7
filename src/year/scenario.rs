//! A scenario: the same cases under another policy (changed keys, agreements, year section), and per
//! department and year what changes (SEMANTICS.md section 10).

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::model::error::ComputeError;
use crate::model::money::{Money, MAX_ORE};
use crate::year::portfolio::{Change, Figures, Portfolio, Scenario};

/// (gross, net) per year of a department's figures: the budget year's expected cost, then the later years.
fn by_year(year: i32, f: &Figures) -> Vec<(i32, i64, i64)> {
    let mut out = vec![(year, f.expected.ore(), f.net.ore())];
    out.extend(f.later_years.iter().map(|y| (y.year, y.gross.ore(), y.net.ore())));
    out
}

/// Each department's financed cost in the budget year, in øre: its net cost plus what the pools,
/// compensations and grants move of it ([`crate::year::financing::Shift`]). The sum over the
/// departments is checked against Σ net − the grants' parts − Σ pools (opening balance − carried over).
pub fn financed(p: &Portfolio) -> Result<BTreeMap<Arc<str>, i64>, ComputeError> {
    let overflow = || ComputeError::Overflow { item: "the financed cost".to_string() };
    let mut out: BTreeMap<Arc<str>, i128> =
        p.departments.iter().map(|d| (d.department.clone(), i128::from(d.figures.net.ore()))).collect();
    let shifts = p.pools.iter().map(|x| &x.shift).chain(p.compensations.iter().map(|x| &x.shift));
    for s in shifts.chain(p.grants.iter().map(|g| &g.shift)) {
        for (d, v) in &s.0 {
            *out.entry(d.clone()).or_default() += v;
        }
    }
    let net: i128 = p.departments.iter().map(|d| i128::from(d.figures.net.ore())).sum();
    let grants: i128 = p.grants.iter().map(|g| i128::from(g.covered.ore())).sum();
    let kept: i128 =
        p.pools.iter().map(|x| i128::from(x.opening_balance.ore()) - i128::from(x.carried_over.ore())).sum();
    if out.values().sum::<i128>() != net - grants - kept {
        return Err(overflow());
    }
    out.into_iter()
        .map(|(d, v)| i64::try_from(v).ok().filter(|v| v.abs() <= MAX_ORE).map(|v| (d, v)).ok_or_else(overflow))
        .collect()
}

/// Compare the portfolio as it is with the scenario's; departments are matched by id (one missing
/// from a policy counts as nothing).
pub fn compare(before: &Portfolio, after: Portfolio) -> Result<Scenario, ComputeError> {
    let mut rows: BTreeMap<(Arc<str>, i32), [i64; 6]> = BTreeMap::new();
    for (side, p) in [(0usize, before), (1, &after)] {
        for d in &p.departments {
            for (y, gross, net) in by_year(p.year, &d.figures) {
                let r = rows.entry((d.department.clone(), y)).or_default();
                r[side] = gross;
                r[side + 2] = net;
            }
        }
        for (d, v) in financed(p)? {
            rows.entry((d, p.year)).or_default()[side + 4] = v;
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
        let budget_year = year == before.year;
        let financed = |v: i64| budget_year.then(|| Money::from_ore(v));
        changes.push(Change {
            department,
            year,
            gross_before: Money::from_ore(gb),
            gross_after: Money::from_ore(ga),
            gross_difference: Money::from_ore(gd),
            net_before: Money::from_ore(nb),
            net_after: Money::from_ore(na),
            net_difference: Money::from_ore(nd),
            financed_before: financed(fb),
            financed_after: financed(fa),
            financed_difference: financed(fd),
        });
    }
    Ok(Scenario { changes, portfolio: after })
}
