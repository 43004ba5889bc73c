from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response

from lexi.auth import service
from lexi.auth.dependencies import AdminApiKeys
from lexi.auth.schemas import ApiKeyCreate, ApiKeyCreated, ApiKeyOut
from lexi.deps import SessionDep
from lexi.kit.pagination import Page, PageParams, page_params
from lexi.kit.schemas import DataEnvelope

router = APIRouter(prefix="/api-keys", tags=["API keys"])
KeyPage = Annotated[PageParams, Depends(page_params(default=25, maximum=100))]


@router.post("", status_code=201, response_model=DataEnvelope[ApiKeyCreated])
def create_api_key(body: ApiKeyCreate, caller: AdminApiKeys, session: SessionDep) -> dict:
    """Create a key in the caller's workspace. The plaintext `key` is returned only here."""
    key, plaintext = service.create_key(
        session,
        caller.workspace_id,
        name=body.name,
        scopes=body.permissions,
        description=body.description,
        tier=body.rate_limit_tier,
        expires_at=body.expires_at,
        actor=caller.actor,
    )
    out = ApiKeyOut.model_validate(key).model_dump()
    return {"data": {**out, "key": plaintext}}


@router.get("", response_model=Page[ApiKeyOut])
def list_api_keys(
    caller: AdminApiKeys,
    session: SessionDep,
    params: KeyPage,
    include_revoked: bool = False,
    search: Annotated[str | None, Query(max_length=200)] = None,
) -> Page[ApiKeyOut]:
    """Key metadata (display prefix, never the secret)."""
    keys, total = service.list_keys(
        session, caller.workspace_id, params, include_revoked=include_revoked, search=search
    )
    return Page[ApiKeyOut].build([ApiKeyOut.model_validate(k) for k in keys], total, params)


@router.delete("/{key_id}", status_code=204, response_class=Response)
def revoke_api_key(key_id: uuid.UUID, caller: AdminApiKeys, session: SessionDep) -> Response:
    """Soft-revoke a key. The workspace's last admin key cannot be revoked (403)."""
    service.revoke(session, caller.workspace_id, key_id, actor=caller.actor)
    return Response(status_code=204)
