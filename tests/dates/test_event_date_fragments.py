"""A date under a preposition that is the parse root (a fragment like "On 2 January
2021, in Pang Chin village, a mine exploded") must not hang the head walk."""

from __future__ import annotations

import pytest

from wirecoder.attribution.speakers import dates_speech
from wirecoder.stages.dates import event_date


@pytest.mark.timeout(60)
def test_date_whose_head_chain_ends_at_a_preposition_root(run_until) -> None:
    doc = run_until("wirecoder.dates.v1")("On 2 January 2021, in Pang Chin village.", published="2021-01-04")
    assert doc.nlp[0].dep_ == "ROOT" and doc.nlp[0].pos_ == "ADP"  # the shape that used to loop
    mention = next(d for d in doc.dates if d.value == "2021-01-02")
    assert dates_speech(doc, mention, 0, 2) is False
    assert event_date(doc, 20, 38) == ("2021-01-02", 1)
