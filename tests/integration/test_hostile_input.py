"""Hostile input gets a clear 4xx in the envelope, never a 500, and nothing is written.

Deeply nested JSON (checked before anything parses or walks it), huge numbers in chat, oversized
headers, punctuation-only keywords, names hiding bidi or zero-width characters, CSV formula cells
(escaped on export, restored exactly on import), and 405 answers that say what is allowed.
"""

from __future__ import annotations

import csv
import io
import uuid

import pytest

from tests.conftest import unique


def _error(r, status: int, code: str) -> dict:  # type: ignore[no-untyped-def]
    assert r.status_code == status, r.text
    body = r.json()
    assert body["error"]["code"] == code, body
    return body["error"]


class TestDeepJson:
    def test_hundred_thousand_deep_array_with_an_idempotency_key(self, client, auth):
        body = b"[" * 100_000 + b"]" * 100_000
        r = client.post(
            "/v1/lists",
            content=body,
            headers={**auth, "Content-Type": "application/json", "Idempotency-Key": unique()},
        )
        err = _error(r, 400, "validation_error")
        assert "nest" in err["message"]

    def test_five_thousand_deep_object_holding_a_nul(self, client, auth):
        body = b'{"a":' * 5000 + b'"\\u0000"' + b"}" * 5000
        r = client.post(
            "/v1/lists", content=body, headers={**auth, "Content-Type": "application/json"}
        )
        _error(r, 400, "validation_error")

    def test_ordinary_nesting_is_fine(self, client, auth):
        r = client.post(
            "/v1/contacts",
            json={"full_name": "Nested Ok", "custom_fields": {"a": "[[{{not brackets}}]]"}},
            headers=auth,
        )
        assert r.status_code == 201, r.text


class TestHugeNumbersInChat:
    @pytest.mark.parametrize(
        "message",
        [
            "find " + "9" * 309 + " CEOs in New York",
            "companies with more than " + "1" + "0" * 308 + " employees",
            "show me " + "1" + "0" * 308 + "k people",
        ],
        ids=["count", "employees", "thousands"],
    )
    def test_a_309_digit_number_is_not_a_500(self, client, auth, universe, message):
        r = client.post("/v1/lexi/chat", json={"message": message}, headers=auth)
        assert r.status_code < 500, r.text


class TestHeaderSize:
    def test_an_oversized_header_is_431(self, client, auth):
        r = client.get("/v1/credits", headers={**auth, "X-Padding": "x" * (64 * 1024)})
        err = _error(r, 431, "headers_too_large")
        assert err["details"]["max_bytes"] == 32 * 1024


class TestPunctuationKeywords:
    @pytest.mark.parametrize("field", ["keywords", "titles", "technologies"])
    def test_punctuation_only_values_are_400(self, client, auth, universe, field):
        r = client.post("/v1/prospector/search", json={field: ["%"]}, headers=auth)
        err = _error(r, 400, "validation_error")
        assert field in err["details"]["fields"]


HIDDEN = {
    "bidi override": "Invoice\u202efdp.exe",
    "bidi isolate": "Acme\u2066Corp\u2069",
    "zero-width space": "Sales\u200bLeads",
    "zero-width joiner": "Sales\u200dLeads",
    "byte order mark": "\ufeffLeads",
}


class TestNames:
    @pytest.mark.parametrize("name", list(HIDDEN.values()), ids=list(HIDDEN))
    def test_hidden_characters_are_rejected_everywhere(self, client, auth, name):
        lists = client.post("/v1/lists", json={"name": name}, headers=auth)
        keys = client.post(
            "/v1/api-keys", json={"name": name, "permissions": ["read"]}, headers=auth
        )
        contact = client.post("/v1/contacts", json={"full_name": name}, headers=auth)
        company = client.post(
            "/v1/contacts", json={"full_name": "Plain Name", "company_name": name}, headers=auth
        )
        for r, field in ((lists, "name"), (keys, "name"), (contact, "full_name")):
            err = _error(r, 400, "validation_error")
            assert field in err["details"]["fields"], err
        _error(company, 400, "validation_error")

    def test_look_alikes_are_normalised(self, client, auth):
        r = client.post("/v1/lists", json={"name": "Ｆｕｌｌｗｉｄｔｈ ﬁrms"}, headers=auth)
        assert r.status_code == 201, r.text
        assert r.json()["data"]["name"] == "Fullwidth firms"
        again = client.post("/v1/lists", json={"name": "Fullwidth firms"}, headers=auth)
        _error(again, 409, "conflict")
        c = client.post("/v1/contacts", json={"full_name": "Ｊａｎｅ Ｄｏｅ"}, headers=auth)
        assert c.status_code == 201, r.text
        assert c.json()["data"]["full_name"] == "Jane Doe"


FORMULAS = ["=1+1", "+1+1", "-2+3", "@SUM(A1)", "\tindent", "\rreturn", "'=quoted", "plain"]


class TestCsvRoundTrip:
    def test_export_escapes_formula_cells_and_import_restores_them(self, client, factory, auth):
        for i, value in enumerate(FORMULAS):
            r = client.post(
                "/v1/contacts",
                json={
                    "full_name": f"Person {i}",
                    "job_title": value,
                    "company_name": f"Co{i}",
                    "phone": "+1 555 0100" if i == 0 else None,
                    "city": value,
                },
                headers=auth,
            )
            assert r.status_code == 201, r.text
        exported = client.get("/v1/contacts/export", headers=auth)
        assert exported.status_code == 200
        rows = list(csv.DictReader(io.StringIO(exported.text, newline="")))
        for row in rows:
            for column in ("job_title", "city", "phone"):
                cell = row[column]
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (column, cell)

        other = factory.workspace()
        other_auth = factory.headers(other.id, scopes=["all"])
        imported = client.post(
            "/v1/import/contacts", json={"csv": exported.text}, headers=other_auth
        )
        assert imported.status_code == 200, imported.text
        before = client.get("/v1/contacts?per_page=100", headers=auth).json()["data"]
        after = client.get("/v1/contacts?per_page=100", headers=other_auth).json()["data"]
        fields = ("full_name", "job_title", "city", "phone")
        assert sorted(tuple(c[f] for f in fields) for c in after) == sorted(
            tuple(c[f] for f in fields) for c in before
        )


class TestMethodNotAllowed:
    def test_405_says_which_methods_are_allowed(self, client, auth):
        r = client.put("/v1/credits", headers=auth)
        _error(r, 405, "method_not_allowed")
        assert r.headers["allow"] == "GET"

    def test_405_names_the_methods_of_every_route_on_the_path(self, client, auth):
        # GET and POST /v1/api-keys are two routes; Allow lists both.
        r = client.put("/v1/api-keys", headers=auth, json={})
        _error(r, 405, "method_not_allowed")
        assert r.headers["allow"] == "GET, POST"
        r = client.put(f"/v1/lists/{uuid.uuid4()}", headers=auth, json={})
        _error(r, 405, "method_not_allowed")
        assert r.headers["allow"] == "DELETE, GET, PATCH"

    def test_a_fixed_path_is_not_read_as_a_parameter_in_allow(self, client, auth):
        # /v1/contacts/bulk (POST) also fits /v1/contacts/{contact_id}; the fixed path wins.
        r = client.put("/v1/contacts/bulk", headers=auth, json={})
        _error(r, 405, "method_not_allowed")
        assert r.headers["allow"] == "POST"
