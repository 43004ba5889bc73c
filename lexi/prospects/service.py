"""Prospect search and saving prospects as workspace contacts."""

from __future__ import annotations

import functools
import json
import math
import re
import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta
from operator import itemgetter
from typing import Any

from sqlalchemy.orm import Session

from lexi.errors import ValidationFailed
from lexi.kit.clock import utc_now
from lexi.kit.text import plural_title
from lexi.models.contact import Contact
from lexi.prospects import ids, title_index
from lexi.prospects.filters import FILTERS, ProspectFilters
from lexi.prospects.places import parse_filter
from lexi.prospects.repository import (
    PersonQuery,
    ProspectRepository,
    SignalQuery,
    title_condition,
)
from lexi.prospects.statements import Shaped
from lexi.prospects.taxonomy import (
    DEPARTMENTS,
    EMAIL_STATUSES,
    FUNDING_STAGE_LABELS,
    FUNDING_STAGES,
    HEADCOUNT_BUCKETS,
    INDUSTRIES,
    SECTOR_OF,
    SECTORS,
    SENIORITIES,
)


@dataclass
class SearchResult:
    total: int
    prospects: list[dict[str, Any]]


@dataclass
class SaveResult:
    created: int
    contacts: list[Contact] = field(default_factory=list)
    added_to_list: int = 0


def taxonomy() -> dict[str, Any]:
    """The fixed vocabularies a filter may use."""
    return {
        "industries": list(INDUSTRIES),
        "sectors": [{"name": s, "industries": list(names)} for s, names in SECTORS.items()],
        "seniorities": list(SENIORITIES),
        "departments": list(DEPARTMENTS),
        "email_statuses": list(EMAIL_STATUSES),
        "headcount_buckets": [dict(b) for b in HEADCOUNT_BUCKETS],
        "funding_stages": list(FUNDING_STAGES),
    }


def stats(session: Session, *, top: int = 10) -> dict[str, Any]:
    """The universe's distributions: sizes, seniorities, departments, email statuses, places
    (and how many people work away from their company's HQ), the commonest titles of the
    largest industries, and the buying signals (funding stages, growth, hiring, job changes,
    technologies adopted)."""
    repo = ProspectRepository(session)
    today = utc_now().date()
    totals = repo.totals()
    buckets = [(b["label"], b["min"], b["max"]) for b in HEADCOUNT_BUCKETS]
    other_city, other_country = repo.away_from_hq()
    return {
        **totals,
        "sizes": [
            {"employees": label, "companies": companies, "people": people}
            for label, companies, people in repo.companies_by_size(buckets)
        ],
        "seniorities": dict(repo.people_by("seniority")),
        "departments": dict(repo.people_by("department")),
        "email_statuses": dict(repo.people_by("email_status")),
        "countries": [
            {"country": c or "unknown", "people": n} for c, n in repo.people_by("country")[:top]
        ],
        "places": [{"place": _place_label(loc), "people": n} for loc, n in repo.top_places(top)],
        "away_from_hq": {"other_city": other_city, "other_country": other_country},
        "titles_by_industry": [
            {"industry": industry, "titles": [{"title": t, "people": n} for t, n in titles]}
            for industry, titles in repo.top_titles_by_industry(top, 5)
        ],
        "signals": {
            **repo.signal_stats(today, today - timedelta(days=90), today - timedelta(days=365)),
            "funding_by_size": [
                {"employees": label, "stages": stages}
                for label, stages in repo.funding_by_size(buckets)
            ],
            "funding_by_age": [
                {"age": label, "stages": stages}
                for label, stages in repo.funding_by_age(today.year)
            ],
            "funding_by_sector": _funding_by_sector(repo.funding_by_industry()),
        },
    }


def _funding_by_sector(rows: list[tuple[str | None, str | None, int]]) -> list[dict[str, Any]]:
    """(industry, stage, companies) folded into the taxonomy's sectors (industry groups), in the
    taxonomy's order; industries outside it count as "Other"."""
    out: dict[str, dict[str, int]] = {}
    for industry, stage, n in rows:
        sector = SECTOR_OF.get(industry or "", "Other")
        stages = out.setdefault(sector, {})
        stages[stage or "none"] = stages.get(stage or "none", 0) + n
    order = [*SECTORS, "Other"]
    return [{"sector": name, "stages": out[name]} for name in order if name in out]


def _place_label(loc: str | None) -> str:
    if not loc:
        return "unknown"
    country, region, city = loc.split("|")
    return ", ".join(x for x in (city, region, country) if x)


def _title_groups(repo: ProspectRepository, titles: list[str]) -> tuple[list[int], list[int]]:
    key = str(repo.session.get_bind().engine.url)
    index = title_index.cached(key, repo.titles_version(), repo.all_titles)
    return index.match(titles)


_COMPANY_SUFFIXES = re.compile(
    r"\b(?:inc|incorporated|corp|corporation|llc|llp|ltd|limited|pc|pllc|pa|gmbh|ag|sa|plc|co|"
    r"company|the)\b",
)
_DOMAIN = re.compile(r"^(?:[a-z0-9][a-z0-9-]*\.)+[a-z]{2,}$")
COMPANY_CANDIDATES = 5000
COMPANY_MATCH = 88  # rapidfuzz ratio (0-100) between normalised names


def _company_name(name: str) -> str:
    words = re.sub(r"&", " and ", name.lower())
    words = _COMPANY_SUFFIXES.sub(" ", re.sub(r"[^\w\s]", " ", words))
    return " ".join(words.split())


def company_ids(session: Session, companies: list[str]) -> list[int]:
    """The companies the ``companies`` filter names: domains exactly, names fuzzily."""
    from rapidfuzz import fuzz

    repo = ProspectRepository(session)
    domains = [c.lower().removeprefix("www.") for c in companies if _DOMAIN.match(c.lower())]
    found = set(repo.company_ids_by_domain(domains))
    for name in companies:
        if name.lower().removeprefix("www.") in domains:
            continue
        want = _company_name(name)
        if not want:
            continue
        words = [w for w in want.split() if w != "and"] or want.split()
        for cid, cname in repo.company_name_candidates(words, COMPANY_CANDIDATES):
            if fuzz.ratio(want, _company_name(cname)) >= COMPANY_MATCH:
                found.add(cid)
    return sorted(found)


def _excluded_people(
    session: Session, filters: ProspectFilters, workspace_id: uuid.UUID | None
) -> list[int]:
    """Universe keys of the people ``exclude_saved`` / ``exclude_list_ids`` leave out."""
    if not (filters.exclude_saved or filters.exclude_list_ids):
        return []
    if workspace_id is None:
        raise ValidationFailed.field("exclude_saved", "Needs a workspace")
    from lexi.contacts import service as contacts_service
    from lexi.lists import service as lists_service

    list_ids = [uuid.UUID(i) for i in filters.exclude_list_ids]
    for list_id in list_ids:
        lists_service.get_list(session, workspace_id, list_id)  # another workspace's is 404
    prospect_ids = contacts_service.prospect_ids_to_exclude(
        session, workspace_id, all_contacts=filters.exclude_saved, list_ids=list_ids
    )
    keys = (ids.person_key(p) for p in prospect_ids)
    return sorted({k for k in keys if k is not None})


def _query(filters: ProspectFilters) -> PersonQuery:
    def rng(value: dict[str, int | None] | None) -> tuple[int | None, int | None] | None:
        return (value.get("min"), value.get("max")) if value else None

    return PersonQuery(
        seniorities=list(filters.seniorities),
        departments=list(filters.departments),
        industries=list(filters.industries),
        exclude_industries=list(filters.exclude_industries),
        email_status=list(filters.email_status),
        employees=rng(filters.employees),
        revenue=rng(filters.revenue_usd),
        places=[parse_filter(p) for p in filters.locations],
        exclude_places=[parse_filter(p) for p in filters.exclude_locations],
        company_places=[parse_filter(p) for p in filters.company_locations],
        exclude_company_places=[parse_filter(p) for p in filters.exclude_company_locations],
        keywords=list(filters.keywords),
        technologies=list(filters.technologies),
        conditions=[
            spec.where(value)
            for name, value in filters.items()
            if (spec := FILTERS[name]).where is not None
        ],
    )


def _groups(
    session: Session,
    repo: ProspectRepository,
    filters: ProspectFilters,
    workspace_id: uuid.UUID | None,
) -> list[PersonQuery]:
    """The queries a search runs, in result order: exact title matches, then the others."""
    base = _query(filters)
    base.signals = _signals(repo, filters, utc_now().date())
    if filters.companies:
        base.company_ids = company_ids(session, list(filters.companies))
    base.exclude_ids = _excluded_people(session, filters, workspace_id)
    if not filters.titles:
        return [base]
    exact, partial = _title_groups(repo, filters.titles)
    return [
        PersonQuery(**{**base.__dict__, "title_ids": title_ids})
        for title_ids in (exact, partial)
        if title_ids
    ]


def count(
    session: Session, filters: ProspectFilters, *, workspace_id: uuid.UUID | None = None
) -> int:
    """How many people ``search`` would find: its COUNT queries only, no page and no rows."""
    repo = ProspectRepository(session)
    _prepare(repo, filters)
    groups = _groups(session, repo, filters, workspace_id)
    return sum(sum(group.counts) for group in _planned(repo, groups))


def _prepare(repo: ProspectRepository, filters: ProspectFilters) -> None:
    """The search's settings and what it plans with, in one statement (see ``prepare_search``)."""
    hiring_titles = bool(filters.hiring_for and filters.hiring_for.get("titles"))
    repo.prepare_search(
        titles=bool(filters.titles) or hiring_titles,
        company_text=bool(filters.keywords or filters.technologies),
        keywords=list(filters.keywords),
    )


@dataclass
class _Planned:
    """One group of a search (exact titles, other titles): its query, the exact number of
    matches of each of its condition branches and, when they were read with the count, the
    keys of its matches in ascending order (all of them, or from copied facts as many as the
    page needs)."""

    query: PersonQuery
    counts: list[int]
    ids: list[int] | None = None
    branches: list[Any] | None = None  # built when a page needs them

    def conditions(self, repo: ProspectRepository) -> list[Any]:
        if self.branches is None:
            self.branches = repo.branches(self.query)
        return self.branches


# At most this many keys come back with a count (PostgreSQL), however deep the page.
MAX_COUNTED_IDS = 20_000


def _planned(repo: ProspectRepository, groups: list[PersonQuery], rows: int = 0) -> list[_Planned]:
    """Each group's branches and exact counts (PostgreSQL: see ``_counted_together``; SQLite
    counts the exact and the other title matches in one statement too, when no set of
    companies is walked, and finds each group's page afterwards); a seniority with a technology
    or a funding stage alone, or keywords (with seniorities, people's places), are counted, and
    their page read, from the company facts or keyword matches copied onto people (PostgreSQL:
    the count and the page's keys in one statement)."""
    if len(groups) == 1:
        facts = repo.fact_query(groups[0])
        if facts is not None and repo.dialect == "sqlite":
            ids = repo.fact_ids(facts)
            return [_Planned(groups[0], [len(ids)], ids)]
        if facts is not None and rows:
            n, head = repo.fact_count_and_page(facts, rows)
            return [_Planned(groups[0], [n], ids=head)]
        if facts is not None:
            return [_Planned(groups[0], [repo.count_facts(facts)])]
    if repo.dialect == "postgresql":
        together = _counted_together(repo, groups, rows)
        if together is not None:
            return together
    elif len(groups) == 2 and not _company_set(groups[0]):
        together = _counted_together(repo, groups, 0)
        if together is not None:
            return together
    out: list[_Planned] = []
    for q in groups:
        branches = repo.branches(q)
        # The rows of the page this group may give (those before it come first).
        need = rows - sum(sum(p.counts) for p in out)
        walked = _walk_once(repo, q, branches, need) if need > 0 else None
        if walked is not None:
            out.append(_Planned(q, [len(walked)], walked, branches=branches))
        else:
            out.append(_Planned(q, _counts(repo, q, branches), branches=branches))
    return out


def _counted_together(
    repo: ProspectRepository, groups: list[PersonQuery], rows: int
) -> list[_Planned] | None:
    """One statement counts every group (the exact and other titles: one pass over the title
    index, one set of companies for a signal, keyword or technology) and, on PostgreSQL, when
    the first ``rows`` of a page are sparse among the matches (see ``_dense``), returns the
    matches' keys too, so the page is no second pass. None when it cannot."""
    if not 1 <= len(groups) <= 2:
        return None
    first = groups[0]
    if len(groups) == 1:
        known = repo.facet_count(first)
        if known is not None:
            return [_Planned(first, [known])]
        both, split = first, None
    else:
        split = first.title_ids or []
        both = PersonQuery(
            **{**first.__dict__, "title_ids": [*split, *(groups[1].title_ids or [])]}
        )
    cap = min(math.isqrt(rows * repo.universe_size()), MAX_COUNTED_IDS) if rows else 0
    branches = repo.branches(both)
    counted = repo.count_with_ids(both, split, cap, branches)
    if counted is None:
        return None
    counts, ids = counted
    return [
        _Planned(q, [n], ids[i] if ids is not None else None, branches=_own(q, both, branches))
        for i, (q, n) in enumerate(zip(groups, counts, strict=True))
    ]


def _own(q: PersonQuery, both: PersonQuery, branches: list[list[Any]]) -> list[list[Any]] | None:
    """The branches of group ``q`` from those of ``both`` (``q`` with the titles of every
    group), so a group's page does not build them again: the same but for the titles, which
    are the first condition when there are any (nothing else in them depends on which titles
    they are). None when they cannot be had so."""
    if q is both:
        return branches
    if len(branches) != 1 or not q.title_ids or not both.title_ids:
        return None
    if isinstance(branches[0], Shaped):
        return None  # the group's own are kept for its shape: no cheaper to derive
    return [[title_condition(q.title_ids), *branches[0][1:]]]


def _counts(repo: ProspectRepository, q: PersonQuery, branches: list[Any]) -> list[int]:
    """The exact number of matches of each branch: from the facet counts when they can answer,
    else by counting."""
    if len(branches) == 1:
        known = repo.facet_count(q)
        if known is not None:
            return [known]
    return [repo.count(b) for b in branches]


def _signals(repo: ProspectRepository, filters: ProspectFilters, today: date) -> SignalQuery | None:
    """The buying-signal part of the query, its day counts resolved against ``today``."""
    f = filters
    if not (
        f.funding_stages
        or f.last_funding
        or f.total_funding_usd
        or f.headcount_growth_pct
        or f.hiring_for
        or f.job_change_within_days
        or f.technologies_added_within_days
    ):
        return None
    q = SignalQuery(funding_stages=list(f.funding_stages))
    if f.last_funding:
        after, before = f.last_funding.get("after"), f.last_funding.get("before")
        q.funded_after = date.fromisoformat(after) if after else None
        q.funded_before = date.fromisoformat(before) if before else None
    if f.total_funding_usd:
        q.total_funding = (f.total_funding_usd.get("min"), f.total_funding_usd.get("max"))
    if f.headcount_growth_pct:
        q.growth_months = f.headcount_growth_pct.get("months") or 12
        q.growth = (f.headcount_growth_pct.get("min"), f.headcount_growth_pct.get("max"))
    if f.hiring_for:
        q.hiring = True
        titles = f.hiring_for.get("titles") or []
        if titles:
            exact, partial = _title_groups(repo, titles)
            q.hiring_title_ids = exact + partial
        q.hiring_departments = list(f.hiring_for.get("departments") or [])
        q.hiring_seniorities = list(f.hiring_for.get("seniorities") or [])
        days = f.hiring_for.get("posted_within_days")
        q.posted_since = today - timedelta(days=days) if days else None
    if f.job_change_within_days:
        q.role_started_since = today - timedelta(days=f.job_change_within_days)
    if f.technologies_added_within_days:
        q.tech_since = today - timedelta(days=f.technologies_added_within_days)
        q.tech_keys = [t.lower() for t in f.technologies]
    return q


def search(
    session: Session,
    filters: ProspectFilters,
    *,
    workspace_id: uuid.UUID | None = None,
    offset: int = 0,
    limit: int | None = None,
) -> SearchResult:
    """People matching ``filters``: the exact total and one page of Prospect objects.

    Order: people whose title equals a searched title (after synonyms) first, then the other
    title matches; within each group by the universe key, so the order never changes between
    runs. With ``workspace_id`` each prospect says whether it is already a contact (``saved``).
    """
    if offset < 0:
        raise ValidationFailed.field("page", "Must be 1 or more")
    limit = filters.limit if limit is None else limit
    repo = ProspectRepository(session)
    _prepare(repo, filters)
    groups = _groups(session, repo, filters, workspace_id)
    universe = repo.universe_size()
    total = 0
    page: list[int] = []
    skip, want = offset, limit
    for group in _planned(repo, groups, offset + limit):
        n = sum(group.counts)
        total += n
        if want > 0 and skip < n:
            if group.ids is not None:
                got = group.ids[skip : skip + want]
            else:
                got = _page(repo, group.conditions(repo), group.counts, universe, skip, want)
            page.extend(got)
            want -= len(got)
        skip = max(0, skip - n)
    prospects = _read(repo, page, utc_now().date(), groups[0].signals if groups else None)
    if workspace_id is not None:
        _mark_saved(session, workspace_id, prospects)
    return SearchResult(total=total, prospects=prospects)


RECENT_ROLE_DAYS = 365  # "new in role" is shown for a role started within this many days
RECENT_TECH_DAYS = 90
SHOWN_GROWTH_PCT = 10  # headcount changes smaller than this are not a signal
SHOWN_POSTING_TITLES = 3


def _usd(amount: int) -> str:
    if amount >= 1_000_000_000:
        return f"${amount / 1_000_000_000:.3g}B"
    if amount >= 1_000_000:
        return f"${amount / 1_000_000:.3g}M"
    return f"${amount / 1000:.3g}K"


@functools.lru_cache(maxsize=4096)
def _month(day: date) -> str:
    return day.strftime("%B %Y")


def _funding_signal(row: Any) -> dict[str, Any] | None:
    if not row.funding_stage:
        return None
    label = FUNDING_STAGE_LABELS.get(row.funding_stage, row.funding_stage)
    funded_on = _as_date(row.last_funding_on) if row.last_funding_on else None
    investors = [i.strip() for i in (row.last_funding_investors or "").split(",") if i.strip()]
    text = label
    if funded_on is not None:
        text += f", {_month(funded_on)}"
    if investors:
        text += f", led by {investors[0]}"
    if row.last_funding_usd:
        text += f" ({_usd(row.last_funding_usd)}"
        if row.funding_total_usd and row.funding_total_usd > row.last_funding_usd:
            text += f"; {_usd(row.funding_total_usd)} raised in total"
        text += ")"
    return {
        "kind": "funding",
        "text": text,
        "facts": {
            "stage": row.funding_stage,
            "date": funded_on.isoformat() if funded_on else None,
            "amount_usd": row.last_funding_usd,
            "total_usd": row.funding_total_usd,
            "lead_investor": investors[0] if investors else None,
            "investors": investors,
        },
    }


def _as_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _json_rows(value: Any) -> list[Any]:
    """A JSON array the database aggregated (SQLite: its text; PostgreSQL: already decoded)."""
    if value is None:
        return []
    return json.loads(value) if isinstance(value, str) else list(value)


def _hiring_signal(postings: list[list[Any]], latest: Any) -> dict[str, Any] | None:
    """The hiring signal of one company from its postings counted per title and department
    (only those the search matched, when it asked for hiring): [title or None, department,
    postings] each, and the day of the latest posting. Postings without a title count under
    their department."""
    if not postings:
        return None
    counts: dict[str, int] = {}
    for title, department, n in postings:
        key = title or department
        counts[key] = counts.get(key, 0) + n
    titled = {p[0] for p in postings if p[0]}
    total = sum(counts.values())
    ranked = sorted(counts.items())  # by title, then (stable) by postings, most first
    ranked.sort(key=itemgetter(1), reverse=True)
    top = ranked[:SHOWN_POSTING_TITLES]
    shown = ", ".join(
        f"{n} {plural_title(title) if n > 1 and title in titled else title}" for title, n in top
    )
    more = total - sum(n for _, n in top)
    if len(counts) == 1:
        text = f"hiring {shown}"
    else:
        text = f"hiring {total}: {shown}" + (f" and {more} more" if more else "")
    return {
        "kind": "hiring",
        "text": text,
        "facts": {
            "open_postings": total,
            "titles": [{"title": title, "postings": n} for title, n in ranked],
            "latest_posted_on": _as_date(latest).isoformat(),
        },
    }


def _adopted(technologies: Any, q: SignalQuery | None) -> list[list[Any]]:
    """A company's technologies first seen within the window, [tech key, technology, first seen
    on] each, latest first (then by key); with a search for technologies adopted, only those."""
    items = _json_rows(technologies)
    items.sort(key=itemgetter(0))
    items.sort(key=itemgetter(2), reverse=True)  # stable: by key within a day
    if q is None or not q.tech_keys or q.tech_since is None:
        return items
    return [item for item in items if item[0] in q.tech_keys]


def _asked(q: SignalQuery | None) -> set[str]:
    """The kinds of signal a search asked for (shown first, and marked ``matched``)."""
    if q is None:
        return set()
    out = set()
    if q.funding_stages or q.funded_after or q.funded_before or q.total_funding:
        out.add("funding")
    if q.hiring:
        out.add("hiring")
    if q.growth:
        out.add("growth")
    if q.tech_since is not None:
        out.add("technology")
    if q.role_started_since is not None:
        out.update(("new_in_role", "previous_company"))
    return out


def _read(
    repo: ProspectRepository, keys: list[int], today: date, q: SignalQuery | None = None
) -> list[dict[str, Any]]:
    """Prospect objects with their signals for the people ``keys``, in that order, from one
    statement (see ``ProspectRepository.rows_by_ids``)."""
    tech_days = RECENT_TECH_DAYS
    if q is not None and q.tech_since is not None:
        tech_days = max(tech_days, (today - q.tech_since).days)
    rows = repo.rows_by_ids(keys, today - timedelta(days=tech_days), q)
    prospects = [to_prospect(row) for row in rows]
    add_signals(rows, prospects, today, q)
    return prospects


def add_signals(
    rows: list[Any],
    prospects: list[dict[str, Any]],
    today: date,
    q: SignalQuery | None = None,
) -> None:
    """Each prospect's ``signals``: its company's funding, hiring, headcount growth and recently
    adopted technologies, and the person's new role and previous company, as short facts a rep
    can open with; ``signal_details`` holds the same with their facts (dates, amounts, the lead
    investor, posting counts) and whether the search asked for them (``matched``). The signals a
    search asked for are always shown, and first; others when they are notable. ``rows`` are
    those of ``ProspectRepository.rows_by_ids`` (with their company's postings and recently
    adopted technologies)."""
    role_days = RECENT_ROLE_DAYS
    if q is not None and q.role_started_since is not None:
        role_days = max(role_days, (today - q.role_started_since).days)
    asked = _asked(q)
    growth_months = 6 if q is not None and q.growth and q.growth_months == 6 else 12
    # A page often holds several people of one company: its signals are worked out once.
    by_company: dict[Any, tuple[list[dict[str, Any]], str | None]] = {}
    for row, prospect in zip(rows, prospects, strict=True):
        known = by_company.get(row.company_id)
        if known is None:
            last_funding_on = row.last_funding_on
            known = by_company[row.company_id] = (
                _company_signals(row, q, asked, growth_months),
                _as_date(last_funding_on).isoformat() if last_funding_on else None,
            )
        signals, last_funding_text = known
        found = [{**item, "facts": dict(item["facts"])} for item in signals]
        if row.role_started_on is not None:
            started = _as_date(row.role_started_on)
            if (today - started).days <= role_days:
                found.append(
                    {
                        "kind": "new_in_role",
                        "text": f"new in role since {_month(started)}",
                        "facts": {"started_on": started.isoformat(), "title": row.job_title},
                        "matched": "new_in_role" in asked,
                    }
                )
                if row.prev_company_name:
                    found.append(
                        {
                            "kind": "previous_company",
                            "text": f"previously at {row.prev_company_name}",
                            "facts": {"company": row.prev_company_name},
                            "matched": "previous_company" in asked,
                        }
                    )
        if asked:
            found.sort(key=lambda item: not item["matched"])  # stable: asked-for first
        prospect["signals"] = [item["text"] for item in found]
        prospect["signal_details"] = found
        company = prospect.get("company")
        if company is not None:
            company["funding_stage"] = row.funding_stage
            company["last_funding_on"] = last_funding_text
            company["total_funding_usd"] = row.funding_total_usd
            company["headcount_growth_12m_pct"] = row.growth_12m_pct


def _company_signals(
    row: Any, q: SignalQuery | None, asked: set[str], growth_months: int
) -> list[dict[str, Any]]:
    """The signals of ``row``'s company (funding, hiring, growth, technologies adopted), in that
    order, each marked ``matched`` when the search asked for its kind."""
    found: list[dict[str, Any]] = []
    funding = _funding_signal(row)
    if funding:
        found.append(funding)
    hiring = _hiring_signal(_json_rows(row.postings), row.latest_posted_on)
    if hiring:
        found.append(hiring)
    pct = row.growth_6m_pct if growth_months == 6 else row.growth_12m_pct
    if pct is not None and (abs(pct) >= SHOWN_GROWTH_PCT or "growth" in asked):
        found.append(
            {
                "kind": "growth",
                "text": f"headcount {pct:+d}% in {growth_months} months",
                "facts": {"pct": pct, "months": growth_months},
            }
        )
    for _, technology, first_seen_on in _adopted(row.technologies, q)[:2]:
        seen = _as_date(first_seen_on)
        found.append(
            {
                "kind": "technology",
                "text": f"adopted {technology} in {_month(seen)}",
                "facts": {"technology": technology, "first_seen_on": seen.isoformat()},
            }
        )
    for item in found:
        item["matched"] = item["kind"] in asked
    return found


def _dense(matches: int, rows: int, universe: int, cost: int = 5) -> bool:
    """Whether walking people in key order finds ``rows`` matches sooner than sorting all matches.

    A walk visits about ``rows * universe / matches`` people (each a row lookup); sorting reads
    ``matches`` index entries, roughly ``cost`` times cheaper each (SQLite).
    """
    return matches * matches > cost * rows * universe


def _dense_limit(rows: int, universe: int, cost: int = 5) -> int:
    """The most matches ``_dense`` still calls sparse."""
    return math.isqrt(cost * rows * universe)


def _company_set(q: PersonQuery) -> bool:
    """Whether ``q`` checks each person against a set of companies (keywords, technologies,
    named companies, company signals)."""
    s = q.signals
    signals = s is not None and bool(
        s.funding_stages
        or s.funded_after
        or s.funded_before
        or s.total_funding
        or s.growth
        or s.hiring
        or s.tech_since
    )
    return bool(q.keywords or q.technologies or q.company_ids is not None or signals)


def _walk_once(
    repo: ProspectRepository, q: PersonQuery, branches: list[Any], rows: int
) -> list[int] | None:
    """SQLite: the keys of all matches in ascending order from one walk over them, or None
    (count them, then find the page).

    When each person walked is checked against a set of companies, counting the sparse matches
    and then sorting them for the page walks the same people twice, building the set each
    time; reading the matches' keys once gives both. When there are more matches than
    ``_dense`` calls sparse for the first ``rows``, the page is found by walking people in key
    order instead, and this gives up (having read at most that many keys).
    """
    if repo.dialect != "sqlite" or len(branches) != 1 or not _company_set(q):
        return None
    cap = _dense_limit(rows, repo.universe_size())
    ids = repo.match_ids(branches[0], cap + 1)
    if len(ids) > cap:
        return None
    return sorted(ids)


# PostgreSQL: sorting the matches often means joining them again to a set of companies (keywords,
# technologies, signals), as dear per match as a lookup during the walk.
_WALK_COST = {"postgresql": 1}


def _page(
    repo: ProspectRepository,
    branches: list[Any],
    counts: list[int],
    universe: int,
    skip: int,
    want: int,
) -> list[int]:
    cost = _WALK_COST.get(repo.dialect, 5)
    if len(branches) == 1:
        dense = _dense(counts[0], skip + want, universe, cost)
        return repo.page_ids(branches[0], skip, want, scan=dense)
    merged: list[int] = []
    for conditions, n in zip(branches, counts, strict=True):
        if n:
            dense = _dense(n, skip + want, universe, cost)
            merged.extend(repo.page_ids(conditions, 0, skip + want, scan=dense))
    return sorted(merged)[skip : skip + want]


def _mark_saved(session: Session, workspace_id: uuid.UUID, prospects: list[dict[str, Any]]) -> None:
    from lexi.contacts import service as contacts_service

    saved = contacts_service.saved_prospect_ids(
        session, workspace_id, [uuid.UUID(p["id"]) for p in prospects]
    )
    for p in prospects:
        p["saved"] = uuid.UUID(p["id"]) in saved


def to_prospect(row: Any) -> dict[str, Any]:
    """The contract's Prospect object for a joined person row."""
    full = " ".join(x for x in (row.first_name, row.last_name) if x) or None
    company = None
    if row.company_id is not None:
        company = {
            "id": ids.company_id_text(row.company_id),
            "name": row.company_name,
            "domain": row.company_domain,
            "industry": row.company_industry,
            "employee_count": row.company_employees,
            "revenue_usd": row.company_revenue,
            "city": row.company_city,
            "state": row.company_state,
            "country": row.company_country,
        }
    return {
        "id": ids.person_id_text(row.id),
        "first_name": row.first_name,
        "last_name": row.last_name,
        "full_name": full,
        "job_title": row.job_title,
        "seniority": row.seniority,
        "department": row.department,
        "email": row.email,
        "email_status": row.email_status,
        "phone": row.phone,
        "city": row.city,
        "state": row.state,
        "country": row.country,
        "linkedin_url": row.linkedin_url,
        "company": company,
    }


def get_prospects(session: Session, prospect_ids: list[uuid.UUID]) -> list[dict[str, Any]]:
    """Prospect objects for these ids, in the given order; unknown ids are skipped."""
    keys = [k for k in (ids.person_key(i) for i in prospect_ids) if k is not None]
    repo = ProspectRepository(session)
    return _read(repo, keys, utc_now().date())


def _contact_fields(p: dict[str, Any]) -> dict[str, Any]:
    company = p.get("company") or {}
    return {
        "prospect_id": uuid.UUID(p["id"]),
        "first_name": p.get("first_name"),
        "last_name": p.get("last_name"),
        "full_name": p.get("full_name"),
        "email": p.get("email"),
        "phone": p.get("phone"),
        "job_title": p.get("job_title"),
        "linkedin_url": p.get("linkedin_url"),
        "city": p.get("city"),
        "state": p.get("state"),
        "country": p.get("country"),
        "company_name": company.get("name"),
        "company_domain": company.get("domain"),
        "company_industry": company.get("industry"),
        "company_employee_count": company.get("employee_count"),
        "company_city": company.get("city"),
        "company_state": company.get("state"),
        "company_country": company.get("country"),
    }


def save(
    session: Session,
    workspace_id: uuid.UUID,
    prospect_ids: list[uuid.UUID],
    *,
    list_id: uuid.UUID | None = None,
    extra: list[dict[str, Any]] | None = None,
    known: list[dict[str, Any]] | None = None,
) -> SaveResult:
    """Turn prospects into contacts of the workspace (idempotent per person), optionally into a list.

    ``extra`` holds people given by value instead of id (``{full_name, email, job_title, ...}``).
    ``known`` may pass Prospect objects already read in this transaction (a search's result), so
    they are not read again. Unknown prospect ids are a ``ValidationFailed`` naming them; nothing
    is written then.
    """
    from lexi.contacts import service as contacts_service
    from lexi.lists import service as lists_service

    if list_id is not None:
        lists_service.get_list(session, workspace_id, list_id)
    wanted = list(dict.fromkeys(prospect_ids))
    by_id = {p["id"]: p for p in known or []}
    if all(str(i) in by_id for i in wanted):
        prospects = [by_id[str(i)] for i in wanted]
    else:
        prospects = get_prospects(session, wanted)
    found = {p["id"] for p in prospects}
    missing = [str(i) for i in wanted if str(i) not in found]
    if missing:
        raise ValidationFailed(
            "Some prospects were not found.",
            details={"fields": {"prospects": "Unknown prospect id"}, "prospect_ids": missing},
        )
    rows = [_contact_fields(p) for p in prospects] + list(extra or [])
    saved = contacts_service.upsert_many_from_prospects(session, workspace_id, rows)
    created = sum(1 for _, was_created in saved if was_created)
    contacts: list[Contact] = [contact for contact, _ in saved]
    unique = list({c.id: c for c in contacts}.values())
    added = 0
    if list_id is not None and unique:
        added = lists_service.add_contacts(
            session, workspace_id, list_id, [c.id for c in unique]
        ).added
    return SaveResult(created=created, contacts=unique, added_to_list=added)
