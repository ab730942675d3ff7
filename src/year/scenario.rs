//! A scenario: the same cases under another policy (changed keys, agreements, year section), and per
//! department and year what changes (SEMANTICS.md section 9).

use std::collections::BTreeMap;
use std::sync::Arc;

use schemars::JsonSchema;
use serde::Serialize;

use crate::model::error::ComputeError;
use crate::model::money::Money;
use crate::year::portfolio::{Figures, Portfolio};

/// The portfolio under the scenario's policy and what changes against the portfolio as it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Scenario {
    /// Per department and year where the gross or net cost changes, by department id then year.
    pub changes: Vec<Change>,
    /// The portfolio under the scenario.
    pub portfolio: Portfolio,
}

/// A department's change in one year: the budget year's expected cost, or a later year's gross cost.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Change {
    /// Department id.
    pub department: Arc<str>,
    /// The year.
    pub year: i32,
    /// Gross cost as it is.
    pub gross_before: Money,
    /// Gross cost under the scenario.
    pub gross_after: Money,
    /// After less before.
    pub gross_difference: Money,
    /// Net cost (less reimbursement) as it is.
    pub net_before: Money,
    /// Net cost under the scenario.
    pub net_after: Money,
    /// After less before.
    pub net_difference: Money,
}

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
