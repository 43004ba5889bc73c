"""Search statements kept by the shape of a search: built once, run with each search's values.

Two searches of one shape (the same filters with other values) share their conditions and
statements; each must still find its own people, as the hand-written SQL does, on each engine.
"""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import Integer, bindparam, literal_column, select
from sqlalchemy.dialects import sqlite

from lexi.prospects import service
from lexi.prospects.filters import ProspectFilters
from lexi.prospects.ids import person_key
from lexi.prospects.repository import PersonQuery, ProspectRepository, query_shape
from lexi.prospects.statements import STATEMENTS, Shaped, compile_positional


def run(db, data: dict, **kw):  # type: ignore[no-untyped-def, type-arg]
    with db.unit_of_work(write=False) as session:
        return service.search(session, ProspectFilters.parse(data, max_limit=10_000), **kw)


def keys(result) -> list[int]:  # type: ignore[no-untyped-def]
    return [person_key(uuid.UUID(p["id"])) for p in result.prospects]


def branch(db, q: PersonQuery) -> Shaped:  # type: ignore[no-untyped-def]
    with db.unit_of_work(write=False) as session:
        (conditions,) = ProspectRepository(session).branches(q)
    assert isinstance(conditions, Shaped)
    return conditions


class TestTwoSearchesOfOneShape:
    @pytest.mark.parametrize(
        ("a", "b", "where_a", "where_b"),
        [
            (
                {"seniorities": ["director"], "locations": ["New York, NY, US"]},
                {"seniorities": ["manager"], "locations": ["London, GB"]},
                "seniority = 'director' AND city = 'New York' AND state = 'NY'",
                "seniority = 'manager' AND city = 'London' AND country = 'GB'",
            ),
            (
                {"departments": ["sales"], "employees": {"min": 10_000_000}},
                {"departments": ["engineering"], "employees": {"min": 51}},
                "department = 'sales' AND employees >= 10000000",
                "department = 'engineering' AND employees >= 51",
            ),
            (
                {
                    "industries": ["Banking"],
                    "exclude_locations": ["US"],
                    "revenue_usd": {"min": 1_000_000, "max": 10_000_000},
                },
                {
                    "industries": ["Law Practice"],
                    "exclude_locations": ["GB"],
                    "revenue_usd": {"min": 10_000_000, "max": 50_000_000},
                },
                "industry = 'Banking' AND coalesce(country, '') <> 'US' "
                "AND revenue_usd BETWEEN 1000000 AND 10000000",
                "industry = 'Law Practice' AND coalesce(country, '') <> 'GB' "
                "AND revenue_usd BETWEEN 10000000 AND 50000000",
            ),
        ],
    )
    def test_each_finds_its_own_people(self, universe, sql, a, b, where_a, where_b) -> None:  # type: ignore[no-untyped-def]
        q_a = service._query(ProspectFilters.parse(a))
        q_b = service._query(ProspectFilters.parse(b))
        assert branch(universe, q_a).key == branch(universe, q_b).key
        found = {}
        for data, where in ((a, where_a), (b, where_b), (a, where_a)):
            expected = [
                r[0] for r in sql(f"SELECT id FROM prospect_people WHERE {where} ORDER BY id")
            ]
            result = run(universe, {**data, "limit": 10_000})
            assert result.total == len(expected)
            assert keys(result) == expected
            found[where] = expected
        assert found[where_a] != found[where_b]

    @pytest.mark.parametrize("title", ["CEO", "CTO", "Partner"])
    def test_pages_of_a_title_search_are_slices_of_the_whole(self, universe, title: str) -> None:  # type: ignore[no-untyped-def]
        whole = keys(run(universe, {"titles": [title], "limit": 10_000}))
        assert whole
        for offset, n in ((0, 3), (3, 5), (len(whole) - 1, 5)):
            page = run(universe, {"titles": [title], "limit": n}, offset=offset)
            assert page.total == len(whole)
            assert keys(page) == whole[offset : offset + n]

    def test_pages_of_other_sizes_read_their_own_people(self, universe) -> None:  # type: ignore[no-untyped-def]
        f = {"seniorities": ["vp"], "locations": ["US"]}
        whole = run(universe, {**f, "limit": 40})
        for size in (1, 3, 40):
            page = run(universe, {**f, "limit": size})
            assert page.prospects == whole.prospects[:size]


class TestQueryShape:
    def test_values_are_parameters_and_not_part_of_the_shape(self) -> None:
        a = query_shape(PersonQuery(title_ids=[1, 2], places=[("US|NY|New York", None)]))
        b = query_shape(PersonQuery(title_ids=[7, 9], places=[("GB||London", None)]))
        assert a is not None and b is not None
        assert a[0] == b[0]
        assert a[1] != b[1]
        assert b[1]["title_ids_1"] == 9 and b[1]["places_0"] == "GB||London"

    @pytest.mark.parametrize(
        "other",
        [
            PersonQuery(title_ids=[1, 2, 3], places=[("US|NY|New York", None)]),  # three titles
            PersonQuery(title_ids=[1], places=[("US|NY|New York", None)]),  # one: an equality
            PersonQuery(title_ids=[1, 2], places=[("US|CA|", "US|CA}")]),  # a region: a range
            PersonQuery(title_ids=[1, 2], company_places=[("US|NY|New York", None)]),
            PersonQuery(title_ids=[1, 2], places=[("GB||London", None)], employees=(10, None)),
        ],
    )
    def test_another_form_is_another_shape(self, other: PersonQuery) -> None:
        base = query_shape(PersonQuery(title_ids=[1, 2], places=[("US|NY|New York", None)]))
        shape = query_shape(other)
        assert base is not None and shape is not None
        assert shape[0] != base[0]

    @pytest.mark.parametrize(
        "q",
        [
            PersonQuery(keywords=["fintech"]),
            PersonQuery(technologies=["Salesforce"]),
            PersonQuery(company_ids=[1, 2]),
            PersonQuery(exclude_ids=[5]),
            PersonQuery(seniorities=["vp"], conditions=[literal_column("1") == 1]),
        ],
    )
    def test_searches_whose_form_depends_on_their_values_have_none(self, q: PersonQuery) -> None:
        assert query_shape(q) is None


class TestCompilePositional:
    def test_literals_stay_and_named_values_are_filled_in_order(self) -> None:
        stmt = select(literal_column("1")).where(
            bindparam("b", type_=Integer) > 2, bindparam("a", type_=Integer) < 5
        )
        compiled = compile_positional(stmt, sqlite.dialect())
        assert compiled.values({"a": 4, "b": 3}) == [3, 2, 4, 5]

    def test_a_list_expanded_when_it_runs_is_refused(self) -> None:
        stmt = select(literal_column("1")).where(
            literal_column("x").in_(bindparam("xs", expanding=True))
        )
        with pytest.raises(ValueError):
            compile_positional(stmt, sqlite.dialect())

    def test_statements_are_kept_once_per_key(self, universe) -> None:  # type: ignore[no-untyped-def]
        built = []

        def build():  # type: ignore[no-untyped-def]
            built.append(1)
            return select(bindparam("n", type_=Integer) + 1)

        key = ("test", uuid.uuid4().hex)
        with universe.unit_of_work(write=False) as session:
            for n in (1, 41):
                _, rows = STATEMENTS.run(session, key, build, {"n": n})
                assert rows[0][0] == n + 1
        assert built == [1]
