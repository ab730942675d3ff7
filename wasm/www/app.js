// The controller's page. All computing is done by the WebAssembly module through the JSON contract
// (`handle`); this file only keeps the inputs, builds requests and shows answers. No data leaves the
// browser: the Content-Security-Policy allows no request to any other origin.
import init, { Engine, examplePolicy, exampleCases } from './pkg/fordeling_wasm.js';
import * as X from './xlsx.js';
import { normalizeAmount, normalizeDate, normalizePer, sharesOf, sharesText } from './xlsx.js';
import { csvField, tsvRow } from './cells.js';
import { History, load, save } from './store.js';
import { VERSION, watchUpdates } from './update.js';
import { $, el, table } from './dom.js';
import { reassess } from './reassess.js';
import { emptyCase, renderCaseForm, renderNewCaseScreen } from './casefields.js';
import { T } from './texts.js';

/** The largest file the page reads (the workbook reader's own limit, MAX_WORKBOOK_BYTES). */
const MAX_FILE_MB = 20;

const state = {
  lang: 'da', policyText: '', policy: null, policyOrigins: null, caseOrigins: null, caseDoc: null, period: { from: '', to: '' },
  answer: null, result: null, full: null,
  // The last good computation: its request and answer (downloads and explanations of a stale result use it).
  good: null,
  // Consent periods taken away by unticking the checkbox (ticking again puts them back as they were).
  consentRemoved: null,
  updateWaiting: false,
  // The key of the current case in the portfolio of saved cases.
  workKey: null,
  // The case before the last re-assessment on the page (what the comparison compares with).
  previousCase: null,
  loaded: null,
};
const history = new History();
const t = (k) => T[state.lang][k] ?? k;
const COLORS = X.COLORS.map((c) => `#${c}`);

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
  // A header cell as the page writes it ('Beløb (kr.)', 'Amount (DKK)') or bare ('beløb').
  const column = (c) => names[c.trim().toLowerCase().replace(/\s*\(.*\)$/, '')] ?? null;
  if (rows[0].some(column)) cols = rows.shift().map(column);
  return rows.map((r) => {
    const s = {};
    cols.forEach((c, j) => { if (c && r[j] !== undefined && r[j].trim() !== '') s[c] = r[j].trim(); });
    const line = { id: s.id ?? '', service: s.service || '', amount: normalizeAmount(s.amount ?? ''), per: normalizePer(s.per ?? ''), from: normalizeDate(s.from ?? '') };
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
  state.consentRemoved = null;
  state.previousCase = null;
  if (period) state.period = { ...period };
  renderInputs();
  changed();
  return true;
}
/** Whether the case on the page holds work that a load would replace (edited since it was loaded). */
function hasWork() {
  return state.caseDoc !== null && snapshot() !== state.loaded;
}
function loadExample() {
  if (hasWork() && !window.confirm(t('confirmExample'))) return;
  const examples = JSON.parse(exampleCases());
  const ex = examples.find((e) => e.name === $('example').value) ?? examples[0];
  if (setPolicy(examplePolicy()) && setCase(ex.case, ex.period)) startWork();
}
/** A case read from a workbook; if the core refuses it, it is still shown, with the errors at its fields. */
function setCaseFromWorkbook(wb) {
  if (!setCase(wb.case, null, wb.origins.case)) {
    state.caseDoc = wb.case;
    renderInputs();
    changed();
  }
}
/** A problem with a workbook as the user reads it: a size limit in their language, naming the file. */
function workbookProblem(file, e) {
  const limit = e.limit && T[state.lang].limit?.[e.limit];
  return `${file}: ${limit ? `${e.place ? `${e.place}: ` : ''}${limit}` : e.text}`;
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
  if (f.size > MAX_FILE_MB * 1024 * 1024) {
    const mb = (f.size / 1024 / 1024).toLocaleString(state.lang === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: 1 });
    workbookErrors(kind, [t('tooLarge')(f.name, mb, MAX_FILE_MB)]);
    return;
  }
  if (kind === 'case' && hasWork() && !window.confirm(t('confirmFile'))) return;
  const bytes = new Uint8Array(await f.arrayBuffer());
  if (!X.isWorkbook(f.name, bytes)) {
    const text = new TextDecoder().decode(bytes);
    if (kind === 'policy') { if (setPolicy(text) && state.caseDoc) setCase(state.caseDoc); } else if (setCase(text)) startWork();
    return;
  }
  let wb;
  try {
    wb = await X.readWorkbook(bytes);
  } catch (e) {
    workbookErrors(kind, [e.timeout ? t('timeout')(f.name) : `${f.name}: ${e.message}`]);
    return;
  }
  if (wb.errors.length) { workbookErrors(kind, wb.errors.map((e) => workbookProblem(f.name, e))); return; }
  if (kind === 'policy') {
    if (!wb.policy) { workbookErrors(kind, [`${f.name}: ${t('noPolicySheets')}`]); return; }
    if (!setPolicy(JSON.stringify(wb.policy), wb.origins.policy)) return;
    if (wb.case) setCaseFromWorkbook(wb); else if (state.caseDoc) setCase(state.caseDoc);
  } else {
    if (!wb.case) { workbookErrors(kind, [`${f.name}: ${t('noCaseSheets')}`]); return; }
    setCaseFromWorkbook(wb);
    startWork();
  }
}

// ---- Editing ------------------------------------------------------------------------------------
// A cell carries its column's name (data-label), shown before the value when a narrow screen stacks the row as a card.
function inputCell(value, onChange, attrs = {}) {
  return el('td', { 'data-label': attrs['aria-label']?.replace(/ \d+$/, '') ?? '' }, el('input', { value: value ?? '', ...attrs, oninput: (e) => onChange(e.target.value) }));
}
function selectCell(value, options, onChange, label, attrs = {}) {
  const s = el('select', { 'aria-label': label, ...attrs, onchange: (e) => onChange(e.target.value) });
  for (const [v, text] of options) s.append(el('option', { value: v, text, ...(v === value ? { selected: '' } : {}) }));
  return el('td', { 'data-label': label.replace(/ \d+$/, '') }, s);
}
/** What a service line's amount may be per: month, year, once, day (døgntakst), week, hour and unit (rate × quantity). */
const PERS = ['month', 'year', 'once', 'day', 'week', 'hour', 'unit'];
const EVERY = ['day', 'week', 'month', 'year', 'once'];
/** A machine number or date as an input shows it in the page's language (Danish 3.400,50 and 31-01-2024); typing reads both. */
const shownInput = (v) => (v === undefined || v === null ? '' : shownNumber(shownDate(String(v))));
function renderInputs() {
  const c = state.caseDoc;
  $('period-from').value = shownInput(state.period.from);
  $('period-to').value = shownInput(state.period.to);
  $('consent').checked = (c.consent ?? []).length > 0;
  reassessLines();
  renderCaseForm($('case-form'), c, formContext());
  const services = (state.policy?.services ?? []).map((s) => [s.id, s.name]);
  const tb = $('services').tBodies[0];
  tb.replaceChildren();
  c.services.forEach((s, i) => {
    const set = (k) => (v) => { if (v === '' && k === 'to') delete s.to; else s[k] = v; changed(`services.${i}.${k}`); };
    const opts = services.some((o) => o[0] === s.service) ? services : [[s.service, s.service], ...services];
    tb.append(el('tr', { 'data-row': i },
      inputCell(s.id, set('id'), { 'data-field': 'id', 'aria-label': `${t('colId')} ${i + 1}` }),
      selectCell(s.service, opts, set('service'), `${t('colService')} ${i + 1}`),
      inputCell(shownInput(s.amount), (v) => set('amount')(normalizeAmount(v)), { 'data-field': 'amount', 'aria-label': `${t('colAmount')} ${i + 1}`, inputmode: 'decimal' }),
      selectCell(s.per, PERS.map((p) => [p, word('per', p)]), (v) => setPer(s, i, v), `${t('colPer')} ${i + 1}`, { 'data-field': 'per' }),
      rateCell(inputCell(shownInput(s.quantity), (v) => set('quantity')(normalizeAmount(v)),
        { 'data-field': 'quantity', 'aria-label': `${t('colQuantity')} ${i + 1}`, inputmode: 'decimal', ...(rated(s) ? {} : { disabled: '' }) })),
      rateCell(selectCell(s.every ?? 'once', EVERY.map((e) => [e, word('every', e)]), set('every'), `${t('colEvery')} ${i + 1}`,
        { 'data-field': 'every', ...(rated(s) ? {} : { disabled: '' }) })),
      inputCell(shownInput(s.from), (v) => set('from')(normalizeDate(v)), { 'data-field': 'from', 'aria-label': `${t('colFrom')} ${i + 1}` }),
      inputCell(shownInput(s.to), (v) => set('to')(normalizeDate(v)), { 'data-field': 'to', 'aria-label': `${t('colTo')} ${i + 1}` }),
      el('td', {}, el('button', { type: 'button', text: '×', 'aria-label': `${t('remove')} ${s.id}`, onclick: () => removeRow('services', i) }))));
  });
  // The columns of rates (quantity, how often) only when a line is priced per hour or unit.
  $('services').classList.toggle('no-rates', !c.services.some(rated));
  const ab = $('agreements').tBodies[0];
  ab.replaceChildren();
  (c.agreements ?? []).forEach((a, i) => {
    const set = (k) => (v) => { if (v === '' && k === 'to') delete a.to; else a[k] = v; changed(`agreements.${i}.${k}`); };
    const setShares = (v) => { a.shares = sharesOf(departmentIds(v), a.kind); changed(`agreements.${i}.shares`); };
    const lines = c.services.map((l) => [l.id, `${l.id} — ${serviceName(l.service)}`]);
    ab.append(el('tr', { 'data-row': i },
      inputCell(a.id, set('id'), { 'data-field': 'id', 'aria-label': `${t('colId')} ${i + 1}` }),
      selectCell(a.service, lines.some((o) => o[0] === a.service) ? lines : [[a.service, a.service], ...lines], set('service'), `${t('colLine')} ${i + 1}`),
      inputCell(shownInput(a.from), (v) => set('from')(normalizeDate(v)), { 'data-field': 'from', 'aria-label': `${t('colFrom')} ${i + 1}` }),
      inputCell(shownInput(a.to), (v) => set('to')(normalizeDate(v)), { 'data-field': 'to', 'aria-label': `${t('colTo')} ${i + 1}` }),
      selectCell(a.kind, KINDS.map((k) => [k, word('kind', k)]), (v) => { a.kind = v; setShares(sharesText(a.shares)); }, `${t('colKind')} ${i + 1}`, { 'data-field': 'kind' }),
      inputCell(sharesShown(a.shares), setShares, { 'data-field': 'shares', 'aria-label': `${t('colShares')} ${i + 1}`, title: sharesShown(a.shares) }),
      el('td', {}, el('button', { type: 'button', text: '×', 'aria-label': `${t('remove')} ${a.id}`, onclick: () => removeRow('agreements', i) }))));
  });
}
/** The key kinds of the policy's format (KeyKind). */
const KINDS = ['percent', 'weights', 'equal', 'sole'];
/** Whether a service line is priced per hour or unit (rate × quantity). */
const rated = (s) => s.per === 'hour' || s.per === 'unit';
/** A cell of the rate columns (hidden while no line has a rate). */
const rateCell = (td) => { td.classList.add('rate'); return td; };
/** A new unit for a service line: hours and units need a quantity (1 to start) and how often; others have none. */
function setPer(s, i, per) {
  s.per = per;
  if (rated(s)) { s.quantity ??= '1'; s.every ??= 'week'; } else { delete s.quantity; delete s.every; }
  state.caseOrigins = null;
  renderInputs();
  changed(`services.${i}.per`);
}
/** An agreement's shares as the page shows them: departments by name, numbers the page's way ('Center for …=60'). */
function sharesShown(shares) {
  return (shares ?? []).map((s) => {
    const who = s.department ? deptName(s.department) : (s.sector ?? '');
    const v = s.percent ?? s.weight;
    return v === undefined ? who : `${who}=${shownNumber(v)}`;
  }).join('; ');
}
/** The name of a service of the policy (or its id when the policy has no such service). */
function serviceName(id) {
  return state.policy?.services.find((s) => s.id === id)?.name ?? id;
}
/** Shares typed against department names ('Børn og Familie=60; …') with the names as the departments' ids. */
function departmentIds(text) {
  const byName = new Map((state.policy?.departments ?? []).map((d) => [d.name.trim().toLowerCase(), d.id]));
  return String(text).split(';').map((part) => {
    const [who, ...rest] = part.split('=');
    const id = byName.get(who.trim().toLowerCase());
    return id ? [` ${id}`, ...rest].join('=') : part;
  }).join(';');
}
/** What the case form (casefields.js) needs from the page. */
function formContext() {
  return { t, policy: state.policy, changed, shown: shownInput, structural: () => { state.caseOrigins = null; renderInputs(); changed(); } };
}
/** "Ny sag": an empty case; a first screen asks for what is required, then the whole form is there. */
function newCase() {
  if (hasWork() && !window.confirm(t('confirmNew'))) return;
  const draft = emptyCase();
  $('new-case-screen').hidden = false;
  renderNewCaseScreen($('new-case-screen'), draft, formContext(), () => {
    $('new-case-screen').hidden = true;
    state.caseDoc = draft;
    Object.assign(state, { caseOrigins: null, previousCase: null, consentRemoved: null });
    renderInputs();
    changed();
    startWork();
    $('add-service').focus();
  });
}
/** Removes a row of the services or agreements; the focus goes to the row that takes its place. */
function removeRow(table, i) {
  state.caseDoc[table].splice(i, 1);
  state.caseOrigins = null;
  renderInputs();
  changed();
  const rows = $(table).tBodies[0].rows;
  const next = rows[Math.min(i, rows.length - 1)];
  (next?.querySelector('button') ?? $(table === 'services' ? 'add-service' : 'add-agreement')).focus();
}
/** An id not yet taken: the prefix and the smallest number free ('s3' after 's1', 's2'). */
function freshId(prefix, taken) {
  const ids = new Set(taken);
  let n = 1;
  while (ids.has(`${prefix}${n}`)) n += 1;
  return `${prefix}${n}`;
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
  if (answer.status !== 'ok') {
    showErrors(answer.errors);
    $('results').classList.add('stale');
    $('summary').textContent = t('stale');
    outputsFor();
    return;
  }
  showErrors([]);
  $('results').classList.remove('stale');
  state.result = answer.result;
  // A copy: the request holds the case document itself, which the next edit changes.
  state.good = { request: structuredClone(request), result: answer.result };
  state.full = null;
  renderResult(ms);
  renderComparison();
  if ($('postings-box').open) renderPostings();
  outputsFor();
}
/** Whether the result shown is stale: the inputs have errors, the last good result is shown. */
function isStale() {
  return state.answer?.status !== 'ok';
}
/** The downloads and the copy act on the last good result: labelled so when it is stale, off when there is none. */
function outputsFor() {
  const stale = isStale() && state.good !== null;
  for (const id of ['copy-tsv', 'download-csv', 'download-json', 'download-xlsx']) {
    $(id).disabled = state.good === null;
    $(id).title = stale ? t('lastGood') : '';
  }
  $('outputs-note').textContent = stale ? t('lastGoodNote') : '';
}
/** A download's file name: the case, and a label when it is the last good result of inputs with errors. */
function fileName(ext) {
  const tag = isStale() ? `-${state.lang === 'da' ? 'sidste-gyldige' : 'last-valid'}` : '';
  return `fordeling-${state.good.result.case}${tag}.${ext}`;
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
    const label = `${item.label}: ${shownNumber(item.amount)} (${shownNumber((frac * 100).toFixed(1))} %)`;
    const color = COLORS[i % COLORS.length];
    if (frac >= 0.999999) {
      svg.append(el('circle', { r: '100', fill: color }, el('title', { text: label })));
    } else {
      const end = angle + frac * 2 * Math.PI;
      const large = frac > 0.5 ? 1 : 0;
      const d = `M0,0 L${100 * Math.cos(angle)},${100 * Math.sin(angle)} A100,100 0 ${large} 1 ${100 * Math.cos(end)},${100 * Math.sin(end)} Z`;
      svg.append(el('path', { d, fill: color, stroke: '#fff', 'stroke-width': '2' }, el('title', { text: label })));
      angle = end;
    }
  });
  const legend = el('ul', {}, ...positive.map((item, i) => el('li', {},
    el('svg', { width: '12', height: '12', 'aria-hidden': 'true' }, el('rect', { width: '12', height: '12', fill: COLORS[i % COLORS.length] })),
    ` ${item.label}: ${shownNumber(item.amount)} (${shownNumber(((Number(item.amount) / total) * 100).toFixed(1))} %)`)));
  fig.append(svg, el('figcaption', { text: title }), legend);
  return fig;
}

/** A number as the library writes it (1234.56), in the page's language (Danish 1.234,56); exact, as text. */
function shownNumber(x) {
  if (state.lang !== 'da' || !/^-?\d+(\.\d+)?$/.test(x)) return x;
  const [int, frac] = x.replace('-', '').split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${x.startsWith('-') ? '-' : ''}${grouped}${frac === undefined ? '' : ',' + frac}`;
}
/** A date YYYY-MM-DD or a month YYYY-MM in the page's language (Danish 31-01-2024, 01-2024). */
function shownDate(d) {
  return state.lang === 'da' && /^\d{4}-\d{2}(-\d{2})?$/.test(d ?? '') ? d.split('-').reverse().join('-') : d;
}
/** A department's name in the policy (its id when the policy has no such department). */
function deptName(id) {
  return state.policy?.departments.find((d) => d.id === id)?.name ?? id;
}
/** A municipality's name in the policy (its id when the policy has no such municipality). */
function muniName(id) {
  return state.policy?.municipalities.find((m) => m.id === id)?.name ?? id;
}
/**
 * A cross-municipality arrangement in words, as the policy declares it (it has no name): the granting
 * municipality, the one it grants for and its sector areas ("Ishøj Kommune → Vallensbæk Kommune, Børn og
 * familie (social)"); its id when the policy has no such arrangement.
 */
function arrangementName(id) {
  const a = state.policy?.arrangements?.find((x) => x.id === id);
  return a ? `${muniName(a.grantor)} → ${muniName(a.on_behalf_of)}, ${a.sectors.map((s) => word('sector', s)).join(', ')}` : id;
}
/** A code of the answer in words ('percent' -> 'procent'), from the page's catalogue; the code if it has none. */
function word(prefix, code) {
  return T[state.lang][`${prefix}_${code}`] ?? code;
}
/** A criterion of a verdict in words: its name, the value found and the requirement (no codes). */
function criterionText(c) {
  const value = (x) => (x === 'true' ? t('yes') : x === 'false' ? t('no') : x === 'none' ? t('crit_none')
    : T[state.lang][`value_${x}`] ?? (c.criterion === 'municipality' ? muniName(x) : shownNumber(shownDate(x))));
  return `${c.passed ? '✓' : '✗'} ${t('crit_' + c.criterion)}: ${value(c.actual)} (${t('required').toLowerCase()} ${value(c.required)})`;
}

function renderResult(ms) {
  const r = state.result;
  const depts = r.totals.by_department.map((d) => d.department);
  const old = state.updateWaiting ? ` — ${t('oldVersion')} (${t('version')} ${VERSION})` : '';
  $('summary').textContent = `${t('caseTotal')} ${r.case}: ${shownNumber(r.totals.case)} kr. (${shownDate(r.period.from)} – ${shownDate(r.period.to)}), ${t('computedIn')} ${shownNumber(ms.toFixed(1))} ms${old}`;
  $('summary').dataset.total = r.totals.case;
  $('pie-case').replaceWith(Object.assign(pie(`${r.case}: ${t('byDepartment').toLowerCase()}`,
    r.totals.by_department.map((d) => ({ label: d.name, amount: d.amount }))), { id: 'pie-case' }));
  $('verdicts').replaceChildren(...r.eligibility.map((v) => el('li', { class: v.eligible ? 'yes' : 'no' },
    `${shownDate(v.from)} – ${shownDate(v.to)}: ${v.eligible ? t('eligible') : t('notEligible')} `,
    el('small', { text: v.criteria.map(criterionText).join(' · ') }))));
  const n = shownNumber;
  const names = depts.map(deptName);
  table('by-department', [t('department'), t('municipality'), t('amount')],
    r.totals.by_department.map((d) => [d.name, muniName(d.municipality), n(d.amount)]), [2]);
  table('by-municipality', [t('municipality'), t('code'), t('amount')], r.totals.by_municipality.map((m) => [m.name, String(m.code), n(m.amount)]), [2]);
  table('by-month', [t('month'), ...names, t('total')],
    [...r.totals.by_month.map((m) => [shownDate(m.month), ...m.departments.map((d) => n(d.amount)), n(m.amount)]),
      [t('total'), ...r.totals.by_department.map((d) => n(d.amount)), n(r.totals.case)]], depts.map((_, i) => i + 1).concat([depts.length + 1]));
  const re = r.reimbursement;
  $('reimbursement-block').hidden = !re;
  if (re) {
    $('reimbursement-note').textContent = `${re.legal_basis} — ${t('household')}: ${re.cases.join(', ')}`;
    table('reimbursement', [t('department'), t('municipality'), t('gross'), t('refund'), t('net')],
      [...re.by_department.map((d) => [deptName(d.department), muniName(d.municipality), n(d.gross), n(d.reimbursement), n(d.net)]),
        [t('total'), '', n(re.total.gross), n(re.total.reimbursement), n(re.total.net)]], [2, 3, 4]);
    table('reimbursement-months', [t('month'), t('municipality'), t('counted'), t('income'), t('base'), t('refund')],
      re.months.map((m) => [shownDate(m.month), muniName(m.municipality), n(m.counted), n(m.income), n(m.base), n(m.reimbursement)]), [2, 3, 4, 5]);
  }
  // Per service line: the sum of its shares per department over the period (exact: øre as integers).
  const perLine = new Map();
  for (const l of r.lines) {
    const m = perLine.get(l.service_line) ?? new Map();
    for (const s of l.shares) m.set(s.department, (m.get(s.department) ?? 0n) + ore(s.amount));
    perLine.set(l.service_line, m);
  }
  renderByService(r, perLine, depts);
  renderCover(r);
  $('pie-services').replaceChildren(...[...perLine].map(([line, m]) => pie(`${line} (${serviceName(r.lines.find((l) => l.service_line === line).service)})`,
    [...m].map(([d, v]) => ({ label: deptName(d), amount: money(v) })))));
  table('lines', [t('colLine'), t('colService'), t('month'), t('colFrom'), t('colTo'), t('amount'), t('key'), ...names], r.lines.map((l) => [
    l.service_line, serviceName(l.service), shownDate(l.month), shownDate(l.from), shownDate(l.to), n(l.amount),
    l.key_id ? `${word('source', l.key_source)}: ${l.key_id}` : word('source', l.key_source),
    ...depts.map((d) => n(l.shares.find((s) => s.department === d)?.amount ?? ''))]), [5, ...depts.map((_, i) => i + 7)]);
  [...$('lines').tBodies[0].rows].forEach((tr, i) => { tr.tabIndex = 0; tr.addEventListener('click', () => explain(i)); tr.addEventListener('keydown', (e) => { if (e.key === 'Enter') explain(i); }); });
  $('tsv-out').value = tsv();
}

/** The per service × department table: a row per service line, a column per department, totals. */
function renderByService(r, perLine, depts) {
  const serviceNames = new Map((state.policy?.services ?? []).map((s) => [s.id, s.name]));
  const names = new Map(r.lines.map((l) => [l.service_line, serviceNames.get(l.service) ?? l.service]));
  const rows = [...perLine].map(([line, m]) => {
    const total = [...m.values()].reduce((a, b) => a + b, 0n);
    return [line, names.get(line) ?? '', ...depts.map((d) => (m.has(d) ? shownNumber(money(m.get(d))) : '')), shownNumber(money(total))];
  });
  rows.push([t('total'), '', ...r.totals.by_department.map((d) => shownNumber(d.amount)), shownNumber(r.totals.case)]);
  table('by-service', [t('colLine'), t('colService'), ...depts.map(deptName), t('total')], rows, depts.map((_, i) => i + 2).concat([depts.length + 2]));
}
/** The cover of the printed result: case, period, policy and its version, date of computing, sign-off. */
function renderCover(r) {
  const date = new Date().toLocaleDateString('da-DK', { day: '2-digit', month: '2-digit', year: 'numeric' }).replace(/\./g, '-');
  const item = (k, v) => [el('dt', { text: t(k) }), el('dd', { text: v })];
  $('cover').replaceChildren(
    el('h1', { text: `${t('coverTitle')} — ${r.case}` }),
    el('dl', {}, ...item('caseLabel', r.case), ...item('period', `${shownDate(r.period.from)} – ${shownDate(r.period.to)}`),
      ...item('policy', `${state.policy?.name ?? ''} ${state.policy?.version ?? ''}`.trim()), ...item('calculated', `${date} (${t('version')} ${VERSION})`),
      ...item('caseTotal', `${shownNumber(r.totals.case)} kr.`)),
    el('div', { class: 'sign' }, ...['preparedBy', 'date', 'approvedBy', 'date'].map((k) => el('span', { text: t(k) }))),
  );
}

function ore(s) { const neg = s.startsWith('-'); const [i, f] = s.replace('-', '').split('.'); const v = BigInt(i) * 100n + BigInt(f); return neg ? -v : v; }
function money(v) { const neg = v < 0n; const a = neg ? -v : v; return `${neg ? '-' : ''}${a / 100n}.${String(a % 100n).padStart(2, '0')}`; }

// The full answer of the last good result (computed once per good result).
function fullAnswer() {
  if (!state.full) state.full = call(state.good.request);
  return state.full;
}

function explain(i) {
  const r = fullAnswer().result;
  const note = isStale() ? el('p', { class: 'status bad', text: t('lastGoodNote') }) : null;
  const l = r.lines[i];
  const body = $('explain-body');
  const verdicts = l.verdicts.map((v) => r.eligibility[v]);
  const b = l.basis;
  const n = shownNumber;
  const days = b.days !== b.days_in_month ? ` × ${b.days}/${b.days_in_month} ${t('days')}` : '';
  const rate = b.quantity ? ` × ${n(b.quantity)} ${word('every', b.every ?? 'once')}` : '';
  const basis = b.per === 'once' ? `${t('once_')} ${n(b.granted)}${rate}` : b.per === 'year'
    ? `${n(b.granted)} / ${t('year_')}, ${t('month_')} ${b.service_year_month}: ${n(b.month_amount)}${days}`
    : `${n(b.granted)} / ${word('per', b.per)}${rate}${days}`;
  const who = (p) => `${p.department_name} (${muniName(p.municipality)}; ${word('rule', p.rule)}${p.arrangement ? ' ' + arrangementName(p.arrangement) : ''})`;
  const k = l.key;
  const validity = `${k.validity.from ? ', ' + shownDate(k.validity.from) : ''}${k.validity.to ? ' – ' + shownDate(k.validity.to) : ''}`;
  body.replaceChildren(
    ...(note ? [note] : []),
    el('h3', { text: `${l.service_line} ${l.service_name} ${shownDate(l.from)} – ${shownDate(l.to)}` }),
    el('p', { text: `${t('amount')}: ${n(l.amount)} (${t('exact')} ${n(l.exact_amount)})` }),
    el('p', { text: `${t('basis')}: ${basis}` }),
    el('p', { text: `${t('verdict')}: ${l.eligible ? t('eligible') : t('notEligible')} — ${verdicts.map((v) => v.criteria.map(criterionText).join(', ')).join(' | ')}` }),
    el('p', { text: `${t('legal')}: ${l.legal_basis}` }),
    el('p', { text: `${t('authority')}: ${who(l.authority)}` }),
    el('p', { text: `${t('payer')}: ${who(l.payer)}` }),
    el('p', { text: `${t('key')}: ${word('source', k.source)}${k.id ? ' ' + k.id : ''} (${word('kind', k.kind)}${validity}): ${word('reason', k.reason)}` }),
    el('table', { class: 'data' }, el('tbody', {}, ...l.shares.map((s) => el('tr', {},
      el('td', { text: deptName(s.department) }), el('td', { class: 'num', text: n(s.weight) }), el('td', { class: 'num', text: n(s.amount) }),
      el('td', { text: `${t('exact')} ${n(s.exact)}` }), el('td', { text: s.leftover_ore ? t('leftover') : '' }))))),
  );
  $('explain').hidden = false;
  state.explainFrom = document.activeElement;
  $('close-explain').focus();
}
/** Closes the explanation; the focus goes back to the line it was opened from. */
function closeExplain() {
  $('explain').hidden = true;
  state.explainFrom?.focus?.();
}

// ---- Re-assessment, comparison and postings ----------------------------------------------------------
/** "Ny fordeling fra dato": the agreement in force ends the day before, a new one starts (one undo step). */
function reassessAction() {
  const line = $('reassess-line').value;
  const from = normalizeDate($('reassess-from').value);
  const previous = structuredClone(state.caseDoc);
  const id = freshId('a', (state.caseDoc.agreements ?? []).map((a) => a.id));
  const old = (state.caseDoc.agreements ?? []).find((a) => a.service === line && a.from <= from && (!a.to || a.to >= from))?.id;
  const done = reassess(state.caseDoc, line, from, id);
  if (done.error) { $('reassess-status').textContent = t(done.error); $('reassess-status').className = 'status bad'; return; }
  state.previousCase = previous;
  state.caseOrigins = null;
  $('reassess-status').textContent = t('reassessed')(old, id, shownDate(from));
  $('reassess-status').className = 'status';
  renderInputs();
  changed();
  $('agreements').tBodies[0].rows[done.index]?.querySelector('[data-field="shares"]')?.focus();
}
/** The service lines to choose from for a re-assessment (by id and the service's name). */
function reassessLines() {
  const names = new Map((state.policy?.services ?? []).map((s) => [s.id, s.name]));
  const chosen = $('reassess-line').value;
  $('reassess-line').replaceChildren(...state.caseDoc.services.map((s) => el('option', { value: s.id, text: `${s.id} — ${names.get(s.service) ?? s.service}`, ...(s.id === chosen ? { selected: '' } : {}) })));
}
const POSTING_HEAD = () => [t('month'), t('municipality'), t('code'), t('department'), t('function'), t('type'), t('art'), t('amount'), t('colLine'), t('counterpart')];
// The finance system's codes stay (municipality code, function, type, art); departments and municipalities by name.
const postingRow = (p) => [shownDate(p.month), muniName(p.municipality), String(p.code).padStart(3, '0'), deptName(p.department), p.function, word('posting', p.type), p.art,
  shownNumber(p.amount), p.service_line, p.counterpart ? deptName(p.counterpart) : ''];
/** What the re-assessment changes per month and department, and the corrections for booked months. */
function renderComparison() {
  $('comparison-block').hidden = !state.previousCase;
  if (!state.previousCase) return;
  const request = { ...state.good.request, command: 'compare', previous_case: state.previousCase };
  const booked = $('booked-through').value.trim();
  if (booked) request.booked_through = booked;
  const a = call(request);
  if (a.status !== 'ok') { $('comparison-note').textContent = a.errors.map((e) => e.message).join(' · '); return; }
  const c = a.result.comparison;
  $('comparison-note').textContent = `${t('caseTotal')}: ${t('before').toLowerCase()} ${shownNumber(c.before)} kr., ${t('after').toLowerCase()} ${shownNumber(c.after)} kr.`;
  $('comparison-note').dataset.after = c.after;
  table('changes', [t('month'), t('department'), t('before'), t('after'), t('difference')],
    c.changes.map((x) => [shownDate(x.month), deptName(x.department), shownNumber(x.before), shownNumber(x.after), shownNumber(x.difference)]), [2, 3, 4]);
  table('corrections', POSTING_HEAD(), c.corrections.map(postingRow), [7]);
}
/** The posting lines of the last good result (computed when the box is open). */
function renderPostings() {
  if (!state.good) return;
  const a = call({ ...state.good.request, command: 'postings' });
  if (a.status === 'ok') table('postings', POSTING_HEAD(), a.result.postings.map(postingRow), [7]);
}

// ---- Output -------------------------------------------------------------------------------------
function tsv() {
  // Month by department, with the decimal separator a spreadsheet in the chosen language expects;
  // department names are text cells, escaped against formulas (cells.js).
  const r = state.good.result;
  const num = (s) => ({ number: true, value: state.lang === 'da' ? s.replace('.', ',') : s });
  const text = (s) => ({ value: s });
  const depts = r.totals.by_department.map((d) => d.name);
  const rows = [[text(t('month')), ...depts.map(text), text(t('total'))],
    ...r.totals.by_month.map((m) => [text(m.month), ...m.departments.map((d) => num(d.amount)), num(m.amount)]),
    [text(t('total')), ...r.totals.by_department.map((d) => num(d.amount)), num(r.totals.case)]];
  return rows.map(tsvRow).join('\n');
}
/** The CSV columns: name, and whether the value is a machine number (written as it is). */
const CSV_COLUMNS = [['case'], ['service_line'], ['service'], ['month'], ['from'], ['to'], ['line_amount', true], ['department'],
  ['municipality'], ['share', true], ['exact', true], ['leftover_ore', true], ['key_source'], ['key_id'], ['eligible', true]];
function csv() {
  const r = fullAnswer().result;
  const rows = [CSV_COLUMNS.map(([name]) => csvField(name))];
  for (const l of r.lines) for (const s of l.shares) {
    const values = [r.case, l.service_line, l.service, l.month, l.from, l.to, l.amount, s.department, s.municipality, s.amount, s.exact, s.leftover_ore, l.key.source, l.key.id ?? '', l.eligible];
    rows.push(values.map((v, i) => csvField(v, CSV_COLUMNS[i][1] === true)));
  }
  return rows.map((row) => row.join(',')).join('\n') + '\n';
}
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/**
 * The result as a workbook, made by the workbook module from the same request: a sheet per view
 * (department with a native pie chart, municipality, month, lines, eligibility, reimbursement), totals
 * as SUM formulas with their exact values cached, and the case's own sheets, so the workbook can be
 * loaded again as the case.
 */
function resultWorkbook() {
  // The cover's calculation day is today (the library reads no clock).
  return X.resultWorkbook({ ...state.good.request, today: new Date().toLocaleDateString('sv-SE') });
}
/** The loaded policy and case as a template workbook (the layout the reader reads), in the page's language. */
function templateWorkbook() {
  return X.templateWorkbook({ version: 1, command: 'parse', policy: state.policyText, case: state.caseDoc, lang: state.lang });
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
  for (const id of ['period-from', 'period-to', 'reassess-from']) $(id).placeholder = lang === 'da' ? 'dd-mm-åååå' : 'yyyy-mm-dd';
  if (state.caseDoc) { renderInputs(); recompute(); persist(); }
}

// ---- The work: kept in the browser as the user works, with undo and redo ---------------------------
/** The work as text: the policy, the case and the period (what undo takes back and what is saved). */
function snapshot() {
  return JSON.stringify({ policyText: state.policyText, caseDoc: state.caseDoc, period: state.period, previousCase: state.previousCase });
}
let saveTimer = null;
/** Saves the work soon (edits in quick succession are saved once). */
function persist() {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(saveNow, 250);
}
/** A case loaded or started: the work from here on is a new entry of the portfolio. */
function startWork() {
  state.loaded = snapshot();
  state.workKey = `w${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}
/** The saved cases (key -> { label, snapshot, loaded }), kept in IndexedDB beside the current work. */
let portfolio = {};
function renderPortfolio() {
  $('portfolio').setAttribute('aria-label', t('myCases'));
  const entries = Object.entries(portfolio).sort(([, a], [, b]) => a.label.localeCompare(b.label));
  $('portfolio').replaceChildren(el('option', { value: '', text: `${t('myCases')} (${entries.length})` }),
    ...entries.map(([key, w]) => el('option', { value: key, text: w.label || t('unnamed'), ...(key === state.workKey ? { selected: '' } : {}) })));
}
/** Opens a case of the portfolio (the current one stays saved in it). */
async function openFromPortfolio(key) {
  const w = portfolio[key];
  if (!w) return;
  await saveNow();
  if (!restore(w.snapshot)) return;
  Object.assign(state, { loaded: w.loaded, workKey: key });
  history.reset(w.snapshot);
  undoButtons();
  renderPortfolio();
}
async function saveNow() {
  clearTimeout(saveTimer);
  if (state.caseDoc && state.workKey) {
    portfolio[state.workKey] = { label: state.caseDoc.id ?? '', snapshot: snapshot(), loaded: state.loaded };
    await save('portfolio', portfolio);
    renderPortfolio();
  }
  const ok = await save('work', { snapshot: snapshot(), loaded: state.loaded, key: state.workKey, lang: state.lang, example: $('example').value });
  $('save-status').textContent = ok ? `${t('saved')} ${new Date().toLocaleTimeString(state.lang === 'da' ? 'da-DK' : 'en-GB')}` : '';
  document.body.dataset.saved = String(Date.now());
}
/** After every edit: the edit becomes a step of the history, is saved, and the result recomputed. */
function changed(key = null) {
  history.record(snapshot(), key);
  persist();
  undoButtons();
  recompute();
}
/** Puts the work of a snapshot on the page (undo, redo, a restored session). */
function restore(text, keep = true) {
  const w = JSON.parse(text);
  if (w.policyText !== state.policyText && !setPolicy(w.policyText)) return false;
  Object.assign(state, { caseDoc: w.caseDoc, period: w.period, previousCase: w.previousCase ?? null, caseOrigins: null });
  renderInputs();
  recompute();
  if (keep) persist();
  undoButtons();
  return true;
}
function undo() { const s = history.undo(); if (s) restore(s); }
function redo() { const s = history.redo(); if (s) restore(s); }
function undoButtons() {
  $('undo').disabled = !history.canUndo();
  $('redo').disabled = !history.canRedo();
}
/** The work saved in the browser, if there is any: put back on the page. */
async function restoreSaved() {
  const saved = await load('work');
  if (!saved?.snapshot) return false;
  if (saved.example) $('example').value = saved.example;
  if (saved.lang && saved.lang !== state.lang) applyLang(saved.lang);
  if (!restore(saved.snapshot, false)) return false;
  history.reset(saved.snapshot);
  state.loaded = saved.loaded ?? null;
  state.workKey = saved.key ?? null;
  renderPortfolio();
  undoButtons();
  $('save-status').textContent = t('restored');
  return true;
}
/** Ctrl+Z / Ctrl+Y (and Ctrl+Shift+Z) outside text fields, which keep their own undo. */
function undoKeys(e) {
  if (!(e.ctrlKey || e.metaKey) || e.target.matches?.('input, textarea')) return;
  const k = e.key.toLowerCase();
  if (k === 'z' && !e.shiftKey) { e.preventDefault(); undo(); } else if (k === 'y' || (k === 'z' && e.shiftKey)) { e.preventDefault(); redo(); }
}

// ---- Editing actions ----------------------------------------------------------------------------
function addService() {
  const first = state.policy?.services[0]?.id ?? '';
  state.caseOrigins = null;
  const id = freshId('s', state.caseDoc.services.map((s) => s.id));
  state.caseDoc.services.push({ id, service: first, amount: '0.00', per: 'month', from: state.period.from || '2024-01-01' });
  renderInputs();
  changed();
}
function addAgreement() {
  state.caseDoc.agreements = state.caseDoc.agreements ?? [];
  state.caseOrigins = null;
  const id = freshId('a', state.caseDoc.agreements.map((a) => a.id));
  state.caseDoc.agreements.push({ id, service: state.caseDoc.services[0]?.id ?? '', from: state.period.from || '2024-01-01', kind: 'percent', shares: [] });
  renderInputs();
  changed();
}
/**
 * The pasted rows are added to the services (the agreements stay): a service given by its name is
 * taken as the policy's service of that name; an id already taken (or none) gets a fresh one.
 */
function usePaste() {
  const rows = parseTsv($('paste').value);
  const byName = new Map((state.policy?.services ?? []).map((s) => [s.name.trim().toLowerCase(), s.id]));
  const taken = state.caseDoc.services.map((s) => s.id);
  for (const row of rows) {
    row.service = byName.get(row.service.trim().toLowerCase()) ?? row.service;
    if (row.id === '' || taken.includes(row.id)) row.id = freshId('s', taken);
    taken.push(row.id);
    state.caseDoc.services.push(row);
  }
  state.caseOrigins = null;
  $('paste-status').textContent = `${rows.length} ${t('pasted')}`;
  renderInputs();
  changed();
}
/** The consent checkbox: unticking keeps the periods it takes away; ticking again puts them back. */
function toggleConsent(checked) {
  const c = state.caseDoc;
  if (!checked) {
    state.consentRemoved = structuredClone(c.consent ?? []);
    c.consent = [];
  } else {
    c.consent = state.consentRemoved?.length ? state.consentRemoved : [{ from: state.period.from || c.child.birth_date }];
    state.consentRemoved = null;
  }
  renderInputs();
  changed('consent');
}
async function copyTsv() {
  $('tsv-out').value = tsv();
  $('tsv-out').select();
  try { await navigator.clipboard.writeText($('tsv-out').value); $('paste-status').textContent = t('copied'); } catch { document.execCommand?.('copy'); }
}
/** Shows "a new version is ready" with a button that saves the work and reloads. */
function offerUpdate(apply) {
  state.updateWaiting = true;
  $('update-text').textContent = `${t('newVersion')} ${t('oldVersion')} (${t('version')} ${VERSION}).`;
  $('update-apply').onclick = apply;
  $('update').hidden = false;
  if (state.result && !isStale()) recompute();
}

function wire() {
  const on = (id, event, f) => $(id).addEventListener(event, f);
  on('lang-da', 'click', () => applyLang('da'));
  on('lang-en', 'click', () => applyLang('en'));
  on('load-example', 'click', loadExample);
  on('policy-file', 'change', (e) => loadFile(e.target, 'policy'));
  on('case-file', 'change', (e) => loadFile(e.target, 'case'));
  on('period-from', 'input', (e) => { state.period.from = normalizeDate(e.target.value); changed('period.from'); });
  on('period-to', 'input', (e) => { state.period.to = normalizeDate(e.target.value); changed('period.to'); });
  on('consent', 'change', (e) => toggleConsent(e.target.checked));
  on('add-service', 'click', addService);
  on('add-agreement', 'click', addAgreement);
  on('use-paste', 'click', usePaste);
  on('undo', 'click', undo);
  on('reassess', 'click', reassessAction);
  on('new-case', 'click', newCase);
  on('portfolio', 'change', (e) => openFromPortfolio(e.target.value));
  on('booked-through', 'input', () => { if (state.good) renderComparison(); });
  on('postings-box', 'toggle', () => { if ($('postings-box').open) renderPostings(); });
  on('redo', 'click', redo);
  on('copy-tsv', 'click', copyTsv);
  on('download-csv', 'click', () => download(fileName('csv'), csv(), 'text/csv'));
  on('download-xlsx', 'click', () => downloadWorkbook(fileName('xlsx'), resultWorkbook));
  on('download-template', 'click', () => downloadWorkbook(`fordeling-${state.lang === 'da' ? 'skabelon' : 'template'}.xlsx`, templateWorkbook));
  on('download-json', 'click', () => download(fileName('json'), JSON.stringify(fullAnswer(), null, 2), 'application/json'));
  on('close-explain', 'click', closeExplain);
  on('explain', 'keydown', (e) => { if (e.key === 'Escape') closeExplain(); });
  document.addEventListener('keydown', undoKeys);
  // Typing in one field is one undo step until the field is left.
  document.addEventListener('focusout', () => history.endMerge());
  window.addEventListener('pagehide', saveNow);
}

// ---- The portfolio view (issue 15): portfolio.js, imported the first time it is shown ---------------
let portfolioView = null;
/** Shows the case view or the portfolio view; the choice is kept in the browser. */
function showView(which, keep = true) {
  const pf = which === 'portfolio';
  $('view-case').setAttribute('aria-pressed', String(!pf));
  $('view-portfolio').setAttribute('aria-pressed', String(pf));
  document.querySelector('main.layout').hidden = pf;
  $('portfolio-view').hidden = !pf;
  if (keep) save('view', which);
  if (pf) {
    portfolioView ??= import('./portfolio.js').then((m) => m.start({
      lang: () => state.lang, policyText: () => state.policyText, pie, openCase: openCaseFromPortfolio,
    }));
  }
  return portfolioView;
}
/** A case of the portfolio opened in the case view (asks first when the case on the page was edited). */
function openCaseFromPortfolio(policyText, caseText, period) {
  if (hasWork() && !window.confirm(t('pfOpenAsk'))) return false;
  if (!setPolicy(policyText) || !setCase(caseText, period)) return false;
  startWork();
  showView('case');
  $('inputs').scrollIntoView();
  return true;
}
async function wireViews() {
  $('view-case').addEventListener('click', () => showView('case'));
  $('view-portfolio').addEventListener('click', () => showView('portfolio'));
  if ((await load('view')) === 'portfolio') showView('portfolio', false);
}

async function main() {
  await init();
  engine = new Engine();
  const examples = JSON.parse(exampleCases());
  $('example').replaceChildren(...examples.map((e) => el('option', { value: e.name, text: e.name })));
  $('version').textContent = `${t('version')} ${VERSION}`;
  wire();
  applyLang('da');
  portfolio = (await load('portfolio')) ?? {};
  if (!(await restoreSaved())) {
    loadExample();
    renderPortfolio();
    history.reset(snapshot());
    undoButtons();
  }
  watchUpdates(offerUpdate, saveNow);
  await wireViews();
  document.body.dataset.ready = 'true';
}

main();
