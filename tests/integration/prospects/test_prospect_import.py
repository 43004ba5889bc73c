"""Importing real people: mapping, company matching by domain, dedupe, per-row errors, encodings."""

from __future__ import annotations

import json
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest

from lexi.errors import ValidationFailed
from lexi.prospects import importer, service
from lexi.prospects.filters import ProspectFilters


def tag() -> str:
    return uuid.uuid4().hex[:8]


def do_import(db, rows, **kw):  # type: ignore[no-untyped-def]
    with db.unit_of_work() as session:
        return importer.import_rows(session, rows, **kw)


def find(db, sql, email):  # type: ignore[no-untyped-def]
    return sql(
        "SELECT p.first_name, p.last_name, p.seniority, p.department, p.industry, c.domain, t.title, "
        "p.city, p.state, p.country, p.email_status, p.company_id FROM prospect_people p "
        "LEFT JOIN prospect_companies c ON c.id = p.company_id "
        "LEFT JOIN prospect_titles t ON t.id = p.title_id WHERE p.email = :e",
        e=email,
    )


class TestCsvImport:
    def test_maps_columns_normalises_titles_and_places(self, universe, sql) -> None:  # type: ignore[no-untyped-def]
        t = tag()
        text = (
            "Given,Family,Mail,Role,Firm,Web,Town,Region,Nation,Sector\n"
            f"Ada,Lovelace,ada@{t}.com,Vice President of Engineering,Engines {t},https://www.{t}.com/about,"
            "san francisco,CA,United States,computer software\n"
        )
        mapping = {
            "first_name": "Given",
            "last_name": "Family",
            "email": "Mail",
            "job_title": "Role",
            "company_name": "Firm",
            "company_domain": "Web",
            "city": "Town",
            "state": "Region",
            "country": "Nation",
            "industry": "Sector",
        }
        out = do_import(universe, importer.read_csv(text), mapping=mapping)
        assert (out.imported, out.errors, out.companies_created) == (1, [], 1)
        row = find(universe, sql, f"ada@{t}.com")[0]
        assert row[:7] == (
            "Ada",
            "Lovelace",
            "vp",
            "engineering",
            "Computer Software",
            f"{t}.com",
            "Vice President of Engineering",
        )
        assert row[7:10] == ("San Francisco", "CA", "US")

    def test_mapping_may_also_go_from_column_to_field(self, universe, sql) -> None:  # type: ignore[no-untyped-def]
        t = tag()
        text = f"Who,Mail\nKim Park,kim@{t}.com\n"
        out = do_import(
            universe, importer.read_csv(text), mapping={"Who": "full_name", "Mail": "email"}
        )
        assert out.imported == 1 and find(universe, sql, f"kim@{t}.com")[0][:2] == ("Kim", "Park")

    def test_headers_are_recognised_without_a_mapping(self, universe, sql) -> None:  # type: ignore[no-untyped-def]
        t = tag()
        text = f"First Name,Last Name,Email,Title,Company\nGrace,Hopper,grace@{t}.io,CTO,Navy {t}\n"
        out = do_import(universe, importer.read_csv(text))
        assert out.imported == 1
        assert find(universe, sql, f"grace@{t}.io")[0][2:4] == ("c_suite", "engineering")

    def test_people_are_matched_to_existing_companies_by_domain(self, universe, sql) -> None:  # type: ignore[no-untyped-def]
        domain, industry, cid = sql(
            "SELECT domain, industry, id FROM prospect_companies ORDER BY id LIMIT 1"
        )[0]
        email = f"new.{tag()}@{domain}"
        out = do_import(
            universe,
            importer.read_jsonl(
                json.dumps({"name": "Nina New", "email": email, "title": "Paralegal"})
            ),
        )
        assert (out.imported, out.companies_matched, out.companies_created) == (1, 1, 0)
        row = find(universe, sql, email)[0]
        assert row[11] == cid and row[4] == industry and row[10] == "guessed"

    def test_imported_people_are_searchable(self, universe) -> None:  # type: ignore[no-untyped-def]
        t = tag()
        do_import(
            universe,
            importer.from_objects(
                [
                    {
                        "full_name": "Sam Search",
                        "email": f"sam@{t}.com",
                        "job_title": "Chief Executive Officer",
                        "company_name": f"Zyx {t}",
                        "industry": "Law Practice",
                        "country": "IE",
                        "city": "Dublin",
                    },
                ]
            ),
        )
        with universe.unit_of_work(write=False) as s:
            result = service.search(
                s,
                ProspectFilters.parse(
                    {"titles": ["CEO"], "locations": ["Dublin, IE"], "limit": 100}
                ),
            )
        assert f"sam@{t}.com" in {p["email"] for p in result.prospects}


class TestDedupe:
    def test_duplicates_by_email_or_linkedin_within_the_file_and_the_universe(
        self, universe, sql
    ) -> None:  # type: ignore[no-untyped-def]
        existing_email, existing_url = sql(
            "SELECT email, linkedin_url FROM prospect_people WHERE email IS NOT NULL ORDER BY id LIMIT 1"
        )[0]
        t = tag()
        rows = [
            {"name": "A One", "email": f"a@{t}.com", "linkedin_url": f"linkedin.com/in/a-{t}/"},
            {"name": "A Again", "email": f"A@{t}.com"},
            {"name": "A Profile", "linkedin_url": f"https://www.linkedin.com/in/A-{t}"},
            {"name": "Old Mail", "email": existing_email},
            {"name": "Old Profile", "linkedin_url": existing_url},
        ]
        out = do_import(universe, importer.from_objects(rows))
        assert (out.imported, out.duplicates, out.duplicate_rows) == (1, 4, [2, 3, 4, 5])


class TestBadRows:
    def test_bad_rows_are_reported_and_not_written_while_good_rows_are(self, universe, sql) -> None:  # type: ignore[no-untyped-def]
        t = tag()
        text = (
            "name,email,title,industry,employees,country\n"
            f"Good One,good1@{t}.com,CEO,Banking,120,US\n"
            f"Bad Mail,not-an-email,CEO,Banking,120,US\n"
            f"Bad Industry,bi@{t}.com,CEO,Wizardry,120,US\n"
            f"Too,many,cells,here,1,US,extra\n"
            f"Bad Count,bc@{t}.com,CEO,Banking,lots,US\n"
            f"Bad Country,bco@{t}.com,CEO,Banking,5,Narnia\n"
            f",nobody@{t}.com,CEO,Banking,5,US\n"
            f"Good Two,good2@{t}.com,CFO,Banking,120,US\n"
        )
        out = do_import(universe, importer.read_csv(text))
        assert out.imported == 2
        assert [(e["row"], sorted(e["errors"])) for e in out.errors] == [
            (2, ["email"]),
            (3, ["industry"]),
            (4, ["row"]),
            (5, ["employee_count"]),
            (6, ["country"]),
            (7, ["full_name"]),
        ]
        written = sql(f"SELECT count(*) FROM prospect_people WHERE email LIKE '%@{t}.com'")[0][0]
        assert written == 2

    def test_malformed_json_lines_are_reported(self, universe) -> None:  # type: ignore[no-untyped-def]
        t = tag()
        text = f'{{"name": "J One", "email": "j1@{t}.com"}}\n{{broken\n["not", "an object"]\n'
        out = do_import(universe, importer.read_jsonl(text))
        assert out.imported == 1 and [e["row"] for e in out.errors] == [2, 3]

    def test_non_utf8_file_is_refused_with_the_offset(self) -> None:
        with pytest.raises(ValidationFailed) as err:
            importer.decode("name\nJosé\n".encode("latin-1"))
        assert err.value.details["offset"] == 8
        assert importer.decode("name\nJosé\n".encode("latin-1"), "latin-1") == "name\nJosé\n"

    def test_unknown_mapping_field(self, universe) -> None:  # type: ignore[no-untyped-def]
        with pytest.raises(ValidationFailed):
            do_import(universe, importer.read_csv("a\nb\n"), mapping={"shoe_size": "a"})

    def test_dry_run_counts_but_writes_nothing(self, universe, sql) -> None:  # type: ignore[no-untyped-def]
        t = tag()
        out = do_import(
            universe, importer.from_objects([{"name": "D R", "email": f"d@{t}.com"}]), dry_run=True
        )
        assert out.imported == 1 and out.dry_run
        assert find(universe, sql, f"d@{t}.com") == []


class TestTenancy:
    """The universe is operator data: only ``lexi prospects import`` adds to it. What a workspace
    imports over the API goes to its own contacts, which no other workspace can see or search."""

    def test_workspace_b_never_sees_what_a_imported(self, client, factory, universe, sql) -> None:  # type: ignore[no-untyped-def]
        t = tag()
        a = factory.workspace(credits=100)
        b = factory.workspace(credits=100)
        a_headers = factory.headers(a.id, scopes=["all"])
        b_headers = factory.headers(b.id, scopes=["all"])
        before = sql("SELECT count(*) FROM prospect_people")[0][0]
        body = {"csv": f"full_name,email,job_title\nZed Q{t},zed@{t}.com,CEO\n"}
        r = client.post("/v1/import/contacts", json=body, headers=a_headers)
        assert r.status_code == 200, r.text
        assert r.json()["data"]["created"] == 1
        # The universe did not grow, and neither workspace finds the person in it.
        assert sql("SELECT count(*) FROM prospect_people")[0][0] == before
        assert find(universe, sql, f"zed@{t}.com") == []
        for headers in (a_headers, b_headers):
            found = client.post(
                "/v1/prospector/search", json={"keywords": [f"Q{t}"]}, headers=headers
            )
            assert found.status_code == 200 and found.json()["data"]["prospects"] == []
        # A has the contact; B cannot list, search, open or export it.
        mine = client.get("/v1/contacts", params={"search": f"zed@{t}.com"}, headers=a_headers)
        assert [c["email"] for c in mine.json()["data"]] == [f"zed@{t}.com"]
        contact_id = mine.json()["data"][0]["id"]
        theirs = client.get("/v1/contacts", params={"search": f"zed@{t}.com"}, headers=b_headers)
        assert theirs.json()["data"] == []
        assert client.get(f"/v1/contacts/{contact_id}", headers=b_headers).status_code == 404
        export = client.get("/v1/contacts/export", headers=b_headers)
        assert f"zed@{t}.com" not in export.text

    def test_no_key_writes_the_universe(self, client, auth, universe, sql) -> None:  # type: ignore[no-untyped-def]
        t = tag()
        before = sql("SELECT count(*) FROM prospect_people")[0][0]
        r = client.post(
            "/v1/prospector/import", json={"csv": f"name,email\nE One,e1@{t}.com\n"}, headers=auth
        )
        assert r.status_code in (404, 405) and "error" in r.json()
        assert sql("SELECT count(*) FROM prospect_people")[0][0] == before


def companies_named(sql, t):  # type: ignore[no-untyped-def]
    """(id, name, domain, country, employee_count, people) of the companies whose name holds ``t``."""
    return sql(
        "SELECT c.id, c.name, c.domain, c.country, c.employee_count, "
        "(SELECT count(*) FROM prospect_people p WHERE p.company_id = c.id) "
        "FROM prospect_companies c WHERE c.name LIKE :n ORDER BY c.id",
        n=f"%{t}%",
    )


def facets_match(sql) -> None:  # type: ignore[no-untyped-def]
    grouped = sql(
        "SELECT seniority, department, email_status, industry, count(*) FROM prospect_people "
        "GROUP BY seniority, department, email_status, industry"
    )
    stored = sql(
        "SELECT seniority, department, email_status, industry, sum(people) "
        "FROM prospect_people_facets GROUP BY seniority, department, email_status, industry"
    )
    assert {tuple(r[:4]): r[4] for r in stored} == {tuple(r[:4]): r[4] for r in grouped}


class TestCompaniesWithoutADomain:
    """A row without a domain (and no work email to take one from) finds its company by name:
    case, punctuation, "&"/"and", "The" and legal forms do not count; the HQ country tells two
    companies of one name apart."""

    def test_one_company_per_real_company_within_the_file(self, universe, sql) -> None:  # type: ignore[no-untyped-def]
        t = tag()
        names = [f"Quill {t} Corp", f"QUILL {t} Corporation", f"Quill {t}, Inc.", f"The Quill {t}"]
        rows = [
            {"name": f"P{i} Person", "linkedin_url": f"linkedin.com/in/q{i}-{t}", "company": n}
            for i, n in enumerate(names * 10)
        ]
        out = do_import(universe, importer.from_objects(rows), batch_size=7)
        assert (out.imported, out.companies_created, out.companies_matched) == (40, 1, 0)
        [(_, name, domain, *_, people)] = companies_named(sql, t)
        assert (name, domain, people) == (f"Quill {t} Corp", None, 40)
        facets_match(sql)

    def test_re_importing_is_idempotent_and_counts_what_was_there(self, universe, sql) -> None:  # type: ignore[no-untyped-def]
        t = tag()
        rows = [
            {
                "name": "Ann Ames",
                "linkedin_url": f"linkedin.com/in/ann-{t}",
                "company": f"Loom {t}",
            },
            {"name": "Bo Bell", "company": f"Loom {t} Ltd", "employees": "40"},  # no email nor URL
            {"name": "Cy Cole", "company": f"Kite {t} GmbH", "company_country": "DE"},
            {
                "name": "Ann Ames",
                "linkedin_url": f"linkedin.com/in/ann-{t}",
                "company": f"Loom {t}",
            },
        ]
        first = do_import(universe, importer.from_objects(rows))
        assert (first.imported, first.duplicates, first.companies_created) == (3, 1, 2)
        before = companies_named(sql, t)
        again = do_import(universe, importer.from_objects(rows), batch_size=2)
        assert (again.imported, again.duplicates, again.duplicate_rows) == (0, 4, [1, 2, 3, 4])
        assert (again.companies_created, again.companies_matched) == (0, 2)
        assert again.companies_refreshed == 0 and again.errors == []
        assert companies_named(sql, t) == before
        assert [r[4] for r in before] == [40, None]
        facets_match(sql)

    def test_a_company_already_in_the_universe_is_matched_by_name(self, universe, sql) -> None:  # type: ignore[no-untyped-def]
        t = tag()
        do_import(
            universe,
            importer.from_objects(
                [
                    {
                        "name": "Old Hand",
                        "email": f"old@{t}.io",
                        "company": f"Vantor {t} Inc.",
                        "company_domain": f"{t}.io",
                        "industry": "Banking",
                        "employees": "30",
                    }
                ]
            ),
        )
        [(cid, *_)] = companies_named(sql, t)
        out = do_import(
            universe,
            importer.from_objects(
                [
                    {
                        "name": "New Hand",
                        "linkedin_url": f"linkedin.com/in/new-{t}",
                        "company": f"vantor {t}",
                        "employees": "45",
                        "title": "CEO",
                    },
                ]
            ),
        )
        assert (out.companies_created, out.companies_matched, out.companies_refreshed) == (0, 1, 1)
        [(same, _, domain, _, employees, people)] = companies_named(sql, t)
        assert (same, domain, employees, people) == (cid, f"{t}.io", 45, 2)
        # The person takes the company's facts, and both people its new headcount.
        assert sql(
            "SELECT DISTINCT industry, employees FROM prospect_people WHERE company_id = :c", c=cid
        ) == [("Banking", 45)]
        facets_match(sql)

    def test_a_later_domain_is_filled_in_rather_than_a_second_company(self, universe, sql) -> None:  # type: ignore[no-untyped-def]
        t = tag()
        nameless = [
            {
                "name": f"N{i} Name",
                "linkedin_url": f"linkedin.com/in/n{i}-{t}",
                "company": f"Brisk {t} LLC",
            }
            for i in range(3)
        ]
        out = do_import(universe, importer.from_objects(nameless))
        [(cid, _, domain, *_)] = companies_named(sql, t)
        assert domain is None and out.companies_created == 1
        # In another import (from a work email) ...
        later = do_import(
            universe,
            importer.from_objects(
                [{"name": "Wes Work", "email": f"wes@brisk{t}.com", "company": f"Brisk {t}"}]
            ),
        )
        assert (later.companies_created, later.companies_matched, later.companies_refreshed) == (
            0,
            1,
            1,
        )
        assert companies_named(sql, t) == [(cid, f"Brisk {t} LLC", f"brisk{t}.com", None, None, 4)]
        # ... and within one file, across batches, before and after the row with the domain.
        u = tag()
        rows = [
            {"name": "A A", "linkedin_url": f"linkedin.com/in/a-{u}", "company": f"Crest {u}"},
            {
                "name": "B B",
                "linkedin_url": f"linkedin.com/in/b-{u}",
                "company": f"Crest {u} Inc",
                "website": f"https://www.crest{u}.com/",
            },
            {"name": "C C", "linkedin_url": f"linkedin.com/in/c-{u}", "company": f"CREST {u}"},
            {"name": "D D", "email": f"d@crest{u}.com"},
        ]
        out = do_import(universe, importer.from_objects(rows), batch_size=1)
        assert (out.imported, out.companies_created) == (4, 1)
        assert [r[2:] for r in companies_named(sql, u)] == [(f"crest{u}.com", None, None, 4)]

    def test_another_domain_is_another_company(self, universe, sql) -> None:  # type: ignore[no-untyped-def]
        t = tag()
        rows = [
            {"name": "Al Us", "email": f"al@{t}.com", "company": f"Orbit {t}"},
            {"name": "Di De", "email": f"di@{t}.de", "company": f"Orbit {t} GmbH"},
            {
                "name": "No Domain",
                "linkedin_url": f"linkedin.com/in/nd-{t}",
                "company": f"Orbit {t}",
            },
        ]
        out = do_import(universe, importer.from_objects(rows))
        assert out.companies_created == 2
        assert [(r[2], r[5]) for r in companies_named(sql, t)] == [(f"{t}.com", 2), (f"{t}.de", 1)]

    def test_same_name_in_two_countries_is_two_companies(self, universe, sql) -> None:  # type: ignore[no-untyped-def]
        t = tag()

        def person(n: str, **more: str) -> dict[str, str]:
            return {"name": f"{n} Person", "linkedin_url": f"linkedin.com/in/{n}-{t}", **more}

        rows = [
            person(
                "us",
                company=f"Meridian {t} Inc",
                company_city="Austin",
                company_state="TX",
                company_country="US",
            ),
            person(
                "de", company=f"Meridian {t} GmbH", company_city="Berlin", company_country="Germany"
            ),
            person("de2", company=f"Meridian {t}", company_country="DE"),
            person(
                "hint", company=f"Meridian {t}", city="Munich", country="DE"
            ),  # no HQ: the person's country
            person(
                "fr", company=f"Meridian {t}", city="Paris", country="FR"
            ),  # no hint: the oldest
            person("gb", company=f"Meridian {t}", company_country="GB"),  # an HQ elsewhere: a third
        ]
        out = do_import(universe, importer.from_objects(rows))
        assert out.companies_created == 3
        got = companies_named(sql, t)
        assert [(r[3], r[5]) for r in got] == [("US", 2), ("DE", 3), ("GB", 1)]
        again = do_import(universe, importer.from_objects(rows))
        assert (again.imported, again.companies_created, again.companies_matched) == (0, 0, 3)
        assert companies_named(sql, t) == got

    def test_a_dry_run_counts_as_the_import_would(self, universe, sql) -> None:  # type: ignore[no-untyped-def]
        t = tag()
        rows = [
            {"name": f"D{i} Dry", "linkedin_url": f"linkedin.com/in/d{i}-{t}", "company": c}
            for i, c in enumerate([f"Dune {t}", f"Dune {t} Ltd", f"Other {t}", f"dune {t}"])
        ]
        dry = do_import(universe, importer.from_objects(rows), dry_run=True, batch_size=1)
        assert (dry.imported, dry.companies_created) == (4, 2) and companies_named(sql, t) == []
        real = do_import(universe, importer.from_objects(rows), batch_size=1)
        assert (real.imported, real.companies_created) == (4, 2)

    def test_two_imports_at_once_create_the_company_once(self, universe, sql) -> None:  # type: ignore[no-untyped-def]
        """Each import looks for the company only once it holds the import lock (SQLite's write
        lock, a PostgreSQL advisory lock), so the second sees what the first created."""
        t = tag()
        start = threading.Barrier(2)

        def run(side: str) -> importer.ImportOutcome:
            rows = [
                {
                    "name": f"{side}{i} Person",
                    "linkedin_url": f"linkedin.com/in/{side}{i}-{t}",
                    "company": f"Parallel {t} Inc",
                }
                for i in range(20)
            ]
            start.wait()
            return do_import(universe, importer.from_objects(rows), batch_size=5)

        with ThreadPoolExecutor(2) as pool:
            outcomes = list(pool.map(run, ["a", "b"]))
        assert sorted(o.companies_created for o in outcomes) == [0, 1]
        assert [r[5] for r in companies_named(sql, t)] == [40]
