"""Every sentence Lexi says. Nothing user-facing is worded anywhere else."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lexi.kit.text import plural_title
from lexi.prospects.filter_words import (
    INDUSTRY_NAMES,
    MAX_NAMED,
    industry_phrase,
    place_name,
)
from lexi.prospects.filter_words import join as _join
from lexi.prospects.filter_words import the as _the
from lexi.prospects.filters import ProspectFilters, filter_clauses

LEVEL_NAMES = {
    "owner": ("owner", "owners"),
    "founder": ("founder", "founders"),
    "c_suite": ("C-level executive", "C-level executives"),
    "partner": ("partner", "partners"),
    "vp": ("VP", "VPs"),
    "head": ("head", "heads"),
    "director": ("director", "directors"),
    "manager": ("manager", "managers"),
    "senior": ("senior individual contributor", "senior individual contributors"),
    "entry": ("entry-level employee", "entry-level employees"),
    "intern": ("intern", "interns"),
}
DEPARTMENT_NAMES = {
    "information_technology": "IT",
    "human_resources": "HR",
    "customer_success": "Customer Success",
}

# A request the campaigns can answer points to them: a newcomer asking for one email should
# learn that Lexi writes and sends whole sequences.
CAMPAIGN_EXAMPLE = '"Create an outreach campaign for my Q1 Leads list about legal automation"'
NOT_AVAILABLE = {
    "email_draft": "I don't write one-off emails in chat, so I didn't search or change anything. "
    "A campaign writes emails for a whole list, with each person's name and company filled in: "
    f"try {CAMPAIGN_EXAMPLE}.",
    "email_send": "I don't send single emails from chat; nothing was sent. A campaign emails a "
    f'whole list once you approve its start: try {CAMPAIGN_EXAMPLE}, then "start the campaign".',
    "unsupported": "I can't do that from here.",
}
EXPORT_RESULTS = (
    'I export lists rather than search results: add them to a list, then say "export" and '
    "the list's name for a CSV download link."
)
# What Lexi cannot do, named, keyed by the reason understanding gives (``params["reason"]``).
CANNOT_DO = {
    "crm_push": "I can't push people into a CRM or a sales engagement tool (Salesforce, HubSpot, "
    "Outreach, Salesloft...) yet. Save them to a list and export it as a CSV to import there.",
    "prospect_facts": "I don't have that about them: I know people's names, titles, emails and "
    "where they are, and their companies' industry, size, revenue, funding, technologies and "
    "hiring, and I can filter searches on those.",
}
NOT_AVAILABLE_DEFAULT = "That is not yet available in this version of Lexi."
NOT_AVAILABLE_HINT = (
    "I can find prospects, manage your lists, draft and run email campaigns, and tell you your "
    'credits or pending tasks; ask "what can you do?" for examples.'
)
TOOL_FAILED = "Something went wrong while I was {what}; nothing was changed and it cost no credits."
NO_PERMISSION = "This API key is not allowed to {what} (it needs the '{scope}' scope)."
TOOLS_OFF = "Tools are turned off for this message, so I did not search or change anything."
# The clarifying questions, keyed by the code understanding returns in ``Intent.question``
# (what is missing, or a more specific variant of it).
QUESTIONS: dict[str, str] = {
    "roles": "Which roles should I look for? For example CEOs, heads of marketing or VPs of Sales.",
    "search": "There is no earlier search to build on. Who should I look for? For example "
    '"Find 20 CEOs at law firms in New York".',
    "list": "Which list do you mean? Name it, for example \"add them to my 'Q1 Leads' list\".",
    "list_name": "What should I call the new list?",
    "prospects": "Which people do you mean? Run a search first, for example "
    '"Find 20 CEOs at law firms in New York".',
    "who": 'Who should I remove from the list? For example "remove anyone at Acme from the list".',
    "permission": "I can't change rules, credits, approvals, keys or workspaces from chat. "
    + NOT_AVAILABLE_HINT,
    "request": "I'm not sure what you'd like me to do. I can find prospects (\"Find 20 CEOs at law "
    'firms in New York"), save them to lists, draft email campaigns for a list and check your '
    'credits or pending tasks; ask "what can you do?" for more.',
    # "add them to the list" with no list known: the short form.
    "which_list": "Which list do you mean?",
    "new_list_people": "Which people should go in the new list? Run a search first.",
    # "approve the one for X" with several tasks waiting in the conversation: chat acts only on
    # the newest, so another one is approved where it can be named.
    "which_task": "Several tasks are waiting in this conversation, and in chat I can only approve "
    'or cancel the newest one ("approve the newest one"). To approve another, use the Lexi web '
    'app or `lexi tasks approve <task id>`; "show my pending tasks" lists them.',
    # A request in another language with words the rules did not read (see
    # understanding/languages.py): asked again in English instead of searched without them.
    "language": "I understand requests in English; in Spanish, French, German and Portuguese I "
    "only know common job titles and places, and some of your words I couldn't read. Could you "
    'write it in English? For example "Find 20 sales directors at software companies in Madrid".',
}


def question(code: str) -> str:
    """The words of a clarifying question; an interpreter that words its own passes through."""
    return QUESTIONS.get(code, code)


NOTHING_TO_SAVE = 'Which people should I add? Run a search first, for example "Find 20 CEOs at law firms in New York".'
LIST_NOT_FOUND = 'I couldn\'t find a list called "{name}". Your lists: {names}.'
NO_LISTS = "You don't have any lists yet."
NOBODY_SELECTED = (
    "Nobody in the current results matches that. Say which people, for example "
    '"add the first 5 to Q1 Leads".'
)
WHICH_LIST = "Which list do you mean? Name it, or open the chat from a list."
THINKING = "Reading your request…"
CAPABILITIES_INTRO = "I can help you with:"
SMALL_TALK = {
    "hello": 'Hi! I find prospects and keep your lists. Try "Find 20 CEOs at law firms in New '
    'York", or ask "what can you do?".',
    "thanks": "You're welcome! Anything else?",
    "bye": "Bye for now. Your conversation stays here when you come back.",
}
# What a word in the results or a filter means: the answer to "what does verified mean?",
# keyed by the topic code understanding returns (``understanding.concepts``).
_EMAIL_STATUSES = (
    "Every email has one of three statuses: verified, guessed or unavailable. "
    '"only verified emails" keeps the first; "verified or guessed" both.'
)
CONCEPTS = {
    "email_verified": "A verified email is an address confirmed to be the person's and to "
    "accept mail: the safest to send a campaign to. " + _EMAIL_STATUSES,
    "email_guessed": "A guessed email follows the company's address pattern (such as "
    "first.last@company.com) but was not confirmed, so some will bounce. " + _EMAIL_STATUSES,
    "email_catch_all": "A catch-all (accept-all) domain takes mail for any address, so an "
    "address there cannot be confirmed; such emails count as guessed. " + _EMAIL_STATUSES,
    "email_unavailable": "Unavailable means there is no usable email for that person (none "
    "found, or it bounced). " + _EMAIL_STATUSES,
    "email_status": _EMAIL_STATUSES,  # {placeholders} are filled by ``concept``
    "headcount_growth": "Growing fast means the company's headcount is up {growing_pct}% or more "
    'over the last 12 months; say a number to change it ("growing 30%+ over the past year").',
    "shrinking": "Shrinking means the company's headcount went down over the last 12 months.",
    "recently_funded": "Recently funded means the company's last funding round is recent: by "
    'default within the last {funding_days} days; say a date or span to change it ("raised in '
    '2026").',
    "new_in_role": "New in role means the person started their current role recently: by "
    'default within the last {role_days} days ("started a new job in the last 60 days").',
    "just_adopted": "Just adopted means a technology first seen at the company in the last "
    '{adopted_days} days by default ("adopted HubSpot in the last 30 days").',
    "hiring": "Hiring means the company has an open job posting for the role you name "
    '("companies hiring SDRs"), optionally posted within a span ("in the last 30 days").',
    "seniority": "Seniority is a person's level: owner, founder, C-level, partner, VP, head, "
    "director, manager, senior, entry or intern.",
    "department": "Department is the part of the company a person works in, such as sales, "
    "marketing, engineering, finance, HR or legal.",
    "credits": "Credits pay for work: a message costs {message_credits}, a search that finds "
    "people {search_credits} more; questions about credits or what I can do are free. Ask "
    '"how many credits do I have?".',
    "contacts": "Contacts are the people you saved from searches or imports; a list is a named "
    "group of contacts.",
    "filters": "I filter people by job title, seniority and department, and their companies by "
    "industry, size (employees), revenue, location and headquarters, technologies used, funding "
    "(stage, last round, total raised), headcount growth, open job postings, recent job changes "
    'and email status. Try "CFOs at SaaS companies in Texas with 50-200 employees".',
    "filter_technologies": 'Yes: name the software the companies use ("IT managers at '
    'accounting firms using Xero"), or one they adopted recently ("adopted HubSpot in the last '
    '{adopted_days} days").',
    "filter_funding": 'Yes: by funding stage ("Series B fintechs"), the date of the last round '
    '("raised in the last 6 months") and the total raised ("raised $50M+ in total").',
    "phone": "No: I have no phone numbers. Every person comes with an email, verified, guessed or "
    'unavailable ("only verified emails" keeps the first).',
    "approval": "A search that would save more people than your workspace's auto-approve limit "
    'becomes a task; it runs and charges only when you approve it ("approve it").',
}
CAPABILITY_LINES = {
    "search_prospects": 'find prospects ("Find 20 CEOs at law firms in New York")',
    "save_to_list": 'save the people I found to a list ("add them to Q1 Leads")',
    "create_list": 'create lists ("save these as a new list called West Coast CTOs")',
    "remove_from_list": 'remove people from a list ("remove anyone at Acme from the list")',
    "list_stats": 'show who is in a list ("what\'s in Q1 Leads?")',
    "show_lists": 'show your lists ("show my lists")',
    "rename_list": 'rename, merge, export or delete lists ("export my Q1 Leads list")',
    "approve_task": 'approve or cancel what I propose ("approve it", "cancel that task")',
    "create_campaign": (
        'draft email campaigns for a list ("Create an outreach campaign for my Q1 Leads list '
        'about legal automation")'
    ),
    "rewrite_emails": (
        'rewrite, show or undo campaign emails ("make the email more casual", "show me the '
        'email", "undo that")'
    ),
    "start_campaign": (
        'start, pause and follow campaigns ("start the campaign", "how is the campaign doing?")'
    ),
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
    "show_lists": "Looking up your lists",
    "rename_list": "Renaming a list",
    "delete_list": "Proposing to delete a list",
    "export_list": "Preparing an export",
    "merge_lists": "Merging lists",
    "approve_task": "Approving the task",
    "dismiss_task": "Cancelling the task",
    "create_campaign": "Drafting the campaign",
    "show_campaign": "Reading the campaign's emails",
    "rewrite_emails": "Rewriting the emails",
    "undo_rewrite": "Restoring an earlier version",
    "start_campaign": "Proposing to start the campaign",
    "pause_campaign": "Pausing the campaign",
    "campaign_stats": "Reading the campaign's stats",
    "understanding": "Understanding the message",
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
    "show_lists": "looking up your lists",
    "rename_list": "renaming the list",
    "delete_list": "proposing to delete the list",
    "export_list": "preparing the export",
    "merge_lists": "merging the lists",
    "approve_task": "approving the task",
    "dismiss_task": "cancelling the task",
    "create_campaign": "drafting the campaign",
    "show_campaign": "reading the campaign",
    "rewrite_emails": "rewriting the emails",
    "undo_rewrite": "restoring the earlier version",
    "start_campaign": "preparing the launch",
    "pause_campaign": "pausing the campaign",
    "campaign_stats": "reading the campaign's stats",
}
PERMISSION_WHAT = {
    "prospects:read": "search prospects",
    "contacts:write": "change contacts or lists",
    "contacts:read": "read your lists",
    "campaigns:write": "create or change campaigns",
    "campaigns:read": "read campaigns",
    "lexi": "use Lexi",
}


def _n(count: int, one: str, many: str | None = None) -> str:
    return f"{count:,} {one if count == 1 else (many or one + 's')}"


def _dept(name: str) -> str:
    return DEPARTMENT_NAMES.get(name, name.replace("_", " ").title())


def _roles(filters: Mapping[str, Any], one: bool) -> str:
    """Who, as people say it: "CEOs", "VPs of Sales", "sales managers", "people in marketing"."""
    titles = list(filters.get("titles") or [])
    depts = [_dept(d) for d in filters.get("departments") or []]
    if titles:
        words = titles if one else [plural_title(t) for t in titles]
        if len(words) > MAX_NAMED:
            return f"{', '.join(words[:2])} and {len(words) - 2} other titles"
        who = _join(words)
        return who + (f" in {_join([d.lower() for d in depts])}" if depts else "")
    levels = list(filters.get("seniorities") or [])
    if not levels:
        if depts:
            return ("person" if one else "people") + f" in {_join([d.lower() for d in depts])}"
        return "person" if one else "people"
    names = [LEVEL_NAMES.get(lv, (lv, lv + "s"))[0 if one else 1] for lv in levels]
    if len(names) > MAX_NAMED:
        # A ladder ("directors and above in sales"): name its lowest rung.
        above = f"{names[-1]} and above"
        return above + (f" in {_join([d.lower() for d in depts], 'and')}" if depts else "")
    if not depts:
        return _join(names, "and")
    if all(lv in ("vp", "head", "director", "c_suite") for lv in levels):
        return f"{_join([n[0].upper() + n[1:] for n in names], 'and')} of {_join(depts, 'and')}"
    return f"{_join([d.lower() for d in depts], 'and')} {_join(names, 'and')}"


def describe_filters(filters: ProspectFilters | Mapping[str, Any], count: int | None = None) -> str:
    """The request in words: "CEOs at law firms in New York City"; with ``count``, the number
    leads ("26 CEOs at law firms in New York City", "1 CEO at ..."). Who the people are comes
    first; every other filter says its own clause (``lexi.prospects.filters``). ``filters`` is
    the typed model or, as actions store it, the contract's filters object."""
    if isinstance(filters, ProspectFilters):
        filters = filters.to_dict()
    text = " ".join([_roles(filters, count == 1), *filter_clauses(filters)])
    return f"{count:,} {text}" if count is not None else text


NEXT_SAVE = 'Say "add them to" and a list name to save them.'
NEXT_MORE = 'Say "show me more" for the next ones, or "add them to" and a list name to save these.'
NEXT_APPROVE = 'Say "approve it" to run it, or "cancel that task".'
NEXT_WIDER = "Try a wider place, another industry or fewer filters."
NO_SEARCH_FEE = "so there was no search fee"


def _who(action: dict[str, Any], count: int) -> str:
    return describe_filters(action.get("filters") or {}, count)


def _people(count: int) -> str:
    return _n(count, "person", "people")


# Criteria a request may name that no filter expresses (codes from understanding.unsupported).
# Funding stages, dates and amounts, hiring, growth and job changes are filters
# (understanding.signals); these codes are only the descriptions of them no filter expresses
# ("bootstrapped", "pre-IPO", "Series B-size").
UNSUPPORTED = {
    "funding_stage": "that funding description",
    "funding_amount": "that funding amount",
    "funding_date": "that funding date",
    "aum": "assets under management",
    "total_assets": "total assets",
    "ownership_type": "ownership (public, private, family- or PE-owned)",
    "company_list": "rankings such as the Fortune 500",
    "exclude_companies": "excluding named companies",
    "bed_count": "hospital beds",
    "location_count": "number of locations",
    "fleet_size": "fleet size",
    "room_count": "number of rooms",
    "enrollment": "student enrollment",
    "role_headcount": "how many of one occupation a company employs",
    "technology_spend": "what a company spends on technology",
    "podcast": "podcasts",
    "founded_year": "the year a company was founded",
    "intent_data": "buying intent",
    "hiring_signals": "that hiring description",
    "job_change": "that job change",
    "headcount_growth": "that growth description",
    "revenue_growth": "revenue growth",
    "years_of_experience": "years of experience",
    "tenure": "time in role",
    "education": "education",
    "languages": "languages spoken",
    "phone": "phone numbers",
    "past_employer": "past employers",
    "work_model": "remote or office work",
    "news_events": "company news",
    "social_activity": "social media activity",
    "exclude_titles": "excluding job titles",
    "exclude_technologies": "technologies a company does not use",
    "exclude_keywords": "leaving out companies by what they do",
}
UNSUPPORTED_NOTE = "I can't filter on {what} yet, so I left that out."


def unsupported_note(codes: list[str]) -> str:
    """ "I can't filter on buying intent yet, so I left that out." (empty when nothing was)."""
    names = [UNSUPPORTED.get(c, c.replace("_", " ")) for c in codes]
    return UNSUPPORTED_NOTE.format(what=_join(names, "or")) if names else ""


NOT_UNDERSTOOD_NOTE = "I don't know {what} as a place or filter, so I searched without it."


# What each signal means in numbers, said with the first result of a search using it.
SIGNAL_MEANINGS = {
    "growing_fast": "growing fast means headcount up {pct}% or more in {months} months",
    "shrinking": "shrinking means headcount down over the last {months} months",
    "recently_funded": "recently funded means a round since {after}",
    "new_in_role": "new in role means started in the current role in the last {days} days",
    "just_adopted": "just adopted means first seen at the company in the last {days} days",
    "hiring": "hiring means an open job posting{posted}",
}
SIGNALS_NOTE = "By the numbers: {what}."


def signal_notes(filters: dict[str, Any]) -> str:
    """ "By the numbers: growing fast means headcount up 20% or more in 12 months." """
    what: list[str] = []
    growth = filters.get("headcount_growth_pct") or {}
    if growth.get("min") is not None:
        what.append(
            SIGNAL_MEANINGS["growing_fast"].format(
                pct=growth["min"], months=growth.get("months") or 12
            )
        )
    elif growth.get("max") is not None:
        what.append(SIGNAL_MEANINGS["shrinking"].format(months=growth.get("months") or 12))
    funding = filters.get("last_funding") or {}
    if funding.get("after") and not funding.get("before"):
        what.append(SIGNAL_MEANINGS["recently_funded"].format(after=funding["after"]))
    hiring = filters.get("hiring_for") or {}
    if hiring:
        days = hiring.get("posted_within_days")
        posted = f" from the last {days} days" if days and days < 3650 else ""
        what.append(SIGNAL_MEANINGS["hiring"].format(posted=posted))
    if filters.get("job_change_within_days"):
        what.append(SIGNAL_MEANINGS["new_in_role"].format(days=filters["job_change_within_days"]))
    if filters.get("technologies_added_within_days"):
        what.append(
            SIGNAL_MEANINGS["just_adopted"].format(days=filters["technologies_added_within_days"])
        )
    return SIGNALS_NOTE.format(what="; ".join(what)) if what else ""


def notes(action: dict[str, Any]) -> str:
    """What the search left out and why, before the result."""
    parts = [
        unsupported_note(action.get("unsupported") or []),
        signal_notes(action.get("filters") or {}),
    ]
    unknown = action.get("not_understood") or []
    if unknown:
        parts.append(NOT_UNDERSTOOD_NOTE.format(what=_join([f'"{w}"' for w in unknown], "or")))
    return " ".join(p for p in parts if p)


def _places(places: list[str]) -> str:
    names = [_the(place_name(p)) for p in places]
    return _join(names) if len(names) <= MAX_NAMED else f"{len(names)} places"


def _near_miss(filters: dict[str, Any], offer: dict[str, Any]) -> str:
    """One near search and its count: "12 in Idaho", "7 at internet companies in Boise, ID",
    "4 heads of finance"."""
    n, change = int(offer.get("count") or 0), offer.get("change") or {}
    if offer.get("kind") == "place":
        return f"{n:,} in {_places(list(change.get('locations') or []))}"
    if offer.get("kind") == "industry":
        where = list(filters.get("locations") or [])
        text = f"{n:,} {industry_phrase(list(change.get('industries') or []))}"
        return text + (f" in {_places(where)}" if where else "")
    return f"{n:,} {_roles(offer.get('filters') or {}, n == 1)}"


def _near_offer(offer: dict[str, Any]) -> str:
    change = offer.get("change") or {}
    if offer.get("kind") == "place":
        return f"want me to widen to {_places(list(change.get('locations') or []))}?"
    if offer.get("kind") == "industry":
        names = [
            INDUSTRY_NAMES.get(i, f"{i.lower()} companies") for i in change.get("industries") or []
        ]
        return f"want me to include {_join(names, 'and')}?"
    return f"want me to look for {_roles(offer.get('filters') or {}, False)} instead?"


def near_misses(filters: dict[str, Any], offers: list[dict[str, Any]]) -> str:
    """What a search that found nobody nearly found, and the first of it offered:
    "Nearby: 12 in Idaho, 7 at internet companies in Boise, ID — want me to widen to Idaho?"."""
    found = ", ".join(_near_miss(filters, o) for o in offers)
    return f"Nearby: {found} — {_near_offer(offers[0])}"


def search_result(action: dict[str, Any]) -> str:
    note = notes(action)
    text = _search_result(action)
    return f"{note} {text}" if note else text


def _search_result(action: dict[str, Any]) -> str:
    filters = action.get("filters") or {}
    total = int(action.get("total_matches") or 0)
    shown = len(action.get("prospects") or [])
    offset = int(action.get("offset") or 0)
    if total == 0:
        if action.get("nearby"):
            return f"I found no {describe_filters(filters)}, {NO_SEARCH_FEE}. " + near_misses(
                filters, action["nearby"]
            )
        return f"I found no {describe_filters(filters)}, {NO_SEARCH_FEE}. {NEXT_WIDER}"
    if shown == 0:
        return (
            f"There are no more {describe_filters(filters)}: you've seen all {total:,}, "
            f"{NO_SEARCH_FEE}."
        )
    if offset:
        head = (
            f"Here are {shown:,} more {describe_filters(filters)} "
            f"({offset + 1:,}-{offset + shown:,} of {total:,})."
        )
    elif shown < total:
        head = f"I found {_who(action, total)}; here are the first {shown:,}."
    else:
        head = f"I found {_who(action, total)}."
    if action.get("list_name") is not None:
        added = int(action.get("added") or 0)
        already = shown - added
        where = f'"{action["list_name"]}"'
        if added == 0:
            saved = f"All {shown:,} were already in {where}"
        else:
            saved = f"I added {_people(added)} to {where}"
            if already > 0:
                saved += f" ({already:,} were already there)"
        saved += f", which now holds {_n(int(action.get('contact_count') or 0), 'contact')}."
        nxt = ' Say "show me more" for the next ones.' if offset + shown < total else ""
        return f"{head} {saved}{nxt}"
    if action.get("save_skipped") == "permission":
        return head + " " + NO_PERMISSION.format(what="save them", scope="contacts:write")
    return f"{head} {NEXT_MORE if offset + shown < total else NEXT_SAVE}"


def _list_part(action: dict[str, Any]) -> str:
    name = action.get("list_name")
    return f' to "{name}"' if name else " to your contacts"


def approval_needed(action: dict[str, Any]) -> str:
    note = notes(action)
    text = _approval_needed(action)
    return f"{note} {text}" if note else text


def _approval_needed(action: dict[str, Any]) -> str:
    quote = action.get("quote") or {}
    total = int(action.get("total_matches") or 0)
    contacts = int(quote.get("contacts") or 0)
    emails = int(quote.get("emails") or 0)
    return (
        f"I found {_who(action, total)}. Saving {contacts:,} of them ({emails:,} with an email)"
        f"{_list_part(action)} costs {_n(int(quote.get('credits') or 0), 'credit')} once you "
        f"approve. {NEXT_APPROVE}"
    )


def started_in_background(action: dict[str, Any]) -> str:
    quote = action.get("quote") or {}
    total = int(action.get("total_matches") or 0)
    return (
        f"I found {_who(action, total)}. Saving {int(quote.get('contacts') or 0):,} of them"
        f"{_list_part(action)} runs in the background for "
        f"{_n(int(quote.get('credits') or 0), 'credit')}; they will join this conversation when "
        "it is done."
    )


def _from_set(action: dict[str, Any], count: int) -> str:
    """Who was added, naming the result set when it is not the latest search shown here."""
    rs = action.get("result_set") or {}
    selection = rs.get("selection") or ""
    if rs.get("named"):
        who = describe_filters(rs.get("filters") or {}, count)
        where = "the approved search" if rs.get("source") == "task" else "an earlier search"
        if selection.startswith(("first", "last")):
            return f"the {selection} {describe_filters(rs.get('filters') or {})} from {where}"
        return f"{who} from {where}"
    if selection.startswith(("first", "last")):
        return f"the {selection}"
    if selection.startswith("at "):
        return f"{_people(count)} {selection}"
    return _people(count)


def list_saved(action: dict[str, Any]) -> str:
    name = f'"{action["list_name"]}"'
    added = int(action.get("added") or 0)
    selected = int(action.get("selected") or 0)
    count = _n(int(action.get("contact_count") or 0), "contact")
    if action["type"] == "list_create" and not selected:
        if action.get("existed"):
            return f"You already have a list called {name}; it holds {count}."
        return f"I created the list {name}. {NEXT_SAVE.replace('a list name', 'its name')}"
    created = action.get("created_list") or (
        action["type"] == "list_create" and not action.get("existed")
    )
    if added == 0 and selected:
        return f"All {selected:,} were already in {name}, so nothing changed; it holds {count}."
    what = _from_set(action, added)
    head = f"I created {name} and added {what}" if created else f"I added {what} to {name}"
    already = int(action.get("already_in_list") or 0)
    extra = f" ({already:,} were already there)" if already > 0 else ""
    return f"{head}{extra}; it now holds {count}."


def list_removed(action: dict[str, Any]) -> str:
    removed = int(action.get("removed") or 0)
    name = f'"{action["list_name"]}"'
    count = _n(int(action.get("contact_count") or 0), "contact")
    if action.get("company"):
        what = f"{_n(removed, 'contact')} at {action['company']}"
    elif action.get("title"):
        what = f"{removed:,} " + (
            action["title"] if removed == 1 else plural_title(str(action["title"]))
        )
    elif action.get("last"):
        return (
            f"I removed the last {_n(removed, 'contact')} added to {name}; it now holds {count}. "
            "The contacts themselves stay."
        )
    else:
        what = _n(removed, "contact")
    if removed == 0:
        return f"Nobody in {name} matched, so nothing changed; it holds {count}."
    return f"I removed {what} from {name}; it now holds {count}. The contacts themselves stay."


def list_stats(action: dict[str, Any]) -> str:
    count = int(action.get("contact_count") or 0)
    name = f'"{action["list_name"]}"'
    first = action.get("first_contacts") or []
    if not count:
        return f"{name} is empty."
    if not first:
        return f"{name} holds {_n(count, 'contact')}."
    people = []
    for c in first:
        role = ", ".join(x for x in (c.get("job_title"), c.get("company_name")) if x)
        people.append(f"{c.get('full_name') or 'someone'}" + (f" ({role})" if role else ""))
    rest = count - len(first)
    tail = f" and {rest:,} more" if rest > 0 else ""
    return f"{name} holds {_n(count, 'contact')}: {'; '.join(people)}{tail}."


def list_overview(action: dict[str, Any]) -> str:
    lists = action.get("lists") or []
    if not lists:
        return f'{NO_LISTS} After a search, say "add them to" and a name to start one.'
    shown = ", ".join(f'"{x["name"]}" ({_n(int(x["contact_count"]), "contact")})' for x in lists)
    more = " and more" if action.get("more") else ""
    return (
        f"You have {_n(len(lists), 'list')}{'+' if more else ''}: {shown}{more}. "
        'Say "what\'s in" and a list name to see who is in one.'
    )


def list_renamed(action: dict[str, Any]) -> str:
    return f'I renamed "{action["old_name"]}" to "{action["list_name"]}".'


def delete_task_description(name: str, count: int) -> str:
    return f'Delete the list "{name}" ({_n(count, "contact")}; the contacts stay).'


def list_delete_proposed(action: dict[str, Any]) -> str:
    count = _n(int(action.get("contact_count") or 0), "contact")
    return (
        f'Deleting "{action["list_name"]}" ({count}; the contacts themselves stay) needs your '
        f'approval. Say "approve it" to delete it, or "cancel that task".'
    )


def list_exported(action: dict[str, Any]) -> str:
    count = _n(int(action.get("contact_count") or 0), "contact")
    return (
        f'Here is "{action["list_name"]}" as a CSV file ({count}): {action["download_url"]} '
        "(download it with your API key)."
    )


def lists_merged(action: dict[str, Any]) -> str:
    count = _n(int(action.get("contact_count") or 0), "contact")
    return (
        f"I added {_n(int(action.get('added') or 0), 'contact')} from "
        f'"{action["source_list_name"]}" to "{action["list_name"]}", which now holds {count}; '
        f'"{action["source_list_name"]}" is unchanged.'
    )


def task_approved(action: dict[str, Any]) -> str:
    credits = int(action.get("credits") or 0)
    cost = f" for {_n(credits, 'credit')}" if credits else ""
    what = str(action.get("description") or "The task").rstrip(".")
    return (
        f"Approved{cost}: {what[0].lower() + what[1:]}. It runs in the background, and the "
        "people it saves join this conversation when it is done."
        if action.get("task_type") == "prospect_search"
        else f"Approved: {what[0].lower() + what[1:]}. The campaign goes live in the background; "
        'ask "how is the campaign doing?" any time.'
        if action.get("task_type") == "campaign_start"
        else f"Approved: {what[0].lower() + what[1:]}. It runs in the background."
    )


def task_dismissed(action: dict[str, Any]) -> str:
    return "Cancelled. Nothing from that task will run, and it cost nothing."


NO_PENDING_TASK = (
    'There is no task waiting for approval in this conversation. Say "show my pending tasks" '
    "to see the workspace's."
)


def cannot_approve(action: dict[str, Any]) -> str:
    scope = action.get("required_scope", "")
    task = action.get("task_id") or "<task id>"
    missing = action.get("missing_scopes") or []
    if missing and missing != ["lexi"]:
        needed = ", ".join(f"'{s}'" for s in missing)
        return (
            f"This API key can't approve or cancel that task: what it does needs the {needed} "
            f"scope{'s' if len(missing) > 1 else ''}, which this key lacks. Approve it in the Lexi "
            f"web app, or with POST /v1/lexi/tasks/{task}/approve using a key that has "
            f"{'them' if len(missing) > 1 else 'it'}."
        )
    return (
        f"This API key can't approve or cancel tasks (it needs the '{scope}' scope). Approve it "
        f"in the Lexi web app, with `lexi tasks approve {task}`, or with "
        f"POST /v1/lexi/tasks/{task}/approve using a key that has that scope."
    )


def cannot_afford_task(action: dict[str, Any]) -> str:
    return (
        f"Approving needs {_n(int(action.get('required') or 0), 'credit')} but you have "
        f"{_n(int(action.get('balance') or 0), 'credit')}, so the task is still waiting."
    )


def concept(topic: str, numbers: Mapping[str, int]) -> str:
    """What the concept means, with the numbers the rules use ("20% or more")."""
    return CONCEPTS[topic].format(**numbers)


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
    have = set(tool_names)
    lines = [f"- {line}" for name, line in CAPABILITY_LINES.items() if name in have]
    return CAPABILITIES_INTRO + "\n" + "\n".join(lines)


def task_description(filters: dict[str, Any], contacts: int, list_name: str | None) -> str:
    where = f' and add them to "{list_name}"' if list_name else " and save them as contacts"
    return f"Find {describe_filters(filters, contacts)}{where}."


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


def edited_search(filters: dict[str, Any]) -> str:
    """The user's side of a search re-run from the web app's edited filter chips."""
    return f"Search again: {describe_filters(filters)}."


# ------------------------------------------------------------------ campaigns

NO_CAMPAIGN = (
    'Which campaign do you mean? Create one first, for example "Create an outreach campaign '
    'for my Q1 Leads list about legal automation", or open the chat from a campaign.'
)
CAMPAIGN_WHICH_LIST = (
    'Which list should the campaign go to? Name it ("for my Q1 Leads list") or open the '
    "chat from a list."
)
CAMPAIGN_TOPIC = (
    'What should the campaign for "{list}" be about? For example "about legal automation".'
)
REWRITES_I_CAN = (
    "I can make the emails more casual, more formal or shorter, add a question at the end, "
    'mention your free trial, or change the subject line to "...". Which would you like?'
)
DELAYS = {
    "always": "",
    "if_no_reply": " if no reply",
    "if_no_open": " if not opened",
    "if_opened": " if opened",
    "if_clicked": " if a link was clicked",
}
SIGNAL_VARIABLES = (
    "{{signal_opener}} and {{signal_followup}} become a sentence about each person's buying "
    "signals (a funding round, hiring, a new role) when the email is sent, and are left out for "
    "someone without one."
)
UNDO_HINT = 'Say "undo that" to go back, or "show me the email" to see them all.'
START_HINT = 'Say "start the campaign" when you are ready; nothing is sent before you approve.'


def campaign_name(topic: str, list_name: str) -> str:
    """The name a campaign drafted in chat gets: its list and topic."""
    topic = " ".join(topic.split())
    return f"{list_name}: {topic[:1].upper()}{topic[1:]}"[:200]


def campaign_needs_input(action: dict[str, Any]) -> str | None:
    missing = action.get("missing") or []
    if "campaign" in missing:
        return NO_CAMPAIGN
    if "campaign_list" in missing:
        if action.get("list_name"):
            return list_not_found(action["list_name"], action.get("known_lists") or [])
        return CAMPAIGN_WHICH_LIST
    if "topic" in missing:
        return CAMPAIGN_TOPIC.format(list=action.get("list_name") or "that list")
    if "rewrite" in missing:
        return REWRITES_I_CAN
    return None


def _when(step: dict[str, Any], first: bool) -> str:
    if first:
        return "sent first"
    days, hours = int(step.get("delay_days") or 0), int(step.get("delay_hours") or 0)
    wait = _n(days, "day") if days else _n(hours, "hour") if hours else "right after"
    later = f"{wait} later" if days or hours else wait
    return later + DELAYS.get(str(step.get("send_condition") or "always"), "")


def email_text(step: dict[str, Any], *, full: bool = True) -> str:
    """One email of a sequence, as shown in chat."""
    index = int(step.get("index") or 0)
    head = f"Email {index + 1} ({_when(step, index == 0)}) - Subject: {step.get('subject', '')}"
    return f"{head}\n\n{step.get('body', '')}" if full else head


def _emails(steps: list[dict[str, Any]], full_index: int | None = 0) -> str:
    parts = [email_text(s, full=(full_index is None or s["index"] == full_index)) for s in steps]
    return "\n\n".join(parts)


def campaign_drafted(action: dict[str, Any]) -> str:
    steps = action.get("steps") or []
    people = int(action.get("contact_count") or 0)
    who = f'"{action.get("list_name")}" ({_n(people, "contact")})'
    if not people:
        who = f'"{action.get("list_name")}" (no contacts yet: add some before you start it)'
    head = (
        f'I drafted "{action.get("campaign_name")}", {_n(len(steps), "email")} for {who} about '
        f"{action.get('topic')}. It is a draft (revision {action.get('revision')}); nothing is "
        "sent until you start it and approve."
    )
    facts = any("{{signal_" in str(st.get("body") or "") for st in steps)
    note = f"\n\n{SIGNAL_VARIABLES}" if facts else ""
    return f"{head}\n\n{_emails(steps)}{note}\n\n{START_HINT}"


def campaign_shown(action: dict[str, Any]) -> str:
    steps = action.get("steps") or []
    if not steps:
        return f'"{action.get("campaign_name")}" has no emails yet.'
    shown = action.get("shown_step")
    if shown is not None:
        steps = [s for s in steps if s["index"] == shown]
    head = (
        f'"{action.get("campaign_name")}", revision {action.get("revision")} '
        f"({action.get('campaign_status', 'draft').replace('_', ' ')}):"
    )
    return f"{head}\n\n{_emails(steps, None)}"


def emails_rewritten(action: dict[str, Any]) -> str:
    steps = action.get("steps") or []
    index = action.get("rewritten_step") or 0
    change = str(action.get("change") or "rewritten")
    one = action.get("rewritten_step") is not None
    what = "the email" if one else "the emails"
    done = _CHANGES.get(change, ("were rewritten", "was rewritten"))[one]
    head = (
        f'Done: {what} of "{action.get("campaign_name")}" {done}'
        f" (revision {action.get('revision')}; revision {action.get('previous_revision')} is kept)."
    )
    if change.startswith("subject: "):
        head = (
            f'Done: the subject line is now "{change[len("subject: ") :]}" (revision '
            f"{action.get('revision')}; revision {action.get('previous_revision')} is kept)."
        )
    shown = [s for s in steps if s["index"] == index]
    return f"{head}\n\n{_emails(shown, None)}\n\n{UNDO_HINT}"


# What a rewrite did, said of all the emails and of one.
_CHANGES = {
    "more casual": ("now read more casually", "now reads more casually"),
    "more formal": ("now read more formally", "now reads more formally"),
    "shorter": ("are shorter now", "is shorter now"),
    "added a question": ("now end with a question", "now ends with a question"),
    "mentioned the free trial": ("now mention your free trial", "now mentions your free trial"),
}


def campaign_reverted(action: dict[str, Any]) -> str:
    steps = action.get("steps") or []
    return (
        f"Back to the emails of revision {action.get('restored_revision')} of "
        f'"{action.get("campaign_name")}" (saved as revision {action.get("revision")}; nothing '
        f"is lost).\n\n{_emails(steps[:1], None)}"
    )


def campaign_start_proposed(action: dict[str, Any]) -> str:
    skipped = action.get("skipped") or {}
    notes = []
    if skipped.get("no_email"):
        notes.append(f"{_n(int(skipped['no_email']), 'contact')} without a deliverable email")
    if skipped.get("suppressed"):
        notes.append(f"{_n(int(skipped['suppressed']), 'suppressed contact')}")
    skip = f" Skipped: {' and '.join(notes)}." if notes else ""
    return (
        f'Ready to start "{action.get("campaign_name")}" (revision {action.get("revision")}): '
        f"{_n(int(action.get('steps_count') or 0), 'email')} to "
        f"{_n(int(action.get('recipients') or 0), 'recipient')}, "
        f"{action.get('schedule_text')}.{skip} Nothing is sent until you approve it: say "
        '"approve it" or approve the task in Tasks.'
    )


def campaign_paused(action: dict[str, Any]) -> str:
    name = action.get("campaign_name")
    if action.get("was") == "pending_approval":
        return f'Cancelled the launch of "{name}" that was waiting for approval; nothing was sent.'
    if action.get("was") == "paused":
        return f'"{name}" is already paused.'
    return (
        f'Paused "{name}": no more emails go out. Say "start the campaign" to resume (it needs '
        "your approval again)."
    )


def _pct(rate: float) -> str:
    return f"{rate * 100:.0f}%"


def campaign_stats(action: dict[str, Any]) -> str:
    s = action.get("stats") or {}
    status = str(action.get("campaign_status") or "").replace("_", " ")
    name = action.get("campaign_name")
    waiting = int(s.get("scheduled_count") or 0)
    if not s.get("sent_count"):
        line = f'"{name}" ({status}) has not sent any emails yet'
        return line + (f"; {_waiting(waiting, status)}." if waiting else ".")
    line = (
        f'"{name}" ({status}): {_n(int(s["sent_count"]), "email")} sent, '
        f"{s['opened_count']:,} opened ({_pct(s['open_rate'])}), "
        f"{s['clicked_count']:,} clicked ({_pct(s['click_rate'])}), "
        f"{s['replied_count']:,} replied ({_pct(s['reply_rate'])}), "
        f"{s['bounced_count']:,} bounced, {s['unsubscribed_count']:,} unsubscribed."
    )
    if waiting:
        line += f" {_waiting(waiting, status, more=True)}."
    return line


def _waiting(count: int, status: str, more: bool = False) -> str:
    """Emails not sent yet: scheduled, or, while the campaign is paused, held back."""
    emails = _n(count, "more email" if more else "email")
    if status == "paused":
        return f"{emails} {'waits' if count == 1 else 'wait'} until you start it again"
    return f"{emails} {'is' if count == 1 else 'are'} scheduled"
