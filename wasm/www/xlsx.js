// Workbooks on the page. Reading and writing .xlsx (and reading .xls and .ods) is done in Rust by the
// workbook module (wasm/www/pkg-xlsx: calamine and rust_xlsxwriter, built by scripts/build-page.sh),
// run in a Web Worker started the first time a workbook is opened or saved; it is several times the
// size of the page's own module, so the page does not wait for it. This file keeps the spreadsheet conventions for
// what is typed or pasted on the page (the same rules the workbook reader applies to cells).

// The worker that runs the workbook module (xlsx-worker.js), started the first time it is needed.
let worker = null;
let next = 0;
const pending = new Map();
/** How long a workbook may take before the worker is ended (a file that would freeze the page). */
export const WORKER_TIMEOUT_MS = 60_000;

function startWorker() {
  worker = new Worker(new URL('./xlsx-worker.js', import.meta.url), { type: 'module' });
  worker.onmessage = ({ data }) => {
    const p = pending.get(data.id);
    if (!p) return;
    pending.delete(data.id);
    clearTimeout(p.timer);
    if ('error' in data) p.reject(new Error(data.error)); else p.resolve(data.ok);
  };
  worker.onerror = (e) => stopWorker(new Error(e.message || 'workbook worker failed'));
}
function stopWorker(error) {
  worker?.terminate();
  worker = null;
  for (const p of pending.values()) { clearTimeout(p.timer); p.reject(error); }
  pending.clear();
}
/** Runs an operation of the workbook module in the worker; rejects after WORKER_TIMEOUT_MS. */
function run(op, arg, transfer = []) {
  if (!worker) startWorker();
  const id = ++next;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => stopWorker(Object.assign(new Error('timeout'), { timeout: true })), WORKER_TIMEOUT_MS);
    pending.set(id, { resolve, reject, timer });
    worker.postMessage({ id, op, arg }, transfer);
  });
}

/** Whether a file is a workbook: by its name, or by its first bytes (zip or OLE). */
export function isWorkbook(name, bytes) {
  if (/\.(xlsx|xlsm|xls|ods)$/i.test(name)) return true;
  const b = bytes.subarray(0, 4);
  return (b[0] === 0x50 && b[1] === 0x4b && b[2] === 3 && b[3] === 4) || (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0);
}

/**
 * Reads a workbook's bytes: `{ policy, case, origins: { policy, case }, errors: [{ place, message, text }] }`,
 * the documents null where the workbook has no such sheets; origins name the sheet and row of every
 * item (`{ 'departments[1]': 'departments, row 3' }`).
 */
export async function readWorkbook(bytes) {
  return JSON.parse(await run('read', bytes, [bytes.buffer]));
}
/** A workbook of many cases (the case sheets, one row per case, a `case` column on the others):
 *  `{cases, errors}` (WorkbookCases). */
export async function readCases(bytes) {
  return JSON.parse(await run('cases', bytes, [bytes.buffer]));
}
/** The answer to a contract request (split, explain, postings, compare, portfolio) as .xlsx bytes. */
export async function resultWorkbook(request) {
  return run('result', JSON.stringify(request));
}
/** The template workbook (.xlsx bytes) of a request's policy and case. */
export async function templateWorkbook(request) {
  return run('template', JSON.stringify(request));
}
/**
 * The answer to any contract request, computed in the worker by the whole contract (the page's
 * first-load module has no portfolio): the portfolio view calls this. The worker's engine keeps the
 * last portfolio, so a scenario of it is computed from it; `aside` answers with a second engine
 * (one case at a time for the drill-down), which leaves that portfolio kept.
 */
export async function handleInWorker(request, { aside = false } = {}) {
  return JSON.parse(await run(aside ? 'handleAside' : 'handle', JSON.stringify(request)));
}

// ---- spreadsheet conventions for typed and pasted cells -----------------------------------------
const norm = (s) => String(s).trim().toLowerCase().replace(/[\s_-]+/g, ' ');

/** An amount as the contract writes it: '3.400,50', '3,400.50', '3400,5 kr.' -> '3400.50' etc. */
export function normalizeAmount(text) {
  let s = String(text).trim().replace(/\s|kr\.?|DKK/gi, '');
  if (s.includes(',') && s.includes('.')) {
    s = s.lastIndexOf(',') > s.lastIndexOf('.') ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  } else if (s.includes(',')) {
    s = s.replace(',', '.');
  } else if (/^-?\d{1,3}(\.\d{3})+$/.test(s)) {
    s = s.replace(/\./g, '');
  }
  return s;
}
/** A date as the contract writes it: '31-01-2024' or '31.1.2024' -> '2024-01-31'; others unchanged. */
export function normalizeDate(text) {
  const s = String(text).trim();
  const m = s.match(/^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/);
  return m ? `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}` : s;
}
/** 'måned', 'år', 'engang', 'døgn', 'uge' (Danish or English; empty is a month) as month/year/once/day/week. */
export function normalizePer(text) {
  const s = norm(text);
  if (['år', 'aar', 'year', 'yearly', 'årlig'].includes(s)) return 'year';
  if (['engang', 'once', 'engangsbeløb', 'one off'].includes(s)) return 'once';
  if (['døgn', 'dag', 'day', 'daily', 'pr. døgn'].includes(s)) return 'day';
  if (['uge', 'week', 'weekly', 'ugentlig'].includes(s)) return 'week';
  return s === '' || ['måned', 'md', 'md.', 'month', 'monthly', 'månedlig'].includes(s) ? 'month' : s;
}
/**
 * Slice colours of the pie charts, on the page and in the workbook (RGB hex; the same list as
 * src/contract/xlsx/mod.rs COLORS): dark and mid tones in turn, each at least 3:1 against white and
 * against the next (see docs/SEMANTICS.md, "Chart colours").
 */
export const COLORS = ['163056', 'E86C13', '10371D', '3696DC', '5B1722', 'DF66A2', '402060', '1DA28C', '492808', '949425'];

const SECTORS = ['children_social', 'daycare_school', 'health', 'employment', 'adult', 'housing'];
/**
 * 'a=60; b=40' (or 'a; b' for equal keys) as the shares of an agreement of the given kind: a
 * department or sector area each, values as weights for 'weights', else as percentages.
 */
export function sharesOf(text, kind) {
  return String(text ?? '').split(';').map((p) => p.trim()).filter(Boolean).map((p) => {
    const [who, val] = p.split('=').map((x) => x.trim());
    const share = SECTORS.includes(who) ? { sector: who } : { department: who };
    if (val !== undefined && val !== '') {
      const v = normalizeAmount(val);
      if (kind === 'weights') share.weight = v; else share.percent = v;
    }
    return share;
  });
}
/** The text sharesOf reads. */
export function sharesText(shares) {
  return (shares ?? []).map((s) => {
    const who = s.department ?? s.sector;
    const v = s.percent ?? s.weight;
    return v === undefined ? who : `${who}=${v}`;
  }).join('; ');
}
