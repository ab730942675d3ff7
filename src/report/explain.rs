//! Results in words and tables, in Danish and English.
//!
//! The structured result ([`SplitResult`]) carries every fact as data (codes, ids, amounts); this
//! module phrases those facts for people, with the words of the catalogues (`src/i18n/en.ftl`,
//! `da.ftl`, through [`Word`]). In Danish, departments and municipalities are named by their names
//! (not their ids), sector areas in words, and numbers and dates the Danish way (1.234,56;
//! 31-01-2024). Nothing here computes: it only renders.

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::i18n::{Lang, Message, Word};

use crate::engine::result::Reimbursement;
use crate::engine::result::{
    Criterion, CriterionName, KeyReason, KeySource, KeyUsed, Line, ResolvedBy, Responsible, SplitResult,
};
use crate::policy::KeyKind;

/// How departments and municipalities are named in a text: by name in both languages (English
/// authority/payer lines and the totals by department and municipality keep the id beside the name).
pub(crate) struct Names<'a> {
    lang: Lang,
    departments: BTreeMap<&'a str, (&'a str, &'a str)>,
    municipalities: BTreeMap<&'a str, &'a str>,
}

impl<'a> Names<'a> {
    /// The names of the departments and municipalities a result mentions.
    pub(crate) fn of(r: &'a SplitResult, lang: Lang) -> Names<'a> {
        let mut departments = BTreeMap::new();
        for d in &r.totals.by_department {
            departments.insert(&*d.department, (&*d.name, &*d.municipality));
        }
        for l in &r.lines {
            for p in [&l.authority, &l.payer] {
                departments.insert(&*p.department, (&*p.department_name, &*p.municipality));
            }
            for u in &l.key.uninvolved {
                departments.entry(&*u.department).or_insert((&*u.name, ""));
            }
        }
        let municipalities = r.totals.by_municipality.iter().map(|m| (&*m.municipality, m.name.as_str())).collect();
        Names { lang, departments, municipalities }
    }

    /// A department: its name, with its municipality's name when another department of the result
    /// has the same name.
    pub(crate) fn department(&self, id: &'a str) -> String {
        let Some(&(name, muni)) = self.departments.get(id) else { return id.to_string() };
        let shared = self.departments.iter().any(|(other, (n, _))| *other != id && *n == name);
        if shared && !muni.is_empty() {
            format!("{name}, {}", self.municipality(muni))
        } else {
            name.to_string()
        }
    }

    /// A municipality: its name.
    pub(crate) fn municipality(&self, id: &str) -> String {
        match (self.lang, self.municipalities.get(id)) {
            (_, Some(name)) => (*name).to_string(),
            _ => id.to_string(),
        }
    }
}

fn yes_no(b: bool, l: Lang) -> String {
    if b { Word::Yes } else { Word::No }.text(l)
}

fn criterion_body(c: &Criterion, l: Lang, n: &Names) -> String {
    match c.criterion {
        CriterionName::CriteriaInForce => Word::CriteriaNone.text(l),
        CriterionName::SectorAreas => {
            let names: Vec<String> = c.detail.iter().map(|s| l.sector(s)).collect();
            Word::CriterionSectorAreas
                .with(l, &[("count", &c.actual), ("names", &names.join(", ")), ("required", &c.required)])
        }
        CriterionName::Consent => match (c.required.as_str(), c.actual.as_str()) {
            ("false", _) => Word::CriterionConsentNotRequired.text(l),
            (_, "none") => Word::CriterionConsentNotGiven.text(l),
            _ if !c.passed => Message::ExplainConsentPartial { by: c.detail.join(", ") }.text(l),
            (_, "true") => Word::CriterionConsentGiven.text(l),
            (_, from) if c.detail.is_empty() => Word::CriterionConsentGivenFrom.with(l, &[("from", &l.date(from))]),
            (_, from) => format!(
                "{} ({})",
                Word::CriterionConsentGivenFrom.with(l, &[("from", &l.date(from))]),
                c.detail.join(", ")
            ),
        },
        CriterionName::Disability => {
            let w = if c.required == "true" { Word::CriterionDisability } else { Word::CriterionDisabilityNotRequired };
            w.with(l, &[("answer", &yes_no(c.actual == "true", l))])
        }
        CriterionName::Age => {
            let born = l.date(c.detail.first().map(String::as_str).unwrap_or(""));
            match (c.actual.as_str(), c.required.split_once('-')) {
                ("none", _) => Word::CriterionNotBorn.with(l, &[("born", &born)]),
                (age, Some((min, max))) => {
                    Word::CriterionAge.with(l, &[("age", age), ("born", &born), ("min", min), ("max", max)])
                }
                (age, None) => Word::CriterionAgeAny.with(l, &[("age", age), ("born", &born)]),
            }
        }
        CriterionName::Municipality => {
            let actual =
                if c.actual == "none" { Word::CriterionNoMunicipality.text(l) } else { n.municipality(&c.actual) };
            if c.required == "any" {
                return Word::CriterionMunicipalityAny.with(l, &[("municipality", &actual)]);
            }
            let covered: Vec<String> = c.required.split(' ').map(|m| n.municipality(m)).collect();
            Word::CriterionMunicipality.with(l, &[("municipality", &actual), ("covered", &covered.join(", "))])
        }
        CriterionName::AgeAtEnrolment | CriterionName::Enrolment => enrolment_text(c, l),
    }
}

/// The criteria of enrolment: the age at enrolment, and whether the child is enrolled.
fn enrolment_text(c: &Criterion, l: Lang) -> String {
    let at = |i: usize| l.date(c.detail.get(i).map(String::as_str).unwrap_or(""));
    match (c.criterion, c.actual.as_str()) {
        (CriterionName::AgeAtEnrolment, "none") => {
            Message::ExplainNotEnrolled { born: at(0), required: c.required.clone() }.text(l)
        }
        (CriterionName::AgeAtEnrolment, age) => Message::ExplainAgeAtEnrolment {
            age: age.to_string(),
            born: at(0),
            enrolled: at(1),
            required: c.required.clone(),
        }
        .text(l),
        (_, "discharged") => Message::ExplainDischarged { discharged: at(1) }.text(l),
        (_, "not_enrolled") => Message::ExplainNotEnrolledYet { enrolled: at(0) }.text(l),
        _ => Message::ExplainEnrolled { enrolled: at(0) }.text(l),
    }
}

fn criterion_text(c: &Criterion, l: Lang, n: &Names) -> String {
    let mark = if c.passed { "✓" } else { "✗" };
    match &c.child {
        Some(case) => {
            let other = Message::ExplainOtherChild { case: case.clone() }.text(l);
            format!("{mark} {} ({other})", criterion_body(c, l, n))
        }
        None => format!("{mark} {}", criterion_body(c, l, n)),
    }
}

/// A criterion's short name (for "criteria not met: …").
fn criterion_name(c: CriterionName, l: Lang) -> String {
    match c {
        CriterionName::CriteriaInForce => Word::NameCriteriaInForce,
        CriterionName::SectorAreas => Word::NameSectorAreas,
        CriterionName::Consent => Word::NameConsent,
        CriterionName::Disability => Word::NameDisability,
        CriterionName::Age => Word::NameAge,
        CriterionName::Municipality => Word::NameMunicipality,
        CriterionName::AgeAtEnrolment => Word::NameAgeAtEnrolment,
        CriterionName::Enrolment => Word::NameEnrolment,
    }
    .text(l)
}

pub(crate) fn kind_text(k: KeyKind, l: Lang) -> String {
    match k {
        KeyKind::Sole => Word::KindSole,
        KeyKind::Percent => Word::KindPercent,
        KeyKind::Weights => Word::KindWeights,
        KeyKind::Equal => Word::KindEqual,
    }
    .text(l)
}

fn key_text(k: &KeyUsed, l: Lang, n: &Names) -> String {
    let mut reason = match k.reason {
        KeyReason::AgreementInForce => Word::ReasonAgreementInForce,
        KeyReason::PolicyKey => Word::ReasonPolicyKey,
        KeyReason::NotEligible => Word::ReasonNotEligible,
        KeyReason::NoKeyVersionInForce => Word::ReasonNoKeyVersionInForce,
        KeyReason::NoKey => Word::ReasonNoKey,
    }
    .text(l);
    if k.involved_only {
        reason = format!("{reason}; {}", Message::ExplainInvolvedOnly.text(l));
        for u in &k.uninvolved {
            let department = n.department(&u.department);
            let m = Message::ExplainUninvolved { department, weight: l.number(&u.weight.to_string()) };
            reason = format!("{reason}; {}", m.text(l));
        }
    }
    let source = match k.source {
        KeySource::Agreement => Word::SourceAgreement,
        KeySource::Policy => Word::SourcePolicy,
        KeySource::Sole => Word::SourceSole,
    }
    .text(l);
    let dates = match (k.validity.from, k.validity.to) {
        (None, None) => String::new(),
        (f, t) => Word::KeyDates.with(l, &[("from", &open_date(f, true, l)), ("to", &open_date(t, false, l))]),
    };
    // A policy key is named by its name, its id next to its kind (to find it in the policy);
    // an agreement by its id (the case names it so).
    let kind = kind_text(k.kind, l);
    let (label, kind) = match (&k.id, &k.name) {
        (Some(id), Some(name)) => (name.to_string(), format!("{id}, {kind}")),
        (Some(id), None) => (id.to_string(), kind),
        (None, _) => (String::new(), kind),
    };
    match &k.id {
        Some(_) => Word::KeyWithId
            .with(l, &[("source", &source), ("id", &label), ("kind", &kind), ("dates", &dates), ("reason", &reason)]),
        None => Word::KeyWithoutId.with(l, &[("source", &source), ("reason", &reason)]),
    }
}

/// A date of a validity, or "…" for an open end.
pub(crate) fn open_date(d: Option<crate::Date>, start: bool, l: Lang) -> String {
    match d {
        Some(d) => l.date(&d.to_string()),
        None => if start { Word::OpenStart } else { Word::OpenEnd }.text(l),
    }
}

fn responsible_text(r: &Responsible, l: Lang, n: &Names) -> String {
    let how = match r.rule {
        ResolvedBy::Arrangement => {
            let grantor = n.municipality(&r.municipality);
            let on_behalf_of = r.arrangement_for.as_deref().map(|m| n.municipality(m)).unwrap_or_default();
            let arrangement = r.arrangement.as_deref().unwrap_or("");
            Word::ByArrangement
                .with(l, &[("arrangement", arrangement), ("grantor", &grantor), ("on_behalf_of", &on_behalf_of)])
        }
        ResolvedBy::ActingMunicipality => {
            let sector = r.sector.map_or(String::new(), |s| l.sector(s.as_str()));
            Word::ActingDepartmentFor.with(l, &[("sector", &sector)])
        }
        ResolvedBy::NamedDepartment => Word::NamedInCatalogue.text(l),
    };
    Word::Responsible.with(
        l,
        &[
            ("department", &r.department),
            ("name", &if l == Lang::Da { n.department(&r.department) } else { r.department_name.to_string() }),
            ("municipality", &n.municipality(&r.municipality)),
            ("how", &how),
        ],
    )
}

/// How the line's amount follows from the grant, and how it was rounded.
fn amount_text(line: &Line, l: Lang) -> String {
    let b = &line.basis;
    let num = |m: &dyn ToString| l.number(&m.to_string());
    let granted = match &b.indexed {
        Some(x) => indexed_text(b, x, l),
        None => num(&b.granted),
    };
    let base = match b.per {
        crate::case::Per::Once => Word::AmountOnce.with(l, &[("granted", &granted)]),
        crate::case::Per::Month => Word::AmountMonth.with(l, &[("granted", &granted)]),
        crate::case::Per::Year => Word::AmountYear.with(
            l,
            &[
                ("granted", &granted),
                ("month", &b.service_year_month.unwrap_or(0).to_string()),
                ("month_amount", &b.month_amount.map(|m| num(&m)).unwrap_or_default()),
            ],
        ),
        _ => return format!("{} ({})", rate_text(b, granted, l), rounding_text(line, l)),
    };
    let base = match (b.days, b.days_in_month) {
        (Some(d), Some(m)) if d != m => {
            Word::AmountDays.with(l, &[("amount", &base), ("days", &d.to_string()), ("days_in_month", &m.to_string())])
        }
        _ => base,
    };
    format!("{base} ({})", rounding_text(line, l))
}

/// How a line's amount was rounded: once, or cumulatively within its month.
fn rounding_text(line: &Line, l: Lang) -> String {
    let num = |m: &dyn ToString| l.number(&m.to_string());
    let exact = num(&line.exact_amount);
    match &line.basis.cumulative {
        Some(c) => Word::AmountCumulative.with(
            l,
            &[
                ("so_far", &num(&c.so_far)),
                ("days_so_far", &c.days_so_far.to_string()),
                ("before", &num(&c.before)),
                ("days_before", &c.days_before.to_string()),
                ("exact", &exact),
            ],
        ),
        None => Word::AmountRoundedOnce.with(l, &[("exact", &exact)]),
    }
}

/// A price per day, week, hour or unit: rate × quantity, then the days or months it covers.
fn rate_text(b: &crate::engine::result::AmountBasis, granted: String, l: Lang) -> String {
    use crate::case::{Every, Per};
    let num = |m: &dyn ToString| l.number(&m.to_string());
    let days = b.days.unwrap_or(0).to_string();
    let (price, every) = match (b.per, b.quantity, b.every) {
        (Per::Hour, Some(q), Some(e)) => {
            let price = b.price.map(|p| num(&p)).unwrap_or_default();
            (Message::ExplainHours { quantity: num(&q), rate: granted, price }.text(l), e)
        }
        (Per::Unit, Some(q), Some(e)) => {
            let price = b.price.map(|p| num(&p)).unwrap_or_default();
            (Message::ExplainUnits { quantity: num(&q), rate: granted, price }.text(l), e)
        }
        (Per::Week, ..) => return Message::ExplainPerWeek { rate: granted, days }.text(l),
        _ => return Message::ExplainPerDay { rate: granted, days }.text(l),
    };
    let time = match every {
        Every::Once => return price,
        Every::Day => Message::ExplainEveryDay { days }.text(l),
        Every::Week => Message::ExplainEveryWeek { days }.text(l),
        Every::Month => {
            Message::ExplainEveryMonth { days, days_in_month: b.days_in_month.unwrap_or(0).to_string() }.text(l)
        }
        Every::Year => Message::ExplainEveryYear {
            month: b.service_year_month.unwrap_or(0).to_string(),
            month_amount: b.month_amount.map(|m| num(&m)).unwrap_or_default(),
            days,
            days_in_month: b.days_in_month.unwrap_or(0).to_string(),
        }
        .text(l),
    };
    format!("{price} {time}")
}

/// An index's two values as text, the index by its name (else its id):
/// `'Pris- og lønindeks' (2024: 104.2 / 2022: 100)`.
fn index_ratio(index: &str, year: i32, value: &dyn ToString, base_year: i32, base: &dyn ToString, l: Lang) -> String {
    format!("'{index}' ({year}: {} / {base_year}: {})", l.number(&value.to_string()), l.number(&base.to_string()))
}

/// An amount given at a base year's level and regulated by an index.
fn indexed_text(b: &crate::engine::result::AmountBasis, x: &crate::engine::result::IndexUsed, l: Lang) -> String {
    let text = Message::ExplainIndexed {
        base_amount: l.number(&b.granted.to_string()),
        base_year: x.base_year.to_string(),
        index_ratio: index_ratio(
            x.index_name.as_deref().unwrap_or(&x.index),
            x.year,
            &x.value,
            x.base_year,
            &x.base_value,
            l,
        ),
        rate: l.number(&x.rate.to_string()),
    }
    .text(l);
    if x.confirmed {
        text
    } else {
        format!("{text} {}", Message::ExplainUnconfirmed.text(l))
    }
}

/// The eligibility of a line: the verdicts, and for a line that is not eligible the criteria that
/// failed and the agreement set aside.
fn eligibility_text(r: &SplitResult, line: &Line, l: Lang) -> String {
    let verdicts: Vec<String> = line.verdicts.iter().map(|v| format!("[{}]", v + 1)).collect();
    let verdict = if line.eligible { Word::Eligible } else { Word::NotEligible }.text(l);
    let mut text = format!("{verdict} {}", verdicts.join(" "));
    if !line.eligible {
        let mut failed: Vec<CriterionName> = Vec::new();
        for c in line.verdicts.iter().filter_map(|&v| r.eligibility.get(v)).flat_map(|v| &v.criteria) {
            if !c.passed && !failed.contains(&c.criterion) {
                failed.push(c.criterion);
            }
        }
        let names: Vec<String> = failed.into_iter().map(|c| criterion_name(c, l)).collect();
        let _ = write!(text, "; {}", Word::FailedCriteria.with(l, &[("names", &names.join(", "))]));
        if let Some(a) = &line.key.set_aside {
            let _ = write!(text, "; {}", Word::SetAside.with(l, &[("agreement", a)]));
        }
    }
    text
}

fn line_text(r: &SplitResult, line: &Line, l: Lang, n: &Names, o: &mut String) {
    let heading = Word::LineHeading.with(
        l,
        &[
            ("month", &l.date(&line.month.to_string())),
            ("line", &line.service_line),
            ("service", &line.service),
            ("name", &line.service_name),
            ("from", &l.date(&line.from.to_string())),
            ("to", &l.date(&line.to.to_string())),
            ("amount", &l.number(&line.amount.to_string())),
        ],
    );
    let _ = writeln!(o, "  {heading}");
    let label = |w: Word| w.text(l);
    let _ = writeln!(o, "      {}: {}", label(Word::LabelAmount), amount_text(line, l));
    let _ = writeln!(o, "      {}: {}", label(Word::LabelEligibility), eligibility_text(r, line, l));
    let _ = writeln!(o, "      {}: {}", label(Word::LabelLegalBasis), line.legal_basis);
    let _ = writeln!(o, "      {}: {}", label(Word::LabelAuthority), responsible_text(&line.authority, l, n));
    let _ = writeln!(o, "      {}: {}", label(Word::LabelPayer), responsible_text(&line.payer, l, n));
    let _ = writeln!(o, "      {}: {}", label(Word::LabelKey), key_text(&line.key, l, n));
    let unit = if line.key.kind == KeyKind::Percent || line.key.kind == KeyKind::Sole { " %" } else { "" };
    for s in &line.shares {
        let leftover = if s.leftover_ore { format!("  {}", Word::LeftoverOre.text(l)) } else { String::new() };
        let exact = Word::Exact.with(l, &[("exact", &l.number(&s.exact.to_string()))]);
        let width = 36;
        let _ = writeln!(
            o,
            "        {} {:>10}{unit:<2} {:>14}  ({exact}){leftover}",
            pad(&n.department(&s.department), width),
            l.number(&s.weight.to_string()),
            l.number(&s.amount.to_string()),
        );
    }
}

/// The whole result in words: verdicts, every line with its reasons, and the totals.
pub fn explain_text(r: &SplitResult, l: Lang) -> String {
    let n = Names::of(r, l);
    let mut o = String::new();
    let heading = Word::Heading.with(
        l,
        &[
            ("case", &r.case),
            ("policy", &r.policy),
            ("from", &l.date(&r.period.from.to_string())),
            ("to", &l.date(&r.period.to.to_string())),
        ],
    );
    let _ = writeln!(o, "{heading}");
    if let Some(d) = &r.period_default {
        let year = d.budget_year.to_string();
        let _ = writeln!(
            o,
            "{}",
            Word::PeriodBudgetYear.with(l, &[("year", &year), ("today", &l.date(&d.today.to_string()))])
        );
    }
    let _ = writeln!(o, "\n{}", Word::EligibilityHeading.text(l));
    for (i, v) in r.eligibility.iter().enumerate() {
        let verdict = if v.eligible { Word::Eligible } else { Word::NotEligible }.text(l);
        let (from, to) = (l.date(&v.from.to_string()), l.date(&v.to.to_string()));
        let _ = writeln!(o, "  [{}] {from} – {to}: {verdict}", i + 1);
        for c in &v.criteria {
            let _ = writeln!(o, "      {}", criterion_text(c, l, &n));
        }
    }
    let _ = writeln!(o, "\n{}", Word::LinesHeading.text(l));
    for line in &r.lines {
        line_text(r, line, l, &n, &mut o);
    }
    if let Some(re) = &r.reimbursement {
        reimbursement_text(re, l, &n, &mut o);
    }
    audit_text(&r.agreements, l, &mut o);
    o.push('\n');
    o.push_str(&table(r, l));
    o
}

/// Who decided each agreement, when, and its journal number (only agreements that record any).
fn audit_text(records: &[crate::case::audit::AgreementRecord], l: Lang, o: &mut String) {
    use crate::case::audit::DecidedBy;
    use crate::i18n::Message;
    if records.is_empty() {
        return;
    }
    let _ = writeln!(o, "\n{}", Message::AuditHeading.text(l));
    for a in records {
        let mut parts = vec![Message::AuditAgreement {
            agreement: a.agreement.clone(),
            line: a.service_line.clone(),
            from: l.date(&a.from.to_string()),
        }
        .text(l)];
        match &a.audit.decided_by {
            Some(DecidedBy::CoordinationGroup) => parts.push(Message::AuditDecidedByGroup.text(l)),
            Some(DecidedBy::Role(role)) => parts.push(Message::AuditDecidedByRole { role: role.clone() }.text(l)),
            None => {}
        }
        if let Some(d) = a.audit.decided_on {
            parts.push(Message::AuditDecidedOn { date: l.date(&d.to_string()) }.text(l));
        }
        if let Some(j) = &a.audit.journal {
            parts.push(Message::AuditJournal { journal: j.clone() }.text(l));
        }
        let _ = writeln!(o, "  {}", parts.join(", "));
    }
}

/// Each month's reimbursement: base, tiers, rounding and allocation.
fn reimbursement_text(re: &Reimbursement, l: Lang, n: &Names, o: &mut String) {
    let num = |m: &dyn ToString| l.number(&m.to_string());
    let heading = Word::ReimbursementHeading.with(l, &[("basis", &re.legal_basis), ("cases", &re.cases.join(", "))]);
    let _ = writeln!(o, "\n{heading}");
    for m in &re.months {
        let month = Word::ReimbursementMonth.with(
            l,
            &[
                ("month", &l.date(&m.month.to_string())),
                ("municipality", &n.municipality(&m.municipality)),
                ("counted", &num(&m.counted)),
                ("income", &num(&m.income)),
                ("base", &num(&m.base)),
            ],
        );
        let _ = writeln!(o, "  {month}");
        if m.one_off_part.ore() != 0 {
            let _ = writeln!(o, "      {}", Word::ReimbursementOneOff.with(l, &[("amount", &num(&m.one_off_part))]));
        }
        level_text(m, l, o);
        if m.level.is_none() {
            let _ = writeln!(o, "      {}", Word::ReimbursementNoLevel.text(l));
        }
        for t in &m.tiers {
            let tier = Word::ReimbursementTier.with(
                l,
                &[
                    ("percent", &num(&t.percent)),
                    ("portion", &num(&t.portion)),
                    ("monthly", &num(&t.monthly_threshold)),
                    ("above", &num(&t.above)),
                    ("amount", &num(&t.amount)),
                ],
            );
            let _ = writeln!(o, "      {tier}");
        }
        let result =
            Word::ReimbursementResult.with(l, &[("amount", &num(&m.reimbursement)), ("exact", &num(&m.exact))]);
        let _ = writeln!(o, "      {result}");
        for a in m.cases.iter().filter(|_| m.cases.len() > 1).chain(&m.departments) {
            let leftover = if a.leftover_ore { format!(" ({})", Word::LeftoverOre.text(l)) } else { String::new() };
            let who = match (&a.department, re.cases.len()) {
                (Some(d), 1) => n.department(d),
                (Some(d), _) => format!("{} / {}", a.case, n.department(d)),
                (None, _) => a.case.to_string(),
            };
            let share = Word::ReimbursementShare.with(
                l,
                &[("who", &who), ("amount", &num(&a.amount)), ("leftover", &leftover), ("weight", &num(&a.weight))],
            );
            let _ = writeln!(o, "        {share}");
        }
    }
}

/// A month's level: its own legal basis, the regulation of its thresholds, unconfirmed figures.
fn level_text(m: &crate::engine::result::ReimbursementMonth, l: Lang, o: &mut String) {
    if let Some(basis) = &m.legal_basis {
        let _ = writeln!(o, "      {}", Message::ExplainLevelBasis { legal_basis: basis.clone() }.text(l));
    }
    if let Some(r) = &m.regulation {
        let ratio =
            index_ratio(r.index_name.as_deref().unwrap_or(&r.index), r.year, &r.value, r.base_year, &r.base_value, l);
        for t in &m.tiers {
            let text = Message::ExplainThreshold {
                stated: t.stated.map(|s| l.number(&s.to_string())).unwrap_or_default(),
                base_year: r.base_year.to_string(),
                index_ratio: ratio.clone(),
                threshold: l.number(&t.above.to_string()),
            };
            let _ = writeln!(o, "      {}", text.text(l));
        }
        let round_to = l.number(&r.round_to.to_string());
        let _ = writeln!(o, "      {}", Message::ExplainRoundTo { round_to }.text(l));
    }
    if m.unconfirmed {
        let _ = writeln!(o, "      {}", Message::ExplainUnconfirmedLevel.text(l));
    }
}

/// Pad `s` to `width` characters (left-aligned), counting characters, not bytes.
fn pad(s: &str, width: usize) -> String {
    format!("{s:<width$}")
}

/// Totals as text tables: per department, per municipality, and month by department.
pub fn table(r: &SplitResult, l: Lang) -> String {
    let n = Names::of(r, l);
    let num = |m: &dyn ToString| l.number(&m.to_string());
    let mut o = String::new();
    let _ = writeln!(o, "{}", Word::TotalsByDepartment.text(l));
    for d in &r.totals.by_department {
        let amount = num(&d.amount);
        match l {
            Lang::Da => {
                let _ =
                    writeln!(o, "  {} {} {amount:>14}", pad(&d.name, 40), pad(&n.municipality(&d.municipality), 20));
            }
            _ => {
                let muni = n.municipality(&d.municipality);
                let _ = writeln!(o, "  {:<20} {:<52} {muni:<20} {amount:>14}", d.department, d.name);
            }
        }
    }
    let _ = writeln!(o, "\n{}", Word::TotalsByMunicipality.text(l));
    for m in &r.totals.by_municipality {
        let amount = num(&m.amount);
        match l {
            Lang::Da => {
                let _ = writeln!(o, "  {} {:>5} {amount:>14}", pad(&m.name, 30), m.code);
            }
            _ => {
                let _ = writeln!(o, "  {:<20} {:<30} {:>5} {amount:>14}", m.municipality, m.name, m.code);
            }
        }
    }
    month_table(r, l, &n, &mut o);
    if let Some(re) = &r.reimbursement {
        let _ = writeln!(o, "\n{} ({})", Word::StateReimbursement.text(l), re.legal_basis);
        let heads = [Word::Gross, Word::Reimbursement, Word::Net].map(|w| w.text(l));
        let _ = writeln!(o, "  {:<36} {:>16} {:>16} {:>16}", "", heads[0], heads[1], heads[2]);
        for d in &re.by_department {
            let _ = writeln!(
                o,
                "  {} {:>16} {:>16} {:>16}",
                pad(&n.department(&d.department), 36),
                num(&d.gross),
                num(&d.reimbursement),
                num(&d.net)
            );
        }
        let t = &re.total;
        let total = Word::ReimbursementTotal
            .with(l, &[("gross", &num(&t.gross)), ("reimbursement", &num(&t.reimbursement)), ("net", &num(&t.net))]);
        let _ = writeln!(o, "  {total}");
    }
    o
}

/// Month by department: one column per department, by its name.
fn month_table(r: &SplitResult, l: Lang, n: &Names, o: &mut String) {
    let num = |m: &dyn ToString| l.number(&m.to_string());
    let heads: Vec<String> = r.totals.by_department.iter().map(|d| n.department(&d.department)).collect();
    let widths: Vec<usize> = heads.iter().map(|h| h.chars().count().max(16)).collect();
    let _ = writeln!(o, "\n{}", Word::ByMonthAndDepartment.text(l));
    let _ = write!(o, "  {}", pad(&Word::Month.text(l), 8));
    for (h, w) in heads.iter().zip(&widths) {
        let _ = write!(o, " {h:>w$}");
    }
    let _ = writeln!(o, " {:>14}", Word::Total.text(l));
    for m in &r.totals.by_month {
        let _ = write!(o, "  {}", pad(&l.date(&m.month.to_string()), 8));
        for (d, w) in m.departments.iter().zip(&widths) {
            let _ = write!(o, " {:>w$}", num(&d.amount));
        }
        let _ = writeln!(o, " {:>14}", num(&m.amount));
    }
    let _ = write!(o, "  {}", pad(&Word::Total.text(l), 8));
    for (d, w) in r.totals.by_department.iter().zip(&widths) {
        let _ = write!(o, " {:>w$}", num(&d.amount));
    }
    let _ = writeln!(o, " {:>14}", num(&r.totals.case));
}

/// What a policy declares, as text (for `fordeling check`).
pub fn policy_summary(p: &crate::policy::PolicyDoc, l: Lang) -> String {
    let mut o = String::new();
    let muni: BTreeMap<&str, &str> = p.municipalities.iter().map(|m| (m.id.as_str(), m.name.as_str())).collect();
    let m_name = |id: &str| match l {
        Lang::Da => muni.get(id).map_or(id.to_string(), |n| (*n).to_string()),
        _ => id.to_string(),
    };
    let sectors = |s: &[crate::model::sector::Sector]| {
        s.iter().map(|s| if l == Lang::Da { l.sector(s.as_str()) } else { s.as_str().to_string() }).collect::<Vec<_>>()
    };
    let heading = Word::PolicyHeading.with(l, &[("name", &p.name), ("version", p.version.as_deref().unwrap_or(""))]);
    let _ = writeln!(o, "{heading}");
    let _ = writeln!(o, "\n{} ({})", Word::Municipalities.text(l), p.municipalities.len());
    for m in &p.municipalities {
        let _ = writeln!(o, "  {:<16} {:>3}  {}", m.id, m.code, m.name);
    }
    let _ = writeln!(o, "\n{} ({})", Word::Departments.text(l), p.departments.len());
    for d in &p.departments {
        let s = sectors(&d.sectors).join(", ");
        let _ = writeln!(o, "  {:<20} {:<20} {:<32} {}", d.id, m_name(&d.municipality), s, d.name);
    }
    let _ = writeln!(o, "\n{} ({})", Word::Services.text(l), p.services.len());
    // Departments and keys by their names (the ids head the lists above and below).
    let dept_name: BTreeMap<&str, &str> = p.departments.iter().map(|d| (d.id.as_str(), d.name.as_str())).collect();
    let key_name: BTreeMap<&str, &str> =
        p.keys.iter().filter_map(|k| k.name.as_deref().map(|n| (k.id.as_str(), n))).collect();
    let who = |t: &Option<crate::policy::TargetDoc>, s: crate::model::sector::Sector| match t {
        Some(crate::policy::TargetDoc { department: Some(d), .. }) => {
            dept_name.get(d.as_str()).map_or(d.clone(), |n| (*n).to_string())
        }
        Some(crate::policy::TargetDoc { sector: Some(x), .. }) => {
            Word::BySector.with(l, &[("sector", &sectors(&[*x])[0])])
        }
        _ => Word::BySector.with(l, &[("sector", &sectors(&[s])[0])]),
    };
    for s in &p.services {
        let basis: Vec<&str> = s.legal_basis.iter().map(|b| b.text.as_str()).collect();
        let summary = Word::ServiceSummary.with(
            l,
            &[
                ("authority", &who(&s.authority, s.sector)),
                ("payer", &who(&s.payer, s.sector)),
                ("key", s.key.as_deref().map_or("-", |k| key_name.get(k).copied().unwrap_or(k))),
                ("basis", &basis.join(" / ")),
            ],
        );
        let _ = writeln!(o, "  {:<24} {summary}", s.id);
    }
    let _ = writeln!(o, "\n{} ({})", Word::Keys.text(l), p.keys.len());
    for k in &p.keys {
        let versions: Vec<String> = k
            .versions
            .iter()
            .map(|v| format!("{} {}–{}", kind_text(v.kind, l), open_date(v.from, true, l), open_date(v.to, false, l)))
            .collect();
        let name = k.name.as_deref().map(|n| format!(" ({n})")).unwrap_or_default();
        let _ = writeln!(o, "  {:<32} {}{name}", k.id, versions.join("; "));
    }
    let _ = writeln!(o, "\n{} ({})", Word::Criteria.text(l), p.eligibility.len());
    for c in &p.eligibility {
        let age = c.age.map_or_else(|| "-".into(), |a| format!("{}-{}", a.min, a.max));
        let line = Word::CriteriaSummary.with(
            l,
            &[
                ("from", &open_date(c.from, true, l)),
                ("to", &open_date(c.to, false, l)),
                ("min", &c.min_sector_areas.to_string()),
                ("consent", &yes_no(c.consent_required, l)),
                ("disability", &yes_no(c.disability_required, l)),
                ("age", &age),
            ],
        );
        let _ = writeln!(o, "  {line}");
    }
    let _ = writeln!(o, "\n{} ({})", Word::Arrangements.text(l), p.arrangements.len());
    for a in &p.arrangements {
        let line = Word::ArrangementSummary.with(
            l,
            &[
                ("id", &a.id),
                ("grantor", &m_name(&a.grantor)),
                ("on_behalf_of", &m_name(&a.on_behalf_of)),
                ("sectors", &sectors(&a.sectors).join(", ")),
                ("from", &open_date(a.from, true, l)),
                ("to", &open_date(a.to, false, l)),
            ],
        );
        let _ = writeln!(o, "  {line}");
    }
    o
}
