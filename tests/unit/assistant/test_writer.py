"""The writer: short, specific replies built from what the turn did."""

from __future__ import annotations

import pytest

from lexi.assistant import phrases, writer


class TestInterpretationInWords:
    @pytest.mark.parametrize(
        ("filters", "text"),
        [
            (
                {
                    "titles": ["CEO"],
                    "industries": ["Law Practice"],
                    "locations": ["New York, NY, US"],
                },
                "CEOs at law firms in New York City",
            ),
            (
                {
                    "titles": ["CTO"],
                    "industries": ["Computer Software"],
                    "locations": ["CA, US"],
                    "employees": {"min": 50, "max": 200},
                },
                "CTOs at software companies with 50-200 employees in California",
            ),
            (
                {"seniorities": ["vp"], "departments": ["sales"], "locations": ["DE"]},
                "VPs of Sales in Germany",
            ),
            (
                {"titles": ["CFO"], "exclude_locations": ["TX, US"], "email_status": ["verified"]},
                "CFOs outside Texas with verified emails",
            ),
            (
                {"titles": ["Founder"], "employees": {"min": 1000, "max": None}},
                "Founders with 1,000+ employees",
            ),
        ],
    )
    def test_filters_are_described(self, filters, text):
        assert phrases.describe_filters(filters) == text


SEARCH = {
    "type": "prospect_search",
    "status": "completed",
    "filters": {"titles": ["CEO"], "limit": 20},
    "total_matches": 118,
    "prospects": [{}] * 20,
    "offset": 0,
}


class TestSentences:
    def test_a_saved_search_says_counts_and_where(self):
        text = writer.sentence(
            {**SEARCH, "list_name": "Q1 Leads", "added": 18, "contact_count": 40}
        )
        assert text == (
            'I found 118 CEOs; here are the first 20. I added 18 people to "Q1 Leads" '
            '(2 were already there), which now holds 40 contacts. Say "show me more" for the '
            "next ones."
        )

    def test_an_unsaved_search_says_how_to_save(self):
        assert "add them to" in writer.sentence(SEARCH)

    def test_no_matches_is_honest(self):
        text = writer.sentence({**SEARCH, "total_matches": 0, "prospects": []})
        assert text.startswith("I found no CEOs")

    def test_approval_states_the_cost(self):
        text = writer.sentence(
            {
                **SEARCH,
                "status": "pending_approval",
                "prospects": [],
                "quote": {"credits": 5, "contacts": 50, "emails": 41},
            }
        )
        assert text == (
            "I found 118 CEOs. Saving 50 of them (41 with an email) to your contacts costs "
            '5 credits once you approve. Say "approve it" to run it, or "cancel that task".'
        )

    def test_unavailable_and_forbidden(self):
        assert "not yet available" in writer.sentence(
            {"type": "some_future_kind", "status": "failed", "error": "not_available"}
        )
        assert "prospects:read" in writer.sentence(
            {
                "type": "prospect_search",
                "status": "failed",
                "error": "insufficient_permissions",
                "required_scope": "prospects:read",
            }
        )

    def test_one_paragraph_per_action(self):
        reply = writer.write([SEARCH, {"type": "credits", "status": "completed", "balance": 1}])
        assert reply.split("\n\n")[1] == "You have 1 credit left."
