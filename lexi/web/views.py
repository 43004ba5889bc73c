"""Turn stored messages, tasks and filters into what the templates show (pure functions)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lexi.models import Message, Task
from lexi.prospects.filters import FILTERS


def filter_labels() -> dict[str, str]:
    """Filter keys in the order chips are shown (the order replies name them), with their
    labels; read when a page is drawn, so filters registered since have theirs."""
    return {name: spec.label for name, spec in FILTERS.items()}


@dataclass
class Chip:
    key: str
    index: int  # position in a list filter; -1 for a whole (range or number) filter
    label: str
    value: str
    removable: bool = True


@dataclass
class FilterField:
    key: str
    label: str
    value: str
    kind: str  # list | range | number


@dataclass
class SearchView:
    message_id: str
    status: str
    total: int
    filters: dict[str, Any]
    chips: list[Chip]
    fields: list[FilterField]
    rows: list[dict[str, Any]]
    offset: int = 0
    list_name: str | None = None
    list_id: str | None = None
    added: int | None = None
    task: Task | None = None
    quote: dict[str, Any] | None = None


@dataclass
class TurnView:
    role: str
    text: str
    message_id: str
    steps: list[str] = field(default_factory=list)
    searches: list[SearchView] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)  # approval tasks of steps that are not searches


def _range_text(value: dict[str, Any]) -> str:
    low, high = value.get("min"), value.get("max")
    if low is not None and high is not None:
        return f"{low:,}–{high:,}"
    if low is not None:
        return f"{low:,}+"
    if high is not None:
        return f"up to {high:,}"
    return "any"


def chips_for(filters: dict[str, Any]) -> list[Chip]:
    chips: list[Chip] = []
    labels = filter_labels()
    keys = [k for k in labels if k in filters] + [k for k in filters if k not in labels]
    for key in keys:
        value = filters[key]
        label = labels.get(key, key.replace("_", " ").capitalize())
        if isinstance(value, list):
            for i, item in enumerate(value):
                chips.append(Chip(key, i, label, str(item).replace("_", " ")))
        elif isinstance(value, dict):
            chips.append(Chip(key, -1, label, _range_text(value)))
        elif value is not None and value != "":
            chips.append(
                Chip(
                    key,
                    -1,
                    label,
                    "yes"
                    if value is True
                    else (f"{value:,}" if isinstance(value, int) else str(value)),
                    removable=key != "limit",
                )
            )
    return chips


def fields_for(filters: dict[str, Any]) -> list[FilterField]:
    out = []
    labels = filter_labels()
    for key, value in filters.items():
        label = labels.get(key, key.replace("_", " ").capitalize())
        if isinstance(value, list):
            out.append(FilterField(key, label, ", ".join(str(v) for v in value), "list"))
        elif isinstance(value, dict):
            low, high = value.get("min"), value.get("max")
            text = f"{'' if low is None else low}-{'' if high is None else high}"
            out.append(FilterField(key, label, text, "range"))
        elif isinstance(value, int):
            out.append(FilterField(key, label, str(value), "number"))
    return out


def without_chip(filters: dict[str, Any], key: str, index: int) -> dict[str, Any]:
    """The filters with one chip removed (one item of a list, or a whole range)."""
    out = dict(filters)
    value = out.get(key)
    if isinstance(value, list) and 0 <= index < len(value):
        out[key] = [v for i, v in enumerate(value) if i != index]
        if not out[key]:
            del out[key]
    elif key in out and key != "limit":
        del out[key]
    return out


def _number(text: str) -> int | None:
    cleaned = text.replace(",", "").replace("_", "").strip()
    if not cleaned:
        return None
    if not cleaned.isdigit():
        raise ValueError(text)
    return int(cleaned)


def edited(filters: dict[str, Any], form: dict[str, str]) -> dict[str, Any]:
    """The filters with the edit form's values (``f_<key>``); an emptied field drops its filter.

    Raises ``ValueError(key)`` for a range or number that is not written as digits."""
    out = dict(filters)
    for key, value in filters.items():
        name = f"f_{key}"
        if name not in form:
            continue
        text = form[name].strip()
        try:
            if isinstance(value, list):
                items = [v.strip() for v in text.split(",") if v.strip()]
                if items:
                    out[key] = items
                else:
                    out.pop(key, None)
            elif isinstance(value, dict):
                if not text.strip("- "):
                    out.pop(key, None)
                    continue
                low, _, high = text.partition("-")
                out[key] = {"min": _number(low), "max": _number(high)}
            elif isinstance(value, int):
                number = _number(text)
                if number is None:
                    out.pop(key, None)
                else:
                    out[key] = number
        except ValueError:
            raise ValueError(key) from None
    return out


def person_row(p: dict[str, Any]) -> dict[str, Any]:
    company = p.get("company") or {}
    place = ", ".join(x for x in (p.get("city"), p.get("state"), p.get("country")) if x)
    return {
        "id": p.get("id"),
        "name": p.get("full_name")
        or " ".join(x for x in (p.get("first_name"), p.get("last_name")) if x),
        "title": p.get("job_title") or "",
        "company": company.get("name") or "",
        "industry": company.get("industry") or "",
        "size": company.get("employee_count"),
        "location": place,
        "email_status": (p.get("email_status") or "").replace("_", " "),
        "saved": bool(p.get("saved")),
        "signals": [str(s) for s in p.get("signals") or []],
    }


def search_view(msg: Message, tasks: dict[str, Task]) -> SearchView | None:
    out = msg.tool_output or {}
    if out.get("type") != "prospect_search" or not isinstance(out.get("filters"), dict):
        return None
    filters = out["filters"]
    task_id = out.get("task_id")
    task = tasks.get(str(task_id)) if task_id else None
    prospects = out.get("prospects") or []
    total = int(out.get("total_matches") or 0)
    if task is not None and task.status == "completed" and task.result:
        # An approved search ran in the background: show what it selected.
        prospects = task.result.get("prospects") or []
        total = int(task.result.get("total_matches") or total)
    return SearchView(
        message_id=str(msg.id),
        status=str(out.get("status") or ""),
        total=total,
        filters=filters,
        chips=chips_for(filters),
        fields=fields_for(filters),
        rows=[person_row(p) for p in prospects],
        offset=int(out.get("offset") or 0),
        list_name=out.get("list_name"),
        list_id=out.get("list_id"),
        added=out.get("added"),
        task=task,
        quote=out.get("quote"),
    )


def task_ids(messages: list[Message]) -> list[str]:
    return [
        str(m.tool_output["task_id"])
        for m in messages
        if m.role == "tool" and m.tool_output and m.tool_output.get("task_id")
    ]


def turns(messages: list[Message], tasks: dict[str, Task]) -> list[TurnView]:
    """User and assistant messages, each reply carrying the tool steps and searches before it."""
    out: list[TurnView] = []
    steps: list[str] = []
    searches: list[SearchView] = []
    others: list[Task] = []
    for m in messages:
        if m.role == "user":
            out.append(TurnView("user", m.content, str(m.id)))
        elif m.role == "tool":
            steps.append(m.content)
            view = search_view(m, tasks)
            if view is not None:
                searches.append(view)
            elif m.tool_output and m.tool_output.get("task_id"):
                # Any other proposal (starting a campaign, deleting a list): its task, if still known.
                task = tasks.get(str(m.tool_output["task_id"]))
                if task is not None and all(t.id != task.id for t in others):
                    others.append(task)
        else:
            out.append(TurnView("assistant", m.content, str(m.id), steps, searches, others))
            steps, searches, others = [], [], []
    return out
