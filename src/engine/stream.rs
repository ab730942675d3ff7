//! A split whose lines are not kept: for answers too large to hold (a thousand departments over
//! 600 months are 9.6 million shares), the lines are computed twice, once to check them and add
//! up the totals, and again, one at a time, while the caller writes them out. Memory stays
//! bounded by one line, not by the answer; the numbers are those of [`crate::engine::compute`].

use crate::case::Case;
use crate::engine::household::Household;
use crate::engine::lines::{Plan, Tally};
use crate::engine::result::{Line, SplitResult};
use crate::model::error::ComputeError;
use crate::model::validity::Period;
use crate::policy::Policy;

/// A split checked in full, whose lines are computed again on demand ([`SplitStream::each_line`]).
#[derive(Debug)]
pub struct SplitStream<'a> {
    policy: &'a Policy,
    case: Case,
    plan: Plan,
    head: SplitResult,
}

impl<'a> SplitStream<'a> {
    /// Compute every line of the split once, checking it and adding it to the totals, without
    /// keeping it. The errors are those [`crate::engine::compute`] gives, in the same order.
    /// `None` when the policy has a reimbursement scheme: the household's counted cost needs
    /// every line at once (use [`crate::engine::compute`]).
    pub fn new(policy: &'a Policy, case: Case, period: Option<Period>) -> Result<Option<Self>, ComputeError> {
        if policy.reimbursement.is_some() {
            return Ok(None);
        }
        let household = Household::new(vec![&case])?;
        let plan = Plan::new(policy, &case, &household, 0, period)?;
        let mut tally = Tally::new(policy);
        // As in `compute`: an error in a line comes before an error in the totals.
        let mut total_error = None;
        plan.each_line(policy, &case, |line| {
            if total_error.is_none() {
                total_error = tally.add(&line).err();
            }
            Ok::<(), ComputeError>(())
        })?;
        if let Some(e) = total_error {
            return Err(e);
        }
        let head = plan.clone().into_result(policy, &case, Vec::new(), tally.finish());
        Ok(Some(SplitStream { policy, case, plan, head }))
    }

    /// The same split, saying why its period is the budget year it is.
    pub fn with_period_default(mut self, d: Option<crate::engine::result::PeriodDefault>) -> Self {
        self.head.period_default = d;
        self
    }

    /// The result without its lines (`lines` is empty): period, verdicts and totals.
    pub fn head(&self) -> &SplitResult {
        &self.head
    }

    /// Compute the lines again, in order, giving each to `f`; stops at the first error of `f`.
    pub fn each_line<E: From<ComputeError>>(&self, f: impl FnMut(Line) -> Result<(), E>) -> Result<(), E> {
        self.plan.each_line(self.policy, &self.case, f)
    }
}
