"""Blame laid by naming a deed: a deed noun that only says what something was accuses the party
named on it."""

import pytest

from ..helpers import nlp

pytestmark = pytest.mark.slow


def mentions(text):
    return [(m.type, m.trigger.text) for m in nlp()(text)._.ec_mentions]


def test_a_deed_believed_to_be_a_partys_accuses_it():
    found = mentions("The police chief said the fire was thought to be a Hamas attack.")
    assert ("ACCUSE", "attack") in found


def test_a_deed_named_with_no_party_accuses_no_one():
    found = mentions("The police chief said the fire was thought to be a drone attack.")
    assert "ACCUSE" not in [t for t, _ in found]


def test_the_accusation_is_the_speakers():
    [m] = [
        m
        for m in nlp()("The minister said the blasts were believed to be a Turkish attack.")._.ec_mentions
        if m.type == "ACCUSE"
    ]
    assert m.actor is not None and m.actor.lower_ == "minister"
