"""Who: parties named in a document, normalised, and what its pronouns and generic nouns
("they", "its fighters", "the group") point back to.

The canonical names come from :mod:`actors`; this module keeps the document's memory of the
parties it has named.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from ..lexicons.actors import actor_index
from ..lexicons.data import cue, event_lexicon, fold
from ..lexicons.gazetteer import gazetteer
from ..lexicons.ontology import ontology, types_with
from ..model import Party
from ..nlp import deps
from ..nlp.syntax import PRONOUNS, child, doc_text, prep_object, sent_ents, sentence
from ..sentence.argument_words import words
from ..sentence.arguments import behind_instrument, noun_arguments
from ..sentence.party_words import is_partylike, party_head, party_span
from ..sentence.triggers import find_trigger

# Sectors of a state's organs (None: a party whose sector is unknown), of armed groups, and of
# the people who protest.
STATE_SECTORS = frozenset({"government", "military", "police", "intelligence", "judiciary", "legislature"})
_STATE = STATE_SECTORS | {None}
_ARMED = {"rebels", "militia"}
_POPULAR = (None, "civilians", "protesters", "opposition", "refugees", "religious", "business", "media")


class PartyMemory:
    """The parties a document has named so far, in order, with how often each was named."""

    def __init__(self):
        self.named: list[tuple[Party, bool, bool, str]] = []  # (party, a person?, an actor?, NER label)
        self.issuer: Party | None = None
        self.country: str | None = None  # the document's focus: whose "government" it means
        self.titled: dict[str, list[Party]] = {}  # "president" -> [Emmanuel Macron, Mohamed Bazoum]

    def add(self, party: Party | None, is_person: bool, as_actor: bool, label: str = "") -> None:
        if party is not None:
            self.named.append((party, is_person, as_actor, label))
            if is_person and fold(party.name) in fold(party.text or ""):
                self.entitle(party, party.text or "")  # "President Mohamed Bazoum"

    def entitle(self, person: Party, words: str) -> None:
        """Remember *person* as the holder of the title *words* give ("President Mohamed Bazoum",
        "Mohamed Bazoum, Niger's president"): "the president" after is that person."""
        title = actor_index().sector_of(words)
        name = fold(person.name)
        if title is None or title[2] != "title" or name == fold(title[0]):
            return
        if not person.country:
            country = actor_index().resolve(words)
            person = Party(person.name, person.text, country.country if country else None, person.sector)
        self.titled.setdefault(title[0], []).append(person)

    def holder_of(self, words: str, country: str | None) -> Party | None:
        """The person named before with the title these words give ("Niger's president", "the
        interior minister"), if of the same country (for "the president", the document's own) or of
        none known."""
        title = actor_index().sector_of(words)
        holders = self.titled.get(title[0], []) if title is not None and title[2] == "title" else []
        country = country or (self.home() if holders else None)  # "the president": the country's own
        return next(
            (p for p in reversed(holders) if not (country and p.country and p.country != country)), None
        )

    @property
    def actors(self) -> list[Party]:
        return [p for p, _, actor, _ in self.named if actor]

    def resolve(self, tok: Token) -> Party | None:
        """A person for "he"/"she"; for "it", "they", "the group" the most salient group of
        the last few named: named most often, then as an actor, then most recently."""
        word = fold(tok.text)
        if word in cue("arguments.person_pronouns"):
            people = [p for p, person, _, _ in self.named if person]
            return people[-1] if people else None
        if (
            word in cue("arguments.group_pronouns")
            or fold(tok.lemma_) in cue("arguments.group_nouns")
            or (word in cue("arguments.group_nouns"))
        ):
            groups = [(p, actor, i) for i, (p, person, actor, _) in enumerate(self.named) if not person]
            if not groups:
                return None
            noun = fold(tok.text)
            if word not in cue("arguments.group_pronouns"):
                # "the network" is the last party named a network, "the army" the last army
                sector = actor_index().sector_of(noun)
                for p, _, _ in reversed(groups):
                    if noun in {fold(w) for w in (p.text or "").split()}:
                        return p
                if sector is not None and sector[1] and sector[1] not in _STATE:
                    for p, _, _ in reversed(groups):  # "the rebels": the last rebels named
                        if p.sector == sector[1]:
                            return p
                    return None  # no rebels named before: "the rebels" are a party of their own
                if sector is not None and sector[1] in _STATE:
                    return None  # "the government" not named before: the country's own
            counts: dict[str, int] = {}
            for p, _, _ in groups:
                counts[p.name] = counts.get(p.name, 0) + 1
            recent = groups[-6:]
            if tok.dep_ in (deps.SUBJECT, deps.SUBJECT_PASSIVE):  # "It vowed to hit back": who acted before
                return max(recent, key=lambda g: (g[1], counts[g[0].name], g[2]))[0]
            return max(recent, key=lambda g: (counts[g[0].name], g[1], g[2]))[0]
        return None

    def home(self) -> str | None:
        """Whose "government", "ministry" or "soldiers" a document means when it names no
        country: its issuer's, else the state named most often, counting the country it is
        about as named once more (on a tie, the country it is about, then the first named)."""
        if self.issuer is not None and self.issuer.country:
            return self.issuer.country
        states: dict[str, list[int]] = {}
        for i, (p, _, _, _) in enumerate(self.named):
            if p.country and p.sector in STATE_SECTORS:
                states.setdefault(p.country, []).append(i)
        if self.country:
            states.setdefault(self.country, []).append(len(self.named))
        if not states:
            return None
        return max(states, key=lambda c: (len(states[c]), c == self.country, -states[c][0]))

    def author(self) -> Party | None:
        """Who "we" are in a statement: the issuer its heading names ("Statement by X"), else
        the first organisation the document names."""
        if self.issuer is not None:
            return self.issuer
        for p, person, _, label in self.named:
            if label == "ORG" and not person and p.sector != "civilians":
                return p
        return None


def is_reference(tok: Token) -> bool:
    """A bare pronoun or a definite generic noun ("the group") that points back."""
    if tok.tag_ in PRONOUNS and tok.tag_ not in ("WP", "WDT"):
        return True
    if fold(tok.lemma_) in cue("arguments.group_nouns") or fold(tok.text) in cue("arguments.group_nouns"):
        dets = [c for c in tok.children if c.dep_ in (deps.DETERMINER, deps.POSSESSIVE)]
        mods = [c for c in tok.children if c.dep_ in (deps.ADJ_MODIFIER, deps.COMPOUND, deps.NOUN_MODIFIER)]
        mods += [  # "the government in Bangui" names its state
            g
            for c in tok.children
            if c.dep_ == deps.PREP
            for g in c.children
            if g.dep_ == deps.PREP_OBJECT and g.ent_type_ in ("GPE", "NORP")
        ]
        return bool(dets) and fold(dets[0].lemma_) in ("the", "this", "that", "these", "those") and not mods
    return False


def _quoted(tok: Token) -> bool:
    """Is *tok* inside quotation marks in its sentence (direct speech)?"""
    sent = sentence(tok)
    marks = sum(1 for t in sent[: tok.i - sent.start] if t.text in ('"', "\u201c", "\u201d", "''", "``"))
    return marks % 2 == 1


def _speaker(tok: Token) -> Token | None:
    """ "The army announced that it was sending troops": the pronoun is the speaker; not in
    direct speech, where the speaker is "we" ("'They beat anyone they caught,' said X")."""
    clause = tok.head
    if fold(tok.text) not in ("we", "us", "our") and _quoted(tok):
        return None
    if (
        tok.dep_ in (deps.SUBJECT, deps.SUBJECT_PASSIVE)
        and clause.dep_ in (deps.CLAUSE_COMPLEMENT, deps.OPEN_COMPLEMENT)
        and fold(clause.head.lemma_) in cue("reporting.lemmas")
    ):
        subj = child(clause.head, (deps.SUBJECT,))
        if subj is not None and subj.tag_ not in PRONOUNS and not _closing_sayer(subj, tok):
            return subj
    return None


def _closing_sayer(sayer: Token, tok: Token) -> bool:
    """ "The police fired tear gas at the crowd, an officer said": the sayer of an attribution that
    closes the sentence tells of others; a noun before it ("the police", "the group") names its own
    party (only a pronoun may still be the sayer: "It will not yield, the army said")."""
    return sayer.i > tok.i and tok.tag_ not in PRONOUNS


_MARKS = ('"', "\u201c", "\u201d", "''", "``")


def _marks(tokens) -> int:
    return sum(1 for t in tokens if t.text in _MARKS)


def _sayer_in(sent) -> Token | None:
    """The subject of the first verb of saying in *sent*."""
    for t in sent:
        if t.pos_ == "VERB" and fold(t.lemma_) in cue("reporting.lemmas"):
            subj = child(t, (deps.SUBJECT,))
            if subj is not None:
                return subj
    return None


def _named_sayer_before(sent, count: int = 3) -> Token | None:
    """The last sayer named (no pronoun) in the few sentences before *sent*."""
    doc = sent.doc
    for _ in range(count):
        if sent.start == 0:
            return None
        sent = sentence(doc[sent.start - 1])
        subj = _sayer_in(sent)
        if subj is not None and subj.tag_ not in PRONOUNS:
            return subj
    return None


def _quotation_speaker(tok: Token) -> Token | None:
    """'"We will not give up. We reject the deal," the rebels' spokesman said.': "we" in direct
    speech is the quotation's speaker, named where it closes (a "he" there is the sayer named
    last before), or else just before it opens."""
    doc, sent = tok.doc, sentence(tok)
    paragraph = doc.text.rfind("\n", 0, tok.idx)  # quotation marks pair up inside a paragraph
    opened = None
    for t in doc[max(0, sent.start - 60) : tok.i]:
        if t.idx > paragraph and t.text in _MARKS:
            opened = None if opened is not None else t
    if opened is None:
        return None
    opening = sentence(opened)
    here, start, closing = sent, tok.i + 1, None
    for _ in range(4):  # where it closes, and who says it there
        if _marks(doc[start : here.end]) % 2:
            closing = here
            break
        if here.end >= len(doc):
            break
        here = sentence(doc[here.end])
        start = here.start
    sayer = _sayer_in(closing) if closing is not None else None
    if sayer is not None and sayer.tag_ in PRONOUNS:
        sayer = _named_sayer_before(opening)
    return sayer or (_named_sayer_before(opening, 1) if closing is None else None)


def quotation_sayer(tok: Token, memory: PartyMemory) -> Party | None:
    """The party whose quotation *tok* stands in, named where the quotation closes or just before
    it opens ('"... The monsters are sticking to their methods," the president said'), or None."""
    sayer = _quotation_speaker(tok)
    return resolve_party(sayer, memory, as_actor=True) if sayer is not None else None


def _resolve_reference(tok: Token, memory: PartyMemory, as_actor: bool, depth: int) -> Party | None:
    """What a pronoun or "the group" points to: the speaker of a reported clause or of a quotation,
    an earlier subject of the sentence, else the document's memory ("we" in a statement: its author)."""
    speaker = _speaker(tok) or (_earlier_subject(tok) if tok.tag_ in PRONOUNS else None)
    we = fold(tok.text) in cue("arguments.speaker_pronouns")
    if speaker is None and we:
        speaker = _quotation_speaker(tok)
    if (
        speaker is not None
        and tok.tag_ not in PRONOUNS
        and (_one_of_the_public(speaker) or not is_partylike(speaker))
    ):
        speaker = None  # "residents said the gang had demanded", "reports say the police fired"
    if speaker is not None and depth < 3:
        if we:  # "we" said by one of a group, or by a state's leader
            group = _one_of_a_group(speaker, tok)
            party = resolve_party(speaker, memory, as_actor, depth=depth + 1)
            return group or _speaking_for(party, tok)
        return resolve_party(speaker, memory, as_actor, depth=depth + 1)
    if we:
        earlier = memory.author()
    else:
        earlier = memory.resolve(tok)
    if earlier is None:
        return None
    return Party(name=earlier.name, text=tok.text, country=earlier.country, sector=earlier.sector)


def _one_of_a_group(sayer: Token, tok: Token) -> Party | None:
    """'Another demonstrator, Anthony, said: "We are marching against the tax."': the "we" of one
    of a group of people (a demonstrator, a resident, a rebel) is that group."""
    if sayer.pos_ != "NOUN":
        return None
    sector = actor_index().sector_of(sayer.text)
    if sector is None or sector[2] != "people" or sector[1] in _STATE:
        return None
    group = actor_index().resolve(sector[0])
    return Party(name=group.name, text=tok.text, country=group.country, sector=group.sector)


def _speaking_for(party: Party | None, tok: Token) -> Party | None:
    """ "'They attacked our consulate,' the supreme leader said": the "we" of a state's leader or
    minister is the state's government."""
    known = actor_index().named(party.name) if party is not None else None
    if known is None or known.kind != "person" or party.sector not in STATE_SECTORS:
        return party
    return actor_index().state_party(party.country, "government", tok.text) or party


def _one_of_the_public(tok: Token) -> bool:
    """Residents, witnesses, relatives: people who speak of a group, not for it."""
    sector = actor_index().sector_of(party_span(tok).text)
    return sector is not None and sector[1] in ("civilians", "refugees")


def _earlier_subject(tok: Token) -> Token | None:
    """ "The militia went further on Sunday, when its drones struck": the nearest subject
    before the pronoun in its sentence that names a party of the same number."""
    word = fold(tok.text)
    if word in cue("arguments.person_pronouns") or word in cue("arguments.speaker_pronouns"):
        return None
    one = word in cue("arguments.singular_pronouns")
    sent = sentence(tok)
    own = _clause_subject(tok)
    for cand in reversed(sent[: tok.i - sent.start]):
        if (one and cand.tag_ in ("NNS", "NNPS")) or (own is not None and cand.i == own.i):
            continue
        agent = (
            cand.dep_ == deps.PREP_OBJECT and cand.head.dep_ == deps.AGENT
        )  # "committed by the RSF, when it ..."
        if (
            (cand.dep_ in (deps.SUBJECT, deps.SUBJECT_PASSIVE) or agent)
            and cand.tag_ not in PRONOUNS
            and is_partylike(cand)
        ):
            return cand
    return None


def _clause_subject(tok: Token) -> Token | None:
    """The subject of the clause whose object *tok* is: "the ministry rejected the measures and
    described them as a crime": "them" is not the ministry (it would say "itself")."""
    if tok.dep_ not in (deps.DIRECT_OBJECT, deps.DATIVE):
        return None
    verb = tok.head
    subj = child(verb, (deps.SUBJECT,))
    while subj is None and verb.dep_ == deps.CONJUNCT:
        verb = verb.head
        subj = child(verb, (deps.SUBJECT,))
    return subj


def _is_person(tok: Token, party: Party) -> bool:
    """Is the party one person ("he" may point to it)? The actor list knows better than NER
    ("Boko Haram" is tagged PERSON)."""
    known = actor_index().named(party.name)
    if known is not None:
        return known.kind == "person"
    sector = actor_index().sector_of(party.text or party.name)
    if sector is not None and sector[2] == "title":
        return True  # "the health minister", "the governor"
    return tok.ent_type_ == "PERSON" and not _a_place(party.text or party.name) and not _a_thing(tok.text)


def _a_thing(text: str) -> bool:
    """A word the tagger took for a name at the head of its sentence that names a weapon or a deed:
    "Gunfire was continuing from the monastery" (no "he" points to it)."""
    word = fold(text)
    return word in cue("arguments.instrument_nouns") or (word, "NOUN") in event_lexicon()


def _doer_of_deed(
    tok: Token, memory: PartyMemory, as_actor: bool, told: list, depth: int, loose: bool = True
) -> Party | None:
    """The party of a deed noun (the target of "condemned the killings" is whoever did them): its
    own actor, else the doer of the last such deed told (*loose*: else of the last deed told)."""
    own = noun_arguments(tok)[0]
    if own is not None and depth < 3:
        return resolve_party(own, memory, as_actor, depth=depth + 1)
    trigger = find_trigger(tok, set())
    kind = trigger.type if trigger is not None else "ASSAULT"  # "the atrocity", "this crime"
    done = [p.event for p in reversed(told) if p.event.actor is not None]
    same = [e for e in done if e.type == kind]
    stem = fold(tok.lemma_)[:4]
    worded = [e for e in same if any(w.startswith(stem) for w in fold(e.sources[0].trigger or "").split())]
    # "killed five soldiers in an ambush ... condemned the ambush": the deed its sentence named so
    worded = worded or [e for e in same if any(w.startswith(stem) for w in _words(e.sources[0].sentence))]
    if fold(tok.lemma_) in cue("arguments.killing_nouns"):
        # "condemned the killings": the deadliest act told, whatever verb told it
        deadly = [e for e in same if e.fatalities is not None and (e.fatalities.best or 0) > 0]
        worded = sorted(deadly, key=lambda e: -(e.fatalities.best or 0))[:1] or worded
    # "condemned the bombing": who did the last bombing told, else the last such event's doer
    return next((e.actor for e in (*worded, *same, *(done if loose else ()))), None)


def _meant_by_words(
    tok: Token, memory: PartyMemory, as_actor: bool, told: list | None, depth: int
) -> Party | None:
    """The party words that name none stand for: "those responsible for the strikes" (whoever
    carried them out)."""
    deed = _deed_meant(tok) if told is not None else None
    return _doer_of_deed(deed, memory, as_actor, told, depth, loose=False) if deed is not None else None


def _deed_meant(tok: Token) -> Token | None:
    """The deed whose doers words aimed at stand for: "those responsible for the strikes" (the
    strikes), "those behind the riots", "denounced it as a war crime" (it), "branded the rebellion
    treason" (the rebellion)."""
    word = fold(tok.text)
    if word in words("culprit_pronouns"):
        marked = [c for c in tok.children if fold(c.lemma_) in words("culprit_marks")]
        for holder in (*marked, tok):
            deed = prep_object(holder, words("culprit_preps"))
            if deed is not None and not is_partylike(deed):
                return deed
        return tok if marked else None
    if word in words("deed_pronouns") and tok.dep_ == deps.DIRECT_OBJECT:
        return tok if fold(tok.head.lemma_) in cue("arguments.characterising") else None
    if word in words("deed_pronouns") and tok.dep_ == deps.SUBJECT and _judged(tok.head):
        return tok  # "'this is a war crime,' she said": the deed told before
    return tok if tok.pos_ == "NOUN" and fold(tok.lemma_) in words("defiance_nouns") else None


def _judged(verb: Token) -> bool:
    """A copula that judges its subject by a noun: "this is another unacceptable escalation"."""
    return fold(verb.lemma_) == "be" and child(verb, (deps.ATTRIBUTE,)) is not None


def _words(text: str | None) -> list[str]:
    return re.findall(r"[a-z]+", fold(text or ""))


def _struck(tok: Token) -> bool:
    """ "missiles struck Kyiv", "an attack on Kyiv": a city attacked is the city, no government."""
    head = tok.head.head if tok.dep_ == deps.PREP_OBJECT else tok.head
    trigger = find_trigger(head, set()) if head.i != tok.i else None
    return trigger is not None and trigger.type in types_with("violence")


def _capital_government(tok: Token, party: Party | None) -> Party | None:
    """ "warned Beijing", "rejected Seoul's offer": a capital named as the party aimed at stands for
    its state's government (a capital is the city at its country's own coordinates in the gazetteer)."""
    if party is None or party.country or party.sector or tok.pos_ != "PROPN" or _struck(tok):
        return party
    places = gazetteer().candidates(party.text or "")
    city = places[0] if places else None
    if city is None or city.kind != "city":
        return party
    state = gazetteer().country(city.country)
    if state is None or (round(state.lat, 2), round(state.lon, 2)) != (
        round(city.lat, 2),
        round(city.lon, 2),
    ):
        return party
    return actor_index().state_party(city.country, "government", party.text) or party


def resolve_party(
    tok: Token | None, memory: PartyMemory, as_actor: bool, told: list | None = None, depth: int = 0
) -> Party | None:
    said_by = tok
    tok = party_head(tok)
    if tok is None:
        return None
    if said_by is not None and said_by.i != tok.i and fold(said_by.lemma_) in cue("arguments.voice_heads"):
        # "the army's spokesman said ... He accused": he speaks for the army
        party = resolve_party(tok, memory, as_actor, told, depth + 1) if depth < 3 else None
        memory.add(party, is_person=True, as_actor=as_actor)
        return party
    meant = _meant_by_words(tok, memory, as_actor, told, depth)
    if meant is not None:
        return meant
    if is_reference(tok):
        found = _resolve_reference(tok, memory, as_actor, depth)
        if found is not None or tok.tag_ in PRONOUNS:
            return found
    owner = child(tok, (deps.POSSESSIVE,))
    if owner is not None and owner.tag_ in PRONOUNS and fold(tok.lemma_) in cue("arguments.generic_heads"):
        # "its fighters", "their troops", "his spokesman": the owner is the party
        found = _resolve_reference(owner, memory, as_actor, depth)
        if found is not None:
            words = party_span(tok).text
            if found.sector == "government" and found.country:
                # a government's "our soldiers" are its country's forces
                forces = actor_index().resolve(tok.text, context_country=found.country)
                if forces.country == found.country and forces.sector not in (None, "government"):
                    return Party(name=forces.name, text=words, country=forces.country, sector=forces.sector)
            return Party(name=found.name, text=words, country=found.country, sector=found.sector)
    if (
        told is not None
        and tok.pos_ == "NOUN"
        and (find_trigger(tok, set()) is not None or fold(tok.lemma_) in cue("arguments.wrongdoing_nouns"))
    ):
        return _doer_of_deed(tok, memory, as_actor, told, depth)
    span = party_span(tok)
    # "the government" named for the first time: the document's own country's
    party = actor_index().resolve(span.text, context_country=memory.home() if is_reference(tok) else None)
    if not as_actor:
        party = _capital_government(tok, party)
    if party is not None and tok.pos_ != "PROPN" and tok.ent_type_ != "PERSON":
        holder = memory.holder_of(span.text, party.country)  # "the president": the one named so
        if holder is not None:
            return Party(name=holder.name, text=span.text, country=holder.country, sector=holder.sector)
    memory.add(party, is_person=_is_person(tok, party), as_actor=as_actor)
    counted = party_span(tok, counted=True).text
    if party is not None and party.text == span.text and counted != span.text:
        party = Party(name=party.name, text=counted, country=party.country, sector=party.sector)
    return party


def is_unnamed(party: Party) -> bool:
    """ "gunmen", "attackers", "unidentified militants": a party the text does not name."""
    idx = actor_index()
    if idx.named(party.name) is not None or party.country:
        return False
    sector = idx.sector_of(party.name)
    return sector is not None and sector[2] == "people"


def remember_subject(sent, memory: PartyMemory) -> None:
    """Feed the memory with what a sentence names: its subject first among equals, then the
    organisations and people it mentions, so that "its fighters" finds the group."""
    root = sent.root
    subj = behind_instrument(
        child(root, (deps.SUBJECT, deps.SUBJECT_PASSIVE))
    )  # "Leaflets signed by the EGC": the EGC
    for ent in sent_ents(sent):
        if ent.label_ in ("ORG", "NORP", "PERSON") and (subj is None or ent.root.i != subj.i):
            party = actor_index().resolve(ent.text)
            person = ent.label_ == "PERSON" and not _a_place(ent.text) and not _a_thing(ent.text)
            memory.add(party, is_person=person, as_actor=False, label=ent.label_)
        if ent.label_ == "PERSON":
            _remember_title(ent, memory)
    if subj is not None and subj.tag_ not in PRONOUNS and is_partylike(subj) and not is_reference(subj):
        resolve_party(subj, memory, as_actor=True)


def _a_place(text: str) -> bool:
    """A name the tagger took for a person's that names a state or a place ("Mali", "Niamey"):
    "him" never points to it."""
    named = actor_index().named(text)
    if named is not None:
        return named.kind == "country"
    return gazetteer().is_place_name(text)


def _remember_title(ent, memory: PartyMemory) -> None:
    """A person named with a title before the name or beside it: "President Mohamed Bazoum",
    "French president Emmanuel Macron", "Mohamed Bazoum, Niger's president"."""
    person = actor_index().resolve(ent.text)
    if person is None:
        return
    doc = ent.doc
    before = doc[ent.root.left_edge.i : ent.end].text
    if before != ent.text:
        memory.entitle(person, before)
    for c in ent.root.children:
        if c.dep_ == deps.APPOSITION:
            memory.entitle(person, doc[c.left_edge.i : c.right_edge.i + 1].text)


def implied_target(event_type: str, actor: Party | None, earlier: list, country: str | None) -> Party | None:
    """Whom an event is aimed at when its sentence names no party: a protest at the authorities
    of its country, a curfew or shutdown at the country's people, anything else at the party
    the actor last dealt with (*earlier*: the events told before, oldest first). The party has
    no text: it is inferred, not read."""
    idx = actor_index()
    country = (actor.country if actor is not None else None) or country
    cname = idx.country_name(country)
    if event_type in types_with("authorities") and (actor is None or actor.sector in _POPULAR):
        return Party(name=f"Government of {cname}", country=country, sector="government") if cname else None
    if event_type in types_with("population"):
        return Party(name=f"Civilians ({cname})", country=country, sector="civilians") if cname else None
    if event_type not in types_with("counterpart") or actor is None:
        return None
    armed = [ev.actor for ev in earlier if ev.actor is not None and ev.actor.sector in _ARMED]
    hostile = _conflict(event_type)
    for ev in reversed(earlier):
        if ev.actor is None or ev.target is None or (hostile and not _conflict(ev.type)):
            continue  # whom one attacks is not whoever appealed to one or met one
        for mine, other in ((ev.actor, ev.target), (ev.target, ev.actor)):
            same_side = (
                actor.country is not None
                and other.country == actor.country
                and {actor.sector, other.sector} <= _STATE
            )  # two organs of one state; a country's rebels are not its army's side
            mine_is_actor = (
                mine.name == actor.name
                or (mine.country is None and mine.sector is not None and mine.sector == actor.sector)
                or fold(mine.name).startswith(fold(actor.name) + "'s ")
            )  # "an army base" was the army's, "Thailand's Sisaket province" Thailand's
            if mine_is_actor and other.name != actor.name and not same_side:
                return other
    if actor.sector in STATE_SECTORS and armed:
        # a state that has dealt with no one yet: the armed group the document is about
        return max(armed, key=lambda p: sum(a.name == p.name for a in armed))
    return None


def _conflict(event_type: str) -> bool:
    """An event of conflict, in words or in deeds (PLOVER's quad)."""
    return ontology().types[event_type].quad.endswith("conflict")


_RELEASE = re.compile(
    r"^\s*(?:press release|news release|press statement|statement|communiqu[eé])\s*[-\u2013\u2014,:]\s*"
    r"(?P<org>[^,(\n]{3,100})",
    re.IGNORECASE,
)
_HEADED = re.compile(r"^\s*(?P<org>[^:\n]{3,120}?)\s*(?::|\s[-\u2013\u2014]\s)\s*(?P<rest>.*)$")


def find_issuer(sdoc, lead: int = 4) -> Party | None:
    """The issuer of a statement, named in its first lines: "Statement by the Darfur Civilian
    Protection Monitor", "Communiqué from the Presidency of the Republic", "South Asia Rights
    Monitor - Statement, 1 August 2024", "Ministry of National Defence: statement on ...",
    "Russian Defence Ministry: strike destroys ..." (a body, not a place, before the colon)."""
    for sent in list(sdoc.sents)[:lead]:
        for tok in sent:
            if fold(tok.lemma_) not in cue("arguments.document_nouns") or not _heading_noun(tok):
                continue
            issuer = prep_object(tok, frozenset({"by", "from", "of"}))
            if issuer is not None and (is_partylike(issuer) or issuer.pos_ == "PROPN"):
                return actor_index().resolve(party_span(issuer).text)
    for line in doc_text(sdoc).strip().splitlines()[:4]:
        m = _RELEASE.match(
            line
        )  # "Press release - Civic Rights Monitoring Network (CRMN), Abuja, 19 June 2025"
        if m is not None and m.group("org").strip():
            return actor_index().resolve(m.group("org").strip())
        m = _HEADED.match(line)
        if m is None:
            continue
        org, rest = m.group("org").strip(), fold(m.group("rest"))
        first = rest.split()[0].strip(",.") if rest.split() else ""
        if first in cue("arguments.document_nouns") or _is_body(org):
            return actor_index().resolve(org.split(",")[-1].strip() if first else org)
    return None


def _heading_noun(tok: Token) -> bool:
    """ "Statement by the Darfur Monitor", "citing a statement from the ministry" name one document
    the report is or draws on; "welcomed the statements of the French minister", "the remarks of"
    tell of words already spoken, no document: a plural document noun names no issuer."""
    return tok.tag_ not in ("NNS", "NNPS")


def _is_body(text: str) -> bool:
    """An organisation or a state body, not a place or a country: "Russian Defence Ministry"."""
    idx = actor_index()
    named = idx.named(text)
    if named is not None:
        return named.kind != "country"
    sector = idx.sector_of(text)
    return sector is not None and sector[2] == "institution" and sector[1] in STATE_SECTORS
