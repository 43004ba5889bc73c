"""Search-form syntax pasted into the chat, as the plain words the rules read.

People paste what they type into Sales Navigator or Apollo: ``tech:Salesforce``,
``hq:"Austin, TX"``, ``employees:>=1000``, ``employees:[200 TO 1000]``, ``keywords:"SOC 2"``,
``title:"VP Sales" OR title:CRO``, ``title:(CMO OR "VP Marketing")``, "Person Locations: Texas;
Organization Locations: California". Each field here becomes the phrase that says the same
thing ("using Salesforce", "at companies headquartered in Austin, TX", "with at least 1000
employees", 'mentioning "SOC 2"'): a person's location stays the person's and a company's
location the company's HQ, and a quoted title stays one title. Fields that read the same either
way (industry, seniority, location) become their values; ``text.boolean_to_plain`` reads the
rest of a pasted form ("Title = CFO; Country = Canada").

Only a message with a ":" is looked at; the pattern is run only then.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE

_LABELS = {
    "tech": "tech",
    "techs": "tech",
    "technology": "tech",
    "technologies": "tech",
    "tech stack": "tech",
    "technographics": "tech",
    "hq": "hq",
    "company hq": "hq",
    "headquarters": "hq",
    "hq location": "hq",
    "company location": "hq",
    "company locations": "hq",
    "company country": "hq",
    "company headquarters": "hq",
    "account location": "hq",
    "account locations": "hq",
    "organization location": "hq",
    "organization locations": "hq",
    "organisation location": "hq",
    "organisation locations": "hq",
    "person location": "person",
    "person locations": "person",
    "contact location": "person",
    "contact locations": "person",
    "lead location": "person",
    "lead locations": "person",
    "employees": "size",
    "employee count": "size",
    "# employees": "size",
    "number of employees": "size",
    "headcount": "size",
    "company headcount": "size",
    "company size": "size",
    "size": "size",
    "seniority": "plain",
    "seniority level": "plain",
    "management level": "plain",
    "industry": "plain",
    "industries": "plain",
    "location": "plain",
    "locations": "plain",
    "geo": "plain",
    "geography": "plain",
    "region": "plain",
    "country": "plain",
    "state": "plain",
    "city": "plain",
    "function": "function",
    "job function": "function",
    "department": "function",
    "funding": "plain",
    "funding stage": "plain",
    "funding stages": "plain",
    "last funding stage": "plain",
    "raised": "raised",
    "last funding": "raised",
    "last funding date": "raised",
    "headquarters location": "hq",
    "headquarters locations": "hq",
    "excluded geography": "exclude",
    "excluded geographies": "exclude",
    "excluded location": "exclude",
    "excluded locations": "exclude",
    "excluded region": "exclude",
    "excluded regions": "exclude",
    "company headcount growth": "growth",
    "headcount growth": "growth",
    "years in current position": "tenure",
    "years in current role": "tenure",
    "years at current company": "tenure",
    "years of experience": "experience",
    "past company": "past",
    "past companies": "past",
    "previous company": "past",
    "former company": "past",
    "school": "school",
    "schools": "school",
    "university": "school",
    "keyword": "keywords",
    "keywords": "keywords",
    "title": "title",
    "titles": "title",
    "job title": "title",
    "job titles": "title",
    "current title": "title",
    "current job title": "title",
    # as Indian and Gulf business English writes a brief
    "designation": "title",
    "designations": "title",
    "employee size": "size",
    "employee strength": "size",
    "company strength": "size",
    "team size": "size",
    "sector": "plain",
    "vertical": "plain",
    "verticals": "plain",
}
_LABEL = "|".join(
    re.escape(k).replace(r"\ ", r"\s+") for k in sorted(_LABELS, key=len, reverse=True)
)
# The labels a pasted field may have, for readers of whole lines ("Designation - ...").
LABEL_PATTERN = _LABEL
_FIELD = re.compile(
    rf"(?:(?<=^)|(?<=[\s,;|(]))(?P<label>{_LABEL})\s*:\s*"
    r"(?:\((?P<paren>[^()]*)\)"
    r"|\[\s*(?P<lo>\d[\d,.]*[kKmM]?|\*)\s+TO\s+(?P<hi>\d[\d,.]*[kKmM]?|\*)\s*\]"
    r"|[\"“](?P<quoted>[^\"“”]*)[\"”]"
    r"|(?P<op>[<>]=?|=)\s*(?P<num>\d[\d,.]*[kKmM]?)"
    # a bare value: words up to a separator, a boolean operator or the next field
    rf"|(?P<bare>[^\s,;|()\"“:]+(?:\s+(?!(?:AND|OR|NOT)\b)(?!(?:{_LABEL})\s*:)"
    r"[^\s,;|()\"“:]+)*))",
    _I,
)
_OR = re.compile(r"\s+OR\s+|\s*\|\|\s*", _I)
_QUOTES = '"“”'


# Size bands as Sales Navigator lists them: "51-200, 201-500", "5,001-10,000", "10,001+".
_NUMBER = r"\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?[kK]?"
_ONE_BAND = rf"(?:{_NUMBER})\s*(?:[-–—]|to)\s*(?:{_NUMBER})|(?:{_NUMBER})\s*\+"
_BAND_LIST = re.compile(
    rf"(?:{_ONE_BAND})(?:\s*(?:[,;/]\s*(?:or\s+|and\s+)?|\s+or\s+|\s+and\s+)(?:{_ONE_BAND}))*", _I
)
_BAND_PARTS = re.compile(rf"({_NUMBER})\s*(?:(?:[-–—]|to)\s*({_NUMBER})|\+)", _I)
_SIZE_LABEL = "|".join(
    re.escape(k).replace(r"\ ", r"\s+")
    for k in sorted(_LABELS, key=len, reverse=True)
    if _LABELS[k] == "size"
)
_SIZE_FIELD = re.compile(
    rf"(?:(?<=^)|(?<=[\s,;|(]))(?:{_SIZE_LABEL})\s*:\s*(?P<bands>{_BAND_LIST.pattern})"
    r"(?=\s*(?:$|[,;|)])|\s+[A-Za-z])",
    _I,
)


def _number(text: str) -> int:
    text = text.replace(",", "").lower()
    return round(float(text[:-1]) * 1000) if text.endswith("k") else round(float(text))


def band_union(value: str) -> str | None:
    """ "51-200, 201-500" as the words for one range ("with 51-500 employees"): listed bands are
    one range from the lowest to the highest; a band with no top ("10,001+") leaves it open."""
    if not _BAND_LIST.fullmatch(value.strip()):
        return None
    lows: list[int] = []
    highs: list[int | None] = []
    for low, high in _BAND_PARTS.findall(value):
        if high:
            lows.append(min(_number(low), _number(high)))
            highs.append(max(_number(low), _number(high)))
        else:
            lows.append(_number(low))
            highs.append(None)
    low = min(lows)
    if None in highs:
        return f" , with at least {low} employees , "
    return f" , with {low}-{max(h for h in highs if h is not None)} employees , "


def rewrite(text: str) -> str:
    """The text with each pasted search field spelled out in words."""
    if ":" not in text:
        return text
    text = _SIZE_FIELD.sub(lambda m: band_union(m["bands"]) or m[0], text)
    # "location:Lisbon OR location:Porto": the operator between two fields joins them (no Oregon)
    return _BETWEEN_FIELDS.sub(lambda m: f", {m[1].lower()} ,", _FIELD.sub(_field, text))


# One field on a line of its own: the whole line is its value, commas and all.
_LINE = re.compile(rf"^(?P<label>{_LABEL})\s*:\s*(?P<value>\S.*)$", _I)
_LINE_KINDS = frozenset(
    {"size", "hq", "person", "exclude", "growth", "tenure", "experience", "past", "school"}
)


def form_line(line: str) -> str:
    """A line of a search form pasted one field per line ("Company headcount: 51-200, 201-500",
    "Excluded geography: United Kingdom") in words; any other line as it is."""
    if not (m := _LINE.match(line)):
        return line
    kind = _LABELS[" ".join(m["label"].lower().split())]
    value = m["value"].strip().strip('"“”')
    if kind not in _LINE_KINDS:
        return line
    if kind == "size":
        return band_union(value) or line
    return _phrase(kind, value) or line


_YEARS = re.compile(
    r"(?P<less>less\s+than|under|below|<)?\s*(?P<n>\d+)\s*(?P<unit>years?|months?)", _I
)


_SAID = {
    "hq": " , at companies headquartered in {} , ",
    "person": " , who live in {} , ",
    "exclude": " , excluding {} , ",
    "growth": " , with headcount growth of {} , ",
    "past": " , who previously worked at {} , ",
    "school": " , who studied at {} , ",
}


def _phrase(kind: str, value: str) -> str | None:
    """The words for a field of ``kind`` with ``value``, None when there are none."""
    if kind in _SAID:
        return _SAID[kind].format(value)
    if not (m := _YEARS.search(value)):
        return None
    n, unit = int(m["n"]), m["unit"].lower().rstrip("s")
    if kind == "experience":
        return f" , with more than {n} years of experience , "
    if m["less"]:  # "Less than 1 year" in the role: the job began within that time
        days = min(n * (365 if unit == "year" else 30), 3650)
        return f" , who started their current role in the last {days} days , "
    return f" , who have been in their current role for more than {n} {unit}s , "


_BETWEEN_FIELDS = re.compile(r",\s*\b(OR|AND)\b\s*,")


def _values(m: re.Match[str]) -> list[tuple[str, bool]]:
    """The field's values, each with whether it was quoted."""
    if m["paren"] is not None:
        out = []
        for part in _OR.split(m["paren"]):
            part = part.strip()
            quoted = part[:1] in _QUOTES and part[-1:] in _QUOTES
            value = part.strip(_QUOTES + " ")
            if value:
                out.append((value, quoted))
        return out
    if m["quoted"] is not None:
        return [(m["quoted"].strip(), True)] if m["quoted"].strip() else []
    return [(m["bare"], False)] if m["bare"] else []


def _field(m: re.Match[str]) -> str:
    kind = _LABELS[" ".join(m["label"].lower().split())]
    if kind == "size":
        return _size(m)
    values = _values(m)
    if not values:
        return m[0]
    if (
        kind in ("plain", "function", "title")
        and m["bare"] is not None
        and (kind == "title" or m[0][m.end("label") - m.start() :].startswith((": ", ":\n")))
    ):
        return m[0]  # "Title: owner", "Seniority: Director, VP": read as a pasted form
    joined = " or ".join(v for v, _ in values)
    if kind in _LINE_KINDS and kind not in ("hq", "person"):
        # "..., School: ESMT Berlin" begins a field; "recruiting for a school: principals" does not
        before = m.string[: m.start()].rstrip()
        if before and before[-1] not in ",;|(":
            return m[0]
        return _phrase(kind, joined) or m[0]
    if kind == "raised":
        return _raised(joined) or m[0]
    if kind == "tech":
        return f" , using {joined} "
    if kind == "hq":
        return f" , at companies headquartered in {joined} "
    if kind == "person":
        return f" , who live in {joined} , "
    if kind == "function":
        return f" , people in {joined} , "
    if kind == "plain":
        return f" , {joined} , "
    if kind == "keywords":
        return " , " + " , ".join(f'mentioning "{v}" ,' for v, _ in values) + " "
    # titles: a quoted title is one title whatever words are in it (one word needs no quotes:
    # title:"Controller" is the Controller the rules read)
    return " " + " OR ".join(f'"{title_form(v)}"' if q and " " in v else v for v, q in values) + " "


_UNITS = {"d": "days", "w": "weeks", "m": "months", "mo": "months", "y": "years"}
_WITHIN = re.compile(r"(?:last|past|within)\s*(\d+)\s*(d|w|mo|m|y|days?|weeks?|months?|years?)", _I)


def _raised(value: str) -> str | None:
    """ "raised: last 90d": money raised in the last 90 days."""
    if not (m := _WITHIN.fullmatch(value.strip())):
        return None
    unit = _UNITS.get(m[2].lower(), m[2].lower())
    return (
        f" , that raised money in the last {m[1]} {unit if unit.endswith('s') else unit + 's'} , "
    )


def _size(m: re.Match[str]) -> str:
    if m["lo"] is not None:
        lo, hi = m["lo"], m["hi"]
        if lo == "*" and hi == "*":
            return " "
        if hi == "*":
            return f" , with at least {lo} employees "
        if lo == "*":
            return f" , with at most {hi} employees "
        return f" , with {lo}-{hi} employees "
    if m["op"] is not None:
        words = {">=": "at least", ">": "more than", "<=": "at most", "<": "fewer than", "=": ""}
        return f" , with {words[m['op']]} {m['num']} employees ".replace("  ", " ")
    value = m["paren"] or m["quoted"] or m["bare"] or ""
    if not re.fullmatch(r"[\d,.\s+kKmM-]+|\d[\d,.]*[kKmM]?\s*(?:to|-)\s*\d[\d,.]*[kKmM]?", value):
        return m[0]
    return f" , with {value.strip()} employees "


# ------------------------------------------------------------------ one title, as titles are written

# Abbreviations of pasted titles, spelled out the way titles are kept ("Sr. Director" ->
# "Senior Director", "Dir. of Ops" -> "Director of Operations").
_WORDS = {
    "sr": "Senior",
    "snr": "Senior",
    "jr": "Junior",
    "assoc": "Associate",
    "asst": "Assistant",
    "dir": "Director",
    "mgr": "Manager",
    "mngr": "Manager",
    "ops": "Operations",
    "mktg": "Marketing",
    "eng": "Engineering",
    "engr": "Engineer",
    "acct": "Account",
    "mgmt": "Management",
    "dev": "Development",
    "biz": "Business",
    "svcs": "Services",
}
_ABBREVIATION = re.compile(r"\b(?:" + "|".join(_WORDS) + r")\b\.?", _I)
# A level written first ("VP Sales", "Senior Director Marketing"): "of" joins it to the function.
_RUNG_FIRST = re.compile(
    r"^((?:(?:Senior|Associate|Assistant|Deputy|Executive|Group|Global|Regional)\s+)*"
    r"(?:VP|SVP|EVP|AVP|Head|Director|Managing\s+Director))\s+(?!of\b|and\b|&)(\S.*)$",
    _I,
)
# Words after a level that make it a title of its own, not a function ("Director General").
_NOT_FUNCTION = re.compile(r"^(?:general|at\b|in\b|for\b|,)", _I)
# A person after "Head": "Head Coach", "Head Chef", "Head Brewer" are titles of their own.
_HEAD_OF_PEOPLE = re.compile(
    r"^(?:\w+(?:er|or|ist|ian|man|men)s?|coach(?:es)?|chefs?|nurses?|cooks?|pros?)$", _I
)


def title_form(title: str) -> str:
    """A title as Lexi writes titles: abbreviations spelled out, "VP Sales" as "VP of Sales"."""
    text = " ".join(title.split()).strip(" ,;")
    if text.islower():  # "vp clinical operations"
        text = " ".join(_cased(w) for w in text.split())
    text = _ABBREVIATION.sub(lambda m: _WORDS[" ".join(m[0].rstrip(".").lower().split())], text)
    if (
        (m := _RUNG_FIRST.match(text))
        and not _NOT_FUNCTION.match(m[2])
        and not (m[1].lower().endswith("head") and _HEAD_OF_PEOPLE.match(m[2]))
    ):
        text = f"{m[1]} of {m[2]}"
    return text


_UPPER = frozenset("vp svp evp avp hr it ai ml qa ux ui pr gtm esg erp crm seo".split())
_LOWER = frozenset("of and for the in to a an".split())


def _cased(word: str) -> str:
    if word in _UPPER or (len(word) in (3, 4) and word.startswith("c") and word.endswith("o")):
        return word.upper()
    return word if word in _LOWER else word[:1].upper() + word[1:]


class QuotedTitle(str):
    """A quoted phrase that is one job title, kept whole ("VP Clinical Operations")."""
