"""Industry aliases: the words people use for the taxonomy's industries (``data/industries.toml``).

Each entry names its target: a taxonomy industry, several joined by " + ", or "@Sector" for
every industry of a sector; and lists the phrases that mean it, matched as normalised keys
(``text.norm_key``: singular, lower case, "&" as "and"), so "law firms" and "Law-Firm" hit
"law firm". A target outside the taxonomy fails when the module loads.
"""

from __future__ import annotations

from lexi.prospects.taxonomy import INDUSTRIES, SECTORS

from .lexicon import data_file


def targets(target: str) -> tuple[str, ...]:
    """The industries an entry's target names."""
    if target.startswith("@"):
        return tuple(SECTORS[target[1:]])
    return tuple(name.strip() for name in target.split(" + "))


def _parse(table: dict[str, list[str]]) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for target, phrases in table.items():
        industries = targets(target)
        for name in industries:
            if name not in INDUSTRIES:
                raise ValueError(f"not a taxonomy industry: {name}")
        for phrase in phrases:
            if phrase.strip():
                out[phrase.strip()] = industries
    return out


_DATA = data_file("industries.toml")  # read and parsed once
INDUSTRY_ALIASES: dict[str, tuple[str, ...]] = _parse(_DATA["industries"])
# "office managers at small solicitors": the firms a profession names, after "at".
FIRMS_BY_PROFESSION: dict[str, tuple[str, ...]] = _parse(_DATA["firms_by_profession"])
# "orthopedic groups", "dermatology practices": a practice named by a medical specialty.
MEDICAL_SPECIALTIES: frozenset[str] = frozenset(_DATA["medical_specialties"]["words"])
# "outdoor brands", "coffee roasters": a niche's word -> (its industry, the keyword searched).
NICHES: dict[str, tuple[str, str]] = {k: (v[0], v[1]) for k, v in _DATA["niches"].items()}
