"""The casualty-toll parser on sentences written for these tests."""

from __future__ import annotations

import pytest

from wirecoder.events.numbers import casualty_toll, parse_number


@pytest.mark.parametrize(
    ("words", "value"),
    [("15", 15), ("fifteen", 15), ("twenty-five", 25), ("1,200", 1200), ("a dozen", 12), ("one hundred", 100),
     ("dozens", 12), ("tens", 10), ("hundreds", 100), ("many", None)],
)
def test_parse_number(words: str, value: int | None) -> None:
    assert parse_number(words) == value


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("Two soldiers and three civilians were killed in the ambush near Gao.", 5),
        ("At least 15 people died when the bus hit a mine.", 15),
        ("Gunmen stormed the market, killing six traders and two guards.", 8),
        ("The death toll rose to 20 on Monday. Earlier 12 were reported dead.", 20),
        ("The group claimed 40 soldiers were killed, while officials said 5 soldiers died.", 5),
        ("Dozens were killed in the airstrike on the village.", 12),
        ("Five people, including two children, were killed in the blast.", 5),
        ("No one was killed in the explosion.", 0),
        ("A policeman was shot dead at a checkpoint in Kano.", 1),
        ("The bomber blew himself up, killing fifteen worshippers.", 15),
        ("A 62-year-old man was killed by a landmine.", 1),
        ("On 1 June 2021, a bomb exploded and killed a soldier.", 1),
        ("Protesters marched through the city centre on Friday.", 0),
        ("Gunmen raided the village in Zamfara, killing at least 12 farmers.", 12),
        ("Rebels hacked to death at least 22 villagers in Lubero territory.", 22),
        ("Insurgents beheaded at least 11 villagers in two raids. Officials confirmed several had been killed.", 11),
        ("Nine farmers were beheaded by the insurgents.", 9),
        ("The militants executed four hostages on Sunday.", 4),
        ("Five women were beaten to death by a mob in the village.", 5),
        ("Three men were sentenced to death by a military court on Monday.", 0),
        ("The airstrike killed at least four fighters near Idlib.", 4),
        ("A mine planted on the road killed a 45 year-old trader and injured his son.", 1),
        ("At around 8:55 am the militia attacked a checkpoint and killed one soldier.", 1),
        ("The brigade (2/17) ambushed a convoy and killed 7 soldiers.", 7),
        ("Four men who were returning from the market were killed by the blast.", 4),
        ("A colonel died and three others were injured in the explosion in Mogadishu.", 1),
        ("Shells hit the farm, killing two cows and destroying a house.", 0),
        ("A cow was killed when the mortar landed.", 0),
        ("Two soldiers were killed in the first blast. Three more soldiers were killed later.", 5),
        ("A spokesman reported 4 soldiers died in the ambush near Kidal.", 4),
        ("Fighters claimed 20 soldiers were killed or wounded. Fatalities coded as 10.", 10),
        ("A total of 10 explosions hit the town; no one was hurt.", 0),
        ("Gunmen shot dead an assistant sub-inspector in Peshawar.", 1),
        ("Troops raided a camp, killing as many as seven insurgents.", 7),
        # counts of things are no victims; a list needs its "and"; the next cue takes its count
        ("Jets struck the valley. Nine militant bunkers were destroyed and 14 fighters were killed.", 14),
        ("Gunmen stormed the post, killing 6 guards and burning several trucks.", 6),
        ("Gunmen raided the town, killing at least 6 civilians and at least 2 soldiers.", 8),
        ("Rebels shot dead a trader they said was an informer in Gao.", 1),
        ("2 policemen killed 7 injured in a roadside blast in Kidal.", 2),
        ("A guard was hit by four bullets and died in hospital.", 1),
        ("A local commander was killed in a raid on a separatist militant camp near Sibi.", 1),
        # victims named after the cue, or beside a kinsman, or by age
        ("Two soldiers were killed along with 11 insurgents in the attack on the base.", 13),
        ("One policeman was killed and 2 attackers too after the gunfight at the gate.", 3),
        ("A police officer was killed along with his son when gunmen opened fire.", 2),
        ("The district judge of Maiduguri, and his driver were shot dead on the highway.", 2),
        ("Unknown gunmen shot dead Musa Ibrahim Danladi, a local chief, outside his home.", 1),
        ("12 year old boy killed after shelling hit the market.", 1),
        ("Gunmen killed Indian Army soldiers near the border.", 0),
        # a running campaign's "more" is this report's first count; a long relative clause
        ("The air force continued its raids with the killing of nine more fighters in the hills.", 9),
        ("15 Hausa and Fulani herders who were grazing cattle on the disputed land near the river were gunned down.", 15),
        ("Rebels attacked a convoy, wounding four soldiers, however troops soon responded and 3 rebels were killed.", 3),
        # the phrase after the toll is its source, not one more victim; a list of victims still adds up
        ("Jihadists attacked a wedding, killing around 40 people, a local official and a youth leader said.", 40),
        ("Gunmen killed 12 farmers, a local chief and two herders on Sunday.", 15),
        # a number naming a unit is nobody; a toll a source puts counts
        ("The fighting pitted the Radaa force against the 444 Brigade, and at least six people were killed.", 6),
        ("Jihadists killed dozens of villagers. A UN source put the toll at about 200.", 200),
    ],
)
def test_fatalities(text: str, dead: int) -> None:
    assert casualty_toll(text).fatalities == dead


def test_injuries_vague_kept_as_text() -> None:
    toll = casualty_toll("The attack killed 15 and injured many others.")
    assert (toll.fatalities, toll.injuries, toll.injuries_text) == (15, None, "many")


def test_injuries_number_when_given() -> None:
    toll = casualty_toll("1 soldier killed, 5 injured in a bomb blast in Sibi")
    assert (toll.fatalities, toll.injuries) == (1, 5)


def test_vague_fatalities_keep_words() -> None:
    toll = casualty_toll("Hundreds were killed in the shelling.")
    assert toll.fatalities == 100 and toll.fatalities_text == "Hundreds"


def test_spans_are_offsets_into_the_text() -> None:
    text = "Militants attacked a convoy, killing 7 soldiers."
    toll = casualty_toll(text, offset=100)
    (start, end), = toll.spans
    assert text[start - 100 : end - 100] == "7"


def test_also_killed_adds_to_the_toll() -> None:
    toll = casualty_toll("Fifteen insurgents were killed in the raid. One soldier was also killed.")
    assert toll.fatalities == 16


def test_day_of_a_date_is_no_count() -> None:
    assert casualty_toll("Kano, May 2 (AFP) 3 traders were killed in the market.").fatalities == 3
    assert casualty_toll("Officials said 20 may have been killed in the raid.").fatalities == 20


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("10 militants as well as two foreigners were killed in the raid.", 12),
        ("A man and his nephew were shot dead over a land dispute.", 2),
        ("Unknown gunmen shot dead a 37-year-old shop owner in Kaduna.", 1),
        ("Unknown militants shot and killed the head of a vaccination team.", 1),
    ],
)
def test_fatalities_more_shapes(text: str, dead: int) -> None:
    assert casualty_toll(text).fatalities == dead


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("Policemen gun down two robbers in Lagos.", 2),
        ("The raid ended in the death of a militant commander.", 1),
        ("A senior commander was among four insurgents killed in the raid.", 4),
        ("In a gun battle, 5 militants were killed.", 5),
    ],
)
def test_fatalities_lists_and_phrasal_cues(text: str, dead: int) -> None:
    assert casualty_toll(text).fatalities == dead


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("4 unidentified gunmen gunned down a journalist in Karachi.", 1),
        ("Police killed two robbers, however 4 others managed to escape.", 2),
        ("Two soldiers were killed two days ago near Gao.", 2),
    ],
)
def test_active_object_counts(text: str, dead: int) -> None:
    assert casualty_toll(text).fatalities == dead
