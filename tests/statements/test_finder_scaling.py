"""The quote-to-cue search stays linear in a long document: each cue looks only at quotes
near it (a 50 MB input is chunked into 100,000-character documents full of quotes)."""

from __future__ import annotations

from wirecoder.attribution import finder
from wirecoder.attribution.finder import ALL_TIERS, find_attributions
from wirecoder.stages.nlp import load_nlp

PARAGRAPH = '"We will not accept this attack on our people," the governor said on Tuesday.\n\n'


def _gap_checks(nlp, monkeypatch, repeats: int) -> tuple[int, int]:
    calls = 0
    real = finder._Finder._gap_ok

    def counting(self, start: int, end: int) -> bool:  # type: ignore[no-untyped-def]
        nonlocal calls
        calls += 1
        return real(self, start, end)

    monkeypatch.setattr(finder._Finder, "_gap_ok", counting)
    found = find_attributions(nlp(PARAGRAPH * repeats), ALL_TIERS)
    return calls, len(found)


def test_gap_checks_grow_linearly_with_the_number_of_quotes(monkeypatch):
    nlp = load_nlp()
    small_calls, small_found = _gap_checks(nlp, monkeypatch, 20)
    big_calls, big_found = _gap_checks(nlp, monkeypatch, 400)
    assert small_found == 20 and big_found == 400  # every quote still found with its cue
    # twenty times the text: about twenty times the checks (quadratic would be four hundred)
    assert big_calls <= 30 * small_calls
