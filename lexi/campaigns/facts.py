"""Facts about a recipient that a campaign may state, because they come from the data.

A contact saved from the prospect universe keeps its prospect id; its prospect's buying signals
(``lexi.prospects.service.add_signals``: the company's last funding round, open postings,
headcount growth, technologies adopted recently, the person's new role and previous company) are
facts, not guesses. This module ranks them and turns them into sentences for two merge
variables:

- ``{{signal_opener}}``: a sentence built from the recipient's strongest fact, with a space after
  it, meant to start the first paragraph of the first email;
- ``{{signal_followup}}``: a sentence built from a *different* fact (the second strongest), for
  a follow-up step, so the sequence does not repeat itself.

A recipient with no such fact (a contact added by hand or imported, or a prospect whose company
carries no signal) gets an empty value, so the email reads as the plain opening (or the
variable's fallback). Nothing is ever filled in from anything but the stored facts.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from lexi.prospects.taxonomy import FUNDING_STAGE_LABELS

FACT_FIELDS = ("signal_opener", "signal_followup")
RECENT_FUNDING_DAYS = 365  # an older round is still a fact, but a weak opener
STRONG_GROWTH_PCT = 20


@dataclass(frozen=True)
class Fact:
    kind: str
    strength: int
    clause: str  # "Acme raised a Series A in March 2025, led by Accel"

    def opener(self) -> str:
        return f"I saw that {self.clause}. "

    def followup(self) -> str:
        return f"I also noticed that {self.clause}. "


def _month(iso: str) -> str:
    return date.fromisoformat(iso).strftime("%B %Y")


def _company(prospect: dict[str, Any]) -> str:
    return ((prospect.get("company") or {}).get("name") or "").strip() or "your company"


def facts_of(prospect: dict[str, Any], today: date) -> list[Fact]:
    """The prospect's facts a message may state, strongest first (ties keep the signals' order)."""
    company = _company(prospect)
    details = {d["kind"]: d for d in prospect.get("signal_details") or []}
    out: list[Fact] = []
    funding = details.get("funding")
    if funding and funding["facts"].get("date"):
        f = funding["facts"]
        stage = FUNDING_STAGE_LABELS.get(f["stage"], f["stage"])
        stage = stage if stage.startswith("Series") else stage.lower()  # "a seed round"
        article = "an" if stage[:1].lower() in "aeiou" else "a"
        clause = f"{company} raised {article} {stage} round in {_month(f['date'])}"
        if f.get("lead_investor"):
            clause += f", led by {f['lead_investor']}"
        recent = (today - date.fromisoformat(f["date"])).days <= RECENT_FUNDING_DAYS
        out.append(Fact("funding", 50 if recent else 10, clause))
    role = details.get("new_in_role")
    if role:
        f = role["facts"]
        title = f.get("title")
        clause = (f"you started as {title}" if title else "you started a new role") + (
            f" at {company} in {_month(f['started_on'])}"
        )
        previous = details.get("previous_company")
        if previous:
            clause += f", after {previous['facts']['company']}"
        out.append(Fact("new_in_role", 40, clause))
    hiring = details.get("hiring")
    if hiring:
        f = hiring["facts"]
        n = int(f["open_postings"])
        titles = f.get("titles") or []
        if len(titles) == 1:
            what = f"{n} open {titles[0]['title']} role" + ("s" if n > 1 else "")
        else:
            what = (
                f"{n} open roles, including {titles[0]['title']}" if titles else f"{n} open roles"
            )
        out.append(Fact("hiring", 30, f"{company} has {what}"))
    tech = details.get("technology")
    if tech:
        f = tech["facts"]
        clause = f"{company} started using {f['technology']} in {_month(f['first_seen_on'])}"
        out.append(Fact("technology", 20, clause))
    growth = details.get("growth")
    if growth and growth["facts"]["pct"] >= STRONG_GROWTH_PCT:
        f = growth["facts"]
        clause = f"{company} grew its headcount by {f['pct']}% in the last {f['months']} months"
        out.append(Fact("growth", 15, clause))
    out.sort(key=lambda fact: -fact.strength)
    return out


def values_of(facts: Sequence[Fact]) -> dict[str, str]:
    """The merge values: the strongest fact opens, a different one follows up; empty without."""
    return {
        "signal_opener": facts[0].opener() if facts else "",
        "signal_followup": facts[1].followup() if len(facts) > 1 else "",
    }


def for_contacts(
    session: Session, contacts: Iterable[Any], today: date
) -> dict[uuid.UUID, list[Fact]]:
    """The facts of each contact that came from the prospect universe, by contact id (contacts
    without a prospect, or whose prospect is gone, have none)."""
    from lexi.prospects import service as prospects_service

    by_prospect: dict[uuid.UUID, list[uuid.UUID]] = {}
    for c in contacts:
        if getattr(c, "prospect_id", None) is not None:
            by_prospect.setdefault(c.prospect_id, []).append(c.id)
    out: dict[uuid.UUID, list[Fact]] = {}
    if not by_prospect:
        return out
    for prospect in prospects_service.get_prospects(session, list(by_prospect)):
        found = facts_of(prospect, today)
        for contact_id in by_prospect.get(uuid.UUID(prospect["id"]), []):
            out[contact_id] = found
    return out


def merge_values(
    session: Session, contacts: Iterable[Any], today: date
) -> dict[uuid.UUID, dict[str, str]]:
    """``values_of`` for each contact, by contact id; every contact gets both fields."""
    contacts = list(contacts)
    found = for_contacts(session, contacts, today)
    return {c.id: values_of(found.get(c.id, [])) for c in contacts}
