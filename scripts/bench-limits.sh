#!/usr/bin/env bash
# The largest legal input of each dimension (README "Limits") through the release CLI, one core,
# with time and peak memory (/usr/bin/time -v), as a table; then inputs just past a limit, with the
# error they get. Inputs are written by `examples/limits.rs`. Usage: scripts/bench-limits.sh [DIMENSION...]
# FORDELING_BIN and LIMITS_GEN: release binaries of the CLI and of the example (default: build them);
# BENCH_DIR: where the inputs and outputs go (default: TARGET/bench-limits).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/time ]; then
  echo "installing GNU time (apt-get install time)" >&2
  apt-get install -y time >/dev/null
fi
[ -n "${FORDELING_BIN:-}" ] && [ -n "${LIMITS_GEN:-}" ] || cargo build --release --features cli --example limits --bin fordeling --quiet
target=$(realpath "${CARGO_TARGET_DIR:-target}")
bin=${FORDELING_BIN:-$target/release/fordeling}
gen=${LIMITS_GEN:-$target/release/examples/limits}
dir=${BENCH_DIR:-$target/bench-limits}
mkdir -p "$dir"
period=(--from 2024-01-01 --to 2024-12-31)

# dimension | what | command (run in $dir/<dimension>)
rows=(
  "departments|1,000 departments in one key (1,000 entries), 16 services, 12 months|split --policy policy.json --case case.json ${period[*]}"
  "departments-months|the same over 600 months (9.6 million shares)|split --policy policy.json --case case.json --from 1975-01-01 --to 2024-12-31 --detail summary"
  "services|1,000 services in a case, 12 months|split --policy policy.json --case case.json ${period[*]}"
  "agreements|1,000 agreements (daily) on one service line|split --policy policy.json --case case.json --from 2024-01-01 --to 2026-12-31"
  "key-versions|18,000 daily key versions, 20 services, 592 months|split --policy policy.json --case case.json --from 1975-01-01 --to 2024-04-30 --detail summary"
  "criteria|40,000 daily criteria, 2 services, 594 months|split --policy policy.json --case case.json --from 1960-01-01 --to 2009-06-30 --detail summary"
  "overlaps|2,000 overlapping criteria (refused: first 100 and a count)|check policy.json"
  "moves|1,000 moves (daily), 10 services, 36 months|split --policy policy.json --case case.json --from 2024-01-01 --to 2026-12-31"
  "months|600 months, 10 services|split --policy policy.json --case case.json --from 1975-01-01 --to 2024-12-31"
  "batch-rows|CSV batch, one case of 1,000 rows, 12 months|batch --policy policy.json --cases cases.csv ${period[*]} --detail summary"
  "document|policy document of 16 MiB (36,000 services)|check policy.json"
  "departments|explain: 1,000 departments in one key, 16 services, 12 months (192,000 shares)|explain --policy policy.json --case case.json ${period[*]}"
  "departments|postings of the same|postings --policy policy.json --case case.json ${period[*]}"
  "reimbursement|reimbursed case, 1,000 services over 249 months (249,000 lines, built whole)|split --policy policy.json --case case.json --from 2004-04-01 --to 2024-12-31"
  "reimbursement|explain of the same|explain --policy policy.json --case case.json --from 2004-04-01 --to 2024-12-31"
  "reimbursement|postings of the same|postings --policy policy.json --case case.json --from 2004-04-01 --to 2024-12-31"
  "siblings|household of 100 children, 16 services each over 156 months (249,600 shares)|request request.json"
  "portfolio|portfolio of 10,000 case files of 10 services (100,000 lines), budget year 2024 and four more|portfolio --policy policy.json --cases cases --year 2024 --format json"
  "portfolio-lines|portfolio of 100 cases of 1,000 services (100,000 service lines)|portfolio --policy policy.json --cases cases --year 2024 --format json"
  "portfolio-grant|the same 10,000 cases with a grant over every service (computed a household at a time)|portfolio --policy policy.json --cases cases --year 2024 --format json"
  "portfolio-shares|portfolio of 160 cases under a key of 1,000 entries (9.6 million shares kept)|portfolio --policy policy.json --cases cases --year 2024 --format json"
  "batch-households|JSON Lines batch, 100 households of 1,000 services kept to the end, 12 months|batch --policy policy.json --cases cases.jsonl ${period[*]} --detail summary"
  "too-many-entries|1,001 entries in one key|check policy.json"
  "too-many-services|1,001 services in a case|split --policy policy.json --case case.json ${period[*]}"
  "too-many-months|601 months|split --policy policy.json --case case.json --from 1975-01-01 --to 2025-01-31"
  "document-too-large|policy document of 16 MiB + 1 byte|check policy.json"
  "reimbursement-too-large|reimbursed case of 253,000 lines (past 250,000 shares held)|split --policy policy.json --case case.json --from 2003-12-01 --to 2024-12-31"
  "too-many-siblings|household of 101 children|request request.json"
  "too-many-shares|portfolio of 170 cases under a key of 1,000 entries (10.2 million shares to keep)|portfolio --policy policy.json --cases cases --year 2024 --format json"
  "too-many-cases|portfolio of 10,001 cases|portfolio --policy policy.json --cases cases --year 2024 --format json"
)
want=("$@")
printf '| %-20s | %-70s | %8s | %10s | %-4s | %s\n' dimension input "time s" "peak MB" exit "output / error"
printf '|%s|%s|%s|%s|%s|%s\n' "$(printf -- '-%.0s' {1..22})" "$(printf -- '-%.0s' {1..72})" "----------" "------------" "------" "---"
for row in "${rows[@]}"; do
  IFS='|' read -r name what cmd <<<"$row"
  if [ ${#want[@]} -gt 0 ] && [[ ! " ${want[*]} " =~ " $name " ]]; then continue; fi
  d=$dir/$name
  [ -f "$d/policy.json" ] || "$gen" "$name" "$d"
  set +e
  # shellcheck disable=SC2086
  (cd "$d" && /usr/bin/time -v -o time.txt taskset -c 0 "$bin" $cmd >out.txt 2>err.txt)
  code=$?
  set -e
  secs=$(grep 'Elapsed (wall clock)' "$d/time.txt" | awk '{print $NF}' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  kb=$(grep 'Maximum resident set size' "$d/time.txt" | awk '{print $NF}')
  if [ "$code" = 0 ]; then
    note="$(wc -c <"$d/out.txt") bytes out"
  else
    # A command that answers in JSON (request) gives its error in the answer, not on stderr.
    err=$d/err.txt
    [ -s "$err" ] || err=$d/out.txt
    note="$(grep -c . "$err") error lines; $(head -c 150 "$err" | head -1)"
  fi
  printf '| %-20s | %-70s | %8.2f | %10.1f | %-4s | %s\n' "$name" "$what" "$secs" "$(echo "$kb / 1024" | bc -l)" "$code" "$note"
done
