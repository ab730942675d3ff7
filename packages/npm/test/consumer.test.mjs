// Runs in a fresh project that installed the packed tarball: what a user does.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as fordeling from "fordeling";

const request = readFileSync(process.env.FORDELING_REQUEST, "utf8");
const cliAnswer = readFileSync(process.env.FORDELING_ANSWER, "utf8");

test("installed from the tarball, not the source tree", () => {
  const where = createRequire(import.meta.url).resolve("fordeling/package.json");
  assert.match(where, /node_modules\/fordeling\/package\.json$/);
});

test("handle gives the CLI's answer byte for byte", () => {
  assert.equal(fordeling.handle(request) + "\n", cliAnswer);
  const engine = new fordeling.Engine();
  assert.equal(engine.handle(request) + "\n", cliAnswer);
  assert.equal(engine.handle(request) + "\n", cliAnswer, "again, from the engine's cache");
});

test("the portfolio: the CLI's answer byte for byte", () => {
  const portfolio = readFileSync(process.env.FORDELING_PORTFOLIO, "utf8");
  const answer = readFileSync(process.env.FORDELING_PORTFOLIO_ANSWER, "utf8");
  assert.equal(JSON.parse(answer).status, "ok");
  assert.equal(fordeling.handle(portfolio) + "\n", answer);
});

test("split of the example", () => {
  const [example] = fordeling.exampleCases();
  assert.equal(example.name, "case-ishoj");
  const result = fordeling.split(fordeling.examplePolicy(), example.case, example.period);
  assert.equal(result.totals.case, "530206.44");
  assert.deepEqual(result, JSON.parse(cliAnswer).result);
  assert.equal(fordeling.contractVersion(), 1);
});

test("errors are thrown with the contract's errors", () => {
  const [example] = fordeling.exampleCases();
  const bad = example.case.replace('amount = "3400.00"', 'amount = "34,00"');
  assert.throws(
    () => fordeling.split(fordeling.examplePolicy(), bad, example.period),
    (e) => e instanceof fordeling.FordelingError && e.errors[0].kind === "case" && e.errors[0].item.startsWith("services[0]"),
  );
  assert.equal(JSON.parse(fordeling.handle("{")).status, "error");
});
