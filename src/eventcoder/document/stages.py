"""The document stage: from the mentions of one parsed document to its event records.

``STAGES`` lists in order what each document goes through after the sentence stage (spaCy's
components, which find each sentence's event mentions): each stage is a function of the
document's context (:class:`DocContext`) whose value is set on the context under the stage's
name. :func:`eventcoder.pipeline.build_events` runs them, after the sentence stage.

The reading stage goes through the document in reading order, sentences and mentions
interleaved, because what a sentence says depends on what was told before it: each sentence
feeds the party memory and may claim or update an event already told (``SENTENCE_STEPS``);
each mention is handled by the first rule of ``MENTION_RULES`` that applies (a headline, a
reference back to an event already told, an announcement, a second telling in one sentence, an
event told again, a new event). A report tells its main event several times (headline, lead,
recap, claim, "the raid"): each further telling folds into the record told before, listed in its
first source's ``tellings`` (:mod:`eventcoder.document.tellings`). The tellings stage then gives
the headline's tellings to the body's record and points each reaction to its deed (``reacts_to``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..lexicons.data import cue, fold, read_toml
from ..model import Event
from ..nlp import deps
from ..sentence.candidates import sector_of
from ..sentence.dates import parse_iso
from ..sentence.mention import Mention
from ..sentence.party_words import party_head
from .attribution import claimant_of, credit_telling
from .claims import apply_claim, claims_it
from .confidence import rate
from .context import DocContext, Reading
from .dating import DocDates
from .evidence import is_title_line
from .parties import PartyMemory, find_issuer, remember_subject, resolve_party
from .places import DocPlaces
from .pointing import names_the_victims, threat_in_the_deed
from .records import add_telling, source_of
from .references import (
    Told,
    add_casualties,
    apply_toll,
    casualty_report,
    elaborates_previous,
    figures_given_by,
    is_back_reference,
)
from .said_again import said_again
from .tellings import draft, fold_telling, gather, own_deed, told_before, told_in_one_sentence

log = logging.getLogger(__name__)


# -- the sentences: what each feeds, claims or updates ---------------------------------------
def _subjects(r: Reading, sent) -> None:
    remember_subject(sent, r.ctx.parties)


def _claims(r: Reading, sent) -> None:
    apply_claim(sent, r.told, r.ctx.parties)


def _tolls(r: Reading, sent) -> None:
    apply_toll(sent, r.told, r.ctx.parties, r.ctx.dates)


#: What the sentences after the last mention still go through.
LATE_STEPS: tuple[tuple[str, Callable[[Reading, Any], None]], ...] = (
    ("claims", _claims),  # "Al Shabaab claimed responsibility for the bombing": its actor
    ("tolls", _tolls),  # "The death toll rose to 19 on Thursday": the last assault's toll
)
#: What each sentence before a mention goes through, in order.
SENTENCE_STEPS: tuple[tuple[str, Callable[[Reading, Any], None]], ...] = (
    ("subjects", _subjects),  # the parties it names, for "its fighters" and "the group" later
    *LATE_STEPS,
)


# -- the mentions: the first rule that applies handles each ----------------------------------
@dataclass(frozen=True)
class Rule:
    name: str
    example: str
    """A document in which this rule handles a mention: it is the rule's test (published on
    15 June 2024)."""
    applies: Callable[[Reading, Mention], Any]
    """What the rule found for the mention, or None (or False) when it does not apply."""
    then: Callable[[Reading, Mention, Any], None]


def _headline(r: Reading, m: Mention, found) -> None:
    """The headline is not coded on its own: it is kept as a telling of the body's event."""
    r.headlines.append(m)


def _fold(r: Reading, m: Mention, prior: Told) -> None:
    """The mention tells the event *prior* again: its casualties and its claimant go to it."""
    log.debug("%s: %r refers back to an earlier %s", r.ctx.document.id, m.trigger.text, m.type)
    memory = r.ctx.parties
    said = claimant_of(m, memory.issuer, None, lambda tok: resolve_party(tok, memory, as_actor=False))
    giver = figures_given_by(m) if said is None else None  # "the minister gave revised figures: 84 dead"
    party = resolve_party(giver, memory, as_actor=False) if giver is not None else None
    name = said.name if said is not None else party.name if party is not None else None
    figures = (prior.event.fatalities, prior.event.injuries)
    add_casualties(prior.event, m, r.ctx.dates, update=True, said=name)
    if said is not None:
        claims_it(prior.event, m, memory)
    if name is not None:
        credit_telling(prior.event, name, figures)
    add_telling(prior.event, source_of(r, m))


def _in_the_deed(r: Reading, m: Mention, prior: Told) -> None:
    """The mention tells a part of the deed *prior*: its sentence is a telling of it, nothing more."""
    add_telling(prior.event, source_of(r, m))


def _victims_named(r: Reading, m: Mention, deed: Mention) -> None:
    log.debug("%s: %r names who the %s was done to", r.ctx.document.id, m.trigger.text, deed.type)


def _announced(r: Reading, m: Mention) -> bool:
    date, published = r.date_of(m), r.ctx.document.published
    return date is not None and bool(published) and date.start > published


def _not_reported(r: Reading, m: Mention, found) -> None:
    log.debug("%s: %r is dated after publication: announced, not reported", r.ctx.document.id, m.trigger.text)


def _record(r: Reading, m: Mention, found) -> None:
    r.told.append(Told(draft(r, m), m))


def _told_again(r: Reading, m: Mention, found: tuple[Told, Event]) -> None:
    """The mention tells again an event recorded before: one record, every telling its evidence."""
    prior, new = found
    log.debug("%s: %r tells an earlier %s again", r.ctx.document.id, m.trigger.text, m.type)
    _fold(r, m, prior)  # its figures, with their claimant, and its sentence as a telling
    fold_telling(prior.event, new)


# -- acts apart: a telling of the same kind that tells another act ----------------------------
@cache
def _words() -> dict[str, Any]:
    """``data/en/stages.toml``: its lists as sets, its figures as they are."""
    return {k: frozenset(v) if isinstance(v, list) else v for k, v in read_toml("stages.toml").items()}


def _after_another(r: Reading, m: Mention, prior: Told) -> bool:
    """The deed is set after another happening, by a phrase ("after that attack") or a clause with a
    subject of its own ("soon after the shots rang out"); a toll with no doer ("two died after the
    attack") is the happening's own."""
    if m.actor is None and fold(m.trigger.lemma_) in _words()["toll_verbs"]:
        return False
    g = m.governor
    objects = [c for c in g.children if c.dep_ == deps.DIRECT_OBJECT]  # "killed forty fighters after ..."
    for c in [*g.children, *(k for o in objects for k in o.children)]:
        if fold(c.lemma_) in _words()["after"] and c.dep_ == deps.PREP:
            if any(o.dep_ == deps.PREP_OBJECT and _a_happening(o) for o in c.children):
                return True
        if c.dep_ == deps.ADVERBIAL_CLAUSE and any(
            k.dep_ == deps.MARKER and fold(k.lemma_) in _words()["after"] for k in c.children
        ):
            return any(k.dep_ in deps.SUBJECTS for k in c.children)
    return False


def _another_measure(r: Reading, m: Mention, prior: Told) -> bool:
    """A measure of a kind whose modes are measures of their own (``folding.distinct_mode_types``)
    named with another mode than the event told before: "a curfew was imposed ... Mobile internet was
    suspended" tells a curfew, then a cut of the internet, two measures (as in one sentence,
    ``sentence/mentions.py:_distinct_measures``)."""
    event = prior.event
    return (
        m.type == event.type
        and m.type in cue("folding.distinct_mode_types")
        and None not in (m.mode, event.mode)
        and m.mode != event.mode
    )


def _a_happening(o) -> bool:
    """A noun that names a happening, not a time ("after dawn", "after two hours")."""
    return (
        o.pos_ == "NOUN" and o.ent_type_ not in ("DATE", "TIME") and fold(o.lemma_) not in _words()["times"]
    )


def _force_answering(r: Reading, m: Mention, prior: Told) -> bool:
    """Crowd control after a deed told otherwise, by a force that was no party to it ("tribals and
    non-tribals clashed ... The police fired tear gas to restore order"): the force's answer to the
    disorder is an act of its own."""
    answering = _words()["answering_modes"]
    if m.mode not in answering or prior.event.mode in answering or m.actor is None:
        return False
    # a force that was a party to that deed ("a clash between students and police", "soldiers and
    # villagers clashed ... Troops then fired") goes on telling it: the same word, or a word of its sector
    force, sector = fold(m.actor.lemma_), sector_of(m.actor)
    return all(
        fold(t.lemma_) != force
        and (sector is None or t.pos_ not in ("NOUN", "PROPN") or sector_of(t) != sector)
        for t in prior.mention.governor.subtree
    )


def _other_doers(r: Reading, m: Mention, prior: Told) -> bool:
    """The doers are told as others than those of the deed before ("Other demonstrators were massing
    outside the palace"): another act of the same kind."""
    return m.actor is not None and any(
        c.dep_ in (deps.ADJ_MODIFIER, deps.DETERMINER) and fold(c.lemma_) in _words()["other_doers"]
        for c in m.actor.children
    )


def _wrecked_by_a_crowd(r: Reading, m: Mention, prior: Told) -> bool:
    """Property wrecked by a crowd after a deed of others ("... killed in clashes between protesters
    and security forces. Demonstrators set fire to the courthouse"): the crowd's own deed."""
    wrecking = _words()["wrecking_modes"]
    if m.mode not in wrecking or prior.event.mode in wrecking or prior.event.actor is None:
        return False
    crowd = sector_of(m.actor)
    return crowd in _words()["crowd_sectors"] and prior.event.actor.sector != crowd


def _spots(sent) -> set[str]:
    """The names of the spots a sentence tells a deed at ("at Chatham Street", "at the Zamzam hospital")."""
    preps = _words()["spot_preps"]
    return {
        w.lower_
        for t in sent
        if t.dep_ == deps.PREP_OBJECT and fold(t.head.lemma_) in preps
        for w in t.subtree
        if w.pos_ == "PROPN"
    }


def _at_another_spot(r: Reading, m: Mention, prior: Told) -> bool:
    """Each telling names the spot of its deed, and the spots differ ("the police tear-gassed the
    demonstrators at the Galle Face Green ... Tear gas was fired at protesters at Chatham Street"): two
    deeds of one kind, at two places."""
    here, there = _spots(m.sent), _spots(prior.mention.sent)
    if not here or not there or here & there:
        return False
    told = {t.lower_ for t in prior.mention.sent}
    return not here <= told


def _the_other_side(r: Reading, m: Mention, prior: Told) -> bool:
    """Armed men who are never the state's after a deed of the state's forces ("troops raided a house
    ... cartel gunmen shot at the patrol"): the other side's deed."""
    if prior.event.actor is None or prior.event.actor.sector not in _words()["state_force_sectors"]:
        return False
    doer = party_head(m.actor)  # "hundreds of heavily armed cartel gunmen": the gunmen
    return doer is not None and fold(doer.lemma_) in _words()["irregular_doers"]


@dataclass(frozen=True)
class Apart:
    """A sign that a mention a folding rule would fold into the event told before tells another act."""

    name: str
    example: str
    """A document whose last mention this sign keeps apart (published on 15 June 2024)."""
    applies: Callable[[Reading, Mention, Told], bool]


#: The signs that a telling of the kind told before is another act: a new record, not a telling.
ACTS_APART: tuple[Apart, ...] = (
    Apart(
        "set after another happening",
        "Rebels attacked an army post near Kidal on Tuesday. The army said it killed 30 rebels after the raid.",
        _after_another,
    ),
    Apart(
        "another measure",
        "Soldiers imposed a curfew in Niamey on Wednesday. Mobile internet was suspended across the country.",
        _another_measure,
    ),
    Apart(
        "force answering the disorder",
        "Herders and farmers fought with machetes near Jos on Monday, leaving three people dead. The police "
        "fired tear gas to restore order.",
        _force_answering,
    ),
    Apart(
        "other doers",
        "Protesters stormed the parliament in Nairobi on Tuesday. Other demonstrators were massing outside State "
        "House in Nairobi.",
        _other_doers,
    ),
    Apart(
        "wrecked by a crowd",
        "Seven people were killed on Thursday in clashes between protesters and security forces in Oruro. "
        "During the unrest, demonstrators set fire to the courthouse in Oruro.",
        _wrecked_by_a_crowd,
    ),
    Apart(
        "at another spot",
        "Riot police fired tear gas at students at Freedom Square in Tbilisi on Monday. Tear gas was also "
        "fired at marchers at Rustaveli Avenue.",
        _at_another_spot,
    ),
    Apart(
        "the other side",
        "Security forces fought running gun battles in Culiacan on Thursday. The patrol ran into heavily armed "
        "gunmen who shot at it and drove it back.",
        _the_other_side,
    ),
)


def _unless_apart(
    find: Callable[[Reading, Mention], Any], signs: tuple[str, ...] | None = None
) -> Callable[[Reading, Mention], Any]:
    """*find* (a folding rule's test), unless a sign of ``ACTS_APART`` (of those named *signs*, if
    given) says the mention tells another act than the event it would fold into: then *find* again
    among the events told before that no sign keeps apart ("a curfew ... the internet was cut ...
    the curfew": the last curfew folds into the first, past the cut)."""
    apart = tuple(a for a in ACTS_APART if signs is None or a.name in signs)

    def applies(r: Reading, m: Mention) -> Any:
        found = find(r, m)
        prior = found[0] if isinstance(found, tuple) else found
        if not isinstance(prior, Told):
            return found
        sign = next((a for a in apart if a.applies(r, m, prior)), None)
        if sign is None:
            return found
        r.trace.append((m.trigger.i, f"apart: {sign.name}"))
        others = [t for t in r.told if not any(a.applies(r, m, t) for a in apart)]
        if len(others) == len(r.told):
            return None
        told, r.told = r.told, others
        try:
            return find(r, m)
        finally:
            r.told = told

    return applies


MENTION_RULES: tuple[Rule, ...] = (
    Rule(
        "headline",
        "Militants kill 12 in raid on Nigerian town\n\nGunmen stormed the town of Mafa on Tuesday.",
        lambda r, m: is_title_line(m.sent),
        _headline,
    ),
    Rule(
        "back reference",
        "Gunmen stormed the town of Mafa on Tuesday. The attack lasted several hours.",
        _unless_apart(lambda r, m: is_back_reference(m, r.told, r.ctx.dates)),
        _fold,
    ),
    Rule(
        "toll of a deed named anew",
        "Army jets bombed rebel positions near Kidal on Saturday. Nine civilians were killed in crossfire in the town.",
        lambda r, m: own_deed(m),
        _record,
    ),
    Rule(
        "casualty report",
        "Gunmen attacked a village in Borno on Monday. Two children were killed.",
        _unless_apart(lambda r, m: casualty_report(m, r.told)),
        _fold,
    ),
    Rule(
        "goes on telling",
        "Gunmen stormed the town on Sunday. They killed 12 people.",
        _unless_apart(lambda r, m: elaborates_previous(m, r.told, r.ctx.dates)),
        _fold,
    ),
    Rule(
        "a threat in the deed",
        "Gunmen stormed the offices of a radio station in Goma on Monday. The attackers threatened the staff "
        "with grenades.",
        lambda r, m: threat_in_the_deed(m, r.told),
        _in_the_deed,
    ),
    Rule(
        "names the victims of a deed",
        "Gunmen attacked the town of Kuda on Monday. Two police units sent to the town were ambushed on the road.",
        lambda r, m: names_the_victims(m, r.ctx.mentions),
        _victims_named,
    ),
    Rule(
        "announced",
        "Gunmen attacked the village on 20 July 2024.",  # published on 15 June 2024
        _announced,
        _not_reported,
    ),
    Rule(
        "one sentence",
        "The ship was targeted by the rebels, who fired a missile that hit the vessel on Tuesday.",
        _unless_apart(told_in_one_sentence, ("another measure",)),  # (as the sentence stage keeps them)
        _told_again,
    ),
    Rule(
        "said again",
        'The army warned the rebels that they "will be punished without mercy" on Monday. Officials met in the '
        'capital to prepare the response. "They will be punished without mercy," army chief Musa Bello said.',
        said_again,
        _told_again,
    ),
    Rule(
        "told again",
        "Gunmen stormed the village of Kuda on Tuesday. The army sent reinforcements to the area and the governor "
        "met elders and officials in the state capital for several hours. Militants attacked Kuda, a resident said.",
        _unless_apart(told_before),
        _told_again,
    ),
    Rule("new event", "Gunmen stormed the town of Mafa on Tuesday.", lambda r, m: True, _record),
)


def _tell(r: Reading, m: Mention) -> None:
    for rule in MENTION_RULES:
        found = rule.applies(r, m)
        if found is not None and found is not False:
            r.trace.append((m.trigger.i, rule.name))
            rule.then(r, m, found)
            return


# -- the stages -------------------------------------------------------------------------------
def _mentions(ctx: DocContext) -> list[Mention]:
    """The asserted event mentions the sentence stage found, in text order."""
    return ctx.sdoc._.ec_mentions or []


def _dates(ctx: DocContext) -> DocDates:
    return DocDates(ctx.sdoc, parse_iso(ctx.document.published))


def _places(ctx: DocContext) -> DocPlaces:
    return DocPlaces(ctx.sdoc)


def _parties(ctx: DocContext) -> PartyMemory:
    """The party memory, seeded with the issuer of a statement and the document's main country
    (whose "government" it means); the reading stage goes on filling it."""
    memory = PartyMemory()
    memory.issuer = find_issuer(ctx.sdoc)
    memory.country = ctx.places.focus_country()
    return memory


def _read(ctx: DocContext) -> Reading:
    """The document in reading order: the sentences before each mention go through
    ``SENTENCE_STEPS``, then the mention through ``MENTION_RULES``; the sentences after the
    last mention through ``LATE_STEPS``."""
    r = Reading(ctx)
    sents = list(ctx.sdoc.sents)
    fed = 0
    for m in ctx.mentions:
        while fed < len(sents) and sents[fed].start < m.sent.start:
            for _name, step in SENTENCE_STEPS:
                step(r, sents[fed])
            fed += 1
        _tell(r, m)
    for sent in sents[fed:]:
        for _name, step in LATE_STEPS:
            step(r, sent)
    return r


def _tellings(ctx: DocContext) -> list[Event]:
    return gather(ctx.reading)


def _events(ctx: DocContext) -> list[Event]:
    """The records that stand in the document, each with its confidence (document/confidence.py)."""
    return rate(ctx)


#: The document stage, in order: (name, stage); each stage's value is set on the context as *name*.
STAGES: tuple[tuple[str, Callable[[DocContext], Any]], ...] = (
    ("mentions", _mentions),  # the sentence stage's event mentions
    ("dates", _dates),  # the date expressions of each sentence, and the paragraphs
    ("places", _places),  # the place names, resolved, and the dateline
    ("parties", _parties),  # the memory of the parties named, with the issuer and main country
    ("reading", _read),  # mentions folded into events told before, or told as new events
    ("tellings", _tellings),  # the headline's tellings, each reaction pointed to its deed
    ("events", _events),  # the records that stand, with their confidence
)
