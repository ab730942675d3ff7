# fordelings beskeder på dansk. Hver besked hedder som en variant af `Message`
# (src/i18n/message.rs) med bindestreger; { $navn } er et af dens felter.

## De dokumenter, en fejl kan handle om

doc-policy = fordelingsmodel
doc-case = sag
doc-request = forespørgsel
doc-record = post

## Navne, der sættes ind i beskederne

sector-children_social = børne- og familieområdet
sector-daycare_school = dagtilbud og skole
sector-health = sundhed
sector-employment = beskæftigelse
sector-adult = voksenområdet

what-department = afdeling
what-service = ydelse
what-municipality = kommune
what-municipalities = kommune
what-key = fordelingsnøgle
what-grantor = bevilgende kommune
what-service-line = ydelseslinje

kind-sole = fuld betaling
kind-percent = procent
kind-weights = vægte
kind-equal = ligelig

## Rammen om en besked

frame-field = feltet '{ $field }'
frame-key = fordelingsnøglen '{ $key }' kan ikke anvendes { $date }

## Når et dokument læses

invalid-type = forkert type: { $found }, forventet { $expected }
invalid-value = ugyldig værdi: { $found }, forventet { $expected }
invalid-length = forkert antal ({ $length }), forventet { $expected }
unknown-field = ukendt felt `{ $field }`, forventet { $expected }
missing-field = feltet `{ $field }` mangler
duplicate-field = feltet `{ $field }` står to gange
unknown-variant = ukendt værdi `{ $variant }`, forventet { $expected }
json-syntax = linje { $line }, kolonne { $column }: JSON-teksten kan ikke læses ({ $detail })
toml-syntax = linje { $line }, kolonne { $column }: TOML-teksten kan ikke læses ({ $detail })
document-too-large = fylder { $bytes } byte; højst { $max } modtages
document-empty = er tomt
not-a-document = forventede et objekt eller en tekst med TOML/JSON, fandt { $found }
not-a-json-number = { $value } er ikke et tal, der kan bruges her
other = { $detail }

found-integer = heltallet { $value }
found-float = decimaltallet { $value }
found-string = teksten { $value }
found-boolean = sandhedsværdien { $value }
found-sequence = en liste
found-map = en tabel
found-null = ingen værdi (null)
found-unit = ingen værdi
found-other = { $value }

expected-one-of = en af { $names }
expected-a-string = en tekst
expected-a-boolean = ja eller nej (true/false)
expected-a-sequence = en liste
expected-u8 = et helt tal fra 0 til 255
expected-u16 = et helt tal fra 0 til 65535
expected-u32 = et helt tal fra 0 til 4294967295
expected-u64 = et helt tal på 0 eller mere
expected-string-or-map = et navn
expected-unit-variant = et navn
expected-date = en dato skrevet "ÅÅÅÅ-MM-DD"
expected-month = en måned skrevet "ÅÅÅÅ-MM"
expected-amount = et beløb skrevet som tekst, fx "1234.50"
expected-weight = en vægt på 0 eller mere, fx 60 eller "33.5"
expected-policy = en fordelingsmodel (en tabel med kommuner, afdelinger, ydelser …)
expected-municipality = en kommune (id, navn, kommunekode)
expected-department = en afdeling (id, navn, kommune, sektorområder)
expected-target = en afdeling eller et sektorområde ({ "{" }department = "…"{ "}" } eller { "{" }sector = "…"{ "}" })
expected-legal-basis = en lovhjemmel (tekst, fra, til)
expected-service = en ydelse (id, navn, sektorområde, lovhjemmel …)
expected-share = en post i en fordelingsnøgle (afdeling eller sektorområde med procent eller vægt)
expected-key-version = en version af en fordelingsnøgle (fra, til, art, andele)
expected-key = en fordelingsnøgle (id, versioner)
expected-age = et aldersinterval (min, max)
expected-criteria = visitationskriterier (fra, til, mindste antal sektorområder …)
expected-arrangement = en aftale mellem kommuner (id, bevilgende kommune, på vegne af, sektorområder, fra, til)
expected-scheme = en refusionsordning (id, lovhjemmel, ydelser, niveauer)
expected-level = et refusionsniveau (fra, til, trin)
expected-tier = et trin (over, procent)
expected-year-section = årsafsnittet (udvalg, bevillingsområder, prisindeks)
expected-committee = et udvalg (id, navn)
expected-budget-area = et bevillingsområde (id, navn, udvalg, afdelinger)
expected-price-index = et prisindeks (år, indeks)
expected-budget = et budget (budget = [{ "{" }afdeling, år, beløb{ "}" }, …])
expected-budget-line = en budgetlinje (afdeling, år, beløb)
expected-case = en sag (id, barn, ydelser …)
expected-child = barnet (fødselsdato, betydelig og varig funktionsnedsættelse, handlekommune)
expected-residence = en handlekommune fra en dato (kommune, fra)
expected-consent = en periode med samtykke (fra, til)
expected-other-case = en anden sag i familien (id, sektorområde, afdeling, fra, til)
expected-service-line = en bevilget ydelse (id, ydelse, beløb, pr., fra, til)
expected-agreement = en aftale om fordeling (id, ydelse, fra, til, art, andele)
expected-income = en indtægt (id, beløb, pr., fra, til)
expected-validity = en gyldighedsperiode (fra, til)
expected-period = en periode (fra, til)
expected-request = en forespørgsel (version, kommando, fordelingsmodel, sag …)

## Værdier

not-a-date = '{ $text }' er ikke en dato: skriv den som ÅÅÅÅ-MM-DD, fx 2024-01-31
date-year = '{ $text }' er ikke en dato: året skal ligge mellem { $min } og { $max }
date-month = '{ $text }' er ikke en dato: måneden skal være 01 til 12
date-day = '{ $text }' er ikke en dato: { $month } har { $days } dage
not-a-month = '{ $text }' er ikke en måned: skriv den som ÅÅÅÅ-MM, fx 2024-06
not-a-number = '{ $text }' er ikke et tal: skriv det som "1234.50" (punktum før decimaler, ingen tusindtalsseparator)
amount-too-large = '{ $text }' er for stort: beløb må højst være 1000000000000.00 (positivt eller negativt)
weight-negative = '{ $text }' er negativ: vægte og procenter skal være 0 eller mere
weight-range = '{ $text }' er uden for det tilladte: vægte må højst være 1000000000000 med højst 10 decimaler
bare-decimal = { $text } er skrevet som et decimaltal uden anførselstegn: skriv beløb som tekst, fx "{ $text }", så intet ciffer går tabt
arithmetic-overflow = tallet blev for stort under beregningen af { $what }

## En fordelingsmodels eller en sags opbygning

duplicate = id '{ $id }' bruges to gange
unknown-reference = feltet '{ $field }' henviser til en ukendt { $what }: '{ $id }'
end-before-start = slutter ({ $to }) før den begynder ({ $from })
overlap = overlapper { $other } (begge gælder { $on })
percent-above100 = procenterne giver tilsammen { $total }, mere end 100
unresolvable = feltet '{ $field }' kan ikke findes i kommunen '{ $municipality }': den har ingen afdeling for { $sector }
target-one-of = angiv enten 'department' (afdeling) eller 'sector' (sektorområde), ikke begge
key-too-many-entries = har { $count } poster; højst { $max } er tilladt
key-takes-no = en nøgle med { $kind } har ikke '{ $field }'
key-needs = en nøgle med { $kind } skal have '{ $field }' på hver post
same-target-twice = nævner samme afdeling eller sektorområde to gange
sole-at-most-one = en nøgle med fuld betaling nævner højst én afdeling
all-weights-zero = alle vægte er 0 (eller ingen er angivet): mindst én skal være positiv
not-a-kommunekode = { $code } er ikke en kommunekode (1 til 999)
need-municipality = der skal være mindst én kommune
need-sector = angiv mindst ét sektorområde
sector-taken = kommunen '{ $municipality }' har allerede afdelingen '{ $department }' for { $sector }
need-key-version = en fordelingsnøgle skal have mindst én version
need-legal-basis = angiv mindst én lovhjemmel
age-min-above-max = mindstealderen { $min } er over højestealderen { $max }
on-behalf-of-itself = en kommune kan ikke bevilge på vegne af sig selv
service-twice = nævner ydelsen '{ $service }' to gange
id-empty = et id må ikke være tomt
id-too-long = et id må højst have { $max } tegn; dette har { $length }
name-too-long = et navn må højst have { $max } tegn; dette har { $length }
forbidden-character = indeholder tegnet { $code } (et styretegn eller et tegn for skriveretning), som et id eller navn ikke må indeholde
id-looks-like = id'et '{ $id }' ser ud som '{ $other }' (de adskiller sig kun ved Unicode-normalisering eller usynlige tegn)
more-overlaps = … og { $count } perioder mere, der overlapper (kun de første 100 vises)
sector-twice = nævner sektorområdet '{ $sector }' to gange
municipality-twice = nævner kommunen '{ $municipality }' to gange
kommunekode-twice = kommunekoden { $code } bruges allerede af kommunen '{ $other }'
need-counted-service = angiv mindst én ydelse, hvis udgift medregnes
need-level = angiv mindst ét niveau med grænser og satser
not-month-start = { $date } er ikke den første i en måned: niveauer skifter pr. måned
not-month-end = { $date } er ikke den sidste i en måned: niveauer skifter pr. måned
tier-count = har { $count } trin; angiv 1 til { $max }
not-a-threshold = { $value } er ikke en grænse: angiv hele øre, ikke negativ
tier-not-above = { $value } skal ligge over det forrige trins grænse { $previous }
not-a-rate = { $value } er ikke en sats: angiv over 0 og højst 100
too-many-entries = har { $count } poster; højst { $max } er tilladt
two-municipalities-same-date = to handlekommuner fra samme dato { $date }
need-handlekommune = angiv handlekommunen (mindst én)
department-not-sector = afdelingen '{ $department }' dækker ikke { $sector }
need-service = en sag skal have mindst én ydelse
income-negative = en indtægt kan ikke være negativ ({ $amount }); ret udgiftslinjerne i stedet
once-has-to = et engangsbeløb betales på én dag: udelad 'to' eller sæt den lig 'from'

## Forespørgslen

request-version = kontraktversion { $version } understøttes ikke; dette bibliotek taler version { $supported }
case-missing = sagen mangler
previous-case-missing = en sammenligning kræver den tidligere version af sagen
request-too-large = fylder { $bytes } byte; højst { $max } modtages

## Beregningen

total-too-large = { $item }: tallet blev for stort: summen ville komme over { $limit }, det største en sum må være
compute-overflow = { $item }: tallet blev for stort: beløb og summer skal holde sig inden for 1000000000000.00
period-too-long = perioden { $from } til { $to } er { $months } måneder lang; højst { $max } måneder kan beregnes ad gangen
period-end-before-start = perioden slutter ({ $to }) før den begynder ({ $from })
period-needed = { $item } har ingen slutdato: angiv perioden, der skal beregnes (fra og til)
no-handlekommune = { $item } er aktiv { $date }, men barnet har ingen handlekommune på den dato
no-department-for-sector = kommunen '{ $municipality }' har ingen afdeling for { $sector }
key-unknown-department = ukendt afdeling
key-all-weights-zero = alle vægte er 0
siblings-without-scheme = søskende lægges kun sammen for statsrefusion, og fordelingsmodellen har ingen refusionsordning
other-household = hører til husstanden { $household }, sagen '{ $case }' til husstanden { $case_household }: kun børn i samme husstand lægges sammen
sibling-twice = er angivet to gange i husstanden
no-case-given = ingen sag angivet
recipient-outside = den modtagende afdeling ligger ikke i kommunen '{ $municipality }'; angiv modtageren ved sektorområde
internal = intern fejl: { $what }

# Året: portefølje og budget
unknown-committee = der er intet udvalg '{ $committee }' i årsafsnittet
department-in-two-areas = afdelingen '{ $department }' hører allerede til bevillingsområdet '{ $area }'
price-index-zero = et prisindeks skal være over 0
price-index-missing = fordelingsmodellens prisindeks har intet år { $year }; angiv hvert år fra budgetåret til det sidste overslagsår
cases-missing = porteføljen kræver sagerne
year-missing = porteføljen kræver budgetåret (year)
case-id-twice = sagen '{ $case }' er angivet to gange i porteføljen

# Året: opfølgning
reassess-cadence-zero = intervallet for revurdering skal være mindst 1 måned
follow-up-amount-negative = beløbet kan ikke være negativt ({ $amount })
baseline-needs-enrolled = en udgift før projektet (baseline) kræver datoen, sagen blev optaget i projektet (enrolled)
