"""The deterministic universe generator: ``lexi prospects generate --people N --seed S``.

The rows come from ``gen_universe.generate_rows`` (the same seed and day always make the same
universe), made by a separate process (``gen_process``) while this one writes them: SQLite and
PostgreSQL load them in bulk (``bulk``) and build the people indexes, and the company facts
(and, on PostgreSQL, the keyword matches) copied onto people, once at the end.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from sqlalchemy import Connection

from lexi.db.session import Database
from lexi.errors import Conflict
from lexi.kit.clock import utc_now
from lexi.prospects import bulk
from lexi.prospects.gen_process import Batch, RowsProcess
from lexi.prospects.gen_universe import generate_rows

# SQLite's page cache during a load, KiB: enough for the people table of 1,000,000 people (about
# 250 MB) and the companies' indexes, written as the rows arrive.
_LOAD_CACHE_KIB = 1_000_000
# SQLite's page cache while the people indexes are built after the load, KiB. It also bounds the
# runs SQLite's sorter keeps in memory: each full run is handed to a worker thread (``PRAGMA
# threads``) to sort and store while the reading goes on, and the runs are merged in threads too,
# so an index build uses both cores (the keys of an index of 1,000,000 people fill about 100 MB: a
# run as large as the 1 GB load cache would hold them all and be sorted on one core at the end).
# The people table is read again from the operating system's file cache for each index.
_INDEX_CACHE_KIB = 30_000


@dataclass
class GenerateStats:
    people: int
    companies: int
    titles: int
    seconds: float


class _Batches(Protocol):
    def __iter__(self) -> Iterator[Batch]: ...
    def close(self) -> None: ...


def _batches(seed: int, people: int, batch_size: int, as_of: date) -> _Batches:
    """The universe's row batches; made by a separate process when there is more than one, so
    that the next batch is made while this one is written."""
    if people <= batch_size:
        return generate_rows(seed, people, batch_size, as_of)
    return RowsProcess(seed, people, batch_size, as_of)


def generate(
    db: Database,
    people: int,
    seed: int,
    *,
    replace: bool = False,
    batch_size: int = 20_000,
    progress: Callable[[int], None] | None = None,
    as_of: date | None = None,
) -> GenerateStats:
    """Write a universe of ``people`` people generated from ``seed`` into an empty universe.

    Raises ``Conflict`` when the universe already holds people, unless ``replace`` is set.
    """
    started = time.perf_counter()
    with db.engine.begin() as conn:
        existing, _ = bulk.counts(conn)
    if existing and not replace:
        raise Conflict(
            f"The prospect universe already holds {existing:,} people; pass replace to overwrite it."
        )
    with closing(_batches(seed, people, batch_size, as_of or utc_now().date())) as batches:
        with db.engine.begin() as conn:
            bulk.clear(conn)
            bulk.drop_people_indexes(conn)
        stats = _load(db, batches, progress)
    stats.seconds = time.perf_counter() - started
    return stats


def _load(
    db: Database, batches: Iterable[Batch], progress: Callable[[int], None] | None
) -> GenerateStats:
    n_people = n_companies = n_titles = 0
    facets: Counter[tuple[Any, ...]] = Counter()
    engine = db.engine
    sqlite = db.is_sqlite
    with engine.connect() as conn:
        if sqlite:
            _sqlite_loading(conn, True)
        for titles, companies, persons, techs, postings in batches:
            with conn.begin():
                bulk.insert_titles(conn, titles)
                bulk.insert_companies(conn, companies)
                bulk.insert_people(conn, persons)
                bulk.insert_technologies(conn, techs)
                bulk.insert_postings(conn, postings)
            n_titles += len(titles)
            n_companies += len(companies)
            n_people += len(persons)
            bulk.count_facets(facets, persons)
            if progress:
                progress(len(persons))
        if sqlite:
            bulk.driver(conn).execute(f"PRAGMA cache_size={-_INDEX_CACHE_KIB}")
        with conn.begin():
            bulk.create_people_indexes(conn)
            bulk.add_company_facts(conn)
            bulk.choose_keyword_phrases(conn)
            bulk.add_keyword_facts(conn)
            bulk.finish_load(conn, facets)
        if sqlite:
            _sqlite_loading(conn, False)
    if not sqlite:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            bulk.vacuum(conn)
    return GenerateStats(n_people, n_companies, n_titles, 0.0)


def _sqlite_loading(conn: Connection, loading: bool) -> None:
    """SQLite settings for a bulk load (``loading``) and back to the engine's own afterwards.

    A failed load is simply regenerated, so no fsyncs while loading; the rows are consistent by
    construction, so no foreign-key lookups. The cache keeps the people table (each batch is
    committed, and SQLite keeps the pages of its own commits) while the rows arrive, and worker
    threads let SQLite sort in parallel while it builds the indexes after the load (see
    ``_INDEX_CACHE_KIB``).
    """
    raw = bulk.driver(conn)
    raw.execute(f"PRAGMA synchronous={'OFF' if loading else 'NORMAL'}")
    raw.execute(f"PRAGMA cache_size={-_LOAD_CACHE_KIB if loading else -2000}")
    raw.execute(f"PRAGMA foreign_keys={'OFF' if loading else 'ON'}")
    raw.execute(f"PRAGMA threads={2 if loading else 0}")
