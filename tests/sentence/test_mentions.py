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


def test_two_measures_of_one_kind_named_apart_stay_two():
    got = [
        (m.type, m.mode)
        for m in nlp()("The army imposed a curfew and closed the border crossings.")._.ec_mentions
    ]
    assert ("COERCE", "curfew") in got and ("COERCE", "restrict") in got
    assert types("Police arrested and detained twelve protesters.") == ["COERCE"]


def test_one_statement_is_one_event():
    got = types(
        "The foreign ministry condemned the strikes and summoned the ambassador to demand an explanation."
    )
    assert got == ["ACCUSE"]


def test_conjoined_statements_of_different_kinds_stay_apart():
    got = types("The ministry denounced the shelling and urged both sides to return to talks.")
    assert sorted(got) == ["ACCUSE", "REQUEST"]
    got = types(
        "The council condemned the shelling and called for an inquiry, but warned that it was ready to retaliate."
    )
    assert sorted(got) == ["ACCUSE", "REQUEST", "THREATEN"]


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


def test_a_mass_signing_is_no_state_support():
    got = types("Last year, more than two million farmers signed a declaration on the border.")
    assert "SUPPORT" not in got and "AGREE" not in got
    assert "SUPPORT" in types("Last year, the two governments signed a declaration on the border.")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The prime minister branded the strike a betrayal of the workers.", "ACCUSE"),
        ("State television called the opposition leaders traitors.", "ACCUSE"),
        ("The minister faulted the generals for the collapse of the front.", "ACCUSE"),
        ("The union wants the cabinet dissolved and early elections held.", "REQUEST"),
        ("The mayor asked that light be shed on the deaths.", "REQUEST"),
        ("The governor stood by the police after the shooting.", "SUPPORT"),
        ("The opposition called for the old constitution to be restored.", "REQUEST"),
        # intent as PLOVER codes it: an offer or a pledge is AGREE, a promised retreat CONCEDE,
        # an order REQUEST, a refusal REJECT, a vow to fight THREATEN
        ("The government offered to hand the two suspects over for extradition.", "AGREE"),
        ("Paris pledged to back the transitional council.", "AGREE"),
        ("The militia promised to withdraw its fighters from the oil port.", "CONCEDE"),
        ("The general ordered his units to pull back from the river.", "REQUEST"),
        ("The prime minister declined to step down after the vote.", "REJECT"),
        ("The insurgents vowed to fight on until the capital falls.", "THREATEN"),
    ],
)
def test_statement_words(text, expected):
    assert expected in types(text)


def test_blame_in_a_relative_clause_the_parser_cut_is_no_description():
    # "that the governor blamed": spaCy hangs "blamed" on "governor" as a participle; the "that" tells
    text = "Two guards died in a raid that the regional governor blamed on smugglers from across the river."
    assert "ACCUSE" in types(text)


def test_a_kept_up_act_is_the_act():
    # "keep up" carries the noun it keeps up, like "continue"
    assert "ASSAULT" in types("Rebels kept up their raids on the garrison through the night.")


def test_calling_for_is_no_accusation():
    got = types("Leaders called for the release of the terrorist suspects.")
    assert "ACCUSE" not in got


def test_the_complement_of_an_intent_is_no_event_that_happened():
    got = types("The government offered to extradite the suspects to Spain.")
    assert got == ["AGREE"]
    got = types("The militia promised to withdraw its fighters from the oil port.")
    assert "RETREAT" not in got


def test_an_attempted_attack_is_an_attack_and_a_foiled_plot_is_not():
    assert types("Gunmen attempted to assassinate the governor on Monday.") == ["ASSAULT"]
    assert "ASSAULT" not in types("Police foiled a plot to bomb the embassy.")
    assert "ASSAULT" not in types("Militants were trying to carry out more attacks.")


def test_a_warning_of_anothers_attack_is_no_threat():
    assert "THREATEN" not in types("Officials warned the embassy of a possible attack by the separatists.")
    assert "THREATEN" in types("The general warned the rebels of a crushing attack by his troops.")


def test_a_shop_order_is_no_demand():
    assert types("Order now and get free shipping on every book.") == []


def test_denying_wrongdoing_is_no_rejection():
    assert "REJECT" not in types(
        "The former minister rejects any wrongdoing and says the charges are political."
    )


def test_placing_sanctions_is_the_sanction_and_its_reason_folds_in():
    # "placed" carries the noun: the bloc is the actor, and its stated reason is the same act
    [m] = nlp()(
        "The bloc placed sanctions on the militia, accusing it of abuses against civilians."
    )._.ec_mentions
    assert m.type == "SANCTION" and m.actor.text == "bloc" and m.governor.text == "placed"


def test_a_reaction_in_a_relative_clause_is_its_own_event_and_the_accused_the_doer():
    ms = nlp()("Six soldiers died in an ambush that the army blamed on separatist rebels.")._.ec_mentions
    by_type = {m.type: m for m in ms}
    assert set(by_type) == {"ASSAULT", "ACCUSE"}
    assert by_type["ASSAULT"].actor.text == "rebels"  # the accused, not the accuser
    assert by_type["ACCUSE"].actor.text == "army" and by_type["ACCUSE"].target.text == "rebels"
    # a describing clause still folds: "a petition warning about the danger"
    assert types("Activists signed a petition warning about the danger of war.").count("THREATEN") == 0


@pytest.mark.parametrize(
    "text, kinds",
    [
        (
            "Ahead of the summit, the generals read a statement warning against any intervention.",
            ["THREATEN"],
        ),
        ("In the wake of the raid, police arrested five men.", ["COERCE"]),
        ("On the eve of the talks, rebels shelled the town.", ["ASSAULT"]),
    ],
)
def test_an_event_named_as_a_point_in_time_is_no_event_here(text, kinds):
    assert types(text) == kinds


def test_each_side_of_a_reciprocal_accusation_is_an_event():
    ms = nlp()("Rwanda and Burundi accused each other of arming the rebels.")._.ec_mentions
    sides = sorted((m.type, m.actor.text, m.target.text) for m in ms)
    assert sides == [("ACCUSE", "Burundi", "Rwanda"), ("ACCUSE", "Rwanda", "Burundi")]
    # sides not named apart stay one record, aimed at both; a clash is one mutual event already
    [m] = nlp()("Both parties blamed one another for the collapse of the talks.")._.ec_mentions
    assert m.type == "ACCUSE" and m.target.i == m.actor.i
    assert types("The militias and the army fought each other in the old town.") == ["ASSAULT"]


def test_a_verb_after_a_noun_parsed_as_an_object_has_that_noun_for_subject():
    # "police" is parsed as one more thing thrown: the next verb is its act, not the youths'
    ms = nlp()("Youths threw rocks and soldiers fired rubber bullets at the crowd.")._.ec_mentions
    assert sorted((m.type, m.actor.text) for m in ms) == [("ASSAULT", "Youths"), ("ASSAULT", "soldiers")]
    # one subject's conjoined acts stay one event
    [m] = nlp()("Gunmen killed two farmers and a herder and wounded five others.")._.ec_mentions
    assert m.actor.text == "Gunmen"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "types"),
    [
        # a deed told by its own past clause is its own event beside an act of another kind
        (
            "A court in Gao sentenced three men over an ambush that killed nine soldiers in May.",
            ["SANCTION", "ASSAULT"],
        ),
        # a circumstance with no clause of its own is the act's circumstance
        ("Police arrested three people during a raid on the market.", ["COERCE"]),
        # a statement about the deed keeps it as its topic
        ("The two armies blamed each other for the shelling, which began before dawn on Friday.", ["ACCUSE"]),
    ],
)
def test_a_circumstance_told_by_its_own_clause_is_a_deed_of_its_own(text, types):
    assert [m.type for m in nlp()(text)._.ec_mentions] == types


def test_a_gathering_force_acts_on_is_an_event_of_its_own():
    got = types(
        "Riot police used water cannon to disperse a demonstration outside the labour ministry on Friday."
    )
    assert "ASSAULT" in got and "PROTEST" in got
    # but a meeting the strike hits is only what it acts on
    assert types("Drones targeted a meeting of rebel commanders near the border.") == ["ASSAULT"]
