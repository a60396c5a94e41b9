"""Finding event mentions in a parsed document: the ``eventcoder_events`` spaCy component.

For every sentence the component looks up verbs and event nouns in the event lexicon
(``data/event_lexicon.csv``), drops mentions that are not asserted as having happened
(negated, modal, hypothetical, denied, an accusation's complement, a commemoration, a
conditional: :mod:`assertion`), folds together the triggers of one event (a light verb and
its noun, "launched an attack"; a verb and the means it governs, "killed in an air strike";
conjoined verbs, "killed 11 and wounded 500"; one actor's acts in one breath), and has actor
and target read off the parse (:mod:`arguments`).

The result is ``doc._.ec_mentions``: a list of :class:`Mention`, plain data over tokens,
so the component can be tested on hand-built ``Doc`` objects.
"""

from __future__ import annotations

import logging

from spacy.tokens import Doc, Token

from ..lexicons.data import Trigger, cue, event_lexicon, fold, word_lists
from ..lexicons.ontology import types_with
from ..nlp import deps
from ..nlp.syntax import (
    PRONOUNS,
    all_lemma_forms,
    child,
    depth,
    folded_lemmas,
    lemma_forms,
    pos_of,
    sent_lemmas,
    span_text,
    subtree_indices,
    tree,
    word_classes,
)
from .actors import stranded_subject
from .arguments import fill_arguments, subject_of
from .assertion import not_asserted
from .assertion_blame import blame_laid, blamer
from .assertion_intent import INTENT_REASONS, intent_mode, intent_reading, said_clause, stance, vetoed
from .candidates import choose_type, is_mutual, reciprocal_word
from .mention import Mention
from .party_words import is_partylike
from .triggers import anchor, find_trigger

log = logging.getLogger(__name__)

if not Doc.has_extension("ec_mentions"):
    Doc.set_extension("ec_mentions", default=None)


# a word neither verb nor noun triggers only as a modifier of condemnation, or one conjoined with
# it (triggers._condemning)
_MODIFIERS = (deps.ADJ_MODIFIER, deps.ADVERB_MODIFIER, deps.CONJUNCT)


def find_mentions(doc: Doc) -> list[Mention]:
    """Every asserted event mention in *doc*, in text order."""
    mentions: list[Mention] = []
    for sent in doc.sents:
        lemmas = _trigger_lemmas(sent)
        found: dict[int, tuple[Token, Trigger]] = {}
        classes, labels = word_classes(doc), tree(doc)[1]
        forms, lex, insults = (
            all_lemma_forms(doc),
            event_lexicon(),
            word_lists("triggers.toml")["insulting_nouns"],
        )
        for i in range(sent.start, sent.end):
            pos = classes[i]
            if pos is None and labels[i] not in _MODIFIERS:
                continue  # (neither verb nor noun nor a modifier that condemns: no Token made)
            if pos is not None and not any((form, pos) in lex for form in forms[i]):
                if pos != "NOUN" or insults.isdisjoint(forms[i]):
                    continue  # (no lemma form of it in the lexicon nor an insult: find_trigger finds nothing)
            tok = doc[i]
            trig = find_trigger(tok, lemmas)
            if trig is not None:
                tok = anchor(tok)
                found[tok.i] = (tok, trig)
        governors = _light_verbs(found)
        candidates = []
        for i, (tok, trig) in list(found.items()):
            governor = governors.get(i, tok)
            why = _why_no_event(tok, trig, governor, found)
            kind = (trig.type, trig.mode)
            if why:
                said = statement_of_intent(tok, trig, governor, found) if why in INTENT_REASONS else None
                blame = blame_laid(tok, trig.type, why)
                if said is None and blame is not None:
                    said = tok, blamer(tok) or governor, blame  # "were believed to be an Israeli attack"
                if said is None:
                    log.debug("dropped %r (%s): %s", tok.text, trig.type, why)
                    continue
                tok, governor, kind = said
            candidates.append(
                Mention(
                    trigger=tok,
                    words=" ".join(trig.words),
                    type=kind[0],
                    mode=kind[1],
                    sent=sent,
                    governor=governor,
                )
            )
        mentions.extend(_fold_same_event(_fold_circumstances(candidates)))
    for m in mentions:
        fill_arguments(m)
        if choose_type(m):  # who did it, and to whom, may tell what the act is
            fill_arguments(m)  # (found again by the roles of its new type)
    return _one_act_per_actor([t for m in mentions if _plausible(m) for t in (m, *_reciprocal_twin(m))])


def _reciprocal_twin(m: Mention) -> list[Mention]:
    """ "Thailand and Cambodia blamed each other": the other side's act, anchored on the word
    that makes it mutual ("other"), with actor and target swapped. Sides not named apart ("the
    two countries accused each other") stay one record: its parties are both."""
    other = None if is_mutual(m) else reciprocal_word(m.governor)
    if other is None or m.actor is None or m.target is None or m.actor.i == m.target.i:
        return []
    return [
        Mention(
            trigger=other,
            words=m.words,
            type=m.type,
            mode=m.mode,
            sent=m.sent,
            actor=m.target,
            target=m.actor,
            governor=m.governor,
            merged=[m.trigger, *m.merged],
            confidence=m.confidence,
        )
    ]


def _light_verbs(found: dict[int, tuple[Token, Trigger]]) -> dict[int, Token]:
    """Nouns carried by a light verb take it over: "launched an attack" is the attack, and the
    verb governs its clause. Returns noun index -> verb, and drops the verb's own trigger."""
    light = cue("light_verbs.lemmas")
    governors: dict[int, Token] = {}
    for i, (tok, _trig) in list(found.items()):
        carrier = tok
        if (
            tok.dep_ == deps.PREP_OBJECT
            and tok.head.lower_ == "of"
            and tok.head.head.dep_ in (deps.DIRECT_OBJECT, deps.SUBJECT_PASSIVE)
        ):
            carrier = tok.head.head  # "sent messages of solidarity", "issued a statement of condemnation"
        verb = carrier.head
        if (
            pos_of(tok) == "NOUN"
            and carrier.dep_ in (deps.DIRECT_OBJECT, deps.SUBJECT_PASSIVE, deps.ATTRIBUTE)
            and verb.pos_ == "VERB"
            and any(f in light for f in lemma_forms(verb))
            and not _reverses(found, verb, tok)
        ):
            governors[i] = verb
            found.pop(verb.i, None)
    return governors


def _reverses(found: dict[int, tuple[Token, Trigger]], verb: Token, noun: Token) -> bool:
    """The verb's own reading is a phrase written for this noun and names another act: "called
    off the ban" is a concession, not the ban; "called off the talks" a sanction, not the talks;
    and so is a verb that says what the noun is: "called the raid cowardly" condemns the raid."""
    own, carried = found.get(verb.i), found.get(noun.i)
    if own is None or carried is None:
        return False
    if own[1].type != carried[1].type and child(verb, (deps.OBJECT_PREDICATE,)) is not None:
        return True  # "called the attack horrific": a predicate on the noun judges it, the verb is the act
    if not own[1].others:
        return False
    return own[1].type != carried[1].type and fold(noun.lemma_) in own[1].needs


def _why_no_event(tok: Token, trig: Trigger, governor: Token, found: dict) -> str | None:
    """Why a trigger does not report an event of its own, or None."""
    head = found.get(tok.head.i)
    if (
        governor.i == tok.i
        and pos_of(tok) == "NOUN"
        and tok.dep_ in (deps.DIRECT_OBJECT, deps.SUBJECT_PASSIVE)
        and head
        and head[1].type != trig.type
        and head[1].type in types_with("object_taking")
        and (trig.type not in word_lists("triggers.toml")["gathering_types"] or is_partylike(tok))
        # ("dispersed a demonstration" tells the crowd's act; "tear-gassed the marchers" names victims)
    ):
        return f"what {tok.head.text!r} acts on"  # "suspended its partnership", "targeted a meeting"
    why = not_asserted(tok, governor)
    if why:
        return why
    if _describes(tok, trig):
        return "a description"
    if governor.i == tok.i and _is_time_reference(tok):
        return "names the time of another event"
    if trig.type in ("AGREE", "SUPPORT") and _mass_subject(governor):
        return "a mass signing is not an agreement between parties"
    if trig.type == "THREATEN" and pos_of(tok) == "VERB" and _warns_of_others(tok):
        return "a warning about others, not a threat"
    return None


def statement_of_intent(tok: Token, trig: Trigger, governor: Token, found: dict):
    """An act not asserted because it is only promised, threatened, demanded, refused or
    announced is a statement of that intent (:mod:`assertion_intent`): its (trigger, governor,
    (type, mode)), or None. A word of intent that is a trigger of its own carries the event, and
    one that is itself not asserted ("did not promise") states nothing."""
    rule = intent_reading(tok, governor, trig.type, trig.mode)
    if rule is None:
        return None
    head = stance(tok, governor, trig.type).head
    # (a refusal's own negation, "had no intention of", does not undo it)
    unsaid = head is not None and rule.type != "REJECT" and not_asserted(head, head)
    if head is not None and (head.i in found or unsaid or vetoed(head, rule)):
        return None
    if any(a.i in found and found[a.i][1].type == rule.type for a in governor.ancestors):
        return None  # "warned that X would face attacks unless ...": the warning is the threat
    if head is not None and rule.type in ("REQUEST", "REJECT", "THREATEN"):
        tok = governor = head  # "ordered the police to release": the order is the court's
    elif (
        head is None
        and said_clause(governor).dep_ == deps.CLAUSE_COMPLEMENT
        and fold(said_clause(governor).head.lemma_) in cue("reporting.lemmas")
    ):
        governor = said_clause(
            governor
        ).head  # "announced it would withdraw": the announcement is the statement, in its own voice
    return tok, governor, (rule.type, intent_mode(rule, trig.type, trig.mode))


def _describes(tok: Token, trig: Trigger) -> bool:
    """A participle that says what a party or a document is, not what it did: "a message sent
    to journalists", "activists backed by the government", "protesters backing the cleric" (in
    a sentence with no verb the participle is the predicate; an attacking party still attacks)."""
    if pos_of(tok) != "VERB" or tok.dep_ != deps.ACL or tok.head.dep_ == deps.ROOT:
        return False
    if _cut_relative(tok.head):
        return False  # "an attack that the minister blamed on Serbia": a relative clause the parser cut
    if tok.tag_ == "VBN" and fold(tok.head.lemma_) in cue("arguments.document_nouns"):
        return True
    return tok.tag_ in ("VBN", "VBG") and trig.type != "ASSAULT" and is_partylike(tok.head)


def _cut_relative(noun: Token) -> bool:
    """The noun is the subject of a relative clause the parser cut at its verb: "that" hangs on the
    noun as a determiner, or the noun on "that" as a subordinating conjunction's subject."""
    if any(c.tag_ == "WDT" for c in noun.children):
        return True
    return noun.dep_ == deps.SUBJECT and noun.head.pos_ == "SCONJ"


def _trigger_lemmas(sent) -> set[str]:
    """The lemmas a lexicon row's needs and blocks look for: the sentence's, but for "according"
    ("according to officials" is no accord)."""
    according = cue("reporting.according")
    folded = fold(span_text(sent))  # (holds every word's folded text: a cheap test first)
    if not any(w in folded for w in according) or not any(fold(t.text) in according for t in sent):
        return sent_lemmas(sent)
    lemmas = folded_lemmas(sent.doc)[sent.start : sent.end]
    return {lem for t, lem in zip(sent, lemmas, strict=True) if fold(t.text) not in according}


def _plausible(m: Mention) -> bool:
    """A visit is a diplomatic event only when someone or some state is visited."""
    if m.type == "CONSULT" and m.mode == "visit":
        return m.target is not None and (
            is_partylike(m.target) or m.target.ent_type_ in ("GPE", "LOC", "FAC")
        )
    return True


def _one_act_per_actor(mentions: list[Mention]) -> list[Mention]:
    """One actor doing several things in one breath ("condemned the strikes and summoned the
    envoy", "spoke by phone and agreed to ...") is one event, typed by its main verb; the
    others are kept as the event's further triggers. Two material acts ("fired tear gas and
    arrested 40") stay two events."""
    keep: list[Mention] = []
    for m in mentions:
        host = next(
            (
                k
                for k in keep
                if k.sent.start == m.sent.start
                and _same_actor(k, m)
                and k.type != m.type
                and any(_linked(a, b) for a in _clauses(k) for b in _clauses(m))
                and not {k.type, m.type} <= types_with("material")
                and not _two_statements(k, m)
            ),
            None,
        )
        if host is None:
            keep.append(m)
            continue
        if depth(m.governor) < depth(host.governor):
            keep[keep.index(host)] = m
            m.merged.extend([host.trigger, *host.merged])
        else:
            host.merged.extend([m.trigger, *m.merged])
    return keep


def _two_statements(a: Mention, b: Mention) -> bool:
    """ "condemned the attack and called for talks, but warned it was ready to retaliate": conjoined
    statements of different kinds, each aimed at someone's deeds, are said one after the other, each
    an event of its own (but "summoned the envoy to demand an explanation" says what the summons was
    for, and "condemned the bombing and offered condolences" is one statement). A demand is one
    of its own beside any statement: "hailed the late president and called for a peaceful transition"."""
    kinds = {a.type, b.type}
    demand = kinds <= types_with("spoken") and bool(kinds & word_lists("triggers.toml")["demand_types"])
    if not (demand or kinds <= types_with("spoken") & types_with("event_target")):
        return False
    pairs = [(x, y) for x in _clauses(a) for y in _clauses(b)] + [
        (y, x) for x in _clauses(a) for y in _clauses(b)
    ]
    return any(y.head.i == x.i and y.dep_ == deps.CONJUNCT for x, y in pairs)


def _same_actor(a: Mention, b: Mention) -> bool:
    """The same actor, or none named for a purpose clause ("gathered to denounce the strike")."""
    if a.actor is not None and b.actor is not None:
        return a.actor.i == b.actor.i
    purpose = a if a.actor is None else b
    other = b if purpose is a else a
    return (
        (a.actor is None) != (b.actor is None)
        and purpose.governor.head.i == other.governor.i
        and purpose.governor.dep_ in (deps.ADVERBIAL_CLAUSE, deps.OPEN_COMPLEMENT)
    )


def _clauses(m: Mention) -> list[Token]:
    """The verbs and nouns that carry a mention: its governor and the triggers folded into it."""
    return [m.governor, *m.merged]


def _linked(a: Token, b: Token) -> bool:
    """Are two clauses conjoined or one a complement of the other (not merely in one sentence)?"""
    for x, y in ((a, b), (b, a)):
        if y.head.i == x.i and y.dep_ in (deps.CONJUNCT, deps.ADVERBIAL_CLAUSE, deps.OPEN_COMPLEMENT):
            return True
    return False


def _is_time_reference(noun: Token) -> bool:
    """ "held on Tuesday after three days of battles": an event named as a point in time,
    told (or to be told) on its own; it has no date or number of its own here."""
    head = noun.head
    if (
        noun.dep_ == deps.PREP_OBJECT
        and fold(head.lemma_) == "of"
        and fold(head.head.lemma_) in cue("arguments.durations")
    ):
        head = head.head.head  # "after three days of battles", "in 44 days of fighting"
        if head.dep_ != deps.PREP:
            return False
        return pos_of(noun) == "NOUN" and fold(head.lemma_) in cue("arguments.time_preps") | cue(
            "arguments.duration_preps"
        )
    if pos_of(noun) != "NOUN":
        return False
    frame = noun  # "under the decommissioning programme of the 2014 peace agreement": a framework
    while (
        frame.dep_ == deps.PREP_OBJECT
        and fold(frame.head.lemma_) == "of"
        and frame.head.head.dep_ == deps.PREP_OBJECT
    ):
        frame = frame.head.head
    if (
        frame.dep_ == deps.PREP_OBJECT
        and fold(frame.head.lemma_) in cue("arguments.framework_preps")
        and fold(frame.head.head.lemma_) not in cue("light_verbs.victim_lemmas")  # "came under attack"
    ):
        return True
    if noun.dep_ == deps.PREP_OBJECT and fold(head.lemma_) in ("of", "to"):
        if fold(head.head.lemma_) in cue("arguments.time_phrase_heads"):
            head = head.head  # "ahead of the summit", "in the wake of the raid": as "before", "after"
    if noun.dep_ != deps.PREP_OBJECT or not (
        fold(head.lemma_) in cue("arguments.time_preps")
        or fold(head.lemma_) in cue("arguments.time_phrase_heads")
    ):
        return False
    spans = [
        head.head,
        *(
            c
            for c in head.head.children
            if c.dep_ in (deps.DIRECT_OBJECT, deps.NOUN_ADVERBIAL, deps.ATTRIBUTE)
        ),
    ]
    if fold(head.lemma_) == "since" and any(fold(w.lemma_) in cue("arguments.durations") for w in spans):
        return True  # "ten years since the 2014 massacre", "marked ten years since": an anniversary
    own = [c for c in noun.subtree if c.ent_type_ in ("DATE", "TIME", "CARDINAL") or c.like_num]
    return not own


def _mass_subject(verb: Token) -> bool:
    """ "Three million Iraqis signed a declaration": signatories counted in thousands."""
    subj = subject_of(verb) if pos_of(verb) == "VERB" else None
    if subj is None:
        return False
    words = {fold(t.lemma_) for t in subj.subtree}
    return bool(words & {"thousand", "thousands", "million", "millions", "hundred", "hundreds"})


def _main_verbs(clause: Token) -> list[Token]:
    """A clause's verb, the verbs conjoined with it, and those it controls ("could try to strike")."""
    out, todo = [], [clause]
    while todo:
        tok = todo.pop()
        out.append(tok)
        todo += [c for c in tok.children if c.dep_ in (deps.CONJUNCT, deps.OPEN_COMPLEMENT)]
    return out


def _warns_of_others(verb: Token) -> bool:
    """ "Officials warned that militants could strike again": the warner threatens nothing;
    "warned that its projects would be targets" is a threat."""
    warner = child(verb, (deps.SUBJECT,))
    comps = [
        c for c in verb.children if c.dep_ in (deps.CLAUSE_COMPLEMENT, deps.PARATAXIS, deps.OPEN_COMPLEMENT)
    ]
    if verb.dep_ == deps.PARATAXIS:  # "the violence, the network warned, could spread"
        comps.append(verb.head)
    if any(_doer_named_apart(n, warner) for n in _warned_of(verb)):
        return True  # "warned the US of a possible attack by ISIS": another's attack
    for comp in comps:
        for tok in _main_verbs(comp):  # the warning's own verbs
            if pos_of(tok) != "VERB" or find_trigger(tok, set()) is None:
                continue
            doer = subject_of(tok)
            if (
                doer is not None
                and doer.tag_ not in PRONOUNS
                and (warner is None or fold(doer.lemma_) != fold(warner.lemma_))
            ):
                return True
    return False


def _warned_of(verb: Token) -> list[Token]:
    """The nouns a warning is about: "warned of attacks", "warned the US of an attack"."""
    heads = [verb, *(c for c in verb.children if c.dep_ == deps.DIRECT_OBJECT)]
    preps = [p for h in heads for p in h.children if p.dep_ == deps.PREP]
    return [
        n
        for p in preps
        if fold(p.lemma_) in word_lists("arguments.toml")["warned_of_preps"]
        for n in p.children
        if n.dep_ == deps.PREP_OBJECT
    ]


def _doer_named_apart(noun: Token, warner: Token | None) -> bool:
    """The noun's doer, named with "by", is not the warner nor the warner's own."""
    doers = [
        d
        for p in noun.children
        if p.dep_ == deps.PREP and fold(p.lemma_) in word_lists("arguments.toml")["attacker_preps"]
        for d in p.children
        if d.dep_ == deps.PREP_OBJECT
    ]
    own = [d for d in doers if d.tag_ in PRONOUNS or any(c.tag_ == "PRP$" for c in d.children)]
    return any(
        d not in own and (warner is None or fold(d.lemma_) != fold(warner.lemma_)) for d in doers
    )  # ("an attack by his troops" is the warner's own)


def _fold_circumstances(cands: list[Mention]) -> list[Mention]:
    """ "arrested three people during a raid", "killed after the attack": the noun is a
    circumstance of the verb's event, not an event of its own."""
    by_token = {m.governor.i: m for m in cands}
    by_token.update({m.trigger.i: m for m in cands})
    circumstance = cue("arguments.circumstance_preps")
    keep = []
    for m in cands:
        t = m.trigger
        host = by_token.get(t.head.i)
        if (
            pos_of(t) == "VERB"
            and t.dep_ in (deps.ACL, deps.RELATIVE_CLAUSE)
            and host is not None
            and host is not m
            and fold(t.lemma_) not in cue("suppress.accusing_heads")
        ):
            # "a petition warning about the danger": what the petition says, not a second event;
            # but "the ambush that the army blamed on the rebels" is a reaction of its own
            host.merged.append(t)
            continue
        if (
            m.governor.i == t.i
            and pos_of(t) == "NOUN"
            and t.dep_ == deps.PREP_OBJECT
            and fold(t.head.lemma_) in circumstance
        ):
            host = by_token.get(t.head.head.i)
            if host is not None and host is not m and not _a_deed_of_its_own(host, m):
                host.merged.append(t)
                if host.type == m.type and m.mode:
                    host.mode = m.mode  # "killed in an air strike": the noun says how
                continue
        keep.append(m)
    return keep


def _a_deed_of_its_own(host: Mention, m: Mention) -> bool:
    """The noun of a circumstance is a deed of its own beside an act of another kind that is not a
    statement about it ("blamed each other for the fighting, which broke out on Thursday" is the
    statement's topic; "sentenced four men over an ambush that killed five" tells the ambush)."""
    statements = cue("folding.statement_types")
    return host.type != m.type and host.type not in statements and _told_by_its_clause(m.trigger)


def _told_by_its_clause(noun: Token) -> bool:
    """ "sentenced four men over an ambush that killed five gendarmes in March": a deed told in the
    past by a relative clause of its own is an event of its own, not the circumstance of another kind
    of act."""
    return any(
        c.dep_ == deps.RELATIVE_CLAUSE
        and (
            c.tag_ == "VBD"
            or any(a.dep_ in (deps.AUX, deps.AUX_PASSIVE) and a.tag_ == "VBD" for a in c.children)
        )
        for c in noun.children
    )


def _fold_same_event(cands: list[Mention]) -> list[Mention]:
    """Fold triggers of the same type that the parse ties into one event."""
    keep: list[Mention] = []
    for m in sorted(cands, key=lambda m: depth(m.governor)):
        host = next(
            (k for k in keep if k.type == m.type and not _distinct_measures(k, m) and _same_event(k, m)), None
        )
        if host is None:
            keep.append(m)
            continue
        host.merged.append(m.trigger)
        if host.mode is None and m.mode is not None:
            host.mode = m.mode
        if pos_of(host.trigger) == "VERB" and pos_of(m.trigger) == "NOUN" and m.mode:
            host.mode = m.mode
    return sorted(keep, key=lambda m: m.trigger.i)


def _distinct_measures(a: Mention, b: Mention) -> bool:
    """ "declared a curfew and closed the borders": two measures of one kind named apart (a curfew,
    a closure) are two events; "arrested and detained" names one arrest twice."""
    return (
        a.type in cue("folding.distinct_mode_types")
        and a.mode is not None
        and b.mode is not None
        and a.mode != b.mode
    )


def _own_subject(g: Token) -> Token | None:
    if pos_of(g) != "VERB":
        return None
    subj = child(g, (deps.SUBJECT,)) or stranded_subject(g)
    return None if subj is None or subj.tag_ in ("WP", "WDT") else subj


def _casualty_only(m: Mention) -> bool:
    """ "... left 36 dead and hundreds wounded": a fate word with no object reports casualties."""
    g = m.governor
    return fold(g.lemma_) in cue("reference.casualty_verbs") and child(g, (deps.DIRECT_OBJECT,)) is None


def _same_event(outer: Mention, inner: Mention) -> bool:
    """Two triggers of one type in one sentence tell one event, unless each clause has an
    active subject of its own ("rebels attacked X while jets bombed Y")."""
    if _casualty_only(inner) or _casualty_only(outer):
        return True
    if not _connected(outer.governor, inner.governor):
        return False  # "In March its fighters killed 19; on April 22 gunmen returned, shooting ..."
    a, b = _own_subject(outer.governor), _own_subject(inner.governor)
    if a is None or b is None:
        # a clause without a subject of its own takes its head's: "gunmen returned, setting fire"
        a, b = a or _inherited_subject(outer.governor), b or _inherited_subject(inner.governor)
    if a is None or b is None or a.i == b.i:
        return True
    return fold(a.lemma_) == fold(b.lemma_)


def _inherited_subject(g: Token) -> Token | None:
    if pos_of(g) != "VERB":
        return None
    subj = subject_of(g)
    return None if subj is None or subj.tag_ in PRONOUNS else subj


def _connected(a: Token, b: Token) -> bool:
    """Is one clause inside the other, or do they hang from one word ("X's strike hit Y,
    killing Z": the strike and the killing are arguments of "hit"), or from conjoined verbs of
    one subject ("initialled the text of a treaty and signed a declaration")?"""
    if a.i in subtree_indices(b) or b.i in subtree_indices(a) or a.head.i == b.head.i:
        return True
    va, vb = _clause_verb(a), _clause_verb(b)
    return (
        va is not None
        and vb is not None
        and (
            va.i == vb.i
            or (vb.dep_ == deps.CONJUNCT and vb.head.i == va.i and child(vb, (deps.SUBJECT,)) is None)
            or (va.dep_ == deps.CONJUNCT and va.head.i == vb.i and child(va, (deps.SUBJECT,)) is None)
        )
    )


def _clause_verb(tok: Token) -> Token | None:
    """The verb of the clause a word belongs to."""
    for _ in range(6):
        if pos_of(tok) == "VERB":
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def mentions_component(doc: Doc) -> Doc:
    doc._.ec_mentions = find_mentions(doc)
    return doc


# -- party heads ----------------------------------------------------------------------------
