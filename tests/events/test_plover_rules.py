"""The PLOVER sentence rules (events.plover, data/events/plover.yaml) on sentences written
for these tests: the mood of the chosen act, casualties yielding to the means, demands
voiced by a protest, and the codebook's SANCTION / RETREAT / CONCEDE cues."""

from __future__ import annotations

import pytest

from wirecoder.events.plover import sentence_category

STAGE = "wirecoder.nlp.v1"


@pytest.fixture(scope="module")
def category(run_until):
    parse = run_until(STAGE)

    def run(text: str) -> str | None:
        found = sentence_category(next(iter(parse(text).nlp.sents)))
        return found[0] if found else None

    return run


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a cooperative act negated or failed is REJECT
        ("The government will not accept the mediator's new proposal.", "REJECT"),
        ("Rebel leaders failed to reach an agreement with the army on Tuesday.", "REJECT"),
        ("The two ministers did not meet during the summit.", "REJECT"),
        # a hostile act only intended is THREATEN, a cooperative one AGREE
        ("The farmers' union said it would blockade the port next week.", "THREATEN"),
        ("The ministry plans to impose travel restrictions on foreign visitors.", "THREATEN"),
        ("The militia has vowed to fight until the last village is retaken.", "THREATEN"),
        ("The army is willing to withdraw its troops from the border.", "AGREE"),
        # what someone must do is DEMANDed
        ("The minister said the rebels must release the captured engineers.", "DEMAND"),
    ],
)
def test_mood_recodes_the_act(category, text: str, expected: str) -> None:
    assert category(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Soldiers killed four rebels in a gunbattle near the river.", "FIGHT"),
        ("Troops killed nine insurgents in fierce clashes near the pass.", "FIGHT"),
        ("Government artillery pounded rebel positions, killing twelve fighters.", "FIGHT"),
        ("A car bomb killed six shoppers at a crowded market.", "ASSAULT"),
        ("Gunmen killed a village elder outside his home.", "ASSAULT"),
    ],
)
def test_casualties_yield_to_the_means(category, text: str, expected: str) -> None:
    assert category(text) == expected


def test_riot_control_weapons_are_coercion_not_combat(category) -> None:
    assert category("Troops fired tear gas at protesters in the capital.") == "COERCE"
    assert category("Troops fired rockets at rebel bases in the hills.") == "FIGHT"


def test_protest_voicing_a_demand_is_protest(category) -> None:
    assert category("Students blocked roads in the capital demanding lower tuition fees.") == "PROTEST"
    assert category("The union demanded higher wages for nurses.") == "DEMAND"


def test_protest_that_reports_speech_is_disapproval(category) -> None:
    assert category("The embassy protested that the new visa rules were unfair.") == "DISAPPROVE"
    assert category("Thousands of teachers protested outside the ministry.") == "PROTEST"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The government expelled two foreign diplomats on Monday.", "SANCTION"),
        ("Police expelled hundreds of migrants from the camp.", "COERCE"),
        ("The foreign minister cancelled a planned visit to the neighbouring country.", "SANCTION"),
        ("The navy lifted its blockade of the harbour on Friday.", "RETREAT"),
        ("The rebels declared a unilateral ceasefire in the north.", "RETREAT"),
        ("The governor lifted the night curfew in the northern province.", "CONCEDE"),
        ("The cabinet accepted the strikers' demands after a week.", "CONCEDE"),
    ],
)
def test_codebook_cues(category, text: str, expected: str) -> None:
    assert category(text) == expected


def test_cue_inside_a_name_is_no_act(category) -> None:
    assert category("The Japan International Cooperation Agency opened an office in Nairobi.") != "COOPERATE"
