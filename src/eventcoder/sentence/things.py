"""What a candidate target is: a party, a place, a building that stands for the people in it, a
deed that stands for whoever did it, or a mere thing ("a ceasefire", "charges"), and whose it is."""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicons.data import cue, fold
from ..nlp import deps
from ..nlp.syntax import child, pos_of, prep_object
from .argument_words import endings, words
from .party_words import is_partylike, party_head
from .triggers import find_trigger


def is_thing(tok: Token | None, deeds: bool = True) -> bool:
    """Does *tok* name neither a party nor a place nor something that stands for the people in
    it ("a ceasefire", "the curfew", "charges", "control")? Such an object is no target. With
    *deeds*, an event noun is not a thing: it stands for whoever did it ("condemned the raids")."""
    head = party_head(tok)
    if head is None:
        return False
    if head.pos_ == "PROPN" and fold(head.text) in cue("targets.things"):
        return True  # "30 million naira", tagged a proper noun
    if is_partylike(head) or is_placelike(head) or head.pos_ in ("PROPN", "PRON") or head.ent_type_:
        return False
    lemma, word = fold(head.lemma_), fold(head.text)
    if lemma in cue("targets.physical") or word in cue("targets.physical"):
        return False
    deed = lemma in cue("arguments.wrongdoing_nouns") or find_trigger(head, set()) is not None
    if deed:
        return not deeds  # "condemned the killings": the deed stands for whoever did it
    return (
        lemma in cue("targets.things")
        or word in cue("targets.things")
        or lemma.endswith(tuple(cue("targets.thing_suffixes")))
    )


def owner_of_thing(tok: Token | None) -> Token | None:
    """The party a thing belongs to: "rejected the ELN's demand" is aimed at the ELN."""
    head = party_head(tok)
    if head is None:
        return None
    partner = partner_of(head)
    if partner is not None:
        return partner  # "suspended its partnership with Georgia": Georgia, not "its"
    owner = child(head, (deps.POSSESSIVE,)) or prep_object(head, words("thing_owner_preps"))
    return owner if owner is not None and is_partylike(owner) else None


def partner_of(tok: Token | None) -> Token | None:
    """The other side of a tie: "its partnership with Georgia", "relations with Kigali"."""
    head = party_head(tok)
    if head is None or pos_of(head) != "NOUN" or is_partylike(head):
        return None
    partner = prep_object(head, frozenset({"with"}))
    return partner if partner is not None and is_partylike(partner) else None


def doer_of_deed(tok: Token | None) -> Token | None:
    """Who a deed belongs to by its own words: "the ELN's demand", "the attack by the militia"
    (not its "of" phrase: "the killing of civilians" names the victims)."""
    head = party_head(tok)
    if head is None or (
        find_trigger(head, set()) is None and fold(head.lemma_) not in cue("arguments.wrongdoing_nouns")
    ):
        return None
    doer = child(head, (deps.POSSESSIVE,)) or prep_object(head, frozenset({"by"}))
    return doer if doer is not None and is_partylike(doer) else None


def is_deed(tok: Token) -> bool:
    """An event noun or a word for wrongdoing: "the strike", "the crime"."""
    return find_trigger(tok, set()) is not None or fold(tok.lemma_) in cue("arguments.wrongdoing_nouns")


def is_physical(tok: Token) -> bool:
    """A building, vehicle or position that stands for the people in it."""
    head = party_head(tok)
    return head is not None and (
        fold(head.lemma_) in cue("targets.physical") or fold(head.text) in cue("targets.physical")
    )


def a_site(tok: Token) -> bool:
    """A building or a place that is no party: "Toussaint Louverture International Airport"."""
    head = party_head(tok)
    if head is None or head.ent_type_ in ("GPE", "NORP", "ORG", "PERSON"):
        return False
    return head.ent_type_ in ("FAC", "LOC") or (is_physical(head) and not is_partylike(head))


def is_placelike(tok: Token) -> bool:
    return tok.ent_type_ in ("FAC", "LOC", "GPE") or fold(tok.lemma_) in cue("arguments.generic_heads")


def party_of_event_noun(tok: Token | None) -> Token | None:
    """ "the eviction of the Iranian regime": the party, not the event noun."""
    if tok is None:
        return None
    if pos_of(tok) == "NOUN" and tok.pos_ != "PROPN" and not is_partylike(tok):  # not "the government of X"
        inner = prep_object(tok, frozenset({"of"}))
        nominal = fold(tok.lemma_).endswith(endings("event_noun_suffixes"))
        if inner is not None and (nominal or find_trigger(tok, set()) is not None):
            return inner
        between = prep_object(tok, words("sides_preps"))
        if between is not None and is_partylike(between):
            return between  # "a dialogue between the government and the separatists"
    return tok


def _carried(vehicle: Token) -> Token | None:
    """ "a car carrying our comrades": the people a vehicle carries (not "a truck carrying supplies")."""
    for c in vehicle.children:
        if c.dep_ in (deps.ACL, deps.RELATIVE_CLAUSE) and fold(c.lemma_) in cue("targets.carrying_verbs"):
            load = child(c, (deps.DIRECT_OBJECT,))
            if load is not None and (is_partylike(load) or load.tag_ == "NNS" and not is_thing(load)):
                return load
    return None


def stands_for(tok: Token) -> Token:
    """Whom a candidate target stands for: the people a vehicle carries ("a car carrying our
    comrades"); the state an envoy is sent to or comes from ("recalled its ambassador from
    Tehran", "expelled Iran's envoy")."""
    lemma = fold(tok.lemma_)
    partner = partner_of(tok)
    if partner is not None:
        return partner  # "cutting ties with Ecuador"
    if lemma in cue("targets.envoy_nouns") and tok.dep_ == deps.DIRECT_OBJECT:
        owner = child(tok, (deps.POSSESSIVE,))
        if owner is not None and owner.tag_ == "PRP$":
            posts = words("envoy_post_preps")
            return prep_object(tok, posts) or prep_object(tok.head, posts) or tok  # its own envoy
        return owner if owner is not None and is_partylike(owner) else tok
    if lemma not in cue("targets.physical"):
        return tok
    return _carried(tok) or tok
