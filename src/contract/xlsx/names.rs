//! Names for ids in a workbook: a cell that refers to a municipality, department, key or service may
//! give its name (as the template's lists offer it) instead of its id. Before the sheets are read,
//! each such cell whose text is not an id of the workbook's own sheet of those items, but is the name
//! of exactly one of them, is given that item's id; a name shared by several items is an error naming
//! the cell. Without the items' sheet in the workbook a cell is read as written.

use std::collections::{BTreeMap, BTreeSet};

use super::raw::RawSheet;
use super::{columns, norm, WorkbookError};
use crate::i18n::Message;

/// (sheet, column, the sheet of the items it names).
const REFERENCES: [(&str, &str, &str); 8] = [
    ("departments", "municipality", "municipalities"),
    ("services", "key", "keys"),
    ("services", "authority", "departments"),
    ("services", "payer", "departments"),
    ("reimbursement", "recipient", "departments"),
    ("case other cases", "department", "departments"),
    ("case baseline", "department", "departments"),
    ("case services", "service", "services"),
];

/// The ids of a sheet's items, and their names (normalized) with the ids that have each.
struct Items {
    ids: BTreeSet<String>,
    names: BTreeMap<String, Vec<String>>,
}

fn find(sheets: &[RawSheet], name: &str) -> Option<usize> {
    sheets.iter().position(|s| super::layout::is_sheet(&s.name, name))
}

/// The header row of a sheet and the column of each of `wanted` in it.
fn header_columns(s: &RawSheet, layout: &str, wanted: &[&str]) -> Option<(u32, Vec<Option<u32>>)> {
    let (row, cells) = s.header()?;
    let known = columns(layout);
    let col =
        |w: &str| cells.iter().find(|(_, c)| super::layout::column_of(&c.text, known) == Some(w)).map(|(k, _)| *k);
    Some((row, wanted.iter().map(|w| col(w)).collect()))
}

fn items(s: &RawSheet, layout: &str) -> Option<Items> {
    let (head, cols) = header_columns(s, layout, &["id", "name"])?;
    let (id_col, name_col) = (cols[0]?, cols[1]?);
    let mut out = Items { ids: BTreeSet::new(), names: BTreeMap::new() };
    for (_, cells) in s.rows.range(head + 1..) {
        let Some(id) = cells.get(&id_col).map(|c| c.text.trim().to_string()).filter(|t| !t.is_empty()) else {
            continue;
        };
        if let Some(name) = cells.get(&name_col).map(|c| norm(&c.text)).filter(|n| !n.is_empty()) {
            let ids = out.names.entry(name).or_default();
            if !ids.contains(&id) {
                ids.push(id.clone());
            }
        }
        out.ids.insert(id);
    }
    Some(out)
}

/// Gives every referring cell that holds a name the id it names (see the module's text).
pub(crate) fn names_to_ids(sheets: &mut [RawSheet], errors: &mut Vec<WorkbookError>) {
    for (sheet, column, target) in REFERENCES {
        let Some(t) = find(sheets, target) else { continue };
        let Some(known) = items(&sheets[t], target) else { continue };
        let Some(s) = find(sheets, sheet) else { continue };
        let Some((head, cols)) = header_columns(&sheets[s], sheet, &[column]) else { continue };
        let Some(col) = cols[0] else { continue };
        let sheet_name = sheets[s].name.clone();
        for (row, cells) in sheets[s].rows.range_mut(head + 1..) {
            let Some(cell) = cells.get_mut(&col) else { continue };
            let text = cell.text.trim();
            if text.is_empty() || known.ids.contains(text) {
                continue;
            }
            match known.names.get(&norm(text)).map(Vec::as_slice) {
                Some([id]) => cell.text = id.clone(),
                Some(ids) if ids.len() > 1 => errors.push(WorkbookError::new(
                    format!("{sheet_name}!{}", super::cell_name(*row, col)),
                    Message::AmbiguousName { name: text.to_string(), ids: ids.join(", ") },
                )),
                _ => {}
            }
        }
    }
}
