"""The eval framework: adapters registered by dataset name, one result shape.

An adapter turns a labelled dataset into Documents, runs the real pipeline, and scores
with the field's usual metric. Every result carries the pipeline's figures and the
baselines' in the same table, so each number has a floor.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import E, WirecoderError

SYSTEM = "wirecoder"


@dataclass
class EvalOptions:
    limit: int | None = None  # score only the first N items (quick looks; never for reported figures)
    batch_size: int = 32
    folds: int = 5  # cross-validation folds for trained components
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class EvalResult:
    dataset: str
    path: str
    n: int
    #: system name -> metric name -> value; ``wirecoder`` is the pipeline itself.
    systems: dict[str, dict[str, float | None]] = field(default_factory=dict)
    #: anything worth reporting that is not a per-system metric (counts, per-class tables).
    details: dict[str, Any] = field(default_factory=dict)
    #: misses, for ``--errors FILE`` (one JSON object per miss).
    errors: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "dataset": self.dataset,
            "path": self.path,
            "n": self.n,
            "metrics": self.systems.get(SYSTEM, {}),
            "systems": self.systems,
            "details": self.details,
        }


Adapter = Callable[[Path, EvalOptions], EvalResult]
_ADAPTERS: dict[str, tuple[Adapter, str]] = {}


def register_eval(name: str, help: str) -> Callable[[Adapter], Adapter]:
    def deco(fn: Adapter) -> Adapter:
        _ADAPTERS[name] = (fn, help)
        return fn

    return deco


def adapters() -> dict[str, tuple[Adapter, str]]:
    from . import load_builtin_adapters

    load_builtin_adapters()
    return dict(_ADAPTERS)


def get_adapter(name: str) -> Adapter:
    known = adapters()
    if name not in known:
        raise WirecoderError(E.E301, name=name, known=", ".join(sorted(known)))
    return known[name][0]


def require_path(path: Path, hint: str) -> Path:
    if not path.exists():
        raise WirecoderError(E.E302, path=path, hint=hint)
    return path
