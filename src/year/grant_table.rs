//! The grants (external co-financing) and a scenario's changes as tables for people, after the
//! portfolio's own table.

use std::fmt::Write;

use crate::i18n::{Lang, Word};
use crate::year::financing_table::arrangement_heading;
use crate::year::grant::GrantYear;
use crate::year::names::{width, Names};
use crate::year::portfolio::Scenario;
use crate::year::table::kr;

/// The portfolio's table with its pools and compensations, then its grants and, with a scenario,
/// what the scenario changes.
pub fn portfolio_tables(p: &crate::year::Portfolio, l: Lang) -> String {
    let names = Names::of(p);
    let mut t = crate::year::financing_table::portfolio_and_financing_table(p, l);
    t.push_str(&grants_table(&p.grants, &names, l));
    if let Some(s) = &p.scenario {
        t.push_str(&scenario_table(s, &names, l));
    }
    t
}

/// Each grant: its period and share, its total, what it covered before and in the year, what is
/// left; per department (by name) its cost, the grant's part and the own share; the income postings.
pub fn grants_table(grants: &[GrantYear], names: &Names<'_>, l: Lang) -> String {
    let mut o = String::new();
    for g in grants {
        let to = g.to.map(|t| format!(" {} {}", Word::PfToDay.text(l), l.date(&t.to_string()))).unwrap_or_default();
        let _ = writeln!(
            o,
            "\n{}, {} {} %, {} {}{to}",
            arrangement_heading(Word::PfGrant, &g.id, &g.name, l),
            &Word::PfCovers.text(l),
            l.number(&g.percent),
            &Word::PfFromDay.text(l),
            l.date(&g.from.to_string()),
        );
        let none = Word::PfNoCap.text(l);
        let total = g.total.map_or(none.clone(), |t| kr(t, l));
        let left = g.left.map_or(none, |t| kr(t, l));
        for (label, value) in [
            (Word::PfGrantTotal.text(l), total),
            (Word::PfCoveredBefore.text(l), kr(g.covered_before, l)),
            (Word::PfCoveredActual.text(l), kr(g.covered_actual, l)),
            (Word::PfCoveredForecast.text(l), kr(g.covered_forecast, l)),
            (Word::PfLeft.text(l), left),
        ] {
            let _ = writeln!(o, "  {label:<26} {value:>15}");
        }
        let w = width(g.departments.iter().map(|d| names.department(&d.department)), 24);
        let _ = writeln!(
            o,
            "  {:<w$} {:>16} {:>16} {:>16}",
            "",
            &Word::PfCosts.text(l),
            &Word::PfGrantPart.text(l),
            &Word::PfOwnShare.text(l),
        );
        for d in &g.departments {
            let (name, cost, grant, own) =
                (names.department(&d.department), kr(d.cost, l), kr(d.grant, l), kr(d.own, l));
            let _ = writeln!(o, "  {name:<w$} {cost:>16} {grant:>16} {own:>16}");
        }
        crate::year::financing_table::postings_table(&mut o, &g.postings, names, l);
    }
    o
}

/// A scenario's changes per department (by name) and year: gross, net and financed cost before,
/// after and the change.
pub fn scenario_table(s: &Scenario, names: &Names<'_>, l: Lang) -> String {
    let mut o = format!("\n{}\n", Word::PfScenarioChanges.text(l));
    if s.changes.is_empty() {
        let _ = writeln!(o, "  {}", Word::PfNoChanges.text(l));
        return o;
    }
    let department = Word::Department.text(l);
    let w = width(s.changes.iter().map(|c| names.department(&c.department)).chain([department.as_str()]), 15) + 1;
    let mut head = format!("  {:<w$} {:<6}", department, &Word::PfYear.text(l));
    for word in [
        Word::PfGrossBefore,
        Word::PfGrossAfter,
        Word::PfGrossChange,
        Word::PfNetBefore,
        Word::PfNetAfter,
        Word::PfNetChange,
        Word::PfFinancedBefore,
        Word::PfFinancedAfter,
        Word::PfFinancedChange,
    ] {
        let _ = write!(head, " {:>20}", word.text(l));
    }
    let _ = writeln!(o, "{}", head.trim_end());
    for c in &s.changes {
        let mut row = format!("  {:<w$} {:<6}", names.department(&c.department), c.year);
        let money = [c.gross_before, c.gross_after, c.gross_difference, c.net_before, c.net_after, c.net_difference];
        let financed = [c.financed_before, c.financed_after, c.financed_difference];
        for cell in money.into_iter().chain(financed).map(|m| kr(m, l)) {
            let _ = write!(row, " {cell:>20}");
        }
        let _ = writeln!(o, "{}", row.trim_end());
    }
    o
}
