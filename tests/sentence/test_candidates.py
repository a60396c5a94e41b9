"""The type a mention's own words choose (candidates.TYPE_RULES): each rule's example is typed by
that rule, against the reading its trigger word alone would give; and the acts the rules leave alone."""

from dataclasses import replace

import pytest

from eventcoder.nlp.syntax import sent_lemmas
from eventcoder.sentence.candidates import TYPE_RULES, type_rule
from eventcoder.sentence.triggers import find_trigger

from ..helpers import nlp

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("rule", TYPE_RULES, ids=lambda r: r.name)
def test_each_rule_types_its_example(rule):
    mentions = nlp()(rule.example)._.ec_mentions
    typed = []
    for m in mentions:
        own = find_trigger(m.trigger, sent_lemmas(m.sent))
        as_read = replace(m, type=own.type, mode=own.mode) if own is not None else m
        if own is not None and own.type != m.type and type_rule(as_read) is rule:
            assert rule.choose(as_read) == (m.type, m.mode)
            typed.append(m)
    assert typed, [(m.trigger.text, m.type, m.mode) for m in mentions]


def types(text):
    return [(m.type, m.mode) for m in nlp()(text)._.ec_mentions]


def test_a_march_by_troops_shows_force():
    assert ("MOBILIZE", "troops") in types(
        "Soldiers of the army held a flag march through the old town, where protesters had gathered on Friday."
    )


def test_a_protest_march_stays_a_protest():
    assert (
        types("Thousands of protesters marched on parliament, chanting against the new tax.")[0][0]
        == "PROTEST"
    )


def test_a_crowd_blocking_roads_protests_and_police_blocking_them_coerce():
    assert ("PROTEST", "obstruct") in types(
        "Striking villagers blocked the main road to the mine for a week."
    )
    assert ("COERCE", "restrict") in types("Police blocked roads leading to the central square on Sunday.")


def test_whoever_is_evacuated_decides():
    assert [
        t for t, _ in types("Rescue workers and soldiers evacuated hundreds of residents from the town.")
    ] == ["AID"]
    assert ("RETREAT", "withdraw") in types("The army evacuated its soldiers from the besieged base.")


def test_a_deed_called_a_coup_is_condemned():
    got = types(
        "The storming of the palace was a senseless coup against the elected president, the minister said."
    )
    assert ("ACCUSE", "disapprove") in got and ("COERCE", "seize") not in got


def test_people_moved_to_safety_are_no_deportation_and_prisoners_moved_are():
    # the lexicon's "move" row is blocked by words of safety (event_lexicon.csv): no COERCE deport
    assert ("COERCE", "deport") not in types("Hundreds of villagers have been moved to safety.")
    assert types("The prisoners were moved to a camp in the desert.") == [("COERCE", "deport")]


def test_places_ordered_shut_are_a_measure_and_people_ordered_to_act_are_asked():
    assert ("COERCE", "restrict") in types("The army ordered all shops shut until further notice.")
    assert [t for t, _ in types("The general ordered the rebels to close the road.")] == ["REQUEST"]
