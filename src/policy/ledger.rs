//! The ledger as a policy declares it (section `[ledger]`): a cost centre per department, a
//! grouping (*gruppering*) per service, and export profiles that say how a finance system wants
//! the posting lines (columns, separator, decimal comma, date format, header). Two profiles are
//! built in: `generic` and `dansk`. Only the export (`crate::report::ledger`) reads it.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::i18n::Message;
use crate::model::error::{Doc, InputError, RefKind};

/// The ledger section of a policy as written.
#[derive(Debug, Clone, Default, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, expecting = "ledger-section")]
pub struct LedgerDoc {
    /// Cost centre (*omkostningssted*) per department id; a department without one exports an
    /// empty cost centre.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cost_centres: Vec<CostCentreDoc>,
    /// Grouping (*gruppering*, three digits) per service id; by default `000`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groupings: Vec<GroupingDoc>,
    /// Export profiles besides the built-in `generic` and `dansk`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub profiles: Vec<Profile>,
}

/// A department's cost centre.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, expecting = "cost-centre")]
pub struct CostCentreDoc {
    /// Department id.
    pub department: String,
    /// Its cost centre in the finance system.
    pub cost_centre: String,
}

/// A service's grouping.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, expecting = "grouping")]
pub struct GroupingDoc {
    /// Service id (of the catalogue).
    pub service: String,
    /// Grouping, three digits (e.g. `002`).
    pub grouping: String,
}

/// A column of a posting export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema, strum::IntoStaticStr)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[non_exhaustive]
pub enum Column {
    /// The posting date (the last day of the month booked).
    PostingDate,
    /// The month booked (`YYYY-MM`).
    Month,
    /// The full account string `hovedkonto.hovedfunktion.funktion.dranst.gruppering.art`.
    Account,
    /// Hovedkonto (one digit).
    MainAccount,
    /// Hovedfunktion (two digits).
    MainFunction,
    /// Funktion (two digits).
    Function,
    /// Dranst (1 = operations).
    Dranst,
    /// Gruppering (three digits).
    Grouping,
    /// Art with its two digits (`52`, `40`, `47`, `77`, `94`, `99`).
    Art,
    /// The department's cost centre.
    CostCentre,
    /// Department id.
    Department,
    /// Municipality id.
    Municipality,
    /// Kommunekode (three digits).
    Kommunekode,
    /// Amount (positive = expense).
    Amount,
    /// Voucher text (*bilagstekst*).
    Text,
    /// Case reference.
    Case,
    /// Service line id.
    ServiceLine,
    /// Kind of posting.
    Type,
    /// The other department of a transfer.
    Counterpart,
}

/// How dates are written in an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema)]
#[non_exhaustive]
pub enum DateFormat {
    /// `2024-01-31`.
    #[serde(rename = "yyyy-mm-dd")]
    Iso,
    /// `31.01.2024`.
    #[serde(rename = "dd.mm.yyyy")]
    DotDmy,
    /// `31-01-2024`.
    #[serde(rename = "dd-mm-yyyy")]
    DashDmy,
}

/// An export profile.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, expecting = "profile")]
pub struct Profile {
    /// Name, used by `--profile` and the contract's `profile`.
    pub name: String,
    /// Columns in order.
    pub columns: Vec<Column>,
    /// The field separator: one character, not a quote or a line break.
    #[serde(default = "comma")]
    pub separator: char,
    /// Amounts with a decimal comma (`-300,00`) instead of a point.
    #[serde(default)]
    pub decimal_comma: bool,
    /// How dates are written.
    #[serde(default = "iso")]
    pub date_format: DateFormat,
    /// A header row with the column names.
    #[serde(default = "yes")]
    pub header: bool,
}

fn comma() -> char {
    ','
}
fn iso() -> DateFormat {
    DateFormat::Iso
}
fn yes() -> bool {
    true
}

/// The columns of both built-in profiles.
const BUILT_IN_COLUMNS: [Column; 13] = [
    Column::PostingDate,
    Column::Account,
    Column::Dranst,
    Column::Art,
    Column::CostCentre,
    Column::Department,
    Column::Kommunekode,
    Column::Amount,
    Column::Text,
    Column::Case,
    Column::ServiceLine,
    Column::Type,
    Column::Counterpart,
];

/// The built-in profiles: `generic` (comma, decimal point, ISO dates) and `dansk` (semicolon,
/// decimal comma, dd.mm.yyyy), both with a header.
pub fn built_in() -> [Profile; 2] {
    [
        Profile {
            name: "generic".into(),
            columns: BUILT_IN_COLUMNS.to_vec(),
            separator: ',',
            decimal_comma: false,
            date_format: DateFormat::Iso,
            header: true,
        },
        Profile {
            name: "dansk".into(),
            columns: BUILT_IN_COLUMNS.to_vec(),
            separator: ';',
            decimal_comma: true,
            date_format: DateFormat::DotDmy,
            header: true,
        },
    ]
}

/// The compiled ledger section.
#[derive(Debug, Clone, Default)]
pub struct LedgerSection {
    /// Cost centre per department id.
    pub cost_centres: HashMap<String, String>,
    /// Grouping per service id.
    pub groupings: HashMap<String, String>,
    /// The policy's own profiles.
    pub profiles: Vec<Profile>,
}

impl LedgerSection {
    /// The profile named `name`: the policy's own or a built-in one.
    pub fn profile(&self, name: &str) -> Option<Profile> {
        self.profiles.iter().cloned().chain(built_in()).find(|p| p.name == name)
    }

    /// The names of every profile, built-in first.
    pub fn profile_names(&self) -> Vec<String> {
        built_in().into_iter().chain(self.profiles.iter().cloned()).map(|p| p.name).collect()
    }
}

/// Check the ledger section against the declared departments and services.
pub(crate) fn compile_ledger(
    doc: Option<&LedgerDoc>,
    is_department: &dyn Fn(&str) -> bool,
    is_service: &dyn Fn(&str) -> bool,
    errors: &mut Vec<InputError>,
) -> LedgerSection {
    let mut out = LedgerSection::default();
    let Some(doc) = doc else { return out };
    let d = Doc::Policy;
    for (i, c) in doc.cost_centres.iter().enumerate() {
        let item = format!("ledger.cost_centres[{i}]");
        if !is_department(&c.department) {
            errors.push(unknown(&item, "department", RefKind::Department, &c.department));
        } else if out.cost_centres.insert(c.department.clone(), c.cost_centre.clone()).is_some() {
            errors.push(InputError::Duplicate { doc: d, item, id: c.department.clone() });
        }
    }
    for (i, g) in doc.groupings.iter().enumerate() {
        let item = format!("ledger.groupings[{i}] '{}'", g.service);
        if !is_service(&g.service) {
            errors.push(unknown(&item, "service", RefKind::Service, &g.service));
        } else if g.grouping.len() != 3 || !g.grouping.bytes().all(|b| b.is_ascii_digit()) {
            let problem = Box::new(Message::GroupingDigits { grouping: g.grouping.clone() });
            errors.push(InputError::Invalid { doc: d, item, field: "grouping".into(), problem });
        } else if out.groupings.insert(g.service.clone(), g.grouping.clone()).is_some() {
            errors.push(InputError::Duplicate { doc: d, item, id: g.service.clone() });
        }
    }
    let mut names: Vec<String> = built_in().into_iter().map(|p| p.name).collect();
    for (i, p) in doc.profiles.iter().enumerate() {
        let item = format!("ledger.profiles[{i}] '{}'", p.name);
        if names.contains(&p.name) {
            errors.push(InputError::Duplicate { doc: d, item: item.clone(), id: p.name.clone() });
        }
        names.push(p.name.clone());
        if matches!(p.separator, '"' | '\n' | '\r') || (p.decimal_comma && p.separator == ',') {
            let problem = Box::new(Message::SeparatorInvalid { separator: p.separator.to_string() });
            errors.push(InputError::Invalid { doc: d, item: item.clone(), field: "separator".into(), problem });
        }
        if p.columns.is_empty() {
            errors.push(InputError::Invalid {
                doc: d,
                item,
                field: "columns".into(),
                problem: Box::new(Message::ProfileWithoutColumns),
            });
        }
    }
    out.profiles = doc.profiles.clone();
    out
}

fn unknown(item: &str, field: &str, what: RefKind, id: &str) -> InputError {
    InputError::Unknown { doc: Doc::Policy, item: item.into(), field: field.into(), what, id: id.into() }
}
