//! The policy document as written: municipalities, departments, the service catalogue, keys,
//! eligibility criteria, arrangements and the reimbursement scheme. Its TOML/JSON form is declared
//! here, once, by serde's derive.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::model::date::Date;
use crate::model::money::{Amount, Weight};
use crate::model::sector::Sector;

/// A policy document as written (TOML or JSON). See the README for a full example.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, expecting = "policy")]
pub struct PolicyDoc {
    /// Name of the policy.
    pub name: String,
    /// Free-text version label.
    #[serde(default)]
    pub version: Option<String>,
    /// Municipalities.
    pub municipalities: Vec<MunicipalityDoc>,
    /// Departments.
    pub departments: Vec<DepartmentDoc>,
    /// The service catalogue.
    pub services: Vec<ServiceDoc>,
    /// Allocation keys.
    #[serde(default)]
    pub keys: Vec<KeyDoc>,
    /// Eligibility criteria, by validity.
    #[serde(default)]
    pub eligibility: Vec<CriteriaDoc>,
    /// Cross-municipality arrangements.
    #[serde(default)]
    pub arrangements: Vec<ArrangementDoc>,
    /// State reimbursement of particularly expensive single cases, if the policy computes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reimbursement: Option<SchemeDoc>,
    /// Yearly indices (pris- og lønfremskrivning, satsregulering) that amounts given at a base
    /// year's level are regulated by.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indices: Vec<IndexDoc>,
    /// The controller's year: committees, budget areas and the price index (read by the portfolio).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<crate::policy::year::YearDoc>,
    /// The ledger: cost centres, groupings and export profiles (read by the posting export).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ledger: Option<crate::policy::ledger::LedgerDoc>,
}

/// A yearly index: one value per calendar year; an amount at year B's level is worth
/// `amount × value(Y) / value(B)` in year Y.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, expecting = "index")]
pub struct IndexDoc {
    /// Id used by service lines and reimbursement levels.
    pub id: String,
    /// Name, e.g. "Satsreguleringsprocent".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The values, one per year.
    pub years: Vec<IndexYearDoc>,
}

/// An index's value in one year.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, expecting = "index-year")]
pub struct IndexYearDoc {
    /// The calendar year.
    pub year: i32,
    /// The index value (above 0; e.g. 100 in the base year, 102 after a 2 % regulation).
    pub value: Weight,
    /// Whether the value is confirmed against its published source (default yes).
    #[serde(default = "yes")]
    pub confirmed: bool,
    /// Source or remark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A municipality.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, expecting = "municipality")]
pub struct MunicipalityDoc {
    /// Id used elsewhere in the documents.
    pub id: String,
    /// Name.
    pub name: String,
    /// Kommunekode (three digits, e.g. 183 for Ishøj).
    pub code: u16,
}

/// A department (forvaltning, center, afdeling).
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, expecting = "department")]
pub struct DepartmentDoc {
    /// Id used elsewhere in the documents.
    pub id: String,
    /// Name.
    pub name: String,
    /// Id of its municipality.
    pub municipality: String,
    /// The sector areas it serves. A municipality has at most one department per sector area: that
    /// department is "the municipality's department for the sector".
    pub sectors: Vec<Sector>,
}

/// A department named directly or as "the responsible municipality's department for a sector".
#[derive(Debug, Clone, Default, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, expecting = "target")]
pub struct TargetDoc {
    /// A department id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    /// A sector area, resolved in the municipality that pays (or grants, for authority).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sector: Option<Sector>,
}

/// A legal basis, dated (Barnets lov replaced parts of Serviceloven on 2024-01-01).
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, expecting = "legal-basis")]
pub struct LegalBasisDoc {
    /// The text, e.g. "Barnets lov § 86".
    pub text: String,
    /// First day in force.
    #[serde(default)]
    pub from: Option<Date>,
    /// Last day in force.
    #[serde(default)]
    pub to: Option<Date>,
}

/// How a service is booked (used for posting lines).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize, schemars::JsonSchema, strum::IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[non_exhaustive]
pub enum ServiceKind {
    /// A cash benefit to the family (art 5.2).
    CashBenefit,
    /// A service or measure bought or delivered.
    #[default]
    Service,
}

/// A service in the catalogue.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, expecting = "service")]
pub struct ServiceDoc {
    /// Id used by cases.
    pub id: String,
    /// Name.
    pub name: String,
    /// The sector area in which the service is granted.
    pub sector: Sector,
    /// Legal bases, dated.
    pub legal_basis: Vec<LegalBasisDoc>,
    /// Who may grant it; by default the acting municipality's department for `sector`.
    #[serde(default)]
    pub authority: Option<TargetDoc>,
    /// Who must pay; by default the acting municipality's department for `sector`.
    #[serde(default)]
    pub payer: Option<TargetDoc>,
    /// Id of the policy key used for eligible cases, if any.
    #[serde(default)]
    pub key: Option<String>,
    /// Account function (kontoplan), e.g. "5.57.72".
    #[serde(default)]
    pub function: Option<String>,
    /// How the service is booked.
    #[serde(default)]
    pub kind: ServiceKind,
}

/// The kind of an allocation key.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Deserialize,
    Serialize,
    schemars::JsonSchema,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[non_exhaustive]
pub enum KeyKind {
    /// 100 % to one department (the payer unless one is named).
    Sole,
    /// Fixed percentages; below 100 the rest goes to the payer.
    Percent,
    /// Proportional to weights.
    Weights,
    /// Equal weights over the listed departments, or over the departments involved in the case.
    Equal,
}

impl fmt::Display for KeyKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.into())
    }
}

/// One department's entry in a key.
#[derive(Debug, Clone, Default, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, expecting = "share")]
pub struct ShareDoc {
    /// A department id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    /// Or a sector area, resolved in the paying municipality.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sector: Option<Sector>,
    /// Percentage (percent keys).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percent: Option<Weight>,
    /// Weight (weights keys).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<Weight>,
}

/// A dated version of a policy key.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, expecting = "key-version")]
pub struct KeyVersionDoc {
    /// First day in force.
    #[serde(default)]
    pub from: Option<Date>,
    /// Last day in force.
    #[serde(default)]
    pub to: Option<Date>,
    /// The kind.
    pub kind: KeyKind,
    /// The entries.
    #[serde(default)]
    pub shares: Vec<ShareDoc>,
    /// Only the departments involved in the case that day take part: the weight of an entry whose
    /// department is not involved goes to the payer (default no).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub involved_only: bool,
}

/// A policy allocation key with its versions over time.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, expecting = "key")]
pub struct KeyDoc {
    /// Id used by services.
    pub id: String,
    /// Name or reason (responsibility, gain, ...).
    #[serde(default)]
    pub name: Option<String>,
    /// Versions; they may not overlap.
    pub versions: Vec<KeyVersionDoc>,
}

/// An age range in whole years, both ends inclusive.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, expecting = "age")]
pub struct AgeDoc {
    /// Youngest age that qualifies.
    pub min: u8,
    /// Oldest age that qualifies (eligible until the day before the next birthday).
    pub max: u8,
}

/// Eligibility criteria for shared financing in force over a period.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, expecting = "criteria")]
pub struct CriteriaDoc {
    /// First day in force.
    #[serde(default)]
    pub from: Option<Date>,
    /// Last day in force.
    #[serde(default)]
    pub to: Option<Date>,
    /// Minimum number of distinct sector areas involved (default 2).
    #[serde(default = "two")]
    pub min_sector_areas: u8,
    /// Whether family consent is required (default yes).
    #[serde(default = "yes")]
    pub consent_required: bool,
    /// Whether a significant and permanent disability is required (default yes).
    #[serde(default = "yes")]
    pub disability_required: bool,
    /// Age range of the child, if any.
    #[serde(default)]
    pub age: Option<AgeDoc>,
    /// When the age range is checked: every day (`daily`, the default) or once, on the day the
    /// child is enrolled (`at_enrolment`: the child stays in after growing older).
    #[serde(default, skip_serializing_if = "AgeRule::is_daily")]
    pub age_rule: AgeRule,
    /// Municipalities covered (the child's acting municipality must be one); default all.
    #[serde(default)]
    pub municipalities: Option<Vec<String>>,
}

/// When a criteria's age range is checked ([`CriteriaDoc::age_rule`]).
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema, strum::IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[non_exhaustive]
pub enum AgeRule {
    /// The child's age on each day.
    #[default]
    Daily,
    /// The child's age on the day of enrolment; an enrolled child stays in until discharged.
    AtEnrolment,
}

impl AgeRule {
    /// Whether this is the default, daily rule.
    pub fn is_daily(&self) -> bool {
        *self == AgeRule::Daily
    }
}

fn two() -> u8 {
    2
}
fn yes() -> bool {
    true
}

/// Municipality `grantor` grants (and delivers) services in `sectors` on behalf of `on_behalf_of`,
/// which keeps the payment obligation.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, expecting = "arrangement")]
pub struct ArrangementDoc {
    /// Id.
    pub id: String,
    /// The municipality that grants.
    pub grantor: String,
    /// The municipality whose residents it grants for.
    pub on_behalf_of: String,
    /// The sector areas covered.
    pub sectors: Vec<Sector>,
    /// First day in force.
    #[serde(default)]
    pub from: Option<Date>,
    /// Last day in force.
    #[serde(default)]
    pub to: Option<Date>,
    /// Legal basis or decision.
    #[serde(default)]
    pub basis: Option<String>,
}

/// The most tiers one level may have.
pub const MAX_TIERS: usize = 10;

/// A reimbursement scheme as written in the policy.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, expecting = "scheme")]
pub struct SchemeDoc {
    /// Id.
    pub id: String,
    /// Name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Legal basis, e.g. "Barnets lov § 198".
    pub legal_basis: String,
    /// Catalogue ids of the services whose cost counts.
    pub services: Vec<String>,
    /// Who receives the reimbursement: absent, it follows the cost split; otherwise one department,
    /// named or as the paying municipality's department for a sector area.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient: Option<TargetDoc>,
    /// Dated thresholds and rates; they may not overlap and change only at month boundaries.
    pub levels: Vec<LevelDoc>,
    /// The account function the reimbursement is booked on (kontoplan), e.g. "5.22.07"; it is
    /// booked as state reimbursement (dranst 2, art 8.6). Absent: the posting names no function.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub function: Option<String>,
}

/// The thresholds and rates in force over a period.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, expecting = "level")]
pub struct LevelDoc {
    /// First day in force (a month's first day).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Date>,
    /// Last day in force (a month's last day).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<Date>,
    /// Tiers by rising threshold.
    pub tiers: Vec<TierDoc>,
    /// The legal basis of this level, when it differs from the scheme's (e.g. "Serviceloven § 176"
    /// until 2023, "Barnets lov § 198" from 2024).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_basis: Option<String>,
    /// The id of an index the thresholds are regulated by every year; they are then stated at the
    /// level of `base_year`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub index: Option<String>,
    /// The year whose level the thresholds are stated at (with `index`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_year: Option<i32>,
    /// A regulated threshold is rounded to a multiple of this (in DKK, whole øre; default 0.01),
    /// half away from zero.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub round_to: Option<Amount>,
    /// Whether the level's figures are confirmed against their published source (default yes).
    #[serde(default = "yes")]
    pub confirmed: bool,
    /// Source or remark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// One marginal tier: `percent` of the yearly cost above `above`, up to the next tier's threshold.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, expecting = "tier")]
pub struct TierDoc {
    /// Yearly threshold in DKK (whole øre); the monthly threshold is one twelfth of it.
    pub above: Amount,
    /// The state's percentage of the cost in the tier (above 0, at most 100).
    pub percent: Weight,
}
