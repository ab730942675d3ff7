//! Posting lines: how a split is booked in the municipal chart of accounts.
//!
//! For every line of a split:
//! * the payer department books the gross amount on the service's account function, as a cash benefit
//!   (art 5.2) or as a purchase of services (main type 4, art 4.0);
//! * every share that belongs to another department moves there by a pair of postings: within one
//!   municipality an internal transfer (main type 9) out of the payer and into the receiver; across
//!   municipalities income from another municipality at the payer (art 7.7) and a payment to another
//!   municipality at the receiver (art 4.7).
//!
//! So each month's postings net to the gross cost, each department's postings net to exactly its
//! share, and each pair nets to zero.

use serde::Serialize;

use crate::engine::result::SplitResult;
use crate::model::date::Month;
use crate::model::money::Money;
use crate::policy::{Policy, ServiceKind};

/// The kind of a posting.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema, strum::IntoStaticStr, strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[non_exhaustive]
pub enum PostingType {
    /// The gross cost of a cash benefit to the family (art 5.2).
    CashBenefit,
    /// The gross cost of a service bought or delivered (main type 4).
    Service,
    /// A share moved between departments of one municipality (main type 9).
    InternalTransfer,
    /// A share paid to another municipality's department (art 4.7).
    PaymentToMunicipality,
    /// A share received from another municipality (art 7.7).
    IncomeFromMunicipality,
    /// State reimbursement of particularly expensive single cases received (dranst 2, art 8.6).
    StateReimbursement,
    /// A grant from the state (external co-financing, e.g. a national pool) received (dranst 1,
    /// art 8.6; see `year::grant`).
    StateGrant,
}

impl PostingType {
    /// The art (type) of the chart of accounts.
    pub fn art(self) -> &'static str {
        match self {
            PostingType::CashBenefit => "5.2",
            PostingType::Service => "4.0",
            PostingType::InternalTransfer => "9",
            PostingType::PaymentToMunicipality => "4.7",
            PostingType::IncomeFromMunicipality => "7.7",
            PostingType::StateReimbursement | PostingType::StateGrant => "8.6",
        }
    }

    /// The dranst (kind of posting) of the chart of accounts: 1 operations, 2 state reimbursement.
    pub fn dranst(self) -> &'static str {
        match self {
            PostingType::StateReimbursement => "2",
            _ => "1",
        }
    }
}

/// One posting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Posting {
    /// The month booked.
    pub month: Month,
    /// Municipality id.
    pub municipality: String,
    /// Kommunekode.
    pub code: u16,
    /// Department (cost centre) id.
    pub department: String,
    /// Account function of the service (empty when the policy names none).
    pub function: String,
    /// Kind of posting.
    #[serde(rename = "type")]
    pub kind: PostingType,
    /// Art of the chart of accounts.
    pub art: &'static str,
    /// Dranst of the chart of accounts, given for state reimbursement (2); the other postings are
    /// operations (dranst 1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dranst: Option<&'static str>,
    /// Amount (positive = expense).
    pub amount: Money,
    /// The case.
    pub case: String,
    /// The service line.
    pub service_line: String,
    /// The catalogue service of the line (for the export's grouping; not in the JSON).
    #[serde(skip)]
    pub service: String,
    /// The other department of a transfer, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub counterpart: Option<String>,
}

/// The postings of a split result, in line order.
pub fn postings(policy: &Policy, result: &SplitResult) -> Vec<Posting> {
    let mut out = Vec::new();
    let muni_code = |id: &str| policy.municipality(id).map_or(0, |m| policy.municipalities[m].code);
    for line in &result.lines {
        let service = policy.service(&line.service).map(|s| &policy.services[s]);
        let function = service.and_then(|s| s.function.clone()).unwrap_or_default();
        let gross = match service.map(|s| s.kind) {
            Some(ServiceKind::CashBenefit) => PostingType::CashBenefit,
            _ => PostingType::Service,
        };
        let payer = &line.payer;
        let post =
            |municipality: &str, department: &str, kind: PostingType, amount: Money, counterpart: Option<&str>| {
                Posting {
                    month: line.month,
                    municipality: municipality.to_string(),
                    code: muni_code(municipality),
                    department: department.to_string(),
                    function: function.clone(),
                    kind,
                    art: kind.art(),
                    dranst: None,
                    amount,
                    case: result.case.clone(),
                    service_line: line.service_line.to_string(),
                    service: line.service.to_string(),
                    counterpart: counterpart.map(str::to_string),
                }
            };
        out.push(post(&payer.municipality, &payer.department, gross, line.amount, None));
        for s in line.shares.iter().filter(|s| s.department != payer.department && s.amount.ore() != 0) {
            let (out_kind, in_kind) = if s.municipality == payer.municipality {
                (PostingType::InternalTransfer, PostingType::InternalTransfer)
            } else {
                (PostingType::IncomeFromMunicipality, PostingType::PaymentToMunicipality)
            };
            out.push(post(&payer.municipality, &payer.department, out_kind, -s.amount, Some(&s.department)));
            out.push(post(&s.municipality, &s.department, in_kind, s.amount, Some(&payer.department)));
        }
    }
    reimbursement_postings(policy, result, &mut out);
    out
}

/// The case's state reimbursement as income (negative) of each receiving department, per month,
/// as state reimbursement: dranst 2, art 8.6, on the scheme's account function. The chart of
/// accounts (Budget- og regnskabssystem for kommuner, kapitel 2 and 4, kontoplanen.dk) books state
/// reimbursement under dranst 2 with art 8.6; the function is policy data (`reimbursement.function`).
fn reimbursement_postings(policy: &Policy, result: &SplitResult, out: &mut Vec<Posting>) {
    let Some(re) = &result.reimbursement else { return };
    let function = policy.reimbursement.as_ref().and_then(|s| s.function.clone()).unwrap_or_default();
    for m in &re.months {
        for a in m.departments.iter().filter(|a| *a.case == *result.case && a.amount.ore() != 0) {
            let Some(department) = &a.department else { continue };
            let code = policy.municipality(&m.municipality).map_or(0, |x| policy.municipalities[x].code);
            let kind = PostingType::StateReimbursement;
            out.push(Posting {
                month: m.month,
                municipality: m.municipality.to_string(),
                code,
                department: department.to_string(),
                function: function.clone(),
                kind,
                art: kind.art(),
                dranst: Some(kind.dranst()),
                amount: -a.amount,
                case: result.case.clone(),
                service_line: String::new(),
                service: String::new(),
                counterpart: None,
            });
        }
    }
}

/// The CSV header of [`csv()`].
pub const CSV_HEADER: &str =
    "month,municipality,kommunekode,department,function,type,art,amount,case,service_line,counterpart";

/// CSV text written with `csv::Writer` (quoting where a field holds a comma, a quote or a line
/// break). Text fields that a spreadsheet would run as a formula — they begin with `=`, `+`, `-`,
/// `@`, a tab or a carriage return — get a leading `'` (OWASP's advice against CSV injection);
/// amounts are written as they are (`-12.50` is a number, not a formula).
#[derive(Debug)]
pub struct CsvText {
    writer: csv::Writer<Vec<u8>>,
    row: Vec<String>,
}

impl Default for CsvText {
    fn default() -> Self {
        CsvText::new()
    }
}

impl CsvText {
    /// Empty text.
    pub fn new() -> CsvText {
        CsvText { writer: csv::WriterBuilder::new().from_writer(Vec::with_capacity(4096)), row: Vec::new() }
    }

    /// A text field of the current row, escaped against formulas.
    pub fn text(&mut self, value: &str) -> &mut CsvText {
        let formula = value.starts_with(['=', '+', '-', '@', '\t', '\r']);
        self.row.push(if formula { format!("'{value}") } else { value.to_string() });
        self
    }

    /// A machine number (an amount, a code) of the current row, as it is.
    pub fn number(&mut self, value: impl std::fmt::Display) -> &mut CsvText {
        self.row.push(value.to_string());
        self
    }

    /// End the current row.
    pub fn end(&mut self) {
        // Writing to memory cannot fail; a failure would show as a missing row.
        let _ = self.writer.write_record(&self.row);
        self.row.clear();
    }

    /// The text written.
    pub fn finish(self) -> String {
        let bytes = self.writer.into_inner().unwrap_or_else(|e| e.into_inner().get_ref().clone());
        // Every field was a `str`, so the bytes are UTF-8.
        String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    }
}

/// Postings as CSV (with header), one posting per row.
pub fn csv(postings: &[Posting]) -> String {
    let mut t = CsvText::new();
    for name in CSV_HEADER.split(',') {
        t.text(name);
    }
    t.end();
    rows(&mut t, postings);
    t.finish()
}

/// Postings as CSV rows without the header (for a batch that writes the header once).
pub fn csv_rows(postings: &[Posting]) -> String {
    let mut t = CsvText::new();
    rows(&mut t, postings);
    t.finish()
}

fn rows(t: &mut CsvText, postings: &[Posting]) {
    for p in postings {
        t.text(std::str::from_utf8(&p.month.iso()).unwrap_or_default())
            .text(&p.municipality)
            .number(format_args!("{:03}", p.code))
            .text(&p.department)
            .text(&p.function)
            .text(p.kind.into())
            .text(p.art)
            .number(p.amount)
            .text(&p.case)
            .text(&p.service_line)
            .text(p.counterpart.as_deref().unwrap_or(""));
        t.end();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_and_formulas_escaped_but_amounts_are_not() {
        let mut t = CsvText::new();
        t.text("Jensen, \"Anna\"").text("=HYPERLINK(1)").text("-x").text("@a").text("\tb").number("-12.50");
        t.end();
        assert_eq!(t.finish(), "\"Jensen, \"\"Anna\"\"\",'=HYPERLINK(1),'-x,'@a,'\tb,-12.50\n");
    }
}
