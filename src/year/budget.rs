//! The budget per department and year (TOML or JSON `budget = [...]`, or CSV
//! `department,year,amount`, read by the contract).

use serde::{Deserialize, Serialize};

use crate::model::money::Amount;

/// A budget document.
#[derive(Debug, Clone, Default, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, expecting = "budget")]
pub struct BudgetDoc {
    /// One line per department and year.
    #[serde(default)]
    pub budget: Vec<BudgetLineDoc>,
}

/// A department's budget for one year, at that year's price level.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, expecting = "budget-line")]
pub struct BudgetLineDoc {
    /// Department id.
    pub department: String,
    /// The year.
    pub year: i32,
    /// The amount in DKK.
    pub amount: Amount,
}
