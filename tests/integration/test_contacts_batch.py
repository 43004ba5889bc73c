"""Bulk create, tags, bulk delete and merge: operations on many contacts, each all-or-nothing."""

from __future__ import annotations

import uuid

import pytest


def error(r, status, code):
    assert r.status_code == status, r.text
    assert r.json()["error"]["code"] == code
    return r.json()["error"]


def create(client, auth, **body):
    r = client.post("/v1/contacts", headers=auth, json=body)
    assert r.status_code == 201, r.text
    return r.json()["data"]


def total(client, auth):
    return client.get("/v1/contacts", headers=auth).json()["meta"]["total"]


@pytest.fixture
def other_auth(factory):
    return factory.headers(factory.workspace().id)


class TestBulkCreate:
    def test_creates_every_row(self, client, auth):
        r = client.post(
            "/v1/contacts/bulk",
            headers=auth,
            json={
                "contacts": [
                    {"full_name": "Lee, Ann"},
                    {"email": "bo.kay@x.io"},
                    {"first_name": "Cy"},
                ]
            },
        )
        assert r.status_code == 200, r.text
        data = r.json()["data"]
        assert (data["created"], data["existing"]) == (3, 0)
        assert [c["full_name"] for c in data["contacts"]] == ["Ann Lee", "Bo Kay", "Cy"]

    def test_existing_emails_return_the_existing_contact(self, client, auth):
        old = create(client, auth, email="old@x.io")
        r = client.post(
            "/v1/contacts/bulk",
            headers=auth,
            json={"contacts": [{"email": "OLD@x.io"}, {"email": "new@x.io"}]},
        )
        data = r.json()["data"]
        assert (data["created"], data["existing"]) == (1, 1)
        assert data["contacts"][0]["id"] == old["id"]

    def test_any_bad_row_writes_nothing_and_names_each_row(self, client, auth):
        r = client.post(
            "/v1/contacts/bulk",
            headers=auth,
            json={
                "contacts": [
                    {"full_name": "Good"},
                    {"email": "bad"},
                    {"job_title": "CEO"},
                    "text",
                    {"full_name": "x" * 201},
                ]
            },
        )
        err = error(r, 400, "validation_error")
        rows = {p["row"]: p["errors"] for p in err["details"]["rows"]}
        assert set(rows) == {2, 3, 4, 5}
        assert (
            "email" in rows[2]
            and "full_name" in rows[3]
            and "row" in rows[4]
            and "full_name" in rows[5]
        )
        assert total(client, auth) == 0

    def test_email_repeated_in_the_batch_is_a_row_error(self, client, auth):
        r = client.post(
            "/v1/contacts/bulk",
            headers=auth,
            json={"contacts": [{"email": "a@x.io"}, {"email": "A@X.io"}]},
        )
        err = error(r, 400, "validation_error")
        assert err["details"]["rows"] == [{"row": 2, "errors": {"email": "Duplicate of row 1"}}]
        assert total(client, auth) == 0

    @pytest.mark.parametrize(
        "body", [{}, {"contacts": []}, {"contacts": {}}, {"contacts": [{}] * 501}, {"rows": []}]
    )
    def test_bad_envelope_is_400(self, client, auth, body):
        error(client.post("/v1/contacts/bulk", headers=auth, json=body), 400, "validation_error")


class TestTags:
    def test_add_is_the_default_and_case_insensitive(self, client, auth):
        made = create(client, auth, full_name="A", tags=["VIP"])
        r = client.post(
            f"/v1/contacts/{made['id']}/tags",
            headers=auth,
            json={"tags": ["vip", "lawyer", "Lawyer"]},
        )
        assert r.status_code == 200 and r.json()["data"]["tags"] == ["VIP", "lawyer"]

    def test_remove(self, client, auth):
        made = create(client, auth, full_name="A", tags=["a", "b", "c"])
        r = client.post(
            f"/v1/contacts/{made['id']}/tags",
            headers=auth,
            json={"tags": ["B", "zz"], "mode": "remove"},
        )
        assert r.json()["data"]["tags"] == ["a", "c"]

    def test_replace(self, client, auth):
        made = create(client, auth, full_name="A", tags=["a", "b"])
        r = client.post(
            f"/v1/contacts/{made['id']}/tags", headers=auth, json={"tags": ["z"], "mode": "replace"}
        )
        assert r.json()["data"]["tags"] == ["z"]
        r = client.post(
            f"/v1/contacts/{made['id']}/tags", headers=auth, json={"tags": [], "mode": "replace"}
        )
        assert r.json()["data"]["tags"] == []

    def test_more_than_50_tags_in_total_is_400(self, client, auth):
        made = create(client, auth, full_name="A", tags=[f"a{i}" for i in range(30)])
        r = client.post(
            f"/v1/contacts/{made['id']}/tags",
            headers=auth,
            json={"tags": [f"b{i}" for i in range(30)]},
        )
        error(r, 400, "validation_error")
        assert (
            len(client.get(f"/v1/contacts/{made['id']}", headers=auth).json()["data"]["tags"]) == 30
        )

    @pytest.mark.parametrize(
        "body",
        [{}, {"tags": "a"}, {"tags": [""]}, {"tags": ["a"], "mode": "toggle"}, {"tags": [1]}],
    )
    def test_bad_input_is_400(self, client, auth, body):
        made = create(client, auth, full_name="A")
        error(
            client.post(f"/v1/contacts/{made['id']}/tags", headers=auth, json=body),
            400,
            "validation_error",
        )

    def test_foreign_contact_is_404(self, client, auth, other_auth):
        theirs = create(client, other_auth, full_name="T")
        error(
            client.post(f"/v1/contacts/{theirs['id']}/tags", headers=auth, json={"tags": ["x"]}),
            404,
            "contact_not_found",
        )


class TestBulkDelete:
    def test_deletes_and_reports(self, client, auth):
        a, b, c = (create(client, auth, full_name=n) for n in "ABC")
        r = client.post(
            "/v1/contacts/bulk-delete", headers=auth, json={"contact_ids": [a["id"], b["id"]]}
        )
        assert r.status_code == 200
        data = r.json()["data"]
        assert (
            data["deleted"] == 2
            and sorted(data["ids"]) == sorted([a["id"], b["id"]])
            and data["dry_run"] is False
        )
        assert [x["id"] for x in client.get("/v1/contacts", headers=auth).json()["data"]] == [
            c["id"]
        ]

    def test_dry_run_deletes_nothing(self, client, auth):
        a = create(client, auth, full_name="A")
        r = client.post(
            "/v1/contacts/bulk-delete",
            headers=auth,
            json={"contact_ids": [a["id"]], "dry_run": True},
        )
        data = r.json()["data"]
        assert data["would_delete"] == 1 and data["deleted"] is None and data["ids"] == [a["id"]]
        assert total(client, auth) == 1

    def test_other_workspaces_and_unknown_ids_are_not_touched(self, client, auth, other_auth):
        theirs = create(client, other_auth, full_name="T")
        r = client.post(
            "/v1/contacts/bulk-delete",
            headers=auth,
            json={"contact_ids": [theirs["id"], str(uuid.uuid4())]},
        )
        assert r.json()["data"]["deleted"] == 0 and r.json()["data"]["ids"] == []
        assert client.get(f"/v1/contacts/{theirs['id']}", headers=other_auth).status_code == 200

    @pytest.mark.parametrize(
        "body",
        [
            {},
            {"contact_ids": []},
            {"contact_ids": ["x"]},
            {"contact_ids": [str(uuid.uuid4())] * 501},
            {"contact_ids": [str(uuid.uuid4())], "dry_run": "maybe"},
        ],
    )
    def test_bad_input_is_400(self, client, auth, body):
        error(
            client.post("/v1/contacts/bulk-delete", headers=auth, json=body),
            400,
            "validation_error",
        )


class TestMerge:
    def test_fills_blanks_unites_tags_and_fields_moves_lists_and_deletes_duplicates(
        self, client, auth
    ):
        primary = create(
            client,
            auth,
            full_name="Ann Lee",
            job_title="CEO",
            tags=["a"],
            custom_fields={"k": "primary", "p": 1},
        )
        dupe1 = create(
            client,
            auth,
            full_name="A. Lee",
            email="ann@x.io",
            job_title="Chief",
            phone="123",
            tags=["A", "b"],
            custom_fields={"k": "dupe", "d": 2},
            do_not_contact=True,
        )
        dupe2 = create(client, auth, full_name="Annie", city="Oslo", phone="999", tags=["c"])
        l1 = client.post("/v1/lists", headers=auth, json={"name": "L1"}).json()["data"]
        l2 = client.post("/v1/lists", headers=auth, json={"name": "L2"}).json()["data"]
        client.post(
            f"/v1/lists/{l1['id']}/contacts",
            headers=auth,
            json={"contact_ids": [primary["id"], dupe1["id"]]},
        )
        client.post(
            f"/v1/lists/{l2['id']}/contacts", headers=auth, json={"contact_ids": [dupe2["id"]]}
        )

        r = client.post(
            "/v1/contacts/merge",
            headers=auth,
            json={"primary_id": primary["id"], "duplicate_ids": [dupe1["id"], dupe2["id"]]},
        )
        assert r.status_code == 200, r.text
        merged = r.json()["data"]
        assert merged["id"] == primary["id"]
        assert merged["full_name"] == "Ann Lee" and merged["job_title"] == "CEO"
        assert (
            merged["email"] == "ann@x.io" and merged["phone"] == "123" and merged["city"] == "Oslo"
        )
        assert merged["tags"] == ["a", "b", "c"]
        assert merged["custom_fields"] == {"k": "primary", "p": 1, "d": 2}
        assert merged["do_not_contact"] is True
        for gone in (dupe1, dupe2):
            assert client.get(f"/v1/contacts/{gone['id']}", headers=auth).status_code == 404
        assert (
            client.get(f"/v1/lists/{l1['id']}", headers=auth).json()["data"]["contact_count"] == 1
        )
        members = client.get(f"/v1/contacts?list_id={l2['id']}", headers=auth).json()["data"]
        assert [m["id"] for m in members] == [primary["id"]]
        # The duplicate's email now belongs to the primary: creating it again finds the primary.
        again = client.post("/v1/contacts", headers=auth, json={"email": "ANN@x.io"})
        assert again.status_code == 200 and again.json()["data"]["id"] == primary["id"]

    def test_primary_without_a_name_takes_a_duplicates_whole_name(self, client, auth):
        primary = create(client, auth, email="info@x.io")
        dupe = create(client, auth, full_name="Lee, Ann")
        merged = client.post(
            "/v1/contacts/merge",
            headers=auth,
            json={"primary_id": primary["id"], "duplicate_ids": [dupe["id"]]},
        ).json()["data"]
        assert (merged["first_name"], merged["last_name"], merged["full_name"]) == (
            "Ann",
            "Lee",
            "Ann Lee",
        )

    def test_foreign_duplicate_is_404_and_nothing_changes(self, client, auth, other_auth):
        primary = create(client, auth, full_name="P")
        mine = create(client, auth, full_name="M", city="Rome")
        theirs = create(client, other_auth, full_name="T")
        r = client.post(
            "/v1/contacts/merge",
            headers=auth,
            json={"primary_id": primary["id"], "duplicate_ids": [mine["id"], theirs["id"]]},
        )
        err = error(r, 404, "contact_not_found")
        assert err["details"]["contact_ids"] == [theirs["id"]]
        assert client.get(f"/v1/contacts/{mine['id']}", headers=auth).status_code == 200
        assert (
            client.get(f"/v1/contacts/{primary['id']}", headers=auth).json()["data"]["city"] is None
        )
        assert client.get(f"/v1/contacts/{theirs['id']}", headers=other_auth).status_code == 200

    def test_unknown_primary_is_404(self, client, auth):
        dupe = create(client, auth, full_name="D")
        r = client.post(
            "/v1/contacts/merge",
            headers=auth,
            json={"primary_id": str(uuid.uuid4()), "duplicate_ids": [dupe["id"]]},
        )
        error(r, 404, "contact_not_found")

    def test_primary_among_duplicates_is_400(self, client, auth):
        p = create(client, auth, full_name="P")
        r = client.post(
            "/v1/contacts/merge",
            headers=auth,
            json={"primary_id": p["id"], "duplicate_ids": [p["id"]]},
        )
        error(r, 400, "validation_error")
        assert client.get(f"/v1/contacts/{p['id']}", headers=auth).status_code == 200

    @pytest.mark.parametrize(
        "body",
        [
            {},
            {"primary_id": "x", "duplicate_ids": []},
            {"primary_id": str(uuid.uuid4()), "duplicate_ids": []},
            {
                "primary_id": str(uuid.uuid4()),
                "duplicate_ids": [str(uuid.uuid4()) for _ in range(21)],
            },
        ],
    )
    def test_bad_input_is_400(self, client, auth, body):
        error(client.post("/v1/contacts/merge", headers=auth, json=body), 400, "validation_error")
