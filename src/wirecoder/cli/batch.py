"""``wirecoder batch``: code a corpus with a process pool or Spark into Parquet tables;
``wirecoder corpus``: write a synthetic corpus for load tests."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path

import typer

from .app import app, err_console


class Engine(str, Enum):
    local = "local"
    spark = "spark"


@app.command()
def batch(
    inputs: list[str] = typer.Argument(..., help="Files or folders: JSONL, Parquet (a 'text' column and 'id'), text, HTML, feeds, WARC."),
    out: Path = typer.Option(..., "--out", "-o", help="Output folder: one Parquet table per record kind (documents, events, statements, allegations, demands, actors, locations, failures)."),
    engine: Engine = typer.Option(Engine.local, "--engine", help="local: a process pool on this machine; spark: PySpark (pip install 'wirecoder\[spark]')."),
    workers: int = typer.Option(2, "--workers", "-w", help="local engine: worker processes (0 codes in this process)."),
    master: str = typer.Option("local[2]", "--master", help="spark engine: the Spark master URL."),
    partitions: int | None = typer.Option(None, "--partitions", help="spark engine: minimum partitions per JSONL file (default 2 × cores)."),
    chunk_size: int = typer.Option(32, "--chunk-size", help="local engine: documents per task."),
    input_format: str = typer.Option("auto", "--input-format", help="Force a reader (text, jsonl, parquet, html, feed, warc)."),
    db: str | None = typer.Option(None, "--db", help="Also load the records into this store (SQLite path or URL)."),
    as_json: bool = typer.Option(False, "--json", help="Print the run summary as one JSON object on stdout."),
) -> None:
    """Code every document of a corpus and write the records as Parquet, streaming.

    Both engines give the same records as `wirecoder extract` on the same documents;
    failed documents are kept (table `failures`). Examples:

      wirecoder batch corpus.jsonl --out out/ --workers 2

      wirecoder batch corpus.jsonl --engine spark --master local[2] --out out/ --db coded.db
    """
    from wirecoder.batch import load_store, run_local
    from wirecoder.ingest import read_paths

    if engine is Engine.spark:
        try:
            from wirecoder.batch.spark import run_spark
        except ImportError as exc:
            err_console.print(f"[red]The Spark engine needs pyspark: pip install 'wirecoder\[spark]' ({exc}).[/]")
            raise typer.Exit(2) from exc
        stats = run_spark(inputs, out, master=master, input_format=input_format, partitions=partitions)
    else:
        stats = run_local(read_paths(inputs, input_format), out, workers=workers, chunk_size=chunk_size)
    summary = stats.to_dict()
    if db is not None:
        counts = load_store(out, db)
        summary["store"] = counts.to_dict()
    if as_json:
        sys.stdout.write(json.dumps(summary) + "\n")
    else:
        err_console.print(
            f"{stats.engine}: {stats.documents} documents ({stats.failed} failed) in {stats.seconds:.1f} s, "
            f"{stats.docs_per_second:.1f} docs/s → {out}"
        )
        err_console.print("rows: " + ", ".join(f"{t} {n}" for t, n in sorted(stats.rows.items())))
        if db is not None:
            err_console.print(f"store {db}: {summary['store']}")


@app.command()
def corpus(
    out: Path = typer.Argument(..., help="JSONL file to write (id, text, published, kind)."),
    n: int = typer.Option(2000, "--n", help="Number of reports."),
    seed: int = typer.Option(0, "--seed", help="Corpus seed: the same seed gives the same reports."),
    words: int = typer.Option(400, "--words", help="Target length of each report in words."),
) -> None:
    """Write synthetic wire-style reports (the project's own templates) for load tests."""
    from wirecoder.corpus import write_jsonl

    write_jsonl(out, n, seed, words)
    err_console.print(f"wrote {n} reports (seed {seed}) to {out}")
