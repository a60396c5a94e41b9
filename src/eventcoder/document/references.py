"""Later tellings folded into the event told before: a definite reference back ("the attack",
"Tuesday's raid"), a casualty report ("Two children were killed."), a sentence that goes on
telling the event, and a toll that rises ("The death toll rose to 19 on Thursday"). Their
figures update the earlier event's; a different figure from another claimant is kept beside the
first as a competing claim.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Token

from ..lexicons.actors import actor_index
from ..lexicons.data import cue, fold, read_toml, word_lists
from ..lexicons.ontology import types_with
from ..model import Count, Event
from ..nlp import deps
from ..nlp.syntax import PRONOUNS, coarse_tags, folded_lemmas, head_indices, tree
from ..sentence.casualties import added_to, counts_for, counts_told, find_casualties
from ..sentence.fates import KILLED, WOUNDED
from ..sentence.mention import Mention
from ..sentence.party_words import party_head, party_span
from .attribution import claimant_of, credit_telling
from .dating import DocDates
from .evidence import is_title_line
from .parties import PartyMemory, is_reference, is_unnamed, resolve_party


@dataclass
class Told:
    """An event already coded in this document, for folding later references into it."""

    event: Event
    mention: Mention

    @cached_property
    def lasting(self) -> bool:
        """Told as lasting a stretch of time ("fighting has raged there for months"): a state of
        things, never what a later telling of one deed points back to (read once: its sentence
        does not change)."""
        words = word_lists("references.toml")
        return any(
            fold(t.lemma_) in words["lasting_spans"]
            and t.dep_ == deps.PREP_OBJECT
            and fold(t.head.lemma_) in words["lasting_preps"]
            for t in self.mention.sent
        )


def _deeds(told: list[Told]) -> list[Told]:
    """The events told so far that a later telling may point back to, the one last told first: an
    event told again ("the ambassador ... died hours later") is the one just told, not a record made
    between its tellings ("soldiers opened fire on the attackers")."""
    return sorted((t for t in reversed(told) if not t.lasting), key=_last_told, reverse=True)


def _last_told(t: Told) -> int:
    """Where the event was last told: its first sentence, or the last of its further tellings."""
    src = t.event.sources[0] if t.event.sources else None
    if src is None:
        return t.mention.sent.start_char
    return max([src.start or 0, *(x["start"] for x in src.tellings or [])])


def is_back_reference(m: Mention, told: list[Told], dates: DocDates) -> Told | None:
    """The earlier event a definite nominal mention refers back to: "the attack",
    "Tuesday's raid", "the death toll from the bombing"."""
    t = m.trigger
    if m.governor.i != t.i or t.pos_ == "VERB":
        return None
    mods = [c for c in t.children if c.dep_ in (deps.DETERMINER, deps.POSSESSIVE)]
    first = fold(mods[0].lemma_) if mods else None
    if first in cue("reference.new") or any(c.dep_ == deps.NUMBER_MODIFIER for c in t.children):
        return None
    definite = first in cue("reference.definite") or (mods and mods[0].dep_ == deps.POSSESSIVE)
    under_toll = fold(t.head.head.lemma_) in cue("reference.toll_nouns") or fold(t.head.lemma_) in cue(
        "reference.toll_nouns"
    )
    if not (definite or under_toll):
        return None
    own = _own_actor_name(m)
    for prior in _deeds(told):
        if prior.event.type == m.type:
            if own and prior.event.actor is not None and own != prior.event.actor.name:
                return None  # "Iran's strike" after "Pakistan's strikes": another event
            if not _dates_agree(dates.own(m, inside=True), prior.event):
                return None  # "the September 17 attack" is not the attack of June told before
            return prior
    return None


def _dates_agree(exprs, event: Event) -> bool:
    if not exprs or event.date is None or not event.date.resolved:
        return True
    start, end = event.date.start, event.date.end
    return any(e.start.isoformat() <= end and start <= e.end.isoformat() for e in exprs)


def _own_actor_name(m: Mention) -> str | None:
    """The canonical name of a mention's actor when the mention names it itself; a kind of doer
    ("the jihadist attack", "the gunmen's raid") names no one."""
    tok = party_head(m.actor)
    if tok is None or tok.tag_ in PRONOUNS or is_reference(tok):
        return None
    party = actor_index().resolve(party_span(tok).text)
    return None if is_unnamed(party) else party.name


def elaborates_previous(m: Mention, told: list[Told], dates: DocDates) -> Told | None:
    """A sentence that goes on telling the event just told: "Gunmen stormed the town on
    Sunday. They killed 12 people. Several shops were burned." Same type, close by, no date
    of its own, and no actor of its own (none, or a pronoun)."""
    prior = next((t for t in _deeds(told) if t.event.type == m.type), None)
    if prior is None or prior.mention.sent.start == m.sent.start:
        return None
    doers = m.actor is not None and (the_doers(m.actor) or owned_by_pronoun(m.actor))
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
    if marker_lemmas(m.sent, m) & cue("reference.new_event_markers"):
        return None  # "About four hours later, a second bomb ..."
    if _says_of_another(m, prior):
        return None  # "The ministry ... accuses the Emirates of arming the militia": another statement
    if any(fold(c.lemma_) in cue("reference.new") - {"a", "an"} for c in m.trigger.children):
        return None
    if another_event(m, prior):
        return None
    return prior


def marker_lemmas(sent, m: Mention | None = None) -> set[str]:
    """The lemmas of a sentence, less a word that counts more people of the toll ("another 15 have
    been wounded", "a further 20 were hurt"): it counts, it tells no other event. With the mention
    *m*, less the words of a saying that frames or follows its deed (``_of_a_saying``) and the words
    that time a victim's death (``_when_a_victim_died``)."""
    doc = sent.doc
    lemmas, heads, pos, labels = folded_lemmas(doc), head_indices(doc), coarse_tags(doc), tree(doc)[1]
    skip = _of_a_saying(m) | _when_a_victim_died(m) if m is not None else set()
    return {
        lemmas[i]
        for i in range(sent.start, sent.end)
        if i not in skip and not (pos[heads[i]] == "NUM" and labels[i] in _COUNTING)
    }


def _of_a_saying(m: Mention) -> set[int]:
    """The words of a saying that are not its deed's: "Another agency meanwhile reported that the envoy
    had been wounded", "Another demonstrator said: 'We are marching'": "another" and "meanwhile" tell
    another speaker or the time of speaking, not another deed. The deed's clause runs up from its word to
    the verb of saying that governs it (or to the sentence's root); a saying inside it that does not
    govern the deed ("..., another witness said") is not the deed's either."""
    sayings = cue("reporting.lemmas")
    top = m.governor
    while top.head.i != top.i and fold(top.head.lemma_) not in sayings:
        top = top.head
    inside = {t.i for t in top.subtree}
    for verb in top.subtree:
        if verb.pos_ == "VERB" and fold(verb.lemma_) in sayings and m.trigger not in verb.subtree:
            inside -= {t.i for t in verb.subtree}
    return {t.i for t in m.sent} - inside


def _when_a_victim_died(m: Mention) -> set[int]:
    """Words that time a death ("was struck in the abdomen and died several hours later", "died the
    next day"): when a victim of the deed died, not a further deed."""
    dying = word_lists("references.toml")["death_verbs"]
    return {t.i for t in m.sent if t.head.i != t.i and fold(t.head.lemma_) in dying}


_COUNTING = (deps.DETERMINER, deps.ADJ_MODIFIER)


def _set_beside_a_happening(m: Mention, prior: Told) -> bool:
    """The deed is set before or after a happening that is neither a time nor a deed of violence
    ("even before the breach of parliament, gunfire had wounded ten"): a deed of its own."""
    words = word_lists("references.toml")
    return any(
        p.dep_ == deps.PREP
        and fold(p.lemma_) in words["sequence"]
        and o.dep_ == deps.PREP_OBJECT
        and o.pos_ == "NOUN"
        and not o.ent_type_
        and fold(o.lemma_) not in words["times_of_day"] | words["deed_nouns"]
        for g in {m.governor, m.trigger}
        for p in g.children
        for o in p.children
    )


def _counts_another(m: Mention, prior: Told) -> bool:
    """Both the dead and the wounded counted again, each otherwise, and not as a toll that rose:
    "Around 30 people died and 100 were wounded" after "killing 17 and wounding 36" is another
    strike; one figure told otherwise may be a claim or a correction, and so are figures told with no
    clause of their own ("Earlier the authorities had reported about 103 dead and 211 injured": a count
    of the toll, not of victims of another deed)."""
    if prior.event.type not in cue("casualties.types"):
        return False
    if bare_count(m):
        return False
    killed, wounded, rising = counts_for(m)
    pairs = [
        (old.best, new.best)
        for old, new in ((prior.event.fatalities, killed), (prior.event.injuries, wounded))
        if old is not None and new is not None and old.best is not None and new.best is not None
    ]
    return len(pairs) == 2 and not rising and all(a != b for a, b in pairs)


def bare_count(m: Mention) -> bool:
    """Figures told with no doer and no noun of who died ("had reported about 103 dead and 211 injured",
    "gave figures for the victims: 84 dead and 284 injured"): a count of a toll told before, not the
    victims of a deed ("30 people died", "killing 12 civilians")."""
    told = (*deps.SUBJECTS, deps.DIRECT_OBJECT)
    sayer = m.actor is not None and fold(m.actor.head.lemma_) in cue("reporting.lemmas")  # who reported them
    return (
        (m.actor is None or sayer)
        and m.trigger.pos_ != "NOUN"
        and all(c.pos_ == "NUM" for w in _clause_words(m) for c in w.children if c.dep_ in told)
    )


def _clause_words(m: Mention) -> list[Token]:
    """The words of a mention and the verb its own is joined to ("30 people died and 100 were wounded")."""
    g = m.governor
    return [g, m.trigger, *m.merged, *((g.head,) if g.dep_ == deps.CONJUNCT else ())]


def figures_given_by(m: Mention) -> Token | None:
    """The subject of a verb that gives the figures a mention counts ("the Interior Minister gave revised
    figures for the victims of the attack: 84 dead"): who claims them, though no verb of saying is
    used."""
    toll = cue("reference.toll_nouns")
    verb = next(
        (
            t
            for t in (m.governor, *m.governor.ancestors)
            if t.pos_ == "VERB"
            and any(c.dep_ == deps.DIRECT_OBJECT and fold(c.lemma_) in toll for c in t.children)
        ),
        None,
    )
    return next((c for c in verb.children if c.dep_ == deps.SUBJECT), None) if verb is not None else None


@dataclass(frozen=True)
class Sign:
    """A sign that a sentence going on after an event tells another event of its kind."""

    name: str
    example: str
    """Two sentences: the second must stay an event of its own (published on 15 June 2024)."""
    applies: Callable[[Mention, Told], bool]


#: The signs that a sentence which would go on telling the event told before tells another.
ANOTHER_EVENT: tuple[Sign, ...] = (
    Sign(
        "set beside a happening",
        "Soldiers fired on the marchers outside the assembly on Monday. Even before the vote, gunfire "
        "had wounded at least eight marchers.",
        _set_beside_a_happening,
    ),
    Sign(
        "other dead and wounded",
        "Rebel artillery shelled the market of Goma on Monday, killing 12 people and wounding 40. "
        "Around 25 people died and 70 were wounded in the shelling.",
        _counts_another,
    ),
)


def another_event(m: Mention, prior: Told) -> bool:
    """A sign of ``ANOTHER_EVENT`` says *m* tells an event other than *prior*."""
    return any(sign.applies(m, prior) for sign in ANOTHER_EVENT)


def _says_of_another(m: Mention, prior: Told) -> bool:
    """A statement aimed at a party named, not the one the statement before was aimed at."""
    head = party_head(m.target)
    if m.type not in types_with("spoken") or head is None or prior.event.target is None:
        return False
    if head.tag_ in PRONOUNS or is_reference(head):
        return False
    return actor_index().resolve(party_span(head).text).name != prior.event.target.name


def owned_by_pronoun(tok: Token) -> bool:
    """ "its fighters", "their men": a party's own people, pointing back to it."""
    head = party_head(tok)
    return head is not None and any(c.dep_ == deps.POSSESSIVE and c.tag_ in PRONOUNS for c in head.children)


def the_doers(tok: Token) -> bool:
    """ "the attackers", "the gunmen": the doers of an attack already told."""
    head = party_head(tok)
    if head is None or not {fold(head.lemma_), fold(head.text)} & cue("reference.perpetrator_nouns"):
        return False
    return any(c.lower_ == "the" for c in head.children if c.dep_ == deps.DETERMINER)


def casualty_report(m: Mention, told: list[Told]) -> Told | None:
    """ "Two children were killed.", "the toll has risen to 34": casualties of the last
    assault told, not an event of their own; with no assault told, of the last protest ("thousands
    stormed the parliament" ... "at least 125 people, police among them, were wounded")."""
    if m.type != "ASSAULT" or party_head(m.actor) is not None:
        return None
    casualty = cue("reference.casualty_verbs")
    words = [m.trigger, *m.merged]
    if not all(fold(t.lemma_) in casualty for t in words):
        return None
    g = m.governor
    passive = any(c.dep_ in (deps.SUBJECT_PASSIVE, deps.AUX_PASSIVE) for c in g.children) or (
        g.dep_ == deps.CONJUNCT
        and any(c.dep_ in (deps.SUBJECT_PASSIVE, deps.AUX_PASSIVE) for c in g.head.children)
    )
    if not passive or any(c.dep_ == deps.DIRECT_OBJECT for c in g.children):
        return None
    deeds, words = _deeds(told), word_lists("references.toml")
    in_a_deed = any(fold(a.lemma_) in words["deed_nouns"] for a in g.ancestors)  # "the attack in which ..."
    for kind in read_toml("references.toml")["toll_of"]:  # in order: an assault's, else a riot's toll
        prior = next((t for t in deeds if t.event.type == kind), None)
        if prior is not None and (kind == "ASSAULT" or not in_a_deed):
            return prior
    return None


def add_casualties(
    ev: Event, m: Mention, dates: DocDates, update: bool = False, said: str | None = None
) -> None:
    """The killed and wounded the mention's clause counts, onto the event (and its source). A
    later sentence about the same event ("Eleven people died.", "the toll rose to 34") fills
    what is missing or, with *update*, raises a toll to its latest figure; a different figure
    from another claimant (*said*) is kept beside the first as a competing claim."""
    if ev.type not in cue("casualties.types"):
        return
    if update and any(
        e.kind == "since" or (ev.date is not None and ev.date.resolved and e.end.isoformat() < ev.date.start)
        for e in dates.by_sent.get(m.sent.start, [])
    ):
        return  # "More than 7,000 people have been killed since 2004": not this event's toll
    told = counts_told(m)
    rising = told.rising
    src = ev.sources[0]
    for role, fate, count in (("fatalities", KILLED, told.killed), ("injuries", WOUNDED, told.wounded)):
        if count is None or count.best is None:
            continue
        old = getattr(ev, role)
        if old is None:
            setattr(ev, role, count)
            setattr(src, role, count.best)
        elif not update:
            continue
        elif told.added and old.best is not None and not _counted_by_name(ev, m):
            setattr(ev, role, added_to(old, count))  # "a driver was also killed": more victims
            setattr(src, role, getattr(ev, role).best)
        elif fate in told.named and old.best is not None and count.best < old.best:
            continue  # "killed the driver": one of the victims counted, named, no competing figure
        elif src.claims or (said and src.attributed_to and said != src.attributed_to and not rising):
            _claim(
                ev, role, said or src.attributed_to, count
            )  # another claimant's figure, or a claim updated
        elif old.best is not None and count.best > old.best and rising:
            setattr(ev, role, count)  # the toll has risen ("rose to 34"); a larger figure with no
            # such word is another group's ("the army killed about forty after that attack")
            setattr(src, role, count.best)


def _counted_by_name(ev: Event, m: Mention) -> bool:
    """A victim the event's first telling counted by the noun of one, told again as someone's ("was
    killed together with his bodyguard" ... "the envoy's bodyguard, Ali Umar, was also killed"): "also"
    names him, it adds no one."""
    head = m.target  # the noun, not its name set beside it ("bodyguard", not "Ali Umar")
    if head is None or head.tag_ != "NN" or not ev.sources or not ev.sources[0].sentence:
        return False
    first = {fold(w) for w in re.findall(r"[\w'-]+", ev.sources[0].sentence)}
    return fold(head.lower_) in first and any(c.dep_ == deps.POSSESSIVE for c in head.children)


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


def apply_toll(sent, told: list[Told], memory: PartyMemory, dates: DocDates) -> None:
    """A sentence that tells no event but a toll ("The death toll rose to 19 on Thursday,
    hospital officials said."): it updates the last assault told, not a new event."""
    if not told or any(t.mention.sent.start == sent.start for t in told) or is_title_line(sent):
        return
    found = find_casualties(sent)
    if not any(fold(c.anchor.text) in cue("casualties.toll_words") for c in found):
        return
    prior = next((t for t in _deeds(told) if t.event.type in cue("casualties.types")), None)
    if prior is None:
        return
    stub = Mention(
        trigger=sent.root, words="", type=prior.event.type, mode=None, sent=sent, governor=sent.root
    )
    said = claimant_of(stub, memory.issuer, None, lambda tok: resolve_party(tok, memory, as_actor=False))
    figures = (prior.event.fatalities, prior.event.injuries)
    add_casualties(prior.event, stub, dates, update=True, said=said.name if said else None)
    credit_telling(prior.event, said.name if said else None, figures)
