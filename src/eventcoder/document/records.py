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

from ..lexicons.actors import actor_index
from ..lexicons.data import cue, event_lexicon, fold
from ..lexicons.ontology import types_with
from ..model import Count, Document, Event, Party, Source, event_id
from ..nlp.syntax import PRONOUNS, child, folded_lemmas, forget, lemma_forms, sent_lemmas, span_text
from ..options import Options
from ..sentence.arguments import doer_of_deed, is_thing, owner_of_thing, partner_of
from ..sentence.casualties import counts_for, find_casualties
from ..sentence.dates import parse_iso
from ..sentence.mention import Mention
from ..sentence.party_words import is_partylike, party_head, party_span
from ..sentence.triggers import find_trigger
from .attribution import claimant_of
from .dating import DocDates
from .parties import (
    STATE_SECTORS,
    PartyMemory,
    find_issuer,
    implied_target,
    is_reference,
    is_unnamed,
    remember_subject,
    resolve_party,
)
from .places import DocPlaces

log = logging.getLogger(__name__)


@dataclass
class _Told:
    """An event already coded in this document, for folding later references into it."""

    event: Event
    mention: Mention


def _is_back_reference(m: Mention, told: list[_Told], dates: DocDates) -> _Told | None:
    """The earlier event a definite nominal mention refers back to: "the attack",
    "Tuesday's raid", "the death toll from the bombing"."""
    t = m.trigger
    if m.governor.i != t.i or t.pos_ == "VERB":
        return None
    mods = [c for c in t.children if c.dep_ in ("det", "poss")]
    first = fold(mods[0].lemma_) if mods else None
    if first in cue("reference.new") or any(c.dep_ == "nummod" for c in t.children):
        return None
    definite = first in cue("reference.definite") or (mods and mods[0].dep_ == "poss")
    under_toll = fold(t.head.head.lemma_) in cue("reference.toll_nouns") or fold(t.head.lemma_) in cue(
        "reference.toll_nouns"
    )
    if not (definite or under_toll):
        return None
    own = _own_actor_name(m)
    for prior in reversed(told):
        if prior.event.type == m.type:
            if own and prior.event.actor is not None and own != prior.event.actor.name:
                return None  # "Iran's strike" after "Pakistan's strikes": another event
            if not _dates_agree(dates.own(m, inside=True), prior.event):
                return None  # "the September 17 attack" is not the attack of June told before
            return prior
    return None


def _dates_agree(exprs, event: Event) -> bool:
    if not exprs or event.date is None:
        return True
    start, end = event.date.start, event.date.end
    return any(e.start.isoformat() <= end and start <= e.end.isoformat() for e in exprs)


def _own_actor_name(m: Mention) -> str | None:
    """The canonical name of a mention's actor when the mention names it itself."""
    tok = party_head(m.actor)
    if tok is None or tok.tag_ in PRONOUNS or is_reference(tok):
        return None
    return actor_index().resolve(party_span(tok).text).name


def _elaborates_previous(m: Mention, told: list[_Told], dates: DocDates) -> _Told | None:
    """A sentence that goes on telling the event just told: "Gunmen stormed the town on
    Sunday. They killed 12 people. Several shops were burned." Same type, close by, no date
    of its own, and no actor of its own (none, or a pronoun)."""
    prior = next((t for t in reversed(told) if t.event.type == m.type), None)
    if prior is None or prior.mention.sent.start == m.sent.start:
        return None
    doers = m.actor is not None and (_the_doers(m.actor) or _owned_by_pronoun(m.actor))
    if m.sent.start - prior.mention.sent.end > 2 * len(m.sent) + 40 and not doers:
        return None
    if (
        m.actor is not None
        and m.actor.tag_ not in PRONOUNS
        and not is_reference(m.actor)
        and not doers
        and not (prior.event.actor is not None and _own_actor_name(m) == prior.event.actor.name)
    ):
        return None  # a new actor: a new event (the same actor may go on: "its forces had hit ...")
    g = m.governor
    lo, hi = g.left_edge.idx, g.right_edge.idx + len(g.right_edge)
    if any(
        e.kind != "since" and (not doers or lo <= e.start_char < hi)
        for e in dates.by_sent.get(m.sent.start, [])
    ):
        return None  # a date of its own (for a claim, "said on Wednesday that its fighters ...", the saying's is not)
    if sent_lemmas(m.sent) & cue("reference.new_event_markers"):
        return None  # "About four hours later, a second bomb ..."
    if any(fold(c.lemma_) in cue("reference.new") - {"a", "an"} for c in m.trigger.children):
        return None
    return prior


def _claims_it(event: Event, m: Mention, memory: PartyMemory) -> None:
    """ "X said its fighters had killed 300": X claims the attack told without a named actor
    (the claim is recorded, not endorsed)."""
    if m.actor is None or not _owned_by_pronoun(m.actor):
        return
    if event.actor is not None and not is_unnamed(event.actor):
        return
    claimed = resolve_party(m.actor, memory, as_actor=True)
    if claimed is not None and not is_unnamed(claimed):
        event.actor = claimed


def _state_forces(m: Mention, actor: Party | None) -> Party | None:
    """ "the Turkish drone strike": a state's demonym on an attack names its forces, not its
    people."""
    if (
        m.type not in ("ASSAULT", "COERCE")
        or actor is None
        or actor.sector != "civilians"
        or m.actor.dep_ not in ("amod", "compound")
        or not any((f, "NOUN") in event_lexicon() for f in lemma_forms(m.actor.head))
    ):
        return actor
    return actor_index().state_party(actor.country, "military", actor.text) or actor


def _owned_by_pronoun(tok: Token) -> bool:
    """ "its fighters", "their men": a party's own people, pointing back to it."""
    head = party_head(tok)
    return head is not None and any(c.dep_ == "poss" and c.tag_ in PRONOUNS for c in head.children)


def _the_doers(tok: Token) -> bool:
    """ "the attackers", "the gunmen": the doers of an attack already told."""
    head = party_head(tok)
    if head is None or not {fold(head.lemma_), fold(head.text)} & cue("reference.perpetrator_nouns"):
        return False
    return any(c.lower_ == "the" for c in head.children if c.dep_ == "det")


def _casualty_report(m: Mention, told: list[_Told]) -> _Told | None:
    """ "Two children were killed.", "the toll has risen to 34": casualties of the last
    assault told, not an event of their own."""
    if m.type != "ASSAULT" or party_head(m.actor) is not None:
        return None
    casualty = cue("reference.casualty_verbs")
    words = [m.trigger, *m.merged]
    if not all(fold(t.lemma_) in casualty for t in words):
        return None
    g = m.governor
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in g.children) or (
        g.dep_ == "conj" and any(c.dep_ in ("nsubjpass", "auxpass") for c in g.head.children)
    )
    if not passive or any(c.dep_ == "dobj" for c in g.children):
        return None
    for prior in reversed(told):
        if prior.event.type == "ASSAULT":
            return prior
    return None


def is_title_line(sent) -> bool:
    """A headline or subheading: a whole line with no closing punctuation."""
    text = span_text(sent).strip()
    doc = sent.doc
    starts_line = (
        sent.start == 0 or "\n" in doc[sent.start - 1].text or all(t.is_space for t in doc[: sent.start])
    )
    if not text or not starts_line or "\n" in text:
        return False
    if sent.start == next((t.i for t in doc if not t.is_space), 0) and _ends_line(sent):
        return text.rstrip("\"\u201d'\u2019")[-1:] not in ".!?"  # the headline
    return text[-1] not in ".!?\"\u201d'\u2019:;)"


def _ends_line(sent) -> bool:
    doc = sent.doc
    return sent.end >= len(doc) or "\n" in doc[sent.end - 1].text or "\n" in doc[sent.end].text


def evidence(sent) -> tuple[str, int, int]:
    """The sentence verbatim without surrounding white space, and its offsets."""
    raw = span_text(sent)
    lead = len(raw) - len(raw.lstrip())
    text = raw.strip()
    start = sent.start_char + lead
    return text, start, start + len(text)


def code_document(sdoc: Doc, document: Document, options: Options) -> list[Event]:
    """The event records of *document*, parsed as *sdoc*."""
    dates = DocDates(sdoc, parse_iso(document.published))
    memory = PartyMemory()
    memory.issuer = find_issuer(sdoc)
    places = DocPlaces(sdoc)
    focus = memory.country = places.focus_country()
    told: list[_Told] = []
    events: list[Event] = []
    sents = list(sdoc.sents)
    fed = 0
    for m in sdoc._.ec_mentions or []:
        while fed < len(sents) and sents[fed].start < m.sent.start:
            remember_subject(sents[fed], memory)
            _apply_claim(sents[fed], told, memory)
            _apply_toll(sents[fed], told, memory, dates)
            fed += 1
        if is_title_line(m.sent):
            continue
        prior = (
            _is_back_reference(m, told, dates)
            or _casualty_report(m, told)
            or _elaborates_previous(m, told, dates)
        )
        if prior is not None:
            log.debug("%s: %r refers back to an earlier %s", document.id, m.trigger.text, m.type)
            said = claimant_of(m, memory.issuer, None, lambda tok: resolve_party(tok, memory, as_actor=False))
            _add_casualties(prior.event, m, dates, update=True, said=said.name if said else None)
            if said is not None:
                _claims_it(prior.event, m, memory)
            continue
        date = dates.for_mention(m)
        if date is not None and document.published and date.start > document.published:
            log.debug(
                "%s: %r is dated after publication: announced, not reported", document.id, m.trigger.text
            )
            continue
        actor = _state_forces(m, resolve_party(m.actor, memory, as_actor=True))
        if m.type == "PROTEST" and actor is not None and actor.sector == "civilians":
            # people who march, rally or block roads are protesters (ACLED's convention)
            where = actor_index().country_name(actor.country)
            actor = Party(
                name=f"Protesters ({where})" if where else "Protesters",
                text=actor.text,
                country=actor.country,
                sector="protesters",
            )
        deeds = m.type in types_with("event_target")
        aimed = owner_of_thing(m.target) if is_thing(m.target, deeds) else partner_of(m.target) or m.target
        doer = doer_of_deed(m.target) if aimed is m.target and deeds and not is_partylike(m.target) else None
        if doer is not None:
            aimed = doer  # "rejected the ELN's demand", "condemned the attack by the militia": whose deed
        if m.type in types_with("authorities") and _a_place(aimed):
            aimed = None  # people march to a place, and protest to its authorities
        if m.type in types_with("own_forces") and not _against(aimed) and not _pursued(aimed):
            aimed = None  # the troops sent are the actor's own
        target = resolve_party(
            aimed,
            memory,
            as_actor=False,
            told=told if m.type in types_with("event_target") and doer is None else None,
        )
        if (
            target is not None
            and actor is not None
            and target.name == actor.name
            and target.text != actor.text
        ):
            target = None  # a reference resolved to the actor itself: no target is better than a wrong one
        actor_words = (
            set(range(party_span(m.actor).start, party_span(m.actor).end)) if m.actor is not None else set()
        )
        state = actor.country if actor is not None and actor.sector in STATE_SECTORS else None
        issuer = memory.issuer
        location = places.for_mention(
            m,
            skip=actor_words,
            spoken=m.type in types_with("spoken"),
            state=state,
            by_issuer=issuer is None or (actor is not None and actor.name == issuer.name),
        )
        if target is None:
            where = location.country if location is not None else None
            target = implied_target(m.type, actor, [t.event for t in told], where or focus)
        sentence, start, end = evidence(m.sent)
        src = Source(
            doc_id=document.id,
            sentence=sentence,
            start=start,
            end=end,
            title=document.title,
            url=document.url,
            published=document.published,
            trigger=" ".join(t.text for t in sorted([m.trigger, *m.merged], key=lambda t: t.i)),
        )
        said_by = claimant_of(m, memory.issuer, actor, lambda tok: resolve_party(tok, memory, as_actor=False))
        src.attributed_to = said_by.name if said_by is not None else None
        ev = Event(
            id=event_id(document.id, src.start, src.end, m.type, m.trigger.idx),
            type=m.type,
            mode=m.mode,
            actor=actor,
            target=target,
            sources=[src],
            confidence=_confidence(m),
            date=date,
            location=location,
        )
        _add_casualties(ev, m, dates)
        events.append(ev)
        told.append(_Told(ev, m))
    for sent in sents[fed:]:
        _apply_claim(sent, told, memory)
        _apply_toll(sent, told, memory, dates)
    forget(sdoc)
    return events


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
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head
    return fold(verb.lemma_) in cue("targets.pursuit_verbs")


def _against(tok) -> bool:
    return tok is not None and tok.dep_ == "pobj" and fold(tok.head.lemma_) in ("against", "on", "upon")


def _add_casualties(
    ev: Event, m: Mention, dates: DocDates, update: bool = False, said: str | None = None
) -> None:
    """The killed and wounded the mention's clause counts, onto the event (and its source). A
    later sentence about the same event ("Eleven people died.", "the toll rose to 34") fills
    what is missing or, with *update*, raises a toll to its latest figure; a different figure
    from another claimant (*said*) is kept beside the first as a competing claim."""
    if ev.type not in cue("casualties.types"):
        return
    if update and any(
        e.kind == "since" or (ev.date is not None and e.end.isoformat() < ev.date.start)
        for e in dates.by_sent.get(m.sent.start, [])
    ):
        return  # "More than 7,000 people have been killed since 2004": not this event's toll
    killed, wounded, rising = counts_for(m)
    src = ev.sources[0]
    for role, count in (("fatalities", killed), ("injuries", wounded)):
        if count is None or count.best is None:
            continue
        old = getattr(ev, role)
        if old is None:
            setattr(ev, role, count)
            setattr(src, role, count.best)
        elif not update:
            continue
        elif src.claims or (said and src.attributed_to and said != src.attributed_to and not rising):
            _claim(
                ev, role, said or src.attributed_to, count
            )  # another claimant's figure, or a claim updated
        elif old.best is not None and count.best > old.best:
            setattr(ev, role, count)  # the toll has risen
            setattr(src, role, count.best)


def _claim(ev: Event, role: str, said: str, count) -> None:
    """Another claimant's figure for the event: kept in the source's claims; low and high
    span the claims, best is the most conservative."""
    src = ev.sources[0]
    claims = src.claims or [
        {"claimant": src.attributed_to, "fatalities": src.fatalities, "injuries": src.injuries}
    ]
    entry = next((c for c in claims if c["claimant"] == said), None)
    if entry is None:
        entry = {"claimant": said, "fatalities": None, "injuries": None}
        claims.append(entry)
    if entry[role] == count.best:
        return
    entry[role] = count.best
    src.claims = claims
    figures = [c[role] for c in claims if c[role] is not None]
    old = getattr(ev, role)
    setattr(
        ev,
        role,
        Count(low=min(figures), best=min(figures), high=max(figures), text=f"{old.text} / {count.text}"),
    )


def _apply_toll(sent, told: list[_Told], memory: PartyMemory, dates: DocDates) -> None:
    """A sentence that tells no event but a toll ("The death toll rose to 19 on Thursday,
    hospital officials said."): it updates the last assault told, not a new event."""
    if not told or any(t.mention.sent.start == sent.start for t in told) or is_title_line(sent):
        return
    found = find_casualties(sent)
    if not any(fold(c.anchor.text) in cue("casualties.toll_words") for c in found):
        return
    prior = next((t for t in reversed(told) if t.event.type in cue("casualties.types")), None)
    if prior is None:
        return
    stub = Mention(
        trigger=sent.root, words="", type=prior.event.type, mode=None, sent=sent, governor=sent.root
    )
    said = claimant_of(stub, memory.issuer, None, lambda tok: resolve_party(tok, memory, as_actor=False))
    _add_casualties(prior.event, stub, dates, update=True, said=said.name if said else None)


def _confidence(m: Mention) -> float:
    """How sure the finder is: grammar found (arguments, a verb) raises it; hedges ("allegedly",
    "reportedly", "claimed") lower it."""
    hedged = sent_lemmas(m.sent) & cue("reporting.hedges")
    return round(max(0.05, m.confidence - (0.2 if hedged else 0.0)), 3)


def _apply_claim(sent, told: list[_Told], memory: PartyMemory) -> None:
    """ "Al Shabaab claimed responsibility for the bombing": the claimant is the actor of the
    last assault told without one (the claim is recorded, not endorsed)."""
    lemmas, claims = folded_lemmas(sent.doc), cue("reference.claim_verbs")
    for i in range(sent.start, sent.end):
        tok = sent.doc[i]
        if lemmas[i] not in claims or tok.pos_ != "VERB":
            continue
        obj = child(tok, ("dobj",))
        if obj is None or not (fold(obj.lemma_) in ("responsibility", "credit") or find_trigger(obj, set())):
            continue
        subj = child(tok, ("nsubj",))
        if subj is None or child(tok, ("neg",)) is not None:
            continue
        for prior in reversed(told):
            if prior.event.type == "ASSAULT":
                if prior.event.actor is None or is_unnamed(prior.event.actor):
                    prior.event.actor = resolve_party(subj, memory, as_actor=True)
                return
