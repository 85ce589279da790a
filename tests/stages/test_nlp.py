"""The NLP stage: one model per process, paragraph breaks end sentences."""

from __future__ import annotations

from wirecoder.stages.nlp import load_nlp


def test_model_loads_once() -> None:
    assert load_nlp() is load_nlp()


def test_blank_line_ends_a_sentence_but_a_wrapped_line_does_not() -> None:
    doc = load_nlp()('"We will respond," the army said in a statement\n\nThe group later claimed it. A hard\nwrapped sentence.')
    sents = [s.text.strip() for s in doc.sents]
    assert sents[0].endswith("in a statement")
    assert sents[1] == "The group later claimed it."
    assert sents[2] == "A hard\nwrapped sentence."
