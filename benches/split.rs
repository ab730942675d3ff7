//! Criterion benchmarks on realistic workloads: the split itself, a case computation, the
//! contract path the web page uses, and the batch (reference workload) path.

use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use fordeling::{example, Case, Date, Period, Policy};
use fordeling_workload::gen::{Rng, WorkloadGen};

/// Parsed reference-workload lines: amount in øre and four weights in hundredths.
fn lines(n: usize) -> Vec<(i64, [u128; 4])> {
    let mut rng = Rng::new(7);
    (0..n)
        .map(|_| {
            let amount = rng.range(10_000, 200_000_001) as i64;
            let mut w = [0u128; 4];
            while w.iter().all(|&x| x == 0) {
                w = [0, 1, 2, 3].map(|_| if rng.chance(25) { 0 } else { u128::from(rng.range(1, 10_001)) });
            }
            (amount, w)
        })
        .collect()
}

fn bench_split(c: &mut Criterion) {
    let data = lines(100_000);
    let mut g = c.benchmark_group("split");
    g.throughput(Throughput::Elements(data.len() as u64));
    g.bench_function("split_ore_4_departments_100k_lines", |b| {
        let mut out = [0i64; 4];
        let mut leftover = [false; 4];
        b.iter(|| {
            let mut sum = 0i64;
            for (a, w) in &data {
                fordeling::engine::split::split_ore(*a, w, &mut out, &mut leftover).unwrap();
                sum += out[0];
            }
            black_box(sum)
        })
    });
    let parts: Vec<(String, fordeling::Weight)> = ["c-health", "a-social", "e-job", "b-school"]
        .iter()
        .map(|d| (d.to_string(), fordeling::Weight::parse("33.33").unwrap()))
        .collect();
    let refs: Vec<(&str, fordeling::Weight)> = parts.iter().map(|(d, w)| (d.as_str(), *w)).collect();
    g.throughput(Throughput::Elements(1));
    g.bench_function("split_public_api_4_departments", |b| {
        b.iter(|| black_box(fordeling::split(fordeling::Money::from_ore(black_box(123_456_789)), &refs).unwrap()))
    });
    g.finish();
}

fn bench_case(c: &mut Criterion) {
    let policy = Policy::from_text(example::POLICY).unwrap();
    let mut g = c.benchmark_group("case");
    let ex = Case::from_text(&policy, example::CASE).unwrap();
    let period = example::CASES[0].period();
    g.bench_function("example_case_12_months", |b| {
        b.iter(|| black_box(fordeling::compute(&policy, &ex, period).unwrap()))
    });
    for services in [8usize, 30] {
        let (text, _, _) = fordeling_workload::gen::case(11, services, (2022, 2022));
        let case = Case::from_text(&policy, &text).unwrap();
        let period = Period { from: Date::new(2023, 1, 1).unwrap(), to: Date::new(2024, 12, 31).unwrap() };
        g.bench_with_input(BenchmarkId::new("compute_24_months", services), &case, |b, case| {
            b.iter(|| black_box(fordeling::compute(&policy, case, Some(period)).unwrap()))
        });
        // The page's path: JSON request in, JSON response out (parsing and validation included).
        let request = serde_json::json!({
            "version": 1, "command": "split", "policy": example::POLICY, "case": text,
            "period": { "from": "2023-01-01", "to": "2024-12-31" }
        })
        .to_string();
        g.bench_with_input(BenchmarkId::new("contract_json_24_months", services), &request, |b, r| {
            b.iter(|| black_box(fordeling::contract::handle_json(r)))
        });
        // The page's recompute: the case as a JSON object, one Engine keeping the compiled policy,
        // and every edit asking for the summary.
        let parsed: serde_json::Value = serde_json::from_str(&fordeling::contract::handle_json(
            &serde_json::json!({ "version": 1, "command": "parse", "policy": example::POLICY, "case": text })
                .to_string(),
        ))
        .unwrap();
        let summary = serde_json::json!({
            "version": 1, "command": "split", "detail": "summary", "policy": example::POLICY,
            "case": parsed["result"]["case"], "period": { "from": "2023-01-01", "to": "2024-12-31" }
        })
        .to_string();
        let mut engine = fordeling::contract::Engine::new();
        g.bench_with_input(BenchmarkId::new("engine_summary_24_months", services), &summary, |b, r| {
            b.iter(|| black_box(engine.handle_json(r)))
        });
    }
    g.finish();
}

fn bench_batch(c: &mut Criterion) {
    let mut gen = WorkloadGen::new(1);
    let mut input = String::from(fordeling_workload::workload::INPUT_HEADER);
    input.push('\n');
    let n = 100_000;
    for _ in 0..n {
        gen.line(&mut input);
    }
    let mut g = c.benchmark_group("batch");
    g.throughput(Throughput::Elements(n));
    g.bench_function("workload_csv_in_memory_100k_lines", |b| {
        b.iter(|| black_box(fordeling_workload::workload::run(&input)))
    });
    g.finish();
}

criterion_group!(benches, bench_split, bench_case, bench_batch);
criterion_main!(benches);
