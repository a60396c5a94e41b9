import pytest

from eventcoder.nlp.reference_marks import parse_text

BLANKED = [
    # (text, what the model parses)
    ("killing the president.[3][4] He was 53.", "killing the president.       He was 53."),
    ("the son of Martelly,[5] whom the army backed", "the son of Martelly,    whom the army backed"),
    ("foreign mercenaries[a] attacked", "foreign mercenaries    attacked"),
    ("ten dead and 61 injured.[iv]", "ten dead and 61 injured.    "),
]

KEPT = [
    "the text [3] set apart by a space is no mark glued to a word",
    "said they [the rebels] would return",
    "a list of names[editor's note] stays",
    "no brackets at all",
]


@pytest.mark.parametrize(("text", "parsed"), BLANKED)
def test_marks_glued_to_a_word_are_blanked(text, parsed):
    assert parse_text(text) == parsed


@pytest.mark.parametrize("text", KEPT)
def test_other_brackets_are_kept(text):
    assert parse_text(text) == text


@pytest.mark.parametrize(("text", "_parsed"), BLANKED)
def test_offsets_are_the_documents(text, _parsed):
    assert len(parse_text(text)) == len(text)
