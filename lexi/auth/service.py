"""API keys: minted once, stored hashed, scoped, expiring and revocable."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from lexi.audit import service as audit
from lexi.audit.service import Actor
from lexi.auth.repository import ApiKeyRepository
from lexi.auth.scopes import normalize_scopes
from lexi.errors import InsufficientPermissions, NotFound, ValidationFailed
from lexi.kit import tokens
from lexi.kit.clock import utc_now
from lexi.kit.pagination import PageParams
from lexi.kit.text import clean_name
from lexi.models import ApiKey

TIERS = ("standard", "high", "unmetered", "starter", "pro", "organization")
# last_used_at is written at most this often per key, so reads do not turn into writes.
TOUCH_EVERY = timedelta(seconds=60)


@dataclass(frozen=True)
class Caller:
    """Who is calling: resolved from the bearer key, never from the request body."""

    workspace_id: uuid.UUID
    key_id: uuid.UUID
    key_prefix: str
    scopes: frozenset[str]
    tier: str
    plan: str
    # Set when a person signed in to the web app acts (``key_id`` then holds the user's id).
    user_id: uuid.UUID | None = None
    # The key's name, or the signed-in user's email.
    name: str = ""

    def has(self, scope: str) -> bool:
        return scope in self.scopes

    @property
    def actor(self) -> Actor:
        """Who the audit log names for what this caller changes."""
        if self.user_id is not None:
            return Actor.user(self.user_id, self.name)
        return Actor.api_key(self.key_id, self.name or self.key_prefix)


def create_key(
    session: Session,
    workspace_id: uuid.UUID,
    *,
    name: str,
    scopes: list[str],
    description: str | None = None,
    actor: Actor,
    tier: str = "standard",
    expires_at: datetime | None = None,
) -> tuple[ApiKey, str]:
    """Returns the key row and its plaintext (the only time the plaintext exists)."""
    try:
        name = clean_name(name).strip()
    except ValueError as exc:
        raise ValidationFailed.field("name", str(exc)) from None
    if not name or len(name) > 120:
        raise ValidationFailed.field("name", "Must be 1 to 120 characters")
    canonical, unknown = normalize_scopes(scopes)
    if unknown or not canonical:
        from lexi.auth.scopes import ALL_SCOPES

        raise ValidationFailed(
            f"Unknown permission(s): {', '.join(unknown) or '(none given)'}.",
            details={
                "fields": {"permissions": "Unknown or empty"},
                "valid": ALL_SCOPES + ["read", "write"],
            },
        )
    if tier not in TIERS:
        raise ValidationFailed.field("rate_limit_tier", f"One of {', '.join(TIERS)}")
    if expires_at is not None:
        if expires_at.tzinfo is None:
            from datetime import timezone

            expires_at = expires_at.replace(tzinfo=timezone.utc)
        if expires_at <= utc_now():
            raise ValidationFailed.field("expires_at", "Must be in the future")
    plaintext = tokens.generate_token()
    key = ApiKeyRepository(session).add(
        ApiKey(
            workspace_id=workspace_id,
            name=name,
            description=description,
            prefix=tokens.display_prefix(plaintext),
            token_hash=tokens.hash_token(plaintext),
            scopes=canonical,
            rate_limit_tier=tier,
            expires_at=expires_at,
        )
    )
    audit.record(
        session,
        workspace_id,
        "api_key.created",
        actor,
        key.id,
        {
            "name": key.name,
            "prefix": key.prefix,
            "permissions": list(canonical),
            "rate_limit_tier": tier,
            "expires_at": expires_at.isoformat() if expires_at else None,
        },
    )
    return key, plaintext


def authenticate(session: Session, token: str) -> Caller | None:
    """The caller behind a bearer token, or None for a missing, unknown, revoked or expired key."""
    return resolve(session, token)[0]


def resolve(session: Session, token: str) -> tuple[Caller | None, bool]:
    """``authenticate`` in one query, plus whether the key's ``last_used_at`` is due a write
    (``record_usage``), so a request's authentication reads one row."""
    if not tokens.is_well_formed(token):
        return None, False
    row = ApiKeyRepository(session).credentials_by_hash(tokens.hash_token(token))
    if row is None:
        return None, False
    now = utc_now()
    if row.revoked_at is not None or (row.expires_at is not None and row.expires_at <= now):
        return None, False
    caller = Caller(
        workspace_id=row.workspace_id,
        key_id=row.id,
        key_prefix=row.prefix,
        scopes=frozenset(row.scopes or []),
        tier=row.rate_limit_tier,
        plan=row.plan,
        name=row.name,
    )
    return caller, row.last_used_at is None or now - row.last_used_at >= TOUCH_EVERY


def needs_touch(session: Session, key_id: uuid.UUID) -> bool:
    key = ApiKeyRepository(session).get(key_id)
    return key is not None and (
        key.last_used_at is None or utc_now() - key.last_used_at >= TOUCH_EVERY
    )


def record_usage(session: Session, key_id: uuid.UUID) -> None:
    ApiKeyRepository(session).touch(key_id, utc_now())


def list_keys(
    session: Session,
    workspace_id: uuid.UUID,
    params: PageParams,
    *,
    include_revoked: bool = False,
    search: str | None = None,
) -> tuple[list[ApiKey], int]:
    repo = ApiKeyRepository(session)
    return repo.paginate(
        repo.list_stmt(workspace_id, include_revoked=include_revoked, search=search), params
    )


def revoke(session: Session, workspace_id: uuid.UUID, key_id: uuid.UUID, *, actor: Actor) -> ApiKey:
    repo = ApiKeyRepository(session)
    repo.lock_workspace(workspace_id)
    key = repo.get_in_workspace(workspace_id, key_id)
    if key is None:
        raise NotFound("API key not found.", code="api_key_not_found")
    if key.revoked_at is not None:
        return key
    now = utc_now()
    admins = repo.active_admin_keys(workspace_id, now)
    if [k.id for k in admins] == [key.id]:
        raise InsufficientPermissions(
            "This is the workspace's last admin key; create another admin key before revoking it."
        )
    key.revoked_at = now
    session.flush()
    audit.record(
        session,
        workspace_id,
        "api_key.revoked",
        actor,
        key.id,
        {"name": key.name, "prefix": key.prefix},
    )
    return key


def check_scope(caller: Caller, scope: str) -> None:
    if not caller.has(scope):
        raise InsufficientPermissions(
            f"This API key lacks the '{scope}' scope.", details={"required_scope": scope}
        )
