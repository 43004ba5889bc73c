"""Prospect search: each filter alone and combined, synonyms, exclusions, ordering, exact totals.

Every total is checked against the same question asked in hand-written SQL.
"""

from __future__ import annotations

import uuid

import pytest

from lexi.errors import ValidationFailed
from lexi.prospects import service
from lexi.prospects.filters import ProspectFilters
from lexi.prospects.ids import person_key
from lexi.prospects.titles import canonical_tokens


def run(db, data: dict, **kw):  # type: ignore[no-untyped-def]
    with db.unit_of_work(write=False) as session:
        return service.search(session, ProspectFilters.parse(data, max_limit=10_000), **kw)


def keys(result) -> list[int]:  # type: ignore[no-untyped-def]
    return [person_key(uuid.UUID(p["id"])) for p in result.prospects]


class TestEachFilterAlone:
    @pytest.mark.parametrize(
        ("filters", "where"),
        [
            ({"seniorities": ["vp"]}, "seniority = 'vp'"),
            ({"seniorities": ["vp", "director"]}, "seniority IN ('vp', 'director')"),
            ({"departments": ["engineering"]}, "department = 'engineering'"),
            ({"industries": ["law practice"]}, "industry = 'Law Practice'"),
            ({"email_status": ["verified"]}, "email_status = 'verified'"),
            ({"employees": "51-200"}, "employees BETWEEN 51 AND 200"),
            ({"employees": {"min": 1000}}, "employees >= 1000"),
            ({"revenue_usd": {"max": 1000000}}, "revenue_usd <= 1000000"),
        ],
    )
    def test_total_equals_the_sql_count(self, universe, sql, filters: dict, where: str) -> None:  # type: ignore[no-untyped-def]
        expected = sql(f"SELECT count(*) FROM prospect_people WHERE {where}")[0][0]
        assert expected > 0
        assert run(universe, filters).total == expected

    def test_a_city_matches_the_people_there_not_their_companies(self, universe, sql) -> None:  # type: ignore[no-untyped-def]
        expected = sql(
            "SELECT count(*) FROM prospect_people p WHERE p.city = 'New York' AND p.state = 'NY'"
        )[0][0]
        result = run(universe, {"locations": ["New York, NY, US"], "limit": 100})
        assert expected > 0 and result.total == expected
        assert all((p["city"], p["state"]) == ("New York", "NY") for p in result.prospects)

    def test_a_region_and_a_country_match_their_prefixes(self, universe, sql) -> None:  # type: ignore[no-untyped-def]
        ca = sql(
            "SELECT count(*) FROM prospect_people p WHERE p.country = 'US' AND p.state = 'CA'"
        )[0][0]
        de = sql("SELECT count(*) FROM prospect_people p WHERE p.country = 'DE'")[0][0]
        assert run(universe, {"locations": ["CA, US"]}).total == ca
        assert run(universe, {"locations": ["Germany"]}).total == de

    def test_exclusions_remove_the_people_in_the_place(self, universe, sql) -> None:  # type: ignore[no-untyped-def]
        expected = sql(
            "SELECT count(*) FROM prospect_people p WHERE coalesce(p.country, '') <> 'US'"
        )[0][0]
        result = run(universe, {"exclude_locations": ["US"], "limit": 100})
        assert result.total == expected
        assert all(p["country"] != "US" for p in result.prospects)


class TestCompanyLocations:
    """`company_locations` match the company's HQ; `locations` the person's own place (as Apollo)."""

    def test_a_company_city_matches_everyone_at_companies_based_there(self, universe, sql) -> None:  # type: ignore[no-untyped-def]
        expected = sql(
            "SELECT count(*) FROM prospect_people p JOIN prospect_companies c ON c.id = p.company_id "
            "WHERE c.city = 'New York' AND c.state = 'NY'"
        )[0][0]
        result = run(universe, {"company_locations": ["New York, NY, US"], "limit": 100})
        assert expected > 0 and result.total == expected
        assert all(
            (p["company"]["city"], p["company"]["state"]) == ("New York", "NY")
            for p in result.prospects
        )

    def test_some_work_elsewhere_for_a_company_based_there(self, universe, sql) -> None:  # type: ignore[no-untyped-def]
        away = sql(
            "SELECT count(*) FROM prospect_people p JOIN prospect_companies c ON c.id = p.company_id "
            "WHERE c.country = 'US' AND c.state = 'NY' AND coalesce(p.state, '') <> 'NY'"
        )[0][0]
        both = run(universe, {"company_locations": ["NY, US"], "exclude_locations": ["NY, US"]})
        assert away > 0 and both.total == away

    def test_person_and_company_places_combine(self, universe, sql) -> None:  # type: ignore[no-untyped-def]
        expected = sql(
            "SELECT count(*) FROM prospect_people p JOIN prospect_companies c ON c.id = p.company_id "
            "WHERE p.country = 'US' AND c.country = 'US' AND c.state = 'CA'"
        )[0][0]
        result = run(universe, {"locations": ["US"], "company_locations": ["California"]})
        assert result.total == expected

    def test_excluding_a_company_place(self, universe, sql) -> None:  # type: ignore[no-untyped-def]
        expected = sql(
            "SELECT count(*) FROM prospect_people p LEFT JOIN prospect_companies c ON c.id = p.company_id "
            "WHERE coalesce(c.country, '') <> 'US'"
        )[0][0]
        result = run(universe, {"exclude_company_locations": ["US"], "limit": 100})
        assert result.total == expected
        assert all((p["company"] or {}).get("country") != "US" for p in result.prospects)

    def test_unknown_company_place_is_a_validation_error_with_suggestions(self, universe) -> None:  # type: ignore[no-untyped-def]
        with pytest.raises(ValidationFailed) as err:
            run(universe, {"company_locations": ["Nwe York"]})
        assert "company_locations" in err.value.details["fields"]

    def test_excluded_industries_are_left_out(self, universe, sql) -> None:  # type: ignore[no-untyped-def]
        expected = sql(
            "SELECT count(*) FROM prospect_people p LEFT JOIN prospect_companies c ON c.id = p.company_id "
            "WHERE c.industry IS NULL OR c.industry NOT IN ('Marketing and Advertising', 'Law Practice')"
        )[0][0]
        result = run(
            universe,
            {"exclude_industries": ["marketing and advertising", "Law Practice"], "limit": 100},
        )
        assert result.total == expected
        assert all(
            (p["company"] or {}).get("industry")
            not in ("Marketing and Advertising", "Law Practice")
            for p in result.prospects
        )

    def test_keywords_match_company_text(self, universe, sql) -> None:  # type: ignore[no-untyped-def]
        expected = sql(
            "SELECT count(*) FROM prospect_people p LEFT JOIN prospect_companies c ON c.id = p.company_id "
            "WHERE lower(c.name || ' ' || c.description || ' ' || c.keywords) LIKE '%litigation%'"
        )[0][0]
        assert expected > 0
        assert run(universe, {"keywords": ["Litigation"]}).total == expected

    def test_technologies_match_the_company_stack(self, universe, sql) -> None:  # type: ignore[no-untyped-def]
        expected = sql(
            "SELECT count(*) FROM prospect_people p LEFT JOIN prospect_companies c ON c.id = p.company_id "
            "WHERE c.technologies LIKE '%Shopify%' OR c.technologies LIKE '%Clio%'"
        )[0][0]
        assert expected > 0
        assert run(universe, {"technologies": ["shopify", "Clio"]}).total == expected


class TestTitles:
    def test_ceo_finds_every_spelling_and_no_assistants(self, universe, sql) -> None:  # type: ignore[no-untyped-def]
        result = run(universe, {"titles": ["CEO"], "limit": 10_000})
        titles = {p["job_title"] for p in result.prospects}
        assert {"CEO", "Chief Executive Officer", "CEO & Co-Founder"} <= titles
        assert all("ceo" in canonical_tokens(t) for t in titles)
        expected = sql(
            "SELECT count(*) FROM prospect_people p JOIN prospect_titles t ON t.id = p.title_id "
            "WHERE t.title IN ('CEO', 'Chief Executive Officer', 'CEO & Co-Founder', 'Co-Founder & CEO', "
            "'Founder & CEO', 'President & CEO', 'Managing Partner & CEO', 'CEO & Founder', 'CEO & President', "
            "'Chairman & CEO')"
        )[0][0]
        assert result.total == expected

    def test_exact_title_matches_come_first_then_by_key(self, universe) -> None:  # type: ignore[no-untyped-def]
        result = run(universe, {"titles": ["CEO"], "limit": 10_000})
        exact = [canonical_tokens(p["job_title"]) == ("ceo",) for p in result.prospects]
        assert exact == sorted(exact, reverse=True)
        n = sum(exact)
        ks = keys(result)
        assert ks[:n] == sorted(ks[:n]) and ks[n:] == sorted(ks[n:])

    def test_unknown_title_gives_zero(self, universe) -> None:  # type: ignore[no-untyped-def]
        result = run(universe, {"titles": ["Chief Galactic Officer"]})
        assert result.total == 0 and result.prospects == []

    def test_a_title_imported_after_a_search_is_found_by_the_next(self, universe) -> None:  # type: ignore[no-untyped-def]
        # The titles are matched in memory; each search checks them against the table's version.
        from lexi.prospects import importer

        t = uuid.uuid4().hex[:8]
        title = f"Zeppelin Wrangler {t}"
        assert run(universe, {"titles": [title]}).total == 0
        rows = f"first_name,email,job_title\nZed,zed@{t}.com,{title}\n"
        with universe.unit_of_work() as session:
            assert importer.import_rows(session, importer.read_csv(rows)).imported == 1
        found = run(universe, {"titles": [title]})
        assert found.total == 1 and found.prospects[0]["job_title"] == title


class TestCombined:
    def test_every_prospect_satisfies_every_filter(self, universe) -> None:  # type: ignore[no-untyped-def]
        filters = {
            "seniorities": ["c_suite", "founder", "owner", "partner"],
            "employees": {"min": 2, "max": 500},
            "locations": ["US"],
            "email_status": ["verified", "guessed"],
            "limit": 100,
        }
        result = run(universe, filters)
        assert result.total > 0
        for p in result.prospects:
            assert p["seniority"] in filters["seniorities"]
            assert 2 <= p["company"]["employee_count"] <= 500
            assert "US" in (p["country"], p["company"]["country"])
            assert p["email_status"] in ("verified", "guessed") and p["email"]

    def test_combining_filters_intersects(self, universe) -> None:  # type: ignore[no-untyped-def]
        a = run(universe, {"seniorities": ["manager"], "limit": 10_000})
        b = run(universe, {"departments": ["sales"], "limit": 10_000})
        both = run(
            universe, {"seniorities": ["manager"], "departments": ["sales"], "limit": 10_000}
        )
        assert set(keys(both)) == set(keys(a)) & set(keys(b))

    def test_zero_result_query(self, universe) -> None:  # type: ignore[no-untyped-def]
        result = run(universe, {"titles": ["CEO"], "employees": {"min": 10_000_000}})
        assert result.total == 0


class TestOrderingAndPaging:
    def test_same_query_same_order(self, universe) -> None:  # type: ignore[no-untyped-def]
        f = {"seniorities": ["manager"], "limit": 50}
        assert keys(run(universe, f)) == keys(run(universe, f))

    def test_pages_continue_without_overlap_and_keep_the_total(self, universe) -> None:  # type: ignore[no-untyped-def]
        f = {"titles": ["Partner", "CEO"], "limit": 100}
        whole = run(universe, {**f, "limit": 10_000})
        pages = [run(universe, f, offset=o) for o in range(0, whole.total, 100)]
        assert {p.total for p in pages} == {whole.total}
        assert [k for p in pages for k in keys(p)] == keys(whole)

    @pytest.mark.parametrize(
        "f",
        [
            {"titles": ["CEO"]},
            {"titles": ["VP Sales"], "funding_stages": ["seed", "series_a", "series_b"]},
            {"seniorities": ["vp", "director"], "technologies": ["Salesforce", "Slack"]},
            {"seniorities": ["manager"], "locations": ["US"]},
            # One walk over the matches gives the count and the page (SQLite), or the count
            # first when they are dense: both give the same slices.
            {"seniorities": ["vp", "director"], "keywords": ["software"], "locations": ["US"]},
            {"titles": ["CEO"], "headcount_growth_pct": {"min": 10}},
            {"seniorities": ["manager"], "hiring_for": {"departments": ["sales", "engineering"]}},
            {"industries": ["Computer Software"], "locations": ["US", "GB"]},
        ],
    )
    def test_every_page_is_its_slice_of_the_whole(self, universe, f: dict) -> None:  # type: ignore[no-untyped-def, type-arg]
        # Small pages and deep ones: on PostgreSQL a sparse page comes with the count, a dense
        # one walks the people in key order; both give the same slices.
        whole = keys(run(universe, {**f, "limit": 10_000}))
        assert whole
        for offset in sorted({0, 7, len(whole) // 2, max(len(whole) - 3, 0), len(whole)}):
            page = run(universe, {**f, "limit": 7}, offset=offset)
            assert page.total == len(whole)
            assert keys(page) == whole[offset : offset + 7]

    def test_limit_caps_the_selection(self, universe) -> None:  # type: ignore[no-untyped-def]
        assert len(run(universe, {"limit": 7}).prospects) == 7


class TestProspectObject:
    def test_has_the_contract_fields(self, universe) -> None:  # type: ignore[no-untyped-def]
        p = run(universe, {"limit": 1}).prospects[0]
        assert set(p) >= {
            "id",
            "first_name",
            "last_name",
            "full_name",
            "job_title",
            "seniority",
            "department",
            "email",
            "email_status",
            "city",
            "state",
            "country",
            "linkedin_url",
            "company",
        }
        assert set(p["company"]) == {
            "id",
            "name",
            "domain",
            "industry",
            "employee_count",
            "revenue_usd",
            "city",
            "state",
            "country",
            "funding_stage",
            "last_funding_on",
            "total_funding_usd",
            "headcount_growth_12m_pct",
        }
        assert isinstance(p["signals"], list)
        uuid.UUID(p["id"]) and uuid.UUID(p["company"]["id"])

    def test_get_prospects_returns_the_same_objects(self, universe) -> None:  # type: ignore[no-untyped-def]
        found = run(universe, {"limit": 3}).prospects
        with universe.unit_of_work(write=False) as session:
            again = service.get_prospects(session, [uuid.UUID(p["id"]) for p in found])
        assert again == found


@pytest.mark.postgres
def test_search_settings_last_for_its_transaction_only(universe) -> None:  # type: ignore[no-untyped-def]
    """PostgreSQL: a search plans each statement for its values (never a generic plan of a
    statement the driver prepared) and without JIT; the connection's next transaction, which
    the pool may give to anything, has the server's settings again."""
    from sqlalchemy import text

    def settings(session):  # type: ignore[no-untyped-def]
        return tuple(
            session.execute(
                text("SELECT current_setting('jit'), current_setting('plan_cache_mode')")
            ).one()
        )

    with universe.unit_of_work(write=False) as session:
        default = settings(session)
    assert default != ("off", "force_custom_plan")
    with universe.unit_of_work(write=False) as session:
        total = service.search(session, ProspectFilters.parse({"seniorities": ["vp"]})).total
        assert settings(session) == ("off", "force_custom_plan")
        assert service.count(session, ProspectFilters.parse({"seniorities": ["vp"]})) == total
    with universe.unit_of_work(write=False) as session:
        assert settings(session) == default
