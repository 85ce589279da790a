"""The normalize stage's text repairs: offsets must hold, foreign text must not change."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wirecoder.stages.normalize import normalize_text


def test_mac_roman_punctuation_read_as_latin1_is_put_back() -> None:
    text = "Workers held a jointÊprotestÊrally against the governmentÕs policy, calling it ÒunfairÓ."
    assert normalize_text(text) == "Workers held a joint protest rally against the government’s policy, calling it “unfair”."


@pytest.mark.parametrize(
    "text",
    [
        "AS AÇÕES DO GOVERNO PÕE EM RISCO",  # Portuguese capitals, with their own accents
        "Protesters in São Paulo said the mayor Óscar Pérez lied.",  # accented Spanish/Portuguese
        "ÓSCAR ÑÚÑEZ",  # no lower-case letter touches them
    ],
)
def test_real_accented_capitals_stay(text: str) -> None:
    assert normalize_text(text) == text


@given(st.text(alphabet=st.sampled_from(list("abc XYZ.ÊÕÔÒÓÐÑéñ\n"))))
def test_normalize_keeps_the_length_of_one_line_text(text: str) -> None:
    assert len(normalize_text(text)) == len(text)
