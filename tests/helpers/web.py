"""Web app test support: users made through the service, and signing in through the real form."""

from __future__ import annotations

import re
import uuid

import httpx

from lexi.audit.service import Actor
from lexi.db.session import Database
from lexi.users import service as users

PASSWORD = "correct horse battery"


def make_user(db: Database, workspace_id: uuid.UUID, role: str = "admin") -> str:
    email = f"{role}-{uuid.uuid4().hex[:10]}@example.com"
    with db.unit_of_work() as session:
        users.create_user(session, workspace_id, email, PASSWORD, role, actor=Actor.cli())
    return email


def form_token(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "no csrf_token field on the page"
    return found.group(1)


def page_token(html: str) -> str:
    found = re.search(r'name="csrf-token" content="([^"]+)"', html)
    assert found, "no csrf-token meta on the page"
    return found.group(1)


def sign_in(client: httpx.Client, email: str, password: str = PASSWORD) -> str:
    """Signs in through /login and returns the session's CSRF token."""
    token = form_token(client.get("/login").text)
    r = client.post(
        "/login",
        data={"email": email, "password": password, "csrf_token": token},
        follow_redirects=False,
    )
    assert r.status_code == 303, r.text
    return page_token(client.get("/chat").text)
