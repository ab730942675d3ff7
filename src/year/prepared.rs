//! A portfolio computed once and kept, so that scenarios are computed from it (SEMANTICS.md
//! section 10, "Scenarios").
//!
//! When the scenario's policy changes only the rules of keys ([`Policy::changed_keys`]), the
//! cases' segments, verdicts and amounts stay: only the lines of the services with a changed key
//! are split again, and only their households' reimbursement is computed again; the figures are
//! then those of a full computation to the øre. Any other change computes the portfolio anew.

use crate::case::Case;
use crate::engine::compute_family;
use crate::engine::prepared::Resplit;
use crate::model::date::{Date, Month};
use crate::model::error::{ComputeError, InputErrors};
use crate::policy::Policy;
use crate::year::budget::BudgetLineDoc;
use crate::year::portfolio::{
    check, collect, finish, portfolio, reimbursed, years_period, Kept, Portfolio, PortfolioError, PortfolioRequest,
    Sums,
};

/// What a portfolio is asked for, besides its policy and cases.
#[derive(Debug, Clone, Default)]
pub struct YearSettings {
    /// The budget year.
    pub year: i32,
    /// The last month booked (none: all forecast).
    pub booked_through: Option<Month>,
    /// The budget per department and year.
    pub budget: Vec<BudgetLineDoc>,
    /// The day re-assessments are listed against, if given.
    pub today: Option<Date>,
}

/// A portfolio computed once, kept to compute scenarios from.
///
/// ```
/// use fordeling::year::{portfolio, PortfolioRequest, PreparedPortfolio, YearSettings};
/// use fordeling::{example, Case, Policy};
/// let policy = Policy::from_text(example::POLICY).unwrap();
/// let cases = vec![Case::from_text(&policy, example::CASE).unwrap()];
/// // The budget year 2022 and the four years after it (the example's price index runs to 2026).
/// let settings = YearSettings { year: 2022, ..YearSettings::default() };
/// let prepared = PreparedPortfolio::new(policy.clone(), cases.clone(), settings).unwrap();
/// // The day care and school department pays 55 % instead of 50 % of the special kindergarten.
/// let share = r#"{ sector = "daycare_school", percent = 50 }"#;
/// let changed = example::POLICY.replace(share, &share.replace("50", "55"));
/// let scenario = Policy::from_text(&changed).unwrap();
/// assert!(policy.changed_keys(&scenario).is_some_and(|keys| !keys.is_empty()));
/// // Only the lines of the changed key are split again, with the figures of a full computation.
/// let after = prepared.under(&scenario, &cases).unwrap();
/// let req = PortfolioRequest { cases: &cases, year: 2022, booked_through: None, budget: &[], today: None };
/// assert_eq!(after, portfolio(&scenario, &req).unwrap());
/// ```
#[derive(Debug, Clone)]
pub struct PreparedPortfolio {
    policy: Policy,
    cases: Vec<Case>,
    settings: YearSettings,
    kept: Vec<Kept>,
    sums: Sums,
}

impl PreparedPortfolio {
    /// Compute the portfolio of `cases` under `policy` and keep it.
    pub fn new(policy: Policy, cases: Vec<Case>, settings: YearSettings) -> Result<Self, PortfolioError> {
        let req = request(&cases, &settings);
        check(&policy, &req).map_err(|e| PortfolioError::Input(InputErrors(e)))?;
        let period = years_period(settings.year)?;
        let (sums, kept) = collect(&policy, &req, period)?;
        Ok(PreparedPortfolio { policy, cases, settings, kept, sums })
    }

    /// The policy it was computed under.
    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// Its cases.
    pub fn cases(&self) -> &[Case] {
        &self.cases
    }

    /// The portfolio.
    pub fn portfolio(&self) -> Result<Portfolio, PortfolioError> {
        finish(&self.policy, &request(&self.cases, &self.settings), &self.sums)
    }

    /// The same portfolio under the scenario's policy, with `cases` the same cases read against it.
    /// A scenario that changes only keys' rules splits only their lines again; any other is
    /// computed anew.
    pub fn under(&self, scenario: &Policy, cases: &[Case]) -> Result<Portfolio, PortfolioError> {
        let Some(changed) = self.policy.changed_keys(scenario) else {
            return portfolio(scenario, &request(cases, &self.settings));
        };
        let req = request(&self.cases, &self.settings);
        check(scenario, &req).map_err(|e| PortfolioError::Input(InputErrors(e)))?;
        let year = self.settings.year;
        let mut sums = self.sums.clone();
        // Each household split again (on all cores where the build can), then added in order.
        let each = |k: &Kept| {
            let mut gross = Vec::new();
            let resplit = k.family.resplit((&self.policy, scenario), &self.cases, &changed, |month, dept, ore| {
                gross.push((month, dept, ore));
            });
            resplit.map(|r| (gross, r))
        };
        #[cfg(feature = "parallel")]
        let resplits: Vec<_> = {
            use rayon::prelude::*;
            self.kept.par_iter().map(each).collect()
        };
        #[cfg(not(feature = "parallel"))]
        let resplits: Vec<_> = self.kept.iter().map(each).collect();
        for (k, resplit) in self.kept.iter().zip(resplits) {
            let (gross, resplit) = resplit?;
            for (month, dept, ore) in gross {
                sums.add_gross(year, month, dept.get(), ore.into());
            }
            match resplit {
                Resplit::Unchanged => {}
                Resplit::Changed(amounts) => {
                    sums.add_reimbursed(year, &k.reimbursed, -1);
                    sums.add_reimbursed(year, amounts.as_deref().unwrap_or(&[]), 1);
                }
                Resplit::Whole => self.whole(k, scenario, &mut sums)?,
            }
        }
        finish(scenario, &req, &sums)
    }

    /// Take a household's cost under the policy out of `sums` and put in its cost under the scenario.
    fn whole(&self, k: &Kept, scenario: &Policy, sums: &mut Sums) -> Result<(), ComputeError> {
        let year = self.settings.year;
        let cases: Vec<&Case> = k.family.members().iter().map(|&i| &self.cases[i]).collect();
        let period = years_period(year)?;
        let (before, _) = compute_family(&self.policy, &cases, Some(period))?;
        sums.add_results(year, &before, -1);
        sums.add_reimbursed(year, &k.reimbursed, -1);
        let (after, reimbursement) = compute_family(scenario, &cases, Some(period))?;
        sums.add_results(year, &after, 1);
        sums.add_reimbursed(year, &reimbursed(scenario, reimbursement.as_ref().map_or(&[], |r| &r.months)), 1);
        Ok(())
    }
}

/// The request of these cases and settings.
fn request<'a>(cases: &'a [Case], s: &'a YearSettings) -> PortfolioRequest<'a> {
    PortfolioRequest { cases, year: s.year, booked_through: s.booked_through, budget: &s.budget, today: s.today }
}
