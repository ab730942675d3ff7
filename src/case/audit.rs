//! Who decided a case agreement, when, and under which journal number (all optional). The split
//! result carries these facts for the explanation ([`AgreementRecord`]); the portfolio lists the
//! agreements decided since the last report.

use serde::{Deserialize, Serialize};

use crate::model::date::Date;

/// Who decided an agreement.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case", expecting = "decided-by")]
#[non_exhaustive]
pub enum DecidedBy {
    /// The coordination group (*koordinationsgruppen*) at the joint assessment.
    CoordinationGroup,
    /// A named role, e.g. `{ role = "centerchef, Center for Børn og Forebyggelse" }`.
    Role(String),
}

/// The audit facts of an agreement.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Audit {
    /// Who decided it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decided_by: Option<DecidedBy>,
    /// When it was decided.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decided_on: Option<Date>,
    /// The journal number (*journalnummer*).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub journal: Option<String>,
}

impl Audit {
    /// Whether any audit fact is recorded.
    pub fn is_empty(&self) -> bool {
        self.decided_by.is_none() && self.decided_on.is_none() && self.journal.is_none()
    }
}

/// An agreement with recorded audit facts, as a split result lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct AgreementRecord {
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

/// The agreements of a case that record any audit fact, in the case's agreement order (by service
/// line, then start).
pub fn records(case: &crate::case::Case) -> Vec<AgreementRecord> {
    case.agreements
        .iter()
        .filter(|a| !a.audit.is_empty())
        .filter_map(|a| {
            Some(AgreementRecord {
                agreement: a.id.to_string(),
                service_line: case.lines.get(a.line)?.id.to_string(),
                from: a.validity.from?,
                to: a.validity.to,
                audit: a.audit.clone(),
            })
        })
        .collect()
}
