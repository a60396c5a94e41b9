"""Statements of intent: an act only promised, threatened, demanded, refused or announced is
coded as the statement (PLOVER), never as the act."""

import pytest

from eventcoder.sentence.assertion_intent import RULES

from ..helpers import code


def test_rules_have_distinct_names_and_full_sentences():
    assert len({rule.name for rule in RULES}) == len(RULES)
    assert all(rule.example[0].isupper() and rule.example[-1] in ".?" for rule in RULES)


@pytest.mark.slow
@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.name)
def test_each_rule_codes_its_example_as_its_type(rule):
    assert [e["type"] for e in code(rule.example)] == [rule.type]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "types"),
    [
        # a promise to cooperate, not the cooperation
        ("Ghana offered to share intelligence with Togo.", ["AGREE"]),
        # a vow to fight is a threat, not an attack
        ("The insurgents vowed to attack the capital before the rains.", ["THREATEN"]),
        # a readiness to coerce is a threat (PLOVER), and no curfew
        ("The mayor said she was ready to impose a curfew if looting continued.", ["THREATEN"]),
        # a readiness or willingness to cooperate is an offer (PLOVER AGREE)
        ("The rebels said they were willing to negotiate with the government.", ["AGREE"]),
        ("Lima said it stood ready to restore ties with Caracas.", ["AGREE"]),
        # a cooperative act set for a date is an agreed future act; undated, a forecast or a policy
        ("Kenya will sign a border accord with Ethiopia next month.", ["AGREE"]),
        ("The league will recognise only the elected council, its chairman said.", []),
        # a warning of one's own future act is a threat; a warning of others' acts is not
        ("Farmers warned they would march on the capital next week.", ["THREATEN"]),
        ("Officials warned that students would march on the capital.", []),
        # an obligation the speaker lays on another is a demand
        ("The rebels must free the hostages, the envoy said.", ["REQUEST"]),
        # so is a present "have to" in what someone says; a step still to come in the report's voice, or a
        # constraint in the past, demands nothing
        (
            '"The governor has to resign and the council has to go," the union leader told reporters.',
            ["REQUEST"],
        ),
        ("Both chambers still have to approve the truce before it takes effect.", []),
        ("The garrison had to withdraw from the valley after the ambush.", []),
        # a future retreat announced is a concession
        ("The ministry said it would withdraw its troops from the valley.", ["CONCEDE"]),
        # a commitment negated is a refusal
        ("Moscow will not release the detained sailors, an official said.", ["REJECT"]),
        # what is done to the subject is no intent of its own
        ("Tents for the displaced are ready to be moved to the camp.", []),
        # a plot is no threat
        ("A plan to storm the prison was uncovered by the police.", []),
        # a refusal through a noun of intention
        ("The junta said it had no intention of returning the seized province.", ["REJECT"]),
        # a meeting that dates a call is no demand
        ("After a meeting with envoys, the minister called the decision a mistake.", []),
        # a party's future act of force on a condition is a threat; a forecast or a counterfactual is not
        ("Rebels will storm the town if the army does not withdraw, their commander said.", ["THREATEN"]),
        ("Fighting would resume if the talks fail, analysts said.", []),
        ("The army would attack the town if it had enough troops, a general said.", []),
        # a party's own future act of force, declared, is a threat; a belief about others' is not
        ("The insurgents said they would keep up their raids on army convoys.", ["THREATEN"]),
        ("Observers think the insurgents would raid the convoys.", []),
        ("The insurgents said they would not raid the convoys.", []),
    ],
)
def test_statements_of_intent(text, types):
    assert [e["type"] for e in code(text)] == types


@pytest.mark.slow
def test_the_lexicon_vetoes_a_statement_its_rows_block():
    """The REQUEST row of "order" blocks "arrest": ordering an arrest demands nothing of anyone."""
    assert "REQUEST" not in [e["type"] for e in code("The judge ordered the arrest of the former governor.")]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "types"),
    [
        # an act named as the subject of "must" is demanded
        ('"The bombing of hospitals must stop," the aid agency said.', ["REQUEST"]),
        ("The envoy said the checkpoints and the relief corridor must stay open.", ["REQUEST"]),
        # a forecast is no demand
        ("The envoy said the talks will resume in Geneva.", []),
    ],
)
def test_an_act_that_must_end_or_stay_is_demanded(text, types):
    assert [e["type"] for e in code(text)] == types
