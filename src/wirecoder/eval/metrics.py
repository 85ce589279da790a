"""Standard metrics, written once: accuracy, P/R/F1, macro and weighted F1."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass


def accuracy(gold: Sequence[object], pred: Sequence[object]) -> float | None:
    if not gold:
        return None
    return sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold)


@dataclass
class PRF:
    tp: float = 0.0
    fp: float = 0.0
    fn: float = 0.0

    def add(self, tp: float = 0, fp: float = 0, fn: float = 0) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self, prefix: str = "") -> dict[str, float]:
        return {f"{prefix}precision": self.precision, f"{prefix}recall": self.recall, f"{prefix}f1": self.f1}


def per_class_f1(gold: Sequence[str], pred: Sequence[str]) -> dict[str, tuple[float, int]]:
    """label -> (F1, support)."""
    labels = set(gold) | set(pred)
    out: dict[str, tuple[float, int]] = {}
    support = Counter(gold)
    for label in labels:
        s = PRF()
        for g, p in zip(gold, pred, strict=True):
            s.add(tp=(g == label and p == label), fp=(g != label and p == label), fn=(g == label and p != label))
        out[label] = (s.f1, support[label])
    return out


def macro_f1(gold: Sequence[str], pred: Sequence[str]) -> float | None:
    """Mean F1 over the labels present in the gold data."""
    if not gold:
        return None
    table = per_class_f1(gold, pred)
    labels = set(gold)
    return sum(table[lab][0] for lab in labels) / len(labels)


def weighted_f1(gold: Sequence[str], pred: Sequence[str]) -> float | None:
    """Support-weighted F1 (the CASE 2021 headline metric)."""
    if not gold:
        return None
    table = per_class_f1(gold, pred)
    return sum(f * n for f, n in table.values()) / len(gold)
