"""How many: counts of killed and wounded, with their low, best and high."""

import pytest

from eventcoder.sentence.casualties import find_casualties, implied
from eventcoder.sentence.casualty_numbers import number_tokens, quantities, word_numbers, words
from eventcoder.sentence.fates import COUNT_RULES, GOVERNOR_RULES, LAST_RULES, fate_rule

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
        # a count past its own fate word is of another fate, not added to the first
        ("The raid left four dead and 15 injured.", [("killed", 4, 4, 4), ("wounded", 15, 15, 15)]),
        (
            "Officials reported three fatalities, nine injuries and heavy damage to the port.",
            [("killed", 3, 3, 3), ("wounded", 9, 9, 9)],
        ),
        # the second victims joined to the verb by the parser are counted with the first
        (
            "Militants attacked the convoy, killing two police officers and at least five civilians.",
            [("killed", 7, 7, 7)],
        ),
        # a count "of them" in apposition is a part of the count before it
        ("At least 20 people, three of them soldiers, died in the raid.", [("killed", 20, 20, None)]),
        # a vague word times a multiplier; a multiplier after an article, with its qualifier
        (
            "Four people were killed and several hundred injured in the riots.",
            [("killed", 4, 4, 4), ("wounded", 300, 300, 1000)],
        ),
        ("More than a hundred people were wounded in the blast.", [("wounded", 100, 100, None)]),
        ("The shelling wounded a number of villagers.", [("wounded", 2, 2, None)]),
        (
            "The bombing left 40 people dead and 70 more wounded.",
            [("killed", 40, 40, 40), ("wounded", 70, 70, 70)],
        ),
        # number words the tokenizer splits, vague plurals of vague plurals, a qualifier parsed as a preposition
        ("Twenty-one soldiers died in the ambush.", [("killed", 21, 21, 21)]),
        ("Tens of thousands of people were killed in the war.", [("killed", 10000, 10000, 99000)]),
        ("Tens of people were killed in the raid.", [("killed", 10, 10, 99)]),
        ("Over a dozen people were killed in the raid.", [("killed", 12, 12, None)]),
        # killed or wounded, killed and wounded with no count of their own: a count of neither
        ("The rebels said at least 15 officers had been killed or wounded.", []),
        ("The rebels said 40 soldiers had been killed or wounded.", []),
        ("Dozens of people were killed and wounded in the shelling.", []),
        # a fate verb the parser made the modifier of its count ("injured dozens")
        (
            "After the blasts, which killed at least 13 and injured dozens, the embassy issued an alert.",
            [("killed", 13, 13, None), ("wounded", 12, 12, 99)],
        ),
        # a count the parser cut off from its passive fate verb, a part "among them" not added
        (
            "The charity said its office was raided and six of its staff - nurses and guards among them, were killed.",
            [("killed", 6, 6, 6)],
        ),
        # a count of the wounded counts that many wounded, at least; of the wounded who died, the dead
        (
            "The doctor said more than 20 of the wounded were still being treated on Friday.",
            [("wounded", 20, 20, None)],
        ),
        ("Two of the wounded died in hospital on Friday.", [("killed", 2, 2, 2)]),
        ("Nine in ten of the injured had been hit by gunfire.", []),
        # the other end of a range is no more people
        (
            "Officials put the number of people killed in the city since Monday at between 30 and 36.",
            [("killed", 30, 30, 36)],
        ),
        # "many" with a fate counts as quantities.csv codes it; without one, no count
        (
            "The shelling of the town killed 51 people and left many others wounded.",
            [("killed", 51, 51, 51), ("wounded", 10, 10, None)],
        ),
        ("Many people fled the fighting in the north.", []),
        ("They were told to kill as many people as possible.", []),
        # "among" after a copula names the whole toll, its subject the part
        ("Two generals were among the seven people killed in the attack.", [("killed", 7, 7, 7)]),
        ("At least 12 people were killed, among them four children.", [("killed", 12, 12, None)]),
        # people taken to hospital, or left in one, are wounded; not those killed in one
        ("Rescuers rushed 30 people to hospital after the blast.", [("wounded", 30, 30, 30)]),
        ("The clashes left at least 20 people in hospital.", [("wounded", 20, 20, None)]),
        ("Twelve people were hospitalised after the blast.", [("wounded", 12, 12, 12)]),
        ("The strike killed 20 people in a hospital in Gaza.", [("killed", 20, 20, 20)]),
        # all of them unharmed: none killed, none wounded
        (
            "The tanker was hit by a drone, but the entire crew was unharmed.",
            [("killed", 0, 0, 0), ("wounded", 0, 0, 0)],
        ),
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
        (
            "The mayor was killed on Friday, together with his driver and a guard, when gunmen ambushed his car.",
            3,
            None,
        ),
        (
            "The district governor, a tribal elder and a police officer were killed in the blast on Friday.",
            3,
            None,
        ),
        (
            "An army captain, Omar Haddad, and a medic were killed when the convoy was ambushed on Friday.",
            2,
            None,
        ),
        # the victim nearest the verb, when the parser takes a dateline's place for a subject too
        (
            "Bamako (Mali): Mayor Oumar Diallo was assassinated early Friday in an attack on his house, the governor said.",
            1,
            None,
        ),
        # a fate verb joined to the event's verb, or to the passive it shares
        ("A policeman was shot and killed in Derry on Monday.", 1, None),
        ("Gunmen stormed the house and killed the mayor on Monday.", 1, None),
        # a second victim with a fate of its own is not counted with the first
        ("A soldier was killed and a second one wounded in the ambush on Tuesday.", 1, 1),
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
@pytest.mark.parametrize("rule", COUNT_RULES + GOVERNOR_RULES + LAST_RULES, ids=lambda r: r.name)
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


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, verb, expected",
    [
        ("Officer Daniel Moreno died of his wounds on Tuesday after the ambush.", "died", ("killed", 1)),
        (
            "Mourners gathered for the commander, who was killed in a drone strike last week.",
            "killed",
            ("killed", 1),
        ),
        ("Nobody was hurt in the blast.", "hurt", ("wounded", 0)),
        ("The mayor was shot in the ambush and taken to hospital.", "shot", ("wounded", 1)),
        (
            "In February, detective John Kelly was shot several times by gunmen in Omagh.",
            "shot",
            ("wounded", 1),
        ),
        ("The student was shot in the head and died on the way to hospital.", "shot", None),
        ("The destroyer shot one missile down over the Red Sea.", "shot", None),
        ("The rebels said the captain had been killed or wounded.", "killed", None),
    ],
)
def test_victims_named_by_the_verb(text, verb, expected):
    [tok] = [t for t in nlp()(text) if t.text == verb]
    found = implied(tok)
    assert ((found[0], found[1].best) if found else None) == expected


@pytest.mark.slow
def test_a_toll_of_another_time_is_not_the_events():
    text = "The bombing on Monday was the deadliest since March 3, when 20 people died in a blast in Quetta."
    assert sorted((e["fatalities"] or {}).get("best") or 0 for e in code(text)) == [0, 20]
    text = (
        "A suicide bomber struck a market in Quetta on Monday, the worst attack in the city since 2019, "
        "when gunmen killed 35 worshippers at a mosque."
    )
    assert [e["fatalities"] for e in code(text) if e["type"] == "ASSAULT"] == [None]


@pytest.mark.slow
def test_the_victim_of_the_clause_the_event_hangs_from():
    """ "X succumbed to his wounds after the convoy came under fire": the verb the event's clause
    hangs from names its victim."""
    [event] = code("The envoy succumbed to his wounds on Monday after his convoy came under fire near Goma.")
    assert event["fatalities"]["best"] == 1


@pytest.mark.slow
def test_victims_also_killed_are_added_to_the_toll():
    text = (
        "The envoy succumbed to his wounds on Monday after his convoy came under fire near Goma.\n\n"
        "A policeman and a driver were also killed, the foreign ministry said."
    )
    [event] = code(text, "2024-03-13")
    assert event["fatalities"]["best"] == 3


@pytest.mark.slow
def test_a_victim_named_again_is_no_competing_figure():
    """A later sentence naming one of the victims counted before ("killed the driver") is a part of
    the toll, not another claimant's smaller figure."""
    text = (
        "The ambassador was killed on Monday, together with his bodyguard and a driver, when gunmen "
        "attacked the convoy near Goma, the UN said.\n\n"
        "The gunmen killed the driver and fled into the forest, the governor told reporters."
    )
    [event] = [e for e in code(text, "2024-03-13") if e["type"] == "ASSAULT"]
    assert event["fatalities"]["best"] == 3 and not event["sources"][0].get("claims")
