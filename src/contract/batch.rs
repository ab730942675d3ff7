//! Many cases with one policy, streamed record by record so the input can be of any size. Two inputs:
//!
//! - **JSON Lines**: one case document per line ([`Batch::push`]).
//! - **CSV service lines with a case column** ([`CsvBatch`]): one row per service line; the rows of a
//!   case are consecutive (sort the file by case) and repeat the case's facts.
//!
//! A bad record is reported with its line number and every problem in it; the other records are still
//! computed. Totals per department, municipality and month add up every computed share, and state
//! reimbursement (each case as a household of one) where the policy has a scheme.

use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::sync::Arc;

use crate::case::{Case, CaseDoc, ChildDoc, OtherCaseDoc, Per, ResidenceDoc, ServiceLineDoc};
use crate::contract::format::parse_json;
use crate::contract::ErrorReport;
use crate::engine::compute;
use crate::model::date::{Date, Month};
use crate::model::error::{ComputeError, Doc};
use crate::model::money::Amount;
use crate::model::sector::Sector;
use crate::model::validity::Period;
use crate::model::validity::Validity;
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
    pub departments: BTreeMap<Arc<str>, i128>,
    /// Per municipality id.
    pub municipalities: BTreeMap<Arc<str>, i128>,
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
    /// State reimbursement per department id (when the policy has a scheme).
    pub reimbursement: BTreeMap<Arc<str>, i128>,
}

impl fmt::Display for BatchTotals {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let money = crate::model::money::ore_text;
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
        for (d, v) in &self.reimbursement {
            writeln!(f, "reimbursement {d} {}", money(*v))?;
        }
        if !self.reimbursement.is_empty() {
            writeln!(f, "reimbursement total {}", money(self.reimbursement.values().sum()))?;
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
    /// Posting lines of the computed cases, when asked for (CSV rows without header).
    postings: Option<String>,
}

impl<'p> Batch<'p> {
    /// A batch of cases under `policy`, each over `period` (or its services' own span).
    pub fn new(policy: &'p Policy, period: Option<Period>) -> Batch<'p> {
        Batch { policy, period, line: 0, totals: BatchTotals::default(), postings: None }
    }

    /// Also collect the posting lines of every computed case (see [`Batch::take_postings`]).
    pub fn with_postings(mut self) -> Batch<'p> {
        self.postings = Some(String::new());
        self
    }

    /// The posting lines collected since the last call, as CSV rows without the header
    /// ([`crate::report::postings::CSV_HEADER`]); empty unless [`Batch::with_postings`] was used.
    pub fn take_postings(&mut self) -> String {
        self.postings.as_mut().map(std::mem::take).unwrap_or_default()
    }

    /// Feed one input line: a case document as JSON. Its result (the contract's split result, one
    /// JSON object on one line) is appended to `out`. Blank lines are skipped.
    pub fn push(&mut self, record: &str, out: &mut String) -> Result<(), BatchError> {
        self.line += 1;
        if record.trim().is_empty() {
            return Ok(());
        }
        let doc = parse_json::<CaseDoc>(Doc::Record, record).map_err(|e| vec![ErrorReport::from(&e)]);
        self.push_doc(self.line, doc, out)
    }

    /// Compute one case document that began on input line `line` (or count it bad).
    fn push_doc(
        &mut self,
        line: u64,
        doc: Result<CaseDoc, Vec<ErrorReport>>,
        out: &mut String,
    ) -> Result<(), BatchError> {
        let fail = |errors: Vec<ErrorReport>| BatchError { line, errors };
        let result = doc.and_then(|doc| {
            let case =
                Case::compile(self.policy, &doc).map_err(|e| e.0.iter().map(ErrorReport::from).collect::<Vec<_>>())?;
            compute(self.policy, &case, self.period).map_err(|e| vec![ErrorReport::from(&e)])
        });
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
        for d in split.reimbursement.iter().flat_map(|r| &r.by_department) {
            *t.reimbursement.entry(d.department.clone()).or_default() += i128::from(d.reimbursement.ore());
        }
        if let Some(p) = &mut self.postings {
            let rows = crate::report::postings::csv(&crate::report::postings::postings(self.policy, &split));
            p.push_str(rows.split_once('\n').map_or("", |r| r.1));
        }
        // The contract's writer: the same bytes as the `split` answer's result.
        match serde_json::to_string(&split) {
            Ok(json) => out.push_str(&json),
            Err(e) => return Err(BatchError { line, errors: vec![ErrorReport::internal(&e.to_string())] }),
        }
        out.push('\n');
        Ok(())
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

/// The columns of a CSV batch input. Every row is one service line; the case columns repeat the
/// case's facts on each of its rows and must agree.
pub const CSV_COLUMNS: &str =
    "case,household,birth_date,municipality,disability,consent_from,other_sectors,line,service,amount,per,from,to";
/// Columns a CSV batch input must have.
const REQUIRED: [&str; 8] = ["case", "birth_date", "municipality", "disability", "service", "amount", "per", "from"];
/// Columns that describe the case rather than the service line.
const CASE_COLUMNS: [&str; 7] =
    ["case", "household", "birth_date", "municipality", "disability", "consent_from", "other_sectors"];

/// A batch over CSV service lines with a case column: the header names the columns (any order,
/// [`CSV_COLUMNS`]; `household`, `consent_from`, `other_sectors` (`;`-separated sector areas),
/// `line` and `to` may be left out). A case is the run of consecutive rows with the same `case`; it
/// is computed when the next case begins, so only one case is held in memory. A case whose rows have
/// problems is reported (each row with its line number) and not computed; a case id that comes back
/// after another case is an error. Case agreements cannot be given in CSV: policy keys apply.
#[derive(Debug)]
pub struct CsvBatch<'p> {
    batch: Batch<'p>,
    columns: Vec<usize>,
    line: u64,
    current: Option<Pending>,
    seen: HashSet<String>,
}

/// The case being read.
#[derive(Debug)]
struct Pending {
    first_line: u64,
    /// Case id.
    id: String,
    /// The case columns of its first row.
    facts: Vec<String>,
    /// The case, unless its first row had problems.
    doc: Option<CaseDoc>,
    /// Input line of each service line.
    rows: Vec<u64>,
    errors: Vec<BatchError>,
}

fn record_error(line: u64, column: &str, message: String) -> BatchError {
    let report = ErrorReport {
        kind: Doc::Record.into(),
        code: crate::model::error::ErrorCode::Invalid,
        item: format!("column '{column}'"),
        field: Some(column.into()),
        message: format!("column '{column}': {message}"),
    };
    BatchError { line, errors: vec![report] }
}

impl<'p> CsvBatch<'p> {
    /// Start a CSV batch from its header line.
    pub fn new(batch: Batch<'p>, header: &str) -> Result<CsvBatch<'p>, BatchError> {
        let names: Vec<&str> = header.trim_end_matches('\r').split(',').map(str::trim).collect();
        let known: Vec<&str> = CSV_COLUMNS.split(',').collect();
        let mut columns = vec![usize::MAX; known.len()];
        for (i, n) in names.iter().enumerate() {
            match known.iter().position(|k| k == n) {
                Some(k) if columns[k] != usize::MAX => {
                    return Err(record_error(1, n, "the column is named twice".into()));
                }
                Some(k) => columns[k] = i,
                None => {
                    return Err(record_error(1, n, format!("unknown column; the columns are {CSV_COLUMNS}")));
                }
            }
        }
        if let Some(missing) =
            REQUIRED.iter().find(|r| columns[known.iter().position(|k| k == *r).unwrap_or(0)] == usize::MAX)
        {
            return Err(record_error(
                1,
                missing,
                format!("the header lacks this column; required: {}", REQUIRED.join(",")),
            ));
        }
        Ok(CsvBatch { batch, columns, line: 1, current: None, seen: HashSet::new() })
    }

    fn field<'a>(&self, fields: &[&'a str], name: &str) -> &'a str {
        let k = CSV_COLUMNS.split(',').position(|c| c == name).unwrap_or(0);
        self.columns.get(k).and_then(|&i| fields.get(i)).map_or("", |f| f.trim())
    }

    /// Feed the next input line (after the header). Results of a case that is complete are
    /// appended to `out`; its problems are returned.
    pub fn push(&mut self, record: &str, out: &mut String) -> Vec<BatchError> {
        self.line += 1;
        let line = self.line;
        let record = record.trim_end_matches('\r');
        if record.trim().is_empty() {
            return Vec::new();
        }
        let fields: Vec<&str> = record.split(',').collect();
        let mut errors = Vec::new();
        if record.contains('"') {
            errors.push(record_error(
                line,
                "record",
                "quoted fields are not supported: ids and amounts need no quotes".into(),
            ));
        }
        let width = self.columns.iter().filter(|&&c| c != usize::MAX).count();
        if fields.len() != width {
            errors.push(record_error(line, "record", format!("has {} fields; the header has {width}", fields.len())));
        }
        let id = self.field(&fields, "case").to_string();
        let facts: Vec<String> = CASE_COLUMNS.iter().map(|c| self.field(&fields, c).to_string()).collect();
        if id.is_empty() {
            errors.push(record_error(line, "case", "the case id is empty".into()));
        }
        let same = self.current.as_ref().is_some_and(|p| p.id == id);
        // Problems of the case completed here (reported, not held against the new case).
        let mut done = Vec::new();
        if !same {
            done = self.flush(out);
            if !self.seen.insert(id.clone()) {
                errors.push(record_error(
                    line,
                    "case",
                    format!("case '{id}' came before, with other cases in between: sort the input by case"),
                ));
            }
            let doc = self.case_doc(line, &id, &fields, &mut errors);
            self.current = Some(Pending { first_line: line, id, facts, doc, rows: Vec::new(), errors: Vec::new() });
        } else if let Some(p) = &self.current {
            for (k, c) in CASE_COLUMNS.iter().enumerate() {
                if facts[k] != p.facts[k] {
                    errors.push(record_error(
                        line,
                        c,
                        format!(
                            "'{}' differs from '{}' on the case's first row (line {})",
                            facts[k], p.facts[k], p.first_line
                        ),
                    ));
                }
            }
        }
        let service = self.service_line(line, &fields, &mut errors);
        if let Some(p) = &mut self.current {
            p.errors.extend(errors.iter().cloned());
            if let (Some(doc), Some(s)) = (&mut p.doc, service) {
                doc.services.push(s);
                p.rows.push(line);
            }
        }
        done.append(&mut errors);
        done
    }

    /// Finish: compute the last case; its problems are returned.
    pub fn finish(mut self, out: &mut String) -> (Vec<BatchError>, Batch<'p>) {
        let errors = self.flush(out);
        (errors, self.batch)
    }

    /// The batch inside (for its postings and totals).
    pub fn batch(&mut self) -> &mut Batch<'p> {
        &mut self.batch
    }

    /// Compute the pending case, or report it.
    fn flush(&mut self, out: &mut String) -> Vec<BatchError> {
        let Some(p) = self.current.take() else { return Vec::new() };
        let doc = match p.doc {
            Some(doc) if p.errors.is_empty() => doc,
            _ => {
                self.batch.totals.bad_records += 1;
                // Row problems were returned as they were read.
                return Vec::new();
            }
        };
        match self.batch.push_doc(p.first_line, Ok(doc), out) {
            Ok(()) => Vec::new(),
            Err(mut e) => {
                // Point errors about a service line at its row.
                for r in &e.errors {
                    let row = r
                        .item
                        .strip_prefix("services[")
                        .and_then(|rest| rest.split(']').next())
                        .and_then(|k| k.parse::<usize>().ok())
                        .and_then(|k| p.rows.get(k));
                    if let Some(&row) = row {
                        e.line = row;
                    }
                }
                vec![e]
            }
        }
    }

    fn case_doc(&self, line: u64, id: &str, fields: &[&str], errors: &mut Vec<BatchError>) -> Option<CaseDoc> {
        let date = |name: &str, errors: &mut Vec<BatchError>| -> Option<Date> {
            let t = self.field(fields, name);
            if t.is_empty() {
                return None;
            }
            Date::parse(t).map_err(|e| errors.push(record_error(line, name, e.to_string()))).ok()
        };
        let birth = date("birth_date", errors);
        if birth.is_none() && self.field(fields, "birth_date").is_empty() {
            errors.push(record_error(line, "birth_date", "is empty".into()));
        }
        let consent = date("consent_from", errors);
        let disability = match self.field(fields, "disability") {
            "true" | "yes" | "ja" | "1" => true,
            "false" | "no" | "nej" | "0" => false,
            other => {
                errors.push(record_error(
                    line,
                    "disability",
                    format!("'{other}' is not yes/no (true/false, ja/nej, 1/0)"),
                ));
                false
            }
        };
        let mut other_cases = Vec::new();
        for (i, s) in
            self.field(fields, "other_sectors").split(';').map(str::trim).filter(|s| !s.is_empty()).enumerate()
        {
            match serde_json::from_value::<Sector>(serde_json::Value::String(s.into())) {
                Ok(sector) => other_cases.push(OtherCaseDoc {
                    id: format!("other-{}", i + 1),
                    sector,
                    department: None,
                    from: None,
                    to: None,
                }),
                Err(_) => errors.push(record_error(line, "other_sectors", format!("'{s}' is not a sector area"))),
            }
        }
        let household = Some(self.field(fields, "household")).filter(|h| !h.is_empty()).map(str::to_string);
        let birth_date = birth?;
        Some(CaseDoc {
            id: id.to_string(),
            household,
            child: ChildDoc {
                birth_date,
                significant_permanent_disability: disability,
                handlekommune: vec![ResidenceDoc {
                    municipality: self.field(fields, "municipality").to_string(),
                    from: birth_date,
                }],
            },
            consent: consent.map(|from| vec![Validity { from: Some(from), to: None }]).unwrap_or_default(),
            other_cases,
            services: Vec::new(),
            agreements: Vec::new(),
            income: Vec::new(),
        })
    }

    fn service_line(&self, line: u64, fields: &[&str], errors: &mut Vec<BatchError>) -> Option<ServiceLineDoc> {
        let before = errors.len();
        let amount = Amount::parse(self.field(fields, "amount"))
            .map_err(|e| errors.push(record_error(line, "amount", e.to_string())))
            .ok();
        let per = match self.field(fields, "per") {
            "month" => Some(Per::Month),
            "year" => Some(Per::Year),
            "once" => Some(Per::Once),
            other => {
                errors.push(record_error(line, "per", format!("'{other}' is not month, year or once")));
                None
            }
        };
        let date = |name: &str, errors: &mut Vec<BatchError>| -> Option<Date> {
            Date::parse(self.field(fields, name)).map_err(|e| errors.push(record_error(line, name, e.to_string()))).ok()
        };
        let from = date("from", errors);
        let to = if self.field(fields, "to").is_empty() { None } else { date("to", errors) };
        let service = self.field(fields, "service");
        if service.is_empty() {
            errors.push(record_error(line, "service", "is empty".into()));
        }
        let id = match self.field(fields, "line") {
            "" => format!("line-{line}"),
            l => l.to_string(),
        };
        if errors.len() > before {
            return None;
        }
        Some(ServiceLineDoc {
            id,
            service: service.to_string(),
            amount: amount?,
            per: per?,
            from: from?,
            to,
            note: None,
        })
    }
}
