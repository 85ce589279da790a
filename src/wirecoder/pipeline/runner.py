"""The Pipeline: an ordered list of named stages run over a stream of Documents.

Streams in, streams out: stages are chained as generators so a corpus is never held in
memory. A stage that raises on one document marks that document failed (code E101)
and the stream goes on; later stages pass failed documents through untouched so the
store can record the failure. Nothing is dropped.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from ..document import Document
from ..errors import E, WirecoderError
from ..records import Failure
from .registry import Stage, create_stage

log = logging.getLogger(__name__)

#: The default order: the pipeline's story, in the package layout too.
DEFAULT_STAGES: tuple[str, ...] = (
    "wirecoder.normalize.v1",
    "wirecoder.nlp.v1",
    "wirecoder.actors.v1",
    "wirecoder.places.v1",
    "wirecoder.dates.v1",
    "wirecoder.statements.v1",
    "wirecoder.events.v1",
    "wirecoder.arguments.v1",
    "wirecoder.allegations.v1",
    "wirecoder.merge.v1",
)


class _Guarded(Stage):
    """Wraps a stage: skips failed docs, records exceptions, checks the return type."""

    def __init__(self, inner: Stage) -> None:
        self.inner = inner
        self.name = inner.name  # type: ignore[misc]

    def _run_one(self, doc: Document) -> Document:
        try:
            out = self.inner(doc)
        except WirecoderError as exc:
            doc.error = Failure(exc.code, exc.message, self.inner.name, doc.origin)
            return doc
        except Exception as exc:  # noqa: BLE001 - a stage bug must not sink the batch
            log.exception("stage %s failed on %s", self.inner.name, doc.doc_id)
            msg = E.E101.format(stage=self.inner.name, detail=f"{type(exc).__name__}: {exc}")
            doc.error = Failure("E101", msg, self.inner.name, doc.origin)
            return doc
        if not isinstance(out, Document):
            raise WirecoderError(E.E102, stage=self.inner.name, got=type(out).__name__)
        out.stages.append(self.inner.name)
        return out

    def __call__(self, doc: Document) -> Document:
        return doc if doc.failed else self._run_one(doc)

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        if type(self.inner).pipe is Stage.pipe:
            for doc in docs:
                yield self(doc)
            return
        # Batch-capable stage: it receives every doc and must pass failed ones through.
        for doc in self.inner.pipe(docs):
            if not isinstance(doc, Document):
                raise WirecoderError(E.E102, stage=self.inner.name, got=type(doc).__name__)
            if not doc.failed:
                doc.stages.append(self.inner.name)
            yield doc


class Pipeline:
    """Build with stage names (and per-stage options); run with ``pipe`` or ``__call__``."""

    def __init__(
        self,
        stages: Sequence[str] = DEFAULT_STAGES,
        options: dict[str, dict[str, Any]] | None = None,
    ) -> None:
        options = options or {}
        self.stage_names = list(stages)
        self.stages: list[Stage] = [create_stage(n, **options.get(n, {})) for n in stages]
        self._check_dependencies()

    def _check_dependencies(self) -> None:
        assigned: set[str] = set()
        for stage in self.stages:
            for need in stage.requires:
                if need not in assigned:
                    raise WirecoderError(E.E104, stage=stage.name, needs=need)
            assigned.update(stage.assigns)

    def get(self, name: str) -> Stage:
        for stage in self.stages:
            if stage.name == name:
                return stage
        raise KeyError(name)

    def pipe(self, docs: Iterable[Document], timings: dict[str, float] | None = None) -> Iterator[Document]:
        """Run the stages over a stream. With ``timings``, each stage's own wall time in seconds
        (time spent upstream excluded; reading the input counts as ``"<input>"``) is added to it."""
        stream: Iterable[Document] = docs
        inclusive: dict[str, float] = {}
        upstream = "<input>"
        if timings is not None:
            stream = _timed(stream, upstream, None, timings, inclusive)
        for stage in self.stages:
            stream = _Guarded(stage).pipe(stream)
            if timings is not None:
                stream = _timed(stream, stage.name, upstream, timings, inclusive)
                upstream = stage.name
        yield from stream

    def __call__(self, doc: Document) -> Document:
        return next(iter(self.pipe([doc])))


def _timed(
    stream: Iterable[Document], name: str, upstream: str | None, timings: dict[str, float], inclusive: dict[str, float]
) -> Iterator[Document]:
    """Pass a stage's output through, charging it the time of each ``next`` minus what its
    upstream spent meanwhile (stages are chained generators, so time nests)."""
    it = iter(stream)
    while True:
        up_before = inclusive.get(upstream, 0.0) if upstream else 0.0
        t0 = time.perf_counter()
        try:
            doc = next(it)
        except StopIteration:
            return
        finally:
            spent = time.perf_counter() - t0
            inclusive[name] = inclusive.get(name, 0.0) + spent
            up = (inclusive.get(upstream, 0.0) - up_before) if upstream else 0.0
            timings[name] = timings.get(name, 0.0) + spent - up
        yield doc
