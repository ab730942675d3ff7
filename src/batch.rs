//! Many cases with one policy: a JSON Lines input (one case document per line) is computed record by
//! record, so the input can be of any size. A bad record is reported with its line number and every
//! problem in it; the other records are still computed. Totals per department, municipality and month
//! add up every computed share.

use std::collections::BTreeMap;
use std::fmt;

use crate::case::{Case, CaseDoc};
use crate::compute::{compute, Period};
use crate::contract::ErrorReport;
use crate::date::Month;
use crate::doc::parse_json;
use crate::error::{ComputeError, Doc, InputError};
use crate::policy::Policy;

/// A bad record of a batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchError {
    /// 1-based line number in the input.
    pub line: u64,
    /// Every problem found in the record.
    pub errors: Vec<ErrorReport>,
}

impl fmt::Display for BatchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let messages: Vec<&str> = self.errors.iter().map(|e| e.message.as_str()).collect();
        write!(f, "line {}: {}", self.line, messages.join("; "))
    }
}

/// Totals of a batch run, in øre.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BatchTotals {
    /// Per department id.
    pub departments: BTreeMap<String, i128>,
    /// Per municipality id.
    pub municipalities: BTreeMap<String, i128>,
    /// Per month.
    pub months: BTreeMap<Month, i128>,
    /// All shares.
    pub total: i128,
    /// Cases computed.
    pub cases: u64,
    /// Lines (service, month, segment) computed.
    pub lines: u64,
    /// Bad records.
    pub bad_records: u64,
}

impl fmt::Display for BatchTotals {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let money = crate::workload::ore_text;
        writeln!(f, "cases {}, lines {}, bad records {}", self.cases, self.lines, self.bad_records)?;
        for (d, v) in &self.departments {
            writeln!(f, "department {d} {}", money(*v))?;
        }
        for (m, v) in &self.municipalities {
            writeln!(f, "municipality {m} {}", money(*v))?;
        }
        for (m, v) in &self.months {
            writeln!(f, "month {m} {}", money(*v))?;
        }
        write!(f, "total {}", money(self.total))
    }
}

/// A streaming batch over one policy.
#[derive(Debug)]
pub struct Batch<'p> {
    policy: &'p Policy,
    period: Option<Period>,
    line: u64,
    totals: BatchTotals,
}

impl<'p> Batch<'p> {
    /// A batch of cases under `policy`, each over `period` (or its services' own span).
    pub fn new(policy: &'p Policy, period: Option<Period>) -> Batch<'p> {
        Batch { policy, period, line: 0, totals: BatchTotals::default() }
    }

    /// Feed one input line: a case document as JSON. Its result (the contract's split result, one
    /// JSON object on one line) is appended to `out`. Blank lines are skipped.
    pub fn push(&mut self, record: &str, out: &mut String) -> Result<(), BatchError> {
        self.line += 1;
        if record.trim().is_empty() {
            return Ok(());
        }
        let line = self.line;
        let fail = |errors: Vec<ErrorReport>| BatchError { line, errors };
        let result = (|| {
            let doc: CaseDoc = parse_json(Doc::Record, record).map_err(|e| vec![ErrorReport::from(&e)])?;
            let case =
                Case::compile(self.policy, &doc).map_err(|e| e.0.iter().map(ErrorReport::from).collect::<Vec<_>>())?;
            compute(self.policy, &case, self.period).map_err(|e| vec![ErrorReport::from(&e)])
        })();
        let split = match result {
            Ok(s) => s,
            Err(errors) => {
                self.totals.bad_records += 1;
                return Err(fail(errors));
            }
        };
        // The record's sum is checked before anything is added, so an overflow leaves the totals as
        // they were; shares are bounded, so the per-key sums below stay within the total's bound.
        let sum: i128 = split.lines.iter().flat_map(|l| &l.shares).map(|s| i128::from(s.amount.ore())).sum();
        if (self.totals.total + sum).unsigned_abs() > u128::from(u64::MAX) {
            self.totals.bad_records += 1;
            let e = ComputeError::Overflow { item: format!("batch totals at line {line}") };
            return Err(fail(vec![ErrorReport::from(&e)]));
        }
        let t = &mut self.totals;
        for l in &split.lines {
            for s in &l.shares {
                let v = i128::from(s.amount.ore());
                *t.departments.entry(s.department.clone()).or_default() += v;
                *t.municipalities.entry(s.municipality.clone()).or_default() += v;
                *t.months.entry(l.month).or_default() += v;
            }
        }
        t.total += sum;
        t.lines += split.lines.len() as u64;
        t.cases += 1;
        match serde_json::to_string(&split) {
            Ok(json) => {
                out.push_str(&json);
                out.push('\n');
                Ok(())
            }
            Err(e) => {
                let e = InputError::Syntax { doc: Doc::Record, item: "(result)".into(), message: e.to_string() };
                Err(fail(vec![ErrorReport::from(&e)]))
            }
        }
    }

    /// The totals of the records computed so far.
    pub fn totals(&self) -> &BatchTotals {
        &self.totals
    }

    /// Finish: the totals.
    pub fn finish(self) -> BatchTotals {
        self.totals
    }
}
