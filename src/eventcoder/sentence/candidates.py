"""Candidate targets: every argument of a word that could be what the event is done to, and
the helpers that find them further off (whom a demand addresses, whom a protest blames, what a
threat aims at, who suffers an event noun); and the choice among them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Token

from ..lexicons.data import cue, fold, word_lists
from ..lexicons.ontology import types_with
from ..nlp import deps
from ..nlp.syntax import (
    child,
    has_child,
    is_passive,
    passive_subject,
    pos_of,
    prep_object,
    sent_ents,
    sent_lemmas,
    subtree_indices,
)
from .actors import stranded_subject
from .argument_words import words
from .party_words import is_partylike, party_head, party_span
from .things import is_physical, is_placelike, is_thing, owner_of_thing, stands_for
from .triggers import find_trigger

if TYPE_CHECKING:
    from .mention import Mention


def _verb_objects(verb: Token) -> list[Token | None]:
    """The undergoer of a passive verb and the objects of a verb: "rejects the ELN's demand to be
    removed", parsed with the demand as the clause's subject, is an object too."""
    out: list[Token | None] = []
    if is_passive(verb):
        out.append(passive_subject(verb))
        if verb.dep_ in (deps.ACL, deps.ADJ_MODIFIER):
            out.append(verb.head)
    out += [c for c in verb.children if c.dep_ in (deps.DIRECT_OBJECT, deps.DATIVE, deps.ATTRIBUTE)]
    for comp in (
        c
        for c in verb.children
        if c.dep_ == deps.CLAUSE_COMPLEMENT and has_child(c, (deps.AUX,), frozenset({"to"}))
    ):
        out += [
            c for c in comp.children if c.dep_ in (deps.SUBJECT, deps.SUBJECT_PASSIVE) and c.pos_ == "NOUN"
        ]
    return out


def _prep_objects(tok: Token) -> list[Token | None]:
    """The objects of *tok*'s target prepositions: "strikes on what it called militant hideouts";
    of a weapon in a "with" phrase, its own target: "a strike with an Iskander missile system on a
    workshop"; "an arrest warrant for González"."""
    preps = cue("arguments.target_preps") | words("more_target_preps")
    if fold(tok.lemma_) in cue("arguments.sought_nouns"):
        preps = preps | {"for"}
    out: list[Token | None] = []
    for c in tok.children:
        if c.dep_ not in (deps.PREP, deps.DATIVE) or fold(c.lemma_) not in preps:
            continue
        for g in c.children:
            if g.dep_ == deps.PREP_COMPLEMENT and has_child(
                g, (deps.DIRECT_OBJECT,), words("naming_pronouns")
            ):
                g = child(g, (deps.OBJECT_PREDICATE, deps.OPEN_COMPLEMENT)) or g
            if fold(c.lemma_) == "with" and is_weapon(g):
                out.append(prep_object(g, cue("arguments.target_preps") - {"with"}))
            elif g.dep_ in (
                deps.PREP_OBJECT,
                deps.PREP_COMPLEMENT,
                deps.OBJECT_PREDICATE,
                deps.OPEN_COMPLEMENT,
            ):
                out.append(g)
    return out


def _judged(tok: Token) -> list[Token | None]:
    """What a judgement by a copula or an adjective is about: the owner of the judged deed or
    word, then the deed ("Kiev's claims are a provocation", "the Houthis' reckless attacks")."""
    if pos_of(tok) is None:
        judged = tok.head
    elif fold(tok.lemma_) in word_lists("assertion.toml")["be_auxiliaries"]:
        judged = child(tok, (deps.SUBJECT,))
    else:
        return []
    if judged is None:
        return []
    return [child(judged, (deps.POSSESSIVE,)), judged]


def target_candidates(tok: Token) -> list[Token]:
    """Every argument of *tok* that could be its target, in the grammar's order of preference."""
    out = _judged(tok)
    out += _verb_objects(tok) if pos_of(tok) == "VERB" else []
    out += _prep_objects(tok)
    for c in tok.children:  # "fired tear gas to disperse the crowds": whom it was done to
        if (
            c.dep_ in (deps.ADVERBIAL_CLAUSE, deps.OPEN_COMPLEMENT)
            and c.tag_ == "VB"
            and any(a.lower_ == "to" for a in c.children)
        ):
            out += [g for g in c.children if g.dep_ == deps.DIRECT_OBJECT and is_partylike(g)]
    return [c for c in out if c is not None]


def is_weapon(tok: Token) -> bool:
    """ "an Iskander-M missile system", "heavy machine guns": arms, by their head or a modifier."""
    weapons = cue("arguments.instrument_nouns") | cue("targets.weapon_words")
    return any(fold(w.lemma_) in weapons for w in (tok, *tok.lefts) if w.pos_ in ("NOUN", "PROPN"))


def choose_target(cands: list[Token], exclude: set[int]) -> tuple[Token | None, Token | None]:
    """(the first candidate that names a party or a place, the first candidate at all);
    munitions are never targets ("dropped two bombs on the village")."""
    weapons = cue("arguments.munition_nouns")
    cands = [
        stands_for(c)
        for c in cands
        if c.i not in exclude and party_head(c) is not None and fold(party_head(c).lemma_) not in weapons
    ]
    for test in (is_partylike, is_placelike, is_physical):
        for c in cands:
            if test(c):
                return c, c
    return None, next((c for c in cands if not is_thing(c)), cands[0] if cands else None)


def _asked(verb: Token) -> Token | None:
    """The party a demand verb asks to act, or asks something from."""
    for comp in (c for c in verb.children if c.dep_ == deps.CLAUSE_COMPLEMENT):
        subj = child(comp, (deps.SUBJECT, deps.SUBJECT_PASSIVE))
        if subj is not None and is_partylike(subj) and subj.tag_ not in ("PRP", "WP"):
            return subj
    obj = prep_object(verb, words("addressed_preps")) or child(verb, (deps.DIRECT_OBJECT,))
    asked_to = any(c.dep_ in (deps.OPEN_COMPLEMENT, deps.CLAUSE_COMPLEMENT) for c in verb.children)
    if obj is not None and asked_to and (is_partylike(obj) or not (is_thing(obj) or is_placelike(obj))):
        return obj  # "asked the state prosecution service to investigate": whoever is asked to act
    if obj is not None and is_partylike(obj) and fold(verb.lemma_) not in words("thing_demand_verbs"):
        return obj
    asked = prep_object(verb, frozenset({"from"}))  # "demanded 30 million naira from the community"
    if asked is not None and is_partylike(asked) and (obj is None or is_thing(obj)):
        return asked
    return None


def addressee(tok: Token) -> Token | None:
    """Whom a demand is addressed to: "demanding that the government act", "urged the allies to
    speed up", "called on the ELN to free": the party asked to act."""
    for verb in (
        tok,
        *(
            c
            for c in tok.children
            if c.dep_
            in (deps.ADVERBIAL_CLAUSE, deps.OPEN_COMPLEMENT, deps.ACL, deps.CONJUNCT, deps.PREP_COMPLEMENT)
        ),
    ):
        if pos_of(verb) != "VERB" or fold(verb.lemma_) not in cue("targets.demand_verbs"):
            continue
        found = _asked(verb)
        if found is not None:
            return found
    return None


def asked_of(verb: Token) -> Token | None:
    """The party named on the thing a demand asks for, who is to give it: "asked for a UN
    meeting", "called for Israeli withdrawal", "demanded an EU inquiry"."""
    if pos_of(verb) != "VERB":
        return None
    things = [c for c in verb.children if c.dep_ == deps.DIRECT_OBJECT]
    things += [prep_object(verb, words("asked_for_preps"))]
    for thing in (t for t in things if t is not None and pos_of(t) == "NOUN" and not t.ent_type_):
        for mod in thing.children:
            named = mod.dep_ in (deps.COMPOUND, deps.ADJ_MODIFIER) and mod.ent_type_ in ("ORG", "NORP", "GPE")
            if mod.i < thing.i and (named or mod.dep_ == deps.POSSESSIVE) and is_partylike(mod):
                return mod  # "called for the president's resignation": the president is asked
    return None


def sufferer(noun: Token) -> Token | None:
    """Whoever suffers an event noun: "the base came under attack", "the town suffered shelling"."""
    verb = noun.head.head if noun.dep_ == deps.PREP_OBJECT else noun.head
    if noun.dep_ in (deps.DIRECT_OBJECT, deps.PREP_OBJECT) and fold(verb.lemma_) in cue(
        "light_verbs.victim_lemmas"
    ):
        return child(verb, (deps.SUBJECT,))
    return None


def aggrieved(m: Mention) -> list[Token]:
    """Whom a protest blames, from the words that go with it: "accusing the United States",
    "chanting against Turkey's military presence"."""
    own = [m.governor, m.trigger]
    verbs = [
        *m.merged,
        *(
            c
            for v in own
            for c in v.children
            if c.dep_ in (deps.ADVERBIAL_CLAUSE, deps.OPEN_COMPLEMENT, deps.CONJUNCT, deps.ACL)
        ),
    ]
    verbs += [
        c for v in verbs for c in v.children if c.dep_ == deps.CONJUNCT
    ]  # "carrying X and chanting against Y"
    out = []
    for verb in verbs:
        if pos_of(verb) != "VERB" or fold(verb.lemma_) not in cue("targets.grievance_verbs"):
            continue
        for said in (child(verb, (deps.DIRECT_OBJECT,)), prep_object(verb, frozenset({"against"}))):
            party = said if said is not None and is_partylike(said) else owner_of_thing(said)
            if party is not None and party.i not in {o.i for o in out}:
                out.append(party)
    return out


def hostile_aims(clause: Token) -> list[Token]:
    """Parties a threatened act is aimed at, however deep in the clause: "warned that he could
    ask parliament to authorise a declaration of war on Rwanda": Rwanda, not parliament."""
    out = []
    for prep in clause.subtree:
        if prep.dep_ != deps.PREP or fold(prep.lemma_) not in words("hostile_preps"):
            continue
        noun, aim = prep.head, child(prep, (deps.PREP_OBJECT,))
        inner = prep_object(noun, frozenset({"of"}))
        hostile = pos_of(noun) == "NOUN" and any(
            w is not None
            and (find_trigger(w, set()) is not None or fold(w.lemma_) in cue("arguments.mutual_triggers"))
            for w in (noun, inner)
        )
        if hostile and aim is not None and is_partylike(aim):
            out.append(aim)
    return out


def casualty_holder(anchor: Token) -> Token | None:
    """Victims named with their fate: "left 11 members dead", "killing 11 people"."""
    for t in anchor.subtree:
        if fold(t.lemma_) in words("fate_words") and t.dep_ in (
            deps.OBJECT_PREDICATE,
            deps.CLAUSE_COMPLEMENT,
            deps.ADJ_COMPLEMENT,
            deps.OPEN_COMPLEMENT,
            deps.CONJUNCT,
            deps.ADJ_MODIFIER,
        ):
            obj = child(t.head, (deps.DIRECT_OBJECT,)) if t.dep_ != deps.ADJ_MODIFIER else t.head
            if obj is not None and obj.i != anchor.i:
                return obj
    return None


def both_sides(tok: Token | None) -> bool:
    """ "between rival armed groups": one plural, no "and", names both sides."""
    return (
        tok is not None
        and tok.dep_ == deps.PREP_OBJECT
        and fold(tok.head.lemma_) in words("sides_preps")
        and tok.tag_ in ("NNS", "NNPS")
        and not has_child(tok, (deps.CONJUNCT,))
        and is_partylike(tok)
    )


def reciprocal_word(verb: Token) -> Token | None:
    """The word that makes an act one each side does to the other: "accused each other", "blamed
    one another for", "each side has accused the other" (the object's head, "other", "one")."""
    if pos_of(verb) != "VERB":
        return None
    objects = [c for c in verb.children if c.dep_ in (deps.DIRECT_OBJECT, deps.DATIVE)]
    objects += [
        g for c in verb.children if c.dep_ == deps.PREP for g in c.children if g.dep_ == deps.PREP_OBJECT
    ]
    for obj in objects:
        phrase = sorted([obj, *(c for c in obj.children if c.dep_ == deps.DETERMINER)], key=lambda t: t.i)
        if " ".join(fold(t.text) for t in phrase) in words("reciprocal_objects"):
            return obj
        subj = child(verb, (deps.SUBJECT,))
        if (
            fold(obj.lemma_) == "other"
            and subj is not None
            and has_child(subj, (deps.DETERMINER,), words("distributive_dets"))
        ):
            return obj  # "each side has accused the other"
    return None


def is_mutual(m: Mention) -> bool:
    """Events that two sides do to each other: agreements, talks, clashes."""
    return m.type in types_with("mutual") or any(
        fold(t.lemma_) in cue("arguments.mutual_triggers") for t in (m.trigger, *m.merged)
    )


def _in_circumstance(tok: Token, stop: Token) -> bool:
    """Is *tok* inside an "after talks mediated by X" phrase below *stop*?"""
    circumstance = cue("arguments.circumstance_preps") | cue("arguments.time_preps")
    while tok.i != stop.i and tok.head.i != tok.i:
        if tok.dep_ == deps.PREP and fold(tok.lemma_) in circumstance:
            return True
        if tok.dep_ == deps.PREP and fold(tok.head.text) in cue("reporting.according"):
            return True  # "according to the Syria Civil Defence": a source, not a party to it
        tok = tok.head
    return False


def _named_party(ent, m: Mention, inside: set[int], skip: set[int]) -> Token | None:
    """The party an entity names, if it is one to the right of the trigger inside its clause."""
    if not (
        ent.label_ in ("ORG", "NORP", "GPE", "PERSON")
        and ent.start > m.trigger.i
        and ent.root.i in inside
        and ent.root.i not in skip
        and not _in_circumstance(ent.root, m.governor)
    ):
        return None
    tok = ent.root
    if ent.label_ == "GPE" and not (
        tok.dep_ in (deps.DIRECT_OBJECT, deps.SUBJECT_PASSIVE, deps.CONJUNCT)
        or (tok.dep_ == deps.PREP_OBJECT and fold(tok.head.lemma_) in cue("arguments.target_preps"))
    ):
        return None  # "in Nairobi", "the centre of Sinjar" say where, not against whom
    while tok.dep_ in (deps.ADJ_MODIFIER, deps.COMPOUND) and tok.head.i != tok.i:
        tok = tok.head
    return None if is_thing(tok) else tok  # "a violation of Afghan sovereignty" names no party


def first_named_party(m: Mention, actor: Token | None) -> Token | None:
    """The first named party to the right of the trigger, inside its clause: the target of
    "a petition warning about the danger that the Iranian regime posed"."""
    inside = subtree_indices(m.governor)
    skip = set(subtree_indices(actor)) if actor is not None else set()
    for verb in (c for c in m.governor.children if c.dep_ == deps.CONJUNCT and c.pos_ == "VERB"):
        doer = child(verb, (deps.SUBJECT,)) or stranded_subject(verb)
        if doer is not None:  # "struck two vessels, and USS Carney shot one down": another clause
            skip |= subtree_indices(verb) | subtree_indices(doer)
    for ent in sent_ents(m.sent):
        tok = _named_party(ent, m, inside, skip)
        if tok is not None:
            return tok
    return None


# -- the type a mention's own words choose ------------------------------------------------------
# A trigger word's lexicon row is chosen by the words of the sentence; who did the act and to whom
# may tell what the act is: a march by troops is a show of force, a road blocked by a crowd is a
# protest. Each rule reads the mention once its arguments are found and gives its (type, mode), or
# None; the first that answers decides.


@dataclass(frozen=True)
class TypeRule:
    name: str
    example: str
    """A sentence whose mention this rule (and no earlier one) types."""
    choose: Callable[[Mention], tuple[str, str | None] | None]


def _type_words(key: str) -> frozenset[str]:
    return word_lists("type_choice.toml")[key]


def sector_of(tok: Token | None) -> str | None:
    """The sector the words of the party *tok* name ("the Indian Army": military), if they name
    one (a people's name, "the Azerbaijanis", names none)."""
    from ..lexicons.actors import actor_index

    if tok is None:
        return None
    found = actor_index().sector_of(party_span(party_head(tok) or tok).text)
    return found[1] if found is not None and found[1] else None


def _forces_on_the_march(m: Mention) -> tuple[str, str | None] | None:
    """A march or parade by troops or police shows force: MOBILIZE, not PROTEST."""
    if m.type != "PROTEST" or fold(m.trigger.lemma_) not in _type_words("marches"):
        return None
    sector = sector_of(m.actor)
    for force in ("military", "police"):
        if sector == force:
            return "MOBILIZE", next(iter(_type_words(f"forces.{force}")))
    return None


def _in_a_protest(verb: Token) -> bool:
    """Is *verb* told as part of a protest ("protesting against the result, blocking roads")?"""
    lemmas = sent_lemmas(verb.sent)
    linked = (deps.CONJUNCT, deps.ADVERBIAL_CLAUSE, deps.OPEN_COMPLEMENT)
    near = [verb.head] if verb.dep_ in linked else []
    near += [c for c in verb.children if c.dep_ in linked]
    return any((t := find_trigger(w, lemmas)) is not None and t.type == "PROTEST" for w in near)


def _crowd_blockade(m: Mention) -> tuple[str, str | None] | None:
    """A road blocked by a crowd, or as part of a protest, is a protest (PROTEST obstruct);
    by forces it restricts movement (COERCE)."""
    if m.type != "COERCE" or m.mode not in _type_words("blocking_modes"):
        return None
    sector = sector_of(m.actor)
    if sector in _type_words("armed_sectors"):
        return None
    if sector in _type_words("unarmed_sectors") or _in_a_protest(m.governor):
        return "PROTEST", "obstruct"
    return None


def _people_evacuated(m: Mention) -> tuple[str, str | None] | None:
    """People carried to safety are helped (AID); only one's own forces evacuated withdraw."""
    if m.type != "RETREAT" or fold(m.trigger.lemma_) not in _type_words("evacuations"):
        return None
    if m.target is None or not is_partylike(m.target) or sector_of(m.target) in _type_words("armed_sectors"):
        return None
    return "AID", None


def _deed_judged(m: Mention) -> tuple[str, str | None] | None:
    """A deed named, with a word of condemnation, as what another deed was ("the riots were a
    senseless coup"): the speaker condemns that deed (ACCUSE); no deed of its own is told."""
    noun = m.trigger
    if pos_of(noun) != "NOUN" or noun.dep_ != deps.ATTRIBUTE:
        return None
    if fold(noun.head.lemma_) not in _type_words("copulas"):
        return None
    subj = child(noun.head, (deps.SUBJECT,))
    if subj is None or is_partylike(subj):
        return None
    lists = word_lists("triggers.toml")
    judged = {fold(noun.lemma_)} | {fold(c.lemma_) for c in noun.children if c.dep_ == deps.ADJ_MODIFIER}
    if not judged & (lists["condemning_adjectives"] | lists["condemning_nouns"]):
        return None
    return "ACCUSE", "disapprove"


def _aid_given(m: Mention) -> tuple[str, str | None] | None:
    """Shelter, food or asylum given is help (AID), whatever else the verb's row reads ("were
    given shelter in army camps" is no "giving in")."""
    verb = m.governor
    if pos_of(verb) != "VERB" or fold(verb.lemma_) not in _type_words("givers"):
        return None
    given = child(verb, (deps.DIRECT_OBJECT,))
    if given is None or fold(given.lemma_) not in _type_words("aid_things"):
        return None
    return "AID", None


def _ordered_shut(m: Mention) -> tuple[str, str | None] | None:
    """An order that places be shut ("ordered all schools and markets closed", "ordered the crossing
    sealed") is the measure itself (COERCE restrict), not a demand of others ("ordered the rebels
    to withdraw")."""
    verb = m.governor
    if m.type != "REQUEST" or pos_of(verb) != "VERB" or fold(verb.lemma_) not in _type_words("orders"):
        return None
    obj = child(verb, (deps.DIRECT_OBJECT,))
    shut = [c for c in verb.children if c.dep_ in (deps.CLAUSE_COMPLEMENT, deps.OBJECT_PREDICATE)]
    shut += [c for c in obj.children if c.dep_ == deps.ACL] if obj is not None else []
    for p in shut:
        if p.tag_ not in ("VBN", "VBD") or fold(p.lemma_) not in _type_words("shuttings"):
            continue
        thing = obj if obj is not None else child(p, deps.SUBJECTS)
        if thing is not None and not is_partylike(thing):
            return "COERCE", "restrict"
    return None


TYPE_RULES = (
    TypeRule(
        "forces on the march",
        "Army troops held a route march through the town, where protesters had gathered.",
        _forces_on_the_march,
    ),
    TypeRule(
        "a crowd's blockade",
        "Backers of the ousted mayor protested against the count, blocking roads across the province.",
        _crowd_blockade,
    ),
    TypeRule(
        "people evacuated",
        "Soldiers evacuated the stranded villagers from the flooded valley.",
        _people_evacuated,
    ),
    TypeRule("aid given", "The families who fled were given food and blankets in a school.", _aid_given),
    TypeRule(
        "places ordered shut", "The governor ordered all schools and shops closed on Tuesday.", _ordered_shut
    ),
    TypeRule(
        "a deed judged",
        "The unrest in the capital was a senseless coup against the elected president, the senator said.",
        _deed_judged,
    ),
)


def type_rule(m: Mention) -> TypeRule | None:
    """The first rule of :data:`TYPE_RULES` that types *m* otherwise than its trigger's row."""
    for rule in TYPE_RULES:
        chosen = rule.choose(m)
        if chosen is not None and chosen != (m.type, m.mode):
            return rule
    return None


def choose_type(m: Mention) -> bool:
    """Give *m* the type and mode its own words choose (:data:`TYPE_RULES`), if a rule does;
    whether one did (its arguments are then to be found again, by the roles of its new type)."""
    rule = type_rule(m)
    if rule is not None:
        m.type, m.mode = rule.choose(m)
    return rule is not None
