"""lexi chat | tasks: talk to a Lexi server over HTTP through the SDK."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from lexi.cli.prompt import catch_ctrl_c, read_line

if TYPE_CHECKING:  # imported where used: `lexi --help` and the operator commands skip them
    from rich.console import Console
    from rich.table import Table

    from lexi.client import Lexi

URL_OPTION = typer.Option(
    None, "--url", envvar="LEXI_BASE_URL", help="Server URL (default http://127.0.0.1:8000)."
)
KEY_OPTION = typer.Option(None, "--api-key", envvar="LEXI_API_KEY", help="API key (wbk_...).")
HISTORY_FILE = Path(os.environ.get("LEXI_HISTORY_FILE", Path.home() / ".lexi_history"))

SHOWN = 25  # rows of a people table; the rest stay in the response (--json shows all)
HELP = (
    "type a request; /tasks lists pending tasks, /new starts a new conversation, /quit leaves. "
    "Ctrl-C cancels the current line."
)

tasks_app = typer.Typer(
    help="List, approve and dismiss Lexi's approval tasks.", no_args_is_help=True
)


def _api_errors() -> tuple[type[Exception], ...]:
    from lexi.client import APIConnectionError, APIStatusError

    return (APIStatusError, APIConnectionError)


def _console() -> Console:
    from rich.console import Console

    return Console(highlight=False)


def _client(url: str | None, key: str | None) -> Lexi:
    from lexi.client import Lexi

    try:
        return Lexi(api_key=key, base_url=url)
    except ValueError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc


def _fail(exc: Exception) -> typer.Exit:
    typer.echo(f"error: {exc}", err=True)
    return typer.Exit(1)


# Rendering ---------------------------------------------------------------------------------------


def _people_table(prospects: list[dict[str, Any]], title: str) -> Table:
    from rich.table import Table

    # The terminal is narrow and signals are long: they get the most room, and a row shows its
    # first signal (the one the search asked for comes first) and how many more it has.
    table = Table(title=title, show_lines=False, expand=True)
    for col, ratio in (
        ("Name", 2),
        ("Title", 2),
        ("Company", 3),
        ("Location", 2),
        ("Email", 3),
        ("Signals", 4),
    ):
        table.add_column(col, overflow="fold", ratio=ratio)
    for p in prospects[:SHOWN]:
        company = p.get("company") or {}
        place = ", ".join(x for x in (p.get("city"), p.get("state"), p.get("country")) if x)
        signals = list(p.get("signals") or [])
        rest = len(signals) - 1
        more = f" (+{rest} more signal{'s' if rest > 1 else ''})" if rest > 0 else ""
        table.add_row(
            p.get("full_name") or "",
            p.get("job_title") or "",
            company.get("name") or "",
            place,
            f"{p.get('email')} ({p.get('email_status') or '-'})" if p.get("email") else "-",
            (signals[0] + more) if signals else "",
        )
    return table


def render_actions(console: Console, actions: list[dict[str, Any]]) -> None:
    from rich.table import Table

    for a in actions or []:
        kind, status = a.get("type"), a.get("status")
        if kind == "prospect_search" and a.get("prospects"):
            title = (
                f"{a.get('total_matches', 0):,} matches — showing {min(SHOWN, len(a['prospects']))}"
            )
            console.print(_people_table(a["prospects"], title))
        elif kind in ("list_create", "list_add", "list_remove"):
            verb = "removed" if kind == "list_remove" else "added"
            n = int(a.get("removed", 0) if kind == "list_remove" else a.get("added", 0))
            count = int(a.get("contact_count") or 0)
            console.print(
                f"[bold]{a.get('list_name', 'list')}[/bold]: {n:,} {verb} · "
                f"{count:,} contact{'' if count == 1 else 's'} now"
            )
        elif kind in ("campaign_create", "email_rewrite") and a.get("steps"):
            table = Table(title=f"Email sequence (revision {a.get('revision', 1)})")
            for col in ("#", "Delay", "Subject", "Body"):
                table.add_column(col, overflow="fold")
            for s in a["steps"]:
                table.add_row(
                    str(s.get("index", 0) + 1),
                    f"{s.get('delay_days', 0)}d",
                    s.get("subject", ""),
                    s.get("body", ""),
                )
            console.print(table)
        elif status == "pending_approval":
            console.print(f"[yellow]Waiting for approval:[/yellow] task {a.get('task_id')}")


def _offer_approval(console: Console, client: Lexi, task_id: str) -> None:
    try:
        answer = read_line("Approve this task now? [y/N] ").strip().lower()
    except (EOFError, KeyboardInterrupt):
        answer = ""
        console.print()
    if answer not in ("y", "yes"):
        console.print(f"Left pending. Approve later with: lexi tasks approve {task_id}")
        return
    client.tasks.approve(task_id)
    console.print("Approved. Running…")
    try:
        task = client.tasks.wait(task_id, timeout=300)
    except KeyboardInterrupt:
        console.print("Still running in the background; see: lexi tasks list --status completed")
        return
    if task.get("status") == "completed":
        result = task.get("result") or {}
        msg = (
            f"[green]Done.[/green] Saved {int(result.get('selected') or 0):,} of "
            f"{int(result.get('total_matches') or 0):,} matches as contacts"
        )
        if result.get("list_id"):
            name = (task.get("metadata") or {}).get("list_name") or "the list"
            msg += f"; {int(result.get('added') or 0):,} new in {name}"
        console.print(msg + ".")
        if result.get("prospects"):
            people = result["prospects"]
            title = f"Selected people — showing {min(SHOWN, len(people))} of {len(people):,}"
            console.print(_people_table(people, title))
    else:
        console.print(f"[red]Task {task.get('status')}:[/red] {task.get('error') or ''}")


def _turn(
    console: Console, client: Lexi, message: str, context: dict[str, Any], as_json: bool
) -> dict[str, Any]:
    data = client.chat_with_lexi(message, context=context)
    if as_json:
        typer.echo(json.dumps(data, indent=2, default=str))
        return data
    console.print(f"[bold cyan]Lexi:[/bold cyan] {data.get('response', '')}")
    render_actions(console, data.get("actions") or [])
    if data.get("credits_used") is not None:
        used, left = int(data["credits_used"]), int(data.get("credits_remaining") or 0)
        console.print(f"[dim]{used:,} credit{'' if used == 1 else 's'} used · {left:,} left[/dim]")
    return data


def chat(
    message: str | None = typer.Argument(None, help="Send one message and exit (for scripts)."),
    url: str | None = URL_OPTION,
    api_key: str | None = KEY_OPTION,
    conversation: str | None = typer.Option(
        None, "--conversation", help="Continue a conversation id."
    ),
    list_id: str | None = typer.Option(None, "--list", help="Default list id (context.list_id)."),
    as_json: bool = typer.Option(False, "--json", help="Print the raw response data as JSON."),
) -> None:
    """Chat with Lexi. With MESSAGE: one turn and exit; without: an interactive session.

    The session keeps one conversation, shows the people Lexi finds as tables and offers to approve
    a pending task on the spot. Type /tasks for pending tasks, /new for a new conversation, /quit to
    leave; Ctrl-C cancels the current line. Input history is kept in ~/.lexi_history (or the file
    named by LEXI_HISTORY_FILE)."""
    client = _client(url, api_key)
    console = _console()
    context: dict[str, Any] = {}
    if conversation:
        context["conversation_id"] = conversation
    if list_id:
        context["list_id"] = list_id
    if message is not None:
        try:
            _turn(console, client, message, context, as_json)
        except _api_errors() as exc:
            raise _fail(exc) from exc
        return
    _interactive(console, client, context)


def _interactive(console: Console, client: Lexi, context: dict[str, Any]) -> None:
    catch_ctrl_c()
    try:
        import readline

        HISTORY_FILE.touch(exist_ok=True)
        readline.read_history_file(str(HISTORY_FILE))
    except (ImportError, OSError):
        readline = None  # type: ignore[assignment]
    console.print(f"Lexi chat — {HELP}")
    while True:
        try:
            line = read_line("you> ").strip()
        except KeyboardInterrupt:
            console.print()
            continue
        except EOFError:
            console.print()
            break
        if not line:
            continue
        if line in ("/quit", "/exit", "quit", "exit"):
            break
        if line == "/help":
            console.print(HELP)
            continue
        if line == "/new":
            context.pop("conversation_id", None)
            console.print("Started a new conversation.")
            continue
        try:
            if line == "/tasks":
                _print_tasks(console, client, "pending")
                continue
            data = _turn(console, client, line, context, as_json=False)
            context["conversation_id"] = data.get("conversation_id")
            if data.get("requires_approval") and data.get("task_id"):
                _offer_approval(console, client, data["task_id"])
        except KeyboardInterrupt:
            console.print("[dim](cancelled)[/dim]")
        except _api_errors() as exc:
            console.print(f"[red]error:[/red] {exc}")
    if readline is not None:
        try:
            readline.write_history_file(str(HISTORY_FILE))
        except OSError:
            pass


def _print_tasks(console: Console, client: Lexi, status: str) -> None:
    from rich.table import Table

    data = client.tasks.list(status=status)
    tasks = data.get("tasks", []) if isinstance(data, dict) else []
    if not tasks:
        console.print(f"No {status} tasks.")
        return
    table = Table(title=f"{status.capitalize()} tasks")
    for col in ("Id", "Type", "Status", "Description", "Cost"):
        table.add_column(col, overflow="fold")
    for t in tasks:
        quote = (t.get("metadata") or {}).get("quote") or {}
        table.add_row(
            t["id"],
            t.get("type", ""),
            t.get("status", ""),
            t.get("description", ""),
            str(quote.get("credits", "")),
        )
    console.print(table)


@tasks_app.command("list")
def tasks_list(
    status: str = typer.Option(
        "pending", "--status", help="pending, approved, dismissed, completed or failed."
    ),
    url: str | None = URL_OPTION,
    api_key: str | None = KEY_OPTION,
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """List tasks by status."""
    client = _client(url, api_key)
    try:
        if as_json:
            typer.echo(json.dumps(client.tasks.list(status=status), indent=2, default=str))
        else:
            _print_tasks(_console(), client, status)
    except _api_errors() as exc:
        raise _fail(exc) from exc


@tasks_app.command("approve")
def tasks_approve(
    task_id: str = typer.Argument(..., help="Task id."),
    wait: bool = typer.Option(True, "--wait/--no-wait", help="Wait until the task finishes."),
    url: str | None = URL_OPTION,
    api_key: str | None = KEY_OPTION,
) -> None:
    """Approve a pending task (and by default wait for its result)."""
    client = _client(url, api_key)
    try:
        client.tasks.approve(task_id)
        if not wait:
            typer.echo(f"approved {task_id}")
            return
        task = client.tasks.wait(task_id, timeout=600)
    except _api_errors() as exc:
        raise _fail(exc) from exc
    typer.echo(f"{task_id} {task.get('status')}")
    if task.get("status") == "failed":
        raise typer.Exit(1)


@tasks_app.command("dismiss")
def tasks_dismiss(
    task_id: str = typer.Argument(..., help="Task id."),
    reason: str | None = typer.Option(None, "--reason", help="Why it was dismissed."),
    url: str | None = URL_OPTION,
    api_key: str | None = KEY_OPTION,
) -> None:
    """Dismiss a pending task; it can never be approved afterwards."""
    client = _client(url, api_key)
    try:
        client.tasks.dismiss(task_id, reason=reason)
    except _api_errors() as exc:
        raise _fail(exc) from exc
    typer.echo(f"dismissed {task_id}")


def register(app: typer.Typer) -> None:
    app.command("chat")(chat)
    app.add_typer(tasks_app, name="tasks")
