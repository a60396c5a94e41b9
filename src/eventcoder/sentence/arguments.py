"""Actor and target of a mention, read off the dependency parse by ordered tables of named rules.

The engine walks, in order: the actor finders (the first that names an actor gives it,
:data:`~.actor_rules.ACTOR_FINDERS`); the candidate target finders, by the shape of the mention
and the roles its type plays (:data:`~.target_rules.CANDIDATE_FINDERS`); the checks on the actor
(:data:`~.actor_rules.ACTOR_CHECKS`); the target rules that pick among the candidates
(:data:`~.target_rules.TARGET_RULES`); and the rules that settle the sides of a mutual event
(:data:`~.target_rules.SIDE_RULES`). The grammar they use lives in :mod:`.actors` (who acts),
:mod:`.candidates` (what may be done to) and :mod:`.things` (what a candidate stands for).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from ..nlp.syntax import folded_texts, pos_of
from .actor_rules import ACTOR_CHECKS, ACTOR_FINDERS
from .actors import behind_instrument, noun_arguments, subject_of, verb_arguments
from .argument_words import words
from .candidates import choose_target
from .draft import Draft
from .target_finders import CANDIDATE_FINDERS
from .target_rules import SIDE_RULES, TARGET_RULES
from .things import doer_of_deed, is_placelike, is_thing, owner_of_thing, partner_of

if TYPE_CHECKING:
    from .mention import Mention

_is_placelike = is_placelike  # (the name places.py imports)

__all__ = [
    "behind_instrument",
    "doer_of_deed",
    "fill_arguments",
    "find_arguments",
    "is_thing",
    "noun_arguments",
    "owner_of_thing",
    "partner_of",
    "subject_of",
    "verb_arguments",
]


def _same(a: Token | None, b: Token | None) -> bool:
    return a is b or (a is not None and b is not None and a.i == b.i)


def _find_actor(d: Draft) -> None:
    for rule in ACTOR_FINDERS:
        actor = rule.find(d)
        if actor is not None:
            d.actor, d.actor_rule = actor, rule.name
            d.fired.append(rule.name)
            return


def _find_candidates(d: Draft) -> None:
    for rule in CANDIDATE_FINDERS:
        if not rule.holds_for(d.m.type):
            continue
        found = [c for c in rule.find(d) if c is not None]
        if found:
            d.fired.append(rule.name)
            d.found += [(rule.name, c) for c in found]
            d.cands = found + d.cands if rule.front else d.cands + found


def _check_actor(d: Draft) -> None:
    for rule in ACTOR_CHECKS:
        actor = rule.find(d)
        if not _same(actor, d.actor):
            d.actor = actor
            d.fired.append(rule.name)


def _find_target(d: Draft) -> None:
    texts, reflexive = folded_texts(d.m.sent.doc), words("reflexive_pronouns")
    reflexives = {i for i in range(d.m.sent.start, d.m.sent.end) if texts[i] in reflexive}
    d.exclude = d.triggers | ({d.actor.i} if d.actor is not None else set()) | reflexives
    d.chosen, d.first = choose_target(d.cands, d.exclude)
    for rule in TARGET_RULES:
        if not rule.holds_for(d.m.type) or (d.target is not None) != rule.overrides:
            continue
        if rule.guess and d.target is None:
            d.guessed = True
        target = rule.find(d)
        if not _same(target, d.target):
            d.target, d.target_rule = target, rule.name
            d.fired.append(rule.name)


def _settle_sides(d: Draft) -> None:
    for rule in SIDE_RULES:
        if d.settled:
            return
        if rule.find(d):
            d.fired.append(rule.name)


def find_arguments(m: Mention) -> Draft:
    """The actor and target of *m* as the rule tables find them, with the rules that fired."""
    d = Draft(m)
    _find_actor(d)
    _find_candidates(d)
    _check_actor(d)
    _find_target(d)
    _settle_sides(d)
    return d


def fill_arguments(m: Mention) -> None:
    d = find_arguments(m)
    m.actor, m.target = d.actor, d.target
    if d.settled:
        m.confidence = 0.8  # "fighting between rival armed groups": they fight each other
        return
    m.confidence = (
        0.55
        + 0.15 * (d.actor is not None)
        + 0.1 * (d.target is not None)
        + 0.1 * (pos_of(m.governor) == "VERB")
    )
