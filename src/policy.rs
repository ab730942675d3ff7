//! The shared-financing policy: a declarative, dated document ([`PolicyDoc`]) validated once into a
//! compiled [`Policy`].
//!
//! A policy declares municipalities, their departments and the sector areas each department serves,
//! a catalogue of services (who may grant each one and who must pay, with legal basis), allocation
//! keys with dated versions, dated eligibility criteria, and dated cross-municipality arrangements
//! (municipality A grants on behalf of municipality B, which keeps paying).

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::doc::{check_overlaps, parse_text, Validity};
use crate::error::{Doc, InputError, InputErrors};
use crate::money::Weight;

/// A sector area (sektorområde).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Sector {
    /// Children's social services, incl. the disability team (Barnets lov).
    ChildrenSocial,
    /// Day care and schools, incl. PPR.
    DaycareSchool,
    /// Health and rehabilitation.
    Health,
    /// Employment (the parents' jobs).
    Employment,
    /// Adult services, aids and housing.
    Adult,
}

impl Sector {
    /// The snake_case name used in documents.
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

impl fmt::Display for Sector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

// ---------------------------------------------------------------------------------------------
// The document
// ---------------------------------------------------------------------------------------------

/// A policy document as written (TOML or JSON). See the README for a full example.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
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
    pub reimbursement: Option<crate::reimbursement::SchemeDoc>,
}

/// A municipality.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct MunicipalityDoc {
    /// Id used elsewhere in the documents.
    pub id: String,
    /// Name.
    pub name: String,
    /// Kommunekode (three digits, e.g. 183 for Ishøj).
    pub code: u16,
}

/// A department (forvaltning, center, afdeling).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
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
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct TargetDoc {
    /// A department id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    /// A sector area, resolved in the municipality that pays (or grants, for authority).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sector: Option<Sector>,
}

/// A legal basis, dated (Barnets lov replaced parts of Serviceloven on 2024-01-01).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ServiceKind {
    /// A cash benefit to the family (art 5.2).
    CashBenefit,
    /// A service or measure bought or delivered.
    #[default]
    Service,
}

/// A service in the catalogue.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, strum::IntoStaticStr, strum::VariantArray)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
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
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
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
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
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
}

/// A policy allocation key with its versions over time.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
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
#[derive(Debug, Clone, Copy, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AgeDoc {
    /// Youngest age that qualifies.
    pub min: u8,
    /// Oldest age that qualifies (eligible until the day before the next birthday).
    pub max: u8,
}

/// Eligibility criteria for shared financing in force over a period.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
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
    /// Municipalities covered (the child's acting municipality must be one); default all.
    #[serde(default)]
    pub municipalities: Option<Vec<String>>,
}

fn two() -> u8 {
    2
}
fn yes() -> bool {
    true
}

/// Municipality `grantor` grants (and delivers) services in `sectors` on behalf of `on_behalf_of`,
/// which keeps the payment obligation.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
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

// ---------------------------------------------------------------------------------------------
// The compiled policy
// ---------------------------------------------------------------------------------------------

/// Index of a municipality in [`Policy::municipalities`].
pub type MuniIx = usize;
/// Index of a department in [`Policy::departments`] (sorted by id, so index order is id order).
pub type DeptIx = usize;

/// A municipality.
#[derive(Debug, Clone)]
pub struct Municipality {
    /// Id.
    pub id: Arc<str>,
    /// Name.
    pub name: String,
    /// Kommunekode.
    pub code: u16,
}

/// A department.
#[derive(Debug, Clone)]
pub struct Department {
    /// Id.
    pub id: Arc<str>,
    /// Name.
    pub name: Arc<str>,
    /// Its municipality.
    pub municipality: MuniIx,
    /// The sector areas it serves.
    pub sectors: Vec<Sector>,
}

/// A resolved department reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    /// A fixed department.
    Department(DeptIx),
    /// The responsible municipality's department for a sector area.
    Sector(Sector),
}

/// A compiled key rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rule {
    /// 100 % to the target, or to the payer.
    Sole(Option<Target>),
    /// Percentages; the rest to the payer.
    Percent(Vec<(Target, Weight)>),
    /// Weights.
    Weights(Vec<(Target, Weight)>),
    /// Equal over the targets, or over the departments involved in the case when empty.
    Equal(Vec<Target>),
}

impl Rule {
    /// The kind of the rule.
    pub fn kind(&self) -> KeyKind {
        match self {
            Rule::Sole(_) => KeyKind::Sole,
            Rule::Percent(_) => KeyKind::Percent,
            Rule::Weights(_) => KeyKind::Weights,
            Rule::Equal(_) => KeyKind::Equal,
        }
    }
}

/// A dated version of a key.
#[derive(Debug, Clone)]
pub struct KeyVersion {
    /// When it is in force.
    pub validity: Validity,
    /// The rule.
    pub rule: Rule,
}

/// A policy key.
#[derive(Debug, Clone)]
pub struct Key {
    /// Id.
    pub id: Arc<str>,
    /// Name.
    pub name: Option<String>,
    /// Versions, sorted by start.
    pub versions: Vec<KeyVersion>,
}

/// A service in the compiled catalogue.
#[derive(Debug, Clone)]
pub struct Service {
    /// Id.
    pub id: Arc<str>,
    /// Name.
    pub name: Arc<str>,
    /// Sector area in which it is granted.
    pub sector: Sector,
    /// Legal bases, dated.
    pub legal_basis: Vec<(Validity, Arc<str>)>,
    /// Who grants.
    pub authority: Target,
    /// Who pays.
    pub payer: Target,
    /// Policy key, if any.
    pub key: Option<usize>,
    /// Account function.
    pub function: Option<String>,
    /// How it is booked.
    pub kind: ServiceKind,
}

/// Eligibility criteria in force over a period.
#[derive(Debug, Clone)]
pub struct Criteria {
    /// Position in the document (for explanations).
    pub index: usize,
    /// When in force.
    pub validity: Validity,
    /// Minimum distinct sector areas.
    pub min_sector_areas: u8,
    /// Consent required.
    pub consent_required: bool,
    /// Disability required.
    pub disability_required: bool,
    /// Age range.
    pub age: Option<(u8, u8)>,
    /// Municipalities covered (`None` = all).
    pub municipalities: Option<Vec<MuniIx>>,
}

/// A cross-municipality arrangement.
#[derive(Debug, Clone)]
pub struct Arrangement {
    /// Id.
    pub id: String,
    /// Granting municipality.
    pub grantor: MuniIx,
    /// Paying municipality whose residents are served.
    pub on_behalf_of: MuniIx,
    /// Sector areas covered.
    pub sectors: Vec<Sector>,
    /// When in force.
    pub validity: Validity,
    /// Basis text.
    pub basis: Option<String>,
}

/// A validated policy, ready to compute cases with.
#[derive(Debug, Clone)]
pub struct Policy {
    /// Name.
    pub name: String,
    /// Version label.
    pub version: Option<String>,
    /// Municipalities in document order.
    pub municipalities: Vec<Municipality>,
    /// Departments sorted by id.
    pub departments: Vec<Department>,
    /// Services in document order.
    pub services: Vec<Service>,
    /// Keys in document order.
    pub keys: Vec<Key>,
    /// Criteria sorted by start.
    pub criteria: Vec<Criteria>,
    /// Arrangements in document order.
    pub arrangements: Vec<Arrangement>,
    /// The state reimbursement scheme, if any.
    pub reimbursement: Option<crate::reimbursement::Scheme>,
    muni_ix: HashMap<String, MuniIx>,
    dept_ix: HashMap<String, DeptIx>,
    service_ix: HashMap<String, usize>,
    by_sector: HashMap<(MuniIx, Sector), DeptIx>,
}

/// The most entries one key may have.
pub const MAX_KEY_ENTRIES: usize = 1000;

impl Policy {
    /// Parse a policy from TOML or JSON text and validate it.
    pub fn from_text(text: &str) -> Result<Policy, InputErrors> {
        let doc: PolicyDoc = parse_text(Doc::Policy, text)?;
        Policy::compile(&doc)
    }

    /// Validate a parsed document, reporting every problem found.
    pub fn compile(doc: &PolicyDoc) -> Result<Policy, InputErrors> {
        let mut c = Compiler { errors: Vec::new() };
        let p = c.compile(doc);
        if c.errors.is_empty() {
            Ok(p)
        } else {
            Err(InputErrors(c.errors))
        }
    }

    /// Look up a municipality by id.
    pub fn municipality(&self, id: &str) -> Option<MuniIx> {
        self.muni_ix.get(id).copied()
    }
    /// Look up a department by id.
    pub fn department(&self, id: &str) -> Option<DeptIx> {
        self.dept_ix.get(id).copied()
    }
    /// Look up a service by id.
    pub fn service(&self, id: &str) -> Option<usize> {
        self.service_ix.get(id).copied()
    }
    /// The department of `muni` for `sector`, if it has one.
    pub fn department_for(&self, muni: MuniIx, sector: Sector) -> Option<DeptIx> {
        self.by_sector.get(&(muni, sector)).copied()
    }
    /// Resolve a target in a municipality.
    pub fn resolve(&self, t: Target, muni: MuniIx) -> Option<DeptIx> {
        match t {
            Target::Department(d) => Some(d),
            Target::Sector(s) => self.department_for(muni, s),
        }
    }

    /// Compile a rule from its document form (shared by policy keys and case agreements).
    pub(crate) fn compile_rule(
        &self,
        doc: Doc,
        item: &str,
        kind: KeyKind,
        shares: &[ShareDoc],
        errors: &mut Vec<InputError>,
    ) -> Option<Rule> {
        compile_rule(&self.dept_ix, doc, item, kind, shares, errors)
    }
}

struct Compiler {
    errors: Vec<InputError>,
}

fn item(kind: &str, i: usize, id: &str) -> String {
    format!("{kind}[{i}] '{id}'")
}

pub(crate) fn invalid(doc: Doc, item: &str, field: &str, message: impl Into<String>) -> InputError {
    InputError::Invalid { doc, item: item.into(), field: field.into(), message: message.into() }
}

pub(crate) fn unknown(doc: Doc, item: &str, field: &str, what: &'static str, id: &str) -> InputError {
    InputError::Unknown { doc, item: item.into(), field: field.into(), what, id: id.into() }
}

pub(crate) fn compile_target(
    dept_ix: &HashMap<String, DeptIx>,
    doc: Doc,
    item: &str,
    field: &str,
    t: &TargetDoc,
    errors: &mut Vec<InputError>,
) -> Option<Target> {
    match (&t.department, t.sector) {
        (Some(d), None) => match dept_ix.get(d) {
            Some(&ix) => Some(Target::Department(ix)),
            None => {
                errors.push(unknown(doc, item, &format!("{field}.department"), "department", d));
                None
            }
        },
        (None, Some(s)) => Some(Target::Sector(s)),
        _ => {
            errors.push(invalid(doc, item, field, "name exactly one of 'department' or 'sector'"));
            None
        }
    }
}

fn compile_rule(
    dept_ix: &HashMap<String, DeptIx>,
    doc: Doc,
    item: &str,
    kind: KeyKind,
    shares: &[ShareDoc],
    errors: &mut Vec<InputError>,
) -> Option<Rule> {
    let before = errors.len();
    if shares.len() > MAX_KEY_ENTRIES {
        errors.push(invalid(
            doc,
            item,
            "shares",
            format!("has {} entries; at most {MAX_KEY_ENTRIES} are allowed", shares.len()),
        ));
        return None;
    }
    let mut entries: Vec<(Target, Option<Weight>)> = Vec::new();
    for (i, s) in shares.iter().enumerate() {
        let field = format!("shares[{i}]");
        let target = TargetDoc { department: s.department.clone(), sector: s.sector };
        let t = compile_target(dept_ix, doc, item, &field, &target, errors);
        let (want, other, value) = match kind {
            KeyKind::Percent => ("percent", s.weight.map(|_| "weight"), s.percent),
            KeyKind::Weights => ("weight", s.percent.map(|_| "percent"), s.weight),
            KeyKind::Sole | KeyKind::Equal => ("", s.percent.map(|_| "percent").or(s.weight.map(|_| "weight")), None),
        };
        if let Some(o) = other {
            errors.push(invalid(doc, item, &format!("{field}.{o}"), format!("a {kind} key takes no '{o}'")));
        }
        if !want.is_empty() && value.is_none() {
            errors.push(invalid(
                doc,
                item,
                &format!("{field}.{want}"),
                format!("a {kind} key needs a '{want}' for every entry"),
            ));
        }
        if let Some(t) = t {
            if entries.iter().any(|(e, _)| *e == t) {
                errors.push(invalid(doc, item, &field, "names the same department or sector twice"));
            }
            entries.push((t, value));
        }
    }
    if errors.len() > before {
        return None;
    }
    let weighted = || entries.iter().map(|(t, w)| (*t, w.unwrap_or_default())).collect::<Vec<_>>();
    match kind {
        KeyKind::Sole => {
            if entries.len() > 1 {
                errors.push(invalid(doc, item, "shares", "a sole key names at most one department"));
                return None;
            }
            Some(Rule::Sole(entries.first().map(|e| e.0)))
        }
        KeyKind::Percent => {
            let total: Decimal = entries.iter().filter_map(|e| e.1).map(Weight::value).sum();
            if total > Decimal::from(100) {
                errors.push(InputError::PercentAbove100 { doc, item: item.into(), total: total.to_string() });
                return None;
            }
            Some(Rule::Percent(weighted()))
        }
        KeyKind::Weights => {
            if entries.is_empty() || entries.iter().all(|e| e.1.is_none_or(Weight::is_zero)) {
                errors.push(invalid(
                    doc,
                    item,
                    "shares",
                    "all weights are zero (or none given): at least one must be positive",
                ));
                return None;
            }
            Some(Rule::Weights(weighted()))
        }
        KeyKind::Equal => Some(Rule::Equal(entries.iter().map(|e| e.0).collect())),
    }
}

impl Compiler {
    fn compile(&mut self, doc: &PolicyDoc) -> Policy {
        let d = Doc::Policy;
        // Municipalities.
        let mut muni_ix = HashMap::new();
        let mut municipalities = Vec::new();
        for (i, m) in doc.municipalities.iter().enumerate() {
            let it = item("municipalities", i, &m.id);
            if muni_ix.insert(m.id.clone(), municipalities.len()).is_some() {
                self.errors.push(InputError::Duplicate { doc: d, item: it.clone(), id: m.id.clone() });
            }
            if m.code == 0 || m.code > 999 {
                self.errors.push(invalid(d, &it, "code", format!("{} is not a kommunekode (1 to 999)", m.code)));
            }
            municipalities.push(Municipality { id: m.id.as_str().into(), name: m.name.clone(), code: m.code });
        }
        if municipalities.is_empty() {
            self.errors.push(invalid(d, "(document)", "municipalities", "at least one municipality is needed"));
        }
        // Departments, sorted by id so that index order is byte order of ids.
        let mut order: Vec<usize> = (0..doc.departments.len()).collect();
        order.sort_by(|&a, &b| doc.departments[a].id.as_bytes().cmp(doc.departments[b].id.as_bytes()));
        let mut dept_ix = HashMap::new();
        let mut departments = Vec::new();
        let mut by_sector = HashMap::new();
        for &i in &order {
            let dd = &doc.departments[i];
            let it = item("departments", i, &dd.id);
            if dept_ix.insert(dd.id.clone(), departments.len()).is_some() {
                self.errors.push(InputError::Duplicate { doc: d, item: it.clone(), id: dd.id.clone() });
                continue;
            }
            let Some(&m) = muni_ix.get(&dd.municipality) else {
                self.errors.push(unknown(d, &it, "municipality", "municipality", &dd.municipality));
                continue;
            };
            if dd.sectors.is_empty() {
                self.errors.push(invalid(d, &it, "sectors", "name at least one sector area"));
            }
            for &s in &dd.sectors {
                if let Some(&other) = by_sector.get(&(m, s)) {
                    let o: &Department = &departments[other];
                    self.errors.push(invalid(
                        d,
                        &it,
                        "sectors",
                        format!(
                            "municipality '{}' already has department '{}' for sector area '{s}'",
                            dd.municipality, o.id
                        ),
                    ));
                } else {
                    by_sector.insert((m, s), departments.len());
                }
            }
            departments.push(Department {
                id: dd.id.as_str().into(),
                name: dd.name.as_str().into(),
                municipality: m,
                sectors: dd.sectors.clone(),
            });
        }
        // Keys.
        let mut keys = Vec::new();
        let mut key_ix = HashMap::new();
        for (i, k) in doc.keys.iter().enumerate() {
            let it = item("keys", i, &k.id);
            if key_ix.insert(k.id.clone(), keys.len()).is_some() {
                self.errors.push(InputError::Duplicate { doc: d, item: it.clone(), id: k.id.clone() });
            }
            if k.versions.is_empty() {
                self.errors.push(invalid(d, &it, "versions", "a key needs at least one version"));
            }
            let mut versions = Vec::new();
            let mut dated = Vec::new();
            for (j, v) in k.versions.iter().enumerate() {
                let vit = format!("{it}.versions[{j}]");
                let validity = Validity { from: v.from, to: v.to };
                if let Err(e) = validity.check(d, &vit) {
                    self.errors.push(e);
                }
                dated.push((vit.clone(), validity));
                if let Some(rule) = compile_rule(&dept_ix, d, &vit, v.kind, &v.shares, &mut self.errors) {
                    versions.push(KeyVersion { validity, rule });
                }
            }
            check_overlaps(d, &dated, &mut self.errors);
            versions.sort_by_key(|v| v.validity.from);
            keys.push(Key { id: k.id.as_str().into(), name: k.name.clone(), versions });
        }
        // Services.
        let mut services = Vec::new();
        let mut service_ix = HashMap::new();
        for (i, s) in doc.services.iter().enumerate() {
            let it = item("services", i, &s.id);
            if service_ix.insert(s.id.clone(), services.len()).is_some() {
                self.errors.push(InputError::Duplicate { doc: d, item: it.clone(), id: s.id.clone() });
            }
            let default = Target::Sector(s.sector);
            let target = |field: &str, t: &Option<TargetDoc>, errors: &mut Vec<InputError>| match t {
                None => Some(default),
                Some(t) => compile_target(&dept_ix, d, &it, field, t, errors),
            };
            let authority = target("authority", &s.authority, &mut self.errors);
            let payer = target("payer", &s.payer, &mut self.errors);
            // Sector references must resolve in every municipality where they may be used.
            for (field, t) in [("authority", authority), ("payer", payer)] {
                if let Some(Target::Sector(sec)) = t {
                    for (m, muni) in municipalities.iter().enumerate() {
                        if !by_sector.contains_key(&(m, sec)) {
                            self.errors.push(InputError::Unresolvable {
                                doc: d,
                                item: it.clone(),
                                field: field.into(),
                                municipality: muni.id.to_string(),
                                sector: sec.to_string(),
                            });
                        }
                    }
                }
            }
            let key = match &s.key {
                None => None,
                Some(k) => match key_ix.get(k) {
                    Some(&ix) => Some(ix),
                    None => {
                        self.errors.push(unknown(d, &it, "key", "key", k));
                        None
                    }
                },
            };
            let mut legal = Vec::new();
            let mut dated = Vec::new();
            for (j, l) in s.legal_basis.iter().enumerate() {
                let lit = format!("{it}.legal_basis[{j}]");
                let v = Validity { from: l.from, to: l.to };
                if let Err(e) = v.check(d, &lit) {
                    self.errors.push(e);
                }
                dated.push((lit, v));
                legal.push((v, l.text.as_str().into()));
            }
            if legal.is_empty() {
                self.errors.push(invalid(d, &it, "legal_basis", "name at least one legal basis"));
            }
            check_overlaps(d, &dated, &mut self.errors);
            legal.sort_by_key(|l| l.0.from);
            if let (Some(authority), Some(payer)) = (authority, payer) {
                services.push(Service {
                    id: s.id.as_str().into(),
                    name: s.name.as_str().into(),
                    sector: s.sector,
                    legal_basis: legal,
                    authority,
                    payer,
                    key,
                    function: s.function.clone(),
                    kind: s.kind,
                });
            }
        }
        // Eligibility criteria.
        let mut criteria = Vec::new();
        let mut dated = Vec::new();
        for (i, c) in doc.eligibility.iter().enumerate() {
            let it = format!("eligibility[{i}]");
            let validity = Validity { from: c.from, to: c.to };
            if let Err(e) = validity.check(d, &it) {
                self.errors.push(e);
            }
            dated.push((it.clone(), validity));
            if let Some(a) = c.age {
                if a.min > a.max {
                    self.errors.push(invalid(d, &it, "age", format!("min {} is above max {}", a.min, a.max)));
                }
            }
            let municipalities = c.municipalities.as_ref().map(|ms| {
                ms.iter()
                    .filter_map(|m| {
                        let ix = muni_ix.get(m).copied();
                        if ix.is_none() {
                            self.errors.push(unknown(d, &it, "municipalities", "municipality", m));
                        }
                        ix
                    })
                    .collect()
            });
            criteria.push(Criteria {
                index: i,
                validity,
                min_sector_areas: c.min_sector_areas,
                consent_required: c.consent_required,
                disability_required: c.disability_required,
                age: c.age.map(|a| (a.min, a.max)),
                municipalities,
            });
        }
        check_overlaps(d, &dated, &mut self.errors);
        criteria.sort_by_key(|c| c.validity.from);
        // Arrangements.
        let mut arrangements = Vec::new();
        let mut ids = HashMap::new();
        for (i, a) in doc.arrangements.iter().enumerate() {
            let it = item("arrangements", i, &a.id);
            if ids.insert(a.id.clone(), i).is_some() {
                self.errors.push(InputError::Duplicate { doc: d, item: it.clone(), id: a.id.clone() });
            }
            let validity = Validity { from: a.from, to: a.to };
            if let Err(e) = validity.check(d, &it) {
                self.errors.push(e);
            }
            let g = muni_ix.get(&a.grantor).copied();
            let b = muni_ix.get(&a.on_behalf_of).copied();
            if g.is_none() {
                self.errors.push(unknown(d, &it, "grantor", "municipality", &a.grantor));
            }
            if b.is_none() {
                self.errors.push(unknown(d, &it, "on_behalf_of", "municipality", &a.on_behalf_of));
            }
            if let (Some(g), Some(b)) = (g, b) {
                if g == b {
                    self.errors.push(invalid(
                        d,
                        &it,
                        "on_behalf_of",
                        "a municipality cannot grant on behalf of itself",
                    ));
                }
                for &s in &a.sectors {
                    if !by_sector.contains_key(&(g, s)) {
                        self.errors.push(InputError::Unresolvable {
                            doc: d,
                            item: it.clone(),
                            field: "sectors".into(),
                            municipality: a.grantor.clone(),
                            sector: s.to_string(),
                        });
                    }
                }
                arrangements.push(Arrangement {
                    id: a.id.clone(),
                    grantor: g,
                    on_behalf_of: b,
                    sectors: a.sectors.clone(),
                    validity,
                    basis: a.basis.clone(),
                });
            }
        }
        // Two arrangements for the same municipality and sector may not overlap.
        for (i, a) in arrangements.iter().enumerate() {
            for b in &arrangements[i + 1..] {
                if a.on_behalf_of == b.on_behalf_of && a.sectors.iter().any(|s| b.sectors.contains(s)) {
                    if let Some(on) = a.validity.overlap_start(&b.validity) {
                        self.errors.push(InputError::Overlap {
                            doc: d,
                            item: format!("arrangements '{}'", b.id),
                            other: format!("arrangements '{}'", a.id),
                            on: on.to_string(),
                        });
                    }
                }
            }
        }
        let reimbursement = doc.reimbursement.as_ref().and_then(|r| {
            crate::reimbursement::compile_scheme(
                r,
                &service_ix,
                &dept_ix,
                &municipalities,
                &by_sector,
                &mut self.errors,
            )
        });
        Policy {
            name: doc.name.clone(),
            version: doc.version.clone(),
            municipalities,
            departments,
            services,
            keys,
            criteria,
            arrangements,
            reimbursement,
            muni_ix,
            dept_ix,
            service_ix,
            by_sector,
        }
    }
}
