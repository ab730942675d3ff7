#!/usr/bin/env bash
# Coverage-guided fuzzing (issue 13): cargo-fuzz and libFuzzer over the four targets in
# fuzz/fuzz_targets: `request` (the JSON contract, every command), `documents` (a policy and a case
# as TOML or JSON text), `batch_csv` (a CSV batch) and `world` (structure-aware: valid worlds,
# then mutated). The golden cases' requests and the examples are the seeds; the corpus grows in
# TARGET/fuzz/corpus and is kept between runs. A crash, a wrong sum or an unnamed error stops the
# run and leaves the input in fuzz/artifacts/TARGET/.
#
# Usage: scripts/fuzz.sh [RUNS [TARGET...]]   RUNS: inputs per target (default 20000).
#        FUZZ_SECONDS=N scripts/fuzz.sh 0      runs each target for N seconds instead.
# Built without a sanitizer (`-s none`: the project has no unsafe code) on the stable toolchain.
# An input may take at most 30 s and 2 GB (the answer's JSON text is held besides the work, which
# the limits bound to well under 1 GB: README "Limits").
set -euo pipefail
cd "$(dirname "$0")/.."
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked --version 0.13.2
target=$(realpath -m "${CARGO_TARGET_DIR:-target}")
work=$target/fuzz
runs=${1:-20000}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(request documents batch_csv world)

# Seeds: every golden case's request (written by the golden test), and the examples.
if [ ! -d "$work/seeds/request" ]; then
  FORDELING_FUZZ_SEEDS="$work/seeds" cargo test -q -p fordeling --features cli,server --test golden \
    golden_requests_are_fuzz_seeds >/dev/null
fi
mkdir -p "$work/seeds/batch_csv" "$work/seeds/world" "$work/seeds/documents"
cp examples/batch-lines.csv "$work/seeds/batch_csv/"
for c in examples/case-*.toml; do
  { cat examples/policy.toml; printf '\0'; cat "$c"; } >"$work/seeds/documents/example-$(basename "$c" .toml)"
done

flags=(-s none --release --target-dir "$target/fuzz-build")
cargo fuzz build "${flags[@]}" >"$work/build.log" 2>&1 || { tail -40 "$work/build.log"; exit 1; }
for t in "${targets[@]}"; do
  mkdir -p "$work/corpus/$t"
  limit=(-runs="$runs")
  [ -z "${FUZZ_SECONDS:-}" ] || limit=(-max_total_time="$FUZZ_SECONDS")
  log=$work/$t.log
  if ! cargo fuzz run "${flags[@]}" "$t" "$work/corpus/$t" "$work/seeds/$t" -- \
      "${limit[@]}" -max_len=65536 -timeout=30 -rss_limit_mb=2048 -print_final_stats=1 >"$log" 2>&1; then
    tail -60 "$log"
    echo "fuzz $t: FAILED (the input is in fuzz/artifacts/$t/)"
    exit 1
  fi
  execs=$(awk '/stat::number_of_executed_units/{print $2}' "$log")
  secs=$( (grep -oE 'Done [0-9]+ runs in [0-9]+ second' "$log" || true) | awk '{print $5}')
  cov=$( (grep -oE 'cov: [0-9]+' "$log" || true) | tail -1 | awk '{print $2}')
  echo "fuzz $t: $execs inputs in ${secs:-?} s, coverage $cov edges, corpus $(ls "$work/corpus/$t" | wc -l) files, no failure"
done
