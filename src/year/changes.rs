//! The changes since the last report: the case agreements decided after a date (the request's
//! `since`), so a controller sees what the coordination group or a named role has decided since
//! the portfolio was last reported.

use serde::Serialize;

use crate::case::audit::{records, Audit};
use crate::case::Case;
use crate::model::date::Date;

/// An agreement decided after the last report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct AgreementChange {
    /// Case id.
    pub case: String,
    /// Agreement id.
    pub agreement: String,
    /// The service line it applies to.
    pub service_line: String,
    /// First day in force.
    pub from: Date,
    /// Last day in force, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<Date>,
    /// Who decided it, when, and the journal number.
    #[serde(flatten)]
    pub audit: Audit,
}

/// The agreements decided strictly after `since`, by decision date, then case and agreement id.
/// An agreement without a decision date is not listed: nothing says when it changed.
pub fn changes_since(cases: &[Case], since: Date) -> Vec<AgreementChange> {
    let mut out: Vec<AgreementChange> = cases
        .iter()
        .flat_map(|c| {
            records(c).into_iter().filter(|r| r.audit.decided_on.is_some_and(|d| d > since)).map(|r| AgreementChange {
                case: c.id.clone(),
                agreement: r.agreement,
                service_line: r.service_line,
                from: r.from,
                to: r.to,
                audit: r.audit,
            })
        })
        .collect();
    out.sort_by(|a, b| (a.audit.decided_on, &a.case, &a.agreement).cmp(&(b.audit.decided_on, &b.case, &b.agreement)));
    out
}

/// The changes as text for the portfolio table: a heading with their number, then one line each.
pub fn changes_text(changes: &[AgreementChange], lang: crate::i18n::Lang) -> String {
    use crate::case::audit::DecidedBy;
    use crate::i18n::Message;
    let mut o = format!("\n{}\n", Message::ChangesSinceHeading { count: changes.len().to_string() }.text(lang));
    for c in changes {
        let mut parts = vec![
            Message::AuditCase { case: c.case.clone() }.text(lang),
            Message::AuditAgreement {
                agreement: c.agreement.clone(),
                line: c.service_line.clone(),
                from: c.from.to_string(),
            }
            .text(lang),
        ];
        match &c.audit.decided_by {
            Some(DecidedBy::CoordinationGroup) => parts.push(Message::AuditDecidedByGroup.text(lang)),
            Some(DecidedBy::Role(role)) => parts.push(Message::AuditDecidedByRole { role: role.clone() }.text(lang)),
            None => {}
        }
        if let Some(d) = c.audit.decided_on {
            parts.push(Message::AuditDecidedOn { date: d.to_string() }.text(lang));
        }
        if let Some(j) = &c.audit.journal {
            parts.push(Message::AuditJournal { journal: j.clone() }.text(lang));
        }
        o.push_str(&format!("  {}\n", parts.join(", ")));
    }
    o
}
