"""Spanish in requests: the words of requests and commands said in English before reading.

A salesperson in Mexico City writes "oye lexi, necesito HR directors en manufactureras en
Monterrey porfa" or "guárdalos en Baja Plants": English and Spanish in one message. The rules
read English, so the Spanish words of asking, joining, changing a search, lists, campaigns,
tasks and credits (``data/spanish.toml``) are said in English first. Only a message with a
word no English request uses is touched; the names of the user's lists stay as written, and a
campaign's topic is given back as written (``interpreter._names_as_written``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from .lexicon import data_file

_DATA = data_file("spanish.toml")


def _plain(text: str) -> str:
    """The text without accents ("cuántos" -> "cuantos")."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def _alternatives(words: Sequence[str]) -> str:
    keys = {k for w in words for k in (w.lower(), _plain(w.lower()))}
    return "|".join(
        re.escape(k).replace(r"\ ", r"\s+") for k in sorted(keys, key=len, reverse=True)
    )


# (not "y'all", "o'clock", "banker-y")
_MARKER = re.compile(
    rf"(?<![\w'\u2019-])(?:{_alternatives(_DATA['markers']['words'])})(?![\w'\u2019-])",
    re.IGNORECASE,
)
# Portuguese, which shares words with Spanish ("empresas", "de") but not these
_PORTUGUESE = re.compile(r"(?<!\w)(?:em|nas|não|você|vocês|obrigad[oa])(?!\w)", re.IGNORECASE)
_PHRASES: dict[str, str] = {}
for _key, _value in _DATA["phrases"].items():
    _PHRASES[_key.lower()] = _value
    _PHRASES.setdefault(_plain(_key.lower()), _value)
_PHRASE = re.compile(
    rf"(?<![\w'\u2019-])(?:{_alternatives(list(_PHRASES))})(?![\w'\u2019-])", re.IGNORECASE
)
_ASIDE = re.compile(
    rf"(?<=[,.;!?])\s*(?:{_alternatives([s.strip() for s in _DATA['asides']['starts']])})"
    r"(?:\s|(?<=\w)(?=\W))[^.!?;]*",
    re.IGNORECASE,
)


def in_english(text: str, list_names: Sequence[str] = ()) -> str:
    """The message with its Spanish request words said in English (unchanged when it has none)."""
    if not any(not _a_name(m) for m in _MARKER.finditer(text)) or _PORTUGUESE.search(text):
        return text
    # The user's own list names are no words to translate: "US SaaS en MX", "Querétaro Aero".
    names = [n for n in list_names if n and n.lower() in text.lower()]
    if names:
        split = re.compile(
            "(" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + ")",
            re.IGNORECASE,
        )
        parts = split.split(text)
        text = "".join(p if n % 2 else _between_names(parts, n) for n, p in enumerate(parts))
    else:
        text = _translated(text)
    return text.strip()


def _between_names(parts: list[str], n: int) -> str:
    """The words before, after or between list names: "renombra X a Y" renames X to Y, "quita a
    todos los de Foxconn de Tijuana HR" removes them from the list."""
    part = parts[n]
    if 0 < n < len(parts) - 1 and re.fullmatch(r"\s+a\s+", part):
        return " to "
    out = _translated(part)
    if n < len(parts) - 1 and re.search(r"\bremove\b", out, re.IGNORECASE):
        out = re.sub(r"\s+de\s*$", " from ", out)
    return out


_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)")


def _a_name(m: re.Match[str]) -> bool:
    """A capitalised word inside a sentence ("Y Combinator", "Sobre Foods", "O Boticário"): a
    name, not a Spanish word."""
    return (
        m[0][:1].isupper()
        and " " not in m[0]  # ("Estados Unidos" is the country)
        and bool(m.start())
        and not _SENTENCE_END.search(m.string, 0, m.start())
    )


_SENTENCE_END = re.compile(r"(?:^|[.!?:;]\s*|[,]\s*)$")


def _english(m: re.Match[str]) -> str:
    if _a_name(m):
        return m[0]
    key = " ".join(m[0].lower().split())
    nxt = _NEXT_WORD.match(m.string, m.end())
    if key in _KIND_OF_COMPANY and nxt and not nxt[1].isascii() and nxt[1].lower() not in _PHRASES:
        # "empresas de alimentación": a kind of company these words cannot say in English; left
        # as written, so that the request is answered with a question about its language
        return m[0]
    return _PHRASES[key]


_KIND_OF_COMPANY = frozenset({"empresas de", "empresas", "compañías", "companias"})


# "solo empresas de 500+ empleados": companies of a size
_OF_A_SIZE = re.compile(r"(?<!\w)(empresas|compa[nñ][ií]as)\s+de\s+(?=\d)", re.IGNORECASE)


def _translated(text: str) -> str:
    text = _OF_A_SIZE.sub("companies with ", _ASIDE.sub("", text))
    out = _PHRASE.sub(_english, text)
    return re.sub(r"(?<=\S)\s{2,}(?=\S)", " ", out)
