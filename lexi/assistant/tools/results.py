"""Result sets: what a conversation's searches (inline or approved tasks) found, as state.

Every search that selects people becomes the conversation's current result set; "them",
"these", "the first 5", "the ones at Acme" and "all of them" resolve against it. An inline set
keeps its prospect ids; an approved task's set points at the task, whose result holds the ids.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from typing import Any

from lexi.assistant.context import TurnContext
from lexi.assistant.understanding.types import KEEP_SETS
from lexi.prospects import service as prospects_service
from lexi.tasks import service as tasks_service


@dataclass
class Selection:
    """The people a request picked out of a result set, and which set that was."""

    ids: list[str]
    result_set: dict[str, Any] | None
    # True when the set is not the latest inline search (the reply then names it).
    named: bool = False
    describe: str = ""  # "the first 5", "the ones at Acme"


def remember(ctx: TurnContext, result_set: dict[str, Any]) -> dict[str, Any]:
    """Make ``result_set`` the conversation's current set."""
    sets = ctx.state.result_sets
    result_set.setdefault("id", f"r{ctx.state.turn}-{len(sets) + 1}")
    result_set.setdefault("turn", ctx.state.turn)
    sets.append(result_set)
    del sets[:-KEEP_SETS]
    if result_set.get("source") == "search":
        ctx.state.last_prospect_ids = list(result_set.get("prospect_ids") or [])
    return result_set


def remember_search(
    ctx: TurnContext, filters: dict[str, Any], total: int, offset: int, ids: list[str]
) -> dict[str, Any]:
    return remember(
        ctx,
        {
            "source": "search",
            "filters": filters,
            "total": total,
            "offset": offset,
            "count": len(ids),
            "prospect_ids": list(ids),
        },
    )


def join_task_results(ctx: TurnContext) -> list[dict[str, Any]]:
    """Approved tasks of this conversation that finished since the last turn join its sets."""
    if ctx.conversation_id is None:
        return []
    joined = []
    seen = set(ctx.state.seen_task_ids)
    found = tasks_service.finished_searches(
        ctx.session, ctx.workspace_id, ctx.conversation_id, [uuid.UUID(t) for t in seen]
    )
    for task in found:
        if str(task.id) in seen:
            continue
        ctx.state.seen_task_ids.append(str(task.id))
        result = task.result or {}
        if task.status != "completed" or not result.get("selected"):
            continue
        meta = task.meta or {}
        joined.append(
            remember(
                ctx,
                {
                    "source": "task",
                    "task_id": str(task.id),
                    "filters": meta.get("query") or {},
                    "total": int(result.get("total_matches") or 0),
                    "offset": int(meta.get("offset") or 0),
                    "count": int(result.get("selected") or 0),
                    "list_name": meta.get("list_name"),
                },
            )
        )
    del ctx.state.seen_task_ids[:-1000]
    return joined


def current(ctx: TurnContext) -> dict[str, Any] | None:
    sets = ctx.state.result_sets
    if sets:
        return sets[-1]
    if ctx.state.last_prospect_ids:
        # A conversation from before result sets were kept.
        return {
            "source": "search",
            "filters": ctx.state.last_filters or {},
            "prospect_ids": list(ctx.state.last_prospect_ids),
            "count": len(ctx.state.last_prospect_ids),
        }
    return None


def set_ids(ctx: TurnContext, result_set: dict[str, Any]) -> list[str]:
    if result_set.get("source") == "task":
        try:
            task = tasks_service.get(
                ctx.session, ctx.workspace_id, uuid.UUID(result_set["task_id"])
            )
        except Exception:  # noqa: BLE001  (a deleted task leaves an empty set)
            return []
        return list((task.result or {}).get("prospect_ids") or [])
    return list(result_set.get("prospect_ids") or [])


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def select(ctx: TurnContext, selector: dict[str, Any] | None) -> Selection:
    """The people ``selector`` picks from the current set ({} or "all": everyone in it)."""
    selector = selector or {}
    result_set = current(ctx)
    if result_set is None:
        return Selection([], None)
    ids = set_ids(ctx, result_set)
    describe = ""
    if selector.get("first"):
        n = int(selector["first"])
        ids, describe = ids[:n], f"first {n}"
    elif selector.get("last"):
        n = int(selector["last"])
        ids, describe = ids[-n:], f"last {n}"
    elif selector.get("company") or selector.get("title"):
        people = prospects_service.get_prospects(ctx.session, [uuid.UUID(i) for i in ids])
        if selector.get("company"):
            want = _norm(str(selector["company"]))
            ids = [
                p["id"]
                for p in people
                if want and want in _norm(str((p.get("company") or {}).get("name") or ""))
            ]
            describe = f"at {selector['company']}"
        else:
            want = _norm(str(selector["title"]))
            ids = [p["id"] for p in people if want and want in _norm(str(p.get("job_title") or ""))]
            describe = f"title {selector['title']}"
    # The set counts as "named" when it is not this conversation's latest inline search.
    newest_search = next(
        (s for s in reversed(ctx.state.result_sets) if s.get("source") == "search"), None
    )
    named = result_set.get("source") == "task" or (
        newest_search is not None and newest_search is not result_set
    )
    return Selection(ids, result_set, named=named, describe=describe)
