"""List requests: which list a message names, and add / create / remove / stats."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from . import prefilter
from .fields import QuotedTitle
from .lexicon import TECHNOLOGY_SPELLING
from .selection import selector
from .selection import selector as selection_of
from .types import ConversationState, Intent, IntentKind

I = re.IGNORECASE

# ------------------------------------------------------------------ list names

_REF_WORDS = {
    "this",
    "that",
    "the",
    "my",
    "our",
    "same",
    "current",
    "existing",
    "it",
    "there",
    "a",
    "new",
    "another",
    "one",
    "list",
    "them",
    "these",
    "those",
    "last",
    "previous",
    "contact",
    "contacts",
    "prospect",
    "prospects",
    "lead",
    "leads",
    "people",
    "its",
    "your",
    "which",
    "what",
}
_LAST_REF = re.compile(
    r"\b(?:that|same|last|previous|earlier)\s+(?:one|list)\b|\bto\s+(?:it|there)\b|"
    r"\bfrom\s+(?:it|there)\b|\bin\s+(?:it|there)\b",
    I,
)
_NAMED = re.compile(
    r"\b(?:called|named|titled|name\s+it|call\s+it|labell?ed|entitled|"
    r"(?:with|under|by)\s+(?:the\s+)?name(?:\s+of)?)\s*:?\s+(.+)$",
    I,
)
_NAME_BEFORE_LIST = re.compile(
    r"\b(?:to|into|in|on|onto|from|for|of|as)\s+(?:my|the|our|a|an|your)?\s*(?:new\s+)?(.+?)\s+list\b",
    I,
)
_NAME_AFTER_PREP = re.compile(
    r"\b(?:to|into|onto|from|in|on)\s+(?:the\s+list\s+|list\s+)?(.+?)\s*[?.!]*$", I
)
_NAME_AFTER_LIST = re.compile(
    r"\blist\s*:\s*(.+)$|\blist\s+(?!of\b|for\b|with\b|and\b|to\b|from\b|"
    r"called\b|named\b|in\b|on\b)([A-Z0-9].*)$"
    # "create list test-list-123": one lower-case word with a digit, "-" or "_" is a name too
    r"|\blist\s+([a-z][\w.]*(?:[-_\d][\w.]*)+)\s*$"
)
_TRAILING = re.compile(
    r"(?:\s+(?:list|please|pls|thanks|now|for\s+(?:me|now|the\s+moment|the\s+time\s+being)|too|as\s+well|"
    r"as\s+(?:last\s+time|before|yesterday|usual|always)|"
    r"(?:with|w/|w|from|using|for|of|out\s+of)\s+"
    r"(?:these|them|those|the\s+results|these\s+results|these\s+people|everyone|all\s+of\s+them|"
    r"the\s+same\s+(?:ppl|people|folks|ones|contacts|leads)|"
    r"(?:these|those|the)\s+ones|the\s+(?:people|leads|contacts|prospects)|it)))+\s*$",
    I,
)

# "Gyms - Archive, season's over", "Texas Clinics; no point keeping both", "Q1 (I know, the
# name's wrong)": a remark after the name, a sentence in lower case or in brackets, is no part
# of it ("Dallas, TX Owners" keeps its comma).
REMARK_AFTER = re.compile(
    r"\s*(?:[,;\u2014]\s+(?=(?:(?-i:[a-z])|(?-i:I)\s)[\w'\u2019]*\b(?:\W+\w+)+)|\s+[\u2014\u2013]\s+|"
    r"\s+(?:because|since|cause|cuz|(?-i:bc)|even\s+though|even\s+if|although|though)\s+|"  # ("BC": B.C.)
    # "Test Liste - was only for testing": a hyphen, then what the list was
    r"\s+-\s+(?=(?:was|were|is|it'?s|its|that'?s|just|only|never|not|no\s+longer)\b)|\s*\((?=(?:i|we|it|that|this|they|you|just|btw|fyi|yes|"
    r"yeah|ok|sorry)\b)|"
    # "test123 list pls its just junk", "Old Expo please, that's outdated": what the list is, said
    # after its name without a stop
    r"\s+(?:please\s+)?(?:it'?s|its|it\s+(?:is|was)|that'?s|thats|that\s+(?:is|was)|"
    r"this\s+(?:is|was))\s+(?:just|only|all|a|an|junk|old|outdated|empty|useless|dead|done|"
    r"not|no|from|a\s+test)\b|"
    # "new list called East Idaho CRE Owners put em in there", "delete old test list while im
    # thinking about it": dictated without a stop, the next words are no part of the name
    r"\s+(?:and\s+)?(?:put|add|save|throw|stick|move|dump|pop)\s+(?:em|'em|them|these|those|everyone|all)\b|"
    r"\s+(?:while\s+(?:i'?m|im|i\s+am)\s+(?:thinking\s+(?:about|of)\s+it|at\s+it)|before\s+i\s+forget|"
    r"while\s+i\s+(?:remember|think\s+(?:of|about)\s+it))\b).*$",
    I,
)


def _clean_name(name: str, quotes: list[str]) -> str | None:
    name = REMARK_AFTER.sub("", name.strip())  # before the quotes: a quoted name is whole
    name = re.sub(r"\bqtok(\d+)\b", lambda m: quotes[int(m[1])], name)
    name = _TRAILING.sub("", name.strip(" \t.,!?;:'\"“”‘’")).strip(" \t.,!?;:'\"“”‘’")
    if not name or len(name) > 120:
        return None
    if all(w.lower() in _REF_WORDS for w in name.split()):
        return None
    return name


def known_name(name: str, known: list[str]) -> str | None:
    low = name.lower().strip()
    for k in known:
        if k.lower() == low:
            return k
    starts = [
        k
        for k in known
        if k.lower().startswith(low) and re.match(rf"{re.escape(low)}\b", k.lower())
    ]
    if len(starts) == 1:
        return starts[0]
    best, score = None, 0.0
    for k in known:
        s = fuzz.ratio(low, k.lower())
        if s > score:
            best, score = k, s
    return best if score >= 88 else None


def _names_list(low: str, name: str) -> bool:
    """Whether a lower-cased text names a list as a whole word or words ("q1 leads")."""
    key = name.lower()
    # the name must be in the text at all: most texts name no list, and no pattern is built
    return key in low and bool(re.search(rf"(?<!\w){re.escape(key)}(?!\w)", low))


def list_name_in(
    clause: str,
    quotes: list[str],
    state: ConversationState,
    *,
    after_prep: bool = True,
    new: bool = False,
) -> str | None:
    """The list a clause names: quoted, "called X", "my X list", or a known list name.

    ``new``: the name of a list to create, taken as written (never matched to an existing one).
    """
    if new:
        state = ConversationState()
    q = re.search(r"\bqtok(\d+)\b", clause) if "qtok" in clause else None
    if q:
        return _resolve(quotes[int(q[1])], state)
    m = _NAMED.search(clause)
    if m and (name := _clean_name(m[1], quotes)):
        return _resolve(name, state)
    low = clause.lower()
    found = [k for k in state.known_list_names if _names_list(low, k)]
    if found:
        return max(found, key=len)
    m = _NAME_BEFORE_LIST.search(clause)
    if (
        m
        and (name := _clean_name(m[1], quotes))
        and not re.search(r"\b(?:new|same|this|that)\b", name, I)
    ):
        # "Repro List": a capitalised "List" after a capitalised name belongs to the name.
        tail = clause[m.end(1) : m.end()]
        if re.fullmatch(r"\s+List", tail) and name[:1].isupper():
            return _resolve(name + " List", state)
        return _resolve(name, state)
    m = _NAME_AFTER_LIST.search(clause)
    if m and (name := _clean_name(m[1] or m[2] or m[3], quotes)):
        return _resolve(name, state)
    if after_prep:
        m = _NAME_AFTER_PREP.search(clause)
        if m and (name := _clean_name(m[1], quotes)) and len(name.split()) <= 6:
            return _resolve(name, state)
    return None


def _resolve(name: str, state: ConversationState) -> str:
    return known_name(name, state.known_list_names) or name


def list_target(
    clause: str, name: str | None, state: ConversationState
) -> tuple[str | None, str | None]:
    """(target, list_name): named, context, last, or (None, None) when nothing resolves."""
    if name:
        if state.context_list_name and name.lower() == state.context_list_name.lower():
            return "context", state.context_list_name
        if state.last_list_name and name.lower() == state.last_list_name.lower():
            return "named", state.last_list_name
        return "named", name
    if _LAST_REF.search(clause):
        if state.last_list_id or state.last_list_name:
            return "last", state.last_list_name
        if state.context_list_id:
            return "context", state.context_list_name
        return None, None
    if state.context_list_id:
        return "context", state.context_list_name
    if state.last_list_id or state.last_list_name:
        return "last", state.last_list_name
    return None, None


# ------------------------------------------------------------------ list operations
# "store" as a verb; "Store Directors", "store managers" name a role, "store count" a size.
_STORE = (
    r"store(?!\s+(?:managers?|directors?|leads?|associates?|owners?|operations|ops|clerks?|"
    r"employees?|staff|teams?|supervisors?|locations?|network|count|openings?|level|chains?)\b)"
)

_RESULTS = re.compile(
    r"\b(?:them|these|those|they|the\s+results?|results|all\s+of\s+them|everyone|"
    r"everybody|the\s+people|these\s+people|those\s+people|the\s+(?:leads|prospects|"
    r"contacts)|the\s+ones|all|this\s+batch|the\s+batch|the\s+lot|em)\b",
    I,
)
_CREATE_LIST = prefilter.compile(
    r"\b(?:create|make|start|set\s+up|build|open|spin\s+up|add)\s+(?:me\s+|us\s+)?(?:a\s+|an\s+|one\s+)?(?:(?:empty|blank|fresh|separate|brand\s+new)\s+)?"
    r"(?:new\s+)?(?:(?:contact|prospect|lead)\s+)?list\b(?!\s+of\b)|"
    r"\bnew\s+(?:(?:empty|blank|separate)\s+)?(?:(?:contact|prospect|lead)\s+)?list\b|"
    # (not "save them to New GC Intros": a list whose name starts with "New")
    rf"\b(?:save|{_STORE}|put|add|keep)\b.*\b(?:as|in|into|to)\s+(?:a\s+)?new\b"
    r"(?!\s+(?-i:[A-Z0-9]{2}|[A-Z][a-z]+\s+[A-Z0-9]))|"
    # "save them somewhere called Denver Owners": a place named for the first time
    r"\b(?:save|store|put|add|keep|stick|dump|throw|drop)\b.*\b(?:somewhere|something|"
    r"(?:a|an|one)\s+(?:new\s+)?(?:place|spot|folder|bucket|group|segment))\s+(?:called|named|titled)\b",
    I,
)


def _unquoted(clause: str, quotes: list[str]) -> str:
    return re.sub(r"\bqtok(\d+)\b", lambda m: quotes[int(m[1])], clause).lower()


# "save as Midwest AEs" after a search: the results, under that name.
_SAVE_AS_ALONE = re.compile(
    r"^\W*(?:(?:and|ok|okay|now|then)\s+)?(?:save|store)\s+as\s+(?!a\b|an\b)\S", I
)
_SAVE_AS = prefilter.compile(r"\b(?:save|store|keep)\b.*?\bas\s+(?!a\b|an\b|new\b)(.+)$", I)
# Words between "who's" and "in" a list: "who's left in", "who is currently in", "who's actually in".
_STILL_IN = (
    r"(?:left\s+|still\s+|currently\s+|now\s+|actually\s+|there\s+)?"  # ("who is there in X")
)
_STATS = prefilter.compile(
    r"\bhow\s+(?:many|big|large|long)\b|\bsize\s+of\b|\bcount\b|\bnumber\s+of\b|\bstats?\b|"
    rf"\bstatistics\b|\bwhat'?s\s+in\b|\bwhat\s+is\s+in\b|\bwho'?s\s+{_STILL_IN}(?:in|on|inside)\b|"
    rf"\bwho\s+is\s+{_STILL_IN}(?:in|on|inside)\b|"
    r"\bhow'?s\b.*\blist\b|\bsummary\s+of\b|\bsummari[sz]e\b|\boverview\b|"
    # "pull up the Payments BD list", "show me the Q1 Leads list", "open my Dental AZ list"
    r"^\W*(?:(?:can|could)\s+(?:you|u)\s+)?(?:please\s+)?(?:show(?:\s+me)?|pull\s+up|bring\s+up|"
    r"open(?:\s+up)?|display|view)\s+(?:my\s+|the\s+|our\s+)?[\w&' -]{1,60}?\s+list\W*(?:please|pls)?\W*$",
    I,
)
# "show roofers fl", "pull up hvac tx": a list of the user's, named with nothing else.
_SHOW_NAMED = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|now|and|so|then|please|pls)\W+)*(?:show(?:\s+me)?|pull\s+up|bring\s+up|"
    r"open(?:\s+up)?|display|view)\s+(?:my\s+|the\s+|our\s+)?(?P<name>[^,.;!?]{2,60}?)"
    r"(?:\s+(?:please|pls|again|now))*\W*$",
    I,
)


def _exactly_known(name: str, state: ConversationState) -> str | None:
    """The user's list of exactly this name, in any case ("roofers fl" is "Roofers FL")."""
    low = name.strip().lower()
    return next((k for k in state.known_list_names if k.lower() == low), None)


_STATS_IN = prefilter.compile(
    r"\bhow\s+many\s+(?:contacts|people|leads|prospects|members|names|entries|records|folks)\s+"
    r"(?:are\s+(?:there\s+)?|do\s+i\s+have\s+|do\s+we\s+have\s+|have\s+i\s+got\s+|is\s+there\s+|"
    r"are\s+saved\s+|did\s+i\s+save\s+|)(?:in|on)\s+(?!(?:it|there|the\s+list|this|that)\b)(.+?)\s*[?.!]*$",
    I,
)
_STATS_IT = prefilter.compile(
    r"\bhow\s+(?:big|large|long)\s+is\s+(?:it|that|this)\b|"
    # "how many in it", "how many people are on it now", "how many's in there"
    r"\bhow\s+many(?:'s|\s+(?:people|contacts|leads|prospects|ppl|folks|names))?(?:\s+(?:are|is))?"
    # ("how many are there in it now")
    r"(?:\s+there)?(?:\s+(?:now|total|altogether|in\s+total))?\s+(?:in|on)\s+(?:it|there)\b|"
    r"\bwhat'?s\s+the\s+(?:count|size|total)\s+(?:of|on|in|for)\s+(?:it|that\s+list|the\s+list)\b|"
    r"\bhow\s+many\s+(?:\w+\s+){0,3}?(?:ended\s+up|made\s+it|landed|got\s+(?:in|added|saved)|went|are\s+now|"
    r"were\s+(?:added|saved))\s+(?:(?:in|on|into|to)\s+)?(?:it|there|that\s+list|the\s+list)\b|"
    # "show me who's in it", "who is on there now?"
    r"\bwho(?:'s|\s+is|\s+are|\s+all\s+is)\s+(?:in|on)\s+(?:it|there)\b",
    I,
)
_REMOVE = prefilter.compile(
    r"\b(?:remove|delete|take\s+(?:out|off)|drop|kick\s+out|get\s+rid\s+of|"
    r"clear\s+out|strip|purge|pull|(?:take|kick|throw|boot)\b(?=.*\b(?:off|out\s+of)\b))\b",
    I,
)
_ADD = prefilter.compile(
    rf"\b(?:add|save|put|push|{_STORE}|stick|throw|dump|move|append|copy|chuck|pop|toss|bung|shove|"
    # ("import and export companies", "import firms": the trade, not a verb)
    r"import(?!\s+(?:and|&|/|-)\s*export|\s+(?:compan(?:y|ies)|firms?|businesses|cos|houses?|trad))|"
    r"include|bookmark|shortlist|load|drop(?=\s+(?:them|these|those|em|'em)\s+(?:in|into|to|onto)\b)|"
    # said in slang: "plonk them in X", "stash the lot on X"
    r"(?:plonk|whack|sling|stash)(?!\s+(?:out|away|up|off)\b)"
    r"(?=\s+(?:them|these|those|em|'em|it|all|everyone|the\s+\w+)\b.*?\b(?:in|into|to|onto|on)\s))\b",
    I,
)
_LIST_WORD = prefilter.compile(r"\blists?\b", I)
# "only include those with verified emails": a filter on the search, not adding to a list.
_ONLY_INCLUDE = re.compile(r"\b(?:only|just)\s+include\b|\binclude\s+only\b", I)


def _saves_as_known(clause: str, quotes: list[str], state: ConversationState) -> bool:
    """Whether "save as <name>" names a list the user has: the whole name, not a known name
    inside a longer one ("save as PNW Nonprofit EDs" beside a list "Nonprofit EDs" is new)."""
    m = _SAVE_AS.search(clause)
    name = _clean_name(m[1], quotes) if m else None
    if name is None:
        return any(k.lower() in _unquoted(clause, quotes) for k in state.known_list_names)
    return known_name(name, state.known_list_names) is not None


def names_new_list(clause: str) -> bool:
    """ "create a list called Event Follow-ups": a list, even if the name sounds like a campaign."""
    return bool(_CREATE_LIST.search(clause) and _NAMED.search(clause))


_QTOK = re.compile(r"\bqtok(\d+)\b")


def _quoted_list(index: str, quotes: list[str], state: ConversationState) -> bool:
    """Whether a quoted phrase may name a list: 'add "Director of Platform Engineering" too' quotes
    a job title, unless a list of the user's has that name."""
    quoted = quotes[int(index)] if int(index) < len(quotes) else ""
    return (
        not isinstance(quoted, QuotedTitle)
        or known_name(quoted, state.known_list_names) is not None
    )


def list_operation(
    clause: str, quotes: list[str], state: ConversationState, *, after_search: bool
) -> Intent | None:
    low = clause.lower()
    has_list_ref = bool(
        _LIST_WORD.search(clause)
        or ("qtok" in clause and any(_quoted_list(q, quotes, state) for q in _QTOK.findall(clause)))
        or any(k.lower() in low for k in state.known_list_names)
    )
    if (
        _CREATE_LIST.search(clause)
        or (_SAVE_AS.search(clause) and _RESULTS.search(clause))
        or (
            _SAVE_AS_ALONE.match(clause)
            and (after_search or state.has_results())
            and not _saves_as_known(clause, quotes, state)
        )
    ):
        return _create(clause, quotes, state, after_search)
    if (
        _REMOVE.search(clause)
        and re.search(r"\b(?:from|off|out\s+of)\b", clause, I)
        and (has_list_ref or _LAST_REF.search(clause))
    ):
        return _remove(clause, quotes, state)
    if _STATS_IT.search(clause) and (state.last_list_name or state.context_list_id):
        return _stats_of_it(clause, state)
    m = _STATS_IN.search(clause)
    if m and not has_list_ref and (name := _clean_name(m[1], quotes)):
        return _targeted(IntentKind.list_stats, clause, _resolve(name, state), state)
    if (shown := _SHOW_NAMED.match(clause)) and (name := _exactly_known(shown["name"], state)):
        return _targeted(IntentKind.list_stats, clause, name, state)
    if _STATS.search(clause) and has_list_ref:
        name = list_name_in(clause, quotes, state)
        return _targeted(IntentKind.list_stats, clause, name, state)
    if (
        _ADD.search(clause)
        and not (_ONLY_INCLUDE.search(clause) and not has_list_ref)
        and (
            has_list_ref
            or _RESULTS.search(clause)
            or _LAST_REF.search(clause)
            or (selector(clause) and re.search(r"\b(?:to|into|onto)\b", clause, I))
        )
    ):
        if not (has_list_ref or re.search(r"\b(?:to|into|in|onto)\b", clause, I)) and not re.search(
            r"\b(?:save|store|bookmark|shortlist)\b|^\W*(?:and\s+)?add\s+(?:them|these|those|em|'em|"
            r"everyone|all\s+of\s+them)\W*$",
            clause,
            I,
        ):
            return None
        if (
            re.search(r"\b(?:also|too|as\s+well)\b", clause, I)
            and not has_list_ref
            and not re.search(r"\b(?:to|into|onto)\b", clause, I)
        ):
            return None
        if not after_search and not (state.last_filters or state.last_prospect_ids):
            return _clarify(["prospects"], "prospects")
        picked = selector(clause)
        if picked.get("company"):
            # "add the ones at Acme to Q1 Leads": the company is no part of the list's name.
            clause = re.sub(re.escape(picked["company"]), " ", clause)
        name = list_name_in(clause, quotes, state)
        if (
            name
            and _TO_A_LIST_CALLED.search(clause)
            and not known_name(name, state.known_list_names)
        ):
            # "save these to a list called TX Benefits": a list named for the first time
            new = Intent(kind=IntentKind.list_create, list_name=name, list_target="new")
            new.selector = {"prospects": "last_results", **picked}
            return new
        intent = _targeted(IntentKind.list_add, clause, name, state)
        if intent.kind is IntentKind.list_add:
            intent.selector = {"prospects": "last_results", **picked}
        elif "asked" in intent.params:
            intent.params["asked"]["selector"] = {"prospects": "last_results", **picked}
        return intent
    return _asked_about(clause, state)


# "into Midwest Ops", "and onto Q1 Leads please": after a search, only where to put its people.
_BARE_INTO = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|and|now|then|so|all|great|cool|perfect|please|pls)\W+)*"
    r"(?:in|into|onto|to)\s+(?:the\s+|my\s+|our\s+)?(?P<name>[^,;.!?]{2,60}?)"
    r"(?:\s+list)?(?:\W+(?:please|pls|thanks|thx|ta|cheers))*\W*$",
    I,
)


def saved_into_known(
    clause: str, quotes: list[str], state: ConversationState, searched: bool
) -> Intent | None:
    """ "into Midwest Ops" after a search: its people saved to that list of the user's (a name
    no list has is no request to save)."""
    if clause[:12].lstrip(" ,.!-").split(" ", 1)[0].lower() not in _INTO_WORDS:
        return None
    m = _BARE_INTO.match(clause)
    if not m or not (searched or state.has_results()):
        return None
    raw = m["name"]
    q = re.fullmatch(r"qtok(\d+)", raw)
    name = quotes[int(q[1])] if q else _exactly_known(raw, state)
    if name is None:
        return None
    intent = _targeted(IntentKind.list_add, clause, name, state)
    intent.selector = {"prospects": "last_results"}
    return intent


_INTO_WORDS = frozenset(
    ("in", "into", "onto", "to", "ok", "okay", "and", "now", "then", "so", "all", "great", "cool")
    + ("perfect", "please", "pls")
)


def _stats_of_it(clause: str, state: ConversationState) -> Intent:
    """ "how many in it", "who's on there": the list the conversation is about."""
    intent = _targeted(IntentKind.list_stats, "that list", None, state)
    _people_asked(intent, clause)
    return intent


def _people_asked(intent: Intent, clause: str) -> None:
    """ "who's in it", "what's in Q1 Leads?": the first people too; "show me who's on it",
    "who's on Q1 Leads?": the people asked for."""
    if _WHO_IS_IN.search(clause):
        intent.params["show"] = True
        if _WHO_ON.search(clause) and intent.kind is IntentKind.list_stats:
            intent.kind = IntentKind.list_contents


def _asked_about(clause: str, state: ConversationState) -> Intent | None:
    """ "and Q1 Leads?", "what about Ohio CFOs": the stats of a list named in a short question
    (not "find more agency owners in Chicago" beside a list "Agency Owners")."""
    low = clause.lower()
    named = [k for k in state.known_list_names if _names_list(low, k)]
    if (
        named
        and not _ADD.search(clause)
        and not _REMOVE.search(clause)
        and not _FINDS.match(clause)
        and re.search(r"\b(?:and|what\s+about|how\s+about|in|on|for)\b", clause, I)
        and len(clause.split()) <= 8
    ):
        return _targeted(IntentKind.list_stats, clause, max(named, key=len), state)
    return None


# "find more agency owners in Chicago" beside a list "Agency Owners": a search verb asks for
# people, whatever list their words name.
_FINDS = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|now|also|and|so|then|great|cool|next|please|pls)\W+)*"
    r"(?:(?:can|could)\s+you\s+)?(?:find|search(?:\s+for)?|look\s+(?:for|up)|get\s+me|pull|dig\s+up|"
    r"source|track\s+down)\b",
    I,
)


# "save to Midwest CPA", "store these in Q3 Targets": the results saved under a name, which is a
# new list unless the user has one so named ("save them to my Conference list" says it exists).
_SAVE_TO_NAME = prefilter.compile(
    r"^\W*(?:(?:ok(?:ay)?|and|now|then|so|just|great|cool|perfect|nice|fine|alright|please|pls)\W+)*"
    r"(?:save|store|stash)\s+(?:(?:them|these|those|em|'em|everyone|everybody|all(?:\s+of\s+"
    r"(?:them|these|those))?|the\s+(?:results|lot|people|leads|prospects|contacts)|these\s+people|"
    r"those\s+people|this\s+batch|the\s+(?:first|top|last)\s+\w+)\s+)?(?:to|into|in|under)\s+"
    r"(?!(?:a|an|the|my|our|your|new|this|that|same|it|there|one|another)\b)(?!.*\blists?\b)(?P<name>\S.*)$",
    I,
)


def save_to_new(
    clause: str, quotes: list[str], state: ConversationState, after_search: bool
) -> Intent | None:
    """The list_create of "save to <a name no list has>" after an earlier turn's search; None
    otherwise (in the message that searches, "find ... and save them to Medtech EU" names a list
    the user may have, and adds to it)."""
    m = _SAVE_TO_NAME.search(clause)
    if after_search or not m or not state.has_results():
        return None
    name = _clean_name(m["name"], quotes)
    known = [*state.known_list_names, state.last_list_name, state.context_list_name]
    if not name or known_name(name, [k for k in known if k]) or _elsewhere(name, quotes):
        return None
    intent = Intent(kind=IntentKind.list_create, list_name=name, list_target="new")
    intent.selector = {"prospects": "last_results", **selector(clause)}
    return intent


# Where else results may be "saved": files, sheets and the user's own systems (asks Lexi cannot
# serve, answered by the recognisers after this one).
_NOT_A_LIST = re.compile(
    r"(?:(?:a|an|the|my|our)\s+)?(?:csv|excel|xlsx?|pdf|google\s+sheets?|sheets?|spreadsheets?|"
    r"files?|docs?|google\s+drive|drive|dropbox|desktop|computer|laptop|phone|clipboard|disk|"
    r"crm|erp|ats|inbox|email|calendar|database|db)(?:\s+(?:file|format|sheet))?",
    I,
)


def _elsewhere(name: str, quotes: list[str]) -> bool:
    """Whether a name given to "save to" is no list's: a file or system, a technology
    ("save to hubspot"), or only a place ("save in texas")."""
    if name in quotes:
        return False  # quoted: a name as written
    if _NOT_A_LIST.fullmatch(name) or name.lower() in TECHNOLOGY_SPELLING:
        return True
    from .scanner import extract

    slots = extract(name)
    only_place = slots.locations and not (slots.has_role or slots.industries or slots.unknown)
    return bool(only_place)


_WHO_IS_IN = re.compile(
    rf"\b(?:what'?s|what\s+is|who'?s|who\s+is|who\s+are|show\s+me|list)\s+{_STILL_IN}(?:in|on|inside|the\s+people|"
    r"the\s+(?:contacts|leads|names|folks)\s+(?:in|on)\b)\b|"
    r"\bsummar|\boverview\b|\bgimme\s+the\s+(?:names|people|contacts)\b|"
    r"\bshow\s+(?:me\s+)?(?:everybody|everyone|all\s+the\s+people)\s+(?:in|on)\b|"
    r"^\W*(?:(?:can|could)\s+(?:you|u)\s+)?(?:please\s+)?(?:show|pull\s+up|"
    r"bring\s+up|open|display|view)\b",
    I,
)


_TO_A_LIST_CALLED = re.compile(
    r"\b(?:to|into|in|onto|on)\s+(?:a|an)\s+list\s+(?:called|named|titled)\b"
    # "save in list Relocation DE NL": the word list before a name the user has no list of
    r"|\b(?:to|into|in|onto)\s+list\s+(?!(?:called|named|titled)\b)(?=[\w\"'])",
    I,
)


def _targeted(kind: IntentKind, clause: str, name: str | None, state: ConversationState) -> Intent:
    target, resolved = list_target(clause, name, state)
    if target is None:
        asking = _clarify(["list"], "which_list")
        asking.params["asked"] = {"kind": kind.value}
        return asking
    intent = Intent(kind=kind, list_name=resolved, list_target=target)
    if kind is IntentKind.list_stats:
        _people_asked(intent, clause)
    return intent


# "who's on Brand Partners rn", "who is in Seoul Webinar list? I need to check the names": the
# people of the list, not how many.
_WHO_ON = re.compile(
    r"\b(?:who'?s|who\s+is|who\s+are|who\s+all(?:'s|\s+is|\s+are))\s+(?:the\s+(?:contacts|people|leads|names|folks)\s+)?"
    rf"{_STILL_IN}(?:in|on|inside)\b|"
    r"\b(?:show|see|give|gimme|list)\s+(?:me\s+)?(?:the\s+|their\s+)?(?:names|people|contacts|members|"
    r"everybody|everyone|all\s+the\s+people)\b",
    I,
)


def _create(clause: str, quotes: list[str], state: ConversationState, after_search: bool) -> Intent:
    name = list_name_in(clause, quotes, state, after_prep=False, new=True)
    if name is None:
        m = _SAVE_AS.search(clause)
        if m:
            name = _clean_name(m[1], quotes)
    if name is None:
        m = (
            re.search(r"\bnew\s+(?:list\s+)?(?:for|of)\s+(.+)$", clause, I)
            or re.search(
                r"\bnew\s+list(?:\s*,?\s*(?:please|pls|plz))?\s*(?:[,:\-–—]\s*|\s(?:called|named|titled)\s+)(.+)$",
                clause,
                I,
            )
            or _NEW_LIST_TYPED.match(clause)
        )
        name = _clean_name(m[1], quotes) if m else None
    uses_results = (
        after_search
        or bool(_RESULTS.search(re.sub(r"\bqtok\d+\b", "", clause)))
        or bool(_SAVE_AS_ALONE.match(clause))
        or _saves_results(clause, state)
    )
    if not name:
        asking = _clarify(["list_name"], "list_name")
        asking.params["asked"] = {"kind": IntentKind.list_create.value}
        if uses_results and (after_search or state.has_results()):
            asking.params["asked"]["selector"] = {"prospects": "last_results"}
        return asking
    intent = Intent(kind=IntentKind.list_create, list_name=name, list_target="new")
    if uses_results:
        if not after_search and not (state.last_filters or state.last_prospect_ids):
            return _clarify(["prospects"], "new_list_people")
        intent.selector = {"prospects": "last_results"}
    return intent


# "new list bay cros", "make new list tx roofers": typed fast, the rest of the clause is the name.
_NEW_LIST_TYPED = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|and|now|then|so)\W+)*(?:(?:create|make|start|open)\s+)?(?:a\s+)?new\s+list\s+"
    r"(?!(?:of|for|with|from|and|to|in|on|please|pls|plz|now|too)\b)(\S.{1,60})$",
    I,
)


# "save as a new list X", "save to new list X": saving is of the results; "make new list X" right
# after a search is too, unless it asks for an empty one.
_SAVE_VERB = re.compile(
    rf"\b(?:save|{_STORE}|put|keep|stick|move|dump|copy)\b",
    I,
)
_EMPTY = re.compile(r"\b(?:empty|blank)\b", I)


def _saves_results(clause: str, state: ConversationState) -> bool:
    if _EMPTY.search(clause) or not state.has_results():
        return False
    if _SAVE_VERB.search(clause):
        return True
    last = state.result_sets[-1] if state.result_sets else None
    return last is not None and last.get("turn") == state.turn - 1


_LIST_PLACE = re.compile(r"\b(?:from|off|out\s+of|in|on)\s+", I)
_WHO_VERB = re.compile(
    r"^.*?\b(?:remove|delete|take\s+(?:out|off)|take|drop|kick\s+out|kick|throw|boot|get\s+rid\s+of|"
    r"strip|purge|pull|clear\s+out)\s+",
    I,
)
_AT_COMPANY = re.compile(
    r"^(?:(?:anyone|everyone|everybody|all|people|those|contacts|folks|persons?|the\s+ones|employees|"
    r"leads|prospects|somebody|someone|whoever|guys|the\s+(?:people|contacts|leads|folks))\s+)?"
    r"(?:(?:who\s+(?:work|works|are)|working|that\s+work|employed|based)\s+)?(?:at|from|with|of)\s+(.+)$",
    I,
)
_COMPANY_PEOPLE = re.compile(
    # ("take the Diageo folk back out of ...")
    r"^(?:all\s+)?(?:of\s+)?(?:the\s+)?(.+?)\s+(?:people|employees|folks?|contacts|staff|guys|lot|ones|ppl|"
    r"team|leads)(?:\s+(?:back|again))?$",
    I,
)
_COMPANY_SUFFIX = re.compile(
    r"\b(?:inc|corp|corporation|llc|ltd|co|gmbh|ag|plc|group|labs|"
    r"technologies|systems|partners|holdings|company)\.?$",
    I,
)
_EVERYONE = re.compile(
    r"^(?:all\s+(?:of\s+)?)?(?:them|these|those|everyone|everybody|em|"
    r"(?:the|these|those)\s+(?:people|ones|folks|results|prospects|leads|contacts|individuals|names))"
    # "the people you just found", "the ones from the last search": the last results
    r"(?:\s+(?:that\s+|who\s+)?(?:you|we|i)\s+(?:just\s+)?(?:found|pulled|got|showed(?:\s+me)?|"
    r"surfaced|returned|listed|turned\s+up|dug\s+up)|"
    r"\s+(?:from|in|of)\s+(?:the|this|that|my)\s+(?:last\s+|latest\s+)?(?:search|results|batch))?"
    r"(?:\s+(?:just\s+)?now)?(?:\s+(?:back|again|all))?$",  # "take them back out of ..."
    I,
)


def _who_after_the_list(tail: str, state: ConversationState) -> tuple[str, str] | None:
    """The known list a clause names first and who it names after it, up to a comma."""
    tail = tail.strip()
    for name in sorted(state.known_list_names, key=len, reverse=True):
        if name and tail.lower().startswith(name.lower()):
            who = tail[len(name) :].split(",")[0].strip()
            return (name, who) if who and not who.lower().startswith(("from ", "off ")) else None
    return None


def _remove(clause: str, quotes: list[str], state: ConversationState) -> Intent:
    # The list is named after the last "from/off/in <list>"; who goes sits between the verb and it.
    cut = None
    for m in _LIST_PLACE.finditer(clause):
        rest = clause[m.end() :]
        if (
            _LIST_WORD.search(rest)
            or re.match(r"(?:qtok\d+|it\b|there\b)", rest, I)
            or any(rest.lower().startswith(k.lower()) for k in state.known_list_names)
        ):
            cut = m
    if cut is None:
        cut = next(
            (
                m
                for m in _LIST_PLACE.finditer(clause)
                if m.group(0).strip().lower() in ("from", "off", "out of")
            ),
            None,
        )
    if cut is None:
        return _clarify(["list"], "list")
    who = _WHO_VERB.sub("", clause[: cut.start()]).strip(" ,")
    if not who and (moved := _who_after_the_list(clause[cut.end() :], state)):
        # "remove from London Somms everyone at Hawksmoor": who goes, said after the list
        return _remove(f"remove {moved[1]} from {moved[0]}", quotes, state)
    selector: dict[str, object] = {}
    picked = _picked(who)
    if picked:
        selector = picked
    elif _EVERYONE.match(who):
        selector = {"prospects": "last_results"}
    elif at := (_AT_COMPANY.match(who) or _COMPANY_PEOPLE.match(who)):
        company = _clean_name(at[1], quotes) or at[1].strip()
        # "everyone from banfield": a company's name written in lower case is still its name
        selector = {"company": company.title() if company.islower() else company}
    elif who:
        name = _clean_name(who, quotes) or who
        # One word ("Globex") or a company suffix names a company; "John Smith" a person.
        kind = "company" if len(name.split()) == 1 or _COMPANY_SUFFIX.search(name) else "person"
        selector = {kind: name}
    if not selector:
        return _clarify(["who"], "who")
    tail = clause[cut.end() :]
    list_name = list_name_in("from " + tail, quotes, state)
    intent = _targeted(IntentKind.list_remove, tail, list_name, state)
    if intent.kind is IntentKind.list_remove:
        intent.selector = selector
    return intent


def _picked(who: str) -> dict[str, object]:
    """ "the last 3" -> {"last": 3}; "CTOs", "the VPs of Sales" -> {"title": ...}."""
    from .scanner import extract
    from .slots import render_roles

    found = selection_of(who)
    if found.get("first") or found.get("last"):
        return found
    bare = re.sub(r"^(?:the|all(?:\s+the)?|any|every)\s+", "", who.strip(), flags=I)
    if not bare or _AT_COMPANY.match(bare) or _COMPANY_SUFFIX.search(bare):
        return {}
    slots = extract(bare, [])
    titles = render_roles(slots.positive_roles).get("titles") if slots.has_role else None
    if titles and not slots.unknown and not slots.has_filters:
        return {"title": titles[0]}
    return {}


# "Q1 Leads", "to Q1 Leads please", "the Q1 Leads one": a list name answering "Which list?".
_ANSWER_AROUND = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|to|into|in|on|onto|the|my|our|please|pls|it'?s|use|(?:add|put|save)\s+"
    r"(?:them|it|those|these)\s+(?:to|in|into|on))\b\W*)*|(?:\W+(?:list|one|please|pls|thanks|"
    r"thank\s+you)\b)*\W*$",
    I,
)


def answer(text: str, state: ConversationState) -> Intent | None:
    """The answer to "Which list?" asked by the last turn: the request it completes."""
    asked = state.asked_list
    if not asked or state.asked_turn != state.turn - 1:
        return None
    raw = _ANSWER_AROUND.sub("", text).strip(" '\"“”‘’")
    if asked["kind"] == IntentKind.list_create.value:
        return _named_new(raw, asked)
    name = known_name(raw, state.known_list_names) if raw and len(raw.split()) <= 6 else None
    if name is None:
        return None
    target, resolved = list_target(text, name, state)
    return Intent(
        kind=IntentKind(asked["kind"]),
        list_name=resolved,
        list_target=target,
        selector=dict(asked.get("selector") or {}),
    )


# An answer that is a request of its own, not a name: "find CFOs in Ohio", "how many credits".
_NOT_A_NAME = re.compile(
    r"\b(?:find|search|show|get|give|add|remove|delete|export|rename|merge|how|what|which|who|"
    r"why|cancel|never\s*mind|approve|start|pause|send|write|campaign)\b|\?",
    I,
)


def _named_new(raw: str, asked: dict[str, object]) -> Intent | None:
    """ "Ohio Hospital CFOs" after "What should I call the new list?": the list, so named."""
    # "new list west coast vps": the name said again with the words that ask for the list
    raw = re.sub(
        r"^(?:call\s+it|name\s+it|called|named|(?:(?:create|make)\s+)?(?:a\s+)?new\s+list"
        r"(?:\s+(?:called|named))?)\s+",
        "",
        raw,
        flags=I,
    )
    name = _clean_name(raw, []) if raw and len(raw.split()) <= 8 else None
    if name is None or _NOT_A_NAME.search(name):
        return None
    selector = asked.get("selector")
    return Intent(
        kind=IntentKind.list_create,
        list_name=name,
        list_target="new",
        selector=dict(selector) if isinstance(selector, dict) else {},
    )


def _clarify(missing: list[str], question: str) -> Intent:
    """``question`` is the code of the question to ask (``phrases.QUESTIONS``)."""
    return Intent(kind=IntentKind.clarify, missing=missing, question=question)
