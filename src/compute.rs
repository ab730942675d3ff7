//! The computation: from a policy, a case and a period to split lines, totals and verdicts.
//!
//! 1. Time is cut into segments wherever anything changes: month starts, services starting and
//!    ending, agreements, moves, consent, other cases, birthdays, and the validity of criteria, keys,
//!    arrangements and legal bases.
//! 2. Each segment gets an eligibility verdict (SEMANTICS.md section 4).
//! 3. Each active service line gets, per segment, its authority, payer and key (section 5);
//!    consecutive segments of a month with the same decision form one line.
//! 4. The line's amount is computed exactly and rounded once (section 3), then split by largest
//!    remainder (section 2). Totals are sums of the rounded shares.

use std::sync::Arc;

use serde::Serialize;

use crate::case::{Case, Line as CaseLine, Per};
use crate::date::{Date, Month};
use crate::doc::Validity;
use crate::error::ComputeError;
use crate::money::{round_div, Amount, Exact, Money, Weight, MAX_ORE};
use crate::policy::{DeptIx, KeyKind, MuniIx, Policy, Rule, Sector, Target};
use crate::split::{exact_share, scale_weights, split_ore};

/// The longest period computed at once, in months (50 years).
pub const MAX_PERIOD_MONTHS: i64 = 600;

/// The period a result covers, both ends inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// First day.
    pub from: Date,
    /// Last day.
    pub to: Date,
}

/// The result of splitting one case over a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SplitResult {
    /// Case id.
    pub case: String,
    /// Policy name and version.
    pub policy: String,
    /// The period computed.
    pub period: Period,
    /// Eligibility verdicts over the period, in date order.
    pub eligibility: Vec<Verdict>,
    /// One line per (service line, month, segment), in service-line then date order.
    pub lines: Vec<Line>,
    /// Totals: sums of the rounded shares.
    pub totals: Totals,
    /// State reimbursement, when the policy has a scheme (see [`crate::reimbursement`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reimbursement: Option<crate::reimbursement::Reimbursement>,
}

/// The eligibility verdict over a stretch of days with the same facts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verdict {
    /// First day.
    pub from: Date,
    /// Last day.
    pub to: Date,
    /// Whether the case qualifies for shared financing.
    pub eligible: bool,
    /// Which criteria of the policy were in force (`eligibility[N]`), if any.
    pub criteria_in_force: Option<String>,
    /// Every criterion with its outcome.
    pub criteria: Vec<Criterion>,
}

/// One criterion's outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Criterion {
    /// Name: `criteria_in_force`, `sector_areas`, `consent`, `disability`, `age`, `municipality`.
    pub criterion: &'static str,
    /// Whether it passed.
    pub passed: bool,
    /// What the policy requires (language-neutral: `2`, `true`, `0-6`, `ishoj vallensbaek`).
    pub required: String,
    /// The case's value that decided it (`3`, `2023-09-01`, `4`, `ishoj`; `none` when absent).
    pub actual: String,
    /// Supporting values: the sector areas counted, the birth date.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub detail: Vec<String>,
}

/// A department with its municipality.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Responsible {
    /// Department id.
    pub department: Arc<str>,
    /// Department name.
    pub department_name: Arc<str>,
    /// Municipality id.
    pub municipality: Arc<str>,
    /// How it was resolved: `acting_municipality` (the handlekommune's department for the sector
    /// area), `arrangement` (another municipality grants on the handlekommune's behalf) or
    /// `named_department` (fixed in the service catalogue).
    pub rule: &'static str,
    /// The sector area used, for the first two rules.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sector: Option<Sector>,
    /// The arrangement id, for `arrangement`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub arrangement: Option<String>,
}

/// Which key decided a line's split.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KeyUsed {
    /// `agreement`, `policy` or `sole`.
    pub source: &'static str,
    /// Agreement or key id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<Arc<str>>,
    /// Key kind.
    pub kind: KeyKind,
    /// Validity of the agreement or key version.
    pub validity: Validity,
    /// Why this key was chosen: `agreement_in_force`, `policy_key`, `not_eligible`,
    /// `no_key_version_in_force` or `no_key`.
    pub reason: &'static str,
}

/// One department's share of a line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LineShare {
    /// Department id.
    pub department: Arc<str>,
    /// Municipality id.
    pub municipality: Arc<str>,
    /// The weight or percentage used.
    pub weight: Weight,
    /// The rounded share.
    pub amount: Money,
    /// The exact share before rounding.
    pub exact: Exact,
    /// Whether a leftover øre went to this department.
    pub leftover_ore: bool,
    /// The department's index in the policy.
    #[serde(skip)]
    pub(crate) dept: DeptIx,
}

/// One (service line, month, segment) with its amount, decision and split.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Line {
    /// The case's service line id.
    pub service_line: Arc<str>,
    /// Catalogue service id.
    pub service: Arc<str>,
    /// Service name.
    pub service_name: Arc<str>,
    /// The month.
    pub month: Month,
    /// First day of the segment.
    pub from: Date,
    /// Last day of the segment.
    pub to: Date,
    /// How the amount was computed.
    pub basis: AmountBasis,
    /// The exact amount before rounding.
    pub exact_amount: Exact,
    /// The rounded amount of the line.
    pub amount: Money,
    /// Whether the case was eligible.
    pub eligible: bool,
    /// Indices into [`SplitResult::eligibility`] of the verdicts covering the line.
    pub verdicts: Vec<usize>,
    /// Legal basis in force.
    pub legal_basis: Arc<str>,
    /// Who may grant.
    pub authority: Responsible,
    /// Who must pay.
    pub payer: Responsible,
    /// Which key was used.
    pub key: KeyUsed,
    /// The split, by department id.
    pub shares: Vec<LineShare>,
    /// The service's index in the policy's catalogue.
    #[serde(skip)]
    pub(crate) service_ix: usize,
}

/// A split result with each line reduced to what a table shows (see [`LineSummary`]); the
/// contract's `detail: "summary"`. Verdicts, totals and reimbursement are those of the full result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SplitSummary {
    /// Case id.
    pub case: String,
    /// Policy name and version.
    pub policy: String,
    /// The period computed.
    pub period: Period,
    /// Eligibility verdicts.
    pub eligibility: Vec<Verdict>,
    /// The lines, reduced.
    pub lines: Vec<LineSummary>,
    /// Totals.
    pub totals: Totals,
    /// State reimbursement, when the policy has a scheme.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reimbursement: Option<crate::reimbursement::Reimbursement>,
}

/// A line reduced to its amount, key and shares: the fields of [`Line`] a table needs; the reasons
/// (basis, exact values, authority, payer, legal basis) come with the full result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LineSummary {
    /// The case's service line id.
    pub service_line: Arc<str>,
    /// Catalogue service id.
    pub service: Arc<str>,
    /// The month.
    pub month: Month,
    /// First day.
    pub from: Date,
    /// Last day.
    pub to: Date,
    /// The rounded amount.
    pub amount: Money,
    /// Whether the case was eligible.
    pub eligible: bool,
    /// `agreement`, `policy` or `sole`.
    pub key_source: &'static str,
    /// Agreement or key id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_id: Option<Arc<str>>,
    /// Department id and rounded share.
    pub shares: Vec<DeptAmount>,
}

impl From<SplitResult> for SplitSummary {
    fn from(r: SplitResult) -> SplitSummary {
        SplitSummary {
            case: r.case,
            policy: r.policy,
            period: r.period,
            eligibility: r.eligibility,
            lines: r
                .lines
                .into_iter()
                .map(|l| LineSummary {
                    service_line: l.service_line,
                    service: l.service,
                    month: l.month,
                    from: l.from,
                    to: l.to,
                    amount: l.amount,
                    eligible: l.eligible,
                    key_source: l.key.source,
                    key_id: l.key.id,
                    shares: l
                        .shares
                        .into_iter()
                        .map(|s| DeptAmount { department: s.department, amount: s.amount })
                        .collect(),
                })
                .collect(),
            totals: r.totals,
            reimbursement: r.reimbursement,
        }
    }
}

/// How a line's amount follows from the granted amount.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AmountBasis {
    /// What the granted amount is per.
    pub per: Per,
    /// The granted amount as given.
    pub granted: Amount,
    /// For yearly amounts: the month's number in the service year (1 to 12).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service_year_month: Option<u32>,
    /// For yearly amounts: the month's part of the year, `round(k*Y/12) - round((k-1)*Y/12)`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub month_amount: Option<Money>,
    /// Days of the month the line covers (absent for one-off amounts).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub days: Option<u32>,
    /// Days in the month.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub days_in_month: Option<u32>,
}

/// A department's total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DepartmentTotal {
    /// Department id.
    pub department: Arc<str>,
    /// Name.
    pub name: Arc<str>,
    /// Municipality id.
    pub municipality: Arc<str>,
    /// Total.
    pub amount: Money,
}

/// A municipality's total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MunicipalityTotal {
    /// Municipality id.
    pub municipality: Arc<str>,
    /// Name.
    pub name: String,
    /// Kommunekode.
    pub code: u16,
    /// Total.
    pub amount: Money,
}

/// A month's total, with its departments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MonthTotal {
    /// The month.
    pub month: Month,
    /// Total.
    pub amount: Money,
    /// By department id.
    pub departments: Vec<DeptAmount>,
}

/// A department id and an amount.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DeptAmount {
    /// Department id.
    pub department: Arc<str>,
    /// Amount.
    pub amount: Money,
}

/// Totals of a result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Totals {
    /// The whole case.
    pub case: Money,
    /// Per department (those with shares), by id.
    pub by_department: Vec<DepartmentTotal>,
    /// Per municipality, in policy order.
    pub by_municipality: Vec<MunicipalityTotal>,
    /// Per month.
    pub by_month: Vec<MonthTotal>,
}

/// The decision for one service line on one segment.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Decision {
    eligible: bool,
    authority: DeptIx,
    authority_rule: Rulings,
    payer: DeptIx,
    payer_rule: Rulings,
    key: KeyUsedIx,
    weights: Vec<(DeptIx, Weight)>,
    /// Index into the service's legal bases.
    legal: Option<usize>,
}

/// How a department was resolved (see [`Responsible::rule`]).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Rulings {
    rule: &'static str,
    sector: Option<Sector>,
    /// Index into the policy's arrangements.
    arrangement: Option<usize>,
}

impl Rulings {
    fn named() -> Rulings {
        Rulings { rule: "named_department", sector: None, arrangement: None }
    }
    fn acting(s: Sector) -> Rulings {
        Rulings { rule: "acting_municipality", sector: Some(s), arrangement: None }
    }
    fn arrangement(s: Sector, ix: usize) -> Rulings {
        Rulings { rule: "arrangement", sector: Some(s), arrangement: Some(ix) }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct KeyUsedIx {
    source: &'static str,
    /// Index into the case's agreements (source `agreement`) or the policy's keys (`policy`).
    ix: Option<usize>,
    kind: KeyKind,
    validity: Validity,
    reason: &'static str,
}

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
                message: "siblings are added together only for state reimbursement, and the policy has no \
                          reimbursement scheme"
                    .into(),
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
                message: format!(
                    "is in household {}, case '{}' in household {}: only children of one household are added \
                     together",
                    household_text(&s.household),
                    case.id,
                    household_text(&case.household)
                ),
            });
        }
        if cases.iter().any(|c| c.id == s.id) {
            return Err(ComputeError::Reimbursement {
                item: format!("case '{}'", s.id),
                message: "is given twice in the household".into(),
            });
        }
        cases.push(s);
    }
    let period = result.period;
    results.push(result);
    for s in siblings {
        results.push(compute_lines(policy, s, Some(period))?);
    }
    let reimbursement = crate::reimbursement::reimburse(policy, scheme, &cases, &results)?;
    let mut result = results.swap_remove(0);
    result.reimbursement = Some(reimbursement);
    Ok(result)
}

fn household_text(h: &Option<String>) -> String {
    h.as_ref().map_or_else(|| "(none)".to_string(), |h| format!("'{h}'"))
}

/// Split a case over a period, without reimbursement.
pub(crate) fn compute_lines(policy: &Policy, case: &Case, period: Option<Period>) -> Result<SplitResult, ComputeError> {
    let period = resolve_period(case, period)?;
    let segments = segments(policy, case, period);
    let mut verdicts: Vec<Verdict> = Vec::new();
    let mut seg_verdict = Vec::with_capacity(segments.len());
    let mut seg_facts = Vec::with_capacity(segments.len());
    // The verdict's texts are written only where its facts change (the key says when).
    let mut last_key: Option<VerdictKey> = None;
    for &(from, to) in &segments {
        let facts = Facts::at(policy, case, from);
        let key = facts.verdict_key(policy, case, from);
        let eligible = match verdicts.last_mut() {
            Some(v) if last_key.as_ref() == Some(&key) && v.to.succ() == Some(from) => {
                v.to = to;
                v.eligible
            }
            _ => {
                let (eligible, criteria_in_force, criteria) = facts.verdict(policy, case, from);
                verdicts.push(Verdict { from, to, eligible, criteria_in_force, criteria });
                eligible
            }
        };
        last_key = Some(key);
        seg_verdict.push(verdicts.len() - 1);
        seg_facts.push((eligible, facts));
    }

    let mut lines = Vec::new();
    for (li, line) in case.lines.iter().enumerate() {
        // Consecutive segments of one month with the same decision form one output line.
        let mut open: Option<(Date, Date, Decision, Vec<usize>)> = None;
        for (si, &(from, to)) in segments.iter().enumerate() {
            if !line.validity.contains(from) {
                continue;
            }
            let (eligible, facts) = &seg_facts[si];
            let decision = decide(policy, case, li, line, from, *eligible, facts)?;
            match &mut open {
                Some((_, t, d, vs)) if *d == decision && t.month_of() == from.month_of() && t.succ() == Some(from) => {
                    *t = to;
                    if vs.last() != Some(&seg_verdict[si]) {
                        vs.push(seg_verdict[si]);
                    }
                }
                _ => {
                    if let Some((f, t, d, vs)) = open.take() {
                        lines.push(make_line(policy, case, line, f, t, d, vs)?);
                    }
                    open = Some((from, to, decision, vec![seg_verdict[si]]));
                }
            }
        }
        if let Some((f, t, d, vs)) = open {
            lines.push(make_line(policy, case, line, f, t, d, vs)?);
        }
    }
    let totals = totals(policy, &lines)?;
    let label = match &policy.version {
        Some(v) => format!("{} ({v})", policy.name),
        None => policy.name.clone(),
    };
    Ok(SplitResult {
        case: case.id.clone(),
        policy: label,
        period,
        eligibility: verdicts,
        lines,
        totals,
        reimbursement: None,
    })
}

fn resolve_period(case: &Case, period: Option<Period>) -> Result<Period, ComputeError> {
    let p = match period {
        Some(p) => p,
        None => {
            let from = case.lines.iter().filter_map(|l| l.validity.from).min();
            let mut to = None;
            for l in &case.lines {
                match l.validity.to {
                    Some(t) => to = Some(to.map_or(t, |x: Date| x.max(t))),
                    None => return Err(ComputeError::PeriodNeeded { item: format!("service line '{}'", l.id) }),
                }
            }
            match (from, to) {
                (Some(from), Some(to)) => Period { from, to },
                _ => return Err(ComputeError::PeriodNeeded { item: format!("case '{}'", case.id) }),
            }
        }
    };
    if p.to < p.from {
        return Err(ComputeError::PeriodEndBeforeStart { from: p.from.to_string(), to: p.to.to_string() });
    }
    let months = i64::from(p.from.month_of().months_until(p.to.month_of())) + 1;
    if months > MAX_PERIOD_MONTHS {
        return Err(ComputeError::PeriodTooLong {
            from: p.from.to_string(),
            to: p.to.to_string(),
            months,
            max: MAX_PERIOD_MONTHS,
        });
    }
    Ok(p)
}

/// Cut the period into segments `[from, to]` within which nothing changes.
fn segments(policy: &Policy, case: &Case, period: Period) -> Vec<(Date, Date)> {
    let mut cuts: Vec<Date> = vec![period.from];
    let mut m = period.from.month_of().succ();
    while let Some(month) = m {
        if month.first_day() > period.to {
            break;
        }
        cuts.push(month.first_day());
        m = month.succ();
    }
    let mut add = |v: &Validity| cuts.extend(v.cuts());
    case.lines.iter().for_each(|l| add(&l.validity));
    case.agreements.iter().for_each(|a| add(&a.validity));
    case.consent.iter().for_each(&mut add);
    case.other_cases.iter().for_each(|o| add(&o.2));
    policy.criteria.iter().for_each(|c| add(&c.validity));
    policy.arrangements.iter().for_each(|a| add(&a.validity));
    policy.keys.iter().flat_map(|k| &k.versions).for_each(|v| add(&v.validity));
    policy.services.iter().flat_map(|s| &s.legal_basis).for_each(|l| add(&l.0));
    cuts.extend(case.residence.iter().map(|r| r.0));
    // Birthdays change the age shown in the verdict; ages outside the period do not matter.
    let first = case.birth_date.age_on(period.from).max(0);
    let last = case.birth_date.age_on(period.to).max(0);
    cuts.extend((first..=last + 1).filter_map(|a| case.birth_date.anniversary(a)));
    cuts.push(case.birth_date);
    cuts.retain(|d| *d >= period.from && *d <= period.to);
    crate::order::sort(&mut cuts);
    cuts.dedup();
    let mut out = Vec::with_capacity(cuts.len());
    for (i, &c) in cuts.iter().enumerate() {
        let end = cuts.get(i + 1).and_then(|n| n.pred()).unwrap_or(period.to);
        out.push((c, end));
    }
    out
}

/// The facts of a case on a date.
#[derive(Debug, Clone)]
struct Facts {
    handlekommune: Option<MuniIx>,
    /// Sector areas involved (active services' and other cases'), sorted and distinct.
    sectors: Vec<Sector>,
}

/// What a verdict depends on: equal keys give equal verdicts. `None` when no criteria are in
/// force (the verdict then depends on nothing else); otherwise the criteria's index, the sector
/// areas involved, the consent period, the age and the acting municipality.
type VerdictKey = Option<(usize, Vec<Sector>, Option<usize>, i32, Option<MuniIx>)>;

impl Facts {
    fn verdict_key(&self, policy: &Policy, case: &Case, d: Date) -> VerdictKey {
        let c = policy.criteria.iter().position(|c| c.validity.contains(d))?;
        let consent = case.consent.iter().position(|v| v.contains(d));
        Some((c, self.sectors.clone(), consent, case.birth_date.age_on(d), self.handlekommune))
    }

    fn at(policy: &Policy, case: &Case, d: Date) -> Facts {
        let mut sectors: Vec<Sector> = case
            .lines
            .iter()
            .filter(|l| l.validity.contains(d))
            .map(|l| policy.services[l.service].sector)
            .chain(case.other_cases.iter().filter(|o| o.2.contains(d)).map(|o| o.1))
            .collect();
        crate::order::sort(&mut sectors);
        sectors.dedup();
        Facts { handlekommune: case.handlekommune(d), sectors }
    }

    fn verdict(&self, policy: &Policy, case: &Case, d: Date) -> (bool, Option<String>, Vec<Criterion>) {
        let crit = |criterion, passed, required: String, actual: String, detail: Vec<String>| Criterion {
            criterion,
            passed,
            required,
            actual,
            detail,
        };
        let Some(c) = policy.criteria.iter().find(|c| c.validity.contains(d)) else {
            return (false, None, vec![crit("criteria_in_force", false, "true".into(), "none".into(), vec![])]);
        };
        let n = self.sectors.len();
        let names = self.sectors.iter().map(|s| s.as_str().to_string()).collect();
        let consent = case.consent.iter().find(|v| v.contains(d));
        let age = case.birth_date.age_on(d);
        let (age_ok, age_req) = match c.age {
            Some((lo, hi)) => (age >= i32::from(lo) && age <= i32::from(hi), format!("{lo}-{hi}")),
            None => (age >= 0, "any".into()),
        };
        let (muni_ok, muni_req) = match &c.municipalities {
            Some(ms) => (
                self.handlekommune.is_some_and(|h| ms.contains(&h)),
                ms.iter().map(|&m| &*policy.municipalities[m].id).collect::<Vec<_>>().join(" "),
            ),
            None => (self.handlekommune.is_some(), "any".into()),
        };
        let out = vec![
            crit(
                "sector_areas",
                n >= usize::from(c.min_sector_areas),
                c.min_sector_areas.to_string(),
                n.to_string(),
                names,
            ),
            crit(
                "consent",
                !c.consent_required || consent.is_some(),
                c.consent_required.to_string(),
                match consent {
                    Some(v) => v.from.map_or_else(|| "true".into(), |f| f.to_string()),
                    None => "none".into(),
                },
                vec![],
            ),
            crit(
                "disability",
                !c.disability_required || case.disability,
                c.disability_required.to_string(),
                case.disability.to_string(),
                vec![],
            ),
            crit(
                "age",
                age_ok && age >= 0,
                age_req,
                if age < 0 { "none".into() } else { age.to_string() },
                vec![case.birth_date.to_string()],
            ),
            crit(
                "municipality",
                muni_ok,
                muni_req,
                self.handlekommune.map_or_else(|| "none".into(), |m| policy.municipalities[m].id.to_string()),
                vec![],
            ),
        ];
        let eligible = out.iter().all(|c| c.passed);
        (eligible, Some(format!("eligibility[{}]", c.index)), out)
    }
}

fn decide(
    policy: &Policy,
    case: &Case,
    li: usize,
    line: &CaseLine,
    d: Date,
    eligible: bool,
    facts: &Facts,
) -> Result<Decision, ComputeError> {
    let service = &policy.services[line.service];
    let item = || format!("service line '{}'", line.id);
    let Some(hk) = facts.handlekommune else {
        return Err(ComputeError::NoHandlekommune { item: item(), date: d.to_string() });
    };
    let hk_id = &policy.municipalities[hk].id;
    // Authority: an arrangement in force may move the granting to another municipality.
    let (authority, authority_rule) = match service.authority {
        Target::Department(dx) => (Some(dx), Rulings::named()),
        Target::Sector(s) => {
            let arr = policy
                .arrangements
                .iter()
                .position(|a| a.on_behalf_of == hk && a.sectors.contains(&s) && a.validity.contains(d));
            match arr {
                Some(ix) => (policy.department_for(policy.arrangements[ix].grantor, s), Rulings::arrangement(s, ix)),
                None => (policy.department_for(hk, s), Rulings::acting(s)),
            }
        }
    };
    let (payer, payer_rule) = match service.payer {
        Target::Department(dx) => (Some(dx), Rulings::named()),
        Target::Sector(s) => (policy.department_for(hk, s), Rulings::acting(s)),
    };
    let (Some(authority), Some(payer)) = (authority, payer) else {
        return Err(ComputeError::Key {
            item: item(),
            key: "authority/payer".into(),
            date: d.to_string(),
            message: format!("municipality '{hk_id}' has no department for sector area '{}'", service.sector),
        });
    };
    let pay_muni = policy.departments[payer].municipality;
    let legal = service.legal_basis.iter().position(|l| l.0.contains(d));

    let (rule, key): (Rule, KeyUsedIx) = if !eligible {
        (
            Rule::Sole(None),
            KeyUsedIx {
                source: "sole",
                ix: None,
                kind: KeyKind::Sole,
                validity: Validity::default(),
                reason: "not_eligible",
            },
        )
    } else if let Some(ai) = case.agreements.iter().position(|a| a.line == li && a.validity.contains(d)) {
        let a = &case.agreements[ai];
        let k = KeyUsedIx {
            source: "agreement",
            ix: Some(ai),
            kind: a.rule.kind(),
            validity: a.validity,
            reason: "agreement_in_force",
        };
        (a.rule.clone(), k)
    } else if let Some((ki, v)) =
        service.key.and_then(|k| policy.keys[k].versions.iter().find(|v| v.validity.contains(d)).map(|v| (k, v)))
    {
        let used = KeyUsedIx {
            source: "policy",
            ix: Some(ki),
            kind: v.rule.kind(),
            validity: v.validity,
            reason: "policy_key",
        };
        (v.rule.clone(), used)
    } else {
        let reason = if service.key.is_some() { "no_key_version_in_force" } else { "no_key" };
        (
            Rule::Sole(None),
            KeyUsedIx { source: "sole", ix: None, kind: KeyKind::Sole, validity: Validity::default(), reason },
        )
    };
    let key_name = || key_id(policy, case, &key).unwrap_or_else(|| "sole".into());
    let resolve = |t: Target| {
        policy.resolve(t, pay_muni).ok_or_else(|| ComputeError::Key {
            item: item(),
            key: key_name().to_string(),
            date: d.to_string(),
            message: match t {
                Target::Sector(s) => format!(
                    "municipality '{}' has no department for sector area '{s}'",
                    policy.municipalities[pay_muni].id
                ),
                Target::Department(_) => "unknown department".into(),
            },
        })
    };
    let mut weights: Vec<(DeptIx, Weight)> = Vec::new();
    let add = |dx: DeptIx, w: Weight, weights: &mut Vec<(DeptIx, Weight)>| match weights.iter_mut().find(|e| e.0 == dx)
    {
        Some(e) => e.1 = Weight::new(e.1.value() + w.value()).unwrap_or(e.1),
        None => weights.push((dx, w)),
    };
    match &rule {
        Rule::Sole(t) => {
            let dx = match t {
                Some(t) => resolve(*t)?,
                None => payer,
            };
            add(dx, Weight::from_int(100), &mut weights);
        }
        Rule::Percent(entries) | Rule::Weights(entries) => {
            let mut sum = rust_decimal::Decimal::ZERO;
            for &(t, w) in entries {
                add(resolve(t)?, w, &mut weights);
                sum += w.value();
            }
            if rule.kind() == KeyKind::Percent && sum < rust_decimal::Decimal::from(100) {
                let rest = Weight::new(rust_decimal::Decimal::from(100) - sum).unwrap_or_default();
                add(payer, rest, &mut weights);
            }
        }
        Rule::Equal(targets) => {
            if targets.is_empty() {
                for &s in &facts.sectors {
                    if let Some(dx) = policy.department_for(pay_muni, s) {
                        add(dx, Weight::from_int(1), &mut weights);
                    }
                }
                if weights.is_empty() {
                    add(payer, Weight::from_int(1), &mut weights);
                }
            } else {
                for &t in targets {
                    add(resolve(t)?, Weight::from_int(1), &mut weights);
                }
            }
        }
    }
    crate::order::sort_by_key(&mut weights, |w| w.0);
    if weights.iter().all(|w| w.1.is_zero()) {
        return Err(ComputeError::Key {
            item: item(),
            key: key_name().to_string(),
            date: d.to_string(),
            message: "all weights are zero".into(),
        });
    }
    Ok(Decision { eligible, authority, authority_rule, payer, payer_rule, key, weights, legal })
}

/// The amount of `line` for days `from..=to` of one month: rounded øre, exact text, and basis.
fn line_amount(line: &CaseLine, from: Date, to: Date) -> Result<(i64, Exact, AmountBasis), ComputeError> {
    flow_amount("service line", &line.id, line.amount, line.per, line.validity, from, to)
}

/// The amount of a flow (a service line or income) for days `from..=to` of one month.
pub(crate) fn flow_amount(
    kind: &str,
    id: &str,
    amount: Amount,
    per: Per,
    validity: Validity,
    from: Date,
    to: Date,
) -> Result<(i64, Exact, AmountBasis), ComputeError> {
    let month = from.month_of();
    let dim = i128::from(month.days());
    // The line's first covered day in this month: cumulative rounding starts there, so the
    // segments of a month always add up to the amount for the days the line covers.
    let first = validity.from.filter(|f| f.month_of() == month).map_or(1, |f| f.day());
    let c_before = i128::from(from.day() - first);
    let c_end = i128::from(to.day() - first + 1);
    let days = c_end - c_before;
    let (num, den) = amount.ore_ratio();
    let mut basis = AmountBasis {
        per,
        granted: amount,
        service_year_month: None,
        month_amount: None,
        days: Some(days as u32),
        days_in_month: Some(month.days()),
    };
    let (ore, exact) = match per {
        Per::Once => {
            basis.days = None;
            basis.days_in_month = None;
            (round_div(num, den), Exact::new(num, den))
        }
        Per::Month => (
            round_div(num * c_end, den * dim) - round_div(num * c_before, den * dim),
            Exact::new(num * days, den * dim),
        ),
        Per::Year => {
            let start = validity.from.map_or(month, Date::month_of);
            let k = i128::from(start.months_until(month).rem_euclid(12) + 1);
            let m = round_div(num * k, den * 12) - round_div(num * (k - 1), den * 12);
            basis.service_year_month = Some(k as u32);
            basis.month_amount = i64::try_from(m).ok().map(Money::from_ore);
            (round_div(m * c_end, dim) - round_div(m * c_before, dim), Exact::new(m * days, dim))
        }
    };
    match i64::try_from(ore) {
        Ok(v) if v.unsigned_abs() <= MAX_ORE.unsigned_abs() => Ok((v, exact, basis)),
        _ => Err(ComputeError::Overflow { item: format!("{kind} '{id}' in {month}") }),
    }
}

/// The id of the agreement or policy key a decision used.
fn key_id(policy: &Policy, case: &Case, k: &KeyUsedIx) -> Option<Arc<str>> {
    match k.source {
        "agreement" => k.ix.map(|i| case.agreements[i].id.clone()),
        "policy" => k.ix.map(|i| policy.keys[i].id.clone()),
        _ => None,
    }
}

fn responsible(policy: &Policy, dx: DeptIx, r: &Rulings) -> Responsible {
    let d = &policy.departments[dx];
    Responsible {
        department: d.id.clone(),
        department_name: d.name.clone(),
        municipality: policy.municipalities[d.municipality].id.clone(),
        rule: r.rule,
        sector: r.sector,
        arrangement: r.arrangement.map(|ix| policy.arrangements[ix].id.clone()),
    }
}

fn make_line(
    policy: &Policy,
    case: &Case,
    line: &CaseLine,
    from: Date,
    to: Date,
    d: Decision,
    verdicts: Vec<usize>,
) -> Result<Line, ComputeError> {
    let (ore, exact_amount, basis) = line_amount(line, from, to)?;
    let ws: Vec<Weight> = d.weights.iter().map(|w| w.1).collect();
    let item = || ComputeError::Overflow { item: format!("service line '{}' in {}", line.id, from.month_of()) };
    let scaled = scale_weights(&ws).map_err(|_| item())?;
    let mut out = vec![0i64; ws.len()];
    let mut leftover = vec![false; ws.len()];
    split_ore(ore, &scaled, &mut out, &mut leftover).map_err(|_| item())?;
    let total: u128 = scaled.iter().sum();
    let shares = d
        .weights
        .iter()
        .enumerate()
        .map(|(i, &(dx, w))| LineShare {
            department: policy.departments[dx].id.clone(),
            municipality: policy.municipalities[policy.departments[dx].municipality].id.clone(),
            weight: w,
            amount: Money::from_ore(out[i]),
            exact: exact_share(ore, scaled[i], total),
            leftover_ore: leftover[i],
            dept: dx,
        })
        .collect();
    let service = &policy.services[line.service];
    Ok(Line {
        service_line: line.id.clone(),
        service: service.id.clone(),
        service_name: service.name.clone(),
        month: from.month_of(),
        from,
        to,
        basis,
        exact_amount,
        amount: Money::from_ore(ore),
        eligible: d.eligible,
        verdicts,
        legal_basis: d.legal.map(|ix| service.legal_basis[ix].1.clone()).unwrap_or_default(),
        authority: responsible(policy, d.authority, &d.authority_rule),
        payer: responsible(policy, d.payer, &d.payer_rule),
        key: KeyUsed {
            source: d.key.source,
            id: key_id(policy, case, &d.key),
            kind: d.key.kind,
            validity: d.key.validity,
            reason: d.key.reason,
        },
        shares,
        service_ix: line.service,
    })
}

/// The most a case's total (per department, municipality, month, or all) may be, in øre.
const MAX_TOTAL_ORE: u64 = (MAX_ORE as u64) * 1000;

/// Add `v` to `acc`, or report the total (named by `item`) that would pass [`MAX_TOTAL_ORE`].
fn add_to(acc: &mut i64, v: i64, item: impl FnOnce() -> String) -> Result<(), ComputeError> {
    *acc = acc.checked_add(v).filter(|s| s.unsigned_abs() <= MAX_TOTAL_ORE).ok_or_else(|| {
        ComputeError::TotalTooLarge { item: item(), limit: Money::from_ore(MAX_TOTAL_ORE as i64).to_string() }
    })?;
    Ok(())
}

fn totals(policy: &Policy, lines: &[Line]) -> Result<Totals, ComputeError> {
    let nd = policy.departments.len();
    let mut by_dept = vec![0i64; nd];
    let mut used = vec![false; nd];
    let mut by_muni = vec![0i64; policy.municipalities.len()];
    // Months in order, with their total and their total per department (a sorted list: a map
    // would be compiled for these types alone).
    let mut months: Vec<(Month, (i64, Vec<i64>))> = Vec::new();
    let mut case = 0i64;
    for l in lines {
        let at = match months.binary_search_by(|m| m.0.cmp(&l.month)) {
            Ok(at) => at,
            Err(at) => {
                months.insert(at, (l.month, (0, vec![0; nd])));
                at
            }
        };
        let month = &mut months[at].1;
        for s in &l.shares {
            let dx = s.dept;
            let v = s.amount.ore();
            let dept = &policy.departments[dx];
            let muni = || &policy.municipalities[dept.municipality].id;
            add_to(&mut by_dept[dx], v, || format!("the case's total for department '{}' ({})", dept.id, muni()))?;
            used[dx] = true;
            add_to(&mut by_muni[dept.municipality], v, || format!("the case's total for municipality '{}'", muni()))?;
            add_to(&mut month.0, v, || format!("the case's total for {}", l.month))?;
            add_to(&mut month.1[dx], v, || {
                format!("the case's total for department '{}' ({}) in {}", dept.id, muni(), l.month)
            })?;
            add_to(&mut case, v, || "the case's total".to_string())?;
        }
    }
    let by_department = (0..nd)
        .filter(|&i| used[i])
        .map(|i| {
            let d = &policy.departments[i];
            DepartmentTotal {
                department: d.id.clone(),
                name: d.name.clone(),
                municipality: policy.municipalities[d.municipality].id.clone(),
                amount: Money::from_ore(by_dept[i]),
            }
        })
        .collect();
    let by_municipality = policy
        .municipalities
        .iter()
        .enumerate()
        .map(|(i, m)| MunicipalityTotal {
            municipality: m.id.clone(),
            name: m.name.clone(),
            code: m.code,
            amount: Money::from_ore(by_muni[i]),
        })
        .collect();
    let by_month = months
        .into_iter()
        .map(|(month, (amount, ds))| MonthTotal {
            month,
            amount: Money::from_ore(amount),
            departments: (0..nd)
                .filter(|&i| used[i])
                .map(|i| DeptAmount { department: policy.departments[i].id.clone(), amount: Money::from_ore(ds[i]) })
                .collect(),
        })
        .collect();
    Ok(Totals { case: Money::from_ore(case), by_department, by_municipality, by_month })
}
