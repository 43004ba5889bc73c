"""The single list of feature routers mounted under /v1."""

from __future__ import annotations

from fastapi import APIRouter

from lexi.auth.endpoints import router as api_keys_router
from lexi.chat.endpoints import router as chat_router
from lexi.contacts.endpoints import router as contacts_router
from lexi.contacts.import_endpoints import router as contacts_import_router
from lexi.conversations.endpoints import router as conversations_router
from lexi.credits.endpoints import router as credits_router
from lexi.lists.endpoints import router as lists_router
from lexi.prospects.endpoints import router as prospects_router
from lexi.tasks.endpoints import router as tasks_router

api_router = APIRouter(prefix="/v1")
for router in (
    api_keys_router,
    credits_router,
    contacts_router,
    contacts_import_router,
    lists_router,
    prospects_router,
    chat_router,
    tasks_router,
    conversations_router,
):
    api_router.include_router(router)
