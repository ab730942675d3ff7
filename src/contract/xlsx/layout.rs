//! The template's layout in a language: sheet and column names (the catalogues' `xlsx-sheet-…` and
//! `xlsx-col-…`), the values a reader takes in either language (yes/no, units, consent scopes, sector
//! areas, key kinds), the
//! list checks of the columns that name something, and the instructions sheet (`xlsx-guide-…`).
//!
//! The reader accepts a sheet or column by its English name or its name in any language, so a
//! Danish template reads back as the English one does.

use super::{columns, norm, Cell, ListCheck, ListSource, Sheet, CASE_SHEETS, POLICY_SHEETS};
use crate::i18n::{lookup, Lang};

/// The catalogue id of a layout name: `case services` -> `case-services`.
fn kebab(name: &str) -> String {
    name.replace([' ', '_'], "-")
}

/// A layout sheet's name in `lang` (the English name where the catalogue has none).
pub(crate) fn sheet_label(sheet: &str, lang: Lang) -> String {
    lookup(lang, &format!("xlsx-sheet-{}", kebab(sheet)), &[]).unwrap_or_else(|| sheet.to_string())
}

/// A layout column's name in `lang` (the English name where the catalogue has none).
pub(crate) fn column_label(column: &str, lang: Lang) -> String {
    lookup(lang, &format!("xlsx-col-{}", kebab(column)), &[]).unwrap_or_else(|| column.to_string())
}

/// Whether a sheet's name (as written) is the layout sheet `sheet` in any language.
pub(crate) fn is_sheet(written: &str, sheet: &str) -> bool {
    let w = norm(written);
    w == norm(sheet) || [Lang::En, Lang::Da].iter().any(|l| w == norm(&sheet_label(sheet, *l)))
}

/// The layout column a header (as written) names, in any language.
pub(crate) fn column_of(written: &str, known: &[&'static str]) -> Option<&'static str> {
    let w = norm(written);
    let english = w.replace(' ', "_");
    known.iter().copied().find(|k| *k == english || norm(&column_label(k, Lang::Da)) == w)
}

/// Columns holding yes/no.
const YES_NO: [&str; 5] =
    ["significant_permanent_disability", "custody", "consent_required", "disability_required", "confirmed"];
/// Columns holding a unit of an amount.
const UNITS: [&str; 2] = ["per", "every"];
const UNIT_VALUES: [&str; 7] = ["month", "year", "once", "day", "week", "hour", "unit"];
const SECTORS: [&str; 6] = ["children_social", "daycare_school", "health", "employment", "adult", "housing"];
const KINDS: [&str; 4] = ["sole", "percent", "weights", "equal"];
/// Other columns whose values are written in words (the reader takes words or codes).
const WORDED: [&str; 3] = ["scope", "sector", "kind"];

/// A value of a closed vocabulary in `lang` (`yes` -> `ja`, `month` -> `måned`): the catalogues'
/// `xlsx-value-…`; other values unchanged.
fn value_label(value: &str, lang: Lang) -> String {
    lookup(lang, &format!("xlsx-value-{}", kebab(value)), &[]).unwrap_or_else(|| value.to_string())
}

/// Where a column's choices come from.
enum Choices {
    /// The cells of a column (sheet, column) of another layout sheet.
    Column(&'static str, &'static str),
    /// Fixed values.
    Values(&'static [&'static str]),
}

/// What a column names (the catalogue's `xlsx-list-…` prompt) and where its choices come from.
fn choices(sheet: &str, column: &str) -> Option<(&'static str, Choices)> {
    let from = Choices::Column;
    let source = match (sheet, column) {
        // Items of the policy by their names (the reader takes a name or an id: names.rs).
        ("departments", "municipality") => ("municipality", from("municipalities", "name")),
        ("services", "key") => ("key", from("keys", "name")),
        ("services", "authority" | "payer") | ("reimbursement", "recipient") => {
            ("department", from("departments", "name"))
        }
        ("case other cases" | "case baseline", "department") => ("department", from("departments", "name")),
        ("case services", "service") => ("service", from("services", "name")),
        ("case agreements", "service") => ("line", from("case services", "id")),
        ("case other cases", "person") | ("case consent", "by") => ("parent", from("case parents", "id")),
        (_, "sector") => ("sector", Choices::Values(&SECTORS)),
        ("keys" | "case agreements", "kind") => ("kind", Choices::Values(&KINDS)),
        (_, c) if UNITS.contains(&c) => ("unit", Choices::Values(&UNIT_VALUES)),
        (_, c) if YES_NO.contains(&c) => ("yes-no", Choices::Values(&["yes", "no"])),
        ("case consent", "scope") => ("scope", Choices::Values(&["child", "household"])),
        _ => return None,
    };
    Some(source)
}

/// The list check of a column, if it names something.
fn list_check(sheet: &str, column: &str, col: u16, lang: Lang) -> Option<ListCheck> {
    let (what, source) = choices(sheet, column)?;
    let prompt = lookup(lang, &format!("xlsx-list-{what}"), &[]).unwrap_or_default();
    let source = match source {
        Choices::Column(s, c) => {
            let col = columns(s).iter().position(|x| *x == c).unwrap_or(0) as u16;
            ListSource::Column { sheet: sheet_label(s, lang), col }
        }
        Choices::Values(values) => ListSource::Values(values.iter().map(|v| value_label(v, lang)).collect()),
    };
    Some(ListCheck { col, source, prompt })
}

/// Gives the layout sheets among `sheets` their list checks, and in a language other than English
/// their sheet and column names and their yes/no, unit and scope values in that language.
pub(crate) fn localize(sheets: &mut [Sheet], lang: Lang) {
    for sheet in sheets.iter_mut() {
        let Some((name, cols)) = POLICY_SHEETS.iter().chain(CASE_SHEETS).find(|(n, _)| *n == sheet.name) else {
            continue;
        };
        sheet.lists = cols.iter().enumerate().filter_map(|(i, c)| list_check(name, c, i as u16, lang)).collect();
        if lang == Lang::En {
            continue;
        }
        sheet.name = sheet_label(name, lang);
        for (r, row) in sheet.rows.iter_mut().enumerate() {
            for (cell, column) in row.iter_mut().zip(cols.iter()) {
                let Cell::Text(t) = cell else { continue };
                let words = YES_NO.contains(column) || UNITS.contains(column) || WORDED.contains(column);
                if r == 0 {
                    *t = column_label(column, lang);
                } else if *column == "sectors" {
                    *t = t.split(',').map(|s| value_label(s.trim(), lang)).collect::<Vec<_>>().join(", ");
                } else if words {
                    *t = value_label(t, lang);
                }
            }
        }
    }
}

/// The instructions sheet: what each sheet holds and how to fill it in, a line per row.
pub(crate) fn guide(lang: Lang) -> Sheet {
    let line = |id: &str| lookup(lang, id, &[]).unwrap_or_default();
    let mut rows = vec![vec![Cell::Text(line("xlsx-guide-title"))], vec![Cell::Text(line("xlsx-guide-intro"))]];
    for (sheet, _) in POLICY_SHEETS.iter().chain(CASE_SHEETS) {
        rows.push(vec![Cell::Empty]);
        rows.push(vec![Cell::Text(sheet_label(sheet, lang))]);
        rows.push(vec![Cell::Text(line(&format!("xlsx-guide-{}", kebab(sheet))))]);
    }
    rows.push(vec![Cell::Empty]);
    rows.push(vec![Cell::Text(line("xlsx-guide-values"))]);
    Sheet { name: line("xlsx-guide-sheet"), rows, pie: None, lists: Vec::new(), cover: false }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every sheet, column, value, list prompt and guide line is in both catalogues, and no two
    /// columns of a sheet share a name in any language.
    #[test]
    fn the_layout_is_in_both_catalogues() {
        for lang in [Lang::En, Lang::Da] {
            for (sheet, cols) in POLICY_SHEETS.iter().chain(CASE_SHEETS) {
                assert!(lookup(lang, &format!("xlsx-sheet-{}", kebab(sheet)), &[]).is_some(), "{sheet} {lang:?}");
                assert!(lookup(lang, &format!("xlsx-guide-{}", kebab(sheet)), &[]).is_some(), "{sheet} {lang:?}");
                let mut seen: Vec<String> = Vec::new();
                for c in *cols {
                    let label = lookup(lang, &format!("xlsx-col-{}", kebab(c)), &[]);
                    let label = norm(&label.unwrap_or_else(|| panic!("column {c} {lang:?}")));
                    assert!(!seen.contains(&label), "{sheet}: {label} twice");
                    assert_eq!(column_of(&column_label(c, lang), cols), Some(*c));
                    seen.push(label);
                    if let Some((what, _)) = choices(sheet, c) {
                        assert!(lookup(lang, &format!("xlsx-list-{what}"), &[]).is_some(), "list {what} {lang:?}");
                    }
                }
            }
            for v in UNIT_VALUES.iter().chain(&["yes", "no", "child", "household"]) {
                assert!(lookup(lang, &format!("xlsx-value-{}", kebab(v)), &[]).is_some(), "{v} {lang:?}");
            }
            for id in ["title", "intro", "values", "sheet"] {
                assert!(lookup(lang, &format!("xlsx-guide-{id}"), &[]).is_some(), "{id} {lang:?}");
            }
        }
    }
}
