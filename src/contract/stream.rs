//! Answers written as they are computed: a `split` answer (full or summary) is written line by
//! line ([`crate::engine::stream`]) instead of being held whole, so memory stays bounded by one
//! line, however large the answer. The bytes are those of `serde_json::to_writer` (or
//! `to_writer_pretty`) of [`Engine::handle`]'s answer; every other answer is that answer.

use std::io;

use serde::ser::{Error as _, SerializeSeq};
use serde::{Serialize, Serializer};

use crate::case::audit::AgreementRecord;
use crate::contract::{
    compute_error, read_case, read_request, Command, Detail, Engine, Request, Response, CONTRACT_VERSION,
};
use crate::engine::result::{
    Line, LineSummary, PeriodDefault, Reimbursement, SplitResult, SplitSummary, Totals, Verdict,
};
use crate::engine::stream::SplitStream;
use crate::model::error::ComputeError;
use crate::model::validity::Period;

/// An answer ready to be written: whole, or a split whose lines are computed while written.
#[derive(Debug)]
pub enum Answer<'e> {
    /// The answer, held whole.
    Whole(Response),
    /// A successful split, checked in full, its lines to be computed again while written.
    Streamed {
        /// Lines in full, or reduced (`detail: "summary"`).
        detail: Detail,
        /// The split.
        split: Box<SplitStream<'e>>,
    },
}

impl Engine {
    /// Answer a request, leaving a split's lines to be computed while the answer is written
    /// ([`Answer::write_json`]). Errors are found before anything is written.
    pub fn prepare(&mut self, req: Request) -> Answer<'_> {
        let streamable = req.version == CONTRACT_VERSION
            && req.command == Command::Split
            && req.siblings.is_empty()
            && req.case.is_some();
        if !streamable {
            return Answer::Whole(self.handle(req));
        }
        let lang = req.lang;
        // A reimbursement scheme needs every line at once: the whole answer.
        match Engine::policy(&mut self.cached, &req.policy, lang) {
            Ok((_, p)) if p.reimbursement.is_none() => {}
            Ok(_) => return Answer::Whole(self.handle(req)),
            Err(answer) => return Answer::Whole(answer),
        }
        let policy = match Engine::policy(&mut self.cached, &req.policy, lang) {
            Ok((_, p)) => p,
            Err(answer) => return Answer::Whole(answer),
        };
        let Some(case) = &req.case else {
            return Answer::Whole(internal_answer("split stream"));
        };
        let case = match read_case(policy, case) {
            Ok(c) => c,
            Err(e) => return Answer::Whole(Response::in_lang(&e, lang)),
        };
        let (period, default) = crate::contract::period_of(&case, req.period, req.today);
        match SplitStream::new(policy, case, period) {
            Ok(Some(split)) => {
                let split = split.with_period_default(default.map(|d| d.0));
                Answer::Streamed { detail: req.detail, split: Box::new(split) }
            }
            Ok(None) => Answer::Whole(internal_answer("split stream")),
            Err(e) => Answer::Whole(compute_error(&e, lang)),
        }
    }

    /// [`Engine::prepare`] for a request given as JSON text.
    pub fn prepare_json(&mut self, request: &str) -> Answer<'_> {
        match read_request(request) {
            Ok(req) => self.prepare(req),
            Err(e) => Answer::Whole(Response::from_errors(&e.into())),
        }
    }
}

fn internal_answer(what: &str) -> Response {
    Response::Error { version: CONTRACT_VERSION, errors: vec![crate::contract::ErrorReport::internal(what)] }
}

impl Answer<'_> {
    /// Whether the answer is a success.
    pub fn is_ok(&self) -> bool {
        match self {
            Answer::Whole(r) => r.is_ok(),
            Answer::Streamed { .. } => true,
        }
    }

    /// The failure answer, if the answer is one.
    pub fn error(&self) -> Option<&Response> {
        match self {
            Answer::Whole(r) if !r.is_ok() => Some(r),
            _ => None,
        }
    }

    /// Write the answer as JSON to `out` (indented when `pretty`), without a final newline; the
    /// bytes of `serde_json::to_writer(_pretty)` of the whole answer.
    pub fn write_json<W: io::Write>(&self, out: W, pretty: bool) -> io::Result<()> {
        if pretty {
            self.serialize(&mut serde_json::Serializer::pretty(out)).map_err(io::Error::from)
        } else {
            self.serialize(&mut serde_json::Serializer::new(out)).map_err(io::Error::from)
        }
    }
}

impl Serialize for Answer<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (detail, split) = match self {
            Answer::Whole(r) => return r.serialize(s),
            Answer::Streamed { detail, split } => (*detail, split),
        };
        // Every field of the result but its lines, named here so that a new field of the result
        // is a compile error until it is written here too (the bytes must stay those of `handle`).
        let SplitResult {
            case,
            policy,
            period,
            period_default,
            eligibility,
            lines: _,
            totals,
            reimbursement,
            agreements,
        } = split.head();
        let result = StreamedResult {
            case,
            policy,
            period,
            period_default: period_default.as_ref(),
            eligibility,
            lines: Lines { split, summary: detail == Detail::Summary },
            totals,
            reimbursement: reimbursement.as_ref(),
            agreements,
        };
        OkAnswer { status: "ok", version: CONTRACT_VERSION, command: Command::Split, result }.serialize(s)
    }
}

/// `Response::Ok`, as its derive writes it (the tag first).
#[derive(Serialize)]
struct OkAnswer<R> {
    status: &'static str,
    version: u32,
    command: Command,
    result: R,
}

/// [`SplitResult`] and [`SplitSummary`] (the same fields in the same order), lines streamed.
#[derive(Serialize)]
struct StreamedResult<'a, 'e> {
    case: &'a str,
    policy: &'a str,
    period: &'a Period,
    #[serde(skip_serializing_if = "Option::is_none")]
    period_default: Option<&'a PeriodDefault>,
    eligibility: &'a [Verdict],
    lines: Lines<'a, 'e>,
    totals: &'a Totals,
    #[serde(skip_serializing_if = "Option::is_none")]
    reimbursement: Option<&'a Reimbursement>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    agreements: &'a [AgreementRecord],
}

/// The summary has the fields of the result, in its order: a new field is a compile error here.
#[allow(dead_code)]
fn summary_has_the_fields_of_the_result(s: SplitSummary) -> SplitResult {
    let SplitSummary { case, policy, period, period_default, eligibility, lines: _, totals, reimbursement, agreements } =
        s;
    SplitResult {
        case,
        policy,
        period,
        period_default,
        eligibility,
        lines: Vec::new(),
        totals,
        reimbursement,
        agreements,
    }
}

struct Lines<'a, 'e> {
    split: &'a SplitStream<'e>,
    summary: bool,
}

/// Why writing the lines stopped.
enum Stop<E> {
    Write(E),
    Compute(ComputeError),
}

impl<E> From<ComputeError> for Stop<E> {
    fn from(e: ComputeError) -> Self {
        Stop::Compute(e)
    }
}

impl Serialize for Lines<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(None)?;
        let written = self.split.each_line(|line: Line| {
            let done = if self.summary {
                seq.serialize_element(&LineSummary::from(line))
            } else {
                seq.serialize_element(&line)
            };
            done.map_err(Stop::Write)
        });
        match written {
            Ok(()) => seq.end(),
            Err(Stop::Write(e)) => Err(e),
            // The lines were computed once without an error; the same computation cannot fail.
            Err(Stop::Compute(e)) => Err(S::Error::custom(format!("internal error: {}", e.message(crate::Lang::En)))),
        }
    }
}
