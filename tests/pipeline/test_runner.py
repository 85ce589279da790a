"""The stage machinery: registry, ordering checks, error isolation, streaming."""

from __future__ import annotations

import pytest

from wirecoder.document import Document
from wirecoder.errors import WirecoderError
from wirecoder.pipeline import Pipeline, Stage, register_stage


@register_stage("test.upper.v1")
class Upper(Stage):
    assigns = ("doc.text",)

    def __call__(self, doc: Document) -> Document:
        if "boom" in doc.text:
            raise ValueError("exploded")
        doc.text = doc.text.upper()
        return doc


@register_stage("test.needs_nlp.v1")
class NeedsNLP(Stage):
    requires = ("doc.nlp",)

    def __call__(self, doc: Document) -> Document:
        return doc


@register_stage("test.returns_none.v1")
class ReturnsNone(Stage):
    def __call__(self, doc: Document):  # type: ignore[override]
        return None


def test_a_failing_document_does_not_sink_the_stream() -> None:
    pipe = Pipeline(["test.upper.v1"])
    out = list(pipe.pipe(Document(text=t) for t in ["a", "boom", "c"]))
    assert [d.text for d in out] == ["A", "boom", "C"]
    assert out[1].error is not None and out[1].error.code == "E101"
    assert "exploded" in out[1].error.message
    assert out[0].stages == ["test.upper.v1"] and out[1].stages == []


def test_unknown_stage_is_refused_with_the_known_names() -> None:
    with pytest.raises(WirecoderError) as exc:
        Pipeline(["test.nope.v1"])
    assert exc.value.code == "E103" and "test.upper.v1" in exc.value.message


def test_missing_requirement_is_refused() -> None:
    with pytest.raises(WirecoderError) as exc:
        Pipeline(["test.needs_nlp.v1"])
    assert exc.value.code == "E104"


def test_a_stage_must_return_the_document() -> None:
    with pytest.raises(WirecoderError) as exc:
        Pipeline(["test.returns_none.v1"])(Document(text="x"))
    assert exc.value.code == "E102"


def test_pipe_is_lazy() -> None:
    seen: list[str] = []

    def source():
        for t in ["a", "b", "c"]:
            seen.append(t)
            yield Document(text=t)

    stream = Pipeline(["test.upper.v1"]).pipe(source())
    first = next(stream)
    assert first.text == "A" and seen == ["a"]
