//! A budget read from CSV: a header `department,year,amount` (any order; `,`, `;` or tab), one line
//! per department and year. Amounts as in batch CSV: at most two decimals, a decimal comma only in
//! `;`-separated files, no thousands separators.

use crate::contract::batch::csv_amount_in;
use crate::contract::ErrorReport;
use crate::i18n::{Lang, Word};
use crate::model::error::{Doc, ErrorCode};
use crate::year::{BudgetDoc, BudgetLineDoc};

fn problem(lang: Lang, line: usize, column: &str, message: String) -> ErrorReport {
    let line = line.to_string();
    ErrorReport {
        kind: Doc::Request.into(),
        code: ErrorCode::Invalid,
        item: Word::BudgetLine.with(lang, &[("line", &line)]),
        field: Some(column.into()),
        message: Word::BudgetProblem.with(lang, &[("line", &line), ("column", column), ("problem", &message)]),
    }
}

/// Read a budget from CSV text; every bad line is reported, in `lang`.
pub fn budget_from_csv(text: &str, lang: Lang) -> Result<BudgetDoc, Vec<ErrorReport>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.lines().next().unwrap_or("");
    let delimiter = [b';', b'\t', b','].into_iter().max_by_key(|&d| first.bytes().filter(|&b| b == d).count());
    let delimiter = delimiter.filter(|&d| first.as_bytes().contains(&d)).unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new().delimiter(delimiter).from_reader(text.as_bytes());
    let headers = match reader.headers() {
        Ok(h) => h.iter().map(|h| h.trim().to_string()).collect::<Vec<_>>(),
        Err(e) => return Err(vec![problem(lang, 1, "header", e.to_string())]),
    };
    let col = |name: &str| headers.iter().position(|h| h == name);
    let (Some(d), Some(y), Some(a)) = (col("department"), col("year"), col("amount")) else {
        return Err(vec![problem(lang, 1, "header", Word::BudgetColumns.text(lang))]);
    };
    let mut doc = BudgetDoc::default();
    let mut errors = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let line = i + 2;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                errors.push(problem(lang, line, "record", e.to_string()));
                continue;
            }
        };
        let field = |k: usize| record.get(k).unwrap_or("").trim();
        let year = field(y).parse::<i32>().map_err(|_| Word::BudgetNotAYear.with(lang, &[("value", field(y))]));
        let amount = csv_amount_in(field(a), delimiter, lang);
        match (year, amount) {
            (Ok(year), Ok(amount)) => {
                doc.budget.push(BudgetLineDoc { department: field(d).to_string(), year, amount });
            }
            (year, amount) => {
                if let Err(e) = year {
                    errors.push(problem(lang, line, "year", e));
                }
                if let Err(e) = amount {
                    errors.push(problem(lang, line, "amount", e));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn budget_problems_are_in_the_users_language() {
        let text = "department;year;amount\na-social;20x5;1000,50\nb-school;2025;10,505\n";
        let errors = budget_from_csv(text, Lang::Da).unwrap_err();
        let messages: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
        assert_eq!(messages[0], "budgetlinje 2, kolonne 'year': '20x5' er ikke et årstal", "{messages:?}");
        assert!(messages[1].starts_with("budgetlinje 3, kolonne 'amount': "), "{messages:?}");
        assert_eq!(errors[0].item, "budgetlinje 2");
        let errors = budget_from_csv("department,amount\n", Lang::En).unwrap_err();
        assert_eq!(
            errors[0].message,
            "budget line 1, column 'header': the budget needs the columns department, year and amount"
        );
        let ok = budget_from_csv("department;year;amount\na-social;2025;1000,50\n", Lang::Da).unwrap();
        assert_eq!(ok.budget[0].amount.value().to_string(), "1000.50");
    }
}
