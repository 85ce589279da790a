"""Stage wirecoder.events.v1: the ACLED/PLOVER events a report tells of (doc.events).

Cue lexicons find the event windows (``events.windows``), the trained classifier types
them in one batch per chunk of documents (compute apart from write-back), and rules fill
tolls, roles and attribution (``events.builder``). A statement-only report has no event.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

from ..document import Document
from ..errors import E
from ..events.builder import build_events, predict_windows
from ..events.classifier import EventClassifier, default_classifier
from ..events.windows import Window, event_windows, sentences, whole_report
from ..pipeline.batching import batches
from ..pipeline.registry import Stage, register_stage
from ..records import Failure

log = logging.getLogger(__name__)
#: How sure the classifier must be to code an event from a report with no trigger cue.
FALLBACK_SCORE = 0.25


@register_stage("wirecoder.events.v1")
class Events(Stage):
    requires = ("doc.nlp",)
    assigns = ("doc.events",)

    def __init__(self, classifier: EventClassifier | None = None, use_classifier: bool = True,
                 batch_size: int = 64, default_country: str | None = None) -> None:
        """``classifier`` overrides the shipped model (evaluation trains one per fold);
        ``use_classifier=False`` types events from the cue lexicon alone;
        ``default_country`` (ISO3) is the feed's country, used only when a report names none."""
        self._classifier = classifier
        self.default_country = default_country
        self.use_classifier = use_classifier
        self.batch_size = batch_size

    @property
    def classifier(self) -> EventClassifier | None:
        if not self.use_classifier:
            return None
        return self._classifier or default_classifier()

    def _fallback(self, docs: list[Document], windows: list[list[Window]]) -> None:
        """A report where no cue opened a window is read whole by the classifier, and
        kept as one event only when the classifier is sure (decision score above
        ``FALLBACK_SCORE``)."""
        whole = [(i, w) for i, d in enumerate(docs) if not windows[i] and (w := whole_report(d)) is not None]
        if not whole or self.classifier is None:
            return
        for (i, w), pred in zip(whole, self.classifier.predict([w.text() for _, w in whole]), strict=True):
            if pred.event_type and pred.score > FALLBACK_SCORE:
                windows[i] = [w]

    def __call__(self, doc: Document) -> Document:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        for batch in batches(docs, self.batch_size):
            good = [d for d in batch if not d.failed]
            sents = [sentences(d) for d in good]
            windows = [event_windows(d, s) for d, s in zip(good, sents, strict=True)]
            self._fallback(good, windows)
            flat = [w for ws in windows for w in ws]
            preds = iter(predict_windows(self.classifier, flat))
            for doc, ws, ss in zip(good, windows, sents, strict=True):
                mine = [next(preds) for _ in ws]
                try:
                    doc.events = build_events(doc, ws, mine, self.default_country, ss)
                except Exception as exc:  # noqa: BLE001 - one bad document must not sink the batch
                    log.exception("events failed on %s", doc.doc_id)
                    msg = E.E101.format(stage=self.name, detail=f"{type(exc).__name__}: {exc}")
                    doc.error = Failure("E101", msg, self.name, doc.origin)
            yield from batch
