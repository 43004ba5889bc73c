"""Reads one clause into slots: phrase patterns first, then a left-to-right word scan."""

from __future__ import annotations

import re

from . import patterns
from .lexicon import CASED_ONLY, DEPARTMENT_AFTER_OF_ONLY, Role
from .places import PLACE_PREPOSITIONS, fuzzy_place, place_at, settle_codes
from .slots import (
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
)
from .text import Token, tokenize, words_to_digits

_MAX_SPAN = 5
_CONNECTORS = ("and", "&", "/", ",")

# "swap CTOs for CIOs", "replace CTOs with CIOs": the first goes, the second comes.
_SWAP = re.compile(
    r"\b(?:swap|replace|switch|exchange|trade)\s+(?:out\s+)?(?:the\s+)?(?!to\b)"
    r"((?:\S+\s+){0,3}?\S+)\s+(?:for|with)\s+",
    re.IGNORECASE,
)
# "keep going": the next page of the same search.
_CONTINUE = re.compile(
    r"^\W*(?:(?:ok|okay|yes|sure|great|cool|please|pls)\W+)*(?:keep\s+going|"
    r"continue|go\s+on|carry\s+on|load\s+more|show\s+more|more|next|moar)\b",
    re.IGNORECASE,
)
# "people who work in marketing" is "people in marketing".
_WORK_IN = re.compile(
    r"\b(?:people|folks|anyone|someone|everyone|those|employees|staff)\s+"
    r"(?:who\s+(?:work|works|are)|working|that\s+work)\s+in\s+",
    re.IGNORECASE,
)
# "directors and above", "VP or higher", "manager+": every rung from the top down to that one.
_AND_ABOVE = re.compile(
    r"\b(vps?|vice\s+presidents?|heads?|directors?|managers?)(?:[\s-]+level)?\s*"
    r"(?:and\s+above|or\s+above|and\s+up|or\s+higher|and\s+higher|\+)(?!\w)",
    re.IGNORECASE,
)
# "who runs marketing at ..." asks for the leaders of a department.
_WHO_LEADS = re.compile(
    r"\b(?:who|whoever|people\s+who|someone\s+who|the\s+person\s+who)\s+(?:runs?|leads?|heads?|"
    r"manages?|owns?|oversees?|(?:is|are)\s+in\s+charge\s+of|(?:is|are)\s+responsible\s+for)\s+"
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
}
_NOUN_TITLE = {
    "head": "Head",
    "vp": "VP",
    "vice president": "VP",
    "director": "Director",
    "manager": "Manager",
    "svp": "SVP",
    "evp": "EVP",
    "senior director": "Senior Director",
}


def _ladder(m: re.Match[str]) -> str:
    rung = {"v": "vp", "h": "head", "d": "director", "m": "manager"}[m[1][0].lower()]
    return f" {rung} and above "


class _Scanner:
    def __init__(self, tokens: list[Token], places: list) -> None:
        self.t = tokens
        self.places = places
        self.keys = [tok.key for tok in tokens]
        self.n = len(tokens)

    def _cased_ok(self, i: int, span: int) -> bool:
        # "IT", "GC", "PE" are words only in capitals ("find it", "pe" are not).
        for tok in self.t[i : i + span]:
            if tok.key in CASED_ONLY:
                want = CASED_ONLY[tok.key]
                text = (
                    tok.text[:-1]
                    if tok.text.endswith("s") and len(tok.text) > len(want)
                    else tok.text
                )
                if want.isupper() and text != want:
                    return False
        return True

    def longest(self, table: dict, i: int) -> tuple[int, object] | None:
        for span in range(min(_MAX_SPAN, self.n - i), 0, -1):
            key = " ".join(self.keys[i : i + span])
            if key in table and self._cased_ok(i, span):
                return span, table[key]
        return None

    def depts(self, i: int, *, after_of: bool) -> tuple[int, list[str]]:
        j, found = i, []
        while j < self.n:
            hit = self.longest(DEPT_KEYS, j)
            if not hit:
                break
            if not after_of and " ".join(self.keys[j : j + hit[0]]) in DEPARTMENT_AFTER_OF_ONLY:
                break
            found.append(hit[1])
            j += hit[0]
            if j + 1 < self.n and self.keys[j] in _CONNECTORS and self.longest(DEPT_KEYS, j + 1):
                j += 1
        return j - i, found

    def _company_follows(self, k: int) -> bool:
        if k >= self.n:
            return False
        if self.keys[k] in COMPANY_NOUN_KEYS:
            return True
        role = self.longest(ROLE_KEYS, k)
        return role is not None and not role[1].generic

    def compound_title(self, i: int) -> tuple[int, RoleHit] | None:
        """ "compliance officers", "chief medical officer": one or two words and a title head."""
        for width in (2, 1):
            h = i + width
            if h >= self.n or self.keys[h] not in TITLE_HEADS:
                continue
            words = self.t[i:h]
            if any(
                not w.text.isalpha()
                or w.key in STOPWORDS
                or self.places[i + j]
                or (w.key in ROLE_KEYS and w.key != "chief")
                for j, w in enumerate(words)
            ):
                continue
            head = TITLE_HEADS[self.keys[h]]
            name = " ".join(w.text if w.text.isupper() else w.text.capitalize() for w in words)
            return width + 1, RoleHit(Role(), title=f"{name} {head}")
        return None

    def role(self, i: int) -> tuple[int, RoleHit] | None:
        best: tuple[int, RoleHit] | None = self.compound_title(i)
        direct = self.longest(ROLE_KEYS, i)
        if direct:
            span, role = direct
            hit = self._after(i, span, role, ()) or (span, RoleHit(role))
            if best is None or hit[0] >= best[0]:  # the alias table wins a tie
                best = hit
        dspan, depts = self.depts(i, after_of=False)
        if dspan:
            noun = self.longest(ROLE_KEYS, i + dspan)
            if noun and (noun[1].takes_department or noun[1].generic or noun[1].departments):
                span = dspan + noun[0]
                hit = self._after(i, span, noun[1], tuple(depts)) or (
                    span,
                    RoleHit(noun[1], tuple(depts)),
                )
                if best is None or hit[0] > best[0]:
                    best = hit
        return best

    def _after(self, i: int, span: int, role: Role, depts: tuple[str, ...]):
        """Departments after a role noun: "VPs of Sales", "VP Sales", "people in finance"."""
        k = i + span
        if role.takes_department and k < self.n and self.keys[k] == "level":
            k += 1  # "VP-level people in finance"
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
        if role.generic:
            if k < self.n and self.keys[k] in ("in", "within", "from"):
                dspan, more = self.depts(k + 1, after_of=True)
                if dspan and not self._company_follows(k + 1 + dspan):
                    return k + 1 + dspan - i, RoleHit(role, (*depts, *more))
            return None
        if not role.takes_department:
            return None
        if k < self.n and self.keys[k] == "in":
            dspan, more = self.depts(k + 1, after_of=True)
            if dspan and not self._company_follows(k + 1 + dspan):
                return k + 1 + dspan - i, RoleHit(role, (*depts, *more))
        if k < self.n and self.keys[k] in ("of", "for"):
            k2 = k + 1 + (1 if k + 1 < self.n and self.keys[k + 1] == "the" else 0)
            dspan, more = self.depts(k2, after_of=True)
            if dspan:
                return k2 + dspan - i, RoleHit(role, (*depts, *more))
            titled = self._of_title(i, span, k2)
            if titled:
                return titled
        if not depts and k < self.n:
            dspan, more = self.depts(k, after_of=False)
            if dspan and not self._company_follows(k + dspan):
                return k + dspan - i, RoleHit(role, tuple(more))
        return None

    def _of_title(self, i: int, span: int, k: int):
        """ "Head of Ecommerce": a function the department list lacks becomes a title."""
        noun = " ".join(self.keys[i : i + span])
        if noun not in _NOUN_TITLE or k >= self.n:
            return None
        tok = self.t[k]
        if (
            tok.key in STOPWORDS
            or not tok.text.isalpha()
            or tok.text.lower().endswith("s")
            or self._company_follows(k + 1)
            or self.places[k]
        ):
            return None
        word = tok.text if tok.text[:1].isupper() else tok.text.capitalize()
        base = self.longest(ROLE_KEYS, i)
        role = base[1] if base else Role()
        return k + 1 - i, RoleHit(role, title=f"{_NOUN_TITLE[noun]} of {word}")


def extract(clause: str, quotes: list[str] | None = None) -> Slots:
    """All search slots of one clause."""
    quotes = quotes or []
    slots = Slots()
    text = _WHO_LEADS.sub(" leaders of ", words_to_digits(clause))
    text = _SWAP.sub(r" not \1 then ", text)
    text = _WORK_IN.sub(" people in ", text)
    text = _AND_ABOVE.sub(_ladder, text)
    text, slots.revenue = patterns.revenue(text)
    text, slots.employees = patterns.employees(text)
    text, slots.email_status = patterns.email_status(text)
    text, slots.technologies = patterns.technologies(text)
    text, slots.keywords = patterns.keywords(text, quotes)
    tokens = tokenize(text)
    places = [place_at(tokens, idx) for idx in range(len(tokens))]
    fixed = []
    for idx, t in enumerate(tokens):
        better = None
        if t.key not in STOPWORDS and t.text.isalpha() and len(t.key) >= 5 and places[idx] is None:
            better = correct(t.key)
        fixed.append(Token(t.text, better, t.start, t.end) if better else t)
    _scan(fixed, slots, places)
    if _CONTINUE.match(clause):
        slots.more = True
    return slots


def _scan(tokens: list[Token], slots: Slots, places: list) -> None:
    sc = _Scanner(tokens, places)
    keys = sc.keys
    negated, neg_kind = False, None
    pending: list[int] = []
    ambiguous: dict[str, str] = {}
    i = 0
    while i < sc.n:
        tok, k = tokens[i], keys[i]
        if i + 1 < sc.n and (k, keys[i + 1]) in NEGATOR_PAIRS:
            negated, neg_kind, i = True, None, i + 2
            continue
        if k in NEGATORS:
            negated, neg_kind, i = True, None, i + 1
            continue
        prev = keys[i - 1] if i else ""
        options = []
        if hit := sc.role(i):
            options.append((hit[0], 3, "role", hit[1]))
        if hit := sc.longest(SIZE_KEYS, i):
            options.append((hit[0], 2, "size", hit[1]))
        if hit := sc.longest(INDUSTRY_KEYS, i):
            options.append((hit[0], 1, "industry", hit[1]))
        if hit := places[i]:
            options.append((hit.span, 0, "place", hit))
        if options:
            span, _, kind, value = max(options, key=lambda o: (o[0], o[1]))
            _flush(tokens, pending, slots, company_noun=k in COMPANY_NOUN_KEYS)
            if negated and neg_kind not in (None, kind):
                negated = False  # "CMOs (not CTOs) at retail companies": the exclusion ended
            if negated and not (kind == "role" and value.role.generic and not value.departments):
                neg_kind = kind
            span = _take(kind, value, span, i, tokens, keys, slots, negated, prev, ambiguous)
            i += span
            continue
        if k in COMPANY_NOUN_KEYS and pending:
            _flush(tokens, pending, slots, company_noun=True)
        elif tok.text[:1].isdigit() and tok.number is not None:
            if slots.count is None and not (i + 1 < sc.n and keys[i + 1] in ("%", "percent")):
                slots.count = tok.number
        elif k in VAGUE_COUNTS and slots.count is None:
            if VAGUE_COUNTS[k] != 25:
                slots.count = VAGUE_COUNTS[k]
        elif k in MORE_WORDS and not (i + 1 < sc.n and keys[i + 1] == "than"):
            slots.more = True
        elif k in SEARCH_VERBS:
            slots.search_verb = True
        elif dept := sc.longest(DEPT_KEYS, i):
            slots.dept_mentions.append((dept[1], (), negated))
            i += dept[0]
            continue
        elif k not in STOPWORDS and tok.text[:1].isalnum() and k not in COMPANY_NOUN_KEYS:
            if prev in PLACE_PREPOSITIONS and (step := _fuzzy(tokens, i, slots, negated)):
                i += step
                continue
            pending.append(i)
            i += 1
            continue
        if k not in NEGATION_GLUE:
            negated, neg_kind = False, None
        if k not in COMPANY_NOUN_KEYS:
            _flush(tokens, pending, slots, company_noun=False)
        i += 1
    _flush(tokens, pending, slots, company_noun=False)
    slots.code_places = {*ambiguous, *ambiguous.values()}
    slots.locations = settle_codes(slots.locations, ambiguous)
    slots.exclude_locations = settle_codes(slots.exclude_locations, ambiguous)


def _take(kind, value, span, i, tokens, keys, slots: Slots, negated, prev, ambiguous) -> int:
    if kind == "role":
        hit: RoleHit = value
        hit.negated = negated
        if hit.role.generic and not hit.departments:
            slots.generic = True
        else:
            slots.roles.append(hit)
            if (
                not negated
                and slots.count is None
                and prev in ("a", "an", "one")
                and not tokens[i + span - 1].text.lower().endswith("s")
            ):
                slots.count = 1
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
        if low is not None or high is not None:
            slots.employees = {"min": low, "max": high}
    elif kind == "industry":
        add_unique(slots.exclude_industries if negated else slots.industries, value)
        dept = DEPT_KEYS.get(" ".join(keys[i : i + span]))
        if dept:
            slots.dept_mentions.append((dept, tuple(value), negated))
        while i + span < len(keys) and keys[i + span] in COMPANY_NOUN_KEYS:
            size = SIZE_KEYS.get(keys[i + span])
            if size and not negated and slots.employees is None:
                slots.employees = {"min": size[0], "max": size[1]}
            span += 1
    else:
        if value.alternatives:
            for loc, alt in zip(value.filters, value.alternatives):
                ambiguous[loc] = alt
        if value.elsewhere:
            slots.place_options[value.filters[0]] = value.elsewhere
        add_unique(slots.exclude_locations if negated else slots.locations, value.filters)
    return span


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


def _flush(tokens: list[Token], pending: list[int], slots: Slots, *, company_noun: bool) -> None:
    """Unknown words right before "companies"/"startups" describe the companies: keywords."""
    if not pending:
        return
    words = [tokens[j].text for j in pending]
    before = tokens[pending[0] - 1].key if pending[0] else ""
    # "engineers at Google": a capitalised name after "at" is the company (keywords match names).
    named = before in ("at", "@") and all(w[:1].isupper() or w[:1].isdigit() for w in words)
    if company_noun or named:
        add_unique(slots.keywords, [" ".join(words)])
    else:
        slots.unknown.extend(words)
    pending.clear()
