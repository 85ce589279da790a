"""Stages registered by versioned name, like spaCy's ``Language.factory``.

A stage is a small callable object: ``__call__(doc) -> doc`` with declared
``requires`` and ``assigns``; it may override ``pipe`` to work in batches (the NLP
stage does). Register with ``@register_stage("wirecoder.places.v1")``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, ClassVar

from ..document import Document
from ..errors import E, WirecoderError


class Stage:
    """Base class for pipeline stages: one job, testable alone."""

    name: ClassVar[str] = ""
    requires: ClassVar[tuple[str, ...]] = ()
    assigns: ClassVar[tuple[str, ...]] = ()

    def __call__(self, doc: Document) -> Document:  # pragma: no cover - abstract
        raise NotImplementedError

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        """Process a stream; the default maps ``__call__`` over it."""
        for doc in docs:
            yield self(doc)


_REGISTRY: dict[str, Callable[..., Stage]] = {}


def register_stage(name: str) -> Callable[[type[Stage]], type[Stage]]:
    def deco(cls: type[Stage]) -> type[Stage]:
        cls.name = name
        _REGISTRY[name] = cls
        return cls

    return deco


def registered_stages() -> dict[str, Callable[..., Stage]]:
    _load_builtins()
    return dict(_REGISTRY)


def create_stage(name: str, **options: Any) -> Stage:
    _load_builtins()
    if name not in _REGISTRY:
        raise WirecoderError(E.E103, stage=name, known=", ".join(sorted(_REGISTRY)))
    return _REGISTRY[name](**options)


def _load_builtins() -> None:
    # Importing the stage modules registers them (datasette's default_* plugins idea).
    from .. import stages  # noqa: F401
