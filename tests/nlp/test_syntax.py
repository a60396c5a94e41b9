"""The per-document arrays behind nlp/syntax.py's helpers read what spaCy's Token API reads."""

from eventcoder.nlp import deps, syntax
from eventcoder.nlp.syntax import child, has_child, pos_of, prep_object, sent_ents, subtree_indices

from ..helpers import nlp

TEXT = (
    "Militiamen who had crossed the river overnight burned two villages near Kamako on Tuesday, "
    "and the governor of Kasai said that soldiers were sent to the area. In Kinshasa, the minister "
    "of defence met envoys from Angola."
)


def test_the_arrays_agree_with_the_tokens():
    doc = nlp()(TEXT)
    kids, labels = syntax.tree(doc)
    for tok in doc:
        assert kids[tok.i] == [c.i for c in tok.children]
        assert labels[tok.i] == tok.dep_
        assert subtree_indices(tok) == {t.i for t in tok.subtree}
        assert syntax.coarse_tags(doc)[tok.i] == tok.pos_
        expected = (
            "VERB"
            if tok.tag_.startswith("VB") or tok.pos_ == "VERB"
            else "NOUN"
            if tok.tag_.startswith("NN") or tok.pos_ in ("NOUN", "PROPN")
            else None
        )
        assert pos_of(tok) == expected
        for wanted in ((deps.SUBJECT,), (deps.PREP, deps.DIRECT_OBJECT), (deps.DETERMINER,)):
            assert has_child(tok, wanted) == any(c.dep_ in wanted for c in tok.children)
            assert child(tok, wanted) == next((c for c in tok.children if c.dep_ in wanted), None)
        assert prep_object(tok, frozenset({"of", "from"})) in (None, *tok.subtree)
    governor = next(t for t in doc if t.text == "governor")
    assert prep_object(governor, frozenset({"of"})).text == "Kasai"


def test_the_entities_of_each_sentence_are_the_documents_in_it():
    doc = nlp()(TEXT)
    for sent in doc.sents:
        assert sent_ents(sent) == [e for e in doc.ents if sent.start <= e.start < sent.end]


def test_the_text_a_doc_was_made_of_is_its_text():
    import spacy

    text = "  Shelling resumed overnight.\n\nTwo houses burned in Avdiivka,  officials said. "
    doc = spacy.blank("en").make_doc(text)
    syntax.remember_text(doc, text)
    assert syntax.doc_text(doc) is text and doc.text == text
    other = spacy.blank("en").make_doc(text)
    syntax.remember_text(other, text + "!")  # not the text it was made of: built from the tokens
    assert syntax.doc_text(other) == text
    empty = spacy.blank("en").make_doc("")
    syntax.remember_text(empty, "")
    assert syntax.doc_text(empty) == ""
