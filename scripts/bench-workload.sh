#!/usr/bin/env bash
# End-to-end benchmark of the reference workload (issue 5): the CLI reads a CSV, splits every line,
# writes a CSV. Prints lines per second and peak memory (max RSS) for 1,000,000 and 5,000,000 lines,
# so a growing input shows whether memory stays flat (streaming). Usage: scripts/bench-workload.sh [LINES...]
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -p fordeling-workload --quiet
gen=target/release/fordeling-workload
mkdir -p target/bench
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000000 5000000)
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
for n in "${sizes[@]}"; do
  input=target/bench/workload-$n.csv
  [ -f "$input" ] || "$gen" generate --lines "$n" --seed 1 > "$input"
  best=""
  for run in 1 2 3; do
    start=$(date +%s.%N)
    # One core: the CLI is single-threaded; taskset pins it.
    /usr/bin/time -f '%M' -o target/bench/time.txt taskset -c 0 "$gen" run "$input" -o target/bench/out.csv 2>/dev/null
    peak=$(tail -1 target/bench/time.txt)
    end=$(date +%s.%N)
    secs=$(echo "$end - $start" | bc -l)
    if [ -z "$best" ] || [ "$(echo "$secs < $best" | bc -l)" = 1 ]; then best=$secs; best_peak=$peak; fi
  done
  rate=$(echo "$n / $best" | bc -l)
  printf 'workload %9d lines: best of 3 %.3f s = %.0f lines/s end to end, peak memory %.1f MB\n' \
    "$n" "$best" "$rate" "$(echo "$best_peak / 1024" | bc -l)"
done
