"""The contract's Filters object: one descriptor per filter, and the model built from them.

A filter is a ``FilterSpec``: its name, how it checks and canonicalises a value
(``lexi.prospects.filter_values``), where its SQL is built (a ``PersonQuery`` / ``SignalQuery``
field that ``ProspectRepository.branches`` turns into conditions, or its own ``where`` for a
filter added by an extension), and its English (``lexi.prospects.filter_words``) for replies,
task descriptions and filter chips, the way datasette's filters own ``where_clause`` and
``human_clause``. Everything that lists filters (the REST description, the tool and MCP JSON
schemas, the model interpreter's hints, the chips, the understanding benchmark) reads
``FILTERS`` instead of keeping its own copy.

    register_filter(FilterSpec("min_rating", "Rating", "...", kind="number", ...))

adds a filter: the parser accepts it, the schemas show it, the writer says it and the search
applies its ``where``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from lexi.errors import ValidationFailed
from lexi.prospects import filter_values as values
from lexi.prospects import filter_words as words
from lexi.prospects.filter_values import (
    APPROVED_MAX_LIMIT,
    DEFAULT_LIMIT,
    MAX_DAYS,
    MAX_ITEMS,
    MAX_LIMIT,
    MAX_TEXT,
)
from lexi.prospects.taxonomy import DEPARTMENTS, EMAIL_STATUSES, FUNDING_STAGES, SENIORITIES

__all__ = [
    "APPROVED_MAX_LIMIT",
    "DEFAULT_LIMIT",
    "FILTERS",
    "MAX_DAYS",
    "MAX_ITEMS",
    "MAX_LIMIT",
    "MAX_TEXT",
    "FilterSpec",
    "ProspectFilters",
    "filter_clauses",
    "register_filter",
    "unregister_filter",
]

Kind = Literal["list", "range", "number", "flag", "object"]
Parse = Callable[[str, Any], Any]
Human = Callable[[Any, Mapping[str, Any]], "str | None"]


@dataclass(frozen=True)
class FilterSpec:
    """One filter: its parsing, its SQL and its English."""

    name: str
    label: str  # the filter chip's label: "Industry", "Not in"
    description: str  # what a client or a model reads in the JSON schemas
    kind: Kind
    parse: Parse  # (field, raw value) -> canonical value, or ValidationFailed
    # Where its SQL is built: the ``PersonQuery`` / ``SignalQuery`` field (``lexi.prospects.
    # repository``) the service fills from it. Empty for ``limit``, which selects no one.
    sql: str = ""
    # (value, all filters) -> a clause such as "at law firms". None: the filter is part of who
    # the people are ("VPs of Sales"), which the assistant's phrases word, or says nothing.
    human: Human | None = None
    role: bool = False  # titles, seniorities, departments: the noun, not a clause
    group: str | None = None  # adjacent clauses of one group share their first word
    signal: bool = False  # a buying signal (SignalQuery)
    # Only for filters registered by an extension: the JSON schema of a value and the
    # condition the search adds for it (a SQLAlchemy expression on the columns of
    # ``lexi.models.Person.__table__``, given the canonical value).
    schema: dict[str, Any] | None = None
    where: Callable[[Any], Any] | None = None


FILTERS: dict[str, FilterSpec] = {}


def register_filter(spec: FilterSpec) -> FilterSpec:
    """Add a filter (or replace one of the same name)."""
    FILTERS[spec.name] = spec
    return spec


def unregister_filter(name: str) -> None:
    """Remove a filter an extension added; the built-in ones stay."""
    if name in _BUILT_IN:
        raise ValueError(f"{name} is a built-in filter")
    FILTERS.pop(name, None)


# In the order the English says them ("CEOs at law firms with 50-200 employees in Texas ...").
for _spec in (
    FilterSpec(
        "titles", "Title", "Job titles as written, e.g. ['CEO', 'Head of Marketing'].",
        "list", values.text_list, "PersonQuery.title_ids", role=True,
    ),
    FilterSpec(
        "seniorities", "Seniority", f"Any of {SENIORITIES}.",
        "list", values.seniorities, "PersonQuery.seniorities", role=True,
    ),
    FilterSpec(
        "departments", "Department", f"Any of {DEPARTMENTS}.",
        "list", values.departments, "PersonQuery.departments", role=True,
    ),
    FilterSpec(
        "companies", "Company",
        "Company names (matched fuzzily) or domains (matched exactly).",
        "list", values.text_list, "PersonQuery.company_ids", words.companies,
    ),
    FilterSpec(
        "industries", "Industry",
        "LinkedIn industry names, e.g. ['Law Practice', 'Computer Software'].",
        "list", values.industries, "PersonQuery.industries", words.industries,
    ),
    FilterSpec(
        "exclude_industries", "Not industry", "Industries to leave out (LinkedIn names).",
        "list", values.industries, "PersonQuery.exclude_industries", words.exclude_industries,
    ),
    FilterSpec(
        "employees", "Employees",
        "Company headcount range, e.g. {'min': 50, 'max': 200} or '51-200' or '10001+'.",
        "range", values.number_range, "PersonQuery.employees", words.employees, group="size",
    ),
    FilterSpec(
        "revenue_usd", "Revenue (USD)", "Company revenue range in USD, e.g. {'min': 1000000}.",
        "range", values.number_range, "PersonQuery.revenue", words.revenue, group="size",
    ),
    FilterSpec(
        "locations", "Location",
        "Where the people are: 'City, ST, US', a US state ('CA, US'), a country ('DE') or a "
        "region.",
        "list", values.places, "PersonQuery.places", words.locations,
    ),
    FilterSpec(
        "exclude_locations", "Not in", "Places the people are not in (same syntax).",
        "list", values.places, "PersonQuery.exclude_places", words.exclude_locations,
    ),
    FilterSpec(
        "company_locations", "Company HQ", "Where the company is based (same place syntax).",
        "list", values.places, "PersonQuery.company_places", words.company_locations,
    ),
    FilterSpec(
        "exclude_company_locations", "HQ not in",
        "Where the company is not based (same place syntax).",
        "list", values.places, "PersonQuery.exclude_company_places",
        words.exclude_company_locations,
    ),
    FilterSpec(
        "keywords", "Keyword", "Free-text keywords about the company.",
        "list", values.text_list, "PersonQuery.keywords", words.keywords,
    ),
    FilterSpec(
        "technologies", "Technology", "Technologies the company uses.",
        "list", values.text_list, "PersonQuery.technologies", words.technologies,
    ),
    FilterSpec(
        "email_status", "Email status", f"Any of {EMAIL_STATUSES}.",
        "list", values.email_statuses, "PersonQuery.email_status", words.email_status,
    ),
    FilterSpec(
        "funding_stages", "Funding stage",
        f"Stage of the company's last funding round, any of {FUNDING_STAGES}.",
        "list", values.funding_stages, "SignalQuery.funding_stages", words.funding_stages,
        signal=True,
    ),
    FilterSpec(
        "last_funding", "Last funded",
        "Date range of the last round, e.g. {'after': '2024-01-01', 'before': '2024-12-31'}.",
        "object", values.date_range, "SignalQuery.funded_after", words.last_funding,
        signal=True,
    ),
    FilterSpec(
        "total_funding_usd", "Total raised (USD)", "Total raised in USD, e.g. {'min': 10000000}.",
        "range", values.number_range, "SignalQuery.total_funding", words.total_funding,
        signal=True,
    ),
    FilterSpec(
        "headcount_growth_pct", "Headcount growth",
        "Headcount change in percent over 6 or 12 months, e.g. {'min': 20, 'months': 12} for "
        "growing fast.",
        "object", values.growth, "SignalQuery.growth", words.headcount_growth, signal=True,
    ),
    FilterSpec(
        "hiring_for", "Hiring",
        "Open job postings: {'titles': [...], 'departments': [...], 'seniorities': [...], "
        "'posted_within_days': 30}.",
        "object", values.hiring, "SignalQuery.hiring", words.hiring_for, signal=True,
    ),
    FilterSpec(
        "job_change_within_days", "New in role (days)",
        "The person started their current role within this many days (new in role: 90).",
        "number", values.days, "SignalQuery.role_started_since", words.job_change, signal=True,
    ),
    FilterSpec(
        "technologies_added_within_days", "Adopted within (days)",
        "With technologies: first used within this many days (just adopted: 90).",
        "number", values.days, "SignalQuery.tech_since", words.technologies_added, signal=True,
    ),
    FilterSpec(
        "exclude_saved", "Not saved", "Leave out people already saved as contacts.",
        "flag", values.flag, "PersonQuery.exclude_ids", words.exclude_saved,
    ),
    FilterSpec(
        "exclude_list_ids", "Not in list", "Leave out members of these lists (list ids).",
        "list", values.list_ids, "PersonQuery.exclude_ids", words.exclude_list_ids,
    ),
    FilterSpec(
        "limit", "How many", f"How many people to select (default {DEFAULT_LIMIT}).",
        "number", values.limit,
    ),
):  # fmt: skip
    register_filter(_spec)


def _add_to_schema(schema: dict[str, Any], model: type[BaseModel]) -> None:
    """Every filter's description, and the filters extensions added, in the JSON schema."""
    props = schema.setdefault("properties", {})
    for spec in FILTERS.values():
        if spec.name in props:
            props[spec.name]["description"] = spec.description
        else:
            props[spec.name] = {**(spec.schema or {}), "description": spec.description}


class ProspectFilters(BaseModel):
    """The structured query of a prospect search (contract: Filters object)."""

    # Extra keys are the filters extensions register; any other key is refused.
    model_config = ConfigDict(extra="allow", json_schema_extra=_add_to_schema)

    titles: list[str] = Field(default_factory=list)
    seniorities: list[str] = Field(default_factory=list)
    departments: list[str] = Field(default_factory=list)
    industries: list[str] = Field(default_factory=list)
    exclude_industries: list[str] = Field(default_factory=list)
    locations: list[str] = Field(default_factory=list)
    exclude_locations: list[str] = Field(default_factory=list)
    company_locations: list[str] = Field(default_factory=list)  # (ext) the company's HQ
    exclude_company_locations: list[str] = Field(default_factory=list)  # (ext)
    employees: dict[str, int | None] | None = None
    revenue_usd: dict[str, int | None] | None = None
    keywords: list[str] = Field(default_factory=list)
    technologies: list[str] = Field(default_factory=list)
    email_status: list[str] = Field(default_factory=list)
    # (ext) Company names (matched fuzzily) or domains (matched exactly).
    companies: list[str] = Field(default_factory=list)
    # (ext) Leave out people already saved as the workspace's contacts / members of these lists.
    exclude_saved: bool = False
    exclude_list_ids: list[str] = Field(default_factory=list)
    # (ext) Buying signals: the company's last funding round and total raised, its headcount
    # growth, its open job postings and recently adopted technologies; the person's role start.
    funding_stages: list[str] = Field(default_factory=list)
    last_funding: dict[str, str | None] | None = None
    total_funding_usd: dict[str, int | None] | None = None
    headcount_growth_pct: dict[str, int | None] | None = None
    hiring_for: dict[str, Any] | None = None
    job_change_within_days: int | None = None
    technologies_added_within_days: int | None = None
    limit: int = DEFAULT_LIMIT

    @field_validator("*", mode="before")
    @classmethod
    def _parse_value(cls, v: Any, info: ValidationInfo) -> Any:
        name = str(info.field_name)
        return FILTERS[name].parse(name, v)

    @model_validator(mode="before")
    @classmethod
    def _extension_values(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        extra = [k for k in data if k not in _BUILT_IN]
        if not extra:
            return data
        unknown = sorted(k for k in extra if k not in FILTERS)
        if unknown:
            raise _unknown_filters(unknown)
        return {k: (FILTERS[k].parse(k, v) if k in extra else v) for k, v in data.items()}

    @classmethod
    def parse(cls, data: dict[str, Any] | None, *, max_limit: int = MAX_LIMIT) -> ProspectFilters:
        """Validate a filters object from a client; ``max_limit`` allows approved large selections."""
        return cls.from_dict(data).checked(max_limit)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> ProspectFilters:
        """The filters of a JSON filters object, checked and made canonical value by value
        (``ValidationFailed`` names the first bad one). ``limit`` is not bounded here: what a
        search may select is the caller's rule (``checked``). Understanding, stored
        conversations and the chat's edited chips come in this way."""
        if data is None:
            data = {}
        if not isinstance(data, Mapping):
            raise ValidationFailed.field("body", "Expected a filters object")
        unknown = sorted(k for k in data if k not in FILTERS)
        if unknown:
            raise _unknown_filters(unknown)
        try:
            return cls.model_validate(dict(data))
        except ValidationError as exc:
            err = exc.errors()[0]
            name = ".".join(str(p) for p in err["loc"]) or "body"
            raise ValidationFailed.field(name, str(err["msg"])) from None

    def checked(self, max_limit: int = MAX_LIMIT) -> ProspectFilters:
        """These filters, when ``limit`` is a number of people a search may select."""
        if not 1 <= self.limit <= max_limit:
            raise ValidationFailed.field("limit", f"Must be between 1 and {max_limit}")
        if self.limit > MAX_LIMIT and self.is_empty():
            # Selecting thousands of arbitrary people is never what anyone meant.
            raise ValidationFailed.field(
                "limit", f"A search without filters selects at most {MAX_LIMIT} people"
            )
        return self

    def changed(self, changes: Mapping[str, Any]) -> ProspectFilters:
        """A copy with some filters set to new values (checked like any value); a value of None
        or an empty list clears that filter."""
        return type(self).from_dict({**self.to_dict(), **changes})

    def value(self, name: str) -> Any:
        """The value of one filter by name (a built-in field or a registered extension), None
        when it is not set."""
        if name in _BUILT_IN:
            return getattr(self, name)
        return (self.model_extra or {}).get(name)

    # Read by name, as the descriptors name them: ``filters["titles"]``, ``"keywords" in
    # filters``, ``filters.get("min_rating")`` (an extension's). A filter that is not set is
    # absent, as in ``to_dict()``.
    def __getitem__(self, name: str) -> Any:
        value = self.value(name) if name in FILTERS else None
        if value is False or value in (None, [], {}):
            raise KeyError(name)
        return value

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.get(name) is not None

    def get(self, name: str, default: Any = None) -> Any:
        try:
            return self[name]
        except KeyError:
            return default

    def __eq__(self, other: object) -> bool:
        # The contract's filters object of the same search is equal: {"titles": ["CEO"],
        # "limit": 25} == ProspectFilters(titles=["CEO"]).
        if isinstance(other, Mapping):
            return self.to_dict() == dict(other)
        return super().__eq__(other)

    def __repr_args__(self) -> Iterator[tuple[str | None, Any]]:
        # Only the filters that are set: "ProspectFilters(titles=['CEO'], limit=25)".
        yield from self.to_dict().items()

    def is_empty(self) -> bool:
        return not any(v for k, v in self.to_dict().items() if k != "limit")

    def items(self) -> Iterator[tuple[str, Any]]:
        """(name, value) of every filter that is set, in the descriptors' order."""
        extra = self.model_extra or {}
        for name in FILTERS:
            value = extra.get(name) if name not in _BUILT_IN else getattr(self, name)
            if value is False or value in (None, [], {}):
                continue
            yield name, value

    def to_dict(self) -> dict[str, Any]:
        """The canonical JSON form (empty fields omitted), as stored in chat actions and tasks."""
        out: dict[str, Any] = {}
        for name in [*_BUILT_IN, *(self.model_extra or {})]:
            value = getattr(self, name)
            if value is False or value in (None, [], {}) or name not in FILTERS:
                continue
            out[name] = (
                dict(value)
                if isinstance(value, dict)
                else (list(value) if isinstance(value, list) else value)
            )
        return out


# The built-in filters' names, in the fields' order (read per value: ``model_fields`` is slow).
_BUILT_IN: dict[str, None] = dict.fromkeys(ProspectFilters.model_fields)


def _unknown_filters(unknown: list[str]) -> ValidationFailed:
    return ValidationFailed(
        f"Unknown filter: {', '.join(unknown)}.",
        details={"fields": dict.fromkeys(unknown, "Unknown filter"), "valid": list(FILTERS)},
    )


def filter_clauses(filters: ProspectFilters | Mapping[str, Any]) -> list[str]:
    """The English of every filter that is set and is not part of the role, in order:
    ["at law firms", "with 50-200 employees and $1,000,000+ in revenue", "in Texas"]."""
    if isinstance(filters, ProspectFilters):
        filters = filters.to_dict()
    clauses: list[tuple[str | None, str]] = []
    for spec in FILTERS.values():
        value = filters.get(spec.name)
        if spec.human is None or value is False or value in (None, [], {}):
            continue
        text = spec.human(value, filters)
        if not text:
            continue
        prev = clauses[-1] if clauses else None
        if spec.group and prev and prev[0] == spec.group:
            first = text.split(" ", 1)
            clauses[-1] = (spec.group, f"{prev[1]} and {first[-1]}")
        else:
            clauses.append((spec.group, text))
    return [text for _, text in clauses]
