//! The `portfolio` command: read the cases and the budget, compute, and compare a scenario.
//!
//! The [`Engine`](super::Engine) keeps the last portfolio it computed, with the request it came
//! from: a page that compares scenarios sends the same cases again with another scenario policy,
//! and when that policy changes only keys the portfolio is not computed again, only the lines of
//! those keys (SEMANTICS.md section 10). The answers are byte for byte those of a fresh engine.

use crate::case::Case;
use crate::i18n::{Lang, Message};
use crate::model::error::{Doc, InputErrors};
use crate::policy::Policy;
use crate::year::{BudgetDoc, Portfolio, PortfolioError, PreparedPortfolio, YearSettings};

use super::{compute_error, read_case, read_policy, request_error, DocInput, Request, Response};

/// The last portfolio computed and the request's documents and settings it was computed from.
pub(super) type Kept = Option<(String, PreparedPortfolio)>;

/// Answer a `portfolio` request, from the kept portfolio when the request's policy, cases, budget
/// and settings are those it was computed from.
pub(super) fn answer(kept: &mut Kept, policy: &Policy, req: &Request) -> Result<Portfolio, Response> {
    let lang = req.lang;
    let Some(year) = req.year else {
        return Err(request_error("year", Message::YearMissing, lang));
    };
    if req.cases.is_empty() {
        return Err(request_error("cases", Message::CasesMissing, lang));
    }
    let key = key(req, year);
    let prepared = match kept.take() {
        Some((k, p)) if k == key => p,
        _ => prepare(policy, req, year)?,
    };
    let answer = with_scenario(&prepared, req);
    *kept = Some((key, prepared));
    answer
}

/// What a kept portfolio was computed from: the documents' JSON texts and the settings.
fn key(req: &Request, year: i32) -> String {
    let mut key = format!("{year}\0{:?}\0{:?}\0", req.booked_through, req.today);
    let docs = std::iter::once(&req.policy).chain(&req.budget).chain(&req.cases);
    for d in docs {
        key.push_str(d.json());
        key.push('\0');
    }
    key.push_str(if req.budget.is_some() { "budget" } else { "" });
    key
}

/// Read the cases and the budget against the policy and compute the portfolio.
fn prepare(policy: &Policy, req: &Request, year: i32) -> Result<PreparedPortfolio, Response> {
    let lang = req.lang;
    let mut cases = Vec::with_capacity(req.cases.len());
    let mut errors = Vec::new();
    for (i, v) in req.cases.iter().enumerate() {
        match read_case(policy, v) {
            Ok(c) => cases.push(c),
            Err(e) => errors.extend(e.0.into_iter().map(|e| e.within(&format!("cases[{i}]")))),
        }
    }
    let budget = match &req.budget {
        None => BudgetDoc::default(),
        Some(b) => match b.read::<BudgetDoc>(Doc::Request) {
            Ok(b) => b,
            Err(e) => {
                errors.push(e.within("budget"));
                BudgetDoc::default()
            }
        },
    };
    if !errors.is_empty() {
        return Err(Response::in_lang(&InputErrors(errors), lang));
    }
    let settings = YearSettings { year, booked_through: req.booked_through, budget: budget.budget, today: req.today };
    PreparedPortfolio::new(policy.clone(), cases, settings).map_err(|e| failed(e, lang, false))
}

/// The portfolio, compared with the scenario's when the request has one.
fn with_scenario(prepared: &PreparedPortfolio, req: &Request) -> Result<Portfolio, Response> {
    let lang = req.lang;
    let mut portfolio = prepared.portfolio().map_err(|e| failed(e, lang, false))?;
    if let Some(doc) = &req.scenario {
        let scenario = read_policy(doc).map_err(|e| Response::in_lang(&within_scenario(e), lang))?;
        // Read against a policy that differs only in keys' rules, the cases are the same.
        let other = match prepared.policy().changed_keys(&scenario) {
            Some(_) => prepared.under(&scenario, prepared.cases()),
            None => prepared.under(&scenario, &scenario_cases(&scenario, &req.cases, lang)?),
        };
        let other = other.map_err(|e| failed(e, lang, true))?;
        let compared = crate::year::scenario::compare((prepared.policy(), &portfolio), (&scenario, other))
            .map_err(|e| compute_error(&e, lang))?;
        portfolio.scenario = Some(Box::new(compared));
    }
    portfolio.changes_since = req.since.map(|d| crate::year::changes::changes_since(prepared.cases(), d));
    Ok(portfolio)
}

/// The answer to a portfolio that could not be computed (the scenario's, `scenario`).
fn failed(e: PortfolioError, lang: Lang, scenario: bool) -> Response {
    match e {
        PortfolioError::Input(e) if scenario => Response::in_lang(&within_scenario(e), lang),
        PortfolioError::Input(e) => Response::in_lang(&e, lang),
        PortfolioError::Compute(e) => compute_error(&e, lang),
    }
}

/// Errors of the scenario's documents, named as the scenario's.
fn within_scenario(e: InputErrors) -> InputErrors {
    InputErrors(e.0.into_iter().map(|e| e.within("scenario")).collect())
}

/// The cases read again against the scenario's policy.
fn scenario_cases(policy: &Policy, docs: &[DocInput], lang: Lang) -> Result<Vec<Case>, Response> {
    let mut cases = Vec::with_capacity(docs.len());
    for (i, v) in docs.iter().enumerate() {
        let case = read_case(policy, v).map_err(|e| {
            let e = InputErrors(e.0.into_iter().map(|e| e.within(&format!("scenario: cases[{i}]"))).collect());
            Response::in_lang(&e, lang)
        })?;
        cases.push(case);
    }
    Ok(cases)
}
