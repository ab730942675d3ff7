//! Validation: a [`PolicyDoc`] becomes a [`Policy`], with every problem reported at once, each
//! naming the item (`services[2] 'aflastning'`) and the field.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use rust_decimal::Decimal;

use crate::i18n::Message;
use crate::model::error::{Doc, InputError, InputErrors, RefKind};
use crate::model::money::Weight;
use crate::model::sector::Sector;
use crate::model::text::TextCheck;
use crate::model::validity::{check_overlaps, Validity};
use crate::policy::compiled::*;
use crate::policy::document::*;

impl Policy {
    /// Validate a parsed document, reporting every problem found.
    pub fn compile(doc: &PolicyDoc) -> Result<Policy, InputErrors> {
        // Ids and names first: a refused one stops here, so no later message echoes it.
        let texts = check_texts(doc);
        if !texts.is_empty() {
            return Err(InputErrors(texts));
        }
        let mut c = Compiler { errors: Vec::new() };
        let p = c.compile(doc);
        if c.errors.is_empty() {
            Ok(p)
        } else {
            Err(InputErrors(c.errors))
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

/// The ids and names of a policy (see [`crate::model::text`]).
fn check_texts(doc: &PolicyDoc) -> Vec<InputError> {
    let mut t = TextCheck::new(Doc::Policy);
    t.name("(document)", "name", &doc.name);
    if let Some(v) = &doc.version {
        t.name("(document)", "version", v);
    }
    for (i, m) in doc.municipalities.iter().enumerate() {
        let it = format!("municipalities[{i}]");
        t.id("municipalities", &it, "id", &m.id);
        t.name(&it, "name", &m.name);
    }
    for (i, x) in doc.departments.iter().enumerate() {
        let it = format!("departments[{i}]");
        t.id("departments", &it, "id", &x.id);
        t.name(&it, "name", &x.name);
    }
    for (i, x) in doc.services.iter().enumerate() {
        let it = format!("services[{i}]");
        t.id("services", &it, "id", &x.id);
        t.name(&it, "name", &x.name);
    }
    for (i, x) in doc.keys.iter().enumerate() {
        let it = format!("keys[{i}]");
        t.id("keys", &it, "id", &x.id);
        if let Some(n) = &x.name {
            t.name(&it, "name", n);
        }
    }
    for (i, x) in doc.arrangements.iter().enumerate() {
        t.id("arrangements", &format!("arrangements[{i}]"), "id", &x.id);
    }
    for (i, x) in doc.indices.iter().enumerate() {
        let it = format!("indices[{i}]");
        t.id("indices", &it, "id", &x.id);
        if let Some(n) = &x.name {
            t.name(&it, "name", n);
        }
    }
    if let Some(r) = &doc.reimbursement {
        t.id("reimbursement", "reimbursement", "id", &r.id);
        if let Some(n) = &r.name {
            t.name("reimbursement", "name", n);
        }
    }
    t.errors
}

struct Compiler {
    errors: Vec<InputError>,
}

fn item(kind: &str, i: usize, id: &str) -> String {
    format!("{kind}[{i}] '{id}'")
}

pub(crate) fn invalid(doc: Doc, item: &str, field: &str, problem: Message) -> InputError {
    InputError::Invalid { doc, item: item.into(), field: field.into(), problem: Box::new(problem) }
}

pub(crate) fn unknown(doc: Doc, item: &str, field: &str, what: RefKind, id: &str) -> InputError {
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
                errors.push(unknown(doc, item, &format!("{field}.department"), RefKind::Department, d));
                None
            }
        },
        (None, Some(s)) => Some(Target::Sector(s)),
        _ => {
            errors.push(invalid(doc, item, field, Message::TargetOneOf));
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
            Message::KeyTooManyEntries { count: shares.len().to_string(), max: MAX_KEY_ENTRIES.to_string() },
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
            errors.push(invalid(
                doc,
                item,
                &format!("{field}.{o}"),
                Message::KeyTakesNo { kind: kind.to_string(), field: o.to_string() },
            ));
        }
        if !want.is_empty() && value.is_none() {
            errors.push(invalid(
                doc,
                item,
                &format!("{field}.{want}"),
                Message::KeyNeeds { kind: kind.to_string(), field: want.to_string() },
            ));
        }
        if let Some(t) = t {
            if entries.iter().any(|(e, _)| *e == t) {
                errors.push(invalid(doc, item, &field, Message::SameTargetTwice));
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
                errors.push(invalid(doc, item, "shares", Message::SoleAtMostOne));
                return None;
            }
            Some(Rule::Sole(entries.first().map(|e| e.0)))
        }
        KeyKind::Percent => {
            // At most 1,000 entries of at most 10^12: far inside the decimal's range (bounded).
            let total: Decimal = entries.iter().filter_map(|e| e.1).map(Weight::value).sum();
            if total > Decimal::from(100) {
                errors.push(InputError::PercentAbove100 { doc, item: item.into(), total: total.to_string() });
                return None;
            }
            Some(Rule::Percent(weighted()))
        }
        KeyKind::Weights => {
            if entries.is_empty() || entries.iter().all(|e| e.1.is_none_or(Weight::is_zero)) {
                errors.push(invalid(doc, item, "shares", Message::AllWeightsZero));
                return None;
            }
            Some(Rule::Weights(weighted()))
        }
        KeyKind::Equal => Some(Rule::Equal(entries.iter().map(|e| e.0).collect())),
    }
}

/// The municipalities, with their index by id.
type Munis = (Vec<Municipality>, HashMap<String, MuniIx>);
/// The departments, with their index by id and by (municipality, sector area).
type Depts = (Vec<Department>, HashMap<String, DeptIx>, HashMap<(MuniIx, Sector), DeptIx>);

impl Compiler {
    fn compile(&mut self, doc: &PolicyDoc) -> Policy {
        let (municipalities, muni_ix) = self.municipalities(doc);
        let (departments, dept_ix, by_sector) = self.departments(doc, &muni_ix);
        let (keys, key_ix) = self.keys(doc, &dept_ix);
        let (services, service_ix) = self.services(doc, &municipalities, &dept_ix, &by_sector, &key_ix);
        let criteria = self.criteria(doc, &muni_ix);
        let arrangements = self.arrangements(doc, &muni_ix, &by_sector);
        let mut arrangements_for: HashMap<(MuniIx, Sector), Vec<usize>> = HashMap::new();
        for (i, a) in arrangements.iter().enumerate() {
            for &s in a.sectors.iter().collect::<HashSet<_>>() {
                arrangements_for.entry((a.on_behalf_of, s)).or_default().push(i);
            }
        }
        for ixs in arrangements_for.values_mut() {
            ixs.sort_by_key(|&i| arrangements[i].validity.from);
        }
        let indices = compile_indices(&doc.indices, &mut self.errors);
        let reimbursement = doc.reimbursement.as_ref().and_then(|r| {
            let refs = SchemeRefs { service_ix: &service_ix, dept_ix: &dept_ix, indices: &indices };
            compile_scheme(r, &refs, &municipalities, &by_sector, &mut self.errors)
        });
        let mut year = compile_year(doc.year.as_ref(), &dept_ix, &mut self.errors);
        if let Some(y) = &doc.year {
            year.pools =
                crate::policy::compile_financing::compile_pools(&y.pools, &dept_ix, &service_ix, &mut self.errors);
            year.compensations =
                crate::policy::compile_financing::compile_compensations(y, &dept_ix, &service_ix, &mut self.errors);
            year.grants = crate::policy::compile_financing::compile_grants(y, &dept_ix, &service_ix, &mut self.errors);
        }
        let ledger = crate::policy::ledger::compile_ledger(
            doc.ledger.as_ref(),
            &|d| dept_ix.contains_key(d),
            &|s| service_ix.contains_key(s),
            &mut self.errors,
        );
        let (sector_table, arrangement_table) = Policy::tables(municipalities.len(), &by_sector, arrangements_for);
        Policy {
            name: doc.name.clone(),
            version: doc.version.clone(),
            municipalities,
            departments,
            services,
            keys,
            criteria,
            arrangements,
            indices,
            reimbursement,
            year,
            ledger,
            muni_ix,
            dept_ix,
            service_ix,
            sector_table,
            arrangement_table,
        }
    }

    /// Municipalities, in document order.
    fn municipalities(&mut self, doc: &PolicyDoc) -> Munis {
        let d = Doc::Policy;
        let mut muni_ix = HashMap::new();
        let mut municipalities = Vec::new();
        let mut codes = HashMap::new();
        for (i, m) in doc.municipalities.iter().enumerate() {
            let it = item("municipalities", i, &m.id);
            if muni_ix.insert(m.id.clone(), MuniIx::new(municipalities.len())).is_some() {
                self.errors.push(InputError::Duplicate { doc: d, item: it.clone(), id: m.id.clone() });
            }
            if m.code == 0 || m.code > 999 {
                self.errors.push(invalid(d, &it, "code", Message::NotAKommunekode { code: m.code.to_string() }));
            } else if let Some(other) = codes.insert(m.code, m.id.as_str()) {
                self.errors.push(invalid(
                    d,
                    &it,
                    "code",
                    Message::KommunekodeTwice { code: m.code.to_string(), other: other.to_string() },
                ));
            }
            municipalities.push(Municipality { id: m.id.as_str().into(), name: m.name.clone(), code: m.code });
        }
        if municipalities.is_empty() {
            self.errors.push(invalid(d, "(document)", "municipalities", Message::NeedMunicipality));
        }
        (municipalities, muni_ix)
    }

    /// Departments, sorted by id so that index order is byte order of ids.
    fn departments(&mut self, doc: &PolicyDoc, muni_ix: &HashMap<String, MuniIx>) -> Depts {
        let d = Doc::Policy;
        let mut order: Vec<usize> = (0..doc.departments.len()).collect();
        order.sort_by(|&a, &b| doc.departments[a].id.as_bytes().cmp(doc.departments[b].id.as_bytes()));
        let mut dept_ix = HashMap::new();
        let mut departments = Vec::new();
        let mut by_sector = HashMap::new();
        for &i in &order {
            let dd = &doc.departments[i];
            let it = item("departments", i, &dd.id);
            if dept_ix.insert(dd.id.clone(), DeptIx::new(departments.len())).is_some() {
                self.errors.push(InputError::Duplicate { doc: d, item: it.clone(), id: dd.id.clone() });
                continue;
            }
            let Some(&m) = muni_ix.get(&dd.municipality) else {
                self.errors.push(unknown(d, &it, "municipality", RefKind::Municipality, &dd.municipality));
                continue;
            };
            if dd.sectors.is_empty() {
                self.errors.push(invalid(d, &it, "sectors", Message::NeedSector));
            }
            let mut seen = HashSet::new();
            for (j, &s) in dd.sectors.iter().enumerate() {
                if !seen.insert(s) {
                    self.errors.push(invalid(
                        d,
                        &it,
                        &format!("sectors[{j}]"),
                        Message::SectorTwice { sector: s.to_string() },
                    ));
                    continue;
                }
                if let Some(&other) = by_sector.get(&(m, s)) {
                    let o: &Department = &departments[other];
                    self.errors.push(invalid(
                        d,
                        &it,
                        "sectors",
                        Message::SectorTaken {
                            municipality: dd.municipality.to_string(),
                            department: o.id.to_string(),
                            sector: s.to_string(),
                        },
                    ));
                } else {
                    by_sector.insert((m, s), DeptIx::new(departments.len()));
                }
            }
            departments.push(Department {
                id: dd.id.as_str().into(),
                name: dd.name.as_str().into(),
                municipality: m,
                sectors: dd.sectors.clone(),
            });
        }
        (departments, dept_ix, by_sector)
    }

    /// Keys, in document order, with their index by id.
    fn keys(&mut self, doc: &PolicyDoc, dept_ix: &HashMap<String, DeptIx>) -> (Vec<Key>, HashMap<String, usize>) {
        let d = Doc::Policy;
        let mut keys = Vec::new();
        let mut key_ix = HashMap::new();
        for (i, k) in doc.keys.iter().enumerate() {
            let it = item("keys", i, &k.id);
            if key_ix.insert(k.id.clone(), keys.len()).is_some() {
                self.errors.push(InputError::Duplicate { doc: d, item: it.clone(), id: k.id.clone() });
            }
            if k.versions.is_empty() {
                self.errors.push(invalid(d, &it, "versions", Message::NeedKeyVersion));
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
                if let Some(rule) = compile_rule(dept_ix, d, &vit, v.kind, &v.shares, &mut self.errors) {
                    versions.push(KeyVersion { validity, rule, involved_only: v.involved_only });
                }
            }
            check_overlaps(d, &dated, &mut self.errors);
            versions.sort_by_key(|v| v.validity.from);
            keys.push(Key { id: k.id.as_str().into(), name: k.name.clone(), versions });
        }
        (keys, key_ix)
    }

    /// The service catalogue, in document order, with its index by id.
    fn services(
        &mut self,
        doc: &PolicyDoc,
        municipalities: &[Municipality],
        dept_ix: &HashMap<String, DeptIx>,
        by_sector: &HashMap<(MuniIx, Sector), DeptIx>,
        key_ix: &HashMap<String, usize>,
    ) -> (Vec<Service>, HashMap<String, usize>) {
        let d = Doc::Policy;
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
                Some(t) => compile_target(dept_ix, d, &it, field, t, errors),
            };
            let authority = target("authority", &s.authority, &mut self.errors);
            let payer = target("payer", &s.payer, &mut self.errors);
            // Sector references must resolve in every municipality where they may be used.
            for (field, t) in [("authority", authority), ("payer", payer)] {
                if let Some(Target::Sector(sec)) = t {
                    for (m, muni) in municipalities.iter().enumerate() {
                        if !by_sector.contains_key(&(MuniIx::new(m), sec)) {
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
                        self.errors.push(unknown(d, &it, "key", RefKind::Key, k));
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
                self.errors.push(invalid(d, &it, "legal_basis", Message::NeedLegalBasis));
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
        (services, service_ix)
    }

    /// Eligibility criteria, sorted by start.
    fn criteria(&mut self, doc: &PolicyDoc, muni_ix: &HashMap<String, MuniIx>) -> Vec<Criteria> {
        let d = Doc::Policy;
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
                    self.errors.push(invalid(
                        d,
                        &it,
                        "age",
                        Message::AgeMinAboveMax { min: a.min.to_string(), max: a.max.to_string() },
                    ));
                }
            }
            let municipalities = c.municipalities.as_ref().map(|ms| {
                let mut seen = HashSet::new();
                ms.iter()
                    .enumerate()
                    .filter_map(|(j, m)| {
                        if !seen.insert(m) {
                            self.errors.push(invalid(
                                d,
                                &it,
                                &format!("municipalities[{j}]"),
                                Message::MunicipalityTwice { municipality: m.to_string() },
                            ));
                            return None;
                        }
                        let ix = muni_ix.get(m).copied();
                        if ix.is_none() {
                            self.errors.push(unknown(d, &it, "municipalities", RefKind::Municipality, m));
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
                age_rule: c.age_rule,
                municipalities,
            });
        }
        check_overlaps(d, &dated, &mut self.errors);
        criteria.sort_by_key(|c| c.validity.from);
        criteria
    }

    /// Arrangements, in document order; two for the same municipality and sector may not overlap.
    fn arrangements(
        &mut self,
        doc: &PolicyDoc,
        muni_ix: &HashMap<String, MuniIx>,
        by_sector: &HashMap<(MuniIx, Sector), DeptIx>,
    ) -> Vec<Arrangement> {
        let d = Doc::Policy;
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
                self.errors.push(unknown(d, &it, "grantor", RefKind::Municipality, &a.grantor));
            }
            if b.is_none() {
                self.errors.push(unknown(d, &it, "on_behalf_of", RefKind::Municipality, &a.on_behalf_of));
            }
            if let (Some(g), Some(b)) = (g, b) {
                if g == b {
                    self.errors.push(invalid(d, &it, "on_behalf_of", Message::OnBehalfOfItself));
                }
                let mut seen = HashSet::new();
                for (j, &s) in a.sectors.iter().enumerate() {
                    if !seen.insert(s) {
                        self.errors.push(invalid(
                            d,
                            &it,
                            &format!("sectors[{j}]"),
                            Message::SectorTwice { sector: s.to_string() },
                        ));
                    }
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
        // Two arrangements for the same municipality and sector may not overlap: checked per
        // (municipality, sector) by one sweep each; a pair sharing several sectors is named once.
        let mut groups: std::collections::BTreeMap<(MuniIx, Sector), Vec<(String, Validity)>> = Default::default();
        for a in &arrangements {
            for &s in a.sectors.iter().collect::<HashSet<_>>() {
                groups.entry((a.on_behalf_of, s)).or_default().push((format!("arrangements '{}'", a.id), a.validity));
            }
        }
        let mut overlaps = Vec::new();
        for items in groups.values() {
            check_overlaps(d, items, &mut overlaps);
        }
        let mut seen = HashSet::new();
        for e in overlaps {
            if seen.insert(format!("{e:?}")) {
                self.errors.push(e);
            }
        }
        arrangements
    }
}

fn percent_units(w: Weight) -> i128 {
    let v = w.value();
    // A weight has at most 10 decimals, so this is exact.
    v.mantissa() * 10i128.pow(10u32.saturating_sub(v.scale()))
}

/// The yearly indices: years distinct, values above 0.
fn compile_indices(doc: &[IndexDoc], errors: &mut Vec<InputError>) -> Vec<Index> {
    let d = Doc::Policy;
    let mut seen = HashSet::new();
    let mut out = Vec::with_capacity(doc.len());
    for (i, x) in doc.iter().enumerate() {
        let it = item("indices", i, &x.id);
        if !seen.insert(x.id.as_str()) {
            errors.push(InputError::Duplicate { doc: d, item: it.clone(), id: x.id.clone() });
        }
        let mut years: Vec<(i32, Weight, bool)> = Vec::with_capacity(x.years.len());
        for (j, y) in x.years.iter().enumerate() {
            let field = format!("years[{j}]");
            if years.iter().any(|p| p.0 == y.year) {
                errors.push(invalid(
                    d,
                    &it,
                    &format!("{field}.year"),
                    Message::IndexYearTwice { year: y.year.to_string() },
                ));
            }
            if y.value.is_zero() {
                errors.push(invalid(d, &it, &format!("{field}.value"), Message::IndexValueZero));
            }
            years.push((y.year, y.value, y.confirmed));
        }
        if x.years.is_empty() {
            errors.push(invalid(d, &it, "years", Message::NeedIndexYear));
        }
        years.sort_by_key(|y| y.0);
        out.push(Index { id: x.id.as_str().into(), name: x.name.clone(), years });
    }
    out
}

/// What a scheme may name: services, departments and indices by id.
struct SchemeRefs<'a> {
    service_ix: &'a HashMap<String, usize>,
    dept_ix: &'a HashMap<String, DeptIx>,
    indices: &'a [Index],
}

/// A level's regulation: index and base year both or neither, the index known, its base year in
/// it, and `round_to` whole øre above 0.
fn compile_regulation(lit: &str, l: &LevelDoc, indices: &[Index], errors: &mut Vec<InputError>) -> Option<Regulation> {
    let d = Doc::Policy;
    let round_to_ore = match l.round_to.map(|r| r.ore_ratio()) {
        None => 1,
        Some((num, 1)) if num > 0 => num,
        Some(_) => {
            let value = l.round_to.map(|r| r.to_string()).unwrap_or_default();
            errors.push(invalid(d, lit, "round_to", Message::NotAThreshold { value }));
            1
        }
    };
    match (&l.index, l.base_year) {
        (None, None) => {
            if l.round_to.is_some() {
                errors.push(invalid(d, lit, "round_to", Message::NeedIndex));
            }
            None
        }
        (Some(_), None) => {
            errors.push(invalid(d, lit, "base_year", Message::NeedBaseYear));
            None
        }
        (None, Some(_)) => {
            errors.push(invalid(d, lit, "index", Message::NeedIndex));
            None
        }
        (Some(id), Some(year)) => match indices.iter().position(|x| &*x.id == id.as_str()) {
            None => {
                errors.push(unknown(d, lit, "index", RefKind::Index, id));
                None
            }
            Some(ix) if indices[ix].value(year).is_none() => {
                errors.push(invalid(
                    d,
                    lit,
                    "base_year",
                    Message::IndexYearMissing { index: id.clone(), year: year.to_string() },
                ));
                None
            }
            Some(index) => Some(Regulation { index, base_year: year, round_to_ore }),
        },
    }
}

/// Validate a scheme; problems go to `errors`.
fn compile_scheme(
    doc: &SchemeDoc,
    refs: &SchemeRefs<'_>,
    municipalities: &[Municipality],
    by_sector: &HashMap<(MuniIx, Sector), DeptIx>,
    errors: &mut Vec<InputError>,
) -> Option<Scheme> {
    let (service_ix, dept_ix) = (refs.service_ix, refs.dept_ix);
    let d = Doc::Policy;
    let it = format!("reimbursement '{}'", doc.id);
    let before = errors.len();
    let mut counts = vec![false; service_ix.len()];
    for (i, s) in doc.services.iter().enumerate() {
        match service_ix.get(s) {
            Some(&ix) if counts.get(ix) == Some(&true) => errors.push(invalid(
                d,
                &it,
                &format!("services[{i}]"),
                Message::ServiceTwice { service: s.to_string() },
            )),
            Some(&ix) => {
                if let Some(c) = counts.get_mut(ix) {
                    *c = true;
                }
            }
            None => errors.push(unknown(d, &it, &format!("services[{i}]"), RefKind::Service, s)),
        }
    }
    if doc.services.is_empty() {
        errors.push(invalid(d, &it, "services", Message::NeedCountedService));
    }
    let recipient = doc.recipient.as_ref().and_then(|t| compile_target(dept_ix, d, &it, "recipient", t, errors));
    if let Some(Target::Sector(s)) = recipient {
        for (m, muni) in municipalities.iter().enumerate() {
            if !by_sector.contains_key(&(MuniIx::new(m), s)) {
                errors.push(InputError::Unresolvable {
                    doc: d,
                    item: it.clone(),
                    field: "recipient".into(),
                    municipality: muni.id.to_string(),
                    sector: s.to_string(),
                });
            }
        }
    }
    if doc.levels.is_empty() {
        errors.push(invalid(d, &it, "levels", Message::NeedLevel));
    }
    let mut levels = Vec::new();
    let mut dated = Vec::new();
    for (j, l) in doc.levels.iter().enumerate() {
        let lit = format!("{it}.levels[{j}]");
        let validity = Validity { from: l.from, to: l.to };
        if let Err(e) = validity.check(d, &lit) {
            errors.push(e);
        }
        if let Some(f) = l.from.filter(|f| f.day() != 1) {
            errors.push(invalid(d, &lit, "from", Message::NotMonthStart { date: f.to_string() }));
        }
        if let Some(t) = l.to.filter(|t| *t != t.month_of().last_day()) {
            errors.push(invalid(d, &lit, "to", Message::NotMonthEnd { date: t.to_string() }));
        }
        dated.push((lit.clone(), validity));
        if l.tiers.is_empty() || l.tiers.len() > MAX_TIERS {
            errors.push(invalid(
                d,
                &lit,
                "tiers",
                Message::TierCount { count: l.tiers.len().to_string(), max: MAX_TIERS.to_string() },
            ));
        }
        let tiers = compile_tiers(&lit, &l.tiers, errors);
        let regulation = compile_regulation(&lit, l, refs.indices, errors);
        levels.push(Level { validity, tiers, legal_basis: l.legal_basis.clone(), regulation, confirmed: l.confirmed });
    }
    check_overlaps(d, &dated, errors);
    if errors.len() > before {
        return None;
    }
    levels.sort_by_key(|l| l.validity.from);
    Some(Scheme {
        id: doc.id.clone(),
        legal_basis: doc.legal_basis.clone(),
        counts,
        recipient,
        levels,
        function: doc.function.clone(),
    })
}

/// The tiers of a level (`lit`): whole-øre thresholds, rising, and rates above 0 and at most 100.
fn compile_tiers(lit: &str, doc: &[TierDoc], errors: &mut Vec<InputError>) -> Vec<Tier> {
    let d = Doc::Policy;
    let mut tiers: Vec<Tier> = Vec::new();
    for (k, t) in doc.iter().enumerate() {
        let field = format!("tiers[{k}]");
        let (num, den) = t.above.ore_ratio();
        if den != 1 || num < 0 {
            errors.push(invalid(
                d,
                lit,
                &format!("{field}.above"),
                Message::NotAThreshold { value: t.above.to_string() },
            ));
            continue;
        }
        if let Some(prev) = tiers.last().filter(|p| p.above_ore >= num) {
            errors.push(invalid(
                d,
                lit,
                &format!("{field}.above"),
                Message::TierNotAbove { value: t.above.to_string(), previous: prev.above.to_string() },
            ));
        }
        let units = percent_units(t.percent);
        if units <= 0 || units > 100 * PERCENT_UNITS {
            errors.push(invalid(
                d,
                lit,
                &format!("{field}.percent"),
                Message::NotARate { value: t.percent.to_string() },
            ));
        }
        tiers.push(Tier { above: t.above, percent: t.percent, above_ore: num, units });
    }
    tiers
}

/// Check the year section and resolve its references; problems go to `errors`.
pub(crate) fn compile_year(
    doc: Option<&crate::policy::year::YearDoc>,
    dept_ix: &HashMap<String, DeptIx>,
    errors: &mut Vec<InputError>,
) -> YearSection {
    let d = Doc::Policy;
    let mut out = YearSection::default();
    let Some(doc) = doc else { return out };
    let mut committee_ix = HashMap::new();
    for (i, c) in doc.committees.iter().enumerate() {
        if committee_ix.insert(c.id.clone(), i).is_some() {
            errors.push(InputError::Duplicate { doc: d, item: format!("year.committees[{i}]"), id: c.id.clone() });
        }
        out.committees.push((Arc::from(c.id.as_str()), Arc::from(c.name.as_str())));
    }
    let mut area_ids = HashMap::new();
    for (i, a) in doc.budget_areas.iter().enumerate() {
        let item = format!("year.budget_areas[{i}] '{}'", a.id);
        if area_ids.insert(a.id.clone(), i).is_some() {
            errors.push(InputError::Duplicate { doc: d, item: item.clone(), id: a.id.clone() });
        }
        let committee = a.committee.as_ref().and_then(|c| {
            let found = committee_ix.get(c).copied();
            if found.is_none() {
                errors.push(InputError::Invalid {
                    doc: d,
                    item: item.clone(),
                    field: "committee".into(),
                    problem: Box::new(Message::UnknownCommittee { committee: c.clone() }),
                });
            }
            found
        });
        for dept in &a.departments {
            match dept_ix.get(dept) {
                None => errors.push(unknown(d, &item, "departments", RefKind::Department, dept)),
                Some(&ix) => {
                    if let Some(other) = out.area_of.insert(ix, out.areas.len()) {
                        errors.push(InputError::Invalid {
                            doc: d,
                            item: item.clone(),
                            field: "departments".into(),
                            problem: Box::new(Message::DepartmentInTwoAreas {
                                department: dept.clone(),
                                area: doc.budget_areas[other].id.clone(),
                            }),
                        });
                    }
                }
            }
        }
        out.areas.push(BudgetArea { id: Arc::from(a.id.as_str()), name: Arc::from(a.name.as_str()), committee });
    }
    for (i, p) in doc.price_index.iter().enumerate() {
        let item = format!("year.price_index[{i}]");
        if p.index.is_zero() {
            errors.push(InputError::Invalid {
                doc: d,
                item: item.clone(),
                field: "index".into(),
                problem: Box::new(Message::PriceIndexZero),
            });
        }
        if out.index.insert(p.year, p.index).is_some() {
            errors.push(InputError::Duplicate { doc: d, item, id: p.year.to_string() });
        }
    }
    out.follow_up = doc.follow_up.clone();
    if let Some(f) = &doc.follow_up {
        compile_follow_up(f, errors);
    }
    out
}

/// Check the follow-up section: a cadence above 0, investment years once each, amounts not negative.
fn compile_follow_up(f: &crate::policy::year::FollowUpDoc, errors: &mut Vec<InputError>) {
    let d = Doc::Policy;
    if f.reassess_every_months == Some(0) {
        errors.push(InputError::Invalid {
            doc: d,
            item: "year.follow_up".into(),
            field: "reassess_every_months".into(),
            problem: Box::new(Message::ReassessCadenceZero),
        });
    }
    if let Some(m) = f.threshold_margin.filter(|m| m.value().is_sign_negative()) {
        errors.push(InputError::Invalid {
            doc: d,
            item: "year.follow_up".into(),
            field: "threshold_margin".into(),
            problem: Box::new(Message::FollowUpAmountNegative { amount: m.to_string() }),
        });
    }
    let mut years = std::collections::HashSet::new();
    for (i, x) in f.investment.iter().enumerate() {
        let item = format!("year.follow_up.investment[{i}]");
        if x.amount.value().is_sign_negative() {
            errors.push(InputError::Invalid {
                doc: d,
                item: item.clone(),
                field: "amount".into(),
                problem: Box::new(Message::FollowUpAmountNegative { amount: x.amount.to_string() }),
            });
        }
        if !years.insert(x.year) {
            errors.push(InputError::Duplicate { doc: d, item, id: x.year.to_string() });
        }
    }
}
