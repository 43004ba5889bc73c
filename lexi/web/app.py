"""Mounts the web app's pages and its static files (shipped in the wheel) on the application."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from lexi.web import auth_pages, campaign_pages, chat_pages, list_pages, settings_pages
from lexi.web.core import HERE


def install_web(app: FastAPI) -> None:
    app.include_router(auth_pages.router)
    app.include_router(chat_pages.router)
    app.include_router(settings_pages.router)
    app.include_router(list_pages.router)
    app.include_router(campaign_pages.router)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
