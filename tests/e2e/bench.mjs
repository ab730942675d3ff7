// Benchmarks of the WebAssembly module in headless Chromium (not a test: it prints measurements).
// 0. The page's first load: from navigation until the example's split is shown, in a fresh browser
//    context each time (nothing cached), median of 5.
// 1. The page's recompute: a case of 30 services over 24 months through `handle` (median of 50).
// 2. In-memory throughput of the reference workload through `workload` (100,000 lines, best of 5;
//    from the benchmark build in pkg-bench, the page's module leaves it out),
//    to compare with the native criterion benchmark `batch/workload_csv_in_memory_100k_lines`.
// 3. The portfolio after a scenario change (issue 15): 500 generated cases of 13 services
//    (`fordeling-workload cases`, the criterion benchmark's cases) under the example policy, budget
//    year 2022 (60 months), through one Engine of the workbook module (as the portfolio view's
//    worker): the first answer computes and keeps the portfolio, then each scenario changes a key
//    (median of 9), request and answer as JSON text, as the page sends them.
import { spawn, execFileSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const port = 19000 + (process.pid % 1000);
const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', join(root, 'wasm', 'www')], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 700));
import { existsSync } from 'node:fs';
// The workload part needs the benchmark build (scripts/build-page.sh bench) and fordeling-workload.
const withWorkload = existsSync(join(root, 'wasm', 'www', 'pkg-bench')) && !process.env.SKIP_WORKLOAD;
const csv = withWorkload ? execFileSync(join(root, 'target', 'release', 'fordeling-workload'), ['generate', '--lines', '100000', '--seed', '1'], { maxBuffer: 1 << 26 }).toString() : '';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
const loads = [];
for (let i = 0; i < 5; i++) {
  const context = await browser.newContext();
  const fresh = await context.newPage();
  const t0 = Date.now();
  await fresh.goto(`http://127.0.0.1:${port}/`);
  await fresh.waitForSelector('body[data-ready="true"]');
  await fresh.waitForFunction(() => document.querySelectorAll('svg path, svg circle').length > 0);
  loads.push(Date.now() - t0);
  await context.close();
}
loads.sort((a, b) => a - b);
console.log(`first load until the example's split and pie are shown, fresh context: median ${loads[2]} ms (all: ${loads.join(', ')})`);
const page = await browser.newPage();
await page.goto(`http://127.0.0.1:${port}/`);
await page.waitForSelector('body[data-ready="true"]');
const result = await page.evaluate(async (csv) => {
  const m = await import('./pkg/fordeling_wasm.js');
  const services = ['merudgift', 'tabt-arbejdsfortjeneste', 'aflastning', 'specialboernehave', 'stoette-dagtilbud', 'hjaelpemidler', 'fysio-ergoterapi'];
  const caseDoc = {
    id: 'bench-30x24', consent: [{ from: '2020-01-01' }], other_cases: [{ id: 'job', sector: 'employment' }],
    child: { birth_date: '2019-05-14', significant_permanent_disability: true, handlekommune: [{ municipality: 'ishoj', from: '2019-05-14' }] },
    services: Array.from({ length: 30 }, (_, i) => ({ id: `s${i}`, service: services[i % services.length], amount: `${1000 + i * 137}.${String(i * 7 % 100).padStart(2, '0')}`, per: i % 5 === 4 ? 'year' : 'month', from: `2023-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 27)).padStart(2, '0')}` })),
    agreements: [{ id: 'a', service: 's0', from: '2023-06-15', kind: 'percent', shares: [{ department: 'ishoj-cdu', percent: 40 }] }],
  };
  const req = JSON.stringify({ version: 1, command: 'split', policy: m.examplePolicy(), case: caseDoc, period: { from: '2023-01-01', to: '2024-12-31' } });
  const engine = new m.Engine();
  const median = (text) => {
    const times = [];
    let lines = 0;
    for (let i = 0; i < 50; i++) {
      const t0 = performance.now();
      const a = JSON.parse(engine.handle(text));
      times.push(performance.now() - t0);
      lines = a.result.lines.length;
    }
    times.sort((a, b) => a - b);
    return [times[25], lines];
  };
  const [full, lines] = median(req);
  const summaryReq = JSON.stringify({ ...JSON.parse(req), detail: 'summary' });
  const [summary] = median(summaryReq);
  // The page would hold the file's bytes (File.arrayBuffer()) and download the output as a Blob:
  // the input is encoded once, outside the timing; the output bytes are checked, not decoded.
  if (!csv) return { full, summary, lines, workloadMs: NaN };
  const bench = await import('./pkg-bench/fordeling_wasm.js');
  await bench.default();
  const input = new TextEncoder().encode(csv);
  let best = Infinity;
  let out;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    out = bench.workload(input);
    best = Math.min(best, performance.now() - t0);
  }
  const tail = new TextDecoder().decode(out.subarray(out.length - 200));
  if (!tail.includes('# totals') || tail.includes('# errors')) throw new Error(`workload output ends unexpectedly: ${tail}`);
  return { full, summary, lines, workloadMs: best };
}, csv);
const casesJsonl = execFileSync(join(root, 'target', 'release', 'fordeling-workload'), ['cases', '--count', '500', '--services', '13'], { maxBuffer: 1 << 26 }).toString();
const pf = await page.evaluate(async (lines) => {
  const m = await import('./pkg-xlsx/fordeling_wasm.js');
  await m.default();
  const cases = lines.trim().split('\n').map((l) => JSON.parse(l));
  const policy = m.examplePolicy();
  const base = { version: 1, command: 'portfolio', policy, cases, year: 2022 };
  const engine = new m.Engine();
  let t0 = performance.now();
  const first = JSON.parse(engine.handle(JSON.stringify(base)));
  const firstMs = performance.now() - t0;
  if (first.status !== 'ok') throw new Error(JSON.stringify(first.errors));
  const from = '{ sector = "daycare_school", percent = 50 }';
  if (!policy.includes(from)) throw new Error('the scenario does not apply to the example policy');
  const times = [];
  let changes = 0;
  for (let i = 0; i < 9; i++) {
    const scenario = policy.replace(from, `{ sector = "daycare_school", percent = ${51 + i} }`);
    const text = JSON.stringify({ ...base, scenario });
    t0 = performance.now();
    const a = JSON.parse(engine.handle(text));
    times.push(performance.now() - t0);
    if (a.status !== 'ok' || !a.result.scenario) throw new Error(JSON.stringify(a.errors));
    changes = a.result.scenario.changes.length;
  }
  times.sort((a, b) => a - b);
  return { firstMs, median: times[4], all: times, changes, cases: first.result.cases };
}, casesJsonl);
console.log(`portfolio of ${pf.cases} cases x 13 services x 60 months: first answer (computed and kept) ${pf.firstMs.toFixed(0)} ms; after a scenario change (a key): median ${pf.median.toFixed(1)} ms (all: ${pf.all.map((t) => t.toFixed(0)).join(', ')}; ${pf.changes} changed rows)`);
console.log(`recompute, 30 services x 24 months (${result.lines} lines), Engine.handle() incl. JSON.parse, detail "summary" (what the page asks on every edit): median ${result.summary.toFixed(2)} ms`);
console.log(`the same with detail "full" (asked when a line is opened or downloaded): median ${result.full.toFixed(2)} ms`);
if (withWorkload) console.log(`workload in memory, 100000 lines: best of 5 ${result.workloadMs.toFixed(1)} ms = ${Math.round(100000 / (result.workloadMs / 1000))} lines/s`);
await browser.close();
server.kill();
