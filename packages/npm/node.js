// Node.js (ESM): reads the module from the package's own folder, synchronously.
import { readFileSync } from "node:fs";
import { initSync } from "./dist/fordeling_wasm.js";

initSync({ module: readFileSync(new URL("./dist/fordeling_wasm_bg.wasm", import.meta.url)) });

export * from "./core.js";
