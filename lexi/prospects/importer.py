"""Imports of real people into the universe: CSV or JSON lines, with a column mapping.

Each row is read, mapped and validated completely before anything is written, so a bad row is
reported (1-based row number, a message per field) and never half-imported, while the good
rows go in. Companies are matched by domain (given, or taken from a work email), else by name
(``lexi.prospects.import_companies``); a company that is already in the universe has its facts
refreshed from the file (headcount, with a point in its headcount history and its growth
recomputed, revenue, technologies and funding; see ``REFRESHED``) instead of being duplicated or
left stale. People are deduplicated by email and LinkedIn URL (a row with neither by name at
the same company) against the universe and within the file, and titles are normalised to
seniority and department.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from types import SimpleNamespace
from typing import Any

from sqlalchemy.orm import Session

from lexi.errors import ValidationFailed
from lexi.kit.clock import utc_now
from lexi.prospects import bulk
from lexi.prospects.gen_signals import pct
from lexi.prospects.import_companies import Book, KnownCompany
from lexi.prospects.places import loc_key
from lexi.prospects.presets import Preset
from lexi.prospects.repository import ProspectRepository
from lexi.prospects.taxonomy import DEPARTMENTS, EMAIL_STATUSES, SENIORITIES, canonical_industry
from lexi.prospects.vocabulary import role

FIELDS = (
    "first_name",
    "last_name",
    "full_name",
    "email",
    "email_status",
    "job_title",
    "seniority",
    "department",
    "phone",
    "city",
    "state",
    "country",
    "linkedin_url",
    "company_name",
    "company_domain",
    "industry",
    "employee_count",
    "revenue_usd",
    "company_city",
    "company_state",
    "company_country",
    "company_linkedin_url",
    "technologies",
    "funding_stage",
    "last_funding_on",
    "last_funding_usd",
    "funding_total_usd",
    "role_started_on",
)
# The company facts an import refreshes on a company already in the universe (the first row of
# the company in the file that carries a value wins; an empty cell never clears a fact).
REFRESHED = (
    "employee_count",
    "revenue_usd",
    "technologies",
    "funding_stage",
    "last_funding_on",
    "last_funding_usd",
    "funding_total_usd",
)
_ALIASES = {
    "firstname": "first_name",
    "first": "first_name",
    "givenname": "first_name",
    "lastname": "last_name",
    "last": "last_name",
    "surname": "last_name",
    "familyname": "last_name",
    "name": "full_name",
    "fullname": "full_name",
    "emailaddress": "email",
    "workemail": "email",
    "title": "job_title",
    "jobtitle": "job_title",
    "position": "job_title",
    "role": "job_title",
    "phonenumber": "phone",
    "mobile": "phone",
    "region": "state",
    "province": "state",
    "stateregion": "state",
    "linkedin": "linkedin_url",
    "linkedinurl": "linkedin_url",
    "linkedinprofile": "linkedin_url",
    "company": "company_name",
    "companyname": "company_name",
    "organization": "company_name",
    "organisation": "company_name",
    "account": "company_name",
    "domain": "company_domain",
    "website": "company_domain",
    "companywebsite": "company_domain",
    "companydomain": "company_domain",
    "employees": "employee_count",
    "companysize": "employee_count",
    "headcount": "employee_count",
    "numberofemployees": "employee_count",
    "revenue": "revenue_usd",
    "annualrevenue": "revenue_usd",
    "emailstatus": "email_status",
}
_IDENTITY = {f: f for f in FIELDS}
_FREE_MAIL = {
    "gmail.com",
    "googlemail.com",
    "yahoo.com",
    "hotmail.com",
    "outlook.com",
    "live.com",
    "icloud.com",
    "me.com",
    "aol.com",
    "proton.me",
    "protonmail.com",
    "gmx.de",
    "gmx.net",
    "web.de",
    "yahoo.co.uk",
    "hotmail.co.uk",
    "msn.com",
    "mail.com",
}
_EMAIL = re.compile(r"^[^@\s,;]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")
_DOMAIN = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)+$")
_LINKEDIN = re.compile(
    r"^(?:https?://)?(?:[a-z]{2,3}\.)?linkedin\.com/(in|company|pub)/([^/?#\s]+)", re.I
)
MAX_ROWS_ERRORS = 1000

Row = tuple[int, dict[str, Any] | str]  # (row number, fields or a reason the row is unreadable)


@dataclass
class ImportOutcome:
    imported: int = 0
    duplicates: int = 0
    companies_created: int = 0
    companies_matched: int = 0
    companies_refreshed: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)
    duplicate_rows: list[int] = field(default_factory=list)
    dry_run: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {
            "imported": self.imported,
            "duplicates": self.duplicates,
            "companies_created": self.companies_created,
            "companies_matched": self.companies_matched,
            "companies_refreshed": self.companies_refreshed,
            "errors": self.errors,
            "duplicate_rows": self.duplicate_rows,
            "dry_run": self.dry_run,
        }


def decode(data: bytes, encoding: str = "utf-8") -> str:
    """File bytes as text; anything that is not valid ``encoding`` is a 400 naming the byte."""
    try:
        return data.decode(
            "utf-8-sig" if encoding.lower().replace("_", "-") in ("utf-8", "utf8") else encoding
        )
    except UnicodeDecodeError as exc:
        raise ValidationFailed(
            f"The file is not valid {encoding} text (byte 0x{data[exc.start]:02x} at offset "
            f"{exc.start}). Save it as UTF-8, or name its encoding (e.g. --encoding latin-1).",
            details={"fields": {"file": f"Not {encoding}"}, "offset": exc.start},
        ) from None
    except LookupError:
        raise ValidationFailed.field("encoding", f"Unknown encoding {encoding!r}") from None


def read_csv(text: str) -> Iterator[Row]:
    """Rows of a CSV text with a header line; a row with the wrong number of cells is unreadable."""
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as exc:
        raise ValidationFailed.field("csv", f"Unreadable header: {exc}") from None
    header = [h.strip() for h in header]
    n = 0
    while True:
        n += 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield n, f"Malformed CSV: {exc}"
            continue
        if not any(c.strip() for c in cells):
            n -= 1
            continue
        if len(cells) != len(header):
            yield n, f"Expected {len(header)} cells, found {len(cells)}"
            continue
        yield n, dict(zip(header, cells, strict=True))


def read_jsonl(text: str) -> Iterator[Row]:
    """Rows of a JSON-lines text, one object per non-blank line."""
    n = 0
    for line in text.splitlines():
        if not line.strip():
            continue
        n += 1
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            yield n, f"Malformed JSON: {exc.msg} at column {exc.colno}"
            continue
        yield (n, value) if isinstance(value, dict) else (n, "Each line must be a JSON object")


def from_objects(rows: Iterable[Any]) -> Iterator[Row]:
    for n, value in enumerate(rows, start=1):
        yield (n, value) if isinstance(value, dict) else (n, "Each row must be an object")


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def _column_map(columns: Iterable[str], mapping: dict[str, str] | None) -> dict[str, str]:
    """source column → field. ``mapping`` is field → column; column → field (the contacts
    import's direction) is accepted too when every value is a field name."""
    if (
        mapping
        and not all(f in FIELDS for f in mapping)
        and all(v in FIELDS for v in mapping.values())
    ):
        mapping = {field: column for column, field in mapping.items()}
    if mapping:
        bad = [f for f in mapping if f not in FIELDS]
        if bad:
            raise ValidationFailed(
                f"Unknown mapping field: {', '.join(bad)}.",
                details={
                    "fields": {"mapping": "Unknown field"},
                    "invalid": bad,
                    "valid": list(FIELDS),
                },
            )
        return {source: target for target, source in mapping.items()}
    out: dict[str, str] = {}
    for col in columns:
        k = _key(col)
        target = next((f for f in FIELDS if _key(f) == k), None) or _ALIASES.get(k)
        if target:
            out[col] = target
    return out


def _text(value: Any, limit: int) -> str | None:
    if value is None:
        return None
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        raise ValueError("Must be text")
    out = " ".join(str(value).split())
    if len(out) > limit:
        raise ValueError(f"At most {limit} characters")
    return out or None


_STAGES = {
    "preseed": "pre_seed",
    "seed": "seed",
    "angel": "seed",
    "seriesa": "series_a",
    "seriesb": "series_b",
    "seriesc": "series_c",
    "privateequity": "private_equity",
}


def funding_stage(value: str | None) -> str | None:
    """An export's round name as one of ours ("Series A", "Seed", "Series E" -> series_d_plus);
    None for rounds without a stage ("Venture (Round not Specified)", "Debt Financing", "Other")."""
    if not value:
        return None
    key = re.sub(r"[^a-z]", "", value.lower())
    if key in _STAGES:
        return _STAGES[key]
    if re.fullmatch(r"series[d-z]", key):
        return "series_d_plus"
    return None


def _day(value: Any) -> str | None:
    """An ISO date (or date-time) as YYYY-MM-DD; anything else is left out, not an error."""
    if value is None or value == "":
        return None
    from datetime import date

    try:
        return date.fromisoformat(str(value).strip()[:10]).isoformat()
    except ValueError:
        return None


def _number(value: Any) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValueError("Must be a number")
    if isinstance(value, (int, float)):
        return int(value)
    s = str(value).strip().lower().replace(",", "").replace("$", "").replace(" ", "")
    m = re.fullmatch(r"(\d+(?:\.\d+)?)([kmb]?)", s)
    if m:
        return int(float(m.group(1)) * {"": 1, "k": 1e3, "m": 1e6, "b": 1e9}[m.group(2)])
    m = re.fullmatch(r"(\d+)-(\d+)|(\d+)\+", s)
    if m:
        return int(m.group(1) or m.group(3))
    raise ValueError("Must be a number")


def _domain(value: str | None) -> str | None:
    if not value:
        return None
    d = re.sub(r"^[a-z]+://", "", value.strip().lower()).split("/")[0].split("?")[0]
    d = d.removeprefix("www.")
    if not _DOMAIN.match(d):
        raise ValueError("Not a domain name")
    return d


def _linkedin(value: str | None) -> str | None:
    if not value:
        return None
    m = _LINKEDIN.match(value.strip())
    if not m:
        raise ValueError("Not a LinkedIn profile URL")
    return f"https://www.linkedin.com/{m.group(1).lower()}/{m.group(2).lower()}"


def _place(
    city: str | None, state: str | None, country: str | None
) -> tuple[str | None, str | None, str | None]:
    from lexi.geo import UnknownPlace, parse_location

    if country:
        try:
            place = parse_location(country)
        except UnknownPlace:
            raise ValueError("Unknown country") from None
        if place.kind != "country":
            raise ValueError("Unknown country")
        country = place.country
    if city:
        # "London, England, GB" or "Munich, Bavaria, DE": a state the gazetteer does not use
        # for that country is dropped rather than kept in the place key.
        for parts in ((city, state, country), (city, country)):
            try:
                place = parse_location(", ".join(x for x in parts if x))
            except UnknownPlace:
                continue
            if place.kind == "city" and (not country or place.country == country):
                return place.city, place.region, place.country
    elif state and country:
        try:
            place = parse_location(f"{state}, {country}")
            if place.kind == "region":
                return None, place.region, place.country
        except UnknownPlace:
            pass
    return city, state, country


def _clean(
    raw: dict[str, Any], columns: dict[str, str], *, lenient_industry: bool = False
) -> tuple[dict[str, Any] | None, dict[str, str]]:
    values: dict[str, Any] = {}
    for source, value in raw.items():
        target = columns.get(source)
        if target and value not in (None, ""):
            values[target] = value
    errors: dict[str, str] = {}
    out: dict[str, Any] = {}

    def take(name: str, fn: Callable[[Any], Any]) -> None:
        try:
            out[name] = fn(values.get(name))
        except ValueError as exc:
            errors[name] = str(exc)

    for name, limit in (
        ("first_name", 100),
        ("last_name", 100),
        ("full_name", 200),
        ("job_title", 200),
        ("phone", 50),
        ("city", 100),
        ("state", 100),
        ("country", 100),
        ("company_name", 200),
        ("company_city", 100),
        ("company_state", 100),
        ("company_country", 100),
        ("email", 254),
        ("industry", 100),
        ("email_status", 20),
        ("seniority", 20),
        ("department", 30),
    ):
        take(name, partial(_text, limit=limit))
    take("employee_count", _number)
    take("revenue_usd", _number)
    take("linkedin_url", lambda v: _linkedin(_text(v, 500)))
    take("company_linkedin_url", lambda v: _text(v, 500))
    take("company_domain", lambda v: _domain(_text(v, 255)))
    take("technologies", lambda v: _text(v, 2000))
    take("funding_stage", lambda v: funding_stage(_text(v, 60)))
    take("last_funding_on", _day)
    take("last_funding_usd", _number)
    take("funding_total_usd", _number)
    take("role_started_on", _day)
    if errors:
        return None, errors
    if out["email"]:
        out["email"] = out["email"].lower()
        if not _EMAIL.match(out["email"]):
            errors["email"] = "Not an email address"
    if not out["full_name"] and (out["first_name"] or out["last_name"]):
        out["full_name"] = " ".join(x for x in (out["first_name"], out["last_name"]) if x)
    if out["full_name"] and not (out["first_name"] or out["last_name"]):
        first, _, last = out["full_name"].partition(" ")
        out["first_name"], out["last_name"] = first, last or None
    if not out["full_name"]:
        errors["full_name"] = "A name is required (full_name, or first_name/last_name)"
    if out["industry"]:
        industry = canonical_industry(out["industry"])
        if industry is None and not lenient_industry:
            errors["industry"] = "Unknown industry (GET /v1/prospector/taxonomy lists them)"
        out["industry"] = industry
    for name, valid in (
        ("email_status", EMAIL_STATUSES),
        ("seniority", SENIORITIES),
        ("department", DEPARTMENTS),
    ):
        if out[name]:
            out[name] = out[name].lower().replace(" ", "_")
            if out[name] not in valid:
                errors[name] = f"Must be one of: {', '.join(valid)}"
    if not out["company_domain"] and out["email"] and "@" in out["email"]:
        domain = out["email"].split("@", 1)[1]
        if domain not in _FREE_MAIL:
            out["company_domain"] = domain
    for prefix in ("", "company_"):
        try:
            city, state, country = _place(
                out[f"{prefix}city"], out[f"{prefix}state"], out[f"{prefix}country"]
            )
            out[f"{prefix}city"], out[f"{prefix}state"], out[f"{prefix}country"] = (
                city,
                state,
                country,
            )
        except ValueError as exc:
            errors[f"{prefix}country"] = str(exc)
    if errors:
        return None, errors
    return out, {}


def import_rows(
    session: Session,
    rows: Iterable[Row],
    *,
    mapping: dict[str, str] | None = None,
    preset: Preset | None = None,
    dry_run: bool = False,
    batch_size: int = 1000,
    progress: Callable[[int], None] | None = None,
) -> ImportOutcome:
    """Import people into the universe; see the module docstring for the rules.

    ``preset`` reads an export of another tool with its own column names and values
    (``lexi.prospects.presets``); ``mapping`` then does not apply. ``progress`` is told how
    many rows (good or bad) have been read since it was last told.
    """
    outcome = ImportOutcome(dry_run=dry_run)
    repo = ProspectRepository(session)
    columns: dict[str, str] | None = None
    seen = _Seen()
    book = Book(REFRESHED)
    batch: list[tuple[int, dict[str, Any]]] = []
    read = 0

    def flush() -> None:
        nonlocal read
        if batch:
            _write(session, repo, batch, outcome, seen, book, dry_run)
            batch.clear()
        if progress and read:
            progress(read)
        read = 0

    for number, raw in rows:
        read += 1
        if isinstance(raw, str):
            _error(outcome, number, {"row": raw})
        else:
            if preset is not None:
                if columns is None:
                    columns = preset.column_map(list(raw))
                mapped = {
                    columns[k]: v for k, v in raw.items() if k in columns and v not in (None, "")
                }
                clean, errors = _clean(
                    preset.convert(mapped), _IDENTITY, lenient_industry=preset.lenient_industry
                )
            else:
                if columns is None or (mapping is None and any(k not in columns for k in raw)):
                    columns = {**(columns or {}), **_column_map(raw.keys(), mapping)}
                clean, errors = _clean(raw, columns)
            if clean is None:
                _error(outcome, number, errors)
            else:
                batch.append((number, clean))
        if len(batch) >= batch_size or read >= batch_size:
            flush()
    flush()
    return outcome


def _error(outcome: ImportOutcome, number: int, errors: dict[str, str]) -> None:
    if len(outcome.errors) < MAX_ROWS_ERRORS:
        outcome.errors.append({"row": number, "errors": errors})


@dataclass
class _Seen:
    """The people of the file so far: emails, LinkedIn URLs and, for rows with neither, names
    at a company."""

    emails: set[str] = field(default_factory=set)
    linkedin: set[str] = field(default_factory=set)
    names: set[tuple[int, str, str]] = field(default_factory=set)


def _person_key(company_id: int, first: str | None, last: str | None) -> tuple[int, str, str]:
    return (
        company_id,
        " ".join((first or "").casefold().split()),
        " ".join((last or "").casefold().split()),
    )


def _write(
    session: Session,
    repo: ProspectRepository,
    batch: list[tuple[int, dict[str, Any]]],
    outcome: ImportOutcome,
    seen: _Seen,
    book: Book,
    dry_run: bool,
) -> None:
    conn = session.connection()
    if conn.dialect.name == "postgresql" and not dry_run:
        # New keys are max(id) + n, and a company is looked for before it is created: one
        # importer at a time (SQLite's write lock does this there).
        conn.exec_driver_sql("SELECT pg_advisory_xact_lock(7263001)")
    fresh = _new_by_contact(repo, batch, seen)
    book.load(repo, (r for _, r in batch))
    created = len(book.created)
    companies = [
        book.resolve(
            r, _new_company(r) if new and (r["company_domain"] or r["company_name"]) else None
        )
        for (_, r), new in zip(batch, fresh, strict=True)
    ]
    _new_by_name(repo, batch, companies, fresh, seen)
    for (number, _), new in zip(batch, fresh, strict=True):
        if not new:
            outcome.duplicates += 1
            outcome.duplicate_rows.append(number)
    _refresh(repo, book, dry_run)
    outcome.companies_created = len(book.created)
    outcome.companies_matched = len(book.matched)
    outcome.companies_refreshed = len(book.refreshed)
    people = [(r, c) for (_, r), c, new in zip(batch, companies, fresh, strict=True) if new]
    outcome.imported += len(people)
    new_companies = [c.values for c in book.created[created:]]
    if dry_run or not (people or new_companies):
        return
    _, max_company, max_title = bulk.max_ids(conn)
    rows = []
    for i, c in enumerate(new_companies, start=1):
        c["id"] = max_company + i
        rows.append(tuple(c.get(col) for col in bulk.COMPANY_COLUMNS))
    bulk.insert_companies(conn, rows, index_text=True)
    # A row per technology, as the generator writes (the technology filter reads them); the
    # day each was first seen is not known.
    bulk.insert_technologies(
        conn, [t for c in new_companies for t in bulk.technology_rows(c["id"], c["technologies"])]
    )
    for company in book.created[created:]:
        company.written = True
        book.by_id[company.values["id"]] = company
    titles = sorted({r["job_title"] for r, _ in people if r["job_title"]})
    title_ids = repo.title_ids_for(titles)
    new_titles = []
    for title in sorted(set(titles) - set(title_ids)):
        max_title += 1
        title_ids[title] = max_title
        new_titles.append((max_title, title, *role(title)))
    bulk.insert_titles(conn, new_titles)
    max_person, _, _ = bulk.max_ids(conn)
    rows = [
        _person_row(max_person + i, r, c.values if c else None, title_ids)
        for i, (r, c) in enumerate(people, start=1)
    ]
    bulk.insert_people(conn, rows)
    bulk.add_company_facts(conn, max_person)
    bulk.add_keyword_facts(conn, max_person)
    bulk.add_facets(conn, rows, max_person)


def _new_by_contact(
    repo: ProspectRepository, batch: list[tuple[int, dict[str, Any]]], seen: _Seen
) -> list[bool]:
    """Whether each row is a person not yet in the universe or the file, by email and LinkedIn."""
    emails = repo.existing_emails([r["email"] for _, r in batch if r["email"]])
    urls = repo.existing_linkedin([r["linkedin_url"] for _, r in batch if r["linkedin_url"]])
    fresh = []
    for _, r in batch:
        email, url = r["email"], r["linkedin_url"]
        known = (email and (email in emails or email in seen.emails)) or (
            url and (url in urls or url in seen.linkedin)
        )
        fresh.append(not known)
        if not known:
            seen.emails.update([email] if email else [])
            seen.linkedin.update([url] if url else [])
    return fresh


def _new_by_name(
    repo: ProspectRepository,
    batch: list[tuple[int, dict[str, Any]]],
    companies: list[KnownCompany | None],
    fresh: list[bool],
    seen: _Seen,
) -> None:
    """A row with neither email nor LinkedIn URL is a person already there when someone of the
    same name is at the same company (in the universe or earlier in the file)."""
    keyless = [
        i
        for i, (_, r) in enumerate(batch)
        if fresh[i] and companies[i] is not None and not (r["email"] or r["linkedin_url"])
    ]
    ids = sorted({c.values["id"] for i in keyless if (c := companies[i]) and c.written})
    there = {_person_key(*row) for row in repo.people_names_at(ids)}
    for i in keyless:
        company, r = companies[i], batch[i][1]
        assert company is not None
        ref = company.values["id"] if company.written else -id(company)
        key = _person_key(ref, r["first_name"], r["last_name"])
        if key in there or key in seen.names:
            fresh[i] = False
        else:
            seen.names.add(key)


def _refresh(repo: ProspectRepository, book: Book, dry_run: bool) -> None:
    """Write the facts (and domains) rows gave companies that are in the database already: the
    universe's, whose change ``companies_refreshed`` counts (rows of people already there
    count too: re-importing an export brings its companies up to date), and those an earlier
    batch of the file created."""
    today = utc_now().date()
    for company in book.take_facts():
        facts, company.facts = company.facts, {}
        domain = facts.pop("domain", None)
        changes = _changes(company.values, facts, today)
        if domain:
            changes["domain"] = domain
        if not changes:
            continue
        if company.existing:
            book.refreshed.add(company.values["id"])
        if not dry_run:
            repo.refresh_company(SimpleNamespace(**company.values), changes)
        company.values.update(changes)


def _changes(company: dict[str, Any], facts: dict[str, Any], today: date) -> dict[str, Any]:
    """The columns of ``company`` to write for the ``facts`` a file gives: only those that
    differ; a new headcount adds a dated point to the history and recomputes the growth."""
    changes: dict[str, Any] = {}
    for name, value in facts.items():
        old = company.get(name)
        if name == "last_funding_on" and old is not None:
            old = old.isoformat() if isinstance(old, date) else str(old)
        if value != old:
            changes[name] = value
    employees = changes.get("employee_count")
    if employees is not None:
        history = [p for p in (company.get("headcount_history") or []) if p[0] != today.isoformat()]
        changes["headcount_history"] = [*history, [today.isoformat(), employees]]
        for months in (6, 12):
            ago = company.get(f"headcount_{months}m_ago")
            if ago:
                changes[f"growth_{months}m_pct"] = pct(employees, ago)
    if "last_funding_on" in changes:
        changes["last_funding_on"] = date.fromisoformat(changes["last_funding_on"])
    return changes


def _new_company(r: dict[str, Any]) -> dict[str, Any]:
    domain = r["company_domain"]
    city, state, country = r["company_city"], r["company_state"], r["company_country"]
    if not (city or country):
        city, state, country = r["city"], r["state"], r["country"]
    name = r["company_name"] or (domain.split(".")[0].capitalize() if domain else None)
    return {
        "name": name,
        "domain": domain,
        "industry": r["industry"],
        "employee_count": r["employee_count"],
        "revenue_usd": r["revenue_usd"],
        "founded_year": None,
        "city": city,
        "state": state,
        "country": country,
        "loc": loc_key(country, state, city),
        "description": None,
        "keywords": None,
        "technologies": r["technologies"],
        "linkedin_url": r["company_linkedin_url"],
        "funding_stage": r["funding_stage"],
        "last_funding_on": r["last_funding_on"],
        "last_funding_usd": r["last_funding_usd"],
        "funding_total_usd": r["funding_total_usd"],
        "last_funding_investors": None,
        "headcount_history": None,
    }


def _person_row(
    pid: int, r: dict[str, Any], company: dict[str, Any] | None, title_ids: dict[str, int]
) -> tuple[Any, ...]:
    industry = company["industry"] if company is not None else r["industry"]
    seniority, department = role(r["job_title"], industry) if r["job_title"] else ("entry", "other")
    seniority = r["seniority"] or seniority
    department = r["department"] or department
    status = r["email_status"] or ("guessed" if r["email"] else "unavailable")
    loc = loc_key(r["country"], r["state"], r["city"])
    hq = company["loc"] if company is not None else None
    values = {
        "id": pid,
        "company_id": company["id"] if company is not None else None,
        "title_id": title_ids.get(r["job_title"]) if r["job_title"] else None,
        "first_name": r["first_name"],
        "last_name": r["last_name"],
        "seniority": seniority,
        "department": department,
        "email": r["email"],
        "email_status": status,
        "phone": r["phone"],
        "city": r["city"],
        "state": r["state"],
        "country": r["country"],
        "loc": loc,
        "linkedin_url": r["linkedin_url"],
        "industry": industry,
        "employees": company["employee_count"] if company is not None else None,
        "revenue_usd": company["revenue_usd"] if company is not None else None,
        "company_loc": hq,
        "role_started_on": r["role_started_on"],
        "prev_company_id": None,
        "prev_company_name": None,
    }
    return tuple(values[c] for c in bulk.PERSON_COLUMNS)
