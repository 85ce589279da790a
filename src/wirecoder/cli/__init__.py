"""Command-line interface (Typer + Rich): one module per command group."""

from __future__ import annotations

from .app import app
from . import eval, extract  # noqa: F401  (registers commands)
from . import watch  # noqa: F401,E402  (registers `wirecoder watch`)
from . import store_cmds  # noqa: F401,E402  (registers ingest, events, export, failures)
from . import serve  # noqa: F401,E402  (registers `wirecoder serve`)
from . import batch  # noqa: F401,E402  (registers `wirecoder batch` and `wirecoder corpus`)


def main() -> None:
    app()


__all__ = ["app", "main"]
