"""The single list of feature routers mounted under /v1."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.routing import APIRoute

from lexi.audit.endpoints import router as audit_router
from lexi.auth.endpoints import router as api_keys_router
from lexi.campaigns import service as campaigns_service
from lexi.campaigns.endpoints import inbound_router, suppressions_router
from lexi.campaigns.endpoints import router as campaigns_router
from lexi.chat import service as chat_service
from lexi.chat.endpoints import router as chat_router
from lexi.contacts.endpoints import router as contacts_router
from lexi.contacts.import_endpoints import router as contacts_import_router
from lexi.conversations.endpoints import router as conversations_router
from lexi.credits.endpoints import router as credits_router
from lexi.deps import UnitOfWorkRoute
from lexi.lists.endpoints import router as lists_router
from lexi.prospects.endpoints import router as prospects_router
from lexi.tasks.endpoints import router as tasks_router


class _V1Router(APIRouter):
    """Every route included here finishes its unit of work inside the endpoint's call."""

    def add_api_route(self, *args: Any, route_class_override: Any = None, **kw: Any) -> None:
        if route_class_override is None or route_class_override is APIRoute:
            route_class_override = UnitOfWorkRoute
        super().add_api_route(*args, route_class_override=route_class_override, **kw)


api_router = _V1Router(prefix="/v1")
for router in (
    api_keys_router,
    audit_router,
    credits_router,
    contacts_router,
    contacts_import_router,
    lists_router,
    campaigns_router,
    suppressions_router,
    inbound_router,
    prospects_router,
    chat_router,
    tasks_router,
    conversations_router,
):
    api_router.include_router(router)

# Chat requests naming a campaign (context.campaign_id) resolve it through the campaigns feature.
chat_service.campaign_resolver = campaigns_service.resolve
