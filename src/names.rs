//! The names of the unit enums in documents and answers (`children_social`, `percent`, `month`),
//! declared once: the reader, the writer, `Display` and `as_str` all take them from here. They are
//! serde's snake_case names of the same enums, as the reader's and the writer's differential tests
//! check.

use crate::case::Per;
use crate::contract::{Command, Detail};
use crate::error::Doc;
use crate::explain::Lang;
use crate::policy::{KeyKind, Sector, ServiceKind};
use crate::postings::PostingType;

/// A unit enum with a name for each variant.
pub(crate) trait Named: Copy + PartialEq + 'static {
    /// Every variant with its name; the first is the reader's placeholder.
    const NAMES: &'static [(&'static str, Self)];

    /// The variant's name.
    fn name(self) -> &'static str {
        Self::NAMES.iter().find(|(_, v)| *v == self).map_or("", |(n, _)| n)
    }
}

macro_rules! named {
    ($t:ty { $($name:literal => $variant:expr),* $(,)? }) => {
        impl Named for $t {
            const NAMES: &'static [(&'static str, $t)] = &[$(($name, $variant)),*];
        }
    };
}

named!(Sector {
    "children_social" => Sector::ChildrenSocial,
    "daycare_school" => Sector::DaycareSchool,
    "health" => Sector::Health,
    "employment" => Sector::Employment,
    "adult" => Sector::Adult,
});
named!(ServiceKind { "cash_benefit" => ServiceKind::CashBenefit, "service" => ServiceKind::Service });
named!(KeyKind { "sole" => KeyKind::Sole, "percent" => KeyKind::Percent, "weights" => KeyKind::Weights, "equal" => KeyKind::Equal });
named!(Per { "month" => Per::Month, "year" => Per::Year, "once" => Per::Once });
named!(Lang { "en" => Lang::En, "da" => Lang::Da });
named!(Detail { "full" => Detail::Full, "summary" => Detail::Summary });
named!(Command {
    "check" => Command::Check,
    "split" => Command::Split,
    "explain" => Command::Explain,
    "parse" => Command::Parse,
    "postings" => Command::Postings,
    "compare" => Command::Compare,
});
named!(Doc { "policy" => Doc::Policy, "case" => Doc::Case, "request" => Doc::Request, "record" => Doc::Record });
named!(PostingType {
    "cash_benefit" => PostingType::CashBenefit,
    "service" => PostingType::Service,
    "internal_transfer" => PostingType::InternalTransfer,
    "payment_to_municipality" => PostingType::PaymentToMunicipality,
    "income_from_municipality" => PostingType::IncomeFromMunicipality,
});
