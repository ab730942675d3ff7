//! Results in words and tables, in Danish and English.
//!
//! The structured result ([`SplitResult`]) carries every fact as data (codes, ids, amounts); this
//! module phrases those facts for people. Nothing here computes: it only renders.

use std::fmt::Write;

use crate::i18n::Lang;

use crate::engine::result::Reimbursement;
use crate::engine::result::{
    Criterion, CriterionName, KeyReason, KeySource, KeyUsed, Line, ResolvedBy, Responsible, SplitResult,
};
use crate::policy::KeyKind;

fn criterion_text(c: &Criterion, l: Lang) -> String {
    let mark = if c.passed { "✓" } else { "✗" };
    let body = match c.criterion {
        CriterionName::CriteriaInForce => l
            .t("no eligibility criteria in force on the date", "ingen visitationskriterier gælder på datoen")
            .to_string(),
        CriterionName::SectorAreas => format!(
            "{}: {} ({}); {} {}",
            l.t("sector areas involved", "involverede sektorområder"),
            c.actual,
            c.detail.join(", "),
            l.t("required at least", "krav mindst"),
            c.required
        ),
        CriterionName::Consent => match (c.required.as_str(), c.actual.as_str()) {
            ("false", _) => l.t("family consent: not required", "familiens samtykke: ikke krævet").into(),
            (_, "none") => l.t("family consent: not given", "familiens samtykke: ikke givet").into(),
            (_, from) => format!("{} {from}", l.t("family consent: given from", "familiens samtykke: givet fra")),
        },
        CriterionName::Disability => format!(
            "{}: {}{}",
            l.t("significant and permanent disability", "betydelig og varig funktionsnedsættelse"),
            if c.actual == "true" { l.t("yes", "ja") } else { l.t("no", "nej") },
            if c.required == "true" { "" } else { l.t(" (not required)", " (ikke krævet)") }
        ),
        CriterionName::Age => {
            let born = c.detail.first().map(String::as_str).unwrap_or("");
            let age = if c.actual == "none" {
                l.t("not born yet", "ikke født endnu").to_string()
            } else {
                format!("{} {}", c.actual, l.t("years", "år"))
            };
            format!(
                "{}: {age} ({} {born}); {} {}",
                l.t("age", "alder"),
                l.t("born", "født"),
                l.t("required", "krav"),
                c.required
            )
        }
        CriterionName::Municipality => format!(
            "{}: {}; {}: {}",
            l.t("acting municipality", "handlekommune"),
            c.actual,
            l.t("covered", "omfattet"),
            c.required
        ),
    };
    format!("{mark} {body}")
}

fn kind_text(k: KeyKind, l: Lang) -> &'static str {
    match k {
        KeyKind::Sole => l.t("sole", "fuld betaling"),
        KeyKind::Percent => l.t("percent", "procent"),
        KeyKind::Weights => l.t("weights", "vægte"),
        KeyKind::Equal => l.t("equal", "ligelig"),
    }
}

fn key_text(k: &KeyUsed, l: Lang) -> String {
    let reason = match k.reason {
        KeyReason::AgreementInForce => l.t(
            "a case agreement from the joint assessment is in force",
            "en aftale fra den tværfaglige udredning gælder",
        ),
        KeyReason::PolicyKey => l.t(
            "no case agreement in force, so the service's policy key applies",
            "ingen aftale gælder, så ydelsens fordelingsnøgle anvendes",
        ),
        KeyReason::NotEligible => l.t(
            "the case is not eligible for shared financing, so the payer pays 100 %",
            "sagen opfylder ikke kriterierne for fælles finansiering, så den betalingsforpligtede betaler 100 %",
        ),
        KeyReason::NoKeyVersionInForce => l.t(
            "no agreement and no version of the policy key in force: the payer pays 100 %",
            "ingen aftale og ingen gældende version af nøglen: den betalingsforpligtede betaler 100 %",
        ),
        KeyReason::NoKey => l.t(
            "no agreement and no policy key for the service: the payer pays 100 %",
            "ingen aftale og ingen nøgle for ydelsen: den betalingsforpligtede betaler 100 %",
        ),
    };
    let source = match k.source {
        KeySource::Agreement => l.t("agreement", "aftale"),
        KeySource::Policy => l.t("policy key", "nøgle"),
        KeySource::Sole => l.t("sole payer", "fuld betaling"),
    };
    let dates = match (k.validity.from, k.validity.to) {
        (None, None) => String::new(),
        (f, t) => format!(
            ", {} – {}",
            f.map_or_else(|| "…".into(), |d| d.to_string()),
            t.map_or_else(|| "…".into(), |d| d.to_string())
        ),
    };
    match &k.id {
        Some(id) => format!("{source} '{id}' ({}{dates}): {reason}", kind_text(k.kind, l)),
        None => format!("{source}: {reason}"),
    }
}

fn responsible_text(r: &Responsible, l: Lang) -> String {
    let how = match r.rule {
        ResolvedBy::Arrangement => {
            format!("{} '{}'", l.t("by arrangement", "efter aftale"), r.arrangement.as_deref().unwrap_or(""))
        }
        ResolvedBy::ActingMunicipality => format!(
            "{} {}",
            l.t("acting municipality's department for", "handlekommunens afdeling for"),
            r.sector.map_or("", |s| s.as_str())
        ),
        ResolvedBy::NamedDepartment => l.t("named in the service catalogue", "angivet i ydelseskataloget").to_string(),
    };
    format!("{} {} ({}) — {how}", r.department, r.department_name, r.municipality)
}

fn amount_text(line: &Line, l: Lang) -> String {
    let b = &line.basis;
    let days = match (b.days, b.days_in_month) {
        (Some(d), Some(m)) if d != m => format!(" × {d}/{m} {}", l.t("days", "dage")),
        _ => String::new(),
    };
    match b.per {
        crate::case::Per::Once => format!("{} {}", l.t("one-off amount", "engangsbeløb"), b.granted),
        crate::case::Per::Month => format!("{} {}{days}", b.granted, l.t("per month", "pr. måned")),
        crate::case::Per::Year => format!(
            "{} {}: {} {} {} = {}{days}",
            b.granted,
            l.t("per year", "pr. år"),
            l.t("month", "måned"),
            b.service_year_month.unwrap_or(0),
            l.t("of the service year", "i ydelsesåret"),
            b.month_amount.map(|m| m.to_string()).unwrap_or_default()
        ),
    }
}

/// The whole result in words: verdicts, every line with its reasons, and the totals.
pub fn explain_text(r: &SplitResult, l: Lang) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "{} {} — {} {} — {} {} {} {}",
        l.t("Case", "Sag"),
        r.case,
        l.t("policy", "politik"),
        r.policy,
        l.t("period", "periode"),
        r.period.from,
        l.t("to", "til"),
        r.period.to
    );
    let _ = writeln!(o, "\n{}", l.t("Eligibility for shared financing", "Kriterier for fælles finansiering"));
    for (i, v) in r.eligibility.iter().enumerate() {
        let verdict = if v.eligible { l.t("eligible", "opfyldt") } else { l.t("not eligible", "ikke opfyldt") };
        let _ = writeln!(o, "  [{}] {} – {}: {verdict}", i + 1, v.from, v.to);
        for c in &v.criteria {
            let _ = writeln!(o, "      {}", criterion_text(c, l));
        }
    }
    let _ = writeln!(o, "\n{}", l.t("Lines", "Linjer"));
    for line in &r.lines {
        let _ = writeln!(
            o,
            "  {} {} {} ({}) {} – {}: {} DKK",
            line.month, line.service_line, line.service, line.service_name, line.from, line.to, line.amount
        );
        let _ = writeln!(
            o,
            "      {}: {} ({} {}; {})",
            l.t("amount", "beløb"),
            amount_text(line, l),
            l.t("exact", "præcist"),
            line.exact_amount,
            l.t("rounded once, half away from zero", "afrundet én gang, halve op")
        );
        let verdicts: Vec<String> = line.verdicts.iter().map(|v| format!("[{}]", v + 1)).collect();
        let _ = writeln!(
            o,
            "      {}: {} {}",
            l.t("eligibility", "kriterier"),
            if line.eligible { l.t("eligible", "opfyldt") } else { l.t("not eligible", "ikke opfyldt") },
            verdicts.join(" ")
        );
        let _ = writeln!(o, "      {}: {}", l.t("legal basis", "hjemmel"), line.legal_basis);
        let _ = writeln!(
            o,
            "      {}: {}",
            l.t("authority", "visitationskompetence"),
            responsible_text(&line.authority, l)
        );
        let _ = writeln!(o, "      {}: {}", l.t("payer", "betalingsforpligtelse"), responsible_text(&line.payer, l));
        let _ = writeln!(o, "      {}: {}", l.t("key", "nøgle"), key_text(&line.key, l));
        for s in &line.shares {
            let unit = if line.key.kind == KeyKind::Percent || line.key.kind == KeyKind::Sole { " %" } else { "" };
            let leftover = if s.leftover_ore { l.t("  + 1 leftover øre", "  + 1 restøre") } else { "" };
            let _ = writeln!(
                o,
                "        {:<20} {:>10}{unit:<2} {:>14}  ({} {}){leftover}",
                s.department,
                s.weight.to_string(),
                s.amount.to_string(),
                l.t("exact", "præcist"),
                s.exact
            );
        }
    }
    if let Some(re) = &r.reimbursement {
        reimbursement_text(re, l, &mut o);
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
            from: a.from.to_string(),
        }
        .text(l)];
        match &a.audit.decided_by {
            Some(DecidedBy::CoordinationGroup) => parts.push(Message::AuditDecidedByGroup.text(l)),
            Some(DecidedBy::Role(role)) => parts.push(Message::AuditDecidedByRole { role: role.clone() }.text(l)),
            None => {}
        }
        if let Some(d) = a.audit.decided_on {
            parts.push(Message::AuditDecidedOn { date: d.to_string() }.text(l));
        }
        if let Some(j) = &a.audit.journal {
            parts.push(Message::AuditJournal { journal: j.clone() }.text(l));
        }
        let _ = writeln!(o, "  {}", parts.join(", "));
    }
}

/// Each month's reimbursement: base, tiers, rounding and allocation.
fn reimbursement_text(re: &Reimbursement, l: Lang, o: &mut String) {
    let _ = writeln!(
        o,
        "\n{} ({}) — {}: {}",
        l.t("State reimbursement", "Statsrefusion"),
        re.legal_basis,
        l.t("household", "husstand"),
        re.cases.join(", ")
    );
    for m in &re.months {
        let _ = writeln!(
            o,
            "  {} {}: {} {} − {} {} = {} {}",
            m.month,
            m.municipality,
            l.t("counted", "tællende"),
            m.counted,
            l.t("income", "indtægt"),
            m.income,
            l.t("base", "grundlag"),
            m.base
        );
        if m.one_off_part.ore() != 0 {
            let _ = writeln!(
                o,
                "      {} {}",
                l.t("of which one-off twelfths", "heraf tolvtedele af engangsudgifter"),
                m.one_off_part
            );
        }
        if m.level.is_none() {
            let _ = writeln!(
                o,
                "      {}",
                l.t("no level of thresholds in force: nothing reimbursed", "ingen gældende tærskler: ingen refusion")
            );
        }
        for t in &m.tiers {
            let _ = writeln!(
                o,
                "      {} % {} {} {} {} ({} / 12) = {}",
                t.percent,
                l.t("of", "af"),
                t.portion,
                l.t("above", "over"),
                t.monthly_threshold,
                t.above,
                t.amount
            );
        }
        let _ = writeln!(
            o,
            "      {} = {} ({} {}; {})",
            l.t("reimbursement", "refusion"),
            m.reimbursement,
            l.t("exact", "præcist"),
            m.exact,
            l.t("rounded once, half away from zero", "afrundet én gang, halve op")
        );
        for a in m.cases.iter().filter(|_| m.cases.len() > 1).chain(&m.departments) {
            let leftover = if a.leftover_ore { l.t(" (+ 1 leftover øre)", " (+ 1 restøre)") } else { "" };
            let who = match (&a.department, re.cases.len()) {
                (Some(d), 1) => d.to_string(),
                (Some(d), _) => format!("{} / {d}", a.case),
                (None, _) => a.case.to_string(),
            };
            let _ = writeln!(o, "        {who} {}{leftover}  ({} {})", a.amount, l.t("weight", "vægt"), a.weight);
        }
    }
}

/// Totals as text tables: per department, per municipality, and month by department.
pub fn table(r: &SplitResult, l: Lang) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "{}", l.t("Totals per department", "Total pr. afdeling"));
    for d in &r.totals.by_department {
        let _ =
            writeln!(o, "  {:<20} {:<52} {:<12} {:>14}", d.department, d.name, d.municipality, d.amount.to_string());
    }
    let _ = writeln!(o, "\n{}", l.t("Totals per municipality", "Total pr. kommune"));
    for m in &r.totals.by_municipality {
        let _ = writeln!(o, "  {:<20} {:<30} {:>5} {:>14}", m.municipality, m.name, m.code, m.amount.to_string());
    }
    let _ = writeln!(o, "\n{}", l.t("Per month and department", "Pr. måned og afdeling"));
    let _ = write!(o, "  {:<8}", l.t("month", "måned"));
    for d in &r.totals.by_department {
        let _ = write!(o, " {:>16}", d.department);
    }
    let _ = writeln!(o, " {:>14}", l.t("total", "i alt"));
    for m in &r.totals.by_month {
        let _ = write!(o, "  {:<8}", m.month.to_string());
        for d in &m.departments {
            let _ = write!(o, " {:>16}", d.amount.to_string());
        }
        let _ = writeln!(o, " {:>14}", m.amount.to_string());
    }
    let _ = write!(o, "  {:<8}", l.t("total", "i alt"));
    for d in &r.totals.by_department {
        let _ = write!(o, " {:>16}", d.amount.to_string());
    }
    let _ = writeln!(o, " {:>14}", r.totals.case.to_string());
    if let Some(re) = &r.reimbursement {
        let _ = writeln!(o, "\n{} ({})", l.t("State reimbursement", "Statsrefusion"), re.legal_basis);
        let _ = writeln!(
            o,
            "  {:<20} {:>16} {:>16} {:>16}",
            "",
            l.t("gross", "brutto"),
            l.t("reimbursement", "refusion"),
            l.t("net", "netto")
        );
        for d in &re.by_department {
            let _ = writeln!(
                o,
                "  {:<20} {:>16} {:>16} {:>16}",
                d.department,
                d.gross.to_string(),
                d.reimbursement.to_string(),
                d.net.to_string()
            );
        }
        let t = &re.total;
        let _ = writeln!(
            o,
            "  {}: {} {}, {} {}, {} {}",
            l.t("Total", "I alt"),
            l.t("gross", "brutto"),
            t.gross,
            l.t("reimbursement", "refusion"),
            t.reimbursement,
            l.t("net", "netto"),
            t.net
        );
    }
    o
}

/// What a policy declares, as text (for `fordeling check`).
pub fn policy_summary(p: &crate::policy::PolicyDoc, l: Lang) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "{} '{}' {}", l.t("Policy", "Politik"), p.name, p.version.as_deref().unwrap_or(""));
    let _ = writeln!(o, "\n{} ({})", l.t("Municipalities", "Kommuner"), p.municipalities.len());
    for m in &p.municipalities {
        let _ = writeln!(o, "  {:<16} {:>3}  {}", m.id, m.code, m.name);
    }
    let _ = writeln!(o, "\n{} ({})", l.t("Departments", "Afdelinger"), p.departments.len());
    for d in &p.departments {
        let sectors: Vec<&str> = d.sectors.iter().map(|s| s.as_str()).collect();
        let _ = writeln!(o, "  {:<20} {:<14} {:<32} {}", d.id, d.municipality, sectors.join(","), d.name);
    }
    let _ = writeln!(o, "\n{} ({})", l.t("Services", "Ydelser"), p.services.len());
    let who = |t: &Option<crate::policy::TargetDoc>, s: crate::model::sector::Sector| match t {
        Some(crate::policy::TargetDoc { department: Some(d), .. }) => d.clone(),
        Some(crate::policy::TargetDoc { sector: Some(x), .. }) => format!("sector:{x}"),
        _ => format!("sector:{s}"),
    };
    for s in &p.services {
        let basis: Vec<&str> = s.legal_basis.iter().map(|b| b.text.as_str()).collect();
        let _ = writeln!(
            o,
            "  {:<24} {} = {}; {} = {}; {} = {}; {}",
            s.id,
            l.t("authority", "visitation"),
            who(&s.authority, s.sector),
            l.t("payer", "betaler"),
            who(&s.payer, s.sector),
            l.t("key", "nøgle"),
            s.key.as_deref().unwrap_or("-"),
            basis.join(" / ")
        );
    }
    let _ = writeln!(o, "\n{} ({})", l.t("Keys", "Nøgler"), p.keys.len());
    for k in &p.keys {
        let versions: Vec<String> = k
            .versions
            .iter()
            .map(|v| {
                format!(
                    "{} {}–{}",
                    kind_text(v.kind, l),
                    v.from.map_or_else(|| "…".into(), |d| d.to_string()),
                    v.to.map_or_else(|| "…".into(), |d| d.to_string())
                )
            })
            .collect();
        let _ = writeln!(o, "  {:<32} {}", k.id, versions.join("; "));
    }
    let _ = writeln!(o, "\n{} ({})", l.t("Eligibility criteria", "Kriterier"), p.eligibility.len());
    for c in &p.eligibility {
        let _ = writeln!(
            o,
            "  {}–{}: {} >= {}, {} {}, {} {}, {} {}",
            c.from.map_or_else(|| "…".into(), |d| d.to_string()),
            c.to.map_or_else(|| "…".into(), |d| d.to_string()),
            l.t("sector areas", "sektorområder"),
            c.min_sector_areas,
            l.t("consent", "samtykke"),
            c.consent_required,
            l.t("disability", "funktionsnedsættelse"),
            c.disability_required,
            l.t("age", "alder"),
            c.age.map_or_else(|| "-".into(), |a| format!("{}-{}", a.min, a.max))
        );
    }
    let _ = writeln!(o, "\n{} ({})", l.t("Arrangements", "Samarbejdsaftaler"), p.arrangements.len());
    for a in &p.arrangements {
        let sectors: Vec<&str> = a.sectors.iter().map(|s| s.as_str()).collect();
        let _ = writeln!(
            o,
            "  {}: {} {} {} ({}) {}–{}",
            a.id,
            a.grantor,
            l.t("grants for", "visiterer for"),
            a.on_behalf_of,
            sectors.join(","),
            a.from.map_or_else(|| "…".into(), |d| d.to_string()),
            a.to.map_or_else(|| "…".into(), |d| d.to_string())
        );
    }
    o
}
