// Reading and writing .xlsx workbooks in the browser, with no library and no request: a workbook is a
// zip of SpreadsheetML parts, and the browser inflates and deflates natively (DecompressionStream /
// CompressionStream 'deflate-raw'). Runs in Node as well (the tests use it to check downloads).
//
// The reader turns sheets into rows of cell texts; `policyFromWorkbook` and `caseFromWorkbook` turn
// those into the JSON documents of the contract, remembering for every item the sheet and row it came
// from so that the core's errors can name the cell. The writer makes workbooks with inline strings,
// numbers, formulas with cached values, and a native pie chart.

const enc = new TextEncoder();
const dec = new TextDecoder();

/** A problem with the workbook itself (not a zip, a missing sheet, a bad cell); names the place. */
export class WorkbookError extends Error {
  constructor(where, message) {
    super(where ? `${where}: ${message}` : message);
    this.where = where;
  }
}

// ---- zip --------------------------------------------------------------------------------------
const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();
function crc32(bytes) {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
/** `bytes` through a (de)compression stream; refuses output longer than `limit` (a zip may lie about sizes). */
async function pipe(bytes, stream, limit = Infinity) {
  const reader = new Blob([bytes]).stream().pipeThrough(stream).getReader();
  const chunks = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.length;
    if (length > limit) {
      await reader.cancel();
      throw new WorkbookError('', 'a part of the workbook is too large once unpacked');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) { out.set(c, at); at += c.length; }
  return out;
}

/** Largest workbook accepted, and largest part inside it once inflated (guards against zip bombs). */
export const MAX_WORKBOOK_BYTES = 20 * 1024 * 1024;
const MAX_PART_BYTES = 64 * 1024 * 1024;

/** The parts of a zip archive (an .xlsx), by name, inflated. */
export async function unzip(bytes) {
  if (bytes.length > MAX_WORKBOOK_BYTES) throw new WorkbookError('', `the file is larger than ${MAX_WORKBOOK_BYTES / 1024 / 1024} MB`);
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (v.getUint32(i, true) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw new WorkbookError('', 'not an .xlsx workbook (no zip directory found)');
  const count = v.getUint16(eocd + 10, true);
  let p = v.getUint32(eocd + 16, true);
  const parts = new Map();
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || v.getUint32(p, true) !== 0x02014b50) throw new WorkbookError('', 'damaged zip directory');
    const method = v.getUint16(p + 10, true);
    const size = v.getUint32(p + 20, true);
    const usize = v.getUint32(p + 24, true);
    const nameLen = v.getUint16(p + 28, true);
    const extraLen = v.getUint16(p + 30, true);
    const commentLen = v.getUint16(p + 32, true);
    const local = v.getUint32(p + 42, true);
    const name = dec.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    p += 46 + nameLen + extraLen + commentLen;
    if (usize > MAX_PART_BYTES) throw new WorkbookError(name, 'part too large once unpacked');
    if (local + 30 > bytes.length || v.getUint32(local, true) !== 0x04034b50) throw new WorkbookError(name, 'damaged zip entry');
    const start = local + 30 + v.getUint16(local + 26, true) + v.getUint16(local + 28, true);
    const data = bytes.subarray(start, start + size);
    if (method === 0) parts.set(name, data);
    else if (method === 8) {
      try {
        parts.set(name, await pipe(data, new DecompressionStream('deflate-raw'), MAX_PART_BYTES));
      } catch (e) {
        throw e instanceof WorkbookError ? new WorkbookError(name, e.message.replace(/^: /, '')) : new WorkbookError(name, 'damaged compressed data');
      }
    } else throw new WorkbookError(name, `unsupported zip compression method ${method}`);
  }
  return parts;
}

/** A zip archive of the given parts ([name, text or bytes]), deflated, with fixed timestamps. */
async function zip(files) {
  const chunks = [];
  const dir = [];
  let offset = 0;
  for (const [name, content] of files) {
    const raw = typeof content === 'string' ? enc.encode(content) : content;
    const data = await pipe(raw, new CompressionStream('deflate-raw'));
    const nameBytes = enc.encode(name);
    const crc = crc32(raw);
    const header = (sig, size) => {
      const h = new DataView(new ArrayBuffer(size));
      h.setUint32(0, sig, true);
      return h;
    };
    const l = header(0x04034b50, 30);
    l.setUint16(4, 20, true); l.setUint16(6, 0x0800, true); l.setUint16(8, 8, true);
    l.setUint16(10, 0, true); l.setUint16(12, 0x21, true); // 1980-01-01 00:00
    l.setUint32(14, crc, true); l.setUint32(18, data.length, true); l.setUint32(22, raw.length, true);
    l.setUint16(26, nameBytes.length, true);
    const c = header(0x02014b50, 46);
    c.setUint16(4, 20, true); c.setUint16(6, 20, true); c.setUint16(8, 0x0800, true); c.setUint16(10, 8, true);
    c.setUint16(12, 0, true); c.setUint16(14, 0x21, true);
    c.setUint32(16, crc, true); c.setUint32(20, data.length, true); c.setUint32(24, raw.length, true);
    c.setUint16(28, nameBytes.length, true); c.setUint32(42, offset, true);
    chunks.push(new Uint8Array(l.buffer), nameBytes, data);
    dir.push(new Uint8Array(c.buffer), nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const dirSize = dir.reduce((s, d) => s + d.length, 0);
  const e = new DataView(new ArrayBuffer(22));
  e.setUint32(0, 0x06054b50, true);
  e.setUint16(8, files.length, true); e.setUint16(10, files.length, true);
  e.setUint32(12, dirSize, true); e.setUint32(16, offset, true);
  const all = [...chunks, ...dir, new Uint8Array(e.buffer)];
  const out = new Uint8Array(all.reduce((s, a) => s + a.length, 0));
  let at = 0;
  for (const a of all) { out.set(a, at); at += a.length; }
  return out;
}

// ---- reading SpreadsheetML --------------------------------------------------------------------
const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function unescapeXml(s) {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (m, e) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? m;
  });
}
function escapeXml(s) {
  return String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c])
    // Characters XML 1.0 cannot carry.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}
function attr(tag, name) {
  const m = tag.match(new RegExp(`\\s${name}="([^"]*)"`));
  return m ? unescapeXml(m[1]) : null;
}
/** The text of every <t> in a string item or inline string, without phonetic runs. */
function textOf(xml) {
  const clean = xml.replace(/<(\w+:)?rPh\b[\s\S]*?<\/(\w+:)?rPh>/g, '');
  let s = '';
  for (const m of clean.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g)) s += m[1];
  return unescapeXml(s);
}
function colIndex(letters) {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
/** 'A1'-style name of a cell (zero-based column and row). */
export function cellName(col, row) {
  let s = '';
  for (let c = col + 1; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return `${s}${row + 1}`;
}

/**
 * A cell as the reader sees it: `text` is what the sheet stores (numbers as their shortest decimal
 * text, booleans as TRUE/FALSE), `number` is set for numeric cells (dates are numeric cells too).
 */
function readSheet(xml, shared) {
  const rows = [];
  let row = -1;
  const re = /<(?:\w+:)?row\b[^>]*?\/?>|<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
  let col = -1;
  for (const m of xml.matchAll(re)) {
    if (m[1] === undefined) { // a <row>
      const r = attr(m[0], 'r');
      row = r ? Number(r) - 1 : row + 1;
      col = -1;
      continue;
    }
    const attrs = ` ${m[1]}`;
    const ref = attr(attrs, 'r');
    if (ref) {
      const mm = ref.match(/^([A-Z]+)(\d+)$/);
      if (mm) { col = colIndex(mm[1]); row = Number(mm[2]) - 1; } else col += 1;
    } else col += 1;
    const type = attr(attrs, 't') ?? 'n';
    const body = m[2] ?? '';
    const v = body.match(/<(?:\w+:)?v>([\s\S]*?)<\/(?:\w+:)?v>/);
    let cell = null;
    if (type === 's' && v) cell = { text: shared[Number(v[1])] ?? '' };
    else if (type === 'inlineStr') cell = { text: textOf(body) };
    else if (type === 'b' && v) cell = { text: v[1] === '1' ? 'TRUE' : 'FALSE', bool: v[1] === '1' };
    else if (type === 'e' && v) cell = { text: unescapeXml(v[1]), error: true };
    else if (v && (type === 'str' || type === 'd')) cell = { text: unescapeXml(v[1]) };
    else if (v) cell = { text: unescapeXml(v[1]).trim(), number: Number(v[1]) };
    const f = body.match(/<(?:\w+:)?f(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?f>/);
    if (cell && f) cell.formula = unescapeXml(f[1]);
    if (cell && row >= 0 && col >= 0) {
      (rows[row] ??= [])[col] = cell;
    }
  }
  return rows;
}

/**
 * Reads a workbook: `{ sheets: Map(name -> rows of cells), date1904 }`. Throws WorkbookError.
 * @param {Uint8Array} bytes
 */
export async function readWorkbook(bytes) {
  const parts = await unzip(bytes);
  const text = (name) => { const p = parts.get(name); return p ? dec.decode(p) : null; };
  const wb = text('xl/workbook.xml');
  if (!wb) throw new WorkbookError('', 'not an .xlsx workbook (no xl/workbook.xml)');
  const rels = new Map();
  for (const m of (text('xl/_rels/workbook.xml.rels') ?? '').matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) rels.set(attr(m[0], 'Id'), attr(m[0], 'Target'));
  const shared = [];
  for (const m of (text('xl/sharedStrings.xml') ?? '').matchAll(/<(?:\w+:)?si>([\s\S]*?)<\/(?:\w+:)?si>/g)) shared.push(textOf(m[1]));
  const sheets = new Map();
  for (const m of wb.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = attr(m[0], 'name');
    const target = rels.get(attr(m[0], 'r:id'));
    if (!name || !target) continue;
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
    const xml = text(path);
    if (xml) sheets.set(name, readSheet(xml, shared));
  }
  const pr = wb.match(/<(?:\w+:)?workbookPr\b[^>]*>/);
  const d1904 = pr ? attr(pr[0], 'date1904') : null;
  return { sheets, date1904: d1904 === '1' || d1904 === 'true' };
}

// ---- spreadsheet conventions (cells of a workbook, and cells pasted on the page) ---------------
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
/** 'måned', 'år', 'engang' (Danish or English; empty is a month) as month/year/once. */
export function normalizePer(text) {
  const s = norm(text);
  if (['år', 'aar', 'year', 'yearly', 'årlig'].includes(s)) return 'year';
  if (['engang', 'once', 'engangsbeløb', 'one off'].includes(s)) return 'once';
  return s === '' || ['måned', 'md', 'md.', 'month', 'monthly', 'månedlig'].includes(s) ? 'month' : s;
}
/** Slice colours of the pie charts, on the page and in the workbook (RGB hex). */
export const COLORS = ['1F77B4', 'FF7F0E', '2CA02C', 'D62728', '9467BD', '8C564B', 'E377C2', '7F7F7F', 'BCBD22', '17BECF'];

// ---- workbook -> contract documents -----------------------------------------------------------
const SECTORS = ['children_social', 'daycare_school', 'health', 'employment', 'adult'];

/** A table: the first non-empty row names the columns; the rest are records with their row number. */
function table(wb, sheetName, columns, required = false) {
  const entry = [...wb.sheets].find(([n]) => norm(n) === norm(sheetName));
  if (!entry) {
    if (required) throw new WorkbookError(sheetName, 'sheet missing');
    return null;
  }
  const [name, rows] = entry;
  const headerRow = rows.findIndex((r) => r && r.some((c) => c && c.text !== ''));
  if (headerRow < 0) return { name, records: [] };
  const header = rows[headerRow].map((c) => (c ? norm(c.text).replace(/ /g, '_') : ''));
  header.forEach((h, i) => {
    if (h !== '' && !columns.includes(h)) {
      throw new WorkbookError(`${name}!${cellName(i, headerRow)}`, `unknown column '${h}' (expected ${columns.join(', ')})`);
    }
  });
  const records = [];
  for (let r = headerRow + 1; r < rows.length; r++) {
    const row = rows[r];
    if (!row || !row.some((c) => c && c.text.trim() !== '')) continue;
    const rec = { row: r, cells: {} };
    header.forEach((h, i) => { if (h && row[i] && row[i].text.trim() !== '') rec.cells[h] = { ...row[i], ref: `${name}!${cellName(i, r)}` }; });
    records.push(rec);
  }
  return { name, records };
}

function dateText(cell, date1904) {
  if (!cell) return undefined;
  if (cell.number !== undefined && Number.isFinite(cell.number)) {
    // Spreadsheet serial day numbers (1900 system, with its phantom 1900-02-29; or 1904 system).
    const days = Math.floor(cell.number);
    const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, days >= 61 ? 30 : 31);
    const d = new Date(epoch + days * 86400000);
    return d.toISOString().slice(0, 10);
  }
  return normalizeDate(cell.text);
}
/** A decimal as text: numeric cells to Excel's 15 significant digits, text with Danish or English separators. */
export function decimalText(cell) {
  if (!cell) return undefined;
  if (cell.number !== undefined) {
    if (!Number.isFinite(cell.number)) return cell.text;
    const p = cell.number.toPrecision(15);
    return p.includes('e') ? cell.text : p.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
  }
  return normalizeAmount(cell.text);
}
/** An amount: a numeric cell with at least two decimals (øre), as a controller writes it. */
function moneyText(cell) {
  const s = decimalText(cell);
  if (cell?.number === undefined || !/^-?\d+(\.\d*)?$/.test(s)) return s;
  const [i, f = ''] = s.split('.');
  return `${i}.${f.padEnd(2, '0')}`;
}
function boolOf(cell) {
  if (!cell) return undefined;
  if (cell.bool !== undefined) return cell.bool;
  const s = norm(cell.text);
  if (['true', 'ja', 'yes', '1', 'sand', 'x'].includes(s)) return true;
  if (['false', 'nej', 'no', '0', 'falsk'].includes(s)) return false;
  throw new WorkbookError(cell.ref, `'${cell.text}' is not yes/no (ja/nej)`);
}
function intOf(cell) {
  if (!cell) return undefined;
  const n = Number(decimalText(cell));
  if (!Number.isInteger(n)) throw new WorkbookError(cell.ref, `'${cell.text}' is not a whole number`);
  return n;
}
const str = (cell) => (cell ? cell.text.trim() : undefined);
const list = (cell) => (cell ? cell.text.split(/[;,]/).map((s) => s.trim()).filter(Boolean) : undefined);
/** A department or a sector area, by name. */
function target(name) {
  return SECTORS.includes(name) ? { sector: name } : { department: name };
}
/**
 * 'a=60; b=40' (or 'a; b' for equal keys) as the shares of a key or agreement of the given kind: a
 * department or sector area each, values as weights for 'weights', else as percentages (the core
 * refuses values a kind does not take, rather than dropping them).
 */
export function sharesOf(text, kind) {
  return String(text ?? '').split(';').map((p) => p.trim()).filter(Boolean).map((p) => {
    const [who, val] = p.split('=').map((x) => x.trim());
    const share = target(who);
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
function set(obj, key, value) {
  if (value !== undefined && value !== '') obj[key] = value;
}

/** Sheets, in order, of a policy workbook and their columns. */
export const POLICY_SHEETS = {
  policy: ['name', 'version'],
  municipalities: ['id', 'name', 'code'],
  departments: ['id', 'name', 'municipality', 'sectors'],
  services: ['id', 'name', 'sector', 'function', 'kind', 'key', 'authority', 'payer', 'legal_basis', 'legal_basis_from', 'legal_basis_to'],
  keys: ['id', 'name', 'from', 'to', 'kind', 'shares'],
  eligibility: ['from', 'to', 'min_sector_areas', 'consent_required', 'disability_required', 'age_min', 'age_max', 'municipalities'],
  arrangements: ['id', 'grantor', 'on_behalf_of', 'sectors', 'from', 'to', 'basis'],
  reimbursement: ['id', 'name', 'legal_basis', 'services', 'recipient', 'from', 'to', 'tiers'],
};
/** Sheets of a case workbook and their columns. */
export const CASE_SHEETS = {
  case: ['id', 'household', 'birth_date', 'significant_permanent_disability', 'handlekommune', 'consent_from', 'consent_to'],
  'case services': ['id', 'service', 'amount', 'per', 'from', 'to', 'note'],
  'case agreements': ['id', 'service', 'from', 'to', 'kind', 'shares', 'note'],
  'case income': ['id', 'amount', 'per', 'from', 'to', 'note'],
  'case other cases': ['id', 'sector', 'department', 'from', 'to'],
};

export function hasPolicy(wb) { return [...wb.sheets.keys()].some((n) => norm(n) === 'departments'); }
export function hasCase(wb) { return [...wb.sheets.keys()].some((n) => norm(n) === 'case'); }

/**
 * The policy document of a policy workbook, and `origins`: for every item path the core may name in an
 * error ('departments[2]'), the sheet and row it came from ('departments, row 4').
 */
export function policyFromWorkbook(wb) {
  const origins = {};
  const at = (path, t, rec) => { origins[path] = `${t.name}, row ${rec.row + 1}`; };
  const get = (name, required) => table(wb, name, POLICY_SHEETS[name], required);
  const doc = {};
  const p = get('policy', true);
  const head = p.records[0]?.cells ?? {};
  if (!head.name) throw new WorkbookError(p.name, "the row under the header needs the policy's name");
  doc.name = str(head.name);
  set(doc, 'version', str(head.version));
  // A sheet whose rows are the items of one array of the document.
  const items = (name, required, make) => {
    const t = get(name, required);
    if (t) doc[name] = t.records.map((r, i) => { at(`${name}[${i}]`, t, r); return make(r.cells); });
  };
  items('municipalities', true, (c) => {
    const out = {};
    set(out, 'id', str(c.id)); set(out, 'name', str(c.name)); set(out, 'code', intOf(c.code));
    return out;
  });
  items('departments', true, (c) => {
    const out = {};
    set(out, 'id', str(c.id)); set(out, 'name', str(c.name)); set(out, 'municipality', str(c.municipality));
    out.sectors = list(c.sectors) ?? [];
    return out;
  });
  // Services: a row with the id of the row above adds a legal basis (a new law from a date).
  const s = get('services', true);
  doc.services = [];
  for (const r of s.records) {
    const c = r.cells;
    const last = doc.services[doc.services.length - 1];
    const basis = {};
    set(basis, 'text', str(c.legal_basis)); set(basis, 'from', dateText(c.legal_basis_from, wb.date1904)); set(basis, 'to', dateText(c.legal_basis_to, wb.date1904));
    if (last && (!c.id || str(c.id) === last.id)) {
      last.legal_basis.push(basis);
      continue;
    }
    at(`services[${doc.services.length}]`, s, r);
    const out = {};
    set(out, 'id', str(c.id)); set(out, 'name', str(c.name)); set(out, 'sector', str(c.sector));
    set(out, 'function', str(c.function)); set(out, 'kind', str(c.kind)); set(out, 'key', str(c.key));
    if (c.authority) out.authority = target(str(c.authority));
    if (c.payer) out.payer = target(str(c.payer));
    out.legal_basis = Object.keys(basis).length ? [basis] : [];
    doc.services.push(out);
  }
  // Keys: a row with the id of the row above adds a version from a later date.
  const k = get('keys');
  if (k) {
    doc.keys = [];
    for (const r of k.records) {
      const c = r.cells;
      const last = doc.keys[doc.keys.length - 1];
      const version = {};
      set(version, 'from', dateText(c.from, wb.date1904)); set(version, 'to', dateText(c.to, wb.date1904));
      set(version, 'kind', str(c.kind));
      version.shares = sharesOf(str(c.shares), version.kind);
      if (last && (!c.id || str(c.id) === last.id)) { last.versions.push(version); continue; }
      at(`keys[${doc.keys.length}]`, k, r);
      const out = {};
      set(out, 'id', str(c.id)); set(out, 'name', str(c.name));
      out.versions = [version];
      doc.keys.push(out);
    }
  }
  items('eligibility', false, (c) => {
    const out = {};
    set(out, 'from', dateText(c.from, wb.date1904)); set(out, 'to', dateText(c.to, wb.date1904));
    set(out, 'min_sector_areas', intOf(c.min_sector_areas));
    set(out, 'consent_required', boolOf(c.consent_required)); set(out, 'disability_required', boolOf(c.disability_required));
    if (c.age_min || c.age_max) out.age = { min: intOf(c.age_min) ?? 0, max: intOf(c.age_max) ?? 255 };
    set(out, 'municipalities', list(c.municipalities));
    return out;
  });
  items('arrangements', false, (c) => {
    const out = {};
    set(out, 'id', str(c.id)); set(out, 'grantor', str(c.grantor)); set(out, 'on_behalf_of', str(c.on_behalf_of));
    out.sectors = list(c.sectors) ?? [];
    set(out, 'from', dateText(c.from, wb.date1904)); set(out, 'to', dateText(c.to, wb.date1904)); set(out, 'basis', str(c.basis));
    return out;
  });
  // Reimbursement: one scheme; each row is a level of thresholds ('860000=25; 1680000=50').
  const re = get('reimbursement');
  if (re && re.records.length) {
    const first = re.records[0].cells;
    origins.reimbursement = `${re.name}, row ${re.records[0].row + 1}`;
    const out = {};
    set(out, 'id', str(first.id)); set(out, 'name', str(first.name)); set(out, 'legal_basis', str(first.legal_basis));
    out.services = list(first.services) ?? [];
    if (first.recipient) out.recipient = target(str(first.recipient));
    out.levels = re.records.map((r) => {
      const c = r.cells;
      const level = {};
      set(level, 'from', dateText(c.from, wb.date1904)); set(level, 'to', dateText(c.to, wb.date1904));
      level.tiers = String(str(c.tiers) ?? '').split(';').map((x) => x.trim()).filter(Boolean).map((x) => {
        const [above, percent] = x.split('=').map((y) => y.trim());
        return { above: decimalText({ text: above }), percent: decimalText({ text: percent ?? '' }) };
      });
      return level;
    });
    doc.reimbursement = out;
  }
  return { doc, origins };
}

/** The case document of a case workbook (sheets 'case', 'case services', ...), with origins. */
export function caseFromWorkbook(wb) {
  const origins = {};
  const get = (name, required) => table(wb, name, CASE_SHEETS[name], required);
  const c0 = get('case', true);
  const head = c0.records[0]?.cells;
  if (!head) throw new WorkbookError(c0.name, 'the row under the header needs the case');
  const doc = { id: str(head.id) ?? '' };
  set(doc, 'household', str(head.household));
  const birth = dateText(head.birth_date, wb.date1904);
  doc.child = {
    birth_date: birth ?? '',
    significant_permanent_disability: boolOf(head.significant_permanent_disability) ?? false,
    // 'ishoj' or 'ishoj=2019-05-14; vallensbaek=2022-01-01' (municipality = from).
    handlekommune: (str(head.handlekommune) ?? '').split(';').map((x) => x.trim()).filter(Boolean).map((x) => {
      const [municipality, from] = x.split('=').map((y) => y.trim());
      return { municipality, from: from ? dateText({ text: from }) : birth ?? '' };
    }),
  };
  if (head.consent_from) {
    const c = { from: dateText(head.consent_from, wb.date1904) };
    set(c, 'to', dateText(head.consent_to, wb.date1904));
    doc.consent = [c];
  }
  const lines = (name, field, make) => {
    const t = get(name, name === 'case services');
    if (!t) return;
    doc[field] = t.records.map((r, i) => { origins[`${field}[${i}]`] = `${t.name}, row ${r.row + 1}`; return make(r.cells); });
  };
  const money = (c) => {
    const out = {};
    set(out, 'id', str(c.id)); set(out, 'amount', moneyText(c.amount)); out.per = normalizePer(c?.per?.text ?? '');
    set(out, 'from', dateText(c.from, wb.date1904)); set(out, 'to', dateText(c.to, wb.date1904)); set(out, 'note', str(c.note));
    return out;
  };
  lines('case services', 'services', (c) => {
    const out = money(c);
    set(out, 'service', str(c.service));
    return out;
  });
  lines('case agreements', 'agreements', (c) => {
    const out = {};
    set(out, 'id', str(c.id)); set(out, 'service', str(c.service));
    set(out, 'from', dateText(c.from, wb.date1904)); set(out, 'to', dateText(c.to, wb.date1904));
    set(out, 'kind', str(c.kind));
    out.shares = sharesOf(str(c.shares), out.kind);
    set(out, 'note', str(c.note));
    return out;
  });
  lines('case income', 'income', money);
  lines('case other cases', 'other_cases', (c) => {
    const out = {};
    set(out, 'id', str(c.id)); set(out, 'sector', str(c.sector)); set(out, 'department', str(c.department));
    set(out, 'from', dateText(c.from, wb.date1904)); set(out, 'to', dateText(c.to, wb.date1904));
    return out;
  });
  return { doc, origins };
}

// ---- contract documents -> workbook sheets ----------------------------------------------------
const row = (columns, obj) => columns.map((c) => obj[c] ?? '');

/** Sheets (see writeWorkbook) holding a policy document, in the layout policyFromWorkbook reads. */
export function policySheets(p) {
  const S = POLICY_SHEETS;
  const sheets = [
    { name: 'policy', rows: [S.policy, row(S.policy, p)] },
    { name: 'municipalities', rows: [S.municipalities, ...p.municipalities.map((m) => row(S.municipalities, m))] },
    { name: 'departments', rows: [S.departments, ...p.departments.map((d) => row(S.departments, { ...d, sectors: d.sectors.join(', ') }))] },
    {
      name: 'services',
      rows: [S.services, ...p.services.flatMap((s) => {
        const bases = s.legal_basis.length ? s.legal_basis : [{}];
        return bases.map((b, i) => row(S.services, {
          ...(i === 0 ? { ...s, authority: s.authority ? s.authority.department ?? s.authority.sector : '', payer: s.payer ? s.payer.department ?? s.payer.sector : '' } : { id: s.id }),
          legal_basis: b.text, legal_basis_from: b.from, legal_basis_to: b.to,
        }));
      })],
    },
    {
      name: 'keys',
      rows: [S.keys, ...(p.keys ?? []).flatMap((k) => k.versions.map((v, i) => row(S.keys, { id: k.id, name: i === 0 ? k.name : '', from: v.from, to: v.to, kind: v.kind, shares: sharesText(v.shares) })))],
    },
    {
      name: 'eligibility',
      rows: [S.eligibility, ...(p.eligibility ?? []).map((e) => row(S.eligibility, {
        ...e, consent_required: e.consent_required === false ? 'no' : 'yes', disability_required: e.disability_required === false ? 'no' : 'yes',
        age_min: e.age?.min, age_max: e.age?.max, municipalities: (e.municipalities ?? []).join(', '),
      }))],
    },
    { name: 'arrangements', rows: [S.arrangements, ...(p.arrangements ?? []).map((a) => row(S.arrangements, { ...a, sectors: a.sectors.join(', ') }))] },
  ];
  const r = p.reimbursement;
  sheets.push({
    name: 'reimbursement',
    rows: [S.reimbursement, ...(r ? r.levels.map((l, i) => row(S.reimbursement, {
      ...(i === 0 ? { ...r, services: r.services.join(', '), recipient: r.recipient ? r.recipient.department ?? r.recipient.sector : '' } : {}),
      from: l.from, to: l.to, tiers: l.tiers.map((t) => `${t.above}=${t.percent}`).join('; '),
    })) : [])],
  });
  return sheets;
}

/** Sheets holding a case document, in the layout caseFromWorkbook reads. */
export function caseSheets(c) {
  const S = CASE_SHEETS;
  const consent = c.consent?.[0] ?? {};
  return [
    {
      name: 'case',
      rows: [S.case, row(S.case, {
        ...c, birth_date: c.child.birth_date, significant_permanent_disability: c.child.significant_permanent_disability ? 'yes' : 'no',
        handlekommune: c.child.handlekommune.map((h) => `${h.municipality}=${h.from}`).join('; '), consent_from: consent.from, consent_to: consent.to,
      })],
    },
    { name: 'case services', rows: [S['case services'], ...c.services.map((s) => row(S['case services'], { ...s, amount: num(s.amount) }))] },
    { name: 'case agreements', rows: [S['case agreements'], ...(c.agreements ?? []).map((a) => row(S['case agreements'], { ...a, shares: sharesText(a.shares) }))] },
    { name: 'case income', rows: [S['case income'], ...(c.income ?? []).map((i) => row(S['case income'], { ...i, amount: num(i.amount) }))] },
    { name: 'case other cases', rows: [S['case other cases'], ...(c.other_cases ?? []).map((o) => row(S['case other cases'], o))] },
  ];
}

// ---- writing ----------------------------------------------------------------------------------
/** A numeric cell from an exact decimal text (shown with two decimals). */
export const num = (text) => ({ n: String(text) });
/** A formula cell with the value it computes (exact decimal text), so no recalculation is needed to read it. */
export const formula = (f, cached) => ({ f, n: String(cached) });

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

function cellXml(v, c, r) {
  const ref = cellName(c, r);
  if (v === '' || v === null || v === undefined) return '';
  if (typeof v === 'object' && v.f) return `<c r="${ref}" s="3"><f>${escapeXml(v.f)}</f><v>${escapeXml(v.n)}</v></c>`;
  if (typeof v === 'object' && v.n !== undefined) return `<c r="${ref}" s="1"><v>${escapeXml(v.n)}</v></c>`;
  if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
  return `<c r="${ref}" t="inlineStr"${r === 0 ? ' s="2"' : ''}><is><t xml:space="preserve">${escapeXml(v)}</t></is></c>`;
}
function sheetXml(sheet, hasDrawing) {
  const widths = [];
  sheet.rows.forEach((r) => r.forEach((v, i) => {
    const len = String(typeof v === 'object' && v ? v.n : v ?? '').length;
    widths[i] = Math.min(60, Math.max(widths[i] ?? 8, len + 2));
  }));
  const cols = widths.length ? `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>` : '';
  const data = sheet.rows.map((r, ri) => `<row r="${ri + 1}">${r.map((v, ci) => cellXml(v, ci, ri)).join('')}</row>`).join('');
  return `${XML_HEAD}<worksheet xmlns="${NS}" xmlns:r="${NS_R}"><sheetViews><sheetView workbookViewId="0">${sheet.rows.length > 1 ? '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' : ''}</sheetView></sheetViews>${cols}<sheetData>${data}</sheetData><pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup orientation="landscape"/>${hasDrawing ? '<drawing r:id="rId1"/>' : ''}</worksheet>`;
}
function sheetRef(name) { return `'${name.replace(/'/g, "''")}'`; }
function chartXml(sheetName, pie) {
  const n = pie.count;
  const first = pie.firstRow + 1;
  const last = pie.firstRow + n;
  const col = (c) => cellName(c, 0).replace(/\d+$/, '');
  const cats = pie.labels.map((l, i) => `<c:pt idx="${i}"><c:v>${escapeXml(l)}</c:v></c:pt>`).join('');
  const vals = pie.values.map((v, i) => `<c:pt idx="${i}"><c:v>${escapeXml(v)}</c:v></c:pt>`).join('');
  const points = pie.values.map((_, i) => `<c:dPt><c:idx val="${i}"/><c:bubble3D val="0"/><c:spPr><a:solidFill><a:srgbClr val="${COLORS[i % COLORS.length]}"/></a:solidFill><a:ln><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill></a:ln></c:spPr></c:dPt>`).join('');
  return `${XML_HEAD}<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${NS_R}"><c:roundedCorners val="0"/><c:chart>`
    + `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${escapeXml(pie.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>`
    + `<c:plotArea><c:layout/><c:pieChart><c:varyColors val="1"/><c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:v>${escapeXml(pie.series)}</c:v></c:tx>${points}`
    + '<c:dLbls><c:showLegendKey val="0"/><c:showVal val="0"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="1"/><c:showBubbleSize val="0"/><c:showLeaderLines val="1"/></c:dLbls>'
    + `<c:cat><c:strRef><c:f>${escapeXml(sheetRef(sheetName))}!$${col(pie.labelCol)}$${first}:$${col(pie.labelCol)}$${last}</c:f><c:strCache><c:ptCount val="${n}"/>${cats}</c:strCache></c:strRef></c:cat>`
    + `<c:val><c:numRef><c:f>${escapeXml(sheetRef(sheetName))}!$${col(pie.valueCol)}$${first}:$${col(pie.valueCol)}$${last}</c:f><c:numCache><c:formatCode>#,##0.00</c:formatCode><c:ptCount val="${n}"/>${vals}</c:numCache></c:numRef></c:val>`
    + '</c:ser><c:firstSliceAng val="0"/></c:pieChart></c:plotArea><c:legend><c:legendPos val="r"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>';
}
function drawingXml(pie) {
  const from = pie.anchor;
  return `${XML_HEAD}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">`
    // 15 x 9 cm from the anchor cell, whatever the widths of the columns under it.
    + `<xdr:oneCellAnchor><xdr:from><xdr:col>${from.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${from.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>`
    + '<xdr:ext cx="5400000" cy="3240000"/>'
    + '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>'
    + `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${NS_R}" r:id="rId1"/></a:graphicData></a:graphic>`
    + '</xdr:graphicFrame><xdr:clientData/></xdr:oneCellAnchor></xdr:wsDr>';
}
const STYLES = `${XML_HEAD}<styleSheet xmlns="${NS}"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>`
  + '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
  + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
  + '<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
  + '<xf numFmtId="4" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/**
 * An .xlsx workbook. `sheets`: [{ name, rows, pie? }]; a row is an array of cells: a string, a number,
 * `num('123.45')` for money or `formula('SUM(B2:B9)', '123.45')`. `pie`: { title, series, labels,
 * values, labelCol, valueCol, firstRow, count, anchor: { col, row } } draws a native pie chart.
 */
export async function writeWorkbook(sheets) {
  const used = new Set();
  const names = sheets.map((s) => {
    let n = s.name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
    for (let i = 2; used.has(n.toLowerCase()); i++) n = `${n.slice(0, 28)} ${i}`;
    used.add(n.toLowerCase());
    return n;
  });
  const files = [];
  let charts = 0;
  const overrides = [];
  sheets.forEach((s, i) => {
    files.push([`xl/worksheets/sheet${i + 1}.xml`, sheetXml(s, Boolean(s.pie))]);
    overrides.push(`<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`);
    if (s.pie) {
      charts += 1;
      files.push([`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, `${XML_HEAD}<Relationships xmlns="${NS_PKG}"><Relationship Id="rId1" Type="${REL}/drawing" Target="../drawings/drawing${charts}.xml"/></Relationships>`]);
      files.push([`xl/drawings/drawing${charts}.xml`, drawingXml(s.pie)]);
      files.push([`xl/drawings/_rels/drawing${charts}.xml.rels`, `${XML_HEAD}<Relationships xmlns="${NS_PKG}"><Relationship Id="rId1" Type="${REL}/chart" Target="../charts/chart${charts}.xml"/></Relationships>`]);
      files.push([`xl/charts/chart${charts}.xml`, chartXml(names[i], s.pie)]);
      overrides.push(`<Override PartName="/xl/drawings/drawing${charts}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`);
      overrides.push(`<Override PartName="/xl/charts/chart${charts}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`);
    }
  });
  const workbook = `${XML_HEAD}<workbook xmlns="${NS}" xmlns:r="${NS_R}"><bookViews><workbookView/></bookViews><sheets>${names.map((n, i) => `<sheet name="${escapeXml(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets><calcPr calcId="191029" fullCalcOnLoad="0"/></workbook>`;
  const wbRels = `${XML_HEAD}<Relationships xmlns="${NS_PKG}">${names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rId${names.length + 1}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`;
  const types = `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>`
    + `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${overrides.join('')}</Types>`;
  return zip([
    ['[Content_Types].xml', types],
    ['_rels/.rels', `${XML_HEAD}<Relationships xmlns="${NS_PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    ['xl/workbook.xml', workbook],
    ['xl/_rels/workbook.xml.rels', wbRels],
    ['xl/styles.xml', STYLES],
    ...files,
  ]);
}
