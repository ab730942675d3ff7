//! The financing models of a portfolio as a table for people (after the portfolio's own table).

use std::fmt::Write;

use crate::i18n::{Lang, Word};
use crate::year::financing::{CompensationYear, FinancingPosting, FinancingPurpose, PoolYear};
use crate::year::names::{line, width, Names};
use crate::year::portfolio::Portfolio;
use crate::year::table::{kr, portfolio_table};

/// The portfolio's table followed by its financing models.
pub fn portfolio_and_financing_table(p: &Portfolio, l: Lang) -> String {
    let names = Names::of(p);
    portfolio_table(p, l) + &pools_table(&p.pools, &names, l) + &compensations_table(&p.compensations, &names, l)
}

/// An arrangement's heading: its kind and its name (its id when it has none).
pub(crate) fn arrangement_heading(kind: Word, id: &str, name: &str, l: Lang) -> String {
    format!("{}: {}", kind.text(l), if name.is_empty() { id } else { name })
}

/// The pools: the year's account, each department's contribution and settlement against the
/// per-case split, and the postings. Departments by name.
pub fn pools_table(pools: &[PoolYear], names: &Names<'_>, l: Lang) -> String {
    let mut o = String::new();
    for p in pools {
        let _ = writeln!(
            o,
            "\n{}, {} {}",
            arrangement_heading(Word::PfPool, &p.id, &p.name, l),
            &Word::PfHeldBy.text(l),
            names.department(&p.holder)
        );
        for (label, m) in [
            (&Word::PfOpeningBalance.text(l), p.opening_balance),
            (&Word::PfContributions.text(l), p.contributions),
            (&Word::PfCostsActual.text(l), p.costs_actual),
            (&Word::PfCostsForecast.text(l), p.costs_forecast),
            (&Word::PfResultSurplus.text(l), p.result),
            (&Word::PfCarriedOver.text(l), p.carried_over),
            (&Word::PfSettled.text(l), p.settled),
        ] {
            let _ = writeln!(o, "  {label:<26} {:>15}", kr(m, l));
        }
        let w = width(p.departments.iter().map(|d| names.department(&d.department)), 24);
        let heads = [Word::PfContribution, Word::PfSettlement, Word::PfNet, Word::PfPerCaseSplit, Word::PfDifference]
            .map(|h| h.text(l));
        let c = width(heads.iter().map(String::as_str), 14) + 1;
        line(&mut o, "  ", "", w, &heads, c);
        for d in &p.departments {
            let cells = [d.contribution, d.settlement, d.net, d.per_case_split, d.difference].map(|m| kr(m, l));
            line(&mut o, "  ", names.department(&d.department), w, &cells, c);
        }
        postings_table(&mut o, &p.postings, names, l);
        later_years_table(&mut o, &p.later_years, l);
    }
    o
}

/// A pool's later years, each opening with what the year before carried over.
fn later_years_table(o: &mut String, years: &[crate::year::financing::PoolLaterYear], l: Lang) {
    if years.is_empty() {
        return;
    }
    let _ = writeln!(o, "  {}", &Word::PfLaterYearsAtBudgetPrices.text(l));
    let heads = [
        Word::PfOpeningBalance,
        Word::PfContributions,
        Word::PfCosts,
        Word::PfResultSurplus,
        Word::PfCarriedOver,
        Word::PfSettled,
    ]
    .map(|h| h.text(l));
    let c = width(heads.iter().map(String::as_str), 14) + 1;
    line(o, "    ", &Word::PfYear.text(l), 6, &heads, c);
    for y in years {
        let cells =
            [y.opening_balance, y.contributions, y.costs, y.result, y.carried_over, y.settled].map(|m| kr(m, l));
        line(o, "    ", &y.year.to_string(), 6, &cells, c);
    }
}

/// A financing arrangement's posting lines: the month (as the language writes it), the
/// department's id (the finance code a finance system needs) and name, the account, the amount, and
/// what the posting is with the counterpart's name.
pub(crate) fn postings_table(o: &mut String, postings: &[FinancingPosting], names: &Names<'_>, l: Lang) {
    if postings.is_empty() {
        return;
    }
    let _ = writeln!(o, "  {}", &Word::PfPostings.text(l));
    let idw = width(postings.iter().map(|x| &*x.department), 12);
    let w = width(postings.iter().map(|x| names.department(&x.department)), 12) + 1;
    for x in postings {
        let art = match &x.function {
            Some(f) => format!("{f} {}", x.art),
            None => x.art.to_string(),
        };
        let purpose = match x.purpose {
            FinancingPurpose::Contribution => &Word::PfContribution.text(l),
            FinancingPurpose::Settlement => &Word::PfSettlement.text(l),
            FinancingPurpose::Compensation => &Word::PfCompensation.text(l),
            FinancingPurpose::Grant => &Word::PfGrantIncome.text(l),
        };
        let _ = writeln!(
            o,
            "    {:<8} {:<idw$} {:<w$} {:<11} {:>15}  {} {}",
            l.date(&x.month.to_string()),
            x.department,
            names.department(&x.department),
            art,
            kr(x.amount, l),
            purpose,
            names.any(&x.counterpart)
        );
    }
}

/// One pays, the others compensate: the costs per period and each department's share and
/// compensation against the per-case split, and the postings.
pub fn compensations_table(list: &[CompensationYear], names: &Names<'_>, l: Lang) -> String {
    let mut o = String::new();
    for c in list {
        let _ = writeln!(
            o,
            "\n{}, {} {}",
            arrangement_heading(Word::PfCompensationHeading, &c.id, &c.name, l),
            &Word::PfPaidBy.text(l),
            names.department(&c.payer)
        );
        let _ = writeln!(o, "  {:<26} {:>15}", &Word::PfCosts.text(l), kr(c.costs, l));
        for p in &c.periods {
            let _ = writeln!(o, "  {:<26} {:>15}", l.date(&p.settled_in.to_string()), kr(p.costs, l));
        }
        let w = width(c.departments.iter().map(|d| names.department(&d.department)), 24);
        let heads = [Word::PfShare, Word::PfCompensation, Word::PfPerCaseSplit, Word::PfDifference].map(|h| h.text(l));
        let cw = width(heads.iter().map(String::as_str), 14) + 1;
        line(&mut o, "  ", "", w, &heads, cw);
        for d in &c.departments {
            let cells = [d.share, d.compensation, d.per_case_split, d.difference].map(|m| kr(m, l));
            line(&mut o, "  ", names.department(&d.department), w, &cells, cw);
        }
        postings_table(&mut o, &c.postings, names, l);
    }
    o
}
