// What the page hands to spreadsheets as text (CSV download, "Kopiér til regneark"): user text never
// becomes a live formula. As OWASP describes for CSV injection, a text cell starting with =, +, -, @,
// a tab or a carriage return gets a leading apostrophe (the spreadsheet shows it as text). Amounts
// are machine numbers and are written as they are (a negative amount stays a number).

const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell, escaped against formulas. */
export function textCell(value) {
  const s = String(value ?? '');
  return FORMULA_START.test(s) ? `'${s}` : s;
}

/** A CSV field (RFC 4180 quoting), text escaped against formulas; numbers are passed as they are. */
export function csvField(value, number = false) {
  const s = number ? String(value ?? '') : textCell(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A TSV row for the clipboard: tabs and line breaks inside a text cell become spaces. */
export function tsvRow(cells) {
  return cells.map((c) => (c.number ? String(c.value) : textCell(c.value).replace(/[\t\r\n]/g, ' '))).join('\t');
}
