"""POST /v1/import/contacts (validated in full, all-or-nothing) and GET /v1/contacts/export (CSV)."""

from __future__ import annotations

import csv
import io
import json

import pytest


def error(r, status, code):
    assert r.status_code == status, r.text
    assert r.json()["error"]["code"] == code
    return r.json()["error"]


def do_import(client, auth, **body):
    return client.post("/v1/import/contacts", headers=auth, json=body)


def contacts(client, auth, **params):
    return client.get("/v1/contacts", headers=auth, params={"per_page": 100, **params}).json()[
        "data"
    ]


@pytest.fixture
def other_auth(factory):
    return factory.headers(factory.workspace().id)


class TestImportRows:
    def test_creates_every_row_with_the_import_tags(self, client, auth):
        r = do_import(
            client,
            auth,
            rows=[
                {"email": "ann.lee@x.io", "tags": ["a"]},
                {"full_name": "Kay, Bo", "company_name": "Acme"},
            ],
            tags=["fair-2026"],
        )
        assert r.status_code == 200, r.text
        assert r.json()["data"] == {"created": 2, "updated": 0, "skipped": 0, "dry_run": False}
        by_name = {c["full_name"]: c for c in contacts(client, auth)}
        assert by_name["Ann Lee"]["tags"] == ["a", "fair-2026"]
        assert by_name["Bo Kay"]["tags"] == ["fair-2026"]

    def test_existing_emails_are_skipped_by_default(self, client, auth):
        client.post("/v1/contacts", headers=auth, json={"email": "old@x.io", "city": "Rome"})
        r = do_import(
            client, auth, rows=[{"email": "OLD@x.io", "city": "Oslo"}, {"email": "new@x.io"}]
        )
        assert r.json()["data"] == {"created": 1, "updated": 0, "skipped": 1, "dry_run": False}
        assert contacts(client, auth, search="old@")[0]["city"] == "Rome"

    def test_update_existing_overwrites_given_fields_and_adds_tags(self, client, auth):
        client.post(
            "/v1/contacts",
            headers=auth,
            json={
                "email": "old@x.io",
                "full_name": "Old Name",
                "city": "Rome",
                "job_title": "CEO",
                "tags": ["keep"],
                "custom_fields": {"a": 1},
            },
        )
        r = do_import(
            client,
            auth,
            rows=[{"email": "old@x.io", "city": "Oslo", "custom_fields": {"b": 2}}],
            update_existing=True,
            tags=["imported"],
        )
        assert r.json()["data"] == {"created": 0, "updated": 1, "skipped": 0, "dry_run": False}
        c = contacts(client, auth)[0]
        assert (c["city"], c["job_title"], c["full_name"]) == ("Oslo", "CEO", "Old Name")
        assert c["tags"] == ["keep", "imported"] and c["custom_fields"] == {"a": 1, "b": 2}

    def test_dry_run_counts_without_writing(self, client, auth):
        client.post("/v1/contacts", headers=auth, json={"email": "old@x.io", "city": "Rome"})
        r = do_import(
            client,
            auth,
            rows=[{"email": "old@x.io", "city": "Oslo"}, {"email": "n@x.io"}],
            update_existing=True,
            dry_run=True,
        )
        assert r.json()["data"] == {"created": 1, "updated": 1, "skipped": 0, "dry_run": True}
        assert [c["city"] for c in contacts(client, auth)] == ["Rome"]

    def test_one_bad_row_writes_nothing_and_every_bad_row_is_reported(self, client, auth):
        client.post("/v1/contacts", headers=auth, json={"email": "old@x.io", "city": "Rome"})
        r = do_import(
            client,
            auth,
            update_existing=True,
            rows=[
                {"email": "old@x.io", "city": "Oslo"},
                {"email": "ok@x.io"},
                {"email": "nope"},
                {"city": "Nowhere"},
                {"full_name": "A", "priority": "asap"},
                7,
            ],
        )
        err = error(r, 400, "validation_error")
        assert [p["row"] for p in err["details"]["rows"]] == [3, 4, 5, 6]
        assert "email" in err["details"]["rows"][0]["errors"]
        assert "priority" in err["details"]["rows"][2]["errors"]
        assert [c["email"] for c in contacts(client, auth)] == ["old@x.io"]
        assert contacts(client, auth)[0]["city"] == "Rome"

    def test_the_same_email_twice_in_one_import_is_reported(self, client, auth):
        r = do_import(
            client, auth, rows=[{"email": "a@x.io"}, {"email": "b@x.io"}, {"email": "A@x.io"}]
        )
        err = error(r, 400, "validation_error")
        assert err["details"]["rows"] == [{"row": 3, "errors": {"email": "Duplicate of row 1"}}]
        assert contacts(client, auth) == []

    @pytest.mark.parametrize(
        "body",
        [
            {},
            {"rows": []},
            {"rows": [{"email": "a@x.io"}], "csv": "email\na@x.io"},
            {"rows": [{"email": "a@x.io"}], "mapping": {"E": "email"}},
            {"rows": "x"},
            {"rows": [{"email": "a@x.io"}], "tags": [""]},
            {"rows": [{"email": "a@x.io"}], "unknown": 1},
            {"rows": [{"email": "a@x.io"}] * 10_001},
        ],
    )
    def test_bad_envelope_is_400(self, client, auth, body):
        error(do_import(client, auth, **body), 400, "validation_error")
        assert contacts(client, auth) == []

    def test_needs_write_scope(self, client, factory, workspace):
        headers = factory.headers(workspace.id, scopes=["contacts:read"])
        error(
            client.post(
                "/v1/import/contacts", headers=headers, json={"rows": [{"email": "a@x.io"}]}
            ),
            403,
            "insufficient_permissions",
        )


class TestImportCsv:
    def test_mapping_renames_columns_and_unmapped_columns_are_ignored(self, client, auth):
        text = (
            "Email Address,Name,Org,Segment,Notes\r\n"
            'ann@x.io,"Lee, Ann",Acme,gold,ignored\r\n'
            "bo@x.io,Bo Kay,Beta,silver,ignored\r\n"
        )
        mapping = {
            "Email Address": "email",
            "Name": "full_name",
            "Org": "company_name",
            "Segment": "custom_fields.segment",
        }
        r = do_import(client, auth, csv=text, mapping=mapping)
        assert r.json()["data"]["created"] == 2, r.text
        ann = contacts(client, auth, search="ann@")[0]
        assert (ann["first_name"], ann["last_name"], ann["company_name"]) == ("Ann", "Lee", "Acme")
        assert ann["custom_fields"] == {"segment": "gold"}

    def test_headers_match_field_names_without_a_mapping(self, client, auth):
        text = "\ufeffFirst Name,last_name,EMAIL,Tags,Do Not Contact,Company Employee Count\nAnn,Lee,ann@x.io,a; b,yes,250\n"
        r = do_import(client, auth, csv=text)
        assert r.json()["data"]["created"] == 1, r.text
        c = contacts(client, auth)[0]
        assert (c["full_name"], c["email"], c["tags"], c["do_not_contact"]) == (
            "Ann Lee",
            "ann@x.io",
            ["a", "b"],
            True,
        )
        assert c["company"]["employee_count"] == 250

    def test_bad_rows_are_numbered_from_the_first_data_row(self, client, auth):
        text = "email,full_name\nok@x.io,Ok\nbad-email,Bad\n,\nother@x.io,\n"
        err = error(do_import(client, auth, csv=text), 400, "validation_error")
        assert [p["row"] for p in err["details"]["rows"]] == [2]
        assert contacts(client, auth) == []

    def test_bad_cell_types_are_row_errors(self, client, auth):
        text = "email,company_employee_count,do_not_contact\na@x.io,many,perhaps\n"
        err = error(do_import(client, auth, csv=text), 400, "validation_error")
        assert set(err["details"]["rows"][0]["errors"]) == {
            "company_employee_count",
            "do_not_contact",
        }

    @pytest.mark.parametrize(
        "text",
        [
            'email,full_name\n"a@x.io,Ann\n',
            'email,full_name\n"a@x.io"x,Ann\n',
            "email\na@x.io,extra\n",
            "email,email\na@x.io,b@x.io\n",
            "",
            "\n\n",
            "email\n",
        ],
    )
    def test_malformed_csv_is_400(self, client, auth, text):
        err = error(do_import(client, auth, csv=text), 400, "validation_error")
        assert "csv" in err["details"]["fields"]

    def test_nul_characters_are_400(self, client, auth):
        error(do_import(client, auth, csv="email\na\x00@x.io\n"), 400, "validation_error")
        assert contacts(client, auth) == []

    def test_lone_surrogate_escape_is_400(self, client, auth):
        body = b'{"csv": "email\\n\\ud800@x.io\\n"}'
        r = client.post(
            "/v1/import/contacts",
            headers={**auth, "Content-Type": "application/json"},
            content=body,
        )
        err = error(r, 400, "validation_error")
        assert contacts(client, auth) == [] and err["details"]["fields"]

    def test_non_utf8_body_is_400(self, client, auth):
        body = b'{"csv": "email\\n\xff\xfe@x.io\\n"}'
        r = client.post(
            "/v1/import/contacts",
            headers={**auth, "Content-Type": "application/json"},
            content=body,
        )
        error(r, 400, "validation_error")

    def test_unknown_mapping_target_is_400(self, client, auth):
        err = error(
            do_import(client, auth, csv="E\na@x.io\n", mapping={"E": "mail"}),
            400,
            "validation_error",
        )
        assert "mapping.E" in err["details"]["fields"]

    def test_mapped_column_missing_from_header_is_400(self, client, auth):
        error(
            do_import(client, auth, csv="email\na@x.io\n", mapping={"Email Address": "email"}),
            400,
            "validation_error",
        )


class TestExport:
    def test_header_and_one_line_per_contact(self, client, auth):
        client.post(
            "/v1/contacts",
            headers=auth,
            json={
                "full_name": "Ann Lee",
                "email": "ann@x.io",
                "tags": ["a", "b"],
                "custom_fields": {"k": 1},
                "company_domain": "x.io",
                "phone": "+1 555 0100",
            },
        )
        r = client.get("/v1/contacts/export", headers=auth)
        assert r.status_code == 200
        assert r.headers["content-type"].startswith("text/csv")
        assert "attachment" in r.headers["content-disposition"]
        rows = list(csv.DictReader(io.StringIO(r.text)))
        assert len(rows) == 1
        row = rows[0]
        assert (row["full_name"], row["email"], row["tags"], row["company_domain"]) == (
            "Ann Lee",
            "ann@x.io",
            "a; b",
            "x.io",
        )
        assert json.loads(row["custom_fields"]) == {"k": 1} and row["phone"] == "'+1 555 0100"
        assert row["do_not_contact"] == "false" and row["priority"] == "medium"

    def test_empty_workspace_gives_only_the_header(self, client, auth):
        r = client.get("/v1/contacts/export", headers=auth)
        lines = r.text.splitlines()
        assert len(lines) == 1 and lines[0].startswith("id,first_name,last_name,full_name,email")

    def test_filters_and_sort_apply(self, client, auth):
        for name in ("Cy Zed", "Al Ace", "Bo Bee"):
            client.post("/v1/contacts", headers=auth, json={"full_name": name})
        lst = client.post("/v1/lists", headers=auth, json={"name": "L"}).json()["data"]
        ids = [c["id"] for c in contacts(client, auth) if c["full_name"] != "Bo Bee"]
        client.post(f"/v1/lists/{lst['id']}/contacts", headers=auth, json={"contact_ids": ids})
        r = client.get(f"/v1/contacts/export?list_id={lst['id']}&sort=full_name", headers=auth)
        assert [row["full_name"] for row in csv.DictReader(io.StringIO(r.text))] == [
            "Al Ace",
            "Cy Zed",
        ]
        r = client.get("/v1/contacts/export?search=bee", headers=auth)
        assert [row["full_name"] for row in csv.DictReader(io.StringIO(r.text))] == ["Bo Bee"]

    def test_streams_every_row_beyond_one_batch(self, client, auth):
        for chunk in range(3):
            rows = [{"full_name": f"P {chunk}-{i}"} for i in range(400)]
            assert (
                client.post("/v1/contacts/bulk", headers=auth, json={"contacts": rows}).status_code
                == 200
            )
        r = client.get("/v1/contacts/export", headers=auth)
        names = [row["full_name"] for row in csv.DictReader(io.StringIO(r.text))]
        assert len(names) == 1200 and len(set(names)) == 1200

    def test_formula_cells_are_neutralised(self, client, auth):
        client.post(
            "/v1/contacts",
            headers=auth,
            json={"full_name": "=HYPERLINK(1)", "job_title": "@SUM(A1)", "phone": "-12"},
        )
        row = next(
            csv.DictReader(io.StringIO(client.get("/v1/contacts/export", headers=auth).text))
        )
        assert (
            row["first_name"] == "'=HYPERLINK(1)"
            and row["job_title"] == "'@SUM(A1)"
            and row["phone"] == "'-12"
        )

    def test_only_own_workspace(self, client, auth, other_auth):
        client.post("/v1/contacts", headers=other_auth, json={"full_name": "Theirs"})
        assert len(client.get("/v1/contacts/export", headers=auth).text.splitlines()) == 1

    def test_bad_filters_are_json_errors(self, client, auth, other_auth):
        theirs = client.post("/v1/lists", headers=other_auth, json={"name": "T"}).json()["data"]
        error(
            client.get(f"/v1/contacts/export?list_id={theirs['id']}", headers=auth),
            404,
            "list_not_found",
        )
        error(client.get("/v1/contacts/export?sort=email", headers=auth), 400, "validation_error")

    def test_needs_read_scope(self, client, factory, workspace):
        headers = factory.headers(workspace.id, scopes=["lexi"])
        error(client.get("/v1/contacts/export", headers=headers), 403, "insufficient_permissions")
