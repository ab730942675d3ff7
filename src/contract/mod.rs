//! The JSON contract: one request/response format, used unchanged by the CLI and the WebAssembly
//! module (and by any system that calls `fordeling`). Its JSON Schema is
//! `schema/contract-v1.schema.json`.
//!
//! A request names the contract version and a command; the policy and the case travel either as
//! JSON objects or as text (TOML or JSON, as read from a file). The answer is always a JSON object
//! tagged by `status`: `"ok"` with a `result`, or `"error"` with a list of `errors`, each naming the
//! document, item and field. [`handle_json`] never fails and never panics: any text in gives a
//! tagged answer out.
//!
//! ```
//! let request = serde_json::json!({
//!     "version": 1,
//!     "command": "split",
//!     "policy": fordeling::example::POLICY,
//!     "case": fordeling::example::CASE,
//!     "period": { "from": "2024-01-01", "to": "2024-12-31" }
//! });
//! let answer: serde_json::Value =
//!     serde_json::from_str(&fordeling::contract::handle_json(&request.to_string())).unwrap();
//! assert_eq!(answer["status"], "ok");
//! assert_eq!(answer["result"]["totals"]["case"], "530206.44");
//! ```

use std::sync::Arc;

pub mod batch;
#[cfg(feature = "portfolio")]
pub mod budget;
pub mod format;
#[cfg(feature = "portfolio")]
mod portfolio;
pub mod schema;
pub mod stream;
#[cfg(feature = "xlsx")]
pub mod xlsx;

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use serde_json::Value;

use crate::case::{Case, CaseDoc};
use crate::contract::format::{parse_json, parse_text, MAX_INPUT_BYTES};
use crate::engine::result::SplitResult;
use crate::engine::{compute, compute_household};
use crate::i18n::{Lang, Message};
use crate::model::error::{ComputeError, Doc, ErrorCode, ErrorKind, InputError, InputErrors};
use crate::model::validity::Period;
use crate::policy::{Policy, PolicyDoc};
use crate::report::explain::explain_text;
pub use stream::Answer;

/// Postings leave only without a CPR number; with a profile, also as its text.
fn postings_export(
    policy: &Policy,
    postings: &[crate::report::postings::Posting],
    profile: Option<&str>,
) -> Result<Option<String>, Vec<InputError>> {
    use crate::report::ledger;
    ledger::check_no_cpr(policy, postings)?;
    match profile {
        None => Ok(None),
        Some(name) => {
            let profile = ledger::profile(policy, name).map_err(|e| vec![e])?;
            ledger::export(policy, postings, &profile).map(Some)
        }
    }
}

/// The contract version this library speaks.
pub const CONTRACT_VERSION: u32 = 1;

/// What to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Command {
    /// Validate a policy and list what it declares.
    Check,
    /// Split a case over a period.
    Split,
    /// Split a case and explain every number in words.
    Explain,
    /// Validate the policy (and the case, if given) and return them as JSON documents.
    Parse,
    /// Split a case and give the posting lines that book it.
    Postings,
    /// Compare a case with its previous version (`previous_case`): changes per month and department,
    /// and correcting postings for the months through `booked_through`.
    Compare,
    /// Many cases (`cases`) through a budget year (`year`): actual to `booked_through`, forecast to
    /// the year's end, next year and three estimate years, against a `budget`.
    Portfolio,
}

/// How much of each line a `split` answer carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, schemars::JsonSchema, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Detail {
    /// Every fact of every line.
    #[default]
    Full,
    /// Lines reduced to amount, key and shares ([`crate::engine::result::LineSummary`]).
    Summary,
}

impl Detail {
    fn is_full(&self) -> bool {
        *self == Detail::Full
    }
}

/// A request.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, expecting = "request")]
pub struct Request {
    /// Contract version; must be 1.
    #[schemars(extend("const" = 1))]
    pub version: u32,
    /// The command.
    pub command: Command,
    /// The policy: a JSON object (the policy document) or a string (TOML or JSON text).
    pub policy: DocInput,
    /// The case (for `split` and `explain`): a JSON object or a string (TOML or JSON text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case: Option<DocInput>,
    /// The period to compute; by default the span of the case's services.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// Today's date, as the caller knows it (the library reads no clock). Used only when `period` is
    /// not given and the case has a service without an end date: the period is then the budget year
    /// of this date (1 January to 31 December), and the answer says so (`period_default`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub today: Option<crate::model::date::Date>,
    /// Language of explanation texts (`en` or `da`; default `en`).
    #[serde(default)]
    pub lang: Lang,
    /// The other children of the case's household (same `household` id), each a JSON object or a
    /// string: their cost is added to the case's for state reimbursement.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub siblings: Vec<DocInput>,
    /// For `split`: `full` (default) or `summary` — lines reduced to amount, key and shares, for a
    /// page that recomputes on every keystroke and asks for the full answer when a line is opened.
    #[serde(default, skip_serializing_if = "Detail::is_full")]
    pub detail: Detail,
    /// For `compare`: the previous version of the case.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_case: Option<DocInput>,
    /// For `compare`: the last month already booked (`YYYY-MM`); default: every month of the period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub booked_through: Option<crate::model::date::Month>,
    /// For `portfolio`: the cases, each a JSON object or a string (TOML or JSON text).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cases: Vec<DocInput>,
    /// For `portfolio`: the budget year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// For `portfolio`: the budget per department and year (`budget = [{ department, year, amount }]`),
    /// a JSON object or TOML or JSON text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget: Option<DocInput>,
    /// For `portfolio`: a scenario, another policy (changed keys, agreements or year section); the
    /// answer adds the portfolio under it and what changes per department and year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scenario: Option<DocInput>,
    /// For `postings`: an export profile (`generic`, `dansk` or one of the policy's
    /// `ledger.profiles`); the answer adds the postings as that profile's text (`export`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<String>,
    /// For `portfolio`: the date of the last report; the answer lists the case agreements decided
    /// after it (`changes_since`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<crate::model::date::Date>,
}

impl Request {
    /// A request for `command` on `policy`, with nothing else set.
    pub fn new(command: Command, policy: DocInput) -> Request {
        Request {
            version: CONTRACT_VERSION,
            command,
            policy,
            case: None,
            period: None,
            today: None,
            lang: Lang::En,
            siblings: Vec::new(),
            detail: Detail::Full,
            previous_case: None,
            booked_through: None,
            cases: Vec::new(),
            year: None,
            budget: None,
            scenario: None,
            profile: None,
            since: None,
        }
    }
}

/// A document in a request: a JSON object (the document itself), or a string holding the
/// document as TOML or JSON text, as read from a file.
///
/// It is kept as the JSON text it came in, so that a key given twice inside an object is refused
/// like anywhere else, and so that an [`Engine`] recognises the policy it compiled last.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DocInput(Box<RawValue>);

impl schemars::JsonSchema for DocInput {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "DocInput".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        crate::model::schema::schema(serde_json::json!({
            "description": "A policy or case document: a JSON object (the document; see PolicyDoc and CaseDoc), or its TOML or JSON text as a string.",
            "type": ["object", "string"],
            "additionalProperties": true
        }))
    }
}

impl DocInput {
    /// A document given as TOML or JSON text.
    pub fn text(text: &str) -> DocInput {
        DocInput::raw(json_string(text))
    }

    /// A document given as a JSON value (an object, for a valid document).
    pub fn value(value: &Value) -> DocInput {
        DocInput::raw(value.to_string())
    }

    /// Valid JSON text (a serialized string or value) as a document; never fails for such text.
    fn raw(json: String) -> DocInput {
        DocInput(RawValue::from_string(json).unwrap_or_else(|_| Box::<RawValue>::default()))
    }

    /// The JSON text of the document as it came.
    pub fn json(&self) -> &str {
        self.0.get()
    }

    /// Read a document of type `T`: from the object, or from the text in the string.
    fn read<T: serde::de::DeserializeOwned>(&self, doc: Doc) -> Result<T, InputError> {
        let raw = self.0.get();
        match raw.as_bytes().first() {
            Some(b'"') => parse_text(doc, &parse_json::<String>(doc, raw)?),
            Some(b'{') => parse_json(doc, raw),
            _ => Err(InputError::Syntax {
                doc,
                item: "(document)".into(),
                problem: Box::new(Message::NotADocument {
                    found_kind: kind_of(raw).into(),
                    found: raw.chars().take(20).collect(),
                }),
            }),
        }
    }
}

impl From<&str> for DocInput {
    /// A document given as TOML or JSON text.
    fn from(text: &str) -> DocInput {
        DocInput::text(text)
    }
}

impl From<Value> for DocInput {
    /// A document given as a JSON value: a string is TOML or JSON text, an object the document.
    fn from(value: Value) -> DocInput {
        match value {
            Value::String(text) => DocInput::text(&text),
            other => DocInput::value(&other),
        }
    }
}

/// The answer to a request.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[serde(tag = "status", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Response {
    /// Success.
    Ok {
        /// Contract version.
        #[schemars(extend("const" = 1))]
        version: u32,
        /// The command answered.
        command: Command,
        /// The result.
        result: Box<Output>,
    },
    /// Failure: nothing was computed.
    Error {
        /// Contract version.
        #[schemars(extend("const" = 1))]
        version: u32,
        /// Every problem found.
        #[schemars(length(min = 1))]
        errors: Vec<ErrorReport>,
    },
}

/// The result of a command.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[serde(untagged)]
#[non_exhaustive]
pub enum Output {
    /// For `check`: what the policy declares.
    Check(Arc<PolicyDoc>),
    /// For `split`.
    Split(SplitResult),
    /// For `split` with `detail: "summary"`.
    Summary(crate::engine::result::SplitSummary),
    /// For `parse`: the validated documents as JSON.
    Parse {
        /// The policy document.
        policy: Arc<PolicyDoc>,
        /// The case document, if one was given.
        #[serde(skip_serializing_if = "Option::is_none")]
        case: Option<CaseDoc>,
    },
    /// For `postings`: the split and its posting lines.
    Postings {
        /// The split.
        split: SplitResult,
        /// The postings, in line order.
        postings: Vec<crate::report::postings::Posting>,
        /// The postings as the text of the export profile asked for (`profile`).
        #[serde(skip_serializing_if = "Option::is_none")]
        export: Option<String>,
    },
    /// For `compare`: the new split and the comparison with the previous one.
    Compare {
        /// The split of the case as it is now.
        split: SplitResult,
        /// What changes, and the corrections.
        comparison: crate::report::compare::Comparison,
    },
    /// For `portfolio`.
    #[cfg(feature = "portfolio")]
    Portfolio(Box<crate::year::Portfolio>),
    /// For `explain`: the split and its explanation in words.
    Explain {
        /// The split.
        split: SplitResult,
        /// The explanation.
        text: String,
    },
}

/// One problem, named precisely enough to show next to the offending field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct ErrorReport {
    /// `policy`, `case`, `request`, `record`, `compute` or `internal`.
    pub kind: ErrorKind,
    /// A stable code (`syntax`, `unknown_reference`, `overlap`, ...).
    pub code: ErrorCode,
    /// The offending item (`services[2] 'aflastning'`, `services[0].amount`).
    pub item: String,
    /// The offending field, where one field is to blame.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// A readable message.
    pub message: String,
}

impl From<&InputError> for ErrorReport {
    fn from(e: &InputError) -> Self {
        ErrorReport::input(e, Lang::En)
    }
}

impl From<&ComputeError> for ErrorReport {
    fn from(e: &ComputeError) -> Self {
        ErrorReport::compute(e, Lang::En)
    }
}

impl ErrorReport {
    /// The report of an input error, its message in `lang`.
    pub fn input(e: &InputError, lang: Lang) -> ErrorReport {
        ErrorReport {
            kind: e.doc().into(),
            code: e.code(),
            item: e.item().into(),
            field: e.field().map(str::to_string),
            message: e.message(lang),
        }
    }

    /// The report of a compute error, its message in `lang`.
    pub fn compute(e: &ComputeError, lang: Lang) -> ErrorReport {
        let item = match e {
            ComputeError::Overflow { item }
            | ComputeError::TotalTooLarge { item, .. }
            | ComputeError::PeriodNeeded { item }
            | ComputeError::NoHandlekommune { item, .. }
            | ComputeError::Key { item, .. }
            | ComputeError::Reimbursement { item, .. }
            | ComputeError::Household { item, .. }
            | ComputeError::TooLarge { item, .. }
            | ComputeError::Index { item, .. } => item.clone(),
            ComputeError::PeriodTooLong { .. } | ComputeError::PeriodEndBeforeStart { .. } => "period".into(),
        };
        ErrorReport { kind: ErrorKind::Compute, code: e.code(), item, field: None, message: e.message(lang) }
    }
}

impl Response {
    /// A failure answer listing input errors.
    pub fn from_errors(errors: &InputErrors) -> Response {
        Response::in_lang(errors, Lang::En)
    }

    /// A failure answer listing input errors, their messages in `lang`.
    pub fn in_lang(errors: &InputErrors, lang: Lang) -> Response {
        let errors = errors.0.iter().map(|e| ErrorReport::input(e, lang)).collect();
        Response::Error { version: CONTRACT_VERSION, errors }
    }

    /// Whether the response is a success.
    pub fn is_ok(&self) -> bool {
        matches!(self, Response::Ok { .. })
    }

    /// The response as JSON text (compact, deterministic; what `serde_json::to_string` writes).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|e| internal_error(&e.to_string()))
    }

    /// The response as indented JSON text.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|e| internal_error(&e.to_string()))
    }
}

fn internal_error(message: &str) -> String {
    let report = serde_json::json!({
        "status": "error",
        "version": CONTRACT_VERSION,
        "errors": [{ "kind": "internal", "code": "internal", "item": "(response)", "message": message }]
    });
    report.to_string()
}

/// What a JSON value is, in words, from its text.
fn kind_of(raw: &str) -> &'static str {
    match raw.as_bytes().first() {
        Some(b'n') => "null",
        Some(b't' | b'f') => "boolean",
        Some(b'[') => "sequence",
        _ => "float",
    }
}

/// Read and validate a policy given as a JSON object or as text.
pub fn read_policy(v: &DocInput) -> Result<Policy, InputErrors> {
    let doc: PolicyDoc = v.read(Doc::Policy)?;
    Policy::compile(&doc)
}

/// Read and validate a case given as a JSON object or as text.
pub fn read_case(policy: &Policy, v: &DocInput) -> Result<Case, InputErrors> {
    let doc: CaseDoc = v.read(Doc::Case)?;
    Case::compile(policy, &doc)
}

/// Answer a request.
pub fn handle(req: Request) -> Response {
    Engine::new().handle(req)
}

/// Answers requests like [`handle`], keeping the last policy it compiled: a page that recomputes a
/// case on every keystroke sends the same policy text each time, and it is parsed and validated once.
/// The answers are byte for byte those of [`handle`].
#[derive(Debug, Default)]
pub struct Engine {
    /// The JSON text of the policy last seen, its document and its compiled form.
    cached: Option<(String, Arc<PolicyDoc>, Policy)>,
    /// The last portfolio computed, kept for scenarios of it (see [`portfolio::Kept`]).
    #[cfg(feature = "portfolio")]
    portfolio: portfolio::Kept,
}

impl Engine {
    /// An engine with nothing cached.
    pub fn new() -> Engine {
        Engine::default()
    }

    /// Answer a request given as JSON text, with the answer as JSON text. Never fails.
    pub fn handle_json(&mut self, request: &str) -> String {
        match read_request(request) {
            Ok(req) => self.handle(req).to_json(),
            Err(e) => Response::from_errors(&e.into()).to_json(),
        }
    }

    /// The policy of a request, from the cache when its JSON text is the one seen last.
    #[allow(clippy::type_complexity)]
    fn policy<'a>(
        cached: &'a mut Option<(String, Arc<PolicyDoc>, Policy)>,
        v: &DocInput,
        lang: Lang,
    ) -> Result<(&'a Arc<PolicyDoc>, &'a Policy), Response> {
        if !matches!(cached, Some((k, _, _)) if k == v.json()) {
            *cached = None;
            let doc: PolicyDoc = v.read(Doc::Policy).map_err(|e| Response::in_lang(&e.into(), lang))?;
            let policy = Policy::compile(&doc).map_err(|e| Response::in_lang(&e, lang))?;
            *cached = Some((v.json().to_string(), Arc::new(doc), policy));
        }
        match cached {
            Some((_, d, p)) => Ok((d, p)),
            None => Err(internal("policy cache")),
        }
    }

    /// Answer a request.
    pub fn handle(&mut self, req: Request) -> Response {
        answer(self, req)
    }
}

/// A failure answer about the request envelope itself.
fn request_error(field: &str, problem: Message, lang: Lang) -> Response {
    let problem = Box::new(problem);
    let e = InputError::Invalid { doc: Doc::Request, item: "(request)".into(), field: field.into(), problem };
    Response::in_lang(&e.into(), lang)
}

/// A failure answer for a case that could not be computed.
fn compute_error(e: &ComputeError, lang: Lang) -> Response {
    Response::Error { version: CONTRACT_VERSION, errors: vec![ErrorReport::compute(e, lang)] }
}

fn internal(what: &str) -> Response {
    Response::Error { version: CONTRACT_VERSION, errors: vec![ErrorReport::internal(what)] }
}

impl ErrorReport {
    /// An internal error: something that cannot happen did.
    pub fn internal(what: &str) -> ErrorReport {
        ErrorReport {
            kind: ErrorKind::Internal,
            code: ErrorCode::Internal,
            item: what.into(),
            field: None,
            message: format!("internal error: {what}"),
        }
    }
}

fn answer(engine: &mut Engine, req: Request) -> Response {
    let lang = req.lang;
    if req.version != CONTRACT_VERSION {
        return request_error(
            "version",
            Message::RequestVersion { version: req.version.to_string(), supported: CONTRACT_VERSION.to_string() },
            lang,
        );
    }
    let (policy_doc, policy) = match Engine::policy(&mut engine.cached, &req.policy, lang) {
        Ok(p) => p,
        Err(answer) => return answer,
    };
    let ok =
        |output: Output| Response::Ok { version: CONTRACT_VERSION, command: req.command, result: Box::new(output) };
    if req.command == Command::Check {
        return ok(Output::Check(Arc::clone(policy_doc)));
    }
    if req.command == Command::Parse {
        let case = match req.case.map(|c| c.read::<CaseDoc>(Doc::Case)) {
            None => None,
            Some(Err(e)) => return Response::in_lang(&e.into(), lang),
            Some(Ok(doc)) => match Case::compile(policy, &doc) {
                Ok(_) => Some(doc),
                Err(e) => return Response::in_lang(&e, lang),
            },
        };
        return ok(Output::Parse { policy: Arc::clone(policy_doc), case });
    }
    if req.command == Command::Portfolio {
        #[cfg(feature = "portfolio")]
        return match portfolio::answer(&mut engine.portfolio, policy, &req) {
            Ok(p) => ok(Output::Portfolio(Box::new(p))),
            Err(answer) => answer,
        };
        #[cfg(not(feature = "portfolio"))]
        return request_error("command", Message::PortfolioNotInThisBuild, lang);
    }
    let Some(case) = req.case else {
        return request_error("case", Message::CaseMissing, lang);
    };
    let case = match read_case(policy, &case) {
        Ok(c) => c,
        Err(e) => return Response::in_lang(&e, lang),
    };
    // A household past its limit is refused before its siblings are read.
    if let Err(e) = crate::engine::within_household_limit(&case.id, req.siblings.len() + 1) {
        return compute_error(&e, lang);
    }
    let mut siblings = Vec::with_capacity(req.siblings.len());
    let mut errors = Vec::new();
    for (i, v) in req.siblings.into_iter().enumerate() {
        match read_case(policy, &v) {
            Ok(c) => siblings.push(c),
            Err(e) => errors.extend(e.0.into_iter().map(|e| e.within(&format!("siblings[{i}]")))),
        }
    }
    if !errors.is_empty() {
        return Response::in_lang(&InputErrors(errors), lang);
    }
    let (period, default) = period_of(&case, req.period, req.today);
    let mut split = match compute_household(policy, &case, &siblings, period) {
        Ok(r) => r,
        Err(e) => return compute_error(&e, lang),
    };
    split.period_default = default.map(|d| d.0);
    match req.command {
        Command::Explain => {
            let text = explain_text(&split, req.lang);
            ok(Output::Explain { split, text })
        }
        Command::Postings => {
            let postings = crate::report::postings::postings(policy, &split);
            match postings_export(policy, &postings, req.profile.as_deref()) {
                Ok(export) => ok(Output::Postings { split, postings, export }),
                Err(e) => Response::in_lang(&InputErrors(e), lang),
            }
        }
        Command::Compare => {
            let Some(previous) = req.previous_case else {
                return request_error("previous_case", Message::PreviousCaseMissing, lang);
            };
            let previous = match read_case(policy, &previous) {
                Ok(c) => c,
                Err(e) => return Response::in_lang(&e, lang),
            };
            // The previous version is computed over the same period, so months line up.
            let before = match compute(policy, &previous, Some(split.period)) {
                Ok(r) => r,
                Err(e) => return compute_error(&e, lang),
            };
            let comparison = crate::report::compare::compare(policy, &before, &split, req.booked_through);
            ok(Output::Compare { split, comparison })
        }
        _ if req.detail == Detail::Summary => ok(Output::Summary(split.into())),
        _ => ok(Output::Split(split)),
    }
}

/// Answer a request given as JSON text, with the answer as JSON text. Never fails.
pub fn handle_json(request: &str) -> String {
    Engine::new().handle_json(request)
}

fn read_request(request: &str) -> Result<Request, InputError> {
    if request.len() > MAX_INPUT_BYTES * 2 {
        return Err(InputError::Syntax {
            doc: Doc::Request,
            item: "(request)".into(),
            problem: Box::new(Message::RequestTooLarge {
                bytes: request.len().to_string(),
                max: (MAX_INPUT_BYTES * 2).to_string(),
            }),
        });
    }
    parse_json::<Request>(Doc::Request, request)
}

/// A string as a JSON string literal.
pub fn json_string(s: &str) -> String {
    serde_json::Value::from(s).to_string()
}

/// The period of a split: the request's, or for an open-ended case without one the budget year of
/// the caller's `today`, with the reason (`period_default`).
pub(crate) fn period_of(
    case: &crate::case::Case,
    period: Option<Period>,
    today: Option<crate::model::date::Date>,
) -> (Option<Period>, Option<(crate::engine::PeriodDefault, Period)>) {
    let open_ended = case.lines.iter().any(|l| l.validity.to.is_none());
    let default = match (period, today) {
        (None, Some(today)) if open_ended => crate::engine::PeriodDefault::budget_year_of(today),
        _ => None,
    };
    (period.or(default.map(|d| d.1)), default)
}
