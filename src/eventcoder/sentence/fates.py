"""The fate of a count of people: killed or wounded (or none), from the grammar around the number, by
three rule tables checked in order: ``COUNT_RULES`` (the words of the count itself: "11 dead", "500
wounded"), ``GOVERNOR_RULES`` (the word that governs it: "killing 12", "were killed", "the death toll
rose to 34", "taken to hospital") and ``LAST_RULES`` (what the parse cut off). Read by :mod:`casualties`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from ..lexicons.data import cue, fold
from ..nlp import deps
from ..nlp.syntax import child
from .casualty_numbers import (
    words,
)

KILLED, WOUNDED = "killed", "wounded"


# -- fates ------------------------------------------------------------------------------------


def fate_word(tok: Token) -> str | None:
    word, lemma = fold(tok.text), fold(tok.lemma_)
    if word in cue("casualties.dead_words"):
        return KILLED
    if word in cue("casualties.wounded_words"):
        return WOUNDED
    if lemma in cue("casualties.killed_verbs") and tok.pos_ == "VERB":
        return KILLED
    if lemma in cue("casualties.wounded_verbs") and tok.pos_ == "VERB":
        return WOUNDED
    return None


#: A rule's verdict that the count has no fate: stop looking.
NO_FATE = ("", None)


@dataclass(frozen=True)
class FateRule:
    name: str
    example: str
    """A sentence whose count this rule gives its fate: it is the rule's test."""
    applies: Callable[..., tuple[str, Token | None] | None]
    """(killed or wounded, the word that says so), ``NO_FATE``, or None when it does not apply."""


def count_noun(number: Token) -> Token:
    """The noun the number counts ("12 people", "three dozen people"), else the number itself."""
    head = number
    if number.dep_ in (
        deps.NUMBER_MODIFIER,
        deps.QUANTIFIER_MODIFIER,
        deps.ADJ_MODIFIER,
        deps.COMPOUND,
    ) and number.head.pos_ in (
        "NOUN",
        "PROPN",
        "NUM",
        "ADJ",
    ):
        head = number.head
    if fold(head.text) in words("multipliers") and head.head.pos_ in ("NOUN", "PROPN"):
        head = head.head
    nxt = number.doc[number.i + 1] if number.i + 1 < len(number.doc) else None
    if (
        number.dep_ == deps.PREP_OBJECT
        and fold(number.head.text) in _qualifiers()
        and nxt is not None
        and nxt.pos_ == "NOUN"
    ):
        head = nxt  # "over a dozen people", parsed as a preposition and its object
    return head


def _qualifiers() -> frozenset[str]:
    """The one-word qualifiers of a figure: "over", "about", "nearly"."""
    return frozenset(
        w for k in ("at_least", "at_most", "about") for w in cue(f"casualties.{k}") if " " not in w
    )


def _fate_noun(number: Token, head: Token):
    role = fate_word(head) if head.i != number.i and head.pos_ != "VERB" else None
    return (role, head) if role else None


def _fate_beside(number: Token, head: Token):
    for c in head.children:
        if (
            c.dep_ in (deps.ADJ_MODIFIER, deps.ADJ_COMPLEMENT, deps.APPOSITION, deps.CONJUNCT)
            and c.i > head.i
        ):
            role = fate_word(c)
            if role and c.pos_ != "VERB" or (role and c.tag_ == "VBN" and c.dep_ == deps.ADJ_MODIFIER):
                return role, c
        if c.dep_ == deps.ACL and c.tag_ == "VBN" and fate_word(c):
            return fate_word(c), c
    return None


def _fate_after(number: Token, head: Token):
    """A bare number and the fate word right after it: "leaving four dead and 15 injured"."""
    nxt = number.doc[number.i + 1] if number.i + 1 < len(number.doc) else None
    if head.i != number.i or nxt is None or nxt.pos_ not in ("ADJ", "VERB") or nxt.tag_ not in ("JJ", "VBN"):
        return None
    role = fate_word(nxt)
    return (role, nxt) if role else None


def _fate_verb_before(number: Token, head: Token):
    """ "killed at least 13 and injured dozens": a fate verb right before a count that is its own
    noun, which the parser made the count's modifier rather than its verb."""
    before = number.doc[number.i - 1] if number.i > 0 else None
    if head.i != number.i or before is None or before.head.i != number.i or before.dep_ != deps.ADJ_MODIFIER:
        return None
    role = fate_word(before) if before.tag_ == "VBN" else None
    return (role, before) if role else None


#: The fate the count's own words give, checked first, in order.
COUNT_RULES: tuple[FateRule, ...] = (
    FateRule("fate noun", "The clashes caused 11 deaths.", _fate_noun),  # "11 dead", "11 deaths"
    FateRule("fate beside", "Police said 19 people killed in the attack were buried.", _fate_beside),
    FateRule(
        "fate verb before",
        "After the blasts, which killed at least 13 and injured dozens, the embassy issued an alert.",
        _fate_verb_before,
    ),
)


def _an_object(gov: Token, via: str) -> bool:
    return via in (deps.DIRECT_OBJECT, deps.SUBJECT_PASSIVE) and gov.pos_ in ("VERB", "AUX")


def _said_dead(gov: Token, via: str):
    said = said_fate(gov) if _an_object(gov, via) else None
    return (said, gov) if said is not None else None


def _claimed_no_lives(gov: Token, via: str):
    lemma = fold(gov.lemma_)
    if not _an_object(gov, via) or lemma not in cue("casualties.killed_verbs") & words("claim_verbs"):
        return None
    return None if any(fold(t.text) in words("lives_words") for t in gov.subtree) else NO_FATE


def _killing_verb(gov: Token, via: str):
    return (
        (KILLED, gov) if _an_object(gov, via) and fold(gov.lemma_) in cue("casualties.killed_verbs") else None
    )


def _wounding_verb(gov: Token, via: str):
    return (
        (WOUNDED, gov)
        if _an_object(gov, via) and fold(gov.lemma_) in cue("casualties.wounded_verbs")
        else None
    )


def _left_in_a_fate(gov: Token, via: str):
    if not _an_object(gov, via) or fold(gov.lemma_) not in words("leaving_verbs"):
        return None
    for c in gov.children:
        if c.dep_ in (
            deps.OBJECT_PREDICATE,
            deps.OPEN_COMPLEMENT,
            deps.ADJ_COMPLEMENT,
            deps.CLAUSE_COMPLEMENT,
            deps.ADVERBIAL_CLAUSE,
            deps.ADJ_MODIFIER,
        ) and fate_word(c):
            return fate_word(c), c
    return None


def to_hospital(tok: Token) -> bool:
    """ "taken to hospital", "rushed to a clinic", "20 people in hospital": a hospital after a
    preposition of ``casualties.hospital_preps``."""
    return any(
        c.dep_ == deps.PREP
        and fold(c.text) in words("hospital_preps")
        and any(g.dep_ == deps.PREP_OBJECT and fold(g.lemma_) in words("hospital_words") for g in c.children)
        for c in tok.children
    )


def _taken_to_hospital(gov: Token, via: str):
    return (WOUNDED, gov) if _an_object(gov, via) and to_hospital(gov) else None


def _left_in_hospital(gov: Token, via: str):
    if not _an_object(gov, via) or fold(gov.lemma_) not in words("leaving_verbs"):
        return None
    obj = child(gov, (deps.DIRECT_OBJECT,))
    return (WOUNDED, gov) if to_hospital(gov) or (obj is not None and to_hospital(obj)) else None


def _died(gov: Token, via: str):
    return (KILLED, gov) if via == deps.SUBJECT and fold(gov.lemma_) in cue("casualties.died_verbs") else None


def _wounded_participle(gov: Token, via: str):
    fated = gov.tag_ == "VBN" or (gov.tag_ == "JJ" and gov.dep_ == deps.CONJUNCT)  # "and 150 more wounded"
    return (fate_word(gov), gov) if via == deps.SUBJECT and fated and fate_word(gov) else None


def _copula_fate(gov: Token, via: str):
    if via != deps.SUBJECT or fold(gov.lemma_) not in words("copulas"):
        return None
    for c in gov.children:
        if c.dep_ in (deps.ADJ_COMPLEMENT, deps.ATTRIBUTE) and fate_word(c):
            return fate_word(c), c
    return None


def _toll_figure(gov: Token, via: str):
    if via != deps.PREP_OBJECT or fold(gov.text) not in words("toll_preps"):
        return None
    verb = gov.head
    for _ in range(4):  # "the toll rose to 34"; "put the number of people killed at 30"
        for noun in (
            verb,
            *(c for c in verb.children if c.dep_ in (deps.SUBJECT, deps.SUBJECT_PASSIVE, deps.DIRECT_OBJECT)),
        ):
            role = toll_role(noun)
            if role is not None:
                return role, noun
        if verb.head.i == verb.i:
            break
        verb = verb.head
    return NO_FATE


#: The fate the words governing the count give (going up through conjuncts: "killed 11
#: soldiers and 4 civilians"), checked in order at each step up.
GOVERNOR_RULES: tuple[FateRule, ...] = (
    FateRule("said dead", "Gunmen shot dead four villagers on Monday.", _said_dead),
    FateRule("claimed no lives", "The rebels claimed 12 towns in the north.", _claimed_no_lives),
    FateRule("killing verb", "Gunmen killed 12 people in the village.", _killing_verb),
    FateRule("wounding verb", "The blast injured 20 people in the market.", _wounding_verb),
    FateRule("left in a fate", "The attack left 500 people wounded.", _left_in_a_fate),
    FateRule(
        "taken to hospital", "Rescuers rushed 30 people to hospital after the blast.", _taken_to_hospital
    ),
    FateRule("left in hospital", "The clashes left at least 20 people in hospital.", _left_in_hospital),
    FateRule("died", "Eleven soldiers died in the ambush.", _died),
    FateRule(
        "wounded participle",
        "At least 23 people were killed and dozens wounded when shells struck the camp.",
        _wounded_participle,
    ),
    FateRule("copula fate", "Eleven soldiers are dead after the ambush.", _copula_fate),
    FateRule("toll figure", "The death toll from the attack has risen to 34, officials said.", _toll_figure),
)


def _subject_cut_off(number: Token, head: Token):
    """ "its office was raided and six of its staff, nurses among them, were killed": a passive
    verb of a fate with no subject of its own, next after the count with no other verb between,
    is the fate of that count, which the parser hung elsewhere."""
    for tok in number.doc[head.i + 1 : number.sent.end]:
        if tok.pos_ != "VERB":
            continue
        passive = any(c.dep_ == deps.AUX_PASSIVE for c in tok.children)
        if not passive or any(c.dep_ in deps.SUBJECTS for c in tok.children):
            return None
        role = fate_word(tok)
        return (role, tok) if role else None
    return None


def _part_of_a_fate(number: Token, head: Token):
    """ "more than 20 of the wounded were still being treated": a count of the wounded (or the dead)
    counts that many of them, at least (not a share: "nine in ten of the injured")."""
    if head.i != number.i or number.dep_ == deps.PREP_OBJECT:
        return None
    for c in number.children:
        if c.dep_ == deps.PREP and fold(c.text) in words("of_words"):
            noun = child(c, (deps.PREP_OBJECT,))
            the = noun is not None and any(d.dep_ == deps.DETERMINER for d in noun.children)
            role = fate_word(noun) if the else None  # ("the wounded", which the parser may call a verb)
            if role:
                return role, noun
    return None


#: The fate a bare number's next word gives, when neither its words nor its governors gave one.
LAST_RULES: tuple[FateRule, ...] = (
    FateRule("fate after", "The raid left four dead and 15 injured.", _fate_after),
    FateRule(
        "part of a fate",
        "The toll has climbed to 14, a doctor said, adding that more than 20 of the wounded were still being treated.",
        _part_of_a_fate,
    ),
    FateRule(
        "subject cut off",
        "The charity said its office was raided and six of its staff - nurses and guards among them, were killed.",
        _subject_cut_off,
    ),
)


def fate_rule(number: Token) -> tuple[str, tuple[str, Token] | None] | None:
    """(the name of the rule that decided, its fate or None) for the count *number*; None when
    no rule did."""
    head = count_noun(number)
    for rule in COUNT_RULES:
        found = rule.applies(number, head)
        if found is not None:
            return rule.name, found
    h, via = head, head.dep_
    for _ in range(3):
        gov = h.head
        if gov.i == h.i:
            break
        for rule in GOVERNOR_RULES:
            found = rule.applies(gov, via)
            if found is not None:
                return rule.name, None if found is NO_FATE else found
        if via != deps.CONJUNCT:
            break
        h, via = gov, gov.dep_  # "killed 11 soldiers and 4 civilians"
    for rule in LAST_RULES:
        found = rule.applies(number, head)
        if found is not None:
            return rule.name, found
    return None


def fate(number: Token) -> tuple[str, Token] | None:
    """(killed or wounded, the word that says so) for the count *number*, or None."""
    decided = fate_rule(number)
    return decided[1] if decided is not None else None


def toll_role(noun: Token) -> str | None:
    """ "the death toll", "the number of people killed", "the number of wounded": whose count."""
    if fold(noun.text) in cue("casualties.toll_words"):
        return KILLED
    if fold(noun.lemma_) in words("count_nouns"):
        for t in noun.subtree:
            if (
                t.i != noun.i
                and fate_word(t) is not None
                and t.dep_ in (deps.ACL, deps.ADJ_MODIFIER, deps.PREP_OBJECT, deps.RELATIVE_CLAUSE)
            ):
                return fate_word(t)
    return None


def said_fate(verb: Token) -> str | None:
    """The fate a verb's own modifiers give: "shot dead", "shot dead Abu Sayed" (which the
    parser may hang on the name)."""
    for c in verb.children:
        if c.dep_ in (
            deps.OBJECT_PREDICATE,
            deps.ADJ_COMPLEMENT,
            deps.ADVERB_MODIFIER,
            deps.OPEN_COMPLEMENT,
            deps.ADJ_MODIFIER,
            deps.DEPENDENT,
        ) and fold(c.text) in words("dead_words"):
            return KILLED
        if c.dep_ == deps.DIRECT_OBJECT and any(
            fold(g.text) in words("dead_words") and g.i == verb.i + 1 for g in c.children
        ):
            return KILLED
    return None
