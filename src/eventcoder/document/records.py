"""Event records: a mention that tells a new event becomes a record, with its actor and target
resolved across the document, its place, its claimant, its casualties and its evidence (the
sentence verbatim with character offsets into the document's text).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicons.actors import actor_index
from ..lexicons.data import cue, event_lexicon, fold, word_lists
from ..lexicons.ontology import types_with
from ..model import DateSpan, Event, Party, Place, Source, event_id
from ..nlp import deps
from ..nlp.syntax import lemma_forms
from ..sentence.arguments import doer_of_deed, is_thing, owner_of_thing, partner_of
from ..sentence.mention import Mention
from ..sentence.party_words import is_partylike, party_span
from .attribution import claimant_of
from .evidence import evidence
from .parties import STATE_SECTORS, implied_target, quotation_sayer, resolve_party
from .references import Told, add_casualties

if TYPE_CHECKING:
    from .context import Reading


def new_record(r: Reading, m: Mention, date: DateSpan | None) -> Event:
    """The record of the new event mention *m* tells (dated *date*); the parties it resolves are
    remembered in the reading's party memory, in the order the document names them."""
    memory = r.ctx.parties
    actor = _actor(m, resolve_party(m.actor, memory, as_actor=True))
    if actor is None and m.type in types_with("spoken"):
        actor = quotation_sayer(m.trigger, memory)  # a statement with no speaker in its clause, quoted
    target = _target(r, m, actor)
    told = [t.event for t in r.told]
    sides = target or implied_target(m.type, actor, told, memory.country)  # (whom the deed is aimed at)
    location = _location(r, m, actor, sides)
    if target is None:
        where = location.country if location is not None else None
        target = implied_target(m.type, actor, told, where or memory.country)
    src = source_of(r, m)
    said_by = claimant_of(m, memory.issuer, actor, lambda tok: resolve_party(tok, memory, as_actor=False))
    src.attributed_to = said_by.name if said_by is not None else None
    src.telling = r.ctx.dates.telling(m, date)
    ev = Event(
        id=event_id(r.ctx.document.id, src.start, src.end, m.type, m.trigger.idx),
        type=m.type,
        mode=m.mode,
        actor=actor,
        target=target,
        sources=[src],
        confidence=m.confidence,  # provisional: document/confidence.py rates the finished record
        date=date,
        location=location,
    )
    add_casualties(ev, m, r.ctx.dates)
    return ev


def _actor(m: Mention, actor: Party | None) -> Party | None:
    """The actor as a party: a state's forces for "the Turkish drone strike", protesters for
    people who march, rally or block roads (ACLED's convention). A deed named as the doer ("the
    April 1 strike, which razed the consulate", "the blast killed 12") is the deed, not a party."""
    if m.actor is not None and fold(m.actor.lemma_) in word_lists("references.toml")["deed_nouns"]:
        return None
    actor = _state_forces(m, actor)
    if m.type == "PROTEST" and actor is not None and actor.sector == "civilians":
        where = actor_index().country_name(actor.country)
        actor = Party(
            name=f"Protesters ({where})" if where else "Protesters",
            text=actor.text,
            country=actor.country,
            sector="protesters",
        )
    return actor


def _state_forces(m: Mention, actor: Party | None) -> Party | None:
    """ "the Turkish drone strike": a state's demonym on an attack names its forces, not its
    people."""
    if (
        m.type not in ("ASSAULT", "COERCE")
        or actor is None
        or actor.sector != "civilians"
        or m.actor.dep_ not in (deps.ADJ_MODIFIER, deps.COMPOUND)
        or not any((f, "NOUN") in event_lexicon() for f in lemma_forms(m.actor.head))
    ):
        return actor
    return actor_index().state_party(actor.country, "military", actor.text) or actor


def _aimed(m: Mention):
    """(the words the event is aimed at, the doer of a deed aimed at): the owner of a thing hit,
    the partner of a deal, whose deed was condemned."""
    deeds = m.type in types_with("event_target")
    aimed = owner_of_thing(m.target) if is_thing(m.target, deeds) else partner_of(m.target) or m.target
    doer = doer_of_deed(m.target) if aimed is m.target and deeds and not is_partylike(m.target) else None
    if doer is not None:
        aimed = doer  # "rejected the ELN's demand", "condemned the attack by the militia": whose deed
    if m.type in types_with("authorities") and _a_place(aimed):
        aimed = None  # people march to a place, and protest to its authorities
    if m.type in types_with("own_forces") and not _against(aimed) and not _pursued(aimed):
        aimed = None  # the troops sent are the actor's own
    return aimed, doer


def _target(r: Reading, m: Mention, actor: Party | None) -> Party | None:
    """The target as a party ("condemned the killings": whoever did the killings told before)."""
    aimed, doer = _aimed(m)
    told: list[Told] | None = r.told if m.type in types_with("event_target") and doer is None else None
    target = resolve_party(aimed, r.ctx.parties, as_actor=False, told=told)
    if target is not None and actor is not None and target.name == actor.name and target.text != actor.text:
        return None  # a reference resolved to the actor itself: no target is better than a wrong one
    return target


def _location(r: Reading, m: Mention, actor: Party | None, target: Party | None = None) -> Place | None:
    """The event's place; the actor's words name a party, not where; the parties' countries place a
    deed nothing else does."""
    actor_words = _words_of(m.actor)
    if m.type in types_with("spoken"):  # "warned Israel over the strike in Damascus": neither is where
        actor_words |= _deeds_spoken_of(m) | _words_of(m.target)
    state = actor.country if actor is not None and actor.sector in STATE_SECTORS else None
    issuer = r.ctx.parties.issuer
    return r.ctx.places.for_mention(
        m,
        skip=actor_words,
        spoken=m.type in types_with("spoken"),
        state=state,
        by_issuer=issuer is None or (actor is not None and actor.name == issuer.name),
        sides=_sides(actor, target),
    )


def _sides(actor: Party | None, target: Party | None) -> tuple[str | None, str | None]:
    """The countries of a deed between two states' forces ("Thailand hit back with airstrikes" on
    Cambodia's army), else none."""
    if actor is None or target is None or target.sector not in STATE_SECTORS:
        return None, None
    return actor.country, target.country


def _words_of(tok) -> set[int]:
    """The token indices of the words naming a party."""
    return set(range(party_span(tok).start, party_span(tok).end)) if tok is not None else set()


def _deeds_spoken_of(m: Mention) -> set[int]:
    """The words of a deed a statement speaks of: "Israel will be punished for its strike on the
    consulate in Damascus" is said where the speaker is, not in Damascus."""
    deeds = word_lists("references.toml")["deed_nouns"]
    return {
        w.i
        for t in m.sent
        if t.i != m.trigger.i and t.pos_ == "NOUN" and fold(t.lemma_) in deeds
        for w in t.subtree
        if m.trigger.i not in range(t.left_edge.i, t.right_edge.i + 1)
    }


def source_of(r: Reading, m: Mention) -> Source:
    """The evidence: the mention's sentence in the document, and its trigger words."""
    document = r.ctx.document
    sentence, start, end = evidence(m.sent)
    return Source(
        doc_id=document.id,
        sentence=sentence,
        start=start,
        end=end,
        title=document.title,
        url=document.url,
        published=document.published,
        trigger=" ".join(t.text for t in sorted([m.trigger, *m.merged], key=lambda t: t.i)),
    )


def _a_place(tok) -> bool:
    """A place that is not a party: anything not partylike, or a city ("Islamabad"), not a country."""
    if tok is None:
        return False
    if not is_partylike(tok):
        return True
    return (
        tok.ent_type_ in ("GPE", "LOC", "FAC") and actor_index().country_named(party_span(tok).text) is None
    )


def _pursued(tok) -> bool:
    """ "to search for the attackers": whom the troops go after."""
    if tok is None:
        return False
    verb = tok.head.head if tok.dep_ == deps.PREP_OBJECT else tok.head
    return fold(verb.lemma_) in cue("targets.pursuit_verbs")


def _against(tok) -> bool:
    return (
        tok is not None
        and tok.dep_ == deps.PREP_OBJECT
        and fold(tok.head.lemma_) in ("against", "on", "upon")
    )


def add_telling(ev: Event, src: Source) -> None:
    """One more telling of the event, kept beside its first source's sentence (once for each
    sentence): the first telling stays the evidence the record is read from."""
    first = ev.sources[0]
    if src.doc_id != first.doc_id or src.start == first.start:
        return
    tellings = first.tellings if first.tellings is not None else []
    if all(t["start"] != src.start for t in tellings):
        tellings.append({"sentence": src.sentence, "start": src.start, "end": src.end})
        first.tellings = sorted(tellings, key=lambda t: t["start"])
