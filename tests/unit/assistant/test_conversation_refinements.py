"""Refinements that keep the conversation's context: going back to an earlier search after
other requests, and changes that name only what changes."""

from __future__ import annotations

from lexi.assistant.understanding import interpret
from lexi.assistant.understanding.evaluation import advance, labelled, next_turn
from lexi.assistant.understanding.types import ConversationState, IntentKind

VP_ENG = {
    "titles": ["VP of Engineering"],
    "industries": ["Computer Software"],
    "locations": ["Austin, TX, US"],
    "limit": 25,
}
CFOS = {
    "titles": ["CFO"],
    "industries": ["Hospital & Health Care"],
    "locations": ["OH, US"],
    "limit": 25,
}
FLEET = {
    "titles": ["Fleet Manager"],
    "industries": ["Transportation/Trucking/Railroad"],
    "locations": ["GA, US"],
    "limit": 25,
}


def _after(*turns: list[dict]) -> ConversationState:
    state = ConversationState(known_list_names=["Austin Tech"])
    for intents in turns:
        next_turn(state)
        advance(state, labelled(intents))
    next_turn(state)
    return state


def _search(filters: dict) -> list[dict]:
    return [{"kind": "prospect_search", "filters": filters}]


def _one(text: str, state: ConversationState):
    intents = interpret(text, state).intents
    assert len(intents) == 1, intents
    return intents[0]


def test_back_to_a_named_search_refines_that_search_not_the_latest():
    state = _after(_search(VP_ENG), _search(CFOS), [{"kind": "credits"}])
    got = _one("ok back to the vp eng search, only companies with 100-500 employees", state)
    assert got.kind is IntentKind.prospect_search and got.refinement
    assert got.filters == {**VP_ENG, "employees": {"min": 100, "max": 500}}


def test_going_back_to_people_named_by_role_and_industry():
    state = _after(_search(CFOS), _search(VP_ENG))
    got = _one(
        "Perfect. Going back to the hospital CFOs, would it be possible to only include those "
        "with verified email addresses?",
        state,
    )
    assert got.refinement
    assert got.filters == {**CFOS, "email_status": ["verified"]}


def test_for_the_named_people_adds_to_their_search():
    state = _after(_search(FLEET), [{"kind": "campaign_stats"}], _search(CFOS))
    got = _one("ok and for the fleet managers, what about alabama too", state)
    assert got.filters == {**FLEET, "locations": ["GA, US", "AL, US"]}


def test_back_to_a_search_alone_shows_it_again():
    state = _after(_search(FLEET), _search(CFOS))
    got = _one("let's go back to the fleet managers", state)
    assert got.refinement and got.filters == FLEET


def test_nothing_is_recalled_when_no_search_matches():
    state = _after(_search(CFOS))
    got = _one("for the conference, find CTOs in Denver", state)
    assert got.filters is not None
    assert got.filters.get("titles") == ["CTO"]
    assert "industries" not in got.filters


def test_only_include_filters_the_search_it_adds_nothing_to_a_list():
    state = _after(_search(CFOS))
    got = _one("would it be possible to only include those with verified emails?", state)
    assert got.kind is IntentKind.prospect_search
    got = _one("is it possible to only include companies with 50 to 250 employees?", state)
    assert got.filters == {**CFOS, "employees": {"min": 50, "max": 250}}
