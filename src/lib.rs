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
//! ## Layers
//!
//! The modules are layers; each uses only the ones above it in this list (`docs/ARCHITECTURE.md`):
//!
//! * [`i18n`]: the languages and the message catalogues (Danish and English);
//! * [`model`]: money, dates, validity in time, sector areas, errors;
//! * [`policy`]: the policy document and its compiled, indexed form;
//! * [`case`]: the case document, validated against a policy;
//! * [`engine`]: segments, eligibility, authority and payer, keys, the largest-remainder split,
//!   state reimbursement, and the result types;
//! * [`report`]: explanations in Danish and English, posting lines, re-assessment comparisons;
//! * [`year`](mod@year): the controller's year: the portfolio of many cases, budget, forecast;
//! * [`contract`]: the one JSON request/response format shared by the CLI, WebAssembly and every
//!   other caller, document formats (TOML, JSON) and batch input.
//!
//! ## Cookbook
//!
//! Explain a split in Danish, as the CLI's `explain --lang da` does:
//!
//! ```
//! use fordeling::{example, Case, Lang, Policy};
//! let policy = Policy::from_text(example::POLICY).unwrap();
//! let case = Case::from_text(&policy, example::CASE).unwrap();
//! let result = fordeling::compute(&policy, &case, example::CASES[0].period()).unwrap();
//! let text = fordeling::report::explain::explain_text(&result, Lang::Da);
//! assert!(text.contains("fordelingsnøgle") || text.contains("nøgle"));
//! ```
//!
//! State reimbursement of a household (the case and its siblings):
//!
//! ```
//! use fordeling::{example, Case, Policy};
//! let policy = Policy::from_text(example::POLICY).unwrap();
//! let case = Case::from_text(&policy, example::CASE).unwrap();
//! let text = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/case-ishoj-sibling.toml"));
//! let sibling = Case::from_text(&policy, text).unwrap();
//! let result = fordeling::compute_household(&policy, &case, &[sibling], example::CASES[0].period()).unwrap();
//! let r = result.reimbursement.unwrap();
//! assert_eq!(r.total.gross.ore(), r.total.reimbursement.ore() + r.total.net.ore());
//! ```
//!
//! Posting lines, and a batch of cases as JSON Lines:
//!
//! ```
//! use fordeling::{example, Case, Policy};
//! let policy = Policy::from_text(example::POLICY).unwrap();
//! let case = Case::from_text(&policy, example::CASE).unwrap();
//! let result = fordeling::compute(&policy, &case, example::CASES[0].period()).unwrap();
//! let postings = fordeling::report::postings::postings(&policy, &result);
//! assert!(!postings.is_empty());
//!
//! let mut batch = fordeling::contract::batch::Batch::new(&policy, example::CASES[0].period());
//! let record = fordeling::contract::handle_json(&serde_json::json!({
//!     "version": 1, "command": "parse", "policy": example::POLICY, "case": example::CASE
//! }).to_string());
//! let case_json = serde_json::from_str::<serde_json::Value>(&record).unwrap()["result"]["case"].to_string();
//! let mut out = String::new();
//! batch.push(&case_json, &mut out).unwrap();
//! assert_eq!(batch.finish().cases, 1);
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::print_stdout, clippy::print_stderr)
)]

pub mod case;
pub mod contract;
pub mod engine;
pub mod example;
pub mod i18n;
pub mod model;
pub mod policy;
pub mod report;
#[cfg(feature = "portfolio")]
pub mod year;

pub use case::{Case, CaseDoc};
pub use engine::split::{split, Share, SplitError};
pub use engine::{compute, compute_household, SplitResult};
pub use i18n::Lang;
pub use model::{
    Amount, ComputeError, Date, Doc, ErrorCode, ErrorKind, InputError, InputErrors, Money, Month, Period, Sector,
    Weight,
};
pub use policy::{Policy, PolicyDoc};
