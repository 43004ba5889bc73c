"""One typed filter model from understanding to the search tool: intents carry ``ProspectFilters``;
conversation state keeps the contract's plain filters object, so stored conversations load."""

from __future__ import annotations

import json

import pytest

from lexi.assistant import writer
from lexi.assistant.tools.prospecting import SearchArgs
from lexi.assistant.understanding import (
    ConversationState,
    IntentKind,
    Interpretation,
    interpret,
)
from lexi.conversations.service import load_state
from lexi.errors import ValidationFailed
from lexi.models import Conversation
from lexi.prospects.filters import APPROVED_MAX_LIMIT, MAX_LIMIT, ProspectFilters

# A conversation's state as an earlier release stored it (JSON), with one search in it.
STORED = {
    "last_filters": {"titles": ["CFO"], "industries": ["Law Practice"], "limit": 25},
    "last_offset": 25,
    "last_prospect_ids": ["p1"],
    "turn": 1,
}


def only(text: str, state: ConversationState | None = None):
    intents = interpret(text, state or ConversationState()).intents
    assert len(intents) == 1, intents
    return intents[0]


class TestTheModel:
    def test_values_are_checked_and_made_canonical(self) -> None:
        f = ProspectFilters.from_dict({"industries": ["law practice"], "locations": ["new york"]})
        assert f.industries == ["Law Practice"]
        assert f.locations == ["New York, NY, US"]
        with pytest.raises(ValidationFailed):
            ProspectFilters.from_dict({"seniorities": ["boss"]})
        with pytest.raises(ValidationFailed):
            ProspectFilters.from_dict({"mood": ["happy"]})

    def test_the_limit_is_bounded_by_the_caller_not_by_the_model(self) -> None:
        big = ProspectFilters.from_dict({"titles": ["CEO"], "limit": 5000})
        assert big.limit == 5000
        with pytest.raises(ValidationFailed):
            big.checked()
        assert big.checked(APPROVED_MAX_LIMIT) is big
        with pytest.raises(ValidationFailed):
            ProspectFilters.from_dict({"limit": 5000}).checked(APPROVED_MAX_LIMIT)
        assert ProspectFilters.from_dict({"limit": MAX_LIMIT}).checked().limit == MAX_LIMIT

    def test_filters_are_read_by_name_and_unset_ones_are_absent(self) -> None:
        f = ProspectFilters.from_dict({"titles": ["CEO"], "exclude_saved": False})
        assert f["titles"] == ["CEO"] and f["limit"] == 25
        assert "titles" in f and "keywords" not in f and "exclude_saved" not in f
        assert f.get("keywords", "none") == "none"
        with pytest.raises(KeyError):
            f["keywords"]
        assert repr(f) == "ProspectFilters(titles=['CEO'], limit=25)"

    def test_a_change_is_checked_and_clears_with_none(self) -> None:
        f = ProspectFilters.from_dict({"titles": ["CEO"], "locations": ["TX, US"]})
        g = f.changed({"locations": None, "industries": ["law practice"]})
        assert g.to_dict() == {"titles": ["CEO"], "industries": ["Law Practice"], "limit": 25}
        assert f.locations == ["TX, US"]  # the original is untouched
        with pytest.raises(ValidationFailed):
            f.changed({"departments": ["nowhere"]})


class TestUnderstanding:
    def test_a_search_carries_the_typed_filters(self) -> None:
        intent = only("Find 20 CEOs at law firms in New York")
        assert isinstance(intent.filters, ProspectFilters)
        assert intent.filters.titles == ["CEO"] and intent.filters.limit == 20

    def test_a_roles_question_keeps_what_was_said_typed(self) -> None:
        intent = only("fintech companies in Chicago")
        assert intent.kind is IntentKind.clarify and intent.missing == ["roles"]
        assert isinstance(intent.filters, ProspectFilters)
        assert intent.filters.industries == ["Financial Services"]

    def test_a_conversation_stored_as_json_loads_and_is_refined(self) -> None:
        state = load_state(Conversation(state=json.loads(json.dumps(STORED))))
        intent = only("only in Texas", state)
        assert intent.refinement and isinstance(intent.filters, ProspectFilters)
        assert intent.filters.to_dict() == {**STORED["last_filters"], "locations": ["TX, US"]}
        assert state.last_filters == STORED["last_filters"]  # the stored form is not touched

    def test_stored_filters_that_are_no_search_any_more_are_not_refined(self) -> None:
        # Stored while an extension's filter existed; it is gone now. Lexi asks which search,
        # it does not fail the turn.
        stored = {**STORED, "last_filters": {**STORED["last_filters"], "min_rating": 4}}
        intent = only("only in Texas", load_state(Conversation(state=stored)))
        assert intent.kind is IntentKind.clarify and intent.missing == ["search"]

    def test_the_answer_to_a_roles_question_uses_the_stored_plain_filters(self) -> None:
        asked = only("fintech companies in Chicago")
        state = ConversationState(asked_filters=asked.filters.to_dict(), asked_turn=1, turn=2)
        got = only("founders", state)
        assert got.filters.seniorities == ["founder"]
        assert got.filters.industries == ["Financial Services"]


class TestConsumers:
    def test_the_search_tool_takes_the_typed_filters_and_stores_the_contract_form(self) -> None:
        filters = only("CFOs at law firms in Texas, verified emails").filters
        assert filters is not None
        args = SearchArgs(filters=filters)
        assert args.filters is filters
        assert args.model_dump(mode="json")["filters"] == {
            "titles": ["CFO"],
            "industries": ["Law Practice"],
            "locations": ["TX, US"],
            "email_status": ["verified"],
            "limit": 25,
        }
        assert SearchArgs.model_validate(args.model_dump(mode="json")).filters == filters

    def test_the_writer_says_the_typed_filters(self) -> None:
        intent = only("CFOs at law firms in Texas")
        said = writer.thinking(Interpretation([intent]))
        assert said == "Looking for CFOs at law firms in Texas."


def test_an_interpreter_of_ones_own_may_give_plain_filters() -> None:
    from lexi.assistant.understanding import Intent
    from lexi.assistant.understanding.interpreters import FunctionInterpreter

    def cfos(text: str, state: ConversationState) -> list[Intent]:
        return [Intent(IntentKind.prospect_search, filters={"titles": ["cfo"], "limit": 5})]

    got = FunctionInterpreter(cfos).interpret("anything", ConversationState()).first
    assert got is not None and isinstance(got.filters, ProspectFilters)
    assert got.filters.titles == ["cfo"] and got.filters.limit == 5
    with pytest.raises(ValidationFailed):
        Intent(IntentKind.prospect_search, filters={"seniorities": ["boss"]})
