"""Turns that change what a conversation has: saving the results under a new name and asking
how big the list is, a technology or a hiring role added to the search, one title swapped among
several, words that restate the search or give a reason, asks Lexi cannot serve, the email of a
campaign changed without a verb, a place said to be the companies' or the people's, a campaign's
topic after "on" or "around", a postscript, what waits for approval, some of the places
replaced, a list named after a sales tool, a correction said in many ways ("sorry not biotech,
medical devices", "I typed Providence but I meant Portsmouth NH"), a state code in lower case after
a city, and an aside after the request ("VPs never answer us", "my manager will want to see it"). Each class is tested with phrasings of its own, not the lines of the scored batches."""

from __future__ import annotations

from typing import ClassVar

import pytest

from lexi.assistant.understanding import interpret
from lexi.assistant.understanding.evaluation import advance, labels_day, next_turn
from lexi.assistant.understanding.types import ConversationState, IntentKind
from tests.helpers.conversation import one_intent as _one
from tests.helpers.conversation import searched as _search
from tests.helpers.conversation import state_after

_after = state_after

BANKERS = {
    "titles": ["CFO", "Risk Manager"],
    "industries": ["Banking"],
    "locations": ["TX, US"],
    "limit": 25,
}
SAAS = {
    "titles": ["CTO"],
    "industries": ["Computer Software"],
    "locations": ["Berlin, DE"],
    "technologies": ["Salesforce"],
    "limit": 25,
}


def _refined(text: str, filters: dict) -> dict:
    got = _one(text, _after(_search(filters)))
    assert got.kind is IntentKind.prospect_search and got.refinement, got
    return got.filters.to_dict()


# ------------------------------------------------------------------ saving under a new name


class TestSavingUnderANewName:
    @pytest.mark.parametrize(
        ("text", "name"),
        [
            ("save to Lone Star Banks", "Lone Star Banks"),
            ("ok save to Gulf Coast Risk 2027 pls", "Gulf Coast Risk 2027"),
            ("store these in Q3 Bank Targets", "Q3 Bank Targets"),
            ("save them into TX Treasury", "TX Treasury"),
            ("save those to 'Houston Money People'", "Houston Money People"),
            ("save to dallas cfos", "dallas cfos"),
            ("stash these under Expo Leads 2027", "Expo Leads 2027"),
        ],
    )
    def test_a_name_no_list_has_is_a_new_list_of_the_results(self, text, name):
        got = _one(text, _after(_search(BANKERS), known=["Q1 Leads"]))
        assert got.kind is IntentKind.list_create
        assert (got.list_name, got.list_target) == (name, "new")
        assert got.selector == {"prospects": "last_results"}

    def test_a_selection_of_the_results_is_kept(self):
        got = _one("save the first 5 to Top Texas Banks", _after(_search(BANKERS)))
        assert got.kind is IntentKind.list_create
        assert got.selector == {"prospects": "last_results", "first": 5}

    @pytest.mark.parametrize(
        "text",
        ["save to Lone Star Banks", "save these to lone star banks", "store them in Q1 Leads"],
    )
    def test_a_list_the_user_has_is_added_to(self, text):
        got = _one(text, _after(_search(BANKERS), known=["Lone Star Banks", "Q1 Leads"]))
        assert got.kind is IntentKind.list_add and got.list_target == "named"

    def test_the_list_made_a_turn_ago_is_added_to(self):
        made = [{"kind": "list_create", "list_name": "Lone Star Banks", "list_target": "new"}]
        state = _after(_search(BANKERS), made, _search(BANKERS))
        got = _one("save these to Lone Star Banks", state)
        assert got.kind is IntentKind.list_add and got.list_name == "Lone Star Banks"

    def test_my_list_says_it_exists(self):
        got = _one("save them to my Conference list", _after(_search(BANKERS)))
        assert got.kind is IntentKind.list_add and got.list_name == "Conference"

    @pytest.mark.parametrize(
        "text",
        [
            "save to csv",
            "save to google sheets",
            "save to hubspot",
            "save to my crm",
            "save in texas",
        ],
    )
    def test_a_file_a_system_or_a_place_is_no_list(self, text):
        got = interpret(text, _after(_search(BANKERS))).intents
        assert IntentKind.list_create not in [i.kind for i in got], got

    def test_a_known_name_inside_a_longer_one_is_not_that_list(self):
        got = _one("save to Texas Fintech", _after(_search(BANKERS), known=["Texas"]))
        assert got.kind is IntentKind.list_create and got.list_name == "Texas Fintech"

    def test_without_results_it_is_no_save_of_them(self):
        got = interpret("save to Lone Star Banks", _after()).intents
        assert IntentKind.list_create not in [i.kind for i in got]

    @pytest.mark.parametrize(
        "text",
        [
            "how many in it",
            "how many are on it now?",
            "how many people in there",
            "how many's in it",
            "what's the count on it",
        ],
    )
    def test_how_many_after_saving_is_the_size_of_that_list(self, text):
        made = [{"kind": "list_create", "list_name": "Lone Star Banks", "list_target": "new"}]
        got = _one(text, _after(_search(BANKERS), made))
        assert got.kind is IntentKind.list_stats
        assert (got.list_name, got.list_target) == ("Lone Star Banks", "last")


# ------------------------------------------------------------------ the search's technology


class TestCompaniesOnATechnology:
    @pytest.mark.parametrize(
        ("text", "technology"),
        [
            ("only companies on aws", "AWS"),
            ("only firms on azure", "Azure"),
            ("just the ones already on hubspot", "HubSpot"),
            ("only cos running on gcp", "GCP"),
            ("only businesses on shopify", "Shopify"),
        ],
    )
    def test_on_a_technology_after_the_companies_adds_it(self, text, technology):
        f = _refined(text, BANKERS)
        assert f["technologies"] == [technology]
        assert f["titles"] == BANKERS["titles"]

    def test_a_new_search_reads_it_too(self):
        got = _one("ctos at companies on aws in texas", _after())
        assert got.filters.technologies == ["AWS"]
        assert got.filters.locations == ["TX, US"]

    @pytest.mark.parametrize(
        ("text", "days"),
        [
            ("that adopted it in the last 90 days", 90),
            ("only ones that started using it in the past 60 days", 60),
            ("which implemented the platform in the last 30 days", 30),
            ("that just adopted it", 90),
            ("who switched to it recently", 90),
        ],
    )
    def test_it_after_adopted_is_the_technology_searched(self, text, days):
        f = _refined(text, SAAS)
        assert f["technologies"] == ["Salesforce"]
        assert f["technologies_added_within_days"] == days


# ------------------------------------------------------------------ roles


class TestSwappingOneTitle:
    @pytest.mark.parametrize(
        ("text", "titles"),
        [
            ("swap risk manager for treasurer", ["CFO", "Treasurer"]),
            ("swap the cfo for a controller", ["Controller", "Risk Manager"]),
            ("replace risk managers with compliance officers", ["CFO", "Compliance Officer"]),
            ("change risk managers to safety directors", ["CFO", "Safety Director"]),
            ("swap cfo for vp of finance", ["VP of Finance", "Risk Manager"]),
            ("trade risk managers for compliance managers", ["CFO", "Compliance Manager"]),
            ("switch risk managers out for auditors", ["CFO", "Auditor"]),
            ("exchange the cfo for a controller", ["Controller", "Risk Manager"]),
        ],
    )
    def test_only_the_named_title_is_replaced(self, text, titles):
        f = _refined(text, BANKERS)
        assert f["titles"] == titles
        assert f["limit"] == 25 and f["industries"] == ["Banking"]

    def test_trade_in_an_industry_is_no_swap(self):
        got = _one("cfos at trade associations in ohio", _after(_search(BANKERS)))
        assert not got.refinement and got.filters.titles == ["CFO"]

    def test_a_title_the_search_lacks_replaces_them_all(self):
        assert _refined("swap ceos for controllers", BANKERS)["titles"] == ["Controller"]

    @pytest.mark.parametrize(
        ("text", "titles"),
        [
            ("swap to COO or firm administrator", ["COO", "Firm Administrator"]),
            ("switch to cfo or business administrator", ["CFO", "Business Administrator"]),
            ("swap to coo or billing supervisor", ["COO", "Billing Supervisor"]),
            ("swap to firm administrator", ["Firm Administrator"]),
        ],
    )
    def test_every_title_of_the_new_ones_is_kept(self, text, titles):
        assert _refined(text, BANKERS)["titles"] == titles

    def test_an_industry_firm_before_a_title_stays_the_industry(self):
        got = _one("compliance officers at law firms in ohio", _after())
        assert got.filters.titles == ["Compliance Officer"]
        assert got.filters.industries == ["Law Practice"]

    @pytest.mark.parametrize(
        ("text", "hiring"),
        [
            ("that are hiring recruiters", {"titles": ["Recruiter"]}),
            ("only ones hiring recruiters right now", {"titles": ["Recruiter"]}),
            ("companies hiring technical recruiters", {"titles": ["Technical Recruiter"]}),
            (
                "that are hiring recruiters and engineers",
                {"titles": ["Recruiter"], "departments": ["engineering"]},
            ),
        ],
    )
    def test_hiring_recruiters_is_the_recruiter_title(self, text, hiring):
        assert _refined(text, BANKERS)["hiring_for"] == hiring

    @pytest.mark.parametrize(
        ("base", "text"),
        [
            ("Facilities Director", "vp of ops too, not just facilities"),
            ("Finance Director", "controllers too, not just finance"),
            ("Marketing Director", "cmos as well, not only marketing"),
            ("Facilities Manager", "also coo, not just facilities people"),
            ("Legal Director", "general counsel too, not just legal"),
        ],
    )
    def test_not_just_the_role_word_adds_no_industry(self, base, text):
        f = _refined(text, {"titles": [base], "industries": ["Warehousing"], "limit": 25})
        assert f["industries"] == ["Warehousing"]
        assert f["titles"][0] == base and len(f["titles"]) == 2


# ------------------------------------------------------------------ reasons and asks


class TestReasonsAndAsks:
    @pytest.mark.parametrize(
        ("text", "excluded"),
        [
            ("exclude houston, nobody there has roof space lol", "Houston, TX, US"),
            ("drop dallas, no one there buys software", "Dallas, TX, US"),
            ("skip austin, none of them answer cold email", "Austin, TX, US"),
            ("no el paso, too expensive to travel there", "El Paso, TX, US"),
            ("exclude san antonio, nobody there uses shopify lol", "San Antonio, TX, US"),
        ],
    )
    def test_the_reason_after_an_exclusion_adds_nothing(self, text, excluded):
        f = _refined(text, BANKERS)
        assert f == {**BANKERS, "exclude_locations": [excluded]}

    @pytest.mark.parametrize(
        "text",
        [
            "can you pull their google review ratings for me",
            "can you get their yelp reviews",
            "could you check their star ratings on google",
            "can you book them a site visit",
            "could you schedule them a walkthrough",
            "please book a site visit with each of them",
            "can you arrange a lunch with them",
        ],
    )
    def test_asks_lexi_cannot_serve_are_unsupported(self, text):
        assert _one(text, _after(_search(BANKERS))).kind is IntentKind.unsupported

    def test_book_as_a_word_of_the_search_stays_a_search(self):
        got = _one("ceos at book publishers in new york", _after())
        assert got.kind is IntentKind.prospect_search


# ------------------------------------------------------------------ short session turns

WAITING = "0c6f9e2d-1b7a-4e3c-9d58-4a2b7e6f1c03"
CAMPAIGN = "5b0e2c1a-7d44-4f19-9a3e-2c8d6f1b0a97"
OHIO_PLANTS = {
    "titles": ["Plant Manager"],
    "industries": ["Machinery"],
    "locations": ["OH, US"],
    "limit": 25,
}
TELECOM = {
    "titles": ["Director of Network Operations"],
    "industries": ["Telecommunications", "Wireless"],
    "locations": ["BR", "MX", "CO"],
    "employees": {"min": 1001, "max": None},
    "limit": 25,
}


class TestApprovingTheTaskThatWaits:
    @pytest.mark.parametrize(
        "text",
        [
            "yep go ahead and approve",
            "go ahead and approve",
            "looks good, approve",
            "that's fine, approve it",
            "yeah you can approve it",
            "sounds good to me, go ahead and approve",
            "ok go ahead and confirm",
            "sure thing, go ahead",
            "fine, go ahead",
        ],
    )
    def test_assent_then_approval_approves(self, text):
        got = _one(text, ConversationState(pending_task_ids=[WAITING]))
        assert got.kind is IntentKind.task_approve

    @pytest.mark.parametrize("text", ["sure thing, go ahead", "fine, go ahead", "looks good"])
    def test_with_nothing_waiting_it_approves_nothing(self, text):
        got = interpret(text, ConversationState()).intents
        assert IntentKind.task_approve not in [i.kind for i in got]

    @pytest.mark.parametrize("text", ["yes approve all of them", "sounds good, approve all tasks"])
    def test_approving_everything_stays_refused(self, text):
        got = _one(text, ConversationState(pending_task_ids=[WAITING]))
        assert got.kind is IntentKind.clarify and got.missing == ["permission"]


class TestAskingHowTheCampaignDoes:
    @pytest.mark.parametrize(
        "text",
        [
            "did anyone reply yet?",
            "did anybody respond yet",
            "anyone write back?",
            "anybody bite?",
            "has anyone gotten back to us",
            "did we hear back from anyone?",
            "who opened it?",
            "did they reply?",
        ],
    )
    def test_replies_and_opens_are_the_campaign_stats(self, text):
        got = _one(text, ConversationState(last_campaign_id=CAMPAIGN))
        assert got.kind is IntentKind.campaign_stats and got.params == {"campaign": "last"}

    @pytest.mark.parametrize("text", ["how's it going so far", "how did it do", "stats?"])
    def test_it_is_the_campaign_when_the_conversation_has_one(self, text):
        got = _one(text, ConversationState(last_campaign_id=CAMPAIGN))
        assert got.kind is IntentKind.campaign_stats

    @pytest.mark.parametrize("text", ["how's it going so far", "stats?"])
    def test_without_a_campaign_it_is_no_stats(self, text):
        got = interpret(text, _after(_search(BANKERS))).intents
        assert IntentKind.campaign_stats not in [i.kind for i in got]

    @pytest.mark.parametrize(
        "text", ["anyone responded to an RFP in the last month", "anyone who replied"]
    )
    def test_a_reply_in_a_search_is_no_stats(self, text):
        got = interpret(text, _after(_search(BANKERS))).intents
        assert IntentKind.campaign_stats not in [i.kind for i in got]


class TestEmailingThePeopleFound:
    @pytest.mark.parametrize(
        "text",
        [
            "just email all of these people right now",
            "email all these folks today",
            "email every one of them",
            "shoot them all an email",
            "fire off an email to all of them",
            "message each of these leads",
            "email the whole list now",
            "send it to everyone on the list now",
        ],
    )
    def test_emailing_them_is_a_send(self, text):
        got = _one(text, _after(_search(BANKERS)))
        assert got.kind is IntentKind.email_send

    def test_sending_it_with_a_campaign_starts_the_campaign(self):
        got = _one(
            "send it to everyone on the list now", ConversationState(last_campaign_id=CAMPAIGN)
        )
        assert got.kind is IntentKind.campaign_start


class TestThePlaceIsTheCompanies:
    @pytest.mark.parametrize(
        ("text", "hq"),
        [
            ("wait i meant companies headquartered in ohio, the people can sit anywhere", "OH, US"),
            ("actually HQ in texas not the people", "TX, US"),
            ("hq in michigan rather than person location", "MI, US"),
            ("oops i meant HQ in Indiana, people anywhere", "IN, US"),
            ("make that company HQ in ohio instead, don't care where the people are", "OH, US"),
            ("the ohio part is the company hq, not where they live", "OH, US"),
            ("no, ohio is the company location", "OH, US"),
            ("sorry, the state is where the companies are", "OH, US"),
        ],
    )
    def test_the_people_place_goes_and_the_companies_get_it(self, text, hq):
        f = _refined(text, OHIO_PLANTS)
        assert f == {
            **{k: v for k, v in OHIO_PLANTS.items() if k != "locations"},
            "company_locations": [hq],
        }

    def test_a_headquarters_alone_keeps_the_people_place(self):
        f = _refined("and HQ in texas", OHIO_PLANTS)
        assert f["locations"] == ["OH, US"] and f["company_locations"] == ["TX, US"]

    @pytest.mark.parametrize(
        ("text", "hq"),
        [
            ("texas is the company hq", "TX, US"),
            ("the company hq should be in michigan", "MI, US"),
            ("indiana should be their hq", "IN, US"),
            ("the hq needs to be in kentucky", "KY, US"),
            ("hq based in pennsylvania", "PA, US"),
            ("their hq is in west virginia", "WV, US"),
        ],
    )
    def test_a_new_headquarters_said_without_hq_in_is_the_companies(self, text, hq):
        f = _refined(text, OHIO_PLANTS)
        assert f == {**OHIO_PLANTS, "company_locations": [hq]}

    @pytest.mark.parametrize(
        "text",
        ["the company hq should be in ohio", "ohio should be the company hq"],
    )
    def test_the_search_place_said_to_be_the_hq_moves_to_the_companies(self, text):
        f = _refined(text, OHIO_PLANTS)
        assert "locations" not in f and f["company_locations"] == ["OH, US"]

    @pytest.mark.parametrize(
        ("text", "people", "hq"),
        [
            ("cfos in texas, hq in ohio", ["TX, US"], ["OH, US"]),
            ("plant managers in georgia, HQ alabama", ["GA, US"], ["AL, US"]),
        ],
    )
    def test_a_comma_ends_the_people_place_before_the_hq(self, text, people, hq):
        got = _one(text, _after())
        assert got.filters.locations == people and got.filters.company_locations == hq


CHICAGO_HQ = {
    "titles": ["Asset Manager"],
    "industries": ["Commercial Real Estate"],
    "company_locations": ["Chicago, IL, US"],
    "limit": 25,
}


class TestThePlaceIsThePeoples:
    @pytest.mark.parametrize(
        ("text", "place"),
        [
            ("actually people who live in wisconsin, hq doesnt matter", "WI, US"),
            ("contacts located in indiana, the hq is irrelevant", "IN, US"),
            ("ppl based in iowa, don't care where the company is", "IA, US"),
            ("the hq location doesn't matter, people in michigan", "MI, US"),
            ("folks living in ohio, headquarters don't matter", "OH, US"),
            ("people in minnesota, doesn't matter where they're headquartered", "MN, US"),
        ],
    )
    def test_the_people_get_the_place_and_the_hq_goes(self, text, place):
        f = _refined(text, CHICAGO_HQ)
        assert f == {**{k: v for k, v in CHICAGO_HQ.items() if k != "company_locations"},
                     "locations": [place]}  # fmt: skip

    @pytest.mark.parametrize("text", ["hq doesnt matter", "the hq isn't important"])
    def test_the_hq_alone_is_dropped(self, text):
        f = _refined(text, CHICAGO_HQ)
        assert "company_locations" not in f and f["titles"] == ["Asset Manager"]

    @pytest.mark.parametrize(
        ("text", "gone"),
        [("size doesn't matter", "employees"), ("revenue is irrelevant", "revenue_usd")],
    )
    def test_any_filter_said_not_to_matter_is_dropped(self, text, gone):
        base = {**CHICAGO_HQ, "employees": {"min": 50, "max": None}}
        base["revenue_usd"] = {"min": 1_000_000, "max": None}
        f = _refined(text, base)
        assert gone not in f and f["company_locations"] == ["Chicago, IL, US"]


class TestChangingTheTitle:
    @pytest.mark.parametrize(
        ("text", "titles"),
        [
            ("and change for VP of engineering please", ["VP of Engineering"]),
            ("change for VP of engineering", ["VP of Engineering"]),
            ("and switch to CTOs", ["CTO"]),
            ("and make it CTOs", ["CTO"]),
            ("and change it to CTOs", ["CTO"]),
            ("and go with CTOs", ["CTO"]),
        ],
    )
    def test_the_new_title_replaces_the_old_and_the_rest_is_kept(self, text, titles):
        assert _refined(text, TELECOM) == {**TELECOM, "titles": titles}

    def test_too_still_adds(self):
        f = _refined("and make it CTOs too", TELECOM)
        assert f["titles"] == ["Director of Network Operations", "CTO"]

    def test_a_place_changed_for_another_replaces_it(self):
        assert _refined("and change for Chile please", TELECOM)["locations"] == ["CL"]


# ------------------------------------------------------------------ another title, a longer name

NONPROFITS = {
    "titles": ["Development Director"],
    "industries": ["Non-Profit Organization Management"],
    "locations": ["OR, US", "WA, US"],
    "employees": {"min": 11, "max": 200},
    "limit": 25,
}


class TestOrAnotherTitle:
    @pytest.mark.parametrize(
        ("text", "title"),
        [
            ("or executive director", "Executive Director"),
            ("or maybe grants managers", "Grants Manager"),
            ("or heads of fundraising", "Head of Fundraising"),
            ("or CFOs", "CFO"),
            ("or major gifts officers", "Major Gifts Officer"),
        ],
    )
    def test_or_a_title_adds_it_and_keeps_the_rest(self, text, title):
        f = _refined(text, NONPROFITS)
        assert f == {**NONPROFITS, "titles": ["Development Director", title]}

    def test_or_a_place_adds_it(self):
        assert _refined("or in idaho", NONPROFITS)["locations"] == ["OR, US", "WA, US", "ID, US"]

    def test_or_rather_replaces(self):
        assert _refined("or rather CFOs", NONPROFITS)["titles"] == ["CFO"]


class TestSavingAsALongerName:
    @pytest.mark.parametrize(
        ("text", "name"),
        [
            ("save as PNW Gala Leads", "PNW Gala Leads"),
            ("save as Oregon Nonprofit EDs", "Oregon Nonprofit EDs"),
            ("save as Gala Leads 2027", "Gala Leads 2027"),
            ("ok save as Nonprofit EDs West", "Nonprofit EDs West"),
            ("store as Gala Leads Q3", "Gala Leads Q3"),
        ],
    )
    def test_a_known_name_inside_it_is_not_that_list(self, text, name):
        got = _one(text, _after(_search(NONPROFITS), known=["Gala Leads", "Nonprofit EDs"]))
        assert got.kind is IntentKind.list_create
        assert (got.list_name, got.list_target) == (name, "new")
        assert got.selector == {"prospects": "last_results"}

    @pytest.mark.parametrize("text", ["save as Gala Leads", "save as gala leads"])
    def test_the_whole_known_name_is_that_list(self, text):
        got = _one(text, _after(_search(NONPROFITS), known=["Gala Leads", "Nonprofit EDs"]))
        assert got.kind is IntentKind.list_add and got.list_name == "Gala Leads"


# ------------------------------------------------------------------ industries added

WHOLESALE = {
    "titles": ["Logistics Manager"],
    "industries": ["Wholesale"],
    "locations": ["Laredo, TX, US"],
    "limit": 25,
}


class TestAnIndustryAdded:
    @pytest.mark.parametrize(
        "text",
        [
            "include import/export companies too",
            "add import export firms",
            "also import and export companies",
            "import-export businesses as well",
            "plus export companies",
            "plus import & export cos",
        ],
    )
    def test_import_and_export_is_the_industry_not_an_export(self, text):
        f = _refined(text, WHOLESALE)
        assert f == {**WHOLESALE, "industries": ["Wholesale", "Import and Export"]}

    @pytest.mark.parametrize("text", ["export them", "can i export this list as a csv"])
    def test_exporting_is_still_asked(self, text):
        got = interpret(text, _after(_search(WHOLESALE))).intents
        assert IntentKind.prospect_search not in [i.kind for i in got], got

    @pytest.mark.parametrize(
        "text",
        [
            "also building materials cos",
            "add building materials companies",
            "building materials too",
            "and building material suppliers",
            "plus building materials firms",
        ],
    )
    def test_building_materials_is_the_industry_not_a_keyword(self, text):
        f = _refined(text, WHOLESALE)
        assert f == {**WHOLESALE, "industries": ["Wholesale", "Building Materials"]}

    def test_companies_building_something_is_still_a_keyword(self):
        got = _one("ctos at startups building ai agents", _after())
        assert [k.lower() for k in got.filters.keywords] == ["ai agents"]
        assert got.filters.industries == []


# ------------------------------------------------------------------ campaigns

SAVED = [{"kind": "list_create", "list_name": "Border Buyers", "list_target": "new"}]
DRAFTED = [
    {
        "kind": "campaign_create",
        "list_name": "Border Buyers",
        "list_target": "named",
        "params": {"topic": "duty savings"},
    }
]


class TestCampaignTopics:
    @pytest.mark.parametrize(
        ("text", "topic"),
        [
            ("campaign on that list about USMCA duty savings", "USMCA duty savings"),
            ("sequence on Border Buyers about bonded warehouse space", "bonded warehouse space"),
            ("do a campaign on the new list about tariff refunds", "tariff refunds"),
            ("campaign on Border Buyers regarding faster customs clearance",
             "faster customs clearance"),
            ("a campaign on that list pitching our freight audit", "our freight audit"),
        ],
    )  # fmt: skip
    def test_about_names_the_topic_after_on_names_the_list(self, text, topic):
        got = _one(text, _after(_search(WHOLESALE), SAVED, known=["Border Buyers"]))
        assert got.kind is IntentKind.campaign_create
        assert got.params["topic"] == topic and got.list_name == "Border Buyers"

    @pytest.mark.parametrize(
        ("text", "topic"),
        [
            (
                "draft a campaign for that list about faster background checks, 2 day turnaround",
                "faster background checks, 2 day turnaround",
            ),
            (
                "new sequence about our criminal background checks for that list",
                "our criminal background checks",
            ),
            ("write an email series about why cold calling is dead", "why cold calling is dead"),
            ("campaign about our power dialer for that list", "our power dialer"),
            ("campaign for that list about improving their credit scores",
             "improving their credit scores"),
        ],
    )  # fmt: skip
    def test_a_topic_naming_what_lexi_cannot_do_is_still_a_campaign(self, text, topic):
        got = _one(text, _after(_search(WHOLESALE), SAVED, known=["Border Buyers"]))
        assert got.kind is IntentKind.campaign_create and got.params["topic"] == topic

    @pytest.mark.parametrize(
        "text", ["can you run background checks on them", "get their cell numbers"]
    )
    def test_asked_of_the_people_it_is_still_unsupported(self, text):
        assert _one(text, _after(_search(WHOLESALE))).kind is IntentKind.unsupported


class TestRewritingWithoutAVerb:
    @pytest.mark.parametrize(
        ("text", "tone", "extra"),
        [
            ("subject line shorter", "shorter", {"part": "subject"}),
            ("shorter subject line pls", "shorter", {"part": "subject"}),
            ("subject more direct and punchier", "direct", {"part": "subject"}),
            ("the intro warmer", "warm", {}),
            ("opening line less salesy", "soft", {}),
            ("email 2 shorter", "shorter", {"step": "second"}),
            ("cta more direct", "direct", {}),
        ],
    )
    def test_a_part_and_a_tone_rewrite_the_email(self, text, tone, extra):
        got = _one(text, _after(_search(WHOLESALE), SAVED, DRAFTED))
        assert got.kind is IntentKind.email_rewrite
        assert got.params == {"tone": tone, **extra, "campaign": "last"}

    @pytest.mark.parametrize(
        "text",
        [
            "cut it to 3 sentences",
            "trim it to 80 words",
            "keep each email under 100 words",
            "get it down to two short paragraphs",
            "max 4 sentences",
            "5 lines tops",
        ],
    )
    def test_a_length_is_a_shorter_rewrite(self, text):
        got = _one(text, _after(_search(WHOLESALE), SAVED, DRAFTED))
        assert got.kind is IntentKind.email_rewrite and got.params["tone"] == "shorter"

    @pytest.mark.parametrize(("text", "limit"), [("cut it to 10", 10), ("make it 40", 40)])
    def test_a_number_alone_is_still_the_search_size(self, text, limit):
        got = _one(text, _after(_search(WHOLESALE), SAVED, DRAFTED))
        assert got.kind is IntentKind.prospect_search and got.filters.limit == limit

    def test_without_a_campaign_a_length_is_no_rewrite(self):
        got = _one("cut it to 3 sentences", _after(_search(WHOLESALE)))
        assert got.kind is not IntentKind.email_rewrite


# ------------------------------------------------------------------ other systems, social posts


class TestOtherSystemsAndPosts:
    @pytest.mark.parametrize(
        "text",
        [
            "can u sync that list to bullhorn",
            "push Border Buyers into greenhouse",
            "export these to workday pls",
            "integrate the list with lever",
            "upload them to zapier, thanks",
            "sync it with our monday.com account",
        ],
    )
    def test_syncing_to_a_system_is_unsupported(self, text):
        got = _one(text, _after(_search(WHOLESALE), SAVED, known=["Border Buyers"]))
        assert got.kind is IntentKind.unsupported and got.params["reason"] == "crm_push"

    @pytest.mark.parametrize(
        ("text", "name"),
        [
            ("copy them to Border Buyers", "Border Buyers"),
            ("add them to Lever Leads", "Lever Leads"),
        ],
    )
    def test_a_list_named_after_a_system_is_still_a_list(self, text, name):
        got = _one(text, _after(_search(WHOLESALE), known=["Border Buyers", "Lever Leads"]))
        assert got.kind is IntentKind.list_add and got.list_name == name

    @pytest.mark.parametrize(
        "text",
        [
            "can u post about our hemp fiber on linkedin for me",
            "share this on facebook",
            "post our new catalog to instagram",
            "please tweet about the launch on twitter",
            "could you share our case study on linkedin",
        ],
    )
    def test_posting_for_the_user_is_unsupported(self, text):
        assert _one(text, _after(_search(WHOLESALE))).kind is IntentKind.unsupported

    def test_people_who_post_are_a_search(self):
        got = _one("ctos who post on linkedin regularly", _after())
        assert got.kind is IntentKind.prospect_search


# ------------------------------------------------------------------ a campaign and its email


class TestACampaignWithoutAbout:
    @pytest.mark.parametrize(
        ("text", "topic"),
        [
            ("campaign on customs bonds for that list", "customs bonds"),
            ("campaign around tariff engineering", "tariff engineering"),
            ("a new sequence around cross-dock savings for Border Buyers", "cross-dock savings"),
            ("outreach covering bonded storage for Border Buyers", "bonded storage"),
            ("draft a campaign on duty drawback for Border Buyers", "duty drawback"),
            ("campaign on freight audits for Border Buyers", "freight audits"),
        ],
    )
    def test_on_around_or_covering_names_the_topic(self, text, topic):
        got = _one(text, _after(_search(WHOLESALE), SAVED, known=["Border Buyers"]))
        assert got.kind is IntentKind.campaign_create
        assert got.params["topic"] == topic and got.list_name == "Border Buyers"

    @pytest.mark.parametrize("text", ["put the campaign on hold", "keep the sequence on pause"])
    def test_a_campaign_on_hold_is_no_new_campaign(self, text):
        got = _one(text, _after(_search(WHOLESALE), SAVED, DRAFTED, known=["Border Buyers"]))
        assert got.kind is not IntentKind.campaign_create


class TestAPostscript:
    @pytest.mark.parametrize(
        "text",
        [
            "add a P.S. about the trade show",
            "add a P.S. about the open house next friday",
            "Add a P.S. mentioning the free tariff review",
            "include a PS about our new Laredo warehouse",
            "tack on a postscript inviting them to the webinar",
            "add a p.s. that we ship same day",
        ],
    )
    def test_a_postscript_rewrites_the_email(self, text):
        got = _one(text, _after(_search(WHOLESALE), SAVED, DRAFTED))
        assert got.kind is IntentKind.email_rewrite

    def test_the_dot_of_a_ps_ends_no_request(self):
        got = interpret(
            "add a P.S. about the trade show. then start it",
            _after(_search(WHOLESALE), SAVED, DRAFTED),
        ).intents
        assert [i.kind for i in got] == [IntentKind.email_rewrite, IntentKind.campaign_start]


class TestTasksAndTheOneThatWaits:
    @pytest.mark.parametrize(
        "text",
        [
            "anything i need to approve rn?",
            "what do i have to sign off on",
            "is there stuff for me to approve",
            "anything waiting for me to okay?",
            "things to approve?",
        ],
    )
    def test_what_to_approve_lists_the_pending_tasks(self, text):
        got = _one(text, _after(_search(WHOLESALE)))
        assert got.kind is IntentKind.tasks and got.params == {"status": "pending"}

    @pytest.mark.parametrize(
        "text",
        [
            "nvm cancel that",
            "never mind, cancel it",
            "hold on, don't run that",
            "nvm scrap that",
            "hang on, cancel the launch",
        ],
    )
    def test_never_mind_then_cancel_dismisses_it(self, text):
        got = _one(text, ConversationState(pending_task_ids=[WAITING]))
        assert got.kind is IntentKind.task_dismiss

    def test_a_bare_nvm_with_nothing_waiting_dismisses_nothing(self):
        got = interpret("nvm", ConversationState()).intents
        assert IntentKind.task_dismiss not in [i.kind for i in got]


class TestBookingAVisit:
    @pytest.mark.parametrize(
        "text",
        [
            "can you book tours of our space with them",
            "arrange visits to the plant for them",
            "schedule coffees at our office with them",
            "please set up demos in our showroom for them",
            "book lunches with them",
        ],
    )
    def test_booking_anything_with_them_is_unsupported(self, text):
        assert _one(text, _after(_search(BANKERS))).kind is IntentKind.unsupported

    def test_tour_operators_stay_a_search(self):
        got = _one("ceos of tour operators in texas", _after())
        assert got.kind is IntentKind.prospect_search


GEORGIA_CAROLINAS = {
    "titles": ["Chief Medical Officer"],
    "industries": ["Hospital & Health Care"],
    "locations": ["GA, US", "NC, US", "SC, US"],
    "limit": 25,
}


class TestReplacingSomeOfThePlaces:
    @pytest.mark.parametrize(
        ("text", "locations"),
        [
            ("same but tennessee instead of the carolinas", ["GA, US", "TN, US"]),
            ("alabama instead of georgia", ["NC, US", "SC, US", "AL, US"]),
            ("florida rather than the carolinas", ["GA, US", "FL, US"]),
            ("replace georgia with virginia", ["NC, US", "SC, US", "VA, US"]),
            ("swap south carolina for kentucky", ["GA, US", "NC, US", "KY, US"]),
        ],
    )
    def test_the_places_not_named_stay(self, text, locations):
        f = _refined(text, GEORGIA_CAROLINAS)
        assert sorted(f["locations"]) == sorted(locations)
        assert "exclude_locations" not in f

    def test_instead_of_all_of_them_is_only_the_new_place(self):
        f = _refined("texas instead of georgia and the carolinas", GEORGIA_CAROLINAS)
        assert f["locations"] == ["TX, US"]


class TestAListNamedAfterATool:
    @pytest.mark.parametrize(
        ("text", "name"),
        [
            ("copy them to Apollo Targets", "Apollo Targets"),
            ("push these into HubSpot Import", "HubSpot Import"),
            ("add them to salesforce leads", "Salesforce Leads"),
            ("move them to Apollo Targets please", "Apollo Targets"),
            ("copy them to outreach wave 2", "Outreach Wave 2"),
        ],
    )
    def test_the_known_list_is_meant(self, text, name):
        known = ["Apollo Targets", "HubSpot Import", "Salesforce Leads", "Outreach Wave 2"]
        got = _one(text, _after(_search(WHOLESALE), known=known))
        assert got.kind is IntentKind.list_add and got.list_name == name

    @pytest.mark.parametrize("text", ["move them to apollo", "push them to my hubspot"])
    def test_the_tool_alone_is_still_a_crm_push(self, text):
        got = _one(text, _after(_search(WHOLESALE), known=["Apollo Targets", "HubSpot Import"]))
        assert got.kind is IntentKind.unsupported and got.params["reason"] == "crm_push"


class TestApprovingWhatThePendingTaskDoes:
    @pytest.mark.parametrize(
        "text",
        [
            "approve the save",
            "confirm the save",
            "ok approve the saving",
            "approve this save please",
            "yes, approve the export",
        ],
    )
    def test_the_waiting_task_is_approved(self, text):
        got = _one(text, ConversationState(pending_task_ids=[WAITING]))
        assert got.kind is IntentKind.task_approve

    def test_cancelling_the_save_dismisses_it(self):
        got = _one("cancel the save", ConversationState(pending_task_ids=[WAITING]))
        assert got.kind is IntentKind.task_dismiss


class TestStartingAfterAssent:
    @pytest.mark.parametrize(
        "text",
        [
            "good, please start",
            "fine, launch it please",
            "yes please launch",
            "great, pls start now",
            "looks good, please start it",
        ],
    )
    def test_the_drafted_campaign_starts(self, text):
        got = _one(text, ConversationState(last_campaign_id=CAMPAIGN))
        assert got.kind is IntentKind.campaign_start

    def test_without_a_campaign_it_does_not_start_one(self):
        got = _one("good, please start", ConversationState())
        assert got.kind is not IntentKind.campaign_start


class TestMentioningAfterNow:
    @pytest.mark.parametrize(
        "text",
        [
            "now mention our free audit",
            "then mention that we reply within a day",
            "now say we cover all of Europe",
            "ok now mention the case study",
            "now add a line about the webinar",
        ],
    )
    def test_the_email_is_rewritten(self, text):
        got = _one(text, ConversationState(last_campaign_id=CAMPAIGN))
        assert got.kind is IntentKind.email_rewrite


class TestMentioningWhatWeAre:
    @pytest.mark.parametrize(
        "text",
        [
            "mention we're A-rated and licensed in all 3 states",
            "mention we are a family business and insure in all 5 states",
            "say we're A-rated with AM Best",
            "mention that we're in all 50 states",
            "please mention we are an approved vendor in Texas",
        ],
    )
    def test_the_email_is_rewritten_not_the_search(self, text):
        state = _after(
            _search({"titles": ["CEO"], "locations": ["CO, US"], "limit": 25}),
            [{"kind": "campaign_create", "params": {"topic": "liability cover"}}],
        )
        got = _one(text, state)
        assert got.kind is IntentKind.email_rewrite, got

    def test_a_self_introduction_still_adds_nothing_to_a_search(self):
        got = _one("we're a broker in Denver, find CEOs of cannabis companies", ConversationState())
        assert got.kind is IntentKind.prospect_search
        assert got.filters.to_dict().get("locations") in (None, [])


class TestTheSendingSetUp:
    @pytest.mark.parametrize(
        "text",
        [
            "can you also warm up my sending domains?",
            "warm up our inboxes first",
            "please do an inbox warmup before we send",
            "start warming up my new domains",
            "can you set up DKIM for our domain",
        ],
    )
    def test_it_is_unsupported(self, text):
        state = _after(
            _search({"titles": ["CEO"], "limit": 25}),
            [{"kind": "campaign_create", "params": {"topic": "our audit"}}],
        )
        got = _one(text, state)
        assert got.kind is IntentKind.unsupported, got

    def test_warm_as_a_tone_still_rewrites(self):
        got = _one("make it warmer", ConversationState(last_campaign_id=CAMPAIGN))
        assert got.kind is IntentKind.email_rewrite


class TestSavingInAListByItsName:
    @pytest.mark.parametrize(
        ("text", "name"),
        [
            ("ok save in list Relocation DE NL", "Relocation DE NL"),
            ("save them in list Benelux HR", "Benelux HR"),
            ("put these into list Q3 Prospects", "Q3 Prospects"),
            ("save to list Nordic CFOs please", "Nordic CFOs"),
            ("ok store them in list Mobility 2027", "Mobility 2027"),
        ],
    )
    def test_an_unknown_name_is_a_new_list(self, text, name):
        got = _one(text, _after(_search(WHOLESALE)))
        assert got.kind is IntentKind.list_create and got.list_name == name, got

    def test_a_known_name_is_added_to(self):
        got = _one("save in list Benelux HR", _after(_search(WHOLESALE), known=["Benelux HR"]))
        assert got.kind is IntentKind.list_add and got.list_name == "Benelux HR"


MOBILITY = {
    "titles": ["Head of Global Mobility", "CHRO"],
    "industries": ["Computer Software"],
    "locations": ["US"],
    "limit": 25,
}


class TestDropThenInstead:
    @pytest.mark.parametrize(
        "text",
        [
            "nah drop the chros, talent acquisition directors instead",
            "drop the chros, talent acquisition directors instead",
            "ok remove the CHROs, talent acquisition directors instead",
            "actually lose the chros; go with talent acquisition directors instead",
            "no, ditch chros, talent acquisition directors instead please",
        ],
    )
    def test_the_new_title_replaces_the_dropped_one(self, text):
        f = _refined(text, MOBILITY)
        assert f["titles"] == ["Head of Global Mobility", "Talent Acquisition Director"]
        assert f["industries"] == ["Computer Software"] and f["locations"] == ["US"]

    def test_dropping_alone_still_only_drops(self):
        f = _refined("drop the chros", MOBILITY)
        assert f["titles"] == ["Head of Global Mobility"]


class TestApprovingThePendingOneInOtherWords:
    """Chat only ever approves or cancels the task this conversation proposed last. "The pending
    one" and "the newest one" are that task; "the one for X" and "the other one" pick among
    several, so they are taken only when there is nothing to pick among, and asked about
    otherwise (acting on the newest could be the wrong task)."""

    ONE = ConversationState(pending_task_ids=["t-1"])
    TWO = ConversationState(pending_task_ids=["t-1", "t-2"])

    @pytest.mark.parametrize(
        ("text", "kind"),
        [
            ("approve the pending one", IntentKind.task_approve),
            ("approve the newest one", IntentKind.task_approve),
            ("ok go ahead and approve the most recent task", IntentKind.task_approve),
            ("confirm the one that's waiting for approval", IntentKind.task_approve),
            ("cancel the latest one please", IntentKind.task_dismiss),
        ],
    )
    def test_the_newest_task(self, text, kind):
        for state in (ConversationState(), self.ONE, self.TWO):
            assert _one(text, state).kind is kind

    @pytest.mark.parametrize(
        ("text", "kind"),
        [
            ("approve the one for MN Nonprofit EDs", IntentKind.task_approve),
            ("and dismiss the other one, that was a mistake", IntentKind.task_dismiss),
            ("cancel the one for the Denver dentists search please", IntentKind.task_dismiss),
            ("reject the older one, we don't need it anymore", IntentKind.task_dismiss),
            ("accept the one about Gala Sponsors 2026", IntentKind.task_approve),
        ],
    )
    def test_a_pick_is_taken_with_nothing_to_pick_among(self, text, kind):
        assert _one(text, self.ONE).kind is kind
        assert _one(text, ConversationState()).kind is kind

    @pytest.mark.parametrize(
        "text",
        [
            "approve the one for MN Nonprofit EDs",
            "and dismiss the other one, that was a mistake",
            "reject the older one, we don't need it anymore",
        ],
    )
    def test_a_pick_among_several_is_asked_about(self, text):
        got = _one(text, self.TWO)
        assert got.kind is IntentKind.clarify and got.question == "which_task"

    @pytest.mark.parametrize("text", ["drop the first one", "run the last one"])
    def test_picks_without_a_task_verb_are_no_approval(self, text):
        got = _one(text, self.ONE)
        assert got.kind not in (IntentKind.task_approve, IntentKind.task_dismiss)

    def test_newest_then_the_other(self):
        state = state_after(
            [{"kind": "campaign_start"}], [{"kind": "list_delete", "list_name": "Old"}]
        )
        assert len(state.pending_task_ids) == 2
        assert _one("approve the newest one", state).kind is IntentKind.task_approve
        state = state_after(
            [{"kind": "campaign_start"}],
            [{"kind": "list_delete", "list_name": "Old"}],
            [{"kind": "task_approve"}],
        )
        got = _one("and dismiss the other one, that was a mistake", state)
        assert got.kind is IntentKind.task_dismiss


# ------------------------------------------------------------------ taking a value out

OFFICES = {
    "titles": ["Office Manager", "Facilities Director"],
    "locations": ["Dallas, TX, US", "Houston, TX, US", "Austin, TX, US"],
    "limit": 25,
}
HR_CARE = {
    "titles": ["HR Director"],
    "industries": ["Hospital & Health Care", "Medical Practice"],
    "locations": ["OH, US", "MI, US", "IN, US"],
    "limit": 25,
}
PURCHASING = {
    "titles": ["Head of Purchasing"],
    "industries": ["Machinery"],
    "locations": ["DE", "AT", "CH"],
    "limit": 25,
}


class TestTakingAValueOut:
    @pytest.mark.parametrize(
        ("text", "base", "key", "kept"),
        [
            ("take Houston out", OFFICES, "locations", ["Dallas, TX, US", "Austin, TX, US"]),
            (
                "leave Austin out please",
                OFFICES,
                "locations",
                ["Dallas, TX, US", "Houston, TX, US"],
            ),
            ("knock dallas off", OFFICES, "locations", ["Houston, TX, US", "Austin, TX, US"]),
            ("count Michigan out", HR_CARE, "locations", ["OH, US", "IN, US"]),
            ("cut the clinics out", HR_CARE, "industries", ["Hospital & Health Care"]),
            ("nvm indiana", HR_CARE, "locations", ["OH, US", "MI, US"]),
            ("never mind the clinics", HR_CARE, "industries", ["Hospital & Health Care"]),
            ("ok forget about Houston", OFFICES, "locations", ["Dallas, TX, US", "Austin, TX, US"]),
            ("scratch austin", OFFICES, "locations", ["Dallas, TX, US", "Houston, TX, US"]),
        ],
    )
    def test_the_value_is_removed_and_nothing_else_changes(self, text, base, key, kept):
        f = _refined(text, base)
        assert f == {**base, key: kept}

    @pytest.mark.parametrize(
        ("text", "base", "key", "kept"),
        [
            (
                "Furthermore, Switzerland is at the moment not so interesting for us, because of "
                "the different currency. Could you remove it, please?",
                PURCHASING,
                "locations",
                ["DE", "AT"],
            ),
            (
                "Austria is not a market we serve yet. Can you drop it?",
                PURCHASING,
                "locations",
                ["DE", "CH"],
            ),
            (
                "Also Indiana isn't a fit for us right now, please take it out",
                HR_CARE,
                "locations",
                ["OH, US", "MI, US"],
            ),
        ],
    )
    def test_it_is_the_value_the_sentence_before_is_about(self, text, base, key, kept):
        f = _refined(text, base)
        assert f == {**base, key: kept}

    def test_a_place_taken_out_is_no_list_whose_name_starts_with_it(self):
        state = _after(_search(OFFICES), known=["Houston Medical Office"])
        got = _one("take Houston out", state)
        assert got.kind is IntentKind.prospect_search
        assert got.filters.locations == ["Dallas, TX, US", "Austin, TX, US"]

    def test_a_list_named_whole_is_still_deleted(self):
        state = _after(_search(OFFICES), known=["Houston Medical Office"])
        got = _one("delete Houston Medical Office", state)
        assert got.kind is IntentKind.list_delete and got.list_name == "Houston Medical Office"

    def test_taking_one_place_out_then_naming_another(self):
        f = _refined("forget Houston, anywhere in Texas", OFFICES)
        assert f["locations"] == ["TX, US"] and "exclude_locations" not in f

    def test_taking_a_person_off_a_list_is_no_search(self):
        state = _after(_search(OFFICES), known=["Q1 Leads"])
        assert _one("take Globex off the Q1 Leads list", state).kind is IntentKind.list_remove


# ------------------------------------------------------------------ a reason is no filter

PLATFORM = {
    "titles": ["Head of Platform", "Staff Engineer"],
    "industries": ["Computer Software"],
    "locations": ["Seattle, WA, US"],
    "funding_stages": ["series_b"],
    "limit": 25,
}
OWNERS = {
    "seniorities": ["owner"],
    "industries": ["Restaurants", "Retail"],
    "locations": ["Tampa, FL, US"],
    "limit": 25,
}
IT_LAW = {
    "titles": ["IT Director"],
    "industries": ["Law Practice"],
    "locations": ["Chicago, IL, US"],
    "limit": 25,
}


BANKS_3 = {
    "titles": ["CFO"],
    "industries": ["Banking"],
    "locations": ["OH, US", "IN, US", "KY, US"],
    "limit": 25,
}


class TestWhyAPlaceIsLeftOut:
    @pytest.mark.parametrize(
        "text",
        [
            "only Ohio and Indiana, Kentucky is too far for us",
            "just Ohio and Indiana then - the Kentucky market is way too small",
        ],
    )
    def test_the_place_given_as_the_reason_is_neither_added_nor_a_size(self, text):
        assert _refined(text, BANKS_3) == {**BANKS_3, "locations": ["OH, US", "IN, US"]}


class TestAReasonAfterTheChange:
    @pytest.mark.parametrize(
        ("text", "base", "changed"),
        [
            (
                "drop the location, our buyers are mostly remote anyway",
                PLATFORM,
                {"locations": None},
            ),
            (
                "drop chicago, our customers are all over the midwest",
                IT_LAW,
                {"locations": None},
            ),
            (
                "only companies with 50-250 employees, the big ones have in-house real estate teams",
                OFFICES,
                {"employees": {"min": 50, "max": 250}},
            ),
            (
                "under 20 employees actually, the bigger ones already have accountants",
                OWNERS,
                {"employees": {"min": None, "max": 19}},
            ),
            (
                "only firms under 100 employees, the large ones have whole IT departments",
                IT_LAW,
                {"employees": {"min": None, "max": 99}},
            ),
            (
                "cut the clinics out, they're too small",
                HR_CARE,
                {"industries": ["Hospital & Health Care"]},
            ),
            (
                "add accounting firms too. Our clients are mostly small partnerships",
                IT_LAW,
                {"industries": ["Law Practice", "Accounting"]},
            ),
        ],
    )
    def test_only_the_change_is_applied(self, text, base, changed):
        f = _refined(text, base)
        want = {**base, **changed}
        assert f == {k: v for k, v in want.items() if v is not None}

    def test_a_kind_of_company_said_to_count_adds_the_industry_only(self):
        base = {"titles": ["Marketing Director"], "industries": ["Hospitality"], "limit": 25}
        f = _refined("include recreational facilities too, ski resorts count for us", base)
        assert f["industries"] == ["Hospitality", "Recreational Facilities and Services"]
        assert f["titles"] == ["Marketing Director"]

    @pytest.mark.parametrize(
        ("text", "industry"),
        [
            ("CFOs in Ohio, the ones at hospitals", "Hospital & Health Care"),
            ("only the ones at banks, the smaller ones don't have a CFO", "Banking"),
        ],
    )
    def test_the_ones_at_a_kind_of_company_is_a_constraint(self, text, industry):
        f = _refined(text, {"titles": ["CFO"], "locations": ["OH, US"], "limit": 25})
        assert f["industries"] == [industry] and f["titles"] == ["CFO"]


# ------------------------------------------------------------------ whose place, said apart

FINANCE_UK = {"titles": ["Head of Finance", "FP&A Manager"], "locations": ["GB", "IE"], "limit": 25}
CTO_DE_HQ = {"titles": ["CTO"], "company_locations": ["DE"], "limit": 25}


class TestWhosePlaceSaidApart:
    @pytest.mark.parametrize(
        "text",
        [
            "Actually I care where the company is headquartered, not where the person sits. "
            "Companies HQ'd in the UK or Ireland",
            "I care where the company is headquartered, not where the person sits",
            "not where the people live, where their employer is based",
            "sorry, I meant where the companies are, not where the contacts are. HQ in the UK "
            "or Ireland",
        ],
    )
    def test_the_places_move_to_the_companies(self, text):
        f = _refined(text, FINANCE_UK)
        assert f == {"titles": FINANCE_UK["titles"], "company_locations": ["GB", "IE"], "limit": 25}

    @pytest.mark.parametrize(
        ("text", "place"),
        [
            ("I mean people who live in Germany, not companies based there", "DE"),
            ("people based in austria, not where the company is", "AT"),
            ("sorry, the people should live in Austria. the company can be anywhere", "AT"),
            ("contacts located in Berlin rather than the hq", "Berlin, DE"),
        ],
    )
    def test_the_people_get_the_place_and_the_companies_lose_theirs(self, text, place):
        f = _refined(text, CTO_DE_HQ)
        assert f == {"titles": ["CTO"], "locations": [place], "limit": 25}

    @pytest.mark.parametrize(
        "text",
        [
            "sorry, the firms need their HQ there, the finance people may live anywhere",
            "no no, I want businesses with their headquarters in these countries, not where "
            "the controller is living",
            "I meant the company, the person can be based wherever",
            "oops - the employer's head office must be in those countries",
        ],
    )
    def test_the_companies_seat_there_moves_the_places(self, text):
        f = _refined(text, FINANCE_UK)
        assert f == {"titles": FINANCE_UK["titles"], "company_locations": ["GB", "IE"], "limit": 25}

    def test_the_other_way_round_without_a_place(self):
        f = _refined("i care where the people live, not where the company is", CTO_DE_HQ)
        assert f == {"titles": ["CTO"], "locations": ["DE"], "limit": 25}


# ------------------------------------------------------------------ terse follow-ups

CMO_LA = {
    "titles": ["CMO"],
    "industries": ["E-Commerce"],
    "locations": ["Los Angeles, CA, US"],
    "limit": 25,
}


class TestTerseFollowUps:
    @pytest.mark.parametrize(
        ("text", "hiring"),
        [
            ("hirng mktg", {"departments": ["marketing"]}),
            ("hireing marketing", {"departments": ["marketing"]}),
            ("hirin finance", {"departments": ["finance"]}),
        ],
    )
    def test_hiring_misspelt(self, text, hiring):
        assert _refined(text, CMO_LA) == {**CMO_LA, "hiring_for": hiring}

    @pytest.mark.parametrize(
        "text",
        ["new ppl only", "only new folks", "ppl we haven't saved", "only people we don't have yet"],
    )
    def test_new_people_are_the_ones_not_saved(self, text):
        assert _refined(text, CMO_LA) == {**CMO_LA, "exclude_saved": True}

    def test_mor_is_the_next_page(self):
        got = _one("mor", _after(_search(CMO_LA)))
        assert got.kind is IntentKind.prospect_search and got.offset == 25


class TestAnotherRungOfTheSameRole:
    """ "more senior, VPs" / "back to managers": the rung changes, the function and the rest stay."""

    SEARCH: ClassVar[dict] = {
        "titles": ["Finance Director"],
        "industries": ["Hospitality"],
        "locations": ["Denver, CO, US"],
        "limit": 25,
    }

    @pytest.mark.parametrize(
        ("text", "titles"),
        [
            ("more senior, VPs", ["VP of Finance"]),
            ("less senior - managers", ["Finance Manager"]),
            ("higher up please, heads", ["Head of Finance"]),
            ("ok go back to VPs", ["VP of Finance"]),
        ],
    )
    def test_the_rung_changes_and_the_rest_stays(self, text, titles):
        assert _refined(text, self.SEARCH) == {**self.SEARCH, "titles": titles}


class TestAVagueCountWithoutARole:
    @pytest.mark.parametrize(
        "text",
        [
            "can you help me get some contacts in Denver?",
            "find me a few leads at banks in Ohio",
            "I need some contacts at hotels",
        ],
    )
    def test_the_answer_is_searched_at_the_usual_size(self, text):
        state = ConversationState()
        asked = interpret(text, state).intents
        assert [i.missing for i in asked] == [["roles"]]
        assert asked[0].filters.limit == 25

    def test_a_number_asked_for_is_kept(self):
        asked = interpret("find 40 leads at banks in Ohio", ConversationState()).intents
        assert asked[0].missing == ["roles"] and asked[0].filters.limit == 40

    def test_some_with_a_role_is_still_ten(self):
        assert _one("some CFOs in Ohio", _after()).filters.limit == 10

    @pytest.mark.parametrize(
        "text",
        [
            "alright let's see. get me some tiny firms in Boise",
            "cool, let's do it: find me a few small companies in Boise",
        ],
    )
    def test_filler_before_it_does_not_hide_the_question(self, text):
        asked = interpret(text, ConversationState()).intents
        assert [i.missing for i in asked] == [["roles"]]
        assert asked[0].filters.to_dict()["locations"] == ["Boise, ID, US"]
        state = _after(
            [{"kind": "clarify", "missing": ["roles"], "filters": asked[0].filters.to_dict()}]
        )
        got = _one("the founders, I suppose", state).filters.to_dict()
        assert got == {**asked[0].filters.to_dict(), "seniorities": ["founder"]}


# ------------------------------------------------------------------ a correction replaces

ENG_BIO = {
    "titles": ["VP of Engineering"],
    "industries": ["Biotechnology"],
    "locations": ["Boston, MA, US", "Providence, RI, US"],
    "limit": 25,
}
NURSES_OH = {"titles": ["Director of Nursing"], "locations": ["OH, US"], "limit": 25}


class TestACorrectionReplacesTheWrongValue:
    @pytest.mark.parametrize(
        ("text", "changed"),
        [
            ("sorry not biotech, medical devices", {"industries": ["Medical Devices"]}),
            ("nope, not biotech, pharma", {"industries": ["Pharmaceuticals"]}),
            (
                "oops, I wrote biotech but I meant pharmaceutical companies",
                {"industries": ["Pharmaceuticals"]},
            ),
            ("biotech was a typo, medical devices", {"industries": ["Medical Devices"]}),
            (
                "and I meant VP of Quality, not engineering. autocorrect hates me today",
                {"titles": ["VP of Quality"]},
            ),
            ("sorry I meant CTOs not VPs of engineering", {"titles": ["CTO"]}),
            ("not VPs of engineering, CTOs", {"titles": ["CTO"]}),
            (
                "no wait, I typed Providence but I meant Portsmouth NH",
                {"locations": ["Boston, MA, US", "Portsmouth, NH, US"]},
            ),
            (
                "ugh, where I said Providence I meant Hartford",
                {"locations": ["Boston, MA, US", "Hartford, CT, US"]},
            ),
            ("not Providence, Worcester", {"locations": ["Boston, MA, US", "Worcester, MA, US"]}),
            (
                "make that Denver instead of Providence",
                {"locations": ["Boston, MA, US", "Denver, CO, US"]},
            ),
        ],
    )
    def test_the_new_value_takes_the_old_ones_place(self, text, changed):
        assert _refined(text, ENG_BIO) == {**ENG_BIO, **changed}

    @pytest.mark.parametrize(
        ("text", "state"),
        [("not Ohio, Iowa", "IA, US"), ("sorry, not Ohio but Kentucky", "KY, US")],
    )
    def test_a_state_said_instead(self, text, state):
        assert _refined(text, NURSES_OH) == {**NURSES_OH, "locations": [state]}

    @pytest.mark.parametrize(
        ("text", "changed"),
        [
            ("200-1000 employees, no sorry, 200-2000", {"employees": {"min": 200, "max": 2000}}),
            ("50 to 500 staff, sorry, 50 to 1000", {"employees": {"min": 50, "max": 1000}}),
            ("give me 30, no sorry, 40", {"limit": 40}),
            ("I said 50, not 15", {"limit": 50}),
        ],
    )
    def test_a_number_said_again_replaces_the_first(self, text, changed):
        assert _refined(text, NURSES_OH) == {**NURSES_OH, **changed}

    @pytest.mark.parametrize(
        ("text", "changed"),
        [
            ("not Ohio, add Indiana", {"locations": ["IN, US"], "exclude_locations": ["OH, US"]}),
            (
                "not Columbus itself, the rest of Ohio",
                {"exclude_locations": ["Columbus, OH, US"]},
            ),
        ],
    )
    def test_not_then_something_else_is_no_correction(self, text, changed):
        assert _refined(text, NURSES_OH) == {**NURSES_OH, **changed}


CAMPAIGNED = [{"kind": "campaign_stats", "params": {"campaign": "last"}}]


class TestTheSameQuestionAboutAnotherCampaign:
    @pytest.mark.parametrize(
        "text",
        [
            "and the Webinar Leads one?",
            "what about the webinar leads one",
            "ok and the Q1 Leads one",
        ],
    )
    def test_a_list_named_one_after_a_campaign_is_that_campaign(self, text):
        state = _after(CAMPAIGNED, known=["Q1 Leads", "Webinar Leads"])
        assert _one(text, state).kind is IntentKind.campaign_stats

    def test_without_a_campaign_in_sight_it_is_the_list(self):
        asked = [{"kind": "list_stats", "list_name": "Q1 Leads"}]
        got = _one("and the Webinar Leads one?", _after(asked, known=["Q1 Leads", "Webinar Leads"]))
        assert got.kind is IntentKind.list_stats and got.list_name == "Webinar Leads"


class TestExportingBothListsJustUsed:
    SAVES = (
        [{"kind": "list_add", "list_name": "Gulf Banks", "list_target": "named"}],
        [{"kind": "list_create", "list_name": "Gulf Risk", "list_target": "new"}],
    )

    @pytest.mark.parametrize(
        "text",
        ["export both", "please export both lists", "export them both", "export the two lists"],
    )
    def test_one_export_for_each_of_the_last_two_lists(self, text):
        state = _after(_search(BANKERS), *self.SAVES, known=["Gulf Banks", "Q1 Leads"])
        got = interpret(text, state).intents
        assert [(i.kind, i.list_name, i.list_target) for i in got] == [
            (IntentKind.list_export, "Gulf Banks", "named"),
            (IntentKind.list_export, "Gulf Risk", "named"),
        ]

    def test_the_lists_used_are_remembered_newest_last_once_each(self):
        state = ConversationState()
        for name in ("A", "B", "A", "C", "D", "E", "F"):
            state.used_list(name)
        assert state.recent_list_names == ["B", "A", "C", "D", "E", "F"][-5:]


class TestAStateCodeInLowerCaseAfterACity:
    @pytest.mark.parametrize(
        ("text", "place"),
        [
            ("CTOs at fintechs in portland me", "Portland, ME, US"),
            ("CFOs at hospitals in springfield il", "Springfield, IL, US"),
            ("plant managers in columbus ga", "Columbus, GA, US"),
            ("HR directors in portland or", "Portland, OR, US"),
            ("plant managers in wilmington de, 50+ employees", "Wilmington, DE, US"),
        ],
    )
    def test_the_code_picks_the_citys_state(self, text, place):
        assert _one(text, ConversationState()).filters.locations == [place]

    def test_or_between_two_cities_joins_them(self):
        got = _one("CFOs in portland or seattle", ConversationState())
        assert got.filters.locations == ["Portland, OR, US", "Seattle, WA, US"]

    def test_a_code_the_city_is_not_in_adds_nothing(self):
        got = _one("CFOs in Denver me", ConversationState())
        assert got.filters.locations == ["Denver, CO, US"]


# ------------------------------------------------------------------ an aside is no filter

OPS = {
    "titles": ["VP of Operations", "Director of Operations"],
    "industries": ["Wholesale"],
    "locations": ["OH, US", "IN, US"],
    "limit": 25,
}
CIO_BANKS = {"titles": ["CIO"], "industries": ["Banking"], "locations": ["NY, US"], "limit": 25}
PAYROLL = {
    "titles": ["HR Director", "Payroll Manager"],
    "industries": ["Restaurants", "Retail"],
    "locations": ["GA, US"],
    "employees": {"min": 200, "max": 2000},
    "limit": 25,
}


class TestAnAsideAfterTheRequest:
    @pytest.mark.parametrize(
        ("text", "base", "changed"),
        [
            (
                "only directors please, VPs never answer us",
                OPS,
                {"titles": ["Director of Operations"]},
            ),
            ("just the VPs, directors rarely sign anything", OPS, {"titles": ["VP of Operations"]}),
            (
                "add Michigan too, our rep just moved to Detroit so it's in range now",
                OPS,
                {"locations": ["OH, US", "IN, US", "MI, US"]},
            ),
            (
                "add Kentucky, my colleague lives in Louisville",
                OPS,
                {"locations": ["OH, US", "IN, US", "KY, US"]},
            ),
            (
                "include Illinois as well, our new hire used to work in Chicago",
                OPS,
                {"locations": ["OH, US", "IN, US", "IL, US"]},
            ),
            (
                "add retailers too, we sell to small shops as well",
                OPS,
                {"industries": ["Wholesale", "Retail"]},
            ),
            (
                "let's just see 10 for now, I want to check the quality before I burn credits",
                OPS,
                {"limit": 10},
            ),
            ("just 5 for now, I need to test the emails first", OPS, {"limit": 5}),
            (
                "add IT directors too, a lot of smaller banks don't have a CIO",
                CIO_BANKS,
                {"titles": ["CIO", "IT Director"]},
            ),
            (
                "swap the HR directors for controllers, at chains this size the controller usually owns payroll",
                PAYROLL,
                {"titles": ["Controller", "Payroll Manager"]},
            ),
            (
                "exclude Georgia. In Atlanta we already have a partner who covers it",
                PAYROLL,
                {"locations": None, "exclude_locations": ["GA, US"]},
            ),
        ],
    )
    def test_only_the_request_changes_the_search(self, text, base, changed):
        f = _refined(text, base)
        want = {**base, **changed}
        assert f == {k: v for k, v in want.items() if v is not None}

    @pytest.mark.parametrize(
        ("text", "changed"),
        [
            ("VPs at banks, over 500 employees", {"employees": {"min": 501, "max": None}}),
            ("CFOs at banks, I need 40", {"limit": 40}),
            ("CFOs at banks, hq doesn't matter", {}),
        ],
    )
    def test_a_constraint_after_a_comma_stays(self, text, changed):
        got = _one(text, _after(_search(CIO_BANKS)))
        assert got.kind is IntentKind.prospect_search
        for key, value in changed.items():
            assert got.filters.to_dict()[key] == value

    @pytest.mark.parametrize(
        ("text", "kind", "name"),
        [
            (
                "ok put them in a new list, call it Midwest Distributors Ops, my manager will want to see it",
                IntentKind.list_create,
                "Midwest Distributors Ops",
            ),
            (
                "save these as Ohio Ops Leads, my boss asked for them",
                IntentKind.list_create,
                "Ohio Ops Leads",
            ),
            (
                "merge Q1 Leads into Q4 Pipeline so those folks get the sequence too",
                IntentKind.list_merge,
                "Q4 Pipeline",
            ),
            (
                "add them to Q4 Pipeline so we can email them next week",
                IntentKind.list_add,
                "Q4 Pipeline",
            ),
        ],
    )
    def test_a_list_name_ends_before_the_aside(self, text, kind, name):
        got = _one(text, _after(_search(OPS), known=["Q1 Leads", "Q4 Pipeline"]))
        assert (got.kind, got.list_name) == (kind, name)

    @pytest.mark.parametrize(
        "text",
        [
            'Please more formal. In Germany we write with "Sie" to people we don\'t know.',
            "shorter please. In France we keep these brief",
            "make it warmer, our customers hate stiff emails",
        ],
    )
    def test_an_email_rewrite_with_a_reason_is_one_rewrite(self, text):
        got = _one(text, ConversationState(last_campaign_id=CAMPAIGN))
        assert got.kind is IntentKind.email_rewrite

    @pytest.mark.parametrize(
        "text",
        [
            "dismiss it, I'll handle that one myself",
            "cancel that, we'll do it by hand",
            "reject it, I already sent them an email myself",
            "nope, cancel the pending task thats the wrong list",
            "dismiss that task, its not what I wanted",
            "decline that one because it has the wrong people",
            "cancel this task - wrong campaign",
        ],
    )
    def test_dismissing_with_a_reason(self, text):
        got = _one(text, ConversationState(pending_task_ids=[WAITING]))
        assert got.kind is IntentKind.task_dismiss

    @pytest.mark.parametrize(
        "text",
        [
            "Hello, I search the directors of sales at software companies in Paris",
            "Hi there, I was wondering if you could pull 30 CFOs at hospitals in Texas",
        ],
    )
    def test_a_sentence_about_the_user_that_names_people_is_the_request(self, text):
        got = _one(text, ConversationState())
        assert got.kind is IntentKind.prospect_search and got.filters.titles

    def test_a_polite_request_after_a_lead_in_is_no_aside(self):
        got = _one("Before we start, I would appreciate an overview of what you can do", _after())
        assert got.kind is IntentKind.capabilities

    def test_what_is_wanted_after_so_stays(self):
        got = _one(
            "CFOs at logistics companies in Ohio. We're a payroll company, so I'd love it if they"
            " were also hiring accountants",
            _after(),
        )
        assert got.filters.to_dict()["hiring_for"] == {"titles": ["Accountant"]}


# ------------------------------------------------------------------ a number corrected in place

SIZED = {
    "titles": ["Head of Procurement"],
    "industries": ["Chemicals"],
    "locations": ["NJ, US"],
    "employees": {"min": 3000, "max": None},
    "revenue_usd": {"min": 40_000_000, "max": None},
    "job_change_within_days": 60,
    "limit": 30,
}


class TestANumberCorrectedInPlace:
    @pytest.mark.parametrize(
        ("text", "changed"),
        [
            ("oops, 300+ not 3000+", {"employees": {"min": 300, "max": None}}),
            ("argh typo - 300 not 3000", {"employees": {"min": 300, "max": None}}),
            ("sorry: 1000+ employees, not 3000+", {"employees": {"min": 1000, "max": None}}),
            ("not 3000+, 800+", {"employees": {"min": 800, "max": None}}),
            ("250-750 instead of 3000+", {"employees": {"min": 250, "max": 750}}),
            ("my bad, $4m not $40m", {"revenue_usd": {"min": 4_000_000, "max": None}}),
            ("no, 25m rather than 40m", {"revenue_usd": {"min": 25_000_000, "max": None}}),
            ("it should be 45 days not 60", {"job_change_within_days": 45}),
            ("sorry 12 not 30", {"limit": 12}),
        ],
    )
    def test_the_value_it_names_gets_the_new_number(self, text, changed):
        assert _refined(text, SIZED) == {**SIZED, **changed}

    def test_a_range_said_again_in_place_of_a_range(self):
        ranged = {**SIZED, "employees": {"min": 2000, "max": 8000}}
        got = _refined("whoops, 200-800 not 2000-8000", ranged)
        assert got == {**ranged, "employees": {"min": 200, "max": 800}}

    @pytest.mark.parametrize(
        ("text", "kept", "changed"),
        [
            ("oops - more than 40, not 400", {"min": 401, "max": None}, {"min": 41, "max": None}),
            ("under 90 not 900 sorry", {"min": 10, "max": 899}, {"min": 10, "max": 89}),
            ("no, at least 20, not 200", {"min": 200, "max": 900}, {"min": 20, "max": 900}),
        ],
    )
    def test_a_bound_said_with_its_word(self, text, kept, changed):
        sized = {**SIZED, "employees": kept}
        assert _refined(text, sized) == {**sized, "employees": changed}

    def test_one_bound_corrected_keeps_the_other(self):
        ranged = {**SIZED, "employees": {"min": 100, "max": 9000}}
        got = _refined("900 not 9000", ranged)
        assert got == {**ranged, "employees": {"min": 100, "max": 900}}

    def test_a_number_said_alone_corrects_what_the_last_turn_changed(self):
        before = {k: v for k, v in SIZED.items() if k != "employees"}
        state = _after(_search(before), _search(SIZED))
        got = _one("oh I meant 700", state)
        assert got.kind is IntentKind.prospect_search and got.refinement
        assert got.filters.to_dict() == {**SIZED, "employees": {"min": 700, "max": None}}


# ------------------------------------------------------------------ which of two places of a name


class TestWhichPlaceOfThatName:
    @pytest.mark.parametrize(
        ("text", "where"),
        [
            ("Springfield Illinois not Missouri", "Springfield, IL, US"),
            ("I mean Cambridge Massachusetts, not the UK", "Cambridge, MA, US"),
            ("London Ontario not England please", "London, ON, CA"),
        ],
    )
    def test_the_other_reading_is_named_not_excluded(self, text, where):
        searched = {"titles": ["Controller"], "locations": ["Springfield, MO, US"], "limit": 25}
        got = _refined(text, searched)
        assert got["locations"] == [where]
        assert "exclude_locations" not in got

    def test_the_reading_searched_already_is_confirmed(self):
        searched = {"titles": ["Controller"], "locations": ["Springfield, IL, US"], "limit": 25}
        assert _refined("springfield illinois, not missouri", searched) == searched

    def test_said_in_the_request_itself(self):
        got = interpret("controllers at hospitals in Springfield Illinois not Missouri")
        filters = got.intents[0].filters.to_dict()
        assert filters["locations"] == ["Springfield, IL, US"]
        assert "exclude_locations" not in filters

    @pytest.mark.parametrize(
        ("text", "excluded"),
        [("Texas but not Austin", "Austin, TX, US"), ("Oregon not Portland", "Portland, OR, US")],
    )
    def test_a_place_inside_the_other_is_still_excluded(self, text, excluded):
        got = interpret(f"controllers in {text}").intents[0].filters.to_dict()
        assert got["exclude_locations"] == [excluded]


# ------------------------------------------------------------------ a signal's window, a signal dropped

STAGED = {
    "titles": ["Head of People"],
    "industries": ["Computer Software"],
    "locations": ["DE"],
    "funding_stages": ["seed", "series_a"],
    "limit": 25,
}


class TestASignalsWindowAndASignalDropped:
    @pytest.mark.parametrize(
        ("text", "after"),
        [
            ("within the past 3 months", "2026-09-02"),
            ("over the last 45 days", "2026-10-18"),
            ("only in 2025", None),
        ],
    )
    def test_a_span_after_funding_stages_is_when_the_round_was(self, text, after):
        with labels_day():
            got = _refined(text, STAGED)
        window = (
            {"after": after, "before": None}
            if after
            else {
                "after": "2025-01-01",
                "before": "2025-12-31",
            }
        )
        assert got == {**STAGED, "last_funding": window}

    @pytest.mark.parametrize(
        ("text", "gone"),
        [
            ("way too narrow. remove the job change filter", "job_change_within_days"),
            ("ok lose the new in role bit", "job_change_within_days"),
            ("forget the headcount growth part", "headcount_growth_pct"),
        ],
    )
    def test_a_signal_named_to_be_dropped_is_dropped(self, text, gone):
        signalled = {**STAGED, "job_change_within_days": 60}
        signalled["headcount_growth_pct"] = {"min": 10, "max": None, "months": 12}
        got = _refined(text, signalled)
        assert gone not in got
        assert {k: v for k, v in got.items() if k != gone} == {
            k: v for k, v in signalled.items() if k != gone
        }

    @pytest.mark.parametrize("text", ["too few. drop the seed stage", "hmm so many, only verified"])
    def test_too_few_judges_the_results_and_is_no_count(self, text):
        assert _refined(text, STAGED)["limit"] == 25


# ------------------------------------------------------------------ one technology for another

STACKED = {
    "titles": ["VP of Customer Success"],
    "industries": ["Computer Software"],
    "locations": ["US"],
    "technologies": ["Zendesk", "Salesforce"],
    "employees": {"min": 50, "max": 500},
    "limit": 25,
}


class TestOneTechnologySwappedForAnother:
    @pytest.mark.parametrize(
        ("text", "techs"),
        [
            ("swap zendesk for intercom", ["Intercom", "Salesforce"]),
            ("ok replace Salesforce with HubSpot please", ["Zendesk", "HubSpot"]),
            ("Freshdesk instead of Zendesk", ["Freshdesk", "Salesforce"]),
            ("let's go with pipedrive rather than salesforce", ["Zendesk", "Pipedrive"]),
        ],
    )
    def test_the_others_and_the_rest_of_the_search_stay(self, text, techs):
        assert _refined(text, STACKED) == {**STACKED, "technologies": techs}

    def test_what_it_says_of_the_new_ones_adoption_is_kept(self):
        got = _refined("actually trade zendesk for ones that recently adopted Gorgias", STACKED)
        assert got["technologies"] == ["Gorgias", "Salesforce"]
        assert got["technologies_added_within_days"] == 90
        assert {k: v for k, v in got.items() if not k.startswith("technologies")} == {
            k: v for k, v in STACKED.items() if k != "technologies"
        }


# ------------------------------------------------------------------ both roles, the rest kept


class TestBothRolesTogether:
    @pytest.mark.parametrize(
        "text",
        [
            "both please, VP of customer success and head of support together",
            "yes both - VPs of customer success and heads of support",
            "VPs of customer success and heads of support together",
        ],
    )
    def test_the_roles_join_in_the_same_search(self, text):
        got = _refined(text, STACKED)
        assert got == {**STACKED, "titles": ["VP of Customer Success", "Head of Support"]}

    def test_a_whole_request_starting_with_both_is_a_new_search(self):
        got = _one("Both CEOs and founders at law firms in Texas", _after(_search(STACKED)))
        assert not got.refinement
        assert got.filters.to_dict() == {
            "titles": ["CEO", "Founder"],
            "industries": ["Law Practice"],
            "locations": ["TX, US"],
            "limit": 25,
        }


# ------------------------------------------------------------------ another side: a new search


class TestAnotherSideIsANewSearch:
    @pytest.mark.parametrize(
        ("text", "want"),
        [
            (
                "ok now the agency side: account directors at companies with $50M+ in revenue",
                {
                    "titles": ["Account Director"],
                    "revenue_usd": {"min": 50_000_000, "max": None},
                    "limit": 25,
                },
            ),
            (
                "switching gears - HR directors at hospitals",
                {"titles": ["HR Director"], "industries": ["Hospital & Health Care"], "limit": 25},
            ),
            ("next, a separate search: CTOs", {"titles": ["CTO"], "limit": 25}),
        ],
    )
    def test_the_people_that_follow_are_searched_afresh(self, text, want):
        got = _one(text, _after(_search(BANKERS)))
        assert got.kind is IntentKind.prospect_search and not got.refinement
        assert got.filters.to_dict() == want

    def test_now_and_a_role_still_change_the_last_search(self):
        assert _refined("now treasury managers", BANKERS) == {
            **BANKERS,
            "titles": ["Treasury Manager"],
        }


# ------------------------------------------------------------------ asking how the request would look


class TestAskingHowItWouldLook:
    @pytest.mark.parametrize(
        "text",
        [
            "Payroll managers at retailers in Denver, how would that look?",
            "compliance officers at credit unions in Utah - what would that look like?",
            "plant managers at breweries in Oregon, would that work?",
        ],
    )
    def test_the_question_asks_nothing_more(self, text):
        got = interpret(text, ConversationState()).intents
        assert [i.kind for i in got] == [IntentKind.prospect_search]


# ------------------------------------------------------------------ how some people tend to be


class TestHowSomePeopleTendToBe:
    @pytest.mark.parametrize(
        "text",
        [
            "Could you add heads of treasury? Principals' assistants tend to respond to them.",
            "also risk directors. Treasurers' teams tend to be the ones who sign off.",
        ],
    )
    def test_the_remark_is_no_second_search(self, text):
        got = interpret(text, _after(_search(BANKERS))).intents
        assert [i.kind for i in got] == [IntentKind.prospect_search]
        assert got[0].refinement

    def test_the_remark_after_an_email_change_is_no_search(self):
        state = _after(
            _search(BANKERS),
            [{"kind": "campaign_create", "list_name": "TX Banks", "params": {"topic": "audits"}}],
            known=["TX Banks"],
        )
        got = interpret(
            "Make the emails warmer please. Founders' assistants tend to prefer that.", state
        )
        assert [i.kind for i in got.intents] == [IntentKind.email_rewrite]


# ------------------------------------------------------------------ a value left out, allowed again

LEFT_OUT = {
    "titles": ["Claims Manager"],
    "industries": ["Insurance"],
    "exclude_industries": ["Health, Wellness and Fitness"],
    "locations": ["FL, US"],
    "exclude_locations": ["Miami, FL, US"],
    "limit": 25,
}


class TestAValueLeftOutAllowedAgain:
    @pytest.mark.parametrize("text", ["actually Miami is fine", "ok include miami too"])
    def test_the_place_is_no_longer_excluded(self, text):
        got = _refined(text, LEFT_OUT)
        assert got == {k: v for k, v in LEFT_OUT.items() if k != "exclude_locations"}

    def test_the_industry_is_no_longer_excluded(self):
        got = _refined("fitness companies are ok after all", LEFT_OUT)
        assert got == {k: v for k, v in LEFT_OUT.items() if k != "exclude_industries"}


# ------------------------------------------------------------------ the companies' size named to be cleared

COMPANY_SIZED = {
    **BANKERS,
    "employees": {"min": 50, "max": 500},
    "revenue_usd": {"min": 5_000_000, "max": None},
}


class TestTheCompaniesSizeCleared:
    @pytest.mark.parametrize(
        ("text", "gone"),
        [
            ("please remove the company size filter", "employees"),
            ("drop the companies' headcount requirement", "employees"),
            ("lose the company revenue limit", "revenue_usd"),
        ],
    )
    def test_that_filter_goes_and_the_rest_stays(self, text, gone):
        assert _refined(text, COMPANY_SIZED) == {
            k: v for k, v in COMPANY_SIZED.items() if k != gone
        }


# ------------------------------------------------------------------ "instead of X" said first


class TestInsteadOfSaidFirst:
    @pytest.mark.parametrize(
        ("text", "changed"),
        [
            (
                "instead of risk managers, compliance officers and auditors",
                {"titles": ["CFO", "Compliance Officer", "Auditor"]},
            ),
            ("ok rather than Texas: Arizona please", {"locations": ["AZ, US"]}),
            ("in place of the banks - insurers", {"industries": ["Insurance"]}),
        ],
    )
    def test_the_new_value_replaces_the_one_named(self, text, changed):
        assert _refined(text, BANKERS) == {**BANKERS, **changed}


# ------------------------------------------------------------------ the cities widened to their states

CITIES = {
    "titles": ["Estimator"],
    "industries": ["Construction"],
    "locations": ["Boise, ID, US", "Spokane, WA, US"],
    "limit": 25,
}


class TestTheCitiesWidenedToTheirStates:
    @pytest.mark.parametrize(
        "text",
        ["actually people in the whole state", "statewide please", "ok the entire state then"],
    )
    def test_each_city_becomes_its_state(self, text):
        assert _refined(text, CITIES) == {**CITIES, "locations": ["ID, US", "WA, US"]}


# ------------------------------------------------------------------ the companies' place rather than the people's


class TestTheCompaniesPlaceRatherThanThePeoples:
    @pytest.mark.parametrize(
        "text",
        [
            "same but companies based in Texas rather than people in Texas",
            "firms headquartered in Texas, not people located in Texas",
        ],
    )
    def test_the_place_moves_to_the_companies_and_nobody_is_left_out(self, text):
        got = _refined(text, BANKERS)
        assert got == {
            **{k: v for k, v in BANKERS.items() if k != "locations"},
            "company_locations": ["TX, US"],
        }


# ------------------------------------------------------------------ other emails fine too


class TestOtherEmailsFineToo:
    @pytest.mark.parametrize(
        "text", ["guessed emails are ok too", "include guessed emails as well please"]
    )
    def test_with_no_email_filter_yet_the_verified_ones_stay_wanted(self, text):
        assert _refined(text, BANKERS) == {**BANKERS, "email_status": ["verified", "guessed"]}

    def test_a_search_asking_for_some_adds_to_them(self):
        asked = {**BANKERS, "email_status": ["guessed"]}
        got = _refined("verified emails are fine too", asked)
        assert got["email_status"] == ["guessed", "verified"]


# ------------------------------------------------------------------ a value corrected in the same message


def _new(text: str) -> dict:
    got = _one(text, ConversationState())
    assert got.kind is IntentKind.prospect_search, got
    return got.filters.to_dict()


class TestAValueCorrectedInTheSameMessage:
    def test_a_size_corrected_with_i_mean_after_it_stays_a_size(self):
        got = _new("plant managers at food companies in Iowa, 500+ employees, no wait, 200+ I mean")
        assert got["employees"] == {"min": 200, "max": None}
        assert got["limit"] == 25

    @pytest.mark.parametrize(
        ("text", "techs"),
        [
            ("only ones that use Zendesk, no wait, Freshdesk", ["Freshdesk"]),
            ("only companies running Shopify, sorry, BigCommerce", ["BigCommerce"]),
        ],
    )
    def test_a_tool_corrected_replaces_the_tool_alone(self, text, techs):
        assert _refined(text, BANKERS) == {**BANKERS, "technologies": techs}

    def test_a_place_corrected_after_a_full_stop_replaces_it(self):
        got = _new("risk managers at insurers in New England. no wait, Ohio and Indiana")
        assert got["locations"] == ["OH, US", "IN, US"]
        assert "exclude_locations" not in got

    def test_a_place_added_then_narrowed_adds_the_part_meant(self):
        got = _refined("add the Dakotas. I mean just South Dakota", BANKERS)
        assert got["locations"] == ["TX, US", "SD, US"]

    def test_a_role_corrected_keeps_all_its_words(self):
        got = _new("account managers, i mean account directors, at banks in Utah")
        assert got["titles"] == ["Account Director"]

    @pytest.mark.parametrize(
        "text",
        [
            "office managers?? no \u2014 practice administrators at dental clinics in Reno",
            "office managers? no - practice administrators at dental clinics in Reno",
        ],
    )
    def test_a_role_taken_back_with_no_and_a_dash_gives_way_to_the_request(self, text):
        got = _new(text)
        assert got["titles"] == ["Practice Administrator"]
        assert got["locations"] == ["Reno, NV, US"]

    def test_a_sentence_naming_something_else_is_no_correction(self):
        got = _new("CFOs at banks in Ohio. I mean it, verified only")
        assert got["locations"] == ["OH, US"]
        assert got["email_status"] == ["verified"]


# ------------------------------------------------------------------ leaving out the people saved


class TestLeavingOutThePeopleSaved:
    @pytest.mark.parametrize(
        "text",
        [
            "and drop everyone already in my contacts",
            "please remove the ones which we have already saved",
            "filter out anybody already in me crm",
            "get rid of the people I've already saved",
        ],
    )
    def test_a_follow_up_keeps_the_search_and_leaves_them_out(self, text):
        assert _refined(text, BANKERS) == {**BANKERS, "exclude_saved": True}

    def test_said_in_a_new_search(self):
        got = _new("payroll managers at retailers in Leeds, take out anyone already in me contacts")
        assert got["exclude_saved"] is True
        assert got["locations"] == ["Leeds, GB"]

    def test_taken_off_a_list_is_no_exclusion(self):
        got = _one(
            "remove the people I already saved from Q1 Leads",
            _after(_search(BANKERS), known=["Q1 Leads"]),
        )
        assert got.kind is IntentKind.list_remove


# ------------------------------------------------------------------ the same search, one thing changed


class TestTheSameSearchWithOneThingChanged:
    @pytest.mark.parametrize(
        "text",
        ["treasury managers, same companies", "now treasury managers, same states and size"],
    )
    def test_another_role_at_the_same_companies_keeps_the_rest(self, text):
        assert _refined(text, BANKERS) == {**BANKERS, "titles": ["Treasury Manager"]}

    def test_another_tool_and_size_replace_the_searchs_own(self):
        got = _refined("same but HubSpot and 50-250", SAAS)
        assert got == {**SAAS, "technologies": ["HubSpot"], "employees": {"min": 50, "max": 250}}

    def test_another_tool_alone_replaces_the_searchs_own(self):
        assert _refined("ok same but Pipedrive", SAAS) == {**SAAS, "technologies": ["Pipedrive"]}


# ------------------------------------------------------------------ one more kind of company, tersely

KEYWORDED = {
    "seniorities": ["owner"],
    "industries": ["Construction"],
    "keywords": ["roofing"],
    "locations": ["AZ, US"],
    "limit": 25,
}


class TestOneMoreKindOfCompanyTersely:
    @pytest.mark.parametrize("text", ["an hospitals to", "an insurers", "and hotels to"])
    def test_typed_fast_it_adds_an_industry(self, text):
        got = _refined(text, BANKERS)
        assert got["industries"][0] == "Banking" and len(got["industries"]) == 2
        assert {k: v for k, v in got.items() if k != "industries"} == {
            k: v for k, v in BANKERS.items() if k != "industries"
        }

    @pytest.mark.parametrize("text", ["landscaping too", "also siding", "add gutters as well"])
    def test_a_word_added_to_a_search_with_keywords_is_one_more_keyword(self, text):
        word = next(w for w in text.split() if w not in ("too", "also", "add", "as", "well"))
        assert _refined(text, KEYWORDED) == {**KEYWORDED, "keywords": ["roofing", word]}

    @pytest.mark.parametrize("text", ["thx too", "ok too", "cheers too"])
    def test_thanks_are_no_keyword(self, text):
        assert _one(text, _after(_search(KEYWORDED))).kind is not IntentKind.prospect_search


# ------------------------------------------------------------------ one of two values not wanted, the other only

TWO_KINDS = {
    "titles": ["COO"],
    "industries": ["Hospitality", "Restaurants"],
    "locations": ["FL, US", "GA, US"],
    "limit": 25,
}


class TestOneOfTwoValuesNotWantedTheOtherOnly:
    @pytest.mark.parametrize(
        "text", ["Not the restaurants, only hotels", "no restaurants but just the hotels please"]
    )
    def test_the_other_industry_is_dropped_not_excluded(self, text):
        assert _refined(text, TWO_KINDS) == {**TWO_KINDS, "industries": ["Hospitality"]}

    def test_the_other_place_is_dropped_not_excluded(self):
        got = _refined("not Georgia. only Florida", TWO_KINDS)
        assert got == {**TWO_KINDS, "locations": ["FL, US"]}

    def test_a_value_only_said_not_to_be_wanted_is_still_excluded(self):
        got = _refined("not the restaurants", TWO_KINDS)
        assert got["exclude_industries"] == ["Restaurants"]


# ------------------------------------------------------------------ the date of a signal dropped, the signal kept

DATED = {
    "titles": ["CFO"],
    "industries": ["Computer Software"],
    "locations": ["CO, US"],
    "funding_stages": ["seed", "series_a"],
    "last_funding": {"after": "2026-03-01", "before": None},
    "limit": 25,
}


class TestTheDateOfASignalDropped:
    @pytest.mark.parametrize(
        "text",
        [
            "too narrow, remove the dates but keep the rounds",
            "forget the timeframe, same stages",
            "ok lose the date range",
        ],
    )
    def test_the_stages_stay_without_a_date(self, text):
        assert _refined(text, DATED) == {k: v for k, v in DATED.items() if k != "last_funding"}

    @pytest.mark.parametrize(
        "text", ["drop the 2026 part", "ok remove the march part, any date works"]
    )
    def test_the_year_named_to_be_dropped_is_dropped(self, text):
        yearly = {**DATED, "last_funding": {"after": "2026-01-01", "before": "2026-12-31"}}
        assert _refined(text, yearly) == {k: v for k, v in DATED.items() if k != "last_funding"}

    def test_the_tool_stays_without_when_it_was_adopted(self):
        adopted = {**SAAS, "technologies_added_within_days": 90}
        assert _refined("drop the time frame", adopted) == SAAS


# ------------------------------------------------------------------ a code alone, a kind left out

VETS = {
    "titles": ["Practice Manager"],
    "industries": ["Veterinary"],
    "locations": ["OH, US", "KY, US"],
    "email_status": ["verified"],
    "limit": 15,
}


class TestATerseCodeOrExclusion:
    @pytest.mark.parametrize(
        ("text", "where"),
        [("ga instead", "GA, US"), ("MD instead", "MD, US"), ("switch to pa", "PA, US")],
    )
    def test_a_code_alone_replaces_the_places(self, text, where):
        assert _refined(text, VETS) == {**VETS, "locations": [where]}

    @pytest.mark.parametrize("text", ["no equine", "and no exotics please", "without mobile"])
    def test_a_kind_left_out_is_named_and_the_search_kept(self, text):
        got = _one(text, _after(_search(VETS)))
        assert got.kind is IntentKind.prospect_search and got.refinement
        assert got.filters.to_dict() == VETS
        assert got.unsupported == ["exclude_keywords"]

    @pytest.mark.parametrize("text", ["no worries", "not sure", "no rush"])
    def test_a_no_that_leaves_nothing_out(self, text):
        got = interpret(text, _after(_search(VETS))).intents
        assert all("exclude_keywords" not in i.unsupported for i in got)


# ------------------------------------------------------------------ lists said in other words

GROCERS = {"titles": ["Store Manager"], "industries": ["Supermarkets"], "limit": 25}
MY_LISTS = ["Grocers North", "Bakery Buyers 2026", "old-import-test", "Deli Owners"]


def _kinds(text: str, state: ConversationState) -> list[tuple[IntentKind, str | None]]:
    return [(i.kind, i.list_name) for i in interpret(text, state).intents]


class TestListRequestsSaidInSlangOrTersely:
    @pytest.mark.parametrize(
        "text",
        [
            "brilliant, bung them in Grocers North ta",
            "pop the lot into Grocers North, cheers",
            "toss em all onto Grocers North please",
            "into Grocers North",
            "and onto grocers north please",
        ],
    )
    def test_saved_to_a_known_list(self, text):
        got = _one(text, _after(_search(GROCERS), known=MY_LISTS))
        assert (got.kind, got.list_name) == (IntentKind.list_add, "Grocers North"), got
        assert got.selector == {"prospects": "last_results"}

    def test_a_place_after_into_is_still_a_place(self):
        got = _one("into Ohio", _after(_search(GROCERS), known=MY_LISTS))
        assert got.kind is IntentKind.prospect_search

    @pytest.mark.parametrize(
        ("text", "kind"),
        [
            ("do you mind combining Deli Owners into Grocers North?", IntentKind.list_merge),
            ("would you mind renaming Deli Owners to Deli Buyers", IntentKind.list_rename),
            ("zap the list old-import-test, obsolete", IntentKind.list_delete),
            ("and the Deli Owners list we can get rid of", IntentKind.list_delete),
            ("Deli Owners can be deleted now", IntentKind.list_delete),
            ("the Deli Owners list you can export", IntentKind.list_export),
        ],
    )
    def test_housekeeping(self, text, kind):
        got = _one(text, _after(known=MY_LISTS))
        assert got.kind is kind, got

    @pytest.mark.parametrize(
        "text", ["whcih lists have I got again?", "what lists do we have so far"]
    )
    def test_the_lists_shown(self, text):
        assert _one(text, _after(known=MY_LISTS)).kind is IntentKind.list_show

    @pytest.mark.parametrize(
        ("text", "kind"),
        [
            ("download Deli Owners and Bakery Buyers 2026", IntentKind.list_export),
            ("delete old-import-test, Deli Owners and 'Grocers North'", IntentKind.list_delete),
        ],
    )
    def test_several_lists_one_step_each(self, text, kind):
        got = interpret(text, _after(known=MY_LISTS)).intents
        assert [i.kind for i in got] == [kind] * len(got) and len(got) >= 2, got
        assert all(i.list_name in MY_LISTS for i in got)

    def test_a_remark_after_one_list_is_no_second_list(self):
        got = _kinds("delete the Deli Owners list, we never used it", _after(known=MY_LISTS))
        assert got == [(IntentKind.list_delete, "Deli Owners")]

    def test_the_correction_wins(self):
        got = interpret(
            "how big is Bakery Buyers 2026? actually no, who's on there",
            _after(known=MY_LISTS),
        ).intents
        assert len(got) == 1, got
        # "who's on there" asks for the people, as "who's on Bakery Buyers 2026?" does
        assert (got[0].kind, got[0].list_name) == (IntentKind.list_contents, "Bakery Buyers 2026")
        assert got[0].params.get("show") is True


# ------------------------------------------------------------------ a day written day first is a date, not a count


class TestADayWrittenDayFirst:
    @pytest.mark.parametrize(
        ("text", "after"),
        [
            ("only ones that raised on or after 15 March 2026", "2026-03-15"),
            ("Series A or B, funded since the 2nd of February 2026.", "2026-02-02"),
            ("restrict to rounds raised since 2025-11-20", "2025-11-20"),
            ("raised after 30 September 2025", "2025-10-01"),
        ],
    )
    def test_the_round_is_dated_and_the_count_stays(self, text, after):
        with labels_day():
            got = _refined(text, BANKERS)
        assert got["last_funding"] == {"after": after, "before": None}
        assert got["limit"] == 25


class TestATaskSaidByWhatItIs:
    """A task named by what it is ("the Salesforce search task", "the Shopify one") is the one
    waiting when only one waits (asked about among several); a reason or thanks after the answer,
    and a confirmation before it, are no other request."""

    ONE = ConversationState(pending_task_ids=["t-1"])
    TWO = ConversationState(pending_task_ids=["t-1", "t-2"])

    @pytest.mark.parametrize(
        ("text", "kind"),
        [
            ("approve the Salesforce search task", IntentKind.task_approve),
            ("ok confirm the Ohio CFO export", IntentKind.task_approve),
            ("dismiss the Shopify one, wrong industry", IntentKind.task_dismiss),
            ("cancel the Denver dentists task, too broad", IntentKind.task_dismiss),
        ],
    )
    def test_the_one_waiting(self, text, kind):
        assert _one(text, self.ONE).kind is kind
        got = _one(text, self.TWO)
        assert got.kind is IntentKind.clarify and got.question == "which_task"

    @pytest.mark.parametrize(
        "text",
        [
            "Approve it please. Thanks so much for sorting all this out!",
            "go ahead and approve it, cheers mate",
            "Yes I confirm, approve the task",
            "i agree, approve it",
        ],
    )
    def test_thanks_after_and_a_confirmation_before(self, text):
        assert _one(text, self.ONE).kind is IntentKind.task_approve


class TestWhatTheEmailIsSaidToBe:
    """What the email is said to be ("it reads a little stiff", "sounds so corporate") asks for
    the opposite tone unless one is asked for in so many words; a sentence after the change about
    how its readers are ("Hospital buyers' assistants tend to prefer that") is no search."""

    STATE = ConversationState(last_campaign_id="camp-1")

    @pytest.mark.parametrize(
        ("text", "tone"),
        [
            ("honestly it reads a bit stiff 🙈 could you make it more relaxed?", "casual"),
            ("this sounds kinda corporate so make it more laid-back pls", "casual"),
            ("rewrite the email please it sounds so corporate", "casual"),
            ("it's way too stiff, loosen it up a little", "casual"),
        ],
    )
    def test_the_tone_asked_for(self, text, tone):
        got = _one(text, self.STATE)
        assert got.kind is IntentKind.email_rewrite and got.params["tone"] == tone, got

    @pytest.mark.parametrize(
        "text",
        [
            "Please make the emails more formal. Hospital buyers' assistants tend to prefer that.",
            "shorter please. The CFO's assistants usually screen long emails.",
        ],
    )
    def test_a_sentence_about_the_readers_is_no_search(self, text):
        assert _one(text, self.STATE).kind is IntentKind.email_rewrite


class TestRemarksAfterAnAction:
    """A sentence after a change to a campaign or a list that says something of people with its
    own verb ("realtors hate formal emails", "it goes out under the principal's signature") is a
    remark about the change, not a second search; one that asks for people still searches."""

    STATE = ConversationState(last_campaign_id="camp-1", known_list_names=["Roofers TX"])

    @pytest.mark.parametrize(
        ("text", "kind"),
        [
            ("make it friendlier!! realtors hate formal emails lol", IntentKind.email_rewrite),
            ("shorten the emails!! lawyers hate reading essays haha", IntentKind.email_rewrite),
            ("Make it warmer please; it is signed by our founder.", IntentKind.email_rewrite),
            (
                "Make it more formal; it goes out under the principal's signature.",
                IntentKind.email_rewrite,
            ),
        ],
    )
    def test_the_remark_is_no_search(self, text, kind):
        assert [i.kind for i in interpret(text, self.STATE).intents] == [kind]

    def test_a_search_after_the_action_is_still_read(self):
        kinds = [
            i.kind for i in interpret("pause the campaign. then CTOs at banks", self.STATE).intents
        ]
        assert kinds == [IntentKind.campaign_pause, IntentKind.prospect_search]


class TestWhatAnExportIsFor:
    """What the user means to do with an exported file ("so I can send it to the team", "to
    share with my boss") is no action of Lexi's and no part of the list's name."""

    STATE = ConversationState(known_list_names=["Roofers TX", "Expo Leads 2026"])

    @pytest.mark.parametrize(
        ("text", "name"),
        [
            ("export Roofers TX so I can send it to the field reps", "Roofers TX"),
            ("export Expo Leads 2026 so that our partners can review it", "Expo Leads 2026"),
            ("please export Roofers TX to share with the board", "Roofers TX"),
            ("download Expo Leads 2026 so my manager can check it", "Expo Leads 2026"),
        ],
    )
    def test_one_export_of_the_list(self, text, name):
        got = _one(text, self.STATE)
        assert got.kind is IntentKind.list_export and got.list_name == name, got


class TestActionWordsMisspelled:
    """Common misspellings of the words of actions ("casul", "lanch", "allready") are read as
    those words."""

    STATE = ConversationState(last_campaign_id="camp-1", known_list_names=["Roofers TX"])

    @pytest.mark.parametrize(
        ("text", "kind"),
        [
            ("can you make it less fromal", IntentKind.email_rewrite),
            ("make it more casaul pls", IntentKind.email_rewrite),
            ("alright luanch the campaign", IntentKind.campaign_start),
            ("ok lauch it now", IntentKind.campaign_start),
            ("set up a campiagn for Roofers TX about our storm repair", IntentKind.campaign_create),
        ],
    )
    def test_the_action(self, text, kind):
        assert _one(text, self.STATE).kind is kind

    def test_already_saved_misspelled(self):
        state = state_after(_search({"titles": ["Roofer"], "locations": ["TX, US"]}))
        got = _one("skip the ones i alredy saved", state)
        assert got.kind is IntentKind.prospect_search and got.filters.exclude_saved, got


class TestWhatTheListIsSaidAfterItsName:
    """ "delete scratch-9 list pls its just junk": what the list is, said after its name with no
    stop between, is no part of the name; "evryone from X" misspelled is still everyone at X."""

    STATE = ConversationState(known_list_names=["Roofers TX", "Expo Leads 2026"])

    @pytest.mark.parametrize(
        ("text", "name"),
        [
            ("delete scratch-9 list pls its just junk", "scratch-9"),
            ("delete Expo Leads 2026 please that's outdated", "Expo Leads 2026"),
            ("delete the demo-list-4 list it was only a test", "demo-list-4"),
        ],
    )
    def test_the_name_alone(self, text, name):
        got = _one(text, self.STATE)
        assert got.kind is IntentKind.list_delete and got.list_name == name, got

    def test_everyone_misspelled(self):
        got = _one("remove evreyone from Hilltop Roofing out of Roofers TX", self.STATE)
        assert got.kind is IntentKind.list_remove and got.selector == {"company": "Hilltop Roofing"}


class TestExportingTheListJustShown:
    """ "show me Sales Leaders Q1" ... "export that one": the list just shown, not an export of
    search results Lexi cannot do."""

    @pytest.mark.parametrize("shown", ["Ortho Buyers", "Webinar Nov 2026"])
    def test_that_one_is_the_list_shown(self, shown):
        state = state_after(
            [{"kind": "list_stats", "list_name": shown, "list_target": "named"}],
            known=["Ortho Buyers", "Webinar Nov 2026"],
        )
        got = _one("ok export this one", state)
        assert got.kind is IntentKind.list_export
        assert got.list_name == shown


class TestAnsweringATaskByWhatItDoes:
    """ "approve the merge", "cancel the rename": the pending task named by what it does."""

    @pytest.mark.parametrize(
        ("text", "kind"),
        [
            ("ok confirm the list merge", IntentKind.task_approve),
            ("go ahead and approve the renaming", IntentKind.task_approve),
            ("cancel the merge, wrong list", IntentKind.task_dismiss),
        ],
    )
    def test_the_waiting_task_is_answered(self, text, kind):
        got = _one(text, ConversationState(pending_task_ids=[WAITING]))
        assert got.kind is kind


class TestJustOneOfTheValuesJoined:
    """ "save those to A and B... no wait, just A": the correction keeps the one value named."""

    @pytest.mark.parametrize(
        ("text", "name"),
        [
            (
                "put them in Ortho Buyers and Webinar Nov 2026... wait no, just Ortho Buyers",
                "Ortho Buyers",
            ),
            (
                "add these to Webinar Nov 2026 & Ortho Buyers, no wait, only Ortho Buyers",
                "Ortho Buyers",
            ),
        ],
    )
    def test_the_list_kept(self, text, name):
        state = state_after(_search(BANKERS), known=["Ortho Buyers", "Webinar Nov 2026"])
        got = _one(text, state)
        assert got.kind is IntentKind.list_add
        assert got.list_name == name


def _kinds_of(text: str, state: ConversationState) -> list[IntentKind]:
    return [i.kind for i in interpret(text, state).intents]


class TestTwoAsksJoinedLoosely:
    """ "credits + whats pending", "how many credits do I have and what's in Q4 Pipeline": two
    asks joined by "and" or "+", each answered; "it" after saving is that list."""

    @pytest.mark.parametrize(
        ("text", "kinds"),
        [
            ("credits + whats pending", [IntentKind.credits, IntentKind.tasks]),
            ("balance and pending tasks pls", [IntentKind.credits, IntentKind.tasks]),
            (
                "how many credits do i have and whats in Q4 Pipeline",
                [IntentKind.credits, IntentKind.list_stats],
            ),
        ],
    )
    def test_both_asks(self, text, kinds):
        assert _kinds_of(text, ConversationState(known_list_names=["Q4 Pipeline"])) == kinds

    def test_it_is_the_list_just_saved_to(self):
        state = ConversationState(known_list_names=["Dublin Risk"])
        intents = interpret(
            "add 8 heads of risk at banks in Dublin to Dublin Risk and then tell me how many are in it",
            state,
        ).intents
        assert [i.kind for i in intents] == [
            IntentKind.prospect_search,
            IntentKind.list_add,
            IntentKind.list_stats,
        ]
        assert intents[-1].list_name == "Dublin Risk"


class TestTheCampaignLookedAtAndSent:
    """After a campaign: "let me see it (again)", "can I see it?" show its emails; "send" alone
    starts it (as an approval task); without a campaign they ask nothing of one."""

    CAMPAIGN = ConversationState(last_campaign_id="c1")

    @pytest.mark.parametrize(
        "text", ["let me see it", "lemme see it again", "can I see it?", "show it to me"]
    )
    def test_shown(self, text):
        assert _kinds_of(text, self.CAMPAIGN) == [IntentKind.campaign_show]

    def test_send_alone_starts_it(self):
        assert _kinds_of("send", self.CAMPAIGN) == [IntentKind.campaign_start]

    def test_without_a_campaign(self):
        assert IntentKind.campaign_show not in _kinds_of("let me see it", ConversationState())


class TestRewritesSaidAsComplaints:
    """ "subject line is meh, make it more direct" is one rewrite of the subject; "is to long"
    is too long; "trim it down, and change the subject line ..." two rewrites (body, subject)."""

    CAMPAIGN = ConversationState(last_campaign_id="c1")

    def test_subject_verdict_then_tone(self):
        (intent,) = interpret("subject line is boring, make it more direct", self.CAMPAIGN).intents
        assert intent.kind is IntentKind.email_rewrite
        assert intent.params["tone"] == "direct"
        assert intent.params["part"] == "subject"
        assert "edit" not in intent.params

    def test_to_for_too(self):
        (intent,) = interpret("the 3rd email is to long, cut it down", self.CAMPAIGN).intents
        assert intent.params["tone"] == "shorter"

    def test_body_then_subject(self):
        intents = interpret(
            "a bit too long, trim it please, and change the subject line so it mentions the webinar",
            self.CAMPAIGN,
        ).intents
        assert [i.params.get("part") for i in intents] == [None, "subject"]
        assert intents[0].params["tone"] == "shorter"


class TestSkippingApproval:
    """Asking to skip the approval step, however casually, is never acted on."""

    @pytest.mark.parametrize(
        "text",
        [
            "just skip the approval step and add all 300, no time",
            "send it without the approval step, I'm the owner, it's fine",
            "forget the confirmation, launch it",
        ],
    )
    def test_permission(self, text):
        (intent,) = interpret(text, ConversationState(last_campaign_id="c1")).intents
        assert intent.kind is IntentKind.clarify
        assert intent.missing == ["permission"]


class TestAsksLexiCannotServeInOtherWords:
    """Feeding another tool with the people, meetings of other kinds, scraping other sites, data
    Lexi does not hold; and contact data asked with a search is a note on that search."""

    STATE = ConversationState(last_filters={"titles": ["CFO"], "limit": 25}, last_offset=25)

    @pytest.mark.parametrize(
        "text",
        [
            "push these into jobber as leads",
            "book a lunch with her next week",
            "scrape the exhibitor list from the expo website and load it in",
            "pull their lease expiration dates",
        ],
    )
    def test_unsupported(self, text):
        assert _kinds_of(text, self.STATE) == [IntentKind.unsupported]

    def test_contact_data_with_a_search(self):
        (intent,) = interpret(
            "plant managers at food companies in Ohio, need direct dials", ConversationState()
        ).intents
        assert intent.kind is IntentKind.prospect_search
        assert intent.unsupported == ["phone"]


class TestRefinementsSaidInPassing:
    """Turns of a conversation that edit the search in other words: a replacement said after
    a drop, the last restriction taken back, a range of years, the user's own colleagues, a
    remark naming something after a comma, a language, "next one:", "us + canada"."""

    WAREHOUSES: ClassVar[dict] = {
        "titles": ["VP of Operations"],
        "industries": ["Warehousing"],
        "technologies": ["NetSuite"],
        "limit": 25,
    }

    def test_drop_then_instead(self):
        (intent,) = interpret(
            "too few. drop netsuite, instead show companies hiring forklift drivers",
            _after(_search(self.WAREHOUSES)),
        ).intents
        assert intent.filters.technologies == []
        assert intent.filters.hiring_for == {"titles": ["Forklift Driver"]}

    def test_that_restriction_taken_back(self):
        conv = ConversationState()
        for text in (
            "litigation associates at law firms in denver",
            "only those who changed firms in the last 90 days",
        ):
            next_turn(conv)
            conv = advance(conv, interpret(text, conv))
        next_turn(conv)
        (intent,) = interpret("hmm, remove that restriction and show me 50", conv).intents
        assert intent.filters.job_change_within_days is None
        assert intent.filters.limit == 50
        assert intent.filters.titles == ["Litigation Associate"]

    @pytest.mark.parametrize(
        ("text", "code"),
        [
            ("ideally they would have 3 to 5 years of experience", "years_of_experience"),
            ("and they must speak German", "languages"),
        ],
    )
    def test_criteria_lexi_cannot_filter_on(self, text, code):
        (intent,) = interpret(text, _after(_search(BANKERS))).intents
        assert intent.kind is IntentKind.prospect_search
        assert code in intent.unsupported
        assert intent.filters.limit == 25

    def test_colleagues_are_nobody_to_find(self):
        intents = interpret(
            "I shall review it with my partners first. How many credits remain?",
            ConversationState(last_campaign_id="c1"),
        ).intents
        assert [i.kind for i in intents] == [IntentKind.credits]

    def test_a_remark_naming_something(self):
        (intent,) = interpret(
            "leave out Dallas, DISD is a separate procurement process", _after(_search(BANKERS))
        ).intents
        assert intent.filters.exclude_locations == ["Dallas, TX, US"]
        assert not intent.filters.keywords

    def test_next_one_is_no_count(self):
        (intent,) = interpret(
            'next one: seniority:Owner keywords:"pet store" location:Colorado',
            _after(_search(BANKERS)),
        ).intents
        assert intent.filters.limit == 25
        assert intent.filters.keywords == ["pet store"]

    @pytest.mark.parametrize("text", ["us + canada", "canada and us"])
    def test_us_listed_with_a_country(self, text):
        (intent,) = interpret(text, _after(_search(BANKERS))).intents
        assert set(intent.filters.locations) == {"US", "CA"}


class TestNowBeforeAWholeRequest:
    """ "Now 20 dentists in South Florida": a whole request after "now" is the next search; "now
    CEOs" alone changes the last one."""

    VERIFIED: ClassVar[dict] = {
        "titles": ["Orthodontist"],
        "locations": ["TX, US"],
        "email_status": ["verified"],
        "limit": 25,
    }

    def test_new_search(self):
        (intent,) = interpret("Now 20 dentists in Ohio", _after(_search(self.VERIFIED))).intents
        assert not intent.refinement
        assert intent.filters.email_status == []
        assert intent.filters.locations == ["OH, US"]

    def test_role_alone_refines(self):
        (intent,) = interpret("now CEOs", _after(_search(self.VERIFIED))).intents
        assert intent.refinement
        assert intent.filters.email_status == ["verified"]


class TestMoreTurnsOfAConversation:
    """Roles joined by "+", cities typed in a row, a drop with "any industry is fine", "on X or
    Y", a reason with "they", colleagues asked to review, "show me the whole thing", salaries."""

    PLANTS: ClassVar[dict] = {"titles": ["Plant Manager"], "industries": ["Machinery"], "limit": 25}

    def test_plus_between_roles(self):
        (intent,) = interpret(
            "fleet managers + directors of transportation", ConversationState()
        ).intents
        assert intent.filters.titles == ["Fleet Manager", "Director of Transportation"]

    def test_cities_in_a_row(self):
        state = _after(
            _search({"titles": ["Property Manager"], "locations": ["Phoenix, AZ, US"], "limit": 25})
        )
        (intent,) = interpret("and mesa tempe chandler", state).intents
        assert intent.filters.locations == [
            "Phoenix, AZ, US",
            "Mesa, AZ, US",
            "Tempe, AZ, US",
            "Chandler, AZ, US",
        ]

    def test_drop_with_any_is_fine(self):
        state = _after(
            _search({"titles": ["Head of Marketing"], "industries": ["Restaurants"], "limit": 25})
        )
        (intent,) = interpret("drop the restaurant filter, any industry is fine", state).intents
        assert intent.filters.industries == []
        assert intent.filters.exclude_industries == []

    def test_two_technologies_after_on(self):
        (intent,) = interpret(
            "only companies on Epicor or Infor", _after(_search(self.PLANTS))
        ).intents
        assert intent.filters.technologies == ["Epicor", "Infor"]

    def test_a_reason_with_they(self):
        (intent,) = interpret(
            "add CFOs too, they sign off on ERP", _after(_search(self.PLANTS))
        ).intents
        assert intent.filters.titles == ["Plant Manager", "CFO"]
        assert not intent.filters.keywords

    def test_colleagues_review(self):
        state = ConversationState(last_campaign_id="c1", pending_task_ids=["t1"])
        intents = interpret(
            "On second thought, please cancel that; I would like our partners to review it first.",
            state,
        ).intents
        assert [i.kind for i in intents] == [IntentKind.task_dismiss]

    def test_the_whole_thing(self):
        state = ConversationState(last_campaign_id="c1")
        assert [i.kind for i in interpret("show me the whole thing", state).intents] == [
            IntentKind.campaign_show
        ]

    def test_salaries(self):
        intents = interpret(
            "is possible to see their salary expectation?", _after(_search(self.PLANTS))
        ).intents
        assert [i.kind for i in intents] == [IntentKind.unsupported]

    def test_topic_keeps_its_plus(self):
        state = ConversationState(known_list_names=["Pentest Leads"])
        (intent,) = interpret(
            "draft a campaign for Pentest Leads about our annual pentest + retest package", state
        ).intents
        assert intent.params["topic"] == "our annual pentest + retest package"


class TestCampaignTurnsSaidLoosely:
    """A verdict before a rewrite, a step that should mention something, "show me what it looks
    like now", a list whose name says "outreach", remarks about the people after a rewrite."""

    CAMPAIGN: ClassVar[ConversationState] = ConversationState(last_campaign_id="c1")

    def test_verdict_then_tone(self):
        (intent,) = interpret(
            "Bit too American for the NHS, make it more formal", self.CAMPAIGN
        ).intents
        assert intent.kind is IntentKind.email_rewrite
        assert intent.params["tone"] == "formal"

    def test_a_step_should_mention(self):
        intents = interpret(
            "Make it more formal. Also the second step should mention the registration window in March",
            self.CAMPAIGN,
        ).intents
        assert [i.kind for i in intents] == [IntentKind.email_rewrite, IntentKind.email_rewrite]
        assert intents[1].params["step"] == "second"

    def test_what_it_looks_like(self):
        assert [
            i.kind for i in interpret("Show me what it looks like now", self.CAMPAIGN).intents
        ] == [IntentKind.campaign_show]

    def test_remark_about_the_people(self):
        intents = interpret(
            "more direct. retail agents are slammed, get to the point", self.CAMPAIGN
        ).intents
        assert [i.kind for i in intents] == [IntentKind.email_rewrite]

    def test_a_list_named_outreach(self):
        state = _after(_search({"titles": ["HR Director"], "limit": 25}))
        (intent,) = interpret("Save these to a new list: H-1B Outreach Q1", state).intents
        assert intent.kind is IntentKind.list_create
        assert intent.list_name == "H-1B Outreach Q1"


class TestShortRefinementsAndAccountAsks:
    """ "us only", "excl saved", "vp cs", two things shown at once, an export with a reason."""

    def test_us_only(self):
        (intent,) = interpret("us only", _after(_search(BANKERS))).intents
        assert intent.filters.locations == ["US"]

    def test_excl_saved(self):
        (intent,) = interpret("excl saved", _after(_search(BANKERS))).intents
        assert intent.filters.exclude_saved

    def test_vp_cs(self):
        (intent,) = interpret("vp cs at saas cos 200-1000 emps", ConversationState()).intents
        assert intent.filters.titles == ["VP of Customer Success"]

    def test_approvals_and_balance(self):
        kinds = [
            i.kind
            for i in interpret(
                "show pending approvals and my credit balance", ConversationState()
            ).intents
        ]
        assert kinds == [IntentKind.tasks, IntentKind.credits]

    def test_export_with_a_reason(self):
        state = ConversationState(known_list_names=["Jozi Fintech CTOs"])
        (intent,) = interpret(
            "export Jozi Fintech CTOs to csv, I need it for a meeting just now", state
        ).intents
        assert intent.kind is IntentKind.list_export
        assert intent.list_name == "Jozi Fintech CTOs"


class TestFormalAndLooseTurns:
    """ "remove the condition of verified email", a polite dismissal with its reason, "show me
    the e-mail of the campaign", "how does it look" after a campaign, "export X for my rep"."""

    VERIFIED: ClassVar[dict] = {
        "titles": ["Reliability Engineer"],
        "email_status": ["verified"],
        "limit": 25,
    }

    @pytest.mark.parametrize(
        "text",
        [
            "Please remove the condition of verified email. Thank you.",
            "drop verified only",
            "remove the verified filter",
        ],
    )
    def test_email_status_taken_off(self, text):
        (intent,) = interpret(text, _after(_search(self.VERIFIED))).intents
        assert intent.filters.email_status == []
        assert intent.filters.titles == ["Reliability Engineer"]

    def test_polite_dismissal(self):
        state = ConversationState(pending_task_ids=["t1"])
        intents = interpret(
            "I am sorry, please dismiss the task. I made a mistake in the search.", state
        ).intents
        assert [i.kind for i in intents] == [IntentKind.task_dismiss]

    @pytest.mark.parametrize(
        "text", ["Please show me the e-mail of the campaign.", "how does it look", "i can see it?"]
    )
    def test_the_campaign_shown(self, text):
        state = ConversationState(last_campaign_id="c1")
        assert [i.kind for i in interpret(text, state).intents] == [IntentKind.campaign_show]

    def test_how_does_it_look_without_a_campaign_asks(self):
        assert [i.kind for i in interpret("how does it look", ConversationState()).intents] == [
            IntentKind.clarify
        ]

    def test_export_for_a_colleague(self):
        state = ConversationState(known_list_names=["Ontario Vets"])
        (intent,) = interpret("export Ontario Vets for my rep", state).intents
        assert intent.kind is IntentKind.list_export


class TestLastRoundOfTurns:
    """ "drop the intune thing", "fine, companies with 500+ employees then", messaging on
    LinkedIn and lunch-and-learns (not Lexi's to do)."""

    INTUNE: ClassVar[dict] = {
        "titles": ["IT Director"],
        "technologies": ["Microsoft Intune"],
        "limit": 25,
    }

    def test_drop_the_thing(self):
        (intent,) = interpret(
            "hmm too narrow, drop the intune thing", _after(_search(self.INTUNE))
        ).intents
        assert intent.filters.technologies == []

    def test_grudging_lead(self):
        (intent,) = interpret(
            "fine, companies with 500+ employees then", _after(_search(self.INTUNE))
        ).intents
        assert intent.filters.employees == {"min": 500, "max": None}
        assert not intent.filters.keywords

    @pytest.mark.parametrize(
        "text",
        [
            "Can you message them on LinkedIn for me as well?",
            "And can you also schedule a lunch-and-learn with each hospital's team?",
        ],
    )
    def test_not_lexis_to_do(self, text):
        assert [i.kind for i in interpret(text, _after(_search(self.INTUNE))).intents] == [
            IntentKind.unsupported
        ]
