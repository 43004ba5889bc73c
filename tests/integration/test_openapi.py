"""/openapi.json documents every route's scope and errors; /docs renders with no internet."""

import re

import pytest

from lexi.openapi import api_routes, route_scopes


@pytest.fixture
def schema(client) -> dict:  # type: ignore[no-untyped-def]
    r = client.get("/openapi.json")
    assert r.status_code == 200
    return r.json()


class TestOpenApiDocument:
    def test_lists_every_v1_route_with_its_scope(self, app, schema) -> None:
        routes = [(p, ms, r) for p, ms, r in api_routes(app) if p.startswith("/v1/")]
        assert routes
        for path, methods, route in routes:
            for method in methods:
                op = schema["paths"][path][method.lower()]
                assert op["x-required-scopes"] == route_scopes(route), (method, path)
                assert op["security"] == [{"bearer": route_scopes(route)}]

    def test_every_operation_documents_the_error_responses(self, schema) -> None:
        for path, ops in schema["paths"].items():
            if not path.startswith("/v1/"):
                continue
            for method, op in ops.items():
                for status in ("400", "401", "403", "429"):
                    assert status in op["responses"], (method, path, status)
                    ref = op["responses"][status]["content"]["application/json"]["schema"]["$ref"]
                    assert ref == "#/components/schemas/Error"
                assert "422" not in op["responses"], (method, path)

    def test_declares_the_bearer_scheme_and_the_error_schema(self, schema) -> None:
        assert schema["components"]["securitySchemes"]["bearer"]["scheme"] == "bearer"
        assert schema["components"]["schemas"]["Error"]["required"] == ["error"]

    def test_health_and_docs_are_not_in_the_document(self, schema) -> None:
        assert "/health" not in schema["paths"]
        assert "/docs" not in schema["paths"]


class TestOfflineDocs:
    def test_docs_page_references_only_local_assets_that_are_served(self, client) -> None:
        r = client.get("/docs")
        assert r.status_code == 200
        html = r.text
        urls = re.findall(r"""(?:src|href)=["']([^"']+)["']""", html)
        assert urls, "expected the page to load the Swagger UI assets"
        assert not re.search(r"https?://", html), "the docs page must not reference remote URLs"
        for url in urls:
            asset = client.get(url)
            assert asset.status_code == 200, url
            assert len(asset.content) > 100, url
        assert any(u.endswith(".js") for u in urls) and any(u.endswith(".css") for u in urls)

    def test_redoc_is_offline_too(self, client) -> None:
        r = client.get("/redoc")
        assert r.status_code == 200
        assert not re.search(r"https?://(?!127\.0\.0\.1)", r.text)
        for url in re.findall(r"""src=["']([^"']+)["']""", r.text):
            assert client.get(url).status_code == 200, url

    def test_the_docs_point_at_the_served_openapi_document(self, client) -> None:
        assert "/openapi.json" in client.get("/docs").text


class TestDocumentedStatuses:
    def test_creating_an_existing_contact_answers_a_documented_200(
        self, client, auth, schema
    ) -> None:  # type: ignore[no-untyped-def]
        body = {"email": "same.person@example.com", "full_name": "Same Person"}
        assert client.post("/v1/contacts", json=body, headers=auth).status_code == 201
        again = client.post("/v1/contacts", json=body, headers=auth)
        assert again.status_code == 200
        documented = schema["paths"]["/v1/contacts"]["post"]["responses"]
        assert "200" in documented and "201" in documented
        assert (
            documented["200"]["content"]["application/json"]["schema"]
            == (documented["201"]["content"]["application/json"]["schema"])
        )
