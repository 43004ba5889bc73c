"""Declared authorisation: each endpoint names its scope in its signature.

``ContactsRead = Annotated[Caller, Depends(require(Scope.contacts_read))]``. The gateway middleware
has already resolved the bearer key; this only checks it exists and holds the scope.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from lexi.auth.scopes import Scope
from lexi.auth.service import Caller, check_scope
from lexi.errors import InvalidKey


class RequireScope:
    """A dependency that yields the ``Caller`` if it holds ``scope``. Routes are walked for it.

    ``async`` because it does no I/O: FastAPI runs a plain ``def`` dependency on a worker thread,
    a hop per request for a dictionary lookup.
    """

    def __init__(self, scope: Scope) -> None:
        self.scope = scope

    async def __call__(self, request: Request) -> Caller:
        caller: Caller | None = getattr(request.state, "caller", None)
        if caller is None:
            raise InvalidKey()
        check_scope(caller, self.scope.value)
        return caller


_cache: dict[Scope, RequireScope] = {}


def require(scope: Scope) -> RequireScope:
    if scope not in _cache:
        _cache[scope] = RequireScope(scope)
    return _cache[scope]


# Module-level ``Annotated`` aliases (not built by a helper function) so type checkers see each
# one as ``Caller`` while FastAPI sees the scope check.
LexiCaller = Annotated[Caller, Depends(require(Scope.lexi))]
ContactsRead = Annotated[Caller, Depends(require(Scope.contacts_read))]
ContactsWrite = Annotated[Caller, Depends(require(Scope.contacts_write))]
CampaignsRead = Annotated[Caller, Depends(require(Scope.campaigns_read))]
CampaignsWrite = Annotated[Caller, Depends(require(Scope.campaigns_write))]
ProspectsRead = Annotated[Caller, Depends(require(Scope.prospects_read))]
AdminApiKeys = Annotated[Caller, Depends(require(Scope.admin_api_keys))]
