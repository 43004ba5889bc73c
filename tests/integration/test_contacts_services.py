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


def _columns() -> list[str]:
    """Every stored column of a contact except those that differ between runs by nature."""
    from lexi.models import Contact

    skip = {"id", "workspace_id", "created_at", "updated_at"}
    return [c.name for c in Contact.__table__.columns if c.name not in skip]


def _snapshot(db, ws):
    from sqlalchemy import select

    from lexi.models import Contact

    with db.unit_of_work() as s:
        rows = s.scalars(select(Contact).where(Contact.workspace_id == ws)).all()
        columns = _columns()
        return sorted(tuple(str(getattr(c, k)) for k in columns) for c in rows)


def _outcome(pairs):
    """Per row: whether it created, and which contact of this call (by first appearance) it got."""
    order: dict = {}
    return [(order.setdefault(c.id, len(order)), created) for c, created in pairs]


def _save_both_ways(db, factory, rows, before=()):
    """Run ``rows`` through the per-row and the bulk path in two fresh workspaces, each first
    given the contacts ``before`` holds (``("create", data)`` or ``("prospect", fields)``)."""
    results = []
    for bulk in (False, True):
        ws = factory.workspace().id
        with db.unit_of_work() as s:
            for kind, data in before:
                if kind == "create":
                    contacts.create_contact(s, ws, dict(data))
                else:
                    contacts.upsert_from_prospect(s, ws, dict(data))
        with db.unit_of_work() as s:
            copies = [dict(r) for r in rows]
            if bulk:
                pairs = contacts.upsert_many_from_prospects(s, ws, copies)
            else:
                pairs = [contacts.upsert_from_prospect(s, ws, r) for r in copies]
            outcome = _outcome(pairs)
        results.append((outcome, _snapshot(db, ws)))
    return results


class TestUpsertManyFromProspectsMatchesOneByOne:
    def test_new_people(self, db, factory):
        rows = [
            prospect(),
            prospect(first_name="Bo", last_name="Ray", full_name=None, email="bo@ray.io"),
            prospect(first_name=None, last_name=None, full_name=None, email="cy.diaz@x.io"),
            prospect(first_name="  Dee ", last_name="Fox\t", email="dee@fox.io", phone=" 1 2 "),
            prospect(email="eve@x.io", job_title=" " + "x" * 200, company_employee_count=None),
            prospect(email="fay@x.io", prospect_id=str(uuid.uuid4()), company_employee_count="7"),
            {"full_name": "Gus Hill", "email": "gus@hill.io", "tags": ["a", "A"], "phone": None},
        ]
        per_row, bulk = _save_both_ways(db, factory, rows)
        assert bulk == per_row
        assert all(created for _, created in bulk[0]) and len(bulk[1]) == len(rows)

    def test_people_already_saved_by_prospect_id(self, db, factory):
        first, second = prospect(), prospect(email="bo@ray.io", first_name="Bo")
        before = [
            ("prospect", {**first, "job_title": None, "phone": "555"}),
            ("prospect", {**second, "company_name": None}),
        ]
        rows = [
            {**first, "email": "other@x.io", "job_title": "Chair"},
            second,
            prospect(email="new@x.io"),
        ]
        per_row, bulk = _save_both_ways(db, factory, rows, before)
        assert bulk == per_row
        assert [created for _, created in bulk[0]] == [False, False, True]

    def test_every_person_already_saved_only_fills_blanks(self, db, factory):
        first, second = prospect(), prospect(email="bo@ray.io", first_name="Bo")
        before = [
            ("prospect", {**first, "job_title": None, "city": None}),
            ("prospect", {**second, "email": None}),
        ]
        rows = [{**first, "job_title": "Chair", "phone": "1"}, second, first]
        per_row, bulk = _save_both_ways(db, factory, rows, before)
        assert bulk == per_row
        assert bulk[0] == [(0, False), (1, False), (0, False)]
        assert sorted(row[_columns().index("job_title")] for row in bulk[1]) == ["CEO", "Chair"]

    def test_people_already_saved_by_email(self, db, factory):
        p = prospect()
        before = [
            ("create", {"email": "ANN.LEE@lawfirm.com", "job_title": "Owner"}),
            ("prospect", prospect(email="bo@ray.io", first_name="Bo")),
        ]
        rows = [
            p,
            prospect(email="BO@ray.io", first_name="Bob", phone="1"),
            prospect(email="x@y.io"),
        ]
        per_row, bulk = _save_both_ways(db, factory, rows, before)
        assert bulk == per_row
        assert [created for _, created in bulk[0]] == [False, False, True]
        linked = [
            row for row in bulk[1] if row[_columns().index("prospect_id")] == str(p["prospect_id"])
        ]
        assert len(linked) == 1 and linked[0][_columns().index("job_title")] == "Owner"

    def test_duplicates_within_one_call(self, db, factory):
        a = prospect()
        rows = [
            a,
            {**a, "job_title": "Chair", "phone": "1"},
            prospect(email="Ann.Lee@LAWFIRM.com", phone="2"),
            {**a, "email": "a.lee@else.io"},
            prospect(email="bo@ray.io"),
            prospect(email="bo@ray.io"),
            {"full_name": "No Key", "email": None},
            {"full_name": "No Key", "email": None},
        ]
        per_row, bulk = _save_both_ways(db, factory, rows)
        assert bulk == per_row
        assert bulk[0] == [
            (0, True),
            (0, False),
            (0, False),
            (0, False),
            (1, True),
            (1, False),
            (2, True),
            (3, True),
        ]

    def test_a_prospect_on_a_contact_linked_to_another_stays_separate(self, db, factory):
        # The email's contact is another prospect: a later row for this prospect with a new email
        # is a new contact, one by one and in bulk alike.
        a = prospect()
        rows = [prospect(email=a["email"]), a, {**a, "email": "fresh@x.io"}]
        per_row, bulk = _save_both_ways(db, factory, rows)
        assert bulk == per_row
        assert bulk[0] == [(0, True), (0, False), (1, True)]

    def test_unusable_emails_are_dropped(self, db, factory):
        rows = [
            prospect(email="not an email"),
            prospect(email="x" * 250 + "@x.io", first_name="Bo"),
            prospect(email="", first_name="Cy"),
            prospect(email="  ", first_name="Di"),
            prospect(email=" padded@x.io ", first_name="Ed"),
            {"email": "info@firm.io", "full_name": None},
        ]
        per_row, bulk = _save_both_ways(db, factory, rows)
        assert bulk == per_row
        emails = sorted(row[_columns().index("email")] for row in bulk[1])
        assert emails == ["None"] * 4 + ["info@firm.io", "padded@x.io"]

    @pytest.mark.parametrize(
        "bad",
        [
            {"email": "nope@", "first_name": None, "last_name": None, "full_name": None},
            {"job_title": "x" * 201},
            {"company_employee_count": -1},
            {"prospect_id": "not-a-uuid"},
        ],
    )
    def test_an_invalid_row_fails_the_same_way_and_writes_nothing(self, db, factory, bad):
        rows = [prospect(email="ok@x.io"), prospect(**bad)]
        errors = []
        for save in (
            lambda s, ws: [contacts.upsert_from_prospect(s, ws, dict(r)) for r in rows],
            lambda s, ws: contacts.upsert_many_from_prospects(s, ws, [dict(r) for r in rows]),
        ):
            ws = factory.workspace().id
            with pytest.raises(ValidationFailed) as exc, db.unit_of_work() as s:
                save(s, ws)
            errors.append((exc.value.message, exc.value.details))
            assert _snapshot(db, ws) == []
        assert errors[0] == errors[1]

    def test_an_empty_call_does_nothing(self, db, ws):
        with db.unit_of_work() as s:
            assert contacts.upsert_many_from_prospects(s, ws, []) == []


class TestUpsertManyFromProspectsConcurrently:
    def test_parallel_bulk_saves_of_the_same_people_make_each_contact_once(self, db, ws):
        people = [prospect(email=f"p{i}@firm.io", first_name=f"P{i}") for i in range(10)]

        def save():
            with db.unit_of_work() as s:
                pairs = contacts.upsert_many_from_prospects(s, ws, [dict(p) for p in people])
                return [c.id for c, _ in pairs]

        results = _parallel(6, save)
        assert all(r == results[0] for r in results) and len(set(results[0])) == 10
        with db.unit_of_work() as s:
            assert contacts.saved_prospect_ids(s, ws, [p["prospect_id"] for p in people]) == {
                p["prospect_id"] for p in people
            }
        assert len(_snapshot(db, ws)) == 10

    @pytest.mark.postgres
    def test_a_save_that_loses_the_insert_race_falls_back_to_the_existing_contacts(self, db, ws):
        # The second save looks up before the first commits, then waits on the unique index;
        # once the first commits its insert fails and the savepoint hands over to the row path.
        from sqlalchemy import text

        people = [prospect(email=f"r{i}@firm.io") for i in range(3)]
        first = db.session()
        try:
            winners = [c.id for c, _ in contacts.upsert_many_from_prospects(first, ws, people)]
            with ThreadPoolExecutor(max_workers=1) as pool:

                def second():
                    with db.unit_of_work() as s:
                        pairs = contacts.upsert_many_from_prospects(
                            s, ws, [dict(p) for p in people]
                        )
                        return [(c.id, created) for c, created in pairs]

                pending = pool.submit(second)
                with db.engine.connect() as conn:
                    while not conn.execute(
                        text("select count(*) from pg_locks where not granted")
                    ).scalar():
                        conn.rollback()
                first.commit()
                assert pending.result() == [(i, False) for i in winners]
        finally:
            first.close()
