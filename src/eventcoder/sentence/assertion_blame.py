"""Blame laid by naming a deed: a deed noun that only says what something else was ("the blasts
were believed to be an Israeli attack", "officials described the fire as a rebel attack") tells no
deed of its own (:mod:`assertion` drops it as a characterisation), but when a party is named on it,
the speaker lays the deed at that party's door: an accusation (PLOVER ACCUSE allege), anchored on
the deed's noun. Words are in ``data/en/assertion.toml`` ``[blame]``."""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicons.data import cue, fold, word_lists
from ..nlp import deps
from ..nlp.syntax import child, pos_of
from .party_words import is_partylike
from .triggers import find_trigger

# the links by which a party is named on a deed noun: "an Israeli attack", "a rebel attack",
# "Russia's strike"
_ON_NOUN = (deps.ADJ_MODIFIER, deps.COMPOUND, deps.POSSESSIVE)


def _words(key: str) -> frozenset:
    return word_lists("assertion.toml")[f"blame.{key}"]


def blamed_party(tok: Token) -> Token | None:
    """The party named on the deed noun *tok* (a name, a people, a state), or None: "an Israeli
    attack", not "a drone attack"."""
    if pos_of(tok) != "NOUN":
        return None
    named = _words("party_entities")
    return next(
        (c for c in tok.children if c.dep_ in _ON_NOUN and c.ent_type_ in named and is_partylike(c)), None
    )


def blamer(tok: Token) -> Token | None:
    """The verb of saying above the deed noun whose subject lays the blame ("the official said the
    blasts were believed to be an Israeli attack"), or None."""
    return next(
        (a for a in tok.ancestors if fold(a.lemma_) in cue("reporting.lemmas") and child(a, (deps.SUBJECT,))),
        None,
    )


def blame_laid(tok: Token, act_type: str, why: str) -> tuple[str, str] | None:
    """(type, mode) of the accusation that naming the deed on *tok* makes, or None: the deed was
    dropped as a characterisation (*why*), it is of a type one is blamed for, and a party is named
    on it."""
    if why not in _words("reasons") or act_type not in _words("deed_types"):
        return None
    if blamed_party(tok) is None:
        return None
    return "ACCUSE", "allege"


def blamed_in_naming(tok: Token) -> Token | None:
    """The party an accusation laid by naming a deed accuses ("were believed to be an Israeli
    attack": Israel), when *tok* is that deed's noun (its own reading a deed, not a word of blame)."""
    party = blamed_party(tok)
    if party is None:
        return None
    trig = find_trigger(tok, {fold(w.lemma_) for w in tok.sent})
    return party if trig is not None and trig.type in _words("deed_types") else None
