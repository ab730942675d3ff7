// The controller's page. All computing is done by the WebAssembly module through the JSON contract
// (`handle`); this file only keeps the inputs, builds requests and shows answers. No data leaves the
// browser: the Content-Security-Policy allows no request to any other origin.
import init, { Engine, examplePolicy, exampleCases } from './pkg/fordeling_wasm.js';
import * as X from './xlsx.js';
import { normalizeAmount, normalizeDate, normalizePer, sharesOf, sharesText } from './xlsx.js';

const T = {
  da: {
    subtitle: 'fælles finansiering, fordelt på øren', privacy: 'Alt beregnes i din browser. Ingen data forlader maskinen.',
    inputs: 'Politik og sag', example: 'Eksempel', loadExample: 'Indlæs eksempel', policyFile: 'Politik (TOML/JSON/xlsx/ods)',
    caseFile: 'Sag (TOML/JSON/xlsx/ods)', periodFrom: 'Periode fra', periodTo: 'til', consent: 'Familien har givet samtykke',
    services: 'Ydelser', colId: 'Id', colService: 'Ydelse', colAmount: 'Beløb (kr.)', colPer: 'Pr.', colFrom: 'Fra',
    colTo: 'Til', colLine: 'Ydelseslinje', colKind: 'Nøgle', colShares: 'Andele (afdeling=procent; …)',
    addService: 'Tilføj ydelse', addAgreement: 'Tilføj aftale', agreements: 'Aftaler om fordeling',
    pasteTitle: 'Indsæt fra regneark', usePaste: 'Brug de indsatte rækker',
    pasteHelp: 'Kopiér celler fra Excel eller LibreOffice (id, ydelse, beløb, pr., fra, til) og indsæt her. Beløb som 3.400,50 eller 3400.50; datoer som 2024-01-31 eller 31-01-2024.',
    results: 'Fordeling', copyTsv: 'Kopiér til regneark', downloadCsv: 'Hent CSV', downloadJson: 'Hent JSON',
    eligibility: 'Kriterier for fælles finansiering', byDepartment: 'Pr. afdeling', byMunicipality: 'Pr. kommune',
    byMonth: 'Pr. måned og afdeling', perService: 'Pr. ydelse', lines: 'Linjer', linesHelp: 'Klik på en linje for at se, hvordan hvert tal er fundet.',
    total: 'I alt', month: 'Måned', department: 'Afdeling', municipality: 'Kommune', amount: 'Beløb', eligible: 'opfyldt',
    notEligible: 'ikke opfyldt', caseTotal: 'Sagens samlede udgift', computedIn: 'beregnet på', stale: 'Viser sidste gyldige resultat: ret fejlene ovenfor.',
    month_: 'måned', year_: 'år', once_: 'engang', policyOk: 'Politik', pasted: 'rækker indsat', copied: 'Kopieret',
    key: 'Nøgle', authority: 'Visitationskompetence', payer: 'Betalingsforpligtelse', legal: 'Hjemmel', exact: 'præcist',
    leftover: '+1 restøre', shares: 'Andele', basis: 'Beløbsgrundlag', verdict: 'Kriterier', days: 'dage', noChart: 'Ingen positive beløb at vise.',
    reimbursement: 'Statsrefusion (særligt dyre enkeltsager)', gross: 'Brutto', refund: 'Refusion', net: 'Netto',
    counted: 'Tællende udgift', income: 'Indtægt', base: 'Grundlag', household: 'Husstand',
    downloadXlsx: 'Hent .xlsx', downloadTemplate: 'Hent skabelon (.xlsx)', name: 'Navn', code: 'Kode', criterion: 'Kriterium',
    passed: 'Opfyldt', actual: 'Faktisk', required: 'Krav', yes: 'ja', no: 'nej', reimbursementMonths: 'Refusion pr. måned',
    noPolicySheets: "arbejdsbogen har ingen politik (arket 'departments' mangler)", noCaseSheets: "arbejdsbogen har ingen sag (arket 'case' mangler)",
    eligibleCol: 'Fælles finansiering',
  },
  en: {
    subtitle: 'shared financing, split to the øre', privacy: 'Everything is computed in your browser. No data leaves this machine.',
    inputs: 'Policy and case', example: 'Example', loadExample: 'Load example', policyFile: 'Policy (TOML/JSON/xlsx/ods)',
    caseFile: 'Case (TOML/JSON/xlsx/ods)', periodFrom: 'Period from', periodTo: 'to', consent: 'The family consents',
    services: 'Services', colId: 'Id', colService: 'Service', colAmount: 'Amount (DKK)', colPer: 'Per', colFrom: 'From',
    colTo: 'To', colLine: 'Service line', colKind: 'Key', colShares: 'Shares (department=percent; …)',
    addService: 'Add service', addAgreement: 'Add agreement', agreements: 'Agreements on the split',
    pasteTitle: 'Paste from a spreadsheet', usePaste: 'Use the pasted rows',
    pasteHelp: 'Copy cells from Excel or LibreOffice (id, service, amount, per, from, to) and paste them here. Amounts like 3.400,50 or 3400.50; dates like 2024-01-31 or 31-01-2024.',
    results: 'Split', copyTsv: 'Copy for spreadsheet', downloadCsv: 'Download CSV', downloadJson: 'Download JSON',
    eligibility: 'Eligibility for shared financing', byDepartment: 'Per department', byMunicipality: 'Per municipality',
    byMonth: 'Per month and department', perService: 'Per service', lines: 'Lines', linesHelp: 'Click a line to see how every number was found.',
    total: 'Total', month: 'Month', department: 'Department', municipality: 'Municipality', amount: 'Amount', eligible: 'eligible',
    notEligible: 'not eligible', caseTotal: 'Total cost of the case', computedIn: 'computed in', stale: 'Showing the last valid result: correct the errors above.',
    month_: 'month', year_: 'year', once_: 'once', policyOk: 'Policy', pasted: 'rows pasted', copied: 'Copied',
    key: 'Key', authority: 'Authority to grant', payer: 'Payment obligation', legal: 'Legal basis', exact: 'exact',
    leftover: '+1 leftover øre', shares: 'Shares', basis: 'Amount basis', verdict: 'Eligibility', days: 'days', noChart: 'No positive amounts to show.',
    reimbursement: 'State reimbursement (particularly expensive cases)', gross: 'Gross', refund: 'Reimbursement', net: 'Net',
    counted: 'Counted cost', income: 'Income', base: 'Base', household: 'Household',
    downloadXlsx: 'Download .xlsx', downloadTemplate: 'Download template (.xlsx)', name: 'Name', code: 'Code', criterion: 'Criterion',
    passed: 'Passed', actual: 'Actual', required: 'Required', yes: 'yes', no: 'no', reimbursementMonths: 'Reimbursement per month',
    noPolicySheets: "the workbook has no policy (no sheet 'departments')", noCaseSheets: "the workbook has no case (no sheet 'case')",
    eligibleCol: 'Shared financing',
  },
};

const state = { lang: 'da', policyText: '', policy: null, policyOrigins: null, caseOrigins: null, caseDoc: null, period: { from: '', to: '' }, answer: null, result: null, full: null };
const $ = (id) => document.getElementById(id);
const t = (k) => T[state.lang][k] ?? k;
const COLORS = X.COLORS.map((c) => `#${c}`);

function el(tag, attrs = {}, ...children) {
  const ns = ['svg', 'path', 'title', 'desc', 'rect', 'circle', 'g'].includes(tag) ? 'http://www.w3.org/2000/svg' : null;
  const e = ns ? document.createElementNS(ns, tag) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'text') e.textContent = v; else if (k.startsWith('on')) e.addEventListener(k.slice(2), v); else e.setAttribute(k, v);
  }
  for (const c of children) if (c != null) e.append(c);
  return e;
}

let engine = null; // keeps the compiled policy between recomputes
function call(request) {
  return JSON.parse(engine.handle(JSON.stringify(request)));
}

// ---- Input conversion (spreadsheet conventions -> contract) -------------------------------------
export function parseTsv(text) {
  const rows = text.replace(/\r/g, '').split('\n').filter((r) => r.trim() !== '').map((r) => r.split('\t'));
  if (rows.length === 0) return [];
  let cols = ['id', 'service', 'amount', 'per', 'from', 'to'];
  const names = { id: 'id', ydelse: 'service', service: 'service', 'beløb': 'amount', amount: 'amount', 'pr.': 'per', per: 'per', fra: 'from', from: 'from', til: 'to', to: 'to' };
  if (rows[0].some((c) => names[c.trim().toLowerCase()])) {
    cols = rows.shift().map((c) => names[c.trim().toLowerCase()] ?? null);
  }
  return rows.map((r, i) => {
    const s = {};
    cols.forEach((c, j) => { if (c && r[j] !== undefined && r[j].trim() !== '') s[c] = r[j].trim(); });
    const line = { id: s.id || `p${i + 1}`, service: s.service || '', amount: normalizeAmount(s.amount ?? ''), per: normalizePer(s.per ?? ''), from: normalizeDate(s.from ?? '') };
    if (s.to) line.to = normalizeDate(s.to);
    return line;
  });
}

// ---- Loading ------------------------------------------------------------------------------------
function setPolicy(text, origins = null) {
  const a = call({ version: 1, command: 'parse', policy: text });
  state.policyOrigins = origins;
  if (a.status !== 'ok') {
    showErrors(a.errors);
    $('policy-status').textContent = a.errors.map((e) => origin(e) + e.message).join(' · ');
    $('policy-status').className = 'status bad';
    return false;
  }
  state.policyText = text;
  state.policy = a.result.policy;
  $('policy-status').textContent = `${t('policyOk')}: ${state.policy.name} ${state.policy.version ?? ''} (${state.policy.services.length} / ${state.policy.departments.length})`;
  $('policy-status').className = 'status';
  return true;
}
function setCase(caseValue, period, origins = null) {
  state.caseOrigins = origins;
  const a = call({ version: 1, command: 'parse', policy: state.policyText, case: caseValue });
  if (a.status !== 'ok') { showErrors(a.errors); return false; }
  state.caseDoc = a.result.case;
  if (period) state.period = { ...period };
  renderInputs();
  recompute();
  return true;
}
function loadExample() {
  const examples = JSON.parse(exampleCases());
  const ex = examples.find((e) => e.name === $('example').value) ?? examples[0];
  if (setPolicy(examplePolicy())) setCase(ex.case, ex.period);
}
/** A case read from a workbook; if the core refuses it, it is still shown, with the errors at its fields. */
function setCaseFromWorkbook(wb) {
  if (!setCase(wb.case, null, wb.origins.case)) {
    state.caseDoc = wb.case;
    renderInputs();
    recompute();
  }
}
/** Problems with a workbook file itself, each at its cell ('politik.xlsx: departments!E1: …'). */
function workbookErrors(kind, messages) {
  showErrors(messages.map((message) => ({ kind: 'workbook', code: 'workbook', item: '', message })));
  if (kind === 'policy') { $('policy-status').textContent = messages.join(' · '); $('policy-status').className = 'status bad'; }
}
/** Loads a policy or a case file: TOML or JSON as text, a workbook (.xlsx, .xls, .ods) through the workbook module. */
async function loadFile(input, kind) {
  const f = input.files[0];
  if (!f) return;
  input.value = ''; // choosing the same file again loads it again
  const bytes = new Uint8Array(await f.arrayBuffer());
  if (!X.isWorkbook(f.name, bytes)) {
    const text = new TextDecoder().decode(bytes);
    if (kind === 'policy') { if (setPolicy(text) && state.caseDoc) setCase(state.caseDoc); } else setCase(text);
    return;
  }
  const wb = await X.readWorkbook(bytes);
  if (wb.errors.length) { workbookErrors(kind, wb.errors.map((e) => `${f.name}: ${e.text}`)); return; }
  if (kind === 'policy') {
    if (!wb.policy) { workbookErrors(kind, [`${f.name}: ${t('noPolicySheets')}`]); return; }
    if (!setPolicy(JSON.stringify(wb.policy), wb.origins.policy)) return;
    if (wb.case) setCaseFromWorkbook(wb); else if (state.caseDoc) setCase(state.caseDoc);
  } else {
    if (!wb.case) { workbookErrors(kind, [`${f.name}: ${t('noCaseSheets')}`]); return; }
    setCaseFromWorkbook(wb);
  }
}

// ---- Editing ------------------------------------------------------------------------------------
function inputCell(value, onChange, attrs = {}) {
  return el('td', {}, el('input', { value: value ?? '', ...attrs, oninput: (e) => onChange(e.target.value) }));
}
function selectCell(value, options, onChange, label) {
  const s = el('select', { 'aria-label': label, onchange: (e) => onChange(e.target.value) });
  for (const [v, text] of options) s.append(el('option', { value: v, text, ...(v === value ? { selected: '' } : {}) }));
  return el('td', {}, s);
}
function renderInputs() {
  const c = state.caseDoc;
  $('period-from').value = state.period.from ?? '';
  $('period-to').value = state.period.to ?? '';
  $('consent').checked = (c.consent ?? []).length > 0;
  const services = (state.policy?.services ?? []).map((s) => [s.id, `${s.id} — ${s.name}`]);
  const tb = $('services').tBodies[0];
  tb.replaceChildren();
  c.services.forEach((s, i) => {
    const set = (k) => (v) => { if (v === '' && k === 'to') delete s.to; else s[k] = v; recompute(); };
    const opts = services.some((o) => o[0] === s.service) ? services : [[s.service, s.service], ...services];
    tb.append(el('tr', { 'data-row': i },
      inputCell(s.id, set('id'), { 'data-field': 'id', 'aria-label': `${t('colId')} ${i + 1}` }),
      selectCell(s.service, opts, set('service'), `${t('colService')} ${i + 1}`),
      inputCell(s.amount, (v) => set('amount')(normalizeAmount(v)), { 'data-field': 'amount', 'aria-label': `${t('colAmount')} ${i + 1}`, inputmode: 'decimal' }),
      selectCell(s.per, [['month', t('month_')], ['year', t('year_')], ['once', t('once_')]], set('per'), `${t('colPer')} ${i + 1}`),
      inputCell(s.from, (v) => set('from')(normalizeDate(v)), { 'data-field': 'from', 'aria-label': `${t('colFrom')} ${i + 1}` }),
      inputCell(s.to, (v) => set('to')(normalizeDate(v)), { 'data-field': 'to', 'aria-label': `${t('colTo')} ${i + 1}` }),
      el('td', {}, el('button', { type: 'button', text: '×', 'aria-label': 'remove', onclick: () => { c.services.splice(i, 1); state.caseOrigins = null; renderInputs(); recompute(); } }))));
  });
  const ab = $('agreements').tBodies[0];
  ab.replaceChildren();
  (c.agreements ?? []).forEach((a, i) => {
    const set = (k) => (v) => { if (v === '' && k === 'to') delete a.to; else a[k] = v; recompute(); };
    const setShares = (v) => { a.shares = sharesOf(v, a.kind); recompute(); };
    ab.append(el('tr', { 'data-row': i },
      inputCell(a.id, set('id'), { 'data-field': 'id', 'aria-label': `agreement id ${i + 1}` }),
      inputCell(a.service, set('service'), { 'data-field': 'service', 'aria-label': `agreement line ${i + 1}` }),
      inputCell(a.from, (v) => set('from')(normalizeDate(v)), { 'data-field': 'from', 'aria-label': `agreement from ${i + 1}` }),
      inputCell(a.to, (v) => set('to')(normalizeDate(v)), { 'data-field': 'to', 'aria-label': `agreement to ${i + 1}` }),
      selectCell(a.kind, [['percent', 'percent'], ['weights', 'weights'], ['equal', 'equal'], ['sole', 'sole']], (v) => { a.kind = v; setShares(sharesText(a.shares)); }, `agreement kind ${i + 1}`),
      inputCell(sharesText(a.shares), setShares, { 'data-field': 'shares', 'aria-label': `agreement shares ${i + 1}` }),
      el('td', {}, el('button', { type: 'button', text: '×', 'aria-label': 'remove', onclick: () => { c.agreements.splice(i, 1); state.caseOrigins = null; renderInputs(); recompute(); } }))));
  });
}

// ---- Errors next to the offending field ---------------------------------------------------------
function errorTarget(e) {
  if (e.kind === 'policy') return null;
  const m = e.item.match(/^(services|agreements)\[(\d+)\](?:\.(\w+))?/);
  if (m) return { table: m[1], row: Number(m[2]), field: (m[3] ?? e.field ?? '').split(/[.[]/)[0] };
  const line = e.item.match(/service line '(.+)'/);
  if (line && state.caseDoc) return { table: 'services', row: state.caseDoc.services.findIndex((s) => s.id === line[1]), field: '' };
  if (e.item === 'period') return { id: 'period-from' };
  return null;
}
/** Where an item of a document loaded from a workbook came from ('departments, row 4: '), if it did. */
function origin(e) {
  const o = e.kind === 'policy' ? state.policyOrigins : state.caseOrigins;
  const m = o && e.item?.match(/^(\w+\[\d+\]|reimbursement)/);
  return m && o[m[1]] ? `${o[m[1]]}: ` : '';
}
function showErrors(errors) {
  document.querySelectorAll('.invalid').forEach((n) => { n.classList.remove('invalid'); n.removeAttribute('title'); n.removeAttribute('aria-invalid'); });
  const list = $('errors');
  list.replaceChildren(...errors.map((e) => el('li', { text: origin(e) + e.message, 'data-code': e.code })));
  for (const e of errors) {
    const target = errorTarget(e);
    let node = null;
    if (target?.id) node = $(target.id);
    else if (target && target.row >= 0) {
      const tr = $(target.table)?.tBodies[0].rows[target.row];
      node = tr?.querySelector(`[data-field="${target.field}"]`) ?? tr;
    }
    if (node) { node.classList.add('invalid'); node.setAttribute('title', e.message); node.setAttribute('aria-invalid', 'true'); }
  }
}

// ---- Computing ----------------------------------------------------------------------------------
/** The contract request for the current inputs. */
function buildRequest() {
  const request = { version: 1, command: 'split', lang: state.lang, policy: state.policyText, case: state.caseDoc };
  if (state.period.from && state.period.to) request.period = { from: state.period.from, to: state.period.to };
  // No period: an open-ended case is computed over the budget year of today (the library reads no clock).
  else request.today = new Date().toLocaleDateString('sv-SE');
  return request;
}
// Read-only hook for the end-to-end tests: the request the page computes, to replay it natively.
window.__fordeling = { request: () => JSON.parse(JSON.stringify(buildRequest())) };

function recompute() {
  if (!state.caseDoc) return;
  const request = buildRequest();
  const started = performance.now();
  // Every keystroke gets the summary (lines with amount, key and shares); the full answer with every
  // reason is computed when it is needed: a line opened, a download.
  const answer = call({ ...request, detail: 'summary' });
  const ms = performance.now() - started;
  state.answer = answer;
  state.full = null;
  if (answer.status !== 'ok') {
    showErrors(answer.errors);
    $('results').classList.add('stale');
    $('summary').textContent = t('stale');
    return;
  }
  showErrors([]);
  $('results').classList.remove('stale');
  state.result = answer.result;
  renderResult(ms);
}

function table(id, head, rows, numeric = []) {
  const tbl = $(id);
  tbl.replaceChildren(
    el('thead', {}, el('tr', {}, ...head.map((h, i) => el('th', { text: h, class: numeric.includes(i) ? 'num' : '' })))),
    el('tbody', {}, ...rows.map((r) => el('tr', {}, ...r.map((c, i) => el('td', { text: c, class: numeric.includes(i) ? 'num' : '' }))))),
  );
}

export function pie(title, items) {
  const positive = items.filter((i) => Number(i.amount) > 0);
  const total = positive.reduce((s, i) => s + Number(i.amount), 0);
  const fig = el('figure', { class: 'pie' });
  const svg = el('svg', { viewBox: '-110 -110 220 220', width: '220', height: '220', role: 'img', 'aria-label': title });
  svg.append(el('title', { text: title }));
  if (total <= 0) {
    fig.append(el('figcaption', { text: `${title}: ${t('noChart')}` }));
    return fig;
  }
  let angle = -Math.PI / 2;
  positive.forEach((item, i) => {
    const frac = Number(item.amount) / total;
    const label = `${item.label}: ${item.amount} (${(frac * 100).toFixed(1)} %)`;
    const color = COLORS[item.color ?? i % COLORS.length];
    if (frac >= 0.999999) {
      svg.append(el('circle', { r: '100', fill: color }, el('title', { text: label })));
    } else {
      const end = angle + frac * 2 * Math.PI;
      const large = frac > 0.5 ? 1 : 0;
      const d = `M0,0 L${100 * Math.cos(angle)},${100 * Math.sin(angle)} A100,100 0 ${large} 1 ${100 * Math.cos(end)},${100 * Math.sin(end)} Z`;
      svg.append(el('path', { d, fill: color, stroke: '#fff', 'stroke-width': '1' }, el('title', { text: label })));
      angle = end;
    }
  });
  const legend = el('ul', {}, ...positive.map((item, i) => el('li', {},
    el('svg', { width: '12', height: '12', 'aria-hidden': 'true' }, el('rect', { width: '12', height: '12', fill: COLORS[item.color ?? i % COLORS.length] })),
    ` ${item.label}: ${item.amount} (${((Number(item.amount) / total) * 100).toFixed(1)} %)`)));
  fig.append(svg, el('figcaption', { text: title }), legend);
  return fig;
}

function renderResult(ms) {
  const r = state.result;
  const depts = r.totals.by_department.map((d) => d.department);
  const color = (d) => depts.indexOf(d) % COLORS.length;
  $('summary').textContent = `${t('caseTotal')} ${r.case}: ${r.totals.case} kr. (${r.period.from} – ${r.period.to}), ${t('computedIn')} ${ms.toFixed(1)} ms`;
  $('summary').dataset.total = r.totals.case;
  $('pie-case').replaceWith(Object.assign(pie(`${r.case}: ${t('byDepartment').toLowerCase()}`,
    r.totals.by_department.map((d) => ({ label: `${d.department} ${d.name}`, amount: d.amount, color: color(d.department) }))), { id: 'pie-case' }));
  $('verdicts').replaceChildren(...r.eligibility.map((v) => el('li', { class: v.eligible ? 'yes' : 'no' },
    `${v.from} – ${v.to}: ${v.eligible ? t('eligible') : t('notEligible')} `,
    el('small', { text: v.criteria.map((c) => `${c.passed ? '✓' : '✗'} ${c.criterion} ${c.actual} (${c.required})`).join(' · ') }))));
  table('by-department', [t('department'), '', t('municipality'), t('amount')],
    r.totals.by_department.map((d) => [d.department, d.name, d.municipality, d.amount]), [3]);
  table('by-municipality', [t('municipality'), '', t('amount')], r.totals.by_municipality.map((m) => [m.municipality, `${m.name} (${m.code})`, m.amount]), [2]);
  table('by-month', [t('month'), ...depts, t('total')],
    [...r.totals.by_month.map((m) => [m.month, ...m.departments.map((d) => d.amount), m.amount]),
      [t('total'), ...r.totals.by_department.map((d) => d.amount), r.totals.case]], depts.map((_, i) => i + 1).concat([depts.length + 1]));
  const re = r.reimbursement;
  $('reimbursement-block').hidden = !re;
  if (re) {
    $('reimbursement-note').textContent = `${re.legal_basis} — ${t('household')}: ${re.cases.join(', ')}`;
    table('reimbursement', [t('department'), t('municipality'), t('gross'), t('refund'), t('net')],
      [...re.by_department.map((d) => [d.department, d.municipality, d.gross, d.reimbursement, d.net]),
        [t('total'), '', re.total.gross, re.total.reimbursement, re.total.net]], [2, 3, 4]);
    table('reimbursement-months', [t('month'), t('municipality'), t('counted'), t('income'), t('base'), t('refund')],
      re.months.map((m) => [m.month, m.municipality, m.counted, m.income, m.base, m.reimbursement]), [2, 3, 4, 5]);
  }
  // Per service line: the sum of its shares per department over the period (exact: øre as integers).
  const perLine = new Map();
  for (const l of r.lines) {
    const m = perLine.get(l.service_line) ?? new Map();
    for (const s of l.shares) m.set(s.department, (m.get(s.department) ?? 0n) + ore(s.amount));
    perLine.set(l.service_line, m);
  }
  $('pie-services').replaceChildren(...[...perLine].map(([line, m]) => pie(`${line} (${r.lines.find((l) => l.service_line === line).service})`,
    [...m].map(([d, v]) => ({ label: d, amount: money(v), color: color(d) })))));
  table('lines', [t('colLine'), t('colService'), t('month'), t('colFrom'), t('colTo'), t('amount'), t('key'), ...depts], r.lines.map((l) => [
    l.service_line, l.service, l.month, l.from, l.to, l.amount, l.key_id ? `${l.key_source}: ${l.key_id}` : l.key_source,
    ...depts.map((d) => l.shares.find((s) => s.department === d)?.amount ?? '')]), [5, ...depts.map((_, i) => i + 7)]);
  [...$('lines').tBodies[0].rows].forEach((tr, i) => { tr.tabIndex = 0; tr.addEventListener('click', () => explain(i)); tr.addEventListener('keydown', (e) => { if (e.key === 'Enter') explain(i); }); });
  $('tsv-out').value = tsv();
}

function ore(s) { const neg = s.startsWith('-'); const [i, f] = s.replace('-', '').split('.'); const v = BigInt(i) * 100n + BigInt(f); return neg ? -v : v; }
function money(v) { const neg = v < 0n; const a = neg ? -v : v; return `${neg ? '-' : ''}${a / 100n}.${String(a % 100n).padStart(2, '0')}`; }

// The full answer for the current inputs (computed once per change).
function fullAnswer() {
  if (!state.full) state.full = call(buildRequest());
  return state.full;
}

function explain(i) {
  const r = fullAnswer().result;
  const l = r.lines[i];
  const body = $('explain-body');
  const verdicts = l.verdicts.map((v) => r.eligibility[v]);
  const b = l.basis;
  const basis = b.per === 'once' ? `${t('once_')} ${b.granted}` : b.per === 'year'
    ? `${b.granted} / ${t('year_')}, ${t('month_')} ${b.service_year_month}: ${b.month_amount}${b.days !== b.days_in_month ? ` × ${b.days}/${b.days_in_month} ${t('days')}` : ''}`
    : `${b.granted} / ${t('month_')}${b.days !== b.days_in_month ? ` × ${b.days}/${b.days_in_month} ${t('days')}` : ''}`;
  body.replaceChildren(
    el('h3', { text: `${l.service_line} ${l.service_name} ${l.from} – ${l.to}` }),
    el('p', { text: `${t('amount')}: ${l.amount} (${t('exact')} ${l.exact_amount})` }),
    el('p', { text: `${t('basis')}: ${basis}` }),
    el('p', { text: `${t('verdict')}: ${l.eligible ? t('eligible') : t('notEligible')} — ${verdicts.map((v) => v.criteria.map((c) => `${c.passed ? '✓' : '✗'} ${c.criterion}=${c.actual}`).join(', ')).join(' | ')}` }),
    el('p', { text: `${t('legal')}: ${l.legal_basis}` }),
    el('p', { text: `${t('authority')}: ${l.authority.department} ${l.authority.department_name} (${l.authority.municipality}; ${l.authority.rule}${l.authority.arrangement ? ' ' + l.authority.arrangement : ''})` }),
    el('p', { text: `${t('payer')}: ${l.payer.department} ${l.payer.department_name} (${l.payer.municipality}; ${l.payer.rule})` }),
    el('p', { text: `${t('key')}: ${l.key.source}${l.key.id ? ' ' + l.key.id : ''} (${l.key.kind}${l.key.validity.from ? ', ' + l.key.validity.from : ''}${l.key.validity.to ? ' – ' + l.key.validity.to : ''}): ${l.key.reason}` }),
    el('table', { class: 'data' }, el('tbody', {}, ...l.shares.map((s) => el('tr', {},
      el('td', { text: s.department }), el('td', { class: 'num', text: s.weight }), el('td', { class: 'num', text: s.amount }),
      el('td', { text: `${t('exact')} ${s.exact}` }), el('td', { text: s.leftover_ore ? t('leftover') : '' }))))),
  );
  $('explain').hidden = false;
}

// ---- Output -------------------------------------------------------------------------------------
function tsv() {
  // Month by department, with the decimal separator a spreadsheet in the chosen language expects.
  const r = state.result;
  const dec = (s) => (state.lang === 'da' ? s.replace('.', ',') : s);
  const depts = r.totals.by_department.map((d) => d.department);
  const rows = [[t('month'), ...depts, t('total')], ...r.totals.by_month.map((m) => [m.month, ...m.departments.map((d) => dec(d.amount)), dec(m.amount)]),
    [t('total'), ...r.totals.by_department.map((d) => dec(d.amount)), dec(r.totals.case)]];
  return rows.map((row) => row.join('\t')).join('\n');
}
function csv() {
  const q = (s) => (/[",\n]/.test(s) ? `"${String(s).replace(/"/g, '""')}"` : String(s));
  const rows = [['case', 'service_line', 'service', 'month', 'from', 'to', 'line_amount', 'department', 'municipality', 'share', 'exact', 'leftover_ore', 'key_source', 'key_id', 'eligible']];
  const r = fullAnswer().result;
  for (const l of r.lines) for (const s of l.shares) {
    rows.push([r.case, l.service_line, l.service, l.month, l.from, l.to, l.amount, s.department, s.municipality, s.amount, s.exact, s.leftover_ore, l.key.source, l.key.id ?? '', l.eligible]);
  }
  return rows.map((r) => r.map(q).join(',')).join('\n') + '\n';
}
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/**
 * The result as a workbook, made by the workbook module from the same request: a sheet per view
 * (department with a native pie chart, municipality, month, lines, eligibility, reimbursement), totals
 * as SUM formulas with their exact values cached, and the case's own sheets, so the workbook can be
 * loaded again as the case.
 */
function resultWorkbook() {
  return X.resultWorkbook(buildRequest());
}
/** The loaded policy and case as a template workbook (the layout the reader reads). */
function templateWorkbook() {
  return X.templateWorkbook({ version: 1, command: 'parse', policy: state.policyText, case: state.caseDoc });
}
/** Downloads a workbook; if the library refuses the documents, its errors are shown instead. */
async function downloadWorkbook(name, make) {
  let bytes;
  try {
    bytes = await make();
  } catch (e) {
    let errors;
    try { errors = JSON.parse(e.message).errors; } catch { errors = [{ kind: 'workbook', code: 'workbook', item: '', message: String(e.message ?? e) }]; }
    showErrors(errors);
    return;
  }
  download(name, bytes, XLSX_TYPE);
}
function download(name, text, type) {
  const a = el('a', { href: URL.createObjectURL(new Blob([text], { type })), download: name });
  document.body.append(a);
  a.click();
  a.remove();
}

function applyLang(lang) {
  state.lang = lang;
  document.documentElement.lang = lang;
  document.querySelectorAll('[data-t]').forEach((n) => { n.textContent = t(n.dataset.t); });
  if (state.caseDoc) { renderInputs(); recompute(); }
}

async function main() {
  await init();
  engine = new Engine();
  const examples = JSON.parse(exampleCases());
  $('example').replaceChildren(...examples.map((e) => el('option', { value: e.name, text: e.name })));
  $('lang-da').addEventListener('click', () => applyLang('da'));
  $('lang-en').addEventListener('click', () => applyLang('en'));
  $('load-example').addEventListener('click', loadExample);
  $('policy-file').addEventListener('change', (e) => loadFile(e.target, 'policy'));
  $('case-file').addEventListener('change', (e) => loadFile(e.target, 'case'));
  $('period-from').addEventListener('input', (e) => { state.period.from = normalizeDate(e.target.value); recompute(); });
  $('period-to').addEventListener('input', (e) => { state.period.to = normalizeDate(e.target.value); recompute(); });
  $('consent').addEventListener('change', (e) => {
    state.caseDoc.consent = e.target.checked ? [{ from: state.caseDoc.child.birth_date }] : [];
    recompute();
  });
  $('add-service').addEventListener('click', () => {
    const first = state.policy?.services[0]?.id ?? '';
    state.caseOrigins = null;
    state.caseDoc.services.push({ id: `s${state.caseDoc.services.length + 1}`, service: first, amount: '0.00', per: 'month', from: state.period.from || '2024-01-01' });
    renderInputs(); recompute();
  });
  $('add-agreement').addEventListener('click', () => {
    state.caseDoc.agreements = state.caseDoc.agreements ?? [];
    state.caseOrigins = null;
    state.caseDoc.agreements.push({ id: `a${state.caseDoc.agreements.length + 1}`, service: state.caseDoc.services[0]?.id ?? '', from: state.period.from || '2024-01-01', kind: 'percent', shares: [] });
    renderInputs(); recompute();
  });
  $('use-paste').addEventListener('click', () => {
    const rows = parseTsv($('paste').value);
    state.caseDoc.services = rows;
    state.caseOrigins = null;
    state.caseDoc.agreements = (state.caseDoc.agreements ?? []).filter((a) => rows.some((r) => r.id === a.service));
    $('paste-status').textContent = `${rows.length} ${t('pasted')}`;
    renderInputs(); recompute();
  });
  $('copy-tsv').addEventListener('click', async () => {
    $('tsv-out').select();
    try { await navigator.clipboard.writeText($('tsv-out').value); $('paste-status').textContent = t('copied'); } catch { document.execCommand?.('copy'); }
  });
  $('download-csv').addEventListener('click', () => download(`fordeling-${state.result.case}.csv`, csv(), 'text/csv'));
  $('download-xlsx').addEventListener('click', () => downloadWorkbook(`fordeling-${state.result.case}.xlsx`, resultWorkbook));
  $('download-template').addEventListener('click', () => downloadWorkbook(`fordeling-${state.lang === 'da' ? 'skabelon' : 'template'}.xlsx`, templateWorkbook));
  $('download-json').addEventListener('click', () => download(`fordeling-${state.result.case}.json`, JSON.stringify(fullAnswer(), null, 2), 'application/json'));
  $('close-explain').addEventListener('click', () => { $('explain').hidden = true; });
  applyLang('da');
  loadExample();
  if ('serviceWorker' in navigator && location.protocol !== 'file:') navigator.serviceWorker.register('sw.js').catch(() => {});
  document.body.dataset.ready = 'true';
}

main();
