"""Email content: merge variables, HTML sanitising and the plain-text/HTML pair of a step.

Merge variables are ``{{name}}`` or ``{{name|fallback}}``. Only the contact's own fields and the
facts the data holds about them (``lexi.campaigns.facts``: ``signal_opener``, ``signal_followup``)
can be merged (``MERGE_FIELDS``); any other name is rejected when a step is saved, so a typo never
reaches a recipient as ``{{frist_name}}``.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any

import nh3

MERGE_FIELDS = (
    "first_name",
    "last_name",
    "company_name",
    "job_title",
    "signal_opener",
    "signal_followup",
)
_VAR = re.compile(r"\{\{\s*([^{}|]*?)\s*(?:\|\s*([^{}]*?)\s*)?\}\}")
_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")
_ALLOWED_TAGS = {
    "a", "b", "blockquote", "br", "div", "em", "h1", "h2", "h3", "hr", "i", "li", "ol", "p",
    "span", "strong", "u", "ul",
}  # fmt: skip
_ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}


def variables(text: str) -> list[str]:
    """Every merge variable name used in ``text``, in order of first use."""
    return list(dict.fromkeys(m.group(1) for m in _VAR.finditer(text)))


def unknown_variables(*texts: str) -> list[str]:
    found: list[str] = []
    for text in texts:
        found += [v for v in variables(text) if v not in MERGE_FIELDS]
    return list(dict.fromkeys(found))


def is_html(body: str) -> bool:
    return bool(_TAG.search(body))


def sanitize_html(body: str) -> str:
    """Keep formatting and links; drop scripts, styles, event handlers and javascript: URLs."""
    return nh3.clean(
        body,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )


def clean_body(body: str) -> str:
    """A step body as stored: HTML is sanitised, plain text kept as written."""
    body = body.replace("\r\n", "\n").strip()
    return sanitize_html(body) if is_html(body) else body


def contact_fields(contact: Any) -> dict[str, str]:
    """The merge values of a contact: only its own fields, never anything made up."""
    first = (getattr(contact, "first_name", None) or "").strip()
    if not first and getattr(contact, "full_name", None):
        first = contact.full_name.strip().split()[0]
    return {
        "first_name": first,
        "last_name": (getattr(contact, "last_name", None) or "").strip(),
        "company_name": (getattr(contact, "company_name", None) or "").strip(),
        "job_title": (getattr(contact, "job_title", None) or "").strip(),
    }


def merge(text: str, values: dict[str, str], *, escape: bool = False) -> str:
    """Fill merge variables; an empty value takes the fallback (or nothing)."""

    def fill(m: re.Match[str]) -> str:
        value = values.get(m.group(1), "") or (m.group(2) or "")
        return html.escape(value) if escape else value

    return _VAR.sub(fill, text)


def html_to_text(body: str) -> str:
    """A readable plain-text version of a sanitised HTML body (links keep their URL)."""
    text = re.sub(r'<a\s[^>]*href="([^"]*)"[^>]*>(.*?)</a>', r"\2 (\1)", body, flags=re.S | re.I)
    text = re.sub(r"<\s*br\s*/?>", "\n", text, flags=re.I)
    text = re.sub(r"</\s*(p|div|h[1-3]|li|blockquote)\s*>", "\n\n", text, flags=re.I)
    text = re.sub(r"<\s*li[^>]*>", "- ", text, flags=re.I)
    text = _TAG.sub("", text)
    text = html.unescape(text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def text_to_html(body: str) -> str:
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", body) if p.strip()]
    return "".join(f"<p>{html.escape(p).replace(chr(10), '<br>')}</p>" for p in paragraphs)


@dataclass(frozen=True)
class Rendered:
    subject: str
    text: str
    html: str


def render(subject: str, body: str, values: dict[str, str]) -> Rendered:
    """The subject, plain-text and HTML of a step for one contact."""
    merged_subject = " ".join(merge(subject, values).split())
    if is_html(body):
        html_body = merge(body, values, escape=True)
        return Rendered(merged_subject, html_to_text(html_body), html_body)
    text = merge(body, values)
    return Rendered(merged_subject, text, text_to_html(text))
