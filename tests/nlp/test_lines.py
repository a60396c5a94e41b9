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


@pytest.mark.parametrize(
    "line",
    [
        "Also read | Gunmen kill four police officers at a checkpoint near Kano",  # related_link
        "RELATED: Troops shell rebel positions north of the capital",  # related_link
        "Please help improve this article by adding citations about the attacks.",  # wiki_notice
        "Feel free to improve this article and discuss changes on the talk page.",  # wiki_notice
        "Read more: Police arrest 20 protesters in the capital",  # read_more
    ],
)
def test_a_line_of_the_site_triggers_nothing(line):
    text = "Rebels attacked an army post near Goma on Monday, the army said.\n" + line
    assert "".join(silent_words(text)) == "".join(line.split())
    assert [m.type for m in nlp()(text)._.ec_mentions] == ["ASSAULT"]


def test_the_headlines_under_a_heading_of_links_trigger_nothing():
    text = (
        "Soldiers arrested the mayor of the town on Tuesday, the ministry said.\n\n"
        "Related stories\n"
        "Three killed as gunmen storm a church in the south\n"
        "Protesters clash with police over fuel prices\n\n"
        "The mayor was taken to the capital, his lawyer said."
    )
    silent = silent_words(text)
    assert "storm" in silent and "clash" in silent and "arrested" not in silent
    assert "taken" not in silent  # a line that ends a sentence ends the list
    assert [m.type for m in nlp()(text)._.ec_mentions] == ["COERCE"]


def test_a_line_of_the_report_like_a_link_is_still_read():
    text = "Also in the capital, police fired tear gas at students on Monday."
    assert silent_words(text) == []


def test_the_caption_of_a_file_photo_triggers_nothing():
    text = (
        "Troops shelled the northern suburbs on Sunday, residents said.\n"
        "FILE PHOTO: Protesters clash with riot police in the capital, March 2019"
    )
    assert "clash" in silent_words(text)
    assert [m.type for m in nlp()(text)._.ec_mentions] == ["ASSAULT"]


def test_the_headlines_under_top_stories_trigger_nothing():
    text = (
        "Police arrested the editor of the newspaper on Tuesday, his lawyer said.\n\n"
        "Top stories\n"
        "Gunmen kill three villagers in the north\n"
        "Rebels seize a border post after a night of fighting"
    )
    assert "kill" in silent_words(text) and "seize" in silent_words(text)
    assert [m.type for m in nlp()(text)._.ec_mentions] == ["COERCE"]


def test_a_dateline_whose_place_has_small_words_ends_its_own_sentence():
    """ "KINSHASA, Democratic Republic of Congo, Aug 2 (Wire) - ": the dateline of a place named
    with "of" or "and" is a line of its own, and its day is not the first sentence's."""
    from datetime import date

    from eventcoder.document.date_scope import is_dateline
    from eventcoder.sentence.dates import find_dates

    for place in ("Democratic Republic of Congo", "Bosnia and Herzegovina"):
        text = f"KINSHASA, {place}, Aug 2 (Wire) - Soldiers shot three fishermen on the lake on Friday, officials said."
        first, second = list(nlp()(text).sents)[:2]
        assert first.text.strip().endswith("-") and second.text.startswith("Soldiers")
        found = find_dates(first.text, date(2025, 8, 2), 2025, offset=first.start_char)
        assert found and is_dateline(first, found)


def test_the_headlines_under_read_more_trigger_nothing():
    text = (
        "Gunmen stormed a concert hall outside the capital on Friday, officials said.\n\n"
        "Read more:\n"
        "Updated lists of the victims of the concert hall attack are out\n"
        "Fifty of those killed in the concert hall attack identified\n\n"
        "Police arrested four suspects on Saturday, the ministry said."
    )
    silent = silent_words(text)
    assert "victims" in silent and "killed" in silent and "arrested" not in silent
    assert sorted(m.type for m in nlp()(text)._.ec_mentions) == ["ASSAULT", "COERCE"]


def test_a_page_that_ends_no_paragraph_with_a_stop_has_paragraphs_not_subheadings():
    from ..helpers import code

    text = (
        "Clashes in the east\n\n"
        "Militiamen shot dead nine farmers near Beni on Saturday, local officials said\n\n"
        "A mortar shell wounded three children in Butembo on Monday, a nurse told reporters\n\n"
        "Soldiers detained 14 traders at a market outside Goma on Tuesday"
    )
    told = sorted(e["sources"][0]["sentence"][:12] for e in code(text))
    assert told == ["A mortar she", "Militiamen s", "Soldiers det"]


def test_a_page_of_sentences_and_infobox_fields_keeps_its_subheadings():
    from eventcoder.nlp.lines import unpunctuated_page

    text = (
        "Siege of the town\n\n- Belligerents: Rebel fighters, government troops and allied militias\n\n"
        "Rebels shelled the town for three days in March, residents said.[2]\n\n"
        "Aftermath of the shelling\n\nThe army said on Friday that it had retaken the town.[3][4]"
    )
    assert not unpunctuated_page(nlp()(text))
