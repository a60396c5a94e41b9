"""From the mentions of one parsed document to event records.

Parties are normalised (:mod:`actors`), pronouns and generic nouns ("they", "the group")
resolved to an earlier party of the same document, later references to an event already
told ("the attack", "the raid") folded into it, and each record gets its evidence: the
sentence verbatim with character offsets into the document's text.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta

from spacy.tokens import Doc, Token

from .actors import actor_index
from .dates import DateExpr, anchor, find_anchored, find_dates, parse_iso, parse_span
from .events import PRONOUNS, Mention, find_trigger, is_partylike, noun_arguments, party_head, party_span
from .lexicon import cue, fold
from .model import DateSpan, Document, Event, Party, Source, event_id
from .options import Options

log = logging.getLogger(__name__)


@dataclass
class _Told:
    """An event already coded in this document, for folding later references into it."""

    event: Event
    mention: Mention


class PartyMemory:
    """The parties a document has named so far, most recent last; actors before targets
    when a pronoun is resolved."""

    def __init__(self):
        self.people: list[Party] = []
        self.actors: list[Party] = []
        self.others: list[Party] = []

    def add(self, party: Party | None, is_person: bool, as_actor: bool) -> None:
        if party is None:
            return
        if is_person:
            self.people.append(party)
        (self.actors if as_actor else self.others).append(party)

    def resolve(self, tok: Token) -> Party | None:
        word = fold(tok.text)
        if word in cue("arguments.person_pronouns"):
            return self.people[-1] if self.people else None
        if (
            word in cue("arguments.group_pronouns")
            or word in cue("arguments.group_nouns")
            or fold(tok.lemma_) in cue("arguments.group_nouns")
        ):
            groups = [p for p in self.actors if p not in self.people] or self.others
            return groups[-1] if groups else None
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


def _speaker(tok: Token) -> Token | None:
    """ "The army announced that it was sending troops": the pronoun is the speaker."""
    clause = tok.head
    if (
        tok.dep_ in ("nsubj", "nsubjpass")
        and clause.dep_ in ("ccomp", "xcomp")
        and fold(clause.head.lemma_) in cue("reporting.lemmas")
    ):
        subj = _child_of(clause.head, ("nsubj",))
        if subj is not None and subj.tag_ not in PRONOUNS:
            return subj
    return None


def _resolve_reference(tok: Token, memory: PartyMemory, as_actor: bool, depth: int) -> Party | None:
    """What a pronoun or "the group" points to: the speaker of a reported clause, an earlier
    subject of the sentence, else the document's memory ("we" in a statement: its author)."""
    speaker = _speaker(tok) or _earlier_subject(tok)
    if speaker is not None and depth < 3:
        return _party(speaker, memory, as_actor, depth=depth + 1)
    if fold(tok.text) in ("we", "our", "us") and memory.actors:
        earlier = memory.actors[0]
    else:
        earlier = memory.resolve(tok)
    if earlier is None:
        return None
    return Party(name=earlier.name, text=tok.text, country=earlier.country, sector=earlier.sector)


def _earlier_subject(tok: Token) -> Token | None:
    """ "The militia went further on Sunday, when its drones struck": the nearest subject
    before the pronoun in its sentence that names a party of the same number."""
    if fold(tok.text) in cue("arguments.person_pronouns"):
        return None
    for cand in reversed(tok.sent[: tok.i - tok.sent.start]):
        if (
            cand.dep_ in ("nsubj", "nsubjpass")
            and cand.tag_ not in PRONOUNS
            and not _is_reference(cand)
            and is_partylike(cand)
        ):
            return cand
    return None


def _child_of(tok: Token, deps: tuple[str, ...]) -> Token | None:
    return next((c for c in tok.children if c.dep_ in deps), None)


def _is_person(tok: Token, party: Party) -> bool:
    return tok.ent_type_ == "PERSON" or (
        party.sector in ("government", "military")
        and tok.pos_ == "PROPN"
        and " of " not in party.name
        and tok.ent_type_ in ("PERSON", "")
    )


def _party(
    tok: Token | None, memory: PartyMemory, as_actor: bool, told: list | None = None, depth: int = 0
) -> Party | None:
    tok = party_head(tok)
    if tok is None:
        return None
    if _is_reference(tok):
        found = _resolve_reference(tok, memory, as_actor, depth)
        if found is not None or tok.tag_ in PRONOUNS:
            return found
    owner = _child_of(tok, ("poss",))
    if owner is not None and owner.tag_ in PRONOUNS and fold(tok.lemma_) in cue("arguments.generic_heads"):
        # "its fighters", "their troops", "his spokesman": the owner is the party
        found = _resolve_reference(owner, memory, as_actor, depth)
        if found is not None:
            return Party(
                name=found.name, text=party_span(tok).text, country=found.country, sector=found.sector
            )
    if told is not None and find_trigger(tok, set()) is not None and tok.pos_ == "NOUN":
        # the target of "condemned the killings" is whoever did them
        own = noun_arguments(tok)[0]
        if own is not None and depth < 3:
            return _party(own, memory, as_actor, depth=depth + 1)
        for prior in reversed(told):
            if prior.event.actor is not None:
                return prior.event.actor
        return None
    span = party_span(tok)
    party = actor_index().resolve(span.text)
    memory.add(party, is_person=_is_person(tok, party), as_actor=as_actor)
    return party


def _is_back_reference(m: Mention, told: list[_Told]) -> _Told | None:
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
            return prior
    return None


def _own_actor_name(m: Mention) -> str | None:
    """The canonical name of a mention's actor when the mention names it itself."""
    tok = party_head(m.actor)
    if tok is None or tok.tag_ in PRONOUNS or _is_reference(tok):
        return None
    return actor_index().resolve(party_span(tok).text).name


def _elaborates_previous(m: Mention, told: list[_Told], dates: DocDates) -> _Told | None:
    """A sentence that goes on telling the event just told: "Gunmen stormed the town on
    Sunday. They killed 12 people. Several shops were burned." Same type, close by, no date
    of its own, and no actor of its own (none, or a pronoun)."""
    prior = next((t for t in reversed(told) if t.event.type == m.type), None)
    if prior is None or prior.mention.sent.start == m.sent.start:
        return None
    if m.sent.start - prior.mention.sent.end > 2 * len(m.sent) + 40:
        return None
    if m.actor is not None and m.actor.tag_ not in PRONOUNS and not _is_reference(m.actor):
        return None
    if any(e.kind != "since" for e in dates.by_sent.get(m.sent.start, [])):
        return None
    if {fold(t.lemma_) for t in m.sent} & cue("reference.new_event_markers"):
        return None  # "About four hours later, a second bomb ..."
    if any(fold(c.lemma_) in cue("reference.new") - {"a", "an"} for c in m.trigger.children):
        return None
    return prior


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
    text = sent.text.strip()
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
    raw = sent.text
    lead = len(raw) - len(raw.lstrip())
    text = raw.strip()
    start = sent.start_char + lead
    return text, start, start + len(text)


class DocDates:
    """The date expressions of a document, sentence by sentence, and the paragraphs."""

    def __init__(self, sdoc: Doc, published):
        self.published = published
        self.by_sent: dict[int, list[DateExpr]] = {}
        self.anchored: dict[int, list] = {}
        year_hint = published.year if published else None
        for sent in sdoc.sents:
            found = find_dates(sent.text, published, year_hint, offset=sent.start_char)
            found += _other_dates(sent, found, published)
            self.by_sent[sent.start] = found
            self.anchored[sent.start] = find_anchored(sent.text, offset=sent.start_char)
            for e in found:
                if e.kind == "absolute":
                    year_hint = e.end.year
        text = sdoc.text
        self.paragraph_starts = [0] + [i + 2 for i in range(len(text)) if text.startswith("\n\n", i)]

    def paragraph(self, char: int) -> int:
        n = 0
        for i, start in enumerate(self.paragraph_starts):
            if start <= char:
                n = i
        return n

    def _earlier_date(self, m: Mention) -> DateExpr | None:
        """The last date told before the mention's sentence."""
        for start in sorted((s for s in self.by_sent if s < m.sent.start), reverse=True):
            exprs = [e for e in self.by_sent[start] if e.kind != "since"]
            if exprs:
                return exprs[-1]
        return None

    def for_mention(self, m: Mention) -> DateSpan | None:
        """The date that governs the event's clause; else, for a statement in the present
        tense, the day of publication; else the nearest earlier date of its paragraph or the one
        before (the story goes on); else the week up to publication; else None."""
        g = m.governor
        if self.published is not None and _speaks_now(g):
            # "The ministry condemns ... the strike on 10 June": said on the day of the report
            day = self.published.isoformat()
            return DateSpan(day, day, "day", None)
        here = [e for e in self.by_sent.get(m.sent.start, []) if e.kind != "since"]
        mine = {g.i, m.trigger.i, *(t.i for t in m.merged)}
        own = [e for e in here if not _nested_elsewhere(m.sent.doc, e, g, mine)]
        if own:
            lo, hi = g.left_edge.idx, g.right_edge.idx + len(g.right_edge)
            inside = [e for e in own if lo <= e.start_char and e.end_char <= hi] or own
            # the date hanging closest to the verb: "condemned Wednesday's bombing on Thursday"
            best = min(inside, key=lambda e: (_hops(m.sent.doc, e, g), abs(e.start_char - m.trigger.idx)))
            return DateSpan(best.start.isoformat(), best.end.isoformat(), best.precision, best.text)
        prior = self._earlier_date(m)
        for rel in self.anchored.get(m.sent.start, []):
            if prior is not None:
                start, end, precision = anchor(rel, prior, self.published)
                return DateSpan(start.isoformat(), end.isoformat(), precision, rel.text)
        if self.published is not None and _recent_perfect(g):
            # "the ministry has ordered ...": just before the report
            return DateSpan(
                (self.published - timedelta(days=1)).isoformat(), self.published.isoformat(), "range", None
            )
        para = self.paragraph(m.sent.start_char)
        for start in sorted((s for s in self.by_sent if s < m.sent.start), reverse=True):
            exprs = [e for e in self.by_sent[start] if e.kind != "since"]
            if exprs and self.paragraph(exprs[-1].start_char) >= para - 1:
                e = exprs[-1]
                return DateSpan(e.start.isoformat(), e.end.isoformat(), e.precision, e.text)
        if self.published is not None:
            return DateSpan(
                (self.published - timedelta(days=6)).isoformat(), self.published.isoformat(), "week", None
            )
        return None


def _other_dates(sent, found: list[DateExpr], published) -> list[DateExpr]:
    """Dates the NER sees and the patterns do not read, parsed with dateparser."""
    out = []
    for ent in sent.ents:
        if ent.label_ != "DATE" or any(
            e.start_char < ent.end_char and ent.start_char < e.end_char for e in found
        ):
            continue
        parsed = parse_span(ent.text, published)
        if parsed is not None:
            start, end, precision = parsed
            out.append(DateExpr(start, end, precision, ent.text, ent.start_char, ent.end_char, "relative"))
    return out


def _nested_elsewhere(doc: Doc, expr: DateExpr, governor: Token, mine: set[int]) -> bool:
    """Does the date belong to another clause inside this one ("the declaration that the two
    sides signed in May 2023")? Not when that clause describes the event itself ("the deal
    signed in Pretoria on November 2")."""
    span = doc.char_span(expr.start_char, expr.end_char, alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    while tok.i != governor.i and tok.head.i != tok.i:
        vehicle = tok.head.dep_ == "pobj" and fold(tok.head.head.lemma_) in (
            "in",
            "through",
            "via",
            "at",
            "during",
        )
        if tok.dep_ in ("relcl", "acl") and tok.head.i not in mine and not vehicle:
            return True  # ("in a statement issued on Wednesday, X condemned" is the act's own date)
        tok = tok.head
    return False


def _hops(doc: Doc, expr: DateExpr, governor: Token) -> int:
    """How far up the parse the date is from the verb (10 when it is not below it)."""
    span = doc.char_span(expr.start_char, expr.end_char, alignment_mode="expand")
    if span is None:
        return 10
    tok, n = span.root, 0
    while tok.i != governor.i and tok.head.i != tok.i and n < 10:
        tok, n = tok.head, n + 1
    return n if tok.i == governor.i else 10


def _recent_perfect(verb: Token) -> bool:
    """A present perfect ("has ordered"): news of the last day or so."""
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") for c in verb.children)


def _speaks_now(verb: Token) -> bool:
    """A statement in the simple present: the report is where it is made."""
    return verb.tag_ in ("VBZ", "VBP") and not any(c.dep_ == "aux" for c in verb.children)


def code_document(sdoc: Doc, document: Document, options: Options) -> list[Event]:
    """The event records of *document*, parsed as *sdoc*."""
    dates = DocDates(sdoc, parse_iso(document.published))
    memory = PartyMemory()
    told: list[_Told] = []
    events: list[Event] = []
    sents = list(sdoc.sents)
    fed = 0
    for m in sdoc._.ec_mentions or []:
        while fed < len(sents) and sents[fed].start < m.sent.start:
            _remember_subject(sents[fed], memory)
            _apply_claim(sents[fed], told, memory)
            fed += 1
        if is_title_line(m.sent):
            continue
        prior = (
            _is_back_reference(m, told) or _casualty_report(m, told) or _elaborates_previous(m, told, dates)
        )
        if prior is not None:
            log.debug("%s: %r refers back to an earlier %s", document.id, m.trigger.text, m.type)
            continue
        actor = _party(m.actor, memory, as_actor=True)
        target = _party(
            m.target,
            memory,
            as_actor=False,
            told=told if m.type in cue("arguments.event_target_types") else None,
        )
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
        ev = Event(
            id=event_id(document.id, src.start, src.end, m.type, m.trigger.idx),
            type=m.type,
            mode=m.mode,
            actor=actor,
            target=target,
            sources=[src],
            confidence=m.confidence,
            date=dates.for_mention(m),
        )
        events.append(ev)
        told.append(_Told(ev, m))
    for sent in sents[fed:]:
        _apply_claim(sent, told, memory)
    return events


def _unnamed(party: Party) -> bool:
    """ "gunmen", "attackers", "unidentified militants": a party the text does not name."""
    idx = actor_index()
    if idx.named(party.name) is not None or party.country:
        return False
    sector = idx.sector_of(party.name)
    return sector is not None and sector[2] == "people"


def _remember_subject(sent, memory: PartyMemory) -> None:
    """Feed the memory with what a sentence names: its subject first among equals, then the
    organisations and people it mentions, so that "its fighters" finds the group."""
    root = sent.root
    subj = _child_of(root, ("nsubj", "nsubjpass"))
    for ent in sent.ents:
        if ent.label_ in ("ORG", "NORP", "PERSON") and (subj is None or ent.root.i != subj.i):
            party = actor_index().resolve(ent.text)
            memory.add(party, is_person=ent.label_ == "PERSON", as_actor=False)
    if subj is not None and subj.tag_ not in PRONOUNS and is_partylike(subj) and not _is_reference(subj):
        _party(subj, memory, as_actor=True)


def _apply_claim(sent, told: list[_Told], memory: PartyMemory) -> None:
    """ "Al Shabaab claimed responsibility for the bombing": the claimant is the actor of the
    last assault told without one (the claim is recorded, not endorsed)."""
    for tok in sent:
        if fold(tok.lemma_) not in cue("reference.claim_verbs") or tok.pos_ != "VERB":
            continue
        obj = _child_of(tok, ("dobj",))
        if obj is None or not (fold(obj.lemma_) in ("responsibility", "credit") or find_trigger(obj, set())):
            continue
        subj = _child_of(tok, ("nsubj",))
        if subj is None or _child_of(tok, ("neg",)) is not None:
            continue
        for prior in reversed(told):
            if prior.event.type == "ASSAULT":
                if prior.event.actor is None or _unnamed(prior.event.actor):
                    prior.event.actor = _party(subj, memory, as_actor=True)
                return
