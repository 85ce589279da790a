"""Shared by the place tests: the pipeline up to the places stage, built once."""

from __future__ import annotations

import pytest

from wirecoder.document import Document
from wirecoder.pipeline import DEFAULT_STAGES, Pipeline

STAGE = "wirecoder.places.v1"


@pytest.fixture(scope="session")
def run_places():
    """Run a short report written for a test through the stages up to places."""
    pipe = Pipeline(DEFAULT_STAGES[: DEFAULT_STAGES.index(STAGE) + 1])
    return lambda text, published, **kw: pipe(Document(text=text, published=published, **kw))
