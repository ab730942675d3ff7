// The case's own fields on the page. One table drives the form: a field of the case document (its path,
// its label's text key, how it is edited) is one row here, and a list of the case (handlekommune,
// consent, other cases, income) one entry with its columns. A new field of the case format is one more
// row. Values are kept as the contract writes them (ISO dates, amounts as decimal text).
import { $, el } from './dom.js';
import { normalizeAmount, normalizeDate } from './xlsx.js';

/** The single fields: path in the case document, label (text key), kind, and whether it is required. */
export const CASE_FIELDS = [
  { path: ['id'], label: 'caseId', kind: 'text', required: true },
  { path: ['household'], label: 'householdId', kind: 'text' },
  { path: ['child', 'birth_date'], label: 'birthDate', kind: 'date', required: true },
  { path: ['child', 'significant_permanent_disability'], label: 'disability', kind: 'bool' },
  { path: ['enrolled'], label: 'enrolled', kind: 'date' },
  { path: ['discharged'], label: 'discharged', kind: 'date' },
];

const SECTORS = ['children_social', 'daycare_school', 'health', 'employment', 'adult', 'housing'];

/** The lists: path, label, columns (key, label, kind, optional), the prefix of new ids, and whether one row is required. */
export const CASE_LISTS = [
  { path: ['child', 'handlekommune'], label: 'handlekommune', required: true,
    columns: [{ key: 'municipality', label: 'municipality', kind: 'municipality' }, { key: 'from', label: 'colFrom', kind: 'date' }] },
  // The household's parents and custody holders: their ids are what consent's `by` and other cases' `person` name.
  { path: ['parents'], label: 'parents', idPrefix: 'p',
    columns: [{ key: 'id', label: 'colId', kind: 'text', names: true }, { key: 'custody', label: 'custody', kind: 'bool', initial: true }] },
  { path: ['consent'], label: 'consentPeriods',
    columns: [{ key: 'from', label: 'colFrom', kind: 'date' }, { key: 'to', label: 'colTo', kind: 'date', optional: true },
      { key: 'by', label: 'consentBy', kind: 'ids', optional: true }, { key: 'scope', label: 'consentScope', kind: 'scope', optional: true }] },
  { path: ['other_cases'], label: 'otherCases', idPrefix: 'o',
    columns: [{ key: 'id', label: 'colId', kind: 'text' }, { key: 'person', label: 'person', kind: 'person', optional: true },
      { key: 'sector', label: 'sector', kind: 'sector' },
      { key: 'department', label: 'department', kind: 'department', optional: true },
      { key: 'from', label: 'colFrom', kind: 'date', optional: true }, { key: 'to', label: 'colTo', kind: 'date', optional: true }] },
  { path: ['income'], label: 'incomeList', idPrefix: 'i',
    columns: [{ key: 'id', label: 'colId', kind: 'text' }, { key: 'amount', label: 'colAmount', kind: 'amount' },
      { key: 'per', label: 'colPer', kind: 'per' }, { key: 'from', label: 'colFrom', kind: 'date' },
      { key: 'to', label: 'colTo', kind: 'date', optional: true }, { key: 'note', label: 'note', kind: 'text', optional: true }] },
];

/** The value at a path, or undefined. */
export function getPath(doc, path) {
  return path.reduce((v, k) => (v == null ? undefined : v[k]), doc);
}
/** Sets the value at a path (creating objects on the way); undefined deletes it. */
export function setPath(doc, path, value) {
  const parent = path.slice(0, -1).reduce((v, k) => (v[k] ??= {}), doc);
  const last = path.at(-1);
  if (value === undefined) delete parent[last]; else parent[last] = value;
}

/** A new, empty case with the required fields present (to be filled in). */
export function emptyCase() {
  return { id: '', child: { birth_date: '', significant_permanent_disability: true, handlekommune: [{ municipality: '', from: '' }] }, consent: [], services: [], agreements: [] };
}

/** The value typed into a field of a kind, as the contract writes it. */
function typed(kind, text) {
  if (kind === 'date') return normalizeDate(text);
  if (kind === 'amount') return normalizeAmount(text);
  if (kind === 'ids') { const ids = text.split(/[;,]/).map((x) => x.trim()).filter(Boolean); return ids.length ? ids : ''; }
  return text;
}
/** A value as its input shows it: dates and amounts the page's way (ctx.shown), a list of ids joined by '; '. */
function shownValue(kind, value, ctx) {
  if (kind === 'ids') return (value ?? []).join('; ');
  return (kind === 'date' || kind === 'amount') && ctx.shown ? ctx.shown(value) : (value ?? '');
}

/**
 * An input for one value. `ctx`: { t, policy, onChange(value, key) }; `optional` empty values are
 * removed from the document rather than written as ''.
 */
export function fieldInput(kind, value, label, ctx, key, optional = false) {
  const change = (v) => ctx.onChange(optional && v === '' ? undefined : v, key);
  if (kind === 'bool') {
    return el('input', { type: 'checkbox', 'aria-label': label, 'data-field': key, ...(value ? { checked: '' } : {}), onchange: (e) => ctx.onChange(e.target.checked, key) });
  }
  const options = choices(kind, ctx);
  if (options) {
    const s = el('select', { 'aria-label': label, 'data-field': key, onchange: (e) => change(e.target.value) });
    const all = options.some(([v]) => v === (value ?? '')) ? options : [[value ?? '', value ?? ''], ...options];
    for (const [v, text] of all) s.append(el('option', { value: v, text, ...(v === (value ?? '') ? { selected: '' } : {}) }));
    return s;
  }
  const attrs = { value: shownValue(kind, value, ctx), 'aria-label': label, 'data-field': key, oninput: (e) => change(typed(kind, e.target.value)) };
  if (kind === 'date') Object.assign(attrs, { placeholder: 'dd-mm-åååå', size: '11' });
  if (kind === 'amount') attrs.inputmode = 'decimal';
  return el('input', attrs);
}

/** The choices of a kind that is chosen from a list (by name), or null. */
function choices(kind, { t, policy, caseDoc }) {
  if (kind === 'scope') return [['child', t('scope_child')], ['household', t('scope_household')]];
  if (kind === 'person') return [['', t('childOrFamily')], ...(caseDoc?.parents ?? []).filter((p) => p.id).map((p) => [p.id, p.id])];
  if (kind === 'municipality') return [['', '—'], ...(policy?.municipalities ?? []).map((m) => [m.id, `${m.name} (${m.code})`])];
  if (kind === 'department') return [['', '—'], ...(policy?.departments ?? []).map((d) => [d.id, d.name])];
  if (kind === 'sector') return SECTORS.map((s) => [s, t(`sector_${s}`)]);
  if (kind === 'per') return [['month', t('month_')], ['year', t('year_')], ['once', t('once_')]];
  return null;
}

/** The form of the case's single fields and lists into the element `into`. */
export function renderCaseForm(into, caseDoc, ctx0) {
  const ctx = { ...ctx0, caseDoc };
  const fields = CASE_FIELDS.map((f) => {
    const key = f.path.join('.');
    const input = fieldInput(f.kind, getPath(caseDoc, f.path), ctx.t(f.label), { ...ctx, onChange: (v) => { setPath(caseDoc, f.path, v === '' && !f.required ? undefined : v); ctx.changed(key); } }, key);
    return el('label', { class: f.kind === 'bool' ? 'check' : '' }, el('span', { text: `${ctx.t(f.label)}${f.required ? ' *' : ''}` }), ' ', input);
  });
  into.replaceChildren(el('div', { class: 'row' }, ...fields), ...CASE_LISTS.map((list) => listTable(caseDoc, list, ctx)));
}

/** One list of the case as an editable table, with "add" and "remove" per row. */
function listTable(caseDoc, list, ctx) {
  const rows = getPath(caseDoc, list.path) ?? [];
  const name = list.path.join('.');
  const body = rows.map((row, i) => el('tr', { 'data-row': i },
    ...list.columns.map((c) => {
      const input = fieldInput(c.kind, row[c.key] ?? c.initial, `${ctx.t(c.label)} ${i + 1}`, {
        ...ctx, onChange: (v) => { if (v === undefined) delete row[c.key]; else row[c.key] = v; ctx.changed(`${name}.${i}.${c.key}`); },
      }, c.key, c.optional);
      // A parent's id, once typed, is offered in the other lists (whose case, who consents).
      if (c.names) input.addEventListener('change', () => ctx.structural());
      return el('td', { 'data-label': ctx.t(c.label) }, input);
    }),
    el('td', {}, el('button', { type: 'button', text: '×', 'aria-label': `${ctx.t('remove')} ${ctx.t(list.label)} ${i + 1}`, onclick: () => { rows.splice(i, 1); ctx.structural(); } }))));
  const add = () => {
    const row = Object.fromEntries(list.columns.filter((c) => !c.optional).map((c) => [c.key, c.initial ?? (c.kind === 'per' ? 'month' : c.kind === 'sector' ? SECTORS[0] : '')]));
    if (list.idPrefix) row.id = freshListId(list.idPrefix, rows);
    if (!getPath(caseDoc, list.path)) setPath(caseDoc, list.path, rows);
    rows.push(row);
    ctx.structural();
  };
  return el('div', { class: 'case-list', id: `list-${name}` },
    el('h4', { text: `${ctx.t(list.label)}${list.required ? ' *' : ''}` }),
    el('div', { class: 'scroll' }, el('table', { class: 'edit', 'data-list': name },
      el('thead', {}, el('tr', {}, ...list.columns.map((c) => el('th', { text: ctx.t(c.label) })), el('th'))),
      el('tbody', {}, ...body))),
    el('button', { type: 'button', text: `+ ${ctx.t(list.label)}`, onclick: add }));
}

function freshListId(prefix, rows) {
  const ids = new Set(rows.map((r) => r.id));
  let n = 1;
  while (ids.has(`${prefix}${n}`)) n += 1;
  return `${prefix}${n}`;
}

/** The required fields still empty in a case (text keys of their labels), for the first screen of a new case. */
export function missingRequired(caseDoc) {
  const missing = CASE_FIELDS.filter((f) => f.required && !getPath(caseDoc, f.path)).map((f) => f.label);
  for (const list of CASE_LISTS.filter((l) => l.required)) {
    const rows = getPath(caseDoc, list.path) ?? [];
    if (rows.length === 0 || rows.some((r) => list.columns.some((c) => !c.optional && !r[c.key]))) missing.push(list.label);
  }
  return missing;
}

/** The element of the first screen for a new case: the required fields only, and "Videre". */
export function renderNewCaseScreen(into, caseDoc, ctx, onDone) {
  const required = CASE_FIELDS.filter((f) => f.required || f.kind === 'bool');
  const status = el('p', { class: 'status', role: 'status' });
  const fields = required.map((f) => el('label', {}, el('span', { text: `${ctx.t(f.label)}${f.required ? ' *' : ''}` }), ' ',
    fieldInput(f.kind, getPath(caseDoc, f.path), ctx.t(f.label), { ...ctx, onChange: (v) => setPath(caseDoc, f.path, v) }, f.path.join('.'))));
  const residence = caseDoc.child.handlekommune[0];
  const muni = el('label', {}, el('span', { text: `${ctx.t('handlekommune')} *` }), ' ',
    fieldInput('municipality', residence.municipality, ctx.t('handlekommune'), { ...ctx, onChange: (v) => { residence.municipality = v; } }, 'municipality'));
  const next = el('button', { type: 'button', id: 'new-case-done', text: ctx.t('continue'), onclick: () => {
    if (!residence.from) residence.from = caseDoc.child.birth_date;
    const missing = missingRequired(caseDoc);
    if (missing.length) { status.textContent = `${ctx.t('missing')}: ${missing.map(ctx.t).join(', ')}`; status.className = 'status bad'; return; }
    onDone();
  } });
  into.replaceChildren(el('h3', { text: ctx.t('newCaseTitle') }), el('p', { text: ctx.t('newCaseHelp') }), ...fields, muni, next, status);
  into.querySelector('input, select')?.focus();
}
