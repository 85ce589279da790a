"""Per-stage timings of the runner charge each stage its own time only."""

from __future__ import annotations

import time

from wirecoder.document import Document
from wirecoder.pipeline import Pipeline, register_stage
from wirecoder.pipeline.registry import Stage


@register_stage("test.batch.slow.v1")
class _Slow(Stage):
    assigns = ("doc.slow",)

    def __call__(self, doc: Document) -> Document:
        time.sleep(0.05)
        return doc


@register_stage("test.batch.quick.v1")
class _Quick(Stage):
    def __call__(self, doc: Document) -> Document:
        time.sleep(0.01)
        return doc


def test_timings_exclude_upstream_time() -> None:
    timings: dict[str, float] = {}
    docs = [Document(text=f"report {i}") for i in range(5)]
    out = list(Pipeline(["test.batch.slow.v1", "test.batch.quick.v1"]).pipe(docs, timings=timings))
    assert len(out) == 5
    assert set(timings) == {"<input>", "test.batch.slow.v1", "test.batch.quick.v1"}
    assert timings["test.batch.slow.v1"] >= 0.25
    assert 0.05 <= timings["test.batch.quick.v1"] < 0.2  # its own 5 × 10 ms, not the slow stage's 250 ms
    assert timings["<input>"] < 0.05


def test_no_timings_no_change() -> None:
    docs = [Document(text="report")]
    assert [d.stages for d in Pipeline(["test.batch.quick.v1"]).pipe(docs)] == [["test.batch.quick.v1"]]
