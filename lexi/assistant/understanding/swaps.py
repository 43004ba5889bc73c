"""One technology of the last search swapped for another: "swap Shopify for Klaviyo", "replace
HubSpot with Salesforce", "Marketo instead of Pardot", "actually swap shopify for ones that just
started using Klaviyo", and the search's only one: "what about Microsoft 365 instead".

The technology replaced must be one the search has; the new one is read as the search would read
it after a verb of use, with what it says of the adoption ("just started using": lately). The
other technologies and every other filter stay.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from . import prefilter
from .lexicon import TECHNOLOGY_SPELLING
from .scanner import extract

_LEAD = (
    r"^\W*(?:(?:actually|ok(?:ay)?|so|hm+|no|nah|and|but|then|now|maybe|let'?s|please|pls|"
    r"can\s+you|could\s+you|sorry|wait)\W+)*"
)
_OLD = (
    r"(?:the\s+)?(?P<old>[\w.+#-]+(?:\s+[\w.+#-]+){0,2}?)(?:\s+(?:ones|users|customers|part|bit))?"
)
# "swap shopify for ones that just started using Klaviyo", "replace HubSpot with Salesforce".
_SWAP = prefilter.compile(
    rf"{_LEAD}(?:swap|replace|switch|trade|exchange|change|sub|substitute)\s+(?:out\s+)?{_OLD}"
    r"\s+(?:out\s+)?(?:for|with|to|by|into)\s+(?P<new>[^,;.!?]+?)(?:\s+instead)?\W*$",
    re.IGNORECASE,
)
# "Marketo instead of Pardot", "use Salesforce rather than HubSpot".
_INSTEAD = prefilter.compile(
    rf"{_LEAD}(?:(?:use|go\s+with|try|make\s+it|do|(?:what|how)\s+about)\s+)?(?P<new>[^,;.!?]+?)\s+"
    rf"(?:instead\s+of|rather\s+than|in\s+place\s+of)\s+{_OLD}\W*$",
    re.IGNORECASE,
)
# "what about Microsoft 365 instead", "Unity instead": the search's one technology swapped
_ALONE = prefilter.compile(
    rf"{_LEAD}(?:(?:what|how)\s+about\s+|(?:use|try|go\s+with)\s+)?(?P<new>[^,;.!?]+?)\s+instead\W*$",
    re.IGNORECASE,
)
# "drop catapult, do STATSports users instead": one technology dropped, another named after it
_DROP_THEN = prefilter.compile(
    rf"{_LEAD}(?:drop|remove|lose|ditch|scrap|forget|skip)\s+{_OLD}\s*(?:,|;|\band\b|-)\s*"
    r"(?:(?:then\s+)?(?:do|use|try|go\s+with|make\s+it|want|get)\s+)?(?P<new>[^,;.!?]+?)\s+instead\W*$",
    re.IGNORECASE,
)
# The users a technology is named with: "STATSports users", "Toast shops".
_USERS = re.compile(r"\s+(?:users?|customers?|clients?|ones|shops|sites|accounts)$", re.IGNORECASE)
# "Bloomerang or DonorPerfect", "what about Tatua as well", "same but Burgess", "or JobNimbus":
# names alone in a follow-up, of the kind of names the search has (technologies, companies, or
# keywords); added to them after "also", "add", "or", "too", else in their place.
_NAME = r"[A-Z0-9][\w.+#'-]*(?:\s+[A-Z0-9][\w.+#'-]*){0,3}"
_NAMES_ONLY = re.compile(
    r"^\W*(?i:(?:hm+|ok(?:ay)?|actually|then)\W+)*"
    r"(?P<also>(?i:(?:also|and|plus|add|include|or)\W+)+)?"
    r"(?P<lead>(?i:(?:what|how)\s+about\s+|same\s+(?:thing\s+|search\s+)?but\s+(?:for\s+|at\s+)?|"
    r"(?:only|just)\s+))?"
    rf"(?P<names>{_NAME}(?:\s*(?:,|\bor\b|\band\b|/)\s*{_NAME})*)"
    r"(?:\s+(?P<tail>(?i:too|as\s+well|also|instead|only)))?\W*$"
)
_NAMES_SPLIT = re.compile(r"\s*(?:,|\bor\b|\band\b|/)\s*")
_NAMED_KINDS = ("technologies", "companies", "keywords")
_SIGNAL_KEYS = frozenset({"technologies", "technologies_added_within_days"})


def technology_swapped(text: str, base: dict[str, Any] | None) -> dict[str, Any] | None:
    """The search ``base`` with the technology the clause swaps out replaced by the one it
    names, or with the names the clause says alone; None when it does neither."""
    if base is None:
        return None
    if named := names_alone(text, base):
        return named
    if not base.get("technologies"):
        return None
    have = [str(t) for t in base["technologies"]]
    m = _SWAP.match(text) or _INSTEAD.match(text) or _DROP_THEN.match(text)
    if not m:
        alone = _ALONE.match(text) if len(have) == 1 else None
        return _swapped(base, have, have[0], alone["new"]) if alone else None
    said = " ".join(m["old"].lower().split())
    # (a name the lexicon lacks is the search's own as written: "drop catapult")
    old = TECHNOLOGY_SPELLING.get(said) or next((t for t in have if t.lower() == said), None)
    if old is None or old not in have:
        return None
    return _swapped(base, have, old, m["new"])


def names_alone(text: str, base: dict[str, Any]) -> dict[str, Any] | None:
    """The search with names said alone in a follow-up ("or JobNimbus", "what about Tatua as
    well"): of the kind the search names (technologies first when the first name is one the
    lexicon knows), none of them a place, a role or anything else the search could read."""
    m = _NAMES_ONLY.match(text)
    if not m:
        return None
    names = [n for n in _NAMES_SPLIT.split(m["names"]) if n]
    if len(names) == 1 and not (m["also"] or m["lead"] or m["tail"]):
        return None  # "Good", "Mmm": a word alone is no name said
    kind = _named_kind(base, names[0])
    if kind is None or not all(map(_only_a_name, names)):
        return None
    if kind == "technologies":
        names = [TECHNOLOGY_SPELLING.get(n.lower(), n) for n in names]
    adds = bool(m["also"] or (m["tail"] and m["tail"] != "instead" and m["tail"] != "only"))
    out = [*base[kind], *names] if adds else names
    return {**copy.deepcopy(base), kind: list(dict.fromkeys(out))}


def _named_kind(base: dict[str, Any], first: str) -> str | None:
    if base.get("technologies") and (
        first.lower() in TECHNOLOGY_SPELLING or not base.get("companies")
    ):
        return "technologies"
    return next((k for k in _NAMED_KINDS if base.get(k)), None)


def _only_a_name(name: str) -> bool:
    """A name nothing else reads: no role, place, industry, size or count ("Tatua", "A2")."""
    if name.lower() in TECHNOLOGY_SPELLING:
        return True
    slots = extract(name)
    return not (
        slots.has_role
        or slots.locations
        or slots.company_locations
        or slots.industries
        or slots.employees
        or slots.revenue
        or slots.count is not None
        or slots.signals
        or slots.email_status
    )


def _swapped(base: dict[str, Any], have: list[str], old: str, said: str) -> dict[str, Any] | None:
    new = _technologies(said)
    if new is None:
        return None
    techs, signals = new
    out = copy.deepcopy(base)
    swapped: list[str] = []
    for tech in have:
        for t in techs if tech == old else [tech]:
            if t not in swapped:
                swapped.append(t)
    out["technologies"] = swapped
    if "technologies_added_within_days" in signals:
        out["technologies_added_within_days"] = signals["technologies_added_within_days"]
    return out


def _technologies(said: str) -> tuple[list[str], dict[str, Any]] | None:
    """The technologies a phrase names and the signals said with them; None when it names none
    or says more than that (a role, a place: a request of its own)."""
    users = _USERS.sub("", said.strip())
    # (each reading once: "using Kinexon" twice when no users were named)
    for text in dict.fromkeys((said, f"using {said}", f"using {users}")):
        slots = extract(text)
        techs = list(slots.signals.get("technologies") or slots.technologies or [])
        if not techs:
            continue
        if slots.has_role or set(slots.signals) - _SIGNAL_KEYS or _other_filters(slots):
            return None
        return techs, dict(slots.signals)
    return None


def _other_filters(slots: Any) -> bool:
    return bool(
        slots.locations
        or slots.company_locations
        or slots.industries
        or slots.employees
        or slots.revenue
        or slots.keywords
        or slots.email_status
    )
