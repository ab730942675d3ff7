//! A scenario: the same cases under another policy (changed keys, agreements, year section), and per
//! department and year what changes (SEMANTICS.md section 10).

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::model::error::ComputeError;
use crate::model::money::Money;
use crate::year::portfolio::{Change, Figures, Portfolio, Scenario};

/// (gross, net) per year of a department's figures: the budget year's expected cost, then the later years.
fn by_year(year: i32, f: &Figures) -> Vec<(i32, i64, i64)> {
    let mut out = vec![(year, f.expected.ore(), f.net.ore())];
    out.extend(f.later_years.iter().map(|y| (y.year, y.gross.ore(), y.net.ore())));
    out
}

/// Compare the portfolio as it is with the scenario's; departments are matched by id (one missing
/// from a policy counts as nothing).
pub fn compare(before: &Portfolio, after: Portfolio) -> Result<Scenario, ComputeError> {
    let mut rows: BTreeMap<(Arc<str>, i32), [i64; 4]> = BTreeMap::new();
    for (side, p) in [(0usize, before), (1, &after)] {
        for d in &p.departments {
            for (y, gross, net) in by_year(p.year, &d.figures) {
                let r = rows.entry((d.department.clone(), y)).or_default();
                r[side] = gross;
                r[side + 2] = net;
            }
        }
    }
    let overflow = |what: &str| ComputeError::Overflow { item: format!("the scenario's difference of {what}") };
    let mut changes = Vec::new();
    for ((department, year), [gb, ga, nb, na]) in rows {
        if gb == ga && nb == na {
            continue;
        }
        let gd = ga.checked_sub(gb).ok_or_else(|| overflow(&department))?;
        let nd = na.checked_sub(nb).ok_or_else(|| overflow(&department))?;
        changes.push(Change {
            department,
            year,
            gross_before: Money::from_ore(gb),
            gross_after: Money::from_ore(ga),
            gross_difference: Money::from_ore(gd),
            net_before: Money::from_ore(nb),
            net_after: Money::from_ore(na),
            net_difference: Money::from_ore(nd),
        });
    }
    Ok(Scenario { changes, portfolio: after })
}
