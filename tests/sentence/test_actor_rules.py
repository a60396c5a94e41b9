"""Who acts: the grammar of actors.py and the actor rules of actor_rules.py on sentences of their own
(each rule of the tables is also run on its example by test_arguments.py)."""

import pytest
from spacy.tokens import Span

from eventcoder.sentence.actor_rules import ACTOR_CHECKS, ACTOR_FINDERS
from eventcoder.sentence.actors import behind_instrument, subject_of, verb_arguments
from eventcoder.sentence.arguments import find_arguments

from ..helpers import hand_doc, nlp


def _drafts(text):
    return [find_arguments(m) for m in nlp()(text)._.ec_mentions]


def _actor_of(text, trigger):
    [d] = [d for d in _drafts(text) if d.t.text == trigger]
    return d


def test_the_new_rules_are_in_their_tables():
    finders = [r.name for r in ACTOR_FINDERS]
    checks = [r.name for r in ACTOR_CHECKS]
    for name in ("passive_statement", "beside_the_deed", "forces_sent", "gathering_of", "reporter_before"):
        assert name in finders
    assert finders.index("passive_statement") < finders.index("verb_subject")
    assert finders.index("beside_the_deed") < finders.index("verb_subject")
    assert finders.index("reporter_before") > finders.index("verb_subject")
    assert finders.index("deed_of_the_clause") > finders.index("merged_words")
    assert {"subject_in_time_phrase", "named_in_apposition"} <= set(checks)
    assert checks.index("subject_in_time_phrase") < checks.index("weapon_owner")


def test_a_name_swallowed_by_the_phrase_of_time_is_the_subject():
    # "Earlier in July al-Hakim had in effect vetoed the plan", as the parser often reads it: the
    # name a second object of "in"
    doc = hand_doc(
        [
            ("Earlier", 6, "advmod", "RBR", "early", "ADV"),
            ("in", 0, "prep", "IN", "in", "ADP"),
            ("July", 1, "pobj", "NNP", "July", "PROPN"),
            ("Hakim", 1, "pobj", "NNP", "Hakim", "PROPN"),
            ("had", 6, "aux", "VBD", "have", "AUX"),
            ("quietly", 6, "advmod", "RB", "quietly", "ADV"),
            ("vetoed", 6, "ROOT", "VBN", "veto", "VERB"),
            ("the", 8, "det", "DT", "the", "DET"),
            ("plan", 6, "dobj", "NN", "plan", "NOUN"),
        ]
    )
    doc.ents = [Span(doc, 3, 4, label="PERSON")]
    assert subject_of(doc[6]).text == "Hakim"
    doc.ents = []  # no name, no subject: "in July the plan" names no one
    assert subject_of(doc[6]) is None


def test_a_place_at_the_end_of_a_subject_is_not_swallowed():
    # "a day after a drone attack on a ceremony in Homs killed dozens": "Homs" ends a long phrase
    doc = hand_doc(
        [
            ("attack", 3, "npadvmod", "NN", "attack", "NOUN"),
            ("in", 0, "prep", "IN", "in", "ADP"),
            ("Homs", 1, "pobj", "NNP", "Homs", "PROPN"),
            ("killed", 3, "ROOT", "VBD", "kill", "VERB"),
            ("dozens", 3, "dobj", "NNS", "dozen", "NOUN"),
        ]
    )
    doc.ents = [Span(doc, 2, 3, label="GPE")]
    assert subject_of(doc[3]) is None


@pytest.mark.slow
def test_a_clause_on_a_noun_with_its_own_subject_is_active():
    doc = nlp()(
        "The envoy said he had received word that the Sudanese authorities had released 40 prisoners."
    )
    [released] = [t for t in doc if t.text == "released"]
    assert verb_arguments(released)[0].text == "authorities"


@pytest.mark.slow
def test_a_state_body_before_a_weapons_name_owns_it():
    doc = nlp()("Smoke rises after a junta fighter jet bombed a village.")
    [jet] = [t for t in doc if t.text == "jet"]
    assert behind_instrument(jet).text == "junta"
    doc = nlp()("Smoke rises after a fighter jet bombed a village.")
    [jet] = [t for t in doc if t.text == "jet"]
    assert behind_instrument(jet) is None  # "fighter" is no state body


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, trigger, actor",
    [
        # a passive threat in the speaker's words is the speaker's
        ('"Those who did this will be punished," the president said on Sunday.', "punished", "president"),
        # a demand joined to a deed's clause is made by the one who condemned the deed
        (
            "The ministry condemned the raid that killed four farmers and demanded an investigation.",
            "demanded",
            "ministry",
        ),
        # forces deployed stand for whoever deploys them
        ("Soldiers were deployed to the capital on Friday, officials said.", "deployed", "Soldiers"),
        # who gathers at a meeting
        ("A meeting of NATO defence ministers was held in Brussels on Thursday.", "meeting", "ministers"),
    ],
)
def test_actor_rules_on_sentences_of_our_own(text, trigger, actor):
    d = _actor_of(text, trigger)
    assert d.actor is not None and d.actor.text == actor, d.fired


@pytest.mark.slow
def test_a_deed_of_a_clause_is_not_the_sufferers():
    d = _drafts("Hundreds of families lost their homes in the attack on the town.")
    assert all(x.actor is None or x.actor.text != "families" for x in d if x.t.text == "attack")


@pytest.mark.slow
def test_an_office_that_speaks_is_the_body_in_it():
    d = _actor_of("In a statement, the president's office accused Mexico of abusing its immunity.", "accused")
    assert d.actor is not None and d.actor.text == "office"


@pytest.mark.slow
def test_the_blamed_party_does_not_replace_a_doer_named():
    d = _actor_of("Gunmen killed three soldiers on Sunday, the army said, blaming the rebels.", "killed")
    assert d.actor.text == "Gunmen" and "blamed" not in d.fired
    d = _actor_of(
        "Shelling destroyed a school in the town overnight, the mayor said, blaming the rebels.", "destroyed"
    )
    assert d.actor.text == "rebels"


@pytest.mark.parametrize(
    "text, trigger, actor, target",
    [
        (
            "The ministry said in a statement that Hamas bears full responsibility for the raid.",
            "bears",
            "ministry",
            "Hamas",
        ),
        ("The governor said the blame lay with Boko Haram.", "lay", "governor", "Haram"),
    ],
)
def test_who_bears_the_blame_is_the_target_and_who_says_so_lays_it(text, trigger, actor, target):
    d = _actor_of(text, trigger)
    assert d.actor_rule == "blame_bearer" and d.actor.text == actor
    assert d.target is not None and d.target.text == target


@pytest.mark.parametrize(
    ("text", "trigger", "actor"),
    [
        # a passive verb of perception or saying: its subject does the act of the complement
        ("Armed men were seen torching shops in the market.", "torching", "men"),
        ("Masked youths were seen gathering near the bridge, calling for revenge.", "calling", "youths"),
        # a "by" agent makes a participle of a verb the parser read as a past tense
        ("The two farmers shot by soldiers near the dam belonged to a herding clan.", "shot", "soldiers"),
        # ... but a verb that stands by someone is active
        (
            "The president stood by the police, pledging to keep backing the security forces.",
            "stood",
            "president",
        ),
        # who organised a march is its actor, not who joined it
        (
            "Clashes began after thousands joined a protest march organised by the dockers' union.",
            "march",
            "union",
        ),
    ],
)
def test_unseen_reporting_doers(text, trigger, actor):
    d = _actor_of(text, trigger)
    assert d.actor is not None and d.actor.text == actor


def test_a_datelines_place_the_clause_hangs_on_is_no_actor():
    # "Mombasa: Dock workers demanding more pay blocked the port", as the parser may read it after a
    # headline: the clause hung on the place, the workers the subject of "demanding"
    from types import SimpleNamespace

    from eventcoder.sentence.actor_rules import _dateline_place

    doc = hand_doc(
        [
            ("Mombasa", 0, "ROOT", "NN", "Mombasa", "PROPN"),
            (":", 0, "punct", ":", ":", "PUNCT"),
            ("Dock", 3, "compound", "NN", "dock", "NOUN"),
            ("workers", 4, "nsubj", "NNS", "worker", "NOUN"),
            ("demanding", 0, "acl", "VBG", "demand", "VERB"),
            ("more", 6, "amod", "JJR", "more", "ADJ"),
            ("pay", 4, "dobj", "NN", "pay", "NOUN"),
            ("blocked", 0, "acl", "VBD", "block", "VERB"),
            ("the", 9, "det", "DT", "the", "DET"),
            ("port", 7, "dobj", "NN", "port", "NOUN"),
            (".", 0, "punct", ".", ".", "PUNCT"),
        ]
    )
    assert _dateline_place(SimpleNamespace(g=doc[7]), doc[0]).text == "workers"
    assert _dateline_place(SimpleNamespace(g=doc[7]), doc[3]).text == "workers"  # the subject itself stays
