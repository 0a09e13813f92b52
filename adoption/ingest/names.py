"""Municipality names and codes to kommunkod (data-formats.md section 8).

Order: the code; the name exactly (case, spaces, hyphens and the affixes
" kommun", " stad", "s kommun", "Region " ignored, but NOT diacritics: Habo
0643 and Håbo 0305 are two municipalities); the name with diacritics folded,
only when that leaves exactly one candidate; then a fuzzy match.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import pandas as pd
from rapidfuzz import fuzz

# Fuzzy matching uses rapidfuzz.fuzz.ratio (plain edit similarity, 0-100) on
# folded, affix-free names. WRatio was tried and rejected: it scores partial
# matches high ("Are" as Gällivare, "Ale" as Salem at 90).
# A match is applied (and listed for a person to confirm) only when the best
# score is at least FUZZY_THRESHOLD and beats the runner-up by FUZZY_MARGIN:
# 90 accepts one wrong or extra letter in names of 5+ letters ("Malmoe" →
# Malmö 91, "Göteborj" → Göteborg 88 is refused), never two short names.
FUZZY_THRESHOLD = 90.0
FUZZY_MARGIN = 8.0
# Candidates at or above this score are named in the error message.
SUGGESTION_THRESHOLD = 60.0
MAX_SUGGESTIONS = 3

_PREFIXES = ("region ",)
_SUFFIXES = (" kommun", " stad")


def _base(text: str) -> str:
    text = unicodedata.normalize("NFC", str(text)).strip().lower()
    return " ".join(text.replace("-", " ").split())


def _squash(text: str) -> str:
    return text.replace(" ", "")


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def variants(text: str) -> list[str]:
    """The name as written and with affixes removed, most literal first (squashed)."""
    name = _base(text)
    found = [name]
    for prefix in _PREFIXES:
        if name.startswith(prefix):
            name = name[len(prefix):].strip()
            found.append(name)
    for suffix in _SUFFIXES:
        if name.endswith(suffix):
            stem = name[: -len(suffix)].strip()
            found.append(stem)
            if stem.endswith("s"):
                found.append(stem[:-1])  # "Gotlands kommun", "Malmös stad"
    out = []
    for v in found:
        s = _squash(v)
        if s and s not in out:
            out.append(s)
    return out


@dataclass(frozen=True)
class NameMatch:
    kommunkod: str | None
    how: str | None  # "code", "exact", "folded", "fuzzy"; None when not found
    score: float
    suggestions: tuple[tuple[str, str, float], ...] = ()  # (kommunkod, name, score)

    @property
    def found(self) -> bool:
        return self.kommunkod is not None


class MunicipalityMatcher:
    """Looks names and codes up in the reference (columns kommunkod, name)."""

    def __init__(self, municipalities: pd.DataFrame) -> None:
        self.names = dict(zip(municipalities["kommunkod"].astype(str), municipalities["name"].astype(str)))
        self._exact: dict[str, set[str]] = {}
        self._folded: dict[str, set[str]] = {}
        for code, name in self.names.items():
            key = _squash(_base(name))
            self._exact.setdefault(key, set()).add(code)
            self._folded.setdefault(_fold(key), set()).add(code)
        self._fuzzy_keys = [(code, _fold(_squash(_base(name)))) for code, name in self.names.items()]

    def label(self, code: str) -> str:
        return f"{self.names.get(code, '?')} ({code})"

    def by_code(self, code: str) -> NameMatch:
        return NameMatch(code, "code", 100.0) if code in self.names else NameMatch(None, None, 0.0)

    def match(self, text: str) -> NameMatch:
        raw = str(text).strip()
        if re.fullmatch(r"\d{1,4}", raw):
            return self.by_code(raw.zfill(4))
        keys = variants(raw)
        for key in keys:
            codes = self._exact.get(key, set())
            if len(codes) == 1:
                return NameMatch(next(iter(codes)), "exact", 100.0)
        for key in keys:
            codes = self._folded.get(_fold(key), set())
            if len(codes) == 1:
                return NameMatch(next(iter(codes)), "folded", 100.0)
            if len(codes) > 1:
                ranked = tuple(sorted(((c, self.names[c], 100.0) for c in codes), key=lambda t: t[0]))
                return NameMatch(None, None, 100.0, ranked)
        best: dict[str, float] = {}
        for key in keys:
            folded = _fold(key)
            for code, candidate in self._fuzzy_keys:
                score = fuzz.ratio(folded, candidate)
                if score > best.get(code, -1.0):
                    best[code] = score
        ranked = sorted(best.items(), key=lambda item: (-item[1], item[0]))
        top_code, top = ranked[0] if ranked else (None, 0.0)
        runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
        if top >= FUZZY_THRESHOLD and top - runner_up >= FUZZY_MARGIN:
            return NameMatch(top_code, "fuzzy", round(top, 1))
        suggestions = tuple(
            (code, self.names[code], round(score, 1))
            for code, score in ranked[:MAX_SUGGESTIONS]
            if score >= SUGGESTION_THRESHOLD
        )
        return NameMatch(None, None, round(top, 1), suggestions)

    def problem_message(self, text: str, match: NameMatch) -> str:
        """Swedish message for a name that was not matched (unknown or ambiguous)."""
        shown = str(text).strip()
        ambiguous = len(match.suggestions) > 1 and match.suggestions[0][2] - match.suggestions[1][2] < FUZZY_MARGIN
        head = f"Tvetydig kommun ”{shown}”" if ambiguous and match.suggestions[0][2] >= FUZZY_THRESHOLD else (
            f"Okänd kommun ”{shown}”"
        )
        if not match.suggestions:
            return f"{head}. Skriv kommunens namn eller fyrsiffriga kommunkod."
        options = " eller ".join(f"{name} ({code})" for code, name, _ in match.suggestions)
        return f"{head}. Menade du: {options}?"
