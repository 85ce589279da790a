"""Synthetic wire-style reports, deterministic by seed, for throughput and scale tests."""

from .generator import generate, load_lexicon, make_report, write_jsonl

__all__ = ["generate", "load_lexicon", "make_report", "write_jsonl"]
