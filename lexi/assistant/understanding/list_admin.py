"""List housekeeping by chat: show my lists, rename, delete, export and merge lists.

List names are taken whole, quoted or not ("Repro List", "my CA Law CEOs list"), and matched to
the workspace's lists when they are known.
"""

from __future__ import annotations

import re

from . import prefilter
from .lists import REMARK_AFTER, _clean_name, known_name
from .scanner import extract
from .types import ConversationState, Intent, IntentKind

I = re.IGNORECASE

_SHOW_LISTS = prefilter.compile(
    r"^\W*(?:(?:(?:can|could)\s+you\s+)?remind\s+me\s+(?:of\s+)?(?:which|what)\s+lists\s+"
    r"(?:(?:i|we)(?:\s*'?ve|\s+have)?(?:\s+got)?|there\s+are|exist|are\s+(?:there|in\s+(?:the|my|our)\s+"
    r"(?:workspace|account)))|"
    r"(?:what|which)\s+lists\s+(?:exist|are\s+there)|"
    r"(?:(?:can\s+you\s+|could\s+you\s+|please\s+)?(?:show|list|see|view|display|give|get|tell|share|pull\s+up|bring\s+up|open)"
    r"\s+(?:me\s+)?(?:all\s+)?(?:of\s+)?(?:my|our|the|all|what)?\s*(?:contact\s+|saved\s+|current\s+)?"
    r"lists(?:\s+(?:i|we)(?:\s+have|'ve)(?:\s+(?:created|made|saved|built))?)?|(?:what|which)\s+(?:all\s+)?lists\s+(?:do\s+)?(?:i|we)\s+(?:even\s+|actually\s+)?(?:have|got)|"
    r"(?:what|which)\s+lists\s+have\s+(?:i|we)\s+(?:got|made|created|saved|built)|"
    r"wh?ich\s+lists\s+(?:do\s+)?(?:i|we)\s+have|(?:my|all)\s+lists|what'?s\s+on\s+(?:my|our)\s+lists|how\s+many\s+lists\s+(?:do\s+)?"
    r"(?:i|we)\s+have|what\s+are\s+my\s+lists|"
    # "please show my list" (no list named): the lists
    r"(?:show|see|view)\s+(?:me\s+)?my\s+list(?=\W*(?:please|pls)?\W*$)|"
    # "lists?", "Could you show me which lists I have, please?"
    r"lists(?=\s*\?)|(?:which|what)\s+lists\s+(?:i|we)\s+(?:have|got)|"
    r"(?:which|what)\s+lists\s+(?:have|do)\s+(?:i|we)\s+(?:got|have)\s+(?:going|on\s+the\s+go|running|saved|so\s+far)|"
    r"(?:(?:can|could)\s+you\s+)?(?:show|tell|give)\s+me\s+(?:which|what)\s+lists\s+"
    r"(?:i|we)\s+(?:have|'ve\s+got|have\s+got)(?:\s+saved)?))"
    r"(?:\s+(?:at\s+the\s+moment|at\s+this\s+(?:point|stage)|as\s+of\s+now|right\s+now|now|rn|atm|currently|again|still|so\s+far|already|by\s+now|lol|"
    r"set\s+up|going|in\s+(?:the|my|our)\s+(?:workspace|account)|"
    r"altogether|all\s+together|in\s+total|overall|in\s+all|saved|in\s+lexi|here))*"
    r"\W*(?:please)?\W*$",
    I,
)
# "drop them into a new list" saves people; it never deletes a list.
_DELETE = re.compile(
    r"^\W*(?:please\s+)?(?:delete|del|remove|erase|drop|get\s+rid\s+of|trash|destroy|nuke|bin|"
    r"ditch|axe|scrap|kill|zap)\s+"
    r"(?!.*\b(?:into|onto)\s)(?!(?:them|those|these|everyone|the\s+results)\s+(?:in|to|on)\b)(.+)$",
    I,
)
_RENAME = prefilter.compile(
    r"^\W*(?:please\s+)?(?:rename|re-name|change\s+the\s+name\s+of)\s+(.+?)\s+(?:to|as|into|in)\s+(.+)$",
    I,
)
_EXPORT = re.compile(
    r"^\W*(?:please\s+)?(?:export|download|give\s+me\s+a\s+(?:csv|download|link)\s+(?:of|for)|"
    r"get\s+me\s+a\s+(?:csv|download)\s+(?:of|for)|(?:an?\s+)?(?:csv|excel|spreadsheet)\s+(?:file\s+)?(?:of|for))"
    r"\s+(.+?)"
    # After the format, what the file is for is no part of the name: "... as CSV for my
    # Salesforce import", "... to a spreadsheet so I can share it".
    r"(?:\s+(?:(?:to|as|in)\s+)?(?:a\s+)?(?:csv|spreadsheet|file|excel)(?:\s+file)?"
    r"(?:\s+(?:for|so|to\s+(?:import|upload|load|share|send))\b[^.;!?]*)?)?(?:\s+file)?"
    # "... so I can send it to the sales team", "... so that my boss can review it", "... to
    # share with the board": what the file is for, no action of Lexi's and no part of the name
    r"(?:\s*,?\s+(?:so\s+(?:that\s+)?(?:i|we|you|they|he|she|my|our|the|it|everyone)\b|"
    r"(?:in\s+order\s+)?to\s+(?:share|send|give|hand|forward|pass|show|email|upload|import|"
    r"load|review|check)\b)[^.;!?]*)?"
    # "... when it's done", "... once that's finished", "... afterwards": when, not which
    r"(?:\s*,?\s+(?:when|once|after)\s+(?:it'?s|that'?s|it\s+is|that\s+is|you'?re|you\s+are|"
    r"everything\s+is)\s+(?:done|finished|ready|complete)|\s*,?\s+(?:afterwards|after\s+that))?"
    r"(?:\s+(?:too|as\s+well|also))?\W*(?:please|pls|plz|thanks|thx|ta|cheers|thank\s+you)?\W*$",
    I,  # "export X to csv too", "export that as a csv, ta"
)
# "export", "export them", "export it for me pls, my boss wants it in excel": the list just used,
# whatever is said after the pronoun (not "export it and ...", "export that list called X").
_EXPORT_THE_LAST = re.compile(
    r"^\W*(?:please\s+)?(?:export|download)"
    r"(?:\s+(?:it|this|that|them|these|those|em|'em)(?:\s+(?:list|one|lot|people|contacts))?)?"
    r"(?:\W*$|(?=\s*,|\s+(?:for\s+(?:me|us)|pls|please|so|as|(?:to|in|into)\s+(?:an?\s+)?"
    r"(?:csv|excel|xlsx|spreadsheet|file))\b)(?!.*\b(?:called|named|and)\b))",
    I,
)


# "rename it Med Spa Metro ATL since we doin the burbs too": the new name said without "to"
_RENAME_IT = re.compile(
    r"^\W*(?:please\s+)?(?:rename|re-name)\s+(?:it|this|that)(?:\s+(?:list|one))?\s+(?!(?:to|as|into|in)\b)"
    r"(?P<new>.+?)(?:\s*,?\s+(?:since|because|cuz|bc|cause|as)\b.*)?\W*$",
    I,
)
_MERGE = prefilter.compile(
    r"^\W*(?:please\s+)?(?:merge|combine|fold|copy)\s+(.+?)\s+(?:into|with|and|to)\s+(.+)$", I
)
_LIST_SUFFIX = re.compile(r"\s+list\s*$", I)
# "delete the list called Event - London Dinner": the name is what follows "called".
_CALLED = re.compile(r"^\s*(?:the\s+|my\s+|our\s+)?list\s+(?:called|named|titled)\s+", I)
_LEADING = re.compile(r"^(?:the|my|our|this|that)\s+", I)
_DESCRIBED = re.compile(r"^(?:old|older|previous|current|existing|other|whole|entire)\s+", I)


def _list_name(
    raw: str, quotes: list[str], state: ConversationState, *, new: bool = False
) -> str | None:
    """A list name as written: quotes kept whole, "the X list" -> X, a known name matched."""
    text = REMARK_AFTER.sub("", raw.strip(" \t.,!?;:"))
    q = re.fullmatch(r"(?:the\s+|my\s+|our\s+)?qtok(\d+)(?:\s+list)?", text, I)
    if q:
        quoted = quotes[int(q[1])]
        return quoted if new else (known_name(quoted, state.known_list_names) or quoted)
    text = re.sub(r"\bqtok(\d+)\b", lambda m: quotes[int(m[1])], text)
    text = _LEADING.sub("", text)
    # "delete list test-list-123": the word before the name is no part of it
    text = re.sub(r"^list\s+(?!of\b|for\b)(?=\S)", "", text, flags=I)
    if not new:
        whole = known_name(text, state.known_list_names)
        if whole:
            return whole
    stripped = _LIST_SUFFIX.sub("", text)
    if not new:
        known = known_name(stripped, state.known_list_names)
        # "the old Law Firms 2025 list": a word describing a list the workspace has
        unqualified = _DESCRIBED.sub("", stripped)
        if not known and unqualified != stripped:
            known = known_name(unqualified, state.known_list_names)
        if known:
            return known
    if stripped != text and re.search(r"\bList$", text):
        stripped = text  # "Repro List": capitalised, the word belongs to the name
    name = _clean_name(stripped, quotes)
    if not name or re.fullmatch(r"(?:it|this|that|them|these|those|lists?)", name, I):
        return None
    return name


def _is_a_list(raw: str, name: str | None, state: ConversationState) -> bool:
    return bool(
        name
        and (
            re.search(r"\blists?\b", raw, I)
            or re.search(r"\bqtok\d+\b", raw)
            or known_name(name, state.known_list_names)
        )
    )


def _the_last(state: ConversationState) -> str | None:
    return state.context_list_name or state.last_list_name


def _last_or_context(state: ConversationState) -> str:
    return "context" if state.context_list_name else "last"


# "rename that list to ...", "merge X into it": the list the conversation is on
_PRONOUN_LIST = re.compile(r"(?:it|this|that)(?:\s+(?:list|one))?|(?:this|that|the)\s+list", I)


# "and delete the Old Webinar list", "ok now export it": the lead-in joins turns, not names.
_LEAD_IN = re.compile(
    r"^\W*(?:(?:and|also|then|now|ok|okay|so|oh|alright|actually|hm+|wait|(?:would|do)\s+you\s+mind|"
    r"could\s+you|can\s+you|would\s+you|"
    r"can\s+i|could\s+i|may\s+i|please|oops|whoops|sorry|ugh|ah|hey|btw|right|um+|just|go\s+ahead\s+and|"
    r"(?:as\s+a\s+)?matter\s+of\s+fact|"
    r"hi|hello|hiya|ciao|hola|bonjour|salut|lexi|good\s+(?:morning|afternoon|evening)|"
    # "let's rename ...", "can we merge ...", "I'd like to delete ...": the same request
    r"let'?s|let\s+us|(?:can|could)\s+we|(?:i|we)(?:'d|\s+would)\s+like\s+to|(?:i|we)\s+(?:want|need)\s+to)"
    r"\b\W*)+",
    I,
)


# "would you mind merging X into Y?": the verb asked for, said with -ing.
_GERUND = re.compile(r"^(renam|merg|combin|delet|remov|export)ing\b", I)


# "the Webinar Mei list you can delete", "Q1 Leads can go", "Old Dentists, please export it": the
# list first, what to do with it after.
_FRONTED = re.compile(
    r"^(?P<obj>[^,;.!?]{2,80}?)\s*,?\s+(?:(?:you|we)\s+(?:can|could|may|should)\s+|"
    r"(?:can|could)\s+you\s+|please\s+|pls\s+|just\s+)?(?:go\s+ahead\s+and\s+)?"
    r"(?:(?P<verb>delete|remove|export|download|trash|nuke|bin|ditch|get\s+rid\s+of)"
    r"(?:\s+(?:it|that|this|that\s+one))?|(?:can|should|may)\s+(?P<done>go|be\s+(?:deleted|removed|"
    r"trashed|binned|exported|downloaded)))(?:\s+(?:now|too|as\s+well|please|pls|for\s+me|then))*\W*$",
    I,
)
_FRONTED_END = re.compile(r"(?:delete|remove|export|download|trash|nuke|bin|ditch|rid\s+of|d|go)\b")


def _said_first(clause: str) -> str:
    """ "the Webinar Mei list you can delete": "delete the Webinar Mei list"; other text as it is."""
    tail = clause.rstrip(" .!?").lower()
    for word in (" please", " pls", " now", " too", " then", " it", " that", " for me"):
        tail = tail.removesuffix(word)
    if not _FRONTED_END.search(tail[-9:]) or not (m := _FRONTED.match(clause)):
        return clause
    verb = (m["verb"] or "").lower() or ("export" if "export" in (m["done"] or "") else "delete")
    return f"{verb} {m['obj']}"


# "Holiday Open House 2026 is over, delete it pls": a list said to be done with, then "delete it"
_SAID_OF_THEN_IT = re.compile(
    r"\s+(?:is|was|are|were|has\s+been|'s)\s+[^,;.!?]{1,40}?\s*[,;.!]+\s*"
    r"(?:(?:so|then|ok(?:ay)?|and)\s+)*(?:(?:please|pls|just|you\s+can|can\s+you)\s+)*"
    r"(?P<verb>delete|remove|export|download|trash|bin|nuke)\s+(?:it|that|that\s+one)\b",
    I,
)


def _named_first(text: str, names: list[str]) -> list[str]:
    """The list names ``text`` starts with as whole words ("Q1 Leads is over", not "Q1
    Leadership"), the longest first."""
    low = text.lower()
    return sorted(
        (
            n
            for n in names
            if n and low.startswith(n.lower()) and not low[len(n) : len(n) + 1].isalnum()
        ),
        key=len,
        reverse=True,
    )


def named_then_acted_on(text: str, names: list[str]) -> str:
    """ "Holiday Open House 2026 is over, delete it pls": "delete Holiday Open House 2026 pls",
    when the message starts with one of the workspace's list names."""
    name = next(iter(_named_first(text.lstrip(), names)), None)
    if name is None:
        return text
    rest = text.lstrip()[len(name) :]
    m = _SAID_OF_THEN_IT.match(rest)
    if not m:
        return text
    return f"{m['verb']} {name}{rest[m.end() :]}"


# "both", "both lists", "them both", "the two lists", "both of them": the last two lists used.
_BOTH = re.compile(
    r"(?:both(?:\s+(?:of\s+)?(?:them|those|these|the\s+lists|lists))?|(?:them|those|these)\s+both|"
    r"the\s+(?:two|2)(?:\s+lists)?|(?:the\s+)?(?:two|2)\s+lists)",
    I,
)


def list_admin_steps(
    clause: str, quotes: list[str], state: ConversationState
) -> list[Intent] | None:
    """ "export WI Food Mfg and Dairy Supply Chain": one step for each list named; "export
    both" after two lists were used, one for each of those two; otherwise the one step of
    ``list_admin``."""
    if (
        len(state.recent_list_names) >= 2
        and (m := _EXPORT.match(_LEAD_IN.sub("", clause)))
        and _BOTH.fullmatch(m[1])
    ):
        return [
            Intent(kind=IntentKind.list_export, list_name=n, list_target="named")
            for n in state.recent_list_names[-2:]
        ]
    if " and " in clause or "," in clause:
        text = _said_first(_LEAD_IN.sub("", clause))
        m = _EXPORT.match(text) or _DELETE.match(text)
        if m and (names := _each_list(m[1], quotes, state)):
            kind = IntentKind.list_export if _EXPORT.match(text) else IntentKind.list_delete
            return [Intent(kind=kind, list_name=n, list_target="named") for n in names]
    found = list_admin(clause, quotes, state)
    return [found] if found is not None else None


_SEVERAL = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+(?:the\s+|my\s+|our\s+)?", I)


def _each_list(raw: str, quotes: list[str], state: ConversationState) -> list[str] | None:
    """The lists of "A and B", "A, B and C" when each part is a list of the user's (or quoted)."""
    parts = _SEVERAL.split(_POLITE_TAIL.sub("", raw.strip(" .!?")))
    if len(parts) < 2:
        return None
    names = []
    for part in parts:
        name = _list_name(part, quotes, state)
        if not name or not (re.search(r"\bqtok\d+\b", part) or _known(name, state)):
            return None
        names.append(name)
    return names


def list_admin(clause: str, quotes: list[str], state: ConversationState) -> Intent | None:
    clause = _LEAD_IN.sub("", clause)
    clause = _GERUND.sub(lambda m: m[1] if m[1].lower() == "export" else m[1] + "e", clause)
    clause = _said_first(clause)
    if _SHOW_LISTS.match(clause):
        return Intent(kind=IntentKind.list_show)
    found = (
        _renamed(clause, quotes, state)
        or _merged(clause, quotes, state)
        or _exported(clause, quotes, state)
    )
    if found is not None:
        return found
    m = _DELETE.match(clause)
    if m and not re.search(r"\b(?:from|off|out\s+of|into|onto|to)\b", clause, I):
        return _delete(m[1], quotes, state)
    return None


def _renamed(clause: str, quotes: list[str], state: ConversationState) -> Intent | None:
    """ "rename X to Y", "rename it to Y", and "rename it Y since ..." (the new name without "to")."""
    if m := _RENAME.match(clause):
        old = (
            _the_last(state)
            if _PRONOUN_LIST.fullmatch(m[1].strip())
            else _list_name(m[1], quotes, state)
        )
        new = _list_name(m[2], quotes, state, new=True)
    elif m := _RENAME_IT.match(clause):
        old, new = _the_last(state), _list_name(m["new"], quotes, state, new=True)
    else:
        return None
    if old and new:
        return Intent(
            kind=IntentKind.list_rename,
            list_name=old,
            list_target="named",
            params={"new_name": new},
        )
    return None


def _merged(clause: str, quotes: list[str], state: ConversationState) -> Intent | None:
    m = _MERGE.match(clause)
    if not (m and (re.search(r"\blists?\b", clause, I) or _known(m[1], state))):
        return None
    source = _list_name(m[1], quotes, state)
    into, target = _list_name(m[2], quotes, state), "named"
    if _PRONOUN_LIST.fullmatch(_POLITE_TAIL.sub("", m[2].strip(" .!?"))):
        into, target = _the_last(state), _last_or_context(state)  # "merge X into it"
    if source and into:
        return Intent(
            kind=IntentKind.list_merge,
            list_name=into,
            list_target=target,
            params={"source": source},
        )
    return None


def _exported(clause: str, quotes: list[str], state: ConversationState) -> Intent | None:
    if _EXPORT_THE_LAST.match(clause) and (name := _the_last(state)):
        return Intent(
            kind=IntentKind.list_export, list_name=name, list_target=_last_or_context(state)
        )
    m = _EXPORT_THEN_REMARK.match(clause)
    if not (m and _is_a_list(m[1], _list_name(m[1], quotes, state), state)):
        m = _EXPORT.match(clause)
    if not m:
        return None
    raw = m[1]
    # "export that one" after a list was shown: that list
    if _PRONOUN_LIST.fullmatch(raw.strip()) and (name := _the_last(state)):
        return Intent(
            kind=IntentKind.list_export, list_name=name, list_target=_last_or_context(state)
        )
    name = _list_name(raw, quotes, state)
    if _is_a_list(raw, name, state):
        return Intent(kind=IntentKind.list_export, list_name=name, list_target="named")
    return None


# "export Tucson Hospitals to csv my estimator wants it": after the format, whatever follows is
# said about the file (the list is named before it and known).
_EXPORT_THEN_REMARK = re.compile(
    r"^\W*(?:please\s+)?(?:export|download)\s+(.+?)\s+(?:to|as|in|into)\s+(?:an?\s+)?"
    r"(?:csv|spreadsheet|excel|xlsx)(?:\s+file)?\b",
    I,
)


_POLITE_TAIL = re.compile(r"\s+(?:pls|plz|please|thx|thanks|asap|now)\W*$", I)


# "delete test123 list pls its just junk", "trash the Webinar list, it was a test": what follows
# "list" is a remark (politeness, a reason), no part of the name.
_LIST_THEN_REMARK = re.compile(
    r"^(?P<head>.+?\slist)\s+(?:(?:pls|plz|please|thx|thanks|now|asap)\b\W*)*"
    r"(?:(?:it'?s|its|it\s+is|it\s+was|they'?re|that'?s|this\s+is|was|because|bc|cuz|since|as|no\s+longer|"
    r"not\s+needed|don'?t|dont|never|(?:we|i)\s+(?:don'?t|dont|no\s+longer|won'?t))\b.*)?$",
    I,
)


def _delete(raw: str, quotes: list[str], state: ConversationState) -> Intent | None:
    """ "delete the list called X", "get rid of X, don't need it anymore", "delete it"."""
    raw = _POLITE_TAIL.sub("", _CALLED.sub("", raw))
    remark = _LIST_THEN_REMARK.match(raw)
    if remark:
        raw = remark["head"]
    head = _POLITE_TAIL.sub("", raw.split(",")[0])
    # "the list tmp-scrape-test, deprecated": the word "list" before the name is no part of it
    bare = re.sub(r"^list\s+", "", _LEADING.sub("", head.strip()), flags=I)
    if head != raw and (
        re.search(r"\slist\s*$|^\W*(?:the\s+|my\s+)?list\s+\S+\s*$", head, I)
        or bare.lower() in {k.lower() for k in state.known_list_names}
    ):
        raw = head  # "get rid of Dentists AZ, don't need it anymore", "delete the Test list, ..."
    if (known := _known_first(raw, state)) is not None:
        raw = known  # "delete Med Spa ATL we done with that one", "SCOPE 2025, that conference..."
    if re.fullmatch(r"(?:this|that|the)\s+list|it", raw.strip(" .!?"), I):
        name = _the_last(state)
        if name:
            return Intent(kind=IntentKind.list_delete, list_name=name, list_target="named")
    name = _list_name(raw, quotes, state)
    if _is_a_list(raw, name, state) and not re.fullmatch(
        r"(?:all|every|everything)(?:\s+.*)?", raw.strip(), I
    ):
        if _a_value_of_the_search(raw, name, state):
            return None
        return Intent(kind=IntentKind.list_delete, list_name=name, list_target="named")
    return None


def _a_value_of_the_search(raw: str, name: str | None, state: ConversationState) -> bool:
    """ "remove Houston" after a search in Houston, with a list "Houston Medical Office": the
    place (or industry) of the search, not a list only part of whose name it is."""
    last = state.last_filters
    if not last or re.search(r"\blists?\b", raw, I) or (name or "").lower() == raw.strip().lower():
        return False
    slots = extract(raw)
    values = [*slots.locations, *slots.exclude_locations, *slots.industries]
    searched = {*(last.get("locations") or []), *(last.get("industries") or [])}
    return bool(values) and all(v in searched for v in values)


def _known_first(raw: str, state: ConversationState) -> str | None:
    """The workspace's list named first in ``raw``, with a remark after it ("Med Spa ATL we
    done with that one"); None when the words after the name may be part of another name."""
    text = _LEADING.sub("", raw.strip())
    for name in _named_first(text, state.known_list_names):
        rest = text[len(name) :]
        if rest[:1] in (" ", ",", ";", "-", "\u2014", "\u2013") and not any(
            k.lower().startswith(name.lower() + rest[:1])
            for k in state.known_list_names
            if k != name
        ):
            return name
    return None


def _known(raw: str, state: ConversationState) -> bool:
    return bool(known_name(_LEADING.sub("", raw.strip()), state.known_list_names))
