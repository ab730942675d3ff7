// The API over the WebAssembly module; node.js and browser.js load the module first.
import { handle as wasmHandle, Engine as WasmEngine, examplePolicy, exampleCases as wasmExampleCases, contractVersion } from "./dist/fordeling_wasm.js";

export { examplePolicy, contractVersion };

/** An error answer of the contract; `errors` is its list (kind, code, item, field?, message). */
export class FordelingError extends Error {
  constructor(errors) {
    super(errors.map((e) => e.message).join("; ") || "error");
    this.name = "FordelingError";
    this.errors = errors;
  }
}

/** Answer a contract request (JSON text) with the contract's answer (JSON text). Never throws. */
export function handle(requestJson) {
  return wasmHandle(requestJson);
}

/** Keeps the last compiled policy between calls; the same bytes as `handle`. */
export class Engine {
  #engine = new WasmEngine();
  handle(requestJson) {
    return this.#engine.handle(requestJson);
  }
  free() {
    this.#engine.free();
  }
}

/** The built-in example cases: [{ name, case, period: { from, to } }]. */
export function exampleCases() {
  return JSON.parse(wasmExampleCases());
}

/** Send a request given as an object; the answer's `result`, or a thrown FordelingError. */
export function request(req, engine) {
  const text = JSON.stringify({ version: 1, ...req });
  const answer = JSON.parse(engine ? engine.handle(text) : wasmHandle(text));
  if (answer.status !== "ok") throw new FordelingError(answer.errors ?? []);
  return answer.result;
}

/** Split a case (object or TOML/JSON text) under a policy over a period ({from, to}, optional). */
export function split(policy, caseDoc, period, lang = "en") {
  return request({ command: "split", policy, case: caseDoc, ...(period ? { period } : {}), lang });
}
