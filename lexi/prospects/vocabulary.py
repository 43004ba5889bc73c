"""The title vocabulary (``data/titles.tsv``): real job titles with their seniority and department.

Built by ``scripts/build_title_vocabulary.py``. The generator only writes titles from it, and
imports look a title up here (case-insensitively) before falling back to the token rules of
``lexi.prospects.titles.normalize``.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from lexi.prospects.titles import normalize


@cache
def vocabulary() -> dict[str, tuple[str, str]]:
    """title -> (seniority, department)."""
    text = resources.files("lexi.prospects").joinpath("data/titles.tsv").read_text(encoding="utf-8")
    out: dict[str, tuple[str, str]] = {}
    for line in text.splitlines()[1:]:
        title, seniority, department = line.split("\t")
        out[title] = (seniority, department)
    return out


@cache
def _folded() -> dict[str, str]:
    return {title.casefold(): title for title in vocabulary()}


def canonical_title(title: str) -> str | None:
    """The vocabulary's spelling of ``title`` ("vp of sales" -> "VP of Sales"), or None."""
    return _folded().get(" ".join(title.split()).casefold())


def role(title: str, industry: str | None = None) -> tuple[str, str]:
    """(seniority, department) of a title at a company of ``industry``.

    The vocabulary answers for known titles; a role the vocabulary leaves without a clear
    department ("Partner", "Analyst", "Associate") takes the one its industry implies ("Partner"
    at a law firm is legal, at a VC firm finance), as ``normalize`` does for unknown titles.
    """
    known = vocabulary().get(title)
    if known is None:
        canonical = canonical_title(title)
        known = vocabulary().get(canonical) if canonical else None
    if known is None:
        return normalize(title, industry)
    seniority, department = known
    if (
        industry
        and department in ("other", "executive", "finance")
        and seniority
        not in (
            "owner",
            "founder",
            "c_suite",
        )
    ):
        by_industry = normalize(title, industry)[1]
        if by_industry != normalize(title)[1]:
            department = by_industry
    return seniority, department
