"""A seeded, deterministic generator of demo data (metrics-and-goals.md, "Demo data").

``generate(municipalities)`` returns canonical survey responses and initiatives
(the frames described in ``formats``' docstring, without the ``kommun`` name
column) for the survey years 2022 to 2025. The same seed gives byte-identical
frames: every random number comes from one ``numpy.random.default_rng(seed)``,
drawn in a fixed order; nothing depends on the clock or on dict/set order, and
the input is sorted by kommunkod first so that its row order does not matter.

How the data is shaped
----------------------
Every respondent (municipality or civil-society organisation) has a latent
*maturity* that rises over the years::

    maturity(year) = level + speed * growth(year)

and each sector trails it by a persistent lag (0 for the respondent's lead
sector), plus a little yearly noise. A sector's stage is the latent value cut
at ``STAGE_CUTS``. Because level, speed and lags are persistent, stages rarely
fall back from one year to the next (only the small noise can do that), and
the share with "any sector at stage >= 1" is essentially the share whose
maturity has passed the first cut, which is what the yearly targets below
were calibrated against (seed 20221, 290 municipalities: 2024 lands near the
published 91 %).

Size without population. The project has no population data and never
invents it, so "larger municipalities start earlier" uses two stand-ins:
a kommunkod ending in ``80`` is a county's main city (Stockholm 0180,
Uppsala 0380, ... Luleå 2580; the three metropolitan municipalities
Stockholm 0180, Göteborg 1480 and Malmö 1280 get a further lift), and every
municipality gets a latent *capacity* draw (standard normal). Both raise the
starting level, the chance of taking part in Kraftsamling, the number of
civil-society organisations and the AI budget; neither is ever written out as
a number of inhabitants. A main city's own idiosyncratic draw is narrowed
(``_MAIN_CITY_SPREAD``), so no county seat starts with no AI at all, and
main cities seldom skip a survey. Capacity and the idiosyncratic draw are
centred within each county, so chance leaves no county far ahead or behind.
The counties with the metropolitan regions
and Uppsala get a small shift (``_COUNTY_SHIFT``), so the counties with the
largest cities lead and no small county ends up first or at 0 % by chance.

Programme effect (the truth that ``/effekt`` should find)
---------------------------------------------------------
Municipalities enter Kraftsamling in 2024 or 2025 (``_ENTRY_YEARS``): about
a quarter take part, drawn with weights that favour main cities and high
capacity. A participant answers ``deltar_kraftsamling`` = nej before its entry
year and ja from it. From the year *after* entry its latent maturity rises by
``PROGRAMME_EFFECT`` = 0.35 more per year than it would have (``+0.35`` one
year after entry, ``+0.70`` two years after); in the entry year itself
nothing changes. Nothing else differs in the participants' trends, so
parallel trends hold for the latent maturity.

In outcome terms, with the default seed and the 290 municipalities, on the
panel ``/effekt`` estimates from (``TRUE_EFFECT_ONE_YEAR_AFTER`` and
``TRUE_AVERAGE_EFFECT``): one year after entry (the 2024 entrants in 2025)
the effect is +8.4 points of mognadsindex per municipality; averaged over
every participant year from entry on (2024 entrants in 2024 and 2025, 2025
entrants in 2025, where two of the three carry no effect yet) it is +2.9
points. Those are the numbers a staggered difference-in-differences
estimate should cover; ``tests/test_demo.py`` recomputes them by generating
the same data with ``effect=0`` (the same random draws) and taking the
difference. Participation leans towards main cities and high-capacity
municipalities, which were ahead before the programme, so a naive
comparison of participants with the others in 2025 overstates the effect
about fourfold (+12.5 points).

The latent scale is not the outcome's: stages are cuts of it, so a
municipality whose sectors are still below stage 1 gains fewer index points
from the same latent rise than one in the middle. Participants start higher,
so laggards are given a small catch-up (``_CATCH_UP``) that keeps the index
trends of participants and others parallel without the programme; with the
default seed the pre-trend test does not reject and the placebo is near 0.

Decisions
---------
* Non-response: each year 17-23 % of the municipalities (an exact count
  drawn uniformly in that range, so every seed stays inside the 15-25 % the
  spec asks for) send nothing; who is missing is drawn anew each year but
  weighted by a persistent per-municipality tendency. No municipality misses
  more than two of the years (every one answers at least two of four), and
  main cities are rarely among the missing.
* Civil-society organisations get generated names such as "Idrottsföreningen
  Norrsken i Umeå": a category word, a neutral word from nature or the
  village, and the municipality's name; never a person's name. They get no
  organisationsnummer: we do not generate numbers that could belong to real
  organisations. An organisation that would never have answered gets one
  answer in a random year, since the survey only knows organisations that
  answered at least once.
* Initiatives are drawn from the (response, sector) cells at stage >= 1,
  weighted towards higher stages and main cities, so every initiative
  belongs to a response row and its mognad never exceeds its sector's stage.
  Afterwards each response's antal_initiativ / antal_i_drift is raised to at
  least the number of initiatives listed for it. Titles come from a list per
  sector (``_SECTOR_TITLES``, ``_CIVIL_TITLES``) whose technique fits the
  title; only initiatives from pilot upward can have been evaluated, and the
  share evaluated stays near the SKR follow-up (a few per cent, about one
  in a hundred both evaluated and in production).
* Years outside 2022-2025 are allowed; the yearly curves are held at their
  nearest end.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from . import formats, vocab

DEFAULT_SEED = 20221
DEFAULT_YEARS = (2022, 2023, 2024, 2025)
DEMO_SOURCE = "Demodata"

# Internal code for a stage cell left empty (no answer). NOT_APPLICABLE (-1)
# and the stages 0-4 are stored as themselves.
_NO_ANSWER = -2

# Cuts of the latent maturity into stages 1, 2, 3 and 4 (below 0: stage 0).
STAGE_CUTS = np.array([0.0, 0.8, 1.6, 2.7])

# Production-sized counts; scaled by the number of municipalities passed in
# so that a test with a handful of municipalities gets a handful of rows.
_MUNICIPALITY_COUNT = 290
_CIVIL_ORGANISATIONS = 600
_INITIATIVES = 1500

_CURVE_YEARS = (2022, 2023, 2024, 2025)

# The planted programme effect (see the module docstring): extra latent
# maturity per year since entry, from the year after entry on.
PROGRAMME_EFFECT = 0.35
# The effect in mognadsindex points with the default seed (see the docstring).
TRUE_EFFECT_ONE_YEAR_AFTER = 8.4
TRUE_AVERAGE_EFFECT = 2.9
# Entry years of the municipal participants and the share entering in each.
_ENTRY_YEARS = (2024, 2025)
_ENTRY_SHARES = (0.6, 0.4)
_PARTICIPANT_SHARE = 0.25
# Civil society: a small strand that starts in 2025, with no effect planted.
_CIVIL_ENTRY_YEAR = 2025
_CIVIL_PARTICIPANT_SHARE = 0.06

# Who takes part: weights on being a main city and on capacity (selection).
_PARTICIPATION_WEIGHT_MAIN = 1.0
_PARTICIPATION_WEIGHT_CAPACITY = 0.5
# Laggards catch up a little: speed falls with the starting level. Without
# it the stage cuts' floor (sectors still below stage 1 do not move the
# index) makes the index of low starters rise slower than that of the
# (higher) participants, which would break parallel trends in the outcome
# while they hold for the latent maturity.
_CATCH_UP = 0.15
# The three metropolitan municipalities (all three are also county seats).
METROPOLITAN = ("0180", "1280", "1480")
# Narrower own draw for a main city: its level is mostly its size.
_MAIN_CITY_SPREAD = 0.35
_MAIN_CITY_FLOOR = 1.35
# Counties with the metropolitan regions and Uppsala a little ahead.
_COUNTY_SHIFT = {"01": 0.3, "03": 0.15, "12": 0.25, "14": 0.25}


@dataclass(frozen=True)
class DemoData:
    """Canonical frames (see ``formats``), without the ``kommun`` name column."""

    responses: pd.DataFrame
    initiatives: pd.DataFrame


@dataclass(frozen=True)
class _Profile:
    """Calibration of one kind of respondent; curves are per _CURVE_YEARS."""

    typ: str
    level_mean: float  # mean starting maturity in 2022
    level_sd: float  # spread of the idiosyncratic part of the level
    growth: tuple[float, ...]  # mean rise of maturity since 2022
    strategy_ja: tuple[float, ...]
    strategy_pagar: tuple[float, ...]
    guidelines_ja: tuple[float, ...]
    extra_initiatives: float  # initiatives per stage point beyond one per active sector
    trained_base: float  # andel_utbildad_personal in 2022 at level 0
    budget_median_tkr: float
    initiative_weight: float  # how often its cells are picked for the initiative list


# Targets the municipal curves aim at (share with any sector at stage >= 1 /
# >= 3 among those answering a stage): 70/82/91/94 % and 15/25/38/50 %.
_MUNICIPAL = _Profile(
    typ="kommun",
    level_mean=0.57,
    level_sd=0.84,
    growth=(0.0, 0.37, 0.78, 1.0),
    strategy_ja=(0.20, 0.32, 0.44, 0.55),
    strategy_pagar=(0.30, 0.28, 0.25, 0.22),
    guidelines_ja=(0.10, 0.28, 0.45, 0.60),
    extra_initiatives=0.25,
    trained_base=12.0,
    budget_median_tkr=120.0,
    initiative_weight=1.0,
)

# Civil society lags behind: any AI about 30 % -> 55 %, in production about
# 5 % -> 20 % (a wider spread than municipalities: a few are far ahead).
_CIVIL = _Profile(
    typ="civilsamhalle",
    level_mean=-0.80,
    level_sd=1.50,
    growth=(0.0, 0.34, 0.68, 1.02),
    strategy_ja=(0.05, 0.09, 0.14, 0.20),
    strategy_pagar=(0.10, 0.12, 0.14, 0.15),
    guidelines_ja=(0.05, 0.13, 0.22, 0.30),
    extra_initiatives=0.1,
    trained_base=5.0,
    budget_median_tkr=8.0,
    initiative_weight=0.5,
)

# Barriers named most often first; the weights give the ranking.
_BARRIER_WEIGHTS = {
    "kompetens": 0.24,
    "finansiering": 0.19,
    "data": 0.16,
    "juridik": 0.10,
    "teknik": 0.07,
    "ledning": 0.06,
    "upphandling": 0.06,
    "etik": 0.06,
    "sakerhet": 0.06,
}

# Which sectors lead (are furthest ahead) in a municipality, and how far the
# others trail on average: internal administration and citizen services
# first, transport and culture last.
_SECTOR_LEAD_WEIGHT = {
    "vard_omsorg": 1.5,
    "socialtjanst": 0.8,
    "utbildning": 1.5,
    "samhallsbyggnad": 1.0,
    "kollektivtrafik": 0.3,
    "miljo": 0.5,
    "kultur_fritid": 0.3,
    "medborgarservice": 2.0,
    "administration": 2.5,
}
_SECTOR_EXTRA_LAG = {
    "vard_omsorg": 0.0,
    "socialtjanst": 0.2,
    "utbildning": 0.0,
    "samhallsbyggnad": 0.2,
    "kollektivtrafik": 0.6,
    "miljo": 0.4,
    "kultur_fritid": 0.5,
    "medborgarservice": 0.0,
    "administration": 0.0,
}

# Civil society: category -> (share of organisations, name words, sectors
# relevant to it). An organisation answers 2-4 of its relevant sectors.
_CIVIL_CATEGORIES = {
    "idrott": (
        0.30,
        ("Idrottsföreningen", "Sportklubben", "Friluftsföreningen", "Bollklubben"),
        ("kultur_fritid", "utbildning", "administration", "medborgarservice"),
    ),
    "social": (
        0.15,
        ("Stödföreningen", "Gemenskapsföreningen", "Hjälpverksamheten"),
        ("socialtjanst", "vard_omsorg", "medborgarservice", "administration"),
    ),
    "folkbildning": (
        0.10,
        ("Studieförbundet", "Bildningsföreningen", "Folkbildningsföreningen"),
        ("utbildning", "kultur_fritid", "administration", "medborgarservice"),
    ),
    "kultur": (
        0.15,
        ("Kulturföreningen", "Teaterföreningen", "Musikföreningen", "Konstföreningen"),
        ("kultur_fritid", "utbildning", "administration", "medborgarservice"),
    ),
    "intresse": (
        0.15,
        ("Byalaget", "Intresseföreningen", "Miljöföreningen", "Hembygdsföreningen"),
        ("medborgarservice", "administration", "samhallsbyggnad", "miljo", "kollektivtrafik"),
    ),
    "trossamfund": (
        0.07,
        ("Trosgemenskapen", "Församlingsföreningen", "Samfundet"),
        ("socialtjanst", "vard_omsorg", "kultur_fritid", "administration"),
    ),
    "ovrigt": (
        0.08,
        ("Föreningen", "Nätverket", "Kooperativet"),
        ("administration", "medborgarservice", "miljo", "kultur_fritid"),
    ),
}

# Neutral words (nature, places in a village): never persons' names.
_NAME_WORDS = (
    "Norrsken", "Fyren", "Björken", "Ankaret", "Solrosen", "Lärkan", "Eken", "Vågen",
    "Kompassen", "Stjärnan", "Bron", "Granen", "Älven", "Forsen", "Fjället", "Skogsbrynet",
    "Ljuset", "Vinden", "Havsörnen", "Tranan", "Ugglan", "Räven", "Bävern", "Lodjuret",
    "Kastanjen", "Rönnen", "Hägern", "Svalan", "Tallen", "Aspen", "Klövern", "Blåklinten",
    "Midnattssolen", "Polstjärnan", "Horisonten", "Regnbågen", "Gläntan", "Kvarnen",
    "Hamnen", "Torget", "Bryggan", "Mosaiken", "Gemenskapen", "Framtiden", "Nyckeln",
    "Vårdkasen", "Udden", "Näset",
)

# The same techniques as they read inside a sentence.
_TECHNIQUE_IN_TEXT = {
    "sprak_genai": "generativ AI",
    "bildanalys": "bildanalys",
    "prediktion": "prognosmodeller",
    "taligenkanning": "taligenkänning",
    "chattbot": "en chattbot",
    "optimering": "optimeringsverktyg",
    "processautomation": "automatisering",
    "ovrigt": "maskininlärning",
}
_TECHNIQUE_WEIGHT = {
    "sprak_genai": 0.25,
    "bildanalys": 0.08,
    "prediktion": 0.12,
    "taligenkanning": 0.08,
    "chattbot": 0.15,
    "optimering": 0.10,
    "processautomation": 0.15,
    "ovrigt": 0.07,
}
# Initiative titles per sector, each with the technique it names, so that a
# title always fits its sector and its technique. The technique weights
# above pick among a sector's titles (summed over its titles of a technique).
_SECTOR_TITLES = {
    "vard_omsorg": (
        ("taligenkanning", "Taligenkänning för dokumentation i hemtjänsten"),
        ("taligenkanning", "Automatisk transkribering av anteckningar i omsorgen"),
        ("prediktion", "Prognosmodell för fallrisk i särskilt boende"),
        ("prediktion", "Prediktiv analys av behovet av hemtjänstinsatser"),
        ("optimering", "AI-stödd ruttplanering i hemtjänsten"),
        ("optimering", "Optimering av bemanningen i äldreomsorgen"),
        ("sprak_genai", "AI-assistent för sammanfattning av genomförandeplaner"),
        ("processautomation", "Automatiserad hantering av avgiftsbeslut i äldreomsorgen"),
    ),
    "socialtjanst": (
        ("processautomation", "Automatiserad handläggning av ekonomiskt bistånd"),
        ("processautomation", "Automatisering av ansökningar om försörjningsstöd"),
        ("sprak_genai", "AI-assistent för journalföring i socialtjänsten"),
        ("sprak_genai", "Språkmodell för sammanfattning av utredningar"),
        ("taligenkanning", "Automatisk transkribering av samtal i socialtjänsten"),
        ("prediktion", "Prognosmodell för behovet av försörjningsstöd"),
        ("chattbot", "Chattbot för frågor om ekonomiskt bistånd"),
    ),
    "utbildning": (
        ("sprak_genai", "AI-assistent för lärares planering"),
        ("sprak_genai", "Generativ AI som stöd i undervisningen"),
        ("sprak_genai", "Språkmodell för återkoppling på elevtexter"),
        ("optimering", "Optimering av skolskjutsar"),
        ("optimering", "AI-stödd schemaläggning i skolan"),
        ("prediktion", "Prognosmodell för elevantal och skolplacering"),
        ("prediktion", "Prediktiv analys av elevers frånvaro"),
        ("taligenkanning", "Taligenkänning som stöd för elever med läs- och skrivsvårigheter"),
        ("chattbot", "Chattbot för frågor om skolval"),
    ),
    "samhallsbyggnad": (
        ("bildanalys", "Bildanalys av flygfoton för kartuppdatering"),
        ("bildanalys", "Bildigenkänning för granskning av bygglovsritningar"),
        ("chattbot", "Chattbot för bygglovsfrågor"),
        ("sprak_genai", "AI-assistent i detaljplanearbetet"),
        ("processautomation", "Automatiserad registrering av bygglovsansökningar"),
        ("prediktion", "Prognosmodell för bostadsbyggandet"),
    ),
    "kollektivtrafik": (
        ("bildanalys", "Bildanalys av skador på gator och vägar"),
        ("bildanalys", "Bildigenkänning för inventering av vägmärken"),
        ("optimering", "Optimering av snöröjningens rutter"),
        ("optimering", "AI-stödd planering av gatuunderhållet"),
        ("prediktion", "Prognosmodell för trafikflöden"),
        ("prediktion", "Prediktiv analys av underhållsbehov på gatorna"),
    ),
    "miljo": (
        ("prediktion", "Prognosmodell för vattenläckor i ledningsnätet"),
        ("prediktion", "Prediktiv analys av energianvändningen i kommunens fastigheter"),
        ("bildanalys", "Bildanalys för sortering av avfall"),
        ("bildanalys", "Bildanalys av satellitbilder i miljötillsynen"),
        ("optimering", "Optimering av avfallshämtningens rutter"),
        ("optimering", "AI-stödd styrning av ventilation i kommunens lokaler"),
        ("sprak_genai", "AI-assistent för rapporter i miljötillsynen"),
    ),
    "kultur_fritid": (
        ("chattbot", "Chattbot för bibliotekets tjänster"),
        ("chattbot", "Digital assistent för bokning av lokaler och anläggningar"),
        ("sprak_genai", "Generativ AI för evenemangsinformation"),
        ("prediktion", "Prognosmodell för besök i idrottsanläggningar"),
        ("processautomation", "Automatiserad handläggning av föreningsbidrag"),
        ("ovrigt", "Maskininlärning för boktips i bibliotekskatalogen"),
    ),
    "medborgarservice": (
        ("chattbot", "Chattbot i kontaktcenter"),
        ("chattbot", "Digital assistent på kommunens webbplats"),
        ("sprak_genai", "AI-assistent för svar på invånarnas frågor"),
        ("sprak_genai", "Språkmodell för klarspråk i e-tjänster"),
        ("taligenkanning", "Taligenkänning i kommunens växel"),
        ("processautomation", "Automatiserad sortering av felanmälningar"),
    ),
    "administration": (
        ("processautomation", "Automatiserad fakturahantering"),
        ("processautomation", "Automatisering av diarieföringen"),
        ("sprak_genai", "AI-assistent för protokollskrivning"),
        ("sprak_genai", "Generativ AI som stöd i IT-supporten"),
        ("taligenkanning", "Automatisk transkribering av nämndsammanträden"),
        ("prediktion", "Prediktiv analys av budgetutfallet"),
        ("chattbot", "Chattbot för medarbetarnas IT-frågor"),
        ("ovrigt", "Maskininlärning för klassificering av inkommande handlingar"),
    ),
}
# Civil-society organisations' initiatives are of their own kind.
_CIVIL_TITLES = {
    "vard_omsorg": (
        ("sprak_genai", "AI-assistent för planering av besöksverksamheten"),
        ("taligenkanning", "Taligenkänning för anteckningar i besöksverksamheten"),
    ),
    "socialtjanst": (
        ("chattbot", "Chattbot för stödlinjen"),
        ("sprak_genai", "Språkmodell för översättning i stödverksamheten"),
    ),
    "utbildning": (
        ("sprak_genai", "AI-assistent för läxhjälp"),
        ("sprak_genai", "Generativ AI i studiecirklar"),
        ("taligenkanning", "Taligenkänning i språkcaféer"),
    ),
    "samhallsbyggnad": (
        ("bildanalys", "Bildanalys av gamla fotografier för bygdens kartor"),
        ("sprak_genai", "AI-assistent för remissvar"),
    ),
    "kollektivtrafik": (
        ("optimering", "Optimering av samåkning till föreningens aktiviteter"),
    ),
    "miljo": (
        ("bildanalys", "Bildanalys för inventering av arter"),
        ("bildanalys", "Bildigenkänning av fåglar i naturområden"),
    ),
    "kultur_fritid": (
        ("optimering", "AI-stödd planering av träningstider"),
        ("sprak_genai", "Generativ AI för programblad och affischer"),
        ("bildanalys", "Bildanalys för arkivering av föreningens fotografier"),
    ),
    "medborgarservice": (
        ("chattbot", "Chattbot för medlemmarnas frågor"),
        ("sprak_genai", "AI-assistent för utskick till medlemmarna"),
    ),
    "administration": (
        ("sprak_genai", "Generativ AI för bidragsansökningar"),
        ("taligenkanning", "Automatisk transkribering av föreningsmöten"),
        ("processautomation", "Automatiserad medlemsregistrering"),
    ),
}
_BENEFIT_WEIGHT = {
    "tid": 0.38,
    "kvalitet": 0.25,
    "kostnad": 0.12,
    "tillganglighet": 0.15,
    "hallbarhet": 0.06,
    "ovrigt": 0.04,
}
_BENEFIT_GOAL = {
    "tid": "spara tid",
    "kvalitet": "höja kvaliteten",
    "kostnad": "minska kostnaderna",
    "tillganglighet": "göra tjänsterna mer tillgängliga",
    "hallbarhet": "minska klimatpåverkan",
    "ovrigt": "pröva nya arbetssätt",
}
_STAGE_VERB = {1: "planerar att använda", 2: "testar", 3: "använder", 4: "använder i full skala"}

# Share of initiatives whose effect was evaluated, per _CURVE_YEARS (the SKR
# follow-up found very few: 3 of about 300 evaluated and in regular use); how
# much more likely a mature one is evaluated. A planned initiative (stage 1)
# has nothing to evaluate yet.
_EVALUATED = (0.02, 0.03, 0.045, 0.06)
_EVALUATED_BY_STAGE = np.array([0.0, 0.0, 1.0, 1.3, 2.0])


def generate(
    municipalities: pd.DataFrame,
    *,
    seed: int = DEFAULT_SEED,
    years=DEFAULT_YEARS,
    effect: float = PROGRAMME_EFFECT,
) -> DemoData:
    """Demo survey responses and initiatives for ``municipalities``.

    ``municipalities`` has columns ``kommunkod`` (4-digit text), ``name`` and
    ``lan_kod``; 290 rows in production. The same seed and input give
    identical frames. ``effect`` is the planted programme effect (see the
    module docstring); ``effect=0`` gives the same data as if the programme
    had done nothing (the same random draws), which is how the true effect
    in outcome terms is computed.
    """
    ref = _prepare(municipalities)
    years = tuple(int(y) for y in years)
    if not years:
        raise ValueError("at least one survey year is needed")
    rng = np.random.default_rng(seed)

    # Latent draws are standardised (sample mean 0, sd 1) so that the yearly
    # shares track the calibrated targets closely whatever the seed.
    capacity = _standardise(rng.standard_normal(len(ref)))
    municipal = _municipal_panel(rng, ref, capacity, len(years))
    civil = _civil_panel(rng, ref, capacity, len(years))

    blocks = []
    for j, year in enumerate(years):
        # Municipalities first, then civil society: the frame comes out sorted.
        blocks.append(_responses_for_year(rng, municipal, _MUNICIPAL, year, j, effect))
        blocks.append(_responses_for_year(rng, civil, _CIVIL, year, j, 0.0))
    rows = _concat_rows(blocks)

    # About 1,500 initiatives for 290 municipalities over four years.
    scale = len(ref) / _MUNICIPALITY_COUNT * len(years) / len(DEFAULT_YEARS)
    initiatives, listed, listed_prod = _initiatives(rng, rows, ref, scale=scale)
    _raise_counts_to_listed(rows, listed, listed_prod)

    return DemoData(responses=_response_frame(rows), initiatives=initiatives)


# --------------------------------------------------------------------------- input


def _prepare(municipalities: pd.DataFrame) -> pd.DataFrame:
    missing = {"kommunkod", "name", "lan_kod"} - set(municipalities.columns)
    if missing:
        raise ValueError(f"municipalities lacks columns: {sorted(missing)}")
    ref = municipalities[["kommunkod", "name", "lan_kod"]].astype(str)
    ref = ref.sort_values("kommunkod", kind="stable").reset_index(drop=True)
    if not ref["kommunkod"].is_unique:
        raise ValueError("municipalities has repeated kommunkod")
    # The size stand-in (see module docstring): xx80 is a county's main city.
    ref["main_city"] = ref["kommunkod"].str.endswith("80")
    return ref


# --------------------------------------------------------------------------- panels


@dataclass
class _Panel:
    """Persistent traits of one kind of respondent, one entry per respondent."""

    kommunkod: np.ndarray
    organisation: list
    org_kategori: list
    main_city: np.ndarray  # bool (of the home municipality, for civil society)
    entry: np.ndarray  # Kraftsamling entry year, 0 for never
    level: np.ndarray  # latent maturity in 2022
    speed: np.ndarray  # multiplier on the common growth curve
    lags: np.ndarray  # (n, sectors): how far each sector trails the lead
    fixed_cells: np.ndarray  # (n, sectors): NOT_APPLICABLE / _NO_ANSWER if fixed, else 0
    answers: np.ndarray  # (n, years) bool: sends a response that year
    policy_score: np.ndarray  # ranking for ai_strategi
    guideline_score: np.ndarray  # ranking for riktlinjer_genai

    def __len__(self) -> int:
        return len(self.kommunkod)


def _municipal_panel(rng: np.random.Generator, ref: pd.DataFrame, capacity: np.ndarray, n_years: int) -> _Panel:
    n = len(ref)
    main = ref["main_city"].to_numpy()
    metro = ref["kommunkod"].isin(METROPOLITAN).to_numpy()
    county = ref["lan_kod"].map(_COUNTY_SHIFT).fillna(0.0).to_numpy()
    # Within a county, capacity sets who is ahead; a county's average is not
    # left to chance (see _within_county). Civil society keeps the raw draw.
    capacity = _within_county(capacity, ref["lan_kod"].to_numpy())

    # About a quarter took part in Kraftsamling, main cities and capable ones
    # more often; an exact count keeps the share stable across seeds. The
    # entry year is drawn for each participant (staggered entry).
    kraft = np.zeros(n, dtype=bool)
    kraft[_weighted_pick(rng, np.exp(_PARTICIPATION_WEIGHT_MAIN * main + _PARTICIPATION_WEIGHT_CAPACITY * capacity), round(_PARTICIPANT_SHARE * n))] = True
    entry = np.where(kraft, rng.choice(_ENTRY_YEARS, size=n, p=_ENTRY_SHARES), 0)

    idio = (_within_county(rng.standard_normal(n), ref["lan_kod"].to_numpy()) * _MUNICIPAL.level_sd
            * np.where(main, _MAIN_CITY_SPREAD, 1.0))
    level = (_MUNICIPAL.level_mean - 0.3 + 1.0 * main + 0.5 * metro + 0.45 * capacity + county
             + idio)
    # A county seat is never far behind: its level has a floor.
    level = np.where(main, np.maximum(level, _MAIN_CITY_FLOOR), level)
    # Speed does not depend on taking part: the programme's own effect is
    # added year by year (_programme_boost), so that parallel trends hold.
    speed = np.exp(0.3 * _standardise(rng.standard_normal(n))) * np.exp(-_CATCH_UP * _standardise(level))
    lags, lead = _sector_lags(rng, n)
    fixed = np.zeros_like(lags, dtype=np.int64)
    # Transport is run by the region in about a third of municipalities (less
    # often in main cities, which run their own streets and buses); a few
    # other sectors are "not applicable" too, e.g. a shared regional service.
    transport = vocab.sector_codes().index("kollektivtrafik")
    fixed[rng.random(n) < np.where(main, 0.15, 0.35), transport] = vocab.NOT_APPLICABLE
    fixed[rng.random(fixed.shape) < 0.004] = vocab.NOT_APPLICABLE
    fixed[np.arange(n), lead] = 0  # the lead sector is always applicable

    answers = _yearly_nonresponse(rng, rng.standard_normal(n) - 0.3 * capacity - 2.0 * main, n_years)
    return _Panel(
        kommunkod=ref["kommunkod"].to_numpy(dtype=object),
        organisation=[None] * n,
        org_kategori=[None] * n,
        main_city=main,
        entry=entry,
        level=level,
        speed=speed,
        lags=lags,
        fixed_cells=fixed,
        answers=answers,
        policy_score=0.7 * _standardise(level) + 0.3 * kraft + 0.7 * rng.standard_normal(n),
        guideline_score=0.6 * _standardise(level) + 0.8 * rng.standard_normal(n),
    )


def _programme_boost(panel: _Panel, year: int, effect: float) -> np.ndarray:
    """Extra latent maturity from the programme: ``effect`` per year since entry, from the year after."""
    since = np.where(panel.entry > 0, year - panel.entry, 0)
    return effect * np.clip(since, 0, None)


def _civil_panel(rng: np.random.Generator, ref: pd.DataFrame, capacity: np.ndarray, n_years: int) -> _Panel:
    n_orgs = round(_CIVIL_ORGANISATIONS * len(ref) / _MUNICIPALITY_COUNT)
    main = ref["main_city"].to_numpy()
    # More organisations where the municipality is larger (the same stand-ins).
    weight = (1.0 + 3.0 * main) * np.exp(0.5 * capacity)
    per_municipality = rng.multinomial(n_orgs, weight / weight.sum())

    kommunkod, organisation, category, home = [], [], [], []
    combos, combo_p = _name_combinations()
    for i, count in enumerate(per_municipality):
        if count == 0:
            continue
        # Distinct combinations within a municipality: names never repeat there.
        picked = rng.choice(len(combos), size=min(int(count), len(combos)), replace=False, p=combo_p)
        names = sorted((f"{combos[c][1]} {combos[c][2]} i {ref.at[i, 'name']}", combos[c][0]) for c in picked)
        for name, cat in names:
            kommunkod.append(ref.at[i, "kommunkod"])
            organisation.append(name)
            category.append(cat)
            home.append(i)

    n = len(kommunkod)
    home = np.asarray(home, dtype=np.int64)
    level = _CIVIL.level_mean + _standardise(rng.standard_normal(n)) * _CIVIL.level_sd
    speed = np.exp(0.3 * _standardise(rng.standard_normal(n)))
    lags, _ = _sector_lags(rng, n)
    fixed = _civil_relevant_cells(rng, category, lags)

    # About 70 % answer each year, some organisations more reliably than others.
    tendency = rng.standard_normal(n)
    answers = rng.random((n, n_years)) < _logistic(0.9 + 0.8 * tendency)[:, None]
    silent = np.flatnonzero(~answers.any(axis=1))
    answers[silent, rng.integers(0, n_years, len(silent))] = True
    # A few organisations joined Kraftsamling's civil-society strand in 2025.
    entry = np.where(rng.random(n) < _CIVIL_PARTICIPANT_SHARE, _CIVIL_ENTRY_YEAR, 0)

    return _Panel(
        kommunkod=np.asarray(kommunkod, dtype=object),
        organisation=organisation,
        org_kategori=category,
        main_city=main[home],
        entry=entry,
        level=level,
        speed=speed,
        lags=lags,
        fixed_cells=fixed,
        answers=answers,
        policy_score=0.7 * _standardise(level) + 0.7 * rng.standard_normal(n),
        guideline_score=0.6 * _standardise(level) + 0.8 * rng.standard_normal(n),
    )


def _name_combinations() -> tuple[list[tuple[str, str, str]], np.ndarray]:
    """Every (category, name word, neutral word) and its probability."""
    combos, p = [], []
    for cat in vocab.codes("org_kategori"):
        share, prefixes, _ = _CIVIL_CATEGORIES[cat]
        for prefix in prefixes:
            for word in _NAME_WORDS:
                combos.append((cat, prefix, word))
                p.append(share / (len(prefixes) * len(_NAME_WORDS)))
    p = np.asarray(p)
    return combos, p / p.sum()


def _civil_relevant_cells(rng: np.random.Generator, category: list, lags: np.ndarray) -> np.ndarray:
    """Mark the sectors an organisation does not answer; its lead is a relevant one."""
    codes = vocab.sector_codes()
    fixed = np.full(lags.shape, _NO_ANSWER, dtype=np.int64)
    for i, cat in enumerate(category):
        relevant = [codes.index(c) for c in _CIVIL_CATEGORIES[cat][2]]
        k = int(rng.integers(2, min(4, len(relevant)) + 1))
        chosen = rng.choice(relevant, size=k, replace=False)
        fixed[i, chosen] = 0
        # The lead among the answered sectors trails nothing.
        lags[i, chosen[np.argmin(lags[i, chosen])]] = 0.0
    return fixed


def _sector_lags(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Persistent lag of each sector behind the respondent's lead sector."""
    codes = vocab.sector_codes()
    lead_w = np.array([_SECTOR_LEAD_WEIGHT[c] for c in codes])
    extra = np.array([_SECTOR_EXTRA_LAG[c] for c in codes])
    lead = rng.choice(len(codes), size=n, p=lead_w / lead_w.sum())
    lags = rng.exponential(0.9, (n, len(codes))) + extra
    lags[np.arange(n), lead] = 0.0
    return lags, lead


def _yearly_nonresponse(rng: np.random.Generator, tendency: np.ndarray, n_years: int) -> np.ndarray:
    """(n, years) answer mask: 17-23 % missing each year, the same ones often.

    Nobody misses more than two years: with four years, everyone answers at
    least twice (and with fewer years, at least once).
    """
    n = len(tendency)
    answers = np.ones((n, n_years), dtype=bool)
    weight = np.exp(tendency)
    most = max(0, min(2, n_years - 1))
    for j in range(n_years):
        k = round(rng.uniform(0.17, 0.23) * n)
        open_ = (~answers).sum(axis=1) < most
        picked = _weighted_pick(rng, np.where(open_, weight, 0.0), min(k, int(open_.sum())))
        answers[picked, j] = False
    return answers


# --------------------------------------------------------------------------- responses


def _responses_for_year(rng: np.random.Generator, panel: _Panel, profile: _Profile, year: int, j: int,
                        effect: float) -> dict:
    """Column arrays for the respondents in ``panel`` that answer in ``year``."""
    n = len(panel)
    growth = _curve(profile.growth, year)
    maturity = panel.level + panel.speed * growth + _programme_boost(panel, year, effect)
    stages = _stages(rng, panel, maturity)
    any_active = (stages >= 1).any(axis=1)
    antal, antal_drift = _reported_counts(rng, stages, panel.main_city, profile.extra_initiatives)

    trained = np.clip(
        rng.normal(profile.trained_base + 14.0 * panel.speed * growth + 6.0 * panel.level, 9.0), 0.0, 100.0
    )
    budget = np.round(
        np.exp(rng.normal(np.log(profile.budget_median_tkr) + 1.3 * panel.main_city + 0.35 * maturity, 0.7)), -1
    )
    # Most respondents without any AI activity spend nothing on it.
    budget = np.where(~any_active & (rng.random(n) < 0.7), 0.0, budget)

    keep = np.flatnonzero(panel.answers[:, j])

    def missing(p: float) -> np.ndarray:  # item non-response, drawn for everyone
        return rng.random(n) < p

    return {
        "ar": np.full(len(keep), year, dtype=np.int64),
        "typ": [profile.typ] * len(keep),
        "kommunkod": list(panel.kommunkod[keep]),
        "organisation": [panel.organisation[i] for i in keep],
        "organisationsnummer": [None] * len(keep),
        "org_kategori": [panel.org_kategori[i] for i in keep],
        "ai_strategi": _pick(_strategy(panel, profile, year), missing(0.03), keep),
        "riktlinjer_genai": _pick(_guidelines(panel, profile, year), missing(0.04), keep),
        "antal_initiativ": _pick(antal, missing(0.03), keep),
        "antal_i_drift": _pick(antal_drift, missing(0.05), keep),
        "andel_utbildad_personal": _pick([round(float(t), 1) for t in trained], missing(0.08), keep),
        "ai_budget_tkr": _pick([float(b) for b in budget], missing(0.15), keep),
        "hinder": _pick(_barriers(rng, n), missing(0.10), keep),
        "deltar_kraftsamling": [bool(0 < panel.entry[i] <= year) for i in keep],
        "_stages": stages[keep],
        "_main_city": panel.main_city[keep],
        "_weight": np.full(len(keep), profile.initiative_weight),
    }


def _reported_counts(rng: np.random.Generator, stages: np.ndarray, main_city: np.ndarray, extra: float):
    """antal_initiativ and antal_i_drift consistent with the stages.

    One initiative per active sector, one in production per sector at stage
    >= 3, plus more where sectors are mature and in main cities; 0 with no
    sector at stage >= 1, None with no stage answered at all.
    """
    active = stages >= 1
    n_active = active.sum(axis=1)
    n_prod = (stages >= 3).sum(axis=1)
    stage_sum = np.where(active, stages, 0).sum(axis=1)
    antal = n_active + rng.poisson(extra * stage_sum * np.where(main_city, 2.5, 1.0))
    drift = np.minimum(n_prod + rng.poisson(0.3 * n_prod * np.where(main_city, 2.0, 1.0)), antal)
    answered = (stages >= 0).any(axis=1)
    return (
        [int(a) if ok else None for a, ok in zip(antal, answered)],
        [int(d) if ok else None for d, ok in zip(drift, answered)],
    )


def _stages(rng: np.random.Generator, panel: _Panel, maturity: np.ndarray) -> np.ndarray:
    """(n, sectors) int stages: 0-4, NOT_APPLICABLE, or _NO_ANSWER."""
    n, k = panel.lags.shape
    latent = maturity[:, None] - panel.lags + rng.normal(0.0, 0.1, (n, k))
    stages = np.searchsorted(STAGE_CUTS, latent, side="right").astype(np.int64)
    stages = np.where(panel.fixed_cells != 0, panel.fixed_cells, stages)
    # A few cells left empty, and now and then a whole row without stages
    # (only the general questions answered).
    stages[rng.random((n, k)) < 0.03] = _NO_ANSWER
    stages[rng.random(n) < 0.01, :] = _NO_ANSWER
    return stages


def _strategy(panel: _Panel, profile: _Profile, year: int) -> list:
    """nej/pagar/ja as 0/1/2: the best-ranked get ja, the next pagar.

    The ranking is persistent, so a strategy once adopted stays adopted.
    """
    ja = _top_share(panel.policy_score, _curve(profile.strategy_ja, year))
    started = _top_share(panel.policy_score, _curve(profile.strategy_ja, year) + _curve(profile.strategy_pagar, year))
    return [2 if a else 1 if b else 0 for a, b in zip(ja, started)]


def _guidelines(panel: _Panel, profile: _Profile, year: int) -> list:
    return [bool(g) for g in _top_share(panel.guideline_score, _curve(profile.guidelines_ja, year))]


def _barriers(rng: np.random.Generator, n: int) -> list:
    """A tuple of 1-3 barrier codes per respondent, in vocabulary order."""
    codes = vocab.codes("hinder")
    p = np.array([_BARRIER_WEIGHTS[c] for c in codes])
    p = p / p.sum()
    sizes = rng.choice([1, 2, 3], size=n, p=[0.35, 0.4, 0.25])
    out = []
    for size in sizes:
        picked = np.sort(rng.choice(len(codes), size=int(size), replace=False, p=p))
        out.append(tuple(codes[i] for i in picked))
    return out


def _concat_rows(blocks: list[dict]) -> dict:
    """One dict of columns from the yearly blocks (numpy arrays stay arrays)."""
    rows = {}
    for key in blocks[0]:
        parts = [b[key] for b in blocks]
        rows[key] = np.concatenate(parts) if isinstance(parts[0], np.ndarray) else [v for p in parts for v in p]
    return rows


def _raise_counts_to_listed(rows: dict, listed: np.ndarray, listed_prod: np.ndarray) -> None:
    """A response never reports fewer initiatives than the list holds for it."""
    for r in np.flatnonzero(listed):
        if rows["antal_i_drift"][r] is not None:
            rows["antal_i_drift"][r] = max(rows["antal_i_drift"][r], int(listed_prod[r]))
        if rows["antal_initiativ"][r] is not None:
            floor = max(int(listed[r]), rows["antal_i_drift"][r] or 0)
            rows["antal_initiativ"][r] = max(rows["antal_initiativ"][r], floor)


def _response_frame(rows: dict) -> pd.DataFrame:
    columns = [c for c in formats.SURVEY_BASE_COLUMNS if c != "kommun"]
    data = {"ar": pd.Series(rows["ar"], dtype="int64")}
    for column in columns[1:]:
        data[column] = pd.Series(rows[column], dtype=object)
    stages = rows["_stages"]
    for k, column in enumerate(formats.stage_columns()):
        data[column] = pd.Series([None if s == _NO_ANSWER else int(s) for s in stages[:, k]], dtype=object)
    return pd.DataFrame(data)


# --------------------------------------------------------------------------- initiatives


def _initiatives(
    rng: np.random.Generator, rows: dict, ref: pd.DataFrame, *, scale: float
) -> tuple[pd.DataFrame, np.ndarray, np.ndarray]:
    """The initiative list, and per response row how many (and how many in production) it lists."""
    stages = rows["_stages"]
    n_rows = len(stages)
    row_idx, sector_idx = np.nonzero(stages >= 1)  # row-major: sorted by response, then sector
    cell_stage = stages[row_idx, sector_idx]
    # Mature sectors, main cities and municipalities (over civil society)
    # report more initiatives.
    weight = (
        cell_stage.astype(float) ** 1.3
        * np.where(rows["_main_city"][row_idx], 2.0, 1.0)
        * rows["_weight"][row_idx]
    )
    total = round(_INITIATIVES * scale) if len(weight) else 0
    per_cell = rng.multinomial(total, weight / weight.sum()) if total else np.zeros(len(weight), np.int64)

    cell = np.repeat(np.arange(len(weight)), per_cell)
    r = row_idx[cell]
    stage = cell_stage[cell]
    sector = sector_idx[cell]
    mognad = _initiative_stage(rng, stage)
    years = rows["ar"][r]

    codes = vocab.sector_codes()
    typ = [rows["typ"][i] for i in r]
    technique, titel = _titles(rng, sector, typ)
    benefits = _benefits(rng, len(cell))
    evaluated = _evaluated(rng, years, mognad)
    text = [_description(typ[i], technique[i], benefits[i][0], codes[sector[i]], int(mognad[i]))
            for i in range(len(cell))]

    frame = pd.DataFrame(
        {
            "ar": pd.Series(years, dtype="int64"),
            "kommunkod": pd.Series([rows["kommunkod"][i] for i in r], dtype=object),
            "organisation": pd.Series([rows["organisation"][i] for i in r], dtype=object),
            "titel": pd.Series(titel, dtype=object),
            "sektor": pd.Series([codes[s] for s in sector], dtype=object),
            "mognad": pd.Series([int(m) for m in mognad], dtype=object),
            "teknik": pd.Series(technique, dtype=object),
            "beskrivning": pd.Series(text, dtype=object),
            "nytta": pd.Series(benefits, dtype=object),
            "utvarderad": pd.Series(evaluated, dtype=object),
            "samverkan": pd.Series(_partners(rng, [rows["kommunkod"][i] for i in r], ref), dtype=object),
            "kalla": pd.Series([DEMO_SOURCE if x else None for x in rng.random(len(cell)) < 0.6], dtype=object),
        }
    )
    assert tuple(frame.columns) == tuple(c for c in formats.INITIATIVE_COLUMNS if c != "kommun")
    listed = np.bincount(r, minlength=n_rows)
    listed_prod = np.bincount(r[mognad >= 3], minlength=n_rows)
    return frame, listed, listed_prod


def _initiative_stage(rng: np.random.Generator, sector_stage: np.ndarray) -> np.ndarray:
    """1..stage, most often the sector's own stage (the sector is as mature as its best)."""
    out = np.empty(len(sector_stage), dtype=np.int64)
    for i, s in enumerate(sector_stage):
        w = 2.0 ** np.arange(1, s + 1)
        out[i] = 1 + rng.choice(int(s), p=w / w.sum())
    return out


def _titles(rng: np.random.Generator, sector: np.ndarray, typ: list) -> tuple[list, list]:
    """A (technique, title) per initiative from its sector's list, weighted by the technique."""
    codes = vocab.sector_codes()
    techniques, titles = [], []
    pick = rng.random(len(sector))
    for i, s in enumerate(sector):
        table = (_SECTOR_TITLES if typ[i] == "kommun" else _CIVIL_TITLES)[codes[s]]
        w = np.array([_TECHNIQUE_WEIGHT[t] for t, _ in table])
        k = min(int(np.searchsorted(np.cumsum(w / w.sum()), pick[i], side="right")), len(table) - 1)
        techniques.append(table[k][0])
        titles.append(table[k][1])
    return techniques, titles


def _benefits(rng: np.random.Generator, n: int) -> list:
    """A tuple of 1-2 benefit codes, the main one first."""
    codes = vocab.codes("nytta")
    p = np.array([_BENEFIT_WEIGHT[c] for c in codes])
    p = p / p.sum()
    sizes = rng.choice([1, 2], size=n, p=[0.6, 0.4])
    return [tuple(codes[i] for i in rng.choice(len(codes), size=int(k), replace=False, p=p)) for k in sizes]


def _evaluated(rng: np.random.Generator, years: np.ndarray, mognad: np.ndarray) -> list:
    """Few evaluated, more in later years and at higher stages; ~10 % unanswered.

    Within a year the stage factor is normalised, so the yearly share matches
    _EVALUATED whatever the mix of stages.
    """
    p = np.zeros(len(years))
    factor = _EVALUATED_BY_STAGE[mognad]
    for year in np.unique(years):
        mask = years == year
        p[mask] = _curve(_EVALUATED, int(year)) * factor[mask] / factor[mask].mean()
    evaluated = rng.random(len(years)) < np.minimum(p, 0.9)
    unanswered = rng.random(len(years)) < 0.10
    return [None if u else bool(e) for e, u in zip(evaluated, unanswered)]


def _partners(rng: np.random.Generator, kommunkod: list, ref: pd.DataFrame) -> list:
    """About 10 % are joint work with 1-3 other municipalities in the same county."""
    county = dict(zip(ref["kommunkod"], ref["lan_kod"]))
    members: dict[str, list[str]] = {}
    for code, lan in zip(ref["kommunkod"], ref["lan_kod"]):  # ref is sorted: lists are too
        members.setdefault(lan, []).append(code)
    joint = rng.random(len(kommunkod)) < 0.10
    sizes = rng.choice([1, 2, 3], size=len(kommunkod), p=[0.6, 0.3, 0.1])
    out = []
    for code, is_joint, size in zip(kommunkod, joint, sizes):
        others = [c for c in members[county[code]] if c != code]
        if not is_joint or not others:
            out.append(None)
            continue
        picked = rng.choice(len(others), size=min(int(size), len(others)), replace=False)
        out.append(tuple(others[i] for i in sorted(picked)))
    return out


def _description(typ: str, technique: str, benefit: str, sector: str, mognad: int) -> str:
    subject = "Kommunen" if typ == "kommun" else "Föreningen"
    name = next(s.name_sv for s in vocab.sectors() if s.code == sector)
    area = name[0].lower() + name[1:]
    return (
        f"{subject} {_STAGE_VERB[mognad]} {_TECHNIQUE_IN_TEXT[technique]} "
        f"för att {_BENEFIT_GOAL[benefit]} inom {area}."
    )


# --------------------------------------------------------------------------- helpers


def _curve(values: tuple[float, ...], year: int) -> float:
    """A yearly calibration value, held at the nearest end outside 2022-2025."""
    return float(np.interp(year, _CURVE_YEARS, values))


def _top_share(score: np.ndarray, share: float) -> np.ndarray:
    """Mask of the ``share`` best-scored (ties broken by position)."""
    k = round(min(max(share, 0.0), 1.0) * len(score))
    order = np.argsort(-score, kind="stable")
    mask = np.zeros(len(score), dtype=bool)
    mask[order[:k]] = True
    return mask


def _weighted_pick(rng: np.random.Generator, weight: np.ndarray, k: int) -> np.ndarray:
    """k distinct indices, drawn with probability proportional to ``weight``."""
    if k <= 0 or len(weight) == 0:
        return np.zeros(0, dtype=np.int64)
    return rng.choice(len(weight), size=min(k, len(weight)), replace=False, p=weight / weight.sum())


def _pick(values: list, missing: np.ndarray, keep: np.ndarray) -> list:
    """``values`` of the rows in ``keep``, with item non-response as None."""
    return [None if missing[i] else values[i] for i in keep]


def _standardise(x: np.ndarray) -> np.ndarray:
    if len(x) < 2 or x.std() == 0:
        return np.zeros_like(x)
    return (x - x.mean()) / x.std()


def _within_county(x: np.ndarray, county: np.ndarray) -> np.ndarray:
    """``x`` less its county's mean, standardised: chance leaves no county far ahead or behind.

    (A county of one municipality gets 0.) Counties still differ through
    their main cities, participants and ``_COUNTY_SHIFT``.
    """
    centred = x - pd.Series(x).groupby(county).transform("mean").to_numpy()
    return _standardise(centred)


def _logistic(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))
