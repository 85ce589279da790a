"""Output helpers shared by the exporters."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, TextIO

import yaml


@contextmanager
def text_out(out: Path | None, newline: str | None = None) -> Iterator[TextIO]:
    """``out`` opened for UTF-8 text, or stdout when None (left open)."""
    if out is None:
        yield sys.stdout
        return
    with Path(out).open("w", encoding="utf-8", newline=newline) as fh:
        yield fh


@cache
def export_data(name: str) -> dict[str, Any]:
    """A YAML table from ``wirecoder/data/export/`` (loaded once)."""
    text = resources.files("wirecoder").joinpath("data", "export", name).read_text(encoding="utf-8")
    return yaml.safe_load(text)
