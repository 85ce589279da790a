"""MUC-4 confidence key parsing and the attribution_for helper, on texts written here."""

from __future__ import annotations

import pytest

from wirecoder.attribution.confidence import attribution_for
from wirecoder.eval.muc4_confidence import parse_confidence

KEY = """0.  MESSAGE: ID                     TST9-MUC4-0001
1.  MESSAGE: TEMPLATE               1
10. PERP: ORGANIZATION ID           "FMLN"
11. PERP: ORGANIZATION CONFIDENCE   REPORTED AS FACT / CLAIMED OR ADMITTED: "FMLN"

0.  MESSAGE: ID                     TST9-MUC4-0001
1.  MESSAGE: TEMPLATE               2
11. PERP: ORGANIZATION CONFIDENCE   SUSPECTED OR ACCUSED BY AUTHORITIES: "ELN" / "ARMY OF NATIONAL LIBERATION"

0.  MESSAGE: ID                     TST9-MUC4-0002
1.  MESSAGE: TEMPLATE               *
11. PERP: ORGANIZATION CONFIDENCE   *

0.  MESSAGE: ID                     TST9-MUC4-0003
1.  MESSAGE: TEMPLATE               1
11. PERP: ORGANIZATION CONFIDENCE   -
"""


def test_parse_confidence_maps_and_keeps_alternatives():
    keys = parse_confidence(KEY)
    assert list(keys) == ["TST9-MUC4-0001"]
    (first, orgs1), (second, orgs2) = keys["TST9-MUC4-0001"]
    assert first == {"reported", "claimed"} and orgs1 == ["FMLN"]
    assert second == {"alleged"} and orgs2 == ["ELN", "ARMY OF NATIONAL LIBERATION"]


@pytest.fixture(scope="module")
def run(run_until):
    return run_until("wirecoder.statements.v1")


def perp_span(doc, name):
    i = doc.text.index(name)
    return (i, i + len(name))


def test_claim_of_responsibility_is_claimed(run):
    doc = run("Mogadishu, March 8 (Reuters) A car bomb killed ten people at a market. Al-Shabaab claimed responsibility for the attack.")
    assert attribution_for(doc, None, perp_span(doc, "Al-Shabaab"))[0] == "claimed"


def test_suspicion_is_alleged(run):
    doc = run("Bogota, March 8 (EFE) Police said the bomb was planted by suspected members of the ELN guerrilla group.")
    assert attribution_for(doc, None, perp_span(doc, "ELN"))[0] == "alleged"


def test_plain_report_and_no_perpetrator(run):
    doc = run("Kano, March 8 (AP) Gunmen of the Ansaru group attacked a village in Kaduna state on Monday.")
    assert attribution_for(doc, None, perp_span(doc, "Ansaru"))[0] == "reported"
    assert attribution_for(doc, None, None) == ("unknown", None)


def test_bracketed_short_form_carries_the_claim(run):
    doc = run(
        "Lima, March 8 (EFE) A businessman was kidnapped by a commando of the Tupac Amaru Revolutionary Movement (MRTA) "
        "on Monday. In telephone calls to Lima media, the MRTA has claimed responsibility for the kidnapping."
    )
    assert attribution_for(doc, None, perp_span(doc, "Tupac Amaru Revolutionary Movement"))[0] == "claimed"


def test_holding_an_actor_responsible_is_alleged(run):
    doc = run("San Salvador, March 8 (AFP) A bomb destroyed the union office. We hold the army high command responsible for this attack.")
    assert attribution_for(doc, None, perp_span(doc, "army"))[0] == "alleged"


def test_hedge_about_another_actor_far_away_does_not_count(run):
    doc = run(
        "Popayan, March 8 (EFE) Members of the FARC blew up a power pylon on Monday and declared the highway a military target "
        "for the next two days in order to demand that the government investigate and arrest those who are truly "
        "responsible for the murder of the candidate."
    )
    assert attribution_for(doc, None, perp_span(doc, "FARC"))[0] == "reported"


def test_negated_claim_is_no_claim(run):
    doc = run(
        "Kabul, March 8 (AFP) A roadside bomb killed four soldiers. No group has claimed responsibility yet, "
        "but officials suspect the Taliban."
    )
    assert attribution_for(doc, None, perp_span(doc, "Taliban"))[0] == "alleged"


def test_threat_in_first_person_is_no_claim(run):
    doc = run(
        "San Salvador, March 8 (AFP) The rebels said in a communique that acts of repression by the army "
        "will receive a strong response from our forces."
    )
    assert attribution_for(doc, None, perp_span(doc, "army"))[0] == "reported"
