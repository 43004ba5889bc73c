"""Which of the current result set a request means: "the first 5", "the last 3", "the ones at
Acme", "the CTOs", "all of them" (everyone, the default)."""

from __future__ import annotations

import re
from typing import Any

I = re.IGNORECASE
_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "twenty": 20,
}  # fmt: skip
_N = r"(\d{1,5}|" + "|".join(_NUMBERS) + ")"
_FIRST = re.compile(rf"\b(?:the\s+)?(?:first|top)\s+{_N}\b", I)
_LAST = re.compile(rf"\b(?:the\s+)?(?:last|bottom|final)\s+{_N}\b", I)
_AT = re.compile(
    r"\b(?:the\s+ones|those|the\s+people|people|everyone|anyone|the\s+contacts|the\s+ones\s+who\s+work)"
    r"\s+(?:at|from|with)\s+(.+?)(?=\s+(?:to|into|onto|in|on|from)\b|\s*$)",
    I,
)


def _number(raw: str) -> int:
    return int(raw) if raw.isdigit() else _NUMBERS[raw.lower()]


def selector(clause: str) -> dict[str, Any]:
    """The selection a clause makes, as selector fields ({} when it means everyone)."""
    m = _FIRST.search(clause)
    if m:
        return {"first": _number(m[1])}
    m = _LAST.search(clause)
    if m:
        return {"last": _number(m[1])}
    m = _AT.search(clause)
    if m:
        return {"company": m[1].strip(" ,.'\"")}
    return {}
