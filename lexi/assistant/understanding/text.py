"""Text plumbing: normalised keys, tokens, numbers written as words, quotes and clauses."""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

_IRREGULAR = {
    "people": "people",
    "sales": "sale",
    "series": "series",
    "news": "news",
    "bus": "bus",
    "status": "status",
    "gas": "gas",
    "saas": "saas",
    "aws": "aws",
    "ops": "ops",
    "this": "this",
    "its": "its",
    "has": "has",
    "was": "was",
    "analytics": "analytics",
    "logistics": "logistics",
    "mines": "mines",  # the companies ("engineering managers at mines"), never the pronoun "mine"
    "us": "us",
    "is": "is",
    "as": "as",
    "yes": "yes",
    "less": "less",
    "plus": "plus",
    "utilities": "utility",
    "business": "business",
    "press": "press",
    "boss": "boss",
    "bosses": "boss",
    "businesses": "business",
    "electronics": "electronic",
    "los": "los",
    "aeronautics": "aeronautics",
    "robotics": "robotics",
    "physics": "physics",
    "facilities": "facilities",
    "renewables": "renewables",
    "ceos": "ceo",
    "his": "his",
    "does": "does",
    "yours": "yours",
    "ours": "ours",
    "theirs": "theirs",
    "hers": "hers",
    "whereas": "whereas",
    "cos": "company",  # "saas cos", "logistics cos": companies
}


def word_set(text: str) -> frozenset[str]:
    """A set of words written as one block of text (long vocabularies stay readable)."""
    return frozenset(text.split())


@lru_cache(maxsize=8192)
def singular(word: str) -> str:
    """A cheap English singular, applied identically to aliases and to input."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) <= 2 or not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "ches", "shes", "xes", "zes")):
        return word[:-2]
    return word[:-1]


_KEY_SPLIT = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=8192)
def norm_key(phrase: str) -> str:
    """Lower case, "&" as "and", possessives and punctuation dropped, each word singular."""
    text = phrase.lower().replace("&", " and ").replace("’", "'")
    if not text.isascii():  # "Geschäftsführer", "Zürich": accents fold
        text = "".join(
            c
            for c in unicodedata.normalize("NFKD", text.replace("ß", "ss"))
            if not unicodedata.combining(c)
        )
    text = re.sub(r"'s\b", "", text)
    return " ".join(singular(w) for w in _KEY_SPLIT.split(text) if w)


# ---------------------------------------------------------------- tokens

_TOKEN = re.compile(
    r"\d[Pp][Ll][Ss]?\b|\d[\d,]*(?:\.\d+)?[kK]?\+?|[^\W\d_][^\W_]*(?:['’][^\W\d_]+)?|[&/$%+]"
)


@dataclass(frozen=True)
class Token:
    text: str  # as written (places are case-aware)
    key: str  # normalised singular lower case
    start: int
    end: int

    @property
    def number(self) -> int | None:
        return parse_int(self.text)


def _name_with_apostrophe(raw: str) -> bool:
    """ "d'Ivoire", "O'Hare", "Jo'burg": a name with an apostrophe inside, not a possessive or a
    contraction ("broker's", "don't")."""
    tail = raw.replace("’", "'").partition("'")[2]
    if tail[:1].isupper():
        return True
    from lexi import geo

    return len(tail) > 2 and bool(geo.lookup(raw))


def tokenize(text: str) -> list[Token]:
    out = []
    for m in _TOKEN.finditer(text):
        raw = m.group(0)
        if raw[0].isalpha() and ("'" in raw or "’" in raw) and not _name_with_apostrophe(raw):
            raw = re.split(r"['’]", raw)[0]
        key = norm_key(raw) if raw[0].isalnum() else ("and" if raw == "&" else raw)
        end = m.end()
        if raw[-1:] in "sS" and text[end : end + 1] in ("'", "’"):
            end += 1  # "brokers'": a plural possessive, like "broker's"
        out.append(Token(raw, key, m.start(), end))
    return out


MAX_NUMBER_CHARS = 24


# What a word after a number multiplies it by ("10k", "2.5 million", "5bn").
MULTIPLIERS: dict[str, float] = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "mm": 1e6,
    "mn": 1e6,
    "mil": 1e6,
    "mln": 1e6,
    "million": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "bln": 1e9,
    "billion": 1e9,
}


def parse_int(text: str) -> int | None:
    t = text.replace(",", "").rstrip("+").lower()
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", t):
        t = t.replace(".", "")  # "5.000": a thousands separator, as written in much of Europe
    mult = 1
    if t.endswith("k"):
        t, mult = t[:-1], 1000
    if len(t) > MAX_NUMBER_CHARS:
        return None  # no count, size or amount anyone means is written with this many digits
    try:
        value = float(t)
    except ValueError:
        return None
    if not math.isfinite(value):
        return None
    return round(value * mult)


# ---------------------------------------------------------------- numbers written as words

_UNITS = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ]
    )
}
_TENS = {
    w: 10 * (i + 2)
    for i, w in enumerate(
        ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    )
}
_TENS.update({"fourty": 40, "ninty": 90})  # common misspellings
_SCALES = {"hundred": 100, "thousand": 1000}
# The words numbers are written with, and their values, for the modules that read them too
# (``dictation``'s years, ``interpreter``'s "twenty five of them").
NUMBER_UNITS: Mapping[str, int] = _UNITS
NUMBER_TENS: Mapping[str, int] = _TENS
COUNT_WORD = "|".join([*(w for w, v in _UNITS.items() if v >= 2), *_TENS, "hundred", "dozen"])
_NUMBER_WORD = "|".join([*_UNITS, *_TENS, *_SCALES, "dozen", "a", "an", "and", "half"])
_NUMBER_RUN = re.compile(rf"\b(?:{_NUMBER_WORD})(?:[\s-]+(?:{_NUMBER_WORD}))*\b", re.IGNORECASE)


def _words_value(words: list[str]) -> int | None:
    total, current, seen = 0, 0, False
    for w in words:
        if w in ("a", "an"):
            current = current if current < 0 else max(current, 1)
        elif w == "and":
            continue
        elif w == "half":
            current = current or 1
            current = -current  # "half a dozen": marks a half, resolved by "dozen"
        elif w in _UNITS:
            current = abs(current) + _UNITS[w] if current >= 0 else _UNITS[w]
            seen = True
        elif w in _TENS:
            current = abs(current) + _TENS[w]
            seen = True
        elif w == "dozen":
            current = 6 if current < 0 else max(current, 1) * 12
            seen = True
        elif w == "hundred":
            current = max(abs(current), 1) * 100
            seen = True
        elif w == "thousand":
            total += max(abs(current), 1) * 1000
            current = 0
            seen = True
    return total + abs(current) if seen else None


def _two_numbers(words: list[str]) -> int | None:
    """Where an "and" separates two numbers ("fifty and two hundred"); None when it joins the
    parts of one ("two hundred and fifty", "a thousand and one")."""
    for i, w in enumerate(words):
        if w != "and" or i == 0 or i == len(words) - 1:
            continue
        j = i + 1
        while j < len(words) and (words[j] in _UNITS or words[j] in _TENS):
            j += 1
        after = words[j] if j < len(words) else None
        joins = (
            words[i - 1] in ("hundred", "thousand")
            and j > i + 1
            and (
                after not in ("hundred", "thousand")
                or (words[i - 1], after) == ("thousand", "hundred")
            )
        )
        if not joins:
            return i
    return None


def repl_words(words: list[str]) -> str:
    """Number words as digits (the words themselves when they are no number)."""
    if (cut := _two_numbers(words)) is not None:
        return f"{repl_words(words[:cut])} and {repl_words(words[cut + 1 :])}"
    value = _words_value(words)
    return str(value) if value is not None else " ".join(words)


def _shared_scale(left: list[str], right: list[str]) -> str:
    """ "between two and five thousand": the scale of the second number is the first's too."""
    low, high = repl_words(left), repl_words(right)
    if (
        right
        and right[-1] in ("hundred", "thousand")
        and not {"hundred", "thousand"} & set(left)
        and low.isdigit()
        and high.isdigit()
    ):
        unit = 1000 if right[-1] == "thousand" else 100
        if int(low) * unit <= int(high):
            low = str(int(low) * unit)
    return f"{low} and {high}"


# A capitalised word right after a number word (not a role or a unit): the number begins a name.
_NAME_GOES_ON = re.compile(
    r"\s+(?!(?:CEOs?|CFOs?|CTOs?|COOs?|CMOs?|VPs?|Directors?|Managers?|Heads?|Founders?|Owners?|Partners?|"
    r"Presidents?|People|Employees|Companies|Firms|Leads|Names|Contacts|Prospects|More)\b)[A-Z][a-z]"
)


def words_to_digits(text: str) -> str:
    """ "twenty five CEOs" -> "25 CEOs", "a dozen" -> "12", "one" only where it counts."""

    def repl(m: re.Match[str]) -> str:
        raw = m.group(0)
        words = [w for w in re.split(r"[\s-]+", raw.lower()) if w]
        # Keep leading articles/"and" that do not belong to the number.
        lead = []
        while (
            words
            and words[0] in ("a", "an", "and")
            and (len(words) == 1 or words[1] not in ("dozen", "hundred", "thousand", "half"))
        ):
            lead.append(words.pop(0))
        trail: list[str] = []
        while words and words[-1] in ("a", "an", "and", "half"):
            trail.insert(0, words.pop())
        if not words:
            return raw
        if words == ["one"]:
            return raw  # "the one", "no one": too often not a number; handled as 1 elsewhere
        if m.start() and raw[:1].isupper() and _NAME_GOES_ON.match(m.string, m.end()):
            return raw  # "Four Seasons", "Three Rivers Health": a name
        if (cut := _two_numbers(words)) is not None:
            # "between fifty and two hundred": two numbers, not 5,200.
            return " ".join([*lead, _shared_scale(words[:cut], words[cut + 1 :]), *trail])
        value = _words_value(words)
        if value is None:
            return raw
        return " ".join([*lead, str(value), *trail])

    return _NUMBER_RUN.sub(repl, text)


# ---------------------------------------------------------------- quotes and clauses

_QUOTE = re.compile(
    r"[\"“”]([^\"“”]{1,120})[\"“”]|(?<![A-Za-z0-9])['‘’]([^'‘’]{1,120}?)['‘’](?![A-Za-z0-9])"
)


def protect_quotes(text: str) -> tuple[str, list[str]]:
    """Replace quoted phrases by placeholders ``qtok0`` so splitting cannot cut them."""
    quotes: list[str] = []

    def repl(m: re.Match[str]) -> str:
        quotes.append((m.group(1) or m.group(2) or "").strip())
        return f" qtok{len(quotes) - 1} "

    return _QUOTE.sub(repl, text), quotes


QUOTE_TOKEN = re.compile(r"\bqtok(\d+)\b")

# Verbs that start a new request after "and", "then" or a comma.
_CLAUSE_VERBS = (
    r"add|save|put|push|store|create|make|remove|delete|start|launch|draft|write|show|tell|"
    # ("keg and can supply": a can is no verb; "and can you ...", "and could we ..." ask)
    r"give|find|get|search|look|pull|send|export|also|then|how|what|"
    r"(?:can|could)(?=\s+(?:you|u|we|i|lexi|ya)\b)|please|"
    r"build|set|stick|throw|drop|dump|move|rewrite|compose|prepare|kick|list|"
    r"grab|fetch|name|call|exclude|filter|narrow|only|just|spin|dismiss|cancel|reject|decline|approve|"
    r"rename|merge|pause|whats|what's|pending|change|shorten|trim|tweak|load|upload|import|sync|book|schedule|"
    r"chuck|toss|bung|shove|stash|plonk|whack|sling|pop|is\s+(?:there\s+)?anything|are\s+there\s+any"
)
_SPLIT = re.compile(
    rf"(?:\s*[.!?;]+\s+(?=\S))|(?:\s*,?\s+and\s+(?:then|after(?:wards|\s+that)?)\s+)|(?:\s*,\s*then\s+)|(?:(?<!\bless)(?<!\bmore)(?<!\bfewer)(?<!\bbigger)(?<!\bsmaller)(?<!\blarger)(?<!\bother)(?<!\brather)\s+then\s+)"
    # "import and export companies": one industry, not "export" asked after "import"
    rf"|(?:(?<!\bimport)\s*,?\s+and\s+(?=(?:{_CLAUSE_VERBS})\b(?!-)))|(?:\s*,\s+(?=(?:{_CLAUSE_VERBS})\b(?!-)))"
    # "save these to DTC Growth Q1 + spin up a campaign": a plus or ampersand before a verb
    rf"|(?:(?<!\bimport)\s+[+&]\s+(?=(?:{_CLAUSE_VERBS})\b(?!-)))"
    # "show pending approvals and my credit balance": a second thing to show
    r"|(?:\s+and\s+(?=(?:my|our)\s+(?:credits?|credit\s+balance|balance|lists|tasks|pending)\b))"
    # "pull 40 more like that \u2014 is that going to be 40 credits?": a question after a dash
    r"|(?:\s+[\u2014\u2013]\s+(?=(?:is|are|does|do|will|would|how|what|can|could|should)\b[^\u2014\u2013]*\?\s*$))"
    # "couple things: 1) show my lists 2) credit balance": numbered asks
    r"|(?:\s*[,;:]?\s+(?=\(?\d{1,2}\)\s+[^\W\d]))"
    # "drop netsuite, instead show companies hiring ...": the next ask, said as a replacement
    r"|(?:\s*[,;]\s*(?=instead\s+(?:show|find|get|give|pull|search|look|add|use|go|try)\b))",
    re.IGNORECASE,
)
NO_SPLIT_BEFORE_DOT = re.compile(
    r"\b(?:st|mt|ft|inc|ltd|co|corp|dr|mr|ms|mrs|vs|e\.g|i\.e|dir|sr|snr|jr|assoc|asst|mgr|vp|svp|evp|dept|"
    r"excl|incl|approx|p\.s|p\.p\.s|mio|mrd|mill|tsd|n|s|e|w)$",
    re.IGNORECASE,
)

_INITIAL = re.compile(r"(?:^|[\s.])[A-Z]$")
_INITIAL_NEXT = re.compile(r"[A-Z][a-z]+(?:\s|$|[,.!?])")
# "name it Benelux", "please: Law Firm Innovation 2027": the name of the list just asked for
_NAMES_IT = re.compile(
    r"(?:name|call)\s+it\b|(?:please|pls|plz)\s*[:\-\u2013\u2014]", re.IGNORECASE
)
_ENDS_WITH_LIST = re.compile(
    # "new list for these pls, call it Canberra CRE"
    r"\blist(?:\s+for\s+(?:these|them|those|em|this\s+lot))?(?:\s+(?:pls|please|plz))?$",
    re.IGNORECASE,
)


def split_clauses(text: str) -> list[str]:
    """Cut a compound request into clauses before deciding intents."""
    parts: list[str] = []
    pos = 0
    for m in _SPLIT.finditer(text):
        before = text[pos : m.start()]
        if "." in m.group(0) and NO_SPLIT_BEFORE_DOT.search(before):
            continue
        if (
            m.group(0).strip() == "."
            and _INITIAL.search(before)
            and _INITIAL_NEXT.match(text, m.end())
        ):
            continue  # "cheaper than J.J. Keller", "Dr. A. Smith": initials of a name
        if _NAMES_IT.match(text, m.end()) and _ENDS_WITH_LIST.search(before):
            continue  # "save these into a new list, name it Benelux", "new list, please: X"
        parts.append(before)
        pos = m.end()
    parts.append(text[pos:])
    parts = [_NUMBERED.sub("", p) for p in parts]
    return [p.strip(" ,;") for p in parts if p.strip(" ,;.!?")]


_NUMBERED = re.compile(r"^\s*\(?\d{1,2}\)\s+")


# Sales Navigator-style boolean queries: ("VP Sales" OR "Head of Sales") AND SaaS NOT CFO.
_BOOLEAN = re.compile(
    r"(?<![,\w])\s*\b(?:OR|AND|NOT)\b(?=\s+[\"'(A-Za-z])|[\"']\s+(?:or|OR)\s+[\"']"
)
_BOOL_OR = re.compile(r"(?<!,)(?<!\bin)(?<!\bfrom)\s+OR\s+")
_BOOL_AND = re.compile(r"\s+AND\s+")
# "Splunk but NOT Sentinel": the "but" said already is not said twice
_BOOL_NOT = re.compile(r"(?:\s+(?:but|and))?\s+NOT\s+")
# "General Counsel, VP Risk | hospitals in Illinois | 1000+ employees": a pipe separates
# fields as a comma does.
_PIPE = re.compile(r"\s*(?<!\|)\|(?!\|)\s*")
# A quoted phrase: "VP Clinical Operations", 'Q1 Leads'.
QUOTED = re.compile(r"(?<!\w)[\"“”']([^\"“”']{2,60})[\"“”'](?!\w)")
# "title: CFO, industry: banks, geo: Midwest", "Management level = CXO; function = finance":
# field labels of a pasted search form.
_FIELDS = re.compile(
    r"(?:(?<=^)|(?<=[,;|])|(?<=\s)(?=[a-z_]+=))\s*(?:(?:job\s+)?titles?|industry|industries|geo(?:graphy)?|locations?|"
    r"region|seniority|seniorities|(?:management\s+)?level|company\s+size|size|headcount|revenue|"
    r"keywords?|country|countries|state|states|city|cities|(?P<dept>function|department))\s*[:=]\s*",
    re.IGNORECASE,
)


# "title: founder", "titles=Owner", "with the title Partner": a level word named as a job title
# is that title (read through the "<word> title" entries of roles.toml), not the seniority.
_LEVEL_AS_TITLE = re.compile(
    r"\b(?:(?:with\s+)?the\s+(?:job\s+)?title|(?:job\s+)?titles?\s*[:=]|titled)\s*[\"'“]?"
    r"(?P<word>co-?\s?founders?|founders?|owners?|partners?)[\"'”]?(?=\s*(?:$|[,;|.])|\s+(?:in|at|from|for|with|who|and|based)\b)",
    re.IGNORECASE,
)


def _level_as_title(m: re.Match[str]) -> str:
    word = m["word"]
    return f"; {word[:-1] if word.lower().endswith('s') else word} title"


_EXPLAINED = re.compile(r"\b([A-Z]{2,5})s?\s*\(([A-Za-z][A-Za-z\s&-]{3,60})\)")


def _explained(m: re.Match[str]) -> str:
    """ "CCOs (chief compliance officers)": the spelled-out form says which CCO is meant."""
    words = [w for w in re.split(r"[\s&-]+", m[2]) if w and w.lower() not in ("of", "and", "the")]
    initials = "".join(w[0] for w in words).upper()
    return m[2] if initials == m[1] else m[0]


def _json_value(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(map(_json_value, value))
    if isinstance(value, dict) and {"min", "max"} >= value.keys():
        low, high = value.get("min"), value.get("max")
        return f"{low}-{high}" if low and high else f"at least {low}" if low else f"at most {high}"
    return str(value)


def _json_form(text: str) -> str:
    """A filters object pasted as JSON ('{"titles": ["CTO"], "locations": ["Berlin"]}') as the
    form it stands for ("titles: CTO; locations: Berlin")."""
    try:
        data = json.loads(text)
    except ValueError:
        return text
    if not isinstance(data, dict):
        return text
    return "; ".join(f"{key.replace('_', ' ')}: {_json_value(v)}" for key, v in data.items())


def pipes_as_commas(text: str) -> str:
    """ "VP Risk | hospitals in Illinois": the fields a pipe separates, separated by a comma."""
    return _PIPE.sub(", ", text) if "|" in text else text


def boolean_to_plain(text: str, keep: frozenset[str] | set[str] = frozenset()) -> str:
    """Boolean search syntax as plain words: quotes and brackets go, OR/AND/NOT become words.
    A quoted phrase in ``keep`` (a title that must stay one title) keeps its quotes."""

    def unquote(m: re.Match[str]) -> str:
        return m[0] if m[1] in keep else m[1]

    if text.startswith("{") and text.endswith("}"):
        text = _json_form(text)
    if "(" in text:
        text = _EXPLAINED.sub(_explained, text)
    if "itle" in text:
        text = _LEVEL_AS_TITLE.sub(_level_as_title, text)
    if (":" in text or "=" in text) and _FIELDS.search(text):
        text = _FIELDS.sub(lambda m: ", people in " if m["dept"] else ", ", text).lstrip(" ,")
        text = QUOTED.sub(unquote, text)  # 'Job Title = "Chief Information Security Officer"'
    if not _BOOLEAN.search(text):
        return text
    text = QUOTED.sub(unquote, text)
    text = text.replace("(", " ").replace(")", " ")
    text = _BOOL_OR.sub(" or ", text)
    text = _BOOL_AND.sub(", ", text)
    text = _BOOL_NOT.sub(" but not ", text)
    return " ".join(text.split())
