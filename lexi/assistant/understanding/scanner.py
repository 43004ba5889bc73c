"""Reads one clause into slots: phrase patterns first, then a left-to-right word scan."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

from lexi import geo
from lexi.geo.words import COMMON_WORD_NAMES
from lexi.kit.clock import utc_now
from lexi.prospects.taxonomy import INDUSTRIES as INDUSTRY_NAMES
from lexi.prospects.vocabulary import canonical_title, vocabulary

from . import patterns, prefilter, shorthand
from .fields import QuotedTitle
from .industries import FIRMS_BY_PROFESSION, MEDICAL_SPECIALTIES, NICHES
from .lexicon import (
    CASED_ONLY,
    DEPARTMENT_AFTER_OF_ONLY,
    DEPARTMENT_TITLE,
    SENIORITY_TITLE,
    TECHNOLOGY_SPELLING,
    Role,
    data_file,
)
from .places import (
    DEMONYMS,
    PLACE_PREPOSITIONS,
    PlaceHit,
    fuzzy_place,
    listed_towns,
    place_at,
    regions_spelled_out,
    settle_codes,
    state_said_last,
    states_among_states,
)
from .signals import MONTH_NAMES, signals
from .slots import (
    COMPANY_KIND_NOUNS,
    COMPANY_NOUN_KEYS,
    DEPT_KEYS,
    INDUSTRY_KEYS,
    MORE_WORDS,
    NEGATION_GLUE,
    NEGATOR_PAIRS,
    NEGATORS,
    ROLE_KEYS,
    SEARCH_VERBS,
    SIZE_KEYS,
    STOPWORDS,
    VAGUE_COUNTS,
    RoleHit,
    Slots,
    add_unique,
    correct,
    known_word,
)
from .text import QUOTE_TOKEN, Token, norm_key, tokenize, words_to_digits
from .titlewords import VOCABULARY_PAIRS, VOCABULARY_WORDS
from .unsupported import read_before_signals, unsupported

_MAX_SPAN = 5

# The title vocabulary's titles of two words or more, by normalised key ("chief estimator",
# "food and beverage manager"): a title written out in full is that title, even where the
# lexicon would read its words apart (a C-level plus an estimator, managers at food companies).
VOCABULARY_TITLES = {
    key: title for title in vocabulary() if 2 <= len((key := norm_key(title)).split()) <= _MAX_SPAN
}
_V = TypeVar("_V")
_CONNECTORS = ("and", "&", "/", ",")

# "swap CTOs for CIOs", "replace CTOs with CIOs": the first goes, the second comes.
_SWAP = prefilter.compile(
    r"\b(?:swap|replace|switch|exchange|trade)\s+(?:out\s+)?(?:the\s+)?(?!to\b)"
    r"((?:\S+\s+){0,3}?\S+)\s+(?:for|with)\s+(?:(?:a|an|the|some)\s+)?",
    re.IGNORECASE,
)
# "change founders to CEO", "switch the CFOs to controllers": a role swapped for another (only
# a role; "change the limit to 50" is read as it is).
_CHANGE_ROLE = prefilter.compile(
    r"\b(?:change|switch|swap|turn|make)\s+(?:the\s+)?((?:\S+\s+){0,2}?\S+)\s+(?:to|into)\s+"
    r"(?:(?:a|an|the|some)\s+)?",
    re.IGNORECASE,
)


def _role_swap(m: re.Match[str]) -> str:
    key = norm_key(m[1])
    head = key.rsplit(" ", 1)[-1]
    # a role the lexicon knows, a title of the vocabulary, or a title read from its head noun
    # ("risk managers")
    known = (
        key in ROLE_KEYS
        or key in VOCABULARY_TITLES
        or (" " in key and (head in TITLE_HEADS or head in _RUNG_HEADS))
        or key.split(" of ", 1)[0] in _NOUN_TITLE  # "head of ops", "VP of sales"
    )
    if known:
        return f" not {m[1]} but "
    if m[1][:1].isupper() and geo.lookup_all(m[1]):
        return f" not {m[1]} then "  # "change London to Manchester": one place for another
    return m[0]


_TOTAL_RAISED = re.compile(
    r"\b(?:raised|total\s+funding|funding\s+total|in\s+total|total\s+raised|funded\s+with)\b", re.I
)
# (not "directors of revenue operations", "revenue leaders": a function)
_REVENUE_WORDS = re.compile(
    r"\b(?:revenue(?!\s+(?:operations|ops|leaders?|teams?|officers?|enablement|intelligence|"
    r"management|managers?|accounting|cycle))|arr|turnover|sales\s+of|annual\s+sales)\b",
    re.I,
)
# "page 2", "show me page 3": that page of the same search.
_PAGE = re.compile(r"^\W*(?:\w+\W+){0,3}?(?:page|pg)\s*#?\s*(\d{1,3})\W*(?:please|pls)?\W*$", re.I)
# "keep going": the next page of the same search.
_CONTINUE = re.compile(
    r"^\W*(?:(?:ok|okay|yes|sure|great|cool|please|pls|and|then)\W+)*(?:keep\s+going|"
    r"continue|go\s+on|carry\s+on|load\s+more|show\s+more|more|next|moar|"
    # "and the page after that"
    r"(?:the\s+)?(?:page|one|lot|batch)\s+after(?:\s+(?:that|this))?(?=\W*$)|"
    r"(?:the\s+)?other\s+(?=\d))\b",
    re.IGNORECASE,
)
# "people who work in marketing" is "people in marketing".
_WORK_IN = prefilter.compile(
    r"(?:\b(?:people|folks|anyone|someone|everyone|those|employees|staff)\s+"
    r"(?:who\s+(?:work|works|are)|working|that\s+work)|^\W*who\s+(?:works?|is\s+working))"
    r"\s+in\s+",
    re.IGNORECASE,
)
# "I'm after HR directors": after as in looking for.
_AFTER = prefilter.compile(
    r"\b(?:i'?m|i\s+am|we'?re|we\s+are)\s+(?:really\s+|mainly\s+)?after\b", re.I
)
# "directors and above", "VP or higher", "manager+": every rung from the top down to that one.
# "who handles legal at Datadog", "whoever does marketing at Acme": the people in it
_HANDLES = re.compile(
    r"\b(?:who|whoever|someone\s+who|the\s+person\s+who)\s+(?:handles?|does|takes\s+care\s+of|"
    r"deals\s+with|looks\s+after)\s+(?=(?:the\s+)?(?:legal|marketing|sales|finance|hr|it|"
    r"procurement|purchasing|security|compliance|operations|engineering|accounting|payroll|"
    r"benefits|recruiting|hiring|it\s+security)\b)",
    re.IGNORECASE,
)
_TRADE_SHOW = re.compile(r"\btrade[\s-]show(?=s?\b)", re.IGNORECASE)
# "VP- and director-level people": each rung of the list is a level
_LEVELS = re.compile(
    r"\b(c|vp|svp|evp|director|manager|head|senior|executive)s?-?\s+(and|or|&|/)\s+"
    r"(vp|svp|evp|director|manager|head|senior|executive)s?[\s-]level\b",
    re.IGNORECASE,
)
_AND_ABOVE = re.compile(
    r"\b(vps?|vice\s+presidents?|heads?|directors?|managers?)(?:[\s-]+level)?\s*"
    r"(?:and\s+above|or\s+above|and\s+up|or\s+higher|and\s+higher|\+)(?!\w)",
    re.IGNORECASE,
)
# "who runs marketing at ..." asks for the leaders of a department.
_WHO_LEADS = prefilter.compile(
    r"\b(?:who|whoever|people\s+who|someone\s+who|the\s+person\s+who)(?:'s|'re)?\s+(?:runs?|leads?|heads?|"
    r"manages?|owns?|oversees?|(?:(?:is|are)\s+)?in\s+charge\s+of|(?:(?:is|are)\s+)?responsible\s+for)\s+"
    r"(?:the\s+)?",
    re.IGNORECASE,
)
# Nouns that end a job title whatever comes before them: "Compliance Officer".
TITLE_HEADS = {
    "officer": "Officer",
    "coordinator": "Coordinator",
    "specialist": "Specialist",
    "administrator": "Administrator",
    "strategist": "Strategist",
    "advisor": "Advisor",
    "adviser": "Advisor",
    "planner": "Planner",
    "auditor": "Auditor",
    "underwriter": "Underwriter",
    "scientist": "Scientist",
    "educator": "Educator",
    "navigator": "Navigator",
    "liaison": "Liaison",
    "trainer": "Trainer",
}
# Heads whose title names the occupation it serves: "nurse recruiters", "physician liaisons",
# "driver trainers" are one title each, not a nurse and a recruiter.
_SERVING_HEADS = frozenset({"recruiter", "educator", "navigator", "liaison", "trainer"})
_OCCUPATIONS = frozenset(
    """nurse physician doctor attorney lawyer teacher driver pharmacist therapist clinician
    engineer developer dentist paralegal technician""".split()
)
# Words for the company that begin a title before a title head: "firm administrator".
_FIRM_WORDS = frozenset({"firm", "company", "business"})
# Role nouns that end a title after function words: "fleet managers", "claims directors".
_RUNG_HEADS = {
    "manager": "Manager",
    "director": "Director",
    "partner": "Partner",
    "supervisor": "Supervisor",
    "lead": "Lead",
    "engineer": "Engineer",
    "analyst": "Analyst",
    "representative": "Representative",
    "rep": "Representative",
    "counsel": "Counsel",
    "nurse": "Nurse",
    "accountant": "Accountant",
    "designer": "Designer",
    "developer": "Developer",
    "consultant": "Consultant",
    "architect": "Architect",
    "recruiter": "Recruiter",
    "teacher": "Teacher",  # "Reading teachers", "math teachers"
    "associate": "Associate",  # "clinical research associates", "M&A associates"
}
# Industry words that are also job functions: "medical directors", "clinical research directors".
_FUNCTION_WORDS = {
    "medical",
    "clinic",
    "warehouse",
    "clinical",
    "research",
    "quality",
    "security",
    "construction",
    "insurance",
    "investment",
    "wealth",
    "property",
    "energy",
    "environmental",
    "safety",
    "pharmacy",
    "transportation",
    "facility",
    "facilities",
    "network",
    "data",
    "design",
    "media",
    "event",
    "content",
    "social",
    "digital",
    "creative",
    "brand",
    "product",
    "nursing",
    "lab",
    "laboratory",
    "credit",
    "tax",
    "audit",
    "risk",
    "claim",
    "underwriting",
    "it",
    "software",
    "hardware",
    "mechanical",
    "electrical",
    "civil",
    "manufacturing",
    "production",
    "maintenance",
    "plant",
    "store",
    "retail",
    "branch",
    "regional",
    "account",
    "practice",
    "payroll",
    # "localization managers", "translation managers", "beverage directors", "travel nurses"
    "localization",
    "localisation",
    "translation",
    "beverage",
    "travel",
    # "logistics directors", "transport managers", "total rewards directors"
    "logistics",
    "logistic",
    "transport",
    "purchasing",
    "total",
    "reward",
    # "training managers", "trade show managers", "exhibition managers"
    "training",
    "trade",
    "show",
    "tradeshow",
    "exhibition",
    # "technology directors at school districts", "import managers"
    "technology",
    "import",
    # "distribution center managers", "call center directors"
    "distribution",
    "center",
    "centre",
    "fulfillment",
    "fulfilment",
    # "ecommerce managers", "ecom directors"
    "ecommerce",
    "ecom",
    # "outsourcing managers at Pfizer", "Director of Clinical Outsourcing"
    "outsourcing",
}
# Words that continue a function after "of": "Director of Clinical Operations".
_FUNCTION_TAILS = {
    "mile",  # "Head of Last Mile"
    "mobility",  # "Head of Global Mobility"
    "insight",
    "insights",
    "recruitment",
    "recruiting",
    "facility",
    "facilities",
    "material",
    "operation",
    "management",
    "security",
    "success",
    "service",
    "acquisition",
    "experience",
    "relation",
    "development",
    "planning",
    "strategy",
    "affair",
    "enablement",
    "engineering",
    "infrastructure",
    "marketing",
    "analytics",
    "cycle",
    "lending",
    "compliance",
    "innovation",
    "transformation",
    "excellence",
    "research",
    "communication",
    "program",
    "product",
    # "head of corporate social responsibility", "head of e-commerce", "director of social impact"
    "social",
    "responsibility",
    "citizenship",
    "impact",
    "philanthropy",
    "commerce",
    # "head of comms", "heads of clinical ops", "head of digital banking", "head of treasury"
    "comm",
    "ops",
    "banking",
    "payment",
    "treasury",
    # "head of data platform", "director of data governance", "VP of data science"
    "platform",
    "governance",
    "science",
    "architecture",
    "privacy",
    "protection",
    "integrity",
    "learning",  # "head of machine learning"
    "outsourcing",  # "Director of Clinical Outsourcing"
    "reward",  # "head of total rewards"
    "claim",  # "heads of claims"
    "analysis",  # "head of analysis", "director of performance analysis"
    "giving",  # "directors of annual giving", "head of planned giving"
    "gift",  # "director of major gifts"
    "medicine",  # "head of sports medicine"
}
# Endings of words that name a function although they end in "s": "head of finops", "director
# of devops", "VP of clinical informatics", "director of athletics".
_FUNCTION_ENDINGS = ("ops", "ics")


def _names_function(text: str) -> bool:
    """Whether a word is a function by its ending ("FinOps", "informatics"), not a plural."""
    low = text.lower()
    return len(low) > 4 and low.isalpha() and low.endswith(_FUNCTION_ENDINGS)


# Words that describe the people, not their title: "top sales managers", "new hires".
_NOT_TITLE_WORDS = {
    "urgently",  # "I need urgently purchasing managers"
    "quickly",
    "top",
    "best",
    "good",
    "great",
    "key",
    "new",
    "local",
    "potential",
    "relevant",
    "specific",
    "current",
    "former",
    "experienced",
    "active",
    "verified",
    "certain",
    "main",
    "real",
    "actual",
    "possible",
    "ideal",
    "level",
    "tier",
    "only",
    "just",
    "few",
    "many",
    "several",
}
# Verbs of outreach right before a title: "pitch brand managers", "sourcing civil engineers".
_OUTREACH_VERBS = SEARCH_VERBS | {
    "pitch",
    "reach",
    "invite",
    "poach",
    "contact",
    "email",
    "call",
    "meet",
    "include",
    "mean",
    "hire",
    "hiring",
    "recruit",
    "recruiting",
    "sell",
    "selling",
    # a refinement adding people: "add directors of events", "plus directors of operations"
    "add",
    "adding",
    "plus",
}
_NOT_IN_TITLES = frozenset(_NOT_TITLE_WORDS | _OUTREACH_VERBS | VAGUE_COUNTS.keys())
# A verb of outreach that is also a function before a rung: "sourcing directors" (as "Sourcing
# Manager" is a title), not "sourcing civil engineers". Hiring words stay verbs ("companies hiring
# directors").
_FUNCTION_GERUNDS = frozenset(
    k
    for k in _OUTREACH_VERBS
    if k.endswith("ing")
    and f"{k} manager" in VOCABULARY_TITLES
    and not k.startswith(("hir", "recruit"))
)
_GERUND_RUNGS = {"manager", "director", "lead", "head", "supervisor"}
_NOUN_TITLE = {
    "head": "Head",
    "vp": "VP",
    "vice president": "VP",
    "director": "Director",
    "manager": "Manager",
    "svp": "SVP",
    "evp": "EVP",
    "avp": "AVP",
    "senior vice president": "SVP",
    "executive vice president": "EVP",
    "senior director": "Senior Director",
    "senior manager": "Senior Manager",
    "associate director": "Associate Director",
    "assistant director": "Assistant Director",
    "deputy director": "Deputy Director",
    "dir": "Director",
}
# Role nouns that name a title with "of" and a function, but no department: "Chiefs of Police",
# "deans of admissions" ("chief of staff", "chief of marketing" are titles of their own).
_OF_NOUNS = {"chief": "Chief", "dean": "Dean"}
# Titles that name their function after "of": "Assistant Superintendent of Operations".
_OF_FUNCTION_TITLES = frozenset({"superintendent", "commissioner", "secretary", "provost"})
# Department words that name a whole department: "marketing leaders" are the marketing
# department's leaders. Other function words ("growth", "security", "procurement") are
# narrower: "growth leaders" are heads of growth, not every marketing leader.
WHOLE_DEPARTMENTS = {
    "marketing",
    "sale",
    "engineering",
    "eng",
    "finance",
    "legal",
    "operation",
    "ops",
    "hr",
    "human resource",
    "people",
    "it",
    "information technology",
    "product",
    "customer success",
    "design",
    "accounting",
}
# Nouns that make a department word a department: "people in the legal department".
_DEPT_NOUNS = {"department", "dept", "function", "division", "org", "team", "unit"}
# Nouns after which a function names its leaders: "RevOps leaders", "security leadership".
_LEADER_NOUNS = {"leader", "leadership", "head", "decision maker", "executive", "exec", "boss"}
# Rank words written before a title: "senior software engineers", "lead designers".
_RANK_PREFIX = {
    "senior": "Senior",
    "sr": "Senior",
    "junior": "Junior",
    "jr": "Junior",
    "lead": "Lead",
    "principal": "Principal",
    "staff": "Staff",
    "associate": "Associate",
    "assistant": "Assistant",
    "deputy": "Deputy",
}
# Words that give a title the territory it covers: "Area Directors of Revenue", "Cluster GMs".
_SCOPE_PREFIX = {
    "area": "Area",
    "regional": "Regional",
    "cluster": "Cluster",
    "district": "District",
    "divisional": "Divisional",
    "group": "Group",  # "Group Operations Director", "group CFOs": the whole group's
}
# Words before which a scope word is a place's: "Bay Area CFOs", "school district superintendents".
_NO_SCOPE_AFTER = frozenset({"bay", "metro", "school", "the", "tri", "greater"})
_WORD_CASE = {
    "ecom": "E-Commerce",  # "heads of ecom"
    "ecommerce": "E-Commerce",
    "logistic": "Logistics",  # "logistic directors"
    "tradeshow": "Trade Show",
    "hr": "HR",
    "it": "IT",
    "ux": "UX",
    "ui": "UX",
    "r": "R",
    "d": "D",
    "fp": "FP",
    "a": "A",
    "cs": "Customer Success",
    "ops": "Operations",
    "comm": "Communications",
    "communication": "Communications",  # "heads of communication": the title says it plural
    "eng": "Engineering",
    "bizdev": "Business Development",
    "biz": "Business",
    "dev": "Development",
    "and": "&",
    "rnd": "R&D",
    "infosec": "Information Security",
    "revops": "Revenue Operations",
    "fin": "Finance",
    "revop": "Revenue Operations",
    "ta": "Talent Acquisition",
    "bd": "Business Development",
    "devrel": "Developer Relations",
    "gen": "Generation",
    "sdr": "SDR",
    "bdr": "BDR",
    "sre": "SRE",
    "qa": "QA",
    "pmm": "Product Marketing",
    "ml": "ML",
    "ai": "AI",
    # the practices named "-Ops" ("head of finops"), as titles spell them
    "finop": "FinOps",
    "devop": "DevOps",
    "secop": "SecOps",
    "devsecop": "DevSecOps",
    "mlop": "MLOps",
    "dataop": "DataOps",
    "aiop": "AIOps",
    "bizop": "BizOps",
}
# Role abbreviations that also name a function before a role noun: "SDR managers".
# Stop words that are words of a function too: "Health Information Management", "Data Governance"
_TITLE_STOPWORDS = frozenset({"information", "data"})
# Functions that manage a thing named before them: "freight procurement", "food safety".
_WHAT_IS_MANAGED = frozenset(
    "procurement purchasing sourcing safety quality compliance pricing audit".split()
)
_FUNCTION_ROLES = {"revop", "rev op", "sdr", "bdr", "sre", "ae", "csm", "ml", "ai"}


def _plural_of(written: str, key: str) -> str:
    """A corrected word keeps the plural it was written with ("Operations", "Sales")."""
    return key + "s" if written.lower().endswith("s") and not key.endswith("s") else key


# Verbs of the request that may stand right before "companies" ("only include companies with
# ...", "target companies in ...", "add companies based in Indianapolis"): they ask for the
# companies, they do not describe them.
_ASKING_VERBS = frozenset(
    {
        "include",
        "including",
        "keep",
        "show",
        "find",
        "get",
        "want",
        "need",
        "target",
        "pick",
        "add",
        "plus",
        "also",
        "only",
        "just",
        "instead",  # "drop the funding filter, instead companies whose headcount grew"
        "rather",
    }
)
# Capitals that are chat, not a niche: "My ICP is ...", "ASAP".
_NOT_KEYWORDS = {
    "ICP",
    "HQ",
    "HQs",
    "FYI",
    "ASAP",
    "PLS",
    "PLZ",
    "THX",
    "TIA",
    "BTW",
    "IMO",
    "OK",
    "NB",
    "PS",
    "TLDR",
    "DM",
    "AI-",
    "B2B",
    "B2C",
    "ID",
    "LIST",
    "CSV",
}
_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,6}s")
_FIRMS_AFTER = frozenset({"at", "@", "for", "from", "among", "across"})
_KEYWORD_CASE = {
    w.lower(): w
    for w in (
        "AI",
        "ML",
        "IoT",
        "CRM",
        "ERP",
        "HVAC",
        "HR",
        "IT",
        "B2B",
        "B2C",
        "API",
        "VR",
        "AR",
        "EV",
        "3D",
        "SEO",
        "PPC",
    )
}
_REMOVERS = {"remove", "drop", "lose", "ditch", "minus"}
# Words that open a wanted part after a comma, ending the exclusion before it.
_POSITIVE_AFTER_COMMA = frozenset({"anywhere", "instead", "in", "keep", "add", "include", "plus"})
# Nouns that end what is removed: "forget the fortune 500 part, ...".
_FILTER_NOUNS = frozenset(
    {"part", "filter", "bit", "condition", "requirement", "criterion", "thing"}
)
_PLACE_PREFIXES = {
    "new",
    "san",
    "los",
    "las",
    "saint",
    "st",
    "fort",
    "port",
    "north",
    "south",
    "east",
    "west",
    "el",
    "la",
    "santa",
    "salt",
    "palo",
    "long",
}


# "VP People", "SVP Data": right after these, "people"/"data" is the function as after "of".
_VP_KEYS = {"vp", "svp", "evp", "avp"}
# The professions of ``data/industries.toml [firms_by_profession]``, as token keys.
FIRM_KEYS = {norm_key(k): v for k, v in FIRMS_BY_PROFESSION.items()}
# Words between "at" and a profession that name its firms: "at small solicitors".
# Makers named by what they make ("cannabis producers", "egg packers"): companies after "at".
_MAKER_NOUNS = frozenset("producer grower processor packer exporter importer".split())
_FIRM_ADJECTIVES = frozenset(
    "small smaller local independent big large larger boutique regional mid midsize medium "
    "the a high street top leading busy family owned run".split()
)
# What a medical specialty's practice is called: "orthopedic groups", "derm practices".
_PRACTICE_NOUNS = frozenset("practice group clinic office partner center centre associate".split())
# Names that end in a number, which is no count: "ISO 27001", "SOC 2", "Tier 1", "Series B".
_NAMED_WITH_A_NUMBER = frozenset(
    "iso soc pci nist iec sox tier level version windows phase stage type class grade section "
    "chapter form model".split()
)
# "pe firms", "vc funds": the investors, whatever the case.
_INVESTOR_NOUNS = frozenset("firm fund shop house investor partner".split())
# Lower-case abbreviations read as roles when plural ("gcs", "ae's") or first in the request.
_APOSTROPHE_ROLES = {"gc", "ae", "gm", "cso"}
# Rungs that make a lower-case "it" the IT department: "it directors", "head of it".
# Verbs whose "it" is the search: "make it directors", "keep it heads of sales".
_TAKES_IT = {"make", "keep", "change", "switch", "set", "turn", "do", "try", "run", "limit", "cap"}
_IT_RUNGS = {
    "director",
    "dir",
    "manager",
    "mgr",
    "head",
    "vp",
    "lead",
    "leader",
    "admin",
    "support",
}


# Words that make a lower-case "it" IT companies: "it services firms", "it consulting cos".
_IT_KINDS = {"service", "consulting", "consultancy", "solution", "outsourcing", "msp"}


# A number before these is a share or a time span, not how many people: "the last 90 days".
_NOT_A_COUNT = {"%", "percent", "day", "week", "month", "year", "yr", "quarter", "hour"}
_NOT_A_COUNT |= {"d", "wk", "mo", "mth"}  # "<90d", "6mo", "2wks": spans of time ("hr" is HR)
# ... and an amount of money: "cap it at 1bn"
_NOT_A_COUNT |= {"bn", "b", "m", "mm", "mn", "million", "billion", "mil", "mln", "bln"}
# ... and an amount of goods or room: "only 30 bags this harvest", "200 beds", "5,000 sqft"
_NOT_A_COUNT |= set(
    """bag ton tonne kg lb unit pallet container lot case bottle keg box item piece sku bed room
    seat truck vehicle car van mile km sqft ft meter metre acre hectare litre liter gallon barrel bbl mw
    gw kw""".split()
)
_POINTING_BACK = {"those", "these", "both"}
_POINTED_AT = _POINTING_BACK | {"them"}  # "some of them", "a few of these"


_ROAD = re.compile(r"\b(I|US|SR|A|M|N)-(\d{1,3})\b")


def _the_old_value(keys: list[str], i: int) -> bool:
    """ "at least 1,000 employees rather than 500", "up from 200": the value replaced."""
    two = " ".join(keys[max(0, i - 2) : i])
    # ("over the last 6 months, not 12": the old value, after "not")
    return two in ("rather than", "up from", "down from", "instead of") or (
        i > 0 and keys[i - 1] == "not"
    )


def _a_year(tok: Token, prev: str) -> bool:
    """ "in 2025", "since June 2025", "make it 2025": a year, not a count of people."""
    if not (len(tok.text) == 4 and tok.text.isdigit() and 1900 <= int(tok.text) <= 2039):
        return False
    return prev in _BEFORE_A_YEAR or prev[:3] in _MONTH_KEYS


_BEFORE_A_YEAR = {"in", "since", "of", "during", "from", "before", "after", "until", "by", "to"}
_BEFORE_A_YEAR |= {"and", "between", "it", "q1", "q2", "q3", "q4", "year", "early", "late", "mid"}
_MONTH_KEYS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}


def _ladder(m: re.Match[str]) -> str:
    rung = {"v": "vp", "h": "head", "d": "director", "m": "manager"}[m[1][0].lower()]
    return f" {rung} and above "


# Per table: (the table, its size when indexed, the most words of a key by its first word).
_WORDS_AFTER: dict[int, tuple[Mapping[str, Any], int, dict[str, int]]] = {}


def _words_after(table: Mapping[str, Any]) -> dict[str, int]:
    """For each first word of a table's keys, the most words a key starting with it has: a
    span of tokens longer than that, or from a word no key starts with, is not looked up.

    Words are counted as ``" ".join`` of the token keys splits them, so the test is exact: a
    span of n tokens joins to at least n words, starting with the first token's first word.
    Indexed once per table (again if its size changes)."""
    known = _WORDS_AFTER.get(id(table))
    if known is not None and known[0] is table and known[1] == len(table):
        return known[2]
    index: dict[str, int] = {}
    for key in table:
        words = key.split(" ")
        if len(words) > index.get(words[0], 0):
            index[words[0]] = len(words)
    _WORDS_AFTER[id(table)] = (table, len(table), index)
    return index


class _Scanner:
    def __init__(self, tokens: list[Token], places: list, quotes: Sequence[str] = ()) -> None:
        self.t = tokens
        self.places = places
        self.keys = [tok.key for tok in tokens]
        self.first_words = [key.partition(" ")[0] for key in self.keys]
        self.n = len(tokens)
        # Quoted job titles ("VP Clinical Operations", see ``fields.QuotedTitle``), by token key.
        self.quoted_titles = {
            f"qtok{n}": str(q) for n, q in enumerate(quotes) if isinstance(q, QuotedTitle)
        }

    def _lower_role_ok(self, j: int) -> bool:
        """A lower-case abbreviation that can only be a role: a plural with an apostrophe
        ("gc's", "ae's"), or "it" next to a rung ("it directors", "dir of it")."""
        tok = self.t[j]
        if tok.key in _APOSTROPHE_ROLES and (
            tok.end - tok.start > len(tok.text)  # "gc's"
            or tok.text.lower() == tok.key + "s"  # "gcs", "aes"
            or j == 0  # "gc fintech nyc": a terse request starts with its role
        ):
            return True
        if tok.key in ("pe", "vc") and j + 1 < self.n and self.keys[j + 1] in _INVESTOR_NOUNS:
            return True  # "pe firms", "vc funds": the investors, in any case
        if tok.key != "it" or tok.end - tok.start > len(tok.text):
            return False
        if j and self.keys[j - 1] in _TAKES_IT:
            return False  # "make it directors", "change it to heads of sales"
        after = self.keys[j + 1] if j + 1 < self.n else ""
        before = self.keys[j - 2] if j >= 2 and self.keys[j - 1] == "of" else ""
        return after in _IT_RUNGS or after in _IT_KINDS or before in _IT_RUNGS

    def _cased_ok(self, i: int, span: int) -> bool:
        # "IT", "GC", "PE" are words only in capitals ("find it", "pe" are not).
        for j in range(i, min(i + span, self.n)):
            tok = self.t[j]
            if tok.key == "md" and tok.text.lower() not in ("mds", "md's"):
                return False  # "MD" is Maryland; "MDs" are managing directors
            if tok.key in CASED_ONLY and not self._lower_role_ok(j):
                want = CASED_ONLY[tok.key]
                text = (
                    tok.text[:-1]
                    if tok.text.endswith("s") and len(tok.text) > len(want)
                    else tok.text
                )
                if want.isupper() and text != want:
                    return False
        return True

    def longest(self, table: Mapping[str, _V], i: int) -> tuple[int, _V] | None:
        if i >= self.n:
            return None
        most = _words_after(table).get(self.first_words[i]) if i >= 0 else _MAX_SPAN
        if most is None:
            return None  # no key of the table starts with this word
        for span in range(min(_MAX_SPAN, self.n - i, most), 0, -1):
            key = " ".join(self.keys[i : i + span])
            if key in table and self._cased_ok(i, span):
                return span, table[key]
        return None

    def depts(self, i: int, *, after_of: bool) -> tuple[int, list[str]]:
        span, found = self.dept_spans(i, after_of=after_of)
        return span, [code for _, _, code in found]

    def dept_spans(self, i: int, *, after_of: bool) -> tuple[int, list[tuple[int, int, str]]]:
        """Department words from ``i`` ("sales and marketing"): (start, span, code) each."""
        j = i
        found: list[tuple[int, int, str]] = []
        while j < self.n:
            hit = self.longest(DEPT_KEYS, j)
            if not hit:
                break
            right_after_vp = (
                j == i and i > 0 and self.keys[i - 1] in _VP_KEYS and not self._gap(i - 1, i)
            )
            if (
                not (after_of or right_after_vp)
                and " ".join(self.keys[j : j + hit[0]]) in DEPARTMENT_AFTER_OF_ONLY
            ):
                break
            if found and self._gap(j - 1, j) and self.keys[j - 1] not in _CONNECTORS:
                break  # "VP Operations, logistics": the comma ends the function
            found.append((j, hit[0], hit[1]))
            j += hit[0]
            if j < self.n and self.keys[j] in _DEPT_NOUNS:
                j += 1  # "the legal department", "the sales team"
                break
            if j + 1 < self.n and self.keys[j] in _CONNECTORS:
                nxt = self.longest(DEPT_KEYS, j + 1)
                noun = self.longest(ROLE_KEYS, j + 1 + nxt[0]) if nxt else None
                if noun and not noun[1].generic:
                    break  # "VP of Sales and Sales Directors": the second belongs to its own role
            if j + 1 < self.n and self.keys[j] in _CONNECTORS and self.longest(DEPT_KEYS, j + 1):
                j += 1
        return j - i, found

    def company_ahead(self, k: int) -> bool:
        """An industry or a company noun within the next three words."""
        for j in range(k, min(k + 3, self.n)):
            if self.keys[j] in COMPANY_NOUN_KEYS or self.longest(INDUSTRY_KEYS, j):
                return True
        return False

    def _company_follows(self, k: int) -> bool:
        if k >= self.n:
            return False
        if k and self.t[k].start - self.t[k - 1].end > 1:
            return False  # "VP Finance, manufacturers": punctuation ends the phrase
        if self.keys[k] in COMPANY_NOUN_KEYS:
            return True
        role = self.longest(ROLE_KEYS, k)
        return role is not None and not role[1].generic

    def compound_title(self, i: int) -> tuple[int, RoleHit] | None:
        """ "compliance officers", "fleet managers", "data center operations managers": up to
        three function words and a title head are one title."""
        if (initials := self._initialism(i)) and i + 3 < self.n:
            head_key = self.keys[i + 3]
            if head := TITLE_HEADS.get(head_key) or _RUNG_HEADS.get(head_key):
                return 4, RoleHit(Role(), title=f"{initials} {head}")  # "M&A associates"
            if (inner := self.compound_title(i + 3)) and inner[1].title:
                return 3 + inner[0], RoleHit(Role(), title=f"{initials} {inner[1].title}")
        if self.keys[i] == "it" and i and self.keys[i - 1] in _TAKES_IT:
            return None  # "make it production managers": the search's "it", no IT department
        for width in (4, 3, 2, 1):
            h = i + width
            if h >= self.n:
                continue
            head_key = self.keys[h]
            rung = head_key in _RUNG_HEADS
            if head_key not in TITLE_HEADS and not rung:
                continue
            words = self.t[i:h]
            serving = head_key in _SERVING_HEADS
            firm_title = width == 1 and not rung and self.keys[i] in _FIRM_WORDS
            if not firm_title and any(
                not self._title_word(i + j, rung, serving) and not (j == 0 and self._paired(i))
                for j in range(width)
            ):
                continue
            if self._gap(i, h):
                continue
            if width == 4 and self.keys[i] != "chief":
                continue  # four words only in "Chief Medical Information Officer"
            if head_key in ("manager", "director") and all(
                self.keys[i + j] in DEPT_KEYS and self.keys[i + j] not in DEPARTMENT_AFTER_OF_ONLY
                for j in range(width)
            ):
                continue  # "sales managers": the department path names it
            head = TITLE_HEADS.get(head_key) or _RUNG_HEADS[head_key]
            name = " ".join(self._word(w) for w in words)
            return width + 1, RoleHit(Role(), title=f"{name} {head}")
        return None

    def _title_word(self, k: int, rung: bool, serving: bool = False) -> bool:
        w = self.t[k]
        key = w.key
        if serving and key in _OCCUPATIONS and w.text.isalpha():
            return True
        if not w.text.isalpha() or self.places[k]:
            return False
        if key in _NOT_IN_TITLES and not (
            key in _FUNCTION_GERUNDS and k + 1 < self.n and self.keys[k + 1] in _GERUND_RUNGS
        ):
            return False
        if (
            key in STOPWORDS
            and key not in DEPT_KEYS
            and key not in _TITLE_STOPWORDS
            and key != "total"
        ):
            return False
        if key in _FUNCTION_WORDS or (rung and key in _FUNCTION_ROLES):
            return True
        if key in ROLE_KEYS and key != "chief":
            return False
        if rung and key in INDUSTRY_KEYS and key not in DEPT_KEYS:
            # "fintech directors" are directors at fintechs; "freight procurement managers" buy
            # freight
            nxt = self.keys[k + 1] if k + 1 < self.n else ""
            # ... but "recruitment directors at staffing firms", "packaging managers for the wine
            # brands": with the companies named after, the word is the job's function
            return nxt in _WHAT_IS_MANAGED or self._industry_after(k + 2)
        return not (rung and (key in COMPANY_NOUN_KEYS or key in SIZE_KEYS))

    def _initialism(self, i: int) -> str | None:
        """Initials joined by "&" as one word: "M&A", "P&L", "T&D"."""
        if i + 2 >= self.n or self.t[i + 1].text != "&":
            return None
        first, last = self.t[i], self.t[i + 2]
        if self.t[i + 1].start != first.end or last.start != self.t[i + 1].end:
            return None
        if not all(
            w.text.isalpha() and w.text.isupper() and len(w.text) <= 2 for w in (first, last)
        ):
            return None
        return f"{first.text}&{last.text}"

    def _paired(self, k: int) -> bool:
        """A word titles use with the next one, whatever else it may be: "paralegal managers",
        "office services managers", "call center directors", "building engineers"."""
        key = self.keys[k]
        return (
            k + 1 < self.n
            and self.t[k].text.isalpha()
            and len(key) > 1
            and key not in STOPWORDS
            and not self.places[k]
            and (key, self.keys[k + 1]) in VOCABULARY_PAIRS
            and not (self.longest(INDUSTRY_KEYS, k) or (0,))[0] > 1  # "real estate developers"
        )

    def _industry_after(self, j: int) -> bool:
        """An industry named right after "at", "for" or "with" at token ``j`` or the next."""
        for p in range(j, min(j + 2, self.n - 1)):
            if self.keys[p] in ("at", "for", "with", "from"):
                q = p + 1 + (p + 2 < self.n and self.keys[p + 1] in ("the", "a", "an"))
                return bool(self.longest(INDUSTRY_KEYS, q))
        return False

    def _gap(self, start: int, end: int) -> bool:
        """Punctuation between tokens ``start``..``end``: "VP Operations, logistics"."""
        return any(self.t[j].start - self.t[j - 1].end > 1 for j in range(start + 1, end + 1))

    @staticmethod
    def _word(tok: Token) -> str:
        if tok.key in ("ecom", "ecommerce"):
            return "E-Commerce"  # "ecom directors" are E-Commerce Directors
        if tok.key in _WORD_CASE and len(_WORD_CASE[tok.key]) > 1:
            return _WORD_CASE[tok.key]
        if norm_key(tok.text) != tok.key:  # corrected: "marketting" is written "Marketing"
            return tok.key.capitalize()
        return tok.text if tok.text.isupper() else tok.text.capitalize()

    def role(self, i: int) -> tuple[int, RoleHit] | None:
        if self.quoted_titles and (quoted := self.quoted_titles.get(self.keys[i])):
            return 1, RoleHit(Role(), title=quoted)
        best: tuple[int, RoleHit] | None = self.compound_title(i)
        direct = self.longest(ROLE_KEYS, i)
        if (
            direct
            and len(direct[1].titles) == 1
            and (lead := self.longest(ROLE_KEYS, i + direct[0]))
        ):
            nxt = " ".join(self.keys[i + direct[0] : i + direct[0] + lead[0]])
            if nxt in _LEADER_NOUNS:  # "RevOps leaders": whoever heads revenue operations
                words = self._words(i, direct[0])
                return direct[0] + lead[0], RoleHit(Role(), title=f"Head of {words}")
        if direct:
            span, role = direct
            hit = (
                self._after(i, span, role, ())
                or self._of_noun(i, span)
                or self._rung_function(i, span)
                or self._longer_function(i, span, role)
            )
            if best is None or hit[0] >= best[0]:  # the alias table wins a tie
                best = hit
        if (headed := self._function_then_head(i)) and (best is None or headed[0] > best[0]):
            best = headed
        dspan, depts = self.depts(i, after_of=False)
        if dspan:
            noun = self.longest(ROLE_KEYS, i + dspan)
            if noun and (noun[1].takes_department or noun[1].generic or noun[1].departments):
                span = dspan + noun[0]
                hit = self._after(i, span, noun[1], tuple(depts)) or (
                    span,
                    self._named(i, dspan, i + dspan, noun[0], noun[1], after=True),
                )
                if best is None or hit[0] > best[0]:
                    best = hit
            elif (
                self.keys[i + dspan - 1] in _DEPT_NOUNS
                or (
                    dspan == 1
                    and self.keys[i] in WHOLE_DEPARTMENTS
                    and i + 1 < self.n
                    and self.keys[i + 1] in ("at", "in", "within")
                    and self.company_ahead(i + 2)
                )
            ) and (best is None or dspan > best[0]):
                # "the finance team", "HR at manufacturing companies": people in a department
                best = dspan, RoleHit(ROLE_KEYS["people"], tuple(depts))
        if i + 1 < self.n and (self.keys[i] in _RANK_PREFIX or self._scope_word(i)):
            ranked = self._ranked(i)
            if ranked and (best is None or ranked[0] > best[0]):
                best = ranked
        written = self.longest(VOCABULARY_TITLES, i)
        if written and self._owner_of_trade(i, written[0]):
            written = None  # "farm owners": owners of farms, the title aside
        if written and (best is None or written[0] > best[0]) and self._written_as(i, *written):
            best = written[0], RoleHit(Role(), title=written[1])
        return best

    def _function_then_head(self, i: int) -> tuple[int, RoleHit] | None:
        """ "ecom heads", "digital heads", "school heads": the head of that function (a
        department before "heads" is read by the department path)."""
        for width in (2, 1):
            h = i + width
            if h >= self.n or self.keys[h] != "head" or self._gap(i, h):
                continue
            if h + 1 < self.n and self.keys[h + 1] == "of":
                continue
            words = self.keys[i:h]
            if any(
                w in STOPWORDS or w in ROLE_KEYS or w in DEPT_KEYS or self.places[i + n]
                for n, w in enumerate(words)
            ):
                continue
            if all(w in VOCABULARY_WORDS or w in _FUNCTION_WORDS or w in _WORD_CASE for w in words):
                return width + 1, RoleHit(Role(), title=f"Head of {self._words(i, width)}")
        return None

    def _rung_function(self, i: int, span: int) -> tuple[int, RoleHit] | None:
        """ "VP facilities", "sr director real estate", "vp nursing": a rung, then a function
        that titles have after that rung ("Director of Facilities", "Director of Nursing")."""
        noun = " ".join(self.keys[i : i + span])
        rung = _NOUN_TITLE.get(noun)
        k = i + span
        if rung is None or k >= self.n or self._gap(k - 1, k):
            return None
        for width in (2, 1):
            if k + width > self.n or self._gap(k, k + width - 1):
                continue
            words = " ".join(t.text.lower() for t in self.t[k : k + width])
            if any(f"{r} of {words}" in VOCABULARY_TITLES for r in ("director", "head", "vp")):
                return span + width, RoleHit(Role(), title=f"{rung} of {self._words(k, width)}")
        return None

    def _of_noun(self, i: int, span: int) -> tuple[int, RoleHit] | None:
        """ "Chiefs of Police", "deans of admissions": the noun's title with its function."""
        if span != 1 or self.keys[i] not in _OF_NOUNS or i + 2 >= self.n:
            return None
        if self.keys[i + 1] != "of" or self._gap(i, i + 2):
            return None
        return self._of_title(i, span, i + 2)

    def _function_ahead(self, j: int) -> bool:
        """Whether a function word ends the lower-case words from ``j`` within three words,
        with no punctuation, place or role between: "health information management"."""
        for k in range(j, min(j + 3, self.n)):
            tok = self.t[k]
            if (
                not tok.text.isalpha()
                or self.places[k]
                or (k > j and self._gap(k - 1, k))
                or tok.key in ROLE_KEYS
                or (tok.key in STOPWORDS and tok.key not in _TITLE_STOPWORDS)
            ):
                return False
            if k > j and tok.key in _FUNCTION_TAILS:
                return True
        return False

    def _owner_of_trade(self, i: int, span: int) -> bool:
        """ "farm owners", "restaurant owners": an industry, then its owners."""
        return (
            span >= 2
            and self.keys[i + span - 1] in ("owner", "founder", "co founder", "cofounder")
            and " ".join(self.keys[i : i + span - 1]) in INDUSTRY_KEYS
        )

    def _longer_function(self, i: int, span: int, role: Role) -> tuple[int, RoleHit]:
        """ "heads of content marketing": a function word after a known "Head of Content"
        makes the function longer."""
        if len(role.titles) == 1 and " of " in role.titles[0]:
            k = i + span
            cap = self.t[k - 1].text[:1].isupper()
            end = self._title_tail(k, capitalised=cap)
            if end > k:
                return end - i, RoleHit(role, title=f"{role.titles[0]} {self._words(k, end - k)}")
        return span, RoleHit(role)

    def _written_as(self, i: int, span: int, title: str) -> bool:
        """Whether tokens ``i``.. spell ``title`` word for word, only the last one in the plural:
        "chief estimators" is the Chief Estimator, "CEOs and founders" no "CEO and Founder",
        "attorneys at law firms" no "Attorney at Law"."""
        if self._gap(i, i + span - 1):
            return False
        written = title.split()
        last = self.t[i + span - 1]
        if len(written) != span or last.end - last.start > len(last.text):
            return False  # "insurance brokers' CEOs": whose CEOs, no broker wanted
        return all(self._spells(self.t[i + j], written[j]) for j in range(span - 1))

    @staticmethod
    def _spells(tok: Token, word: str) -> bool:
        """Whether a token is the title's word: "OR" only in capitals ("CEO or Director" is no
        OR Director), a role word misspelt as corrected ("cheif estimators"; "practce owners"
        stay owners)."""
        if word.isupper() and len(word) > 1:
            return tok.text == word
        written = tok.text.lower()
        return written == word.lower() or (
            norm_key(tok.text) != tok.key  # corrected to a role word, singular as the title's
            and tok.key == word.lower()
            and tok.key in ROLE_KEYS
            and not (written.endswith("s") and not tok.key.endswith("s"))
        )

    def _scope_word(self, i: int) -> bool:
        """ "Regional", "Area", "Cluster" before a title, not the end of a place ("Bay Area")."""
        if self.keys[i] not in _SCOPE_PREFIX:
            return False
        return not i or not (self.places[i - 1] or self.keys[i - 1] in _NO_SCOPE_AFTER)

    def _ranked(self, i: int) -> tuple[int, RoleHit] | None:
        """ "senior software engineers": a rank word before a specific title keeps the rank."""
        inner = self.role(i + 1)
        if not inner:
            return None
        span, hit = inner
        titles = list(hit.named_titles)
        if len(titles) != 1 or hit.negated:
            return None
        rank = _RANK_PREFIX.get(self.keys[i]) or _SCOPE_PREFIX[self.keys[i]]
        if titles[0].split()[0] in (*_RANK_PREFIX.values(), *_SCOPE_PREFIX.values()):
            return None
        return span + 1, RoleHit(Role(), title=f"{rank} {titles[0]}")

    def _words(self, start: int, span: int) -> str:
        out = []
        for tok in self.t[start : start + span]:
            key = tok.key
            if key in _WORD_CASE:
                out.append(_WORD_CASE[key])
            elif tok.text.isupper() and len(tok.text) <= 4:
                out.append(tok.text)
            elif norm_key(tok.text) != key and " " not in key:
                out.append(_plural_of(tok.text, key).capitalize())
            else:
                word = tok.text if tok.text[:1].isupper() else tok.text.capitalize()
                out.append(word)
        joined = " ".join(out).replace("R & D", "R&D").replace("FP & A", "FP&A")
        return joined.replace("E Commerce", "E-commerce")

    def _named(
        self, d_start: int, d_span: int, n_start: int, n_span: int, noun: Role, *, after: bool
    ) -> RoleHit:
        """A role noun with its function: "marketing directors" is the title Marketing Director,
        "marketing leaders" the marketing department's leaders, "growth leaders" heads of growth."""
        _, spans = self.dept_spans(d_start, after_of=not after)
        found: list[tuple[int, int, str]] = []
        for start, span, code in spans:
            if start >= d_start + d_span:
                break
            if found and found[-1][0] + found[-1][1] == start and not self._gap(start - 1, start):
                # "sales ops managers": adjacent function words make one title
                prev = found[-1]
                found[-1] = (prev[0], start + span - prev[0], prev[2])
                continue
            found.append((start, span, code))
        depts = tuple(dict.fromkeys(code for _, _, code in found))
        noun_key = " ".join(self.keys[n_start : n_start + n_span])
        if noun_key in _NOUN_TITLE and not noun.generic:
            rung = _NOUN_TITLE[noun_key]
            if not after and found:
                last = found[-1]
                first_tok = self.t[last[0]]
                end = self._title_tail(last[0] + last[1], capitalised=first_tok.text[:1].isupper())
                found[-1] = (last[0], end - last[0], last[2])
            names = [self._words(start, span) for start, span, _ in found]
            titles = tuple(f"{w} {rung}" if after else f"{rung} of {w}" for w in names)
            return RoleHit(noun, depts, titles=titles)
        keys = [" ".join(self.keys[start : start + span]) for start, span, _ in found]
        if noun_key in _LEADER_NOUNS and all(k not in WHOLE_DEPARTMENTS for k in keys):
            names = [self._words(start, span) for start, span, _ in found]
            return RoleHit(noun, depts, titles=tuple(f"Head of {w}" for w in names))
        return RoleHit(noun, depts)

    def _after(self, i: int, span: int, role: Role, depts: tuple[str, ...]):
        """Departments after a role noun: "VPs of Sales", "VP Sales", "people in finance"."""
        k = i + span
        if role.takes_department and k < self.n and self.keys[k] == "level":
            return self._after_level(i, k + 1, role, depts)  # "VP-level people in finance"
        if role.generic:
            return self._in_department(i, k, role, depts, ("in", "within", "from"))
        if not role.takes_department:
            return self._title_of_function(i, span, role)
        if found := self._in_department(i, k, role, depts, ("in",)):
            return found
        if k < self.n and self.keys[k] in ("of", "for"):
            k2 = k + 1 + (1 if k + 1 < self.n and self.keys[k + 1] == "the" else 0)
            dspan, _ = self.depts(k2, after_of=True)
            if dspan:
                return self._of_department(i, span, role, k2, dspan)
            titled = self._of_title(i, span, k2)
            if titled:
                return titled
        if not depts and k < self.n:
            dspan, _ = self.depts(k, after_of=self.t[k].text[:1].isupper())
            if dspan and not self._company_follows(k + dspan):
                return k + dspan - i, self._named(k, dspan, i, span, role, after=False)
            # "VP Regulatory Affairs", "Head Clinical Operations": a capitalised function the
            # department list lacks, written without "of"
            # (or a lower-case word that only names a function: "vp infrastructure", "head finops")
            tok = self.t[k]
            if (
                (tok.text[:1].isupper() or tok.key in _FUNCTION_TAILS or _names_function(tok.text))
                and tok.key not in INDUSTRY_KEYS
                and not self._gap(k - 1, k)
            ):
                return self._of_title(i, span, k)
        return None

    def _title_of_function(self, i: int, span: int, role: Role):
        """ "assistant superintendents of operations", "deputy commissioners of finance": a
        title that names its function after "of", one title."""
        k = i + span
        if (
            len(role.titles) != 1
            or role.titles[0].split()[-1].lower() not in _OF_FUNCTION_TITLES
            or k + 1 >= self.n
            or self.keys[k] != "of"
        ):
            return None
        dspan, _ = self.depts(k + 1, after_of=True)
        if not dspan or self._company_follows(k + 1 + dspan):
            return None
        title = f"{role.titles[0]} of {self._words(k + 1, dspan)}"
        return k + 1 + dspan - i, RoleHit(Role(), title=title)

    def _after_level(self, i: int, k: int, role: Role, depts: tuple[str, ...]):
        """ "VP-level people in finance", "director level marketing": ``k`` is past "level"."""
        dspan, more = self.depts(k, after_of=False)
        k += dspan
        depts = (*depts, *more)
        noun = self.longest(ROLE_KEYS, k)
        if noun and noun[1].generic:
            k += noun[0]
        if k < self.n and self.keys[k] in ("in", "within") and not depts:
            dspan, more = self.depts(k + 1, after_of=True)
            if dspan and not self._company_follows(k + 1 + dspan):
                return k + 1 + dspan - i, RoleHit(role, tuple(more))
        return k - i, RoleHit(role, depts)

    def _in_department(
        self, i: int, k: int, role: Role, depts: tuple[str, ...], preps: tuple[str, ...]
    ):
        """ "people in finance", "managers in the legal department": the role's departments."""
        if k < self.n and self.keys[k] in preps:
            k1 = k + 1 + (1 if k + 1 < self.n and self.keys[k + 1] == "the" else 0)
            dspan, more = self.depts(k1, after_of=True)
            industry = self.longest(INDUSTRY_KEYS, k1)
            if industry and industry[0] > dspan:
                return None  # "HR heads in IT services companies": an industry, longer
            if dspan and not self._company_follows(k1 + dspan):
                return k1 + dspan - i, RoleHit(role, (*depts, *more))
        return None

    def _of_department(self, i: int, span: int, role: Role, k2: int, dspan: int):
        """ "VP of Sales", "Head of Clinical Operations": the role named with its function."""
        named = self._named(k2, dspan, i, span, role, after=False)
        if named.titles:
            last = self.dept_spans(k2, after_of=True)[1][-1]
            cap = self.t[last[0]].text[:1].isupper()
            return self._title_tail(k2 + dspan, capitalised=cap) - i, named
        return k2 + dspan - i, named

    def _of_title(self, i: int, span: int, k: int):
        """ "Head of Ecommerce", "Director of Clinical Operations": a function the department
        list lacks becomes a title."""
        noun = " ".join(self.keys[i : i + span])
        rung = _NOUN_TITLE.get(noun) or _OF_NOUNS.get(noun)
        if rung is None or k >= self.n:
            return None
        tok = self.t[k]
        if (
            (tok.key in STOPWORDS and tok.key != "total")  # "Head of Total Rewards"
            or not tok.text.isalpha()
            # "heads of schools" names no function; "heads of comms", "of communications",
            # "deans of students" do
            or (
                tok.text.lower().endswith("s")
                and not tok.text[:1].isupper()
                and tok.key not in _FUNCTION_TAILS
                and not _names_function(tok.text)
                and f"{noun} of {tok.key}" not in VOCABULARY_TITLES
                # "heads of sports science": a function of two words, the first in the plural
                and not (k + 1 < self.n and self.keys[k + 1] in _FUNCTION_TAILS)
            )
            or self._company_follows(k + 1)
            or self.places[k]
        ):
            return None
        end = self._title_tail(k + 1, capitalised=tok.text[:1].isupper(), open_ended=True)
        words = self._words(k, end - k)
        base = self.longest(ROLE_KEYS, i) if noun in _NOUN_TITLE else None
        role = base[1] if base else Role()
        return end - i, RoleHit(role, title=f"{rung} of {words}")

    def _title_tail(self, j: int, *, capitalised: bool, open_ended: bool = False) -> int:
        """Where a spelled-out function ends: "Clinical Operations", "IT Infrastructure &
        Operations" (capitalised words, or known function words, at most four more). An
        ``open_ended`` function (one the department list lacks: "directors of real estate",
        "Directors of Public Works") also takes the lower-case words titles use."""
        end = j
        while end < self.n and end - j < 4 and not self._gap(end - 1, end):
            glue = self.keys[end] in ("and", "&") and end + 1 < self.n
            at = end + 1 if glue else end
            if not self._tail_word(at, capitalised=capitalised, open_ended=open_ended):
                if glue or not self._function_ahead(end):
                    break  # "of health information management": a tail word a little further on
            nxt = self.t[at]
            if nxt.key in STOPWORDS and nxt.key not in DEPT_KEYS:
                if nxt.key not in _TITLE_STOPWORDS and (self.keys[at - 1], nxt.key) not in (
                    VOCABULARY_PAIRS if not glue else ()
                ):
                    break  # "Public Works" is a title's pair, "works at" none
            if glue and self._role_starts(at):
                break  # "Heads of Finance and FP&A managers": the next words are their own role
            role = self.longest(ROLE_KEYS, at + 1) if at + 1 < self.n else None
            if role and not role[1].generic:
                break  # "VP of Sales and Sales Directors": the next words are their own role
            if nxt.key in ROLE_KEYS and nxt.key not in DEPT_KEYS:
                break
            end = at + 1
        return end

    def _tail_word(self, k: int, *, capitalised: bool, open_ended: bool) -> bool:
        tok = self.t[k]
        if not tok.text.isalpha() or self.places[k]:
            return False
        if tok.key in _FUNCTION_TAILS:
            return True
        titled = tok.key in VOCABULARY_WORDS or tok.key in _FUNCTION_WORDS
        if tok.key in INDUSTRY_KEYS and not (
            open_ended
            and titled
            and tok.text.lower() == tok.key  # "of nursing hospitals", "hosptials": the companies
            and not self._company_follows(k + 1)
            and not (k + 1 < self.n and self.longest(INDUSTRY_KEYS, k + 1))
        ):
            # "VP of Transmission & Distribution", "of instructional technology" name a function;
            # "of Sales SaaS", "of public safety software companies" an industry after it
            return False
        if (capitalised and tok.text[:1].isupper()) or _names_function(tok.text):
            return True
        return (
            open_ended
            and titled
            and tok.key not in _NOT_IN_TITLES
            and tok.key not in COMPANY_NOUN_KEYS
            and tok.key not in SIZE_KEYS
        )

    def _role_starts(self, j: int) -> bool:
        """Whether a role of its own starts at ``j``: "Clinical Trial Managers", "FP&A managers"."""
        if self.compound_title(j):
            return True
        dspan, _ = self.depts(j, after_of=False)
        noun = self.longest(ROLE_KEYS, j + dspan) if j + dspan < self.n else None
        return bool(dspan and noun and not noun[1].generic)


# Token keys (singular, lower case) of the towns named like words: a cheap first check.
_WORD_PLACE_KEYS = frozenset(norm_key(w) for w in COMMON_WORD_NAMES if " " not in w)
_MONTH_NAMES = frozenset(MONTH_NAMES)
# Words after which a word is a town even before a role ("from Reading"); "and" and "or" join
# roles as often as places ("fleet supervisors and Fleet managers").
_PLACE_BEFORE = frozenset(PLACE_PREPOSITIONS) - {
    "and",
    "or",
    "but",
    "only",
    "just",
    "than",
    "to",
    "about",
}


# A job title pasted as written: "Senior Manager, Revenue Operations", "VP, Global Talent
# Acquisition", "Sr. Director, Product Marketing". Kept verbatim.
_PASTED_TITLE = re.compile(
    r"(?:^|(?<=[:;(]))\s*((?:(?:Senior|Sr\.?|Associate|Assistant|Executive|Deputy|Group|Global|Regional)"
    r"\s+)*(?:Vice\s+President|VP|SVP|EVP|AVP|Director|Manager|Head|Lead|Chief\s+\w+\s+Officer)"
    r"\s*,\s*(?!(?:VP|SVP|EVP|Director|Manager|Head|Lead|C[A-Z]O|Founder|Owner|Partner)s?\b)"
    r"(?:[A-Z][\w&/.+-]*)(?:\s+(?:&\s+|and\s+|of\s+)?[A-Z][\w&/.+-]*){0,4})"
    r"(?=\s*(?:$|[-–—(@|,;]|\s+(?:at|in|for|with|from)\b))"
)


def _pasted_titles(text: str, slots: Slots) -> str:
    def take(m: re.Match[str]) -> str:
        slots.roles.append(RoleHit(Role(), title=" ".join(m[1].split())))
        return " ; "

    return _PASTED_TITLE.sub(take, text)


# A C-level abbreviation with the function it stands for in brackets: "CROs (chief risk, not
# revenue)", "CCO (compliance)", "CPO (procurement)".
# ("CMOs -- chief medical officers, not marketing --": the same between dashes)
_GLOSSED_CHIEF = re.compile(
    r"\bC([A-Z])O(s?)\s*(?:\(|\s--?\s|[\u2014\u2013])\s*(?:chief\s+)?(([a-z])[a-z]+)(?:\s+officers?)?\s*"
    r"(?:[,;/]?\s*(?:not|no|rather\s+than)\s+[a-z\s]{1,30}?)?\s*(?:\)|--?(?=\s)|[\u2014\u2013])",
    re.IGNORECASE,
)


# Words before "few"/"many" that judge the results rather than ask for a number of them.
_JUDGED = frozenset({"too", "so", "very", "way"})


def chiefs_glossed(text: str) -> str:
    """ "CROs (chief risk, not revenue)" is written out: "Chief Risk Officers"."""
    if "(" not in text and "-" not in text and "\u2014" not in text and "\u2013" not in text:
        return text

    def spell(m: re.Match[str]) -> str:
        if m[1].lower() != m[4].lower():
            return m[0]  # "CTO (engineering)": no gloss of the letters
        return f"Chief {m[3].capitalize()} Officer{m[2]}"

    return _GLOSSED_CHIEF.sub(spell, text)


# "fleet & transport managers", "plant and maintenance managers": two roles sharing the head
# noun, when each word with the head is a role of its own and the first is no department (those
# are read as a rung's departments: "sales and marketing directors")
_TWO_ROLES_ONE_HEAD = re.compile(
    r"\b(?P<a>[A-Za-z][\w-]+)\s+(?:and|&|/|\+)\s+(?P<b>[A-Za-z][\w-]+)\s+"
    r"(?P<head>managers|directors|supervisors|coordinators|officers|engineers|leads)\b",
    re.IGNORECASE,
)


def _two_roles_one_head(m: re.Match[str]) -> str:
    a, head = m["a"], m["head"]
    single = norm_key(head)
    whole = f"{a} and {m['b']} {single}"  # "Compensation and Benefits Manager": one title
    if norm_key(a) in DEPT_KEYS or norm_key(whole) in ROLE_KEYS or canonical_title(whole):
        return m[0]
    for word in (a, m["b"]):
        if f"{norm_key(word)} {single}" not in ROLE_KEYS and not canonical_title(
            f"{word} {single}"
        ):
            return m[0]
    return f"{a} {head} and {m['b']} {head}"


def _roles_sharing_a_head(clause: str) -> str:
    if " and " in clause or "&" in clause or "/" in clause or "+" in clause:
        return _TWO_ROLES_ONE_HEAD.sub(_two_roles_one_head, clause)
    return clause


# The taxonomy's industries named with a slash ("Primary/Secondary Education").
_SLASHED_INDUSTRY = re.compile(
    "|".join(
        re.escape(name) for name in sorted(INDUSTRY_NAMES, key=len, reverse=True) if "/" in name
    ),
    re.IGNORECASE,
)


def _unslashed(clause: str) -> str:
    """ "Primary/Secondary Education": an industry's own name, its words read as one key."""
    if "/" not in clause:
        return clause
    return _SLASHED_INDUSTRY.sub(lambda m: m[0].replace("/", " "), clause)


def extract(clause: str, quotes: list[str] | None = None) -> Slots:
    """All search slots of one clause."""
    quotes = quotes or []
    slots = Slots()
    clause = shorthand.spelled_out(clause)  # "purch mgrs", "mfrs", "med ctrs"
    clause = _unslashed(clause)
    clause = _roles_sharing_a_head(clause)
    text = _pasted_titles(clause, slots) if "," in clause else clause
    text = _WHO_LEADS.sub(" leaders of ", patterns.money_said_otherwise(words_to_digits(text)))
    page = _PAGE.search(text)
    if page:
        slots.page, slots.more = max(1, int(page[1])), True
        text = text[: page.start()] + " ; " + text[page.end() :]
    text = _SWAP.sub(r" not \1 then ", text)
    text = _CHANGE_ROLE.sub(_role_swap, text)
    text = _WORK_IN.sub(" people in ", text)
    text = _HANDLES.sub(" people in ", text)
    text = _TRADE_SHOW.sub("tradeshow", text)  # "show" is no command here
    text = _AFTER.sub(" find ", text)
    text = _AND_ABOVE.sub(_ladder, text)
    text = _LEVELS.sub(r"\1-level \2 \3-level", text)
    # "drop the new in role part": a filter named to be cleared is not asked for again
    text, slots.cleared, slots.double = patterns.cleared(text)
    text, owners = read_before_signals(text)
    text, slots.signals, _ = signals(text, utc_now().date())
    if quotes and "hiring_for" in slots.signals:
        _quoted_postings(slots.signals["hiring_for"], quotes)
    text, slots.unsupported = unsupported(text)
    slots.unsupported = [*owners, *(c for c in slots.unsupported if c not in owners)]
    text, slots.revenue = patterns.revenue(text)
    if slots.revenue and _TOTAL_RAISED.search(clause) and not _REVENUE_WORDS.search(clause):
        # "raised $50M+ in total", "total funding between $1M and $5M": money raised
        slots.signals["total_funding_usd"] = slots.revenue
        slots.revenue = None
    text, slots.employees = patterns.employees(text)
    slots.employees_explicit = slots.employees is not None
    text, slots.email_status = patterns.email_status(text)
    text, slots.exclude_technologies = patterns.excluded_technologies(text)
    text, slots.technologies = patterns.technologies(text)
    text, slots.keywords = patterns.keywords(text, quotes)
    text = _kinds_of_company(text, slots)
    if "-" in text:
        text = _ROAD.sub(r"\1\2", text)  # "up and down I-75": a road, no count of 75
    tokens = tokenize(text)
    texts = [t.text for t in tokens]
    places = [place_at(tokens, idx, texts) for idx in range(len(tokens))]
    for hit in places:
        if hit is not None and hit.unlisted:
            add_unique(slots.unknown_places, [hit.unlisted])
    _drop_word_places(tokens, places, text)
    listed_towns(tokens, places)
    state_said_last(tokens, places)
    states_among_states(tokens, places)
    regions_spelled_out(text, tokens, places)
    fixed = []
    for idx, t in enumerate(tokens):
        better = None
        if (
            t.key not in STOPWORDS
            and t.key not in DEMONYMS
            and t.text.isalpha()
            and len(t.key) >= 5
            and places[idx] is None
            # "R&D director at Intercos": a name where companies are named, no typo of "intern"
            and not (
                t.text[:1].isupper()
                and idx
                and tokens[idx - 1].key in ("at", "of", "from")
                and (idx + 1 == len(tokens) or tokens[idx + 1].key not in COMPANY_NOUN_KEYS)
            )
            # "Allianz" read alone (is a name after "at" read as nothing else?): no "alliance"
            and not (len(tokens) == 1 and t.text[:1].isupper() and not t.text.isupper())
        ):
            better = _corrected(t)
            if better and _misspelt_place(tokens, idx):
                better = None
        fixed.append(Token(t.text, better, t.start, t.end) if better else t)
    _scan(fixed, slots, places, quotes)
    if not slots.has_role and (slots.unknown or slots.keywords):
        _officer_named(text, slots)
    if not slots.has_role and slots.unknown:
        _agent_noun_named(text, slots)
    if slots.has_role:
        _trades_named(text, slots)
    shorthand.meant_in_industry(clause, slots)
    shorthand.carriers_in_insurance(clause, slots)
    if not _ABOUT_THE_USER.search(clause):  # ("I am coffee roaster in Amsterdam": the user)
        _niche_named(slots, clause)
    _country_narrowed(slots.locations)
    if _CONTINUE.match(clause):
        slots.more = True
    _ends_in_order(slots)
    # a keyword is words ("doing -$20m-$100m": the dash left over from an amount is none)
    slots.keywords = [k for k in slots.keywords if _WORD_CHAR.search(k)]
    return slots


# A plural noun of a doer that nothing reads, where a request names its people ("Q graders in
# London", "roastmasters in Kyoto", "find 10 underwriters at ..."): a title the tables lack,
# with the unread words right before it ("Q Grader"). Not the nouns of companies, customers or
# things ("suppliers", "members", "containers").
_AGENT_NOUN = re.compile(
    r"^\W*(?:(?:find|get|need|show|pull|search(?:\s+for)?|looking\s+for|grab|give)\s+(?:me\s+)?)?"
    r"(?:(?:\d+|a\s+few|some|several|a\s+handful\s+of|a\s+couple(?:\s+of)?|the|all)\s+)?"
    r"(?P<title>(?:[A-Za-z][\w&-]*\s+){0,2}?[A-Za-z][\w-]{2,}(?:ers|ors))\b"
    r"(?=\s+(?:at|in|from|with|across|near|around|for|on|who|that|based)\b|\s*[,.;!?]|\s*$)",
    re.IGNORECASE,
)
_NOT_AGENTS = COMPANY_KIND_NOUNS | frozenset(
    """customers members users others numbers orders headquarters letters papers centers centres
    offers filters partners competitors followers subscribers readers viewers sellers employers
    carriers shippers lenders insurers computers printers routers containers trailers towers
    waters matters quarters corners answers powers layers chapters players teenagers seniors
    juniors minors brothers sisters mothers fathers parents leaders peers cheers workers
    staffers hers yours ours theirs""".split()
)


# An officer's acronym nothing else reads ("MLROs in fintechs", "MLRO of paysera.com", "DPOs at
# hospitals"): the title, as written. Not the acronyms of organisations ending in O ("NGOs",
# "DSOs", "PEOs").
_OFFICER = re.compile(r"(?<![\w-])(?-i:(?P<acronym>[A-Z]{1,4}O))(?:s|'s)?(?![\w-])")
_NOT_OFFICERS = frozenset(
    "NGO INGO DSO MSO IPO ISO PEO GPO HMO PPO EPO MCO ASO CBO FBO TPO SEO MO TO SO MRO CDMO".split()
)


_LIST_VERB_FIRST = re.compile(
    r"^\W*(?:and\s+)?(?:save|add|put|move|stick|throw|chuck|export|copy)\b", re.IGNORECASE
)


def _officer_named(text: str, slots: Slots) -> None:
    if _LIST_VERB_FIRST.match(text):
        return  # ("save to Baltic MLROs": a list's name)
    said = {w.lower() for w in slots.unknown} | {k.lower() for k in slots.keywords}
    for m in _OFFICER.finditer(text):
        acronym = m["acronym"]
        if acronym in _NOT_OFFICERS or not ({acronym.lower(), m[0].lower()} & said):
            continue
        slots.roles.append(RoleHit(Role(), title=acronym))
        slots.unknown = [
            w for w in slots.unknown if w.lower() not in (acronym.lower(), m[0].lower())
        ]
        slots.keywords = [k for k in slots.keywords if k.lower() != acronym.lower()]
        return


_NOT_MODIFIERS = frozenset(
    "add also plus and find get include show pull need want more any other some".split()
)


def _agent_noun_named(text: str, slots: Slots) -> None:
    m = _AGENT_NOUN.match(text)
    if not m:
        return
    words = m["title"].split()
    unread = {w.lower() for w in slots.unknown}
    noun = words[-1].lower()
    if noun in _NOT_AGENTS or noun not in unread:
        return
    if words[-1][:1].isupper() and (m.start("title") or m.end() == len(text.rstrip())):
        return  # ("at Wesfarmers", "Wesfarmers" read alone: a name)
    while len(words) > 1 and words[0].lower() in _NOT_MODIFIERS:
        words = words[1:]  # "add dockmasters": the verb is no part of the title
    for w in words[:-1]:  # "Q graders", "coffee traders" (not "Priya already covers")
        if len(w) > 1 and (w.lower() not in unread or w.lower().endswith("ly") or w.istitle()):
            return
    title = " ".join(w.upper() if len(w) == 1 else w[:1].upper() + w[1:] for w in words)
    slots.roles.append(RoleHit(Role(), title=title[:-1]))
    said = {w.lower() for w in words}
    slots.unknown = [w for w in slots.unknown if w.lower() not in said]


_TRADES: dict[str, str] = data_file("trades.toml")["trades"]
_TRADE = re.compile(
    r"\b("
    + "|".join(re.escape(k) for k in sorted(_TRADES, key=len, reverse=True))
    + r")(?:s|ers)?\b",
    re.IGNORECASE,
)


_LAW_AREAS: dict[str, dict[str, str]] = data_file("trades.toml")["law_areas"]
_KINDS: dict[str, str] = data_file("trades.toml")["kinds"]


def _alternation(words: dict[str, str]) -> str:
    return "|".join(
        re.escape(k).replace(r"\ ", r"\s+") for k in sorted(words, key=len, reverse=True)
    )


# "personal injury law firms", "family law firms", "PI shops": the area of law before the firms
_KIND = re.compile(rf"\b({_alternation(_KINDS)})s?\b", re.IGNORECASE)
_AREA_OF_LAW = re.compile(
    rf"\b(?:(?P<with_law>{_alternation(_LAW_AREAS['with_law'])})\s+law"
    rf"|(?P<alone>{_alternation(_LAW_AREAS['alone'])})(?:\s+law)?)"
    r"\s+(?=(?:law\s+)?(?:firms?|practices?|shops?|offices?|groups?|attorneys?\s+offices?)\b)",
    re.IGNORECASE,
)


def _areas_of_law(text: str, slots: Slots) -> str:
    """ "managing partners at personal injury law firms": law firms, the area their keyword."""

    def named(m: re.Match[str]) -> str:
        if m["with_law"]:
            keyword = _LAW_AREAS["with_law"][" ".join(m["with_law"].lower().split())]
        else:
            keyword = _LAW_AREAS["alone"][" ".join(m["alone"].lower().split())]
        add_unique(slots.keywords, [keyword])
        return "law "

    return _AREA_OF_LAW.sub(named, text)


# "restaurant franchise owners", "franchise gyms", "franchise brands": franchises, a keyword
_FRANCHISE = re.compile(
    r"\bfranchis(?:e|ed)\s+(?=(?:owners?|operators?|brands?|gyms?|restaurants?|locations?|units?|"
    r"businesses|compan(?:y|ies)|groups?|systems?|salons?|studios?|clinics?|hotels?)\b)",
    re.IGNORECASE,
)


def _franchises(text: str, slots: Slots) -> str:
    add_unique(slots.keywords, ["franchise"])
    return _FRANCHISE.sub("", text)


_MAKES: dict[str, str] = data_file("trades.toml")["makes"]
_MAKE = "|".join(re.escape(k) for k in sorted(_MAKES, key=len, reverse=True))
_MAKES_DEALT = re.compile(
    rf"\b(?P<makes>(?:{_MAKE})(?:\s*(?:,|/|&|\+|\band\b|\bor\b)\s*(?:{_MAKE}))*)\s+"
    r"(?P<what>dealers?|dealerships?|stores?|rooftops?|franchises?|franchised\s+dealers?)\b",
    re.IGNORECASE,
)


# The words that may follow a niche's word and name its companies: "outdoor gear companies",
# "coffee roasters", "serviced apartments".
_NICHE_TAILS = frozenset(
    "gear brand roaster apparel startup company firm maker shop business apartment cafe "
    "processor processing packer packing plant work grower farm orchard biotech biopharma "
    "therapeutics developer sponsor".split()
)


_ABOUT_THE_USER = re.compile(
    r"\b(?:i\s+am|i'?m|we\s+are|we'?re)\s+(?:an?\s+)?(?!(?:looking|searching|trying|after|hoping|"
    r"interested|keen|prospecting|targeting|hunting|going|planning|also|only|just)\b)[\w-]+",
    re.I,
)


_WORD_CHAR = re.compile(r"[^\W_]")
_NICHE_SAID = re.compile(
    rf"\b({'|'.join(sorted(NICHES, key=len, reverse=True))})[\s-]+"
    rf"(?:{'|'.join(sorted(_NICHE_TAILS, key=len, reverse=True))})(?:s|es)?\b",
    re.IGNORECASE,
)


def _niche_named(slots: Slots, clause: str = "") -> None:
    """ "marketing folks at outdoor brands", "owners of coffee roasters", "hostel owners": a kind
    of company the industry list does not name, searched as its keyword within its industry
    ("meat processors": the industry's own alias, and "meat" its keyword)."""
    for m in _NICHE_SAID.finditer(clause):
        industry, keyword = NICHES[m[1].lower()]
        if industry in slots.industries:
            add_unique(slots.keywords, [keyword])
    phrases = [*slots.keywords, " ".join(slots.unknown)] if slots.unknown else list(slots.keywords)
    for phrase in phrases:
        words = norm_key(phrase).split()
        # the longest niche the phrase starts with ("rare disease", "gene therapy companies")
        size = next((n for n in range(len(words), 0, -1) if " ".join(words[:n]) in NICHES), 0)
        niche = NICHES[" ".join(words[:size])] if size else None
        if niche is None or not all(w in _NICHE_TAILS for w in words[size:]):
            continue
        industry, keyword = niche
        slots.keywords = [k for k in slots.keywords if k != phrase]
        add_unique(slots.keywords, [keyword])
        if phrase == " ".join(slots.unknown):
            slots.unknown = []
        if not slots.industries:
            slots.industries.append(industry)


def _kinds_of_company(text: str, slots: Slots) -> str:
    """Kinds of company said by words no industry names, read as keywords: car makes before
    dealers, areas of law before law firms, franchises."""
    if "deal" in text or "store" in text or "Deal" in text or "Store" in text:
        text = _makes_dealt(text, slots)
    if _AREA_OF_LAW.search(text):
        text = _areas_of_law(text, slots)
    if "ranchis" in text and _FRANCHISE.search(text) and not _MAKES_DEALT.search(text):
        text = _franchises(text, slots)
    if (
        "dealer" in text
        or "elevator" in text
        or "co-op" in text
        or "harvest" in text
        or "ffice" in text
    ) and _KIND.search(text):
        text = _KIND.sub(lambda m: _kind_named(m, slots), text)
    return text


def _kind_named(m: re.Match[str], slots: Slots) -> str:
    """ "ag equipment dealers", "grain elevators": a kind of company no industry names."""
    add_unique(slots.keywords, [_KINDS[" ".join(m[1].lower().split())]])
    return " companies"


def _makes_dealt(text: str, slots: Slots) -> str:
    """ "honda dealers", "toyota and lexus stores": dealerships (the automotive industry) of that
    make, each make a keyword; the make's words are read no further ("Lincoln" is no city)."""

    def dealt(m: re.Match[str]) -> str:
        for make in re.findall(rf"\b(?:{_MAKE})\b", m["makes"], re.IGNORECASE):
            add_unique(slots.keywords, [_MAKES[make.lower()]])
        return " car dealerships"

    return _MAKES_DEALT.sub(dealt, text)


def _trades_named(text: str, slots: Slots) -> None:
    """ "roofing owners", "gm hvac richmond va", "lawn care owners kansas city mo": a trade said
    with the people is a keyword, unless a title already holds it ("HVAC Technician")."""
    titles = " ".join(t for hit in slots.roles for t in hit.named_titles).lower()
    industries = " ".join(slots.industries).lower()  # ("concrete companies": the industry's)
    have = {k.lower() for k in slots.keywords}
    for m in _TRADE.finditer(text):
        keyword = _TRADES[m[1].lower()]
        if keyword.lower() in have or m[1].lower() in titles or keyword.lower() in titles:
            continue
        if keyword.lower() in industries:
            continue
        slots.keywords.append(keyword)
        have.add(keyword.lower())


def _corrected(t: Token) -> str | None:
    """The lexicon word a misspelt token meant; a word the lexicon keeps in the plural when it
    was written in the plural ("facilties" is "facilities", as in "Facilities Director")."""
    written = t.text.lower()
    better = correct(t.key)
    if written == t.key:
        return better
    if better is None:
        # "libraries" is the known "library" in the plural, not a misspelt "librarian"
        return None if known_word(t.key) else correct(written)
    plural = correct(written) if written.endswith("s") else None
    if plural and (plural[:-3] + "y" if plural.endswith("ies") else plural[:-1]) == better:
        return plural
    return better


def _country_narrowed(locations: list[str]) -> None:
    """ "in Spain, is possible only in Madrid and Barcelona?", "Japan, Tokyo and Osaka only",
    "Santiago de Chile": a country named before places inside it is narrowed to them."""
    countries = [place for place in locations if "," not in place]
    if len(locations) < 2 or len(countries) != 1:
        return
    country = countries[0]
    if all(place.endswith(f", {country}") for place in locations if place != country):
        locations.remove(country)


def _ends_in_order(slots: Slots) -> None:
    """Every range read has its low end first, whatever order the words gave them in."""
    slots.employees = patterns.ordered(slots.employees, floor=0)
    slots.revenue = patterns.ordered(slots.revenue, floor=0)
    for key, value in slots.signals.items():
        if isinstance(value, dict) and "min" in value and "max" in value:
            slots.signals[key] = patterns.ordered(value)


# A quoted phrase's token in a hiring title, whatever case the title was given ("Qtok0").
_QUOTE_TOKEN_ANY_CASE = re.compile(QUOTE_TOKEN.pattern, re.IGNORECASE)


def _quoted_postings(hiring_for: dict, quotes: list[str]) -> None:
    """'hiring "Cloud Security Engineer"': the quoted title as written."""
    titles = hiring_for.get("titles") or []
    for n, title in enumerate(titles):
        if m := _QUOTE_TOKEN_ANY_CASE.search(title):
            titles[n] = str(quotes[int(m[1])]) if int(m[1]) < len(quotes) else title


def _drop_word_places(tokens: list[Token], places: list[PlaceHit | None], text: str = "") -> None:
    """A town named like a word is no place where the word means itself: before a role
    ("Fleet managers", "Reading teachers", "Mobile developers") unless a place is expected there
    ("in Reading"), a month ("raised since March"; the town is "March, GB"), and a word that
    opens a sentence as a word ("Much appreciated.", "Nice one", "Best regards")."""
    for idx, hit in enumerate(places):
        if hit is None or hit.span != 1 or tokens[idx].key not in _WORD_PLACE_KEYS:
            continue
        if geo.normalise(tokens[idx].text) not in COMMON_WORD_NAMES:
            continue
        if tokens[idx].key in _MONTH_NAMES or _opens_a_sentence_as_a_word(tokens, idx, text):
            places[idx] = None
            continue
        prev = tokens[idx - 1].key if idx else ""
        if prev == "of" and idx >= 2 and tokens[idx - 2].key in _OF_NOUNS:
            places[idx] = None  # "Chiefs of Police": the title's function
            continue
        if prev == "of" and idx >= 2 and _takes_function(tokens[idx - 2].key):
            prev = tokens[idx - 2].key  # "VP of Fleet": the function of a rung
        elif prev in _PLACE_BEFORE:
            continue
        # "Fleet Operations Managers": department words may stand between the word and its role
        k = idx + 1
        while k < len(tokens) and k <= idx + 2 and tokens[k].key in DEPT_KEYS:
            k += 1
        role = ROLE_KEYS.get(tokens[k].key) if k < len(tokens) else None
        # "VP Fleet", "Director Fleet": the word after a rung is the title's function
        if (role is not None and not role.generic) or _takes_function(prev):
            places[idx] = None


# What may follow a town at the start of a sentence ("Boulder companies", "Reading and Slough",
# "Aurora based firms"): the town is read as one.
_AFTER_A_TOWN = frozenset({"and", "or", "based", "area", "metro", "region", "county", "office"})


def _opens_a_sentence_as_a_word(tokens: list[Token], idx: int, text: str) -> bool:
    """ "Much appreciated.", "Nice one!": a word-named town first in a sentence with a word of
    no company, role, industry or place after it."""
    if idx and not re.search(r"[.!?]\s*$", text[tokens[idx - 1].end : tokens[idx].start]):
        return False
    if idx + 1 >= len(tokens):
        return False
    nxt = tokens[idx + 1]
    return (
        nxt.text.isalpha()
        and nxt.text.islower()
        and not re.search(r"[,;:]", text[tokens[idx].end : nxt.start])
        and nxt.key not in _AFTER_A_TOWN
        and nxt.key not in COMPANY_NOUN_KEYS
        and nxt.key not in ROLE_KEYS
        and nxt.key not in INDUSTRY_KEYS
        and nxt.key not in DEPT_KEYS
    )


def _takes_function(key: str) -> bool:
    """Whether a word is a rung that names its function next ("VP", "Director", "Head")."""
    role = ROLE_KEYS.get(key)
    return role is not None and role.takes_department


def _scan(tokens: list[Token], slots: Slots, places: list, quotes: list[str]) -> None:
    walk = _Walk(_Scanner(tokens, places, quotes), slots)
    while walk.i < walk.sc.n:
        walk.step()
    walk.finish()


class _Walk:
    """One left-to-right reading of a clause's tokens into slots: the negation in force, the
    unknown words waiting for a company noun, and the ambiguous place codes seen so far."""

    def __init__(self, sc: _Scanner, slots: Slots) -> None:
        self.sc = sc
        self.tokens = sc.t
        self.keys = sc.keys
        self.slots = slots
        self.negated = False
        self.neg_kind: str | None = None
        self.remover = False
        self.pending: list[int] = []
        self.ambiguous: dict[str, str] = {}
        self.hq_end = -1  # the token after the last company place
        self.i = 0

    def step(self) -> None:
        i, k = self.i, self.keys[self.i]
        if self.negated and self._positive_after_comma(i):
            self.negated, self.neg_kind = False, None  # "no insurance, banks only"
        if self._negator(i, k):
            return
        prev = self.keys[i - 1] if i else ""
        if self.negated and k in ("anyone", "anybody") and prev in ("and", "or"):
            self.neg_kind = None  # "exclude agencies and anyone at a company HQ'd in the US"
        if self._makers_named(i):
            # "QA managers at cannabis producers", "owners of egg producers": the companies
            _flush(self.tokens, self.pending, self.slots, company_noun=True)
            self.i += 1
            return
        if firms := self._firms_by_profession(i):
            span, industries = firms
            add_unique(
                self.slots.exclude_industries if self.negated else self.slots.industries,
                list(industries),
            )
            self.i += span
            return
        best = self._best(i, k)
        if best is not None:
            self._take(best, i, k, prev)
            return
        taken = self._word(i, k, prev)
        if taken:
            self.i += taken
            return
        if k not in NEGATION_GLUE:
            self.negated, self.neg_kind = False, None
        if k not in COMPANY_NOUN_KEYS:
            _flush(self.tokens, self.pending, self.slots, company_noun=False)
        self.i += 1

    def finish(self) -> None:
        slots = self.slots
        _flush(self.tokens, self.pending, slots, company_noun=False)
        slots.code_places = {*self.ambiguous, *self.ambiguous.values()}
        slots.locations = settle_codes(slots.locations, self.ambiguous)
        slots.exclude_locations = settle_codes(slots.exclude_locations, self.ambiguous)

    def _size_of_a_thing(self, i: int, span: int) -> bool:
        """ "a big DACH push", "a small list": "a" and a size word said of something that is no
        company (no company noun or industry in the next three words)."""
        if not i or self.keys[i - 1] not in ("a", "an"):
            return False
        ahead = range(i + span, min(i + span + 3, self.sc.n))
        return not any(
            self.keys[j] in COMPANY_NOUN_KEYS or self.sc.longest(INDUSTRY_KEYS, j) for j in ahead
        )

    def _makers_named(self, i: int) -> bool:
        """ "at cannabis producers", "of egg producers": after "at" or "of" and a word or two
        that say what is made, with a role named before, a maker is the companies, no role."""
        if self.keys[i] not in _MAKER_NOUNS or self.negated:
            return False
        if not any(not h.negated for h in self.slots.roles):
            return False
        j = i - 1
        while j >= 0 and i - j <= 3 and self.keys[j] not in ("at", "@", "of"):
            if self.keys[j] in ROLE_KEYS or self.sc.places[j]:
                return False
            j -= 1
        return j >= 0 and j < i - 1 and self.keys[j] in ("at", "@", "of")

    def _firms_by_profession(self, i: int) -> tuple[int, tuple[str, ...]] | None:
        """ "office managers at small solicitors", "MDs at estate agents": after "at", with a
        role named before, a profession names the firms its people work at."""
        if not any(not h.negated for h in self.slots.roles):
            return None
        found = self.sc.longest(FIRM_KEYS, i)
        if found is None:
            return None
        industry = self.sc.longest(INDUSTRY_KEYS, i)
        if industry is not None and industry[0] >= found[0]:
            return None  # "at vet clinics": the industry's own words
        j = i - 1
        while j >= 0 and self.keys[j] in _FIRM_ADJECTIVES:
            j -= 1
        if j < 0 or self.keys[j] not in ("at", "@"):
            return None
        return found

    def _positive_after_comma(self, i: int) -> bool:
        """A part after a comma that says "only" (or opens with "anywhere", "in", "add") keeps
        what it names."""
        t = self.tokens
        if not i or t[i].start - t[i - 1].end < 2:
            return False
        if self.keys[i] in _POSITIVE_AFTER_COMMA:
            return True  # "remove London, anywhere in the UK": the new place is wanted
        if self.keys[i - 1] in _FILTER_NOUNS:
            return True  # "forget the fortune 500 part, CPG with ...": the part removed is named
        j = i
        while j < self.sc.n and (j == i or t[j].start - t[j - 1].end < 2):
            if self.keys[j] in ("only", "just"):
                return True
            j += 1
        return False

    def _negator(self, i: int, k: str) -> bool:
        """ "not", "except", "other than": what follows is excluded (or, after "remove", dropped)."""
        if i + 1 < self.sc.n and (k, self.keys[i + 1]) in NEGATOR_PAIRS:
            self.negated, self.neg_kind, self.i = True, None, i + 2
            # "leave out Idaho" after the Pacific Northwest: taken out of the places, as "drop"
            self.remover = (k, self.keys[i + 1]) == ("leave", "out")
            return True
        if k == "outside" and self.negated and self.neg_kind is None:
            # "skip anyone whose company is HQ'd outside Texas": only those inside it
            self.negated, self.i = False, i + 1
            return True
        if k in NEGATORS:
            self.negated, self.neg_kind, self.i = True, None, i + 1
            self.remover = k in _REMOVERS
            return True
        return False

    def _best(self, i: int, k: str) -> tuple[int, int, str, Any] | None:
        """The longest role, size, industry or place starting here (ties: in that order)."""
        sc = self.sc
        options: list[tuple[int, int, str, Any]] = []
        if hit := sc.role(i):
            options.append((hit[0], 3, "role", hit[1]))
        if (
            (size := sc.longest(SIZE_KEYS, i))
            and not (i and self.keys[i - 1] in _JUDGED)  # (not "too small for us": a verdict)
            and not self._size_of_a_thing(i, size[0])
        ):
            options.append((size[0], 2, "size", size[1]))
        if industry := sc.longest(INDUSTRY_KEYS, i):
            options.append((industry[0], 1, "industry", industry[1]))
        if place := sc.places[i]:
            options.append((place.span, 0, "place", place))
        elif k in DEMONYMS and sc.company_ahead(i + 1):
            options.append((1, 0, "place", PlaceHit(1, [DEMONYMS[k]])))
        if not options:
            return None
        best = max(options, key=lambda o: (o[0], o[1]))
        if best[2] == "role" and industry and industry[0] == best[0] and self._whose(i, best[0]):
            return (industry[0], 1, "industry", industry[1])  # "owners of solar installers"
        return best

    def _whose(self, i: int, span: int) -> bool:
        """Plural words after "of" that name companies too: the companies whose people are
        meant ("owners of solar installers", not the installers); after "at" or "from" once
        the people are named ("heads of risk at asset managers")."""
        if not i or not self.tokens[i + span - 1].text.endswith("s"):
            return False
        prev = self.keys[i - 1]
        return prev == "of" or (prev in ("at", "from") and bool(self.slots.roles))

    def _take(self, best: tuple[int, int, str, Any], i: int, k: str, prev: str) -> None:
        span, _, kind, value = best
        _flush(
            self.tokens,
            self.pending,
            self.slots,
            company_noun=k in COMPANY_NOUN_KEYS,
            negated=self.negated,
        )
        if self.negated and self.neg_kind not in (None, kind):
            self.negated = False  # "CMOs (not CTOs) at retail companies": the exclusion ended
        if (
            self.negated
            and kind == "industry"
            and self.neg_kind is None
            and set(value) <= set(self.slots.industries)
            and i + span < self.sc.n
            and self.keys[i + span] in _RESTATED_BEFORE
        ):
            # "banks headquartered in Texas, excluding banks based in Houston": the industry is
            # the one searched, named again; the exclusion is the place that follows.
            self.i += span
            return
        if self.negated and not (kind == "role" and value.role.generic and not value.departments):
            self.neg_kind = kind
        span = _take(
            kind,
            value,
            span,
            i,
            self.tokens,
            self.keys,
            self.slots,
            self.negated,
            prev,
            self.ambiguous,
        )
        if kind == "place":
            self._hq_list(value.filters, i, span, prev)
        if self.negated and self.remover and kind in ("place", "industry"):
            self.slots.removals.update(value.filters if kind == "place" else value)
        self.i += span

    def _hq_list(self, places: list[str], i: int, span: int, prev: str) -> None:
        """ "companies based in Illinois or Wisconsin": a place joined to a company's place is
        the company's too."""
        slots = self.slots
        hq = slots.exclude_company_locations if self.negated else slots.company_locations
        listed = prev in ("or", "and", "/", "+", "&") and self.hq_end == i - 1
        # "HQ'd in the midwest but not illinois": the exception is the companies' too
        excepted = (
            self.negated
            and 0 < self.hq_end < i
            and i - self.hq_end <= 3
            and all(k in _HQ_EXCEPT for k in self.keys[self.hq_end : i])
        )
        if listed or excepted or (self.hq_end == i and i and self.sc._gap(i - 1, i)):
            # "headquartered in Germany, Austria or Switzerland": the next in the list too
            people = slots.exclude_locations if self.negated else slots.locations
            for place in places:
                if place in people:
                    people.remove(place)
                add_unique(hq, [place])
        people = slots.exclude_locations if self.negated else slots.locations
        if places and places[0] in hq and places[0] not in people:
            self.hq_end = i + span  # (not "HQ in London, the people themselves in London or NYC")

    def _word(self, i: int, k: str, prev: str) -> int:
        """A word that is no role, size, industry or place: how many tokens it used up when it
        ends the step itself (0: the negation and pending words are settled as usual)."""
        tok, slots, keys = self.tokens[i], self.slots, self.keys
        following = keys[i + 1] if i + 1 < self.sc.n else ""
        if k in COMPANY_NOUN_KEYS and self.pending:
            _flush(self.tokens, self.pending, slots, company_noun=True, negated=self.negated)
        elif tok.text[:1].isdigit() and tok.number is not None:
            if (
                slots.count is None
                and following not in _NOT_A_COUNT
                and not _a_year(tok, prev)
                and prev not in _NAMED_WITH_A_NUMBER
                and prev not in _POINTING_BACK  # "drop those 2": the ones just named
                and not _the_old_value(self.keys, i)
                # "what about Microsoft 365 instead": the number of a product's name
                and f"{prev} {tok.text}" not in TECHNOLOGY_SPELLING
            ):
                slots.count = tok.number
        elif k in VAGUE_COUNTS and slots.count is None:
            # "too few", "way too many": what the user thinks of the results, no count
            # ("at some of these places": the ones found, no count)
            pointing = following == "of" and " ".join(self.keys[i + 2 : i + 3]) in _POINTED_AT
            if VAGUE_COUNTS[k] != 25 and prev not in _JUDGED and not pointing:
                slots.count, slots.vague_count = VAGUE_COUNTS[k], True
        elif k in MORE_WORDS and following != "than":
            slots.more = True
        elif k in SEARCH_VERBS:
            slots.search_verb = True
        elif dept := self.sc.longest(DEPT_KEYS, i):
            slots.dept_mentions.append((dept[1], (), self.negated))
            return int(dept[0])
        elif k not in STOPWORDS and tok.text[:1].isalnum() and k not in COMPANY_NOUN_KEYS:
            return self._unknown(i, prev)
        return 0

    def _unknown(self, i: int, prev: str) -> int:
        """A word nothing knows: a misspelt place after "in", or a word kept for later (a
        keyword before a company noun, or a word not understood)."""
        tokens, slots, keys = self.tokens, self.slots, self.keys
        if keys[i] in _HQ_CUES:
            return 1  # "headquartered in", "US-headquartered": read with the place
        if (prev in PLACE_PREPOSITIONS or prev in _ADDING or _last_after_comma(tokens, i)) and (
            step := _fuzzy(tokens, i, slots, self.negated)
        ):
            return step  # "in pennsilvania", "..., 500-2000 employees, pennsilvania"
        if (
            prev in _PLACE_PREFIXES
            and i >= 2
            and keys[i - 2] in PLACE_PREPOSITIONS
            and (found := fuzzy_place(f"{tokens[i - 1].text} {tokens[i].text}"))
        ):  # "in new yrok": the first word is an ordinary word, the pair a place
            add_unique(slots.exclude_locations if self.negated else slots.locations, found)
            return 1
        if (title := _occupation(tokens[i].text)) and not self.negated:
            slots.roles.append(RoleHit(Role(), title=title))
            return 1
        self.pending.append(i)
        return 1


# Plural nouns of occupations the vocabulary may lack ("agronomists", "epidemiologists",
# "sonographers", "herdsmen"): where nothing else reads the word, it names the people sought.
_OCCUPATION_ENDINGS = (
    ("ologists", "ologist"),
    ("ists", "ist"),
    ("icians", "ician"),
    ("ographers", "ographer"),
    ("smen", "sman"),
)
# Words with those endings that are no occupations.
_NOT_OCCUPATIONS = frozenset(
    "lists exists insists assists consists persists resists twists wrists tourists "
    "christians canadians californians italians asians europeans brazilians australians "
    "colombians indians russians".split()
)


def _occupation(word: str) -> str | None:
    lower = word.lower()
    if len(lower) < 8 or lower in _NOT_OCCUPATIONS or not lower.isalpha():
        return None
    for plural, single in _OCCUPATION_ENDINGS:
        if lower.endswith(plural):
            return (lower[: -len(plural)] + single).capitalize()
    return None


_HQ_EXCEPT = frozenset({"but", "not", "except", "excluding", "minus", "without", "apart", "from"})


def _share_function(roles: list[RoleHit], hit: RoleHit, keys: list[str], i: int, prev: str) -> None:
    """ "VPs and directors in engineering", "VP- and director-level people in sales": a bare
    rung joined to a rung with a function has that function too."""
    if not roles or prev not in ("and", "or", "&", "/") or i < 2:
        return
    if not hit.departments:
        _function_shared_forward(roles, hit)
        return
    if hit.role.generic or not hit.role.seniorities:
        return  # "VP or Director AND people in marketing": the people are their own role
    last = roles[-1]
    bare = last.role.takes_department and last.role.seniorities and not last.departments
    if not bare or last.named_titles or last.negated != hit.negated:
        return
    if keys[i - 2] not in ROLE_KEYS and keys[i - 2] != "level":
        return
    titles: tuple[str, ...] = ()
    if hit.titles:
        titles = tuple(
            f"{SENIORITY_TITLE[s]} of {DEPARTMENT_TITLE[d]}"
            for s in last.role.seniorities
            for d in hit.departments
        )
    roles[-1] = RoleHit(last.role, hit.departments, last.negated, titles=titles)


def _function_shared_forward(roles: list[RoleHit], hit: RoleHit) -> None:
    """ "HR VPs and directors": the bare rung after a rung with a function shares it, and both
    are levels of that function rather than two titles."""
    last = roles[-1]
    rung = hit.role.takes_department and hit.role.seniorities and not hit.named_titles
    if not rung or hit.role.generic or last.negated != hit.negated or len(last.departments) != 1:
        return
    if last.role.generic or not last.role.seniorities or last.title:
        return
    roles[-1] = RoleHit(last.role, last.departments, last.negated)
    hit.departments = last.departments


# "add housten too": a place added to the search, misspelt, with no preposition
_ADDING = frozenset({"add", "plus", "also"})


def _misspelt_place(tokens: list[Token], idx: int) -> bool:
    """ "in housten": a word where a place goes that is a misspelt place, not another word of
    the lexicon ("house")."""
    prev = tokens[idx - 1].key if idx else ""
    return (prev in PLACE_PREPOSITIONS or prev in _ADDING) and bool(fuzzy_place(tokens[idx].text))


def _last_after_comma(tokens: list[Token], i: int) -> bool:
    """The last word of a terse list, after a comma: where a place is written last."""
    return 0 < i == len(tokens) - 1 and tokens[i].start - tokens[i - 1].end >= 2


def _rung_of_the_title(
    roles: list[RoleHit], hit: RoleHit, tokens: list[Token], i: int, span: int
) -> RoleHit | None:
    """ "theatre nurse managers", "perioperative nurse managers": a title the vocabulary knows
    ("Theatre Nurse") right before a rung that makes a title with its last word ("Nurse
    Manager") is one title, that rung of it; None when the words are two roles."""
    if not roles or span != 1 or i == 0 or hit.negated or hit.departments:
        return None
    last = roles[-1]
    titles = last.named_titles
    if len(titles) != 1 or last.negated or tokens[i].start - tokens[i - 1].end > 1:
        return None
    if titles[0].split()[-1].lower() != tokens[i - 1].text.lower():
        return None  # the title does not end right before the rung
    seniorities = hit.role.seniorities
    if hit.named_titles or len(seniorities) != 1 or seniorities[0] not in SENIORITY_TITLE:
        return None
    rung = SENIORITY_TITLE[seniorities[0]]
    if norm_key(f"{titles[0].split()[-1]} {rung}") not in VOCABULARY_TITLES:
        return None
    return RoleHit(Role(), title=f"{titles[0]} {rung}")


def _take_role(hit: RoleHit, span, i, tokens, keys, slots: Slots, negated, prev) -> None:
    hit.negated = negated
    if hit.role.generic and not hit.departments:
        slots.generic = True
    elif (merged := _rung_of_the_title(slots.roles, hit, tokens, i, span)) is not None:
        slots.roles[-1] = merged  # "theatre nurse managers": Theatre Nurse Manager
    else:
        _share_function(slots.roles, hit, keys, i, prev)
        slots.roles.append(hit)
        if (
            not negated
            and slots.count is None
            and prev in ("a", "an", "one")
            and not tokens[i + span - 1].text.lower().endswith("s")
        ):
            slots.count = 1


def _take(kind, value, span, i, tokens, keys, slots: Slots, negated, prev, ambiguous) -> int:
    if kind == "role":
        _take_role(value, span, i, tokens, keys, slots, negated, prev)
    elif kind == "size":
        low, high = value
        if negated:  # "but not startups": the rest of the range
            low, high = (
                (high + 1, None)
                if low is None
                else (None, low - 1)
                if high is None
                else (None, None)
            )
        if (low is not None or high is not None) and not slots.employees_explicit:
            slots.employees = {"min": low, "max": high}
    elif kind == "industry":
        add_unique(slots.exclude_industries if negated else slots.industries, value)
        slots.industry_hits.append((i, tuple(value), negated))
        dept = DEPT_KEYS.get(" ".join(keys[i : i + span]))
        if dept:
            slots.dept_mentions.append((dept, tuple(value), negated))
        # "fintech companies" is one phrase; "VP Finance, manufacturers" is two (punctuation
        # between them: the company noun starts the next part).
        while (
            i + span < len(keys)
            and keys[i + span] in COMPANY_NOUN_KEYS
            and tokens[i + span].start - tokens[i + span - 1].end <= 1
        ):
            size = SIZE_KEYS.get(keys[i + span])
            # "agrifood enterprises": companies (as "entreprises" says), not large ones
            plural_enterprises = tokens[i + span].text.lower() == "enterprises"
            if size and not negated and slots.employees is None and not plural_enterprises:
                slots.employees = {"min": size[0], "max": size[1]}
            span += 1
    else:
        if value.alternatives:
            for loc, alt in zip(value.filters, value.alternatives, strict=False):
                ambiguous[loc] = alt
        if value.elsewhere:
            slots.place_options[value.filters[0]] = value.elsewhere
        if _about_hq(keys, i, span, tokens):
            target = slots.exclude_company_locations if negated else slots.company_locations
        else:
            target = slots.exclude_locations if negated else slots.locations
        add_unique(target, value.filters)
    return span


# Words after an excluded industry that is the one searched, naming what is excluded of it:
# "excluding banks based in Houston", "not hospitals in Ohio".
_RESTATED_BEFORE = {
    "based",
    "in",
    "headquartered",
    "hq",
    "hqd",
    "located",
    "from",
    "that",
    "which",
    "whose",  # "excluding any hospital whose headquarters is in Virginia"
}

# "headquartered in", "HQ in", "with headquarters in", and "based in" after a company noun
# ("firms based in Boston", "companies that are based in Texas"): the place is the company's HQ.
# "CTOs based in Sydney" stays the person's place.
_HQ_CUES = {"headquartered", "hq", "hqd", "hq'd", "headquarters", "headquarter"}
# "HQ is not in the US", "the company HQ should be in Ohio", "HQ based in Texas"
_HQ_LINKS = {"in", "out", "of", "at", "is", "are", "not", "the", "outside", "should", "must", "be"}
_HQ_LINKS |= {"located", "needs", "need", "to", "en"}  # "en": "HQ'd en Miami", Spanish "in"
# "Texas is the company HQ", "Ohio should be their HQ": the cue after the place
_HQ_AFTER_LINKS = {"is", "are", "should", "must", "be", "the", "their", "its"}
_HQ_AFTER_LINKS |= {"company", "companies"}
_RELATIVE = {"that", "which", "who", "are", "is", "were", "all", "not"}
# "HQ: UK", "HQ Chicago" (the cue right before the place) and "US HQ only", "Florida HQ" (after).
_HQ_NEXT = {"hq", "hqd", "hq'd", "headquarters", "headquartered", "headquarter"}


# "at Bay Area companies", "for London-based startups": a place naming the kind of company is
# where the companies are; "at Florida hospitals" (an industry) stays the people's place.
_GENERIC_FIRMS = {
    "company",
    "companies",
    "firm",
    "firms",
    "business",
    "businesses",
    "org",
    "orgs",
    "organization",
    "organizations",
    "organisation",
    "organisations",
    "startup",
    "startups",
    "employer",
    "employers",
}


# "based in" and the words for a company's legal home: "companies domiciled in Switzerland",
# "firms registered in Delaware", "incorporated in Ontario", "seated in Zug".
_BASED = frozenset({"based", "domiciled", "registered", "incorporated", "seated"})


def _place_of_firms(keys: list[str], i: int, span: int) -> bool:
    k = i + span + (i + span < len(keys) and keys[i + span] == "based")
    return (
        i > 0
        and keys[i - 1] in ("at", "for", "from", "among", "with")
        and k < len(keys)
        and keys[k] in _GENERIC_FIRMS
    )


def _about_hq(keys: list[str], i: int, span: int, tokens: list[Token]) -> bool:
    if _place_of_firms(keys, i, span):
        return True
    k = i + span
    while k < len(keys) and k - i - span < 4 and keys[k] in _HQ_AFTER_LINKS:
        k += 1
    # ... unless punctuation ends the place's part: "people in Illinois, HQ doesn't matter"
    if (
        k < len(keys)
        and keys[k] in _HQ_NEXT
        and all(tokens[j].start - tokens[j - 1].end <= 1 for j in range(i + span, k + 1))
    ):
        return True
    j = i - 1
    while j >= 0 and keys[j] in _HQ_LINKS:
        j -= 1
    if j < 0:
        return False
    if j == i - 1:
        return keys[j] in _HQ_NEXT and keys[j] != "headquartered"
    if keys[j] in _HQ_CUES:
        return True
    if keys[j] in COMPANY_NOUN_KEYS and {"is", "are"} & set(keys[j + 1 : i]):
        return True  # "the company is in Boston", "the companies are in NJ"
    if keys[j] not in _BASED:
        return False
    j -= 1
    skipped = set()
    while j >= 0 and keys[j] in _RELATIVE:
        skipped.add(keys[j])
        j -= 1
    if j < 0 or "who" in skipped:
        return False  # "partners at law firms who are based in Boston": the people are
    # "companies based in Boston", "hospitals based in North Carolina", "HQ based in Texas"
    return keys[j] in COMPANY_NOUN_KEYS or keys[j] in INDUSTRY_KEYS or keys[j] in _HQ_CUES


def _fuzzy(tokens: list[Token], i: int, slots: Slots, negated: bool) -> int:
    """A misspelt place after "in"/"near"...: "in Califronia", "in Nwe York"."""
    pair = i + 1 < len(tokens) and tokens[i].text[:1].isupper() and tokens[i + 1].text[:1].isupper()
    for span in (2, 1) if pair else (1,):
        phrase = " ".join(t.text for t in tokens[i : i + span])
        found = fuzzy_place(phrase)
        if found:
            add_unique(slots.exclude_locations if negated else slots.locations, found)
            return span
    return 0


# Kinds of business no industry of the taxonomy names: searched as keywords, whole.
_BUSINESS_KINDS = frozenset(
    "salon barbershop laundromat florist pawnshop parlor parlour spa medspa".split()
)


def _flush(
    tokens: list[Token],
    pending: list[int],
    slots: Slots,
    *,
    company_noun: bool,
    negated: bool = False,
) -> None:
    """Unknown words right before "companies"/"startups" describe the companies: keywords
    (companies so described and left out: see ``_left_out``)."""
    if not pending:
        return
    while company_noun and pending and tokens[pending[0]].key in _ASKING_VERBS:
        pending.pop(0)  # "only include companies with 50-250 employees": no description
    if not pending:
        return
    # "hair salon owners", "barbershop owners": a kind of business no industry names is the
    # keyword, with the words that say which kind
    company_noun = company_noun or tokens[pending[-1]].key in _BUSINESS_KINDS
    words = [tokens[j].text for j in pending]
    if tokens[pending[-1]].key in _BUSINESS_KINDS:
        words[-1] = tokens[pending[-1]].key  # "med spas": the med spa
    before = tokens[pending[0] - 1].key if pending[0] else ""
    # "engineers at Google": a capitalised name after "at" is the company (keywords match names).
    named = before in ("at", "@") and all(w[:1].isupper() or w[:1].isdigit() for w in words)
    if before in _FIRMS_AFTER and len(words) == 1 and _PLURAL_ACRONYM.fullmatch(words[0]):
        words = [words[0][:-1]]  # "at DSOs": a kind of company in trade shorthand, the DSO
    acronym = (
        len(words) == 1
        and words[0].isupper()
        and 2 <= len(words[0]) <= 6
        and words[0] not in _NOT_KEYWORDS
    )
    # "in Seoul", "in Hong Kong": a capitalised name where a place belongs, that no gazetteer
    # entry matches. Never dropped silently: named in the reply.
    place_like = before in ("in", "from", "across", "near", "around", "throughout") and all(
        w[:1].isupper() and w.isalpha() for w in words
    )
    if place_like and not company_noun:
        add_unique(slots.unknown_places, [" ".join(words)])
    elif not company_noun and _names_left_out(tokens, pending):
        # "leave out ASOS and Boohoo", "skip Acme": companies by name, left out (no filter
        # expresses it; said in the reply, never a keyword they must match)
        add_unique(slots.unsupported, ["exclude_companies"])
    elif (negated and company_noun) or _terse_exclusion(tokens, pending):
        _left_out(tokens, pending, words, slots)
    elif company_noun or named or acronym or _kind_after_companies_in(tokens, pending):
        add_unique(slots.keywords, [" ".join(_KEYWORD_CASE.get(w.lower(), w) for w in words)])
        nxt = pending[-1] + 1
        if (
            company_noun
            and " ".join(words).lower() in MEDICAL_SPECIALTIES
            and nxt < len(tokens)
            and tokens[nxt].key in _PRACTICE_NOUNS
        ):
            add_unique(slots.industries, ["Medical Practice"])  # "orthopedic groups"
    else:
        slots.unknown.extend(w for w in words if not _terse_place(w, slots))
    pending.clear()


def _kind_after_companies_in(tokens: list[Token], pending: list[int]) -> bool:
    """ "at companies in foodstuff", "firms in widgets": the kind of business, in English words
    (a word in another language, "empresas en alimentación", is left to ask about)."""
    first = pending[0]
    return (
        first >= 2
        and tokens[first - 1].key == "in"
        and tokens[first - 2].key in COMPANY_NOUN_KEYS
        and all(tokens[j].text.isascii() and tokens[j].text.islower() for j in pending)
        and not any(tokens[j].key in _PLACE_NOUNS for j in pending)
    )


# "companies in tier 1 cities", "firms in rural areas", "in downtown Chicago": where, not what
_PLACE_NOUNS = frozenset(
    "city town area region country state market metro location place suburb county province "
    "district capital hub downtown uptown midtown central greater north south east west northern "
    "southern eastern western rural urban suburban inner outer coastal the".split()
)


# Words around a terse exclusion ("and no ortho please").
_AROUND_TERSE = frozenset("and but also plus oh ok okay so please pls thanks".split())
_TERSE_NO = frozenset({"no", "not", "without", "excluding", "exclude", "minus"})
_NO_IDIOMS = frozenset(
    "worries worry problem problems prob probs rush hurry need idea way sure yet really thanks "
    "thank doubt kidding clue matter biggie bother pressure luck change longer less one offense "
    "offence joke wonder comment comments question questions preference deal quite exactly bad "
    "great good now today later again either necessarily much many more big".split()
)


def _terse_exclusion(tokens: list[Token], pending: list[int]) -> bool:
    """ "no ortho", "and without chiro please": a follow-up that only leaves out the companies
    words describe (what a search by those words would be), said without "companies"."""
    k = pending[0] - 1
    if k < 0 or tokens[k].key not in _TERSE_NO or len(pending) > 3:
        return False
    if any(tokens[j].key in _NO_IDIOMS or tokens[j].key in STOPWORDS for j in pending):
        return False  # "no worries", "not sure", "no rush": nothing left out
    rest = [*tokens[:k], *tokens[pending[-1] + 1 :]]
    return all(t.key in _AROUND_TERSE for t in rest)


_LEAVE_OUT = frozenset("skip skipping exclude excluding except minus without".split())
_NAME_JOINERS = frozenset({"and", "or", "&", "+", "/"})


def _names_left_out(tokens: list[Token], pending: list[int]) -> bool:
    """Capitalised names right after "skip", "exclude", "leave out" (and the names listed with
    them): "leave out ASOS and Boohoo", "skip Cegeka and NRB"."""
    if not all(tokens[j].text[:1].isupper() for j in pending):
        return False
    k = pending[0] - 1
    while k >= 0 and (tokens[k].key in _NAME_JOINERS or tokens[k].text[:1].isupper()):
        k -= 1
    if k < 0:
        return False
    key = tokens[k].key
    return key in _LEAVE_OUT or (
        key == "out" and k > 0 and tokens[k - 1].key in ("leave", "leaving")
    )


def _left_out(tokens: list[Token], pending: list[int], words: list[str], slots: Slots) -> None:
    """ "but not crypto companies": companies a word describes, left out, which no filter
    expresses (never a keyword they must have); "not the tiny yoga studios, only gyms with more
    than 50 employees": a size word with them says what the size filter already says."""
    before = tokens[pending[0] - 1].key if pending[0] else ""
    if before in SIZE_KEYS and slots.employees is not None:
        return
    add_unique(slots.excluded_keywords, [" ".join(words)])


def _terse_place(word: str, slots: Slots) -> bool:
    """A word nothing else reads, in a message that names no place yet, that is a misspelt
    place ("office mgrs law firms chicgo", "Pheonix: partners"): terse requests drop the "in".
    Only when no place was read, so that one stray word never adds a second place."""
    if slots.locations or slots.company_locations or len(word) < 5 or not word.isalpha():
        return False
    found = fuzzy_place(word)
    if found:
        add_unique(slots.locations, found)
    return bool(found)
