//! Checking the financing models of the policy's year section (`year.pools`) and resolving their
//! references (SEMANTICS.md section 13).

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use crate::i18n::Message;
use crate::model::error::{Doc, InputError, RefKind};
use crate::model::money::{Amount, Money, Weight};
use crate::policy::compiled::{Compensation, DeptIx, Grant, Pool};
use crate::policy::financing::PoolDoc;
use crate::policy::year::YearDoc;

fn unknown(item: &str, field: &str, what: RefKind, id: &str) -> InputError {
    InputError::Unknown { doc: Doc::Policy, item: item.into(), field: field.into(), what, id: id.into() }
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
            errors.push(unknown(&item, "holder", RefKind::Department, &p.holder));
        }
        for s in &p.services {
            if !service_ix.contains_key(s) {
                errors.push(unknown(&item, "services", RefKind::Service, s));
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
            errors.push(unknown(&citem, "department", RefKind::Department, &c.department));
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
                None => errors.push(unknown(&sitem, "department", RefKind::Department, &s.department)),
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

/// Check the compensations (one pays, the others compensate) and resolve their references: a
/// service is paid by at most one arrangement (pool or compensation); problems go to `errors`.
pub(crate) fn compile_compensations(
    y: &YearDoc,
    dept_ix: &HashMap<String, DeptIx>,
    service_ix: &HashMap<String, usize>,
    errors: &mut Vec<InputError>,
) -> Vec<Compensation> {
    let mut taken: HashMap<&str, &str> =
        y.pools.iter().flat_map(|p| p.services.iter().map(move |s| (s.as_str(), p.id.as_str()))).collect();
    let mut ids: HashSet<&str> = y.pools.iter().map(|p| p.id.as_str()).collect();
    let mut out = Vec::with_capacity(y.compensations.len());
    for (i, c) in y.compensations.iter().enumerate() {
        let item = format!("year.compensations[{i}] '{}'", c.id);
        if !ids.insert(c.id.as_str()) {
            errors.push(InputError::Duplicate { doc: Doc::Policy, item: item.clone(), id: c.id.clone() });
        }
        let payer = dept_ix.get(&c.payer).copied();
        if payer.is_none() {
            errors.push(unknown(&item, "payer", RefKind::Department, &c.payer));
        }
        for s in &c.services {
            if !service_ix.contains_key(s) {
                errors.push(unknown(&item, "services", RefKind::Service, s));
            } else if let Some(other) = taken.insert(s, &c.id) {
                let problem = Message::ServiceInTwoPools { service: s.clone(), pool: other.to_string() };
                errors.push(invalid(&item, "services", problem));
            }
        }
        let mut key = Vec::new();
        let mut seen = HashSet::new();
        for (j, s) in c.key.iter().enumerate() {
            let kitem = format!("{item} key[{j}] '{}'", s.department);
            match dept_ix.get(&s.department) {
                None => errors.push(unknown(&kitem, "department", RefKind::Department, &s.department)),
                Some(&d) if !seen.insert(d) => {
                    errors.push(InputError::Duplicate { doc: Doc::Policy, item: kitem, id: s.department.clone() })
                }
                Some(&d) => key.push((d, s.weight)),
            }
        }
        if key.len() == c.key.len() && key.iter().all(|(_, w)| w.is_zero()) {
            errors.push(invalid(&item, "key", Message::PoolKeyAllZero));
            continue;
        }
        if let Some(payer) = payer {
            out.push(Compensation {
                id: Arc::from(c.id.as_str()),
                name: Arc::from(c.name.as_str()),
                payer,
                services: c.services.iter().map(|s| Arc::from(s.as_str())).collect(),
                frequency: c.frequency,
                key,
            });
        }
    }
    out
}

/// Check the grants (external co-financing) and resolve their references: ids unique among all
/// arrangements, `to` not before `from`, `percent` at most 100, `percent` and/or `amount`, amounts
/// not negative, known services and departments, an account of the form `D.DD.DD`.
pub(crate) fn compile_grants(
    y: &YearDoc,
    dept_ix: &HashMap<String, DeptIx>,
    service_ix: &HashMap<String, usize>,
    errors: &mut Vec<InputError>,
) -> Vec<Grant> {
    let mut ids: HashSet<&str> =
        y.pools.iter().map(|p| p.id.as_str()).chain(y.compensations.iter().map(|c| c.id.as_str())).collect();
    let mut out = Vec::with_capacity(y.grants.len());
    for (i, g) in y.grants.iter().enumerate() {
        let item = format!("year.grants[{i}] '{}'", g.id);
        let before = errors.len();
        if !ids.insert(g.id.as_str()) {
            errors.push(InputError::Duplicate { doc: Doc::Policy, item: item.clone(), id: g.id.clone() });
        }
        if let Some(to) = g.to.filter(|to| *to < g.from) {
            let problem = Message::GrantEndsBeforeStart { starts: g.from.to_string(), ends: to.to_string() };
            errors.push(invalid(&item, "to", problem));
        }
        if g.percent.is_none() && g.amount.is_none() {
            errors.push(invalid(&item, "percent", Message::GrantPercentOrAmount));
        }
        if let Some(p) = g.percent.filter(|p| p.value() > rust_decimal::Decimal::ONE_HUNDRED) {
            errors.push(invalid(
                &item,
                "percent",
                Message::PercentAbove100 { total: p.value().normalize().to_string() },
            ));
        }
        if let Some(a) = g.amount.filter(|a| a.value().is_sign_negative() && !a.value().is_zero()) {
            errors.push(invalid(&item, "amount", Message::GrantAmountNegative { amount: a.to_string() }));
        }
        for s in g.services.iter().filter(|s| !service_ix.contains_key(s.as_str())) {
            errors.push(unknown(&item, "services", RefKind::Service, s));
        }
        let mut departments = Vec::with_capacity(g.departments.len());
        for d in &g.departments {
            match dept_ix.get(d) {
                Some(&ix) if !departments.contains(&ix) => departments.push(ix),
                Some(_) => errors.push(InputError::Duplicate { doc: Doc::Policy, item: item.clone(), id: d.clone() }),
                None => errors.push(unknown(&item, "departments", RefKind::Department, d)),
            }
        }
        if let Some(a) = g.account.as_deref().filter(|a| !is_function(a)) {
            errors.push(invalid(&item, "account", Message::GrantAccountNotFunction { account: a.to_string() }));
        }
        if errors.len() == before {
            departments.sort();
            out.push(Grant {
                id: Arc::from(g.id.as_str()),
                name: Arc::from(g.name.as_str()),
                from: g.from,
                to: g.to,
                percent: g.percent.unwrap_or(Weight::from_int(100)),
                amount: g.amount.map(ore),
                services: g.services.iter().map(|s| Arc::from(s.as_str())).collect(),
                departments,
                account: g.account.as_deref().map(Arc::from),
            });
        }
    }
    out
}

/// Whether `text` is a function of the chart of accounts, `D.DD.DD` (hovedkonto, hovedfunktion,
/// funktion).
fn is_function(text: &str) -> bool {
    let parts: Vec<&str> = text.split('.').collect();
    parts.len() == 3 && parts.iter().zip([1, 2, 2]).all(|(p, w)| p.len() == w && p.bytes().all(|b| b.is_ascii_digit()))
}
