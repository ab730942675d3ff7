#!/usr/bin/env bash
# The npm package as a user gets it: takes the page's whole WebAssembly module, the one with the
# portfolio and workbooks (wasm/www/pkg-xlsx from scripts/build-page.sh; SKIP_WASM_BUILD=1 when it
# was just built), assembles packages/npm, runs `npm pack`, installs the
# tarball in a fresh project, type-checks a TypeScript user (typescript from npm) and runs
# node --test there, comparing the answers with the CLI's (`fordeling request`).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
[ "${SKIP_WASM_BUILD:-0}" = 1 ] || scripts/build-page.sh
pkg=packages/npm
rm -rf "$pkg/dist" && mkdir -p "$pkg/dist"
cp wasm/www/pkg-xlsx/fordeling_wasm.js wasm/www/pkg-xlsx/fordeling_wasm.d.ts wasm/www/pkg-xlsx/fordeling_wasm_bg.wasm "$pkg/dist/"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tarball=$(cd "$pkg" && npm pack --silent --pack-destination "$work" | tail -1)
echo "npm pack: $tarball ($(stat -c %s "$work/$tarball") bytes)"
# The CLI's answer to the example request.
bin=${FORDELING_BIN:-${CARGO_TARGET_DIR:-target}/debug/fordeling}
[ -x "$bin" ] || cargo build --features cli --quiet
python3 - "$work" <<'PY'
import json, sys
req = {"version": 1, "command": "split", "policy": open("examples/policy.toml", encoding="utf-8").read(),
       "case": open("examples/case-ishoj.toml", encoding="utf-8").read(), "period": {"from": "2024-01-01", "to": "2024-12-31"}}
json.dump(req, open(sys.argv[1] + "/request.json", "w", encoding="utf-8"), ensure_ascii=False)
import glob
cases = [open(f, encoding="utf-8").read() for f in sorted(glob.glob("examples/year/cases/*.toml"))]
req = {"version": 1, "command": "portfolio", "policy": open("examples/year/policy.toml", encoding="utf-8").read(),
       "cases": cases, "year": 2025, "booked_through": "2025-09"}
json.dump(req, open(sys.argv[1] + "/portfolio.json", "w", encoding="utf-8"), ensure_ascii=False)
PY
"$bin" request "$work/request.json" >"$work/answer.json"
"$bin" request "$work/portfolio.json" >"$work/portfolio-answer.json"
mkdir "$work/app" && cd "$work/app"
npm init -y >/dev/null && npm pkg set type=module
npm install --no-audit --no-fund --silent "$work/$tarball" typescript@5
cp "$root/$pkg/test/consumer.test.mjs" "$root/$pkg/test/check.ts" .
npx --no-install tsc --noEmit --strict --skipLibCheck false --module nodenext --moduleResolution nodenext --target esnext check.ts
echo "TypeScript: check.ts type-checks against the installed declarations"
FORDELING_REQUEST=$work/request.json FORDELING_ANSWER=$work/answer.json \
  FORDELING_PORTFOLIO=$work/portfolio.json FORDELING_PORTFOLIO_ANSWER=$work/portfolio-answer.json node --test consumer.test.mjs
# The README's Node example, run in the same project, prints what the README shows.
"$root/scripts/readme-example.py" '### Node.js and bundlers (npm)' js "$root/README.md" >readme.mjs
node readme.mjs >readme.out
"$root/scripts/readme-example.py" '### Node.js and bundlers (npm)' text "$root/README.md" | while IFS= read -r line; do
  grep -qxF -- "$line" readme.out || { echo "README Node example: '$line' not printed"; cat readme.out; exit 1; }
done
echo "README Node example: prints what the README shows"
