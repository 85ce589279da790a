"""The actors stage on short reports written for these tests (Nigeria, Myanmar, Syria, Colombia, India, Niger)."""

from __future__ import annotations

import pytest

from wirecoder.document import Document

STAGE = "wirecoder.actors.v1"
METHODS = {"alias-dictionary", "ethnic-phrase", "ner", "generic-noun", "description-coref", "acronym"}


@pytest.fixture(scope="module")
def run(run_until):
    return run_until(STAGE)


def by_name(doc: Document) -> dict[str, object]:
    return {a.name: a for a in doc.actors}


def surfaces(doc: Document, name: str) -> list[str]:
    return [m.text for m in by_name(doc)[name].mentions]


NIGERIA = (
    "date 2025-03-10 Maiduguri, Mar 10 (Reuters) Boko Haram fighters killed 12 villagers in Borno state on Sunday, "
    "police said. Nigerian troops later repelled an attack by ISWAP on a military base in Damboa, the army said. "
    "Amnesty International condemned the killings, and the rights group urged the Nigerian government to protect "
    "civilians. Governor Babagana Zulum visited the village."
)


def test_nigeria_named_generic_and_coref(run) -> None:
    doc = run(NIGERIA)
    actors = by_name(doc)
    assert doc.scratch["country"] == "NGA"
    assert actors["JAS: Boko Haram"].type == "armed_group"
    assert actors["Islamic State West Africa Province"].parent == "Islamic State"
    assert surfaces(doc, "Military Forces of Nigeria") == ["Nigerian troops", "military", "army"]  # "a military base"
    assert actors["Police Forces of Nigeria"].type == "state_forces"
    assert actors["Civilians (Nigeria)"].type == "civilians"
    assert "the rights group" in surfaces(doc, "Amnesty International")
    assert actors["Government of Nigeria"].country == "NGA"
    zulum = actors["Babagana Zulum"]
    assert (zulum.type, zulum.country) == ("person", "NGA") and zulum.role.startswith("Governor")
    assert "Reuters" not in actors  # the dateline's agency is not an actor of the report


def test_myanmar_junta_aliases_and_acronym(run) -> None:
    doc = run(
        "date 2024-02-03 Yangon, Feb 3 (AFP) Myanmar's junta carried out air strikes on villages in Sagaing region, "
        "killing nine civilians, according to the National Unity Government (NUG). The Arakan Army said it had "
        "captured a base from the Tatmadaw in Rakhine state. The NUG called on ASEAN to act."
    )
    actors = by_name(doc)
    assert set(surfaces(doc, "Military Forces of Myanmar")) == {"Myanmar's junta", "Tatmadaw"}
    assert surfaces(doc, "National Unity Government") == ["National Unity Government", "NUG", "NUG"]
    assert actors["Arakan Army"].country == "MMR"
    assert actors["ASEAN"].type == "international_org"
    assert "Sagaing" not in actors and "Rakhine" not in actors


def test_syria_gpe_as_actor_and_descriptions(run) -> None:
    doc = run(
        "date 2024-11-30 Beirut, Nov 30 (AFP) Hayat Tahrir al-Sham fighters seized most of Aleppo, the Syrian "
        "Observatory for Human Rights said. Syrian government forces withdrew from the city. Russia carried out air "
        "strikes on rebel positions, the monitor said. The Kurdish-led Syrian Democratic Forces (SDF) said the "
        "group would defend Kurdish districts."
    )
    actors = by_name(doc)
    assert doc.scratch["country"] == "SYR"  # not Lebanon, where the wire filed from
    assert surfaces(doc, "Government of Russia") == ["Russia"]
    assert "the monitor" in surfaces(doc, "Syrian Observatory for Human Rights")
    assert surfaces(doc, "Syrian Democratic Forces")[-1] == "the group"
    assert actors["Military Forces of Syria"].type == "state_forces"
    assert not any(a.name in ("Aleppo", "Government of Lebanon") for a in doc.actors)


def test_colombia_places_are_not_persons_and_roles_from_country(run) -> None:
    doc = run(
        "date 2025-01-20 Bogota, Jan 20 (Reuters) Clashes between the ELN and FARC dissidents in the Catatumbo "
        "region have killed at least 80 people, Colombian authorities said. President Gustavo Petro suspended "
        "peace talks with the ELN. Thousands of villagers fled to Cucuta."
    )
    actors = by_name(doc)
    assert len(actors["ELN: National Liberation Army"].mentions) == 2
    assert actors["EMC: Central General Staff (FARC dissidents)"].parent == "FARC"
    assert actors["Gustavo Petro"].role == "President of Colombia"
    assert "Government of Colombia" in actors
    assert not any(a.name in ("Catatumbo", "Cucuta") for a in doc.actors)


def test_india_maoist_aliases_merge_and_minister(run) -> None:
    doc = run(
        "date 2025-04-03 Raipur, Apr 3 (IANS) Security forces killed 16 Maoists in an encounter in Bijapur district "
        "of Chhattisgarh on Thursday, police said. Union Home Minister Amit Shah said the CPI-Maoist would be wiped "
        "out by 2026. The Congress party and the BJP traded barbs, while the Communist Party of India (Maoist) said "
        "the gunfight was staged."
    )
    actors = by_name(doc)
    maoists = actors["CPI (Maoist): Communist Party of India (Maoist)"]
    assert [m.text for m in maoists.mentions] == ["Maoists", "CPI-Maoist", "Communist Party of India (Maoist)"]
    assert actors["Amit Shah"].country == "IND"
    assert actors["Bharatiya Janata Party"].type == "political_party"
    assert actors["Indian National Congress"].type == "political_party"
    assert "Military Forces of India" in actors and "Police Forces of India" in actors


def test_unknown_org_acronym_case_awareness_and_generics(run) -> None:
    doc = run(
        "date 2025-06-01 Niamey, Jun 1 (AFP) The Sahel Peace Coalition (SPC) said gunmen attacked a market in "
        "Tillaberi. They told us the police never came. The SPC said the attackers fled on motorbikes."
    )
    actors = by_name(doc)
    spc = actors["Sahel Peace Coalition"]
    assert [m.text for m in spc.mentions] == ["Sahel Peace Coalition", "SPC", "SPC"]
    assert {p.method for p in spc.provenance} == {"ner", "acronym"}
    assert surfaces(doc, "Unidentified Armed Group (Niger)") == ["gunmen", "attackers"]
    assert "Government of the United States" not in actors  # "us" is a pronoun, not the US


def test_mentions_are_spans_with_provenance(run) -> None:
    doc = run(NIGERIA)
    assert doc.actors
    for actor in doc.actors:
        assert len(actor.provenance) == len(actor.mentions)
        for m, p in zip(actor.mentions, actor.provenance, strict=True):
            assert doc.text[m.start : m.end] == m.text
            assert (p.start, p.end, p.stage) == (m.start, m.end, STAGE)
            assert p.method in METHODS and 0 < p.confidence <= 1


def test_roles_from_organisations_and_capitals_as_governments(run) -> None:
    doc = run(
        "TTP chief Noor Wali Mehsud said the group would fight on. Taliban spokesman Zabihullah Mujahid rejected "
        "the claim. Islamabad has denied the allegations. The minister visited Afghanistan last week. The UN urged "
        "Afghanistan to reopen schools."
    )
    actors = by_name(doc)
    mehsud = actors["Noor Wali Mehsud"]
    assert (mehsud.role, mehsud.country) == ("chief of Tehreek-i-Taliban Pakistan", "PAK")
    assert actors["Zabihullah Mujahid"].role == "spokesperson of Taliban"
    assert surfaces(doc, "TTP: Tehreek-i-Taliban Pakistan") == ["TTP", "the group"]
    assert surfaces(doc, "Government of Pakistan") == ["Islamabad"]
    # "visited Afghanistan" is a place; "urged Afghanistan" addresses its government
    assert [m.start for m in actors["Government of Afghanistan"].mentions] == [doc.text.index("Afghanistan to")]


def test_villages_and_sites_are_not_actors_and_states_place_the_report(run) -> None:
    doc = run(
        "On 3 May 2023, between Kyauk Taw Gyi and Nat Yay Kan villages (Hpakant township, Kachin State), the "
        "military shelled the Lone Khin Jade Factory and the Hpakant Township Hospital, killing two villagers."
    )
    names = {a.name for a in doc.actors}
    assert doc.scratch["country"] == "MMR"
    assert {"Military Forces of Myanmar", "Civilians (Myanmar)"} <= names
    assert not any("Kyauk" in n or "Nat Yay" in n or "Factory" in n or "Hospital" in n for n in names), names


def test_state_units_fold_into_acled_state_actors(run) -> None:
    doc = run(
        "Rangers arrested two suspects in Karachi. FC personnel were attacked in Turbat. A US drone struck a "
        "compound in North Waziristan. In Monywa, the Monywa Rangers Group bombed a police car."
    )
    assert surfaces(doc, "Police Forces of Pakistan")[0] == "Rangers"
    assert surfaces(doc, "Military Forces of Pakistan") == ["FC"]
    assert surfaces(doc, "Military Forces of the United States") == ["US drone"]
    assert by_name(doc)["Monywa Rangers Group"].type == "armed_group"


def test_local_meanings_and_city_police(run) -> None:
    pak = run("Suspected Taliban militants gunned down a constable in Peshawar. Later, Lahore Police raided a hideout.")
    assert "TTP: Tehreek-i-Taliban Pakistan" in by_name(pak) and "Taliban" not in by_name(pak)
    assert "Lahore Police" in surfaces(pak, "Police Forces of Pakistan")
    afg = run("Taliban fighters seized a district centre in Helmand province, Afghan officials said.")
    assert "Taliban" in by_name(afg) and "TTP: Tehreek-i-Taliban Pakistan" not in by_name(afg)
    ind = run("Indian Border Security forces fired mortar shells at villages near Jammu.")
    assert "Military Forces of India" in by_name(ind)


@pytest.mark.parametrize(("text", "claimant", "absent"), [
    ("MOGADISHU, March 14 (Reuters) - Al Shabaab fighters stormed a hotel on Thursday. The al Qaeda-linked group "
     "claimed responsibility.", "Al-Shabaab", "Al-Qaeda"),
    ("SANAA, Jan 9 (AP) - The Iran-backed group claimed the attack after Houthi fighters shelled the port.",
     "Houthis", "Government of Iran"),
])
def test_a_name_linked_to_a_group_is_not_that_group(run, text, claimant, absent) -> None:
    doc = run(text)
    names = by_name(doc)
    assert absent not in names
    claim = doc.text.index("group")
    assert doc.actor_at(claim - 1, claim + 5).name == claimant


@pytest.mark.parametrize("text", [
    "GOMA, May 4 (AFP) - The army confirmed the attack on the village of Mayikengo on Sunday.",
    "BAMAKO, July 2 (Reuters) - Gunmen attacked a wedding in the central Malian village of Djiguibombo.",
])
def test_a_name_a_place_noun_introduces_is_no_actor(run, text) -> None:
    village = text.split(" of ")[-1].split()[0].rstrip(".")
    assert all(village not in a.name for a in run(text).actors)


@pytest.mark.parametrize(("text", "villages"), [
    ("KANO, Jan 12 (Reuters) - The gunmen stormed Kairu, Dangulbi and Ruwan Tofa villages in Maru local government "
     "area on Friday night, police said.", ["Kairu", "Dangulbi", "Ruwan Tofa", "Maru"]),
    ("MAPUTO, June 3 (AP) - The attacks took place in the villages of Naquitengue and Nanduli on Saturday. Troops "
     "killed eight insurgents near Mbau on Monday.", ["Naquitengue", "Nanduli", "Mbau"]),
])
def test_names_coordinated_with_a_place_noun_or_after_a_place_word_are_no_actors(run, text, villages) -> None:
    names = [a.name for a in run(text).actors]
    assert not [v for v in villages if any(v in n for n in names)], names


def test_a_country_a_demand_is_made_on_stands_for_its_government(run) -> None:
    doc = run("BEIRUT, Feb 10 (Reuters) - Human Rights Watch called on Russia to stop backing the offensive.")
    assert "Government of Russia" in by_name(doc)


def test_a_junta_or_regime_forces_are_the_military_of_the_report_s_country(run) -> None:
    doc = run("OUAGADOUGOU, March 2 (AFP) - Burkina Faso's military junta said regime troops repelled the attack.")
    assert "Military Forces of Burkina Faso" in by_name(doc) and "Military Forces of Myanmar" not in by_name(doc)


def test_a_name_before_sector_is_a_place_not_a_person(run) -> None:
    doc = run("SRINAGAR, July 14 (PTI) Troops launched a search operation in the Machil sector, a police spokesman said.")
    assert "Machil" not in by_name(doc)


def test_a_picture_credit_is_no_actor(run) -> None:
    doc = run("LYON, May 25 (Reuters) - French police issued this photo of a suspect. Photograph: Police "
              "National/Handout/EPA. The man left a bag near a bakery.")
    assert all("Handout" not in a.name for a in doc.actors)


def test_wire_copy_s_congo_is_the_democratic_republic(run) -> None:
    doc = run("GOMA, Feb 24 (Reuters) - Congo accuses Rwanda of backing the M23 rebels.")
    assert "Government of Democratic Republic of Congo" in {a.name for a in doc.actors}


@pytest.mark.parametrize(("text", "government"), [
    ("ERBIL, June 17 (Reuters) - Turkey's defence ministry said its forces had neutralised PKK militants.",
     "Government of Turkey"),
    ("KYIV, July 9 (Reuters) - Russia's defence ministry denied targeting civilian sites.", "Government of Russia"),
])
def test_a_country_s_ministry_is_its_government_whatever_the_report_s_country(run, text, government) -> None:
    assert government in {a.name for a in run(text).actors}
