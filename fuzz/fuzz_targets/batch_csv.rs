//! A batch of service lines as CSV (as Excel and finance systems write it) under the example
//! policy. Nothing panics; every bad record is reported once; the totals add up by department,
//! municipality and month.
#![no_main]

use fordeling::contract::batch::{Batch, CsvBatch};
use fordeling::{Date, Period, Policy};
use libfuzzer_sys::fuzz_target;

/// The example policy, compiled once.
fn policy() -> &'static Policy {
    static POLICY: std::sync::OnceLock<Policy> = std::sync::OnceLock::new();
    POLICY.get_or_init(|| Policy::from_text(fordeling::example::POLICY).expect("the example policy"))
}

fuzz_target!(|data: &[u8]| {
    let policy = policy();
    let period = Period { from: Date::new(2024, 1, 1).expect("a date"), to: Date::new(2024, 12, 31).expect("a date") };
    let batch = Batch::new(policy, Some(period));
    let mut out = String::new();
    let (errors, batch) = match CsvBatch::new(batch, data) {
        Ok(csv) => csv.run(&mut out),
        Err(_) => return, // no header: refused as a whole, with a named error
    };
    let t = batch.finish();
    assert_eq!(t.bad_records, errors.len() as u64, "every bad record reported once");
    assert_eq!(t.departments.values().sum::<i128>(), t.total);
    assert_eq!(t.municipalities.values().sum::<i128>(), t.total);
    assert_eq!(t.months.values().sum::<i128>(), t.total);
    for e in &errors {
        assert!(!e.errors.is_empty(), "a bad record names its problems: {e:?}");
        assert!(
            e.errors.iter().all(|p| !p.message.is_empty() && !matches!(p.code, fordeling::ErrorCode::Internal)),
            "{e:?}"
        );
    }
});
