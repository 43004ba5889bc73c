"""``lexi prospects``: generate, import and search the prospect universe."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import typer

from lexi.cli.common import DB_OPTION, database, fail

prospects_app = typer.Typer(
    help="Generate, import and search the prospect universe.", no_args_is_help=True
)


def _progress(total: int | None, label: str):
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    return Progress(
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        transient=False,
        console=Console(stderr=True),
    )


@prospects_app.command("generate")
def generate(
    people: int = typer.Option(..., "--people", min=1, max=50_000_000, help="How many people."),
    seed: int = typer.Option(42, "--seed", help="Same seed, same universe (and ids)."),
    replace: bool = typer.Option(False, "--replace", help="Delete the existing universe first."),
    quiet: bool = typer.Option(False, "--quiet", help="No progress bar."),
    database_url: str | None = DB_OPTION,
) -> None:
    """Write a deterministic synthetic universe of companies and people."""
    from lexi.prospects.generator import generate as run

    with database(database_url) as db:
        if quiet:
            stats = run(db, people, seed, replace=replace)
        else:
            with _progress(people, "people") as bar:
                task = bar.add_task("people", total=people)
                stats = run(
                    db, people, seed, replace=replace, progress=lambda n: bar.advance(task, n)
                )
    typer.echo(
        f"{stats.people:,} people, {stats.companies:,} companies, {stats.titles:,} titles "
        f"in {stats.seconds:.1f} s ({stats.people / max(stats.seconds, 1e-9):,.0f} people/s)"
    )


@prospects_app.command("import")
def import_file(
    path: Path = typer.Argument(..., exists=True, dir_okay=False, help="A .csv or .jsonl file."),
    mapping: list[str] = typer.Option(
        [], "--map", help="field=Column, e.g. --map job_title='Job Title' (repeatable)."
    ),
    fmt: str | None = typer.Option(
        None,
        "--format",
        help="apollo, sales-navigator or hubspot (their CSV exports), csv or jsonl (default: from the extension).",
    ),
    encoding: str = typer.Option("utf-8", "--encoding", help="The file's text encoding."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Validate and count only."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
    database_url: str | None = DB_OPTION,
) -> None:
    """Import people (CSV, JSON lines, or an Apollo, Sales Navigator or HubSpot export) into the
    universe; bad rows are reported, not imported."""
    from lexi.prospects import importer
    from lexi.prospects.presets import PRESETS

    pairs = {}
    for item in mapping:
        field, sep, column = item.partition("=")
        if not sep:
            fail(f"--map expects field=Column, got {item!r}", code=2)
        pairs[field.strip()] = column.strip()
    kind = (fmt or path.suffix.lstrip(".")).lower()
    preset = PRESETS.get(kind)
    if kind not in ("csv", "jsonl", "ndjson") and preset is None:
        fail(
            "Use a .csv or .jsonl file, or pass --format apollo|sales-navigator|hubspot|csv|jsonl",
            code=2,
        )
    if preset is not None and pairs:
        fail(f"--map does not apply to --format {kind} (its columns are fixed)", code=2)
    with database(database_url) as db:
        text = importer.decode(path.read_bytes(), encoding)
        rows = importer.read_jsonl(text) if kind in ("jsonl", "ndjson") else importer.read_csv(text)
        total = max(text.count("\n") - (0 if kind in ("jsonl", "ndjson") else 1), 1)
        with db.unit_of_work() as session, _progress(total, "rows") as bar:
            task = bar.add_task("rows", total=total)
            outcome = importer.import_rows(
                session,
                rows,
                mapping=pairs or None,
                preset=preset,
                dry_run=dry_run,
                progress=lambda n: bar.advance(task, n),
            )
            # The line count was an estimate (a quoted cell may span lines): end at the rows read.
            bar.update(task, total=bar.tasks[0].completed)
    report = outcome.as_dict()
    if as_json:
        typer.echo(json.dumps(report, indent=2))
        return
    typer.echo(
        f"imported {outcome.imported}, duplicates {outcome.duplicates}, errors {len(outcome.errors)}, "
        f"companies created {outcome.companies_created}, matched {outcome.companies_matched}, "
        f"refreshed {outcome.companies_refreshed}"
        + (" (dry run: nothing written)" if dry_run else "")
    )
    for err in outcome.errors[:50]:
        problems = "; ".join(f"{k}: {v}" for k, v in err["errors"].items())
        typer.echo(f"  row {err['row']}: {problems}")


@prospects_app.command("stats")
def stats(
    top: int = typer.Option(
        10, "--top", min=1, max=100, help="How many places, countries and industries."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the distributions as JSON."),
    database_url: str | None = DB_OPTION,
) -> None:
    """Print the universe's distributions: sizes, seniorities, departments, email statuses,
    places, the commonest titles of the largest industries, and the buying signals (funding
    stages by size, age and industry group, last-round years, total raised, headcount growth,
    open postings, job changes per year, technologies adopted recently)."""
    from lexi.prospects import service

    with database(database_url) as db, db.unit_of_work(write=False) as session:
        data = service.stats(session, top=top)
    if as_json:
        typer.echo(json.dumps(data, indent=2))
        return
    people = max(data["people"], 1)

    def share(n: int) -> str:
        return f"{n:>10,}  {100 * n / people:5.1f}%"

    typer.echo(
        f"{data['people']:,} people, {data['companies']:,} companies, {data['titles']:,} distinct titles"
    )
    typer.echo("\nCompany size (employees)      companies       people")
    for row in data["sizes"]:
        typer.echo(f"  {row['employees']:<12} {row['companies']:>14,} {share(row['people'])}")
    for key, label in (
        ("seniorities", "Seniority"),
        ("departments", "Department"),
        ("email_statuses", "Email status"),
    ):
        typer.echo(f"\n{label}")
        for name, n in data[key].items():
            typer.echo(f"  {name:<24} {share(n)}")
    typer.echo("\nCountries (people)")
    for row in data["countries"]:
        typer.echo(f"  {row['country']:<24} {share(row['people'])}")
    typer.echo("\nPlaces (people)")
    for row in data["places"]:
        typer.echo(f"  {row['place']:<32} {share(row['people'])}")
    away = data["away_from_hq"]
    typer.echo(
        f"\nAway from their company's HQ city: {share(away['other_city']).strip()}"
        f"; in another country: {share(away['other_country']).strip()}"
    )
    typer.echo("\nCommonest titles in the largest industries")
    for block in data["titles_by_industry"]:
        titles = ", ".join(f"{t['title']} ({t['people']:,})" for t in block["titles"])
        typer.echo(f"  {block['industry']}: {titles}")
    _print_signals(data["signals"], max(data["companies"], 1), share)


def _print_signals(signals: dict[str, Any], companies: int, share: Callable[[int], str]) -> None:
    """The buying-signal part of ``lexi prospects stats``; company shares are of all companies."""

    def of_companies(title: str, counts: dict[str, int]) -> None:
        typer.echo(f"\n{title}")
        for name, n in counts.items():
            typer.echo(f"  {name:<24} {n:>10,}  {100 * n / companies:5.1f}%")

    def stages_by(title: str, rows: list[dict[str, Any]], key: str) -> None:
        typer.echo(f"\n{title} (the commonest stages, share of the group's companies)")
        for row in rows:
            in_group = sum(row["stages"].values())
            if not in_group:
                continue
            commonest = sorted(row["stages"].items(), key=lambda kv: -kv[1])[:4]
            shares = ", ".join(f"{stage} {100 * c / in_group:.0f}%" for stage, c in commonest)
            typer.echo(f"  {row[key]:<28} {in_group:>6,}  {shares}")

    def inline(counts: dict[str, int], first: int | None = None) -> str:
        return ", ".join(f"{k} {n:,}" for k, n in list(counts.items())[:first])

    of_companies("Last funding round (companies)", signals["funding_stages"])
    stages_by("Last funding round by company size", signals["funding_by_size"], "employees")
    stages_by("Last funding round by company age", signals["funding_by_age"], "age")
    stages_by("Last funding round by industry group", signals["funding_by_sector"], "sector")
    of_companies("Year of the last funding round (companies)", signals["last_funding_years"])
    of_companies("Total raised (companies)", signals["total_funding"])
    of_companies("Headcount growth over 12 months (companies)", signals["growth_12m"])
    of_companies("Headcount growth over 6 months (companies)", signals["growth_6m"])
    typer.echo(
        f"\nOpen job postings: {signals['open_postings']:,} at {signals['companies_hiring']:,} companies"
    )
    typer.echo(f"  by department: {inline(signals['postings_by_department'])}")
    typer.echo(f"  by seniority: {inline(signals['postings_by_seniority'])}")
    typer.echo(
        f"\nNew in role: {share(signals['people_new_in_role_90d']).strip()} in 90 days, "
        f"{share(signals['people_new_in_role_365d']).strip()} in 12 months"
    )
    typer.echo(f"Role starts per year (people): {inline(signals['role_starts_by_year'], 8)}")
    typer.echo(
        f"\nCompanies with a technology first seen in 90 days: {signals['companies_adopting_tech_90d']:,}"
    )
    typer.echo(f"  by technology (companies): {inline(signals['technologies_adopted_90d'])}")


SEARCH_EXAMPLE = (
    '{"titles": ["CEO"], "industries": ["Law Practice"], "locations": ["New York, NY, US"]}'
)


@prospects_app.command("search")
def search(
    filters: str = typer.Argument("{}", help='Filters as JSON, e.g. \'{"titles": ["CEO"]}\'.'),
    database_url: str | None = DB_OPTION,
) -> None:
    """Run a search and print the total and the selected people."""
    from lexi.prospects import service
    from lexi.prospects.filters import ProspectFilters

    try:
        data = json.loads(filters)
    except json.JSONDecodeError as exc:
        fail(
            f"filters are JSON, e.g. '{SEARCH_EXAMPLE}' ({exc}); to ask in words, use "
            f'lexi chat "Find CEOs at law firms in New York"',
            code=2,
        )
    with database(database_url) as db, db.unit_of_work(write=False) as session:
        result = service.search(session, ProspectFilters.parse(data))
    shown = len(result.prospects)
    head = f"{result.total:,} matching {'person' if result.total == 1 else 'people'}"
    typer.echo(head + (f"; the first {shown:,}:" if 0 < shown < result.total else ""))
    for p in result.prospects:
        company = p["company"] or {}
        place = ", ".join(x for x in (p["city"], p["state"], p["country"]) if x)
        typer.echo(f"  {p['full_name']} — {p['job_title']} at {company.get('name')} ({place})")
        if p.get("signals"):
            typer.echo(f"      {'; '.join(p['signals'])}")


def register(app: typer.Typer) -> None:
    app.add_typer(prospects_app, name="prospects")
