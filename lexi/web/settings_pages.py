"""Settings: the approval policy, API keys (the secret shown once), members and invites, and the
credits ledger. Each action needs the same scope as its API endpoint."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import RedirectResponse

from lexi.assistant.policy import MODES
from lexi.auth import service as auth_service
from lexi.auth.scopes import ALL_SCOPES, Scope
from lexi.chat import service as chat
from lexi.credits import service as credits
from lexi.deps import SessionDep
from lexi.errors import ValidationFailed
from lexi.kit.pagination import PageParams
from lexi.users import service as users
from lexi.users.service import SignedIn
from lexi.web.core import Actor, FormDep, Viewer, WebRoute, form_text, need, render

router = APIRouter(route_class=WebRoute, include_in_schema=False)
LEDGER_ROWS = 50
FLASHES = {
    "policy": "Approval policy saved.",
    "revoked": "The key was revoked; requests with it now get 401.",
}


def _settings_page(
    request: Request, session: Any, user: SignedIn, extra: dict[str, Any] | None = None
) -> Response:
    need(user, Scope.lexi)
    can_keys = user.caller.has(Scope.admin_api_keys.value)
    keys: list[Any] = []
    if can_keys:
        keys, _ = auth_service.list_keys(session, user.workspace_id, PageParams(1, 100))
    context = {
        "section": "settings",
        "credits": credits.balance(session, user.workspace_id),
        "policy": chat.get_policy(session, user.workspace_id),
        "modes": MODES,
        "can_keys": can_keys,
        "keys": keys,
        "scopes": ALL_SCOPES,
        "ledger": credits.recent_entries(session, user.workspace_id, LEDGER_ROWS),
        "members": users.members(session, user.workspace_id),
        "invites": users.open_invites(session, user.workspace_id) if user.is_admin else [],
        "flash": FLASHES.get(request.query_params.get("done", "")),
    }
    context.update(extra or {})
    return render(request, "settings.html", context)


@router.get("/settings")
def settings_page(request: Request, user: Viewer, session: SessionDep) -> Response:
    return _settings_page(request, session, user)


@router.post("/settings/policy")
def save_policy(user: Actor, session: SessionDep, form: FormDep) -> Response:
    need(user, Scope.lexi)
    raw_max = form_text(form, "auto_approve_max_prospects", label="The approval limit")
    if not raw_max.isdigit():
        raise ValidationFailed.field(
            "auto_approve_max_prospects", "Not a number", "The approval limit must be a number."
        )
    chat.update_policy(
        session,
        user.workspace_id,
        {
            "approval_mode": form_text(form, "approval_mode", label="The approval mode"),
            "auto_approve_max_prospects": int(raw_max),
        },
    )
    return RedirectResponse("/settings?done=policy#policy", status_code=303)


@router.post("/settings/keys")
def create_key(request: Request, user: Actor, session: SessionDep, form: FormDep) -> Response:
    need(user, Scope.admin_api_keys)
    scopes = [v for v in form.getlist("scopes") if isinstance(v, str)]
    key, plaintext = auth_service.create_key(
        session,
        user.workspace_id,
        name=form_text(form, "name", label="The key's name"),
        scopes=scopes,
        description=f"Created in the web app by {user.email}",
        actor=user.caller.actor,
    )
    return _settings_page(request, session, user, {"new_key": plaintext, "new_key_name": key.name})


@router.post("/settings/keys/{key_id}/revoke")
def revoke_key(key_id: uuid.UUID, user: Actor, session: SessionDep) -> Response:
    need(user, Scope.admin_api_keys)
    auth_service.revoke(session, user.workspace_id, key_id, actor=user.caller.actor)
    return RedirectResponse("/settings?done=revoked#keys", status_code=303)


@router.post("/settings/invites")
def invite(request: Request, user: Actor, session: SessionDep, form: FormDep) -> Response:
    if not user.is_admin:
        need(user, Scope.admin_api_keys)  # members lack it: the same 403 as the API
    invite_row, token = users.create_invite(
        session,
        user.workspace_id,
        user.user_id,
        form_text(form, "email", label="The email"),
        form_text(form, "role", label="The role"),
        actor=user.caller.actor,
    )
    link = str(request.base_url).rstrip("/") + f"/invite/{token}"
    return _settings_page(
        request, session, user, {"invite_link": link, "invite_email": invite_row.email}
    )
