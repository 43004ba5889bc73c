"""Job titles: normalise a title to (seniority, department) and match searched titles.

Titles are compared in a canonical token form where synonyms collapse to one token
("Chief Executive Officer" and "CEO" are both ``ceo``; "Vice President" is ``vp``) and filler
words ("of", "the", "&", punctuation) vanish, so "VP, Sales", "VP of Sales" and
"Vice President - Sales" are all ``vp sales``. A searched title matches a title whose tokens
contain the searched tokens as a contiguous run, unless the run is only a modifier of another
role ("Assistant to the CEO", "CEO's Assistant", "Deputy General Counsel").
"""

from __future__ import annotations

import re
from functools import lru_cache

from lexi.prospects.taxonomy import SECTOR_OF

# Multi-word phrases replaced by one canonical token, longest first.
_PHRASES: list[tuple[str, str]] = [
    ("sales development rep", "sdr"),
    ("business development rep", "bdr"),
    ("chief information security officer", "ciso"),
    ("chief human resources officer", "chro"),
    ("chief executive officer", "ceo"),
    ("chief technology officer", "cto"),
    ("chief technical officer", "cto"),
    ("chief financial officer", "cfo"),
    ("chief operating officer", "coo"),
    ("chief operations officer", "coo"),
    ("chief marketing officer", "cmo"),
    ("chief revenue officer", "cro"),
    ("chief information officer", "cio"),
    ("chief product officer", "cpo"),
    ("chief people officer", "chro"),
    ("chief hr officer", "chro"),
    ("chief legal officer", "clo"),
    ("chief medical officer", "chief_medical_officer"),
    ("chief nursing officer", "cno"),
    ("chief medical information officer", "cmio"),
    ("chief risk officer", "chief_risk_officer"),
    ("chief data officer", "cdo"),
    ("chief executive", "ceo"),
    ("senior vice president", "senior vp"),
    ("executive vice president", "executive vp"),
    ("assistant vice president", "assistant vp"),
    ("vice president", "vp"),
    ("general counsel", "gc"),
    ("human resources", "hr"),
    ("business development", "bizdev"),
    ("revenue operations", "revops"),
    ("sales operations", "salesops"),
    ("marketing operations", "marketingops"),
    ("people operations", "hr operations"),
    ("machine learning", "ml"),
    ("artificial intelligence", "ai"),
    ("account executive", "ae"),
    ("sales representative", "sales rep"),
    ("co founder", "cofounder"),
    ("co owner", "coowner"),
    ("managing director", "managing_director"),
    ("executive director", "executive_director"),
    ("general manager", "general_manager"),
    # Roles named "partner" that are not partners of a firm: "HR Business Partner",
    # "People Partner", "Channel Partner Manager", "Partner Marketing Manager".
    ("business partner", "business_partner"),
    ("hr partner", "hr_partner"),
    ("talent acquisition partner", "talent_partner"),
    ("talent partner", "talent_partner"),
    ("channel partner", "channel_partner"),
    ("partner marketing", "partner_marketing"),
    # "Head of E-Commerce", "Head of Ecommerce", "eCom Manager": one function
    ("e commerce", "ecommerce"),
    # "F&B Director" is the "Food and Beverage Director" ("&" is read as "and")
    ("f and b", "food and beverage"),
    ("chief of police", "police chief"),
    ("chair of the board", "board chair"),
]
_TOKEN_ALIASES = {
    "svp": "senior vp",
    "evp": "executive vp",
    "avp": "assistant vp",
    "sr": "senior",
    "jr": "junior",
    "mgr": "manager",
    "dir": "director",
    "eng": "engineering",
    "engr": "engineer",
    "founding": "founding",
    "cofounder": "cofounder",
    "md": "managing_director",
    "hr": "hr",
    "it": "it",
    "bd": "bizdev",
    "gm": "general_manager",
    "people": "hr",
    "qa": "quality assurance",
    "representative": "rep",
    "representatives": "rep",
    "reps": "rep",
    "vpe": "vp engineering",
    "rev": "revenue",
    # Shorthand of pasted and typed titles: "Dir. of Mktg", "Acct Mgr", "Proj Mgr".
    "mktg": "marketing",
    "mkt": "marketing",
    "mktng": "marketing",
    "mgmt": "management",
    "acct": "account",
    "acctg": "accounting",
    "proj": "project",
    "cust": "customer",
    "ecom": "ecommerce",
}
_FILLER = {"of", "the", "and", "for", "a", "an", "in", "at"}
# A match preceded by one of these is about someone else's role ("Assistant to the CEO").
_NEGATIVE_BEFORE = {"assistant", "deputy", "associate", "to", "vp", "former", "ex", "acting"}
_NEGATIVE_AFTER = {"assistant", "office", "staff", "support"}

# A searched word that also means related roles ("Founder" finds "Co-Founder").
_QUERY_ALTERNATIVES: dict[tuple[str, ...], list[tuple[str, ...]]] = {
    ("founder",): [("founder",), ("cofounder",), ("founding", "partner")],
    ("gc",): [("gc",), ("clo",)],
    ("owner",): [("owner",), ("coowner",)],
    ("partner",): [("partner",), ("managing", "partner"), ("founding", "partner")],
}


def _split(text: str) -> list[str]:
    text = text.lower().replace("&", " and ").replace("co-", "co ")
    text = re.sub(r"[’`]", "'", text)
    text = re.sub(r"'s\b", "_s", text)
    return re.findall(r"[a-z0-9_+#]+", text)


# British spellings of title words, matched as the American ones: "Head of Localisation" is
# "Head of Localization", "Organisational Development" is "Organizational Development".
_BRITISH = re.compile(r"^(\w{3,}i)s(ation(?:al|s)?|ational)$")


@lru_cache(maxsize=65536)
def canonical_tokens(title: str) -> tuple[str, ...]:
    """The canonical token form of a title ("VP of Sales" → ``("vp", "sales")``)."""
    words = []
    for w in _split(title):
        if "isation" in w:
            w = _BRITISH.sub(r"\1z\2", w)
        words.extend(_TOKEN_ALIASES.get(w, w).split())
    text = " " + " ".join(words) + " "
    for phrase, token in _PHRASES:
        if phrase in text:
            text = text.replace(" " + phrase + " ", " " + token + " ")
    tokens = [t for t in text.split() if t not in _FILLER]
    return tuple(tokens)


# The rungs a role noun names; "Head of HR" is whoever heads HR.
_RUNGS = ("vp", "head", "director", "manager", "lead")
_LEADER_RUNGS = ("vp", "head", "director")
# The officer who heads a department, for "head of <department>".
_DEPARTMENT_OFFICER = {
    "hr": "chro",
    "marketing": "cmo",
    "finance": "cfo",
    "legal": "clo",
    "operations": "coo",
    "product": "cpo",
    "revenue": "cro",
    "security": "ciso",
    "it": "cio",
    "data": "cdo",
}


def _word_orders(tokens: tuple[str, ...]) -> list[tuple[str, ...]]:
    """ "Sales Manager" and "Manager of Sales" name the same job: both word orders."""
    if len(tokens) < 2:
        return [tokens]
    if tokens[0] in _RUNGS and tokens[1] not in _RUNGS:
        return [tokens, (*tokens[1:], tokens[0])]
    if tokens[-1] in _RUNGS and tokens[-2] not in _RUNGS:
        return [tokens, (tokens[-1], *tokens[:-1])]
    return [tokens]


def query_variants(query: str) -> list[tuple[str, ...]]:
    """Every token form a searched title matches: synonyms, both word orders, and for
    "Head of <function>" the function's leaders (its officer, VPs, heads and directors)."""
    tokens = canonical_tokens(query)
    if not tokens:
        return []
    if tokens in _QUERY_ALTERNATIVES:
        return _QUERY_ALTERNATIVES[tokens]
    if tokens[-1] == "head" and len(tokens) > 1:
        tokens = ("head", *tokens[:-1])  # "Marketing Head" is "Head of Marketing"
    if tokens[0] == "head" and len(tokens) > 1:
        function = tokens[1:]
        out: list[tuple[str, ...]] = []
        for rung in _LEADER_RUNGS:
            for variant in _word_orders((*rung.split(), *function)):
                if variant not in out:
                    out.append(variant)
        officer = _DEPARTMENT_OFFICER.get(" ".join(function))
        if officer:
            out.append((officer,))
        return out
    return _word_orders(tokens)


def match_kind(title_tokens: tuple[str, ...], variants: list[tuple[str, ...]]) -> int | None:
    """0 for an exact match, 1 for a contained match, None for no match."""
    best: int | None = None
    for q in variants:
        if title_tokens == q:
            return 0
        n = len(q)
        for i in range(len(title_tokens) - n + 1):
            if title_tokens[i : i + n] != q:
                continue
            before = title_tokens[i - 1] if i else ""
            after = title_tokens[i + n] if i + n < len(title_tokens) else ""
            if before in _NEGATIVE_BEFORE or after in _NEGATIVE_AFTER or after.endswith("_s"):
                continue
            best = 1
            break
    return best


# --- normalisation -------------------------------------------------------------------------

_C_SUITE = {
    "ceo",
    "cto",
    "cfo",
    "coo",
    "cmo",
    "cro",
    "cio",
    "ciso",
    "cpo",
    "chro",
    "clo",
    "cno",
    "cdo",
    "chief_medical_officer",
    "cmio",
    "chief_risk_officer",
    "gc",
    "managing_director",
    "executive_director",
    "president",
    "chairman",
    "chair",
    "chairwoman",
}
_SENIORITY_ORDER = [
    ("intern", {"intern", "internship", "trainee", "apprentice", "werkstudent"}),
    ("owner", {"owner", "coowner", "proprietor"}),
    ("founder", {"founder", "cofounder", "founding"}),
    ("c_suite", _C_SUITE | {"chief"}),
    ("partner", {"partner"}),
    ("vp", {"vp"}),
    ("head", {"head"}),
    ("director", {"director", "dean", "principal_director", "general_manager"}),
    ("manager", {"manager", "supervisor", "superintendent", "foreman", "administrator_manager"}),
    (
        "senior",
        {
            "senior",
            "lead",
            "principal",
            "staff",
            "attorney",
            "lawyer",
            "counsel",
            "physician",
            "professor",
            "architect",
            "specialist_senior",
            "surgeon",
            "pharmacist",
            "consultant_senior",
            "business_partner",
            "hr_partner",
            "talent_partner",
        },
    ),
]
_DEPARTMENTS: list[tuple[str, set[str]]] = [
    (
        "legal",
        {
            "legal",
            "counsel",
            "gc",
            "clo",
            "attorney",
            "lawyer",
            "paralegal",
            "litigation",
            "compliance",
            "solicitor",
            "barrister",
            "notary",
            "contracts",
            "associate_attorney",
        },
    ),
    (
        "information_technology",
        {
            "it",
            "cio",
            "ciso",
            "security",
            "network",
            "helpdesk",
            "systems",
            "infrastructure",
            "sysadmin",
            "cybersecurity",
        },
    ),
    (
        "engineering",
        {
            "engineer",
            "engineering",
            "developer",
            "software",
            "devops",
            "sre",
            "cto",
            "qa",
            "data",
            "scientist",
            "machine",
            "ml",
            "frontend",
            "backend",
            "fullstack",
            "firmware",
            "mechanical",
            "electrical",
            "technical",
            "technology",
        },
    ),
    ("product", {"product", "cpo"}),
    ("design", {"design", "designer", "ux", "ui", "creative", "art", "illustrator"}),
    (
        "customer_success",
        {
            "customer",
            "support",
            "client",
            "success",
            "service",
            "onboarding",
            "implementation",
        },
    ),
    (
        "sales",
        {
            "sales",
            "bizdev",
            "account",
            "cro",
            "sdr",
            "bdr",
            "ae",
            "rep",
            "revops",
            "salesops",
            "revenue",
            "partnerships",
            "alliances",
            "channel_partner",
            "broker",
            "agent",
            "relationship",
            "loan",
            "underwriter",
            "realtor",
        },
    ),
    (
        "marketing",
        {
            "marketing",
            "cmo",
            "growth",
            "brand",
            "content",
            "seo",
            "communications",
            "pr",
            "demand",
            "social",
            "digital",
            "events",
            "partner_marketing",
            "fundraising",
            "development_officer",
        },
    ),
    (
        "finance",
        {
            "finance",
            "financial",
            "cfo",
            "accountant",
            "accounting",
            "controller",
            "audit",
            "auditor",
            "tax",
            "treasury",
            "bookkeeper",
            "investment",
            "portfolio",
            "analyst_finance",
            "actuary",
            "payroll",
            "fp",
            "chief_risk_officer",
            "risk",
            "credit",
            "banker",
        },
    ),
    (
        "human_resources",
        {
            "hr",
            "chro",
            "people",
            "talent",
            "recruiter",
            "recruiting",
            "recruitment",
            "benefits",
            "learning",
            "hr_partner",
            "talent_partner",
        },
    ),
    (
        "operations",
        {
            "operations",
            "coo",
            "logistics",
            "supply",
            "procurement",
            "purchasing",
            "facilities",
            "plant",
            "warehouse",
            "office",
            "project",
            "program",
            "administrator",
            "administrative",
            "production",
            "quality",
            "fleet",
            "dispatcher",
            "store",
            "shift",
            "nurse",
            "nursing",
            "cno",
            "physician",
            "clinical",
            "medical",
            "chief_medical_officer",
            "cmio",
            "teacher",
            "professor",
            "principal_school",
            "instructor",
            "pharmacist",
            "surgeon",
            "therapist",
        },
    ),
    (
        "executive",
        {
            "ceo",
            "president",
            "founder",
            "cofounder",
            "owner",
            "coowner",
            "managing_director",
            "executive_director",
            "general_manager",
            "chairman",
            "chair",
            "board",
            "partner",
        },
    ),
]
_INDUSTRY_DEFAULT_DEPARTMENT = {
    "Legal": "legal",
    "Finance": "finance",
    "Healthcare": "operations",
    "Education": "operations",
}


@lru_cache(maxsize=65536)
def normalize(title: str, industry: str | None = None) -> tuple[str, str]:
    """(seniority, department) for a job title; ``industry`` breaks ties ("Partner" at a law firm).

    Founder and owner rank above C-suite ("CEO & Co-Founder" is a founder), as sales tools do.
    """
    tokens = canonical_tokens(title)
    if "to" in tokens:
        # "Assistant to the CEO" is the assistant's role, not the CEO's.
        tokens = tokens[: tokens.index("to")]
    tokens = tuple(t for t in tokens if not t.endswith("_s")) or ("other",)
    token_set = set(tokens)
    seniority = "entry"
    for level, words in _SENIORITY_ORDER:
        if token_set & words:
            seniority = level
            break
    if seniority == "c_suite" and "chief" in token_set and not (token_set & _C_SUITE):
        # "Chief of Staff" and similar: senior, not an officer.
        seniority = "senior" if "staff" in token_set else "c_suite"
    if seniority == "owner" and token_set & {"product", "process", "business"}:
        seniority = "senior"
    if seniority == "partner" and "manager" in token_set:
        seniority = "manager"
    if seniority == "senior" and "junior" in token_set:
        seniority = "entry"
    if tokens[:1] == ("associate",) and "attorney" not in token_set and seniority == "senior":
        seniority = "entry"
    department = "other"
    sector = SECTOR_OF.get(industry or "")
    for dept, words in _DEPARTMENTS:
        if token_set & words:
            department = dept
            break
    if (
        department == "executive"
        and seniority in ("partner",)
        and sector in _INDUSTRY_DEFAULT_DEPARTMENT
    ):
        if "managing" not in token_set and "founding" not in token_set:
            department = _INDUSTRY_DEFAULT_DEPARTMENT[sector]
    if department == "other" and sector in _INDUSTRY_DEFAULT_DEPARTMENT:
        department = _INDUSTRY_DEFAULT_DEPARTMENT[sector]
    if department == "other" and seniority in ("owner", "founder", "c_suite"):
        department = "executive"
    return seniority, department
