"""Constraints said the ways people write them in the wild: negated sizes, a bound taken back by
its number, general contractors called GCs, posting and funding windows in shorthand, lists of
tools, and a place that names the kind of company (its headquarters)."""

from __future__ import annotations

import pytest

from lexi.assistant.understanding import ConversationState, IntentKind, interpret
from lexi.assistant.understanding.evaluation import labels_day
from tests.helpers.conversation import one_intent, searched, state_after


def search(text: str, state: ConversationState | None = None) -> dict:
    with labels_day():
        intents = interpret(text, state or ConversationState()).intents
    assert [i.kind for i in intents] == [IntentKind.prospect_search], intents
    assert intents[0].filters is not None
    return intents[0].filters.to_dict()


class TestNegatedSizes:
    """ "no companies over 10k" keeps companies of 10,000 and fewer; the number is no count."""

    @pytest.mark.parametrize(
        ("text", "employees"),
        [
            ("VP Engineering at utilities in the US, no companies over 10k", {"max": 10000}),
            ("heads of grid operations at utilities, nothing under 500 employees", {"min": 500}),
            ("sustainability directors, no one at companies over 10,000 employees", {"max": 10000}),
            (
                "controllers at plastics makers, nobody at firms with more than 5000 staff",
                {"max": 5000},
            ),
            ("CTOs, no companies bigger than 1k", {"max": 1000}),
            ("CTOs at companies over 500", {"min": 501}),
            ("marketing directors at firms under 50, in Ohio", {"max": 49}),
            ("give me 10 CEOs at businesses up to 200", {"max": 200}),
        ],
    )
    def test_size(self, text: str, employees: dict) -> None:
        filters = search(text)
        assert filters["employees"] == {"min": None, "max": None, **employees}
        assert filters["limit"] in (10, 25)

    def test_money_after_the_company_noun_stays_revenue(self) -> None:
        filters = search("CEOs at companies over $10M")
        assert "employees" not in filters
        assert filters["revenue_usd"]["min"] == 10_000_000

    @pytest.mark.parametrize(
        ("text", "removed"),
        [
            ("drop the 10k cap", "employees"),
            ("remove the 500 employee minimum", "employees"),
            ("lift the $50M floor", "revenue_usd"),
            ("get rid of the 20m revenue cap", "revenue_usd"),
        ],
    )
    def test_a_bound_taken_back_by_its_number(self, text: str, removed: str) -> None:
        before = {
            "titles": ["VP of Engineering"],
            "employees": {"min": 500, "max": 10000},
            "revenue_usd": {"min": 50_000_000, "max": 20_000_000_000},
            "limit": 25,
        }
        filters = search(text, state_after(searched(before)))
        assert removed not in filters
        assert filters["titles"] == ["VP of Engineering"]
        assert len(filters) == len(before) - 1


class TestGeneralContractors:
    """Where companies go, GCs are general contractors; as people they are general counsel."""

    @pytest.mark.parametrize(
        "text",
        [
            "superintendents at GCs in Denver",
            "VP ops at GCs hiring superintendents",
            "project managers for commercial GCs in Texas",
            "estimators at mid-sized GCs, Ohio",
            "chief estimators. GCs. anywhere but CA",
        ],
    )
    def test_contractors(self, text: str) -> None:
        filters = search(text)
        assert filters["industries"] == ["Construction"]
        assert "General Counsel" not in filters.get("titles", [])

    @pytest.mark.parametrize(
        "text",
        ["GCs at fintechs in NYC", "CFOs and GCs at banks", "GCs, fintech, NYC"],
    )
    def test_counsel(self, text: str) -> None:
        assert "General Counsel" in search(text)["titles"]

    def test_anywhere_but_a_place_excludes_it(self) -> None:
        filters = search("chief estimators. GCs. anywhere but CA")
        assert filters["exclude_locations"] == ["CA, US"]
        assert "locations" not in filters

    def test_a_list_named_with_gc_is_left_alone(self) -> None:
        state = ConversationState(known_list_names=["GC Outreach"])
        intent = one_intent("remove Jane Park from GC Outreach", state)
        assert intent.kind is IntentKind.list_remove
        assert intent.list_name == "GC Outreach"


class TestWindowsInShorthand:
    @pytest.mark.parametrize(
        ("text", "hiring_for"),
        [
            (
                "VP ops at construction firms hiring superintendents, posted last 30d",
                {"titles": ["Superintendent"], "posted_within_days": 30},
            ),
            (
                "revenue cycle directors at hospitals that r hiring registered nurses, posted last 2 weeks",
                {"titles": ["Registered Nurse"], "posted_within_days": 14},
            ),
            (
                "CFOs at banks hiring accountants, postings from the last 30 days",
                {"titles": ["Accountant"], "posted_within_days": 30},
            ),
            (
                "VP Engineering at companies w/ ML engineer postings from the last 2 weeks",
                {"titles": ["ML Engineer"], "posted_within_days": 14},
            ),
            ("CTOs at startups with open SDR reqs", {"titles": ["SDR"]}),
        ],
    )
    def test_postings(self, text: str, hiring_for: dict) -> None:
        got = search(text)["hiring_for"]
        assert {k: v for k, v in got.items() if k != "titles"} == {
            k: v for k, v in hiring_for.items() if k != "titles"
        }
        assert [t.lower() for t in got["titles"]] == [t.lower() for t in hiring_for["titles"]]

    @pytest.mark.parametrize(
        ("text", "after"),
        [
            ("CEOs at fintechs that received investment since july", "2026-07-01"),
            ("CEOs at fintechs funded in the last 90d", "2026-09-03"),
            ("CEOs, raised: last 90d", "2026-09-03"),
            ("founders at startups that got funding this year", "2026-01-01"),
            ("vp eng series b fintech nyc raised last 6 mo", "2026-06-02"),
        ],
    )
    def test_funding(self, text: str, after: str) -> None:
        assert search(text)["last_funding"]["after"] == after

    @pytest.mark.parametrize(
        ("text", "days"),
        [
            ("new VPs of Sales in the last 3 months at SaaS companies", 90),
            ("CFOs hired in the last 6 months", 180),
            ("new CMOs in the past 90 days in NYC", 90),
        ],
    )
    def test_new_in_the_role(self, text: str, days: int) -> None:
        filters = search(text)
        assert filters["job_change_within_days"] == days
        assert filters["titles"]

    def test_growth_said_with_is_up(self) -> None:
        filters = search(
            "heads of talent at companies hiring SDRs whose headcount is up 20%+ over 6 months"
        )
        assert filters["headcount_growth_pct"] == {"min": 20, "max": None, "months": 6}
        assert filters["hiring_for"]["titles"] == ["SDR"]


class TestToolsNamedTogether:
    @pytest.mark.parametrize(
        ("text", "tools"),
        [
            (
                "legal ops directors at companies using Ironclad or DocuSign",
                ["Ironclad", "DocuSign"],
            ),
            (
                "legal ops directors at companies using DocuSign or Ironclad",
                ["DocuSign", "Ironclad"],
            ),
            (
                "CMOs at companies using HubSpot, Marketo or Pardot",
                ["HubSpot", "Marketo", "Pardot"],
            ),
        ],
    )
    def test_every_tool(self, text: str, tools: list[str]) -> None:
        assert search(text)["technologies"] == tools

    def test_a_role_after_the_tools_stays_a_role(self) -> None:
        filters = search("CFOs at companies using Salesforce and Marketing directors")
        assert filters["technologies"] == ["Salesforce"]
        assert "Marketing Director" in filters["titles"]

    def test_a_tool_just_added(self) -> None:
        filters = search(
            "preconstruction directors at contractors that just added Autodesk Construction Cloud"
        )
        assert filters["technologies"] == ["Autodesk Construction Cloud"]
        assert filters["technologies_added_within_days"] == 90


class TestPlaceOfTheCompanies:
    """ "at Bay Area companies" is where the companies are; "at Florida hospitals" (an industry)
    stays the people's place, as the development set has it."""

    @pytest.mark.parametrize(
        ("text", "place"),
        [
            ("CFOs at Texas companies", "TX, US"),
            ("CMOs at London-based companies", "London, GB"),
            ("heads of sales for Ohio businesses", "OH, US"),
        ],
    )
    def test_headquarters(self, text: str, place: str) -> None:
        filters = search(text)
        assert filters["company_locations"] == [place]
        assert "locations" not in filters

    def test_an_industry_noun_keeps_the_people_place(self) -> None:
        filters = search("managing directors at London investment banks")
        assert filters["locations"] == ["London, GB"]


class TestPlacesPeopleAbbreviate:
    @pytest.mark.parametrize(
        ("text", "places"),
        [
            (
                "supply chain directors at retailers in são paulo and rio",
                ["São Paulo, BR", "Rio de Janeiro, BR"],
            ),
            ("heads of people in belgium and lux", ["BE", "LU"]),
            ("CFOs in ATL", ["Atlanta, GA, US"]),
            ("CTOs in slc", ["Salt Lake City, UT, US"]),
            ("CMOs in STL and KC", ["St. Louis, MO, US", "Kansas City, MO, US"]),
            ("cmo ecom la", ["Los Angeles, CA, US"]),
            ("ceos in la jolla", ["La Jolla, CA, US"]),
            ("cfos in ca", ["CA, US"]),
        ],
    )
    def test_place(self, text: str, places: list[str]) -> None:
        assert search(text)["locations"] == places


class TestCompanyKindsSaidOtherWays:
    @pytest.mark.parametrize(
        ("text", "key", "value"),
        [
            (
                "heads of purchasing in machine building companies in DACH",
                "industries",
                ["Machinery"],
            ),
            ("CFOs at home building companies in Texas", "industries", ["Construction"]),
            ("heads of growth at shopify brands doing $5m-50m rev", "technologies", ["Shopify"]),
            ("ecom managers at Klaviyo sellers", "technologies", ["Klaviyo"]),
            ("supers at GCs, Denver", "titles", ["Superintendent"]),
        ],
    )
    def test_kind(self, text: str, key: str, value: list[str]) -> None:
        filters = search(text)
        assert filters[key] == value
        assert "keywords" not in filters


class TestAsksAroundTheSearch:
    """Approvals, deletions, campaign questions and asks Lexi cannot do, said other ways."""

    @pytest.mark.parametrize(
        ("text", "kind"),
        [
            ("Approved. Please proceed.", IntentKind.task_approve),
            ("approve it, you may proceed", IntentKind.task_approve),
            (
                "What is the current status of the County CIO Outreach campaign? I am particularly "
                "interested in the open and reply rates.",
                IntentKind.campaign_stats,
            ),
            ("status of my campaign", IntentKind.campaign_stats),
            (
                "scrape www.harborviewdental.com and pull every phone number on the site",
                IntentKind.unsupported,
            ),
            ("can you crawl their websites for emails", IntentKind.unsupported),
        ],
    )
    def test_one_intent(self, text: str, kind: IntentKind) -> None:
        assert [i.kind for i in interpret(text, ConversationState()).intents] == [kind]

    def test_scraping_companies_are_searched(self) -> None:
        assert search("find CTOs at web scraping companies")["keywords"] == ["web scraping"]

    @pytest.mark.parametrize(
        "text",
        [
            "we're out of credits, can you top us up with another 2,000?",
            "top my account up with 500",
        ],
    )
    def test_topping_up_credits_is_refused(self, text: str) -> None:
        intents = interpret(text, ConversationState()).intents
        assert [(i.kind, i.missing) for i in intents] == [(IntentKind.clarify, ["permission"])]

    def test_del_deletes_a_list(self) -> None:
        state = ConversationState(known_list_names=["Old CU Leads", "Q1 Leads"])
        intent = one_intent("del the Old CU Leads list, its stale", state)
        assert (intent.kind, intent.list_name) == (IntentKind.list_delete, "Old CU Leads")

    def test_that_list_is_the_one_just_named(self) -> None:
        state = ConversationState(
            known_list_names=["AZ Contractors", "Q1 Leads"], last_list_name="Q1 Leads"
        )
        with labels_day():
            intents = interpret(
                "pull 100 controllers at construction companies in Arizona then add them to "
                "AZ Contractors and export that list when it's done",
                state,
            ).intents
        assert [i.kind for i in intents] == [
            IntentKind.prospect_search,
            IntentKind.list_add,
            IntentKind.list_export,
        ]
        assert intents[2].list_name == "AZ Contractors"

    @pytest.mark.parametrize(
        ("text", "limit"),
        [
            (
                "find VPs of sales at cybersecurity companies with more than 200 employees and then "
                "put all of them into a new list called Cyber VPs Q1 and make it 25",
                25,
            ),
            ("find 40 CFOs in Ohio and save them to Q1 Leads and make it 10", 10),
        ],
    )
    def test_a_count_said_last_is_the_searchs(self, text: str, limit: int) -> None:
        state = ConversationState(known_list_names=["Q1 Leads"])
        intents = interpret(text, state).intents
        assert intents[0].kind is IntentKind.prospect_search
        assert intents[0].filters is not None and intents[0].filters.limit == limit
        assert [i.kind for i in intents[1:]] in ([IntentKind.list_create], [IntentKind.list_add])

    @pytest.mark.parametrize(
        ("text", "titles"),
        [
            ("vp sles fintch nyc pls", ["VP of Sales"]),
            ("precon managers. commercial GCs. TX. 200-1000 emp", ["Preconstruction Manager"]),
            ("project execs at GCs over $500m rev, sun belt", ["Project Executive"]),
        ],
    )
    def test_shorthand_roles(self, text: str, titles: list[str]) -> None:
        assert search(text)["titles"] == titles


class TestWhatNoFilterExpressesIsNamed:
    @pytest.mark.parametrize(
        "text",
        [
            "fintech founders in London and ideally people who used to work at Stripe or Revolut",
            "fintech founders in London who used to work at Stripe and skip anybody I already saved",
            "CFOs in Ohio who previously worked at Deloitte, KPMG or EY",
        ],
    )
    def test_past_employers(self, text: str) -> None:
        with labels_day():
            intent = interpret(text, ConversationState()).intents[0]
        assert intent.unsupported == ["past_employer"]
        assert intent.filters is not None and "companies" not in intent.filters.to_dict()

    def test_a_field_value_runs_to_the_next_field(self) -> None:
        filters = search('CISO OR "Head of Security" funding:"Series B" raised: last 90d tech:AWS')
        assert filters["last_funding"] == {"after": "2026-09-03", "before": None}
        assert filters["technologies"] == ["AWS"]
        assert filters["limit"] == 25


class TestShorthandAroundLists:
    def state(self) -> ConversationState:
        return ConversationState(
            known_list_names=["Q1 Leads", "PNW Finance Leaders"],
            last_list_name="PNW Finance Leaders",
            last_campaign_id="c1",
            last_filters={"titles": ["CFO"], "limit": 25},
            last_prospect_ids=["p1"],
        )

    @pytest.mark.parametrize(
        ("text", "kind"),
        [
            ("ok unpause it", IntentKind.campaign_start),
            ("resume the campaign", IntentKind.campaign_start),
            ("crdts?", IntentKind.credits),
        ],
    )
    def test_kind(self, text: str, kind: IntentKind) -> None:
        assert one_intent(text, self.state()).kind is kind

    def test_sv_saves(self) -> None:
        intent = one_intent("sv to q1 leads", self.state())
        assert (intent.kind, intent.list_name) == (IntentKind.list_add, "Q1 Leads")

    @pytest.mark.parametrize(
        "text",
        [
            "ugh wrong list, take them back out of PNW Finance Leaders",
            "remove them all from Q1 Leads",
        ],
    )
    def test_them_back_are_the_last_results(self, text: str) -> None:
        intent = one_intent(text, self.state())
        assert intent.kind is IntentKind.list_remove
        assert intent.selector == {"prospects": "last_results"}


class TestOccupationsTheVocabularyLacks:
    @pytest.mark.parametrize(
        ("text", "title"),
        [
            ("agronomists in the dakotas + minnesota", "Agronomist"),
            ("epidemiologists at state agencies in New England, fifteen please", "Epidemiologist"),
            ("sonographers at hospitals in Ohio", "Sonographer"),
            ("herdsmen at dairy farms in wisconsin", "Herdsman"),
            ("geneticians at biotechs in Boston", "Genetician"),
        ],
    )
    def test_a_plural_occupation_is_the_role(self, text: str, title: str) -> None:
        assert search(text)["titles"] == [title]

    @pytest.mark.parametrize("text", ["show me my lists", "CFOs at companies where Canadians work"])
    def test_other_words_with_those_endings_are_not(self, text: str) -> None:
        with labels_day():
            intents = interpret(text, ConversationState()).intents
        for intent in intents:
            titles = intent.filters.to_dict().get("titles", []) if intent.filters else []
            assert "List" not in titles and "Canadian" not in titles

    @pytest.mark.parametrize(
        ("text", "hiring"),
        [
            ("operations managers at dairy farms that are hiring herdsmen", "Herdsman"),
            ("director of facilities at hospitals hiring HVAC techs", "HVAC Technician"),
        ],
    )
    def test_hiring_for_an_occupation(self, text: str, hiring: str) -> None:
        assert search(text)["hiring_for"]["titles"] == [hiring]


class TestPlaceNicknamesAndTowns:
    @pytest.mark.parametrize(
        ("text", "places"),
        [
            ("property managers in H-Town", ["Houston, TX, US"]),
            ("facility directors at hospitals in Music City", ["Nashville, TN, US"]),
            ("owners of dental offices in phx", ["Phoenix, AZ, US"]),
            ("CIOs in Miami or West Palm", ["Miami, FL, US", "West Palm Beach, FL, US"]),
            ("GMs at co-ops in sask, alberta and manitoba", ["SK, CA", "AB, CA", "MB, CA"]),
            ("CFOs in Indy and Cincy", ["Indianapolis, IN, US", "Cincinnati, OH, US"]),
        ],
    )
    def test_nickname(self, text: str, places: list[str]) -> None:
        assert search(text)["locations"] == places

    @pytest.mark.parametrize(
        "text",
        [
            "CFOs in Greenwich, Connecticut",
            "principals at family offices in Greenwich CT",
            "CFOs in Greenwich, CT",
        ],
    )
    def test_a_town_the_gazetteer_lacks_keeps_its_state_and_is_named(self, text: str) -> None:
        with labels_day():
            intent = interpret(text, ConversationState()).intents[0]
        assert intent.filters is not None
        assert intent.filters.to_dict()["locations"] == ["CT, US"]
        assert intent.not_understood == ["Greenwich"]

    def test_a_list_of_places_is_no_town_and_state(self) -> None:
        assert search("CFOs in Washington DC, Maryland or Virginia")["locations"] == [
            "Washington, DC, US",
            "MD, US",
            "VA, US",
        ]


class TestHeadquartersExcludedInWords:
    @pytest.mark.parametrize(
        ("text", "excluded"),
        [
            (
                "VP of procurement at food companies HQ'd in the midwest but not illinois",
                ["IL, US"],
            ),
            (
                "heads of R&D in dairy companies of Belgium, but not the companies who have their "
                "head office in Netherlands",
                ["NL"],
            ),
            (
                "Directors of Infection Control at hospitals in the DMV, excluding any hospital "
                "whose headquarters is in Virginia",
                ["VA, US"],
            ),
        ],
    )
    def test_excluded_headquarters(self, text: str, excluded: list[str]) -> None:
        filters = search(text)
        assert filters["exclude_company_locations"] == excluded
        assert "exclude_locations" not in filters
        assert "exclude_industries" not in filters


class TestPoliteAndFormalRequests:
    @pytest.mark.parametrize(
        "text",
        [
            "I would be very grateful if you could help me find CFOs in Ohio",
            "Good morning! I would be very grateful if you could help me find Vice Presidents of "
            "Advancement at colleges and universities in New England. Thank you in advance.",
        ],
    )
    def test_a_search_asked_for_politely_is_a_search(self, text: str) -> None:
        assert search(text)["titles"]

    def test_whether_lexi_can_help_stays_a_question(self) -> None:
        text = "I'm trying to figure out whether you can help a travel nurse staffing agency."
        assert [i.kind for i in interpret(text, ConversationState()).intents] == [
            IntentKind.capabilities
        ]

    def test_an_overview_of_functions_is_a_question(self) -> None:
        text = "I would appreciate an overview of the functions you are able to perform for us."
        assert [i.kind for i in interpret(text, ConversationState()).intents] == [
            IntentKind.capabilities
        ]

    @pytest.mark.parametrize(
        ("text", "days"),
        [
            ("VPs at universities who began their roles within the last ninety days", 90),
            ("CFOs who took over their role in the last 6 months", 180),
        ],
    )
    def test_a_role_begun_in_a_window(self, text: str, days: int) -> None:
        assert search(text)["job_change_within_days"] == days

    def test_job_posts_for_a_role(self) -> None:
        filters = search(
            "talent acquisition managers in the UK at companies with job posts for HR business "
            "partners in the last 30 days"
        )
        assert filters["titles"] == ["Talent Acquisition Manager"]
        assert filters["hiring_for"] == {
            "titles": ["HR Business Partner"],
            "posted_within_days": 30,
        }

    @pytest.mark.parametrize(
        "text", ["pull up the Q1 Leads list", "show me the Q1 Leads list", "open my Q1 Leads list"]
    )
    def test_a_list_opened_by_name(self, text: str) -> None:
        intent = one_intent(text, ConversationState(known_list_names=["Q1 Leads"]))
        assert (intent.kind, intent.list_name, intent.params) == (
            IntentKind.list_stats,
            "Q1 Leads",
            {"show": True},
        )


class TestFunctionsBeforeARungWithTheCompaniesNamed:
    @pytest.mark.parametrize(
        ("text", "title", "industries"),
        [
            (
                "Recruitment Directors at staffing firms in the UK",
                "Recruitment Director",
                ["Staffing and Recruiting"],
            ),
            (
                "the packaging managers for the wine brands in Bordeaux",
                "Packaging Manager",
                ["Wine and Spirits"],
            ),
            (
                "construction managers at hospitals in Ohio",
                "Construction Manager",
                ["Hospital & Health Care"],
            ),
        ],
    )
    def test_title(self, text: str, title: str, industries: list[str]) -> None:
        filters = search(text)
        assert filters["titles"] == [title]
        assert filters["industries"] == industries

    def test_without_companies_named_the_word_is_the_industry(self) -> None:
        filters = search("fintech directors in NYC")
        assert filters["seniorities"] == ["director"]
        assert filters["industries"] == ["Financial Services"]


class TestToolsTakenUp:
    def test_every_tool_just_adopted(self) -> None:
        filters = search(
            "CISOs at companies that just adopted Wiz or Snowflake, North America only"
        )
        assert filters["technologies"] == ["Wiz", "Snowflake"]
        assert filters["locations"] == ["US", "CA", "MX"]

    def test_picked_up(self) -> None:
        filters = search(
            "maintenance managers at warehouses that picked up UpKeep in the last 90 days"
        )
        assert filters["technologies"] == ["UpKeep"]
        assert filters["technologies_added_within_days"] == 90

    def test_a_quoted_posting_title(self) -> None:
        filters = search('CISOs at cos hiring "Cloud Security Engineer" posted in last 14 days')
        assert filters["hiring_for"] == {
            "titles": ["Cloud Security Engineer"],
            "posted_within_days": 14,
        }


class TestACountryNarrowedToItsCities:
    @pytest.mark.parametrize(
        ("text", "places"),
        [
            (
                "CEOs of pharma companies in Spain, is possible only in Madrid and Barcelona?",
                ["Madrid, ES", "Barcelona, ES"],
            ),
            (
                "Medical affairs directors at biotechs in Japan, Tokyo and Osaka only",
                ["Tokyo, JP", "Osaka, JP"],
            ),
            ("hospital administrators in Santiago de Chile", ["Santiago, CL"]),
            (
                "sales managers in Mexico for logistics companies, in Monterrey or Guadalajara",
                ["Monterrey, MX", "Guadalajara, MX"],
            ),
        ],
    )
    def test_narrowed(self, text: str, places: list[str]) -> None:
        assert search(text)["locations"] == places

    @pytest.mark.parametrize(
        ("text", "places"),
        [
            ("CFOs in the US and Canada", ["US", "CA"]),
            ("CFOs in Germany, Austria and Switzerland", ["DE", "AT", "CH"]),
        ],
    )
    def test_countries_stay(self, text: str, places: list[str]) -> None:
        assert search(text)["locations"] == places


class TestContactDataLexiDoesNotHold:
    @pytest.mark.parametrize(
        "text",
        [
            "I need personal emails (gmail, yahoo etc) for the founders in my list, not work emails",
            "can you get me direct dial phone numbers for the people in my Q1 Leads list?",
            "get me their phone numbers",
        ],
    )
    def test_asked_for_itself(self, text: str) -> None:
        assert [i.kind for i in interpret(text, ConversationState()).intents] == [
            IntentKind.unsupported
        ]

    def test_asked_with_a_search_is_named_on_it(self) -> None:
        with labels_day():
            intent = interpret(
                "I need direct dials for CFOs at banks in Florida", ConversationState()
            ).intents[0]
        assert intent.kind is IntentKind.prospect_search
        assert intent.unsupported == ["phone"]

    def test_a_newcomer_asking_about_filters(self) -> None:
        text = "new here — what kinds of filters can I use when searching for people?"
        assert [i.kind for i in interpret(text, ConversationState()).intents] == [
            IntentKind.capabilities
        ]


class TestInsuranceDistribution:
    @pytest.mark.parametrize(
        "text",
        [
            "Producers at P&C brokers in Florida with 10 to 50 employees",
            "producers at insurance agencies who started a new role in the last 60 days",
            "producers at property and casualty insurers in Ohio",
        ],
    )
    def test_producers(self, text: str) -> None:
        filters = search(text)
        assert filters["titles"] == ["Producer"]
        assert filters["industries"] == ["Insurance"]

    def test_a_past_employer_in_lower_case(self) -> None:
        with labels_day():
            intent = interpret(
                "heads of data at companies using snowflake in toronto who used to be at shopify",
                ConversationState(),
            ).intents[0]
        assert intent.unsupported == ["past_employer"]


class TestAReasonEndsWhereTheNextAskBegins:
    @pytest.mark.parametrize(
        ("text", "key", "value"),
        [
            (
                "Heads of Customer Success at software companies using Salesforce, because our product "
                "only works as a Salesforce add-on, and I'd really prefer verified emails only since our "
                "domain reputation took a hit last quarter.",
                "email_status",
                ["verified"],
            ),
            (
                "CFOs at hospitals in Massachusetts, because our team can't support small sites, and "
                "please leave out anyone in Boston itself since a colleague already covers the city.",
                "exclude_locations",
                ["Boston, MA, US"],
            ),
            (
                "heads of people at hospitals in Oregon and please skip anyone I've already saved "
                "because I don't want dupes and give me 40 of them",
                "limit",
                40,
            ),
        ],
    )
    def test_the_ask_after_the_reason_is_kept(self, text: str, key: str, value: object) -> None:
        filters = search(text)
        assert filters[key] == value
        assert "keywords" not in filters

    def test_a_date_after_since_stays(self) -> None:
        filters = search(
            "CISOs at fintechs that raised a Series A since the start of the year, because budgets"
        )
        assert filters["last_funding"] == {"after": "2026-01-01", "before": None}


class TestOneWordAndOrderFirstFollowUps:
    def test_verified_alone_edits_the_search(self) -> None:
        state = state_after(searched({"titles": ["CFO"], "locations": ["OH, US"], "limit": 25}))
        intent = one_intent("verified", state)
        assert intent.kind is IntentKind.prospect_search and intent.refinement
        assert intent.filters is not None and intent.filters.email_status == ["verified"]

    @pytest.mark.parametrize(
        "text",
        [
            "pause the SaaS CFOs campaign, the reply rate is awful",
            "stop the campaign, open rates are terrible",
        ],
    )
    def test_an_order_before_a_reason_about_stats(self, text: str) -> None:
        intent = one_intent(text, ConversationState(last_campaign_id="c1"))
        assert intent.kind is IntentKind.campaign_pause

    def test_a_question_about_the_rates_stays_stats(self) -> None:
        intent = one_intent("what's the reply rate", ConversationState(last_campaign_id="c1"))
        assert intent.kind is IntentKind.campaign_stats

    def test_growing_headcount_with_a_comma(self) -> None:
        filters = search(
            "heads of marketing at ecommerce companies, growing headcount, 20%+ over the past year"
        )
        assert filters["headcount_growth_pct"] == {"min": 20, "max": None, "months": 12}


class TestTitlesInOtherLanguages:
    """A job title in German (or French, Spanish, Dutch) inside an English request is that
    title; a function word inside it ("IT-Leiter") names no industry."""

    @pytest.mark.parametrize(
        ("text", "titles"),
        [
            ("Einkaufsleiterin at packaging companies in Vienna", ["Purchasing Manager"]),
            ("Leiter Einkauf at furniture makers in Austria", ["Purchasing Manager"]),
            ("Produktionsleiter at plastics companies in Bavaria", ["Production Manager"]),
            ("Werksleiter at glass manufacturers in Germany", ["Plant Manager"]),
            ("Geschäftsführerin of retailers in Hamburg", ["Managing Director"]),
            ("Prokurist at banks in Frankfurt", ["Authorized Signatory"]),
            ("responsables des achats at retailers in Lyon", ["Purchasing Manager"]),
            ("jefe de compras at food companies in Madrid", ["Purchasing Manager"]),
            ("hoofd inkoop at construction firms in Utrecht", ["Head of Purchasing"]),
        ],
    )
    def test_the_title(self, text: str, titles: list[str]) -> None:
        assert search(text)["titles"] == titles

    def test_a_function_inside_the_title_is_no_industry(self) -> None:
        filters = search("IT-Leiterin at insurers in Zurich with 200+ employees")
        assert filters["titles"] == ["Head of IT"]
        assert filters["industries"] == ["Insurance"]

    def test_the_title_with_an_excluded_city_is_a_search(self) -> None:
        filters = search("IT-Leiter at universities in Austria but not in Vienna, verified only")
        assert filters["titles"] == ["Head of IT"]
        assert filters["locations"] == ["AT"]
        assert filters["exclude_locations"] == ["Vienna, AT"]

    def test_an_owner_in_german(self) -> None:
        assert search("Inhaber of bakeries in Cologne")["seniorities"] == ["owner"]


class TestMoneyWrittenOtherWays:
    """Revenue written with German or French units, a currency symbol or code, or trade
    shorthand is the revenue filter (other currencies at face value), never a keyword or a
    number of results."""

    @pytest.mark.parametrize(
        ("text", "revenue"),
        [
            ("plant managers at chemical firms with revenue above 20 Mio. EUR", (20_000_000, None)),
            ("CFOs at insurers in Bavaria, turnover over 3 Mrd", (3_000_000_000, None)),
            ("COOs at banks in Zug with more than 2,5 Mio CHF revenue", (2_500_000, None)),
            ("heads of IT at retailers with revenue under €50M", (None, 50_000_000)),
            ("heads of IT at retailers, revenue between £5M and £20M", (5_000_000, 20_000_000)),
            ("sales directors at machine builders, Umsatz 50-100 Mio €", (50_000_000, 100_000_000)),
            ("owners of agencies doing $1.5MM", (1_500_000, None)),
            ("VPs of sales at wholesalers doing 20-40m a year", (20_000_000, 40_000_000)),
            ("CEOs at clinics with over 8 million euros in revenue", (8_000_000, None)),
        ],
    )
    def test_the_revenue(self, text: str, revenue: tuple[int | None, int | None]) -> None:
        filters = search(text)
        assert filters["revenue_usd"] == {"min": revenue[0], "max": revenue[1]}
        assert "keywords" not in filters
        assert filters["limit"] == 25

    def test_the_abbreviation_point_ends_no_sentence(self) -> None:
        filters = search("CTOs at software firms in Vienna with revenue over 15 Mio. USD")
        assert filters["revenue_usd"] == {"min": 15_000_000, "max": None}
        assert filters["locations"] == ["Vienna, AT"]

    def test_a_size_is_still_a_size(self) -> None:
        filters = search("CFOs at banks in Frankfurt with 5.000 Mitarbeiter, revenue over 90M EUR")
        assert filters["employees"] == {"min": 5000, "max": None}
        assert filters["revenue_usd"] == {"min": 90_000_000, "max": None}


class TestToolsNamedAfterUseOrWith:
    """A tool after "run(s) on", "rely on", "with" or "w/" is a technology in any case; "on",
    "the" and everyday words written in lower case ("with slack") are no tool names."""

    @pytest.mark.parametrize(
        ("text", "tools"),
        [
            ("controllers at distributors that run on netsuite", ["NetSuite"]),
            ("CTOs at fintechs that run on aws and snowflake", ["AWS", "Snowflake"]),
            ("finance directors at clinics relying on xero", ["Xero"]),
            ("growth leads at DTC brands in Austin w/ klaviyo", ["Klaviyo"]),
            (
                "CMOs at apparel brands with bigcommerce + klaviyo in Ohio",
                ["BigCommerce", "Klaviyo"],
            ),
            ("IT managers at law firms w/ Clio, 20-100 employees", ["Clio"]),
        ],
    )
    def test_the_tools(self, text: str, tools: list[str]) -> None:
        filters = search(text)
        assert filters["technologies"] == tools
        assert "keywords" not in filters

    def test_the_rest_of_the_request_stays(self) -> None:
        filters = search("CMOs at apparel brands with bigcommerce + klaviyo in Ohio")
        assert filters["locations"] == ["OH, US"]

    @pytest.mark.parametrize(
        "text",
        [
            "IT directors at schools that use the cloud",
            "office managers at agencies with slack in their schedules",
            "owners of bakeries in Reno with zoom lenses",
        ],
    )
    def test_no_tool(self, text: str) -> None:
        assert "technologies" not in search(text)


class TestTheCompaniesLegalHome:
    """A company's seat, or a company domiciled, registered, incorporated or seated somewhere, is
    where the companies are, with the people wherever they are; a person registered somewhere
    (a nurse) stays the person's place."""

    @pytest.mark.parametrize(
        ("text", "place"),
        [
            ("15 CFOs at insurers, companies with their seat in Austria, people anywhere", "AT"),
            ("heads of legal at banks whose registered seat is in Luxembourg", "LU"),
            ("controllers at companies domiciled in Liechtenstein", "LI"),
            ("general counsels at firms incorporated in Delaware", "DE, US"),
            (
                "plant managers at companies seated in Basel, the people can sit anywhere",
                "Basel, CH",
            ),
        ],
    )
    def test_the_companies_place(self, text: str, place: str) -> None:
        filters = search(text)
        assert filters["company_locations"] == [place]
        assert "locations" not in filters

    def test_a_person_registered_somewhere(self) -> None:
        assert search("nurses registered in Ohio")["locations"] == ["OH, US"]

    def test_seats_of_software_are_no_home(self) -> None:
        assert "company_locations" not in search("IT managers at firms with 200 seats in Denver")


class TestWordsThatOnlyDescribe:
    """A word that describes another industry's companies adds no industry of its own ("sports
    betting" is gambling, "distribution centres" are warehouses); companies described by a word
    and left out are never a keyword they must have; a typed "exclude" still excludes; a
    misspelt plural of a title's word keeps the title."""

    @pytest.mark.parametrize(
        ("text", "industries"),
        [
            ("marketing directors at sports betting operators in Ontario", ["Gambling & Casinos"]),
            (
                "site leads at 3PLs and fulfillment centres in Texas",
                ["Logistics and Supply Chain", "Warehousing"],
            ),
            ("GMs at distribution centers in Georgia", ["Warehousing"]),
            ("herd managers at dairy farms in Idaho", ["Dairy"]),
        ],
    )
    def test_one_industry(self, text: str, industries: list[str]) -> None:
        assert search(text)["industries"] == industries

    def test_companies_left_out_by_a_word_are_named_not_searched(self) -> None:
        with labels_day():
            (found,) = interpret(
                "heads of finance at banks but not crypto companies", ConversationState()
            ).intents
        filters = found.filters.to_dict()
        assert "keywords" not in filters
        assert found.unsupported == ["exclude_keywords"]

    def test_small_ones_left_out_by_the_size_said(self) -> None:
        with labels_day():
            (found,) = interpret(
                "studio owners in Austin, not the small pilates studios, only ones with over 20 "
                "employees",
                ConversationState(),
            ).intents
        filters = found.filters.to_dict()
        assert "keywords" not in filters
        assert filters["employees"] == {"min": 21, "max": None}
        assert found.unsupported == []

    def test_a_common_word_is_no_place(self) -> None:
        assert "exclude_locations" not in search("gym owners in Tulsa, not yoga studios")

    @pytest.mark.parametrize("typed", ["exluding", "excludng", "excluidng", "exlcuding"])
    def test_a_typed_exclusion(self, typed: str) -> None:
        filters = search(f"HR managers at hospitals in New England, {typed} Vermont and Maine")
        assert filters["exclude_locations"] == ["VT, US", "ME, US"]
        assert "VT, US" not in filters["locations"]

    @pytest.mark.parametrize(
        ("text", "title"),
        [
            ("facilites managers at universities in Iowa", "Facilities Manager"),
            ("facilties coordinators at hospitals", "Facilities Coordinator"),
        ],
    )
    def test_a_misspelt_plural_in_a_title(self, text: str, title: str) -> None:
        assert search(text)["titles"] == [title]

    @pytest.mark.parametrize(
        ("text", "want"),
        [
            ("practice owners at physical therapy clinics in Utah", {"seniorities": ["owner"]}),
            (
                "practice owners and office managers at chiropractic clinics",
                {"titles": ["Owner", "Office Manager"]},
            ),
        ],
    )
    def test_practice_owners_are_owners(self, text: str, want: dict) -> None:
        filters = search(text)
        assert {k: filters.get(k) for k in want} == want
        assert "Practice Owner" not in filters.get("titles", [])


class TestWindowsAndBoundsWrittenShort:
    """A window written short ("last 45d", "in last 3 wks", "past 6mos") is the window of the
    signal it follows, and "exceeding" / "in excess of" is a lower bound: the number is no count
    of results."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            (
                "IT directors at firms that added Okta in the last 45d",
                {"technologies": ["Okta"], "technologies_added_within_days": 45},
            ),
            ("COOs new in seat last 60d, 200+ emp", {"job_change_within_days": 60}),
            (
                "CFOs at companies that closed a Series B in the last 6mos",
                {
                    "funding_stages": ["series_b"],
                    "last_funding": {"after": "2026-06-02", "before": None},
                },
            ),
        ],
    )
    def test_short_window(self, text, expected):
        f = search(text)
        assert {k: f.get(k) for k in expected} == expected
        assert f["limit"] == 25

    @pytest.mark.parametrize(
        ("text", "revenue"),
        [
            ("CFOs at distributors with revenue exceeding $30 million", {"min": 30_000_000}),
            ("controllers at hotels whose annual sales exceed 12 million", {"min": 12_000_000}),
            ("treasurers at insurers with revenues in excess of $2B", {"min": 2_000_000_000}),
        ],
    )
    def test_exceeding_is_a_lower_bound(self, text, revenue):
        f = search(text)
        assert f["revenue_usd"] == {"max": None, **revenue}
        assert f["limit"] == 25


class TestHiringSaidOtherWays:
    """Postings "advertised" or "advertising for" a role, a window of "the last fortnight" or
    "the past week", a role followed by a word of time ("atm", "at the moment", "currently"),
    and technologies an organisation is "on" (machine-learning frameworks too)."""

    @pytest.mark.parametrize(
        ("text", "hiring_for"),
        [
            (
                "finance directors at charities in Leeds that have advertised accountant roles in "
                "the last fortnight",
                {"titles": ["Accountant"], "posted_within_days": 14},
            ),
            (
                "COOs at logistics firms that advertised dispatcher jobs over the past week",
                {"titles": ["Dispatcher"], "posted_within_days": 7},
            ),
            ("CIOs at banks advertising for data engineers", {"titles": ["Data Engineer"]}),
            ("practice managers at clinics hiring receptionists atm", {"titles": ["Receptionist"]}),
            (
                "plant managers at food makers hiring forklift operators at the moment",
                {"titles": ["Forklift Operator"]},
            ),
            ("CFOs at agencies hiring bookkeepers currently", {"titles": ["Bookkeeper"]}),
        ],
    )
    def test_postings(self, text, hiring_for):
        assert search(text)["hiring_for"] == hiring_for

    def test_frameworks_an_organisation_is_on(self):
        f = search("heads of data at orgs on Keras or scikit-learn")
        assert f["technologies"] == ["Keras", "scikit-learn"]

    def test_a_technology_left_out_in_boolean_capitals(self):
        intent = interpret(
            "IT directors at banks using Datadog but NOT Grafana", ConversationState()
        ).intents[0]
        assert intent.unsupported == ["exclude_technologies"]
        assert intent.filters.technologies == ["Datadog"]


class TestTradeShorthandForKindsOfCompany:
    """A plural acronym where the companies go ("at DSOs", "for MSOs") is a kind of company no
    industry names: the keyword, in the singular, never a company called "DSOs"; "w" is "with"."""

    @pytest.mark.parametrize(
        ("text", "keyword"),
        [
            ("CFOs at DSOs in Arizona", "DSO"),
            ("practice administrators at MSOs w 50+ employees", "MSO"),
            ("heads of contracting for GPOs in Tennessee", "GPO"),
        ],
    )
    def test_the_keyword(self, text: str, keyword: str) -> None:
        filters = search(text)
        assert filters["keywords"] == [keyword]
        assert "companies" not in filters

    def test_an_acronym_in_brackets_is_no_kind_of_company(self) -> None:
        assert "keywords" not in search("chiefs of staff (CoSs) at banks in Boston")


class TestMoreKindsAndShorthandOfOneRequest:
    """Tools joined by "+", "bev" for beverage, "maint" for maintenance, "undr" for under,
    nursing homes and skilled nursing facilities as health care, health departments as
    government, consumer brands as consumer goods, franchisees as a title."""

    def test_tools_joined_by_a_plus(self) -> None:
        filters = search("revops leads at fintechs using marketo + salesforce")
        assert filters["technologies"] == ["Marketo", "Salesforce"]

    @pytest.mark.parametrize(
        ("text", "industries"),
        [
            ("growth leads at food + bev startups in Denver", ["Food & Beverages"]),
            ("administrators at skilled nursing facilities in Ohio", ["Hospital & Health Care"]),
            ("activities directors at nursing homes in Maine", ["Hospital & Health Care"]),
            ("epidemiologists at county health departments in Iowa", ["Government Administration"]),
            ("brand managers at consumer brands in Chicago", ["Consumer Goods"]),
        ],
    )
    def test_the_industry(self, text: str, industries: list[str]) -> None:
        assert search(text)["industries"] == industries

    def test_maintenance_shorthand(self) -> None:
        assert search("maint supervisors at plants in Ohio")["titles"] == ["Maintenance Supervisor"]

    def test_under_typed_short(self) -> None:
        filters = search("office managers at law firms in Reno undr 40 employees")
        assert filters["employees"] == {"min": None, "max": 39}
        assert filters["limit"] == 25

    def test_franchisees_with_owners(self) -> None:
        assert search("owners and franchisees of gyms in Utah")["titles"] == ["Owner", "Franchisee"]

    def test_franchise_is_no_franchisee(self) -> None:
        assert search("heads of franchise sales at restaurant chains")["titles"] == [
            "Head of Franchise Sales"
        ]


class TestFundingSaidOtherWays:
    """A round said in the present tense ("which get funding in this year") or as the latest
    investment that "took place" is when the company last raised."""

    @pytest.mark.parametrize(
        ("text", "last_funding"),
        [
            (
                "CMOs of fintechs in Spain which get funding in this year",
                {"after": "2026-01-01", "before": None},
            ),
            (
                "COOs at PE-backed distributors whose most recent investment took place since "
                "March",
                {"after": "2026-03-01", "before": None},
            ),
            (
                "CFOs at medtechs whose latest financing was in 2025",
                {"after": "2025-01-01", "before": "2025-12-31"},
            ),
        ],
    )
    def test_last_funding(self, text, last_funding):
        assert search(text)["last_funding"] == last_funding


class TestTechniciansOfATrade:
    """ "techs" after a trade are its technicians ("tech" alone stays the tech industry)."""

    @pytest.mark.parametrize(
        ("text", "title"),
        [
            ("pharmacy techs at hospitals in Iowa", "Pharmacy Technician"),
            ("vet techs at animal hospitals in Denver", "Veterinary Technician"),
        ],
    )
    def test_the_title(self, text: str, title: str) -> None:
        assert search(text)["titles"] == [title]

    def test_a_posting_for_them(self) -> None:
        filters = search("plant managers in Ohio at factories hiring HVAC techs")
        assert filters["hiring_for"]["titles"] == ["HVAC Technician"]
