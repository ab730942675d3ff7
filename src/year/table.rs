//! The portfolio as a table for people: Danish numbers (1.234,56) in Danish, English ones
//! (1,234.56) in English.

use std::fmt::Write;

use crate::i18n::{Lang, Word};
use crate::model::money::Money;
use crate::year::names::{width, Names};
use crate::year::portfolio::{Figures, GroupFigures, Portfolio};

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

fn row(o: &mut String, label: &str, w: usize, f: &Figures, l: Lang) {
    let _ = write!(
        o,
        "  {:<w$} {:>15} {:>15} {:>15} {:>15} {:>15} {:>8} {:>15} {:>15}",
        label,
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

fn header(o: &mut String, title: &str, w: usize, p: &Portfolio, l: Lang) {
    let [actual, forecast, expected, budget, deviation, percent, reimbursement, net] = figure_headings(l);
    let _ = write!(
        o,
        "{title}\n  {:<w$} {actual:>15} {forecast:>15} {expected:>15} {budget:>15} {deviation:>15} {percent:>8} \
         {reimbursement:>15} {net:>15}",
        "",
    );
    for y in &p.total.later_years {
        let _ = write!(o, " {:>15}", y.year);
    }
    o.push('\n');
}

/// The first line: the year, the number of cases and households, and the last month booked (as
/// the language writes a month: 06-2025 in Danish) or that nothing is booked yet.
fn heading(o: &mut String, p: &Portfolio, l: Lang) {
    let booked = match p.booked_through {
        Some(m) => format!("{} {}", Word::PfBookedThrough.text(l), l.date(&m.to_string())),
        None => Word::PfNothingBooked.text(l),
    };
    let _ = writeln!(
        o,
        "{} {}: {} {}, {} {}, {booked}\n",
        &Word::PfPortfolio.text(l),
        p.year,
        p.cases,
        &Word::PfCases.text(l),
        p.households,
        &Word::PfHouseholds.text(l),
    );
}

/// A group's name, or its id when the policy gives it none.
fn group_label(g: &GroupFigures) -> &str {
    if g.name.is_empty() {
        &g.id
    } else {
        &g.name
    }
}

/// The portfolio as text: departments, budget areas, committees, municipalities, the total and the
/// months of the budget year. Each is shown by its name in the policy (the JSON keeps the ids).
pub fn portfolio_table(p: &Portfolio, l: Lang) -> String {
    let mut o = String::new();
    let names = Names::of(p);
    heading(&mut o, p, l);
    let total = Word::PfTotal.text(l);
    let groups = p.budget_areas.iter().chain(&p.committees).chain(&p.municipalities);
    let labels = p.departments.iter().map(|d| names.department(&d.department));
    let w = width(labels.chain(groups.map(group_label)).chain([total.as_str()]), 24);
    header(&mut o, &Word::PfPerDepartment.text(l), w, p, l);
    for d in &p.departments {
        row(&mut o, names.department(&d.department), w, &d.figures, l);
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
        header(&mut o, title, w, p, l);
        for g in groups {
            row(&mut o, group_label(g), w, &g.figures, l);
        }
    }
    o.push('\n');
    row(&mut o, &total, w, &p.total, l);
    let _ = writeln!(o, "\n{}", &Word::PfPerMonth.text(l));
    for m in &p.months {
        let kind = if m.booked { &Word::PfActual.text(l) } else { &Word::PfForecast.text(l) };
        let _ = writeln!(
            o,
            "  {:<8} {:<10} {:>15} {:>15}",
            l.date(&m.month.to_string()),
            kind,
            kr(m.gross, l),
            kr(m.reimbursement, l)
        );
    }
    if let Some(f) = &p.follow_up {
        crate::year::followup_table::follow_up_table(f, &names, &mut o, l, kr);
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
