"""The search slots of a clause, the lexicon indexes, and how roles become filters."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import product
from typing import Any

from rapidfuzz import process
from rapidfuzz.distance import OSA

from lexi.prospects.taxonomy import INDUSTRIES

from .industries import INDUSTRY_ALIASES, NICHES
from .lexicon import (
    COMPANY_NOUNS,
    DEPARTMENT_TITLE,
    DEPARTMENTS,
    ROLES,
    SENIORITY_TITLE,
    SIZE_WORDS,
    TECHNOLOGY_SPELLING,
    Role,
    data_file,
)
from .realwords import REAL_WORDS
from .text import norm_key, word_set
from .titlewords import VOCABULARY_WORDS

ROLE_KEYS = {norm_key(k): v for k, v in ROLES.items()}
INDUSTRY_KEYS = {norm_key(k): v for k, v in INDUSTRY_ALIASES.items()}
for _name in INDUSTRIES:
    INDUSTRY_KEYS.setdefault(norm_key(_name), (_name,))
SIZE_KEYS = {norm_key(k): v for k, v in SIZE_WORDS.items()}
DEPT_KEYS = {norm_key(k): v for k, v in DEPARTMENTS.items()}
COMPANY_NOUN_KEYS = {norm_key(k) for k in COMPANY_NOUNS}
_MAX_SPAN = 5

NEGATORS = {
    "remove",
    "drop",
    "lose",
    "ditch",
    "hide",
    "not",
    "excluding",
    "exclude",
    "excl",  # "excl. events companies"
    "except",
    "without",
    "minus",
    "outside",
    "excluded",
    "omit",
    "omitting",
    "skip",
    "skipping",
    "avoid",
    "no",
    "nor",
    "ignore",
    "ignoring",
}
NEGATOR_PAIRS = {
    ("but", "not"),
    ("other", "than"),
    ("apart", "from"),
    ("aside", "from"),
    ("except", "for"),
    ("instead", "of"),
    ("rather", "than"),
    ("outside", "of"),
    ("leave", "out"),
    ("leaving", "out"),
    ("rule", "out"),
    ("filter", "out"),
    ("take", "out"),
    ("get", "rid"),
    ("anything", "but"),  # "CFOs at financial firms, anything but banks"
    ("anywhere", "but"),  # "chief estimators, anywhere but CA"
    ("everything", "but"),
    ("anyone", "but"),
}
# Words that keep an exclusion going: "not in Texas or Florida", "excluding agencies and banks".
NEGATION_GLUE = {
    "and",
    "or",
    "in",
    "the",
    "any",
    "from",
    "at",
    "of",
    "based",
    "located",
    "&",
    "/",
    "state",
    "city",
    "area",
    "nor",
    "either",
    "one",
    "those",
    "anyone",
    "anybody",
    "people",
    "person",
    "company",
    "rid",
    "all",  # "rather than all IT leaders", "excluding all banks"
    # "exclude anyone at a company HQ'd in the US", "skip anyone whose company is HQ'd ..."
    "a",
    "whose",
    "is",
    "companies",
    # "but not the companies who have their headquarters in the Netherlands"
    "have",
    "has",
    "their",
    "its",
    "headquarters",
    "headquartered",
    "hq",
    # "excluding people who live in New York City", "not those who work in Boston"
    "who",
    "that",
    "are",
    "live",
    "living",
    "work",
    "working",
}
VAGUE_COUNTS = {
    "few": 10,
    "some": 10,
    "several": 10,
    "handful": 5,
    "couple": 2,
    "bunch": 25,
    "lot": 25,
    "many": 25,
}
MORE_WORDS = {"more", "next", "another", "additional", "further", "rest", "remaining", "extra"}
SEARCH_VERBS = {
    "find",
    "require",  # "Require Directors of Supply Chain at ...": Indian English for "I need"
    "search",
    "look",
    "looking",
    "get",
    "pull",
    "show",
    "give",
    "list",
    "grab",
    "fetch",
    "source",
    "need",
    "want",
    "dig",
    "hunt",
    "identify",
    "locate",
    "bring",
    "compile",
    "prospect",
    "scrape",
    "discover",
    "seek",
    "seeking",
    "searching",
    "finding",
    "target",
    "targeting",
    "who",
    "any",
    "gimme",
    "dame",
    "busca",
    "buscame",
    "lookup",
    "query",
    "surface",
    "collect",
    "gather",
    "produce",
    "generate",
    "build",
    "pull up",
    "track",
    "get me",
    "sourcing",
}
STOPWORDS = set(
    word_set(
        """
a an the and or but if then so to of in on at by for with from into onto about as is are was
were be been being am do does did doing have has had having i me my mine we us our ours you your
yours he she they them their theirs it its this that these those there here who whom whose which
what when where why how all any each every some no not only just also too very can could would
should will shall may might must please pls plz thanks thank hey hi hello ok okay yes yeah yep
sure now again more most less least than up down out over under off like such own same other
another new old good great nice cool let lets let's make made get got give gave show shown find
found search look looking want need needs needed list lists people person contacts contact leads
lead prospects prospect ones one based located near around across within whole total kind sort
type types company companies firm firms business businesses org orgs organization organizations
something anything everything everyone anyone someone really actually maybe perhaps quickly fast
asap today tomorrow either neither nor while who's what's that's it's i'm i'd i'll we're work
works working job jobs title titles role roles position positions level levels result results
name names email emails data info information details kindly see view display bring pull grab
fetch return his her him pitch poach reach invite invites inviting w minus except
dame busca buscame los las el la
"""
    )
)
STOPWORDS |= {norm_key(w) for w in STOPWORDS}

# Plural nouns of the companies of a trade ("concrete subcontractors", "seafood importers"): no
# company's name ends in one (``companies``), and no doer is sought by one (``scanner``).
COMPANY_KIND_NOUNS = frozenset(
    """suppliers vendors manufacturers distributors dealers dealerships wholesalers builders
    contractors subcontractors operators owners providers makers retailers resellers importers
    exporters""".split()
)


def read_by_a_table(word: str) -> bool:
    """Whether a word is one the rules read: a role, an industry, a department, a stop word or a
    technology (as written or in its normal form). What no table reads may be a name, or a
    word of another language said again."""
    forms = {word.lower(), norm_key(word)}
    tables = (ROLE_KEYS, INDUSTRY_KEYS, DEPT_KEYS, STOPWORDS, TECHNOLOGY_SPELLING)
    return any(form in table for form in forms for table in tables)


@dataclass
class RoleHit:
    role: Role
    departments: tuple[str, ...] = ()
    negated: bool = False
    title: str | None = None  # a spelled-out title the tables do not know: "Head of Ecommerce"
    # A named role built from a role noun and its function: "marketing directors" ->
    # ("Marketing Director",), "VPs of Sales and Marketing" -> ("VP of Sales", "VP of Marketing").
    titles: tuple[str, ...] = ()

    @property
    def named_titles(self) -> tuple[str, ...]:
        if self.title:
            return (self.title,)
        return self.titles or self.role.titles


@dataclass
class Slots:
    count: int | None = None
    vague_count: bool = False  # the count is a word such as "some", "a few"
    more: bool = False
    page: int | None = None  # "page 2": that page of the same search
    roles: list[RoleHit] = field(default_factory=list)
    generic: bool = False
    industries: list[str] = field(default_factory=list)
    exclude_industries: list[str] = field(default_factory=list)
    locations: list[str] = field(default_factory=list)
    exclude_locations: list[str] = field(default_factory=list)
    # Places read as the company's HQ ("companies based in Boston", "headquartered in Texas").
    company_locations: list[str] = field(default_factory=list)
    exclude_company_locations: list[str] = field(default_factory=list)
    employees: dict | None = None
    revenue: dict | None = None
    keywords: list[str] = field(default_factory=list)
    technologies: list[str] = field(default_factory=list)
    email_status: list[str] | None = None
    search_verb: bool = False
    unknown: list[str] = field(default_factory=list)
    # Department words outside a role ("sales instead of marketing"): (department, the
    # industries the same words were read as, negated). A refinement of a department search
    # reads them as departments.
    dept_mentions: list[tuple[str, tuple[str, ...], bool]] = field(default_factory=list)
    # every industry read, in order: (token index, industries, negated)
    industry_hits: list[tuple[int, tuple[str, ...], bool]] = field(default_factory=list)
    place_options: dict[str, list[str]] = field(default_factory=dict)  # see places.PlaceHit
    code_places: set[str] = field(default_factory=set)  # read from two-letter codes ("CA")
    unsupported: list[str] = field(default_factory=list)  # see unsupported.py
    unknown_places: list[str] = field(default_factory=list)  # "in Seoul": no such place known
    removals: set[str] = field(default_factory=set)  # values after "remove"/"drop"
    exclude_technologies: list[str] = field(default_factory=list)  # "but not HubSpot"
    excluded_keywords: list[str] = field(default_factory=list)  # "but not crypto companies"
    cleared: set[str] = field(default_factory=set)  # filters to drop: "drop the location"
    double: bool = False  # "double it"
    employees_explicit: bool = False  # "big companies (5000+ employees)": the number wins
    # Buying-signal filters read from the request ("Series A", "hiring SDRs"; see signals.py).
    signals: dict[str, Any] = field(default_factory=dict)

    @property
    def positive_roles(self) -> list[RoleHit]:
        return [h for h in self.roles if not h.negated and (h.departments or not h.role.generic)]

    @property
    def has_role(self) -> bool:
        return any(
            h.named_titles or h.role.seniorities or h.departments or h.role.departments
            for h in self.positive_roles
        )

    @property
    def has_filters(self) -> bool:
        return bool(
            self.industries
            or self.exclude_industries
            or self.locations
            or self.exclude_locations
            or self.company_locations
            or self.exclude_company_locations
            or self.employees
            or self.revenue
            or self.keywords
            or self.technologies
            or self.email_status
            or self.signals
        )

    def role_filters(self) -> dict[str, list[str]]:
        return render_roles(self.positive_roles)


def add_unique(values: list[str], new) -> None:
    for v in new:
        if v not in values:
            values.append(v)


def render_roles(hits: list[RoleHit]) -> dict[str, list[str]]:
    """Titles, seniorities and departments for a set of role mentions.

    Search ANDs the three fields, so "CEOs and VPs of Sales" cannot be seniority=vp AND
    title=CEO: when title roles and pattern roles mix, or the patterns do not form a full
    product ("VPs of Sales and marketing directors"), every role is rendered as a title.
    """
    titles: list[str] = []
    patterns_: list[tuple[tuple[str, ...], tuple[str, ...]]] = []
    for h in hits:
        if h.named_titles:
            add_unique(titles, h.named_titles)
        else:
            role_depts = tuple(dict.fromkeys((*h.role.departments, *h.departments)))
            patterns_.append((h.role.seniorities, role_depts))
    if not patterns_:
        return {"titles": titles} if titles else {}
    sens: list[str] = []
    depts: list[str] = []
    for ss, dd in patterns_:
        add_unique(sens, ss)
        add_unique(depts, dd)
    wanted = {(s, d) for ss, dd in patterns_ for s in (ss or (None,)) for d in (dd or (None,))}
    full = set(product(sens or (None,), depts or (None,)))
    # "Seniority: Director, VP; Function: Marketing": levels and a department named apart.
    apart = any(h.role.generic for h in hits) and all(not (s and d) for s, d in patterns_)
    if not titles and (wanted == full or apart):
        out: dict[str, list[str]] = {}
        if sens:
            out["seniorities"] = sens
        if depts:
            out["departments"] = depts
        return out
    ordered: list[str] = []  # every role as a title, in the order they were asked for
    for h in hits:
        if h.named_titles:
            add_unique(ordered, h.named_titles)
            continue
        depts_ = tuple(dict.fromkeys((*h.role.departments, *h.departments)))
        for s in h.role.seniorities or (None,):
            for d in depts_ or (None,):
                if s and d:
                    add_unique(ordered, [f"{SENIORITY_TITLE[s]} of {DEPARTMENT_TITLE[d]}"])
                elif s:
                    add_unique(ordered, [SENIORITY_TITLE[s]])
                elif d:
                    add_unique(ordered, [DEPARTMENT_TITLE[d]])
    return {"titles": ordered}


# ------------------------------------------------------------------ typo correction

_VOCAB = sorted(
    (
        {
            w
            for table in (ROLE_KEYS, INDUSTRY_KEYS, SIZE_KEYS, DEPT_KEYS)
            for key in table
            for w in key.split()
            if len(w) >= 4
        }
        | {w for w in COMPANY_NOUN_KEYS if len(w) >= 4}
        | {"department", "employee", "company", "companies", "country", "countries"}
    )
    # "mines" is kept in the plural only so that "mine" stays a pronoun: no typo target ("minus")
    - {"mines"}
)
_VOCAB_SET = set(_VOCAB) | {"mines"}
# Words read as keywords of their own ("agtech startups", "kiwifruit growers"): no typo of a
# lexicon word ("agtech" is not "adtech").
_KEYWORD_WORDS = frozenset(
    k for k in (*data_file("trades.toml")["trades"], *NICHES) if " " not in k
)
_WHOLE_KEYS = frozenset(k for table in (ROLE_KEYS, INDUSTRY_KEYS) for k in table if " " not in k)


def known_word(word: str) -> bool:
    """Whether the lexicon has the word itself (it needs no correction)."""
    return word in _VOCAB_SET


# The long words of titles (a typo of one is corrected to it when no lexicon word is near).
_TITLE_VOCAB = sorted(w for w in VOCABULARY_WORDS if len(w) >= 7 and w.isalpha())

# Endings a word takes in English or Spanish ("generales", "managers'"), never a name's.
_INFLECTIONS = frozenset({"es", "ed", "ing", "er", "ers", "ies", "ly", "en", "os", "as"})


def _left_out_of(word: str, candidate: str) -> bool:
    """Whether ``word`` is ``candidate`` with one letter left out ("servce", "service")."""
    if len(candidate) != len(word) + 1:
        return False
    return any(candidate[:i] + candidate[i + 1 :] == word for i in range(len(candidate)))


@lru_cache(maxsize=4096)
def correct(word: str, guard: bool = True) -> str | None:
    """The lexicon word a typo most likely meant ("laywer" -> "lawyer"), or None."""
    if len(word) < 5 or word in _VOCAB_SET or word in _KEYWORD_WORDS or word in STOPWORDS:
        return None
    if word in VOCABULARY_WORDS:
        return None  # a word of a title ("commodity managers"), not a typo of a lexicon word
    if not word.isalpha():
        return None
    if guard and word in REAL_WORDS:
        return None
    limit = 2 if len(word) >= 8 else 1
    # The nearest word; among equally near ones a word that is a key by itself ("manufactuers"
    # are manufacturers, not a part of "contract manufacture"), then two swapped letters
    # ("cheif" is "chief", not "chef" with a letter too many), then a letter left out rather
    # than one too many ("servce" is "service", not "serve"), else the first found.
    near = process.extract(word, _VOCAB, scorer=OSA.distance, score_cutoff=limit, limit=4)
    letters = sorted(word)
    found = min(
        near,
        key=lambda c: (
            c[1],
            c[0] not in _WHOLE_KEYS,
            sorted(c[0]) != letters,
            not _left_out_of(word, c[0]),
        ),
        default=None,
    )
    if found is None and len(word) >= 6:
        # "biotek": two edits, but the first four letters are right.
        wider = process.extractOne(word, _VOCAB, scorer=OSA.distance, score_cutoff=2)
        if wider and wider[0][:4] == word[:4]:
            return str(wider[0])
    if found is None and len(word) >= 7:
        # "maintenence managers": a word of the title vocabulary, misspelt by one letter or two
        # (not the first three, nor the length by more than one)
        titled = process.extractOne(word, _TITLE_VOCAB, scorer=OSA.distance, score_cutoff=limit)
        if titled and titled[0][:3] == word[:3] and abs(len(titled[0]) - len(word)) <= 1:
            return str(titled[0])
    if found is None:
        return None
    candidate = found[0]
    # Typos rarely change the first letter or the length by much.
    if abs(len(candidate) - len(word)) > limit or (candidate[0] != word[0] and limit == 1):
        return None
    if (
        len(word) - len(candidate) >= 2
        and word.startswith(candidate)
        and word[len(candidate) :] not in _INFLECTIONS
    ):
        return None  # "Personio", "Staffio": a name made of a word, not a typo of it
    return candidate


# ------------------------------------------------------------------ named titles in refinements

_RUNG_WORDS = "VP|Head|Director|Manager|SVP|EVP|AVP|Senior Director|Senior Manager"
_RUNG_FIRST = re.compile(rf"^({_RUNG_WORDS}) of (.+)$")
_RUNG_LAST = re.compile(rf"^(.+) ({_RUNG_WORDS})$")
_RUNG_OF_SENIORITY = {"vp": "VP", "head": "Head", "director": "Director", "manager": "Manager"}


def split_named(title: str) -> tuple[str, str, bool] | None:
    """ "VP of Sales" -> ("VP", "Sales", True); "Sales Manager" -> ("Manager", "Sales", False)."""
    if m := _RUNG_FIRST.match(title):
        return m[1], m[2], True
    if m := _RUNG_LAST.match(title):
        return m[2], m[1], False
    return None


# Rungs written before their function whatever the title they replace ("VP of Marketing", not
# "Marketing VP"), and after it ("Marketing Manager"); a director may be either.
_RUNG_BEFORE = frozenset({"VP", "Head", "SVP", "EVP", "AVP"})
_RUNG_AFTER = frozenset({"Manager", "Senior Manager"})


def _join_named(rung: str, function: str, first: bool) -> str:
    if rung in _RUNG_BEFORE or (first and rung not in _RUNG_AFTER):
        return f"{rung} of {function}"
    return f"{function} {rung}"


def swap_rung(titles: list[str], seniorities: list[str]) -> list[str] | None:
    """ "what about directors?" after "VPs of Sales": Directors of Sales (the function stays)."""
    parts = [split_named(t) for t in titles]
    rungs = [_RUNG_OF_SENIORITY.get(s) for s in seniorities]
    if not titles or any(p is None for p in parts) or not rungs or None in rungs:
        return None
    out: list[str] = []
    for part in parts:
        assert part is not None
        _, function, first = part
        add_unique(out, [_join_named(str(r), function, first) for r in rungs])
    return out


def swap_departments(
    titles: list[str], gone: set[str], new: list[str], add: bool
) -> list[str] | None:
    """ "sales instead of marketing" after "Heads of Marketing": Heads of Sales."""
    parts = [split_named(t) for t in titles]
    if not titles or any(p is None for p in parts) or not new:
        return None
    out: list[str] = []
    for title, part in zip(titles, parts, strict=True):
        assert part is not None
        rung, function, first = part
        dept = DEPT_KEYS.get(norm_key(function))
        replaced = dept is not None and (dept in gone or not (add or gone))
        if not replaced or add:
            add_unique(out, [title])
        if replaced or add:
            add_unique(out, [_join_named(rung, DEPARTMENT_TITLE[d], first) for d in new])
    return out
