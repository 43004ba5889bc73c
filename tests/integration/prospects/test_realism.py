"""The generated universe looks like the market: 100 common sales requests each find a handful.

The requests (``tests/data/realism_requests.jsonl``: what a user types and the filters it means)
span industries, roles and places. They run through the search service against a demo-size
universe (500,000 people, seed 42: what ``lexi demo`` generates), written once per test run into
a file under pytest's temporary directory and shared by the xdist workers.
"""

from __future__ import annotations

import fcntl
import json
from pathlib import Path

import pytest

from lexi.db.engine import make_engine
from lexi.db.migrate import upgrade
from lexi.db.session import Database
from lexi.prospects import service
from lexi.prospects.filters import ProspectFilters
from lexi.prospects.generator import generate

DEMO_PEOPLE = 500_000
DEMO_SEED = 42
HANDFUL = 5
REQUESTS = [
    json.loads(line)
    for line in (Path(__file__).resolve().parents[2] / "data" / "realism_requests.jsonl")
    .read_text(encoding="utf-8")
    .splitlines()
    if line.strip()
]


@pytest.fixture(scope="session")
def demo_universe(tmp_path_factory: pytest.TempPathFactory) -> Database:
    root = tmp_path_factory.getbasetemp()
    if root.name.startswith("popen-"):  # an xdist worker: share one file between the workers
        root = root.parent
    path = root / f"demo-universe-{DEMO_PEOPLE}-{DEMO_SEED}.db"
    url = f"sqlite:///{path}"
    with open(root / "demo-universe.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not path.exists():
            scratch = root / "demo-universe.partial.db"
            scratch.unlink(missing_ok=True)
            upgrade(f"sqlite:///{scratch}")
            db = Database(make_engine(f"sqlite:///{scratch}"))
            generate(db, DEMO_PEOPLE, DEMO_SEED)
            db.dispose()
            scratch.rename(path)
    db = Database(make_engine(url))
    yield db
    db.dispose()


def test_the_table_holds_100_distinct_requests() -> None:
    assert len(REQUESTS) == 100
    assert len({r["request"] for r in REQUESTS}) == 100
    for r in REQUESTS:
        ProspectFilters.parse(r["filters"])


@pytest.mark.parametrize("request_", REQUESTS, ids=[r["request"] for r in REQUESTS])
def test_a_common_request_finds_a_handful(demo_universe: Database, request_: dict) -> None:
    filters = ProspectFilters.parse({**request_["filters"], "limit": HANDFUL})
    with demo_universe.unit_of_work(write=False) as session:
        result = service.search(session, filters)
    assert result.total >= HANDFUL, f"{request_['request']!r} found {result.total}"
    assert len(result.prospects) == HANDFUL
