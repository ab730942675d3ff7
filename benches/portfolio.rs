//! The portfolio after a scenario change (issue 15): 500 generated cases of 13 services each under
//! the example policy, computed over the budget year and the four later years (60 months, more than
//! the 36 the issue names). The scenario changes a policy key: each iteration compiles the
//! scenario's policy and computes the portfolio under it, either from the prepared portfolio (only
//! the lines of the changed key are split again: the target, under 20 ms) or anew (every case).

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use fordeling::year::{portfolio, PortfolioRequest, PreparedPortfolio, YearSettings};
use fordeling::{example, Case, Policy};

/// The budget year: the example policy's price index (satsregulering) runs to 2026, the portfolio's
/// last estimate year.
const YEAR: i32 = 2022;

fn bench_portfolio(c: &mut Criterion) {
    let policy = Policy::from_text(example::POLICY).unwrap();
    let cases: Vec<Case> = fordeling_workload::gen::portfolio_cases(500, 13)
        .iter()
        .map(|text| Case::from_text(&policy, text).unwrap())
        .collect();
    assert_eq!(cases.len(), 500);
    // The scenario: day care and school pays 55 % instead of 50 % of the keyed service (as "CDU pays
    // 30 % instead of 25 %" in the issue).
    let changed = example::POLICY
        .replace(r#"{ sector = "daycare_school", percent = 50 }"#, r#"{ sector = "daycare_school", percent = 55 }"#);
    assert_ne!(changed, example::POLICY, "the scenario changes the example policy");
    let mut g = c.benchmark_group("portfolio");
    g.sample_size(20);
    let settings = YearSettings { year: YEAR, ..YearSettings::default() };
    let prepared = PreparedPortfolio::new(policy.clone(), cases.clone(), settings).unwrap();
    g.bench_function("500_cases_13_services_60_months_scenario_from_prepared", |b| {
        b.iter(|| {
            let scenario = Policy::from_text(black_box(&changed)).unwrap();
            black_box(prepared.under(&scenario, &cases).unwrap())
        })
    });
    g.bench_function("500_cases_13_services_60_months_scenario_anew", |b| {
        b.iter(|| {
            let scenario = Policy::from_text(black_box(&changed)).unwrap();
            let req = PortfolioRequest { cases: &cases, year: YEAR, booked_through: None, budget: &[], today: None };
            black_box(portfolio(&scenario, &req).unwrap())
        })
    });
    g.finish();
}

criterion_group!(benches, bench_portfolio);
criterion_main!(benches);
