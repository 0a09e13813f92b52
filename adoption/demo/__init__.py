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
(``municipal._MAIN_CITY_SPREAD``), so no county seat starts with no AI at all, and
main cities seldom skip a survey. Capacity and the idiosyncratic draw are
centred within each county, so chance leaves no county far ahead or behind.
The counties with the metropolitan regions
and Uppsala get a small shift (``municipal._COUNTY_SHIFT``), so the counties with the
largest cities lead and no small county ends up first or at 0 % by chance.

Programme effect (the truth that ``/effekt`` should find)
---------------------------------------------------------
Municipalities enter Kraftsamling in 2024 or 2025 (``municipal._ENTRY_YEARS``): about
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
so laggards are given a small catch-up (``municipal._CATCH_UP``) that keeps the index
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
  sector (``titles.SECTOR_TITLES``, ``titles.CIVIL_TITLES``) whose technique fits the
  title; only initiatives from pilot upward can have been evaluated, and the
  share evaluated stays near the SKR follow-up (a few per cent, about one
  in a hundred both evaluated and in production).
* Years outside 2022-2025 are allowed; the yearly curves are held at their
  nearest end.

Modules
-------
:mod:`.calibration` (the numbers: stage cuts, counts, the two profiles),
:mod:`.draws` (drawing and ranking helpers), :mod:`.panel` (what persists
per respondent), :mod:`.municipal` (municipalities and Kraftsamling),
:mod:`.civil` (civil-society organisations), :mod:`.responses` (each
year's answers), :mod:`.titles` and :mod:`.initiatives` (the initiative
list). ``generate`` below calls them in a fixed order: the order of the
random draws is part of what a seed means.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .calibration import CIVIL, MUNICIPAL, MUNICIPALITY_COUNT, STAGE_CUTS
from .civil import civil_panel
from .draws import standardise
from .initiatives import DEMO_SOURCE, initiative_list
from .municipal import (
    METROPOLITAN,
    PROGRAMME_EFFECT,
    TRUE_AVERAGE_EFFECT,
    TRUE_EFFECT_ONE_YEAR_AFTER,
    municipal_panel,
)
from .responses import (
    concat_rows,
    raise_counts_to_listed,
    response_frame,
    responses_for_year,
)
from .titles import CIVIL_TITLES as _CIVIL_TITLES
from .titles import SECTOR_TITLES as _SECTOR_TITLES

__all__ = [
    "DEFAULT_SEED", "DEFAULT_YEARS", "DEMO_SOURCE", "METROPOLITAN", "PROGRAMME_EFFECT", "STAGE_CUTS",
    "TRUE_AVERAGE_EFFECT", "TRUE_EFFECT_ONE_YEAR_AFTER", "DemoData", "generate",
    # the title lists under the names they had when this package was one module
    "_CIVIL_TITLES", "_SECTOR_TITLES",
]

DEFAULT_SEED = 20221
DEFAULT_YEARS = (2022, 2023, 2024, 2025)


@dataclass(frozen=True)
class DemoData:
    """Canonical frames (see ``formats``), without the ``kommun`` name column."""

    responses: pd.DataFrame
    initiatives: pd.DataFrame


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
    package docstring); ``effect=0`` gives the same data as if the programme
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
    capacity = standardise(rng.standard_normal(len(ref)))
    municipal = municipal_panel(rng, ref, capacity, len(years))
    civil = civil_panel(rng, ref, capacity, len(years))

    blocks = []
    for j, year in enumerate(years):
        # Municipalities first, then civil society: the frame comes out sorted.
        blocks.append(responses_for_year(rng, municipal, MUNICIPAL, year, j, effect))
        blocks.append(responses_for_year(rng, civil, CIVIL, year, j, 0.0))
    rows = concat_rows(blocks)

    # About 1,500 initiatives for 290 municipalities over four years.
    scale = len(ref) / MUNICIPALITY_COUNT * len(years) / len(DEFAULT_YEARS)
    initiatives, listed, listed_prod = initiative_list(rng, rows, ref, scale=scale)
    raise_counts_to_listed(rows, listed, listed_prod)

    return DemoData(responses=response_frame(rows), initiatives=initiatives)


def _prepare(municipalities: pd.DataFrame) -> pd.DataFrame:
    missing = {"kommunkod", "name", "lan_kod"} - set(municipalities.columns)
    if missing:
        raise ValueError(f"municipalities lacks columns: {sorted(missing)}")
    ref = municipalities[["kommunkod", "name", "lan_kod"]].astype(str)
    ref = ref.sort_values("kommunkod", kind="stable").reset_index(drop=True)
    if not ref["kommunkod"].is_unique:
        raise ValueError("municipalities has repeated kommunkod")
    # The size stand-in (see the package docstring): xx80 is a county's main city.
    ref["main_city"] = ref["kommunkod"].str.endswith("80")
    return ref
