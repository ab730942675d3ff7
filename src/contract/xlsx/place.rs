//! The errors of the cases of a workbook of many cases, named by where each case was written: the
//! workbook, the sheet, the row, the column where the error names a field, and the case id
//! (SEMANTICS.md section 11, "Workbooks", "Many cases").

use super::{col_name, item_key, Origin, WorkbookCase};
use crate::contract::ErrorReport;
use crate::i18n::{Lang, Message};

/// Put the place of each case error in front of its message: an error whose item is `cases[i]: …`
/// (or `scenario: cases[i]: …`) names `cases[i]` of the request, which is `cases[i]` of the workbook
/// `file`. The place is the row of the item the error names (`services[1]` is a row of the sheet of
/// the case's services), else the case's row on the sheet `case`; the column is the one of the
/// error's field, when the row gives it. Errors of no case are left as they are.
pub fn place_case_errors(errors: &mut [ErrorReport], file: &str, cases: &[WorkbookCase], lang: Lang) {
    for e in errors.iter_mut() {
        let Some((i, rest)) = case_of(&e.item) else { continue };
        let Some(case) = cases.get(i) else { continue };
        let origin = item_key(rest).and_then(|k| case.origins.get(k)).unwrap_or(&case.row);
        let column = e.field.as_deref().and_then(|f| column(origin, f));
        let (sheet, row) = (origin.sheet.clone(), origin.row.to_string());
        let (file, id) = (file.to_string(), case.id.clone());
        let place = match column {
            Some(column) => Message::CaseInWorkbookCell { file, sheet, row, column, case: id },
            None => Message::CaseInWorkbook { file, sheet, row, case: id },
        };
        e.message = format!("{}: {}", place.text(lang), e.message);
    }
}

/// The case index of an item `cases[i]: rest` or `scenario: cases[i]: rest`, and the rest.
fn case_of(item: &str) -> Option<(usize, &str)> {
    let item = item.strip_prefix("scenario: ").unwrap_or(item);
    let inner = item.strip_prefix("cases[")?;
    let close = inner.find(']')?;
    let i = inner[..close].parse().ok()?;
    Some((i, inner[close + 1..].trim_start_matches(':').trim_start()))
}

/// The column letters of a field the row gives: the field's first name (`shares` of
/// `shares[0].department`), else its last (`birth_date` of `child.birth_date`).
fn column(origin: &Origin, field: &str) -> Option<String> {
    let names: Vec<&str> = field.split('.').map(|p| p.split('[').next().unwrap_or(p)).collect();
    let first = names.first().and_then(|n| origin.columns.get(n));
    first.or_else(|| names.last().and_then(|n| origin.columns.get(n))).map(|&c| col_name(c))
}

#[cfg(test)]
mod tests {
    use super::case_of;

    #[test]
    fn the_case_of_an_item() {
        assert_eq!(case_of("cases[2]: services[1] 's2'"), Some((2, "services[1] 's2'")));
        assert_eq!(case_of("scenario: cases[0]: agreements[0] 'a1'"), Some((0, "agreements[0] 'a1'")));
        assert_eq!(case_of("cases[3]"), Some((3, "")));
        assert_eq!(case_of("budget[0] 'x'"), None);
    }
}
