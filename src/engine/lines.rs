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

use crate::case::{Case, Every, Line as CaseLine, Per};
use crate::engine::household::Household;
use crate::engine::result::*;
use crate::engine::split::{common_scale, exact_share, split_ore};
use crate::i18n::Message;
use crate::model::date::{Date, Month};
use crate::model::error::ComputeError;
use crate::model::money::{round_div, Amount, Exact, Money, Weight, MAX_ORE};
use crate::model::sector::Sector;
use crate::model::validity::Period;
use crate::model::validity::{in_force, Validity};
use crate::policy::{AgeRule, DeptIx, KeyKind, MuniIx, Policy, Rule, Service, Target};

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
    /// Departments of the key not involved in the case, whose weight went to the payer.
    uninvolved: Vec<(DeptIx, Weight)>,
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
    /// The key is restricted to the departments involved in the case.
    involved_only: bool,
    /// For a case that is not eligible: the agreement in force that was set aside.
    set_aside: Option<usize>,
}

/// Split case `case` (child `me` of `household`) over a period, without reimbursement. The
/// household decides the family's facts; only `case`'s lines are split (`case` may hold a part
/// of the lines of `household.cases[me]`).
pub(crate) fn compute_lines(
    policy: &Policy,
    case: &Case,
    household: &Household<'_>,
    me: usize,
    period: Option<Period>,
    held: &mut Held,
) -> Result<SplitResult, ComputeError> {
    let plan = Plan::new(policy, case, household, me, period)?;
    let mut lines = Vec::new();
    plan.each_line(policy, case, |l| {
        held.add(&l, case)?;
        lines.push(l);
        Ok::<(), ComputeError>(())
    })?;
    let totals = totals(policy, &lines)?;
    Ok(plan.into_result(policy, case, lines, totals))
}

/// The most shares (a line's share of one department; a line without shares counts as one) that
/// the splits of one computation held whole may have together: a case and its siblings, or a
/// household's cases. About 1.3 KB are held per line and 350 bytes per share: at the limit an
/// answer with its explanation text took 640 MB (README "Limits"). `compare` holds two such splits,
/// and the HTTP service one for each request it computes at once. A split streamed line by line
/// ([`crate::engine::stream`]) holds no lines and has no such limit.
pub const MAX_HELD_SHARES: usize = 250_000;

/// The shares held so far by one computation, against [`MAX_HELD_SHARES`].
#[derive(Debug, Default)]
pub(crate) struct Held(usize);

impl Held {
    /// The shares counted so far.
    pub(crate) fn count(&self) -> usize {
        self.0
    }
}

impl Held {
    /// Count `line`'s shares, or refuse the split of `case` once the limit is passed.
    pub(crate) fn add(&mut self, line: &Line, case: &Case) -> Result<(), ComputeError> {
        self.0 = self.0.saturating_add(line.shares.len().max(1));
        if self.0 > MAX_HELD_SHARES {
            let item = format!("case '{}'", case.id);
            let problem = Message::SplitTooLarge { item: item.clone(), max_shares: MAX_HELD_SHARES.to_string() };
            return Err(ComputeError::TooLarge { item, problem: Box::new(problem) });
        }
        Ok(())
    }
}

/// What the lines of a split are computed from: the period, its segments and their verdicts.
/// The lines follow one by one ([`Plan::each_line`]), so a caller may write them out instead of
/// keeping them (see [`crate::engine::stream`]).
#[derive(Debug, Clone)]
pub(crate) struct Plan {
    period: Period,
    segments: Vec<(Date, Date)>,
    verdicts: Vec<Verdict>,
    seg_verdict: Vec<usize>,
    seg_facts: Vec<(bool, Facts)>,
}

impl Plan {
    /// The plan of child `me` of `household`: the household decides the family's facts.
    pub(crate) fn new(
        policy: &Policy,
        case: &Case,
        household: &Household<'_>,
        me: usize,
        period: Option<Period>,
    ) -> Result<Plan, ComputeError> {
        let period = resolve_period(case, period)?;
        let segments = segments(policy, case, household, period);
        let mut verdicts: Vec<Verdict> = Vec::new();
        let mut seg_verdict = Vec::with_capacity(segments.len());
        let mut seg_facts = Vec::with_capacity(segments.len());
        for &(from, to) in &segments {
            let facts = Facts::at(policy, case, household, from);
            let (eligible, criteria_in_force, criteria) = facts.verdict(policy, household, me, from);
            match verdicts.last_mut() {
                Some(v)
                    if v.to.succ() == Some(from)
                        && v.eligible == eligible
                        && v.criteria_in_force == criteria_in_force
                        && v.criteria == criteria =>
                {
                    v.to = to;
                }
                _ => verdicts.push(Verdict { from, to, eligible, criteria_in_force, criteria }),
            }
            seg_verdict.push(verdicts.len() - 1);
            seg_facts.push((eligible, facts));
        }
        Ok(Plan { period, segments, verdicts, seg_verdict, seg_facts })
    }

    /// Compute the lines in order (service line, then date), giving each to `f`; the first error,
    /// of the computation or of `f`, ends it.
    pub(crate) fn each_line<E: From<ComputeError>>(
        &self,
        policy: &Policy,
        case: &Case,
        mut f: impl FnMut(Line) -> Result<(), E>,
    ) -> Result<(), E> {
        for (li, line) in case.lines.iter().enumerate() {
            self.each_group(policy, case, li, |from, to, d, vs| f(make_line(policy, case, line, from, to, d, vs)?))?;
        }
        Ok(())
    }

    /// The shares of service line `li` alone, line by line, without the explanation: the same
    /// lines, amounts and split as [`Plan::each_line`] gives it. `f` gets the month and the shares
    /// in department order. A portfolio splits a line again this way when a scenario changes its key.
    #[cfg(feature = "portfolio")]
    pub(crate) fn line_shares(
        &self,
        policy: &Policy,
        case: &Case,
        li: usize,
        mut f: impl FnMut(Month, &[(DeptIx, i64)]) -> Result<(), ComputeError>,
    ) -> Result<(), ComputeError> {
        let Some(line) = case.lines.get(li) else { return Ok(()) };
        let mut shares: Vec<(DeptIx, i64)> = Vec::new();
        let mut split = Split::default();
        self.each_group(policy, case, li, |from, to, d, _| {
            let (ore, _, _) = line_amount(policy, line, from, to)?;
            split.split(ore, &d.weights, || overflow_in(line, from))?;
            shares.clear();
            shares.extend(d.weights.iter().zip(&split.out).map(|(w, &v)| (w.0, v)));
            f(from.month_of(), &shares)
        })
    }

    /// The output lines of service line `li` as (first day, last day, decision, verdicts):
    /// consecutive segments of one month with the same decision form one line.
    fn each_group<E: From<ComputeError>>(
        &self,
        policy: &Policy,
        case: &Case,
        li: usize,
        mut f: impl FnMut(Date, Date, Decision, Vec<usize>) -> Result<(), E>,
    ) -> Result<(), E> {
        let Plan { segments, seg_verdict, seg_facts, .. } = self;
        let Some(line) = case.lines.get(li) else { return Ok(()) };
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
                    if let Some((f0, t, d, vs)) = open.take() {
                        f(f0, t, d, vs)?;
                    }
                    open = Some((from, to, decision, vec![seg_verdict[si]]));
                }
            }
        }
        if let Some((f0, t, d, vs)) = open {
            f(f0, t, d, vs)?;
        }
        Ok(())
    }

    /// The result with these lines and totals.
    pub(crate) fn into_result(self, policy: &Policy, case: &Case, lines: Vec<Line>, totals: Totals) -> SplitResult {
        let label = match &policy.version {
            Some(v) => format!("{} ({v})", policy.name),
            None => policy.name.clone(),
        };
        SplitResult {
            case: case.id.clone(),
            policy: label,
            period: self.period,
            period_default: None,
            eligibility: self.verdicts,
            lines,
            totals,
            reimbursement: None,
            agreements: crate::case::audit::records(case),
        }
    }
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
fn segments(policy: &Policy, case: &Case, household: &Household<'_>, period: Period) -> Vec<(Date, Date)> {
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
    policy.criteria.iter().for_each(|c| add(&c.validity));
    policy.arrangements.iter().for_each(|a| add(&a.validity));
    policy.keys.iter().flat_map(|k| &k.versions).for_each(|v| add(&v.validity));
    policy.services.iter().flat_map(|s| &s.legal_basis).for_each(|l| add(&l.0));
    cuts.extend(case.residence.iter().map(|r| r.0));
    // The family's facts: every child's grants, consents, other cases, moves, enrolment and birthdays.
    cuts.extend(household.cuts(period));
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
    /// The family's sector areas (periodic grants and other cases), sorted and distinct.
    sectors: Vec<Sector>,
    /// The departments the family's other cases name, sorted and distinct.
    departments: Vec<DeptIx>,
}

fn crit(criterion: CriterionName, passed: bool, required: String, actual: String, detail: Vec<String>) -> Criterion {
    Criterion { criterion, passed, required, actual, detail, child: None }
}

impl Facts {
    fn at(policy: &Policy, case: &Case, household: &Household<'_>, d: Date) -> Facts {
        Facts {
            handlekommune: case.handlekommune(d),
            sectors: household.sectors(policy, d),
            departments: household.departments(d),
        }
    }

    /// The verdict for child `me` of the household on `d` (SEMANTICS.md sections 4 and 9).
    fn verdict(
        &self,
        policy: &Policy,
        household: &Household<'_>,
        me: usize,
        d: Date,
    ) -> (bool, Option<String>, Vec<Criterion>) {
        let Some(c) = in_force(&policy.criteria, d, |c| c.validity).map(|i| &policy.criteria[i]) else {
            return (
                false,
                None,
                vec![crit(CriterionName::CriteriaInForce, false, "true".into(), "none".into(), vec![])],
            );
        };
        let n = self.sectors.len();
        let names = self.sectors.iter().map(|s| s.as_str().to_string()).collect();
        let consent = household.consent(me, d);
        let t = household.target(c, me, d);
        let child = household.cases[t.child];
        let (age_name, age_req) = match c.age_rule {
            AgeRule::AtEnrolment => (CriterionName::AgeAtEnrolment, c.age),
            _ => (CriterionName::Age, c.age),
        };
        let age_req = age_req.map_or_else(|| "any".into(), |(lo, hi)| format!("{lo}-{hi}"));
        let muni_req = match &c.municipalities {
            Some(ms) => ms.iter().map(|&m| &*policy.municipalities[m].id).collect::<Vec<_>>().join(" "),
            None => "any".into(),
        };
        let hk = child.handlekommune(d);
        let mut about_child = vec![
            crit(
                CriterionName::Disability,
                t.disability,
                c.disability_required.to_string(),
                child.disability.to_string(),
                vec![],
            ),
            crit(age_name, t.age.0, age_req, t.age.1.map_or_else(|| "none".into(), |a| a.to_string()), t.age.2.clone()),
            crit(
                CriterionName::Municipality,
                t.municipality,
                muni_req,
                hk.map_or_else(|| "none".into(), |m| policy.municipalities[m].id.to_string()),
                vec![],
            ),
        ];
        if t.child != me {
            about_child.iter_mut().for_each(|x| x.child = Some(child.id.clone()));
        }
        let mut out = vec![
            crit(
                CriterionName::SectorAreas,
                n >= usize::from(c.min_sector_areas),
                c.min_sector_areas.to_string(),
                n.to_string(),
                names,
            ),
            crit(
                CriterionName::Consent,
                !c.consent_required || consent.given,
                c.consent_required.to_string(),
                match (consent.any, consent.from) {
                    (false, _) => "none".into(),
                    (true, Some(f)) => f.to_string(),
                    (true, None) => "true".into(),
                },
                consent.by,
            ),
        ];
        out.extend(about_child);
        let own = household.cases[me];
        if own.enrolled.is_some() || own.discharged.is_some() {
            out.push(enrolment_criterion(own, d));
        }
        let eligible = out.iter().all(|c| c.passed);
        (eligible, Some(format!("eligibility[{}]", c.index)), out)
    }
}

/// Whether child `case` is enrolled on `d`: `enrolled`, `not_enrolled` (before its enrolment) or
/// `discharged`; the detail gives the enrolment and discharge dates.
fn enrolment_criterion(case: &Case, d: Date) -> Criterion {
    let actual = if case.discharged.is_some_and(|x| d >= x) {
        "discharged"
    } else if case.enrolled.is_some_and(|e| d < e) {
        "not_enrolled"
    } else {
        "enrolled"
    };
    let detail =
        [case.enrolled, case.discharged].iter().map(|x| x.map_or_else(|| "none".into(), |x| x.to_string())).collect();
    crit(CriterionName::Enrolment, actual == "enrolled", "true".into(), actual.into(), detail)
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
    let (weights, uninvolved) = match chosen.1.involved_only {
        true => only_involved(policy, weights, payer, facts, &item)?,
        false => (weights, Vec::new()),
    };
    let key = chosen.1;
    Ok(Decision { eligible, authority, authority_rule, payer, payer_rule, key, weights, uninvolved, legal })
}

/// Restrict `weights` to the departments involved in the case (SEMANTICS.md section 9): the
/// paying municipality's departments for the family's sector areas, the departments the family's
/// other cases name, and the payer. The weight of any other department goes to the payer.
#[allow(clippy::type_complexity)]
fn only_involved(
    policy: &Policy,
    weights: Vec<(DeptIx, Weight)>,
    payer: DeptIx,
    facts: &Facts,
    item: &dyn Fn() -> String,
) -> Result<(Vec<(DeptIx, Weight)>, Vec<(DeptIx, Weight)>), ComputeError> {
    let pay_muni = policy.departments[payer].municipality;
    let involved = |dx: DeptIx| {
        dx == payer
            || facts.departments.binary_search(&dx).is_ok()
            || facts.sectors.iter().any(|&s| policy.department_for(pay_muni, s) == Some(dx))
    };
    let mut kept: Vec<(DeptIx, Weight)> = Vec::with_capacity(weights.len());
    let mut moved = Vec::new();
    let mut to_payer: Option<Weight> = None;
    for (dx, w) in weights {
        if involved(dx) {
            kept.push((dx, w));
        } else if !w.is_zero() {
            moved.push((dx, w));
            to_payer = Some(match to_payer {
                Some(t) => t.merged(w).ok_or_else(|| ComputeError::Overflow { item: item() })?,
                None => w,
            });
        }
    }
    if let Some(extra) = to_payer {
        match kept.iter_mut().find(|k| k.0 == payer) {
            Some(k) => k.1 = k.1.merged(extra).ok_or_else(|| ComputeError::Overflow { item: item() })?,
            None => {
                let at = kept.partition_point(|k| k.0 < payer);
                kept.insert(at, (payer, extra));
            }
        }
    }
    Ok((kept, moved))
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

/// The rule of the payer alone.
static SOLE: Rule = Rule::Sole(None);

/// The key of service line `li` on `d`: the payer alone for a case that is not eligible, else an
/// agreement in force, else the service's policy key in force, else the payer alone.
fn choose_key<'p>(
    policy: &'p Policy,
    case: &'p Case,
    service: &Service,
    li: usize,
    d: Date,
    eligible: bool,
) -> (&'p Rule, KeyUsedIx) {
    let sole = |reason| {
        let k = KeyUsedIx {
            source: KeySource::Sole,
            ix: None,
            kind: KeyKind::Sole,
            validity: Validity::default(),
            reason,
            involved_only: false,
            set_aside: None,
        };
        (&SOLE, k)
    };
    // Agreements are sorted by (line, start) and do not overlap for one line.
    let lo = case.agreements.partition_point(|a| a.line < li);
    let hi = lo + case.agreements[lo..].partition_point(|a| a.line == li);
    let agreement = in_force(&case.agreements[lo..hi], d, |a| a.validity).map(|i| lo + i);
    if !eligible {
        let (rule, mut k) = sole(KeyReason::NotEligible);
        k.set_aside = agreement;
        return (rule, k);
    }
    if let Some(ai) = agreement {
        let a = &case.agreements[ai];
        let k = KeyUsedIx {
            source: KeySource::Agreement,
            ix: Some(ai),
            kind: a.rule.kind(),
            validity: a.validity,
            reason: KeyReason::AgreementInForce,
            involved_only: false,
            set_aside: None,
        };
        return (&a.rule, k);
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
                involved_only: v.involved_only,
                set_aside: None,
            };
            (&v.rule, used)
        }
        None if service.key.is_some() => sole(KeyReason::NoKeyVersionInForce),
        None => sole(KeyReason::NoKey),
    }
}

/// The departments and weights of `rule`, resolved in the paying municipality, by department.
fn key_weights(
    policy: &Policy,
    case: &Case,
    (rule, key): &(&Rule, KeyUsedIx),
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
    // Merged in place: `kept` entries are done.
    let mut kept: usize = 0;
    for i in 0..weights.len() {
        let (dx, w) = weights[i];
        match kept.checked_sub(1).map(|k| &mut weights[k]) {
            Some(last) if last.0 == dx => {
                last.1 = last.1.merged(w).ok_or_else(|| ComputeError::Overflow { item: item() })?;
            }
            _ => {
                weights[kept] = (dx, w);
                kept += 1;
            }
        }
    }
    weights.truncate(kept);
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
/// A line given at a base year's level is first regulated to the month's year (rounded to øre),
/// then an hour or unit price is multiplied by its quantity, then prorated by its time unit.
fn line_amount(
    policy: &Policy,
    line: &CaseLine,
    from: Date,
    to: Date,
) -> Result<(i64, Exact, AmountBasis), ComputeError> {
    let item = || format!("service line '{}' in {}", line.id, from.month_of());
    let overflow = || ComputeError::Overflow { item: item() };
    let (mut num, mut den) = line.amount.ore_ratio();
    let mut indexed = None;
    if let Some((ix, base_year)) = line.indexation {
        let index = &policy.indices[ix];
        let year = from.year();
        let missing = |y: i32| ComputeError::Index {
            item: item(),
            problem: Box::new(Message::IndexYearMissing { index: index.id.to_string(), year: y.to_string() }),
        };
        let base_value = index.value(base_year).ok_or_else(|| missing(base_year))?;
        let value = index.value(year).ok_or_else(|| missing(year))?;
        let rate = regulate(num, den, base_value, value).ok_or_else(overflow)?;
        let rate =
            i64::try_from(rate).ok().filter(|r| r.unsigned_abs() <= MAX_ORE.unsigned_abs()).ok_or_else(overflow)?;
        (num, den) = (i128::from(rate), 1);
        indexed = Some(IndexUsed {
            index: index.id.clone(),
            index_name: index.name.clone(),
            base_year,
            base_value,
            year,
            value,
            confirmed: index.confirmed(base_year) && index.confirmed(year),
            rate: Money::from_ore(rate),
        });
    }
    let mut price = None;
    if let Some(q) = line.quantity {
        let v = q.value();
        num = num.checked_mul(v.mantissa()).ok_or_else(overflow)?;
        den = den.checked_mul(10i128.pow(v.scale())).ok_or_else(overflow)?;
        price = Some(Exact::new(num, den));
    }
    let (ore, exact, mut basis) =
        flow_ratio("service line", &line.id, (num, den), line.every, line.validity, from, to)?;
    basis.per = line.per;
    basis.granted = line.amount;
    if line.per.needs_quantity() {
        basis.quantity = line.quantity;
        basis.every = Some(line.every);
        basis.price = price;
    }
    basis.indexed = indexed;
    Ok((ore, exact, basis))
}

/// `round(num/den × value/base)` øre, half away from zero; `None` on overflow.
pub(crate) fn regulate(num: i128, den: i128, base: Weight, value: Weight) -> Option<i128> {
    let (b, v) = (base.value(), value.value());
    // num/den × (mv/10^sv) / (mb/10^sb) = num·mv·10^sb / (den·mb·10^sv)
    let n = num.checked_mul(v.mantissa())?.checked_mul(10i128.checked_pow(b.scale())?)?;
    let d = den.checked_mul(b.mantissa())?.checked_mul(10i128.checked_pow(v.scale())?)?;
    (d > 0).then(|| round_div(n, d))
}

/// The amount of a flow (a service line or income) for days `from..=to` of one month.
pub(crate) fn flow_amount(
    kind: &str,
    id: &str,
    amount: Amount,
    every: Every,
    validity: Validity,
    from: Date,
    to: Date,
) -> Result<(i64, Exact, AmountBasis), ComputeError> {
    let (ore, exact, mut basis) = flow_ratio(kind, id, amount.ore_ratio(), every, validity, from, to)?;
    basis.granted = amount;
    Ok((ore, exact, basis))
}

/// The amount `num / den` øre per `every` for days `from..=to` of one month.
fn flow_ratio(
    kind: &str,
    id: &str,
    (num, den): (i128, i128),
    every: Every,
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
    let overflow = || ComputeError::Overflow { item: format!("{kind} '{id}' in {month}") };
    let per = match every {
        Every::Day => Per::Day,
        Every::Week => Per::Week,
        Every::Month => Per::Month,
        Every::Year => Per::Year,
        Every::Once => Per::Once,
    };
    let mut basis = AmountBasis {
        per,
        granted: Amount::default(),
        service_year_month: None,
        month_amount: None,
        days: Some(days as u32),
        days_in_month: Some(month.days()),
        quantity: None,
        every: None,
        price: None,
        indexed: None,
        cumulative: None,
    };
    // Cumulative rounding over the covered days: `round(num·c_end/d) − round(num·c_before/d)`. A
    // segment that does not start on the line's first day in the month says so in its basis.
    let cumulative = |per_day_den: i128, basis: &mut AmountBasis| -> Option<(i128, Exact)> {
        let d = den.checked_mul(per_day_den)?;
        let hi = round_div(num.checked_mul(c_end)?, d);
        let lo = round_div(num.checked_mul(c_before)?, d);
        basis.cumulative = cumulative_basis((c_end, hi), (c_before, lo))?;
        Some((hi - lo, Exact::new(num.checked_mul(days)?, d)))
    };
    let (ore, exact) = match every {
        Every::Once => {
            basis.days = None;
            basis.days_in_month = None;
            (round_div(num, den), Exact::new(num, den))
        }
        Every::Month => cumulative(dim, &mut basis).ok_or_else(overflow)?,
        Every::Day => {
            basis.days_in_month = None;
            cumulative(1, &mut basis).ok_or_else(overflow)?
        }
        Every::Week => {
            basis.days_in_month = None;
            cumulative(7, &mut basis).ok_or_else(overflow)?
        }
        Every::Year => {
            let start = validity.from.map_or(month, Date::month_of);
            let k = i128::from(start.months_until(month).rem_euclid(12) + 1);
            let d12 = den.checked_mul(12).ok_or_else(overflow)?;
            let m = round_div(num.checked_mul(k).ok_or_else(overflow)?, d12)
                - round_div(num.checked_mul(k - 1).ok_or_else(overflow)?, d12);
            basis.service_year_month = Some(k as u32);
            basis.month_amount = i64::try_from(m).ok().map(Money::from_ore);
            let (so_far, before) = (round_div(m * c_end, dim), round_div(m * c_before, dim));
            basis.cumulative = cumulative_basis((c_end, so_far), (c_before, before)).ok_or_else(overflow)?;
            (so_far - before, Exact::new(m * days, dim))
        }
    };
    match i64::try_from(ore) {
        Ok(v) if v.unsigned_abs() <= MAX_ORE.unsigned_abs() => Ok((v, exact, basis)),
        _ => Err(overflow()),
    }
}

/// The basis of a cumulatively rounded segment: `(days, øre)` of the month so far and before it;
/// none for a segment that starts on the line's first day in the month. `None` on overflow.
fn cumulative_basis(
    (days_so_far, so_far): (i128, i128),
    (days_before, before): (i128, i128),
) -> Option<Option<Cumulative>> {
    if days_before == 0 {
        return Some(None);
    }
    Some(Some(Cumulative {
        days_so_far: u32::try_from(days_so_far).ok()?,
        so_far: Money::from_ore(i64::try_from(so_far).ok()?),
        days_before: u32::try_from(days_before).ok()?,
        before: Money::from_ore(i64::try_from(before).ok()?),
    }))
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
        arrangement_for: r.arrangement.map(|ix| policy.municipalities[policy.arrangements[ix].on_behalf_of].id.clone()),
    }
}

/// The overflow error of a service line in the month of `from`.
fn overflow_in(line: &CaseLine, from: Date) -> ComputeError {
    ComputeError::Overflow { item: format!("service line '{}' in {}", line.id, from.month_of()) }
}

/// `ore` split by a decision's weights (section 2): the shares and who received a leftover øre,
/// in the weights' order, and the weights as scaled integers.
#[allow(clippy::type_complexity)]
fn split_decision(
    ore: i64,
    weights: &[(DeptIx, Weight)],
    item: impl Fn() -> ComputeError,
) -> Result<(Vec<i64>, Vec<bool>, Vec<u128>), ComputeError> {
    let mut split = Split::default();
    split.split(ore, weights, item)?;
    Ok((split.out, split.leftover, split.scaled))
}

/// The buffers of a split by a decision's weights, kept from one line to the next.
#[derive(Debug, Default)]
struct Split {
    scaled: Vec<u128>,
    out: Vec<i64>,
    leftover: Vec<bool>,
}

impl Split {
    /// Split `ore` by `weights` (section 2) into `out` and `leftover`, in the weights' order.
    fn split(
        &mut self,
        ore: i64,
        weights: &[(DeptIx, Weight)],
        item: impl Fn() -> ComputeError,
    ) -> Result<(), ComputeError> {
        let scale = common_scale(weights.iter().map(|w| w.1));
        self.scaled.clear();
        self.scaled.extend(weights.iter().map(|w| w.1.scaled(scale)));
        self.out.clear();
        self.out.resize(weights.len(), 0);
        self.leftover.clear();
        self.leftover.resize(weights.len(), false);
        split_ore(ore, &self.scaled, &mut self.out, &mut self.leftover).map_err(|_| item())
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
    let (ore, exact_amount, basis) = line_amount(policy, line, from, to)?;
    let item = || overflow_in(line, from);
    let (out, leftover, scaled) = split_decision(ore, &d.weights, item)?;
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
            name: match d.key.source {
                KeySource::Policy => d.key.ix.and_then(|i| policy.keys[i].name.clone()),
                KeySource::Agreement | KeySource::Sole => None,
            },
            kind: d.key.kind,
            validity: d.key.validity,
            reason: d.key.reason,
            involved_only: d.key.involved_only,
            uninvolved: d
                .uninvolved
                .iter()
                .map(|&(dx, weight)| {
                    let d = &policy.departments[dx];
                    Uninvolved { department: d.id.clone(), name: d.name.clone(), weight }
                })
                .collect(),
            set_aside: d.key.set_aside.map(|i| case.agreements[i].id.clone()),
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

pub(crate) fn totals(policy: &Policy, lines: &[Line]) -> Result<Totals, ComputeError> {
    let mut tally = Tally::new(policy);
    for l in lines {
        tally.add(l)?;
    }
    Ok(tally.finish())
}

/// The totals of a split, added up line by line (checked: a total past [`MAX_TOTAL_ORE`] is an
/// error naming it).
pub(crate) struct Tally<'a> {
    policy: &'a Policy,
    by_dept: Vec<i64>,
    used: Vec<bool>,
    by_muni: Vec<i64>,
    /// Months in order, with their total and their total per department (a sorted list: a map
    /// would be compiled for these types alone).
    months: Vec<(Month, (i64, Vec<i64>))>,
    case: i64,
}

impl<'a> Tally<'a> {
    pub(crate) fn new(policy: &'a Policy) -> Tally<'a> {
        let nd = policy.departments.len();
        Tally {
            policy,
            by_dept: vec![0i64; nd],
            used: vec![false; nd],
            by_muni: vec![0i64; policy.municipalities.len()],
            months: Vec::new(),
            case: 0,
        }
    }

    pub(crate) fn add(&mut self, l: &Line) -> Result<(), ComputeError> {
        let policy = self.policy;
        let nd = policy.departments.len();
        let at = match self.months.binary_search_by(|m| m.0.cmp(&l.month)) {
            Ok(at) => at,
            Err(at) => {
                self.months.insert(at, (l.month, (0, vec![0; nd])));
                at
            }
        };
        let month = &mut self.months[at].1;
        for s in &l.shares {
            let dx = s.dept;
            let v = s.amount.ore();
            let dept = &policy.departments[dx];
            let muni = || &policy.municipalities[dept.municipality].id;
            add_to(&mut self.by_dept[dx.get()], v, || {
                format!("the case's total for department '{}' ({})", dept.id, muni())
            })?;
            self.used[dx.get()] = true;
            add_to(&mut self.by_muni[dept.municipality.get()], v, || {
                format!("the case's total for municipality '{}'", muni())
            })?;
            add_to(&mut month.0, v, || format!("the case's total for {}", l.month))?;
            add_to(&mut month.1[dx.get()], v, || {
                format!("the case's total for department '{}' ({}) in {}", dept.id, muni(), l.month)
            })?;
            add_to(&mut self.case, v, || "the case's total".to_string())?;
        }
        Ok(())
    }

    pub(crate) fn finish(self) -> Totals {
        let Tally { policy, by_dept, used, by_muni, months, case } = self;
        let nd = policy.departments.len();
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
                    .map(|i| DeptAmount {
                        department: policy.departments[i].id.clone(),
                        amount: Money::from_ore(ds[i]),
                    })
                    .collect(),
            })
            .collect();
        Totals { case: Money::from_ore(case), by_department, by_municipality, by_month }
    }
}
