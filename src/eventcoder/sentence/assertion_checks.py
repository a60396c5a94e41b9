"""What the rules of :mod:`assertion` look for, each a predicate: here on a word of the mention
(the trigger or its governor), with the :class:`Step` and the helpers the other checks share; on
the mention in its sentence in :mod:`assertion_sentence`; on a :class:`Step` up from it towards
the root in :mod:`assertion_steps`."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..lexicons.data import cue, fold, word_lists
from ..nlp import deps
from ..nlp.syntax import has_child, prep_object
from .date_words import words as date_words
from .triggers import find_trigger


@dataclass(frozen=True)
class Step:
    """One step up from the mention: *child* is the word below *head*."""

    tok: Token  # the mention's trigger
    child: Token
    head: Token
    lemma: str  # the head's, folded
    passed_claim: bool  # a claim noun ("claims that ...") was passed on the way up


def mention_words(tok: Token, governor: Token) -> tuple[Token, ...]:
    """The words of the mention: its trigger, then the verb that governs it (if another)."""
    return (tok,) if tok.i == governor.i else (tok, governor)


# -- English words -------------------------------------------------------------------------


# the tags of a finite verb: a line with none of them is a title, a caption or a box's line
FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def listed(key: str) -> frozenset:
    """A word list of ``data/en/assertion.toml``."""
    return word_lists("assertion.toml")[key]


# -- the mention's own words (the trigger, then its governor) --------------------------------


def anonymity(t: Token) -> bool:
    """ "a resident said, asking not to be named", "who requested anonymity": a source's wish not to be
    named, no request between parties."""
    return fold(t.lemma_) in listed("asking_verbs") and (
        has_child(t, (deps.OPEN_COMPLEMENT, deps.CLAUSE_COMPLEMENT), listed("naming_verbs"))
        or has_child(t, (deps.DIRECT_OBJECT,), listed("anonymity_nouns"))
    )


def saying_sense(t: Token) -> bool:
    """ "The government recalls that the envoy was summoned": a verb of saying, not the act."""
    return (
        fold(t.lemma_) in listed("saying_senses")
        and has_child(t, (deps.CLAUSE_COMPLEMENT,))
        and not has_child(t, (deps.DIRECT_OBJECT,))
    )


def negated(t: Token) -> bool:
    return has_child(t, (deps.NEGATION,))


def _excluding_threat(t: Token) -> bool:
    """The trigger is a verb of excluding read as a threat (its row needs a word of force)."""
    if fold(t.lemma_) not in listed("excluding_verbs"):
        return False
    trig = find_trigger(t, {fold(w.lemma_) for w in t.sent})
    return trig is not None and trig.type == "THREATEN"


def force_not_excluded(t: Token) -> bool:
    """ "The use of force is not ruled out": force left open is threatened (but "further strikes
    could not be ruled out" weighs what may come, and threatens nothing)."""
    return negated(t) and _excluding_threat(t) and not has_child(t, (deps.AUX,), listed("assessing_modals"))


def force_excluded(t: Token) -> bool:
    """ "The minister ruled out the use of force": force excluded, or weighed ("could not be ruled
    out"), threatens nothing."""
    return _excluding_threat(t) and not force_not_excluded(t)


def no_determiner(t: Token) -> bool:
    return has_child(t, (deps.DETERMINER,), listed("negating_determiners"))


def negative_argument(t: Token) -> bool:
    """ "No shots were fired", "the ship asked for no assistance"."""
    args = [
        *(c for c in t.children if c.dep_ in (deps.SUBJECT, deps.SUBJECT_PASSIVE, deps.DIRECT_OBJECT)),
        *(
            g
            for c in t.children
            if c.dep_ == deps.PREP and fold(c.lemma_) in listed("sought_preps")
            for g in c.children
            if g.dep_ == deps.PREP_OBJECT
        ),
    ]
    return any(negative_noun(arg) for arg in args)


def threat_in_future(t: Token) -> bool:
    """ "Pakistan will respond to the aggression", "it must be punished": a retaliation said of the
    future is the speaker's threat, asserted as said."""
    if fold(t.lemma_) not in listed("retaliation_verbs"):
        return False
    return _future(t) or _future(_purpose_host(t))


_PURPOSE_LINKS = (deps.ADVERBIAL_CLAUSE, deps.ACL, deps.RELATIVE_CLAUSE, deps.OPEN_COMPLEMENT)


def _future(t: Token | None) -> bool:
    return t is not None and has_child(t, (deps.AUX, deps.AUX_PASSIVE), listed("future_modals"))


def _purpose_host(t: Token) -> Token | None:
    """The verb whose purpose a "to" clause tells: "will take every step to bring them to justice",
    "will spare no effort to punish", "will do everything to avenge" (through the verb's object)."""
    if t.dep_ not in _PURPOSE_LINKS or not has_child(t, (deps.AUX,), frozenset({"to"})):
        return None
    head = t.head
    if head.pos_ in ("NOUN", "PRON") and head.dep_ == deps.DIRECT_OBJECT:
        head = head.head
    return head if head.pos_ in ("VERB", "AUX") else None


def retaliation_told(t: Token) -> bool:
    """ "The army retaliated with air strikes": no threat (the strikes are the act); and under
    "ready to", "vowed to" the head verb is the threat."""
    return fold(t.lemma_) in listed("retaliation_verbs")


def general_view(t: Token) -> bool:
    """ "the strike, for which Israel was widely blamed": an opinion held widely, said by no one;
    "the president, who was accused of failing to stop the attacks": a reputation, not a charge
    told here."""
    if not has_child(t, (deps.AUX_PASSIVE,)) or has_child(t, (deps.AGENT,)):
        return False
    clause = t
    while clause.dep_ == deps.CONJUNCT and clause.head.i != clause.i:
        clause = clause.head
    return has_child(t, (deps.ADVERB_MODIFIER,), listed("general_view_adverbs")) or (
        clause.dep_ == deps.RELATIVE_CLAUSE and fold(t.lemma_) in cue("suppress.accusing_heads")
    )


def protest_demand_word(t: Token) -> bool:
    """ "Students chanting slogans and calling for his release marched on the ministry": the demand
    of a protest's crowd, told by a participle on it, is what the protest is for (see
    :func:`protest_demand`)."""
    return fold(t.lemma_) in cue("targets.demand_verbs") and on_protest(t)


def caution(t: Token) -> bool:
    """ "warned his men against carrying phones": a warning against an everyday deed is advice, no
    threat (but "warned Israel against attacking Lebanon" names an act of force, and stays)."""
    if fold(t.lemma_) not in listed("cautioning_verbs"):
        return False
    for prep in (p for h in (t, *t.children) for p in h.children if p.dep_ == deps.PREP):
        if fold(prep.lemma_) not in listed("cautioning_preps"):
            continue
        for deed in (g for g in prep.children if g.dep_ in (deps.PREP_COMPLEMENT, deps.PREP_OBJECT)):
            if deed.tag_ == "VBG" and find_trigger(deed, {fold(w.lemma_) for w in deed.subtree}) is None:
                return True
    return False


def standing_designation(t: Token) -> bool:
    """ "Hamas is banned as a terrorist organisation in the UK", "the group is listed as a terrorist
    entity": a designation in the present passive is a standing state, not an act told."""
    return (
        t.tag_ == "VBN"
        and any(c.dep_ == deps.AUX_PASSIVE and c.tag_ in ("VBZ", "VBP") for c in t.children)
        and has_child(t, (deps.PREP,), listed("designation_preps"))
        and not any(c.ent_type_ in ("DATE", "TIME") for c in t.subtree)
    )


def hearsay(t: Token) -> bool:
    """ "the purported resignation of the president", "militants allegedly backed by a neighbour": an
    act only alleged, by an adjective or an adverb of hearsay, is the allegation's content, not an act
    told (but "reportedly" reports the act); a finite verb's act is told with its hedge ("soldiers
    allegedly shot two protesters": the confidence says how sure)."""
    return t.tag_ not in FINITE and has_child(
        t, (deps.ADJ_MODIFIER, deps.ADVERB_MODIFIER), listed("hearsay_words")
    )


def modal(t: Token) -> bool:
    return has_child(t, (deps.AUX, deps.AUX_PASSIVE), cue("suppress.modals"))


def conditional_mark(t: Token) -> bool:
    return has_child(t, (deps.MARKER,), cue("suppress.conditional_marks"))


def habitual_adverb(t: Token) -> bool:
    """A habit in the present ("regularly carries out strikes") tells no act; in the simple past
    ("guards routinely beat detainees") the acts happened: PLOVER codes them."""
    return t.tag_ != "VBD" and has_child(
        t, (deps.ADVERB_MODIFIER, deps.NOUN_ADVERBIAL), cue("suppress.habitual_adverbs")
    )


def cumulative(t: Token) -> bool:
    return has_child(t, (deps.SUBJECT,), cue("suppress.generic_subjects")) and has_child(
        t, (deps.AUX,), listed("perfect_auxiliaries")
    )


def present_tense(t: Token) -> bool:
    return (
        t.tag_ in ("VBZ", "VBP")
        and t.pos_ == "VERB"
        and fold(t.lemma_) in cue("suppress.physical_verbs")
        and not _on_a_day(t)
    )


def _on_a_day(t: Token) -> bool:
    """ "Armed groups and federal forces clash in Culiacan on Thursday": a photograph's caption tells,
    in the present, a deed of the day it names; a habit names no day."""
    days = frozenset(date_words("calendar.weekdays"))
    return any(
        c.dep_ == deps.PREP and any(o.dep_ == deps.PREP_OBJECT and fold(o.lower_) in days for o in c.children)
        for c in t.children
    )


def ongoing(t: Token) -> bool:
    return (
        t.tag_ == "VBG"
        and has_child(t, (deps.AUX,), listed("perfect_auxiliaries"))
        and fold(t.lemma_) not in listed("occupying_verbs")
    )


# -- helpers these checks and those of assertion_sentence and assertion_steps share ------------


def standing_verb(verb: Token) -> bool:
    """A relative clause in the present or the perfect, with no date: a state, not a deed."""
    return (
        verb.dep_ == deps.RELATIVE_CLAUSE
        and (
            verb.tag_ in ("VBZ", "VBP")
            or present_aux(verb)
            or has_child(verb, (deps.AUX,), listed("perfect_auxiliaries"))
        )
        and not has_child(verb, (deps.AUX, deps.AUX_PASSIVE), listed("be_auxiliaries"))
        and not any(t.ent_type_ in ("DATE", "TIME") for t in verb.subtree)
    )


def present_aux(verb: Token) -> bool:
    """An auxiliary in the present: "who have formed", "who help coordinate" (not "had readied")."""
    return any(c.tag_ in ("VBZ", "VBP") for c in verb.children if c.dep_ == deps.AUX)


def has_own_object(clause: Token) -> bool:
    """Has the relative clause an object of its own ("the talks they held with the rebels" has none:
    "talks" is it; "that", "which" stand for it)?"""
    return any(
        (c.dep_ == deps.DIRECT_OBJECT and fold(c.lemma_) not in listed("relative_words"))
        or (c.dep_ == deps.PREP and has_child(c, (deps.PREP_OBJECT,)))
        for c in clause.children
    )


def on_protest(verb: Token) -> bool:
    """A participle that qualifies a protest or its crowd: on the noun itself ("protesters
    calling for"), or on a verb whose subject is one ("marches were held, calling on")."""
    while verb.dep_ == deps.CONJUNCT and verb.head.tag_ == "VBG":
        verb = verb.head  # "waving flags and calling for"
    if verb.tag_ != "VBG" or verb.dep_ not in (deps.ACL, deps.ADVERBIAL_CLAUSE, deps.RELATIVE_CLAUSE):
        return False
    host = verb.head
    if host.pos_ in ("VERB", "AUX"):
        words = [host, *(c for c in host.children if c.dep_ in deps.SUBJECTS)]
    else:
        words = [host, host.head] if host.dep_ in deps.SUBJECTS else [host]
    words += [c for c in verb.children if c.dep_ == deps.SUBJECT]  # (a participle parsed with a subject)
    words += [
        g for w in words for g in (prep_object(w, frozenset({"of"})),) if g is not None
    ]  # "thousands of"
    return any(fold(w.lemma_) in listed("protest_words") for w in words)


def negative_noun(noun: Token) -> bool:
    """ "nobody", "none", "no group"."""
    return fold(noun.lemma_) in word_lists("syntax.toml")["negative_pronouns"] or has_child(
        noun, (deps.DETERMINER,), listed("negating_determiners")
    )
