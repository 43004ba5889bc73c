"""Project conventions checked mechanically, so they hold for routes and settings added later."""

import ast
import re
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from lexi.auth.scopes import ALL_SCOPES
from lexi.config import Settings
from lexi.errors import ERROR_CODES, NOT_FOUND_CODES
from lexi.openapi import api_routes, route_scopes

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "lexi"


def _v1_routes():  # type: ignore[no-untyped-def]
    from lexi.app import create_app

    app = create_app(Settings(database_url="sqlite:///:memory:"))
    return [
        (path, method, route)
        for path, methods, route in api_routes(app)
        if path.startswith("/v1/")
        for method in sorted(methods)
    ]


V1_ROUTES = _v1_routes()
ROUTE_IDS = [f"{m} {p}" for p, m, _ in V1_ROUTES]


def _concrete(path: str) -> str:
    return re.sub(r"\{[^}]+\}", lambda _: str(uuid.uuid4()), path)


class TestEveryRouteDeclaresAScope:
    def test_there_are_v1_routes_to_check(self) -> None:
        assert len(V1_ROUTES) >= 4

    @pytest.mark.parametrize("path,method,route", V1_ROUTES, ids=ROUTE_IDS)
    def test_route_declares_a_known_scope(self, path, method, route) -> None:
        scopes = route_scopes(route)
        assert scopes, (
            f"{method} {path} declares no scope; take one of lexi.auth.dependencies' aliases"
        )
        assert set(scopes) <= set(ALL_SCOPES)


@pytest.fixture
def open_client(settings, db):  # type: ignore[no-untyped-def]
    """A client whose per-IP limit for keyless requests cannot interfere with the sweep."""
    from fastapi.testclient import TestClient

    from lexi.app import create_app

    app = create_app(settings.model_copy(update={"anonymous_per_minute": 1_000_000}), db=db)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


class TestEveryRouteEnforcesItsScope:
    @pytest.mark.parametrize("path,method,route", V1_ROUTES, ids=ROUTE_IDS)
    def test_without_a_key_is_401(self, open_client, path, method, route) -> None:
        body = {} if method in {"POST", "PATCH", "PUT"} else None
        r = open_client.request(method, _concrete(path), json=body)
        assert r.status_code == 401, r.text
        assert r.json()["error"]["code"] == "invalid_key"

    @pytest.mark.parametrize("path,method,route", V1_ROUTES, ids=ROUTE_IDS)
    def test_a_key_without_the_scope_is_403(
        self, open_client, factory, workspace, path, method, route
    ) -> None:
        others = [s for s in ALL_SCOPES if s not in route_scopes(route)]
        headers = factory.headers(workspace.id, scopes=others, tier="unmetered")
        body = {} if method in {"POST", "PATCH", "PUT"} else None
        r = open_client.request(method, _concrete(path), headers=headers, json=body)
        assert r.status_code == 403, r.text
        assert r.json()["error"]["code"] == "insufficient_permissions"


def _python_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.py") if "__pycache__" not in p.parts)


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text())
    out: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                out.append("." * node.level + (node.module or ""))
            elif node.module:
                out.append(node.module)
    return out


class TestLayering:
    def test_the_client_imports_nothing_from_the_server(self) -> None:
        client_dir = PACKAGE / "client"
        if not client_dir.exists():
            pytest.skip("no lexi.client package")
        bad = []
        for path in _python_files(client_dir):
            for name in _imports(path):
                if name.startswith("..") or (
                    name.startswith("lexi")
                    and not name.startswith("lexi.client")
                    and name != "lexi"
                ):
                    bad.append(f"{path.relative_to(ROOT)}: {name}")
        assert bad == []

    def test_importing_the_client_loads_no_server_module(self) -> None:
        if not (PACKAGE / "client").exists():
            pytest.skip("no lexi.client package")
        code = (
            "import sys, lexi.client\n"
            "server = [m for m in sys.modules if m.startswith('lexi.')\n"
            "          and not m.startswith('lexi.client')]\n"
            "server += [m for m in ('fastapi', 'sqlalchemy', 'starlette') if m in sys.modules]\n"
            "print('\\n'.join(server))"
        )
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
        )
        assert out.stdout.strip() == ""

    @pytest.mark.parametrize(
        "path", _python_files(PACKAGE), ids=lambda p: str(p.relative_to(PACKAGE))
    )
    def test_services_never_import_fastapi(self, path: Path) -> None:
        if path.name != "service.py":
            return
        assert not [n for n in _imports(path) if n.split(".")[0] in {"fastapi", "starlette"}]

    @pytest.mark.parametrize(
        "path", _python_files(PACKAGE), ids=lambda p: str(p.relative_to(PACKAGE))
    )
    def test_services_and_endpoints_build_no_queries(self, path: Path) -> None:
        if path.name not in {"service.py", "endpoints.py"}:
            return
        builders = {"select", "update", "delete", "insert", "text"}
        found = [
            alias.name
            for node in ast.walk(ast.parse(path.read_text()))
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("sqlalchemy")
            for alias in node.names
            if alias.name in builders
        ]
        assert found == [], "queries belong in repository.py"


class TestDocumentation:
    def test_every_setting_is_documented(self) -> None:
        text = (ROOT / "docs" / "configuration.md").read_text()
        rows = {m.group(1) for m in re.finditer(r"^\|\s*`(LEXI_[A-Z0-9_]+)`", text, re.M)}
        expected = {f"LEXI_{name.upper()}" for name in Settings.model_fields}
        assert expected - rows == set(), "add a row to docs/configuration.md"
        assert rows - expected == set(), "docs/configuration.md names settings that do not exist"

    def test_every_error_code_is_documented_with_its_status(self) -> None:
        text = (ROOT / "docs" / "api.md").read_text()
        documented = {**ERROR_CODES, **dict.fromkeys(NOT_FOUND_CODES, 404)}
        missing = [
            code
            for code, status in documented.items()
            if not re.search(rf"^\|\s*{status}\s*\|\s*`{code}`", text, re.M)
        ]
        assert missing == [], "document these codes in docs/api.md's error table"

    def test_every_error_code_raised_in_the_package_is_registered(self) -> None:
        used = set()
        for path in _python_files(PACKAGE):
            if "client" in path.relative_to(PACKAGE).parts:
                continue
            used |= set(re.findall(r"\bcode=\"([a-z_]+)\"", path.read_text()))
        unknown = used - set(ERROR_CODES) - NOT_FOUND_CODES
        assert unknown == set(), (
            "register these in lexi.errors (ERROR_CODES or NOT_FOUND_CODES) and docs/api.md"
        )
