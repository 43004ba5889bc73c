"""Users, roles, browser sessions and invites.

Passwords are hashed with argon2id (argon2-cffi). A session cookie carries a random token whose
SHA-256 is the stored key, like API keys; each session also has its own CSRF token. A role maps to
the same scopes an API key can hold, so the web app checks exactly what the API checks.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from email_validator import EmailNotValidError, validate_email
from sqlalchemy.orm import Session

from lexi.audit import service as audit
from lexi.audit.service import Actor
from lexi.auth.scopes import ALL_SCOPES
from lexi.auth.service import Caller
from lexi.errors import Conflict, NotFound, ValidationFailed
from lexi.kit.clock import utc_now
from lexi.models import Invite, Membership, User, UserSession
from lexi.models.user import ROLES
from lexi.users.repository import (
    InviteRepository,
    MembershipRepository,
    SessionRepository,
    UserRepository,
)
from lexi.workspaces import service as workspaces

PASSWORD_MIN = 10
PASSWORD_MAX = 200
INVITE_DAYS = 7
_hasher = PasswordHasher()
# Verified against when the email is unknown, so a wrong email costs as long as a wrong password.
_DUMMY_HASH = _hasher.hash(secrets.token_hex(16))


def scopes_for(role: str) -> frozenset[str]:
    """An admin holds every scope; a member every scope except the admin ones."""
    if role == "admin":
        return frozenset(ALL_SCOPES)
    return frozenset(s for s in ALL_SCOPES if not s.startswith("admin:"))


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def normalize_email(raw: str) -> str:
    try:
        return validate_email(raw.strip(), check_deliverability=False).normalized.lower()
    except EmailNotValidError as exc:
        raise ValidationFailed.field(
            "email", str(exc), f"Not a valid email address: {exc}"
        ) from None


def _check_password(password: str) -> None:
    if not PASSWORD_MIN <= len(password) <= PASSWORD_MAX:
        raise ValidationFailed.field(
            "password",
            f"Must be {PASSWORD_MIN} to {PASSWORD_MAX} characters",
            f"The password must be {PASSWORD_MIN} to {PASSWORD_MAX} characters long.",
        )


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise ValidationFailed.field("role", f"One of {', '.join(ROLES)}")


def create_user(
    session: Session,
    workspace_id: uuid.UUID,
    email: str,
    password: str,
    role: str,
    *,
    actor: Actor,
) -> tuple[User, Membership]:
    """A new user who is a member of the workspace with ``role`` (409 if the email is taken)."""
    workspaces.get(session, workspace_id)
    email = normalize_email(email)
    _check_role(role)
    _check_password(password)
    users = UserRepository(session)
    if users.by_email(email) is not None:
        raise Conflict(f"A user with the email {email} already exists.")
    user = users.add(User(email=email, password_hash=_hasher.hash(password)))
    member = MembershipRepository(session).add(
        Membership(workspace_id=workspace_id, user_id=user.id, role=role)
    )
    audit.record(
        session, workspace_id, "user.created", actor, user.id, {"email": email, "role": role}
    )
    return user, member


def set_role(
    session: Session, workspace_id: uuid.UUID, email: str, role: str, *, actor: Actor
) -> Membership:
    """Change a member's role in the workspace (404 when they are not a member)."""
    _check_role(role)
    user = UserRepository(session).by_email(normalize_email(email))
    member = MembershipRepository(session).find(workspace_id, user.id) if user else None
    if user is None or member is None:
        raise NotFound("No member of this workspace has that email.")
    previous = member.role
    if previous != role:
        member.role = role
        session.flush()
        audit.record(
            session,
            workspace_id,
            "user.role_changed",
            actor,
            user.id,
            {"email": user.email, "role": role, "previous_role": previous},
        )
    return member


def set_password(session: Session, email: str, password: str, *, actor: Actor) -> User:
    """Replace a user's password and end their sessions (operators' recovery path)."""
    _check_password(password)
    user = UserRepository(session).by_email(normalize_email(email))
    if user is None:
        raise NotFound("No user with that email.")
    user.password_hash = _hasher.hash(password)
    SessionRepository(session).expire_all(user.id, utc_now())
    session.flush()
    for workspace_id in MembershipRepository(session).workspace_ids(user.id):
        audit.record(
            session, workspace_id, "user.password_reset", actor, user.id, {"email": user.email}
        )
    return user


def _verify(user: User | None, password: str) -> bool:
    try:
        return _hasher.verify(user.password_hash if user else _DUMMY_HASH, password) and bool(user)
    except (VerificationError, InvalidHashError):
        return False


@dataclass(frozen=True)
class SignedIn:
    """The person behind a session cookie, with what they may do."""

    session_id: uuid.UUID
    user_id: uuid.UUID
    email: str
    workspace_id: uuid.UUID
    role: str
    csrf_token: str
    expires_at: datetime
    plan: str

    @property
    def caller(self) -> Caller:
        return Caller(
            workspace_id=self.workspace_id,
            key_id=self.user_id,
            key_prefix="user",
            scopes=scopes_for(self.role),
            tier="standard",
            plan=self.plan,
            user_id=self.user_id,
            name=self.email,
        )

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


def sign_in(
    session: Session, email: str, password: str, *, lifetime: timedelta
) -> tuple[str, UserSession] | None:
    """A new session token for the right email and password, else None (no hint which was wrong)."""
    try:
        email = normalize_email(email)
    except ValidationFailed:
        email = ""
    user = UserRepository(session).by_email(email) if email else None
    if not _verify(user, password) or user is None:
        return None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    membership = MembershipRepository(session).first_for_user(user.id)
    if membership is None:
        return None
    now = utc_now()
    sessions = SessionRepository(session)
    sessions.delete_expired(user.id, now)
    token = secrets.token_urlsafe(32)
    row = sessions.add(
        UserSession(
            token_hash=hash_token(token),
            user_id=user.id,
            workspace_id=membership.workspace_id,
            csrf_token=secrets.token_urlsafe(32),
            expires_at=now + lifetime,
        )
    )
    return token, row


def resolve(session: Session, token: str) -> SignedIn | None:
    """The live session behind a cookie token, or None (unknown, expired, or membership gone)."""
    if not token or len(token) > 200:
        return None
    found = SessionRepository(session).resolve(hash_token(token), utc_now())
    if found is None:
        return None
    row, user, membership = found
    ws = workspaces.get(session, row.workspace_id)
    return SignedIn(
        session_id=row.id,
        user_id=user.id,
        email=user.email,
        workspace_id=row.workspace_id,
        role=membership.role,
        csrf_token=row.csrf_token,
        expires_at=row.expires_at,
        plan=ws.plan,
    )


def sign_out(session: Session, token: str) -> None:
    SessionRepository(session).delete_by_hash(hash_token(token))


def members(session: Session, workspace_id: uuid.UUID) -> list[tuple[Membership, User]]:
    return MembershipRepository(session).members(workspace_id)


def open_invites(session: Session, workspace_id: uuid.UUID) -> list[Invite]:
    return InviteRepository(session).open_for(workspace_id, utc_now())


def create_invite(
    session: Session,
    workspace_id: uuid.UUID,
    invited_by: uuid.UUID | None,
    email: str,
    role: str,
    *,
    actor: Actor,
) -> tuple[Invite, str]:
    """An invite and its one-time token (shown once, like an API key's secret)."""
    email = normalize_email(email)
    _check_role(role)
    user = UserRepository(session).by_email(email)
    if user is not None and MembershipRepository(session).find(workspace_id, user.id):
        raise Conflict(f"{email} is already a member of this workspace.")
    token = secrets.token_urlsafe(32)
    invite = InviteRepository(session).add(
        Invite(
            workspace_id=workspace_id,
            email=email,
            role=role,
            token_hash=hash_token(token),
            invited_by=invited_by,
            expires_at=utc_now() + timedelta(days=INVITE_DAYS),
        )
    )
    audit.record(
        session, workspace_id, "user.invited", actor, invite.id, {"email": email, "role": role}
    )
    return invite, token


def find_invite(session: Session, token: str) -> Invite:
    """An open invite by its token; used, expired or unknown ones are 404."""
    invite = InviteRepository(session).by_hash(hash_token(token)) if token else None
    if invite is None or invite.accepted_at is not None or invite.expires_at <= utc_now():
        raise NotFound("This invitation link is not valid any more. Ask an admin for a new one.")
    return invite


def accept_invite(session: Session, token: str, password: str) -> User:
    """Join the invite's workspace: a new user sets a password, an existing one proves theirs.

    The invite is claimed with a conditional update, so one link makes one membership even when
    submitted twice at once."""
    invite = find_invite(session, token)
    users = UserRepository(session)
    user = users.by_email(invite.email)
    if user is None:
        _check_password(password)
    elif not _verify(user, password):
        raise ValidationFailed.field(
            "password",
            "Wrong password",
            f"{invite.email} already has an account: enter its password to join.",
        )
    if not InviteRepository(session).claim(invite.id, utc_now()):
        raise NotFound("This invitation link is not valid any more. Ask an admin for a new one.")
    if user is None:
        user = users.add(User(email=invite.email, password_hash=_hasher.hash(password)))
    memberships = MembershipRepository(session)
    if memberships.find(invite.workspace_id, user.id) is None:
        memberships.add(
            Membership(workspace_id=invite.workspace_id, user_id=user.id, role=invite.role)
        )
        audit.record(
            session,
            invite.workspace_id,
            "user.joined",
            Actor.user(user.id, user.email),
            user.id,
            {"email": user.email, "role": invite.role, "invite_id": str(invite.id)},
        )
    return user


def user_exists(session: Session, email: str) -> bool:
    return UserRepository(session).by_email(normalize_email(email)) is not None


def sign_in_works(session: Session, email: str, password: str) -> bool:
    """Whether this email and password would sign in (checks only; no session is made)."""
    try:
        user = UserRepository(session).by_email(normalize_email(email))
    except ValidationFailed:
        return False
    return (
        user is not None
        and _verify(user, password)
        and MembershipRepository(session).first_for_user(user.id) is not None
    )
