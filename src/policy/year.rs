//! The controller's year as a policy declares it (section `[year]`): committees (*udvalg*), budget
//! areas (*bevillingsområder*) that group departments under a committee, and a yearly price index
//! that puts next year's budget and the estimate years (*budgetoverslagsår*) at each year's price
//! level. Only the portfolio (`crate::year`) reads it; a split never does. The compiled form is
//! [`crate::policy::YearSection`], checked by `compile.rs`.

use serde::{Deserialize, Serialize};

use crate::model::money::Weight;

/// The year section of a policy as written.
#[derive(Debug, Clone, Default, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, expecting = "year-section")]
pub struct YearDoc {
    /// Committees (udvalg).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub committees: Vec<CommitteeDoc>,
    /// Budget areas (bevillingsområder), each a group of departments, optionally under a committee.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub budget_areas: Vec<BudgetAreaDoc>,
    /// The price level of each year (any base, e.g. 100 in the budget year); the budget years are
    /// put at their year's level by `index(year) / index(budget year)`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub price_index: Vec<PriceIndexDoc>,
    // ---- financing (branch finance) ----
    /// Pools: yearly contributions per department pay the eligible costs of their services.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pools: Vec<crate::policy::financing::PoolDoc>,
    /// One pays, the others compensate by key (mellemregning).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub compensations: Vec<crate::policy::financing::CompensationDoc>,
    /// External co-financing: grants that cover a share or an amount of the costs for a period.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub grants: Vec<crate::policy::financing::GrantDoc>,
    /// The follow-up: re-assessment cadence and the project's investment per year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up: Option<FollowUpDoc>,
}

/// A committee (udvalg).
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, expecting = "committee")]
pub struct CommitteeDoc {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
}

/// A budget area (bevillingsområde).
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, expecting = "budget-area")]
pub struct BudgetAreaDoc {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// The committee it belongs to, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub committee: Option<String>,
    /// Its departments (each department in at most one budget area).
    pub departments: Vec<String>,
}

/// The price level of one year.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, expecting = "price-index")]
pub struct PriceIndexDoc {
    /// The year.
    pub year: i32,
    /// Its index (above 0).
    pub index: Weight,
}

// ---- Follow-up (issue 15 item 4): re-assessment cadence and the project's investment ----

/// The follow-up of the year (section `[year.follow_up]`).
#[derive(Debug, Clone, Default, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, expecting = "follow-up")]
pub struct FollowUpDoc {
    /// Re-assess a service line this many months after its last agreement (or the case's
    /// enrolment, or the line's start); absent: no re-assessments are listed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reassess_every_months: Option<u32>,
    /// List households whose yearly counted cost is at most this per cent below the next tier's
    /// yearly threshold (of that threshold).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threshold_margin_percent: Option<Weight>,
    /// List households whose yearly counted cost is at most this amount (DKK) below the next
    /// tier's yearly threshold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threshold_margin: Option<crate::model::money::Amount>,
    /// The project's cost (investment) per year.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub investment: Vec<InvestmentDoc>,
}

/// The project's cost in one year.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, expecting = "investment")]
pub struct InvestmentDoc {
    /// The year.
    pub year: i32,
    /// The amount in DKK (a string, not negative).
    pub amount: crate::model::money::Amount,
}
