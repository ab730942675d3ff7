// The workbook module in a Web Worker: reading a workbook (a file the user chose, perhaps a zip bomb)
// and writing one never runs on the page's own thread, so the page never freezes; the page ends the
// worker if it takes too long. The module has the whole contract (the portfolio too, which the page's
// first-load module leaves out), so the portfolio view computes here as well ('handle': a contract
// request as JSON text, through one Engine that keeps the last compiled policy and the last portfolio,
// so that a scenario of it is computed from it; 'handleAside': the same through a second Engine, for
// the drill-down's one-case portfolios, which would otherwise replace the kept one). Messages:
// {id, op: 'read' | 'cases' | 'result' | 'template' | 'handle' | 'handleAside', arg} -> {id, ok: text or bytes} or {id, error: message}.
import init, { Engine, readCases, readWorkbook, resultWorkbook, templateWorkbook } from './pkg-xlsx/fordeling_wasm.js';

const ready = init();
let engine = null;
let aside = null;
const handle = (request) => (engine ??= new Engine()).handle(request);
const handleAside = (request) => (aside ??= new Engine()).handle(request);
const ops = { read: readWorkbook, cases: readCases, result: resultWorkbook, template: templateWorkbook, handle, handleAside };

self.onmessage = async ({ data: { id, op, arg } }) => {
  try {
    await ready;
    const ok = ops[op](arg);
    self.postMessage({ id, ok }, ok instanceof Uint8Array ? [ok.buffer] : []);
  } catch (e) {
    self.postMessage({ id, error: String(e?.message ?? e) });
  }
};
