//! A workbook's cells as the reader sees them, before any sheet is read as a table.

use std::collections::BTreeMap;

/// A cell as the reader sees it.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct RawCell {
    /// What the cell shows as text: numbers as their shortest decimal text, booleans TRUE/FALSE.
    pub text: String,
    /// The number of a numeric cell (dates are numeric cells too).
    pub number: Option<f64>,
    /// The value of a boolean cell.
    pub boolean: Option<bool>,
    /// The date of a date cell (`YYYY-MM-DD`).
    pub date: Option<String>,
    /// The formula, if any (only read from .xlsx).
    pub formula: Option<String>,
}

/// A sheet: its name and its non-empty cells by row and column (zero-based).
#[derive(Debug, Clone, Default)]
pub(crate) struct RawSheet {
    pub name: String,
    pub rows: BTreeMap<u32, BTreeMap<u32, RawCell>>,
}

impl RawSheet {
    /// The header row: the first row with a non-empty cell, with its cells.
    pub(crate) fn header(&self) -> Option<(u32, &BTreeMap<u32, RawCell>)> {
        self.rows.iter().find(|(_, r)| r.values().any(|c| !c.text.trim().is_empty())).map(|(k, v)| (*k, v))
    }
}
