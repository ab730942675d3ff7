//! The controller's year: many cases under one policy, followed through the budget year and the
//! estimate years.
//!
//! * [`budget`]: the budget per department and year, as loaded;
//! * [`portfolio`](mod@portfolio): actual to date, forecast to year end, next year's budget and the
//!   three estimate years per department, budget area, committee, municipality and month, with
//!   state reimbursement computed per household;
//! * [`prepared`]: a portfolio computed once and kept, so that a scenario that changes only keys
//!   splits only their lines again;
//! * [`changes`]: the agreements decided since the last report (`since`);
//! * [`financing`]: financing models over the budget year (pools), with their postings;
//! * [`grant`]: external co-financing (grants) over the budget year;
//! * [`scenario`]: the same cases under another policy, and what changes per department and year;
//! * the tables for people (`table`, `financing_table`, `grant_table`, `followup_table`), which show
//!   names where the JSON has ids ([`names`]).
//!
//! The layer sits between `report` and `contract`: it computes with the engine and reads the policy's
//! year section ([`crate::policy::year`]); the contract reads its inputs and writes its answers.

pub mod budget;
pub mod changes;
pub mod financing;
pub mod financing_table;
pub mod followup;
pub mod followup_table;
pub mod grant;
pub mod grant_table;
pub mod names;
pub mod portfolio;
pub mod prepared;
pub mod scenario;
pub mod table;

pub use budget::{BudgetDoc, BudgetLineDoc};
pub use portfolio::{portfolio, Portfolio, PortfolioError, PortfolioRequest};
pub use prepared::{PreparedPortfolio, YearSettings};
