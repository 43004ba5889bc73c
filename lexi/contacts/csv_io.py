"""Contacts to and from CSV text."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any

from lexi.contacts.service import NAME_FIELDS, PLAIN_FIELDS
from lexi.models import Contact

EXPORT_COLUMNS = (
    "id",
    "first_name",
    "last_name",
    "full_name",
    "email",
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
    "tags",
    "custom_fields",
    "priority",
    "prospect_id",
    "do_not_contact",
    "created_at",
    "updated_at",
)
# Fields a CSV column may map to: the ones a contact is created from (the prospect link is set
# only by saving prospects). "custom_fields.<key>" is also accepted.
IMPORT_FIELDS = (
    frozenset(NAME_FIELDS) | {"email", "tags"} | (frozenset(PLAIN_FIELDS) - {"prospect_id"})
)
MAX_ROWS = 10_000


class CsvInvalid(Exception):
    pass


# A cell starting with = + - @ tab or CR is run as a formula by spreadsheet apps (CSV injection,
# OWASP): such a cell is exported with a leading apostrophe. So that import gives back exactly what
# was exported, a value that itself starts with apostrophes followed by one of those characters gets
# one more, and import removes exactly one from any cell of that shape.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _escaped_shape(value: str) -> bool:
    return value.lstrip("'").startswith(_FORMULA_START)


def _safe(value: str) -> str:
    if value.startswith(_FORMULA_START) or (value.startswith("'") and _escaped_shape(value)):
        return "'" + value
    return value


def unescape_cell(value: str) -> str:
    """The value an exported cell stood for (the inverse of the export's escaping)."""
    if value.startswith("'") and _escaped_shape(value):
        return value[1:]
    return value


def _cell(contact: Contact, column: str) -> str:
    value = getattr(contact, column)
    if value is None:
        return ""
    if column == "tags":
        return _safe("; ".join(value))
    if column == "custom_fields":
        return json.dumps(value, ensure_ascii=False, sort_keys=True) if value else ""
    if column == "do_not_contact":
        return "true" if value else "false"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return _safe(str(value))


def export_lines(contacts: Iterable[Contact], chunk_rows: int = 200) -> Iterator[str]:
    """The header row, then the contacts as CSV text, ``chunk_rows`` lines per piece."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")

    def take() -> str:
        out = buf.getvalue()
        buf.seek(0)
        buf.truncate()
        return out

    writer.writerow(EXPORT_COLUMNS)
    pending = 1
    for contact in contacts:
        writer.writerow([_cell(contact, c) for c in EXPORT_COLUMNS])
        pending += 1
        if pending >= chunk_rows:
            yield take()
            pending = 0
    yield take()


def _header_key(name: str) -> str:
    return "_".join(name.strip().lower().replace("-", " ").split())


def check_mapping(mapping: dict[str, str]) -> dict[str, str]:
    """Problems in a header → field mapping, as ``{header: message}``."""
    problems: dict[str, str] = {}
    for header, target in mapping.items():
        if target in IMPORT_FIELDS or (target.startswith("custom_fields.") and len(target) > 14):
            continue
        problems[header] = f"Unknown field {target!r}"
    return problems


def parse(text: str, mapping: dict[str, str] | None) -> list[dict[str, Any]]:
    """Rows of field values from CSV text; raises ``CsvInvalid`` for text that is not CSV.

    Without a mapping, headers are matched to field names ("First Name" → first_name).
    Unmapped columns are ignored. ``tags`` cells split on ``;`` or ``,``.
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise CsvInvalid("The CSV is not valid UTF-8 text.") from None
    if "\x00" in text:
        raise CsvInvalid("The CSV contains NUL characters.")
    text = text.lstrip("\ufeff")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
        if not header or not any(h.strip() for h in header):
            raise CsvInvalid("The CSV has no header row.")
        targets = _targets(header, mapping)
        rows: list[dict[str, Any]] = []
        for line in reader:
            if not any(cell.strip() for cell in line):
                continue
            if len(line) > len(header):
                raise CsvInvalid(f"Line {reader.line_num} has more cells than the header.")
            rows.append(_row(line, targets))
            if len(rows) > MAX_ROWS:
                raise CsvInvalid(f"At most {MAX_ROWS} rows per import.")
    except csv.Error as exc:
        raise CsvInvalid(f"Malformed CSV near line {reader.line_num}: {exc}") from None
    return rows


def _targets(header: list[str], mapping: dict[str, str] | None) -> list[str | None]:
    if len({h.strip() for h in header}) != len(header):
        raise CsvInvalid("The CSV header repeats a column name.")
    if mapping is not None:
        by_name = {k.strip(): v for k, v in mapping.items()}
        missing = [k for k in by_name if k not in {h.strip() for h in header}]
        if missing:
            raise CsvInvalid(f"Mapped column(s) not in the CSV header: {', '.join(missing)}.")
        return [by_name.get(h.strip()) for h in header]
    return [k if k in IMPORT_FIELDS else None for k in (_header_key(h) for h in header)]


def _row(line: list[str], targets: list[str | None]) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for target, cell in zip(targets, line, strict=False):  # short and long rows are allowed
        value = unescape_cell(cell.strip())
        if target is None or value == "":
            continue
        if target == "tags":
            row["tags"] = [t.strip() for t in value.replace(",", ";").split(";") if t.strip()]
        elif target.startswith("custom_fields."):
            row.setdefault("custom_fields", {})[target.split(".", 1)[1]] = value
        else:
            row[target] = value
    return row
