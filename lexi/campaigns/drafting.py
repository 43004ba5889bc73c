"""Drafting and rewriting campaign emails without a model, behind one ``Writer`` interface.

``TemplateWriter`` composes a 3-step sequence (opening email, a follow-up if there is no reply,
a short last touch) from a topic, an audience (the list's most common titles and industries) and
a tone. Each slot of an email (subject, greeting, first line, value point, call to action,
sign-off) has several phrasings; a seed taken from the topic, audience and tone picks among them,
so drafts vary across topics and audiences yet the same request always gives the same draft.

What the drafts never do: state facts about a person that are not in the contact's own fields.
Personal details are merge variables with fallbacks (``{{first_name|there}}``,
``{{company_name|your team}}``); statements about the audience are general ("law firms often
...").

Quality bars (checked by tests/unit/campaigns/test_drafting.py on a grid of 30 topics x 5
audiences): subject at most 8 words, opening email at most 120 words, Flesch reading ease at
least 60, none of ``SPAM_TRIGGERS``, and at least 90% distinct subjects and first lines.

Another writer can stand in: implement ``Writer`` and call ``set_writer``. A writer that may
consult a language model (``lexi.assistant.model.writer.ModelWriter``, installed when
``LEXI_MODEL`` is set) also implements ``draft_for`` / ``rewrite_for``, which take the
workspace's data policy and say who wrote the result (``Written``); ``draft_sequence`` and
``rewrite_sequence`` call whichever the writer has.
"""

from __future__ import annotations

import contextvars
import copy
import hashlib
import json
import random
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any, Protocol, TypeVar

from lexi.errors import ValidationFailed

# Phrases drafted emails never contain (case-insensitive). Drawn from the phrases mail filters
# and recipients commonly flag as spam. An explicit rewrite ("mention our free trial") may add
# words a draft would not use on its own.
SPAM_TRIGGERS: tuple[str, ...] = (
    "100%", "act now", "amazing", "apply now", "as seen on", "bargain", "best price",
    "big savings", "buy now", "call now", "cash", "cheap", "click below", "click here",
    "congratulations", "dear friend", "double your", "earn money", "exclusive deal",
    "extra income", "for free", "free gift", "free money", "get paid", "guarantee",
    "incredible deal", "increase sales", "limited time", "lowest price", "make money",
    "miracle", "no catch", "no cost", "no obligation", "no strings attached", "not spam",
    "offer expires", "once in a lifetime", "order now", "risk-free", "risk free",
    "special promotion", "this isn't spam", "urgent", "winner", "you have been selected",
    "!!", "$$$",
)  # fmt: skip

TONES = ("professional", "warm", "formal", "casual")


@dataclass(frozen=True)
class Step:
    subject: str
    body: str
    delay_days: int = 0
    delay_hours: int = 0
    send_condition: str = "always"

    def as_dict(self) -> dict[str, Any]:
        return {
            "subject": self.subject,
            "body": self.body,
            "delay_days": self.delay_days,
            "delay_hours": self.delay_hours,
            "send_condition": self.send_condition,
        }


@dataclass(frozen=True)
class Audience:
    """Who a sequence is for: the most common titles and industries of a list's contacts."""

    titles: tuple[str, ...] = ()
    industries: tuple[str, ...] = ()
    # How many of the contacts carry a fact from the data (``lexi.campaigns.facts``): then the
    # writer opens with ``{{signal_opener}}`` and follows up with ``{{signal_followup}}``, which
    # are empty for the others (they read the plain opening).
    with_facts: int = 0

    @classmethod
    def from_contacts(cls, contacts: Iterable[Any]) -> Audience:
        titles: Counter[str] = Counter()
        industries: Counter[str] = Counter()
        for c in contacts:
            if getattr(c, "job_title", None):
                titles[c.job_title.strip()] += 1
            if getattr(c, "company_industry", None):
                industries[c.company_industry.strip()] += 1
        return cls(
            tuple(t for t, _ in titles.most_common(5)),
            tuple(i for i, _ in industries.most_common(5)),
        )


class Writer(Protocol):
    """Writes and rewrites sequences. Implementations must not invent facts about contacts."""

    def draft(self, topic: str, audience: Audience, tone: str = "professional") -> list[Step]: ...

    def rewrite(self, step: Step, instruction: Instruction, *, topic: str = "") -> Step: ...


@dataclass(frozen=True)
class Written:
    """Steps and who wrote them: ``template`` (the built-in writer) or ``model``; with a
    ``fallback`` reason when a model was asked and its emails were not used."""

    steps: list[Step]
    writer: str = "template"
    model: str | None = None
    fallback: str | None = None
    problems: tuple[str, ...] = ()
    usage: dict[str, int] = field(default_factory=dict)

    def record(self) -> dict[str, Any]:
        """Kept with the revision (``written_by``) and shown in the chat turn's actions."""
        return {
            "writer": self.writer,
            "model": self.model,
            "fallback": self.fallback,
            "problems": list(self.problems),
            "usage": dict(self.usage),
        }


# ------------------------------------------------------------------ audience words

_INDUSTRY_PLURALS = {
    "law practice": "law firms",
    "legal services": "legal teams",
    "computer software": "software companies",
    "information technology and services": "IT firms",
    "internet": "online businesses",
    "computer & network security": "security teams",
    "financial services": "finance firms",
    "banking": "banks",
    "insurance": "insurers",
    "investment management": "asset managers",
    "venture capital & private equity": "investment firms",
    "accounting": "accounting firms",
    "hospital & health care": "hospitals",
    "medical practice": "medical practices",
    "biotechnology": "biotech companies",
    "pharmaceuticals": "drug makers",
    "management consulting": "consulting firms",
    "marketing and advertising": "agencies",
    "staffing and recruiting": "recruiting firms",
    "real estate": "real estate firms",
    "construction": "builders",
    "retail": "retailers",
    "logistics and supply chain": "logistics teams",
    "higher education": "universities",
    "education management": "schools",
    "restaurants": "restaurants",
    "hospitality": "hotels",
    "telecommunications": "telecom firms",
    "automotive": "car makers",
    "manufacturing": "manufacturers",
}

_ROLE_WORDS = [
    (r"\b(ceo|chief executive|founder|owner|president|managing (partner|director))\b", "leader"),
    (r"\b(cto|chief technology|engineering|developer|architect)\b", "tech lead"),
    (r"\b(cfo|chief financial|finance|controller|accounting)\b", "finance lead"),
    (r"\b(cmo|marketing|growth|brand)\b", "marketing lead"),
    (r"\b(sales|revenue|business development|account)\b", "sales lead"),
    (r"\b(hr|human resources|people|talent|recruit)\w*", "people lead"),
    (r"\b(coo|operations|ops)\b", "ops lead"),
    (r"\b(partner|counsel|attorney|lawyer)\b", "partner"),
    (r"\b(it|information|security|ciso|cio)\b", "IT lead"),
    (r"\b(product)\b", "product lead"),
]


def industry_phrase(audience: Audience) -> str:
    if not audience.industries:
        return "teams like yours"
    name = audience.industries[0].strip()
    known = _INDUSTRY_PLURALS.get(name.lower())
    if known:
        return known
    return f"{name.lower()} firms"


def role_word(audience: Audience) -> str:
    title = audience.titles[0] if audience.titles else ""
    for pattern, word in _ROLE_WORDS:
        if re.search(pattern, title, re.I):
            return word
    return "team lead"


def role_title(audience: Audience) -> str:
    """The audience's most common title as written, if short; else its role word."""
    title = audience.titles[0].strip() if audience.titles else ""
    return title if title and len(title.split()) <= 3 else role_word(audience)


# ------------------------------------------------------------------ topic words

# (keyword pattern, the pain it removes, the gain it brings). First match wins.
_TOPIC_ANGLES: list[tuple[str, str, str]] = [
    (r"automat", "repeat work done by hand", "get back hours each week"),
    (r"secur|cyber|threat|fraud", "gaps you only find after the fact", "catch risks early"),
    (
        r"analytic|insight|report|dashboard|data",
        "reports that take days to build",
        "see what works in minutes",
    ),
    (
        r"hir|recruit|talent|onboard",
        "slow hiring and long ramp-up",
        "get new people up to speed fast",
    ),
    (
        r"cloud|infra|devops|server|hosting",
        "cloud bills that keep creeping up",
        "cut waste without slowing teams down",
    ),
    (
        r"payroll|invoice|billing|payment|expense|account",
        "late invoices and manual checks",
        "collect payments sooner with fewer errors",
    ),
    (
        r"compliance|audit|regulat|gdpr|privacy",
        "audit prep that eats whole weeks",
        "stay audit-ready all year",
    ),
    (
        r"market|seo|ads|brand|content|social",
        "spend that is hard to tie to results",
        "see which spend brings in deals",
    ),
    (
        r"sales|crm|pipeline|lead|prospect",
        "pipeline that stalls between steps",
        "move deals forward sooner",
    ),
    (
        r"support|customer|service|help ?desk|ticket",
        "tickets that pile up",
        "answer customers faster",
    ),
    (
        r"supply|logistic|inventory|warehouse|shipping|fleet",
        "stock that runs out or sits idle",
        "keep stock right without the guesswork",
    ),
    (
        r"energy|solar|power|carbon|sustainab",
        "energy costs that swing month to month",
        "lower energy costs you can plan for",
    ),
    (
        r"train|learn|course|coach|skill",
        "training that does not stick",
        "help people learn skills they use",
    ),
    (
        r"contract|document|legal|e-?sign|case",
        "contracts stuck in email threads",
        "close paperwork in a day, not a week",
    ),
    (
        r"schedul|calendar|booking|appointment",
        "back-and-forth to book a time",
        "fill calendars without the email tennis",
    ),
    (
        r"health|patient|clinic|care|wellness",
        "admin that takes time from patients",
        "spend more time on care",
    ),
    (
        r"ai\b|machine learning|model|gpt",
        "tasks too dull for skilled people",
        "let software take the dull parts",
    ),
    (
        r"hr\b|people|employee|benefit|retention",
        "good people leaving too soon",
        "keep your best people longer",
    ),
    (
        r"forecast|budget|plan|fp&a|finance",
        "plans built on stale numbers",
        "plan with numbers you trust",
    ),
    (
        r"video|event|webinar|stream",
        "events that take weeks to set up",
        "run events with half the effort",
    ),
]


# Each pain as a short mass noun, for subjects that say "Less ..." or "Cutting ...".
_PAIN_SHORT = {
    "repeat work done by hand": "manual work",
    "gaps you only find after the fact": "security risk",
    "reports that take days to build": "reporting time",
    "slow hiring and long ramp-up": "hiring delay",
    "cloud bills that keep creeping up": "cloud waste",
    "late invoices and manual checks": "payment chasing",
    "audit prep that eats whole weeks": "audit prep",
    "spend that is hard to tie to results": "wasted spend",
    "pipeline that stalls between steps": "pipeline friction",
    "tickets that pile up": "ticket backlog",
    "stock that runs out or sits idle": "stock guesswork",
    "energy costs that swing month to month": "energy cost",
    "training that does not stick": "wasted training",
    "contracts stuck in email threads": "contract chasing",
    "back-and-forth to book a time": "scheduling back-and-forth",
    "admin that takes time from patients": "admin work",
    "tasks too dull for skilled people": "busywork",
    "good people leaving too soon": "staff turnover",
    "plans built on stale numbers": "planning guesswork",
    "events that take weeks to set up": "event setup time",
}


def topic_angle(topic: str) -> tuple[str, str]:
    for pattern, pain, gain in _TOPIC_ANGLES:
        if re.search(pattern, topic, re.I):
            return pain, gain
    return f"the hard parts of {topic}", "save time each week"


def _clean_topic(topic: str) -> str:
    topic = " ".join(topic.split()).strip(" .,!?\"'")
    return topic[:80] or "your work"


def topic_in_sentence(topic: str) -> str:
    """The topic as it reads mid-sentence: lower case, except acronyms and names written with
    capitals inside them ("GDPR compliance", "AI document review", "HubSpot migration")."""

    def word(w: str) -> str:
        letters = [c for c in w if c.isalpha()]
        keep = len(letters) > 1 and any(c.isupper() for c in letters[1:])
        return w if keep else w.lower()

    return " ".join(word(w) for w in topic.split())


def _title_case(words: str) -> str:
    small = {"a", "an", "and", "for", "in", "of", "on", "or", "the", "to", "with"}
    out = []
    for i, w in enumerate(words.split()):
        out.append(w if (w.isupper() or (i and w.lower() in small)) else w[:1].upper() + w[1:])
    return " ".join(out)


# ------------------------------------------------------------------ phrase banks

_GREETING = {
    "professional": ["Hi {{first_name|there}},"],
    "warm": ["Hi {{first_name|there}},", "Hello {{first_name|there}},"],
    "formal": ["Dear {{first_name|there}},", "Hello {{first_name|there}},"],
    "casual": ["Hey {{first_name|there}},", "Hi {{first_name|there}},"],
}
_WARM_OPENERS = ["I hope your week is going well.", "I hope things are good on your end."]

_SUBJECTS = [
    "{Topic} for {industry}",
    "{Topic} ideas for {industry}",
    "Less {pain_short} for {industry}",
    "{Topic}: an idea for {industry}",
    "A {topic} idea for {industry}",
    "{Industry} and {topic}",
    "Cutting {pain_short} for {industry}",
    "How {industry} handle {topic}",
    "{Topic} for busy {industry}",
    "{Industry}: {topic} made simple",
]

_FIRST_LINES = [
    "Many {industry} still lose time to {pain}.",
    "As a {role} at {{company_name|your company}}, you likely see {pain} up close.",
    "Most {role}s I write to at {industry} name {pain} as a drag on the week.",
    "{Industry} move fast, but many still struggle with {pain}.",
    "{Industry} like {{company_name|yours}} often lose hours to {pain}.",
    "When I talk to {industry}, I hear about {pain} again and again.",
    "For a {role}, {pain} can feel like the part of the job that never ends.",
    "A common headache for {industry}: {pain}.",
    "Few {role}s at {industry} enjoy {pain}.",
    "{Industry} tend to put up with {pain} longer than they should.",
    "If {{company_name|your team}} is like most {industry}, {pain} can take up more time than it should.",
    "Every {role} I know at {industry} would like an end to {pain}.",
]

_VALUES = [
    "We help {industry} use {topic} to {gain}.",
    "Our take on {topic} is simple: {gain}.",
    "With {topic} done well, you can {gain}.",
    "We built our {topic} work around one goal: {gain}.",
    "Good {topic} can help a team {gain}, with no big project up front.",
    "We use {topic} to help teams {gain}.",
]

_BRIDGES = [
    "It fits the tools you have today.",
    "Setup is light and your team keeps its own process.",
    "It takes a short call to see if it fits.",
    "",
    "",
]

_CTAS = {
    "professional": [
        "Would a 15-minute call next week be useful?",
        "Is this worth a short call next week?",
        "Open to a quick chat on Tuesday or Thursday?",
        "Should I send over a short overview?",
    ],
    "warm": [
        "Would you be open to a short chat next week?",
        "Could I show you how it works in 15 minutes?",
        "Happy to share more. Would a quick call help?",
    ],
    "formal": [
        "Would you be available for a brief call next week?",
        "May I send you a short overview?",
        "Would a 15-minute call be of interest?",
    ],
    "casual": [
        "Worth a quick chat next week?",
        "Want me to send a short overview?",
        "Up for a 15-minute call sometime next week?",
    ],
}
_SIGNOFF = {
    "professional": ["Best,", "Thanks,"],
    "warm": ["Warm regards,", "All the best,"],
    "formal": ["Kind regards,", "Best regards,"],
    "casual": ["Cheers,", "Thanks,"],
}

_FOLLOW_SUBJECT = ["Re: {subject}"]
_FOLLOW_OPEN = [
    "Just following up on my note about {topic}.",
    "I wanted to bring my last email back to the top of your inbox.",
    "Circling back on {topic} in case it got buried.",
    "A quick follow-up on {topic}.",
]
_FOLLOW_ANGLE = [
    "Teams that try it tend to {gain} within the first month.",
    "The main win is simple: {gain}.",
    "It helps most where teams struggle with {pain}.",
    "Even a small start can help you {gain}.",
]
_FOLLOW_CTA = [
    "Is this a priority for you this quarter?",
    "Would it help if I sent a one-page summary?",
    "Is someone else on your team the right person to ask?",
]
_LAST_SUBJECT = ["Close the loop?", "Should I stop here?", "One last note", "Last note on {topic}"]
_LAST_BODY = [
    "I have not heard back, so I will assume now is not the right time for {topic}.",
    "I will keep this short, since I know your inbox is full.",
    "This is my last note on {topic} for now.",
]
_LAST_CTA = [
    "If that changes, just reply and I will pick it up.",
    "If the timing is better later, a one-word reply is plenty.",
    "If it is worth a look, just reply and we can find a time.",
]


def _seed(*parts: str) -> random.Random:
    digest = hashlib.sha256("\x00".join(parts).lower().encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def _fill(template: str, slots: dict[str, str]) -> str:
    def sub(m: re.Match[str]) -> str:
        key = m.group(1)
        if key in slots:
            return slots[key]
        if key[:1].isupper() and key.lower() in slots:
            value = slots[key.lower()]
            return value[:1].upper() + value[1:]
        return m.group(0)

    # {{merge|vars}} are left alone: only single-brace slots are filled.
    return re.sub(r"(?<!\{)\{([A-Za-z_]+)\}(?!\})", sub, template)


def _pick(rng: random.Random, options: Sequence[str]) -> str:
    return options[rng.randrange(len(options))]


def _article(role: str) -> str:
    return "an" if role[:1].lower() in "aeio" else "a"


@dataclass
class TemplateWriter:
    """The built-in writer: phrase banks and a deterministic seed; no model, no network."""

    name: str = "template"
    _cache: dict[str, list[Step]] = field(default_factory=dict, repr=False)

    def draft(self, topic: str, audience: Audience, tone: str = "professional") -> list[Step]:
        tone = tone if tone in TONES else "professional"
        topic = _clean_topic(topic)
        rng = _seed(topic, "|".join(audience.titles[:1]), "|".join(audience.industries[:1]), tone)
        pain, gain = topic_angle(topic)
        role = role_word(audience)
        slots = {
            "topic": topic_in_sentence(topic),
            "Topic": _title_case(topic),
            "industry": industry_phrase(audience),
            "pain": pain,
            "pain_short": _PAIN_SHORT.get(pain, "busywork"),
            "gain": gain,
            "role": role,
        }
        subject = _fill(_pick(rng, _SUBJECTS), slots)
        subject = " ".join(subject.split()[:8])
        first = _fill(_pick(rng, _FIRST_LINES), slots).replace(
            f"a {role}", f"{_article(role)} {role}"
        )
        value = _fill(_pick(rng, _VALUES), slots)
        bridge = _fill(_pick(rng, _BRIDGES), slots)
        cta = _pick(rng, _CTAS[tone])
        greeting = _pick(rng, _GREETING[tone])
        paragraphs = [greeting]
        if tone == "warm":
            paragraphs.append(_pick(rng, _WARM_OPENERS))
        # A fact from the data opens the first email and a different one the follow-up, for the
        # recipients who have them (the variables are empty for the others).
        opener = "{{signal_opener}}" if audience.with_facts else ""
        followup = "{{signal_followup}}" if audience.with_facts else ""
        paragraphs += [opener + first + " " + value + (" " + bridge if bridge else ""), cta]
        signoff = _pick(rng, _SIGNOFF[tone])
        opening = "\n\n".join([*paragraphs, signoff])
        opening = _apply_tone(opening, tone)

        follow = "\n\n".join(
            [
                greeting,
                _fill(_pick(rng, _FOLLOW_OPEN), slots)
                + " "
                + followup
                + _fill(_pick(rng, _FOLLOW_ANGLE), slots),
                _pick(rng, _FOLLOW_CTA),
                signoff,
            ]
        )
        last = "\n\n".join(
            [
                greeting,
                _fill(_pick(rng, _LAST_BODY), slots) + " " + _pick(rng, _LAST_CTA),
                signoff,
            ]
        )
        return [
            Step(subject=subject, body=opening, delay_days=0),
            Step(
                subject=_fill(_pick(rng, _FOLLOW_SUBJECT), {"subject": subject}),
                body=_apply_tone(follow, tone),
                delay_days=3,
                send_condition="if_no_reply",
            ),
            Step(
                subject=_fill(_pick(rng, _LAST_SUBJECT), slots),
                body=_apply_tone(last, tone),
                delay_days=4,
                send_condition="if_no_reply",
            ),
        ]

    def rewrite(self, step: Step, instruction: Instruction, *, topic: str = "") -> Step:
        kind = instruction.kind
        if kind == "subject":
            return replace(step, subject=instruction.text)
        if kind == "casual":
            return replace(step, body=_apply_tone(step.body, "casual", force=True))
        if kind == "formal":
            return replace(step, body=_apply_tone(step.body, "formal", force=True))
        if kind == "shorter":
            return replace(step, body=_shorten(step.body))
        if kind == "question":
            return replace(step, body=_add_before_signoff(step.body, _question(step.body, topic)))
        if kind == "free_trial":
            line = "We also offer a free trial, so you can try it with your own work first."
            if "free trial" in step.body.lower():
                return step
            return replace(step, body=_add_to_last_paragraph(step.body, line))
        raise ValueError(kind)


# ------------------------------------------------------------------ tone and rewrites

_CONTRACTIONS = [
    ("I am", "I'm"), ("I will", "I'll"), ("I have", "I've"), ("do not", "don't"),
    ("does not", "doesn't"), ("is not", "isn't"), ("it is", "it's"), ("It is", "It's"),
    ("you are", "you're"), ("we are", "we're"), ("We are", "We're"), ("that is", "that's"),
    ("cannot", "can't"), ("would not", "wouldn't"), ("have not", "haven't"),
    ("will not", "won't"), ("there is", "there's"), ("let us", "let's"),
]  # fmt: skip
_CASUAL_SWAPS = [
    (r"^(Dear|Hello|Hi) (\{\{first_name\|there\}\}),", r"Hey \2,"),
    (r"^(Kind regards|Best regards|Warm regards|All the best|Best),$", "Cheers,"),
    (r"Would you be available for a brief call", "Up for a quick call"),
    (r"Would a 15-minute call next week be useful\?", "Worth a quick chat next week?"),
    (r"Would a 15-minute call be of interest\?", "Worth a quick chat?"),
    (r"Is this worth a short call next week\?", "Worth a quick chat next week?"),
    (r"May I send you", "Want me to send"),
    (r"Should I send over", "Want me to send"),
    (r"Would you be open to a short chat", "Up for a quick chat"),
    (r"Could I show you", "Can I show you"),
    (r"I hope your week is going well\.", "Hope your week's going well."),
    (r"I hope things are good on your end\.", "Hope all's good on your end."),
    (r"I wanted to bring", "Bringing"),
    (r"\bassist\b", "help"),
    (r"\bregarding\b", "about"),
    (r"\bHowever,", "But"),
]
_FORMAL_SWAPS = [
    (r"^(Hey|Hi) (\{\{first_name\|there\}\}),", r"Dear \2,"),
    (r"^(Cheers|Thanks|Best|All the best|Warm regards),$", "Kind regards,"),
    (r"Worth a quick chat next week\?", "Would you be available for a brief call next week?"),
    (r"Worth a quick chat\?", "Would a brief call be of interest?"),
    (r"Want me to send", "May I send you"),
    (r"Up for a (15-minute|quick) call", "Would you be available for a brief call"),
    (r"Up for a quick chat", "Would you be available for a brief call"),
    (r"Open to a quick chat", "Would you be available for a brief call"),
    (r"Happy to share more\.", "I would be glad to share more."),
    (r"Hope your week's going well\.", "I hope your week is going well."),
    (r"Hope all's good on your end\.", "I hope all is well."),
    (r"Just following up", "I am following up"),
    (r"Circling back on", "I am following up on"),
    (r"A quick follow-up on", "A brief follow-up regarding"),
    (r"\bBut\b", "However,"),
    (r"\bquick\b", "brief"),
]


def _apply_tone(body: str, tone: str, *, force: bool = False) -> str:
    """Make a body casual or formal (greeting, contractions, sign-off, stock phrases)."""
    lines = body.split("\n")
    if tone == "casual":
        swaps = _CASUAL_SWAPS
        out = []
        for line in lines:
            for pattern, repl in swaps:
                line = re.sub(pattern, repl, line)
            for full, short in _CONTRACTIONS:
                line = re.sub(rf"\b{full}\b", short, line)
            out.append(line)
        return "\n".join(out)
    if tone == "formal":
        out = []
        for line in lines:
            for pattern, repl in _FORMAL_SWAPS:
                line = re.sub(pattern, repl, line)
            for full, short in _CONTRACTIONS:
                line = re.sub(rf"\b{re.escape(short)}", full, line)
            line = line.replace("'s going", " is going").replace("all's", "all is")
            out.append(line)
        return "\n".join(out)
    return body


def _paragraphs(body: str) -> list[str]:
    return [p for p in re.split(r"\n\s*\n", body.strip()) if p.strip()]


_SIGNOFF_RE = re.compile(r"^[A-Z][A-Za-z ]{1,20},$")


def _split_signoff(paras: list[str]) -> tuple[list[str], list[str]]:
    if paras and _SIGNOFF_RE.match(paras[-1].strip()):
        return paras[:-1], paras[-1:]
    return paras, []


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.?!])\s+", text.strip()) if s]


def _shorten(body: str) -> str:
    """Keep the greeting, the first sentence of each paragraph and the last question."""
    paras, tail = _split_signoff(_paragraphs(body))
    if len(paras) <= 1:
        return body
    head, middle = paras[0], paras[1:]
    kept: list[str] = []
    for p in middle:
        sentences = _sentences(p)
        questions = [s for s in sentences if s.endswith("?")]
        if questions and p is middle[-1]:
            kept.append(questions[-1])
        elif sentences:
            kept.append(sentences[0])
    shorter = [head]
    # Drop pleasantries that carry no content.
    shorter += [k for k in kept if not re.match(r"(I )?[Hh]ope ", k)]
    text = "\n\n".join(shorter + tail)
    if len(text.split()) >= len(body.split()):
        # Nothing to trim by sentence: drop the last sentence before the sign-off.
        if len(kept) > 1:
            text = "\n\n".join([head, *kept[:-1], *tail])
    return text


def _question(body: str, topic: str) -> str:
    options = [
        f"How are you handling {topic_in_sentence(topic)} today?"
        if topic
        else "How do you handle this today?",
        "What would make this worth a look for you?",
        "Is this on your list for this quarter?",
    ]
    for q in options:
        if q not in body:
            return q
    return options[0]


def _add_before_signoff(body: str, line: str) -> str:
    paras, tail = _split_signoff(_paragraphs(body))
    return "\n\n".join([*paras, line, *tail])


def _add_to_last_paragraph(body: str, line: str) -> str:
    paras, tail = _split_signoff(_paragraphs(body))
    if len(paras) >= 2:
        paras = [*paras[:-1], line, paras[-1]]
    else:
        paras = [*paras, line]
    return "\n\n".join([*paras, *tail])


# ------------------------------------------------------------------ instructions

SUPPORTED_INSTRUCTIONS = (
    "more casual",
    "more formal",
    "shorter",
    "add a question at the end",
    "mention our free trial",
    'change the subject line to "..."',
)


@dataclass(frozen=True)
class Instruction:
    kind: str  # casual | formal | shorter | question | free_trial | subject
    text: str = ""

    @property
    def label(self) -> str:
        return {
            "casual": "more casual",
            "formal": "more formal",
            "shorter": "shorter",
            "question": "added a question",
            "free_trial": "mentioned the free trial",
            "subject": "new subject line",
        }[self.kind]


def parse_instruction(text: str) -> Instruction:
    """An instruction from words ("make it more casual", "change the subject line to 'Hi'")."""
    raw = " ".join(text.split())
    m = re.search(
        r"\bsubject(?:\s+line)?\s+(?:to|as|into|:|=)\s*[\"'“‘]?(.+?)[\"'”’]?\s*$", raw, re.I
    )
    if m:
        subject = " ".join(m.group(1).split()).strip(" \"'“”‘’")
        if not subject:
            raise ValidationFailed.field("instruction", "The new subject line is empty")
        return Instruction("subject", subject[:300])
    low = raw.lower()
    if re.search(r"free\s+trial", low):
        return Instruction("free_trial")
    if re.search(r"\bquestion\b", low):
        return Instruction("question")
    if re.search(r"less\s+formal|casual|informal|relaxed|friendl|chatty|laid[\s-]?back", low):
        return Instruction("casual")
    if re.search(r"less\s+casual|formal|professional|serious|polished", low):
        return Instruction("formal")
    if re.search(r"short|concise|brief|trim|tighten|too\s+long|cut", low):
        return Instruction("shorter")
    raise ValidationFailed(
        "I can make the emails more casual, more formal or shorter, add a question at the end, "
        'mention the free trial, or change the subject line to "...".',
        details={"fields": {"instruction": "Not a supported rewrite"},
                 "supported": list(SUPPORTED_INSTRUCTIONS)},
    )  # fmt: skip


def rewrite_targets(kind: str, count: int, step: int | None = None) -> list[int]:
    """The steps a rewrite changes: the one named, else the first for a subject, a question or
    the free trial, else all of them."""
    if step is not None:
        return [step]
    return [0] if kind in ("subject", "free_trial", "question") else list(range(count))


def as_step(data: dict[str, Any]) -> Step:
    return Step(
        subject=data["subject"],
        body=data["body"],
        delay_days=data.get("delay_days", 0),
        delay_hours=data.get("delay_hours", 0),
        send_condition=data.get("send_condition", "always"),
    )


def rewrite_steps(
    writer: Writer,
    steps: list[dict[str, Any]],
    instruction: str,
    *,
    step: int | None = None,
    topic: str = "",
) -> tuple[list[dict[str, Any]], str]:
    """Rewrite every step (or one); the subject instruction applies to the first step unless
    a step is named. Returns the new step dicts (ids kept) and a label for the revision."""
    out, label, _ = rewrite_sequence(writer, steps, instruction, step=step, topic=topic)
    return out, label


# ------------------------------------------------------------------ written ahead

T = TypeVar("T")
# Emails written ahead, with no transaction open, for a unit of work that begins afterwards (a
# chat turn asks the model before its transaction, see ``lexi.chat.service``). Each is kept under
# everything its writing depended on, so the transaction uses it only when it finds exactly the
# same inputs, and writes again otherwise.
_AHEAD: contextvars.ContextVar[dict[str, Any] | None] = contextvars.ContextVar(
    "lexi_written_ahead", default=None
)


@contextmanager
def written_ahead(store: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Within this block, what ``draft_sequence`` and ``rewrite_sequence`` write is kept in
    ``store``, and what ``store`` already holds for the same inputs is used instead of writing."""
    token = _AHEAD.set(store)
    try:
        yield store
    finally:
        _AHEAD.reset(token)


def _kept(key: list[Any], write: Callable[[], T]) -> T:
    store = _AHEAD.get()
    if store is None:
        return write()
    name = json.dumps(key, sort_keys=True, default=str)
    if name not in store:
        store[name] = write()
    return copy.deepcopy(store[name])


def rewrite_sequence(
    writer: Writer,
    steps: list[dict[str, Any]],
    instruction: str,
    *,
    step: int | None = None,
    topic: str = "",
    data: str | None = None,
) -> tuple[list[dict[str, Any]], str, Written]:
    """``rewrite_steps`` plus who wrote the result. ``data``: the workspace's model data policy
    (a writer that may consult a model uses it only when the policy allows)."""
    return _kept(
        ["rewrite", getattr(writer, "name", ""), steps, instruction, step, topic, data],
        lambda: _rewrite_sequence(writer, steps, instruction, step=step, topic=topic, data=data),
    )


def _rewrite_sequence(
    writer: Writer,
    steps: list[dict[str, Any]],
    instruction: str,
    *,
    step: int | None = None,
    topic: str = "",
    data: str | None = None,
) -> tuple[list[dict[str, Any]], str, Written]:
    parsed = parse_instruction(instruction)
    targets = rewrite_targets(parsed.kind, len(steps), step)
    current = [as_step(s) for s in steps]
    rewrite_for = getattr(writer, "rewrite_for", None)
    if rewrite_for is not None:
        written: Written = rewrite_for(
            current, parsed, targets, topic=topic, instruction_text=instruction, data=data
        )
    else:
        written = Written(
            [writer.rewrite(current[i], parsed, topic=topic) for i in targets],
            writer=getattr(writer, "name", "template"),
        )
    out = [dict(s) for s in steps]
    for i, new in zip(targets, written.steps, strict=True):
        out[i]["subject"], out[i]["body"] = new.subject, new.body
    label = parsed.label if parsed.kind != "subject" else f"subject: {parsed.text}"[:200]
    return out, label, written


def draft_sequence(
    writer: Writer,
    topic: str,
    audience: Audience,
    tone: str = "professional",
    *,
    data: str | None = None,
) -> Written:
    """A new sequence and who wrote it (see ``rewrite_sequence`` for ``data``)."""
    draft_for = getattr(writer, "draft_for", None)
    if draft_for is not None:
        key = ["draft", getattr(writer, "name", ""), topic, audience, tone, data]
        return _kept(key, lambda: draft_for(topic, audience, tone, data=data))
    return Written(writer.draft(topic, audience, tone), writer=getattr(writer, "name", "template"))


# ------------------------------------------------------------------ one email

LENGTHS = ("short", "medium", "long")


def single_email(
    writer: Writer,
    topic: str,
    audience: Audience,
    tone: str = "professional",
    length: str = "medium",
    *,
    data: str | None = None,
) -> Written:
    """One email on ``topic`` for ``audience`` (the only step of the result, with who wrote it):
    the sequence's opening email, shortened for ``short`` and, for ``long``, with the
    follow-up's value point added before the call to action (still only what the topic and the
    audience's own fields say). ``data``: as for ``draft_sequence``."""
    written = draft_sequence(writer, topic, audience, tone, data=data)
    steps = written.steps
    opening = steps[0]
    if length == "short":
        opening = Step(subject=opening.subject, body=_shorten(opening.body))
    elif length == "long" and len(steps) > 1:
        follow = _paragraphs(steps[1].body)
        extra = " ".join(_sentences(follow[1])[1:]) if len(follow) > 1 else ""
        paras, tail = _split_signoff(_paragraphs(opening.body))
        if extra and len(paras) >= 2:
            body = "\n\n".join([*paras[:-1], extra, paras[-1], *tail])
            opening = Step(subject=opening.subject, body=body)
    return replace(written, steps=[opening])


# ------------------------------------------------------------------ measures


def words(text: str) -> list[str]:
    text = re.sub(r"\{\{\s*([a-z_]+)\s*(?:\|([^}]*))?\}\}", lambda m: m.group(2) or "name", text)
    return re.findall(r"[A-Za-z][A-Za-z'’-]*|\d+", text)


def syllables(word: str) -> int:
    """Syllables of an English word by vowel groups (the usual heuristic, within ~10%)."""
    w = word.lower().strip("'’-")
    if not w:
        return 0
    if w.isdigit():
        return max(1, len(w))
    if len(w) <= 3:
        return 1
    w = re.sub(r"(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$", "", w)
    w = re.sub(r"^y", "", w)
    groups = re.findall(r"[aeiouy]{1,2}", w)
    return max(1, len(groups))


def flesch_reading_ease(text: str) -> float:
    """206.835 - 1.015 (words/sentences) - 84.6 (syllables/words)."""
    ws = words(text)
    if not ws:
        return 100.0
    sentences = max(1, len(re.findall(r"[.?!]+(?:\s|$)|,\n|:\n", text + "\n")))
    syl = sum(syllables(w) for w in ws)
    return 206.835 - 1.015 * (len(ws) / sentences) - 84.6 * (syl / len(ws))


def spam_triggers_in(text: str) -> list[str]:
    low = text.lower()
    return [t for t in SPAM_TRIGGERS if t in low]


def first_line(body: str) -> str:
    """The first sentence after the greeting (and after a warm opener)."""
    paras = _paragraphs(body)
    for p in paras[1:]:
        s = _sentences(p)[0]
        if not re.match(r"(I )?[Hh]ope |Hope ", s):
            return s
    return paras[0] if paras else ""


# ------------------------------------------------------------------ the writer in use

_writer: Writer | None = None


def configured_writer(settings: Any) -> Writer:
    """The built-in writer or, with ``LEXI_MODEL`` set, a model writer backed by it (the model
    library is imported only then)."""
    if not getattr(settings, "model", None):
        return TemplateWriter()
    from lexi.assistant.model.writer import build_writer

    return build_writer(settings)


def get_writer() -> Writer:
    """The process's writer (configured from the settings on first use)."""
    global _writer
    if _writer is None:
        from lexi.config import get_settings

        _writer = configured_writer(get_settings())
    return _writer


def set_writer(writer: Writer | None) -> None:
    """Install another writer for the whole process (None: configure from the settings again)."""
    global _writer
    _writer = writer
