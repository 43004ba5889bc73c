"""Questions about what a word, a column or a filter means: answered, never searched.

"what does verified mean in the email column?", "what's a catch-all email?", "how do you define
growing fast?" name a filter value, but ask what it is; read as a refinement they would run (and
charge) a search. A question of that shape is a ``capabilities`` intent whose ``topic`` is the
code of the concept asked about (``phrases.CONCEPTS`` words the answer), or None when the word
is not one Lexi explains (the reply then lists what it can do).
"""

from __future__ import annotations

import re

from . import prefilter

# The concepts, each with the words that name it (matched as whole words, lower case). The first
# that the asked-about phrase names is the topic; more specific concepts come first.
_TOPICS: list[tuple[str, tuple[str, ...]]] = [
    ("email_catch_all", ("catch-all", "catch all", "catchall", "accept-all", "accept all")),
    ("email_guessed", ("guessed", "guess", "extrapolated", "unverified", "likely")),
    ("email_unavailable", ("unavailable", "bounced", "invalid", "no email")),
    ("email_verified", ("verified", "verify", "validated", "valid")),
    ("email_status", ("email status", "email column", "email statuses", "statuses", "status")),
    ("headcount_growth", ("growing fast", "fast-growing", "fast growing", "growing", "growth")),
    ("shrinking", ("shrinking", "declining")),
    ("recently_funded", ("recently funded", "recently raised", "funded", "funding")),
    ("new_in_role", ("new in role", "new in their role", "job change", "new hire", "new in")),
    ("just_adopted", ("just adopted", "adopted", "technolog", "tech stack")),
    ("hiring", ("hiring", "job posting", "open position", "open role", "postings")),
    ("seniority", ("seniority", "seniorities", "level")),
    ("department", ("department",)),
    ("credits", ("credit", "credits", "charge", "cost")),
    ("contacts", ("contact", "contacts", "saved")),
    ("approval", ("approval", "approve", "pending", "task")),
]

# "what (exactly) does X mean / signify / stand for", "what do you mean by X", "how do you define
# X", "what counts as X", "what is meant by X", "define X", "meaning of X".
_ASKS_MEANING = prefilter.compile(
    r"^\W*(?:(?:so|ok(?:ay)?|hm+|hey|sorry|quick\s+question|q|one\s+thing|also|and|btw|"
    r"just\s+curious|wait)\W+)*"
    r"(?:"
    r"wh?at\s+(?:do|did)\s+(?:you|u)\s+mean\s+by\s+(?P<b>.{1,60})|"
    r"wh?at\s+(?:exactly\s+|precisely\s+|actually\s+)?(?:does|do|did)\s+(?P<a>.{1,60}?)\s+"
    r"(?:actually\s+|exactly\s+|really\s+|precisely\s+)?(?:mean|means|signify|stand\s+for|"
    r"refer\s+to|indicate)\b"
    r"|what\s+is\s+meant\s+by\s+(?P<c>.{1,60})"
    r"|wh?at\s+means?\s+(?P<i>.{1,60})"  # "what mean catch-all email?"
    r"|what\s+(?:counts|qualifies)\s+as\s+(?P<d>.{1,60})"
    r"|how\s+(?:do|does|did)\s+(?:you|u|lexi|lexi's|the\s+app)\s+(?P<e>(?:define|measure|calculate|"
    r"decide|determine|work\s+out|judge|verify|check|guess|count|score)\s+.{1,60})"
    r"|(?:what(?:'s|\s+is)\s+the\s+)?(?:meaning|definition)\s+of\s+(?P<g>.{1,60})"
    r"|wh?at(?:'s|s|\s+is)\s+the\s+difference\s+between\s+(?P<h>.{1,60})"
    r")",
    re.IGNORECASE,
)
# "define guessed", "how does approval work?": a question about meaning only when it names a
# concept Lexi explains ("explain it to them in the email" is no question).
_NAMED_ONLY = prefilter.compile(
    r"^\W*(?:please\s+|can\s+you\s+|could\s+you\s+)?(?:define|explain)\s+(?P<x>.{1,60})"
    r"|\bhow\s+(?:does|do)\s+(?:the\s+|your\s+)?(?P<y>[\w\s'-]{1,30}?)\s+work\b"
    r"|^\W*(?:is|are)\s+(?P<z>[\w\s'-]{1,30}?)\s+the\s+same\s+(?:as|thing\s+as)\b",
    re.IGNORECASE,
)
# "what's a catch-all email?", "what is a guessed email": asked about a concept by name alone;
# only a concept Lexi explains makes this a question about meaning ("what's a good list" is not).
_WHAT_IS = prefilter.compile(
    r"^\W*(?:(?:so|ok(?:ay)?|hm+|hey|sorry|quick\s+question|also|and|btw|wait)\W+)*"
    r"wh?at(?:'s|s|\s+is|\s+are|\s+r)\s+(?:an?\s+|the\s+)?(?P<x>[^?]{1,40}?)"
    r"(?:\s+(?:e-?mails?|addresses|emails?\s+status|status|signal|filter)s?)?\s*\?*\s*$",
    re.IGNORECASE,
)
_NOT_A_CONCEPT = re.compile(
    r"\b(?:in\s+(?:my|the|our)\b|lists?\b|campaign|balance|left\b|my\s+credits?|the\s+(?:cost|price))",
    re.IGNORECASE,
)


def topic_of(phrase: str, leading: bool = False) -> str | None:
    """The code of the concept a phrase names ("verified" in the email column:
    ``email_verified``), or None; with ``leading``, only a concept the phrase starts with."""
    low = phrase.lower().strip(" '\"")
    for code, words in _TOPICS:
        for word in words:
            found = (
                low.startswith(word) if leading else re.search(rf"(?<![\w-]){re.escape(word)}", low)
            )
            if found:
                return code
    return None


def question(text: str, quotes: list[str]) -> tuple[bool, str | None]:
    """(whether the clause asks what something means, the concept's code when known)."""
    if m := _ASKS_MEANING.match(text):
        phrase = next(g for g in m.groups() if g is not None)
        return True, topic_of(_unquoted(phrase, quotes))
    if m := _NAMED_ONLY.search(text):
        topic = topic_of(_unquoted(m["x"] or m["y"] or m["z"], quotes))
        if topic is not None:
            return True, topic
    if (m := _WHAT_IS.match(text)) and not _NOT_A_CONCEPT.search(text):
        topic = topic_of(_unquoted(m["x"], quotes), leading=True)
        if topic is not None and topic not in ("credits", "contacts", "approval"):
            return True, topic
    return False, None


def _unquoted(phrase: str, quotes: list[str]) -> str:
    return re.sub(r"\bqtok(\d+)\b", lambda q: quotes[int(q[1])], phrase)


# "can you search by what software a company uses?", "can you filter by funding?", "do you have
# phone numbers?", "is there a revenue filter?": a question about what Lexi can filter on or
# has, answered, never searched ("do you have their phone numbers?" asks for the data: an
# unsupported request).
_ASKS_FILTER = prefilter.compile(
    r"^\W*(?:(?:so|ok(?:ay)?|hm+|hey|hi|sorry|quick\s+question|q|also|and|btw|wait|just\s+curious)"
    r"\W+)*(?:"
    r"(?:can|could|do|does|will|would)\s+(?:you|u|i|we|lexi)\s+(?:also\s+|even\s+|actually\s+)?"
    r"(?:search|filter|find|look\s+up|segment|narrow|sort|target|pull|select)\w*\s+"
    r"(?:(?:people|companies|prospects|leads|contacts|results|them)\s+)?(?:by|on|based\s+on|"
    r"according\s+to)\s+(?P<a>[^?]{1,60})"
    r"|(?:do|does)\s+(?:you|u|lexi)\s+(?:also\s+)?(?:have|get|provide|offer|give|include|show|"
    r"support|know)\s+(?:any\s+|the\s+)?(?!their\b|them\b|these\b|those\b)(?P<b>[^?]{1,40})"
    r"|(?:is|are)\s+there\s+(?:a|an|any)\s+(?P<c>[^?]{1,40}?)\s+(?:filters?|options?|fields?)"
    # "is it possible to search for persons which speak German?", "is there a way to filter by
    # years of experience?"
    r"|(?:is\s+it\s+possible|would\s+it\s+be\s+possible|is\s+there\s+(?:a|any)\s+way)\s+(?:for\s+me\s+)?"
    r"to\s+(?:search|filter|find|look\s+up|segment|narrow|target|select)\w*\s+(?:(?:for\s+)?"
    r"(?:people|persons|companies|prospects|leads|contacts|someone|anyone)\s+)?(?:by|on|based\s+on|"
    r"according\s+to|who|which|that|with)\s+(?P<d>[^?]{1,60})"
    r")\s*\?*\s*$",
    re.IGNORECASE,
)
# The topics such a question may be about, the first named wins; others get the list of filters.
_FILTER_TOPICS: list[tuple[str, tuple[str, ...]]] = [
    ("phone", ("phone", "mobile", "cell", "direct dial")),
    ("filter_technologies", ("software", "technolog", "tech stack", "tools", "stack", "crm")),
    ("filter_funding", ("fund", "raised", "series", "investor", "round")),
]


def filter_question(text: str, names_people: bool) -> tuple[bool, str | None]:
    """(whether the clause asks what Lexi can filter on or has, the topic's code). A question
    naming people ("do you have CFOs in Boston?") is a search, not one of these."""
    m = _ASKS_FILTER.match(text)
    if not m or names_people:
        return False, None
    what = (m["a"] or m["b"] or m["c"] or m["d"]).lower()
    for code, words in _FILTER_TOPICS:
        if any(re.search(rf"(?<![\w-]){re.escape(w)}", what) for w in words):
            return True, code
    return True, "filters"


# "does saving contacts cost extra?", "is exporting free?", "do exports use credits too?": what
# something costs, answered by what credits pay for.
_ASKS_PRICE = prefilter.compile(
    r"^\W*(?:(?:and|also|so|but|oh|ok(?:ay)?|plus|btw|wait)\W+)*(?:does|do|will|would|is|are)\s+"
    r"(?:it\s+|there\s+)?(?:[\w'-]+\s+){0,6}?(?:cost|charge|charged|billed|free|use\s+(?:up\s+)?credits?|"
    r"eat\s+credits?)(?:\s+(?:me\s+|us\s+)?(?:extra|anything|more|separately|additionally|credits?|"
    r"too|as\s+well|on\s+top))*(?:\s+to\s+[a-z]+[^?.!]{0,40})?\s*\?*\s*$",
    re.IGNORECASE,
)


def price_question(text: str) -> bool:
    """Whether the clause asks whether something costs (credits) or is free."""
    return bool(_ASKS_PRICE.match(text))
