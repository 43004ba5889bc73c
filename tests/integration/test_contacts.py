"""POST/GET/PATCH/DELETE /v1/contacts: creating, reading, listing, changing and deleting contacts."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from lexi.kit import clock


def create(client, auth, **body):
    r = client.post("/v1/contacts", headers=auth, json=body)
    assert r.status_code in (200, 201), r.text
    return r.json()["data"]


def error(r, status, code):
    assert r.status_code == status, r.text
    err = r.json()["error"]
    assert err["code"] == code
    return err


@pytest.fixture
def other_auth(factory):
    return factory.headers(factory.workspace().id)


class TestCreateContact:
    def test_full_contact_is_returned_in_the_contract_shape(self, client, auth):
        r = client.post(
            "/v1/contacts",
            headers=auth,
            json={
                "first_name": "Ada",
                "last_name": "Lovelace",
                "email": "ada@engines.io",
                "phone": "+44 20 7946 0000",
                "job_title": "CTO",
                "company_name": "Engines",
                "company_domain": "engines.io",
                "company_employee_count": 40,
                "linkedin_url": "https://linkedin.com/in/ada",
                "city": "London",
                "country": "GB",
                "tags": ["vip"],
                "custom_fields": {"source": "conf", "score": 7},
                "priority": "high",
                "do_not_contact": True,
            },
        )
        assert r.status_code == 201, r.text
        data = r.json()["data"]
        assert set(data) == {
            "id",
            "first_name",
            "last_name",
            "full_name",
            "email",
            "phone",
            "job_title",
            "company_name",
            "linkedin_url",
            "city",
            "state",
            "country",
            "tags",
            "custom_fields",
            "priority",
            "prospect_id",
            "do_not_contact",
            "company",
            "created_at",
            "updated_at",
        }
        assert data["full_name"] == "Ada Lovelace"
        assert data["priority"] == "high" and data["do_not_contact"] is True
        assert data["custom_fields"] == {"source": "conf", "score": 7}
        assert data["company"] == {
            "name": "Engines",
            "domain": "engines.io",
            "industry": None,
            "employee_count": 40,
            "city": None,
            "state": None,
            "country": None,
        }
        uuid.UUID(data["id"])
        assert data["created_at"].endswith("Z") or data["created_at"].endswith("+00:00")

    def test_defaults(self, client, auth):
        data = create(client, auth, full_name="Grace Hopper")
        assert data["priority"] == "medium"
        assert data["tags"] == [] and data["custom_fields"] == {}
        assert data["do_not_contact"] is False and data["company"] is None

    def test_last_comma_first_is_split(self, client, auth):
        data = create(client, auth, full_name="Hopper, Grace")
        assert (data["first_name"], data["last_name"], data["full_name"]) == (
            "Grace",
            "Hopper",
            "Grace Hopper",
        )

    def test_email_alone_is_enough_and_names_are_guessed(self, client, auth):
        data = create(client, auth, email="john.smith@acme.com")
        assert (data["first_name"], data["last_name"], data["full_name"]) == (
            "John",
            "Smith",
            "John Smith",
        )

    def test_undivided_local_part_becomes_the_first_name_only(self, client, auth):
        data = create(client, auth, email="jsmith@acme.com")
        assert (data["first_name"], data["last_name"]) == ("Jsmith", None)

    def test_role_mailbox_gets_no_name(self, client, auth):
        data = create(client, auth, email="info@acme.com")
        assert data["full_name"] is None and data["email"] == "info@acme.com"

    def test_first_and_last_are_enough(self, client, auth):
        data = create(client, auth, first_name="Alan", last_name="Turing")
        assert data["full_name"] == "Alan Turing" and data["email"] is None

    def test_nothing_that_names_the_person_is_400(self, client, auth):
        err = error(
            client.post("/v1/contacts", headers=auth, json={"job_title": "CEO"}),
            400,
            "validation_error",
        )
        assert "full_name" in err["details"]["fields"]

    def test_empty_body_is_400(self, client, auth):
        error(client.post("/v1/contacts", headers=auth, json={}), 400, "validation_error")


class TestEmailDedupe:
    def test_same_email_returns_the_existing_contact_with_200(self, client, auth):
        first = client.post(
            "/v1/contacts", headers=auth, json={"full_name": "Ann Lee", "email": "ann@x.io"}
        )
        assert first.status_code == 201
        again = client.post(
            "/v1/contacts", headers=auth, json={"full_name": "Other", "email": "ANN@X.IO "}
        )
        assert again.status_code == 200
        assert again.json()["data"]["id"] == first.json()["data"]["id"]
        assert again.json()["data"]["full_name"] == "Ann Lee"
        listed = client.get("/v1/contacts", headers=auth).json()
        assert listed["meta"]["total"] == 1

    def test_the_same_email_in_another_workspace_is_another_contact(self, client, auth, other_auth):
        a = create(client, auth, email="shared@x.io")
        r = client.post("/v1/contacts", headers=other_auth, json={"email": "shared@x.io"})
        assert r.status_code == 201 and r.json()["data"]["id"] != a["id"]

    def test_contacts_without_email_never_collide(self, client, auth):
        create(client, auth, full_name="A One")
        r = client.post("/v1/contacts", headers=auth, json={"full_name": "A One"})
        assert r.status_code == 201


class TestCreateValidation:
    @pytest.mark.parametrize(
        ("body", "field"),
        [
            ({"email": "not-an-email"}, "email"),
            ({"email": "a@b"}, "email"),
            ({"full_name": "x" * 201}, "full_name"),
            ({"first_name": "x" * 101}, "first_name"),
            ({"full_name": "A", "job_title": "x" * 201}, "job_title"),
            ({"full_name": "A", "priority": "urgent"}, "priority"),
            ({"full_name": "A", "tags": "vip"}, "tags"),
            ({"full_name": "A", "tags": [""]}, "tags.0"),
            ({"full_name": "A", "tags": ["t" * 51]}, "tags.0"),
            ({"full_name": "A", "tags": [f"t{i}" for i in range(51)]}, "tags"),
            ({"full_name": "A", "custom_fields": {"k": "v" * 2001}}, "custom_fields"),
            ({"full_name": "A", "custom_fields": {"k": {"nested": 1}}}, "custom_fields"),
            ({"full_name": "A", "custom_fields": ["x"]}, "custom_fields"),
            ({"full_name": "A", "company_employee_count": -1}, "company_employee_count"),
            ({"full_name": "A", "prospect_id": "nope"}, "prospect_id"),
            ({"full_name": "A", "do_not_contact": "perhaps"}, "do_not_contact"),
            ({"full_name": "A", "nickname": "Al"}, "nickname"),
            ({"full_name": 5}, "full_name"),
        ],
    )
    def test_bad_field_is_400_naming_the_field(self, client, auth, body, field):
        err = error(client.post("/v1/contacts", headers=auth, json=body), 400, "validation_error")
        assert any(k == field or k.startswith(field) for k in err["details"]["fields"]), err

    def test_long_last_comma_first_name_parts_are_checked(self, client, auth):
        err = error(
            client.post("/v1/contacts", headers=auth, json={"full_name": "x" * 150 + ", Ann"}),
            400,
            "validation_error",
        )
        assert "full_name" in err["details"]["fields"]

    def test_malformed_json_is_400(self, client, auth):
        r = client.post(
            "/v1/contacts",
            headers={**auth, "Content-Type": "application/json"},
            content=b'{"full_name": "A',
        )
        error(r, 400, "validation_error")

    def test_non_object_body_is_400(self, client, auth):
        error(client.post("/v1/contacts", headers=auth, json=["A"]), 400, "validation_error")

    def test_nothing_is_written_on_400(self, client, auth):
        client.post("/v1/contacts", headers=auth, json={"full_name": "Bad", "priority": "urgent"})
        assert client.get("/v1/contacts", headers=auth).json()["meta"]["total"] == 0


class TestScopes:
    def test_read_key_cannot_write(self, client, factory, workspace):
        headers = factory.headers(workspace.id, scopes=["contacts:read"])
        assert client.get("/v1/contacts", headers=headers).status_code == 200
        error(
            client.post("/v1/contacts", headers=headers, json={"full_name": "A"}),
            403,
            "insufficient_permissions",
        )

    def test_key_without_contact_scopes_cannot_read(self, client, factory, workspace):
        headers = factory.headers(workspace.id, scopes=["lexi"])
        error(client.get("/v1/contacts", headers=headers), 403, "insufficient_permissions")

    def test_no_key_is_401(self, client):
        error(client.get("/v1/contacts"), 401, "invalid_key")


class TestGetContact:
    def test_get_returns_the_contact(self, client, auth):
        made = create(client, auth, full_name="Ann Lee")
        r = client.get(f"/v1/contacts/{made['id']}", headers=auth)
        assert r.status_code == 200 and r.json()["data"] == made

    def test_unknown_id_is_404(self, client, auth):
        error(client.get(f"/v1/contacts/{uuid.uuid4()}", headers=auth), 404, "contact_not_found")

    def test_other_workspaces_contact_is_404(self, client, auth, other_auth):
        made = create(client, other_auth, full_name="Secret")
        error(client.get(f"/v1/contacts/{made['id']}", headers=auth), 404, "contact_not_found")
        error(
            client.patch(f"/v1/contacts/{made['id']}", headers=auth, json={"city": "X"}),
            404,
            "contact_not_found",
        )
        error(client.delete(f"/v1/contacts/{made['id']}", headers=auth), 404, "contact_not_found")
        assert (
            client.get(f"/v1/contacts/{made['id']}", headers=other_auth).json()["data"]["city"]
            is None
        )

    def test_bad_uuid_is_400(self, client, auth):
        error(client.get("/v1/contacts/not-a-uuid", headers=auth), 400, "validation_error")


class TestUpdateContact:
    def test_only_sent_fields_change(self, client, auth):
        made = create(client, auth, full_name="Ann Lee", city="Paris", job_title="CEO")
        r = client.patch(f"/v1/contacts/{made['id']}", headers=auth, json={"city": "Lyon"})
        data = r.json()["data"]
        assert r.status_code == 200 and data["city"] == "Lyon" and data["job_title"] == "CEO"

    def test_null_clears_a_field(self, client, auth):
        made = create(client, auth, full_name="Ann Lee", city="Paris")
        data = client.patch(f"/v1/contacts/{made['id']}", headers=auth, json={"city": None}).json()[
            "data"
        ]
        assert data["city"] is None

    def test_changing_a_name_part_rederives_full_name(self, client, auth):
        made = create(client, auth, full_name="Ann Lee")
        data = client.patch(
            f"/v1/contacts/{made['id']}", headers=auth, json={"last_name": "Smith"}
        ).json()["data"]
        assert (data["first_name"], data["last_name"], data["full_name"]) == (
            "Ann",
            "Smith",
            "Ann Smith",
        )

    def test_new_full_name_is_split(self, client, auth):
        made = create(client, auth, full_name="Ann Lee")
        data = client.patch(
            f"/v1/contacts/{made['id']}", headers=auth, json={"full_name": "Kay, Bo"}
        ).json()["data"]
        assert (data["first_name"], data["last_name"], data["full_name"]) == ("Bo", "Kay", "Bo Kay")

    def test_updated_at_moves(self, client, auth):
        made = create(client, auth, full_name="Ann Lee")
        clock.set_now(datetime.now(UTC) + timedelta(hours=1))
        try:
            data = client.patch(
                f"/v1/contacts/{made['id']}", headers=auth, json={"city": "X"}
            ).json()["data"]
        finally:
            clock.set_now(None)
        assert data["updated_at"] > made["updated_at"] and data["created_at"] == made["created_at"]

    def test_taking_another_contacts_email_is_409(self, client, auth):
        create(client, auth, email="taken@x.io")
        other = create(client, auth, email="free@x.io")
        err = error(
            client.patch(f"/v1/contacts/{other['id']}", headers=auth, json={"email": "TAKEN@x.io"}),
            409,
            "conflict",
        )
        assert err["details"]["fields"] == {"email": "Must be unique"}
        assert (
            client.get(f"/v1/contacts/{other['id']}", headers=auth).json()["data"]["email"]
            == "free@x.io"
        )

    def test_taking_another_contacts_prospect_is_409(self, client, auth):
        pid = str(uuid.uuid4())
        create(client, auth, full_name="Saved", prospect_id=pid)
        other = create(client, auth, full_name="Other")
        r = client.patch(f"/v1/contacts/{other['id']}", headers=auth, json={"prospect_id": pid})
        err = error(r, 409, "conflict")
        assert err["details"]["fields"] == {"prospect_id": "Must be unique"}

    def test_changing_the_case_of_its_own_email_is_fine(self, client, auth):
        made = create(client, auth, email="me@x.io")
        r = client.patch(f"/v1/contacts/{made['id']}", headers=auth, json={"email": "Me@X.io"})
        assert r.status_code == 200 and r.json()["data"]["email"] == "Me@X.io"

    def test_removing_every_name_and_the_email_is_400(self, client, auth):
        made = create(client, auth, full_name="Ann Lee")
        r = client.patch(
            f"/v1/contacts/{made['id']}", headers=auth, json={"first_name": None, "last_name": None}
        )
        error(r, 400, "validation_error")
        assert (
            client.get(f"/v1/contacts/{made['id']}", headers=auth).json()["data"]["full_name"]
            == "Ann Lee"
        )

    @pytest.mark.parametrize(
        "body",
        [
            {"priority": None},
            {"priority": "top"},
            {"email": "bad"},
            {"unknown": 1},
            {"city": "x" * 101},
        ],
    )
    def test_bad_changes_are_400(self, client, auth, body):
        made = create(client, auth, full_name="Ann Lee")
        error(
            client.patch(f"/v1/contacts/{made['id']}", headers=auth, json=body),
            400,
            "validation_error",
        )


class TestDeleteContact:
    def test_delete_then_gone(self, client, auth):
        made = create(client, auth, full_name="Ann Lee")
        r = client.delete(f"/v1/contacts/{made['id']}", headers=auth)
        assert r.status_code == 204 and r.content == b""
        error(client.get(f"/v1/contacts/{made['id']}", headers=auth), 404, "contact_not_found")
        error(client.delete(f"/v1/contacts/{made['id']}", headers=auth), 404, "contact_not_found")

    def test_delete_removes_list_memberships(self, client, auth):
        made = create(client, auth, full_name="Ann Lee")
        lst = client.post("/v1/lists", headers=auth, json={"name": "L"}).json()["data"]
        client.post(
            f"/v1/lists/{lst['id']}/contacts", headers=auth, json={"contact_ids": [made["id"]]}
        )
        client.delete(f"/v1/contacts/{made['id']}", headers=auth)
        assert (
            client.get(f"/v1/lists/{lst['id']}", headers=auth).json()["data"]["contact_count"] == 0
        )


class TestIdempotentCreate:
    def test_replay_returns_the_original_201_and_creates_nothing_more(self, client, auth):
        headers = {**auth, "Idempotency-Key": "create-ann-1"}
        first = client.post("/v1/contacts", headers=headers, json={"full_name": "Ann Lee"})
        again = client.post("/v1/contacts", headers=headers, json={"full_name": "Ann Lee"})
        assert first.status_code == again.status_code == 201
        assert again.json() == first.json()
        assert client.get("/v1/contacts", headers=auth).json()["meta"]["total"] == 1

    def test_same_key_with_another_body_is_409(self, client, auth):
        headers = {**auth, "Idempotency-Key": "create-ann-2"}
        client.post("/v1/contacts", headers=headers, json={"full_name": "Ann Lee"})
        r = client.post("/v1/contacts", headers=headers, json={"full_name": "Bo Kay"})
        error(r, 409, "idempotency_conflict")
