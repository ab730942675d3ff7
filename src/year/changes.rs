//! The changes since the last report: the case agreements decided after a date (the request's
//! `since`), so a controller sees what the coordination group or a named role has decided since
//! the portfolio was last reported.

use serde::Serialize;

use crate::case::audit::{records, AgreementRecord};
use crate::case::Case;
use crate::model::date::Date;

/// An agreement decided after the last report: the case and the agreement's record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct AgreementChange {
    /// Case id.
    pub case: String,
    /// The agreement, its line, its period and who decided it when.
    #[serde(flatten)]
    pub record: AgreementRecord,
}

/// The agreements decided strictly after `since`, by decision date, then case and agreement id.
/// An agreement without a decision date is not listed: nothing says when it changed.
pub fn changes_since(cases: &[Case], since: Date) -> Vec<AgreementChange> {
    let mut out: Vec<AgreementChange> = cases
        .iter()
        .flat_map(|c| {
            let decided_since = |r: &AgreementRecord| r.audit.decided_on.is_some_and(|d| d > since);
            records(c).into_iter().filter(decided_since).map(|record| AgreementChange { case: c.id.clone(), record })
        })
        .collect();
    fn order(c: &AgreementChange) -> (Option<Date>, &str, &str) {
        (c.record.audit.decided_on, &c.case, &c.record.agreement)
    }
    out.sort_by(|a, b| order(a).cmp(&order(b)));
    out
}

/// The changes as text for the portfolio table: a heading with their number, then one line each.
pub fn changes_text(changes: &[AgreementChange], lang: crate::i18n::Lang) -> String {
    use crate::case::audit::DecidedBy;
    use crate::i18n::Message;
    let mut o = format!("\n{}\n", Message::ChangesSinceHeading { count: changes.len().to_string() }.text(lang));
    for AgreementChange { case, record: c } in changes {
        let mut parts = vec![
            Message::AuditCase { case: case.clone() }.text(lang),
            Message::AuditAgreement {
                agreement: c.agreement.clone(),
                line: c.service_line.clone(),
                from: lang.date(&c.from.to_string()),
            }
            .text(lang),
        ];
        match &c.audit.decided_by {
            Some(DecidedBy::CoordinationGroup) => parts.push(Message::AuditDecidedByGroup.text(lang)),
            Some(DecidedBy::Role(role)) => parts.push(Message::AuditDecidedByRole { role: role.clone() }.text(lang)),
            None => {}
        }
        if let Some(d) = c.audit.decided_on {
            parts.push(Message::AuditDecidedOn { date: lang.date(&d.to_string()) }.text(lang));
        }
        if let Some(j) = &c.audit.journal {
            parts.push(Message::AuditJournal { journal: j.clone() }.text(lang));
        }
        o.push_str(&format!("  {}\n", parts.join(", ")));
    }
    o
}
