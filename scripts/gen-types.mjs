// The TypeScript types of the WebAssembly module (wasm/fordeling.d.ts), generated from the
// contract's JSON Schema (schema/contract-v1.schema.json, itself generated from the Rust types) by
// json-schema-to-typescript, a dev dependency of tests/e2e. wasm/src/lib.rs includes the file in
// the module's .d.ts (typescript_custom_section).
//
//   node scripts/gen-types.mjs          write wasm/fordeling.d.ts
//   node scripts/gen-types.mjs --check  exit 1 if the committed file differs from the generated one
//
// scripts/gen-types.sh installs the dependency first.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const root = new URL("../", import.meta.url);
const require = createRequire(new URL("tests/e2e/package.json", root));
const { compile } = require("json-schema-to-typescript");

export const OUT = new URL("wasm/fordeling.d.ts", root);
const PREFIX = "Fordeling";

/** The TypeScript text generated from the schema. */
export async function generate() {
  const schema = JSON.parse(readFileSync(new URL("schema/contract-v1.schema.json", root), "utf8"));
  // The root type is named here, not by the schema's title or id.
  delete schema.title;
  delete schema.$id;
  // Every definition becomes one named type, prefixed (Request, Response and Date would shadow the
  // DOM's): each is titled, and each reference names it (tsType) instead of being expanded in place,
  // which json-schema-to-typescript would do for a reference with a description beside it.
  for (const [name, def] of Object.entries(schema.$defs)) def.title = PREFIX + name;
  const named = (node) => {
    if (Array.isArray(node)) return node.forEach(named);
    if (node === null || typeof node !== "object") return;
    const ref = node.$ref;
    if (typeof ref === "string" && ref.startsWith("#/$defs/")) {
      delete node.$ref;
      node.tsType = PREFIX + ref.slice("#/$defs/".length);
    }
    Object.values(node).forEach(named);
  };
  named(schema);
  const banner =
    "/* Generated from schema/contract-v1.schema.json by scripts/gen-types.mjs: do not edit.\n" +
    " * Regenerate with scripts/gen-types.sh after `UPDATE_SCHEMA=1 cargo test --test schema`. */";
  // Each definition is compiled on its own (its references are names now), in name order.
  const options = {
    bannerComment: "",
    additionalProperties: false,
    strictIndexSignatures: true,
    style: { printWidth: 110, singleQuote: false },
  };
  const parts = [banner, ""];
  parts.push(`/** ${schema.description} */`, `export type ${PREFIX}Message = ${PREFIX}Request | ${PREFIX}Response;`, "");
  for (const name of Object.keys(schema.$defs).sort()) {
    parts.push((await compile(schema.$defs[name], PREFIX + name, options)).trim(), "");
  }
  const body = parts.join("\n");
  const aliases = [
    "/** One problem, named precisely enough to show next to the offending field. */",
    "export type FordelingError = FordelingErrorReport;",
    "",
  ].join("\n");
  return body + aliases;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const text = await generate();
  if (process.argv.includes("--check")) {
    let committed = "";
    try {
      committed = readFileSync(OUT, "utf8");
    } catch {}
    if (committed !== text) {
      console.error("wasm/fordeling.d.ts differs from the types generated from the schema: run scripts/gen-types.sh");
      process.exit(1);
    }
    console.log("wasm/fordeling.d.ts is up to date");
  } else {
    writeFileSync(OUT, text);
    console.log("wrote wasm/fordeling.d.ts");
  }
}
