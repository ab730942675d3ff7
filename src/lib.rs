//! # fordeling
//!
//! Shared financing of support for children with disabilities ("Én familie – én indgang"): a dated,
//! declarative policy decides which cases qualify, who may grant each service and who must pay, and
//! how each service's cost is split across departments. `fordeling` computes that split per case, per
//! month and per department, exactly to the øre, with an explanation of every number.
//!
//! ```
//! use fordeling::{example, Case, Policy};
//! let policy = Policy::from_text(example::POLICY).unwrap();
//! let case = Case::from_text(&policy, example::CASE).unwrap();
//! let period = example::CASES[0].period();
//! let result = fordeling::compute(&policy, &case, period).unwrap();
//! // Every line's shares sum to the line, and the totals to the sum of the lines.
//! for line in &result.lines {
//!     let sum: i64 = line.shares.iter().map(|s| s.amount.ore()).sum();
//!     assert_eq!(sum, line.amount.ore());
//! }
//! let lines: i64 = result.lines.iter().map(|l| l.amount.ore()).sum();
//! assert_eq!(result.totals.case.ore(), lines);
//! ```
//!
//! The modules follow the data: [`policy`] and [`case`] read and validate documents,
//! [`compute`](mod@compute) does the arithmetic of `SEMANTICS.md`, [`split`](mod@split) is the largest-remainder split, [`explain`] turns
//! results into text, and [`contract`] is the one JSON request/response format shared by the CLI and
//! the WebAssembly module.
#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::print_stdout, clippy::print_stderr)
)]

pub mod batch;
pub mod case;
pub mod compare;
pub mod compute;
pub mod contract;
pub mod date;
pub mod doc;
pub mod error;
pub mod example;
pub mod explain;
pub mod gen;
pub mod money;
mod names;
mod order;
mod path;
pub mod policy;
pub mod postings;
mod read;
pub mod reimbursement;
pub mod split;
mod toml;
pub mod workload;
mod write;
#[cfg(feature = "xlsx")]
pub mod xlsx;

pub use case::{Case, CaseDoc};
pub use compute::{compute, Period, SplitResult};
pub use date::{Date, Month};
pub use error::{ComputeError, Doc, InputError, InputErrors};
pub use money::{Amount, Money, Weight};
pub use policy::{Policy, PolicyDoc};
pub use split::{split, Share, SplitError};
