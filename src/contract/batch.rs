//! Many cases with one policy, streamed record by record so the input can be of any size. Two inputs:
//!
//! - **JSON Lines**: one case document per line ([`Batch::push`]).
//! - **CSV service lines with a case column** ([`CsvBatch`]): one row per service line; the rows of a
//!   case are consecutive (sort the file by case) and repeat the case's facts.
//!
//! A bad record is reported with its line number and every problem in it; the other records are still
//! computed. Totals per department, municipality and month add up every computed share, and state
//! reimbursement where the policy has a scheme: a case without a household id is a household of one
//! (its result carries its reimbursement); the cases with a household id are kept until
//! [`Batch::finish`], which reimburses each household over the cost of all its children together
//! (SEMANTICS.md section 9), so their results carry no reimbursement of their own.
//!
//! CSV is read with the `csv` crate: fields may be quoted (`"Jensen, Anna"`, a quote doubled, a
//! line break inside quotes), the delimiter is found on the header line (`,`, `;` or tab), a UTF-8
//! byte order mark before the header (or before the first JSON Lines record) is skipped, and every
//! error names the line on which its record begins. Amounts in CSV are kroner with at most two
//! decimals after a point, or after a decimal comma in `;`-separated files (Danish Excel); a
//! thousands separator (`1.000`, `1.000,50`) is refused, never read as a smaller amount.

use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::io::Read;
use std::sync::Arc;

use crate::case::{
    Case, CaseDoc, ChildDoc, ConsentDoc, ConsentScope, Every, OtherCaseDoc, ParentDoc, Per, ResidenceDoc,
    ServiceLineDoc,
};
use crate::contract::format::parse_json;
use crate::contract::ErrorReport;
use crate::engine::{compute, SplitResult};
use crate::i18n::{Lang, Message, Word};
use crate::model::date::{Date, Month};
use crate::model::error::{ComputeError, Doc};
use crate::model::money::{Amount, Weight};
use crate::model::sector::Sector;
use crate::model::validity::Period;
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
        f.write_str(&self.text(Lang::En))
    }
}

impl BatchError {
    /// The record's line and its problems in `lang` (`line 5: …`, `linje 5: …`); the problems'
    /// messages are in the language the batch was made with ([`Batch::with_lang`]).
    pub fn text(&self, lang: Lang) -> String {
        let messages: Vec<&str> = self.errors.iter().map(|e| e.message.as_str()).collect();
        let line = lang.number(&self.line.to_string());
        Word::BatchBadRecord.with(lang, &[("line", &line), ("problems", &messages.join("; "))])
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
    /// Bad records: records (JSON Lines lines, CSV rows) reported with problems, each once however
    /// many problems it has; the number of [`BatchError`]s returned.
    pub bad_records: u64,
    /// State reimbursement per department id (when the policy has a scheme).
    pub reimbursement: BTreeMap<Arc<str>, i128>,
    /// Households (cases with a household id, grouped by it), reimbursed together at the end.
    pub households: u64,
    /// Households that could not be reimbursed (the household id and the problem); their cases'
    /// costs are in the totals, their reimbursement is not.
    pub household_errors: Vec<(String, ErrorReport)>,
}

impl fmt::Display for BatchTotals {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En, None))
    }
}

impl BatchTotals {
    /// Add a case's split (from input line `line`), or refuse it with the totals unchanged when the
    /// batch's total would leave its range.
    fn add(&mut self, split: &SplitResult, line: u64, lang: Lang) -> Result<(), Vec<ErrorReport>> {
        // The record's sum is checked before anything is added, so an overflow leaves the totals as
        // they were; shares are bounded, so the per-key sums below stay within the total's bound.
        // i128: each share is at most 10^14 øre, and i128 holds 10^24 of them (bounded).
        let sum: i128 = split.lines.iter().flat_map(|l| &l.shares).map(|s| i128::from(s.amount.ore())).sum();
        if (self.total + sum).unsigned_abs() > u128::from(u64::MAX) {
            let e = ComputeError::TotalTooLarge {
                item: Word::BatchTotalAt.with(lang, &[("line", &line.to_string())]),
                limit: crate::model::money::ore_text(i128::from(u64::MAX)),
            };
            return Err(vec![ErrorReport::compute(&e, lang)]);
        }
        for l in &split.lines {
            for s in &l.shares {
                let v = i128::from(s.amount.ore());
                *self.departments.entry(s.department.clone()).or_default() += v;
                *self.municipalities.entry(s.municipality.clone()).or_default() += v;
                *self.months.entry(l.month).or_default() += v;
            }
        }
        self.total += sum;
        self.lines += split.lines.len() as u64;
        self.cases += 1;
        for d in split.reimbursement.iter().flat_map(|r| &r.by_department) {
            *self.reimbursement.entry(d.department.clone()).or_default() += i128::from(d.reimbursement.ore());
        }
        Ok(())
    }

    /// The totals as the command line writes them to stderr, in `lang`: amounts and counts as that
    /// language writes numbers (Danish `1.234,56`), months as its dates, departments and
    /// municipalities by their names in `policy` (by id without one, or for an id it lacks).
    pub fn text(&self, lang: Lang, policy: Option<&Policy>) -> String {
        let money = |v: i128| lang.number(&crate::model::money::ore_text(v));
        let count = |n: u64| lang.number(&n.to_string());
        let department = |id: &str| -> String {
            let found = policy.and_then(|p| p.department(id).map(|d| p.departments()[d].name.to_string()));
            found.unwrap_or_else(|| id.to_string())
        };
        let municipality = |id: &str| -> String {
            let found = policy.and_then(|p| p.municipality(id).map(|m| p.municipalities()[m].name.clone()));
            found.unwrap_or_else(|| id.to_string())
        };
        let mut lines = vec![Word::BatchCounts.with(
            lang,
            &[("cases", &count(self.cases)), ("lines", &count(self.lines)), ("bad", &count(self.bad_records))],
        )];
        let mut add = |word: Word, name: &str, amount: String| {
            lines.push(word.with(lang, &[("name", name), ("amount", &amount)]));
        };
        for (d, v) in &self.departments {
            add(Word::BatchDepartment, &department(d), money(*v));
        }
        for (m, v) in &self.municipalities {
            add(Word::BatchMunicipality, &municipality(m), money(*v));
        }
        for (m, v) in &self.months {
            add(Word::BatchMonth, &lang.date(&m.to_string()), money(*v));
        }
        for (d, v) in &self.reimbursement {
            add(Word::BatchReimbursement, &department(d), money(*v));
        }
        for (h, e) in &self.household_errors {
            lines.push(Word::BatchHouseholdNotReimbursed.with(lang, &[("household", h), ("problem", &e.message)]));
        }
        if !self.reimbursement.is_empty() {
            // i128: each department's reimbursement is within u64 øre (the batch total's bound), so the
            // sum over departments cannot leave i128.
            let sum = money(self.reimbursement.values().sum());
            lines.push(Word::BatchReimbursementTotal.with(lang, &[("amount", &sum)]));
        }
        lines.push(Word::BatchTotal.with(lang, &[("amount", &money(self.total))]));
        lines.join("\n")
    }
}

/// The most service lines a batch keeps of the cases with a household id (kept until
/// [`Batch::finish`] reimburses each household together, when the policy has a scheme).
pub const MAX_HOUSEHOLD_LINES: usize = 100_000;

/// A streaming batch over one policy.
#[derive(Debug)]
pub struct Batch<'p> {
    policy: &'p Policy,
    period: Option<Period>,
    line: u64,
    totals: BatchTotals,
    /// Posting lines of the computed cases, when asked for (CSV rows without header).
    postings: Option<String>,
    /// How much of each line a result carries.
    detail: crate::contract::Detail,
    /// The cases with a household id, by household, reimbursed together at the end.
    households: BTreeMap<String, Vec<Case>>,
    /// The service lines of the cases kept in `households`, at most [`MAX_HOUSEHOLD_LINES`].
    household_lines: usize,
    /// Households with a child whose record was refused, with the first such record's line: they
    /// are not reimbursed (their cost would be incomplete).
    refused: BTreeMap<String, u64>,
    /// The language of the problems' messages.
    lang: Lang,
}

impl<'p> Batch<'p> {
    /// A batch of cases under `policy`, each over `period` (or its services' own span).
    pub fn new(policy: &'p Policy, period: Option<Period>) -> Batch<'p> {
        Batch {
            policy,
            period,
            line: 0,
            totals: BatchTotals::default(),
            postings: None,
            detail: Default::default(),
            households: BTreeMap::new(),
            household_lines: 0,
            refused: BTreeMap::new(),
            lang: Lang::En,
        }
    }

    /// Write the problems of bad records in `lang` (English by default).
    pub fn with_lang(mut self, lang: Lang) -> Batch<'p> {
        self.lang = lang;
        self
    }

    /// Also collect the posting lines of every computed case (see [`Batch::take_postings`]).
    pub fn with_postings(mut self) -> Batch<'p> {
        self.postings = Some(String::new());
        self
    }

    /// Write each result with `detail` (the contract's `detail`: `summary` reduces lines to amount,
    /// key and shares, as the `split` command's answer does).
    pub fn with_detail(mut self, detail: crate::contract::Detail) -> Batch<'p> {
        self.detail = detail;
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
        let record = if self.line == 1 { record.strip_prefix('\u{feff}').unwrap_or(record) } else { record };
        if record.trim().is_empty() {
            return Ok(());
        }
        let doc = parse_json::<CaseDoc>(Doc::Record, record).map_err(|e| vec![ErrorReport::input(&e, self.lang)]);
        let result = self.push_doc(self.line, doc, out);
        if result.is_err() {
            self.totals.bad_records += 1;
        }
        result
    }

    /// [`Batch::push`] on the bytes of one input line (as read from a file): a line that is not
    /// UTF-8 is a bad record with its own line number, and the line numbers after it stay exact.
    pub fn push_bytes(&mut self, record: &[u8], out: &mut String) -> Result<(), BatchError> {
        match std::str::from_utf8(record) {
            Ok(text) => self.push(text, out),
            Err(e) => {
                self.line += 1;
                self.totals.bad_records += 1;
                Err(BatchError { line: self.line, errors: vec![not_utf8(self.lang, None, e.valid_up_to())] })
            }
        }
    }

    /// Refuse a case of a household (kept until the end) once the kept cases would pass
    /// [`MAX_HOUSEHOLD_LINES`] service lines: the batch's memory stays bounded.
    fn room_for_household(&self, case: &Case) -> Result<(), Vec<ErrorReport>> {
        let kept = case.household.is_some() && self.policy.reimbursement.is_some();
        if !kept || self.household_lines + case.lines.len() <= MAX_HOUSEHOLD_LINES {
            return Ok(());
        }
        let max = self.lang.number(&MAX_HOUSEHOLD_LINES.to_string());
        Err(vec![ErrorReport {
            kind: Doc::Record.into(),
            code: crate::model::error::ErrorCode::TooLarge,
            item: format!("case '{}'", case.id),
            field: Some("household".into()),
            message: Word::BatchHouseholdsFull.with(self.lang, &[("max", &max)]),
        }])
    }

    /// Compute one case document that began on input line `line` (the caller counts a bad one).
    /// A refused child of a household leaves its household unreimbursed (reported at the end).
    fn push_doc(
        &mut self,
        line: u64,
        doc: Result<CaseDoc, Vec<ErrorReport>>,
        out: &mut String,
    ) -> Result<(), BatchError> {
        let household = doc.as_ref().ok().and_then(|d| d.household.clone());
        let lang = self.lang;
        let result = doc.and_then(|doc| {
            let case = Case::compile(self.policy, &doc)
                .map_err(|e| e.0.iter().map(|e| ErrorReport::input(e, lang)).collect::<Vec<_>>())?;
            self.room_for_household(&case)?;
            let split = compute(self.policy, &case, self.period).map_err(|e| vec![ErrorReport::compute(&e, lang)])?;
            Ok((case, split))
        });
        let accepted = result.and_then(|(case, split)| self.accept(line, case, split, out));
        accepted.map_err(|errors| {
            if let Some(h) = household.filter(|_| self.policy.reimbursement.is_some()) {
                self.refused.entry(h).or_insert(line);
            }
            BatchError { line, errors }
        })
    }

    /// Add a computed case (from input line `line`) to the totals, the postings and `out`, or
    /// refuse it with nothing added.
    fn accept(
        &mut self,
        line: u64,
        case: Case,
        mut split: SplitResult,
        out: &mut String,
    ) -> Result<(), Vec<ErrorReport>> {
        let lang = self.lang;
        // A child of a household is reimbursed with its siblings at the end, not alone.
        let household = case.household.clone().filter(|_| self.policy.reimbursement.is_some());
        if household.is_some() {
            split.reimbursement = None;
        }
        // No CPR number in the postings file: such a record is refused before anything is added.
        let postings = match &self.postings {
            Some(_) => {
                let postings = crate::report::postings::postings(self.policy, &split);
                if let Err(e) = crate::report::ledger::check_no_cpr(self.policy, &postings) {
                    return Err(e.iter().map(|e| ErrorReport::input(e, lang)).collect());
                }
                Some(postings)
            }
            None => None,
        };
        self.totals.add(&split, line, lang)?;
        if let (Some(p), Some(postings)) = (&mut self.postings, postings) {
            p.push_str(&crate::report::postings::csv_rows(&postings));
        }
        if let Some(h) = household {
            self.household_lines += case.lines.len();
            self.households.entry(h).or_default().push(case);
        }
        // The contract's writer: the same bytes as the `split` answer's result.
        let json = match self.detail {
            crate::contract::Detail::Summary => {
                serde_json::to_string(&crate::engine::result::SplitSummary::from(split))
            }
            _ => serde_json::to_string(&split),
        };
        out.push_str(&json.map_err(|e| vec![ErrorReport::internal(&e.to_string())])?);
        out.push('\n');
        Ok(())
    }

    /// The totals of the records computed so far.
    pub fn totals(&self) -> &BatchTotals {
        &self.totals
    }

    /// Finish: reimburse the households, then the totals.
    pub fn finish(mut self) -> BatchTotals {
        let mut households = std::mem::take(&mut self.households);
        for h in self.refused.keys() {
            households.entry(h.clone()).or_default();
        }
        for (h, cases) in &households {
            self.totals.households += 1;
            if let Some(&line) = self.refused.get(h) {
                let problem = Word::BatchHouseholdChildRefused.with(self.lang, &[("line", &line.to_string())]);
                let report = ErrorReport {
                    kind: Doc::Record.into(),
                    code: crate::model::error::ErrorCode::Household,
                    item: format!("household '{h}'"),
                    field: None,
                    message: problem,
                };
                self.totals.household_errors.push((h.clone(), report));
                continue;
            }
            match reimburse_household(self.policy, self.period, cases) {
                Ok(by_department) => {
                    for (d, v) in by_department {
                        *self.totals.reimbursement.entry(d).or_default() += v;
                    }
                }
                Err(e) => self.totals.household_errors.push((h.clone(), ErrorReport::compute(&e, self.lang))),
            }
        }
        self.totals
    }
}

/// The reimbursement per department of one household's cases, each computed over the batch's period
/// or, without one, over the span of all the household's services (so the children's months line up).
fn reimburse_household(
    policy: &Policy,
    period: Option<Period>,
    cases: &[Case],
) -> Result<Vec<(Arc<str>, i128)>, ComputeError> {
    if policy.reimbursement.is_none() {
        return Ok(Vec::new());
    }
    let refs: Vec<&Case> = cases.iter().collect();
    let period = match period {
        Some(p) => p,
        None => {
            let (results, _) = crate::engine::compute_family(policy, &refs, None)?;
            let span =
                results.iter().map(|r| r.period).reduce(|s, p| Period { from: s.from.min(p.from), to: s.to.max(p.to) });
            span.ok_or_else(|| ComputeError::Overflow { item: "(household)".into() })?
        }
    };
    let Some(r) = crate::engine::compute_family(policy, &refs, Some(period))?.1 else { return Ok(Vec::new()) };
    Ok(r.by_department.iter().map(|d| (d.department.clone(), i128::from(d.reimbursement.ore()))).collect())
}

/// A problem of a record that is not about one column.
fn not_utf8(lang: Lang, column: Option<&str>, at: usize) -> ErrorReport {
    let at = at.to_string();
    let (item, message) = match column {
        Some(c) => (
            Word::BatchColumnItem.with(lang, &[("column", c)]),
            Word::BatchNotUtf8Field.with(lang, &[("column", c), ("at", &at)]),
        ),
        None => ("(record)".to_string(), Word::BatchNotUtf8.with(lang, &[("at", &at)])),
    };
    ErrorReport {
        kind: Doc::Record.into(),
        code: crate::model::error::ErrorCode::Syntax,
        item,
        field: column.map(Into::into),
        message,
    }
}

/// The columns of a CSV batch input. Every row is one service line; the case columns repeat the
/// case's facts on each of its rows and must agree.
pub const CSV_COLUMNS: &str = "case,household,birth_date,municipality,disability,consent_from,other_sectors,line,service,amount,per,from,to,enrolled,discharged,parents,consent_to,consent_by,consent_scope,quantity,every";
/// Columns a CSV batch input must have.
const REQUIRED: [&str; 8] = ["case", "birth_date", "municipality", "disability", "service", "amount", "per", "from"];
/// Columns that describe the case rather than the service line.
const CASE_COLUMNS: [&str; 13] = [
    "case",
    "household",
    "birth_date",
    "municipality",
    "disability",
    "consent_from",
    "other_sectors",
    "enrolled",
    "discharged",
    "parents",
    "consent_to",
    "consent_by",
    "consent_scope",
];
/// The most rows (service lines) one CSV case may have: a case holds at most this many services
/// ([`crate::case::MAX_SERVICES_PER_CASE`]). Past it the case is refused and its further rows are
/// skipped unread, so a runaway case holds no more than this in memory.
pub const MAX_ROWS_PER_CASE: usize = crate::case::MAX_SERVICES_PER_CASE;
/// The longest CSV record (row, with any line breaks inside quotes) accepted, in bytes. A longer one
/// ends the run: the reader cannot tell where the next record begins.
pub const MAX_RECORD_BYTES: usize = 64 * 1024;
/// The most bytes read ahead of a record (the csv reader's buffer).
const READ_AHEAD: usize = 8 * 1024;

/// A problem with one column of a record.
fn column_error(lang: Lang, column: &str, message: String) -> ErrorReport {
    ErrorReport {
        kind: Doc::Record.into(),
        code: crate::model::error::ErrorCode::Invalid,
        item: format!("column '{column}'"),
        field: Some(column.into()),
        message: Word::BatchColumn.with(lang, &[("column", column), ("problem", &message)]),
    }
}

fn record_error(lang: Lang, line: u64, column: &str, message: String) -> BatchError {
    BatchError { line, errors: vec![column_error(lang, column, message)] }
}

/// The input, with a budget of bytes that may be read for the record being read (so an endless
/// record, such as `/dev/zero`, ends the run instead of filling the memory).
#[derive(Debug)]
pub struct Budget<R> {
    inner: R,
    left: usize,
}

impl<R> Budget<R> {
    /// `inner`, of which `left` bytes may be read before [`Budget::renew`].
    pub fn new(inner: R, left: usize) -> Budget<R> {
        Budget { inner, left }
    }

    /// Allow `left` more bytes (for the next record).
    pub fn renew(&mut self, left: usize) {
        self.left = left;
    }
}

impl<R: Read> Read for Budget<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.left == 0 {
            return Err(std::io::Error::new(std::io::ErrorKind::InvalidData, "record too long"));
        }
        let n = buf.len().min(self.left);
        let got = self.inner.read(&mut buf[..n])?;
        self.left -= got;
        Ok(got)
    }
}

/// The header line of a CSV batch: its bytes and its delimiter (`,`, `;` or tab, whichever occurs
/// most often outside quotes; `,` when none does).
fn read_header<R: Read>(input: &mut R, lang: Lang) -> Result<(Vec<u8>, u8), BatchError> {
    let mut line = Vec::with_capacity(256);
    let mut byte = [0u8; 1];
    loop {
        match input.read(&mut byte) {
            Ok(0) => break,
            Ok(_) => {
                line.push(byte[0]);
                if byte[0] == b'\n' {
                    break;
                }
                if line.len() > MAX_RECORD_BYTES {
                    let max = lang.number(&MAX_RECORD_BYTES.to_string());
                    return Err(record_error(lang, 1, "header", Word::BatchTooLong.with(lang, &[("max", &max)])));
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => {
                let reason = e.to_string();
                return Err(record_error(lang, 1, "header", Word::BatchUnreadable.with(lang, &[("reason", &reason)])));
            }
        }
    }
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for &b in &line {
        if b == b'"' {
            quoted = !quoted;
        }
        for c in counts.iter_mut().filter(|c| c.0 == b && !quoted) {
            c.1 += 1;
        }
    }
    // The first of the most frequent: `,` wins a tie.
    let delimiter = counts.iter().fold((b',', 0), |best, c| if c.1 > best.1 { *c } else { best }).0;
    Ok((line, delimiter))
}

/// Whether a record looks like rows swallowed by a quote that was not closed: it spans lines and
/// has another number of fields than the header, or a line inside one of its fields holds as many
/// delimiters as a row (a name or note with a line break holds a few at most).
fn swallowed(record: &csv::ByteRecord, delimiter: u8, width: usize) -> bool {
    if !record.as_slice().contains(&b'\n') {
        return false;
    }
    let row_like = width.saturating_sub(2).max(2);
    record.len() != width
        || record.iter().any(|f| {
            f.split(|&b| b == b'\n').skip(1).any(|l| l.iter().filter(|&&b| b == delimiter).count() >= row_like)
        })
}

/// Read a CSV amount: kroner with at most two decimals, after a point, or after a decimal comma
/// when the file is `;`-separated. Thousands separators are refused, never read as decimals. The
/// problem in `lang`.
pub(crate) fn csv_amount_in(text: &str, delimiter: u8, lang: Lang) -> Result<Amount, String> {
    let t = text.trim();
    let shown: String = t.chars().take(40).collect();
    let hint = Word::BatchAmountHint.text(lang);
    let say = |word: Word| Word::with(word, lang, &[("value", &shown), ("hint", &hint)]);
    let normal = if t.contains(',') {
        if delimiter != b';' {
            return Err(say(Word::BatchAmountComma));
        }
        if t.contains('.') || t.matches(',').count() > 1 {
            return Err(say(Word::BatchAmountThousandsOrComma));
        }
        t.replace(',', ".")
    } else {
        t.to_string()
    };
    let mut parts = normal.split('.');
    let (_, decimals, more) = (parts.next(), parts.next(), parts.next());
    if more.is_some() {
        return Err(say(Word::BatchAmountThousands));
    }
    match decimals {
        Some(d) if d.len() == 3 && d.bytes().all(|c| c.is_ascii_digit()) => {
            return Err(say(Word::BatchAmountThreeDecimals));
        }
        Some(d) if d.len() > 2 => {
            return Err(say(Word::BatchAmountDecimals));
        }
        _ => {}
    }
    Amount::parse(&normal).map_err(|e| Message::from(&e).text(lang))
}

/// A batch over CSV service lines with a case column, read from any [`Read`] (a file, standard
/// input, a byte slice). The header names the columns (any order, [`CSV_COLUMNS`]; `household`,
/// `consent_from`, `other_sectors` (`;`-separated sector areas), `line` and `to` may be left out). A
/// case is the run of consecutive rows with the same `case`; it is computed when the next case
/// begins, so only one case is held in memory. A case with any bad row is reported (each bad row once,
/// with its line number and all its problems) and not computed; a case id that comes back after
/// another case is an error; a case of more than [`MAX_ROWS_PER_CASE`] rows is refused and the rest
/// of its rows skipped. A row whose case id is not UTF-8 counts to the case being read. Case
/// agreements cannot be given in CSV: policy keys apply.
#[derive(Debug)]
pub struct CsvBatch<'p, R: Read> {
    batch: Batch<'p>,
    reader: csv::Reader<Budget<std::io::Chain<std::io::Cursor<Vec<u8>>, R>>>,
    record: csv::ByteRecord,
    delimiter: u8,
    columns: Vec<usize>,
    width: usize,
    current: Option<Pending>,
    seen: HashSet<String>,
    ended: bool,
}

/// The case being read.
#[derive(Debug)]
struct Pending {
    first_line: u64,
    /// Case id.
    id: String,
    /// The case columns of its first row.
    facts: Vec<String>,
    /// The case, unless a row had problems.
    doc: Option<CaseDoc>,
    /// Input line of each service line.
    rows: Vec<u64>,
    /// Rows read (good or bad).
    count: usize,
    /// Whether any row had a problem.
    bad: bool,
}

impl<'p, R: Read> CsvBatch<'p, R> {
    /// Start a CSV batch: read the header line, find the delimiter and the columns.
    pub fn new(batch: Batch<'p>, mut input: R) -> Result<CsvBatch<'p, R>, BatchError> {
        let (header, delimiter) = read_header(&mut input, batch.lang)?;
        let source = Budget::new(std::io::Cursor::new(header).chain(input), MAX_RECORD_BYTES);
        let lang = batch.lang;
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            // A record ends at a line feed only: with `\r\n` as one terminator the csv crate gives
            // the record after it the line number before (it reads the `\n` with the next record).
            // A `\r` before the line feed stays at the end of the last field, which is trimmed.
            .terminator(csv::Terminator::Any(b'\n'))
            .buffer_capacity(READ_AHEAD)
            .from_reader(source);
        let mut record = csv::ByteRecord::new();
        match reader.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => return Err(record_error(lang, 1, "header", Word::BatchHeaderEmpty.text(lang))),
            Err(e) => {
                let reason = e.to_string();
                return Err(record_error(lang, 1, "header", Word::BatchUnreadable.with(lang, &[("reason", &reason)])));
            }
        }
        let mut names = Vec::with_capacity(record.len());
        for (i, raw) in record.iter().enumerate() {
            let raw = if i == 0 { raw.strip_prefix("\u{feff}".as_bytes()).unwrap_or(raw) } else { raw };
            match std::str::from_utf8(raw) {
                Ok(n) => names.push(n.trim().to_string()),
                Err(e) => {
                    return Err(BatchError { line: 1, errors: vec![not_utf8(lang, Some("header"), e.valid_up_to())] })
                }
            }
        }
        let known: Vec<&str> = CSV_COLUMNS.split(',').collect();
        let mut columns = vec![usize::MAX; known.len()];
        for (i, n) in names.iter().enumerate() {
            match known.iter().position(|k| k == n) {
                Some(k) if columns[k] != usize::MAX => {
                    return Err(record_error(lang, 1, n, Word::BatchColumnTwice.text(lang)));
                }
                Some(k) => columns[k] = i,
                None => {
                    return Err(record_error(
                        lang,
                        1,
                        n,
                        Word::BatchUnknownColumn.with(lang, &[("columns", CSV_COLUMNS)]),
                    ));
                }
            }
        }
        if let Some(missing) =
            REQUIRED.iter().find(|r| columns[known.iter().position(|k| k == *r).unwrap_or(0)] == usize::MAX)
        {
            return Err(record_error(
                lang,
                1,
                missing,
                Word::BatchMissingColumn.with(lang, &[("columns", &REQUIRED.join(","))]),
            ));
        }
        let width = names.len();
        Ok(CsvBatch {
            batch,
            reader,
            record,
            delimiter,
            columns,
            width,
            current: None,
            seen: HashSet::new(),
            ended: false,
        })
    }

    /// The delimiter found on the header line.
    pub fn delimiter(&self) -> u8 {
        self.delimiter
    }

    fn field<'a>(&self, fields: &[&'a str], name: &str) -> &'a str {
        let k = CSV_COLUMNS.split(',').position(|c| c == name).unwrap_or(0);
        self.columns.get(k).and_then(|&i| fields.get(i)).map_or("", |f| f.trim())
    }

    /// Read the next record (row). The result of a case completed by it (or by the end of the
    /// input) is appended to `out`; the bad records found are returned. `None` once the input is
    /// done (the last case included).
    pub fn step(&mut self, out: &mut String) -> Option<Vec<BatchError>> {
        if self.ended {
            return None;
        }
        self.reader.get_mut().renew(MAX_RECORD_BYTES + READ_AHEAD);
        let read = self.reader.read_byte_record(&mut self.record);
        let found = match read {
            Ok(true) if swallowed(&self.record, self.delimiter, self.width) => {
                // A quote left open swallows the rows after it into one record: rows of this case and
                // the next would go missing, so reading stops, loudly.
                self.ended = true;
                let line = self.record.position().map_or(0, csv::Position::line);
                let end = self.reader.position().line();
                // The case before it is complete if the record begins another case.
                let k = CSV_COLUMNS.split(',').position(|c| c == "case").unwrap_or(0);
                let id = self.columns.get(k).and_then(|&i| self.record.get(i)).map(String::from_utf8_lossy);
                let mut found = Vec::new();
                if self.current.as_ref().is_some_and(|p| Some(p.id.as_str()) != id.as_deref().map(str::trim)) {
                    found = self.flush(out);
                }
                let lang = self.batch.lang;
                let case = self.not_computed();
                let (from, to) = (line.to_string(), end.to_string());
                let (fields, width) = (self.record.len().to_string(), self.width.to_string());
                let args = [("line", from.as_str()), ("end", &to), ("fields", &fields), ("width", &width)];
                let message = Word::BatchUnclosedQuote.with(lang, &args);
                found.push(record_error(lang, line, "record", format!("{message}{case}")));
                found
            }
            Ok(true) => {
                let record = std::mem::take(&mut self.record);
                let found = self.row(&record, out);
                self.record = record;
                found
            }
            Ok(false) => {
                self.ended = true;
                self.flush(out)
            }
            Err(e) => {
                // The reader cannot go on: the case being read is refused with the record.
                self.ended = true;
                let line = e.position().map_or_else(|| self.reader.position().line() + 1, |p| p.line());
                let lang = self.batch.lang;
                let message = match e.kind() {
                    csv::ErrorKind::Io(io) if io.kind() == std::io::ErrorKind::InvalidData => {
                        Word::BatchRecordTooLong.with(lang, &[("max", &MAX_RECORD_BYTES.to_string())])
                    }
                    _ => Word::BatchCannotRead.with(lang, &[("reason", &e.to_string())]),
                };
                let case = self.not_computed();
                vec![record_error(lang, line, "record", format!("{message}{case}"))]
            }
        };
        self.batch.totals.bad_records += found.len() as u64;
        Some(found)
    }

    /// Read the whole input: results to `out`, bad records returned (for tests and small inputs;
    /// a stream calls [`CsvBatch::step`]).
    pub fn run(mut self, out: &mut String) -> (Vec<BatchError>, Batch<'p>) {
        let mut errors = Vec::new();
        while let Some(found) = self.step(out) {
            errors.extend(found);
        }
        (errors, self.batch)
    }

    /// Finish: the batch inside (its totals); call after [`CsvBatch::step`] returned `None`.
    pub fn finish(self) -> Batch<'p> {
        self.batch
    }

    /// The batch inside (for its postings and totals).
    pub fn batch(&mut self) -> &mut Batch<'p> {
        &mut self.batch
    }

    /// One row: its problems, and those of the case it completes.
    fn row(&mut self, record: &csv::ByteRecord, out: &mut String) -> Vec<BatchError> {
        let lang = self.batch.lang;
        let line = record.position().map_or(0, csv::Position::line);
        let mut errors: Vec<ErrorReport> = Vec::new();
        let names: Vec<&str> = CSV_COLUMNS.split(',').collect();
        let mut fields: Vec<&str> = Vec::with_capacity(record.len());
        for (i, raw) in record.iter().enumerate() {
            match std::str::from_utf8(raw) {
                Ok(f) => fields.push(f),
                Err(e) => {
                    let column = self.columns.iter().position(|&c| c == i).map_or("record", |k| names[k]);
                    errors.push(not_utf8(lang, Some(column), e.valid_up_to()));
                    fields.push("");
                }
            }
        }
        if fields.iter().all(|f| f.trim().is_empty()) && errors.is_empty() {
            return Vec::new();
        }
        if fields.len() != self.width {
            let (found, width) = (fields.len().to_string(), self.width.to_string());
            let problem = Word::BatchFieldCount.with(lang, &[("fields", &found), ("width", &width)]);
            errors.push(column_error(lang, "record", problem));
        }
        let unreadable_id = errors.iter().any(|e| e.field.as_deref() == Some("case"));
        let id = match (&self.current, unreadable_id) {
            // A row whose case id cannot be read counts to the case being read (and refuses it).
            (Some(p), true) => p.id.clone(),
            _ => self.field(&fields, "case").to_string(),
        };
        if id.is_empty() && !unreadable_id {
            errors.push(column_error(lang, "case", Word::BatchCaseIdEmpty.text(lang)));
        }
        let same = self.current.as_ref().is_some_and(|p| p.id == id);
        // Problems of the case completed here.
        let mut done = Vec::new();
        if !same {
            done = self.flush(out);
            if !self.seen.insert(id.clone()) {
                errors.push(column_error(lang, "case", Word::BatchCaseNotSorted.with(lang, &[("case", &id)])));
            }
            let facts: Vec<String> = CASE_COLUMNS.iter().map(|c| self.field(&fields, c).to_string()).collect();
            let doc = self.case_doc(&id, &fields, &mut errors);
            self.current = Some(Pending { first_line: line, id, facts, doc, rows: Vec::new(), count: 0, bad: false });
        } else if let Some(p) = &self.current {
            if p.count > MAX_ROWS_PER_CASE {
                // Refused already: the row is skipped unread.
                return done;
            }
            for (k, c) in CASE_COLUMNS.iter().enumerate() {
                let v = self.field(&fields, c);
                if v != p.facts[k] && !(k == 0 && unreadable_id) {
                    let first = lang.number(&p.first_line.to_string());
                    let args = [("value", v), ("first", p.facts[k].as_str()), ("line", first.as_str())];
                    errors.push(column_error(lang, c, Word::BatchDiffers.with(lang, &args)));
                }
            }
        }
        let service = self.service_line(line, &fields, &mut errors);
        if let Some(p) = &mut self.current {
            p.count += 1;
            if p.count > MAX_ROWS_PER_CASE {
                p.bad = true;
                p.doc = None;
                p.rows = Vec::new();
                let max = lang.number(&MAX_ROWS_PER_CASE.to_string());
                let problem = Word::BatchTooManyRows.with(lang, &[("case", &p.id), ("max", &max)]);
                errors.push(column_error(lang, "case", problem));
            } else if !errors.is_empty() {
                p.bad = true;
                p.doc = None;
                p.rows = Vec::new();
            } else if let (Some(doc), Some(s)) = (&mut p.doc, service) {
                doc.services.push(s);
                p.rows.push(line);
            }
        }
        if !errors.is_empty() {
            // A column that is not UTF-8 was read as empty: only its first problem is told.
            let unreadable: Vec<Option<String>> =
                errors.iter().filter(|e| e.code == "syntax").map(|e| e.field.clone()).collect();
            let mut told = Vec::new();
            errors.retain(|e| {
                let again = unreadable.contains(&e.field) && told.contains(&e.field);
                told.push(e.field.clone());
                !again
            });
            done.push(BatchError { line, errors });
        }
        done
    }

    /// Compute the pending case, or report it.
    /// ` (case 'k1' is not computed)` for the case being read, if any (it is dropped).
    fn not_computed(&mut self) -> String {
        let lang = self.batch.lang;
        let words = |id: &str| Word::BatchCaseNotComputed.with(lang, &[("case", id)]);
        self.current.take().map(|p| format!(" {}", words(&p.id))).unwrap_or_default()
    }

    fn flush(&mut self, out: &mut String) -> Vec<BatchError> {
        let Some(p) = self.current.take() else { return Vec::new() };
        let doc = match p.doc {
            Some(doc) if !p.bad => doc,
            // Its bad rows were returned as they were read.
            _ => return Vec::new(),
        };
        match self.batch.push_doc(p.first_line, Ok(doc), out) {
            Ok(()) => Vec::new(),
            Err(e) => {
                // Errors about a service line point at its row; the others at the case's first row.
                // One bad record per row, with all its problems.
                let mut by_row: Vec<BatchError> = Vec::new();
                for r in e.errors {
                    let row = r
                        .item
                        .strip_prefix("services[")
                        .and_then(|rest| rest.split(']').next())
                        .and_then(|k| k.parse::<usize>().ok())
                        .and_then(|k| p.rows.get(k))
                        .copied()
                        .unwrap_or(e.line);
                    match by_row.iter_mut().find(|b| b.line == row) {
                        Some(b) => b.errors.push(r),
                        None => by_row.push(BatchError { line: row, errors: vec![r] }),
                    }
                }
                by_row.sort_by_key(|b| b.line);
                by_row
            }
        }
    }

    fn case_doc(&self, id: &str, fields: &[&str], errors: &mut Vec<ErrorReport>) -> Option<CaseDoc> {
        let lang = self.batch.lang;
        let date = |name: &str, errors: &mut Vec<ErrorReport>| -> Option<Date> {
            let t = self.field(fields, name);
            if t.is_empty() {
                return None;
            }
            Date::parse(t).map_err(|e| errors.push(column_error(lang, name, Message::from(&e).text(lang)))).ok()
        };
        let birth = date("birth_date", errors);
        if birth.is_none() && self.field(fields, "birth_date").is_empty() {
            errors.push(column_error(lang, "birth_date", Word::BatchEmpty.text(lang)));
        }
        let consent = self.consent(fields, errors);
        let disability = match self.field(fields, "disability") {
            "true" | "yes" | "ja" | "1" => true,
            "false" | "no" | "nej" | "0" => false,
            other => {
                errors.push(column_error(lang, "disability", Word::BatchNotYesNo.with(lang, &[("value", other)])));
                false
            }
        };
        let mut other_cases = Vec::new();
        for (i, s) in
            self.field(fields, "other_sectors").split(';').map(str::trim).filter(|s| !s.is_empty()).enumerate()
        {
            // `employment=mor`: the case of a parent (`person`).
            let (s, person) = s.split_once('=').map_or((s, None), |(s, p)| (s.trim(), Some(p.trim().to_string())));
            match serde_json::from_value::<Sector>(serde_json::Value::String(s.into())) {
                Ok(sector) => other_cases.push(OtherCaseDoc {
                    id: format!("other-{}", i + 1),
                    sector,
                    department: None,
                    person,
                    from: None,
                    to: None,
                }),
                Err(_) => {
                    errors.push(column_error(lang, "other_sectors", Word::BatchNotSector.with(lang, &[("value", s)])))
                }
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
            enrolled: date("enrolled", errors),
            discharged: date("discharged", errors),
            parents: self.parents(fields),
            consent,
            other_cases,
            baseline: Vec::new(),
            services: Vec::new(),
            agreements: Vec::new(),
            income: Vec::new(),
        })
    }

    /// `mor; far=no`: the household's parents, `=no` for one without custody.
    fn parents(&self, fields: &[&str]) -> Vec<ParentDoc> {
        let items = self.field(fields, "parents").split(';').map(str::trim).filter(|p| !p.is_empty());
        let parent = |p: &str| match p.split_once('=') {
            Some((id, custody)) => {
                ParentDoc { id: id.trim().into(), custody: !matches!(custody.trim(), "no" | "nej" | "false" | "0") }
            }
            None => ParentDoc { id: p.into(), custody: true },
        };
        items.map(parent).collect()
    }

    /// The consent of the columns `consent_from`, `consent_to`, `consent_by` (`mor; far`) and
    /// `consent_scope` (`child` or `household`), if `consent_from` is given.
    fn consent(&self, fields: &[&str], errors: &mut Vec<ErrorReport>) -> Vec<ConsentDoc> {
        let date = |name: &str, errors: &mut Vec<ErrorReport>| -> Option<Date> {
            let t = self.field(fields, name);
            let lang = self.batch.lang;
            (!t.is_empty()).then(|| {
                Date::parse(t).map_err(|e| errors.push(column_error(lang, name, Message::from(&e).text(lang)))).ok()
            })?
        };
        let (from, to) = (date("consent_from", errors), date("consent_to", errors));
        let by = self.field(fields, "consent_by").split(';').map(str::trim).filter(|b| !b.is_empty());
        let by: Vec<String> = by.map(str::to_string).collect();
        let scope = match self.field(fields, "consent_scope") {
            "" | "child" | "barn" => ConsentScope::Child,
            "household" | "husstand" => ConsentScope::Household,
            other => {
                let lang = self.batch.lang;
                errors.push(column_error(
                    lang,
                    "consent_scope",
                    Word::BatchScopeUnknown.with(lang, &[("value", other)]),
                ));
                ConsentScope::Child
            }
        };
        match from {
            Some(from) => vec![ConsentDoc { from: Some(from), to, by, scope }],
            None => Vec::new(),
        }
    }

    /// The `quantity` and `every` of an hour or unit line.
    fn price(&self, fields: &[&str], errors: &mut Vec<ErrorReport>) -> (Option<Weight>, Option<Every>) {
        let text = self.field(fields, "quantity");
        // A decimal comma only where the comma is not the delimiter (as for amounts).
        let text = if self.delimiter == b',' { text.to_string() } else { text.replace(',', ".") };
        let quantity = (!text.is_empty())
            .then(|| {
                let lang = self.batch.lang;
                Weight::parse(&text)
                    .map_err(|e| errors.push(column_error(lang, "quantity", Message::from(&e).text(lang))))
                    .ok()
            })
            .flatten();
        let every = match self.field(fields, "every") {
            "" => None,
            t => match serde_json::from_value::<Every>(serde_json::Value::String(t.into())) {
                Ok(e) => Some(e),
                Err(_) => {
                    let lang = self.batch.lang;
                    errors.push(column_error(lang, "every", Word::BatchEveryUnknown.with(lang, &[("value", t)])));
                    None
                }
            },
        };
        // An hour or unit line without a quantity is refused by the case's own check.
        (quantity, every)
    }

    fn service_line(&self, line: u64, fields: &[&str], errors: &mut Vec<ErrorReport>) -> Option<ServiceLineDoc> {
        let lang = self.batch.lang;
        let before = errors.len();
        let amount = csv_amount_in(self.field(fields, "amount"), self.delimiter, lang)
            .map_err(|e| errors.push(column_error(lang, "amount", e)))
            .ok();
        let per = match self.field(fields, "per") {
            "month" => Some(Per::Month),
            "year" => Some(Per::Year),
            "once" => Some(Per::Once),
            "day" => Some(Per::Day),
            "week" => Some(Per::Week),
            "hour" => Some(Per::Hour),
            "unit" => Some(Per::Unit),
            other => {
                errors.push(column_error(lang, "per", Word::BatchPerUnknown.with(lang, &[("value", other)])));
                None
            }
        };
        let (quantity, every) = self.price(fields, errors);
        let date = |name: &str, errors: &mut Vec<ErrorReport>| -> Option<Date> {
            Date::parse(self.field(fields, name))
                .map_err(|e| errors.push(column_error(lang, name, Message::from(&e).text(lang))))
                .ok()
        };
        let from = date("from", errors);
        let to = if self.field(fields, "to").is_empty() { None } else { date("to", errors) };
        let service = self.field(fields, "service");
        if service.is_empty() {
            errors.push(column_error(lang, "service", Word::BatchEmpty.text(lang)));
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
            quantity,
            every,
            index: None,
            base_year: None,
            from: from?,
            to,
            note: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_in_csv_refuse_thousands_separators() {
        let csv_amount = |t: &str, d: u8| csv_amount_in(t, d, Lang::En);
        let ok = |t: &str, d: u8| csv_amount(t, d).map(|a| a.value().to_string());
        assert_eq!(ok("1000", b',').as_deref(), Ok("1000"));
        assert_eq!(ok("1000.5", b',').as_deref(), Ok("1000.5"));
        assert_eq!(ok("-12.50", b',').as_deref(), Ok("-12.50"));
        assert_eq!(ok("1000,50", b';').as_deref(), Ok("1000.50"));
        for (t, d) in [("1.000", b','), ("1.000", b';'), ("1.000,50", b';'), ("1,000", b','), ("1,000", b';')] {
            let e = csv_amount(t, d).unwrap_err();
            assert!(e.contains("thousands separator"), "{t}: {e}");
        }
        assert!(csv_amount("1000,50", b',').unwrap_err().contains("only in files separated by ';'"));
        assert!(csv_amount("1.000.000", b',').is_err());
        assert!(csv_amount("10.0000", b',').unwrap_err().contains("more than two decimals"));
    }

    #[test]
    fn the_delimiter_is_found_on_the_header() {
        let d = |h: &str| read_header(&mut h.as_bytes(), Lang::En).unwrap().1;
        assert_eq!(d("case,service,amount\n"), b',');
        assert_eq!(d("case;service;amount\r\n"), b';');
        assert_eq!(d("case\tservice\tamount"), b'\t');
        assert_eq!(d("\"a;b\",c\n"), b',');
    }
}
