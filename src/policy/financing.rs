//! Financing models beyond a per-case split, as kinds of arrangement in the policy's year section
//! (`[[year.pools]]`; SEMANTICS.md section 13). Only the portfolio (`crate::year::financing`) reads
//! them; a split never does. The compiled form is [`crate::policy::Pool`], checked by
//! `compile_financing.rs`.
//!
//! A pool: fixed yearly contributions per department (amounts, or percentages of the pool's total);
//! the eligible costs of the pool's services are paid from it; at year end the surplus or deficit
//! is carried over up to a cap, and the rest goes back or is called in by a key.

use serde::{Deserialize, Serialize};

use crate::model::money::{Amount, Weight};

/// A pool as written.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, expecting = "pool")]
pub struct PoolDoc {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// The department that holds the pool's account and books its costs.
    pub holder: String,
    /// The services whose eligible costs the pool pays (each service in at most one pool).
    pub services: Vec<String>,
    /// The pool's yearly total, needed when a contribution is a percentage of it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<Amount>,
    /// The yearly contributions, one per department.
    pub contributions: Vec<ContributionDoc>,
    /// The key that shares out the surplus or deficit (none: the contributions).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub settlement_key: Vec<SettlementShareDoc>,
    /// At most this much of the year's surplus or deficit is carried over to next year (none:
    /// nothing is carried over, everything is settled).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carry_over_cap: Option<Amount>,
    /// Carried over from last year (negative: a deficit).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opening_balance: Option<Amount>,
}

/// One department's yearly contribution: an amount or a percentage of the pool's total.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, expecting = "contribution")]
pub struct ContributionDoc {
    /// Department id.
    pub department: String,
    /// A yearly amount in DKK.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Amount>,
    /// A percentage of the pool's total.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percent: Option<Weight>,
}

/// A department's weight in the settlement key.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, expecting = "settlement-share")]
pub struct SettlementShareDoc {
    /// Department id.
    pub department: String,
    /// Weight (0 or more).
    pub weight: Weight,
}

/// One pays, the others compensate (*mellemregning*) as written.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, expecting = "compensation")]
pub struct CompensationDoc {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// The department that pays everything.
    pub payer: String,
    /// The services whose eligible costs it pays.
    pub services: Vec<String>,
    /// How often the others compensate it.
    pub frequency: Frequency,
    /// The key by which the costs are shared (the payer's own weight included).
    pub key: Vec<SettlementShareDoc>,
}

/// How often a compensation is settled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Frequency {
    /// Every month.
    Monthly,
    /// In March, June, September and December.
    Quarterly,
    /// In December.
    Yearly,
}

impl Frequency {
    /// The months in one settlement period.
    pub fn months(self) -> u32 {
        match self {
            Frequency::Monthly => 1,
            Frequency::Quarterly => 3,
            Frequency::Yearly => 12,
        }
    }
}

// ---- External co-financing (issue 15 item 3, third bullet) ----

/// A grant from outside the municipality (for example a national pool, *puljen*) that covers a share
/// of the costs, up to an amount, for a period (`[[year.grants]]`; SEMANTICS.md section 13).
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, expecting = "grant")]
pub struct GrantDoc {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// The first day the grant covers.
    pub from: crate::model::date::Date,
    /// The last day it covers (none: open-ended).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<crate::model::date::Date>,
    /// The share of the costs it covers, in per cent (0–100; none: 100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percent: Option<Weight>,
    /// The grant's total in DKK over its whole period (none: no cap). Give `percent`, `amount` or both.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Amount>,
    /// The services it covers (none listed: every service).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub services: Vec<String>,
    /// The departments whose costs it covers (none listed: every department).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub departments: Vec<String>,
    /// The function (`D.DD.DD`) on which the grant's income is posted; without it, nothing is posted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account: Option<String>,
}
