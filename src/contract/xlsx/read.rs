//! Reading a workbook (.xlsx, .xls, .ods) into the JSON documents of a policy and a case.
//!
//! What is guarded before and while calamine reads: the file's size ([`MAX_WORKBOOK_BYTES`]); for a
//! zipped workbook (.xlsx, .ods) the number of parts ([`MAX_PARTS`]) and every part's size once
//! inflated ([`MAX_PART_BYTES`], and [`MAX_TOTAL_BYTES`] for all of them), measured by inflating
//! each part up to the limit, whatever sizes the zip directory claims; an .xlsx sheet is read cell by
//! cell, at most [`MAX_CELLS`] cells, into a sparse table (calamine's dense ranges are used only for
//! .xls and .ods, whose own reader caps them).

use std::collections::BTreeMap;
use std::io::{Cursor, Read};

use calamine::{Data, Reader, Sheets};
use serde_json::{Map, Value};

use super::{columns, norm, Origin, Workbook, WorkbookError};
use super::{WorkbookLimit, MAX_CELLS, MAX_PARTS, MAX_PART_BYTES, MAX_TOTAL_BYTES, MAX_WORKBOOK_BYTES};
use crate::i18n::{Lang, Message};

pub(crate) use super::raw::{RawCell, RawSheet};

/// Read a workbook into the documents it holds: the policy if it has a sheet `departments`, the case
/// if it has a sheet `case`. Every problem found is returned, each naming its sheet and cell.
pub fn read_workbook(bytes: &[u8]) -> Result<Workbook, Vec<WorkbookError>> {
    let mut sheets = load(bytes).map_err(|e| vec![e])?;
    let mut named = Vec::new();
    super::names::names_to_ids(&mut sheets, &mut named);
    let mut ctx = Ctx { sheets: &sheets, errors: named };
    let mut wb = Workbook::default();
    if ctx.find("departments").is_some() {
        let (doc, origins) = policy(&mut ctx);
        wb.policy = Some(doc);
        wb.policy_origins = origins;
    }
    if ctx.find("case").is_some() {
        let (doc, origins) = case(&mut ctx);
        wb.case = Some(doc);
        wb.case_origins = origins;
    }
    if ctx.errors.is_empty() {
        Ok(wb)
    } else {
        Err(ctx.errors)
    }
}

/// Read a workbook of many cases (a portfolio): the case layout, with one row per case on the sheet
/// `case` (its `id` names the case) and a column `case` (Danish `sag`) on every other case sheet
/// naming the case of each row (with one case on the sheet `case`, a sheet without the column is
/// all that case's: a one-case workbook reads as its case). Each case is read as the case of a
/// one-case workbook is, from its own rows, so every problem names the sheet and cell as written.
/// The cases come in the order of the sheet `case`.
pub fn read_cases(bytes: &[u8]) -> Result<Vec<Value>, Vec<WorkbookError>> {
    read_workbook_cases(bytes).map(|cases| cases.into_iter().map(|c| c.doc).collect())
}

/// [`read_cases`], with each case's id, its row on the sheet `case` and the place of each of its
/// items, so that an error of a case names the sheet, row and column it came from
/// ([`super::place_case_errors`]).
pub fn read_workbook_cases(bytes: &[u8]) -> Result<Vec<super::WorkbookCase>, Vec<WorkbookError>> {
    let mut sheets = load(bytes).map_err(|e| vec![e])?;
    let mut errors = Vec::new();
    super::names::names_to_ids(&mut sheets, &mut errors);
    let Some(head) = sheets.iter().find(|s| super::layout::is_sheet(&s.name, "case")) else {
        return Err(vec![WorkbookError::new("case", Message::SheetMissing)]);
    };
    let id_col = header(head).and_then(|(_, h)| {
        h.iter().find(|(_, c)| super::layout::column_of(&c.text, columns("case")) == Some("id")).map(|(k, _)| *k)
    });
    let ids = case_ids(head, id_col, &mut errors);
    let others: Vec<(&RawSheet, Option<u32>)> = sheets
        .iter()
        .filter(|s| super::CASE_SHEETS.iter().skip(1).any(|(n, _)| super::layout::is_sheet(&s.name, n)))
        .map(|s| (s, case_column(s)))
        .collect();
    // One case: its sheets need no case column (a one-case workbook reads as itself).
    let whole = ids.len() == 1;
    for (s, col) in &others {
        if !(whole && col.is_none()) {
            check_case_column(s, *col, &ids, &head.name, &mut errors);
        }
    }
    let mut cases = Vec::with_capacity(ids.len());
    for (row, id) in &ids {
        let mut mine = vec![rows_of(head, None, |r, _| r == *row)];
        for (s, col) in &others {
            match *col {
                Some(col) => mine.push(rows_of(s, Some(col), |_, c| c.get(&col).is_some_and(|c| c.text.trim() == id))),
                None if whole => mine.push(rows_of(s, None, |_, _| true)),
                None => {}
            }
        }
        let mut ctx = Ctx { sheets: &mine, errors: Vec::new() };
        let (doc, origins) = case(&mut ctx);
        errors.extend(ctx.errors);
        let columns = header(head)
            .map(|(_, h)| h.iter().filter_map(|(k, c)| Some((super::layout::column_of(&c.text, columns("case"))?, *k))))
            .into_iter()
            .flatten()
            .collect();
        let place = Origin { sheet: head.name.clone(), row: row + 1, columns };
        cases.push(super::WorkbookCase { doc, id: id.clone(), row: place, origins });
    }
    if errors.is_empty() {
        Ok(cases)
    } else {
        Err(errors)
    }
}

/// A sheet's header: its first non-empty row.
fn header(s: &RawSheet) -> Option<(u32, &BTreeMap<u32, RawCell>)> {
    s.header()
}

/// The rows under a sheet's header (non-empty ones).
fn body(s: &RawSheet) -> impl Iterator<Item = (u32, &BTreeMap<u32, RawCell>)> {
    let first = header(s).map(|(k, _)| k);
    s.rows
        .iter()
        .filter(move |(k, r)| Some(**k) != first && r.values().any(|c| !c.text.trim().is_empty()))
        .map(|(k, v)| (*k, v))
}

/// The column naming each row's case, in either language.
fn case_column(s: &RawSheet) -> Option<u32> {
    let names = [Lang::En, Lang::Da].map(|l| norm(&super::layout::column_label("case", l)));
    header(s).and_then(|(_, h)| h.iter().find(|(_, c)| names.contains(&norm(&c.text))).map(|(k, _)| *k))
}

/// The case ids of the sheet `case`, each with its row: every row needs one, and once.
fn case_ids(head: &RawSheet, id_col: Option<u32>, errors: &mut Vec<WorkbookError>) -> Vec<(u32, String)> {
    let mut ids: Vec<(u32, String)> = Vec::new();
    for (row, cells) in body(head) {
        let col = id_col.unwrap_or(0);
        let place = format!("{}!{}", head.name, super::cell_name(row, col));
        match cells.get(&col).map(|c| c.text.trim().to_string()).filter(|t| !t.is_empty()) {
            None => errors.push(WorkbookError::new(place, Message::CasesRowNoCase { column: "id".into() })),
            Some(id) if ids.iter().any(|(_, i)| *i == id) => {
                errors.push(WorkbookError::new(place, Message::CasesTwice { case: id }))
            }
            Some(id) => ids.push((row, id)),
        }
    }
    ids
}

/// Every row of a case sheet names a case of the sheet `case`; a sheet with rows needs the column.
fn check_case_column(
    s: &RawSheet,
    col: Option<u32>,
    ids: &[(u32, String)],
    head: &str,
    errors: &mut Vec<WorkbookError>,
) {
    let layout = strip(s);
    let danish =
        norm(&s.name) != norm(&layout) && norm(&s.name) == norm(&super::layout::sheet_label(&layout, Lang::Da));
    let column = super::layout::column_label("case", if danish { Lang::Da } else { Lang::En });
    let Some(col) = col else {
        if body(s).next().is_some() {
            let row = header(s).map_or(0, |(k, _)| k);
            let place = format!("{}!{}", s.name, super::cell_name(row, 0));
            errors.push(WorkbookError::new(place, Message::CasesNeedColumn { column }));
        }
        return;
    };
    for (row, cells) in body(s) {
        let place = format!("{}!{}", s.name, super::cell_name(row, col));
        match cells.get(&col).map(|c| c.text.trim().to_string()).filter(|t| !t.is_empty()) {
            None => errors.push(WorkbookError::new(place, Message::CasesRowNoCase { column: column.clone() })),
            Some(id) if !ids.iter().any(|(_, i)| *i == id) => {
                errors.push(WorkbookError::new(place, Message::CasesUnknownCase { case: id, sheet: head.to_string() }))
            }
            Some(_) => {}
        }
    }
}

/// The layout name of a case sheet (`case services`), whatever language it is written in.
fn strip(s: &RawSheet) -> String {
    super::CASE_SHEETS
        .iter()
        .map(|(n, _)| *n)
        .find(|n| super::layout::is_sheet(&s.name, n))
        .unwrap_or("case")
        .to_string()
}

/// A copy of a sheet with its header and the rows `keep` takes, without the column `drop` (the case
/// column); the rows keep their numbers, so problems name the cells as written.
fn rows_of(s: &RawSheet, drop: Option<u32>, keep: impl Fn(u32, &BTreeMap<u32, RawCell>) -> bool) -> RawSheet {
    let first = header(s).map(|(k, _)| k);
    let rows = s
        .rows
        .iter()
        .filter(|(k, r)| Some(**k) == first || keep(**k, r))
        .map(|(k, r)| (*k, r.iter().filter(|(c, _)| Some(**c) != drop).map(|(c, v)| (*c, v.clone())).collect()))
        .collect();
    RawSheet { name: s.name.clone(), rows }
}

/// Every sheet's cells as JSON, for tools and tests: `[{"name", "cells": [{"ref", "text",
/// "number"?, "formula"?}]}]`.
pub fn read_cells(bytes: &[u8]) -> Result<Value, WorkbookError> {
    let sheets = load(bytes)?;
    let list = sheets.iter().map(|s| {
        let cells = s.rows.iter().flat_map(|(r, row)| {
            row.iter().map(|(c, cell)| {
                let mut m = Map::new();
                m.insert("ref".into(), super::cell_name(*r, *c).into());
                m.insert("text".into(), cell.text.clone().into());
                if let Some(n) = cell.number {
                    m.insert("number".into(), Value::from(n));
                }
                if let Some(f) = &cell.formula {
                    m.insert("formula".into(), f.clone().into());
                }
                Value::Object(m)
            })
        });
        serde_json::json!({ "name": s.name, "cells": cells.collect::<Vec<_>>() })
    });
    Ok(Value::Array(list.collect()))
}

// ---- the file -------------------------------------------------------------------------------------

fn load(bytes: &[u8]) -> Result<Vec<RawSheet>, WorkbookError> {
    if bytes.len() > MAX_WORKBOOK_BYTES {
        let mb = MAX_WORKBOOK_BYTES / 1024 / 1024;
        return Err(WorkbookError::limit(
            "",
            Message::WorkbookTooLarge { mb: mb.to_string() },
            WorkbookLimit::FileBytes,
        ));
    }
    if bytes.starts_with(b"PK") {
        check_zip(bytes)?;
    }
    let not_a_workbook = || WorkbookError::new("", Message::NotAWorkbook);
    let mut wb = calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|_| not_a_workbook())?;
    let names = wb.sheet_names();
    let mut sheets = Vec::with_capacity(names.len());
    for name in names {
        let rows = match &mut wb {
            Sheets::Xlsx(x) => xlsx_cells(x, &name)?,
            other => {
                let range = other
                    .worksheet_range(&name)
                    .map_err(|e| WorkbookError::new(name.as_str(), Message::Other { detail: e.to_string() }))?;
                let (r0, c0) = range.start().unwrap_or((0, 0));
                let mut rows: BTreeMap<u32, BTreeMap<u32, RawCell>> = BTreeMap::new();
                for (r, c, v) in range.used_cells() {
                    if let Some(cell) = raw_cell(v) {
                        rows.entry(r0 + r as u32).or_default().insert(c0 + c as u32, cell);
                    }
                }
                rows
            }
        };
        sheets.push(RawSheet { name, rows });
    }
    Ok(sheets)
}

/// Refuses a zip whose parts are too many or inflate beyond the limits (a zip bomb), measuring the
/// inflated bytes themselves rather than trusting the sizes the zip declares.
fn check_zip(bytes: &[u8]) -> Result<(), WorkbookError> {
    let not_a_workbook = |_| WorkbookError::new("", Message::WorkbookDamagedZip);
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(not_a_workbook)?;
    if zip.len() > MAX_PARTS {
        let too_many = Message::WorkbookTooManyParts { max: MAX_PARTS.to_string() };
        return Err(WorkbookError::limit("", too_many, WorkbookLimit::Parts));
    }
    // The sizes the zip's directory declares, all parts together: a zip that owns up to being too
    // large is refused before any part is inflated (the parts are measured below all the same).
    let declared_too_large = zip.decompressed_size().is_some_and(|n| n > u128::from(MAX_TOTAL_BYTES));
    if declared_too_large {
        return Err(WorkbookError::limit("", Message::WorkbookUnpackedTooLarge, WorkbookLimit::UnpackedBytes));
    }
    let mut total = 0u64;
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).map_err(not_a_workbook)?;
        let name = part.name().map(|n| n.to_string()).unwrap_or_default();
        let too_large =
            || WorkbookError::limit(name.as_str(), Message::WorkbookPartTooLarge, WorkbookLimit::UnpackedBytes);
        // The zip reader stops at the size the directory declares and checks the part's CRC there:
        // a part that inflates to more than it declares fails that check.
        let size = std::io::copy(&mut (&mut part).take(MAX_PART_BYTES + 1), &mut std::io::sink())
            .map_err(|_| WorkbookError::new(name.as_str(), Message::WorkbookPartDamaged))?;
        total += size;
        if size > MAX_PART_BYTES || total > MAX_TOTAL_BYTES {
            return Err(too_large());
        }
    }
    Ok(())
}

fn xlsx_cells(
    x: &mut calamine::Xlsx<Cursor<&[u8]>>,
    name: &str,
) -> Result<BTreeMap<u32, BTreeMap<u32, RawCell>>, WorkbookError> {
    let bad = |e: calamine::XlsxError| WorkbookError::new(name, Message::Other { detail: e.to_string() });
    let mut reader = x.worksheet_cells_reader(name).map_err(bad)?;
    let mut rows: BTreeMap<u32, BTreeMap<u32, RawCell>> = BTreeMap::new();
    let mut count = 0usize;
    while let Some(c) = reader.next_cell_with_formula().map_err(bad)? {
        count += 1;
        if count > MAX_CELLS {
            let too_many = Message::WorkbookTooManyCells { max: MAX_CELLS.to_string() };
            return Err(WorkbookError::limit(name, too_many, WorkbookLimit::Cells));
        }
        let value: Data = c.value.into();
        let cell = match (raw_cell(&value), c.formula) {
            (Some(cell), f) => RawCell { formula: f, ..cell },
            (None, Some(f)) => RawCell { formula: Some(f), ..RawCell::default() },
            (None, None) => continue,
        };
        rows.entry(c.pos.0).or_default().insert(c.pos.1, cell);
    }
    Ok(rows)
}

/// A cell's value as the reader sees it; `None` for an empty cell.
fn raw_cell(v: &Data) -> Option<RawCell> {
    let number = |n: f64, text: String| RawCell { text, number: Some(n), ..RawCell::default() };
    Some(match v {
        Data::Empty => return None,
        Data::String(s) | Data::DurationIso(s) => RawCell { text: s.clone(), ..RawCell::default() },
        Data::DateTimeIso(s) => RawCell { text: s.clone(), date: iso_date(s), ..RawCell::default() },
        Data::Int(i) => number(*i as f64, i.to_string()),
        Data::Float(f) => number(*f, shortest(*f)),
        Data::Bool(b) => {
            RawCell { text: if *b { "TRUE" } else { "FALSE" }.into(), boolean: Some(*b), ..RawCell::default() }
        }
        Data::DateTime(d) => RawCell { date: Some(ymd(d)), ..number(d.as_f64(), shortest(d.as_f64())) },
        Data::Error(e) => RawCell { text: e.to_string(), ..RawCell::default() },
    })
}

/// The shortest decimal text that reads back as `f` (no exponent).
fn shortest(f: f64) -> String {
    format!("{f}")
}

fn ymd(d: &calamine::ExcelDateTime) -> String {
    let (y, m, day, ..) = d.to_ymd_hms_milli();
    format!("{y:04}-{m:02}-{day:02}")
}

/// The date of an ISO date or date-time text (`2024-01-31`, `2024-01-31T00:00:00`), as .ods stores
/// date cells.
fn iso_date(s: &str) -> Option<String> {
    let d = s.get(..10)?;
    let b = d.as_bytes();
    let digits = b.iter().enumerate().all(|(i, c)| if i == 4 || i == 7 { *c == b'-' } else { c.is_ascii_digit() });
    let ok = digits && (s.len() == 10 || s[10..].starts_with('T'));
    ok.then(|| d.to_string())
}

// ---- spreadsheet conventions ----------------------------------------------------------------------

/// An amount as the contract writes it: `3.400,50`, `3,400.50`, `3400,5 kr.` -> `3400.50` etc.
pub(crate) fn normalize_amount(text: &str) -> String {
    let mut s: String = text.split_whitespace().collect();
    for unit in ["kr.", "kr", "dkk"] {
        while let Some(at) = s.to_lowercase().find(unit) {
            s.replace_range(at..at + unit.len(), "");
        }
    }
    match (s.rfind(','), s.rfind('.')) {
        (Some(c), Some(d)) if c > d => s.replace('.', "").replacen(',', ".", 1),
        (Some(_), Some(_)) => s.replace(',', ""),
        (Some(_), None) => s.replacen(',', ".", 1),
        (None, Some(_)) if thousands_dots(&s) => s.replace('.', ""),
        _ => s,
    }
}

/// `1.234` or `-12.345.678`: dots between groups of three digits.
fn thousands_dots(s: &str) -> bool {
    let mut groups = s.strip_prefix('-').unwrap_or(s).split('.');
    let first = groups.next().unwrap_or("");
    let digits = |g: &str| g.bytes().all(|b| b.is_ascii_digit());
    (1..=3).contains(&first.len()) && digits(first) && groups.all(|g| g.len() == 3 && digits(g))
}

/// A date as the contract writes it: `31-01-2024` or `31.1.2024` -> `2024-01-31`; others unchanged.
pub(crate) fn normalize_date(text: &str) -> String {
    let s = text.trim();
    if let Some(d) = iso_date(s) {
        return d;
    }
    let parts: Vec<&str> = s.split(['-', '.', '/']).collect();
    let digits =
        |p: &str, n: std::ops::RangeInclusive<usize>| n.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        [d, m, y] if digits(d, 1..=2) && digits(m, 1..=2) && digits(y, 4..=4) => format!("{y}-{m:0>2}-{d:0>2}"),
        _ => s.to_string(),
    }
}

/// `måned`, `år`, `engang` (Danish or English; empty is a month) as month/year/once.
pub(crate) fn normalize_per(text: &str) -> String {
    let s = norm(text);
    match s.as_str() {
        "år" | "aar" | "year" | "yearly" | "årlig" => "year".into(),
        "engang" | "once" | "engangsbeløb" | "one off" => "once".into(),
        "" | "måned" | "md" | "md." | "month" | "monthly" | "månedlig" => "month".into(),
        "døgn" | "dag" | "day" | "daily" | "pr. døgn" => "day".into(),
        "uge" | "week" | "weekly" | "ugentlig" => "week".into(),
        "time" | "timer" | "hour" | "hours" => "hour".into(),
        "enhed" | "stk" | "stk." | "unit" | "units" => "unit".into(),
        _ => s,
    }
}

/// A number cell's value as decimal text to Excel's 15 significant digits (`0.1 + 0.2` is `0.3`).
fn decimal_of_number(f: f64) -> String {
    match rust_decimal::Decimal::from_scientific(&format!("{f:.14e}")) {
        Ok(d) => d.normalize().to_string(),
        Err(_) => shortest(f),
    }
}

const SECTORS: [&str; 6] = ["children_social", "daycare_school", "health", "employment", "adult", "housing"];

/// Key kinds, as the reader takes them.
const KINDS: [&str; 4] = ["sole", "percent", "weights", "equal"];

/// A sector area or a key kind as its code, written as the code or as its words in either language
/// (`børne- og familieområdet` -> `children_social`, `procent` -> `percent`); other text unchanged.
pub(crate) fn normalize_code(text: &str) -> String {
    let n = norm(text);
    let words = |code: &str, lang| crate::i18n::lookup(lang, &format!("xlsx-value-{}", code.replace('_', "-")), &[]);
    let is = |code: &&&str| {
        n == norm(code) || [Lang::Da, Lang::En].into_iter().any(|l| words(code, l).is_some_and(|w| norm(&w) == n))
    };
    match SECTORS.iter().chain(&KINDS).find(is) {
        Some(code) => code.to_string(),
        None => text.trim().to_string(),
    }
}

/// A department or a sector area, by name.
fn target(name: &str) -> Value {
    let code = normalize_code(name);
    let (key, name) = if SECTORS.contains(&code.as_str()) { ("sector", code.as_str()) } else { ("department", name) };
    let mut m = Map::new();
    m.insert(key.into(), name.into());
    Value::Object(m)
}

/// `a=60; b=40` (or `a; b` for equal keys) as the shares of a key or agreement of the given kind: a
/// department or sector area each, values as weights for `weights`, else as percentages (the core
/// refuses values a kind does not take, rather than dropping them).
pub(crate) fn shares_of(text: &str, kind: Option<&str>) -> Value {
    let shares = text.split(';').map(str::trim).filter(|p| !p.is_empty()).map(|p| {
        let mut it = p.split('=').map(str::trim);
        let mut share = target(it.next().unwrap_or(""));
        if let (Some(v), Value::Object(m)) = (it.next().filter(|v| !v.is_empty()), &mut share) {
            let key = if kind == Some("weights") { "weight" } else { "percent" };
            m.insert(key.into(), normalize_amount(v).into());
        }
        share
    });
    Value::Array(shares.collect())
}

// ---- tables -----------------------------------------------------------------------------------------

struct Ctx<'a> {
    sheets: &'a [RawSheet],
    errors: Vec<WorkbookError>,
}

/// A non-empty cell of a record, with its place.
#[derive(Clone, Copy)]
struct Field<'a> {
    cell: &'a RawCell,
    sheet: &'a str,
    row: u32,
    col: u32,
}

/// A row of a table: its row number (zero-based) and its cells by column name.
struct Record<'a> {
    row: u32,
    cells: BTreeMap<&'static str, Field<'a>>,
}

struct Table<'a> {
    name: &'a str,
    records: Vec<Record<'a>>,
}

impl<'a> Ctx<'a> {
    fn find(&self, name: &str) -> Option<&'a RawSheet> {
        self.sheets.iter().find(|s| super::layout::is_sheet(&s.name, name))
    }

    /// The table of sheet `name`: the first non-empty row names the columns (known ones only); the
    /// rest are records. `None` if the sheet is missing (an error if it is required).
    fn table(&mut self, name: &'static str, required: bool) -> Option<Table<'a>> {
        let Some(sheet) = self.find(name) else {
            if required {
                self.errors.push(WorkbookError::new(name, Message::SheetMissing));
            }
            return None;
        };
        let known = columns(name);
        let mut rows = sheet.rows.iter().filter(|(_, r)| r.values().any(|c| !c.text.trim().is_empty()));
        let mut table = Table { name: &sheet.name, records: Vec::new() };
        let Some((&header_row, header)) = rows.next() else { return Some(table) };
        let mut header_of: BTreeMap<u32, &'static str> = BTreeMap::new();
        for (&col, cell) in header {
            let h = norm(&cell.text).replace(' ', "_");
            match super::layout::column_of(&cell.text, known) {
                Some(k) => {
                    header_of.insert(col, k);
                }
                None if h.is_empty() => {}
                None => self.errors.push(WorkbookError::new(
                    format!("{}!{}", sheet.name, super::cell_name(header_row, col)),
                    Message::UnknownColumn { column: h.to_string(), expected: expected_columns(&sheet.name, name) },
                )),
            }
        }
        for (&row, cells) in rows {
            let mut record = Record { row, cells: BTreeMap::new() };
            for (col, cell) in cells {
                if let (Some(h), false) = (header_of.get(col), cell.text.trim().is_empty()) {
                    record.cells.insert(h, Field { cell, sheet: &sheet.name, row, col: *col });
                }
            }
            table.records.push(record);
        }
        Some(table)
    }

    fn error(&mut self, f: Field<'_>, message: Message) {
        let place = format!("{}!{}", f.sheet, super::cell_name(f.row, f.col));
        self.errors.push(WorkbookError::new(place, message));
    }

    fn boolean(&mut self, r: &Record<'_>, col: &str) -> Option<bool> {
        let f = *r.cells.get(col)?;
        if let Some(b) = f.cell.boolean {
            return Some(b);
        }
        match norm(&f.cell.text).as_str() {
            "true" | "ja" | "yes" | "1" | "sand" | "x" => Some(true),
            "false" | "nej" | "no" | "0" | "falsk" => Some(false),
            _ => {
                self.error(f, Message::NotYesNo { text: f.cell.text.clone() });
                None
            }
        }
    }

    fn integer(&mut self, r: &Record<'_>, col: &str) -> Option<Value> {
        let f = *r.cells.get(col)?;
        let whole = decimal(f).parse::<rust_decimal::Decimal>().ok().filter(|d| d.fract().is_zero());
        match whole.and_then(|d| i64::try_from(d).ok()) {
            Some(i) => Some(i.into()),
            None => {
                self.error(f, Message::NotAWholeNumber { text: f.cell.text.clone() });
                None
            }
        }
    }
}

/// The columns a sheet may have, named as the sheet is: in English for a sheet with its English
/// name, else in Danish (a Danish template's sheet).
fn expected_columns(written: &str, sheet: &str) -> String {
    let known = columns(sheet);
    if norm(written) == norm(sheet) {
        return known.join(", ");
    }
    let labels = known.iter().map(|k| super::layout::column_label(k, crate::i18n::Lang::Da));
    labels.collect::<Vec<_>>().join(", ")
}

/// A decimal as text: numeric cells to 15 significant digits, text with Danish or English separators.
fn decimal(f: Field<'_>) -> String {
    match f.cell.number {
        Some(n) => decimal_of_number(n),
        None => normalize_amount(&f.cell.text),
    }
}

impl Record<'_> {
    fn text(&self, col: &str) -> Option<String> {
        self.cells.get(col).map(|f| f.cell.text.trim().to_string())
    }

    fn date(&self, col: &str) -> Option<String> {
        let f = self.cells.get(col)?;
        if let Some(d) = &f.cell.date {
            return Some(d.clone());
        }
        match f.cell.number {
            Some(n) => Some(ymd(&calamine::ExcelDateTime::new(n, calamine::ExcelDateTimeType::DateTime, false))),
            None => Some(normalize_date(&f.cell.text)),
        }
    }

    /// An amount: a number cell with at least two decimals (øre), as a controller writes it.
    fn money(&self, col: &str) -> Option<String> {
        let f = *self.cells.get(col)?;
        let s = decimal(f);
        let numeric = s.strip_prefix('-').unwrap_or(&s).split('.').all(|p| p.bytes().all(|b| b.is_ascii_digit()));
        if f.cell.number.is_none() || !numeric {
            return Some(s);
        }
        let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
        Some(format!("{int}.{frac:0<2}"))
    }

    /// A decimal (a quantity, an index value) as text.
    fn number_text(&self, col: &str) -> Option<String> {
        self.cells.get(col).map(|f| decimal(*f))
    }

    fn list(&self, col: &str) -> Option<Value> {
        let text = self.text(col)?;
        let items = text.split([';', ',']).map(str::trim).filter(|s| !s.is_empty());
        Some(Value::Array(items.map(Value::from).collect()))
    }

    /// A sector area or key kind, in words or as its code.
    fn code(&self, col: &str) -> Option<String> {
        self.text(col).map(|t| normalize_code(&t))
    }

    /// A list of sector areas, in words or as codes.
    fn codes(&self, col: &str) -> Option<Value> {
        let text = self.text(col)?;
        let items = text.split([';', ',']).map(str::trim).filter(|s| !s.is_empty());
        Some(Value::Array(items.map(|s| Value::from(normalize_code(s))).collect()))
    }

    fn has(&self, col: &str) -> bool {
        self.cells.contains_key(col)
    }
}

/// Sets `key` unless the value is absent or empty text.
fn set(m: &mut Map<String, Value>, key: &str, v: Option<impl Into<Value>>) {
    let v: Option<Value> = v.map(Into::into);
    if let Some(v) = v.filter(|v| v.as_str() != Some("")) {
        m.insert(key.into(), v);
    }
}

fn origin(t: &Table<'_>, r: &Record<'_>) -> Origin {
    let columns = r.cells.iter().map(|(name, f)| (*name, f.col)).collect();
    Origin { sheet: t.name.to_string(), row: r.row + 1, columns }
}

// ---- the policy -------------------------------------------------------------------------------------

type Origins = BTreeMap<String, Origin>;

fn policy(ctx: &mut Ctx<'_>) -> (Value, Origins) {
    let mut doc = Map::new();
    let mut origins = Origins::new();
    if let Some(t) = ctx.table("policy", true) {
        match t.records.first() {
            Some(head) if head.has("name") => {
                set(&mut doc, "name", head.text("name"));
                set(&mut doc, "version", head.text("version"));
            }
            _ => ctx.errors.push(WorkbookError::new(t.name, Message::NeedPolicyRow)),
        }
    }
    let mut items = |ctx: &mut Ctx<'_>,
                     name: &'static str,
                     required,
                     make: &dyn Fn(&mut Ctx<'_>, &Record<'_>) -> Map<String, Value>| {
        if let Some(t) = ctx.table(name, required) {
            let list = t.records.iter().enumerate().map(|(i, r)| {
                origins.insert(format!("{name}[{i}]"), origin(&t, r));
                Value::Object(make(ctx, r))
            });
            let list: Vec<Value> = list.collect();
            doc.insert(name.into(), Value::Array(list));
        }
    };
    items(ctx, "municipalities", true, &|ctx, r| {
        let mut m = Map::new();
        set(&mut m, "id", r.text("id"));
        set(&mut m, "name", r.text("name"));
        set(&mut m, "code", ctx.integer(r, "code"));
        m
    });
    items(ctx, "departments", true, &|_, r| {
        let mut m = Map::new();
        set(&mut m, "id", r.text("id"));
        set(&mut m, "name", r.text("name"));
        set(&mut m, "municipality", r.text("municipality"));
        m.insert("sectors".into(), r.codes("sectors").unwrap_or_else(|| Value::Array(vec![])));
        m
    });
    items(ctx, "eligibility", false, &eligibility);
    items(ctx, "arrangements", false, &|_, r| {
        let mut m = Map::new();
        set(&mut m, "id", r.text("id"));
        set(&mut m, "grantor", r.text("grantor"));
        set(&mut m, "on_behalf_of", r.text("on_behalf_of"));
        m.insert("sectors".into(), r.codes("sectors").unwrap_or_else(|| Value::Array(vec![])));
        set(&mut m, "from", r.date("from"));
        set(&mut m, "to", r.date("to"));
        set(&mut m, "basis", r.text("basis"));
        m
    });
    services(ctx, &mut doc, &mut origins);
    keys(ctx, &mut doc, &mut origins);
    reimbursement(ctx, &mut doc, &mut origins);
    indices(ctx, &mut doc, &mut origins);
    (Value::Object(doc), origins)
}

/// One row per year; rows that repeat the id (or have none) continue the index above.
fn indices(ctx: &mut Ctx<'_>, doc: &mut Map<String, Value>, origins: &mut Origins) {
    let Some(t) = ctx.table("indices", false) else { return };
    let mut list = Vec::new();
    for (i, (first, rest)) in grouped(&t).into_iter().enumerate() {
        origins.insert(format!("indices[{i}]"), origin(&t, first));
        let mut years = Vec::new();
        for r in std::iter::once(first).chain(rest) {
            let mut y = Map::new();
            set(&mut y, "year", ctx.integer(r, "year"));
            set(&mut y, "value", r.number_text("value"));
            set(&mut y, "confirmed", ctx.boolean(r, "confirmed"));
            set(&mut y, "note", r.text("note"));
            years.push(Value::Object(y));
        }
        let mut m = Map::new();
        set(&mut m, "id", first.text("id"));
        set(&mut m, "name", first.text("name"));
        m.insert("years".into(), Value::Array(years));
        list.push(Value::Object(m));
    }
    doc.insert("indices".into(), Value::Array(list));
}

fn eligibility(ctx: &mut Ctx<'_>, r: &Record<'_>) -> Map<String, Value> {
    let mut m = Map::new();
    set(&mut m, "from", r.date("from"));
    set(&mut m, "to", r.date("to"));
    set(&mut m, "min_sector_areas", ctx.integer(r, "min_sector_areas"));
    set(&mut m, "consent_required", ctx.boolean(r, "consent_required"));
    set(&mut m, "disability_required", ctx.boolean(r, "disability_required"));
    if r.has("age_min") || r.has("age_max") {
        let min = ctx.integer(r, "age_min").unwrap_or(0.into());
        let max = ctx.integer(r, "age_max").unwrap_or(255.into());
        m.insert("age".into(), serde_json::json!({ "min": min, "max": max }));
    }
    set(&mut m, "municipalities", r.list("municipalities"));
    m
}

/// Rows that repeat the id of the row above (or have none) continue the item above: `add` adds
/// their part (a legal basis, a key version) to it.
fn grouped<'t>(t: &'t Table<'_>) -> Vec<(&'t Record<'t>, Vec<&'t Record<'t>>)> {
    let mut groups: Vec<(&Record<'_>, Vec<&Record<'_>>)> = Vec::new();
    for r in &t.records {
        match groups.last_mut() {
            Some((first, rest)) if !r.has("id") || r.text("id") == first.text("id") => rest.push(r),
            _ => groups.push((r, Vec::new())),
        }
    }
    groups
}

fn services(ctx: &mut Ctx<'_>, doc: &mut Map<String, Value>, origins: &mut Origins) {
    let Some(t) = ctx.table("services", true) else { return };
    let mut list = Vec::new();
    for (i, (first, rest)) in grouped(&t).into_iter().enumerate() {
        origins.insert(format!("services[{i}]"), origin(&t, first));
        let mut m = Map::new();
        for key in ["id", "name", "function", "key"] {
            set(&mut m, key, first.text(key));
        }
        set(&mut m, "sector", first.code("sector"));
        set(&mut m, "kind", first.code("kind"));
        for key in ["authority", "payer"] {
            set(&mut m, key, first.text(key).map(|s| target(&s)));
        }
        let bases = std::iter::once(first).chain(rest).map(|r| {
            let mut b = Map::new();
            set(&mut b, "text", r.text("legal_basis"));
            set(&mut b, "from", r.date("legal_basis_from"));
            set(&mut b, "to", r.date("legal_basis_to"));
            Value::Object(b)
        });
        let bases: Vec<Value> = bases.filter(|b| b.as_object().is_some_and(|b| !b.is_empty())).collect();
        m.insert("legal_basis".into(), Value::Array(bases));
        list.push(Value::Object(m));
    }
    doc.insert("services".into(), Value::Array(list));
}

fn keys(ctx: &mut Ctx<'_>, doc: &mut Map<String, Value>, origins: &mut Origins) {
    let Some(t) = ctx.table("keys", false) else { return };
    let mut list = Vec::new();
    for (i, (first, rest)) in grouped(&t).into_iter().enumerate() {
        origins.insert(format!("keys[{i}]"), origin(&t, first));
        let versions = std::iter::once(first).chain(rest).map(|r| {
            let mut v = Map::new();
            set(&mut v, "from", r.date("from"));
            set(&mut v, "to", r.date("to"));
            let kind = r.code("kind");
            v.insert("shares".into(), shares_of(&r.text("shares").unwrap_or_default(), kind.as_deref()));
            set(&mut v, "kind", kind);
            Value::Object(v)
        });
        let mut m = Map::new();
        set(&mut m, "id", first.text("id"));
        set(&mut m, "name", first.text("name"));
        m.insert("versions".into(), Value::Array(versions.collect()));
        list.push(Value::Object(m));
    }
    doc.insert("keys".into(), Value::Array(list));
}

/// One scheme; each row is a level of thresholds (`860000=25; 1680000=50`).
fn reimbursement(ctx: &mut Ctx<'_>, doc: &mut Map<String, Value>, origins: &mut Origins) {
    let Some(t) = ctx.table("reimbursement", false) else { return };
    let Some(first) = t.records.first() else { return };
    origins.insert("reimbursement".into(), origin(&t, first));
    let mut m = Map::new();
    set(&mut m, "id", first.text("id"));
    set(&mut m, "name", first.text("name"));
    set(&mut m, "legal_basis", first.text("legal_basis"));
    m.insert("services".into(), first.list("services").unwrap_or_else(|| Value::Array(vec![])));
    set(&mut m, "recipient", first.text("recipient").map(|s| target(&s)));
    set(&mut m, "function", first.text("function"));
    let mut extra = Vec::new();
    for r in &t.records {
        let mut level = Map::new();
        set(&mut level, "legal_basis", r.text("level_legal_basis"));
        set(&mut level, "index", r.text("index"));
        set(&mut level, "base_year", ctx.integer(r, "base_year"));
        set(&mut level, "round_to", r.number_text("round_to"));
        set(&mut level, "confirmed", ctx.boolean(r, "confirmed"));
        set(&mut level, "note", r.text("note"));
        extra.push(level);
    }
    let levels = t.records.iter().zip(extra).map(|(r, mut level)| {
        set(&mut level, "from", r.date("from"));
        set(&mut level, "to", r.date("to"));
        let text = r.text("tiers").unwrap_or_default();
        let tiers = text.split(';').map(str::trim).filter(|x| !x.is_empty()).map(|x| {
            let (above, percent) = x.split_once('=').unwrap_or((x, ""));
            serde_json::json!({ "above": normalize_amount(above), "percent": normalize_amount(percent) })
        });
        level.insert("tiers".into(), Value::Array(tiers.collect()));
        Value::Object(level)
    });
    m.insert("levels".into(), Value::Array(levels.collect()));
    doc.insert("reimbursement".into(), Value::Object(m));
}

// ---- the case ---------------------------------------------------------------------------------------

fn case(ctx: &mut Ctx<'_>) -> (Value, Origins) {
    let mut doc = Map::new();
    let mut origins = Origins::new();
    if let Some(t) = ctx.table("case", true) {
        match t.records.first() {
            Some(head) => case_head(ctx, head, &mut doc),
            None => ctx.errors.push(WorkbookError::new(t.name, Message::NeedCaseRow)),
        }
    }
    let mut lines =
        |ctx: &mut Ctx<'_>, sheet: &'static str, field: &str, make: &dyn Fn(&Record<'_>) -> Map<String, Value>| {
            let Some(t) = ctx.table(sheet, sheet == "case services") else { return };
            let list = t.records.iter().enumerate().map(|(i, r)| {
                origins.insert(format!("{field}[{i}]"), origin(&t, r));
                Value::Object(make(r))
            });
            let list: Vec<Value> = list.collect();
            doc.insert(field.into(), Value::Array(list));
        };
    lines(ctx, "case services", "services", &|r| {
        let mut m = money_line(r);
        set(&mut m, "service", r.text("service"));
        set(&mut m, "quantity", r.number_text("quantity"));
        set(&mut m, "every", r.text("every").filter(|e| !e.is_empty()).map(|e| normalize_per(&e)));
        set(&mut m, "index", r.text("index"));
        // A year is a whole number; a text that is not one is reported by the case's own check.
        set(
            &mut m,
            "base_year",
            r.number_text("base_year").map(|y| y.parse::<i64>().map_or(Value::from(y), Value::from)),
        );
        m
    });
    lines(ctx, "case agreements", "agreements", &|r| {
        let mut m = Map::new();
        set(&mut m, "id", r.text("id"));
        set(&mut m, "service", r.text("service"));
        set(&mut m, "from", r.date("from"));
        set(&mut m, "to", r.date("to"));
        let kind = r.code("kind");
        m.insert("shares".into(), shares_of(&r.text("shares").unwrap_or_default(), kind.as_deref()));
        set(&mut m, "kind", kind);
        set(&mut m, "note", r.text("note"));
        // The coordination group by its name, any other text as a named role.
        let decided_by = r.text("decided_by").map(|t| {
            if norm(&t) == "coordination group" {
                Value::String("coordination_group".into())
            } else {
                serde_json::json!({ "role": t })
            }
        });
        if let Some(v) = decided_by {
            m.insert("decided_by".into(), v);
        }
        set(&mut m, "decided_on", r.date("decided_on"));
        set(&mut m, "journal", r.text("journal"));
        m
    });
    lines(ctx, "case income", "income", &money_line);
    lines(ctx, "case other cases", "other_cases", &|r| {
        let mut m = Map::new();
        for key in ["id", "department", "person"] {
            set(&mut m, key, r.text(key));
        }
        set(&mut m, "sector", r.code("sector"));
        set(&mut m, "from", r.date("from"));
        set(&mut m, "to", r.date("to"));
        m
    });
    lines(ctx, "case baseline", "baseline", &|r| {
        let mut m = Map::new();
        set(&mut m, "department", r.text("department"));
        set(&mut m, "amount", r.money("amount"));
        m
    });
    parents(ctx, &mut doc, &mut origins);
    consent(ctx, &mut doc, &mut origins);
    (Value::Object(doc), origins)
}

/// The household's parents and custody holders (custody: yes unless `no`).
fn parents(ctx: &mut Ctx<'_>, doc: &mut Map<String, Value>, origins: &mut Origins) {
    let Some(t) = ctx.table("case parents", false) else { return };
    let mut list = Vec::new();
    for (i, r) in t.records.iter().enumerate() {
        origins.insert(format!("parents[{i}]"), origin(&t, r));
        let mut m = Map::new();
        set(&mut m, "id", r.text("id"));
        set(&mut m, "custody", ctx.boolean(r, "custody"));
        list.push(Value::Object(m));
    }
    if !list.is_empty() {
        doc.insert("parents".into(), Value::Array(list));
    }
}

/// Consent periods beyond the case row's `consent_from`/`consent_to`: who gave each (`mor; far`)
/// and whom it covers (`child`/`barn` or `household`/`husstand`).
fn consent(ctx: &mut Ctx<'_>, doc: &mut Map<String, Value>, origins: &mut Origins) {
    let Some(t) = ctx.table("case consent", false) else { return };
    let Value::Array(list) = doc.entry("consent").or_insert_with(|| Value::Array(Vec::new())) else { return };
    for r in &t.records {
        origins.insert(format!("consent[{}]", list.len()), origin(&t, r));
        let mut m = Map::new();
        set(&mut m, "from", r.date("from"));
        set(&mut m, "to", r.date("to"));
        set(&mut m, "by", r.list("by").filter(|l| l.as_array().is_some_and(|a| !a.is_empty())));
        set(&mut m, "scope", r.text("scope").map(|s| normalize_scope(&s)));
        list.push(Value::Object(m));
    }
}

/// `barn`/`husstand` (Danish or English) as child/household; other text unchanged (the case's own
/// check names it).
pub(crate) fn normalize_scope(text: &str) -> String {
    match norm(text).as_str() {
        "barn" | "barnet" | "child" => "child".into(),
        "husstand" | "husstanden" | "familie" | "familien" | "household" => "household".into(),
        other => other.to_string(),
    }
}

fn case_head(ctx: &mut Ctx<'_>, head: &Record<'_>, doc: &mut Map<String, Value>) {
    doc.insert("id".into(), head.text("id").unwrap_or_default().into());
    set(doc, "household", head.text("household"));
    let birth = head.date("birth_date");
    // `ishoj` or `ishoj=2019-05-14; vallensbaek=2022-01-01` (municipality = from).
    let text = head.text("handlekommune").unwrap_or_default();
    let residence = text.split(';').map(str::trim).filter(|x| !x.is_empty()).map(|x| {
        let (municipality, from) = x.split_once('=').unwrap_or((x, ""));
        let from = if from.trim().is_empty() { birth.clone().unwrap_or_default() } else { normalize_date(from) };
        serde_json::json!({ "municipality": municipality.trim(), "from": from })
    });
    let residence: Vec<Value> = residence.collect();
    let disability = ctx.boolean(head, "significant_permanent_disability").unwrap_or(false);
    set(doc, "enrolled", head.date("enrolled"));
    set(doc, "discharged", head.date("discharged"));
    doc.insert(
        "child".into(),
        serde_json::json!({
            "birth_date": birth.unwrap_or_default(),
            "significant_permanent_disability": disability,
            "handlekommune": residence,
        }),
    );
    if head.has("consent_from") {
        let mut c = Map::new();
        set(&mut c, "from", head.date("consent_from"));
        set(&mut c, "to", head.date("consent_to"));
        doc.insert("consent".into(), Value::Array(vec![Value::Object(c)]));
    }
}

fn money_line(r: &Record<'_>) -> Map<String, Value> {
    let mut m = Map::new();
    set(&mut m, "id", r.text("id"));
    set(&mut m, "amount", r.money("amount"));
    m.insert("per".into(), normalize_per(&r.text("per").unwrap_or_default()).into());
    set(&mut m, "from", r.date("from"));
    set(&mut m, "to", r.date("to"));
    set(&mut m, "note", r.text("note"));
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_dates_and_periods_in_spreadsheet_conventions() {
        for (text, want) in [
            ("3.400,50", "3400.50"),
            ("3,400.50", "3400.50"),
            ("3400,5 kr.", "3400.5"),
            ("3400.50", "3400.50"),
            ("1.234.567", "1234567"),
            ("-1.234", "-1234"),
            ("12.5", "12.5"),
            ("96 000 DKK", "96000"),
            ("abc", "abc"),
        ] {
            assert_eq!(normalize_amount(text), want, "{text}");
        }
        assert_eq!(normalize_date("31-01-2024"), "2024-01-31");
        assert_eq!(normalize_date("1.2.2024"), "2024-02-01");
        assert_eq!(normalize_date("2024-01-31T00:00:00"), "2024-01-31");
        assert_eq!(normalize_date("2024-13-01"), "2024-13-01");
        assert_eq!(normalize_per("Måned"), "month");
        assert_eq!(normalize_per("år"), "year");
        assert_eq!(normalize_per("Engang"), "once");
        assert_eq!(normalize_per("weekly"), "week");
        assert_eq!(normalize_per("Døgn"), "day");
        assert_eq!(normalize_per("timer"), "hour");
        assert_eq!(normalize_per("fortnightly"), "fortnightly");
        assert_eq!(decimal_of_number(0.1 + 0.2), "0.3");
        assert_eq!(decimal_of_number(3400.5), "3400.5");
        assert_eq!(decimal_of_number(1094.375), "1094.375");
        assert_eq!(decimal_of_number(45292.0), "45292");
        assert_eq!(decimal_of_number(-0.07), "-0.07");
    }

    #[test]
    fn shares_text() {
        let v = shares_of("children_social=60; ishoj-cdu = 40", Some("percent"));
        assert_eq!(
            v,
            serde_json::json!([{ "sector": "children_social", "percent": "60" }, { "department": "ishoj-cdu", "percent": "40" }])
        );
        assert_eq!(shares_of("a; b", Some("equal")), serde_json::json!([{ "department": "a" }, { "department": "b" }]));
        assert_eq!(shares_of("a=1,5", Some("weights")), serde_json::json!([{ "department": "a", "weight": "1.5" }]));
    }
}
