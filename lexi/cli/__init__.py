"""The ``lexi`` command. One module per command group."""

from __future__ import annotations

import inspect
import sys

import typer

import lexi
from lexi.cli import admin, chat, demo, mcp, prospects, server, users, worker
from lexi.errors import LexiError

app = typer.Typer(
    help="Lexi: a self-hostable AI prospecting assistant.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
server.register(app)
admin.register(app)
chat.register(app)
worker.register(app)
prospects.register(app)
mcp.register(app)
users.register(app)
app.command("demo")(demo.demo)


def _paragraphs_unwrapped(group: typer.Typer) -> None:
    """Docstrings are wrapped for the source; help shows each paragraph as one line, so the
    terminal wraps it at its own width instead of breaking sentences where the source did
    ("... acts as the" / "API key given")."""
    for command in group.registered_commands:
        doc = command.help or inspect.getdoc(command.callback) or ""
        command.help = "\n\n".join(" ".join(p.split("\n")) for p in doc.split("\n\n"))
    for sub in group.registered_groups:
        if sub.typer_instance is not None:
            _paragraphs_unwrapped(sub.typer_instance)


_paragraphs_unwrapped(app)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"lexi {lexi.__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Lexi: a self-hostable AI prospecting assistant."""


def main() -> None:
    try:
        app()
    except LexiError as exc:
        typer.echo(f"error: {exc.message}", err=True)
        sys.exit(1)
