"""Actor and target from the parse, and the words that name a party."""

import pytest

from eventcoder.arguments import party_head, party_span
from eventcoder.events import find_mentions

from .helpers import hand_doc, nlp


def test_active_voice_on_hand_built_doc():
    doc = hand_doc(
        [
            ("Gunmen", 1, "nsubj", "NNS", "gunman", "NOUN"),
            ("attacked", 1, "ROOT", "VBD", "attack", "VERB"),
            ("the", 3, "det", "DT", "the", "DET"),
            ("village", 1, "dobj", "NN", "village", "NOUN"),
        ]
    )
    [m] = find_mentions(doc)
    assert (m.type, m.actor.text, m.target.text) == ("ASSAULT", "Gunmen", "village")


def test_passive_voice_on_hand_built_doc():
    doc = hand_doc(
        [
            ("The", 1, "det", "DT", "the", "DET"),
            ("convoy", 3, "nsubjpass", "NN", "convoy", "NOUN"),
            ("was", 3, "auxpass", "VBD", "be", "AUX"),
            ("attacked", 3, "ROOT", "VBN", "attack", "VERB"),
            ("by", 3, "agent", "IN", "by", "ADP"),
            ("militants", 4, "pobj", "NNS", "militant", "NOUN"),
        ]
    )
    [m] = find_mentions(doc)
    assert (m.actor.text, m.target.text) == ("militants", "convoy")


def mentions(text):
    return [
        (
            m.type,
            m.actor.text if m.actor is not None else None,
            party_span(m.target).text if m.target is not None else None,
        )
        for m in nlp()(text)._.ec_mentions
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
def test_parsed_sentences(text, expected):
    assert mentions(text) == expected


@pytest.mark.slow
def test_weapon_is_not_the_actor():
    [m] = nlp()("Artillery shells fired by the Rapid Support Forces struck the camp.")._.ec_mentions
    assert party_span(m.actor).text == "the Rapid Support Forces"


@pytest.mark.slow
def test_party_heads():
    doc = nlp()("Dozens of RSF fighters and 26 soldiers met on Tuesday.")
    assert party_head(doc[0]).text == "fighters"  # a quantity names no party
    assert party_head(doc[5]) is None  # nor does a number
    assert party_head(doc[9]) is None  # nor a date
