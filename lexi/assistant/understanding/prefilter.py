"""Regular expressions that first check, cheaply, whether the text can match at all.

Most of the rules' patterns look for words a message rarely has ("campaign", "unsubscribe",
"series A"); Python's regex engine still tries them at every position of every clause, and a
pattern that starts with ``\\b`` or is case-insensitive gets none of its fast prefix scans.
``compile`` reads the pattern once and finds words every match must contain (one of a few
alternatives, such as ``{"campaign", "sequence"}``); a text that contains none of them
(compared in lower case, a substring test) cannot match, and the pattern is not run.

The needles are derived from the pattern itself, so they are right by construction and follow
any change to the pattern: a needle is only ever a string that each match contains.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

# Sets of alternatives grow by concatenation ("(?:vp|head) of (?:sales|marketing)"); beyond this
# many strings a set is not worth testing one by one.
_MAX_STRINGS = 48
# Needles shorter than this are in nearly every message: such a check costs and saves nothing.
_MIN_NEEDLE = 3


@dataclass(frozen=True)
class _Info:
    """What a piece of a pattern matches: all its strings when they are few (``exact``), or a
    set of strings one of which each match contains (``need``; None when nothing is known)."""

    exact: frozenset[str] | None = None
    need: frozenset[str] | None = None

    def needles(self) -> frozenset[str] | None:
        if self.exact is not None:
            return None if "" in self.exact else _smallest(self.exact)
        return self.need


_EMPTY = _Info(exact=frozenset({""}))
_UNKNOWN = _Info()


def needles(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Lower-case strings one of which every match of the pattern contains (None: none known)."""
    return _info_of_sequence(sre_parse.parse(pattern, flags).data).needles()


def _char(code: int) -> _Info:
    # Only ASCII letters are compared: a few other letters match them case-insensitively
    # ("ſ" matches "s"), and texts with those are never skipped (see ``_odd_case``).
    ch = chr(code)
    return _Info(exact=frozenset({ch.lower()})) if ch.isascii() else _UNKNOWN


def _info_of_set(items: list[tuple[Any, Any]]) -> _Info:
    chars: set[str] = set()
    for op, av in items:
        if op is not sre.LITERAL or not chr(av).isascii():
            return _UNKNOWN  # ranges, classes (\d, \s), negation, other scripts
        chars.add(chr(av).lower())
    return _Info(exact=frozenset(chars))


def _info_of_repeat(low: int, high: int, item: list[Any]) -> _Info:
    if high == 0:
        return _EMPTY
    inner = _info_of_sequence(item)
    if low == 0:
        if high == 1 and inner.exact is not None:
            return _Info(exact=inner.exact | {""})
        return _UNKNOWN
    if low == high == 1:
        return inner
    return _Info(need=inner.needles())  # at least one repetition is in every match


def _info_of_branch(alternatives: list[list[Any]]) -> _Info:
    infos = [_info_of_sequence(alt) for alt in alternatives]
    if all(i.exact is not None for i in infos):
        union = frozenset().union(*(i.exact for i in infos if i.exact is not None))
        if len(union) <= _MAX_STRINGS:
            return _Info(exact=union)
    needs = [i.needles() for i in infos]
    if any(n is None for n in needs):
        return _UNKNOWN
    return _Info(need=_smallest(frozenset().union(*(n for n in needs if n is not None))))


def _info_of(op: Any, av: Any) -> _Info:
    if op is sre.LITERAL:
        return _char(av)
    if op is sre.IN:
        return _info_of_set(av)
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return _EMPTY  # zero width: what is around it is contiguous text
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        return _info_of_repeat(av[0], av[1], av[2])
    if op is sre.SUBPATTERN:
        return _info_of_sequence(av[3])
    if op is sre.ATOMIC_GROUP:
        return _info_of_sequence(av)
    if op is sre.BRANCH:
        return _info_of_branch(av[1])
    return _UNKNOWN  # any character, back references, conditionals


def _info_of_sequence(items: Iterable[tuple[Any, Any]]) -> _Info:
    run: frozenset[str] = frozenset({""})  # the exact strings of the items since the last gap
    candidates: list[frozenset[str] | None] = []
    whole = True
    for op, av in items:
        info = _info_of(op, av)
        if info.exact is not None and len(run) * len(info.exact) <= _MAX_STRINGS:
            run = frozenset(a + b for a in run for b in info.exact)
            continue
        whole = False
        candidates.append(run)
        if info.exact is not None:
            run = info.exact
        else:
            candidates.append(info.need)
            run = frozenset({""})
    if whole:
        return _Info(exact=run)
    candidates.append(run)
    return _Info(need=_best(candidates))


def _best(candidates: list[frozenset[str] | None]) -> frozenset[str] | None:
    """The most telling set: longest shortest string, then fewest strings."""
    usable = [_smallest(c) for c in candidates if c and "" not in c]
    if not usable:
        return None
    return max(usable, key=lambda c: (min(len(s) for s in c), -len(c)))


def _smallest(strings: frozenset[str]) -> frozenset[str]:
    """Without the strings that contain another one of the set (finding that one is enough)."""
    return frozenset(s for s in strings if not any(o != s and o in s for o in strings))


# Letters that match an ASCII letter case-insensitively without containing it in lower case.
_ODD_CASE = ("\u0131", "\u017f")  # dotless i, long s


def _odd_case(text: str) -> bool:
    return not text.isascii() and any(ch in text for ch in _ODD_CASE)


_last: tuple[str, str] = ("", "")  # the last text lowered (one message reads many patterns)


def _lower(text: str) -> str:
    global _last
    last = _last
    if last[0] is text:
        return last[1]
    lowered = text.lower()
    _last = (text, lowered)  # one assignment: safe when threads share it
    return lowered


class Prefiltered:
    """A compiled pattern that is not run on text lacking every one of its needles.

    It answers like the pattern itself: no match, the text unchanged, no pieces.
    """

    __slots__ = ("_needles", "regex")

    def __init__(self, regex: re.Pattern[str], found: frozenset[str]) -> None:
        self.regex = regex
        self._needles = tuple(sorted(found, key=len, reverse=True))

    def _cannot_match(self, text: str) -> bool:
        # Called for every pattern on every clause: the last text's lower case is read here
        # rather than through a call, and ASCII text (most messages) skips the odd-case check.
        last = _last
        lowered = last[1] if last[0] is text else _lower(text)
        for needle in self._needles:
            if needle in lowered:
                return False
        return text.isascii() or not _odd_case(text)

    def search(self, text: str, *args: int) -> re.Match[str] | None:
        # The most called method: the needle check of ``_cannot_match`` is written out here,
        # saving a call per pattern per clause.
        last = _last
        lowered = last[1] if last[0] is text else _lower(text)
        for needle in self._needles:
            if needle in lowered:
                return self.regex.search(text, *args)
        if text.isascii() or not _odd_case(text):
            return None
        return self.regex.search(text, *args)

    def match(self, text: str, *args: int) -> re.Match[str] | None:
        return None if self._cannot_match(text) else self.regex.match(text, *args)

    def fullmatch(self, text: str, *args: int) -> re.Match[str] | None:
        return None if self._cannot_match(text) else self.regex.fullmatch(text, *args)

    def finditer(self, text: str, *args: int) -> Iterator[re.Match[str]]:
        return iter(()) if self._cannot_match(text) else self.regex.finditer(text, *args)

    def findall(self, text: str, *args: int) -> list[Any]:
        return [] if self._cannot_match(text) else self.regex.findall(text, *args)

    def sub(self, repl: str | Callable[[re.Match[str]], str], text: str, count: int = 0) -> str:
        return text if self._cannot_match(text) else self.regex.sub(repl, text, count)

    def subn(
        self, repl: str | Callable[[re.Match[str]], str], text: str, count: int = 0
    ) -> tuple[str, int]:
        return (text, 0) if self._cannot_match(text) else self.regex.subn(repl, text, count)

    def split(self, text: str, maxsplit: int = 0) -> list[str | Any]:
        return [text] if self._cannot_match(text) else self.regex.split(text, maxsplit)

    @property
    def pattern(self) -> str:
        return self.regex.pattern

    @property
    def flags(self) -> int:
        return self.regex.flags

    def __repr__(self) -> str:
        return f"Prefiltered({self.regex!r}, needles={sorted(self._needles)})"


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile``, with a needle check first when the pattern has telling needles."""
    regex = re.compile(pattern, flags)
    found = needles(pattern, flags)
    if not found or min(len(s) for s in found) < _MIN_NEEDLE:
        return regex
    return Prefiltered(regex, found)  # type: ignore[return-value]  # answers like a Pattern
