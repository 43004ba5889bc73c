"""Every sentence Lexi says. Nothing user-facing is worded anywhere else."""

from __future__ import annotations

from typing import Any

from lexi import geo

NOT_AVAILABLE = {
    "campaign_create": "Drafting campaigns is not yet available in this version of Lexi.",
    "email_rewrite": "Rewriting campaign emails is not yet available in this version of Lexi.",
    "campaign_start": "Launching campaigns is not yet available in this version of Lexi.",
}
NOT_AVAILABLE_DEFAULT = "That is not yet available in this version of Lexi."
NOT_AVAILABLE_HINT = "Meanwhile I can find prospects and manage your lists."
TOOL_FAILED = "Something went wrong while I was {what}; nothing was changed and it cost no credits."
NO_PERMISSION = "This API key is not allowed to {what} (it needs the '{scope}' scope)."
TOOLS_OFF = "Tools are turned off for this message, so I did not search or change anything."
NOTHING_TO_SAVE = 'Which people should I add? Run a search first, for example "Find 20 CEOs at law firms in New York".'
LIST_NOT_FOUND = 'I couldn\'t find a list called "{name}". Your lists: {names}.'
NO_LISTS = "You don't have any lists yet."
WHICH_LIST = "Which list do you mean? Name it, or open the chat from a list."
THINKING = "Reading your request…"
CAPABILITIES_INTRO = "I can help you with:"
CAPABILITY_LINES = {
    "search_prospects": 'find prospects ("Find 20 CEOs at law firms in New York")',
    "save_to_list": 'save the people I found to a list ("add them to Q1 Leads")',
    "create_list": 'create lists ("save these as a new list called West Coast CTOs")',
    "remove_from_list": 'remove people from a list ("remove anyone at Acme from the list")',
    "list_stats": 'count a list\'s contacts ("how many contacts are in Q1 Leads?")',
    "credits": "tell you your credit balance",
    "list_tasks": "show tasks waiting for your approval",
}
STEP_SUMMARY = {
    "search_prospects": "Searching prospects",
    "save_to_list": "Saving to a list",
    "create_list": "Creating a list",
    "remove_from_list": "Removing from a list",
    "list_stats": "Counting list contacts",
    "credits": "Checking credits",
    "list_tasks": "Looking up tasks",
    "capabilities": "Listing what I can do",
}
DOING = {
    "search_prospects": "searching prospects",
    "save_to_list": "saving to the list",
    "create_list": "creating the list",
    "remove_from_list": "removing people from the list",
    "list_stats": "counting the list",
    "credits": "checking your credits",
    "list_tasks": "looking up your tasks",
    "capabilities": "listing what I can do",
}
PERMISSION_WHAT = {
    "prospects:read": "search prospects",
    "contacts:write": "change contacts or lists",
    "contacts:read": "read your lists",
    "lexi": "use Lexi",
}


def _n(count: int, one: str, many: str | None = None) -> str:
    return f"{count:,} {one if count == 1 else (many or one + 's')}"


def _plural_title(title: str) -> str:
    if title.endswith(("s", "x")) and not title.isupper():
        return title
    return title + "s"


def _join(items: list[str], word: str = "or") -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {word} " + items[-1]


def place_name(place: str) -> str:
    """ "New York, NY, US" -> "New York, NY"; "CA, US" -> "California"; "DE" -> "Germany"."""
    parts = [p.strip() for p in place.split(",")]
    if len(parts) == 1:
        return geo.country_name(parts[0]) or parts[0]
    country = parts[-1]
    if len(parts) == 2 and len(parts[0]) <= 3 and parts[0].isupper():
        region = geo.region_name(country, parts[0])
        if region:
            return (
                region if country == "US" else f"{region}, {geo.country_name(country) or country}"
            )
    if country == "US":
        return ", ".join(parts[:-1])
    return ", ".join(parts[:-1] + [geo.country_name(country) or country])


def _range(bounds: dict[str, Any] | None, unit: str, money: bool = False) -> str | None:
    if not bounds:
        return None
    lo, hi = bounds.get("min"), bounds.get("max")
    fmt = (lambda v: f"${v:,}") if money else (lambda v: f"{v:,}")
    if lo is not None and hi is not None:
        return f"{fmt(lo)}-{fmt(hi)} {unit}"
    if lo is not None:
        return f"{fmt(lo)}+ {unit}"
    if hi is not None:
        return f"up to {fmt(hi)} {unit}"
    return None


def describe_filters(filters: dict[str, Any]) -> str:
    """The interpretation in words: "CEOs at Law Practice companies in New York, NY"."""
    titles = [_plural_title(t) for t in filters.get("titles") or []]
    who = _join(titles) if titles else ""
    if not who:
        levels = [s.replace("_", "-") for s in filters.get("seniorities") or []]
        depts = [d.replace("_", " ") for d in filters.get("departments") or []]
        who = " ".join(x for x in (_join(levels), "people") if x) if levels else "people"
        if depts:
            who += f" in {_join(depts)}"
    elif filters.get("departments"):
        who += f" in {_join([d.replace('_', ' ') for d in filters['departments']])}"
    parts = [who]
    if filters.get("industries"):
        parts.append(f"at {_join(filters['industries'])} companies")
    sizes = [
        s
        for s in (
            _range(filters.get("employees"), "employees"),
            _range(filters.get("revenue_usd"), "in revenue", money=True),
        )
        if s
    ]
    if sizes:
        parts.append("with " + " and ".join(sizes))
    if filters.get("locations"):
        parts.append("in " + _join([place_name(p) for p in filters["locations"]]))
    if filters.get("exclude_locations"):
        parts.append(
            "outside " + _join([place_name(p) for p in filters["exclude_locations"]], "and")
        )
    if filters.get("keywords"):
        parts.append("matching " + _join([f'"{k}"' for k in filters["keywords"]]))
    if filters.get("technologies"):
        parts.append("using " + _join(filters["technologies"]))
    if filters.get("email_status"):
        parts.append(f"with {_join(filters['email_status'])} emails")
    return " ".join(parts)


def search_result(action: dict[str, Any]) -> str:
    desc = describe_filters(action["filters"])
    total = action["total_matches"]
    shown = len(action.get("prospects") or [])
    if total == 0:
        return f"I found no {desc}. Try a wider place, another industry or fewer filters."
    found = f"I found {_n(total, 'match', 'matches')} for {desc}"
    if shown < total:
        found += (
            f" and selected {shown:,}"
            if action.get("offset", 0) == 0
            else f" and selected {shown:,} more"
        )
    found += "."
    if action.get("list_name") is not None:
        already = shown - action.get("added", 0)
        saved = (
            f' I added {_n(action.get("added", 0), "person", "people")} to "{action["list_name"]}"'
        )
        if already > 0:
            saved += f" ({already:,} already there)"
        return found + saved + f"; it now holds {_n(action.get('contact_count', 0), 'contact')}."
    if action.get("save_skipped") == "permission":
        return found + " " + NO_PERMISSION.format(what="save them", scope="contacts:write")
    return found + ' Say "add them to <list name>" to save them.'


def approval_needed(action: dict[str, Any]) -> str:
    desc = describe_filters(action["filters"])
    quote = action.get("quote") or {}
    total = action.get("total_matches", 0)
    where = f' and add them to "{action["list_name"]}"' if action.get("list_name") else ""
    return (
        f"I found {_n(total, 'match', 'matches')} for {desc}. Selecting "
        f"{_n(quote.get('contacts', 0), 'person', 'people')} ({_n(quote.get('emails', 0), 'email')})"
        f"{where} costs {_n(quote.get('credits', 0), 'credit')}. "
        "Please approve the task to proceed."
    )


def started_in_background(action: dict[str, Any]) -> str:
    desc = describe_filters(action["filters"])
    quote = action.get("quote") or {}
    return (
        f"I found {_n(action.get('total_matches', 0), 'match', 'matches')} for {desc}. "
        f"Selecting {_n(quote.get('contacts', 0), 'person', 'people')} runs in the background; "
        "the task shows the result when it is done."
    )


def list_saved(action: dict[str, Any]) -> str:
    name = action["list_name"]
    added = action.get("added", 0)
    if action["type"] == "list_create":
        head = f'I created the list "{name}"'
        if action.get("existed"):
            head = f'A list called "{name}" already exists, so I used it'
        if added or action.get("selected"):
            return (
                head
                + f" and added {_n(added, 'person', 'people')}; it now holds {_n(action.get('contact_count', 0), 'contact')}."
            )
        return head + "."
    created = " (a new list)" if action.get("created_list") else ""
    return (
        f'I added {_n(added, "person", "people")} to "{name}"{created}; '
        f"it now holds {_n(action.get('contact_count', 0), 'contact')}."
    )


def list_removed(action: dict[str, Any]) -> str:
    who = action.get("company")
    what = f"anyone at {who}" if who else "them"
    return (
        f'I removed {_n(action.get("removed", 0), "contact")} ({what}) from "{action["list_name"]}"; '
        f"it now holds {_n(action.get('contact_count', 0), 'contact')}."
    )


def list_stats(action: dict[str, Any]) -> str:
    return f'"{action["list_name"]}" holds {_n(action.get("contact_count", 0), "contact")}.'


def credits(balance: int) -> str:
    return f"You have {_n(balance, 'credit')} left."


def tasks(action: dict[str, Any]) -> str:
    items = action.get("tasks") or []
    status = action.get("status_filter", "pending")
    if not items:
        return f"You have no {status} tasks."
    lines = [f"- {t['description']}" for t in items[:5]]
    more = f"\n…and {len(items) - 5} more." if len(items) > 5 else ""
    return f"You have {_n(len(items), f'{status} task')}:\n" + "\n".join(lines) + more


def capabilities(tool_names: list[str]) -> str:
    lines = [f"- {CAPABILITY_LINES[n]}" for n in tool_names if n in CAPABILITY_LINES]
    return CAPABILITIES_INTRO + "\n" + "\n".join(lines)


def task_description(filters: dict[str, Any], contacts: int, list_name: str | None) -> str:
    where = f' and add them to "{list_name}"' if list_name else " and save them as contacts"
    return f"Select {_n(contacts, 'person', 'people')}: {describe_filters(filters)}{where}."


def list_not_found(name: str, names: list[str]) -> str:
    if not names:
        return f'I couldn\'t find a list called "{name}". ' + NO_LISTS
    return LIST_NOT_FOUND.format(name=name, names=", ".join(f'"{n}"' for n in names[:10]))


def not_available(kind: str) -> str:
    return NOT_AVAILABLE.get(kind, NOT_AVAILABLE_DEFAULT) + " " + NOT_AVAILABLE_HINT


def tool_failed(tool_name: str) -> str:
    return TOOL_FAILED.format(what=DOING.get(tool_name, "working on that"))


def no_permission(scope: str) -> str:
    return NO_PERMISSION.format(what=PERMISSION_WHAT.get(scope, "do that"), scope=scope)


def step_summary(tool_name: str) -> str:
    return STEP_SUMMARY.get(tool_name, tool_name.replace("_", " ").capitalize())
