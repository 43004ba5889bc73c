"""Checks a written email must pass before Lexi keeps it (used on every model-written email).

``check_emails(emails, inputs)`` returns the problems found, each with a kind:

- ``unknown_variable``: a merge variable other than ``content.MERGE_FIELDS`` (the same rule as
  the REST validation of steps), or a placeholder the sender would have to fill in by hand
  (``[Your Name]``, ``{company}``, ``<first name>``, stray braces).
- ``too_long``: a subject over 8 words or a body over 120 words (the built-in writer's limits);
  a rewrite may keep the length the email already had, and "shorter" must be shorter.
- ``spam_phrase``: any of ``drafting.SPAM_TRIGGERS`` the inputs do not already contain.
- ``invented_fact``: something that reads as a fact about a person, company or place, or a
  figure, that is not in the inputs (the topic, the tone, the instruction, the audience's titles
  and industries, the email being rewritten and the built-in writer's draft for the same request):
    * a number, percentage or amount of money (a meeting length up to an hour such as
      "15-minute call", a time of day such as "10am", and "Q1" to "Q4" are allowed);
    * a web address or an email address;
    * a capitalised word that is not an English word (names such as "Clio" or "HubSpot");
    * a capitalised word inside a sentence that is not a day, a month, "I" or a common business
      acronym (names that are also words: "at Acme", "in Boston", "John");
    * a person's first name from Lexi's name lists, or a city, state or country the gazetteer
      knows, wherever it stands ("Boston firms ...", "Sarah mentioned ...").

Merge fallbacks (``{{company_name|your team}}``) are checked as text: they reach recipients too.
The check is deliberately strict: a false alarm costs a model draft (the built-in writer's is used
instead), a missed one would put an invented fact in front of a prospect. What it cannot see: a
claim in ordinary lower-case words ("we have helped hundreds of firms") or a well-known company
written only at the start of a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from lexi.campaigns import content
from lexi.campaigns.drafting import SPAM_TRIGGERS, Step, words

MAX_SUBJECT_WORDS = 8
MAX_BODY_WORDS = 120
CHECK_KINDS = ("unknown_variable", "too_long", "spam_phrase", "invented_fact")

_ACRONYMS = frozenset((
    "ai", "api", "apis", "b2b", "b2c", "crm", "erp", "roi", "kpi", "kpis", "saas", "it", "hr",
    "ceo", "cfo", "cto", "coo", "cmo", "cio", "ciso", "cro", "vp", "svp", "evp", "gdpr", "hipaa",
    "soc", "faq", "pdf", "ok", "q1", "q2", "q3", "q4", "ps", "pps", "usd", "eu", "us", "uk", "i",
))  # fmt: skip
_DAYS_MONTHS = frozenset((
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
))  # fmt: skip
# First names that are also words a sentence often starts with.
_NAME_WORDS = frozenset(("will", "mark", "may", "june", "april", "grace", "hope", "joy", "bill",
                         "rich", "frank", "max", "sue"))  # fmt: skip
_VAR = re.compile(r"\{\{\s*([^{}|]*?)\s*(?:\|\s*([^{}]*?)\s*)?\}\}")
_PLACEHOLDER = re.compile(
    r"\[[^\]\n]{1,40}\]|<[A-Za-z][A-Za-z _]{0,30}>|(?<!\{)\{[^{}\n]{1,40}\}(?!\})|\{\{|\}\}|\{|\}"
)
_URL = re.compile(
    r"https?://|www\.|\b[\w.+-]+@[\w-]+\.\w+|\b[\w-]+\.(?:com|io|ai|net|org|co)\b", re.IGNORECASE
)
# Numbers that state no fact: a meeting length up to an hour ("a 15-minute call", "30 minutes"), a
# time of day ("10am", "2:30 pm"), a quarter ("Q1"), "24/7".
_SCHEDULE = re.compile(
    r"\b(?:[1-9]|[1-5]\d|60)(?:\s|-)?(?:minutes?|mins?)\b"
    r"|\b(?:[1-9]|1[0-2])(?::[0-5]\d)?\s?(?:am|pm|a\.m\.|p\.m\.)"
    r"|\bQ[1-4]\b|\b24/7\b",
    re.IGNORECASE,
)
_MONEY = re.compile(r"[$€£¥%]|\bpercent\b|\bper cent\b", re.IGNORECASE)
_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9'’&-]*[A-Za-z0-9]|[A-Za-z]|\d[\d,.]*")
_SIGNATURE = re.compile(r"^[A-Z][a-z]+(?: [A-Z][a-z.]*){0,2}$")


@dataclass(frozen=True)
class Problem:
    kind: str  # one of CHECK_KINDS
    step: int
    detail: str

    def __str__(self) -> str:
        return f"email {self.step + 1}: {self.kind.replace('_', ' ')}: {self.detail}"


@dataclass(frozen=True)
class Limits:
    """Length limits for one email: new drafts use the defaults; a rewrite may keep the length
    the email had, and "shorter" must come out shorter than it was."""

    subject_words: int = MAX_SUBJECT_WORDS
    body_words: int = MAX_BODY_WORDS
    shorter_than: int | None = None


@cache
def _english() -> frozenset[str]:
    from lexi.geo.gazetteer import gazetteer

    return gazetteer().english_words


@cache
def _first_names() -> frozenset[str]:
    from lexi.prospects import gen_names

    found: set[str] = set()
    for name, value in vars(gen_names).items():
        if name.endswith("_FIRST") and isinstance(value, str):
            found.update(w.lower() for w in value.split())
    return frozenset(found - _NAME_WORDS - _DAYS_MONTHS)


def _is_place(phrase: str) -> bool:
    from lexi.geo import lookup

    return any(place.kind != "city" or place.population >= 100_000 for place in lookup(phrase))


def _forms(word: str) -> set[str]:
    """A word and its stems without a possessive or contraction ("firm's", "I'll", "can't")."""
    out = {word, re.sub(r"['’](?:s|ll|m|ve|d|re)$", "", word)}
    if word.endswith(("n't", "n’t")):
        out |= {word[:-3], word[:-2]}
    return {w for w in out if w}


def vocabulary(texts: Iterable[str]) -> set[str]:
    """The lower-case words and numbers of ``texts``: what an email may repeat."""
    out: set[str] = set()
    for text in texts:
        out.update(c for c in "$€£¥%" if c in text)
        for token in _TOKEN.findall(_VAR.sub(lambda m: " " + (m.group(2) or "") + " ", text)):
            token = token.lower().strip("'’").rstrip(".,")
            out.add(token)
            out.update(p for p in re.split(r"[-'’&]", token) if p)
    return out


def _text_of(text: str) -> str:
    """The words a recipient reads: merge variables become their fallback text."""
    return _VAR.sub(lambda m: m.group(2) or "", text)


def _facts(text: str, known: set[str], *, subject: bool = False) -> list[str]:
    found: list[str] = []
    link = _URL.search(text)
    if link:
        found.append(link.group(0))
    for number in re.findall(r"\d[\d,.]*\d|\d", _SCHEDULE.sub(" ", text)):
        if number not in known:
            found.append(number)
    for sign in _MONEY.findall(text):
        if sign.lower() not in known:
            found.append(sign)
    title_case = subject and _title_case(text)
    for n, line in enumerate(text.split("\n")):
        if (
            n
            and not subject
            and _SIGNATURE.match(line.strip())
            and not all(w.lower() in known for w in line.split())
        ):
            found.append(line.strip())  # a name under the sign-off: Lexi adds the sender's
            continue
        previous_end = 0
        for i, m in enumerate(_TOKEN.finditer(line)):
            token = m.group(0)
            gap = line[previous_end : m.start()]
            previous_end = m.end()
            starts = i == 0 or title_case or bool(re.search(r"[.?!:;\"(]", gap))
            if not token[0].isalpha() or not any(c.isupper() for c in token):
                continue
            low = token.lower().strip("'’")
            forms = _forms(low)
            if any(f in known or f in _DAYS_MONTHS or f in _ACRONYMS for f in forms):
                continue
            base = min(forms, key=len)
            parts = [p for p in re.split(r"[-'’&]", base) if p]
            if parts and all(p in known for p in parts):
                continue
            english = bool(forms & _english()) or all(p in _english() for p in parts)
            if not english or base in _first_names() or not starts or _is_place(token):
                found.append(token)
    return found


def _title_case(text: str) -> bool:
    """A subject written in title case ("Save Time on Contracts"): every word may be capitalised."""
    long_words = [w for w in _TOKEN.findall(_text_of(text)) if len(w) >= 4 and w[0].isalpha()]
    return len(long_words) >= 2 and sum(w[0].isupper() for w in long_words) * 2 > len(long_words)


def check_emails(
    emails: Sequence[Step],
    inputs: Iterable[str],
    *,
    limits: Sequence[Limits] | None = None,
) -> list[Problem]:
    """Every problem of ``emails`` (empty: keep them). ``inputs``: all text the writer was
    given; ``limits``: per email (defaults: a new draft's)."""
    inputs = list(inputs)
    known = vocabulary(inputs)
    allowed_spam = {t for t in SPAM_TRIGGERS if any(t in text.lower() for text in inputs)}
    problems: list[Problem] = []
    for i, email in enumerate(emails):
        limit = limits[i] if limits and i < len(limits) else Limits()
        unknown = content.unknown_variables(email.subject, email.body)
        if unknown:
            problems.append(Problem("unknown_variable", i, ", ".join(unknown)))
        stray = _PLACEHOLDER.search(_VAR.sub(" ", email.subject + "\n" + email.body))
        if stray:
            problems.append(Problem("unknown_variable", i, f"placeholder {stray.group(0)!r}"))
        subject = re.sub(
            r"^\s*(re|fwd?):\s*", "", email.subject, flags=re.IGNORECASE
        )  # "Re: " is free
        subject_words, body_words = len(words(subject)), len(words(email.body))
        if subject_words > limit.subject_words:
            problems.append(Problem("too_long", i, f"subject has {subject_words} words"))
        if body_words > limit.body_words:
            problems.append(Problem("too_long", i, f"body has {body_words} words"))
        if limit.shorter_than is not None and body_words >= limit.shorter_than:
            problems.append(Problem("too_long", i, f"not shorter ({body_words} words)"))
        low = (email.subject + "\n" + email.body).lower()
        spam = [t for t in SPAM_TRIGGERS if t in low and t not in allowed_spam]
        if spam:
            problems.append(Problem("spam_phrase", i, ", ".join(spam)))
        for text, is_subject in ((email.subject, True), (email.body, False)):
            facts = _facts(_text_of(text), known, subject=is_subject)
            if facts:
                problems.append(Problem("invented_fact", i, ", ".join(dict.fromkeys(facts))))
    return problems
