"""Allegations and demands on short reports written for these tests (and the seed)."""

from __future__ import annotations

import json

import pytest


@pytest.fixture(scope="module")
def run(run_until):
    return run_until("wirecoder.allegations.v1")


ACCUSE = (
    "Maiduguri, March 8 (Reuters) Human Rights Watch on Thursday accused the Nigerian army of extrajudicial "
    "killings of detainees in Borno state. The army denied the allegations, saying its troops respect human rights."
)


def test_accusation_gives_allegation_with_accused_victims_and_place(run):
    doc = run(ACCUSE, published="2024-03-08")
    [al] = doc.allegations
    assert al.act == "extrajudicial killing"
    assert al.claimant is not None and al.claimant.name == "Human Rights Watch"
    assert [a.name for a in al.accused] == ["Military Forces of Nigeria"]
    assert al.victims == "detainees" and al.location == ["Borno"]
    assert al.statement == 0 and al.hedge == "accused"


def test_denial_by_the_accused_is_linked(run):
    doc = run(ACCUSE, published="2024-03-08")
    deny = next(i for i, s in enumerate(doc.statements) if s.act == "deny")
    assert doc.allegations[0].denied_by == [deny]


def test_allegation_never_becomes_an_event_of_the_accused(run):
    doc = run(ACCUSE, published="2024-03-08")
    for ev in doc.events:
        assert not (ev.actor1 and ev.actor1.name == "Military Forces of Nigeria" and ev.attribution != "alleged")


def test_support_to_armed_group_names_beneficiary(run):
    text = (
        "Kabul, March 8 (AFP) The rights group Amnesty International alleged that the Taliban are operating in "
        "Kunar with the backing of the Pakistani military."
    )
    doc = run(text, published="2024-03-08")
    al = next(a for a in doc.allegations if a.act == "support to armed group")
    assert [a.name for a in al.accused] == ["Military Forces of Pakistan"]
    assert al.beneficiary == "Taliban" and al.hedge == "alleged"


def test_modal_demand_has_addressee_and_verb_phrase(run):
    text = (
        'Islamabad, March 8 (AP) "If Pakistan wants peace, it must release all political prisoners, '
        'a step long overdue," the Human Rights Commission of Pakistan said.'
    )
    doc = run(text, published="2024-03-08")
    [dem] = doc.demands
    assert dem.addressee is not None and dem.addressee.name == "Government of Pakistan"
    assert dem.demand == "release all political prisoners"


def test_first_person_modal_is_no_demand(run):
    doc = run('"We must defend our villages," the militia commander said.')
    assert doc.demands == []


def test_seed_allegations_and_demands(shared_dir, run):
    ex = shared_dir / "examples" / "ians-quetta-2025-09-05"
    gold = json.loads((ex / "expected.json").read_text(encoding="utf-8"))
    doc = run((ex / "article.txt").read_text(encoding="utf-8"))
    got = [(a.claimant.name, sorted(r.name for r in a.accused), a.act) for a in doc.allegations]
    want = [(g["claimant"], sorted(g["accused"]), g["act"]) for g in gold["allegations"]]
    assert sorted(got) == sorted(want)
    for g in gold["allegations"]:
        al = next(a for a in doc.allegations if a.act == g["act"] and sorted(r.name for r in a.accused) == sorted(g["accused"]))
        if g.get("victims"):
            assert al.victims == g["victims"]
        if g.get("beneficiary"):
            assert al.beneficiary == g["beneficiary"]
        if g["period"]:
            assert (al.period.start, al.period.end, al.period.text) == (g["period"]["start"], g["period"]["end"], g["period"]["text"])
    assert [(d.claimant.name, d.addressee.name, d.demand.replace("’", "'")) for d in doc.demands] == [
        (g["claimant"], g["addressee"], g["demand"]) for g in gold["demands"]
    ]
    for ev in doc.events:  # must_not: the allegation never becomes the attack's perpetrator
        assert not (ev.actor1 and ev.actor1.name == "Military Forces of Pakistan" and ev.attribution != "alleged")


def test_an_accusation_followed_by_a_demand_is_one_allegation(run):
    doc = run("Beirut, Feb 10 (Reuters) Human Rights Watch accused Syrian forces of indiscriminate shelling of "
              "residential areas and called on Russia to stop backing the offensive.", published="2025-02-10")
    assert [(al.act, [a.name for a in al.accused]) for al in doc.allegations] == [
        ("attack on civilians", ["Military Forces of Syria"])]


@pytest.mark.parametrize(("text", "claimant", "addressee", "demand"), [
    ('Mogadishu, March 14 (Reuters) "This cowardly attack will not weaken our resolve," President Hassan Sheikh '
     "Mohamud said in a post on X, and called on the United Nations to step up support for Somali forces.",
     "Hassan Sheikh Mohamud", "United Nations", "step up support for Somali forces"),
    ("Port-au-Prince, Oct 4 (AP) UN human rights chief Volker Turk said in a statement that he was appalled, urging "
     "the United Nations to hold those responsible accountable.", "Volker Turk", "United Nations",
     "hold those responsible accountable"),
    ('Beirut, April 14 (Reuters) "We demand that the United Nations protect all civilians," said Rami Abdulrahman, '
     "the head of the Observatory.", "Rami Abdulrahman", "United Nations", "protect all civilians"),
    ("Geneva, Aug 21 (AP) U.N. rights chief Volker Turk said he was horrified by the shelling and demanded an "
     "independent investigation.", "Volker Turk", None, "an independent investigation"),
])
def test_a_demand_the_speaker_goes_on_to_make(run, text, claimant, addressee, demand):
    doc = run(text, published="2026-03-14")
    [dem] = doc.demands
    assert dem.claimant is not None and dem.claimant.name == claimant
    assert (dem.addressee.name if dem.addressee else None) == addressee
    assert dem.demand == demand


def test_a_demand_told_of_someone_else_is_not_the_speaker_s(run):
    doc = run("Nairobi, June 26 (Reuters) The minister said protesters demanded the release of their leaders.")
    assert doc.demands == []


def test_genocide_named_by_an_accuser_is_an_allegation(run):
    doc = run("Port Sudan, Aug 21 (AP) Sudan's army-backed government accused the Rapid Support Forces of committing "
              "genocide against the Masalit community in West Darfur.", published="2026-08-21")
    [al] = doc.allegations
    assert al.act == "genocide" and al.claimant is not None and al.claimant.name == "Government of Sudan"
    assert [a.name for a in al.accused] == ["RSF: Rapid Support Forces"]
    assert al.location == ["West Darfur"]


@pytest.mark.parametrize(("text", "addressee", "demand"), [
    ("Kano, Feb 17 (Reuters) Amnesty International said the government had failed to protect schools and demanded "
     "that the authorities ensure the students' safe return.", "Government of Nigeria", "ensure the students' safe return"),
    ("Kano, Feb 17 (Reuters) Amnesty International demanded that the Nigerian government release the detained "
     "journalists.", "Government of Nigeria", "release the detained journalists"),
])
def test_a_demand_that_someone_act_names_them(run, text, addressee, demand):
    [dem] = run(text, published="2026-02-17").demands
    assert dem.claimant is not None and dem.claimant.name == "Amnesty International"
    assert dem.addressee is not None and dem.addressee.name == addressee
    assert dem.demand == demand


def test_a_principle_under_a_modal_is_no_demand(run):
    doc = run('Kabul, Sept 3 (AP) "Civilians must never be targets," the U.N. mission said on X.')
    assert doc.demands == []


@pytest.mark.parametrize(("text", "claimant", "act", "accused", "beneficiary"), [
    ("Goma, Feb 24 (Reuters) The United Nations and Western powers accuse Rwanda of backing the M23 with troops and "
     "weapons.", "United Nations", "support to armed group", ["Government of Rwanda"], "M23"),
    ("Cairo, June 8 (Reuters) The United States has said the RSF committed genocide in Darfur, a charge the group "
     "denies.", "Government of the United States", "genocide", ["RSF: Rapid Support Forces"], None),
    ("Bamako, March 28 (Reuters) Malian soldiers executed around 300 civilians in the town of Moura, Human Rights "
     "Watch said.", "Human Rights Watch", "extrajudicial killing", ["Military Forces of Mali"], None),
])
def test_allegations_in_the_forms_wire_copy_gives_them(run, text, claimant, act, accused, beneficiary):
    [al] = run(text, published="2026-03-28").allegations
    assert al.claimant is not None and al.claimant.name == claimant
    assert (al.act, [a.name for a in al.accused]) == (act, accused)
    assert al.beneficiary == beneficiary


def test_a_call_for_an_act_of_no_one_named_is_a_demand(run):
    [dem] = run("Geneva, April 11 (Reuters) The United Nations human rights office said it was horrified by the "
                "attack and called for those responsible to be held to account.", published="2026-04-11").demands
    assert dem.claimant is not None and dem.claimant.name == "United Nations"
    assert dem.addressee is None and dem.demand == "those responsible to be held to account"
