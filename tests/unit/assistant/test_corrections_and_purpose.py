"""Words that are no constraint: corrections made while typing, the user and the occasion."""

from __future__ import annotations

import pytest

from lexi.assistant.understanding import interpret
from lexi.assistant.understanding.corrections import corrected
from lexi.assistant.understanding.types import ConversationState, IntentKind


def search(text: str, **state) -> dict:
    intents = interpret(text, ConversationState(**state)).intents
    kinds = [i.kind for i in intents]
    assert kinds[0] is IntentKind.prospect_search, intents
    return intents[0].filters


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("CFOs, sorry, controllers at hospitals in Ohio", "controllers at hospitals in Ohio"),
        ("give me 40, no, 60 compliance officers", "give me 60 compliance officers"),
        (
            "marketing people at agencies, no wait, at software companies",
            "marketing people at software companies",
        ),
        ("leave out Florida, sorry, Arizona", "leave out Arizona"),
        ("find CTOs, or rather VPs of Engineering", "find VPs of Engineering"),
        ("find 30 partners, well, managing partners really", "find 30 managing partners"),
        ("CEOs in Texas, no, Ohio", "CEOs in Ohio"),
    ],
)
def test_a_correction_replaces_only_the_words_before_it(text, expected):
    assert corrected(text) == expected


@pytest.mark.parametrize(
    "text", ["CEOs in Texas, no, not Austin", "no, CEOs in Boston", "CFOs in Boston, Denver"]
)
def test_what_is_no_correction_is_left_alone(text):
    assert corrected(text) == text


def test_a_corrected_role_is_the_only_role():
    assert search("sales managers, i mean sales directors, at medical device companies")[
        "titles"
    ] == ["Sales Director"]


@pytest.mark.parametrize(
    "text",
    [
        "event invites: HR directors in Chicago",
        "recruiting for a client: HR directors in Chicago",
        "Recruiter here. Looking for HR directors in Chicago",
        "I'm a recruiter - find HR directors in Chicago",
        "HR directors in Chicago for our conference",
        "I run a coding bootcamp and want to partner with employers. HR directors in Chicago",
    ],
)
def test_the_user_and_the_occasion_are_no_constraint(text):
    assert search(text) == {
        "titles": ["HR Director"],
        "locations": ["Chicago, IL, US"],
        "limit": 25,
    }


def test_a_lead_in_with_constraints_keeps_them():
    f = search("revenue under $1B: CIOs at insurance companies")
    assert f["revenue_usd"] == {"min": None, "max": 1000000000}


def test_a_role_spelled_out_in_brackets_is_one_role():
    assert search("PDG (CEOs) of cosmetics companies in Lyon")["titles"] == ["CEO"]
    assert search("CFOs (verified emails only) at banks")["email_status"] == ["verified"]


@pytest.mark.parametrize(
    "text",
    [
        "Add 10 IT directors at school districts in Pennsylvania to Q2 Leads",
        "add 25 IT directors at school districts in Pennsylvania into Q2 Leads",
    ],
)
def test_search_and_save_to_a_list_the_user_has(text):
    intents = interpret(text, ConversationState(known_list_names=["Q1 Leads", "Q2 Leads"])).intents
    assert [i.kind for i in intents] == [IntentKind.prospect_search, IntentKind.list_add]
    assert intents[1].list_name == "Q2 Leads"
    assert "keywords" not in intents[0].filters


def test_not_already_in_a_list_is_no_save():
    intents = interpret(
        "Find CEOs at law firms in California not already in Q1 Leads",
        ConversationState(known_list_names=["Q1 Leads"]),
    ).intents
    assert [i.kind for i in intents] == [IntentKind.prospect_search]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("I want to pitch brand managers at cosmetics companies", "Brand Manager"),
        ("sourcing civil engineers in Colorado", "Civil Engineer"),
        ("heads of content at SaaS companies", "Head of Content"),
        ("directors of admissions at universities", "Director of Admissions"),
        ("dispatch managers at trucking cos", "Dispatch Manager"),
    ],
)
def test_outreach_verbs_are_no_part_of_a_title(text, title):
    assert search(text)["titles"] == [title]


LISTS = ConversationState(known_list_names=["Q1 Leads", "Dentists AZ", "Event - London Dinner"])


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Create a list named Denver Dentists with 30 owners of dental practices",
            "Denver Dentists",
        ),
        (
            "put 30 heads of people at companies hiring recruiters into a list called TA Buyers",
            "TA Buyers",
        ),
        (
            "i want 30 principals at architecture firms saved into a list named PNW Architects",
            "PNW Architects",
        ),
    ],
)
def test_search_and_save_into_a_new_list(text, name):
    intents = interpret(text, LISTS).intents
    assert [i.kind for i in intents] == [IntentKind.prospect_search, IntentKind.list_create]
    assert intents[1].list_name == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("pls get rid of Dentists AZ, don't need it anymore", "Dentists AZ"),
        ("delete the list called Event - London Dinner", "Event - London Dinner"),
    ],
)
def test_deleting_a_list_by_its_name(text, name):
    (intent,) = interpret(text, LISTS).intents
    assert (intent.kind, intent.list_name) == (IntentKind.list_delete, name)


@pytest.mark.parametrize(
    "text", ["can you call these people for me?", "post this on LinkedIn for me"]
)
def test_what_lexi_cannot_do_is_said(text):
    assert [i.kind for i in interpret(text, LISTS).intents] == [IntentKind.unsupported]
