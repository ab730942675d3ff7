//! The computation: from a policy, a case and a period to split lines, totals, verdicts and state
//! reimbursement.
//!
//! * [`household`]: the family's facts, day by day (sector areas, consent, the criteria about a child);
//! * [`lines`]: segments, eligibility, authority and payer, keys and amounts, line by line;
//! * `prepared`: a household split once and kept, to split again the lines of a changed key;
//! * [`split`](mod@split): the largest-remainder split of one amount;
//! * [`reimbursement`]: state reimbursement of the household's cost;
//! * [`result`]: the result types;
//! * [`stream`]: a split whose lines are written out one at a time instead of kept.

pub mod household;
pub mod lines;
#[cfg(feature = "portfolio")]
pub(crate) mod prepared;
pub mod reimbursement;
pub mod result;
pub mod split;
pub mod stream;

pub use lines::MAX_PERIOD_MONTHS;
pub use result::*;

use crate::case::Case;
use crate::i18n::Message;
use crate::model::error::ComputeError;
use crate::model::validity::Period;
use crate::policy::Policy;
use household::Household;
pub use household::{within_household_limit, MAX_HOUSEHOLD_CASES};
pub use lines::MAX_HELD_SHARES;
use lines::{compute_lines, Held};

/// Split a case over a period (or, without one, over its services' own dates).
///
/// When the policy has a reimbursement scheme, the result carries the case's state reimbursement
/// as a household of one; [`compute_household`] adds siblings.
pub fn compute(policy: &Policy, case: &Case, period: Option<Period>) -> Result<SplitResult, ComputeError> {
    compute_household(policy, case, &[], period)
}

/// Split a case over a period as a child of its household: the family's criteria are decided over
/// the case and its `siblings` (the other children's cases, same `household` id; SEMANTICS.md
/// section 9), and when the policy has a reimbursement scheme the state reimbursement is computed
/// on the cost of the whole household. Only the case itself is split; the siblings are computed
/// over the same period for their cost.
pub fn compute_household(
    policy: &Policy,
    case: &Case,
    siblings: &[Case],
    period: Option<Period>,
) -> Result<SplitResult, ComputeError> {
    household::within_household_limit(&case.id, siblings.len() + 1)?;
    let mut cases = vec![case];
    let mut ids = std::collections::HashSet::from([case.id.as_str()]);
    for s in siblings {
        if s.household.is_none() || s.household != case.household {
            return Err(ComputeError::Household {
                item: format!("case '{}'", s.id),
                problem: Box::new(Message::OtherHousehold {
                    household: household_text(&s.household),
                    case: case.id.clone(),
                    case_household: household_text(&case.household),
                }),
            });
        }
        if !ids.insert(s.id.as_str()) {
            return Err(ComputeError::Household {
                item: format!("case '{}'", s.id),
                problem: Box::new(Message::SiblingTwice),
            });
        }
        cases.push(s);
    }
    let household = Household::new(cases)?;
    let mut held = Held::default();
    let result = compute_lines(policy, case, &household, 0, period, &mut held)?;
    let Some(scheme) = &policy.reimbursement else {
        return Ok(result);
    };
    let period = result.period;
    let mut results = Vec::with_capacity(siblings.len() + 1);
    results.push(result);
    for (i, s) in siblings.iter().enumerate() {
        // Each sibling is computed as a child of the same household.
        let mut order = household.clone();
        order.cases.swap(0, i + 1);
        results.push(compute_lines(policy, s, &order, 0, Some(period), &mut held)?);
    }
    let reimbursement = crate::engine::reimbursement::reimburse(policy, scheme, &household, &results)?;
    let mut result = results.swap_remove(0);
    result.reimbursement = Some(reimbursement);
    Ok(result)
}

/// Split every case of one household (the children's cases, one `household` id) over a period, each
/// as a child of the household (SEMANTICS.md section 9), and when the policy has a reimbursement
/// scheme reimburse the household's cost as a whole. For a portfolio or a batch, where every child
/// is split.
pub fn compute_family(
    policy: &Policy,
    cases: &[&Case],
    period: Option<Period>,
) -> Result<(Vec<SplitResult>, Option<Reimbursement>), ComputeError> {
    let household = Household::new(cases.to_vec())?;
    let mut results = Vec::with_capacity(cases.len());
    let mut held = Held::default();
    for (i, case) in cases.iter().enumerate() {
        let mut order = household.clone();
        order.cases.swap(0, i);
        results.push(compute_lines(policy, case, &order, 0, period, &mut held)?);
    }
    let reimbursement = match &policy.reimbursement {
        Some(scheme) => Some(crate::engine::reimbursement::reimburse(policy, scheme, &household, &results)?),
        None => None,
    };
    Ok((results, reimbursement))
}

/// The households of `cases`, as indices in the order given: the cases with one `household` id
/// together (households in the order of their first case), a case without one alone.
pub fn households(cases: &[Case]) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut by_id: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for (i, c) in cases.iter().enumerate() {
        match c.household.as_deref() {
            Some(h) => match by_id.get(h) {
                Some(&g) => groups[g].push(i),
                None => {
                    by_id.insert(h, groups.len());
                    groups.push(vec![i]);
                }
            },
            None => groups.push(vec![i]),
        }
    }
    groups
}

/// Split every case over `period` as a child of its household (see [`households`]), one household
/// at a time, and give each result to `f`: only one household's results are held at once.
pub fn each_result(
    policy: &Policy,
    cases: &[Case],
    period: Period,
    mut f: impl FnMut(&SplitResult) -> Result<(), ComputeError>,
) -> Result<(), ComputeError> {
    for group in households(cases) {
        let members: Vec<&Case> = group.iter().map(|&i| &cases[i]).collect();
        let (results, _) = compute_family(policy, &members, Some(period))?;
        results.iter().try_for_each(&mut f)?;
    }
    Ok(())
}

fn household_text(h: &Option<String>) -> String {
    h.as_ref().map_or_else(|| "(none)".to_string(), |h| format!("'{h}'"))
}
