"""Company lookups: "people at Acme Corp", "the CEO of Holmes & Andrews PC", "who works at
acme.com". A name with a legal suffix, a name joined by "&", a quoted name after "at" or a domain
becomes the ``companies`` filter (names are matched fuzzily by the search, domains exactly).
One capitalised name ending the request ("the general counsel at Zillow") is a company too,
unless the search reads the word as something else (a department, an industry, a place).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import prefilter
from .slots import COMPANY_KIND_NOUNS, SIZE_KEYS, STOPWORDS
from .titlewords import VOCABULARY_WORDS

I = re.IGNORECASE

_PREP = r"(?:at|of|from|for|with|in|by|works\s+at|working\s+at|employed\s+(?:at|by))"
_ONE_DOMAIN = (
    r"(?:www\.)?(?:[a-z0-9][a-z0-9-]*\.)+(?:com|io|co|net|org|ai|law|legal|dev|"
    r"app|us|uk|de|fr|ca|biz|info|tech|tv|me|health|church|edu|gov|nl|se|au|in|eu|example|no|dk|"
    r"fi|es|it|pl|gr|cy|ch|at|be|ie|nz|sg|hk|jp|br|mx|za|ae|il|pt|cz|global)"
    r"(?:\.[a-z]{2})?\b"
)
# "at plaid.com and brex.com", "at depaul.edu, luc.edu": one domain or several.
_DOMAIN = re.compile(
    rf"\b{_PREP}\s+({_ONE_DOMAIN}(?:\s*(?:,|\band\b|\bor\b|&|/)\s*{_ONE_DOMAIN})*)",
    I,
)
_DOMAIN_SPLIT = re.compile(r"\s*(?:,|\band\b|\bor\b|&|/)\s*", I)
_SUFFIX = (
    r"(?:Inc|Incorporated|Corp|Corporation|LLC|L\.L\.C\.|LLP|L\.L\.P\.|Ltd|Limited|PC|P\.C\.|PLLC|"
    r"PA|P\.A\.|GmbH|AG|SA|plc|PLC|Co|Company|Group|Holdings|Partners|Associates|Labs|"
    r"Technologies|Systems|Solutions|Industries|Enterprises|"
    # clubs: "Brentford FC", "Valencia CF"; studios: "Pinewood Studios", "Tyler Perry Studios"
    r"FC|AFC|CF|RFC|F\.C\.|Studios|Pictures|Productions|Entertainment)"
)
_WORD = r"[A-Z0-9][\w'.-]*"
_NAMED = re.compile(
    rf"\b{_PREP}\s+((?:{_WORD}\s*(?:&|and|,)?\s*){{0,5}}?{_WORD}(?:,)?\s+{_SUFFIX})\.?(?=\W|$)"
)
# Not after a role noun: "Head of IT Infrastructure & Operations" is a function, not a company.
_AMPERSAND = re.compile(
    rf"(?<!\bHead\s)(?<!\bhead\s)(?<!\bVP\s)(?<!\bDirector\s)(?<!\bdirector\s)(?<!\bManager\s)"
    rf"\b{_PREP}\s+({_WORD}(?:\s+{_WORD})?\s+&\s+{_WORD}(?:\s+{_WORD})?)"
)
# (not "with 'memory care' in their description": words of the description, a keyword)
_QUOTED = prefilter.compile(
    rf"\b{_PREP}\s+qtok(\d+)\b(?!\s+in\s+(?:their|its|the)\s+(?:company\s+)?"
    r"(?:descriptions?|names?|profiles?|about|bios?|taglines?)\b)",
    I,
)
# "who's the CFO at Holloway Freight?", "Find the VP of Engineering at Northwind Analytics": the
# one person in a role at a capitalised name of two to four words ending the request.
_THE_ROLE_AT = re.compile(
    r"\bthe\s+(?:[\w-]+\s+){1,4}?(?:at|of)\s((?:[A-Z][\w'.-]*)(?:\s+(?:of\s+)?[A-Z][\w'.&-]*){1,3})(?=\s*[?.!]*\s*$)"
)
# "who is the general counsel at Zillow", "anyone in the legal department at Ford", "the CEO of
# Greenhouse", "CFO of Ford": one capitalised name ending the request, after "at" (or "of" after
# "the <role>", or after a chief's acronym, a founder, owner or president starting the request),
# that the search reads as nothing else (not a department, an industry, a place or a role).
# The name may be followed by the place the people are in ("people at Maersk in Copenhagen"), or
# be all the request says with it ("Maersk in Copenhagen").
_PLACE_AFTER = r"(?:\s*,?\s+(?:in|near|around)\s+(?P<place>[A-Z][\w .'-]*?))?(?=\s*[?.!]*\s*$)"
_ONE_NAME = re.compile(
    r"(?:\b(?:at|works?\s+at|working\s+at|employed\s+(?:at|by))|\bthe\s+(?:[\w-]+\s+){1,4}?of"
    # "CFO of Ford", "who is CTO of Celonis?": a role of one company, said without "the"
    r"|^\W*(?:(?:who|what)(?:\s+is|'s|\s+are)\s+|find\s+(?:me\s+)?)?(?:(?-i:[A-Z]{2,5})s?|"
    # "HR head of Zomato": a function's head of one company
    r"(?-i:[A-Z]{2,5})\s+(?i:heads?|leads?)|"
    r"(?:co-?)?founders?|owners?|presidents?|chairm[ae]n|chairpersons?)\s+of"
    r"|^\W*(?=[A-Z][\w&'-]*\w\s+(?:in|near|around)\s))"
    r"\s*([A-Z][\w&'-]*\w)" + _PLACE_AFTER
)
# (nor a published group of companies: "Russell Group universities", "Ivy League schools")
_NOT_A_COMPANY = re.compile(
    r"^(?:the|my|our|this|that|these|those|a|an)\b|^(?:russell\s+group|ivy\s+league)\b", I
)
# "directors of nursing at Houston Methodist", "the CFO at Cleveland Clinic": two to five
# capitalised words after "at" ending the clause (or before the people's place) that together
# are one organisation's name, often a place followed by a word (see ``_proper_name``).
_PROPER_NAME = re.compile(
    # (not where people studied: "who studied at University of Florida", "graduated from ...")
    r"(?<!\bstudied\s)(?<!\bgraduated\s)(?<!\bgraduates\s)(?<!\balumni\s)"
    r"\b(?:at|from|works\s+at|working\s+at)\s+([A-Z][\w'&.-]*(?:\s+(?:of\s+)?[A-Z][\w'&.-]*){1,4})"
    r"(?=\s*(?:[?.!,;]|$)|\s+(?:in|near|around)\s+[A-Z])"
)
# "heads of partnerships at Snowflake, Datadog, MongoDB": several capitalised names in a row
# after "at" are companies (one name alone: see ``_ONE_NAME``).
# ("William Grant & Sons", "Procter & Gamble": one name around "&")
_NAME = r"[A-Z][\w&.'-]*(?:\s+(?:of\s+)?[A-Z][\w&.'-]*)?(?:\s+&\s+[A-Z][\w.'-]*)?"
_NAME_LIST = re.compile(
    rf"(?:\b(?:at|from|works\s+at|working\s+at)|\bthe\s+(?:[\w-]+\s+){{1,4}}?(?P<of>of))\s+({_NAME}(?:\s*,\s*{_NAME})+(?:,?\s+(?:and|or|&)\s+{_NAME})?"
    rf"|{_NAME}\s+(?:and|or|&)\s+{_NAME})(?=\s*(?:[,;.!?)]|$)|\s+[-\u2013\u2014]\s"  # ("... - verified only")
    # "at IQVIA, Parexel and ICON in the Triangle": the place the people are in, after the names
    r"|\s+(?:in|near|around|across|based\s+in)\s)"
)
# "the CEO of Acciona and of Ferrovial", "at Bosch, at Siemens": the word before each name
# said again.
_PREP_AGAIN = re.compile(r"(,|\band\b|\bor\b|&)\s+(?:at|of|from)\s+(?=[A-Z])")
_EXCLUDED_BEFORE = re.compile(
    r"\b(?:exclud\w*|except(?:\s+for)?|not|no|leave\s+out|leaving\s+out|nobody|no\s+one|skip|skipping|"
    r"minus|without|drop)\s+(?:\w+\s+){0,2}$",
    I,
)
# Before "at <name>": a past employer ("who used to work at Google"), a school ("that studied at
# Les Roches") or an exclusion ("not at Salesforce") is not the company people work at now.
_NOT_NOW_BEFORE = re.compile(
    r"(?:\b(?:used\s+to|previously|formerly|once|ex|alumni|worked|studied|graduated|not|no|except|exclud\w*|"
    r"leave\s+out|leaving\s+out|nobody|no\s+one)\b[\w\s-]{0,20}|\bwork(?:ed|ing)?\s+)$",
    I,
)
_NAME_SPLIT = re.compile(r"\s*(?:,|\band\b|\bor\b)\s*")  # "&" joins one name: "Johnson & Johnson"


# "whos the marketing manager at brighton corporation", "cfos at acme inc": a name typed in
# lower case with its legal suffix is a name all the same (capitalised, it is read as one)
_LOWER_CASE_NAMED = re.compile(
    r"(?:(?<=\bat\s)|(?<=\bof\s)|(?<=\bfrom\s)|(?<=\bfor\s)|(?<=\band\s))"
    r"(?!(?:the|a|an|my|our|their|this|that|any|all|other|local|small|big|large|regional)\s)"
    r"((?:[a-z][\w'.&-]*\s+){1,3}"
    r"(?:inc|corp|corporation|llc|llp|ltd|plc|gmbh|pty|building\s+society|credit\s+union))\b\.?"
    # (not "firms incorporated in")
)


def _capitalised(m: re.Match[str]) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in m[1].split())


# "whos the plant mgr at molson coors in golden": a question for the one person in a role at a
# place of work, in lower case: the name is a company's (and the place after it a place's)
_WHO_IS_THE_ROLE_AT = re.compile(
    r"^(?P<head>\W*(?:who'?s|whos|who\s+is|who\s+are|who\u2019s)\s+(?:the\s+)?(?:[\w-]+\s+){1,4}?at\s+)"
    r"(?P<name>[a-z][\w'.&-]*(?:\s+[a-z][\w'.&-]*){0,3}?)"
    r"(?P<tail>(?:\s+in\s+(?P<place>[a-z][\w'.-]*(?:\s+[a-z][\w'.-]*){0,2}))?\s*[?.!]*\s*)$"
)


def _named_in_lower_case(clause: str) -> str:
    m = _WHO_IS_THE_ROLE_AT.match(clause)
    if not m or m["name"].lower() in STOPWORDS:
        return clause
    name = " ".join(w[:1].upper() + w[1:] for w in m["name"].split())
    if not (_read_as_nothing_else(name) if " " not in name else _proper_name(name)):
        return clause
    tail = m["tail"]
    if m["place"] and _a_place(m["place"]):
        tail = tail.replace(m["place"], " ".join(w[:1].upper() + w[1:] for w in m["place"].split()))
    return m["head"] + name + tail


# "cfos at continental resources", "engineers @ devon energy", "vps of sales at riot games in
# la": words after "at" that the search reads as nothing, up to the end or a place, name the
# company they are typed in lower case (left out, the request would search without it)
_AT_LOWER_CASE = re.compile(
    r"(?:\bat|@|\bworks?\s+at|\bworking\s+at)\s+(?P<name>[a-z][\w'.&-]*(?:\s+[a-z][\w'.&-]*){0,3}?)"
    r"(?P<tail>\s*(?:$|[,;.!?])|\s(?=(?:in|near|around|based|pls|please|thanks)\b))"
)


_AT_IDIOMS = frozenset(
    "night home work scale lunch noon dawn dusk once random hand present moment times "
    "heart risk peace ease rest sea play war school church college university both either each "
    "them these those all any every other others least most".split()
)
# nouns a kind of companies ends in ("senior living communities", "craft beer bars")
_KIND_NOUNS = COMPANY_KIND_NOUNS | frozenset(
    "communities homes facilities centers centres groups chains companies firms businesses "
    "shops stores brands agencies organizations organisations clinics practices schools "
    "networks cos outfits houses places sites plants mills venues hotels restaurants bars pubs "
    "startups studios traders roasters roasteries producers growers farms cooperatives coops "
    "estates breweries wineries distilleries bakeries cafes franchises franchisees clubs teams "
    "labs".split()
)
_ADJECTIVE = re.compile(r"(?:al|ic|ive|ous|ary|ern|ish|ent|ant)$")


def _lower_case_name(out: Companies, unknown: list[str]) -> None:
    """Take a lower-case company name after "at" (``_AT_LOWER_CASE``) out of the clause: words
    the search left unread, the last one perhaps a singular word it reads ("devon energy"),
    never one plural noun ("at munis", "at sawmills": kinds of companies) nor a stop word."""
    unread = {w.lower() for w in unknown}
    for m in _AT_LOWER_CASE.finditer(out.clause):
        words = m["name"].split()
        head = words if len(words) == 1 else words[:-1]
        if any(w.lower() not in unread or w in STOPWORDS or not w.isalpha() for w in head):
            continue
        last = words[-1]
        if (last.endswith("s") and not (last in unread and len(words) > 1)) or last in _KIND_NOUNS:
            continue
        if len(words) == 1 and (len(last) < 3 or last in _AT_IDIOMS):
            continue
        if last not in unread and any(_ADJECTIVE.search(w) for w in head):
            continue  # "at provincial government", "at federal government": a kind
        # ("citizenM", "eBay": a name cased inside is written as its owner writes it)
        out.names.append(" ".join(w if not w.islower() else w[:1].upper() + w[1:] for w in words))
        out.clause = (out.clause[: m.start()] + " " + out.clause[m.end() :]).strip()
        return


# "the CEO at the City of Joondalup", "at the Shire of Broome": a council named as one
_GOVERNMENTS = r"(?:City|Town|Shire|County|Borough|District|Municipality|Village|Township)"
_THE_ORG_OF = re.compile(
    rf"(?:(?<=\bat\s)|(?<=\bfrom\s)|(?<=\badd\s)|(?<=\band\s))the\s+"
    rf"(?=(?:{_GOVERNMENTS}|University|College|Institute)\s+of\s+[A-Z])"
)


@dataclass
class Companies:
    clause: str
    names: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.names)


def extract(clause: str, quotes: list[str], unknown: list[str] | None = None) -> Companies:
    """Take the companies a clause names out of it (``unknown``: the words the search left
    unread, which may be a name typed in lower case)."""
    if "who" in clause[:8].lower():
        clause = _named_in_lower_case(clause)
    out = Companies(_THE_ORG_OF.sub("", _LOWER_CASE_NAMED.sub(_capitalised, clause)))
    if unknown:
        _lower_case_name(out, unknown)
    _name_list(out)
    for pattern in (_DOMAIN, _NAMED, _AMPERSAND, _QUOTED, _THE_ROLE_AT, _PROPER_NAME, _ONE_NAME):
        while True:
            m = pattern.search(out.clause)
            if not m:
                break
            name = quotes[int(m[1])] if pattern is _QUOTED else m[1].strip(" ,")
            if _NOT_A_COMPANY.match(name) or not name:
                break
            if pattern is _THE_ROLE_AT and (
                not (_a_name(name) or _proper_name(name)) or _a_function(m[0], name)
            ):
                break
            if pattern is _PROPER_NAME and (
                not _proper_name(name) or _NOT_NOW_BEFORE.search(out.clause[: m.start()])
            ):
                break
            if pattern is _AMPERSAND and not any(_a_name(p.strip()) for p in name.split("&")):
                break  # "in NY & PA": places
            if pattern in (_AMPERSAND, _NAMED) and _NOT_NOW_BEFORE.search(out.clause[: m.start()]):
                break  # "who used to work at Procter & Gamble": a past employer
            if pattern is _NAMED and _places_only(name):
                break  # "in Pittsburgh, PA", "in OH, PA, MI": "PA" is a state, not P.A.
            if pattern is _ONE_NAME and (
                out.names
                or _NOT_NOW_BEFORE.search(out.clause[: m.start()])
                or not _read_as_nothing_else(name)
                or (m["place"] and not _a_place(m["place"]))
                or name.lower() in STOPWORDS  # "Only in New York."
            ):
                break
            names = [name]
            if pattern is _DOMAIN:
                names = [re.sub(r"^www\.", "", n.lower()) for n in _DOMAIN_SPLIT.split(name) if n]
            out.names.extend(n for n in names if n not in out.names)
            # The role stays: only "at <name>" / "of <name>" leaves the clause.
            start = m.start(1) - 3 if pattern in (_THE_ROLE_AT, _ONE_NAME) else m.start()
            end = m.end(1) if pattern is _ONE_NAME else m.end()  # the place stays
            out.clause = (out.clause[: max(start, 0)] + " " + out.clause[end:]).strip()
    return out


_HEADS_OF = re.compile(r"\b(?:heads?|directors?|vps?|vice\s+presidents?|chiefs?)\s+of\s+", I)


def _a_function(said: str, name: str) -> bool:
    """ "the Heads of Private Banking", "the Director of Guest Experience": words of titles after
    a leader's "of" name what they lead, not a company."""
    return bool(_HEADS_OF.search(said)) and all(
        w.lower().rstrip(".") in VOCABULARY_WORDS for w in name.split()
    )


def _read_as_nothing_else(name: str) -> bool:
    """A single word the search reads as nothing else: no role, department, industry, place,
    size or kind of company (a technology is fine: "people at HubSpot" work there)."""
    from .scanner import extract as slots_of

    if not _a_name(name) or not _not_a_word(name):
        return False
    words = name.split()
    if len(words) > 1 and words[-1][:1].isupper() and _read_as_nothing_else(words[-1]):
        return True  # "Toyota Boshoku": a place, then a word nothing reads, is one company
    s = slots_of(name)
    return not (
        s.roles
        or s.generic
        or s.industries
        or s.locations
        or s.company_locations
        or s.dept_mentions
        or s.employees
        or s.revenue
        or s.email_status
        or s.unsupported
    )


def proper_name(name: str) -> bool:
    """Whether capitalised words name one organisation (see ``_proper_name``)."""
    return _proper_name(name)


def _a_place(text: str) -> bool:
    from lexi.geo import place_named

    return place_named(text.strip(" .,")) is not None


def _proper_name(name: str) -> bool:
    """Capitalised words that name one organisation rather than describe companies: not a
    place, a kind of company or an industry ("Private Equity", "Dallas Hospitals"), and either a
    word the lexicon does not know after a place ("Houston Methodist") or a singular company
    noun after a name ("Cleveland Clinic", "Mayo Clinic")."""
    from .industries import INDUSTRY_ALIASES
    from .lexicon import COMPANY_NOUNS, ROLES
    from .text import norm_key

    words = name.split()
    keys = [norm_key(w) for w in words]
    if _a_place(name) or " ".join(keys) in INDUSTRY_ALIASES:
        return False
    if len(words) >= 3 and words[1] == "of" and not words[0].endswith("s"):
        # "Bank of Ireland", "University of Michigan": one organisation of a place
        return (
            keys[0] in COMPANY_NOUNS
            or keys[0] in INDUSTRY_ALIASES
            or re.fullmatch(_GOVERNMENTS, words[0]) is not None  # "City of Joondalup"
        )
    if any(k in ROLES for k in keys) or not _not_a_word(words[0]):
        return False
    last = keys[-1]
    if last in COMPANY_NOUNS or last in INDUSTRY_ALIASES or " ".join(keys[-2:]) in INDUSTRY_ALIASES:
        # "Cleveland Clinic", not "Boston Hospitals" or "Regional Hospitals"; "Apollo Hospitals"
        # (no place, no word of titles or sizes) is a name
        return not words[-1].endswith("s") or not (
            _a_place(words[0]) or keys[0] in VOCABULARY_WORDS or keys[0] in SIZE_KEYS
        )
    from .scanner import extract as slots_of

    s = slots_of(words[-1])
    return not (s.roles or s.generic or s.industries or s.locations or s.dept_mentions)


def _places_only(name: str) -> bool:
    """A "name, suffix" that is places: a town and its state, or states in a row."""
    head, _, code = name.rpartition(" ")
    if len(code) == 2 and code.isupper() and _a_place(f"{head.strip(' ,')}, {code}"):
        return True  # "Pittsburgh PA"
    parts = [p for p in _NAME_SPLIT.split(name) if p.strip(" .")]
    return all(_a_place(p) for p in parts)


_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,6}s")


def _a_name(name: str) -> bool:
    """Not a place ("the CEO at New York Life" is a company, "the CEO of New York" is not) and
    not a kind of company ("the CTO at Fintech Startups")."""
    from lexi.geo import place_named

    from .lexicon import COMPANY_NOUNS
    from .text import norm_key

    if norm_key(name.split()[-1]) in COMPANY_NOUNS or _PLURAL_ACRONYM.fullmatch(name):
        return False  # "at DSOs", "at MSOs": a kind of company in trade shorthand
    return place_named(name) is None


def _name_list(out: Companies) -> None:
    """ "at Snowflake, Datadog, MongoDB": each name a company, unless one is a place or a kind
    of company, or the names are excluded ("exclude anyone at Salesforce, Oracle")."""
    if " at " in out.clause or " of " in out.clause or " from " in out.clause:
        out.clause = _PREP_AGAIN.sub(r"\1 ", out.clause)
    m = _NAME_LIST.search(out.clause)
    if (
        not m
        or _EXCLUDED_BEFORE.search(out.clause[: m.start()])
        or _NOT_NOW_BEFORE.search(out.clause[: m.start()])  # "used to work at Stripe or Revolut"
    ):
        return
    names = [n.strip(" .") for n in _NAME_SPLIT.split(m[2]) if n.strip(" .")]
    if len(names) < 2 or not all((_a_name(n) or _proper_name(n)) and _not_a_word(n) for n in names):
        return  # ("Compass Group, Aramark and Sodexo": a name ending in a company noun too)
    if m["of"] and not all(_read_as_nothing_else(n) for n in names):
        return  # "the Head of Product and Engineering": departments
    out.names.extend(n for n in names if n not in out.names)
    start = m.start("of") if m["of"] else m.start()  # "the CEO of ...": the role stays
    out.clause = (out.clause[:start] + " " + out.clause[m.end() :]).strip()


def _not_a_word(name: str) -> bool:
    """Not a role, an industry or another word the search reads ("at SaaS and Fintech")."""
    from .industries import INDUSTRY_ALIASES
    from .lexicon import ROLES
    from .text import norm_key

    key = norm_key(name)
    if re.match(r"(?:series|seed|pre|post|fortune|q[1-4])\b", key):
        return False
    return key not in INDUSTRY_ALIASES and key not in ROLES


# "add convoy too", "plus samsara and motive", "and PulteGroup and Shea Homes too!": companies
# joining a search that names companies, written in lower case as often as not.
_ADDED_NAME = r"(?!and\b)[\w&.'-]+(?:\s+(?!(?:and|too|also|as)\b)[\w&.'-]+){0,3}"
_ADDED_NAMES = re.compile(
    r"^\W*(?P<lead>(?:(?:ok(?:ay)?|and|also|oh)\W+)*)(?:(?P<verb>add|include|plus|also)\s+)?"
    rf"(?P<names>{_ADDED_NAME}(?:\s*(?:,|\band\b|&)\s*{_ADDED_NAME}){{0,4}})"
    r"(?P<too>\s+(?:too|as\s+well|also))?\W*$",
    I,
)


def added_to(clause: str, companies: list[str]) -> list[str] | None:
    """The companies of a search the clause adds names to (see ``_ADDED_NAMES``), or None when
    it adds none or a word the search reads as something else ("add Texas too"). Without a verb
    ("and PulteGroup too", "and yorkshire building society") the names must be names: one word
    nothing else reads, a capitalised name or one with its legal suffix."""
    clause = _LOWER_CASE_NAMED.sub(_capitalised, clause)
    m = _ADDED_NAMES.match(clause)
    lead = m["lead"].lower() if m else ""
    verb = bool(m and (m["verb"] or re.search(r"\balso\b", lead)))
    if not m or not companies or not (verb or re.search(r"\band\b", lead)):
        return None
    names = [n.strip(" .") for n in _NAME_SPLIT.split(m["names"]) if n.strip(" .")]
    if not names:
        return None
    for n in names:
        if len(n.split()) == 1:
            if not _read_as_nothing_else(n):
                return None
        elif not (n[:1].isupper() and _proper_name(n) and _not_a_word(n)):
            return None
    if not verb and not (m["too"] or all(n[:1].isupper() for n in names)):
        return None
    written = [n.capitalize() if n.islower() and n.isalpha() else n for n in names]
    return [*companies, *(n for n in written if n not in companies)]
