"""Render an EvalResult: a Rich table (systems as columns) or one JSON object."""

from __future__ import annotations

from rich.table import Table

from .base import SYSTEM, EvalResult


def result_table(result: EvalResult) -> Table:
    systems = [SYSTEM] + [s for s in result.systems if s != SYSTEM]
    split = f", {result.split} split" if result.split else ""
    table = Table(title=f"{result.dataset}{split}: {result.path} (n={result.n})")
    table.add_column("metric")
    for s in systems:
        table.add_column(s, justify="right")
    metrics: list[str] = []
    for s in systems:
        for m in result.systems.get(s, {}):
            if m not in metrics:
                metrics.append(m)
    for m in metrics:
        row = [m]
        for s in systems:
            v = result.systems.get(s, {}).get(m)
            row.append("–" if v is None else (f"{v:.3f}" if isinstance(v, float) else str(v)))
        table.add_row(*row)
    return table
