"""The rule interpreter: clauses first, then one intent per clause, in the order written."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from typing import Any

from . import (
    actions,
    approvals,
    campaigns,
    commands,
    companies,
    exclusions,
    list_admin,
    lists,
    nearby,
)
from .questions import question
from .scanner import extract
from .search import (
    DEFAULT_LIMIT,
    REFERS_BACK,
    REFERS_BACK_STRONG,
    STRONG_REFINE,
    WEAK_REFINE,
    changes_anything,
    new_filters,
    refine,
    unsupported_exclusions,
)
from .text import boolean_to_plain, protect_quotes, split_clauses
from .types import ConversationState, Intent, IntentKind, Interpretation
from .unsupported import unsupported

# Longer messages are cut for understanding (the whole text is still stored and echoed).
MAX_UNDERSTOOD_CHARS = 2000
# A message is a request, not a batch job: at most this many clauses are read.
MAX_CLAUSES = 12
_SPACE = re.compile(r"\s+")
# "I'm a recruiter, looking for ...", "I run a small agency and want to ...": the user
# describing themselves is not a constraint on the people they want.
_ABOUT_ME = re.compile(
    r"\b(?:i'?m|i\s+am|we'?re|we\s+are)\s+(?:a|an|in|at|with|from|the)\b[^,.;!?]*?(?=\s+and\s+|[,.;!?]|$)"
    r"|\b(?:i|we)\s+(?:run|own|work\s+(?:at|for|in)|sell\s+for)\b[^,.;!?]*?(?=\s+and\s+|[,.;!?]|$)",
    re.IGNORECASE,
)
# "owners of trucking companies, 30 of them": a count, not a reference to earlier results.
# "Add 15 VPs of Marketing at e-commerce companies to my list", "Put 8 managing partners from
# law firms in New York on my list": who to find, then where to save them.
_SEARCH_AND_SAVE = re.compile(
    r"^\W*(?:(?:please|pls|can\s+you|could\s+you)\s+)?(?:add|put|save|stick|throw|drop|push|pop)\s+"
    r"(?P<who>.+)\s+(?P<prep>to|onto|on|into|in)\s+(?P<list>(?:my|the|this|our|that|a|an|"
    r"(?:a\s+)?new)\b.*?\blists?\b.*|qtok\d+.*|(?:my|our)\s+\w+.*)$",
    re.IGNORECASE,
)
_N_OF_THEM = re.compile(r"\b(\d+)\s+of\s+them\b", re.IGNORECASE)
_SHOUTED = re.compile(r"^(?=(?:.*?[A-Z]){8})[^a-z]*$")
_ONLY_FILLER = re.compile(
    r"^\W*(?:please|pls|plz|thanks|thank\s+you|thx|ok|okay|cool|great|"
    r"and|also|then|now|so|yes|yeah|sure|go\s+ahead|do\s+it|alright|perfect|awesome|nice|"
    r"(?:this\s+|that\s+|it\s+)?looks\s+(?:good|great|fine|perfect)|love\s+it)?\W*$",
    re.IGNORECASE,
)


@dataclass
class _Running:
    """The search context as it evolves across the clauses of one message."""

    filters: dict[str, Any] | None
    offset: int
    searched: bool = False  # a search intent was produced earlier in this message


class RuleInterpreter:
    """Deterministic, offline understanding: alias tables, patterns and the gazetteer."""

    def interpret(self, text: str, state: ConversationState) -> Interpretation:
        raw = text if isinstance(text, str) else ""
        cleaned = _SPACE.sub(" ", raw).strip()[:MAX_UNDERSTOOD_CHARS]
        if not cleaned:
            return Interpretation([_clarify("request")], text=raw)
        if found := nearby.follow_up(cleaned, state):
            return Interpretation([found], text=raw)  # "yes", "show the Idaho ones"
        if found := approvals.approval(cleaned, state):
            return Interpretation([found], text=raw)  # "approve it", "cancel that task"
        if commands.is_injection(cleaned):
            return Interpretation([_clarify("permission")], text=raw)
        if _SHOUTED.match(cleaned):
            cleaned = cleaned.lower()  # "FIND CEOS AT LAW FIRMS IN TEXAS": no codes in there
        cleaned = boolean_to_plain(cleaned)
        cleaned = _N_OF_THEM.sub(r"\1", _ABOUT_ME.sub(" ", cleaned))
        protected, quotes = protect_quotes(cleaned)
        running = _Running(state.last_filters, state.last_offset)
        intents: list[Intent] = []
        for clause in split_clauses(protected)[:MAX_CLAUSES]:
            if _ONLY_FILLER.match(clause):
                if not intents and (found := commands.account(clause)):
                    intents.append(found)
                continue
            intent = self._clause(clause, quotes, state, running, intents)
            if intent is None:
                continue
            if intent.kind is IntentKind.prospect_search:
                running.filters = intent.filters
                running.offset = intent.offset + int((intent.filters or {}).get("limit", 0))
                running.searched = True
            intents.append(intent)
        intents = _tidy(_fill_new_list(_attach_leading_filters(intents)))
        return Interpretation(_answer_to_roles(intents, state), text=raw)

    def _clause(
        self,
        clause: str,
        quotes: list[str],
        state: ConversationState,
        running: _Running,
        intents: list[Intent],
    ) -> Intent | None:
        if found := list_admin.list_admin(clause, quotes, state):
            return found
        if (split := _SEARCH_AND_SAVE.match(clause)) and (
            combined := self._search_and_save(split, quotes, state, running, intents)
        ):
            return combined
        if lists.names_new_list(clause):
            found = lists.list_operation(clause, quotes, state, after_search=running.searched)
            if found:
                return found
        found = campaigns.campaign(clause, quotes, state)
        if found:
            return found
        found = lists.list_operation(clause, quotes, state, after_search=running.searched)
        if found:
            return found
        if found := actions.not_a_search(clause):
            return found
        if commands.is_account_question(unsupported(clause)[0]):
            return commands.account(clause)
        if commands.is_unsupported(clause):
            return Intent(kind=IntentKind.unsupported, params={"what": clause.strip().lower()})
        excluded = exclusions.extract(clause, quotes, state)
        named = companies.extract(excluded.clause, quotes)
        if excluded or named:
            clause = named.clause
        slots = extract(clause, quotes)
        found = self._search(clause, slots, running, intents)
        if excluded or named:
            return _own_data(found, excluded, named, slots, running, intents)
        if found is not False:
            if found is not None and found.kind in (IntentKind.prospect_search, IntentKind.clarify):
                found.unsupported = list(slots.unsupported)
                found.not_understood = list(slots.unknown_places)
                if not found.refinement:
                    found.unsupported += unsupported_exclusions(slots)
            elif found is None and intents:
                intents[-1].unsupported = [
                    *intents[-1].unsupported,
                    *(c for c in slots.unsupported if c not in intents[-1].unsupported),
                ]
            return found
        found = commands.account(clause)
        if found:
            return found
        if slots.search_verb and not slots.unknown:
            return _clarify("roles")  # "find", "search for me"
        return _clarify("request")

    def _search_and_save(
        self,
        split: re.Match[str],
        quotes: list[str],
        state: ConversationState,
        running: _Running,
        intents: list[Intent],
    ) -> Intent | None:
        """ "Add 15 VPs of Marketing at e-commerce companies to my list": a search, then a save."""
        who = split["who"]
        slots = extract(who, quotes)
        if not slots.has_role or REFERS_BACK_STRONG.search(who):
            return None  # "add them to Q1", "add those CFOs to my list": no new search
        save = lists.list_operation(
            f"add them {split['prep']} {split['list']}", quotes, state, after_search=True
        )
        if save is None or save.kind not in (
            IntentKind.list_add,
            IntentKind.list_create,
            IntentKind.clarify,
        ):
            return None
        if save.kind is IntentKind.clarify and save.missing != ["list"]:
            return None
        search = Intent(kind=IntentKind.prospect_search, filters=new_filters(slots))
        search.unsupported = [*slots.unsupported, *unsupported_exclusions(slots)]
        intents.append(search)
        running.filters = search.filters
        running.offset = int((search.filters or {}).get("limit", 0))
        running.searched = True
        return save

    def _search(self, clause: str, slots, running: _Running, intents: list[Intent]):
        """A search intent, a merge into this message's search (returns None), or False."""
        base = running.filters
        continues = slots.more and not slots.has_role and not slots.has_filters
        if continues:
            if base is None:
                return _clarify("search")
            filters = copy.deepcopy(base)
            filters["limit"] = slots.count or int(base.get("limit") or 25)
            return Intent(
                kind=IntentKind.prospect_search,
                filters=filters,
                offset=running.offset,
                refinement=True,
            )
        # "companies that raised a series B in 2024": a criterion Lexi cannot filter on still
        # says a search is wanted; it is named in the reply and the roles are asked for.
        wanted = bool(slots.unsupported) and base is None
        if not (
            slots.has_role
            or slots.has_filters
            or wanted
            or (slots.search_verb and (slots.generic or slots.count is not None))
            or (base is not None and changes_anything(slots))
        ):
            return False
        if (
            base is None
            and REFERS_BACK.search(clause)
            and not (
                slots.has_role and (slots.search_verb or not REFERS_BACK_STRONG.search(clause))
            )
        ):
            return _clarify("search")
        strong = bool(STRONG_REFINE.search(clause))
        weak = bool(WEAK_REFINE.search(clause))
        is_refinement = base is not None and (
            not slots.has_role or strong or (weak and not slots.search_verb)
        )
        if base is not None and is_refinement:
            filters = refine(base, slots, clause)
            previous = intents[-1] if intents else None
            if running.searched and previous and previous.kind is IntentKind.prospect_search:
                previous.filters = filters  # "Find CEOs at law firms. Only in New York."
                running.filters = filters
                return None
            return Intent(kind=IntentKind.prospect_search, filters=filters, refinement=True)
        if not slots.has_role:
            if slots.unknown and not (slots.search_verb or slots.generic):
                return False  # "play some music": words we do not know, and no search in sight
            if not (
                slots.search_verb
                or wanted
                or slots.generic
                or slots.industries
                or slots.employees
                or slots.revenue
                or slots.technologies
                or slots.keywords
                or slots.email_status
                or (slots.has_filters and not slots.unknown)
            ):
                return False
            partial = new_filters(slots)
            return Intent(
                kind=IntentKind.clarify,
                missing=["roles"],
                question=question("roles"),
                filters=partial,
            )
        return Intent(kind=IntentKind.prospect_search, filters=new_filters(slots))


def _own_data(found, excluded, named, slots, running: _Running, intents: list[Intent]):
    """Company names and exclusions join the search this clause made (or the one before it)."""
    extra: dict[str, Any] = {}
    params: dict[str, Any] = {}
    if named:
        extra["companies"] = list(named.names)
    if excluded.exclude_saved:
        extra["exclude_saved"] = True
    if excluded.list_names:
        params["exclude_list_names"] = list(excluded.list_names)

    def apply(intent: Intent) -> Intent:
        intent.filters = {**(intent.filters or {}), **extra}
        if params:
            names = list(intent.params.get("exclude_list_names") or [])
            names += [n for n in params["exclude_list_names"] if n not in names]
            intent.params["exclude_list_names"] = names
        return intent

    if isinstance(found, Intent) and found.kind is IntentKind.prospect_search:
        return apply(found)
    previous = intents[-1] if intents else None
    if found is None and previous is not None and previous.kind is IntentKind.prospect_search:
        apply(previous)
        running.filters = previous.filters
        return None
    if named and not (
        isinstance(found, Intent)
        and found.kind is IntentKind.clarify
        and found.missing != ["roles"]
    ):
        # "who works at acme.com": a company needs no role.
        filters = {**(found.filters if isinstance(found, Intent) and found.filters else {})}
        filters.setdefault("limit", slots.count or 25)
        return apply(Intent(kind=IntentKind.prospect_search, filters=filters))
    if excluded and not (slots.has_role or slots.has_filters):
        # "exclude ones I already have": the earlier search again, without them.
        if (
            running.searched
            and previous is not None
            and previous.kind is IntentKind.prospect_search
        ):
            apply(previous)
            running.filters = previous.filters
            return None
        if running.filters is None:
            return _clarify("search")
        return apply(
            Intent(
                kind=IntentKind.prospect_search,
                filters=copy.deepcopy(running.filters),
                refinement=True,
            )
        )
    return found if found is not False else _clarify("request")


def _attach_leading_filters(intents: list[Intent]) -> list[Intent]:
    """ "In New York, find me law firm CEOs": a role-less clause right before a search belongs to it."""
    out: list[Intent] = []
    for intent in intents:
        prev = out[-1] if out else None
        if (
            prev
            and prev.kind is IntentKind.clarify
            and prev.missing == ["roles"]
            and prev.filters
            and intent.kind is IntentKind.prospect_search
            and not intent.refinement
        ):
            merged = {k: v for k, v in prev.filters.items() if k != "limit"}
            merged.update(intent.filters or {})
            intent.filters = merged
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


def _answer_to_roles(intents: list[Intent], state: ConversationState) -> list[Intent]:
    """After "Which roles should I look for?", the answer ("founders", "CFOs in Boston") is
    searched with what the question kept ("fintech startups in NYC"); what it says wins."""
    asked = state.asked_filters
    if not asked or state.asked_turn != state.turn - 1:
        return intents
    for intent in intents:
        if intent.kind is IntentKind.prospect_search and not intent.refinement and intent.filters:
            new = intent.filters
            merged = {**asked, **new}
            if new.get("limit") == DEFAULT_LIMIT and "limit" in asked:
                merged["limit"] = asked["limit"]
            intent.filters = merged
            break
    return intents


def _clarify(missing: str) -> Intent:
    return Intent(kind=IntentKind.clarify, missing=[missing], question=question(missing))


def _tidy(intents: list[Intent]) -> list[Intent]:
    """Greetings and filler give way to real requests; one clarifying question at most."""
    blocked = False
    kept: list[Intent] = []
    for intent in intents:
        # "Find law firms and add them to Q1": no search ran, so there is nothing to add.
        if intent.kind is IntentKind.clarify and intent.missing in (["roles"], ["search"]):
            blocked = True
        elif blocked and intent.selector.get("prospects") == "last_results":
            continue
        kept.append(intent)
    intents = kept
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
    if clarifies:
        return clarifies[:1]
    return intents[:1] if intents else [_clarify("request")]


_DEFAULT = RuleInterpreter()


def interpret(text: str, state: ConversationState | None = None) -> Interpretation:
    """Understand one message given what the conversation left behind."""
    return _DEFAULT.interpret(text, state or ConversationState())
