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


@pytest.mark.parametrize(
    ("text", "employees"),
    [
        ("CEOs at companies with between ten and fifty employees", {"min": 10, "max": 50}),
        ("CEOs at companies between two and five thousand employees", {"min": 2000, "max": 5000}),
        ("CEOs at companies with 1-5k employees", {"min": 1000, "max": 5000}),
        ("CEOs at companies with more than 5.000 employees", {"min": 5001, "max": None}),
        ("CEOs at companies with 50-500 Mitarbeiter", {"min": 50, "max": 500}),
        (
            "CEOs at companies with more than 1k employees but fewer than 5k",
            {"min": 1001, "max": 4999},
        ),
        (
            "CEOs at companies with fewer than 200 employees but more than 50",
            {"min": 51, "max": 199},
        ),
    ],
)
def test_both_ends_of_a_size(text, employees):
    f = search(text)
    assert f["employees"] == employees
    assert f["limit"] == 25


def test_a_revenue_bound_after_a_size_stays_revenue():
    f = search("CFOs at companies with more than 50 employees and less than $10M in revenue")
    assert f["employees"] == {"min": 51, "max": None}
    assert f["revenue_usd"] == {"min": None, "max": 10000000}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("VPs of Sales with an MBA in Chicago", "education"),
        ("CISOs at banks in the UK who are Cambridge alumni", "education"),
        ("IT directors at companies showing intent for endpoint security", "intent_data"),
        ("heads of HR at companies in-market for a new payroll system", "intent_data"),
        ("AEs who have been in their current role for at least 2 years", "tenure"),
        ("VP sales at saas companies whose revenue grew 30% last year", "revenue_growth"),
        ("VPs of marketing at publicly traded retailers", "ownership_type"),
        ("marketing managers at companies that don't use HubSpot", "exclude_technologies"),
    ],
)
def test_what_lexi_cannot_filter_on_is_named_not_searched(text, code):
    intent = interpret(text, ConversationState()).intents[0]
    assert code in intent.unsupported
    assert "keywords" not in intent.filters and "technologies" not in intent.filters


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("CFOs of hospitals based in North Carolina", "company_locations"),
        ("partners at law firms who are based in boston", "locations"),
    ],
)
def test_based_in_after_the_companies_is_their_headquarters(text, where):
    assert where in search(text)


def test_companies_said_first_then_their_people():
    f = search("insurance companies headquartered in Boston, give me their CFOs")
    assert f == {
        "titles": ["CFO"],
        "industries": ["Insurance"],
        "company_locations": ["Boston, MA, US"],
        "limit": 25,
    }


def test_a_degree_school_ends_at_the_next_constraint():
    f = search("software engineers who went to MIT at companies with more than 5,000 employees")
    assert f["employees"] == {"min": 5001, "max": None}
    assert f["limit"] == 25


@pytest.mark.parametrize(
    ("text", "revenue"),
    [
        ("VP of Sales at SaaS companies with 10-50m ARR", {"min": 10000000, "max": 50000000}),
        ("CFOs at companies with $5-25M ARR", {"min": 5000000, "max": 25000000}),
        (
            "COOs at restaurant groups with revenue of at least 25 million but no more than 100 million",
            {"min": 25000000, "max": 100000000},
        ),
        (
            "heads of marketing at CPG companies doing between $50 million and $250 million",
            {"min": 50000000, "max": 250000000},
        ),
    ],
)
def test_both_ends_of_a_revenue(text, revenue):
    f = search(text)
    assert f["revenue_usd"] == revenue
    assert "keywords" not in f
