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


class TestTimePhrasesAreNoPlaces:
    """ "since March", "since last month", "in Q3": when a round was raised, never a town."""

    @pytest.mark.parametrize(
        ("text", "span"),
        [
            ("COOs at companies that raised since March", ("2026-03-01", None)),
            ("CFOs at fintechs who raised money since last quarter", ("2026-07-01", None)),
            ("founders who raised since the beginning of the year", ("2026-01-01", None)),
            ("CTOs at startups that raised in Q2", ("2026-04-01", "2026-06-30")),
            (
                "CEOs at companies that raised a Series A in the first quarter of 2025",
                ("2025-01-01", "2025-03-31"),
            ),
            ("VPs of Sales at companies that raised after September", ("2026-10-01", None)),
            (
                "CROs at companies that recently raised funding, i.e. in the last 6 months",
                ("2026-06-03", None),
            ),
        ],
    )
    def test_the_span_is_when_the_round_was(self, text, span, monkeypatch):
        from datetime import UTC, datetime

        from lexi.assistant.understanding import scanner

        monkeypatch.setattr(scanner, "utc_now", lambda: datetime(2026, 12, 3, tzinfo=UTC))
        f = search(text)
        assert (f["last_funding"]["after"], f["last_funding"]["before"]) == span
        assert "locations" not in f and "keywords" not in f

    def test_a_month_not_yet_begun_this_year_is_last_years(self, monkeypatch):
        from datetime import UTC, datetime

        from lexi.assistant.understanding import scanner

        monkeypatch.setattr(scanner, "utc_now", lambda: datetime(2027, 2, 10, tzinfo=UTC))
        f = search("founders who raised since March")
        assert f["last_funding"]["after"] == "2026-03-01"


class TestRoleWordsThatAreTowns:
    """A town named like a word ("Fleet", "Mobile", "Reading") before a role is part of the
    role; after "in" it is the town."""

    def test_before_a_role_the_word_is_the_role(self):
        f = search("Mobile developers at agencies in Denver")
        assert f["titles"] == ["Mobile Developer"] and f["locations"] == ["Denver, CO, US"]

    def test_fleet_before_a_role_keeps_georgia_the_state(self):
        f = search("fleet supervisors and Fleet managers in Georgia")
        assert "Fleet Manager" in f["titles"] and f["locations"] == ["GA, US"]

    def test_after_in_it_is_the_town(self):
        assert search("accountants in Reading")["locations"] == ["Reading, GB"]

    def test_printing_companies_are_an_industry_not_a_print_request(self):
        f = search("operations directors at printing companies in Michigan, not Detroit")
        assert f["industries"] == ["Printing"]
        assert f["exclude_locations"] == ["Detroit, MI, US"]


class TestPastedTitleLists:
    """A list of titles pasted from a job board or a CRM is one search with those titles,
    abbreviations spelled out as titles are everywhere else."""

    def test_abbreviated_titles_are_one_search(self):
        f = search(
            "Snr. Product Manager, Assoc. Director Regulatory Affairs, Asst. Controller, "
            "Dir. of Ops at medical device companies in Minnesota"
        )
        assert f["titles"] == [
            "Senior Product Manager",
            "Associate Director of Regulatory Affairs",
            "Assistant Controller",
            "Director of Operations",
        ]
        assert f["industries"] == ["Medical Devices"] and f["locations"] == ["MN, US"]
        assert "seniorities" not in f and "departments" not in f

    def test_semicolons_and_a_lead_in_work_too(self):
        f = search("titles: Deputy Director Procurement; Staff Engineer; Principal Architect")
        assert f["titles"] == [
            "Deputy Director of Procurement",
            "Staff Engineer",
            "Principal Architect",
        ]

    def test_a_rank_before_a_built_title_keeps_the_rank(self):
        assert search("assoc. product marketing managers in Seattle")["titles"] == [
            "Associate Product Marketing Manager"
        ]

    def test_a_list_of_places_after_a_role_is_no_title_list(self):
        f = search("Controllers in Iowa, Nebraska, and Kansas")
        assert f["titles"] == ["Controller"]
        assert f["locations"] == ["IA, US", "NE, US", "KS, US"]


class TestOtherLanguages:
    """Common roles, industries and places in Spanish, French, German and Portuguese are read;
    a request with other words left unread is asked again in English, never searched wider."""

    @pytest.mark.parametrize(
        ("text", "want"),
        [
            (
                "gerentes de ventas en Valencia",
                {"titles": ["Sales Manager"], "locations": ["Valencia, ES"]},
            ),
            (
                "directrice marketing à Bordeaux",
                {"titles": ["Marketing Director"], "locations": ["Bordeaux, FR"]},
            ),
            (
                "Einkaufsleiter bei Banken in Hamburg",
                {
                    "titles": ["Purchasing Manager"],
                    "industries": ["Banking"],
                    "locations": ["Hamburg, DE"],
                },
            ),
            ("diretor financeiro em Lisboa", {"titles": ["CFO"], "locations": ["Lisbon, PT"]}),
        ],
    )
    def test_common_roles_are_read(self, text, want):
        f = search(text)
        f.pop("limit")
        assert f == want

    def test_unread_words_ask_for_english(self):
        from lexi.assistant import phrases

        (intent,) = interpret("jefes de logística en empresas de alimentación en Sevilla").intents
        assert intent.kind is IntentKind.clarify and intent.missing == ["language"]
        assert "English" in phrases.question("language")

    def test_a_name_particle_is_no_language(self):
        assert search("CTOs at de Vries Logistics in Rotterdam")["titles"] == ["CTO"]
