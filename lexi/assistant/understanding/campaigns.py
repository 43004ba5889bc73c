"""Campaign requests: drafting, showing, rewriting, undoing, launching, pausing and stats.

"The email" and "the campaign" are the request's campaign (``context.campaign_id``), else the one
this conversation is about; the tools resolve which (see ``lexi.assistant.tools.campaigns``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import actions, prefilter
from .lists import list_name_in, list_target
from .types import ConversationState, Intent, IntentKind

I = re.IGNORECASE

# ------------------------------------------------------------------ campaigns

# Common misspellings count: "campain", "campaing", "sequnce".
_CAMPAIGN = prefilter.compile(
    r"\b(?:cam(?:paign|pain|paing|apign|pagin|pign)s?|se?q(?:u|e)?(?:e|u)nces?|seqs?|cadences?|drips?|"
    r"outreach|email\s+series|nurture|follow[\s-]?ups?|mailers?|mailshots?|e-?mail\s+blasts?|e-?blasts?)\b",
    I,
)
_CAMPAIGN_CREATE = re.compile(
    r"\b(?:create|draft|write|build|set\s+up|make|put\s+together|generate|"
    r"prepare|compose|design|plan|craft|spin\s+up|come\s+up\s+with|new|need|want|"
    r"let'?s\s+(?:do|get|have|set\s+up)|lets\s+(?:do|get|have|set\s+up)|get\s+me|i'?d\s+like|"
    r"(?:start|launch|begin|kick\s+off)\s+(?:a|an|new))\b",
    I,
)
_CAMPAIGN_START = re.compile(
    r"\b(?:launch|start|kick\s+off|activate|initiate|go\s+live|send\s+(?:out|it|them)|"
    r"begin|turn\s+on|fire\s+(?:it\s+|them\s+)?off|send\s+it\s+off|ship|enable|resume|un-?pause|get\s+it\s+going|"
    r"start\s+sending|push\s+it\s+live|hit\s+send|send)\b",
    I,
)
_REWRITE = prefilter.compile(
    r"\b(?:rewrite|re-write|rephrase|reword|edit|change|tweak|make|tone|shorten|"
    # "can you write it more formal": written again, in another tone
    r"write(?=\s+(?:it|this|that|them|the\s+e-?mails?)\s+(?:more|less|in\s+a|a\s+bit|a\s+little|"
    r"shorter|longer|simpler|softer|warmer|friendlier|casual|formal))|"
    r"lengthen|punch\s+up|improve|revise|adjust|soften|polish|redo|update|fix|"
    r"simplify|trim|spice\s+up|warm\s+up|tighten|cut|condense|shorten|be\s+(?:more|less)|"
    r"short(?=\s+(?:it|this|that|them)\b)|"
    r"sound\s+(?:more|less)|too\s+(?:long|short|formal|casual|pushy|salesy|stiff|wordy|commercial|"
    r"cringe|cringy|familiar|informal|complicated|technical))\b",
    I,
)
_EMAIL_OBJ = re.compile(
    r"\b(?:e-?mails?|message|copy|draft|subject(?:\s+line)?|intro|opening|"
    r"step|sequence|body|wording|it|tone|text|cta|sign[\s-]?off|greeting|"
    r"first\s+one|second\s+one|follow[\s-]?up)\b",
    I,
)
# Tone names and the words that ask for them, checked in this order ("less formal" is casual).
_TONES: dict[str, str] = {
    "soft": (
        r"less\s+(?:salesy|pushy|aggressive|intense|hard[\s-]?sell|commercial|cring(?:e|y))|softer|gentler|"
        r"more\s+soft|tone\s+(?:it\s+)?down|too\s+(?:pushy|salesy|aggressive|commercial|cring(?:e|y)|scary)|"
        r"less\s+(?:scary|threatening|alarming|negative|doom(?:y)?)"
    ),
    "casual": (
        r"casual(?:ly)?|informal(?:ly)?|relaxed|laid[\s-]?back|conversational|chill|less\s+formal(?:ly)?|"
        r"less\s+stiff|loose|chatty"
    ),
    "formal": r"formal(?:ly)?|less\s+casual|less\s+familiar|too\s+familiar|more\s+serious|stiff|corporate|buttoned[\s-]?up",
    "professional": r"professional",
    "warm": r"warm(?:er)?|friendl(?:y|ier)|personable|nicer|kinder|empathetic|human",
    "shorter": (
        r"short(?:er)?|k(?:ü|ue|u)rzer|concise|brief(?:er)?|tight(?:er)?|trim|(?<!that's\s)(?<!thats\s)(?<!that\shas\s)(?<!\u2019s\s)cut\s+(?:it\s+)?(?:way\s+|right\s+)?down|simpler|more\s+simple|"
        r"no\s+fluff|less\s+fluff|cut\s+the\s+fluff|no\s+filler|"
        r"plain(?:er)?\s+(?:english|language|words)|easier\s+to\s+read|"
        r"too\s+(?:long|wordy|verbose)|fewer\s+words|less\s+wordy|succinct|snappier|crisper|"
        r"to\s+the\s+point|shorten|(?:cut|chop|trim)\s+(?:it|this|that|them|the\s+\w+)\s+in\s+half|half\s+(?:as\s+long|the\s+length)|"
        # "still long, cut more": the length judged, then cut further
        r"still\s+(?:too\s+)?long|(?:cut|trim)\s+(?:some\s+)?more|"
        # "bit long, cut it down", "way long": the length judged
        r"(?:a\s+)?bit\s+long|(?:very|way|so)\s+long"
    ),
    "longer": (
        r"(?<!still\s)(?<!bit\s)(?<!too\s)(?<!very\s)(?<!way\s)(?<!so\s)long(?:er)?|more\s+detail(?:ed)?|"
        r"expand|lengthen|elaborate|fuller|too\s+(?:short|brief)"
    ),
    "direct": r"direct|punch(?:y|ier)|bold(?:er)?|assertive|confident|stronger|persuasive",
    "funny": r"funn(?:y|ier)|humou?r(?:ous)?|playful|witty|fun",
}
_TONE_PATTERNS = {name: prefilter.compile(rf"\b(?:{p})\b", I) for name, p in _TONES.items()}
# The words that start a campaign's topic: "about" and its kind first, then the weaker "on",
# "around", "for our" ("a campaign on that list about CUSMA savings" is about the savings).
_TOPIC_WORDS = (
    r"about|on\s+the\s+topic\s+of|regarding|focused\s+on|pitching|"
    r"(?:the\s+)?topic\s+(?:is|should\s+be|=|:)|topic:|"
    r"promoting|to\s+promote|to\s+pitch|introducing|re:|(?<!['\u2019])re(?=\s)",
    r"around|on|covering|for\s+our",
)
# Where a topic ends: where the audience or the form of the emails starts ("for them", "to the
# list", "with a friendly tone", "using 3 steps"); "for field crews", "with rooftop solar", "for
# our Austin event in April" are topic.
_TOPIC_END = (
    r"(?=\s+(?:(?:for|to)\s+(?:them|these|those|everyone|all(?!\s+(?:the|our|their|its)\b)|each|qtok\d)"
    r"|(?:for|to)\s+(?:my|our|the|this|that)\s+(?:[\w-]+\s+){0,3}?(?:lists?|people|contacts|"
    r"leads|prospects|audience|recipients|folks|ones|segment)\b"
    r"|targeting|aimed\s+at"
    r"|(?:using|with|in)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:tone|voice|style|steps?|"
    r"e-?mails?|touch(?:es)?|follow-?ups?)\b|(?:using|with)\s+\d+[\s-]+(?:steps?|e-?mails?|touch(?:es)?|"
    r"parts?|messages?|follow-?ups?))\b"
    # "..., keep it short and in English", "..., short, English": how the emails are written
    r"|\s*,\s*(?:and\s+)?(?:(?:keep|make)\s+(?:it|them|each(?:\s+one)?)\b|short(?:er)?\b|brief\b|"
    r"(?:in\s+)?(?:english|spanish|french|german|portuguese)\b|casual\b|formal\b|friendly\b|"
    r"\d+\s+(?:steps?|e-?mails?|touch(?:es)?)\b)"
    r"|[?.!]*$)"
)
_TOPICS = (
    *(re.compile(rf"\b(?:{words})\s+(.+?){_TOPIC_END}", I) for words in _TOPIC_WORDS),
    # "a campaign for that list inviting them to speak at our summit": what the emails do to
    # their readers is the topic, the word with it
    re.compile(
        r"\b((?:inviting|asking|offering|reminding|thanking|welcoming|announcing|congratulating|"
        r"introducing\s+(?:them|our)|telling\s+them|letting\s+them\s+know|informing)\s+.+?)"
        + _TOPIC_END,
        I,
    ),
)


_THE_CAMPAIGN = r"(?:the|my|our|this|that|your)\s+(?:[\w&'-]+\s+){0,4}?(?:campaign|sequence|seq|outreach|e-?mails?|drip)"
# "now a campaign about cyber insurance for that list", "campaign for Austin HR about ...": no verb.
_BARE_CREATE = re.compile(
    r"^\W*(?:(?:now|ok|okay|and|also|then|next|great|right|so|alright|cool|perfect|fine)\W+)*(?:(?:a|an|one|new|another)\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:cam(?:paign|pain|paing)|se?quence|outreach|drip)s?\b"
    r"(?=.*\b(?:about|regarding|pitching|promoting|introducing|topic)\b|.*(?<!['\u2019])\bre(?::|\s))"
    # "campaign on cyber insurance for that list", "a new sequence around ransomware readiness":
    # the topic right after the word, which no determiner ("the campaign on hold") comes before
    r"|^\W*(?:(?:now|ok|okay|and|also|then|next|great)\W+)*(?:(?:a|an|one|new|another)\s+)?"
    r"(?:(?!(?:the|my|our|this|that|your|their|its|how|how'?s|what|which|is|was|put|keep|leave|"
    r"pause|stop|hold|set)\b)[\w-]+\s+){0,2}?(?:cam(?:paign|pain|paing)|se?quence|outreach|drip)s?"
    r"\s+(?:on|around|covering)\s+(?!(?:hold|pause|ice|track|it|that|this|them|the\s+list)\b)\w",
    I,
)
# "lets launch", "ok let's send": launching the campaign the conversation is about.
_LETS_GO = re.compile(
    r"\W*(?:(?:ok|okay|great|alright|cool|so|then|now|perfect|nice|good|fine|yes|yep|sure|right|"
    r"(?:this\s+|that\s+|it\s+)?looks\s+(?:good|great|fine|ok(?:ay)?|alright|perfect|nice|solid)(?:\s+now)?)\W+)*"
    r"(?:(?:please|pls)\s+)?"
    r"(?:(?:let'?s|lets|time\s+to)\s+"
    r"(?:launch|start|send|go\s+live|ship|kick\s+off|go)|launch|start|go\s+live|kick\s+off|send|"
    r"(?:let'?s|lets)\s+get\s+(?:it|this|them)\s+(?:sending|going|out|live|started))"
    r"(?:\s+(?:it|this|them|now|today|please|this\s+thing|the\s+thing))*\W*",
    I,
)
# What recipients do to a campaign's emails: "reply", "opened", "write back", "bite".
_REACTED = (
    r"(?:repl(?:y|ied)|respond(?:ed)?|open(?:ed)?|click(?:ed)?|answer(?:ed)?|bounced|unsubscribed|"
    r"(?:write|wrote|written|got|get|gotten)\s+back|bit(?:ten)?|bite)"
)
_STATS = prefilter.compile(
    r"\bhow(?:'s|s|\s+is|\s+are|\s+has|\s+have|\s+did)\s+(?:the\s+|my\s+|our\s+|this\s+|that\s+)?"
    r"(?:[\w&'-]+\s+){0,4}?(?:campaign|sequence|outreach|e-?mails?|drip)s?\b.*?\b(?:doing|going|performing|"
    r"looking|working|tracking|landing|done|gone|performed|do|go|perform|getting\s+on|coming\s+along|"
    r"holding\s+up)\b"
    r"|\b(?:campaign|sequence|outreach|e-?mail)\s+(?:stats|statistics|results|performance|metrics|"
    r"numbers|analytics|report)\b"
    r"|\b(?:open|reply|response|click|bounce|unsubscribe)\s+rates?\b"
    # "what is the status of the County CIO Outreach campaign?", "campaign status"
    r"|\b(?:status|progress)\s+(?:of|on|for)\s+(?:the\s+|my\s+|our\s+|this\s+|that\s+)?"
    r"(?:[\w&'-]+\s+){0,5}?(?:campaign|sequence|drip)s?\b"
    r"|\b(?:campaign|sequence)\s+status\b"
    # "how are opens and replies looking on my campaign?"
    r"|\bhow(?:'s|s|\s+is|\s+are)\s+(?:the\s+|my\s+|our\s+)?(?:opens|replies|responses|clicks|bounces)\b"
    r"(?:\s+(?:and|&|,)\s+(?:opens|replies|responses|clicks|bounces))*\s+(?:looking|doing|going|coming)\b"
    r"|\b(?:any|how\s+many)\s+(?:replies|responses|opens|clicks|bounces|bites|answers)\b"
    # "what about opens vs clicks?": two of a campaign's numbers set side by side
    r"|\b(?:opens|replies|responses|clicks|bounces)\s+(?:vs\.?|versus|v\.?|compared\s+to)\s+"
    r"(?:opens|replies|responses|clicks|bounces)\b"
    # "replies so far on winter surge?": a campaign named by its name
    r"|^\W*(?:(?:and|so|ok)\W+)?(?:replies|responses|opens|clicks|bounces)(?:\s+so\s+far)?\s+"
    r"(?:on|for|from)\s+\S"
    # "did anyone reply yet?", "has anybody written back", "anyone get back to us?", "who opened it?"
    r"|\b(?:did|has|have)\s+(?:any(?:one|body)|any\s+of\s+them|people|they)\s+(?:already\s+|yet\s+)?"
    rf"{_REACTED}\b"
    r"|^\W*(?:(?:so|and|ok|hey)\W+)?(?:any(?:one|body)|some(?:one|body)|any\s+of\s+them)\s+(?:already\s+)?"
    rf"{_REACTED}(?:\s+(?:yet|so\s+far|already|to\s+(?:us|me|it|them)|it|back))*"
    r"(?:\s+or\s+(?:still\s+)?(?:nothing|nobody|no\s*one)(?:\s+yet)?)?\W*$"
    r"|^\W*who\s+(?:has\s+|have\s+)?(?:already\s+)?(?:replied|responded|opened|clicked|answered|"
    r"bounced|unsubscribed|(?:wrote|written|got|gotten)\s+back)\b"
    r"|\b(?:did|have)\s+(?:we|i)\s+(?:get|got|gotten|had|have|receive[d]?|hear[d]?)\s+"
    r"(?:back\s+from\s+(?:anyone|anybody|any\s+of\s+them)|any\s+(?:replies|responses|answers|bites)|"
    r"anything\s+back)\b"
    r"|\bhow\s+many\s+(?:people\s+|ppl\s+|folks\s+|recipients\s+|contacts\s+|leads\s+|prospects\s+|"
    r"of\s+them\s+)?(?:have\s+|has\s+)?(?:opened|replied|"
    r"clicked|responded|bounced|unsubscribed)\b"
    r"|\bhow\s+many\s+(?:e-?mails?\s+)?(?:have\s+(?:been\s+|we\s+)?|were\s+|got\s+|did\s+we\s+)?sent\b"
    r"|\b(?:stats|statistics|results|performance|metrics|numbers|analytics)\s+(?:for|of|on|from)\s+"
    + _THE_CAMPAIGN
    + r"|\bhow\s+(?:did|has)\s+(?:the|my|our|this|that)\s+(?:campaign|sequence|outreach)\b",
    I,
)
_PAUSE = prefilter.compile(
    r"\b(?:pause|halt|suspend|freeze)\b"
    r"|\b(?:stop|hold\s+off(?:\s+on)?|cease)\s+(?:the\s+|all\s+|any\s+more\s+)?(?:sending|"
    r"campaign|sequence|e-?mails?|outreach|drip|it\s+for\s+now)\b"
    r"|\bput\s+(?:it|" + _THE_CAMPAIGN + r")\s+on\s+hold\b"
    r"|\bhold\s+(?:the|my|our|this|that)\s+(?:campaign|sequence|e-?mails?|drip|sends?|sending)\b"
    r"|\b(?:don'?t|do\s+not)\s+send\s+any\s+more\b",
    I,
)
_UNDO = prefilter.compile(
    r"\b(?:undo|revert|roll\s*back|go\s+back|change\s+it\s+back|put\s+it\s+back|restore|switch\s+back|"
    r"(?:back|return)\s+to\s+(?:the\s+)?(?:first|original|previous|old|earlier|initial)|"
    r"(?:use|take|keep|prefer|liked?)\s+(?:the\s+)?(?:first|original|previous|old|earlier|initial)\s+"
    r"(?:version|one|draft|e-?mail|copy))\b",
    I,
)
_BARE_UNDO = re.compile(r"\W*(?:(?:ok|pls|please)\s+)?(?:undo|revert)(?:\s+(?:please|pls))?\W*", I)
_UNDO_OBJECT = re.compile(
    r"\b(?:versions?|revisions?|drafts?|e-?mails?|campaign|sequence|copy|changes?|edits?|rewrites?|"
    r"that|it|v\d+|(?:first|original|previous|old|earlier|last)\s+one)\b",
    I,
)
_SHOW = prefilter.compile(
    r"\b(?:show|see|view|preview|display|read|look\s+at|pull\s+up|paste|print)\b", I
)
_SHOW_OBJECT = re.compile(
    r"\b(?:the|my|our|this|that|your|it'?s|each|all|every)\s+(?:\w+\s+){0,2}?(?:e-?mails?|sequence|"
    r"drafts?|campaign|copy|steps?|messages?|subject\s+lines?|follow[\s-]?ups?|version|text|wording)\b"
    r"|\bthe\s+e-?mail\s+of\s+(?:the\s+)?campaign\b"
    r"|\bwhat\s+you\s+(?:wrote|drafted|came\s+up\s+with)\b"
    r"|^\W*(?:show|see|view|preview)\s+(?:me\s+)?(?:e-?mails?|draft|copy|sequence)"
    r"(?:\s+(?:how|what)\s+(?:they|it)\s+(?:looks?|reads?|says?)(?:\s+like)?(?:\s+now)?)?\W*$"
    # "pull up winter surge copy": the campaign named by its name
    r"|^\W*(?:pull\s+up|show(?:\s+me)?|open)\s+(?:[\w&'-]+\s+){1,4}?(?:copy|sequence)\W*$",
    I,
)
# "let me see it", "lemme see it again", "can I see it?": after a campaign, its emails
_SEE_IT = re.compile(
    r"\W*(?:(?:ok(?:ay)?|so|now|great|cool|hm+)\W+)*(?:(?:let\s+me|lemme|can\s+i|could\s+i|may\s+i|"
    r"let'?s)\s+(?:see|look\s+at|read|view|have\s+a\s+look\s+at)(?:\s+(?:it|that|this|them))?"
    r"|how\s+(?:does|do|did|would)\s+(?:it|they|that|this)\s+look(?:\s+now)?|how'?s\s+it\s+look(?:ing)?"
    r"|i\s+can\s+see\s+(?:it|that|this|them)"
    r"|(?:please\s+)?(?:(?:can|could|would|will)\s+you\s+(?:please\s+)?)?(?:show|let\s+me\s+see|lemme\s+see)\s+(?:me\s+)?(?:what\s+(?:it|that|this|the\s+e-?mail|the\s+campaign)\s+(?:looks\s+like|says|reads\s+like)(?:\s+now)?"
    r"|it|that|this|them|the\s+whole\s+thing|everything|all\s+of\s+it|the\s+full\s+thing|the\s+text"
    # "show me what we sent", "show me what you wrote"
    r"|what\s+(?:we|you|i)\s+(?:sent|wrote|drafted|are\s+sending|'re\s+sending)(?:\s+(?:them|'?em|out))?)"
    r"(?:\s+to\s+me)?)"
    r"(?:[\s,]+(?:again|once\s+more|now|first|please|pls))*\W*",
    I,
)
_LOOKS_LIKE = prefilter.compile(
    r"\bwhat\s+(?:does|do|did|will|would)\s+(?:the|my|our|this|that|it|each)\s*(?:\w+\s+)?"
    r"(?:e-?mails?|sequence|drafts?|campaign|copy|messages?)?\s*(?:look|say|read|sound)\b"
    r"|\bwhat\s+did\s+you\s+(?:write|draft|come\s+up\s+with)\b"
    # "whats the email look like now": the question said without "does"
    r"|\bwhat(?:'?s|\s+is|\s+does)\s+(?:the|my|our|this|that|it)\s*(?:e-?mails?|sequence|drafts?|campaign|"
    r"copy|messages?)?\s*(?:look|looks|looking)\s+like\b"
    r"|\bwhat(?:'s|\s+is)\s+in\s+(?:the|my|this|that)\s+(?:e-?mail|sequence|campaign|draft)\b",
    I,
)
# "the subject line is meh", "is kinda boring": what the user thinks of it, no new subject
_VERDICT = (
    r"(?:(?:a\s+)?(?:bit|little|kinda|kind\s+of|so|too|way\s+too|pretty|really|very|not|super)\s+)*"
    r"(?:meh|bad|boring|weak|bland|dull|off|great|good|ok|okay|fine|terrible|awful|lame|generic|"
    r"long|short|wordy|salesy|pushy|spammy|clickbaity|flat|vague|cheesy|cringe|blah)\b"
)
# "bit too American for the NHS", "way too salesy for hospital CFOs": a verdict on the email
_TOO_VERDICT = re.compile(
    r"\W*(?:(?:it'?s|it\s+is|this\s+is|that'?s|still|hm+|ok|sounds|reads)\W+)*(?:a\s+)?"
    r"(?:bit|little|way|far|much|kinda|kind\s+of|rather|tad|touch)?\s*too\s+"
    # (not "too few", "too many", "too broad": said of the results)
    r"(?!(?:few|many|much|little|broad|narrow|wide|small|big|large|specific|general)\b)[a-z]+"
    r"(?:\s+for\b[^,.;!?]*)?\W*",
    I,
)
# "subject line is meh", "the subject feels too salesy": the subject is to be rewritten
_SUBJECT_VERDICT = re.compile(
    rf"\W*(?:the\s+|that\s+|this\s+|your\s+)?subject(?:\s+line)?\s+(?:is|feels|sounds|looks|seems|reads)\s+"
    rf"{_VERDICT}",
    I,
)
# Rewrites that are edits rather than tones.
_SUBJECT_TO = prefilter.compile(
    r"\bsubject(?:\s+line)?\s*(?:to|as|into|:|=|should\s+(?:be|say|read)|(?:could|can)\s+be|"
    r"needs?\s+to\s+(?:be|say)|(?:is|reads?|says?)\s+(?:now\s+)?(?!"
    + _VERDICT
    + r"))\s*:?\s*(?P<text>.+?)\W*$"
    r"|\b(?:use|try|put|make)\s+(?P<text2>qtok\d+|.+?)\s+(?:as|the)\s+(?:the\s+)?subject(?:\s+line)?\W*$",
    I,
)
_QUESTION_EDIT = prefilter.compile(
    r"\b(?:add|end|finish|close|include|put|ask|tack|wrap|stick|throw|append|with)\b.*\bquestions?\b"
    r"|\bquestion\s+at\s+the\s+end\b",
    I,
)
_TRIAL = prefilter.compile(
    r"\b(?:mention|add|include|talk\s+about|plug|say|bring\s+up|reference|highlight|"
    r"something\s+about|offer|point\s+out|tell\s+them\s+about|note)\b.*\bfree\s+trial\b",
    I,
)
_ORDINALS = {
    "first": "first", "1st": "first", "1": "first", "one": "first", "opening": "first",
    "second": "second", "2nd": "second", "2": "second", "two": "second",
    "third": "third", "3rd": "third", "3": "third", "three": "third",
    "fourth": "fourth", "4th": "fourth", "4": "fourth",
    "fifth": "fifth", "5th": "fifth", "5": "fifth",
    "last": "last", "final": "last",
}  # fmt: skip
_STEP = re.compile(
    r"\b(first|second|third|fourth|fifth|last|final|opening|1st|2nd|3rd|4th|5th)\s+"
    r"(?:e-?mail|step|one|message|follow[\s-]?up|touch)\b"
    r"|\b(?:e-?mail|step|message|touch)\s*(?:#|no\.?|number)?\s*([1-5]|one|two|three)\b",
    I,
)


def _step(clause: str) -> dict[str, str]:
    m = _STEP.search(clause)
    if not m:
        return {}
    return {"step": _ORDINALS[(m[1] or m[2]).lower()]}


def _restore_quotes(text: str, quotes: list[str]) -> str:
    return re.sub(r"\bqtok(\d+)\b", lambda m: quotes[int(m[1])], text)


def looked_at(clause: str, state: ConversationState) -> Intent | None:
    """ "how does it look?" alone, after a campaign: its emails shown (otherwise it is filler)."""
    if _has_campaign(state) and _SEE_IT.fullmatch(clause):
        return Intent(kind=IntentKind.campaign_show, params=_which_campaign(state))
    return None


def _has_campaign(state: ConversationState) -> bool:
    return bool(state.context_campaign_id or state.last_campaign_id)


def _revision(clause: str) -> int | str:
    m = re.search(r"\b(?:version|revision|draft|rev|v)\s*#?\s*(\d{1,4})\b", clause, I)
    if m:
        return int(m[1])
    if re.search(r"\b(?:first|original|initial|very\s+first)\b", clause, I):
        return 1
    return "previous"


@dataclass
class _Said:
    """One clause as the campaign steps read it."""

    clause: str
    quotes: list[str]
    state: ConversationState
    has_campaign: bool  # the clause says "campaign", "sequence", ...
    tone: str | None
    which: dict[str, str]


# "campaign 4 it", "a sequence 4 that list": chat shorthand for "for".
_FOUR = re.compile(r"\b4\s+(?=(?:it|them|that|this|the|my|our|qtok\d+)\b)", I)


def campaign(clause: str, quotes: list[str], state: ConversationState) -> Intent | None:
    if "4" in clause and _CAMPAIGN.search(clause):
        clause = _FOUR.sub("for ", clause)
    said = _Said(
        clause,
        quotes,
        state,
        bool(_CAMPAIGN.search(clause)),
        _tone(clause),
        _which_campaign(state),
    )
    for step in _STEPS:
        if found := step(said):
            return found
    return None


# With a campaign in the conversation: "how's it doing?", "how did it go", "stats?".
_STATS_OF_IT = re.compile(
    r"^\W*(?:(?:so|and|ok(?:ay)?|hey|then|also)\W+)*"
    # "show me how it's doing so far", "let me know how they're performing"
    r"(?:(?:(?:show|tell)\s+me|let\s+me\s+know|check)\s+how\s+(?:it'?s|it\s+is|it\s+has|they'?re|they\s+are|"
    r"they\s+have|things\s+are)\s+(?:been\s+)?(?:doing|going|performing|looking|landing)"
    r"(?:\s+(?:so\s+far|now|yet|today|overall))*|"
    r"how(?:'s|s|\s+is|\s+are|\s+did|\s+has)\s+(?:it|things|they)\s+"
    r"(?:been\s+)?(?:doing|going|performing|perform|do|go|done|gone|performed|looking|landing|landed)"
    r"(?:\s+(?:so\s+far|now|yet|today|overall))*|"
    # "what are the stats? replies and bounces": which numbers, said after
    r"(?:(?:what\s+are|what'?re|show\s+me|give\s+me)\s+)?(?:any\s+|the\s+)?(?:stats|statistics|metrics|numbers|analytics)"
    r"(?:\s+(?:so\s+far|yet|now|please|pls))*"
    r"(?:\W+(?:the\s+)?(?:opens?|replies|clicks|bounces|sends)(?:\s*(?:,|and|&|/)\s*(?:opens?|replies|clicks|bounces|sends))*)?)"
    # "how's it doing, opens and replies?": which numbers, said after any of them
    r"(?:\W+(?:the\s+)?(?:opens?|replies|clicks|bounces|sends)(?:\s*(?:,|and|&|/)\s*(?:opens?|replies|clicks|bounces|sends))*)?\W*$",
    I,
)


def stats_of_it(clause: str) -> bool:
    """ "how's it doing?", "show me how it's doing so far": the stats of a campaign named before."""
    return bool(_STATS_OF_IT.match(clause))


# "pause the SaaS CFOs campaign, the reply rate is awful": an order first, its reason after.
_ORDER_FIRST = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|please|pls|and|also|now|ugh|hm+)\W+)*(?:please\s+)?"
    r"(?:pause|halt|suspend|stop)\b",
    I,
)


def _stats(s: _Said) -> Intent | None:
    if _ORDER_FIRST.match(s.clause):
        return None
    if (
        _STATS.search(s.clause) or (_has_campaign(s.state) and _STATS_OF_IT.match(s.clause))
    ) and not re.search(r"\blists?\b", s.clause, I):
        return Intent(kind=IntentKind.campaign_stats, params=s.which)
    return None


# "pause winter surge": a campaign named by its name (only campaigns pause)
_PAUSE_NAMED = re.compile(r"^\W*(?:please\s+)?(?:pause|halt|suspend)\s+(?!(?:the\s+)?search)\S", I)


def _pause(s: _Said) -> Intent | None:
    if _PAUSE.search(s.clause) and (
        s.has_campaign
        or _has_campaign(s.state)
        or re.search(r"\b(?:sending|e-?mails?)\b", s.clause, I)
        or _PAUSE_NAMED.match(s.clause)
    ):
        return Intent(kind=IntentKind.campaign_pause, params=s.which)
    return None


def _undo(s: _Said) -> Intent | None:
    clause = s.clause
    if (
        _UNDO.search(clause)
        and (_UNDO_OBJECT.search(clause) or _BARE_UNDO.fullmatch(clause))
        and not re.search(r"\b(?:search|results|filters?|lists?|people|contacts)\b", clause, I)
        and (
            _has_campaign(s.state)
            or re.search(r"\b(?:versions?|revisions?|e-?mails?|drafts?)\b", clause, I)
            or s.has_campaign
        )
    ):
        return Intent(
            kind=IntentKind.campaign_undo, params={"revision": _revision(clause), **s.which}
        )
    return None


_PEOPLE_WHOSE = re.compile(
    r"\b(?:persons?|people|ones|contacts|prospects|leads|those|them|everyone|anyone)\s+"
    r"(?:whose|with|who|that|where)\b",
    I,
)


def _show(s: _Said) -> Intent | None:
    clause = s.clause
    if s.tone and (change := _REWRITE.search(clause)):
        # "make the email shorter, people here don't read long emails": a change, not a look
        shown = _SHOW.search(clause)
        if shown is None or change.start() < shown.start():
            return None
    if (
        (
            (_SHOW.search(clause) and _SHOW_OBJECT.search(clause))
            or _LOOKS_LIKE.search(clause)
            or (_has_campaign(s.state) and _SEE_IT.fullmatch(clause))
        )
        and not re.search(r"\b(?:lists?|stats|results|tasks?|credits?|addresses)\b", clause, I)
        and not re.search(
            r"\b(?:e-?mails?\s+(?:of|for|from)(?!\s+(?:(?:the|this|that|my|our)\s+)?(?:campaign|sequence|drip))"
            r"|at\s+[A-Z])",
            clause,
        )
        # "see only the persons whose e-mail is verified": people chosen by their emails
        and not _PEOPLE_WHOSE.search(clause)
    ):
        return Intent(kind=IntentKind.campaign_show, params={**_step(clause), **s.which})
    return None


# "save these to a new list: H-1B Outreach Q1": a list whose name says "outreach", no campaign
_A_LIST_NAMED = re.compile(
    r"\b(?:new|a|the|to|into)\s+list\b(?:\s*[:,-]|\s+(?:called|named|titled))", I
)
_CAMPAIGN_NOUN = re.compile(r"\b(?:cam(?:paign|pain|paing)|sequence)s?\b", I)


_THE_WHOLE_CAMPAIGN = re.compile(
    r"\b(?:the|this|that|my|our)\s+(?:whole\s+|entire\s+)?(?:sequence|campaign|e-?mails|drafts?)\b",
    I,
)


def _create(s: _Said) -> Intent | None:
    clause = s.clause
    if not (
        s.has_campaign
        and (_CAMPAIGN_CREATE.search(clause) or _BARE_CREATE.match(clause))
        and not re.search(
            r"\b(?:launch|start|kick\s+off|begin)\s+(?:the|this|that|my|our|it)\b", clause, I
        )
        and not (_A_LIST_NAMED.search(clause) and not _CAMPAIGN_NOUN.search(clause))
        # ("make the whole sequence more formal": the campaign there is, rewritten)
        and not (s.tone and _has_campaign(s.state) and _THE_WHOLE_CAMPAIGN.search(clause))
    ):
        return None
    params: dict = {}
    name = list_name_in(clause, s.quotes, s.state, after_prep=False)
    if topic := _topic(clause, s.quotes, name):
        params["topic"] = topic
    target, resolved = list_target(clause, name, s.state)
    if target:
        params["list"] = resolved
    if s.tone:
        params["tone"] = s.tone
    return Intent(
        kind=IntentKind.campaign_create, list_name=resolved, list_target=target, params=params
    )


# Emoji and pictographs at either end of a topic are no part of it.
_EMOJI = r"[\u2190-\u21ff\u2300-\u23ff\u2600-\u27bf\u2b00-\u2bff\ufe0f\u200d\U0001f000-\U0001faff]"
_EMOJI_ENDS = re.compile(rf"^(?:{_EMOJI}|\s)+|(?:\s|{_EMOJI})+$")


def _topic(clause: str, quotes: list[str], list_name: str | None = None) -> str | None:
    """What the campaign is about ("about legal automation"), without the list it is for ("for
    that list", "for Carrier ABM" when that is the list's name)."""
    said = re.sub(
        r"\b(?:for|to)\s+(?:my|the|our|this|that)?\s*(?:qtok\d+|[^,.]*?\s+list)\b",
        "",
        clause,
        flags=I,
    )
    if list_name:
        said = re.sub(
            rf"\s*\b(?:for|to)\s+(?:my\s+|the\s+|our\s+)?{re.escape(list_name)}(?!\w)",
            "",
            said,
            flags=I,
        )
    topic = _TOPICS[0].search(said)
    if topic is None:
        # the weaker words and what the emails do: the one said first ("for that list
        # congratulating them on the new role and offering ...")
        found = [m for p in _TOPICS[1:] if (m := p.search(said))]
        topic = min(found, key=lambda m: m.start()) if found else None
    if not topic:
        return None
    t = re.sub(r"\bqtok(\d+)\b", lambda m: quotes[int(m[1])], topic[1]).strip(" .,'\"")
    t = _EMOJI_ENDS.sub("", t)  # "about our paid social retainer 💸"
    t = re.sub(r"[\s,]+(?:please|pls|plz|thanks|thx|asap|too)$", "", t, flags=I)
    if t and not re.fullmatch(r"(?:it|them|this|that|the\s+list|my\s+list)", t, I):
        return t
    return None


# "start sending", "go live", "send it", "unpause it": the campaign is started (or started again).
_START_SENDING = prefilter.compile(
    r"\b(?:start\s+sending|go\s+live|hit\s+send|send\s+(?:it|them)\s+(?:out|now)|"
    r"launch\s+it|start\s+it|ship\s+it|send\s+it|kick\s+it\s+off|fire\s+(?:it|them)\s+off|"
    # a paused campaign going again: "unpause it", "resume the campaign"
    r"(?:un-?pause|resume|restart|reactivate)\s+(?:it|that|sending|(?:the|my|our)\s+(?:[\w&'-]+\s+){0,4}?"
    r"(?:campaign|sequence|emails?|outreach))|turn\s+it\s+back\s+on|"
    # "ok turn the sequence on", "switch the campaign on"
    r"(?:turn|switch|flip)\s+(?:it|the\s+(?:campaign|sequence|emails?|outreach))\s+on)\b",
    I,
)


def _start(s: _Said) -> Intent | None:
    if not (s.has_campaign or _has_campaign(s.state)) and actions.sending(s.clause):
        return None  # "send it to everyone on the list": no campaign to start, an email
    if (
        (s.has_campaign and _CAMPAIGN_START.search(s.clause))
        or _START_SENDING.search(s.clause)
        or (_has_campaign(s.state) and _LETS_GO.fullmatch(s.clause))
    ):
        return Intent(kind=IntentKind.campaign_start, params=s.which)
    return None


def _subject(s: _Said) -> Intent | None:
    subject = _SUBJECT_TO.search(s.clause)
    if not subject or s.tone:
        return None
    text = _restore_quotes(subject["text"] or subject["text2"] or "", s.quotes)
    text = text.strip(" \"'“”‘’.")
    if text and not re.fullmatch(r"(?:shorter|longer|better|punchier|it|that)", text, I):
        params = {"edit": "subject", "subject": text, "part": "subject", **_step(s.clause)}
        return Intent(kind=IntentKind.email_rewrite, params={**params, **s.which})
    return None


def _trial(s: _Said) -> Intent | None:
    if _TRIAL.search(s.clause) or (
        re.search(r"\bfree\s+trial\b", s.clause, I) and _has_campaign(s.state)
    ):
        params = {"edit": "free_trial", **_step(s.clause)}
        return Intent(kind=IntentKind.email_rewrite, params={**params, **s.which})
    return None


def _question(s: _Said) -> Intent | None:
    if _QUESTION_EDIT.search(s.clause) and not re.search(r"\bquick\s+question\b", s.clause, I):
        params = {"edit": "question", **_step(s.clause)}
        return Intent(kind=IntentKind.email_rewrite, params={**params, **s.which})
    return None


_TONE_WORD = (
    r"(?:(?:a\s+)?(?:bit|little|tad|touch|smidge|notch)\s+|(?:much|way|slightly|even|a\s+lot)\s+)?(?:(?:more|less)\s+\w+(?:-y)?|shorter|longer|"
    r"friendlier|warmer|punchier|snappier|crisper|briefer|bolder|softer|gentler|tighter)"
    r"(?:\s+(?:please|pls|plz|thx|thanks|overall|too|then|also|as\s+well))*"
)
# "shorter", "shorter please, and more friendly", "shorter, and mention the free audit"
_BARE_TONE = re.compile(
    r"\W*(?:(?:and|now|ok|okay|also|but|maybe|even|please|pls|plz)\W+)*"
    rf"{_TONE_WORD}(?:\W+(?:and\s+)?(?:{_TONE_WORD}|(?:mention|add|include|reference|cite|say)\s+[^.?!]+))*"
    # the reason after it: "more formal please, it's a bit chatty"
    r"(?:\W+(?:it'?s|it\s+is|this\s+is|that'?s|it\s+(?:reads|sounds))\s+[^.?!]{1,40})?"
    r"\W*",
    I,
)
# "mention that we can bind cover within 48 hours", "add a line about the free audit": a change
# to the email's content, when the conversation has a campaign.
_MENTION = re.compile(
    r"^\W*(?:(?:and|also|oh|ok|okay|now|then|please|pls|perhaps|maybe|can\s+you|could\s+you)\W+)*"
    # "the second step should mention the registration window"
    r"(?:(?:the\s+)?(?:first|second|third|fourth|last|final|\d(?:st|nd|rd|th)|opening|closing)\s+"
    r"(?:step|e-?mail|follow[\s-]?up|message|one)\s+(?:should|needs\s+to|must|could|can)\s+)?"
    r"(?:mention|say|note|point\s+out|congratulate\s+them|(?:add|include|put\s+in|throw\s+in|tack\s+on)\s+(?:a\s+|an\s+|one\s+)?"
    r"(?:short\s+|quick\s+)?(?:line|sentence|note|bit|paragraph|p\.?s\.?|post-?script))\s+"
    r"(?:that|how|about|we|our|the|an?|their|its|mentioning|saying|on|re|regarding|inviting|with|asking|"
    r"offering|\d)\b",
    I,
)


_LEAD_TONE = re.compile(
    rf"\W*(?:(?:and|now|ok|okay|also|but|maybe|even|please)\W+)*{_TONE_WORD}", I
)


# After the tone, a reason of any length: "more formal please, in France we are not so familiar
# with strangers", "shorter - people skim on their phones".
_REASON_AFTER = re.compile(r"\s*(?:[,;:.!\u2014\u2013-]|\s+(?:because|since|as|cause|cuz|bc)\b)", I)


def _tone_then_reason(clause: str) -> bool:
    """A tone leading the clause and a reason after it, in a conversation with a campaign."""
    lead = _LEAD_TONE.match(clause)
    return bool(lead and _tone(lead[0]) and _REASON_AFTER.match(clause, lead.end()))


# A part of the email and how it should change, without a verb: "subject line shorter", "the
# intro warmer", "shorter subject line", "email 2 less salesy".
_PART = (
    r"(?:the\s+|that\s+|this\s+|my\s+)?(?:subject(?:\s+lines?)?|intro(?:duction)?|opening(?:\s+line)?|"
    r"first\s+line|cta|call\s+to\s+action|sign[\s-]?off|closing(?:\s+line)?|greeting|p\.?s\.?|"
    r"(?:first|second|third|fourth|last|final|1st|2nd|3rd|4th)\s+(?:e-?mail|one|step|follow[\s-]?up)|"
    r"(?:e-?mail|step)\s*#?\s*[1-5]|e-?mails?|copy|body)"
)
_PART_TONE = re.compile(
    r"\W*(?:(?:and|now|ok|okay|also|but|maybe|then|please|pls)\W+)*"
    rf"(?:{_PART}\s+(?:(?:needs?\s+to\s+be|should\s+be|could\s+be|is|are)\s+)?{_TONE_WORD}"
    rf"(?:\s+(?:and|&)\s+{_TONE_WORD})?|(?:an?\s+)?{_TONE_WORD}\s+{_PART}(?:\s+(?:please|pls|plz|thx|thanks))*)"
    # "a shorter subject line please, like 5 words max": how short, said after it
    r"(?:\W+(?:like|say|ideally|maybe|max(?:imum)?|at\s+most|under)?\s*\d+\s+(?:words?|characters?|chars?)"
    r"(?:\s+(?:max(?:imum)?|tops|or\s+(?:less|fewer)))?)?\W*",
    I,
)
# "cut it to 3 sentences", "keep each email under 100 words", "max 3 sentences": a length, when
# the conversation has a campaign.
_LENGTH = (
    r"(?:\d+|one|two|three|four|five|six|a\s+few|a\s+couple(?:\s+of)?)\s+(?:short\s+)?"
    r"(?:sentences?|lines?|words?|paragraphs?)\b"
)
_CUT_TO = re.compile(
    r"\b(?:cut|trim|shorten|keep|get|bring|limit|cap|make|condense|chop)\s+(?:it|this|that|them|"
    r"each(?:\s+(?:one|e-?mail|step))?|every\s+(?:e-?mail|step)|all\s+of\s+them|the\s+(?:e-?mails?|"
    r"copy|body|intro|message|draft|steps?))\s+(?:down\s+)?(?:to|under|below|within|at)\s+"
    rf"(?:(?:no\s+more\s+than|at\s+most|max(?:imum)?|about|around)\s+)?{_LENGTH}"
    rf"|^\W*(?:max(?:imum)?|at\s+most|no\s+more\s+than|under|only)\s+{_LENGTH}\W*$"
    rf"|^\W*{_LENGTH}\s+(?:max(?:imum)?|tops|at\s+most|or\s+(?:less|fewer))\W*$",
    I,
)


# "it sounds very stiff, more casual please", "the tone is a bit cold": what the email is said to
# be, when the conversation has a campaign (the opposite tone is asked for, see ``_tone``).
_SAID_TO_BE = re.compile(
    r"\W*(?:(?:hm+|ok(?:ay)?|well|honestly|but|and|so|mmm+|uh+)\W+)*"
    r"(?:(?:it|this|that|the\s+(?:e-?mails?|copy|draft|text|tone|wording|message|intro|"
    r"(?:first|second|third|fourth|last|final)\s+(?:e-?mail|one|step|message)))"
    r"(?:'s|\s+is|\s+(?:still\s+)?(?:sounds|reads|feels|seems|looks|comes\s+across(?:\s+as)?))\s+"
    # "reads kinda stiff", "sounds too salesy": the email said without its subject
    r"|\W*(?:(?:hm+|ok(?:ay)?|well|honestly|but|and|so|still)\W+)*(?:sounds|reads|feels|comes\s+across(?:\s+as)?)\s+)"
    r"(?:(?:very|so|really|quite|a\s+bit|a\s+little|kinda|kind\s+of|rather|super|pretty|too|"
    r"way\s+too|a\s+bit\s+too|still|overly)\s+)*"
    r"(?:stiff|formal|corporate|casual|informal|long|wordy|short|brief|salesy|pushy|aggressive|cold|"
    r"robotic|dry|generic|boring|bland|spammy|cheesy|cringe|cringy|impersonal|clunky|awkward|"
    r"harsh|blunt|stuffy|heavy|dense|commercial|familiar)\b(?P<rest>[^?]*)$",
    I,
)


# The tone asked for by saying what the email is: "it sounds very stiff" asks for casual.
_OPPOSITE = {
    "stiff": "casual", "formal": "casual", "corporate": "casual", "stuffy": "casual",
    "casual": "formal", "informal": "formal", "familiar": "formal",
    "long": "shorter", "wordy": "shorter", "dense": "shorter", "heavy": "shorter",
    "short": "longer", "brief": "longer",
    "salesy": "soft", "pushy": "soft", "aggressive": "soft", "commercial": "soft", "harsh": "soft",
    "blunt": "soft", "spammy": "soft",
    "cold": "warm", "robotic": "warm", "impersonal": "warm", "dry": "warm",
}  # fmt: skip


def _said_to_be(clause: str) -> str | None:
    """What the email is said to be ("stiff"), when that is the whole clause or a tone, a change
    or a reason follows; None otherwise."""
    m = _SAID_TO_BE.match(clause)
    if m is None:
        return None
    rest = m["rest"].strip(" ,.;!\u2014\u2013-")
    if rest and not (
        _LEAD_TONE.match(rest) or _REWRITE.match(rest) or _REASON_AFTER.match(m["rest"])
    ):
        return None
    return clause[: m.start("rest")].split()[-1].lower()


# "casual it up a bit, they're dentists not barristers", "jazz it up", "dial it down"
_IT_UP = re.compile(
    r"\W*(?:(?:and|now|ok|okay|maybe|please|pls)\W+)*(?:casual|warm|friendly|punch|jazz|spice|liven|"
    r"loosen|lighten|relax|chill|"
    r"fancy|formal|posh|tone|dial|simple|plain|short|soft)\w*\s+it\s+(?:up|down)\b"
    r"(?:\s+(?:a\s+)?(?:bit|little|notch|touch|tad))?(?:\s+(?:please|pls))?(?:\W|$)",
    I,
)


# "lose the jargon", "ditch the buzzwords": words taken out of the email.
_CUT_WORDS = re.compile(
    r"\b(?:lose|ditch|drop|remove|cut|kill|skip|no\s+more)\s+(?:the\s+|all\s+(?:the\s+)?|some\s+of\s+the\s+)?"
    r"(?:jargon|buzzwords?|fluff|hype|emojis?|exclamation\s+(?:marks|points)|marketing\s+speak|"
    r"corporate\s+speak|waffle|clich[eé]s)\b",
    I,
)


# Words of a search's filters that name emails or changes ("verified emails only", "remove the
# job change filter"): no edit of an email.
_SEARCH_FILTER_WORDS = re.compile(
    r"\b(?:(?:verified|valid|deliverable|good|confirmed)\s+e-?mails?(?:\s+only)?|"
    r"e-?mails?\s+(?:verified|status)|job[\s-]+changes?|changed\s+jobs?)\b",
    I,
)


# "step 2 is a novel", "email 3 reads like a robot wrote it", "step 1 more formal pls", "subject
# line on email 1 is snooze-worthy", "just add a line to step 2 about ...", "cut it way down":
# said of one email of the campaign, the clause is about that email (its number is no count).
_STEP_SAID_FIRST = re.compile(
    r"^\W*(?:(?:and|also|just|ok(?:ay)?|now|then|hmm+|ugh|please|pls)\W+)*"
    r"(?:(?:the\s+)?(?:subject(?:\s+line)?\s+(?:on|of|in|for)\s+)?(?:the\s+)?"
    r"(?:(?:step|e-?mail|message|touch)\s*(?:#|no\.?)?\s*(?:[1-5]|one|two|three)|"
    r"(?:first|second|third|fourth|fifth|last|final|opening)\s+(?:e-?mail|step|message|follow[\s-]?up))\b"
    r"(?!\s+(?:of|from)\s+(?:the\s+)?(?:search|results|list))"
    r"|(?:add|put|throw|tack|stick)\s+(?:in\s+)?(?:a\s+|an\s+|one\s+)?(?:short\s+|quick\s+)?(?:line|sentence|note|"
    r"bit|p\.?s\.?)\s+(?:to|in|into|on)\s+(?:the\s+)?(?:step|e-?mail|message|first|second|third|last)\b"
    r"|(?:cut|trim|chop|pare)\s+(?:it|this|that|them)\s+(?:way\s+|right\s+|all\s+the\s+way\s+)?down\b)",
    I,
)


def _rewrite(s: _Said) -> Intent | None:
    clause, tone = s.clause, s.tone
    if actions.drafting(clause):
        return None  # "write cold email to X ..., polite tone please": a new email, drafted
    if _has_campaign(s.state) and _CUT_TO.search(clause):
        tone = tone or "shorter"
    elif not (
        (
            (_REWRITE.search(probe := _SEARCH_FILTER_WORDS.sub(" ", clause)))
            and (_EMAIL_OBJ.search(probe) or tone)
            and (tone or re.search(r"\b(?:e-?mails?|copy|subject|message|draft)\b", probe, I))
        )
        or re.search(
            r"\b(?:make|have)\s+(?:it|this|that|the\s+e-?mail)\s+(?:sound|read|feel)\b", clause, I
        )
        or (tone and _BARE_TONE.fullmatch(clause))
        # "less American please", "more Yorkshire": a change of voice no tone names
        or (_has_campaign(s.state) and _BARE_TONE.fullmatch(clause))
        or (_has_campaign(s.state) and _IT_UP.match(clause))
        or (tone and _PART_TONE.fullmatch(clause))
        or (_MENTION.match(clause) and _has_campaign(s.state))
        or (tone and _has_campaign(s.state) and _tone_then_reason(clause))
        or (_has_campaign(s.state) and _SUBJECT_VERDICT.match(clause))
        or (_has_campaign(s.state) and _TOO_VERDICT.fullmatch(clause))
        or (_has_campaign(s.state) and _said_to_be(clause))
        or (_has_campaign(s.state) and _CUT_WORDS.search(clause))
        or (_has_campaign(s.state) and _STEP_SAID_FIRST.match(clause))
    ):
        return None
    verdict = False
    if _has_campaign(s.state) and (said := _said_to_be(clause)):
        asked = _ASKED_TONE.search(clause)
        tone = (asked and _first_tone(asked[0])) or _OPPOSITE.get(said)
        verdict = not asked
    if tone and (lead := _LEAD_TONE.match(clause)):
        tone = _tone(lead[0]) or tone  # "more formal please, it's a bit chatty": formal
    params: dict[str, Any] = {"tone": tone} if tone else {}
    if tone and verdict:
        params[VERDICT] = True  # the tone only a verdict asked for ("it sounds stiff")
    params.update(_step(clause))
    if re.search(r"\bsubject\b", clause, I):
        params["part"] = "subject"
    return Intent(kind=IntentKind.email_rewrite, params={**params, **s.which})


# A rewrite's tone asked for only by saying what the email is: a tone asked for in so many words
# in the same message wins over it (``interpreter._one_rewrite`` reads and drops the mark).
VERDICT = "_verdict"


# In this order: the first step that reads the clause wins.
_STEPS: tuple[Callable[[_Said], Intent | None], ...] = (
    _stats,
    _pause,
    _undo,
    _show,
    _create,
    _start,
    _subject,
    _trial,
    _question,
    _rewrite,
)


# "too formal" asks for the opposite of the word it names.
_TOO = {
    "formal": "casual",
    "stiff": "casual",
    "corporate": "casual",
    "casual": "formal",
    "informal": "formal",
    "long": "shorter",
    "wordy": "shorter",
    "short": "longer",
    "brief": "longer",
}
# "too formal", and what the email is said to be: "it reads a little stiff", "sounds so corporate".
_TOO_WORD = prefilter.compile(
    r"\b(?:too\s+|(?:reads|sounds|feels|seems|comes\s+across)\s+(?:as\s+)?(?:a\s+(?:little|bit|tad)\s+|"
    r"kind\s+of\s+|kinda\s+|quite\s+|very\s+|really\s+|so\s+|rather\s+|overly\s+|way\s+too\s+|"
    r"a\s+little\s+too\s+|a\s+bit\s+too\s+)?)(" + "|".join(_TOO) + r")\b",
    I,
)
# "more casual", "less formal": the tone asked for in so many words.
_ASKED_TONE = re.compile(
    r"\b(?:more|less)\s+[\w-]+|\b(?:warmer|friendlier|shorter|longer|punchier|snappier|softer|gentler|"
    r"crisper|briefer|bolder|tighter|simpler)\b",
    I,
)


_A_SPAN_CHANGED = re.compile(
    # (not "mention our 60 day pilot": a span that is a thing's, after "our", "a" or "the")
    r"(?<!\bour\s)(?<!\ba\s)(?<!\ban\s)(?<!\bthe\s)(?<!\bfree\s)"
    r"\b\d+\s*(?:days?|weeks?|months?|d|wks?|mos?)\b|\b\d+\s+(?:is|are|'s)\s+too\b",
    I,
)


def _tone(clause: str) -> str | None:
    """The tone asked for; of several ("more casual, less salesy"), the one named first; what
    the email is said to be ("too formal", "it reads stiff") asks for the opposite, unless the
    tone is asked for in so many words too ("it reads stiff, make it more friendly"). A number
    of days said to be too tight ("make it 30 days, 14 is too tight") is no tone of an email."""
    if _A_SPAN_CHANGED.search(clause):
        return None
    if too := _TOO_WORD.search(clause):
        asked = _ASKED_TONE.search(clause)
        return (asked and _first_tone(asked[0])) or _TOO[too[1].lower()]
    return _first_tone(clause)


def _first_tone(clause: str) -> str | None:
    best: tuple[int, str] | None = None
    for name, pattern in _TONE_PATTERNS.items():
        m = pattern.search(clause)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), name)
    return best[1] if best else None


def _which_campaign(state: ConversationState) -> dict[str, str]:
    """ "the email", "the campaign": the request's campaign, else the one this conversation made."""
    if state.context_campaign_id:
        return {"campaign": "context"}
    if state.last_campaign_id:
        return {"campaign": "last"}
    return {}
