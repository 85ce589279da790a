"""Store commands: ``ingest`` (code into a database), ``events``, ``export``, ``failures``, ``migrate``.

``--db`` takes a SQLite file path (default ``wirecoder.db``) or a ``postgresql://`` URL.
Results go to stdout; progress, summaries and hints to stderr.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from enum import Enum
from itertools import islice
from pathlib import Path

import typer
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from .app import app, err_console, out_console

DB_HELP = "Store: a SQLite file path or a postgresql://user:pw@host/db URL."


class ListFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"


def _open(db: str):  # noqa: ANN202 - Store; imported lazily to keep `--help` fast
    from wirecoder.errors import WirecoderError
    from wirecoder.store import open_store

    try:
        return open_store(db)
    except WirecoderError as exc:
        err_console.print(f"[red]{exc.message}[/]")
        raise typer.Exit(2) from exc


@app.command()
def ingest(
    paths: list[Path] = typer.Argument(..., help="Files or folders (.txt, .jsonl, .html, .xml/.rss, .warc[.gz]); '-' reads JSONL from stdin."),
    db: str = typer.Option("wirecoder.db", "--db", help=DB_HELP),
    input_format: str = typer.Option("auto", "--input-format", help="Force a reader (text, jsonl, html, feed, warc) instead of guessing from the suffix."),
    batch_size: int = typer.Option(200, "--batch-size", min=1, help="Documents per transaction (a crash loses at most one batch; rerun to finish)."),
    as_json: bool = typer.Option(False, "--json", help="Print the counts as one JSON object on stdout."),
) -> None:
    """Code documents and store them. Re-running is safe: unchanged documents are skipped as
    duplicates, changed ones replaced, and unreadable ones recorded in the failures table.

    At the end prints stored / failed / duplicate counts, which add up to the documents read.

    Exit codes: 0 every document stored or already there; 1 some documents failed (see
    `wirecoder failures --db …`); 2 the store could not be opened.
    """
    import wirecoder
    from wirecoder.ingest import read_paths
    from wirecoder.store import IngestCounts

    with _open(db) as store:
        progress = Progress(
            SpinnerColumn(), TextColumn("coding"), BarColumn(), TextColumn("{task.completed} documents"),
            TimeElapsedColumn(), console=err_console, transient=True,
        )  # fmt: skip
        with progress:
            task = progress.add_task("ingest", total=None)

            def tick(docs: Iterable) -> Iterator:
                for doc in docs:
                    yield doc
                    progress.advance(task)

            unchanged = 0

            def new_or_changed(docs: Iterable) -> Iterator:
                """Documents already stored with the same text skip the pipeline (a re-sent
                feed costs a look-up, not a parse); they are counted as duplicates."""
                nonlocal unchanged
                it = iter(docs)
                while chunk := list(islice(it, batch_size)):
                    known = store.unchanged_ids(chunk)
                    unchanged += len(known)
                    progress.advance(task, len(known))
                    yield from (d for d in chunk if d.doc_id not in known)

            docs = wirecoder.extract_many(new_or_changed(read_paths([str(p) for p in paths], input_format)))
            counts = store.write(tick(docs), batch_size=batch_size)
            counts.add(IngestCounts(duplicate=unchanged, total=unchanged))
    from wirecoder.store.store import redact_url

    if as_json:
        sys.stdout.write(json.dumps(counts.to_dict()) + "\n")
    db = redact_url(db)
    colour = "red" if counts.failed else "green"
    err_console.print(
        f"[{colour}]{counts.total} documents: {counts.stored} stored ({counts.replaced} replaced), "
        f"{counts.failed} failed, {counts.duplicate} skipped as duplicate[/] → {db}"
    )
    if counts.failed:
        err_console.print(f"[yellow]See why: wirecoder failures --db {db}[/]")
        raise typer.Exit(1)


def _filter(date_from, date_to, country, admin1, event_type, sub_type, actor, attribution, q):  # noqa: ANN001,ANN202
    from wirecoder.store import EventFilter

    return EventFilter(
        date_from=date_from, date_to=date_to, country=country, admin1=admin1, event_type=event_type,
        sub_event_type=sub_type, actor=actor, attribution=attribution, q=q,
    )  # fmt: skip


_FROM = typer.Option(None, "--from", help="Events on or after this date (YYYY-MM-DD).")
_TO = typer.Option(None, "--to", help="Events on or before this date (YYYY-MM-DD).")
_COUNTRY = typer.Option(None, "--country", help="ISO 3166-1 alpha-3 code, e.g. PAK.")
_ADMIN1 = typer.Option(None, "--admin1", help="Province/state, e.g. Balochistan.")
_TYPE = typer.Option(None, "--type", help="ACLED event type, e.g. 'Battles'.")
_SUB_TYPE = typer.Option(None, "--sub-type", help="ACLED sub-event type, e.g. 'Suicide bomb'.")
_ACTOR = typer.Option(None, "--actor", help="Actor id, or part of actor1's or actor2's name.")
_ATTRIBUTION = typer.Option(None, "--attribution", help="claimed | alleged | reported | unknown.")
_Q = typer.Option(None, "--q", help="Words that must all occur in the report text.")


@app.command()
def events(
    db: str = typer.Option("wirecoder.db", "--db", help=DB_HELP),
    date_from: str | None = _FROM,
    date_to: str | None = _TO,
    country: str | None = _COUNTRY,
    admin1: str | None = _ADMIN1,
    event_type: str | None = _TYPE,
    sub_type: str | None = _SUB_TYPE,
    actor: str | None = _ACTOR,
    attribution: str | None = _ATTRIBUTION,
    q: str | None = _Q,
    limit: int = typer.Option(50, "--limit", min=1, help="Events per page."),
    cursor: str | None = typer.Option(None, "--cursor", help="Continue from a previous page (printed on stderr)."),
    format: ListFormat = typer.Option(ListFormat.table, "--format", "-f", help="table for people, jsonl for machines."),
) -> None:
    """List stored events, newest first, filtered. Example:

      wirecoder events --db wirecoder.db --country PAK --type Battles --from 2025-01-01
    """
    filt = _filter(date_from, date_to, country, admin1, event_type, sub_type, actor, attribution, q)
    with _open(db) as store:
        try:
            page = store.query_events(filt, cursor=cursor, limit=limit)
        except ValueError as exc:
            err_console.print(f"[red]{exc}[/]")
            raise typer.Exit(2) from exc
    if format is ListFormat.jsonl:
        for item in page.items:
            sys.stdout.write(json.dumps(item, ensure_ascii=False) + "\n")
    else:
        table = Table(title=f"events ({len(page.items)} of {page.total})")
        for col in ("event_id", "date", "type / sub-type", "place", "actor1 (attribution)", "actor2", "fatal.", "cluster"):
            table.add_column(col)
        for ev in page.items:
            loc = ev["location"] or {}
            table.add_row(
                ev["event_id"],
                ev["date"] or "",
                f"{ev['event_type']} / {ev['sub_event_type'] or ''}",
                ", ".join(x for x in (loc.get("name"), loc.get("admin1"), loc.get("country")) if x),
                f"{(ev['actor1'] or {}).get('name', '')} ({ev['attribution']})",
                (ev["actor2"] or {}).get("name", ""),
                "" if ev["fatalities"] is None else str(ev["fatalities"]),
                ev["cluster_id"] if ev["cluster_id"] != ev["event_id"] else "",
            )
        out_console.print(table)
    if page.next_cursor:
        err_console.print(f"[dim]more: --cursor {page.next_cursor}[/]")


@app.command("export")
def export_command(
    db: str = typer.Option("wirecoder.db", "--db", help=DB_HELP),
    format: str = typer.Option("jsonl", "--format", "-f", help="jsonl | acled-csv | plover-json | geojson | parquet (or a plugin's format)."),
    out: Path | None = typer.Option(None, "--out", "-o", help="Output file (parquet: a folder). Default: stdout."),
    date_from: str | None = _FROM,
    date_to: str | None = _TO,
    country: str | None = _COUNTRY,
    admin1: str | None = _ADMIN1,
    event_type: str | None = _TYPE,
    sub_type: str | None = _SUB_TYPE,
    actor: str | None = _ACTOR,
    attribution: str | None = _ATTRIBUTION,
    q: str | None = _Q,
) -> None:
    """Stream the store out in a standard format. Event filters apply to the event formats
    (acled-csv, plover-json, geojson); jsonl and parquet write everything. Example:

      wirecoder export --db wirecoder.db --format acled-csv --out events.csv
    """
    from wirecoder.export import export, export_formats

    fmt = export_formats().get(format)
    if fmt is None:
        err_console.print(f"[red]Unknown export format '{format}'. Known: {', '.join(sorted(export_formats()))}.[/]")
        raise typer.Exit(2)
    if out is None and not fmt.to_stdout:
        err_console.print(f"[red]--format {format} writes files: give --out.[/]")
        raise typer.Exit(2)
    filt = _filter(date_from, date_to, country, admin1, event_type, sub_type, actor, attribution, q)
    with _open(db) as store:
        n = export(format, store, out, filt)
    err_console.print(f"[green]{n} item(s) written as {format}[/]" + (f" → {out}" if out else ""))


@app.command()
def failures(
    db: str = typer.Option("wirecoder.db", "--db", help=DB_HELP),
    code: str | None = typer.Option(None, "--code", help="Only this error code, e.g. W004."),
    limit: int = typer.Option(100, "--limit", min=1),
    format: ListFormat = typer.Option(ListFormat.table, "--format", "-f"),
) -> None:
    """List documents that could not be coded, newest first, with their error code and origin."""
    with _open(db) as store:
        page = store.list_failures(code=code, limit=limit)
    if format is ListFormat.jsonl:
        for item in page.items:
            sys.stdout.write(json.dumps(item, ensure_ascii=False) + "\n")
        return
    table = Table(title=f"failures ({len(page.items)} of {page.total})")
    for col in ("code", "origin", "stage", "message", "at"):
        table.add_column(col)
    for f in page.items:
        table.add_row(f["code"], f["origin"], f["stage"] or "", f["message"], f["at"])
    out_console.print(table)


@app.command()
def migrate(db: str = typer.Option("wirecoder.db", "--db", help=DB_HELP)) -> None:
    """Bring a store's schema to this version of wirecoder (Alembic revisions), and say what changed.

    Opening a store does the same on the fly; run this to upgrade a server database on
    purpose, before deploying. Safe to repeat. Example:

      wirecoder migrate --db postgresql://user:pw@host/wirecoder
    """
    with _open(db) as store:
        m = store.migration
    if m.created:
        err_console.print(f"Created a new store at schema revision {m.after}.")
    elif m.before == m.after:
        err_console.print(f"Already at schema revision {m.after}; nothing to do.")
    else:
        err_console.print(f"Upgraded the schema from revision {m.before or 'unstamped (first schema)'} to {m.after}.")
