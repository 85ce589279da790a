"""Shared fixtures: the real pipeline (model loaded once per test session) and the
path to ``../shared`` (tests that need it skip with a clear message when absent)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from wirecoder.document import Document
from wirecoder.pipeline import DEFAULT_STAGES, Pipeline

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("WIRECODER_SHARED", REPO.parent / "shared"))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"../shared not found at {SHARED} (set WIRECODER_SHARED); skipping tests on shared data")
    return SHARED


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    """The full default pipeline."""
    return Pipeline()


@pytest.fixture(scope="session")
def run_until():
    """``run_until("wirecoder.places.v1")(text, published=...)`` runs the default stages up to
    and including the named one, so a stage can be tested with what it needs before it."""
    cache: dict[str, Pipeline] = {}

    def factory(last_stage: str):
        if last_stage not in cache:
            idx = list(DEFAULT_STAGES).index(last_stage)
            cache[last_stage] = Pipeline(DEFAULT_STAGES[: idx + 1])
        pipe = cache[last_stage]

        def run(text: str, published: str | None = None, doc_id: str = "") -> Document:
            doc = Document(text=text, doc_id=doc_id, published=published, published_from_meta=published is not None)
            out = pipe(doc)
            assert out.error is None, out.error
            return out

        return run

    return factory
