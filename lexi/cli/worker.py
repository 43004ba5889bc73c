"""lexi worker: run approved tasks in separate processes (scale-out; PostgreSQL recommended)."""

from __future__ import annotations

import signal
import threading
from functools import partial
from typing import TYPE_CHECKING

import typer

from lexi.cli.common import DB_OPTION, database, settings_for

if TYPE_CHECKING:
    from lexi.campaigns.sending import CampaignSender


def worker(
    concurrency: int = typer.Option(1, min=1, max=64, help="Worker threads in this process."),
    once: bool = typer.Option(False, "--once", help="Run runnable tasks, then exit."),
    extension: list[str] = typer.Option(
        [], "--import", help="Import a module that registers tools or task handlers (repeatable)."
    ),
    database_url: str | None = DB_OPTION,
) -> None:
    """Claim approved tasks and send due campaign emails until stopped (SIGINT/SIGTERM)."""
    from lexi.kit.logs import configure_logging
    from lexi.worker import Worker, load_extensions

    settings = settings_for(database_url)
    configure_logging(settings.log_level, settings.log_json)
    load_extensions(extension)
    with database(database_url) as db:
        from lexi.campaigns.sending import CampaignSender

        senders = [CampaignSender(db, settings) for _ in range(concurrency)]
        sending = settings.campaign_sending
        workers = [
            Worker(
                db,
                lease_seconds=settings.worker_lease_seconds,
                poll_seconds=settings.worker_poll_seconds,
                jobs=[partial(_send_batch, s)] if sending else [],
            )
            for s in senders
        ]
        if once:
            done = sum(w.run_until_idle() for w in workers)
            sent = senders[0].run_until_idle().sent if sending else 0
            typer.echo(f"ran {done} task(s), sent {sent} email(s)")
            return
        stopping = threading.Event()

        def _stop(*_: object) -> None:
            stopping.set()

        signal.signal(signal.SIGINT, _stop)
        signal.signal(signal.SIGTERM, _stop)
        for w in workers:
            w.start()
        stopping.wait()
        for w in workers:
            w.stop()


def _send_batch(sender: CampaignSender) -> bool:
    return sender.run_once().handled > 0


def register(app: typer.Typer) -> None:
    app.command("worker")(worker)
