"""What each metric is: its id, labels, definition, unit and how it is computed.

Declarative and free of the store, so that URL validation (which needs the
list of metric ids) and the computation can both build on it without a circle.
"""

from __future__ import annotations

from dataclasses import dataclass

from adoption.errors import AdoptionError

# A figure about civil-society organisations built from fewer answers than
# this is not shown (it could identify an organisation, and it is noise).
CIVIL_SOCIETY_MIN_N = 3

# A figure built on fewer answers than this is shown, but marked as resting on a small base (its interval
# is wide: 1 of 1 is "0-79 %" to "21-100 %"), and a ranking ("lowest", "highest") leaves it out.
SMALL_BASE_N = 5

# Why a result has no value. The codes are stable; a result carries the code
# and the values its sentence needs, and adoption.text.present words them.
STATUS_OK = "ok"
STATUSES = ("no_data", "no_year", "only_municipalities", "needs_population", "no_answer", "not_applicable",
            "too_few", "no_previous_year")
# Metric families about a change from the year before (the funnel): no value
# in a year whose previous calendar year has no survey.
NEEDS_PREVIOUS_YEAR = ("pilot_to_production", "stalled_pilots")


def too_few(typ: str | None, n: int) -> bool:
    """The registry's suppression: a figure about civil society built on fewer than CIVIL_SOCIETY_MIN_N answers."""
    return typ == "civilsamhalle" and n < CIVIL_SOCIETY_MIN_N


# Groupings a metric can be computed by. "kategori" is the civil-society organisation's category
# (org_kategori; "" when none was given): only families counted from response rows have it, and only
# civil-society organisations are categorised.
GROUPINGS = ("kommun", "lan", "kategori")
NO_CATEGORY = ""
CATEGORY_FAMILIES = ("stage_share", "maturity_index", "answer_share", "stage_distribution", "barrier_shares",
                     "civil_response_rate")
# Families that count who answered: none answering is a figure (0 %), and a count of none identifies nobody.
RATE_FAMILIES = ("response_rate", "civil_response_rate")


def small_base(n: int | None) -> bool:
    """A figure on at least one but fewer than SMALL_BASE_N answers (see SMALL_BASE_N)."""
    return n is not None and 0 < n < SMALL_BASE_N


@dataclass(frozen=True)
class Metric:
    id: str
    label_sv: str
    label_en: str
    unit: str  # share | index | per_10k | distribution
    family: str
    definition_sv: str
    definition_en: str
    threshold: int | None = None
    shape: tuple[tuple[str, object], ...] = ()
    respondent: str | None = None  # a fixed kind of respondent, else the filter's (default kommun)
    municipalities_only: bool = False
    needs_population: bool = False
    uses_sector: bool = True
    interval: str | None = "wilson"  # wilson | mean | None
    higher_is_better: bool = True

    @property
    def by_category(self) -> bool:
        """Whether the metric can be grouped by civil-society category (``by="kategori"``)."""
        return self.family in CATEGORY_FAMILIES

    def label(self, lang: str = "sv") -> str:
        return self.label_en if lang == "en" else self.label_sv

    def definition(self, lang: str = "sv") -> str:
        return self.definition_en if lang == "en" else self.definition_sv


REGISTRY: dict[str, Metric] = {
    m.id: m
    for m in (
        Metric(
            "svarsfrekvens", "Svarsfrekvens", "Response rate", "share", "response_rate",
            "Andel kommuner som har en svarsrad för året.",
            "Share of municipalities with a response row for the year.",
            municipalities_only=True, uses_sector=False,
        ),
        Metric(
            "andel_ai_aktivitet", "Andel med AI-aktivitet (planerad eller mer)",
            "Share with any AI activity (planned or more)", "share", "stage_share",
            "Andel med minst ett verksamhetsområde på nivå Planerad eller högre, av dem som besvarat minst "
            "ett områdes mognad (tomt och ”.” räknas inte).",
            "Share with at least one sector at stage Planned or higher, of those that answered at least one "
            "sector's stage (empty and '.' do not count).",
            threshold=1,
        ),
        Metric(
            "andel_ai_i_drift", "Andel med AI i drift", "Share with AI in production", "share", "stage_share",
            "Andel med minst ett verksamhetsområde på nivå I drift eller högre, av dem som besvarat minst "
            "ett områdes mognad.",
            "Share with at least one sector at stage In production or higher, of those that answered at "
            "least one sector's stage.",
            threshold=3,
        ),
        Metric(
            "andel_skalad", "Andel med utvärderad och spridd AI", "Share with AI evaluated and scaled", "share",
            "stage_share",
            "Andel med minst ett verksamhetsområde på nivå I drift, utvärderad och spridd, av dem som besvarat "
            "minst ett områdes mognad.",
            "Share with at least one sector at stage In production, evaluated and scaled, of those that "
            "answered at least one sector's stage.",
            threshold=4,
        ),
        Metric(
            "mognadsindex", "Mognadsindex", "Maturity index", "index", "maturity_index",
            "Per organisation medelvärdet av mognad / 4 × 100 över besvarade områden; sedan medelvärdet "
            "över organisationerna (0–100).",
            "Per organisation the mean of stage / 4 × 100 over answered sectors; then the mean over "
            "organisations (0-100).",
            interval="mean",
        ),
        Metric(
            "andel_strategi", "Andel med AI-strategi", "Share with an AI strategy", "share", "answer_share",
            "Andel som svarat ja på frågan om AI-strategi, av dem som besvarat frågan.",
            "Share answering yes to having an AI strategy, of those that answered the question.",
            shape=(("question", "ai_strategi"),), uses_sector=False,
        ),
        Metric(
            "andel_riktlinjer", "Andel med riktlinjer för generativ AI", "Share with guidelines for generative AI",
            "share", "answer_share",
            "Andel som svarat ja på frågan om riktlinjer för generativ AI, av dem som besvarat frågan.",
            "Share answering yes to having guidelines for generative AI, of those that answered the question.",
            shape=(("question", "riktlinjer_genai"),), uses_sector=False,
        ),
        Metric(
            "initiativ_per_10k", "AI-initiativ per 10 000 invånare", "AI initiatives per 10,000 inhabitants",
            "per_10k", "initiatives_per_population",
            "Summan av rapporterat antal initiativ delat med summan av befolkningen i de svarande kommunerna, "
            "gånger 10 000. Kräver befolkningsdata.",
            "Reported initiatives summed over responding municipalities, divided by their summed population, "
            "times 10,000. Needs population data.",
            municipalities_only=True, needs_population=True, uses_sector=False, interval=None,
        ),
        Metric(
            "befolkning_i_drift", "Andel av befolkningen i kommun med AI i drift",
            "Share of population in a municipality with AI in production", "share", "population_in_production",
            "Andel av befolkningen i de svarande kommunerna som bor i en kommun med AI i drift. Kräver "
            "befolkningsdata.",
            "Share of the population of responding municipalities that lives in one with AI in production. "
            "Needs population data.",
            threshold=3, municipalities_only=True, needs_population=True, interval=None,
        ),
        Metric(
            "andel_utvarderade", "Andel utvärderade initiativ", "Share of initiatives evaluated", "share",
            "evaluated_share",
            "Andel av de rapporterade initiativen vars effekt har utvärderats, av dem där frågan är besvarad.",
            "Share of reported initiatives whose effect was evaluated, of those where this is known.",
        ),
        Metric(
            "sektor_fordelning", "Mognad per verksamhetsområde", "Stage by sector", "distribution",
            "stage_distribution",
            "Per verksamhetsområde: andel av de svarande på varje mognadsnivå (tomt och ”.” redovisas för sig).",
            "Per sector: share of respondents at each stage (empty and '.' reported separately).",
        ),
        Metric(
            "hinder_topp", "Vanligaste hindren", "Most common barriers", "distribution", "barrier_shares",
            "Andel som nämner varje hinder, av dem som besvarat frågan om hinder.",
            "Share naming each barrier, of those that answered the question on barriers.",
            uses_sector=False,
        ),
        Metric(
            "civil_ai_i_drift", "Civilsamhällesorganisationer med AI i drift",
            "Civil-society organisations with AI in production", "share", "stage_share",
            "Antal och andel civilsamhällesorganisationer med minst ett område på nivå I drift eller högre, "
            "av dem som besvarat minst ett områdes mognad.",
            "Number and share of civil-society organisations with at least one sector at stage In production "
            "or higher, of those that answered at least one sector's stage.",
            threshold=3, respondent="civilsamhalle",
        ),
        Metric(
            "civil_svarsfrekvens", "Svarsfrekvens i civilsamhället", "Response rate in civil society", "share",
            "civil_response_rate",
            "Andel av de civilsamhällesorganisationer som enkäten känner till (de som svarat något av "
            "enkätåren) som svarat året. En organisation räknas till kategorin i årets svar, annars i sitt "
            "senaste svar.",
            "Share of the civil-society organisations the survey knows (those that answered in any survey "
            "year) that answered in the year. An organisation counts in the category of its answer that year, "
            "else of its latest answer.",
            respondent="civilsamhalle", uses_sector=False,
        ),
        Metric(
            "andel_pilot_till_drift", "Andel piloter som nått drift året efter",
            "Share of pilots in production the next year", "share", "pilot_to_production",
            "Av de verksamhetsområden (kommun × område) som var på nivå Pilot året före och besvarades båda "
            "åren: andelen som är på nivå I drift eller högre det valda året.",
            "Of the sectors (municipality × sector) at stage Pilot the year before and answered in both years: "
            "the share at stage In production or higher in the chosen year.",
        ),
        Metric(
            "andel_fastnade_piloter", "Andel fastnade piloter", "Share of stalled pilots", "share",
            "stalled_pilots",
            "Av de verksamhetsområden (kommun × område) som är på nivå Pilot det valda året: andelen som var "
            "på nivå Pilot även vid sitt förra besvarade år och aldrig har nått I drift.",
            "Of the sectors (municipality × sector) at stage Pilot in the chosen year: the share that was at "
            "Pilot at its previous answered year too and has never reached In production.",
            higher_is_better=False,
        ),
    )
}


def get(metric_id: str) -> Metric:
    try:
        return REGISTRY[metric_id]
    except KeyError:
        raise AdoptionError(
            f"Okänt mått ”{metric_id}”. Kända mått: {', '.join(REGISTRY)}."
        ) from None
