"""Exact, case-aware and typo-tolerant place lookups over the gazetteer indexes.

Rules:
- Names and aliases match in any case ("new york", "BERLIN"), except names that are also
  ordinary English words ("Reading", "Nice", "Mobile"), which need a capital letter.
- Codes ("NY", "CA", "NSW", "DE") and short aliases ("LA", "SF", "UK", "DC") match only in
  upper case, so "me", "in", "or", "ok", "hi", "de", "la", "al" never become places.
- One phrase, several candidates: hand aliases first, then groups, countries, regions, cities
  and neighbourhoods (most populous first). So "Portland" is Portland, OR; "London" is London,
  GB; "New York" is the city (an alias) and "New York State" the state; "Washington" is the
  state and "Washington DC" the city; "CA" is Canada and "DE" Germany (countries outrank US
  state codes, as in the API's filter format), while "LA" is Los Angeles (an alias).
  `lookup_all` returns every candidate in that order.
- `longest_place_at` (text scanning) also skips codes that are everyday business abbreviations
  when they stand alone: "IT managers", "AEs", "SE", "MD", "PA", "OK". `lookup` still
  resolves them ("IT" -> Italy), since a caller asking about one token wants the place.
"""

from functools import cache

from rapidfuzz import process
from rapidfuzz.distance import OSA, JaroWinkler

from lexi.geo.gazetteer import (
    CITY,
    Candidate,
    Gazetteer,
    gazetteer,
    is_code_form,
    normalise,
)
from lexi.geo.places import Place

FUZZY_MIN_LENGTH = 5
# Upper-case codes that in running text usually mean a job or a word, not a place.
TEXT_AMBIGUOUS_CODES = frozenset({"IT", "AE", "SE", "MD", "PA", "SA", "ID", "OK", "HR", "PR"})
# Typos in small towns are rare and their names collide with ordinary words; fuzzy matching
# only considers cities this big (exact lookup still knows every city).
FUZZY_MIN_CITY_POPULATION = 100_000


def _candidates(g: Gazetteer, phrase: str, strict_case: bool) -> list[Candidate]:
    # Tokens from running text may carry punctuation: "NY," "Berlin." "(London)".
    text = " ".join(phrase.split()).strip(" ,;:!?()[]\"'")
    if not text:
        return []
    found: list[Candidate] = []
    if is_code_form(text):
        found.extend(g.codes.get(text.replace(".", ""), []))
    lower = text == text.lower()
    for candidate in g.names.get(normalise(text), []):
        if strict_case and lower and candidate.proper_only:
            continue
        found.append(candidate)
    found.sort(key=lambda c: c.rank)
    return found


def lookup_in(g: Gazetteer, phrase: str, strict_case: bool = True) -> list[Place]:
    candidates = _candidates(g, phrase, strict_case)
    return list(candidates[0].places) if candidates else []


def lookup(phrase: str) -> list[Place]:
    """The places a phrase names exactly: one place, or several for a group ("DACH").

    Empty when the phrase names nothing. See the module docstring for case and ranking rules.
    """
    return lookup_in(gazetteer(), phrase)


def lookup_all(phrase: str) -> list[Place]:
    """Every place the phrase could name, best first ("Washington" -> WA state, then DC, ...)."""
    seen: dict[Place, None] = {}
    for candidate in _candidates(gazetteer(), phrase, strict_case=True):
        for place in candidate.places:
            seen.setdefault(place)
    return list(seen)


@cache
def _fuzzy_keys(g: Gazetteer) -> tuple[str, ...]:
    keys = []
    for key, candidates in g.names.items():
        best = candidates[0]
        if len(key.replace(" ", "")) < FUZZY_MIN_LENGTH or best.proper_only:
            continue
        if best.section or (best.tier == CITY and best.population < FUZZY_MIN_CITY_POPULATION):
            continue
        keys.append(key)
    return tuple(keys)


def _plausible_typo(query: str, key: str) -> bool:
    # Typos rarely hit the first letter; one slip per short word, two in longer ones. In words
    # under seven letters a changed or added letter usually makes another real word ("paras",
    # "leeks"), so only a dropped letter ("Bostn") or swapped pair ("Texsa") counts there.
    if query[0] != key[0] or abs(len(query) - len(key)) > 2:
        return False
    distance = OSA.distance(query, key)
    if len(query) < 7:
        dropped = len(key) == len(query) + 1
        swapped = len(key) == len(query) and sorted(key) == sorted(query)
        return distance == 1 and (dropped or swapped)
    return distance <= (1 if len(query) < 9 else 2)


def fuzzy_lookup(phrase: str, min_score: float = 88) -> list[Place]:
    """Exact lookup, else the closest name within a typo or two ("Califronia" -> California).

    Only phrases of five or more letters are corrected; the score is Jaro-Winkler similarity
    (0-100) and a candidate must also be a plausible typo: same first letter and at most one
    edit (two for names of nine or more letters), transpositions counting as one.
    """
    g = gazetteer()
    exact = lookup_in(g, phrase)
    if exact:
        return exact
    query = normalise(phrase)
    if len(query.replace(" ", "")) < FUZZY_MIN_LENGTH:
        return []
    # An ordinary word is not a misspelt place ("state" is not Satte, "working" not Woking).
    if query in g.english_words:
        return []
    matches = process.extract(
        query,
        _fuzzy_keys(g),
        scorer=JaroWinkler.normalized_similarity,
        score_cutoff=min_score / 100,
        limit=10,
    )
    best: tuple[int, bool, float, tuple[int, bool, int], str] | None = None
    for key, score, _ in matches:
        if not _plausible_typo(query, key):
            continue
        # Fewest edits first; a dropped letter ("Austrlia") beats an added one (Austria).
        entry = (OSA.distance(query, key), len(key) < len(query), -score, g.names[key][0].rank, key)
        if best is None or entry < best:
            best = entry
    return list(g.names[best[-1]][0].places) if best else []


def longest_place_at(
    tokens: list[str], start: int, max_len: int = 4
) -> tuple[int, list[Place]] | None:
    """The longest span of tokens from `start` naming a place (exact rules): (length, places)."""
    g = gazetteer()
    for length in range(min(max_len, len(tokens) - start), 0, -1):
        phrase = " ".join(tokens[start : start + length])
        if length == 1 and phrase.strip() in TEXT_AMBIGUOUS_CODES:
            continue
        places = lookup_in(g, phrase)
        if places:
            return length, places
    return None
