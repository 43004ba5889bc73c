"""Server time of the web app's pages on demo-sized data.

    python benchmarks/bench_web.py [--people 500000] [--rounds 40] [--database-url URL]

Builds what `lexi demo` builds (a generated universe, 500,000 people by default, reused when the
database already has one; a workspace with credits; a signed-in admin), runs the seed requests in
the chat (a search saved into a list, a follow-up refinement, a search over the approval limit; a
campaign for the list, made more casual and started), creates 20 lists, then requests each page `--rounds` times in-process (Starlette's TestClient: the
whole ASGI app, gateway included, without a network hop) and reports the median and p95 wall time
per page, the CPU time the process spent on it (the app and the in-process client together; on a
shared, loaded machine wall time mostly measures waiting for a core, CPU time does not), and the
`render` part the pages report in their Server-Timing header.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fastapi.testclient import TestClient

from lexi.app import create_app
from lexi.audit.service import Actor
from lexi.config import Settings
from lexi.db.engine import make_engine
from lexi.db.migrate import upgrade
from lexi.db.session import Database
from lexi.prospects import bulk, generator
from lexi.users import service as users
from lexi.workspaces import service as workspaces

PASSWORD = "benchmark password"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--people", type=int, default=500_000)
    ap.add_argument("--rounds", type=int, default=40)
    ap.add_argument("--database-url", default=None)
    args = ap.parse_args()
    url = args.database_url or f"sqlite:///{tempfile.mkdtemp()}/bench-web.db"
    upgrade(url)
    db = Database(make_engine(url))
    with db.engine.connect() as conn:
        existing, _ = bulk.counts(conn)
    if not existing:
        started = time.perf_counter()
        generator.generate(db, args.people, 42)
        print(f"generated {args.people:,} people in {time.perf_counter() - started:.0f} s")
        existing = args.people
    email = f"bench-{time.time_ns()}@example.com"
    with db.unit_of_work() as session:
        ws = workspaces.create(session, f"bench {email}", plan="organization", credits=100_000)
        users.create_user(session, ws.id, email, PASSWORD, "admin", actor=Actor.cli())
    settings = Settings(database_url=url, run_worker_in_process=False, log_level="WARNING")
    app = create_app(settings, db=db)
    with TestClient(app) as c:
        token = re.search(r'name="csrf_token" value="([^"]+)"', c.get("/login").text).group(1)
        c.post("/login", data={"email": email, "password": PASSWORD, "csrf_token": token})
        csrf = re.search(r'name="csrf-token" content="([^"]+)"', c.get("/chat").text).group(1)
        for i in range(20):
            c.post("/lists", data={"csrf_token": csrf, "name": f"Bench list {i}"})
        lst = c.post("/lists", data={"csrf_token": csrf, "name": "NY law firms"})
        list_id = str(lst.url).rsplit("/", 1)[1]
        turn = c.post(
            "/chat/send",
            data={
                "csrf_token": csrf,
                "message": "Find me 20 CEOs at law firms in New York",
                "list_id": list_id,
            },
        )
        conv = str(turn.url).rsplit("/", 1)[1]
        for message in ("Filter to only New York", "Find 60 CEOs at law firms in California"):
            c.post(
                "/chat/send",
                data={"csrf_token": csrf, "message": message, "conversation_id": conv},
            )
        # The campaign seed requests: a campaign for the list, made more casual, started (a
        # pending approval task), so its page shows 3 emails, 2 revisions and 20 people.
        turn = c.post(
            "/chat/send",
            data={
                "csrf_token": csrf,
                "message": "Create an outreach campaign for my 'NY law firms' list about legal"
                " automation",
            },
        )
        talk = str(turn.url).rsplit("/", 1)[1]
        for message in ("Can you make the email more casual?", "start the campaign"):
            c.post(
                "/chat/send",
                data={"csrf_token": csrf, "message": message, "conversation_id": talk},
            )
        campaign = re.search(r'href="/campaigns/([0-9a-f-]{36})"', c.get("/campaigns").text)
        assert campaign is not None, "the chat did not create the campaign"
        campaign_id = campaign.group(1)
        pages = {
            "GET /login (signed out)": None,
            "GET /chat (new)": "/chat",
            "GET /chat/{id} (3 turns, 2 tables, 1 task)": f"/chat/{conv}",
            "GET /lists (21 lists)": "/lists",
            "GET /lists/{id} (20 contacts)": f"/lists/{list_id}",
            "GET /settings": "/settings",
            "GET /campaigns (1 campaign)": "/campaigns",
            "GET /campaigns/{id} (3 emails, 2 revisions, 20 people, 1 task)": (
                f"/campaigns/{campaign_id}"
            ),
            "GET /campaigns/{id}?from=1&to=2 (with the diff)": (
                f"/campaigns/{campaign_id}?from=1&to=2"
            ),
        }
        print(
            f"universe {existing:,} people; {args.rounds} rounds per page after 3 warm-ups; "
            "wall = whole in-process request, CPU = process CPU time, render = template part"
        )
        print("| page | wall p50 ms | wall p95 ms | CPU p50 ms | CPU p95 ms | render p50 ms |")
        print("|---|---:|---:|---:|---:|---:|")
        anon = TestClient(app)
        for name, path in pages.items():
            client, target = (anon, "/login") if path is None else (c, path)
            walls, cpus, renders = [], [], []
            for i in range(args.rounds + 3):
                started, cpu_started = time.perf_counter(), time.process_time()
                r = client.get(target)
                elapsed = (time.perf_counter() - started) * 1000
                cpu = (time.process_time() - cpu_started) * 1000
                assert r.status_code == 200, (target, r.status_code)
                if i >= 3:
                    walls.append(elapsed)
                    cpus.append(cpu)
                    timing = r.headers.get("server-timing", "render;dur=0")
                    renders.append(float(timing.split("dur=")[1]))
            walls.sort()
            cpus.sort()
            p95 = walls[int(0.95 * (len(walls) - 1))]
            cpu95 = cpus[int(0.95 * (len(cpus) - 1))]
            print(
                f"| `{name}` | {statistics.median(walls):.1f} | {p95:.1f} | "
                f"{statistics.median(cpus):.1f} | {cpu95:.1f} | "
                f"{statistics.median(renders):.1f} |"
            )


if __name__ == "__main__":
    main()
