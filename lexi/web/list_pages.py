"""Lists: the lists page, a list's contacts, one contact, CSV export, and CSV import with a
column-mapping step and a progress bar (the rows are sent in batches)."""

from __future__ import annotations

import csv
import io
import json
import re
import secrets
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse, RedirectResponse, StreamingResponse

from lexi.auth.scopes import Scope
from lexi.contacts import csv_io, imports
from lexi.contacts import service as contacts
from lexi.contacts.repository import ContactFilters
from lexi.credits import service as credits
from lexi.db.session import Database
from lexi.deps import DatabaseDep, SessionDep
from lexi.errors import NotFound, ValidationFailed
from lexi.kit.clock import utc_now
from lexi.kit.pagination import PageParams
from lexi.lists import service as lists
from lexi.users.service import SignedIn
from lexi.web.core import Actor, FormDep, JsonDep, Viewer, WebRoute, form_text, need, render

router = APIRouter(route_class=WebRoute, include_in_schema=False)
PER_PAGE = 25
IMPORT_BATCH = 250
UPLOAD_TTL_SECONDS = 24 * 3600
IMPORT_DIR = Path(tempfile.gettempdir()) / "lexi-web-imports"
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{20,64}$")
FLASHES = {
    "deleted": "The list was deleted. Its contacts are still in your workspace.",
    "renamed": "List renamed.",
    "removed": "Removed from the list.",
}


def _base(user: SignedIn, session: Any, section: str = "lists") -> dict[str, Any]:
    return {"section": section, "credits": credits.balance(session, user.workspace_id)}


@router.get("/lists")
def lists_page(request: Request, user: Viewer, session: SessionDep) -> Response:
    need(user, Scope.contacts_read)
    rows, total = lists.list_lists(session, user.workspace_id, PageParams(1, 100))
    return render(
        request,
        "lists.html",
        {
            **_base(user, session),
            "rows": rows,
            "total": total,
            "flash": FLASHES.get(request.query_params.get("done", "")),
        },
    )


@router.post("/lists")
def create_list(user: Actor, session: SessionDep, form: FormDep) -> Response:
    need(user, Scope.contacts_write)
    lst = lists.create_list(session, user.workspace_id, form_text(form, "name", label="A name"))
    return RedirectResponse(f"/lists/{lst.id}", status_code=303)


@router.post("/lists/{list_id}/rename")
def rename_list(list_id: uuid.UUID, user: Actor, session: SessionDep, form: FormDep) -> Response:
    need(user, Scope.contacts_write)
    lists.update_list(
        session, user.workspace_id, list_id, {"name": form_text(form, "name", label="A name")}
    )
    return RedirectResponse(f"/lists/{list_id}?done=renamed", status_code=303)


@router.get("/lists/{list_id}/delete")
def confirm_delete(
    list_id: uuid.UUID, request: Request, user: Viewer, session: SessionDep
) -> Response:
    need(user, Scope.contacts_write)
    lst = lists.get_list(session, user.workspace_id, list_id)
    count = lists.contact_count(session, user.workspace_id, list_id)
    return render(request, "list_delete.html", {**_base(user, session), "lst": lst, "count": count})


@router.post("/lists/{list_id}/delete")
def delete_list(list_id: uuid.UUID, user: Actor, session: SessionDep) -> Response:
    need(user, Scope.contacts_write)
    lists.delete_list(session, user.workspace_id, list_id, actor=user.caller.actor)
    return RedirectResponse("/lists?done=deleted", status_code=303)


def _export(db: Database, workspace_id: uuid.UUID, list_id: uuid.UUID) -> Iterator[str]:
    # Its own read session: the request's unit of work ends before the body is streamed.
    with db.unit_of_work(write=False) as session:
        filters = ContactFilters(list_id=list_id, sort="created_at")
        yield from csv_io.export_lines(contacts.iter_contacts(session, workspace_id, filters))


@router.get("/lists/{list_id}/export.csv")
def export_list(list_id: uuid.UUID, user: Viewer, session: SessionDep, db: DatabaseDep) -> Response:
    need(user, Scope.contacts_read)
    lst = lists.get_list(session, user.workspace_id, list_id)
    slug = re.sub(r"[^a-z0-9]+", "-", lst.name.lower()).strip("-") or "list"
    name = f"{slug}-{utc_now():%Y%m%d}.csv"
    return StreamingResponse(
        _export(db, user.workspace_id, list_id),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


def _page_number(raw: str | None) -> int:
    return int(raw) if raw and raw.isdigit() and 0 < int(raw) < 1_000_000 else 1


@router.get("/lists/{list_id}")
def list_detail(
    list_id: uuid.UUID, request: Request, user: Viewer, session: SessionDep
) -> Response:
    need(user, Scope.contacts_read)
    lst = lists.get_list(session, user.workspace_id, list_id)
    q = (request.query_params.get("q") or "").strip()[:200]
    page = _page_number(request.query_params.get("page"))
    rows, total = contacts.list_contacts(
        session,
        user.workspace_id,
        ContactFilters(search=q or None, list_id=list_id, sort="full_name"),
        PageParams(page, PER_PAGE),
    )
    count = total if not q else lists.contact_count(session, user.workspace_id, list_id)
    pages = max(1, -(-total // PER_PAGE))
    return render(
        request,
        "list_detail.html",
        {
            **_base(user, session),
            "lst": lst,
            "rows": rows,
            "total": total,
            "count": count,
            "q": q,
            "page": page,
            "pages": pages,
            "flash": FLASHES.get(request.query_params.get("done", "")),
        },
    )


@router.post("/lists/{list_id}/remove")
def remove_contacts(
    list_id: uuid.UUID, user: Actor, session: SessionDep, form: FormDep
) -> Response:
    need(user, Scope.contacts_write)
    ids = []
    for raw in form.getlist("contact_id"):
        try:
            ids.append(uuid.UUID(str(raw)))
        except ValueError:
            raise ValidationFailed.field("contact_id", "Not a valid id") from None
    if not ids:
        raise ValidationFailed.field(
            "contact_id", "Required", "Tick at least one contact to remove from the list."
        )
    lists.remove_contacts(session, user.workspace_id, list_id, ids)
    return RedirectResponse(f"/lists/{list_id}?done=removed", status_code=303)


@router.get("/contacts/{contact_id}")
def contact_page(
    contact_id: uuid.UUID, request: Request, user: Viewer, session: SessionDep
) -> Response:
    need(user, Scope.contacts_read)
    contact = contacts.get_contact(session, user.workspace_id, contact_id)
    back = request.query_params.get("list")
    return render(
        request,
        "contact.html",
        {**_base(user, session), "c": contact, "back": back if back and _is_uuid(back) else None},
    )


def _is_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True


# CSV import: upload -> map columns -> import in batches with a progress bar.


def _import_files(token: str) -> tuple[Path, Path]:
    if not _TOKEN.match(token):
        raise NotFound("This import is not available any more. Upload the file again.")
    return IMPORT_DIR / f"{token}.csv", IMPORT_DIR / f"{token}.json"


def _load_import(token: str, user: SignedIn) -> tuple[str, dict[str, Any]]:
    data_path, meta_path = _import_files(token)
    try:
        meta = json.loads(meta_path.read_text())
        text = data_path.read_text(encoding="utf-8")
    except (OSError, ValueError):
        raise NotFound("This import is not available any more. Upload the file again.") from None
    if meta.get("workspace_id") != str(user.workspace_id):
        raise NotFound("This import is not available any more. Upload the file again.")
    return text, meta


def _forget_old_uploads() -> None:
    """Uploads nobody finished importing are deleted after a day."""
    cutoff = time.time() - UPLOAD_TTL_SECONDS
    for path in IMPORT_DIR.glob("*.*"):
        try:
            if path.stat().st_mtime < cutoff:
                path.unlink(missing_ok=True)
        except OSError:
            continue


def _guess(header: str) -> str:
    key = "_".join(header.strip().lower().replace("-", " ").split())
    aliases = {
        "name": "full_name",
        "company": "company_name",
        "title": "job_title",
        "industry": "company_industry",
        "e_mail": "email",
        "email_address": "email",
        "linkedin": "linkedin_url",
    }
    key = aliases.get(key, key)
    return key if key in csv_io.IMPORT_FIELDS else ""


@router.get("/import")
def import_page(request: Request, user: Viewer, session: SessionDep) -> Response:
    need(user, Scope.contacts_write)
    rows, _ = lists.list_lists(session, user.workspace_id, PageParams(1, 100))
    return render(
        request,
        "import.html",
        {
            **_base(user, session),
            "step": "upload",
            "lists": [lst for lst, _ in rows],
            "list_id": request.query_params.get("list_id", ""),
        },
    )


@router.post("/import")
def upload(request: Request, user: Actor, session: SessionDep, form: FormDep) -> Response:
    need(user, Scope.contacts_write)
    file = form.get("file")
    if file is None or isinstance(file, str) or not file.filename:
        raise ValidationFailed.field("file", "Required", "Choose a CSV file to import.")
    raw = file.file.read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationFailed.field(
            "file", "Not UTF-8", "The file is not UTF-8 text. Save it as CSV (UTF-8) and retry."
        ) from None
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as exc:
        raise ValidationFailed.field(
            "file", "Malformed CSV", f"The CSV is malformed: {exc}."
        ) from None
    rows = [r for r in rows if any(cell.strip() for cell in r)]
    if len(rows) < 2:
        raise ValidationFailed.field(
            "file", "Empty", "The file needs a header row and at least one row of contacts."
        )
    list_raw = str(form.get("list_id") or "")
    list_id = None
    if list_raw:
        list_id = str(lists.get_list(session, user.workspace_id, uuid.UUID(list_raw)).id)
    token = secrets.token_urlsafe(24)
    IMPORT_DIR.mkdir(mode=0o700, parents=True, exist_ok=True)
    _forget_old_uploads()
    data_path, meta_path = _import_files(token)
    data_path.write_text(text, encoding="utf-8")
    meta_path.write_text(
        json.dumps(
            {"workspace_id": str(user.workspace_id), "list_id": list_id, "name": file.filename}
        )
    )
    header = rows[0]
    return render(
        request,
        "import.html",
        {
            **_base(user, session),
            "step": "map",
            "token": token,
            "filename": file.filename,
            "columns": [(i, h, _guess(h)) for i, h in enumerate(header)],
            "preview": rows[1:4],
            "total": len(rows) - 1,
            "fields": sorted(csv_io.IMPORT_FIELDS),
            "list_id": list_id,
            "batch": IMPORT_BATCH,
        },
    )


def _mapping(form: Any, header: list[str]) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for i, name in enumerate(header):
        target = form.get(f"map_{i}")
        if isinstance(target, str) and target:
            mapping[name] = target
    if not mapping:
        raise ValidationFailed.field(
            "mapping", "Empty", "Map at least one column (for example Email) to a contact field."
        )
    return mapping


def _header(text: str) -> list[str]:
    return next(csv.reader(io.StringIO(text, newline="")), [])


def _import_rows(
    session: Any,
    user: SignedIn,
    text: str,
    meta: dict[str, Any],
    mapping: dict[str, str],
    start: int,
    count: int | None,
) -> dict[str, Any]:
    rows = imports.source_rows(None, text, mapping)
    if start == 0:
        # Check every row before the first batch writes anything.
        imports.import_contacts(session, user.workspace_id, rows=rows, dry_run=True)
    chunk = rows[start : start + count] if count else rows[start:]
    outcome = imports.import_contacts(session, user.workspace_id, rows=chunk)
    added = 0
    if meta.get("list_id") and chunk:
        emails = [str(r.get("email")) for r in chunk if r.get("email")]
        ids = contacts.ids_by_emails(session, user.workspace_id, emails)
        if ids:
            added = lists.add_contacts(
                session, user.workspace_id, uuid.UUID(meta["list_id"]), ids
            ).added
    done = start + len(chunk)
    return {
        "done": done,
        "total": len(rows),
        "created": outcome.created,
        "skipped": outcome.skipped,
        "added_to_list": added,
        "finished": done >= len(rows),
        "list_id": meta.get("list_id"),
    }


@router.post("/import/{token}/batch")
def import_batch(token: str, user: Actor, session: SessionDep, body: JsonDep) -> Response:
    """One batch of rows (JSON: mapping by column index, start); the page's progress bar calls it
    until ``finished``. The first call validates every row, so a bad file writes nothing."""
    need(user, Scope.contacts_write)
    text, meta = _load_import(token, user)
    if not isinstance(body, dict):
        raise ValidationFailed.field("body", "Must be an object")
    start = body.get("start")
    if not isinstance(start, int) or start < 0:
        raise ValidationFailed.field("start", "Must be a whole number, 0 or more")
    mapping = _mapping(body.get("mapping") or {}, _header(text))
    result = _import_rows(session, user, text, meta, mapping, start, IMPORT_BATCH)
    if result["finished"]:
        for path in _import_files(token):
            path.unlink(missing_ok=True)
    return JSONResponse(result)


@router.post("/import/{token}")
def import_all(token: str, user: Actor, session: SessionDep, form: FormDep) -> Response:
    """Without JavaScript: import every row in one request."""
    need(user, Scope.contacts_write)
    text, meta = _load_import(token, user)
    result = _import_rows(session, user, text, meta, _mapping(form, _header(text)), 0, None)
    for path in _import_files(token):
        path.unlink(missing_ok=True)
    target = f"/lists/{meta['list_id']}" if meta.get("list_id") else "/lists"
    return RedirectResponse(f"{target}?imported={result['created']}", status_code=303)
