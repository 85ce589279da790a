"""``wirecoder watch``: code files into a store as they arrive in a folder."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from .app import app, err_console


@app.command()
def watch(
    directory: Path = typer.Argument(..., exists=True, file_okay=False, help="Folder to watch (recursively)."),
    db: str = typer.Option(..., "--db", help="Store: a SQLite file path or a postgresql:// URL."),
    once: bool = typer.Option(False, "--once", help="Ingest what is there now, print the counts as JSON on stdout, exit."),
    interval: float = typer.Option(2.0, "--interval", min=0.1, help="Seconds between polls."),
    settle: float = typer.Option(1.0, "--settle", min=0.0, help="A file is read once unchanged for this many seconds (0 with --once)."),
    state: Path | None = typer.Option(None, "--state", help="JSON file remembering what was ingested, so a restart skips it."),
    input_format: str = typer.Option("auto", "--input-format", help="Force a reader (text, jsonl, html, feed, warc)."),
    fetch_links: bool = typer.Option(False, "--fetch-links", help="For feed entries, fetch and code the linked page."),
) -> None:
    """Poll DIRECTORY and code new or changed files into the store, idempotently.

    Unchanged documents count as duplicates, changed ones replace their old version, and
    unreadable ones are recorded as failures with a reason. Stop with Ctrl-C.
    """
    from wirecoder.ingest import ReadOptions
    from wirecoder.ingest.watch import Watcher
    from wirecoder.store import open_store

    options = ReadOptions(fetch_links=fetch_links)
    with open_store(db) as store:
        watcher = Watcher(directory, store, input_format, options, settle=0.0 if once else settle, state_file=state)
        if once:
            counts = watcher.poll()
            summary = counts.to_dict() if counts is not None else {"stored": 0, "failed": 0, "duplicate": 0, "total": 0, "replaced": 0}
            sys.stdout.write(json.dumps(summary) + "\n")
            return

        def report(counts: object) -> None:
            err_console.print(f"ingested: {json.dumps(counts.to_dict())}")  # type: ignore[attr-defined]

        err_console.print(f"watching {directory} every {interval:g} s; Ctrl-C to stop")
        try:
            watcher.run(interval, on_counts=report)
        except KeyboardInterrupt:
            err_console.print("stopped")
