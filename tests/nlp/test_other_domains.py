"""Lexicon conditions (``needs``/``blocks`` of data/en/event_lexicon.csv) for the senses of conflict
words outside conflict: medicine, sport, fiction, music, disasters, games. Each sentence is
coded alone (the pre-filter is not in the way)."""

import pytest

from ..helpers import nlp

pytestmark = pytest.mark.slow


def types(text):
    return [m.type for m in nlp()(text)._.ec_mentions]


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("The antibodies attack the virus before it reaches the lungs.", "ASSAULT"),
        ("White blood cells meet their enemy in the lymph nodes.", "CONSULT"),
        ("The home side attacked down the left and the keeper pushed the shot wide.", "ASSAULT"),
        ("The rebound fell to the visitors, whose quick attack ended in a corner.", "ASSAULT"),
        ("In the sequel the heroine sets out to destroy the tyrant's palace.", "ASSAULT"),
        ("The second album keeps up the onslaught from the first track to the last.", "ASSAULT"),
        ("Floods forced the town's garrison base to be evacuated on Monday.", "RETREAT"),
        ("The wildfire forced officials to shut the highway and evacuate residents.", "COERCE"),
        ("The wildfire forced officials to shut the highway and evacuate residents.", "AID"),
        ("The blaze killed four people in the hills above the town.", "ASSAULT"),
        ("Healing while you are fighting the boss makes the game too easy.", "ASSAULT"),
        ("Each player who trades in a set of cards receives reinforcements.", "MOBILIZE"),
        ("Her character is tortured in the second act, a strong performance.", "ASSAULT"),
        # an idea championed, a denial of guilt: no party backed, no proposal turned down
        ("The late leader championed Pan-Arabism and self-reliance all his life.", "SUPPORT"),
        ("The former minister rejects any wrongdoing and says he will clear his name.", "REJECT"),
        # a body named "coordination" is no act of cooperation
        ("About 300 families fled, according to the general coordination of displaced people.", "COOPERATE"),
        # software and page furniture
        ("The new version supports every browser released since 2019.", "SUPPORT"),
        ("Support for the old plugin ends with this update.", "SUPPORT"),
        ("By using this website you agree to our use of cookies.", "AGREE"),
        ("Accept the terms and the privacy policy to subscribe to our newsletter.", "AGREE"),
        ("Critics praised the album and the band's live performance.", "SUPPORT"),
    ],
)
def test_no_event_outside_conflict(text, absent):
    assert absent not in types(text)


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("Gunmen attacked a football stadium in the north, killing six.", "ASSAULT"),
        ("The two foreign ministers met in Geneva on Tuesday.", "CONSULT"),
        ("Troops evacuated the border base after the shelling.", "RETREAT"),
        ("The army sent reinforcements to the besieged town.", "MOBILIZE"),
        ("Guards tortured the detainees in the prison for weeks.", "ASSAULT"),
        ("The senator championed the peace plan in the assembly.", "SUPPORT"),
        ("The rebels rejected the ceasefire offered by the government.", "REJECT"),
        ("Neighbouring states said they support the transitional government.", "SUPPORT"),
        ("Both sides agreed to a ceasefire on Sunday.", "AGREE"),
        ("The two armies announced closer coordination along the border.", "COOPERATE"),
    ],
)
def test_the_conflict_sense_stays(text, present):
    assert present in types(text)
