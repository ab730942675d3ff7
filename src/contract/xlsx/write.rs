//! Writing workbooks with `rust_xlsxwriter`: the template (a policy and a case in the layout the
//! reader reads) and results (a split, its postings, a comparison, an explanation).

use rust_xlsxwriter::{
    Chart, ChartDataLabel, ChartFormat, ChartPoint, ChartSolidFill, ChartType, Color, DataValidation,
    DataValidationErrorStyle, DocProperties, ExcelDateTime, Format, Formula, Workbook, Worksheet, XlsxError,
};

use super::{columns, Cell, ListSource, Pie, Sheet, WorkbookError, CASE_SHEETS, COLORS};
use crate::case::{CaseDoc, ConsentScope};
use crate::contract::{handle, Command, DocInput, ErrorReport, Output, Request, Response};
use crate::engine::result::{Line, SplitResult};
use crate::i18n::{Lang, Word};
use crate::model::money::Money;
use crate::policy::{PolicyDoc, ShareDoc, TargetDoc};
use crate::report::compare::Comparison;
use crate::report::postings::Posting;

const MONEY_FORMAT: &str = "#,##0.00";

/// An .xlsx workbook of the sheets: header rows bold and frozen, money as number cells shown
/// `#,##0.00`, formulas with their cached values, columns as wide as their contents (up to 62; longer text wraps), the
/// pie charts, and print setup (see `print_setup`). Sheet names are made valid (at most 31
/// characters, no `[]:*?/\`) and unique.
pub fn write_sheets(sheets: &[Sheet]) -> Result<Vec<u8>, WorkbookError> {
    write_sheets_in(sheets, Lang::En)
}

/// [`write_sheets`] with the date cells shown in `lang`'s way (`31-01-2024` in Danish, `2024-01-31`
/// in English).
pub fn write_sheets_in(sheets: &[Sheet], lang: Lang) -> Result<Vec<u8>, WorkbookError> {
    let fail =
        |e: XlsxError| WorkbookError::new("", crate::i18n::Message::WorkbookNotWritten { detail: e.to_string() });
    let mut wb = Workbook::new();
    // A fixed creation time: the same sheets make the same file (and no clock is read).
    let created = ExcelDateTime::from_ymd(2024, 1, 1).map_err(fail)?;
    wb.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let mut used: Vec<String> = Vec::new();
    for sheet in sheets {
        let name = sheet_name(&sheet.name, &used);
        used.push(name.to_lowercase());
        let ws = wb.add_worksheet();
        ws.set_name(&name).map_err(fail)?;
        if sheet.cover {
            write_cover(ws, &sheet.rows, lang).map_err(fail)?;
        } else {
            write_rows(ws, &sheet.rows, lang).map_err(fail)?;
            write_lists(ws, sheet).map_err(fail)?;
            print_setup(ws, &sheet.rows).map_err(fail)?;
        }
        if let Some(pie) = &sheet.pie {
            ws.insert_chart(pie.anchor.0, pie.anchor.1, &chart(&name, pie)).map_err(fail)?;
        }
    }
    wb.save_to_buffer().map_err(fail)
}

/// Printing: A4, every column on one page's width (as many pages down as it takes), the header row
/// repeated on every page, and landscape when a sheet has more than six columns.
fn print_setup(ws: &mut Worksheet, rows: &[Vec<Cell>]) -> Result<(), XlsxError> {
    const A4: u8 = 9;
    ws.set_paper_size(A4).set_print_fit_to_pages(1, 0);
    if rows.len() > 1 {
        ws.set_repeat_rows(0, 0)?;
    }
    if rows.iter().map(Vec::len).max().unwrap_or(0) > 6 {
        ws.set_landscape();
    }
    Ok(())
}

/// A cover: the title large and bold, labels bold, values beside them, an empty value a line to
/// write on; A4 portrait, one page wide.
fn write_cover(ws: &mut Worksheet, rows: &[Vec<Cell>], lang: Lang) -> Result<(), XlsxError> {
    let title = Format::new().set_bold().set_font_size(14);
    let label = Format::new().set_bold();
    let line = Format::new().set_border_bottom(rust_xlsxwriter::FormatBorder::Thin);
    let money = Format::new().set_num_format(MONEY_FORMAT).set_align(rust_xlsxwriter::FormatAlign::Left);
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32;
        match row.as_slice() {
            [Cell::Text(t)] => {
                ws.write_string_with_format(r, 0, t, &title)?;
            }
            [Cell::Text(l), value] => {
                ws.write_string_with_format(r, 0, l, &label)?;
                match value {
                    Cell::Text(v) if !v.is_empty() => ws.write_string(r, 1, v).map(|_| ())?,
                    Cell::Money { n } => match n.parse::<f64>() {
                        Ok(v) => ws.write_number_with_format(r, 1, v, &money).map(|_| ())?,
                        Err(_) => ws.write_string(r, 1, n).map(|_| ())?,
                    },
                    Cell::Date { d } => match excel_date(d, lang) {
                        Some((date, format)) => ws.write_datetime_with_format(r, 1, &date, &format).map(|_| ())?,
                        None => ws.write_string(r, 1, d).map(|_| ())?,
                    },
                    _ => ws.write_blank(r, 1, &line).map(|_| ())?,
                }
            }
            _ => {}
        }
    }
    ws.set_column_width(0, 34)?;
    ws.set_column_width(1, 44)?;
    ws.set_paper_size(9).set_portrait().set_print_fit_to_pages(1, 0);
    Ok(())
}

/// A valid sheet name not in `used` (lower case).
fn sheet_name(name: &str, used: &[String]) -> String {
    let clean: String = name.chars().map(|c| if "[]:*?/\\".contains(c) { ' ' } else { c }).take(31).collect();
    let mut n = if clean.trim().is_empty() { "Sheet".to_string() } else { clean };
    let base: String = n.chars().take(28).collect();
    let mut i = 2;
    while used.contains(&n.to_lowercase()) {
        n = format!("{base} {i}");
        i += 1;
    }
    n
}

/// A date (`2024-01-31`) or month (`2024-01`, its first day) as Excel's date and the format that
/// shows it in `lang`.
fn excel_date(d: &str, lang: Lang) -> Option<(ExcelDateTime, Format)> {
    let mut parts = d.split('-').map(|p| p.parse::<u16>().ok());
    let (y, m) = (parts.next()??, parts.next()??);
    let (day, format) = match (parts.next(), lang) {
        (Some(day), Lang::Da) => (day?, "dd-mm-yyyy"),
        (Some(day), _) => (day?, "yyyy-mm-dd"),
        (None, Lang::Da) => (1, "mm-yyyy"),
        (None, _) => (1, "yyyy-mm"),
    };
    let date = ExcelDateTime::from_ymd(y, u8::try_from(m).ok()?, u8::try_from(day).ok()?).ok()?;
    Some((date, Format::new().set_num_format(format).set_align(rust_xlsxwriter::FormatAlign::Left)))
}

fn write_rows(ws: &mut Worksheet, rows: &[Vec<Cell>], lang: Lang) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    let money = Format::new().set_num_format(MONEY_FORMAT);
    let total = Format::new().set_bold().set_num_format(MONEY_FORMAT);
    // A long text (an instruction, an explanation's line) wraps within its column.
    let wrap = Format::new().set_text_wrap().set_align(rust_xlsxwriter::FormatAlign::Top);
    let mut widths: Vec<usize> = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32;
        for (c, cell) in row.iter().enumerate() {
            let c = c as u16;
            let shown = match cell {
                Cell::Empty => continue,
                Cell::Text(s) if s.is_empty() => continue,
                Cell::Date { d } => match excel_date(d, lang) {
                    Some((date, format)) => ws.write_datetime_with_format(r, c, &date, &format).map(|_| 11)?,
                    None => ws.write_string(r, c, d).map(|_| d.chars().count())?,
                },
                Cell::Text(s) if r == 0 => ws.write_string_with_format(r, c, s, &bold).map(|_| s.chars().count())?,
                Cell::Text(s) if s.chars().count() > 60 => {
                    // Its row as high as its lines (about 50 characters a line, leaving room for
                    // wider fonts); spreadsheets do not all compute it.
                    let lines = s.chars().count().div_ceil(50) as f64;
                    ws.set_row_height(r, 15.0 * lines)?;
                    ws.write_string_with_format(r, c, s, &wrap).map(|_| 60)?
                }
                Cell::Text(s) => ws.write_string(r, c, s).map(|_| s.chars().count())?,
                Cell::Number(n) => ws.write_number(r, c, *n).map(|_| n.to_string().len())?,
                Cell::Money { n } => match n.parse::<f64>() {
                    Ok(v) => ws.write_number_with_format(r, c, v, &money).map(|_| n.len() + n.len() / 3)?,
                    Err(_) => ws.write_string(r, c, n).map(|_| n.chars().count())?,
                },
                Cell::Formula { f, n } => {
                    let formula = Formula::new(format!("={f}")).set_result(n);
                    ws.write_formula_with_format(r, c, formula, &total).map(|_| n.len() + n.len() / 3)?
                }
            };
            if widths.len() <= c as usize {
                widths.resize(c as usize + 1, 8);
            }
            widths[c as usize] = widths[c as usize].max(shown + 2).min(62);
        }
    }
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, *w as f64)?;
    }
    if rows.len() > 1 {
        ws.set_freeze_panes(1, 0)?;
    }
    Ok(())
}

/// The sheet's list checks (data validation) on rows 2 to 1000.
fn write_lists(ws: &mut Worksheet, sheet: &Sheet) -> Result<(), XlsxError> {
    for list in &sheet.lists {
        let check = match &list.source {
            ListSource::Values(values) => DataValidation::new().allow_list_strings(values)?,
            ListSource::Column { sheet, col } => {
                let c = super::col_name(u32::from(*col));
                let quoted = sheet.replace('\'', "''");
                DataValidation::new().allow_list_formula(Formula::new(format!("='{quoted}'!${c}$2:${c}$1000")))
            }
        };
        let check = check
            .set_error_style(DataValidationErrorStyle::Warning)
            .set_input_message(&list.prompt)?
            .set_error_message(&list.prompt)?;
        ws.add_data_validation(1, list.col, 999, list.col, &check)?;
    }
    Ok(())
}

fn chart(sheet: &str, pie: &Pie) -> Chart {
    let mut chart = Chart::new(ChartType::Pie);
    let last = pie.first_row + pie.count.saturating_sub(1);
    let points: Vec<ChartPoint> = (0..pie.count as usize)
        .map(|i| {
            let rgb = u32::from_str_radix(COLORS[i % COLORS.len()], 16).unwrap_or(0);
            ChartPoint::new()
                .set_format(ChartFormat::new().set_solid_fill(ChartSolidFill::new().set_color(Color::RGB(rgb))))
        })
        .collect();
    chart
        .add_series()
        .set_name(pie.series.as_str())
        .set_categories((sheet, pie.first_row, pie.label_col, last, pie.label_col))
        .set_values((sheet, pie.first_row, pie.value_col, last, pie.value_col))
        .set_points(&points)
        .set_data_label(ChartDataLabel::new().show_percentage());
    chart.title().set_name(pie.title.as_str());
    chart.set_width(567).set_height(340);
    chart
}

// ---- the template: a policy and a case ------------------------------------------------------------

/// The template workbook of a policy and a case given as in a contract request (objects or TOML/JSON
/// text): both are validated first, and any problem is returned as the contract's errors.
pub fn template(policy: DocInput, case: Option<DocInput>) -> Result<Vec<u8>, Vec<ErrorReport>> {
    template_in(policy, case, Lang::En)
}

/// [`template`] in `lang`: in Danish the sheets, columns, yes/no and units are Danish, and an
/// instructions sheet (`Vejledning`) comes first (see [`template_sheets_in`]).
pub fn template_in(policy: DocInput, case: Option<DocInput>, lang: Lang) -> Result<Vec<u8>, Vec<ErrorReport>> {
    let response = handle(Request { case, ..Request::new(Command::Parse, policy) });
    match response {
        Response::Ok { result, .. } => match *result {
            Output::Parse { policy, case } => {
                let sheets = template_sheets_in(&policy, case.as_ref(), lang);
                write_sheets_in(&sheets, lang).map_err(|e| vec![internal(&e.to_string())])
            }
            _ => Err(vec![internal("unexpected answer")]),
        },
        Response::Error { errors, .. } => Err(errors),
    }
}

/// A policy and many cases as a workbook to fill in (a portfolio's cases, read back by
/// [`super::read_cases`]): the policy's sheets, then the case sheets with one row per case on the sheet
/// `case` and a last column `case` (Danish `sag`) on the other case sheets naming each row's case.
pub fn cases_template_in(policy: DocInput, cases: Vec<DocInput>, lang: Lang) -> Result<Vec<u8>, Vec<ErrorReport>> {
    let mut policy_doc = None;
    let mut docs = Vec::with_capacity(cases.len());
    let mut errors = Vec::new();
    for (i, case) in cases.into_iter().enumerate() {
        match handle(Request { case: Some(case), ..Request::new(Command::Parse, policy.clone()) }) {
            Response::Ok { result, .. } => match *result {
                Output::Parse { policy, case: Some(case) } => {
                    policy_doc = Some(policy);
                    docs.push(case);
                }
                _ => return Err(vec![internal("unexpected answer")]),
            },
            Response::Error { errors: e, .. } => errors.extend(e.into_iter().map(|mut e| {
                e.item = format!("cases[{i}]: {}", e.item);
                e
            })),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let Some(policy) = policy_doc else { return template_in(policy, None, lang) };
    let mut sheets = template_sheets_in(&policy, None, lang);
    sheets.extend(cases_sheets_in(&docs, lang));
    write_sheets_in(&sheets, lang).map_err(|e| vec![internal(&e.to_string())])
}

/// Many cases as the case sheets of one workbook, in `lang` (see [`cases_template_in`]).
pub fn cases_sheets_in(cases: &[CaseDoc], lang: Lang) -> Vec<Sheet> {
    let mut out: Vec<Sheet> = Vec::new();
    for c in cases {
        for (k, sheet) in case_sheets(c).into_iter().enumerate() {
            let mut rows = sheet.rows.into_iter();
            if out.len() <= k {
                let mut head = rows.next().unwrap_or_default();
                if k > 0 {
                    head.push(text("case"));
                }
                out.push(Sheet { rows: vec![head], ..sheet });
            } else {
                rows.next();
            }
            for mut row in rows {
                if k > 0 {
                    row.push(text(&c.id));
                }
                out[k].rows.push(row);
            }
        }
    }
    super::layout::localize(&mut out, lang);
    for sheet in out.iter_mut().skip(1) {
        if let Some(last) = sheet.rows.first_mut().and_then(|h| h.last_mut()) {
            *last = text(super::layout::column_label("case", lang));
        }
    }
    out
}

fn internal(message: &str) -> ErrorReport {
    ErrorReport::internal(&format!("(workbook): {message}"))
}

/// The sheets of a policy (and a case), in the layout [`super::read_workbook`] reads.
pub fn template_sheets(policy: &PolicyDoc, case: Option<&CaseDoc>) -> Vec<Sheet> {
    let mut sheets = policy_sheets(policy);
    if let Some(c) = case {
        sheets.extend(case_sheets(c));
    }
    sheets
}

/// The template sheets in `lang` (English: as [`template_sheets`]), with list checks on the columns
/// that name a service, department, municipality, key, parent, unit or yes/no; in Danish the sheet
/// and column names, yes/no and units are Danish and an instructions sheet comes first.
pub fn template_sheets_in(policy: &PolicyDoc, case: Option<&CaseDoc>, lang: Lang) -> Vec<Sheet> {
    let mut sheets = template_sheets(policy, case);
    super::layout::localize(&mut sheets, lang);
    if lang == Lang::Da {
        sheets.insert(0, super::layout::guide(lang));
    }
    sheets
}

/// A sheet of the layout: its header and rows given as (column, cell) pairs.
fn layout_sheet(name: &str, rows: Vec<Vec<(&str, Cell)>>) -> Sheet {
    let cols = columns(name);
    let header = cols.iter().map(|c| Cell::from(*c)).collect();
    let body = rows.into_iter().map(|row| {
        cols.iter().map(|c| row.iter().find(|(k, _)| k == c).map_or(Cell::Empty, |(_, v)| v.clone())).collect()
    });
    Sheet {
        name: name.into(),
        rows: std::iter::once(header).chain(body).collect(),
        pie: None,
        lists: Vec::new(),
        cover: false,
    }
}

fn text(s: impl ToString) -> Cell {
    Cell::Text(s.to_string())
}

/// A decimal as a number cell when a spreadsheet keeps it exactly (at most 15 significant digits),
/// else as text: a text `103.224` would read as a Danish thousands group (103224).
fn decimal_cell(d: &str) -> Cell {
    let digits = d.trim_start_matches('-').replace('.', "");
    let significant = digits.trim_start_matches('0').len();
    match d.parse::<f64>() {
        Ok(f) if significant <= 15 && f.is_finite() => Cell::Number(f),
        _ => text(d),
    }
}

fn opt(s: Option<impl ToString>) -> Cell {
    s.map_or(Cell::Empty, text)
}

/// A month as a date cell (its first day, shown as the month).
fn month_cell(m: crate::Month) -> Cell {
    Cell::Date { d: m.to_string() }
}

/// A date as a date cell.
fn day(d: crate::Date) -> Cell {
    Cell::Date { d: d.to_string() }
}

fn day_opt(d: Option<crate::Date>) -> Cell {
    d.map_or(Cell::Empty, day)
}

fn yes_no(b: bool) -> Cell {
    text(if b { "yes" } else { "no" })
}

fn joined<T: ToString>(items: &[T], sep: &str) -> Cell {
    text(items.iter().map(ToString::to_string).collect::<Vec<_>>().join(sep))
}

fn target_text(t: &Option<TargetDoc>) -> Cell {
    opt(t.as_ref().and_then(|t| t.department.clone().or(t.sector.map(|s| s.to_string()))))
}

/// `children_social=60; ishoj-cdu=40` (or `a; b`), as the reader reads it.
fn shares_text(shares: &[ShareDoc]) -> Cell {
    let parts = shares.iter().map(|s| {
        let who = s.department.clone().or(s.sector.map(|x| x.to_string())).unwrap_or_default();
        match s.percent.or(s.weight) {
            Some(v) => format!("{who}={v}"),
            None => who,
        }
    });
    text(parts.collect::<Vec<_>>().join("; "))
}

fn policy_sheets(p: &PolicyDoc) -> Vec<Sheet> {
    let mut sheets = vec![
        layout_sheet("policy", vec![vec![("name", text(&p.name)), ("version", opt(p.version.as_ref()))]]),
        layout_sheet(
            "municipalities",
            p.municipalities
                .iter()
                .map(|m| vec![("id", text(&m.id)), ("name", text(&m.name)), ("code", Cell::Number(f64::from(m.code)))])
                .collect(),
        ),
        layout_sheet(
            "departments",
            p.departments
                .iter()
                .map(|d| {
                    let sectors = d.sectors.iter().map(|s| s.to_string()).collect::<Vec<_>>();
                    vec![
                        ("id", text(&d.id)),
                        ("name", text(&d.name)),
                        ("municipality", text(&d.municipality)),
                        ("sectors", joined(&sectors, ", ")),
                    ]
                })
                .collect(),
        ),
        layout_sheet("services", service_rows(p)),
        layout_sheet("keys", key_rows(p)),
        layout_sheet("eligibility", p.eligibility.iter().map(criteria_row).collect()),
    ];
    let arrangements = p.arrangements.iter().map(|a| {
        let sectors = a.sectors.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        vec![
            ("id", text(&a.id)),
            ("grantor", text(&a.grantor)),
            ("on_behalf_of", text(&a.on_behalf_of)),
            ("sectors", joined(&sectors, ", ")),
            ("from", day_opt(a.from)),
            ("to", day_opt(a.to)),
            ("basis", opt(a.basis.as_ref())),
        ]
    });
    sheets.push(layout_sheet("arrangements", arrangements.collect()));
    sheets.push(layout_sheet("reimbursement", reimbursement_rows(p)));
    sheets.push(layout_sheet("indices", index_rows(p)));
    sheets
}

/// One row per year of each index; the first carries the index.
fn index_rows(p: &PolicyDoc) -> Vec<Vec<(&'static str, Cell)>> {
    let mut rows = Vec::new();
    for x in &p.indices {
        for (i, y) in x.years.iter().enumerate() {
            let mut row = vec![
                ("id", text(&x.id)),
                ("year", Cell::Number(f64::from(y.year))),
                ("value", decimal_cell(&y.value.to_string())),
                ("confirmed", yes_no(y.confirmed)),
                ("note", opt(y.note.as_ref())),
            ];
            if i == 0 {
                row.push(("name", opt(x.name.as_ref())));
            }
            rows.push(row);
        }
    }
    rows
}

/// One row per legal basis; the first carries the service.
fn service_rows(p: &PolicyDoc) -> Vec<Vec<(&'static str, Cell)>> {
    let mut rows = Vec::new();
    for s in &p.services {
        let mut first = vec![
            ("id", text(&s.id)),
            ("name", text(&s.name)),
            ("sector", text(s.sector)),
            ("function", opt(s.function.as_ref())),
            ("kind", text(<&str>::from(s.kind))),
            ("key", opt(s.key.as_ref())),
            ("authority", target_text(&s.authority)),
            ("payer", target_text(&s.payer)),
        ];
        if s.legal_basis.is_empty() {
            rows.push(first);
            continue;
        }
        for (i, b) in s.legal_basis.iter().enumerate() {
            let mut row = if i == 0 { std::mem::take(&mut first) } else { vec![("id", text(&s.id))] };
            row.extend([
                ("legal_basis", text(&b.text)),
                ("legal_basis_from", day_opt(b.from)),
                ("legal_basis_to", day_opt(b.to)),
            ]);
            rows.push(row);
        }
    }
    rows
}

/// One row per key version; the first carries the name.
fn key_rows(p: &PolicyDoc) -> Vec<Vec<(&'static str, Cell)>> {
    let versions = p.keys.iter().flat_map(|k| {
        k.versions.iter().enumerate().map(move |(i, v)| {
            let name = if i == 0 { opt(k.name.as_ref()) } else { Cell::Empty };
            vec![
                ("id", text(&k.id)),
                ("name", name),
                ("from", day_opt(v.from)),
                ("to", day_opt(v.to)),
                ("kind", text(v.kind)),
                ("shares", shares_text(&v.shares)),
            ]
        })
    });
    versions.collect()
}

fn criteria_row(e: &crate::policy::CriteriaDoc) -> Vec<(&'static str, Cell)> {
    vec![
        ("from", day_opt(e.from)),
        ("to", day_opt(e.to)),
        ("min_sector_areas", Cell::Number(f64::from(e.min_sector_areas))),
        ("consent_required", yes_no(e.consent_required)),
        ("disability_required", yes_no(e.disability_required)),
        ("age_min", e.age.map_or(Cell::Empty, |a| Cell::Number(f64::from(a.min)))),
        ("age_max", e.age.map_or(Cell::Empty, |a| Cell::Number(f64::from(a.max)))),
        ("municipalities", e.municipalities.as_ref().map_or(Cell::Empty, |m| joined(m, ", "))),
    ]
}

/// One row per level; the first carries the scheme.
fn reimbursement_rows(p: &PolicyDoc) -> Vec<Vec<(&'static str, Cell)>> {
    let Some(r) = &p.reimbursement else { return Vec::new() };
    let levels = r.levels.iter().enumerate().map(|(i, l)| {
        let tiers = l.tiers.iter().map(|t| format!("{}={}", t.above, t.percent)).collect::<Vec<_>>();
        let mut row = vec![
            ("from", day_opt(l.from)),
            ("to", day_opt(l.to)),
            ("tiers", text(tiers.join("; "))),
            ("level_legal_basis", opt(l.legal_basis.as_ref())),
            ("index", opt(l.index.as_ref())),
            ("base_year", l.base_year.map_or(Cell::Empty, |y| Cell::Number(f64::from(y)))),
            ("round_to", l.round_to.map_or(Cell::Empty, Cell::money)),
            ("confirmed", if l.confirmed { Cell::Empty } else { yes_no(false) }),
            ("note", opt(l.note.as_ref())),
        ];
        if i == 0 {
            row.push(("function", opt(r.function.as_ref())));
            row.extend([
                ("id", text(&r.id)),
                ("name", opt(r.name.as_ref())),
                ("legal_basis", text(&r.legal_basis)),
                ("services", joined(&r.services, ", ")),
                ("recipient", target_text(&r.recipient)),
            ]);
        }
        row
    });
    levels.collect()
}

fn case_sheets(c: &CaseDoc) -> Vec<Sheet> {
    let names: Vec<&str> = CASE_SHEETS.iter().map(|(n, _)| *n).collect();
    let parents = c.parents.iter().map(|p| vec![("id", text(&p.id)), ("custody", yes_no(p.custody))]);
    let baseline =
        c.baseline.iter().map(|b| vec![("department", text(&b.department)), ("amount", Cell::money(b.amount))]);
    vec![
        layout_sheet(names[0], vec![case_head(c)]),
        layout_sheet(names[1], service_lines(c)),
        layout_sheet(names[2], agreement_rows(c)),
        layout_sheet(
            names[3],
            c.income.iter().map(|i| money_line(&i.id, &i.amount, i.per, i.from, i.to, &i.note)).collect(),
        ),
        layout_sheet(names[4], other_case_rows(c)),
        layout_sheet(names[5], parents.collect()),
        layout_sheet(names[6], consent_rows(c)),
        layout_sheet(names[7], baseline.collect()),
    ]
}

/// Whether the case's consent fits the `consent_from`/`consent_to` columns of the case row: one
/// period with a first day, given by the family as a whole for this child.
fn simple_consent(c: &CaseDoc) -> bool {
    matches!(c.consent.as_slice(), [one] if one.from.is_some() && one.by.is_empty() && one.scope == ConsentScope::Child)
}

fn case_head(c: &CaseDoc) -> Vec<(&'static str, Cell)> {
    let residence = c.child.handlekommune.iter().map(|h| format!("{}={}", h.municipality, h.from)).collect::<Vec<_>>();
    let mut head = vec![
        ("id", text(&c.id)),
        ("household", opt(c.household.as_ref())),
        ("birth_date", day(c.child.birth_date)),
        ("significant_permanent_disability", yes_no(c.child.significant_permanent_disability)),
        ("handlekommune", text(residence.join("; "))),
        ("enrolled", day_opt(c.enrolled)),
        ("discharged", day_opt(c.discharged)),
    ];
    if simple_consent(c) {
        let consent = c.consent.first();
        head.push(("consent_from", day_opt(consent.and_then(|v| v.from))));
        head.push(("consent_to", day_opt(consent.and_then(|v| v.to))));
    }
    head
}

/// The consent periods that do not fit the case row, one row each.
fn consent_rows(c: &CaseDoc) -> Vec<Vec<(&'static str, Cell)>> {
    if simple_consent(c) {
        return Vec::new();
    }
    let rows = c.consent.iter().map(|v| {
        vec![
            ("from", day_opt(v.from)),
            ("to", day_opt(v.to)),
            ("by", joined(&v.by, "; ")),
            ("scope", text(<&str>::from(v.scope))),
        ]
    });
    rows.collect()
}

fn money_line(
    id: &str,
    amount: &dyn ToString,
    per: crate::case::Per,
    from: crate::Date,
    to: Option<crate::Date>,
    note: &Option<String>,
) -> Vec<(&'static str, Cell)> {
    vec![
        ("id", text(id)),
        ("amount", Cell::money(amount.to_string())),
        ("per", text(<&str>::from(per))),
        ("from", day(from)),
        ("to", day_opt(to)),
        ("note", opt(note.as_ref())),
    ]
}

fn service_lines(c: &CaseDoc) -> Vec<Vec<(&'static str, Cell)>> {
    let services = c.services.iter().map(|s| {
        let mut row = money_line(&s.id, &s.amount, s.per, s.from, s.to, &s.note);
        row.push(("service", text(&s.service)));
        row.push(("quantity", opt(s.quantity)));
        row.push(("every", opt(s.every.map(<&str>::from))));
        row.push(("index", opt(s.index.as_ref())));
        row.push(("base_year", s.base_year.map_or(Cell::Empty, |y| Cell::Number(f64::from(y)))));
        row
    });
    services.collect()
}

fn agreement_rows(c: &CaseDoc) -> Vec<Vec<(&'static str, Cell)>> {
    let agreements = c.agreements.iter().map(|a| {
        let decided_by = match &a.decided_by {
            Some(crate::case::audit::DecidedBy::CoordinationGroup) => text("coordination_group"),
            Some(crate::case::audit::DecidedBy::Role(role)) => text(role),
            None => Cell::Empty,
        };
        vec![
            ("id", text(&a.id)),
            ("service", text(&a.service)),
            ("from", day(a.from)),
            ("to", day_opt(a.to)),
            ("kind", text(a.kind)),
            ("shares", shares_text(&a.shares)),
            ("note", opt(a.note.as_ref())),
            ("decided_by", decided_by),
            ("decided_on", day_opt(a.decided_on)),
            ("journal", opt(a.journal.as_ref())),
        ]
    });
    agreements.collect()
}

fn other_case_rows(c: &CaseDoc) -> Vec<Vec<(&'static str, Cell)>> {
    let others = c.other_cases.iter().map(|o| {
        vec![
            ("id", text(&o.id)),
            ("sector", text(o.sector)),
            ("department", opt(o.department.as_ref())),
            ("person", opt(o.person.as_ref())),
            ("from", day_opt(o.from)),
            ("to", day_opt(o.to)),
        ]
    });
    others.collect()
}

// ---- results ----------------------------------------------------------------------------------------

/// A label in the language of the workbook (the catalogues' `report-sheet-…`).
fn t(lang: Lang, key: &str) -> String {
    let word = match key {
        "byDepartment" => Word::SheetByDepartment,
        "byMunicipality" => Word::SheetByMunicipality,
        "byMonth" => Word::SheetByMonth,
        "lines" => Word::SheetLines,
        "verdict" => Word::SheetVerdict,
        "refund" => Word::SheetRefund,
        "reimbursementMonths" => Word::SheetReimbursementMonths,
        "department" => Word::SheetDepartment,
        "name" => Word::SheetName,
        "municipality" => Word::SheetMunicipality,
        "amount" => Word::SheetAmount,
        "total" => Word::SheetTotal,
        "code" => Word::SheetCode,
        "month" => Word::SheetMonth,
        "line" => Word::SheetLine,
        "service" => Word::SheetService,
        "from" => Word::SheetFrom,
        "to" => Word::SheetTo,
        "key" => Word::SheetKey,
        "eligibleCol" => Word::SheetEligibleCol,
        "yes" => Word::SheetYes,
        "no" => Word::SheetNo,
        "criterion" => Word::SheetCriterion,
        "passed" => Word::SheetPassed,
        "actual" => Word::SheetActual,
        "required" => Word::SheetRequired,
        "eligible" => Word::SheetEligible,
        "notEligible" => Word::SheetNotEligible,
        "gross" => Word::SheetGross,
        "net" => Word::SheetNet,
        "counted" => Word::SheetCounted,
        "income" => Word::SheetIncome,
        "base" => Word::SheetBase,
        "postings" => Word::SheetPostings,
        "changes" => Word::SheetChanges,
        "corrections" => Word::SheetCorrections,
        "before" => Word::SheetBefore,
        "after" => Word::SheetAfter,
        "difference" => Word::SheetDifference,
        "explanation" => Word::SheetExplanation,
        _ => return String::new(),
    };
    word.text(lang)
}

/// The sum of amounts, exactly (øre as integers).
fn sum(amounts: impl Iterator<Item = Money>) -> Money {
    Money::from_ore(amounts.fold(0i64, |s, a| s.saturating_add(a.ore())))
}

/// `SUM` of a column over rows `first..=last` (1-based).
fn sum_col(col: u32, first: usize, last: usize, value: Money) -> Cell {
    let c = super::col_name(col);
    Cell::formula(format!("SUM({c}{first}:{c}{last})"), value)
}

/// The result of a split as sheets: per department (with a native pie chart), per municipality, per
/// month and department, every line with its shares, the eligibility criteria, the state
/// reimbursement when there is one, and the case's own sheets (so the file loads again as the
/// case). Totals are `SUM` formulas whose cached values are the exact totals.
pub fn result_sheets(r: &SplitResult, case: Option<&CaseDoc>, lang: Lang) -> Vec<Sheet> {
    let mut sheets = vec![by_department(r, lang), by_municipality(r, lang), by_month(r, lang), lines(r, lang)];
    sheets.push(verdicts(r, lang));
    sheets.extend(reimbursement(r, lang));
    if let Some(c) = case {
        sheets.extend(case_sheets(c));
    }
    sheets
}

fn by_department(r: &SplitResult, lang: Lang) -> Sheet {
    let depts = &r.totals.by_department;
    let n = depts.len();
    let head = ["department", "name", "municipality", "amount"].map(|k| text(t(lang, k)));
    let rows =
        depts.iter().map(|d| vec![text(&d.department), text(&d.name), text(&d.municipality), Cell::money(d.amount)]);
    let total = vec![text(t(lang, "total")), Cell::Empty, Cell::Empty, sum_col(3, 2, n + 1, r.totals.case)];
    let pie = Pie {
        title: format!("{}: {}", r.case, t(lang, "byDepartment").to_lowercase()),
        series: t(lang, "amount"),
        label_col: 1,
        value_col: 3,
        first_row: 1,
        count: n as u32,
        anchor: (n as u32 + 3, 0),
    };
    let rows = std::iter::once(head.to_vec()).chain(rows).chain([total]).collect();
    Sheet { name: t(lang, "byDepartment"), rows, pie: Some(pie), lists: Vec::new(), cover: false }
}

fn by_municipality(r: &SplitResult, lang: Lang) -> Sheet {
    let munis = &r.totals.by_municipality;
    let head = ["municipality", "name", "code", "amount"].map(|k| text(t(lang, k)));
    let rows = munis
        .iter()
        .map(|m| vec![text(&m.municipality), text(&m.name), Cell::Number(f64::from(m.code)), Cell::money(m.amount)]);
    let total = vec![text(t(lang, "total")), Cell::Empty, Cell::Empty, sum_col(3, 2, munis.len() + 1, r.totals.case)];
    let rows = std::iter::once(head.to_vec()).chain(rows).chain([total]).collect();
    Sheet { name: t(lang, "byMunicipality"), rows, pie: None, lists: Vec::new(), cover: false }
}

fn by_month(r: &SplitResult, lang: Lang) -> Sheet {
    let depts = &r.totals.by_department;
    let n = depts.len() as u32;
    let last = r.totals.by_month.len() + 1;
    let mut head = vec![text(t(lang, "month"))];
    head.extend(depts.iter().map(|d| text(&d.department)));
    head.push(text(t(lang, "total")));
    let rows = r.totals.by_month.iter().enumerate().map(|(i, m)| {
        let mut row = vec![month_cell(m.month)];
        row.extend(m.departments.iter().map(|d| Cell::money(d.amount)));
        let end = super::col_name(n);
        row.push(Cell::formula(format!("SUM(B{row}:{end}{row})", row = i + 2), m.amount));
        row
    });
    let mut total = vec![text(t(lang, "total"))];
    total.extend(depts.iter().enumerate().map(|(j, d)| sum_col(j as u32 + 1, 2, last, d.amount)));
    total.push(sum_col(n + 1, 2, last, r.totals.case));
    let rows = std::iter::once(head).chain(rows).chain([total]).collect();
    Sheet { name: t(lang, "byMonth"), rows, pie: None, lists: Vec::new(), cover: false }
}

fn share_of(l: &Line, department: &str) -> Money {
    l.shares.iter().find(|s| &*s.department == department).map_or(Money::from_ore(0), |s| s.amount)
}

fn lines(r: &SplitResult, lang: Lang) -> Sheet {
    let depts = &r.totals.by_department;
    let last = r.lines.len() + 1;
    let mut head: Vec<Cell> = ["line", "service", "month", "from", "to", "key", "eligibleCol", "amount"]
        .iter()
        .map(|k| text(t(lang, k)))
        .collect();
    head.extend(depts.iter().map(|d| text(&d.department)));
    let rows = r.lines.iter().map(|l| {
        let key = match &l.key.id {
            Some(id) => format!("{}: {id}", l.key.source),
            None => l.key.source.to_string(),
        };
        let mut row =
            vec![text(&l.service_line), text(&l.service), month_cell(l.month), day(l.from), day(l.to), text(key)];
        row.push(text(t(lang, if l.eligible { "yes" } else { "no" })));
        row.push(Cell::money(l.amount));
        row.extend(depts.iter().map(|d| Cell::money(share_of(l, &d.department))));
        row
    });
    let mut total = vec![text(t(lang, "total"))];
    total.extend(std::iter::repeat_n(Cell::Empty, 6));
    total.push(sum_col(7, 2, last, sum(r.lines.iter().map(|l| l.amount))));
    total.extend(
        depts
            .iter()
            .enumerate()
            .map(|(j, d)| sum_col(j as u32 + 8, 2, last, sum(r.lines.iter().map(|l| share_of(l, &d.department))))),
    );
    let rows = std::iter::once(head).chain(rows).chain([total]).collect();
    Sheet { name: t(lang, "lines"), rows, pie: None, lists: Vec::new(), cover: false }
}

fn verdicts(r: &SplitResult, lang: Lang) -> Sheet {
    let head = ["from", "to", "verdict", "criterion", "passed", "actual", "required"].map(|k| text(t(lang, k)));
    let rows = r.eligibility.iter().flat_map(|v| {
        v.criteria.iter().map(move |c| {
            vec![
                day(v.from),
                day(v.to),
                text(t(lang, if v.eligible { "eligible" } else { "notEligible" })),
                text(c.criterion),
                text(t(lang, if c.passed { "yes" } else { "no" })),
                text(&c.actual),
                text(&c.required),
            ]
        })
    });
    let rows = std::iter::once(head.to_vec()).chain(rows).collect();
    Sheet { name: t(lang, "verdict"), rows, pie: None, lists: Vec::new(), cover: false }
}

fn reimbursement(r: &SplitResult, lang: Lang) -> Vec<Sheet> {
    let Some(re) = &r.reimbursement else { return Vec::new() };
    let k = re.by_department.len() + 1;
    let head = ["department", "municipality", "gross", "refund", "net"].map(|x| text(t(lang, x)));
    let rows = re.by_department.iter().map(|d| {
        vec![
            text(&d.department),
            text(&d.municipality),
            Cell::money(d.gross),
            Cell::money(d.reimbursement),
            Cell::money(d.net),
        ]
    });
    let total = vec![
        text(t(lang, "total")),
        Cell::Empty,
        sum_col(2, 2, k, re.total.gross),
        sum_col(3, 2, k, re.total.reimbursement),
        sum_col(4, 2, k, re.total.net),
    ];
    let by_dept = Sheet {
        name: t(lang, "refund"),
        rows: std::iter::once(head.to_vec()).chain(rows).chain([total]).collect(),
        pie: None,
        lists: Vec::new(),
        cover: false,
    };
    let head = ["month", "municipality", "counted", "income", "base", "refund"].map(|x| text(t(lang, x)));
    let rows = re.months.iter().map(|m| {
        vec![
            month_cell(m.month),
            text(&m.municipality),
            Cell::money(m.counted),
            Cell::money(m.income),
            Cell::money(m.base),
            Cell::money(m.reimbursement),
        ]
    });
    let mut total = vec![text(t(lang, "total"))];
    total.extend(std::iter::repeat_n(Cell::Empty, 4));
    total.push(sum_col(5, 2, re.months.len() + 1, sum(re.months.iter().map(|m| m.reimbursement))));
    let months = Sheet {
        name: t(lang, "reimbursementMonths"),
        rows: std::iter::once(head.to_vec()).chain(rows).chain([total]).collect(),
        pie: None,
        lists: Vec::new(),
        cover: false,
    };
    vec![by_dept, months]
}

/// Posting lines as a sheet (the columns of the CLI's postings CSV), with their total.
pub fn postings_sheet(postings: &[Posting], lang: Lang) -> Sheet {
    let header: Vec<Cell> = crate::report::postings::CSV_HEADER.split(',').map(text).collect();
    let amount_col = header.iter().position(|h| *h == text("amount")).unwrap_or(0);
    let rows = postings.iter().map(|p| {
        let csv = crate::report::postings::csv(std::slice::from_ref(p));
        let line = csv.lines().nth(1).unwrap_or("");
        let mut row: Vec<Cell> = line.split(',').map(text).collect();
        if let Some(c) = row.get_mut(amount_col) {
            *c = Cell::money(p.amount);
        }
        if let Some(c) = row.first_mut() {
            *c = month_cell(p.month);
        }
        row
    });
    let mut total = vec![text(t(lang, "total"))];
    total.extend(std::iter::repeat_n(Cell::Empty, amount_col.saturating_sub(1)));
    total.push(sum_col(amount_col as u32, 2, postings.len() + 1, sum(postings.iter().map(|p| p.amount))));
    let rows = std::iter::once(header).chain(rows).chain([total]).collect();
    Sheet { name: t(lang, "postings"), rows, pie: None, lists: Vec::new(), cover: false }
}

/// A comparison as sheets: the changes per month and department, and the correcting postings.
pub fn comparison_sheets(c: &Comparison, lang: Lang) -> Vec<Sheet> {
    let head = ["month", "department", "before", "after", "difference"].map(|k| text(t(lang, k)));
    let rows = c.changes.iter().map(|ch| {
        vec![
            month_cell(ch.month),
            text(&ch.department),
            Cell::money(ch.before),
            Cell::money(ch.after),
            Cell::money(ch.difference),
        ]
    });
    let n = c.changes.len() + 1;
    let total = vec![
        text(t(lang, "total")),
        Cell::Empty,
        sum_col(2, 2, n, sum(c.changes.iter().map(|x| x.before))),
        sum_col(3, 2, n, sum(c.changes.iter().map(|x| x.after))),
        sum_col(4, 2, n, sum(c.changes.iter().map(|x| x.difference))),
    ];
    let changes = Sheet {
        name: t(lang, "changes"),
        rows: std::iter::once(head.to_vec()).chain(rows).chain([total]).collect(),
        pie: None,
        lists: Vec::new(),
        cover: false,
    };
    let mut corrections = postings_sheet(&c.corrections, lang);
    corrections.name = t(lang, "corrections");
    vec![changes, corrections]
}

/// An explanation in words, a line of text per row.
pub fn explanation_sheet(explanation: &str, lang: Lang) -> Sheet {
    let rows = explanation.lines().map(|l| vec![text(l)]);
    Sheet {
        name: t(lang, "explanation"),
        rows: std::iter::once(vec![text(t(lang, "explanation"))]).chain(rows).collect(),
        pie: None,
        lists: Vec::new(),
        cover: false,
    }
}

/// The sheets of a successful answer: the split's sheets, then the command's own (postings,
/// comparison, explanation); the case's sheets when `case` is given. Nothing for `check`/`parse`.
pub fn response_sheets(output: &Output, case: Option<&CaseDoc>, lang: Lang) -> Vec<Sheet> {
    let mut sheets = command_sheets(output, case, lang);
    super::layout::localize(&mut sheets, lang);
    sheets
}

fn command_sheets(output: &Output, case: Option<&CaseDoc>, lang: Lang) -> Vec<Sheet> {
    match output {
        Output::Split(r) => result_sheets(r, case, lang),
        Output::Postings { split, postings, .. } => {
            let mut s = result_sheets(split, None, lang);
            s.push(postings_sheet(postings, lang));
            s.extend(case.map(case_sheets).unwrap_or_default());
            s
        }
        Output::Compare { split, comparison } => {
            let mut s = result_sheets(split, None, lang);
            s.extend(comparison_sheets(comparison, lang));
            s.extend(case.map(case_sheets).unwrap_or_default());
            s
        }
        Output::Explain { split, text } => {
            let mut s = vec![explanation_sheet(text, lang)];
            s.extend(result_sheets(split, case, lang));
            s
        }
        #[cfg(feature = "portfolio")]
        Output::Portfolio(p) => portfolio_sheets(p, lang),
        Output::Check(_) | Output::Parse { .. } | Output::Summary(_) => Vec::new(),
    }
}

/// A portfolio as sheets: the departments' figures (with a pie of the expected cost), the groups
/// (budget areas, committees, municipalities) and the budget year's months.
#[cfg(feature = "portfolio")]
pub fn portfolio_sheets(p: &crate::year::Portfolio, lang: Lang) -> Vec<Sheet> {
    use crate::year::portfolio::Figures;
    let l = lang;
    let money_opt = |m: Option<Money>| m.map_or(Cell::Empty, Cell::money);
    let figures = |f: &Figures| {
        let mut row = vec![
            Cell::money(f.actual),
            Cell::money(f.forecast),
            Cell::money(f.expected),
            money_opt(f.budget),
            money_opt(f.deviation),
            f.deviation_percent.as_ref().map_or(Cell::Empty, Cell::money),
            Cell::money(f.reimbursement),
            Cell::money(f.net),
        ];
        row.extend(f.later_years.iter().map(|y| Cell::money(y.gross)));
        row
    };
    let mut head: Vec<Cell> = vec![text(Word::PfId.text(l)), text(Word::PfName.text(l))];
    head.extend(crate::year::table::figure_headings(l).into_iter().map(text));
    head.extend(p.total.later_years.iter().map(|y| text(y.year)));
    let mut rows = vec![head.clone()];
    for d in &p.departments {
        rows.push([vec![text(&d.department), text(&d.name)], figures(&d.figures)].concat());
    }
    rows.push([vec![text(Word::PfTotal.text(l)), Cell::Empty], figures(&p.total)].concat());
    let n = p.departments.len() as u32;
    let pie = Pie {
        title: format!("{} {}", &Word::PfExpectedCost.text(l), p.year),
        series: Word::PfExpected.text(l),
        label_col: 1,
        value_col: 4,
        first_row: 1,
        count: n,
        anchor: (n + 3, 0),
    };
    let departments = Sheet { name: Word::PfPortfolio.text(l), rows, pie: Some(pie), lists: Vec::new(), cover: false };
    let mut groups = vec![head];
    for g in p.budget_areas.iter().chain(&p.committees).chain(&p.municipalities) {
        groups.push([vec![text(&g.id), text(&g.name)], figures(&g.figures)].concat());
    }
    let groups = Sheet { name: Word::PfGroups.text(l), rows: groups, pie: None, lists: Vec::new(), cover: false };
    let mut months =
        vec![[&Word::PfMonth.text(l), &Word::PfBooked.text(l), &Word::PfGross.text(l), &Word::PfReimbursement.text(l)]
            .map(text)
            .to_vec()];
    for m in &p.months {
        // Booked or not in the reader's language (ja/nej), as the other people-facing sheets.
        let booked = text(if m.booked { Word::PfYes } else { Word::PfNo }.text(l));
        months.push(vec![month_cell(m.month), booked, Cell::money(m.gross), Cell::money(m.reimbursement)]);
    }
    let months = Sheet { name: Word::PfMonths.text(l), rows: months, pie: None, lists: Vec::new(), cover: false };
    let mut sheets = vec![departments, groups, months];
    sheets.extend(p.scenario.as_deref().map(|s| scenario_sheet(p, s, l)));
    sheets
}

/// A scenario's changes per department and year (SEMANTICS.md section 10): the department's id and
/// name, the year, and gross, net and financed cost before, after and the change.
#[cfg(feature = "portfolio")]
fn scenario_sheet(p: &crate::year::Portfolio, s: &crate::year::portfolio::Scenario, l: Lang) -> Sheet {
    let name = |id: &str| {
        let mut all = p.departments.iter().chain(&s.portfolio.departments);
        all.find(|d| &*d.department == id).map_or(Cell::Empty, |d| text(&d.name))
    };
    let words = [
        Word::PfId,
        Word::PfName,
        Word::PfYear,
        Word::PfGrossBefore,
        Word::PfGrossAfter,
        Word::PfGrossChange,
        Word::PfNetBefore,
        Word::PfNetAfter,
        Word::PfNetChange,
        Word::PfFinancedBefore,
        Word::PfFinancedAfter,
        Word::PfFinancedChange,
    ];
    let mut rows = vec![words.iter().map(|w| text(w.text(l))).collect::<Vec<_>>()];
    for c in &s.changes {
        let mut row = vec![text(&c.department), name(&c.department), Cell::Number(f64::from(c.year))];
        let money = [c.gross_before, c.gross_after, c.gross_difference, c.net_before, c.net_after, c.net_difference];
        row.extend(money.map(Cell::money));
        row.extend([c.financed_before, c.financed_after, c.financed_difference].map(Cell::money));
        rows.push(row);
    }
    Sheet { name: Word::PfScenarioSheet.text(l), rows, pie: None, lists: Vec::new(), cover: false }
}

/// The cover of a result workbook: the case, the period, the policy and its version, the day it was
/// calculated (the request's `today`; empty if not given), the cost, and lines for sign-off.
pub fn cover_sheet(
    r: &SplitResult,
    policy: &PolicyDoc,
    case: Option<&CaseDoc>,
    today: Option<crate::Date>,
    lang: Lang,
) -> Sheet {
    let row = |w: Word, value: Cell| vec![text(w.text(lang)), value];
    let mut rows = vec![vec![text(Word::CoverTitle.text(lang))], vec![], row(Word::CoverCase, text(&r.case))];
    if let Some(h) = case.and_then(|c| c.household.as_ref()) {
        rows.push(row(Word::CoverHousehold, text(h)));
    }
    rows.extend([
        row(Word::CoverPeriodFrom, day(r.period.from)),
        row(Word::CoverPeriodTo, day(r.period.to)),
        row(Word::CoverPolicy, text(&policy.name)),
        row(Word::CoverPolicyVersion, opt(policy.version.as_ref())),
        row(Word::CoverCalculatedOn, day_opt(today)),
        row(Word::CoverTotal, Cell::money(r.totals.case)),
        vec![],
        row(Word::CoverPreparedBy, Cell::Empty),
        row(Word::CoverSignedOn, Cell::Empty),
        vec![],
        row(Word::CoverApprovedBy, Cell::Empty),
        row(Word::CoverSignedOn, Cell::Empty),
    ]);
    Sheet { name: Word::CoverSheet.text(lang), rows, pie: None, lists: Vec::new(), cover: true }
}

/// The split a command's answer holds, if any.
fn split_of(output: &Output) -> Option<&SplitResult> {
    match output {
        Output::Split(r) => Some(r),
        Output::Postings { split, .. } | Output::Compare { split, .. } | Output::Explain { split, .. } => Some(split),
        _ => None,
    }
}

/// Answer a request (split, explain, postings or compare; `detail` is ignored) as a workbook: a
/// cover, the answer's sheets and the case's own. A request the library refuses gives its error answer.
pub fn response_workbook(request: Request) -> Result<Vec<u8>, Response> {
    let lang = request.lang;
    let today = request.today;
    let parse = Request { command: Command::Parse, ..request.clone() };
    let (policy, case) = match handle(parse) {
        Response::Ok { result, .. } => match *result {
            Output::Parse { policy, case } => (policy, case),
            _ => {
                return Err(Response::Error {
                    version: crate::contract::CONTRACT_VERSION,
                    errors: vec![internal("unexpected answer")],
                })
            }
        },
        error => return Err(error),
    };
    let request = Request { detail: crate::contract::Detail::Full, ..request };
    let response = handle(request);
    let Response::Ok { result, .. } = &response else { return Err(response) };
    let mut sheets = response_sheets(result, case.as_ref(), lang);
    if let Some(split) = split_of(result).filter(|_| !sheets.is_empty()) {
        sheets.insert(0, cover_sheet(split, &policy, case.as_ref(), today, lang));
    }
    if sheets.is_empty() {
        let e = internal("this command has no workbook: use split, explain, postings or compare");
        return Err(Response::Error { version: crate::contract::CONTRACT_VERSION, errors: vec![e] });
    }
    write_sheets_in(&sheets, lang).map_err(|e| Response::Error {
        version: crate::contract::CONTRACT_VERSION,
        errors: vec![internal(&e.to_string())],
    })
}
