from __future__ import annotations

from fastapi import APIRouter

from lexi.auth.dependencies import ContactsWrite
from lexi.contacts import imports
from lexi.contacts.schemas import ImportRequest, ImportResult
from lexi.deps import SessionDep
from lexi.kit.schemas import DataEnvelope

router = APIRouter(prefix="/import", tags=["Contacts"])


@router.post("/contacts", response_model=DataEnvelope[ImportResult])
def import_contacts(body: ImportRequest, caller: ContactsWrite, session: SessionDep) -> dict:
    """Import contacts from `rows` (objects with contact fields) or `csv` text plus an optional
    `mapping` of CSV header to field (`custom_fields.<key>` allowed; without a mapping headers
    such as "First Name" match fields by name).

    Every row is validated first. Any bad row, or an email repeated within the import, is 400
    `validation_error` with `details.rows = [{row, errors {field: message}}]` (1-based; for CSV
    the first row after the header is row 1) and nothing is written. Existing emails are updated
    with `update_existing`, else skipped. `tags` go onto every created or updated contact.
    `dry_run` only counts. Answers `{created, updated, skipped, dry_run}`.
    """
    outcome = imports.import_contacts(
        session,
        caller.workspace_id,
        rows=body.rows,
        csv_text=body.csv,
        mapping=body.mapping,
        update_existing=body.update_existing,
        tags=body.tags,
        dry_run=body.dry_run,
    )
    return {"data": ImportResult(**vars(outcome))}
