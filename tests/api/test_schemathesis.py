"""Schema-driven fuzzing (schemathesis 4) of every operation in /openapi.json on a real server:
no input the schema can describe may produce a 5xx.

Few examples per operation by default; ``WIRECODER_FUZZ_EXAMPLES=500`` fuzzes harder.
POST /documents runs a normalise-only pipeline here (no model load): the fuzz is about
the HTTP layer and the store, the stages have their own hostile-text tests.
"""

from __future__ import annotations

import os
from collections.abc import Callable

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from wirecoder.api import ApiSettings, create_app

EXAMPLES = int(os.environ.get("WIRECODER_FUZZ_EXAMPLES", "6"))


#: The app's own schema; the app is only built here (no store is opened until it serves).
schema = schemathesis.openapi.from_dict(create_app(ApiSettings("unused.db", warm=False)).openapi())


@pytest.fixture(scope="module")
def fuzz_url(start_server: Callable[..., str]) -> str:
    return start_server(stages=["wirecoder.normalize.v1"], rate_limit="0", write_rate_limit="0", max_documents=5)


@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
def test_no_operation_answers_with_a_server_error(case: schemathesis.Case, fuzz_url: str) -> None:
    case.call_and_validate(base_url=fuzz_url, checks=[not_a_server_error], timeout=60)
