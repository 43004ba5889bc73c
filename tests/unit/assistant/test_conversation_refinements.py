"""Refinements that keep the conversation's context: going back to an earlier search after
other requests, and changes that name only what changes."""

from __future__ import annotations

from lexi.assistant.understanding import interpret
from lexi.assistant.understanding.evaluation import advance, next_turn
from lexi.assistant.understanding.types import ConversationState, IntentKind
from tests.helpers.conversation import one_intent as _one
from tests.helpers.conversation import searched as _search
from tests.helpers.conversation import state_after


def _after(*turns: list[dict]) -> ConversationState:
    return state_after(*turns, known=["Austin Tech"])


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


SALES = {
    "titles": ["Sales Director"],
    "industries": ["Insurance"],
    "locations": ["GB"],
    "employees": {"min": 500, "max": None},
    "limit": 25,
}


def _refined(text: str, base: dict) -> dict:
    got = _one(text, _after(_search(base)))
    assert got.kind is IntentKind.prospect_search and got.refinement, got
    assert got.filters is not None
    return got.filters


def test_a_new_role_alone_swaps_the_role_and_keeps_the_rest():
    assert _refined("change to head of sales", SALES) == {**SALES, "titles": ["Head of Sales"]}
    assert _refined("wat about controller", SALES) == {**SALES, "titles": ["Controller"]}
    assert _refined("and the CTO?", SALES) == {**SALES, "titles": ["CTO"]}
    assert _refined("and CFOs too", SALES)["titles"] == ["Sales Director", "CFO"]


def test_the_other_n_is_the_next_page():
    state = _after(_search(SALES))
    got = _one("other 25", state)
    assert got.offset == 25 and got.filters == SALES


def test_funding_stages_are_removed_replaced_and_added():
    funded = {"titles": ["CTO"], "funding_stages": ["series_a", "series_b"], "limit": 25}
    assert _refined("remove series b", funded)["funding_stages"] == ["series_a"]
    a = {**funded, "funding_stages": ["series_a"]}
    assert _refined("make it seed instead of series a", a)["funding_stages"] == ["seed"]
    assert _refined("include Series B", a)["funding_stages"] == ["series_a", "series_b"]
    assert _refined("replace series a with series c", a)["funding_stages"] == ["series_c"]
    assert "funding_stages" not in _refined("no series a", a)


def test_places_replaced_widened_and_switched():
    ny = {"titles": ["Director of Procurement"], "locations": ["NY, US"], "limit": 25}
    assert _refined("replace New York with New Jersey", ny) == {**ny, "locations": ["NJ, US"]}
    austin = {"titles": ["Account Executive"], "locations": ["Austin, TX, US"], "limit": 25}
    assert _refined("and drop austin, whole state", austin) == {**austin, "locations": ["TX, US"]}
    boston = {"titles": ["Analyst"], "locations": ["Boston, MA, US"], "limit": 25}
    assert _refined("and in New York instead", boston)["locations"] == ["New York, NY, US"]
    assert _refined("and in New York too", boston)["locations"] == [
        "Boston, MA, US",
        "New York, NY, US",
    ]


def test_saving_to_a_new_list_after_a_search_saves_the_results():
    state = _after(_search(SALES))
    for text in (
        "save as a new list 'Texas Enterprise CTOs'",
        "save to new list MSP Owners IN-KY",
        "make new list 'Fashion EU'",
        "Please save the managing partners into a new list named Chicago Law MPs.",
    ):
        got = _one(text, state)
        assert got.kind is IntentKind.list_create, text
        assert got.selector == {"prospects": "last_results"}, text
    assert _one("create an empty list called Paris Events", state).selector == {}
    # Two turns after the search, "make a new list" is just a list; saving still saves them.
    later = _after(_search(SALES), [{"kind": "credits"}])
    assert _one("make a new list called Events", later).selector == {}
    assert _one("save to a new list called Events", later).selector == {"prospects": "last_results"}


def test_it_is_the_list_the_conversation_used_last():
    state = _after(
        _search(SALES),
        [{"kind": "list_create", "list_name": "UK Sales", "list_target": "new"}],
    )
    got = _one("how many ended up in it?", state)
    assert (got.kind, got.list_name, got.list_target) == (IntentKind.list_stats, "UK Sales", "last")
    got = _one("export it csv", state)
    assert (got.kind, got.list_name, got.list_target) == (
        IntentKind.list_export,
        "UK Sales",
        "last",
    )


def test_the_campaign_the_conversation_is_about_is_edited_and_started():
    state = _after([{"kind": "campaign_create"}])
    got = _one("short it more", state)
    assert got.kind is IntentKind.email_rewrite and got.params["tone"] == "shorter"
    got = _one("email is too formal, make more casual pls", state)
    assert got.kind is IntentKind.email_rewrite and got.params["tone"] == "casual"
    assert _one("ok start", state).kind is IntentKind.campaign_start
    assert _one("pause it pls", state).kind is IntentKind.campaign_pause
    assert _one("ok start", _after(_search(SALES))).kind is IntentKind.clarify


def test_the_list_named_after_which_list_completes_the_request():
    state = _after(_search(SALES))
    state.known_list_names = ["Q1 Leads", "Partners"]
    asking = _one("add them to the list", state)
    assert asking.kind is IntentKind.clarify and asking.missing == ["list"]
    advance(state, interpret("add them to the list", state))
    next_turn(state)
    got = _one("Q1 Leads", state)
    assert (got.kind, got.list_name, got.list_target, got.selector) == (
        IntentKind.list_add,
        "Q1 Leads",
        "named",
        {"prospects": "last_results"},
    )
    # Only the next turn answers; later the name alone is no request to add.
    next_turn(state)
    assert _one("Q1 Leads", state).kind is not IntentKind.list_add


def test_two_numbers_in_words_stay_two():
    from lexi.assistant.understanding.text import words_to_digits

    assert words_to_digits("between fifty and two hundred employees") == (
        "between 50 and 200 employees"
    )
    assert words_to_digits("two hundred and fifty CFOs") == "250 CFOs"
    assert words_to_digits("one hundred and twenty and two hundred") == "120 and 200"
    assert words_to_digits("two thousand and five hundred") == "2500"


def test_a_bound_without_a_unit_changes_the_size_the_search_has():
    sized = {**CFOS, "employees": {"min": None, "max": 250}}
    assert _refined("actually at least 250", sized) == {
        **sized,
        "employees": {"min": 250, "max": None},
    }
    assert _refined("no more than 500", sized)["employees"] == {"min": None, "max": 500}
    rich = {**CFOS, "revenue_usd": {"min": 1_000_000, "max": None}}
    assert _refined("actually at least $5m", rich)["revenue_usd"] == {
        "min": 5_000_000,
        "max": None,
    }
    # Without a size in the search, a number is still how many people.
    assert _refined("at least 50", CFOS)["limit"] == 50


def test_places_of_one_country_settle_each_other_before_the_search_they_refine():
    vancouver = {"titles": ["CTO"], "locations": ["Vancouver, BC, CA"], "limit": 25}
    assert _refined("same in Sydney and Melbourne", vancouver)["locations"] == [
        "Sydney, NSW, AU",
        "Melbourne, VIC, AU",
    ]


def test_saving_and_drafting_in_one_message():
    state = _after(_search(CFOS))
    state.known_list_names = ["Q1 Leads"]
    got = interpret(
        "add them to Q1 Leads and write them an intro email about our treasury API", state
    ).intents
    assert [i.kind for i in got] == [IntentKind.list_add, IntentKind.email_draft]


def test_rather_than_all_of_a_role_replaces_it():
    leaders = {
        "titles": ["C-Level of IT", "VP of IT", "Head of IT", "Director of IT"],
        "industries": ["Higher Education"],
        "limit": 25,
    }
    got = _refined("could we look at CIOs specifically rather than all IT leaders?", leaders)
    assert got == {**leaders, "titles": ["CIO"]}


def test_until_between_two_sizes_is_a_range():
    got = _one("i need cto for saas company in germny, company size 50 until 200", _after())
    assert got.filters is not None
    assert got.filters["employees"] == {"min": 50, "max": 200}
    assert got.filters["limit"] == 25


def test_a_whole_terse_request_after_a_search_is_a_new_search():
    state = _after(_search({**CFOS, "employees": {"min": 50, "max": 200}}))
    got = _one("Law firm managing partners in Chicago, verified emails only", state)
    assert not got.refinement
    assert got.filters is not None and got.filters.to_dict() == {
        "titles": ["Managing Partner"],
        "industries": ["Law Practice"],
        "locations": ["Chicago, IL, US"],
        "email_status": ["verified"],
        "limit": 25,
    }
    # "only" leading a clause still narrows the search.
    assert _one("just the CTOs in Texas", state).refinement


def test_a_role_then_swaps_the_role():
    assert _refined("ok, controllers then", CFOS) == {**CFOS, "titles": ["Controller"]}


def test_an_earlier_search_named_by_its_place_or_again():
    state = _after(_search(CFOS), _search(VP_ENG))
    for text in (
        "go back to the first search",
        "back to the previous search",
        "let's return to the CFO search",
        "show me the hospital ones again",
        "re-run the CFO search",
    ):
        got = _one(text, state)
        assert got.refinement and got.filters == CFOS, text
    got = _one("the CFOs again but in Michigan", state)
    assert got.filters == {**CFOS, "locations": ["MI, US"]}
    got = _one("what about the CFO search, add Indiana", state)
    assert got.filters == {**CFOS, "locations": ["OH, US", "IN, US"]}
    # With one search there is no previous one to go back to.
    assert _one("back to the previous search", _after(_search(CFOS))).kind is IntentKind.clarify


def test_the_name_given_after_what_to_call_the_list_creates_it():
    state = _after(_search(CFOS))
    asking = _one("save these to a new list", state)
    assert asking.kind is IntentKind.clarify and asking.missing == ["list_name"]
    advance(state, interpret("save these to a new list", state))
    next_turn(state)
    got = _one("Ohio Hospital CFOs", state)
    assert (got.kind, got.list_name, got.list_target, got.selector) == (
        IntentKind.list_create,
        "Ohio Hospital CFOs",
        "new",
        {"prospects": "last_results"},
    )
    # A request of its own is no name.
    assert _one("find CTOs in Ohio", state).kind is IntentKind.prospect_search


XERO = {**FLEET, "technologies": ["Xero"]}


def _refinement_of(text: str, state: ConversationState) -> dict:
    (intent,) = interpret(text, state).intents
    assert intent.kind is IntentKind.prospect_search and intent.refinement
    return intent.filters.to_dict()


def test_a_value_of_the_search_is_taken_back_by_name():
    for text in ("never mind xero", "drop Xero", "hmm remove the xero part", "forget about xero"):
        assert _refinement_of(text, _after(_search(XERO))) == FLEET, text


def test_taking_back_the_last_technology_drops_its_time_span():
    adopted = {**XERO, "technologies_added_within_days": 90}
    assert _refinement_of("hmm drop the xero part", _after(_search(adopted))) == FLEET


def test_a_company_is_taken_back_by_name_and_the_others_stay():
    two = {"titles": ["CFO"], "companies": ["Stripe", "Ramp"], "limit": 25}
    assert _refinement_of("drop ramp", _after(_search(two)))["companies"] == ["Stripe"]


def test_a_filter_named_by_its_kind_is_cleared():
    rich = {**CFOS, "revenue_usd": {"min": 5_000_000, "max": 25_000_000}}
    assert _refinement_of("forget about revenue", _after(_search(rich))) == CFOS


def test_remove_that_again_takes_back_the_last_change():
    newer = {**CFOS, "job_change_within_days": 180}
    state = _after(_search(CFOS), _search(newer))
    for text in ("hmm remove that again", "undo the last filter", "take that back out"):
        assert _refinement_of(text, state) == CFOS, text


def test_a_value_the_search_does_not_have_is_not_refinement_of():
    (intent,) = interpret("never mind salesforce", _after(_search(XERO))).intents
    assert intent.kind is not IntentKind.prospect_search or intent.filters.technologies != []


CRE_NJ = {
    "titles": ["President"],
    "industries": ["Commercial Real Estate"],
    "locations": ["NJ, US"],
    "limit": 25,
}


def test_a_place_said_again_of_the_companies_moves_to_them():
    moved = {k: v for k, v in CRE_NJ.items() if k != "locations"}
    moved["company_locations"] = ["NJ, US"]
    for text in (
        "I mean companies based in NJ, not where the person lives",
        "actually companies headquartered in New Jersey",
        "no, I meant the company is in NJ, the person can sit anywhere",
    ):
        assert _refinement_of(text, _after(_search(CRE_NJ))) == moved, text


def test_only_companies_based_there_keeps_the_people_there_too():
    got = _refinement_of("only companies headquartered in NJ", _after(_search(CRE_NJ)))
    assert got["locations"] == ["NJ, US"] and got["company_locations"] == ["NJ, US"]


STRIPE_RAMP = {"titles": ["CFO"], "companies": ["Stripe", "Ramp"], "limit": 25}


def test_a_company_added_in_lower_case_joins_the_search_companies():
    got = _refinement_of("add convoy too", _after(_search(STRIPE_RAMP)))
    assert got["companies"] == ["Stripe", "Ramp", "Convoy"]
    got = _refinement_of("also samsara and motive", _after(_search(STRIPE_RAMP)))
    assert got["companies"] == ["Stripe", "Ramp", "Samsara", "Motive"]


def test_a_place_or_role_added_to_a_company_search_is_no_company():
    got = _refinement_of("add Texas too", _after(_search(STRIPE_RAMP)))
    assert got["companies"] == ["Stripe", "Ramp"] and got["locations"] == ["TX, US"]


def test_a_dash_before_a_place_adds_it_like_a_plus():
    got = _refinement_of("- nyc", _after(_search(CFOS)))
    assert got["locations"] == ["OH, US", "New York, NY, US"]


def test_the_search_places_said_again_of_the_companies_move_to_them():
    text = "sorry i meant companies headquarterd in those states, not where the person lives"
    got = _refinement_of(text, _after(_search({**CFOS, "locations": ["AZ, US", "NV, US"]})))
    assert got["company_locations"] == ["AZ, US", "NV, US"] and "locations" not in got
