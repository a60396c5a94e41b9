"""How many: counts of killed and wounded, with their low, best and high."""

import pytest

from eventcoder.sentence.casualties import COUNT_RULES, GOVERNOR_RULES, fate_rule, find_casualties
from eventcoder.sentence.casualty_numbers import number_tokens, quantities, word_numbers, words

from ..helpers import code, nlp


def counts(text):
    sent = next(nlp()(text).sents)
    return [(c.role, c.count.low, c.count.best, c.count.high) for c in find_casualties(sent)]


def test_vague_words_are_data():
    q = quantities()
    assert (q["dozens"].best, q["dozens"].high) == (12, 99)
    assert (q["hundreds"].best, q["hundreds"].high) == (100, 999)


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Gunmen stormed the town, killing at least 12 people and wounding 20 others.",
            [("killed", 12, 12, None), ("wounded", 20, 20, 20)],
        ),
        (
            "At least 23 people were killed and dozens wounded when shells struck the camp.",
            [("killed", 23, 23, None), ("wounded", 12, 12, 99)],
        ),
        (
            "The attack left 11 MEK members dead and 500 wounded.",
            [("killed", 11, 11, 11), ("wounded", 500, 500, 500)],
        ),
        ("The death toll from the attack has risen to 34, officials said.", [("killed", 34, 34, 34)]),
        (
            "Between 30 and 36 civilians, among them 11 children, were killed on 7 December.",
            [("killed", 30, 30, 36)],
        ),
        ("Eleven people died.", [("killed", 11, 11, 11)]),
        ("The strike killed three dozen fighters, including two commanders.", [("killed", 36, 36, 36)]),
        ("Up to 15 people were killed in the blast.", [("killed", None, 15, 15)]),
        ("The bombing claimed 14 lives.", [("killed", 14, 14, 14)]),
        ("The drones struck the hospital, killing four patients and a nurse.", [("killed", 5, 5, 5)]),
        ("Police arrested 12 protesters.", []),  # arrests are no casualties
        ("More than 5.2 million Iraqis signed a petition.", []),  # nor signatures
        ("Hundreds of people were displaced by the fighting.", []),
    ],
)
def test_counts(text, expected):
    assert counts(text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, fatalities, injuries",
    [
        ("Police in Rangpur shot dead Abu Sayed on July 16.", 1, None),
        ("Gunmen ambushed the commander on Sunday, killing him and four of his bodyguards.", 5, None),
        ("Artillery fire killed a 62-year-old man and wounded two women on Saturday.", 1, 2),
    ],
)
def test_victims_counted_by_their_names(text, fatalities, injuries):
    [event] = [e for e in code(text) if e["type"] == "ASSAULT"]
    assert (event["fatalities"] or {}).get("best") == fatalities
    assert (event["injuries"] or {}).get("best") == injuries


@pytest.mark.slow
def test_a_toll_in_the_next_sentence_and_its_update():
    text = (
        "Gunmen stormed the town of Mafa on Tuesday.\n\n"
        "Eleven people were killed.\n\n"
        "The death toll from the attack rose to 19 on Thursday.\n\n"
        "More than 7,000 people have been killed in the region since 2004."
    )
    [event] = [e for e in code(text, "2024-03-15") if e["type"] == "ASSAULT"]
    assert event["fatalities"]["best"] == 19
    assert event["sources"][0]["fatalities"] == 19


@pytest.mark.slow
def test_no_casualties_on_other_events():
    [event] = code("Police arrested 12 protesters in Tbilisi on Monday.")
    assert event["fatalities"] is None and event["injuries"] is None


@pytest.mark.slow
def test_competing_claims_are_kept_with_their_claimants():
    text = (
        "Gunmen attacked the village of Mafa on Tuesday, killing 12 people, hospital officials said.\n\n"
        "The militia said three people had been killed in the attack.\n\n"
        "The death toll rose to 19 on Thursday, hospital officials said."
    )
    [event] = code(text, "2024-03-15")
    claims = {c["claimant"]: c["fatalities"] for c in event["sources"][0]["claims"]}
    assert claims == {"hospital officials": 19, "militia": 3}
    assert (event["fatalities"]["low"], event["fatalities"]["best"], event["fatalities"]["high"]) == (
        3,
        3,
        19,
    )


@pytest.mark.slow
def test_a_toll_update_with_no_event_of_its_own():
    text = "Gunmen attacked the village of Mafa on Tuesday, killing 12 people.\n\nThe death toll rose to 19 on Thursday."
    [event] = code(text, "2024-03-15")
    assert event["fatalities"]["best"] == 19


@pytest.mark.slow
@pytest.mark.parametrize("rule", COUNT_RULES + GOVERNOR_RULES, ids=lambda r: r.name)
def test_each_fate_rule_decides_a_count_of_its_example(rule):
    doc = nlp()(rule.example)
    decided = [fate_rule(t) for s in doc.sents for t in number_tokens(s)]
    assert rule.name in [d[0] for d in decided if d is not None], decided


def test_number_words_are_data():
    assert word_numbers()["eleven"] == 11 and word_numbers()["forty"] == 40 and word_numbers()["a"] == 1
    assert "dozens" in words("plural_counts")


def test_no_one_killed_is_a_count_of_none():
    [c] = find_casualties(next(nlp()("No one was killed in the blast, police said.").sents))
    assert c.count.best == 0
    [c] = find_casualties(next(nlp()("One man was killed in the blast, police said.").sents))
    assert c.count.best == 1
