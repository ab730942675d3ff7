//! A case (sag): one child and family, the services granted, and the split agreed at the joint
//! assessment. [`CaseDoc`] is the document as written; [`Case`] is it validated against a policy.

pub mod audit;

use std::collections::HashMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::i18n::Message;
use crate::model::date::Date;

use crate::model::error::{Doc, InputError, InputErrors, RefKind};
use crate::model::money::{Amount, Weight};
use crate::model::sector::Sector;
use crate::model::text::TextCheck;
use crate::model::validity::{check_overlaps, Validity};
use crate::policy::{DeptIx, KeyKind, MuniIx, Policy, Rule, ShareDoc};

/// The most service lines one case may have.
pub const MAX_SERVICES_PER_CASE: usize = 1000;
/// The most agreements, other cases or residence periods one case may have (each).
pub const MAX_ITEMS_PER_CASE: usize = 1000;

/// A case document as written (TOML or JSON).
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, expecting = "case")]
pub struct CaseDoc {
    /// Case id.
    pub id: String,
    /// Household id: children of one household are added together for state reimbursement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub household: Option<String>,
    /// The child.
    pub child: ChildDoc,
    /// The day the child was enrolled in shared financing, if the policy enrols (see the criteria's
    /// `age_rule`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enrolled: Option<Date>,
    /// The day the child was discharged (e.g. the family moved away): the first day no longer
    /// enrolled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discharged: Option<Date>,
    /// The household's parents and other custody holders, who may have cases of their own and
    /// give consent.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parents: Vec<ParentDoc>,
    /// Periods in which the family consents to (and is motivated for) shared financing.
    #[serde(default)]
    pub consent: Vec<ConsentDoc>,
    /// The family's other active cases (e.g. a parent's case in the employment department).
    #[serde(default)]
    pub other_cases: Vec<OtherCaseDoc>,
    /// The services granted.
    pub services: Vec<ServiceLineDoc>,
    /// Agreements on the split, set at the joint assessment; a re-assessment is a new agreement.
    #[serde(default)]
    pub agreements: Vec<AgreementDoc>,
    /// Income on the case (e.g. a parents' payment or an insurance payout), deducted from the cost
    /// before state reimbursement is computed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub income: Vec<IncomeDoc>,
    /// The cost per department per year before enrolment, if known; otherwise the follow-up
    /// computes it from the case's lines in the twelve months before the enrolment month.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub baseline: Vec<BaselineDoc>,
}

/// The cost of a case in one department per year before enrolment.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, expecting = "baseline")]
pub struct BaselineDoc {
    /// Department id.
    pub department: String,
    /// The yearly amount in DKK (a string, not negative).
    pub amount: Amount,
}

/// A parent or other adult of the household.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, expecting = "parent")]
pub struct ParentDoc {
    /// Person id, the same in every case document of the household.
    pub id: String,
    /// Whether the person holds custody (forældremyndighed); default yes.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub custody: bool,
}

fn yes() -> bool {
    true
}
fn is_true(b: &bool) -> bool {
    *b
}

/// Which children a consent covers.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema, strum::IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[non_exhaustive]
pub enum ConsentScope {
    /// The child of this case only.
    #[default]
    Child,
    /// Every child of the household.
    Household,
}

impl ConsentScope {
    fn is_child(&self) -> bool {
        *self == ConsentScope::Child
    }
}

/// A consent to (and motivation for) shared financing, over a period.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, expecting = "consent")]
pub struct ConsentDoc {
    /// First day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Date>,
    /// Last day, inclusive; absent means until withdrawn.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<Date>,
    /// The custody holders who gave it (ids of `parents`); absent means the family as a whole.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub by: Vec<String>,
    /// The children it covers: `child` (this case's child, the default) or `household`.
    #[serde(default, skip_serializing_if = "ConsentScope::is_child")]
    pub scope: ConsentScope,
}

/// Income on a case, deducted from the cost that state reimbursement is computed on.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, expecting = "income")]
pub struct IncomeDoc {
    /// Id, unique among the case's income.
    pub id: String,
    /// The amount in DKK (a string, not negative).
    pub amount: Amount,
    /// What the amount is per (a one-off amount counts over 12 months, like one-off costs).
    pub per: Per,
    /// First day (for `once`: the day received).
    pub from: Date,
    /// Last day, inclusive; absent means open-ended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<Date>,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The child.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, expecting = "child")]
pub struct ChildDoc {
    /// Date of birth.
    pub birth_date: Date,
    /// Whether the child has a significant and permanent disability.
    pub significant_permanent_disability: bool,
    /// The acting municipality (handlekommune) over time: each entry holds from its date until the
    /// next entry's date (a move).
    pub handlekommune: Vec<ResidenceDoc>,
}

/// The acting municipality from a date.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, expecting = "residence")]
pub struct ResidenceDoc {
    /// Municipality id.
    pub municipality: String,
    /// From this date.
    pub from: Date,
}

/// Another active case of the family.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, expecting = "other-case")]
pub struct OtherCaseDoc {
    /// Id.
    pub id: String,
    /// Its sector area.
    pub sector: Sector,
    /// Its department, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    /// Whose case it is: a parent's id; absent means the child's own (or the family's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<String>,
    /// First day active.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Date>,
    /// Last day active.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<Date>,
}

/// How an amount is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema, strum::IntoStaticStr)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[non_exhaustive]
pub enum Per {
    /// Per calendar month; partial months are prorated by calendar days.
    Month,
    /// Per service year (twelve months from the start month), spread over its months.
    Year,
    /// Once, on the start date.
    Once,
    /// Per day of service (døgntakst): each day the line covers costs the amount.
    Day,
    /// Per week of service: each day the line covers costs a seventh of the amount.
    Week,
    /// Per hour: `quantity` hours at the amount (an hourly rate), delivered per `every`.
    Hour,
    /// Per unit: `quantity` units at the amount (a unit price), delivered per `every`.
    Unit,
}

impl Per {
    /// Whether the amount is a price that needs a `quantity` (hours or units).
    pub fn needs_quantity(self) -> bool {
        matches!(self, Per::Hour | Per::Unit)
    }
}

/// The period a price is paid per: for `hour` and `unit` lines the period the quantity is
/// delivered in (`every`), otherwise the unit of the amount itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema, strum::IntoStaticStr)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[non_exhaustive]
pub enum Every {
    /// Each day of service.
    Day,
    /// Each week of service (a seventh per day).
    Week,
    /// Each calendar month, prorated by calendar days.
    Month,
    /// Each service year, spread over its months.
    Year,
    /// Once, on the start date.
    Once,
}

impl Per {
    /// The time unit of a line priced per `self`, with `every` for hours and units (default once).
    pub fn time_unit(self, every: Option<Every>) -> Every {
        match self {
            Per::Month => Every::Month,
            Per::Year => Every::Year,
            Per::Once => Every::Once,
            Per::Day => Every::Day,
            Per::Week => Every::Week,
            Per::Hour | Per::Unit => every.unwrap_or(Every::Once),
        }
    }
}

impl Every {
    /// Whether a line paid per `self` is granted for a period (not a one-off payment): only such
    /// grants make a sector area involved in the family (SEMANTICS.md section 9).
    pub fn is_periodic(self) -> bool {
        self != Every::Once
    }
}

/// A granted service.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, expecting = "service-line")]
pub struct ServiceLineDoc {
    /// Line id, unique in the case.
    pub id: String,
    /// Catalogue id of the service.
    pub service: String,
    /// The granted amount in DKK (a string, e.g. "4500.00").
    pub amount: Amount,
    /// What the amount is per: `month`, `year`, `once`, `day` (døgntakst), `week`, `hour` (an
    /// hourly rate) or `unit` (a unit price).
    pub per: Per,
    /// For `hour` and `unit`: the number of hours or units (not negative, at most 10 decimals).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity: Option<Weight>,
    /// For `hour` and `unit`: how often the quantity is delivered (`day`, `week`, `month`, `year`
    /// or `once`; default `once`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub every: Option<Every>,
    /// The id of a policy index the amount is regulated by; the amount is then given at the level
    /// of `base_year`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub index: Option<String>,
    /// The year whose level the amount is given at (with `index`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_year: Option<i32>,
    /// First day (for `once`: the day of the payment).
    pub from: Date,
    /// Last day, inclusive; absent means open-ended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<Date>,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A case agreement on the split of one service line.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, expecting = "agreement")]
pub struct AgreementDoc {
    /// Id.
    pub id: String,
    /// The service line it applies to.
    pub service: String,
    /// First day in force.
    pub from: Date,
    /// Last day in force; absent means until re-assessed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<Date>,
    /// Key kind.
    pub kind: KeyKind,
    /// Entries.
    #[serde(default)]
    pub shares: Vec<ShareDoc>,
    /// Free text (the reason: responsibility, gain, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Who decided it: `"coordination_group"` or `{ role = "..." }`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided_by: Option<audit::DecidedBy>,
    /// When it was decided.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided_on: Option<Date>,
    /// The journal number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub journal: Option<String>,
}

/// A validated service line.
#[derive(Debug, Clone)]
pub struct Line {
    /// Line id.
    pub id: Arc<str>,
    /// Index into the policy's services.
    pub service: usize,
    /// Amount.
    pub amount: Amount,
    /// Per.
    pub per: Per,
    /// Hours or units (for `hour` and `unit`).
    pub quantity: Option<Weight>,
    /// The time unit the price is paid per.
    pub every: Every,
    /// The policy index (its position) and the base year the amount is given at.
    pub indexation: Option<(usize, i32)>,
    /// Active days.
    pub validity: Validity,
}

/// Validated income.
#[derive(Debug, Clone)]
pub struct Income {
    /// Id.
    pub id: String,
    /// Amount (not negative).
    pub amount: Amount,
    /// Per.
    pub per: Per,
    /// The time unit it is paid per.
    pub every: Every,
    /// Days it covers.
    pub validity: Validity,
}

/// A validated agreement.
#[derive(Debug, Clone)]
pub struct Agreement {
    /// Id.
    pub id: Arc<str>,
    /// Index into the case's lines.
    pub line: usize,
    /// When in force.
    pub validity: Validity,
    /// The rule.
    pub rule: Rule,
    /// Note.
    pub note: Option<String>,
    /// Who decided it, when, and the journal number.
    pub audit: audit::Audit,
}

/// A validated consent.
#[derive(Debug, Clone)]
pub struct Consent {
    /// Days it covers.
    pub validity: Validity,
    /// The custody holders who gave it (sorted ids); empty means the family as a whole.
    pub by: Vec<String>,
    /// The children it covers.
    pub scope: ConsentScope,
}

/// Another case of the family, validated.
#[derive(Debug, Clone)]
pub struct OtherCase {
    /// Id.
    pub id: String,
    /// Sector area.
    pub sector: Sector,
    /// Department, if named.
    pub department: Option<DeptIx>,
    /// Whose case: a parent's id, or `None` for the child's own.
    pub person: Option<String>,
    /// Days active.
    pub validity: Validity,
}

/// A validated case.
#[derive(Debug, Clone)]
pub struct Case {
    /// Case id.
    pub id: String,
    /// Household id.
    pub household: Option<String>,
    /// Birth date.
    pub birth_date: Date,
    /// Disability flag.
    pub disability: bool,
    /// Acting municipality from each date, sorted.
    pub residence: Vec<(Date, MuniIx)>,
    /// Enrolled from this day (inclusive).
    pub enrolled: Option<Date>,
    /// Discharged on this day (the first day not enrolled).
    pub discharged: Option<Date>,
    /// The household's adults: id and whether they hold custody, sorted by id.
    pub parents: Vec<(String, bool)>,
    /// Consent periods.
    pub consent: Vec<Consent>,
    /// The family's other cases.
    pub other_cases: Vec<OtherCase>,
    /// Service lines.
    pub lines: Vec<Line>,
    /// Agreements, sorted by line and start.
    pub agreements: Vec<Agreement>,
    /// Income, in document order.
    pub income: Vec<Income>,
    /// The yearly cost per department before enrolment, as given (department, amount).
    pub baseline: Vec<(crate::policy::DeptIx, Amount)>,
}

impl Case {
    /// Validate a parsed case against `policy`, reporting every problem found.
    pub fn compile(policy: &Policy, doc: &CaseDoc) -> Result<Case, InputErrors> {
        let d = Doc::Case;
        let mut errors = Vec::new();
        let too_many = |field: &str, n: usize, max: usize, errors: &mut Vec<InputError>| {
            if n > max {
                errors.push(InputError::Invalid {
                    doc: d,
                    item: format!("case '{}'", doc.id),
                    field: field.into(),
                    problem: Box::new(Message::TooManyEntries { count: n.to_string(), max: max.to_string() }),
                });
            }
        };
        too_many("services", doc.services.len(), MAX_SERVICES_PER_CASE, &mut errors);
        too_many("agreements", doc.agreements.len(), MAX_ITEMS_PER_CASE, &mut errors);
        too_many("other_cases", doc.other_cases.len(), MAX_ITEMS_PER_CASE, &mut errors);
        too_many("consent", doc.consent.len(), MAX_ITEMS_PER_CASE, &mut errors);
        too_many("parents", doc.parents.len(), MAX_ITEMS_PER_CASE, &mut errors);
        too_many("income", doc.income.len(), MAX_ITEMS_PER_CASE, &mut errors);
        too_many("child.handlekommune", doc.child.handlekommune.len(), MAX_ITEMS_PER_CASE, &mut errors);
        if !errors.is_empty() {
            return Err(InputErrors(errors));
        }
        // Ids and names next: a refused one stops here, so no later message echoes it.
        let texts = check_texts(doc);
        if !texts.is_empty() {
            return Err(InputErrors(texts));
        }

        let residence = residence(policy, doc, &mut errors);
        let parents = parents(doc, &mut errors);
        let consent = consent(doc, &parents, &mut errors);
        enrolment(doc, &mut errors);

        let other_cases = other_cases(policy, doc, &parents, &mut errors);
        let lines = lines(policy, doc, &mut errors);
        let agreements = agreements(policy, doc, &lines, &mut errors);
        let income = income(doc, &mut errors);
        let baseline = baseline(policy, doc, &mut errors);

        if !errors.is_empty() {
            return Err(InputErrors(errors));
        }
        Ok(Case {
            id: doc.id.clone(),
            household: doc.household.clone(),
            birth_date: doc.child.birth_date,
            disability: doc.child.significant_permanent_disability,
            residence,
            enrolled: doc.enrolled,
            discharged: doc.discharged,
            parents,
            consent,
            other_cases,
            lines,
            agreements,
            income,
            baseline,
        })
    }

    /// Whether the child is enrolled on `d`: on or after the enrolment (when one is given) and
    /// before the discharge (when one is given).
    pub fn enrolled_on(&self, d: Date) -> bool {
        self.enrolled.is_none_or(|e| e <= d) && self.discharged.is_none_or(|x| d < x)
    }

    /// The acting municipality on `d`.
    pub fn handlekommune(&self, d: Date) -> Option<MuniIx> {
        // Sorted by date: the last move on or before `d`, by binary search.
        let n = self.residence.partition_point(|(from, _)| *from <= d);
        n.checked_sub(1).map(|i| self.residence[i].1)
    }
}

/// The ids of a case (see [`crate::model::text`]).
fn check_texts(doc: &CaseDoc) -> Vec<InputError> {
    let mut t = TextCheck::new(Doc::Case);
    t.id("case", "(document)", "id", &doc.id);
    if let Some(h) = &doc.household {
        t.id("household", "(document)", "household", h);
    }
    for (i, x) in doc.services.iter().enumerate() {
        t.id("services", &format!("services[{i}]"), "id", &x.id);
    }
    for (i, x) in doc.agreements.iter().enumerate() {
        t.id("agreements", &format!("agreements[{i}]"), "id", &x.id);
    }
    for (i, x) in doc.other_cases.iter().enumerate() {
        t.id("other_cases", &format!("other_cases[{i}]"), "id", &x.id);
    }
    for (i, x) in doc.income.iter().enumerate() {
        t.id("income", &format!("income[{i}]"), "id", &x.id);
    }
    for (i, x) in doc.parents.iter().enumerate() {
        t.id("parents", &format!("parents[{i}]"), "id", &x.id);
    }
    t.errors
}

/// The acting municipality from each date, sorted.
fn residence(policy: &Policy, doc: &CaseDoc, errors: &mut Vec<InputError>) -> Vec<(Date, MuniIx)> {
    let d = Doc::Case;
    let mut residence = Vec::new();
    for (i, r) in doc.child.handlekommune.iter().enumerate() {
        let it = format!("child.handlekommune[{i}]");
        match policy.municipality(&r.municipality) {
            Some(m) => residence.push((r.from, m)),
            None => errors.push(InputError::Unknown {
                doc: d,
                item: it,
                field: "municipality".into(),
                what: RefKind::Municipality,
                id: r.municipality.clone(),
            }),
        }
    }
    residence.sort();
    if let Some(w) = residence.windows(2).find(|w| w[0].0 == w[1].0) {
        errors.push(InputError::Invalid {
            doc: d,
            item: "child.handlekommune".into(),
            field: "from".into(),
            problem: Box::new(Message::TwoMunicipalitiesSameDate { date: w[0].0.to_string() }),
        });
    }
    if doc.child.handlekommune.is_empty() {
        errors.push(InputError::Invalid {
            doc: d,
            item: "child".into(),
            field: "handlekommune".into(),
            problem: Box::new(Message::NeedHandlekommune),
        });
    }

    residence
}

/// The family's other cases: id, sector area, validity.
fn other_cases(
    policy: &Policy,
    doc: &CaseDoc,
    parents: &[(String, bool)],
    errors: &mut Vec<InputError>,
) -> Vec<OtherCase> {
    let d = Doc::Case;
    let mut other_cases = Vec::new();
    let mut seen = HashMap::new();
    for (i, o) in doc.other_cases.iter().enumerate() {
        let it = format!("other_cases[{i}] '{}'", o.id);
        if seen.insert(o.id.as_str(), i).is_some() {
            errors.push(InputError::Duplicate { doc: d, item: it.clone(), id: o.id.clone() });
        }
        let v = Validity { from: o.from, to: o.to };
        if let Err(e) = v.check(d, &it) {
            errors.push(e);
        }
        if let Some(p) = &o.person {
            if parents.binary_search_by(|x| x.0.as_str().cmp(p)).is_err() {
                errors.push(unknown_person(&it, "person", p));
            }
        }
        let mut department = None;
        if let Some(dep) = &o.department {
            department = policy.department(dep);
            match department {
                None => errors.push(InputError::Unknown {
                    doc: d,
                    item: it.clone(),
                    field: "department".into(),
                    what: RefKind::Department,
                    id: dep.clone(),
                }),
                Some(ix) if !policy.departments[ix].sectors.contains(&o.sector) => errors.push(InputError::Invalid {
                    doc: d,
                    item: it.clone(),
                    field: "sector".into(),
                    problem: Box::new(Message::DepartmentNotSector {
                        department: dep.to_string(),
                        sector: o.sector.to_string(),
                    }),
                }),
                Some(_) => {}
            }
        }
        other_cases.push(OtherCase {
            id: o.id.clone(),
            sector: o.sector,
            department,
            person: o.person.clone(),
            validity: v,
        });
    }

    other_cases
}

/// An error for a reference to a person the document's `parents` do not list.
fn unknown_person(item: &str, field: &str, id: &str) -> InputError {
    InputError::Invalid {
        doc: Doc::Case,
        item: item.into(),
        field: field.into(),
        problem: Box::new(Message::UnknownPerson { person: id.to_string() }),
    }
}

/// The household's adults, sorted by id; an id given twice is an error.
fn parents(doc: &CaseDoc, errors: &mut Vec<InputError>) -> Vec<(String, bool)> {
    let mut out: Vec<(String, bool)> = Vec::new();
    for (i, p) in doc.parents.iter().enumerate() {
        if out.iter().any(|x| x.0 == p.id) {
            errors.push(InputError::Duplicate {
                doc: Doc::Case,
                item: format!("parents[{i}] '{}'", p.id),
                id: p.id.clone(),
            });
        } else {
            out.push((p.id.clone(), p.custody));
        }
    }
    out.sort();
    out
}

/// The consents: each given by custody holders the document lists.
fn consent(doc: &CaseDoc, parents: &[(String, bool)], errors: &mut Vec<InputError>) -> Vec<Consent> {
    let mut out = Vec::new();
    for (i, c) in doc.consent.iter().enumerate() {
        let it = format!("consent[{i}]");
        let validity = Validity { from: c.from, to: c.to };
        if let Err(e) = validity.check(Doc::Case, &it) {
            errors.push(e);
        }
        let mut by = Vec::new();
        for (j, p) in c.by.iter().enumerate() {
            match parents.binary_search_by(|x| x.0.as_str().cmp(p)) {
                Err(_) => errors.push(unknown_person(&it, &format!("by[{j}]"), p)),
                Ok(k) if !parents[k].1 => errors.push(InputError::Invalid {
                    doc: Doc::Case,
                    item: it.clone(),
                    field: format!("by[{j}]"),
                    problem: Box::new(Message::ConsentNotCustodyHolder { person: p.clone() }),
                }),
                Ok(_) => by.push(p.clone()),
            }
        }
        by.sort();
        by.dedup();
        out.push(Consent { validity, by, scope: c.scope });
    }
    out
}

/// Enrolment and discharge: a discharge must come after the enrolment.
fn enrolment(doc: &CaseDoc, errors: &mut Vec<InputError>) {
    if let (Some(e), Some(x)) = (doc.enrolled, doc.discharged) {
        if x <= e {
            errors.push(InputError::Invalid {
                doc: Doc::Case,
                item: format!("case '{}'", doc.id),
                field: "discharged".into(),
                problem: Box::new(Message::DischargeBeforeEnrolment {
                    discharged: x.to_string(),
                    enrolled: e.to_string(),
                }),
            });
        }
    }
}

/// The service lines, in document order.
fn lines(policy: &Policy, doc: &CaseDoc, errors: &mut Vec<InputError>) -> Vec<Line> {
    let d = Doc::Case;
    let mut lines = Vec::new();
    let mut line_ix: HashMap<&str, usize> = HashMap::new();
    for (i, s) in doc.services.iter().enumerate() {
        let it = format!("services[{i}] '{}'", s.id);
        if line_ix.insert(s.id.as_str(), i).is_some() {
            errors.push(InputError::Duplicate { doc: d, item: it.clone(), id: s.id.clone() });
        }
        let every = price(&it, s.per, s.quantity, s.every, errors);
        let validity = flow_validity(&it, every, s.from, s.to, errors);
        let indexation = indexation(policy, &it, s, errors);
        match policy.service(&s.service) {
            Some(ix) => lines.push(Line {
                id: s.id.as_str().into(),
                service: ix,
                amount: s.amount,
                per: s.per,
                quantity: s.quantity,
                every,
                indexation,
                validity,
            }),
            None => errors.push(InputError::Unknown {
                doc: d,
                item: it,
                field: "service".into(),
                what: RefKind::Service,
                id: s.service.clone(),
            }),
        }
    }
    if doc.services.is_empty() {
        errors.push(InputError::Invalid {
            doc: d,
            item: format!("case '{}'", doc.id),
            field: "services".into(),
            problem: Box::new(Message::NeedService),
        });
    }

    lines
}

/// The agreements, sorted by line and start; those of one line may not overlap.
fn agreements(policy: &Policy, doc: &CaseDoc, lines: &[Line], errors: &mut Vec<InputError>) -> Vec<Agreement> {
    let d = Doc::Case;
    let mut agreements = Vec::new();
    let mut seen = HashMap::new();
    let mut by_line: HashMap<usize, Vec<(String, Validity)>> = HashMap::new();
    for (i, a) in doc.agreements.iter().enumerate() {
        let it = format!("agreements[{i}] '{}'", a.id);
        if seen.insert(a.id.as_str(), i).is_some() {
            errors.push(InputError::Duplicate { doc: d, item: it.clone(), id: a.id.clone() });
        }
        let validity = Validity { from: Some(a.from), to: a.to };
        if let Err(e) = validity.check(d, &it) {
            errors.push(e);
        }
        let rule = policy.compile_rule(d, &it, a.kind, &a.shares, errors);
        let line = lines.iter().position(|l| *l.id == *a.service);
        if line.is_none() {
            errors.push(InputError::Unknown {
                doc: d,
                item: it.clone(),
                field: "service".into(),
                what: RefKind::ServiceLine,
                id: a.service.clone(),
            });
        }
        if let (Some(line), Some(rule)) = (line, rule) {
            by_line.entry(line).or_default().push((it, validity));
            let audit =
                audit::Audit { decided_by: a.decided_by.clone(), decided_on: a.decided_on, journal: a.journal.clone() };
            agreements.push(Agreement { id: a.id.as_str().into(), line, validity, rule, note: a.note.clone(), audit });
        }
    }
    let mut groups: Vec<_> = by_line.into_iter().collect();
    groups.sort_by_key(|g| g.0);
    for (_, items) in groups {
        check_overlaps(d, &items, errors);
    }
    agreements.sort_by_key(|a| (a.line, a.validity.from));

    agreements
}

/// The income, in document order.
fn income(doc: &CaseDoc, errors: &mut Vec<InputError>) -> Vec<Income> {
    let d = Doc::Case;
    let mut income = Vec::new();
    let mut seen = HashMap::new();
    for (i, x) in doc.income.iter().enumerate() {
        let it = format!("income[{i}] '{}'", x.id);
        if seen.insert(x.id.as_str(), i).is_some() {
            errors.push(InputError::Duplicate { doc: d, item: it.clone(), id: x.id.clone() });
        }
        if x.amount.value().is_sign_negative() && !x.amount.value().is_zero() {
            errors.push(InputError::Invalid {
                doc: d,
                item: it.clone(),
                field: "amount".into(),
                problem: Box::new(Message::IncomeNegative { amount: x.amount.to_string() }),
            });
        }
        let every = price(&it, x.per, None, None, errors);
        let validity = flow_validity(&it, every, x.from, x.to, errors);
        income.push(Income { id: x.id.clone(), amount: x.amount, per: x.per, every, validity });
    }

    income
}

/// The days an amount covers; a one-off amount covers its one day. Reports `to` before `from`,
/// and a one-off amount with a different `to`.
fn flow_validity(item: &str, every: Every, from: Date, to: Option<Date>, errors: &mut Vec<InputError>) -> Validity {
    let v = Validity { from: Some(from), to };
    if let Err(e) = v.check(Doc::Case, item) {
        errors.push(e);
    }
    if every != Every::Once {
        return v;
    }
    if to.is_some_and(|t| t != from) {
        errors.push(InputError::Invalid {
            doc: Doc::Case,
            item: item.into(),
            field: "to".into(),
            problem: Box::new(Message::OnceHasTo),
        });
    }
    Validity { from: Some(from), to: Some(from) }
}

/// The time unit of an amount `per` with `quantity` and `every`: hours and units need a quantity,
/// other units take neither a quantity nor `every`.
fn price(item: &str, per: Per, quantity: Option<Weight>, every: Option<Every>, errors: &mut Vec<InputError>) -> Every {
    let per_text: &'static str = per.into();
    let invalid = |field: &str, problem: Message| InputError::Invalid {
        doc: Doc::Case,
        item: item.into(),
        field: field.into(),
        problem: Box::new(problem),
    };
    if per.needs_quantity() && quantity.is_none() {
        errors.push(invalid("quantity", Message::NeedQuantity { per: per_text.into() }));
    }
    if !per.needs_quantity() && quantity.is_some() {
        errors.push(invalid("quantity", Message::QuantityNotTaken { per: per_text.into() }));
    }
    if !per.needs_quantity() && every.is_some() {
        errors.push(invalid("every", Message::QuantityNotTaken { per: per_text.into() }));
    }
    per.time_unit(every)
}

/// The index and base year of a line given at a base level: both or neither, the index known and
/// its base year given in it.
fn indexation(policy: &Policy, item: &str, s: &ServiceLineDoc, errors: &mut Vec<InputError>) -> Option<(usize, i32)> {
    let invalid = |field: &str, problem: Message| InputError::Invalid {
        doc: Doc::Case,
        item: item.into(),
        field: field.into(),
        problem: Box::new(problem),
    };
    match (&s.index, s.base_year) {
        (None, None) => None,
        (Some(_), None) => {
            errors.push(invalid("base_year", Message::NeedBaseYear));
            None
        }
        (None, Some(_)) => {
            errors.push(invalid("index", Message::NeedIndex));
            None
        }
        (Some(id), Some(year)) => match policy.index(id) {
            None => {
                errors.push(InputError::Unknown {
                    doc: Doc::Case,
                    item: item.into(),
                    field: "index".into(),
                    what: RefKind::Index,
                    id: id.clone(),
                });
                None
            }
            Some(ix) if policy.indices[ix].value(year).is_none() => {
                errors.push(invalid(
                    "base_year",
                    Message::IndexYearMissing { index: id.clone(), year: year.to_string() },
                ));
                None
            }
            Some(ix) => Some((ix, year)),
        },
    }
}

/// The baseline cost per department: known departments, each once, amounts not negative, and an
/// enrolment date.
fn baseline(policy: &Policy, doc: &CaseDoc, errors: &mut Vec<InputError>) -> Vec<(crate::policy::DeptIx, Amount)> {
    let d = Doc::Case;
    if !doc.baseline.is_empty() && doc.enrolled.is_none() {
        errors.push(InputError::Invalid {
            doc: d,
            item: format!("case '{}'", doc.id),
            field: "baseline".into(),
            problem: Box::new(Message::BaselineNeedsEnrolled),
        });
    }
    let mut out: Vec<(crate::policy::DeptIx, Amount)> = Vec::new();
    for (i, b) in doc.baseline.iter().enumerate() {
        let item = format!("baseline[{i}] '{}'", b.department);
        if b.amount.value().is_sign_negative() {
            errors.push(InputError::Invalid {
                doc: d,
                item: item.clone(),
                field: "amount".into(),
                problem: Box::new(Message::FollowUpAmountNegative { amount: b.amount.to_string() }),
            });
        }
        match policy.department(&b.department) {
            None => {
                errors.push(crate::policy::compile::unknown(d, &item, "department", RefKind::Department, &b.department))
            }
            Some(ix) if out.iter().any(|(x, _)| *x == ix) => {
                errors.push(InputError::Duplicate { doc: d, item, id: b.department.clone() })
            }
            Some(ix) => out.push((ix, b.amount)),
        }
    }
    out
}
