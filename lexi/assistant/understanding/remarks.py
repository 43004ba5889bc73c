"""Sentences that only tell Lexi something, left out when another sentence asks for something.

People explain themselves: "I'd like plant managers at plastics companies in Michigan.
Plastics plants have been my bread and butter for years, their scheduling is always a mess and
the plant manager is the one who hears about it." The second sentence is a remark: a subject and
a verb saying how things are, no request in it. What it names (plastics plants, scheduling,
plant managers) is no constraint and no second search. ``purpose.py`` strips such words inside
a request ("..., since new risk managers often review their insurance"); this module decides
for whole sentences, by their form rather than by their topic:

* a **remark** is a statement: a subject (a noun phrase, "most of them", "at these places the
  CFO") followed by a finite verb ("is", "have been", "usually means", "don't"), or one of a few
  sentences about the user ("I've done forty implementations", "I'll fix that later", "I'm
  semi-retired");
* it is not a question, holds no request word ("please", "could you", "I'd like", "only",
  "should", an imperative after a comma), compares no number ("more than 200"), and is not about
  a field of the search or the email ("Company size is ...", "The subject line is ...") nor a
  verdict ("Anywhere in the US is fine", "these are way too big");
* a remark is left out only when another sentence of the message asks for something, and a
  remark said before the request only when the request does not point back at it ("groups like
  that", "there").
"""

from __future__ import annotations

import re

from .text import NO_SPLIT_BEFORE_DOT

# Where a sentence ends: ".", "!" or "?" and a space, not after an abbreviation or an initial
# ("St. Louis", "e.g. banks", "J. Smith").
_END = re.compile(r"(?<=[.!?])[\"']?\s+(?=\S)")
# (the abbreviations ``text.split_clauses`` does not cut after, and a few more a remark may
# hold: "no.", "U.S.", "etc.", an initial)
_MORE_ABBREVIATIONS = re.compile(r"\b(?:no|u\.s|u\.k|etc|[a-z])$", re.IGNORECASE)

# Words that open a sentence without being its subject: "Hmm,", "Oh, I see,", "Alright then:".
_OPENER = (
    r"(?:(?:hmm+|hm+|oh|ok|okay|alright|all\s+right|well|right|so|and|but|actually|also|now|"
    r"great|perfect|good|cool|sure|yes|yeah|no|nope|ah+|um+|anyway|honestly|frankly|"
    r"mind\s+you|you\s+know|see|fair\s+enough|of\s+course|truth\s+be\s+told|i\s+see)\b"
    r"[\s,!.:;\u2014\u2013-]*)*+"
)
# Where or when the statement holds: "At a lot of these food companies", "In my experience,".
_SETTING = (
    r"(?:(?:at|in|for|with|on|from|down|up|out|over|around|among|after|before|nowadays|"
    r"these\s+days)\b[^,.;:!?]{0,60}?,?\s+)?"
)
# Verbs that ask for something when they open a sentence or follow a comma.
_IMPERATIVE = (
    r"(?:add|save|put|remove|delete|start|launch|draft|write|show|tell|give|find|get|search|look|"
    r"pull|send|export|make|exclude|drop|skip|leave|keep|swap|switch|change|use|try|go|take|cut|"
    r"narrow|widen|expand|limit|stop|pause|rename|merge|filter|sort|include|bump|raise|lower|"
    r"let'?s|let|chuck|dump|grab|stick|throw|move|replace|mention|undo|revert|restore|resume|"
    r"approve|dismiss|cancel|list|focus|target|check|open|run|do)"
)
# A word of the subject: not a question word, a relative pronoun or a person speaking that
# would make the sentence a search or a request ("managers at firms that are hiring", "people
# who speak Korean", "sorry I mean Kuala Lumpur", "skip anybody I have saved").
_SUBJECT_WORD = (
    r"(?!(?:that|who|whom|which|whose|where|than|based|i|we|you)\b)[\w&/.-]+"
    # ("it's", "they're": the verb joined to its subject, read as the verb)
    r"(?:['\u2019](?!(?:s|re|ll|ve|d)\b)\w+)?"
)
# The first word of the subject is not one that asks: "skip anybody I have saved".
_FIRST_WORD = rf"(?!(?:please|pls|only|just|{_IMPERATIVE})\b){_SUBJECT_WORD}"
# A finite verb (or an adverb standing before one): the subject has been said.
_FINITE = (
    # ("bed bugs r no joke": "are" as texted; not the R of "VP R&D")
    r"(?:is|are|(?-i:r)(?=\s+[a-z])|was|were|'s|'re|has|have|had|does|do|did|will|'ll|won'?t|can'?t|cannot|"
    r"don'?t|doesn'?t|isn'?t|aren'?t|wasn'?t|weren'?t|hasn'?t|haven'?t|means|mean|gets|get|"
    r"goes|makes|runs|says|said|told|tells|tends|tend|seems|seem|sits|sit|knows|know|comes|come|feels|"
    r"hears|signs|handles|owns|decides|buys|buy|picks|pays|uses|reads|complains|wants|want|"
    r"loves|love|hates|hate|likes|like|(?:usually|always|often|never|typically|generally|mostly|"
    r"still|already|really|probably|rarely)"
    r"(?=\s+(?!(?:but|and|or|in|at|for|with|the|a|an|of|to|too|also)\b)[a-z]))"
)
_THIRD_PERSON = re.compile(
    rf"^\W*{_OPENER}{_SETTING}(?!(?:i|we|you|how|what|which|who|whom|where|when|why|is|are|was|"
    rf"were|do|does|did|can|could|would|will|should|shall|may|have|has|any|anyone|anybody|"
    rf"there|here)\b)(?P<subject>(?:that|this|these|those|{_FIRST_WORD})(?:\s+{_SUBJECT_WORD}){{0,8}}?)"
    rf"(?:\s+{_FINITE}\b|(?:(?<=\bit)|(?<=\bthat)|(?<=\bthis)|(?<=\bthere)|(?<=\bhere)|(?<=\bwhat)|(?<=\bhe)|(?<=\bshe)|(?<=\bone)|(?<=\beverything)|(?<=\bnothing)|(?<=\beveryone)|(?<=\bnobody))['\u2019]s\b|"
    rf"(?:(?<=\bthey)|(?<=\bthese)|(?<=\bthose))['\u2019]re\b)"
    # "Nobody loves Stoke.", "Everyone sells to London.": someone unnamed, then any verb
    r"|^\W*(?P<someone>everyone|everybody|nobody|no\s+one|someone|somebody|he|she)\s+[a-z]+s\b",
    re.IGNORECASE,
)
# A sentence about the user: what they have done, will see to themselves, or are.
_ABOUT_ME = re.compile(
    rf"^\W*{_OPENER}(?:"
    r"(?:i|we)(?:'ve|\s+have)\s+(?:\w+\s+)?(?:been|done|worked|sold|had|seen|spent|known|"
    r"helped|implemented|run|built)"
    r"|(?:i|we)(?:'ll|\s+will)\s+(?:\w+\s+)?(?:sort|fix|deal|handle|tidy|clean|figure|rename)"
    r"[^.!?]*\b(?:later|myself|ourselves|afterwards|tomorrow|another\s+time)"
    r"|(?:i|we)\s+(?:used\s+to|was|were|knew|remember|met|sold|worked|spent|started|ran|grew)"
    r"|(?:i'?m|i\s+am|we'?re|we\s+are)\s+(?:semi-retired|retired|based|from|new|old|"
    r"putting|working|building|running|off|heading|meeting)"
    r")\b",
    re.IGNORECASE,
)
# What makes a sentence a request, wherever it is said.
_ASKS = re.compile(
    r"\b(?:please|pls|plz|kindly|could\s+you|can\s+you|would\s+you|will\s+you|let'?s|lets|"
    r"let\s+me|(?:i|we)(?:'d|\s+would)\s+(?:like|love|prefer|rather|want)|"
    r"(?:i|we|and|but|so|also)\s+(?:(?:only|just|also|really)\s+)?(?:want|need|wanna)|i'?m\s+(?:looking|after|hoping)|"
    r"make\s+sure|(?:should|must|need\s+to|needs\s+to|has\s+to|have\s+to|ought\s+to)\s+"
    r"(?:(?:all|also|only|just|really)\s+)?(?:be|have|include|exclude|show|work|sit|live|speak|use|"
    r"come|go)\b|only|instead|"
    r"(?<!might\s)(?<!may\s)as\s+well|rather\s+than|don'?t\s+(?:include|add|show|want|need))\b"
    # an imperative after a comma: "these are DoD people, make it more formal"
    rf"|[,;:\u2014\u2013-]\s*(?:and\s+|so\s+|but\s+|just\s+)?{_IMPERATIVE}\b"
    # how many: "A handful will do for now.", "20 is plenty"
    r"|\b(?:handful|dozen|couple|few|\d+)\s+(?:\w+\s+)?(?:is|are|will|would|should|'ll)\b"
    # a number compared: "Company size is more than 200."
    r"|\b(?:more|less|fewer|over|under|above|below|at\s+least|at\s+most|between|up\s+to)\s+"
    r"(?:than\s+)?[$\u00a3\u20ac]?\d",
    re.IGNORECASE,
)
# A verdict on what was found or written, which may ask for a change: "Anywhere in the US is
# fine", "these are way too big", "it reads a bit stiff".
_VERDICT = re.compile(
    r"\b(?:is|are|'s|'re|was|were|looks?|sounds?|seems?|feels?)\s+(?:\w+\s+)?(?:fine|ok|okay|good|"
    r"great|perfect|better|worse|enough|wrong|right|correct|ideal|alright)\b"
    r"|\b(?:too|anywhere|wherever|irrelevant|optional|unimportant|important|whatever|matters?)\b"
    r"|\b(?:it|this|that|email|draft|copy|version|tone|one)\s+(?:\w+\s+)?(?:sounds?|reads?|looks?|"
    r"feels?|comes?\s+across)\b",
    re.IGNORECASE,
)
# A statement about a field of the search or the email is a request in the form of a statement:
# "Company size is 200+", "The subject line is too long".
_FIELD = re.compile(
    r"\b(?:revenue|size|budget|location|locations|limit|name|campaign|e-?mails?|subject|"
    r"tone|titles?|industry|industries|headcount|count|number|filters?|search|draft|sequence|"
    r"step|signature|sign-?off|greeting|intro|opening|closing|cta|body|copy|message|wording|line|"
    # where: "the state is where the companies are"
    r"state|states|city|cities|country|countries|region|place|places|hq|headquarters)\b",
    re.IGNORECASE,
)
# A request that points back at what was said before it: "groups like that", "there".
_POINTS_BACK = re.compile(
    r"\b(?:there|them|those|these|such|like\s+that|that\s+size|same|(?:this|that)\s+kind)\b",
    re.IGNORECASE,
)
# What goes on from the sentence before: "... (UK, not Massachusetts!) that have raised money".
_GOES_ON = re.compile(
    # ("that was from the 2024 cycle": "that" pointing back, a statement of its own)
    r"\W*(?:(?-i:that)(?!\s+(?:was|is)\b|'s)|(?-i:who|which|whose|where|and|or|but|with|so|then))\b"
)
# A sentence that asks for nothing and says nothing: "Thanks!", "Hello Lexi."
_NOTHING = re.compile(
    r"^\W*(?:(?:hello|hi|hey|hiya|good\s+(?:morning|afternoon|evening|day)|morning|dear|lexi|"
    r"there|thanks|thank\s+you(?:\s+kindly)?|cheers|ok(?:ay)?|great|perfect|alright|sorry|"
    r"understood|noted|cool|sure|yes|no|right)\W*)+$",
    re.IGNORECASE,
)


def sentences(text: str) -> list[str]:
    """The message cut at its sentence ends."""
    out: list[str] = []
    pos = 0
    for m in _END.finditer(text):
        before = text[pos : m.start()].rstrip("\"')] ")
        if before.endswith(".") and (
            NO_SPLIT_BEFORE_DOT.search(before[:-1]) or _MORE_ABBREVIATIONS.search(before[:-1])
        ):
            continue
        out.append(text[pos : m.start()])
        pos = m.end()
    out.append(text[pos:])
    return [s for s in out if s.strip()]


def is_remark(sentence: str) -> bool:
    """Whether the sentence is a statement that asks for nothing."""
    s = sentence.strip()
    if not s or s.endswith("?") or _ASKS.search(s) or _GOES_ON.match(s):
        return False
    if _ABOUT_ME.match(s):
        return True
    m = _THIRD_PERSON.match(s)
    if m is None or _VERDICT.search(s):
        return False
    return not _FIELD.search(_last_words(m["subject"]))


def _last_words(subject: str | None) -> str:
    """The head of a subject: its last word ("company size", "the subject line")."""
    return " ".join((subject or "").split()[-1:])


def without_remarks(text: str) -> str:
    """The message without its remarks, when another of its sentences (or the clause before
    them) asks for something."""
    if "," in text or ";" in text or " - " in text or "\u2014" in text or "\u2013" in text:
        text = " ".join(_without_remark_clauses(p) for p in sentences(text))
    if not any(c in text for c in ".!?"):
        return text
    parts = sentences(text)
    if len(parts) < 2:
        return text
    remarks = [is_remark(p) for p in parts]
    asks = [not r and not _NOTHING.match(p) for p, r in zip(parts, remarks, strict=True)]
    if not any(remarks) or not any(asks):
        return text
    kept: list[str] = []
    for i, (part, remark) in enumerate(zip(parts, remarks, strict=True)):
        if remark and _left_out(i, parts, asks):
            continue
        kept.append(part)
    return " ".join(kept)


# Where a clause ends inside a sentence: a comma, a semicolon, a dash between spaces.
_CLAUSE_END = re.compile(r"\s*(?:[,;]|\s[\u2014\u2013-])\s+")
# "..., need to check we're not doubling up": what the user will do with it themselves.
_CHECKING = re.compile(
    r"^\W*(?:(?:i|we)\s+)?(?:just\s+)?(?:need|have|want|got)\s+to\s+(?:check|make\s+sure|confirm|compare|"
    r"verify|avoid|double-?check|sanity-?check|test|try\s+out|sample|see\s+(?:if|how|whether))\b",
    re.IGNORECASE,
)


# A clause after a request that says something the request needs: who the companies left out
# are ("they're already customers"), what is wanted or no longer matters ("my boss wants a list",
# "hq doesn't matter"), how many is enough ("a dozen's plenty").
_KEPT_CLAUSE = re.compile(
    r"\b(?:customers?|clients?|competitors?|partners?|saved|wants?|needs?|wanna|matters?|"
    r"plenty|enough|already|tell|give|find|pull|get|send|let|make|add|remove|delete|exclude|"
    r"excluding|include|including|skip|skipping|except|how|what|which|hoping)\b|\?",
    re.IGNORECASE,
)


# What an email or a campaign is about goes on after commas and dashes ("... about shutdown
# season staffing - we handle hiring, drug screens and safety orientation"): never cut.
_WRITING = re.compile(
    r"\b(?:campaigns?|sequences?|drip|e-?mails?|subject|mention|line|draft|write|rewrite|topic)\b",
    re.IGNORECASE,
)


def _without_remark_clauses(sentence: str) -> str:
    """The sentence without the remarks said in clauses after its request: "delete Old Expo
    Leads, it's from 2023 and half of em have moved on"."""
    cuts = list(_CLAUSE_END.finditer(sentence))
    if not cuts or is_remark(sentence[: cuts[0].start()]) or _WRITING.search(sentence):
        return sentence
    ends = [c.start() for c in cuts[1:]] + [len(sentence)]
    out = sentence[: cuts[0].start()]
    for cut, end in zip(cuts, ends, strict=True):
        clause = sentence[cut.end() : end]
        if not _CHECKING.match(clause) and (_KEPT_CLAUSE.search(clause) or not is_remark(clause)):
            out += sentence[cut.start() : end]
        elif sentence[end - 1 : end] in ".!?":
            out += sentence[end - 1 : end]
    return out


def _left_out(i: int, parts: list[str], asks: list[bool]) -> bool:
    """A remark after a request is left out; one before it, only when no request after it
    points back at what it said."""
    if any(asks[:i]):
        return True
    return not any(asks[j] and _POINTS_BACK.search(parts[j]) for j in range(i + 1, len(parts)))
