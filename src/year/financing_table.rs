//! The financing models of a portfolio as a table for people (after the portfolio's own table).

use std::fmt::Write;

use crate::i18n::Lang;
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
        let _ = writeln!(
            o,
            "\n{} {} ({}), {} {}",
            l.t("Pool", "Pulje"),
            p.id,
            p.name,
            l.t("held by", "holdes af"),
            p.holder
        );
        for (label, m) in [
            (l.t("opening balance", "primosaldo"), p.opening_balance),
            (l.t("contributions", "bidrag"), p.contributions),
            (l.t("costs, actual", "udgifter, faktisk"), p.costs_actual),
            (l.t("costs, forecast", "udgifter, prognose"), p.costs_forecast),
            (l.t("result (+ surplus)", "resultat (+ overskud)"), p.result),
            (l.t("carried over", "overført til næste år"), p.carried_over),
            (l.t("settled", "afregnet"), p.settled),
        ] {
            let _ = writeln!(o, "  {label:<26} {:>15}", kr(m, l));
        }
        let _ = writeln!(
            o,
            "  {:<24} {:>15} {:>15} {:>15} {:>15} {:>15}",
            "",
            l.t("contribution", "bidrag"),
            l.t("settlement", "afregning"),
            l.t("net", "netto"),
            l.t("per-case split", "fordeling pr. sag"),
            l.t("difference", "forskel"),
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
    }
    o
}

fn postings_table(o: &mut String, postings: &[FinancingPosting], l: Lang) {
    if !postings.is_empty() {
        let _ = writeln!(o, "  {}", l.t("Postings", "Posteringer"));
    }
    for x in postings {
        let purpose = match x.purpose {
            FinancingPurpose::Contribution => l.t("contribution", "bidrag"),
            FinancingPurpose::Settlement => l.t("settlement", "afregning"),
            FinancingPurpose::Compensation => l.t("compensation", "mellemregning"),
        };
        let _ = writeln!(
            o,
            "    {:<8} {:<14} {:<5} {:>15}  {} {}",
            x.month.to_string(),
            x.department,
            x.art,
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
            l.t("Compensation", "Mellemregning"),
            c.id,
            c.name,
            l.t("paid by", "betales af"),
            c.payer
        );
        let _ = writeln!(o, "  {:<26} {:>15}", l.t("costs", "udgifter"), kr(c.costs, l));
        for p in &c.periods {
            let _ = writeln!(o, "  {:<26} {:>15}", p.settled_in.to_string(), kr(p.costs, l));
        }
        let _ = writeln!(
            o,
            "  {:<24} {:>15} {:>15} {:>15} {:>15}",
            "",
            l.t("share", "andel"),
            l.t("compensation", "mellemregning"),
            l.t("per-case split", "fordeling pr. sag"),
            l.t("difference", "forskel"),
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
