import type { FordelingRequest, FordelingResponse, FordelingError as FordelingErrorItem } from "./dist/fordeling_wasm.js";

export type { FordelingRequest, FordelingResponse, FordelingCommand } from "./dist/fordeling_wasm.js";
/** One problem in an error answer. */
export type FordelingErrorReport = FordelingErrorItem;

/** A document: the JSON object itself, or TOML/JSON text. */
export type FordelingDocument = object | string;
/** A period: first and last day, YYYY-MM-DD. */
export interface FordelingPeriod {
  from: string;
  to: string;
}

/** An error answer of the contract, thrown by `request` and `split`. */
export class FordelingError extends Error {
  readonly errors: FordelingErrorItem[];
  constructor(errors: FordelingErrorItem[]);
}

/** Answer a contract request (JSON text) with the contract's answer (JSON text). Never throws. */
export function handle(requestJson: string): string;

/** Keeps the last compiled policy between calls; the same bytes as `handle`. */
export class Engine {
  constructor();
  handle(requestJson: string): string;
  free(): void;
}

/** Send a request given as an object (`version` is filled in): the answer's result, or a thrown FordelingError. */
export function request(req: Omit<FordelingRequest, "version"> & { version?: 1 }, engine?: Engine): any;

/** Split a case under a policy over a period (default: the span of the case's services). Money is a string. */
export function split(policy: FordelingDocument, caseDoc: FordelingDocument, period?: FordelingPeriod, lang?: "en" | "da"): any;

/** The built-in example policy (TOML text; made-up amounts). */
export function examplePolicy(): string;
/** The built-in example cases. */
export function exampleCases(): { name: string; case: string; period: FordelingPeriod }[];
/** The contract version this module speaks. */
export function contractVersion(): number;
