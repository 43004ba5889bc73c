"""Links in campaign emails, answered without an API key (outside /v1, not in the API docs).

The token in the path is the credential: HMAC-signed, bound to one email of one campaign.
"""

from __future__ import annotations

import base64
import html

from fastapi import APIRouter, Response
from fastapi.responses import HTMLResponse, RedirectResponse

from lexi.campaigns import tracking
from lexi.deps import SessionDep

router = APIRouter(prefix="/email", include_in_schema=False)

PIXEL = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")
_NO_STORE = {"Cache-Control": "no-store", "X-Robots-Tag": "noindex"}


def _page(title: str, text: str, status: int = 200, form: str = "") -> HTMLResponse:
    body = (
        "<!doctype html><html><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width,initial-scale=1'>"
        f"<title>{html.escape(title)}</title></head>"
        "<body style='font-family:sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem'>"
        f"<h1>{html.escape(title)}</h1><p>{html.escape(text)}</p>{form}</body></html>"
    )
    return HTMLResponse(body, status_code=status, headers=_NO_STORE)


_INVALID = ("Link not valid", "This unsubscribe link is not valid. Nothing was changed.")


@router.get("/unsubscribe/{token}")
def unsubscribe_page(token: str, session: SessionDep) -> HTMLResponse:
    """A confirmation page (a GET never unsubscribes: link scanners follow links)."""
    if not tracking.check_unsubscribe(session, token):
        return _page(*_INVALID, status=404)
    form = (
        f"<form method='post' action='/email/unsubscribe/{html.escape(token)}'>"
        "<input type='hidden' name='List-Unsubscribe' value='One-Click'>"
        "<button type='submit'>Unsubscribe</button></form>"
    )
    return _page("Unsubscribe", "Stop receiving these emails?", form=form)


@router.post("/unsubscribe/{token}")
def unsubscribe(token: str, session: SessionDep) -> HTMLResponse:
    """One-click unsubscribe (RFC 8058: a POST with ``List-Unsubscribe=One-Click``)."""
    if not tracking.unsubscribe(session, token):
        return _page(*_INVALID, status=404)
    return _page("Unsubscribed", "You will not receive any more of these emails.")


@router.get("/open/{token}.gif")
def open_pixel(token: str, session: SessionDep) -> Response:
    """The open-tracking pixel: always the same image, whatever the token."""
    tracking.record_open(session, token)
    return Response(PIXEL, media_type="image/gif", headers=_NO_STORE)


@router.get("/click/{token}")
def click(token: str, session: SessionDep) -> Response:
    """Redirects only to the URL the link was signed with; anything else is a 404 page."""
    target = tracking.click_target(session, token)
    if target is None:
        return _page("Link not valid", "This link is not valid.", status=404)
    return RedirectResponse(target, status_code=302, headers=_NO_STORE)
