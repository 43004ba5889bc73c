"""Operator commands for the people who sign in to the web app."""

from __future__ import annotations

import secrets

import typer

from lexi.cli.common import DB_OPTION, database, operator, parse_uuid

users_app = typer.Typer(
    help="Create web app users and reset their passwords.", no_args_is_help=True
)


def _password(given: str | None) -> tuple[str, bool]:
    if given:
        return given, False
    return secrets.token_urlsafe(12), True


@users_app.command("create")
def users_create(
    workspace: str = typer.Option(..., "--workspace", help="Workspace id."),
    email: str = typer.Option(..., "--email", help="The person's email (their sign-in name)."),
    role: str = typer.Option("member", "--role", help="admin or member."),
    password: str | None = typer.Option(
        None,
        "--password",
        envvar="LEXI_NEW_USER_PASSWORD",
        help="At least 10 characters; a random one is made and printed when omitted.",
    ),
    database_url: str | None = DB_OPTION,
) -> None:
    """Create a user who can sign in to the web app as a member of the workspace."""
    from lexi.users import service

    ws_id = parse_uuid(workspace, "--workspace")
    secret, generated = _password(password)
    with database(database_url) as db, db.unit_of_work() as session:
        user, member = service.create_user(session, ws_id, email, secret, role, actor=operator())
        out = f"created {user.email} ({member.role}) in workspace {ws_id}"
    typer.echo(out)
    if generated:
        typer.echo(f"password: {secret}")


@users_app.command("set-password")
def users_set_password(
    email: str = typer.Option(..., "--email", help="The user's email."),
    password: str | None = typer.Option(
        None, "--password", envvar="LEXI_NEW_USER_PASSWORD", help="The new password."
    ),
    database_url: str | None = DB_OPTION,
) -> None:
    """Set a user's password (a random one when omitted) and sign them out everywhere."""
    from lexi.users import service

    secret, generated = _password(password)
    with database(database_url) as db, db.unit_of_work() as session:
        service.set_password(session, email, secret, actor=operator())
    typer.echo(f"password changed for {email.strip().lower()}")
    if generated:
        typer.echo(f"password: {secret}")


@users_app.command("set-role")
def users_set_role(
    workspace: str = typer.Option(..., "--workspace", help="Workspace id."),
    email: str = typer.Option(..., "--email", help="The member's email."),
    role: str = typer.Option(..., "--role", help="admin or member."),
    database_url: str | None = DB_OPTION,
) -> None:
    """Change a member's role in the workspace."""
    from lexi.users import service

    ws_id = parse_uuid(workspace, "--workspace")
    with database(database_url) as db, db.unit_of_work() as session:
        member = service.set_role(session, ws_id, email, role, actor=operator())
        out = f"{email.strip().lower()} is now {member.role} in workspace {ws_id}"
    typer.echo(out)


def register(app: typer.Typer) -> None:
    app.add_typer(users_app, name="users")
