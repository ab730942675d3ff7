//! The portfolio as a table for people: Danish numbers (1.234,56) in Danish, English ones
//! (1,234.56) in English.

use std::fmt::Write;

use crate::i18n::{Lang, Word};
use crate::model::money::Money;
use crate::year::portfolio::{Figures, Portfolio};

/// An amount with thousands separators in the language's style.
pub fn kr(m: Money, l: Lang) -> String {
    let ore = m.ore();
    let (sep, dec) = match l {
        Lang::Da => ('.', ','),
        _ => (',', '.'),
    };
    let a = ore.unsigned_abs();
    let whole = (a / 100).to_string();
    let mut grouped = String::with_capacity(whole.len() + whole.len() / 3);
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(sep);
        }
        grouped.push(c);
    }
    let sign = if ore < 0 { "-" } else { "" };
    format!("{sign}{grouped}{dec}{:02}", a % 100)
}

fn opt(m: Option<Money>, l: Lang) -> String {
    m.map_or_else(|| "-".to_string(), |m| kr(m, l))
}

/// A per-cent text (`12.34`) in the language's style.
fn pct(p: &Option<String>, l: Lang) -> String {
    match (p, l) {
        (None, _) => "-".into(),
        (Some(p), Lang::Da) => p.replace('.', ","),
        (Some(p), _) => p.clone(),
    }
}

fn row(o: &mut String, id: &str, f: &Figures, l: Lang) {
    let _ = write!(
        o,
        "  {:<24} {:>15} {:>15} {:>15} {:>15} {:>15} {:>8} {:>15} {:>15}",
        id,
        kr(f.actual, l),
        kr(f.forecast, l),
        kr(f.expected, l),
        opt(f.budget, l),
        opt(f.deviation, l),
        pct(&f.deviation_percent, l),
        kr(f.reimbursement, l),
        kr(f.net, l)
    );
    for y in &f.later_years {
        let _ = write!(o, " {:>15}", kr(y.gross, l));
    }
    o.push('\n');
}

/// The headings of a portfolio's figures, in their order (the table and the workbook use them).
pub fn figure_headings(l: Lang) -> [String; 8] {
    [
        Word::PfActual.text(l),
        Word::PfForecast.text(l),
        Word::PfExpected.text(l),
        Word::PfBudget.text(l),
        Word::PfDeviation.text(l),
        "%".to_string(),
        Word::PfReimbursement.text(l),
        Word::PfNet.text(l),
    ]
}

fn header(o: &mut String, title: &str, p: &Portfolio, l: Lang) {
    let [actual, forecast, expected, budget, deviation, percent, reimbursement, net] = figure_headings(l);
    let _ = write!(
        o,
        "{title}\n  {:<24} {actual:>15} {forecast:>15} {expected:>15} {budget:>15} {deviation:>15} {percent:>8} \
         {reimbursement:>15} {net:>15}",
        "",
    );
    for y in &p.total.later_years {
        let _ = write!(o, " {:>15}", y.year);
    }
    o.push('\n');
}

/// The portfolio as text: departments, budget areas, committees, municipalities, the total and the
/// months of the budget year.
pub fn portfolio_table(p: &Portfolio, l: Lang) -> String {
    let mut o = String::new();
    let booked = p.booked_through.map_or_else(|| Word::PfNothing.text(l), |m| m.to_string());
    let _ = writeln!(
        o,
        "{} {}: {} {}, {} {}, {} {booked}\n",
        &Word::PfPortfolio.text(l),
        p.year,
        p.cases,
        &Word::PfCases.text(l),
        p.households,
        &Word::PfHouseholds.text(l),
        &Word::PfBookedThrough.text(l),
    );
    header(&mut o, &Word::PfPerDepartment.text(l), p, l);
    for d in &p.departments {
        row(&mut o, &d.department, &d.figures, l);
    }
    for (title, groups) in [
        (&Word::PfPerBudgetArea.text(l), &p.budget_areas),
        (&Word::PfPerCommittee.text(l), &p.committees),
        (&Word::PfPerMunicipality.text(l), &p.municipalities),
    ] {
        if groups.is_empty() {
            continue;
        }
        o.push('\n');
        header(&mut o, title, p, l);
        for g in groups {
            row(&mut o, &g.id, &g.figures, l);
        }
    }
    o.push('\n');
    row(&mut o, &Word::PfTotal.text(l), &p.total, l);
    let _ = writeln!(o, "\n{}", &Word::PfPerMonth.text(l));
    for m in &p.months {
        let kind = if m.booked { &Word::PfActual.text(l) } else { &Word::PfForecast.text(l) };
        let _ = writeln!(
            o,
            "  {:<8} {:<10} {:>15} {:>15}",
            m.month.to_string(),
            kind,
            kr(m.gross, l),
            kr(m.reimbursement, l)
        );
    }
    if let Some(f) = &p.follow_up {
        crate::year::followup_table::follow_up_table(f, &mut o, l, kr);
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_in_both_languages() {
        assert_eq!(kr(Money::from_ore(123_456_789), Lang::Da), "1.234.567,89");
        assert_eq!(kr(Money::from_ore(-100_000), Lang::En), "-1,000.00");
        assert_eq!(kr(Money::from_ore(5), Lang::Da), "0,05");
    }
}
