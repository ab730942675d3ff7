//! Writing answers as JSON text.
//!
//! The result types declare their JSON form with serde's derive (field order, `skip_serializing_if`,
//! snake_case variants); the contract writes them with the small writers here instead, straight into
//! a `String`, because serde's generated serializers and serde_json's `io::Write` plumbing were a
//! tenth of the WebAssembly module. A test (`tests/golden.rs`) compares the two byte for byte on the
//! answers to every golden case and to 120 generated requests, each under every command and detail.

use std::fmt::Write as _;
use std::sync::Arc;

use crate::case::{AgreementDoc, CaseDoc, ChildDoc, IncomeDoc, OtherCaseDoc, Per, ResidenceDoc, ServiceLineDoc};
use crate::compare::{Change, Comparison};
use crate::compute::{
    AmountBasis, Criterion, DepartmentTotal, DeptAmount, KeyUsed, Line, LineShare, LineSummary, MonthTotal,
    MunicipalityTotal, Period, Responsible, SplitResult, SplitSummary, Totals, Verdict,
};
use crate::contract::{Command, ErrorReport, Output, Response};
use crate::date::{Date, Month};
use crate::doc::Validity;
use crate::error::Doc;
use crate::explain::Lang;
use crate::money::{Amount, Exact, Money, Weight};
use crate::names::Named;
use crate::policy::{
    AgeDoc, ArrangementDoc, CriteriaDoc, DepartmentDoc, KeyDoc, KeyKind, KeyVersionDoc, LegalBasisDoc, MunicipalityDoc,
    PolicyDoc, Sector, ServiceDoc, ServiceKind, ShareDoc, TargetDoc,
};
use crate::postings::{Posting, PostingType};
use crate::reimbursement::{
    Allocated, CaseNet, DepartmentNet, LevelDoc, MonthNet, Net, Reimbursement, ReimbursementMonth, SchemeDoc, TierDoc,
    TierPart,
};

/// A type written as JSON.
pub(crate) trait ToJson {
    /// Appends the JSON text of `self` to `out`.
    fn write_json(&self, out: &mut String);
}

/// The JSON text of `value` (compact, as `serde_json::to_string` writes it).
pub(crate) fn to_json<T: ToJson + ?Sized>(value: &T) -> String {
    // Answers run to tens of kilobytes: start with room for a small one rather than doubling up to it.
    let mut out = String::with_capacity(16 * 1024);
    value.write_json(&mut out);
    out
}

/// A JSON string literal, escaped as serde_json escapes it.
pub(crate) fn string(out: &mut String, s: &str) {
    out.reserve(s.len() + 2);
    out.push('"');
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(s.get(start..i).unwrap_or_default());
        if escape.is_empty() {
            let _ = write!(out, "\\u{b:04x}");
        } else {
            out.push_str(escape);
        }
        start = i + 1;
    }
    out.push_str(s.get(start..).unwrap_or_default());
    out.push('"');
}

/// An object being written: `{"a":1,"b":2}`.
pub(crate) struct Object<'o> {
    out: &'o mut String,
    first: bool,
}

impl<'o> Object<'o> {
    pub(crate) fn new(out: &'o mut String) -> Object<'o> {
        out.push('{');
        Object { out, first: true }
    }

    /// A field; `key` is written as it is (field names need no escaping).
    pub(crate) fn field<T: ToJson + ?Sized>(&mut self, key: &str, value: &T) {
        self.key(key);
        value.write_json(self.out);
    }

    /// The separator and the key of a field (not inlined: every field of every type calls it).
    #[inline(never)]
    fn key(&mut self, key: &str) {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        self.out.push('"');
        self.out.push_str(key);
        self.out.push_str("\":");
    }

    pub(crate) fn end(self) {
        self.out.push('}');
    }
}

impl ToJson for str {
    fn write_json(&self, out: &mut String) {
        string(out, self);
    }
}

impl ToJson for String {
    fn write_json(&self, out: &mut String) {
        string(out, self);
    }
}

impl<T: ToJson + ?Sized> ToJson for &T {
    fn write_json(&self, out: &mut String) {
        (**self).write_json(out);
    }
}

impl<T: ToJson + ?Sized> ToJson for Arc<T> {
    fn write_json(&self, out: &mut String) {
        (**self).write_json(out);
    }
}

impl<T: ToJson + ?Sized> ToJson for Box<T> {
    fn write_json(&self, out: &mut String) {
        (**self).write_json(out);
    }
}

impl ToJson for bool {
    fn write_json(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

macro_rules! integer {
    ($($t:ty),*) => {$(
        impl ToJson for $t {
            fn write_json(&self, out: &mut String) {
                let _ = write!(out, "{self}");
            }
        }
    )*};
}
integer!(u8, u16, u32, u64, usize, i64);

impl<T: ToJson> ToJson for Option<T> {
    fn write_json(&self, out: &mut String) {
        match self {
            Some(v) => v.write_json(out),
            None => out.push_str("null"),
        }
    }
}

impl<T: ToJson> ToJson for [T] {
    fn write_json(&self, out: &mut String) {
        out.push('[');
        for (i, item) in self.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            item.write_json(out);
        }
        out.push(']');
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write_json(&self, out: &mut String) {
        self.as_slice().write_json(out);
    }
}

/// Types written as a JSON string of their `Display` text.
macro_rules! display_string {
    ($($t:ty),*) => {$(
        impl ToJson for $t {
            fn write_json(&self, out: &mut String) {
                let _ = write!(out, "\"{self}\"");
            }
        }
    )*};
}
display_string!(Amount, Weight, Exact);

/// A JSON string of text that needs no escaping (digits, `-`, `.`).
fn plain(out: &mut String, text: &[u8]) {
    out.push('"');
    out.push_str(std::str::from_utf8(text).unwrap_or_default());
    out.push('"');
}

impl ToJson for Money {
    fn write_json(&self, out: &mut String) {
        let mut buf = [0u8; 48];
        match self.ore_digits(&mut buf) {
            Some(text) => plain(out, text.as_bytes()),
            None => {
                let _ = write!(out, "\"{self}\"");
            }
        }
    }
}

impl ToJson for Date {
    fn write_json(&self, out: &mut String) {
        plain(out, &self.iso());
    }
}

impl ToJson for Month {
    fn write_json(&self, out: &mut String) {
        plain(out, &self.iso());
    }
}

/// Unit enums, written as their names (`crate::names`).
macro_rules! named {
    ($($t:ty),*) => {$(
        impl ToJson for $t {
            fn write_json(&self, out: &mut String) {
                string(out, self.name());
            }
        }
    )*};
}
named!(Command, Doc, Lang, Per, Sector, ServiceKind, KeyKind, PostingType);

/// `json_struct!(Type { field, field: skip_none, field: skip_empty, field: rename("type") })`: the
/// fields in order; `skip_none` leaves out a `None`, `skip_empty` an empty list.
macro_rules! json_struct {
    ($t:ident { $($field:ident $(: $how:ident $(($arg:literal))?)?),* $(,)? }) => {
        impl ToJson for $t {
            fn write_json(&self, out: &mut String) {
                let mut o = Object::new(out);
                $(json_struct!(@field o, self, $field $(, $how $(($arg))?)?);)*
                o.end();
            }
        }
    };
    (@field $o:ident, $s:ident, $field:ident) => { $o.field(stringify!($field), &$s.$field) };
    (@field $o:ident, $s:ident, $field:ident, skip_none) => {
        if $s.$field.is_some() {
            $o.field(stringify!($field), &$s.$field)
        }
    };
    (@field $o:ident, $s:ident, $field:ident, skip_empty) => {
        if !$s.$field.is_empty() {
            $o.field(stringify!($field), &$s.$field)
        }
    };
    (@field $o:ident, $s:ident, $field:ident, rename($name:literal)) => { $o.field($name, &$s.$field) };
}

impl ToJson for Response {
    fn write_json(&self, out: &mut String) {
        let mut o = Object::new(out);
        match self {
            Response::Ok { version, command, result } => {
                o.field("status", "ok");
                o.field("version", version);
                o.field("command", command);
                o.field("result", result);
            }
            Response::Error { version, errors } => {
                o.field("status", "error");
                o.field("version", version);
                o.field("errors", errors);
            }
        }
        o.end();
    }
}

impl ToJson for Output {
    fn write_json(&self, out: &mut String) {
        let mut o = match self {
            Output::Check(policy) => return policy.write_json(out),
            Output::Split(split) => return split.write_json(out),
            Output::Summary(summary) => return summary.write_json(out),
            _ => Object::new(out),
        };
        match self {
            Output::Parse { policy, case } => {
                o.field("policy", policy);
                if case.is_some() {
                    o.field("case", case);
                }
            }
            Output::Postings { split, postings } => {
                o.field("split", split);
                o.field("postings", postings);
            }
            Output::Compare { split, comparison } => {
                o.field("split", split);
                o.field("comparison", comparison);
            }
            Output::Explain { split, text } => {
                o.field("split", split);
                o.field("text", text);
            }
            Output::Check(_) | Output::Split(_) | Output::Summary(_) => {}
        }
        o.end();
    }
}

json_struct!(ErrorReport { kind, code, item, field: skip_none, message });
json_struct!(CaseDoc {
    id,
    household: skip_none,
    child,
    consent,
    other_cases,
    services,
    agreements,
    income: skip_empty,
});
json_struct!(IncomeDoc { id, amount, per, from, to: skip_none, note: skip_none });
json_struct!(ChildDoc { birth_date, significant_permanent_disability, handlekommune });
json_struct!(ResidenceDoc { municipality, from });
json_struct!(OtherCaseDoc { id, sector, department: skip_none, from: skip_none, to: skip_none });
json_struct!(ServiceLineDoc { id, service, amount, per, from, to: skip_none, note: skip_none });
json_struct!(AgreementDoc { id, service, from, to: skip_none, kind, shares, note: skip_none });
json_struct!(Change { month, department, before, after, difference });
json_struct!(Comparison { changes, before, after, corrections });
json_struct!(Period { from, to });
json_struct!(SplitResult { case, policy, period, eligibility, lines, totals, reimbursement: skip_none });
json_struct!(Verdict { from, to, eligible, criteria_in_force, criteria });
json_struct!(Criterion { criterion, passed, required, actual, detail: skip_empty });
json_struct!(Responsible {
    department,
    department_name,
    municipality,
    rule,
    sector: skip_none,
    arrangement: skip_none,
});
json_struct!(KeyUsed { source, id: skip_none, kind, validity, reason });
json_struct!(LineShare { department, municipality, weight, amount, exact, leftover_ore });
json_struct!(Line {
    service_line,
    service,
    service_name,
    month,
    from,
    to,
    basis,
    exact_amount,
    amount,
    eligible,
    verdicts,
    legal_basis,
    authority,
    payer,
    key,
    shares,
});
json_struct!(SplitSummary { case, policy, period, eligibility, lines, totals, reimbursement: skip_none });
json_struct!(LineSummary {
    service_line,
    service,
    month,
    from,
    to,
    amount,
    eligible,
    key_source,
    key_id: skip_none,
    shares
});
json_struct!(AmountBasis {
    per,
    granted,
    service_year_month: skip_none,
    month_amount: skip_none,
    days: skip_none,
    days_in_month: skip_none,
});
json_struct!(DepartmentTotal { department, name, municipality, amount });
json_struct!(MunicipalityTotal { municipality, name, code, amount });
json_struct!(MonthTotal { month, amount, departments });
json_struct!(DeptAmount { department, amount });
json_struct!(Totals { case, by_department, by_municipality, by_month });
json_struct!(Validity { from: skip_none, to: skip_none });
json_struct!(PolicyDoc {
    name,
    version,
    municipalities,
    departments,
    services,
    keys,
    eligibility,
    arrangements,
    reimbursement: skip_none,
});
json_struct!(MunicipalityDoc { id, name, code });
json_struct!(DepartmentDoc { id, name, municipality, sectors });
json_struct!(TargetDoc { department: skip_none, sector: skip_none });
json_struct!(LegalBasisDoc { text, from, to });
json_struct!(ServiceDoc { id, name, sector, legal_basis, authority, payer, key, function, kind });
json_struct!(ShareDoc { department: skip_none, sector: skip_none, percent: skip_none, weight: skip_none });
json_struct!(KeyVersionDoc { from, to, kind, shares });
json_struct!(KeyDoc { id, name, versions });
json_struct!(AgeDoc { min, max });
json_struct!(CriteriaDoc { from, to, min_sector_areas, consent_required, disability_required, age, municipalities });
json_struct!(ArrangementDoc { id, grantor, on_behalf_of, sectors, from, to, basis });
json_struct!(Posting {
    month,
    municipality,
    code,
    department,
    function,
    kind: rename("type"),
    art,
    amount,
    case,
    service_line,
    counterpart: skip_none,
});
json_struct!(SchemeDoc { id, name: skip_none, legal_basis, services, recipient: skip_none, levels });
json_struct!(LevelDoc { from: skip_none, to: skip_none, tiers });
json_struct!(TierDoc { above, percent });
json_struct!(Reimbursement {
    scheme,
    legal_basis,
    allocation,
    household: skip_none,
    cases,
    months,
    by_case,
    by_department,
    by_month,
    total,
});
json_struct!(Net { gross, reimbursement, net });
json_struct!(CaseNet { case, gross, reimbursement, net });
json_struct!(DepartmentNet { department, municipality, gross, reimbursement, net });
json_struct!(MonthNet { month, gross, reimbursement, net });
json_struct!(ReimbursementMonth {
    month,
    municipality,
    level: skip_none,
    counted,
    one_off_part,
    income,
    base,
    tiers,
    exact,
    reimbursement,
    cases,
    departments,
});
json_struct!(TierPart { above, monthly_threshold, percent, portion, amount });
json_struct!(Allocated { case, department: skip_none, weight, amount, leftover_ore });

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let mut all: String = (0u32..0x300).filter_map(char::from_u32).collect();
        all.push_str("ø😀\u{2028}\u{feff}\"\\end");
        for s in [all.as_str(), "", "plain", "\u{0}", "a\"b", "tab\there"] {
            assert_eq!(to_json(s), serde_json::to_string(s).unwrap(), "{s:?}");
        }
    }
}
