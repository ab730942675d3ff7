#!/usr/bin/env bash
# Load benchmark of `fordeling serve` on loopback: wrk (Debian's package, installed if missing)
# POSTs the built-in example case (six services, 2024; `fordeling demo`) to /v1/split against the
# policy loaded at start, for DURATION seconds (default 10) over CONNECTIONS connections (default 8).
# Prints requests/s, p50 and p99 latency and the error count; fails on any error, or (STRICT=1)
# when below 2,000 requests/s or p99 at or above 20 ms. Bounded: one wrk run, then the server stops.
# DETAIL=summary asks for the page's reduced answer instead of the full one. FORDELING_BIN: a
# release binary built with --features server (default: build it).
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-10} CONNECTIONS=${CONNECTIONS:-8}
if ! command -v wrk >/dev/null; then
  echo "installing wrk (Debian)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null 2>&1 \
    || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
fi
target=${CARGO_TARGET_DIR:-target}
bin=${FORDELING_BIN:-$target/release/fordeling}
[ -n "${FORDELING_BIN:-}" ] || cargo build --release --features server --quiet
work=$(mktemp -d)
server=
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
# The request without its policy (the server has it loaded), and the same with it for the check.
python3 - "$work" "${DETAIL:-full}" <<'PY'
import json, sys
work = sys.argv[1]
case = open("examples/case-ishoj.toml", encoding="utf-8").read()
policy = open("examples/policy.toml", encoding="utf-8").read()
req = {"version": 1, "case": case, "period": {"from": "2024-01-01", "to": "2024-12-31"}}
if sys.argv[2] == "summary":
    req["detail"] = "summary"
json.dump(req, open(f"{work}/body.json", "w"), ensure_ascii=False)
json.dump({"version": 1, "command": "split", "policy": policy, **req}, open(f"{work}/full.json", "w"), ensure_ascii=False)
PY
"$bin" serve --listen 127.0.0.1:0 --policy examples/policy.toml --log json ${SERVER_ARGS:-} >"$work/out" 2>"$work/log" &
server=$!
for _ in $(seq 50); do grep -q listening "$work/out" && break; sleep 0.1; done
base=$(sed -n 's/^listening on //p' "$work/out")
[ -n "$base" ] || { cat "$work/log"; echo "the server did not start"; exit 1; }
# The answer under load is the CLI's answer.
curl -sS -X POST --data-binary @"$work/body.json" "$base/v1/split" >"$work/served.json"
"$bin" request "$work/full.json" >"$work/cli.json"
cmp -s "$work/served.json" "$work/cli.json" || { echo "the served answer differs from fordeling request"; exit 1; }
cat >"$work/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local f = io.open("$work/body.json", "rb"); wrk.body = f:read("*a"); f:close()
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %.0f %.2f %.2f %d %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests,
    e.connect + e.read + e.write + e.status + e.timeout))
end
LUA
wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 5s -s "$work/post.lua" "$base/v1/split" >"$work/wrk.txt"
read -r _ rps p50 p99 total errors < <(grep '^RESULT' "$work/wrk.txt")
bytes=$(stat -c %s "$work/served.json")
echo "server: $rps requests/s (detail ${DETAIL:-full}), p50 $p50 ms, p99 $p99 ms, $errors errors ($total requests of a six-service case, $bytes-byte answers, $CONNECTIONS connections, ${DURATION} s, $(nproc) cores shared with wrk)"
[ "$errors" -eq 0 ] || { cat "$work/wrk.txt"; echo "errors under load"; exit 1; }
if [ "${STRICT:-0}" = 1 ]; then
  awk -v r="$rps" -v p="$p99" 'BEGIN { exit !(r >= 2000 && p < 20) }' || { echo "below target (>= 2000 requests/s, p99 < 20 ms)"; exit 1; }
fi
