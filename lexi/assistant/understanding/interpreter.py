"""The rule interpreter: clauses first, then one intent per clause, in the order written.

What a clause means is decided by the recognisers (``recognisers.py``), asked in the order of
their priorities (``registry.py``); this module prepares the message, splits it into clauses
and tidies the intents they produced.
"""

from __future__ import annotations

import copy
import functools
import itertools
import logging
import re
from typing import Any

from rapidfuzz.distance import OSA

from lexi.errors import LexiError, ValidationFailed
from lexi.prospects.filters import ProspectFilters

from . import (  # noqa: F401  (recognisers: registers the built-ins)
    campaigns,
    commands,
    dictation,
    fields,
    list_admin,
    mixed,
    patterns,
    prefilter,
    recognisers,
    takebacks,
)
from .corrections import corrected, said_instead
from .fields import QuotedTitle, title_form
from .languages import looks_foreign
from .lexicon import TECHNOLOGY_SPELLING, data_file
from .places import unquote_places
from .purpose import without_examples, without_glosses, without_purpose
from .questions import clarify
from .recall import recall
from .registry import REGISTRY, Clause, Message, RecogniserRegistry, Running
from .remarks import without_remarks
from .scanner import chiefs_glossed, extract
from .search import DEFAULT_LIMIT
from .signals import MONTH_NAMES
from .slots import INDUSTRY_KEYS, ROLE_KEYS
from .text import (
    COUNT_WORD,
    QUOTED,
    boolean_to_plain,
    norm_key,
    pipes_as_commas,
    protect_quotes,
    split_clauses,
)
from .types import ConversationState, Intent, IntentKind, Interpretation

log = logging.getLogger("lexi.understanding")

# Longer messages are cut for understanding (the whole text is still stored and echoed).
MAX_UNDERSTOOD_CHARS = 2000
# A message is a request, not a batch job: at most this many clauses are read.
MAX_CLAUSES = 12
_SPACE = re.compile(r"\s+")
# "I'm a recruiter, looking for ...", "I run a small agency and want to ...": the user
# describing themselves is not a constraint on the people they want. Every alternative starts
# with one of the words of ``_ABOUT_ME_WORDS`` (see ``_without_about_me``).
_ABOUT_ME = re.compile(
    # "mention we're A-rated": what the email should say about the sender, not a self-introduction
    r"(?<!\bmention\s)(?<!\bmentioning\s)(?<!\bsay\s)(?<!\bsaying\s)(?<!\bnote\s)(?<!\bstress\s)"
    # ("who were a guest on ...": "were" after "who" is no "we're")
    r"(?<!\bwho\s)(?<!\bthat\s)(?<!\bwhich\s)(?<!\bthey\s)"
    r"(?:\b(?:i'?m|i\s+am|we'?re|we\s+are)\s+(?:a|an|in|at|with|from|the|new)\b(?!-)[^,.;!?]*?"
    r"(?=\s+and\s+|[,.;:!?]|\s[\u2014\u2013-]\s|$)"
    # "I am owner of franchise of coding camp for kids": who is writing, not whom they seek
    r"|\b(?:i'?m|i\s+am|we'?re|we\s+are)\s+(?:the\s+)?(?:owner|founder|co-?founder|ceo|head|director|"
    r"manager|partner)\s+(?:of|at)\b[^,.;!?]*?(?=[,.;:!?]|$)"
    # "we are relocation company in Amsterdam": a self-introduction without its article
    r"|\b(?:i'?m|i\s+am|we'?re|we\s+are)\s+(?:\w+\s+){0,3}?(?:company|agency|firm|startup|consultancy|"
    r"business|provider|vendor|team|partner|reseller|distributor|manufacturer|integrator|supplier|"
    r"maker|producer|platform|studio|lab|laboratory|practice|clinic|shop|brand|school|nonprofit|"
    r"charity|organi[sz]ation|distributor|wholesaler|installer|contractor)\b[^,.;!?]*?(?=\s+and\s+|[,.;:!?]|$)"
    r"|\b(?:i|we)\s+(?:run|own|work\s+(?:at|for|in)|sell\s+for)\b[^,.;!?]*?(?=\s+and\s+|[,.;!?]|$)"
    # ", we do document review and paralegal support.": what the user's company does
    r"|(?<=[,.;]\s)we\s+(?:do|make|build|provide|offer|manufacture|produce)\s+(?!not\b|need\b|want\b)"
    r"[^.;!?]*?(?=[.;!?]|$)"
    # "Need a list for my sales guy.": whom the list is for
    r"|^\W*(?:i\s+)?need\s+(?:a|some|new)\s+(?:list|leads|prospects)\s+for\s+(?:my|our)\s+[\w\s'-]{1,30}?(?=[.;!?])"
    r"|\b(?:i'?m|i\s+am|we'?re|we\s+are)\s+(?:preparing|getting\s+ready|planning)\s+for\b[^,.;!?]*)",
    re.IGNORECASE,
)
# The word each match of ``_ABOUT_ME`` starts with: "I'm", "I am", "im", "we're", "were", "we
# are", "I run", "we sell".
_ABOUT_ME_WORDS = frozenset({"i", "im", "we", "were", "need"})
_WORD = re.compile(r"\w+")


def _without_about_me(text: str) -> str:
    """The text without the user's description of themselves. A text (in ASCII, where case and
    word boundaries are plain) that has none of the words a description starts with is not
    searched: the pattern's lookbehinds, tried at every position, are its costly part."""
    if text.isascii() and _ABOUT_ME_WORDS.isdisjoint(_WORD.findall(text.lower())):
        return text
    return _ABOUT_ME.sub(" ", text)


# "drop the chros, talent acquisition directors instead": the new value in place of the dropped
# one, said as "talent acquisition directors instead of chros"; the others stay.
_DROP_THEN_INSTEAD = re.compile(
    r"^(?P<lead>\W*(?:(?:nah|no|nope|ok(?:ay)?|actually|hm+|wait|so)\W+)*)"
    r"(?:drop|remove|lose|ditch|scrap|bin|axe|nix|no\s+more)\s+(?:the\s+)?(?P<old>[^,;.]+?)\s*[,;.]\s*"
    r"(?:and\s+|but\s+)?(?:(?:add\s+|get\s+|use\s+|go\s+with\s+|give\s+me\s+|show\s+)?(?:the\s+)?"
    r"(?P<new>[^,;.]+?)\s+instead|"
    # "scrap scotland, try dublin, galway and cork": what to try in its place, "instead" unsaid
    r"(?:try|go\s+with|switch\s+to|swap\s+(?:in|to))\s+(?:the\s+)?(?P<tried>.+?)(?:\s+instead)?|"
    # "drop london, uk wide": the wider place in its place
    r"(?:(?:make\s+it|go)\s+)?(?P<wide>[^,;.]+?)[\s-]+wide)"
    r"(?:\W+(?:please|pls|thanks|thx|ta|cheers))*\W*$",
    re.IGNORECASE,
)
# "instead of CFOs, controllers and VPs of finance": said the other way round, "<new> instead
# of <old>".
_INSTEAD_OF_FIRST = re.compile(
    r"^(?P<lead>\W*(?:(?:ok(?:ay)?|so|and|actually|hm+|no|nah|but)\W+)*)"
    r"(?:instead\s+of|rather\s+than|in\s+place\s+of)\s+(?:the\s+)?(?P<old>[^,;.:]+?)\s*(?:[,;:\u2014\u2013]|\s-)\s*"
    r"(?:(?:please|pls)\s+)?(?:(?:give\s+me|show\s+me|get|find|use|go\s+with|try|let'?s\s+do)\s+)?"
    r"(?P<new>[^,;.]+?)(?:\W+(?:please|pls|thanks|thx))*\W*$",
    re.IGNORECASE,
)
# Typed fast: the few misspellings and chat shorthand that change what a message asks.
_TYPOS = {
    "verifyed": "verified",
    "verfied": "verified",
    "varified": "verified",
    "verifed": "verified",
    "undr": "under",
    "mngr": "manager",
    "mngrs": "managers",
    "manger": "manager",
    "mangers": "managers",
    "sles": "sales",
    "crdts": "credits",
    "credts": "credits",
    "cedits": "credits",
    "slaes": "sales",
    "nxt": "next",
    "mor": "more",
    "nvm": "never mind",
    "hirng": "hiring",
    "hirin": "hiring",
    "hireing": "hiring",
    "hiering": "hiring",
    "aprove": "approve",
    "approv": "approve",
    "pls": "please",
    "plz": "please",
    "wat": "what",
    "wht": "what",
    "abt": "about",
    "yr": "year",
    "yrs": "years",
    "wk": "week",
    "wks": "weeks",
    "sav": "save",
    "remov": "remove",
    "hw many": "how many",
    "hw much": "how much",
    "tmrw": "tomorrow",
    "tmr": "tomorrow",
    "wich": "which",
    "whcih": "which",
}
# Misspellings of the words of actions ("casul", "lanch", "allready"): data, read with the rest.
_TYPOS.update(data_file("typos.toml")["words"])
# "excl. events companies": the dot of an abbreviation spelled out below goes with it
_ABBREVIATED_DOT = re.compile(r"(?<=\bexcl)\.|(?<=\bExcl)\.")
_TYPO = prefilter.compile(r"\b(?:" + "|".join(_TYPOS) + r")\b", re.IGNORECASE)
# Construction shorthand for superintendents ("super" alone stays a word); not inside a name
# written in capitals ("a list called TX Supers").
# "who have their head office in the Netherlands", "the employer's head office": the
# headquarters (a British word for it); "companies with their seat in Switzerland", "whose
# registered seat is in Austria": a company's seat (its legal home, as German and French say it)
# where a place follows.
_HEAD_OFFICE = prefilter.compile(
    r"\b(their|its|the|a|whose|with|her|his|\w+'s)\s+(?:head[\s-]offices?\b|"
    r"(?:registered\s+|company\s+|main\s+|legal\s+)?seats?(?=\s+(?:is\s+|are\s+)?(?:in|at)\b))",
    re.IGNORECASE,
)
# "sv to q1 leads": save, before "to"/"into" only ("SV" alone is Silicon Valley).
_SV = re.compile(r"^\W*sv(?=\s+(?:to|into|in|on)\b)", re.IGNORECASE)
_SUPERS = prefilter.compile(r"(?<![A-Z]\w\s)(?<![A-Z]\w\w\s)\b[Ss]upers\b")
# The operating room before its staff ("OR dirs", "need OR managers"), not a boolean OR between
# two terms ("CEO OR Director").
_OR_ROOM = prefilter.compile(
    r"(?P<before>(?:^|[,;:+(/&]|\b(?:and|need|find|get|pull|want|show|the|all|some|\d+))\s*)"
    r"OR(?=\s+(?:dirs?|directors?|mgrs?|managers?|mngrs?|nurses?|nursing|staff|supervisors?|"
    r"schedulers?|educators?|leaders?)\b)"
)
# "supers at GCs", "commercial GCs", "chief estimators. GCs.": where companies go, a GC is a
# general contractor; "GCs at fintechs" stay general counsel.
_GC_FIRMS = prefilter.compile(
    r"(?P<pre>\b(?:at|for|with|from|among|across|of|by|commercial|residential|local|regional|"
    r"mid-?sized?|large|small|top|union|non-?union)\s+(?:the\s+)?"
    # "at family owned gcs", "at utah gcs" (not "CFOs at banks and GCs": people again; not "for
    # UT GCs 50-200": a list's name)
    r"(?:(?!(?:and|or|plus|but|not)\b)(?-i:[a-z])[\w-]*\s+){0,2}?)GCs?\b"
    r"(?!\s*(?:at|of|for)\b)(?!\s+(?-i:[A-Z]))"  # "GC Outreach": a name
    r"|(?P<alone>[.;]\s*)GCs?(?=\s*(?:[.;]|$))",
    re.IGNORECASE,
)


# "estimators @ GCs", "VP supply chain @IDNs": "@" between words is "at" (an email address has
# no space before it).
_AT_SIGN = re.compile(r"(?<=\w)\s+@\s*(?=[A-Za-z])")


# "would you mind merging X into Y?", "do you mind exporting it": the polite request is the verb.
_MIND_DOING = re.compile(
    r"\b(?:would|do|could)\s+(?:you|u)\s+mind\s+(?:(?:just|also|quickly)\s+)?(?P<verb>[a-z]+ing)\b",
    re.IGNORECASE,
)
_GERUNDS = {
    "merging": "merge", "combining": "combine", "renaming": "rename", "deleting": "delete",
    "removing": "remove", "exporting": "export", "downloading": "download", "adding": "add",
    "saving": "save", "putting": "put", "creating": "create", "making": "make",
    "finding": "find", "searching": "search", "pulling": "pull", "getting": "get",
    "drafting": "draft", "writing": "write", "starting": "start", "launching": "launch",
    "pausing": "pause", "showing": "show", "sending": "send", "changing": "change",
    "approving": "approve", "cancelling": "cancel", "canceling": "cancel", "dismissing": "dismiss",
    "rewriting": "rewrite", "looking": "look", "moving": "move", "copying": "copy",
}  # fmt: skip


def _mind_doing(m: re.Match[str]) -> str:
    verb = _GERUNDS.get(m["verb"].lower())
    return f"please {verb}" if verb else m[0]


def _gc_firms(m: re.Match[str]) -> str:
    return f"{m['pre'] or m['alone']}general contractors"


def _general_contractors(text: str) -> str:
    text = _GC_FIRMS.sub(_gc_firms, text)
    if ("GC" in text or "gcs" in text) and _BUILDING_TRADE.search(text):
        text = _GC_ANYWHERE.sub(r"\g<pre>general contractors", text)
    return text


# Where builders are the subject (estimators, precon, supers, subs, Procore), "GCs" are the
# general contractors wherever they stand ("Chief Estimator - GCs - Tampa", "only GCs on
# procore"), not general counsel.
_BUILDING_TRADE = prefilter.compile(
    r"\b(?:estimat(?:ors?|ing)|pre-?con(?:struction)?|superintendents?|supers|subcontractors?|subs|"
    r"procore|bluebeam|buildertrend|forem[ae]n|project\s+executives?|construction)\b",
    re.IGNORECASE,
)
_GC_ANYWHERE = re.compile(
    r"(?P<pre>(?:^|[,;:|(\u2013-])\s*|\b(?:only|and|or|at|for|from|of|the|all)\s+)"
    r"(?:GCs?|gcs)\b(?!\s*(?:at|of|for)\b)(?!\s+[A-Z0-9])"  # ("Houston GCs", "GC Pipeline": names)
)


# "excludng Illinois", "exluding banks", "excluidng": a word one typo away from "excluding"
# ("exclude", "excluded") is that word, so what follows is excluded.
_EXCLUDE_FORMS = ("excluding", "exclude", "excluded")
_EX_WORD = re.compile(r"\b[Ee][XxCc][A-Za-z]{3,8}\b")


def _exclude_typo(m: re.Match[str]) -> str:
    word = m[0].lower()
    if word in _EXCLUDE_FORMS:
        return m[0]
    return next((form for form in _EXCLUDE_FORMS if OSA.distance(word, form) <= 1), m[0])


# "an casinos to": "and casinos too" typed fast, a follow-up adding one kind of company (an
# article before a plural is no article, "to" ending the message no preposition).
_AND_TOO = re.compile(
    r"^\W*(?:(?P<an>an)|and)\s+(?P<what>[^\W\d]{2,}s)(?:\s+(?P<to>to)|\s+too)?\W*$", re.IGNORECASE
)


# "bigger as 200 people", "revenue more as 10M": "than", as a Dutch or German speaker says it.
_COMPARED_AS = re.compile(
    r"\b(bigger|larger|more|greater|smaller|less|fewer|higher|lower)\s+as\s+(?=[$\u20ac\u00a3]?\s?\d)",
    re.IGNORECASE,
)
# "$10.000.000", "\u20ac5.000", "1.000 employees": thousands grouped with dots, as much of Europe
# writes them.
_DOTTED_THOUSANDS = re.compile(
    r"(?<![\d.,])\d{1,3}(?:\.\d{3}){2,}(?![\d.,]?\d)"
    r"|(?<=[$\u20ac\u00a3])\s?\d{1,3}\.\d{3}(?![\d.,]?\d)"
    r"|(?<![\d.,$])\d{1,3}\.\d{3}(?=\s*(?:employees|staff|people|persons|workers|ftes?)\b)",
    re.IGNORECASE,
)


# "ok approve lah", "what lists do I have ah", "can or not": the particles of Singapore and
# Malaysian English add nothing to read
_ENDING_PARTICLES = (
    "ah",
    "meh",
    "hor",
    "can or not",
    "or not",
    "mate",
    "bro",
    "dude",
    "buddy",
    "boss",
    "fam",
)
_PARTICLES = prefilter.compile(
    r"\s*,?\s*\b(?:lah|leh|lor)\b|\s*,?\s*\b(?:"
    + "|".join(p.replace(" ", r"\s+") for p in _ENDING_PARTICLES)
    + r")\s*(?=[?!.]*\s*$)",
    re.IGNORECASE,
)
# The Cantonese "la" ending a sentence or a part of it, in lower case and after no word that
# a place follows ("in la" is Los Angeles)
_LA_PARTICLE = re.compile(
    r"(?<!\bin)(?<!\bnear)(?<!\bat)(?<!\bfrom)(?<!\bto)(?<!\bof)(?<!\band)(?<!\bor)(?<!\baround)"
    r"(?<!\bacross)(?<!\boutside)(?<!\bexcept)(?<!\bnot)(?<!\bbut)(?<!,)\s+la\b(?=\s*(?:[,!?.;]|$))"
)
_KINDLY = re.compile(r"\bkindly\b", re.IGNORECASE)


def _la_particle(m: re.Match[str]) -> str:
    """The particle dropped, unless a role or an industry comes right before it: "cmo ecom la"
    is a terse search in Los Angeles."""
    before = m.string[: m.start()].split()
    if not before or norm_key(before[-1]) in ROLE_KEYS or norm_key(before[-1]) in INDUSTRY_KEYS:
        return m[0]
    return ""


_PARTICLE_ENDS = tuple(f" {p}" for p in _ENDING_PARTICLES)
# The verdicts "to" is typed for "too" before ("is to long", "way to formal")
_TOO_ADJECTIVES = (
    r"(?:long|short|formal|casual|salesy|pushy|wordy|stiff|generic|many|few|vague|aggressive)"
)
_TOO_WORDS = re.compile(rf"\b{_TOO_ADJECTIVES}\b", re.IGNORECASE)


def _may_have_particles(text: str) -> bool:
    low = text.lower()
    return (
        "lah" in low or "leh" in low or "lor" in low or low.rstrip(" ?!.").endswith(_PARTICLE_ENDS)
    )


_GRUDGING_LEAD = re.compile(
    r"(?:fine|whatever|alright|all\s+right)\s*[,.!\u2014-]+\s*(?=\S)", re.IGNORECASE
)
_PLUS_BETWEEN_WORDS = re.compile(r"(?<=[A-Za-z])\s+\+\s+(?=[A-Za-z])")
# "at cities in North Carolina", "@ counties in ohio": the local governments, not places
_TOWNS = r"(?:cities|counties|towns|townships|munis|municipalities)"
_AT_TOWNS = re.compile(rf"\b(at|for|from)\s+{_TOWNS}\b", re.IGNORECASE)
_TOWN_WORDS = re.compile(_TOWNS, re.IGNORECASE)
# "CEO OR MD", "CFO/MD": the managing director, a title beside another (not Maryland)
_OR_MD = re.compile(
    r"\b((?:C[A-Z]{1,2}O|CEO|President|Founder|Owner|GM)s?\s*(?:OR|or|/|and|&))\s*MDs?\b"
)
# "2nd email is to long", "way to formal": "too", typed with one o
_TO_FOR_TOO = prefilter.compile(
    r"\b(is|are|was|way|bit|little|kinda|much|far|its|it's|sounds|feels|looks|seems)\s+to\s+"
    rf"(?={_TOO_ADJECTIVES}\b)",
    re.IGNORECASE,
)


# "a revenue superior to 1 billion": more than (as French and Spanish say it)
_SUPERIOR_TO = re.compile(r"\b(superior|inferior)\s+(?:to|at)\b", re.IGNORECASE)
# "100 million US dollars", "US$ 5m": the currency, not the country
_US_DOLLARS = re.compile(r"\b(?:US|U\.S\.)\s*(?=\$|dollars?\b|dollar\b)", re.IGNORECASE)


_USD = re.compile(r"(?<=[\dkKmMbBn])\s*\bUSD\b", re.IGNORECASE)
_CONDITION = r"(?:condition|filter|criterion|requirement|restriction|constraint|limit)"
_THE_CONDITION_OF = re.compile(
    r"\b(remove|drop|take\s+off|delete|lift|cancel|clear)\s+the\s+"
    rf"{_CONDITION}\s+(?:of|on|for|about|with|that)\s+",
    re.IGNORECASE,
)
_CONDITION_WORDS = re.compile(_CONDITION, re.IGNORECASE)
_UNTIL_N = re.compile(
    r"(?<!\d\s)(?<!\d)\b(?:until|hasta|at\u00e9|ate|jusqu'?\u00e0|bis\s+zu)\s+"
    r"(?=\d[\d,.]*\s*(?:k\s*)?[a-z]*\s*(?:employees|staff|people|collaborators|workers|"
    r"funcion\w+|empleados|colaboradores|trabajadores|mitarbeiter\w*|medewerkers|salari\w+|employ\w+))",
    re.IGNORECASE,
)
_UNTIL_WORDS = ("until", "hasta", "at\u00e9", " ate ", "jusqu", "bis zu")
_TIER = re.compile(
    r"\btier[\s-]*(?:[1-3]|one|two|three|i{1,3})\s+(?=(?:cities|towns|markets|metros|locations|areas)\b)",
    re.IGNORECASE,
)


_SPACED_THOUSANDS = re.compile(r"(?<![\d,.])\d{1,3}(?: \d{3})+(?![\d,.]?\d)")
_AS_A_REQUIREMENT = re.compile(
    r"\s+as\s+(?:a|an)\s+(?:(?:hard|must-have|must)\s+)?(?:requirement|criterion|criteria|filter|must)\b",
    re.IGNORECASE,
)


def _numbers_as_written_elsewhere(text: str) -> str:
    if " as " in text or " As " in text:
        text = _COMPARED_AS.sub(r"\1 than ", text)
    if "erior" in text:
        text = _SUPERIOR_TO.sub(lambda m: "more than" if m[1][0] in "sS" else "less than", text)
    if "$" in text or "ollar" in text:
        text = _US_DOLLARS.sub("", text)
    if "USD" in text or "usd" in text:
        text = _USD.sub("", text)  # "between $5M and $50M USD"
    if "ier" in text and "tier" in text.lower():
        text = _TIER.sub("", text)  # "in Tier 1 cities i.e. Mumbai, ...": no count
    if "the " in text and _CONDITION_WORDS.search(text):
        text = _THE_CONDITION_OF.sub(r"\1 ", text)  # "remove the condition of verified email"
    if any(word in text for word in _UNTIL_WORDS):
        text = _UNTIL_N.sub("up to ", text)  # "companies until 500 employees" (hasta, até)
    if "." in text:
        text = _DOTTED_THOUSANDS.sub(lambda m: m[0].replace(".", ""), text)
    if " 000" in text:
        text = _SPACED_THOUSANDS.sub(lambda m: m[0].replace(" ", ""), text)  # "5 000 employees"
    if "requirement" in text or "criteri" in text:
        text = _AS_A_REQUIREMENT.sub("", text)  # "add Workday as a requirement"
    return text


# "the 1s", "those 1s": the ones, in chat shorthand (not "1st", "1s and 0s")
_THE_ONES = re.compile(r"\b(the|tha|da|those|these)\s+1s\b", re.IGNORECASE)


def _chat_shorthand(text: str) -> str:
    """ "only the 1s with verified email", "treasurers in Hong Kong la": the ones, and the
    Cantonese particle dropped."""
    if "1s" in text:
        text = _THE_ONES.sub(r"\1 ones", text)
    if " la" in text:
        text = _LA_PARTICLE.sub(_la_particle, text)
    return text


def _typed_fast(text: str) -> str:
    """Typos and chat shorthand spelled out: "verfied", "@ GCs", "supers", "OR dirs"."""
    if "xcl." in text:
        text = _ABBREVIATED_DOT.sub("", text)
    text = _TYPO.sub(lambda m: _TYPOS[m[0].lower()], text)
    if text[:3].lower() in ("an ", "and") and (m := _AND_TOO.match(text)) and (m["an"] or m["to"]):
        text = f"and {m['what']} too"
    if "ex" in text or "Ex" in text or "ec" in text:
        text = _EX_WORD.sub(_exclude_typo, text)
    if "mind" in text:
        text = _MIND_DOING.sub(_mind_doing, text)
    if "@" in text:
        text = _AT_SIGN.sub(" at ", text)
    text = _general_contractors(text)
    text = _SUPERS.sub("superintendents", text)
    text = _chat_shorthand(text)
    text = _SV.sub("save", text)
    text = _HEAD_OFFICE.sub(r"\1 headquarters", text)
    text = _numbers_as_written_elsewhere(text)
    if " to " in text and _TOO_WORDS.search(text):
        text = _TO_FOR_TOO.sub(r"\1 too ", text)
    if _may_have_particles(text):
        text = _PARTICLES.sub("", text)
    if text[:1] in "FfWwAa" and (m := _GRUDGING_LEAD.match(text)):
        text = text[m.end() :]  # "fine, companies with 500+ employees then"
    if " + " in text:
        text = _PLUS_BETWEEN_WORDS.sub(" and ", text)  # "fleet managers + directors of ..."
    if " at " in text and _TOWN_WORDS.search(text):
        text = _AT_TOWNS.sub(r"\1 local governments", text)  # "HR directors at cities in Ohio"
    if "MD" in text:
        text = _OR_MD.sub(r"\1 Managing Director", text)  # "CEO OR MD at fintechs"
        text = _THE_MD.sub(r"\1 Managing Director ", text)  # "who's the MD at John Mitchell"
    if "indly" in text:
        text = _KINDLY.sub("please", text)  # "Kindly delete the list ...": please
    text = _OR_ROOM.sub(r"\g<before>operating room", text)
    for guards, pattern, replacement in _SAID_OTHER_WAYS:
        if any(g in text for g in guards):
            text = pattern.sub(replacement, text)
    return text


_PART_OF_A_STATE = re.compile(
    r"\b((?:west|east|north|south)ern|central|upstate|downstate)\s+(?-i:([A-Z]{2}))\b",
    re.IGNORECASE,
)


def _part_of_a_state(m: re.Match[str]) -> str:
    from lexi import geo

    name = geo.region_name("US", m[2])
    if name == "New York":
        name = "New York State"  # (not the city)
    return f"{m[1]} {name}" if name else m[0]


_FROM_N_UP = re.compile(
    r"\bfrom\s+(\d[\d,.]*k?)\s+(employees|staff|people|ppl|emps?|ee|fte)\s+"
    r"(?:upwards?|onwards?|and\s+up|and\s+above)\b",
    re.IGNORECASE,
)
_RESULTS_REMARK = re.compile(
    r"^\W*(?:(?:lol|lmao|wow|ugh|hm+|meh|yikes|oof|whoa|only|just|welp|damn)\W+)+\d+\s+(?:results?|hits)\b\W*[.!?]+\s*",
    re.IGNORECASE,
)
# "hmm only a few. drop the hiring thing", "take the PE part back off, too few": how many the
# search found, said by the way (not "only a few CFOs", a count)
_TOO_FEW_REMARK = re.compile(
    r"^\W*(?:(?:hm+|ugh|meh|oof|ok(?:ay)?|welp|oh|aw+|damn|wow)\W+)*(?:(?:that'?s|thats|it'?s|only|just|"
    r"way|very)\s+)*(?:a\s+few|too\s+few|too\s+many|few|not\s+(?:enough|many|much))"
    r"(?:\s+(?:results?|people|hits|matches|there))?\s*[.!?]+\s*(?=\S)"
    r"|\s*[,;\u2014\u2013]\s*(?:(?:that'?s|thats|it'?s|way|only|just|very)\s+)*(?:too\s+(?:few|many|narrow|broad)|"
    r"a\s+few|not\s+enough|not\s+many)(?:\s+(?:results?|people|hits|matches|left|there))?\W*$",
    re.IGNORECASE,
)
_BOSS_CALLED = re.compile(
    r"^\W*boss\s*[,!]\s*|(?<=\bthanks)\s+boss\b|(?<=\bthank\syou)\s+boss\b", re.IGNORECASE
)
_HOW_THE_CAMPAIGN = re.compile(
    r"\bhow\s+(the|my|our|that)\s+campaign\s+(doing|going)\b", re.IGNORECASE
)
_LEAVE_OUT_OTHER = re.compile(
    r"\b(leave\s+out|exclude|excluding|skip|drop|remove|no|not|without)\s+(?:any\s+|the\s+)?other\s+(?!than\b)",
    re.IGNORECASE,
)
_FIXING_TO = re.compile(r"\b(?:i'?m\s+|we'?re\s+)?fixin[g']?\s+to\s+", re.IGNORECASE)
# "verified only svp", "page 3 svp", "export it as a csv stp": French for please, typed in lower
# case after what is asked (not "VP or SVP", "svp of sales", "SVPs in Boston": the rung)
_FRENCH_PLEASE = re.compile(
    r"(?<![&/+])(?<!\bor\s)(?<!\band\s)(?<!\bvp\s)(?<!\ban\s)(?<!\bthe\s)(?<!\ba\s)(?<!,\s)"
    r"(?<!\bfind\s)(?<!\bget\s)(?<!\bme\s)(?<!\ball\s)(?<!\bany\s)(?<!\bsenior\s)"
    r"(?<=\S\s)(?-i:svp|stp|s'il\s+(?:vous|te)\s+pla[iî]t)(?=\s*(?:[.!?,;]|$))",
    re.IGNORECASE,
)
# "those → Carolinas Q1", "→ VA Health Sys HR", "all -> Key Accts": the people found, put on
# the list the arrow points at
_ARROW_TO_LIST = re.compile(
    r"^\W*(?:(?:those|these|them|em|all|everyone|all\s+of\s+(?:them|those|these))\s+)?"
    r"(?:too\s+|also\s+|as\s+well\s+)?(?:\u2192|->|=>|\u21d2)\s*(?=[^\W\d])",
    re.IGNORECASE,
)
# "-charlotte", "eh back to all GA. -atlanta": a place or value struck off with a minus sign
_MINUS_SIGN = re.compile(r"(?:^|(?<=[\s,.;]))[-\u2212](?=[^\W\d])")
# "same to be saved in Pune Auto HR list": "the same" are the people just found (Indian English)
_SAME_TO_BE = re.compile(
    r"\b(?:the\s+)?same\s+(?:to|may|can|should|must)\s+be\s+(?:saved|added|put|moved|kept)\s+(?:in|into|to|on)\b",
    re.IGNORECASE,
)
# "bump the revenue floor to $20M", "set the headcount cap at 500": a bound of the size or the
# revenue set again, said as the bound it is
_BOUND_SET = re.compile(
    r"\b(?:(?:bump|raise|lift|set|make|change|move|up|increase|lower|drop|reduce|put)\s+)?(?:the\s+|my\s+)?"
    r"(revenue|rev|arr|sales|headcount|employees?|employee\s+count|staff|size|company\s+size)\s+"
    r"(?:(floor|minimum|min|lower\s+bound)|ceiling|maximum|max|cap|upper\s+bound)\s+(?:to|at|of|=)?\s*(?=\$?\d)",
    re.IGNORECASE,
)


def _bound_set(m: re.Match[str]) -> str:
    return f"{m[1]} {'at least' if m[2] else 'at most'} "


# "Fleet Managers in place of the Risk Managers": instead of them
_IN_PLACE_OF = re.compile(r"\bin\s+place\s+of\b", re.IGNORECASE)
# "Take the Samsara bit back off": the value of a filter, taken away
_TAKE_VALUE_OFF = re.compile(
    r"\btake\s+(?:the|that|this)\s+([^\W\d][\w&.-]*(?:\s+[^\W\d][\w&.-]*){0,2}?)\s+"
    r"(?:bit|part|stuff|filter|thing|one|requirement)\s+(?:back\s+)?(?:off|out)\b",
    re.IGNORECASE,
)
_NIX = re.compile(r"\bnix\b(?=\s+(?:the\s+|that\s+|those\s+)?\w)", re.IGNORECASE)
# "bin the splunk bit", "axe Leeds": British ways of saying "drop", first in a clause (not
# "recycling bin makers"; "bin it", "bin that" are left to the approvals; "chuck them in" adds)
_BIN = re.compile(
    r"(?:^|(?<=[,;.!?])\s*)(?P<lead>\W*(?:(?:ok(?:ay)?|right|and|also|oh|actually|just|pls|please)\W+)*)"
    r"(?:bin|axe)\s+(?!(?:it|that|this|them|those|these)\W*$)(?![^,;.!?]*\blists?\b)(?=\w)",
    re.IGNORECASE,
)
_FOR_THE_AVOIDANCE = re.compile(
    r"\s*,?\s*\bfor\s+the\s+avoidance\s+of\s+(?:any\s+)?doubt\b\s*,?\s*", re.IGNORECASE
)
_SPECIFICALLY = re.compile(
    r"(,|;|:)?\s*\b(?:(?:and\s+)?(?:more\s+)?specifically|namely)\b\s*[,:]?\s*", re.IGNORECASE
)
_CREDITS_AND_TASKS = re.compile(
    r"\b(credits?|balance)\s*(?:\+|&|and)\s+(?=(?:anything|whatever|what|any|all)\b[^.?!]*"
    r"\b(?:pending|to\s+approve|waiting)\b)",
    re.IGNORECASE,
)
_DROP_THOSE_NAMED = re.compile(
    r"^(?P<lead>(?:[^,.;:]*[,:]\s*)?)(?P<things>(?-i:[A-Z])[^,.;]*?(?:\s+(?:and|&)\s+(?-i:[A-Z])[^,.;]*?)+)\s+"
    r"(?:are|is|seem|look)\b[^.;]*?[,;]?\s+so\s+(?:(?:please|kindly|just)\s+)?"
    r"(?P<verb>drop|remove|exclude|skip|leave\s+out|take\s+out)\s+(?:those|these|both|them)"
    r"(?:\s+(?:two|three|2|3))?(?:\s+of\s+them)?\W*$",
    re.IGNORECASE,
)


# "heads of content at saas companies 50-500 employees. go": "go" said last starts the search;
# it is the Go language only in a list of technologies ("rust, python, go").
_GO_SAID_LAST = re.compile(r"(?P<before>\S+)\s*(?P<sep>[,.!]|\s-)\s*(?-i:go)\W*$", re.IGNORECASE)


def _go_said_last(m: re.Match[str]) -> str:
    if m["sep"] == "," and m["before"].lower().strip(".,") in TECHNOLOGY_SPELLING:
        return m[0]
    return m["before"] + ("." if m["sep"] != "," else "")


# "drop OK": the state taken away (listed with other states it is read as one already).
_OK_THE_STATE = re.compile(
    r"\b((?i:drop|remove|exclude|excluding|without|minus|except|skip|lose|ditch))\s+OK\b"
)
# Role codes said in capitals only ("EMs", "DONs"; "30 of em" is "them"), and "SWEs".
_ROLE_CODES = re.compile(
    r"\b(?-i:EMs?|DONs?|ADONs?)\b(?!\s+(?-i:[A-Z])|\s+(?i:physicians?|doctors?|docs?|residency|residents?|nurses?|"
    r"departments?|dept|groups?|physician\s+groups?))|\b(?i:swes?)\b",
)
_ROLE_CODE_WORDS = {
    "em": "engineering manager",
    "ems": "engineering managers",
    "don": "director of nursing",
    "dons": "directors of nursing",
    "adon": "assistant director of nursing",
    "adons": "assistant directors of nursing",
    "swe": "software engineer",
    "swes": "software engineers",
}


def _role_code(m: re.Match[str]) -> str:
    return _ROLE_CODE_WORDS[m[0].lower()]


# A range written with a tilde, as in East Asian usage: "50~500", "200～1000".
_TILDE_RANGE = re.compile(r"(\d[\d,.]*[kKmM]?)\s*[~\uff5e]\s*(?=\d)(\d)")
# The word order of a French, Italian or German speaker: "who speak also french", "companies
# which use also SAP", "how is going the campaign?".
_VERB_ALSO = re.compile(r"\b(speaks?|uses?|sells?|runs?|offers?|works?)\s+also\b", re.IGNORECASE)
_GOING_FIRST = re.compile(
    r"\b(how\s+(?:is|are))\s+(going|doing|performing)\s+((?:the|my|our|this|that|these|those|(?=campaign))(?:\s*[\w'-]+){1,6}?)"
    r"(?=\s*(?:[?.!,]|$|so\s+far|now|until\s+now))",
    re.IGNORECASE,
)

_HOW_IT_GOES = re.compile(r"\bhow\s+it\s+go(?:es|ing)\b", re.IGNORECASE)

# "show me the mails again", "the second mail is too pushy", "write a mail to the DRH": "mail"
# for email, as many non-native speakers say it (not "mail order", "the mail room").
_MAIL_FOR_EMAIL = re.compile(
    r"\b((?:a|an|the|this|that|these|those|my|our|your|each|every|first|second|third|fourth|"
    r"last|final|next|1st|2nd|3rd|4th|follow[\s-]?up|intro|cold|short|new)\s+)mail(s?)\b"
    r"(?![-/&]|\s*(?:order|room|carriers?|compan\w*|services?|houses?|marketing|box(?:es)?|merge|"
    r"servers?|shops?|cent(?:er|re)s?|handling|processing|fulfil\w*|distribution|delivery|sorting|"
    r"and\s+parcel|&\s+parcel|clerks?|managers?|directors?|supervisors?|operators?)\b)",
    re.IGNORECASE,
)


def _email_for_mail(m: re.Match[str]) -> str:
    before = m[1]
    if before.strip().lower() == "a":
        before = before.replace("a", "an", 1).replace("A", "An", 1)
    return f"{before}email{m[2]}"


# "sub-$25M rev", "sub 500 employee companies": under the amount.
_SUB_AMOUNT = re.compile(r"\bsub[\s-]?(?=[$\u20ac\u00a3]?\d)", re.IGNORECASE)
# "cap it at 75 employees": a most, said of the size (of results alone it is the count).
_CAP_AT = re.compile(
    r"\bcap(?:ped)?\s+(?:it|them|this|that|the\s+(?:size|headcount|companies|search))?\s*at\s+"
    r"(?=[\d,.]+\s*[kK]?\s*(?:employees|people|staff|ppl|heads|headcount|fte|emp)\b)",
    re.IGNORECASE,
)
# Indian numbering: "1 lakh employees" is 100,000, "2.5 crore" 25,000,000.
# Counts of people only: an amount in crores is rupees, which no filter reads.
_LAKH_CRORE = re.compile(
    r"\b(\d+(?:\.\d+)?)\s*(lakhs?|lacs?|crores?|cr)\s*\+?\s*(?=(?:employees|people|staff|workers|"
    r"headcount|ppl|fte|emp|members|pax)\b)",
    re.IGNORECASE,
)


def _lakh_crore(m: re.Match[str]) -> str:
    factor = 100_000 if m[2].lower().startswith("la") else 10_000_000
    return f"{round(float(m[1]) * factor):,} "


# "got a 15k sf sublease", "need 20,000 sq ft": floor space, which counts no people.
_FLOOR_SPACE = re.compile(
    r"\b\d[\d,.]*\s*[kK]?\s*(?:sf|sq\.?\s*ft\.?|sqft|square\s+f(?:ee|oo)t|sq\.?\s*m|sqm|m2|m\u00b2|"
    r"square\s+met(?:er|re)s?)(?!\w)",
    re.IGNORECASE,
)
# "MD/CEO", "CEO / MD": next to another top title, MD is the managing director, not Maryland.
_MD_WITH_A_TITLE = re.compile(
    r"\b(?-i:MD)\s*/\s*(?=(?:ceo|president|founder|owner|gm|coo|cfo|chairman)\b)"
    r"|\b(ceo|president|founder|owner|gm|coo|cfo)\s*/\s*(?-i:MD)\b",
    re.IGNORECASE,
)


def _md_with_a_title(m: re.Match[str]) -> str:
    return f"{m[1]} / Managing Director" if m[1] else "Managing Director / "


# "about to run a big pull", "a huge week": a size said of something other than companies.
_SIZE_OF_A_TASK = re.compile(
    r"\b(?:big|huge|large|massive|giant)\s+(?=(?:pull|search|export|batch|run|job|campaign|push|week|"
    r"day|month|quarter|deal|fan|ask|favou?r|thanks|help)s?\b)",
    re.IGNORECASE,
)
# "the Big Four", "big 4 firms": one name, never a count of four.
_BIG_FOUR = re.compile(r"\b(big)\s+(four|4|three|3)\b", re.IGNORECASE)
# "use the employees, more than 500", "headcount: over 200": the size's bound said after its noun.
_SIZE_THEN_BOUND = re.compile(
    r"\b(?:employees|employee\s+count|headcount|staff)\s*[,:]?\s*((?:more|less|fewer)\s+than|over|under|"
    r"above|below|at\s+least|at\s+most|min(?:imum)?|max(?:imum)?)\s+(\d[\d,.]*\s*[kK]?\+?)(?!\s*[%\w])",
    re.IGNORECASE,
)


def _size_then_bound(m: re.Match[str]) -> str:
    if re.search(r"\d\s*[kKmM]?\s*$", m.string[: m.start()]):
        return m[0]  # "fewer than 1k employees, more than 100": the noun has its number
    return f"{m[1]} {m[2]} employees"


# Employees in the languages users mix in ("1.000-5.000 medewerkers", "200 bis 1000
# Mitarbeiter"), with a dot or a space as the thousands separator.
_EMPLOYEES_ABROAD = re.compile(
    r"\b(?:medewerkers|werknemers|mitarbeiter(?:innen)?|mitarbeitende|besch\u00e4ftigte|employ\u00e9s|"
    r"salari\u00e9s|empleados|trabajadores|funcion\u00e1rios|colaboradores|dipendenti|anst\u00e4llda|ansatte|"
    r"pracownik\u00f3w|zamestnanc\u016f)\b",
    re.IGNORECASE,
)
# "200 bis 1000 employees", "50 a 200 empleados", "10 tot 50": a range said with the word for "to".
_RANGE_WORD = re.compile(
    r"\b(\d[\d,.]*)\s+(?:bis|tot|til|till|a|\u00e0|at\u00e9|until|upto)\s+(?=\d[\d,.]*\s*employees\b)",
    re.IGNORECASE,
)
# "also regular real estate companies, not just commercial": what is added, and that the old
# value stays (said again, it adds nothing)
_NOT_JUST_THE_OLD = re.compile(
    r"^(?P<head>[^,;]{2,60}?)\s*[,;]\s*not\s+(?:just|only)\s+(?:the\s+)?(?P<old>[\w&' -]{1,40}?)\W*$",
    re.IGNORECASE,
)
_ADDS = re.compile(r"^\W*(?:also|and|plus)\b|\b(?:too|as\s+well)\b", re.IGNORECASE)
_WIDENS = re.compile(
    r"\b(?:whole|entire|all\s+of|widen|expand|extend|broaden|across|rest\s+of)\b", re.IGNORECASE
)


def _not_just_the_old(m: re.Match[str]) -> str:
    """ "also Manchester, not just London": Manchester as well; "do the whole Triangle, not just
    Raleigh": the wider place in place of the old one; "CFOs, not just CEOs": CFOs as well."""
    head = m["head"]
    if _WIDENS.search(head):
        return f"{head} instead of {m['old']}"
    return head if _ADDS.search(head) else f"also {head}"


# "200 to 1,000.": the full stop after a number ends the sentence, it is no decimal point
_STOP_AFTER_A_NUMBER = re.compile(r"(?<=\d)\.(?:\s*$|(?=\s))")


def _stop_after_a_number(m: re.Match[str]) -> str:
    return "" if m.end() == len(m.string) else " ."


# "only companies bigger then 50 people": "than", typed as it sounds
_THEN_FOR_THAN = re.compile(
    r"\b(bigger|smaller|larger|greater|fewer|older|newer|higher|lower)\s+then\b", re.IGNORECASE
)
# "it's well out of date": an idiom, no list anything is taken out of
_OUT_OF_IDIOM = re.compile(r"\bout\s+of\s+(date|touch|stock|business|hand|scope)\b", re.IGNORECASE)
# "deputy and associate general counsel", "assistant and deputy principals": two ranks of one
# title, each a title of its own
_RANK = r"(?:deputy|associate|assistant|senior|junior|sr\.?|jr\.?|lead|staff|executive|regional|area|district)"
_RANKS_OF_ONE_TITLE = re.compile(
    rf"\b(?P<a>{_RANK})\s*(?:and|&|or|/)\s*(?P<b>{_RANK})\s+"
    r"(?P<title>[a-z][\w&-]*(?:\s+(?!(?:at|in|from|with|for|who|that|and|or|near|across|on|to|too|please)\b)"
    r"[a-z][\w&-]*){0,3})",
    re.IGNORECASE,
)
# "throw columbia sc and greenville sc in there", "chuck vps in the mix": added to the search
_THROW_IN_THERE = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|and|also|oh|yeah|pls|please)\W+)*(?:throw|chuck|toss|stick|pop)\s+"
    r"(?!(?:them|em|'em|these|those|it|all)\b)(?P<what>[^,;.!?]{2,60}?)\s+in\s+(?:there|the\s+mix|too)\W*$",
    re.IGNORECASE,
)
# "macon too", "greenville sc as well": a place in lower case added to the search
_LOWER_PLACE_TOO = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|and|also|oh|yeah)\W+)*(?P<what>(?-i:[a-z])[a-z .'-]{2,40}?)\s+(?:too|as\s+well)\W*$",
    re.IGNORECASE,
)


def _lower_place_too(m: re.Match[str]) -> str:
    from lexi import geo

    what = m["what"].strip()
    head, _, code = what.rpartition(" ")
    if head and len(code) == 2:
        what = f"{head}, {code.upper()}"  # "greenville sc": Greenville, SC
    try:
        geo.parse_location(what)
    except (geo.UnknownPlace, ValueError, KeyError):
        return m[0]
    return f"add {what} too"


# "Please take away the staffing and recruitment companies": remove them
_TAKE_AWAY = re.compile(r"\btake\s+away\s+(?=(?:the|all|any|those|these)\b)", re.IGNORECASE)
# "maybe smaller companies, till 200 employees": at most that many
_TILL_N = re.compile(
    r"\b(?:till|til|until|upto)\s+(?=\d[\d,.]*\s*k?\s*(?:employees|people|staff|ppl|headcount)\b)",
    re.IGNORECASE,
)
# "create a list with this people": these people, as non-native English has it
_THIS_PEOPLE = re.compile(
    r"\bthis\s+(people|persons|contacts|leads|prospects|ones|guys|folks|companies)\b", re.IGNORECASE
)
# "exclude people I already save before", "only company who raise money this year", "company
# total raise more than 30 million": a verb said without its past tense, as learners of English
# often do, where only the past makes sense
_PAST = {"save": "saved", "add": "added", "contact": "contacted", "email": "emailed",
         "export": "exported", "raise": "raised"}  # fmt: skip
_BARE_PAST = re.compile(
    r"\b(already\s+)(save|add|contact|email|export)\b"
    r"|\b((?:i|we)\s+)(save|add|contact|email|export)\b(?=(?:\s+(?:them|these|those|it|\w+)){0,3}\s+"
    r"(?:before|already|yesterday|last\s+(?:week|month|time|year)))"
    r"|\b((?:who|that|which|total|totally)\s+)(raise)\b(?=\s+(?:money|funding|capital|a\b|an\b|their|series|seed|"
    r"\$|\d|more|over|at\s+least|less|under|between))",
    re.IGNORECASE,
)


def _past(m: re.Match[str]) -> str:
    lead = m[1] or m[3] or m[5]
    verb = m[2] or m[4] or m[6]
    return lead + _PAST[verb.lower()]


# "ok lets try HR directors at biotech companies": the next search, "try" no part of the role.
_LETS_TRY = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|so|and|hm+|alright)\W+)*(?:let'?s|lets|let\s+me)\s+try\s+", re.IGNORECASE
)
# "swap to COO can?", "can filter by fleet size or not?", "can or not": a question's tag, no
# words of the request.
_CAN_OR_NOT = re.compile(
    r"(?:\s*,?\s+(?:can|can\s+or\s+not|or\s+not|can\s+anot)(?:\s+(?:ah|lah|leh|one))?)(?=\s*\?*\s*$)",
    re.IGNORECASE,
)
# "can export VN Exporters to csv?", "can tell me which ...": the question without its "you".
_CAN_WITHOUT_YOU = re.compile(
    r"(?:^|(?<=[,.!?]\s))(\W*(?:(?:morning|hi|hey|hello|ok|so|also|and|hmm+)\W+(?:lexi\W+)?)*"
    r"can)\s+(?=(?:filter|search|find|export|tell|show|give|send|pull|get|save|add|make|"
    r"delete|remove|check|do|help|run|start|pause|draft|write|list|look|see|put|use|move|"
    r"rename|merge|change|switch|swap|sort|limit|exclude|include)\b)",
    re.IGNORECASE,
)
# "seed round closed in 2026", "Series A round announced this year": the round raised then.
_ROUND_CLOSED = re.compile(
    r"(?:\bwhose\s+)?\b((?:pre[\s-]?)?seed|series\s+[a-f])(?:\s+round)?\s+(?:was\s+)?(?:closed|announced)\b",
    re.IGNORECASE,
)
# "new campaign -> DevEx Heads, topic: ...": a campaign for that list.
_CAMPAIGN_ARROW = re.compile(r"\b(campaign)\s*(?:->|\u2192|=>)\s*", re.IGNORECASE)
# "new campaign for DevEx Heads, topic: our portal": what the campaign is about.
_TOPIC_FIELD = re.compile(r"\s*[,;]?\s*\btopic\s*:\s*", re.IGNORECASE)
# "+ tech:Pulumi": a field added to the search.
_PLUS_FIELD = re.compile(r"^\W*\+\s*(?=[a-z_]+:)", re.IGNORECASE)
# "ls lists", "rm everyone @ Datadog from Observability ICP": shell words for show and remove.
_SHELL_VERBS = re.compile(r"^\s*(ls|rm)\b(?=\s+\S)")


def _shell_verb(m: re.Match[str]) -> str:
    return "show" if m[1] == "ls" else "remove"


# "find 20 founders of IT services cos in austin, new list Austin MSP Founders": what was found
# goes to that new list.
_COMMA_NEW_LIST = re.compile(r"(?<=\w),\s+new\s+list\b(?=\s+\S)", re.IGNORECASE)
# "can i get RevOps Targets as a csv?": the list exported.
_GET_AS_FILE = re.compile(
    r"^\W*(?:(?:can|could|may)\s+(?:i|we)\s+(?:please\s+)?(?:get|have|download|grab)|"
    r"(?:i\s+)?(?:need|want)(?:\s+to)?(?:\s+(?:download|export|get))?|(?:please\s+)?(?:get|send|give)\s+me)\s+(?P<what>.+?)\s+(?:as|in)\s+"
    r"(?:an?\s+)?(?:csv|excel|xlsx|spreadsheet)(?:\s+file)?\b",
    re.IGNORECASE,
)
_SHOULD_HAVE_SAID = re.compile(
    r"\b(?:i\s+)?(?:should'?ve|should\s+have|shoulda|meant\s+to\s+have|forgot\s+to\s+have)\s+"
    r"(?:said|mentioned|included|asked\s+for)\s+",
    re.IGNORECASE,
)
_NOT_ONLY = re.compile(r"\bnot\s+(?:only|just)\s+(?:in\s+)?(?=[A-Z])")
_PLUS_CREDITS = re.compile(
    r"\s+(?:plus|and\s+also|also|oh\s+and)\s+(?=how\s+many\s+credits|what'?s\s+my\s+(?:credit\s+)?balance|"
    r"how\s+much\s+(?:credit|balance))",
    re.IGNORECASE,
)
_THE_MD = re.compile(r"\b(the|an|our|their|a)\s+MD\s+(?=(?:at|of|for)\b)", re.IGNORECASE)
_PEOPLES = re.compile(r"\bpeoples\b", re.IGNORECASE)
_YEAR_DOT_MONTH = re.compile(
    r"\b((?:since|after|before|from|until|till|by)\s+)(20\d\d)[./](0?[1-9]|1[0-2])\b(?![./]\d)",
    re.IGNORECASE,
)


def _year_dot_month(m: re.Match[str]) -> str:
    return f"{m[1]}{MONTH_NAMES[int(m[3]) - 1].title()} {m[2]}"


# "make new empty list, name is 'Gaming US 2026.12'": the list called that.
_NAME_IS = re.compile(
    r"\s*,?\s+(?:the\s+|its\s+)?name\s+(?:is|should\s+be|will\s+be|=)\s*:?\s*", re.IGNORECASE
)


_ALL_LIST = re.compile(
    r"\b((?:show|see|view|list)\s+(?:me\s+)?all\s+(?:the\s+|my\s+|our\s+)?)list\b(?!\s+(?:of|called|named)\b)",
    re.IGNORECASE,
)
_JUST_USE = re.compile(r"\b(?:just\s+)?use\s+(?=(?:companies|firms|orgs|ones|employers)\b)", re.I)
_K_12 = re.compile(r"\b[Kk][\s-]12\b")
_WHILE_AT_IT = re.compile(
    r"\s*,?\s*\bwhile\s+(?:you'?re|you\s+are|we'?re|we\s+are)\s+at\s+it\b", re.I
)
_SAME_AS_THE_SEARCH = re.compile(
    r"\bsame\s+as\s+(?:the|my|that|our)\s+(?:[\w&/-]+\s+){1,3}?(?:search|one|query)\s+but\b", re.I
)
# "do you write the emails too or only find people?": a question about what Lexi does.
_OR_JUST_FIND = re.compile(
    r"^\W*(?:(?:hmm+|ok|so|and|also|quick\s+q(?:uestion)?)\W+)*(?:can|could|do|does|will)\s+(?:you|u|lexi)\s+"
    r"[^?]{3,80}?\s+or\s+(?:do\s+(?:you|u)\s+|can\s+(?:you|u)\s+)?(?:just|only)\s+find\s+"
    r"(?:people|ppl|contacts|leads|prospects|them)\W*$",
    re.I,
)
_N_FOR_AND = re.compile(r"(?<=[a-z]{3}) n (?=[a-z]{3})")
_OF_EM = re.compile(r"\b(all|each|both|some|any|\d+)\s+of\s+(?:em|'em)\b", re.IGNORECASE)
_SAVED_BEFORE = re.compile(
    r"\b(?:save|add|put|stick|store|dump|move)\s+(?:them|these|those|em|'em|it|all)(?:\s+all)?\W*$",
    re.I,
)


def _comma_new_list(m: re.Match[str]) -> str:
    """ "ok save them, new list Restaurant Groups TX": the list the saving goes to."""
    return " to new list" if _SAVED_BEFORE.search(m.string[: m.start()]) else ", save to new list"


_FOR_APPROVE = re.compile(r"\b(?:waiting\s+)?for\s+approve\b|\bwaiting\s+approve\b", re.IGNORECASE)
# How many credits are left, asked in Spanish, Portuguese, French, Italian or German.
_CREDITS_ABROAD = re.compile(
    r"\b(?:cu[aá]ntos|quantos|combien\s+de|quanti|wie\s+viele)\s+cr[eéè]dit(?:os|s|i|e)?\b"
    r"(?:\s+(?:me\s+)?(?:quedan|restan|tengo|temos|tenho|restants?|il\s+me\s+reste|ho|habe\s+ich))?",
    re.IGNORECASE,
)
# "swap London -> Manchester", "rename VPE Q4 -> VPE Q1 2027": an arrow says "to".
_ARROW_TO = re.compile(
    r"\b((?:swap|change|switch|rename|move|replace|turn)\s+[^,;.!?]{1,60}?)\s*(?:->|\u2192|=>)\s*",
    re.IGNORECASE,
)
# "pull 30 CTOs @ seed-stage SaaS -> save as new list ...": an arrow before the next step.
_ARROW_THEN = re.compile(
    r"\s*(?:->|\u2192|=>)\s*(?=(?:save|add|export|put|create|make|send|start|draft|write)\b)",
    re.IGNORECASE,
)
# "EMEA ex-UK", "ex-US", "APAC ex-China ex-India", "non-EU Europe": a place left out ("ex-Google"
# is a past employer, read elsewhere).
_EX_PLACE = re.compile(
    r"\b(?:ex|non)-(?P<place>[A-Z][\w]*(?:\s+[A-Z][a-z]\w*)?)(?:\s+(?P<then>[A-Z][\w]*))?"
)


def _ex_place(m: re.Match[str]) -> str:
    words = [*m["place"].split(), *([m["then"]] if m["then"] else [])]
    if len(words) > 1 and _names_a_place(" ".join(words[:2])):
        name, rest = " ".join(words[:2]), words[2:]
    elif _names_a_place(words[0]):
        name, rest = words[0], words[1:]
    else:
        return m[0]
    if m[0][:1] in "nN" and rest and _names_a_place(rest[0]):
        return " ".join([f"{rest[0]} excluding {name},", *rest[1:]])  # "non-EU Europe"
    return " ".join([f"excluding {name},", *rest])


def _names_a_place(name: str) -> bool:
    """A country, a state or a region of countries ("US", "California", "EU"), not a city."""
    from lexi import geo

    found = geo.lookup_all(name)
    return bool(found) and all(p.kind in ("country", "region") for p in found)


# "head of ops too junior for our deal size": what the user thinks of a role, no role asked for
# (the role judged is named before it; what replaces it, if any, after).
_TOO_RANK = re.compile(
    r"(?P<lead>^|[,.;!?]\s*)(?:(?:hmm+|hm+|ok|so|but|yeah|nah)\W+)?(?P<role>[^,.;!?]{2,40}?)?"
    r"\s*\b(?:(?:is|are|'re|seems?|feels?|looks?)\s+)?(?:way\s+|a\s+bit\s+|bit\s+|probably\s+|"
    r"prob\s+)?too\s+(?:junior|senior)\b(?:\s+for\s+(?:our|us|the|this|my|a)\b[^,.;!?]*)?",
    re.IGNORECASE,
)


def _too_rank(m: re.Match[str]) -> str:
    return f"{m['lead']}not {m['role'].strip()}" if m["role"] else m["lead"]


# "what can you actually do btw? like can you send the emails too or just find ppl": examples of
# the question about what Lexi can do, not requests.
_LIKE_CAN_YOU = re.compile(
    r"(\bwhat\s+(?:else\s+)?(?:can|could)\s+(?:you|u|lexi)\s+(?:actually\s+|really\s+|exactly\s+)?do\b[^?,]*[?,])"
    r"\s*(?:like|e\.?g\.?|for\s+example|i\s+mean)\W+(?:can|could|do|does|will|would)\s+(?:you|u|it|lexi)\b[^?]*\??",
    re.IGNORECASE,
)
# Spanish and Portuguese words in English requests: "with mais de 1000 employees", "e-commerce
# empresas", "até 200", "menos de 50".
_IBERIAN_WORDS = re.compile(
    # (not "en empresas de retail": a Spanish phrase the Iberian reading takes whole)
    r"\b(?:(mais|m\u00e1s|mas)\s+de|(menos)\s+de|(?<!\ben\s)(?<!\bem\s)(empresas?|compa\u00f1\u00edas|companhias)"
    r"(?!\s+(?:de|do|da|dos|das|del)\b))\b(?=\s)",
    re.IGNORECASE,
)


def _iberian_word(m: re.Match[str]) -> str:
    return "more than" if m[1] else "fewer than" if m[2] else "companies"


# "need 100 results thx": a count of people.
_N_RESULTS = re.compile(
    r"\b((?:need|want|give\s+me|get\s+me|pull)\s+\d[\d,]*)\s+results\b", re.IGNORECASE
)
# "email this lot about ...": the British "this lot" is them.
_THIS_LOT = re.compile(r"\b(?:this|that)\s+lot\b(?!\s+of\b)", re.IGNORECASE)
# "how many credits I have left before to save them?": the French "avant de", before I do it
_BEFORE_TO = re.compile(r"\bbefore\s+to\s+(?=[a-z]{2,}\b)", re.IGNORECASE)
# "doesn't matter how big they are": no size (a size set before is cleared), not big companies.
_HOW_BIG_NO_MATTER = re.compile(
    r"\b(?:(?:it\s+)?(?:doesn'?t|does\s+not|don'?t|do\s+not)|no)\s+matter\s+how\s+(?:big|small|large|"
    r"many\s+(?:employees|people|staff))\s+(?:they|the\s+(?:compan(?:y|ies)|firms?|groups?|businesses))"
    r"\s+(?:are|is)\b",
    re.IGNORECASE,
)
# The state written after a Brazilian or Mexican city ("Campinas-SP", "Salvador BA", "Monterrey
# NL", "Rio de Janeiro - RJ"): part of how the city is written, not a place or a keyword of its
# own (the gazetteer knows those cities by name; a US state after a US city stays).
_STATE_CODES_ABROAD = {
    "BR": frozenset(
        "AC AL AP AM BA CE DF ES GO MA MT MS MG PA PB PR PE PI RJ RN RS RO RR SC SP SE TO".split()
    ),
    "MX": frozenset(
        "AGS BC BCS CAMP CHIS CHIH CDMX COAH COL DGO EDOMEX GTO GRO HGO JAL MICH MOR NL NAY OAX PUE "
        "QRO QROO SLP SIN SON TAB TAMPS TLAX VER YUC ZAC".split()
    ),
}
_ALL_CODES_ABROAD = sorted(set().union(*_STATE_CODES_ABROAD.values()), key=len, reverse=True)
_CITY_THEN_STATE = re.compile(
    r"(?P<city>(?-i:[A-Z])[\w\u00c0-\u017f'.]*(?:\s+(?:(?:de|do|da|dos|das|del|la|los)\s+)?"
    r"(?-i:[A-Z])[\w\u00c0-\u017f'.]*){0,3})(?P<sep>\s*[-\u2013/,]\s*|\s+)"
    rf"(?P<code>(?-i:{'|'.join(_ALL_CODES_ABROAD)}))\b"
)


def _state_code_abroad(m: re.Match[str]) -> str:
    from lexi import geo

    city = m["city"]
    if city.isupper():
        return m[0]  # "SE PE CFOs": codes, not a city's name
    words = city.split()
    for start in range(len(words)):  # "in Belo Horizonte MG": the city's own words, longest first
        name = " ".join(words[start:])
        countries = {p.country for p in geo.lookup_all(name) if p.kind == "city"}
        if any(m["code"] in _STATE_CODES_ABROAD[c] for c in countries & _STATE_CODES_ABROAD.keys()):
            return city
    return m[0]


_THESE_GO_IN = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|so|and|great|cool|perfect)\W+)*(these|those|they|them|all\s+of\s+them)\s+"
    r"(?:can\s+|should\s+|need\s+to\s+)?(?:all\s+)?(?:go|belong)\s+(?:in|into|to|on)\b",
    re.IGNORECASE,
)
# Indian and Gulf English: "who all are there in X", "what all can you do", "export same".
_WHO_ALL = re.compile(
    r"\bwho\s+all(?:'s|\u2019s|\s+is|\s+are)\s+(?:there\s+)?(in|on)\b", re.IGNORECASE
)
_WHAT_ALL = re.compile(
    r"\bwhat\s+all\s+(?:can\s+)?(lexi|you|u)\s+(?:can\s+)?do\b(?:\s+for\s+(?:me|us))?",
    re.IGNORECASE,
)
_DO_FOR_A = re.compile(
    r"\bwhat\s+(?:exactly\s+)?can\s+(lexi|you|u)\s+(?:actually\s+|really\s+|exactly\s+)?do\s+for\s+"
    r"(?:a|an|my|our|me|us|someone\s+like\s+me)\b[^?.!]*",
    re.IGNORECASE,
)
_EXPORT_SAME = re.compile(
    r"\b(export|delete|rename|download|share)\s+(?:the\s+)?same\b", re.IGNORECASE
)
_GO_ON_THEN = re.compile(r"^\W*go\s+on(?:\s+then)?\s*[,.!;]+\s*(?=\w)", re.IGNORECASE)
_CAMPAIGN_TIME = re.compile(r"\bcampaign\s+time\s*[!.:,\u2014-]+\s*(?=for\b)", re.IGNORECASE)

# Phrasings spelled the way the rules read them, each tried only when one of its guard strings
# is in the message: (guards, pattern, replacement).
_SHOUTED_NOT = re.compile(
    r"\b(?:DON|DOESN|DIDN|CAN|WON|ISN|AREN|WASN|WEREN|HAVEN|HASN|SHOULDN|WOULDN|COULDN)['\u2019]T\b"
)


_SAID_OTHER_WAYS: tuple[tuple[tuple[str, ...], re.Pattern[str], Any], ...] = (
    # "that DON'T use HubSpot": a word shouted, not a Director of Nursing (before the codes)
    (("'T", "\u2019T"), _SHOUTED_NOT, lambda m: m[0].lower()),
    (("go", "Go", "GO"), _GO_SAID_LAST, _go_said_last),  # "saas cos w/ 50-200 ppl, go"
    (("OK",), _OK_THE_STATE, r"\1 Oklahoma"),  # "drop OK"
    (("EM", "DON", "swe", "SWE"), _ROLE_CODES, _role_code),  # "15 EMs", "couple DONs"
    (("~", "\uff5e"), _TILDE_RANGE, r"\1-\2"),  # "company size 50~500"
    ((" also ",), _VERB_ALSO, r"also \1"),  # "who speak also french"
    # "how is going the campaign?", "how is performing the campaign for X?"
    (("going", "doing", "performing"), _GOING_FIRST, r"\1 \3 \2"),
    # "the X campaign, how it goes?"
    (("how it go", "How it go"), _HOW_IT_GOES, "how is it going"),
    ((" before to ",), _BEFORE_TO, "before I "),  # "credits left before to save them?"
    # "HR directors in western PA": the state, said by its name as "western Pennsylvania" is
    (("ern ", "central ", "upstate ", "downstate "), _PART_OF_A_STATE, _part_of_a_state),
    # "only companies from 200 employees upward": at least that many
    (("upward", "onward", " and up", "and above"), _FROM_N_UP, r"at least \1 \2"),
    # "lol 4 results. expand to the tri-state": what the search found, said by the way
    (("result", "hits"), _RESULTS_REMARK, ""),
    (("few", "many", "enough", "narrow", "broad"), _TOO_FEW_REMARK, ""),
    # "boss, pls write campaign ...", "how the campaign doing?"
    (("boss", "Boss"), _BOSS_CALLED, ""),
    (("campaign doing", "campaign going"), _HOW_THE_CAMPAIGN, r"how is \1 campaign \2"),
    # "leave out other staffing companies": the companies like the user's own, left out
    ((" other ",), _LEAVE_OUT_OTHER, r"\1 "),
    # "fixin to build a campaign": about to, said in the South
    (("fixin", "fixing to"), _FIXING_TO, ""),
    (("svp", "stp", "s'il"), _FRENCH_PLEASE, "please"),  # "page 3 svp"
    (("same",), _SAME_TO_BE, "save them to"),  # "same to be saved in Pune Auto HR list"
    (("place of",), _IN_PLACE_OF, "instead of"),  # "Fleet Managers in place of the Risk Managers"
    (("take the", "Take the"), _TAKE_VALUE_OFF, r"drop \1"),  # "Take the Samsara bit back off"
    (
        ("floor", "min", "ceiling", "max", "cap", "bound"),
        _BOUND_SET,
        _bound_set,
    ),  # "revenue floor to $20M"
    (("\u2192", "->", "=>", "\u21d2"), _ARROW_TO_LIST, "add them to "),  # "those \u2192 Q1 Leads"
    (("-", "\u2212"), _MINUS_SIGN, "exclude "),  # "+ GA -atlanta"
    # "nix Mississippi": drop it
    (("nix", "Nix"), _NIX, "drop"),
    (("bin ", "Bin ", "axe ", "Axe "), _BIN, r"\g<lead>drop "),
    # "Exclude, for the avoidance of doubt, law firms": a phrase that adds nothing
    (("avoidance",), _FOR_THE_AVOIDANCE, " "),
    # "in-house counsel, specifically Associate General Counsel titles": the roles meant
    (("pecifically", "amely"), _SPECIFICALLY, r"\1 "),
    # "credits + anything pending?": two questions
    (("pending", "approv"), _CREDITS_AND_TASKS, r"\1? and "),
    # "Oman and Bahrain are outside the brief, so kindly drop those two": the two named
    (("those", "these", "both"), _DROP_THOSE_NAMED, r"\g<lead>\g<verb> \g<things>"),
    (
        (
            "medewerk",
            "werknem",
            "itarbeit",
            "eschäftig",
            "mploy",
            "alarié",
            "mpleado",
            "rabajador",
            "uncionár",
            "olaborador",
            "ipendent",
            "nställd",
            "nsatte",
            "racownik",
            "amestnan",
        ),
        _EMPLOYEES_ABROAD,
        "employees",
    ),  # "1.000-5.000 medewerkers"
    ((" bis ", " tot ", " til", " a ", " à ", " até ", " until ", " upto "), _RANGE_WORD, r"\1-"),
    (("til", "until", "upto"), _TILL_N, "up to "),
    (("out of ",), _OUT_OF_IDIOM, r"out-of-\1"),
    ((" then",), _THEN_FOR_THAN, r"\1 than"),
    (
        ("0.", "1.", "2.", "3.", "4.", "5.", "6.", "7.", "8.", "9."),
        _STOP_AFTER_A_NUMBER,
        _stop_after_a_number,
    ),
    (("take away", "Take away"), _TAKE_AWAY, "remove "),
    ((" in there", " in the mix", " in too"), _THROW_IN_THERE, r"add \g<what>"),
    ((" too", " as well"), _LOWER_PLACE_TOO, _lower_place_too),
    ((" and ", " & ", "/", " or "), _RANKS_OF_ONE_TITLE, r"\g<a> \g<title> and \g<b> \g<title>"),
    (("not just", "not only"), _NOT_JUST_THE_OLD, _not_just_the_old),
    (("this ", "This "), _THIS_PEOPLE, r"these \1"),
    (("save", "add", "contact", "email", "export", "raise"), _BARE_PAST, _past),
    ((" lot",), _THIS_LOT, "them"),  # "email this lot about our webinar"
    ((" results",), _N_RESULTS, r"\1 people"),  # "need 100 results"
    (
        ("mais de", "más de", "mas de", "menos de", "empresa", "compañ", "companhia"),
        _IBERIAN_WORDS,
        _iberian_word,
    ),  # "with mais de 1000 employees"
    (("try",), _LETS_TRY, ""),  # "ok lets try HR directors at ..."
    (("can", "Can", "CAN"), _CAN_OR_NOT, ""),  # "swap to COO can?", "... or not?"
    (("can", "Can", "CAN"), _CAN_WITHOUT_YOU, r"\1 you "),  # "can export X to csv?"
    (("too junior", "too senior"), _TOO_RANK, _too_rank),  # "head of ops too junior, try COO"
    (("closed", "announced"), _ROUND_CLOSED, r"raised a \1 round"),  # "seed round closed in 2026"
    (("ex-", "non-", "Ex-", "Non-"), _EX_PLACE, _ex_place),  # "EMEA ex-UK", "non-EU Europe"
    (("campaign",), _CAMPAIGN_ARROW, r"\1 for "),  # "new campaign -> DevEx Heads"
    (("topic:", "Topic:", "TOPIC:"), _TOPIC_FIELD, " about "),  # "campaign for X, topic: Y"
    (("->", "\u2192", "=>"), _ARROW_TO, r"\1 to "),  # "swap London -> Manchester"
    (("->", "\u2192", "=>"), _ARROW_THEN, ", then "),  # "... -> save as new list X"
    (("+",), _PLUS_FIELD, "add "),  # "+ tech:Pulumi"
    (("ls", "rm"), _SHELL_VERBS, _shell_verb),  # "ls lists", "rm everyone @ Datadog from X"
    (
        ("for approve", "waiting approve"),
        _FOR_APPROVE,
        "waiting for approval",
    ),  # "is something pending for approve?"
    ((" em",), _OF_EM, r"\1 of them"),  # "email all of em", "15 of em"
    ((" n ",), _N_FOR_AND, " and "),  # "dundee, stirling n falkirk"
    (("peoples", "Peoples"), _PEOPLES, "people"),  # "only new peoples who I did not save yet"
    ((".0", ".1"), _YEAR_DOT_MONTH, _year_dot_month),  # "since 2026.06"
    (("list",), _ALL_LIST, r"\1 lists"),  # "please show me all list we have"
    (("at it",), _WHILE_AT_IT, ""),
    (("K-12", "k-12", "K 12", "k 12"), _K_12, "K12"),  # "facilities directors at K-12 schools"
    (
        ("use ",),
        _JUST_USE,
        "",
    ),  # "whatever, just use companies over $5B in revenue"  # "Delete Nordic Retail Old while you're at it"
    (("same as", "Same as"), _SAME_AS_THE_SEARCH, "same but"),  # "same as the bank search but for"
    (
        ("just find", "only find"),
        _OR_JUST_FIND,
        "what can you do?",
    ),  # "do you write emails or only find people?"
    (("name is", "name should", "name will", "name ="), _NAME_IS, " called "),
    (
        ("credits", "balance"),
        _PLUS_CREDITS,
        ". ",
    ),  # "... in Galway plus how many credits have i got"
    (("only", "just"), _NOT_ONLY, "as well as "),  # "whole UK, not only London"
    (
        ("said", "mentioned", "included"),
        _SHOULD_HAVE_SAID,
        "",
    ),  # "I should've said HR directors too"
    # "can i get RevOps Targets as a csv?"
    (("csv", "CSV", "excel", "Excel", "spreadsheet"), _GET_AS_FILE, r"export \g<what> to csv"),
    ((", new list", ", New list"), _COMMA_NEW_LIST, _comma_new_list),  # "..., new list X"
    # "cuántos créditos me quedan?"
    (("dit", "DIT"), _CREDITS_ABROAD, "how many credits do I have"),
    (
        ("like", "e.g", "eg ", "example", "mean"),
        _LIKE_CAN_YOU,
        r"\1",
    ),  # "what can you do? like can you ..."
    (
        ("employee", "headcount", "staff", "Employee", "Headcount"),
        _SIZE_THEN_BOUND,
        _size_then_bound,
    ),  # "use the employees, more than 500"
    (
        ("big", "Big", "BIG"),
        _BIG_FOUR,
        r"\1\2",
    ),  # "ex-Big Four FDs"
    (("big", "huge", "large", "massive", "giant"), _SIZE_OF_A_TASK, ""),  # "a big pull today"
    (
        ("lakh", "lac", "crore", "cr", "Lakh", "Crore"),
        _LAKH_CRORE,
        _lakh_crore,
    ),  # "1 lakh employees"
    (("sf", "sq", "SF", "Sq", "square", "m2", "sqm"), _FLOOR_SPACE, ""),  # "a 15k sf sublease"
    (("MD",), _MD_WITH_A_TITLE, _md_with_a_title),  # "MD/CEO"
    (("sub", "Sub", "SUB"), _SUB_AMOUNT, "under "),  # "sub-$25M rev"
    (("cap", "Cap"), _CAP_AT, "max "),  # "cap it at 75 employees"
    (
        (" mail", " Mail"),
        _MAIL_FOR_EMAIL,
        _email_for_mail,
    ),  # "show me the mails again"
    (("matter",), _HOW_BIG_NO_MATTER, "size doesn't matter"),  # "doesn't matter how big they are"
    (("time", "Time"), _CAMPAIGN_TIME, "create a campaign "),  # "campaign time! For X, about Y"
    ((" go ", " belong "), _THESE_GO_IN, r"add \1 to"),  # "these go in Podcast Prospects"
    (("Go on", "go on"), _GO_ON_THEN, ""),  # "Go on then, start it"
    ((" all",), _WHO_ALL, r"who is \1"),  # "who all are there in the Doha Schools list?"
    ((" all ",), _WHAT_ALL, r"what can \1 do"),  # "what all Lexi can do for me?"
    (("what", "What"), _DO_FOR_A, r"what can \1 do"),  # "What can Lexi actually do for an AE?"
    ((" same",), _EXPORT_SAME, r"\1 it"),  # "kindly export same"
    (
        tuple(_ALL_CODES_ABROAD),
        _CITY_THEN_STATE,
        _state_code_abroad,
    ),  # "Campinas-SP", "Monterrey NL"
)


# "no, CEOs", "nope - CFOs": a correction of the last search, not "no CEOs" (an exclusion).
# "I mean companies based in NJ", "no, I meant the company is in Boston", "wait i meant ...": the
# same.
_CORRECTION = re.compile(
    r"^\W*(?:(?:no|nope|nah)\s*[,.!;:\u2014-]+\s*(?=\w)|(?:(?:sorry|wait|oops|whoops|oh|ah|hm+|"
    r"no|nope|nah|actually|ugh|my\s+bad|and|also)\W+)*i\s+meant?\b\W*(?=\w))"
    r"(?:i\s+meant?\b\W*(?=\w))?",
    re.IGNORECASE,
)
# "owners of trucking companies, 30 of them": a count, not a reference to earlier results.
# "25 of them", "about twenty five of them" after the people asked for: that many
_N_OF_THEM = prefilter.compile(
    rf"\b(\d+|(?:{COUNT_WORD})(?:[\s-]+(?:and\s+)?(?:{COUNT_WORD}))*)\s+of\s+them\b", re.IGNORECASE
)
_SHOUTED = re.compile(r"^(?=(?:.*?[A-Z]){8})[^a-z]*$")
# Checked first: a message with a lower-case letter is not shouted, and this finds one fast
# (the lookahead above tries every run of capitals before it fails).
_LOWER_LETTER = re.compile(r"[a-z]")
_ONLY_FILLER = re.compile(
    r"^\W*(?:(?:ok|okay|yes|yeah|great|cool|alright|perfect|haha+|lol)\W+)*(?:please|pls|plz|thanks|thank\s+you|thx|ok|okay|cool|great|"
    r"figured|haha+|lol|makes\s+sense|fair\s+enough|got\s+it|"
    r"and|also|then|now|so|yes|yeah|sure|go\s+ahead|go\s+on|do\s+it|alright|perfect|awesome|nice|poa|sawa|safi|"
    r"excellent|wonderful|fantastic|brilliant|lovely|hello|hi|hey|good\s+(?:morning|afternoon|evening)|"
    r"thank\s+you\s+(?:so|very)\s+much|much\s+appreciated|i\s+hope\s+you'?re\s+(?:well|doing\s+well)|"
    # "Oh, of course.", "Certainly."
    r"oh|ah|of\s+course|certainly|absolutely|indeed|understood|very\s+good|that\s+is\s+a\s+fine\s+start|"
    # "looks ok now, start it": a verdict on what was shown ("ok" is no Oklahoma here)
    r"(?:(?:this|that|it)\s+)?looks\s+(?:good|great|fine|ok(?:ay)?|alright|perfect|nice|solid)(?:\s+now)?|"
    # "On second thought that is far too wide a net for a one man shop.": a verdict on the results
    r"(?:on\s+second\s+thoughts?\s*,?\s*)?(?:that|this|it)(?:'s|\s+is|\s+are)\s+(?:far\s+|way\s+|much\s+|a\s+bit\s+|"
    r"a\s+little\s+|rather\s+)?too\s+(?:wide|broad|narrow|big|small|many|few|much)\b[^.!?]{0,60}|"
    # "couple things: 1) ...": what follows is announced, nothing asked yet
    r"(?:a\s+)?(?:couple|few|two|three|some|quick)\s+(?:of\s+)?(?:quick\s+)?(?:things|questions|asks|requests|items)"
    r"(?:\s+(?:please|pls|for\s+you))?|"
    r"(?:this\s+|that\s+|it\s+)?(?:looks|sounds)\s+(?:good|great|fine|perfect|ok(?:ay)?|alright|solid|right)|love\s+it|"
    r"(?:these|those|they|them)\s+(?:all\s+)?(?:look|sound)\s+(?:good|great|fine|perfect|ok(?:ay)?|amazing|awesome)|"
    # "The emails now look okay."
    r"(?:the\s+)?(?:e-?mails?|copy|drafts?|sequence|emails)\s+(?:now\s+)?(?:look|looks|sound|sounds|read|reads)\s+"
    r"(?:good|great|fine|perfect|ok(?:ay)?|alright|better)(?:\s+now)?|"
    # "..., how would that look?", "would that work?": asking to see the request, no request
    r"how\s+(?:would|does|will|might)\s+(?:that|this|it)\s+look(?:\s+like)?|"
    r"what\s+(?:would|does|will|might)\s+(?:that|this|it)\s+look\s+like|"
    r"(?:would|does|will|could)\s+(?:that|this|it)\s+work|what\s+do\s+you\s+think)?\W*$",
    re.IGNORECASE,
)


# What Lexi does to a campaign or a list: a sentence after it is about that action.
_ACTIONS = frozenset(
    {
        IntentKind.email_rewrite,
        IntentKind.campaign_create,
        IntentKind.campaign_start,
        IntentKind.campaign_pause,
        IntentKind.campaign_undo,
        IntentKind.list_add,
        IntentKind.list_create,
        IntentKind.list_remove,
        IntentKind.list_export,
        IntentKind.list_delete,
        IntentKind.list_rename,
        IntentKind.list_merge,
    }
)
# A search asked for in so many words: a search verb or a number of people.
_ASKS_SEARCH = re.compile(
    # ("the 2 systems our integration works with", "I don't want to come across as pushy")
    r"(?<!qtok)(?<!the\s)\d|\b(?:find|show|get\s+(?:me|us|some|more)|pull|search|look|give|list|"
    r"(?<!n't\s)(?<!not\s)want|(?<!n't\s)(?<!not\s)need|add|include|"
    r"fetch|grab|source|"
    # ("more common", "more likely": a comparison, no more results)
    r"target|dozen|also|more(?!\s+(?:common|likely|usual|typical|often|important|relevant))|instead)\b",
    re.IGNORECASE,
)
_SAID_BY_ME = re.compile(
    r"^\W*(?:i|i'?m|i'?ve|i'?d|we|we'?ve|we'?re|they|they'?re|they'?ve|they'?d|it|it'?s|this|that|my|our|"
    r"in\s+my\s+experience|if\s+they(?:'re)?|those\s+are|these\s+are|"
    # "not sure which title is more common", "a friend said ...", "last time I tried this",
    # "do practices even have CEOs?", "from what our pilots told us", "anyway lets see"
    r"not\s+(?:sure|really)|an?\s+(?:friend|colleague|client|customer)|my\s+(?:friend|colleague)|"
    r"last\s+time|do\s+(?:they|[a-z]+s)\s+even|if\s+not|from\s+what|anyway|apparently|honestly)\b"
    r"(?!\s+(?:also\s+)?(?:need|want|would\s+like|'d\s+like)\b)",
    re.IGNORECASE,
)
# A sentence with a subject and its own verb: "dentists hate stuffy emails", "it goes out under
# the dean's name", "a few hospitals asked us to wait", "clinics really don't read long emails".
_OWN_VERB = re.compile(
    r"\b(?:we(?:'re|\s+are)\s+(?:cheaper|faster|better|bigger|smaller|the\s+only|already|also|not)\b|"
    # "a practice manager replied asking if we're a scam", "nobody in Bolton says 'circle back'",
    # "I checked": what someone did or says
    r"(?:nobody|no\s+one|everyone|everybody|someone|somebody|an?\s+[a-z]+(?:\s+[a-z]+)?|one\s+of\s+them)"
    r"\s+(?:in\s+[\w]+\s+)?(?:replied|responded|said|says|asked|told|wrote|called|complained|hates|"
    r"loves|likes|thinks|thought|emailed|answered)\b|^\W*(?:i|we)\s+(?:checked|asked|tried|knew|"
    r"thought|double[\s-]checked)\b|"
    r"(?:it|they|he|she|this|these|those)(?:'s|'re|'ll|\s+(?!(?:in|at|of|for|with|and|or|on|from)\b)"
    r"[a-z]+)|[a-z]+s\s+(?:(?:[a-z]+ly|never|always|often|all|just|still|don'?t|do\s+not|"
    r"didn'?t|won'?t|can'?t)\s+)*(?:[a-z]{3,}ed\s+(?:us|me|them|him|her|it|that|to)|hate|love|"
    r"like|prefer|care|mind|think|say|said|expect|respond|reply|answer|read|open|ignore|"
    r"complain|skim|delete|want|need|get|find|book|run|use|feel)\b"
    # "retail agents are slammed", "CFOs are busy", "office managers down here are pretty laid
    # back": how such people are
    r"|[a-z]+s\s+(?:(?:down|out|up|over)\s+here\s+|(?:over\s+)?there\s+)?(?:are|were)\s+"
    r"(?:so\s+|really\s+|very\s+|too\s+|super\s+|always\s+|pretty\s+|quite\s+|kinda\s+)?"
    r"(?!(?:in|at|based|located|from|hiring|using|on|with|the|a|an)\b)[a-z]{4,}\b)",
    re.IGNORECASE,
)


# Who wants to know: "the FD is asking", "I am also the FD".
_ASKED_BY = re.compile(
    r"^\W*(?:(?:the|my|our)\s+(?:[\w-]+\s+){1,2}?(?:is|was|keeps|has\s+been)\s+asking\b"
    r"|(?:i\s+am|i'?m)\s+also\b)",
    re.IGNORECASE,
)
# What the user means to do, said as a plan: "want to do a big pull today", "about to run one".
_PLAN = re.compile(
    r"^\W*(?:(?:i|we)\s+|(?:i'?m|we'?re|i\s+am|we\s+are)\s+)?(?:want|wanna|need|going|gonna|about|"
    r"planning|plan|hoping|trying)\s+(?:to\s+)?(?:do|run|make|start|kick\s+off|pull)\b",
    re.IGNORECASE,
)


def _remark_after_action(text: str, intent: Intent, before: list[Intent]) -> bool:
    """ "make the emails more casual!! dentists hate stuffy emails lol", "pause the campaign?
    A few hospitals asked us to wait": a sentence after an action that says something of people
    with its own verb, asking for no search, is a remark about the action, not a search."""
    asks_nothing = intent.kind is IntentKind.clarify and (
        intent.missing == ["request"]
        or (intent.missing == ["roles"] and not intent.filters and _PLAN.match(text))
    )
    if (
        before
        and before[-1].kind in (IntentKind.credits, IntentKind.tasks)
        and (asks_nothing or _ASKED_BY.match(text))
    ):
        # "how many credits do i have? want to do a big pull today": why the user asks
        return True
    said_of_people = intent.kind is IntentKind.prospect_search or (
        intent.kind is IntentKind.clarify and intent.missing in (["search"], ["roles"], ["request"])
    )
    if (intent.kind is not IntentKind.clarify and not said_of_people) or _ASKS_SEARCH.search(text):
        return False
    if any(i.kind in _ACTIONS for i in before):
        return said_of_people and _OWN_VERB.search(text) is not None
    # "... in Oregon? We just launched a volunteer scheduling module and I have a feeling shelters
    # are going to love it.": a sentence about the user or the people after a search
    return (
        bool(before)
        and before[-1].kind is IntentKind.prospect_search
        and bool(_SAID_BY_ME.match(text))
    )


class RuleInterpreter:
    """Deterministic, offline understanding: alias tables, patterns and the gazetteer."""

    def __init__(self, registry: RecogniserRegistry | None = None) -> None:
        self.registry = registry or REGISTRY

    def interpret(self, text: str, state: ConversationState) -> Interpretation:
        """The message's intents. A rule that fails on some message it was never tried on is a
        bug, but never the user's problem: it is logged and the turn asks them to rephrase."""
        try:
            return self._interpret(text, state)
        except LexiError:
            raise  # filters that are no valid search: the caller's to report
        except Exception:
            log.exception("understanding failed on a message of %d characters", len(str(text)))
            return Interpretation([clarify("request")], text=text if isinstance(text, str) else "")

    def _interpret(self, text: str, state: ConversationState) -> Interpretation:
        raw = text if isinstance(text, str) else ""
        cleaned = _SPACE.sub(" ", _lines_listed(_tabs_as_pipes(raw))).strip()[:MAX_UNDERSTOOD_CHARS]
        if "\u2264" in cleaned or "\u2265" in cleaned:
            cleaned = cleaned.replace("\u2264", "<=").replace("\u2265", ">=")  # "≤45 days"
        cleaned = _said_plainly(cleaned, state)
        cleaned = _typed_fast(_list_names_joined(cleaned, state.known_list_names))
        given, state = state, _names_read(state)
        if not cleaned:
            return Interpretation([clarify("request")], text=raw)
        if found := self.registry.read_message(Message(cleaned, state)):
            # "yes", "approve it", injections, a list named after "which list?"
            return Interpretation(_names_as_written([found], raw, given), text=raw)
        if not _LOWER_LETTER.search(cleaned) and _SHOUTED.match(cleaned):
            cleaned = cleaned.lower()  # "FIND CEOS AT LAW FIRMS IN TEXAS": no codes in there

        # a remark in brackets goes before "(" and ")" are read as groups
        cleaned = _without_bracket_remarks(pipes_as_commas(fields.rewrite(cleaned)))
        cleaned, titles = _quoted_titles(cleaned, state.known_list_names)
        cleaned = boolean_to_plain(cleaned, titles)
        cleaned = said_instead(_CORRECTION.sub("actually ", cleaned), _same_kind)
        cleaned = takebacks.spelled_out(cleaned)
        cleaned = _DROP_THEN_INSTEAD.sub(
            lambda m: f"{m['new'] or m['tried'] or 'whole ' + m['wide']} instead of {m['old']}",
            cleaned,
        )
        cleaned = _INSTEAD_OF_FIRST.sub(r"\g<lead>\g<new> instead of \g<old>", cleaned)
        cleaned = _without_about_me(without_purpose(without_remarks(cleaned), _names_people))
        cleaned = without_glosses(chiefs_glossed(cleaned), _only_role)
        cleaned = _without_brackets(cleaned)
        cleaned = corrected(cleaned, _reading)
        cleaned = _N_OF_THEM.sub(r"\1", cleaned)
        running = Running(_valid_search(state.last_filters), state.last_offset)
        if recalled := recall(cleaned, state):
            # "back to the vp eng search, only 100-500 employees": that search is the one refined.
            running = Running(_valid_search(recalled.filters), recalled.offset)
            cleaned = recalled.rest
            if _ONLY_FILLER.match(cleaned) and running.filters is not None:
                again = Intent(
                    IntentKind.prospect_search,
                    filters=ProspectFilters.from_dict(running.filters),
                    refinement=True,
                )
                return Interpretation([again], text=raw)
        protected, quotes = protect_quotes(cleaned)
        if titles:
            quotes = [QuotedTitle(q) if q in titles else q for q in quotes]
        if quotes:
            protected = unquote_places(protected, quotes)
        intents = self._read_clauses(split_clauses(protected)[:MAX_CLAUSES], quotes, state, running)
        intents = _tidy(
            _one_rewrite(
                _list_named_before(
                    _fill_new_list(_attach_leading_filters(_count_said_last(intents)))
                )
            )
        )
        intents = _verdict_before_show(_unchanged_search_first(intents, state), raw)
        if (
            len(intents) == 1
            and intents[0].missing in (["request"], ["roles"])
            and looks_foreign(cleaned)
        ):
            intents = [clarify("language")]  # "jefes de logística en Sevilla"
        return Interpretation(
            _answer_to_roles(_names_as_written(intents, raw, given), state), text=raw
        )

    def _read_clauses(
        self, clauses: list[str], quotes: list, state: ConversationState, running: Running
    ) -> list[Intent]:
        """Each clause's intent, in order; the search each one makes is the next one's to refine."""
        intents: list[Intent] = []
        said: list[str] = []
        before_asking = (running.filters, running.offset)
        for text_ in clauses:
            if _confirms(text_, said):
                continue  # "... add also the producers? Producers, yes."
            said.append(text_)
            if _ONLY_FILLER.match(text_):
                if not intents and (
                    found := commands.account(text_) or campaigns.looked_at(text_, state)
                ):
                    intents.append(found)
                continue
            intent = self.registry.read_clause(Clause(text_, quotes, state, running, intents))
            if (
                intent is None
                or _remark_after_action(text_, intent, intents)
                or _said_twice(
                    intent, intents
                )  # "I liked the first one better. Can you undo that?"
            ):
                continue
            if _asked_roles_of(intents) and intent.kind is IntentKind.prospect_search:
                if _only_changes(intent, intents[-1]):
                    # "Oncology biotechs in Basel, verified emails only": what the question
                    # about roles will search with, not a search of its own
                    intents[-1].filters = intent.filters
                    continue
                # a clause naming roles is its own search, not a change to the question's
                running.filters, running.offset = before_asking
                intent = self.registry.read_clause(Clause(text_, quotes, state, running, intents))
                if intent is None:
                    continue
            if intent.kind is IntentKind.prospect_search:
                typed = intent.filters
                running.filters = typed.to_dict() if typed is not None else None
                running.offset = intent.offset + (typed.limit if typed is not None else 0)
                running.searched = True
            elif (
                intent.missing == ["roles"]
                and intent.filters is not None
                and not intent.filters.is_empty()
            ):
                before_asking = (running.filters, running.offset)
                running.filters = intent.filters.to_dict()  # later clauses refine what was asked
            intents.append(intent)
        return intents


# "Sorry for the confusion.", "I am sorry to trouble you.", "Apologies for the mix-up.": an apology
# said as a sentence of its own, before or after what is asked
_APOLOGY = re.compile(
    r"(?:^|(?<=[.!?,;]))\s*(?:(?:i\s+am|i'?m)\s+)?(?:very\s+|so\s+|really\s+|terribly\s+)?"
    r"(?:sorry|apologies)\s+(?:(?:for|about)\s+(?:the|my|any|all\s+the|this)\s+(?:confusion|trouble|mistake|mix-?up|"
    r"error|back\s+and\s+forth|inconvenience)|to\s+(?:trouble|bother|disturb)\s+you(?:\s+again)?)\s*[.!]*(?=\s|$)"
    # "sorry, producers and senior producers at ...", "apologies - CFOs, not CEOs": the word
    # alone first
    r"|^\W*(?:sorry|apologies)\s*[,!:\u2013\u2014-]+\s*(?=\S)",
    re.IGNORECASE,
)
# "save these to Dubai Heads Q4 and do the needful": "please", said last (Indian English)
_DO_THE_NEEDFUL = re.compile(
    r"(?<=\S)\s*(?:,|\band\b)?\s*(?:kindly\s+|please\s+)?do\s+the\s+needful\b[\s.!]*$",
    re.IGNORECASE,
)


# "... Thanks, Gary", "Kind regards, Sarah Jones", "Cheers - Tom": a letter's sign-off, with the
# writer's name (no place to search: "Thanks, Gary" is not Gary, Indiana)
_SIGN_OFF = re.compile(
    r"(?:(?<=[.!?])|(?<=^))\s*(?:(?:many|kind|best|warm(?:est)?|with)\s+)?"
    r"(?:thanks|thank\s+you|cheers|regards|best|sincerely|ta|thx|respectfully|yours(?:\s+truly)?)"
    r"(?:\s+(?:again|so\s+much|kindly|very\s+much|in\s+advance))?\s*[,.!]?\s*(?:[-\u2013\u2014]\s*)?"
    r"(?-i:[A-Z][a-z]+)(?:\s+(?-i:[A-Z][a-z]+))?\.?\s*$",
    re.IGNORECASE,
)


# "save them to Nordic CHROs, tack", "export it, merci": thanks said last, in any language
_THANKS_LAST = re.compile(
    r"(?<=\w)\s*,\s*(?:thanks|thank\s+you|thx|ty|ta|cheers|tack|tak|danke|merci|gracias|grazie|obrigad[oa]|"
    r"dank\s+je(?:\s+wel)?|bedankt|kiitos|takk|asante|shukran|arigato)(?:\s+(?:so\s+much|a\s+lot|again))?\W*$",
    re.IGNORECASE,
)
# Emoji and pictographs: feelings, no words to read
_EMOJI = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf\ufe0f\u200d]")


# "Kindly revert with the results po.", "... in one list po": the Filipino mark of respect at
# the end of a clause (never "PO", a purchase order), no word of the request.
_PO = re.compile(r"\s+(?-i:po)(?=\s*(?:[.,!?;:]|$))", re.IGNORECASE)
# "Hi Lexi, good evening from Manila": where the user writes from, no place to search.
_GREETED_FROM = re.compile(
    r"\b(?P<greeting>morning|afternoon|evening|hello|hi|hey|greetings|regards)\s+from\s+"
    r"(?-i:[A-Z][\w.-]*)(?:\s+(?-i:[A-Z][\w.-]*))?(?:,\s*(?-i:[A-Z][\w.-]*))?",
    re.IGNORECASE,
)


# "CFOs at banks that aren't in Texas": the place left out, said as a relative clause.
_NOT_IN_PLACE = re.compile(
    r"\b(?:that|which|who)\s+(?:aren'?t|are\s+not|isn'?t|is\s+not)\s+"
    r"(?=(?:based\s+|located\s+|headquartered\s+)?in\s)",
    re.IGNORECASE,
)
# "go back, I liked the old one better": the earlier version of the email wanted again.
_LIKED_BEFORE = re.compile(
    r"(?:\b(?:go\s+back|undo(?:\s+(?:it|that))?|revert(?:\s+it)?)\s*[,;.!\u2014\u2013-]*\s*)?"
    r"(?:\b(?:i|we)\s+(?:liked|preferred|prefer)\s+(?:the\s+)?(?P<which>old|first|original|previous|earlier|last)\s+"
    r"(?:one|version|draft|e-?mail)s?(?:\s+(?:better|more))?"
    # "the previous version was better", "prev version was better"
    r"|\b(?:the\s+)?(?P<was>old|first|original|previous|prev|earlier|last)\s+(?:one|version|draft|e-?mail)\s+"
    r"(?:was|is)\s+better)\b",
    re.IGNORECASE,
)


def _liked_before(m: re.Match[str]) -> str:
    which = (m["which"] or m["was"] or "previous").lower()
    return f"go back to the {'previous' if which == 'prev' else which} version"


# "only 3?? ok remove the OpenTable", "zero?? ok remove salesforce": how many were found, said
# back in surprise before the change (no count of its own)
_FOUND_SAID_BACK = re.compile(
    r"^\W*(?:(?:only|just)\s+\d+|zero|none|nothing|nada|0)\s*(?:results?|people|hits)?\s*\?+[\s!.]*",
    re.IGNORECASE,
)
# "mmm only 3 results. Remove the hiring part", "hmm that's about three people. forget the PE
# bit", "just 4 hits, drop the hiring": how many the last search found, said back before the
# change it asks for, is no count to show.
_RESULTS_SAID_BACK = re.compile(
    r"^\W*(?:(?:hm+|mm+|ugh|aduh|oh|ok(?:ay)?|wow|nada|meh|yikes|damn|hmm+)\W+)*"
    r"(?:(?:that'?s|thats|it'?s|there'?s|there\s+(?:are|were)|we\s+(?:got|have)|i\s+(?:got|see)|"
    r"you\s+found|found|got)\s+)?"
    r"(?:only|just|about|around|like|barely|merely)?\s*"
    r"(?:\d+|zero|no|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few|a\s+handful(?:\s+of)?)\s+"
    r"(?:results?|people|hits|matches|contacts|leads|prospects|names|records)\b"
    r"(?:\s+(?:back|found|left|there|now))?\s*"
    r"(?:(?:haha+|hah|lol|lmao|ha|smh|ugh)\W*)*"  # "zero results haha."
    r"(?:[.!?;]+|,(?=\s*(?:so\s+|pls\s+|please\s+|then\s+|let'?s\s+|can\s+you\s+|could\s+you\s+)?"
    r"(?:drop|remove|forget|widen|expand|lose|try|add|loosen|broaden|take|get\s+rid|ditch|scrap|skip|"
    r"include|open)\b))\s*",
    re.IGNORECASE,
)


# "drop the IB condition, any curriculum is fine": what the change allows, said again after it
# (left when it names a filter: "remove Boston, any size is fine" clears the size too)
_ANY_IS_FINE = re.compile(
    r"\s*[,;]\s*any\s+\w+(?:\s+\w+)?\s+(?:is|are|'s|will\s+do|works?)\s*(?:fine|ok(?:ay)?|good|too)?"
    r"(?:\s+(?:too|as\s+well))?\s*[.!]*\s*$",
    re.IGNORECASE,
)


_AT_THE_MO = re.compile(r"\bat\s+the\s+mo\b(?![\w'])", re.IGNORECASE)


def _without_any_is_fine(text: str) -> str:
    m = _ANY_IS_FINE.search(text)
    return text[: m.start()] if m and not patterns.cleared(m[0])[1] else text


def _without_count_said_back(text: str) -> str:
    said = (_FOUND_SAID_BACK.match(text) if "?" in text else None) or _RESULTS_SAID_BACK.match(text)
    return text[said.end() :] if said and text[said.end() :].strip() else text


# "kindly revert how many are there in it now": "revert" for "reply" (Indian English), before a
# question ("revert to the first draft" is an undo).
_REVERT_WITH = re.compile(
    r"\b(?:kindly\s+|please\s+|pls\s+)?revert(?:\s+back)?(?:\s+(?:to\s+me|with|on))?\s+"
    r"(?=(?:how|what|which|whether|if)\b)",
    re.IGNORECASE,
)
# "Only 11-50 and 51-200 size bands": two size bands that meet are one range.
_BANDS = re.compile(
    r"\b(?P<a>\d{1,6})\s*[-\u2013]\s*(?P<b>\d{1,6})\s*(?:,|and|&|\+|or|/)\s*"
    r"(?P<c>\d{1,6})\s*[-\u2013]\s*(?P<d>\d{1,6})\b(?:\s+size\s+bands?)?",
    re.IGNORECASE,
)


def _bands_joined(m: re.Match[str]) -> str:
    a, b, c, d = (int(m[k]) for k in "abcd")
    if c != b + 1 or not a < b < d:
        return m[0]
    return f"{a}-{d} employees" if m[0].lower().rstrip().endswith(("band", "bands")) else f"{a}-{d}"


# "delete the old list CPHI 2024 Leads": the word "list" before a list's name is no part of it.
def _list_word_dropped(text: str, names: list[str]) -> str:
    low = text.lower()
    for name in names:
        at = low.find(name.lower())
        if at <= 0:
            continue
        before = _LIST_WORD_BEFORE.search(text, 0, at)
        if before is not None and before.end() == at:
            return text[: before.start()] + text[before.end() :]
    return text


_LIST_WORD_BEFORE = re.compile(r"\b(?:old|former|previous|existing)\s+list\s+$", re.IGNORECASE)


def _said_plainly(text: str, state: ConversationState) -> str:
    """The message in the English the rules read: Spanish, Indonesian and Malay words and the
    slips of dictation said as typed, an apology or a letter's sign-off said as a sentence of its
    own left out, and what only says back the last result ("only 3 results.") or the change
    again ("any curriculum is fine") dropped."""
    text = dictation.as_typed(mixed.in_english(text, state.known_list_names))
    if _EMOJI.search(text):  # "save em to ICP v2 🚀", "👀" (a message of emoji alone stays one)
        text = _SPACE.sub(" ", _EMOJI.sub(" ", text)).strip() or text
    if ("orry" in text or "pologies" in text) and (rest := _APOLOGY.sub("", text).strip()):
        text = rest
    if m := _SIGN_OFF.search(text):
        text = text[: m.start()].strip() or "thanks"  # ("Thanks, Gary" alone: thanks)
    if "," in text and (m := _THANKS_LAST.search(text)):
        text = text[: m.start()]
    if " po" in text or "from " in text:
        text = _GREETED_FROM.sub(r"\g<greeting>", _PO.sub("", text))
    if "n't " in text or " not " in text:
        text = _NOT_IN_PLACE.sub("but not ", text)
    if "liked" in text or "prefer" in text or "better" in text:
        text = _LIKED_BEFORE.sub(_liked_before, text)
    text = _without_count_said_back(text)
    if " mo" in text:
        text = _AT_THE_MO.sub("right now", text)  # British "at the mo": no Missouri
    if "needful" in text:
        text = _DO_THE_NEEDFUL.sub("", text) or text
    if ", any " in text or "; any " in text:
        text = _without_any_is_fine(text)
    if "revert" in text.lower():
        text = _REVERT_WITH.sub("tell me ", text)
    if "-" in text or "\u2013" in text:
        text = _BANDS.sub(_bands_joined, text)
    if state.known_list_names and "list " in text.lower():
        text = _list_word_dropped(text, state.known_list_names)
    if state.known_list_names:
        text = list_admin.named_then_acted_on(text, state.known_list_names)
    return text


def _asked_roles_of(intents: list[Intent]) -> bool:
    """Whether the message's last intent asks which roles to search its filters for."""
    return (
        bool(intents)
        and intents[-1].kind is IntentKind.clarify
        and intents[-1].missing == ["roles"]
    )


def _only_changes(intent: Intent, asked: Intent) -> bool:
    """Whether a clause refined the filters a question about roles carries, naming no role."""
    f = intent.filters
    return (
        intent.kind is IntentKind.prospect_search
        and intent.refinement
        and f is not None
        and asked.filters is not None
        and not (f.titles or f.seniorities or f.departments)
    )


# A sentence that only confirms what the message said before it: "Producers, yes.", "Canada
# Game Studios, yes.", "The name is NA SaaS Growth 2.", "APAC Ecommerce CTO is the name.", "Yes,
# delete it." (a careful writer saying the important words twice)
_YES = r"yes|yeah|yep|correct|exactly"
_CONFIRMING = re.compile(
    rf"^\W*(?:(?:{_YES}|right|that'?s\s+(?:right|correct))\b\W*)?"
    r"(?:(?:the|its|the\s+list)\s+name\s+is\b|(?:it\s+is\s+)?called\b|(?:it'?s|it\s+is)\s+)?"
    r"(?P<words>.*?)"
    r"(?:\W+(?:is|as)\s+(?:the|its)\s+(?:list\s+)?name)?"
    rf"(?:\W+(?:{_YES}|right|please))*\W*$",
    re.IGNORECASE,
)
_CONFIRM_MARK = re.compile(
    rf"^\W*(?:{_YES}|that'?s\s+(?:right|correct))\b|"
    rf"\b(?:{_YES})\W*$|\bname\s+is\b|\bis\s+the\s+(?:list\s+)?name\b|^\W*called\b",
    re.IGNORECASE,
)
_CONFIRM_WORD = re.compile(r"[^\W_]+")


def _confirms(clause: str, said: list[str]) -> bool:
    """Whether a clause only says again, with a "yes" or "the name is", words said before it."""
    if not _CONFIRM_MARK.search(clause):
        return False
    m = _CONFIRMING.match(clause)
    words = {w.lower() for w in _CONFIRM_WORD.findall(m["words"])} if m else set()
    words -= {"the", "a", "an", "to", "it", "them", "please"}
    before = {w.lower() for text in said for w in _CONFIRM_WORD.findall(text)}
    return bool(words) and words <= before


# "IT managers at local government (gemeentes)", "at town halls (mairies)": the kind of company
# said again in the user's language, in brackets; no word to read (not corrected into a role).
_GLOSS_OF_COMPANIES = re.compile(
    r"(?P<kind>\b[\w-]+)\s*\((?P<gloss>[a-z\u00e0-\u00ff'-]{3,}(?:\s+[a-z\u00e0-\u00ff'-]{3,})?)\)"
)


# "at least $25m (roughly \u00a320m)": the amount said again in another currency
_AMOUNT_AGAIN = re.compile(
    r"\s*\(\s*(?:roughly|about|approx(?:\.|imately)?|around|~|c\.|circa|ca\.?|or|i\.?e\.?|so)?\s*"
    r"(?:[\u00a3\u20ac$]\s?\d[\d,.]*\s*(?:k|m|mm|mn|bn|b|million|billion)?"
    r"|\d[\d,.]*\s*(?:k|m|mm|mn|bn|b|million|billion)?\s*(?:gbp|eur|usd|euros?|pounds?|dollars?|chf|sek|nok|dkk|"
    r"inr|aud|sgd|nzd|aed|sar|zar|crores?|cr|lakhs?|lacs?|rupees?|rs))"
    r"(?:\s+(?:or\s+so|ish))?\s*\)",
    re.IGNORECASE,
)


# "(those are taken)", "(they're our competitors)": a remark in brackets about what it follows
# (not "(they're already clients)": companies left out, read by ``unsupported``).
_REMARK_IN_BRACKETS = re.compile(
    r"\s*\((?:those|these|they|that|it|we|i)(?:'re|'s|'ve|'ll|\s+are|\s+is|\s+were|\s+was|\s+have|\s+had|"
    r"\s+will|\s+would|"
    r"\s+already|\s+do|\s+don'?t|\s+did|\s+know|\s+think)\b"
    r"(?![^()]*\b(?:clients|customers|portcos|accounts)\b)[^()]{0,80}\)",
    re.IGNORECASE,
)


# "(i.e., no solo practitioners, and nothing on the scale of a national firm)": the criterion
# before it said again in other words; "(competitors and channel partners, respectively)": why
# each is left out (not "(i.e. 50-500 employees)", a number the words before may lack)
_SAID_AGAIN_IN_BRACKETS = re.compile(
    r"\s*\((?:\s*(?:i\.?\s?e\.?|that\s+is|in\s+other\s+words|meaning)\b,?[^()\d]{0,120}|[^()\d]{0,80}"
    r",?\s+respectively\.?\s*)\)",
    re.IGNORECASE,
)


# "(with a bursar, funnily enough)", "(long story, involves a ceilidh)", "(Yes, I know, everyone
# and their granny is pitching them.)", "(our man over the water swears they're crying out for
# this)": a remark in brackets, by how it starts or what it says of itself
_ASIDE_IN_BRACKETS = re.compile(
    r"\s*\((?![^()]*\b(?:clients|customers|portcos|accounts)\b)(?:"
    r"(?:yes|yeah|yep|ha+|lol|long\s+story|don'?t\s+ask|not\s+that|between\s+you|fingers\s+crossed|"
    r"touch\s+wood|no\s+shortage|jumped\s+ship|our\s+(?:man|woman|rep|guy|boss|ceo|founder|team)|"
    r"my\s+(?:boss|manager|colleague|rep)|everyone|everybody|nobody|with\s+an?\s+[a-z]+)\b[^()]{0,160}"
    r"|[^()]{0,120}\b(?:funnily\s+enough|so\s+to\s+speak|sadly|mind\s+you|i\s+suppose|"
    r"involves\s+an?|long\s+story)\b[^()]{0,40})\)",
    re.IGNORECASE,
)


def _without_bracket_remarks(text: str) -> str:
    if "(" not in text:
        return text
    text = _ASIDE_IN_BRACKETS.sub("", _REMARK_IN_BRACKETS.sub("", text))
    return _SAID_AGAIN_IN_BRACKETS.sub("", text)


def _without_brackets(text: str) -> str:
    """Brackets that add nothing to read: examples of the companies named, their kind said
    again in another language, an amount said again in another currency."""
    text = without_examples(text, _names_industry)
    if "(" not in text:
        return text
    return _GLOSS_OF_COMPANIES.sub(_gloss_of_companies, _AMOUNT_AGAIN.sub("", text))


def _gloss_of_companies(m: re.Match[str]) -> str:
    from lexi import geo

    from .slots import COMPANY_NOUN_KEYS, read_by_a_table
    from .unsupported import unsupported

    kind = norm_key(m["kind"])
    if kind not in INDUSTRY_KEYS and kind not in COMPANY_NOUN_KEYS:
        return m[0]
    if any(read_by_a_table(word) or geo.lookup(word) for word in m["gloss"].split()):
        return m[0]
    return m[0] if unsupported(m["gloss"])[1] else m["kind"]


def _names_as_written(intents: list[Intent], raw: str, state: ConversationState) -> list[Intent]:
    """List names and campaign topics as the user wrote them: "new list UT ID Hiring Supers" is
    no list "UT ID Hiring superintendents", although the message was read with "supers" spelled
    out; "our pentest + retest package" keeps its "+"."""
    for intent in intents:
        topic = intent.params.get("topic")
        if isinstance(topic, str) and topic.lower() not in raw.lower():
            intent.params["topic"] = _span_as_written(topic, raw) or topic
        for key, value in intent.params.items():
            if isinstance(value, str) and "__" in value:  # "merge Exhibitors - Past into ..."
                intent.params[key] = _known_as_read(value, state.known_list_names) or value
        name = intent.list_name
        if not name or name.lower() in raw.lower():
            continue
        if name in (*state.known_list_names, state.last_list_name, state.context_list_name):
            continue  # the list the conversation is about, named as it is already
        written = _known_as_read(name, state.known_list_names) or _span_as_written(name, raw)
        if written:
            intent.list_name = written
            if intent.params.get("list") == name:
                intent.params["list"] = written
    return intents


def _known_as_read(name: str, known: list[str]) -> str | None:
    low = name.lower()
    return next((k for k in known if _name_read(k).lower() == low), None)


@functools.lru_cache(maxsize=1024)
def _name_read(name: str) -> str:
    return _typed_fast(_SEPARATES.sub("__", name) if _SEPARATES.search(name) else name)


# A list name holding what separates parts of a request ("Ortho - Texas", "Q1 Robotics - old",
# "Events: London"): named in a message, its parts are joined ("Ortho__Texas") so that no rule
# splits it or reads its words; ``_names_as_written`` gives the name back as written.
_SEPARATES = re.compile(r"\s*[-\u2013\u2014]\s+|\s+[-\u2013\u2014]\s*|\s*[,;:|]\s*")


def _list_names_joined(text: str, names: list[str]) -> str:
    for name in names:
        if not _SEPARATES.search(name) or name.lower() not in text.lower():
            continue
        m = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE)
        if m:
            text = text[: m.start()] + _SEPARATES.sub("__", m[0]) + text[m.end() :]
    return text


def _tabs_as_pipes(text: str) -> str:
    """A row pasted from a sheet ("Director of Information Security<TAB>Banking<TAB>500-1000"):
    its cells are fields, as pipes separate them."""
    return text.replace("\t", " | ") if "\t" in text else text


def _names_read(state: ConversationState) -> ConversationState:
    """The state with the user's list names read as the message is ("UT ID Hiring Supers" as
    "UT ID Hiring superintendents"), so that a list named in a message is found; the names are
    written back as they were by ``_names_as_written``."""
    read = [_name_read(k) for k in state.known_list_names]
    if read == state.known_list_names:
        return state
    state = copy.copy(state)
    state.known_list_names = read
    return state


def _span_as_written(name: str, raw: str) -> str | None:
    """The words of the raw message that were read as ``name``: the words kept as they were,
    any one word in place of each that was spelled out (at least half must be kept)."""
    words = name.split()
    low = raw.lower()
    # whole words ("in" is not kept because "sin" or "Lexington" is written)
    kept = [re.search(rf"(?<!\w){re.escape(w.lower())}(?!\w)", low) is not None for w in words]
    # words spelled out in a row stand for one or more written ("South AL directors of nursing"
    # was "South AL DONs")
    parts: list[str] = []
    runs = 0
    for k, group in itertools.groupby(zip(words, kept, strict=True), key=lambda wk: wk[1]):
        group_words = [w for w, _ in group]
        if k:
            # ("and" may stand for a "+" or "&" written: "AP automation + card combo")
            parts += [r"(?:and|\+|&)" if w.lower() == "and" else re.escape(w) for w in group_words]
        else:
            runs += 1
            parts.append(rf"\S+(?:\s+\S+){{0,{len(group_words) - 1}}}?")
    if sum(kept) * 2 < len(words) and sum(kept) < max(runs, 1) * 2:
        return None
    pattern = r"\s+".join(parts)
    m = re.search(rf"(?<!\w){pattern}(?!\w)", raw, re.IGNORECASE)
    return m[0] if m else None


# A quoted job title ("VP Clinical Operations", 'Director of Leasing'): one title, never split.
_TITLE_HEAD = re.compile(
    r"\b(?:VP|SVP|EVP|AVP|Head|Director|Manager|Officer|Chief|President|Lead|Engineer|Partner|"
    r"Counsel|Controller|Founder|Owner|Recruiter|Specialist|Coordinator|Analyst|Accountant|"
    r"Designer|Developer|Architect|Scientist|Administrator|Dir|Mgr|C[A-Z]{1,2}O|Provost|Dean|"
    r"Superintendent|Principal|Chancellor|Registrar|Treasurer|Secretary|Attorney|Associate|"
    r"Paralegal|Nurse|Physician|Economist|Planner|Buyer|Estimator|Superintendent|Editor|"
    r"Producer|Consultant|Advisor|Adviser|Strategist|Technician|Educator|Trainer|Auditor|Coach|"
    r"Chef|Teacher|Instructor|Therapist|Pharmacist|Supervisor|Inspector)s?\b",
    re.IGNORECASE,
)
# Quoted names of lists, campaigns and subject lines are not titles.
_NAMES_A_THING = prefilter.compile(
    r"\b(?:lists?|campaigns?|subject|emails?|rename|named|called|sequences?)\b", re.IGNORECASE
)


def _and_spelled(title: str) -> str:
    return " ".join(title.replace("&", " and ").split())


def _title_reading(phrase: str) -> tuple[str, str | None]:
    """How a phrase given as one job title is read: ("plain", text) when the rules read the
    text as that one role ("Chief Information Security Officer" is the CISO), ("kept", title)
    when they would split it ("VP Clinical Operations" is no VP plus an operations department)
    and it must be kept whole, ("none", None) when it is no title."""
    form = title_form(phrase)
    if len(form.split()) > 8 or not _TITLE_HEAD.search(form):
        return "none", None
    slots = extract(form)
    if slots.locations or slots.company_locations or slots.employees or slots.signals:
        return "none", None  # "CFOs in Texas": a request, no title
    hits = slots.positive_roles
    if len(hits) == 1 and not slots.has_filters and len(hits[0].named_titles) == 1:
        read = hits[0].named_titles[0].lower()
        if read == form.lower():
            form = hits[0].named_titles[0]  # as the lexicon writes it: "plant manager"
        elif _and_spelled(read) == _and_spelled(form.lower()):
            pass  # "Head of Strength and Conditioning": as written, "and" or "&"
        elif not form.lower().startswith(read) and not form.lower().endswith(f" {read}"):
            return "plain", form  # "Chief Information Security Officer" is the CISO
    if len(form.split()) < 2:
        return "none", None
    if not slots.has_role:
        # "Strength and Conditioning Coach": capitalised words ending in a title's head noun
        # that no rule reads as a role are a title all the same
        last = form.split()[-1]
        return (
            ("kept", form) if form[:1].isupper() and _TITLE_HEAD.fullmatch(last) else ("none", None)
        )
    return "kept", form


# A line that points back at the lines above it: "^ these titles at dental practices in DFW",
# "the above roles in Texas", "all of those at banks".
_POINTS_BACK = re.compile(
    r"^\W*(?:\^+\s*)?(?:(?:all\s+(?:of\s+)?)?(?:these|those|the\s+above|above)"
    r"(?:\s+(?:job\s+)?(?:titles?|roles?|positions?))?|\^+)\s*[:,-]?\s*",
    re.IGNORECASE,
)


_FIELD_LINE = re.compile(r"^[A-Za-z][\w #/&()-]{1,30}:\s*\S")
# "Designation - Head of Digital", "Employee size - 500+": a field written with a dash
_DASHED_FIELD = re.compile(rf"^({fields.LABEL_PATTERN})\s+[-\u2013\u2014]\s+(?=\S)", re.IGNORECASE)
# "PFB the criteria:", "Kindly do the needful.": the lines around a pasted brief
_BRIEF_FILLER = re.compile(
    r"^\W*(?:(?:pfb|please\s+find\s+below)\b[^:\n]*:?|(?:(?:kindly|please)\s+)?do\s+the\s+needful\W*"
    r"|(?:thanks|thank\s+you|regards|best)(?:\s+(?:and|&)\s+regards)?\W*)\s*$",
    re.IGNORECASE,
)


def _lines_listed(raw: str) -> str:
    """Job titles pasted one per line, then what the search is about: the titles become a list
    ("Practice Administrator, Office Manager") and a line pointing back at them ("^ these titles
    at dental practices in DFW") carries the rest of the request."""
    if "\n" not in raw:
        return raw
    lines = [
        _DASHED_FIELD.sub(r"\1: ", line.strip())
        for line in raw.splitlines()
        if line.strip() and not _BRIEF_FILLER.match(line)
    ]
    if sum(bool(_FIELD_LINE.match(line)) for line in lines) >= 2:
        # "Title: Director of Procurement\nCompany headcount: 51-200, 201-500\nIndustry: ..."
        return ", ".join(fields.form_line(line) for line in lines)
    if (titled := _title_block(lines)) is not None:
        return titled
    rest = ""
    if len(lines) >= 3 and (m := _POINTS_BACK.match(lines[-1])) and m.end():
        rest = " " + lines.pop()[m.end() :]
    if len(lines) < 2 or not all(
        len(line.split()) <= 6 and _TITLE_HEAD.search(line) and line[-1:].isalnum()
        for line in lines
    ):
        return raw
    return ", ".join(lines) + rest


# "Director, Product Marketing" as pasted from a profile: the rung, a comma, its function.
_RUNG_COMMA = re.compile(
    r"^((?:(?:Senior|Sr\.?|Associate|Assistant|Executive|Deputy|Group|Global|Regional)\s+)*"
    r"(?:Vice\s+President|VP|SVP|EVP|AVP|Director|Manager|Head|Lead))\s*,\s*(?=[A-Z])",
    re.IGNORECASE,
)


def _title_block(lines: list[str]) -> str | None:
    """Titles pasted one per line ("Sr. Director, Product Marketing"), then a line that is not
    one ("fintech, NYC, verified only", "find more people with this title at SaaS companies"):
    each title is quoted whole, "Director, X" written "Director of X", and the rest follows."""
    n = 0
    while n < len(lines) and _one_pasted_title(lines[n]):
        n += 1
    if n == 0 or n == len(lines) or not any(_RUNG_COMMA.match(line) for line in lines[:n]):
        return None
    titles = [title_form(_RUNG_COMMA.sub(r"\1 of ", line)) for line in lines[:n]]
    return ", ".join(f'"{t}"' for t in titles) + " -- " + " ".join(lines[n:])


def _one_pasted_title(line: str) -> bool:
    return (
        len(line.split()) <= 8
        and bool(_TITLE_HEAD.search(line))
        and line[-1:].isalnum()
        and line.count(",") <= 1
        and (not line.count(",") or bool(_RUNG_COMMA.match(line)))
        and not _FIELD_LINE.match(line)
    )


def _quoted_titles(text: str, lists: list[str]) -> tuple[str, set[str]]:
    """Quoted job titles (see ``_title_reading``) and pasted lists of titles: a title the rules
    would split is kept whole, in quotes, and returned with the text (not the quoted name of
    one of the user's ``lists``: 'add these to "VP Sales"')."""
    kept: set[str] = set()
    if ("," in text or ";" in text) and not _NAMES_A_THING.search(text):
        text = _pasted_title_list(text, kept)
    if not ('"' in text or "'" in text or "“" in text) or _NAMES_A_THING.search(text):
        return text, kept

    known = {n.lower() for n in lists}

    def repl(m: re.Match[str]) -> str:
        if m[1].lower() in known:
            return m[0]
        how, form = _title_reading(m[1])
        if how == "none" or form is None:
            return m[0]
        if how == "plain":
            return form
        kept.add(form)
        return f'"{form}"'

    return QUOTED.sub(repl, text), kept


# "Sr. Director of Sales, Assoc. Director Clinical Research, Staff Engineer at biotechs": a
# pasted list of titles, after an optional lead-in ("titles:", "find"), the last one followed by
# what the search is about.
_LIST_LEAD = re.compile(
    r"^(?:[^,:;]{0,40}:\s*|(?:please\s+)?(?:find|get|search(?:\s+for)?|show|looking\s+for)\s+(?:me\s+)?)",
    re.IGNORECASE,
)
_LIST_SEP = re.compile(r"\s*[,;]\s*(?:and\s+|or\s+)?|\s+/\s+")
_AFTER_A_DASH = re.compile(r"\s+(?:--?|[\u2013\u2014])\s+")
_LIST_TAIL = re.compile(
    r"\s+(?:at|in|from|with|for|based|across|who|that)\s+|\s+(?:--?|[\u2013\u2014])\s+|\s*\("
)


def _pasted_title_list(text: str, kept: set[str]) -> str:
    lead = _LIST_LEAD.match(text)
    start = lead.end() if lead else 0
    body, after = text[start:], ""
    if dash := _AFTER_A_DASH.search(body):
        # "...; Clinical Outsourcing Manager -- biotech or pharma, London": the rest of the
        # request after the dash, commas and all
        body, after = body[: dash.start()], body[dash.start() :]
    items = _LIST_SEP.split(body)
    if len(items) < 2:
        return text
    tail = ""
    if cut := _LIST_TAIL.search(items[-1]):
        items[-1], tail = items[-1][: cut.start()], items[-1][cut.start() :]
    tail += after
    if not all(
        item[:1].isupper() and len(item.split()) <= 6 and _TITLE_HEAD.search(item) for item in items
    ):
        return text
    readings = []
    for item in items:
        how, form = _title_reading(item)
        if (how == "none" or form is None) and len(items) >= 3 and len(item.split()) >= 2:
            # "Cloud Economist" in a list of titles: a title the lexicon lacks, kept whole
            how, form = "kept", title_form(item)
        if how == "none" or form is None:
            return text
        readings.append((how, form, item))
    if all(how != "kept" for how, _, _ in readings) and ";" not in text[start:]:
        return text  # (titles listed with semicolons are one list still: no clauses of their own)
    kept.update(form for how, form, _ in readings if how == "kept")
    body = ", ".join(f'"{form}"' if how == "kept" else item for how, form, item in readings)
    return text[:start] + body + tail


def _names_people(text: str) -> bool:
    return extract(text).has_role


def _reading(text: str) -> dict[str, tuple[str, ...]]:
    """The values a text names, by kind: {"places": ("TX, US",), "roles": ("Sales Manager",)}."""
    slots = extract(text)
    read = {
        "roles": tuple(
            f"{h.named_titles}{h.departments}{h.role.seniorities}" for h in slots.positive_roles
        )
        if slots.has_role
        else (),
        "industries": tuple(slots.industries),
        "places": tuple(slots.locations + slots.company_locations),
        "employees": (str(slots.employees),) if slots.employees else (),
        "revenue": (str(slots.revenue),) if slots.revenue else (),
        "technologies": tuple(slots.technologies),
    }
    return {kind: values for kind, values in read.items() if values}


def _kinds(text: str) -> set[str]:
    return set(_reading(text))


def _same_kind(old: str, new: str) -> bool:
    """Whether two texts name the same kind of value: "biotech" and "medical devices"."""
    kinds = _kinds(new)
    return bool(kinds) and kinds == _kinds(old)


def _names_industry(text: str) -> bool:
    return bool(extract(text).industries)


def _only_role(text: str) -> bool:
    slots = extract(text)
    return slots.has_role and not slots.has_filters


def _valid_search(stored: dict[str, Any] | None) -> dict[str, Any] | None:
    """Stored filters of an earlier search, when they are still a search Lexi can run; from a
    conversation stored before a place or an extension's filter went away, none, and a
    refinement asks which search is meant instead of failing."""
    if stored is None:
        return None
    try:
        ProspectFilters.from_dict(stored)
    except ValidationFailed:
        return None
    return stored


_ONCE_PER_MESSAGE = frozenset(
    {
        IntentKind.campaign_undo,
        IntentKind.campaign_start,
        IntentKind.task_approve,
        IntentKind.task_dismiss,
    }
)


def _said_twice(intent: Intent, before: list[Intent]) -> bool:
    """An action asked for again in the next sentence of the same message is one action."""
    return bool(before) and intent.kind in _ONCE_PER_MESSAGE and before[-1].kind is intent.kind


def _count_said_last(intents: list[Intent]) -> list[Intent]:
    """ "find VPs of sales ... then put them into a new list called X and make it 25": a count
    said at the end of a message is the search's, not a search of its own after the save."""
    if len(intents) < 3 or not intents[-1].refinement:
        return intents
    last, first = intents[-1], intents[0]
    if (
        last.kind is not IntentKind.prospect_search
        or first.kind is not IntentKind.prospect_search
        or first.filters is None
        or last.filters is None
        or any(i.kind is IntentKind.prospect_search for i in intents[1:-1])
    ):
        return intents
    before, after = first.filters.to_dict(), last.filters.to_dict()
    if {k: v for k, v in before.items() if k != "limit"} != {
        k: v for k, v in after.items() if k != "limit"
    }:
        return intents
    first.filters = ProspectFilters.from_dict({**before, "limit": after.get("limit", 25)})
    return intents[:-1]


def _attach_leading_filters(intents: list[Intent]) -> list[Intent]:
    """ "In New York, find me law firm CEOs": a role-less clause right before a search belongs to it."""
    out: list[Intent] = []
    for intent in intents:
        prev = out[-1] if out else None
        if (
            prev
            and prev.kind is IntentKind.clarify
            and prev.missing == ["roles"]
            and prev.filters is not None
            and (
                (intent.kind is IntentKind.prospect_search and not intent.refinement)
                # "funding: Series A; raised: last 90d; title: CEO": each role-less part
                or (intent.kind is IntentKind.clarify and intent.missing == ["roles"])
            )
            and (intent.filters is not None or intent.kind is IntentKind.prospect_search)
        ):
            merged = {k: v for k, v in prev.filters.to_dict().items() if k != "limit"}
            merged.update(intent.filters.to_dict() if intent.filters is not None else {})
            intent.filters = ProspectFilters.from_dict(merged)
            out[-1] = intent
            continue
        out.append(intent)
    return out


def _fill_new_list(intents: list[Intent]) -> list[Intent]:
    """ "create a new list X and add them": one list_create filled with the results."""
    out: list[Intent] = []
    for intent in intents:
        prev = out[-1] if out else None
        if (
            prev
            and prev.kind is IntentKind.list_create
            and (
                (intent.kind is IntentKind.list_add and intent.list_target != "named")
                or (intent.kind is IntentKind.list_add and intent.list_name == prev.list_name)
                or (intent.kind is IntentKind.clarify and intent.missing == ["list"])
            )
        ):
            prev.selector = {"prospects": "last_results"}
            continue
        out.append(intent)
    return out


# Steps that act on a list: a later one that names none acts on the list named before it.
_USES_A_LIST = frozenset(
    {
        IntentKind.list_export,
        IntentKind.list_stats,
        IntentKind.list_contents,
        IntentKind.list_remove,
        IntentKind.list_rename,
        IntentKind.list_delete,
        IntentKind.campaign_create,
    }
)


def _list_named_before(intents: list[Intent]) -> list[Intent]:
    """ "save these to Q1 Leads and then export that list", "make a new list Dental Owners TX
    with these results, then create a campaign for it", "add them to X + spin up a campaign":
    a step after the one that named a list, naming none itself ("it", "that list" or nothing),
    is for that list, by its name."""
    named: str | None = None
    for intent in intents:
        if (
            named
            and intent.kind in _USES_A_LIST
            and (
                intent.list_target == "last"
                or (intent.list_target is None and not intent.list_name)
            )
        ):
            intent.list_name, intent.list_target = named, "named"
            if "list" in intent.params:
                intent.params["list"] = named
        if (
            intent.kind
            in (
                IntentKind.list_add,
                IntentKind.list_create,
                IntentKind.list_contents,
                IntentKind.list_stats,
            )
            and intent.list_name
            and intent.list_target in ("named", "new")
        ):
            named = intent.list_name  # ("what's in Fintech CFOs? and rename it to ...")
    return intents


def _one_rewrite(intents: list[Intent]) -> list[Intent]:
    """ "email is too formal, make it more casual", "shorten the first email and make it more
    casual": one rewrite of the same email, not two (a later change naming no email is of the
    one named before)."""
    out: list[Intent] = []
    for intent in intents:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind is IntentKind.email_rewrite
            and intent.kind is IntentKind.email_rewrite
            and intent.params.get("step") in (None, prev.params.get("step"))
            and not {"edit", "subject"} & (prev.params.keys() | intent.params.keys())
            # "trim it down, and change the subject line so ...": the body, then the subject
            and not (intent.params.get("part") and not prev.params.get("part"))
        ):
            # ("make it warmer! it sounds kinda stiff": a verdict after the tone asked is a reason)
            later = dict(intent.params)
            if later.pop(campaigns.VERDICT, False) and "tone" in prev.params:
                later.pop("tone", None)
            elif "tone" in later:
                prev.params.pop(campaigns.VERDICT, None)
            prev.params.update(later)
            continue
        out.append(intent)
    for intent in out:
        intent.params.pop(campaigns.VERDICT, None)
    return out


def _answer_to_roles(intents: list[Intent], state: ConversationState) -> list[Intent]:
    """After "Which roles should I look for?", the answer ("founders", "CFOs in Boston") is
    searched with what the question kept ("fintech startups in NYC"); what it says wins."""
    asked = state.asked_filters
    if not asked or state.asked_turn != state.turn - 1:
        return intents
    for intent in intents:
        if (
            intent.kind is IntentKind.prospect_search
            and not intent.refinement
            and intent.filters is not None
        ):
            new = intent.filters.to_dict()
            merged = {**asked, **new}
            if new.get("limit") == DEFAULT_LIMIT and "limit" in asked:
                merged["limit"] = asked["limit"]
            try:
                intent.filters = ProspectFilters.from_dict(merged)
            except ValidationFailed:
                pass  # what was kept is no search any more (stored before a filter went away)
            break
    return intents


# Answers that say the same thing however often a message asks: given once in a row.
_ONCE = (
    IntentKind.credits,
    IntentKind.capabilities,
    IntentKind.campaign_pause,  # "hold off on sending. pause the campaign": one pause
    IntentKind.campaign_start,
    IntentKind.campaign_stats,
)


def _asks_nothing_else(intent: Intent) -> bool:
    """A role-less clause that names no filter, only what Lexi cannot filter on; or a question
    about the people or the list the unsupported ask was to fill ("scrape the speaker list from
    their website and load it in")."""
    if intent.kind is IntentKind.clarify and intent.missing in (["prospects"], ["list"]):
        return True
    if intent.kind is not IntentKind.clarify or intent.missing != ["roles"]:
        return False
    filters = intent.filters.to_dict() if intent.filters is not None else {}
    return not {k for k in filters if k != "limit"}


def _prices_answered(intents: list[Intent]) -> list[Intent]:
    """ "How much does a search cost? And does saving contacts cost extra?": what things cost,
    asked of more than one thing, is answered once by what credits pay for (not the balance)."""
    prices = [i for i in intents if i.params.get("topic") == "credits"]
    if prices and all(
        i.kind in (IntentKind.credits, IntentKind.capabilities)
        or (i.kind is IntentKind.clarify and i.missing == ["request"])
        for i in intents
    ):
        return prices[:1]
    return intents


def _asks_about_nothing(intent: Intent) -> bool:
    """A question for roles or a search that keeps no filter ("new search.", "we run a fintech
    conference in London and I'm selling sponsorships.")."""
    if intent.kind is not IntentKind.clarify or intent.missing not in (["roles"], ["search"]):
        return False
    return intent.filters is None or not {k for k in intent.filters.to_dict() if k != "limit"}


def _verdict_before_show(intents: list[Intent], raw: str) -> list[Intent]:
    """ "open rate is bad.. show me the emails", "That reply rate is dire. Pause it for now.": a
    verdict on the numbers before another step on the campaign asks for no numbers (a question
    about them, with "?", still does); "that's gone far too stiff. Go back to the previous
    version": a verdict on the email before undoing the change asks for no rewrite."""
    kinds = [i.kind for i in intents]
    if (
        len(kinds) == 2
        and kinds[0] is IntentKind.campaign_stats
        and kinds[1] in _CAMPAIGN_STEPS
        and "?" not in raw
    ) or kinds == [IntentKind.email_rewrite, IntentKind.campaign_undo]:
        return intents[1:]
    return intents


_CAMPAIGN_STEPS = frozenset(
    {
        IntentKind.campaign_show,
        IntentKind.campaign_pause,
        IntentKind.campaign_start,
        IntentKind.campaign_undo,
        IntentKind.email_rewrite,
        IntentKind.campaign_create,
    }
)


def _unchanged_search_first(intents: list[Intent], state: ConversationState) -> list[Intent]:
    """ "ok forget it, save these to AU Warehousing": a lead-in that leaves the last search as it
    was, before another kind of request, runs nothing."""
    first = intents[0] if len(intents) > 1 else None
    if (
        first is None
        or not first.refinement
        or first.offset  # "the next 25, and save them": another page
        or first.filters is None
        or state.last_filters is None
        or any(i.kind is IntentKind.prospect_search for i in intents[1:])
        or first.filters != ProspectFilters.from_dict(state.last_filters)
    ):
        return intents
    return intents[1:]


def _tidy(intents: list[Intent]) -> list[Intent]:
    """Greetings and filler give way to real requests; one clarifying question at most."""
    if any(i.kind is IntentKind.prospect_search for i in intents):
        # a lead-in or a coda around the search asks nothing: "new search. CISOs at hospitals
        # ...", "... having more than 500 employees. Could you kindly search for them?"
        intents = [i for i in intents if not _asks_about_nothing(i)]
    elif (
        len(intents) > 1
        and intents[0].kind is IntentKind.clarify
        and intents[0].missing == ["request"]
        and any(i.kind in _ACTIONS for i in intents[1:])
    ):
        intents = intents[1:]  # "AORN is over, get rid of the AORN 2026 Booth list"
    blocked = False
    kept: list[Intent] = []
    for intent in intents:
        if kept and kept[-1].kind is IntentKind.unsupported and _asks_nothing_else(intent):
            continue  # "scrape their site and pull every phone number": the same ask, go on
        if intent.kind is IntentKind.unsupported and any(
            k.kind is IntentKind.unsupported for k in kept
        ):
            # "send them WhatsApp messages? In Brazil everybody uses WhatsApp", "call these folks
            # and set up demos": one answer says what Lexi cannot do
            continue
        # "Find law firms and add them to Q1": no search ran, so there is nothing to add.
        if intent.kind is IntentKind.clarify and intent.missing in (["roles"], ["search"]):
            blocked = True
        elif blocked and intent.selector.get("prospects") == "last_results":
            continue
        elif kept and intent.kind in _ONCE and kept[-1].kind is intent.kind:
            if intent.params.get("topic") and not kept[-1].params.get("topic"):
                kept[-1] = intent  # "hi! can you filter by funding?": the question is answered
            continue  # "how many credits do I have? ... ate credits lol": one answer
        kept.append(intent)
    intents = _prices_answered(kept)
    real = [i for i in intents if i.kind not in (IntentKind.capabilities, IntentKind.clarify)]
    if real:
        # A "request" clarify from a filler clause is noise next to a real request; a clarify
        # that names a missing role or list is not.
        return [
            i
            for i in intents
            if i.kind is not IntentKind.capabilities
            and not (i.kind is IntentKind.clarify and i.missing == ["request"])
        ]
    clarifies = [i for i in intents if i.kind is IntentKind.clarify]
    answered = [i for i in intents if i.kind is IntentKind.capabilities]
    answered.sort(key=lambda i: not i.params.get("topic"))
    if answered and all(i.missing == ["request"] for i in clarifies):
        # "sorry, what does verified mean?", "hi there - before I start, what filters do you
        # support?": the question is answered, the filler around it asks nothing
        return answered[:1]
    if clarifies:
        # "ok let's try. find me some small businesses in Denver": the question about what the
        # search lacks, not the filler's "what do you need?"
        clarifies.sort(key=lambda i: i.missing == ["request"])
        return clarifies[:1]
    return intents[:1] if intents else [clarify("request")]


_DEFAULT = RuleInterpreter()


def interpret(text: str, state: ConversationState | None = None) -> Interpretation:
    """Understand one message given what the conversation left behind."""
    return _DEFAULT.interpret(text, state or ConversationState())
