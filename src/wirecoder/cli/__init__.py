"""Command-line interface (Typer + Rich): one module per command group."""

from __future__ import annotations

from .app import app
from . import eval, extract  # noqa: F401  (registers commands)


def main() -> None:
    app()


__all__ = ["app", "main"]
