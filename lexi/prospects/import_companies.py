"""Which company an imported row belongs to.

A row's company is matched by domain (given, or taken from a work email) when it has one, else
by its name in a normal form (``name_key``: case, accents, punctuation, "&"/"and", a leading
"The" and trailing legal forms such as Inc, LLC, Ltd, GmbH or Corp do not count), within the file
and against the universe. Two companies may share a name: a row that names its company's HQ
country never matches a company headquartered in another country; among the companies left,
the one in the HQ country, then the HQ city, then (a row without an HQ) the person's own
country, then the oldest wins. A row with a domain that no company has yet gives it to the
company of the same name that has none (the domain is filled in instead of a second company
being created); a company with another domain is another company.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Protocol

# Legal forms that end a company's name and say nothing about which company it is.
LEGAL_FORMS = frozenset(
    """
    inc incorporated corp corporation co company llc lllp llp lp ltd limited plc pllc pc
    gmbh mbh ag kg kgaa ug ohg gbr ev se sa sas sarl sagl srl spa sl slu bv nv oy oyj ab as
    asa aps pty pvt pte kk sro doo
    """.split()
)
_FILLER = frozenset({"the", "and"})
_JOINED = re.compile(r"[.'\u2019`]")  # "L.L.C." is LLC, "O'Reilly" is OReilly
_WORD = re.compile(r"[^\W_]+")
# Companies created by an import rank after the universe's (whose order is their id), in the
# order the file created them.
_CREATED = 1 << 62


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in text if not unicodedata.combining(c))


@lru_cache(maxsize=1 << 16)
def name_key(name: str | None) -> str | None:
    """The name's normal form: "The Acme Corp.", "ACME, Inc." and "Acme" are all "acme";
    "Harbor & Pine Ltd" is "harbor and pine". None for a name with no letters or digits."""
    words = _WORD.findall(_JOINED.sub("", _fold(name or "").replace("&", " and ")))
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    while len(words) > 1 and (words[-1] in LEGAL_FORMS or words[-1] == "and"):
        words.pop()
    return " ".join(words) or None


def search_words(name: str) -> list[str]:
    """Words of ``name`` that a company of the same ``name_key`` has in its name too, for the
    text index to find candidates by (which the caller then compares by key)."""
    words = [w for w in _WORD.findall(name.lower()) if w not in LEGAL_FORMS and w not in _FILLER]
    long = [w for w in words if len(w) > 1]
    return sorted(set(long or words))


class CompanySource(Protocol):
    def companies_by_domain(self, domains: Sequence[str]) -> dict[str, Any]: ...
    def companies_named(self, word_groups: Sequence[Sequence[str]]) -> list[Any]: ...


@dataclass(eq=False)
class KnownCompany:
    """A company an import has met: one of the universe's, or one it creates."""

    values: dict[str, Any]  # the company's columns as read (or as they will be written)
    order: int
    existing: bool  # in the universe before the import
    written: bool  # in the database (``existing``, or created by an earlier batch)
    taken: set[str] = field(default_factory=set)  # facts a row of the file has given already
    facts: dict[str, Any] = field(default_factory=dict)  # facts to write at the end of a batch


@dataclass
class Book:
    """The companies one import has met, keyed by domain and by ``name_key``."""

    facts: tuple[str, ...]  # the company facts rows give (``importer.REFRESHED``)
    by_domain: dict[str, KnownCompany] = field(default_factory=dict)
    by_name: dict[str, list[KnownCompany]] = field(default_factory=dict)
    by_id: dict[int, KnownCompany] = field(default_factory=dict)
    looked_up: set[str] = field(default_factory=set)  # domains asked the universe about
    looked_up_names: set[str] = field(default_factory=set)  # name keys asked about
    created: list[KnownCompany] = field(default_factory=list)
    matched: set[int] = field(default_factory=set)  # ids of universe companies rows named
    refreshed: set[int] = field(default_factory=set)  # ids of universe companies rows changed
    _to_write: dict[int, KnownCompany] = field(default_factory=dict)  # written, with new facts

    def load(self, source: CompanySource, rows: Iterable[dict[str, Any]]) -> None:
        """Read the universe's companies that ``rows`` may belong to (each asked about once)."""
        rows = list(rows)
        domains = sorted(
            {r["company_domain"] for r in rows if r["company_domain"]} - self.looked_up
        )
        self.looked_up.update(domains)
        for company in source.companies_by_domain(domains).values():
            self._add_existing(company)
        spellings: dict[str, set[str]] = {}
        for r in rows:
            key = name_key(r["company_name"])
            if (
                key
                and key not in self.looked_up_names
                and r["company_domain"] not in self.by_domain
            ):
                spellings.setdefault(key, set()).add(r["company_name"])
        self.looked_up_names.update(spellings)
        groups = sorted(
            {tuple(search_words(name)) for names in spellings.values() for name in names} - {()}
        )
        for start in range(0, len(groups), 100):
            for company in source.companies_named(groups[start : start + 100]):
                if name_key(company.name) in spellings:
                    self._add_existing(company)

    def _add_existing(self, row: Any) -> None:
        if row.id in self.by_id:
            return
        self._register(KnownCompany(dict(row._mapping), row.id, existing=True, written=True))

    def _register(self, company: KnownCompany) -> None:
        values = company.values
        if values.get("id") is not None:
            self.by_id[values["id"]] = company
        if values["domain"]:
            self.by_domain.setdefault(values["domain"], company)
        key = name_key(values["name"])
        if key:
            group = self.by_name.setdefault(key, [])
            group.append(company)
            group.sort(key=lambda c: c.order)

    def resolve(self, r: dict[str, Any], create: dict[str, Any] | None) -> KnownCompany | None:
        """The company of row ``r`` (None if it names none): matched, given the row's domain,
        or, with ``create`` (the new company's columns), created. The row's facts are noted."""
        company = self._match(r)
        if company is None and create is not None:
            company = KnownCompany(
                create,
                _CREATED + len(self.created),
                existing=False,
                written=False,
                taken={name for name in self.facts if create.get(name) is not None},
            )
            self.created.append(company)
            self._register(company)
        if company is None:
            return None
        if company.existing:
            self.matched.add(company.values["id"])
        for name in self.facts:
            if r[name] is not None and name not in company.taken:
                company.taken.add(name)
                if company.written:
                    company.facts[name] = r[name]
                    self._to_write[id(company)] = company
                else:
                    company.values[name] = r[name]
        return company

    def _match(self, r: dict[str, Any]) -> KnownCompany | None:
        domain = r["company_domain"]
        if domain and domain in self.by_domain:
            return self.by_domain[domain]
        key = name_key(r["company_name"])
        hq = r["company_country"]
        candidates = [
            c
            for c in self.by_name.get(key or "", ())
            if not (hq and c.values["country"] and c.values["country"] != hq)
            and not (domain and c.values["domain"])
        ]
        if not candidates:
            return None
        company = max(candidates, key=lambda c: _rank(c, r))
        if domain:
            self._give_domain(company, domain)
        return company

    def _give_domain(self, company: KnownCompany, domain: str) -> None:
        company.values["domain"] = domain
        self.by_domain[domain] = company
        if company.written:
            company.facts["domain"] = domain
            self._to_write[id(company)] = company

    def take_facts(self) -> list[KnownCompany]:
        """The companies in the database that rows gave new facts (or a domain) since the last
        call; the caller writes their ``facts`` and clears them."""
        out = list(self._to_write.values())
        self._to_write.clear()
        return out


def _rank(company: KnownCompany, r: dict[str, Any]) -> tuple[bool, bool, bool, int]:
    values = company.values
    hq = r["company_country"]
    return (
        bool(hq) and values["country"] == hq,
        bool(hq) and bool(r["company_city"]) and values["city"] == r["company_city"],
        not hq and bool(r["country"]) and values["country"] == r["country"],
        -company.order,
    )
