"""The learned attribution tier: the tagger's windows, the parse-feature cue model, and the
cues they add to (or take from) the rule finder. Runs on the shipped models."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wirecoder.attribution.finder import ALL_TIERS, LEARNED, find_attributions, learned_tier_available
from wirecoder.stages.nlp import load_nlp

pytestmark = pytest.mark.skipif(not learned_tier_available(), reason="the tagger extra is not installed")


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


@pytest.fixture(scope="module")
def tokenizer():
    from wirecoder.attribution.tagger import build_model

    return build_model()[0]


def relations(nlp, text: str, tiers):
    return [
        (text[a.cue[0] : a.cue[1]], a.method, [text[s:e] for s, e in a.content], text[a.source[0] : a.source[1]] if a.source else None)
        for a in find_attributions(nlp(text), tiers, nested=True)
    ]


def test_tagger_adds_a_cue_no_lexicon_lists(nlp):
    text = "Senator Claire McCaskill scolded the chief executive for the fake accounts scandal."
    assert relations(nlp, text, ALL_TIERS) == []
    found = relations(nlp, text, ALL_TIERS + (LEARNED,))
    assert [(cue, method, source) for cue, method, _, source in found] == [("scolded", "tagger", "Senator Claire McCaskill")]


def test_learned_content_leaves_out_the_cue_words(nlp):
    text = "Amnesty International has no illusions about the junta's promise of elections."
    found = relations(nlp, text, ALL_TIERS + (LEARNED,))
    assert found and found[0][0] == "has no illusions about"
    assert found[0][2] == ["the junta's promise of elections"]


def test_plain_narration_gives_no_learned_cue(nlp):
    text = "The bridge was repaired in May and reopened to traffic on Monday."
    assert relations(nlp, text, ALL_TIERS + (LEARNED,)) == []


def test_speech_cues_survive_the_learned_filter(nlp):
    text = "The mayor said the bridge would reopen on Monday."
    assert [r[0] for r in relations(nlp, text, ALL_TIERS + (LEARNED,))] == ["said"]


def test_cue_word_model_scores_the_speech_verb_highest(nlp):
    from wirecoder.attribution.cue_words import cue_words

    sdoc = nlp("The minister told reporters that the talks had failed.")
    scores = cue_words().probabilities(sdoc)
    best = max(scores, key=scores.get)
    assert sdoc[best].text == "told" and scores[best] > 0.5


def test_tagger_probabilities_cover_every_token(nlp):
    from wirecoder.attribution.tagger import LABELS, cue_tagger

    sdoc = nlp("“We will never negotiate,” the spokesman said.\n\nThe talks ended.")
    probs = cue_tagger().probabilities(sdoc)
    assert len(probs) == len(sdoc) and all(len(p) == len(LABELS) for p in probs)
    said = next(t.i for t in sdoc if t.text == "said")
    assert LABELS[max(range(len(LABELS)), key=probs[said].__getitem__)] in {"B-Cue", "I-Cue"}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    words=st.lists(st.sampled_from(["said", "the", "antidisestablishmentarianism", "Quetta", "“", ",", "12,000"]), max_size=400),
    cuts=st.lists(st.integers(min_value=0, max_value=399), max_size=30),
)
def test_windows_cover_every_word_once_within_budget(tokenizer, words, cuts):
    from wirecoder.attribution.tagger import WINDOW_PIECES, encode, windows

    wins = list(windows(words, sorted({c for c in cuts if c < len(words)}), tokenizer))
    assert [i for w in wins for i in range(w.start, w.end)] == list(range(len(words)))
    for w in wins:
        ids, word_ids = encode(words[w.start : w.end], tokenizer)
        assert len(ids) <= WINDOW_PIECES
        assert {i for i in word_ids if i is not None} == set(range(w.end - w.start))


def test_statements_stage_opts_into_the_learned_tier():
    from wirecoder.document import Document
    from wirecoder.pipeline import Pipeline

    text = "Senator Claire McCaskill scolded the bank's chief executive on Monday for the fake accounts scandal."
    pipe = Pipeline(options={"wirecoder.statements.v1": {"tiers": ("speech", "learned")}})
    doc = pipe(Document(text=text, doc_id="t", published="2016-09-21"))
    [statement] = doc.statements
    assert (statement.cue, statement.speaker.name, statement.date) == ("scolded", "Claire McCaskill", "2016-09-19")


def _relation(text: str, cue: str, content: str, source: str | None = None, score: float | None = None):
    from wirecoder.attribution.finder import Attribution

    at = lambda s: (text.index(s), text.index(s) + len(s))  # noqa: E731
    return Attribution(content=[at(content)], cue=at(cue), source=at(source) if source else None, kind="indirect",
                       lemma=cue.split()[0].lower(), act="state", tier="learned", method="tagger", confidence=0.6,
                       cue_score=score)  # fmt: skip


def test_outer_content_ends_before_a_confident_inner_cue():
    from wirecoder.attribution.finder import _end_before_confident_cues

    text = "The governor wrote that the curfew was over and the mayor urged residents to stay home."
    outer = _relation(text, "wrote", "the curfew was over and the mayor urged residents to stay home", "The governor", 0.99)
    inner = _relation(text, "urged", "residents to stay home", "the mayor", 0.9)
    _end_before_confident_cues([outer, inner], text, frozenset())
    assert [text[s:e] for s, e in outer.content] == ["the curfew was over"]
    assert [text[s:e] for s, e in inner.content] == ["residents to stay home"]


def test_unsure_or_nesting_inner_cues_leave_the_outer_content_whole():
    from wirecoder.attribution.finder import _end_before_confident_cues

    text = "The governor wrote that the mayor believes residents should stay home."
    whole = "the mayor believes residents should stay home"
    for lemma_nests, score in ((frozenset({"believes"}), 0.95), (frozenset(), 0.5), (frozenset(), None)):
        outer = _relation(text, "wrote", whole, "The governor", 0.99)
        inner = _relation(text, "believes", "residents should stay home", "the mayor", score)
        _end_before_confident_cues([outer, inner], text, lemma_nests)
        assert [text[s:e] for s, e in outer.content] == [whole]


def test_confident_cue_that_loses_the_quote_keeps_its_own_object(nlp):
    text = "“Nobody is safe here,” the farmer told reporters, describing the raid on his village."
    found = relations(nlp, text, ALL_TIERS + (LEARNED,))
    assert [(cue, content) for cue, _, content, _ in found] == [
        ("told", ["Nobody is safe here"]), ("describing", ["the raid on his village"])
    ]
