"""Attribution finder constructions: which cue takes a quote, colon blocks, bare cues."""

from __future__ import annotations

import pytest

from wirecoder.attribution.finder import ALL_TIERS, SPEECH, find_attributions
from wirecoder.stages.nlp import load_nlp


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def found(nlp, text: str, tiers=SPEECH):
    return [
        (text[a.cue[0] : a.cue[1]] if a.cue else None, [text[s:e] for s, e in a.content], a.method)
        for a in find_attributions(nlp(text), tiers)
    ]


def test_nearest_cue_takes_the_quote(nlp):
    text = "Asked whether the curfew would be lifted, Colonel Ahmed Khan said, “The operation will go on until the area is clear.”"
    rels = found(nlp, text)
    quote = "The operation will go on until the area is clear."
    assert [cue for cue, content, _ in rels if content == [quote]] == ["said"]


def test_colon_block_in_next_paragraph(nlp):
    text = "The governor added:\n\nThe attack on the market was planned weeks in advance by the group.\n\nOther news followed."
    rels = found(nlp, text)
    assert ("added", ["The attack on the market was planned weeks in advance by the group."], "colon") in rels


def test_quote_in_next_paragraph_after_colon(nlp):
    text = "The spokesman said:\n\n“We will not negotiate with those who attacked the convoy.”"
    rels = found(nlp, text)
    assert rels and rels[0][1] == ["We will not negotiate with those who attacked the convoy."]


def test_bare_cue_takes_a_quote_closing_with_a_period(nlp):
    text = "“The militants fled into the hills after the clash.” The police chief said.\n\nMore later."
    rels = found(nlp, text)
    assert rels and rels[0][0] == "said"
    assert rels[0][1] == ["The militants fled into the hills after the clash."]


def test_cue_with_its_own_clause_does_not_take_a_period_quote(nlp):
    text = "“The militants fled into the hills after the clash.” The police chief said the curfew would stay."
    rels = found(nlp, text)
    assert [content for _, content, _ in rels] == [["the curfew would stay"]]


def test_parenthetical_speech_cue_inside_a_mined_host_clause(nlp):
    text = "The museum, the director said, celebrated several local heroes of the independence war."
    rels = found(nlp, text, ALL_TIERS)
    said = [content for cue, content, _ in rels if cue == "said"]
    assert said and said[0][0] == "The museum"


def test_noun_cue_with_that_clause_is_a_mined_relation(nlp):
    text = "Residents doubted the governor's claim that the militia controlled the border crossing."
    rels = [a for a in find_attributions(nlp(text), ALL_TIERS) if a.method == "noun"]
    assert [(text[a.cue[0] : a.cue[1]], text[a.source[0] : a.source[1]]) for a in rels] == [("claim", "the governor's")]
    assert text[rels[0].start : rels[0].end] == "that the militia controlled the border crossing"
    assert not [a for a in find_attributions(nlp(text), SPEECH) if a.method == "noun"]


def test_headline_closing_on_source_and_speech_verb(nlp):
    from wirecoder.attribution.finder import _Finder

    text = "Ceasefire Talks Will Resume Next Week, Foreign Minister Says.\n\nISLAMABAD (Reuters) - Talks are planned."
    heads = _Finder(nlp(text), SPEECH).headline()
    assert [(text[a.cue[0] : a.cue[1]], text[a.source[0] : a.source[1]], text[a.start : a.end]) for a in heads] == [
        ("Says", "Foreign Minister", "Ceasefire Talks Will Resume Next Week")
    ]
    assert heads[0].act == "state"
    # one relation, whether the parser read the headline or not
    assert len([a for a in find_attributions(nlp(text), SPEECH) if text[a.start : a.end] == "Ceasefire Talks Will Resume Next Week"]) == 1


def test_headline_without_a_speech_verb_is_no_attribution(nlp):
    from wirecoder.attribution.finder import _Finder

    text = "Floods Hit the North, Thousands Flee.\n\nMore rain is expected."
    assert _Finder(nlp(text), SPEECH).headline() == []


def test_editorial_paragraph_label_is_no_speaker(nlp):
    text = "The Latest: Army retakes the town after a week of fighting.\n\nMore follows."
    assert not [a for a in find_attributions(nlp(text), ALL_TIERS) if a.method == "label"]


def test_reported_clause_hung_on_the_cue_object(nlp):
    text = "The governor told the forum he was against the new curfew because it hurt traders."
    rels = found(nlp, text)
    assert rels and rels[0][0] == "told" and rels[0][1][0].startswith("he was against the new curfew")
    assert rels[0][2] == "dep:misattached"


def test_relative_clause_on_the_object_is_not_content(nlp):
    text = "The spokesman described the plan, which officials approved last week, as reckless."
    assert all(method != "dep:misattached" for _, _, method in found(nlp, text))


def test_verb_outranks_its_channel_noun_for_the_same_clause(nlp):
    text = "The provincial governor says in a statement that the army will stay in the valley."
    rels = find_attributions(nlp(text), ALL_TIERS, nested=True)
    assert [(text[a.cue[0] : a.cue[1]], text[a.source[0] : a.source[1]]) for a in rels] == [("says", "The provincial governor")]


def test_mined_verb_preposition_pair_takes_its_object(nlp):
    text = "The opposition leader railed against the emergency decree in parliament."
    rels = [r for r in found(nlp, text, ALL_TIERS) if r[0].startswith("railed")]
    assert [(cue, method) for cue, _, method in rels] == [("railed against", "dep:prep")]
    assert rels[0][1][0].startswith("the emergency decree")
    assert not found(nlp, text, SPEECH)


def test_noun_and_adjective_with_a_mined_content_preposition(nlp):
    text = "The senator was critical of the new security law. Her criticism of the army drew a response."
    rels = {text[a.cue[0] : a.cue[1]]: a for a in find_attributions(nlp(text), ALL_TIERS, nested=True) if a.method == "noun"}
    assert text[rels["critical of"].start : rels["critical of"].end] == "the new security law"
    assert text[rels["critical of"].source[0] : rels["critical of"].source[1]] == "The senator"
    assert text[rels["criticism of"].source[0] : rels["criticism of"].source[1]] == "Her"


def test_infinitive_speech_verb_does_not_take_its_host_clause(nlp):
    text = "To put that number in context, the deficit was 438 billion dollars last year."
    assert all(method != "dep:host" for _, _, method in found(nlp, text))


def test_quotes_signed_with_a_dash_inside_a_paragraph(nlp):
    text = ("Readers wrote in. “The curfew has ruined the harvest for every family here.” ― Amina Bibi Khan. "
            "“Nobody asked the villagers what they needed.” ― Tariq Mehmood “We will keep protesting.”")
    doc = nlp(text)
    signed = {(text[a.source[0] : a.source[1]], text[a.content[0][0] : a.content[-1][1]])
              for a in find_attributions(doc, SPEECH) if a.cue and text[a.cue[0] : a.cue[1]] == "―"}
    assert signed == {("Amina Bibi Khan", "The curfew has ruined the harvest for every family here."),
                      ("Tariq Mehmood", "Nobody asked the villagers what they needed.")}


def test_dash_before_a_speech_verb_is_no_signature(nlp):
    text = "“The talks are over and the strike goes on,” — Sharif said on Monday after the meeting."
    assert all(cue != "―" and cue != "—" for cue, _, _ in found(nlp, text))


@pytest.mark.parametrize("text", [
    "Let's say you think a degree from a state university will cost $160,000 in all.",
    "It goes without saying that raising taxes on the rich would be popular with voters.",
    "Say Mexico demanded that the United States prove that a migrant was Mexican first.",
])
def test_say_that_supposes_reports_no_one(nlp, text):
    assert [cue for cue, _, _ in found(nlp, text, ALL_TIERS) if cue and cue.lower().startswith("say")] == []


def test_split_quote_around_a_participle_is_two_relations(nlp):
    text = "“We cannot afford this any more,” the minister said, adding later, “the budget for the dams is gone.”"
    found = [(text[a.cue[0] : a.cue[1]], [text[s:e] for s, e in a.content]) for a in find_attributions(nlp(text), SPEECH)]
    assert found == [("said", ["We cannot afford this any more"]), ("adding later", ["the budget for the dams is gone."])]


def sources(nlp, text: str) -> list[tuple[str | None, str | None, list[str]]]:
    """(cue, source, content) of each relation the speech tier finds."""
    return [
        (text[a.cue[0] : a.cue[1]] if a.cue else None, text[a.source[0] : a.source[1]] if a.source else None,
         [text[s:e] for s, e in a.content])
        for a in find_attributions(nlp(text), SPEECH)
    ]


def test_of_two_subjects_the_one_next_to_the_cue_speaks(nlp):
    text = ("Security forces killed more than 200 people, most of them farmers, in two days of raids in the "
            "north, the Human Rights League said on Saturday.")
    assert [(cue, src) for cue, src, _ in sources(nlp, text)] == [("said", "the Human Rights League")]


def test_a_charge_the_accused_denied_keeps_both_the_accusation_and_the_denial(nlp):
    text = "He accused authorities in the north of arming the youths, a charge northern officials denied."
    rels = {cue: (src, content) for cue, src, content in sources(nlp, text)}
    assert rels["accused"] == ("He", ["authorities in the north of arming the youths"])
    assert rels["denied"][0] == "northern officials"


def test_an_accusation_keeps_its_charge_but_not_a_verb_joined_to_it(nlp):
    text = ("The rights group accused the police of using lethal force against protesters and called on the "
            "government to end the crackdown.")
    rels = {cue: content for cue, _, content in sources(nlp, text)}
    assert rels["accused"] == ["the police of using lethal force against protesters"]
    assert rels["called on"] == ["to end the crackdown"]


def test_an_attribution_the_parse_joined_with_a_comma_reports_the_clause_before(nlp):
    text = ("A drone strike on a car in the border province killed three fighters, the counter-terrorism service "
            "of the regional government said on Thursday. He killed two men and said it was revenge.")
    rels = sources(nlp, text)
    assert rels[0][1] == "the counter-terrorism service of the regional government"
    assert rels[0][2][0].startswith("A drone strike on a car")
    assert rels[1] == ("said", "He", ["it was revenge"])  # "and said": a verb of its own subject


def test_a_naming_in_quotation_marks_is_a_statement_but_a_plain_one_is_not(nlp):
    text = 'The embassy condemned the attack, calling it "a cowardly act of terror". He called it a disaster.'
    rels = sources(nlp, text)
    assert ("calling", "The embassy", ["a cowardly act of terror"]) in rels
    assert not [r for r in rels if r[0] == "called"]
