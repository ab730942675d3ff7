// Writes examples/template.xlsx: the example policy and the Ishøj example case as a workbook in the
// layout the page reads (README, "Workbooks"). Uses the release CLI to read the TOML examples:
//   cargo build --release --features cli && node scripts/make-template.mjs
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeWorkbook, policySheets, caseSheets } from '../wasm/www/xlsx.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const request = {
  version: 1,
  command: 'parse',
  policy: readFileSync(join(root, 'examples', 'policy.toml'), 'utf8'),
  case: readFileSync(join(root, 'examples', 'case-ishoj.toml'), 'utf8'),
};
const answer = JSON.parse(execFileSync(join(root, 'target', 'release', 'fordeling'), ['request', '-'], { input: JSON.stringify(request) }).toString());
if (answer.status !== 'ok') throw new Error(JSON.stringify(answer.errors));
const out = join(root, 'examples', 'template.xlsx');
writeFileSync(out, await writeWorkbook([...policySheets(answer.result.policy), ...caseSheets(answer.result.case)]));
console.log(`wrote ${out}`);
