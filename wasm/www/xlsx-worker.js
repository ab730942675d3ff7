// The workbook module in a Web Worker: reading a workbook (a file the user chose, perhaps a zip bomb)
// and writing one never runs on the page's own thread, so the page never freezes; the page ends the
// worker if it takes too long. Messages: {id, op: 'read' | 'result' | 'template', arg} ->
// {id, ok: text or bytes} or {id, error: message}.
import init, { readWorkbook, resultWorkbook, templateWorkbook } from './pkg-xlsx/fordeling_wasm.js';

const ready = init();
const ops = { read: readWorkbook, result: resultWorkbook, template: templateWorkbook };

self.onmessage = async ({ data: { id, op, arg } }) => {
  try {
    await ready;
    const ok = ops[op](arg);
    self.postMessage({ id, ok }, ok instanceof Uint8Array ? [ok.buffer] : []);
  } catch (e) {
    self.postMessage({ id, error: String(e?.message ?? e) });
  }
};
