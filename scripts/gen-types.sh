#!/usr/bin/env bash
# Regenerates wasm/fordeling.d.ts, the TypeScript types of the WebAssembly module, from the
# contract's JSON Schema (schema/contract-v1.schema.json). Installs json-schema-to-typescript (a dev
# dependency of tests/e2e) first if it is missing. `scripts/gen-types.sh --check` only compares.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d tests/e2e/node_modules/json-schema-to-typescript ]; then
  npm ci --prefix tests/e2e --no-audit --no-fund >/dev/null
fi
node scripts/gen-types.mjs "$@"
