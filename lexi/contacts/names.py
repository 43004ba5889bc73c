"""Turning what people type into first, last and full names.

Rules (kept deliberately simple and predictable):

* ``"Last, First"`` (one comma) means last name first: ``"Smith, John"`` → John / Smith.
* Otherwise the first word is the first name and the rest the last name:
  ``"Mary Ann van der Berg"`` → Mary / Ann van der Berg. Courtesy titles (Mr, Dr, ...) are dropped.
* From an email local part: ``john.smith@`` → John Smith; separators are ``. _ -``; a ``+tag`` and
  digits are ignored. A single word (``jsmith@``) becomes the first name only ("Jsmith"): where it
  splits cannot be known. One-letter parts are initials, not names (``j.smith@`` → last name
  Smith only). Role mailboxes (``info@``, ``sales@``, ...) give no name at all.
"""

from __future__ import annotations

import re

_TITLES = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "madam"}
ROLE_MAILBOXES = frozenset(
    {
        "admin",
        "accounts",
        "billing",
        "careers",
        "contact",
        "enquiries",
        "hello",
        "help",
        "hi",
        "hr",
        "info",
        "inquiries",
        "jobs",
        "mail",
        "marketing",
        "media",
        "noreply",
        "no-reply",
        "office",
        "press",
        "sales",
        "support",
        "team",
        "webmaster",
    }
)
_SPACES = re.compile(r"\s+")
_EMAIL_SEPARATORS = re.compile(r"[._\-]+")


def clean(value: str | None) -> str | None:
    """Trim and collapse inner whitespace; empty becomes ``None``."""
    if value is None:
        return None
    value = _SPACES.sub(" ", value).strip()
    return value or None


def compose(first: str | None, last: str | None) -> str | None:
    """The display name made of the parts that exist."""
    return clean(" ".join(p for p in (first, last) if p))


def split_full_name(full_name: str | None) -> tuple[str | None, str | None]:
    """``(first, last)`` from a typed full name, honouring ``"Last, First"``."""
    text = clean(full_name)
    if not text:
        return None, None
    if text.count(",") == 1:
        last, first = (clean(p) for p in text.split(","))
        if first and last:
            return first, last
        text = first or last or ""
    words = text.split(" ")
    while len(words) > 1 and words[0].lower().rstrip(".") in _TITLES:
        words = words[1:]
    if len(words) == 1:
        return words[0], None
    return words[0], " ".join(words[1:])


def _capitalise(word: str) -> str:
    return "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))


def from_email(email: str | None) -> tuple[str | None, str | None]:
    """A best guess of ``(first, last)`` from an address's local part (see module rules)."""
    if not email or "@" not in email:
        return None, None
    local = email.rsplit("@", 1)[0].split("+", 1)[0].lower()
    if local in ROLE_MAILBOXES:
        return None, None
    words = [re.sub(r"[^a-z']", "", w) for w in _EMAIL_SEPARATORS.split(local)]
    words = [w for w in words if w]
    if not words:
        return None, None
    if len(words) == 1:
        return (_capitalise(words[0]), None) if len(words[0]) > 1 else (None, None)
    first, rest = words[0], words[1:]
    names = [w for w in rest if len(w) > 1]
    last = " ".join(_capitalise(w) for w in names) or None
    return (_capitalise(first) if len(first) > 1 else None), last


def resolve(
    first: str | None, last: str | None, full: str | None, email: str | None
) -> tuple[str | None, str | None, str | None]:
    """``(first, last, full)`` from whatever was given: parts win, then full name, then email."""
    first, last, full = clean(first), clean(last), clean(full)
    if not first and not last and full:
        first, last = split_full_name(full)
    if not first and not last:
        first, last = from_email(email)
    return first, last, compose(first, last)
