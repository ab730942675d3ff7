//! Properties of the arithmetic and the engine (SEMANTICS.md), checked on generated inputs.

use fordeling::{split, Case, Money, Policy, Weight};
use proptest::prelude::*;
use serde_json::{json, Value};

mod world;
use world::*;

const BASIC: &str = include_str!("cases/policies/basic.toml");

fn weight() -> impl Strategy<Value = Weight> {
    (0u64..1_000_000, 0u32..4).prop_map(|(m, s)| Weight::new(rust_decimal::Decimal::new(m as i64, s)).unwrap())
}

fn parts() -> impl Strategy<Value = Vec<(String, Weight)>> {
    prop::collection::btree_map("[a-z]{1,6}", weight(), 1..12)
        .prop_map(|m| m.into_iter().collect::<Vec<_>>())
        .prop_filter("at least one positive weight", |v| v.iter().any(|(_, w)| !w.is_zero()))
}

fn amount() -> impl Strategy<Value = i64> {
    prop_oneof![-10_000i64..10_000, -100_000_000_000_000i64..=100_000_000_000_000]
}

fn refs(p: &[(String, Weight)]) -> Vec<(&str, Weight)> {
    p.iter().map(|(d, w)| (d.as_str(), *w)).collect()
}

/// A service line: id, catalogue service, amount, per, from, to.
type Svc<'a> = (String, &'a str, String, &'a str, String, Option<String>);

/// A case on the basic golden policy, as JSON.
fn case_json(services: &[Svc], agreements: &[Value]) -> Value {
    json!({
        "id": "p",
        "consent": [{ "from": "2020-01-01" }],
        "other_cases": [{ "id": "job", "sector": "employment" }],
        "child": {
            "birth_date": "2020-01-15",
            "significant_permanent_disability": true,
            "handlekommune": [{ "municipality": "m1", "from": "2020-01-15" }]
        },
        "services": services.iter().map(|(id, svc, amount, per, from, to)| {
            let mut s = json!({ "id": id, "service": svc, "amount": amount, "per": per, "from": from });
            if let Some(t) = to { s["to"] = json!(t); }
            s
        }).collect::<Vec<_>>(),
        "agreements": agreements,
    })
}

fn run(case: &Value, from: &str, to: &str) -> Value {
    let req = json!({ "version": 1, "command": "split", "policy": BASIC, "case": case, "period": { "from": from, "to": to } });
    let answer: Value = serde_json::from_str(&fordeling::contract::handle_json(&req.to_string())).unwrap();
    assert_eq!(answer["status"], "ok", "{answer}");
    answer["result"].clone()
}

fn ore(v: &Value) -> i64 {
    v.as_str().unwrap().parse::<Money>().unwrap().ore()
}

/// Cases per property: `ci` in CI, or `PROPTEST_CASES` to fuzz longer (an explicit `cases` in a
/// config would otherwise override the variable).
fn cases(ci: u32) -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(ci)
}

fn money(ore: i64) -> String {
    Money::from_ore(ore).to_string()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(256), ..ProptestConfig::default() })]

    #[test]
    fn prop_shares_sum_to_total(a in amount(), p in parts()) {
        let shares = split(Money::from_ore(a), &refs(&p)).unwrap();
        prop_assert_eq!(shares.iter().map(|s| s.amount.ore()).sum::<i64>(), a);
        // Each share is within one øre of its exact value.
        for s in &shares {
            let exact: f64 = s.exact.trim_end_matches('…').parse().unwrap();
            prop_assert!((s.amount.ore() as f64 / 100.0 - exact).abs() <= 0.0100001 + exact.abs() * 1e-12);
        }
    }

    #[test]
    fn prop_sign_symmetry(a in amount(), p in parts()) {
        let pos = split(Money::from_ore(a), &refs(&p)).unwrap();
        let neg = split(Money::from_ore(-a), &refs(&p)).unwrap();
        for (x, y) in pos.iter().zip(&neg) {
            prop_assert_eq!(x.amount.ore(), -y.amount.ore());
            prop_assert_eq!(x.leftover, y.leftover);
        }
    }

    #[test]
    fn prop_zero_weight_gets_nothing(a in amount(), p in parts()) {
        for s in split(Money::from_ore(a), &refs(&p)).unwrap() {
            if s.weight.is_zero() {
                prop_assert_eq!(s.amount.ore(), 0);
                prop_assert!(!s.leftover);
            }
        }
    }

    #[test]
    fn prop_split_independent_of_department_order(a in amount(), p in parts(), seed in any::<u64>()) {
        let mut shuffled = p.clone();
        // A deterministic shuffle from the seed.
        let n = shuffled.len();
        for i in (1..n).rev() {
            shuffled.swap(i, (seed.rotate_left(i as u32) as usize) % (i + 1));
        }
        prop_assert_eq!(split(Money::from_ore(a), &refs(&p)).unwrap(), split(Money::from_ore(a), &refs(&shuffled)).unwrap());
    }

    #[test]
    fn prop_yearly_twelve_months_sum_to_amount(y in -1_000_000_000i64..1_000_000_000, scale in 0u32..4, month in 1u32..=12) {
        let amount = rust_decimal::Decimal::new(y, scale);
        let from = format!("2024-{month:02}-01");
        let end = fordeling::Date::new(2025, month, 1).unwrap().pred().unwrap().to_string();
        let case = case_json(&[("s".into(), "sole-svc", amount.to_string(), "year", from.clone(), Some(end.clone()))], &[]);
        let r = run(&case, &from, &end);
        prop_assert_eq!(r["lines"].as_array().unwrap().len(), 12);
        prop_assert_eq!(ore(&r["totals"]["case"]), Money::round(amount).ore());
    }

    #[test]
    fn prop_segments_of_month_sum_to_month(m in -100_000_000i64..100_000_000, scale in 0u32..4,
                                          cuts in prop::collection::btree_set(2u32..=29, 0..5), month in 1u32..=12) {
        // Agreements starting on the cut days split the month into segments with different keys.
        let amount = rust_decimal::Decimal::new(m, scale);
        let days = fordeling::model::date::days_in_month(2024, month);
        let mut starts: Vec<u32> = vec![1];
        starts.extend(cuts.iter().copied().filter(|&d| d <= days));
        let agreements: Vec<Value> = starts.iter().enumerate().map(|(i, &d)| {
            let to = starts.get(i + 1).map(|n| format!("2024-{month:02}-{:02}", n - 1)).unwrap_or_else(|| format!("2024-{month:02}-{days:02}"));
            let dept = ["a-social", "b-school", "c-health"][i % 3];
            json!({ "id": format!("a{i}"), "service": "s", "from": format!("2024-{month:02}-{d:02}"), "to": to,
                    "kind": "percent", "shares": [{ "department": dept, "percent": 40 + i }] })
        }).collect();
        let from = format!("2024-{month:02}-01");
        let to = format!("2024-{month:02}-{days:02}");
        let case = case_json(&[("s".into(), "pct-svc", amount.to_string(), "month", from.clone(), None)], &agreements);
        let r = run(&case, &from, &to);
        prop_assert_eq!(r["lines"].as_array().unwrap().len(), starts.len());
        let sum: i64 = r["lines"].as_array().unwrap().iter().map(|l| ore(&l["amount"])).sum();
        prop_assert_eq!(sum, Money::round(amount).ore());
    }

    #[test]
    fn prop_result_independent_of_input_order(amounts in prop::collection::vec((1i64..10_000_000, 0usize..6, 1u32..28), 1..6),
                                              seed in any::<u64>()) {
        let kinds = ["sole-svc", "pct-svc", "w-svc", "eq-svc", "eq3-svc", "school-svc"];
        let services: Vec<_> = amounts.iter().enumerate().map(|(i, (a, k, d))| {
            (format!("s{i}"), kinds[*k], money(*a), "month", format!("2024-01-{d:02}"), None)
        }).collect();
        let agreements: Vec<Value> = (0..services.len()).step_by(2).flat_map(|i| [
            json!({ "id": format!("x{i}"), "service": format!("s{i}"), "from": "2024-01-01", "to": "2024-02-14",
                    "kind": "weights", "shares": [{ "department": "a-social", "weight": 1 }, { "department": "e-job", "weight": 2 }] }),
            json!({ "id": format!("y{i}"), "service": format!("s{i}"), "from": "2024-02-15",
                    "kind": "equal", "shares": [{ "department": "c-health" }, { "department": "b-school" }] }),
        ]).collect();
        let mut s2 = services.clone();
        let mut a2 = agreements.clone();
        let n = s2.len();
        s2.rotate_left((seed as usize) % n);
        s2.reverse();
        a2.reverse();
        let r1 = run(&case_json(&services, &agreements), "2024-01-01", "2024-03-31");
        let r2 = run(&case_json(&s2, &a2), "2024-01-01", "2024-03-31");
        prop_assert_eq!(&r1["totals"], &r2["totals"]);
        prop_assert_eq!(&r1["eligibility"], &r2["eligibility"]);
        let sorted = |r: &Value| {
            let mut l = r["lines"].as_array().unwrap().clone();
            l.sort_by_key(|x| (x["service_line"].to_string(), x["from"].to_string()));
            l
        };
        prop_assert_eq!(sorted(&r1), sorted(&r2));
    }

    #[test]
    fn prop_arbitrary_text_never_panics(text in "\\PC{0,200}") {
        let policy = Policy::from_text(BASIC).unwrap();
        let _ = Policy::from_text(&text);
        let _ = Case::from_text(&policy, &text);
        let answer: Value = serde_json::from_str(&fordeling::contract::handle_json(&text)).unwrap();
        prop_assert_eq!(&answer["status"], "error");
    }

    #[test]
    fn prop_mutated_documents_never_panic(path_pick in any::<u64>(), replacement in arb_json()) {
        // Replace one value somewhere in a valid request by an arbitrary JSON value.
        let case = case_json(&[("s".into(), "pct-svc", "1000.00".into(), "month", "2024-01-01".into(), Some("2024-03-31".into()))],
            &[json!({ "id": "a", "service": "s", "from": "2024-01-01", "kind": "percent", "shares": [{ "department": "b-school", "percent": 30 }] })]);
        let policy: Value = toml::from_str(BASIC).unwrap();
        let mut req = json!({ "version": 1, "command": "split", "policy": policy, "case": case });
        let mut slots = Vec::new();
        collect_paths(&req, String::new(), &mut slots);
        let target = &slots[(path_pick as usize) % slots.len()];
        if let Some(v) = req.pointer_mut(target) { *v = replacement; }
        let answer: Value = serde_json::from_str(&fordeling::contract::handle_json(&req.to_string())).unwrap();
        prop_assert!(answer["status"] == "ok" || answer["status"] == "error");
    }
}

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(|f| json!(f)),
        "\\PC{0,20}".prop_map(Value::String),
        prop_oneof![Just("2025-02-30"), Just("-0.005"), Just("1e400"), Just("99999999999999999999999999999.99")]
            .prop_map(|s| Value::String(s.into())),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_]{1,8}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Reference-workload lines: mostly valid, some hostile.
fn workload_line() -> impl Strategy<Value = String> {
    let valid = ("[a-c]", 1u64..200_000_000, prop::array::uniform4(0u32..10_000)).prop_map(|(case, cents, w)| {
        let w: Vec<String> = w.iter().map(|x| format!("{}.{:02}", x / 100, x % 100)).collect();
        format!("{case},svc,{}.{:02},{}", cents / 100, cents % 100, w.join(","))
    });
    prop_oneof![8 => valid, 1 => "\\PC{0,60}", 1 => "[a-c],s,[-0-9.e]{0,12},[0-9.,-]{0,20}"]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(256), ..ProptestConfig::default() })]

    #[test]
    fn prop_workload_conserves_and_loses_no_line(lines in prop::collection::vec(workload_line(), 0..60)) {
        // An empty last record would only be the file's final line end.
        let lines: Vec<String> = lines.into_iter().filter(|l| !l.is_empty()).collect();
        let input = lines.join("\n");
        let (out, errors, totals) = fordeling_workload::workload::run(&input);
        // Every record is either computed or reported: none is dropped silently.
        prop_assert_eq!(out.lines().count() as u64 + errors.len() as u64, lines.len() as u64);
        prop_assert_eq!(totals.lines as usize, out.lines().count());
        let mut depts = [0i128; 4];
        for l in out.lines() {
            let f: Vec<&str> = l.split(',').collect();
            let ore = |s: &str| s.parse::<Money>().unwrap().ore() as i128;
            let shares: Vec<i128> = f[3..7].iter().map(|s| ore(s)).collect();
            prop_assert_eq!(shares.iter().sum::<i128>(), ore(f[2]));
            for i in 0..4 { depts[i] += shares[i]; }
        }
        prop_assert_eq!(depts, totals.departments);
        prop_assert_eq!(depts.iter().sum::<i128>(), totals.amount);
    }

    #[test]
    fn prop_workload_totals_independent_of_case_order(lines in prop::collection::vec(workload_line(), 1..40), rot in 0usize..40) {
        let lines: Vec<String> = lines.into_iter().filter(|l| !l.is_empty()).collect();
        prop_assume!(!lines.is_empty());
        // Whole cases (runs of one case id) in another order give the same totals. Each run gets
        // its own id first, so that reordering cannot join two runs into one case.
        let mut groups: Vec<Vec<String>> = Vec::new();
        let mut last_id = None;
        for l in &lines {
            let id = l.split(',').next().unwrap_or("").to_string();
            if last_id.as_ref() != Some(&id) || groups.is_empty() {
                groups.push(Vec::new());
            }
            let n = groups.len();
            let renamed = match l.split_once(',') {
                Some((_, rest)) => format!("g{n},{rest}"),
                None => l.clone(),
            };
            groups[n - 1].push(renamed);
            last_id = Some(id);
        }
        let (_, _, a) = fordeling_workload::workload::run(&groups.concat().join("\n"));
        let n = groups.len();
        groups.rotate_left(rot % n);
        let (_, _, b) = fordeling_workload::workload::run(&groups.concat().join("\n"));
        prop_assert_eq!(a.departments, b.departments);
        prop_assert_eq!(a.bad_records, b.bad_records);
    }
}

const REFUSION: &str = include_str!("cases/policies/refusion.toml");
const REFUSION_ONE: &str = include_str!("cases/policies/refusion-recipient.toml");

/// A child of household `h`: (line service, amount in whole DKK, per, start day-of-year) and income.
type Child = (Vec<(usize, i64, usize, u32)>, Option<(i64, usize)>, bool);

fn child_json(id: usize, c: &Child) -> Value {
    let services = ["merudgift", "aflastning", "hjaelpemiddel", "skole"];
    let pers = ["month", "year", "once"];
    let date = |d: u32| format!("2023-{:02}-{:02}", 1 + (d % 12), 1 + (d / 12) % 28);
    let mut v = json!({
        "id": format!("c{id}"),
        "household": "h",
        "consent": [{ "from": "2020-01-01" }],
        "other_cases": [{ "id": "job", "sector": "employment" }],
        "child": {
            "birth_date": "2015-05-01",
            "significant_permanent_disability": true,
            "handlekommune": if c.2 {
                json!([{ "municipality": "m1", "from": "2015-05-01" }, { "municipality": "m2", "from": "2023-07-10" }])
            } else {
                json!([{ "municipality": "m1", "from": "2015-05-01" }])
            }
        },
        "services": c.0.iter().enumerate().map(|(i, (s, a, per, d))| json!({
            "id": format!("s{i}"), "service": services[*s], "amount": format!("{a}.{:02}", (a.unsigned_abs() % 100)),
            "per": pers[*per], "from": date(*d)
        })).collect::<Vec<_>>(),
    });
    if let Some((a, per)) = c.1 {
        v["income"] = json!([{ "id": "i", "amount": format!("{a}.00"), "per": pers[per], "from": "2023-02-01" }]);
    }
    v
}

fn child() -> impl Strategy<Value = Child> {
    (
        prop::collection::vec(
            (0usize..4, prop_oneof![0i64..400_000, -200_000i64..3_000_000], 0usize..3, 0u32..336),
            1..5,
        ),
        prop::option::of((0i64..150_000, 0usize..3)),
        any::<bool>(),
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(128), ..ProptestConfig::default() })]

    /// State reimbursement never exceeds the cost it is computed on (per month and municipality, per
    /// case and per department when it follows the split), is never negative, and is conserved to
    /// the øre from the month down to cases and departments and up to the totals.
    #[test]
    fn prop_reimbursement_never_exceeds_cost(children in prop::collection::vec(child(), 1..4), one in any::<bool>()) {
        let docs: Vec<Value> = children.iter().enumerate().map(|(i, c)| child_json(i, c)).collect();
        let req = json!({
            "version": 1, "command": "split", "policy": if one { REFUSION_ONE } else { REFUSION },
            "case": docs[0], "siblings": docs[1..],
            "period": { "from": "2023-01-01", "to": "2023-12-31" }
        });
        let answer: Value = serde_json::from_str(&fordeling::contract::handle_json(&req.to_string())).unwrap();
        prop_assert_eq!(&answer["status"], "ok", "{}", answer);
        let r = &answer["result"]["reimbursement"];
        let mut total = 0;
        for m in r["months"].as_array().unwrap() {
            let amount = ore(&m["reimbursement"]);
            prop_assert!(amount >= 0 && amount <= ore(&m["base"]).max(0) && amount <= ore(&m["counted"]).max(0), "{}", m);
            let parts = |k: &str| m[k].as_array().unwrap().iter().map(|a| (ore(&a["amount"]), ore(&a["weight"]))).collect::<Vec<_>>();
            prop_assert_eq!(parts("cases").iter().map(|p| p.0).sum::<i64>(), amount);
            prop_assert_eq!(parts("departments").iter().map(|p| p.0).sum::<i64>(), amount);
            prop_assert!(parts("cases").iter().all(|(a, w)| *a >= 0 && a <= w), "{}", m);
            if !one {
                prop_assert!(parts("departments").iter().all(|(a, w)| *a >= 0 && a <= w), "{}", m);
            }
            total += amount;
        }
        prop_assert_eq!(ore(&r["total"]["reimbursement"]), total);
        let sum = |k: &str| r[k].as_array().unwrap().iter().map(|x| ore(&x["reimbursement"])).sum::<i64>();
        prop_assert_eq!(sum("by_case"), total);
        prop_assert_eq!(sum("by_department"), total);
        prop_assert_eq!(sum("by_month"), total);
    }
}

// ---- Structure-aware fuzzing (issue 13) -----------------------------------------------------
//
// Valid policies and cases are generated from a few numbers, so that the compiler and the engine
// are reached (not only the parsers); then list elements and ids are duplicated, reordered and
// aliased, and values replaced. Every answer is either a success that conserves every øre, or an
// error whose every entry is named (a code, an item and a message); nothing panics. The worlds and
// the mutations are in `tests/world`, shared with the coverage-guided fuzz targets in `fuzz/`.

/// [`world::check_answer`] as a proptest failure.
fn check(a: &Value) -> Result<(), TestCaseError> {
    check_answer(a).map_err(TestCaseError::fail)
}

fn entries() -> impl Strategy<Value = Entries> {
    let w =
        prop_oneof![0u64..100, 1u64..10_000_000, Just(1_000_000_000_000u64), 999_999_999_000u64..=1_000_000_000_000];
    prop::collection::vec((0usize..64, any::<bool>(), w, 0u32..4), 0..5)
}

fn world_seed() -> impl Strategy<Value = WorldSeed> {
    (
        prop::collection::vec(prop::array::uniform5(0usize..3), 1..4),
        prop::collection::vec((0usize..5, prop::option::of(0usize..3)), 1..5),
        prop::collection::vec(prop::collection::vec((0usize..4, entries()), 1..4), 3..4),
        1u8..4,
        prop::collection::vec(
            (
                0usize..8,
                prop_oneof![-100_000_000i64..100_000_000, Just(100_000_000_000_000i64)],
                0u32..3,
                0usize..3,
                0u32..365,
                0u32..400,
            ),
            1..6,
        ),
        prop::collection::vec((0usize..8, 0usize..4, entries()), 0..4),
        prop_oneof![Just(0u32), 1u32..365],
        prop::collection::vec(0usize..5, 0..3),
    )
        .prop_map(|(munis, services, keys, min_sector_areas, lines, agreements, move_day, other_sectors)| {
            WorldSeed { munis, services, keys, min_sector_areas, lines, agreements, move_day, other_sectors }
        })
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        3 => any::<u64>().prop_map(Mutation::Duplicate),
        2 => any::<u64>().prop_map(Mutation::Reverse),
        3 => (any::<u64>(), any::<u64>(), 0u8..4).prop_map(|(a, b, k)| Mutation::Alias(a, b, k)),
        2 => (any::<u64>(), arb_json()).prop_map(|(a, v)| Mutation::Replace(a, v)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(96), ..ProptestConfig::default() })]

    /// Generated valid documents compute, and every answer conserves every øre.
    #[test]
    fn prop_generated_documents_conserve(seed in world_seed()) {
        let (policy, case) = world(&seed);
        let a = split_answer(&policy, &case);
        check(&a)?;
        // Valid by construction: only an amount or a total beyond the limits may be refused.
        if a["status"] == "error" {
            prop_assert!(a["errors"].as_array().unwrap().iter().all(|e| e["code"] == "overflow"), "{}", a);
        }
    }

    /// Reordering the policy's lists (departments, services, keys, key versions, key entries,
    /// eligibility) changes no byte of the answer.
    #[test]
    fn prop_reordered_policy_lists_change_nothing(seed in world_seed()) {
        let (policy, case) = world(&seed);
        let before = split_answer(&policy, &case);
        let mut p = policy.clone();
        for list in ["/departments", "/services", "/keys", "/eligibility"] {
            p.pointer_mut(list).unwrap().as_array_mut().unwrap().reverse();
        }
        for k in p["keys"].as_array_mut().unwrap() {
            k["versions"].as_array_mut().unwrap().reverse();
            for v in k["versions"].as_array_mut().unwrap() {
                v["shares"].as_array_mut().unwrap().reverse();
            }
        }
        let after = split_answer(&p, &case);
        prop_assert_eq!(&before["status"], &after["status"]);
        if before["status"] == "ok" {
            prop_assert_eq!(before, after);
        }
    }

    /// Valid documents with list elements duplicated, reordered, ids aliased (the same id, or one
    /// that differs by an invisible character or Unicode normalisation) and values replaced:
    /// never a panic, always a conserving answer or named errors.
    #[test]
    fn prop_mutated_valid_documents_give_named_errors_or_exact_answers(
        seed in world_seed(),
        mutations in prop::collection::vec((any::<bool>(), mutation()), 1..4),
    ) {
        let (mut policy, mut case) = world(&seed);
        for (in_policy, m) in &mutations {
            mutate(if *in_policy { &mut policy } else { &mut case }, m);
        }
        let a = split_answer(&policy, &case);
        check(&a)?;
        let check = json!({ "version": 1, "command": "check", "policy": policy });
        let c: Value = serde_json::from_str(&fordeling::contract::handle_json(&check.to_string())).unwrap();
        prop_assert!(c["status"] == "ok" || c["status"] == "error");
    }
}

// ---- Scenarios from a prepared portfolio (issue 15) ------------------------------------------

/// Scenarios of the example policy: key rules changed (split again line by line), and one change
/// that is not a key's rule (computed anew).
const SCENARIOS: [&[(&str, &str)]; 6] = [
    &[(r#"{ sector = "daycare_school", percent = 50 }"#, r#"{ sector = "daycare_school", percent = 55 }"#)],
    &[(r#"percent = 60 }, { sector = "daycare_school", percent = 25 }"#, r#"percent = 40 }, { sector = "daycare_school", percent = 45 }"#)],
    &[("[[keys.versions]]\nkind = \"equal\"", "[[keys.versions]]\nkind = \"equal\"\ninvolved_only = true")],
    &[(r#"shares = [{ sector = "children_social", percent = 50 }]"#, r#"shares = [{ sector = "children_social", percent = 100 }]"#),
      (r#"{ sector = "daycare_school", percent = 50 }"#, r#"{ sector = "daycare_school", percent = 5 }"#)],
    &[(r#"{ sector = "children_social", weight = 3 }, { sector = "daycare_school", weight = 1 }"#, r#"{ sector = "children_social", weight = 1 }, { sector = "health", weight = 1 }"#)],
    &[("min_sector_areas = 2\nconsent_required = true\ndisability_required = true\nage = { min = 0, max = 6 }\nmunicipalities = [\"ishoj\"]", "min_sector_areas = 3\nconsent_required = true\ndisability_required = true\nage = { min = 0, max = 6 }\nmunicipalities = [\"ishoj\"]")],
];

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(12), ..ProptestConfig::default() })]

    /// A scenario computed from a prepared portfolio (only the lines of changed keys split again,
    /// their households reimbursed again) is the portfolio computed anew under the scenario, to
    /// the øre and in every field; households of one to three children.
    #[test]
    fn prop_scenario_resplit_equals_full(seed in 0u64..1_000_000, n in 4usize..14, family in 1u64..4, pick in 0usize..SCENARIOS.len(), year in 2021i32..2023) {
        use fordeling::example::POLICY;
        use fordeling::year::{portfolio, PortfolioRequest, PreparedPortfolio, YearSettings};
        let policy = Policy::from_text(POLICY).unwrap();
        let mut text = POLICY.to_string();
        for (from, to) in SCENARIOS[pick] {
            prop_assert!(text.contains(from), "scenario {} does not apply: {}", pick, from);
            text = text.replacen(from, to, 1);
        }
        let scenario = Policy::from_text(&text).unwrap();
        prop_assert_eq!(policy.changed_keys(&scenario).is_some(), pick < 5);
        let cases: Vec<Case> = (seed..)
            .filter_map(|s| {
                let (t, _, _) = fordeling_workload::gen::case(s, 6, (2021, 2024));
                let t = t.replacen('\n', &format!("\nhousehold = \"h{}\"\n", s / family), 1);
                Case::from_text(&policy, &t).ok()
            })
            .take(n)
            .collect();
        let settings = YearSettings { year, ..YearSettings::default() };
        let prepared = PreparedPortfolio::new(policy.clone(), cases.clone(), settings).unwrap();
        let req = PortfolioRequest { cases: &cases, year, booked_through: None, budget: &[], today: None };
        prop_assert_eq!(prepared.portfolio().unwrap(), portfolio(&policy, &req).unwrap());
        let fast = prepared.under(&scenario, &cases).unwrap();
        let full = portfolio(&scenario, &req).unwrap();
        prop_assert_eq!(fast, full);
    }
}
