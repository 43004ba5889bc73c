"""Sign in, sign out, and joining a workspace through an invite link."""

from __future__ import annotations

from datetime import timedelta

from fastapi import APIRouter, Request, Response
from fastapi.responses import RedirectResponse

from lexi.deps import SessionDep, SettingsDep
from lexi.errors import LexiError, NotFound
from lexi.users import service as users
from lexi.web.core import (
    SESSION_COOKIE,
    Actor,
    FormDep,
    WebRoute,
    check_login_csrf,
    login_csrf,
    render,
    safe_next,
    set_login_csrf,
    set_session_cookie,
)

router = APIRouter(route_class=WebRoute, include_in_schema=False)


def _login_page(
    request: Request, *, error: str | None = None, email: str = "", status_code: int = 200
) -> Response:
    token = login_csrf(request)
    response = render(
        request,
        "login.html",
        {
            "csrf": token,
            "error": error,
            "email": email,
            "next": safe_next(request.query_params.get("next")),
        },
        status_code=status_code,
    )
    set_login_csrf(request, response, token)
    return response


@router.get("/login")
def login_form(request: Request) -> Response:
    return _login_page(request)


def _too_many(request: Request, email: str, per_minute: int) -> int | None:
    """Seconds to wait when this address or this email has used up its sign-in attempts."""
    limiter = request.app.state.limiter
    client = request.client.host if request.client else "unknown"
    waits = []
    for identity in (f"login-ip:{client}", f"login-email:{email.lower()}"):
        decision = limiter.hit(identity, per_minute, per_minute * 60)
        if not decision.allowed:
            waits.append(decision.retry_after)
    return max(waits) if waits else None


@router.post("/login")
def login(request: Request, session: SessionDep, settings: SettingsDep, form: FormDep) -> Response:
    check_login_csrf(request, str(form.get("csrf_token") or ""))
    email = str(form.get("email") or "").strip()[:320]
    password = str(form.get("password") or "")[:500]
    wait = _too_many(request, email, settings.web_login_per_minute)
    if wait is not None:
        response = _login_page(
            request,
            error=f"Too many sign-in attempts. Wait {wait} seconds and try again.",
            email=email,
            status_code=429,
        )
        response.headers["Retry-After"] = str(wait)
        return response
    lifetime = timedelta(hours=settings.web_session_hours)
    signed = users.sign_in(session, email, password, lifetime=lifetime)
    if signed is None:
        return _login_page(
            request, error="That email and password do not match.", email=email, status_code=401
        )
    token, _row = signed
    response = RedirectResponse(safe_next(str(form.get("next") or "")), status_code=303)
    set_session_cookie(request, response, token, int(lifetime.total_seconds()))
    return response


@router.post("/logout")
def logout(request: Request, user: Actor, session: SessionDep) -> Response:
    users.sign_out(session, request.cookies.get(SESSION_COOKIE, ""))
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


@router.get("/invite/{token}")
def invite_form(token: str, request: Request, session: SessionDep) -> Response:
    invite = users.find_invite(session, token)
    csrf = login_csrf(request)
    response = render(
        request, "invite.html", {"invite": invite, "csrf": csrf, "token": token, "error": None}
    )
    set_login_csrf(request, response, csrf)
    return response


@router.post("/invite/{token}")
def accept_invite(
    token: str, request: Request, session: SessionDep, settings: SettingsDep, form: FormDep
) -> Response:
    check_login_csrf(request, str(form.get("csrf_token") or ""))
    password = str(form.get("password") or "")[:500]
    try:
        user = users.accept_invite(session, token, password)
    except NotFound:
        raise
    except LexiError as exc:
        invite = users.find_invite(session, token)
        return render(
            request,
            "invite.html",
            {"invite": invite, "csrf": login_csrf(request), "token": token, "error": exc.message},
            status_code=exc.status_code,
        )
    lifetime = timedelta(hours=settings.web_session_hours)
    signed = users.sign_in(session, user.email, password, lifetime=lifetime)
    response = RedirectResponse("/chat", status_code=303)
    if signed is not None:
        set_session_cookie(request, response, signed[0], int(lifetime.total_seconds()))
    return response
