"""Web sign-in: accounts, sessions in the database, cookies, CSRF, expiry, rate limits, roles,
invites and the `lexi users` command, through the real app (TestClient) and a real SQLite file."""

from __future__ import annotations

import subprocess
import sys
import uuid
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import update
from typer.testing import CliRunner

from lexi.app import create_app
from lexi.kit.clock import utc_now
from lexi.models import User, UserSession
from lexi.users import service as users
from tests.helpers.web import PASSWORD, form_token, make_user, sign_in


@pytest.fixture
def web(app):  # type: ignore[no-untyped-def]
    with TestClient(app, base_url="http://testserver", raise_server_exceptions=False) as c:
        yield c


class TestSignIn:
    def test_pages_need_a_session(self, web) -> None:
        r = web.get("/chat", follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"] == "/login?next=%2Fchat"
        assert web.get("/settings", follow_redirects=False).status_code == 303

    def test_wrong_password_and_unknown_email_get_the_same_words(self, web, db, workspace):
        email = make_user(db, workspace.id)
        token = form_token(web.get("/login").text)
        for who, password in ((email, "not the password"), ("nobody@example.com", PASSWORD)):
            r = web.post("/login", data={"email": who, "password": password, "csrf_token": token})
            assert r.status_code == 401
            assert "That email and password do not match." in r.text
            assert "lexi_session" not in r.headers.get("set-cookie", "")

    def test_sign_in_sets_a_strict_cookie_and_stores_only_a_hash(self, web, db, workspace):
        email = make_user(db, workspace.id)
        token = form_token(web.get("/login").text)
        r = web.post(
            "/login",
            data={"email": email.upper(), "password": PASSWORD, "csrf_token": token},
            follow_redirects=False,
        )
        assert r.status_code == 303 and r.headers["location"] == "/chat"
        cookie = r.headers["set-cookie"]
        assert "lexi_session=" in cookie and "HttpOnly" in cookie and "SameSite=lax" in cookie
        assert "Secure" not in cookie  # plain http here
        value = cookie.split("lexi_session=", 1)[1].split(";", 1)[0]
        with db.unit_of_work(write=False) as session:
            assert users.resolve(session, value) is not None
            stored = session.query(UserSession).filter_by(token_hash=users.hash_token(value)).one()
            assert stored.token_hash != value
        assert web.get("/chat").status_code == 200

    def test_the_cookie_is_secure_over_https(self, app, db, workspace):
        email = make_user(db, workspace.id)
        with TestClient(app, base_url="https://testserver") as c:
            token = form_token(c.get("/login").text)
            r = c.post(
                "/login",
                data={"email": email, "password": PASSWORD, "csrf_token": token},
                follow_redirects=False,
            )
        assert "Secure" in r.headers["set-cookie"]

    def test_next_only_goes_to_this_site(self, web, db, workspace):
        email = make_user(db, workspace.id)
        token = form_token(web.get("/login").text)
        r = web.post(
            "/login",
            data={
                "email": email,
                "password": PASSWORD,
                "csrf_token": token,
                "next": "//evil.example.com/",
            },
            follow_redirects=False,
        )
        assert r.headers["location"] == "/chat"

    def test_sign_out_ends_the_session_in_the_database(self, web, db, workspace):
        csrf = sign_in(web, make_user(db, workspace.id))
        cookie = web.cookies.get("lexi_session")
        r = web.post("/logout", data={"csrf_token": csrf}, follow_redirects=False)
        assert r.status_code == 303
        with db.unit_of_work(write=False) as session:
            assert users.resolve(session, cookie) is None
        web.cookies.set("lexi_session", cookie)
        assert web.get("/chat", follow_redirects=False).status_code == 303


class TestCsrf:
    def test_login_without_the_form_token_is_refused(self, web, db, workspace):
        email = make_user(db, workspace.id)
        web.get("/login")
        r = web.post("/login", data={"email": email, "password": PASSWORD})
        assert r.status_code == 403
        assert "did not come from this site" in r.text

    def test_forms_and_fetches_without_the_session_token_are_refused(self, web, db, workspace):
        csrf = sign_in(web, make_user(db, workspace.id))
        before = web.get("/settings").text
        for data in ({}, {"csrf_token": "forged"}):
            r = web.post(
                "/settings/policy",
                data={**data, "approval_mode": "never", "auto_approve_max_prospects": "5"},
            )
            assert r.status_code == 403, r.text
            assert "Traceback" not in r.text
        r = web.post(
            "/chat/stream",
            json={"message": "hello"},
            headers={"Accept": "text/event-stream", "X-CSRF-Token": "forged"},
        )
        assert r.status_code == 403 and r.json()["error"]["code"] == "insufficient_permissions"
        assert web.get("/settings").text.count('value="never" selected') == 0
        assert 'value="threshold" selected' in before
        r = web.post(
            "/settings/policy",
            data={"csrf_token": csrf, "approval_mode": "never", "auto_approve_max_prospects": "5"},
        )
        assert r.status_code == 200 and 'value="never" selected' in r.text

    def test_one_sessions_token_does_not_work_for_another(self, app, db, workspace):
        with TestClient(app) as a, TestClient(app) as b:
            csrf_a = sign_in(a, make_user(db, workspace.id))
            sign_in(b, make_user(db, workspace.id))
            r = b.post("/chat/send", data={"csrf_token": csrf_a, "message": "hi"})
            assert r.status_code == 403


class TestExpiry:
    def test_an_expired_session_signs_the_person_out(self, web, db, workspace):
        csrf = sign_in(web, make_user(db, workspace.id))
        cookie = web.cookies.get("lexi_session")
        with db.unit_of_work() as session:
            session.execute(
                update(UserSession)
                .where(UserSession.token_hash == users.hash_token(cookie))
                .values(expires_at=utc_now() - timedelta(seconds=1))
            )
        r = web.get("/chat/" + str(uuid.uuid4()), follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"].startswith("/login?next=")
        r = web.post(
            "/chat/stream",
            json={"message": "hi"},
            headers={"Accept": "text/event-stream", "X-CSRF-Token": csrf},
        )
        assert r.status_code == 401 and "Sign in again" in r.json()["error"]["message"]
        r = web.post("/chat/send", data={"csrf_token": csrf, "message": "hi"})
        assert r.status_code == 401 and "Sign in again" in r.text

    def test_the_lifetime_setting_sets_expiry(self, settings, db, workspace):
        app = create_app(settings.model_copy(update={"web_session_hours": 2.0}), db=db)
        with TestClient(app) as c:
            sign_in(c, make_user(db, workspace.id))
            with db.unit_of_work(write=False) as session:
                signed = users.resolve(session, c.cookies.get("lexi_session"))
        assert signed is not None
        left = signed.expires_at - utc_now()
        assert timedelta(hours=1, minutes=59) < left <= timedelta(hours=2)


class TestRateLimit:
    def test_too_many_attempts_are_refused_even_with_the_right_password(
        self, settings, db, workspace
    ):
        app = create_app(settings.model_copy(update={"web_login_per_minute": 3}), db=db)
        email = make_user(db, workspace.id)
        with TestClient(app) as c:
            token = form_token(c.get("/login").text)
            codes = [
                c.post(
                    "/login", data={"email": email, "password": "wrong one!!", "csrf_token": token}
                ).status_code
                for _ in range(3)
            ]
            r = c.post(
                "/login",
                data={"email": email, "password": PASSWORD, "csrf_token": token},
                follow_redirects=False,
            )
        assert codes == [401, 401, 401]
        assert r.status_code == 429 and int(r.headers["retry-after"]) > 0
        assert "Too many sign-in attempts" in r.text


class TestRoles:
    def test_a_member_cannot_manage_api_keys_or_invite(self, web, db, workspace):
        csrf = sign_in(web, make_user(db, workspace.id, role="member"))
        page = web.get("/settings").text
        assert "Only admins manage API keys" in page and "/settings/keys" not in page
        r = web.post("/settings/keys", data={"csrf_token": csrf, "name": "x", "scopes": "lexi"})
        assert r.status_code == 403 and "admin:api_keys" in r.text
        r = web.post(
            "/settings/invites",
            data={"csrf_token": csrf, "email": "x@example.com", "role": "admin"},
        )
        assert r.status_code == 403

    def test_an_admin_creates_a_key_seen_once_and_revokes_it(self, web, client, db, workspace):
        csrf = sign_in(web, make_user(db, workspace.id))
        r = web.post(
            "/settings/keys",
            data={"csrf_token": csrf, "name": "CRM sync", "scopes": ["lexi", "contacts:read"]},
        )
        assert r.status_code == 200
        secret = r.text.split('id="new-key">', 1)[1].split("<", 1)[0]
        headers = {"Authorization": f"Bearer {secret}"}
        assert client.get("/v1/lists", headers=headers).status_code == 200
        page = web.get("/settings").text
        assert secret not in page and secret[:8] in page
        key_id = page.split("/settings/keys/", 1)[1].split("/revoke", 1)[0]
        r = web.post(f"/settings/keys/{key_id}/revoke", data={"csrf_token": csrf})
        assert r.status_code == 200 and "was revoked" in r.text
        assert client.get("/v1/lists", headers=headers).status_code == 401

    def test_member_scopes_are_every_scope_but_the_admin_ones(self) -> None:
        member = users.scopes_for("member")
        assert "admin:api_keys" not in member and "lexi" in member
        assert users.scopes_for("admin") >= member | {"admin:api_keys"}


class TestInvites:
    def test_an_invited_person_joins_once_and_signs_in(self, app, db, workspace):
        with TestClient(app) as admin, TestClient(app) as guest:
            csrf = sign_in(admin, make_user(db, workspace.id))
            email = f"guest-{uuid.uuid4().hex[:8]}@example.com"
            r = admin.post(
                "/settings/invites", data={"csrf_token": csrf, "email": email, "role": "member"}
            )
            link = r.text.split('id="invite-link">', 1)[1].split("<", 1)[0]
            path = link.split("testserver", 1)[1]
            page = guest.get(path)
            assert page.status_code == 200 and email in page.text
            r = guest.post(path, data={"csrf_token": form_token(page.text), "password": "short"})
            assert r.status_code == 400 and "10 to 200 characters" in r.text
            r = guest.post(
                path,
                data={"csrf_token": form_token(page.text), "password": "a long new password"},
                follow_redirects=False,
            )
            assert r.status_code == 303 and r.headers["location"] == "/chat"
            assert guest.get("/chat").status_code == 200
            again = guest.get(path)
            assert again.status_code == 404 and "not valid any more" in again.text
            assert email in admin.get("/settings").text


class TestCli:
    def test_users_create_makes_an_account_that_signs_in(self, web, migrated, workspace):
        from lexi.cli import app as cli

        email = f"cli-{uuid.uuid4().hex[:8]}@example.com"
        result = CliRunner().invoke(
            cli,
            [
                "users",
                "create",
                "--workspace",
                str(workspace.id),
                "--email",
                email,
                "--role",
                "admin",
                "--database-url",
                migrated,
            ],
        )
        assert result.exit_code == 0, result.output
        password = result.output.split("password: ", 1)[1].strip()
        sign_in(web, email, password)
        assert "API keys" in web.get("/settings").text

    def test_users_create_refuses_a_taken_email_in_words(self, db, migrated, workspace):
        email = make_user(db, workspace.id)
        out = subprocess.run(
            [
                sys.executable,
                "-m",
                "lexi",
                "users",
                "create",
                "--workspace",
                str(workspace.id),
                "--email",
                email,
                "--database-url",
                migrated,
            ],
            capture_output=True,
            text=True,
        )
        assert out.returncode == 1 and "already exists" in out.stderr
        assert "Traceback" not in out.stderr


def test_passwords_are_argon2(db, workspace) -> None:
    email = make_user(db, workspace.id)
    with db.unit_of_work(write=False) as session:
        user = session.query(User).filter_by(email=email).one()
    assert user.password_hash.startswith("$argon2id$")
