// The portfolio view (issue 15, item 7): many cases under one policy followed through a budget year,
// with a budget and a scenario. Imported by app.js the first time the view is shown. All computing
// is the contract's `portfolio` command, run by the workbook module in its Web Worker (the page's
// first-load module leaves the portfolio out); this file reads the files, keeps the portfolio in the
// browser's own storage (IndexedDB) and shows the answer. Nothing leaves the machine.
import { $, el } from './dom.js';
import * as X from './xlsx.js';
import { load, save } from './store.js';
import { T } from './texts.js';

/** The key the portfolio is kept under in IndexedDB (beside the case work of app.js). */
const KEY = 'portfolio-view';
/** The largest file read (the workbook reader's own limit). */
const MAX_FILE_MB = 20;
const COLORS = X.COLORS.map((c) => `#${c}`);
/**
 * Bar colours: actual, forecast, budget (dark, mid, orange: each at least 3:1 against white); in the
 * scenario, the financed cost before and after (dark, orange) and the gross cost before and after (mid
 * blue, pink).
 */
const BAR = { actual: COLORS[0], forecast: COLORS[3], budget: COLORS[1], before: COLORS[0], after: COLORS[1], grossBefore: COLORS[3], grossAfter: COLORS[5] };

let ctx = null; // from app.js: lang(), policyText(), pie(title, items), openCase(policy, case, period)
/**
 * The portfolio as kept: the documents as the user gave them (texts; a workbook's document as JSON
 * text; a CSV budget as the contract's budget object) and the settings, all as typed.
 */
let pf = { policy: null, cases: [], budget: null, scenario: null, year: '', booked: '' };
let request = null; // the request of the answer shown
let answer = null; // the portfolio shown (the answer's result)
let perCase = null; // per case, its departments' figures (the drill-down), computed when first asked
let drilled = null; // the department whose cases are listed
let scenarioYear = null; // the year the scenario's bars show (the budget year until another is chosen)
let generation = 0; // answers of an older request are dropped

const t = (k) => T[ctx.lang()][k] ?? k;

// ---- Numbers and texts in the page's language ------------------------------------------------------
/** A machine number (1234.56) as the page's language writes it (Danish 1.234,56; English 1,234.56); exact, as text. */
export function shownNumber(x, lang) {
  if (x == null || !/^-?\d+(\.\d+)?$/.test(x)) return x ?? '';
  const da = lang === 'da';
  const [int, frac] = x.replace('-', '').split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, da ? '.' : ',');
  return `${x.startsWith('-') ? '-' : ''}${grouped}${frac === undefined ? '' : (da ? ',' : '.') + frac}`;
}
const num = (x) => shownNumber(x, ctx.lang());
/** A month YYYY-MM as the page's language writes it (Danish 09-2025). */
const shownMonth = (m) => (ctx.lang() === 'da' && /^\d{4}-\d{2}$/.test(m ?? '') ? `${m.slice(5)}-${m.slice(0, 4)}` : m ?? '');
/** A month typed as 2025-09, 09-2025 or 9.2025 -> 2025-09; '' when empty; null when not a month. */
export function normalizeMonth(text) {
  const s = String(text).trim();
  if (s === '') return '';
  let m = s.match(/^(\d{4})[-./](\d{1,2})$/);
  if (m) return Number(m[2]) >= 1 && Number(m[2]) <= 12 ? `${m[1]}-${m[2].padStart(2, '0')}` : null;
  m = s.match(/^(\d{1,2})[-./](\d{4})$/);
  return m && Number(m[1]) >= 1 && Number(m[1]) <= 12 ? `${m[2]}-${m[1].padStart(2, '0')}` : null;
}

// ---- A budget in CSV -------------------------------------------------------------------------------
/** The fields of one CSV line (quotes as in RFC 4180; no line breaks inside a field). */
function csvFields(line, delimiter) {
  const out = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) { out.push(field); field = ''; } else field += c;
  }
  out.push(field);
  return out;
}
/**
 * An amount of a CSV budget by the CLI's rules (src/contract/batch.rs `csv_amount`): a decimal comma
 * only in `;`-separated files, no thousands separators, at most two decimals. The contract checks
 * the rest (that it is a number). Returns { amount } or { problem } (a text key and the value).
 */
function csvAmount(text, delimiter) {
  const v = text.trim();
  let normal = v;
  if (v.includes(',')) {
    if (delimiter !== ';') return { problem: 'pfCsvComma' };
    if (v.includes('.') || v.split(',').length > 2) return { problem: 'pfCsvThousands' };
    normal = v.replace(',', '.');
  }
  const parts = normal.split('.');
  if (parts.length > 2) return { problem: 'pfCsvThousands' };
  if (parts.length === 2 && parts[1].length > 2) return { problem: 'pfCsvDecimals' };
  return { amount: normal };
}
/**
 * A budget read from CSV (`department,year,amount` in any order; `,`, `;` or tab, whichever the
 * header holds most of), as the CLI reads `--budget` (src/contract/budget.rs): the contract's budget
 * object `{ budget: [{ department, year, amount }] }`, or the problems, every bad line.
 */
export function budgetFromCsv(text, lang) {
  const tr = (k) => T[lang][k];
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  const first = lines[0] ?? '';
  // The delimiter the header holds most of; on a tie the last of ; tab , (as the CLI picks).
  let delimiter = ',';
  let most = 0;
  for (const d of [';', '\t', ',']) {
    const n = first.split(d).length - 1;
    if (n >= most && n > 0) { most = n; delimiter = d; }
  }
  const head = csvFields(first, delimiter).map((h) => h.trim());
  const [d, y, a] = ['department', 'year', 'amount'].map((c) => head.indexOf(c));
  if (d < 0 || y < 0 || a < 0) return { errors: [tr('pfCsvLine')(1, 'header', tr('pfCsvColumns'))] };
  const budget = [];
  const errors = [];
  lines.slice(1).forEach((line, i) => {
    if (line.trim() === '') return;
    const f = csvFields(line, delimiter).map((x) => x.trim());
    const n = i + 2;
    const year = f[y] ?? '';
    const amount = csvAmount(f[a] ?? '', delimiter);
    if (!/^-?\d+$/.test(year)) errors.push(tr('pfCsvLine')(n, 'year', tr('pfCsvYear')(year)));
    if (amount.problem) errors.push(tr('pfCsvLine')(n, 'amount', tr(amount.problem)(f[a])));
    if (/^-?\d+$/.test(year) && !amount.problem) budget.push({ department: f[d] ?? '', year: Number(year), amount: amount.amount });
  });
  return errors.length ? { errors } : { doc: { budget } };
}

// ---- Elements ----------------------------------------------------------------------------------------
const SVG = 'http://www.w3.org/2000/svg';
function svg(tag, attrs = {}, ...children) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) if (k === 'text') e.textContent = v; else e.setAttribute(k, v);
  for (const c of children) if (c != null) e.append(c);
  return e;
}
/**
 * A table element: a header row and rows of cells. A cell is text, a node, or `{ money }` (a machine
 * number: shown in the page's language, right-aligned, its exact value in `data-value`).
 */
function tableEl(head, rows, attrs = {}) {
  const cell = (tag, c) => {
    if (c && typeof c === 'object' && 'money' in c) {
      return el(tag, { class: 'num', 'data-value': c.money ?? '', text: c.money == null ? '' : num(c.money) });
    }
    return el(tag, {}, c instanceof Node ? c : String(c ?? ''));
  };
  return el('table', { class: 'data', ...attrs },
    el('thead', {}, el('tr', {}, ...head.map((h) => el('th', { text: h })))),
    el('tbody', {}, ...rows.map((r) => {
      const tr = el('tr', r.attrs ?? {}, ...r.cells.map((c, i) => cell(i === 0 && r.total ? 'th' : 'td', c)));
      return tr;
    })));
}
/** Fills the table with an id (see tableEl). */
function fill(id, head, rows) {
  const t2 = tableEl(head, rows);
  $(id).replaceChildren(...t2.childNodes);
}
/**
 * Horizontal bars: a row per item (label), each with one or more bars of stacked segments
 * `{ value, color, name }` (value a machine number; lengths are drawn from it, the numbers are in the
 * table beside). Accessible: the figure is an image with a title; every segment has its own title.
 */
function bars(title, rows, legend) {
  // As wide as the view allows, at most 640 px; on a narrow screen each label stands above its bars.
  const width = Math.max(300, Math.min(640, $('portfolio-view').clientWidth || 640));
  const narrow = width < 520;
  const labelW = narrow ? 0 : 190;
  const labelH = narrow ? 15 : 0;
  const barH = 13;
  const valueW = 110;
  const plotW = width - labelW - valueW;
  const max = Math.max(1, ...rows.flatMap((r) => r.bars.map((b) => b.reduce((s, x) => s + Math.max(0, Number(x.value)), 0))));
  const rowH = (r) => labelH + r.bars.length * (barH + 3) + 12;
  const height = rows.reduce((s, r) => s + rowH(r), 8);
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, width: String(width), height: String(height), role: 'img', 'aria-label': title, class: 'bars' },
    svg('title', { text: title }));
  let y = 6;
  for (const r of rows) {
    chart.append(narrow ? svg('text', { x: '0', y: String(y + 11), class: 'bar-label', text: r.label })
      : svg('text', { x: String(labelW - 6), y: String(y + barH), 'text-anchor': 'end', class: 'bar-label', text: r.label }));
    r.bars.forEach((segments, k) => {
      const top = y + labelH + k * (barH + 3);
      let x = labelW;
      for (const s of segments) {
        const w = (Math.max(0, Number(s.value)) / max) * plotW;
        chart.append(svg('rect', { x: String(x), y: String(top), width: String(Math.max(w, 0.5)), height: String(barH), fill: s.color },
          svg('title', { text: `${r.label}, ${s.name}: ${num(s.value)}` })));
        x += w;
      }
      const total = segments.length === 1 ? segments[0].value : r.totals?.[k];
      if (total != null) chart.append(svg('text', { x: String(x + 4), y: String(top + barH - 2), class: 'bar-value', text: num(total) }));
    });
    y += rowH(r);
  }
  const key = el('ul', { class: 'legend' }, ...legend.map(([name, color]) => el('li', {},
    svg('svg', { width: '12', height: '12', 'aria-hidden': 'true' }, svg('rect', { width: '12', height: '12', fill: color })), ` ${name}`)));
  return [chart, el('figcaption', { text: title }), key];
}

// ---- Reading files ---------------------------------------------------------------------------------
/** The document in a file: TOML/JSON text, or a workbook's policy or case as JSON text. */
async function documentOf(file, kind) {
  if (file.size > MAX_FILE_MB * 1024 * 1024) throw new Error(t('pfTooLarge')(file.name, MAX_FILE_MB));
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (!X.isWorkbook(file.name, bytes)) return new TextDecoder().decode(bytes);
  let wb;
  try {
    wb = await X.readWorkbook(bytes);
  } catch (e) {
    throw new Error(`${file.name}: ${e.timeout ? T[ctx.lang()].timeout(file.name) : e.message}`);
  }
  const limit = (e) => (e.limit && T[ctx.lang()].limit?.[e.limit]) || e.text;
  if (wb.errors.length) throw new Error(wb.errors.map((e) => `${file.name}: ${limit(e)}`).join(' · '));
  const doc = wb[kind];
  if (!doc) throw new Error(`${file.name}: ${t(kind === 'policy' ? 'pfNoPolicyInFile' : 'pfNoCaseInFile')}`);
  return JSON.stringify(doc);
}
/**
 * The case documents in a file: TOML/JSON text, or every case of a workbook (one row per case on the
 * sheet 'case', a 'case' column on the other case sheets; a one-case workbook needs none) as JSON text.
 */
async function caseDocumentsOf(file) {
  if (file.size > MAX_FILE_MB * 1024 * 1024) throw new Error(t('pfTooLarge')(file.name, MAX_FILE_MB));
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (!X.isWorkbook(file.name, bytes)) return [new TextDecoder().decode(bytes)];
  let read;
  try {
    read = await X.readCases(bytes);
  } catch (e) {
    throw new Error(`${file.name}: ${e.timeout ? T[ctx.lang()].timeout(file.name) : e.message}`);
  }
  const limit = (e) => (e.limit && T[ctx.lang()].limit?.[e.limit]) || e.text;
  if (read.errors.length) throw new Error(read.errors.map((e) => `${file.name}: ${limit(e)}`).join(' · '));
  if (!read.cases.length) throw new Error(`${file.name}: ${t('pfNoCaseInFile')}`);
  return read.cases.map((c) => JSON.stringify(c));
}
/** A contract request answered in the worker, in the page's language. */
function call(req, options) {
  return X.handleInWorker({ version: 1, lang: ctx.lang(), ...req }, options);
}
function showErrors(messages) {
  $('pf-errors').replaceChildren(...messages.map((m) => el('li', { text: m })));
}
function status(text) {
  $('pf-status').textContent = text;
}
/** The policy named by its name and version, as the library read it. */
async function readPolicy(text) {
  const a = await call({ command: 'parse', policy: text });
  if (a.status !== 'ok') return { errors: a.errors.map((e) => e.message) };
  return { label: `${a.result.policy.name} ${a.result.policy.version ?? ''}`.trim() };
}
/** A policy file chosen for the portfolio ('policy') or as the scenario ('scenario'). */
async function choosePolicy(input, slot) {
  const file = input.files[0];
  input.value = '';
  if (!file) return;
  showErrors([]);
  let text;
  try { text = await documentOf(file, 'policy'); } catch (e) { showErrors([String(e.message)]); return; }
  const p = await readPolicy(text);
  if (p.errors) { showErrors(p.errors.map((m) => `${file.name}: ${m}`)); return; }
  pf[slot] = { name: file.name, text, label: p.label };
  await changed();
}
/** The policy in use on the case page becomes the portfolio's. */
async function usePagePolicy(compute = true) {
  const text = ctx.policyText();
  if (!text) return false;
  const p = await readPolicy(text);
  if (p.errors) { showErrors(p.errors); return false; }
  pf.policy = { name: '', text, label: p.label };
  if (compute) await changed();
  return true;
}
/**
 * Case files chosen (several at once): each is read against the portfolio's policy and added; a case
 * whose id is in the portfolio already replaces it. A file with errors is not added, and its errors
 * are listed under its name.
 */
async function chooseCases(input) {
  const files = [...input.files];
  input.value = '';
  if (files.length === 0) return;
  if (!pf.policy && !(await usePagePolicy(false))) return;
  const problems = [];
  const replaced = [];
  let added = 0;
  status(t('pfComputing'));
  for (const file of files) {
    let texts;
    try { texts = await caseDocumentsOf(file); } catch (e) { problems.push(String(e.message)); continue; }
    for (const text of texts) {
      const a = await call({ command: 'parse', policy: pf.policy.text, case: text });
      if (a.status !== 'ok') { problems.push(...a.errors.map((e) => `${file.name}: ${e.message}`)); continue; }
      const entry = { name: file.name, id: a.result.case.id, text };
      const at = pf.cases.findIndex((c) => c.id === entry.id);
      if (at >= 0) { pf.cases[at] = entry; replaced.push(entry.id); } else pf.cases.push(entry);
      added += 1;
    }
  }
  await changed();
  showErrors(problems);
  status([t('pfLoaded')(added), replaced.length ? t('pfReplaced')(replaced.join(', ')) : ''].filter(Boolean).join('; '));
}
/** A budget file: CSV as the CLI reads it, or TOML/JSON (`budget = [{ department, year, amount }]`). */
async function chooseBudget(input) {
  const file = input.files[0];
  input.value = '';
  if (!file) return;
  if (file.size > MAX_FILE_MB * 1024 * 1024) { showErrors([t('pfTooLarge')(file.name, MAX_FILE_MB)]); return; }
  const text = await file.text();
  let doc = text;
  if (/\.(csv|txt)$/i.test(file.name)) {
    const read = budgetFromCsv(text, ctx.lang());
    if (read.errors) { showErrors(read.errors.map((m) => `${file.name}: ${m}`)); return; }
    doc = read.doc;
  }
  showErrors([]);
  pf.budget = { name: file.name, doc };
  await changed();
}

// ---- Computing -------------------------------------------------------------------------------------
/** The contract request for the portfolio as kept. */
function buildRequest() {
  const r = { version: 1, command: 'portfolio', lang: ctx.lang(), policy: pf.policy.text, cases: pf.cases.map((c) => c.text), year: Number(pf.year) };
  if (pf.booked) r.booked_through = pf.booked;
  if (pf.budget) r.budget = pf.budget.doc;
  if (pf.scenario) r.scenario = pf.scenario.text;
  return r;
}
/** The portfolio changed: kept in the browser, then computed again. */
async function changed() {
  await save(KEY, pf);
  renderDocuments();
  await recompute();
}
/** A case named in an error (`cases[2]`) gets its file's name beside it. */
function withFileNames(message) {
  return message.replace(/cases\[(\d+)\]/g, (m, i) => (pf.cases[i] ? `${m} (${pf.cases[i].name || pf.cases[i].id})` : m));
}
async function recompute() {
  const g = ++generation;
  const view = $('portfolio-view');
  perCase = null;
  const ready = pf.policy && pf.cases.length > 0 && /^\d{4}$/.test(pf.year) && normalizeMonth(pf.booked) !== null;
  if (!ready) {
    answer = null;
    $('pf-dashboard').hidden = true;
    $('pf-scenario-result').hidden = true;
    if (!pf.cases.length) status(t('pfNoCases'));
    view.dataset.state = 'done';
    view.dataset.generation = String(g);
    return;
  }
  view.dataset.state = 'busy';
  const req = buildRequest();
  const started = performance.now();
  let a;
  try {
    a = await call(req);
  } catch (e) {
    a = { status: 'error', errors: [{ message: e.timeout ? t('pfTimeout') : String(e.message) }] };
  }
  if (g !== generation) return;
  const ms = performance.now() - started;
  if (a.status !== 'ok') {
    answer = null;
    showErrors(a.errors.map((e) => withFileNames(e.message)));
    $('pf-dashboard').hidden = true;
    $('pf-scenario-result').hidden = true;
  } else {
    request = req;
    answer = a.result;
    render(ms);
  }
  view.dataset.state = 'done';
  view.dataset.generation = String(g);
}
/**
 * Each case's own figures per department (the drill-down): the portfolio of that case alone, by the
 * same rules. The gross figures of the cases add up to the department's (they are sums of rounded
 * shares); reimbursement is per household, so it is not split per case.
 */
function casesFigures() {
  perCase ??= Promise.all(request.cases.map((text) => call({ ...request, cases: [text], budget: undefined, scenario: undefined }, { aside: true })
    .then((a) => (a.status === 'ok' ? a.result.departments : []))));
  return perCase;
}

// ---- Showing ---------------------------------------------------------------------------------------
function renderDocuments() {
  const parts = [
    `${t('pfPolicyIs')}: ${pf.policy ? `${pf.policy.label}${pf.policy.name ? ` (${pf.policy.name})` : ''}` : t('pfNone')}`,
    `${t('pfBudgetIs')}: ${pf.budget?.name ?? t('pfNone')}`,
    `${t('pfScenarioIs')}: ${pf.scenario ? `${pf.scenario.label} (${pf.scenario.name})` : t('pfNone')}`,
  ];
  $('pf-documents').textContent = parts.join(' · ');
  $('pf-remove-budget').disabled = !pf.budget;
  $('pf-remove-scenario').disabled = !pf.scenario;
  $('pf-case-list').hidden = pf.cases.length === 0;
  $('pf-case-list-title').textContent = t('pfCaseList')(pf.cases.length);
  fill('pf-case-table', [t('pfCase'), t('pfFile'), ''], pf.cases.map((c, i) => ({
    cells: [c.id, c.name, el('button', { type: 'button', text: t('pfRemove'), onclick: () => { pf.cases.splice(i, 1); changed(); } })],
  })));
}
const figureHead = () => [t('pfActual'), t('pfForecast'), t('pfExpected'), t('pfBudgetCol'), t('pfDeviation'), t('pfDeviationPct'), t('pfReimbursement'), t('pfNet')];
const figureCells = (f) => [f.actual, f.forecast, f.expected, f.budget, f.deviation, f.deviation_percent, f.reimbursement, f.net].map((money) => ({ money }));

function render(ms) {
  const p = answer;
  showErrors([]);
  $('pf-dashboard').hidden = false;
  status('');
  $('pf-summary').textContent = `${t('pfSummary')(p.year, p.cases, p.households, shownMonth(p.booked_through))} — ${t('pfComputedIn')} ${ms.toFixed(0)} ms`;
  const names = new Map(p.departments.map((d) => [d.department, d.name]));
  $('pf-bars').replaceChildren(...bars(`${t('pfBars')} ${p.year}`, p.departments.map((d) => ({
    label: d.name,
    bars: [[{ value: d.actual, color: BAR.actual, name: t('pfActual') }, { value: d.forecast, color: BAR.forecast, name: t('pfForecast') }],
      ...(d.budget != null ? [[{ value: d.budget, color: BAR.budget, name: t('pfBudgetCol') }]] : [])],
    totals: [d.expected],
  })), [[t('pfActual'), BAR.actual], [t('pfForecast'), BAR.forecast], [t('pfBudgetCol'), BAR.budget]]));
  const pie = ctx.pie(t('pfPie')(p.year), p.departments.map((d) => ({ label: d.name, amount: d.expected })));
  $('pf-pie').replaceWith(Object.assign(pie, { id: 'pf-pie' }));
  fill('pf-departments', [t('pfDepartment'), ...figureHead()], [
    ...p.departments.map((d) => ({
      attrs: { 'data-department': d.department },
      cells: [el('button', { type: 'button', class: 'link', title: d.department, 'aria-expanded': String(drilled === d.department), text: d.name, onclick: () => drill(d.department) }),
        ...figureCells(d)],
    })),
    { total: true, attrs: { 'data-department': '' }, cells: [t('pfTotal'), ...figureCells(p.total)] },
  ]);
  // Next year's budget and the estimate years: the gross cost at each year's price level (as the CLI's table).
  fill('pf-later', [t('pfDepartment'), ...p.total.later_years.map((y) => String(y.year))], [
    ...p.departments.map((d) => ({ attrs: { 'data-department': d.department }, cells: [d.name, ...d.later_years.map((y) => ({ money: y.gross }))] })),
    { total: true, attrs: { 'data-department': '' }, cells: [t('pfTotal'), ...p.total.later_years.map((y) => ({ money: y.gross }))] },
  ]);
  const groups = [['pfArea', p.budget_areas], ['pfCommittee', p.committees], ['pfMunicipality', p.municipalities]];
  fill('pf-groups', [t('pfKind'), t('pfName'), ...figureHead()],
    groups.flatMap(([kind, list]) => list.map((g) => ({ attrs: { 'data-group': g.id }, cells: [t(kind), g.name, ...figureCells(g)] }))));
  $('pf-financing').replaceChildren(...financing(p, names, t('pfFinancing')));
  renderScenario(p, names);
  if (drilled && names.has(drilled)) drill(drilled, false); else $('pf-drill').hidden = true;
}
/** The pools and compensations of a portfolio: per department, the per-case split against the arrangement. */
function financing(p, names, heading) {
  const out = [];
  const name = (id) => `${names.get(id) ?? id}`;
  for (const pool of p.pools ?? []) {
    out.push(el('h4', { text: t('pfPool')(pool.id, pool.name, name(pool.holder)) }));
    out.push(el('p', { text: t('pfPoolLine')(Object.fromEntries(Object.entries(pool).map(([k, v]) => [k, typeof v === 'string' ? num(v) : v]))) }));
    out.push(el('div', { class: 'scroll' }, tableEl([t('pfDepartment'), t('pfContribution'), t('pfSettlement'), t('pfPerCase'), t('pfUnder'), t('pfDifference')],
      pool.departments.map((d) => ({ attrs: { 'data-arrangement': pool.id, 'data-department': d.department },
        cells: [name(d.department), { money: d.contribution }, { money: d.settlement }, { money: d.per_case_split }, { money: d.net }, { money: d.difference }] })))));
  }
  for (const c of p.compensations ?? []) {
    out.push(el('h4', { text: t('pfCompensation')(c.id, c.name, name(c.payer)) }));
    out.push(el('div', { class: 'scroll' }, tableEl([t('pfDepartment'), t('pfCompensationCol'), t('pfPerCase'), t('pfUnder'), t('pfDifference')],
      c.departments.map((d) => ({ attrs: { 'data-arrangement': c.id, 'data-department': d.department },
        cells: [name(d.department), { money: d.compensation }, { money: d.per_case_split }, { money: d.share }, { money: d.difference }] })))));
  }
  return out.length ? [el('h3', { text: heading }), ...out] : [];
}
/**
 * The scenario side by side: per department and year, the gross, net and financed cost now and under
 * the scenario's policy (the answer's `scenario.changes`; the financed cost is after pools,
 * compensations and grants, in every year), bars of the financed and the gross cost of one year (the
 * budget year, or the year chosen), and the scenario's financing (a pool or a compensation it brings,
 * against the per-case split).
 */
function renderScenario(p, names) {
  const s = p.scenario;
  $('pf-scenario-result').hidden = !s;
  if (!s) return;
  const name = (id) => names.get(id) ?? s.portfolio.departments.find((d) => d.department === id)?.name ?? id;
  $('pf-scenario-note').textContent = s.changes.length ? '' : t('pfNoChanges');
  const years = [...new Set(s.changes.map((c) => c.year))].sort((a, b) => a - b);
  if (!years.includes(scenarioYear)) scenarioYear = years.includes(p.year) ? p.year : (years[0] ?? p.year);
  $('pf-scenario-year').replaceChildren(...years.map((y) => el('option', { value: String(y), text: String(y) })));
  $('pf-scenario-year').value = String(scenarioYear);
  $('pf-scenario-year-label').hidden = years.length < 2;
  const rows = s.changes.filter((c) => c.year === scenarioYear);
  $('pf-scenario-bars').hidden = rows.length === 0;
  const legend = [[t('pfFinancedBefore'), BAR.before], [t('pfFinancedAfter'), BAR.after], [t('pfGrossBefore'), BAR.grossBefore], [t('pfGrossAfter'), BAR.grossAfter]];
  $('pf-scenario-bars').replaceChildren(...(rows.length ? bars(t('pfScenarioBars')(scenarioYear), rows.map((c) => ({
    label: name(c.department),
    bars: [[{ value: c.financed_before, color: BAR.before, name: t('pfFinancedBefore') }], [{ value: c.financed_after, color: BAR.after, name: t('pfFinancedAfter') }],
      [{ value: c.gross_before, color: BAR.grossBefore, name: t('pfGrossBefore') }], [{ value: c.gross_after, color: BAR.grossAfter, name: t('pfGrossAfter') }]],
  })), legend) : []));
  $('pf-changes').hidden = s.changes.length === 0;
  fill('pf-changes', [t('pfDepartment'), t('pfYearCol'), t('pfGrossBefore'), t('pfGrossAfter'), t('pfDifference'), t('pfNetBefore'), t('pfNetAfter'), t('pfDifference'),
    t('pfFinancedBefore'), t('pfFinancedAfter'), t('pfDifference')],
    s.changes.map((c) => ({ attrs: { 'data-department': c.department, 'data-year': String(c.year) },
      cells: [name(c.department), String(c.year), ...[c.gross_before, c.gross_after, c.gross_difference, c.net_before, c.net_after, c.net_difference].map((money) => ({ money })),
        ...[c.financed_before, c.financed_after, c.financed_difference].map((money) => ({ money }))] })));
  $('pf-scenario-financing').replaceChildren(...financing(s.portfolio, names, t('pfFinancingScenario')));
}
/** The cases of a department, with their figures in the budget year; a case opens in the case view. */
async function drill(department, focus = true) {
  const g = generation;
  drilled = department;
  const d = answer.departments.find((x) => x.department === department);
  $('pf-drill').hidden = false;
  $('pf-drill-title').textContent = t('pfDrill')(d.name);
  for (const b of $('pf-departments').querySelectorAll('button.link')) b.setAttribute('aria-expanded', String(b.closest('tr').dataset.department === department));
  const figures = await casesFigures();
  if (g !== generation) return;
  const rows = pf.cases.map((c, i) => [c, figures[i].find((x) => x.department === department)])
    .filter(([, f]) => f && (f.expected !== '0.00' || f.actual !== '0.00'))
    .sort(([a, fa], [b, fb]) => Number(fb.expected) - Number(fa.expected) || a.id.localeCompare(b.id));
  const year = answer.year;
  fill('pf-drill-cases', [t('pfCase'), t('pfFile'), t('pfActual'), t('pfForecast'), t('pfExpected'), ''], [
    ...rows.map(([c, f]) => ({ attrs: { 'data-case': c.id },
      cells: [c.id, c.name, { money: f.actual }, { money: f.forecast }, { money: f.expected },
        el('button', { type: 'button', text: t('pfOpen'), onclick: () => ctx.openCase(pf.policy.text, c.text, { from: `${year}-01-01`, to: `${year}-12-31` }) })] })),
    { total: true, attrs: { 'data-case': '' }, cells: [t('pfTotal'), '', { money: d.actual }, { money: d.forecast }, { money: d.expected }, ''] },
  ]);
  if (rows.length === 0) $('pf-drill-cases').tBodies[0].prepend(el('tr', {}, el('td', { colspan: '6', text: t('pfNoCasesHere') })));
  if (focus) $('pf-drill-title').focus();
  $('portfolio-view').dataset.drilled = department;
}
/** The portfolio report as a workbook (the workbook module's portfolio sheets, with a pie chart). */
async function downloadXlsx() {
  let bytes;
  try {
    bytes = await X.resultWorkbook({ ...request, lang: ctx.lang() });
  } catch (e) {
    let errors;
    try { errors = JSON.parse(e.message).errors.map((x) => x.message); } catch { errors = [String(e.message)]; }
    showErrors(errors);
    return;
  }
  const a = el('a', { href: URL.createObjectURL(new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })), download: `${t('pfXlsxName')}-${answer.year}.xlsx` });
  document.body.append(a);
  a.click();
  a.remove();
}

// ---- Wiring ------------------------------------------------------------------------------------------
function renderInputs() {
  $('pf-year').value = pf.year;
  $('pf-booked').value = pf.booked;
  renderDocuments();
}
function wire() {
  const on = (id, event, f) => $(id).addEventListener(event, f);
  on('pf-policy', 'change', (e) => choosePolicy(e.target, 'policy'));
  on('pf-use-page-policy', 'click', () => usePagePolicy());
  on('pf-cases', 'change', (e) => chooseCases(e.target));
  on('pf-budget', 'change', (e) => chooseBudget(e.target));
  on('pf-scenario', 'change', (e) => choosePolicy(e.target, 'scenario'));
  on('pf-remove-budget', 'click', () => { pf.budget = null; changed(); });
  on('pf-remove-scenario', 'click', () => { pf.scenario = null; changed(); });
  on('pf-scenario-year', 'change', (e) => {
    scenarioYear = Number(e.target.value);
    if (answer) renderScenario(answer, new Map(answer.departments.map((d) => [d.department, d.name])));
  });
  on('pf-clear', 'click', () => {
    if (!window.confirm(t('pfConfirmClear'))) return;
    Object.assign(pf, { cases: [], budget: null, scenario: null });
    drilled = null;
    changed();
  });
  on('pf-year', 'input', (e) => {
    const ok = /^\d{4}$/.test(e.target.value.trim());
    e.target.classList.toggle('invalid', !ok);
    e.target.title = ok ? '' : t('pfBadYear');
    if (ok) { pf.year = e.target.value.trim(); changed(); }
  });
  on('pf-booked', 'input', (e) => {
    const month = normalizeMonth(e.target.value);
    e.target.classList.toggle('invalid', month === null);
    e.target.title = month === null ? t('pfBadMonth') : '';
    if (month !== null) { pf.booked = month; changed(); }
  });
  on('pf-xlsx', 'click', downloadXlsx);
  // The language: app.js sets the texts marked data-t first; the answer is computed again in it.
  for (const id of ['lang-da', 'lang-en']) on(id, 'click', () => { renderDocuments(); recompute(); });
}

/** Shows the portfolio view the first time: the portfolio kept in the browser, computed. */
export async function start(context) {
  ctx = context;
  const saved = await load(KEY);
  if (saved) pf = { ...pf, ...saved };
  if (!pf.year) pf.year = String(new Date().getFullYear());
  // Read-only hook for the end-to-end tests: the request of the portfolio shown.
  window.__fordeling = { ...window.__fordeling, portfolioRequest: () => (request ? JSON.parse(JSON.stringify(request)) : null) };
  wire();
  renderInputs();
  await recompute();
  if (saved?.cases?.length && answer) status(t('pfRestored'));
}
