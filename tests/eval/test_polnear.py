"""PolNeAR scorer on tiny BRAT files written here."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirecoder.eval.base import EvalOptions
from wirecoder.eval.polnear import Relation, Scorer, evaluate, match, read_ann

TEXT = "The mayor said the bridge would reopen on Monday. Residents were not convinced."
ANN = (
    "T1\tSource 0 9\tThe mayor\n"
    "T2\tCue 10 14\tsaid\n"
    "T3\tContent 15 48\tthe bridge would reopen on Monday\n"
    "T4\tAttribution 10 14\tsaid\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    "T5\tContent 50 59;60 64\tResidents were\n"
    "spill-over line of a multi-line span\n"
    "T6\tCue 65 68\tnot\n"
    "T7\tAttribution-no-source 65 68\tnot\n"
    "E2\tAttribution:T7 Content:T5 Cue:T6\n"
)


def write_corpus(root: Path) -> Path:
    (root / "dev" / "text").mkdir(parents=True)
    (root / "dev" / "attributions").mkdir(parents=True)
    (root / "dev" / "text" / "a.txt").write_text(TEXT, encoding="utf-8")
    (root / "dev" / "attributions" / "a_00ff.ann").write_text(ANN, encoding="utf-8")
    (root / "dev" / "attributions" / "a_ffff.ann").write_text("", encoding="utf-8")  # second annotator: only the ceiling rows read it
    return root


def test_read_ann_discontinuous_and_sourceless(tmp_path):
    p = tmp_path / "x.ann"
    p.write_text(ANN, encoding="utf-8")
    rels = read_ann(p)
    assert rels[0] == Relation(content=(15, 48), cue=(10, 14), source=(0, 9))
    assert rels[1].content == (50, 64) and rels[1].source is None


def test_exact_trims_punctuation_overlap_needs_shared_token():
    assert match(TEXT, [(15, 48)], [(15, 49)], "exact") == [(0, 0)]  # trailing "." trimmed
    assert match(TEXT, [(15, 48)], [(30, 60)], "exact") == []
    assert match(TEXT, [(15, 48)], [(30, 60)], "overlap") == [(0, 0)]
    assert match(TEXT, [(15, 48)], [(48, 50)], "overlap") == []  # only "." and a space


def test_link_needs_content_and_source():
    s = Scorer()
    gold = [Relation((15, 48), (10, 14), (0, 9))]
    s.add(TEXT, gold, [Relation((15, 48), (10, 14), (50, 59))])
    m = s.metrics()
    assert m["content_exact_f1"] == 1.0 and m["link_exact_f1"] == 0.0


@pytest.mark.filterwarnings("ignore")
def test_evaluate_on_tiny_corpus(tmp_path):
    result = evaluate(write_corpus(tmp_path / "polnear"), EvalOptions())
    ours = result.systems["wirecoder"]
    assert result.n == 1 and result.details["gold_relations"] == 2
    assert ours["source_exact_f1"] == 1.0  # "The mayor"
    assert ours["content_overlap_recall"] == 0.5  # the mayor's content found, the residents' not
    assert {"wirecoder", "wirecoder_rules", "wirecoder_speech_tier", "textacy"} <= set(result.systems)
    assert result.details["tiers"][:3] == ["speech", "belief", "mined"]


@pytest.mark.filterwarnings("ignore")
def test_articles_coded_twice_give_the_annotator_ceiling(tmp_path):
    root = write_corpus(tmp_path / "polnear")
    # the second annotator agrees on the mayor's relation and leaves the residents' out
    (root / "dev" / "attributions" / "a_ffff.ann").write_text("\n".join(ANN.splitlines()[:5]) + "\n", encoding="utf-8")
    result = evaluate(root, EvalOptions())
    people = result.systems["annotators"]
    assert result.details["agreement_articles"] == 1
    assert people["source_overlap_f1"] == 1.0  # both name the mayor, the residents have no source
    # each direction finds the mayor; the residents count once as missed, once as extra: P = R = 2/3
    assert people["content_overlap_precision"] == people["content_overlap_recall"] == 0.6667
    assert "wirecoder_agreement_articles" in result.systems


@pytest.mark.filterwarnings("ignore")
def test_no_ceiling_rows_without_a_second_annotator(tmp_path):
    root = write_corpus(tmp_path / "polnear")
    (root / "dev" / "attributions" / "a_ffff.ann").unlink()
    result = evaluate(root, EvalOptions())
    assert result.details["agreement_articles"] == 0 and "annotators" not in result.systems
