"""``wirecoder extract``: code reports and print their records (nothing stored)."""

from __future__ import annotations

import json
import sys
from enum import Enum
import typer
from rich.table import Table

from .app import app, err_console, out_console


class OutputFormat(str, Enum):
    jsonl = "jsonl"
    json = "json"
    table = "table"


@app.command()
def extract(
    paths: list[str] = typer.Argument(..., help="Files, folders or http(s) URLs (.txt, .jsonl, .html, .xml/.rss/.atom, .warc[.gz]); '-' reads JSONL from stdin."),
    format: OutputFormat = typer.Option(OutputFormat.jsonl, "--format", "-f", help="jsonl: one record per line (for machines); json: pretty; table: events at a glance."),
    input_format: str = typer.Option("auto", "--input-format", help="Force a reader (text, jsonl, html, feed, warc) instead of guessing from the file suffix."),
    fetch_links: bool = typer.Option(False, "--fetch-links", help="For feeds: fetch the page each entry links to and code it instead of the summary."),
) -> None:
    """Code each document and print one record per document on stdout.

    With --format jsonl, stdout carries only records (one JSON object per line, in input
    order; a document that could not be read gives a record with an "error" field), so it
    can be piped. Progress and warnings go to stderr.
    """
    import wirecoder
    from wirecoder.ingest.readers import ReadOptions, read_paths

    table = _events_table() if format is OutputFormat.table else None
    failed = 0
    for doc in wirecoder.extract_many(read_paths(paths, input_format, ReadOptions(fetch_links=fetch_links))):
        rec = doc.to_record()
        failed += doc.failed
        if format is OutputFormat.jsonl:
            sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
        elif format is OutputFormat.json:
            sys.stdout.write(json.dumps(rec, ensure_ascii=False, indent=2) + "\n")
        else:
            _add_rows(table, rec)
    if table is not None:
        out_console.print(table)
    if failed:
        err_console.print(f"[yellow]{failed} document(s) failed; see the 'error' field of their records.[/]")


def _events_table() -> Table:
    t = Table(title="events")
    for col in ("doc", "date", "type / sub-type", "place", "actor1 (attribution)", "actor2", "fatal."):
        t.add_column(col)
    return t


def _add_rows(table: Table | None, rec: dict) -> None:
    assert table is not None
    if rec.get("error"):
        table.add_row(rec["doc_id"], "", f"[red]{rec['error']['code']}[/]", rec["error"]["message"][:60], "", "", "")
    for ev in rec["events"]:
        a1 = ev.get("actor1") or {}
        a2 = ev.get("actor2") or {}
        loc = ev.get("location") or {}
        table.add_row(
            rec["doc_id"],
            ev.get("date") or "",
            f"{ev['event_type']} / {ev.get('sub_event_type') or ''}",
            ", ".join(x for x in (loc.get("name"), loc.get("admin1"), loc.get("country")) if x),
            f"{a1.get('name', '')} ({ev.get('attribution')})",
            a2.get("name", ""),
            "" if ev.get("fatalities") is None else str(ev["fatalities"]),
        )
