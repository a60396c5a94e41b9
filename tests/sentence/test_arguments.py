"""Actor and target from the parse, and the words that name a party."""

import pytest

from eventcoder.nlp.syntax import is_passive, passive_subject
from eventcoder.sentence.actor_rules import ACTOR_CHECKS, ACTOR_FINDERS
from eventcoder.sentence.argument_words import endings, words
from eventcoder.sentence.arguments import find_arguments, is_thing, noun_arguments, owner_of_thing, partner_of
from eventcoder.sentence.mentions import find_mentions
from eventcoder.sentence.party_words import is_partylike, party_head, party_span
from eventcoder.sentence.target_finders import CANDIDATE_FINDERS
from eventcoder.sentence.target_rules import SIDE_RULES, TARGET_RULES

from ..helpers import hand_doc, nlp

TABLES = {
    "actor finder": ACTOR_FINDERS,
    "actor check": ACTOR_CHECKS,
    "candidate finder": CANDIDATE_FINDERS,
    "target rule": TARGET_RULES,
    "side rule": SIDE_RULES,
}


@pytest.mark.parametrize("kind", list(TABLES))
def test_rules_are_named_once_with_a_sentence(kind):
    names = [r.name for r in dict.fromkeys(TABLES[kind])]
    assert len(names) == len(set(names))
    for rule in TABLES[kind]:
        assert rule.example[0].isupper() and rule.example.endswith("."), rule.name


def test_the_argument_words_are_data():
    assert "between" in words("sides_preps") and "dead" in words("fate_words")
    assert "ion" in endings("event_noun_suffixes")


def _drafts(text):
    return [find_arguments(m) for m in nlp()(text)._.ec_mentions]


@pytest.mark.slow
@pytest.mark.parametrize("rule", ACTOR_FINDERS, ids=lambda r: r.name)
def test_each_actor_finder_supplies_the_actor_of_its_example(rule):
    assert any(d.actor_rule == rule.name and d.actor is not None for d in _drafts(rule.example))


@pytest.mark.slow
@pytest.mark.parametrize("rule", ACTOR_CHECKS, ids=lambda r: r.name)
def test_each_actor_check_changes_the_actor_of_its_example(rule):
    assert any(rule.name in d.fired for d in _drafts(rule.example))


@pytest.mark.slow
@pytest.mark.parametrize("rule", CANDIDATE_FINDERS, ids=lambda r: r.name)
def test_each_candidate_finder_contributes_a_candidate_on_its_example(rule):
    assert any(name == rule.name for d in _drafts(rule.example) for name, _tok in d.found)


@pytest.mark.slow
@pytest.mark.parametrize("rule", TARGET_RULES, ids=lambda r: r.name)
def test_each_target_rule_supplies_the_target_of_its_example(rule):
    drafts = _drafts(rule.example)
    if rule.overrides:  # it sets a target aside for a later rule to replace
        assert any(rule.name in d.fired for d in drafts)
    else:
        assert any(d.target_rule == rule.name and d.target is not None for d in drafts)


@pytest.mark.slow
@pytest.mark.parametrize("rule", list(dict.fromkeys(SIDE_RULES)), ids=lambda r: r.name)
def test_each_side_rule_fires_on_its_example(rule):
    assert any(rule.name in d.fired for d in _drafts(rule.example))


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, rule, word",
    [
        ("Residents reported an attack on the base.", "noun_objects", "base"),
        (
            "The agency distributed rice, cooking oil and blankets to 600 households.",
            "recipients",
            "households",
        ),
        ("The army flew troops in to search for the attackers.", "pursued", "attackers"),
        ("Soldiers fired warning shots and tear gas at the protesters.", "agent_clause", "protesters"),
    ],
)
def test_a_candidate_finder_contributes_its_word(text, rule, word):
    assert (rule, word) in {(name, tok.text) for d in _drafts(text) for name, tok in d.found}


def test_active_voice_on_hand_built_doc():
    doc = hand_doc(
        [
            ("Gunmen", 1, "nsubj", "NNS", "gunman", "NOUN"),
            ("attacked", 1, "ROOT", "VBD", "attack", "VERB"),
            ("the", 3, "det", "DT", "the", "DET"),
            ("village", 1, "dobj", "NN", "village", "NOUN"),
        ]
    )
    [m] = find_mentions(doc)
    assert (m.type, m.actor.text, m.target.text) == ("ASSAULT", "Gunmen", "village")


def test_passive_voice_on_hand_built_doc():
    doc = hand_doc(
        [
            ("The", 1, "det", "DT", "the", "DET"),
            ("convoy", 3, "nsubjpass", "NN", "convoy", "NOUN"),
            ("was", 3, "auxpass", "VBD", "be", "AUX"),
            ("attacked", 3, "ROOT", "VBN", "attack", "VERB"),
            ("by", 3, "agent", "IN", "by", "ADP"),
            ("militants", 4, "pobj", "NNS", "militant", "NOUN"),
        ]
    )
    [m] = find_mentions(doc)
    assert (m.actor.text, m.target.text) == ("militants", "convoy")


def mentions(text):
    return [
        (
            m.type,
            m.actor.text if m.actor is not None else None,
            party_span(m.target).text if m.target is not None else None,
        )
        for m in nlp()(text)._.ec_mentions
    ]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Militants launched a deadly attack on an army base in Borno on Monday.",
            [("ASSAULT", "Militants", "an army base")],
        ),
        ("Police arrested twelve protesters in Tbilisi.", [("COERCE", "Police", "protesters")]),  # no count
        ("The village was shelled by government forces.", [("ASSAULT", "forces", "The village")]),
        (
            "Thousands of workers staged a protest against the new tax in Nairobi.",
            [("PROTEST", "Thousands", "the new tax")],
        ),
        # two sides agreeing on a thing: the other side is the target, not the thing
        ("Russia and Turkey agreed a ceasefire in March 2020.", [("AGREE", "Russia", "Turkey")]),
        # "on" taken for a particle by the parser still introduces the addressee
        (
            "The UN Support Mission in Libya called on all parties on Tuesday to preserve the gains.",
            [("REQUEST", "Mission", "all parties")],
        ),
    ],
)
def test_parsed_sentences(text, expected):
    assert mentions(text) == expected


@pytest.mark.slow
def test_weapon_is_not_the_actor():
    [m] = nlp()("Artillery shells fired by the Rapid Support Forces struck the camp.")._.ec_mentions
    assert party_span(m.actor).text == "the Rapid Support Forces"


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, index, expected",
    [
        ("The government restored broadband internet on Sunday.", 4, True),
        ("Authorities suspended mobile internet services in the valley.", 4, True),
        ("Thousands protested against the official results.", 5, True),  # "official" is no party here
        ("Gunmen attacked a residential building in the city.", 5, False),  # it stands for its residents
        ("Police arrested four men in the town.", 3, False),  # people
        ("The army condemned the killings.", 4, False),  # a deed stands for whoever did it
    ],
)
def test_things_are_not_targets(text, index, expected):
    assert is_thing(nlp()(text)[index]) is expected


@pytest.mark.slow
def test_owner_of_a_thing_is_the_target():
    doc = nlp()("The government rejected the ELN's demand on Monday.")
    assert owner_of_thing(doc[6]).text == "ELN"


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, target",
    [
        (
            "Residents blocked the main road on Friday, demanding that the federal government send troops.",
            "the federal government",
        ),
        ("The president urged Western allies to speed up deliveries of air defence.", "Western allies"),
        ("The UN mission called on all parties to settle their differences.", "all parties"),
    ],
)
def test_whom_a_demand_addresses(text, target):
    [m] = [m for m in nlp()(text)._.ec_mentions if m.type in ("PROTEST", "REQUEST")]
    assert party_span(m.target).text == target


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, actor, target",
    [
        (
            "The government condemned the attack carried out by the ELN against the military base.",
            "the ELN",
            "the military base",
        ),
        ("We reject the agreement that Baghdad and Erbil signed.", "Baghdad", None),
    ],
)
def test_event_noun_arguments_from_its_clause(text, actor, target):
    doc = nlp()(text)
    noun = next(t for t in doc if t.lemma_ in ("attack", "agreement"))
    a, t = noun_arguments(noun)
    assert party_span(a).text == actor
    assert (party_span(t).text if t is not None else None) == target


@pytest.mark.slow
def test_national_weapons_name_the_national_forces():
    [m] = nlp()("Pakistani jets carried out air strikes on several villages.")._.ec_mentions
    assert party_span(m.actor).text == "Pakistani jets"


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, target",
    [
        ("Hamza was handed over to the Stability Support Authority on Tuesday.", "Hamza"),
        (
            "The Deterrence Force detained the brigade's commander, Mahmoud Hamza, at the airport.",
            "Mahmoud Hamza",
        ),
        (
            "The clashes between the 444 Brigade and the Special Deterrence Force erupted on Monday.",
            "the Special Deterrence Force",
        ),
        (
            "Russian jets carried out air strikes on the outskirts of Idlib city, according to the White Helmets.",
            "Idlib city",
        ),
        (
            "Russia struck a residential building in Zaporizhzhia with an Iskander-M missile.",
            "a residential building",
        ),
    ],
)
def test_target_choice(text, target):
    [m] = nlp()(text)._.ec_mentions
    assert party_span(party_head(m.target)).text == target


@pytest.mark.slow
def test_a_threat_is_aimed_at_what_it_threatens_to_attack():
    [m] = [m for m in nlp()("The gang warned that it would attack any town in the valley.")._.ec_mentions]
    assert m.type == "THREATEN" and party_span(m.target).text == "any town"


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, actor, target",
    [
        # whoever "comes under attack" is attacked; "from" names the attacker
        ("The police station came under attack from gunmen on Sunday.", "gunmen", "The police station"),
        # a vehicle stands for the people it carries
        ("Gunmen opened fire on a truck carrying miners in the province.", "Gunmen", "miners"),
        # a weapon in a "with" phrase is the means; its "on" phrase is the target
        (
            "Russia delivered a strike with a Kalibr cruise missile system on an arms depot near Lviv.",
            "Russia",
            "an arms depot",
        ),
        # one plural "between" names both sides
        ("Fighting between rival militias killed 12 people in the city.", "rival militias", "rival militias"),
        # recalling one's own envoy is aimed at the state where the envoy served
        ("The government recalled its ambassador from Moscow on Friday.", "The government", "Moscow"),
        # an arrest warrant "for" someone
        ("A court issued an arrest warrant for the former president.", "A court", "the former president"),
        # a threatened war is aimed at whom it is declared on, not at the body asked to declare it
        (
            "The president warned that he could ask parliament to approve a declaration of war on Eritrea.",
            "The president",
            "Eritrea",
        ),
        # two sides patrolling together: each the other's counterpart, not a town named further on
        (
            "Army units and rebel fighters began joint patrols along the edge of Butig town on Friday.",
            "Army units",
            "rebel fighters",
        ),
    ],
)
def test_targets_from_the_wider_clause(text, actor, target):
    [m] = [m for m in nlp()(text)._.ec_mentions if m.type != "CONSULT"]
    assert party_span(m.actor).text == actor
    assert party_span(m.target).text == target


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, target",
    [
        ("Hundreds of students marched in the capital, chanting against Russia's influence.", "Russia"),
        (
            "Hundreds protested outside parliament on Monday, accusing the government of corruption.",
            "the government",
        ),
        (
            "Residents staged a protest march through the town, demanding that armed groups leave.",
            "armed groups",
        ),
        ("Thousands joined protests against the government's decision on Sunday.", "the government"),
        # a deed named by its state's demonym: that state, before the protesters' own
        ("Iraqi students demonstrated in Amman against the Israeli offensive.", "Israeli"),
        ("Armenians demonstrated in Brussels against the Azerbaijani blockade.", "Azerbaijani"),
    ],
)
def test_whom_a_protest_blames(text, target):
    [m] = [m for m in nlp()(text)._.ec_mentions if m.type == "PROTEST"]
    assert party_span(m.target).text == target


@pytest.mark.slow
def test_a_demand_parsed_as_a_clause_subject_is_still_the_object():
    doc = nlp()("The minister rejected the rebels' demand to be included in the talks.")
    [m] = [m for m in doc._.ec_mentions if m.type == "REJECT"]
    assert m.target.text == "demand" and owner_of_thing(m.target).text == "rebels"  # whose demand it is


@pytest.mark.slow
def test_a_tie_names_the_other_side():
    doc = nlp()("Japan suspended its trade partnership with Myanmar.")
    assert partner_of(doc[4]).text == "Myanmar"
    assert owner_of_thing(doc[4]).text == "Myanmar"  # not "its", which is Japan


@pytest.mark.slow
def test_a_participle_with_its_own_subject_is_passive():
    doc = nlp()("Clashes erupted in the city, with 40 people wounded.")
    wounded = next(t for t in doc if t.text == "wounded")
    assert is_passive(wounded) and passive_subject(wounded).text == "people"
    announced = nlp()("Separatist commanders announced on Wednesday a lockdown across the region.")[2]
    assert announced.tag_ == "VBN" and not is_passive(announced)  # a main verb tagged as a participle


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, actor, target",
    [
        # a spokesman speaks for whoever he speaks for
        ("The army's spokesman accused the rebels of shelling the market.", "The army", "the rebels"),
        ("A spokesman for the rebels accused the army of shelling the market.", "the rebels", "the army"),
        # what burns down or collapses undergoes it
        ("Officials said more than 40 market stalls had burnt down.", None, "market stalls"),
        # a place does nothing: it is done to
        (
            "Aid workers arrived at Aden International Airport, which reopened in May.",
            None,
            "Aden International Airport",
        ),
        # no actor from a copula, nor from a negated agent
        ("Most victims were farmers, and most were killed in attacks not claimed by any group.", None, None),
    ],
)
def test_who_did_nothing(text, actor, target):
    [m] = [m for m in nlp()(text)._.ec_mentions if m.type in ("ASSAULT", "ACCUSE", "CONCEDE")]
    assert (party_span(party_head(m.actor)).text if m.actor is not None else None) == actor
    assert (party_span(party_head(m.target)).text if m.target is not None else None) == target


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, actor, target",
    [
        # the presidents of two states that sign are the states, each the other's counterpart
        (
            "The presidents of Kyrgyzstan and Tajikistan signed a treaty in Bishkek.",
            "Kyrgyzstan",
            "Tajikistan",
        ),
        # money is no party; whom it is demanded from is
        ("The kidnappers demanded five million naira from the families.", "The kidnappers", "the families"),
        # "one of" a weapon is a weapon: no party named
        ("The tanker was damaged when one of the missiles hit it.", None, "it"),
        # the auxiliary not repeated: the wounded are victims, not attackers
        ("Four soldiers were killed and three others wounded in the ambush.", None, "Four soldiers"),
    ],
)
def test_parties_of_a_clause(text, actor, target):
    [m] = [m for m in nlp()(text)._.ec_mentions]
    assert (party_span(party_head(m.actor)).text if m.actor is not None else None) == actor
    assert (party_span(party_head(m.target), counted=True).text if m.target is not None else None) == target


@pytest.mark.slow
def test_an_act_before_another_has_the_same_doers():
    doc = nlp()("The attackers tied up their victims before shooting them.")
    shooting = next(t for t in doc if t.text == "shooting")
    from eventcoder.sentence.arguments import subject_of

    assert subject_of(shooting).text == "attackers"


@pytest.mark.slow
def test_forces_backed_by_tanks_is_no_support_and_whoever_is_asked_to_act_is_the_target():
    kinds = [
        m.type
        for m in nlp()("Tajik forces backed by tanks and drones attacked border villages.")._.ec_mentions
    ]
    assert "SUPPORT" not in kinds and "ASSAULT" in kinds
    [m] = nlp()("The opposition asked the electoral board to delay the vote.")._.ec_mentions
    assert party_span(m.target).text == "the electoral board"


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, target",
    [
        ("The council turned down a Chinese proposal for a ceasefire.", "Chinese"),
        ("Moscow rejected the British draft resolution on Syria.", "British"),
    ],
)
def test_a_rejected_proposal_belongs_to_the_state_its_demonym_names(text, target):
    [m] = [m for m in nlp()(text)._.ec_mentions if m.type == "REJECT"]
    assert party_span(m.target).text == target


@pytest.mark.slow
def test_an_on_phrase_inside_another_verbs_clause_is_not_whom_the_deed_is_blamed_on():
    [d] = _drafts("The minister condemned the raid, calling it an attack on unarmed villagers.")
    assert d.target.text == "raid" and "blamed_on" not in d.fired


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Three people were killed in clashes between demonstrators and security forces in the capital.",
        "Students and soldiers fought in the streets of the capital on Monday.",
    ],
)
def test_violence_between_unarmed_people_and_an_armed_side_is_done_by_the_armed_side(text):
    [d] = [d for d in _drafts(text) if d.m.type == "ASSAULT"]
    assert d.actor.lemma_ in ("force", "soldier") and d.target.lemma_ in ("demonstrator", "student")


@pytest.mark.slow
def test_what_comes_under_attack_after_a_dateline_is_the_subject_next_to_the_verb():
    [d] = _drafts("2023-05 The police station in Kidal, in the north, came under attack from gunmen.")
    assert d.target.text == "station" and d.actor.text == "gunmen"


@pytest.mark.slow
def test_a_refusal_to_deal_is_aimed_at_whom_there_is_no_dealing_with():
    [d] = _drafts("The rebels refused to talk with the government envoy.")
    assert d.m.type == "REJECT" and d.target.text == "envoy"


@pytest.mark.slow
def test_a_participle_on_a_noun_with_its_own_object_is_the_nouns_act():
    [d] = _drafts("Separately, 40 former rebel fighters handed over their rifles on Friday in the town.")
    assert d.actor.text == "fighters" and d.target.text == "rifles"


@pytest.mark.slow
def test_a_judgement_is_about_the_owner_of_what_it_judges():
    """A copula of condemnation is about the owner of the judged deed or word, and it is the
    speaker's: "the rebels' claims are a provocation, the ministry said"."""
    (m,) = [m for m in nlp()("The rebels' claims are a provocation, the ministry said.")._.ec_mentions]
    assert (m.type, m.actor.text, m.target.text) == ("ACCUSE", "ministry", "rebels")


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, kind, target",
    [
        # whoever receives what is handed over, not what is handed (PLOVER's target)
        ("Peru offered to extradite the banker to Chile.", "AGREE", "Chile"),
        ("Sudan extradited the two suspects to Egypt on Friday.", "COOPERATE", "Egypt"),
        # whoever put forward what is backed or turned down
        ("The junta rejected the truce plan put forward by Nigeria.", "REJECT", "Nigeria"),
        ("The council backed Ghana's bid for a seat.", "SUPPORT", "Ghana"),
        ("The envoy praised Ghana's efforts to end the dispute.", "SUPPORT", "Ghana"),
        # what "must" be done is asked of its doer
        ("The rebels must free the hostages, the envoy said.", "REQUEST", "rebels"),
        # a protest at a state's building is aimed at that state
        ("Students protested outside the Chinese consulate on Saturday.", "PROTEST", "consulate"),
        # whom the aid is for
        ("The bank approved a new loan for Kenya.", "AID", "Kenya"),
    ],
)
def test_plover_targets_of_handing_proposals_demands_protests_and_aid(text, kind, target):
    [d] = [d for d in _drafts(text) if d.m.type == kind]
    assert (owner_of_thing(d.target) or d.target).text == target


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        # the sayer of a closing tail, parsed into the clause, is no target
        "Rangers opened fire on Monday, the governor of the province, Ana Lima, told Reuters.",
        # the backer named in a hyphened modifier is no target
        "A rocket was fired on Monday by the Iranian-backed militia.",
    ],
)
def test_the_sayer_and_a_backer_are_never_a_target_named_further_on(text):
    [d] = [d for d in _drafts(text) if d.m.type == "ASSAULT"]
    assert d.target is None


@pytest.mark.slow
def test_among_them_names_whom_a_number_includes_not_two_sides():
    [d] = _drafts("Police said 11 people had been detained, among them four gunmen.")
    assert d.actor is None and d.target.text == "people"


@pytest.mark.slow
def test_armed_men_are_a_party():
    doc = nlp()("Police said heavily armed men stormed the village.")
    assert is_partylike(next(t for t in doc if t.text == "men"))


@pytest.mark.slow
def test_a_party_glued_to_the_day_before_it_is_the_subject():
    [d] = _drafts("On Friday gunmen stormed a bank in the capital.")
    assert d.actor.text == "gunmen" and party_span(d.actor).text == "gunmen"


@pytest.mark.slow
def test_people_a_bare_participle_tells_of_undergo_it():
    [d] = [
        d
        for d in _drafts(
            "The 13 people arrested this Tuesday for the attack on the channel will be prosecuted for terrorism by the prosecutors."
        )
        if d.m.type == "COERCE"
    ]
    assert d.actor is None and d.target.text == "people"


@pytest.mark.slow
def test_who_dies_in_an_attack_suffers_it_and_never_does_it():
    [d] = _drafts("Rebels carried out an attack in which 11 soldiers died.")
    assert d.actor.text == "Rebels" and d.target.text == "soldiers"


@pytest.mark.slow
def test_the_of_phrase_of_a_proposal_names_its_owner():
    [d] = _drafts("Parliament rejected the plan of the opposition.")
    assert d.target.text == "opposition"


@pytest.mark.slow
def test_taking_place_attacks_no_place():
    [d] = [
        d
        for d in _drafts("Soon after the explosion took place near the gate, police sealed off the area.")
        if d.m.type == "ASSAULT"
    ]
    assert d.target is None


@pytest.mark.slow
def test_a_protest_between_an_armed_side_and_protesters_is_the_protesters():
    [d] = [
        d
        for d in _drafts("Violent clashes between the police and the protesters left 20 people hurt.")
        if d.m.type == "PROTEST"
    ]
    assert d.actor.text == "protesters" and d.target.text == "police"


@pytest.mark.slow
def test_who_died_in_the_deed_a_verb_is_done_by_is_its_target():
    [d] = _drafts("The town was struck on Monday by a rebel attack in which nine soldiers died.")
    assert d.target.text == "soldiers"


@pytest.mark.slow
def test_a_passive_deed_in_an_operation_is_done_by_whoever_carried_it_out():
    [d] = _drafts("Four fishermen were wounded in a raid conducted by the coast guard.")
    assert d.actor.text == "guard" and d.actor_rule == "operation_by"
