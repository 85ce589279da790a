"""The app's coding pipeline: built once per process, warmed on real reports."""

from __future__ import annotations

import threading
from importlib import resources
from typing import Any

from fastapi import FastAPI

_BUILD_LOCK = threading.Lock()


def build_pipeline(app: FastAPI) -> Any:
    """The app's pipeline, built (and its model loaded) once per process, at startup or
    on the first POST when ``warm`` is off (read-only use then never loads the model)."""
    with _BUILD_LOCK:
        if app.state.pipeline is None:
            import wirecoder

            stages = app.state.settings.stages
            pipeline = wirecoder.load(stages) if stages else wirecoder.load()
            # Real reports touch every stage's lazy data (gazetteer, date parser, lexicons),
            # so the first analyst's request is as fast as the next.
            samples = resources.files("wirecoder").joinpath("samples")
            texts = [f.read_text(encoding="utf-8") for f in samples.iterdir() if f.name.endswith(".txt")]
            list(pipeline.pipe(wirecoder.Document(text=t) for t in texts or ["Warm-up."]))
            app.state.pipeline = pipeline
        return app.state.pipeline
