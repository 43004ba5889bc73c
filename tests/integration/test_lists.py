"""/v1/lists: named groups of contacts, and adding/removing members."""

from __future__ import annotations

import uuid

import pytest


def error(r, status, code):
    assert r.status_code == status, r.text
    assert r.json()["error"]["code"] == code
    return r.json()["error"]


def new_list(client, auth, name="Q1 Leads", **extra):
    r = client.post("/v1/lists", headers=auth, json={"name": name, **extra})
    assert r.status_code == 201, r.text
    return r.json()["data"]


def new_contacts(client, auth, n):
    r = client.post(
        "/v1/contacts/bulk",
        headers=auth,
        json={"contacts": [{"full_name": f"P {i}"} for i in range(n)]},
    )
    assert r.status_code == 200, r.text
    return [c["id"] for c in r.json()["data"]["contacts"]]


@pytest.fixture
def other_auth(factory):
    return factory.headers(factory.workspace().id)


class TestCreateList:
    def test_created_with_zero_contacts(self, client, auth):
        data = new_list(client, auth, "  Q1   Leads ", description="From the fair")
        assert data["name"] == "Q1 Leads" and data["description"] == "From the fair"
        assert data["contact_count"] == 0
        assert set(data) == {
            "id",
            "name",
            "description",
            "contact_count",
            "created_at",
            "updated_at",
        }

    def test_duplicate_name_is_409_case_insensitively(self, client, auth):
        new_list(client, auth, "Q1 Leads")
        err = error(
            client.post("/v1/lists", headers=auth, json={"name": " q1 leads"}), 409, "conflict"
        )
        assert err["details"] == {"fields": {"name": "Must be unique"}}

    def test_same_name_in_another_workspace_is_fine(self, client, auth, other_auth):
        new_list(client, auth, "Shared")
        new_list(client, other_auth, "Shared")

    @pytest.mark.parametrize(
        "body",
        [
            {},
            {"name": ""},
            {"name": "   "},
            {"name": "x" * 201},
            {"name": 3},
            {"name": "A", "color": "red"},
            {"name": "A", "description": "d" * 2001},
        ],
    )
    def test_bad_input_is_400(self, client, auth, body):
        error(client.post("/v1/lists", headers=auth, json=body), 400, "validation_error")

    def test_read_only_key_cannot_create(self, client, factory, workspace):
        headers = factory.headers(workspace.id, scopes=["contacts:read"])
        error(
            client.post("/v1/lists", headers=headers, json={"name": "A"}),
            403,
            "insufficient_permissions",
        )


class TestReadLists:
    def test_paginated_with_counts(self, client, auth):
        a = new_list(client, auth, "A")
        new_list(client, auth, "B")
        ids = new_contacts(client, auth, 3)
        client.post(f"/v1/lists/{a['id']}/contacts", headers=auth, json={"contact_ids": ids})
        r = client.get("/v1/lists?per_page=1", headers=auth)
        assert r.json()["meta"] == {"page": 1, "per_page": 1, "total": 2}
        full = client.get("/v1/lists", headers=auth).json()["data"]
        assert {d["name"]: d["contact_count"] for d in full} == {"A": 3, "B": 0}

    def test_get_one(self, client, auth):
        made = new_list(client, auth)
        r = client.get(f"/v1/lists/{made['id']}", headers=auth)
        assert r.status_code == 200 and r.json()["data"]["name"] == "Q1 Leads"

    def test_pagination_out_of_range_is_400(self, client, auth):
        error(client.get("/v1/lists?per_page=500", headers=auth), 400, "validation_error")

    def test_unknown_and_foreign_lists_are_404(self, client, auth, other_auth):
        theirs = new_list(client, other_auth, "Theirs")
        for list_id in (theirs["id"], str(uuid.uuid4())):
            error(client.get(f"/v1/lists/{list_id}", headers=auth), 404, "list_not_found")
            error(
                client.patch(f"/v1/lists/{list_id}", headers=auth, json={"name": "x"}),
                404,
                "list_not_found",
            )
            error(client.delete(f"/v1/lists/{list_id}", headers=auth), 404, "list_not_found")
        assert [d["name"] for d in client.get("/v1/lists", headers=auth).json()["data"]] == []

    def test_bad_uuid_is_400(self, client, auth):
        error(client.get("/v1/lists/123", headers=auth), 400, "validation_error")


class TestUpdateList:
    def test_rename_and_describe(self, client, auth):
        made = new_list(client, auth)
        r = client.patch(
            f"/v1/lists/{made['id']}", headers=auth, json={"name": "Q2", "description": "later"}
        )
        assert r.status_code == 200 and (
            r.json()["data"]["name"],
            r.json()["data"]["description"],
        ) == ("Q2", "later")

    def test_rename_to_own_name_in_other_case_is_fine(self, client, auth):
        made = new_list(client, auth, "leads")
        assert (
            client.patch(
                f"/v1/lists/{made['id']}", headers=auth, json={"name": "Leads"}
            ).status_code
            == 200
        )

    def test_rename_onto_another_list_is_409(self, client, auth):
        new_list(client, auth, "Taken")
        made = new_list(client, auth, "Mine")
        err = error(
            client.patch(f"/v1/lists/{made['id']}", headers=auth, json={"name": "TAKEN"}),
            409,
            "conflict",
        )
        assert err["details"]["fields"]["name"] == "Must be unique"

    @pytest.mark.parametrize(
        "body", [{"name": ""}, {"name": None}, {"name": "x" * 201}, {"extra": 1}]
    )
    def test_bad_changes_are_400(self, client, auth, body):
        made = new_list(client, auth)
        error(
            client.patch(f"/v1/lists/{made['id']}", headers=auth, json=body),
            400,
            "validation_error",
        )


class TestDeleteList:
    def test_delete_keeps_the_contacts(self, client, auth):
        made = new_list(client, auth)
        ids = new_contacts(client, auth, 2)
        client.post(f"/v1/lists/{made['id']}/contacts", headers=auth, json={"contact_ids": ids})
        r = client.delete(f"/v1/lists/{made['id']}", headers=auth)
        assert r.status_code == 204
        error(client.get(f"/v1/lists/{made['id']}", headers=auth), 404, "list_not_found")
        assert client.get("/v1/contacts", headers=auth).json()["meta"]["total"] == 2
        new_list(client, auth)  # the name is free again


class TestAddContacts:
    def test_adds_and_counts(self, client, auth):
        made = new_list(client, auth)
        ids = new_contacts(client, auth, 3)
        r = client.post(f"/v1/lists/{made['id']}/contacts", headers=auth, json={"contact_ids": ids})
        assert r.status_code == 200
        assert r.json()["data"] == {"added": 3, "list_id": made["id"], "contact_count": 3}

    def test_re_adding_members_is_idempotent(self, client, auth):
        made = new_list(client, auth)
        ids = new_contacts(client, auth, 3)
        client.post(f"/v1/lists/{made['id']}/contacts", headers=auth, json={"contact_ids": ids[:2]})
        r = client.post(
            f"/v1/lists/{made['id']}/contacts", headers=auth, json={"contact_ids": ids + ids}
        )
        assert r.json()["data"]["added"] == 1 and r.json()["data"]["contact_count"] == 3
        r = client.post(f"/v1/lists/{made['id']}/contacts", headers=auth, json={"contact_ids": ids})
        assert r.json()["data"]["added"] == 0 and r.json()["data"]["contact_count"] == 3

    def test_foreign_contact_is_404_and_nothing_is_added(self, client, auth, other_auth):
        made = new_list(client, auth)
        mine = new_contacts(client, auth, 2)
        theirs = new_contacts(client, other_auth, 1)
        err = error(
            client.post(
                f"/v1/lists/{made['id']}/contacts",
                headers=auth,
                json={"contact_ids": mine + theirs},
            ),
            404,
            "contact_not_found",
        )
        assert err["details"]["contact_ids"] == theirs
        assert (
            client.get(f"/v1/lists/{made['id']}", headers=auth).json()["data"]["contact_count"] == 0
        )

    def test_unknown_contact_is_404(self, client, auth):
        made = new_list(client, auth)
        r = client.post(
            f"/v1/lists/{made['id']}/contacts",
            headers=auth,
            json={"contact_ids": [str(uuid.uuid4())]},
        )
        error(r, 404, "contact_not_found")

    def test_foreign_list_is_404(self, client, auth, other_auth):
        theirs = new_list(client, other_auth)
        ids = new_contacts(client, auth, 1)
        r = client.post(
            f"/v1/lists/{theirs['id']}/contacts", headers=auth, json={"contact_ids": ids}
        )
        error(r, 404, "list_not_found")

    @pytest.mark.parametrize(
        "body",
        [
            {},
            {"contact_ids": []},
            {"contact_ids": ["nope"]},
            {"contact_ids": "x"},
            {"contact_ids": [str(uuid.uuid4()) for _ in range(501)]},
        ],
    )
    def test_bad_input_is_400(self, client, auth, body):
        made = new_list(client, auth)
        error(
            client.post(f"/v1/lists/{made['id']}/contacts", headers=auth, json=body),
            400,
            "validation_error",
        )

    def test_500_at_once(self, client, auth):
        made = new_list(client, auth)
        r = client.post(
            "/v1/contacts/bulk",
            headers=auth,
            json={"contacts": [{"full_name": f"N {i}"} for i in range(500)]},
        )
        ids = [c["id"] for c in r.json()["data"]["contacts"]]
        r = client.post(f"/v1/lists/{made['id']}/contacts", headers=auth, json={"contact_ids": ids})
        assert r.json()["data"]["added"] == 500


class TestRemoveContact:
    def test_removes_one_member(self, client, auth):
        made = new_list(client, auth)
        ids = new_contacts(client, auth, 2)
        client.post(f"/v1/lists/{made['id']}/contacts", headers=auth, json={"contact_ids": ids})
        r = client.delete(f"/v1/lists/{made['id']}/contacts/{ids[0]}", headers=auth)
        assert r.status_code == 204
        members = client.get(f"/v1/contacts?list_id={made['id']}", headers=auth).json()["data"]
        assert [m["id"] for m in members] == [ids[1]]
        assert client.get(f"/v1/contacts/{ids[0]}", headers=auth).status_code == 200

    def test_non_member_is_404(self, client, auth):
        made = new_list(client, auth)
        ids = new_contacts(client, auth, 1)
        error(
            client.delete(f"/v1/lists/{made['id']}/contacts/{ids[0]}", headers=auth),
            404,
            "contact_not_found",
        )

    def test_foreign_list_is_404(self, client, auth, other_auth):
        theirs = new_list(client, other_auth)
        ids = new_contacts(client, other_auth, 1)
        client.post(
            f"/v1/lists/{theirs['id']}/contacts", headers=other_auth, json={"contact_ids": ids}
        )
        error(
            client.delete(f"/v1/lists/{theirs['id']}/contacts/{ids[0]}", headers=auth),
            404,
            "list_not_found",
        )
        assert (
            client.get(f"/v1/lists/{theirs['id']}", headers=other_auth).json()["data"][
                "contact_count"
            ]
            == 1
        )


class TestDescriptions:
    def test_line_breaks_are_kept_and_blank_becomes_null(self, client, auth):
        made = new_list(client, auth, description="Line one\n\nLine two")
        assert made["description"] == "Line one\n\nLine two"
        r = client.patch(f"/v1/lists/{made['id']}", headers=auth, json={"description": "   "})
        assert r.json()["data"]["description"] is None
