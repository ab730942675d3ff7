//! The computation: from a policy, a case and a period to split lines, totals, verdicts and state
//! reimbursement.
//!
//! * [`lines`]: segments, eligibility, authority and payer, keys and amounts, line by line;
//! * [`split`](mod@split): the largest-remainder split of one amount;
//! * [`reimbursement`]: state reimbursement of the household's cost;
//! * [`result`]: the result types;
//! * [`stream`]: a split whose lines are written out one at a time instead of kept.

pub mod lines;
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
use lines::compute_lines;

/// Split a case over a period (or, without one, over its services' own dates).
///
/// When the policy has a reimbursement scheme, the result carries the case's state reimbursement
/// as a household of one; [`compute_household`] adds siblings.
pub fn compute(policy: &Policy, case: &Case, period: Option<Period>) -> Result<SplitResult, ComputeError> {
    compute_household(policy, case, &[], period)
}

/// Split a case over a period, with state reimbursement computed on the cost of the whole
/// household: the case and its `siblings` (the other children's cases, same `household` id).
/// Only the case itself is split; the siblings are computed over the same period for their cost.
pub fn compute_household(
    policy: &Policy,
    case: &Case,
    siblings: &[Case],
    period: Option<Period>,
) -> Result<SplitResult, ComputeError> {
    let result = compute_lines(policy, case, period)?;
    let Some(scheme) = &policy.reimbursement else {
        if let Some(s) = siblings.first() {
            return Err(ComputeError::Reimbursement {
                item: format!("case '{}'", s.id),
                problem: Box::new(Message::SiblingsWithoutScheme),
            });
        }
        return Ok(result);
    };
    let mut cases = vec![case];
    let mut results = Vec::with_capacity(siblings.len() + 1);
    for s in siblings {
        if s.household.is_none() || s.household != case.household {
            return Err(ComputeError::Reimbursement {
                item: format!("case '{}'", s.id),
                problem: Box::new(Message::OtherHousehold {
                    household: household_text(&s.household),
                    case: case.id.clone(),
                    case_household: household_text(&case.household),
                }),
            });
        }
        if cases.iter().any(|c| c.id == s.id) {
            return Err(ComputeError::Reimbursement {
                item: format!("case '{}'", s.id),
                problem: Box::new(Message::SiblingTwice),
            });
        }
        cases.push(s);
    }
    let period = result.period;
    results.push(result);
    for s in siblings {
        results.push(compute_lines(policy, s, Some(period))?);
    }
    let reimbursement = crate::engine::reimbursement::reimburse(policy, scheme, &cases, &results)?;
    let mut result = results.swap_remove(0);
    result.reimbursement = Some(reimbursement);
    Ok(result)
}

fn household_text(h: &Option<String>) -> String {
    h.as_ref().map_or_else(|| "(none)".to_string(), |h| format!("'{h}'"))
}
