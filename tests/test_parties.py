"""Parties resolved within a document: pronouns, possessives, generic nouns, statements."""

import pytest

from .test_coding import code

pytestmark = pytest.mark.slow


def actors(text, published="2024-03-14"):
    return [(e["type"], (e["actor"] or {}).get("name")) for e in code(text, published)]


def test_possessive_pronoun_finds_the_group():
    text = (
        "Boko Haram has been active in the region for years. The group's most notorious act came in April "
        "2014, when its fighters abducted 276 schoolgirls from Chibok."
    )
    assert ("ASSAULT", "Boko Haram") in actors(text)


def test_pronoun_in_reported_speech_is_the_speaker():
    text = "The Israeli army announced on Thursday that it was sending three battalions to the West Bank."
    assert actors(text) == [("MOBILIZE", "Israel Defense Forces")] or actors(text)[0][1] != "it"


def test_title_gives_the_person():
    [(_, name)] = actors("In April 2011, Prime Minister Nuri al-Maliki launched another attack on the camp.")
    assert name == "Nuri al-Maliki"


def test_people_who_protest_are_protesters():
    [(kind, name)] = actors("Thousands of people marched through Tbilisi on Sunday against the new law.")
    assert kind == "PROTEST" and name.startswith("Protesters")


def test_we_in_a_statement_is_its_author():
    text = (
        "Statement by the Hawiya Centre for Human Rights Monitoring\n\n"
        "Settlers attacked the village of Turmus Ayya on Tuesday.\n\n"
        "We call on the international community to protect Palestinian communities."
    )
    assert ("REQUEST", "Hawiya Centre for Human Rights Monitoring") in actors(text)
