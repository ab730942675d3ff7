// wasm/fordeling.d.ts is the TypeScript generated from the contract's schema (scripts/gen-types.mjs).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { generate, OUT } from "../../scripts/gen-types.mjs";

test("wasm/fordeling.d.ts is generated from schema/contract-v1.schema.json", async () => {
  const committed = readFileSync(OUT, "utf8");
  assert.ok(committed === (await generate()), "wasm/fordeling.d.ts is stale: run scripts/gen-types.sh");
  assert.doesNotMatch(committed, /:\s*any\b|\bany\[\]|<any>/, "no `any` in the contract's types");
});
