//! Workbooks (feature `xlsx`): a policy and a case read from spreadsheet sheets, and results and
//! templates written as .xlsx.
//!
//! [`read_workbook`] reads .xlsx, .xls and .ods (with `calamine`) and turns the sheets into the JSON
//! documents of a policy and/or a case, shaped exactly like the TOML/JSON documents, so the library's
//! normal document path validates them. It remembers for every item of a document (`departments[1]`)
//! the sheet and row it came from, so that a document error can name the row
//! ([`Workbook::origin`]). Problems with the workbook itself name their cell
//! (`departments!E1: unknown column 'colour'`).
//!
//! The writer ([`write_sheets`], with `rust_xlsxwriter`) makes workbooks from [`Sheet`]s:
//! [`template_sheets`] (a policy and a case in the layout the reader reads) and [`result_sheets`]
//! (a split: per department with a native pie chart, per municipality, per month, every line, the
//! eligibility criteria, the state reimbursement; totals as `SUM` formulas whose cached values are
//! the exact totals).
//!
//! Money never passes through f64 arithmetic: a number cell is read as its shortest decimal text, to
//! Excel's 15 significant digits, and parsed as a decimal; money is written from its exact decimal
//! text.
//!
//! ```
//! use fordeling::{contract::xlsx, example};
//! // The example policy and case as a template workbook, and read back.
//! let bytes = xlsx::template(example::POLICY.into(), Some(example::CASE.into())).unwrap();
//! let workbook = xlsx::read_workbook(&bytes).unwrap();
//! let departments = &workbook.policy.as_ref().unwrap()["departments"];
//! assert_eq!(departments[1]["id"], "ishoj-cdu");
//! assert_eq!(workbook.origin("policy", "departments[1] 'ishoj-cdu'").unwrap().to_string(), "departments, row 3");
//! ```

mod layout;
mod names;
mod place;
mod raw;
mod read;
mod write;

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

pub use place::place_case_errors;
pub use read::{read_cases, read_cells, read_workbook, read_workbook_cases};
pub use write::{
    cases_sheets_in, cases_template_in, comparison_sheets, explanation_sheet, postings_sheet, response_sheets,
    response_workbook, result_sheets, template, template_in, template_sheets, template_sheets_in, write_sheets,
    write_sheets_in,
};

/// The largest workbook file accepted (20 MB).
pub const MAX_WORKBOOK_BYTES: usize = 20 * 1024 * 1024;
/// The largest part of a zipped workbook (.xlsx, .ods) once inflated (64 MB); checked by inflating
/// each part up to this size before calamine reads any of it.
pub const MAX_PART_BYTES: u64 = 64 * 1024 * 1024;
/// The largest total of all parts of a zipped workbook once inflated (160 MB).
pub const MAX_TOTAL_BYTES: u64 = 160 * 1024 * 1024;
/// The most parts a zipped workbook may have.
pub const MAX_PARTS: usize = 10_000;
/// The most cells read from one sheet of an .xlsx (read cell by cell, never as a dense block).
pub const MAX_CELLS: usize = 1_000_000;

/// The documents read from a workbook, with the place every item came from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Workbook {
    /// The policy document (JSON), if the workbook has the policy sheets (`departments`).
    pub policy: Option<Value>,
    /// The case document (JSON), if the workbook has the case sheets (`case`).
    pub case: Option<Value>,
    /// For every item path of the policy (`departments[1]`, `reimbursement`), where it came from.
    pub policy_origins: BTreeMap<String, Origin>,
    /// For every item path of the case (`services[0]`), where it came from.
    pub case_origins: BTreeMap<String, Origin>,
}

/// The sheet and row (1-based, as a spreadsheet shows it) an item came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Origin {
    /// The sheet's name as written in the workbook.
    pub sheet: String,
    /// The row number.
    pub row: u32,
    /// The column (zero-based) of each field the row gives, by the field's name (`to`, `shares`).
    #[serde(skip)]
    pub columns: BTreeMap<&'static str, u32>,
}

/// One case of a workbook of many cases ([`read_workbook_cases`]): its document, its id, its row on
/// the sheet `case`, and where each of its items came from (`services[1]`: the sheet and row).
#[derive(Debug, Clone, PartialEq)]
pub struct WorkbookCase {
    /// The case document (JSON).
    pub doc: Value,
    /// The case id, as on the sheet `case`.
    pub id: String,
    /// Its row on the sheet `case`.
    pub row: Origin,
    /// For every item path of the case (`services[0]`), where it came from.
    pub origins: BTreeMap<String, Origin>,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}, row {}", self.sheet, self.row)
    }
}

impl Workbook {
    /// Where the item a document error names came from: `kind` is the error's document (`policy`
    /// or `case`), `item` its item (`departments[1] 'ishoj-cdu'`, `services[0].amount`).
    pub fn origin(&self, kind: &str, item: &str) -> Option<&Origin> {
        let origins = match kind {
            "policy" => &self.policy_origins,
            "case" => &self.case_origins,
            _ => return None,
        };
        origins.get(item_key(item)?)
    }
}

/// The leading `name[index]` (or `reimbursement`) of an item path.
fn item_key(item: &str) -> Option<&str> {
    if item.starts_with("reimbursement") {
        return Some("reimbursement");
    }
    let open = item.find('[')?;
    let close = open + item[open..].find(']')?;
    let name = &item[..open];
    let index = &item[open + 1..close];
    let ok = !name.is_empty()
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
        && !index.is_empty()
        && index.bytes().all(|b| b.is_ascii_digit());
    ok.then(|| &item[..=close])
}

/// A problem with a workbook itself, named by its place: a cell (`departments!E1`), a sheet
/// (`services`), a part of the file (`xl/workbook.xml`) or nothing (the file as a whole).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WorkbookError {
    /// The place, or empty.
    pub place: String,
    /// What is wrong (in English).
    pub message: String,
    /// What is wrong, as a message of the catalogues.
    #[serde(skip)]
    pub problem: Box<crate::i18n::Message>,
    /// The size limit the workbook broke, if that is what is wrong (so that a page can say it in
    /// its user's language, naming the file).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<WorkbookLimit>,
}

/// The size limits of a workbook (see [`MAX_WORKBOOK_BYTES`] and the others).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkbookLimit {
    /// The file itself is larger than [`MAX_WORKBOOK_BYTES`].
    FileBytes,
    /// The zip has more than [`MAX_PARTS`] parts.
    Parts,
    /// A part, or all parts together, inflate beyond [`MAX_PART_BYTES`] or [`MAX_TOTAL_BYTES`].
    UnpackedBytes,
    /// A sheet has more than [`MAX_CELLS`] cells.
    Cells,
}

impl WorkbookError {
    pub(crate) fn new(place: impl Into<String>, problem: crate::i18n::Message) -> WorkbookError {
        let message = problem.text(crate::i18n::Lang::En);
        WorkbookError { place: place.into(), message, problem: Box::new(problem), limit: None }
    }

    pub(crate) fn limit(
        place: impl Into<String>,
        problem: crate::i18n::Message,
        limit: WorkbookLimit,
    ) -> WorkbookError {
        WorkbookError { limit: Some(limit), ..WorkbookError::new(place, problem) }
    }

    /// The problem with its place, in `lang`.
    pub fn text(&self, lang: crate::i18n::Lang) -> String {
        let message = self.problem.text(lang);
        if self.place.is_empty() {
            message
        } else {
            format!("{}: {message}", self.place)
        }
    }
}

impl fmt::Display for WorkbookError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.place.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.place, self.message)
        }
    }
}

/// One sheet to write: rows of cells, and an optional pie chart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sheet {
    /// The name (made valid and unique when written).
    pub name: String,
    /// The rows; the first is the header (bold, frozen).
    pub rows: Vec<Vec<Cell>>,
    /// A native pie chart.
    #[serde(default, skip)]
    pub pie: Option<Pie>,
    /// Lists a column's cells are chosen from (data validation).
    #[serde(default, skip)]
    pub lists: Vec<ListCheck>,
    /// A cover: a title, then a label and a value per row (labels bold, an empty value a line to
    /// write on), printed portrait without a repeated header.
    #[serde(default, skip)]
    pub cover: bool,
}

/// A column whose cells (below the header, to row 1000) are chosen from a list: the values given,
/// or the cells of a column of another sheet. Other values are allowed after a warning (a key may
/// name a department or a sector area).
#[derive(Debug, Clone, PartialEq)]
pub struct ListCheck {
    /// The column (zero-based).
    pub col: u16,
    /// Where the choices come from.
    pub source: ListSource,
    /// The prompt shown when a cell is chosen.
    pub prompt: String,
}

/// The choices of a [`ListCheck`].
#[derive(Debug, Clone, PartialEq)]
pub enum ListSource {
    /// These values.
    Values(Vec<String>),
    /// The cells below the header of column `col` of sheet `sheet`.
    Column {
        /// The sheet's name.
        sheet: String,
        /// The column (zero-based).
        col: u16,
    },
}

/// A cell to write. In JSON: a string, a number, `{"n": "123.45"}` for money,
/// `{"f": "SUM(B2:B9)", "n": "123.45"}` for a formula with its cached value, `{"d": "2024-01-31"}`
/// for a date, or null.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Cell {
    /// Nothing.
    Empty,
    /// A formula with the exact decimal text of its value, shown as money.
    Formula {
        /// The formula, without `=`.
        f: String,
        /// Its value.
        n: String,
    },
    /// Money or another exact decimal, as a number cell shown with two decimals.
    Money {
        /// The exact decimal text.
        n: String,
    },
    /// A date (`2024-01-31`) or a month (`2024-01`) as a date cell, shown `dd-mm-yyyy` (`mm-yyyy`)
    /// in a Danish workbook and `yyyy-mm-dd` (`yyyy-mm`) in an English one.
    Date {
        /// The date or month as the contract writes it.
        d: String,
    },
    /// Text.
    Text(String),
    /// A plain number (a count, a code, a spreadsheet day number); never money.
    Number(f64),
}

impl From<&str> for Cell {
    fn from(s: &str) -> Cell {
        Cell::Text(s.to_string())
    }
}

impl From<String> for Cell {
    fn from(s: String) -> Cell {
        Cell::Text(s)
    }
}

impl Cell {
    /// Money (or any exact decimal) from its text.
    pub fn money(value: impl fmt::Display) -> Cell {
        Cell::Money { n: value.to_string() }
    }

    /// A formula and its value.
    pub fn formula(f: impl Into<String>, value: impl fmt::Display) -> Cell {
        Cell::Formula { f: f.into(), n: value.to_string() }
    }
}

/// A native pie chart of a range of a sheet (zero-based rows and columns).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pie {
    /// The chart's title.
    pub title: String,
    /// The series' name.
    pub series: String,
    /// The column of the slice labels.
    pub label_col: u16,
    /// The column of the values.
    pub value_col: u16,
    /// The first row of the slices.
    pub first_row: u32,
    /// The number of slices.
    pub count: u32,
    /// The cell whose top left corner the chart starts at (row, column).
    pub anchor: (u32, u16),
}

/// Slice colours of the pie charts, on the page and in the workbook (RGB hex): dark and mid tones in
/// turn, each at least 3:1 against white and against the next one (WCAG 1.4.11); slices are also
/// separated by a white line.
pub const COLORS: [&str; 10] =
    ["163056", "E86C13", "10371D", "3696DC", "5B1722", "DF66A2", "402060", "1DA28C", "492808", "949425"];

/// Sheets of a policy workbook and their columns, in order.
pub const POLICY_SHEETS: &[(&str, &[&str])] = &[
    ("policy", &["name", "version"]),
    ("municipalities", &["id", "name", "code"]),
    ("departments", &["id", "name", "municipality", "sectors"]),
    (
        "services",
        &[
            "id",
            "name",
            "sector",
            "function",
            "kind",
            "key",
            "authority",
            "payer",
            "legal_basis",
            "legal_basis_from",
            "legal_basis_to",
        ],
    ),
    ("keys", &["id", "name", "from", "to", "kind", "shares"]),
    (
        "eligibility",
        &[
            "from",
            "to",
            "min_sector_areas",
            "consent_required",
            "disability_required",
            "age_min",
            "age_max",
            "municipalities",
        ],
    ),
    ("arrangements", &["id", "grantor", "on_behalf_of", "sectors", "from", "to", "basis"]),
    (
        "reimbursement",
        &[
            "id",
            "name",
            "legal_basis",
            "services",
            "recipient",
            "from",
            "to",
            "tiers",
            "function",
            "level_legal_basis",
            "index",
            "base_year",
            "round_to",
            "confirmed",
            "note",
        ],
    ),
    ("indices", &["id", "name", "year", "value", "confirmed", "note"]),
];

/// Sheets of a case workbook and their columns, in order.
pub const CASE_SHEETS: &[(&str, &[&str])] = &[
    (
        "case",
        &[
            "id",
            "household",
            "birth_date",
            "significant_permanent_disability",
            "handlekommune",
            "enrolled",
            "discharged",
            "consent_from",
            "consent_to",
        ],
    ),
    (
        "case services",
        &["id", "service", "amount", "per", "from", "to", "note", "quantity", "every", "index", "base_year"],
    ),
    (
        "case agreements",
        &["id", "service", "from", "to", "kind", "shares", "note", "decided_by", "decided_on", "journal"],
    ),
    ("case income", &["id", "amount", "per", "from", "to", "note"]),
    ("case other cases", &["id", "sector", "department", "person", "from", "to"]),
    ("case parents", &["id", "custody"]),
    ("case consent", &["from", "to", "by", "scope"]),
    ("case baseline", &["department", "amount"]),
];

/// The columns of a sheet of either layout.
pub(crate) fn columns(sheet: &str) -> &'static [&'static str] {
    POLICY_SHEETS.iter().chain(CASE_SHEETS).find(|(n, _)| *n == sheet).map_or(&[], |(_, c)| c)
}

/// Whether `bytes` look like a workbook: a zip (.xlsx, .ods) or an OLE file (.xls).
pub fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
}

/// A sheet, column or value name as the reader compares it: trimmed, lower case, runs of spaces,
/// `_` and `-` as one space.
pub(crate) fn norm(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut gap = false;
    for ch in s.trim().chars().flat_map(char::to_lowercase) {
        if ch.is_whitespace() || ch == '_' || ch == '-' {
            gap = true;
        } else {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.push(ch);
        }
    }
    out
}

/// The 'A1'-style name of a cell (zero-based row and column).
pub fn cell_name(row: u32, col: u32) -> String {
    let mut letters = Vec::new();
    let mut c = col + 1;
    while c > 0 {
        letters.push(b'A' + ((c - 1) % 26) as u8);
        c = (c - 1) / 26;
    }
    letters.reverse();
    format!("{}{}", String::from_utf8_lossy(&letters), row + 1)
}

/// The letters of a column (zero-based).
pub(crate) fn col_name(col: u32) -> String {
    cell_name(0, col).trim_end_matches('1').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_cells_and_items() {
        assert_eq!(cell_name(0, 0), "A1");
        assert_eq!(cell_name(9, 25), "Z10");
        assert_eq!(cell_name(0, 26), "AA1");
        assert_eq!(col_name(27), "AB");
        assert_eq!(norm("  Case_Services "), "case services");
        assert_eq!(norm("Legal-basis  from"), "legal basis from");
        assert_eq!(item_key("departments[1] 'ishoj-cdu'"), Some("departments[1]"));
        assert_eq!(item_key("services[0].amount"), Some("services[0]"));
        assert_eq!(item_key("reimbursement.levels[0]"), Some("reimbursement"));
        assert_eq!(item_key("(document)"), None);
    }
}
