//! Errors at the library's two boundaries.
//!
//! * [`InputError`]: a policy, case or request document is malformed or inconsistent. Every error
//!   names the document, the offending item (`services[2] 'aflastning'`) and the field (`to`).
//! * [`ComputeError`]: a well-formed case cannot be computed for the period asked (an amount leaves
//!   the representable range, the period is too long, no acting municipality on a date).
//!
//! Inputs are checked completely before anything is computed, so a document with several problems
//! reports all of them at once ([`InputErrors`]).

use std::fmt;

use serde::Serialize;

use crate::i18n::{lookup, Lang, Message};

/// Which document an error is about.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema, strum::IntoStaticStr, strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[non_exhaustive]
pub enum Doc {
    /// The policy document.
    Policy,
    /// The case document.
    Case,
    /// The request envelope (JSON contract).
    Request,
    /// A record of a batch input.
    Record,
}

impl fmt::Display for Doc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.into())
    }
}

/// What kind of problem an error report is about: a document ([`Doc`]), a computation, or an
/// internal failure. Written as its snake_case name (`policy`, `compute`, ...).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema, strum::IntoStaticStr, strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[non_exhaustive]
pub enum ErrorKind {
    /// The policy document.
    Policy,
    /// The case document.
    Case,
    /// The request envelope (JSON contract), or the CLI's arguments and files.
    Request,
    /// A record of a batch input.
    Record,
    /// A valid case that cannot be computed ([`ComputeError`]).
    Compute,
    /// Something that cannot happen did.
    Internal,
}

impl From<Doc> for ErrorKind {
    fn from(d: Doc) -> ErrorKind {
        match d {
            Doc::Policy => ErrorKind::Policy,
            Doc::Case => ErrorKind::Case,
            Doc::Request => ErrorKind::Request,
            Doc::Record => ErrorKind::Record,
        }
    }
}

/// A stable, machine-readable name of an error: the codes of [`InputError`] and [`ComputeError`],
/// and those of the callers (`file`, `internal`). Written as its snake_case name.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema, strum::IntoStaticStr, strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[non_exhaustive]
pub enum ErrorCode {
    /// [`InputError::Syntax`].
    Syntax,
    /// [`InputError::Duplicate`].
    Duplicate,
    /// [`InputError::Unknown`].
    UnknownReference,
    /// [`InputError::EndBeforeStart`].
    EndBeforeStart,
    /// [`InputError::Overlap`].
    Overlap,
    /// [`InputError::PercentAbove100`].
    #[serde(rename = "percent_above_100")]
    #[strum(serialize = "percent_above_100")]
    PercentAbove100,
    /// [`InputError::Unresolvable`].
    Unresolvable,
    /// [`InputError::Invalid`].
    Invalid,
    /// [`ComputeError::Overflow`].
    Overflow,
    /// [`ComputeError::PeriodTooLong`].
    PeriodTooLong,
    /// [`ComputeError::PeriodEndBeforeStart`].
    PeriodEndBeforeStart,
    /// [`ComputeError::PeriodNeeded`].
    PeriodNeeded,
    /// [`ComputeError::NoHandlekommune`].
    NoHandlekommune,
    /// [`ComputeError::Key`].
    Key,
    /// [`ComputeError::Reimbursement`].
    Reimbursement,
    /// [`ComputeError::Household`].
    Household,
    /// [`ComputeError::Index`].
    Index,
    /// A file named on the command line cannot be read.
    File,
    /// A part of a request that must be given is missing (the HTTP service's policy).
    Missing,
    /// No such path (the HTTP service).
    NotFound,
    /// The answer cannot be given in the format asked for (the HTTP service).
    NotAcceptable,
    /// Too many requests at once (the HTTP service).
    Overloaded,
    /// The request did not arrive, or its answer was not computed, in time (the HTTP service).
    Timeout,
    /// The request is larger than accepted (the HTTP service), or the work it asks for is more than
    /// may be held at once (a split built whole past its shares, a portfolio past its cases).
    TooLarge,
    /// The HTTP service could not start.
    Server,
    /// Something that cannot happen did.
    Internal,
}

macro_rules! vocabulary {
    ($($t:ty),*) => {$(
        impl $t {
            /// The snake_case name, as written in JSON.
            pub fn as_str(self) -> &'static str {
                self.into()
            }
        }
        impl std::fmt::Display for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl PartialEq<str> for $t {
            fn eq(&self, other: &str) -> bool {
                self.as_str() == other
            }
        }
        impl PartialEq<&str> for $t {
            fn eq(&self, other: &&str) -> bool {
                self.as_str() == *other
            }
        }
    )*};
}
pub(crate) use vocabulary;

vocabulary!(ErrorKind, ErrorCode);

/// What an unknown reference should have named.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::IntoStaticStr, strum::VariantArray)]
#[non_exhaustive]
pub enum RefKind {
    /// A municipality id.
    #[strum(serialize = "municipality")]
    Municipality,
    /// A department id.
    #[strum(serialize = "department")]
    Department,
    /// A catalogue service id.
    #[strum(serialize = "service")]
    Service,
    /// A service line id of the case.
    #[strum(serialize = "service line")]
    ServiceLine,
    /// A policy key id.
    #[strum(serialize = "key")]
    Key,
    /// A policy index id.
    #[strum(serialize = "index")]
    Index,
}

impl fmt::Display for RefKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.into())
    }
}

/// A malformed or inconsistent input document.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum InputError {
    /// The text is not valid TOML/JSON, or a value has the wrong type or form (a date that is not a
    /// date, an amount that is not a number, an unknown field).
    Syntax {
        /// The document.
        doc: Doc,
        /// Path to the value (`services[2].amount`) or a line/column position.
        item: String,
        /// What is wrong.
        problem: Box<Message>,
    },
    /// Two items of one kind share an id.
    Duplicate {
        /// The document.
        doc: Doc,
        /// The second item with the id.
        item: String,
        /// The id.
        id: String,
    },
    /// A reference to an item that does not exist.
    Unknown {
        /// The document.
        doc: Doc,
        /// The item holding the reference.
        item: String,
        /// The field holding the reference.
        field: String,
        /// What kind of item was expected (department, service, ...).
        what: RefKind,
        /// The unknown id.
        id: String,
    },
    /// An end date before a start date.
    EndBeforeStart {
        /// The document.
        doc: Doc,
        /// The item.
        item: String,
        /// Start date.
        from: String,
        /// End date.
        to: String,
    },
    /// Two dated items that may not overlap do.
    Overlap {
        /// The document.
        doc: Doc,
        /// One item.
        item: String,
        /// The item it overlaps.
        other: String,
        /// The first day both are in force.
        on: String,
    },
    /// Percentages of a key add up to more than 100.
    PercentAbove100 {
        /// The document.
        doc: Doc,
        /// The key.
        item: String,
        /// Their sum.
        total: String,
    },
    /// A service's authority or payer cannot be resolved in a municipality.
    Unresolvable {
        /// The document.
        doc: Doc,
        /// The service.
        item: String,
        /// `authority` or `payer`.
        field: String,
        /// The municipality.
        municipality: String,
        /// The sector area.
        sector: String,
    },
    /// Any other invalid value.
    Invalid {
        /// The document.
        doc: Doc,
        /// The item.
        item: String,
        /// The field.
        field: String,
        /// What is wrong.
        problem: Box<Message>,
    },
}

impl InputError {
    /// The document the error is about.
    pub fn doc(&self) -> Doc {
        match self {
            InputError::Syntax { doc, .. }
            | InputError::Duplicate { doc, .. }
            | InputError::Unknown { doc, .. }
            | InputError::EndBeforeStart { doc, .. }
            | InputError::Overlap { doc, .. }
            | InputError::PercentAbove100 { doc, .. }
            | InputError::Unresolvable { doc, .. }
            | InputError::Invalid { doc, .. } => *doc,
        }
    }

    /// The offending item.
    pub fn item(&self) -> &str {
        match self {
            InputError::Syntax { item, .. }
            | InputError::Duplicate { item, .. }
            | InputError::Unknown { item, .. }
            | InputError::EndBeforeStart { item, .. }
            | InputError::Overlap { item, .. }
            | InputError::PercentAbove100 { item, .. }
            | InputError::Unresolvable { item, .. }
            | InputError::Invalid { item, .. } => item,
        }
    }

    /// The same error with its item placed inside `outer` (`siblings[1]: services[0] 'x'`).
    pub fn within(mut self, outer: &str) -> InputError {
        let item = match &mut self {
            InputError::Syntax { item, .. }
            | InputError::Duplicate { item, .. }
            | InputError::Unknown { item, .. }
            | InputError::EndBeforeStart { item, .. }
            | InputError::Overlap { item, .. }
            | InputError::PercentAbove100 { item, .. }
            | InputError::Unresolvable { item, .. }
            | InputError::Invalid { item, .. } => item,
        };
        *item = format!("{outer}: {item}");
        self
    }

    /// The offending field, where one field is to blame.
    pub fn field(&self) -> Option<&str> {
        match self {
            InputError::Unknown { field, .. }
            | InputError::Unresolvable { field, .. }
            | InputError::Invalid { field, .. } => Some(field),
            InputError::Duplicate { .. } => Some("id"),
            InputError::EndBeforeStart { .. } => Some("to"),
            InputError::Overlap { .. } => Some("from"),
            InputError::PercentAbove100 { .. } => Some("shares"),
            InputError::Syntax { .. } => None,
        }
    }

    /// A stable, machine-readable name of the error kind.
    pub fn code(&self) -> ErrorCode {
        match self {
            InputError::Syntax { .. } => ErrorCode::Syntax,
            InputError::Duplicate { .. } => ErrorCode::Duplicate,
            InputError::Unknown { .. } => ErrorCode::UnknownReference,
            InputError::EndBeforeStart { .. } => ErrorCode::EndBeforeStart,
            InputError::Overlap { .. } => ErrorCode::Overlap,
            InputError::PercentAbove100 { .. } => ErrorCode::PercentAbove100,
            InputError::Unresolvable { .. } => ErrorCode::Unresolvable,
            InputError::Invalid { .. } => ErrorCode::Invalid,
        }
    }
}

/// All problems found in one document (never empty).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct InputErrors(pub Vec<InputError>);

impl fmt::Display for InputErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for InputErrors {}

impl From<InputError> for InputErrors {
    fn from(e: InputError) -> Self {
        InputErrors(vec![e])
    }
}

/// A valid case that cannot be computed for the period asked.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ComputeError {
    /// An amount or a total left the accepted range.
    Overflow {
        /// Where it happened.
        item: String,
    },
    /// A total (of a case per department, municipality or month, or of a batch) left its range.
    TotalTooLarge {
        /// Which total, named.
        item: String,
        /// The limit, in DKK.
        limit: String,
    },
    /// The period is longer than allowed.
    PeriodTooLong {
        /// Start.
        from: String,
        /// End.
        to: String,
        /// Its length.
        months: i64,
        /// The limit.
        max: i64,
    },
    /// The period's end lies before its start.
    PeriodEndBeforeStart {
        /// Start.
        from: String,
        /// End.
        to: String,
    },
    /// No period was given and a service is open-ended.
    PeriodNeeded {
        /// The open-ended service.
        item: String,
    },
    /// A service is active on a date for which the case names no acting municipality.
    NoHandlekommune {
        /// The service.
        item: String,
        /// The date.
        date: String,
    },
    /// State reimbursement could not be computed (cases of different households, a recipient
    /// department outside the paying municipality).
    Reimbursement {
        /// The case or month.
        item: String,
        /// Why.
        problem: Box<Message>,
    },
    /// More work than one computation may hold: a split held whole with more shares than
    /// [`crate::engine::MAX_HELD_SHARES`], or a portfolio past its limits.
    TooLarge {
        /// The case, or the portfolio.
        item: String,
        /// Which limit, with the figures.
        problem: Box<Message>,
    },
    /// The case and its siblings do not form one household (another household, a case twice, a
    /// person who holds custody in one document and not in another).
    Household {
        /// The case.
        item: String,
        /// Why.
        problem: Box<Message>,
    },
    /// An allocation key could not be applied.
    Key {
        /// The service line.
        item: String,
        /// The key.
        key: String,
        /// The date.
        date: String,
        /// Why.
        problem: Box<Message>,
    },
    /// An amount or threshold could not be regulated by its index (no value for the year).
    Index {
        /// The service line or reimbursement month.
        item: String,
        /// Why.
        problem: Box<Message>,
    },
}

impl ComputeError {
    /// A stable, machine-readable name of the error kind.
    pub fn code(&self) -> ErrorCode {
        match self {
            ComputeError::Overflow { .. } | ComputeError::TotalTooLarge { .. } => ErrorCode::Overflow,
            ComputeError::PeriodTooLong { .. } => ErrorCode::PeriodTooLong,
            ComputeError::PeriodEndBeforeStart { .. } => ErrorCode::PeriodEndBeforeStart,
            ComputeError::PeriodNeeded { .. } => ErrorCode::PeriodNeeded,
            ComputeError::NoHandlekommune { .. } => ErrorCode::NoHandlekommune,
            ComputeError::Key { .. } => ErrorCode::Key,
            ComputeError::Reimbursement { .. } => ErrorCode::Reimbursement,
            ComputeError::Household { .. } => ErrorCode::Household,
            ComputeError::Index { .. } => ErrorCode::Index,
            ComputeError::TooLarge { .. } => ErrorCode::TooLarge,
        }
    }
}

impl Doc {
    /// The document's name in `lang` ("policy", "fordelingsmodel").
    pub fn name(self, lang: Lang) -> String {
        lookup(lang, &format!("doc-{}", <&str>::from(self)), &[]).unwrap_or_else(|| self.to_string())
    }
}

impl InputError {
    /// What is wrong, without the document and the item.
    pub fn problem(&self) -> Message {
        match self {
            InputError::Syntax { problem, .. } | InputError::Invalid { problem, .. } => (**problem).clone(),
            InputError::Duplicate { id, .. } => Message::Duplicate { id: id.clone() },
            InputError::Unknown { field, what, id, .. } => {
                Message::UnknownReference { field: field.clone(), what: what.to_string(), id: id.clone() }
            }
            InputError::EndBeforeStart { from, to, .. } => {
                Message::EndBeforeStart { from: from.clone(), to: to.clone() }
            }
            InputError::Overlap { other, on, .. } => Message::Overlap { other: other.clone(), on: on.clone() },
            InputError::PercentAbove100 { total, .. } => Message::PercentAbove100 { total: total.clone() },
            InputError::Unresolvable { field, municipality, sector, .. } => Message::Unresolvable {
                field: field.clone(),
                municipality: municipality.clone(),
                sector: sector.clone(),
            },
        }
    }

    /// The whole message in `lang`: the document, the item, (the field,) what is wrong.
    pub fn message(&self, lang: Lang) -> String {
        let problem = self.problem().text(lang);
        match self {
            InputError::Invalid { field, .. } => {
                let field = lookup(lang, "frame-field", &[("field".into(), field.clone())]).unwrap_or_default();
                format!("{}: {}: {field}: {problem}", self.doc().name(lang), self.item())
            }
            _ => format!("{}: {}: {problem}", self.doc().name(lang), self.item()),
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for InputError {}

impl ComputeError {
    /// What is wrong, in the catalogue's terms.
    pub fn problem(&self) -> Message {
        match self {
            ComputeError::Overflow { item } => Message::ComputeOverflow { item: item.clone() },
            ComputeError::TotalTooLarge { item, limit } => {
                Message::TotalTooLarge { item: item.clone(), limit: limit.clone() }
            }
            ComputeError::PeriodTooLong { from, to, months, max } => Message::PeriodTooLong {
                from: from.clone(),
                to: to.clone(),
                months: months.to_string(),
                max: max.to_string(),
            },
            ComputeError::PeriodEndBeforeStart { from, to } => {
                Message::PeriodEndBeforeStart { from: from.clone(), to: to.clone() }
            }
            ComputeError::PeriodNeeded { item } => Message::PeriodNeeded { item: item.clone() },
            ComputeError::NoHandlekommune { item, date } => {
                Message::NoHandlekommune { item: item.clone(), date: date.clone() }
            }
            ComputeError::Reimbursement { problem, .. }
            | ComputeError::TooLarge { problem, .. }
            | ComputeError::Household { problem, .. }
            | ComputeError::Key { problem, .. }
            | ComputeError::Index { problem, .. } => (**problem).clone(),
        }
    }

    /// The whole message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let problem = self.problem().text(lang);
        match self {
            ComputeError::Reimbursement { item, .. }
            | ComputeError::Household { item, .. }
            | ComputeError::Index { item, .. } => format!("{item}: {problem}"),
            ComputeError::Key { item, key, date, .. } => {
                let args = [("key".into(), key.clone()), ("date".into(), date.clone())];
                format!("{item}: {}: {problem}", lookup(lang, "frame-key", &args).unwrap_or_default())
            }
            _ => problem,
        }
    }
}

impl fmt::Display for ComputeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for ComputeError {}
