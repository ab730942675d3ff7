//! Financing models beyond a per-case split, as kinds of arrangement in the policy's year section
//! (`[[year.pools]]`; SEMANTICS.md section 10). Only the portfolio (`crate::year::financing`) reads
//! them; a split never does.
//!
//! A pool: fixed yearly contributions per department (amounts, or percentages of the pool's total);
//! the eligible costs of the pool's services are paid from it; at year end the surplus or deficit
//! is carried over up to a cap, and the rest goes back or is called in by a key.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::i18n::Message;
use crate::model::error::{Doc, InputError, RefKind};
use crate::model::money::{Amount, Money, Weight};
use crate::policy::compile::unknown;
use crate::policy::DeptIx;

/// A pool as written.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, expecting = "pool")]
pub struct PoolDoc {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// The department that holds the pool's account and books its costs.
    pub holder: String,
    /// The services whose eligible costs the pool pays (each service in at most one pool).
    pub services: Vec<String>,
    /// The pool's yearly total, needed when a contribution is a percentage of it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<Amount>,
    /// The yearly contributions, one per department.
    pub contributions: Vec<ContributionDoc>,
    /// The key that shares out the surplus or deficit (none: the contributions).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub settlement_key: Vec<SettlementShareDoc>,
    /// At most this much of the year's surplus or deficit is carried over to next year (none:
    /// nothing is carried over, everything is settled).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carry_over_cap: Option<Amount>,
    /// Carried over from last year (negative: a deficit).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opening_balance: Option<Amount>,
}

/// One department's yearly contribution: an amount or a percentage of the pool's total.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, expecting = "contribution")]
pub struct ContributionDoc {
    /// Department id.
    pub department: String,
    /// A yearly amount in DKK.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Amount>,
    /// A percentage of the pool's total.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percent: Option<Weight>,
}

/// A department's weight in the settlement key.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, expecting = "settlement-share")]
pub struct SettlementShareDoc {
    /// Department id.
    pub department: String,
    /// Weight (0 or more).
    pub weight: Weight,
}

/// A compiled pool: contributions in øre, departments resolved.
#[derive(Debug, Clone)]
pub struct Pool {
    /// Id.
    pub id: Arc<str>,
    /// Name.
    pub name: Arc<str>,
    /// The holder.
    pub holder: DeptIx,
    /// Service ids.
    pub services: HashSet<Arc<str>>,
    /// Contribution per department in øre, in document order.
    pub contributions: Vec<(DeptIx, i64)>,
    /// The settlement key (never empty when compiled without errors).
    pub key: Vec<(DeptIx, Weight)>,
    /// The carry-over cap in øre, if any.
    pub carry_over_cap: Option<i64>,
    /// The opening balance in øre.
    pub opening_balance: i64,
}

fn ore(a: Amount) -> i64 {
    Money::round(a.value()).ore()
}

fn invalid(item: &str, field: &str, problem: Message) -> InputError {
    InputError::Invalid { doc: Doc::Policy, item: item.into(), field: field.into(), problem: Box::new(problem) }
}

/// Check the pools and resolve their references; problems go to `errors`.
pub(crate) fn compile_pools(
    docs: &[PoolDoc],
    dept_ix: &HashMap<String, DeptIx>,
    service_ix: &HashMap<String, usize>,
    errors: &mut Vec<InputError>,
) -> Vec<Pool> {
    let mut out = Vec::with_capacity(docs.len());
    let mut ids = HashSet::new();
    let mut service_pool: HashMap<&str, &str> = HashMap::new();
    for (i, p) in docs.iter().enumerate() {
        let item = format!("year.pools[{i}] '{}'", p.id);
        if !ids.insert(p.id.as_str()) {
            errors.push(InputError::Duplicate { doc: Doc::Policy, item: item.clone(), id: p.id.clone() });
        }
        let holder = dept_ix.get(&p.holder).copied();
        if holder.is_none() {
            errors.push(unknown(Doc::Policy, &item, "holder", RefKind::Department, &p.holder));
        }
        for s in &p.services {
            if !service_ix.contains_key(s) {
                errors.push(unknown(Doc::Policy, &item, "services", RefKind::Service, s));
            } else if let Some(other) = service_pool.insert(s, &p.id) {
                let problem = Message::ServiceInTwoPools { service: s.clone(), pool: other.to_string() };
                errors.push(invalid(&item, "services", problem));
            }
        }
        let contributions = contributions(p, &item, dept_ix, errors);
        let key = settlement_key(p, &item, dept_ix, &contributions, errors);
        if let Some(cap) = p.carry_over_cap.filter(|c| c.value().is_sign_negative() && !c.value().is_zero()) {
            errors.push(invalid(&item, "carry_over_cap", Message::PoolAmountNegative { amount: cap.to_string() }));
        }
        if let (Some(holder), Some(key)) = (holder, key) {
            out.push(Pool {
                id: Arc::from(p.id.as_str()),
                name: Arc::from(p.name.as_str()),
                holder,
                services: p.services.iter().map(|s| Arc::from(s.as_str())).collect(),
                contributions,
                key,
                carry_over_cap: p.carry_over_cap.map(ore),
                opening_balance: p.opening_balance.map_or(0, ore),
            });
        }
    }
    out
}

/// The contributions in øre: an amount, or the percentage of the total rounded to øre (half away
/// from zero). Percentages above 100 in all, a missing total, a department twice, a contribution
/// with both or neither amount and percent, and negative amounts are errors.
fn contributions(
    p: &PoolDoc,
    item: &str,
    dept_ix: &HashMap<String, DeptIx>,
    errors: &mut Vec<InputError>,
) -> Vec<(DeptIx, i64)> {
    let mut out = Vec::with_capacity(p.contributions.len());
    let mut seen = HashSet::new();
    let mut percent = rust_decimal::Decimal::ZERO;
    for (j, c) in p.contributions.iter().enumerate() {
        let citem = format!("{item} contributions[{j}] '{}'", c.department);
        let Some(&d) = dept_ix.get(&c.department) else {
            errors.push(unknown(Doc::Policy, &citem, "department", RefKind::Department, &c.department));
            continue;
        };
        if !seen.insert(d) {
            errors.push(InputError::Duplicate { doc: Doc::Policy, item: citem.clone(), id: c.department.clone() });
        }
        let value = match (c.amount, c.percent) {
            (Some(a), None) if a.value().is_sign_negative() && !a.value().is_zero() => {
                errors.push(invalid(&citem, "amount", Message::PoolAmountNegative { amount: a.to_string() }));
                continue;
            }
            (Some(a), None) => ore(a),
            (None, Some(w)) => {
                percent += w.value();
                let Some(total) = p.total else {
                    errors.push(invalid(&citem, "percent", Message::PoolTotalMissing));
                    continue;
                };
                let exact = total.value().checked_mul(w.value()).map(|v| v / rust_decimal::Decimal::ONE_HUNDRED);
                exact.map_or(0, |v| Money::round(v).ore())
            }
            _ => {
                errors.push(invalid(&citem, "amount", Message::PoolAmountOrPercent));
                continue;
            }
        };
        out.push((d, value));
    }
    if percent > rust_decimal::Decimal::ONE_HUNDRED {
        let problem = Message::PercentAbove100 { total: percent.normalize().to_string() };
        errors.push(invalid(item, "contributions", problem));
    }
    out
}

/// The settlement key as written, or else the contributions as weights; a key that gives every
/// department 0 is an error.
fn settlement_key(
    p: &PoolDoc,
    item: &str,
    dept_ix: &HashMap<String, DeptIx>,
    contributions: &[(DeptIx, i64)],
    errors: &mut Vec<InputError>,
) -> Option<Vec<(DeptIx, Weight)>> {
    let mut key = Vec::new();
    if p.settlement_key.is_empty() {
        for &(d, c) in contributions {
            key.push((d, Weight::new(rust_decimal::Decimal::new(c.max(0), 2)).ok()?));
        }
    } else {
        let mut seen = HashSet::new();
        for (j, s) in p.settlement_key.iter().enumerate() {
            let sitem = format!("{item} settlement_key[{j}] '{}'", s.department);
            match dept_ix.get(&s.department) {
                None => errors.push(unknown(Doc::Policy, &sitem, "department", RefKind::Department, &s.department)),
                Some(&d) if !seen.insert(d) => {
                    errors.push(InputError::Duplicate { doc: Doc::Policy, item: sitem, id: s.department.clone() })
                }
                Some(&d) => key.push((d, s.weight)),
            }
        }
    }
    let written = if p.settlement_key.is_empty() { p.contributions.len() } else { p.settlement_key.len() };
    if key.is_empty() && written > 0 {
        return None;
    }
    if key.iter().all(|(_, w)| w.is_zero()) {
        let field = if p.settlement_key.is_empty() { "contributions" } else { "settlement_key" };
        errors.push(invalid(item, field, Message::PoolKeyAllZero));
        return None;
    }
    Some(key)
}
