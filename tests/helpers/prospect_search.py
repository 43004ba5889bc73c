"""Searches for the tests of the copies of company facts onto people (0019, 0021)."""

from __future__ import annotations

import uuid
from typing import Any

from lexi.db.session import Database
from lexi.prospects import importer, service
from lexi.prospects.filters import ProspectFilters
from lexi.prospects.ids import person_key
from lexi.prospects.presets import PRESETS
from lexi.prospects.repository import ProspectRepository


def run(db: Database, filters: dict[str, Any], offset: int = 0) -> Any:
    with db.unit_of_work(write=False) as session:
        return service.search(
            session, ProspectFilters.parse(filters, max_limit=10_000), offset=offset
        )


def keys(result: Any) -> list[int]:
    return [person_key(uuid.UUID(p["id"])) for p in result.prospects]


def read_from_copies(db: Database, filters: dict[str, Any]) -> bool:
    """Whether the search is answered from the copies (one group, read by a fact query)."""
    with db.unit_of_work(write=False) as session:
        repo = ProspectRepository(session)
        query = service._groups(session, repo, ProspectFilters.parse(filters), None)
        return len(query) == 1 and repo.fact_query(query[0]) is not None


def load(db: Database, rows: list[dict[str, Any]]) -> None:
    """Imports rows shaped like an Apollo export; no row may fail."""
    with db.unit_of_work() as session:
        outcome = importer.import_rows(
            session, importer.from_objects(rows), preset=PRESETS["apollo"]
        )
    assert not outcome.errors, outcome.errors
