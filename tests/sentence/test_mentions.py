"""Folding the triggers of one event together, and keeping separate events apart."""

import pytest

from ..helpers import nlp

pytestmark = pytest.mark.slow


def types(text):
    return [m.type for m in nlp()(text)._.ec_mentions]


def test_one_event_for_verb_and_means():
    [m] = nlp()("Eleven civilians were killed in an air strike on the market.")._.ec_mentions
    assert m.type == "ASSAULT" and m.mode == "aerial"


def test_light_verb_carries_the_noun():
    [m] = nlp()("Militants launched an attack on the base.")._.ec_mentions
    assert m.trigger.text == "attack" and m.governor.text == "launched" and m.actor.text == "Militants"


def test_a_weapon_verb_carries_its_weapon_and_a_message_its_content():
    [m] = nlp()("Syrian army helicopters dropped barrel bombs on Daraya on Monday.")._.ec_mentions
    assert m.trigger.text == "bombs" and m.governor.text == "dropped" and m.mode == "aerial"
    [m] = nlp()("The governments of Mali and Niger sent messages of solidarity to Ouagadougou.")._.ec_mentions
    assert m.type == "SUPPORT" and m.governor.text == "sent"


def test_casualties_are_one_event():
    assert types(
        "In April, the army launched another attack that left 36 people dead and hundreds wounded."
    ) == ["ASSAULT"]


def test_two_material_acts_stay_two():
    got = types("Police fired tear gas and arrested 40 demonstrators after the march.")
    assert "COERCE" in got and "ASSAULT" in got


def test_one_statement_is_one_event():
    got = types(
        "The foreign ministry condemned the strikes and summoned the ambassador to demand an explanation."
    )
    assert got == ["ACCUSE"]


def test_separate_clauses_with_their_own_subjects():
    got = nlp()(
        "Rebels attacked a base in the north, while government jets bombed rebel positions in the south."
    )
    assert [m.type for m in got._.ec_mentions] == ["ASSAULT", "ASSAULT"]


def test_a_mass_signing_is_not_an_agreement():
    got = types(
        "In 2008, more than 3 million Iraqi Shiites signed a declaration that called for the eviction of "
        "the regime."
    )
    assert "AGREE" not in got and "REQUEST" in got


def test_placing_sanctions_is_the_sanction_and_its_reason_folds_in():
    # "placed" carries the noun: the bloc is the actor, and its stated reason is the same act
    [m] = nlp()(
        "The bloc placed sanctions on the militia, accusing it of abuses against civilians."
    )._.ec_mentions
    assert m.type == "SANCTION" and m.actor.text == "bloc" and m.governor.text == "placed"
