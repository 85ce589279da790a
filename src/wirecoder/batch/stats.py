"""What a batch run did, for the CLI summary and the benchmarks."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class BatchStats:
    engine: str
    documents: int = 0
    failed: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def add(self, rows: dict[str, list[Any]]) -> None:
        self.documents += 1
        self.failed += bool(rows.get("failures"))
        for table, items in rows.items():
            self.rows[table] = self.rows.get(table, 0) + len(items)

    @property
    def docs_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "docs_per_second": round(self.docs_per_second, 2)}
