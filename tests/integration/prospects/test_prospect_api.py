"""The prospect endpoints over HTTP: search (and its legacy alias), taxonomy, bad input, scopes."""

from __future__ import annotations

from lexi.prospects.taxonomy import INDUSTRIES, SENIORITIES


class TestSearchEndpoint:
    def test_returns_prospects_and_the_exact_total(self, client, auth, universe, sql) -> None:  # type: ignore[no-untyped-def]
        r = client.post(
            "/v1/prospector/search", json={"seniorities": ["vp"], "limit": 5}, headers=auth
        )
        assert r.status_code == 200, r.text
        body = r.json()
        assert len(body["data"]["prospects"]) == 5
        assert body["meta"] == {
            "page": 1,
            "per_page": 5,
            "total": sql("SELECT count(*) FROM prospect_people WHERE seniority = 'vp'")[0][0],
        }
        assert body["data"]["filters"] == {"seniorities": ["vp"], "limit": 5}
        assert all(p["saved"] is False for p in body["data"]["prospects"])

    def test_page_two_continues_page_one(self, client, auth, universe) -> None:  # type: ignore[no-untyped-def]
        q = {"seniorities": ["manager"], "limit": 10}
        one = client.post("/v1/prospector/search", json=q, headers=auth).json()["data"]["prospects"]
        two = client.post("/v1/prospector/search", json={**q, "page": 2}, headers=auth).json()[
            "data"
        ]["prospects"]
        both = client.post("/v1/prospector/search", json={**q, "limit": 20}, headers=auth).json()[
            "data"
        ]["prospects"]
        assert [p["id"] for p in one + two] == [p["id"] for p in both]

    def test_person_and_company_locations_are_separate_filters(
        self, client, auth, universe, sql
    ) -> None:  # type: ignore[no-untyped-def]
        def total(body: dict) -> int:
            r = client.post("/v1/prospector/search", json=body, headers=auth)
            assert r.status_code == 200, r.text
            return r.json()["meta"]["total"]

        person = sql(
            "SELECT count(*) FROM prospect_people WHERE loc >= 'US|NY|' AND loc < 'US|NY}'"
        )[0][0]
        company = sql(
            "SELECT count(*) FROM prospect_people p JOIN prospect_companies c ON c.id = p.company_id "
            "WHERE c.country = 'US' AND c.state = 'NY'"
        )[0][0]
        assert person > 0 and company > 0
        assert total({"locations": ["New York State"]}) == person
        assert total({"company_locations": ["NY, US"]}) == company
        r = client.post(
            "/v1/prospector/search", json={"company_locations": ["ny, us"]}, headers=auth
        )
        assert r.json()["data"]["filters"] == {"company_locations": ["NY, US"], "limit": 25}

    def test_empty_filters_are_allowed(self, client, auth, universe) -> None:  # type: ignore[no-untyped-def]
        r = client.post("/v1/prospector/search", json={}, headers=auth)
        assert r.status_code == 200 and r.json()["meta"]["per_page"] == 25

    def test_legacy_alias_takes_query_and_job_titles(self, client, auth, universe) -> None:  # type: ignore[no-untyped-def]
        new = client.post(
            "/v1/prospector/search", json={"titles": ["CEO", "CTO"]}, headers=auth
        ).json()
        old = client.post(
            "/v1/prospects/search", json={"query": "CEO", "jobTitles": ["CTO"]}, headers=auth
        ).json()
        assert old["meta"]["total"] == new["meta"]["total"] > 0
        assert old["data"]["prospects"] == new["data"]["prospects"]


class TestBadInput:
    def _error(self, client, auth, body):  # type: ignore[no-untyped-def]
        r = client.post("/v1/prospector/search", json=body, headers=auth)
        assert r.status_code == 400, r.text
        return r.json()["error"]

    def test_unknown_industry_lists_valid_values(self, client, auth, universe) -> None:  # type: ignore[no-untyped-def]
        err = self._error(client, auth, {"industries": ["Lawyering"]})
        assert err["code"] == "validation_error" and err["details"]["valid"] == INDUSTRIES

    def test_unknown_seniority_lists_valid_values(self, client, auth, universe) -> None:  # type: ignore[no-untyped-def]
        assert (
            self._error(client, auth, {"seniorities": ["boss"]})["details"]["valid"] == SENIORITIES
        )

    def test_limit_and_page_out_of_range(self, client, auth, universe) -> None:  # type: ignore[no-untyped-def]
        self._error(client, auth, {"limit": 101})
        self._error(client, auth, {"limit": 0})
        self._error(client, auth, {"page": 0})
        self._error(client, auth, {"page": "two"})

    def test_unknown_filter_and_wrong_types(self, client, auth, universe) -> None:  # type: ignore[no-untyped-def]
        self._error(client, auth, {"colour": "blue"})
        self._error(client, auth, {"titles": {"a": 1}})
        self._error(client, auth, {"employees": "many"})

    def test_malformed_json(self, client, auth, universe) -> None:  # type: ignore[no-untyped-def]
        r = client.post(
            "/v1/prospector/search",
            content=b"{not json",
            headers={**auth, "Content-Type": "application/json"},
        )
        assert r.status_code == 400 and r.json()["error"]["code"] == "validation_error"


class TestTaxonomy:
    def test_lists_every_vocabulary(self, client, auth) -> None:  # type: ignore[no-untyped-def]
        r = client.get("/v1/prospector/taxonomy", headers=auth)
        assert r.status_code == 200
        data = r.json()["data"]
        assert data["industries"] == INDUSTRIES and data["seniorities"] == SENIORITIES
        assert {"Law Practice", "Computer Software", "Banking", "Hospital & Health Care"} <= set(
            data["industries"]
        )
        assert data["headcount_buckets"][2] == {"label": "51-200", "min": 51, "max": 200}
        assert sum(len(s["industries"]) for s in data["sectors"]) == len(INDUSTRIES)


class TestScopes:
    def test_search_needs_prospects_read(self, client, factory, workspace, universe) -> None:  # type: ignore[no-untyped-def]
        headers = factory.headers(workspace.id, scopes=["contacts:read"])
        r = client.post("/v1/prospector/search", json={}, headers=headers)
        assert r.status_code == 403 and r.json()["error"]["code"] == "insufficient_permissions"
        assert client.get("/v1/prospector/taxonomy", headers=headers).status_code == 403

    def test_save_needs_contacts_write(self, client, factory, workspace, universe) -> None:  # type: ignore[no-untyped-def]
        headers = factory.headers(workspace.id, scopes=["prospects:read"])
        r = client.post(
            "/v1/prospects/save", json={"prospects": [{"name": "A B"}]}, headers=headers
        )
        assert r.status_code == 403

    def test_the_universe_cannot_be_written_over_http(self, client, factory, workspace) -> None:  # type: ignore[no-untyped-def]
        """The universe is operator data (``lexi prospects import``); no key of any scope adds to
        it, and ``prospects:write`` is not a scope a key can be given."""
        headers = factory.headers(workspace.id, scopes=["all"])
        r = client.post("/v1/prospector/import", json={"rows": []}, headers=headers)
        assert r.status_code in (404, 405)
        r = client.post(
            "/v1/api-keys", json={"name": "w", "permissions": ["prospects:write"]}, headers=headers
        )
        assert r.status_code == 400 and r.json()["error"]["code"] == "validation_error"

    def test_no_key_is_401(self, client) -> None:  # type: ignore[no-untyped-def]
        assert client.post("/v1/prospector/search", json={}).status_code == 401
