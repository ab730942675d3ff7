# fordeling's messages in English. Each message id is the name of a variant of `Message`
# (src/i18n/message.rs) in kebab-case; { $name } is one of its fields.

## The documents an error can be about

doc-policy = policy
doc-case = case
doc-request = request
doc-record = record

## The frame of a message

frame-field = field '{ $field }'
frame-key = key '{ $key }' cannot be applied on { $date }

## Reading a document

invalid-type = invalid type: { $found }, expected { $expected }
invalid-value = invalid value: { $found }, expected { $expected }
invalid-length = invalid length { $length }, expected { $expected }
unknown-field = unknown field `{ $field }`, expected { $expected }
missing-field = missing field `{ $field }`
duplicate-field = duplicate field `{ $field }`
unknown-variant = unknown variant `{ $variant }`, expected { $expected }
json-syntax = line { $line }, column { $column }: { $detail }
toml-syntax = line { $line }, column { $column }: { $detail }
document-too-large = is { $bytes } bytes; at most { $max } are accepted
document-empty = is empty
not-a-document = expected an object or a string of TOML/JSON text, found { $found }
not-a-json-number = { $value } is not a number that can be used here
other = { $detail }

found-integer = integer `{ $value }`
found-float = floating point `{ $value }`
found-string = string { $value }
found-boolean = boolean `{ $value }`
found-sequence = sequence
found-map = map
found-null = null
found-unit = unit value
found-other = { $value }

expected-one-of = one of { $names }
expected-a-string = a string
expected-a-boolean = a boolean
expected-a-sequence = a list
expected-u8 = a whole number from 0 to 255
expected-u16 = a whole number from 0 to 65535
expected-u32 = a whole number from 0 to 4294967295
expected-u64 = a whole number of 0 or more
expected-string-or-map = a name
expected-unit-variant = a name
expected-date = a date written as "YYYY-MM-DD"
expected-month = a month written as "YYYY-MM"
expected-amount = an amount written as a string, e.g. "1234.50"
expected-weight = a non-negative weight, e.g. 60 or "33.5"
expected-policy = a policy (a table of municipalities, departments, services, …)
expected-municipality = a municipality (id, name, code)
expected-department = a department (id, name, municipality, sectors)
expected-target = a department or a sector area ({ "{" }department = "…"{ "}" } or { "{" }sector = "…"{ "}" })
expected-legal-basis = a legal basis (text, from, to)
expected-service = a service (id, name, sector, legal_basis, …)
expected-share = a key entry (department or sector, with percent or weight)
expected-key-version = a key version (from, to, kind, shares)
expected-key = a key (id, versions)
expected-age = an age range (min, max)
expected-criteria = eligibility criteria (from, to, min_sector_areas, …)
expected-arrangement = an arrangement (id, grantor, on_behalf_of, sectors, from, to)
expected-scheme = a reimbursement scheme (id, legal_basis, services, levels)
expected-level = a reimbursement level (from, to, tiers)
expected-tier = a tier (above, percent)
expected-year-section = the year section (committees, budget_areas, price_index)
expected-committee = a committee (id, name)
expected-budget-area = a budget area (id, name, committee, departments)
expected-price-index = a price index (year, index)
expected-budget = a budget (budget = [{ "{" }department, year, amount{ "}" }, …])
expected-budget-line = a budget line (department, year, amount)
expected-case = a case (id, child, services, …)
expected-child = the child (birth_date, significant_permanent_disability, handlekommune)
expected-residence = an acting municipality from a date (municipality, from)
expected-parent = a parent or custody holder (id, custody)
expected-consent = a consent period (from, to, by, scope)
expected-other-case = another case of the family (id, sector, department, person, from, to)
expected-service-line = a service line (id, service, amount, per, from, to)
expected-agreement = an agreement (id, service, from, to, kind, shares)
expected-income = an income (id, amount, per, from, to)
expected-validity = a period of validity (from, to)
expected-period = a period (from, to)
expected-request = a request (version, command, policy, case, …)
expected-index = a yearly index (id, name, years)
expected-index-year = an index value (year, value, confirmed, note)

## Values

not-a-date = '{ $text }' is not a date: write it as YYYY-MM-DD, e.g. 2024-01-31
date-year = '{ $text }' is not a date: the year must be between { $min } and { $max }
date-month = '{ $text }' is not a date: the month must be 01 to 12
date-day = '{ $text }' is not a date: { $month } has { $days } days
not-a-month = '{ $text }' is not a month: write it as YYYY-MM, e.g. 2024-06
not-a-number = '{ $text }' is not a number: write it like "1234.50" (a point for decimals, no thousands separators)
amount-too-large = '{ $text }' is too large: amounts may be at most 1000000000000.00 in magnitude
weight-negative = '{ $text }' is negative: weights and percentages must be 0 or more
weight-range = '{ $text }' is out of range: weights may be at most 1000000000000 with at most 10 decimals
bare-decimal = { $text } is written as a bare decimal number: write amounts as strings, e.g. "{ $text }", so no digit is lost
arithmetic-overflow = arithmetic overflow while computing { $what }

## The structure of a policy or a case

duplicate = id '{ $id }' is used twice
unknown-reference = field '{ $field }' names unknown { $what } '{ $id }'
end-before-start = ends ({ $to }) before it starts ({ $from })
overlap = overlaps { $other } (both in force on { $on })
percent-above100 = percentages add up to { $total }, more than 100
unresolvable = field '{ $field }' cannot be resolved in municipality '{ $municipality }': it has no department for sector area '{ $sector }'
target-one-of = name exactly one of 'department' or 'sector'
key-too-many-entries = has { $count } entries; at most { $max } are allowed
key-takes-no = a { $kind } key takes no '{ $field }'
key-needs = a { $kind } key needs a '{ $field }' for every entry
same-target-twice = names the same department or sector twice
sole-at-most-one = a sole key names at most one department
all-weights-zero = all weights are zero (or none given): at least one must be positive
not-a-kommunekode = { $code } is not a kommunekode (1 to 999)
need-municipality = at least one municipality is needed
need-sector = name at least one sector area
sector-taken = municipality '{ $municipality }' already has department '{ $department }' for sector area '{ $sector }'
need-key-version = a key needs at least one version
need-legal-basis = name at least one legal basis
age-min-above-max = min { $min } is above max { $max }
on-behalf-of-itself = a municipality cannot grant on behalf of itself
service-twice = names service '{ $service }' twice
id-empty = an id may not be empty
id-too-long = an id may be at most { $max } characters long; this one has { $length }
name-too-long = a name may be at most { $max } characters long; this one has { $length }
forbidden-character = holds the character { $code } (a control or text-direction character), which an id or name may not hold
id-looks-like = id '{ $id }' looks the same as '{ $other }' (they differ only in Unicode normalisation or invisible characters)
more-overlaps = … and { $count } more overlapping periods (only the first 100 are listed)
sector-twice = names sector area '{ $sector }' twice
municipality-twice = names municipality '{ $municipality }' twice
kommunekode-twice = kommunekode { $code } is already used by municipality '{ $other }'
need-counted-service = name at least one service whose cost counts
need-level = name at least one level of thresholds and rates
not-month-start = { $date } is not a month's first day: levels change per month
not-month-end = { $date } is not a month's last day: levels change per month
tier-count = has { $count } tiers; give 1 to { $max }
not-a-threshold = { $value } is not a threshold: give whole øre, not negative
tier-not-above = { $value } must be above the previous tier's threshold { $previous }
not-a-rate = { $value } is not a rate: give above 0 and at most 100
too-many-entries = has { $count } entries; at most { $max } are allowed
two-municipalities-same-date = two acting municipalities from the same date { $date }
need-handlekommune = name the acting municipality (at least one entry)
department-not-sector = department '{ $department }' does not serve sector area '{ $sector }'
need-service = a case needs at least one service
income-negative = income cannot be negative ({ $amount }); correct the cost lines instead
once-has-to = a one-off amount is paid on one day: leave 'to' out or equal to 'from'
unknown-person = names '{ $person }', who is not among the document's parents
consent-not-custody-holder = '{ $person }' does not hold custody, so cannot give consent
discharge-before-enrolment = the discharge ({ $discharged }) must come after the enrolment ({ $enrolled })
need-quantity = a price per { $per } needs a quantity (the number of hours or units)
quantity-not-taken = an amount per { $per } takes no quantity and no 'every': give 'per = "hour"' or 'per = "unit"' for a price times a quantity
need-base-year = an amount regulated by an index needs the year whose level it is given at (base_year)
need-index = a base year needs the index it is regulated by (index)
index-year-missing = index '{ $index }' has no value for { $year }
index-year-twice = the year { $year } is given twice
index-value-zero = an index value must be above 0
need-index-year = name at least one year with its value

## The request

request-version = contract version { $version } is not supported; this library speaks version { $supported }
case-missing = the case is missing
portfolio-not-in-this-build = this build computes single cases, not the portfolio; the CLI, the service and the packages compute it
previous-case-missing = compare needs the previous version of the case
request-too-large = is { $bytes } bytes; at most { $max } are accepted

## Computing

total-too-large = { $item }: arithmetic overflow: the total would pass { $limit } in magnitude, the most a total may be
compute-overflow = { $item }: arithmetic overflow: amounts and totals must stay within 1000000000000.00 in magnitude
split-too-large = { $item }: the split, with its siblings' splits, has more than { $max_shares } shares (one per department and line, at least one per line), the most an answer built whole may hold; compute a shorter period, or, for a case without siblings or state reimbursement, a split as JSON from the command line (fordeling split), which is written while it is computed and has no such limit
household-too-large = the household has { $cases } cases (the child's case and its siblings' cases); at most { $max_cases } are allowed
portfolio-too-many-shares = the portfolio's splits have more than { $max_shares } shares (one per department and line, at least one per line), the most one portfolio may keep; follow fewer cases at once
portfolio-too-large = the portfolio has { $cases } cases with { $lines } service lines; at most { $max_cases } cases and { $max_lines } service lines may be followed at once
period-too-long = period { $from } to { $to } is { $months } months long; at most { $max } months may be computed at once
period-end-before-start = period ends ({ $to }) before it starts ({ $from })
period-needed = { $item } is open-ended: give the period to compute (from and to), or today's date (`today`) to compute its budget year
no-handlekommune = { $item } is active on { $date }, but the child has no acting municipality (handlekommune) on that date
no-department-for-sector = municipality '{ $municipality }' has no department for sector area '{ $sector }'
key-unknown-department = unknown department
key-all-weights-zero = all weights are zero
other-household = is in household { $household }, case '{ $case }' in household { $case_household }: only children of one household are added together
sibling-twice = is given twice in the household
no-case-given = no case given
recipient-outside = the recipient department is not in municipality '{ $municipality }'; name the recipient by sector area
internal = internal error: { $what }
custody-differs = '{ $person }' is given with other custody than in case '{ $case }': a person holds custody in every case of the household or in none

## The explanation: the household, enrolment, involvement

explain-consent-partial = consent: not given by every custody holder (given by: { $by })
explain-age-at-enrolment = age at enrolment: { $age } years (born { $born }, enrolled { $enrolled }); required { $required }
explain-not-enrolled = age at enrolment: not enrolled (born { $born }); required { $required }
explain-enrolled = enrolled from { $enrolled }
explain-not-enrolled-yet = not enrolled yet (enrolled from { $enrolled })
explain-discharged = discharged on { $discharged }
explain-other-child = met by the household's child in case '{ $case }'
explain-involved-only = restricted to the departments involved in the case
explain-uninvolved = { $department } is not involved in the case: its { $weight } goes to the payer

## The explanation: rates, indexation, reimbursement levels

explain-per-day = { $rate } per day × { $days } days of service
explain-per-week = { $rate } per week × { $days }/7 days of service
explain-hours = { $quantity } hours × { $rate } per hour = { $price }
explain-units = { $quantity } units × { $rate } per unit = { $price }
explain-every-day = per day × { $days } days of service
explain-every-week = per week × { $days }/7 days of service
explain-every-month = per month × { $days }/{ $days_in_month } days
explain-every-year = per year: month { $month } of the service year = { $month_amount } × { $days }/{ $days_in_month } days
explain-indexed = { $base_amount } at { $base_year } level × index { $index_ratio } = { $rate } (rounded to øre)
explain-unconfirmed = (index value not confirmed)
explain-level-basis = legal basis: { $legal_basis }
explain-threshold = threshold { $stated } at { $base_year } level × index { $index_ratio } = { $threshold }
explain-round-to = regulated thresholds are rounded to a multiple of { $round_to }
explain-unconfirmed-level = a figure of this level is not confirmed against its published source

## Reports: explanations, tables, the policy summary (src/i18n/word.rs, `Word`)

report-criteria-none = no eligibility criteria in force on the date
report-criterion-sector-areas = sector areas involved: { $count } ({ $names }); required at least { $required }
report-criterion-consent-not-required = family consent: not required
report-criterion-consent-not-given = family consent: not given
report-criterion-consent-given = family consent: given
report-criterion-consent-given-from = family consent: given from { $from }
report-criterion-disability = significant and permanent disability: { $answer }
report-criterion-disability-not-required = significant and permanent disability: { $answer } (not required)
report-criterion-age = age: { $age } years (born { $born }); required { $min } to { $max } years
report-criterion-age-any = age: { $age } years (born { $born }); any age
report-criterion-not-born = age: not born yet (born { $born })
report-criterion-municipality = acting municipality: { $municipality }; covered: { $covered }
report-criterion-municipality-any = acting municipality: { $municipality }; every municipality is covered
report-criterion-no-municipality = no acting municipality
report-name-criteria-in-force = criteria in force
report-name-sector-areas = sector areas
report-name-consent = consent
report-name-disability = disability
report-name-age = age
report-name-municipality = acting municipality
report-name-age-at-enrolment = age at enrolment
report-name-enrolment = enrolment
report-yes = yes
report-no = no
report-kind-sole = sole
report-kind-percent = percent
report-kind-weights = weights
report-kind-equal = equal
report-reason-agreement-in-force = a case agreement from the joint assessment is in force
report-reason-policy-key = no case agreement in force, so the service's policy key applies
report-reason-not-eligible = the case is not eligible for shared financing, so the payer pays 100 %
report-reason-no-key-version-in-force = no agreement and no version of the policy key in force: the payer pays 100 %
report-reason-no-key = no agreement and no policy key for the service: the payer pays 100 %
report-source-agreement = agreement
report-source-policy = policy key
report-source-sole = sole payer
report-key-with-id = { $source } '{ $id }' ({ $kind }{ $dates }): { $reason }
report-key-without-id = { $source }: { $reason }
report-key-dates = , { $from } – { $to }
report-failed-criteria = criteria not met: { $names }
report-set-aside = agreement '{ $agreement }' is set aside
report-by-arrangement = by the arrangement under which { $grantor } grants for { $on_behalf_of } ('{ $arrangement }')
report-acting-department-for = acting municipality's department for { $sector }
report-named-in-catalogue = named in the service catalogue
report-responsible = { $department } { $name } ({ $municipality }) — { $how }
report-amount-once = one-off amount { $granted }
report-amount-month = { $granted } per month
report-amount-year = { $granted } per year: month { $month } of the service year = { $month_amount }
report-amount-days = { $amount } × { $days }/{ $days_in_month } days
report-amount-rounded-once = exact { $exact }; rounded once to whole øre, half away from zero
report-amount-cumulative = month so far { $so_far } ({ $days_so_far } days) − before { $before } ({ $days_before } days), each rounded to whole øre, half away from zero; exact { $exact }
report-exact = exact { $exact }
report-leftover-ore = + 1 leftover øre
report-heading = Case { $case } — policy { $policy } — period { $from } to { $to }
report-period-budget-year = The case has a service without an end date and no period was given: the period is budget year { $year } (today is { $today }).
report-eligibility-heading = Eligibility for shared financing
report-eligible = eligible
report-not-eligible = not eligible
report-lines-heading = Lines
report-line-heading = { $month } { $line } { $service } ({ $name }) { $from } – { $to }: { $amount } DKK
report-label-amount = amount
report-label-eligibility = eligibility
report-label-legal-basis = legal basis
report-label-authority = authority
report-label-payer = payer
report-label-key = key
report-reimbursement-heading = State reimbursement ({ $basis }) — household: { $cases }
report-reimbursement-month = { $month } { $municipality }: counted { $counted } − income { $income } = base { $base }
report-reimbursement-one-off = of which one-off twelfths { $amount }
report-reimbursement-no-level = no level of thresholds in force: nothing reimbursed
report-reimbursement-tier = { $percent } % of { $portion } above { $monthly } ({ $above } / 12) = { $amount }
report-reimbursement-result = reimbursement = { $amount } (exact { $exact }; rounded once to whole øre, half away from zero)
report-reimbursement-share = { $who } { $amount }{ $leftover }  (weight { $weight })
report-totals-by-department = Totals per department
report-totals-by-municipality = Totals per municipality
report-by-month-and-department = Per month and department
report-month = month
report-total = total
report-gross = gross
report-reimbursement = reimbursement
report-net = net
report-reimbursement-total = Total: gross { $gross }, reimbursement { $reimbursement }, net { $net }
report-state-reimbursement = State reimbursement
report-policy-heading = Policy '{ $name }' { $version }
report-municipalities = Municipalities
report-departments = Departments
report-services = Services
report-keys = Keys
report-criteria = Eligibility criteria
report-arrangements = Arrangements
report-service-summary = authority = { $authority }; payer = { $payer }; key = { $key }; { $basis }
report-by-sector = sector:{ $sector }
report-criteria-summary = { $from }–{ $to }: sector areas >= { $min }, consent { $consent }, disability { $disability }, age { $age }
report-arrangement-summary = { $id }: { $grantor } grants for { $on_behalf_of } ({ $sectors }) { $from }–{ $to }
report-open-start = …
report-open-end = …
report-pf-actual = actual
report-pf-forecast = forecast
report-pf-expected = expected
report-pf-budget = budget
report-pf-deviation = deviation
report-pf-reimbursement = reimbursement
report-pf-net = net
report-pf-nothing-booked = nothing booked yet
report-pf-portfolio = Portfolio
report-pf-cases = cases
report-pf-households = households
report-pf-booked-through = booked through
report-pf-per-department = Per department
report-pf-per-budget-area = Per budget area
report-pf-per-committee = Per committee
report-pf-per-municipality = Per municipality
report-pf-total = total
report-pf-per-month = Per month
report-pf-id = id
report-pf-name = name
report-pf-expected-cost = Expected cost
report-pf-groups = Groups
report-pf-month = month
report-pf-booked = booked
report-pf-gross = gross
report-pf-months = Months
report-pf-pool = Pool
report-pf-held-by = held by
report-pf-opening-balance = opening balance
report-pf-contributions = contributions
report-pf-costs-actual = costs, actual
report-pf-costs-forecast = costs, forecast
report-pf-result-surplus = result (+ surplus)
report-pf-carried-over = carried over
report-pf-settled = settled
report-pf-contribution = contribution
report-pf-settlement = settlement
report-pf-per-case-split = per-case split
report-pf-difference = difference
report-pf-postings = Postings
report-pf-compensation = compensation
report-pf-compensation-heading = Compensation
report-pf-paid-by = paid by
report-pf-costs = costs
report-pf-share = share
report-pf-agreement = agreement
report-pf-enrolled = enrolled
report-pf-line-start = line start
report-pf-follow-up-as-of = Follow-up as of
report-pf-re-assessments-due = Re-assessments due
report-pf-none = none
report-pf-days-overdue = days overdue
report-pf-households-near-a-reimbursement-threshold = Households near a reimbursement threshold
report-pf-baseline-against-actual = Baseline against actual
report-pf-enrolled-cases = enrolled cases
report-pf-year = year
report-pf-baseline = baseline
report-pf-savings = savings
report-pf-yes = yes
report-pf-no = no
report-pf-cost-neutral-in-the-budget-year = Cost neutral in the budget year
report-pf-investment = investment
report-pf-investment-heading = Investment
report-pf-cumulative = cumulative
report-pf-not-reached = not reached
report-pf-break-even-year = Break-even year
# The year: external co-financing and scenarios
report-pf-grant = Grant
report-pf-covers = covers
report-pf-from-day = from
report-pf-to-day = to
report-pf-grant-total = grant's total
report-pf-covered-before = covered before the year
report-pf-covered-actual = covered, actual
report-pf-covered-forecast = covered, forecast
report-pf-left = left after the year
report-pf-grant-part = grant's part
report-pf-own-share = own share
report-pf-grant-income = grant income
report-pf-no-cap = no cap
report-pf-later-years-at-budget-prices = Later years (at the budget year's prices)
report-pf-scenario-changes = Scenario: changes per department and year
report-pf-gross-before = gross before
report-pf-gross-after = gross after
report-pf-gross-change = gross change
report-pf-net-before = net before
report-pf-net-after = net after
report-pf-net-change = net change
report-pf-financed-before = financed before
report-pf-financed-after = financed after
report-pf-financed-change = financed change
report-pf-no-changes = no changes
report-pf-scenario-sheet = Scenario
report-compare-heading = before { $before }  after { $after }
report-department = department
report-before = before
report-after = after
report-difference = difference
report-corrections = corrections

## The command line

cannot-read = cannot read { $path }: { $reason }
cannot-write = cannot write { $what }: { $reason }
file-not-found = the file does not exist
file-permission = no permission to read or write it
file-is-directory = it is a folder, not a file
file-too-large = it is larger than { $max } bytes, the most such a file may have
not-utf8 = not valid UTF-8 text (bad byte at offset { $offset })
workbook-no-policy = the workbook has no policy (no sheet 'departments')
workbook-no-case = the workbook has no case (no sheet 'case')
no-example-case = no example case '{ $case }'; there are: { $names }
xlsx-needs-output = --format xlsx writes a workbook: name the file with --output (-o); it is for split, explain, postings and compare
report-error-prefix = error
report-output = output
report-batch-bad-record = line { $line }: { $problems }
report-batch-counts = cases { $cases }, lines { $lines }, bad records { $bad }
report-batch-department = department { $name } { $amount }
report-batch-municipality = municipality { $name } { $amount }
report-batch-month = month { $name } { $amount }
report-batch-reimbursement = reimbursement { $name } { $amount }
report-batch-household-not-reimbursed = household { $household } not reimbursed: { $problem }
report-batch-reimbursement-total = reimbursement total { $amount }
report-batch-total = total { $amount }
report-batch-progress-records = { $count } records…
report-batch-progress-lines = { $count } lines…
report-batch-column = column '{ $column }': { $problem }
report-batch-empty = is empty
report-batch-field-count = has { $fields } fields; the header has { $width }
report-batch-case-id-empty = the case id is empty
report-batch-case-not-sorted = case '{ $case }' came before, with other cases in between: sort the input by case
report-batch-differs = '{ $value }' differs from '{ $first }' on the case's first row (line { $line })
report-batch-too-many-rows = case '{ $case }' has more than { $max } rows (service lines), the most one case may have: it is not computed and its further rows are skipped
report-batch-not-yes-no = '{ $value }' is not yes/no (true/false, ja/nej, 1/0)
report-batch-not-sector = '{ $value }' is not a sector area
report-batch-per-unknown = '{ $value }' is not month, year, once, day, week, hour or unit
report-batch-scope-unknown = '{ $value }' is not child or household
report-batch-every-unknown = '{ $value }' is not day, week, month, year or once
report-batch-total-at = the batch total, with the case at line { $line }
report-batch-column-item = column '{ $column }'
report-batch-not-utf8-field = column '{ $column }': is not valid UTF-8 text (bad byte at byte { $at } of the field)
report-batch-households-full = the cases with a household id are kept until the end of the run, so that each household's state reimbursement is computed together; this case would take the kept cases past { $max } service lines, the most one run may keep. Split the households over several runs (each household whole in one run)
report-batch-household-child-refused = a child's case (the record at line { $line }) was refused, so the household's cost is incomplete; correct that record and run the household again
report-batch-not-utf8 = is not valid UTF-8 text (bad byte at offset { $at })
report-batch-unclosed-quote = runs from line { $line } to line { $end } with { $fields } fields (the header has { $width }): a quote that is not closed? Reading stops here
report-batch-case-not-computed = (case '{ $case }' is not computed)
report-batch-record-too-long = the record is longer than { $max } bytes (an unclosed quote?); reading stops here
report-batch-cannot-read = cannot be read: { $reason }; reading stops here
report-budget-line = budget line { $line }
report-budget-problem = budget line { $line }, column '{ $column }': { $problem }
report-budget-columns = the budget needs the columns department, year and amount
report-budget-not-a-year = '{ $value }' is not a year
report-batch-amount-hint = write it without a thousands separator, e.g. 1000 or 1000.00
report-batch-amount-comma = '{ $value }' has a comma: { $hint } (a decimal comma is read only in files separated by ';')
report-batch-amount-thousands-or-comma = '{ $value }' has a thousands separator: { $hint }, or 1000,00
report-batch-amount-thousands = '{ $value }' has a thousands separator: { $hint }
report-batch-amount-three-decimals = '{ $value }' looks like a thousands separator (or has three decimals): { $hint }; amounts in CSV have at most two decimals
report-batch-amount-decimals = '{ $value }' has more than two decimals; amounts in CSV have at most two
report-batch-too-long = is longer than { $max } bytes
report-batch-unreadable = cannot be read: { $reason }
report-batch-header-empty = the input is empty: it needs a header line
report-batch-column-twice = the column is named twice
report-batch-unknown-column = unknown column; the columns are { $columns }
report-batch-missing-column = the header lacks this column; required: { $columns }

what-income = income
item-in-month = in { $month }

## Workbook labels

report-sheet-by-department = Per department
report-sheet-by-municipality = Per municipality
report-sheet-by-month = Per month and department
report-sheet-lines = Lines
report-sheet-verdict = Eligibility
report-sheet-refund = Reimbursement
report-sheet-reimbursement-months = Reimbursement per month
report-sheet-department = Department
report-sheet-name = Name
report-sheet-municipality = Municipality
report-sheet-amount = Amount
report-sheet-total = Total
report-sheet-code = Code
report-sheet-month = Month
report-sheet-line = Service line
report-sheet-service = Service
report-sheet-from = From
report-sheet-to = To
report-sheet-key = Key
report-sheet-eligible-col = Shared financing
report-sheet-yes = yes
report-sheet-no = no
report-sheet-criterion = Criterion
report-sheet-passed = Passed
report-sheet-actual = Actual
report-sheet-required = Required
report-sheet-eligible = eligible
report-sheet-not-eligible = not eligible
report-sheet-gross = Gross
report-sheet-net = Net
report-sheet-counted = Counted cost
report-sheet-income = Income
report-sheet-base = Base
report-sheet-postings = Postings
report-sheet-changes = Changes
report-sheet-corrections = Corrections
report-sheet-before = Before
report-sheet-after = After
report-sheet-difference = Difference
report-sheet-explanation = Explanation

## Workbooks

workbook-too-large = the file is larger than { $mb } MB
not-a-workbook = not an .xlsx or .ods workbook (nor .xls)
workbook-damaged-zip = not an .xlsx or .ods workbook (damaged zip)
workbook-too-many-parts = has more than { $max } parts
workbook-unpacked-too-large = is too large once unpacked
workbook-part-too-large = a part of the workbook is too large once unpacked
workbook-part-damaged = cannot be unpacked (damaged, or not the size the zip's directory says)
workbook-too-many-cells = has more than { $max } cells
sheet-missing = sheet missing
ambiguous-name = the name '{ $name }' is the name of more than one ({ $ids }): write the id instead
unknown-column = unknown column '{ $column }' (expected { $expected })
not-yes-no = '{ $text }' is not yes/no (ja/nej)
not-a-whole-number = '{ $text }' is not a whole number
need-policy-row = the row under the header needs the policy's name
need-case-row = the row under the header needs the case
cases-row-no-case = the row names no case (column '{ $column }')
cases-unknown-case = case '{ $case }' is not on the sheet '{ $sheet }'
cases-twice = case '{ $case }' is on the sheet twice
case-in-workbook = { $file }, sheet '{ $sheet }', row { $row }, case '{ $case }'
case-in-workbook-cell = { $file }, sheet '{ $sheet }', row { $row }, column { $column }, case '{ $case }'
cases-need-column = a workbook of many cases needs the column '{ $column }' on this sheet, naming each row's case
workbook-not-written = the workbook cannot be written: { $detail }

# The year: portfolio and budget
unknown-committee = there is no committee '{ $committee }' in the year section
department-in-two-areas = department '{ $department }' is already in budget area '{ $area }'
price-index-zero = a price index must be above 0
price-index-missing = the policy's price index has no year { $year }; give every year from the budget year to the last estimate year
cases-missing = the portfolio needs the cases
year-missing = the portfolio needs the budget year (year)
case-id-twice = case '{ $case }' is given twice in the portfolio

## The ledger: posting exports and audit
grouping-digits = the grouping '{ $grouping }' must be three digits, e.g. 002
separator-invalid = the separator '{ $separator }' cannot be used: not a quote or a line break, and not a comma when amounts have a decimal comma
profile-without-columns = an export profile needs at least one column
profile-unknown = there is no export profile '{ $profile }'; the policy has: { $known }
cpr-in-export = this value looks like a CPR number (DDMMYY-XXXX); a CPR number may never go into an export, so use a case number instead
audit-heading = Decisions on the agreements
audit-agreement = agreement { $agreement } (service line { $line }) from { $from }
audit-decided-by-group = decided by the coordination group
audit-decided-by-role = decided by { $role }
audit-decided-on = on { $date }
audit-journal = journal no. { $journal }
changes-since-heading = Agreements decided since the last report: { $count }
audit-case = case { $case }
# The year: financing models
service-in-two-pools = service '{ $service }' is already in the financing arrangement '{ $pool }'
pool-amount-negative = { $amount } is negative: a pool's amounts must be 0 or more
pool-total-missing = a contribution in per cent needs the pool's total (total)
pool-amount-or-percent = give a contribution either as an amount or as a percent, not both or neither
pool-key-all-zero = the key cannot share anything out: every department's weight is 0
# The year: external co-financing (grants)
grant-ends-before-start = the grant ends on { $ends }, before it starts on { $starts }
grant-amount-negative = { $amount } is negative: a grant's amount must be 0 or more
grant-percent-or-amount = give the share the grant covers (percent), its total (amount), or both
grant-account-not-function = '{ $account }' is not a function of the chart of accounts (D.DD.DD, for example 5.28.21)
# The year: follow-up
reassess-cadence-zero = the re-assessment cadence must be at least 1 month
follow-up-amount-negative = the amount cannot be negative ({ $amount })
baseline-needs-enrolled = a baseline cost needs the date the case was enrolled (enrolled)

## Workbook layout: the template's sheets and columns, values, list prompts and instructions
## (src/contract/xlsx/layout.rs; the reader takes a name in either language)

xlsx-sheet-policy = policy
xlsx-sheet-municipalities = municipalities
xlsx-sheet-departments = departments
xlsx-sheet-services = services
xlsx-sheet-keys = keys
xlsx-sheet-eligibility = eligibility
xlsx-sheet-arrangements = arrangements
xlsx-sheet-reimbursement = reimbursement
xlsx-sheet-indices = indices
xlsx-sheet-case = case
xlsx-col-case = case
xlsx-sheet-case-services = case services
xlsx-sheet-case-agreements = case agreements
xlsx-sheet-case-income = case income
xlsx-sheet-case-other-cases = case other cases
xlsx-sheet-case-parents = case parents
xlsx-sheet-case-consent = case consent
xlsx-sheet-case-baseline = case baseline
xlsx-col-id = id
xlsx-col-name = name
xlsx-col-version = version
xlsx-col-code = code
xlsx-col-municipality = municipality
xlsx-col-sectors = sectors
xlsx-col-sector = sector
xlsx-col-function = function
xlsx-col-kind = kind
xlsx-col-key = key
xlsx-col-authority = authority
xlsx-col-payer = payer
xlsx-col-legal-basis = legal_basis
xlsx-col-legal-basis-from = legal_basis_from
xlsx-col-legal-basis-to = legal_basis_to
xlsx-col-from = from
xlsx-col-to = to
xlsx-col-shares = shares
xlsx-col-min-sector-areas = min_sector_areas
xlsx-col-consent-required = consent_required
xlsx-col-disability-required = disability_required
xlsx-col-age-min = age_min
xlsx-col-age-max = age_max
xlsx-col-municipalities = municipalities
xlsx-col-grantor = grantor
xlsx-col-on-behalf-of = on_behalf_of
xlsx-col-basis = basis
xlsx-col-services = services
xlsx-col-recipient = recipient
xlsx-col-tiers = tiers
xlsx-col-level-legal-basis = level_legal_basis
xlsx-col-index = index
xlsx-col-base-year = base_year
xlsx-col-round-to = round_to
xlsx-col-confirmed = confirmed
xlsx-col-note = note
xlsx-col-year = year
xlsx-col-value = value
xlsx-col-household = household
xlsx-col-birth-date = birth_date
xlsx-col-significant-permanent-disability = significant_permanent_disability
xlsx-col-handlekommune = handlekommune
xlsx-col-enrolled = enrolled
xlsx-col-discharged = discharged
xlsx-col-consent-from = consent_from
xlsx-col-consent-to = consent_to
xlsx-col-service = service
xlsx-col-amount = amount
xlsx-col-per = per
xlsx-col-quantity = quantity
xlsx-col-every = every
xlsx-col-decided-by = decided_by
xlsx-col-decided-on = decided_on
xlsx-col-journal = journal
xlsx-col-person = person
xlsx-col-custody = custody
xlsx-col-by = by
xlsx-col-scope = scope
xlsx-col-department = department
xlsx-value-month = month
xlsx-value-year = year
xlsx-value-once = once
xlsx-value-day = day
xlsx-value-week = week
xlsx-value-hour = hour
xlsx-value-unit = unit
xlsx-value-yes = yes
xlsx-value-no = no
xlsx-value-child = child
xlsx-value-household = household
xlsx-value-children-social = children_social
xlsx-value-daycare-school = daycare_school
xlsx-value-health = health
xlsx-value-employment = employment
xlsx-value-adult = adult
xlsx-value-housing = housing
xlsx-value-sole = sole
xlsx-value-percent = percent
xlsx-value-weights = weights
xlsx-value-equal = equal
xlsx-list-municipality = Choose a municipality by its name from the sheet municipalities (its id is read too).
xlsx-list-key = Choose a key by its name from the sheet keys (its id is read too).
xlsx-list-department = Choose a department by its name from the sheet departments (its id is read too), or write a sector area.
xlsx-list-service = Choose a service by its name from the sheet services (its id is read too).
xlsx-list-line = Choose a line id from the sheet case services.
xlsx-list-parent = Choose a parent's id from the sheet case parents.
xlsx-list-sector = Choose a sector area.
xlsx-list-kind = Choose the kind of key: sole, percent, weights or equal.
xlsx-list-unit = Choose what the amount is per.
xlsx-list-yes-no = Choose yes or no.
xlsx-list-scope = Choose whom the consent covers: this child or the whole household.
xlsx-guide-sheet = Instructions
xlsx-guide-title = How to fill in this workbook
xlsx-guide-intro = Each sheet is a table: the first row names the columns, each further row is one item. Do not rename sheets or columns. Dates as date cells or 31-01-2024; amounts as numbers or 3.400,50.
xlsx-guide-policy = One row: the name and version of the split model.
xlsx-guide-municipalities = One row per municipality: an id of your choice, its name and its municipality number.
xlsx-guide-departments = One row per department: id, name, the municipality's id, and the sector areas it covers separated by ";".
xlsx-guide-services = One row per service in the catalogue: id, name, sector area, account function, key, and who decides and pays. A row repeating the id above adds a legal basis from a later date.
xlsx-guide-keys = One row per key version: id, name, from, to, kind, and shares such as "children_social=60; daycare_school=40".
xlsx-guide-eligibility = The criteria, one row per period: the least number of sector areas, whether consent and disability are required, and the age range.
xlsx-guide-arrangements = Agreements between municipalities: who grants on behalf of whom, for which sector areas and when.
xlsx-guide-reimbursement = State reimbursement: one row per level of thresholds, such as "860000=25; 1680000=50; 2120000=75".
xlsx-guide-indices = Price indices: one row per year.
xlsx-guide-case = One row: the case id, the household, the child's birth date, yes/no for significant and permanent disability, the handlekommune ("ishoj" or "ishoj=2019-05-14; vallensbaek=2022-01-01"), the dates of enrolment and discharge, and the consent's first and last day.
xlsx-guide-case-services = One row per granted service: line id, the service's id, the amount and what it is per (month, year, once, day, week, hour, unit), from and to; for hour and unit also the quantity and how often (every).
xlsx-guide-case-agreements = The split decided at the joint assessment: one row per agreement, on a line id, with its kind and shares.
xlsx-guide-case-income = Income on the case (for example a parents' payment), one row each.
xlsx-guide-case-other-cases = The family's other cases: sector area, department and the parent (person) whose case it is, if it is a parent's.
xlsx-guide-case-parents = The household's parents and custody holders: an id each, and whether they hold custody.
xlsx-guide-case-consent = Consent periods that the case row cannot hold: from, to, who gave it (parents' ids separated by ";") and whom it covers.
xlsx-guide-case-baseline = The cost per department per year before enrolment, if known.
xlsx-guide-values = Columns with a list show their choices when a cell is selected.

## The cover of a result workbook (src/contract/xlsx/write.rs)

report-cover-sheet = Cover
report-cover-title = Split of the cost of a case across departments
report-cover-case = Case
report-cover-household = Household
report-cover-period-from = Period from
report-cover-period-to = Period to
report-cover-policy = Split model (policy)
report-cover-policy-version = Version of the split model
report-cover-calculated-on = Calculated on
report-cover-total = Cost of the case in the period
report-cover-prepared-by = Prepared by
report-cover-approved-by = Approved by
report-cover-signed-on = Date
