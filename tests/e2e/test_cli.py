"""The operator CLI: set up a database, a workspace, keys and credits, then serve them.

Each story runs the real commands (typer's CliRunner, in process) against a real database;
`lexi serve` runs as a real process.
"""

import json
import uuid

import click
import httpx
import pytest
import typer.main
from typer.testing import CliRunner

from lexi.cli import app

runner = CliRunner()


def run(*args: str) -> "click.testing.Result":  # type: ignore[name-defined]
    return runner.invoke(app, list(args))


def ok(*args: str) -> str:
    result = run(*args)
    assert result.exit_code == 0, (args, result.output, result.stderr)
    return result.stdout.strip()


def failed(*args: str, code: int | None = None) -> str:
    result = run(*args)
    assert result.exit_code != 0, (args, result.output)
    if code is not None:
        assert result.exit_code == code, (result.exit_code, result.output)
    message = result.stderr.strip()
    assert message.startswith("error: ") or "Usage:" in message, message
    if message.startswith("error: "):
        assert "\n" not in message and "Traceback" not in message, message
    return message


@pytest.fixture
def fresh_sqlite(tmp_path) -> str:  # type: ignore[no-untyped-def]
    return f"sqlite:///{tmp_path / 'cli.db'}"


@pytest.fixture
def url(migrated: str) -> str:
    return migrated


@pytest.fixture
def ws_id(url: str) -> str:
    return ok(
        "workspaces",
        "create",
        f"cli-{uuid.uuid4().hex[:8]}",
        "--credits",
        "50",
        "--plan",
        "pro",
        "--database-url",
        url,
    )


NO_DATABASE = "no Lexi database at {}; run `lexi db upgrade` or `lexi demo`"


class TestDbCommands:
    def test_upgrade_creates_the_schema_and_current_reports_it(
        self, fresh_sqlite, tmp_path
    ) -> None:
        assert failed("db", "current", "--database-url", fresh_sqlite) == "error: " + (
            NO_DATABASE.format(tmp_path / "cli.db")
        )
        assert not (tmp_path / "cli.db").exists()
        out = ok("db", "upgrade", "--database-url", fresh_sqlite)
        head = ok("db", "current", "--database-url", fresh_sqlite)
        assert head != "(empty)" and head in out

    def test_downgrade_to_base_empties_it(self, fresh_sqlite) -> None:
        ok("db", "upgrade", "--database-url", fresh_sqlite)
        ok("db", "downgrade", "base", "--database-url", fresh_sqlite)
        assert ok("db", "current", "--database-url", fresh_sqlite) == "(empty)"

    @pytest.mark.parametrize("command", [["upgrade"], ["downgrade", "base"], ["current"]])
    def test_an_unreachable_database_is_one_clear_line(self, command) -> None:
        message = failed(
            "db", *command, "--database-url", "postgresql+psycopg://postgres@127.0.0.1:1/nowhere"
        )
        assert "connect" in message.lower()

    @pytest.mark.parametrize(
        "command", [["db", "upgrade"], ["db", "current"], ["workspaces", "list"]]
    )
    def test_a_malformed_database_url_is_one_clear_line(self, command) -> None:
        failed(*command, "--database-url", "not a url")


class TestCommandsNeedAnExistingDatabase:
    """An operator command pointed at a database that is not there says so in one line; it never
    creates an empty SQLite file on the way."""

    @pytest.mark.parametrize(
        "command",
        [
            ["workspaces", "list"],
            ["workspaces", "create", "Acme"],
            ["credits", "show", "--workspace", str(uuid.UUID(int=1))],
            ["keys", "list", "--workspace", str(uuid.UUID(int=1))],
            ["prospects", "search", "{}"],
            ["db", "downgrade", "base"],
        ],
        ids=" ".join,
    )
    def test_a_missing_sqlite_file_is_named_and_not_created(self, command, tmp_path) -> None:
        path = tmp_path / "nowhere" / "lexi.db"
        message = failed(*command, "--database-url", f"sqlite:///{path}")
        assert message == "error: " + NO_DATABASE.format(path)
        assert not path.parent.exists()

    def test_the_default_database_in_the_data_directory(self, tmp_path) -> None:  # type: ignore[no-untyped-def]
        """Run as a user would, outside any checkout: the default database is not created in the
        working directory or the data directory."""
        import os
        import subprocess
        import sys

        env = {k: v for k, v in os.environ.items() if not k.startswith("LEXI_")}
        env["LEXI_DATA_DIR"] = str(tmp_path / "data")
        work = tmp_path / "work"
        work.mkdir()
        result = subprocess.run(
            [sys.executable, "-m", "lexi", "workspaces", "list"],
            cwd=work,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert result.returncode == 1 and result.stdout == ""
        assert result.stderr.strip() == "error: " + NO_DATABASE.format(tmp_path / "data/lexi.db")
        assert list(work.iterdir()) == [] and not (tmp_path / "data").exists()

    def test_an_empty_sqlite_file_is_not_a_lexi_database(self, tmp_path) -> None:  # type: ignore[no-untyped-def]
        path = tmp_path / "empty.db"
        path.touch()
        message = failed("workspaces", "list", "--database-url", f"sqlite:///{path}")
        assert message == "error: " + NO_DATABASE.format(path)

    @pytest.mark.postgres
    def test_postgresql_without_the_tables_gives_the_same_message(self, migrated) -> None:  # type: ignore[no-untyped-def]
        from sqlalchemy import create_engine, text
        from sqlalchemy.engine import make_url

        schema = f"empty_{uuid.uuid4().hex[:10]}"
        engine = create_engine(migrated)
        with engine.begin() as conn:
            conn.execute(text(f"CREATE SCHEMA {schema}"))
        try:
            empty = make_url(migrated).update_query_dict({"options": f"-csearch_path={schema}"})
            url = empty.render_as_string(hide_password=False)
            message = failed("workspaces", "list", "--database-url", url)
            assert message.startswith("error: no Lexi database at postgresql+psycopg://")
            assert message.endswith("; run `lexi db upgrade` or `lexi demo`")
        finally:
            with engine.begin() as conn:
                conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
            engine.dispose()


class TestWorkspaces:
    def test_list_has_a_header_row(self, url, ws_id) -> None:  # type: ignore[no-untyped-def]
        lines = ok("workspaces", "list", "--database-url", url).splitlines()
        header = next(line for line in lines if "Id" in line)
        assert header.replace("┃", " ").split() == ["Id", "Plan", "Balance", "Name"]

    def test_a_duplicate_name_is_created_with_a_warning(self, url) -> None:  # type: ignore[no-untyped-def]
        name = f"twin-{uuid.uuid4().hex[:6]}"
        first = run("workspaces", "create", name, "--database-url", url)
        assert first.exit_code == 0 and first.stderr == ""
        second = run("workspaces", "create", name, "--database-url", url)
        assert second.exit_code == 0, second.output
        first_id, second_id = first.stdout.strip(), second.stdout.strip()
        assert first_id != second_id
        assert second.stderr.startswith(f"warning: a workspace named '{name}' already exists")
        assert first_id in second.stderr and second_id in second.stderr
        listing = run("workspaces", "list", "--database-url", url)
        assert first_id in listing.stdout and second_id in listing.stdout
        assert f"warning: 2 workspaces are named '{name}'" in listing.stderr

    def test_create_prints_the_id_and_list_shows_it(self, url) -> None:
        name = f"acme-{uuid.uuid4().hex[:6]}"
        ws = ok(
            "workspaces",
            "create",
            name,
            "--credits",
            "25",
            "--plan",
            "organization",
            "--database-url",
            url,
        )
        assert str(uuid.UUID(ws)) == ws
        line = next(
            line
            for line in ok("workspaces", "list", "--database-url", url).splitlines()
            if ws in line
        )
        assert "organization" in line and "25 credits" in line and name in line

    def test_unknown_plan_is_refused(self, url) -> None:
        message = failed("workspaces", "create", "x", "--plan", "gold", "--database-url", url)
        assert "gold" in message

    def test_negative_credits_are_refused(self, url) -> None:
        failed("workspaces", "create", "x", "--credits", "-5", "--database-url", url, code=2)

    def test_an_unreachable_database_is_one_clear_line(self) -> None:
        message = failed(
            "workspaces", "list", "--database-url", "postgresql+psycopg://postgres@127.0.0.1:1/x"
        )
        assert "database" in message


class TestKeys:
    def test_create_prints_a_working_plaintext_key(self, url, ws_id) -> None:
        key = ok(
            "keys",
            "create",
            "--workspace",
            ws_id,
            "--name",
            "ops",
            "--scopes",
            "lexi,read:contacts",
            "--database-url",
            url,
        )
        assert key.startswith("wbk_") and len(key) == 42
        listing = ok("keys", "list", "--workspace", ws_id, "--database-url", url)
        assert key[:8] in listing and key not in listing and "contacts:read" in listing

    def test_create_json_has_the_key_object(self, url, ws_id) -> None:
        out = json.loads(
            ok(
                "keys",
                "create",
                "--workspace",
                ws_id,
                "--name",
                "j",
                "--scopes",
                "write",
                "--tier",
                "unmetered",
                "--json",
                "--database-url",
                url,
            )
        )
        assert out["key"].startswith("wbk_") and out["prefix"] == out["key"][:8]
        assert out["workspace_id"] == ws_id and out["rate_limit_tier"] == "unmetered"
        assert "contacts:write" in out["permissions"]

    def test_revoke_hides_the_key_from_the_list(self, url, ws_id) -> None:
        ok(
            "keys",
            "create",
            "--workspace",
            ws_id,
            "--name",
            "admin",
            "--scopes",
            "admin:api_keys",
            "--database-url",
            url,
        )
        made = json.loads(
            ok(
                "keys",
                "create",
                "--workspace",
                ws_id,
                "--name",
                "temp",
                "--scopes",
                "read",
                "--json",
                "--database-url",
                url,
            )
        )
        assert (
            ok("keys", "revoke", made["id"], "--workspace", ws_id, "--database-url", url)
            == f"revoked {made['id']}"
        )
        assert made["id"] not in ok("keys", "list", "--workspace", ws_id, "--database-url", url)
        revoked = ok(
            "keys", "list", "--workspace", ws_id, "--include-revoked", "--database-url", url
        )
        assert made["id"] in revoked and "revoked" in revoked

    def test_the_last_admin_key_cannot_be_revoked(self, url, ws_id) -> None:
        made = json.loads(
            ok(
                "keys",
                "create",
                "--workspace",
                ws_id,
                "--name",
                "only admin",
                "--scopes",
                "admin:api_keys",
                "--json",
                "--database-url",
                url,
            )
        )
        message = failed("keys", "revoke", made["id"], "--workspace", ws_id, "--database-url", url)
        assert "last admin key" in message

    def test_unknown_scope_is_refused(self, url, ws_id) -> None:
        message = failed(
            "keys",
            "create",
            "--workspace",
            ws_id,
            "--name",
            "x",
            "--scopes",
            "lexi,superuser",
            "--database-url",
            url,
        )
        assert "superuser" in message

    def test_unknown_tier_is_refused(self, url, ws_id) -> None:
        failed(
            "keys",
            "create",
            "--workspace",
            ws_id,
            "--name",
            "x",
            "--scopes",
            "lexi",
            "--tier",
            "gold",
            "--database-url",
            url,
        )

    def test_a_bad_workspace_uuid_is_a_usage_error(self, url) -> None:
        message = failed(
            "keys",
            "create",
            "--workspace",
            "nope",
            "--name",
            "x",
            "--scopes",
            "lexi",
            "--database-url",
            url,
            code=2,
        )
        assert "UUID" in message

    def test_an_unknown_workspace_is_refused(self, url) -> None:
        message = failed(
            "keys",
            "create",
            "--workspace",
            str(uuid.uuid4()),
            "--name",
            "x",
            "--scopes",
            "lexi",
            "--database-url",
            url,
        )
        assert "not found" in message

    def test_listing_an_unknown_workspace_is_refused(self, url) -> None:
        assert "not found" in failed(
            "keys", "list", "--workspace", str(uuid.uuid4()), "--database-url", url
        )

    def test_revoking_another_workspaces_key_is_not_found(self, url, ws_id) -> None:
        other = ok("workspaces", "create", "other", "--database-url", url)
        made = json.loads(
            ok(
                "keys",
                "create",
                "--workspace",
                other,
                "--name",
                "t",
                "--scopes",
                "read",
                "--json",
                "--database-url",
                url,
            )
        )
        failed("keys", "revoke", made["id"], "--workspace", ws_id, "--database-url", url)


class TestCredits:
    def test_grant_adds_and_show_lists_the_ledger(self, url, ws_id) -> None:
        assert (
            ok(
                "credits",
                "grant",
                "--workspace",
                ws_id,
                "--amount",
                "30",
                "--reason",
                "top up",
                "--database-url",
                url,
            )
            == "balance 80"
        )
        out = ok("credits", "show", "--workspace", ws_id, "--database-url", url).splitlines()
        assert out[0] == "balance 80"
        header = next(i for i, line in enumerate(out) if "When (UTC)" in line)
        assert out[header].replace("┃", " ").split()[-3:] == ["Kind", "Amount", "Reason"]
        rows = [line for line in out[header + 1 :] if "grant" in line or "top up" in line]
        assert "top up" in rows[0] and "+30" in rows[0]
        assert "initial grant" in rows[1] and "+50" in rows[1]

    def test_grant_of_zero_is_refused(self, url, ws_id) -> None:
        failed(
            "credits", "grant", "--workspace", ws_id, "--amount", "0", "--database-url", url, code=2
        )

    def test_grant_to_an_unknown_workspace_is_refused(self, url) -> None:
        message = failed(
            "credits",
            "grant",
            "--workspace",
            str(uuid.uuid4()),
            "--amount",
            "5",
            "--database-url",
            url,
        )
        assert "not found" in message

    def test_show_for_an_unknown_workspace_is_refused(self, url) -> None:
        failed("credits", "show", "--workspace", str(uuid.uuid4()), "--database-url", url)


def _all_commands() -> list[list[str]]:
    root = typer.main.get_command(app)
    out: list[list[str]] = [[]]

    def walk(cmd: click.Command, path: list[str]) -> None:
        if isinstance(cmd, click.Group):
            for name, sub in cmd.commands.items():
                out.append(path + [name])
                walk(sub, path + [name])

    walk(root, [])
    return out


class TestHelp:
    @pytest.mark.parametrize("path", _all_commands(), ids=lambda p: " ".join(p) or "lexi")
    def test_every_command_and_group_has_help(self, path) -> None:
        result = run(*path, "--help")
        assert result.exit_code == 0, result.output
        assert "Usage:" in result.stdout

    def test_version(self) -> None:
        assert ok("--version").startswith("lexi ")

    def test_a_summary_wraps_at_the_terminal_not_where_the_source_did(self) -> None:
        result = runner.invoke(app, ["--help"], env={"COLUMNS": "200", "NO_COLOR": "1"})
        [mcp] = [line for line in result.stdout.splitlines() if "│ mcp " in line]
        assert "Every call acts as the API key given, with its scopes, credits and approvals" in mcp


@pytest.mark.slow
class TestServe:
    def test_serve_migrates_a_new_database_and_answers_with_a_cli_made_key(self, tmp_path) -> None:
        from tests.helpers.server import LexiServer

        url = f"sqlite:///{tmp_path / 'served.db'}"
        with LexiServer(url) as server:
            ws = ok("workspaces", "create", "served", "--credits", "7", "--database-url", url)
            key = ok(
                "keys",
                "create",
                "--workspace",
                ws,
                "--name",
                "k",
                "--scopes",
                "lexi",
                "--database-url",
                url,
            )
            r = httpx.get(server.url + "/v1/credits", headers={"Authorization": f"Bearer {key}"})
            assert r.status_code == 200
            assert r.json()["data"]["balance"] == 7

    def test_serve_with_an_unreachable_database_exits_with_one_line(self) -> None:
        import subprocess
        import sys

        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "lexi",
                "serve",
                "--port",
                "1",
                "--database-url",
                "postgresql+psycopg://postgres@127.0.0.1:1/x",
            ],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert proc.returncode != 0
        lines = [line for line in proc.stderr.splitlines() if line.strip()]
        assert len(lines) == 1 and lines[0].startswith("error: ")
