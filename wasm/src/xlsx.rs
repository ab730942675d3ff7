//! Workbooks in WebAssembly (feature `xlsx`, the page's second module `pkg-xlsx`, loaded when a
//! workbook is opened or saved): reading a workbook's bytes into the documents it holds, and writing
//! results and templates as .xlsx bytes. Reading never throws; writing throws an `Error` whose
//! message is the contract's error answer (JSON) when the library refuses the request.

use fordeling::contract::xlsx::{self, Sheet};
use fordeling::contract::{Request, Response};
use serde_json::{json, Map, Value};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = r#"
/** A problem with the workbook itself: `place` is a cell (`departments!E1`), a sheet or a part;
 *  `limit` names the size limit it broke, if that is the problem. */
export interface WorkbookProblem { place: string; message: string; text: string; limit: null | 'file_bytes' | 'parts' | 'unpacked_bytes' | 'cells' }
/** What `readWorkbook` found: the documents (null when the workbook has no such sheets), where each
 *  item came from (`{"departments[1]": "departments, row 3"}`), and the problems (documents are
 *  null when there are any). */
export interface WorkbookRead {
  policy: object | null;
  case: object | null;
  origins: { policy: Record<string, string>; case: Record<string, string> };
  errors: WorkbookProblem[];
}
/** What `readCases` found in a workbook of many cases: the case documents (empty when there are
 *  problems) and the problems, each naming its sheet and cell. */
export interface WorkbookCases { cases: object[]; errors: WorkbookProblem[] }
/** A cell to write: text, a plain number, money `{n: "123.45"}`, a formula `{f: "SUM(B2:B9)", n: "123.45"}`, or null. */
export type WorkbookCell = string | number | null | { n: string } | { f: string; n: string };
export interface WorkbookSheet { name: string; rows: WorkbookCell[][] }
"#;

/// Read a workbook (.xlsx, .xls or .ods bytes): a JSON `WorkbookRead`.
#[wasm_bindgen(js_name = readWorkbook)]
pub fn read_workbook(bytes: &[u8]) -> String {
    let origins = |o: &std::collections::BTreeMap<String, xlsx::Origin>| {
        Value::Object(o.iter().map(|(k, v)| (k.clone(), Value::String(v.to_string()))).collect::<Map<_, _>>())
    };
    let out = match xlsx::read_workbook(bytes) {
        Ok(wb) => json!({
            "policy": wb.policy, "case": wb.case,
            "origins": { "policy": origins(&wb.policy_origins), "case": origins(&wb.case_origins) },
            "errors": [],
        }),
        Err(errors) => json!({
            "policy": null, "case": null, "origins": { "policy": {}, "case": {} },
            "errors": errors.iter().map(|e| json!({ "place": e.place, "message": e.message, "text": e.to_string(), "limit": e.limit })).collect::<Vec<_>>(),
        }),
    };
    out.to_string()
}

/// Read a workbook of many cases (the case sheets, one row per case on `case`, a `case` column on the
/// others; one case needs no such column): a JSON `WorkbookCases`.
#[wasm_bindgen(js_name = readCases)]
pub fn read_cases(bytes: &[u8]) -> String {
    let out = match xlsx::read_cases(bytes) {
        Ok(cases) => json!({ "cases": cases, "errors": [] }),
        Err(errors) => json!({
            "cases": [],
            "errors": errors.iter().map(|e| json!({ "place": e.place, "message": e.message, "text": e.to_string(), "limit": e.limit })).collect::<Vec<_>>(),
        }),
    };
    out.to_string()
}

/// Every cell of every sheet (for tools and tests): JSON `[{name, cells: [{ref, text, number?, formula?}]}]`,
/// or `{"error": text}`.
#[wasm_bindgen(js_name = workbookCells)]
pub fn workbook_cells(bytes: &[u8]) -> String {
    match xlsx::read_cells(bytes) {
        Ok(v) => v.to_string(),
        Err(e) => json!({ "error": e.to_string() }).to_string(),
    }
}

/// Write sheets (JSON `WorkbookSheet[]`) as .xlsx bytes.
#[wasm_bindgen(js_name = writeSheets)]
pub fn write_sheets(sheets: &str) -> Result<Vec<u8>, JsError> {
    let sheets: Vec<Sheet> = serde_json::from_str(sheets).map_err(|e| JsError::new(&format!("sheets: {e}")))?;
    xlsx::write_sheets(&sheets).map_err(|e| JsError::new(&e.to_string()))
}

/// The template sheets (JSON `WorkbookSheet[]`) of a request's policy and case (a contract request;
/// its command is ignored).
#[wasm_bindgen(js_name = templateSheets)]
pub fn template_sheets(request: &str) -> Result<String, JsError> {
    let request = read_request(request)?;
    let parse = Request { command: fordeling::contract::Command::Parse, ..request };
    match fordeling::contract::handle(parse) {
        Response::Ok { result, .. } => match *result {
            fordeling::contract::Output::Parse { policy, case } => {
                serde_json::to_string(&xlsx::template_sheets(&policy, case.as_ref()))
                    .map_err(|e| JsError::new(&e.to_string()))
            }
            _ => Err(JsError::new("unexpected answer")),
        },
        error => Err(JsError::new(&error.to_json())),
    }
}

/// The template workbook (.xlsx bytes) of a request's policy and case.
#[wasm_bindgen(js_name = templateWorkbook)]
pub fn template_workbook(request: &str) -> Result<Vec<u8>, JsError> {
    let request = read_request(request)?;
    xlsx::template_in(request.policy, request.case, request.lang)
        .map_err(|errors| JsError::new(&Response::Error { version: 1, errors }.to_json()))
}

/// The answer to a request (split, explain, postings or compare) as a workbook (.xlsx bytes).
#[wasm_bindgen(js_name = resultWorkbook)]
pub fn result_workbook(request: &str) -> Result<Vec<u8>, JsError> {
    xlsx::response_workbook(read_request(request)?).map_err(|r| JsError::new(&r.to_json()))
}

fn read_request(request: &str) -> Result<Request, JsError> {
    serde_json::from_str(request).map_err(|e| JsError::new(&format!("request: {e}")))
}
