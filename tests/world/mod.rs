//! Generated worlds for structure-aware fuzzing (issue 13), shared by the proptest properties
//! (`tests/properties.rs`) and the coverage-guided fuzz targets (`fuzz/`).
//!
//! Valid policies and cases are generated from a few numbers ([`WorldSeed`]), so that the compiler
//! and the engine are reached, not only the parsers; [`mutate`] then duplicates and reorders list
//! elements, aliases ids and replaces values. Every answer must be a success that conserves every
//! øre, or errors that are each named ([`check_answer`]).
#![allow(dead_code)]

use serde_json::{json, Value};

pub fn collect_paths(v: &Value, at: String, out: &mut Vec<String>) {
    out.push(at.clone());
    match v {
        Value::Object(m) => m.iter().for_each(|(k, x)| collect_paths(x, format!("{at}/{k}"), out)),
        Value::Array(a) => a.iter().enumerate().for_each(|(i, x)| collect_paths(x, format!("{at}/{i}"), out)),
        _ => {}
    }
}

pub const SECTORS: [&str; 5] = ["children_social", "daycare_school", "health", "employment", "adult"];

/// Key or agreement entries: target pick, whether it names a sector, weight, decimals.
pub type Entries = Vec<(usize, bool, u64, u32)>;

/// The numbers a world is generated from.
#[derive(Debug, Clone)]
pub struct WorldSeed {
    /// Per municipality, the department group (0..3) of each of the five sectors.
    pub munis: Vec<[usize; 5]>,
    /// Services: sector, key (index into keys, if any).
    pub services: Vec<(usize, Option<usize>)>,
    /// Keys: versions (kind, entries (target pick, is_sector, weight)).
    pub keys: Vec<Vec<(usize, Entries)>>,
    pub min_sector_areas: u8,
    /// Case lines: service pick, amount (øre), scale, per, from day, length in days (0 = open).
    pub lines: Vec<(usize, i64, u32, usize, u32, u32)>,
    /// Agreements: line pick, kind, entries.
    pub agreements: Vec<(usize, usize, Entries)>,
    /// A move to another municipality on this day of 2024 (0 = none).
    pub move_day: u32,
    pub other_sectors: Vec<usize>,
}

pub fn day(n: u32) -> String {
    let d = fordeling::Date::new(2024, 1, 1).unwrap();
    let mut d = d;
    for _ in 0..n {
        d = d.succ().unwrap();
    }
    d.to_string()
}

pub const KINDS: [&str; 4] = ["sole", "percent", "weights", "equal"];

pub const PERS: [&str; 3] = ["month", "year", "once"];

/// Key or agreement shares of `kind` over `depts`, with no target twice, percentages at most 100
/// and at least one positive weight.
pub fn shares(kind: &str, es: &[(usize, bool, u64, u32)], depts: &[String]) -> Vec<Value> {
    let mut seen = std::collections::BTreeSet::new();
    let mut out = Vec::new();
    for (i, &(pick, sector, w, scale)) in es.iter().enumerate() {
        let target = if sector {
            json!({ "sector": SECTORS[pick % 5] })
        } else {
            json!({ "department": depts[pick % depts.len()] })
        };
        if !seen.insert(target.to_string()) {
            continue;
        }
        let mut e = target;
        match kind {
            // At most 19.99 each, five entries at most: the sum stays below 100.
            "percent" => e["percent"] = json!(rust_decimal::Decimal::new((w % 2000) as i64, 2).to_string()),
            "weights" => {
                let w = if i == 0 { w.max(1) } else { w };
                e["weight"] =
                    json!(rust_decimal::Decimal::new(w as i64, if w > 1_000_000_000 { 0 } else { scale }).to_string());
            }
            _ => {}
        }
        out.push(e);
        if kind == "sole" {
            break;
        }
    }
    if kind == "weights" && out.is_empty() {
        out.push(json!({ "department": depts[0], "weight": 1 }));
    }
    out
}

/// A valid policy and case (and period) from a seed.
pub fn world(s: &WorldSeed) -> (Value, Value) {
    let mut munis = Vec::new();
    let mut depts: Vec<Value> = Vec::new();
    for (i, groups) in s.munis.iter().enumerate() {
        munis.push(json!({ "id": format!("m{i}"), "name": format!("Kommune {i}"), "code": 101 + i }));
        for g in 0..3 {
            let sectors: Vec<&str> = (0..5).filter(|&k| groups[k] == g).map(|k| SECTORS[k]).collect();
            if !sectors.is_empty() {
                depts.push(json!({ "id": format!("m{i}-d{g}"), "name": format!("Afdeling {g}"), "municipality": format!("m{i}"), "sectors": sectors }));
            }
        }
    }
    let dept_ids: Vec<String> = depts.iter().map(|d| d["id"].as_str().unwrap().to_string()).collect();
    let keys: Vec<Value> = s
        .keys
        .iter()
        .enumerate()
        .map(|(k, versions)| {
            let n = versions.len() as i32;
            let vs: Vec<Value> = versions
                .iter()
                .enumerate()
                .map(|(v, (kind, es))| {
                    let kind = KINDS[*kind];
                    let mut x = json!({ "kind": kind, "shares": shares(kind, es, &dept_ids) });
                    // Consecutive years from 2023; the last one open-ended.
                    x["from"] = json!(format!("{}-01-01", 2023 + v));
                    if (v as i32) < n - 1 {
                        x["to"] = json!(format!("{}-12-31", 2023 + v));
                    }
                    x
                })
                .collect();
            json!({ "id": format!("key{k}"), "versions": vs })
        })
        .collect();
    let services: Vec<Value> = s
        .services
        .iter()
        .enumerate()
        .map(|(j, (sector, key))| {
            let mut x = json!({ "id": format!("svc{j}"), "name": format!("Ydelse {j}"), "sector": SECTORS[*sector],
                                "legal_basis": [{ "text": "Barnets lov § 86" }] });
            if let Some(k) = key {
                x["key"] = json!(format!("key{k}"));
            }
            x
        })
        .collect();
    let all: Vec<String> = (0..s.munis.len()).map(|i| format!("m{i}")).collect();
    let policy = json!({
        "name": "fuzz", "municipalities": munis, "departments": depts, "services": services, "keys": keys,
        "eligibility": [{ "from": "2020-01-01", "min_sector_areas": s.min_sector_areas, "municipalities": all }],
    });
    let lines: Vec<Value> = s
        .lines
        .iter()
        .enumerate()
        .map(|(i, &(svc, amount, scale, per, from, len))| {
            let mut x = json!({ "id": format!("l{i}"), "service": format!("svc{}", svc % s.services.len()),
                "amount": rust_decimal::Decimal::new(amount, scale + 2).to_string(), "per": PERS[per], "from": day(from) });
            if per == 2 {
                x["to"] = json!(day(from));
            } else if len > 0 {
                x["to"] = json!(day(from + len));
            }
            x
        })
        .collect();
    // At most one agreement per line (so none overlap), over the whole period.
    let mut agreed = std::collections::BTreeSet::new();
    let agreements: Vec<Value> = s
        .agreements
        .iter()
        .filter(|(line, _, _)| agreed.insert(line % lines.len()))
        .enumerate()
        .map(|(i, (line, kind, es))| {
            let kind = KINDS[*kind];
            json!({ "id": format!("a{i}"), "service": format!("l{}", line % lines.len()), "from": "2024-01-01",
                    "kind": kind, "shares": shares(kind, es, &dept_ids) })
        })
        .collect();
    let mut residence = vec![json!({ "municipality": "m0", "from": "2019-05-01" })];
    if s.move_day > 0 && s.munis.len() > 1 {
        residence.push(json!({ "municipality": "m1", "from": day(s.move_day) }));
    }
    let other: Vec<Value> = s
        .other_sectors
        .iter()
        .enumerate()
        .map(|(i, &k)| json!({ "id": format!("o{i}"), "sector": SECTORS[k] }))
        .collect();
    let case = json!({
        "id": "fuzz", "consent": [{ "from": "2020-01-01" }], "other_cases": other,
        "child": { "birth_date": "2019-05-01", "significant_permanent_disability": true, "handlekommune": residence },
        "services": lines, "agreements": agreements,
    });
    (policy, case)
}

pub fn split_answer(policy: &Value, case: &Value) -> Value {
    let req = json!({ "version": 1, "command": "split", "policy": policy, "case": case,
                      "period": { "from": "2024-01-01", "to": "2025-06-30" } });
    serde_json::from_str(&fordeling::contract::handle_json(&req.to_string())).expect("the answer is always JSON")
}

/// Øre of a money text, also of totals above the limit of one amount (a missing or unreadable
/// amount is `i128::MIN`, which no sum equals).
pub fn big_ore(v: &Value) -> i128 {
    v.as_str().and_then(|s| s.replace('.', "").parse().ok()).unwrap_or(i128::MIN)
}

/// An answer is a success that conserves every øre, or a list of named errors; otherwise what is
/// wrong with it.
pub fn check_answer(a: &Value) -> Result<(), String> {
    let fail = |what: &str, v: &Value| Err(format!("{what}: {v}"));
    if a["status"] == "error" {
        let Some(errors) = a["errors"].as_array().filter(|e| !e.is_empty()) else { return fail("no errors listed", a) };
        for e in errors {
            if !e["code"].as_str().is_some_and(|c| !c.is_empty() && c != "internal") {
                return fail("an error without a code", e);
            }
            if e["message"].as_str().is_none_or(str::is_empty) {
                return fail("an error without a message", e);
            }
        }
        return Ok(());
    }
    if a["status"] != "ok" {
        return fail("neither ok nor error", a);
    }
    let r = &a["result"];
    let mut case = 0i128;
    for l in r["lines"].as_array().into_iter().flatten() {
        let shares: i128 = l["shares"].as_array().into_iter().flatten().map(|s| big_ore(&s["amount"])).sum();
        if shares != big_ore(&l["amount"]) {
            return fail("shares do not add up to their line", l);
        }
        case += shares;
    }
    if case != big_ore(&r["totals"]["case"]) {
        return fail("lines do not add up to the case's total", &r["totals"]);
    }
    let depts: i128 =
        r["totals"]["by_department"].as_array().into_iter().flatten().map(|d| big_ore(&d["amount"])).sum();
    if depts != case {
        return fail("departments do not add up to the case's total", &r["totals"]);
    }
    Ok(())
}

/// One change to a document: duplicate, move or drop a list element, alias an id, or replace a value.
#[derive(Debug, Clone)]
pub enum Mutation {
    Duplicate(u64),
    Reverse(u64),
    Alias(u64, u64, u8),
    Replace(u64, Value),
}

pub fn paths_where(v: &Value, keep: impl Fn(&Value, &str) -> bool) -> Vec<String> {
    let mut all = Vec::new();
    collect_paths(v, String::new(), &mut all);
    all.into_iter().filter(|p| v.pointer(p).is_some_and(|x| keep(x, p))).collect()
}

pub fn mutate(doc: &mut Value, m: &Mutation) {
    match m {
        Mutation::Duplicate(pick) | Mutation::Reverse(pick) => {
            let lists = paths_where(doc, |x, _| x.as_array().is_some_and(|a| !a.is_empty()));
            if lists.is_empty() {
                return;
            }
            let Some(Value::Array(a)) = doc.pointer_mut(&lists[(*pick as usize) % lists.len()]) else { return };
            if let Mutation::Duplicate(_) = m {
                let i = (*pick as usize / 7) % a.len();
                let copy = a[i].clone();
                a.insert((*pick as usize / 11) % (a.len() + 1), copy);
            } else {
                a.reverse();
            }
        }
        Mutation::Alias(a, b, kind) => {
            // Ids and the references to them: any string value under a key named like one.
            let ids = paths_where(doc, |x, p| {
                x.is_string()
                    && ["id", "department", "municipality", "service", "key", "grantor", "on_behalf_of"]
                        .iter()
                        .any(|k| p.ends_with(&format!("/{k}")))
            });
            if ids.is_empty() {
                return;
            }
            let other = doc.pointer(&ids[(*b as usize) % ids.len()]).unwrap().as_str().unwrap().to_string();
            let new = match kind {
                0 => other,                      // the same id as another item
                1 => format!("{other}\u{200B}"), // differs by an invisible character
                2 => format!("{other}e\u{301}"), // a decomposed é ...
                _ => format!("{other}\u{e9}"),   // ... and the composed one
            };
            if let Some(v) = doc.pointer_mut(&ids[(*a as usize) % ids.len()]) {
                *v = json!(new);
            }
        }
        Mutation::Replace(pick, value) => {
            let slots = paths_where(doc, |_, _| true);
            if let Some(v) = doc.pointer_mut(&slots[(*pick as usize) % slots.len()]) {
                *v = value.clone();
            }
        }
    }
}
