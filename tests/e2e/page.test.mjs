// End-to-end tests of the controller's page in Debian's headless Chromium (playwright-core).
// The page is served from wasm/www on 127.0.0.1; any console error or any request to another origin
// fails the run. Totals shown on the page are checked against the native CLI on the same input.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync, readFileSync, readdirSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
// The page's workbook module (Rust: calamine, rust_xlsxwriter), here to read downloads and write test workbooks.
import * as W from '../../wasm/www/pkg-xlsx/fordeling_wasm.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const www = join(root, 'wasm', 'www');
// The native CLI the page is compared with: FORDELING_CLI (scripts/test.sh gives the debug build its
// native tests made), or the release build.
const cli = process.env.FORDELING_CLI || join(root, 'target', 'release', 'fordeling');
const artifacts = join(root, 'artifacts');
const port = 18000 + (process.pid % 1000);
const origin = `http://127.0.0.1:${port}`;
W.initSync({ module: readFileSync(join(www, 'pkg-xlsx', 'fordeling_wasm_bg.wasm')) });
let server, browser, page;
/** What the page's confirm() dialogs are answered (the tests that check asking change it). */
let dialogAnswer = true;
const dialogs = [];
/** The page's static server (scripts/serve-page.py: the security headers of a deployment). */
function serve(onPort, directory) {
  return spawn('python3', [join(root, 'scripts', 'serve-page.py'), String(onPort), directory], { stdio: 'ignore' });
}
const consoleErrors = [];
const foreignRequests = [];

/** The example policy's department names by id (from the native CLI). */
async function departmentNames() {
  const policy = native({ version: 1, command: 'parse', policy: readFileSync(join(root, 'examples', 'policy.toml'), 'utf8') }).result.policy;
  return Object.fromEntries(policy.departments.map((d) => [d.id, d.name]));
}

/** The native CLI's answer to a contract request. */
function native(request) {
  const out = execFileSync(cli, ['request', '-'], { input: JSON.stringify(request) }).toString();
  return JSON.parse(out);
}

/** The request the page would send for its current state. */
async function pageRequest() {
  return page.evaluate(() => window.__fordeling.request());
}

async function shownTotal() {
  return page.locator('#summary').getAttribute('data-total');
}

before(async () => {
  mkdirSync(artifacts, { recursive: true });
  server = serve(port, www);
  for (let i = 0; i < 50; i++) {
    try { await fetch(origin); break; } catch { await new Promise((r) => setTimeout(r, 100)); }
  }
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 1600 } });
  page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  page.on('dialog', (d) => { dialogs.push(d.message()); if (dialogAnswer) d.accept(); else d.dismiss(); });
  page.on('request', (r) => { if (!r.url().startsWith(origin) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) foreignRequests.push(r.url()); });
  await page.goto(origin + '/');
  await page.waitForSelector('body[data-ready="true"]');
});

after(async () => {
  await browser?.close();
  server?.kill();
  assert.deepEqual(consoleErrors, [], 'console errors');
  assert.deepEqual(foreignRequests, [], 'requests to other origins');
});

test('loads the example and shows the native totals', async () => {
  const req = await pageRequest();
  const answer = native(req);
  assert.equal(answer.status, 'ok');
  assert.equal(await shownTotal(), answer.result.totals.case);
  assert.equal(await shownTotal(), '530206.44');
  const rows = await page.locator('#by-department tbody tr').count();
  assert.equal(rows, answer.result.totals.by_department.length);
  await page.screenshot({ path: join(artifacts, 'page.png'), fullPage: true });
});

test('editing an amount recomputes at once, equal to the native CLI', async () => {
  const amount = page.locator('#services tbody tr').first().locator('[data-field="amount"]');
  await amount.fill('3.500,00');
  const answer = native(await pageRequest());
  assert.equal(answer.result.totals.case, await shownTotal());
  assert.equal(answer.result.totals.case, '531406.44', '12 months x 100.00 more');
  await amount.fill('3400.00');
  assert.equal(await shownTotal(), '530206.44');
});

test('pasted spreadsheet cells are added to the services', async () => {
  await page.locator('#paste-box summary').click();
  // The paste adds: the example's services and agreements go first, so that this test checks the pasted rows alone.
  for (const t of ['#agreements', '#services']) {
    while (await page.locator(`${t} tbody tr`).count() > 0) await page.locator(`${t} tbody tr`).first().locator('button').click();
  }
  // The page's own header ('Beløb (kr.)') is read as well.
  const tsv = 'Id\tYdelse\tBeløb (kr.)\tPr.\tFra\tTil\n' +
    'p1\tmerudgift\t3.400,00\tmåned\t01-01-2024\t31-12-2024\n' +
    'p2\taflastning\t96000\tår\t2024-01-01\t2024-12-31\n' +
    'p3\tstoette-dagtilbud\t1094,375\tmåned\t2024-01-01\t2024-07-31\n';
  await page.locator('#paste').fill(tsv);
  await page.locator('#use-paste').click();
  assert.equal(await page.locator('#services tbody tr').count(), 3);
  const answer = native(await pageRequest());
  assert.equal(answer.status, 'ok');
  assert.equal(await shownTotal(), answer.result.totals.case);
  // 12 x 3400 + 96000 + 7 x 1094.38
  assert.equal(answer.result.totals.case, '144460.66');
  const copied = await page.locator('#tsv-out').inputValue();
  assert.match(copied, /^Måned\t/);
  assert.match(copied, /\t144460,66$/);
  // A second paste is added, with a service given by its name and a fresh id; an agreement typed
  // since stays.
  await page.locator('#add-agreement').click();
  await page.locator('#agreements tbody tr').last().locator('[data-field="shares"]').fill('ishoj-cbf=100');
  const service = native({ version: 1, command: 'parse', policy: readFileSync(join(root, 'examples', 'policy.toml'), 'utf8') }).result.policy.services[0];
  await page.locator('#paste').fill(`Ydelse\tBeløb (kr.)\tPr.\tFra\n${service.name}\t100,00\tmd.\t01-01-2024\n`);
  await page.locator('#use-paste').click();
  const request = await pageRequest();
  assert.deepEqual(request.case.services.map((s) => s.id), ['p1', 'p2', 'p3', 's1']);
  assert.equal(request.case.services[3].service, service.id);
  assert.equal(request.case.services[3].amount, '100.00');
  assert.equal(request.case.agreements.length, 1);
  assert.equal(native(request).result.totals.case, await shownTotal());
  await page.locator('#agreements tbody tr').last().locator('button').click();
  await page.locator('#services tbody tr').last().locator('button').click();
  assert.equal(await shownTotal(), '144460.66');
});

test('every bad input shows a named error next to its field, in Danish, and nothing typed is lost', async () => {
  const row = page.locator('#services tbody tr').first();
  const cases = [
    ['amount', 'abc', /er ikke et tal/],
    ['amount', '1e400', /er ikke et tal/],
    ['amount', '99999999999999', /er for stort/],
    ['from', '2025-02-30', /2025-02 har 28 dage/],
    ['from', '2024-13-01', /måneden skal være 01 til 12/],
    ['to', '2023-01-01', /slutter \(2023-01-01\) før den begynder/],
    ['id', 'p2', /bruges to gange/],
  ];
  for (const [field, value, message] of cases) {
    const input = row.locator(`[data-field="${field}"]`);
    const before = await input.inputValue();
    await input.fill(value);
    await assert.doesNotReject(page.waitForSelector('#errors li'));
    const errors = await page.locator('#errors li').allTextContents();
    assert.ok(errors.some((e) => message.test(e)), `${field}=${value}: ${errors.join(' | ')}`);
    assert.ok(await page.locator('#services .invalid, #services [aria-invalid="true"]').count() > 0, `${field}=${value} marked`);
    assert.equal(await input.inputValue(), value, 'the typed value stays');
    await assert.doesNotReject(page.locator('#results.stale').waitFor());
    await input.fill(before);
    assert.equal(await page.locator('#errors li').count(), 0, `cleared after ${field}`);
  }
  // Agreement problems: percentages above 100, an unknown department, overlapping agreements.
  await page.locator('#add-agreement').click();
  const ag = page.locator('#agreements tbody tr').last();
  await ag.locator('[data-field="shares"]').fill('ishoj-cbf=70; ishoj-cdu=50');
  assert.ok((await page.locator('#errors li').allTextContents()).some((e) => /procenterne giver tilsammen 120/.test(e)));
  await ag.locator('[data-field="shares"]').fill('nowhere=10');
  assert.ok((await page.locator('#errors li').allTextContents()).some((e) => /ukendt afdeling: 'nowhere'/.test(e)));
  await ag.locator('[data-field="shares"]').fill('ishoj-cbf=10');
  await page.locator('#add-agreement').click();
  const ag2 = page.locator('#agreements tbody tr').last();
  await ag2.locator('[data-field="shares"]').fill('ishoj-cdu=10');
  assert.ok((await page.locator('#errors li').allTextContents()).some((e) => /overlapper/.test(e)));
  await ag2.locator('button').click();
  await page.locator('#agreements tbody tr').last().locator('button').click();
  assert.equal(await page.locator('#errors li').count(), 0);
  // A period that ends before it starts.
  await page.locator('#period-to').fill('2023-01-01');
  assert.ok((await page.locator('#errors li').allTextContents()).some((e) => /perioden slutter/.test(e)));
  await page.locator('#period-to').fill('2024-12-31');
  assert.equal(await page.locator('#errors li').count(), 0);
});

test("changing an agreement's kind keeps the shares typed since", async () => {
  await page.locator('#add-agreement').click();
  const ag = page.locator('#agreements tbody tr').last();
  await ag.locator('[data-field="shares"]').fill('ishoj-cbf=3; ishoj-cdu=1');
  await ag.locator('[data-field="kind"]').selectOption('weights');
  const request = await pageRequest();
  assert.deepEqual(request.case.agreements.at(-1).shares, [{ department: 'ishoj-cbf', weight: '3' }, { department: 'ishoj-cdu', weight: '1' }]);
  const answer = native(request);
  assert.equal(answer.status, 'ok');
  assert.equal(await shownTotal(), answer.result.totals.case);
  await ag.locator('button').click();
  assert.equal(await page.locator('#errors li').count(), 0);
});

test('a line explains itself on click, in Danish and English', async () => {
  await page.locator('#lines tbody tr').first().click();
  const da = await page.locator('#explain-body').textContent();
  assert.match(da, /Betalingsforpligtelse/);
  assert.match(da, /præcist/);
  await page.locator('#lang-en').click();
  await page.locator('#lines tbody tr').first().click();
  const en = await page.locator('#explain-body').textContent();
  assert.match(en, /Payment obligation/);
  await page.locator('#close-explain').click();
  await page.locator('#lang-da').click();
});

test('downloads CSV and JSON that match the shown totals', async () => {
  const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('#download-csv').click()]);
  const csvText = readFileSync(await csv.path()).toString();
  assert.match(csvText.split('\n')[0], /^case,service_line,service,month/);
  const shares = csvText.trim().split('\n').slice(1).map((l) => l.split(',')[9]);
  const sumOre = shares.reduce((s, v) => s + BigInt(v.replace('.', '')), 0n);
  assert.equal(sumOre, BigInt((await shownTotal()).replace('.', '')));
  const [json] = await Promise.all([page.waitForEvent('download'), page.locator('#download-json').click()]);
  const answer = JSON.parse(readFileSync(await json.path()).toString());
  assert.equal(answer.result.totals.case, await shownTotal());
  writeFileSync(join(artifacts, 'result.json'), JSON.stringify(answer, null, 2));
});

test('the built-in example cases load from the selector', async () => {
  await page.locator('#example').selectOption('case-vallensbaek');
  await page.locator('#load-example').click();
  assert.equal(await shownTotal(), '123600.00');
  await page.screenshot({ path: join(artifacts, 'page-vallensbaek.png'), fullPage: true });
  // In 2021 Ishøj granted for Vallensbæk by the policy's arrangement 'ishoj-for-vallensbaek': the
  // explanation describes it by its municipalities and sector area, not by its id.
  await page.locator('#lines tbody tr').first().click();
  const text = await page.locator('#explain-body').textContent();
  assert.match(text, /efter samarbejdsaftalen Ishøj Kommune → Vallensbæk Kommune, Børn og familie \(social\)/);
  assert.ok(!text.includes('ishoj-for-vallensbaek'), text);
  await page.locator('#close-explain').click();
});

// ---- Workbooks ----------------------------------------------------------------------------------
const work = mkdtempSync(join(tmpdir(), 'fordeling-xlsx-'));
/** LibreOffice headless with its own profile (no clash with a running office). */
function soffice(...args) {
  return execFileSync('soffice', [`-env:UserInstallation=file://${work}/profile`, '--headless', ...args], { cwd: work, stdio: 'pipe' }).toString();
}
/** Clicks a download button and returns the downloaded bytes. */
async function downloadBytes(button) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.locator(button).click()]);
  return readFileSync(await d.path());
}
async function loadWorkbook(input, name, bytes) {
  await page.locator(input).setInputFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(bytes) });
}
/** Waits until `check` (run here, in Node) returns true; the page's CSP forbids evaluated predicates. */
async function until(check, what) {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail(`timed out waiting for ${what}`);
}
const totalIs = (t) => until(async () => (await shownTotal()) === t, `total ${t}`);
/** A zip whose one part says it holds 10 bytes and inflates to 80 MB (tests/xlsx.rs has one that says 65 MB). */
async function zipBomb() {
  const deflated = (bytes) => new Response(new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer();
  const data = new Uint8Array(await deflated(new Uint8Array(80 * 1024 * 1024)));
  const name = new TextEncoder().encode('xl/workbook.xml');
  const local = new DataView(new ArrayBuffer(30));
  local.setUint32(0, 0x04034b50, true); local.setUint16(8, 8, true); local.setUint32(18, data.length, true);
  local.setUint32(22, 10, true); local.setUint16(26, name.length, true);
  const dir = new DataView(new ArrayBuffer(46));
  dir.setUint32(0, 0x02014b50, true); dir.setUint16(10, 8, true); dir.setUint32(20, data.length, true);
  dir.setUint32(24, 10, true); dir.setUint16(28, name.length, true);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true); end.setUint16(8, 1, true); end.setUint16(10, 1, true);
  end.setUint32(12, 46 + name.length, true); end.setUint32(16, 30 + name.length + data.length, true);
  return new Uint8Array(await new Blob([local.buffer, name, data, dir.buffer, name, end.buffer]).arrayBuffer());
}
/** Money text ('530206.44', '15610', '-0.5') as øre. */
const ore = (s) => {
  const [i, f = ''] = String(s).split('.');
  const v = BigInt(i.replace('-', '')) * 100n + BigInt((f + '00').slice(0, 2));
  return i.startsWith('-') ? -v : v;
};
/** Every sheet of a workbook: [{ name, cells: [{ ref, text, number?, formula? }] }] (read in Rust). */
const sheetsOf = (bytes) => JSON.parse(W.workbookCells(bytes));
const writeSheets = (sheets) => W.writeSheets(JSON.stringify(sheets));
/** The template's sheets for a policy (and case), to change cells of. */
const templateSheets = (policy, kase) => JSON.parse(W.templateSheets(JSON.stringify({ version: 1, command: 'parse', policy, case: kase })));
const colIndex = (l) => [...l].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
/** A sheet's cell texts as rows of columns. */
function grid(sheet) {
  const rows = [];
  for (const c of sheet.cells) {
    const [, col, row] = c.ref.match(/^([A-Z]+)(\d+)$/);
    (rows[Number(row) - 1] ??= [])[colIndex(col)] = c.text;
  }
  return rows.map((r) => Array.from(r ?? [], (t) => t ?? ''));
}
/** A part of the .xlsx zip, as text (Python's zipfile: the tests write no zip reader). */
function zipPart(file, part) {
  return execFileSync('python3', ['-c', 'import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())', file, part]).toString();
}

test('downloads the result as .xlsx: a sheet per view, SUM formulas with exact cached totals, a native pie chart', async () => {
  await page.locator('#example').selectOption('case-ishoj');
  await page.locator('#load-example').click();
  const total = await shownTotal();
  const answer = native(await pageRequest());
  assert.equal(total, answer.result.totals.case);
  const bytes = await downloadBytes('#download-xlsx');
  writeFileSync(join(artifacts, 'result.xlsx'), bytes);
  writeFileSync(join(work, 'result.xlsx'), bytes);
  const wb = sheetsOf(bytes);
  assert.deepEqual(wb.map((s) => s.name).slice(0, 6), ['Forside', 'Pr. afdeling', 'Pr. kommune', 'Pr. måned og afdeling', 'Linjer', 'Kriterier']);
  assert.ok(wb.some((s) => s.name === 'Sagens ydelser'), 'the case travels with the result, in Danish');
  // Every formula is a SUM over a range whose cells add up, to the øre, to the cached value.
  let formulas = 0;
  for (const sheet of wb) {
    const rows = grid(sheet);
    for (const c of sheet.cells.filter((x) => x.formula)) {
      formulas += 1;
      const m = c.formula.match(/^SUM\(([A-Z]+)(\d+):([A-Z]+)(\d+)\)$/);
      assert.ok(m, `${sheet.name}: ${c.formula}`);
      let sum = 0n;
      for (let r = Number(m[2]) - 1; r <= Number(m[4]) - 1; r++) {
        for (let k = colIndex(m[1]); k <= colIndex(m[3]); k++) sum += ore(rows[r]?.[k] || '0');
      }
      assert.equal(sum, ore(c.text), `${sheet.name}: ${c.formula}`);
    }
  }
  assert.ok(formulas > 10, `${formulas} formulas`);
  const byDept = grid(wb.find((s) => s.name === 'Pr. afdeling'));
  assert.deepEqual(byDept.at(-1).slice(0, 3), ['I alt', '', '']);
  assert.equal(ore(byDept.at(-1)[3]), ore(total));
  assert.deepEqual(byDept.slice(1, -1).map((r) => [r[0], ore(r[3])]), answer.result.totals.by_department.map((d) => [d.department, ore(d.amount)]));
  const chart = zipPart(join(work, 'result.xlsx'), 'xl/charts/chart1.xml');
  assert.match(chart, /<c:pieChart>/);
  assert.match(chart, /'Pr\. afdeling'!\$D\$2:\$D\$\d+/);

  // LibreOffice opens it: every sheet to CSV (recalculated), and the first sheet with its chart to PDF.
  soffice('--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', 'result.xlsx');
  const csvLines = (sheet) => readFileSync(join(work, `result-${sheet}.csv`)).toString().trim().split('\n');
  const deptCsv = csvLines('Pr. afdeling');
  assert.equal(deptCsv.at(-1).split(',').at(-1), String(Number(total)), 'LibreOffice total per department');
  const monthCsv = csvLines('Pr. måned og afdeling');
  assert.equal(monthCsv.length, answer.result.totals.by_month.length + 2);
  assert.deepEqual(monthCsv.at(-1).split(',').slice(1).map(Number),
    [...answer.result.totals.by_department.map((d) => Number(d.amount)), Number(total)], 'LibreOffice totals per month sheet');
  soffice('--convert-to', 'pdf', 'result.xlsx');
  // Page 1 is the cover; page 2 the departments with their chart.
  execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '60', '-png', 'result.pdf', join(artifacts, 'xlsx-cover')], { cwd: work });
  execFileSync('pdftoppm', ['-f', '2', '-l', '2', '-r', '60', '-png', 'result.pdf', join(artifacts, 'xlsx-chart')], { cwd: work });
  execFileSync('pdftoppm', ['-f', '2', '-l', '2', '-r', '60', 'result.pdf', 'chart'], { cwd: work });
  // The chart is drawn: the PDF's second page has pixels in the slice colours.
  const ppm = readFileSync(join(work, readdirSync(work).find((f) => f.startsWith('chart') && f.endsWith('.ppm'))));
  const header = ppm.toString('latin1', 0, 40).match(/^P6\s+(\d+)\s+(\d+)\s+255\s/);
  assert.ok(header, 'a PPM image');
  const pixels = ppm.subarray(header[0].length);
  const colours = { '163056': 0, e86c13: 0, '10371d': 0 };
  for (let i = 0; i + 2 < pixels.length; i += 3) {
    for (const hex of Object.keys(colours)) {
      const [r, g, b] = [0, 2, 4].map((k) => parseInt(hex.slice(k, k + 2), 16));
      if (Math.abs(pixels[i] - r) < 12 && Math.abs(pixels[i + 1] - g) < 12 && Math.abs(pixels[i + 2] - b) < 12) colours[hex] += 1;
    }
  }
  for (const [hex, n] of Object.entries(colours)) assert.ok(n > 200, `slice colour #${hex}: ${n} pixels`);
});

test('the template workbook loads as policy and case, also once saved by LibreOffice', async () => {
  const total = await shownTotal();
  const template = await downloadBytes('#download-template');
  writeFileSync(join(work, 'skabelon.xlsx'), template);
  // The Danish page gives the Danish template: instructions first, Danish sheet names.
  assert.deepEqual(sheetsOf(template).map((s) => s.name), ['Vejledning', 'Fordelingsmodel', 'Kommuner', 'Afdelinger', 'Ydelser',
    'Fordelingsnøgler', 'Målgruppekriterier', 'Samarbejdsaftaler', 'Statsrefusion', 'Indeks', 'Sag', 'Sagens ydelser', 'Sagens aftaler',
    'Sagens indtægter', 'Familiens andre sager', 'Forældre', 'Samtykke', 'Udgift før projektet']);
  // Change an amount in the page, then load the template: the workbook's case replaces it.
  await page.locator('#services tbody tr').first().locator('[data-field="amount"]').fill('1.00');
  assert.notEqual(await shownTotal(), total);
  await loadWorkbook('#policy-file', 'skabelon.xlsx', template);
  await totalIs(total);
  assert.match(await page.locator('#policy-status').textContent(), /Fælles finansiering, Ishøj og Vallensbæk/);
  assert.equal(native(await pageRequest()).result.totals.case, total);
  // The same workbook after LibreOffice saved it (shared strings, its own styles and numbers).
  mkdirSync(join(work, 'lo'), { recursive: true });
  soffice('--convert-to', 'xlsx', '--outdir', 'lo', 'skabelon.xlsx');
  await page.locator('#services tbody tr').first().locator('[data-field="amount"]').fill('1.00');
  await loadWorkbook('#policy-file', 'skabelon-lo.xlsx', readFileSync(join(work, 'lo', 'skabelon.xlsx')));
  await totalIs(total);
  assert.equal(await page.locator('#errors li').count(), 0);
  // And as an OpenDocument spreadsheet (.ods) saved by LibreOffice.
  soffice('--convert-to', 'ods', '--outdir', 'lo', 'skabelon.xlsx');
  await page.locator('#services tbody tr').first().locator('[data-field="amount"]').fill('1.00');
  await loadWorkbook('#policy-file', 'skabelon.ods', readFileSync(join(work, 'lo', 'skabelon.ods')));
  await totalIs(total);
  assert.equal(await page.locator('#errors li').count(), 0);
  assert.equal(native(await pageRequest()).result.totals.case, total);
});

test('the committed template (examples/template.xlsx) is the example policy and case', async () => {
  await page.locator('#services tbody tr').first().locator('[data-field="amount"]').fill('1.00');
  await loadWorkbook('#policy-file', 'template.xlsx', readFileSync(join(root, 'examples', 'template.xlsx')));
  await totalIs('530206.44');
  const answer = native(await pageRequest());
  const example = native({ version: 1, command: 'split', lang: 'da', policy: readFileSync(join(root, 'examples', 'policy.toml'), 'utf8'),
    case: readFileSync(join(root, 'examples', 'case-ishoj.toml'), 'utf8'), period: { from: '2024-01-01', to: '2024-12-31' } });
  assert.deepEqual(answer.result, example.result);
});

test('a case workbook typed the Excel way: date cells, Danish amounts, Danish words', async () => {
  // 45292 is 2024-01-01 and 43599 is 2019-05-14 as spreadsheet day numbers.
  const bytes = writeSheets([
    { name: 'Case', rows: [['id', 'birth_date', 'significant_permanent_disability', 'handlekommune', 'consent_from'], ['sag-x', 43599, 'ja', 'ishoj', 45292]] },
    { name: 'Case services', rows: [['Id', 'Service', 'Amount', 'Per', 'From', 'To'],
      ['s1', 'merudgift', '3.400,50', 'måned', 45292, '31-12-2024'], ['s2', 'aflastning', 96000, 'år', 45292, 45657]] },
  ]);
  await loadWorkbook('#case-file', 'sag.xlsx', bytes);
  await until(async () => (await page.locator('#services tbody tr').count()) === 2, 'two services');
  const first = page.locator('#services tbody tr').first();
  // Shown the Danish way on the Danish page; the request has machine values.
  assert.equal(await first.locator('[data-field="amount"]').inputValue(), '3.400,50');
  assert.equal(await first.locator('[data-field="from"]').inputValue(), '01-01-2024');
  assert.equal(await page.locator('#services tbody tr').last().locator('[data-field="to"]').inputValue(), '31-12-2024');
  assert.equal((await pageRequest()).case.services[0].amount, '3400.50');
  const answer = native(await pageRequest());
  assert.equal(answer.status, 'ok');
  assert.equal(await shownTotal(), answer.result.totals.case);
  assert.equal(answer.result.totals.case, '136806.00', '12 x 3400.50 + 96000');
});

test('every bad workbook gives a named error, at its sheet and row, and keeps what was read', async () => {
  const policy = native({ version: 1, command: 'parse', policy: readFileSync(join(root, 'examples', 'policy.toml'), 'utf8') }).result.policy;
  const errors = async () => (await page.locator('#errors li').allTextContents()).join(' | ');
  const expectError = async (input, name, bytes, pattern) => {
    await loadWorkbook(input, name, bytes);
    await until(async () => pattern.test(await errors()), String(pattern));
    assert.match(await errors(), pattern);
  };
  await expectError('#policy-file', 'not.xlsx', new TextEncoder().encode('id,amount\n'), /not\.xlsx: not an \.xlsx or \.ods workbook/);
  await expectError('#policy-file', 'bomb.xlsx', await zipBomb(), /bomb\.xlsx: xl\/workbook\.xml: cannot be unpacked/);
  const sheets = templateSheets(policy);
  const depts = sheets.find((s) => s.name === 'departments');
  depts.rows[2][2] = 'nowhere';
  await expectError('#policy-file', 'politik.xlsx', writeSheets(sheets), /departments, row 3: .*(ukendt kommune: |unknown municipality )'nowhere'/);
  assert.equal(await page.locator('#policy-status.bad').count(), 1);
  depts.rows[2][2] = 'ishoj';
  depts.rows[0].push('colour');
  await expectError('#policy-file', 'politik.xlsx', writeSheets(sheets), /departments!E1: unknown column 'colour'/);
  depts.rows[0].pop();
  await expectError('#policy-file', 'politik.xlsx', writeSheets(sheets.filter((s) => s.name !== 'services')), /services: sheet missing/);
  await expectError('#case-file', 'politik.xlsx', writeSheets(sheets), /ingen sag \(arket 'case' mangler\)/);
  // A good policy again; then a case with a bad amount: loaded anyway, the error at its field.
  await loadWorkbook('#policy-file', 'politik.xlsx', writeSheets(sheets));
  await until(async () => (await page.locator('#policy-status.bad').count()) === 0, 'a good policy');
  const kase = templateSheets(policy, readFileSync(join(root, 'examples', 'case-ishoj.toml'), 'utf8')).filter((s) => s.name.startsWith('case'));
  kase.find((s) => s.name === 'case services').rows[2][2] = 'abc';
  await expectError('#case-file', 'sag.xlsx', writeSheets(kase), /case services, row 3: .*(er ikke et tal|is not a number)/);
  const amount = page.locator('#services tbody tr').nth(1).locator('[data-field="amount"]');
  assert.equal(await amount.inputValue(), 'abc', 'what was read stays');
  assert.equal(await amount.getAttribute('aria-invalid'), 'true');
  await amount.fill('21345.50');
  assert.equal(await page.locator('#errors li').count(), 0);
  rmSync(work, { recursive: true, force: true });
});

// ---- Security ---------------------------------------------------------------------------------------
/**
 * A zip whose central directory lists `entries` parts that all point at the same deflated data of
 * `mb` MB of zeros (overlapping entries: a small file that claims, or would inflate to, a lot).
 */
async function overlappingZip(entries, mb) {
  const deflated = (bytes) => new Response(new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer();
  const size = mb * 1024 * 1024;
  const data = new Uint8Array(await deflated(new Uint8Array(size)));
  const nameOf = (i) => new TextEncoder().encode(`xl/p${String(i).padStart(5, '0')}.xml`);
  const local = new DataView(new ArrayBuffer(30));
  local.setUint32(0, 0x04034b50, true); local.setUint16(8, 8, true); local.setUint32(18, data.length, true);
  local.setUint32(22, size, true); local.setUint16(26, nameOf(0).length, true);
  const parts = [local.buffer, nameOf(0), data];
  let dirSize = 0;
  for (let i = 0; i < entries; i++) {
    const dir = new DataView(new ArrayBuffer(46));
    dir.setUint32(0, 0x02014b50, true); dir.setUint16(10, 8, true); dir.setUint32(20, data.length, true);
    dir.setUint32(24, size, true); dir.setUint16(28, nameOf(i).length, true);
    parts.push(dir.buffer, nameOf(i));
    dirSize += 46 + nameOf(i).length;
  }
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true); end.setUint16(8, entries, true); end.setUint16(10, entries, true);
  end.setUint32(12, dirSize, true); end.setUint32(16, 30 + nameOf(0).length + data.length, true);
  parts.push(end.buffer);
  return new Uint8Array(await new Blob(parts).arrayBuffer());
}

test('the server sends the CSP as a header with frame-ancestors, and the usual security headers', async () => {
  const r = await fetch(origin + '/');
  assert.match(r.headers.get('content-security-policy'), /frame-ancestors 'none'/);
  assert.match(r.headers.get('content-security-policy'), /default-src 'self'/);
  assert.equal(r.headers.get('x-frame-options'), 'DENY');
  assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(r.headers.get('referrer-policy'), 'no-referrer');
  assert.equal((await fetch(origin + '/pkg/fordeling_wasm_bg.wasm')).headers.get('content-type'), 'application/wasm');
});

test('workbooks over the size limits are refused in Danish, naming the file, and the page stays responsive', async () => {
  await page.locator('#lang-da').click();
  const errors = async () => (await page.locator('#errors li').allTextContents()).join(' | ');
  const expectError = async (name, bytes, pattern) => {
    await loadWorkbook('#policy-file', name, bytes);
    await until(async () => pattern.test(await errors()), String(pattern));
  };
  // 65,535 overlapping entries (a 3.9 MB file): too many parts, refused before any is inflated.
  const started = Date.now();
  await expectError('mange.xlsx', await overlappingZip(65535, 1), /mange\.xlsx: arbejdsbogen har mere end 10\.000 dele/);
  // 100 entries over the same 4 MB: 400 MB declared in all, refused before any is inflated.
  await expectError('overlap.xlsx', await overlappingZip(100, 4), /overlap\.xlsx: arbejdsbogen fylder for meget, når den pakkes ud/);
  assert.ok(Date.now() - started < 30_000, `${Date.now() - started} ms`);
  // A file larger than 20 MB is not even read.
  await expectError('stor.xlsx', new Uint8Array(21 * 1024 * 1024), /stor\.xlsx: filen er for stor \(21 MB; højst 20 MB\)/);
  // The page computes while a workbook is read in the worker: an edit right after choosing a bomb is answered.
  await loadWorkbook('#policy-file', 'bomb.xlsx', await zipBomb());
  const ticks = await page.evaluate(() => new Promise((resolve) => {
    let n = 0;
    const start = performance.now();
    const tick = () => { n += 1; if (performance.now() - start < 500) setTimeout(tick, 10); else resolve(n); };
    tick();
  }));
  assert.ok(ticks > 20, `the page's thread ran ${ticks} timers in 500 ms`);
  await until(async () => /bomb\.xlsx/.test(await errors()), 'the bomb refused');
});

test('ids and names starting with = + - @ never become formulas in the CSV or the copied cells', async () => {
  await page.locator('#example').selectOption('case-ishoj');
  await page.locator('#load-example').click();
  await totalIs('530206.44');
  // A department id starting with '@' and a service line id starting with '='.
  // (and a department name starting with '@': the copied cells name departments by name)
  const policy = readFileSync(join(root, 'examples', 'policy.toml'), 'utf8').replaceAll('ishoj-cbf', '@cbf').replace('"Center for Børn og Forebyggelse"', '"@Center for Børn"');
  await page.locator('#policy-file').setInputFiles({ name: 'politik.toml', mimeType: 'text/plain', buffer: Buffer.from(policy) });
  await until(async () => (await page.locator('#policy-status.bad').count()) === 0, 'the policy');
  const kase = (await pageRequest()).case;
  const text = JSON.stringify(kase).replaceAll('ishoj-cbf', '@cbf');
  await page.locator('#case-file').setInputFiles({ name: 'sag.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  // The last service line (no agreement names it).
  const id = page.locator('#services tbody tr').last().locator('[data-field="id"]');
  const before = await id.inputValue();
  await id.fill('=HYPERLINK("http://x")');
  await until(async () => (await page.locator('#errors li').count()) === 0 && !(await page.locator('#results.stale').count()), 'a result');
  const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('#download-csv').click()]);
  const csvText = readFileSync(await csv.path()).toString();
  assert.match(csvText, /\n[^,]*,"'=HYPERLINK\(""http:\/\/x""\)",/);
  assert.match(csvText, /,'@cbf,/);
  assert.doesNotMatch(csvText, /(^|,)"?[=@]/m);
  const copied = await page.locator('#tsv-out').inputValue();
  assert.match(copied.split('\n')[0], /\t'@Center for Børn\t/);
  assert.doesNotMatch(copied, /(^|\t)[=+@]/m);
  await id.fill(before);
});

test('an id longer than 200 characters has a clear error at its field', async () => {
  const id = page.locator('#services tbody tr').first().locator('[data-field="id"]');
  const before = await id.inputValue();
  await id.fill('x'.repeat(201));
  await until(async () => /et id må højst have 200 tegn; dette har 201/.test((await page.locator('#errors li').allTextContents()).join()), 'the length error');
  assert.equal(await id.getAttribute('aria-invalid'), 'true');
  await id.fill(before);
  assert.equal(await page.locator('#errors li').count(), 0);
});

// ---- Stale results ----------------------------------------------------------------------------------
test('with errors in the input, downloads and explanations use the last good result, labelled so', async () => {
  await page.locator('#example').selectOption('case-ishoj');
  await page.locator('#load-example').click();
  await totalIs('530206.44');
  const amount = page.locator('#services tbody tr').first().locator('[data-field="amount"]');
  await amount.fill('abc');
  await page.locator('#results.stale').waitFor();
  assert.match(await page.locator('#outputs-note').textContent(), /Sidste gyldige resultat/);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('#download-csv').click()]);
  assert.match(csv.suggestedFilename(), /sidste-gyldige\.csv$/);
  const shares = readFileSync(await csv.path()).toString().trim().split('\n').slice(1).map((l) => l.split(',')[9]);
  assert.equal(shares.reduce((s, v) => s + ore(v), 0n), ore('530206.44'));
  const [json] = await Promise.all([page.waitForEvent('download'), page.locator('#download-json').click()]);
  assert.equal(JSON.parse(readFileSync(await json.path()).toString()).result.totals.case, '530206.44');
  const xlsx = await downloadBytes('#download-xlsx');
  assert.ok(sheetsOf(xlsx)[0].cells.some((c) => c.text === '530206.44'));
  await page.locator('#lines tbody tr').first().click();
  assert.match(await page.locator('#explain-body').textContent(), /Sidste gyldige resultat/);
  // The explanation has the focus and closes with Esc; the focus goes back to the line.
  assert.equal(await page.evaluate(() => document.activeElement.id), 'close-explain');
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#explain').isHidden(), true);
  assert.equal(await page.evaluate(() => document.activeElement.closest('table')?.id), 'lines');
  await amount.fill('3400.00');
  await totalIs('530206.44');
  assert.equal(await page.locator('#outputs-note').textContent(), '');
});

// ---- The work is kept ---------------------------------------------------------------------------
test('undo and redo take back and redo an edit', async () => {
  const amount = page.locator('#services tbody tr').first().locator('[data-field="amount"]');
  await amount.blur(); // the value typed before is a step of its own
  await amount.fill('3500.00');
  await totalIs('531406.44');
  await page.locator('#undo').click();
  await totalIs('530206.44');
  assert.equal(await page.locator('#services tbody tr').first().locator('[data-field="amount"]').inputValue(), '3.400,00');
  await page.locator('#redo').click();
  await totalIs('531406.44');
  // A deleted row comes back; the focus stays in the table.
  const rows = await page.locator('#services tbody tr').count();
  await page.locator('#services tbody tr').first().locator('button').click();
  assert.equal(await page.locator('#services tbody tr').count(), rows - 1);
  assert.equal(await page.evaluate(() => document.activeElement.closest('table')?.id), 'services');
  await page.locator('#undo').click();
  assert.equal(await page.locator('#services tbody tr').count(), rows);
  await totalIs('531406.44');
});

test('the work is found again after a reload, and loading the example asks first', async () => {
  // Saved a moment after the last edit (edits in quick succession are saved once).
  await new Promise((r) => setTimeout(r, 500));
  assert.ok(await page.locator('body').getAttribute('data-saved'));
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  await totalIs('531406.44');
  assert.equal(await page.locator('#services tbody tr').first().locator('[data-field="amount"]').inputValue(), '3.500,00');
  assert.match(await page.locator('#save-status').textContent(), /hentet frem igen/);
  // "Indlæs eksempel" asks; saying no keeps the work.
  dialogAnswer = false;
  await page.locator('#load-example').click();
  assert.match(dialogs.at(-1), /erstatter den sag, du arbejder på/);
  assert.equal(await shownTotal(), '531406.44');
  dialogAnswer = true;
  await page.locator('#load-example').click();
  await totalIs('530206.44');
  // ... and the load itself can be undone.
  await page.locator('#undo').click();
  await totalIs('531406.44');
  await page.locator('#services tbody tr').first().locator('[data-field="amount"]').fill('3400.00');
  await totalIs('530206.44');
});

test('the consent checkbox puts back the consent periods it took away', async () => {
  const before = (await pageRequest()).case.consent;
  assert.ok(before.length > 0);
  await page.locator('#consent').uncheck();
  assert.deepEqual((await pageRequest()).case.consent, []);
  await page.locator('#consent').check();
  assert.deepEqual((await pageRequest()).case.consent, before);
});

test('"Tilføj ydelse" never makes an id twice', async () => {
  const rows = await page.locator('#services tbody tr').count();
  await page.locator('#add-service').click();
  await page.locator('#add-service').click();
  await page.locator('#services tbody tr').nth(-2).locator('button').click();
  await page.locator('#add-service').click();
  const ids = (await pageRequest()).case.services.map((s) => s.id);
  assert.equal(new Set(ids).size, ids.length, ids.join());
  while ((await page.locator('#services tbody tr').count()) > rows) await page.locator('#services tbody tr').last().locator('button').click();
});

// ---- Updates ------------------------------------------------------------------------------------
test('a new deployment is found by the service worker: "En ny version er klar", and reloading brings it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fordeling-www-'));
  execFileSync('cp', ['-r', `${www}/.`, dir]);
  const sitePort = port + 1;
  const site = serve(sitePort, dir);
  const at = `http://127.0.0.1:${sitePort}`;
  for (let i = 0; i < 50; i++) { try { await fetch(at); break; } catch { await new Promise((r) => setTimeout(r, 100)); } }
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const p = await context.newPage();
  p.on('pageerror', (e) => consoleErrors.push(String(e)));
  try {
    await p.goto(at + '/');
    await p.waitForSelector('body[data-ready="true"]');
    const version = readFileSync(join(www, 'version.js'), 'utf8').match(/'(\w+)'/)[1];
    assert.equal(await p.locator('#version').textContent(), `version ${version}`);
    await p.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    await p.reload();
    await p.waitForSelector('body[data-ready="true"]');
    assert.equal(await p.evaluate(() => Boolean(navigator.serviceWorker.controller)), true, 'controlled by the worker');
    // A new deployment: a new version.js (and a changed page).
    writeFileSync(join(dir, 'version.js'), "self.FORDELING_VERSION = 'next';\n");
    writeFileSync(join(dir, 'style.css'), readFileSync(join(dir, 'style.css'), 'utf8') + '\n/* next */\n');
    await p.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    await p.locator('#update').waitFor({ state: 'visible' });
    assert.match(await p.locator('#update-text').textContent(), new RegExp(`En ny version er klar\\. Beregningerne bruger stadig den version, siden blev hentet med \\(version ${version}\\)`));
    assert.match(await p.locator('#summary').textContent(), /bruger stadig den version/);
    await Promise.all([p.waitForEvent('load'), p.locator('#update-apply').click()]);
    await p.waitForSelector('body[data-ready="true"]');
    assert.equal(await p.locator('#version').textContent(), 'version next');
    assert.equal(await p.locator('#update').isHidden(), true);
    // Offline (the server stopped), the new version loads from its cache.
    site.kill();
    await p.reload();
    await p.waitForSelector('body[data-ready="true"]');
    assert.equal(await p.locator('#version').textContent(), 'version next');
  } finally {
    await context.close();
    site.kill();
    rmSync(dir, { recursive: true, force: true });
  }
});

// ---- Re-assessment ------------------------------------------------------------------------------
test('a re-assessment in one action: the agreement in force ends the day before, the comparison and postings show', async () => {
  await page.locator('#example').selectOption('case-ishoj');
  await page.locator('#load-example').click();
  await totalIs('530206.44');
  // s1 has a2 from 2024-07-01 (40/40/20); a new split from 2024-10-01 gives ishoj-cbf all of it.
  await page.locator('#reassess-line').selectOption('s1');
  await page.locator('#reassess-from').fill('01-10-2024');
  await page.locator('#reassess').click();
  assert.match(await page.locator('#reassess-status').textContent(), /aftale a2 slutter dagen før; ny aftale a3 fra 01-10-2024/);
  assert.equal(await page.locator('#errors li').count(), 0, 'no overlap');
  const shares = page.locator('#agreements tbody tr').nth(2).locator('[data-field="shares"]');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.field), 'shares', 'the new shares have the focus');
  // The shares by the departments' names.
  const name = await departmentNames();
  assert.equal(await shares.inputValue(), `${name['ishoj-cbf']}=40; ${name['ishoj-cdu']}=40; ${name['ishoj-cvv']}=20`);
  await shares.fill('ishoj-cbf=100');
  const request = await pageRequest();
  const a2 = request.case.agreements.find((a) => a.id === 'a2');
  assert.equal(a2.to, '2024-09-30');
  assert.deepEqual(request.case.agreements.find((a) => a.id === 'a3'), { id: 'a3', service: 's1', from: '2024-10-01', kind: 'percent', shares: [{ department: 'ishoj-cbf', percent: '100' }] });
  // The comparison: October to December, 3400 a month moves: cdu and cvv lose 40 % and 20 % (1360, 680), cbf gains 2040.
  await page.locator('#comparison-block').waitFor({ state: 'visible' });
  const previous = JSON.parse(JSON.stringify(request.case));
  previous.agreements = previous.agreements.filter((a) => a.id !== 'a3');
  delete previous.agreements.find((a) => a.id === 'a2').to;
  const compared = native({ ...request, command: 'compare', previous_case: previous });
  assert.equal(compared.status, 'ok');
  const changes = await page.locator('#changes tbody tr').allTextContents();
  assert.equal(changes.length, compared.result.comparison.changes.length);
  assert.equal(changes.length, 9, '3 months x 3 departments');
  // Months, names and amounts the Danish way.
  assert.ok(changes.some((r) => r.startsWith(`10-2024${name['ishoj-cbf']}`) && r.endsWith('2.040,00')), changes.join(' | '));
  assert.ok(changes.some((r) => r.startsWith(`12-2024${name['ishoj-cvv']}`) && r.endsWith('-680,00')), changes.join(' | '));
  assert.equal(await page.locator('#corrections tbody tr').count(), compared.result.comparison.corrections.length);
  // Booked through September: no month to correct.
  await page.locator('#booked-through').fill('2024-09');
  assert.equal(await page.locator('#corrections tbody tr').count(), 0);
  // The posting lines, as the CLI makes them.
  await page.locator('#postings-box summary').click();
  const postings = native({ ...request, command: 'postings' });
  assert.equal(await page.locator('#postings tbody tr').count(), postings.result.postings.length);
  // One undo takes the whole re-assessment back (after the shares typed).
  await page.locator('#undo').click();
  await page.locator('#undo').click();
  assert.equal((await pageRequest()).case.agreements.length, 2);
  await totalIs('530206.44');
  await page.screenshot({ path: join(artifacts, 'page-reassessment.png'), fullPage: true });
});

// ---- Results to hand over, and layout -------------------------------------------------------------
/** WCAG contrast ratio of two '#rrggbb' colours. */
function contrast(a, b) {
  const lum = (h) => {
    const c = [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16) / 255).map((x) => (x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4));
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

test('at 1366x768 the totals and the pie stay in view while editing; at 390 px nothing is cut; chart colours 3:1', async () => {
  const docs = join(root, 'docs');
  await page.locator('#example').selectOption('case-ishoj');
  await page.locator('#load-example').click();
  await totalIs('530206.44');
  await page.setViewportSize({ width: 1366, height: 768 });
  try {
    // As the page opens: the boxes that fold are folded.
    for (const box of ['#postings-box', '#paste-box', '#case-box']) {
      if (await page.locator(box).getAttribute('open') !== null) await page.locator(`${box} > summary`).click();
    }
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    assert.ok(height < 6000, `the page is ${height} px tall`);
    await page.locator('#add-agreement').scrollIntoViewIfNeeded();
    await page.locator('#agreements tbody tr').first().locator('[data-field="shares"]').focus();
    for (const id of ['#summary', '#pie-case svg[role="img"]']) {
      const box = await page.locator(id).boundingBox();
      assert.ok(box.y >= 0 && box.y + box.height <= 768, `${id} in view while editing the agreements: ${JSON.stringify(box)}`);
    }
    await page.screenshot({ path: join(docs, 'page-1366x768.png') });
    // The chart: every slice 3:1 against white and against the next slice.
    const fills = await page.locator('#pie-case svg path, #pie-case svg circle').evaluateAll((ns) => ns.map((n) => n.getAttribute('fill')));
    assert.ok(fills.length > 2);
    fills.forEach((f, i) => {
      assert.ok(contrast(f, '#ffffff') >= 3, `${f} on white: ${contrast(f, '#ffffff')}`);
      if (i + 1 < fills.length) assert.ok(contrast(f, fills[i + 1]) >= 3, `${f} next to ${fills[i + 1]}`);
    });
    await page.setViewportSize({ width: 390, height: 844 });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `the page is ${width} px wide at 390`);
    const cut = await page.evaluate(() => [...document.querySelectorAll('button, input, select, h1, h2, h3, p, label')]
      .filter((n) => n.offsetParent && !n.closest('.scroll') && n.getBoundingClientRect().right > window.innerWidth + 1).map((n) => n.id || n.textContent.slice(0, 30)));
    assert.deepEqual(cut, [], 'nothing outside the screen');
    // The edit tables stack: each row a card, every input on the screen (none in a box that scrolls sideways).
    await page.locator('#case-box > summary').click();
    const editCut = await page.evaluate(() => [...document.querySelectorAll('table.edit input, table.edit select, table.edit button')]
      .filter((n) => n.offsetParent && (n.getBoundingClientRect().right > window.innerWidth + 1 || n.getBoundingClientRect().left < -1)).map((n) => n.getAttribute('aria-label')));
    assert.deepEqual(editCut, [], 'edit fields outside the screen');
    const sideways = await page.evaluate(() => [...document.querySelectorAll('table.edit')].filter((n) => n.offsetParent)
      .filter((n) => n.parentElement.scrollWidth > n.parentElement.clientWidth + 1).map((n) => n.id || n.dataset.list));
    assert.deepEqual(sideways, [], 'edit tables that scroll sideways');
    assert.equal(await page.locator('#services tbody tr').first().evaluate((n) => getComputedStyle(n).display), 'block', 'a row is a card');
    await page.locator('#case-box > summary').click();
    await page.locator('#services').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(docs, 'page-390.png') });
    await page.screenshot({ path: join(artifacts, 'page-390-full.png'), fullPage: true });
  } finally {
    await page.setViewportSize({ width: 1280, height: 1600 });
  }
});

test('prints to PDF with a cover, the per service x department table, and no column cut', async () => {
  await page.emulateMedia({ media: 'print' });
  // A4 landscape less the margins: 273 mm at 96 dpi.
  await page.setViewportSize({ width: 1031, height: 700 });
  try {
    assert.match(await page.locator('#cover').textContent(), /Fordeling af udgifter — sag-2024-017.*Periode01-01-2024 – 31-12-2024.*Fordelingsmodel.*Beregnet.*530\.206,44 kr\..*Udarbejdet af/);
    const wide = await page.evaluate(() => [...document.querySelectorAll('table')].filter((n) => n.offsetParent)
      .filter((n) => n.getBoundingClientRect().right > document.documentElement.clientWidth + 1).map((n) => n.id));
    assert.deepEqual(wide, [], 'tables wider than the printed page');
    const byService = await page.locator('#by-service tbody tr').allTextContents();
    assert.match(byService.at(-1), /^I alt.*530\.206,44$/);
    const pdf = await page.pdf({ landscape: true, format: 'A4', printBackground: true });
    writeFileSync(join(artifacts, 'page.pdf'), pdf);
    const text = execFileSync('pdftotext', ['-layout', join(artifacts, 'page.pdf'), '-']).toString();
    assert.match(text, /Fordeling af udgifter/);
    // Every department's column is on the printed line table, and its last column header too.
    const request = await pageRequest();
    const answer = native(request);
    // (by name: a long name may wrap in its column, so its first word and the amount are looked for)
    for (const d of answer.result.totals.by_department) assert.ok(text.includes(d.name.split(' ')[0]) && !text.includes(d.department), d.department);
    execFileSync('pdftoppm', ['-f', '1', '-l', '2', '-r', '50', '-png', join(artifacts, 'page.pdf'), join(artifacts, 'print')]);
  } finally {
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1280, height: 1600 });
  }
});

// ---- A new case from scratch --------------------------------------------------------------------
test('a new family from an empty page: the first screen asks for what is required; the totals are the CLI\'s', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const p = await context.newPage();
  p.on('pageerror', (e) => consoleErrors.push(String(e)));
  p.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  p.on('dialog', (d) => d.accept());
  try {
    await p.goto(origin + '/');
    await p.waitForSelector('body[data-ready="true"]');
    await p.locator('#new-case').click();
    await p.locator('#new-case-done').click();
    assert.match(await p.locator('#new-case-screen .status').textContent(), /Mangler: Sags-id, Barnets fødselsdato, Handlekommune/);
    await p.locator('#new-case-screen [data-field="id"]').fill('sag-ny-1');
    await p.locator('#new-case-screen [data-field="child.birth_date"]').fill('14-05-2019');
    await p.locator('#new-case-screen [data-field="municipality"]').selectOption('ishoj');
    await p.locator('#new-case-done').click();
    assert.equal(await p.locator('#new-case-screen').isHidden(), true);
    assert.equal(await p.locator('#services tbody tr').count(), 0);
    // One service chosen by its name, 3.000,00 a month from 01-01-2024.
    const policy = native({ version: 1, command: 'parse', policy: readFileSync(join(root, 'examples', 'policy.toml'), 'utf8') }).result.policy;
    await p.locator('#add-service').click();
    const row = p.locator('#services tbody tr').first();
    await row.locator('select').first().selectOption({ label: policy.services.find((s) => s.id === 'merudgift').name });
    await row.locator('[data-field="amount"]').fill('3.000,00');
    await row.locator('[data-field="from"]').fill('01-01-2024');
    // Consent from 2024-01-01, in the case's own fields.
    await p.locator('#case-box summary').click();
    await p.locator('#list-consent button', { hasText: '+' }).click();
    await p.locator('#list-consent [data-field="from"]').fill('01-01-2024');
    // The mother's case at the jobcentre (a second sector area: the family is eligible; Ishøj's
    // employment department is not in the example's catalogue, so no department is named).
    await p.locator('#list-other_cases button', { hasText: '+' }).click();
    const other = p.locator('#list-other_cases tbody tr').first();
    await other.locator('[data-field="sector"]').selectOption('employment');
    await other.locator('[data-field="from"]').fill('01-01-2024');
    // An agreement typed against department names.
    const [d1, d2] = policy.departments.filter((d) => d.municipality === 'ishoj');
    await p.locator('#add-agreement').click();
    await p.locator('#agreements tbody tr').first().locator('[data-field="shares"]').fill(`${d1.name}=60; ${d2.name}=40`);
    await until(async () => (await p.locator('#errors li').count()) === 0 && (await p.locator('#summary').getAttribute('data-total')) !== null, 'a result');
    const request = await p.evaluate(() => window.__fordeling.request());
    assert.equal(request.case.id, 'sag-ny-1');
    assert.equal(request.case.child.birth_date, '2019-05-14');
    assert.deepEqual(request.case.consent, [{ from: '2024-01-01' }]);
    assert.deepEqual(request.case.agreements[0].shares, [{ department: d1.id, percent: '60' }, { department: d2.id, percent: '40' }]);
    const answer = native(request);
    assert.equal(answer.status, 'ok', JSON.stringify(answer.errors));
    // 12 months x 3000.00 = 36000.00, eligible all year (two sector areas, consent, disability, age
    // 4-5, Ishøj): the agreement splits every month 60/40, 1800.00 and 1200.00, so 21600.00 and 14400.00.
    assert.equal(request.case.other_cases[0].id, 'o1');
    const byId = (a, b) => a[0].localeCompare(b[0]);
    assert.deepEqual(answer.result.totals.by_department.map((d) => [d.department, d.amount]).sort(byId),
      [[d1.id, '21600.00'], [d2.id, '14400.00']].sort(byId));
    assert.equal(answer.result.totals.case, '36000.00');
    assert.equal(await p.locator('#summary').getAttribute('data-total'), '36000.00');
    await p.screenshot({ path: join(artifacts, 'page-new-case.png'), fullPage: true });
    // Both cases are in the portfolio ("Mine sager"): open the example again, then the new case.
    const totalOf = (want) => until(async () => (await p.locator('#summary').getAttribute('data-total')) === want, `total ${want}`);
    await new Promise((r) => setTimeout(r, 400));
    await p.locator('#portfolio').selectOption({ label: 'sag-2024-017' });
    await totalOf('530206.44');
    await p.locator('#portfolio').selectOption({ label: 'sag-ny-1' });
    await totalOf('36000.00');
    assert.equal((await p.evaluate(() => window.__fordeling.request())).case.agreements[0].shares[0].department, d1.id);
  } finally {
    await context.close();
  }
});

// ---- The portfolio view (issue 15, item 7) --------------------------------------------------------
const yearDir = join(root, 'examples', 'year');
const yearCaseFiles = readdirSync(join(yearDir, 'cases')).filter((f) => f.endsWith('.toml')).sort().map((f) => join(yearDir, 'cases', f));
/** The CLI's own portfolio of the example year (it reads the CSV budget itself): the contract's answer. */
function cliPortfolio() {
  return JSON.parse(execFileSync(cli, ['portfolio', '--policy', join(yearDir, 'policy.toml'), '--cases', join(yearDir, 'cases'), '--year', '2025',
    '--booked-through', '2025-09', '--budget', join(yearDir, 'budget.csv'), '--format', 'json']).toString());
}
const pfView = () => page.locator('#portfolio-view');
/** Files the portfolio tests write (a changed policy, the downloaded workbook); removed by the last of them. */
const pfWork = mkdtempSync(join(tmpdir(), 'fordeling-portfolio-'));
/** Does `action`, then waits until the portfolio view has computed again (the workbook worker answers asynchronously). */
async function pfComputed(action) {
  const before = Number((await pfView().getAttribute('data-generation')) ?? 0);
  await action();
  for (let i = 0; i < 600; i++) {
    const g = Number((await pfView().getAttribute('data-generation')) ?? 0);
    if (g > before && (await pfView().getAttribute('data-state')) === 'done') return;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail('timed out waiting for the portfolio');
}
/** The rows of a table of the portfolio view: the row's data attributes and its cells' exact values (or texts). */
async function pfRows(selector) {
  return page.locator(`${selector} tbody tr`).evaluateAll((trs) => trs.map((tr) => ({
    ...tr.dataset, cells: [...tr.cells].map((c) => c.dataset.value ?? c.textContent),
  })));
}
/** The figures of a department (or the total) in the order the view's table shows them. */
const figuresOf = (f) => [f.actual, f.forecast, f.expected, f.budget ?? '', f.deviation ?? '', f.deviation_percent ?? '', f.reimbursement, f.net];
/** Next year's and the estimate years' gross cost, as the view's second table shows them. */
const laterOf = (f) => f.later_years.map((y) => y.gross);

test('the portfolio view: many case files, a CSV budget, year and booked month; the figures per department are the CLI\'s', async () => {
  await page.locator('#view-portfolio').click();
  await page.locator('#portfolio-view[data-state="done"]').waitFor();
  assert.equal(await page.locator('main.layout').isHidden(), true, 'the case view is hidden');
  await pfComputed(() => page.locator('#pf-policy').setInputFiles(join(yearDir, 'policy.toml')));
  await pfComputed(() => page.locator('#pf-year').fill('2025'));
  await pfComputed(() => page.locator('#pf-booked').fill('09-2025'));
  await pfComputed(() => page.locator('#pf-cases').setInputFiles(yearCaseFiles));
  assert.match(await page.locator('#pf-status').textContent(), /4 sager indlæst/);
  await pfComputed(() => page.locator('#pf-budget').setInputFiles(join(yearDir, 'budget.csv')));
  assert.equal(await page.locator('#pf-errors li').count(), 0);
  const cli = cliPortfolio();
  assert.equal(cli.status, 'ok');
  const p = cli.result;
  // Every figure of every department, and the total, exactly as the CLI computes them.
  const rows = await pfRows('#pf-departments');
  assert.deepEqual(rows.map((r) => r.department), [...p.departments.map((d) => d.department), '']);
  assert.deepEqual(rows.map((r) => r.cells.slice(1)), [...p.departments.map(figuresOf), figuresOf(p.total)]);
  // By hand (README "Following the year"): a-social 1,368,000.00 expected against a budget of
  // 1,250,000.00: 118,000.00 over, 9.44 %; the siblings k1 and k2 reimbursed together, 84,999.96.
  const social = rows[0].cells;
  assert.deepEqual(social.slice(1, 9), ['1026000.00', '342000.00', '1368000.00', '1250000.00', '118000.00', '9.44', '84999.96', '1283000.04']);
  // The later years at the price index (102, 104, 106, 108 of 2025's 100): 1,200,000.00 a year of
  // merudgift (k1 and k2 are open-ended; p3's grant ends with 2025) x 1.02 = 1,224,000.00, and so on.
  const later = await pfRows('#pf-later');
  assert.deepEqual(later.map((r) => [r.department, ...r.cells.slice(1)]), [...p.departments.map((d) => [d.department, ...laterOf(d)]), ['', ...laterOf(p.total)]]);
  assert.deepEqual(later[0].cells.slice(1), ['1224000.00', '1248000.00', '1272000.00', '1296000.00']);
  // Shown in Danish numbers; the summary in Danish with the month as 09-2025.
  assert.equal(await page.locator('#pf-departments tbody tr').first().locator('td').nth(3).textContent(), '1.368.000,00');
  assert.match(await page.locator('#pf-summary').textContent(), /^Portefølje 2025: 4 sager, 3 husstande, bogført til og med 09-2025/);
  // The page's request, replayed through `fordeling request`, is the same portfolio; its cases are the files' texts.
  const request = await page.evaluate(() => window.__fordeling.portfolioRequest());
  assert.deepEqual(request.cases, yearCaseFiles.map((f) => readFileSync(f, 'utf8')));
  assert.deepEqual(native(request).result.departments, p.departments);
  // The groups (budget areas, committees, municipalities) too.
  const groups = await pfRows('#pf-groups');
  assert.deepEqual(groups.map((g) => [g.group, ...g.cells.slice(2)]),
    [...p.budget_areas, ...p.committees, ...p.municipalities].map((g) => [g.id, ...figuresOf(g)]));
  // The bars and the pie: an image each, with a title per bar and slice, and a caption.
  assert.equal(await page.locator('#pf-bars svg[role="img"] rect').count(), 12, 'actual, forecast and budget for each of the four departments');
  assert.match(await page.locator('#pf-bars svg title').nth(1).textContent(), /^Børn, Faktisk: 1\.026\.000,00$/);
  assert.equal(await page.locator('#pf-pie svg[role="img"] path').count(), 4);
  assert.match(await page.locator('#pf-pie li').first().textContent(), /Børn: 1\.368\.000,00 \(87,4 %\)/);
});

test('the portfolio drills down from a department to its cases, and a case opens in the case view', async () => {
  const p = cliPortfolio().result;
  await page.locator('#pf-departments tr[data-department="a-social"] button').click();
  await page.locator('#portfolio-view[data-drilled="a-social"]').waitFor();
  const cases = await pfRows('#pf-drill-cases');
  // k1 and k2: merudgift 50,000.00 a month each, all a-social's: 450,000.00 to September, 600,000.00
  // in the year; p3: aflastning 20,000.00 a month, 70 % a-social: 126,000.00 + 42,000.00 = 168,000.00.
  assert.deepEqual(cases.map((r) => [r.case, ...r.cells.slice(2, 5)]), [
    ['k1', '450000.00', '150000.00', '600000.00'], ['k2', '450000.00', '150000.00', '600000.00'], ['p3', '126000.00', '42000.00', '168000.00'],
    ['', '1026000.00', '342000.00', '1368000.00']]);
  const social = p.departments.find((d) => d.department === 'a-social');
  assert.deepEqual(cases.at(-1).cells.slice(2, 5), [social.actual, social.forecast, social.expected]);
  // p3 opens in the case view, over the budget year: the CLI's split of that case.
  await page.locator('#pf-drill-cases tr[data-case="p3"] button').click();
  await page.locator('main.layout').waitFor({ state: 'visible' });
  const split = native({ version: 1, command: 'split', policy: readFileSync(join(yearDir, 'policy.toml'), 'utf8'),
    case: readFileSync(join(yearDir, 'cases', 'p3.toml'), 'utf8'), period: { from: '2025-01-01', to: '2025-12-31' } });
  await totalIs(split.result.totals.case);
  // 12 x 20,000.00 + 30,000.00 (hjælpemiddel, once)
  assert.equal(split.result.totals.case, '270000.00');
  assert.equal((await pageRequest()).case.id, 'p3');
  await page.locator('#view-portfolio').click();
  await page.locator('#portfolio-view').waitFor({ state: 'visible' });
});

test('the portfolio is kept in the browser: found again after a reload', async () => {
  const p = cliPortfolio().result;
  await new Promise((r) => setTimeout(r, 300));
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  // The view was left open: it opens again, computes the kept portfolio, and says so.
  for (let i = 0; i < 600 && (await page.locator('#pf-departments tbody tr').count()) === 0; i++) await new Promise((r) => setTimeout(r, 50));
  assert.equal(await pfView().isHidden(), false);
  const rows = await pfRows('#pf-departments');
  assert.deepEqual(rows.map((r) => r.cells.slice(1)), [...p.departments.map(figuresOf), figuresOf(p.total)]);
  assert.match(await page.locator('#pf-status').textContent(), /hentet frem igen/);
  assert.equal(await page.locator('#pf-year').inputValue(), '2025');
  assert.equal(await page.locator('#pf-booked').inputValue(), '2025-09');
  assert.match(await page.locator('#pf-documents').textContent(), /Budget: budget\.csv/);
});

test('a case from a workbook joins the portfolio; a case with an id already there replaces it', async () => {
  const p = cliPortfolio().result;
  const policy = readFileSync(join(yearDir, 'policy.toml'), 'utf8');
  const q1 = readFileSync(join(yearDir, 'cases', 'q1.toml'), 'utf8');
  const bytes = writeSheets(templateSheets(policy, q1));
  await pfComputed(() => page.locator('#pf-cases').setInputFiles({ name: 'q1.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(bytes) }));
  assert.match(await page.locator('#pf-status').textContent(), /1 sag indlæst; erstattet \(samme sags-id\): q1/);
  assert.equal(await page.locator('#pf-case-table tbody tr').count(), 4);
  assert.deepEqual((await pfRows('#pf-case-table')).map((r) => r.cells.slice(0, 2)), [['k1', 'k1.toml'], ['k2', 'k2.toml'], ['p3', 'p3.toml'], ['q1', 'q1.xlsx']]);
  const rows = await pfRows('#pf-departments');
  assert.deepEqual(rows.map((r) => r.cells.slice(1)), [...p.departments.map(figuresOf), figuresOf(p.total)], 'the same case, the same figures');
});

test('a workbook of many cases joins the portfolio: every case of it, as the CLI reads the same workbook', async () => {
  const p = cliPortfolio().result;
  // `fordeling template --cases` writes the four example cases into one workbook (one row per case on
  // the sheet Sag, a column sag on the others); loaded, each replaces the case with its id.
  const book = join(pfWork, 'sager.xlsx');
  execFileSync(cli, ['--lang', 'da', 'template', '--policy', join(yearDir, 'policy.toml'), '--cases', join(yearDir, 'cases'), '-o', book]);
  await pfComputed(() => page.locator('#pf-cases').setInputFiles(book));
  assert.match(await page.locator('#pf-status').textContent(), /4 sager indlæst; erstattet \(samme sags-id\): k1, k2, p3, q1/);
  assert.equal(await page.locator('#pf-errors li').count(), 0);
  assert.deepEqual((await pfRows('#pf-case-table')).map((r) => r.cells.slice(0, 2)), [['k1', 'sager.xlsx'], ['k2', 'sager.xlsx'], ['p3', 'sager.xlsx'], ['q1', 'sager.xlsx']]);
  const rows = await pfRows('#pf-departments');
  assert.deepEqual(rows.map((r) => r.cells.slice(1)), [...p.departments.map(figuresOf), figuresOf(p.total)], 'the same cases, the same figures');
});

test('the portfolio\'s scenario comparison: a pool, and a changed key, side by side per department and year, as the CLI computes them', async () => {
  // A pool (examples/year/policy-pool.toml) changes no department's per-case figures: the pool's own
  // account shows what changes. 250,000.00 contributed 60:40, costs 240,000.00, 5,000.00 carried
  // over, 5,000.00 back 60:40: a-social 150,000.00 - 3,000.00 = 147,000.00 against 168,000.00 under
  // the per-case split (-21,000.00); b-school 98,000.00 against 72,000.00 (+26,000.00).
  await pfComputed(() => page.locator('#pf-scenario').setInputFiles(join(yearDir, 'policy-pool.toml')));
  let request = await page.evaluate(() => window.__fordeling.portfolioRequest());
  assert.equal(request.scenario, readFileSync(join(yearDir, 'policy-pool.toml'), 'utf8'));
  let answer = native(request);
  const pool = answer.result.scenario.portfolio.pools[0];
  const poolRows = await pfRows('#pf-scenario-financing table');
  assert.deepEqual(poolRows.map((r) => [r.department, ...r.cells.slice(1)]),
    pool.departments.map((d) => [d.department, d.contribution, d.settlement, d.per_case_split, d.net, d.difference]));
  assert.deepEqual(poolRows[0].cells.slice(3), ['168000.00', '147000.00', '-21000.00']);
  // Gross and net do not change, the financed cost does (SEMANTICS.md section 10): a-social's net
  // 1,283,000.04 - 21,000.00 = 1,262,000.04; b-school 72,000.00 + 26,000.00 = 98,000.00.
  const financed = await pfRows('#pf-changes');
  assert.deepEqual(financed.map((r) => [r.department, r.year, ...r.cells.slice(4, 5), ...r.cells.slice(7)]), [
    ['a-social', '2025', '0.00', '0.00', '1283000.04', '1262000.04', '-21000.00'], ['b-school', '2025', '0.00', '0.00', '72000.00', '98000.00', '26000.00']]);
  assert.equal(await page.locator('#pf-scenario-note').textContent(), '');
  // The bars show the financed cost before and after, and the gross cost beside it, of the budget
  // year: four bars for each of the two departments. The year to show is not offered: only 2025 changes.
  const barTitles = () => page.locator('#pf-scenario-bars svg[role="img"] rect title').allTextContents();
  assert.deepEqual(await barTitles(), [
    'Børn, Finansieret før: 1.283.000,04', 'Børn, Finansieret efter: 1.262.000,04', 'Børn, Brutto før: 1.368.000,00', 'Børn, Brutto efter: 1.368.000,00',
    'Dagtilbud og skole, Finansieret før: 72.000,00', 'Dagtilbud og skole, Finansieret efter: 98.000,00', 'Dagtilbud og skole, Brutto før: 72.000,00', 'Dagtilbud og skole, Brutto efter: 72.000,00']);
  assert.match(await page.locator('#pf-scenario-bars figcaption').textContent(), /^Finansieret og brutto udgift 2025 pr\. afdeling/);
  assert.equal(await page.locator('#pf-scenario-year-label').isHidden(), true);
  // A grant into next year: 10 % of merudgift from 2025-01-01 to 2026-06-30. k1 and k2 get 50,000.00
  // a month each, so the grant covers 10,000.00 a month of a-social's own share: 120,000.00 in 2025,
  // 60,000.00 in 2026 at the budget year's prices, 61,200.00 at the 2026 level (index 102/100); q1's
  // 8,000.00 a month in m2 in 2025: 9,600.00. The financed cost changes in 2025 and 2026; the table is
  // the CLI's, byte for byte, every year, and the bars can show 2026.
  const granted = join(pfWork, 'policy-grant-2026.toml');
  writeFileSync(granted, `${readFileSync(join(yearDir, 'policy.toml'), 'utf8')}grants = [{ id = "g", name = "Projektstøtte", from = "2025-01-01", to = "2026-06-30", percent = "10", services = ["merudgift"] }]\n`);
  await pfComputed(() => page.locator('#pf-scenario').setInputFiles(granted));
  request = await page.evaluate(() => window.__fordeling.portfolioRequest());
  answer = native(request);
  const everyYear = await pfRows('#pf-changes');
  assert.deepEqual(everyYear.map((r) => [r.department, Number(r.year), ...r.cells.slice(2)]),
    answer.result.scenario.changes.map((c) => [c.department, c.year, c.gross_before, c.gross_after, c.gross_difference, c.net_before, c.net_after, c.net_difference,
      c.financed_before, c.financed_after, c.financed_difference]));
  assert.deepEqual(everyYear.map((r) => [r.department, r.year, r.cells[10]]),
    [['a-social', '2025', '-120000.00'], ['a-social', '2026', '-61200.00'], ['m2-social', '2025', '-9600.00']]);
  assert.equal(await page.locator('#pf-scenario-year-label').isVisible(), true);
  assert.deepEqual(await page.locator('#pf-scenario-year option').allTextContents(), ['2025', '2026']);
  assert.equal(await page.locator('#pf-scenario-year').inputValue(), '2025');
  await page.locator('#pf-scenario-year').selectOption('2026');
  await until(async () => /2026/.test(await page.locator('#pf-scenario-bars figcaption').textContent()), 'the bars of 2026');
  assert.deepEqual(await barTitles(), ['Børn, Finansieret før: 1.137.300,04', 'Børn, Finansieret efter: 1.076.100,04', 'Børn, Brutto før: 1.224.000,00', 'Børn, Brutto efter: 1.224.000,00']);
  await page.locator('#pf-scenario-result').screenshot({ path: join(artifacts, 'page-portfolio-scenario-2026.png') });
  // In English the same bars and words.
  await pfComputed(() => page.locator('#lang-en').click());
  await until(async () => /^Financed and gross cost 2026/.test(await page.locator('#pf-scenario-bars figcaption').textContent()), 'English bars');
  assert.deepEqual((await barTitles()).slice(0, 2), ['Børn, Financed before: 1,137,300.04', 'Børn, Financed after: 1,076,100.04']);
  assert.deepEqual(await page.locator('#pf-scenario-bars .legend li').allTextContents(), [' Financed before', ' Financed after', ' Gross before', ' Gross after']);
  await page.locator('#pf-scenario-result').screenshot({ path: join(artifacts, 'page-portfolio-scenario-2026-en.png') });
  await pfComputed(() => page.locator('#lang-da').click());
  await until(async () => /^Finansieret/.test(await page.locator('#pf-scenario-bars figcaption').textContent()), 'Danish again');
  // A changed key: day care and school pays 40 % of relief care instead of 30 %. p3's 20,000.00 a
  // month in 2025: a-social 14,000.00 -> 12,000.00, b-school 6,000.00 -> 8,000.00 a month, so
  // a-social 1,368,000.00 -> 1,344,000.00 (-24,000.00) and b-school 72,000.00 -> 96,000.00; the grant
  // ends with 2025, so the later years do not change. Nothing more is reimbursed: net changes as gross.
  const changed = join(pfWork, 'policy-40.toml');
  const policy = readFileSync(join(yearDir, 'policy.toml'), 'utf8');
  writeFileSync(changed, policy.replace('shares = [{ department = "b-school", percent = 30 }]', 'shares = [{ department = "b-school", percent = 40 }]'));
  await pfComputed(() => page.locator('#pf-scenario').setInputFiles(changed));
  request = await page.evaluate(() => window.__fordeling.portfolioRequest());
  answer = native(request);
  const changes = await pfRows('#pf-changes');
  assert.deepEqual(changes.map((r) => [r.department, Number(r.year), ...r.cells.slice(2)]),
    answer.result.scenario.changes.map((c) => [c.department, c.year, c.gross_before, c.gross_after, c.gross_difference, c.net_before, c.net_after, c.net_difference,
      c.financed_before, c.financed_after, c.financed_difference]));
  assert.deepEqual(changes.map((r) => [r.department, r.year, ...r.cells.slice(2, 5)]), [
    ['a-social', '2025', '1368000.00', '1344000.00', '-24000.00'], ['b-school', '2025', '72000.00', '96000.00', '24000.00']]);
  assert.equal(await page.locator('#pf-changes tbody tr').first().locator('td').nth(4).textContent(), '-24.000,00');
  assert.equal(await page.locator('#pf-scenario-bars svg[role="img"] rect').count(), 8, 'financed and gross, before and after, for two departments');
  assert.equal(await page.locator('#pf-scenario-year-label').isHidden(), true, 'only the budget year changes');
  // The scenario's recompute is timed and shown.
  assert.match(await page.locator('#pf-summary').textContent(), /beregnet på \d+ ms/);
  // The drill-down stays beside the scenario: day care and school's one case, p3 (30 % of relief care).
  await page.locator('#pf-departments tr[data-department="b-school"] button').click();
  await page.locator('#portfolio-view[data-drilled="b-school"]').waitFor();
  assert.deepEqual((await pfRows('#pf-drill-cases')).map((r) => [r.case, r.cells[4]]), [['p3', '72000.00'], ['', '72000.00']]);
  await page.screenshot({ path: join(artifacts, 'page-portfolio.png'), fullPage: true });
});

test('the portfolio report downloads as .xlsx: the portfolio sheet with the CLI\'s figures and a pie chart', async () => {
  const p = cliPortfolio().result;
  const bytes = await downloadBytes('#pf-xlsx');
  writeFileSync(join(artifacts, 'portfolio.xlsx'), bytes);
  writeFileSync(join(pfWork, 'portfolio.xlsx'), bytes);
  const wb = sheetsOf(bytes);
  assert.equal(wb[0].name, 'Portefølje');
  const rows = grid(wb[0]);
  assert.deepEqual(rows.slice(1, 1 + p.departments.length).map((r) => [r[0], ore(r[4])]), p.departments.map((d) => [d.department, ore(d.expected)]));
  // The scenario in use (day care and school pays 40 % of relief care) is a sheet of its own: the
  // changes per department and year, the name beside the id.
  assert.deepEqual(wb.map((s) => s.name), ['Portefølje', 'Grupper', 'Måneder', 'Scenarie']);
  const scenario = grid(wb[3]);
  assert.deepEqual(scenario[0].slice(0, 4), ['id', 'navn', 'år', 'brutto før']);
  assert.deepEqual(scenario.slice(1).map((r) => [r[0], r[1], ore(r[3]), ore(r[4])]),
    [['a-social', 'Børn', ore('1368000.00'), ore('1344000.00')], ['b-school', 'Dagtilbud og skole', ore('72000.00'), ore('96000.00')]]);
  assert.match(zipPart(join(pfWork, 'portfolio.xlsx'), 'xl/charts/chart1.xml'), /<c:pieChart>/);
});

test('a bad budget file is refused with its line and column named, in Danish; the portfolio stays', async () => {
  const bad = join(pfWork, 'budget-bad.csv');
  writeFileSync(bad, 'department;year;amount\na-social;2025;1.250.000,00\nb-school;20x5;70000\n');
  await page.locator('#pf-budget').setInputFiles(bad);
  await until(async () => (await page.locator('#pf-errors li').count()) === 2, 'two errors');
  assert.deepEqual(await page.locator('#pf-errors li').allTextContents(), [
    "budget-bad.csv: budgetlinje 2, kolonne 'amount': '1.250.000,00' har en tusindtalsseparator: skriv fx 1000 eller 1000,00",
    "budget-bad.csv: budgetlinje 3, kolonne 'year': '20x5' er ikke et år"]);
  assert.match(await page.locator('#pf-documents').textContent(), /Budget: budget\.csv/, 'the budget in use stays');
  // A budget the library refuses (a department the policy does not have): its message, and no figures.
  const unknown = join(pfWork, 'budget-unknown.csv');
  writeFileSync(unknown, 'department,year,amount\nx-nowhere,2025,1000.00\n');
  await pfComputed(() => page.locator('#pf-budget').setInputFiles(unknown));
  assert.match((await page.locator('#pf-errors li').allTextContents()).join(' '), /x-nowhere/);
  assert.equal(await page.locator('#pf-dashboard').isHidden(), true);
  await pfComputed(() => page.locator('#pf-budget').setInputFiles(join(yearDir, 'budget.csv')));
  assert.equal(await page.locator('#pf-errors li').count(), 0);
  assert.equal(await page.locator('#pf-departments tbody tr').first().locator('td').nth(3).textContent(), '1.368.000,00');
  // English, and back to the case view (the next visit opens where the user left).
  await pfComputed(() => page.locator('#lang-en').click());
  assert.match(await page.locator('#pf-summary').textContent(), /^Portfolio 2025: 4 cases, 3 households, booked through 2025-09/);
  assert.equal(await page.locator('#pf-departments tbody tr').first().locator('td').nth(3).textContent(), '1,368,000.00');
  await page.locator('#lang-da').click();
  await page.locator('#view-case').click();
  assert.equal(await pfView().isHidden(), true);
  rmSync(pfWork, { recursive: true, force: true });
});

// ---- Danish as a Danish controller reads it ------------------------------------------------------
/** A machine amount ('-1234.56') the Danish way ('-1.234,56'). */
const danish = (x) => x.replace(/^(-?)(\d+)\.(\d+)$/, (_, sign, i, f) => `${sign}${i.replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${f}`);

test('names, not ids, and Danish numbers and dates in every table, legend and verdict; the key kinds in words', async () => {
  await page.locator('#example').selectOption('case-ishoj');
  await page.locator('#load-example').click();
  await totalIs('530206.44');
  const name = await departmentNames();
  const answer = native(await pageRequest());
  assert.equal(answer.status, 'ok');
  const shown = await page.evaluate(() => [...document.querySelectorAll(['#by-department td', '#by-municipality td', '#by-month th', '#by-month td',
    '#by-service th', '#by-service td', '#lines th', '#lines td', '#reimbursement td', '#reimbursement-months td', '#pie-case li', '#pie-services li',
    '#verdicts li', '#summary', '#cover dd'].join(', '))].map((n) => n.textContent));
  assert.ok(shown.length > 100, `${shown.length} texts`);
  const ids = [...Object.keys(name), 'ishoj', 'vallensbaek'];
  for (const x of shown) {
    assert.ok(!ids.some((id) => new RegExp(`(^|[\\s(])${id}($|[\\s):;,])`).test(x)), `an id in '${x}'`);
    assert.ok(!/(^|\s)-?\d+\.\d{2}($|[\s)])/.test(x), `a machine amount in '${x}'`);
    assert.ok(!/\b\d{4}-\d{2}\b/.test(x), `a machine date or month in '${x}'`);
  }
  // The figures are the CLI's, written the Danish way, by name.
  const dept = answer.result.totals.by_department[0];
  const row = await page.locator('#by-department tbody tr').first().locator('td').allTextContents();
  assert.deepEqual(row, [dept.name, 'Ishøj Kommune', danish(dept.amount)]);
  const muni = (await page.locator('#by-municipality tbody tr').allTextContents()).find((r) => r.startsWith('Ishøj Kommune'));
  assert.equal(muni, `Ishøj Kommune183${danish('530206.44')}`);
  assert.match(await page.locator('#summary').textContent(), /530\.206,44 kr\. \(01-01-2024 – 31-12-2024\)/);
  assert.match(await page.locator('#pie-case li').first().textContent(), new RegExp(`^ ${answer.result.totals.by_department.find((d) => Number(d.amount) > 0).name}: [\\d.]+,\\d{2} \\(\\d+,\\d %\\)$`));
  assert.match((await page.locator('#verdicts li').allTextContents()).join(' '), /handlekommune: Ishøj Kommune/);
  // Inputs show Danish values and read them.
  const amount = page.locator('#services tbody tr').first().locator('[data-field="amount"]');
  assert.equal(await amount.inputValue(), '3.400,00');
  assert.equal(await page.locator('#services tbody tr').first().locator('[data-field="from"]').inputValue(), '01-01-2024');
  assert.equal(await page.locator('#period-to').inputValue(), '31-12-2024');
  // The key selector in words, in both languages.
  const kinds = () => page.locator('#agreements tbody tr').first().locator('[data-field="kind"] option').allTextContents();
  assert.deepEqual(await kinds(), ['procent', 'vægte', 'ligelig', 'fuld betaling']);
  // The explanation: words, names and Danish numbers, no codes.
  await page.locator('#lines tbody tr').first().click();
  const text = await page.locator('#explain-body').textContent();
  for (const code of ['acting_municipality', 'agreement_in_force', 'policy_key', 'children_social', 'percent', 'ishoj', 'true', '3400.00']) {
    assert.ok(!text.includes(code), `'${code}' in the explanation: ${text}`);
  }
  assert.match(text, /handlekommunens afdeling/);
  assert.match(text, /3\.400,00/);
  await page.locator('#close-explain').click();
  // English keeps the machine's numbers and shows English words.
  await page.locator('#lang-en').click();
  assert.deepEqual(await kinds(), ['percent', 'weights', 'equal', 'sole']);
  assert.match(await page.locator('#summary').textContent(), /530206\.44/);
  await page.locator('#lang-da').click();
  // The downloads keep machine formats.
  const [json] = await Promise.all([page.waitForEvent('download'), page.locator('#download-json').click()]);
  assert.equal(JSON.parse(readFileSync(await json.path()).toString()).result.totals.case, '530206.44');
});

test('a whole family on the case form: parents, consent by and scope, whose other case, enrolment, and a service priced per hour', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const p = await context.newPage();
  p.on('pageerror', (e) => consoleErrors.push(String(e)));
  p.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  p.on('dialog', (d) => d.accept());
  try {
    await p.goto(origin + '/');
    await p.waitForSelector('body[data-ready="true"]');
    await p.locator('#new-case').click();
    await p.locator('#new-case-screen [data-field="id"]').fill('sag-familie');
    await p.locator('#new-case-screen [data-field="child.birth_date"]').fill('14-05-2019');
    await p.locator('#new-case-screen [data-field="municipality"]').selectOption('ishoj');
    await p.locator('#new-case-done').click();
    await p.locator('#case-box summary').click();
    await p.locator('#case-form [data-field="household"]').fill('h1');
    await p.locator('#case-form [data-field="enrolled"]').fill('01-01-2024');
    // The parents: the mother holds custody, the father does not.
    for (const id of ['mor', 'far']) {
      await p.locator('#list-parents button', { hasText: '+' }).click();
      const input = p.locator('#list-parents tbody tr').last().locator('[data-field="id"]');
      await input.fill(id);
      await input.dispatchEvent('change');
    }
    await p.locator('#list-parents tbody tr').last().locator('[data-field="custody"]').uncheck();
    // The mother consents for the household's children.
    await p.locator('#list-consent button', { hasText: '+' }).click();
    const consent = p.locator('#list-consent tbody tr').first();
    await consent.locator('[data-field="from"]').fill('01-01-2024');
    await consent.locator('[data-field="by"]').fill('mor');
    await consent.locator('[data-field="scope"]').selectOption('household');
    // The mother's own case at the jobcentre.
    await p.locator('#list-other_cases button', { hasText: '+' }).click();
    const other = p.locator('#list-other_cases tbody tr').first();
    await other.locator('[data-field="person"]').selectOption('mor');
    await other.locator('[data-field="sector"]').selectOption('employment');
    await other.locator('[data-field="from"]').fill('01-01-2024');
    // Family treatment, 4 hours a month at 450,00 an hour, January to March.
    await p.locator('#add-service').click();
    const row = p.locator('#services tbody tr').first();
    await row.locator('select').first().selectOption({ label: 'Familiebehandling/rådgivning' });
    await row.locator('[data-field="per"]').selectOption('hour');
    await row.locator('[data-field="quantity"]').fill('4');
    await row.locator('[data-field="every"]').selectOption('month');
    await row.locator('[data-field="amount"]').fill('450,00');
    await row.locator('[data-field="from"]').fill('01-01-2024');
    await row.locator('[data-field="to"]').fill('31-03-2024');
    await until(async () => (await p.locator('#errors li').count()) === 0 && (await p.locator('#summary').getAttribute('data-total')) === '5400.00', 'the total');
    const request = await p.evaluate(() => window.__fordeling.request());
    assert.equal(request.case.enrolled, '2024-01-01');
    assert.equal(request.case.household, 'h1');
    assert.deepEqual(request.case.parents, [{ id: 'mor', custody: true }, { id: 'far', custody: false }]);
    assert.deepEqual(request.case.consent, [{ from: '2024-01-01', by: ['mor'], scope: 'household' }]);
    assert.equal(request.case.other_cases[0].person, 'mor');
    assert.deepEqual(request.case.services[0], { id: 's1', service: 'familiebehandling', amount: '450.00', per: 'hour', quantity: '4', every: 'month', from: '2024-01-01', to: '2024-03-31' });
    // 4 hours x 450.00 = 1800.00 a month, January to March: 5400.00, eligible (children's and
    // employment sector areas in the family, the mother's consent for the household, disability, age 4, Ishøj, enrolled).
    const answer = native(request);
    assert.equal(answer.status, 'ok', JSON.stringify(answer.errors));
    assert.equal(answer.result.totals.case, '5400.00');
    // (Eligible while the service runs; from April the child has no case of its own, one sector area.)
    assert.deepEqual([answer.result.eligibility[0].from, answer.result.eligibility[0].to, answer.result.eligibility[0].eligible], ['2024-01-01', '2024-03-31', true]);
    assert.ok(answer.result.lines.every((l) => l.eligible));
    assert.match(await p.locator('#summary').textContent(), /5\.400,00 kr\./);
    // The explanation shows rate x quantity.
    await p.locator('#lines tbody tr').first().click();
    const explanation = await p.locator('#explain-body').textContent();
    assert.match(explanation, /450,00 \/ time × 4 pr\. måned/);
    assert.match(explanation, /✓ indskrivning: indskrevet/);
    assert.ok(!/enrolled|hour|month/.test(explanation), explanation);
    await p.screenshot({ path: join(artifacts, 'page-family.png'), fullPage: true });
  } finally {
    await context.close();
  }
});
