"""The single list of feature routers mounted under /v1."""

from __future__ import annotations

from fastapi import APIRouter

from lexi.auth.endpoints import router as api_keys_router
from lexi.credits.endpoints import router as credits_router

api_router = APIRouter(prefix="/v1")
for router in (
    api_keys_router,
    credits_router,
):
    api_router.include_router(router)
