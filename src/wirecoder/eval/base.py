"""The eval framework: adapters registered by dataset name, one result shape.

An adapter turns a labelled dataset into Documents, runs the real pipeline, and scores
with the field's usual metric. Every result carries the pipeline's figures and the
baselines' in the same table, so each number has a floor.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
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
    split: str | None = None  # which split a dataset folder means; None: test if present, else dev
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
    #: the split scored (``test``, ``dev``...), so a figure never passes for another split's
    split: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "dataset": self.dataset,
            "path": self.path,
            "split": self.split,
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


#: splits tried, in order, when a dataset folder is given without ``--split``: a folder
#: holding test data only exists where the held-out side was unpacked, so it wins.
DEFAULT_SPLITS = ("test", "dev")


@dataclass(frozen=True)
class Split:
    """Which split an eval PATH means and where its data is."""

    name: str
    #: the dataset folder (for a split folder given directly, that folder itself)
    root: Path
    #: the split's main file or folder
    target: Path


Locate = Callable[[Path, str], Path | None]


def resolve_split(
    path: Path,
    options: EvalOptions,
    locate: Locate,
    looked_for: str,
    is_split_dir: Callable[[Path], bool] | None = None,
    accepts_files: bool = True,
) -> Split:
    """Resolve PATH, one rule for every adapter: a file names its split (``test.json`` is
    ``test``; its folder is the root); a folder that ``is_split_dir`` accepts is the split
    itself (adapters without split files pass ``accepts_files=False``); a dataset folder gives ``options.split``, else the first of DEFAULT_SPLITS
    that ``locate`` finds. Nothing found raises E302 naming ``looked_for`` (``{split}`` in
    it is filled in): never a silent n=0."""
    if not path.exists():
        raise WirecoderError(E.E302, path=path, hint=f"Looked for {_looked_for(looked_for, _wanted(options))}.")
    if path.is_file():
        if not accepts_files:
            raise WirecoderError(E.E302, path=path, hint=f"Give a folder: looked for {_looked_for(looked_for, _wanted(options))}.")
        return Split(path.name.split(".")[0], path.parent, path)
    if is_split_dir is not None and is_split_dir(path):
        return Split(path.name, path, path)
    for name in _wanted(options):
        target = locate(path, name)
        if target is not None:
            return Split(name, path, target)
    raise WirecoderError(E.E302, path=path, hint=f"Looked for {_looked_for(looked_for, _wanted(options))} in it.")


def find_split_file(root: Path, split: str, suffixes: Iterable[str]) -> Path | None:
    """``<split>.<suffix>`` in ``root`` (``test.csv``), for adapters reading one file."""
    return next((root / f"{split}{s}" for s in suffixes if (root / f"{split}{s}").is_file()), None)


def _wanted(options: EvalOptions) -> tuple[str, ...]:
    return (options.split,) if options.split else DEFAULT_SPLITS


def _looked_for(pattern: str, splits: tuple[str, ...]) -> str:
    return " or ".join(pattern.format(split=s) for s in splits)
