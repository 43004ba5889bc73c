"""The scorer moves conversation state between turns the way the planner and its tools do, so a
conversation's score is what a user of the chat gets."""

from __future__ import annotations

from lexi.assistant.understanding import RuleInterpreter
from lexi.assistant.understanding.evaluation import (
    advance,
    labelled,
    next_turn,
    run_conversations,
)
from lexi.assistant.understanding.types import KEEP_SETS, ConversationState


def _turn(text: str, intents: list[dict]) -> dict:
    return {"text": text, "intents": intents}


def _score(*turns: dict, state: dict | None = None):
    conv = {"id": "t", "turns": list(turns), **({"state": state} if state else {})}
    return run_conversations([conv], RuleInterpreter())


ASKED = {
    "industries": ["Financial Services"],
    "locations": ["New York, NY, US"],
    "limit": 25,
}


def test_the_answer_to_a_question_about_roles_completes_the_search():
    score = _score(
        _turn(
            "fintech companies in New York",
            [{"kind": "clarify", "missing": ["roles"], "filters": ASKED}],
        ),
        _turn(
            "founders",
            [{"kind": "prospect_search", "filters": {**ASKED, "seniorities": ["founder"]}}],
        ),
    )
    assert score.failures == []


def test_the_question_is_answered_only_by_the_next_turn():
    state = ConversationState()
    next_turn(state)
    advance(state, labelled([{"kind": "clarify", "missing": ["roles"], "filters": ASKED}]))
    assert state.asked_filters == ASKED and state.asked_turn == state.turn
    next_turn(state)
    advance(state, labelled([{"kind": "credits"}]))
    next_turn(state)
    got = RuleInterpreter().interpret("founders", state).intents[0]
    assert got.filters == {"seniorities": ["founder"], "limit": 25}


def test_the_campaign_a_turn_was_about_is_the_one_it_refers_to():
    score = _score(
        _turn(
            "create a campaign for my list Dental Owners FL about our booking software",
            [{"kind": "campaign_create"}],
        ),
        _turn("pause it", [{"kind": "campaign_pause", "params": {"campaign": "last"}}]),
        state={"known_list_names": ["Dental Owners FL"]},
    )
    assert score.failures == []
    state = ConversationState()
    next_turn(state)
    advance(state, labelled([{"kind": "campaign_stats"}]))
    assert state.last_campaign_id
    next_turn(state, {"campaign_id": "c-1"})
    advance(state, labelled([{"kind": "email_rewrite"}]))
    assert state.context_campaign_id == "c-1"


def test_every_search_is_kept_as_a_result_set_of_the_conversation():
    state = ConversationState()
    for n in range(KEEP_SETS + 2):
        next_turn(state)
        search = {"kind": "prospect_search", "filters": {"titles": [f"T{n}"], "limit": 10}}
        advance(state, labelled([search]))
    assert len(state.result_sets) == KEEP_SETS
    newest = state.result_sets[-1]
    assert newest["filters"]["titles"] == [f"T{KEEP_SETS + 1}"]
    assert newest["turn"] == state.turn and newest["count"] == 10
    assert state.last_offset == 10 and len(state.last_prospect_ids) == 10


def test_lists_a_turn_used_become_the_last_list():
    state = ConversationState()
    next_turn(state)
    advance(
        state,
        labelled([{"kind": "list_rename", "list_name": "Q1", "params": {"new_name": "Q2 Leads"}}]),
    )
    assert state.last_list_name == "Q2 Leads"
    assert "Q2 Leads" in state.known_list_names


def test_a_conversation_scored_again_starts_from_the_same_state():
    # Saving the results under a new name adds it to the known lists; the second run must not
    # find the name known already (it would be adding to that list instead).
    conv = {
        "id": "t",
        "state": {"known_list_names": ["Gala Leads"]},
        "turns": [
            _turn("ceos in ohio", [{"kind": "prospect_search", "filters": CEOS_OHIO}]),
            _turn(
                "save as Ohio Gala Leads",
                [
                    {
                        "kind": "list_create",
                        "list_name": "Ohio Gala Leads",
                        "list_target": "new",
                        "selector": {"prospects": "last_results"},
                    }
                ],
            ),
        ],
    }
    for _ in range(2):
        assert run_conversations([conv], RuleInterpreter()).failures == []
    assert conv["state"] == {"known_list_names": ["Gala Leads"]}


CEOS_OHIO = {"titles": ["CEO"], "locations": ["OH, US"], "limit": 25}
