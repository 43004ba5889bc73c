"""Operations on many contacts at once: bulk create, bulk delete and merge. Each is all-or-nothing."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from lexi.contacts import names
from lexi.contacts.repository import ContactRepository
from lexi.contacts.service import (
    FILLABLE,
    RowInvalid,
    contact_not_found,
    create_from_values,
    merge_tags,
    parse_row,
)
from lexi.errors import NotFound, ValidationFailed
from lexi.models import Contact


@dataclass
class BulkResult:
    contacts: list[Contact] = field(default_factory=list)
    created: int = 0
    existing: int = 0


def rows_invalid(problems: list[dict[str, Any]]) -> ValidationFailed:
    n = len(problems)
    return ValidationFailed(
        f"{n} row{'s' if n != 1 else ''} invalid; nothing was written.", details={"rows": problems}
    )


def check_duplicates(values: list[dict[str, Any] | None]) -> list[dict[str, Any]]:
    """Rows repeating an earlier row's email or prospect_id, as row problems (rows are 1-based)."""
    seen: dict[tuple[str, Any], int] = {}
    problems: list[dict[str, Any]] = []
    for i, row in enumerate(values, start=1):
        if row is None:
            continue
        errors: dict[str, str] = {}
        for key in ("email_normalized", "prospect_id"):
            if row.get(key) is None:
                continue
            first = seen.setdefault((key, row[key]), i)
            if first != i:
                name = "email" if key == "email_normalized" else key
                errors[name] = f"Duplicate of row {first}"
        if errors:
            problems.append({"row": i, "errors": errors})
    return problems


def bulk_create(session: Session, workspace_id: uuid.UUID, rows: list[Any]) -> BulkResult:
    """Create up to 500 contacts. Every row is validated first; any bad row (or an email repeated
    inside the batch) is ``400`` with ``details.rows`` and nothing is written. Rows whose email
    already belongs to a contact return that contact (counted in ``existing``)."""
    parsed: list[dict[str, Any] | None] = []
    problems: list[dict[str, Any]] = []
    for i, raw in enumerate(rows, start=1):
        try:
            parsed.append(parse_row(raw))
        except RowInvalid as exc:
            parsed.append(None)
            problems.append({"row": i, "errors": exc.errors})
    problems.extend(check_duplicates(parsed))
    if problems:
        raise rows_invalid(sorted(problems, key=lambda p: p["row"]))
    result = BulkResult()
    for values in parsed:
        assert values is not None
        contact, created = create_from_values(session, workspace_id, values)
        result.contacts.append(contact)
        if created:
            result.created += 1
        else:
            result.existing += 1
    return result


def bulk_delete(
    session: Session, workspace_id: uuid.UUID, contact_ids: list[uuid.UUID], dry_run: bool = False
) -> list[uuid.UUID]:
    """Delete these contacts (ids of other workspaces or unknown ids are ignored).

    Returns the ids that were deleted, or with ``dry_run`` the ids that would be.
    """
    wanted = list(dict.fromkeys(contact_ids))
    repo = ContactRepository(session)
    found = repo.existing_ids(workspace_id, wanted)
    ids = [cid for cid in wanted if cid in found]
    if ids and not dry_run:
        repo.delete_ids(workspace_id, ids)
    return ids


def merge(
    session: Session, workspace_id: uuid.UUID, primary_id: uuid.UUID, duplicate_ids: list[uuid.UUID]
) -> Contact:
    """Merge duplicates into the primary contact in one transaction.

    The primary's empty fields are filled from the duplicates (in the order given); tags are
    united; custom fields are united with the primary's values winning; ``do_not_contact`` is
    kept if any of them has it; list memberships move to the primary; the duplicates are deleted.
    """
    dupes = list(dict.fromkeys(duplicate_ids))
    if primary_id in dupes:
        raise ValidationFailed.field("duplicate_ids", "Must not contain primary_id")
    repo = ContactRepository(session)
    found = repo.many(workspace_id, [primary_id, *dupes])
    missing = [str(cid) for cid in [primary_id, *dupes] if cid not in found]
    if missing:
        if str(primary_id) in missing and len(missing) == 1:
            raise contact_not_found()
        raise NotFound(
            "Some contacts were not found.",
            code="contact_not_found",
            details={"contact_ids": missing},
        )
    primary = found[primary_id]
    others = [found[cid] for cid in dupes]
    fills: dict[str, Any] = {}
    for name in (*FILLABLE, "email", "email_normalized", "prospect_id"):
        if getattr(primary, name) in (None, ""):
            value = next(
                (getattr(o, name) for o in others if getattr(o, name) not in (None, "")), None
            )
            if value is not None:
                fills[name] = value
    if not (primary.first_name or primary.last_name) and (
        "first_name" in fills or "last_name" in fills
    ):
        # Names travel together: mixing one contact's first name with another's last is wrong.
        donor = next(o for o in others if o.first_name or o.last_name)
        fills.update(
            first_name=donor.first_name, last_name=donor.last_name, full_name=donor.full_name
        )
    tags = list(primary.tags or [])
    custom: dict[str, Any] = {}
    for other in others:
        tags = merge_tags(tags, list(other.tags or []))
        for key, value in (other.custom_fields or {}).items():
            custom.setdefault(key, value)
    custom.update(primary.custom_fields or {})
    do_not_contact = primary.do_not_contact or any(o.do_not_contact for o in others)
    repo.move_memberships(dupes, primary.id)
    # Delete first: the duplicates' email and prospect_id must be free before the primary takes them.
    repo.delete_ids(workspace_id, dupes)
    session.flush()
    for name, value in fills.items():
        setattr(primary, name, value)
    primary.full_name = names.compose(primary.first_name, primary.last_name) or primary.full_name
    primary.tags = tags[:50]
    primary.custom_fields = custom
    primary.do_not_contact = do_not_contact
    session.flush()
    return primary
