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
    #: Seconds until the first record came back (model loads, worker start-up): the local engine sets it.
    first_record_s: float | None = None

    def add(self, rows: dict[str, list[Any]], elapsed: float | None = None) -> None:
        if self.documents == 0 and elapsed is not None:
            self.first_record_s = elapsed
        self.documents += 1
        self.failed += bool(rows.get("failures"))
        for table, items in rows.items():
            self.rows[table] = self.rows.get(table, 0) + len(items)

    @property
    def docs_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0

    @property
    def steady_docs_per_second(self) -> float | None:
        """The rate once started: documents after the first over the time after it."""
        if self.first_record_s is None or self.documents < 2 or self.seconds <= self.first_record_s:
            return None
        return (self.documents - 1) / (self.seconds - self.first_record_s)

    def to_dict(self) -> dict[str, Any]:
        steady = self.steady_docs_per_second
        return {
            **asdict(self),
            "docs_per_second": round(self.docs_per_second, 2),
            "steady_docs_per_second": None if steady is None else round(steady, 2),
        }
