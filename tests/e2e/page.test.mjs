// End-to-end tests of the controller's page in Debian's headless Chromium (playwright-core).
// The page is served from wasm/www on 127.0.0.1; any console error or any request to another origin
// fails the run. Totals shown on the page are checked against the native CLI on the same input.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const www = join(root, 'wasm', 'www');
const cli = join(root, 'target', 'release', 'fordeling');
const artifacts = join(root, 'artifacts');
const port = 18000 + (process.pid % 1000);
const origin = `http://127.0.0.1:${port}`;
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

test('every bad input shows a named error next to its field, and nothing typed is lost', async () => {
  const row = page.locator('#services tbody tr').first();
  const cases = [
    ['amount', 'abc', /not a number/],
    ['amount', '1e400', /not a number/],
    ['amount', '99999999999999', /too large/],
    ['from', '2025-02-30', /2025-02 has 28 days/],
    ['from', '2024-13-01', /month must be 01 to 12/],
    ['to', '2023-01-01', /ends \(2023-01-01\) before it starts/],
    ['id', 'p2', /used twice/],
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
  assert.ok((await page.locator('#errors li').allTextContents()).some((e) => /percentages add up to 120/.test(e)));
  await ag.locator('[data-field="shares"]').fill('nowhere=10');
  assert.ok((await page.locator('#errors li').allTextContents()).some((e) => /unknown department 'nowhere'/.test(e)));
  await ag.locator('[data-field="shares"]').fill('ishoj-cbf=10');
  await page.locator('#add-agreement').click();
  const ag2 = page.locator('#agreements tbody tr').last();
  await ag2.locator('[data-field="shares"]').fill('ishoj-cdu=10');
  assert.ok((await page.locator('#errors li').allTextContents()).some((e) => /overlaps/.test(e)));
  await ag2.locator('button').click();
  await page.locator('#agreements tbody tr').last().locator('button').click();
  assert.equal(await page.locator('#errors li').count(), 0);
  // A period that ends before it starts.
  await page.locator('#period-to').fill('2023-01-01');
  assert.ok((await page.locator('#errors li').allTextContents()).some((e) => /period ends/.test(e)));
  await page.locator('#period-to').fill('2024-12-31');
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
