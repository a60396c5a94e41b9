"""Nouns that point back to a deed told before: "the raid", "this week's bombing", "the strike
killed 30", "injured in the clash"; a toll told in a deed named anew ("died in an ambush"); and the
deed a reaction points to ("the ministry condemned the attack").
"""

from __future__ import annotations

from ..lexicons.data import cue, fold, word_lists
from ..model import Event
from ..nlp import deps
from ..sentence.mention import Mention
from .references import Told, the_doers


def _words(name: str) -> frozenset[str]:
    return word_lists("references.toml")[name]


def points_back(m: Mention) -> bool:
    """An event noun that points back to a deed told before: with a definite or demonstrative
    article or a possessive ("the raid", "this week's bombing", "the Russian strike"), or named
    of a pronoun that stands for it ("This was a deliberate attack", "It was the deadliest raid")."""
    t = m.trigger
    if t.pos_ == "VERB":
        return _deed_as_doer(m) or _deed_among_its_words(m)
    if _definite(t):
        return True
    return t.dep_ == deps.ATTRIBUTE and any(
        c.dep_ == deps.SUBJECT and fold(c.lower_) in _words("pointing_subjects") for c in t.head.children
    )


def in_a_pointing_sentence(m: Mention) -> bool:
    """A mention in a sentence whose subject is the deed told before, named by a noun that points
    back: "A source confirmed the toll, although the assault took place in borderlands where militants
    are fighting an insurgency": the sentence tells that deed again, and what else it tells of its kind
    is of that deed."""
    deeds = _words("deed_nouns")
    return any(
        w.dep_ == deps.SUBJECT and w.i != m.trigger.i and fold(w.lemma_) in deeds and _definite(w)
        for w in m.sent
    )


def _definite(tok) -> bool:
    mods = [c for c in tok.children if c.dep_ in (deps.DETERMINER, deps.POSSESSIVE)]
    return bool(mods) and (
        mods[0].dep_ == deps.POSSESSIVE or fold(mods[0].lemma_) in cue("reference.definite")
    )


def _deed_as_doer(m: Mention) -> bool:
    """A verb whose subject is the deed told before: "the strike killed more than 30 people",
    "the operation killed over 300 militants", "the air strike had also struck a depot"; or a toll
    told in it: "Abu was injured in the clash"."""
    deeds = _words("deed_nouns")
    words = [c for c in m.governor.children if c.dep_ == deps.SUBJECT] + _toll_within(m)
    return any(fold(w.lemma_) in deeds and _definite(w) for w in words)


def hurt_in_the_deed(m: Mention) -> bool:
    """A verb that points back only by the deed its toll was told in ("was injured in the clash",
    "also shot in the attack", "figures for the victims of the bombing"): its subject is a victim,
    not a doer."""
    return m.trigger.pos_ == "VERB" and (
        any(_definite(w) for w in _toll_within(m)) or _deed_among_its_words(m)
    )


def _deed_among_its_words(m: Mention) -> bool:
    """A deed noun with a definite article among the words the mention took in ("revised figures for
    the victims of the terrorist attack: 84 dead and 284 injured"): the toll of the deed told before."""
    deeds = _words("deed_nouns")
    return any(w.pos_ == "NOUN" and fold(w.lemma_) in deeds and _definite(w) for w in m.merged)


def _toll_within(m: Mention) -> list:
    """The deed a toll is told in: "injured in the clash", "killed in crossfire"."""
    if fold(m.trigger.lemma_) not in _words("toll_verbs"):
        return []
    return [
        o
        for p in m.governor.children
        if p.dep_ == deps.PREP and fold(p.lemma_) in _words("within")
        for o in p.children
        if o.dep_ == deps.PREP_OBJECT and fold(o.lemma_) in _words("deed_nouns")
    ]


def own_deed(m: Mention) -> bool:
    """A toll told in a deed named anew ("were killed in crossfire", "died in an ambush"): that
    deed's toll, not the one told before."""
    return any(not _definite(w) for w in _toll_within(m))


def reacted_to(reaction: Told, told: list[Told]) -> Event | None:
    """The deed a reaction names by a noun that points back ("condemned the attack", "demanded
    an inquiry into the killings"): the last deed of the report's kinds told before it."""
    m = reaction.mention
    if m.type not in _words("reaction_types"):
        return None
    g = m.governor
    deeds = _words("deed_nouns")
    if not any(fold(w.lemma_) in deeds and _definite(w) for w in g.subtree if w.i != g.i):
        return None
    earlier = [
        t.event
        for t in told
        if t.event.type in _words("restated_types")
        and t.mention.sent.start <= m.sent.start
        and t is not reaction
    ]
    return earlier[-1] if earlier else None


def threat_in_the_deed(m: Mention, told: list[Told]) -> Told | None:
    """A threat the doers of a deed told before make in its course ("the attackers threatened the staff
    with bombs", "the gunmen fired warning shots"): a part of that deed, told again, not a threat of
    its own; the last deed of the types of ``in_the_deed`` told before."""
    if m.type not in _words("threats_in_a_deed") or m.actor is None or not the_doers(m.actor):
        return None
    deeds = _words("in_the_deed")
    return next(
        (t for t in reversed(told) if t.event.type in deeds and t.mention.sent.start < m.sent.start), None
    )


def names_the_victims(m: Mention, mentions: list[Mention]) -> Mention | None:
    """A deployment told only to name who a deed of its sentence was done to ("Three police units sent
    to clear it were fired on", "troops deployed to the border came under attack"): it tells that deed,
    not a deployment of its own; the deed's mention, or None."""
    t = m.trigger
    if m.type not in _words("victims_named_by") or t.dep_ != deps.ACL:
        return None
    noun = t.head
    return next(
        (
            d
            for d in mentions
            if d is not m
            and d.sent.start == m.sent.start
            and d.type in _words("in_the_deed")
            and any(c.i == noun.i and c.dep_ in deps.SUBJECTS for c in d.governor.children)
        ),
        None,
    )
