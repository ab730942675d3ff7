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
const cli = join(root, 'target', 'release', 'fordeling');
const artifacts = join(root, 'artifacts');
const port = 18000 + (process.pid % 1000);
const origin = `http://127.0.0.1:${port}`;
W.initSync({ module: readFileSync(join(www, 'pkg-xlsx', 'fordeling_wasm_bg.wasm')) });
let server, browser, page;
const consoleErrors = [];
const foreignRequests = [];

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
  server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', www], { stdio: 'ignore' });
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

test('pasted spreadsheet cells replace the services', async () => {
  await page.locator('#paste-box summary').click();
  const tsv = 'Id\tYdelse\tBeløb\tPr.\tFra\tTil\n' +
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
  await ag.locator('select').selectOption('weights');
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
  assert.deepEqual(wb.map((s) => s.name).slice(0, 5), ['Pr. afdeling', 'Pr. kommune', 'Pr. måned og afdeling', 'Linjer', 'Kriterier']);
  assert.ok(wb.some((s) => s.name === 'case services'), 'the case travels with the result');
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
  execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '60', '-png', 'result.pdf', join(artifacts, 'xlsx-chart')], { cwd: work });
  execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '60', 'result.pdf', 'chart'], { cwd: work });
  // The chart is drawn: the PDF's first page has pixels in the slice colours.
  const ppm = readFileSync(join(work, readdirSync(work).find((f) => f.startsWith('chart') && f.endsWith('.ppm'))));
  const header = ppm.toString('latin1', 0, 40).match(/^P6\s+(\d+)\s+(\d+)\s+255\s/);
  assert.ok(header, 'a PPM image');
  const pixels = ppm.subarray(header[0].length);
  const colours = { '1f77b4': 0, ff7f0e: 0, '2ca02c': 0 };
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
  assert.deepEqual(sheetsOf(template).map((s) => s.name), ['policy', 'municipalities', 'departments', 'services', 'keys', 'eligibility', 'arrangements',
    'reimbursement', 'case', 'case services', 'case agreements', 'case income', 'case other cases']);
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
  assert.equal(await first.locator('[data-field="amount"]').inputValue(), '3400.50');
  assert.equal(await first.locator('[data-field="from"]').inputValue(), '2024-01-01');
  assert.equal(await page.locator('#services tbody tr').last().locator('[data-field="to"]').inputValue(), '2024-12-31');
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
