"""A statement said again, in the words it quoted or with the object its verb took, is one
statement (eventcoder.document.said_again)."""

import pytest

from ..helpers import code, told

pytestmark = pytest.mark.slow


def test_a_statement_quoted_again_is_one_statement():
    text = (
        'The governor warned the strikers that they "will be punished for every lost day" on Monday. '
        "Buses stood idle in the depots and commuters walked to work. "
        '"All of them will be punished for every lost day," Governor Ade Bola said.'
    )
    [threat] = [e for e in code(text) if e["type"] == "THREATEN"]
    assert len(told(threat)) == 2


def test_words_quoted_again_on_another_day_are_another_statement():
    text = (
        'The governor warned the strikers on Monday that they "will be punished for every lost day". '
        'On Thursday he warned them that they "will be punished for every lost day".'
    )
    assert len([e for e in code(text) if e["type"] == "THREATEN"]) == 2


def test_a_statement_whose_verb_takes_its_object_again_is_one_statement():
    text = (
        "The defence ministry of Somalia rejected Kenya's claims that its troops had crossed the border near "
        "Mandera on Monday. Traders in the border town kept their shops shut and buses stopped running for "
        "the day. Speaking in Mogadishu, Somali foreign minister Ahmed Fiqi firmly rejected Kenya's claims of "
        "an incursion."
    )
    [rejection] = [e for e in code(text) if e["type"] == "REJECT"]
    assert len(told(rejection)) == 2


def test_a_statement_whose_verb_takes_another_object_is_another():
    text = (
        "The defence ministry of Somalia rejected Kenya's claims that its troops had crossed the border near "
        "Mandera on Monday. Traders in the border town kept their shops shut and buses stopped running for "
        "the day. Speaking in Mogadishu, Somali foreign minister Ahmed Fiqi firmly rejected Ethiopia's offer "
        "of talks."
    )
    assert len([e for e in code(text) if e["type"] == "REJECT"]) == 2


def test_one_speaker_making_the_same_statement_twice_is_one_statement():
    text = (
        "Foreign Minister Ana Ruiz strongly condemned the cowardly murder of the mayor of Tulum on Monday. "
        "Police said the gunmen fled on motorbikes. "
        "Foreign Minister Ana Ruiz condemned the murder."
    )
    [accusation] = [e for e in code(text) if e["type"] == "ACCUSE"]
    assert len(told(accusation)) == 2


def test_two_speakers_making_one_statement_are_two():
    text = (
        "Foreign Minister Ana Ruiz condemned the murder of the mayor of Tulum on Monday. "
        "President Luis Ortega condemned the murder."
    )
    assert len([e for e in code(text) if e["type"] == "ACCUSE"]) == 2


def test_one_sides_condemnation_told_again_by_another_of_its_names_is_one_statement():
    text = (
        "Gunmen attacked a police post in the town of Gao on Monday, killing three officers. "
        "Mali's foreign minister Abdoulaye Diop condemned the attack. "
        "Shops in the old town stayed closed for most of the day and buses stopped running. "
        '"The Government of Mali strongly condemns this cowardly act against our police," the statement said.'
    )
    [condemnation] = [e for e in code(text) if e["type"] == "ACCUSE"]
    assert len(told(condemnation)) == 2


def test_two_countries_condemnations_stay_two():
    text = (
        "Gunmen attacked a police post in the town of Gao on Monday, killing three officers. "
        "Mali's foreign minister Abdoulaye Diop condemned the attack. "
        "France's foreign minister Jean-Noel Barrot also condemned the attack."
    )
    assert len([e for e in code(text) if e["type"] == "ACCUSE"]) == 2
