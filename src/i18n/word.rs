//! The words of the reports (explanations, tables, the policy summary, workbook labels, the CLI's
//! own lines), as data: each variant is a catalogue entry `report-…` in `en.ftl` and `da.ftl`.
//!
//! A report text's arguments are given by name when it is rendered ([`Word::with`]); the catalogues
//! name them as `{ $name }`. A test keeps both catalogues complete, and `tests/messages.rs` pins every
//! text in both languages.

use super::{lookup, Lang};

/// A text of a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::IntoStaticStr, strum::EnumIter)]
#[strum(serialize_all = "kebab-case")]
#[non_exhaustive]
#[allow(missing_docs)] // The catalogues (en.ftl, da.ftl) document each text.
pub enum Word {
    // ---- Criteria ---------------------------------------------------------------------------------
    CriteriaNone,
    CriterionSectorAreas,
    CriterionConsentNotRequired,
    CriterionConsentNotGiven,
    CriterionConsentGiven,
    CriterionConsentGivenFrom,
    CriterionDisability,
    CriterionDisabilityNotRequired,
    CriterionAge,
    CriterionAgeAny,
    CriterionNotBorn,
    CriterionMunicipality,
    CriterionMunicipalityAny,
    CriterionNoMunicipality,
    NameCriteriaInForce,
    NameSectorAreas,
    NameConsent,
    NameDisability,
    NameAge,
    NameMunicipality,
    NameAgeAtEnrolment,
    NameEnrolment,
    Yes,
    No,
    // ---- Keys -------------------------------------------------------------------------------------
    KindSole,
    KindPercent,
    KindWeights,
    KindEqual,
    ReasonAgreementInForce,
    ReasonPolicyKey,
    ReasonNotEligible,
    ReasonNoKeyVersionInForce,
    ReasonNoKey,
    SourceAgreement,
    SourcePolicy,
    SourceSole,
    KeyWithId,
    KeyWithoutId,
    KeyDates,
    FailedCriteria,
    SetAside,
    // ---- The portfolio ------------------------------------------------------------------------------
    PfActual,
    PfForecast,
    PfExpected,
    PfBudget,
    PfDeviation,
    PfReimbursement,
    PfNet,
    PfNothing,
    PfPortfolio,
    PfCases,
    PfHouseholds,
    PfBookedThrough,
    PfPerDepartment,
    PfPerBudgetArea,
    PfPerCommittee,
    PfPerMunicipality,
    PfTotal,
    PfPerMonth,
    PfId,
    PfName,
    PfExpectedCost,
    PfGroups,
    PfMonth,
    PfBooked,
    PfGross,
    PfMonths,
    // ---- Authority and payer ----------------------------------------------------------------------
    ByArrangement,
    ActingDepartmentFor,
    NamedInCatalogue,
    Responsible,
    // ---- Amounts ----------------------------------------------------------------------------------
    AmountOnce,
    AmountMonth,
    AmountYear,
    AmountDays,
    AmountRoundedOnce,
    AmountCumulative,
    Exact,
    LeftoverOre,
    // ---- The explanation --------------------------------------------------------------------------
    Heading,
    PeriodBudgetYear,
    EligibilityHeading,
    Eligible,
    NotEligible,
    LinesHeading,
    LineHeading,
    LabelAmount,
    LabelEligibility,
    LabelLegalBasis,
    LabelAuthority,
    LabelPayer,
    LabelKey,
    // ---- Reimbursement ----------------------------------------------------------------------------
    ReimbursementHeading,
    ReimbursementMonth,
    ReimbursementOneOff,
    ReimbursementNoLevel,
    ReimbursementTier,
    ReimbursementResult,
    ReimbursementShare,
    // ---- Tables -----------------------------------------------------------------------------------
    TotalsByDepartment,
    TotalsByMunicipality,
    ByMonthAndDepartment,
    Month,
    Total,
    Gross,
    Reimbursement,
    Net,
    ReimbursementTotal,
    StateReimbursement,
    // ---- The policy summary -----------------------------------------------------------------------
    PolicyHeading,
    Municipalities,
    Departments,
    Services,
    Keys,
    Criteria,
    Arrangements,
    ServiceSummary,
    BySector,
    CriteriaSummary,
    ArrangementSummary,
    OpenStart,
    OpenEnd,
    // ---- Comparisons ------------------------------------------------------------------------------
    CompareHeading,
    Department,
    Before,
    After,
    Difference,
    Corrections,
    // ---- Workbook labels (contract/xlsx/write.rs) ---------------------------------------------------
    SheetByDepartment,
    SheetByMunicipality,
    SheetByMonth,
    SheetLines,
    SheetVerdict,
    SheetRefund,
    SheetReimbursementMonths,
    SheetDepartment,
    SheetName,
    SheetMunicipality,
    SheetAmount,
    SheetTotal,
    SheetCode,
    SheetMonth,
    SheetLine,
    SheetService,
    SheetFrom,
    SheetTo,
    SheetKey,
    SheetEligibleCol,
    SheetYes,
    SheetNo,
    SheetCriterion,
    SheetPassed,
    SheetActual,
    SheetRequired,
    SheetEligible,
    SheetNotEligible,
    SheetGross,
    SheetNet,
    SheetCounted,
    SheetIncome,
    SheetBase,
    SheetPostings,
    SheetChanges,
    SheetCorrections,
    SheetBefore,
    SheetAfter,
    SheetDifference,
    SheetExplanation,
    // ---- The command line -------------------------------------------------------------------------
    ErrorPrefix,
    Output,
}

impl Word {
    /// The text in `lang`, without arguments.
    pub fn text(self, lang: Lang) -> String {
        self.with(lang, &[])
    }

    /// The text in `lang` with its arguments filled in.
    pub fn with(self, lang: Lang, args: &[(&str, &str)]) -> String {
        let id: &'static str = self.into();
        let args: Vec<(String, String)> = args.iter().map(|(k, v)| ((*k).to_string(), (*v).to_string())).collect();
        lookup(lang, &format!("report-{id}"), &args).unwrap_or_else(|| id.to_string())
    }
}
