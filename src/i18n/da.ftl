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
what-index = indeks

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
expected-parent = en forælder eller indehaver af forældremyndighed (id, forældremyndighed)
expected-consent = en periode med samtykke (fra, til, givet af, omfang)
expected-other-case = en anden sag i familien (id, sektorområde, afdeling, person, fra, til)
expected-service-line = en bevilget ydelse (id, ydelse, beløb, pr., fra, til)
expected-agreement = en aftale om fordeling (id, ydelse, fra, til, art, andele)
expected-income = en indtægt (id, beløb, pr., fra, til)
expected-validity = en gyldighedsperiode (fra, til)
expected-period = en periode (fra, til)
expected-request = en forespørgsel (version, kommando, fordelingsmodel, sag …)
expected-index = et årligt indeks (id, navn, år)
expected-index-year = en indeksværdi (år, værdi, bekræftet, note)

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
unknown-person = nævner '{ $person }', som ikke er blandt dokumentets forældre
consent-not-custody-holder = '{ $person }' har ikke forældremyndighed og kan derfor ikke give samtykke
discharge-before-enrolment = udskrivningen ({ $discharged }) skal ligge efter indskrivningen ({ $enrolled })
need-quantity = en pris pr. { $per } kræver et antal (antal timer eller enheder)
quantity-not-taken = et beløb pr. { $per } tager hverken antal eller 'every': angiv 'per = "hour"' eller 'per = "unit"' for pris gange antal
need-base-year = et beløb, der reguleres med et indeks, kræver året, hvis niveau det er angivet i (base_year)
need-index = et basisår kræver det indeks, der reguleres med (index)
index-year-missing = indekset '{ $index }' har ingen værdi for { $year }
index-year-twice = året { $year } er angivet to gange
index-value-zero = en indeksværdi skal være over 0
need-index-year = angiv mindst ét år med dets værdi

## Forespørgslen

request-version = kontraktversion { $version } understøttes ikke; dette bibliotek taler version { $supported }
case-missing = sagen mangler
portfolio-not-in-this-build = denne udgave beregner enkelte sager, ikke porteføljen; kommandolinjen, tjenesten og pakkerne beregner den
previous-case-missing = en sammenligning kræver den tidligere version af sagen
request-too-large = fylder { $bytes } byte; højst { $max } modtages

## Beregningen

total-too-large = { $item }: tallet blev for stort: summen ville komme over { $limit }, det største en sum må være
compute-overflow = { $item }: tallet blev for stort: beløb og summer skal holde sig inden for 1000000000000.00
split-too-large = { $item }: fordelingen har sammen med søskendes fordelinger mere end { $max_shares } andele (én andel pr. afdeling pr. linje, mindst én pr. linje); et samlet svar kan højst rumme så mange. Beregn en kortere periode, eller brug for en sag uden søskende og statsrefusion kommandoen fordeling split, der skriver fordelingen som JSON løbende uden denne grænse
household-too-large = husstanden har { $cases } sager (barnets sag og søskendes sager); der må højst være { $max_cases }
portfolio-too-many-shares = porteføljens fordelinger har mere end { $max_shares } andele (én andel pr. afdeling pr. linje, mindst én pr. linje), det højeste én portefølje kan gemme; beregn færre sager ad gangen
portfolio-too-large = porteføljen har { $cases } sager med { $lines } ydelseslinjer; højst { $max_cases } sager og { $max_lines } ydelseslinjer kan beregnes i én portefølje
period-too-long = perioden { $from } til { $to } er { $months } måneder lang; højst { $max } måneder kan beregnes ad gangen
period-end-before-start = perioden slutter ({ $to }) før den begynder ({ $from })
period-needed = { $item } har ingen slutdato: angiv perioden, der skal beregnes (fra og til), eller dags dato (`today`), så beregnes budgetåret
no-handlekommune = { $item } er aktiv { $date }, men barnet har ingen handlekommune på den dato
no-department-for-sector = kommunen '{ $municipality }' har ingen afdeling for { $sector }
key-unknown-department = ukendt afdeling
key-all-weights-zero = alle vægte er 0
other-household = hører til husstanden { $household }, sagen '{ $case }' til husstanden { $case_household }: kun børn i samme husstand lægges sammen
sibling-twice = er angivet to gange i husstanden
no-case-given = ingen sag angivet
recipient-outside = den modtagende afdeling ligger ikke i kommunen '{ $municipality }'; angiv modtageren ved sektorområde
internal = intern fejl: { $what }
custody-differs = '{ $person }' er angivet med en anden forældremyndighed end i sagen '{ $case }': en person har forældremyndighed i alle husstandens sager eller i ingen

## Forklaringen: husstanden, indskrivning, involvering

explain-consent-partial = samtykke: ikke givet af alle med forældremyndighed (givet af: { $by })
explain-age-at-enrolment = alder ved indskrivning: { $age } år (født { $born }, indskrevet { $enrolled }); krav { $required }
explain-not-enrolled = alder ved indskrivning: ikke indskrevet (født { $born }); krav { $required }
explain-enrolled = indskrevet fra { $enrolled }
explain-not-enrolled-yet = ikke indskrevet endnu (indskrives { $enrolled })
explain-discharged = udskrevet { $discharged }
explain-other-child = opfyldt af husstandens barn i sagen '{ $case }'
explain-involved-only = begrænset til de afdelinger, der er involveret i sagen
explain-uninvolved = { $department } er ikke involveret i sagen: dens { $weight } går til betaleren

## Forklaringen: takster, fremskrivning, refusionsniveauer

explain-per-day = { $rate } pr. døgn × { $days } dage med ydelsen
explain-per-week = { $rate } pr. uge × { $days }/7 dage med ydelsen
explain-hours = { $quantity } timer × { $rate } pr. time = { $price }
explain-units = { $quantity } enheder × { $rate } pr. enhed = { $price }
explain-every-day = pr. døgn × { $days } dage med ydelsen
explain-every-week = pr. uge × { $days }/7 dage med ydelsen
explain-every-month = pr. måned × { $days }/{ $days_in_month } dage
explain-every-year = pr. år: måned { $month } i ydelsesåret = { $month_amount } × { $days }/{ $days_in_month } dage
explain-indexed = { $base_amount } i { $base_year }-niveau × indeks { $index_ratio } = { $rate } (afrundet til hele øre)
explain-unconfirmed = (indeksværdien er ikke bekræftet)
explain-level-basis = hjemmel: { $legal_basis }
explain-threshold = grænse { $stated } i { $base_year }-niveau × indeks { $index_ratio } = { $threshold }
explain-round-to = regulerede grænser afrundes til et multiplum af { $round_to }
explain-unconfirmed-level = et tal i dette niveau er ikke bekræftet mod den offentliggjorte kilde

## Rapporter: forklaringer, tabeller, oversigten over en fordelingsmodel (src/i18n/word.rs, `Word`)

sector-housing = bolig
report-criteria-none = ingen visitationskriterier gælder på datoen
report-criterion-sector-areas = involverede sektorområder: { $count } ({ $names }); krav mindst { $required }
report-criterion-consent-not-required = familiens samtykke: ikke krævet
report-criterion-consent-not-given = familiens samtykke: ikke givet
report-criterion-consent-given = familiens samtykke: givet
report-criterion-consent-given-from = familiens samtykke: givet fra { $from }
report-criterion-disability = betydelig og varig funktionsnedsættelse: { $answer }
report-criterion-disability-not-required = betydelig og varig funktionsnedsættelse: { $answer } (ikke krævet)
report-criterion-age = alder: { $age } år (født { $born }); krav { $min } til { $max } år
report-criterion-age-any = alder: { $age } år (født { $born }); ingen aldersgrænse
report-criterion-not-born = alder: endnu ikke født (født { $born })
report-criterion-municipality = handlekommune: { $municipality }; omfattet: { $covered }
report-criterion-municipality-any = handlekommune: { $municipality }; alle kommuner er omfattet
report-criterion-no-municipality = ingen handlekommune
report-name-criteria-in-force = gældende kriterier
report-name-sector-areas = sektorområder
report-name-consent = samtykke
report-name-disability = funktionsnedsættelse
report-name-age = alder
report-name-municipality = handlekommune
report-name-age-at-enrolment = alder ved indskrivning
report-name-enrolment = indskrivning
report-yes = ja
report-no = nej
report-kind-sole = fuld betaling
report-kind-percent = procent
report-kind-weights = vægte
report-kind-equal = ligelig
report-reason-agreement-in-force = en aftale fra den tværfaglige udredning gælder
report-reason-policy-key = ingen aftale gælder, så ydelsens fordelingsnøgle anvendes
report-reason-not-eligible = sagen opfylder ikke kriterierne for fælles finansiering, så den betalingsforpligtede betaler 100 %
report-reason-no-key-version-in-force = ingen aftale og ingen gældende version af fordelingsnøglen: den betalingsforpligtede betaler 100 %
report-reason-no-key = ingen aftale og ingen fordelingsnøgle for ydelsen: den betalingsforpligtede betaler 100 %
report-source-agreement = aftalen
report-source-policy = fordelingsnøglen
report-source-sole = den betalingsforpligtede alene
report-key-with-id = { $source } '{ $id }' ({ $kind }{ $dates }): { $reason }
report-key-without-id = { $source }: { $reason }
report-key-dates = , { $from } – { $to }
report-failed-criteria = kriterier, der ikke er opfyldt: { $names }
report-set-aside = aftalen '{ $agreement }' er sat ud af kraft
report-by-arrangement = efter samarbejdsaftalen, hvor { $grantor } varetager opgaven for { $on_behalf_of } ('{ $arrangement }')
report-acting-department-for = handlekommunens afdeling for { $sector }
report-named-in-catalogue = angivet i ydelseskataloget
report-responsible = { $name } ({ $municipality }) — { $how }
report-amount-once = engangsbeløb { $granted }
report-amount-month = { $granted } pr. måned
report-amount-year = { $granted } pr. år: måned { $month } i ydelsesåret = { $month_amount }
report-amount-days = { $amount } × { $days }/{ $days_in_month } dage
report-amount-rounded-once = præcist { $exact }; afrundet én gang til hele øre (halve øre væk fra nul)
report-amount-cumulative = månedens beløb hidtil { $so_far } ({ $days_so_far } dage) − beløbet før { $before } ({ $days_before } dage), hver afrundet til hele øre (halve øre væk fra nul); præcist { $exact }
report-exact = præcist { $exact }
report-leftover-ore = + 1 afrundingsøre
report-heading = Sag { $case } — fordelingsmodel { $policy } — periode { $from } til { $to }
report-period-budget-year = Sagen har en ydelse uden slutdato, og der er ikke angivet en periode: perioden er budgetåret { $year } (dags dato er { $today }).
report-eligibility-heading = Kriterier for fælles finansiering
report-eligible = opfyldt
report-not-eligible = ikke opfyldt
report-lines-heading = Linjer
report-line-heading = { $month } { $name } (linje { $line }) { $from } – { $to }: { $amount } kr.
report-label-amount = beløb
report-label-eligibility = kriterier
report-label-legal-basis = hjemmel
report-label-authority = visitationskompetence
report-label-payer = betalingsforpligtelse
report-label-key = fordeling
report-reimbursement-heading = Statsrefusion ({ $basis }) — husstand: { $cases }
report-reimbursement-month = { $month } { $municipality }: medregnede udgifter { $counted } − indtægter { $income } = grundlag { $base }
report-reimbursement-one-off = heraf tolvtedele af engangsudgifter { $amount }
report-reimbursement-no-level = ingen gældende tærskler: ingen refusion
report-reimbursement-tier = { $percent } % af { $portion } over { $monthly } ({ $above } / 12) = { $amount }
report-reimbursement-result = refusion = { $amount } (præcist { $exact }; afrundet én gang til hele øre (halve øre væk fra nul))
report-reimbursement-share = { $who } { $amount }{ $leftover }  (vægt { $weight })
report-totals-by-department = I alt pr. afdeling
report-totals-by-municipality = I alt pr. kommune
report-by-month-and-department = Pr. måned og afdeling
report-month = måned
report-total = i alt
report-gross = brutto
report-reimbursement = refusion
report-net = netto
report-reimbursement-total = I alt: brutto { $gross }, refusion { $reimbursement }, netto { $net }
report-state-reimbursement = Statsrefusion
report-policy-heading = Fordelingsmodel '{ $name }' { $version }
report-municipalities = Kommuner
report-departments = Afdelinger
report-services = Ydelser
report-keys = Fordelingsnøgler
report-criteria = Kriterier for fælles finansiering
report-arrangements = Samarbejdsaftaler
report-service-summary = visitation = { $authority }; betaler = { $payer }; fordelingsnøgle = { $key }; { $basis }
report-by-sector = handlekommunens afdeling for { $sector }
report-criteria-summary = { $from }–{ $to }: sektorområder mindst { $min }, samtykke krævet: { $consent }, funktionsnedsættelse krævet: { $disability }, alder { $age }
report-arrangement-summary = { $id }: { $grantor } visiterer for { $on_behalf_of } ({ $sectors }) { $from }–{ $to }
report-open-start = …
report-open-end = …
report-pf-actual = faktisk
report-pf-forecast = prognose
report-pf-expected = forventet
report-pf-budget = budget
report-pf-deviation = afvigelse
report-pf-reimbursement = refusion
report-pf-net = netto
report-pf-nothing-booked = ingen måneder bogført
report-pf-portfolio = Portefølje
report-pf-cases = sager
report-pf-households = husstande
report-pf-booked-through = bogført til og med
report-pf-per-department = Pr. afdeling
report-pf-per-budget-area = Pr. bevillingsområde
report-pf-per-committee = Pr. udvalg
report-pf-per-municipality = Pr. kommune
report-pf-total = i alt
report-pf-per-month = Pr. måned
report-pf-id = id
report-pf-name = navn
report-pf-expected-cost = Forventet udgift
report-pf-groups = Grupper
report-pf-month = måned
report-pf-booked = bogført
report-pf-gross = brutto
report-pf-months = Måneder
report-pf-pool = Pulje
report-pf-held-by = holdes af
report-pf-opening-balance = primosaldo
report-pf-contributions = bidrag
report-pf-costs-actual = udgifter, faktisk
report-pf-costs-forecast = udgifter, prognose
report-pf-result-surplus = resultat (+ overskud)
report-pf-carried-over = overført til næste år
report-pf-settled = afregnet
report-pf-contribution = bidrag
report-pf-settlement = afregning
report-pf-per-case-split = fordeling pr. sag
report-pf-difference = forskel
report-pf-postings = Posteringer
report-pf-compensation = mellemregning
report-pf-compensation-heading = Mellemregning
report-pf-paid-by = betales af
report-pf-costs = udgifter
report-pf-share = andel
report-pf-agreement = aftale
report-pf-enrolled = optaget
report-pf-line-start = bevillingsstart
report-pf-follow-up-as-of = Opfølgning pr.
report-pf-re-assessments-due = Revurderinger der forfalder
report-pf-none = ingen
report-pf-days-overdue = dage over
report-pf-households-near-a-reimbursement-threshold = Husstande nær en refusionsgrænse
report-pf-baseline-against-actual = Baseline over for faktisk
report-pf-enrolled-cases = optagne sager
report-pf-year = år
report-pf-baseline = baseline
report-pf-savings = besparelse
report-pf-yes = ja
report-pf-no = nej
report-pf-cost-neutral-in-the-budget-year = Udgiftsneutralt i budgetåret
report-pf-investment = investering
report-pf-investment-heading = Investering
report-pf-cumulative = akkumuleret
report-pf-not-reached = ikke nået
report-pf-break-even-year = Break-even-år
# Året: ekstern medfinansiering og scenarier
report-pf-grant = Tilskud
report-pf-covers = dækker
report-pf-from-day = fra
report-pf-to-day = til
report-pf-grant-total = tilskuddets samlede beløb
report-pf-covered-before = dækket før året
report-pf-covered-actual = dækket, faktisk
report-pf-covered-forecast = dækket, prognose
report-pf-left = tilbage efter året
report-pf-grant-part = tilskuddets del
report-pf-own-share = egenandel
report-pf-grant-income = tilskudsindtægt
report-pf-no-cap = intet loft
report-pf-later-years-at-budget-prices = De følgende år (i budgetårets priser)
report-pf-scenario-changes = Scenarie: ændringer pr. afdeling og år
report-pf-gross-before = brutto før
report-pf-gross-after = brutto efter
report-pf-gross-change = ændring brutto
report-pf-net-before = netto før
report-pf-net-after = netto efter
report-pf-net-change = ændring netto
report-pf-financed-before = finansieret før
report-pf-financed-after = finansieret efter
report-pf-financed-change = ændring finansieret
report-pf-no-changes = ingen ændringer
report-pf-scenario-sheet = Scenarie
report-compare-heading = før { $before }  efter { $after }
report-department = afdeling
report-before = før
report-after = efter
report-difference = forskel
report-corrections = korrektioner

## Kommandolinjen

cannot-read = kan ikke læse { $path }: { $reason }
cannot-write = kan ikke skrive { $what }: { $reason }
file-not-found = filen findes ikke
file-permission = ingen adgang til at læse eller skrive den
file-is-directory = det er en mappe, ikke en fil
file-too-large = den fylder mere end { $max } byte, det største en sådan fil må fylde
not-utf8 = ikke gyldig UTF-8-tekst (forkert byte ved position { $offset })
workbook-no-policy = regnearket har ingen fordelingsmodel (intet ark 'departments')
workbook-no-case = regnearket har ingen sag (intet ark 'case')
no-example-case = der er intet eksempel '{ $case }'; der er: { $names }
xlsx-needs-output = --format xlsx skriver et regneark: angiv filen med --output (-o); det gælder split, explain, postings og compare
report-error-prefix = fejl
report-output = uddata
report-batch-bad-record = linje { $line }: { $problems }
report-batch-counts = sager { $cases }, linjer { $lines }, fejlbehæftede poster { $bad }
report-batch-department = afdeling { $name } { $amount }
report-batch-municipality = kommune { $name } { $amount }
report-batch-month = måned { $name } { $amount }
report-batch-reimbursement = refusion { $name } { $amount }
report-batch-household-not-reimbursed = husstand { $household } er ikke refunderet: { $problem }
report-batch-reimbursement-total = refusion i alt { $amount }
report-batch-total = i alt { $amount }
report-batch-progress-records = { $count } poster…
report-batch-progress-lines = { $count } linjer…
report-batch-column = kolonne '{ $column }': { $problem }
report-batch-empty = er tom
report-batch-field-count = har { $fields } felter; overskriftslinjen har { $width }
report-batch-case-id-empty = sagens id er tomt
report-batch-case-not-sorted = sag '{ $case }' kom tidligere, med andre sager imellem: sortér inddata efter sag
report-batch-differs = '{ $value }' afviger fra '{ $first }' på sagens første række (linje { $line })
report-batch-too-many-rows = sag '{ $case }' har mere end { $max } rækker (ydelseslinjer), det højeste antal for én sag: den beregnes ikke, og dens øvrige rækker springes over
report-batch-not-yes-no = '{ $value }' er hverken ja eller nej (ja/nej, true/false, 1/0)
report-batch-not-sector = '{ $value }' er ikke et sektorområde
report-batch-per-unknown = '{ $value }' er ikke en af enhederne month (måned), year (år), once (engang), day (døgn), week (uge), hour (time) eller unit (enhed)
report-batch-scope-unknown = '{ $value }' er hverken child (barn) eller household (husstand)
report-batch-every-unknown = '{ $value }' er ikke en af day (døgn), week (uge), month (måned), year (år) eller once (engang)
report-batch-total-at = batchens total, med sagen på linje { $line }
report-batch-column-item = kolonne '{ $column }'
report-batch-not-utf8-field = kolonne '{ $column }': er ikke gyldig UTF-8-tekst (forkert byte ved byte { $at } i feltet)
report-batch-households-full = sager med husstands-id gemmes til kørslens slutning, så husstandens statsrefusion kan beregnes samlet; denne sag ville bringe de gemte sager over { $max } ydelseslinjer, det højeste én kørsel kan gemme. Fordel husstandene på flere kørsler (hver husstand samlet i én kørsel)
report-batch-household-child-refused = et barns sag (posten i linje { $line }) blev afvist, så husstandens udgift er ufuldstændig; ret posten og kør husstanden igen
report-batch-not-utf8 = er ikke gyldig UTF-8-tekst (forkert byte ved position { $at })
report-batch-unclosed-quote = går fra linje { $line } til linje { $end } med { $fields } felter (overskriftslinjen har { $width }): et citationstegn, der ikke er lukket? Læsningen stopper her
report-batch-case-not-computed = (sagen '{ $case }' beregnes ikke)
report-batch-record-too-long = posten er længere end { $max } byte (et citationstegn, der ikke er lukket?); læsningen stopper her
report-batch-cannot-read = kan ikke læses: { $reason }; læsningen stopper her
report-budget-line = budgetlinje { $line }
report-budget-problem = budgetlinje { $line }, kolonne '{ $column }': { $problem }
report-budget-columns = budgettet skal have kolonnerne department, year og amount
report-budget-not-a-year = '{ $value }' er ikke et årstal
report-batch-amount-hint = skriv det uden tusindtalsseparator, fx 1000 eller 1000.00
report-batch-amount-comma = '{ $value }' har et komma: { $hint } (et decimalkomma læses kun i filer adskilt med ';')
report-batch-amount-thousands-or-comma = '{ $value }' har en tusindtalsseparator: { $hint }, eller 1000,00
report-batch-amount-thousands = '{ $value }' har en tusindtalsseparator: { $hint }
report-batch-amount-three-decimals = '{ $value }' ligner en tusindtalsseparator (eller har tre decimaler): { $hint }; beløb i CSV har højst to decimaler
report-batch-amount-decimals = '{ $value }' har mere end to decimaler; beløb i CSV har højst to
report-batch-too-long = er længere end { $max } byte
report-batch-unreadable = kan ikke læses: { $reason }
report-batch-header-empty = inddata er tomme: der skal være en overskriftslinje
report-batch-column-twice = kolonnen er nævnt to gange
report-batch-unknown-column = ukendt kolonne; kolonnerne er { $columns }
report-batch-missing-column = overskriftslinjen mangler denne kolonne; påkrævet: { $columns }

what-income = indtægt
item-in-month = i { $month }

## Regnearkets etiketter

report-sheet-by-department = Pr. afdeling
report-sheet-by-municipality = Pr. kommune
report-sheet-by-month = Pr. måned og afdeling
report-sheet-lines = Linjer
report-sheet-verdict = Kriterier
report-sheet-refund = Refusion
report-sheet-reimbursement-months = Refusion pr. måned
report-sheet-department = Afdeling
report-sheet-name = Navn
report-sheet-municipality = Kommune
report-sheet-amount = Beløb
report-sheet-total = I alt
report-sheet-code = Kode
report-sheet-month = Måned
report-sheet-line = Ydelseslinje
report-sheet-service = Ydelse
report-sheet-from = Fra
report-sheet-to = Til
report-sheet-key = Nøgle
report-sheet-eligible-col = Fælles finansiering
report-sheet-yes = ja
report-sheet-no = nej
report-sheet-criterion = Kriterium
report-sheet-passed = Opfyldt
report-sheet-actual = Faktisk
report-sheet-required = Krav
report-sheet-eligible = opfyldt
report-sheet-not-eligible = ikke opfyldt
report-sheet-gross = Brutto
report-sheet-net = Netto
report-sheet-counted = Tællende udgift
report-sheet-income = Indtægt
report-sheet-base = Grundlag
report-sheet-postings = Posteringer
report-sheet-changes = Ændringer
report-sheet-corrections = Korrektioner
report-sheet-before = Før
report-sheet-after = Efter
report-sheet-difference = Forskel
report-sheet-explanation = Forklaring

## Regneark

workbook-too-large = filen fylder mere end { $mb } MB
not-a-workbook = ikke et .xlsx- eller .ods-regneark (heller ikke .xls)
workbook-damaged-zip = ikke et .xlsx- eller .ods-regneark (beskadiget zip-fil)
workbook-too-many-parts = har mere end { $max } dele
workbook-unpacked-too-large = regnearket er for stort, når det er pakket ud
workbook-part-too-large = en del af regnearket er for stor, når den er pakket ud
workbook-part-damaged = kan ikke pakkes ud (beskadiget, eller ikke den størrelse, zip-filens indholdsfortegnelse angiver)
workbook-too-many-cells = har mere end { $max } celler
sheet-missing = arket mangler
ambiguous-name = navnet '{ $name }' bruges af flere ({ $ids }): skriv id'et i stedet
unknown-column = ukendt kolonne '{ $column }' (forventet { $expected })
not-yes-no = '{ $text }' er ikke ja/nej (yes/no)
not-a-whole-number = '{ $text }' er ikke et helt tal
need-policy-row = rækken under overskriften skal have fordelingsmodellens navn
need-case-row = rækken under overskriften skal have sagen
cases-row-no-case = rækken nævner ingen sag (kolonnen '{ $column }')
cases-unknown-case = sagen '{ $case }' står ikke på arket '{ $sheet }'
cases-twice = sagen '{ $case }' står to gange på arket
case-in-workbook = { $file }, arket '{ $sheet }', række { $row }, sagen '{ $case }'
case-in-workbook-cell = { $file }, arket '{ $sheet }', række { $row }, kolonne { $column }, sagen '{ $case }'
cases-need-column = en projektmappe med mange sager skal have kolonnen '{ $column }' på dette ark, med hver rækkes sag
workbook-not-written = regnearket kan ikke skrives: { $detail }

# Året: portefølje og budget
unknown-committee = der er intet udvalg '{ $committee }' i årsafsnittet
department-in-two-areas = afdelingen '{ $department }' hører allerede til bevillingsområdet '{ $area }'
price-index-zero = et prisindeks skal være over 0
price-index-missing = fordelingsmodellens prisindeks har intet år { $year }; angiv hvert år fra budgetåret til det sidste overslagsår
cases-missing = porteføljen kræver sagerne
year-missing = porteføljen kræver budgetåret (year)
case-id-twice = sagen '{ $case }' er angivet to gange i porteføljen

## Bogføringen: eksport af posteringer og sporbarhed
grouping-digits = grupperingen '{ $grouping }' skal være tre cifre, fx 002
separator-invalid = skilletegnet '{ $separator }' kan ikke bruges: ikke et anførselstegn eller linjeskift, og ikke komma når beløb har decimalkomma
profile-without-columns = en eksportprofil skal have mindst én kolonne
profile-unknown = der er ingen eksportprofil '{ $profile }'; fordelingsmodellen har: { $known }
cpr-in-export = værdien ligner et CPR-nummer (DDMMÅÅ-XXXX); et CPR-nummer må aldrig komme med i en eksport, så brug et sagsnummer i stedet
audit-heading = Beslutninger om aftalerne
audit-agreement = aftale { $agreement } (ydelseslinje { $line }) fra { $from }
audit-decided-by-group = besluttet af koordinationsgruppen
audit-decided-by-role = besluttet af { $role }
audit-decided-on = den { $date }
audit-journal = journalnr. { $journal }
changes-since-heading = Aftaler besluttet siden sidste rapport: { $count }
audit-case = sag { $case }
# Året: finansieringsmodeller
service-in-two-pools = ydelsen '{ $service }' indgår allerede i finansieringsordningen '{ $pool }'
pool-amount-negative = { $amount } er negativ: en puljes beløb skal være 0 eller mere
pool-total-missing = et bidrag i procent kræver puljens samlede beløb (total)
pool-amount-or-percent = angiv et bidrag enten som beløb eller som procent, ikke begge eller ingen af dem
pool-key-all-zero = nøglen kan ikke fordele noget: alle afdelingers vægt er 0
# Året: ekstern medfinansiering (tilskud)
grant-ends-before-start = tilskuddet slutter { $ends }, før det begynder { $starts }
grant-amount-negative = { $amount } er negativ: et tilskuds beløb skal være 0 eller mere
grant-percent-or-amount = angiv den andel, tilskuddet dækker (percent), dets samlede beløb (amount) eller begge
grant-account-not-function = '{ $account }' er ikke en funktion i kontoplanen (D.DD.DD, for eksempel 5.28.21)
# Året: opfølgning
reassess-cadence-zero = intervallet for revurdering skal være mindst 1 måned
follow-up-amount-negative = beløbet kan ikke være negativt ({ $amount })
baseline-needs-enrolled = en udgift før projektet (baseline) kræver datoen, sagen blev optaget i projektet (enrolled)

## Regnearkets skabelon: ark og kolonner, værdier, lister og vejledning
## (src/contract/xlsx/layout.rs; læseren tager navnene på begge sprog)

xlsx-sheet-policy = Fordelingsmodel
xlsx-sheet-municipalities = Kommuner
xlsx-sheet-departments = Afdelinger
xlsx-sheet-services = Ydelser
xlsx-sheet-keys = Fordelingsnøgler
xlsx-sheet-eligibility = Målgruppekriterier
xlsx-sheet-arrangements = Samarbejdsaftaler
xlsx-sheet-reimbursement = Statsrefusion
xlsx-sheet-indices = Indeks
xlsx-sheet-case = Sag
xlsx-col-case = sag
xlsx-sheet-case-services = Sagens ydelser
xlsx-sheet-case-agreements = Sagens aftaler
xlsx-sheet-case-income = Sagens indtægter
xlsx-sheet-case-other-cases = Familiens andre sager
xlsx-sheet-case-parents = Forældre
xlsx-sheet-case-consent = Samtykke
xlsx-sheet-case-baseline = Udgift før projektet
xlsx-col-id = id
xlsx-col-name = navn
xlsx-col-version = version
xlsx-col-code = kommunenummer
xlsx-col-municipality = kommune
xlsx-col-sectors = sektorområder
xlsx-col-sector = sektorområde
xlsx-col-function = funktion
xlsx-col-kind = art
xlsx-col-key = fordelingsnøgle
xlsx-col-authority = myndighed
xlsx-col-payer = betaler
xlsx-col-legal-basis = hjemmel
xlsx-col-legal-basis-from = hjemmel fra
xlsx-col-legal-basis-to = hjemmel til
xlsx-col-from = fra
xlsx-col-to = til
xlsx-col-shares = andele
xlsx-col-min-sector-areas = mindst antal sektorområder
xlsx-col-consent-required = samtykke krævet
xlsx-col-disability-required = funktionsnedsættelse krævet
xlsx-col-age-min = alder fra
xlsx-col-age-max = alder til
xlsx-col-municipalities = kommuner
xlsx-col-grantor = bevilgende kommune
xlsx-col-on-behalf-of = på vegne af
xlsx-col-basis = grundlag
xlsx-col-services = ydelser
xlsx-col-recipient = modtager
xlsx-col-tiers = trin
xlsx-col-level-legal-basis = niveauets hjemmel
xlsx-col-index = indeks
xlsx-col-base-year = basisår
xlsx-col-round-to = afrund til
xlsx-col-confirmed = bekræftet
xlsx-col-note = note
xlsx-col-year = år
xlsx-col-value = værdi
xlsx-col-household = husstand
xlsx-col-birth-date = fødselsdato
xlsx-col-significant-permanent-disability = betydelig og varig funktionsnedsættelse
xlsx-col-handlekommune = handlekommune
xlsx-col-enrolled = optaget
xlsx-col-discharged = udskrevet
xlsx-col-consent-from = samtykke fra
xlsx-col-consent-to = samtykke til
xlsx-col-service = ydelse
xlsx-col-amount = beløb
xlsx-col-per = pr.
xlsx-col-quantity = antal
xlsx-col-every = hver
xlsx-col-decided-by = besluttet af
xlsx-col-decided-on = besluttet den
xlsx-col-journal = journalnummer
xlsx-col-person = person
xlsx-col-custody = forældremyndighed
xlsx-col-by = givet af
xlsx-col-scope = omfatter
xlsx-col-department = afdeling
xlsx-value-month = måned
xlsx-value-year = år
xlsx-value-once = engang
xlsx-value-day = døgn
xlsx-value-week = uge
xlsx-value-hour = time
xlsx-value-unit = enhed
xlsx-value-yes = ja
xlsx-value-no = nej
xlsx-value-child = barn
xlsx-value-household = husstand
xlsx-value-children-social = børne- og familieområdet
xlsx-value-daycare-school = dagtilbud og skole
xlsx-value-health = sundhed
xlsx-value-employment = beskæftigelse
xlsx-value-adult = voksenområdet
xlsx-value-housing = bolig
xlsx-value-sole = fuld betaling
xlsx-value-percent = procent
xlsx-value-weights = vægte
xlsx-value-equal = ligelig
xlsx-list-municipality = Vælg en kommune ved navn fra arket Kommuner (id'et kan også skrives).
xlsx-list-key = Vælg en fordelingsnøgle ved navn fra arket Fordelingsnøgler (id'et kan også skrives).
xlsx-list-department = Vælg en afdeling ved navn fra arket Afdelinger (id'et kan også skrives), eller skriv et sektorområde.
xlsx-list-service = Vælg en ydelse ved navn fra arket Ydelser (id'et kan også skrives).
xlsx-list-line = Vælg en linjes id fra arket Sagens ydelser.
xlsx-list-parent = Vælg en forælders id fra arket Forældre.
xlsx-list-sector = Vælg et sektorområde.
xlsx-list-kind = Vælg nøglens art: sole (én betaler), percent (procent), weights (vægte) eller equal (lige dele).
xlsx-list-unit = Vælg, hvad beløbet gælder pr.
xlsx-list-yes-no = Vælg ja eller nej.
xlsx-list-scope = Vælg, hvem samtykket omfatter: barnet eller hele husstanden.
xlsx-guide-sheet = Vejledning
xlsx-guide-title = Sådan udfylder du regnearket
xlsx-guide-intro = Hvert ark er en tabel: første række navngiver kolonnerne, og hver række derunder er én post. Omdøb ikke ark eller kolonner. Datoer som datoceller eller 31-01-2024; beløb som tal eller 3.400,50.
xlsx-guide-policy = Én række: fordelingsmodellens navn og version.
xlsx-guide-municipalities = Én række pr. kommune: et id, I selv vælger, kommunens navn og kommunenummer.
xlsx-guide-departments = Én række pr. afdeling: id, navn, kommunens id og de sektorområder, afdelingen dækker, adskilt med ";".
xlsx-guide-services = Én række pr. ydelse i kataloget: id, navn, sektorområde, kontoens funktion, fordelingsnøgle, og hvem der er myndighed og betaler. En række, der gentager id'et ovenfor, tilføjer en hjemmel fra en senere dato.
xlsx-guide-keys = Én række pr. version af en fordelingsnøgle: id, navn, fra, til, art og andele som "children_social=60; daycare_school=40".
xlsx-guide-eligibility = Kriterierne for målgruppen, én række pr. periode: mindste antal sektorområder, om samtykke og funktionsnedsættelse kræves, og aldersgrænserne.
xlsx-guide-arrangements = Aftaler mellem kommuner: hvilken kommune bevilger på vegne af hvilken, for hvilke sektorområder og hvornår.
xlsx-guide-reimbursement = Statsrefusion: én række pr. niveau af tærskler, som "860000=25; 1680000=50; 2120000=75".
xlsx-guide-indices = Pris- og lønindeks: én række pr. år.
xlsx-guide-case = Én række: sagens id, husstanden, barnets fødselsdato, ja/nej for betydelig og varig funktionsnedsættelse, handlekommunen ("ishoj" eller "ishoj=2019-05-14; vallensbaek=2022-01-01"), datoerne for optagelse og udskrivning, og samtykkets første og sidste dag.
xlsx-guide-case-services = Én række pr. bevilget ydelse: linjens id, ydelsens id, beløbet og hvad det gælder pr. (måned, år, engang, døgn, uge, time, enhed), fra og til; for time og enhed også antal og hvor ofte (hver).
xlsx-guide-case-agreements = Fordelingen aftalt på det fælles møde: én række pr. aftale om en linje, med nøglens art og andelene.
xlsx-guide-case-income = Indtægter på sagen (fx forældrebetaling), én række hver.
xlsx-guide-case-other-cases = Familiens andre sager: sektorområde, afdeling og den forælder (person), sagen tilhører, hvis det er en forælders.
xlsx-guide-case-parents = Husstandens forældre og indehavere af forældremyndighed: et id hver, og om de har forældremyndigheden.
xlsx-guide-case-consent = Samtykkeperioder, som sagens række ikke kan rumme: fra, til, hvem der gav det (forældrenes id adskilt med ";") og hvem det omfatter.
xlsx-guide-case-baseline = Udgiften pr. afdeling pr. år før optagelse i projektet, hvis den kendes.
xlsx-guide-values = Kolonner med en liste viser valgmulighederne, når en celle vælges.

## Forsiden af et regneark med et resultat (src/contract/xlsx/write.rs)

report-cover-sheet = Forside
report-cover-title = Fordeling af en sags udgifter mellem afdelinger
report-cover-case = Sag
report-cover-household = Husstand
report-cover-period-from = Periode fra
report-cover-period-to = Periode til
report-cover-policy = Fordelingsmodel
report-cover-policy-version = Fordelingsmodellens version
report-cover-calculated-on = Beregnet den
report-cover-total = Sagens udgift i perioden
report-cover-prepared-by = Udarbejdet af
report-cover-approved-by = Godkendt af
report-cover-signed-on = Dato
