"""The dates stage and event_date on short reports."""

from __future__ import annotations

import pytest

from wirecoder.stages.dates import event_date

STAGE = "wirecoder.dates.v1"
FRIDAY = "2025-09-05"


@pytest.fixture(scope="module")
def run(run_until):
    return run_until(STAGE)


def test_only_date_spans_are_parsed(run):
    doc = run("We condemn the attack. We will not stop. The bombing on Thursday killed 15 people.", published=FRIDAY)
    assert [(d.text, d.value) for d in doc.dates] == [("Thursday", "2025-09-04")]


def test_upper_case_muc_text(run):
    text = "SAN SALVADOR, 18 FEB 90 (DPA) -- [TEXT] HEAVY FIGHTING RAGED LAST NIGHT IN SAN SALVADOR."
    doc = run(text, published="1990-02-18")
    values = {d.text: d.value for d in doc.dates}
    assert values.get("LAST NIGHT") == "1990-02-17"


def test_event_date_prefers_the_trigger_sentence(run):
    text = (
        "date 2025-09-05 Quetta, Sep 5 (IANS) The US on Thursday condemned the September 2 suicide attack in Quetta. "
        "Officials said the toll rose."
    )
    doc = run(text)
    i = text.index("suicide attack")
    assert event_date(doc, i, i + 14) == ("2025-09-02", 1)
    i = text.index("toll")
    assert event_date(doc, i, i + 4) == ("2025-09-02", 1)  # the sentence before


def test_event_date_falls_back_to_publication(run):
    text = "A bomb exploded in a market, police said."
    doc = run(text, published=FRIDAY)
    assert event_date(doc, 2, 6) == (FRIDAY, 1)
    doc = run(text)
    assert event_date(doc, 2, 6) is None


def test_explicit_form_widens_a_truncated_entity(run):
    text = "GUNMEN ATTACKED THE BUS AT 1500 ON 9 DECEMBER NEAR THE UNIVERSITY."
    doc = run(text, published="1989-12-12")
    assert "1989-12-09" in {d.value for d in doc.dates}


def test_future_dates_are_not_event_dates(run):
    text = "Rebels called a transport strike to begin on 16 March. They burned a bus on Sunday."
    doc = run(text, published="1989-03-12")
    assert "1989-03-16" in {d.value for d in doc.dates}  # an announced date keeps its year
    i = text.index("strike")
    assert event_date(doc, i, i + 6) == ("1989-03-12", 1)


def test_event_date_prefers_a_date_not_of_a_speech_verb(run):
    text = "Officials on Thursday condemned the attack on a market in the town, which took place on Monday."
    doc = run(text, published=FRIDAY)
    i = text.index("attack")
    assert event_date(doc, i, i + 6) == ("2025-09-01", 1)
    text = "Police said on Thursday that gunmen killed five people."
    doc = run(text, published=FRIDAY)
    i = text.index("killed")
    assert event_date(doc, i, i + 6) == ("2025-09-04", 1)  # the only date of the sentence still counts


@pytest.mark.parametrize("day", ["on Sunday, 24 August", "on Sunday (August 24)", "Sunday 24 August"])
def test_a_weekday_beside_the_date_it_names_is_that_date(run, day):
    """Copy that names the day twice keeps the explicit date, even when the weekday disagrees
    (the Sunday before Friday 5 September is the 31st: a translator's slip the date corrects)."""
    doc = run(f"Kano, Sep 5 (AFP) Gunmen killed a trader {day} in the old city.", published=FRIDAY)
    values = [d.value for d in doc.dates]
    assert "2025-08-24" in values and "2025-08-31" not in values


def test_only_an_explicit_date_joins_the_weekday_before_it():
    from wirecoder.stages.dates import _with_weekday_appositions

    text = "on Monday, Tuesday and on Sunday, 24 August"
    spans = [(3, 9), (11, 18), (26, 32), (34, 43)]  # Monday | Tuesday | Sunday | 24 August
    assert _with_weekday_appositions(text, spans) == [(3, 9), (11, 18), (26, 43)]
