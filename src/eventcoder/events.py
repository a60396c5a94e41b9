"""Finding event mentions in a parsed document: the ``eventcoder_events`` spaCy component.

For every sentence the component looks up verbs and event nouns in the event lexicon
(``data/event_lexicon.csv``), drops mentions that are not asserted as having happened
(negated, modal, hypothetical, denied, an accusation's complement, a commemoration, a
conditional), folds together the triggers of one event (a light verb and its noun,
"launched an attack"; a verb and the means it governs, "killed in an air strike"; conjoined
verbs, "killed 11 and wounded 500"), and reads actor and target off the parse: active and
passive voice, possessives ("X's attack on Y"), "by"/"on"/"against" phrases, subjects of
conjoined, controlled and relative clauses.

The result is ``doc._.ec_mentions``: a list of :class:`Mention`, plain data over tokens,
so the component can be tested on hand-built ``Doc`` objects.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from .lexicon import Trigger, cue, event_lexicon, fold

log = logging.getLogger(__name__)

if not Doc.has_extension("ec_mentions"):
    Doc.set_extension("ec_mentions", default=None)

SUBJ = ("nsubj", "nsubjpass", "csubj")
CLAUSE_DEPS = ("ccomp", "xcomp", "advcl", "relcl", "acl", "pcomp", "conj", "ROOT", "parataxis")
PARTY_LEFT_DEPS = (
    "det",
    "poss",
    "compound",
    "amod",
    "nummod",
    "nmod",
    "quantmod",
    "case",
    "punct",
    "advmod",
    "npadvmod",
    "predet",
)
PRONOUNS = ("PRP", "PRP$", "WP", "WP$", "WDT")
PHRASE_DEPS = (
    "prep",
    "prt",
    "dobj",
    "dative",
    "acomp",
    "oprd",
    "xcomp",
    "attr",
    "advmod",
    "npadvmod",
    "compound",
)
LOCATIVE_PREPS = frozenset(
    {"in", "at", "near", "outside", "inside", "across", "around", "throughout", "from"}
)
NEGATIVE_PRONOUNS = frozenset({"nobody", "none", "nothing", "no one", "neither"})
NAME_ENTS = ("ORG", "FAC", "LAW", "WORK_OF_ART", "EVENT", "PRODUCT", "PERSON", "GPE", "LOC", "NORP")


@dataclass
class Mention:
    """One event mention: its trigger, type and arguments, as tokens of the document."""

    trigger: Token
    """The token the event is anchored on (the noun of "launched an attack")."""
    words: str
    type: str
    mode: str | None
    sent: Span
    actor: Token | None = None
    target: Token | None = None
    governor: Token | None = None
    """The verb that carries the clause (the light verb, or the trigger itself)."""
    merged: list[Token] = field(default_factory=list)
    """Other triggers folded into this mention."""
    confidence: float = 0.7


# -- trigger look-up ----------------------------------------------------------------------
def _pos(tok: Token) -> str | None:
    if tok.tag_.startswith("VB") or tok.pos_ == "VERB":
        return "VERB"
    if tok.tag_.startswith("NN") or tok.pos_ in ("NOUN", "PROPN"):
        return "NOUN"
    return None


def lemma_forms(tok: Token) -> tuple[str, ...]:
    """The lemma, and fall-backs for the lemmatizer's slips ("staged" -> "stag")."""
    lemma, text = fold(tok.lemma_), fold(tok.text)
    forms = [lemma, text]
    if _pos(tok) == "VERB":
        for suffix, repl in (
            ("ied", "y"),
            ("ed", "e"),
            ("ed", ""),
            ("d", ""),
            ("ing", "e"),
            ("ing", ""),
            ("es", ""),
            ("s", ""),
        ):
            if text.endswith(suffix) and len(text) - len(suffix) >= 3:
                forms.append(text[: -len(suffix)] + repl)
    return tuple(dict.fromkeys(forms))


def _child_lemmas(tok: Token) -> set[str]:
    """Lemmas that can complete a verb phrase: its particles, prepositions, objects and
    complements, and the object of a preposition ("take to the streets"); never its subject,
    another clause, or "according" ("struck ..., according to officials" is no accord)."""
    out = set()
    for c in tok.children:
        if c.dep_ not in PHRASE_DEPS or fold(c.text) in cue("reporting.according"):
            continue
        if c.dep_ == "prep" and any(g.ent_type_ in ("DATE", "TIME") for g in c.children if g.dep_ == "pobj"):
            continue  # "called ... on Thursday" is no "call on"
        if c.dep_ in ("prep", "prt") and c.i < tok.i:
            continue  # "In New York, a spokesman called ..." is no "call in"
        out.add(fold(c.lemma_))
        if c.dep_ in ("prep", "prt", "dative"):
            out.update(fold(g.lemma_) for g in c.children if g.dep_ in ("pobj", "pcomp"))
        elif c.dep_ in ("dobj", "acomp", "oprd", "xcomp"):
            out.update(fold(g.lemma_) for g in c.children if g.dep_ in ("prt", "amod", "compound"))
    return out


def _preceding(tok: Token, n: int) -> list[str]:
    out, i = [], tok.i - 1
    while i >= tok.sent.start and len(out) < n:
        t = tok.doc[i]
        if t.text not in ("-", "\u2010", "\u2011"):
            out.append(fold(t.lemma_))
        i -= 1
    return out[::-1]


def _fits(trig: Trigger, tok: Token, sent_lemmas: set[str]) -> bool:
    if trig.others:
        if trig.pos == "VERB":
            if not set(trig.others) <= _child_lemmas(tok):
                return False
        elif _preceding(tok, len(trig.others)) != list(trig.others):
            return False
    if trig.needs and not trig.needs & sent_lemmas:
        return False
    # function words ("stormed out") are looked for among the trigger's own dependents
    local = {w for w in trig.blocks if w in STOP_WORDS}
    if local and local & {fold(c.lemma_) for c in tok.children}:
        return False
    return not (trig.blocks - local) & sent_lemmas


def find_trigger(tok: Token, sent_lemmas: set[str]) -> Trigger | None:
    """The lexicon entry that *tok* triggers in its sentence, if any."""
    pos = _pos(tok)
    if pos is None or tok.is_stop and tok.lemma_ not in ("call",):
        return None
    if tok.ent_type_ in NAME_ENTS or (tok.tag_ in ("NNP", "NNPS") and tok.i > tok.sent.start):
        return None  # "the UN Support Mission", "the Alliance of Sahel States"
    if tok.dep_ in ("amod", "compound", "nmod") and tok.head.i > tok.i and _pos(tok.head) == "NOUN":
        return None  # "allied fighters", "jailed drug lord", "attack helicopter"
    if (
        tok.tag_ == "VBN"
        and tok.dep_ in ("acomp", "oprd")
        and not any(c.dep_ == "agent" for c in tok.children)
    ):
        return None  # "schools remained closed": a state, not an act
    lex = event_lexicon()
    for lemma in lemma_forms(tok):
        for trig in lex.get((lemma, pos), ()):
            if _fits(trig, tok, sent_lemmas):
                return trig
    return None


# -- is it asserted? ----------------------------------------------------------------------
def _has_child(tok: Token, deps: tuple[str, ...], lemmas: frozenset | None = None) -> bool:
    return any(c.dep_ in deps and (lemmas is None or fold(c.lemma_) in lemmas) for c in tok.children)


def not_asserted(tok: Token, governor: Token) -> str | None:
    """Why the mention anchored on *tok* does not report an event that happened, or None."""
    modals = cue("suppress.modals")
    for t in (tok,) if tok.i == governor.i else (tok, governor):
        if _has_child(t, ("neg",)) or _has_child(t, ("det",), frozenset({"no"})):
            return "negated"
        for arg in t.children:  # "no shots were fired", "nobody claimed the attack"
            if arg.dep_ in ("nsubj", "nsubjpass", "dobj") and (
                fold(arg.lemma_) in NEGATIVE_PRONOUNS or _has_child(arg, ("det",), frozenset({"no"}))
            ):
                return "negated"
        if _has_child(t, ("aux", "auxpass"), modals):
            return "modal"
        if _has_child(t, ("mark",), cue("suppress.conditional_marks")):
            return "conditional"
    if tok.sent.text.rstrip().endswith("?"):
        return "question"
    for t in (tok,) if tok.i == governor.i else (tok, governor):
        if _has_child(t, ("advmod", "npadvmod"), cue("suppress.habitual_adverbs")):
            return "habitual"
        if _has_child(t, ("nsubj",), cue("suppress.generic_subjects")) and _has_child(
            t, ("aux",), frozenset({"have"})
        ):
            return "cumulative"
        if t.tag_ in ("VBZ", "VBP") and t.pos_ == "VERB" and fold(t.lemma_) in cue("suppress.physical_verbs"):
            return "present tense"
        if (
            t.tag_ == "VBG"
            and _has_child(t, ("aux",), frozenset({"have", "be"}))
            and any(fold(c.lemma_) == "have" for c in t.children if c.dep_ == "aux")
        ):
            return "ongoing"
    hypothetical = cue("suppress.hypothetical_heads")
    denying = cue("suppress.negating_heads")
    accusing = cue("suppress.accusing_heads")
    commemorating = cue("suppress.commemoration")
    generic = cue("suppress.generic_heads")
    characterising = cue("arguments.characterising")
    reporting = cue("reporting.lemmas")
    child = governor
    head = governor.head
    passed_claim = False
    while head.i != child.i and head.sent == tok.sent:
        lemma = fold(head.lemma_)
        passed_claim = passed_claim or fold(child.lemma_) in cue("suppress.claim_nouns")
        if lemma in commemorating:
            return "commemoration"
        if _has_child(head, ("advmod", "npadvmod"), cue("suppress.habitual_adverbs")):
            return "habitual"
        if child.dep_ == "relcl":
            break  # "the agreement that X signed in 2020": a relative clause asserts its content
        if child.i != tok.i and _has_child(child, ("det",), frozenset({"no"})):
            return "negated"  # "had no involvement in the attack"
        if child.dep_ in ("conj", "appos"):
            # conjoined verbs share their auxiliaries: "will be signed and ratified"
            if _has_child(head, ("aux", "auxpass"), modals) or _has_child(head, ("neg",)):
                return "modal or negated (shared)"
            child, head = head, head.head
            continue
        if head.pos_ in ("VERB", "AUX") and (
            _has_child(head, ("neg",)) or _has_child(head, ("nsubj",), NEGATIVE_PRONOUNS)
        ):
            return "under a negated verb"
        if _has_child(head, ("aux",), modals) and head.pos_ == "VERB" and lemma not in reporting:
            return "under a modal verb"
        if lemma in denying:
            return "denied"
        if lemma in cue("suppress.rebutting_heads") and passed_claim:
            return "denied"
        if lemma in accusing and child.dep_ in ("prep", "pcomp", "pobj", "ccomp", "dobj", "xcomp"):
            return "accusation"
        if (
            lemma in characterising
            and child.dep_ in ("prep", "pobj", "oprd", "xcomp", "attr")
            and any(fold(c.lemma_) == "as" for c in head.children)
        ):
            return "characterisation"
        if lemma in hypothetical and child.dep_ in (
            "xcomp",
            "ccomp",
            "prep",
            "pcomp",
            "pobj",
            "acl",
            "dobj",
            "advcl",
            "acomp",
            "attr",
        ):
            return "hypothetical"
        if lemma in generic and child.dep_ in ("prep", "pobj", "compound", "acl", "relcl"):
            return "generic"
        if _has_child(head, ("mark",), cue("suppress.conditional_marks")):
            return "conditional"
        child, head = head, head.head
    return None


# -- arguments ----------------------------------------------------------------------------
def _child(tok: Token, deps: tuple[str, ...]) -> Token | None:
    for c in tok.children:
        if c.dep_ in deps:
            return c
    return None


def _prep_object(tok: Token, preps: frozenset) -> Token | None:
    for c in tok.children:
        if c.dep_ in ("prep", "agent") and fold(c.lemma_) in preps:
            obj = _child(c, ("pobj", "pcomp"))
            if obj is not None:
                return obj
    return None


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (
        verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod")
    )


def subject_of(verb: Token) -> Token | None:
    """The subject of *verb*, looked for through conjunction, control and relative clauses."""
    seen = set()
    while verb.i not in seen:
        seen.add(verb.i)
        subj = _child(verb, ("nsubj", "csubj"))
        if subj is not None and subj.dep_ == "csubj":
            subj = _child(subj, ("nsubj",)) or subj  # "gunmen allegedly working for X opened fire"
        if subj is not None:
            if subj.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
                return verb.head
            return subj
        if _child(verb, ("nsubjpass",)) is not None:
            return _prep_object(verb, frozenset({"by"}))
        if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
            verb = verb.head
        elif verb.dep_ == "xcomp":
            if fold(verb.head.lemma_) in cue("arguments.object_control"):
                obj = _child(verb.head, ("dobj",))
                if obj is not None:
                    return obj
            verb = verb.head
        elif verb.dep_ == "advcl" and (
            verb.tag_ in ("VBG", "VBN") or _has_child(verb, ("aux",), frozenset({"to"}))
        ):
            verb = verb.head
        elif verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
            if verb.dep_ == "acl" and verb.tag_ == "VBN":
                return _prep_object(verb, frozenset({"by"}))
            return verb.head
        else:
            return None
    return None


def _issuer(tok: Token | None) -> Token | None:
    """ "a statement that condemned X": the statement's issuer acts."""
    if tok is not None and fold(tok.lemma_) in cue("arguments.document_nouns"):
        if tok.dep_ in ("dobj", "attr") and tok.head.pos_ == "VERB":
            subj = subject_of(tok.head)
            if subj is not None:
                return subj
    return tok


def verb_arguments(verb: Token) -> tuple[Token | None, Token | None]:
    """(actor, target) of a verb trigger, in active or passive voice."""
    target_preps = cue("arguments.target_preps")
    if _is_passive(verb):
        actor = _prep_object(verb, frozenset({"by"}))
        target = _child(verb, ("nsubjpass",))
        if target is not None and target.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
            target = verb.head
        if target is None and verb.dep_ in ("acl", "amod"):
            target = verb.head
        if actor is None and verb.dep_ == "conj":
            actor = subject_of(verb.head) if not _is_passive(verb.head) else None
        return actor, target
    actor = _issuer(subject_of(verb))
    target = _child(verb, ("dobj",)) or _prep_object(verb, target_preps)
    return actor, target


def noun_arguments(noun: Token) -> tuple[Token | None, Token | None]:
    """(actor, target) of a nominal trigger from its own dependents."""
    poss = _child(noun, ("poss",))
    if poss is not None and poss.ent_type_ in ("DATE", "TIME"):
        poss = None  # "last Tuesday's attack"
    actor = poss or _prep_object(noun, cue("arguments.actor_preps"))
    if actor is None:
        for c in noun.children:
            if c.dep_ in ("compound", "amod", "nmod") and (
                c.ent_type_ in ("NORP", "ORG", "PERSON")
                or (c.ent_type_ == "GPE" and _names_country(c))
                or (c.pos_ == "PROPN" and c.ent_type_ not in ("GPE", "LOC", "FAC", "DATE"))
            ):
                actor = c  # "Israeli strikes", "an ISIS attack"; not "the Homs attack"
                break
    target = _prep_object(noun, cue("arguments.target_preps")) or _prep_object(noun, frozenset({"of"}))
    return actor, target


def _names_country(tok: Token) -> bool:
    from .actors import actor_index

    return (
        actor_index().is_country_or_people(tok.text)
        or actor_index().country_of(tok.text) is not None
        and tok.tag_ == "JJ"
    )


def behind_instrument(tok: Token | None) -> Token | None:
    """ "shells fired by the RSF", "a Russian missile", "a fighter jet of the military": the
    party behind a weapon; a weapon with no party named is no actor."""
    if tok is None or fold(tok.lemma_) not in cue("arguments.instrument_nouns"):
        return tok
    for c in tok.children:
        if c.dep_ == "acl":
            agent = _prep_object(c, frozenset({"by"}))
            if agent is not None:
                return agent
    owner = _prep_object(tok, frozenset({"of", "from"}))
    if owner is not None and fold(owner.lemma_) not in cue("arguments.instrument_nouns"):
        return owner
    for c in tok.children:
        if c.dep_ in ("poss", "compound", "amod", "nmod") and (
            c.ent_type_ in ("NORP", "ORG", "GPE", "PERSON") or c.pos_ == "PROPN"
        ):
            return c
    return None


def _party_of_event_noun(tok: Token | None) -> Token | None:
    """ "the eviction of the Iranian regime": the party, not the event noun."""
    if tok is None:
        return None
    if _pos(tok) == "NOUN" and tok.pos_ != "PROPN":
        inner = _prep_object(tok, frozenset({"of"}))
        nominal = fold(tok.lemma_).endswith(("ion", "ment", "al", "ing", "ure", "ance", "ence"))
        if inner is not None and (nominal or find_trigger(tok, set()) is not None):
            return inner
    return tok


def _casualty_holder(anchor: Token) -> Token | None:
    """Victims named with their fate: "left 11 members dead", "killing 11 people"."""
    fates = {"dead", "wounded", "injured", "kill", "wound", "injure", "die", "hurt"}
    for t in anchor.subtree:
        if fold(t.lemma_) in fates and t.dep_ in ("oprd", "ccomp", "acomp", "xcomp", "conj", "amod"):
            obj = _child(t.head, ("dobj",)) if t.dep_ != "amod" else t.head
            if obj is not None and obj.i != anchor.i:
                return obj
    return None


# -- the component ------------------------------------------------------------------------
def find_mentions(doc: Doc) -> list[Mention]:
    """Every asserted event mention in *doc*, in text order."""
    mentions: list[Mention] = []
    light = cue("light_verbs.lemmas")
    for sent in doc.sents:
        lemmas = {fold(t.lemma_) for t in sent}
        found: dict[int, tuple[Token, Trigger]] = {}
        for tok in sent:
            trig = find_trigger(tok, lemmas)
            if trig is not None:
                found[tok.i] = (tok, trig)
        # nouns carried by a light verb take over the verb: "launched an attack"
        governors: dict[int, Token] = {}
        for i, (tok, _trig) in list(found.items()):
            if (
                _pos(tok) == "NOUN"
                and tok.dep_ in ("dobj", "nsubjpass", "attr", "pobj")
                and any(f in light for f in lemma_forms(tok.head))
                and tok.head.pos_ == "VERB"
            ):
                verb = tok.head
                if tok.dep_ == "pobj":  # "carried out a wave of attacks" stays with its own head
                    continue
                governors[i] = verb
                found.pop(verb.i, None)
        candidates = []
        acting = cue("arguments.object_taking_types")
        for i, (tok, trig) in found.items():
            governor = governors.get(i, tok)
            head = found.get(tok.head.i)
            if (
                governor.i == tok.i
                and _pos(tok) == "NOUN"
                and tok.dep_ in ("dobj", "nsubjpass")
                and head
                and head[1].type != trig.type
                and head[1].type in acting
            ):
                log.debug("dropped %r: object of %r", tok.text, tok.head.text)
                continue
            why = not_asserted(tok, governor)
            if why:
                log.debug("dropped %r (%s): %s", tok.text, trig.type, why)
                continue
            if (
                _pos(tok) == "VERB"
                and tok.dep_ == "acl"
                and tok.tag_ == "VBN"
                and (
                    fold(tok.head.lemma_) in cue("arguments.document_nouns")
                    or (trig.type != "ASSAULT" and is_partylike(tok.head))
                )
            ):
                continue  # "a message sent to journalists", "activists backed by the government"
            if governor.i == tok.i and _is_time_reference(tok):
                log.debug("dropped %r: names the time of another event", tok.text)
                continue
            if trig.type == "AGREE" and _mass_subject(governor):
                log.debug("dropped %r: a mass signing is not an agreement between parties", tok.text)
                continue
            if trig.type == "THREATEN" and _pos(tok) == "VERB" and _warns_of_others(tok):
                log.debug("dropped %r: a warning about others, not a threat", tok.text)
                continue
            candidates.append(
                Mention(
                    trigger=tok,
                    words=" ".join(trig.words),
                    type=trig.type,
                    mode=trig.mode,
                    sent=sent,
                    governor=governor,
                )
            )
        mentions.extend(_fold_same_event(_fold_circumstances(candidates)))
    for m in mentions:
        _fill_arguments(m)
    return _one_act_per_actor([m for m in mentions if _plausible(m)])


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
                and _linked(k.governor, m.governor)
                and not {k.type, m.type} <= cue("arguments.material_types")
            ),
            None,
        )
        if host is None:
            keep.append(m)
            continue
        if _depth(m.governor) < _depth(host.governor):
            keep[keep.index(host)] = m
            m.merged.extend([host.trigger, *host.merged])
        else:
            host.merged.extend([m.trigger, *m.merged])
    return keep


def _same_actor(a: Mention, b: Mention) -> bool:
    """The same actor, or none named for a purpose clause ("gathered to denounce the strike")."""
    if a.actor is not None and b.actor is not None:
        return a.actor.i == b.actor.i
    purpose = a if a.actor is None else b
    other = b if purpose is a else a
    return (
        (a.actor is None) != (b.actor is None)
        and purpose.governor.head.i == other.governor.i
        and purpose.governor.dep_ in ("advcl", "xcomp")
    )


def _linked(a: Token, b: Token) -> bool:
    """Are two clauses conjoined or one a complement of the other (not merely in one sentence)?"""
    for x, y in ((a, b), (b, a)):
        if y.head.i == x.i and y.dep_ in ("conj", "advcl", "xcomp"):
            return True
    return False


def _is_time_reference(noun: Token) -> bool:
    """ "held on Tuesday after three days of battles": an event named as a point in time,
    told (or to be told) on its own; it has no date or number of its own here."""
    head = noun.head
    if (
        noun.dep_ == "pobj"
        and fold(head.lemma_) == "of"
        and fold(head.head.lemma_) in cue("arguments.durations")
    ):
        head = head.head.head  # "after three days of battles"
        if head.dep_ != "prep":
            return False
        return _pos(noun) == "NOUN" and fold(head.lemma_) in cue("arguments.time_preps")
    if _pos(noun) != "NOUN" or noun.dep_ != "pobj" or fold(head.lemma_) not in cue("arguments.time_preps"):
        return False
    own = [c for c in noun.subtree if c.ent_type_ in ("DATE", "TIME", "CARDINAL") or c.like_num]
    return not own


def _mass_subject(verb: Token) -> bool:
    """ "Three million Iraqis signed a declaration": signatories counted in thousands."""
    subj = subject_of(verb) if _pos(verb) == "VERB" else None
    if subj is None:
        return False
    words = {fold(t.lemma_) for t in subj.subtree}
    return bool(words & {"thousand", "thousands", "million", "millions", "hundred", "hundreds"})


def _warns_of_others(verb: Token) -> bool:
    """ "Officials warned that militants could strike again": the warner threatens nothing;
    "warned that its projects would be targets" is a threat."""
    warner = _child(verb, ("nsubj",))
    for comp in verb.children:
        if comp.dep_ not in ("ccomp", "parataxis", "xcomp"):
            continue
        for tok in [comp, *(c for c in comp.children if c.dep_ == "conj")]:  # the warning's own verbs
            if _pos(tok) != "VERB" or find_trigger(tok, set()) is None:
                continue
            doer = subject_of(tok)
            if (
                doer is not None
                and doer.tag_ not in PRONOUNS
                and (warner is None or fold(doer.lemma_) != fold(warner.lemma_))
            ):
                return True
    return False


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
        if _pos(t) == "VERB" and t.dep_ in ("acl", "relcl") and host is not None and host is not m:
            # "a petition warning about the danger": what the petition says, not a second event
            host.merged.append(t)
            continue
        if (
            m.governor.i == t.i
            and _pos(t) == "NOUN"
            and t.dep_ == "pobj"
            and fold(t.head.lemma_) in circumstance
        ):
            host = by_token.get(t.head.head.i)
            if host is not None and host is not m:
                host.merged.append(t)
                if host.type == m.type and m.mode:
                    host.mode = m.mode  # "killed in an air strike": the noun says how
                continue
        keep.append(m)
    return keep


def _fold_same_event(cands: list[Mention]) -> list[Mention]:
    """Fold triggers of the same type that the parse ties into one event."""
    keep: list[Mention] = []
    for m in sorted(cands, key=lambda m: _depth(m.governor)):
        host = next((k for k in keep if k.type == m.type and _same_event(k, m)), None)
        if host is None:
            keep.append(m)
            continue
        host.merged.append(m.trigger)
        if host.mode is None and m.mode is not None:
            host.mode = m.mode
        if _pos(host.trigger) == "VERB" and _pos(m.trigger) == "NOUN" and m.mode:
            host.mode = m.mode
    return sorted(keep, key=lambda m: m.trigger.i)


def _depth(tok: Token) -> int:
    d = 0
    while tok.head.i != tok.i:
        tok, d = tok.head, d + 1
    return d


def _own_subject(g: Token) -> Token | None:
    if _pos(g) != "VERB":
        return None
    subj = _child(g, ("nsubj",))
    return None if subj is None or subj.tag_ in ("WP", "WDT") else subj


def _casualty_only(m: Mention) -> bool:
    """ "... left 36 dead and hundreds wounded": a fate word with no object reports casualties."""
    g = m.governor
    return fold(g.lemma_) in cue("reference.casualty_verbs") and _child(g, ("dobj",)) is None


def _same_event(outer: Mention, inner: Mention) -> bool:
    """Two triggers of one type in one sentence tell one event, unless each clause has an
    active subject of its own ("rebels attacked X while jets bombed Y")."""
    if _casualty_only(inner) or _casualty_only(outer):
        return True
    if not _connected(outer.governor, inner.governor):
        return False  # "In March its fighters killed 19; on April 22 gunmen returned, shooting ..."
    a, b = _own_subject(outer.governor), _own_subject(inner.governor)
    if a is None or b is None or a.i == b.i:
        return True
    return fold(a.lemma_) == fold(b.lemma_)


def _is_mutual(m: Mention) -> bool:
    """Events that two sides do to each other: agreements, talks, clashes."""
    return m.type in cue("arguments.mutual_types") or fold(m.trigger.lemma_) in cue(
        "arguments.mutual_triggers"
    )


def _connected(a: Token, b: Token) -> bool:
    """Is one clause inside the other, or do they hang from one word ("X's strike hit Y,
    killing Z": the strike and the killing are arguments of "hit")?"""
    return a.i in {t.i for t in b.subtree} or b.i in {t.i for t in a.subtree} or a.head.i == b.head.i


def _target_candidates(tok: Token) -> list[Token]:
    """Every argument of *tok* that could be its target, in the grammar's order of preference."""
    out: list[Token] = []
    preps = cue("arguments.target_preps") | {"to", "of"}
    if _pos(tok) == "VERB":
        if _is_passive(tok):
            out.append(_child(tok, ("nsubjpass",)))
            if tok.dep_ in ("acl", "amod"):
                out.append(tok.head)
        out += [c for c in tok.children if c.dep_ in ("dobj", "dative", "attr")]
    for c in tok.children:
        if c.dep_ in ("prep", "dative") and fold(c.lemma_) in preps:
            out += [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
    return [c for c in out if c is not None]


def is_partylike(tok: Token | None) -> bool:
    """Does *tok* name a party: a person, an organisation, a state, people?"""
    from .actors import actor_index

    tok = party_head(tok)
    if tok is None:
        return False
    if tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or tok.tag_ in ("PRP", "WP"):
        return True
    idx = actor_index()
    text = party_span(tok).text
    if idx.named(text) is not None or idx.sector_of(text) is not None:
        return True
    # a country, or its people ("Iraqis"); not "Pakistani territory" or "Afghan sovereignty"
    return idx.is_country_or_people(text)


def _is_placelike(tok: Token) -> bool:
    return tok.ent_type_ in ("FAC", "LOC", "GPE") or fold(tok.lemma_) in cue("arguments.generic_heads")


def _choose_target(cands: list[Token], exclude: set[int]) -> tuple[Token | None, Token | None]:
    """(the first candidate that names a party or a place, the first candidate at all)."""
    cands = [c for c in cands if c.i not in exclude and party_head(c) is not None]
    for test in (is_partylike, _is_placelike):
        for c in cands:
            if test(c):
                return c, c
    return None, (cands[0] if cands else None)


def _fill_arguments(m: Mention) -> None:
    g, t = m.governor, m.trigger
    cands: list[Token] = []
    last = m.words.split()[-1]
    if _pos(t) == "VERB" and last in cue("arguments.trigger_preps"):  # "called for X", "called on X"
        obj = _prep_object(t, frozenset({last}))
        if obj is not None:
            cands.append(obj)
    if g.i != t.i:  # light verb + event noun
        if fold(g.lemma_) in cue("light_verbs.victim_lemmas"):
            actor = noun_arguments(t)[0]
            cands += [*_target_candidates(t), *[c for c in g.children if c.dep_ == "nsubj"]]
        else:
            actor = verb_arguments(g)[0] or noun_arguments(t)[0]
            cands += [*_target_candidates(t), *[c for c in _target_candidates(g) if c.i != t.i]]
    elif _pos(t) == "VERB":
        actor = verb_arguments(t)[0]
        cands += _target_candidates(t)
    else:
        actor = noun_arguments(t)[0]
        cands += _target_candidates(t)
        if t.dep_ == "nsubj" and t.head.pos_ == "VERB":
            cands += [c for c in t.head.children if c.dep_ == "dobj"]
        if actor is None and t.dep_ == "dobj" and t.head.pos_ == "VERB":
            actor = subject_of(t.head)  # "riot police fired tear gas"
            cands += [c for c in _target_candidates(t.head) if c.i != t.i]
    for other in m.merged:
        actor = actor or (verb_arguments(other) if _pos(other) == "VERB" else noun_arguments(other))[0]
        cands += _target_candidates(other)
    triggers = {t.i, g.i, *(x.i for x in m.merged)}
    if actor is not None and (actor.i in triggers or find_trigger(actor, set()) is not None):
        actor = noun_arguments(actor)[0] if _pos(actor) == "NOUN" else None
    actor = behind_instrument(actor)
    if actor is not None and party_head(actor) is None:
        actor = None  # "277 wounded": a number is no actor
    exclude = triggers | ({actor.i} if actor is not None else set())
    chosen, first = _choose_target(cands, exclude)
    target = _party_of_event_noun(chosen)
    if target is None and m.type == "ASSAULT":
        target = _casualty_holder(m.governor)
    if target is None:
        target = _first_named_party(m, actor) or _party_of_event_noun(first)
    if actor is None and _pos(t) == "NOUN":
        actor = _prep_object(t, frozenset({"between", "among"}))  # "clashes between X and Y"
    if target is None and actor is not None and _is_mutual(m):
        # "X and Y signed a deal", "fighting between X and Y": one side acts on the other
        target = next((c for c in actor.children if c.dep_ == "conj" and is_partylike(c)), None)
    if target is not None and actor is not None and target.i == actor.i:
        target = None
    m.actor, m.target = actor, target
    m.confidence = 0.55 + 0.15 * (actor is not None) + 0.1 * (target is not None) + 0.1 * (_pos(g) == "VERB")


def _in_circumstance(tok: Token, stop: Token) -> bool:
    """Is *tok* inside an "after talks mediated by X" phrase below *stop*?"""
    circumstance = cue("arguments.circumstance_preps") | cue("arguments.time_preps")
    while tok.i != stop.i and tok.head.i != tok.i:
        if tok.dep_ == "prep" and fold(tok.lemma_) in circumstance:
            return True
        tok = tok.head
    return False


def _first_named_party(m: Mention, actor: Token | None) -> Token | None:
    """The first named party to the right of the trigger, inside its clause: the target of
    "a petition warning about the danger that the Iranian regime posed"."""
    inside = {t.i for t in m.governor.subtree}
    skip = {t.i for t in actor.subtree} if actor is not None else set()
    for ent in m.sent.ents:
        if (
            ent.label_ in ("ORG", "NORP", "GPE", "PERSON")
            and ent.start > m.trigger.i
            and ent.root.i in inside
            and ent.root.i not in skip
            and not _in_circumstance(ent.root, m.governor)
        ):
            tok = ent.root
            if ent.label_ == "GPE" and not (
                tok.dep_ in ("dobj", "nsubjpass", "conj")
                or (tok.dep_ == "pobj" and fold(tok.head.lemma_) in cue("arguments.target_preps"))
            ):
                continue  # "in Nairobi", "the centre of Sinjar" say where, not against whom
            while tok.dep_ in ("amod", "compound") and tok.head.i != tok.i:
                tok = tok.head
            return tok
    return None


def mentions_component(doc: Doc) -> Doc:
    doc._.ec_mentions = find_mentions(doc)
    return doc


# -- party heads ----------------------------------------------------------------------------
def party_head(tok: Token | None) -> Token | None:
    """The token that names a party, from the token the grammar gave: past quantities
    ("dozens of RSF fighters"), generic heads ("aircraft of the Malian Armed Forces", "the
    town of Sarmin"); never a date or a bare number."""
    seen = 0
    while tok is not None and seen < 4:
        seen += 1
        of = _prep_object(tok, frozenset({"of"}))
        lemma = fold(tok.lemma_)
        if of is not None and (tok.like_num or tok.pos_ == "NUM" or lemma in cue("arguments.quantity_heads")):
            tok = of
            continue
        if (
            of is not None
            and lemma in cue("arguments.generic_heads")
            and (
                of.pos_ == "PROPN"
                or of.ent_type_
                or any(c.pos_ == "PROPN" or c.ent_type_ in ("NORP", "ORG", "GPE") for c in of.lefts)
            )
        ):
            tok = of
            continue
        break
    if tok is None or tok.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT") or tok.like_num:
        return None
    if tok.pos_ not in ("NOUN", "PROPN", "PRON", "X") and tok.ent_type_ not in (
        "NORP",
        "ORG",
        "GPE",
        "PERSON",
    ):
        return None  # "the number of dead": "dead" names no party
    if fold(tok.lemma_) in ("toll", "number", "figure", "count", "tally"):
        return None
    if (
        fold(tok.lemma_) in NEGATIVE_PRONOUNS
        or fold(tok.text) in NEGATIVE_PRONOUNS
        or _has_child(tok, ("det",), frozenset({"no"}))
    ):
        return None  # "nobody", "no group"
    return tok


# -- party spans --------------------------------------------------------------------------
def party_span(tok: Token) -> Span:
    """The words that name the party headed by *tok*: its modifiers, a named entity it is
    part of, and an "of"/"for" phrase of a proper name ("Organization of Iran")."""
    doc = tok.doc
    start, end = tok.i, tok.i + 1
    for c in tok.lefts:
        if c.dep_ in PARTY_LEFT_DEPS:
            start = min(start, c.left_edge.i)
    if tok.ent_iob_ != "O":
        for ent in doc.ents:
            if ent.start <= tok.i < ent.end:
                start, end = min(start, ent.start), max(end, ent.end)
                break
    # hyphenated names split by the tokenizer: "al - Maliki"
    while (
        end + 1 < len(doc)
        and doc[end].text in ("-", "\u2010")
        and doc[end].whitespace_ == ""
        and doc[end + 1].is_alpha
    ):
        end += 2
    if tok.pos_ == "PROPN" or tok.ent_type_ in ("ORG", "FAC", "GPE"):
        for c in tok.rights:
            if c.dep_ == "prep" and c.lower_ in ("of", "for") and c.i == end:
                obj = _child(c, ("pobj",))
                if obj is not None and (obj.pos_ == "PROPN" or obj.ent_type_):
                    end = max(end, obj.right_edge.i + 1)
    while start < end and doc[start].dep_ == "punct":
        start += 1
    return doc[start:end]
