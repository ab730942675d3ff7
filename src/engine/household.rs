//! The household (family): its children's cases, its adults, and the facts decided for the family
//! day by day (SEMANTICS.md section 9).
//!
//! A household is given as several case documents, one per child, that name the same `household`;
//! the case computed comes first. The family's sector areas are those of every child's periodic
//! grants and every person's other cases; consent is the custody holders'; and the family qualifies
//! when one of its children meets the criteria about the child (disability, age or age at
//! enrolment, acting municipality, enrolled). Every child of a qualifying family is eligible while
//! its own case is enrolled and its consent holds.

use crate::case::{Case, ConsentScope};
use crate::i18n::Message;
use crate::model::date::Date;
use crate::model::error::ComputeError;
use crate::model::sector::Sector;
use crate::model::validity::Period;
use crate::policy::{AgeRule, Criteria, DeptIx, Policy};

/// The most cases one household may have (the case and its siblings, or the cases of a batch or
/// a portfolio with one household id): each child's split is decided over all of them.
pub const MAX_HOUSEHOLD_CASES: usize = 100;

/// Refuse a household of more than [`MAX_HOUSEHOLD_CASES`] cases; `first` is its first case's id.
/// Checked before its cases are read or compared, so that a refusal costs nothing.
pub fn within_household_limit(first: &str, cases: usize) -> Result<(), ComputeError> {
    if cases <= MAX_HOUSEHOLD_CASES {
        return Ok(());
    }
    Err(ComputeError::Household {
        item: format!("case '{first}'"),
        problem: Box::new(Message::HouseholdTooLarge {
            cases: cases.to_string(),
            max_cases: MAX_HOUSEHOLD_CASES.to_string(),
        }),
    })
}

/// The children's cases of one household and its custody holders.
#[derive(Debug, Clone)]
pub(crate) struct Household<'a> {
    /// The children's cases; the first is the case computed.
    pub cases: Vec<&'a Case>,
    /// The custody holders named in any of the documents (sorted, distinct).
    pub custody: Vec<String>,
}

/// The consent of the custody holders for one child on one day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ConsentState {
    /// Whether every custody holder consented (or the family as a whole did).
    pub given: bool,
    /// The latest first day among the consents in force (`None`: open from the start).
    pub from: Option<Date>,
    /// Whether any consent covering the child is in force.
    pub any: bool,
    /// The custody holders who consented (sorted).
    pub by: Vec<String>,
}

/// The outcome of the criteria about a child, for one child on one day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ChildTest {
    /// Index of the child in the household.
    pub child: usize,
    /// Disability passed.
    pub disability: bool,
    /// Age (or age at enrolment) passed, the age shown (`None`: none) and the supporting dates.
    pub age: (bool, Option<i32>, Vec<String>),
    /// Acting municipality covered.
    pub municipality: bool,
    /// Enrolled on the day.
    pub enrolled: bool,
}

impl ChildTest {
    /// Whether the child meets every criterion about a child.
    pub fn passed(&self) -> bool {
        self.disability && self.age.0 && self.municipality && self.enrolled
    }
}

impl<'a> Household<'a> {
    /// The household of `cases` (the case computed first). A person named in two documents must
    /// hold custody in both or in neither.
    pub fn new(cases: Vec<&'a Case>) -> Result<Household<'a>, ComputeError> {
        within_household_limit(cases.first().map_or("", |c| c.id.as_str()), cases.len())?;
        // Each person once, with whether they hold custody and the first case naming them.
        let mut people: std::collections::BTreeMap<&str, (bool, &str)> = Default::default();
        for c in &cases {
            for (id, custody) in &c.parents {
                match people.get(id.as_str()) {
                    Some(p) if p.0 != *custody => {
                        return Err(ComputeError::Household {
                            item: format!("case '{}'", c.id),
                            problem: Box::new(Message::CustodyDiffers { person: id.clone(), case: p.1.to_string() }),
                        })
                    }
                    Some(_) => {}
                    None => {
                        people.insert(id, (*custody, &c.id));
                    }
                }
            }
        }
        let custody: Vec<String> = people.iter().filter(|p| p.1 .0).map(|p| p.0.to_string()).collect();
        Ok(Household { cases, custody })
    }

    /// Every date on which a fact of the household may change, within `period`.
    pub fn cuts(&self, period: Period) -> Vec<Date> {
        let mut cuts = Vec::new();
        for case in &self.cases {
            let mut add = |v: &crate::model::validity::Validity| cuts.extend(v.cuts());
            case.lines.iter().for_each(|l| add(&l.validity));
            case.consent.iter().for_each(|c| add(&c.validity));
            case.other_cases.iter().for_each(|o| add(&o.validity));
            cuts.extend(case.residence.iter().map(|r| r.0));
            cuts.extend(case.enrolled.into_iter().chain(case.discharged));
            // Birthdays change the age shown; ages outside the period do not matter.
            let first = case.birth_date.age_on(period.from).max(0);
            let last = case.birth_date.age_on(period.to).max(0);
            cuts.extend((first..=last + 1).filter_map(|a| case.birth_date.anniversary(a)));
            cuts.push(case.birth_date);
        }
        cuts
    }

    /// The family's sector areas on `d` (sorted, distinct): every child's grants for a period
    /// (never a one-off payment) and every other case of the family.
    pub fn sectors(&self, policy: &Policy, d: Date) -> Vec<Sector> {
        let mut sectors: Vec<Sector> = Vec::new();
        for case in &self.cases {
            let lines = case.lines.iter().filter(|l| l.every.is_periodic() && l.validity.contains(d));
            sectors.extend(lines.map(|l| policy.services[l.service].sector));
            sectors.extend(case.other_cases.iter().filter(|o| o.validity.contains(d)).map(|o| o.sector));
        }
        sectors.sort();
        sectors.dedup();
        sectors
    }

    /// The departments the family's other cases active on `d` name (sorted, distinct).
    pub fn departments(&self, d: Date) -> Vec<DeptIx> {
        let mut out: Vec<DeptIx> = self
            .cases
            .iter()
            .flat_map(|c| c.other_cases.iter())
            .filter(|o| o.validity.contains(d))
            .filter_map(|o| o.department)
            .collect();
        out.sort();
        out.dedup();
        out
    }

    /// The consent for child `me` on `d`: the consents in force that cover it (its own case's, and
    /// any case's with scope `household`). With custody holders named, every one of them must have
    /// consented; a consent that names nobody is the family's as a whole.
    pub fn consent(&self, me: usize, d: Date) -> ConsentState {
        let mut by: Vec<String> = Vec::new();
        let mut whole = false;
        let mut any = false;
        let mut from: Option<Date> = None;
        for (ci, case) in self.cases.iter().enumerate() {
            for c in &case.consent {
                if !c.validity.contains(d) || (c.scope == ConsentScope::Child && ci != me) {
                    continue;
                }
                any = true;
                from = from.max(c.validity.from);
                whole |= c.by.is_empty();
                by.extend(c.by.iter().cloned());
            }
        }
        by.sort();
        by.dedup();
        let given = any && (whole || self.custody.iter().all(|p| by.binary_search(p).is_ok()));
        ConsentState { given, from, any, by }
    }

    /// The criteria about a child, for child `ci` on `d` under criteria `c`.
    pub fn child_test(&self, c: &Criteria, ci: usize, d: Date) -> ChildTest {
        let case = self.cases[ci];
        let in_range = |age: i32| age >= 0 && c.age.is_none_or(|(lo, hi)| age >= i32::from(lo) && age <= i32::from(hi));
        let birth = case.birth_date.to_string();
        let age = match c.age_rule {
            AgeRule::AtEnrolment => match case.enrolled.filter(|e| *e <= d) {
                Some(e) => {
                    let age = case.birth_date.age_on(e);
                    (in_range(age), (age >= 0).then_some(age), vec![birth, e.to_string()])
                }
                None => (false, None, vec![birth]),
            },
            _ => {
                let age = case.birth_date.age_on(d);
                (in_range(age), (age >= 0).then_some(age), vec![birth])
            }
        };
        let hk = case.handlekommune(d);
        let municipality = match &c.municipalities {
            Some(ms) => hk.is_some_and(|h| ms.contains(&h)),
            None => hk.is_some(),
        };
        ChildTest {
            child: ci,
            disability: !c.disability_required || case.disability,
            age,
            municipality,
            enrolled: case.enrolled_on(d),
        }
    }

    /// The child whose criteria decide for the family on `d`: child `me` when it meets them all,
    /// else the first other child that does, else child `me` (whose failures are then shown).
    pub fn target(&self, c: &Criteria, me: usize, d: Date) -> ChildTest {
        let own = self.child_test(c, me, d);
        if own.passed() {
            return own;
        }
        (0..self.cases.len())
            .filter(|&i| i != me)
            .map(|i| self.child_test(c, i, d))
            .find(ChildTest::passed)
            .unwrap_or(own)
    }
}
