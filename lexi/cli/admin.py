"""Operator commands that act on the database directly: workspaces, keys, credits."""

from __future__ import annotations

import json
from datetime import datetime

import typer

from lexi.cli.common import DB_OPTION, database, operator, parse_uuid, print_table, warn

workspaces_app = typer.Typer(help="Create and list workspaces.", no_args_is_help=True)
keys_app = typer.Typer(help="Create, list and revoke API keys.", no_args_is_help=True)
credits_app = typer.Typer(help="Grant and inspect credits.", no_args_is_help=True)


@workspaces_app.command("create")
def workspaces_create(
    name: str = typer.Argument(..., help="Workspace name."),
    credits: int = typer.Option(0, "--credits", min=0, help="Initial credit grant."),
    plan: str = typer.Option("starter", "--plan", help="starter, pro or organization."),
    database_url: str | None = DB_OPTION,
) -> None:
    """Create a workspace and print its id (names need not be unique: a second workspace with
    the same name is created with a warning; tell them apart by id)."""
    from lexi.workspaces import service

    with database(database_url) as db, db.unit_of_work() as session:
        same_name = service.find_by_name(session, name.strip())
        ws = service.create(session, name, plan=plan, credits=credits, actor=operator())
        ws_id, created_name = ws.id, ws.name
        other_id = same_name.id if same_name is not None else None
    if other_id is not None:
        warn(
            f"a workspace named {created_name!r} already exists ({other_id}); "
            f"created another one, {ws_id}. Use ids to tell them apart."
        )
    typer.echo(str(ws_id))


@workspaces_app.command("list")
def workspaces_list(database_url: str | None = DB_OPTION) -> None:
    """List workspaces with their plan and balance (warns about names used more than once)."""
    from collections import Counter

    from lexi.cli import reads
    from lexi.paths import database_url as resolve

    with reads.connect(resolve(database_url)) as conn:
        rows = [
            [str(ws.id), ws.plan, f"{ws.credit_balance} credits", ws.name]
            for ws in reads.workspaces(conn)
        ]
    print_table("Workspaces", ["Id", "Plan", "Balance", "Name"], rows, wrap=("Name",))
    for name, count in sorted(Counter(row[3] for row in rows).items()):
        if count > 1:
            warn(f"{count} workspaces are named {name!r}; use their ids to tell them apart.")


@keys_app.command("create")
def keys_create(
    workspace: str = typer.Option(..., "--workspace", help="Workspace id."),
    name: str = typer.Option(..., "--name", help="Key name."),
    scopes: str = typer.Option(
        ..., "--scopes", help="Comma-separated scopes, e.g. lexi,contacts:read,write or all."
    ),
    tier: str = typer.Option(
        "standard", "--tier", help="standard, high, unmetered, or a plan name to pin its limits."
    ),
    description: str | None = typer.Option(None, "--description", help="Free text."),
    expires_at: datetime | None = typer.Option(None, "--expires-at", help="ISO 8601 expiry."),
    as_json: bool = typer.Option(False, "--json", help="Print the key object as JSON."),
    database_url: str | None = DB_OPTION,
) -> None:
    """Create an API key and print its plaintext (shown only once)."""
    from lexi.auth import service
    from lexi.auth.schemas import ApiKeyOut
    from lexi.workspaces import service as workspaces

    ws_id = parse_uuid(workspace, "--workspace")
    scope_list = [s for s in scopes.split(",") if s.strip()]
    with database(database_url) as db, db.unit_of_work() as session:
        workspaces.get(session, ws_id)
        key, plaintext = service.create_key(
            session,
            ws_id,
            name=name,
            scopes=scope_list,
            description=description,
            tier=tier,
            expires_at=expires_at,
            actor=operator(),
        )
        out = ApiKeyOut.model_validate(key).model_dump(mode="json")
    if as_json:
        typer.echo(json.dumps({**out, "key": plaintext, "workspace_id": str(ws_id)}))
    else:
        typer.echo(plaintext)


@keys_app.command("list")
def keys_list(
    workspace: str = typer.Option(..., "--workspace", help="Workspace id."),
    include_revoked: bool = typer.Option(False, "--include-revoked", help="Show revoked keys."),
    database_url: str | None = DB_OPTION,
) -> None:
    """List a workspace's keys (prefixes only, never secrets)."""
    from lexi.cli import reads
    from lexi.paths import database_url as resolve

    ws_id = parse_uuid(workspace, "--workspace")
    with reads.connect(resolve(database_url)) as conn:
        reads.workspace(conn, ws_id)
        rows = [
            [
                str(k.id),
                f"{k.prefix}…",
                "revoked" if k.revoked_at else "active",
                k.rate_limit_tier,
                ",".join(k.scopes),
                k.name,
            ]
            for k in reads.keys(conn, ws_id, include_revoked=include_revoked)
        ]
    print_table(
        "API keys",
        ["Id", "Prefix", "State", "Tier", "Scopes", "Name"],
        rows,
        wrap=("Scopes", "Name"),
    )


@keys_app.command("revoke")
def keys_revoke(
    key_id: str = typer.Argument(..., help="Key id."),
    workspace: str = typer.Option(..., "--workspace", help="Workspace id."),
    database_url: str | None = DB_OPTION,
) -> None:
    """Revoke a key (the workspace's last admin key cannot be revoked)."""
    from lexi.auth import service

    ws_id = parse_uuid(workspace, "--workspace")
    kid = parse_uuid(key_id, "KEY_ID")
    with database(database_url) as db, db.unit_of_work() as session:
        service.revoke(session, ws_id, kid, actor=operator())
    typer.echo(f"revoked {kid}")


@credits_app.command("grant")
def credits_grant(
    workspace: str = typer.Option(..., "--workspace", help="Workspace id."),
    amount: int = typer.Option(..., "--amount", min=1, help="Credits to add."),
    reason: str = typer.Option("manual grant", "--reason", help="Ledger reason."),
    database_url: str | None = DB_OPTION,
) -> None:
    """Add credits to a workspace and print the new balance."""
    from lexi.credits import service
    from lexi.workspaces import service as workspaces

    ws_id = parse_uuid(workspace, "--workspace")
    with database(database_url) as db, db.unit_of_work() as session:
        workspaces.get(session, ws_id)
        entry = service.grant(session, ws_id, amount, reason=reason, actor=operator())
        balance = entry.balance_after
    typer.echo(f"balance {balance}")


@credits_app.command("show")
def credits_show(
    workspace: str = typer.Option(..., "--workspace", help="Workspace id."),
    database_url: str | None = DB_OPTION,
) -> None:
    """Print a workspace's balance and recent ledger entries."""
    from lexi.cli import reads
    from lexi.paths import database_url as resolve

    ws_id = parse_uuid(workspace, "--workspace")
    with reads.connect(resolve(database_url)) as conn:
        balance = reads.workspace(conn, ws_id).credit_balance
        rows = [
            [f"{e.created_at:%Y-%m-%d %H:%M:%S}", e.kind, f"{e.amount:+}", e.reason]
            for e in reads.recent_entries(conn, ws_id, 20)
        ]
    typer.echo(f"balance {balance}")
    print_table(
        "Recent ledger entries",
        ["When (UTC)", "Kind", "Amount", "Reason"],
        rows,
        wrap=("Reason",),
    )


def register(app: typer.Typer) -> None:
    app.add_typer(workspaces_app, name="workspaces")
    app.add_typer(keys_app, name="keys")
    app.add_typer(credits_app, name="credits")
