//! The compiled policy: every reference resolved to an index, every dated item checked, ready for
//! the engine.

use std::collections::HashMap;
use std::sync::Arc;

use crate::model::money::{Amount, Weight};
use crate::model::sector::Sector;
use crate::model::validity::Validity;
use crate::policy::document::*;

/// Index of a municipality in [`Policy::municipalities`]; only a policy makes one, so it indexes
/// that policy's municipalities (`policy.municipalities()[m]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MuniIx(usize);

/// Index of a department in [`Policy::departments`] (sorted by id, so index order is id order);
/// only a policy makes one, so it indexes that policy's departments (`policy.departments()[d]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DeptIx(usize);

macro_rules! index_type {
    ($ix:ident, $item:ty) => {
        impl $ix {
            pub(crate) fn new(i: usize) -> $ix {
                $ix(i)
            }
            /// The position.
            pub fn get(self) -> usize {
                self.0
            }
        }
        impl std::ops::Index<$ix> for [$item] {
            type Output = $item;
            fn index(&self, ix: $ix) -> &$item {
                &self[ix.0]
            }
        }
        impl std::ops::Index<$ix> for Vec<$item> {
            type Output = $item;
            fn index(&self, ix: $ix) -> &$item {
                &self[ix.0]
            }
        }
    };
}
index_type!(MuniIx, Municipality);
index_type!(DeptIx, Department);

/// A municipality.
#[derive(Debug, Clone, PartialEq)]
pub struct Municipality {
    /// Id.
    pub id: Arc<str>,
    /// Name.
    pub name: String,
    /// Kommunekode.
    pub code: u16,
}

/// A department.
#[derive(Debug, Clone, PartialEq)]
pub struct Department {
    /// Id.
    pub id: Arc<str>,
    /// Name.
    pub name: Arc<str>,
    /// Its municipality.
    pub municipality: MuniIx,
    /// The sector areas it serves.
    pub sectors: Vec<Sector>,
}

/// A resolved department reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Target {
    /// A fixed department.
    Department(DeptIx),
    /// The responsible municipality's department for a sector area.
    Sector(Sector),
}

/// A compiled key rule.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Rule {
    /// 100 % to the target, or to the payer.
    Sole(Option<Target>),
    /// Percentages; the rest to the payer.
    Percent(Vec<(Target, Weight)>),
    /// Weights.
    Weights(Vec<(Target, Weight)>),
    /// Equal over the targets, or over the departments involved in the case when empty.
    Equal(Vec<Target>),
}

impl Rule {
    /// The kind of the rule.
    pub fn kind(&self) -> KeyKind {
        match self {
            Rule::Sole(_) => KeyKind::Sole,
            Rule::Percent(_) => KeyKind::Percent,
            Rule::Weights(_) => KeyKind::Weights,
            Rule::Equal(_) => KeyKind::Equal,
        }
    }
}

/// A dated version of a key.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyVersion {
    /// When it is in force.
    pub validity: Validity,
    /// The rule.
    pub rule: Rule,
    /// Only departments involved in the case take part; the rest goes to the payer.
    pub involved_only: bool,
}

/// A policy key.
#[derive(Debug, Clone, PartialEq)]
pub struct Key {
    /// Id.
    pub id: Arc<str>,
    /// Name.
    pub name: Option<String>,
    /// Versions, sorted by start.
    pub versions: Vec<KeyVersion>,
}

/// A service in the compiled catalogue.
#[derive(Debug, Clone, PartialEq)]
pub struct Service {
    /// Id.
    pub id: Arc<str>,
    /// Name.
    pub name: Arc<str>,
    /// Sector area in which it is granted.
    pub sector: Sector,
    /// Legal bases, dated.
    pub legal_basis: Vec<(Validity, Arc<str>)>,
    /// Who grants.
    pub authority: Target,
    /// Who pays.
    pub payer: Target,
    /// Policy key, if any.
    pub key: Option<usize>,
    /// Account function.
    pub function: Option<String>,
    /// How it is booked.
    pub kind: ServiceKind,
}

/// Eligibility criteria in force over a period.
#[derive(Debug, Clone, PartialEq)]
pub struct Criteria {
    /// Position in the document (for explanations).
    pub index: usize,
    /// When in force.
    pub validity: Validity,
    /// Minimum distinct sector areas.
    pub min_sector_areas: u8,
    /// Consent required.
    pub consent_required: bool,
    /// Disability required.
    pub disability_required: bool,
    /// Age range.
    pub age: Option<(u8, u8)>,
    /// When the age range is checked.
    pub age_rule: crate::policy::AgeRule,
    /// Municipalities covered (`None` = all).
    pub municipalities: Option<Vec<MuniIx>>,
}

/// A cross-municipality arrangement.
#[derive(Debug, Clone, PartialEq)]
pub struct Arrangement {
    /// Id.
    pub id: String,
    /// Granting municipality.
    pub grantor: MuniIx,
    /// Paying municipality whose residents are served.
    pub on_behalf_of: MuniIx,
    /// Sector areas covered.
    pub sectors: Vec<Sector>,
    /// When in force.
    pub validity: Validity,
    /// Basis text.
    pub basis: Option<String>,
}

/// A validated policy, ready to compute cases with.
#[derive(Debug, Clone)]
pub struct Policy {
    /// Name.
    pub name: String,
    /// Version label.
    pub version: Option<String>,
    /// Municipalities in document order (see [`Policy::municipalities`]).
    pub(crate) municipalities: Vec<Municipality>,
    /// Departments sorted by id (see [`Policy::departments`]).
    pub(crate) departments: Vec<Department>,
    /// Services in document order (see [`Policy::services`]).
    pub(crate) services: Vec<Service>,
    /// Keys in document order.
    pub keys: Vec<Key>,
    /// Criteria sorted by start.
    pub criteria: Vec<Criteria>,
    /// Arrangements in document order.
    pub arrangements: Vec<Arrangement>,
    /// Yearly indices in document order.
    pub indices: Vec<Index>,
    /// The state reimbursement scheme, if any.
    pub reimbursement: Option<Scheme>,
    /// The controller's year (committees, budget areas, price index); empty when not declared.
    pub year: YearSection,
    /// The ledger (cost centres, groupings, export profiles); empty when not declared.
    pub ledger: crate::policy::ledger::LedgerSection,
    pub(crate) muni_ix: HashMap<String, MuniIx>,
    pub(crate) dept_ix: HashMap<String, DeptIx>,
    pub(crate) service_ix: HashMap<String, usize>,
    /// The department of each (municipality, sector area), at [`Policy::slot`] (a table: the split
    /// looks it up for every segment).
    pub(crate) sector_table: Vec<Option<DeptIx>>,
    /// The arrangements for each (municipality served, sector area), sorted by start (they do not
    /// overlap), as indices into [`Policy::arrangements`], at [`Policy::slot`].
    pub(crate) arrangement_table: Vec<Vec<usize>>,
}

/// The most entries one key may have.
pub const MAX_KEY_ENTRIES: usize = 1000;

/// Units of 10^-10 percent in one percent (a tier's rate as an integer).
pub(crate) const PERCENT_UNITS: i128 = 10_000_000_000;

/// A validated scheme.
#[derive(Debug, Clone, PartialEq)]
pub struct Scheme {
    /// Id.
    pub id: String,
    /// Legal basis.
    pub legal_basis: String,
    /// Whether each catalogue service counts (indexed like [`Policy::services`]).
    pub counts: Vec<bool>,
    /// One recipient department, or `None` to follow the split.
    pub recipient: Option<Target>,
    /// Levels sorted by start.
    pub levels: Vec<Level>,
    /// The account function reimbursement is booked on.
    pub function: Option<String>,
}

/// A validated level.
#[derive(Debug, Clone, PartialEq)]
pub struct Level {
    /// When in force.
    pub validity: Validity,
    /// Tiers by rising threshold (as stated, at the base year's level when regulated).
    pub tiers: Vec<Tier>,
    /// The level's own legal basis, if it has one.
    pub legal_basis: Option<String>,
    /// The yearly regulation of the thresholds, if any.
    pub regulation: Option<Regulation>,
    /// Whether the figures are confirmed.
    pub confirmed: bool,
}

/// Thresholds stated at a base year's level and regulated by an index.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Regulation {
    /// Position of the index in [`Policy::indices`].
    pub index: usize,
    /// The base year.
    pub base_year: i32,
    /// Regulated thresholds are rounded to a multiple of this many øre.
    pub round_to_ore: i128,
}

/// A validated yearly index.
#[derive(Debug, Clone, PartialEq)]
pub struct Index {
    /// Id.
    pub id: Arc<str>,
    /// Name.
    pub name: Option<String>,
    /// (year, value, confirmed), sorted by year, years distinct, values above 0.
    pub years: Vec<(i32, Weight, bool)>,
}

impl Index {
    /// The value in `year`, if the index has one.
    pub fn value(&self, year: i32) -> Option<Weight> {
        self.years.binary_search_by_key(&year, |y| y.0).ok().map(|i| self.years[i].1)
    }
    /// Whether the value of `year` is confirmed.
    pub fn confirmed(&self, year: i32) -> bool {
        self.years.binary_search_by_key(&year, |y| y.0).ok().is_some_and(|i| self.years[i].2)
    }
}

/// A validated tier.
#[derive(Debug, Clone, PartialEq)]
pub struct Tier {
    /// Yearly threshold as written.
    pub above: Amount,
    /// The percentage as written.
    pub percent: Weight,
    /// The threshold in øre.
    pub(crate) above_ore: i128,
    /// The percentage in units of 10^-10 percent.
    pub(crate) units: i128,
}

impl Policy {
    /// The keys whose rules differ in `other`, when nothing else the split of a case reads differs
    /// (municipalities, departments, services, criteria, arrangements, indices, reimbursement,
    /// and every key's id and its versions' dates); `None` when anything else differs. The names,
    /// the year section and the ledger are not read by the split.
    ///
    /// With the same dates the cases are cut into the same segments with the same verdicts, so a
    /// portfolio under `other` differs only in the lines of the keys listed
    /// (the portfolio's scenarios use this).
    pub fn changed_keys(&self, other: &Policy) -> Option<Vec<usize>> {
        let same = self.municipalities == other.municipalities
            && self.departments == other.departments
            && self.services == other.services
            && self.criteria == other.criteria
            && self.arrangements == other.arrangements
            && self.indices == other.indices
            && self.reimbursement == other.reimbursement
            && self.keys.len() == other.keys.len();
        if !same {
            return None;
        }
        let mut changed = Vec::new();
        for (i, (a, b)) in self.keys.iter().zip(&other.keys).enumerate() {
            let dates = |k: &Key| k.versions.iter().map(|v| v.validity).collect::<Vec<_>>();
            if a.id != b.id || dates(a) != dates(b) {
                return None;
            }
            if a.versions != b.versions {
                changed.push(i);
            }
        }
        Some(changed)
    }

    /// Municipalities in document order, indexed by [`MuniIx`].
    pub fn municipalities(&self) -> &[Municipality] {
        &self.municipalities
    }
    /// Departments sorted by id, indexed by [`DeptIx`].
    pub fn departments(&self) -> &[Department] {
        &self.departments
    }
    /// The service catalogue in document order.
    pub fn services(&self) -> &[Service] {
        &self.services
    }
    /// The departments with their indices.
    pub fn department_ixs(&self) -> impl Iterator<Item = (DeptIx, &Department)> {
        self.departments.iter().enumerate().map(|(i, d)| (DeptIx(i), d))
    }
    /// The municipalities with their indices.
    pub fn municipality_ixs(&self) -> impl Iterator<Item = (MuniIx, &Municipality)> {
        self.municipalities.iter().enumerate().map(|(i, m)| (MuniIx(i), m))
    }
    /// Look up a municipality by id.
    pub fn municipality(&self, id: &str) -> Option<MuniIx> {
        self.muni_ix.get(id).copied()
    }
    /// Look up a department by id.
    pub fn department(&self, id: &str) -> Option<DeptIx> {
        self.dept_ix.get(id).copied()
    }
    /// Look up a service by id.
    pub fn service(&self, id: &str) -> Option<usize> {
        self.service_ix.get(id).copied()
    }
    /// Look up an index by id (few per policy: a scan).
    pub fn index(&self, id: &str) -> Option<usize> {
        self.indices.iter().position(|x| &*x.id == id)
    }
    /// The department of `muni` for `sector`, if it has one.
    pub fn department_for(&self, muni: MuniIx, sector: Sector) -> Option<DeptIx> {
        self.sector_table.get(Policy::slot(muni, sector)).copied().flatten()
    }
    /// The arrangement in force on `d` for residents of `muni` in `sector`, by binary search.
    pub(crate) fn arrangement(&self, muni: MuniIx, sector: Sector, d: crate::model::date::Date) -> Option<usize> {
        let ixs = self.arrangement_table.get(Policy::slot(muni, sector))?;
        crate::model::validity::in_force(ixs, d, |&i| self.arrangements[i].validity).map(|i| ixs[i])
    }
    /// The place of (municipality, sector area) in the policy's tables.
    pub(crate) fn slot(muni: MuniIx, sector: Sector) -> usize {
        muni.get() * <Sector as strum::VariantArray>::VARIANTS.len() + sector as usize
    }
    /// The tables at [`Policy::slot`] of the departments by (municipality, sector area) and of the
    /// arrangements by (municipality served, sector area), for `municipalities` municipalities.
    #[allow(clippy::type_complexity)]
    pub(crate) fn tables(
        municipalities: usize,
        by_sector: &HashMap<(MuniIx, Sector), DeptIx>,
        arrangements_for: HashMap<(MuniIx, Sector), Vec<usize>>,
    ) -> (Vec<Option<DeptIx>>, Vec<Vec<usize>>) {
        let n = municipalities * <Sector as strum::VariantArray>::VARIANTS.len();
        let mut sector_table = vec![None; n];
        let mut arrangement_table = vec![Vec::new(); n];
        for (&(m, s), &d) in by_sector {
            if let Some(slot) = sector_table.get_mut(Policy::slot(m, s)) {
                *slot = Some(d);
            }
        }
        for ((m, s), ixs) in arrangements_for {
            if let Some(slot) = arrangement_table.get_mut(Policy::slot(m, s)) {
                *slot = ixs;
            }
        }
        (sector_table, arrangement_table)
    }
    /// Resolve a target in a municipality.
    pub fn resolve(&self, t: Target, muni: MuniIx) -> Option<DeptIx> {
        match t {
            Target::Department(d) => Some(d),
            Target::Sector(s) => self.department_for(muni, s),
        }
    }
}

/// A compiled budget area.
#[derive(Debug, Clone)]
pub struct BudgetArea {
    /// Id.
    pub id: Arc<str>,
    /// Name.
    pub name: Arc<str>,
    /// Index into [`YearSection::committees`].
    pub committee: Option<usize>,
}

/// The compiled year section (empty when the policy has none).
#[derive(Debug, Clone, Default)]
pub struct YearSection {
    /// Committees: id and name, in document order.
    pub committees: Vec<(Arc<str>, Arc<str>)>,
    /// Budget areas, in document order.
    pub areas: Vec<BudgetArea>,
    /// The budget area of each department, by department index.
    pub area_of: HashMap<DeptIx, usize>,
    /// The price index by year.
    pub index: std::collections::BTreeMap<i32, Weight>,
    // ---- financing (branch finance) ----
    /// Pools, in document order.
    pub pools: Vec<Pool>,
    /// One pays, the others compensate, in document order.
    pub compensations: Vec<Compensation>,
    /// External co-financing (grants), in document order.
    pub grants: Vec<Grant>,
    /// The follow-up section as written (checked), if any.
    pub follow_up: Option<crate::policy::year::FollowUpDoc>,
}

// ---- financing (branch finance) ----
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
    pub services: std::collections::HashSet<Arc<str>>,
    /// Contribution per department in øre, in document order.
    pub contributions: Vec<(DeptIx, i64)>,
    /// The settlement key (never empty when compiled without errors).
    pub key: Vec<(DeptIx, Weight)>,
    /// The carry-over cap in øre, if any.
    pub carry_over_cap: Option<i64>,
    /// The opening balance in øre.
    pub opening_balance: i64,
}

/// A compiled grant (external co-financing).
#[derive(Debug, Clone)]
pub struct Grant {
    /// Id.
    pub id: Arc<str>,
    /// Name.
    pub name: Arc<str>,
    /// The days it covers (`to` open-ended: far in the future).
    pub from: crate::model::date::Date,
    /// The last day it covers, if any.
    pub to: Option<crate::model::date::Date>,
    /// The share it covers, in per cent (0–100).
    pub percent: Weight,
    /// Its total in øre, if capped.
    pub amount: Option<i64>,
    /// The services it covers (empty: every service).
    pub services: std::collections::HashSet<Arc<str>>,
    /// The departments whose costs it covers (empty: every department).
    pub departments: Vec<DeptIx>,
    /// The function its income is posted on, if any.
    pub account: Option<Arc<str>>,
}

/// A compiled compensation: one department pays, the others compensate by key.
#[derive(Debug, Clone)]
pub struct Compensation {
    /// Id.
    pub id: Arc<str>,
    /// Name.
    pub name: Arc<str>,
    /// The payer.
    pub payer: DeptIx,
    /// Service ids.
    pub services: std::collections::HashSet<Arc<str>>,
    /// Months per settlement period.
    pub frequency: crate::policy::financing::Frequency,
    /// The key (not all zero).
    pub key: Vec<(DeptIx, Weight)>,
}
