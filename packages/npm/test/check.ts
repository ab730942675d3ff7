// Type-checked by scripts/test-npm.sh against the installed package's declarations.
import { split, handle, examplePolicy, exampleCases, FordelingError, Engine, type FordelingRequest } from "fordeling";

const [example] = exampleCases();
const req: FordelingRequest = { version: 1, command: "split", policy: examplePolicy(), case: example.case, period: example.period };
const text: string = handle(JSON.stringify(req));
const total: string = split(examplePolicy(), example.case, example.period).totals.case;
const engine = new Engine();
engine.handle(text);
try {
  split(examplePolicy(), "id = 1");
} catch (e) {
  if (e instanceof FordelingError) console.log(e.errors[0].item, total);
}
