"""The Python services other features call (prospect saving, lists from the assistant), and
concurrent writes that must never duplicate."""

from __future__ import annotations

import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest

from lexi.contacts import service as contacts
from lexi.errors import Conflict, NotFound, ValidationFailed
from lexi.lists import service as lists


@pytest.fixture
def ws(workspace):
    return workspace.id


def prospect(**extra):
    return {
        "prospect_id": uuid.uuid4(),
        "first_name": "Ann",
        "last_name": "Lee",
        "full_name": "Ann Lee",
        "email": "ann.lee@lawfirm.com",
        "job_title": "CEO",
        "company_name": "Lee & Co",
        "company_domain": "lawfirm.com",
        "company_industry": "Law Practice",
        "company_employee_count": 40,
        "company_city": "New York",
        "company_state": "NY",
        "company_country": "US",
        "city": "New York",
        "state": "NY",
        "country": "US",
        **extra,
    }


class TestCreateContactService:
    def test_returns_created_flag_and_dedupes_by_email(self, db, ws):
        with db.unit_of_work() as s:
            first, created = contacts.create_contact(s, ws, {"email": "a@x.io"})
            again, created_again = contacts.create_contact(
                s, ws, {"email": "A@x.io", "city": "Rome"}
            )
        assert created is True and created_again is False and again.id == first.id

    def test_bad_data_raises_validation_failed(self, db, ws):
        with db.unit_of_work() as s, pytest.raises(ValidationFailed) as exc:
            contacts.create_contact(s, ws, {"email": "nope"})
        assert "email" in exc.value.details["fields"]

    def test_get_contact_of_another_workspace_is_not_found(self, db, ws, factory):
        other = factory.workspace().id
        with db.unit_of_work() as s:
            c, _ = contacts.create_contact(s, other, {"full_name": "T"})
        with db.unit_of_work() as s, pytest.raises(NotFound) as exc:
            contacts.get_contact(s, ws, c.id)
        assert exc.value.code == "contact_not_found"

    def test_to_out_carries_company_when_known(self, db, ws):
        with db.unit_of_work() as s:
            c, _ = contacts.upsert_from_prospect(s, ws, prospect())
            out = contacts.to_out(c)
        assert out.company is not None and out.company.industry == "Law Practice"
        assert out.prospect_id is not None and out.full_name == "Ann Lee"


class TestUpsertFromProspect:
    def test_saving_the_same_prospect_twice_does_not_duplicate(self, db, ws):
        p = prospect()
        with db.unit_of_work() as s:
            a, created = contacts.upsert_from_prospect(s, ws, p)
        with db.unit_of_work() as s:
            b, created_again = contacts.upsert_from_prospect(
                s, ws, {**p, "email": None, "job_title": "Chair"}
            )
        assert created and not created_again and a.id == b.id
        assert b.job_title == "CEO"

    def test_an_existing_contact_with_the_email_is_linked_and_filled(self, db, ws):
        with db.unit_of_work() as s:
            existing, _ = contacts.create_contact(
                s, ws, {"email": "ANN.LEE@lawfirm.com", "job_title": "Owner"}
            )
        p = prospect()
        with db.unit_of_work() as s:
            c, created = contacts.upsert_from_prospect(s, ws, p)
            assert not created and c.id == existing.id
            assert c.prospect_id == p["prospect_id"] and c.job_title == "Owner"
            assert c.company_industry == "Law Practice"
        with db.unit_of_work() as s:
            assert contacts.saved_prospect_ids(s, ws, [p["prospect_id"], uuid.uuid4()]) == {
                p["prospect_id"]
            }

    def test_an_unusable_prospect_email_does_not_block_saving(self, db, ws):
        with db.unit_of_work() as s:
            c, created = contacts.upsert_from_prospect(s, ws, prospect(email="not an email"))
        assert created and c.email is None and c.full_name == "Ann Lee"

    def test_saved_prospect_ids_is_per_workspace(self, db, ws, factory):
        other = factory.workspace().id
        p = prospect()
        with db.unit_of_work() as s:
            contacts.upsert_from_prospect(s, other, p)
        with db.unit_of_work() as s:
            assert contacts.saved_prospect_ids(s, ws, [p["prospect_id"]]) == set()
            assert contacts.saved_prospect_ids(s, ws, []) == set()


class TestListServices:
    def test_create_find_and_name_lists(self, db, ws):
        with db.unit_of_work() as s:
            lst = lists.create_list(s, ws, "  Q1 Leads ", "desc")
            with pytest.raises(Conflict):
                lists.create_list(s, ws, "q1 leads")
            assert lists.find_list_by_name(s, ws, " Q1 LEADS").id == lst.id
            assert lists.find_list_by_name(s, ws, "other") is None
            lists.create_list(s, ws, "Alpha")
            assert lists.list_names(s, ws) == ["Alpha", "Q1 Leads"]

    def test_get_list_not_found_code(self, db, ws):
        with db.unit_of_work() as s, pytest.raises(NotFound) as exc:
            lists.get_list(s, ws, uuid.uuid4())
        assert exc.value.code == "list_not_found"

    def test_add_remove_and_count(self, db, ws):
        with db.unit_of_work() as s:
            lst = lists.create_list(s, ws, "L")
            people = [
                contacts.create_contact(s, ws, {"full_name": f"P{i}", "company_name": c})[0]
                for i, c in enumerate(["Acme", "ACME ", "Beta"])
            ]
            ids = [p.id for p in people]
            assert lists.add_contacts(s, ws, lst.id, ids) == lists.AddResult(
                added=3, contact_count=3
            )
            assert lists.add_contacts(s, ws, lst.id, ids[:1]) == lists.AddResult(
                added=0, contact_count=3
            )
            assert lists.remove_by_company(s, ws, lst.id, " acme") == 2
            assert lists.contact_count(s, ws, lst.id) == 1
            assert lists.remove_contacts(s, ws, lst.id, [ids[2], ids[0]]) == 1
            assert lists.contact_count(s, ws, lst.id) == 0


def _parallel(n, fn):
    with ThreadPoolExecutor(max_workers=n) as pool:
        return list(pool.map(lambda _: fn(), range(n)))


class TestConcurrentWrites:
    def test_parallel_creates_with_one_email_make_one_contact(self, client, auth):
        results = _parallel(
            8, lambda: client.post("/v1/contacts", headers=auth, json={"email": "race@x.io"})
        )
        assert sorted(r.status_code for r in results) == [200] * 7 + [201]
        assert len({r.json()["data"]["id"] for r in results}) == 1

    def test_parallel_list_adds_count_each_member_once(self, client, auth):
        lst = client.post("/v1/lists", headers=auth, json={"name": "Race"}).json()["data"]
        rows = [{"full_name": f"R{i}"} for i in range(20)]
        ids = [
            c["id"]
            for c in client.post("/v1/contacts/bulk", headers=auth, json={"contacts": rows}).json()[
                "data"
            ]["contacts"]
        ]
        results = _parallel(
            6,
            lambda: client.post(
                f"/v1/lists/{lst['id']}/contacts", headers=auth, json={"contact_ids": ids}
            ),
        )
        assert all(r.status_code == 200 for r in results)
        assert sum(r.json()["data"]["added"] for r in results) == 20
        assert (
            client.get(f"/v1/lists/{lst['id']}", headers=auth).json()["data"]["contact_count"] == 20
        )

    def test_parallel_prospect_saves_make_one_contact(self, db, ws):
        p = prospect()

        def save():
            with db.unit_of_work() as s:
                return contacts.upsert_from_prospect(s, ws, p)[0].id

        assert len(set(_parallel(6, save))) == 1
