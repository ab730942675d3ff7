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
