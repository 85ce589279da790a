"""End to end on the seed report: every hand-coded actor, with its canonical name, type,
country, and the surface forms the coder listed (read from ../shared at test time)."""

from __future__ import annotations

import json

import pytest


def _norm(text: str) -> str:
    text = text.replace("\u2019", "'").strip().lower()
    return text[4:] if text.startswith("the ") else text


@pytest.fixture(scope="module")
def seed(shared_dir, run_until):
    folder = shared_dir / "examples" / "ians-quetta-2025-09-05"
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))["actors"]
    doc = run_until("wirecoder.actors.v1")((folder / "article.txt").read_text(encoding="utf-8"))
    return expected, doc


def test_seed_actors_match_the_hand_coded_record(seed) -> None:
    expected, doc = seed
    got = {a.name: a for a in doc.actors}
    assert set(got) == {e["name"] for e in expected}
    for e in expected:
        actor = got[e["name"]]
        assert (actor.type, actor.country) == (e["type"], e["country"]), e["name"]
        assert actor.parent == e.get("parent"), e["name"]
        seen = {_norm(m.text) for m in actor.mentions}
        missing = {a for a in e.get("aliases", []) if _norm(a) not in seen}
        assert not missing, (e["name"], missing)


def test_seed_person_roles(seed) -> None:
    expected, doc = seed
    got = {a.name: a for a in doc.actors}
    for e in expected:
        if e["type"] == "person":
            role = got[e["name"]].role
            assert role and e["role"].startswith(role), (e["name"], role)
