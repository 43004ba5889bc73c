"""Importing real people: mapping, company matching by domain, dedupe, per-row errors, encodings."""

from __future__ import annotations

import json
import uuid

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
