"""Hypothesis settings for the fuzz suite: a few examples per property in the default
run, many with ``WIRECODER_FUZZ_EXAMPLES=5000`` (``make fuzz``)."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "wirecoder-fuzz",
    max_examples=int(os.environ.get("WIRECODER_FUZZ_EXAMPLES", "25")),
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
settings.load_profile("wirecoder-fuzz")
