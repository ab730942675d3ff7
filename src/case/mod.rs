//! A case (sag): one child and family, the services granted, and the split agreed at the joint
//! assessment. [`CaseDoc`] is the document as written; [`Case`] is it validated against a policy.

use std::collections::HashMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::i18n::Message;
use crate::model::date::Date;

use crate::model::error::{Doc, InputError, InputErrors, RefKind};
use crate::model::money::Amount;
use crate::model::sector::Sector;
use crate::model::text::TextCheck;
use crate::model::validity::{check_overlaps, Validity};
use crate::policy::{KeyKind, MuniIx, Policy, Rule, ShareDoc};

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
    /// Periods in which the family consents to (and is motivated for) shared financing.
    #[serde(default)]
    pub consent: Vec<Validity>,
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
    /// The day the case was enrolled in the project (follow-up: cost before and since).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enrolled: Option<Date>,
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
    /// What the amount is per.
    pub per: Per,
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
    /// Consent periods.
    pub consent: Vec<Validity>,
    /// Other cases: id, sector, validity.
    pub other_cases: Vec<(String, Sector, Validity)>,
    /// Service lines.
    pub lines: Vec<Line>,
    /// Agreements, sorted by line and start.
    pub agreements: Vec<Agreement>,
    /// Income, in document order.
    pub income: Vec<Income>,
    /// The day the case was enrolled in the project.
    pub enrolled: Option<Date>,
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
        for (i, c) in doc.consent.iter().enumerate() {
            if let Err(e) = c.check(d, &format!("consent[{i}]")) {
                errors.push(e);
            }
        }

        let other_cases = other_cases(policy, doc, &mut errors);
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
            consent: doc.consent.clone(),
            other_cases,
            lines,
            agreements,
            income,
            enrolled: doc.enrolled,
            baseline,
        })
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
fn other_cases(policy: &Policy, doc: &CaseDoc, errors: &mut Vec<InputError>) -> Vec<(String, Sector, Validity)> {
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
        if let Some(dep) = &o.department {
            match policy.department(dep) {
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
        other_cases.push((o.id.clone(), o.sector, v));
    }

    other_cases
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
        let validity = flow_validity(&it, s.per, s.from, s.to, errors);
        match policy.service(&s.service) {
            Some(ix) => {
                lines.push(Line { id: s.id.as_str().into(), service: ix, amount: s.amount, per: s.per, validity })
            }
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
            agreements.push(Agreement { id: a.id.as_str().into(), line, validity, rule, note: a.note.clone() });
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
        let validity = flow_validity(&it, x.per, x.from, x.to, errors);
        income.push(Income { id: x.id.clone(), amount: x.amount, per: x.per, validity });
    }

    income
}

/// The days an amount covers; a one-off amount covers its one day. Reports `to` before `from`,
/// and a one-off amount with a different `to`.
fn flow_validity(item: &str, per: Per, from: Date, to: Option<Date>, errors: &mut Vec<InputError>) -> Validity {
    let v = Validity { from: Some(from), to };
    if let Err(e) = v.check(Doc::Case, item) {
        errors.push(e);
    }
    if per != Per::Once {
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
