"""Words that name no event in their sentence: other senses, descriptions, frames without an act."""

import pytest

from ..helpers import nlp

pytestmark = pytest.mark.slow


def types(text):
    return [m.type for m in nlp()(text)._.ec_mentions]


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # a participle that says who a party is, not what it did
        ("Students demanding reform blocked the main road.", "REQUEST"),
        ("Thousands of villagers backing the governor marched to the capital.", "SUPPORT"),
        # "opposed to" is a stance
        ("Farmers opposed to the new tariff set up roadblocks outside the city.", "ACCUSE"),
        # an armed uprising is no protest
        ("The rebels have led an armed uprising in the hills since 2015.", "PROTEST"),
        # a campaign rally is no protest
        ("The senator told a political rally in the capital that the army was strong.", "PROTEST"),
        # a parliament backing a bill supports no party
        ("Lawmakers backed the draft law on the media in a second reading.", "SUPPORT"),
        # "as the law allows" concedes nothing
        ("Protesters may gather in the square next to the palace, as the law allows.", "CONCEDE"),
        # hailing a boat over the radio
        ("The coastguard hailed the fishing boat over the radio before boarding.", "SUPPORT"),
        # measures that are not military
        ("The minister faulted the military council for taking hasty measures on fuel.", "ASSAULT"),
        # a growing danger is no threat made
        ("The region struggles with growing threats from armed gangs.", "THREATEN"),
        # intransitive: no one acts
        ("The crowd dispersed peacefully after the speech.", "ASSAULT"),
        ("Hours after the whole operation had ended, the minister spoke to reporters.", "RETREAT"),
        (
            "Two sailors died when a missile hit a tanker, the first deadly attack on shipping this year.",
            "AID",
        ),
        # conceding that: admitting, not yielding
        (
            "The general said the dead were fighters, while conceding that some may have been farmers.",
            "CONCEDE",
        ),
    ],
)
def test_no_event_of_this_type(text, absent):
    assert absent not in types(text)


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("Police dispersed the crowd with tear gas.", "ASSAULT"),
        ("The rebels conceded the town after a week of fighting.", "CONCEDE"),
        ("The government opposed the plan to extend the mandate.", "REJECT"),  # PLOVER: opposing a proposal
        ("The army ended its offensive in the north on Monday.", "RETREAT"),
        ("Thousands of teachers rallied outside parliament against the pay cuts.", "PROTEST"),
    ],
)
def test_the_event_stays(text, present):
    assert present in types(text)


def test_according_to_is_no_accord():
    # "according" has the lemma "accord", a word an approval row needs
    assert "SUPPORT" not in types("According to the ministry, the assembly approved the budget on Friday.")
    assert "SUPPORT" in types("The assembly approved the ceasefire accord on Friday.")
