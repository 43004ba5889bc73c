"""Contacts: the workspace's own people.

Email is unique per workspace, case-insensitively: creating a contact whose email already exists
returns the existing contact unchanged (``created=False``), the way a retried create should behave.
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Iterator
from typing import Any

from annotated_types import Ge, Le, MaxLen
from pydantic import ValidationError
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from lexi.contacts import names
from lexi.contacts.repository import SORTS, ContactFilters, ContactRepository
from lexi.contacts.schemas import CompanyOut, ContactCreate, ContactOut, ContactUpdate, check_email
from lexi.errors import Conflict, NotFound, ValidationFailed
from lexi.kit.pagination import PageParams
from lexi.models import Contact

NAME_FIELDS = ("first_name", "last_name", "full_name")
COMPANY_FIELDS = {
    "name": "company_name",
    "domain": "company_domain",
    "industry": "company_industry",
    "employee_count": "company_employee_count",
    "city": "company_city",
    "state": "company_state",
    "country": "company_country",
}
# Columns filled from input as they are (names, email, tags and custom fields have own rules).
PLAIN_FIELDS = (
    "phone",
    "job_title",
    "company_name",
    "company_domain",
    "company_industry",
    "company_employee_count",
    "company_city",
    "company_state",
    "company_country",
    "linkedin_url",
    "city",
    "state",
    "country",
    "priority",
    "prospect_id",
    "do_not_contact",
)
NAME_REQUIRED = "Give full_name, first_name/last_name, or email"


def _bound(field: str, kind: type, attr: str) -> Any:
    return next(
        getattr(m, attr) for m in ContactCreate.model_fields[field].metadata if isinstance(m, kind)
    )


# ContactCreate's own limits, so the bulk prospect save can check plain rows without pydantic.
_STR_LIMITS = {
    name: _bound(name, MaxLen, "max_length")
    for name, f in ContactCreate.model_fields.items()
    if f.annotation == (str | None) and name != "email"
}
_CREATE_FIELDS = frozenset(ContactCreate.model_fields)
_EMAIL_LIMIT = _bound("email", MaxLen, "max_length")
_EMPLOYEES_MIN = _bound("company_employee_count", Ge, "ge")
_EMPLOYEES_MAX = _bound("company_employee_count", Le, "le")


class RowInvalid(Exception):
    """One input row's problems as ``{field: message}``."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__(errors)
        self.errors = errors


def contact_not_found() -> NotFound:
    return NotFound("Contact not found.", code="contact_not_found")


def normalize_email(email: str | None) -> str | None:
    email = names.clean(email)
    return email.lower() if email else None


def errors_of(exc: ValidationError) -> dict[str, str]:
    out: dict[str, str] = {}
    for err in exc.errors():
        loc = ".".join(str(p) for p in err.get("loc", ())) or "body"
        out.setdefault(loc, str(err.get("msg", "Invalid value")).removeprefix("Value error, "))
    return out


def validate_fields(raw: Any) -> dict[str, Any]:
    """The fields a raw row sets, validated; raises ``RowInvalid``."""
    if not isinstance(raw, dict):
        raise RowInvalid({"row": "Must be an object"})
    try:
        return ContactCreate.model_validate(raw).model_dump(exclude_unset=True)
    except ValidationError as exc:
        raise RowInvalid(errors_of(exc)) from None


def parse_row(raw: Any) -> dict[str, Any]:
    """Validate one raw row and return a new contact's column values; raises ``RowInvalid``."""
    return new_values(validate_fields(raw))


def new_values(fields: dict[str, Any]) -> dict[str, Any]:
    """Column values for a new contact from validated input fields."""
    first, last, full = names.resolve(
        fields.get("first_name"),
        fields.get("last_name"),
        fields.get("full_name"),
        fields.get("email"),
    )
    email = names.clean(fields.get("email"))
    if not full and not email:
        raise RowInvalid({"full_name": NAME_REQUIRED})
    _check_name_lengths(first, last, full)
    values: dict[str, Any] = {
        k: _plain(fields.get(k)) for k in PLAIN_FIELDS if fields.get(k) is not None
    }
    values.update(
        first_name=first,
        last_name=last,
        full_name=full,
        email=email,
        email_normalized=normalize_email(email),
        tags=list(fields.get("tags") or []),
        custom_fields=dict(fields.get("custom_fields") or {}),
    )
    values.setdefault("priority", "medium")
    values.setdefault("do_not_contact", False)
    return values


def _plain(value: Any) -> Any:
    return names.clean(value) if isinstance(value, str) else value


def _check_name_lengths(first: str | None, last: str | None, full: str | None) -> None:
    if (first and len(first) > 100) or (last and len(last) > 100) or (full and len(full) > 200):
        raise RowInvalid({"full_name": "Each name part must be at most 100 characters"})


def as_validation_error(exc: RowInvalid) -> ValidationFailed:
    field, problem = next(iter(exc.errors.items()))
    return ValidationFailed(f"{field}: {problem}", details={"fields": exc.errors})


def to_out(contact: Contact) -> ContactOut:
    """The contract's Contact object; ``company`` (ext) only when something about it is known."""
    company = {k: getattr(contact, col) for k, col in COMPANY_FIELDS.items()}
    out = ContactOut.model_validate(contact)
    out.company = CompanyOut(**company) if any(v is not None for v in company.values()) else None
    return out


def get_contact(session: Session, workspace_id: uuid.UUID, contact_id: uuid.UUID) -> Contact:
    """One contact of the workspace; another workspace's is ``404 contact_not_found``."""
    contact = ContactRepository(session).get_in_workspace(workspace_id, contact_id)
    if contact is None:
        raise contact_not_found()
    return contact


def check_sort(sort: str) -> str:
    key = sort.removeprefix("-")
    if key not in SORTS:
        raise ValidationFailed.field(
            "sort", "One of created_at, updated_at, full_name, with '-' for descending"
        )
    return sort


def list_contacts(
    session: Session, workspace_id: uuid.UUID, filters: ContactFilters, params: PageParams
) -> tuple[list[Contact], int]:
    """A page of contacts. ``filters.list_id`` must name a list of this workspace (else 404)."""
    _check_filters(session, workspace_id, filters)
    repo = ContactRepository(session)
    return repo.paginate(repo.list_stmt(workspace_id, filters), params)


def _check_filters(session: Session, workspace_id: uuid.UUID, filters: ContactFilters) -> None:
    check_sort(filters.sort)
    if filters.list_id is not None:
        from lexi.lists import service as lists_service

        lists_service.get_list(session, workspace_id, filters.list_id)


def iter_contacts(
    session: Session, workspace_id: uuid.UUID, filters: ContactFilters
) -> Iterator[Contact]:
    """Every matching contact, fetched in batches (for exports)."""
    repo = ContactRepository(session)
    return repo.stream(repo.list_stmt(workspace_id, filters))


def check_export_filters(
    session: Session, workspace_id: uuid.UUID, filters: ContactFilters
) -> None:
    _check_filters(session, workspace_id, filters)


def _insert(session: Session, workspace_id: uuid.UUID, values: dict[str, Any]) -> Contact | None:
    """Insert in a savepoint; ``None`` when a concurrent insert won the email/prospect race."""
    contact = Contact(workspace_id=workspace_id, **values)
    try:
        with session.begin_nested():
            session.add(contact)
            session.flush()
    except IntegrityError:
        return None
    return contact


def _existing(session: Session, workspace_id: uuid.UUID, values: dict[str, Any]) -> Contact | None:
    repo = ContactRepository(session)
    if values.get("prospect_id") is not None:
        found = repo.by_prospect(workspace_id, values["prospect_id"])
        if found is not None:
            return found
    if values.get("email_normalized"):
        return repo.by_email(workspace_id, values["email_normalized"])
    return None


def create_contact(
    session: Session, workspace_id: uuid.UUID, data: dict[str, Any]
) -> tuple[Contact, bool]:
    """Create a contact, or return the one that already has this email: ``(contact, created)``.

    ``data`` holds ContactCreate fields; bad input raises ``ValidationFailed`` (400).
    """
    try:
        values = parse_row(data)
    except RowInvalid as exc:
        raise as_validation_error(exc) from None
    return create_from_values(session, workspace_id, values)


def create_from_values(
    session: Session, workspace_id: uuid.UUID, values: dict[str, Any]
) -> tuple[Contact, bool]:
    found = _existing(session, workspace_id, values)
    if found is not None:
        return found, False
    contact = _insert(session, workspace_id, values)
    if contact is not None:
        return contact, True
    found = _existing(session, workspace_id, values)
    if found is None:  # pragma: no cover - the unique index that fired names one of the two
        raise Conflict("The contact changed concurrently; retry the request.")
    return found, False


def upsert_from_prospect(
    session: Session, workspace_id: uuid.UUID, fields: dict[str, Any]
) -> tuple[Contact, bool]:
    """Save a prospect as a contact, idempotently by (workspace, prospect_id), then by email.

    An existing contact keeps its values; blanks are filled from the prospect and it is linked
    to the prospect when it was not yet.
    """
    values = _prospect_values(_known_fields(fields))
    contact, created = create_from_values(session, workspace_id, values)
    if not created:
        fill_blanks(contact, values)
        if contact.prospect_id is None and values.get("prospect_id") is not None:
            other = ContactRepository(session).by_prospect(workspace_id, values["prospect_id"])
            if other is None:
                contact.prospect_id = values["prospect_id"]
        session.flush()
    return contact, created


def _known_fields(fields: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in fields.items() if k in _CREATE_FIELDS and v is not None}


@functools.lru_cache(maxsize=4096)
def _email_usable(email: str) -> bool:
    # check_email depends on the address alone, and saving the same people again is common.
    try:
        check_email(email)
    except ValueError:
        return False
    return True


def _prospect_values(known: dict[str, Any]) -> dict[str, Any]:
    """A new contact's column values for a prospect's fields (pydantic-validated)."""
    if isinstance(known.get("email"), str) and known["email"]:
        try:
            ContactCreate.model_validate({"email": known["email"]})
        except ValidationError:
            known.pop("email")  # a prospect's unusable email must not block saving the person
    try:
        return parse_row(known)
    except RowInvalid as exc:
        raise as_validation_error(exc) from None


def _plainly_valid(known: dict[str, Any]) -> dict[str, Any] | None:
    """What ``ContactCreate`` would accept for these fields, when plain type and length checks
    decide it alone; ``None`` when pydantic must decide (other types, fields, lengths, spaces).

    An unusable email is left out, as ``_prospect_values`` does. Other strings keep their outer
    spaces: ``new_values`` cleans every string it stores, so pydantic's stripping changes nothing.
    """
    out: dict[str, Any] = {}
    for key, value in known.items():
        kind = type(value)
        if key in _STR_LIMITS:
            if kind is not str or len(value) > _STR_LIMITS[key]:
                return None
        elif key == "email":
            if kind is not str or value != value.strip():
                return None
            if not value:
                value = None
            elif len(value) > _EMAIL_LIMIT or not _email_usable(value):
                continue
        elif key == "company_employee_count":
            if kind is not int or not _EMPLOYEES_MIN <= value <= _EMPLOYEES_MAX:
                return None
        elif key != "prospect_id" or kind is not uuid.UUID:
            return None
        out[key] = value
    return out


def _fast_prospect_values(fields: dict[str, Any]) -> dict[str, Any]:
    known = _known_fields(fields)
    plain = _plainly_valid(known)
    if plain is None:
        return _prospect_values(known)
    try:
        return new_values(plain)
    except RowInvalid as exc:
        raise as_validation_error(exc) from None


def upsert_many_from_prospects(
    session: Session, workspace_id: uuid.UUID, rows: list[dict[str, Any]]
) -> list[tuple[Contact, bool]]:
    """``upsert_from_prospect`` for each row in order, as one lookup per key and one insert.

    Returns ``(contact, created)`` per row; rows naming the same person share one contact. When a
    concurrent save inserts one of these people first, the batch is undone and redone row by row.
    """
    planned = [_fast_prospect_values(row) for row in rows]
    repo = ContactRepository(session)
    by_prospect = repo.by_prospects(
        workspace_id, [v["prospect_id"] for v in planned if v.get("prospect_id") is not None]
    )
    unknown = [v for v in planned if v.get("prospect_id") not in by_prospect]
    by_email = repo.by_emails(
        workspace_id, [v["email_normalized"] for v in unknown if v.get("email_normalized")]
    )
    if not unknown:  # every row is a saved prospect: blanks to fill, nothing to insert or link
        results = _apply_upserts(session, workspace_id, planned, by_prospect, by_email)
        session.flush()
        return results
    try:
        with session.begin_nested():
            results = _apply_upserts(session, workspace_id, planned, by_prospect, by_email)
            session.flush()
    except IntegrityError:
        return [upsert_from_prospect(session, workspace_id, row) for row in rows]
    return results


def _apply_upserts(
    session: Session,
    workspace_id: uuid.UUID,
    planned: list[dict[str, Any]],
    by_prospect: dict[uuid.UUID, Contact],
    by_email: dict[str, Contact],
) -> list[tuple[Contact, bool]]:
    results: list[tuple[Contact, bool]] = []
    for values in planned:
        prospect_id, email = values.get("prospect_id"), values.get("email_normalized")
        contact = by_prospect.get(prospect_id) if prospect_id is not None else None
        if contact is None and email:
            contact = by_email.get(email)
        created = contact is None
        if contact is None:
            contact = Contact(workspace_id=workspace_id, **values)
            session.add(contact)
            if email:
                by_email[email] = contact
        else:
            fill_blanks(contact, values)
            if contact.prospect_id is None and prospect_id is not None:
                contact.prospect_id = prospect_id  # found by email: no contact has this prospect
        if prospect_id is not None and contact.prospect_id == prospect_id:
            by_prospect[prospect_id] = contact
        results.append((contact, created))
    return results


FILLABLE = ("first_name", "last_name", "full_name") + tuple(
    f for f in PLAIN_FIELDS if f not in ("priority", "do_not_contact", "prospect_id")
)


def fill_blanks(contact: Contact, values: dict[str, Any]) -> None:
    """Copy values into the contact's empty fields only."""
    for field in FILLABLE:
        if getattr(contact, field) in (None, "") and values.get(field) not in (None, ""):
            setattr(contact, field, values[field])


def saved_prospect_ids(
    session: Session, workspace_id: uuid.UUID, prospect_ids: list[uuid.UUID]
) -> set[uuid.UUID]:
    """Which of these prospects are already contacts of the workspace."""
    if not prospect_ids:
        return set()
    return ContactRepository(session).prospect_ids_in(workspace_id, list(set(prospect_ids)))


def update_contact(
    session: Session, workspace_id: uuid.UUID, contact_id: uuid.UUID, changes: dict[str, Any]
) -> Contact:
    """Apply a partial update. Name changes re-derive ``full_name``; a taken email is 409."""
    contact = get_contact(session, workspace_id, contact_id)
    try:
        ContactUpdate.model_validate(changes)
    except ValidationError as exc:
        raise as_validation_error(RowInvalid(errors_of(exc))) from None
    apply_changes(session, workspace_id, contact, changes)
    return contact


def apply_changes(
    session: Session, workspace_id: uuid.UUID, contact: Contact, changes: dict[str, Any]
) -> None:
    if any(f in changes for f in NAME_FIELDS):
        first = names.clean(changes.get("first_name", contact.first_name))
        last = names.clean(changes.get("last_name", contact.last_name))
        if "full_name" in changes and not ({"first_name", "last_name"} & changes.keys()):
            first, last = names.split_full_name(changes["full_name"])
        try:
            _check_name_lengths(first, last, names.compose(first, last))
        except RowInvalid as exc:
            raise as_validation_error(exc) from None
        contact.first_name, contact.last_name = first, last
        contact.full_name = names.compose(first, last)
    prospect_id = changes.get("prospect_id")
    if prospect_id is not None and prospect_id != contact.prospect_id:
        other = ContactRepository(session).by_prospect(workspace_id, prospect_id)
        if other is not None and other.id != contact.id:
            raise Conflict(
                "Another contact is already this prospect.",
                details={"fields": {"prospect_id": "Must be unique"}, "contact_id": str(other.id)},
            )
    if "email" in changes:
        email = names.clean(changes["email"])
        normalized = normalize_email(email)
        if normalized and normalized != contact.email_normalized:
            other = ContactRepository(session).by_email(workspace_id, normalized)
            if other is not None and other.id != contact.id:
                raise Conflict(
                    "Another contact already has this email.",
                    details={"fields": {"email": "Must be unique"}, "contact_id": str(other.id)},
                )
        contact.email, contact.email_normalized = email, normalized
    if not contact.full_name and not contact.email:
        raise ValidationFailed.field("full_name", NAME_REQUIRED)
    for field in PLAIN_FIELDS:
        if field in changes:
            value = _plain(changes[field])
            if field in ("priority", "do_not_contact") and value is None:
                raise ValidationFailed.field(field, "Cannot be null")
            setattr(contact, field, value)
    if "tags" in changes:
        contact.tags = list(changes["tags"] or [])
    if "custom_fields" in changes:
        contact.custom_fields = dict(changes["custom_fields"] or {})
    try:
        with session.begin_nested():
            session.flush()
    except IntegrityError:
        raise Conflict(
            "Another contact already has this email or prospect.",
            details={"fields": {"email": "Must be unique"}},
        ) from None


def delete_contact(session: Session, workspace_id: uuid.UUID, contact_id: uuid.UUID) -> None:
    """Delete a contact and its list memberships."""
    contact = get_contact(session, workspace_id, contact_id)
    ContactRepository(session).delete_ids(workspace_id, [contact.id])


def set_tags(
    session: Session, workspace_id: uuid.UUID, contact_id: uuid.UUID, tags: list[str], mode: str
) -> Contact:
    """``add`` keeps existing tags, ``remove`` drops these, ``replace`` sets exactly these.

    Tags compare case-insensitively; the first spelling seen is kept. At most 50 per contact.
    """
    contact = get_contact(session, workspace_id, contact_id)
    current = list(contact.tags or [])
    if mode == "replace":
        result = merge_tags([], tags)
    elif mode == "remove":
        drop = {t.lower() for t in tags}
        result = [t for t in current if t.lower() not in drop]
    else:
        result = merge_tags(current, tags)
    if len(result) > 50:
        raise ValidationFailed.field("tags", "A contact has at most 50 tags")
    contact.tags = result
    session.flush()
    return contact


def merge_tags(current: list[str], extra: list[str]) -> list[str]:
    seen = {t.lower(): t for t in current}
    for tag in extra:
        seen.setdefault(tag.lower(), tag)
    return list(seen.values())


def prospect_ids_to_exclude(
    session: Session, workspace_id: uuid.UUID, *, all_contacts: bool, list_ids: list[uuid.UUID]
) -> list[uuid.UUID]:
    """Prospect ids of the workspace's contacts: every one (``all_contacts``), or the members of
    ``list_ids``. Used to leave people out of a search ("excluding people I've already saved")."""
    return ContactRepository(session).saved_prospect_ids(
        workspace_id, all_contacts=all_contacts, list_ids=list_ids
    )


def ids_by_emails(session: Session, workspace_id: uuid.UUID, emails: list[str]) -> list[uuid.UUID]:
    """The ids of the workspace's contacts with these emails (matched case-insensitively)."""
    wanted = [e for e in (normalize_email(x) for x in emails) if e]
    return [c.id for c in ContactRepository(session).by_emails(workspace_id, wanted).values()]
