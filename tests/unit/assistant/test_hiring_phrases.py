"""Hiring read from the ways people say it: postings named as jobs, a time window after the role,
and the title vocabulary's spelling of the role."""

from __future__ import annotations

import pytest

from lexi.assistant.understanding import interpret
from lexi.assistant.understanding.evaluation import state_from


def _search(text: str) -> dict:
    intents = interpret(text, state_from(None)).intents
    assert [i.kind.value for i in intents] == ["prospect_search"], text
    assert intents[0].filters is not None
    return intents[0].filters.model_dump(exclude_defaults=True)


@pytest.mark.parametrize(
    ("text", "hiring_for"),
    [
        (
            "marketing directors at companies that posted marketing jobs in the last 14 days",
            {"departments": ["marketing"], "posted_within_days": 14},
        ),
        (
            "heads of marketing at companies with SDR jobs posted in the last 14 days, London",
            {"titles": ["SDR"], "posted_within_days": 14},
        ),
        (
            "engineering leaders in Seattle at companies with engineering job posts from the last 30 days",
            {"departments": ["engineering"], "posted_within_days": 30},
        ),
        (
            "directors of sales in Denver at companies that posted account executive jobs in the last 30 days",
            {"titles": ["Account Executive"], "posted_within_days": 30},
        ),
        (
            "engineering leaders in Austin at companies hiring backend engineers in the last 2 weeks",
            {"titles": ["Backend Engineer"], "posted_within_days": 14},
        ),
        (
            "Sales directors at companies hiring account executives",
            {"titles": ["Account Executive"]},
        ),
    ],
)
def test_hiring_phrasings_become_the_postings_filter(text: str, hiring_for: dict) -> None:
    filters = _search(text)
    assert filters["hiring_for"] == hiring_for
    # the postings' words never leak into the role, industry or keywords
    assert "industries" not in filters and "keywords" not in filters
    assert not {"SDR", "Account Executive"} & set(filters.get("titles", []))


def test_posting_on_linkedin_is_named_as_unsupported_not_hiring() -> None:
    intent = interpret("CFOs who posted on LinkedIn", state_from(None)).intents[0]
    assert intent.unsupported == ["social_activity"]
    assert intent.filters is not None and not intent.filters.model_dump(exclude_defaults=True).get(
        "hiring_for"
    )
