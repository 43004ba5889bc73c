"""Other languages mixed into English requests: their words of requests and commands said in
English before reading.

A salesperson in Mexico City writes "oye lexi, necesito HR directors en manufactureras en
Monterrey porfa" or "guárdalos en Baja Plants"; one in Jakarta "tambah Surabaya juga", "simpan
ke list baru namanya Fashion Lokal" or "berapa kredit sisa": English and another language in one
message. The rules read English, so the other language's words of asking, joining, changing a
search, lists, campaigns, tasks and credits (``data/spanish.toml``, ``data/malay.toml`` for
Indonesian and Malay) are said in English first. Only a message with a word no English request
uses (a marker) is touched; the names of the user's lists stay as written, and a campaign's
topic is given back as written (``interpreter._names_as_written``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from .lexicon import data_file


def _plain(text: str) -> str:
    """The text without accents ("cuántos" -> "cuantos")."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def _alternatives(words: Sequence[str]) -> str:
    keys = {k for w in words for k in (w.lower(), _plain(w.lower()))}
    return "|".join(
        re.escape(k).replace(r"\ ", r"\s+") for k in sorted(keys, key=len, reverse=True)
    )


def _words(words: Sequence[str]) -> re.Pattern[str]:
    # (not "y'all", "o'clock", "banker-y")
    return re.compile(rf"(?<![\w'\u2019-])(?:{_alternatives(words)})(?![\w'\u2019-])", re.I)


@dataclass(frozen=True)
class _Language:
    """One language's table: its markers (words no English request uses: only a message holding
    one is read), the words of another language that share its words (Portuguese for Spanish:
    "em", "não"), its phrases and English, and the starts of asides said after a request."""

    markers: re.Pattern[str]
    unless: re.Pattern[str] | None
    phrases: dict[str, str]
    phrase: re.Pattern[str]
    aside: re.Pattern[str] | None

    @classmethod
    def of(cls, name: str) -> _Language:
        data = data_file(name)
        phrases: dict[str, str] = {}
        for key, value in data["phrases"].items():
            phrases[key.lower()] = value
            phrases.setdefault(_plain(key.lower()), value)
        unless = data["markers"].get("unless")
        starts = data.get("asides", {}).get("starts")
        return cls(
            markers=_words(data["markers"]["words"]),
            unless=_words(unless) if unless else None,
            phrases=phrases,
            phrase=_words(list(phrases)),
            aside=(
                re.compile(
                    rf"(?<=[,.;!?])\s*(?:{_alternatives([s.strip() for s in starts])})"
                    r"(?:\s|(?<=\w)(?=\W))[^.!?;]*",
                    re.I,
                )
                if starts
                else None
            ),
        )

    def spoken_in(self, text: str) -> bool:
        return any(not _a_name(m) for m in self.markers.finditer(text)) and not (
            self.unless and self.unless.search(text)
        )


_LANGUAGES = (_Language.of("spanish.toml"), _Language.of("malay.toml"))


def in_english(text: str, list_names: Sequence[str] = ()) -> str:
    """The message with its request words of another language said in English (unchanged when
    it has none)."""
    for language in _LANGUAGES:
        if language.spoken_in(text):
            text = _in_english(language, text, list_names)
    return text


def _in_english(language: _Language, text: str, list_names: Sequence[str]) -> str:
    # The user's own list names are no words to translate: "US SaaS en MX", "Querétaro Aero".
    names = [n for n in list_names if n and n.lower() in text.lower()]
    if names:
        split = re.compile(
            "(" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + ")",
            re.IGNORECASE,
        )
        parts = split.split(text)
        text = "".join(
            p if n % 2 else _between_names(language, parts, n) for n, p in enumerate(parts)
        )
    else:
        text = _translated(language, text)
    return text.strip()


def _between_names(language: _Language, parts: list[str], n: int) -> str:
    """The words before, after or between list names: "renombra X a Y" renames X to Y, "quita a
    todos los de Foxconn de Tijuana HR" removes them from the list."""
    part = parts[n]
    if 0 < n < len(parts) - 1 and re.fullmatch(r"\s+a\s+", part):
        return " to "
    out = _translated(language, part)
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


def _english(language: _Language, m: re.Match[str]) -> str:
    if _a_name(m):
        return m[0]
    key = " ".join(m[0].lower().split())
    nxt = _NEXT_WORD.match(m.string, m.end())
    if (
        key in _KIND_OF_COMPANY
        and nxt
        and not nxt[1].isascii()
        and nxt[1].lower() not in language.phrases
    ):
        # "empresas de alimentación": a kind of company these words cannot say in English; left
        # as written, so that the request is answered with a question about its language
        return m[0]
    return language.phrases[key]


_KIND_OF_COMPANY = frozenset({"empresas de", "empresas", "compañías", "companias"})


# "solo empresas de 500+ empleados": companies of a size
_OF_A_SIZE = re.compile(r"(?<!\w)(empresas|compa[nñ][ií]as)\s+de\s+(?=\d)", re.IGNORECASE)


def _translated(language: _Language, text: str) -> str:
    if language.aside is not None:
        text = language.aside.sub("", text)
    text = _OF_A_SIZE.sub("companies with ", text)
    out = language.phrase.sub(lambda m: _english(language, m), text)
    return re.sub(r"(?<=\S)\s{2,}(?=\S)", " ", out)
