"""The two sides of a report: "the two countries", "both sides", "Thailand and Cambodia" stand for
the report's two parties, and a reciprocal deed or statement ("accused each other", "each side
accused the other") becomes one record for each side, aimed at the other and made at home.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..lexicons.actors import actor_index
from ..lexicons.data import fold, word_lists
from ..lexicons.gazetteer import gazetteer
from ..lexicons.ontology import types_with
from ..model import Event, Party, Place, event_id
from ..nlp import deps
from ..sentence.mention import Mention
from ..sentence.party_words import party_head, party_span
from .records import add_telling

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .context import Reading


def _words(name: str) -> frozenset[str]:
    return word_lists("references.toml")[name]


def is_two_sides(tok: Token | None) -> bool:
    """ "the two countries", "both sides", "each side": the two parties of a report, not one named."""
    head = party_head(tok)
    if head is None or fold(head.lemma_) not in _words("side_nouns"):
        return False
    return any(fold(c.lower_) in _words("both_words") for c in head.children)


def two_sides(tok: Token | None, earlier: list, last: tuple | None = None) -> tuple[Party, Party] | None:
    """The two parties "the two countries" or "Thailand and Cambodia" stand for: the parties the
    words join, else the two sides named *last*, else the two states the deeds of violence told
    before are most done by and to (*earlier*: the events told before, oldest first)."""
    head = party_head(tok)
    if head is not None and not is_two_sides(head):
        joined = [head, *(c for c in head.children if c.dep_ == deps.CONJUNCT)]
        if len(joined) == 2:
            a, b = (actor_index().resolve(party_span(t).text) for t in joined)
            return (a, b) if a.name != b.name else None
        return None
    if last is not None:
        return last
    weight: dict[str, int] = {}
    for ev in earlier:  # the states of the deeds of violence told: the doers' twice, the targets' once
        if ev.type in types_with("violence"):
            for party, w in ((ev.actor, 2), (ev.target, 1)):
                if party is not None and party.country:
                    weight[party.country] = weight.get(party.country, 0) + w
    if len(weight) < 2:
        return None
    idx = actor_index()
    first, second = sorted(weight, key=lambda c: -weight[c])[:2]
    return idx.resolve(idx.country_name(first)), idx.resolve(idx.country_name(second))


def each_side(r: Reading, events: list[Event]) -> list[Event]:
    """ "The two countries accused each other", "Thailand and Cambodia blamed each other": one record
    for each side, aimed at the other; "both sides agreed to a truce": one side's, aimed at the other.
    A reciprocal statement told again of the same two sides is a telling of the first."""
    out: list[Event] = []
    done: dict[tuple, Event] = {}
    last = None  # the two sides named last: "the two countries" after "Eritrea and Ethiopia"
    twins = _twins(r)
    for i, told in enumerate(r.told):
        m, ev = told.mention, told.event
        if ev not in events:
            continue
        recip = _reciprocal(m)
        if recip and id(m) in twins and ev.actor is not None and ev.target is not None:
            out.append(_at_home_of(ev))  # the sentence stage made each side's record already
            done.setdefault((ev.type, frozenset((ev.actor.name, ev.target.name))), ev)
            last = (ev.actor, ev.target)
            continue
        pair = (
            two_sides(m.actor, [t.event for t in r.told[:i]], last)
            if recip or is_two_sides(m.actor)
            else None
        )
        last = pair or last
        if pair is None:
            out.append(ev)
            continue
        key = (ev.type, frozenset(p.name for p in pair))
        if recip and key in done:
            add_telling(done[key], ev.sources[0])
            continue
        ev.actor, ev.target = pair
        out.append(ev)
        if recip:
            done[key] = ev
            out.append(_at_home_of(_mirror(ev, m)))
            _at_home_of(ev)
    return out


def _twins(r: Reading) -> set[int]:
    """The mentions the sentence stage already made for both sides ("Thailand and Cambodia blamed
    each other": one mention each way, actor and target swapped in one sentence)."""
    seen: dict[tuple, Mention] = {}
    out: set[int] = set()
    for told in r.told:
        m = told.mention
        if m.actor is None or m.target is None:
            continue
        swapped = (m.sent.start, m.type, m.target.i, m.actor.i)
        if swapped in seen:
            out |= {id(m), id(seen[swapped])}
        seen[(m.sent.start, m.type, m.actor.i, m.target.i)] = m
    return out


def _at_home_of(ev: Event) -> Event:
    """Each side's statement of a reciprocal one is made in its own country, unless the telling
    already places it there."""
    home = ev.actor.country if ev.actor is not None else None
    if home and ev.type in types_with("spoken") and (ev.location is None or ev.location.country != home):
        state = gazetteer().country(home)
        if state is not None:
            ev.location = Place(
                state.name, state.country, None, None, "country", None, None, state.gazetteer_id
            )
    return ev


def _reciprocal(m: Mention) -> bool:
    """ "accused each other", "blamed one another", "each side accused the other"."""
    words = [fold(t.lower_) for t in m.governor.subtree]
    pairs = {" ".join(words[i : i + 2]) for i in range(len(words) - 1)}
    return bool(pairs & _words("reciprocal_pairs"))


def _mirror(ev: Event, m: Mention) -> Event:
    """The other side's record of a reciprocal deed or statement."""
    src = replace(ev.sources[0], tellings=None)
    anchor = -(m.trigger.idx + 1)
    return replace(
        ev,
        id=event_id(src.doc_id, src.start, src.end, ev.type, anchor),
        actor=ev.target,
        target=ev.actor,
        sources=[src],
        extra=dict(ev.extra),
    )
