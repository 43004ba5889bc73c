"""Contact request and response shapes."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any, Literal

from email_validator import EmailNotValidError, validate_email
from pydantic import AfterValidator, BaseModel, Field, StringConstraints, field_validator

from lexi.kit.schemas import InputSchema, Schema
from lexi.kit.text import clean_optional_name

Priority = Literal["low", "medium", "high"]
MAX_BATCH = 500
MAX_TAGS = 50
MAX_CUSTOM_FIELDS = 50

Tag = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=50)]


def check_email(value: str | None) -> str | None:
    """Syntax only: deliverability checks need DNS, and a self-hosted install may be offline."""
    if value is None or value == "":
        return None
    try:
        validate_email(value, check_deliverability=False)
    except EmailNotValidError as exc:
        raise ValueError(f"Not a valid email address ({exc})") from None
    return value


def check_tags(tags: list[str] | None) -> list[str] | None:
    if tags is None:
        return None
    seen: dict[str, str] = {}
    for tag in tags:
        seen.setdefault(tag.lower(), tag)
    return list(seen.values())


def check_custom_fields(value: dict[str, Any] | None) -> dict[str, Any] | None:
    if value is None:
        return None
    for key, item in value.items():
        if not key.strip() or len(key) > 100:
            raise ValueError("Keys must be 1 to 100 characters")
        if item is not None and not isinstance(item, (str, bool, int, float)):
            raise ValueError(f"{key}: values must be strings, numbers, booleans or null")
        if isinstance(item, str) and len(item) > 2000:
            raise ValueError(f"{key}: at most 2000 characters")
    return value


Email = Annotated[str | None, Field(None, max_length=254), AfterValidator(check_email)]
Tags = Annotated[list[Tag], Field(max_length=MAX_TAGS), AfterValidator(check_tags)]
CustomFields = Annotated[
    dict[str, Any], Field(max_length=MAX_CUSTOM_FIELDS), AfterValidator(check_custom_fields)
]


def _s(n: int) -> Any:
    return Field(None, max_length=n)


# Names are NFKC-normalised; invisible and direction-changing characters are rejected.
Name = Annotated[str | None, AfterValidator(clean_optional_name)]


class ContactFields(InputSchema):
    """Every writable field. Company details may be given flat (``company_domain``, ...)."""

    first_name: Name = _s(100)
    last_name: Name = _s(100)
    full_name: Name = Field(None, max_length=200, description='"Last, First" is accepted.')
    email: Email = None
    phone: str | None = _s(50)
    job_title: str | None = _s(200)
    company_name: Name = _s(200)
    company_domain: str | None = _s(255)
    company_industry: str | None = _s(100)
    company_employee_count: int | None = Field(None, ge=0, le=10_000_000)
    company_city: str | None = _s(100)
    company_state: str | None = _s(100)
    company_country: str | None = _s(100)
    linkedin_url: str | None = _s(500)
    city: str | None = _s(100)
    state: str | None = _s(100)
    country: str | None = _s(100)
    tags: Tags | None = None
    custom_fields: CustomFields | None = None
    priority: Priority | None = Field(None, description="low | medium | high (default medium).")
    prospect_id: uuid.UUID | None = None
    do_not_contact: bool | None = None


class ContactCreate(ContactFields):
    """Any of ``full_name``, ``first_name``/``last_name`` or ``email`` is enough."""


class ContactUpdate(ContactFields):
    """Only the fields sent change; ``null`` clears a field."""


class BulkCreate(InputSchema):
    # Rows stay raw here so each one is validated on its own and errors name the row.
    contacts: list[Any] = Field(min_length=1, max_length=MAX_BATCH)


class TagsUpdate(InputSchema):
    tags: Annotated[list[Tag], Field(max_length=MAX_TAGS)]
    mode: Literal["add", "remove", "replace"] = Field(
        "add",
        description="add (default) keeps existing tags; remove drops these; replace sets them.",
    )


class BulkDelete(InputSchema):
    contact_ids: list[uuid.UUID] = Field(min_length=1, max_length=MAX_BATCH)
    dry_run: bool = False


class Merge(InputSchema):
    primary_id: uuid.UUID
    duplicate_ids: list[uuid.UUID] = Field(min_length=1, max_length=20)


class CompanyOut(BaseModel):
    name: str | None
    domain: str | None
    industry: str | None
    employee_count: int | None
    city: str | None
    state: str | None
    country: str | None


class ContactOut(Schema):
    id: uuid.UUID
    first_name: str | None
    last_name: str | None
    full_name: str | None
    email: str | None
    phone: str | None
    job_title: str | None
    company_name: str | None
    linkedin_url: str | None
    city: str | None
    state: str | None
    country: str | None
    tags: list[str]
    custom_fields: dict[str, Any]
    priority: Priority
    prospect_id: uuid.UUID | None
    do_not_contact: bool
    company: CompanyOut | None = Field(None, description="(ext) Company details when known.")
    created_at: datetime
    updated_at: datetime


class BulkCreated(BaseModel):
    created: int
    existing: int
    contacts: list[ContactOut]


class BulkDeleted(BaseModel):
    dry_run: bool
    deleted: int | None = None
    would_delete: int | None = None
    ids: list[uuid.UUID]


class ImportRequest(InputSchema):
    rows: list[Any] | None = Field(None, max_length=10_000)
    csv: str | None = Field(None, max_length=5_000_000)
    mapping: dict[str, str] | None = Field(
        None, description='CSV header → contact field, e.g. {"Email Address": "email"}.'
    )
    update_existing: bool = False
    tags: Annotated[list[Tag], Field(max_length=MAX_TAGS)] = Field(default_factory=list)
    dry_run: bool = False

    @field_validator("mapping")
    @classmethod
    def _mapping_keys(cls, value: dict[str, str] | None) -> dict[str, str] | None:
        if value is not None and len(value) > 200:
            raise ValueError("At most 200 columns")
        return value


class ImportResult(BaseModel):
    created: int
    updated: int
    skipped: int
    dry_run: bool
