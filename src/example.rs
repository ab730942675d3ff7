//! The built-in example: a policy for an Ishøj-like municipality and its neighbour, and example
//! cases. All amounts and keys in it are made up.

use crate::model::date::Date;
use crate::model::validity::Period;

/// The example policy (TOML).
pub const POLICY: &str = include_str!("../examples/policy.toml");
/// The main example case (TOML): a child in Ishøj with six services in 2024.
pub const CASE: &str = include_str!("../examples/case-ishoj.toml");
/// A child in Vallensbæk whose services were granted by Ishøj until 2021-12-31.
pub const CASE_VALLENSBAEK: &str = include_str!("../examples/case-vallensbaek.toml");

/// An example case with the period it is meant to be computed over.
#[derive(Debug, Clone, Copy)]
pub struct Example {
    /// Name.
    pub name: &'static str,
    /// The case document (TOML).
    pub case: &'static str,
    /// The period (first and last day, `YYYY-MM-DD`).
    pub period: (&'static str, &'static str),
}

/// All example cases.
pub const CASES: &[Example] = &[
    Example { name: "case-ishoj", case: CASE, period: ("2024-01-01", "2024-12-31") },
    Example { name: "case-vallensbaek", case: CASE_VALLENSBAEK, period: ("2021-10-01", "2022-03-31") },
];

impl Example {
    /// The period as a [`Period`].
    pub fn period(&self) -> Option<Period> {
        Some(Period { from: Date::parse(self.period.0).ok()?, to: Date::parse(self.period.1).ok()? })
    }
}
