"""Everyday phrasings of requests the rules already serve in other words: lower-case
abbreviations and region names, questions about what Lexi does, campaign results, two tones in
one request, a list named with a word describing it."""

from __future__ import annotations

import pytest

from lexi.assistant.understanding import ConversationState, IntentKind, interpret


def only(text: str, state: ConversationState | None = None):
    (intent,) = interpret(text, state or ConversationState()).intents
    return intent


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        ("gc fintech nyc", ["General Counsel"]),
        ("gcs at banks in charlotte", ["General Counsel"]),
        ("ae saas denver", ["Account Executive"]),
        ("aes at martech companies", ["Account Executive"]),
    ],
)
def test_lower_case_role_abbreviations_in_terse_requests(text, titles):
    intent = only(text)
    assert intent.kind is IntentKind.prospect_search
    assert intent.filters["titles"] == titles


def test_a_lower_case_abbreviation_mid_sentence_is_still_a_word():
    # "it" and "pe" stay words; an abbreviation not first and not plural is no role
    assert only("make it ceos in ohio").filters["titles"] == ["CEO"]


def test_a_region_written_in_lower_case():
    assert only("controllers in the twin cities").filters["locations"] == [
        "Minneapolis, MN, US",
        "Saint Paul, MN, US",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "what kinds of things can you do for me?",
        "what sorts of things can u do",
        "hi! what types of stuff can you do?",
    ],
)
def test_what_can_you_do(text):
    assert only(text).kind is IntentKind.capabilities


@pytest.mark.parametrize(
    "text",
    ["how are opens and replies looking on my campaign", "how are the replies coming along?"],
)
def test_campaign_results_in_everyday_words(text):
    state = ConversationState(last_campaign_id="c-1")
    assert only(text, state).kind is IntentKind.campaign_stats


@pytest.mark.parametrize(
    ("text", "tone"),
    [
        ("make it sound more casual, less salesy", "casual"),
        ("less salesy and a bit more casual please", "soft"),
        ("make the email less formal", "casual"),
        ("make it less casual", "formal"),
    ],
)
def test_of_two_tones_the_first_named_wins(text, tone):
    intent = only(text, ConversationState(last_campaign_id="c-1"))
    assert intent.kind is IntentKind.email_rewrite and intent.params["tone"] == tone


def test_a_word_describing_a_known_list_is_no_part_of_its_name():
    state = ConversationState(known_list_names=["Law Firms 2025", "Law Firms 2026"])
    intent = only("delete the old Law Firms 2025 list", state)
    assert intent.kind is IntentKind.list_delete and intent.list_name == "Law Firms 2025"
    # a list whose name starts with the word keeps it
    state = ConversationState(known_list_names=["Old Leads"])
    assert only("delete the Old Leads list", state).list_name == "Old Leads"


@pytest.mark.parametrize(
    ("text", "tech"),
    [
        ("plant managers at companies that just moved to SAP", "SAP"),
        ("controllers at firms that recently migrated to netsuite", "NetSuite"),
    ],
)
def test_moving_to_a_technology_is_adopting_it(text, tech):
    f = only(text).filters
    assert f["technologies"] == [tech] and f["technologies_added_within_days"] == 90


def test_moving_to_a_town_is_no_technology():
    f = only("engineers who just moved to Austin").filters
    assert "technologies" not in f and "technologies_added_within_days" not in f


@pytest.mark.parametrize(
    "text", ["yes, approve the deletion", "confirm the launch", "ok approve the send"]
)
def test_approving_names_what_the_task_does(text):
    state = ConversationState(pending_task_ids=["task:1:list_delete"], turn=2)
    assert only(text, state).kind is IntentKind.task_approve


def test_saving_to_a_list_called_a_new_name_creates_it():
    state = ConversationState(
        last_filters={"titles": ["CFO"], "limit": 25},
        last_prospect_ids=["p1"],
        turn=2,
        known_list_names=["Q1 Leads"],
    )
    made = only("save these to a list called TX Benefits", state)
    assert (made.kind, made.list_name, made.list_target) == (
        IntentKind.list_create,
        "TX Benefits",
        "new",
    )
    assert made.selector == {"prospects": "last_results"}
    known = only("add them to a list named Q1 Leads", state)
    assert (known.kind, known.list_name) == (IntentKind.list_add, "Q1 Leads")


@pytest.mark.parametrize(
    ("text", "revenue"),
    [
        (
            "CFOs at banks, leave out companies with revenue above $100M",
            {"min": None, "max": 10**8},
        ),
        ("CTOs in Ohio, exclude companies under $5M in revenue", {"min": 5 * 10**6, "max": None}),
        ("CFOs at banks with revenue over $100M", {"min": 10**8, "max": None}),
    ],
)
def test_a_left_out_revenue_range_is_turned_around(text, revenue):
    assert only(text).filters["revenue_usd"] == revenue


SESSION = ConversationState(
    last_campaign_id="c-1",
    turn=3,
    known_list_names=["Q1 Leads"],
    pending_task_ids=["task:2:campaign_start"],
    last_filters={"titles": ["CFO"], "limit": 25},
    last_prospect_ids=["p1"],
)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("remind me which lists we've got", IntentKind.list_show),
        ("what lists exist?", IntentKind.list_show),
        ("ok fire it off", IntentKind.campaign_start),
        ("yes confirm", IntentKind.task_approve),
        ("yes approved, go", IntentKind.task_approve),
        ("so what can you actually do?", IntentKind.capabilities),
        ("what kinds of signals can you filter on?", IntentKind.capabilities),
        ("what does it charge per contact?", IntentKind.credits),
        ("how much per lead?", IntentKind.credits),
        ("can you pull their direct dials?", IntentKind.unsupported),
    ],
)
def test_short_session_turns(text, kind):
    assert only(text, SESSION).kind is kind


def test_cutting_the_email_in_half_is_shorter():
    intent = only("can you cut it in half", SESSION)
    assert intent.kind is IntentKind.email_rewrite and intent.params["tone"] == "shorter"


@pytest.mark.parametrize(
    ("text", "place"),
    [("cfos hospitals ny", "NY, US"), ("cto saas tx", "TX, US"), ("ceo fintech nj", "NJ, US")],
)
def test_a_terse_request_ends_with_its_place_in_lower_case(text, place):
    assert only(text).filters["locations"] == [place]


def test_a_code_that_is_also_a_word_is_not_read_at_the_end():
    assert "locations" not in (only("find me some cardiologists md").filters or {})


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("dispatch managers at trucking companies in Ohio running 200+ trucks", "fleet_size"),
        ("restaurant owners in Denver with 3 or more locations", "location_count"),
        ("HR managers at companies in Leeds founded after 2015", "founded_year"),
    ],
)
def test_counts_of_other_things_are_named_not_read_as_how_many_people(text, code):
    intent = only(text)
    assert intent.unsupported == [code] and intent.filters["limit"] == 25


def test_seed_stage_is_all_funding_stage():
    f = only("founders at seed stage startups in Lagos").filters
    assert f["funding_stages"] == ["seed"] and "keywords" not in f


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("VP Regulatory Affairs at pharma companies", "VP of Regulatory Affairs"),
        ("SVP Corporate Development at banks", "SVP of Corporate Development"),
        ("Head Clinical Operations, biotech, Boston", "Head of Clinical Operations"),
    ],
)
def test_a_function_written_without_of_stays_in_the_title(text, title):
    assert only(text).filters["titles"] == [title]


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("VPs at pharma companies in NJ + PA", ["NJ, US", "PA, US"]),
        ("VPs at pharma companies in NY & PA", ["NY, US", "PA, US"]),
    ],
)
def test_codes_joined_by_a_sign_are_places(text, places):
    f = only(text).filters
    assert f["locations"] == places and "keywords" not in f and "companies" not in f


@pytest.mark.parametrize(
    ("text", "companies"),
    [
        ("partners at Holmes & Andrews", ["Holmes & Andrews"]),
        ("CFOs at Johnson & Johnson", ["Johnson & Johnson"]),
        ("engineers at Google and Meta", ["Google", "Meta"]),
    ],
)
def test_an_ampersand_joins_one_company_name(text, companies):
    assert only(text).filters["companies"] == companies


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("dentists in scottsdale and chandler", ["Scottsdale, AZ, US", "Chandler, AZ, US"]),
        ("owners in evanston", ["Evanston, IL, US"]),
        ("engineers in austin and reading", ["Austin, TX, US", "Reading, PA, US"]),
    ],
)
def test_a_city_named_like_a_word_in_lower_case_where_only_a_place_fits(text, places):
    assert only(text).filters["locations"] == places


@pytest.mark.parametrize("text", ["cfos in march", "sales managers in mobile"])
def test_a_common_word_after_in_is_still_no_town(text):
    assert "locations" not in only(text).filters


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        ("heads of comms at banks", ["Head of Communications"]),
        ("heads of communications at banks", ["Head of Communications"]),
        ("heads of communication at banks", ["Head of Communications"]),
        ("heads of clinical ops at biotechs", ["Head of Clinical Operations"]),
        ("heads of treasury at banks", ["Head of Treasury"]),
        ("Head of Digital Banking in London", ["Head of Digital Banking"]),
        ("school business managers in Leeds", ["School Business Manager"]),
        ("Reading teachers in Texas", ["Reading Teacher"]),
        ("math teachers in ohio", ["Math Teacher"]),
    ],
)
def test_a_compound_title_keeps_its_function(text, titles):
    f = only(text).filters
    assert f["titles"] == titles and not f.seniorities


def test_a_town_named_like_a_word_is_still_a_town_after_in():
    f = only("teachers in Reading").filters
    assert f["titles"] == ["Teacher"] and f["locations"] == ["Reading, GB"]


def test_a_function_word_after_head_of_does_not_become_an_industry():
    f = only("Head of Digital Banking in London").filters
    assert not f.industries


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("CFOs in TX + OK + LA", ["TX, US", "OK, US", "LA, US"]),
        ("CFOs in TX, OK, LA", ["TX, US", "OK, US", "LA, US"]),
        ("CFOs in TX and LA", ["TX, US", "LA, US"]),
        ("CFOs in LA", ["Los Angeles, CA, US"]),
        ("CFOs in NY and LA", ["NY, US", "Los Angeles, CA, US"]),
        ("CFOs in SF and LA", ["San Francisco, CA, US", "Los Angeles, CA, US"]),
    ],
)
def test_a_city_code_listed_with_state_codes_is_a_state(text, places):
    assert only(text).filters["locations"] == places


@pytest.mark.parametrize(
    "text",
    ["owners of vet practices", "practice managers at vet clinics", "owners of vet hospitals"],
)
def test_vet_practices_are_the_veterinary_industry(text):
    f = only(text).filters
    assert f["industries"] == ["Veterinary"] and not f.keywords


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("can you search by what software a company uses?", "filter_technologies"),
        ("can you filter by funding?", "filter_funding"),
        ("is there a funding filter?", "filter_funding"),
        ("do you have phone numbers?", "phone"),
        ("can you filter by revenue?", "filters"),
        ("hi! can you filter by tech stack?", "filter_technologies"),
    ],
)
def test_a_question_about_what_lexi_filters_on_is_answered_not_searched(text, topic):
    intent = only(text)
    assert intent.kind is IntentKind.capabilities and intent.params["topic"] == topic


@pytest.mark.parametrize("text", ["do you have any CFOs in Boston?", "can you find CFOs in Ohio?"])
def test_a_question_naming_people_still_searches(text):
    assert only(text).kind is IntentKind.prospect_search


def test_asking_for_their_numbers_is_a_request_not_a_question_about_filters():
    state = ConversationState(
        last_filters={"titles": ["CFO"], "limit": 25}, last_prospect_ids=["p1"]
    )
    assert only("do you have their phone numbers?", state).kind is IntentKind.unsupported


@pytest.mark.parametrize(
    "text", ["push them to outreach", "sync them with hubspot", "send them to apollo"]
)
def test_pushing_people_to_a_crm_or_engagement_tool_is_named_as_such(text):
    state = ConversationState(
        last_filters={"titles": ["CFO"], "limit": 25}, last_prospect_ids=["p1"]
    )
    intent = only(text, state)
    assert intent.kind is IntentKind.unsupported and intent.params["reason"] == "crm_push"


def test_a_list_named_outreach_is_still_a_list():
    state = ConversationState(
        last_filters={"titles": ["CFO"], "limit": 25},
        last_prospect_ids=["p1"],
        known_list_names=["GC Outreach"],
    )
    assert only("add them to GC Outreach", state).kind is IntentKind.list_add
    assert only("add them to my outreach list", state).kind is IntentKind.list_add


def test_the_reply_names_the_crm_push():
    from lexi.assistant import writer

    said = writer.sentence(
        {"type": "unsupported", "status": "failed", "error": "not_available", "reason": "crm_push"}
    )
    assert "CRM" in said


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        ("ex-Deloitte controllers in Ohio", ["Controller"]),
        ("former McKinsey consultants in NYC", ["Consultant"]),
    ],
)
def test_a_past_employer_is_named_as_unsupported_not_searched_as_a_company(text, titles):
    intent = only(text)
    assert intent.filters["titles"] == titles and not intent.filters.companies
    assert intent.unsupported == ["past_employer"]


def test_a_past_role_is_no_past_employer():
    assert only("ex-CFOs in Ohio").unsupported == []


@pytest.mark.parametrize(
    ("text", "companies", "places"),
    [
        ("Find people at Maersk in Copenhagen", ["Maersk"], ["Copenhagen, DK"]),
        ("Maersk in Copenhagen", ["Maersk"], ["Copenhagen, DK"]),
        ("engineers at Google in London", ["Google"], ["London, GB"]),
    ],
)
def test_a_company_name_followed_by_a_place(text, companies, places):
    intent = only(text)
    assert intent.kind is IntentKind.prospect_search
    assert intent.filters["companies"] == companies and intent.filters["locations"] == places
    assert not intent.filters.keywords


def test_a_word_before_a_place_is_no_company():
    (search,) = interpret("Find CEOs at law firms. Only in New York.", ConversationState()).intents
    assert not search.filters.companies


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("gerentes generales en Ciudad de México", ["Mexico City, MX"]),
        ("gerentes generales en Ciudad de Mexico", ["Mexico City, MX"]),
        ("gerentes generales en CDMX", ["Mexico City, MX"]),
    ],
)
def test_a_spanish_request_with_known_words_searches(text, places):
    intent = only(text)
    assert intent.kind is IntentKind.prospect_search
    assert intent.filters["titles"] == ["General Manager"] and intent.filters["locations"] == places
