//! The follow-up of the year (SEMANTICS.md section 9, "Follow-up"): the service lines due for
//! re-assessment, the cost before enrolment (baseline) against the cost since per department and
//! year, and the project as an investment: savings, cumulative net and the break-even year.
//!
//! Computed when the policy has a `[year.follow_up]` section. Amounts are at the budget year's
//! price level (nominal, not indexed).

use std::sync::Arc;

use schemars::JsonSchema;
use serde::Serialize;

use crate::case::Case;
use crate::model::date::{days_in_month, Date, Month};
use crate::model::error::ComputeError;
use crate::model::money::{round_div, Money};
use crate::model::validity::Period;
use crate::policy::year::FollowUpDoc;
use crate::policy::Policy;

/// The years the follow-up shows: the budget year and the four after it, as the portfolio (which
/// checks at compile time that the two agree; it imports this module, not the other way round).
pub(crate) const YEARS: usize = 5;

/// The follow-up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct FollowUp {
    /// The day the re-assessments are due against: the request's `today`, else the last day of
    /// `booked_through`, else the budget year's first day.
    pub as_of: Date,
    /// Service lines due or overdue for re-assessment, by case then line (empty without a cadence).
    pub reassessments: Vec<Reassessment>,
    /// Households whose budget-year counted cost lies within the policy's margin below the next
    /// reimbursement tier's yearly threshold, in order of first appearance.
    pub near_threshold: Vec<NearThreshold>,
    /// Enrolled cases.
    pub enrolled_cases: usize,
    /// Per department and year with a baseline or an actual cost (department id order, then year).
    pub departments: Vec<DepartmentYear>,
    /// Per year: the project's investment, the savings and the cumulative net.
    pub years: Vec<InvestmentYear>,
    /// Whether the budget year's actual cost of the enrolled cases is at most their baseline
    /// (udgiftsneutralt); absent without enrolled cases.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cost_neutral: Option<bool>,
    /// The first year whose cumulative net is 0 or more; absent if not reached.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub break_even_year: Option<i32>,
}

/// What a re-assessment is counted from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Since {
    /// The start of the line's last agreement.
    Agreement,
    /// The case's enrolment.
    Enrolled,
    /// The line's first day (no agreement, not enrolled).
    LineStart,
}

/// A service line due for re-assessment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Reassessment {
    /// Case id.
    pub case: String,
    /// Service line id.
    pub service_line: Arc<str>,
    /// What the cadence counts from.
    pub since: Since,
    /// That day.
    pub since_date: Date,
    /// The day the re-assessment is due.
    pub due: Date,
    /// Days from `due` to `as_of` (0: due that day).
    pub days_overdue: i32,
}

/// A household near a reimbursement threshold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct NearThreshold {
    /// Household id (a case without one: the case id).
    pub household: String,
    /// Its cases.
    pub cases: Vec<String>,
    /// The budget year's cost of the services that count for reimbursement (all departments).
    pub counted: Money,
    /// The next tier's yearly threshold (the level in force on the budget year's first day).
    pub threshold: Money,
    /// Threshold less counted cost.
    pub distance: Money,
}

/// A department's baseline against its actual cost in one year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct DepartmentYear {
    /// Department id.
    pub department: Arc<str>,
    /// The year.
    pub year: i32,
    /// The cost before enrolment, for the year's months from each case's enrolment month.
    pub baseline: Money,
    /// The enrolled cases' cost in the year, from each case's enrolment month.
    pub actual: Money,
    /// Baseline less actual (positive: saved).
    pub savings: Money,
}

/// One year of the investment view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct InvestmentYear {
    /// The year.
    pub year: i32,
    /// Baseline of all departments.
    pub baseline: Money,
    /// Actual cost of all departments.
    pub actual: Money,
    /// Baseline less actual.
    pub savings: Money,
    /// The project's cost that year (policy).
    pub investment: Money,
    /// Savings less investment.
    pub net: Money,
    /// The sum of `net` through this year.
    pub cumulative: Money,
}

/// What the follow-up needs of the portfolio's request.
#[derive(Debug, Clone, Copy)]
pub struct FollowUpRequest<'a> {
    /// The cases.
    pub cases: &'a [Case],
    /// The budget year.
    pub year: i32,
    /// The last month booked.
    pub booked_through: Option<Month>,
    /// The day to list re-assessments against, if given.
    pub today: Option<Date>,
}

/// The follow-up, if the policy asks for one.
pub fn follow_up(policy: &Policy, req: &FollowUpRequest<'_>) -> Result<Option<FollowUp>, ComputeError> {
    let Some(doc) = &policy.year.follow_up else { return Ok(None) };
    let first = Date::new(req.year, 1, 1).map_err(|_| overflow("the budget year"))?;
    let as_of = req.today.or(req.booked_through.map(Month::last_day)).unwrap_or(first);
    let reassessments = match doc.reassess_every_months {
        Some(n) => reassessments(req.cases, as_of, n)?,
        None => Vec::new(),
    };
    let near_threshold = near_threshold(policy, doc, req.cases, first)?;
    let n = policy.departments().len();
    // Per year and department: baseline numerator (yearly øre × months) and actual øre.
    let mut base = vec![vec![0i128; n]; YEARS];
    let mut actual = vec![vec![0i128; n]; YEARS];
    let mut enrolled_cases = 0;
    for c in req.cases {
        let Some(enrolled) = c.enrolled else { continue };
        enrolled_cases += 1;
        collect_case(policy, c, enrolled.month_of(), req.year, &mut base, &mut actual)?;
    }
    let departments = department_years(policy, req.year, &base, &actual)?;
    let years = investment_years(doc, req.year, &departments)?;
    let cost_neutral = (enrolled_cases > 0).then(|| years[0].actual <= years[0].baseline);
    let break_even_year = years.iter().find(|y| !y.cumulative.ore().is_negative()).map(|y| y.year);
    Ok(Some(FollowUp {
        as_of,
        reassessments,
        near_threshold,
        enrolled_cases,
        departments,
        years,
        cost_neutral,
        break_even_year,
    }))
}

fn overflow(what: &str) -> ComputeError {
    ComputeError::Overflow { item: format!("the follow-up of {what}") }
}

/// `d` plus `months` months, on the same day of the month or the month's last day.
fn add_months(d: Date, months: u32) -> Option<Date> {
    let total = i64::from(d.year()) * 12 + i64::from(d.month()) - 1 + i64::from(months);
    let year = i32::try_from(total.div_euclid(12)).ok()?;
    let month = u32::try_from(total.rem_euclid(12)).ok()? + 1;
    Date::new(year, month, d.day().min(days_in_month(year, month))).ok()
}

/// The lines in force on `as_of` whose re-assessment is due on or before it.
fn reassessments(cases: &[Case], as_of: Date, every: u32) -> Result<Vec<Reassessment>, ComputeError> {
    let mut out = Vec::new();
    for c in cases {
        for (i, line) in c.lines.iter().enumerate() {
            if !line.validity.contains(as_of) {
                continue;
            }
            let agreed = c
                .agreements
                .iter()
                .filter(|a| a.line == i)
                .filter_map(|a| a.validity.from)
                .filter(|f| *f <= as_of)
                .max();
            let enrolled = c.enrolled.filter(|e| *e <= as_of);
            let (since, since_date) = match (agreed, enrolled) {
                (Some(a), Some(e)) if e > a => (Since::Enrolled, e),
                (Some(a), _) => (Since::Agreement, a),
                (None, Some(e)) => (Since::Enrolled, e),
                (None, None) => match line.validity.from {
                    Some(f) => (Since::LineStart, f),
                    None => continue,
                },
            };
            let due = add_months(since_date, every).ok_or_else(|| overflow(&format!("case '{}'", c.id)))?;
            if due <= as_of {
                out.push(Reassessment {
                    case: c.id.clone(),
                    service_line: line.id.clone(),
                    since,
                    since_date,
                    due,
                    days_overdue: due.days_until(as_of),
                });
            }
        }
    }
    Ok(out)
}

/// One enrolled case: its baseline (given, or its cost in the twelve months before the enrolment
/// month) times the months of each year from the enrolment month, and its cost from that month.
fn collect_case(
    policy: &Policy,
    c: &Case,
    from: Month,
    year: i32,
    base: &mut [Vec<i128>],
    actual: &mut [Vec<i128>],
) -> Result<(), ComputeError> {
    let n = policy.departments().len();
    let mut yearly = vec![0i128; n];
    if c.baseline.is_empty() {
        let mut start = from;
        for _ in 0..12 {
            start = start.pred().ok_or_else(|| overflow(&format!("case '{}'", c.id)))?;
        }
        let end = from.pred().ok_or_else(|| overflow(&format!("case '{}'", c.id)))?;
        let r = crate::engine::compute(policy, c, Some(Period { from: start.first_day(), to: end.last_day() }))?;
        for s in r.lines.iter().flat_map(|l| &l.shares) {
            yearly[s.dept.get()] += i128::from(s.amount.ore());
        }
    } else {
        for (d, a) in &c.baseline {
            yearly[d.get()] += i128::from(Money::round(a.value()).ore());
        }
    }
    let last = Date::new(year + YEARS as i32 - 1, 12, 31).map_err(|_| overflow("the years"))?;
    let first = Date::new(year, 1, 1).map_err(|_| overflow("the years"))?;
    for (k, row) in base.iter_mut().enumerate() {
        let y = year + k as i32;
        let months = (1..=12).filter(|&m| Month::new(y, m).is_some_and(|m| m >= from)).count() as i128;
        for (slot, v) in row.iter_mut().zip(&yearly) {
            *slot += v * months;
        }
    }
    let start = from.first_day().max(first);
    if start > last {
        return Ok(());
    }
    let r = crate::engine::compute(policy, c, Some(Period { from: start, to: last }))?;
    for l in &r.lines {
        let k = l.month.year() - year;
        if let Some(row) = usize::try_from(k).ok().and_then(|k| actual.get_mut(k)) {
            for s in &l.shares {
                row[s.dept.get()] += i128::from(s.amount.ore());
            }
        }
    }
    Ok(())
}

fn money(ore: i128, what: &str) -> Result<Money, ComputeError> {
    let limit = i128::from(crate::model::money::MAX_ORE);
    match i64::try_from(ore) {
        Ok(v) if ore.abs() <= limit => Ok(Money::from_ore(v)),
        _ => Err(overflow(what)),
    }
}

/// Departments and years with a baseline or an actual cost; the baseline rounded once per
/// department and year (half away from zero).
fn department_years(
    policy: &Policy,
    year: i32,
    base: &[Vec<i128>],
    actual: &[Vec<i128>],
) -> Result<Vec<DepartmentYear>, ComputeError> {
    let mut out = Vec::new();
    for (ix, dept) in policy.department_ixs() {
        for k in 0..YEARS {
            let b = round_div(base[k][ix.get()], 12);
            let a = actual[k][ix.get()];
            if b == 0 && a == 0 {
                continue;
            }
            let what = format!("department '{}'", dept.id);
            out.push(DepartmentYear {
                department: dept.id.clone(),
                year: year + k as i32,
                baseline: money(b, &what)?,
                actual: money(a, &what)?,
                savings: money(b - a, &what)?,
            });
        }
    }
    Ok(out)
}

/// Per year: the sums of the departments, the investment, the net and the cumulative net.
fn investment_years(
    doc: &FollowUpDoc,
    year: i32,
    depts: &[DepartmentYear],
) -> Result<Vec<InvestmentYear>, ComputeError> {
    let mut out = Vec::with_capacity(YEARS);
    let mut cumulative = 0i128;
    for k in 0..YEARS {
        let y = year + k as i32;
        let (mut b, mut a) = (0i128, 0i128);
        for d in depts.iter().filter(|d| d.year == y) {
            b += i128::from(d.baseline.ore());
            a += i128::from(d.actual.ore());
        }
        let investment: i128 = doc
            .investment
            .iter()
            .filter(|i| i.year == y)
            .map(|i| i128::from(Money::round(i.amount.value()).ore()))
            .sum();
        let net = b - a - investment;
        cumulative += net;
        let what = format!("the year {y}");
        out.push(InvestmentYear {
            year: y,
            baseline: money(b, &what)?,
            actual: money(a, &what)?,
            savings: money(b - a, &what)?,
            investment: money(investment, &what)?,
            net: money(net, &what)?,
            cumulative: money(cumulative, &what)?,
        });
    }
    Ok(out)
}

/// The households within the margin below the next tier's yearly threshold.
fn near_threshold(
    policy: &Policy,
    doc: &FollowUpDoc,
    cases: &[Case],
    first: Date,
) -> Result<Vec<NearThreshold>, ComputeError> {
    let Some(scheme) = &policy.reimbursement else { return Ok(Vec::new()) };
    if doc.threshold_margin.is_none() && doc.threshold_margin_percent.is_none() {
        return Ok(Vec::new());
    }
    let Some(level) = scheme.levels.iter().rev().find(|l| l.validity.contains(first)) else { return Ok(Vec::new()) };
    let last = Date::new(first.year(), 12, 31).map_err(|_| overflow("the budget year"))?;
    let mut groups: Vec<(String, Vec<String>, i128)> = Vec::new();
    for c in cases {
        let id = c.household.clone().unwrap_or_else(|| c.id.clone());
        let r = crate::engine::compute(policy, c, Some(Period { from: first, to: last }))?;
        let mut counted = 0i128;
        for l in &r.lines {
            let counts = policy.services().iter().position(|s| s.id == l.service).is_some_and(|i| scheme.counts[i]);
            if counts {
                counted += l.shares.iter().map(|s| i128::from(s.amount.ore())).sum::<i128>();
            }
        }
        match groups.iter_mut().find(|g| g.0 == id && c.household.is_some()) {
            Some(g) => {
                g.1.push(c.id.clone());
                g.2 += counted;
            }
            None => groups.push((id, vec![c.id.clone()], counted)),
        }
    }
    let mut out = Vec::new();
    for (household, cases, counted) in groups {
        let Some(t) =
            level.tiers.iter().map(|t| i128::from(Money::round(t.above.value()).ore())).find(|t| *t > counted)
        else {
            continue;
        };
        let distance = t - counted;
        let by_amount = doc.threshold_margin.is_some_and(|m| distance <= i128::from(Money::round(m.value()).ore()));
        let by_percent = doc.threshold_margin_percent.is_some_and(|p| {
            // distance <= threshold x p / 100, compared exactly: 100 x distance <= threshold x p.
            let limit = rust_decimal::Decimal::from_i128_with_scale(t, 0).checked_mul(p.value());
            limit.is_some_and(|l| rust_decimal::Decimal::from_i128_with_scale(distance * 100, 0) <= l)
        });
        if by_amount || by_percent {
            let what = format!("household '{household}'");
            out.push(NearThreshold {
                household,
                cases,
                counted: money(counted, &what)?,
                threshold: money(t, &what)?,
                distance: money(distance, &what)?,
            });
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn months_on_keep_the_day_or_take_the_last_of_the_month() {
        assert_eq!(add_months(d("2024-08-31"), 6), Some(d("2025-02-28")));
        assert_eq!(add_months(d("2023-08-31"), 6), Some(d("2024-02-29")));
        assert_eq!(add_months(d("2024-09-15"), 6), Some(d("2025-03-15")));
        assert_eq!(add_months(d("2024-12-01"), 1), Some(d("2025-01-01")));
        assert_eq!(add_months(d("2024-01-31"), 24), Some(d("2026-01-31")));
    }
}
