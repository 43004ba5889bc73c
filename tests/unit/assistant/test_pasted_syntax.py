"""Search syntax from other tools pasted into the chat, pasted title lists, time phrases that
name no place, role words that are also towns, and requests in other languages: one test class
per kind of phrasing, in words none of the scored batches use."""

from __future__ import annotations

import pytest

from lexi.assistant.understanding import ConversationState, IntentKind, interpret
from lexi.assistant.understanding.fields import rewrite, title_form


def search(text: str, state: ConversationState | None = None):
    intents = interpret(text, state or ConversationState()).intents
    assert [i.kind for i in intents] == [IntentKind.prospect_search], intents
    return intents[0].filters.to_dict()


class TestFieldSyntax:
    """Sales Navigator / Apollo fields: ``tech:``, ``hq:``, ``employees:``, ``keywords:``,
    ``title:`` with quotes, brackets and OR, person and organisation locations."""

    @pytest.mark.parametrize(
        ("text", "want"),
        [
            (
                "CMOs tech:HubSpot geo:Canada",
                {"titles": ["CMO"], "technologies": ["HubSpot"], "locations": ["CA"]},
            ),
            (
                'controllers hq:"Denver, CO" employees:<=200',
                {
                    "titles": ["Controller"],
                    "company_locations": ["Denver, CO, US"],
                    "employees": {"min": None, "max": 200},
                },
            ),
            (
                "title:CFO employees:>5000 industry:Banking",
                {
                    "titles": ["CFO"],
                    "industries": ["Banking"],
                    "employees": {"min": 5001, "max": None},
                },
            ),
            (
                "title:CTO employees:[1000 TO *] location:Ireland",
                {"titles": ["CTO"], "locations": ["IE"], "employees": {"min": 1000, "max": None}},
            ),
            (
                'title:COO keywords:"supply chain visibility" country:Mexico',
                {"titles": ["COO"], "keywords": ["supply chain visibility"], "locations": ["MX"]},
            ),
            (
                'title:"Head of Partnerships" OR title:"VP Alliances" hq:(Germany OR Austria)',
                {
                    "titles": ["Head of Partnerships", "VP of Alliances"],
                    "company_locations": ["DE", "AT"],
                },
            ),
            (
                'title:(CISO OR "Director Information Security") industry:Insurance',
                {
                    "titles": ["CISO", "Director of Information Security"],
                    "industries": ["Insurance"],
                },
            ),
            (
                "Person Locations: Ohio; Organization Locations: Illinois; Title: General Counsel",
                {
                    "titles": ["General Counsel"],
                    "locations": ["OH, US"],
                    "company_locations": ["IL, US"],
                },
            ),
            (
                "seniority:Director function:Finance state:Arizona",
                {"seniorities": ["director"], "departments": ["finance"], "locations": ["AZ, US"]},
            ),
        ],
    )
    def test_fields_become_filters(self, text, want):
        f = search(text)
        f.pop("limit")
        assert f == want

    def test_a_quoted_title_is_one_title(self):
        f = search('"SVP Global Supply Chain" OR "Director Regulatory Affairs" at medical devices')
        assert f["titles"] == ["SVP of Global Supply Chain", "Director of Regulatory Affairs"]
        assert "seniorities" not in f and "departments" not in f and "keywords" not in f

    def test_a_quoted_title_alone_is_a_search(self):
        assert search("people titled 'Head of Revenue Enablement' in Atlanta")["titles"] == [
            "Head of Revenue Enablement"
        ]

    def test_a_quoted_title_the_lexicon_knows_reads_as_that_role(self):
        assert search('"chief financial officer" at hospitals')["titles"] == ["CFO"]

    def test_a_quoted_list_name_is_no_title(self):
        intents = interpret('add them to my "Sales Directors" list').intents
        assert intents[0].kind is not IntentKind.prospect_search

    def test_words_with_colons_that_are_no_fields_are_left_alone(self):
        text = "note: find CFOs in Boston"
        assert rewrite(text) == text

    def test_title_form_spells_out_and_joins(self):
        assert title_form("Sr. Dir. Mktg") == "Senior Director of Marketing"
        assert title_form("vp people ops") == "VP of People Operations"
        assert title_form("Director General") == "Director General"
        assert title_form("Sales Director") == "Sales Director"
