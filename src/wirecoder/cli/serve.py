"""``wirecoder serve``: the HTTP API and the analyst's web page over one store."""

from __future__ import annotations

import os
from pathlib import Path

import typer

from .app import app, err_console


@app.command()
def serve(
    db: str = typer.Option(..., "--db", help="The store: a SQLite file (created if missing) or a postgresql:// URL."),
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on (0.0.0.0 for every interface)."),
    port: int = typer.Option(8000, "--port", help="TCP port."),
    max_body: int = typer.Option(5_000_000, "--max-body", help="Largest request body accepted, in bytes."),
    workers: int = typer.Option(
        1,
        "--workers",
        min=1,
        help="Server processes sharing the port (one per CPU core for the most requests/s). Each loads "
        "its own model (~1 GB) and keeps its own rate-limit counters.",
    ),
) -> None:
    """Serve the API (OpenAPI schema at /openapi.json) and the web page at / .

    Set WIRECODER_API_KEY to require 'Authorization: Bearer <key>' or 'X-API-Key' on
    POST /documents. The spaCy model loads once, at startup. Example:

      wirecoder serve --db wirecoder.db --port 8000
      wirecoder serve --db postgresql://user:pw@host/db --host 0.0.0.0 --workers 2
    """
    import uvicorn

    from wirecoder.api import create_app

    if "://" not in db and not Path(db).parent.is_dir():
        err_console.print(f"[red]No folder for the database file {db!r}.[/]")
        raise typer.Exit(2)
    err_console.print(f"wirecoder: serving {db} at http://{host}:{port}/ with {workers} worker(s) (loading the model…)")
    if workers == 1:
        uvicorn.run(create_app(db, max_body_bytes=max_body), host=host, port=port, log_level="info")
        return
    from wirecoder.store import open_store

    open_store(db).close()  # create the schema once, before the workers race to
    # Worker processes import the app themselves: hand them the settings through the environment.
    os.environ["WIRECODER_DB"] = db
    os.environ["WIRECODER_MAX_BODY_BYTES"] = str(max_body)
    uvicorn.run("wirecoder.api.app:app_from_env", factory=True, workers=workers, host=host, port=port, log_level="info")
