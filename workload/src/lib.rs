//! The reference workload and the generators of `fordeling`'s tests and benchmarks.
//!
//! * [`workload`]: the streaming CSV workload (`case_id,service,amount_dkk,dept_a_weight..`), split
//!   by largest remainder line by line: the throughput benchmark of `scripts/bench-workload.sh`.
//! * [`gen`]: deterministic generators of cases, requests and workload lines.
//!
//! None of this is part of the library's API: the crate exists for `benches/`, `tests/`, the
//! WebAssembly benchmark build and the `fordeling-workload` command.
#![forbid(unsafe_code)]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::print_stdout, clippy::print_stderr)
)]

pub mod gen;
pub mod workload;
