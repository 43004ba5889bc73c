"""Saving prospects as contacts: company fields copied, idempotent per person, optionally into a list."""

from __future__ import annotations

import uuid


def _prospects(client, auth, n=3):  # type: ignore[no-untyped-def]
    r = client.post(
        "/v1/prospector/search", json={"seniorities": ["director"], "limit": n}, headers=auth
    )
    return r.json()["data"]["prospects"]


class TestSave:
    def test_creates_contacts_with_company_fields(self, client, auth, universe) -> None:  # type: ignore[no-untyped-def]
        found = _prospects(client, auth)
        r = client.post(
            "/v1/prospects/save", json={"prospects": [{"id": p["id"]} for p in found]}, headers=auth
        )
        assert r.status_code == 200, r.text
        data = r.json()["data"]
        assert data["created"] == 3
        assert [c["full_name"] for c in data["contacts"]] == [p["full_name"] for p in found]
        contact = client.get(f"/v1/contacts/{data['contacts'][0]['id']}", headers=auth).json()[
            "data"
        ]
        assert contact["prospect_id"] == found[0]["id"]
        assert contact["company_name"] == found[0]["company"]["name"]
        assert contact["job_title"] == found[0]["job_title"]

    def test_saving_twice_does_not_duplicate(self, client, auth, universe) -> None:  # type: ignore[no-untyped-def]
        found = _prospects(client, auth, 2)
        body = {"prospects": [{"id": p["id"]} for p in found]}
        first = client.post("/v1/prospects/save", json=body, headers=auth).json()["data"]
        second = client.post("/v1/prospects/save", json=body, headers=auth).json()["data"]
        assert first["created"] == 2 and second["created"] == 0
        assert [c["id"] for c in first["contacts"]] == [c["id"] for c in second["contacts"]]

    def test_saved_prospects_are_flagged_in_search(self, client, auth, universe) -> None:  # type: ignore[no-untyped-def]
        found = _prospects(client, auth, 4)
        client.post(
            "/v1/prospects/save", json={"prospects": [{"id": found[0]["id"]}]}, headers=auth
        )
        again = _prospects(client, auth, 4)
        assert [p["saved"] for p in again] == [True, False, False, False]

    def test_into_a_list(self, client, auth, universe) -> None:  # type: ignore[no-untyped-def]
        lst = client.post(
            "/v1/lists", json={"name": f"L {uuid.uuid4().hex[:6]}"}, headers=auth
        ).json()["data"]
        found = _prospects(client, auth, 3)
        body = {"prospects": [{"id": p["id"]} for p in found], "list_id": lst["id"]}
        data = client.post("/v1/prospects/save", json=body, headers=auth).json()["data"]
        assert data["added_to_list"] == 3
        assert (
            client.post("/v1/prospects/save", json=body, headers=auth).json()["data"][
                "added_to_list"
            ]
            == 0
        )
        members = client.get(f"/v1/contacts?list_id={lst['id']}", headers=auth).json()
        assert members["meta"]["total"] == 3

    def test_by_value(self, client, auth) -> None:  # type: ignore[no-untyped-def]
        email = f"jo.{uuid.uuid4().hex[:6]}@example.org"
        body = {
            "prospects": [
                {"name": "Jo Bloggs", "email": email, "title": "CTO", "company_name": "Acme"}
            ]
        }
        data = client.post("/v1/prospects/save", json=body, headers=auth).json()["data"]
        assert data["created"] == 1 and data["contacts"][0]["email"] == email


class TestSaveErrors:
    def test_unknown_prospect_id_writes_nothing(self, client, auth, universe) -> None:  # type: ignore[no-untyped-def]
        found = _prospects(client, auth, 1)
        before = client.get("/v1/contacts", headers=auth).json()["meta"]["total"]
        bogus = str(uuid.uuid4())
        r = client.post(
            "/v1/prospects/save",
            json={"prospects": [{"id": found[0]["id"]}, {"id": bogus}]},
            headers=auth,
        )
        assert r.status_code == 400 and r.json()["error"]["details"]["prospect_ids"] == [bogus]
        assert client.get("/v1/contacts", headers=auth).json()["meta"]["total"] == before

    def test_list_of_another_workspace_is_404(self, client, auth, factory, universe) -> None:  # type: ignore[no-untyped-def]
        other = factory.workspace()
        other_auth = factory.headers(other.id)
        lst = client.post("/v1/lists", json={"name": "theirs"}, headers=other_auth).json()["data"]
        found = _prospects(client, auth, 1)
        r = client.post(
            "/v1/prospects/save",
            json={"prospects": [{"id": found[0]["id"]}], "list_id": lst["id"]},
            headers=auth,
        )
        assert r.status_code == 404 and r.json()["error"]["code"] == "list_not_found"

    def test_empty_or_malformed_bodies(self, client, auth) -> None:  # type: ignore[no-untyped-def]
        assert (
            client.post("/v1/prospects/save", json={"prospects": []}, headers=auth).status_code
            == 400
        )
        assert (
            client.post("/v1/prospects/save", json={"prospects": [{}]}, headers=auth).status_code
            == 400
        )
        assert (
            client.post(
                "/v1/prospects/save", json={"prospects": [{"id": "nope"}]}, headers=auth
            ).status_code
            == 400
        )


def _with_email(client, auth, n):  # type: ignore[no-untyped-def]
    found = [p for p in _prospects(client, auth, 20) if p["email"]]
    assert len(found) >= n
    return found[:n]


class TestSaveMixedPeople:
    def test_known_people_are_reused_and_new_ones_created_once(
        self, client, auth, universe
    ) -> None:  # type: ignore[no-untyped-def]
        a, b, c = _with_email(client, auth, 3)
        mine = client.post(
            "/v1/contacts", json={"email": b["email"].upper(), "job_title": "Mine"}, headers=auth
        ).json()["data"]
        client.post("/v1/prospects/save", json={"prospects": [{"id": c["id"]}]}, headers=auth)
        before = client.get("/v1/contacts", headers=auth).json()["meta"]["total"]
        body = {
            "prospects": [
                {"id": a["id"]},
                {"id": b["id"]},
                {"id": c["id"]},
                {"name": "Same Person", "email": a["email"]},
                {"name": "Fresh Person", "email": f"fresh.{uuid.uuid4().hex[:6]}@example.org"},
            ]
        }
        data = client.post("/v1/prospects/save", json=body, headers=auth).json()["data"]
        assert data["created"] == 2
        ids = [x["id"] for x in data["contacts"]]
        assert len(ids) == 4 and ids[1] == mine["id"]
        assert client.get("/v1/contacts", headers=auth).json()["meta"]["total"] == before + 2
        linked = client.get(f"/v1/contacts/{mine['id']}", headers=auth).json()["data"]
        assert linked["prospect_id"] == b["id"] and linked["job_title"] == "Mine"
        assert linked["company_name"] == b["company"]["name"]


class TestConcurrentSaves:
    def test_parallel_saves_of_the_same_people_all_succeed_with_one_contact_each(
        self, client, auth, universe
    ) -> None:  # type: ignore[no-untyped-def]
        from concurrent.futures import ThreadPoolExecutor

        lst = client.post(
            "/v1/lists", json={"name": f"P {uuid.uuid4().hex[:6]}"}, headers=auth
        ).json()["data"]
        found = _prospects(client, auth, 8)
        body = {"prospects": [{"id": p["id"]} for p in found], "list_id": lst["id"]}
        with ThreadPoolExecutor(max_workers=4) as pool:
            results = list(
                pool.map(
                    lambda _: client.post("/v1/prospects/save", json=body, headers=auth), range(4)
                )
            )
        assert [r.status_code for r in results] == [200] * 4
        datas = [r.json()["data"] for r in results]
        assert len({tuple(c["id"] for c in d["contacts"]) for d in datas}) == 1
        assert sum(d["created"] for d in datas) == 8 and sum(d["added_to_list"] for d in datas) == 8
