"""Alias tables: the words people use for roles, industries, company sizes and tools.

The tables of roles, departments, size words and technologies live in ``data/*.toml`` (industries: see
``industries``); this module reads them once and keeps what is code: the Role type, the
seniority ladder, the renderings of seniorities and departments as titles.

Keys are *normalised* phrases (see ``text.norm_key``: lower case, singular, "&" spelled "and",
punctuation dropped), so one entry covers "Law Firms", "law-firm" and "law firms". Values are
canonical contract values (taxonomy industry names, seniority and department enums).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Any

from .text import norm_key


@dataclass(frozen=True)
class Role:
    """One role phrase: a specific title, or a seniority and/or department pattern."""

    titles: tuple[str, ...] = ()
    seniorities: tuple[str, ...] = ()
    departments: tuple[str, ...] = ()
    # A seniority noun ("VP", "head", "director") can take departments: "VPs of Sales".
    takes_department: bool = False
    generic: bool = False  # "people", "contacts", "leads": no role by itself


_ROLE_FIELDS = {"titles", "seniorities", "departments", "takes_department", "generic"}


def data_file(name: str) -> dict[str, Any]:
    """One of the vocabulary files in ``data/``, read once when this module loads."""
    text = (
        resources.files("lexi.assistant.understanding")
        .joinpath(f"data/{name}")
        .read_text(encoding="utf-8")
    )
    return tomllib.loads(text)


def _role(phrase: str, value: str | list[str] | dict[str, Any]) -> Role:
    """A role from ``data/roles.toml``: a title, a list of titles, or a table of Role fields."""
    if isinstance(value, str):
        return Role(titles=(value,))
    if isinstance(value, list):
        return Role(titles=tuple(value))
    if unknown := set(value) - _ROLE_FIELDS:
        raise ValueError(f"roles.toml: {phrase!r} has unknown fields {sorted(unknown)}")
    seniorities = tuple(value.get("seniorities", ()))
    departments = tuple(value.get("departments", ()))
    return Role(
        titles=tuple(value.get("titles", ())),
        seniorities=seniorities,
        departments=departments,
        takes_department=value.get("takes_department", bool(seniorities) and not departments),
        generic=value.get("generic", False),
    )


_ROLE_DATA = data_file("roles.toml")
ROLES: dict[str, Role] = {k: _role(k, v) for k, v in _ROLE_DATA["roles"].items()}


def _composed_roles(table: dict[str, dict[str, str]], phrase: str) -> dict[str, Role]:
    """Each head word with each word of the second table, keyed as the scanner reads the
    ``phrase`` they make (``text.norm_key``: accents dropped, each word singular): "gerente de
    logística" ([iberian_roles]), "drinks buyers" ([category_roles]), "head nurses"
    ([head_roles])."""
    words = table.get("functions") or table.get("occupations") or table["categories"]
    out: dict[str, Role] = {}
    for head, form in table["heads"].items():
        for word, name in words.items():
            key = norm_key(phrase.format(head=head, word=word))
            out.setdefault(key, Role(titles=(form.format(name),)))
    return out


def _with_composed_roles() -> None:
    listed = {norm_key(phrase) for phrase in ROLES}  # a phrase listed under [roles] wins
    for table, phrase in (
        ("iberian_roles", "{head} de {word}"),
        ("category_roles", "{word} {head}"),
        ("head_roles", "{head} {word}"),
    ):
        for key, role in _composed_roles(_ROLE_DATA[table], phrase).items():
            if key not in listed:
                ROLES[key] = role


_with_composed_roles()

# A composed title and the plain one it narrows ("Drinks Buyer" -> "Buyer", "Head Nurse" ->
# "Nurse"): the near search offered when the composed title finds nobody
# (``nearby.next_titles``).
COMPOSED_TITLE_BASES: dict[str, str] = {
    **{
        form.format(name): " ".join(form.format("").split())
        for form in _ROLE_DATA["category_roles"]["heads"].values()
        for name in _ROLE_DATA["category_roles"]["categories"].values()
    },
    **{
        form.format(name): name
        for form in _ROLE_DATA["head_roles"]["heads"].values()
        for name in _ROLE_DATA["head_roles"]["occupations"].values()
    },
}

# Fallback title when a seniority pattern must be rendered as a title (mixed requests such as
# "CEOs and VPs of Sales": titles and seniorities are ANDed by search, so both become titles).
SENIORITY_TITLE = {
    "owner": "Owner",
    "founder": "Founder",
    "c_suite": "C-Level",
    "partner": "Partner",
    "vp": "VP",
    "head": "Head",
    "director": "Director",
    "manager": "Manager",
    "senior": "Senior",
    "entry": "Associate",
    "intern": "Intern",
}
DEPARTMENT_TITLE = {
    "executive": "Executive",
    "engineering": "Engineering",
    "sales": "Sales",
    "marketing": "Marketing",
    "finance": "Finance",
    "legal": "Legal",
    "operations": "Operations",
    "human_resources": "HR",
    "information_technology": "IT",
    "product": "Product",
    "customer_success": "Customer Success",
    "design": "Design",
    "other": "Other",
}

# Department words as they qualify a role ("marketing directors", "heads of people ops"); words
# that name a department only after "head of"; abbreviations only in capitals ("IT", not "it").
_DEPARTMENT_DATA = data_file("departments.toml")
DEPARTMENTS: dict[str, str] = dict(_DEPARTMENT_DATA["departments"])
DEPARTMENT_AFTER_OF_ONLY: set[str] = set(_DEPARTMENT_DATA["after_of_only"])
CASED_ONLY: dict[str, str] = dict(_DEPARTMENT_DATA["cased_only"])


# Nouns that may follow an industry without changing it: "SaaS companies", "biotech startups".
COMPANY_NOUNS = {
    "company",
    "firm",
    "business",
    "org",
    "organization",
    "organisation",
    "provider",
    "vendor",
    "brand",
    "player",
    "space",
    "sector",
    "industry",
    "vertical",
    "shop",
    "house",
    "outfit",
    "enterprise",
    "corp",
    "corporation",
    "group",
    "practice",
    "agency",
    "studio",
    "startup",
    "scaleup",
    "operator",
    "institution",
    "clinic",
    "lab",
    "laboratory",
    "center",
    "centre",
    "chain",
    "dealership",
    "office",
    "manufacturer",
    "maker",
    "producer",
}

# Company size words -> employees (min, max) (LinkedIn bands: 1-10, 11-50, 51-200, ...).
SIZE_WORDS: dict[str, tuple[int | None, int | None]] = {
    k: (v.get("min"), v.get("max")) for k, v in data_file("sizes.toml")["sizes"].items()
}

# Technologies and their other spellings: "that use postgres" -> "PostgreSQL" (data/technologies.toml).
_TECH_DATA = data_file("technologies.toml")
TECHNOLOGY_SPELLING: dict[str, str] = {
    spelling.lower(): name
    for name, others in _TECH_DATA["technologies"].items()
    for spelling in (name, *others)
}


def technology_named(written: str) -> str:
    """A technology by its name ("postgres" -> "PostgreSQL"); one the list lacks as written, and
    capitalised when typed in lower case ("matterport" -> "Matterport")."""
    name = TECHNOLOGY_SPELLING.get(written.lower())
    if name:
        return name
    return written[:1].upper() + written[1:] if written.islower() else written


# Every spelling, canonical names first.
TECHNOLOGIES: list[str] = list(
    dict.fromkeys(
        [*_TECH_DATA["technologies"], *(o for v in _TECH_DATA["technologies"].values() for o in v)]
    )
)
# Spellings that are also ordinary words or company names: a technology only after a verb of use.
AMBIGUOUS_TECHNOLOGIES: frozenset[str] = frozenset(_TECH_DATA["ambiguous"]["names"])
# Spellings that are everyday words in lower case: a technology after "with" only capitalised.
LOWER_CASE_WORD_TECHNOLOGIES: frozenset[str] = frozenset(_TECH_DATA["ambiguous"]["lower_case"])
