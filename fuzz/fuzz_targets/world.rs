//! Structure-aware: the fuzzer's bytes choose a valid world (municipalities, departments grouped
//! over the sector areas, dated keys of every kind, a case's lines, agreements, a move), so the
//! compiler and the engine are reached; then up to three mutations duplicate, reorder or alias
//! list elements and ids, or replace a value. A valid world computes (or only overflows); every
//! answer conserves every øre or names its errors. The worlds are those of `tests/properties.rs`.
#![no_main]

use arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;
use serde_json::{json, Value};

#[path = "../../tests/world/mod.rs"]
mod world;
use world::{Entries, Mutation, WorldSeed};

fn range(u: &mut Unstructured, lo: usize, hi: usize) -> Result<usize> {
    u.int_in_range(lo..=hi - 1)
}

fn list<T>(
    u: &mut Unstructured,
    lo: usize,
    hi: usize,
    mut f: impl FnMut(&mut Unstructured) -> Result<T>,
) -> Result<Vec<T>> {
    let n = range(u, lo, hi)?;
    (0..n).map(|_| f(u)).collect()
}

fn weight(u: &mut Unstructured) -> Result<u64> {
    Ok(match u.int_in_range(0..=3)? {
        0 => u.int_in_range(0..=99)?,
        1 => u.int_in_range(1..=9_999_999)?,
        2 => 1_000_000_000_000,
        _ => u.int_in_range(999_999_999_000..=1_000_000_000_000)?,
    })
}

fn entries(u: &mut Unstructured) -> Result<Entries> {
    list(u, 0, 5, |u| Ok((range(u, 0, 64)?, u.arbitrary()?, weight(u)?, u.int_in_range(0..=3)?)))
}

fn amount(u: &mut Unstructured) -> Result<i64> {
    if u.ratio(1, 8)? {
        Ok(100_000_000_000_000)
    } else {
        u.int_in_range(-100_000_000..=99_999_999)
    }
}

fn seed(u: &mut Unstructured) -> Result<WorldSeed> {
    Ok(WorldSeed {
        munis: list(u, 1, 4, |u| {
            let mut g = [0; 5];
            for x in &mut g {
                *x = range(u, 0, 3)?;
            }
            Ok(g)
        })?,
        services: list(u, 1, 5, |u| Ok((range(u, 0, 5)?, if u.arbitrary()? { Some(range(u, 0, 3)?) } else { None })))?,
        keys: list(u, 3, 4, |u| list(u, 1, 4, |u| Ok((range(u, 0, 4)?, entries(u)?))))?,
        min_sector_areas: u.int_in_range(1..=3)?,
        lines: list(u, 1, 6, |u| {
            Ok((
                range(u, 0, 8)?,
                amount(u)?,
                u.int_in_range(0..=2)?,
                range(u, 0, 3)?,
                u.int_in_range(0..=364)?,
                u.int_in_range(0..=399)?,
            ))
        })?,
        agreements: list(u, 0, 4, |u| Ok((range(u, 0, 8)?, range(u, 0, 4)?, entries(u)?)))?,
        move_day: if u.arbitrary()? { u.int_in_range(1..=364)? } else { 0 },
        other_sectors: list(u, 0, 3, |u| range(u, 0, 5))?,
    })
}

/// A small JSON value, with the texts that have broken readers before.
fn value(u: &mut Unstructured, depth: u32) -> Result<Value> {
    let pick = u.int_in_range(0..=if depth == 0 { 5 } else { 7 })?;
    Ok(match pick {
        0 => Value::Null,
        1 => json!(u.arbitrary::<bool>()?),
        2 => json!(u.arbitrary::<i64>()?),
        3 => json!(u.arbitrary::<f64>()?.to_string()),
        4 => json!(u.arbitrary::<String>()?),
        5 => {
            json!(*u.choose(&["2025-02-30", "-0.005", "1e400", "99999999999999999999999999999.99", "1.000", "=1+1"])?)
        }
        6 => Value::Array(list(u, 0, 4, |u| value(u, depth - 1))?),
        _ => Value::Object(
            list(u, 0, 4, |u| Ok((u.arbitrary::<String>()?, value(u, depth - 1)?)))?.into_iter().collect(),
        ),
    })
}

fn mutation(u: &mut Unstructured) -> Result<Mutation> {
    Ok(match u.int_in_range(0..=9)? {
        0..=2 => Mutation::Duplicate(u.arbitrary()?),
        3..=4 => Mutation::Reverse(u.arbitrary()?),
        5..=7 => Mutation::Alias(u.arbitrary()?, u.arbitrary()?, u.int_in_range(0..=3)?),
        _ => Mutation::Replace(u.arbitrary()?, value(u, 2)?),
    })
}

fn fuzz(u: &mut Unstructured) -> Result<()> {
    let (mut policy, mut case) = world::world(&seed(u)?);
    let a = world::split_answer(&policy, &case);
    if let Err(e) = world::check_answer(&a) {
        panic!("{e}");
    }
    // Valid by construction: only an amount or a total beyond the limits may be refused.
    if a["status"] == "error" {
        assert!(a["errors"].as_array().into_iter().flatten().all(|e| e["code"] == "overflow"), "{a}");
    }
    for _ in 0..range(u, 1, 4)? {
        let in_policy: bool = u.arbitrary()?;
        let m = mutation(u)?;
        world::mutate(if in_policy { &mut policy } else { &mut case }, &m);
    }
    if let Err(e) = world::check_answer(&world::split_answer(&policy, &case)) {
        panic!("{e}");
    }
    Ok(())
}

fuzz_target!(|data: &[u8]| {
    let _ = fuzz(&mut Unstructured::new(data));
});
