"""What users type in the middle of a conversation: questions about what a word means, terse
edits of the last search, asks Lexi cannot serve, and the corrections around them. Each class is
tested with phrasings of its own, not the lines of the scored batches."""

from __future__ import annotations

import pytest

from lexi.assistant import phrases, writer
from lexi.assistant.understanding import interpret
from lexi.assistant.understanding.concepts import question, topic_of
from lexi.assistant.understanding.evaluation import advance, labelled, next_turn
from lexi.assistant.understanding.types import ConversationState, IntentKind

CFOS = {
    "titles": ["CFO"],
    "industries": ["Banking"],
    "locations": ["Austin, TX, US", "Houston, TX, US"],
    "employees": {"min": 50, "max": 500},
    "revenue_usd": {"min": 10_000_000, "max": None},
    "limit": 25,
}
FOUNDERS = {
    "seniorities": ["founder"],
    "industries": ["Computer Software"],
    "locations": ["Berlin, DE"],
    "funding_stages": ["series_a"],
    "limit": 25,
}
HIRING = {
    "titles": ["VP of Sales"],
    "locations": ["Chicago, IL, US"],
    "hiring_for": {"titles": ["Account Executive"]},
    "limit": 25,
}
HQ = {
    "titles": ["General Counsel"],
    "company_locations": ["Atlanta, GA, US"],
    "limit": 25,
}
DENTISTS = {
    "seniorities": ["owner"],
    "industries": ["Veterinary"],
    "locations": ["Tampa, FL, US"],
    "limit": 25,
}


def _after(*turns: list[dict]) -> ConversationState:
    state = ConversationState(known_list_names=["Texas Banks"])
    for intents in turns:
        next_turn(state)
        advance(state, labelled(intents))
    next_turn(state)
    return state


def _search(filters: dict, refinement: bool = False) -> list[dict]:
    return [{"kind": "prospect_search", "filters": filters, "refinement": refinement}]


def _one(text: str, state: ConversationState):
    intents = interpret(text, state).intents
    assert len(intents) == 1, intents
    return intents[0]


# ------------------------------------------------------------------ what a word means


class TestConceptQuestions:
    @pytest.mark.parametrize(
        ("text", "topic"),
        [
            ("sorry, what exactly does 'verified' mean?", "email_verified"),
            ("what do you mean by guessed emails", "email_guessed"),
            ("whats an accept-all domain?", "email_catch_all"),
            ("what is a catch all address", "email_catch_all"),
            ("how do you measure fast-growing companies?", "headcount_growth"),
            ("what counts as recently funded", "recently_funded"),
            ("what does the status column stand for", "email_status"),
            ("how do you work out who is new in their role?", "new_in_role"),
            ("what does unavailable mean next to an email", "email_unavailable"),
            ("whats the difference between a verified and a catch-all email", "email_catch_all"),
            ("is guessed the same thing as unverified?", "email_guessed"),
        ],
    )
    def test_a_question_about_a_word_is_answered_not_searched(self, text, topic):
        state = _after(_search(CFOS))
        got = _one(text, state)
        assert got.kind is IntentKind.capabilities
        assert got.params == {"topic": topic}

    def test_a_question_about_an_unknown_word_lists_what_lexi_does(self):
        got = _one("what does ICP mean here?", _after(_search(CFOS)))
        assert got.kind is IntentKind.capabilities and "topic" not in got.params

    @pytest.mark.parametrize(
        "text",
        [
            "what's in Texas Banks now?",
            "what's a good way to find hospital CFOs",
            "verified emails only",
            "what about guessed emails too",
        ],
    )
    def test_requests_that_only_mention_a_concept_are_not_questions_about_it(self, text):
        assert question(text, [])[0] is False or topic_of(text) is None

    def test_a_search_naming_a_concept_still_searches(self):
        state = _after(_search(CFOS))
        got = _one("only the ones with verified emails", state)
        assert got.kind is IntentKind.prospect_search
        assert got.filters.email_status == ["verified"]

    @pytest.mark.parametrize("topic", sorted(phrases.CONCEPTS))
    def test_every_concept_has_an_answer_with_its_numbers(self, topic):
        said = writer.sentence({"type": "capabilities", "status": "completed", "topic": topic})
        assert said and "{" not in said and said != phrases.capabilities([])

    def test_growing_fast_is_answered_with_the_rules_threshold(self):
        said = writer.sentence(
            {"type": "capabilities", "status": "completed", "topic": "headcount_growth"}
        )
        assert "20%" in said


# ------------------------------------------------------------------ terse edits of the last search


class TestTerseFollowUps:
    @pytest.mark.parametrize(
        "text", ["just the verified ones then", "ok, verified addresses only", "just verified pls"]
    )
    def test_verified_only(self, text):
        got = _one(text, _after(_search(CFOS)))
        assert got.kind is IntentKind.prospect_search and got.refinement
        assert got.filters.email_status == ["verified"]
        assert got.filters.locations == CFOS["locations"]

    @pytest.mark.parametrize("text", ["+ dallas", "+ Dallas", "plus Dallas", "add Dallas"])
    def test_a_plus_adds_a_place(self, text):
        got = _one(text, _after(_search(CFOS)))
        assert got.filters.locations == [*CFOS["locations"], "Dallas, TX, US"]

    @pytest.mark.parametrize(("text", "place"), [("add nyc", "New York, NY, US"), ("+ sf", None)])
    def test_a_lower_case_place_code_after_add(self, text, place):
        got = _one(text, _after(_search(CFOS)))
        assert len(got.filters.locations) == 3
        if place:
            assert got.filters.locations[-1] == place

    def test_a_bare_funding_stage_joins_the_stages_in_their_order(self):
        got = _one("and seed as well", _after(_search(FOUNDERS)))
        assert got.filters.funding_stages == ["seed", "series_a"]
        assert got.filters.locations == ["Berlin, DE"]

    def test_another_funding_stage_after_and_joins_them(self):
        got = _one("and series B", _after(_search(FOUNDERS)))
        assert got.filters.funding_stages == ["series_a", "series_b"]

    def test_minus_a_place_drops_it(self):
        got = _one("minus Houston", _after(_search(CFOS)))
        assert got.filters.locations == ["Austin, TX, US"]
        assert not got.filters.exclude_locations

    def test_abbreviated_year(self):
        got = _one("only ones that raised this yr", _after(_search(FOUNDERS)))
        assert got.filters.last_funding is not None
        assert got.filters.last_funding["after"].endswith("-01-01")

    def test_a_span_in_words(self):
        got = _one("only jobs posted in the past three weeks", _after(_search(HIRING)))
        assert got.filters.hiring_for["posted_within_days"] == 21

    @pytest.mark.parametrize(
        ("text", "gone"),
        [
            ("get rid of the revenue filter", "revenue_usd"),
            ("lose the size constraint", "employees"),
            ("ditch the headcount filter please", "employees"),
            ("no revenue minimum", "revenue_usd"),
        ],
    )
    def test_removing_one_filter_keeps_every_other(self, text, gone):
        got = _one(text, _after(_search(CFOS)))
        expected = {k: v for k, v in CFOS.items() if k != gone}
        assert got.filters == expected

    @pytest.mark.parametrize("text", ["remove the location filter", "lose the geography bit"])
    def test_removing_the_location_clears_headquarters_too(self, text):
        got = _one(text, _after(_search(HQ)))
        assert got.filters == {"titles": ["General Counsel"], "limit": 25}

    def test_people_anywhere_keeps_their_companies_place(self):
        got = _one("the people themselves can be anywhere", _after(_search(HQ)))
        assert got.filters.company_locations == ["Atlanta, GA, US"]

    def test_forgetting_a_signal_by_its_name(self):
        state = _after(_search({**HQ, "job_change_within_days": 90}))
        got = _one("skip the job-change part", state)
        assert got.filters == HQ

    @pytest.mark.parametrize(
        "text", ["never mind the job postings", "forget the open roles", "drop the vacancies"]
    )
    def test_forgetting_the_postings_clears_the_hiring_filter(self, text):
        got = _one(text, _after(_search(HIRING)))
        assert got.filters.hiring_for is None
        assert got.filters.titles == ["VP of Sales"]

    @pytest.mark.parametrize(
        "text",
        [
            "how much did that one cost?",
            "what did the last search cost me",
            "how many credits did that use up?",
            "how much has this cost so far",
            "and how much was that",
            "what have we spent on this",
        ],
    )
    def test_asking_what_it_cost_is_a_credits_question(self, text):
        assert _one(text, _after(_search(CFOS))).kind is IntentKind.credits

    def test_a_cost_question_without_a_search_is_still_about_credits(self):
        assert _one("how much did that cost me", ConversationState()).kind is IntentKind.credits


# ------------------------------------------------------------------ what Lexi cannot do


class TestUnsupportedMidSession:
    @pytest.mark.parametrize(
        "text",
        [
            "could you grab their mobile numbers as well",
            "do you have direct dials for these?",
            "send everyone a linkedin connection request",
            "connect with all of them on linkedin pls",
            "sync these people into salesforce",
            "export them to our CRM",
            "load the list into pipedrive",
            "build me a cold-call script for them",
            "put them in a calling cadence",
            "do any of them owe back taxes?",
            "run a background check on the first one",
            "can you forecast which ones will churn",
            "please enrich these with personal emails",
        ],
    )
    def test_asks_lexi_cannot_serve_are_unsupported(self, text):
        state = _after(_search(CFOS), [{"kind": "list_add", "list_name": "Texas Banks"}])
        got = _one(text, state)
        assert got.kind is IntentKind.unsupported

    @pytest.mark.parametrize(
        ("text", "kind"),
        [
            ("CFOs at banks using Salesforce", IntentKind.prospect_search),
            ("get me CTOs at companies with HubSpot", IntentKind.prospect_search),
            ("add them to Texas Banks", IntentKind.list_add),
            ("tax advisors in Ohio", IntentKind.prospect_search),
        ],
    )
    def test_the_same_words_in_a_supported_request(self, text, kind):
        assert interpret(text, _after(_search(CFOS))).intents[0].kind is kind


# ------------------------------------------------------------------ other conversation behaviour


class TestConversationBehaviour:
    def test_a_place_added_to_a_search_placed_by_headquarters_is_a_headquarters(self):
        got = _one("add Savannah", _after(_search(HQ)))
        assert got.filters.company_locations == ["Atlanta, GA, US", "Savannah, GA, US"]
        assert not got.filters.locations

    def test_a_place_for_the_people_stays_theirs(self):
        got = _one("only people who live in Savannah", _after(_search(HQ)))
        assert got.filters.locations == ["Savannah, GA, US"]
        assert got.filters.company_locations == ["Atlanta, GA, US"]

    def test_add_before_a_company_noun_is_no_keyword(self):
        got = _one("add firms headquartered in Macon", _after(_search(HQ)))
        assert not got.filters.keywords
        assert got.filters.company_locations == ["Atlanta, GA, US", "Macon, GA, US"]

    def test_taking_a_place_back_drops_it(self):
        got = _one("on second thought, not Houston", _after(_search(CFOS)))
        assert got.filters.locations == ["Austin, TX, US"]
        assert not got.filters.exclude_locations

    def test_not_a_place_without_taking_it_back_excludes_it(self):
        got = _one("not Houston", _after(_search(CFOS)))
        assert got.filters.exclude_locations == ["Houston, TX, US"]

    def test_keeping_the_earlier_places_after_a_replacement(self):
        swapped = {**CFOS, "locations": ["OK, US"]}
        state = _after(_search(CFOS), _search(swapped, refinement=True))
        got = _one("I meant as well, keep the Texas cities too", state)
        assert got.filters.locations == ["Austin, TX, US", "Houston, TX, US", "OK, US"]

    def test_a_noun_that_restates_the_kind_of_company_keeps_the_industry(self):
        got = _one("only clinics with 5 to 20 employees", _after(_search(DENTISTS)))
        assert got.filters.industries == ["Veterinary"]
        assert got.filters.employees == {"min": 5, "max": 20}

    def test_a_qualified_noun_is_another_kind_of_company(self):
        got = _one("what about medical clinics instead", _after(_search(DENTISTS)))
        assert got.filters.industries == ["Medical Practice"]

    def test_open_positions_for_a_role_is_a_hiring_filter(self):
        got = _one(
            "only companies that have open roles for a payroll specialist", _after(_search(HQ))
        )
        assert got.filters.hiring_for == {"titles": ["Payroll Specialist"]}
        assert got.filters.titles == ["General Counsel"]

    def test_a_new_list_with_a_name(self):
        got = _one("put them in a new list under the name Gulf Coast CFOs", _after(_search(CFOS)))
        assert got.kind is IntentKind.list_create
        assert got.list_name == "Gulf Coast CFOs"

    def test_a_tone_with_a_reason_rewrites_the_campaign(self):
        state = _after(_search(CFOS), [{"kind": "campaign_create", "list_name": "Texas Banks"}])
        got = _one("more formal please, bankers in Texas are old school", state)
        assert got.kind is IntentKind.email_rewrite
        assert got.params["tone"] == "formal"

    def test_a_tone_with_a_reason_and_no_campaign_is_the_tone_alone(self):
        # The reason is a remark: neither a search ("old school" is no school) nor a change to
        # the last one; the tone is read as it is without it (the planner says there is no
        # campaign to rewrite yet).
        got = _one("more formal please, bankers in Texas are old school", _after(_search(CFOS)))
        plain = _one("more formal please", _after(_search(CFOS)))
        assert (got.kind, got.params, got.filters) == (plain.kind, plain.params, None)

    def test_what_the_user_does_is_not_a_second_search(self):
        got = interpret(
            "We place accountants. Find controllers at hospitals in Ohio", ConversationState()
        ).intents
        assert [i.kind for i in got] == [IntentKind.prospect_search]
        assert got[0].filters.titles == ["Controller"]

    @pytest.mark.parametrize(
        "text", ["nah cancel that task", "ok scrap the search", "nope, don't run it"]
    )
    def test_cancelling_the_pending_task_with_a_leading_word(self, text):
        state = ConversationState(pending_task_ids=["t1"])
        assert _one(text, state).kind is IntentKind.task_dismiss


# ------------------------------------------------------------------ words the conversations used


class TestSpelledOutFunctions:
    @pytest.mark.parametrize(
        ("text", "title"),
        [
            ("directors of corporate citizenship at insurers", "Director of Corporate Citizenship"),
            ("VPs of e-commerce at retailers", "VP of E-commerce"),
            ("head of social impact at banks", "Head of Social Impact"),
        ],
    )
    def test_a_lower_case_function_stays_whole(self, text, title):
        got = _one(text, ConversationState())
        assert got.filters.titles == [title]

    def test_a_technology_edition_is_not_its_product(self):
        got = _one("only the ones running Shopify Plus", _after(_search(CFOS)))
        assert got.filters.technologies == ["Shopify Plus"]
