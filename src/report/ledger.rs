//! Posting lines as a finance system imports them: the full Danish account string, a cost centre,
//! a posting date and a voucher text, in the columns, separator, decimal mark and date format of an
//! export profile ([`crate::policy::ledger::Profile`]).
//!
//! The account string is `hovedkonto.hovedfunktion.funktion.dranst.gruppering.art`, e.g.
//! `5.57.72.1.002.52`: the service's function (`5.57.72`), dranst 1 (operations), the service's
//! grouping (default `000`) and the art with its two digits. No CPR number ever goes out: every
//! text that an export carries is checked first ([`check_no_cpr`]) and the export is refused with a
//! named error, without repeating the number.

use crate::i18n::Message;
use crate::model::error::{Doc, InputError};
use crate::policy::ledger::{Column, DateFormat, Profile};
use crate::policy::Policy;
use crate::report::postings::{Posting, PostingType};

/// Dranst 1: operations (*drift*).
pub const DRANST_OPERATIONS: &str = "1";

/// The grouping when the policy names none.
pub const NO_GROUPING: &str = "000";

/// The art with its two digits. An internal transfer (main type 9) is 9.4 (*overførte udgifter*) at
/// the department that receives the share and 9.9 (the matching income) at the one that moves it out.
pub fn art_digits(p: &Posting) -> &'static str {
    match p.kind {
        PostingType::CashBenefit => "52",
        PostingType::Service => "40",
        PostingType::PaymentToMunicipality => "47",
        PostingType::IncomeFromMunicipality => "77",
        PostingType::StateGrant => "86",
        PostingType::InternalTransfer if p.amount.ore() >= 0 => "94",
        _ => "99",
    }
}

/// The function split into hovedkonto, hovedfunktion and funktion, when it has the form `D.DD.DD`.
pub fn function_parts(function: &str) -> Option<[&str; 3]> {
    let mut it = function.split('.');
    let parts = [it.next()?, it.next()?, it.next()?];
    let widths_ok = parts.iter().zip([1, 2, 2]).all(|(p, w)| p.len() == w && p.bytes().all(|b| b.is_ascii_digit()));
    (widths_ok && it.next().is_none()).then_some(parts)
}

/// Whether `text` holds something that looks like a CPR number: six digits that read as a day
/// (01-31) and a month (01-12), an optional hyphen, and four digits, not inside a longer number.
pub fn looks_like_cpr(text: &str) -> bool {
    let b = text.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let num = |i: usize| u32::from(b[i] - b'0') * 10 + u32::from(b[i + 1] - b'0');
    (0..b.len()).any(|i| {
        if (i > 0 && digit(i - 1)) || !(i..i + 6).all(digit) {
            return false;
        }
        let rest = if b.get(i + 6) == Some(&b'-') { i + 7 } else { i + 6 };
        (rest..rest + 4).all(digit) && !digit(rest + 4) && (1..=31).contains(&num(i)) && (1..=12).contains(&num(i + 2))
    })
}

/// Refuse postings whose texts hold a CPR number: the case id, a service line id, a department id
/// or a cost centre. The error names where, never the number.
pub fn check_no_cpr(policy: &Policy, postings: &[Posting]) -> Result<(), Vec<InputError>> {
    let mut errors: Vec<InputError> = Vec::new();
    let mut push = |doc: Doc, item: &str, field: &str| {
        let e = InputError::Invalid {
            doc,
            item: item.into(),
            field: field.into(),
            problem: Box::new(Message::CprInExport),
        };
        if !errors.contains(&e) {
            errors.push(e);
        }
    };
    for p in postings {
        if looks_like_cpr(&p.case) {
            push(Doc::Case, "case", "id");
        }
        if looks_like_cpr(&p.service_line) {
            push(Doc::Case, "services", "id");
        }
        if looks_like_cpr(&p.department) || p.counterpart.as_deref().is_some_and(looks_like_cpr) {
            push(Doc::Policy, "departments", "id");
        }
        if policy.ledger.cost_centres.get(&p.department).is_some_and(|c| looks_like_cpr(c)) {
            push(Doc::Policy, "ledger.cost_centres", "cost_centre");
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// The profile `name` of the policy, or an error listing the profiles there are.
pub fn profile(policy: &Policy, name: &str) -> Result<Profile, InputError> {
    policy.ledger.profile(name).ok_or_else(|| InputError::Invalid {
        doc: Doc::Request,
        item: "(request)".into(),
        field: "profile".into(),
        problem: Box::new(Message::ProfileUnknown {
            profile: name.into(),
            known: policy.ledger.profile_names().join(", "),
        }),
    })
}

/// The postings as the profile's text: a header (if asked for) and one row per posting. Fields are
/// quoted where they hold the separator, a quote or a line break, and guarded against formulas as
/// in [`crate::report::postings::CsvText`]. Refused if a text looks like a CPR number.
pub fn export(policy: &Policy, postings: &[Posting], profile: &Profile) -> Result<String, Vec<InputError>> {
    check_no_cpr(policy, postings)?;
    let sep = u8::try_from(u32::from(profile.separator)).unwrap_or(b';');
    let mut w = csv::WriterBuilder::new().delimiter(sep).from_writer(Vec::with_capacity(4096));
    if profile.header {
        let names: Vec<&'static str> = profile.columns.iter().map(|&c| c.into()).collect();
        // Writing to memory cannot fail.
        let _ = w.write_record(&names);
    }
    for p in postings {
        let row: Vec<String> = profile.columns.iter().map(|&c| field(policy, p, profile, c)).collect();
        let _ = w.write_record(&row);
    }
    let bytes = w.into_inner().unwrap_or_else(|e| e.into_inner().get_ref().clone());
    Ok(String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
}

fn field(policy: &Policy, p: &Posting, profile: &Profile, column: Column) -> String {
    let parts = function_parts(&p.function);
    let part = |i: usize| parts.map_or(String::new(), |ps| ps[i].to_string());
    let text = |t: &str| if t.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{t}") } else { t.to_string() };
    match column {
        Column::PostingDate => date(p.month.last_day(), profile.date_format),
        Column::Month => p.month.to_string(),
        Column::Account => match parts {
            Some(_) => format!("{}.{DRANST_OPERATIONS}.{}.{}", p.function, service_grouping(policy, p), art_digits(p)),
            None => String::new(),
        },
        Column::MainAccount => part(0),
        Column::MainFunction => part(1),
        Column::Function => part(2),
        Column::Dranst => DRANST_OPERATIONS.into(),
        Column::Grouping => service_grouping(policy, p),
        Column::Art => art_digits(p).into(),
        Column::CostCentre => text(policy.ledger.cost_centres.get(&p.department).map_or("", String::as_str)),
        Column::Department => text(&p.department),
        Column::Municipality => text(&p.municipality),
        Column::Kommunekode => format!("{:03}", p.code),
        Column::Amount => {
            let a = p.amount.to_string();
            if profile.decimal_comma {
                a.replace('.', ",")
            } else {
                a
            }
        }
        Column::Text => text(&voucher_text(p)),
        Column::Case => text(&p.case),
        Column::ServiceLine => text(&p.service_line),
        Column::Type => <&'static str>::from(p.kind).into(),
        Column::Counterpart => text(p.counterpart.as_deref().unwrap_or("")),
    }
}

/// The grouping of the posting's service: the policy's `ledger.groupings`, or `000`.
fn service_grouping(policy: &Policy, p: &Posting) -> String {
    policy.ledger.groupings.get(&p.service).map_or(NO_GROUPING, String::as_str).to_string()
}

/// The voucher text (*bilagstekst*): `case/service line YYYY-MM`, and for a transfer the other
/// department after `>` (to) or `<` (from).
pub fn voucher_text(p: &Posting) -> String {
    let base = format!("{}/{} {}", p.case, p.service_line, p.month);
    match &p.counterpart {
        Some(c) if p.amount.ore() < 0 => format!("{base} > {c}"),
        Some(c) => format!("{base} < {c}"),
        None => base,
    }
}

fn date(d: crate::model::date::Date, format: DateFormat) -> String {
    let (y, m, day) = (d.year(), d.month(), d.day());
    match format {
        DateFormat::Iso => format!("{y:04}-{m:02}-{day:02}"),
        DateFormat::DotDmy => format!("{day:02}.{m:02}.{y:04}"),
        DateFormat::DashDmy => format!("{day:02}-{m:02}-{y:04}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpr_numbers_are_recognised_with_and_without_hyphen_but_not_inside_longer_numbers() {
        assert!(looks_like_cpr("010203-1234"));
        assert!(looks_like_cpr("sag 0102031234"));
        assert!(!looks_like_cpr("320203-1234"), "day 32");
        assert!(!looks_like_cpr("011303-1234"), "month 13");
        assert!(!looks_like_cpr("10102031234"), "eleven digits");
        assert!(!looks_like_cpr("2024-0017"));
        assert!(!looks_like_cpr("010203-123"));
    }

    #[test]
    fn function_parts_need_one_two_two_digits() {
        assert_eq!(function_parts("5.57.72"), Some(["5", "57", "72"]));
        assert_eq!(function_parts("5.57"), None);
        assert_eq!(function_parts("5.57.72.1"), None);
        assert_eq!(function_parts("55.7.72"), None);
    }
}
