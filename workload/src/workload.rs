//! The reference workload: CSV service lines split across four departments by weight.
//!
//! Input columns: `case_id,service,amount_dkk,dept_a_weight,dept_b_weight,dept_c_weight,dept_d_weight`.
//! Amounts have at most two decimals and at most 1,000,000,000,000.00 in magnitude; weights are
//! non-negative with at most two decimals, at least one positive per line. Each line is split by
//! largest remainder (SEMANTICS.md section 2). A case is eligible for shared financing only if its
//! lines name at least two departments with a positive weight; otherwise every line of the case goes
//! 100 % to department a (the payer).
//!
//! A case is the run of consecutive lines with the same `case_id` (sort the file by case). Only the
//! current case is held in memory, so the input can be of any size. A bad record is reported with
//! its line number and skipped; the rest of its case and of the file is still computed.
//!
//! Output columns: `case_id,service,amount_dkk,dept_a,dept_b,dept_c,dept_d,eligible`.
//! Text fields (`case_id`, `service`) are escaped in the output as [`fordeling::report::postings::CsvText`] does:
//! quoted where needed, and a leading `'` where a spreadsheet would read a formula.
//!
//! Reading is done by the `csv` crate ([`WorkloadReader`]) with quoting off: the format has no
//! quoted fields (one that begins with `"` is a bad record), and with quoting on a stray `"` would
//! make the rest of the file one record (the property `prop_workload_conserves_and_loses_no_line`
//! fails that way: a line `"` then a good line). Each record ends at a line feed; a record that grows
//! past `READ_LIMIT` (an endless line, `/dev/zero`) ends the run with an error instead of filling the
//! memory, as the former line reader's `read_until` did.
//!
//! The former hand-written line splitter was measured against the csv crate before it was replaced
//! (2026-12-01, a 2-core AMD EPYC VM shared with other builds, load average 3 to 8, so the figures
//! scatter): in memory, 100,000 lines (`cargo bench --bench split -- batch/`, two alternating runs)
//! 74.3 and 75.6 ms for the splitter against 74.1 and 89.4 ms for the csv crate (quoting on); end to
//! end, 1,000,000 lines (`fordeling workload`, one core by `taskset`, best of five alternating runs)
//! 1.19 s for the splitter against 1.20 s for the csv crate (about 840,000 lines/s each at load 5),
//! and again 2.10 s against 1.86 s at load 8 (quoting off, the same output byte for byte). The csv
//! crate is not clearly slower, so it reads. `scripts/bench-workload.sh 1000000` at load 8 gave
//! 2.638 s (379,025 lines/s, 2.8 MB peak memory); the target of 1,000,000 lines/s was met on a quiet
//! machine before (README, Performance) and needs a quiet machine to be measured again.

use std::fmt;

use fordeling::engine::split::split_ore;
use fordeling::model::money::MAX_ORE;

/// The header of a workload input file.
pub const INPUT_HEADER: &str = "case_id,service,amount_dkk,dept_a_weight,dept_b_weight,dept_c_weight,dept_d_weight";
/// The header of a workload output file.
pub const OUTPUT_HEADER: &str = "case_id,service,amount_dkk,dept_a,dept_b,dept_c,dept_d,eligible";
/// The longest record accepted, in bytes.
pub const MAX_RECORD_BYTES: usize = 4096;
/// The most lines one case may have (a longer run of one case id is an error).
pub const MAX_LINES_PER_CASE: usize = 10_000;

/// A bad input record.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {field}: {message}")]
pub struct RecordError {
    /// 1-based line number in the input.
    pub line: u64,
    /// The offending column (or `record`).
    pub field: &'static str,
    /// What is wrong.
    pub message: String,
}

const COLUMNS: [&str; 7] =
    ["case_id", "service", "amount_dkk", "dept_a_weight", "dept_b_weight", "dept_c_weight", "dept_d_weight"];

#[derive(Debug, Clone, Copy)]
struct Parsed {
    case: (u32, u32),
    service: (u32, u32),
    amount: i64,
    weights: [u128; 4],
}

/// Totals of a workload run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WorkloadTotals {
    /// Per department a, b, c, d, in øre.
    pub departments: [i128; 4],
    /// Sum of all line amounts, in øre.
    pub amount: i128,
    /// Lines computed.
    pub lines: u64,
    /// Cases computed.
    pub cases: u64,
    /// Cases not eligible (all to department a).
    pub not_eligible: u64,
    /// Bad records skipped.
    pub bad_records: u64,
}

impl fmt::Display for WorkloadTotals {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "lines {}, cases {} ({} not eligible), bad records {}",
            self.lines, self.cases, self.not_eligible, self.bad_records
        )?;
        for (i, d) in self.departments.iter().enumerate() {
            writeln!(f, "dept_{} {}", ["a", "b", "c", "d"][i], ore_text(*d))?;
        }
        write!(f, "total {}", ore_text(self.amount))
    }
}

/// Øre as DKK text with two decimals.
pub fn ore_text(ore: i128) -> String {
    let mut s = String::with_capacity(24);
    push_ore(&mut s, ore);
    s
}

fn push_ore(out: &mut String, ore: i128) {
    if ore < 0 {
        out.push('-');
    }
    let a = ore.unsigned_abs();
    // Every line amount and share fits in 64 bits; 128-bit division is slow where the machine has
    // none (WebAssembly), so it is kept for totals that do not fit.
    let (whole, c) = match u64::try_from(a) {
        Ok(a) => (u128::from(a / 100), (a % 100) as u8),
        Err(_) => (a / 100, (a % 100) as u8),
    };
    push_uint(out, whole);
    out.push('.');
    out.push((b'0' + c / 10) as char);
    out.push((b'0' + c % 10) as char);
}

/// Decimal digits of any `u128`, nineteen digits at a time in 64 bits.
fn push_uint(out: &mut String, v: u128) {
    const E19: u128 = 10_000_000_000_000_000_000;
    match u64::try_from(v) {
        Ok(v) => push_digits(out, v, 1),
        Err(_) => {
            push_uint(out, v / E19);
            push_digits(out, (v % E19) as u64, 19);
        }
    }
}

/// Decimal digits of `v`, left-padded with zeros to at least `width` (at most 20) digits.
fn push_digits(out: &mut String, mut v: u64, width: usize) {
    let mut buf = [b'0'; 20];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    let start = i.min(buf.len().saturating_sub(width));
    // Only ASCII digits were written.
    out.push_str(std::str::from_utf8(&buf[start..]).unwrap_or("0"));
}

/// Parse a decimal with at most two decimals into hundredths.
fn hundredths(field: &str, allow_negative: bool) -> Result<i64, String> {
    let b = field.as_bytes();
    let (neg, digits) = match b.first() {
        Some(b'-') if allow_negative => (true, &b[1..]),
        Some(b'-') => return Err(format!("'{}' is negative", clip(field))),
        _ => (false, b),
    };
    let mut int: i64 = 0;
    let mut frac: i64 = 0;
    let mut frac_digits = 0;
    let mut seen_point = false;
    let mut any = false;
    for &c in digits {
        match c {
            b'0'..=b'9' if !seen_point => {
                any = true;
                int = int
                    .checked_mul(10)
                    .and_then(|v| v.checked_add(i64::from(c - b'0')))
                    .filter(|v| *v <= MAX_ORE / 100)
                    .ok_or_else(|| format!("'{}' is too large (at most 1000000000000.00)", clip(field)))?;
            }
            b'0'..=b'9' => {
                any = true;
                frac_digits += 1;
                if frac_digits > 2 {
                    return Err(format!("'{}' has more than two decimals", clip(field)));
                }
                frac = frac * 10 + i64::from(c - b'0');
            }
            b'.' if !seen_point => seen_point = true,
            _ => return Err(format!("'{}' is not a number", clip(field))),
        }
    }
    if !any {
        return Err(format!("'{}' is not a number", clip(field)));
    }
    if frac_digits == 1 {
        frac *= 10;
    }
    let v = int * 100 + frac;
    if v > MAX_ORE {
        return Err(format!("'{}' is too large (at most 1000000000000.00)", clip(field)));
    }
    Ok(if neg { -v } else { v })
}

/// A text field of the output: quoted where it holds a comma, a quote or a line break, and with a
/// leading `'` where a spreadsheet would run it as a formula (`=`, `+`, `-`, `@`, tab, carriage
/// return first: OWASP's advice against CSV injection), as `csv::Writer` in [`fordeling::report::postings`].
fn push_text(out: &mut String, v: &str) {
    let formula = v.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let quote = v.bytes().any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r'));
    if quote {
        out.push('"');
    }
    if formula {
        out.push('\'');
    }
    if quote {
        out.push_str(&v.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(v);
    }
}

fn clip(s: &str) -> String {
    s.chars().take(40).collect()
}

/// The streaming workload engine: feed it lines, collect output text and errors.
#[derive(Debug, Default)]
pub struct Workload {
    text: String,
    lines: Vec<Parsed>,
    line_no: u64,
    totals: WorkloadTotals,
    out_buf: [i64; 4],
}

impl Workload {
    /// A new run.
    pub fn new() -> Workload {
        Workload::default()
    }

    /// Check the seven fields of record `line` and add it to its case.
    fn accept(&mut self, line: u64, fields: [&str; 7], out: &mut String) -> Result<(), RecordError> {
        let bad = |field: &'static str, message: String| RecordError { line, field, message };
        let result = (|| {
            if fields[0].is_empty() {
                return Err(bad("case_id", "is empty".into()));
            }
            let amount = hundredths(fields[2], true).map_err(|m| bad("amount_dkk", m))?;
            let mut weights = [0u128; 4];
            for i in 0..4 {
                weights[i] = hundredths(fields[3 + i], false).map_err(|m| bad(COLUMNS[3 + i], m))? as u128;
            }
            if weights.iter().all(|&w| w == 0) {
                return Err(bad("dept_a_weight", "all four weights are zero: at least one must be positive".into()));
            }
            Ok((fields[0], fields[1], amount, weights))
        })();
        let (case, service, amount, weights) = match result {
            Ok(v) => v,
            Err(e) => {
                self.totals.bad_records += 1;
                return Err(e);
            }
        };
        let same_case = self.lines.first().is_some_and(|p| self.slice(p.case) == case);
        if !same_case {
            self.flush(out);
        } else if self.lines.len() >= MAX_LINES_PER_CASE {
            self.totals.bad_records += 1;
            return Err(bad("case_id", format!("case '{}' has more than {MAX_LINES_PER_CASE} lines", clip(case))));
        }
        let c0 = self.text.len() as u32;
        self.text.push_str(case);
        let s0 = self.text.len() as u32;
        self.text.push_str(service);
        let s1 = self.text.len() as u32;
        self.lines.push(Parsed { case: (c0, s0), service: (s0, s1), amount, weights });
        Ok(())
    }

    fn slice(&self, r: (u32, u32)) -> &str {
        self.text.get(r.0 as usize..r.1 as usize).unwrap_or("")
    }

    /// Compute and write the buffered case.
    fn flush(&mut self, out: &mut String) {
        if self.lines.is_empty() {
            return;
        }
        let mut positive = [false; 4];
        for p in &self.lines {
            for (i, &w) in p.weights.iter().enumerate() {
                positive[i] |= w > 0;
            }
        }
        let eligible = positive.iter().filter(|&&b| b).count() >= 2;
        self.totals.cases += 1;
        if !eligible {
            self.totals.not_eligible += 1;
        }
        let mut leftover = [false; 4];
        for i in 0..self.lines.len() {
            let p = self.lines[i];
            if eligible {
                // Cannot fail: at least one weight is positive, amounts and weights are bounded.
                let _ = split_ore(p.amount, &p.weights, &mut self.out_buf, &mut leftover);
            } else {
                self.out_buf = [p.amount, 0, 0, 0];
            }
            push_text(out, self.slice(p.case));
            out.push(',');
            push_text(out, self.slice(p.service));
            out.push(',');
            push_ore(out, i128::from(p.amount));
            for (d, v) in self.out_buf.iter().enumerate() {
                out.push(',');
                push_ore(out, i128::from(*v));
                self.totals.departments[d] += i128::from(*v);
            }
            out.push_str(if eligible { ",yes\n" } else { ",no\n" });
            self.totals.amount += i128::from(p.amount);
            self.totals.lines += 1;
        }
        self.lines.clear();
        self.text.clear();
    }

    /// Finish the run: write the last case and return the totals.
    pub fn finish(mut self, out: &mut String) -> WorkloadTotals {
        self.flush(out);
        self.totals
    }

    /// Totals so far (of the cases already written).
    pub fn totals(&self) -> &WorkloadTotals {
        &self.totals
    }
}

impl Workload {
    /// Feed one record read by the `csv` crate. Output lines of a completed case are appended to
    /// `out`; a bad record is returned as an error (and counted), and the run goes on.
    pub fn push_record(&mut self, record: &csv::ByteRecord, out: &mut String) -> Result<(), RecordError> {
        let line = record.position().map_or(self.line_no + 1, csv::Position::line);
        self.line_no = line;
        let bad = |field: &'static str, message: String| RecordError { line, field, message };
        // A record ends at a line feed; a carriage return before it ends the last field.
        let last = record.len().saturating_sub(1);
        let field = |i: usize| {
            let f = record.get(i).unwrap_or_default();
            if i == last {
                f.strip_suffix(b"\r").unwrap_or(f)
            } else {
                f
            }
        };
        if record.len() == 1 && field(0).is_empty() {
            // An empty line (with a carriage return) is no record.
            return Ok(());
        }
        let result = (|| {
            let size = record.as_slice().len() + last;
            if size > MAX_RECORD_BYTES {
                return Err(bad("record", format!("is {size} bytes long; at most {MAX_RECORD_BYTES}")));
            }
            if record.len() > 7 {
                return Err(bad("record", format!("has more than 7 columns ({INPUT_HEADER})")));
            }
            let n = record.len();
            if n < 7 {
                return Err(bad(COLUMNS[n], format!("is missing: the record has {n} of 7 columns ({INPUT_HEADER})")));
            }
            let mut fields = [""; 7];
            for (i, f) in fields.iter_mut().enumerate() {
                *f = std::str::from_utf8(field(i)).map_err(|_| bad("record", "is not valid UTF-8".into()))?;
            }
            if fields[0].starts_with('"') || fields[1].starts_with('"') {
                return Err(bad("record", "quoted fields are not supported".into()));
            }
            Ok(fields)
        })();
        match result {
            Ok(fields)
                if line == 1
                    && fields[0].trim_start_matches('\u{feff}') == COLUMNS[0]
                    && fields[1..] == COLUMNS[1..] =>
            {
                Ok(())
            }
            Ok(fields) => self.accept(line, fields, out),
            Err(e) => {
                self.totals.bad_records += 1;
                Err(e)
            }
        }
    }
}

/// The longest a record may grow while it is read before the run stops (a record longer than
/// [`MAX_RECORD_BYTES`] but shorter than this is reported and skipped).
const READ_LIMIT: usize = MAX_RECORD_BYTES + 2 * READ_AHEAD;
/// The csv reader's buffer.
const READ_AHEAD: usize = 64 * 1024;

/// The reference workload read with the `csv` crate from any [`std::io::Read`], streaming, one record
/// per line (no quoting): a record that never ends (`/dev/zero`) stops the run once it passes
/// `READ_LIMIT` bytes instead of filling the memory.
#[derive(Debug)]
pub struct WorkloadReader<R: std::io::Read> {
    reader: csv::Reader<fordeling::contract::batch::Budget<R>>,
    record: csv::ByteRecord,
    work: Workload,
    ended: bool,
}

impl<R: std::io::Read> WorkloadReader<R> {
    /// A run over `input`.
    pub fn new(input: R) -> WorkloadReader<R> {
        let reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            // The workload's fields are never quoted: a quote is text (and a field that begins with
            // one is refused), so a stray quote costs one record, not every record after it.
            .quoting(false)
            // A record ends at a line feed (so the line numbers of records after `\r\n` are exact).
            .terminator(csv::Terminator::Any(b'\n'))
            .buffer_capacity(READ_AHEAD)
            .from_reader(fordeling::contract::batch::Budget::new(input, READ_LIMIT));
        WorkloadReader { reader, record: csv::ByteRecord::new(), work: Workload::new(), ended: false }
    }

    /// Read and compute the next record; output of completed cases is appended to `out`. `None`
    /// at the end of the input.
    pub fn step(&mut self, out: &mut String) -> Option<Result<(), RecordError>> {
        if self.ended {
            return None;
        }
        self.reader.get_mut().renew(READ_LIMIT);
        match self.reader.read_byte_record(&mut self.record) {
            Ok(true) => Some(self.work.push_record(&self.record, out)),
            Ok(false) => {
                self.ended = true;
                None
            }
            Err(e) => {
                self.ended = true;
                self.work.totals.bad_records += 1;
                let line = e.position().map_or_else(|| self.reader.position().line(), csv::Position::line);
                let message = match e.kind() {
                    csv::ErrorKind::Io(io) if io.kind() == std::io::ErrorKind::InvalidData => {
                        format!("is longer than {READ_LIMIT} bytes (at most {MAX_RECORD_BYTES}); reading stops here")
                    }
                    _ => format!("cannot be read: {e}; reading stops here"),
                };
                Some(Err(RecordError { line, field: "record", message }))
            }
        }
    }

    /// Finish the run: write the last case and return the totals.
    pub fn finish(self, out: &mut String) -> WorkloadTotals {
        self.work.finish(out)
    }
}

/// Run a whole in-memory input; returns output text, errors and totals.
pub fn run(input: &str) -> (String, Vec<RecordError>, WorkloadTotals) {
    run_bytes(input.as_bytes())
}

/// [`run`] on bytes (as a file is read): a record that is not UTF-8 is a bad record, the others are
/// computed.
pub fn run_bytes(input: &[u8]) -> (String, Vec<RecordError>, WorkloadTotals) {
    let mut r = WorkloadReader::new(input);
    let mut out = String::with_capacity(input.len() + input.len() / 4);
    let mut errors = Vec::new();
    while let Some(result) = r.step(&mut out) {
        errors.extend(result.err());
    }
    let totals = r.finish(&mut out);
    (out, errors, totals)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_eligibility() {
        let input = format!(
            "{INPUT_HEADER}\nc1,s1,100.00,1,1,1,0\nc1,s2,0.05,1,1,1,0\nc2,s1,10.00,0,5,0,0\nc2,s2,20.00,0,1,0,0\n"
        );
        let (out, errors, totals) = run(&input);
        assert!(errors.is_empty());
        assert_eq!(
            out,
            "c1,s1,100.00,33.34,33.33,33.33,0.00,yes\nc1,s2,0.05,0.02,0.02,0.01,0.00,yes\nc2,s1,10.00,10.00,0.00,0.00,0.00,no\nc2,s2,20.00,20.00,0.00,0.00,0.00,no\n"
        );
        assert_eq!(totals.departments, [6336, 3335, 3334, 0]);
        assert_eq!(totals.not_eligible, 1);
    }

    #[test]
    fn bytes_that_are_not_utf8_are_a_bad_record_and_the_rest_is_computed() {
        let input = b"c1,s1,100.00,1,1,0,0\nc1,s\xff,5.00,1,1,0,0\r\nc1,s3,5.00,1,0,0,0\n";
        let (out, errors, totals) = run_bytes(input);
        assert_eq!(errors.len(), 1);
        assert_eq!((errors[0].line, errors[0].field), (2, "record"));
        assert_eq!(out, "c1,s1,100.00,50.00,50.00,0.00,0.00,yes\nc1,s3,5.00,5.00,0.00,0.00,0.00,yes\n");
        assert_eq!((totals.lines, totals.bad_records), (2, 1));
        assert_eq!(run_bytes(b"").1.len(), 0);
        assert_eq!(run_bytes(b"c1,s1,1.00,1,0,0,0").2.lines, 1);
    }

    #[test]
    fn crlf_and_empty_lines_keep_line_numbers_and_an_endless_record_stops_the_run() {
        let (_, errors, totals) =
            run("c1,s1,1.00,1,0,0,0\r\nc1,s2,x,1,0,0,0\r\n\r\n\nc1,s3,1.00,1,0,0,0\r\nc1,s4,y,1,0,0,0\n");
        let lines: Vec<u64> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [2, 6]);
        assert_eq!(totals.lines, 2);
        let endless = std::io::Read::chain(&b"c1,s1,1.00,1,0,0,0\n"[..], std::io::repeat(b'x'));
        let mut r = WorkloadReader::new(endless);
        let mut out = String::new();
        let mut errors = Vec::new();
        while let Some(result) = r.step(&mut out) {
            errors.extend(result.err());
        }
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].line, 2);
        assert!(errors[0].message.contains("reading stops here"), "{}", errors[0]);
        assert_eq!(r.finish(&mut out).lines, 1);
    }

    #[test]
    fn text_fields_are_escaped_in_the_output() {
        let (out, _, _) = run("=cmd,@svc,1.00,1,0,0,0\n+1,-2,1.00,1,0,0,0\n");
        assert_eq!(out, "'=cmd,'@svc,1.00,1.00,0.00,0.00,0.00,no\n'+1,'-2,1.00,1.00,0.00,0.00,0.00,no\n");
    }

    #[test]
    fn ore_text_in_64_and_128_bits() {
        assert_eq!(ore_text(0), "0.00");
        assert_eq!(ore_text(-5), "-0.05");
        assert_eq!(ore_text(123_456), "1234.56");
        assert_eq!(ore_text(i128::from(u64::MAX)), "184467440737095516.15");
        assert_eq!(ore_text(i128::from(u64::MAX) + 1), "184467440737095516.16");
        assert_eq!(ore_text(10i128.pow(23) + 7), "1000000000000000000000.07");
        assert_eq!(ore_text(-i128::MAX), "-1701411834604692317316873037158841057.27");
    }

    #[test]
    fn bad_records_are_reported_and_skipped() {
        let input = "c1,s1,100.00,1,1,0,0\nc1,s2,1.005,1,1,0,0\nc1,s3,abc,1,1,0,0\nc1,s4,5.00,1,1\nc1,s5,5.00,-1,1,0,0\nc1,s6,5.00,0,0,0,0\nc1,s7,-5.00,1,1,0,0\n";
        let (out, errors, totals) = run(input);
        let lines: Vec<u64> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [2, 3, 4, 5, 6]);
        assert_eq!(errors[2].field, "dept_c_weight");
        assert_eq!(out, "c1,s1,100.00,50.00,50.00,0.00,0.00,yes\nc1,s7,-5.00,-2.50,-2.50,0.00,0.00,yes\n");
        assert_eq!(totals.bad_records, 5);
    }
}
