"""``wirecoder eval``: dataset adapters (one module each) scoring the real pipeline."""

from __future__ import annotations

import importlib
import pkgutil

from .base import EvalOptions, EvalResult, adapters, get_adapter, register_eval

__all__ = ["EvalOptions", "EvalResult", "adapters", "get_adapter", "register_eval"]


def load_builtin_adapters() -> None:
    """Import every module of this package: each registers its adapter(s)."""
    for info in pkgutil.iter_modules(__path__):
        if info.name not in {"base", "metrics", "report"}:
            importlib.import_module(f"{__name__}.{info.name}")
