"""What every page shares: templates, the signed-in person, CSRF, and errors shown as pages."""

from __future__ import annotations

import hmac
import json
import logging
import secrets
import time
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import Depends, Request, Response
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from fastapi.routing import APIRoute
from jinja2 import Environment, FileSystemLoader, select_autoescape

from lexi.auth.scopes import Scope
from lexi.auth.service import check_scope
from lexi.deps import DatabaseDep
from lexi.errors import InsufficientPermissions, LexiError, ValidationFailed
from lexi.users import service as users
from lexi.users.service import SignedIn

log = logging.getLogger("lexi.web")
HERE = Path(__file__).resolve().parent
SESSION_COOKIE = "lexi_session"
LOGIN_CSRF_COOKIE = "lexi_login_csrf"
CSRF_HEADER = "x-csrf-token"
CSRF_FIELD = "csrf_token"

templates = Environment(
    loader=FileSystemLoader(str(HERE / "templates")),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)


def _number(value: Any) -> str:
    return f"{value:,}" if isinstance(value, int) else str(value)


templates.filters["number"] = _number


class SignInRequired(Exception):
    """Raised by the page dependency when there is no live session."""


class CsrfRejected(LexiError):
    status_code = 403
    code = "insufficient_permissions"
    message = "This form has expired or did not come from this site. Reload the page and try again."


def wants_json(request: Request) -> bool:
    accept = request.headers.get("accept", "")
    return "application/json" in accept or "text/event-stream" in accept


def render(
    request: Request,
    template: str,
    context: dict[str, Any] | None = None,
    *,
    status_code: int = 200,
    headers: dict[str, str] | None = None,
) -> HTMLResponse:
    started = time.perf_counter()
    ctx = {"request": request, "user": getattr(request.state, "web_user", None)}
    ctx.update(context or {})
    html = templates.get_template(template).render(ctx)
    response = HTMLResponse(html, status_code=status_code, headers=headers)
    response.headers["Server-Timing"] = f"render;dur={(time.perf_counter() - started) * 1000:.1f}"
    return response


def error_page(request: Request, exc: LexiError) -> Response:
    if wants_json(request):
        return JSONResponse(exc.body(), status_code=exc.status_code, headers=exc.headers)
    return render(
        request,
        "error.html",
        {
            "message": exc.message,
            "status": exc.status_code,
            "rows": (exc.details or {}).get("rows", [])[:20],
        },
        status_code=exc.status_code,
        headers=exc.headers,
    )


def sign_in_redirect(request: Request) -> Response:
    if wants_json(request) or request.method != "GET":
        body = {
            "error": {"code": "invalid_key", "message": "Your session has ended. Sign in again."}
        }
        return (
            JSONResponse(body, status_code=401)
            if wants_json(request)
            else render(
                request,
                "error.html",
                {"message": "Your session has ended. Sign in again.", "status": 401},
                status_code=401,
            )
        )
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return RedirectResponse(f"/login?next={quote(target, safe='')}", status_code=303)


class WebRoute(APIRoute):
    """Routes of the web app: failures become a page in words (or JSON for fetch), never a trace."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def route(request: Request) -> Response:
            try:
                response = await handler(request)
            except SignInRequired:
                return sign_in_redirect(request)
            except LexiError as exc:
                return error_page(request, exc)
            except Exception:
                log.exception(
                    "web page failed",
                    extra={"request_id": getattr(request.state, "request_id", None)},
                )
                return error_page(request, LexiError())
            response.headers.setdefault("Cache-Control", "no-store")
            response.headers.setdefault("X-Frame-Options", "DENY")
            response.headers.setdefault("X-Content-Type-Options", "nosniff")
            response.headers.setdefault("Referrer-Policy", "same-origin")
            return response

        return route


def _signed_in(request: Request, db: DatabaseDep) -> SignedIn:
    """The signed-in user, read in a short read-only unit of work of its own: the request's
    session begins no transaction here, so an endpoint can still do slow work (a chat turn asking
    a model) before its own transaction begins."""
    token = request.cookies.get(SESSION_COOKIE, "")
    user = None
    if token:
        with db.unit_of_work(write=False) as session:
            user = users.resolve(session, token)
    if user is None:
        raise SignInRequired()
    request.state.web_user = user
    return user


async def _csrf_checked(
    request: Request, user: Annotated[SignedIn, Depends(_signed_in)]
) -> SignedIn:
    """Every state-changing request echoes the session's CSRF token (header or form field)."""
    sent = request.headers.get(CSRF_HEADER)
    if sent is None and request.method not in ("GET", "HEAD"):
        content_type = request.headers.get("content-type", "")
        if "form" in content_type:
            form = await request.form()
            value = form.get(CSRF_FIELD)
            sent = value if isinstance(value, str) else None
    if not sent or not hmac.compare_digest(sent.encode(), user.csrf_token.encode()):
        raise CsrfRejected()
    return user


async def _form(request: Request) -> Any:
    """The posted form, read once in the event loop so page functions can stay synchronous."""
    return await request.form()


async def _json(request: Request) -> Any:
    try:
        return json.loads(await request.body() or b"{}")
    except ValueError:
        raise ValidationFailed.field(
            "body", "Malformed JSON", "The request is not valid JSON."
        ) from None


Viewer = Annotated[SignedIn, Depends(_signed_in)]
FormDep = Annotated[Any, Depends(_form)]
JsonDep = Annotated[Any, Depends(_json)]
Actor = Annotated[SignedIn, Depends(_csrf_checked)]


def need(user: SignedIn, scope: Scope) -> None:
    """The same scope check the API makes (a member lacks the admin scopes)."""
    try:
        check_scope(user.caller, scope.value)
    except InsufficientPermissions as exc:
        raise InsufficientPermissions(
            f"Your role ({user.role}) does not allow this: it needs the '{scope.value}' scope. "
            "Ask an admin of this workspace.",
            details=exc.details,
        ) from None


def set_session_cookie(request: Request, response: Response, token: str, max_age: int) -> None:
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=max_age,
        httponly=True,
        secure=request.url.scheme == "https",
        samesite="lax",
        path="/",
    )


def login_csrf(request: Request) -> str:
    return request.cookies.get(LOGIN_CSRF_COOKIE) or secrets.token_urlsafe(24)


def set_login_csrf(request: Request, response: Response, value: str) -> None:
    response.set_cookie(
        LOGIN_CSRF_COOKIE,
        value,
        max_age=3600,
        httponly=True,
        secure=request.url.scheme == "https",
        samesite="lax",
        path="/",
    )


def check_login_csrf(request: Request, sent: str | None) -> None:
    cookie = request.cookies.get(LOGIN_CSRF_COOKIE, "")
    if not cookie or not sent or not hmac.compare_digest(cookie.encode(), sent.encode()):
        raise CsrfRejected()


def safe_next(target: str | None) -> str:
    """Only same-site paths, so the sign-in page cannot be used to send people elsewhere."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/chat"


def form_text(form: Any, name: str, *, required: bool = True, label: str | None = None) -> str:
    value = form.get(name)
    text = value.strip() if isinstance(value, str) else ""
    if required and not text:
        raise ValidationFailed.field(name, "Required", f"{label or name.capitalize()} is required.")
    return text
