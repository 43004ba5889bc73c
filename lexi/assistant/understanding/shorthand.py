"""Shorthand typed in requests, spelled out before a clause is read (``data/shorthand.toml``).

"purch mgrs" is "Purchasing Managers", "plastics mfrs" "plastics manufacturers", "academic med
ctrs" "academic medical centers": one table entry covers the singular, the plural, a possessive
and a trailing dot.
"""

from __future__ import annotations

import re
from dataclasses import replace

from . import prefilter
from .lexicon import data_file
from .slots import Slots

_DATA = data_file("shorthand.toml")
WORDS: dict[str, str] = dict(_DATA["words"])
# title -> (the shorthand's pattern, the title meant in those industries, the industries)
BY_INDUSTRY: dict[str, tuple[re.Pattern[str], str, frozenset[str]]] = {
    title: (
        re.compile(rf"\b{re.escape(v['written'])}(?:s|'s)?\b"),
        v["title"],
        frozenset(v["industries"]),
    )
    for title, v in _DATA["by_industry"].items()
}

_SHORTHAND = prefilter.compile(
    r"\b(?P<key>"
    + "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(WORDS, key=len, reverse=True))
    + r")(?P<ending>'s|s'|s)?(?!\w)(?:\.(?!\w))?",
    re.IGNORECASE,
)


def plural(word: str) -> str:
    """ "Manager" -> "Managers", "company" -> "companies", "Sales" stays."""
    if word.endswith("s"):
        return word
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "o", "u"):
        return word[:-1] + "ies"
    return word + "s"


def _spell(m: re.Match[str]) -> str:
    word = WORDS[" ".join(m["key"].lower().split())]
    ending = m["ending"] or ""
    if ending == "'s":
        return word + "'s"
    if ending:
        return plural(word) + ending[1:]
    return word


def spelled_out(text: str) -> str:
    """The text with each shorthand word spelled out."""
    return _SHORTHAND.sub(_spell, text)


def meant_in_industry(clause: str, slots: Slots, industries: list[str] | None = None) -> None:
    """ "PMs at concrete subs": the shorthand title the clause's industries mean (or, for a
    change to a search, ``industries``: "give me CSOs instead" after a search of biotechs)."""
    said = slots.industries or industries or []
    if not said or not slots.roles:
        return
    for n, hit in enumerate(slots.roles):
        for title in hit.named_titles:
            found = BY_INDUSTRY.get(title.split(" ", 1)[-1]) or BY_INDUSTRY.get(title)
            if found is None:
                continue
            written, meant, where = found
            if where.isdisjoint(said) or not written.search(clause):
                continue
            base = title if title in BY_INDUSTRY else title.split(" ", 1)[-1]
            spelled = title.replace(base, meant)
            slots.roles[n] = replace(hit, title=spelled, titles=())


# "carriers" alone may be airlines, telecoms or trucking companies: they are insurance carriers
# when the request says something only insurance has (underwriting, claims, actuaries, policy
# administration software).
_CARRIER = re.compile(r"\bcarriers?\b", re.IGNORECASE)
_INSURANCE_CUE = re.compile(
    r"\b(?:underwrit\w*|uw|cuos?|actuar\w*|actuaries|policyholders?|insur\w*|reinsur\w*|"
    r"guidewire|duck\s+creek|majesco|sapiens|applied\s+epic)\b",
    re.IGNORECASE,
)


def carriers_in_insurance(clause: str, slots: Slots) -> None:
    """ "VP UW at carriers in TX", "CIOs at carriers on Guidewire": insurance carriers."""
    if slots.industries or "arrier" not in clause or not _CARRIER.search(clause):
        return
    if _INSURANCE_CUE.search(clause):
        slots.industries.append("Insurance")
