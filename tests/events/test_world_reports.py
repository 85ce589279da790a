"""Whole wire reports from beyond the seed's country, written for these tests: each checks one
rule the events, dates, places and roles follow, on the shapes Sahel, Syrian, Mexican,
Philippine, Mozambican or Haitian copy takes (full pipeline up to allegations)."""

from __future__ import annotations

import pytest

from wirecoder.records import Event

STAGE = "wirecoder.allegations.v1"


@pytest.fixture(scope="module")
def code(run_until):
    return run_until(STAGE)


def _only(events: list[Event]) -> Event:
    assert len(events) == 1, [(e.event_type, e.sub_event_type, e.location and e.location.name) for e in events]
    return events[0]


def test_an_arrest_told_after_an_attack_does_not_place_or_date_it(code) -> None:
    doc = code("BEIRUT, May 11 (Reuters) - Gunmen killed at least seven people in an attack on a village in Syria's "
               "northern Idlib province late on Friday, a war monitor said. The attackers opened fire on farmers before "
               "fleeing, it said. The Interior Ministry said that security forces had arrested two suspects.",
               published="2026-05-11")
    ev = _only(doc.events)
    assert ev.event_type == "Violence against civilians"
    assert ev.location is not None and ev.location.country == "SYR"  # not the dateline's Beirut
    assert (ev.location.admin1 or "").startswith("Idl")  # ACLED spells it Idleb
    assert ev.date == "2026-05-08"
    # the suspects the security forces arrested are no blame on the security forces
    assert ev.actor1 is not None and ev.actor1.name == "Unidentified Armed Group (Syria)"
    assert ev.attribution == "unknown"


def test_a_day_the_report_gives_the_act_outranks_the_day_of_the_speech(code) -> None:
    ev = _only(code("KANO, Nigeria, Feb 9 (Reuters) - Gunmen killed 18 villagers in raids on two communities in "
                    "Nigeria's northwestern Katsina state, police said on Sunday. The attackers stormed the villages "
                    "on Thursday night, shooting residents, police spokesman Abubakar Sadiq said.",
                    published="2026-02-09").events)
    assert ev.date == "2026-02-05"  # Thursday, not Sunday's statement


def test_a_background_date_weeks_before_the_report_does_not_date_the_event(code) -> None:
    doc = code("A party worker was shot dead by unknown gunmen in Peshawar. He had been a witness to the bombing of a "
               "mosque in Peshawar on the 2nd of March 2015.", published="2015-04-20")
    assert doc.events[0].date == "2015-04-20"


def test_a_country_only_ambush_is_placed_and_its_party_named_by_the_next_sentence(code) -> None:
    ev = _only(code("MANILA, Aug 4 (AFP) - Communist guerrillas ambushed an army patrol in the central Philippines on "
                    "Monday, killing two soldiers, the military said. Members of the New People's Army set off a "
                    "roadside bomb and then fired on the troops near a village in Catarman town, Northern Samar "
                    "province, a spokesman said.", published="2026-08-04").events)
    assert ev.location is not None and ev.location.country == "PHL" and ev.location.name != "Manila"
    assert ev.actor1 is not None and ev.actor1.name == "New People's Army"
    assert ev.fatalities == 2


def test_a_gang_named_before_its_head_noun_claims_the_massacre(code) -> None:
    ev = _only(code("PORT-AU-PRINCE, Nov 3 (AP) - Gang members killed at least 25 people in an attack on the town of "
                    "Saint-Marc in Haiti's Artibonite region on Saturday, the United Nations said. The Kraze Baryè gang, "
                    "led by Vitel'Homme Innocent, claimed responsibility for the attack in a video posted online.",
                    published="2026-11-03").events)
    assert ev.actor1 is not None and ev.actor1.name == "Kraze Baryè gang"
    assert ev.attribution == "claimed"


def test_the_state_of_a_name_is_the_region_and_its_town_places_the_event(code) -> None:
    doc = code("MEXICO CITY, July 6 (Reuters) - Gunmen killed nine people at a bar in the north-central Mexican state "
               "of Zacatecas late on Saturday, local authorities said. The attackers opened fire on customers in the "
               "municipality of Fresnillo, the state prosecutor's office said.", published="2026-07-06")
    ev = _only(doc.events)
    assert [loc.feature for loc in doc.locations if loc.name == "Zacatecas"] == ["admin1"]  # not its capital
    assert ev.location is not None and ev.location.name == "Fresnillo"


def test_the_group_a_ministry_blames_outranks_the_generic_suspects(code) -> None:
    doc = code("NIAMEY, May 23 (AFP) - Suspected jihadists killed 14 soldiers in an ambush in western Niger's "
               "Tillaberi region on Thursday, the defence ministry said. The attackers fired on a patrol near the "
               "border with Mali, the ministry said in a statement read on state television. It blamed the Islamic "
               "State in the Sahel group for the ambush.", published="2026-05-23")
    ev = _only(doc.events)
    assert ev.actor1 is not None and ev.actor1.name == "Islamic State Sahel Province"
    assert ev.attribution == "alleged"
    blamed = [s for s in doc.statements if s.cue and s.cue.lower().startswith("blamed")]
    assert blamed and blamed[0].speaker is not None  # "It" is the ministry that spoke before


def test_fighters_linked_to_a_group_with_a_branch_in_the_country_are_that_branch(code) -> None:
    ev = _only(code("MAPUTO, Sept 2 (AP) - Islamic State-linked insurgents beheaded at least seven villagers in a raid "
                    "on a village in northern Mozambique's Cabo Delgado province on Sunday, the militants claimed in a "
                    "statement.", published="2026-09-02").events)
    assert ev.actor1 is not None and ev.actor1.name == "Islamic State Mozambique Province"
    assert ev.attribution == "claimed"
    assert ev.fatalities == 7


def test_an_unresolved_town_takes_the_region_its_sentence_names(code) -> None:
    ev = _only(code("PORT-AU-PRINCE, Nov 3 (AP) - Gang members attacked the town of Tiyotte in Haiti's Centre region "
                    "on Saturday, killing 12 people, police said.", published="2026-11-03").events)
    assert ev.location is not None and (ev.location.country, ev.location.admin1) == ("HTI", "Centre")


def test_a_hedge_on_an_act_that_is_no_violence_blames_no_one(code) -> None:
    ev = _only(code("On 12 June 2021, in Kalay township (Sagaing region), a bomb exploded at a market. Police and "
                    "soldiers searched the area and allegedly found explosives nearby. No one was hurt.",
                    published="2021-06-20").events)
    assert ev.actor1 is not None and ev.actor1.name == "Unidentified Armed Group (Myanmar)"


def test_accusations_over_a_period_or_by_the_perpetrator_are_no_blame_for_the_event(code) -> None:
    doc = code("YAOUNDE, Oct 2 (Reuters) - Separatist fighters kidnapped six teachers from a school in Kumba in "
               "Cameroon's Southwest region on Tuesday, church officials said. Separatists have attacked schools in "
               "the region since 2017, accusing the government of marginalising English speakers. Rights groups "
               "accuse both the separatists and the army of atrocities against civilians.", published="2026-10-02")
    ev = _only(doc.events)
    assert ev.attribution == "unknown"
    said = [s for s in doc.statements if s.text.startswith("Separatist fighters kidnapped")]
    assert said and (said[0].speaker is None or not said[0].speaker.name.startswith("Government"))
    rights = [a for a in doc.allegations if a.claimant is not None and a.claimant.name == "Human rights groups"]
    assert rights and rights[0].act == "war crimes"
    assert {r.name for r in rights[0].accused} >= {"Military Forces of Cameroon"}


def test_a_demand_joined_to_an_accusation_keeps_its_speaker_and_one_allegation(code) -> None:
    doc = code("DHAKA, Aug 5 (Reuters) - Police fired live ammunition at students protesting in Dhaka on Sunday, "
               "killing 11, hospital officials said. Amnesty International accused the police of using lethal force "
               "against protesters and called on the government to end the crackdown.", published="2026-08-05")
    called = [s for s in doc.statements if s.cue and s.cue.startswith("called")]
    assert called and called[0].speaker is not None and called[0].speaker.name == "Amnesty International"
    crackdown = [a for a in doc.allegations if a.act == "repression"]
    assert len(crackdown) == 1


def test_a_mine_set_up_by_an_armed_group_is_that_group_s(code) -> None:
    ev = _only(code("On 3 May 2021, in Waingmaw township (Myitkyina District, Kachin State), a landmine set up by the "
                    "KIA exploded and destroyed a truck allegedly carrying supplies for the Myanmar military. "
                    "Casualties unknown.", published="2021-05-10").events)
    assert ev.actor1 is not None and "Kachin Independence" in ev.actor1.name


@pytest.mark.parametrize(("text", "perpetrator"), [
    ("KYIV, July 9 (Reuters) - A Russian missile struck a hospital in Kyiv on Monday, killing two people, Ukrainian "
     "officials said.", "Military Forces of Russia"),
    ("GAZA, July 9 (Reuters) - An Israeli air strike on a school in Gaza City killed at least 15 people on Monday, "
     "health officials said.", "Military Forces of Israel"),
    ("SANAA, July 9 (Reuters) - Saudi-led coalition air strikes hit a market in northern Yemen on Monday, killing 20 "
     "people, Houthi officials said.", "Military Forces of Saudi Arabia"),
    ("CAIRO, June 8 (Reuters) - Shelling by the paramilitary Rapid Support Forces (RSF) on a camp near El Fasher in "
     "Sudan's North Darfur state killed at least 17 people on Saturday, a local committee said.", "RSF"),
])
def test_the_state_or_group_a_weapon_is_credited_to_is_the_perpetrator(code, text, perpetrator) -> None:
    ev = code(text, published="2026-07-09").events[0]
    assert ev.actor1 is not None and perpetrator in ev.actor1.name


def test_both_sides_of_a_fight_and_not_the_country_people_fled_to(code) -> None:
    ev = code("BOGOTA, Jan 20 (Reuters) - Fighting between National Liberation Army (ELN) guerrillas and dissidents of "
              "the former FARC rebel group has killed at least 80 people in Colombia's Catatumbo region since Thursday, "
              "the government said, as thousands fled to neighboring Venezuela. President Gustavo Petro suspended peace "
              "talks with the ELN.", published="2026-01-20").events[0]
    assert ev.event_type == "Battles"  # talks broken off are no agreement
    assert ev.actor1 is not None and ev.actor1.name.startswith("ELN")
    assert ev.actor2 is not None and "FARC" in ev.actor2.name
    assert ev.location is not None and ev.location.country == "COL"


def test_rebels_clashing_with_troops_fight_them_in_the_province_the_report_names(code) -> None:
    ev = code("GOMA, Feb 24 (Reuters) - M23 rebels clashed with Congolese troops near the town of Masisi in North Kivu "
              "province on Sunday, as the Rwanda-backed group pushed further into the region. Congo accuses Rwanda of "
              "backing the rebels.", published="2026-02-24").events[0]
    assert ev.actor2 is not None and ev.actor2.name == "Military Forces of Democratic Republic of Congo"
    assert ev.location is not None and (ev.location.country, ev.location.admin1) == ("COD", "Nord-Kivu")


def test_another_attack_on_another_day_is_another_event_in_the_region_told_before(code) -> None:
    doc = code("IMPHAL, India, Sept 3 (Reuters) - Suspected militants fired rockets at a village in India's northeastern "
               "state of Manipur on Sunday, killing an elderly man, police said. Another attack using drones was "
               "reported from Senjam Chirang village on Monday, injuring three people.", published="2026-09-03")
    assert len(doc.events) == 2
    assert [(e.location.admin1 if e.location else None) for e in doc.events] == ["Manipur", "Manipur"]


def test_soldiers_executing_civilians_is_an_attack_dated_by_a_range_s_year(code) -> None:
    doc = code("BAMAKO, March 28 (Reuters) - Malian soldiers executed around 300 civilians in the central town of "
               "Moura, Human Rights Watch said on Tuesday. The killings took place between March 27 and March 31, "
               "2022, the group said.", published="2026-03-28")
    ev = doc.events[0]
    assert (ev.event_type, ev.sub_event_type, ev.fatalities) == ("Violence against civilians", "Attack", 300)
    assert any(d.value == "2022-03-27" for d in doc.dates)


def test_a_suspect_the_forces_killed_is_no_suspect_of_the_killing(code) -> None:
    doc = code("SRINAGAR, India, May 7 (Reuters) - Indian security forces killed two suspected militants in a gunfight "
               "in Kulgam district of Indian-controlled Kashmir on Monday, police said. Separately, a police officer "
               "was shot and wounded by unidentified gunmen in Srinagar on Monday evening.", published="2026-05-07")
    first, second = doc.events
    assert first.actor1 is not None and first.actor1.name == "Military Forces of India"
    assert first.attribution == "reported"
    assert second.actor1 is not None and second.actor1.name == "Unidentified Armed Group (India)"
    assert second.attribution == "unknown"  # what other unknown men are suspected of is not this


def test_jihadists_killing_people_read_as_a_chemical_attack_is_an_attack(code) -> None:
    ev = code("OUAGADOUGOU, Aug 29 (AFP) - Jihadists killed dozens of civilians and soldiers who were digging trenches "
              "to protect the town of Barsalogho in north-central Burkina Faso on Saturday, security sources said. The "
              "Group for the Support of Islam and Muslims (JNIM) claimed the attack, according to SITE Intelligence "
              "Group.", published="2026-08-29").events[0]
    assert ev.sub_event_type != "Chemical weapon"
    assert ev.actor1 is not None and ev.actor1.name.startswith("JNIM")


@pytest.mark.parametrize(("text", "country"), [
    ("NAIROBI, May 14 (Reuters) - The U.S. military carried out an air strike against al Shabaab militants near "
     "Jilib in southern Somalia, killing three fighters, U.S. Africa Command said. Unidentified gunmen later attacked "
     "a checkpoint.", "SOM"),
    ("BANGKOK, Jan 16 (Reuters) - Myanmar's Arakan Army said it had captured the town of Paletwa after weeks of "
     "fighting with the junta.", "MMR"),
])
def test_a_report_s_country_is_where_it_happens_not_its_dateline_or_a_foreign_force(code, text, country) -> None:
    doc = code(text, published="2026-05-14")
    generic = [a for a in doc.actors if a.name.startswith(("Unidentified", "Military Forces of")) and a.country == country]
    assert generic, [(a.name, a.country) for a in doc.actors]


def test_a_school_named_for_the_government_is_no_party_and_the_doer_s_blame_of_others_is_none(code) -> None:
    kidnap = code("KANO, Nigeria, Feb 17 (Reuters) - Gunmen abducted at least 30 students from a boarding school in "
                  "Kebbi state on Monday, police said. The attackers stormed the Government Girls Secondary School at "
                  "about 4 a.m.", published="2026-02-17").events[0]
    assert kidnap.actor2 is None or not kidnap.actor2.name.startswith("Government")
    shelling = code("PORT SUDAN, Aug 21 (AP) - Paramilitary Rapid Support Forces shelled a displacement camp near El "
                    "Fasher on Wednesday, killing 14 civilians, according to a local aid group. The paramilitary force "
                    "has denied targeting civilians in the past and blamed the Sudanese army for attacks on camps.",
                    published="2026-08-21").events[0]
    assert shelling.actor1 is not None and shelling.actor1.name.startswith("RSF")


def test_an_armed_group_that_breaks_up_a_protest_is_its_second_party(code) -> None:
    doc = code("KABUL, Oct 3 (Reuters) - Taliban fighters detained at least 12 women who were protesting outside a "
               "school in Kabul on Saturday against a ban on girls' education, a witness said. The U.N. mission in "
               "Afghanistan called on the Taliban to release the women.", published="2026-10-03")
    ev = doc.events[0]
    assert ev.event_type == "Protests" and ev.actor2 is not None and ev.actor2.name == "Taliban"
    called = [s for s in doc.statements if s.cue and s.cue.startswith("called")]
    assert called and called[0].speaker is not None and called[0].speaker.name == "United Nations"


def test_a_hub_dateline_does_not_outvote_the_country_the_report_tells_of(code) -> None:
    doc = code("DUBAI, Sept 20 (Reuters) - Iranian security forces arrested dozens of protesters in the city of Saqqez "
               "on Friday, a rights group said. Iranian state media denied that any protests took place.",
               published="2026-09-20")
    assert all(a.country != "ARE" for a in doc.actors), [(a.name, a.country) for a in doc.actors]


def test_a_numbered_brigade_is_no_toll_and_the_fighting_taken_up_stays_one_event(code) -> None:
    doc = code("TRIPOLI, May 14 (Reuters) - Heavy clashes erupted between rival armed groups in the Libyan capital "
               "Tripoli late on Monday, residents said.\n\nThe fighting pitted the Radaa force against the 444 Brigade "
               "in the Abu Salim district, and at least six people were killed, the health ministry said on Tuesday.",
               published="2026-05-14")
    ev = _only(doc.events)  # the ministry's Tuesday dates its statement, not another day of fighting
    assert ev.fatalities == 6  # not 444 + 6
    assert ev.date == "2026-05-11"
    assert ev.actor1 is not None and ev.actor1.name == "Radaa force"
    assert ev.actor2 is not None and ev.actor2.name == "444 Brigade"


def test_a_counter_offensive_is_an_event_of_its_own_with_its_own_toll(code) -> None:
    doc = code("N'DJAMENA, March 24 (Reuters) - Boko Haram fighters attacked a military base in western Chad "
               "overnight, killing at least 40 soldiers, the presidency said on Monday. The army later said it had "
               "killed 96 militants during a counter-offensive.", published="2026-03-24")
    assert [e.fatalities for e in doc.events] == [40, 96]
    assert doc.statements[0].speaker is not None and doc.statements[0].speaker.name == "Government of Chad"


def test_an_attack_claimed_by_a_group_names_its_branch_in_the_country(code) -> None:
    ev = _only(code("KABUL, Sept 3 (Reuters) - A suicide bomber killed six people near a court in Kabul on Monday, "
                    "police said, in an attack claimed by the Islamic State's regional affiliate.",
                    published="2026-09-03").events)
    assert ev.attribution == "claimed"
    assert ev.actor1 is not None and ev.actor1.name == "Islamic State Khorasan Province"


def test_an_attack_during_a_prayer_vigil_is_no_protest_and_ituri_is_a_province(code) -> None:
    ev = _only(code("KINSHASA, July 27 (Reuters) - Militants attacked a Catholic church in eastern Congo's Ituri "
                    "province during an overnight prayer vigil, killing at least 38 worshippers, a local civil society "
                    "leader said on Sunday. The army spokesman in Ituri blamed the Allied Democratic Forces (ADF).",
                    published="2026-07-27").events)
    assert (ev.event_type, ev.sub_event_type) == ("Violence against civilians", "Attack")
    assert ev.location is not None and ev.location.admin1 == "Ituri"  # ACLED's province, not GeoNames' Orientale
    assert ev.attribution == "alleged" and ev.actor1 is not None and ev.actor1.name == "Allied Democratic Forces"


def test_a_drone_strike_a_spokesman_blames_on_a_group_is_the_groups(code) -> None:
    ev = _only(code("PORT SUDAN, May 5 (Reuters) - Drones struck the main airport and a fuel depot in Port Sudan on "
                    "Sunday, army spokesperson Nabil Abdallah said. He blamed the paramilitary Rapid Support Forces "
                    "(RSF).", published="2026-05-05").events)
    assert ev.sub_event_type == "Air/drone strike"
    assert ev.actor1 is not None and ev.actor1.name.startswith("RSF")
    assert ev.attribution == "alleged"


def test_a_massacre_in_march_last_year_is_dated_then(code) -> None:
    ev = _only(code("BAMAKO, April 5 (Reuters) - Soldiers and foreign fighters executed around 500 people over five "
                    "days in the central town of Moura in March last year, the U.N. human rights office said in a "
                    "report on Friday.", published="2026-04-05").events)
    assert (ev.date, ev.time_precision) == ("2025-03-15", 3)


def test_a_town_people_fled_to_is_not_the_scene_and_a_governor_speaks_for_the_government(code) -> None:
    doc = code("BOGOTA, Jan 18 (Reuters) - Fighting between ELN guerrillas and FARC dissidents has killed at least 80 "
               "people in Colombia's Catatumbo region since Thursday, the governor of Norte de Santander province said "
               "on Saturday. Thousands of people have fled to the city of Cucuta.", published="2026-01-18")
    ev = _only(doc.events)
    assert ev.location is not None and ev.location.name == "Catatumbo"  # the region, at its main town; not Cucuta
    assert ev.location.admin1 == "Norte de Santander"
    assert doc.statements[0].speaker is not None and doc.statements[0].speaker.name == "Government of Colombia"


def test_a_toll_put_by_a_source_counts_and_no_grenade_without_its_words(code) -> None:
    ev = _only(code("OUAGADOUGOU, Aug 30 (AFP) - Jihadists killed dozens of civilians and soldiers who were digging "
                    "trenches around the town of Kaya on Saturday, security sources said. JNIM claimed responsibility, "
                    "saying it had killed militiamen. The government did not say how many people died. A UN source "
                    "put the toll at about 200.", published="2026-08-30").events)
    assert ev.fatalities == 200
    assert ev.sub_event_type != "Grenade"


def test_people_including_children_are_civilians(code) -> None:
    ev = _only(code("CAIRO, July 19 (Reuters) - An Israeli air strike on a school sheltering displaced families in "
                    "Gaza City killed at least 15 people, including children, Palestinian health officials said on "
                    "Friday.", published="2026-07-19").events)
    assert ev.actor2 is not None and ev.actor2.name == "Civilians (Palestine)"


def test_a_charge_the_accused_denied_is_an_allegation_answered_by_the_denial(code) -> None:
    doc = code("JUBA, Feb 3 (Reuters) - At least 32 people were killed when armed youths attacked cattle camps in "
               "South Sudan's Warrap state on Sunday, a local official said. William Wol, the state information "
               "minister, said the attackers came from Unity state. He accused authorities in Unity of arming the "
               "youths, a charge Unity officials denied.", published="2026-02-03")
    [al] = doc.allegations
    assert al.claimant is not None and al.claimant.name == "William Wol"
    assert al.act == "support to armed group" and al.beneficiary == "youths"
    assert al.denied_by and doc.statements[al.denied_by[0]].act == "deny"


def test_a_country_naming_the_party_is_not_where_it_struck(code) -> None:
    ev = _only(code("NAIROBI, Feb 2 (Reuters) - U.S. forces carried out an air strike against al Shabaab militants in "
                    "the mountains of northern Somalia on Saturday, killing three fighters, the U.S. military said.",
                    published="2026-02-02").events)
    assert ev.location is not None and ev.location.country == "SOM"


def test_an_armed_group_that_speaks_before_it_is_named_took_the_base(code) -> None:
    ev = _only(code("BANGKOK, Aug 3 (Reuters) - An ethnic minority armed group said on Saturday it had seized the "
                    "headquarters of the Myanmar army's northeastern command in Lashio after weeks of fighting. The "
                    "Myanmar National Democratic Alliance Army (MNDAA) said its fighters had taken full control of the "
                    "base.", published="2026-08-03").events)
    assert ev.sub_event_type == "Non-state actor overtakes territory"
    assert ev.actor1 is not None and ev.actor1.name == "Myanmar National Democratic Alliance Army"


def test_an_accusation_of_killing_unarmed_men_is_an_allegation_and_a_title_is_no_person(code) -> None:
    doc = code("ABUJA, Feb 24 (Reuters) - Amnesty International on Tuesday accused Nigeria's army of killing at least "
               "40 unarmed men in Borno state in January. Army spokesman Brigadier General Tukur Gusau dismissed the "
               "report as \"baseless\".", published="2026-02-24")
    [al] = doc.allegations
    assert al.claimant is not None and al.claimant.name == "Amnesty International"
    assert [a.name for a in al.accused] == ["Military Forces of Nigeria"] and al.act == "attack on civilians"
    assert "Brigadier General" not in {a.name for a in doc.actors}


def test_ground_a_non_state_group_took_is_no_government_regain(code) -> None:
    ev = _only(code("NAIROBI, April 14 (Reuters) - The paramilitary Rapid Support Forces killed more than 100 people, "
                    "including aid workers, in attacks on the Zamzam displacement camp and the city of El Fasher in "
                    "Sudan's North Darfur state over the weekend, the United Nations said on Sunday. The RSF denied "
                    "attacking civilians and said it had taken control of the camp.", published="2026-04-14").events)
    assert ev.sub_event_type != "Government regains territory"


def test_people_mostly_women_and_children_are_civilians(code) -> None:
    ev = _only(code("KABUL, Dec 25 (Reuters) - Pakistani air strikes in Afghanistan's eastern Paktika province killed "
                    "46 people, mostly women and children, the Taliban administration said on Wednesday.",
                    published="2026-12-25").events)
    assert ev.actor2 is not None and ev.actor2.name == "Civilians (Afghanistan)"


def test_a_holy_book_and_a_ministry_word_are_no_actors(code) -> None:
    doc = code("LAHORE, Pakistan, Aug 17 (Reuters) - A Muslim mob set fire to at least five churches in Jaranwala "
               "near Faisalabad on Wednesday after two Christians were accused of desecrating the Koran, police said. "
               "The mob was dispersed, Justice Minister Azam Tarar said.", published="2026-08-17")
    names = {a.name for a in doc.actors}
    assert "Koran" not in names and "Justice" not in names
    assert _only(doc.events).event_type == "Riots"


def test_fighters_named_after_their_group_are_the_group(code) -> None:
    ev = _only(code("On 2 August 2023, ISWAP militants attacked Nigerian military forces in Malam Fatori (Abadam, "
                    "Borno).", published="2023-08-02").events)
    assert ev.actor1 is not None and ev.actor1.name == "Islamic State West Africa Province"
    assert "Unidentified Armed Group (Nigeria)" not in {a.name for a in code(
        "On 1 October 2023, Turkish forces struck PKK militants near Sidakan (Soran, Erbil).", published="2023-10-01").actors}


def test_an_acled_address_in_parentheses_places_the_event(code) -> None:
    ev = _only(code("On 11 May 2023, ADF militants killed 11 civilians with machetes in Oicha (Beni, Nord-Kivu).",
                    published="2023-05-11").events)
    assert ev.location is not None and (ev.location.country, ev.location.admin1) == ("COD", "Nord-Kivu")


def test_a_town_of_the_country_a_report_is_about_is_no_foreign_small_town(code) -> None:
    ev = _only(code("On 19 March 2023, Russian forces shelled Kherson city (Kherson), killing one civilian.",
                    published="2023-03-19").events)
    assert ev.location is not None and (ev.location.country, ev.location.admin1) == ("UKR", "Kherson")


def test_a_reading_of_ground_taken_needs_words_of_ground_taken(code) -> None:
    ev = _only(code("On 7 May 2023, Al Shabaab militants attacked a military base in Buulo Mareer (Marka, Lower "
                    "Shabelle), killing 10 soldiers.", published="2023-05-07").events)
    assert ev.sub_event_type not in {"Non-state actor overtakes territory", "Government regains territory"}
