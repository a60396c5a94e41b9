"""language.py: paragraphs in another language than the model's are told by their stop words
and trigger nothing."""

from __future__ import annotations

import pytest

from eventcoder.nlp.language import (
    OTHER_SCRIPT,
    foreign_spans,
    model_language_text,
    paragraph_language,
    paragraph_languages,
)
from eventcoder.nlp.prefilter import TriggerWords


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Rebels attacked the garrison at dawn, the army said.", "en"),
        ("Mit dem Befehl kill wird der Prozess sofort beendet, wenn er nicht reagiert.", "de"),
        ("Le joueur a tiré dans la surface et le gardien est resté sur sa ligne.", "fr"),
        ("Los delanteros del equipo atacaron por la derecha y el portero no pudo hacer nada.", "es"),
        ("هاجم المهاجم المرمى في الدقيقة الأخيرة من المباراة", OTHER_SCRIPT),
        ("Breaking news", None),  # too few words tell
    ],
)
def test_a_paragraph_is_given_the_language_of_most_of_its_stop_words(text, language):
    assert paragraph_language(text)[0] == language


def test_names_and_a_foreign_phrase_leave_an_english_paragraph_english():
    text = "Protesters gathered outside Le Monde's office in Paris, and police said al-Sadr was not there."
    assert paragraph_language(text)[0] == "en"


def test_a_paragraph_no_stop_word_tells_takes_the_documents_language():
    text = "Prozesse beenden\nDas Signal wird an den Prozess geschickt, und er wird beendet.\nkill -9 1234"
    assert [lang for _s, _e, lang in paragraph_languages(text)] == ["de", "de", "de"]


def test_foreign_paragraphs_are_blanked_with_offsets_kept():
    text = "Soldiers shelled the village, the army said.\nDie Mannschaft hat das Spiel mit einem Schuss gewonnen."
    (span,) = foreign_spans(text)
    assert text[span[0] : span[1]].startswith("Die Mannschaft")
    blanked = model_language_text(text)
    assert len(blanked) == len(text) and blanked.startswith("Soldiers shelled") and "Schuss" not in blanked


def test_the_prefilter_reads_only_paragraphs_in_the_models_language():
    words = TriggerWords({"kill"}, {})
    assert not words.in_text("Der Befehl kill beendet den Prozess, und das ist nicht alles.")
    assert words.in_text("Gunmen tried to kill the mayor, and the police said he was not hurt.")


def test_a_documents_language_is_that_of_most_of_its_words():
    from eventcoder.nlp.language import document_language

    text = "Spielbericht\nDie Gäste waren in der ersten Halbzeit besser, aber das Tor fiel erst spät.\nShare"
    assert document_language(text) == "de"
    assert document_language("Rebels attacked the town, and the army said it was ready.") == "en"
    assert document_language("OK") is None


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Die Regierung hat am Montag beschlossen, die Steuern für kleine Betriebe zu senken.", "de"),
        ("Le gouvernement a décidé lundi de baisser les impôts des petites entreprises du pays.", "fr"),
        ("El gobierno decidió el lunes bajar los impuestos de las pequeñas empresas del país.", "es"),
        ("The government decided on Monday to cut taxes for the small businesses of the country.", "en"),
        # a headline the identifier alone reads as a pidgin: its stop words say English
        ("Fighters kill at least twelve in raid on northern border town", "en"),
        ("Rio de Janeiro, 20 August 2024", None),  # too few words to tell
    ],
)
def test_a_documents_language_is_identified(text, language):
    from eventcoder.nlp.language import identify_language

    assert identify_language(text) == language


def test_only_documents_in_the_models_language_or_none_are_coded():
    from eventcoder.nlp.language import is_model_language

    assert is_model_language("en") and is_model_language(None) and not is_model_language("de")


@pytest.mark.parametrize(
    "text",
    [
        "Rebels shelled the town twice; the town was shelled again at dawn.",
        "Die Polizei nahm  zwei Männer fest, die Polizei sagt nichts. ",
        "",
        " ",
        "ПОЛИЦИЯ ЗАДЕРЖАЛА ДВОИХ",
    ],
)
def test_the_identifiers_cached_walk_scores_as_py3langid_does(text):
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    from eventcoder.lexicons.data import read_toml
    from eventcoder.nlp.language import _identifier

    plain = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    plain.set_languages(read_toml("languages.toml")["identifier_languages"])
    cached = _identifier()
    for _twice in range(2):  # once to fill the word walks, once reading them
        assert cached._decide(text).tobytes() == plain._decide(text).tobytes()
