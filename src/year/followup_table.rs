//! The follow-up as a table for people, appended to the portfolio table: re-assessments due,
//! households near a reimbursement threshold, baseline against actual and the investment view.

use std::fmt::Write;

use crate::i18n::{Lang, Word};
use crate::model::date::Date;
use crate::model::money::Money;
use crate::year::followup::{FollowUp, Since};
use crate::year::names::{width, Names};

/// A date in the language's style: 31-01-2025 in Danish, 2025-01-31 in English.
fn date(d: Date, l: Lang) -> String {
    l.date(&d.to_string())
}

fn since(s: Since, l: Lang) -> String {
    match s {
        Since::Agreement => Word::PfAgreement,
        Since::Enrolled => Word::PfEnrolled,
        Since::LineStart => Word::PfLineStart,
    }
    .text(l)
}

/// How an amount is written in the language (the portfolio table's style, passed in so that the
/// two table modules do not import each other).
pub type Kr = fn(Money, Lang) -> String;

/// The follow-up section of the portfolio table; departments by name.
pub fn follow_up_table(f: &FollowUp, names: &Names<'_>, o: &mut String, l: Lang, kr: Kr) {
    let _ = writeln!(o, "\n{} {}", &Word::PfFollowUpAsOf.text(l), date(f.as_of, l));
    let _ = writeln!(o, "\n{}", &Word::PfReAssessmentsDue.text(l));
    if f.reassessments.is_empty() {
        let _ = writeln!(o, "  {}", &Word::PfNone.text(l));
    }
    for r in &f.reassessments {
        let _ = writeln!(
            o,
            "  {:<12} {:<12} {:<16} {:>10} {:>10} {:>6} {}",
            r.case,
            r.service_line,
            since(r.since, l),
            date(r.since_date, l),
            date(r.due, l),
            r.days_overdue,
            &Word::PfDaysOverdue.text(l)
        );
    }
    let _ = writeln!(o, "\n{}", &Word::PfHouseholdsNearAReimbursementThreshold.text(l));
    if f.near_threshold.is_empty() {
        let _ = writeln!(o, "  {}", &Word::PfNone.text(l));
    }
    for h in &f.near_threshold {
        let _ = writeln!(
            o,
            "  {:<12} {:>15} {:>15} {:>15}  ({})",
            h.household,
            kr(h.counted, l),
            kr(h.threshold, l),
            kr(h.distance, l),
            h.cases.join(", ")
        );
    }
    baseline(f, names, o, l, kr);
}

fn baseline(f: &FollowUp, names: &Names<'_>, o: &mut String, l: Lang, kr: Kr) {
    let w = width(f.departments.iter().map(|d| names.department(&d.department)), 24);
    let _ = writeln!(
        o,
        "\n{} ({} {})\n  {:<w$} {:>6} {:>15} {:>15} {:>15}",
        &Word::PfBaselineAgainstActual.text(l),
        f.enrolled_cases,
        &Word::PfEnrolledCases.text(l),
        "",
        &Word::PfYear.text(l),
        &Word::PfBaseline.text(l),
        &Word::PfActual.text(l),
        &Word::PfSavings.text(l),
    );
    for d in &f.departments {
        let _ = writeln!(
            o,
            "  {:<w$} {:>6} {:>15} {:>15} {:>15}",
            names.department(&d.department),
            d.year,
            kr(d.baseline, l),
            kr(d.actual, l),
            kr(d.savings, l)
        );
    }
    let neutral = match f.cost_neutral {
        Some(true) => &Word::PfYes.text(l),
        Some(false) => &Word::PfNo.text(l),
        None => "-",
    };
    let _ = writeln!(o, "  {}: {neutral}", &Word::PfCostNeutralInTheBudgetYear.text(l));
    let _ = writeln!(
        o,
        "\n{}\n  {:>6} {:>15} {:>15} {:>15} {:>15}",
        &Word::PfInvestmentHeading.text(l),
        &Word::PfYear.text(l),
        &Word::PfSavings.text(l),
        &Word::PfInvestment.text(l),
        &Word::PfNet.text(l),
        &Word::PfCumulative.text(l),
    );
    for y in &f.years {
        let _ = writeln!(
            o,
            "  {:>6} {:>15} {:>15} {:>15} {:>15}",
            y.year,
            kr(y.savings, l),
            kr(y.investment, l),
            kr(y.net, l),
            kr(y.cumulative, l)
        );
    }
    let be = f.break_even_year.map_or_else(|| Word::PfNotReached.text(l), |y| y.to_string());
    let _ = writeln!(o, "  {}: {be}", &Word::PfBreakEvenYear.text(l));
}
