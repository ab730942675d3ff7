//! The computation: from a policy, a case and a period to split lines, totals and verdicts.
//!
//! 1. Time is cut into segments wherever anything changes: month starts, services starting and
//!    ending, agreements, moves, consent, other cases, birthdays, and the validity of criteria, keys,
//!    arrangements and legal bases.
//! 2. Each segment gets an eligibility verdict (SEMANTICS.md section 4).
//! 3. Each active service line gets, per segment, its authority, payer and key (section 5);
//!    consecutive segments of a month with the same decision form one line.
//! 4. The line's amount is computed exactly and rounded once (section 3), then split by largest
//!    remainder (section 2). Totals are sums of the rounded shares.

use std::sync::Arc;

use crate::case::{Case, Line as CaseLine, Per};
use crate::engine::result::*;
use crate::engine::split::{exact_share, scale_weights, split_ore};
use crate::i18n::Message;
use crate::model::date::{Date, Month};
use crate::model::error::ComputeError;
use crate::model::money::{round_div, Amount, Exact, Money, Weight, MAX_ORE};
use crate::model::sector::Sector;
use crate::model::validity::Period;
use crate::model::validity::{in_force, Validity};
use crate::policy::{DeptIx, KeyKind, MuniIx, Policy, Rule, Service, Target};

/// The longest period computed at once, in months (50 years).
pub const MAX_PERIOD_MONTHS: i64 = 600;

/// The decision for one service line on one segment.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Decision {
    eligible: bool,
    authority: DeptIx,
    authority_rule: Rulings,
    payer: DeptIx,
    payer_rule: Rulings,
    key: KeyUsedIx,
    weights: Vec<(DeptIx, Weight)>,
    /// Index into the service's legal bases.
    legal: Option<usize>,
}

/// How a department was resolved (see [`Responsible::rule`]).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Rulings {
    rule: ResolvedBy,
    sector: Option<Sector>,
    /// Index into the policy's arrangements.
    arrangement: Option<usize>,
}

impl Rulings {
    fn named() -> Rulings {
        Rulings { rule: ResolvedBy::NamedDepartment, sector: None, arrangement: None }
    }
    fn acting(s: Sector) -> Rulings {
        Rulings { rule: ResolvedBy::ActingMunicipality, sector: Some(s), arrangement: None }
    }
    fn arrangement(s: Sector, ix: usize) -> Rulings {
        Rulings { rule: ResolvedBy::Arrangement, sector: Some(s), arrangement: Some(ix) }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct KeyUsedIx {
    source: KeySource,
    /// Index into the case's agreements (source `agreement`) or the policy's keys (`policy`).
    ix: Option<usize>,
    kind: KeyKind,
    validity: Validity,
    reason: KeyReason,
}

/// Split a case over a period, without reimbursement.
pub(crate) fn compute_lines(policy: &Policy, case: &Case, period: Option<Period>) -> Result<SplitResult, ComputeError> {
    let period = resolve_period(case, period)?;
    let segments = segments(policy, case, period);
    let mut verdicts: Vec<Verdict> = Vec::new();
    let mut seg_verdict = Vec::with_capacity(segments.len());
    let mut seg_facts = Vec::with_capacity(segments.len());
    // The verdict's texts are written only where its facts change (the key says when).
    let mut last_key: Option<VerdictKey> = None;
    for &(from, to) in &segments {
        let facts = Facts::at(policy, case, from);
        let key = facts.verdict_key(policy, case, from);
        let eligible = match verdicts.last_mut() {
            Some(v) if last_key.as_ref() == Some(&key) && v.to.succ() == Some(from) => {
                v.to = to;
                v.eligible
            }
            _ => {
                let (eligible, criteria_in_force, criteria) = facts.verdict(policy, case, from);
                verdicts.push(Verdict { from, to, eligible, criteria_in_force, criteria });
                eligible
            }
        };
        last_key = Some(key);
        seg_verdict.push(verdicts.len() - 1);
        seg_facts.push((eligible, facts));
    }

    let mut lines = Vec::new();
    for (li, line) in case.lines.iter().enumerate() {
        // Consecutive segments of one month with the same decision form one output line.
        let mut open: Option<(Date, Date, Decision, Vec<usize>)> = None;
        for (si, &(from, to)) in segments.iter().enumerate() {
            if !line.validity.contains(from) {
                continue;
            }
            let (eligible, facts) = &seg_facts[si];
            let decision = decide(policy, case, li, line, from, *eligible, facts)?;
            match &mut open {
                Some((_, t, d, vs)) if *d == decision && t.month_of() == from.month_of() && t.succ() == Some(from) => {
                    *t = to;
                    if vs.last() != Some(&seg_verdict[si]) {
                        vs.push(seg_verdict[si]);
                    }
                }
                _ => {
                    if let Some((f, t, d, vs)) = open.take() {
                        lines.push(make_line(policy, case, line, f, t, d, vs)?);
                    }
                    open = Some((from, to, decision, vec![seg_verdict[si]]));
                }
            }
        }
        if let Some((f, t, d, vs)) = open {
            lines.push(make_line(policy, case, line, f, t, d, vs)?);
        }
    }
    let totals = totals(policy, &lines)?;
    let label = match &policy.version {
        Some(v) => format!("{} ({v})", policy.name),
        None => policy.name.clone(),
    };
    Ok(SplitResult {
        case: case.id.clone(),
        policy: label,
        period,
        eligibility: verdicts,
        lines,
        totals,
        reimbursement: None,
        agreements: crate::case::audit::records(case),
    })
}

fn resolve_period(case: &Case, period: Option<Period>) -> Result<Period, ComputeError> {
    let p = match period {
        Some(p) => p,
        None => {
            let from = case.lines.iter().filter_map(|l| l.validity.from).min();
            let mut to = None;
            for l in &case.lines {
                match l.validity.to {
                    Some(t) => to = Some(to.map_or(t, |x: Date| x.max(t))),
                    None => return Err(ComputeError::PeriodNeeded { item: format!("service line '{}'", l.id) }),
                }
            }
            match (from, to) {
                (Some(from), Some(to)) => Period { from, to },
                _ => return Err(ComputeError::PeriodNeeded { item: format!("case '{}'", case.id) }),
            }
        }
    };
    if p.to < p.from {
        return Err(ComputeError::PeriodEndBeforeStart { from: p.from.to_string(), to: p.to.to_string() });
    }
    let months = i64::from(p.from.month_of().months_until(p.to.month_of())) + 1;
    if months > MAX_PERIOD_MONTHS {
        return Err(ComputeError::PeriodTooLong {
            from: p.from.to_string(),
            to: p.to.to_string(),
            months,
            max: MAX_PERIOD_MONTHS,
        });
    }
    Ok(p)
}

/// Cut the period into segments `[from, to]` within which nothing changes.
fn segments(policy: &Policy, case: &Case, period: Period) -> Vec<(Date, Date)> {
    let mut cuts: Vec<Date> = vec![period.from];
    let mut m = period.from.month_of().succ();
    while let Some(month) = m {
        if month.first_day() > period.to {
            break;
        }
        cuts.push(month.first_day());
        m = month.succ();
    }
    let mut add = |v: &Validity| cuts.extend(v.cuts());
    case.lines.iter().for_each(|l| add(&l.validity));
    case.agreements.iter().for_each(|a| add(&a.validity));
    case.consent.iter().for_each(&mut add);
    case.other_cases.iter().for_each(|o| add(&o.2));
    policy.criteria.iter().for_each(|c| add(&c.validity));
    policy.arrangements.iter().for_each(|a| add(&a.validity));
    policy.keys.iter().flat_map(|k| &k.versions).for_each(|v| add(&v.validity));
    policy.services.iter().flat_map(|s| &s.legal_basis).for_each(|l| add(&l.0));
    cuts.extend(case.residence.iter().map(|r| r.0));
    // Birthdays change the age shown in the verdict; ages outside the period do not matter.
    let first = case.birth_date.age_on(period.from).max(0);
    let last = case.birth_date.age_on(period.to).max(0);
    cuts.extend((first..=last + 1).filter_map(|a| case.birth_date.anniversary(a)));
    cuts.push(case.birth_date);
    cuts.retain(|d| *d >= period.from && *d <= period.to);
    cuts.sort();
    cuts.dedup();
    let mut out = Vec::with_capacity(cuts.len());
    for (i, &c) in cuts.iter().enumerate() {
        let end = cuts.get(i + 1).and_then(|n| n.pred()).unwrap_or(period.to);
        out.push((c, end));
    }
    out
}

/// The facts of a case on a date.
#[derive(Debug, Clone)]
struct Facts {
    handlekommune: Option<MuniIx>,
    /// Sector areas involved (active services' and other cases'), sorted and distinct.
    sectors: Vec<Sector>,
}

/// What a verdict depends on: equal keys give equal verdicts. `None` when no criteria are in
/// force (the verdict then depends on nothing else); otherwise the criteria's index, the sector
/// areas involved, the consent period, the age and the acting municipality.
type VerdictKey = Option<(usize, Vec<Sector>, Option<usize>, i32, Option<MuniIx>)>;

impl Facts {
    fn verdict_key(&self, policy: &Policy, case: &Case, d: Date) -> VerdictKey {
        let c = in_force(&policy.criteria, d, |c| c.validity)?;
        let consent = case.consent.iter().position(|v| v.contains(d));
        Some((c, self.sectors.clone(), consent, case.birth_date.age_on(d), self.handlekommune))
    }

    fn at(policy: &Policy, case: &Case, d: Date) -> Facts {
        let mut sectors: Vec<Sector> = case
            .lines
            .iter()
            .filter(|l| l.validity.contains(d))
            .map(|l| policy.services[l.service].sector)
            .chain(case.other_cases.iter().filter(|o| o.2.contains(d)).map(|o| o.1))
            .collect();
        sectors.sort();
        sectors.dedup();
        Facts { handlekommune: case.handlekommune(d), sectors }
    }

    fn verdict(&self, policy: &Policy, case: &Case, d: Date) -> (bool, Option<String>, Vec<Criterion>) {
        let crit = |criterion, passed, required: String, actual: String, detail: Vec<String>| Criterion {
            criterion,
            passed,
            required,
            actual,
            detail,
        };
        let Some(c) = in_force(&policy.criteria, d, |c| c.validity).map(|i| &policy.criteria[i]) else {
            return (
                false,
                None,
                vec![crit(CriterionName::CriteriaInForce, false, "true".into(), "none".into(), vec![])],
            );
        };
        let n = self.sectors.len();
        let names = self.sectors.iter().map(|s| s.as_str().to_string()).collect();
        let consent = case.consent.iter().find(|v| v.contains(d));
        let age = case.birth_date.age_on(d);
        let (age_ok, age_req) = match c.age {
            Some((lo, hi)) => (age >= i32::from(lo) && age <= i32::from(hi), format!("{lo}-{hi}")),
            None => (age >= 0, "any".into()),
        };
        let (muni_ok, muni_req) = match &c.municipalities {
            Some(ms) => (
                self.handlekommune.is_some_and(|h| ms.contains(&h)),
                ms.iter().map(|&m| &*policy.municipalities[m].id).collect::<Vec<_>>().join(" "),
            ),
            None => (self.handlekommune.is_some(), "any".into()),
        };
        let out = vec![
            crit(
                CriterionName::SectorAreas,
                n >= usize::from(c.min_sector_areas),
                c.min_sector_areas.to_string(),
                n.to_string(),
                names,
            ),
            crit(
                CriterionName::Consent,
                !c.consent_required || consent.is_some(),
                c.consent_required.to_string(),
                match consent {
                    Some(v) => v.from.map_or_else(|| "true".into(), |f| f.to_string()),
                    None => "none".into(),
                },
                vec![],
            ),
            crit(
                CriterionName::Disability,
                !c.disability_required || case.disability,
                c.disability_required.to_string(),
                case.disability.to_string(),
                vec![],
            ),
            crit(
                CriterionName::Age,
                age_ok && age >= 0,
                age_req,
                if age < 0 { "none".into() } else { age.to_string() },
                vec![case.birth_date.to_string()],
            ),
            crit(
                CriterionName::Municipality,
                muni_ok,
                muni_req,
                self.handlekommune.map_or_else(|| "none".into(), |m| policy.municipalities[m].id.to_string()),
                vec![],
            ),
        ];
        let eligible = out.iter().all(|c| c.passed);
        (eligible, Some(format!("eligibility[{}]", c.index)), out)
    }
}

fn decide(
    policy: &Policy,
    case: &Case,
    li: usize,
    line: &CaseLine,
    d: Date,
    eligible: bool,
    facts: &Facts,
) -> Result<Decision, ComputeError> {
    let service = &policy.services[line.service];
    let item = || format!("service line '{}'", line.id);
    let Some(hk) = facts.handlekommune else {
        return Err(ComputeError::NoHandlekommune { item: item(), date: d.to_string() });
    };
    let ((authority, authority_rule), (payer, payer_rule)) = responsibles(policy, service, hk, d, &item)?;
    let legal = in_force(&service.legal_basis, d, |l| l.0);
    let chosen = choose_key(policy, case, service, li, d, eligible);
    let weights = key_weights(policy, case, &chosen, payer, facts, d, &item)?;
    let key = chosen.1;
    Ok(Decision { eligible, authority, authority_rule, payer, payer_rule, key, weights, legal })
}

/// A department and how it was found.
type Resolved = (DeptIx, Rulings);

/// Who grants and who pays for `service` on `d` in acting municipality `hk`: an arrangement in
/// force may move the granting to another municipality.
fn responsibles(
    policy: &Policy,
    service: &Service,
    hk: MuniIx,
    d: Date,
    item: &dyn Fn() -> String,
) -> Result<(Resolved, Resolved), ComputeError> {
    let (authority, authority_rule) = match service.authority {
        Target::Department(dx) => (Some(dx), Rulings::named()),
        Target::Sector(s) => {
            let arr = policy.arrangement(hk, s, d);
            match arr {
                Some(ix) => (policy.department_for(policy.arrangements[ix].grantor, s), Rulings::arrangement(s, ix)),
                None => (policy.department_for(hk, s), Rulings::acting(s)),
            }
        }
    };
    let (payer, payer_rule) = match service.payer {
        Target::Department(dx) => (Some(dx), Rulings::named()),
        Target::Sector(s) => (policy.department_for(hk, s), Rulings::acting(s)),
    };
    let (Some(authority), Some(payer)) = (authority, payer) else {
        return Err(ComputeError::Key {
            item: item(),
            key: "authority/payer".into(),
            date: d.to_string(),
            problem: Box::new(Message::NoDepartmentForSector {
                municipality: policy.municipalities[hk].id.to_string(),
                sector: service.sector.to_string(),
            }),
        });
    };
    Ok(((authority, authority_rule), (payer, payer_rule)))
}

/// The key of service line `li` on `d`: the payer alone for a case that is not eligible, else an
/// agreement in force, else the service's policy key in force, else the payer alone.
fn choose_key(
    policy: &Policy,
    case: &Case,
    service: &Service,
    li: usize,
    d: Date,
    eligible: bool,
) -> (Rule, KeyUsedIx) {
    let sole = |reason| {
        let k =
            KeyUsedIx { source: KeySource::Sole, ix: None, kind: KeyKind::Sole, validity: Validity::default(), reason };
        (Rule::Sole(None), k)
    };
    if !eligible {
        return sole(KeyReason::NotEligible);
    }
    // Agreements are sorted by (line, start) and do not overlap for one line.
    let lo = case.agreements.partition_point(|a| a.line < li);
    let hi = lo + case.agreements[lo..].partition_point(|a| a.line == li);
    if let Some(ai) = in_force(&case.agreements[lo..hi], d, |a| a.validity).map(|i| lo + i) {
        let a = &case.agreements[ai];
        let k = KeyUsedIx {
            source: KeySource::Agreement,
            ix: Some(ai),
            kind: a.rule.kind(),
            validity: a.validity,
            reason: KeyReason::AgreementInForce,
        };
        return (a.rule.clone(), k);
    }
    let in_force = service
        .key
        .and_then(|k| in_force(&policy.keys[k].versions, d, |v| v.validity).map(|i| (k, &policy.keys[k].versions[i])));
    match in_force {
        Some((ki, v)) => {
            let used = KeyUsedIx {
                source: KeySource::Policy,
                ix: Some(ki),
                kind: v.rule.kind(),
                validity: v.validity,
                reason: KeyReason::PolicyKey,
            };
            (v.rule.clone(), used)
        }
        None if service.key.is_some() => sole(KeyReason::NoKeyVersionInForce),
        None => sole(KeyReason::NoKey),
    }
}

/// The departments and weights of `rule`, resolved in the paying municipality, by department.
fn key_weights(
    policy: &Policy,
    case: &Case,
    (rule, key): &(Rule, KeyUsedIx),
    payer: DeptIx,
    facts: &Facts,
    d: Date,
    item: &dyn Fn() -> String,
) -> Result<Vec<(DeptIx, Weight)>, ComputeError> {
    let pay_muni = policy.departments[payer].municipality;
    let key_name = || key_id(policy, case, key).unwrap_or_else(|| "sole".into());
    let resolve = |t: Target| {
        policy.resolve(t, pay_muni).ok_or_else(|| ComputeError::Key {
            item: item(),
            key: key_name().to_string(),
            date: d.to_string(),
            problem: Box::new(match t {
                Target::Sector(s) => Message::NoDepartmentForSector {
                    municipality: policy.municipalities[pay_muni].id.to_string(),
                    sector: s.to_string(),
                },
                Target::Department(_) => Message::KeyUnknownDepartment,
            }),
        })
    };
    let mut weights: Vec<(DeptIx, Weight)> = Vec::new();
    // Entries that resolve to the same department are added (exactly: the sum may pass the limit
    // of one written weight). Collected in order, then merged after one sort by department.
    let add = |dx: DeptIx, w: Weight, weights: &mut Vec<(DeptIx, Weight)>| weights.push((dx, w));
    match rule {
        Rule::Sole(t) => {
            let dx = match t {
                Some(t) => resolve(*t)?,
                None => payer,
            };
            add(dx, Weight::from_int(100), &mut weights);
        }
        Rule::Percent(entries) | Rule::Weights(entries) => {
            let mut sum = rust_decimal::Decimal::ZERO;
            for &(t, w) in entries {
                add(resolve(t)?, w, &mut weights);
                // At most 1,000 entries of at most 10^12 each: far inside the decimal's range.
                sum = sum.checked_add(w.value()).ok_or_else(|| ComputeError::Overflow { item: item() })?;
            }
            if rule.kind() == KeyKind::Percent && sum < rust_decimal::Decimal::from(100) {
                // The percentages sum to at most 100 (checked when the key was compiled), with at
                // most 10 decimals, so the rest is a valid weight.
                let rest = Weight::new(rust_decimal::Decimal::from(100) - sum)
                    .map_err(|_| ComputeError::Overflow { item: item() })?;
                add(payer, rest, &mut weights);
            }
        }
        Rule::Equal(targets) => {
            if targets.is_empty() {
                for &s in &facts.sectors {
                    if let Some(dx) = policy.department_for(pay_muni, s) {
                        add(dx, Weight::from_int(1), &mut weights);
                    }
                }
                if weights.is_empty() {
                    add(payer, Weight::from_int(1), &mut weights);
                }
            } else {
                for &t in targets {
                    add(resolve(t)?, Weight::from_int(1), &mut weights);
                }
            }
        }
    }
    weights.sort_by_key(|w| w.0);
    let mut merged: Vec<(DeptIx, Weight)> = Vec::with_capacity(weights.len());
    for (dx, w) in weights {
        match merged.last_mut() {
            Some(last) if last.0 == dx => {
                last.1 = last.1.merged(w).ok_or_else(|| ComputeError::Overflow { item: item() })?;
            }
            _ => merged.push((dx, w)),
        }
    }
    let weights = merged;
    if weights.iter().all(|w| w.1.is_zero()) {
        return Err(ComputeError::Key {
            item: item(),
            key: key_name().to_string(),
            date: d.to_string(),
            problem: Box::new(Message::KeyAllWeightsZero),
        });
    }
    Ok(weights)
}

/// The amount of `line` for days `from..=to` of one month: rounded øre, exact text, and basis.
fn line_amount(line: &CaseLine, from: Date, to: Date) -> Result<(i64, Exact, AmountBasis), ComputeError> {
    flow_amount("service line", &line.id, line.amount, line.per, line.validity, from, to)
}

/// The amount of a flow (a service line or income) for days `from..=to` of one month.
pub(crate) fn flow_amount(
    kind: &str,
    id: &str,
    amount: Amount,
    per: Per,
    validity: Validity,
    from: Date,
    to: Date,
) -> Result<(i64, Exact, AmountBasis), ComputeError> {
    let month = from.month_of();
    let dim = i128::from(month.days());
    // The line's first covered day in this month: cumulative rounding starts there, so the
    // segments of a month always add up to the amount for the days the line covers.
    let first = validity.from.filter(|f| f.month_of() == month).map_or(1, |f| f.day());
    let c_before = i128::from(from.day() - first);
    let c_end = i128::from(to.day() - first + 1);
    let days = c_end - c_before;
    let (num, den) = amount.ore_ratio();
    let mut basis = AmountBasis {
        per,
        granted: amount,
        service_year_month: None,
        month_amount: None,
        days: Some(days as u32),
        days_in_month: Some(month.days()),
    };
    let (ore, exact) = match per {
        Per::Once => {
            basis.days = None;
            basis.days_in_month = None;
            (round_div(num, den), Exact::new(num, den))
        }
        Per::Month => (
            round_div(num * c_end, den * dim) - round_div(num * c_before, den * dim),
            Exact::new(num * days, den * dim),
        ),
        Per::Year => {
            let start = validity.from.map_or(month, Date::month_of);
            let k = i128::from(start.months_until(month).rem_euclid(12) + 1);
            let m = round_div(num * k, den * 12) - round_div(num * (k - 1), den * 12);
            basis.service_year_month = Some(k as u32);
            basis.month_amount = i64::try_from(m).ok().map(Money::from_ore);
            (round_div(m * c_end, dim) - round_div(m * c_before, dim), Exact::new(m * days, dim))
        }
    };
    match i64::try_from(ore) {
        Ok(v) if v.unsigned_abs() <= MAX_ORE.unsigned_abs() => Ok((v, exact, basis)),
        _ => Err(ComputeError::Overflow { item: format!("{kind} '{id}' in {month}") }),
    }
}

/// The id of the agreement or policy key a decision used.
fn key_id(policy: &Policy, case: &Case, k: &KeyUsedIx) -> Option<Arc<str>> {
    match k.source {
        KeySource::Agreement => k.ix.map(|i| case.agreements[i].id.clone()),
        KeySource::Policy => k.ix.map(|i| policy.keys[i].id.clone()),
        KeySource::Sole => None,
    }
}

fn responsible(policy: &Policy, dx: DeptIx, r: &Rulings) -> Responsible {
    let d = &policy.departments[dx];
    Responsible {
        department: d.id.clone(),
        department_name: d.name.clone(),
        municipality: policy.municipalities[d.municipality].id.clone(),
        rule: r.rule,
        sector: r.sector,
        arrangement: r.arrangement.map(|ix| policy.arrangements[ix].id.clone()),
    }
}

fn make_line(
    policy: &Policy,
    case: &Case,
    line: &CaseLine,
    from: Date,
    to: Date,
    d: Decision,
    verdicts: Vec<usize>,
) -> Result<Line, ComputeError> {
    let (ore, exact_amount, basis) = line_amount(line, from, to)?;
    let ws: Vec<Weight> = d.weights.iter().map(|w| w.1).collect();
    let item = || ComputeError::Overflow { item: format!("service line '{}' in {}", line.id, from.month_of()) };
    let scaled = scale_weights(&ws).map_err(|_| item())?;
    let mut out = vec![0i64; ws.len()];
    let mut leftover = vec![false; ws.len()];
    split_ore(ore, &scaled, &mut out, &mut leftover).map_err(|_| item())?;
    // `split_ore` checked that the total fits.
    let total = scaled.iter().try_fold(0u128, |acc, &w| acc.checked_add(w)).ok_or_else(item)?;
    let shares = d
        .weights
        .iter()
        .enumerate()
        .map(|(i, &(dx, w))| {
            Ok(LineShare {
                department: policy.departments[dx].id.clone(),
                municipality: policy.municipalities[policy.departments[dx].municipality].id.clone(),
                weight: w,
                amount: Money::from_ore(out[i]),
                exact: exact_share(ore, scaled[i], total).ok_or_else(item)?,
                leftover_ore: leftover[i],
                dept: dx,
            })
        })
        .collect::<Result<_, ComputeError>>()?;
    let service = &policy.services[line.service];
    Ok(Line {
        service_line: line.id.clone(),
        service: service.id.clone(),
        service_name: service.name.clone(),
        month: from.month_of(),
        from,
        to,
        basis,
        exact_amount,
        amount: Money::from_ore(ore),
        eligible: d.eligible,
        verdicts,
        legal_basis: d.legal.map(|ix| service.legal_basis[ix].1.clone()).unwrap_or_default(),
        authority: responsible(policy, d.authority, &d.authority_rule),
        payer: responsible(policy, d.payer, &d.payer_rule),
        key: KeyUsed {
            source: d.key.source,
            id: key_id(policy, case, &d.key),
            kind: d.key.kind,
            validity: d.key.validity,
            reason: d.key.reason,
        },
        shares,
        service_ix: line.service,
    })
}

/// The most a case's total (per department, municipality, month, or all) may be, in øre.
pub(crate) const MAX_TOTAL_ORE: u64 = (MAX_ORE as u64) * 1000;

/// Add `v` to `acc`, or report the total (named by `item`) that would pass [`MAX_TOTAL_ORE`].
pub(crate) fn add_to(acc: &mut i64, v: i64, item: impl FnOnce() -> String) -> Result<(), ComputeError> {
    *acc = acc.checked_add(v).filter(|s| s.unsigned_abs() <= MAX_TOTAL_ORE).ok_or_else(|| {
        ComputeError::TotalTooLarge { item: item(), limit: Money::from_ore(MAX_TOTAL_ORE as i64).to_string() }
    })?;
    Ok(())
}

fn totals(policy: &Policy, lines: &[Line]) -> Result<Totals, ComputeError> {
    let nd = policy.departments.len();
    let mut by_dept = vec![0i64; nd];
    let mut used = vec![false; nd];
    let mut by_muni = vec![0i64; policy.municipalities.len()];
    // Months in order, with their total and their total per department (a sorted list: a map
    // would be compiled for these types alone).
    let mut months: Vec<(Month, (i64, Vec<i64>))> = Vec::new();
    let mut case = 0i64;
    for l in lines {
        let at = match months.binary_search_by(|m| m.0.cmp(&l.month)) {
            Ok(at) => at,
            Err(at) => {
                months.insert(at, (l.month, (0, vec![0; nd])));
                at
            }
        };
        let month = &mut months[at].1;
        for s in &l.shares {
            let dx = s.dept;
            let v = s.amount.ore();
            let dept = &policy.departments[dx];
            let muni = || &policy.municipalities[dept.municipality].id;
            add_to(&mut by_dept[dx.get()], v, || {
                format!("the case's total for department '{}' ({})", dept.id, muni())
            })?;
            used[dx.get()] = true;
            add_to(&mut by_muni[dept.municipality.get()], v, || {
                format!("the case's total for municipality '{}'", muni())
            })?;
            add_to(&mut month.0, v, || format!("the case's total for {}", l.month))?;
            add_to(&mut month.1[dx.get()], v, || {
                format!("the case's total for department '{}' ({}) in {}", dept.id, muni(), l.month)
            })?;
            add_to(&mut case, v, || "the case's total".to_string())?;
        }
    }
    let by_department = (0..nd)
        .filter(|&i| used[i])
        .map(|i| {
            let d = &policy.departments[i];
            DepartmentTotal {
                department: d.id.clone(),
                name: d.name.clone(),
                municipality: policy.municipalities[d.municipality].id.clone(),
                amount: Money::from_ore(by_dept[i]),
            }
        })
        .collect();
    let by_municipality = policy
        .municipalities
        .iter()
        .enumerate()
        .map(|(i, m)| MunicipalityTotal {
            municipality: m.id.clone(),
            name: m.name.clone(),
            code: m.code,
            amount: Money::from_ore(by_muni[i]),
        })
        .collect();
    let by_month = months
        .into_iter()
        .map(|(month, (amount, ds))| MonthTotal {
            month,
            amount: Money::from_ore(amount),
            departments: (0..nd)
                .filter(|&i| used[i])
                .map(|i| DeptAmount { department: policy.departments[i].id.clone(), amount: Money::from_ore(ds[i]) })
                .collect(),
        })
        .collect();
    Ok(Totals { case: Money::from_ore(case), by_department, by_municipality, by_month })
}
