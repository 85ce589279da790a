"""Cursors are untrusted input: keys no row can hold are refused as bad requests."""

from __future__ import annotations

import pytest

from wirecoder.store.types import decode_cursor, encode_cursor


def test_round_trip() -> None:
    assert decode_cursor(encode_cursor("2025-09-02", 7), (str, int)) == ["2025-09-02", 7]


@pytest.mark.parametrize("key", [("a", 10**30), ("a", -(2**63) - 1), ("a\x00b", 1), ("a", True), ("a",)])
def test_out_of_range_or_malformed_keys_are_refused(key: tuple) -> None:
    with pytest.raises(ValueError):
        decode_cursor(encode_cursor(*key), (str, int))
