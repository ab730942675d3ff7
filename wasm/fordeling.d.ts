/* Generated from schema/contract-v1.schema.json by scripts/gen-types.mjs: do not edit.
 * Regenerate with scripts/gen-types.sh after `UPDATE_SCHEMA=1 cargo test --test schema`. */

/** One request/response format shared by the library, the CLI (`fordeling request`) and the WebAssembly module (`handle`), generated from the Rust types (src/contract/schema.rs). Money is a string with exactly two decimals; dates are YYYY-MM-DD; months are YYYY-MM. A document is a request or a response. */
export type FordelingMessage = FordelingRequest | FordelingResponse;

/**
 * An age range in whole years, both ends inclusive.
 */
export interface FordelingAgeDoc {
  /**
   * Oldest age that qualifies (eligible until the day before the next birthday).
   */
  max: number;
  /**
   * Youngest age that qualifies.
   */
  min: number;
}

/**
 * When a criteria's age range is checked ([`CriteriaDoc::age_rule`]).
 */
export type FordelingAgeRule = "daily" | "at_enrolment";

/**
 * An agreement decided after the last report: the case and the agreement's record.
 */
export interface FordelingAgreementChange {
  /**
   * Agreement id.
   */
  agreement: string;
  /**
   * Case id.
   */
  case: string;
  /**
   * Who decided it.
   */
  decided_by?: FordelingDecidedBy | null;
  /**
   * When it was decided.
   */
  decided_on?: FordelingDate | null;
  /**
   * First day in force.
   */
  from: FordelingDate;
  /**
   * The journal number (*journalnummer*).
   */
  journal?: string | null;
  /**
   * The service line it applies to.
   */
  service_line: string;
  /**
   * Last day in force, if any.
   */
  to?: FordelingDate | null;
}

/**
 * A case agreement on the split of one service line.
 */
export interface FordelingAgreementDoc {
  /**
   * Who decided it: `"coordination_group"` or `{ role = "..." }`.
   */
  decided_by?: FordelingDecidedBy | null;
  /**
   * When it was decided.
   */
  decided_on?: FordelingDate | null;
  /**
   * First day in force.
   */
  from: FordelingDate;
  /**
   * Id.
   */
  id: string;
  /**
   * The journal number.
   */
  journal?: string | null;
  /**
   * Key kind.
   */
  kind: FordelingKeyKind;
  /**
   * Free text (the reason: responsibility, gain, ...).
   */
  note?: string | null;
  /**
   * The service line it applies to.
   */
  service: string;
  /**
   * Entries.
   */
  shares: FordelingShareDoc[];
  /**
   * Last day in force; absent means until re-assessed.
   */
  to?: FordelingDate | null;
}

/**
 * An agreement with recorded audit facts, as a split result lists it.
 */
export interface FordelingAgreementRecord {
  /**
   * Agreement id.
   */
  agreement: string;
  /**
   * Who decided it.
   */
  decided_by?: FordelingDecidedBy | null;
  /**
   * When it was decided.
   */
  decided_on?: FordelingDate | null;
  /**
   * First day in force.
   */
  from: FordelingDate;
  /**
   * The journal number (*journalnummer*).
   */
  journal?: string | null;
  /**
   * The service line it applies to.
   */
  service_line: string;
  /**
   * Last day in force, if any.
   */
  to?: FordelingDate | null;
}

/**
 * A part of a month's reimbursement.
 */
export interface FordelingAllocated {
  /**
   * The amount.
   */
  amount: FordelingMoney;
  /**
   * Case id.
   */
  case: string;
  /**
   * Department id (for department parts).
   */
  department?: string | null;
  /**
   * Whether a leftover øre went here.
   */
  leftover_ore: boolean;
  /**
   * The weight used.
   */
  weight: FordelingMoney;
}

/**
 * How state reimbursement is allocated ([`Reimbursement::allocation`]).
 */
export type FordelingAllocation = "follow_split" | "recipient";

/**
 * An exact amount of DKK as given, as a string ("1094.375").
 */
export type FordelingAmount = string;

/**
 * How a line's amount follows from the granted amount.
 */
export interface FordelingAmountBasis {
  /**
   * When the line's month is cut and this segment does not start on the line's first day of the
   * month: the amount is the month's amount so far less the amount before the segment, each
   * rounded (cumulative rounding, SEMANTICS.md section 3).
   */
  cumulative?: FordelingCumulative | null;
  /**
   * Days of the month the line covers (absent for one-off amounts).
   */
  days?: number | null;
  /**
   * Days in the month.
   */
  days_in_month?: number | null;
  /**
   * For `hour` and `unit`: how often the quantity is delivered.
   */
  every?: FordelingEvery | null;
  /**
   * The granted amount as given.
   */
  granted: FordelingAmount;
  /**
   * For an amount given at a base year's level: the index used and the regulated rate.
   */
  indexed?: FordelingIndexUsed | null;
  /**
   * For yearly amounts: the month's part of the year, `round(k*Y/12) - round((k-1)*Y/12)`.
   */
  month_amount?: FordelingMoney | null;
  /**
   * What the granted amount is per.
   */
  per: FordelingPer;
  /**
   * For `hour` and `unit`: rate × quantity, exactly, the price per `every`.
   */
  price?: FordelingExact | null;
  /**
   * For `hour` and `unit`: the number of hours or units.
   */
  quantity?: FordelingWeight | null;
  /**
   * For yearly amounts: the month's number in the service year (1 to 12).
   */
  service_year_month?: number | null;
}

/**
 * Municipality `grantor` grants (and delivers) services in `sectors` on behalf of `on_behalf_of`,
 * which keeps the payment obligation.
 */
export interface FordelingArrangementDoc {
  /**
   * Legal basis or decision.
   */
  basis: string | null;
  /**
   * First day in force.
   */
  from: FordelingDate | null;
  /**
   * The municipality that grants.
   */
  grantor: string;
  /**
   * Id.
   */
  id: string;
  /**
   * The municipality whose residents it grants for.
   */
  on_behalf_of: string;
  /**
   * The sector areas covered.
   */
  sectors: FordelingSector[];
  /**
   * Last day in force.
   */
  to: FordelingDate | null;
}

/**
 * The cost of a case in one department per year before enrolment.
 */
export interface FordelingBaselineDoc {
  /**
   * The yearly amount in DKK (a string, not negative).
   */
  amount: FordelingAmount;
  /**
   * Department id.
   */
  department: string;
}

/**
 * A budget area (bevillingsområde).
 */
export interface FordelingBudgetAreaDoc {
  /**
   * The committee it belongs to, if any.
   */
  committee?: string | null;
  /**
   * Its departments (each department in at most one budget area).
   */
  departments: string[];
  /**
   * Id.
   */
  id: string;
  /**
   * Name.
   */
  name: string;
}

/**
 * A case document as written (TOML or JSON).
 */
export interface FordelingCaseDoc {
  /**
   * Agreements on the split, set at the joint assessment; a re-assessment is a new agreement.
   */
  agreements: FordelingAgreementDoc[];
  /**
   * The cost per department per year before enrolment, if known; otherwise the follow-up
   * computes it from the case's lines in the twelve months before the enrolment month.
   */
  baseline?: FordelingBaselineDoc[];
  /**
   * The child.
   */
  child: FordelingChildDoc;
  /**
   * Periods in which the family consents to (and is motivated for) shared financing.
   */
  consent: FordelingConsentDoc[];
  /**
   * The day the child was discharged (e.g. the family moved away): the first day no longer
   * enrolled.
   */
  discharged?: FordelingDate | null;
  /**
   * The day the child was enrolled in shared financing, if the policy enrols (see the criteria's
   * `age_rule`).
   */
  enrolled?: FordelingDate | null;
  /**
   * Household id: children of one household are added together for state reimbursement.
   */
  household?: string | null;
  /**
   * Case id.
   */
  id: string;
  /**
   * Income on the case (e.g. a parents' payment or an insurance payout), deducted from the cost
   * before state reimbursement is computed.
   */
  income?: FordelingIncomeDoc[];
  /**
   * The family's other active cases (e.g. a parent's case in the employment department).
   */
  other_cases: FordelingOtherCaseDoc[];
  /**
   * The household's parents and other custody holders, who may have cases of their own and
   * give consent.
   */
  parents?: FordelingParentDoc[];
  /**
   * The services granted.
   */
  services: FordelingServiceLineDoc[];
}

/**
 * A case's gross, reimbursement and net.
 */
export interface FordelingCaseNet {
  /**
   * Case id.
   */
  case: string;
  /**
   * Gross.
   */
  gross: FordelingMoney;
  /**
   * Net.
   */
  net: FordelingMoney;
  /**
   * Reimbursement.
   */
  reimbursement: FordelingMoney;
}

/**
 * What changes for one department in one month.
 */
export interface FordelingChange {
  /**
   * Its share after.
   */
  after: FordelingMoney;
  /**
   * Its share before.
   */
  before: FordelingMoney;
  /**
   * Department id.
   */
  department: string;
  /**
   * `after - before`.
   */
  difference: FordelingMoney;
  /**
   * The month.
   */
  month: FordelingMonth;
}

/**
 * A department's change in one year: the budget year's expected cost, or a later year's gross cost;
 * the net cost; the financed cost.
 */
export interface FordelingChange2 {
  /**
   * Department id.
   */
  department: string;
  /**
   * The financed cost under the scenario.
   */
  financed_after: FordelingMoney;
  /**
   * The net cost after the financing models (pools, compensations and grants) as it is, at the
   * year's price level (SEMANTICS.md section 10, "Financed cost").
   */
  financed_before: FordelingMoney;
  /**
   * After less before.
   */
  financed_difference: FordelingMoney;
  /**
   * Gross cost under the scenario.
   */
  gross_after: FordelingMoney;
  /**
   * Gross cost as it is.
   */
  gross_before: FordelingMoney;
  /**
   * After less before.
   */
  gross_difference: FordelingMoney;
  /**
   * Net cost under the scenario.
   */
  net_after: FordelingMoney;
  /**
   * Net cost (less reimbursement) as it is.
   */
  net_before: FordelingMoney;
  /**
   * After less before.
   */
  net_difference: FordelingMoney;
  /**
   * The year.
   */
  year: number;
}

/**
 * The child.
 */
export interface FordelingChildDoc {
  /**
   * Date of birth.
   */
  birth_date: FordelingDate;
  /**
   * The acting municipality (handlekommune) over time: each entry holds from its date until the
   * next entry's date (a move).
   */
  handlekommune: FordelingResidenceDoc[];
  /**
   * Whether the child has a significant and permanent disability.
   */
  significant_permanent_disability: boolean;
}

/**
 * A column of a posting export.
 */
export type FordelingColumn =
  | "posting_date"
  | "month"
  | "account"
  | "main_account"
  | "main_function"
  | "function"
  | "dranst"
  | "grouping"
  | "art"
  | "cost_centre"
  | "department"
  | "municipality"
  | "kommunekode"
  | "amount"
  | "text"
  | "case"
  | "service_line"
  | "type"
  | "counterpart";

/**
 * What to do.
 */
export type FordelingCommand = "check" | "split" | "explain" | "parse" | "postings" | "compare" | "portfolio";

/**
 * A committee (udvalg).
 */
export interface FordelingCommitteeDoc {
  /**
   * Id.
   */
  id: string;
  /**
   * Name.
   */
  name: string;
}

/**
 * The comparison of two splits.
 */
export interface FordelingComparison {
  /**
   * Total after.
   */
  after: FordelingMoney;
  /**
   * Total before.
   */
  before: FordelingMoney;
  /**
   * Every (month, department) whose share changes, by month then department id.
   */
  changes: FordelingChange[];
  /**
   * Postings that turn the bookings of the months through `booked_through` from before into after:
   * per account key (month, department, function, type, service line, counterpart), after minus
   * before, where not zero.
   */
  corrections: FordelingPosting[];
}

/**
 * A department's year in a compensation.
 */
export interface FordelingCompensationDepartment {
  /**
   * What it pays to the payer (0 for the payer).
   */
  compensation: FordelingMoney;
  /**
   * Department id.
   */
  department: string;
  /**
   * Share less the per-case split.
   */
  difference: FordelingMoney;
  /**
   * Its shares of the same costs under the per-case split.
   */
  per_case_split: FordelingMoney;
  /**
   * Its share by the key: what it bears (the payer's own share included).
   */
  share: FordelingMoney;
}

/**
 * One pays, the others compensate (*mellemregning*) as written.
 */
export interface FordelingCompensationDoc {
  /**
   * How often the others compensate it.
   */
  frequency: FordelingFrequency;
  /**
   * Id.
   */
  id: string;
  /**
   * The key by which the costs are shared (the payer's own weight included).
   */
  key: FordelingSettlementShareDoc[];
  /**
   * Name.
   */
  name: string;
  /**
   * The department that pays everything.
   */
  payer: string;
  /**
   * The services whose eligible costs it pays.
   */
  services: string[];
}

/**
 * One settlement period.
 */
export interface FordelingCompensationPeriod {
  /**
   * The period's costs.
   */
  costs: FordelingMoney;
  /**
   * The period's last month, when it is settled.
   */
  settled_in: FordelingMonth;
}

/**
 * A compensation's year: one department pays, the others compensate it by key per period.
 */
export interface FordelingCompensationYear {
  /**
   * The eligible costs of its services in the budget year.
   */
  costs: FordelingMoney;
  /**
   * Per department in the key, in id order: its shares over the year.
   */
  departments: FordelingCompensationDepartment[];
  /**
   * Id.
   */
  id: string;
  /**
   * Name.
   */
  name: string;
  /**
   * The department that pays everything.
   */
  payer: string;
  /**
   * Each settlement period: its last month, its costs and the key's shares.
   */
  periods: FordelingCompensationPeriod[];
  /**
   * The compensations, posted in each period's last month.
   */
  postings: FordelingFinancingPosting[];
}

/**
 * A consent to (and motivation for) shared financing, over a period.
 */
export interface FordelingConsentDoc {
  /**
   * The custody holders who gave it (ids of `parents`); absent means the family as a whole.
   */
  by?: string[];
  /**
   * First day.
   */
  from?: FordelingDate | null;
  /**
   * The children it covers: `child` (this case's child, the default) or `household`.
   */
  scope?: FordelingConsentScope;
  /**
   * Last day, inclusive; absent means until withdrawn.
   */
  to?: FordelingDate | null;
}

/**
 * Which children a consent covers.
 */
export type FordelingConsentScope = "child" | "household";

/**
 * One department's yearly contribution: an amount or a percentage of the pool's total.
 */
export interface FordelingContributionDoc {
  /**
   * A yearly amount in DKK.
   */
  amount?: FordelingAmount | null;
  /**
   * Department id.
   */
  department: string;
  /**
   * A percentage of the pool's total.
   */
  percent?: FordelingWeight | null;
}

/**
 * A department's cost centre.
 */
export interface FordelingCostCentreDoc {
  /**
   * Its cost centre in the finance system.
   */
  cost_centre: string;
  /**
   * Department id.
   */
  department: string;
}

/**
 * Eligibility criteria for shared financing in force over a period.
 */
export interface FordelingCriteriaDoc {
  /**
   * Age range of the child, if any.
   */
  age: FordelingAgeDoc | null;
  /**
   * When the age range is checked: every day (`daily`, the default) or once, on the day the
   * child is enrolled (`at_enrolment`: the child stays in after growing older).
   */
  age_rule?: FordelingAgeRule;
  /**
   * Whether family consent is required (default yes).
   */
  consent_required: boolean;
  /**
   * Whether a significant and permanent disability is required (default yes).
   */
  disability_required: boolean;
  /**
   * First day in force.
   */
  from: FordelingDate | null;
  /**
   * Minimum number of distinct sector areas involved (default 2).
   */
  min_sector_areas: number;
  /**
   * Municipalities covered (the child's acting municipality must be one); default all.
   */
  municipalities: string[] | null;
  /**
   * Last day in force.
   */
  to: FordelingDate | null;
}

/**
 * One criterion's outcome.
 */
export interface FordelingCriterion {
  /**
   * The case's value that decided it (`3`, `2023-09-01`, `4`, `ishoj`; `none` when absent).
   */
  actual: string;
  /**
   * The case of the household's other child whose values decided a criterion about the child
   * (disability, age, municipality), when the case's own child does not meet them.
   */
  child?: string | null;
  /**
   * Name: `criteria_in_force`, `sector_areas`, `consent`, `disability`, `age`, `municipality`.
   */
  criterion: FordelingCriterionName;
  /**
   * Supporting values: the sector areas counted, the custody holders who consented, the birth
   * date (and enrolment date), the enrolment and discharge dates.
   */
  detail?: string[];
  /**
   * Whether it passed.
   */
  passed: boolean;
  /**
   * What the policy requires (language-neutral: `2`, `true`, `0-6`, `ishoj vallensbaek`).
   */
  required: string;
}

/**
 * The name of an eligibility criterion ([`Criterion::criterion`]).
 */
export type FordelingCriterionName =
  | "criteria_in_force"
  | "sector_areas"
  | "consent"
  | "disability"
  | "age"
  | "municipality"
  | "age_at_enrolment"
  | "enrolment";

/**
 * Cumulative rounding of a segment: `so_far − before`.
 */
export interface FordelingCumulative {
  /**
   * The month's amount for those days, rounded.
   */
  before: FordelingMoney;
  /**
   * Days of the month before the segment (from the line's first day).
   */
  days_before: number;
  /**
   * Days of the month from the line's first day through the segment's last day.
   */
  days_so_far: number;
  /**
   * The month's amount for those days, rounded.
   */
  so_far: FordelingMoney;
}

/**
 * A date, YYYY-MM-DD.
 */
export type FordelingDate = string;

/**
 * How dates are written in an export.
 */
export type FordelingDateFormat = "yyyy-mm-dd" | "dd.mm.yyyy" | "dd-mm-yyyy";

/**
 * Who decided an agreement.
 */
export type FordelingDecidedBy =
  | "coordination_group"
  | {
      role: string;
    };

/**
 * A department (forvaltning, center, afdeling).
 */
export interface FordelingDepartmentDoc {
  /**
   * Id used elsewhere in the documents.
   */
  id: string;
  /**
   * Id of its municipality.
   */
  municipality: string;
  /**
   * Name.
   */
  name: string;
  /**
   * The sector areas it serves. A municipality has at most one department per sector area: that
   * department is "the municipality's department for the sector".
   */
  sectors: FordelingSector[];
}

/**
 * A department's figures.
 */
export interface FordelingDepartmentFigures {
  /**
   * Booked: the months through `booked_through`.
   */
  actual: FordelingMoney;
  /**
   * The budget of the year, if loaded.
   */
  budget?: FordelingMoney | null;
  /**
   * Budget area id, if the department is in one.
   */
  budget_area?: string | null;
  /**
   * Committee id, if its budget area has one.
   */
  committee?: string | null;
  /**
   * Department id.
   */
  department: string;
  /**
   * Expected cost less budget (positive: over budget).
   */
  deviation?: FordelingMoney | null;
  /**
   * The deviation in per cent of the budget, two decimals (absent when the budget is 0).
   */
  deviation_percent?: string | null;
  /**
   * Actual plus forecast: the expected cost of the year.
   */
  expected: FordelingMoney;
  /**
   * The months after `booked_through` to the year's end, open grants continued.
   */
  forecast: FordelingMoney;
  /**
   * Next year and the three estimate years, each at its price level.
   */
  later_years: FordelingYearFigures[];
  /**
   * Municipality id.
   */
  municipality: string;
  /**
   * Name.
   */
  name: string;
  /**
   * Expected cost less reimbursement.
   */
  net: FordelingMoney;
  /**
   * State reimbursement of the year.
   */
  reimbursement: FordelingMoney;
}

/**
 * A department's gross, reimbursement and net.
 */
export interface FordelingDepartmentNet {
  /**
   * Department id.
   */
  department: string;
  /**
   * Gross.
   */
  gross: FordelingMoney;
  /**
   * Municipality id.
   */
  municipality: string;
  /**
   * Net.
   */
  net: FordelingMoney;
  /**
   * Reimbursement.
   */
  reimbursement: FordelingMoney;
}

/**
 * A department's total.
 */
export interface FordelingDepartmentTotal {
  /**
   * Total.
   */
  amount: FordelingMoney;
  /**
   * Department id.
   */
  department: string;
  /**
   * Municipality id.
   */
  municipality: string;
  /**
   * Name.
   */
  name: string;
}

/**
 * A department's baseline against its actual cost in one year.
 */
export interface FordelingDepartmentYear {
  /**
   * The enrolled cases' cost in the year, from each case's enrolment month.
   */
  actual: FordelingMoney;
  /**
   * The cost before enrolment, for the year's months from each case's enrolment month.
   */
  baseline: FordelingMoney;
  /**
   * Department id.
   */
  department: string;
  /**
   * Baseline less actual (positive: saved).
   */
  savings: FordelingMoney;
  /**
   * The year.
   */
  year: number;
}

/**
 * A department id and an amount.
 */
export interface FordelingDeptAmount {
  /**
   * Amount.
   */
  amount: FordelingMoney;
  /**
   * Department id.
   */
  department: string;
}

/**
 * How much of each line a `split` answer carries.
 */
export type FordelingDetail = "full" | "summary";

/**
 * A policy or case document: a JSON object (the document; see PolicyDoc and CaseDoc), or its TOML or JSON text as a string.
 */
export type FordelingDocInput =
  | {
      [k: string]: unknown | undefined;
    }
  | string;

/**
 * A stable, machine-readable name of an error: the codes of [`InputError`] and [`ComputeError`],
 * and those of the callers (`file`, `internal`). Written as its snake_case name.
 */
export type FordelingErrorCode =
  | "syntax"
  | "duplicate"
  | "unknown_reference"
  | "end_before_start"
  | "overlap"
  | "percent_above_100"
  | "unresolvable"
  | "invalid"
  | "overflow"
  | "period_too_long"
  | "period_end_before_start"
  | "period_needed"
  | "no_handlekommune"
  | "key"
  | "reimbursement"
  | "household"
  | "index"
  | "file"
  | "missing"
  | "not_found"
  | "not_acceptable"
  | "overloaded"
  | "timeout"
  | "too_large"
  | "server"
  | "internal";

/**
 * What kind of problem an error report is about: a document ([`Doc`]), a computation, or an
 * internal failure. Written as its snake_case name (`policy`, `compute`, ...).
 */
export type FordelingErrorKind = "policy" | "case" | "request" | "record" | "compute" | "internal";

/**
 * One problem, named precisely enough to show next to the offending field.
 */
export interface FordelingErrorReport {
  /**
   * A stable code (`syntax`, `unknown_reference`, `overlap`, ...).
   */
  code: FordelingErrorCode;
  /**
   * The offending field, where one field is to blame.
   */
  field?: string | null;
  /**
   * The offending item (`services[2] 'aflastning'`, `services[0].amount`).
   */
  item: string;
  /**
   * `policy`, `case`, `request`, `record`, `compute` or `internal`.
   */
  kind: FordelingErrorKind;
  /**
   * A readable message.
   */
  message: string;
}

/**
 * The period a price is paid per: for `hour` and `unit` lines the period the quantity is
 * delivered in (`every`), otherwise the unit of the amount itself.
 */
export type FordelingEvery = "day" | "week" | "month" | "year" | "once";

/**
 * An exact amount of DKK before rounding: a decimal with two to ten decimals when that is its exact value (`1094.375`), else the reduced fraction numerator/denominator (`22000/31` is 709.677419354838709677…).
 */
export type FordelingExact = string;

/**
 * The figures of a department or a group of departments.
 */
export interface FordelingFigures {
  /**
   * Booked: the months through `booked_through`.
   */
  actual: FordelingMoney;
  /**
   * The budget of the year, if loaded.
   */
  budget?: FordelingMoney | null;
  /**
   * Expected cost less budget (positive: over budget).
   */
  deviation?: FordelingMoney | null;
  /**
   * The deviation in per cent of the budget, two decimals (absent when the budget is 0).
   */
  deviation_percent?: string | null;
  /**
   * Actual plus forecast: the expected cost of the year.
   */
  expected: FordelingMoney;
  /**
   * The months after `booked_through` to the year's end, open grants continued.
   */
  forecast: FordelingMoney;
  /**
   * Next year and the three estimate years, each at its price level.
   */
  later_years: FordelingYearFigures[];
  /**
   * Expected cost less reimbursement.
   */
  net: FordelingMoney;
  /**
   * State reimbursement of the year.
   */
  reimbursement: FordelingMoney;
}

/**
 * One posting of a financing arrangement. Each pair (department and counterpart) nets to zero.
 */
export interface FordelingFinancingPosting {
  /**
   * Amount (positive: an expense).
   */
  amount: FordelingMoney;
  /**
   * The arrangement's id.
   */
  arrangement: string;
  /**
   * Art of the chart of accounts.
   */
  art: string;
  /**
   * Kommunekode.
   */
  code: number;
  /**
   * The other department.
   */
  counterpart: string;
  /**
   * Department (cost centre) id.
   */
  department: string;
  /**
   * The function posted on, when the arrangement names one (a grant's `account`).
   */
  function?: string | null;
  /**
   * The month booked.
   */
  month: FordelingMonth;
  /**
   * Municipality id.
   */
  municipality: string;
  /**
   * What it books.
   */
  purpose: FordelingFinancingPurpose;
  /**
   * Kind of posting: an internal transfer within a municipality (main type 9), a payment to
   * (art 4.7) or income from (art 7.7) another municipality.
   */
  type: FordelingPostingType;
}

/**
 * What a financing posting books.
 */
export type FordelingFinancingPurpose = "contribution" | "settlement" | "compensation" | "grant";

/**
 * The follow-up.
 */
export interface FordelingFollowUp {
  /**
   * The day the re-assessments are due against: the request's `today`, else the last day of
   * `booked_through`, else the budget year's first day.
   */
  as_of: FordelingDate;
  /**
   * The first year whose cumulative net is 0 or more; absent if not reached.
   */
  break_even_year?: number | null;
  /**
   * Whether the budget year's actual cost of the enrolled cases is at most their baseline
   * (udgiftsneutralt); absent without enrolled cases.
   */
  cost_neutral?: boolean | null;
  /**
   * Per department and year with a baseline or an actual cost (department id order, then year).
   */
  departments: FordelingDepartmentYear[];
  /**
   * Enrolled cases.
   */
  enrolled_cases: number;
  /**
   * Households whose budget-year counted cost lies within the policy's margin below the next
   * reimbursement tier's yearly threshold, in order of first appearance.
   */
  near_threshold: FordelingNearThreshold[];
  /**
   * Service lines due or overdue for re-assessment, by case then line (empty without a cadence).
   */
  reassessments: FordelingReassessment[];
  /**
   * Per year: the project's investment, the savings and the cumulative net.
   */
  years: FordelingInvestmentYear[];
}

/**
 * The follow-up of the year (section `[year.follow_up]`).
 */
export interface FordelingFollowUpDoc {
  /**
   * The project's cost (investment) per year.
   */
  investment?: FordelingInvestmentDoc[];
  /**
   * Re-assess a service line this many months after its last agreement (or the case's
   * enrolment, or the line's start); absent: no re-assessments are listed.
   */
  reassess_every_months?: number | null;
  /**
   * List households whose yearly counted cost is at most this amount (DKK) below the next
   * tier's yearly threshold.
   */
  threshold_margin?: FordelingAmount | null;
  /**
   * List households whose yearly counted cost is at most this per cent below the next tier's
   * yearly threshold (of that threshold).
   */
  threshold_margin_percent?: FordelingWeight | null;
}

/**
 * How often a compensation is settled.
 */
export type FordelingFrequency = "monthly" | "quarterly" | "yearly";

/**
 * A department's budget year under a grant.
 */
export interface FordelingGrantDepartment {
  /**
   * Its cost of the grant's services in the budget year (its shares, and the lines of the pools
   * and compensations it holds or pays), the whole year.
   */
  cost: FordelingMoney;
  /**
   * Department id.
   */
  department: string;
  /**
   * The grant's part of it.
   */
  grant: FordelingMoney;
  /**
   * Its own share: cost − grant.
   */
  own: FordelingMoney;
}

/**
 * A grant from outside the municipality (for example a national pool, *puljen*) that covers a share
 * of the costs, up to an amount, for a period (`[[year.grants]]`; SEMANTICS.md section 13).
 */
export interface FordelingGrantDoc {
  /**
   * The function (`D.DD.DD`) on which the grant's income is posted; without it, nothing is posted.
   */
  account?: string | null;
  /**
   * The grant's total in DKK over its whole period (none: no cap). Give `percent`, `amount` or both.
   */
  amount?: FordelingAmount | null;
  /**
   * The departments whose costs it covers (none listed: every department).
   */
  departments?: string[];
  /**
   * The first day the grant covers.
   */
  from: FordelingDate;
  /**
   * Id.
   */
  id: string;
  /**
   * Name.
   */
  name: string;
  /**
   * The share of the costs it covers, in per cent (0–100; none: 100).
   */
  percent?: FordelingWeight | null;
  /**
   * The services it covers (none listed: every service).
   */
  services?: string[];
  /**
   * The last day it covers (none: open-ended).
   */
  to?: FordelingDate | null;
}

/**
 * A grant's budget year.
 */
export interface FordelingGrantYear {
  /**
   * Actual plus forecast.
   */
  covered: FordelingMoney;
  /**
   * What it covered in the budget year's months through `booked_through`.
   */
  covered_actual: FordelingMoney;
  /**
   * What it covered before the budget year.
   */
  covered_before: FordelingMoney;
  /**
   * What it covers in the budget year's months after `booked_through`.
   */
  covered_forecast: FordelingMoney;
  /**
   * Per department it covers, with any cost or part in the budget year, in id order.
   */
  departments: FordelingGrantDepartment[];
  /**
   * The first day it covers.
   */
  from: FordelingDate;
  /**
   * Grant id.
   */
  id: string;
  /**
   * What is left of the total after the budget year (total − before − covered), if capped.
   */
  left?: FordelingMoney | null;
  /**
   * Name.
   */
  name: string;
  /**
   * The share it covers, in per cent.
   */
  percent: string;
  /**
   * The grant's income per department (December, or the grant's last month), when the policy gives
   * the grant an `account`.
   */
  postings: FordelingFinancingPosting[];
  /**
   * The last day it covers, if it ends.
   */
  to?: FordelingDate | null;
  /**
   * Its total over its whole period, if capped.
   */
  total?: FordelingMoney | null;
}

/**
 * A group's figures (budget area, committee, municipality): the sums of its departments'.
 */
export interface FordelingGroupFigures {
  /**
   * Booked: the months through `booked_through`.
   */
  actual: FordelingMoney;
  /**
   * The budget of the year, if loaded.
   */
  budget?: FordelingMoney | null;
  /**
   * Expected cost less budget (positive: over budget).
   */
  deviation?: FordelingMoney | null;
  /**
   * The deviation in per cent of the budget, two decimals (absent when the budget is 0).
   */
  deviation_percent?: string | null;
  /**
   * Actual plus forecast: the expected cost of the year.
   */
  expected: FordelingMoney;
  /**
   * The months after `booked_through` to the year's end, open grants continued.
   */
  forecast: FordelingMoney;
  /**
   * Id.
   */
  id: string;
  /**
   * Next year and the three estimate years, each at its price level.
   */
  later_years: FordelingYearFigures[];
  /**
   * Name.
   */
  name: string;
  /**
   * Expected cost less reimbursement.
   */
  net: FordelingMoney;
  /**
   * State reimbursement of the year.
   */
  reimbursement: FordelingMoney;
}

/**
 * A service's grouping.
 */
export interface FordelingGroupingDoc {
  /**
   * Grouping, three digits (e.g. `002`).
   */
  grouping: string;
  /**
   * Service id (of the catalogue).
   */
  service: string;
}

/**
 * Income on a case, deducted from the cost that state reimbursement is computed on.
 */
export interface FordelingIncomeDoc {
  /**
   * The amount in DKK (a string, not negative).
   */
  amount: FordelingAmount;
  /**
   * First day (for `once`: the day received).
   */
  from: FordelingDate;
  /**
   * Id, unique among the case's income.
   */
  id: string;
  /**
   * Free text.
   */
  note?: string | null;
  /**
   * What the amount is per (a one-off amount counts over 12 months, like one-off costs).
   */
  per: FordelingPer;
  /**
   * Last day, inclusive; absent means open-ended.
   */
  to?: FordelingDate | null;
}

/**
 * A yearly index: one value per calendar year; an amount at year B's level is worth
 * `amount × value(Y) / value(B)` in year Y.
 */
export interface FordelingIndexDoc {
  /**
   * Id used by service lines and reimbursement levels.
   */
  id: string;
  /**
   * Name, e.g. "Satsreguleringsprocent".
   */
  name?: string | null;
  /**
   * The values, one per year.
   */
  years: FordelingIndexYearDoc[];
}

/**
 * How an amount given at a base year's level was regulated: `rate = round(granted × value /
 * base_value)` to the øre.
 */
export interface FordelingIndexUsed {
  /**
   * The index's value in the base year.
   */
  base_value: FordelingWeight;
  /**
   * The year the amount is given at.
   */
  base_year: number;
  /**
   * Whether both values are confirmed.
   */
  confirmed: boolean;
  /**
   * Index id.
   */
  index: string;
  /**
   * Index name, when the policy gives one.
   */
  index_name?: string | null;
  /**
   * The regulated rate, rounded to the øre (used in place of the granted amount).
   */
  rate: FordelingMoney;
  /**
   * The index's value in that year.
   */
  value: FordelingWeight;
  /**
   * The year regulated to (the calendar year of the month).
   */
  year: number;
}

/**
 * An index's value in one year.
 */
export interface FordelingIndexYearDoc {
  /**
   * Whether the value is confirmed against its published source (default yes).
   */
  confirmed: boolean;
  /**
   * Source or remark.
   */
  note?: string | null;
  /**
   * The index value (above 0; e.g. 100 in the base year, 102 after a 2 % regulation).
   */
  value: FordelingWeight;
  /**
   * The calendar year.
   */
  year: number;
}

/**
 * The project's cost in one year.
 */
export interface FordelingInvestmentDoc {
  /**
   * The amount in DKK (a string, not negative).
   */
  amount: FordelingAmount;
  /**
   * The year.
   */
  year: number;
}

/**
 * One year of the investment view.
 */
export interface FordelingInvestmentYear {
  /**
   * Actual cost of all departments.
   */
  actual: FordelingMoney;
  /**
   * Baseline of all departments.
   */
  baseline: FordelingMoney;
  /**
   * The sum of `net` through this year.
   */
  cumulative: FordelingMoney;
  /**
   * The project's cost that year (policy).
   */
  investment: FordelingMoney;
  /**
   * Savings less investment.
   */
  net: FordelingMoney;
  /**
   * Baseline less actual.
   */
  savings: FordelingMoney;
  /**
   * The year.
   */
  year: number;
}

/**
 * A policy allocation key with its versions over time.
 */
export interface FordelingKeyDoc {
  /**
   * Id used by services.
   */
  id: string;
  /**
   * Name or reason (responsibility, gain, ...).
   */
  name: string | null;
  /**
   * Versions; they may not overlap.
   */
  versions: FordelingKeyVersionDoc[];
}

/**
 * The kind of an allocation key.
 */
export type FordelingKeyKind = "sole" | "percent" | "weights" | "equal";

/**
 * Why a line's key was chosen ([`KeyUsed::reason`]).
 */
export type FordelingKeyReason =
  "agreement_in_force" | "policy_key" | "not_eligible" | "no_key_version_in_force" | "no_key";

/**
 * Where the key of a line came from ([`KeyUsed::source`]).
 */
export type FordelingKeySource = "agreement" | "policy" | "sole";

/**
 * Which key decided a line's split.
 */
export interface FordelingKeyUsed {
  /**
   * Agreement or key id.
   */
  id?: string | null;
  /**
   * The key is restricted to the departments involved in the case (`involved_only`).
   */
  involved_only?: boolean;
  /**
   * Key kind.
   */
  kind: FordelingKeyKind;
  /**
   * The policy key's name, when it has one (agreements are named by their id).
   */
  name?: string | null;
  /**
   * Why this key was chosen: `agreement_in_force`, `policy_key`, `not_eligible`,
   * `no_key_version_in_force` or `no_key`.
   */
  reason: FordelingKeyReason;
  /**
   * For a case that is not eligible (`not_eligible`): the id of the case agreement in force that
   * was set aside.
   */
  set_aside?: string | null;
  /**
   * `agreement`, `policy` or `sole`.
   */
  source: FordelingKeySource;
  /**
   * The key's departments not involved in the case: their weight went to the payer.
   */
  uninvolved?: FordelingUninvolved[];
  /**
   * Validity of the agreement or key version.
   */
  validity: FordelingValidity;
}

/**
 * A dated version of a policy key.
 */
export interface FordelingKeyVersionDoc {
  /**
   * First day in force.
   */
  from: FordelingDate | null;
  /**
   * Only the departments involved in the case that day take part: the weight of an entry whose
   * department is not involved goes to the payer (default no).
   */
  involved_only?: boolean;
  /**
   * The kind.
   */
  kind: FordelingKeyKind;
  /**
   * The entries.
   */
  shares: FordelingShareDoc[];
  /**
   * Last day in force.
   */
  to: FordelingDate | null;
}

/**
 * A language for texts.
 */
export type FordelingLang = "en" | "da";

/**
 * The ledger section of a policy as written.
 */
export interface FordelingLedgerDoc {
  /**
   * Cost centre (*omkostningssted*) per department id; a department without one exports an
   * empty cost centre.
   */
  cost_centres?: FordelingCostCentreDoc[];
  /**
   * Grouping (*gruppering*, three digits) per service id; by default `000`.
   */
  groupings?: FordelingGroupingDoc[];
  /**
   * Export profiles besides the built-in `generic` and `dansk`.
   */
  profiles?: FordelingProfile[];
}

/**
 * A legal basis, dated (Barnets lov replaced parts of Serviceloven on 2024-01-01).
 */
export interface FordelingLegalBasisDoc {
  /**
   * First day in force.
   */
  from: FordelingDate | null;
  /**
   * The text, e.g. "Barnets lov § 86".
   */
  text: string;
  /**
   * Last day in force.
   */
  to: FordelingDate | null;
}

/**
 * The thresholds and rates in force over a period.
 */
export interface FordelingLevelDoc {
  /**
   * The year whose level the thresholds are stated at (with `index`).
   */
  base_year?: number | null;
  /**
   * Whether the level's figures are confirmed against their published source (default yes).
   */
  confirmed: boolean;
  /**
   * First day in force (a month's first day).
   */
  from?: FordelingDate | null;
  /**
   * The id of an index the thresholds are regulated by every year; they are then stated at the
   * level of `base_year`.
   */
  index?: string | null;
  /**
   * The legal basis of this level, when it differs from the scheme's (e.g. "Serviceloven § 176"
   * until 2023, "Barnets lov § 198" from 2024).
   */
  legal_basis?: string | null;
  /**
   * Source or remark.
   */
  note?: string | null;
  /**
   * A regulated threshold is rounded to a multiple of this (in DKK, whole øre; default 0.01),
   * half away from zero.
   */
  round_to?: FordelingAmount | null;
  /**
   * Tiers by rising threshold.
   */
  tiers: FordelingTierDoc[];
  /**
   * Last day in force (a month's last day).
   */
  to?: FordelingDate | null;
}

/**
 * One (service line, month, segment) with its amount, decision and split.
 */
export interface FordelingLine {
  /**
   * The rounded amount of the line.
   */
  amount: FordelingMoney;
  /**
   * Who may grant.
   */
  authority: FordelingResponsible;
  /**
   * How the amount was computed.
   */
  basis: FordelingAmountBasis;
  /**
   * Whether the case was eligible.
   */
  eligible: boolean;
  /**
   * The exact amount before rounding.
   */
  exact_amount: FordelingExact;
  /**
   * First day of the segment.
   */
  from: FordelingDate;
  /**
   * Which key was used.
   */
  key: FordelingKeyUsed;
  /**
   * Legal basis in force.
   */
  legal_basis: string;
  /**
   * The month.
   */
  month: FordelingMonth;
  /**
   * Who must pay.
   */
  payer: FordelingResponsible;
  /**
   * Catalogue service id.
   */
  service: string;
  /**
   * The case's service line id.
   */
  service_line: string;
  /**
   * Service name.
   */
  service_name: string;
  /**
   * The split, by department id.
   */
  shares: FordelingLineShare[];
  /**
   * Last day of the segment.
   */
  to: FordelingDate;
  /**
   * Indices into [`SplitResult::eligibility`] of the verdicts covering the line.
   */
  verdicts: number[];
}

/**
 * One department's share of a line.
 */
export interface FordelingLineShare {
  /**
   * The rounded share.
   */
  amount: FordelingMoney;
  /**
   * Department id.
   */
  department: string;
  /**
   * The exact share before rounding.
   */
  exact: FordelingExact;
  /**
   * Whether a leftover øre went to this department.
   */
  leftover_ore: boolean;
  /**
   * Municipality id.
   */
  municipality: string;
  /**
   * The weight or percentage used.
   */
  weight: FordelingWeight;
}

/**
 * A line reduced to its amount, key and shares: the fields of [`Line`] a table needs; the reasons
 * (basis, exact values, authority, payer, legal basis) come with the full result.
 */
export interface FordelingLineSummary {
  /**
   * The rounded amount.
   */
  amount: FordelingMoney;
  /**
   * Whether the case was eligible.
   */
  eligible: boolean;
  /**
   * First day.
   */
  from: FordelingDate;
  /**
   * Agreement or key id.
   */
  key_id?: string | null;
  /**
   * `agreement`, `policy` or `sole`.
   */
  key_source: FordelingKeySource;
  /**
   * The month.
   */
  month: FordelingMonth;
  /**
   * Catalogue service id.
   */
  service: string;
  /**
   * The case's service line id.
   */
  service_line: string;
  /**
   * Department id and rounded share.
   */
  shares: FordelingDeptAmount[];
  /**
   * Last day.
   */
  to: FordelingDate;
}

/**
 * DKK with exactly two decimals (øre), as a string: "1234.50".
 */
export type FordelingMoney = string;

/**
 * A month, YYYY-MM.
 */
export type FordelingMonth = string;

/**
 * A month of the budget year.
 */
export interface FordelingMonthFigures {
  /**
   * Whether it is booked (actual) rather than forecast.
   */
  booked: boolean;
  /**
   * Cost per department with any (id order).
   */
  departments: FordelingDeptAmount[];
  /**
   * Cost.
   */
  gross: FordelingMoney;
  /**
   * The month.
   */
  month: FordelingMonth;
  /**
   * State reimbursement.
   */
  reimbursement: FordelingMoney;
}

/**
 * A month's gross, reimbursement and net.
 */
export interface FordelingMonthNet {
  /**
   * Gross.
   */
  gross: FordelingMoney;
  /**
   * Month.
   */
  month: FordelingMonth;
  /**
   * Net.
   */
  net: FordelingMoney;
  /**
   * Reimbursement.
   */
  reimbursement: FordelingMoney;
}

/**
 * A month's total, with its departments.
 */
export interface FordelingMonthTotal {
  /**
   * Total.
   */
  amount: FordelingMoney;
  /**
   * By department id.
   */
  departments: FordelingDeptAmount[];
  /**
   * The month.
   */
  month: FordelingMonth;
}

/**
 * A municipality.
 */
export interface FordelingMunicipalityDoc {
  /**
   * Kommunekode (three digits, e.g. 183 for Ishøj).
   */
  code: number;
  /**
   * Id used elsewhere in the documents.
   */
  id: string;
  /**
   * Name.
   */
  name: string;
}

/**
 * A municipality's total.
 */
export interface FordelingMunicipalityTotal {
  /**
   * Total.
   */
  amount: FordelingMoney;
  /**
   * Kommunekode.
   */
  code: number;
  /**
   * Municipality id.
   */
  municipality: string;
  /**
   * Name.
   */
  name: string;
}

/**
 * A household near a reimbursement threshold.
 */
export interface FordelingNearThreshold {
  /**
   * Its cases.
   */
  cases: string[];
  /**
   * The budget year's cost of the services that count for reimbursement (all departments).
   */
  counted: FordelingMoney;
  /**
   * Threshold less counted cost.
   */
  distance: FordelingMoney;
  /**
   * Household id (a case without one: the case id).
   */
  household: string;
  /**
   * The next tier's yearly threshold (the level in force on the budget year's first day).
   */
  threshold: FordelingMoney;
}

/**
 * Gross cost, reimbursement and net cost.
 */
export interface FordelingNet {
  /**
   * Every share booked.
   */
  gross: FordelingMoney;
  /**
   * Gross less reimbursement.
   */
  net: FordelingMoney;
  /**
   * State reimbursement.
   */
  reimbursement: FordelingMoney;
}

/**
 * Another active case of the family.
 */
export interface FordelingOtherCaseDoc {
  /**
   * Its department, if known.
   */
  department?: string | null;
  /**
   * First day active.
   */
  from?: FordelingDate | null;
  /**
   * Id.
   */
  id: string;
  /**
   * Whose case it is: a parent's id; absent means the child's own (or the family's).
   */
  person?: string | null;
  /**
   * Its sector area.
   */
  sector: FordelingSector;
  /**
   * Last day active.
   */
  to?: FordelingDate | null;
}

/**
 * The result of a command.
 */
export type FordelingOutput =
  | FordelingPolicyDoc
  | FordelingSplitResult
  | FordelingSplitSummary
  | {
      /**
       * The case document, if one was given.
       */
      case?: FordelingCaseDoc | null;
      /**
       * The policy document.
       */
      policy: FordelingPolicyDoc;
    }
  | {
      /**
       * The postings as the text of the export profile asked for (`profile`).
       */
      export?: string | null;
      /**
       * The postings, in line order.
       */
      postings: FordelingPosting[];
      /**
       * The split.
       */
      split: FordelingSplitResult;
    }
  | {
      /**
       * What changes, and the corrections.
       */
      comparison: FordelingComparison;
      /**
       * The split of the case as it is now.
       */
      split: FordelingSplitResult;
    }
  | FordelingPortfolio
  | {
      /**
       * The split.
       */
      split: FordelingSplitResult;
      /**
       * The explanation.
       */
      text: string;
    };

/**
 * A parent or other adult of the household.
 */
export interface FordelingParentDoc {
  /**
   * Whether the person holds custody (forældremyndighed); default yes.
   */
  custody?: boolean;
  /**
   * Person id, the same in every case document of the household.
   */
  id: string;
}

/**
 * How an amount is given.
 */
export type FordelingPer = "month" | "year" | "once" | "day" | "week" | "hour" | "unit";

/**
 * The period a result covers, both ends inclusive.
 */
export interface FordelingPeriod {
  /**
   * First day.
   */
  from: FordelingDate;
  /**
   * Last day.
   */
  to: FordelingDate;
}

/**
 * The period chosen for a case with an open-ended service when none was asked for: the budget
 * year (the calendar year, for Danish municipalities) of the date the caller gave as today.
 */
export interface FordelingPeriodDefault {
  /**
   * The budget year: the period is its 1 January to 31 December.
   */
  budget_year: number;
  /**
   * The date the caller gave as today.
   */
  today: FordelingDate;
}

/**
 * A policy document as written (TOML or JSON). See the README for a full example.
 */
export interface FordelingPolicyDoc {
  /**
   * Cross-municipality arrangements.
   */
  arrangements: FordelingArrangementDoc[];
  /**
   * Departments.
   */
  departments: FordelingDepartmentDoc[];
  /**
   * Eligibility criteria, by validity.
   */
  eligibility: FordelingCriteriaDoc[];
  /**
   * Yearly indices (pris- og lønfremskrivning, satsregulering) that amounts given at a base
   * year's level are regulated by.
   */
  indices?: FordelingIndexDoc[];
  /**
   * Allocation keys.
   */
  keys: FordelingKeyDoc[];
  /**
   * The ledger: cost centres, groupings and export profiles (read by the posting export).
   */
  ledger?: FordelingLedgerDoc | null;
  /**
   * Municipalities.
   */
  municipalities: FordelingMunicipalityDoc[];
  /**
   * Name of the policy.
   */
  name: string;
  /**
   * State reimbursement of particularly expensive single cases, if the policy computes it.
   */
  reimbursement?: FordelingSchemeDoc | null;
  /**
   * The service catalogue.
   */
  services: FordelingServiceDoc[];
  /**
   * Free-text version label.
   */
  version: string | null;
  /**
   * The controller's year: committees, budget areas and the price index (read by the portfolio).
   */
  year?: FordelingYearDoc | null;
}

/**
 * A department's year in a pool.
 */
export interface FordelingPoolDepartment {
  /**
   * Its contribution.
   */
  contribution: FordelingMoney;
  /**
   * Department id.
   */
  department: string;
  /**
   * Net less the per-case split (positive: the pool costs it more).
   */
  difference: FordelingMoney;
  /**
   * Contribution plus settlement: its cost under the pool.
   */
  net: FordelingMoney;
  /**
   * Its shares of the same costs under the per-case split.
   */
  per_case_split: FordelingMoney;
  /**
   * Its settlement: negative when a surplus goes back, positive when a deficit is called in.
   */
  settlement: FordelingMoney;
}

/**
 * A pool as written.
 */
export interface FordelingPoolDoc {
  /**
   * At most this much of the year's surplus or deficit is carried over to next year (none:
   * nothing is carried over, everything is settled).
   */
  carry_over_cap?: FordelingAmount | null;
  /**
   * The yearly contributions, one per department.
   */
  contributions: FordelingContributionDoc[];
  /**
   * The department that holds the pool's account and books its costs.
   */
  holder: string;
  /**
   * Id.
   */
  id: string;
  /**
   * Name.
   */
  name: string;
  /**
   * Carried over from last year (negative: a deficit).
   */
  opening_balance?: FordelingAmount | null;
  /**
   * The services whose eligible costs the pool pays (each service in at most one pool).
   */
  services: string[];
  /**
   * The key that shares out the surplus or deficit (none: the contributions).
   */
  settlement_key?: FordelingSettlementShareDoc[];
  /**
   * The pool's yearly total, needed when a contribution is a percentage of it.
   */
  total?: FordelingAmount | null;
}

/**
 * A pool's later year (next year or an estimate year), its costs at the budget year's prices.
 */
export interface FordelingPoolLaterYear {
  /**
   * Carried over to the year after (at most the cap).
   */
  carried_over: FordelingMoney;
  /**
   * The year's contributions (as in the budget year).
   */
  contributions: FordelingMoney;
  /**
   * The eligible costs of the pool's services in the year, less what grants cover of them.
   */
  costs: FordelingMoney;
  /**
   * Carried over from the year before.
   */
  opening_balance: FordelingMoney;
  /**
   * Opening balance plus contributions less costs.
   */
  result: FordelingMoney;
  /**
   * Settled by the key.
   */
  settled: FordelingMoney;
  /**
   * The year.
   */
  year: number;
}

/**
 * A pool's year.
 */
export interface FordelingPoolYear {
  /**
   * Carried over to next year (at most the cap; none without a cap).
   */
  carried_over: FordelingMoney;
  /**
   * The year's contributions.
   */
  contributions: FordelingMoney;
  /**
   * Actual plus forecast costs.
   */
  costs: FordelingMoney;
  /**
   * The eligible costs of the pool's services booked through `booked_through`.
   */
  costs_actual: FordelingMoney;
  /**
   * The eligible costs of the pool's services forecast to the year's end.
   */
  costs_forecast: FordelingMoney;
  /**
   * Per department in the pool (a contribution or a weight in the key), in id order.
   */
  departments: FordelingPoolDepartment[];
  /**
   * The department holding the pool.
   */
  holder: string;
  /**
   * Pool id.
   */
  id: string;
  /**
   * Next year and the three estimate years: each opens with what the year before carried over.
   */
  later_years: FordelingPoolLaterYear[];
  /**
   * Name.
   */
  name: string;
  /**
   * Carried over from last year (negative: a deficit).
   */
  opening_balance: FordelingMoney;
  /**
   * The postings of the contributions (January) and the settlement (December).
   */
  postings: FordelingFinancingPosting[];
  /**
   * Opening balance plus contributions less costs (positive: a surplus, negative: a deficit).
   */
  result: FordelingMoney;
  /**
   * Settled by the key: the result less what is carried over.
   */
  settled: FordelingMoney;
}

/**
 * A portfolio.
 */
export interface FordelingPortfolio {
  /**
   * The last month booked, if given.
   */
  booked_through?: FordelingMonth | null;
  /**
   * Per budget area, in policy order (departments outside every area are not in any).
   */
  budget_areas: FordelingGroupFigures[];
  /**
   * Cases computed.
   */
  cases: number;
  /**
   * The agreements decided after the request's `since` (the last report), when it was given.
   */
  changes_since?: FordelingAgreementChange[] | null;
  /**
   * Per committee, in policy order.
   */
  committees: FordelingGroupFigures[];
  /**
   * The policy's compensations (one pays, the others compensate) over the budget year.
   */
  compensations?: FordelingCompensationYear[];
  /**
   * Per department, in id order.
   */
  departments: FordelingDepartmentFigures[];
  /**
   * The follow-up, when the policy has a `[year.follow_up]` section.
   */
  follow_up?: FordelingFollowUp | null;
  /**
   * The policy's grants (external co-financing) over the budget year.
   */
  grants?: FordelingGrantYear[];
  /**
   * Households (a case without a household id is a household of its own).
   */
  households: number;
  /**
   * The budget year's months.
   */
  months: FordelingMonthFigures[];
  /**
   * Per municipality, in policy order.
   */
  municipalities: FordelingGroupFigures[];
  /**
   * The policy's pools over the budget year (SEMANTICS.md section 13).
   */
  pools?: FordelingPoolYear[];
  /**
   * The same cases under a scenario's policy, when one was given.
   */
  scenario?: FordelingScenario | null;
  /**
   * The whole portfolio.
   */
  total: FordelingFigures;
  /**
   * The budget year.
   */
  year: number;
}

/**
 * One posting.
 */
export interface FordelingPosting {
  /**
   * Amount (positive = expense).
   */
  amount: FordelingMoney;
  /**
   * Art of the chart of accounts.
   */
  art: string;
  /**
   * The case.
   */
  case: string;
  /**
   * Kommunekode.
   */
  code: number;
  /**
   * The other department of a transfer, if any.
   */
  counterpart?: string | null;
  /**
   * Department (cost centre) id.
   */
  department: string;
  /**
   * Dranst of the chart of accounts, given for state reimbursement (2); the other postings are
   * operations (dranst 1).
   */
  dranst?: string | null;
  /**
   * Account function of the service (empty when the policy names none).
   */
  function: string;
  /**
   * The month booked.
   */
  month: FordelingMonth;
  /**
   * Municipality id.
   */
  municipality: string;
  /**
   * The service line.
   */
  service_line: string;
  /**
   * Kind of posting.
   */
  type: FordelingPostingType;
}

/**
 * The kind of a posting.
 */
export type FordelingPostingType =
  | "cash_benefit"
  | "service"
  | "internal_transfer"
  | "payment_to_municipality"
  | "income_from_municipality"
  | "state_reimbursement"
  | "state_grant";

/**
 * The price level of one year.
 */
export interface FordelingPriceIndexDoc {
  /**
   * Its index (above 0).
   */
  index: FordelingWeight;
  /**
   * The year.
   */
  year: number;
}

/**
 * An export profile.
 */
export interface FordelingProfile {
  /**
   * Columns in order.
   */
  columns: FordelingColumn[];
  /**
   * How dates are written.
   */
  date_format: FordelingDateFormat;
  /**
   * Amounts with a decimal comma (`-300,00`) instead of a point.
   */
  decimal_comma: boolean;
  /**
   * A header row with the column names.
   */
  header: boolean;
  /**
   * Name, used by `--profile` and the contract's `profile`.
   */
  name: string;
  /**
   * The field separator: one character, not a quote or a line break.
   */
  separator: string;
}

/**
 * A service line due for re-assessment.
 */
export interface FordelingReassessment {
  /**
   * Case id.
   */
  case: string;
  /**
   * Days from `due` to `as_of` (0: due that day).
   */
  days_overdue: number;
  /**
   * The day the re-assessment is due.
   */
  due: FordelingDate;
  /**
   * Service line id.
   */
  service_line: string;
  /**
   * What the cadence counts from.
   */
  since: FordelingSince;
  /**
   * That day.
   */
  since_date: FordelingDate;
}

/**
 * Thresholds stated at a base year's level, regulated to the month's year:
 * `round(stated × value / base_value)` to a multiple of `round_to`, half away from zero.
 */
export interface FordelingRegulationUsed {
  /**
   * The index's value in the base year.
   */
  base_value: FordelingWeight;
  /**
   * The year the thresholds are stated at.
   */
  base_year: number;
  /**
   * Index id.
   */
  index: string;
  /**
   * Index name, when the policy gives one.
   */
  index_name?: string | null;
  /**
   * Regulated thresholds are rounded to a multiple of this.
   */
  round_to: FordelingMoney;
  /**
   * The index's value in that year.
   */
  value: FordelingWeight;
  /**
   * The month's year.
   */
  year: number;
}

/**
 * State reimbursement over a period for a household (one or more children's cases).
 */
export interface FordelingReimbursement {
  /**
   * `follow_split` or `recipient` (one department).
   */
  allocation: FordelingAllocation;
  /**
   * Per case.
   */
  by_case: FordelingCaseNet[];
  /**
   * Per department (with gross cost or reimbursement), by id.
   */
  by_department: FordelingDepartmentNet[];
  /**
   * Per month.
   */
  by_month: FordelingMonthNet[];
  /**
   * The cases added together, the computed case first.
   */
  cases: string[];
  /**
   * The household id, if the cases name one.
   */
  household?: string | null;
  /**
   * Its legal basis.
   */
  legal_basis: string;
  /**
   * One entry per month and municipality with counted cost or income.
   */
  months: FordelingReimbursementMonth[];
  /**
   * The scheme's id.
   */
  scheme: string;
  /**
   * The whole household.
   */
  total: FordelingNet;
}

/**
 * The computation for one month and one paying municipality.
 */
export interface FordelingReimbursementMonth {
  /**
   * Counted cost less income.
   */
  base: FordelingMoney;
  /**
   * Its allocation to the cases: weight is the case's counted cost less income (at least 0).
   */
  cases: FordelingAllocated[];
  /**
   * Cost of counted services booked in the municipality, with one-off costs spread.
   */
  counted: FordelingMoney;
  /**
   * Its allocation to departments: weight is the department's counted share (following the
   * split) or the case's weight (one recipient).
   */
  departments: FordelingAllocated[];
  /**
   * The exact reimbursement before rounding.
   */
  exact: FordelingExact;
  /**
   * Income deducted.
   */
  income: FordelingMoney;
  /**
   * The level's own legal basis, when it has one (else the scheme's applies).
   */
  legal_basis?: string | null;
  /**
   * The level used; absent when none was in force (then nothing is reimbursed).
   */
  level?: FordelingValidity | null;
  /**
   * Month.
   */
  month: FordelingMonth;
  /**
   * Municipality id.
   */
  municipality: string;
  /**
   * Of which twelfths of one-off costs.
   */
  one_off_part: FordelingMoney;
  /**
   * How the level's thresholds were regulated to the month's year, when they are.
   */
  regulation?: FordelingRegulationUsed | null;
  /**
   * The reimbursement.
   */
  reimbursement: FordelingMoney;
  /**
   * Each tier's part.
   */
  tiers: FordelingTierPart[];
  /**
   * Whether a figure used (the level's, or an index value) is not confirmed.
   */
  unconfirmed?: boolean;
}

/**
 * A request.
 */
export interface FordelingRequest {
  /**
   * For `compare`: the last month already booked (`YYYY-MM`); default: every month of the period.
   */
  booked_through?: FordelingMonth | null;
  /**
   * For `portfolio`: the budget per department and year (`budget = [{ department, year, amount }]`),
   * a JSON object or TOML or JSON text.
   */
  budget?: FordelingDocInput | null;
  /**
   * The case (for `split` and `explain`): a JSON object or a string (TOML or JSON text).
   */
  case?: FordelingDocInput | null;
  /**
   * For `portfolio`: the cases, each a JSON object or a string (TOML or JSON text).
   */
  cases?: FordelingDocInput[];
  /**
   * The command.
   */
  command: FordelingCommand;
  /**
   * For `split`: `full` (default) or `summary` — lines reduced to amount, key and shares, for a
   * page that recomputes on every keystroke and asks for the full answer when a line is opened.
   */
  detail?: FordelingDetail;
  /**
   * Language of explanation texts (`en` or `da`; default `en`).
   */
  lang?: FordelingLang;
  /**
   * The period to compute; by default the span of the case's services.
   */
  period?: FordelingPeriod | null;
  /**
   * The policy: a JSON object (the policy document) or a string (TOML or JSON text).
   */
  policy: FordelingDocInput;
  /**
   * For `compare`: the previous version of the case.
   */
  previous_case?: FordelingDocInput | null;
  /**
   * For `postings`: an export profile (`generic`, `dansk` or one of the policy's
   * `ledger.profiles`); the answer adds the postings as that profile's text (`export`).
   */
  profile?: string | null;
  /**
   * For `portfolio`: a scenario, another policy (changed keys, agreements or year section); the
   * answer adds the portfolio under it and what changes per department and year.
   */
  scenario?: FordelingDocInput | null;
  /**
   * The other children of the case's household (same `household` id), each a JSON object or a
   * string: their cost is added to the case's for state reimbursement.
   */
  siblings?: FordelingDocInput[];
  /**
   * For `portfolio`: the date of the last report; the answer lists the case agreements decided
   * after it (`changes_since`).
   */
  since?: FordelingDate | null;
  /**
   * Today's date, as the caller knows it (the library reads no clock). Used only when `period` is
   * not given and the case has a service without an end date: the period is then the budget year
   * of this date (1 January to 31 December), and the answer says so (`period_default`).
   */
  today?: FordelingDate | null;
  /**
   * Contract version; must be 1.
   */
  version: 1;
  /**
   * For `portfolio`: the budget year.
   */
  year?: number | null;
}

/**
 * The acting municipality from a date.
 */
export interface FordelingResidenceDoc {
  /**
   * From this date.
   */
  from: FordelingDate;
  /**
   * Municipality id.
   */
  municipality: string;
}

/**
 * How a responsible department was resolved ([`Responsible::rule`]).
 */
export type FordelingResolvedBy = "named_department" | "acting_municipality" | "arrangement";

/**
 * The answer to a request.
 */
export type FordelingResponse =
  | {
      /**
       * The command answered.
       */
      command: FordelingCommand;
      /**
       * The result.
       */
      result: FordelingOutput;
      status: "ok";
      /**
       * Contract version.
       */
      version: 1;
    }
  | {
      /**
       * Every problem found.
       *
       * @minItems 1
       */
      errors: [FordelingErrorReport, ...FordelingErrorReport[]];
      status: "error";
      /**
       * Contract version.
       */
      version: 1;
    };

/**
 * A department with its municipality.
 */
export interface FordelingResponsible {
  /**
   * The arrangement id, for `arrangement`.
   */
  arrangement?: string | null;
  /**
   * The municipality (id) on whose behalf the arrangement's grantor acts, for `arrangement`.
   */
  arrangement_for?: string | null;
  /**
   * Department id.
   */
  department: string;
  /**
   * Department name.
   */
  department_name: string;
  /**
   * Municipality id.
   */
  municipality: string;
  /**
   * How it was resolved: `acting_municipality` (the handlekommune's department for the sector
   * area), `arrangement` (another municipality grants on the handlekommune's behalf) or
   * `named_department` (fixed in the service catalogue).
   */
  rule: FordelingResolvedBy;
  /**
   * The sector area used, for the first two rules.
   */
  sector?: FordelingSector | null;
}

/**
 * The portfolio under the scenario's policy and what changes against the portfolio as it is.
 */
export interface FordelingScenario {
  /**
   * Per department and year where the gross, net or financed cost changes, by department id then
   * year.
   */
  changes: FordelingChange2[];
  /**
   * The portfolio under the scenario.
   */
  portfolio: FordelingPortfolio;
}

/**
 * A reimbursement scheme as written in the policy.
 */
export interface FordelingSchemeDoc {
  /**
   * The account function the reimbursement is booked on (kontoplan), e.g. "5.22.07"; it is
   * booked as state reimbursement (dranst 2, art 8.6). Absent: the posting names no function.
   */
  function?: string | null;
  /**
   * Id.
   */
  id: string;
  /**
   * Legal basis, e.g. "Barnets lov § 198".
   */
  legal_basis: string;
  /**
   * Dated thresholds and rates; they may not overlap and change only at month boundaries.
   */
  levels: FordelingLevelDoc[];
  /**
   * Name.
   */
  name?: string | null;
  /**
   * Who receives the reimbursement: absent, it follows the cost split; otherwise one department,
   * named or as the paying municipality's department for a sector area.
   */
  recipient?: FordelingTargetDoc | null;
  /**
   * Catalogue ids of the services whose cost counts.
   */
  services: string[];
}

/**
 * A sector area (sektorområde).
 */
export type FordelingSector =
  "children_social" | "daycare_school" | "health" | "employment" | "adult" | "housing";

/**
 * A service in the catalogue.
 */
export interface FordelingServiceDoc {
  /**
   * Who may grant it; by default the acting municipality's department for `sector`.
   */
  authority: FordelingTargetDoc | null;
  /**
   * Account function (kontoplan), e.g. "5.57.72".
   */
  function: string | null;
  /**
   * Id used by cases.
   */
  id: string;
  /**
   * Id of the policy key used for eligible cases, if any.
   */
  key: string | null;
  /**
   * How the service is booked.
   */
  kind: FordelingServiceKind;
  /**
   * Legal bases, dated.
   */
  legal_basis: FordelingLegalBasisDoc[];
  /**
   * Name.
   */
  name: string;
  /**
   * Who must pay; by default the acting municipality's department for `sector`.
   */
  payer: FordelingTargetDoc | null;
  /**
   * The sector area in which the service is granted.
   */
  sector: FordelingSector;
}

/**
 * How a service is booked (used for posting lines).
 */
export type FordelingServiceKind = "cash_benefit" | "service";

/**
 * A granted service.
 */
export interface FordelingServiceLineDoc {
  /**
   * The granted amount in DKK (a string, e.g. "4500.00").
   */
  amount: FordelingAmount;
  /**
   * The year whose level the amount is given at (with `index`).
   */
  base_year?: number | null;
  /**
   * For `hour` and `unit`: how often the quantity is delivered (`day`, `week`, `month`, `year`
   * or `once`; default `once`).
   */
  every?: FordelingEvery | null;
  /**
   * First day (for `once`: the day of the payment).
   */
  from: FordelingDate;
  /**
   * Line id, unique in the case.
   */
  id: string;
  /**
   * The id of a policy index the amount is regulated by; the amount is then given at the level
   * of `base_year`.
   */
  index?: string | null;
  /**
   * Free text.
   */
  note?: string | null;
  /**
   * What the amount is per: `month`, `year`, `once`, `day` (døgntakst), `week`, `hour` (an
   * hourly rate) or `unit` (a unit price).
   */
  per: FordelingPer;
  /**
   * For `hour` and `unit`: the number of hours or units (not negative, at most 10 decimals).
   */
  quantity?: FordelingWeight | null;
  /**
   * Catalogue id of the service.
   */
  service: string;
  /**
   * Last day, inclusive; absent means open-ended.
   */
  to?: FordelingDate | null;
}

/**
 * A department's weight in the settlement key.
 */
export interface FordelingSettlementShareDoc {
  /**
   * Department id.
   */
  department: string;
  /**
   * Weight (0 or more).
   */
  weight: FordelingWeight;
}

/**
 * One department's entry in a key.
 */
export interface FordelingShareDoc {
  /**
   * A department id.
   */
  department?: string | null;
  /**
   * Percentage (percent keys).
   */
  percent?: FordelingWeight | null;
  /**
   * Or a sector area, resolved in the paying municipality.
   */
  sector?: FordelingSector | null;
  /**
   * Weight (weights keys).
   */
  weight?: FordelingWeight | null;
}

/**
 * What a re-assessment is counted from.
 */
export type FordelingSince = "agreement" | "enrolled" | "line_start";

/**
 * The result of splitting one case over a period.
 */
export interface FordelingSplitResult {
  /**
   * The case's agreements that record who decided them, when, or a journal number.
   */
  agreements?: FordelingAgreementRecord[];
  /**
   * Case id.
   */
  case: string;
  /**
   * Eligibility verdicts over the period, in date order.
   */
  eligibility: FordelingVerdict[];
  /**
   * One line per (service line, month, segment), in service-line then date order.
   */
  lines: FordelingLine[];
  /**
   * The period computed.
   */
  period: FordelingPeriod;
  /**
   * When no period was asked for and the case has a service without an end date: why the period
   * is the budget year it is.
   */
  period_default?: FordelingPeriodDefault | null;
  /**
   * Policy name and version.
   */
  policy: string;
  /**
   * State reimbursement, when the policy has a scheme (see [`crate::engine::reimbursement`]).
   */
  reimbursement?: FordelingReimbursement | null;
  /**
   * Totals: sums of the rounded shares.
   */
  totals: FordelingTotals;
}

/**
 * A split result with each line reduced to what a table shows (see [`LineSummary`]); the
 * contract's `detail: "summary"`. Verdicts, totals and reimbursement are those of the full result.
 */
export interface FordelingSplitSummary {
  /**
   * The case's agreements that record who decided them (see [`SplitResult::agreements`]).
   */
  agreements?: FordelingAgreementRecord[];
  /**
   * Case id.
   */
  case: string;
  /**
   * Eligibility verdicts.
   */
  eligibility: FordelingVerdict[];
  /**
   * The lines, reduced.
   */
  lines: FordelingLineSummary[];
  /**
   * The period computed.
   */
  period: FordelingPeriod;
  /**
   * Why the period is the budget year it is (see [`SplitResult::period_default`]).
   */
  period_default?: FordelingPeriodDefault | null;
  /**
   * Policy name and version.
   */
  policy: string;
  /**
   * State reimbursement, when the policy has a scheme.
   */
  reimbursement?: FordelingReimbursement | null;
  /**
   * Totals.
   */
  totals: FordelingTotals;
}

/**
 * A department named directly or as "the responsible municipality's department for a sector".
 */
export interface FordelingTargetDoc {
  /**
   * A department id.
   */
  department?: string | null;
  /**
   * A sector area, resolved in the municipality that pays (or grants, for authority).
   */
  sector?: FordelingSector | null;
}

/**
 * One marginal tier: `percent` of the yearly cost above `above`, up to the next tier's threshold.
 */
export interface FordelingTierDoc {
  /**
   * Yearly threshold in DKK (whole øre); the monthly threshold is one twelfth of it.
   */
  above: FordelingAmount;
  /**
   * The state's percentage of the cost in the tier (above 0, at most 100).
   */
  percent: FordelingWeight;
}

/**
 * One tier's part of a month.
 */
export interface FordelingTierPart {
  /**
   * The yearly threshold used (regulated, when the level is).
   */
  above: FordelingAmount;
  /**
   * Rate × portion, exactly.
   */
  amount: FordelingExact;
  /**
   * One twelfth of it, exactly.
   */
  monthly_threshold: FordelingExact;
  /**
   * The rate in percent.
   */
  percent: FordelingWeight;
  /**
   * The base's part inside the tier, exactly.
   */
  portion: FordelingExact;
  /**
   * The threshold as stated at the base year's level, when regulated.
   */
  stated?: FordelingAmount | null;
}

/**
 * Totals of a result.
 */
export interface FordelingTotals {
  /**
   * Per department (those with shares), by id.
   */
  by_department: FordelingDepartmentTotal[];
  /**
   * Per month.
   */
  by_month: FordelingMonthTotal[];
  /**
   * Per municipality, in policy order.
   */
  by_municipality: FordelingMunicipalityTotal[];
  /**
   * The whole case.
   */
  case: FordelingMoney;
}

/**
 * A department of a restricted key that is not involved in the case.
 */
export interface FordelingUninvolved {
  /**
   * Department id.
   */
  department: string;
  /**
   * Department name.
   */
  name: string;
  /**
   * The weight or percentage that went to the payer.
   */
  weight: FordelingWeight;
}

/**
 * A validity interval: from a date (or always) to an inclusive date (or open-ended).
 */
export interface FordelingValidity {
  /**
   * First day in force; absent means "since always".
   */
  from?: FordelingDate | null;
  /**
   * Last day in force (inclusive); absent means open-ended.
   */
  to?: FordelingDate | null;
}

/**
 * The eligibility verdict over a stretch of days with the same facts.
 */
export interface FordelingVerdict {
  /**
   * Every criterion with its outcome.
   */
  criteria: FordelingCriterion[];
  /**
   * Which criteria of the policy were in force (`eligibility[N]`), if any.
   */
  criteria_in_force: string | null;
  /**
   * Whether the case qualifies for shared financing.
   */
  eligible: boolean;
  /**
   * First day.
   */
  from: FordelingDate;
  /**
   * Last day.
   */
  to: FordelingDate;
}

/**
 * A non-negative weight or percentage as a string ("33.5").
 */
export type FordelingWeight = string;

/**
 * The year section of a policy as written.
 */
export interface FordelingYearDoc {
  /**
   * Budget areas (bevillingsområder), each a group of departments, optionally under a committee.
   */
  budget_areas?: FordelingBudgetAreaDoc[];
  /**
   * Committees (udvalg).
   */
  committees?: FordelingCommitteeDoc[];
  /**
   * One pays, the others compensate by key (mellemregning).
   */
  compensations?: FordelingCompensationDoc[];
  /**
   * The follow-up: re-assessment cadence and the project's investment per year.
   */
  follow_up?: FordelingFollowUpDoc | null;
  /**
   * External co-financing: grants that cover a share or an amount of the costs for a period.
   */
  grants?: FordelingGrantDoc[];
  /**
   * Pools: yearly contributions per department pay the eligible costs of their services.
   */
  pools?: FordelingPoolDoc[];
  /**
   * The price level of each year (any base, e.g. 100 in the budget year); the budget years are
   * put at their year's level by `index(year) / index(budget year)`.
   */
  price_index?: FordelingPriceIndexDoc[];
}

/**
 * One later year.
 */
export interface FordelingYearFigures {
  /**
   * The budget of the year, if loaded.
   */
  budget?: FordelingMoney | null;
  /**
   * Gross less budget (positive: over budget).
   */
  deviation?: FordelingMoney | null;
  /**
   * The cost of the grants in force that year, at the year's price level.
   */
  gross: FordelingMoney;
  /**
   * Gross less reimbursement.
   */
  net: FordelingMoney;
  /**
   * State reimbursement, at the year's price level.
   */
  reimbursement: FordelingMoney;
  /**
   * The year.
   */
  year: number;
}
/** One problem, named precisely enough to show next to the offending field. */
export type FordelingError = FordelingErrorReport;
