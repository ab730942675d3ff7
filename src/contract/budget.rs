//! A budget read from CSV: a header `department,year,amount` (any order; `,`, `;` or tab), one line
//! per department and year. Amounts as in batch CSV: at most two decimals, a decimal comma only in
//! `;`-separated files, no thousands separators.

use crate::contract::batch::csv_amount;
use crate::contract::ErrorReport;
use crate::model::error::{Doc, ErrorCode};
use crate::year::{BudgetDoc, BudgetLineDoc};

fn problem(line: usize, column: &str, message: String) -> ErrorReport {
    ErrorReport {
        kind: Doc::Request.into(),
        code: ErrorCode::Invalid,
        item: format!("budget line {line}"),
        field: Some(column.into()),
        message: format!("budget line {line}, column '{column}': {message}"),
    }
}

/// Read a budget from CSV text; every bad line is reported.
pub fn budget_from_csv(text: &str) -> Result<BudgetDoc, Vec<ErrorReport>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.lines().next().unwrap_or("");
    let delimiter = [b';', b'\t', b','].into_iter().max_by_key(|&d| first.bytes().filter(|&b| b == d).count());
    let delimiter = delimiter.filter(|&d| first.as_bytes().contains(&d)).unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new().delimiter(delimiter).from_reader(text.as_bytes());
    let headers = match reader.headers() {
        Ok(h) => h.iter().map(|h| h.trim().to_string()).collect::<Vec<_>>(),
        Err(e) => return Err(vec![problem(1, "header", e.to_string())]),
    };
    let col = |name: &str| headers.iter().position(|h| h == name);
    let (Some(d), Some(y), Some(a)) = (col("department"), col("year"), col("amount")) else {
        return Err(vec![problem(1, "header", "the budget needs the columns department, year and amount".into())]);
    };
    let mut doc = BudgetDoc::default();
    let mut errors = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let line = i + 2;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                errors.push(problem(line, "record", e.to_string()));
                continue;
            }
        };
        let field = |k: usize| record.get(k).unwrap_or("").trim();
        let year = field(y).parse::<i32>().map_err(|_| format!("'{}' is not a year", field(y)));
        let amount = csv_amount(field(a), delimiter);
        match (year, amount) {
            (Ok(year), Ok(amount)) => {
                doc.budget.push(BudgetLineDoc { department: field(d).to_string(), year, amount });
            }
            (year, amount) => {
                if let Err(e) = year {
                    errors.push(problem(line, "year", e));
                }
                if let Err(e) = amount {
                    errors.push(problem(line, "amount", e));
                }
            }
        }
    }
    if errors.is_empty() {
        Ok(doc)
    } else {
        Err(errors)
    }
}
