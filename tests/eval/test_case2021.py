"""The CASE 2021 adapter on a tiny TSV in the task's own format."""

from __future__ import annotations

from pathlib import Path

from wirecoder.eval import EvalOptions, get_adapter

ROWS = [
    ("1", "A suicide bomber blew himself up at a mosque in Kabul, killing 12 worshippers.", "SUIC_BOMB"),
    ("2", "A suicide attacker detonated his vest at a checkpoint, killing five soldiers.", "SUIC_BOMB"),
    ("3", "Thousands of students marched peacefully through the capital demanding lower fees.", "PEACE_PROTEST"),
    ("4", "Hundreds of workers staged a peaceful sit-in outside parliament over unpaid wages.", "PEACE_PROTEST"),
    ("5", "The two foreign ministers met in Geneva to discuss bilateral trade.", "DIPLO"),
    ("6", "The presidents held talks in Paris on closer diplomatic ties.", "DIPLO"),
]


def test_case_adapter_scores_a_small_file(tmp_path: Path) -> None:
    path = tmp_path / "dev.tsv"
    lines = ["id\tEventSnippet\tSubType"] + ["\t".join(r) for r in ROWS]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = get_adapter("case2021")(path, EvalOptions(folds=2))
    assert result.n == 6
    ours = result.systems["wirecoder"]
    for metric in ("accuracy", "weighted_f1", "macro_f1", "pipeline_acled_labels_accuracy"):
        assert ours[metric] is not None and 0.0 <= ours[metric] <= 1.0
    assert result.systems["majority"]["accuracy"] == 2 / 6
    assert result.details["acled_label_rows"] == 4  # DIPLO is not an ACLED sub-event type
    assert all({"gold", "pred", "text"} <= set(m) for m in result.errors)
