"""Trigger look-up from the event lexicon, on hand-built Docs."""

from eventcoder.lexicons.data import fold
from eventcoder.sentence.triggers import find_trigger

from ..helpers import hand_doc


def trigger(doc, i):
    t = find_trigger(doc[i], {fold(x.lemma_) for x in doc})
    return (t.type, t.mode) if t else None


def test_verb_and_noun_triggers():
    doc = hand_doc(
        [
            ("Rebels", 1, "nsubj", "NNS", "rebel", "NOUN"),
            ("shelled", 1, "ROOT", "VBD", "shell", "VERB"),
            ("the", 3, "det", "DT", "the", "DET"),
            ("base", 1, "dobj", "NN", "base", "NOUN"),
        ]
    )
    assert trigger(doc, 1) == ("ASSAULT", "heavy-weapons")
    assert trigger(doc, 0) is None and trigger(doc, 3) is None


def test_phrasal_verb_needs_its_particle_after_the_verb():
    doc = hand_doc(
        [
            ("Soldiers", 1, "nsubj", "NNS", "soldier", "NOUN"),
            ("opened", 1, "ROOT", "VBD", "open", "VERB"),
            ("fire", 1, "dobj", "NN", "fire", "NOUN"),
            ("on", 1, "prep", "IN", "on", "ADP"),
            ("protesters", 3, "pobj", "NNS", "protester", "NOUN"),
        ]
    )
    assert trigger(doc, 1)[0] == "ASSAULT"


def test_compound_noun_trigger():
    doc = hand_doc(
        [
            ("An", 2, "det", "DT", "an", "DET"),
            ("air", 2, "compound", "NN", "air", "NOUN"),
            ("strike", 3, "nsubj", "NN", "strike", "NOUN"),
            ("hit", 3, "ROOT", "VBD", "hit", "VERB"),
            ("Gaza", 3, "dobj", "NNP", "Gaza", "PROPN"),
        ]
    )
    assert trigger(doc, 2) == ("ASSAULT", "aerial")
    assert trigger(doc, 1) is None  # a modifier is not a trigger of its own


def test_ambiguous_words_are_split_by_the_sentence():
    labour = hand_doc(
        [
            ("Teachers", 2, "nsubj", "NNS", "teacher", "NOUN"),
            ("went", 2, "aux", "VBD", "go", "VERB"),
            ("on", 2, "prep", "IN", "on", "ADP"),
            ("strike", 2, "pobj", "NN", "strike", "NOUN"),
        ]
    )
    assert trigger(labour, 3) == ("PROTEST", "strike")


def test_lemmatizer_slips_are_forgiven():
    doc = hand_doc(
        [
            ("Workers", 1, "nsubj", "NNS", "worker", "NOUN"),
            ("staged", 1, "ROOT", "VBD", "stag", "VERB"),
            ("a", 3, "det", "DT", "a", "DET"),
            ("protest", 1, "dobj", "NN", "protest", "NOUN"),
        ]
    )
    assert trigger(doc, 3) == ("PROTEST", "demo") or trigger(doc, 3)[0] == "PROTEST"
