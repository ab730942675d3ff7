//! The portfolio: every case under one policy through a budget year (SEMANTICS.md section 10).
//!
//! Each case is split once over the budget year and the four years after it (next year's budget
//! and three estimate years); the children of one household are reimbursed together. The figures
//! are sums of rounded shares, so they are conserved to the øre from line to department to budget
//! area, committee, municipality and total; the later years are then put at their price level, one
//! rounding per department and year.

use std::collections::HashSet;
use std::sync::Arc;

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::Serialize;

use crate::case::Case;
use crate::engine::prepared::PreparedFamily;
use crate::engine::result::{DeptAmount, ReimbursementMonth, SplitResult};
use crate::i18n::Message;
use crate::model::date::{Date, Month};
use crate::model::error::{ComputeError, Doc, InputError, InputErrors, RefKind};
use crate::model::money::{ore_text, round_div, Money, Weight};
use crate::model::validity::Period;
use crate::policy::compile::unknown;
use crate::policy::Policy;
use crate::year::budget::BudgetLineDoc;

/// The years after the budget year that a portfolio shows: next year and three estimate years.
pub const LATER_YEARS: usize = 4;
/// All the years a portfolio computes.
const YEARS: usize = LATER_YEARS + 1;
const _: () = assert!(crate::year::followup::YEARS == YEARS, "the follow-up shows the portfolio's years");

/// What a portfolio is asked for.
#[derive(Debug, Clone, Copy)]
pub struct PortfolioRequest<'a> {
    /// The cases.
    pub cases: &'a [Case],
    /// The budget year.
    pub year: i32,
    /// The last month booked: months through it are actual, the rest forecast (none: all forecast).
    pub booked_through: Option<Month>,
    /// The budget per department and year.
    pub budget: &'a [BudgetLineDoc],
    /// The day re-assessments are listed against (follow-up), if given.
    pub today: Option<Date>,
}

/// Why a portfolio could not be computed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PortfolioError {
    /// The input does not fit the policy.
    Input(InputErrors),
    /// A case could not be computed.
    Compute(ComputeError),
}

impl From<ComputeError> for PortfolioError {
    fn from(e: ComputeError) -> Self {
        PortfolioError::Compute(e)
    }
}

/// A portfolio.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Portfolio {
    /// The budget year.
    pub year: i32,
    /// The last month booked, if given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub booked_through: Option<Month>,
    /// Cases computed.
    pub cases: usize,
    /// Households (a case without a household id is a household of its own).
    pub households: usize,
    /// Per department, in id order.
    pub departments: Vec<DepartmentFigures>,
    /// Per budget area, in policy order (departments outside every area are not in any).
    pub budget_areas: Vec<GroupFigures>,
    /// Per committee, in policy order.
    pub committees: Vec<GroupFigures>,
    /// Per municipality, in policy order.
    pub municipalities: Vec<GroupFigures>,
    /// The budget year's months.
    pub months: Vec<MonthFigures>,
    /// The whole portfolio.
    pub total: Figures,
    /// The same cases under a scenario's policy, when one was given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scenario: Option<Box<Scenario>>,
    /// The agreements decided after the request's `since` (the last report), when it was given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub changes_since: Option<Vec<crate::year::changes::AgreementChange>>,
    // ---- financing (branch finance) ----
    /// The policy's pools over the budget year (SEMANTICS.md section 13).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub pools: Vec<crate::year::financing::PoolYear>,
    /// The policy's compensations (one pays, the others compensate) over the budget year.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub compensations: Vec<crate::year::financing::CompensationYear>,
    /// The policy's grants (external co-financing) over the budget year.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub grants: Vec<crate::year::grant::GrantYear>,
    /// The follow-up, when the policy has a `[year.follow_up]` section.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub follow_up: Option<crate::year::followup::FollowUp>,
}

/// The portfolio under the scenario's policy and what changes against the portfolio as it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Scenario {
    /// Per department and year where the gross, net or financed cost changes, by department id then
    /// year.
    pub changes: Vec<Change>,
    /// The portfolio under the scenario.
    pub portfolio: Portfolio,
}

/// A department's change in one year: the budget year's expected cost, or a later year's gross cost;
/// the net cost; the financed cost.
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
    /// The net cost after the financing models (pools, compensations and grants) as it is, at the
    /// year's price level (SEMANTICS.md section 10, "Financed cost").
    pub financed_before: Money,
    /// The financed cost under the scenario.
    pub financed_after: Money,
    /// After less before.
    pub financed_difference: Money,
}

/// The figures of a department or a group of departments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Figures {
    /// Booked: the months through `booked_through`.
    pub actual: Money,
    /// The months after `booked_through` to the year's end, open grants continued.
    pub forecast: Money,
    /// Actual plus forecast: the expected cost of the year.
    pub expected: Money,
    /// State reimbursement of the year.
    pub reimbursement: Money,
    /// Expected cost less reimbursement.
    pub net: Money,
    /// The budget of the year, if loaded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub budget: Option<Money>,
    /// Expected cost less budget (positive: over budget).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deviation: Option<Money>,
    /// The deviation in per cent of the budget, two decimals (absent when the budget is 0).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deviation_percent: Option<String>,
    /// Next year and the three estimate years, each at its price level.
    pub later_years: Vec<YearFigures>,
}

/// One later year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct YearFigures {
    /// The year.
    pub year: i32,
    /// The cost of the grants in force that year, at the year's price level.
    pub gross: Money,
    /// State reimbursement, at the year's price level.
    pub reimbursement: Money,
    /// Gross less reimbursement.
    pub net: Money,
    /// The budget of the year, if loaded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub budget: Option<Money>,
    /// Gross less budget (positive: over budget).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deviation: Option<Money>,
}

/// A department's figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct DepartmentFigures {
    /// Department id.
    pub department: Arc<str>,
    /// Name.
    pub name: Arc<str>,
    /// Municipality id.
    pub municipality: Arc<str>,
    /// Budget area id, if the department is in one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub budget_area: Option<Arc<str>>,
    /// Committee id, if its budget area has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub committee: Option<Arc<str>>,
    /// The figures.
    #[serde(flatten)]
    pub figures: Figures,
}

/// A group's figures (budget area, committee, municipality): the sums of its departments'.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct GroupFigures {
    /// Id.
    pub id: Arc<str>,
    /// Name.
    pub name: Arc<str>,
    /// The figures.
    #[serde(flatten)]
    pub figures: Figures,
}

/// A month of the budget year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct MonthFigures {
    /// The month.
    pub month: Month,
    /// Whether it is booked (actual) rather than forecast.
    pub booked: bool,
    /// Cost.
    pub gross: Money,
    /// State reimbursement.
    pub reimbursement: Money,
    /// Cost per department with any (id order).
    pub departments: Vec<DeptAmount>,
}

/// Øre per department (by index), for one year or month.
type Row = Vec<i128>;

/// The sums a portfolio collects, in øre.
#[derive(Debug, Clone)]
pub(super) struct Sums {
    /// Cost per year (0: the budget year) and department.
    gross: Vec<Row>,
    /// Reimbursement per year and department.
    reimbursement: Vec<Row>,
    /// Cost per month of the budget year and department.
    month_gross: Vec<Row>,
    /// Reimbursement per month of the budget year and department.
    month_reimbursement: Vec<Row>,
}

/// The most cases one portfolio may follow.
pub const MAX_PORTFOLIO_CASES: usize = 10_000;
/// The most service lines the cases of one portfolio may have together.
pub const MAX_PORTFOLIO_LINES: usize = 100_000;
/// The most shares a portfolio keeps to split its cases again under a scenario (a line's share of
/// one department; one at least for each line), its households together; each household alone
/// holds at most [`crate::engine::MAX_HELD_SHARES`].
pub const MAX_PORTFOLIO_SHARES: usize = 10_000_000;

/// Refuse a portfolio past [`MAX_PORTFOLIO_CASES`] or [`MAX_PORTFOLIO_LINES`]: its time and
/// memory grow with both (on one core, 10,000 cases of 10 services take about 8 s and 390 MB;
/// 100 cases of 1,000 services about 18 s).
fn within_limits(cases: &[Case]) -> Result<(), ComputeError> {
    let lines: usize = cases.iter().map(|c| c.lines.len()).sum();
    if cases.len() <= MAX_PORTFOLIO_CASES && lines <= MAX_PORTFOLIO_LINES {
        return Ok(());
    }
    let problem = Message::PortfolioTooLarge {
        cases: cases.len().to_string(),
        lines: lines.to_string(),
        max_cases: MAX_PORTFOLIO_CASES.to_string(),
        max_lines: MAX_PORTFOLIO_LINES.to_string(),
    };
    Err(ComputeError::TooLarge { item: "(portfolio)".into(), problem: Box::new(problem) })
}

/// Compute a portfolio.
pub fn portfolio(policy: &Policy, req: &PortfolioRequest<'_>) -> Result<Portfolio, PortfolioError> {
    check(policy, req).map_err(|e| PortfolioError::Input(InputErrors(e)))?;
    let period = years_period(req.year)?;
    let (sums, _) = collect(policy, req, period)?;
    finish(policy, req, &sums)
}

/// The portfolio of these sums: the figures, the financing models and the follow-up.
pub(super) fn finish(policy: &Policy, req: &PortfolioRequest<'_>, sums: &Sums) -> Result<Portfolio, PortfolioError> {
    let households = households(req.cases).len();
    let mut p = build(policy, req, sums, households)?;
    let asked = crate::year::followup::FollowUpRequest {
        cases: req.cases,
        year: req.year,
        booked_through: req.booked_through,
        today: req.today,
    };
    p.follow_up = crate::year::followup::follow_up(policy, &asked)?;
    Ok(p)
}

/// The budget year's first day to the last estimate year's last day.
pub(super) fn years_period(year: i32) -> Result<Period, ComputeError> {
    let bad = || ComputeError::PeriodEndBeforeStart { from: year.to_string(), to: year.to_string() };
    let from = Date::new(year, 1, 1).map_err(|_| bad())?;
    let to = Date::new(year + LATER_YEARS as i32, 12, 31).map_err(|_| bad())?;
    Ok(Period { from, to })
}

/// Every problem of the request against the policy.
pub(super) fn check(policy: &Policy, req: &PortfolioRequest<'_>) -> Result<(), Vec<InputError>> {
    let mut errors = Vec::new();
    let mut ids = HashSet::new();
    for (i, c) in req.cases.iter().enumerate() {
        if !ids.insert(c.id.as_str()) {
            errors.push(InputError::Invalid {
                doc: Doc::Case,
                item: format!("cases[{i}] '{}'", c.id),
                field: "id".into(),
                problem: Box::new(Message::CaseIdTwice { case: c.id.clone() }),
            });
        }
    }
    let mut lines = HashSet::new();
    for (i, b) in req.budget.iter().enumerate() {
        let item = format!("budget[{i}] '{}'", b.department);
        if policy.department(&b.department).is_none() {
            errors.push(unknown(Doc::Request, &item, "department", RefKind::Department, &b.department));
        }
        if !lines.insert((b.department.as_str(), b.year)) {
            errors.push(InputError::Duplicate { doc: Doc::Request, item, id: format!("{} {}", b.department, b.year) });
        }
    }
    let index = &policy.year.index;
    if !index.is_empty() {
        for y in req.year..=req.year + LATER_YEARS as i32 {
            if !index.contains_key(&y) {
                errors.push(InputError::Invalid {
                    doc: Doc::Policy,
                    item: "year.price_index".into(),
                    field: "year".into(),
                    problem: Box::new(Message::PriceIndexMissing { year: y.to_string() }),
                });
            }
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

pub(super) use crate::engine::households;

/// A household as the portfolio keeps it: prepared to be split again, with its reimbursement per
/// month and department (by index).
#[derive(Debug, Clone)]
pub(super) struct Kept {
    pub(super) family: PreparedFamily,
    pub(super) reimbursed: Vec<(Month, usize, i64)>,
}

impl Sums {
    fn new(n: usize) -> Sums {
        Sums {
            gross: vec![vec![0; n]; YEARS],
            reimbursement: vec![vec![0; n]; YEARS],
            month_gross: vec![vec![0; n]; 12],
            month_reimbursement: vec![vec![0; n]; 12],
        }
    }

    /// Add (`sign` 1) or take away (-1) the cost of these results.
    pub(super) fn add_results(&mut self, year: i32, results: &[SplitResult], sign: i128) {
        for l in results.iter().flat_map(|r| &r.lines) {
            for s in &l.shares {
                self.add_gross(year, l.month, s.dept.get(), sign * i128::from(s.amount.ore()));
            }
        }
    }

    /// Add øre of cost to a department's year and month.
    pub(super) fn add_gross(&mut self, year: i32, month: Month, dept: usize, ore: i128) {
        add(&mut self.gross, &mut self.month_gross, year, month, dept, ore);
    }

    /// Add (`sign` 1) or take away (-1) a household's reimbursement.
    pub(super) fn add_reimbursed(&mut self, year: i32, reimbursed: &[(Month, usize, i64)], sign: i128) {
        for &(month, dept, ore) in reimbursed {
            add(&mut self.reimbursement, &mut self.month_reimbursement, year, month, dept, sign * i128::from(ore));
        }
    }
}

/// A household's reimbursement per month and department (by index).
pub(super) fn reimbursed(policy: &Policy, months: &[ReimbursementMonth]) -> Vec<(Month, usize, i64)> {
    let departments = policy.departments();
    // The ids are the policy's own: among a few departments found by pointer (a lookup by text is
    // much slower), among many by text.
    let few = departments.len() <= 32;
    let index = |id: &Arc<str>| {
        let by_pointer = few.then(|| departments.iter().position(|d| Arc::ptr_eq(&d.id, id))).flatten();
        by_pointer.or_else(|| policy.department(id).map(|ix| ix.get()))
    };
    let mut out = Vec::new();
    for m in months {
        for d in &m.departments {
            let Some(ix) = d.department.as_ref().and_then(index) else { continue };
            out.push((m.month, ix, d.amount.ore()));
        }
    }
    out
}

/// Split every case over the years and reimburse every household, keeping each household
/// prepared to be split again.
pub(super) fn collect(
    policy: &Policy,
    req: &PortfolioRequest<'_>,
    period: Period,
) -> Result<(Sums, Vec<Kept>), ComputeError> {
    within_limits(req.cases)?;
    let mut sums = Sums::new(policy.departments().len());
    let mut kept = Vec::new();
    let mut shares = 0usize;
    for group in households(req.cases) {
        let (family, results, reimbursement) = PreparedFamily::new(policy, req.cases, &group, period)?;
        shares = shares.saturating_add(family.shares());
        if shares > MAX_PORTFOLIO_SHARES {
            let problem = Message::PortfolioTooManyShares { max_shares: MAX_PORTFOLIO_SHARES.to_string() };
            return Err(ComputeError::TooLarge { item: "(portfolio)".into(), problem: Box::new(problem) });
        }
        sums.add_results(req.year, &results, 1);
        let reimbursed = reimbursed(policy, reimbursement.as_ref().map_or(&[], |r| &r.months));
        sums.add_reimbursed(req.year, &reimbursed, 1);
        kept.push(Kept { family, reimbursed });
    }
    Ok((sums, kept))
}

/// Add øre to a department's year and, in the budget year, its month. i128: each share is at most
/// 10^14 øre, and a portfolio holds far fewer than 10^20 shares.
fn add(years: &mut [Row], months: &mut [Row], year: i32, month: Month, dept: usize, ore: i128) {
    let k = month.year() - year;
    if let Some(row) = usize::try_from(k).ok().and_then(|k| years.get_mut(k)) {
        row[dept] += ore;
    }
    if k == 0 {
        if let Some(row) = usize::try_from(month.month()).ok().and_then(|m| months.get_mut(m - 1)) {
            row[dept] += ore;
        }
    }
}

/// Øre as money, or an overflow error naming what overflowed.
fn money(ore: i128, item: &dyn Fn() -> String) -> Result<Money, ComputeError> {
    let limit = i128::from(crate::model::money::MAX_ORE);
    match i64::try_from(ore) {
        Ok(v) if ore.abs() <= limit => Ok(Money::from_ore(v)),
        _ => Err(ComputeError::TotalTooLarge { item: item(), limit: ore_text(limit) }),
    }
}

/// `ore × to / from`, rounded once to øre (half away from zero).
pub(super) fn at_level(ore: i128, to: Weight, from: Weight) -> Option<i128> {
    let v = Decimal::from_i128_with_scale(ore, 0).checked_mul(to.value())?.checked_div(from.value())?;
    let r = v.round_dp_with_strategy(0, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    r.to_string().parse().ok()
}

/// Deviation in per cent of the budget, rounded to hundredths (half away from zero), as text with
/// two decimals; none for a budget of 0.
fn percent(deviation: i128, budget: i128) -> Option<String> {
    if budget == 0 {
        return None;
    }
    Some(ore_text(round_div(deviation.checked_mul(10_000)?, budget.abs())))
}

/// A department's or group's figures in øre, before they become money.
#[derive(Debug, Clone, Default)]
struct Raw {
    actual: i128,
    forecast: i128,
    reimbursement: i128,
    budget: Option<i128>,
    /// Per later year: gross and reimbursement at the year's level, and the budget.
    later: [(i128, i128, Option<i128>); LATER_YEARS],
}

impl Raw {
    fn add(&mut self, o: &Raw) {
        let opt = |a: Option<i128>, b: Option<i128>| match (a, b) {
            (None, None) => None,
            (a, b) => Some(a.unwrap_or(0) + b.unwrap_or(0)),
        };
        self.actual += o.actual;
        self.forecast += o.forecast;
        self.reimbursement += o.reimbursement;
        self.budget = opt(self.budget, o.budget);
        for (a, b) in self.later.iter_mut().zip(&o.later) {
            *a = (a.0 + b.0, a.1 + b.1, opt(a.2, b.2));
        }
    }

    fn figures(&self, year: i32, what: &str) -> Result<Figures, ComputeError> {
        let m = |v: i128| money(v, &|| format!("the portfolio's figures of {what}"));
        let expected = self.actual + self.forecast;
        let deviation = self.budget.map(|b| expected - b);
        let mut later_years = Vec::with_capacity(LATER_YEARS);
        for (k, &(gross, reimbursement, budget)) in self.later.iter().enumerate() {
            later_years.push(YearFigures {
                year: year + 1 + k as i32,
                gross: m(gross)?,
                reimbursement: m(reimbursement)?,
                net: m(gross - reimbursement)?,
                budget: budget.map(m).transpose()?,
                deviation: budget.map(|b| m(gross - b)).transpose()?,
            });
        }
        Ok(Figures {
            actual: m(self.actual)?,
            forecast: m(self.forecast)?,
            expected: m(expected)?,
            reimbursement: m(self.reimbursement)?,
            net: m(expected - self.reimbursement)?,
            budget: self.budget.map(m).transpose()?,
            deviation: deviation.map(m).transpose()?,
            deviation_percent: deviation.zip(self.budget).and_then(|(d, b)| percent(d, b)),
            later_years,
        })
    }
}

/// Each department's figures in øre: months split at `booked_through`, later years at their level.
fn raw_departments(policy: &Policy, req: &PortfolioRequest<'_>, sums: &Sums) -> Result<Vec<Raw>, ComputeError> {
    let n = policy.departments().len();
    let mut raw = vec![Raw::default(); n];
    for (m, row) in sums.month_gross.iter().enumerate() {
        let booked = req.booked_through.is_some_and(|b| (req.year, m as u32 + 1) <= (b.year(), b.month()));
        for (d, &v) in row.iter().enumerate() {
            if booked {
                raw[d].actual += v;
            } else {
                raw[d].forecast += v;
            }
        }
    }
    let index = &policy.year.index;
    let base = index.get(&req.year).copied();
    for (d, r) in raw.iter_mut().enumerate() {
        r.reimbursement = sums.reimbursement[0][d];
        for k in 0..LATER_YEARS {
            let (g, re) = (sums.gross[k + 1][d], sums.reimbursement[k + 1][d]);
            let level = base.zip(index.get(&(req.year + 1 + k as i32)).copied());
            let scale = |v: i128| match level {
                Some((from, to)) => at_level(v, to, from).ok_or_else(|| ComputeError::Overflow {
                    item: format!("the price level of {}", req.year + 1 + k as i32),
                }),
                None => Ok(v),
            };
            r.later[k] = (scale(g)?, scale(re)?, None);
        }
    }
    for b in req.budget {
        let Some(d) = policy.department(&b.department) else { continue };
        let ore = i128::from(Money::round(b.amount.value()).ore());
        let k = b.year - req.year;
        if k == 0 {
            raw[d.get()].budget = Some(raw[d.get()].budget.unwrap_or(0) + ore);
        } else if let Some(slot) = usize::try_from(k - 1).ok().and_then(|k| raw[d.get()].later.get_mut(k)) {
            slot.2 = Some(slot.2.unwrap_or(0) + ore);
        }
    }
    Ok(raw)
}

/// The answer: departments, groups, months and the total.
fn build(
    policy: &Policy,
    req: &PortfolioRequest<'_>,
    sums: &Sums,
    households: usize,
) -> Result<Portfolio, PortfolioError> {
    let raw = raw_departments(policy, req, sums)?;
    let last = req.year + LATER_YEARS as i32;
    let (grants, parts) = crate::year::grant::grants(policy, req.cases, req.year, last, req.booked_through)?;
    let y = &policy.year;
    let mut areas = vec![Raw::default(); y.areas.len()];
    let mut committees = vec![Raw::default(); y.committees.len()];
    let mut munis = vec![Raw::default(); policy.municipalities().len()];
    let mut total = Raw::default();
    let mut departments = Vec::with_capacity(raw.len());
    for ((ix, dept), r) in policy.department_ixs().zip(&raw) {
        let area = y.area_of.get(&ix).copied();
        let committee = area.and_then(|a| y.areas[a].committee);
        if let Some(a) = area {
            areas[a].add(r);
        }
        if let Some(c) = committee {
            committees[c].add(r);
        }
        munis[dept.municipality.get()].add(r);
        total.add(r);
        departments.push(DepartmentFigures {
            department: dept.id.clone(),
            name: dept.name.clone(),
            municipality: policy.municipalities()[dept.municipality].id.clone(),
            budget_area: area.map(|a| y.areas[a].id.clone()),
            committee: committee.map(|c| y.committees[c].0.clone()),
            figures: r.figures(req.year, &format!("department '{}'", dept.id))?,
        });
    }
    let group = |id: &Arc<str>, name: &Arc<str>, r: &Raw| -> Result<GroupFigures, ComputeError> {
        Ok(GroupFigures { id: id.clone(), name: name.clone(), figures: r.figures(req.year, &format!("'{id}'"))? })
    };
    let budget_areas = y.areas.iter().zip(&areas).map(|(a, r)| group(&a.id, &a.name, r)).collect::<Result<_, _>>()?;
    let committees =
        y.committees.iter().zip(&committees).map(|(c, r)| group(&c.0, &c.1, r)).collect::<Result<_, _>>()?;
    let municipalities = policy
        .municipalities()
        .iter()
        .zip(&munis)
        .map(|(m, r)| group(&m.id, &Arc::from(m.name.as_str()), r))
        .collect::<Result<_, _>>()?;
    Ok(Portfolio {
        year: req.year,
        booked_through: req.booked_through,
        cases: req.cases.len(),
        households,
        departments,
        budget_areas,
        committees,
        municipalities,
        months: months(policy, req, sums)?,
        total: total.figures(req.year, "the portfolio")?,
        scenario: None,
        changes_since: None,
        pools: crate::year::financing::pools(policy, req.cases, (req.year, LATER_YEARS), req.booked_through, &parts)?,
        compensations: crate::year::financing::compensations(policy, req.cases, (req.year, LATER_YEARS), &parts)?,
        grants,
        follow_up: None,
    })
}

/// The budget year's months.
fn months(policy: &Policy, req: &PortfolioRequest<'_>, sums: &Sums) -> Result<Vec<MonthFigures>, ComputeError> {
    let mut out = Vec::with_capacity(12);
    for (m, (row, re)) in sums.month_gross.iter().zip(&sums.month_reimbursement).enumerate() {
        let month = Month::new(req.year, m as u32 + 1)
            .ok_or_else(|| ComputeError::Overflow { item: format!("month {} of {}", m + 1, req.year) })?;
        let item = || format!("the portfolio's month {month}");
        let mut departments = Vec::new();
        for ((_, dept), &v) in policy.department_ixs().zip(row) {
            if v != 0 {
                departments.push(DeptAmount { department: dept.id.clone(), amount: money(v, &item)? });
            }
        }
        out.push(MonthFigures {
            month,
            booked: req.booked_through.is_some_and(|b| month <= b),
            gross: money(row.iter().sum(), &item)?,
            reimbursement: money(re.iter().sum(), &item)?,
            departments,
        });
    }
    Ok(out)
}
