"""Places in running text, through the gazetteer (``lexi.geo``)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from lexi import geo
from lexi.geo.words import COMMON_WORD_NAMES

from .slots import COMPANY_NOUN_KEYS, INDUSTRY_KEYS, ROLE_KEYS
from .text import Token

# Words after which a phrase may be a place ("in boston", "outside of texas"); used to allow
# typo-tolerant lookups only where a place is expected.
PLACE_PREPOSITIONS = {
    "in",
    "en",  # Spanish "in", inside English requests too ("owners of bakeries en Hialeah")
    "near",
    "around",
    "from",
    "across",
    "outside",
    "throughout",
    "within",
    "of",
    "based",
    "located",
    "to",
    "but",
    "not",
    "excluding",
    "except",
    "and",
    "or",
    "exclude",
    "without",
    "only",
    "just",
    "than",
    "headquartered",
    "hq",
    "about",
}


@dataclass
class PlaceHit:
    span: int
    filters: list[str]
    # A two-letter code that is both a US state and a country ("CA", "IN", "DE"): both readings,
    # settled once the whole clause is read (see ``settle_codes``).
    alternatives: list[str] | None = None
    # The same city name in other countries ("Birmingham": GB, then AL, US), most populous
    # first; the clause's other places pick between them (see ``prefer_nearby``).
    elsewhere: list[str] | None = None
    # A town the gazetteer does not list, named with its state ("Greenwich, CT"): the state is
    # searched and the town named in the reply.
    unlisted: str | None = None


@cache
def _place_first_words() -> frozenset[str]:
    """Every word a place name can start with ("new" of "New York", "the" of "The Hague")."""
    g = geo.gazetteer()
    return frozenset(key.split(" ", 1)[0] for key in g.names)


# Codes people type in lower case right after "in": "CEOs in ny", "head of hr in the uk".
# ... and these anywhere, lower case or not: "CHRO retail uk".
_LOWER_ANYWHERE = frozenset({"uk", "usa", "uae", "nyc"})
_LOWER_CODES = frozenset(
    [
        "uk",
        "usa",
        "uae",
        "nyc",
        "ny",
        "nz",
        "sf",
        "la",  # Los Angeles, as "LA" is (Louisiana is written out or "LA, US")
        "nj",
        "tx",
        "fl",
        "ga",
        "nc",
        "sc",
        "va",
        "md",
        "wa",
        "az",
        "nv",
        "ut",
        "ca",
        "il",
        "mi",
        "mn",
        "wi",
        "ia",
        "mo",
        "ks",
        "ky",
        "tn",
        "al",
        "ms",
        "ar",
        "nm",
        "ct",
        "ri",
        "nh",
        "vt",
        "pa",
        "dc",
        "wv",
        "wy",
        "ak",
    ]
)
# The codes that are words or titles too ("MD", "Ms", "Al", "PA", "mo"): read in lower case
# only after a place word.
_LOWER_CODES_AS_WORDS = frozenset({"md", "ms", "al", "ar", "mi", "pa", "ia", "mo"})
# Those read in lower case at the end of a terse request ("cfos hospitals ny").
_LOWER_AT_END = _LOWER_CODES - _LOWER_CODES_AS_WORDS - {"ga"}
# Those read in lower case before the kind of company ("cfos at tx hospitals", "sc hosps"; "la
# hospitals" may be Louisiana's, "va hospitals" are Veterans Affairs ones).
_LOWER_BEFORE_COMPANIES = _LOWER_CODES - _LOWER_CODES_AS_WORDS - {"la", "va"}
# The words after which those codes are read in lower case: "in ny", and in a follow-up that
# adds a place, "add sf", "plus nj", "also tx", "what about nj"; and the part of a state said
# before it, "in western pa", "upstate ny".
_BEFORE_LOWER_CODE = frozenset(
    ["in", "from", "across", "outside", "not", "the", "of", "add", "plus", "also", "+", "about"]
    + "western eastern northern southern central upstate downstate northeast northwest".split()
    + "southeast southwest northeastern northwestern southeastern southwestern".split()
)
# Nationality words before companies: "Japanese SaaS companies", "Polish manufacturers".
DEMONYMS = {
    "american": "US",
    "canadian": "CA",
    "british": "GB",
    "english": "GB",
    "irish": "IE",
    "german": "DE",
    "austrian": "AT",
    "swiss": "CH",
    "french": "FR",
    "dutch": "NL",
    "belgian": "BE",
    "spanish": "ES",
    "portuguese": "PT",
    "italian": "IT",
    "swedish": "SE",
    "danish": "DK",
    "norwegian": "NO",
    "finnish": "FI",
    "polish": "PL",
    "australian": "AU",
    "aussie": "AU",
    "kiwi": "NZ",
    "new zealander": "NZ",
    "scottish": "GB",
    "welsh": "GB",
    "singaporean": "SG",
    "indian": "IN",
    "israeli": "IL",
    "emirati": "AE",
    "japanese": "JP",
    "brazilian": "BR",
    "mexican": "MX",
    "luxembourgish": "LU",
    "chinese": "CN",
    "korean": "KR",
    "taiwanese": "TW",
    "malaysian": "MY",
    "indonesian": "ID",
    "vietnamese": "VN",
    "thai": "TH",
    "filipino": "PH",
    "pakistani": "PK",
    "bangladeshi": "BD",
    "turkish": "TR",
    "saudi": "SA",
    "qatari": "QA",
    "kuwaiti": "KW",
    "omani": "OM",
    "bahraini": "BH",
    "jordanian": "JO",
    "lebanese": "LB",
    "egyptian": "EG",
    "moroccan": "MA",
    "nigerian": "NG",
    "kenyan": "KE",
    "ghanaian": "GH",
    "ethiopian": "ET",
    "rwandan": "RW",
    "greek": "GR",
    "czech": "CZ",
    "slovak": "SK",
    "hungarian": "HU",
    "romanian": "RO",
    "bulgarian": "BG",
    "croatian": "HR",
    "serbian": "RS",
    "slovenian": "SI",
    "estonian": "EE",
    "latvian": "LV",
    "lithuanian": "LT",
    "ukrainian": "UA",
    "icelandic": "IS",
    "cypriot": "CY",
    "maltese": "MT",
    "argentine": "AR",
    "argentinian": "AR",
    "chilean": "CL",
    "colombian": "CO",
    "peruvian": "PE",
    "uruguayan": "UY",
    "ecuadorian": "EC",
}


def place_at(tokens: list[Token], i: int, texts: list[str] | None = None) -> PlaceHit | None:
    """The longest place starting at token ``i``, or None.

    Case rules are the gazetteer's: codes only in capitals, common words ("mobile") only with a
    capital. "Austin, TX" and "Cambridge, MA" are read as one city. ``texts`` are the tokens'
    texts, when the caller has them (one list for a clause, not one per token).
    """
    word = tokens[i].text
    if lowered := _lowercase_code(tokens, i):
        return lowered
    if not (word[:1].isupper() or geo.normalise(word) in _place_first_words()):
        return None  # no place starts with this word: skip the gazetteer
    if texts is None:
        texts = [t.text for t in tokens]
    found = _gazetteer_at(tokens, texts, i) or _city_in_lower_case(tokens, i)
    if not found and (code := _listed_country_code(tokens, i)):
        return PlaceHit(1, [code])  # "SG and MY only", "UAE + OM"
    if not found:
        return None
    span, places = found
    j = i + span
    if len(places) > 1 and _direction_before_a_place(tokens, texts, i, j):
        return None
    one_city = len(places) == 1 and places[0].kind == "city"
    if one_city and j < len(texts) and (with_state := _city_with_state(texts, i, j, places[0])):
        return with_state
    if j < len(texts) and (with_code := _city_with_lower_code(tokens, texts, i, j)):
        return with_code
    if (
        all(p.kind == "region" for p in places)
        and j < len(texts)
        and _is_code(texts[j])
        and (city := _city_in(" ".join(texts[i:j]), texts[j])) is not None
    ):
        return PlaceHit(span + 1, [city.filter_string()])  # "Victoria TX": the town, not the state
    if len(places) == 1 and places[0].kind == "region" and j + 1 <= len(texts) - 1:
        own = geo.longest_place_at(texts, j, max_len=3)
        if own and all(p.kind == "country" and p.country == places[0].country for p in own[1]):
            span += own[0]  # "Victoria, Australia": the country only says which Victoria
            j = i + span
    hit = PlaceHit(span, _unique(p.filter_string() for p in places))
    if one_city:
        hit.elsewhere = _cities_elsewhere(" ".join(texts[i:j]), places[0].country)
    if span == 1:
        _code_or_country(hit, texts[i])
        if len(places) == 1 and places[0].kind == "region" and _is_code(texts[i]):
            hit.elsewhere = _regions_elsewhere(texts[i], places[0].country)
    return hit


def _regions_elsewhere(code: str, country: str) -> list[str] | None:
    """The states of other countries written with the same code ("WA": Washington and Western
    Australia; "NT": Australia's and Canada's), which the places around it choose between."""
    others = [
        p.filter_string()
        for p in geo.lookup_all(code)
        if p.kind == "region" and p.country != country
    ]
    return others or None


# Compass words: a region named by them alone ("the Southeast", "Northeast", "the South") is
# only a direction when a place or a name follows.
_COMPASS = frozenset(
    "the north south east west northeast northwest southeast southwest northern southern"
    " eastern western northeastern northwestern southeastern southwestern".split()
)


def compass_only(phrase: str) -> bool:
    """Whether a phrase is compass words alone ("the Southeast", "South East", "northeast")."""
    return all(w in _COMPASS for w in geo.normalise(phrase).split())


def _direction_before_a_place(tokens: list[Token], texts: list[str], i: int, j: int) -> bool:
    """ "Northeast Ohio", "Southeast Michigan", "South East London", "the south of France",
    "the South Bay": a region named by compass words alone, right before a place or a capitalised
    name (or "of" and one), is that place's part, not the region."""
    if not compass_only(" ".join(texts[i:j])):
        return False
    if j < len(texts) and texts[j] == "of":
        j += 1
    if j >= len(texts) or tokens[j].start - tokens[j - 1].end >= 2:
        return False  # the end, or a comma between: "in the Southeast, Texas too"
    nxt = texts[j]
    return nxt[:1].isupper() or geo.longest_place_at(texts, j, max_len=3) is not None


# Codes that are also words or functions in capitals ("people in IT", "in HR", "in BE"?)
_CODES_THAT_ARE_WORDS = frozenset(
    "IT IN ID AT BE NO ME IS TO AS OR SO DO GO AM AI PR HR IR AD BI CO MA PA SE PE AR GA LA".split()
)


def _listed_country_code(tokens: list[Token], i: int) -> str | None:
    """A country's ISO code in capitals listed with another place ("SG and MY", "MY + TH"): the
    codes the gazetteer reads alone are only the main markets'."""
    word = tokens[i].text
    if len(word) != 2 or not word.isupper() or word not in geo.gazetteer().country_places:
        return None
    if i and tokens[i - 1].key in ("in", "from", "across") and word not in _CODES_THAT_ARE_WORDS:
        return word  # "CFOs in MY", "founders from TH"
    return word if any(map(_a_place_token, _across_joiners(tokens, i))) else None


def _across_joiners(tokens: list[Token], i: int) -> list[Token]:
    """The tokens listed with token ``i``: one joiner ("and", "+", "/", ",") away on either side."""
    beside = []
    if i + 2 < len(tokens) and tokens[i + 1].key in _JOINERS:
        beside.append(tokens[i + 2])
    if i >= 2 and tokens[i - 1].key in _JOINERS:
        beside.append(tokens[i - 2])
    return beside


def _a_place_token(token: Token) -> bool:
    return bool(geo.lookup(token.text)) or (
        len(token.text) == 2
        and token.text.isupper()
        and token.text in geo.gazetteer().country_places
    )


def _us_only(tokens: list[Token], i: int) -> bool:
    """ "us only", "only us", "just the us": the country, the whole of a short refinement."""
    keys = [t.key for t in tokens]
    return keys in (["us", "only"], ["only", "us"], ["just", "us"], ["us", "too"]) or (
        len(keys) <= 4 and i == len(keys) - 1 and i >= 1 and keys[i - 1] in ("only", "just")
    )


def _a_country(token: Token) -> bool:
    return any(p.kind == "country" for p in geo.lookup(token.text.title()))


def _listed_with_a_country(tokens: list[Token], i: int) -> bool:
    return any(map(_a_country, _across_joiners(tokens, i)))


def _lowercase_code(tokens: list[Token], i: int) -> PlaceHit | None:
    """ "in ny", "the uk": the few codes read in lower case too, after a place word."""
    word = tokens[i].text
    if len(word) == 2 and word[0].isupper() and word[1].islower():
        word = word.lower()  # "in Tx", "in Fl": a code typed with one capital
    if word.isupper() and word.lower() in _LOWER_CODES and _code_alone(tokens, i):
        word = word.lower()  # "PA instead": a code no other word needs to explain
    if (
        word in _LOWER_ANYWHERE
        or (word in _LOWER_CODES and _code_alone(tokens, i))
        or (i and word in _LOWER_CODES and tokens[i - 1].key in _BEFORE_LOWER_CODE)
        or (word in _LOWER_CODES and _listed_after_code(tokens, i))
        # "fire chiefs oh + pa", "cfos nj and pa": state codes listed together
        or _codes_listed(tokens, i)
        # "us + canada", "canada and us": the country listed with another one; "us only"
        or (word == "us" and (_listed_with_a_country(tokens, i) or _us_only(tokens, i)))
        # "in the us", "across the us": the country after "the" and a place word
        or (
            word == "us"
            and i >= 2
            and tokens[i - 1].key == "the"
            and tokens[i - 2].key in ("in", "across", "outside", "throughout", "within")
        )
        # "cfos at tx hospitals", "sc hosps": the state of the companies named next
        or (
            word in _LOWER_BEFORE_COMPANIES
            and i + 1 < len(tokens)
            and (tokens[i + 1].key in INDUSTRY_KEYS or tokens[i + 1].key in COMPANY_NOUN_KEYS)
        )
        # "cfos hospitals ny": a terse request ends with its place ("austin tx" is one city)
        or (
            (i >= 2 or (i == 1 and _role_word(tokens[0].key)) or len(tokens) == 2)
            and _last_but_a_count(tokens, i)
            and word in _LOWER_AT_END
            and not _city_before(tokens, i)
        )
    ):
        if i + 1 < len(tokens) and geo.lookup(f"{word} {tokens[i + 1].text}".title()):
            return None  # "in la jolla": the code word starts a longer place
        places = geo.lookup(word.upper())
        if places:
            # read as its capitals are: "in ca" is California, as "in CA" is, Canada the
            # alternative the clause's other places may pick
            hit = PlaceHit(1, _unique(p.filter_string() for p in places))
            _code_or_country(hit, word.upper())
            return hit
    return None


_JOINERS = frozenset({",", "and", "or", "&", "/", "+"})
# Words a follow-up may say with nothing but a place: "pa instead", "only tx", "switch to nj".
_WITH_A_PLACE_ALONE = frozenset(
    "instead only just too also then pls please now rather switch swap change to try make it "
    "that as well".split()
)


def _code_alone(tokens: list[Token], i: int) -> bool:
    """Whether a code is the one word of a short follow-up besides words that change the
    search ("pa instead", "switch to nj"): then it can only be the place."""
    return 2 <= len(tokens) <= 4 and all(
        t.key in _WITH_A_PLACE_ALONE for j, t in enumerate(tokens) if j != i
    )


# State codes that are also words ("oh", "or", "in", "me"): read only beside a code that is none
_WORD_CODES = frozenset("oh co or in id me hi de ok ne mt sd nd ma".split())


def _codes_listed(tokens: list[Token], i: int) -> bool:
    word = tokens[i].text
    if not word.islower() or (word not in _LOWER_CODES and word not in _WORD_CODES):
        return False
    pairs = [t.text for t in _across_joiners(tokens, i)]
    # "nc sc", "nj ny ct": codes typed in a row, only the ones that are no words
    if word in _LOWER_CODES:
        if i + 1 < len(tokens) and tokens[i + 1].text in _LOWER_CODES - {word}:
            pairs.append(tokens[i + 1].text)
        if i >= 1 and tokens[i - 1].text in _LOWER_CODES - {word}:
            pairs.append(tokens[i - 1].text)
    return any(
        other.islower()
        and (other in _LOWER_CODES or other in _WORD_CODES)
        and (word in _LOWER_CODES or other in _LOWER_CODES)
        and word not in ("us", "in")
        and other not in ("us", "in")
        for other in pairs
    )


def _listed_after_code(tokens: list[Token], i: int) -> bool:
    """ "in nj, ny and pa": a code in lower case next in a list whose first code is a place
    ("in nj") or in capitals ("NJ, ny")."""
    j = i
    while j >= 1:
        if j >= 2 and tokens[j - 1].key in _JOINERS:
            k = j - 2
        elif tokens[j].start - tokens[j - 1].end >= 2:  # a comma between: "nj, ny"
            k = j - 1
        else:
            return False
        if tokens[k].text.lower() not in _LOWER_CODES:
            return False
        if tokens[k].text.isupper() or (k and tokens[k - 1].key in _BEFORE_LOWER_CODE):
            return True
        j = k
    return False


_STATE = re.compile(r"^[A-Z]{2}, US$")


def states_among_states(tokens: list[Token], places: list[PlaceHit | None]) -> None:
    """ "in Texas, Florida or New York", "not in California or New York": a city named like its
    state, listed with states, is the state; so is a country whose code is a state's ("PA and
    NJ": Pennsylvania, not Panama)."""
    for idx, hit in enumerate(places):
        if hit is None or len(hit.filters) != 1 or _STATE.match(hit.filters[0]):
            continue
        if not _next_to_a_state(tokens, places, idx, idx + hit.span):
            continue  # the cheap test first: most places stand alone
        name = " ".join(t.text for t in tokens[idx : idx + hit.span])
        state = [p for p in geo.lookup_all(name) if p.kind == "region" and p.country == "US"]
        parts = hit.filters[0].split(", ")  # a city ("Name, ST, US") or a country ("PA")
        if state and state[0].filter_string()[:2] == parts[min(1, len(parts) - 1)]:
            places[idx] = PlaceHit(hit.span, [state[0].filter_string()])


def _next_to_a_state(
    tokens: list[Token], places: list[PlaceHit | None], start: int, end: int
) -> bool:
    """Whether the place at ``start``..``end`` is listed next to a state ("Florida or New
    York", "New York, New Jersey")."""
    before = after = None
    if start and tokens[start - 1].key in _JOINERS:
        before = _place_ending_at(places, start - 1)
    elif start and tokens[start].start - tokens[start - 1].end >= 2:  # a comma between
        before = _place_ending_at(places, start)
    if end + 1 < len(tokens) and tokens[end].key in _JOINERS:
        after = places[end + 1]
    elif end < len(tokens) and tokens[end].start - tokens[end - 1].end >= 2:
        after = places[end]
    return any(
        hit is not None and all(_STATE.match(f) for f in hit.filters) for hit in (before, after)
    )


_SPELLING_OUT = re.compile(r"^\s*(?::|\(|-|–|—)\s*$")
_LISTING = frozenset({"and", "or", "&", "/", "+"})


def regions_spelled_out(text: str, tokens: list[Token], places: list[PlaceHit | None]) -> None:
    """ "across the Southeast: Georgia, Florida and the Carolinas", "the Nordics (Sweden and
    Norway)": a region followed by a colon or a bracket and places all inside it means those
    places; the region's words are read as a place that adds none."""
    for idx, hit in enumerate(places):
        if hit is None or len(hit.filters) < 2:
            continue
        j = idx + hit.span
        if j >= len(tokens) or not _SPELLING_OUT.match(text[tokens[j - 1].end : tokens[j].start]):
            continue
        named = 0
        while j < len(tokens):
            nxt = places[j]
            if nxt is not None:
                if not all(_inside(f, hit.filters) for f in nxt.filters):
                    break
                named += 1
                j += nxt.span
            elif tokens[j].key in _LISTING and named:
                j += 1
            else:
                break
        else:
            j = len(tokens)
        if named and all(
            p is None or all(_inside(f, hit.filters) for f in p.filters)
            for p in places[idx + hit.span : j]
        ):
            places[idx] = PlaceHit(hit.span, [])  # read, and searched as the places it lists


def _inside(place: str, members: list[str]) -> bool:
    """Whether a place is one of a region's members or lies in one ("Atlanta, GA, US" in
    "GA, US", "Berlin, DE" in "DE")."""
    return any(place == m or place.endswith(f", {m}") for m in members)


def _place_ending_at(places: list[PlaceHit | None], end: int) -> PlaceHit | None:
    for j in range(max(0, end - 4), end):
        hit = places[j]
        if hit is not None and j + hit.span == end:
            return hit
    return None


def _last_but_a_count(tokens: list[Token], i: int) -> bool:
    """The last word, or the last before a count or "too" ("ctos sf 10", "and sf too")."""
    n = len(tokens)
    return i == n - 1 or (
        i == n - 2 and (tokens[-1].text.isdigit() or tokens[-1].key in ("too", "also"))
    )


def _role_word(key: str) -> bool:
    """Whether a word names a role ("cnos az": a role and its place, nothing else)."""
    return key in ROLE_KEYS


def _city_in_lower_case(tokens: list[Token], i: int) -> tuple[int, list[geo.Place]] | None:
    """A city of 50,000+ whose name is also a word or a given name, written in lower case where
    only a place fits: after "in" ("owners in evanston", not a common word such as "reading"),
    or next in a list of places ("scottsdale and chandler")."""
    word = tokens[i].text
    if i == 0 or not word.isalpha() or not word.islower():
        return None
    if geo.normalise(word) not in geo.gazetteer().names:
        return None  # no place of that name at all: nothing to weigh
    prev = tokens[i - 1].key
    before = (
        [p for p in geo.lookup_all(tokens[i - 2].text.title()) if p.kind == "city"]
        if i >= 2 and prev in ("and", "&", "or", ",", "/")
        else []
    )
    if not before and tokens[i - 1].text.isalpha() and tokens[i - 1].text.islower():
        # "mesa tempe chandler": cities typed in a row, without commas
        before = _lower_cities(tokens[i - 1].text)
    placed = prev in PLACE_PREPOSITIONS or prev in _ADDED_PLACE
    word_place = (prev in _ADDED_PLACE and _ends_phrase(tokens, i)) or (
        prev in ("in", "near", "around")
        and (
            _companies_after(tokens, i)
            or (_ends_phrase(tokens, i) and word not in _EVERYDAY_AFTER_IN)
        )
    )
    if not (before or (placed and word not in COMMON_WORD_NAMES) or word_place):
        return None
    # A word no English word list holds ("kilmarnock", "dumfries") names its town after "in"
    # down to a smaller size than one that is also a word.
    towns = [p for p in geo.lookup_all(word.title()) if p.kind == "city"]
    cities = [p for p in towns if p.population >= 50_000]
    if not cities and word not in COMMON_WORD_NAMES:
        # "in kilmarnock", "in kilmarnock or ayr": a smaller town, right after "in" or listed
        # after a town of its own state or country
        small = [p for p in towns if p.population >= _TOWN_AFTER_IN]
        cities = (
            small
            if prev in _IN_WORDS
            else [p for p in small if any(_same_area(p, b) for b in before)]
        )
    # "austin and reading": the Reading in the listed city's country
    near = [p for p in cities if before and p.country == before[0].country]
    return (1, (near or cities)[:1]) if cities else None


# Words that name a city of 50,000+ but after "in" still mean what they say ("AEs in
# enterprise", "engineers in mobile", "in reading"): "in cork", "in gilbert" at the end of a
# phrase are places, these are not.
_EVERYDAY_AFTER_IN = frozenset(
    """
    acre date enterprise mobile normal paradise reading sale spring union wedding yoga mission
    delta sunrise surprise independence orange highland riverside vista corona temple triangle
    plantation homestead centennial tours saga ama kai clay brick shoreline woodland paramount
    imperial se ali annex horn hillside uptown chinatown forest mango worms bow carlton mascot
    """.split()
)

_TOWN_AFTER_IN = 15_000
_IN_WORDS = frozenset({"in", "near", "around", "outside", "across", "throughout", "within"})

# "add galway", "plus cork too": a place added to the search
_ADDED_PLACE = frozenset({"add", "plus", "include", "also"})
# What may follow a place whose name is also a word ("in cork fintechs", "in cork, 50+ staff",
# "in mobile and huntsville"): the place ends its phrase there.
_AFTER_A_PLACE = frozenset(
    {"and", "or", "too", "also", "only", "area", "region", "metro", "county"}
)


def _ends_phrase(tokens: list[Token], i: int) -> bool:
    """ "add cork too", "add galway": a place added to the search ends the request or a part."""
    if i + 1 >= len(tokens) or tokens[i + 1].start - tokens[i].end > 1:
        return True  # the end, or punctuation after it
    return tokens[i + 1].key in _AFTER_A_PLACE


def _companies_after(tokens: list[Token], i: int) -> bool:
    """ "in cork fintechs": the companies of the place follow it ("in mobile", "in march" alone
    stay words)."""
    from .slots import INDUSTRY_KEYS

    return (
        i + 1 < len(tokens)
        and tokens[i + 1].key in INDUSTRY_KEYS
        and not tokens[i + 1].start - tokens[i].end > 1
    )


def _city_before(tokens: list[Token], i: int) -> bool:
    """Whether the words before token ``i`` and it name a city in that state ("san antonio tx")."""
    for k in range(max(0, i - 3), i):
        city = " ".join(t.text for t in tokens[k:i])
        place = geo.place_named(f"{city}, {tokens[i].text.upper()}")
        if place is not None and place.kind == "city":
            return True
    return False


def _gazetteer_at(tokens: list[Token], texts: list[str], i: int):
    """The gazetteer's longest place at ``i`` as (span, places), or None."""
    # "NJ + PA", "TX/OK", "TX, OK": a code joined to another code is a code, even one that is
    # a word
    joined = (i >= 2 and tokens[i - 1].key in ("+", "&", "/") and _is_code(texts[i - 2])) or (
        i >= 1 and _is_code(texts[i - 1]) and tokens[i].start - tokens[i - 1].end >= 2
    )
    if _is_code(texts[i]) and (states := _state_among_states(tokens, texts, i)):
        return 1, states  # "TX + OK + LA": Louisiana, not Los Angeles
    if joined and _is_code(texts[i]) and (codes := geo.lookup(texts[i])):
        return 1, codes
    # (five words: "Las Palmas de Gran Canaria")
    found = geo.longest_place_at(texts, i, max_len=5 if _may_start_a_name(texts[i]) else 1)
    if not found and i and _is_code(texts[i]) and tokens[i - 1].key in PLACE_PREPOSITIONS:
        # "in OK", "in IN": a capitalised code right after "in" is a place even if it is a word.
        places = geo.lookup(texts[i])
        found = (1, places) if places else None
    return found


def _may_start_a_name(word: str) -> bool:
    """Whether a name of two words or more may start with this token: the first word of its
    normalised form starts some name ("Find", "CEOs" start none, so "Find CEOs at law" and its
    shorter spans are not looked up). Normalising works word by word, so the first word of a
    phrase's key is its first token's; a token that normalises to nothing ("/") may start one."""
    first = geo.normalise(word).partition(" ")[0]
    return not first or first in _place_first_words()


# Codes that stand for a city as often as for a state ("NY and LA" are two cities): they do not
# make the codes next to them states.
_CITY_CODES = frozenset({"NY", "DC", "LA", "SF"})
_LIST_JOINERS = frozenset({"+", "&", "/", "and", "or"})


def _state_among_states(tokens: list[Token], texts: list[str], i: int) -> list[geo.Place]:
    """The US state a code names when it is listed next to another state's code ("TX + OK +
    LA", "TX, OK, LA"), where alone it reads as a city ("LA"); empty otherwise."""
    states = [p for p in geo.lookup_all(texts[i]) if p.kind == "region" and p.country == "US"]
    if not states or geo.lookup(texts[i]) == states:
        return []
    for j, between in ((i - 2, i - 1), (i + 2, i + 1), (i - 1, None), (i + 1, None)):
        if not 0 <= j < len(texts) or not _is_code(texts[j]) or texts[j] in _CITY_CODES:
            continue
        if between is None:
            lo, hi = min(i, j), max(i, j)
            if tokens[hi].start - tokens[lo].end < 2:
                continue  # "TX LA" with no comma between: not a list
        elif tokens[between].key not in _LIST_JOINERS:
            continue
        other = geo.lookup(texts[j])
        if other and all(p.kind == "region" and p.country == "US" for p in other):
            return states
    return []


def _city_with_state(texts: list[str], i: int, j: int, found: geo.Place) -> PlaceHit | None:
    """ "Austin, TX", "Cambridge, MA": a city followed by its state or country is one place.
    "Greenwich, CT" (the gazetteer knows only London's Greenwich): the state, and the town
    the gazetteer lacks."""
    nxt = geo.longest_place_at(texts, j, max_len=3)
    if nxt is None and _is_code(texts[j]):
        # "Pittsburgh, PA": a code the gazetteer does not read alone (it is also a word)
        city = _city_in(" ".join(texts[i:j]), texts[j])
        return PlaceHit(j - i + 1, [city.filter_string()]) if city is not None else None
    if nxt and all(p.kind != "city" for p in nxt[1]):
        name = " ".join(texts[i:j])
        city = _city_in(name, " ".join(texts[j : j + nxt[0]]))
        if city is not None:
            return PlaceHit(j - i + nxt[0], [city.filter_string()])
        state = nxt[1][0]
        if (
            len(nxt[1]) == 1
            and state.kind == "region"
            and found.country != state.country  # the gazetteer knows the name only abroad
        ):
            return PlaceHit(j - i + nxt[0], [state.filter_string()], unlisted=name)
    return None


# Lower-case codes that are also words joining what comes next: read as a state only at the end
# ("portland or" is Oregon; "portland or seattle" is two cities).
_JOINING_CODES = frozenset({"or", "in"})


def _city_with_lower_code(tokens: list[Token], texts: list[str], i: int, j: int) -> PlaceHit | None:
    """ "portland me", "springfield il", "columbus ga": a state code typed in lower case right
    after a city picks the city of that name in the state (none there: no place)."""
    code = texts[j]
    if len(code) != 2 or not code.isalpha() or code.isupper() or not code[1:].islower():
        return None
    last = j + 1 == len(texts) or tokens[j + 1].start - tokens[j].end >= 2
    if code.lower() in _JOINING_CODES and not last:
        return None
    city = _city_in(" ".join(texts[i:j]), code.upper())
    return PlaceHit(j - i + 1, [city.filter_string()]) if city is not None else None


def _cities_elsewhere(name: str, country: str) -> list[str] | None:
    """Cities of the same name in other countries ("Paris" in Texas and in France)."""
    seen = {country}
    others = []
    # the name was read as a place already: its namesakes in any case ("naples": Naples, FL)
    for p in geo.lookup_all(name.title() if name.islower() else name):
        if p.kind == "city" and p.country not in seen:
            seen.add(p.country)
            others.append(p.filter_string())
    return others or None


def _code_or_country(hit: PlaceHit, word: str) -> None:
    """ "GA", "IN", "Georgia": a code or name that is both a US state and a country reads as the
    state, with the country kept as the alternative."""
    code = len(word) == 2 and word.isupper()
    if not code and hit.filters != [f"{hit.filters[0].split(', ')[0]}, US"]:
        return  # a name: only when it read as one US state
    both = [p for p in geo.lookup_all(word) if p.kind in ("country", "region")]
    region = next((p for p in both if p.kind == "region" and p.country == "US"), None)
    country = next((p for p in both if p.kind == "country"), None)
    if region is not None and country is not None:
        hit.filters = [region.filter_string()]
        hit.alternatives = [country.filter_string()]


def _is_code(word: str) -> bool:
    return len(word) == 2 and word.isalpha() and word.isupper()


def _city_in(city: str, region: str) -> geo.Place | None:
    place = geo.place_named(f"{city}, {region}")
    return place if place is not None and place.kind == "city" else None


def settle_codes(locations: list[str], ambiguous: dict[str, str]) -> list[str]:
    """US state codes become countries when the clause's other places are outside the US."""
    if not ambiguous:
        return locations
    others = [loc for loc in locations if loc not in ambiguous]
    abroad = any(not loc.endswith(", US") and loc != "US" for loc in others)
    if not abroad:
        return locations
    return _unique(ambiguous.get(loc, loc) for loc in locations)


def _country(location: str) -> str:
    return location.rsplit(", ", 1)[-1]


def prefer_nearby(
    locations: list[str], options: dict[str, list[str]], context: Sequence[str] = ()
) -> list[str]:
    """ "Atlanta and Birmingham" is Birmingham, AL: an ambiguous city follows the other places.

    ``context``: every place of the request that may decide (the locations themselves included).
    """
    if not options:
        return locations
    countries = {_country(loc) for loc in context if loc not in options}
    if not countries and len(locations) > 1:
        # Every place is ambiguous ("Boston and Cambridge"): the first one named anchors.
        countries = {_country(locations[0])}
    if not countries:
        return locations
    out = []
    for loc in locations:
        if loc in options and _country(loc) not in countries:
            loc = next((alt for alt in options[loc] if _country(alt) in countries), loc)
        out.append(loc)
    return _unique(out)


def fuzzy_place(phrase: str) -> list[str]:
    """A typo-tolerant match ("Califronia"), for phrases of five letters or more."""
    if len(phrase.replace(" ", "")) < 5 or compass_only(phrase):
        return []  # "in Southeast Michigan": a direction ``place_at`` passed over
    return _unique(p.filter_string() for p in geo.fuzzy_lookup(phrase))


def _unique(values) -> list[str]:
    out: list[str] = []
    for v in values:
        if v not in out:
            out.append(v)
    return out


# A quoted phrase right after a place word: "CTOs in 'São Paulo' and 'Zürich'".
_QUOTED_AFTER_PLACE_WORD = re.compile(
    r"\b(?:in|near|around|from|based\s+in|and|or|excluding|except|outside(?:\s+of)?)\s+qtok(\d+)\b"
    r"|,\s*qtok(\d+)\b",
    re.IGNORECASE,
)


def unquote_places(text: str, quotes: list[str]) -> str:
    """Quoted places after a place word are read as places, not as names of companies."""

    def repl(m: re.Match[str]) -> str:
        quoted = quotes[int(m[1] or m[2])]
        if geo.place_named(quoted) is None:
            return m[0]
        return m[0].replace(f"qtok{m[1] or m[2]}", quoted)

    return _QUOTED_AFTER_PLACE_WORD.sub(repl, text)


def other_readings(locations: Sequence[str], excluded: Sequence[str]) -> list[str]:
    """The excluded places that only name the other reading of a city the clause places the
    search in: "Portland Oregon not Maine" says which Portland, and excludes nothing ("Texas not
    Austin" still excludes Austin). Those are returned, to be dropped from the exclusions."""
    cities = [loc for loc in locations if loc.count(", ") >= 1 and _is_city(loc)]
    if not cities:
        return []
    out = []
    for region in excluded:
        if region.count(", ") > 1:
            continue  # a city: excluded as said
        suffix = f", {region}"
        for city in cities:
            name = city.split(", ", 1)[0]
            if not city.endswith(suffix) and any(
                p.kind == "city" and p.filter_string().endswith(suffix)
                for p in geo.lookup_all(name)
            ):
                out.append(region)
                break
    return out


def _is_city(location: str) -> bool:
    place = geo.place_named(location)
    return place is not None and place.kind == "city"


# A town listed in lower case with other towns of its state needs no capital and no "in":
# "hotel gms flagstaff and prescott", "in clearwater sarasota and lakeland".
_LISTED_TOWN_POPULATION = 20_000


def listed_towns(tokens: list[Token], places: list[PlaceHit | None]) -> None:
    """Read as a city each lower-case word that names one (not an everyday word such as
    "mobile") and is listed, with "and"/"or"/a comma or nothing between, next to a town of the
    same state or country: the list says the word is a place."""
    covered = _covered(places)
    for i, tok in enumerate(tokens):
        # "in swords or navan": after "in", a town whose name is also a word is listed too
        after_in = i > 0 and tokens[i - 1].key in ("in", "near", "around")
        if covered[i] or not _town_shaped(tok.text, common=after_in):
            continue
        cities = _lower_cities(tok.text)
        if not cities:
            continue
        near = _neighbour_cities(tokens, places, covered, i)
        same = [c for c in cities if any(_same_area(c, n) for n in near)]
        if same:
            places[i] = PlaceHit(1, [same[0].filter_string()])
            covered[i] = True


_CITY_JOINERS = _LIST_JOINERS - {"+"}  # "Greenville and Spartanburg SC"


def state_said_last(tokens: list[Token], places: list[PlaceHit | None]) -> None:
    """ "Greenville and Spartanburg SC": a state code after the last of two US cities is the
    state of the first as well, when that state has a city of the first one's name."""
    for i, hit in enumerate(places):
        if hit is None or len(hit.filters) != 1 or not hit.filters[0].endswith(", US"):
            continue
        j = i + hit.span
        while j < len(tokens) and tokens[j].key in _CITY_JOINERS and places[j] is None:
            j += 1
        nxt = places[j] if j < len(tokens) and j > i + hit.span else None
        if nxt is None or nxt.span < 2 or len(nxt.filters) != 1:
            continue
        code = tokens[j + nxt.span - 1].text
        parts = nxt.filters[0].split(", ")
        if len(parts) != 3 or code != parts[1] or hit.filters[0].split(", ")[1] == code:
            continue
        name = " ".join(t.text for t in tokens[i : i + hit.span])
        same = [p for p in geo.lookup_all(name) if p.kind == "city" and p.region == code]
        if same and same[0].country == "US":
            hit.filters = [same[0].filter_string()]


def _covered(places: list[PlaceHit | None]) -> list[bool]:
    covered = [False] * len(places)
    for i, hit in enumerate(places):
        if hit is not None:
            for k in range(i, min(len(places), i + hit.span)):
                covered[k] = True
    return covered


def _town_shaped(word: str, common: bool = False) -> bool:
    return (
        len(word) >= 4
        and word.isalpha()
        and word.islower()
        and (common or word not in COMMON_WORD_NAMES)
        and word not in _EVERYDAY_AFTER_IN
        and word not in ROLE_KEYS
    )


def _lower_cities(word: str) -> list[geo.Place]:
    """The cities of a lower-case word, most populous first ("canton": MI, then OH)."""
    if geo.normalise(word) not in geo.gazetteer().names:
        return []
    return [
        p
        for p in geo.lookup_all(word.title())
        if p.kind == "city" and p.population >= _LISTED_TOWN_POPULATION
    ]


def _neighbour_cities(
    tokens: list[Token], places: list[PlaceHit | None], covered: list[bool], i: int
) -> list[geo.Place]:
    """The cities named right before and right after token ``i`` in a list."""
    out: list[geo.Place] = []
    before = i - 1 if i and tokens[i - 1].key not in _JOINERS else i - 2
    if before >= 0 and tokens[before].key not in _JOINERS:
        out += _cities_at(tokens, places, covered, before, ending=True)
    after = i + 1
    if after < len(tokens) and tokens[after].key in _JOINERS:
        after += 1
    if after < len(tokens):
        out += _cities_at(tokens, places, covered, after, ending=False)
    return out


def _cities_at(
    tokens: list[Token], places: list[PlaceHit | None], covered: list[bool], j: int, ending: bool
) -> list[geo.Place]:
    """The cities of the place read at token ``j`` (ending there, or starting there), or of the
    lower-case town word there."""
    if covered[j]:
        start = j
        while ending and places[start] is None and start > 0:
            start -= 1
        hit = places[start]
        if hit is None:
            return []
        return [
            p for f in hit.filters if (p := geo.place_named(f)) is not None and p.kind == "city"
        ]
    return _lower_cities(tokens[j].text) if _town_shaped(tokens[j].text) else []


def _same_area(a: geo.Place, b: geo.Place) -> bool:
    return a.country == b.country and (a.region == b.region or a.country != "US")
