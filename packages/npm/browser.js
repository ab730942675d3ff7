// Browsers and bundlers (Vite, webpack 5, esbuild, Rollup): the module is fetched next to this file.
import init from "./dist/fordeling_wasm.js";

await init({ module_or_path: new URL("./dist/fordeling_wasm_bg.wasm", import.meta.url) });

export * from "./core.js";
