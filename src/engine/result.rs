//! What a split gives: per service line, month and segment the amount, the verdicts, authority,
//! payer, key and shares, and the totals. Every field is data; [`crate::report`] phrases it.

use std::sync::Arc;

use schemars::JsonSchema;
use serde::Serialize;

use crate::case::{Every, Per};
use crate::model::date::{Date, Month};
use crate::model::error::vocabulary;
use crate::model::money::Amount;
use crate::model::money::{Exact, Money, Weight};
use crate::model::sector::Sector;
use crate::model::validity::{Period, Validity};
use crate::policy::{DeptIx, KeyKind};

/// The name of an eligibility criterion ([`Criterion::criterion`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema, strum::IntoStaticStr, strum::VariantArray)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[non_exhaustive]
pub enum CriterionName {
    /// Whether any criteria of the policy are in force on the date.
    CriteriaInForce,
    /// The number of distinct sector areas involved.
    SectorAreas,
    /// The family's consent.
    Consent,
    /// A significant and permanent disability.
    Disability,
    /// The child's age.
    Age,
    /// The acting municipality is one the criteria cover.
    Municipality,
    /// The child's age on the day it was enrolled (the policy's `age_rule = "at_enrolment"`).
    AgeAtEnrolment,
    /// The child is enrolled (after its enrolment date, before its discharge).
    Enrolment,
}

/// How a responsible department was resolved ([`Responsible::rule`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema, strum::IntoStaticStr, strum::VariantArray)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[non_exhaustive]
pub enum ResolvedBy {
    /// Fixed in the service catalogue.
    NamedDepartment,
    /// The acting municipality's (handlekommune's) department for the sector area.
    ActingMunicipality,
    /// Another municipality grants on the acting municipality's behalf.
    Arrangement,
}

/// Where the key of a line came from ([`KeyUsed::source`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema, strum::IntoStaticStr, strum::VariantArray)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[non_exhaustive]
pub enum KeySource {
    /// A case agreement.
    Agreement,
    /// The service's policy key.
    Policy,
    /// No key: the payer pays 100 %.
    Sole,
}

/// Why a line's key was chosen ([`KeyUsed::reason`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema, strum::IntoStaticStr, strum::VariantArray)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[non_exhaustive]
pub enum KeyReason {
    /// A case agreement is in force.
    AgreementInForce,
    /// No agreement is in force; the service's policy key applies.
    PolicyKey,
    /// The case is not eligible: the payer pays 100 %.
    NotEligible,
    /// The service has a policy key, but no version of it is in force.
    NoKeyVersionInForce,
    /// No agreement and no policy key for the service.
    NoKey,
}

/// How state reimbursement is allocated ([`Reimbursement::allocation`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema, strum::IntoStaticStr, strum::VariantArray)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[non_exhaustive]
pub enum Allocation {
    /// Following the cost split.
    FollowSplit,
    /// To one recipient department.
    Recipient,
}

vocabulary!(CriterionName, ResolvedBy, KeySource, KeyReason, Allocation);

/// The result of splitting one case over a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct SplitResult {
    /// Case id.
    pub case: String,
    /// Policy name and version.
    pub policy: String,
    /// The period computed.
    pub period: Period,
    /// When no period was asked for and the case has a service without an end date: why the period
    /// is the budget year it is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period_default: Option<PeriodDefault>,
    /// Eligibility verdicts over the period, in date order.
    pub eligibility: Vec<Verdict>,
    /// One line per (service line, month, segment), in service-line then date order.
    pub lines: Vec<Line>,
    /// Totals: sums of the rounded shares.
    pub totals: Totals,
    /// State reimbursement, when the policy has a scheme (see [`crate::engine::reimbursement`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reimbursement: Option<Reimbursement>,
    /// The case's agreements that record who decided them, when, or a journal number.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agreements: Vec<crate::case::audit::AgreementRecord>,
}

/// The period chosen for a case with an open-ended service when none was asked for: the budget
/// year (the calendar year, for Danish municipalities) of the date the caller gave as today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
pub struct PeriodDefault {
    /// The date the caller gave as today.
    pub today: Date,
    /// The budget year: the period is its 1 January to 31 December.
    pub budget_year: i16,
}

impl PeriodDefault {
    /// The budget year of `today`, as the period to compute.
    pub fn budget_year_of(today: Date) -> Option<(PeriodDefault, Period)> {
        let year = today.year();
        let from = Date::new(year, 1, 1).ok()?;
        let to = Date::new(year, 12, 31).ok()?;
        Some((PeriodDefault { today, budget_year: i16::try_from(year).ok()? }, Period { from, to }))
    }
}

/// The eligibility verdict over a stretch of days with the same facts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Criterion {
    /// Name: `criteria_in_force`, `sector_areas`, `consent`, `disability`, `age`, `municipality`.
    pub criterion: CriterionName,
    /// Whether it passed.
    pub passed: bool,
    /// What the policy requires (language-neutral: `2`, `true`, `0-6`, `ishoj vallensbaek`).
    pub required: String,
    /// The case's value that decided it (`3`, `2023-09-01`, `4`, `ishoj`; `none` when absent).
    pub actual: String,
    /// Supporting values: the sector areas counted, the custody holders who consented, the birth
    /// date (and enrolment date), the enrolment and discharge dates.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub detail: Vec<String>,
    /// The case of the household's other child whose values decided a criterion about the child
    /// (disability, age, municipality), when the case's own child does not meet them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub child: Option<String>,
}

/// A department with its municipality.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
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
    pub rule: ResolvedBy,
    /// The sector area used, for the first two rules.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sector: Option<Sector>,
    /// The arrangement id, for `arrangement`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub arrangement: Option<String>,
    /// The municipality (id) on whose behalf the arrangement's grantor acts, for `arrangement`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub arrangement_for: Option<Arc<str>>,
}

/// Which key decided a line's split.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct KeyUsed {
    /// `agreement`, `policy` or `sole`.
    pub source: KeySource,
    /// Agreement or key id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<Arc<str>>,
    /// The policy key's name, when it has one (agreements are named by their id).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Key kind.
    pub kind: KeyKind,
    /// Validity of the agreement or key version.
    pub validity: Validity,
    /// Why this key was chosen: `agreement_in_force`, `policy_key`, `not_eligible`,
    /// `no_key_version_in_force` or `no_key`.
    pub reason: KeyReason,
    /// For a case that is not eligible (`not_eligible`): the id of the case agreement in force that
    /// was set aside.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub set_aside: Option<Arc<str>>,
    /// The key is restricted to the departments involved in the case (`involved_only`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub involved_only: bool,
    /// The key's departments not involved in the case: their weight went to the payer.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub uninvolved: Vec<Uninvolved>,
}

/// A department of a restricted key that is not involved in the case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Uninvolved {
    /// Department id.
    pub department: Arc<str>,
    /// Department name.
    pub name: Arc<str>,
    /// The weight or percentage that went to the payer.
    pub weight: Weight,
}

/// One department's share of a line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct SplitSummary {
    /// Case id.
    pub case: String,
    /// Policy name and version.
    pub policy: String,
    /// The period computed.
    pub period: Period,
    /// Why the period is the budget year it is (see [`SplitResult::period_default`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period_default: Option<PeriodDefault>,
    /// Eligibility verdicts.
    pub eligibility: Vec<Verdict>,
    /// The lines, reduced.
    pub lines: Vec<LineSummary>,
    /// Totals.
    pub totals: Totals,
    /// State reimbursement, when the policy has a scheme.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reimbursement: Option<Reimbursement>,
    /// The case's agreements that record who decided them (see [`SplitResult::agreements`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agreements: Vec<crate::case::audit::AgreementRecord>,
}

/// A line reduced to its amount, key and shares: the fields of [`Line`] a table needs; the reasons
/// (basis, exact values, authority, payer, legal basis) come with the full result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
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
    pub key_source: KeySource,
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
            period_default: r.period_default,
            eligibility: r.eligibility,
            lines: r.lines.into_iter().map(LineSummary::from).collect(),
            totals: r.totals,
            reimbursement: r.reimbursement,
            agreements: r.agreements,
        }
    }
}

impl From<Line> for LineSummary {
    fn from(l: Line) -> LineSummary {
        LineSummary {
            service_line: l.service_line,
            service: l.service,
            month: l.month,
            from: l.from,
            to: l.to,
            amount: l.amount,
            eligible: l.eligible,
            key_source: l.key.source,
            key_id: l.key.id,
            shares: l.shares.into_iter().map(|s| DeptAmount { department: s.department, amount: s.amount }).collect(),
        }
    }
}

/// How a line's amount follows from the granted amount.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
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
    /// For `hour` and `unit`: the number of hours or units.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quantity: Option<Weight>,
    /// For `hour` and `unit`: how often the quantity is delivered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub every: Option<Every>,
    /// For `hour` and `unit`: rate × quantity, exactly, the price per `every`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub price: Option<Exact>,
    /// For an amount given at a base year's level: the index used and the regulated rate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub indexed: Option<IndexUsed>,
    /// When the line's month is cut and this segment does not start on the line's first day of the
    /// month: the amount is the month's amount so far less the amount before the segment, each
    /// rounded (cumulative rounding, SEMANTICS.md section 3).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cumulative: Option<Cumulative>,
}

impl AmountBasis {
    /// The time unit the line's price is paid per.
    pub fn time_unit(&self) -> Every {
        self.per.time_unit(self.every)
    }
}

/// How an amount given at a base year's level was regulated: `rate = round(granted × value /
/// base_value)` to the øre.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct IndexUsed {
    /// Index id.
    pub index: Arc<str>,
    /// Index name, when the policy gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index_name: Option<String>,
    /// The year the amount is given at.
    pub base_year: i32,
    /// The index's value in the base year.
    pub base_value: Weight,
    /// The year regulated to (the calendar year of the month).
    pub year: i32,
    /// The index's value in that year.
    pub value: Weight,
    /// Whether both values are confirmed.
    pub confirmed: bool,
    /// The regulated rate, rounded to the øre (used in place of the granted amount).
    pub rate: Money,
}

/// Cumulative rounding of a segment: `so_far − before`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Cumulative {
    /// Days of the month from the line's first day through the segment's last day.
    pub days_so_far: u32,
    /// The month's amount for those days, rounded.
    pub so_far: Money,
    /// Days of the month before the segment (from the line's first day).
    pub days_before: u32,
    /// The month's amount for those days, rounded.
    pub before: Money,
}

/// A department's total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct MonthTotal {
    /// The month.
    pub month: Month,
    /// Total.
    pub amount: Money,
    /// By department id.
    pub departments: Vec<DeptAmount>,
}

/// A department id and an amount.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct DeptAmount {
    /// Department id.
    pub department: Arc<str>,
    /// Amount.
    pub amount: Money,
}

/// Totals of a result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
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

// ---------------------------------------------------------------------------------------------
// State reimbursement (see crate::engine::reimbursement)
// ---------------------------------------------------------------------------------------------

/// State reimbursement over a period for a household (one or more children's cases).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Reimbursement {
    /// The scheme's id.
    pub scheme: String,
    /// Its legal basis.
    pub legal_basis: String,
    /// `follow_split` or `recipient` (one department).
    pub allocation: Allocation,
    /// The household id, if the cases name one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub household: Option<String>,
    /// The cases added together, the computed case first.
    pub cases: Vec<String>,
    /// One entry per month and municipality with counted cost or income.
    pub months: Vec<ReimbursementMonth>,
    /// Per case.
    pub by_case: Vec<CaseNet>,
    /// Per department (with gross cost or reimbursement), by id.
    pub by_department: Vec<DepartmentNet>,
    /// Per month.
    pub by_month: Vec<MonthNet>,
    /// The whole household.
    pub total: Net,
}

/// Gross cost, reimbursement and net cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Net {
    /// Every share booked.
    pub gross: Money,
    /// State reimbursement.
    pub reimbursement: Money,
    /// Gross less reimbursement.
    pub net: Money,
}

/// A case's gross, reimbursement and net.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct CaseNet {
    /// Case id.
    pub case: String,
    /// Gross.
    pub gross: Money,
    /// Reimbursement.
    pub reimbursement: Money,
    /// Net.
    pub net: Money,
}

/// A department's gross, reimbursement and net.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct DepartmentNet {
    /// Department id.
    pub department: Arc<str>,
    /// Municipality id.
    pub municipality: Arc<str>,
    /// Gross.
    pub gross: Money,
    /// Reimbursement.
    pub reimbursement: Money,
    /// Net.
    pub net: Money,
}

/// A month's gross, reimbursement and net.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct MonthNet {
    /// Month.
    pub month: Month,
    /// Gross.
    pub gross: Money,
    /// Reimbursement.
    pub reimbursement: Money,
    /// Net.
    pub net: Money,
}

/// The computation for one month and one paying municipality.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct ReimbursementMonth {
    /// Month.
    pub month: Month,
    /// Municipality id.
    pub municipality: Arc<str>,
    /// The level used; absent when none was in force (then nothing is reimbursed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<Validity>,
    /// The level's own legal basis, when it has one (else the scheme's applies).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub legal_basis: Option<String>,
    /// How the level's thresholds were regulated to the month's year, when they are.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub regulation: Option<RegulationUsed>,
    /// Whether a figure used (the level's, or an index value) is not confirmed.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub unconfirmed: bool,
    /// Cost of counted services booked in the municipality, with one-off costs spread.
    pub counted: Money,
    /// Of which twelfths of one-off costs.
    pub one_off_part: Money,
    /// Income deducted.
    pub income: Money,
    /// Counted cost less income.
    pub base: Money,
    /// Each tier's part.
    pub tiers: Vec<TierPart>,
    /// The exact reimbursement before rounding.
    pub exact: Exact,
    /// The reimbursement.
    pub reimbursement: Money,
    /// Its allocation to the cases: weight is the case's counted cost less income (at least 0).
    pub cases: Vec<Allocated>,
    /// Its allocation to departments: weight is the department's counted share (following the
    /// split) or the case's weight (one recipient).
    pub departments: Vec<Allocated>,
}

/// Thresholds stated at a base year's level, regulated to the month's year:
/// `round(stated × value / base_value)` to a multiple of `round_to`, half away from zero.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct RegulationUsed {
    /// Index id.
    pub index: Arc<str>,
    /// Index name, when the policy gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index_name: Option<String>,
    /// The year the thresholds are stated at.
    pub base_year: i32,
    /// The index's value in the base year.
    pub base_value: Weight,
    /// The month's year.
    pub year: i32,
    /// The index's value in that year.
    pub value: Weight,
    /// Regulated thresholds are rounded to a multiple of this.
    pub round_to: Money,
}

/// One tier's part of a month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct TierPart {
    /// The yearly threshold used (regulated, when the level is).
    pub above: Amount,
    /// The threshold as stated at the base year's level, when regulated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stated: Option<Amount>,
    /// One twelfth of it, exactly.
    pub monthly_threshold: Exact,
    /// The rate in percent.
    pub percent: Weight,
    /// The base's part inside the tier, exactly.
    pub portion: Exact,
    /// Rate × portion, exactly.
    pub amount: Exact,
}

/// A part of a month's reimbursement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Allocated {
    /// Case id.
    pub case: Arc<str>,
    /// Department id (for department parts).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub department: Option<Arc<str>>,
    /// The weight used.
    pub weight: Money,
    /// The amount.
    pub amount: Money,
    /// Whether a leftover øre went here.
    pub leftover_ore: bool,
}
