//! The controller's year as a policy declares it (section `[year]`): committees (*udvalg*), budget
//! areas (*bevillingsområder*) that group departments under a committee, and a yearly price index
//! that puts next year's budget and the estimate years (*budgetoverslagsår*) at each year's price
//! level. Only the portfolio (`crate::year`) reads it; a split never does.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::i18n::Message;
use crate::model::error::{Doc, InputError, RefKind};
use crate::model::money::Weight;
use crate::policy::compile::unknown;
use crate::policy::DeptIx;

/// The year section of a policy as written.
#[derive(Debug, Clone, Default, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, expecting = "year-section")]
pub struct YearDoc {
    /// Committees (udvalg).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub committees: Vec<CommitteeDoc>,
    /// Budget areas (bevillingsområder), each a group of departments, optionally under a committee.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub budget_areas: Vec<BudgetAreaDoc>,
    /// The price level of each year (any base, e.g. 100 in the budget year); the budget years are
    /// put at their year's level by `index(year) / index(budget year)`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub price_index: Vec<PriceIndexDoc>,
}

/// A committee (udvalg).
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, expecting = "committee")]
pub struct CommitteeDoc {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
}

/// A budget area (bevillingsområde).
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, expecting = "budget-area")]
pub struct BudgetAreaDoc {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// The committee it belongs to, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub committee: Option<String>,
    /// Its departments (each department in at most one budget area).
    pub departments: Vec<String>,
}

/// The price level of one year.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, expecting = "price-index")]
pub struct PriceIndexDoc {
    /// The year.
    pub year: i32,
    /// Its index (above 0).
    pub index: Weight,
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
    pub index: BTreeMap<i32, Weight>,
}

/// Check the year section and resolve its references; problems go to `errors`.
pub(crate) fn compile_year(
    doc: Option<&YearDoc>,
    dept_ix: &HashMap<String, DeptIx>,
    errors: &mut Vec<InputError>,
) -> YearSection {
    let d = Doc::Policy;
    let mut out = YearSection::default();
    let Some(doc) = doc else { return out };
    let mut committee_ix = HashMap::new();
    for (i, c) in doc.committees.iter().enumerate() {
        if committee_ix.insert(c.id.clone(), i).is_some() {
            errors.push(InputError::Duplicate { doc: d, item: format!("year.committees[{i}]"), id: c.id.clone() });
        }
        out.committees.push((Arc::from(c.id.as_str()), Arc::from(c.name.as_str())));
    }
    let mut area_ids = HashMap::new();
    for (i, a) in doc.budget_areas.iter().enumerate() {
        let item = format!("year.budget_areas[{i}] '{}'", a.id);
        if area_ids.insert(a.id.clone(), i).is_some() {
            errors.push(InputError::Duplicate { doc: d, item: item.clone(), id: a.id.clone() });
        }
        let committee = a.committee.as_ref().and_then(|c| {
            let found = committee_ix.get(c).copied();
            if found.is_none() {
                errors.push(InputError::Invalid {
                    doc: d,
                    item: item.clone(),
                    field: "committee".into(),
                    problem: Box::new(Message::UnknownCommittee { committee: c.clone() }),
                });
            }
            found
        });
        for dept in &a.departments {
            match dept_ix.get(dept) {
                None => errors.push(unknown(d, &item, "departments", RefKind::Department, dept)),
                Some(&ix) => {
                    if let Some(other) = out.area_of.insert(ix, out.areas.len()) {
                        errors.push(InputError::Invalid {
                            doc: d,
                            item: item.clone(),
                            field: "departments".into(),
                            problem: Box::new(Message::DepartmentInTwoAreas {
                                department: dept.clone(),
                                area: doc.budget_areas[other].id.clone(),
                            }),
                        });
                    }
                }
            }
        }
        out.areas.push(BudgetArea { id: Arc::from(a.id.as_str()), name: Arc::from(a.name.as_str()), committee });
    }
    for (i, p) in doc.price_index.iter().enumerate() {
        let item = format!("year.price_index[{i}]");
        if p.index.is_zero() {
            errors.push(InputError::Invalid {
                doc: d,
                item: item.clone(),
                field: "index".into(),
                problem: Box::new(Message::PriceIndexZero),
            });
        }
        if out.index.insert(p.year, p.index).is_some() {
            errors.push(InputError::Duplicate { doc: d, item, id: p.year.to_string() });
        }
    }
    out
}
