//! `fordeling serve`: the JSON contract as an HTTP service (feature `server`).
//!
//! `POST /v1/{command}` answers a contract request whose command is the path's; `GET /v1/health`;
//! `GET /v1/openapi.json`. Policies loaded at start (`--policy FILE|DIR`, each addressed by its file
//! stem) may be left out of a request and named by the `Fordeling-Policy` header or `?policy=ID`;
//! SIGHUP reloads them (a request uses the set that was in force when it arrived). The body of every
//! answer is exactly what `fordeling request` prints for the same request: the contract's answer and
//! a newline. Nothing from a request's body is ever written to the log.
//!
//! This is a program, not library code: it reads files, the clock and signals, and logs.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use arc_swap::ArcSwap;
use axum::body::Bytes;
use axum::extract::{Request as HttpRequest, State};
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response as HttpResponse};
use axum::routing::{get, post};
use axum::Router;
use fordeling::contract::{json_string, Command, DocInput, Output, Request, Response, CONTRACT_VERSION};
use fordeling::ErrorCode;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use serde::de::{Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tower_http::cors::CorsLayer;
use tower_http::request_id::{MakeRequestId, PropagateRequestIdLayer, RequestId, SetRequestIdLayer};

use crate::{error_response, Failure, EXIT_INTERNAL, EXIT_INVALID};

/// The header that names a loaded policy.
const POLICY_HEADER: &str = "fordeling-policy";
/// The media type of an .xlsx workbook.
const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/// The JSON Schema of the contract, around which the OpenAPI document is built.
const CONTRACT_SCHEMA: &str = include_str!("../../../schema/contract-v1.schema.json");

#[derive(clap::Args)]
pub struct ServeArgs {
    /// Address to listen on (port 0: any free port; the address taken is printed on stdout).
    #[arg(long, default_value = "127.0.0.1:8080")]
    listen: SocketAddr,
    /// A policy file (TOML or JSON), or a folder of them (*.toml, *.json), loaded at start and on
    /// SIGHUP; each is addressed by its file stem. Repeatable.
    #[arg(long)]
    policy: Vec<PathBuf>,
    /// The largest request body accepted, in bytes (larger: 413).
    #[arg(long, default_value_t = 8 * 1024 * 1024)]
    max_body: usize,
    /// Requests handled at once; more are refused at once with 503.
    #[arg(long, default_value_t = 256)]
    concurrency: usize,
    /// Threads that compute answers (default: the number of cores).
    #[arg(long)]
    workers: Option<usize>,
    /// Seconds a request may take, from its first byte to its answer (headers, body and
    /// computation): 408 while the request is still arriving, 504 while it is computed.
    #[arg(long, default_value_t = 10.0)]
    timeout: f64,
    /// Seconds to let requests in flight finish after SIGTERM or ctrl-c.
    #[arg(long, default_value_t = 10.0)]
    grace: f64,
    /// Allow cross-origin requests from this origin (CORS is off by default).
    #[arg(long)]
    cors: Option<String>,
    /// Log format on stderr.
    #[arg(long, value_enum, default_value_t = LogFormat::Json)]
    log: LogFormat,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum LogFormat {
    Json,
    Compact,
    Off,
}

/// A loaded policy: its contract text (a JSON string holding the file's text, as `fordeling
/// request` would send it).
struct Loaded {
    json: Arc<str>,
}

/// The policies in force.
#[derive(Default)]
struct Policies {
    by_id: BTreeMap<String, Loaded>,
    generation: u64,
}

impl Policies {
    /// The policy a request names, or the only one loaded.
    fn pick(&self, named: Option<&str>) -> Result<(&str, &Loaded), String> {
        match named {
            Some(id) => self
                .by_id
                .get_key_value(id)
                .map(|(k, v)| (k.as_str(), v))
                .ok_or_else(|| format!("no policy '{id}' is loaded; loaded: {}", self.ids().join(", "))),
            None if self.by_id.len() == 1 => {
                self.by_id.iter().next().map(|(k, v)| (k.as_str(), v)).ok_or_else(String::new)
            }
            None if self.by_id.is_empty() => {
                Err("the request has no policy, and the server has none loaded (--policy)".into())
            }
            None => Err(format!(
                "the request has no policy: name one with the Fordeling-Policy header or ?policy= (loaded: {})",
                self.ids().join(", ")
            )),
        }
    }

    fn ids(&self) -> Vec<&str> {
        self.by_id.keys().map(String::as_str).collect()
    }
}

/// Read every policy source; all must be valid, or nothing is loaded.
fn load(sources: &[PathBuf], generation: u64) -> Result<Policies, String> {
    let mut files = Vec::new();
    for source in sources {
        if source.is_dir() {
            let entries = std::fs::read_dir(source).map_err(|e| format!("{}: {e}", source.display()))?;
            let mut found: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file() && matches!(p.extension().and_then(|e| e.to_str()), Some("toml" | "json")))
                .collect();
            found.sort();
            files.extend(found);
        } else {
            files.push(source.clone());
        }
    }
    let mut by_id = BTreeMap::new();
    for file in files {
        let id = file.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
        let text = std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        let doc = DocInput::text(&text);
        if let Err(errors) = fordeling::contract::read_policy(&doc) {
            let list: Vec<String> = errors.0.iter().map(|e| e.to_string()).collect();
            return Err(format!("{}: {}", file.display(), list.join("; ")));
        }
        if by_id.insert(id.clone(), Loaded { json: Arc::from(doc.json()) }).is_some() {
            return Err(format!("two policies have the id '{id}' (the file stem); {}", file.display()));
        }
    }
    Ok(Policies { by_id, generation })
}

struct App {
    policies: ArcSwap<Policies>,
    in_flight: Arc<Semaphore>,
    max_body: usize,
    timeout: Duration,
    openapi: Bytes,
}

/// Request ids: a counter, unique within the process.
#[derive(Clone, Default)]
struct Counter(Arc<AtomicU64>);

impl MakeRequestId for Counter {
    fn make_request_id<B>(&mut self, _: &axum::http::Request<B>) -> Option<RequestId> {
        let n = self.0.fetch_add(1, Ordering::Relaxed) + 1;
        HeaderValue::from_str(&format!("r{n}")).ok().map(RequestId::new)
    }
}

/// A contract error answer made by the server itself (not by the library), with its status.
fn error(status: StatusCode, code: ErrorCode, item: &str, message: &str) -> HttpResponse {
    let mut answer = error_response(code, item, message).to_json();
    answer.push('\n');
    let mut r = (status, [(header::CONTENT_TYPE, "application/json")], answer).into_response();
    if status == StatusCode::SERVICE_UNAVAILABLE {
        r.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
    }
    r
}

/// The HTTP status of a contract answer: 200 ok; 422 when every error is a compute error (valid
/// documents that cannot be computed); 500 for an internal error; else 400 (invalid input).
fn status_of(answer: &str) -> StatusCode {
    if answer.starts_with("{\"status\":\"ok\"") {
        return StatusCode::OK;
    }
    #[derive(Deserialize)]
    struct Kind {
        kind: String,
    }
    #[derive(Deserialize)]
    struct Errors {
        errors: Vec<Kind>,
    }
    match serde_json::from_str::<Errors>(answer) {
        Ok(e) if e.errors.iter().any(|k| k.kind == "internal") => StatusCode::INTERNAL_SERVER_ERROR,
        Ok(e) if !e.errors.is_empty() && e.errors.iter().all(|k| k.kind == "compute") => {
            StatusCode::UNPROCESSABLE_ENTITY
        }
        Ok(_) => StatusCode::BAD_REQUEST,
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

/// What the client accepts of what we can give.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Accept {
    Json,
    Csv,
    /// A workbook of the answer (split, explain, postings, compare).
    Xlsx,
}

/// The commands whose answers are served as workbooks.
fn has_workbook(command: Command) -> bool {
    matches!(command, Command::Split | Command::Explain | Command::Postings | Command::Compare)
}

/// The first media range in `Accept` we can serve (JSON when none is given); `Err` names what was
/// asked for when we cannot.
fn negotiate(headers: &HeaderMap, command: Command) -> Result<Accept, String> {
    let Some(accept) = headers.get(header::ACCEPT).and_then(|v| v.to_str().ok()) else {
        return Ok(Accept::Json);
    };
    let ranges: Vec<(&str, bool)> = accept
        .split(',')
        .map(|r| {
            let mut parts = r.split(';').map(str::trim);
            let media = parts.next().unwrap_or_default();
            let refused =
                parts.any(|p| p.replace(' ', "").starts_with("q=0") && p.trim_end_matches(['0', '.']) == "q=");
            (media, refused)
        })
        .collect();
    for (media, refused) in &ranges {
        if *refused {
            continue;
        }
        match media.to_ascii_lowercase().as_str() {
            "application/json" | "application/*" | "*/*" | "" => return Ok(Accept::Json),
            "text/csv" | "text/*" if command == Command::Postings => return Ok(Accept::Csv),
            m if m == XLSX && has_workbook(command) => return Ok(Accept::Xlsx),
            _ => {}
        }
    }
    Err(format!(
        "cannot answer '{accept}': {} answers application/json{}{}",
        command_name(command),
        if command == Command::Postings { ", text/csv" } else { "" },
        if has_workbook(command) { format!(" or {XLSX}") } else { String::new() }
    ))
}

fn command_name(c: Command) -> String {
    serde_json::to_string(&c).unwrap_or_default().trim_matches('"').to_string()
}

/// The top-level members of a JSON object, values kept as their text.
struct Members<'a>(Vec<(String, &'a RawValue)>);

impl<'de> Deserialize<'de> for Members<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<'de>(std::marker::PhantomData<&'de ()>);
        impl<'de> Visitor<'de> for V<'de> {
            type Value = Members<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Members<'de>, A::Error> {
                let mut members = Vec::new();
                while let Some(entry) = map.next_entry::<String, &'de RawValue>()? {
                    members.push(entry);
                }
                Ok(Members(members))
            }
        }
        d.deserialize_map(V(std::marker::PhantomData))
    }
}

/// The contract request to answer: the body as it came when it names the path's command and its
/// policy; else the body with `command` and the loaded policy put in front of its members. A body
/// that is no JSON object goes to the contract unchanged (which answers with the error).
fn complete(
    body: &str,
    command: Command,
    named: Option<&str>,
    policies: &Policies,
) -> Result<(String, Option<String>), Box<HttpResponse>> {
    let Ok(members) = serde_json::from_str::<Members>(body) else {
        return Ok((body.to_string(), None));
    };
    let mut inject = Vec::new();
    let want = command_name(command);
    let mut has_command = false;
    for (_, value) in members.0.iter().filter(|(k, _)| k == "command") {
        has_command = true;
        let given: Option<String> = serde_json::from_str(value.get()).ok();
        if given.as_deref() != Some(want.as_str()) {
            return Err(Box::new(error(
                StatusCode::BAD_REQUEST,
                ErrorCode::Invalid,
                "(request)",
                &format!("the body's command {} is not the path's '{want}'", value.get()),
            )));
        }
    }
    if !has_command {
        inject.push(format!("\"command\":{}", json_string(&want)));
    }
    let has_policy = members.0.iter().any(|(k, _)| k == "policy");
    let mut policy_id = None;
    match (has_policy, named) {
        (true, Some(_)) => {
            return Err(Box::new(error(
                StatusCode::BAD_REQUEST,
                ErrorCode::Invalid,
                "(request)",
                "the request both carries a policy and names a loaded one; give one of them",
            )))
        }
        (true, None) => {}
        (false, _) => match policies.pick(named) {
            Ok((id, loaded)) => {
                inject.push(format!("\"policy\":{}", loaded.json));
                policy_id = Some(id.to_string());
            }
            Err(message) => {
                let code = if named.is_some() { ErrorCode::UnknownReference } else { ErrorCode::Missing };
                return Err(Box::new(error(StatusCode::BAD_REQUEST, code, "policy", &message)));
            }
        },
    }
    if inject.is_empty() {
        return Ok((body.to_string(), policy_id));
    }
    let open = body.find('{').map(|i| i + 1).unwrap_or_default();
    let mut text = String::with_capacity(body.len() + inject.iter().map(String::len).sum::<usize>() + 8);
    text.push('{');
    text.push_str(&inject.join(","));
    if !members.0.is_empty() {
        text.push(',');
    }
    text.push_str(&body[open..]);
    Ok((text, policy_id))
}

thread_local! {
    /// One engine per loaded policy (and one for policies sent in the request) on each computing
    /// thread: a policy is compiled once per thread, not once per request.
    static ENGINES: RefCell<HashMap<Option<String>, fordeling::contract::Engine>> = RefCell::new(HashMap::new());
}

/// Answer a complete contract request: the status, the media type and the body (the JSON answer
/// and a newline; or, for a success, the postings CSV or the workbook when asked for).
fn compute(text: &str, policy_id: Option<String>, accept: Accept) -> (StatusCode, &'static str, Vec<u8>) {
    let json = |mut answer: String| {
        answer.push('\n');
        (status_of(&answer), "application/json", answer.into_bytes())
    };
    if accept == Accept::Xlsx {
        // A workbook is written from the whole answer (fordeling::contract::xlsx).
        return match serde_json::from_str::<Request>(text) {
            Ok(request) => match fordeling::contract::xlsx::response_workbook(request) {
                Ok(bytes) => (StatusCode::OK, XLSX, bytes),
                Err(response) => json(response.to_json()),
            },
            Err(_) => json(fordeling::contract::handle_json(text)),
        };
    }
    ENGINES.with(|engines| {
        let mut engines = engines.borrow_mut();
        let engine = engines.entry(policy_id).or_default();
        if accept == Accept::Csv {
            if let Ok(request) = serde_json::from_str::<Request>(text) {
                let response = engine.handle(request);
                if let Response::Ok { result, .. } = &response {
                    if let Output::Postings { postings, .. } = result.as_ref() {
                        let csv = fordeling::report::postings::csv(postings);
                        return (StatusCode::OK, "text/csv; charset=utf-8", csv.into_bytes());
                    }
                }
                return json(response.to_json());
            }
        }
        json(engine.handle_json(text))
    })
}

fn named_policy(request: &HttpRequest) -> Option<String> {
    if let Some(v) = request.headers().get(POLICY_HEADER).and_then(|v| v.to_str().ok()) {
        return Some(v.trim().to_string());
    }
    request.uri().query()?.split('&').find_map(|kv| kv.strip_prefix("policy=").map(str::to_string))
}

async fn contract(
    State(app): State<Arc<App>>,
    command: axum::extract::Path<String>,
    request: HttpRequest,
) -> HttpResponse {
    let started = Instant::now();
    let Ok(command) = serde_json::from_str::<Command>(&json_string(&command.0)) else {
        return error(StatusCode::NOT_FOUND, ErrorCode::NotFound, "(path)", &format!("no command '{}'", command.0));
    };
    let accept = match negotiate(request.headers(), command) {
        Ok(a) => a,
        Err(message) => return error(StatusCode::NOT_ACCEPTABLE, ErrorCode::NotAcceptable, "(accept)", &message),
    };
    let Ok(permit) = Arc::clone(&app.in_flight).try_acquire_owned() else {
        return error(
            StatusCode::SERVICE_UNAVAILABLE,
            ErrorCode::Overloaded,
            "(server)",
            "too many requests at once; try again",
        );
    };
    // One snapshot of the policies for the whole request: a reload never mixes two sets.
    let policies = app.policies.load_full();
    let named = named_policy(&request);
    if let Some(len) = request.headers().get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<u64>().ok())
    {
        if len > app.max_body as u64 {
            return too_large(app.max_body);
        }
    }
    let deadline = app.timeout;
    let body = match tokio::time::timeout(deadline, axum::body::to_bytes(request.into_body(), app.max_body)).await {
        Err(_) => {
            return error(
                StatusCode::REQUEST_TIMEOUT,
                ErrorCode::Timeout,
                "(request)",
                "the request did not arrive in time",
            )
        }
        Ok(Err(_)) => return too_large(app.max_body),
        Ok(Ok(b)) => b,
    };
    let Ok(body) = std::str::from_utf8(&body) else {
        return error(StatusCode::BAD_REQUEST, ErrorCode::Syntax, "(request)", "the body is not valid UTF-8 text");
    };
    let (text, policy_id) = match complete(body, command, named.as_deref(), &policies) {
        Ok(t) => t,
        Err(response) => return *response,
    };
    drop(policies);
    let work = tokio::task::spawn_blocking(move || {
        let answer = compute(&text, policy_id, accept);
        drop(permit);
        answer
    });
    let left = deadline.saturating_sub(started.elapsed());
    match tokio::time::timeout(left, work).await {
        Err(_) => {
            error(StatusCode::GATEWAY_TIMEOUT, ErrorCode::Timeout, "(request)", "the answer took too long to compute")
        }
        Ok(Err(_)) => {
            error(StatusCode::INTERNAL_SERVER_ERROR, ErrorCode::Internal, "(server)", "the computation failed")
        }
        Ok(Ok((status, media, body))) => (status, [(header::CONTENT_TYPE, media)], body).into_response(),
    }
}

fn too_large(limit: usize) -> HttpResponse {
    error(
        StatusCode::PAYLOAD_TOO_LARGE,
        ErrorCode::TooLarge,
        "(request)",
        &format!("the body is larger than {limit} bytes (--max-body)"),
    )
}

async fn health(State(app): State<Arc<App>>) -> HttpResponse {
    let policies = app.policies.load();
    let body = serde_json::json!({
        "status": "ok",
        "version": CONTRACT_VERSION,
        "policies": policies.ids(),
        "generation": policies.generation,
    });
    ([(header::CONTENT_TYPE, "application/json")], body.to_string() + "\n").into_response()
}

async fn openapi(State(app): State<Arc<App>>) -> HttpResponse {
    ([(header::CONTENT_TYPE, "application/json")], app.openapi.clone()).into_response()
}

async fn not_found(request: HttpRequest) -> HttpResponse {
    let path = request.uri().path().to_string();
    error(StatusCode::NOT_FOUND, ErrorCode::NotFound, "(path)", &format!("nothing at {path}; see /v1/openapi.json"))
}

/// Rewrite `#/$defs/NAME` references to `#/components/schemas/NAME`.
fn rebase(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map.iter_mut() {
                match v {
                    serde_json::Value::String(s) if k == "$ref" => {
                        for prefix in ["#/$defs/", "#/definitions/"] {
                            if let Some(name) = s.strip_prefix(prefix) {
                                *s = format!("#/components/schemas/{name}");
                            }
                        }
                    }
                    _ => rebase(v),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(rebase),
        _ => {}
    }
}

/// The OpenAPI 3.1 document: the contract's JSON Schema (its definitions become the component
/// schemas, the whole of it `ContractV1`), and the paths around it.
pub fn openapi_document() -> serde_json::Value {
    use serde_json::{json, Value};
    let mut schema: Value = serde_json::from_str(CONTRACT_SCHEMA).unwrap_or_else(|_| json!({}));
    let mut components = serde_json::Map::new();
    if let Value::Object(root) = &mut schema {
        for key in ["$defs", "definitions"] {
            if let Some(Value::Object(defs)) = root.remove(key) {
                components.extend(defs);
            }
        }
        root.remove("$id");
        root.remove("$schema");
    }
    components.insert("ContractV1".into(), schema);
    let mut components = Value::Object(components);
    rebase(&mut components);
    let find = |want: &str| {
        components
            .as_object()
            .and_then(|c| c.keys().find(|k| k.eq_ignore_ascii_case(want)).cloned())
            .map(|k| json!({ "$ref": format!("#/components/schemas/{k}") }))
            .unwrap_or_else(|| json!({ "$ref": "#/components/schemas/ContractV1" }))
    };
    let (request, response) = (find("request"), find("response"));
    let answer = |what: &str| json!({ "description": what, "content": { "application/json": { "schema": response } } });
    let mut paths = serde_json::Map::new();
    for command in ["check", "split", "explain", "postings", "compare", "parse"] {
        let mut content = serde_json::Map::new();
        content.insert("application/json".into(), json!({ "schema": response }));
        if command == "postings" {
            content.insert("text/csv".into(), json!({ "schema": { "type": "string" } }));
        }
        if matches!(command, "split" | "explain" | "postings" | "compare") {
            content.insert(XLSX.into(), json!({ "schema": { "type": "string", "contentMediaType": XLSX } }));
        }
        paths.insert(
            format!("/v1/{command}"),
            json!({ "post": {
                "operationId": command,
                "summary": format!("The contract command '{command}'"),
                "description": "The body is a contract request. `command` may be left out (the path's is used; another one is refused). `policy` may be left out when the server has policies loaded: the only one, or the one named by the Fordeling-Policy header or ?policy=.",
                "parameters": [
                    { "name": "Fordeling-Policy", "in": "header", "required": false, "schema": { "type": "string" }, "description": "The id (file stem) of a loaded policy." },
                    { "name": "policy", "in": "query", "required": false, "schema": { "type": "string" }, "description": "The id (file stem) of a loaded policy." }
                ],
                "requestBody": { "required": true, "content": { "application/json": { "schema": request } } },
                "responses": {
                    "200": { "description": "The answer (status ok).", "content": Value::Object(content) },
                    "400": answer("Invalid input: the contract's error answer (policy, case or request errors)."),
                    "404": answer("No such command."),
                    "406": answer("The Accept header asks for a format this command is not served in."),
                    "408": answer("The request did not arrive within the time limit."),
                    "413": answer("The body is larger than the limit."),
                    "422": answer("Valid documents that cannot be computed (compute errors)."),
                    "500": answer("An internal error."),
                    "503": answer("Too many requests at once; try again."),
                    "504": answer("The answer took longer than the time limit to compute.")
                }
            } }),
        );
    }
    paths.insert(
        "/v1/health".into(),
        json!({ "get": { "operationId": "health", "summary": "Whether the service is up, and the policies loaded.",
            "responses": { "200": { "description": "Up.", "content": { "application/json": { "schema": {
                "type": "object", "required": ["status", "version", "policies", "generation"],
                "properties": { "status": { "const": "ok" }, "version": { "const": CONTRACT_VERSION },
                    "policies": { "type": "array", "items": { "type": "string" } }, "generation": { "type": "integer" } } } } } } } } }),
    );
    paths.insert(
        "/v1/openapi.json".into(),
        json!({ "get": { "operationId": "openapi", "summary": "This document.",
            "responses": { "200": { "description": "The OpenAPI document.", "content": { "application/json": { "schema": { "type": "object" } } } } } } }),
    );
    json!({
        "openapi": "3.1.0",
        "info": { "title": "fordeling", "version": env!("CARGO_PKG_VERSION"),
            "description": "The fordeling JSON contract over HTTP. Every answer body is exactly what `fordeling request` prints for the same request." },
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "paths": Value::Object(paths),
        "components": { "schemas": components },
    })
}

/// Log one line per request: id, method, path, status, time. Never a body, a header value or a
/// query (they may carry case data).
async fn log_request(request: HttpRequest, next: axum::middleware::Next) -> HttpResponse {
    let started = Instant::now();
    let id = request.headers().get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or("-").to_string();
    let method = request.method().clone();
    let path = request.uri().path().to_string();
    let response = next.run(request).await;
    tracing::info!(
        request_id = %id,
        method = %method,
        path = %path,
        status = response.status().as_u16(),
        ms = started.elapsed().as_micros() as f64 / 1000.0,
        "request"
    );
    response
}

fn router(app: Arc<App>, cors: Option<HeaderValue>) -> Router {
    let x_request_id = HeaderName::from_static("x-request-id");
    let mut router = Router::new()
        .route("/v1/health", get(health))
        .route("/v1/openapi.json", get(openapi))
        .route("/v1/{command}", post(contract))
        .fallback(not_found)
        .with_state(app)
        .layer(axum::middleware::from_fn(log_request));
    if let Some(origin) = cors {
        router = router.layer(
            CorsLayer::new()
                .allow_origin(origin)
                .allow_methods([Method::GET, Method::POST])
                .allow_headers([header::CONTENT_TYPE, header::ACCEPT, HeaderName::from_static(POLICY_HEADER)])
                .expose_headers([x_request_id.clone()]),
        );
    }
    router
        .layer(PropagateRequestIdLayer::new(x_request_id.clone()))
        .layer(SetRequestIdLayer::new(x_request_id, Counter::default()))
}

fn failure(message: &str) -> Failure {
    Failure { code: EXIT_INVALID, response: error_response(ErrorCode::Server, "serve", message) }
}

/// Run the server until SIGTERM or ctrl-c.
pub fn run(args: &ServeArgs) -> Result<String, Failure> {
    match args.log {
        LogFormat::Json => tracing_subscriber::fmt().json().with_writer(std::io::stderr).init(),
        LogFormat::Compact => tracing_subscriber::fmt().compact().with_writer(std::io::stderr).init(),
        LogFormat::Off => {}
    }
    let policies = load(&args.policy, 1).map_err(|m| failure(&m))?;
    let cors = match &args.cors {
        Some(o) => Some(HeaderValue::from_str(o).map_err(|_| failure(&format!("--cors: '{o}' is not an origin")))?),
        None => None,
    };
    if !(args.timeout > 0.0 && args.timeout.is_finite() && args.grace >= 0.0 && args.grace.is_finite()) {
        return Err(failure("--timeout must be above 0 and --grace at least 0 seconds"));
    }
    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2);
    let workers = args.workers.unwrap_or(cores).max(1);
    let app = Arc::new(App {
        policies: ArcSwap::from_pointee(policies),
        in_flight: Arc::new(Semaphore::new(args.concurrency.max(1))),
        max_body: args.max_body,
        timeout: Duration::from_secs_f64(args.timeout),
        openapi: Bytes::from(openapi_document().to_string()),
    });
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(cores)
        .max_blocking_threads(workers)
        .thread_keep_alive(Duration::from_secs(600))
        .enable_all()
        .build()
        .map_err(|e| Failure {
            code: EXIT_INTERNAL,
            response: error_response(ErrorCode::Server, "runtime", &e.to_string()),
        })?;
    runtime.block_on(serve(args, app, cors))
}

async fn serve(args: &ServeArgs, app: Arc<App>, cors: Option<HeaderValue>) -> Result<String, Failure> {
    let listener =
        TcpListener::bind(args.listen).await.map_err(|e| failure(&format!("cannot listen on {}: {e}", args.listen)))?;
    let addr = listener.local_addr().map_err(|e| failure(&e.to_string()))?;
    {
        use std::io::Write;
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "listening on http://{addr}");
        let _ = out.flush();
    }
    tracing::info!(address = %addr, policies = ?app.policies.load().ids(), "listening");
    tokio::spawn(reload_on_hangup(Arc::clone(&app), args.policy.clone()));
    let timeout = app.timeout;
    let service = router(app, cors);
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut stop = std::pin::pin!(shutdown_signal());
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let stream = match accepted {
                    Ok((stream, _)) => stream,
                    Err(e) => {
                        // Out of file descriptors and the like: wait a little rather than spin.
                        tracing::warn!(error = %e, "accept failed");
                        tokio::time::sleep(Duration::from_millis(50)).await;
                        continue;
                    }
                };
                let _ = stream.set_nodelay(true);
                let connection = hyper::server::conn::http1::Builder::new()
                    .timer(TokioTimer::new())
                    .header_read_timeout(timeout)
                    .serve_connection(TokioIo::new(stream), TowerToHyperService::new(service.clone()));
                let connection = graceful.watch(connection);
                tokio::spawn(async move {
                    let _ = connection.await;
                });
            }
            _ = &mut stop => break,
        }
    }
    drop(listener);
    tracing::info!("shutting down: finishing the requests in flight");
    tokio::select! {
        _ = graceful.shutdown() => tracing::info!("stopped"),
        _ = tokio::time::sleep(Duration::from_secs_f64(args.grace)) => tracing::warn!("stopped with requests still in flight (--grace)"),
    }
    Ok(String::new())
}

async fn shutdown_signal() {
    let ctrl_c = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = ctrl_c => {}
                    _ = term.recv() => {}
                }
            }
            Err(_) => {
                let _ = ctrl_c.await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = ctrl_c.await;
    }
}

async fn reload_on_hangup(app: Arc<App>, sources: Vec<PathBuf>) {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        let Ok(mut hangup) = signal(SignalKind::hangup()) else {
            tracing::warn!("cannot listen for SIGHUP: no reloading");
            return;
        };
        while hangup.recv().await.is_some() {
            let generation = app.policies.load().generation + 1;
            let sources = sources.clone();
            match tokio::task::spawn_blocking(move || load(&sources, generation)).await {
                Ok(Ok(policies)) => {
                    let ids: Vec<String> = policies.ids().into_iter().map(str::to_string).collect();
                    app.policies.store(Arc::new(policies));
                    tracing::info!(generation, policies = ?ids, "policies reloaded");
                }
                Ok(Err(message)) => tracing::error!(error = %message, "reload refused; the policies in force stay"),
                Err(e) => tracing::error!(error = %e, "reload failed"),
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = (app, sources);
    }
}
