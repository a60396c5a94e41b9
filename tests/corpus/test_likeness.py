"""How alike two records' slots are: the checks that two records of one report share."""

import pytest

from eventcoder.corpus.likeness import TWIN_CHECKS, twin_check_failed
from eventcoder.model import Count, DateSpan, Event, Party, Source


def _record(sentence, **slots):
    slots = {
        "type": "SANCTION",
        "mode": "expel",
        "date": DateSpan("2024-02-05", "2024-02-05", "day"),
        "actor": Party("Government of Chad", country="TD", sector="government"),
        "target": Party("Government of Germany", country="DE", sector="government"),
        **slots,
    }
    return Event(
        id=f"ev-{abs(hash(sentence)) % 10_000}", sources=[Source("r", sentence, 0, len(sentence))], **slots
    )


FIRST = _record("Chad expelled the German ambassador on Monday.")
# for each check, the slot that the second record of the check's example has of its own
SECOND = {
    "one type": {"type": "ACCUSE", "mode": "expel"},
    "one mode, told": {"mode": None},
    "one date": {"date": DateSpan("2024-02-07", "2024-02-07", "day")},
    "one spot, told": {},
    "one target": {"target": Party("Government of Sudan", country="SD", sector="rebels")},
    "actors not apart": {"actor": Party("rebels", sector="rebels")},
    "one speaker, said": {"actor": None},
    "one toll, told": {"type": "ASSAULT", "mode": "firearms", "fatalities": Count(4, 4, 4)},
}
# the slots the first record of a check's example has of its own
FIRST_OF = {"one toll, told": {"type": "ASSAULT", "mode": "firearms", "fatalities": Count(1, 1, 1)}}


def test_two_tellings_of_one_expulsion_share_every_slot():
    told_again = _record(
        '"The ambassador has 72 hours to leave," the government said on Monday.',
        target=Party("German ambassador", country="DE", sector="government"),
    )
    assert twin_check_failed(FIRST, told_again) is None


@pytest.mark.parametrize("check", TWIN_CHECKS, ids=lambda c: c.name)
def test_each_check_keeps_its_example_apart(check):
    first = _record(check.example[0], **FIRST_OF.get(check.name, {}))
    second = _record(check.example[1], **SECOND[check.name])
    assert twin_check_failed(first, second) == check.name
    assert check.example[0] != check.example[1]


def test_parties_of_two_countries_are_apart_though_their_names_share_a_word():
    from eventcoder.corpus.likeness import party_score, weights

    chad = Party("Government of Chad", country="TD", sector="government")
    germany = Party("Government of Germany", country="DE", sector="government")
    assert party_score(chad, germany) == weights()["parties"]["other_country"] < 0
    assert party_score(Party("Chadian troops", country="TD"), Party("Chad", country="TD")) > 0


def test_a_toll_told_again_within_half_is_one_deed_and_a_statement_by_its_speaker_one_statement():
    """ "Five people were killed" and, later in the report, "the toll rose to seven": one deed. A
    condemnation told twice by its speaker is one statement; a deed with no actor told is one
    deed (only statements ask for their speaker)."""
    five = _record(
        "Gunmen killed five people in the square.", type="ASSAULT", mode="firearms", fatalities=Count(5, 5, 5)
    )
    seven = _record(
        "The toll rose to seven, police said.", type="ASSAULT", mode="firearms", fatalities=Count(7, 7, 7)
    )
    assert twin_check_failed(five, seven) is None
    said = {"type": "ACCUSE", "mode": "disapprove", "actor": Party("Government of Chad", country="TD")}
    assert (
        twin_check_failed(
            _record("Chad condemned the raid.", **said), _record("Chad called the raid a crime.", **said)
        )
        is None
    )
    unnamed = _record(
        "Five were killed.", type="ASSAULT", mode="firearms", actor=None, fatalities=Count(5, 5, 5)
    )
    assert twin_check_failed(five, unnamed) is None


def test_a_toll_of_several_told_twice_is_one_deed_though_one_telling_names_no_mode_nor_target():
    """ "Twelve soldiers died in two suicide bombings at the gate" and, later in the report, "we know
    that twelve soldiers died in the attack": one deed, its mode and target told once. A single
    death is told of many deeds of one day, and two tellings without a mode say nothing of one."""
    bombing = _record(
        "Twelve soldiers died in two suicide bombings at the gate on Monday.",
        type="ASSAULT",
        mode="suicide-attack",
        target=None,
        fatalities=Count(12, 12, 12),
    )
    attack = _record(
        "We know that twelve soldiers died in the attack.",
        type="ASSAULT",
        mode=None,
        target=None,
        fatalities=Count(12, 12, 12),
    )
    assert twin_check_failed(bombing, attack) is None
    one, another = (
        _record(s, type="ASSAULT", mode=m, target=None, fatalities=Count(1, 1, 1))
        for s, m in (
            ("A soldier was shot dead at the gate.", "firearms"),
            ("A guard died in the attack.", None),
        )
    )
    assert twin_check_failed(one, another) == "one mode, told"
    bare = _record(
        "Twelve soldiers died.", type="ASSAULT", mode=None, target=None, fatalities=Count(12, 12, 12)
    )
    assert twin_check_failed(attack, bare) == "one mode, told"


def test_a_target_named_by_its_proper_name_makes_one_deed_of_two_tellings_one_naming_no_mode():
    """ "Gunmen stormed the Grand Lotus Hotel on Monday" and "a shooting at the Grand Lotus Hotel":
    a building named so is hit once a day, though one telling names no means. "Troops shelled the
    village" / "troops also stormed the village" stay two."""
    hotel = Party("Grand Lotus Hotel", "Grand Lotus Hotel")
    stormed = _record(
        "Gunmen stormed the Grand Lotus Hotel on Monday.", type="ASSAULT", mode=None, target=hotel
    )
    shooting = _record("A shooting at the Grand Lotus Hotel.", type="ASSAULT", mode="firearms", target=hotel)
    assert twin_check_failed(stormed, shooting) is None
    village = Party("village", "the village")
    shelled = _record("Troops shelled the village.", type="ASSAULT", mode="heavy-weapons", target=village)
    again = _record("Troops also stormed the village.", type="ASSAULT", mode=None, target=village)
    assert twin_check_failed(shelled, again) == "one mode, told"


def test_a_measure_and_its_extension_are_two_orders():
    from eventcoder.corpus.likeness import extension_score, tells_extension, weights

    def order(sentence):
        return _record(sentence, type="COERCE", mode="curfew", target=Party("Civilians", sector="civilians"))

    first = order("The governor imposed a night curfew on the port city for three days.")
    again = order("The governor ordered the night curfew kept for another 72 hours.")
    prolonged = order("The curfew on the port city was prolonged by a week.")
    told_again = order("A dusk-to-dawn curfew was declared in the port city.")
    assert tells_extension(again) and tells_extension(prolonged) and not tells_extension(first)
    assert extension_score(first, again) == weights()["weights"]["extension"] < 0
    assert extension_score(first, prolonged) < 0
    assert extension_score(first, told_again) == 0.0
    assert extension_score(again, prolonged) == 0.0
    fight = _record("The fighting extended into the night.", type="ASSAULT", mode="firearms")
    assert extension_score(fight, _record("Rebels fought troops.", type="ASSAULT", mode="firearms")) == 0.0
    assert not tells_extension(order("The curfew lasted more than two days."))


def test_a_telling_naming_the_town_and_one_naming_the_spot_are_one_deed_two_spots_two():
    from eventcoder.corpus.likeness import spots

    square = _record("Riot police fired water cannon at students at Liberty Square in Tbilisi on Friday.")
    town = _record("Water cannon was used against students in Tbilisi.")
    avenue = _record("Riot police also fired water cannon on students in Rustaveli Avenue.")
    assert spots(square) == {"liberty square", "tbilisi"}
    assert twin_check_failed(square, town) is None
    assert twin_check_failed(square, avenue) == "one spot, told"


def test_a_country_and_a_party_named_by_its_peoples_word_agree():
    from eventcoder.corpus.likeness import party_score, weights

    holland = Party("Netherlands", country="NL", sector="government")
    assert party_score(holland, Party("Dutch gunboats")) == weights()["parties"]["shared_word"]
    assert party_score(holland, Party("Somali gunboats")) == 0.0


def test_doers_a_report_tells_as_others_are_not_its_main_events():
    from eventcoder.corpus.likeness import other_doers_score, weights

    march = _record("Farmers marched on the ministry in Lagos.", type="PROTEST", mode="demo")
    others = _record(
        "Other farmers blocked the highway outside Lagos.",
        type="PROTEST",
        mode="demo",
        actor=Party("farmers", text="Other farmers", sector="protesters"),
    )
    same = _record(
        "Farmers blocked the ministry.",
        type="PROTEST",
        mode="demo",
        actor=Party("farmers", text="Angry farmers", sector="protesters"),
    )
    assert other_doers_score(march, others) == weights()["weights"]["other_doers"] < 0
    assert other_doers_score(march, same) == 0.0
