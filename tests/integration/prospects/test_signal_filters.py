"""Buying-signal filters over the generated universe: every total equals the same question asked
in hand-written SQL, and every returned person's company really carries the signal (shown in
the prospect's ``signals``)."""

from __future__ import annotations

import copy
import uuid
from datetime import date, timedelta

import pytest

from lexi.errors import ValidationFailed
from lexi.kit.clock import utc_now
from lexi.prospects import service
from lexi.prospects.filters import ProspectFilters
from lexi.prospects.ids import person_key, person_uuid


def run(db, data: dict):  # type: ignore[no-untyped-def]
    with db.unit_of_work(write=False) as session:
        return service.search(session, ProspectFilters.parse(data, max_limit=10_000))


def keys(result) -> set[int]:  # type: ignore[no-untyped-def]
    return {person_key(uuid.UUID(p["id"])) for p in result.prospects}


def ago(days: int) -> str:
    return (utc_now().date() - timedelta(days=days)).isoformat()


PEOPLE = (
    "SELECT p.id FROM prospect_people p JOIN prospect_companies c ON c.id = p.company_id WHERE "
)


class TestEachSignalAgainstSql:
    @pytest.mark.parametrize(
        ("filters", "where"),
        [
            ({"funding_stages": ["series_a"]}, "c.funding_stage = 'series_a'"),
            ({"funding_stages": ["Seed", "pre-seed"]}, "c.funding_stage IN ('seed', 'pre_seed')"),
            (
                {"last_funding": {"after": "2025-01-01", "before": "2025-12-31"}},
                "c.last_funding_on BETWEEN '2025-01-01' AND '2025-12-31'",
            ),
            ({"total_funding_usd": {"min": 10_000_000}}, "c.funding_total_usd >= 10000000"),
            ({"headcount_growth_pct": {"min": 20}}, "c.growth_12m_pct >= 20"),
            ({"headcount_growth_pct": {"max": -5, "months": 6}}, "c.growth_6m_pct <= -5"),
        ],
    )
    def test_company_signals(self, universe, sql, filters: dict, where: str) -> None:  # type: ignore[no-untyped-def]
        expected = {r[0] for r in sql(PEOPLE + where)}
        assert expected
        result = run(universe, {**filters, "limit": 10_000})
        assert result.total == len(expected)
        assert keys(result) == expected

    def test_hiring_for_a_title_matches_open_postings_of_that_title(self, universe, sql) -> None:  # type: ignore[no-untyped-def]
        title = sql(
            "SELECT t.title FROM prospect_job_postings j JOIN prospect_titles t ON t.id = j.title_id "
            "WHERE t.title LIKE '%Manager%' GROUP BY t.title ORDER BY count(*) DESC, t.title LIMIT 1"
        )[0][0]
        exact = {
            r[0]
            for r in sql(
                "SELECT p.id FROM prospect_people p WHERE p.company_id IN (SELECT j.company_id "
                "FROM prospect_job_postings j JOIN prospect_titles t ON t.id = j.title_id WHERE t.title = :t)",
                t=title,
            )
        }
        result = run(universe, {"hiring_for": {"titles": [title]}, "limit": 10_000})
        # The title matches like the titles filter: the title itself and titles containing it
        # ("Senior Product Manager" for "Product Manager").
        assert exact and exact <= keys(result)
        words = set(title.lower().split())
        for p in result.prospects:
            postings = sql(
                "SELECT t.title FROM prospect_people p JOIN prospect_job_postings j ON j.company_id = p.company_id "
                "JOIN prospect_titles t ON t.id = j.title_id WHERE p.id = :id",
                id=person_key(uuid.UUID(p["id"])),
            )
            assert any(words <= set(r[0].lower().replace(",", " ").split()) for r in postings), (
                postings
            )
            assert any(s.startswith("hiring") for s in p["signals"])

    def test_hiring_for_a_department_and_seniority_recently(self, universe, sql) -> None:  # type: ignore[no-untyped-def]
        since = ago(30)
        expected = {
            r[0]
            for r in sql(
                "SELECT p.id FROM prospect_people p WHERE p.company_id IN (SELECT company_id FROM "
                "prospect_job_postings WHERE department = 'engineering' AND seniority IN ('senior', 'entry') "
                "AND posted_on >= :since)",
                since=since,
            )
        }
        assert expected
        result = run(
            universe,
            {
                "hiring_for": {
                    "departments": ["engineering"],
                    "seniorities": ["senior", "entry"],
                    "posted_within_days": 30,
                },
                "limit": 10_000,
            },
        )
        assert keys(result) == expected

    def test_job_change_within_days(self, universe, sql) -> None:  # type: ignore[no-untyped-def]
        expected = {
            r[0]
            for r in sql("SELECT id FROM prospect_people WHERE role_started_on >= :d", d=ago(90))
        }
        assert expected
        result = run(universe, {"job_change_within_days": 90, "limit": 10_000})
        assert keys(result) == expected
        assert all(
            any(s.startswith("new in role since") for s in p["signals"]) for p in result.prospects
        )

    def test_technology_added_within_days(self, universe, sql) -> None:  # type: ignore[no-untyped-def]
        tech, n = sql(
            "SELECT technology, count(*) FROM prospect_company_technologies WHERE first_seen_on >= :d "
            "GROUP BY technology ORDER BY count(*) DESC, technology LIMIT 1",
            d=ago(180),
        )[0]
        assert n > 0
        expected = {
            r[0]
            for r in sql(
                "SELECT p.id FROM prospect_people p WHERE p.company_id IN (SELECT company_id FROM "
                "prospect_company_technologies WHERE tech_key = :k AND first_seen_on >= :d)",
                k=tech.lower(),
                d=ago(180),
            )
        }
        result = run(
            universe,
            {"technologies": [tech], "technologies_added_within_days": 180, "limit": 10_000},
        )
        assert keys(result) == expected
        assert all(
            any(s.startswith(f"adopted {tech} in") for s in p["signals"]) for p in result.prospects
        )
        anything = {
            r[0]
            for r in sql(
                "SELECT p.id FROM prospect_people p WHERE p.company_id IN (SELECT company_id FROM "
                "prospect_company_technologies WHERE first_seen_on >= :d)",
                d=ago(30),
            )
        }
        assert run(universe, {"technologies_added_within_days": 30, "limit": 10_000}).total == len(
            anything
        )

    def test_signals_combine_with_other_filters(self, universe, sql) -> None:  # type: ignore[no-untyped-def]
        expected = {
            r[0]
            for r in sql(
                PEOPLE
                + "p.seniority IN ('c_suite', 'founder', 'owner') AND c.funding_stage IN ('seed', 'series_a') "
                "AND c.growth_12m_pct >= 10"
            )
        }
        assert expected
        result = run(
            universe,
            {
                "seniorities": ["c_suite", "founder", "owner"],
                "funding_stages": ["seed", "series_a"],
                "headcount_growth_pct": {"min": 10},
                "limit": 10_000,
            },
        )
        assert keys(result) == expected

    @pytest.mark.parametrize(
        "places",
        [
            # A title with regions and cities checks each person's company (few people reach
            # it); with a country, against the set of companies. Both find the same people.
            ["CA, US", "NY, US", "TX, US", "London, GB"],
            ["US", "GB"],
        ],
    )
    def test_signals_with_a_title_and_places(self, universe, sql, places: list[str]) -> None:  # type: ignore[no-untyped-def]
        titles = {
            r[0] for r in sql("SELECT id FROM prospect_titles WHERE title IN ('CEO', 'Founder')")
        }
        assert titles
        data = {"titles": ["CEO", "Founder"], "locations": places, "limit": 10_000}
        with universe.unit_of_work(write=False) as session:
            wanted = ProspectFilters.parse(data, max_limit=10_000)
            exact, partial = service._title_groups(
                service.ProspectRepository(session), ["CEO", "Founder"]
            )
        ids = ", ".join(str(i) for i in exact + partial)
        where_place = " OR ".join(
            f"(p.loc >= '{lo}' AND p.loc < '{hi}')" if hi else f"p.loc = '{lo}'"
            for lo, hi in (service.parse_filter(x) for x in places)
        )
        for signal, where in (
            ({"funding_stages": ["seed", "series_a", "series_b"]}, "c.funding_stage IN ('seed', 'series_a', 'series_b')"),
            ({"headcount_growth_pct": {"min": 0}}, "c.growth_12m_pct >= 0"),
            ({"hiring_for": {"departments": ["sales", "engineering"]}},
             "c.id IN (SELECT company_id FROM prospect_job_postings WHERE department IN ('sales', 'engineering'))"),
        ):  # fmt: skip
            expected = {
                r[0] for r in sql(PEOPLE + f"p.title_id IN ({ids}) AND ({where_place}) AND {where}")
            }
            assert expected, signal
            result = run(universe, {**wanted.to_dict(), **signal})
            assert result.total == len(expected), signal
            assert keys(result) == expected, signal


class TestSignalsShown:
    def test_every_series_a_prospect_shows_its_round_and_company_facts(self, universe, sql) -> None:  # type: ignore[no-untyped-def]
        result = run(universe, {"funding_stages": ["series_a"], "limit": 50})
        assert result.prospects
        for p in result.prospects:
            assert p["signals"][0].startswith("Series A, ")
            assert p["company"]["funding_stage"] == "series_a"
            row = sql(
                "SELECT c.last_funding_on, c.funding_total_usd FROM prospect_people p JOIN prospect_companies c "
                "ON c.id = p.company_id WHERE p.id = :id",
                id=person_key(uuid.UUID(p["id"])),
            )[0]
            assert p["company"]["last_funding_on"] == str(row[0])
            assert date.fromisoformat(str(row[0])).strftime("%B %Y") in p["signals"][0]

    def test_people_of_one_company_share_its_signals_but_not_their_own(self, universe, sql) -> None:  # type: ignore[no-untyped-def]
        # Two people of one company with open postings: one started their role within the
        # last 90 days, the other more than a year ago (or on no known day).
        new, old = sql(
            "SELECT n.id, o.id FROM prospect_people n JOIN prospect_people o "
            "ON o.company_id = n.company_id AND o.id <> n.id "
            "WHERE n.role_started_on >= :recent AND n.prev_company_name IS NOT NULL "
            "AND (o.role_started_on IS NULL OR o.role_started_on < :old) "
            "AND n.company_id IN (SELECT company_id FROM prospect_job_postings) "
            "ORDER BY n.id, o.id LIMIT 1",
            recent=ago(90),
            old=ago(400),
        )[0]
        with universe.unit_of_work(write=False) as session:
            a, b = service.get_prospects(session, [person_uuid(new), person_uuid(old)])
        assert [a["id"], b["id"]] == [str(person_uuid(new)), str(person_uuid(old))]
        kinds = [d["kind"] for d in a["signal_details"]]
        assert "new_in_role" in kinds and "previous_company" in kinds
        assert not {"new_in_role", "previous_company"} & {d["kind"] for d in b["signal_details"]}
        company = [
            d for d in a["signal_details"] if d["kind"] not in {"new_in_role", "previous_company"}
        ]
        assert any(d["kind"] == "hiring" for d in company)
        assert company == b["signal_details"]
        assert a["company"] == b["company"]
        # Each prospect holds its own objects: changing one leaves the other as it was.
        before = copy.deepcopy(b["signal_details"])
        a["signal_details"][0]["facts"]["changed"] = True
        a["signal_details"][0]["text"] = "changed"
        assert b["signal_details"] == before

    def test_growth_is_shown_in_numbers(self, universe) -> None:  # type: ignore[no-untyped-def]
        result = run(universe, {"headcount_growth_pct": {"min": 20}, "limit": 20})
        for p in result.prospects:
            growth = [s for s in p["signals"] if s.startswith("headcount +")]
            assert growth and int(growth[0].split("+")[1].split("%")[0]) >= 20


class TestValidation:
    @pytest.mark.parametrize(
        "filters",
        [
            {"funding_stages": ["series_z"]},
            {"last_funding": {"after": "yesterday"}},
            {"last_funding": {"after": "2025-02-01", "before": "2025-01-01"}},
            {"headcount_growth_pct": {"min": 10, "months": 3}},
            {"hiring_for": {"departments": ["wizardry"]}},
            {"hiring_for": {"team": "sales"}},
            {"job_change_within_days": 0},
            {"technologies_added_within_days": "soon"},
        ],
    )
    def test_invalid_values_are_refused(self, filters: dict) -> None:
        with pytest.raises(ValidationFailed):
            ProspectFilters.parse(filters)

    def test_canonical_form(self) -> None:
        f = ProspectFilters.parse(
            {
                "funding_stages": ["Series A", "series-d"],
                "headcount_growth_pct": {"min": 20},
                "hiring_for": {"titles": ["SDR"], "departments": ["Sales"]},
            }
        )
        assert f.to_dict() == {
            "funding_stages": ["series_a", "series_d_plus"],
            "headcount_growth_pct": {"min": 20, "max": None, "months": 12},
            "hiring_for": {"titles": ["SDR"], "departments": ["sales"]},
            "limit": 25,
        }
