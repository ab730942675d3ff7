// Small helpers to build the page's elements (text is always set as text, never as HTML).

/** The element with an id. */
export const $ = (id) => document.getElementById(id);

/** An element (HTML, or SVG for the chart tags) with attributes, listeners (`onclick`) and children. */
export function el(tag, attrs = {}, ...children) {
  const ns = ['svg', 'path', 'title', 'desc', 'rect', 'circle', 'g'].includes(tag) ? 'http://www.w3.org/2000/svg' : null;
  const e = ns ? document.createElementNS(ns, tag) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'text') e.textContent = v; else if (k.startsWith('on')) e.addEventListener(k.slice(2), v); else e.setAttribute(k, v);
  }
  for (const c of children) if (c != null) e.append(c);
  return e;
}

/** Fills the table with an id: a header row and body rows of text; `numeric` columns align right. */
export function table(id, head, rows, numeric = []) {
  const tbl = $(id);
  tbl.replaceChildren(
    el('thead', {}, el('tr', {}, ...head.map((h, i) => el('th', { text: h, class: numeric.includes(i) ? 'num' : '' })))),
    el('tbody', {}, ...rows.map((r) => el('tr', {}, ...r.map((c, i) => el('td', { text: c, class: numeric.includes(i) ? 'num' : '' }))))),
  );
}
