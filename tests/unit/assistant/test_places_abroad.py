"""Places outside the core countries in chat requests: countries, cities and world regions.

Each request is scored the way the development set is (``evaluation.mismatches``), so a label
here means what a label in ``tests/data`` means.
"""

from __future__ import annotations

import pytest

from lexi.assistant.understanding import ConversationState, RuleInterpreter
from lexi.assistant.understanding.evaluation import mismatches

SEA = ["SG", "MY", "ID", "TH", "VN", "PH", "MM", "KH", "LA", "BN", "TL"]
GCC = ["AE", "SA", "QA", "KW", "BH", "OM"]


def search(**filters) -> list[dict]:
    return [{"kind": "prospect_search", "filters": {"limit": 25, **filters}}]


def check(text: str, expected: list[dict], state: ConversationState | None = None) -> None:
    got = RuleInterpreter().interpret(text, state or ConversationState())
    assert mismatches(expected, got) == []
    assert all(not getattr(i, "not_understood", None) for i in got.intents)


class TestCountriesAndCities:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            (
                "CFOs at e-commerce companies in Malaysia",
                search(titles=["CFO"], industries=["E-Commerce"], locations=["MY"]),
            ),
            (
                "fintech founders in Jakarta",
                search(
                    seniorities=["founder"],
                    industries=["Financial Services"],
                    locations=["Jakarta, ID"],
                ),
            ),
            ("CTOs in Seoul", search(titles=["CTO"], locations=["Seoul, KR"])),
            ("CTOs in Bogota", search(titles=["CTO"], locations=["Bogotá, CO"])),
            ("CEOs in South Africa", search(titles=["CEO"], locations=["ZA"])),
            (
                "CFOs in Nigeria, Egypt and Kenya",
                search(titles=["CFO"], locations=["NG", "EG", "KE"]),
            ),
            ("CMOs in Saudi Arabia", search(titles=["CMO"], locations=["SA"])),
            (
                "CTOs in Hong Kong, Taiwan and China",
                search(titles=["CTO"], locations=["HK", "TW", "CN"]),
            ),
            (
                "founders in Greece, the Czech Republic and Romania",
                search(seniorities=["founder"], locations=["GR", "CZ", "RO"]),
            ),
            ("CEOs in Turkey", search(titles=["CEO"], locations=["TR"])),
            ("CFOs in Buenos Aires", search(titles=["CFO"], locations=["Buenos Aires, AR"])),
            ("CFOs in Santiago, Chile", search(titles=["CFO"], locations=["Santiago, CL"])),
            (
                "CTOs at Korean gaming companies",
                search(titles=["CTO"], industries=["Computer Games"], locations=["KR"]),
            ),
        ],
    )
    def test_parses(self, text, expected):
        check(text, expected)


class TestRegions:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("CTOs in Southeast Asia", search(titles=["CTO"], locations=SEA)),
            ("CEOs in the Gulf", search(titles=["CEO"], locations=GCC)),
            ("CEOs in the GCC", search(titles=["CEO"], locations=GCC)),
            (
                "CTOs in Eastern Europe",
                search(
                    titles=["CTO"],
                    locations=["PL", "CZ", "SK", "HU", "RO", "BG", "MD", "UA", "BY", "RU"],
                ),
            ),
        ],
    )
    def test_parses(self, text, expected):
        check(text, expected)

    def test_africa_and_latin_america_name_their_countries(self):
        got = RuleInterpreter().interpret("CFOs in Africa or Latin America", ConversationState())
        locations = got.intents[0].filters["locations"]
        assert {"NG", "ZA", "KE", "EG", "MX", "BR", "AR", "CO"} <= set(locations)


class TestAmbiguity:
    def test_georgia_alone_is_the_us_state(self):
        check("CEOs in Georgia", search(titles=["CEO"], locations=["GA, US"]))

    def test_georgia_with_places_abroad_is_the_country(self):
        check("CEOs in Georgia and Armenia", search(titles=["CEO"], locations=["GE", "AM"]))

    def test_a_city_with_its_country(self):
        check("CTOs in Tbilisi, Georgia", search(titles=["CTO"], locations=["Tbilisi, GE"]))

    @pytest.mark.parametrize(
        ("text", "place"),
        [
            ("CTOs in Denver, CO", "Denver, CO, US"),
            ("VPs of Sales in Atlanta, GA", "Atlanta, GA, US"),
            ("CTOs in CO", "CO, US"),
            ("CFOs in MA", "MA, US"),
        ],
    )
    def test_state_codes_stay_states(self, text, place):
        got = RuleInterpreter().interpret(text, ConversationState())
        assert got.intents[0].filters["locations"] == [place]

    def test_a_town_named_like_a_word_is_no_place(self):
        got = RuleInterpreter().interpret("male CTOs in Berlin", ConversationState())
        assert got.intents[0].filters["locations"] == ["Berlin, DE"]

    def test_a_core_city_keeps_its_name(self):
        check("CEOs in Santa Clara", search(titles=["CEO"], locations=["Santa Clara, CA, US"]))
