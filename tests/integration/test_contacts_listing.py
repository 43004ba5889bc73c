"""GET /v1/contacts: pagination, search, list filter, created_after and sorting."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from lexi.kit import clock

T0 = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)


def create_at(client, auth, when, **body):
    clock.set_now(when)
    try:
        r = client.post("/v1/contacts", headers=auth, json=body)
    finally:
        clock.set_now(None)
    assert r.status_code == 201, r.text
    return r.json()["data"]


def names_of(r):
    assert r.status_code == 200, r.text
    return [c["full_name"] for c in r.json()["data"]]


@pytest.fixture
def people(client, auth):
    return [
        create_at(
            client, auth, T0, full_name="Carol Diaz", email="carol@zeta.io", company_name="Zeta"
        ),
        create_at(
            client,
            auth,
            T0 + timedelta(minutes=1),
            full_name="alice Brown",
            company_name="Acme Law",
        ),
        create_at(
            client, auth, T0 + timedelta(minutes=2), full_name="Bob Evans", email="bob@acme.com"
        ),
    ]


class TestPagination:
    def test_meta_and_page_slices(self, client, auth, people):
        r = client.get("/v1/contacts?per_page=2&page=1&sort=created_at", headers=auth)
        assert r.json()["meta"] == {"page": 1, "per_page": 2, "total": 3}
        assert names_of(r) == ["Carol Diaz", "alice Brown"]
        assert names_of(
            client.get("/v1/contacts?per_page=2&page=2&sort=created_at", headers=auth)
        ) == ["Bob Evans"]

    def test_page_past_the_end_is_empty(self, client, auth, people):
        r = client.get("/v1/contacts?page=9", headers=auth)
        assert r.json()["data"] == [] and r.json()["meta"]["total"] == 3

    def test_default_per_page_is_50(self, client, auth):
        assert client.get("/v1/contacts", headers=auth).json()["meta"]["per_page"] == 50

    @pytest.mark.parametrize(
        "query", ["per_page=101", "per_page=0", "page=0", "page=-1", "page=x", "per_page=1.5"]
    )
    def test_out_of_range_is_400(self, client, auth, query):
        r = client.get(f"/v1/contacts?{query}", headers=auth)
        assert r.status_code == 400 and r.json()["error"]["code"] == "validation_error"

    def test_only_own_workspace(self, client, auth, factory, people):
        other = factory.headers(factory.workspace().id)
        assert client.get("/v1/contacts", headers=other).json()["meta"]["total"] == 0


class TestSorting:
    def test_default_is_newest_first(self, client, auth, people):
        assert names_of(client.get("/v1/contacts", headers=auth)) == [
            "Bob Evans",
            "alice Brown",
            "Carol Diaz",
        ]

    def test_created_at_ascending(self, client, auth, people):
        assert names_of(client.get("/v1/contacts?sort=created_at", headers=auth))[0] == "Carol Diaz"

    def test_full_name_is_case_insensitive_both_ways(self, client, auth, people):
        assert names_of(client.get("/v1/contacts?sort=full_name", headers=auth)) == [
            "alice Brown",
            "Bob Evans",
            "Carol Diaz",
        ]
        assert names_of(client.get("/v1/contacts?sort=-full_name", headers=auth)) == [
            "Carol Diaz",
            "Bob Evans",
            "alice Brown",
        ]

    def test_updated_at_follows_changes(self, client, auth, people):
        clock.set_now(T0 + timedelta(hours=1))
        try:
            client.patch(f"/v1/contacts/{people[0]['id']}", headers=auth, json={"city": "Oslo"})
        finally:
            clock.set_now(None)
        assert (
            names_of(client.get("/v1/contacts?sort=-updated_at", headers=auth))[0] == "Carol Diaz"
        )

    def test_ties_are_ordered_by_id(self, client, auth):
        made = [create_at(client, auth, T0, full_name=f"Same {i}") for i in range(5)]
        ids = [
            c["id"] for c in client.get("/v1/contacts?sort=created_at", headers=auth).json()["data"]
        ]
        assert ids == sorted(c["id"] for c in made)
        paged = [
            c["id"]
            for page in (1, 2, 3)
            for c in client.get(
                f"/v1/contacts?sort=-created_at&per_page=2&page={page}", headers=auth
            ).json()["data"]
        ]
        assert paged == sorted(ids, reverse=True)

    @pytest.mark.parametrize(
        "sort", ["name", "email", "--created_at", "created_at-", "+created_at", ""]
    )
    def test_unknown_sort_is_400(self, client, auth, sort):
        r = client.get(f"/v1/contacts?sort={sort}", headers=auth)
        assert r.status_code == 400 and "sort" in r.json()["error"]["details"]["fields"]


class TestSearch:
    @pytest.mark.parametrize(
        ("term", "expected"),
        [
            ("ALICE", ["alice Brown"]),
            ("acme", ["Bob Evans", "alice Brown"]),
            ("zeta.io", ["Carol Diaz"]),
            ("nobody", []),
            ("%", []),
            ("_", []),
        ],
    )
    def test_matches_name_email_or_company(self, client, auth, people, term, expected):
        assert (
            names_of(client.get("/v1/contacts", headers=auth, params={"search": term})) == expected
        )

    def test_blank_search_matches_everything(self, client, auth, people):
        assert len(names_of(client.get("/v1/contacts?search=%20", headers=auth))) == 3

    def test_search_over_200_chars_is_400(self, client, auth):
        assert (
            client.get("/v1/contacts", headers=auth, params={"search": "x" * 201}).status_code
            == 400
        )


class TestCreatedAfter:
    def test_only_later_contacts(self, client, auth, people):
        after = (T0 + timedelta(seconds=30)).isoformat()
        assert names_of(
            client.get("/v1/contacts", headers=auth, params={"created_after": after})
        ) == ["Bob Evans", "alice Brown"]

    def test_naive_timestamp_means_utc(self, client, auth, people):
        r = client.get(
            "/v1/contacts", headers=auth, params={"created_after": "2026-01-01T12:01:30"}
        )
        assert names_of(r) == ["Bob Evans"]

    def test_bad_timestamp_is_400(self, client, auth):
        assert client.get("/v1/contacts?created_after=yesterday", headers=auth).status_code == 400


class TestListFilter:
    def test_only_members(self, client, auth, people):
        lst = client.post("/v1/lists", headers=auth, json={"name": "Members"}).json()["data"]
        client.post(
            f"/v1/lists/{lst['id']}/contacts", headers=auth, json={"contact_ids": [people[1]["id"]]}
        )
        r = client.get(f"/v1/contacts?list_id={lst['id']}", headers=auth)
        assert names_of(r) == ["alice Brown"] and r.json()["meta"]["total"] == 1
        r = client.get(f"/v1/contacts?list_id={lst['id']}&search=bob", headers=auth)
        assert names_of(r) == []

    def test_unknown_list_is_404(self, client, auth):
        r = client.get(f"/v1/contacts?list_id={uuid.uuid4()}", headers=auth)
        assert r.status_code == 404 and r.json()["error"]["code"] == "list_not_found"

    def test_other_workspaces_list_is_404(self, client, auth, factory):
        other = factory.headers(factory.workspace().id)
        lst = client.post("/v1/lists", headers=other, json={"name": "Theirs"}).json()["data"]
        r = client.get(f"/v1/contacts?list_id={lst['id']}", headers=auth)
        assert r.status_code == 404 and r.json()["error"]["code"] == "list_not_found"

    def test_bad_list_id_is_400(self, client, auth):
        assert client.get("/v1/contacts?list_id=abc", headers=auth).status_code == 400
