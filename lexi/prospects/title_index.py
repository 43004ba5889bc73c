"""An in-memory index of the universe's distinct job titles, for synonym-aware title search.

Titles repeat heavily (a million people hold a few thousand distinct titles), so a searched
title is matched against the distinct titles here, and people are then found by ``title_id``
with a B-tree lookup. The index is rebuilt when the titles table changes.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable

from lexi.prospects.titles import canonical_tokens, match_kind, query_variants

MATCHES_KEPT = 4096  # searched title lists whose matches an index keeps


class TitleIndex:
    def __init__(self, rows: Iterable[tuple[int, str]]) -> None:
        self.tokens: dict[int, tuple[str, ...]] = {}
        self.postings: dict[str, set[int]] = {}
        # Searched titles -> their (exact, partial) ids: a title is searched again and again
        # (each page of a search, each refinement of a chat), and matching it costs more than
        # the statements of a selective search.
        self._matched: dict[tuple[str, ...], tuple[tuple[int, ...], tuple[int, ...]]] = {}
        for tid, title in rows:
            toks = canonical_tokens(title)
            self.tokens[tid] = toks
            for tok in set(toks):
                self.postings.setdefault(tok, set()).add(tid)

    def match(self, queries: Iterable[str]) -> tuple[list[int], list[int]]:
        """(exact, partial) title ids for the searched titles, each sorted."""
        key = tuple(queries)
        hit = self._matched.get(key)
        if hit is None:
            if len(self._matched) >= MATCHES_KEPT:
                self._matched.clear()
            found = self._match(key)
            hit = self._matched[key] = (tuple(found[0]), tuple(found[1]))
        return list(hit[0]), list(hit[1])

    def _match(self, queries: Iterable[str]) -> tuple[list[int], list[int]]:
        exact: set[int] = set()
        partial: set[int] = set()
        for query in queries:
            variants = query_variants(query)
            for variant in variants:
                sets = [self.postings.get(tok, set()) for tok in set(variant)]
                candidates = set.intersection(*sets) if sets else set()
                for tid in candidates:
                    kind = match_kind(self.tokens[tid], variants)
                    if kind == 0:
                        exact.add(tid)
                    elif kind == 1:
                        partial.add(tid)
        partial -= exact
        return sorted(exact), sorted(partial)


_lock = threading.Lock()
_cache: dict[str, tuple[tuple[int, int], TitleIndex]] = {}


def cached(key: str, version: tuple[int, int], load) -> TitleIndex:
    """The index for database ``key`` at ``version`` (count, max id), loading it when stale."""
    hit = _cache.get(key)
    if hit and hit[0] == version:
        return hit[1]
    index = TitleIndex(load())
    with _lock:
        _cache[key] = (version, index)
    return index
