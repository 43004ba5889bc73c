"""Campaign sending throughput to a real local SMTP server, and scheduler overhead per send.

    python benchmarks/bench_sending.py --recipients 10000 --runs 3

Each run: a fresh SQLite database, one workspace, N contacts enrolled in a one-step campaign,
approved; then one ``CampaignSender`` with limits disabled sends everything to an aiosmtpd
server on loopback (in its own process, so it does not share the sender's interpreter; it
counts messages). Reported: emails/s (wall clock), the sender's CPU time per email (what the
code costs whatever else the machine runs; 1 / that is the rate one free core would reach),
and peak RSS growth of the sending process. The
overhead run replaces the SMTP server with a transport that drops messages, so what is left is
claiming, building the message and recording it: the scheduler's cost per due send.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import platform
import resource
import socket
import statistics
import tempfile
import time
import uuid
from datetime import UTC, datetime
from email.message import Message

from aiosmtpd.controller import Controller

from lexi.audit.service import Actor
from lexi.campaigns import service
from lexi.campaigns.sending import CampaignSender
from lexi.config import Settings
from lexi.db.engine import make_engine
from lexi.db.migrate import upgrade
from lexi.db.session import Database
from lexi.kit.clock import utc_now
from lexi.models import Contact, ContactList, ListMembership
from lexi.workspaces import service as workspaces_service


class Counter:
    def __init__(self, count) -> None:  # type: ignore[no-untyped-def]
        self.count = count

    async def handle_DATA(self, server, session, envelope):
        with self.count.get_lock():
            self.count.value += 1
        return "250 OK"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve_smtp(port: int, count, ready) -> None:  # type: ignore[no-untyped-def]
    """The SMTP sink, run in a child process until terminated."""
    controller = Controller(Counter(count), hostname="127.0.0.1", port=port)
    controller.start()
    ready.set()
    while True:
        time.sleep(3600)


class DropTransport:
    def send(self, message: Message, recipient: str) -> None:
        message.as_bytes()  # serialise, as a real transport would

    def close(self) -> None:
        pass


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def prepare(n: int) -> tuple[Database, Settings]:
    tmp = tempfile.mkdtemp(prefix="lexi-bench-send-")
    url = f"sqlite:///{tmp}/bench.db"
    upgrade(url)
    db = Database(make_engine(url))
    with db.unit_of_work() as session:
        ws = workspaces_service.create(session, "bench", plan="organization", credits=1000)
        lst = ContactList(workspace_id=ws.id, name="all", name_normalized="all")
        session.add(lst)
        session.flush()
        now = utc_now()
        contacts = [
            {
                "id": uuid.uuid4(), "workspace_id": ws.id, "first_name": f"Ann{i}",
                "last_name": "Lee", "full_name": f"Ann{i} Lee", "email": f"ann{i}@example.com",
                "email_normalized": f"ann{i}@example.com", "company_name": f"Firm {i}",
                "job_title": "CEO", "tags": [], "custom_fields": {}, "priority": "medium",
                "do_not_contact": False, "created_at": now, "updated_at": now,
            }
            for i in range(n)
        ]  # fmt: skip
        session.execute(Contact.__table__.insert(), contacts)
        session.execute(
            ListMembership.__table__.insert(),
            [
                {"id": uuid.uuid4(), "list_id": lst.id, "contact_id": c["id"], "created_at": now}
                for c in contacts
            ],
        )
        campaign = service.create_campaign(
            session, ws.id,
            {"name": "bench", "list_id": lst.id, "topic": "legal automation",
             "track_opens": True, "track_clicks": True},
        )  # fmt: skip
        started = service.start(session, ws.id, campaign.id, actor=Actor.cli())
        # Keep the first step only: the benchmark measures one email per recipient.
        service.activate(
            session, ws.id, started.task.id, dict(started.task.meta), actor=Actor.cli()
        )
    settings = Settings(database_url=url, campaign_limits_enabled=False, public_url="http://127.0.0.1:8000",
                        sender_postal_address="1 Main St, Springfield")  # fmt: skip
    return db, settings


def run(n: int, smtp: bool) -> tuple[float, int, float, float]:
    db, settings = prepare(n)
    before = rss_mb()
    if smtp:
        port = free_port()
        count = multiprocessing.Value("i", 0)
        ready = multiprocessing.Event()
        server = multiprocessing.Process(target=serve_smtp, args=(port, count, ready), daemon=True)
        server.start()
        if not ready.wait(30):
            raise RuntimeError("the SMTP sink did not start")
        sender = CampaignSender(
            db, settings.model_copy(update={"smtp_url": f"smtp://127.0.0.1:{port}"})
        )
    else:
        sender = CampaignSender(db, settings, transport=DropTransport())
    start, cpu = time.perf_counter(), time.process_time()
    result = sender.run_until_idle()
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    sender.close()
    if smtp:
        received = count.value
        server.terminate()
        server.join(10)
        assert received == n, (received, n)
    assert result.sent == n, result
    db.dispose()
    return elapsed, result.sent, rss_mb() - before, cpu


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--recipients", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, load average {os.getloadavg()}")  # fmt: skip
    smtp_rates, cpu_ms, overheads, overhead_cpu, growth = [], [], [], [], []
    for i in range(args.runs):
        elapsed, sent, grew, cpu = run(args.recipients, smtp=True)
        smtp_rates.append(sent / elapsed)
        cpu_ms.append(cpu / sent * 1000)
        growth.append(grew)
        print(f"run {i + 1}: {sent} emails to SMTP in {elapsed:.1f} s = {sent / elapsed:.0f}/s "
              f"(sender CPU {cpu / sent * 1000:.2f} ms per email), peak RSS grew {grew:.0f} MB")  # fmt: skip
        elapsed, sent, _, cpu = run(args.recipients, smtp=False)
        overheads.append(elapsed / sent * 1000)
        overhead_cpu.append(cpu / sent * 1000)
        print(f"run {i + 1}: scheduler overhead {elapsed / sent * 1000:.2f} ms per due send "
              f"(CPU {cpu / sent * 1000:.2f} ms)")  # fmt: skip
    print(f"median: {statistics.median(smtp_rates):.0f} emails/s to SMTP "
          f"(sender CPU {statistics.median(cpu_ms):.2f} ms per email = "
          f"{1000 / statistics.median(cpu_ms):.0f}/s per free core); "
          f"{statistics.median(overheads):.2f} ms scheduler overhead per send "
          f"(CPU {statistics.median(overhead_cpu):.2f} ms); peak RSS growth {max(growth):.0f} MB; "
          f"load average after {os.getloadavg()}")  # fmt: skip


if __name__ == "__main__":
    main()
