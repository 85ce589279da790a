"""The curated data files: every word a list holds is read as the word written."""

from __future__ import annotations

from importlib import resources
from typing import Any

import pytest
import yaml

DATA = resources.files("wirecoder").joinpath("data")
FILES = sorted(str(p.relative_to(DATA)) for p in DATA.rglob("*.yaml"))  # type: ignore[attr-defined]


def _booleans(node: Any, path: str) -> list[str]:
    """Where YAML 1.1 turned a bare word (on, off, yes, no) into a boolean."""
    if isinstance(node, dict):
        return [f"{path}: key {k!r}" for k in node if isinstance(k, bool)] + [
            b for k, v in node.items() for b in _booleans(v, f"{path}.{k}")]
    if isinstance(node, list):
        return [f"{path}[{i}]" for i, v in enumerate(node) if isinstance(v, bool)] + [
            b for i, v in enumerate(node) for b in _booleans(v, f"{path}[{i}]")]
    return []


@pytest.mark.parametrize("name", FILES)
def test_no_word_in_a_data_file_is_read_as_a_boolean(name: str) -> None:
    data = yaml.safe_load(DATA.joinpath(name).read_text(encoding="utf-8"))
    assert _booleans(data, name) == []  # quote "on", "no", "off", "yes"
