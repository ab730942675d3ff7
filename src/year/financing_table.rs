//! The financing models of a portfolio as a table for people (after the portfolio's own table).

use std::fmt::Write;

use crate::i18n::{Lang, Word};
use crate::year::financing::{CompensationYear, FinancingPosting, FinancingPurpose, PoolYear};
use crate::year::portfolio::Portfolio;
use crate::year::table::{kr, portfolio_table};

/// The portfolio's table followed by its financing models.
pub fn portfolio_and_financing_table(p: &Portfolio, l: Lang) -> String {
    portfolio_table(p, l) + &pools_table(&p.pools, l) + &compensations_table(&p.compensations, l)
}

/// The pools: the year's account, each department's contribution and settlement against the
/// per-case split, and the postings.
pub fn pools_table(pools: &[PoolYear], l: Lang) -> String {
    let mut o = String::new();
    for p in pools {
        let _ =
            writeln!(o, "\n{} {} ({}), {} {}", &Word::PfPool.text(l), p.id, p.name, &Word::PfHeldBy.text(l), p.holder);
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
        let _ = writeln!(
            o,
            "  {:<24} {:>15} {:>15} {:>15} {:>15} {:>15}",
            "",
            &Word::PfContribution.text(l),
            &Word::PfSettlement.text(l),
            &Word::PfNet.text(l),
            &Word::PfPerCaseSplit.text(l),
            &Word::PfDifference.text(l),
        );
        for d in &p.departments {
            let _ = writeln!(
                o,
                "  {:<24} {:>15} {:>15} {:>15} {:>15} {:>15}",
                d.department,
                kr(d.contribution, l),
                kr(d.settlement, l),
                kr(d.net, l),
                kr(d.per_case_split, l),
                kr(d.difference, l)
            );
        }
        postings_table(&mut o, &p.postings, l);
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
    let _ = writeln!(
        o,
        "    {:<6} {:>15} {:>15} {:>15} {:>15} {:>15} {:>15}",
        &Word::PfYear.text(l),
        &Word::PfOpeningBalance.text(l),
        &Word::PfContributions.text(l),
        &Word::PfCosts.text(l),
        &Word::PfResultSurplus.text(l),
        &Word::PfCarriedOver.text(l),
        &Word::PfSettled.text(l),
    );
    for y in years {
        let _ = writeln!(
            o,
            "    {:<6} {:>15} {:>15} {:>15} {:>15} {:>15} {:>15}",
            y.year,
            kr(y.opening_balance, l),
            kr(y.contributions, l),
            kr(y.costs, l),
            kr(y.result, l),
            kr(y.carried_over, l),
            kr(y.settled, l)
        );
    }
}

pub(crate) fn postings_table(o: &mut String, postings: &[FinancingPosting], l: Lang) {
    if !postings.is_empty() {
        let _ = writeln!(o, "  {}", &Word::PfPostings.text(l));
    }
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
            "    {:<8} {:<14} {:<5} {:>15}  {} {}",
            x.month.to_string(),
            x.department,
            art,
            kr(x.amount, l),
            purpose,
            x.counterpart
        );
    }
}

/// One pays, the others compensate: the costs per period and each department's share and
/// compensation against the per-case split, and the postings.
pub fn compensations_table(list: &[CompensationYear], l: Lang) -> String {
    let mut o = String::new();
    for c in list {
        let _ = writeln!(
            o,
            "\n{} {} ({}), {} {}",
            &Word::PfCompensationHeading.text(l),
            c.id,
            c.name,
            &Word::PfPaidBy.text(l),
            c.payer
        );
        let _ = writeln!(o, "  {:<26} {:>15}", &Word::PfCosts.text(l), kr(c.costs, l));
        for p in &c.periods {
            let _ = writeln!(o, "  {:<26} {:>15}", p.settled_in.to_string(), kr(p.costs, l));
        }
        let _ = writeln!(
            o,
            "  {:<24} {:>15} {:>15} {:>15} {:>15}",
            "",
            &Word::PfShare.text(l),
            &Word::PfCompensation.text(l),
            &Word::PfPerCaseSplit.text(l),
            &Word::PfDifference.text(l),
        );
        for d in &c.departments {
            let _ = writeln!(
                o,
                "  {:<24} {:>15} {:>15} {:>15} {:>15}",
                d.department,
                kr(d.share, l),
                kr(d.compensation, l),
                kr(d.per_case_split, l),
                kr(d.difference, l)
            );
        }
        postings_table(&mut o, &c.postings, l);
    }
    o
}
