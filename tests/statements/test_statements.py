"""Statements stage on short reports written for these tests (and the seed report)."""

from __future__ import annotations

import json

import pytest

from wirecoder.attribution.quotes import find_quotes

STAGE = "wirecoder.statements.v1"


@pytest.fixture(scope="module")
def run(run_until):
    return run_until(STAGE)


def only(doc):
    assert len(doc.statements) == 1, [s.text for s in doc.statements]
    return doc.statements[0]


def test_denial_is_indirect_deny(run):
    doc = run("Maiduguri, March 8 (Reuters) The Nigerian army denied that its troops had killed civilians in the village.", published="2024-03-08")
    st = only(doc)
    assert (st.kind, st.cue, st.act) == ("indirect", "denied", "deny")
    assert st.speaker_mention == "The Nigerian army"
    assert st.text == "its troops had killed civilians in the village"


def test_split_quote_is_one_statement_with_one_speaker(run):
    doc = run('"We will keep fighting," the commander said, "and we will never lay down our weapons."')
    st = only(doc)
    assert st.kind == "direct" and st.cue == "said" and st.speaker_mention == "the commander"
    assert st.text == "We will keep fighting and we will never lay down our weapons."
    assert '"' not in st.text


def test_claim_of_responsibility_with_channel(run):
    doc = run("Kabul, March 8 (AFP) The Taliban claimed responsibility for the bombing in a statement on Telegram.")
    st = only(doc)
    assert st.act == "claim" and st.channel == "Telegram"
    assert st.speaker is not None and st.speaker.name == "Taliban"


def test_anonymous_source_is_kept(run):
    doc = run("Peshawar, March 8 (AP) Two soldiers were killed in the ambush, officials said.")
    st = only(doc)
    assert st.speaker_mention == "officials" and st.kind == "indirect"
    assert st.text == "Two soldiers were killed in the ambush"


def test_nested_single_quotes_stay_in_the_text(run):
    doc = run("\"The villagers told us 'the soldiers came at night and burned everything' and we believe them,\" said Amina Yusuf, a researcher.")
    st = only(doc)
    assert "'the soldiers came at night and burned everything'" in st.text
    assert st.speaker_mention.startswith("Amina Yusuf")


def test_guillemets(run):
    doc = run("The minister told reporters: «We will never give in to violence and terror.»")
    st = only(doc)
    assert st.kind == "direct" and st.text == "We will never give in to violence and terror."


def test_multi_paragraph_quote_reopens(run):
    text = '"The first paragraph of the statement goes on here.\n\n"The second paragraph continues the same quote," the spokesman said.'
    st = only(run(text))
    assert st.text.startswith("The first paragraph") and st.text.endswith("the same quote")
    assert "\n\n" in st.text and st.speaker_mention == "the spokesman"


def test_pronoun_speaker_resolves_to_previous_speaker(run):
    text = (
        "Kano, March 8 (Reuters) Governor Abba Yusuf said the curfew would be lifted on Monday.\n\n"
        '"We have restored calm in the city and the markets will reopen," he said.'
    )
    doc = run(text, published="2024-03-08")
    assert len(doc.statements) == 2
    first, second = doc.statements
    assert first.speaker is not None and second.speaker == first.speaker


def test_clause_date_and_curly_quote_closed_straight(run):
    text = 'Lagos, March 8 (AP) The police on Thursday said in a statement that five suspects were arrested.'
    st = only(run(text, published="2024-03-08"))
    assert st.date == "2024-03-07" and st.channel == "statement"


def test_quote_finder_marks():
    text = "“Mixed marks,\" she said. «Guillemets» and „low marks“."
    spans = [text[q.start : q.end] for q in find_quotes(text)]
    assert spans == ["Mixed marks,", "Guillemets", "low marks"]


def test_seed_statements(shared_dir, run):
    ex = shared_dir / "examples" / "ians-quetta-2025-09-05"
    gold = json.loads((ex / "expected.json").read_text(encoding="utf-8"))["statements"]
    doc = run((ex / "article.txt").read_text(encoding="utf-8"))
    assert len(doc.statements) == len(gold)
    for g in gold:
        st = next(s for s in doc.statements if s.text.startswith(g["text_starts"]))
        assert st.speaker is not None and st.speaker.name == g["speaker"]
        assert (st.speaker_mention, st.kind, st.cue, st.channel, st.date) == (
            g["speaker_mention"], g["kind"], g["cue"], g["channel"], g["date"]
        )
        if "act" in g:
            assert st.act == g["act"]


def test_signed_vox_pop_line_with_trailing_period_and_no_break_space():
    from wirecoder.attribution.finder import ALL_TIERS, find_attributions
    from wirecoder.stages.nlp import load_nlp

    text = "“He cannot answer a single question about our lives and our work.”\u00a0― Maria Lopez.\n"
    found = find_attributions(load_nlp()(text), ALL_TIERS)
    assert [text[a.source[0] : a.source[1]] for a in found] == ["Maria Lopez"]


def test_nested_relations_only_when_asked_and_only_for_listed_cues():
    from wirecoder.attribution.finder import ALL_TIERS, find_attributions
    from wirecoder.stages.nlp import load_nlp

    sdoc = load_nlp()("The senator said that officials said the bridge would be closed for repairs.")
    outer = find_attributions(sdoc, ALL_TIERS)
    both = find_attributions(sdoc, ALL_TIERS, nested=True)
    assert len(outer) == 1 and len(both) == 2


def test_unlisted_verb_with_subject_and_that_clause_is_a_mined_cue():
    from wirecoder.attribution.finder import ALL_TIERS, SPEECH, find_attributions
    from wirecoder.stages.nlp import load_nlp

    sdoc = load_nlp()("The governor lamented that the budget had collapsed.")
    assert not [a for a in find_attributions(sdoc, SPEECH) if a.lemma == "lament" and a.tier == "mined"]
    sdoc = load_nlp()("The governor fretted that the budget had collapsed.")
    assert [a.lemma for a in find_attributions(sdoc, ALL_TIERS)] == ["fret"]
    assert find_attributions(sdoc, SPEECH) == []


def test_participle_cue_after_a_quote_keeps_its_own_clause():
    from wirecoder.attribution.finder import SPEECH, find_attributions
    from wirecoder.stages.nlp import load_nlp

    text = '"We do not see a link to terrorism," the mayor said, adding that it would take "more hours" before details emerge.'
    found = find_attributions(load_nlp()(text), SPEECH)
    contents = [text[a.start : a.end] for a in found]
    assert "We do not see a link to terrorism" in contents
    assert any(c.startswith("that it would take") or c.startswith("it would take") for c in contents)


@pytest.mark.parametrize("text", ["No group has claimed responsibility for the bombing.",
                                  "Nobody has said who planted the device."])
def test_a_source_that_says_no_one_spoke_is_no_statement(run, text):
    doc = run(f"Bogota, Jan 21 (AFP) A car bomb killed two police officers in Jamundi, the army said. {text}")
    assert [s.speaker_mention for s in doc.statements] == ["the army"]


def test_a_lead_glued_to_its_dateline_keeps_its_speaker(run):
    doc = run("Beirut, Feb 10 (Reuters) Human Rights Watch accused Syrian forces of shelling homes and called on "
              "Russia to stop backing the offensive.")
    assert [s.speaker.name if s.speaker else None for s in doc.statements] == ["Human Rights Watch"] * 2


def test_a_wish_to_stay_anonymous_is_no_statement(run):
    doc = run("Bamako, July 2 (Reuters) The attackers surrounded the village on motorbikes and opened fire on the "
              "guests, said the official, who asked not to be named.")
    assert [s.cue for s in doc.statements] == ["said"]


@pytest.mark.parametrize("silent", [
    "The RSF did not respond to a request for comment.",
    "A police spokesman declined to comment on the report.",
])
def test_a_source_that_said_nothing_makes_no_statement(run, silent):
    doc = run(f"Port Sudan, Aug 21 (AP) Shells hit a camp near El Fasher, the aid group said. {silent}")
    st = only(doc)
    assert st.cue == "said"


def test_a_source_who_did_not_give_a_name_still_speaks(run):
    doc = run("Quetta, May 3 (AP) A resident, who did not give his name, said three shops were burned.")
    assert only(doc).text == "three shops were burned"


def test_the_group_refers_to_the_rights_group_named_before(run):
    doc = run('Nairobi, June 26 (Reuters) "We condemn the use of excessive force," Amnesty International said. '
              "The group demanded the release of 50 detained protesters.")
    assert [s.speaker.name if s.speaker else None for s in doc.statements] == ["Amnesty International"] * 2


@pytest.mark.parametrize(("text", "cue", "speaker"), [
    ("The Syrian Observatory for Human Rights said gunmen stormed the village. Five others were wounded, it said.",
     "said", "Syrian Observatory for Human Rights"),
    ("The Archdiocese of Bamenda said in a statement that gunmen took the priest. It demanded his immediate release.",
     "demanded", "Archdiocese"),
])
def test_it_speaking_is_the_body_that_spoke_before(run, text, cue, speaker):
    doc = run(text, published="2026-04-14")
    last = doc.statements[-1]
    assert last.cue == cue
    assert last.speaker is not None and last.speaker.name.startswith(speaker)


def test_it_of_a_belief_or_a_sign_is_no_speaker(run):
    doc = run("The army said the raid was over. It shows that the militants have lost the town.", published="2026-04-14")
    assert all(s.speaker_mention != "It" for s in doc.statements)


def test_a_verb_joined_to_a_gerund_keeps_the_subject_above_it(run):
    doc = run("Human Rights Watch accused the police of using lethal force against protesters and called on the "
              "government to end the crackdown.", published="2026-08-05")
    called = [s for s in doc.statements if s.cue and s.cue.startswith("called")]
    assert called and called[0].speaker is not None and called[0].speaker.name == "Human Rights Watch"


def test_the_statement_speaks_for_who_issued_it_and_the_presidency_is_the_government(run):
    doc = run("N'DJAMENA, March 24 (Reuters) - Gunmen attacked a military base in western Chad overnight, killing at "
              "least 40 soldiers, the presidency said on Monday. The president ordered an operation to track down the "
              "assailants, the statement said.", published="2026-03-24")
    assert [s.speaker.name if s.speaker else None for s in doc.statements] == ["Government of Chad", "Government of Chad"]


def test_a_condemnation_that_names_the_attack_in_quotation_marks_is_a_statement(run):
    doc = run("WASHINGTON, July 8 (Reuters) - The U.S. embassy condemned the attack on the ship, calling it "
              "\"a cowardly act of terror\".", published="2026-07-08")
    st = only(doc)
    assert st.text == "a cowardly act of terror" and st.act == "condemn"
    assert st.speaker is not None and st.speaker.name == "Government of the United States"


def test_a_relative_clause_speaks_for_the_noun_it_hangs_on(run):
    doc = run("RAIPUR, India, April 17 (Reuters) - Maoist rebels, who say they are fighting for the rights of tribal "
              "people, have waged an insurgency in central India for decades.", published="2026-04-17")
    st = only(doc)
    assert st.speaker_mention == "who"  # PolNeAR's source span; the speaker is what it stands for
    assert st.speaker is not None and st.speaker.name.startswith("CPI (Maoist)")


def test_a_watchdog_of_the_police_is_not_the_police(run):
    doc = run("NAIROBI, June 18 (Reuters) - Kenya's police watchdog said on Wednesday it was investigating the "
              "shooting of a street vendor during protests in Nairobi.", published="2026-06-18")
    st = only(doc)
    assert st.speaker is None or "Police" not in st.speaker.name


def test_a_quote_the_speaker_goes_on_with_after_the_cue_is_part_of_the_statement(run):
    doc = run("KABUL, May 3 (Reuters) - \"We will not stop until the area is clear,\" the general said. \"The operation "
              "will continue for weeks, whatever it costs us.\" \"I was there,\" a witness said. \"Then we all ran "
              "away,\" another added.", published="2026-05-03")
    first = doc.statements[0]
    assert first.text.startswith("We will not stop") and "whatever it costs us" in first.text
    # a quote with a cue of its own after it is that cue's
    assert not any("Then we all ran away" in s.text and s.text.startswith("I was there") for s in doc.statements)
