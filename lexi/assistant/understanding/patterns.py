"""Slots written as phrases: company size, revenue, email status, technologies and keywords.

Each extractor finds its phrases in a clause, returns the values and blanks the phrases out so
the word scanner that runs afterwards cannot read "1,000 people" as a count of people.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from lexi import geo

from . import prefilter
from .industries import INDUSTRY_ALIASES
from .lexicon import (
    AMBIGUOUS_TECHNOLOGIES,
    LOWER_CASE_WORD_TECHNOLOGIES,
    TECHNOLOGIES,
    TECHNOLOGY_SPELLING,
    technology_named,
)
from .realwords import REAL_WORDS
from .slots import DEPT_KEYS, INDUSTRY_KEYS, ROLE_KEYS, STOPWORDS
from .text import MULTIPLIERS, norm_key, parse_int
from .titlewords import VOCABULARY_PAIRS

Range = dict[str, int | None]

_NUM = r"(\d[\d,]*(?:\.\d+)?k?)"
_EMP = (
    r"(?:employees?|employes|emps?|ees?|ee['’]s|people|ppl|persons?|staff(?:ers)?|headcount|workers?|ftes?|heads(?!\s+of\b)|"
    r"mitarbeiter(?:innen)?|collaborators|colaboradores|empleados|funcion[aá]rios|salari[ée]s|dipendenti|"
    r"pax|team\s+members|(?:-\s*)?person\s+(?:companies|company|firms?|teams?|shops?|businesses))"
)
_COMPANY_NOUN = r"(?:companies|company|firms?|orgs?|organi[sz]ations?|businesses|employers)"
_EMP_NOUN = r"(?:employees?|headcount|staff|employee\s+count|team\s+size|company\s+size|size)"
_GT = r"(?:over|above|exceed(?:s|ing)?|in\s+excess\s+of|more\s+th[ae]n|more\s+of|greater\s+than|bigger\s+than|larger\s+than|north\s+of|>)"
_GE = r"(?:at\s+least|minimum(?:\s+of)?|min\.?|no\s+(?:fewer|less|smaller)\s+th[ae]n|not\s+(?:fewer|less)\s+th[ae]n|>=|upwards\s+of)"
_LT = r"(?:under|below|less\s+th[ae]n|fewer\s+th[ae]n|smaller\s+than|south\s+of|<)"
_LE = r"(?:up\s+to|at\s+most|no\s+more\s+th[ae]n|not\s+more\s+th[ae]n|no\s+bigger\s+th[ae]n|no\s+larger\s+th[ae]n|max(?:imum)?(?:\s+of)?|<=)"
_TO = r"\s*(?:-|–|—|to|and|through|until|till)\s*"


def _take(
    text: str,
    pattern: re.Pattern[str],
    handler: Callable[[re.Match[str]], Any],
    negated: Callable[[Any], Any] | None = None,
):
    """Apply ``handler`` to every match; blank out the matches it accepted. With ``negated``, a
    negation right before a match ("leave out companies with ...") turns its value around
    (``negated(value)``, None when it cannot be) and is blanked out with it."""
    found = []
    out = []
    pos = 0
    for m in pattern.finditer(text):
        value = handler(m)
        if value is None:
            continue
        start = m.start()
        if negated is not None and (
            neg := _SIZE_NEGATION.search(text, max(pos, start - 60), start)
        ):
            if (turned := negated(value)) is not None:
                value, start = turned, neg.start()
        found.append(value)
        out.append(text[pos:start])
        out.append(" ; ")
        pos = m.end()
    out.append(text[pos:])
    return "".join(out), found


def _n(value: str) -> int:
    return parse_int(value) or 0


def _bounds(low: str, low_num: str, high: str, high_num: str) -> Range:
    """Both ends of "at least 250 but no more than 750": strict words move the bound by one."""
    strict_low = re.fullmatch(_GT, low, re.IGNORECASE) is not None
    strict_high = re.fullmatch(_LT, high, re.IGNORECASE) is not None
    return {"min": _n(low_num) + strict_low, "max": _n(high_num) - strict_high}


def _one_bound(word: str, num: str) -> Range:
    """One end from its comparison word: "over 10k" is 10,001 and up, "up to 500" 500 and under."""
    n = _n(num)
    for pattern, bound in ((_GE, {"min": n}), (_GT, {"min": n + 1}), (_LE, {"max": n})):
        if re.fullmatch(pattern, word, re.IGNORECASE):
            return {"min": None, "max": None, **bound}
    return {"min": None, "max": n - 1}


def _range(low: str, high: str) -> Range:
    """ "1-5k": a suffix on the second number is the first's too, when that keeps the order."""
    lo, hi = _n(low), _n(high)
    if high.lower().endswith("k") and not low.lower().endswith("k") and lo * 1000 <= hi:
        lo *= 1000
    return {"min": lo, "max": hi}


# "more than 1k employees but fewer than 5k": the second bound counts the same thing; never
# money ("more than 50 employees and less than $10M in revenue").
_NOT_MONEY = r"(?!\s*(?:[mb]\b|bn\b|mm\b|million|billion|in\s+revenue|revenue|arr\b|in\s+sales))"

# "51-200, 201-500 employees", "1-10 or 11-50 employees": size bands listed together are one
# range from the smallest band's low end to the largest's high end.
_BAND = r"\d[\d,]*k?\s*(?:-|–|—|to)\s*\d[\d,]*k?"
_BAND_PARTS = re.compile(r"(\d[\d,]*k?)\s*(?:-|–|—|to)\s*(\d[\d,]*k?)", re.IGNORECASE)


def _bands(m: re.Match[str]) -> Range:
    found = [_range(low.rstrip(","), high.rstrip(",")) for low, high in _BAND_PARTS.findall(m[0])]
    return {
        "min": min(b["min"] or 0 for b in found),
        "max": max(b["max"] or 0 for b in found),
    }


_EMPLOYEE_RULES: list[tuple[re.Pattern[str], Callable[[re.Match[str]], Range]]] = [
    (
        prefilter.compile(
            rf"{_BAND}(?:\s*(?:,\s*(?:or\s+|and\s+)?|/|or|and|;)\s*{_BAND})+\s*{_EMP}",
            re.IGNORECASE,
        ),
        _bands,
    ),
    (
        prefilter.compile(
            rf"({_GE}|{_GT})\s*{_NUM}\s*{_EMP}\s*,?\s*(?:but|and|yet)?\s*({_LE}|{_LT})\s*{_NUM}"
            rf"{_NOT_MONEY}(?:\s*{_EMP})?",
            re.IGNORECASE,
        ),
        lambda m: _bounds(m[1], m[2], m[3], m[4]),
    ),
    (
        prefilter.compile(
            rf"({_LE}|{_LT})\s*{_NUM}\s*{_EMP}\s*,?\s*(?:but|and|yet)?\s*({_GE}|{_GT})\s*{_NUM}"
            rf"{_NOT_MONEY}(?:\s*{_EMP})?",
            re.IGNORECASE,
        ),
        lambda m: _bounds(m[3], m[4], m[1], m[2]),
    ),
    (
        prefilter.compile(
            rf"({_GE}|{_GT})\s*{_NUM}\s*(?:{_EMP}\s*)?,?\s*(?:but|and|yet)?\s*({_LE}|{_LT})\s*{_NUM}"
            rf"\s*{_EMP}",
            re.IGNORECASE,
        ),
        lambda m: _bounds(m[1], m[2], m[3], m[4]),
    ),
    (
        prefilter.compile(
            rf"{_NUM}\s*{_EMP}\s*(?:max(?:imum)?|at\s+most|tops|or\s+(?:fewer|less))\b",
            re.IGNORECASE,
        ),
        lambda m: {"min": None, "max": _n(m[1])},
    ),
    (
        prefilter.compile(rf"{_LT}\s*{_NUM}\s*{_EMP}", re.IGNORECASE),
        lambda m: {"min": None, "max": _n(m[1]) - 1},
    ),
    (
        prefilter.compile(rf"{_LE}\s*{_NUM}\s*{_EMP}", re.IGNORECASE),
        lambda m: {"min": None, "max": _n(m[1])},
    ),
    (
        prefilter.compile(rf"(?:between|from)?\s*{_NUM}{_TO}{_NUM}\s*\+?\s*{_EMP}", re.IGNORECASE),
        lambda m: _range(m[1], m[2]),
    ),
    (
        prefilter.compile(
            rf"{_EMP_NOUN}\s*(?:of|between|from|:)?\s*{_NUM}{_TO}{_NUM}", re.IGNORECASE
        ),
        lambda m: {"min": _n(m[1]), "max": _n(m[2])},
    ),
    (
        # "companies 51-200 only", "firms of 50 to 200": a range right after the company noun
        prefilter.compile(
            rf"\b(?:{_COMPANY_NOUN}|cos)\s+(?:of\s+|sized\s+|between\s+)?{_NUM}{_TO}{_NUM}"
            rf"{_NOT_MONEY}(?!\s*(?:%|percent|years?|months?|days?|locations?|offices?|sites?)\b)"
            rf"(?![\w$.])",
            re.IGNORECASE,
        ),
        lambda m: _range(m[1], m[2]),
    ),
    (
        prefilter.compile(rf"{_GT}\s*{_NUM}\s*{_EMP}", re.IGNORECASE),
        lambda m: {"min": _n(m[1]) + 1, "max": None},
    ),
    (
        prefilter.compile(rf"{_GE}\s*{_NUM}\s*{_EMP}", re.IGNORECASE),
        lambda m: {"min": _n(m[1]), "max": None},
    ),
    (
        # "50 or fewer employees", "200 and under staff"
        prefilter.compile(
            rf"{_NUM}\s*(?:or|and)\s+(?:fewer|less|under|below|smaller)\s*{_EMP}", re.IGNORECASE
        ),
        lambda m: {"min": None, "max": _n(m[1])},
    ),
    (
        prefilter.compile(
            rf"{_NUM}\s*(?:\+|plus|or\s+more|and\s+(?:up|above|over))\s*{_EMP}", re.IGNORECASE
        ),
        lambda m: {"min": _n(m[1]), "max": None},
    ),
    (
        prefilter.compile(
            rf"{_NUM}\s*{_EMP}\s*(?:\+|or\s+more|and\s+(?:up|above|over)|plus)", re.IGNORECASE
        ),
        lambda m: {"min": _n(m[1]), "max": None},
    ),
    (
        prefilter.compile(
            rf"{_EMP_NOUN}\s*(?:of\s+|is\s+|are\s+|should\s+be\s+|:\s*)?{_GT}\s*{_NUM}",
            re.IGNORECASE,
        ),
        lambda m: {"min": _n(m[1]) + 1, "max": None},
    ),
    (
        prefilter.compile(
            rf"{_EMP_NOUN}\s*(?:of\s+|is\s+|are\s+|should\s+be\s+|:\s*)?{_GE}\s*{_NUM}",
            re.IGNORECASE,
        ),
        lambda m: {"min": _n(m[1]), "max": None},
    ),
    (
        prefilter.compile(
            rf"{_EMP_NOUN}\s*(?:of\s+|is\s+|are\s+|should\s+be\s+|:\s*)?{_LT}\s*{_NUM}",
            re.IGNORECASE,
        ),
        lambda m: {"min": None, "max": _n(m[1]) - 1},
    ),
    (
        prefilter.compile(
            rf"{_EMP_NOUN}\s*(?:of\s+|is\s+|are\s+|should\s+be\s+|:\s*)?{_LE}\s*{_NUM}",
            re.IGNORECASE,
        ),
        lambda m: {"min": None, "max": _n(m[1])},
    ),
    (
        prefilter.compile(
            rf"{_NUM}\s*\+\s*(?=(?:companies|company|firms?|orgs?|organi[sz]ations?)\b)",
            re.IGNORECASE,
        ),
        lambda m: {"min": _n(m[1]), "max": None},
    ),
    (
        prefilter.compile(rf"\b(?:with|having|of|employing)\s+{_NUM}\s*{_EMP}", re.IGNORECASE),
        lambda m: {"min": _n(m[1]), "max": None},
    ),
    (
        # "no companies over 10k", "firms bigger than 1k": a comparison right after the company
        # noun is its size, when no money or other unit follows
        prefilter.compile(
            rf"\b{_COMPANY_NOUN}\s+(?:that\s+are\s+|with\s+)?({_GE}|{_GT}|{_LE}|{_LT})\s*{_NUM}"
            rf"{_NOT_MONEY}(?!\s*(?:%|percent|years?|months?|days?|locations?|offices?|sites?)\b)"
            rf"(?![\w$.])",
            re.IGNORECASE,
        ),
        lambda m: _one_bound(m[1], m[2]),
    ),
]


# "exclude companies with more than 50 employees": the size phrase is negated, the rest of the
# clause is not (the negation binds to its own phrase only).
_SIZE_NEGATION = re.compile(
    r"\b(?:exclud(?:e|ing)|not|without|skip(?:ping)?|except|no|but\s+not|minus|remove|drop|avoid|"
    r"leave\s+out|leaving\s+out|filter\s+out|take\s+out|get\s+rid\s+of|ignore|nothing|nobody|"
    r"no[\s-]one|none)"
    r"\s+(?:any\s+|the\s+|all\s+)?(?:(?:companies|company|firms?|orgs?|organi[sz]ations?|"
    r"businesses|ones|those|anyone|people)\s+)?(?:(?:with|that\s+have|having|which\s+have|"
    r"at|of|from|in)\s+)?(?:(?:any\s+|the\s+|a\s+)?(?:companies|company|firms?|orgs?|"
    r"organi[sz]ations?|businesses|places)\s+(?:with\s+|that\s+have\s+|having\s+)?)?$",
    re.IGNORECASE,
)
# A bare range or "N+" at the end of a terse request ("cto saas berlin 50-200", "3PL COOs, 5k+")
# is a company size: people are counted with a single number ("10 please").
_BARE_SIZE = re.compile(
    rf"(?<![\w$.])(?:{_NUM}\s*(?:-|–|to)\s*{_NUM}|{_NUM}\s*\+)(?=\s*(?:$|[,;)|]))",
    re.IGNORECASE,
)


def _invert(r: Range) -> Range | None:
    if r["min"] is not None and r["max"] is None:
        return {"min": None, "max": r["min"] - 1}
    if r["max"] is not None and r["min"] is None:
        return {"min": r["max"] + 1, "max": None}
    return None


# Every size rule needs a digit ("fifty" is a digit by now), so a clause without one skips them;
# the check turns itself off if a rule without a digit is ever added.
_DIGIT = re.compile(r"\d")
_SIZE_NEEDS_DIGIT = all(
    r"\d" in pattern.pattern for pattern, _ in [*_EMPLOYEE_RULES, (_BARE_SIZE, None)]
)


def employees(text: str) -> tuple[str, Range | None]:
    if _SIZE_NEEDS_DIGIT and not _DIGIT.search(text):
        return text, None
    result = None
    for pattern, build in _EMPLOYEE_RULES:
        out: list[str] = []
        pos = 0
        for m in pattern.finditer(text):
            value: Range | None = build(m)
            start = m.start()
            neg = _SIZE_NEGATION.search(text, max(pos, start - 60), start)
            if neg and value is not None:
                value, start = _invert(value), neg.start()
            if result is None and value is not None:
                result = value
            out.append(text[pos:start])
            out.append(" ; ")
            pos = m.end()
        out.append(text[pos:])
        text = "".join(out)
    if result is None:
        text, found = _take(text, _BARE_SIZE, _bare)
        if found:
            result = found[0]
    return text, ordered(result, floor=0)


def ordered(value: Range | None, floor: int | None = None) -> Range | None:
    """A range with its ends the right way round ("1,000-500 employees" is 500-1,000); with
    ``floor``, an end below it is no bound ("fewer than 0 employees")."""
    if value is None:
        return None
    low, high = value.get("min"), value.get("max")
    if floor is not None and (
        (low is not None and low < floor) or (high is not None and high < floor)
    ):
        low = low if low is not None and low >= floor else None
        high = high if high is not None and high >= floor else None
        if low is None and high is None:
            return None
        value = {**value, "min": low, "max": high}
    if low is not None and high is not None and low > high:
        return {**value, "min": high, "max": low}
    return value


def _bare(m: re.Match[str]) -> Range | None:
    if m[3]:
        low = _n(m[3])
        return {"min": low, "max": None} if low >= 10 else None
    low, high = _n(m[1]), _n(m[2])
    return {"min": low, "max": high} if 0 < low < high else None


# ------------------------------------------------------------------ revenue

_UNIT = r"(?:\s?(?:million|billion|thousand|mil|mln|bln)|(?:k|mm|mn|m|bn|b))\b"
# Money is "$" or a unit ("$5M", "20 million"), or a number written out in full ("1000000",
# "2,500,000"), which only a revenue word nearby makes money.
_MONEY = (
    rf"(\$\s?\d[\d,]*(?:\.\d+)?(?:{_UNIT})?|\d[\d,]*(?:\.\d+)?{_UNIT}(?:\s?(?:usd|dollars))?"
    r"|\d{1,3}(?:,\d{3}){2,}(?!\d|,\d)|\d{6,}(?!\d|,\d))"
)
_REV = (
    r"(?:(?:in\s+)?(?:annual\s+|yearly\s+)?(?:revenues?|arr|turnover|sales|rev|umsatz)"
    r"|(?:a|per)\s+year|annually)"
)
# "doing $2.5MM": a company doing that much a year
_REV_BEFORE = r"(?:(?:annual\s+|yearly\s+)?(?:revenues?|arr|turnover|rev|umsatz)|sales\s+of|doing)"


# Money written the ways other languages and trades write it, rewritten to the one form the
# revenue rules read ("$10 million"): "10 Mio. USD", "2,5 Mio €", "5 Mrd", "€20M", "10M EUR".
# Amounts in other currencies are taken at their face value. Checked on the lower-cased text.
_OTHER_MONEY_HINT = re.compile(
    r"[€£]|\d\s?(?:mio|mill\b|millionen|millions|mrd|milliard)|\b(?:usd|eur|euros?|gbp|chf)\b"
)
_CURRENCY = r"(?:usd|us\$|eur|euros?|gbp|chf|€|£|dollars?)"
_OTHER_UNITS = {
    "mio": "million",
    "mill": "million",
    "millionen": "million",
    "millions": "million",
    "millones": "million",
    "mrd": "billion",
    "milliard": "billion",
    "milliards": "billion",
    "milliarden": "billion",
}
_AMOUNT_OTHERWISE = re.compile(
    rf"(?:(?P<before>[€£]|\b(?:usd|eur|gbp|chf)\b)\s?)?"
    r"(?<![$\d.,])(?P<n>\d[\d.,]*)\s?"
    r"(?P<unit>mio|mill|millionen|millions|millones|mrd|milliards?|milliarden"
    r"|million|billion|thousand|mm|mn|bn|k|m|b)?(?![a-z])\.?"
    rf"(?:\s?(?:de\s+|d['’]\s?)?(?P<after>{_CURRENCY})(?![a-z]))?",
    re.IGNORECASE,
)


def _amount_otherwise(m: re.Match[str]) -> str:
    unit = (m["unit"] or "").lower()
    currency = m["before"] or m["after"]
    foreign = unit in _OTHER_UNITS
    if not (foreign or (currency and (unit or "$" not in m[0]))):
        return m[0]  # a plain number, or money the revenue rules read already
    n = m["n"].rstrip(".,")
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", n):
        n = n.replace(".", ",")  # "2.500.000 €": points between the thousands
    elif foreign and re.fullmatch(r"\d+,\d{1,2}", n):
        n = n.replace(",", ".")  # "2,5 Mio": a decimal comma
    unit = _OTHER_UNITS.get(unit, unit)
    tail = m[0][len(m[0].rstrip()) :]
    return f"${n}{' ' if len(unit) > 2 else ''}{unit}{tail}"


def money_said_otherwise(text: str) -> str:
    """ "revenue over 10 Mio. USD" -> "revenue over $10 million"; other text unchanged."""
    if not _OTHER_MONEY_HINT.search(text.lower()):
        return text
    return _AMOUNT_OTHERWISE.sub(_amount_otherwise, text)


def money(value: str) -> int:
    m = re.match(r"\$?\s?(\d[\d,]*(?:\.\d+)?)\s?([a-z]*)", value.strip().lower())
    if not m:
        return 0
    return round(float(m[1].replace(",", "")) * MULTIPLIERS.get(m[2], 1))


_REVENUE_RULES: list[tuple[re.Pattern[str], Callable[[re.Match[str]], Range]]] = [
    (
        # "revenue of at least 25 million but no more than 100 million"
        re.compile(
            rf"(?:{_REV_BEFORE}\s*(?:of\s+)?)?(?:{_GE}|{_GT})\s*{_MONEY}\s*(?:{_REV})?\s*,?\s*"
            rf"(?:but|and|yet)?\s*(?:{_REV_BEFORE}\s*)?(?:{_LE}|{_LT})\s*{_MONEY}\s*(?:{_REV})?",
            re.IGNORECASE,
        ),
        lambda m: {"min": money(m[1]), "max": money(m[2])},
    ),
    (
        re.compile(
            rf"(?:{_REV_BEFORE}\s*(?:of\s+|between\s+|from\s+)?|between\s+)\$?(\d[\d,]*(?:\.\d+)?){_TO}{_MONEY}"
            rf"\s*(?:{_REV})?",
            re.IGNORECASE,
        ),
        lambda m: {"min": money(m[1] + _unit(m[2])), "max": money(m[2])},
    ),
    (
        # "SaaS companies with 10-50m ARR": the revenue word after the range
        re.compile(rf"(?<![\w.,])\$?\s?(\d[\d,]*(?:\.\d+)?){_TO}{_MONEY}\s*{_REV}", re.IGNORECASE),
        lambda m: {"min": money(m[1] + _unit(m[2])), "max": money(m[2])},
    ),
    (
        re.compile(
            rf"(?:{_REV_BEFORE}\s*(?:of\s+|between\s+|from\s+)?|between\s+|from\s+)?{_MONEY}{_TO}{_MONEY}\s*(?:{_REV})?",
            re.IGNORECASE,
        ),
        lambda m: {"min": money(m[1]), "max": money(m[2])},
    ),
    (
        re.compile(
            rf"(?:{_REV_BEFORE}\s*(?:of\s+)?)?{_GT}\s*{_MONEY}\s*\+?\s*(?:{_REV})?", re.IGNORECASE
        ),
        lambda m: {"min": money(m[1]), "max": None},
    ),
    (
        re.compile(
            rf"(?:{_REV_BEFORE}\s*(?:of\s+)?)?{_GE}\s*{_MONEY}\s*\+?\s*(?:{_REV})?", re.IGNORECASE
        ),
        lambda m: {"min": money(m[1]), "max": None},
    ),
    (
        re.compile(
            rf"(?:{_REV_BEFORE}\s*(?:of\s+)?)?{_LT}\s*{_MONEY}\s*(?:{_REV})?", re.IGNORECASE
        ),
        lambda m: {"min": None, "max": money(m[1])},
    ),
    (
        re.compile(
            rf"(?:{_REV_BEFORE}\s*(?:of\s+)?)?{_LE}\s*{_MONEY}\s*(?:{_REV})?", re.IGNORECASE
        ),
        lambda m: {"min": None, "max": money(m[1])},
    ),
    (
        re.compile(rf"{_MONEY}\s*or\s+(?:less|under|below|fewer)\s*(?:{_REV})?", re.IGNORECASE),
        lambda m: {"min": None, "max": money(m[1])},
    ),
    (
        re.compile(
            rf"{_MONEY}\s*(?:\+|or\s+more|and\s+(?:up|above)|plus)\s*(?:{_REV})?", re.IGNORECASE
        ),
        lambda m: {"min": money(m[1]), "max": None},
    ),
    (
        re.compile(rf"{_REV_BEFORE}\s*(?:of\s+)?{_MONEY}", re.IGNORECASE),
        lambda m: {"min": money(m[1]), "max": None},
    ),
    (re.compile(rf"{_MONEY}\s*{_REV}", re.IGNORECASE), lambda m: {"min": money(m[1]), "max": None}),
]
# Searched in the lower-cased text: a case-insensitive alternation is several times slower.
_REVENUE_HINT = re.compile(
    r"\$|revenue|\barr\b|turnover|\bsales\b|\brev\b|annual|a year|per year|umsatz"
    r"|\d\s?(?:million|billion|m|mm|bn|b)\b"
)


_REV_WORD = re.compile(
    r"\$|revenue|\barr\b|turnover|\bsales\b|\brev\b|annual|year|usd|dollar|umsatz", re.IGNORECASE
)
_BIG_UNIT = re.compile(r"\d\s?(?:million|billion|mil|mln|bln|mm|mn|m|bn|b)\b", re.IGNORECASE)
_EMP_AFTER = re.compile(rf"^\s*\+?\s*{_EMP}", re.IGNORECASE)


def _money_turned(r: Range) -> Range | None:
    """A money range left out, the other way round ("not above $100M": at most $100M)."""
    if r["min"] is not None and r["max"] is None:
        return {"min": None, "max": r["min"]}
    if r["max"] is not None and r["min"] is None:
        return {"min": r["max"], "max": None}
    return None


def _unit(value: str) -> str:
    m = re.match(r"\$?\s?\d[\d,]*(?:\.\d+)?\s?([a-z]*)", value.strip().lower())
    return m[1] if m else ""


def revenue(text: str) -> tuple[str, Range | None]:
    if not _REVENUE_HINT.search(text.lower()):
        return text, None
    result = None
    for pattern, build in _REVENUE_RULES:

        def checked(m: re.Match[str], build=build, source=text) -> Range | None:
            # "more than 1k employees" is a size: money needs "$", a revenue word or a
            # million/billion unit, and is never followed by "employees".
            if _EMP_AFTER.match(source[m.end() :]):
                return None
            if not (_REV_WORD.search(m[0]) or _BIG_UNIT.search(m[0])):
                return None
            value = build(m)
            if m.re.groups >= 2 and m[2] and value["min"] is not None and not _unit(m[1]):
                # "$5-25M": the first number takes the second's unit.
                value["min"] = money(m[1].rstrip() + _unit(m[2]))
            return value

        text, found = _take(text, pattern, checked, _money_turned)
        if found and result is None:
            result = found[0]
    return text, result


# ------------------------------------------------------------------ email status

_EMAIL = (
    r"(?:e-?mails?(?:\s+ids?)?|(?<=verified\s)mails?|email\s+address(?:es)?|e-mail\s+address(?:es)?|"
    # "verified ids only", "verified email ids" (Indian English)
    r"emails?\s+addresses|(?<=verified\s)ids?\b)"
)
_DROP = re.compile(
    r"\b(?:drop|remove|exclude|skip|filter\s+out|get\s+rid\s+of|lose|ditch|cut|"
    r"hide|ignore|leave\s+out|take\s+out|no\s+need\s+for|don'?t\s+want)\b",
    re.IGNORECASE,
)
_EMAIL_RULES = [
    (
        # "verified + guessed emails", "verified or guessed email": both kinds
        prefilter.compile(
            rf"(?:\b(?:with|having|that\s+have|who\s+have|only)\s+)?"
            rf"\b(?:verified|guessed)\s*(?:\+|&|/|,|\bor\b|\band\b)\s*(?:verified|guessed)\s+{_EMAIL}",
            re.IGNORECASE,
        ),
        ["verified", "guessed"],
    ),
    (
        # "email verified OR guessed", "email status: verified, guessed"
        prefilter.compile(
            rf"\b{_EMAIL}(?:\s+status)?\s*:?\s*(?:verified|guessed)\s*(?:\+|&|/|,|\bor\b|\band\b)\s*"
            r"(?:verified|guessed)\b",
            re.IGNORECASE,
        ),
        ["verified", "guessed"],
    ),
    (
        prefilter.compile(
            rf"(?:\b(?:with|having|that\s+have|who\s+have|has|have|only)\s+)?(?:\ban?\s+|\btheir\s+)?"
            rf"(?:verified|valid|confirmed|deliverable|validated|real|working)\s+(?:work\s+|business\s+)?"
            rf"{_EMAIL}(?:\s+only)?",
            re.IGNORECASE,
        ),
        ["verified"],
    ),
    (
        prefilter.compile(
            rf"{_EMAIL}\s+(?:(?:that|which)\s+(?:are|is)\s+|(?:are|is)\s+(?:all\s+)?|(?:have|has)\s+been\s+)?"
            r"(?:verified|validated)(?:\s+only)?",
            re.IGNORECASE,
        ),
        ["verified"],
    ),
    (
        prefilter.compile(
            rf"(?:\b(?:with|having|that\s+have)\s+)?guessed\s+{_EMAIL}", re.IGNORECASE
        ),
        ["guessed"],
    ),
    (
        prefilter.compile(
            rf"\b(?:without|with\s+no|no|missing|lacking)\s+(?:an?\s+|any\s+)?(?:work\s+)?{_EMAIL}",
            re.IGNORECASE,
        ),
        "without",
    ),
    (
        prefilter.compile(
            rf"\b(?:with|having|that\s+have|who\s+have|has|have|plus)\s+(?:\ban?\s+|\btheir\s+)?"
            rf"(?:work\s+|business\s+)?(?:{_EMAIL}|contact\s+info)",
            re.IGNORECASE,
        ),
        ["verified", "guessed"],
    ),
    (
        prefilter.compile(
            rf"\b(?:need|want|must\s+have|require|with\s+their)\s+(?:their\s+|the\s+)?{_EMAIL}\b",
            re.IGNORECASE,
        ),
        ["verified", "guessed"],
    ),
    (
        prefilter.compile(
            r"\b(?:(?:only|just)\s+(?:the\s+)?verified(?:\s+(?:ones|addresses|contacts))?|"
            r"verified\s+(?:ones\s+|addresses\s+|contacts\s+)?only|verified\s+(?:ones|addresses))\b|"
            r"(?<=[\w,])\s+verified\s*$|(?<=,)\s*verified\s*(?=,)|"
            # a follow-up of one word: "verified", "verified pls"
            r"^\W*verified(?:\s+(?:pls|please|thx|thanks))?\W*$",
            re.IGNORECASE,
        ),
        ["verified"],
    ),
]


def email_status(text: str) -> tuple[str, list[str] | None]:
    result = None
    for pattern, value in _EMAIL_RULES:

        def build(m: re.Match[str], value=value, source=text):
            if value == "without":
                # "drop the ones without email" keeps those with one; "without email" wants none.
                return (
                    ["verified", "guessed"]
                    if _DROP.search(source[: m.start()])
                    else ["unavailable"]
                )
            return value

        text, found = _take(text, pattern, build)
        if found and result is None:
            result = found[0]
    return text, result


# ------------------------------------------------------------------ technologies


def _alternation(names: list[str]) -> str:
    return "|".join(re.escape(t) for t in sorted(names, key=len, reverse=True))


_TECH = _alternation(TECHNOLOGIES)
_TECH_LIST = rf"(?:{_TECH})(?:\s*(?:,|and|or|&|/)\s*(?:{_TECH}))*"
# Without the names that are also ordinary words: for "with X" and "X customers".
_TECH_CLEAR = _alternation([t for t in TECHNOLOGIES if t not in AMBIGUOUS_TECHNOLOGIES])
_TECH_CLEAR_LIST = rf"(?:{_TECH_CLEAR})(?:\s*(?:,|and|or|&|/)\s*(?:{_TECH_CLEAR}))*"
# A clear name, then any names ("on Epicor or Infor": the list says what the second one is)
_TECH_CLEAR_FIRST = rf"(?:{_TECH_CLEAR})(?:\s*(?:,|and|or|&|/)\s*(?:{_TECH}))*"
# A capitalised name the lexicon does not know, ending the list it is in: "using DocuSign or
# Ironclad" (see ``_unknown_name``).
_NAME_LAST = (
    r"(?-i:[A-Z][\w.+#-]*)(?=\s*(?:$|[,;.!?)]|\s+(?:and|or|in|at|with|but|for|that|who)\b))"
)
_TECH_STRONG = prefilter.compile(
    rf"\b(?:(?:that|which|who)\s+)?(?:use|uses|using|used|(?:run|runs|running|rely|relies|relying)"
    rf"(?:\s+on)?|built\s+(?:on|with)|"
    rf"powered\s+by|customers?\s+of|users?\s+of|on\s+top\s+of|implemented|adopted|"
    # "that moved to GCC High in the last 90 days", "switched to HubSpot": adopted
    rf"(?:moved|migrated|switched|moving|migrating|switching)\s+(?:over\s+)?to)\s+"
    rf"((?:{_TECH})(?:\s*(?:,|and|or|&|/|\+)\s*(?:{_TECH})\b|\s*(?:\band|\bor|&|/|\+)\s*{_NAME_LAST})*)\b",
    re.IGNORECASE,
)
_TECH_WEAK = re.compile(rf"\b(?:with|[Oo]n|via)\s+({_TECH_CLEAR_FIRST})\b")
# "VP Engineering, e-commerce, NL, Kubernetes", "CTOs. SaaS. On AWS.": a technology alone among
# the terse items of a request, after another item (each item looked up, no alternation run).
_ITEMS = re.compile(r"[,;.]\s*(?:\+\s*|on\s+)?([^,;.!]+?)\s*(?=[,;.!]|$)", re.IGNORECASE)


def _tech_items(text: str) -> tuple[str, list[str]]:
    found: list[str] = []
    out, pos = [], 0
    for m in _ITEMS.finditer(text):
        spelled = TECHNOLOGY_SPELLING.get(m[1].lower())
        if spelled is None or spelled in AMBIGUOUS_TECHNOLOGIES:
            continue
        found.append(spelled)
        out += [text[pos : m.start(1)], " ; "]
        pos = m.end(1)
    return "".join(out) + text[pos:], found


# "w/ shopify", "brands with hubspot and klaviyo": "with" technologies written in any case,
# save the names that are everyday words in lower case ("with slack"; see ``_with_named``).
_WITH = re.compile(r"\b[Ww](?:ith\s+|/\s*)")
_NAME_WORD = re.compile(r"\s*([A-Za-z0-9][\w+#-]*(?:\.[A-Za-z0-9][\w+#-]*)*)")
_NAME_JOIN = re.compile(r"\s*(?:,|\+|&|/|\band\b|\bor\b)\s*", re.IGNORECASE)
_TECH_SUFFIX = prefilter.compile(
    rf"\b({_TECH_CLEAR_LIST})\s+(?:users?|customers?|shops?|stores?|clients?|"
    rf"merchants?|stack|teams?|partners?|brands?|sellers?|retailers?)\b",
    re.IGNORECASE,
)
_TECH_UNKNOWN = prefilter.compile(
    r"\b(?:that|which|who)\s+(?:use|uses|run|runs)\s+(?:on\s+)?"
    r"([A-Za-z][\w.+#-]*(?:\s+[A-Z][\w.+#-]*){0,2})"
)
# A follow-up naming only a technology: "also Paychex", "and HubSpot too", "+ Gusto".
_TECH_ALONE = re.compile(
    rf"^\W*(?:(?:also|and|plus|or|add|include|require|\+)\W*)*({_TECH_CLEAR_LIST}"
    # ("Bloomerang or DonorPerfect": a known name, then one the lexicon lacks)
    rf"(?:\s*(?:,|\band|\bor|&|/)\s*(?-i:[A-Z][\w.+#-]*))?)(?:\s+(?:too|as\s+well|also))?\W*$",
    re.IGNORECASE,
)
# "same but BambooHR and 200-1k": the search again with another technology (it replaces the
# search's own, as any value after "same but" does).
_TECH_SAME_BUT = re.compile(
    rf"^\W*(?:(?:ok(?:ay)?|now|and)\W+)*same\s+(?:thing\s+|search\s+|again\s+)?but\s+"
    rf"(?:with\s+|using\s+|on\s+)?({_TECH_CLEAR_LIST})(?=\s*(?:[,;]|\band\b|\bin\b|$))",
    re.IGNORECASE,
)
# "only companies on aws", "firms already running on azure": "on" a technology, written in any
# case, after the companies it describes (see ``_on_after_companies``).
_TECH_ON = prefilter.compile(
    rf"\b(?:(?:that|which|who)\s+(?:are|is)\s+|already\s+|currently\s+|all\s+)?"
    rf"(?:(?:running|hosted|built)\s+)?on\s+({_TECH_CLEAR_FIRST})\b",
    re.IGNORECASE,
)
_COMPANIES_BEFORE = re.compile(
    r"\b(?:compan(?:y|ies)|firms?|cos|ones|businesses|orgs?|organi[sz]ations|accounts|shops|"
    r"stores|brands|startups|agencies|retailers|merchants|those)\s*$",
    re.IGNORECASE,
)


# "owners of hvac companies in houston on servicetitan": "on" a technology ending the request
_CLAUSE_END = re.compile(r"\s*(?:$|[,;.!?)]|\s+(?:and|but|pls|please|only|too)\b)", re.IGNORECASE)


def _on_after_companies(m: re.Match[str]) -> list[str] | None:
    if _COMPANIES_BEFORE.search(m.string, 0, m.start()) or _CLAUSE_END.match(m.string, m.end()):
        return _techs(m[1])
    return None


_TECH_SPLIT = re.compile(r"\s*(?:,|\band\b|\bor\b|&|/|\+)\s*", re.IGNORECASE)


def _techs(group: str) -> list[str]:
    """The technologies of a group, by their names; one the list lacks as written, without the
    sentence's full stop ("using Unity.") and capitalised when typed in lower case
    ("matterport")."""
    return [technology_named(t) for t in (t.strip(" .!?;:") for t in _TECH_SPLIT.split(group)) if t]


def _used_unknown(m: re.Match[str]) -> list[str] | None:
    """A name after "that use(s)"/"that run(s)", not a word of the sentence ("that use the
    cloud")."""
    first = m[1].split()[0]
    if norm_key(first) in STOPWORDS:
        return None
    if first.islower() and (first in _USED_WORDS or m.string.startswith(" of ", m.end(1))):
        return None  # "that use letters of credit", "that use spreadsheets"
    return _techs(m[1])


def _clear_name(text: str, pos: int) -> tuple[str, int] | None:
    """The technology of one to three words at ``pos`` that no reading confuses with an
    ordinary word, and where it ends."""
    words: list[tuple[str, int]] = []
    while len(words) < 3 and (m := _NAME_WORD.match(text, pos)):
        words.append((m[1], m.end()))
        pos = m.end()
    for n in range(len(words), 0, -1):
        written = " ".join(w for w, _ in words[:n])
        name = TECHNOLOGY_SPELLING.get(written.lower())
        if (
            name
            and name not in AMBIGUOUS_TECHNOLOGIES
            and written not in LOWER_CASE_WORD_TECHNOLOGIES
        ):
            return name, words[n - 1][1]
    return None


def _with_named(text: str) -> tuple[str, list[str]]:
    """Technologies after "with" or "w/" in any case ("w/ shopify + klaviyo"), blanked out."""
    found: list[str] = []
    out: list[str] = []
    pos = 0
    for m in _WITH.finditer(text):
        end = m.end()
        while end > pos and (hit := _clear_name(text, end)):
            if hit[0] not in found:
                found.append(hit[0])
            if pos <= m.start():
                out.append(text[pos : m.start()])
                out.append(" ; ")
            pos = end = hit[1]
            join = _NAME_JOIN.match(text, end)
            if join is None or not _clear_name(text, join.end()):
                break
            end = join.end()
    out.append(text[pos:])
    return "".join(out), found


_TECH_NOT = re.compile(
    rf"\b(?:but\s+not|and\s+not|not|without|excluding|except|"
    rf"(?:don'?t|do\s+not|doesn'?t|does\s+not|aren'?t|are\s+not|isn'?t|is\s+not)\s+"
    rf"(?:(?:already|yet|currently|even)\s+)?(?:use|using|run|running|on))\s+"
    rf"(?:using\s+|on\s+)?({_TECH_LIST})\b",
    re.IGNORECASE,
)


# "using Zoom but not Webex": a name after "but not" right after a technology used is a
# technology too, known or not.
_TECH_NOT_NAMED = re.compile(
    rf"\b((?:use|uses|using|run|runs|running|on)\s+(?:{_TECH_LIST}|[A-Z][\w.+#-]*))\s+"
    r"(?:but|and)\s+not\s+([A-Z][\w.+#-]*)\b",
    re.IGNORECASE,
)
# "firms using Redtail", "companies running Equinix": a capitalised name after a verb of use
# that the lexicon does not know is still a technology (no company has it in the universe, and
# the reply says so) rather than a word corrected into an industry ("Redtail" is no retailer).
_TECH_NAMED_UNKNOWN = prefilter.compile(
    r"\b(?:that\s+|which\s+|who\s+)?(?:use|uses|using|run|runs|running)\s+"
    # ("using CDK Global", "using Kitman Labs": a name of two or three capitalised words)
    rf"((?-i:[A-Z][\w.+#-]*(?:\s+[A-Z][\w.+#-]*){{0,2}})(?:\s*(?:\band|\bor|&|/)\s*{_NAME_LAST})*)"
    r"(?=\s*(?:$|[,;.!?)]|\s+(?:and|in|at|with|but|or|for)\b))",
    re.IGNORECASE,
)


# "firms using procorex", "plants running wonderware": a name in lower case after a verb of
# use, when no table reads it and it is no everyday word of what a company uses or runs.
_TECH_LOWER_UNKNOWN = prefilter.compile(
    r"\b(?:that\s+|which\s+|who\s+)?(?:use|uses|using|run|runs|running)\s+"
    # ("using greytHR": a name with capitals inside it too)
    r"((?-i:[a-z][a-zA-Z0-9.+#-]{3,}))(?=\s*(?:$|[,;.!?)]|\s+(?:and|in|at|with|but|or|for)\b))",
)
_USED_WORDS = frozenset(
    """ads adverts campaigns email emails paper spreadsheets excel software tools systems
    automation robots robotics drones solar cloud data analytics servers computers machines
    trucks vans fleets stores shops clinics locations sites plants events payroll marketing
    sales ops operations outbound inbound referrals agencies contractors freelancers vendors
    outsourcing crms erps apps chatbots texts sms calls video linux windows macs ipads
    tablets phones kiosks scanners printers lasers everything linkedin facebook instagram letters
    tiktok youtube twitter google whatsapp gmail chatgpt""".split()
)


def _lower_unknown(m: re.Match[str]) -> list[str] | None:
    name = m[1]
    if name in _USED_WORDS or name in REAL_WORDS or name.endswith("ing") or not _plain_name(name):
        return None
    return [technology_named(name)]


def _plain_name(name: str) -> bool:
    """Whether ``name`` may be a technology no table knows ("running Sales" is a department)."""
    key = norm_key(name)
    if key in STOPWORDS or key in ROLE_KEYS or key in DEPT_KEYS or key in INDUSTRY_KEYS:
        return False
    return not geo.lookup(name)


def _a_technology(name: str) -> bool:
    """A name the lexicon knows as a technology, or one nothing else reads."""
    return name.lower() in TECHNOLOGY_SPELLING or _plain_name(name)


def _unknown_name(m: re.Match[str]) -> list[str] | None:
    """Names after a verb of use that no other table reads, each in the lexicon's spelling when
    it knows it; None when one of them is something else."""
    names = _techs(m[1])
    return names if all(map(_a_technology, names)) else None


def _named_techs(m: re.Match[str]) -> list[str]:
    """A list of technologies, its unknown last names kept when nothing else reads them."""
    return [name for name in _techs(m[1]) if _a_technology(name)]


# "that don't use Avalara", "not running Kubernetes": a name not used, known or not.
_TECH_NOT_USED = re.compile(
    r"\b(?:don'?t|do\s+not|doesn'?t|does\s+not|aren'?t|are\s+not|isn'?t|is\s+not|not|never)\s+"
    r"(?:(?:already|yet|currently|even)\s+)?(?:use|using|run|running|on)\s+"
    # "NOT using Personio or AFAS": each name of the list
    # ("that dont use Centric PLM": a name of two or three capitalised words)
    r"((?-i:[A-Z][\w.+#-]*(?:\s+[A-Z][\w.+#-]*){0,2})"
    r"(?:\s*(?:,|\bor\b|\bnor\b|\band\b|&|/)\s*(?-i:[A-Z][\w.+#-]*))*)\b",
    re.IGNORECASE,
)


def excluded_technologies(text: str) -> tuple[str, list[str]]:
    """ "using Salesforce but not HubSpot": technologies a company must not use."""
    text, found = _take(text, _TECH_NOT, lambda m: _techs(m[1]))
    text, unknown = _take(text, _TECH_NOT_USED, _unknown_name)
    found += unknown
    named = []
    for m in reversed(list(_TECH_NOT_NAMED.finditer(text))):
        if not m[2][:1].isupper():
            continue
        named.append(m[2])
        text = text[: m.end(1)] + " ; " + text[m.end() :]
    return text, [t for group in found for t in group] + named[::-1]


def _all_techs(m: re.Match[str]) -> list[str]:
    return _techs(m[1])


# The rules in the order they are tried, each with the reader of its matches: pairs, not a
# dict keyed by the patterns (a compiled pattern's hash covers its whole program, thousands of
# technology names long, and was computed again at every lookup).
_TECH_RULES: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], list[str] | None]], ...] = (
    (_TECH_STRONG, _named_techs),
    (_TECH_WEAK, _all_techs),
    (_TECH_ON, _on_after_companies),
    (_TECH_SUFFIX, _all_techs),
    (_TECH_UNKNOWN, _used_unknown),
    (_TECH_NAMED_UNKNOWN, _unknown_name),
    (_TECH_LOWER_UNKNOWN, _lower_unknown),
    (_TECH_ALONE, _named_techs),
    (_TECH_SAME_BUT, _all_techs),
)


# "cerner hospitals", "Procore contractors": the companies that run a technology named before
# them (the companies stay to be read). The nouns are found first; only the words before one
# are looked up, so no alternation of every technology runs over the text.
_RUNNERS = prefilter.compile(
    r"\b(?:hospitals|clinics|practices|health\s+systems|banks|credit\s+unions|schools|districts|"
    r"universities|agencies|firms|companies|cos|contractors|restaurants|hotels|manufacturers|"
    r"plants|warehouses|carriers|insurers|lenders)\b",
    re.IGNORECASE,
)


def _named_before_runners(text: str) -> tuple[str, list[str]]:
    found: list[str] = []
    for m in reversed(list(_RUNNERS.finditer(text))):
        head = text[: m.start()].rstrip()
        if head[-1:] in ("", ",", ";", ".", ")"):
            continue
        words = head[-40:].split()[-3:]
        for n in range(len(words), 0, -1):
            name = " ".join(words[-n:])
            spelled = TECHNOLOGY_SPELLING.get(name.lower())
            everyday = name.islower() and name in LOWER_CASE_WORD_TECHNOLOGIES
            if spelled and spelled not in AMBIGUOUS_TECHNOLOGIES and not everyday:
                found.insert(0, spelled)
                text = f"{head[: len(head) - len(name)]} ; {text[m.start() :]}"
                break
    return text, found


def technologies(text: str) -> tuple[str, list[str]]:
    out: list[str] = []
    for pattern, read in _TECH_RULES:
        text, found = _take(text, pattern, read)
        for group in found:
            out.extend(t for t in group if t not in out)
    text, before = _named_before_runners(text)
    out.extend(t for t in before if t not in out)
    if "," in text or "." in text or ";" in text:
        text, items = _tech_items(text)
        out.extend(t for t in items if t not in out)
    if "ith" in text or "/" in text:
        text, named = _with_named(text)
        out.extend(t for t in named if t not in out)
    return text, out


# ------------------------------------------------------------------ keywords

_STOP_AT = (
    r"in|at|with|and|or|from|based|located|that|who|which|for|near|across|outside|"
    r"excluding|except|but|not|whose|having|only|headquartered|hq|please|then|within|"
    r"over|under|above|below|more|less|using|around"
)
_KW_GERUND = (
    r"working\s+on|focused\s+on|focusing\s+on|speciali[sz](?:ing|ed)\s+in|doing|"
    r"building|selling|offering|providing|making|involved\s+in|related\s+to|"
    r"in\s+the\s+business\s+of|known\s+for|mentioning|with\s+keywords?|keywords?|"
    r"tagged|developing|innovating\s+in|active\s+in|operating\s+in|serving|"
    r"that\s+(?:are|is)\s+(?:into|focused\s+on|working\s+on)"
)
_KW_VERB = (
    r"(?:that|which|who)\s+(?:work\s+on|works\s+on|focus\s+on|focuses\s+on|"
    r"speciali[sz]es?\s+in|do|does|build|builds|sell|sells|offer|offers|provide|provides|"
    r"make|makes|mention|mentions|develop|develops|serve|serves)"
)
_KW_TRIGGER = prefilter.compile(
    rf"\b(?:{_KW_VERB}|{_KW_GERUND})\s+((?:(?!\b(?:{_STOP_AT})\b)[^,.;!?])+)", re.IGNORECASE
)
# Verbs that describe what a company is ("companies that make packaging", "firms doing
# freight forwarding"): when the words after them name an industry, the industry is meant, and
# the words are left for the industry reading instead of becoming a keyword.
_KW_DESCRIBING = re.compile(
    r"\b(?:make|makes|making|do|does|doing|sell|sells|selling|build|builds|building|produce|"
    r"produces|producing|manufacture|manufactures|manufacturing)\s+(?:a\s+|an\s+|the\s+)?$",
    re.IGNORECASE,
)
_KW_PARTS = re.compile(r"\s*(?:,|&|/|\band\b|\bor\b)\s*", re.IGNORECASE)


def _names_industry(phrase: str) -> bool:
    """Whether the phrase starts with industry words ("vaccines and medicines", "solar panels
    spain portugal"): every part joined by "and", "&" or "/" names one, the first one leading."""
    words = phrase.split()
    for n in range(len(words), 0, -1):
        head = " ".join(words[:n])
        parts = [p for p in _KW_PARTS.split(head) if p]
        if parts and all(norm_key(p) in INDUSTRY_ALIASES for p in parts):
            return True
    return False


_KW_LEAD = re.compile(r"^(?:a|an|the|some|any|on|in|with)\s+", re.IGNORECASE)
_VERB_GUARD = re.compile(r"^(?:you|i|we|me|it|them|this|that|so|not)\b", re.IGNORECASE)
# The user speaking of their own business ("we've been doing quite a bit of business with
# hospitals", "I'm selling mostly to dentists"): the verb describes no company searched for.
_OWN_SUBJECT = frozenset("i we i'm we're i've we've i'd we'd us our my".split())
# Words that say how much or how well and name nothing ("selling really nicely", "doing quite a
# bit of business", "doing great"): a phrase of only these is no keyword.
_VAGUE_WORDS = frozenset(
    """really very quite so too pretty a an the bit lot lots of much more most well great good
    better fine ok okay business stuff things thing fast lately recently now right away these
    days nicely quickly rapidly steadily strongly consistently incredibly extremely super""".split()
)


def _vague(phrase: str) -> bool:
    words = phrase.lower().split()
    return all(w in _VAGUE_WORDS for w in words)


# "companies with 'memory care' in their description", "with AI in the company name"
_KW_IN_DESCRIPTION = re.compile(
    r"\b(?:with|that\s+have|having|who\s+have)\s+(?:the\s+(?:words?|phrase|term)\s+)?"
    r"(qtok\d+|[\w&-]+(?:\s+[\w&-]+){0,2}?)\s+in\s+(?:their|its|the)\s+(?:company\s+)?"
    r"(?:descriptions?|names?|profiles?|about|bios?|taglines?)\b",
    re.IGNORECASE,
)


def keywords(text: str, quotes: list[str]) -> tuple[str, list[str]]:
    described: list[str] = []

    def quoted(m: re.Match[str]) -> str:
        described.append(re.sub(r"\bqtok(\d+)\b", lambda q: quotes[int(q[1])], m[1]).strip(" '\""))
        return " ; "

    text = _KW_IN_DESCRIPTION.sub(quoted, text)

    def build(m: re.Match[str]) -> str | None:
        phrase = _KW_LEAD.sub("", m[1].strip())
        if not phrase or _VERB_GUARD.match(phrase) or _vague(phrase):
            return None
        before = m.string[max(0, m.start() - 30) : m.start()].lower().split()
        if _OWN_SUBJECT.intersection(before[-3:]):
            return None
        gerund = m[0].split()[0]
        if (norm_key(gerund), norm_key(phrase.split()[0])) in VOCABULARY_PAIRS:
            return None  # "building engineers", "training managers": a title, no keyword
        if _names_industry(m[0].strip()):
            return None  # "building materials cos": the gerund is the industry's first word
        if before and _names_industry(f"{before[-1]} {gerund}"):
            return None  # "machine building companies": the gerund is the industry's last word
        if _KW_DESCRIBING.search(m[0][: m.start(1) - m.start()]) and _names_industry(phrase):
            return None
        return re.sub(r"\bqtok(\d+)\b", lambda q: quotes[int(q[1])], phrase).strip(" '\"")

    text, found = _take(text, _KW_TRIGGER, build)
    return text, described + [k for k in found if k]


# ------------------------------------------------------------------ clearing a filter

# Every place filter: "drop the location" leaves the people and their companies anywhere.
_PLACES = ("locations", "exclude_locations", "company_locations", "exclude_company_locations")
_CLEAR_KEYS = {
    # "the people can sit anywhere": their own place, not their companies'
    "anywhere": ("locations", "exclude_locations"),
    "wherever": ("locations", "exclude_locations"),
    "location": _PLACES,
    "place": _PLACES,
    "geo": _PLACES,
    "geography": _PLACES,
    "city": _PLACES,
    "country": _PLACES,
    "region": _PLACES,
    "size": ("employees",),
    "headcount": ("employees",),
    "employee": ("employees",),
    "startup": ("employees",),
    "revenue": ("revenue_usd",),
    "arr": ("revenue_usd",),
    "rev": ("revenue_usd",),
    "industry": ("industries", "exclude_industries"),
    "sector": ("industries", "exclude_industries"),
    "vertical": ("industries", "exclude_industries"),
    "email": ("email_status",),
    "seniority": ("seniorities",),
    "department": ("departments",),
    "keyword": ("keywords",),
    "technology": ("technologies", "technologies_added_within_days"),
    "tech": ("technologies", "technologies_added_within_days"),
    "exclusion": ("exclude_locations", "exclude_industries"),
    "hiring": ("unsupported", "hiring_for"),
    "hq": ("company_locations", "exclude_company_locations"),
    "headquarter": ("company_locations", "exclude_company_locations"),
    "job change": ("job_change_within_days",),
    "new in role": ("job_change_within_days",),
    "headcount growth": ("headcount_growth_pct",),
    "growth": ("headcount_growth_pct",),
    "growing": ("headcount_growth_pct",),
    "funding": ("unsupported", "funding_stages", "last_funding", "total_funding_usd"),
    "intent": ("unsupported",),
    # "drop the date but keep the stages": when the round was, or the tool adopted; not what
    "date": ("last_funding", "technologies_added_within_days"),
    "timeframe": ("last_funding", "technologies_added_within_days"),
    "time frame": ("last_funding", "technologies_added_within_days"),
    "date range": ("last_funding", "technologies_added_within_days"),
    # "drop the staff filter", "remove the software filter", "remove the recently part"
    "staff": ("employees",),
    "software": ("technologies", "technologies_added_within_days"),
    "tool": ("technologies", "technologies_added_within_days"),
    "recently": ("technologies_added_within_days", "job_change_within_days"),
    "adoption": ("technologies_added_within_days",),
    "store count": ("unsupported",),
    "pe": ("funding_stages", "last_funding"),
    "alma mater": ("unsupported",),
    "experience": ("unsupported",),
    "recent": ("technologies_added_within_days", "job_change_within_days"),
    # "doesn't matter when they adopted it", "... when they raised", "... when they joined"
    "adopted": ("technologies_added_within_days",),
    "raised": ("last_funding",),
    "joined": ("job_change_within_days",),
    "started": ("job_change_within_days",),
}
_CLEAR_NOUN = (
    r"(location|place|geo(?:graphy)?|city|country|region|size|headcount\s+growth|headcount|employee|"
    r"startup|revenue|rev(?=\s+(?:filter|constraint|requirement|limit|range|band|floor|cap|min|max|"
    r"minimum|maximum|part|bit|criteri))|arr|hq|headquarter|job[\s-]change|new[\s-]+in[\s-]+role|growth|"
    r"growing(?=\s+(?:part|bit|filter|one|thing))|"
    r"industry|sector|vertical|email|seniority|department|keyword|technology|tech|exclusion|"
    r"hiring|funding|intent|open\s+(?:position|role|job)|job\s+(?:posting|opening)|posting|opening|"
    r"vacanc(?=ies|y)|date\s+range|date|time\s*frame|"
    # "drop the store count": a count of locations, which no filter holds
    r"(?:store|location|site|branch|outlet|door|unit|clinic|restaurant)s?[\s-]+count|"
    # "drop the PE bit", "forget the VC part": the kind of funding, named by its investors
    r"(?:pe|private\s+equity|vc|venture(?:\s+capital)?)(?=\s+(?:filter|part|bit|thing|condition|requirement))|"
    # "forget the alma mater thing": a criterion that was never a filter
    r"alma\s+mater|(?:years\s+of\s+)?experience(?=\s+(?:filter|part|bit|thing|requirement|condition))|"
    r"(?:staff|software|tool|recently|recent|adoption)(?=\s+(?:filter|part|bit|condition|requirement|criteri|cap|"
    r"limit|one|thing)))"
    r"(?:s|ies|y)?(?:\s+(?:count|status|stack))?"
)
# Other words for a filter's noun: "forget the open positions" clears the hiring filter.
_CLEAR_ALIASES = dict.fromkeys(
    (
        "open position",
        "open role",
        "open job",
        "job posting",
        "job opening",
        "posting",
        "opening",
        "vacanc",
    ),
    "hiring",
)
_CLEAR_ALIASES.update(
    dict.fromkeys(
        ("company", "companies", "employer", "employers", "firm", "firms", "headquarters"), "hq"
    )
)
# "any Storypark user is fine": the verdict is what is captured, and it lets go of the adoption
_CLEAR_ALIASES.update(dict.fromkeys(("fine", "ok", "okay", "good"), "adoption"))
# The same filter said other ways: "when they switched", "the VC part", "years of experience"
_CLEAR_ALIASES.update(dict.fromkeys(("switched", "moved", "started using"), "adopted"))
_CLEAR_ALIASES.update(dict.fromkeys(("got funded", "was funded", "were funded"), "raised"))
_CLEAR_ALIASES.update(dict.fromkeys(("private equity", "vc", "venture", "venture capital"), "pe"))
_CLEAR_ALIASES["years of experience"] = "experience"
_FILTER_WORD = (
    r"(?:filter|constraint|requirement|limit|restriction|criteria|criterion|condition|thing|part|"
    r"bit|bits|one|cap|minimum|maximum|floor)"
)
_CLEAR = prefilter.compile(
    rf"\b(?:drop|remove|forget|lose|ditch|clear|delete|ignore|skip|undo|reset|never\s*mind|lift|"
    rf"take\s+(?:off|out)|get\s+rid\s+of|no\s+need\s+for|don'?t\s+care\s+about)\s+"
    rf"(?:about\s+)?"  # "forget about revenue"
    rf"(?:the|that|this|my|any)?\s*"
    rf"(?:{_FILTER_WORD}\s+(?:on\s+|for\s+|of\s+)?(?:the\s+)?)?"  # "remove the filter (on) funding"
    # "remove the company size filter": the companies' size is the size
    rf"(?:(?:compan(?:y|ies)|firm|org|business|staff|team|employee|workforce)(?:'s|s'|')?\s+(?=(?:size|headcount|revenue)\b))?"
    rf"{_CLEAR_NOUN}(?:\s+{_FILTER_WORD})?\b"
    rf"|\bwithout\s+(?:the|that|this|my|any)\s+{_CLEAR_NOUN}\s+{_FILTER_WORD}\b"
    # "take the new in role filter back out"
    rf"|\btake\s+(?:the|that|this|my)\s+{_CLEAR_NOUN}(?:\s+{_FILTER_WORD})?\s+(?:back\s+)?(?:out|off)\b"
    rf"|\b(?:any|all)\s+{_CLEAR_NOUN}\b(?:\s+is\s+fine)?"
    # "any Storypark user is fine": whenever they adopted it
    r"|\bany\s+(?-i:[A-Z][\w.+#-]*)\s+(?:users?|customers?|shops?|sites?)\s+(?:is|are|would\s+be)\s+(fine|ok|okay|good)\b"
    # "the company can be anywhere": the companies' place, not the people's
    rf"|\b(?:the\s+|their\s+)?(compan(?:y|ies)|employers?|firms?|headquarters)\s+"
    rf"(?:can|could|may|might)\s+be\s+(?:anywhere|wherever)\b"
    rf"|\banywhere\b(?!\s+(?:but|except|excluding|outside|other\s+than|besides|apart\s+from)\b)"
    # "the people themselves can be wherever", "the fsos can sit wherever": their place is any
    rf"|\b(?:can|could|may|might)\s+(?:be|sit|live|work|be\s+based)\s+(wherever)\b"
    # "no size limit", "no revenue minimum"
    rf"|\bno\s+{_CLEAR_NOUN}\s+(?:{_FILTER_WORD}|cap|minimum|maximum|min|max|floor)\b"
    # "doesn't matter when they adopted it", "no matter when they raised": any time will do
    rf"|\b(?:(?:doesn'?t|does\s+not|don'?t|do\s+not|dont|doesnt)\s+(?:matter|care)|no\s+matter)\s+"
    rf"when\s+(?:they|it|the\s+\w+)\s+(adopted|switched|moved|started\s+using|raised|got\s+funded|"
    rf"(?:was|were)\s+funded|joined|started)\b"
    # "hq doesn't matter", "the size is irrelevant", "revenue isn't important"
    rf"|\b(?:the\s+|their\s+|its\s+)?{_CLEAR_NOUN}(?:\s+(?:locations?|{_FILTER_WORD}))?\s+"
    rf"(?:(?:doesn'?t|does\s+not|don'?t|do\s+not|dont|doesnt)\s+matter|"
    rf"(?:is\s+|are\s+|'s\s+)?(?:irrelevant|unimportant|(?:not|isn'?t|aren'?t)\s+important))\b",
    re.IGNORECASE,
)
_DOUBLE = prefilter.compile(
    r"\b(?:double|twice)\s+(?:it|that|the\s+(?:number|count|amount|results?))\b", re.IGNORECASE
)


# "drop the 10k cap", "remove the $5M floor": a bound named by its number; money when it is
# written as money or said to be revenue, else the size.
_CLEAR_BOUND = prefilter.compile(
    r"\b(?:drop|remove|forget|lose|ditch|clear|delete|ignore|undo|lift|take\s+(?:off|out)|"
    r"get\s+rid\s+of)\s+(?:the|that|this|my)\s+(\$)?\d[\d,.]*\s*"
    r"(?:(k|thousand)|(m|mm|mn|b|bn|million|billion))?\s*\+?\s*"
    r"(?:(?:employees?|headcount|staff|people)\s+|(revenue|arr|sales)\s+)?"
    r"(?:cap|ceiling|floor|minimum|maximum|max|min|limit|threshold|cutoff|cut-off)\b",
    re.IGNORECASE,
)


def cleared(text: str) -> tuple[str, set[str], bool]:
    """ "drop the location", "any size", "without the industry filter": the filters to remove,
    and whether the count doubles ("double it")."""
    keys: set[str] = set()
    if _CLEAR_BOUND.search(text):

        def bound(m: re.Match[str]) -> str:
            money = bool(m[1] or m[3] or m[4])
            keys.add("revenue_usd" if money else "employees")
            return " ; "

        text = _CLEAR_BOUND.sub(bound, text)
    if _CLEAR.search(text):

        def build(m: re.Match[str]) -> str:
            noun = " ".join(next((g for g in m.groups() if g), "anywhere").lower().split())
            noun = noun.replace("-", " ")
            if noun.endswith(" count"):
                noun = "store count"  # "the location count", "the clinic count"
            keys.update(_CLEAR_KEYS.get(_CLEAR_ALIASES.get(noun, noun), ()))
            return " ; "

        text = _CLEAR.sub(build, text)
    double = bool(_DOUBLE.search(text))
    if double:
        text = _DOUBLE.sub(" ; ", text)
    return text, keys, double
