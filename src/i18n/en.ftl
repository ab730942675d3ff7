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
expected-consent = a consent period (from, to)
expected-other-case = another case of the family (id, sector, department, from, to)
expected-service-line = a service line (id, service, amount, per, from, to)
expected-agreement = an agreement (id, service, from, to, kind, shares)
expected-income = an income (id, amount, per, from, to)
expected-validity = a period of validity (from, to)
expected-period = a period (from, to)
expected-request = a request (version, command, policy, case, …)

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

## The request

request-version = contract version { $version } is not supported; this library speaks version { $supported }
case-missing = the case is missing
previous-case-missing = compare needs the previous version of the case
request-too-large = is { $bytes } bytes; at most { $max } are accepted

## Computing

total-too-large = { $item }: arithmetic overflow: the total would pass { $limit } in magnitude, the most a total may be
compute-overflow = { $item }: arithmetic overflow: amounts and totals must stay within 1000000000000.00 in magnitude
period-too-long = period { $from } to { $to } is { $months } months long; at most { $max } months may be computed at once
period-end-before-start = period ends ({ $to }) before it starts ({ $from })
period-needed = { $item } is open-ended: give the period to compute (from and to)
no-handlekommune = { $item } is active on { $date }, but the child has no acting municipality (handlekommune) on that date
no-department-for-sector = municipality '{ $municipality }' has no department for sector area '{ $sector }'
key-unknown-department = unknown department
key-all-weights-zero = all weights are zero
siblings-without-scheme = siblings are added together only for state reimbursement, and the policy has no reimbursement scheme
other-household = is in household { $household }, case '{ $case }' in household { $case_household }: only children of one household are added together
sibling-twice = is given twice in the household
no-case-given = no case given
recipient-outside = the recipient department is not in municipality '{ $municipality }'; name the recipient by sector area
internal = internal error: { $what }

# The year: portfolio and budget
unknown-committee = there is no committee '{ $committee }' in the year section
department-in-two-areas = department '{ $department }' is already in budget area '{ $area }'
price-index-zero = a price index must be above 0
price-index-missing = the policy's price index has no year { $year }; give every year from the budget year to the last estimate year
cases-missing = the portfolio needs the cases
year-missing = the portfolio needs the budget year (year)
case-id-twice = case '{ $case }' is given twice in the portfolio

# The year: follow-up
reassess-cadence-zero = the re-assessment cadence must be at least 1 month
follow-up-amount-negative = the amount cannot be negative ({ $amount })
baseline-needs-enrolled = a baseline cost needs the date the case was enrolled (enrolled)
