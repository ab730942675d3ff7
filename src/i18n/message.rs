//! Every message a user can see, as data: the variant names the catalogue entry, the fields are
//! its arguments.

use serde::{Deserialize, Serialize};

use super::{lookup, Lang};

/// A message for people, rendered in either language by [`Message::text`].
///
/// The fields are texts as the user wrote them or as the library formats them (ids, dates, amounts);
/// the catalogues decide the words around them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, strum::IntoStaticStr, strum::EnumIter)]
#[serde(tag = "message", rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
#[non_exhaustive]
#[allow(missing_docs)] // The catalogues (en.ftl, da.ftl) document each message.
pub enum Message {
    // ---- Reading a document -------------------------------------------------------------------
    InvalidType {
        found_kind: String,
        found: String,
        expected: String,
    },
    InvalidValue {
        found_kind: String,
        found: String,
        expected: String,
    },
    InvalidLength {
        length: String,
        expected: String,
    },
    UnknownField {
        field: String,
        expected: String,
    },
    MissingField {
        field: String,
    },
    DuplicateField {
        field: String,
    },
    UnknownVariant {
        variant: String,
        expected: String,
    },
    JsonSyntax {
        line: String,
        column: String,
        detail: String,
    },
    TomlSyntax {
        line: String,
        column: String,
        detail: String,
    },
    DocumentTooLarge {
        bytes: String,
        max: String,
    },
    DocumentEmpty,
    NotADocument {
        found_kind: String,
        found: String,
    },
    NotAJsonNumber {
        value: String,
    },
    /// A message from a library that could not be read as one of the above.
    Other {
        detail: String,
    },
    // ---- Values -------------------------------------------------------------------------------
    NotADate {
        text: String,
    },
    DateYear {
        text: String,
        min: String,
        max: String,
    },
    DateMonth {
        text: String,
    },
    DateDay {
        text: String,
        month: String,
        days: String,
    },
    NotAMonth {
        text: String,
    },
    NotANumber {
        text: String,
    },
    AmountTooLarge {
        text: String,
    },
    WeightNegative {
        text: String,
    },
    WeightRange {
        text: String,
    },
    BareDecimal {
        text: String,
    },
    ArithmeticOverflow {
        what: String,
    },
    // ---- Structure of a policy or case ----------------------------------------------------------
    Duplicate {
        id: String,
    },
    UnknownReference {
        field: String,
        what: String,
        id: String,
    },
    EndBeforeStart {
        from: String,
        to: String,
    },
    Overlap {
        other: String,
        on: String,
    },
    PercentAbove100 {
        total: String,
    },
    Unresolvable {
        field: String,
        municipality: String,
        sector: String,
    },
    TargetOneOf,
    KeyTooManyEntries {
        count: String,
        max: String,
    },
    KeyTakesNo {
        kind: String,
        field: String,
    },
    KeyNeeds {
        kind: String,
        field: String,
    },
    SameTargetTwice,
    SoleAtMostOne,
    AllWeightsZero,
    NotAKommunekode {
        code: String,
    },
    NeedMunicipality,
    NeedSector,
    SectorTaken {
        municipality: String,
        department: String,
        sector: String,
    },
    NeedKeyVersion,
    NeedLegalBasis,
    AgeMinAboveMax {
        min: String,
        max: String,
    },
    OnBehalfOfItself,
    ServiceTwice {
        service: String,
    },
    IdEmpty,
    IdTooLong {
        length: String,
        max: String,
    },
    NameTooLong {
        length: String,
        max: String,
    },
    ForbiddenCharacter {
        code: String,
    },
    IdLooksLike {
        id: String,
        other: String,
    },
    MoreOverlaps {
        count: String,
    },
    SectorTwice {
        sector: String,
    },
    MunicipalityTwice {
        municipality: String,
    },
    KommunekodeTwice {
        code: String,
        other: String,
    },
    NeedCountedService,
    NeedLevel,
    NotMonthStart {
        date: String,
    },
    NotMonthEnd {
        date: String,
    },
    TierCount {
        count: String,
        max: String,
    },
    NotAThreshold {
        value: String,
    },
    TierNotAbove {
        value: String,
        previous: String,
    },
    NotARate {
        value: String,
    },
    TooManyEntries {
        count: String,
        max: String,
    },
    TwoMunicipalitiesSameDate {
        date: String,
    },
    NeedHandlekommune,
    DepartmentNotSector {
        department: String,
        sector: String,
    },
    NeedService,
    IncomeNegative {
        amount: String,
    },
    OnceHasTo,
    UnknownPerson {
        person: String,
    },
    ConsentNotCustodyHolder {
        person: String,
    },
    DischargeBeforeEnrolment {
        discharged: String,
        enrolled: String,
    },
    NeedQuantity {
        per: String,
    },
    QuantityNotTaken {
        per: String,
    },
    NeedBaseYear,
    NeedIndex,
    IndexYearMissing {
        index: String,
        year: String,
    },
    IndexYearTwice {
        year: String,
    },
    IndexValueZero,
    NeedIndexYear,
    // ---- The request ----------------------------------------------------------------------------
    RequestVersion {
        version: String,
        supported: String,
    },
    CaseMissing,
    PortfolioNotInThisBuild,
    PreviousCaseMissing,
    RequestTooLarge {
        bytes: String,
        max: String,
    },
    // ---- The year: portfolio and budget ------------------------------------------------------
    UnknownCommittee {
        committee: String,
    },
    DepartmentInTwoAreas {
        department: String,
        area: String,
    },
    PriceIndexZero,
    PriceIndexMissing {
        year: String,
    },
    CasesMissing,
    YearMissing,
    CaseIdTwice {
        case: String,
    },
    // ---- The ledger: posting exports and audit ----------------------------------------------
    GroupingDigits {
        grouping: String,
    },
    SeparatorInvalid {
        separator: String,
    },
    ProfileWithoutColumns,
    ProfileUnknown {
        profile: String,
        known: String,
    },
    CprInExport,
    AuditHeading,
    AuditAgreement {
        agreement: String,
        line: String,
        from: String,
    },
    AuditDecidedByGroup,
    AuditDecidedByRole {
        role: String,
    },
    AuditDecidedOn {
        date: String,
    },
    AuditJournal {
        journal: String,
    },
    ChangesSinceHeading {
        count: String,
    },
    AuditCase {
        case: String,
    },
    // ---- The year: financing models (branch finance) ----------------------------------------
    ServiceInTwoPools {
        service: String,
        pool: String,
    },
    PoolAmountNegative {
        amount: String,
    },
    PoolTotalMissing,
    PoolAmountOrPercent,
    PoolKeyAllZero,
    // ---- The year: external co-financing (grants) ----------------------------------------------
    GrantEndsBeforeStart {
        starts: String,
        ends: String,
    },
    GrantPercentOrAmount,
    GrantAmountNegative {
        amount: String,
    },
    GrantAccountNotFunction {
        account: String,
    },
    // ---- The year: follow-up --------------------------------------------------------------------
    ReassessCadenceZero,
    FollowUpAmountNegative {
        amount: String,
    },
    BaselineNeedsEnrolled,
    // ---- Computing ----------------------------------------------------------------------------
    ComputeOverflow {
        item: String,
    },
    TotalTooLarge {
        item: String,
        limit: String,
    },
    SplitTooLarge {
        item: String,
        max_shares: String,
    },
    HouseholdTooLarge {
        cases: String,
        max_cases: String,
    },
    PortfolioTooManyShares {
        max_shares: String,
    },
    PortfolioTooLarge {
        cases: String,
        lines: String,
        max_cases: String,
        max_lines: String,
    },
    PeriodTooLong {
        from: String,
        to: String,
        months: String,
        max: String,
    },
    PeriodEndBeforeStart {
        from: String,
        to: String,
    },
    PeriodNeeded {
        item: String,
    },
    NoHandlekommune {
        item: String,
        date: String,
    },
    NoDepartmentForSector {
        municipality: String,
        sector: String,
    },
    KeyUnknownDepartment,
    KeyAllWeightsZero,
    OtherHousehold {
        household: String,
        case: String,
        case_household: String,
    },
    SiblingTwice,
    NoCaseGiven,
    RecipientOutside {
        municipality: String,
    },
    Internal {
        what: String,
    },
    CustodyDiffers {
        person: String,
        case: String,
    },
    // ---- The explanation: the household, enrolment, involvement -------------------------------
    ExplainConsentPartial {
        by: String,
    },
    ExplainAgeAtEnrolment {
        age: String,
        born: String,
        enrolled: String,
        required: String,
    },
    ExplainNotEnrolled {
        born: String,
        required: String,
    },
    ExplainEnrolled {
        enrolled: String,
    },
    ExplainNotEnrolledYet {
        enrolled: String,
    },
    ExplainDischarged {
        discharged: String,
    },
    ExplainOtherChild {
        case: String,
    },
    ExplainInvolvedOnly,
    ExplainUninvolved {
        department: String,
        weight: String,
    },
    // ---- The explanation: rates, indexation, reimbursement levels ------------------------------
    ExplainPerDay {
        rate: String,
        days: String,
    },
    ExplainPerWeek {
        rate: String,
        days: String,
    },
    ExplainHours {
        quantity: String,
        rate: String,
        price: String,
    },
    ExplainUnits {
        quantity: String,
        rate: String,
        price: String,
    },
    ExplainEveryDay {
        days: String,
    },
    ExplainEveryWeek {
        days: String,
    },
    ExplainEveryMonth {
        days: String,
        days_in_month: String,
    },
    ExplainEveryYear {
        month: String,
        month_amount: String,
        days: String,
        days_in_month: String,
    },
    ExplainIndexed {
        base_amount: String,
        base_year: String,
        index_ratio: String,
        rate: String,
    },
    ExplainUnconfirmed,
    ExplainLevelBasis {
        legal_basis: String,
    },
    ExplainThreshold {
        stated: String,
        base_year: String,
        index_ratio: String,
        threshold: String,
    },
    ExplainRoundTo {
        round_to: String,
    },
    ExplainUnconfirmedLevel,
    // ---- The command line -----------------------------------------------------------------------
    CannotRead {
        path: String,
        reason: String,
    },
    CannotWrite {
        what: String,
        reason: String,
    },
    FileNotFound,
    FilePermission,
    FileIsDirectory,
    FileTooLarge {
        max: String,
    },
    NotUtf8 {
        offset: String,
    },
    WorkbookNoPolicy,
    WorkbookNoCase,
    NoExampleCase {
        case: String,
        names: String,
    },
    XlsxNeedsOutput,
    // ---- Workbooks ------------------------------------------------------------------------------
    WorkbookTooLarge {
        mb: String,
    },
    NotAWorkbook,
    WorkbookDamagedZip,
    WorkbookTooManyParts {
        max: String,
    },
    WorkbookUnpackedTooLarge,
    WorkbookPartTooLarge,
    WorkbookPartDamaged,
    WorkbookTooManyCells {
        max: String,
    },
    SheetMissing,
    AmbiguousName {
        name: String,
        ids: String,
    },
    UnknownColumn {
        column: String,
        expected: String,
    },
    NotYesNo {
        text: String,
    },
    NotAWholeNumber {
        text: String,
    },
    NeedPolicyRow,
    NeedCaseRow,
    CasesRowNoCase {
        column: String,
    },
    CasesUnknownCase {
        case: String,
        sheet: String,
    },
    CasesTwice {
        case: String,
    },
    CaseInWorkbook {
        file: String,
        sheet: String,
        row: String,
        case: String,
    },
    CaseInWorkbookCell {
        file: String,
        sheet: String,
        row: String,
        column: String,
        case: String,
    },
    CasesNeedColumn {
        column: String,
    },
    WorkbookNotWritten {
        detail: String,
    },
}

/// Marks a [`Message`] carried through serde's `Error::custom` as its JSON form (serde's errors carry
/// only text); [`Message::from_serde`] reads it back.
const MARK: &str = "\u{1}fordeling:";

impl Message {
    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let id: &'static str = self.into();
        let mut args = self.args();
        // The value found and the value expected are texts of the catalogue themselves.
        if matches!(self, Message::InvalidType { .. } | Message::InvalidValue { .. } | Message::NotADocument { .. }) {
            let found_kind = take(&mut args, "found_kind");
            let found = take(&mut args, "found");
            let rendered = lookup(lang, &format!("found-{found_kind}"), &[("value".into(), found.clone())]);
            args.push(("found".into(), rendered.unwrap_or(found)));
        }
        for (name, value) in &mut args {
            match name.as_str() {
                "expected" => *value = expected_text(lang, value),
                "item" => *value = item_text(lang, value),
                // Dates (YYYY-MM-DD) in the language's way.
                "starts" | "ends" => *value = lang.date(value),
                // Counts of work and their limits in the language's way (Danish `250.000`).
                "cases" | "lines" | "max_cases" | "max_lines" | "max_shares" => *value = lang.number(value),
                // Codes (`children_social`, `department`, `percent`) in the words of the catalogue,
                // where it has them.
                "sector" | "what" | "kind" => {
                    let id = format!("{name}-{}", value.replace(' ', "-"));
                    if let Some(words) = lookup(lang, &id, &[]) {
                        *value = words;
                    }
                }
                _ => {}
            }
        }
        lookup(lang, id, &args).unwrap_or_else(|| id.to_string())
    }

    /// The arguments: every field with its value.
    fn args(&self) -> Vec<(String, String)> {
        let Ok(serde_json::Value::Object(map)) = serde_json::to_value(self) else { return Vec::new() };
        map.into_iter()
            .filter(|(k, _)| k != "message")
            .map(|(k, v)| (k, v.as_str().map_or_else(|| v.to_string(), str::to_string)))
            .collect()
    }

    /// The message as the text of a serde error (see [`Message::from_serde`]).
    pub(crate) fn to_serde(&self) -> String {
        // Through a value, as `args` does: one serializer of this large enum, not two.
        format!("{MARK}{}", serde_json::to_value(self).unwrap_or_default())
    }

    /// The message carried in the text of a serde error, if there is one.
    pub(crate) fn from_serde(text: &str) -> Option<Message> {
        let (_, json) = text.split_once(MARK)?;
        serde_json::Deserializer::from_str(json).into_iter::<Message>().next()?.ok()
    }
}

/// An item the engine names in English words (`service line 's1' in 2024-01`, `case 'c'`), in the
/// words of the catalogue (`what-service-line`, `what-income`, `doc-case`) and with the month in the
/// language's way.
fn item_text(lang: Lang, item: &str) -> String {
    if lang == Lang::En {
        return item.to_string();
    }
    let mut text = item.to_string();
    for (english, id) in [("service line '", "what-service-line"), ("income '", "what-income"), ("case '", "doc-case")]
    {
        if let (Some(rest), Some(words)) = (item.strip_prefix(english), lookup(lang, id, &[])) {
            text = format!("{words} '{rest}");
            break;
        }
    }
    match text.rsplit_once("' in ") {
        Some((head, month)) => {
            let within = lookup(lang, "item-in-month", &[("month".into(), lang.date(month))]).unwrap_or_default();
            format!("{head}' {within}")
        }
        None => text,
    }
}

fn take(args: &mut Vec<(String, String)>, name: &str) -> String {
    match args.iter().position(|(n, _)| *n == name) {
        Some(i) => args.remove(i).1,
        None => String::new(),
    }
}

/// What was expected, in words: serde's description of a type (`u16`, `a string`) or the
/// `expecting` text of a document type (`municipality`), looked up as `expected-…` in the
/// catalogue; a list of names (`` `a`, `b` ``) stays as it is.
fn expected_text(lang: Lang, expected: &str) -> String {
    if let Some(names) = expected.strip_prefix("one of ") {
        return lookup(lang, "expected-one-of", &[("names".into(), names.into())]).unwrap_or_else(|| expected.into());
    }
    let key: String =
        expected.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' }).collect();
    lookup(lang, &format!("expected-{}", key.trim_matches('-')), &[]).unwrap_or_else(|| expected.to_string())
}

#[cfg(test)]
mod tests {
    use strum::IntoEnumIterator;

    use super::*;

    #[test]
    fn every_message_is_in_both_catalogues_and_every_catalogue_entry_is_used() {
        for lang in [Lang::En, Lang::Da] {
            let (ids, problems) = crate::i18n::catalogue(lang);
            assert!(problems.is_empty(), "{lang:?}: {problems:?}");
            for m in Message::iter() {
                let id: &'static str = (&m).into();
                assert!(ids.iter().any(|i| i == id), "{lang:?} has no message '{id}'");
            }
            for w in super::super::Word::iter() {
                let id = format!("report-{}", <&'static str>::from(w));
                assert!(ids.contains(&id), "{lang:?} has no text '{id}'");
            }
            for id in &ids {
                let used = Message::iter().any(|m| <&'static str>::from(&m) == id)
                    || super::super::Word::iter().any(|w| format!("report-{}", <&'static str>::from(w)) == *id)
                    || ["found-", "expected-", "doc-", "sector-", "what-", "kind-", "frame-", "item-", "xlsx-"]
                        .iter()
                        .any(|p| id.starts_with(p));
                assert!(used, "{lang:?}: '{id}' is not a message");
            }
        }
    }

    #[test]
    fn messages_survive_serde_errors() {
        let m = Message::DateDay { text: "2025-02-30".into(), month: "2025-02".into(), days: "28".into() };
        let carried = format!("{} at line 3 column 9", m.to_serde());
        assert_eq!(Message::from_serde(&carried), Some(m));
        assert_eq!(Message::from_serde("missing field `id`"), None);
    }
}
