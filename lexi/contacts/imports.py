"""Importing contacts from JSON rows or CSV text, validated in full before anything is written."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from lexi.contacts import csv_io
from lexi.contacts.batch import check_duplicates, rows_invalid
from lexi.contacts.repository import ContactRepository
from lexi.contacts.service import RowInvalid, apply_changes, merge_tags, new_values, validate_fields
from lexi.errors import Conflict, ValidationFailed
from lexi.models import Contact


@dataclass(frozen=True)
class ImportOutcome:
    created: int
    updated: int
    skipped: int
    dry_run: bool


def source_rows(
    rows: list[Any] | None, csv_text: str | None, mapping: dict[str, str] | None
) -> list[Any]:
    """The raw rows to import from either ``rows`` or ``csv`` (+ optional ``mapping``)."""
    if (rows is None) == (csv_text is None):
        raise ValidationFailed.field("rows", "Give either rows or csv")
    if rows is not None:
        if mapping is not None:
            raise ValidationFailed.field("mapping", "Only used with csv")
        if not rows:
            raise ValidationFailed.field("rows", "At least one row")
        return rows
    if mapping is not None:
        problems = csv_io.check_mapping(mapping)
        if problems:
            raise ValidationFailed(
                "The mapping names unknown fields.",
                details={"fields": {f"mapping.{k}": v for k, v in problems.items()}},
            )
    try:
        parsed = csv_io.parse(csv_text or "", mapping)
    except csv_io.CsvInvalid as exc:
        raise ValidationFailed(str(exc), details={"fields": {"csv": str(exc)}}) from None
    if not parsed:
        raise ValidationFailed.field("csv", "No data rows")
    return parsed


def import_contacts(
    session: Session,
    workspace_id: uuid.UUID,
    *,
    rows: list[Any] | None = None,
    csv_text: str | None = None,
    mapping: dict[str, str] | None = None,
    update_existing: bool = False,
    tags: list[str] | None = None,
    dry_run: bool = False,
) -> ImportOutcome:
    """Import contacts, all or nothing.

    Every row is validated first; if any row is bad (including an email repeated within the
    import) the result is ``400 validation_error`` with ``details.rows = [{row, errors}]``
    (rows 1-based; for CSV the first data row after the header is row 1) and nothing is written.
    A row whose email matches a contact updates it when ``update_existing`` (the row's fields
    replace, tags and custom fields are added) and is skipped otherwise. ``tags`` are added to
    every created or updated contact. ``dry_run`` reports the counts without writing.
    """
    raw_rows = source_rows(rows, csv_text, mapping)
    extra_tags = list(tags or [])
    fields_list: list[dict[str, Any]] = []
    values_list: list[dict[str, Any] | None] = []
    problems: list[dict[str, Any]] = []
    for i, raw in enumerate(raw_rows, start=1):
        try:
            fields = validate_fields(raw)
            values = new_values(fields)
        except RowInvalid as exc:
            fields_list.append({})
            values_list.append(None)
            problems.append({"row": i, "errors": exc.errors})
            continue
        tagged = merge_tags(values["tags"], extra_tags)
        if len(tagged) > 50:
            problems.append({"row": i, "errors": {"tags": "A contact has at most 50 tags"}})
        values["tags"] = tagged
        fields_list.append(fields)
        values_list.append(values)
    problems.extend(check_duplicates(values_list))
    if problems:
        raise rows_invalid(sorted(problems, key=lambda p: p["row"]))

    repo = ContactRepository(session)
    existing = repo.by_emails(
        workspace_id, [v["email_normalized"] for v in values_list if v and v["email_normalized"]]
    )
    created: list[Contact] = []
    updated = skipped = 0
    for fields, row in zip(fields_list, values_list, strict=True):
        assert row is not None
        match = existing.get(row["email_normalized"] or "")
        if match is None and row.get("prospect_id") is not None:
            match = repo.by_prospect(workspace_id, row["prospect_id"])
        if match is None:
            created.append(Contact(workspace_id=workspace_id, **row))
        elif update_existing:
            updated += 1
            if not dry_run:
                _update(session, workspace_id, match, fields, extra_tags)
        else:
            skipped += 1
    if not dry_run and created:
        try:
            with session.begin_nested():
                session.add_all(created)
                session.flush()
        except IntegrityError:
            raise Conflict("Contacts changed while importing; retry the import.") from None
    return ImportOutcome(created=len(created), updated=updated, skipped=skipped, dry_run=dry_run)


def _update(
    session: Session,
    workspace_id: uuid.UUID,
    contact: Contact,
    fields: dict[str, Any],
    extra_tags: list[str],
) -> None:
    changes = dict(fields)
    changes["tags"] = merge_tags(
        list(contact.tags or []), [*(fields.get("tags") or []), *extra_tags]
    )[:50]
    changes["custom_fields"] = {
        **(contact.custom_fields or {}),
        **(fields.get("custom_fields") or {}),
    }
    apply_changes(session, workspace_id, contact, changes)
