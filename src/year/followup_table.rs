//! The follow-up as a table for people, appended to the portfolio table: re-assessments due,
//! households near a reimbursement threshold, baseline against actual and the investment view.

use std::fmt::Write;

use crate::i18n::Lang;
use crate::model::date::Date;
use crate::model::money::Money;
use crate::year::followup::{FollowUp, Since};

/// A date in the language's style: 31-01-2025 in Danish, 2025-01-31 in English.
fn date(d: Date, l: Lang) -> String {
    match l {
        Lang::Da => format!("{:02}-{:02}-{}", d.day(), d.month(), d.year()),
        _ => d.to_string(),
    }
}

fn since(s: Since, l: Lang) -> &'static str {
    match s {
        Since::Agreement => l.t("agreement", "aftale"),
        Since::Enrolled => l.t("enrolled", "optaget"),
        Since::LineStart => l.t("line start", "bevillingsstart"),
    }
}

/// How an amount is written in the language (the portfolio table's style, passed in so that the
/// two table modules do not import each other).
pub type Kr = fn(Money, Lang) -> String;

/// The follow-up section of the portfolio table.
pub fn follow_up_table(f: &FollowUp, o: &mut String, l: Lang, kr: Kr) {
    let _ = writeln!(o, "\n{} {}", l.t("Follow-up as of", "Opfølgning pr."), date(f.as_of, l));
    let _ = writeln!(o, "\n{}", l.t("Re-assessments due", "Revurderinger der forfalder"));
    if f.reassessments.is_empty() {
        let _ = writeln!(o, "  {}", l.t("none", "ingen"));
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
            l.t("days overdue", "dage over")
        );
    }
    let _ = writeln!(o, "\n{}", l.t("Households near a reimbursement threshold", "Husstande nær en refusionsgrænse"));
    if f.near_threshold.is_empty() {
        let _ = writeln!(o, "  {}", l.t("none", "ingen"));
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
    baseline(f, o, l, kr);
}

fn baseline(f: &FollowUp, o: &mut String, l: Lang, kr: Kr) {
    let _ = writeln!(
        o,
        "\n{} ({} {})\n  {:<24} {:>6} {:>15} {:>15} {:>15}",
        l.t("Baseline against actual", "Baseline over for faktisk"),
        f.enrolled_cases,
        l.t("enrolled cases", "optagne sager"),
        "",
        l.t("year", "år"),
        l.t("baseline", "baseline"),
        l.t("actual", "faktisk"),
        l.t("savings", "besparelse"),
    );
    for d in &f.departments {
        let _ = writeln!(
            o,
            "  {:<24} {:>6} {:>15} {:>15} {:>15}",
            d.department,
            d.year,
            kr(d.baseline, l),
            kr(d.actual, l),
            kr(d.savings, l)
        );
    }
    let neutral = match f.cost_neutral {
        Some(true) => l.t("yes", "ja"),
        Some(false) => l.t("no", "nej"),
        None => "-",
    };
    let _ = writeln!(o, "  {}: {neutral}", l.t("Cost neutral in the budget year", "Udgiftsneutralt i budgetåret"));
    let _ = writeln!(
        o,
        "\n{}\n  {:>6} {:>15} {:>15} {:>15} {:>15}",
        l.t("Investment", "Investering"),
        l.t("year", "år"),
        l.t("savings", "besparelse"),
        l.t("investment", "investering"),
        l.t("net", "netto"),
        l.t("cumulative", "akkumuleret"),
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
    let be = f.break_even_year.map_or_else(|| l.t("not reached", "ikke nået").to_string(), |y| y.to_string());
    let _ = writeln!(o, "  {}: {be}", l.t("Break-even year", "Break-even-år"));
}
