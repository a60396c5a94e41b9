"""Who says so: the claimant of each event, as the report credits it.

"according to X", "X said", "X told Reuters", "X reported", "X claimed", "sources told Y": X is
the claimant of the events the sentence tells, named as the report names it.
A statement written by an organisation ("Statement by X", "We ...") is that organisation's claim
for the events it reports, except its own words (its condemnations and appeals are its acts, not
claims about them). The report's own voice leaves the claimant empty.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span, Token

from ..lexicons.actors import actor_index, clean_mention
from ..lexicons.data import cue, fold
from ..lexicons.ontology import types_with
from ..model import Event, Party
from ..nlp import deps
from ..nlp.syntax import PRONOUNS, child, folded_texts, prep_object, sentence, span_text
from ..sentence.arguments import behind_instrument
from ..sentence.casualty_numbers import words
from ..sentence.party_words import party_head, party_span

# A closing ", police have said." that the parser did not hang on the event's clause.
# An appositive name closes it too: ", the governor of the province, Ana Lima, told Reuters."
_TAIL = (
    r",\s+(?:but\s+|and\s+)?(?P<who>[^,]{{2,80}}?),?\s+(?:has |have |had )?"
    r"(?:said|says|told (?:[A-Z][\w.]*|{audiences})|reported|claimed|added|confirmed)"
    r"(?:\s+on\s+\w+|\s+in a statement)?\s*[.\u201d\"']*$"
)


@cache
def _tail() -> re.Pattern:
    """The closing tail, its audiences (", police told reporters.") from ``attribution.audiences``."""
    return re.compile(
        _TAIL.format(audiences="|".join(re.escape(a) for a in sorted(cue("attribution.audiences"))))
    )


@dataclass(frozen=True)
class Claimant:
    name: str
    text: str | None


def _named(tok: Token, resolve) -> Claimant | None:
    speaks_for = fold(tok.lemma_) in cue("attribution.speaking_for")  # "his spokesman said"
    head = tok if speaks_for else party_head(tok) or tok
    if fold(head.lemma_) in cue("arguments.document_nouns") | cue("attribution.source_nouns"):
        # "according to testimony gathered by our monitors", "according to a UN report"
        by = prep_object(head, frozenset({"by", "from", "of"}))  # "a count by residents' associations"
        for c in head.children:
            agent = prep_object(c, frozenset({"by"})) if c.dep_ == deps.ACL else None
            if agent is not None:
                head = agent
                break
        else:
            head = by if by is not None and by.pos_ in ("NOUN", "PROPN") else behind_instrument(head) or head
    owner = child(head, (deps.POSSESSIVE,))
    if head.tag_ in PRONOUNS or (
        owner is not None and owner.tag_ in PRONOUNS and fold(owner.text) in ("our", "their", "its")
    ):
        party = resolve(owner if head.tag_ not in PRONOUNS else head)
        return Claimant(party.name, head.text) if party is not None else None
    words = party_span(head).text
    title = actor_index().sector_of(words)
    if head.pos_ != "PROPN" and title is not None and title[2] == "title" and not speaks_for:
        party = resolve(head)  # "Niger's president said": the president the report named
        if party is not None and fold(party.name) not in (
            fold(title[0]),
            fold(actor_index().resolve(words).name),
        ):
            return Claimant(party.name, words)  # (a title's holder, not his institution: "the army chief")
    return _from_words(words)


def _from_words(words: str) -> Claimant:
    """A claimant as the report names it: the words without determiners and numbers ("two Iraqi
    security sources", "the US military"). A claimant is a citation, not a party: the actor lists'
    canonical name ("United States Armed Forces") would put words in the source's mouth."""
    return Claimant(name=clean_mention(words) or words, text=words)


def says(verb: Token) -> bool:
    """A verb of saying in its saying sense: not "the attack claimed many lives" (an object of
    ``attribution.unsaid_objects``), not "the embassy put out an alert" (a verb of figures whose
    object is no figure), not "the embassy told people not to travel" (an instruction)."""
    lemma = fold(verb.lemma_)
    if lemma not in cue("reporting.lemmas"):
        return False
    obj = child(verb, (deps.DIRECT_OBJECT,))
    if obj is None:
        return True
    if fold(obj.lemma_) in cue("attribution.unsaid_objects"):
        return False
    if lemma in cue("attribution.only_figures") and not _a_figure(obj):
        return False
    return not any(
        c.dep_ == deps.OPEN_COMPLEMENT and any(a.dep_ == deps.AUX and a.lower_ == "to" for a in c.children)
        for c in verb.children
    )


def _a_figure(obj: Token) -> bool:
    """ "put the death toll at 30", "recorded 30 deaths", "estimated the number of dead": a figure."""
    figures = cue("casualties.toll_words") | words("count_nouns") | cue("casualties.dead_words")
    return (
        fold(obj.lemma_) in figures | cue("casualties.wounded_words")
        or fold(obj.text) in figures
        or obj.like_num
        or any(c.dep_ == deps.NUMBER_MODIFIER for c in obj.children)
    )


def according_to(sent: Span) -> Token | None:
    """The X of "according to X" in the sentence."""
    folded = fold(span_text(sent))  # (holds every word's folded text: a cheap test first)
    if not any(w in folded for w in cue("reporting.according")):
        return None
    for tok in sent:
        if fold(tok.text) in cue("reporting.according"):
            to = next((c for c in tok.children if c.lower_ == "to"), None)
            if to is None and tok.i + 1 < len(sent.doc) and sent.doc[tok.i + 1].lower_ == "to":
                to = sent.doc[tok.i + 1]
            obj = child(to, (deps.PREP_OBJECT,)) if to is not None else None
            if obj is not None:
                return obj
    return None


def counter(verb: Token) -> Token | None:
    """The subject of a verb of figures whose object is a toll: "officials put the death toll at
    seven", "the ministry puts the tally at 40" (the one who counted)."""
    obj = child(verb, (deps.DIRECT_OBJECT,))
    if fold(verb.lemma_) not in cue("attribution.figure_verbs") or obj is None:
        return None
    return child(verb, (deps.SUBJECT,)) if fold(obj.lemma_) in cue("casualties.toll_words") else None


def _subordinate(verb: Token) -> bool:
    """ "... suspend the talks until the guerrilla shows a real commitment": a clause opened by a
    conjunction of ``attribution.subordinating`` is a condition or a time, not the telling."""
    return any(
        c.dep_ == deps.MARKER and fold(c.text) in cue("attribution.subordinating") for c in verb.children
    )


def reporter(governor: Token) -> Token | None:
    """The subject of a verb of saying the event's clause hangs from: "X killed 12, officials
    said", "the army said it had killed 20 militants", "two sources told Reuters"."""
    if counter(governor) is not None:
        return counter(governor)
    tok = governor
    for _ in range(6):
        head = tok.head
        if head.i == tok.i:
            break
        figure = fold(head.lemma_) in cue(
            "attribution.figure_verbs"
        )  # "officials put the number of dead at 30"
        if (
            says(head)
            and head.pos_ in ("VERB", "AUX")
            and (
                tok.dep_
                in (
                    deps.CLAUSE_COMPLEMENT,
                    deps.PARATAXIS,
                    deps.OPEN_COMPLEMENT,
                    deps.ADVERBIAL_CLAUSE,
                    deps.DEPENDENT,
                    deps.CONJUNCT,
                )
                or figure
            )
        ):
            subj = child(head, (deps.SUBJECT,))
            if subj is not None:
                return subj
        tok = head
    # a parenthetical "..., the ministry said." hung on the event's verb or on the sentence's
    root = sentence(governor).root
    for verb in (governor, root):
        for c in verb.children:
            if (
                c.dep_
                in (
                    deps.PARATAXIS,
                    deps.ADVERBIAL_CLAUSE,
                    deps.CLAUSE_COMPLEMENT,
                    deps.DEPENDENT,
                    deps.CONJUNCT,
                )
                and says(c)
                and not _subordinate(c)
            ):
                subj = child(c, (deps.SUBJECT,))
                if subj is not None and subj.i > governor.i:
                    return subj
    return None


_QUOTES = ('"', "\u201c", "\u201d")


def _quote_marks(sent: Span) -> int:
    return sum(tok.text in _QUOTES for tok in sent)


def _speaker_in(sent: Span) -> Token | None:
    """The subject of a verb of saying in *sent* ("said Pavlo Kyrylenko", "X called the situation
    dramatic and said ...": the subject of the verb it is joined to)."""
    for tok in sent:
        if says(tok) and tok.pos_ == "VERB":
            subj = child(tok, (deps.SUBJECT,))
            if subj is None and tok.dep_ == deps.CONJUNCT:
                subj = child(tok.head, (deps.SUBJECT,))
            if subj is not None and subj.tag_ not in PRONOUNS:
                return subj
    return None


def quote_speaker(sent: Span) -> Token | None:
    """A sentence of a quotation, with no speaker of its own: the quotation's speaker, named where
    the quotation closes ('"The station was hit. Dozens died," said the governor.') or, for a
    quotation of one sentence, in the sentence before it ('The minister said no end was in
    sight. "The police are calling on the attackers to give up."')."""
    if not len(sent) or sent[0].text not in _QUOTES:
        return None
    doc = sent.doc
    if _quote_marks(sent) % 2 == 0:  # a quotation of its own: the speaker just named
        before = sentence(doc[sent.start - 1]) if sent.start > 0 else None
        return _speaker_in(before) if before is not None else None
    nxt = sent.end
    for _ in range(3):  # the quotation goes on: its speaker is named where it closes
        if nxt >= len(doc):
            return None
        following = sentence(doc[nxt])
        if _quote_marks(following) % 2:
            return _speaker_in(following)
        nxt = following.end
    return None


def claimant_of(m, issuer: Party | None, actor: Party | None, resolve) -> Claimant | None:
    """The claimant of mention *m*: "according to" first, then the speaker of the clause, then
    the author of a statement; never the one whose own words the event is ("the minister said
    he had called for talks": his call is his act, not a claim about it). *resolve* turns a
    pronoun ("it said") into a party, or None."""
    base = resolve

    def resolve(tok):  # "we", "our monitors": the speaker of the quotation, else the statement's issuer
        if fold(tok.text) in ("we", "our", "us"):
            speaker = quote_speaker(sentence(tok))
            if speaker is not None and speaker.tag_ not in PRONOUNS:
                return base(speaker) or issuer
            if issuer is not None:
                return issuer
        return base(tok)

    found = _sayer(m, resolve)
    if found is None and issuer is not None:
        found = Claimant(issuer.name, None)
    if found is not None and _own_words(m, actor, found):
        return None
    return found


def _by_according_to(m, resolve) -> Claimant | None:
    """ "The fighting killed 11 people, according to the Red Crescent." """
    found = according_to(m.sent)
    return _named(found, resolve) if found is not None else None


def _by_speaker(m, resolve) -> Claimant | None:
    """ "Gunmen killed 12 people, hospital officials said." (the verb the clause hangs from)"""
    speaker = reporter(m.governor)
    return _named(speaker, resolve) if speaker is not None else None


def _by_tail(m, resolve) -> Claimant | None:
    """ "Rebels burned the market, the mayor of Goma, Ana Lima, told AFP." (the parser missed it)"""
    return _tail_of(m.sent)


def _tail_of(sent: Span) -> Claimant | None:
    tail = _tail().search(span_text(sent).strip())
    if tail is None or tail.group("who").lower().startswith(("it ", "he ", "she ", "they ")):
        return None
    return _from_words(tail.group("who"))


def _by_quotation(m, resolve) -> Claimant | None:
    """'"The station was hit. Dozens died," said the governor.'"""
    quoted = quote_speaker(m.sent)
    return _named(quoted, resolve) if quoted is not None else None


def _by_account_before(m, resolve) -> Claimant | None:
    """ "According to the mayor, the rebels agreed to free the hostages. In return, the army pulled
    out of the town.": a sentence that opens with a cue going on with the account before
    (``attribution.continuing``) is told on the word of that account's claimant."""
    sent = m.sent
    opening = fold(span_text(sent[: min(len(sent), 4)]))
    if sent.start == 0 or not any(
        re.match(re.escape(c) + r"\b", opening) for c in cue("attribution.continuing")
    ):
        return None
    before = sentence(sent.doc[sent.start - 1])
    found = according_to(before)
    if found is None and says(before.root) and before.root.pos_ == "VERB":
        found = child(before.root, (deps.SUBJECT,))
    return _named(found, resolve) if found is not None else _tail_of(before)


def _by_toll_confirmed_after(m, resolve) -> Claimant | None:
    """ "Gunmen reportedly killed 40 villagers. ... A police source who confirmed the death toll said
    ...": an event told on hearsay (a hedge of ``attribution.hearsay``) is on the word of the one
    who confirms its toll in the next few sentences."""
    texts, hearsay = folded_texts(m.sent.doc), cue("attribution.hearsay")
    if not any(texts[i] in hearsay for i in range(m.sent.start, m.sent.end)):
        return None
    doc, end = m.sent.doc, m.sent.end
    for _ in range(3):
        if end >= len(doc):
            return None
        after = sentence(doc[end])
        for verb in after:
            obj = child(verb, (deps.DIRECT_OBJECT,))
            if says(verb) and obj is not None and fold(obj.lemma_) in cue("casualties.toll_words"):
                subj = child(verb, (deps.SUBJECT,))
                if subj is not None and subj.tag_ in ("WP", "WDT") and verb.dep_ == deps.RELATIVE_CLAUSE:
                    subj = verb.head  # "a source who confirmed the toll"
                return _named(subj, resolve) if subj is not None else None
        end = after.end
    return None


def _by_mention(m, resolve) -> Claimant | None:
    """ "The minister referred to the rocket attack on the embassy", "the ministry condemns the strike
    that targeted a car": who speaks of an event named as the object of a verb of
    ``attribution.mentioning`` tells it (the condemnation is its own act, the strike its report)."""
    tok = m.trigger
    if tok.dep_ == deps.RELATIVE_CLAUSE:  # "condemned the strike that targeted a car"
        tok = tok.head
    verb = tok.head.head if tok.dep_ == deps.PREP_OBJECT else tok.head  # ("referred to the attack")
    if verb.i == tok.i or fold(verb.lemma_) not in cue("attribution.mentioning"):
        return None
    subj = child(verb, (deps.SUBJECT,))
    return _named(subj, resolve) if subj is not None else None


def _by_sentence_cut_short(m, resolve) -> Claimant | None:
    """ "A complaint was filed with prosecutors in Lima. to establish the facts, the ombudsman said.":
    a sentence cut by a stray full stop (the next begins in lower case) is credited where it ends."""
    doc, end = m.sent.doc, m.sent.end
    if end >= len(doc):
        return None
    after = sentence(doc[end])
    first = next((t for t in after if t.is_alpha), None)
    return _tail_of(after) if first is not None and first.text[0].islower() else None


#: Who the sentence credits, tried in order (name, rule(mention, resolve) -> Claimant or None).
SAYER_RULES = (
    ("according to X", _by_according_to),
    ("the speaker of the clause", _by_speaker),
    ("a closing 'X said'", _by_tail),
    ("the quotation's speaker", _by_quotation),
    ("who speaks of the event", _by_mention),
    ("the account of the sentence before", _by_account_before),
    ("hearsay whose toll is confirmed after", _by_toll_confirmed_after),
    ("a sentence cut short by a stray full stop", _by_sentence_cut_short),
)


def _sayer(m, resolve) -> Claimant | None:
    """Who the sentence (or its quotation) credits, if anyone: the first of ``SAYER_RULES``."""
    return next((c for _, rule in SAYER_RULES if (c := rule(m, resolve)) is not None), None)


def _recalled(trigger: Token) -> bool:
    """A past act its doer reports ("the government recalls that it expelled the envoy"): a claim
    about the act, not the act's own words."""
    head = trigger.head
    return (
        trigger.tag_ in ("VBD", "VBN")
        and trigger.dep_ == deps.CLAUSE_COMPLEMENT
        and fold(head.lemma_) in cue("reporting.lemmas")
        and any(c.dep_ == deps.MARKER and c.lower_ == "that" for c in trigger.children)
        and not any(c.dep_ == deps.AUX and c.tag_ == "MD" for c in trigger.children)  # "will be punished"
    )


def _own_words(m, actor: Party | None, said: Claimant) -> bool:
    """The event is made of the claimant's own words (its appeal, threat, condemnation)."""
    if m.type not in types_with("spoken") or actor is None or _recalled(m.trigger):
        return False
    said_as = [fold(w) for w in (said.name, said.text) if w]
    if fold(actor.text or "") in cue("attribution.first_person") or (
        said.text and fold(said.text) == fold(actor.text or "")
    ):
        return True  # '"We reject the transition," he said'; "the group said it condemned ..."
    actor_as = [fold(w) for w in (actor.name, actor.text) if w and w[:1].isupper()]  # names, not "his"
    return any(a in s or s in a for s in said_as for a in actor_as)  # "Karim Aziz", "Minister Karim Aziz"


def credit_telling(event: Event, said: str | None, figures: tuple) -> None:
    """ "Missiles were reportedly fired at the station. ... Railways put the toll at more than 30":
    a figure the record takes from a telling on someone's word is that claimant's, and so is
    the record's account when its first telling credits nobody. *figures* are the record's
    (fatalities, injuries) before the telling."""
    first = event.sources[0] if event.sources else None
    taken = (event.fatalities, event.injuries) != figures
    if said and taken and first is not None and first.attributed_to is None:
        first.attributed_to = said
