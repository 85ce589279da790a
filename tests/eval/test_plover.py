"""The PLOVER adapter on a tiny JSON array shaped like the GSR file (DOCUMENT header,
``target`` sometimes "")."""

from __future__ import annotations

import json
from pathlib import Path

from wirecoder.eval import EvalOptions, get_adapter
from wirecoder.events.plover import act_category, keyword_category

RECORDS = [
    {"id": "X-DOCUMENT-0001", "event": "DOCUMENT", "eventText": "header"},
    {"id": "X-DEMAND-1", "event": "DEMAND", "target": "",
     "text": "The opposition demanded the immediate resignation of the prime minister on Monday."},
    {"id": "X-REJECT-1", "event": "REJECT", "target": [{"actorText": "UN"}],
     "text": "The government rejected the United Nations proposal for a ceasefire."},
    {"id": "X-PROTEST-1", "event": "PROTEST", "text": "Thousands of workers protested in the capital against price rises."},
    {"id": "X-ASSAULT-1", "event": "ASSAULT", "text": "A car bomb killed ten people in a market in Baghdad on Sunday."},
]


def test_plover_adapter_skips_document_and_scores(tmp_path: Path) -> None:
    path = tmp_path / "dev.json"
    path.write_text(json.dumps(RECORDS), encoding="utf-8")
    result = get_adapter("plover")(path, EvalOptions(folds=2))
    assert result.n == 4
    assert result.systems["wirecoder"]["accuracy"] is not None
    assert result.systems["wirecoder"]["accuracy"] >= 0.75
    assert result.systems["majority"]["accuracy"] == 0.25


def test_statement_acts_and_keywords_map_to_plover() -> None:
    assert act_category("condemn") == "DISAPPROVE"
    assert act_category("deny") == "REJECT"
    assert act_category("state") is None
    assert keyword_category("Police arrested 12 demonstrators.") == "COERCE"
