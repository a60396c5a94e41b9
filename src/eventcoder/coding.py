"""From the mentions of one parsed document to event records.

Parties are normalised (:mod:`actors`), pronouns and generic nouns ("they", "the group")
resolved to an earlier party of the same document, later references to an event already
told ("the attack", "the raid") folded into it, and each record gets its evidence: the
sentence verbatim with character offsets into the document's text.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .actors import actor_index
from .events import PRONOUNS, Mention, party_span
from .lexicon import cue, fold
from .model import Document, Event, Party, Source, event_id
from .options import Options

log = logging.getLogger(__name__)


@dataclass
class _Told:
    """An event already coded in this document, for folding later references into it."""

    event: Event
    mention: Mention


class PartyMemory:
    """The parties a document has named so far, most recent last."""

    def __init__(self):
        self.people: list[Party] = []
        self.groups: list[Party] = []

    def add(self, party: Party | None, is_person: bool) -> None:
        if party is None:
            return
        (self.people if is_person else self.groups).append(party)

    def resolve(self, tok: Token) -> Party | None:
        word = fold(tok.text)
        if word in cue("arguments.person_pronouns"):
            return self.people[-1] if self.people else None
        if word in cue("arguments.group_pronouns") or word in cue("arguments.group_nouns"):
            return self.groups[-1] if self.groups else None
        return None


def _is_reference(tok: Token) -> bool:
    """A bare pronoun or a definite generic noun ("the group") that points back."""
    if tok.tag_ in PRONOUNS and tok.tag_ not in ("WP", "WDT"):
        return True
    if fold(tok.lemma_) in cue("arguments.group_nouns") or fold(tok.text) in cue("arguments.group_nouns"):
        dets = [c for c in tok.children if c.dep_ in ("det", "poss")]
        mods = [c for c in tok.children if c.dep_ in ("amod", "compound", "nmod")]
        return bool(dets) and fold(dets[0].lemma_) in ("the", "this", "that", "these", "those") and not mods
    return False


def _party(tok: Token | None, memory: PartyMemory, context_country: str | None) -> Party | None:
    if tok is None:
        return None
    if _is_reference(tok):
        earlier = memory.resolve(tok)
        if earlier is not None:
            return Party(name=earlier.name, text=tok.text, country=earlier.country, sector=earlier.sector)
        if tok.tag_ in PRONOUNS:
            return None
    span = party_span(tok)
    party = actor_index().resolve(span.text, context_country)
    memory.add(
        party,
        is_person=tok.ent_type_ == "PERSON"
        or (party.sector in ("government",) and " of " not in party.name and tok.ent_type_ == "PERSON"),
    )
    return party


def _is_back_reference(m: Mention, told: list[_Told]) -> _Told | None:
    """The earlier event a definite nominal mention ("the attack") refers back to."""
    t = m.trigger
    if m.governor.i != t.i or t.pos_ == "VERB":
        return None
    dets = [fold(c.lemma_) for c in t.children if c.dep_ in ("det", "poss")]
    if not dets or dets[0] in cue("reference.new") or dets[0] not in cue("reference.definite"):
        return None
    if any(c.dep_ == "nummod" for c in t.children):
        return None
    for prior in reversed(told):
        if prior.event.type == m.type:
            return prior
    return None


def _same_as_previous(m: Mention, told: list[_Told]) -> _Told | None:
    """An event told again in the next sentence by a pronoun: "Gunmen stormed X. They killed 12"."""
    if not told or m.actor is None or m.actor.tag_ not in PRONOUNS:
        return None
    prior = told[-1]
    if prior.event.type != m.type:
        return None
    gap = m.sent.start - prior.mention.sent.end
    return prior if 0 <= gap <= 1 or prior.mention.sent == m.sent else None


def code_document(sdoc: Doc, document: Document, options: Options) -> list[Event]:
    """The event records of *document*, parsed as *sdoc*."""
    memory = PartyMemory()
    told: list[_Told] = []
    events: list[Event] = []
    for m in sdoc._.ec_mentions or []:
        prior = _is_back_reference(m, told) or _same_as_previous(m, told)
        if prior is not None:
            log.debug("%s: %r refers back to an earlier %s", document.id, m.trigger.text, m.type)
            continue
        actor = _party(m.actor, memory, None)
        target = _party(m.target, memory, None)
        sent = m.sent
        src = Source(
            doc_id=document.id,
            sentence=sent.text,
            start=sent.start_char,
            end=sent.end_char,
            title=document.title,
            url=document.url,
            published=document.published,
            trigger=" ".join(t.text for t in sorted([m.trigger, *m.merged], key=lambda t: t.i)),
        )
        ev = Event(
            id=event_id(document.id, src.start, src.end, m.type, m.trigger.idx),
            type=m.type,
            mode=m.mode,
            actor=actor,
            target=target,
            sources=[src],
            confidence=m.confidence,
        )
        events.append(ev)
        told.append(_Told(ev, m))
    return events
