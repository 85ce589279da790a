"""The Typer application object shared by every command module."""

from __future__ import annotations

import typer
from rich.console import Console

app = typer.Typer(
    name="wirecoder",
    help=(
        "Code news wire reports about political violence and rights claims into "
        "structured, source-attributed records (ACLED/PLOVER events, statements, "
        "allegations, demands).\n\n"
        "Typical use:\n\n"
        "  wirecoder extract report.txt --format json      # code one report, print it\n\n"
        "  wirecoder ingest reports/ --db wirecoder.db     # code a folder into SQLite\n\n"
        "  wirecoder events --db wirecoder.db --country PAK  # list what was stored\n\n"
        "  wirecoder eval examples ../shared/examples      # score against hand-coded records"
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

#: Human-facing output (tables, progress, summaries) goes to stderr unless it *is* the result.
err_console = Console(stderr=True)
out_console = Console()


@app.callback()
def _root(
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log what each stage does to stderr."),
) -> None:
    import logging

    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
