"""lines.py: line breaks end sentences; paragraphs in another language and cut-off fragments
trigger nothing."""

import pytest

from eventcoder.nlp.syntax import is_silent

from ..helpers import nlp

pytestmark = pytest.mark.slow


def silent_words(text):
    return [t.text for t in nlp()(text) if is_silent(t)]


def test_a_line_break_ends_a_sentence():
    doc = nlp()("Rebels seize two towns\nThe army said it would retake them.")
    assert [s.text.strip() for s in doc.sents][0] == "Rebels seize two towns"


def test_a_paragraph_in_another_language_triggers_nothing():
    text = (
        "Gunmen attacked a police post in the north on Monday, the army said.\n"
        "Der Stürmer hat den Ball mit einem Schuss ins Tor gebracht, und die Abwehr war nicht da."
    )
    doc = nlp()(text)
    assert [m.type for m in doc._.ec_mentions] == ["ASSAULT"]
    assert "Schuss" in silent_words(text) and "Gunmen" not in silent_words(text)


def test_a_cut_off_fragment_after_a_sentence_triggers_nothing():
    text = (
        "The ministers thanked their partners for their help. The talks, hosted by the Emir as chair of the"
    )
    assert silent_words(text)[:3] == ["The", "talks", ","]
    assert "CONSULT" not in [m.type for m in nlp()(text)._.ec_mentions]


@pytest.mark.parametrize(
    "text",
    [
        "Three soldiers killed in ambush near the border",  # a headline
        "Police beat protesters outside parliament. Protesters clashed with police again",  # a verb
        "Troops moved into the town. Residents fled.",  # final punctuation
    ],
)
def test_headlines_and_whole_sentences_are_not_fragments(text):
    assert silent_words("Lead line of the report, the army said.\n" + text) == []


def test_a_word_with_accents_is_no_trigger():
    from eventcoder.nlp.syntax import lemma_forms

    doc = nlp()("Der Wind bläst, and the rebels attacked the town.")
    assert lemma_forms(doc[2]) == ()
    assert "attack" in lemma_forms(doc[7])
