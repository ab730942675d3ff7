//! The portfolio after a scenario change (issue 15): 500 generated cases of 13 services each under
//! the example policy, computed over the budget year and the four later years (60 months, more than
//! the 36 the issue names). The scenario changes a policy key, so the policy is compiled again and
//! every case recomputed; the cases stay compiled.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use fordeling::year::{portfolio, PortfolioRequest};
use fordeling::{example, Case, Policy};

fn bench_portfolio(c: &mut Criterion) {
    let policy = Policy::from_text(example::POLICY).unwrap();
    // The generator makes a few invalid cases on purpose (all weights zero): the first 500 valid ones.
    let cases: Vec<Case> = (0..)
        .filter_map(|seed| {
            let (text, _, _) = fordeling_workload::gen::case(seed, 13, (2022, 2024));
            Case::from_text(&policy, &text).ok()
        })
        .take(500)
        .collect();
    // The scenario: day care and school pays 55 % instead of 50 % of the keyed service (as "CDU pays
    // 30 % instead of 25 %" in the issue).
    let changed = example::POLICY
        .replace(r#"{ sector = "daycare_school", percent = 50 }"#, r#"{ sector = "daycare_school", percent = 55 }"#);
    assert_ne!(changed, example::POLICY, "the scenario changes the example policy");
    let mut g = c.benchmark_group("portfolio");
    g.sample_size(20);
    g.bench_function("500_cases_13_services_60_months_after_scenario_change", |b| {
        b.iter(|| {
            let scenario = Policy::from_text(black_box(&changed)).unwrap();
            let req = PortfolioRequest { cases: &cases, year: 2024, booked_through: None, budget: &[], today: None };
            black_box(portfolio(&scenario, &req).unwrap())
        })
    });
    g.finish();
}

criterion_group!(benches, bench_portfolio);
criterion_main!(benches);
