"""Near misses (failure class 9): which near searches an empty search counts, and the answers
that accept one. The counting and the reply run through POST /v1/lexi/chat in
tests/integration/test_chat_near_misses.py."""

from __future__ import annotations

import pytest

from lexi.assistant import phrases
from lexi.assistant.understanding import ConversationState, IntentKind, interpret, nearby
from lexi.prospects.taxonomy import INDUSTRIES, SENIORITIES
from lexi.prospects.titles import query_variants

BOISE = {
    "titles": ["CFO"],
    "industries": ["Computer Software"],
    "locations": ["Boise, ID, US"],
    "limit": 25,
}


class TestTheData:
    def test_every_industry_and_seniority_is_the_taxonomys(self):
        data = nearby._data()
        for industry, near in data["industries"].items():
            assert industry in INDUSTRIES
            assert near and all(n in INDUSTRIES and n != industry for n in near)
        for level, near in data["seniorities"].items():
            assert level in SENIORITIES and all(n in SENIORITIES for n in near)

    def test_every_title_ladder_names_searchable_titles(self):
        for title, below in nearby._data()["titles"].items():
            assert query_variants(title)
            assert below and all(query_variants(t) for t in below)


class TestTheChoice:
    def test_one_near_search_per_kind_each_changing_one_thing(self):
        found = nearby.widenings(BOISE)
        assert [w.kind for w in found] == ["place", "industry", "seniority"]
        place, industry, level = found
        assert place.filters == {**BOISE, "locations": ["ID, US"]}
        assert industry.filters["industries"] == [
            "Computer Software",
            "Internet",
            "Information Technology and Services",
        ]
        assert industry.change == {
            "industries": ["Internet", "Information Technology and Services"]
        }
        assert level.filters["titles"] == ["VP of Finance", "Head of Finance"]
        assert len(found) <= nearby.MAX_PROBES

    @pytest.mark.parametrize(
        ("place", "wider"),
        [
            ("Boise, ID, US", "ID, US"),
            ("London, GB", "GB"),
            ("ID, US", "US"),
            ("DE", None),
        ],
    )
    def test_places_widen_city_to_state_to_country(self, place, wider):
        assert nearby.wider_place(place) == wider

    def test_several_cities_of_one_state_widen_once(self):
        (place,) = [
            w
            for w in nearby.widenings(
                {"titles": ["CTO"], "locations": ["Boise, ID, US", "Nampa, ID, US"]}
            )
            if w.kind == "place"
        ]
        assert place.filters["locations"] == ["ID, US"]

    def test_a_country_search_is_not_widened_to_the_world(self):
        kinds = [w.kind for w in nearby.widenings({"titles": ["CFO"], "locations": ["US"]})]
        assert "place" not in kinds

    @pytest.mark.parametrize(
        ("title", "below"),
        [
            ("VP of Sales", ["Head of Sales", "Director of Sales"]),
            ("Vice President of Marketing", ["Head of Marketing", "Director of Marketing"]),
            ("Head of HR", ["Director of HR"]),
            ("Marketing Director", ["Marketing Manager"]),
            ("CMO", ["VP of Marketing", "Head of Marketing"]),
            ("Paralegal", []),
        ],
    )
    def test_the_next_seniority_of_a_title(self, title, below):
        assert nearby.next_titles(title) == below

    def test_seniorities_step_down_one_level(self):
        (level,) = nearby.widenings({"seniorities": ["vp"], "departments": ["sales"]})
        assert level.filters == {"seniorities": ["head", "director"], "departments": ["sales"]}
        assert nearby.widenings({"seniorities": ["founder"]}) == []

    def test_a_whole_sector_is_not_widened_by_neighbours(self):
        many = ["Machinery", "Chemicals", "Plastics", "Automotive"]
        kinds = [w.kind for w in nearby.widenings({"titles": ["CFO"], "industries": many})]
        assert "industry" not in kinds

    def test_excluded_industries_are_not_offered(self):
        (industry,) = [
            w
            for w in nearby.widenings(
                {
                    "titles": ["CTO"],
                    "industries": ["Computer Software"],
                    "exclude_industries": ["Internet"],
                }
            )
            if w.kind == "industry"
        ]
        assert industry.change == {"industries": ["Information Technology and Services"]}


def offered(turn: int = 3) -> ConversationState:
    offers = [
        {"kind": w.kind, "count": 5, "filters": w.filters, "change": w.change, "words": w.words}
        for w in nearby.widenings(BOISE)
    ]
    return ConversationState(last_filters=BOISE, nearby=offers, nearby_turn=turn - 1, turn=turn)


class TestTheAnswer:
    @pytest.mark.parametrize(
        ("text", "kind"),
        [
            ("yes", "place"),
            ("ok widen it", "place"),
            ("Sure, go ahead", "place"),
            ("yes please", "place"),
            ("show the Idaho ones", "place"),
            ("the whole state then", "place"),
            ("show me the internet ones", "industry"),
            ("include the internet companies", "industry"),
            ("try heads then", "seniority"),
            ("ok, VPs", "seniority"),
        ],
    )
    def test_accepting_runs_the_offered_search(self, text, kind):
        state = offered()
        (intent,) = interpret(text, state).intents
        want = next(o for o in state.nearby if o["kind"] == kind)
        assert intent.kind == IntentKind.prospect_search and intent.refinement
        assert intent.filters == want["filters"]

    @pytest.mark.parametrize("text", ["CTOs in Denver", "what about Boise law firms", "no"])
    def test_anything_else_is_read_as_usual(self, text):
        intents = interpret(text, offered()).intents
        assert not intents or intents[0].filters != offered().nearby[0]["filters"]

    def test_the_offer_lasts_one_turn(self):
        stale = offered()
        stale.turn += 1
        intents = interpret("yes", stale).intents
        assert not any(i.kind == IntentKind.prospect_search for i in intents)


def test_the_reply_counts_each_and_offers_the_first():
    offers = [
        {"kind": "place", "count": 12, "change": {"locations": ["ID, US"]}},
        {"kind": "industry", "count": 7, "change": {"industries": ["Internet"]}},
        {"kind": "seniority", "count": 1, "filters": {"titles": ["VP of Finance"]}, "change": {}},
    ]
    action = {"type": "prospect_search", "filters": BOISE, "total_matches": 0, "nearby": offers}
    assert phrases.search_result(action) == (
        "I found no CFOs at software companies in Boise, ID, so there was no search fee. "
        "Nearby: 12 in Idaho, 7 at internet companies in Boise, ID, 1 VP of Finance "
        "\u2014 want me to widen to Idaho?"
    )
