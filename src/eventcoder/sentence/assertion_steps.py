"""What the rules of :mod:`assertion` look for on the way up from the mention to the root: each a predicate
on a :class:`~eventcoder.sentence.assertion_checks.Step` (a denial, an aim, a wish, a purpose, an attempt,
a relative clause that tells who someone is, ...)."""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicons.data import cue, event_lexicon, fold
from ..nlp import deps
from ..nlp.syntax import has_child, pos_of
from .assertion_checks import (
    Step,
    conditional_mark,
    listed,
    negated,
    negative_noun,
    on_protest,
    ongoing,
    present_aux,
    standing_verb,
)

# -- the words above the mention ---------------------------------------------------------------


def commemoration(s: Step) -> bool:
    return s.lemma in cue("suppress.commemoration")


def habitual_head(s: Step) -> bool:
    return has_child(s.head, (deps.ADVERB_MODIFIER, deps.NOUN_ADVERBIAL), cue("suppress.habitual_adverbs"))


def relative_clause(s: Step) -> bool:
    return s.child.dep_ == deps.RELATIVE_CLAUSE


def counter_charge(s: Step) -> bool:
    """ "The rebels denied the killing, blaming instead the army": a participle of blame set after a
    denial is the denier's own charge, made all the same (whatever word the parser hangs it on)."""
    return (
        s.child.i == s.tok.i
        and s.child.dep_ == deps.ADVERBIAL_CLAUSE
        and s.child.tag_ == "VBG"
        and fold(s.tok.lemma_) in listed("counter_charging")
        and not any(c.dep_ in deps.SUBJECTS for c in s.child.children)
        and any(fold(a.lemma_) in _denying() for a in s.tok.ancestors)
    )


def _denying() -> frozenset:
    return cue("suppress.rebutting_heads") | cue("suppress.negating_heads")


def no_determiner_below(s: Step) -> bool:
    return s.child.i != s.tok.i and has_child(s.child, (deps.DETERMINER,), listed("negating_determiners"))


def conjunct(s: Step) -> bool:
    return s.child.dep_ in (deps.CONJUNCT, deps.APPOSITION)


def shared_modal(s: Step) -> bool:
    # conjoined verbs share their auxiliaries; a clause set against another with a subject of its
    # own ("is not clear, but the streets were sealed off") has its own
    contrasted = has_child(s.child, deps.SUBJECTS) and has_child(
        s.head, (deps.COORDINATION,), listed("contrastive_conjunctions")
    )
    return (
        conjunct(s)
        and not contrasted
        and (has_child(s.head, (deps.AUX, deps.AUX_PASSIVE), cue("suppress.modals")) or negated(s.head))
    )


def negated_head(s: Step) -> bool:
    return s.head.pos_ in ("VERB", "AUX") and (negated(s.head) or _negative_subject(s.head))


def modal_head(s: Step) -> bool:
    return (
        has_child(s.head, (deps.AUX,), cue("suppress.modals"))
        and s.head.pos_ == "VERB"
        and s.lemma not in cue("reporting.lemmas")
    )


def said_instead(s: Step) -> bool:
    """ "The army denied this, saying that 300 rebels had been killed": what a denial says in its
    stead is told, as the denier's claim."""
    return (
        s.lemma in cue("suppress.negating_heads") | cue("suppress.rebutting_heads")
        and s.child.dep_ == deps.ADVERBIAL_CLAUSE
        and fold(s.child.lemma_) in cue("reporting.lemmas")
    )


def time_clause_of_negated(s: Step) -> bool:
    """ "Tripoli had not seen fighting on this scale since clashes killed 32 people": a clause of time
    on a negated verb tells what happened; the negation is the main clause's."""
    return (
        s.child.dep_ == deps.ADVERBIAL_CLAUSE
        and has_child(s.child, (deps.MARKER,), listed("time_marks"))
        and negated(s.head)
    )


def agent_of_negated(s: Step) -> bool:
    """ "were not deterred by the gas bombs the police used": what acts in a negated passive is there
    all the same; only its effect is denied."""
    return s.child.dep_ == deps.AGENT and s.child.i != s.tok.i and negated(s.head)


def denied(s: Step) -> bool:
    """ "denied shelling the village", "denied that troops shelled it"; not what the denier says
    besides: "the army denied this, saying that 300 rebels had been killed" tells the killing."""
    said = s.child.dep_ == deps.ADVERBIAL_CLAUSE and fold(s.child.lemma_) in cue("reporting.lemmas")
    return s.lemma in cue("suppress.negating_heads") and not said


def undone(s: Step) -> bool:
    return s.lemma in cue("suppress.undoing_heads") and s.child.dep_ in (
        deps.DIRECT_OBJECT,
        deps.SUBJECT_PASSIVE,
        deps.PREP_OBJECT,
    )


def trend(s: Step) -> bool:
    return s.lemma in cue("suppress.trend_heads") and s.child.dep_ == deps.SUBJECT and s.child.i == s.tok.i


def rebutted_claim(s: Step) -> bool:
    return s.lemma in cue("suppress.rebutting_heads") and s.passed_claim


def told_by_its_clause(s: Step) -> bool:
    """ "blamed each other for the new fighting, which broke out on Thursday", "will be punished for
    a strike in which seven officers were killed": a deed that an accusation, a negation or a modal
    is about, told as past by a relative clause of its own, happened all the same."""
    return (
        s.tok.pos_ == "NOUN"
        and any(c.dep_ == deps.RELATIVE_CLAUSE and _told_past(c) for c in s.tok.children)
        and (accusation(s) or negated_head(s) or modal_head(s))
    )


def _told_past(verb: Token) -> bool:
    """A verb in the simple past ("which broke out") or a past passive ("in which seven were killed"),
    not negated ("which never took place")."""
    past = verb.tag_ == "VBD" or any(
        c.dep_ in (deps.AUX, deps.AUX_PASSIVE) and c.tag_ == "VBD" for c in verb.children
    )
    return past and not negated(verb)


def accusation(s: Step) -> bool:
    if (
        s.child.dep_ == deps.PREP
        and s.tok.head.i == s.child.i
        and fold(s.tok.lemma_) in listed("custody_nouns")
    ):
        return False  # "held in pre-trial detention", "held under arrest": the custody is told
    return s.lemma in cue("suppress.accusing_heads") and s.child.dep_ in (
        deps.PREP,
        deps.PREP_COMPLEMENT,
        deps.PREP_OBJECT,
        deps.CLAUSE_COMPLEMENT,
        deps.DIRECT_OBJECT,
        deps.OPEN_COMPLEMENT,
    )


def characterisation(s: Step) -> bool:
    return (
        s.lemma in cue("arguments.characterising")
        and s.child.dep_
        in (deps.PREP, deps.PREP_OBJECT, deps.OBJECT_PREDICATE, deps.OPEN_COMPLEMENT, deps.ATTRIBUTE)
        and any(fold(c.lemma_) in listed("characterising_words") for c in s.head.children)
    )


def aim_is(s: Step) -> bool:
    """ "The aim of the meeting is to endorse the plan", "our priority remains to evacuate the
    wounded": an aim, not an act."""
    return (
        s.lemma in listed("copulas")
        and s.child.dep_ in (deps.OPEN_COMPLEMENT, deps.ATTRIBUTE, deps.CLAUSE_COMPLEMENT)
        and (
            has_child(s.head, (deps.SUBJECT,), cue("suppress.hypothetical_heads"))
            or has_child(s.head, (deps.SUBJECT,), listed("aim_nouns"))
        )
    )


def held_to_be(s: Step) -> bool:
    """ "The blasts were believed to be an Israeli attack", "the fire is thought to be arson": an
    event noun that says what something else is believed to be names it; the thing is told by its
    own words, and the belief is no act."""
    return (
        s.lemma in listed("belief_verbs")
        and s.child.dep_ == deps.OPEN_COMPLEMENT
        and fold(s.child.lemma_) in listed("be_auxiliaries")
        and s.tok.dep_ == deps.ATTRIBUTE
        and s.tok.head.i == s.child.i
    )


def ongoing_manner(s: Step) -> bool:
    """ "Supporters have been protesting for weeks, blocking roads and burning tyres": a present
    participle that tells the manner of an ongoing act is as ongoing as the act."""
    return s.child.dep_ == deps.ADVERBIAL_CLAUSE and s.child.tag_ == "VBG" and ongoing(s.head)


def standing_clause(s: Step) -> bool:
    """ "leaders who help coordinate the movement", "sponsors who have formed an alliance to loot the
    east": a relative clause in the present or the perfect, with no date, tells who someone is, not
    what they did (the clause's own verb: :func:`standing_state`)."""
    return (
        s.child.i != s.tok.i
        and standing_verb(s.child)
        and s.lemma not in cue("reporting.lemmas")
        and (s.child.tag_ in ("VBZ", "VBP") or present_aux(s.child))
    )


def clause_told_before(s: Step) -> bool:
    """ "we hold the enemy responsible for this aggression, which also targeted civilians": a relative
    clause on an event noun that points back ("this", "these") tells more of an event told before,
    no new one."""
    return (
        s.child.dep_ == deps.RELATIVE_CLAUSE
        and pos_of(s.head) == "NOUN"
        and has_child(s.head, (deps.DETERMINER,), listed("pointing_back_singular"))
        and _event_noun(s.head)
    )


def _event_noun(noun: Token) -> bool:
    """A noun that names an event: a word of the event lexicon, or of wrongdoing ("this aggression")."""
    lemma = fold(noun.lemma_)
    return bool(event_lexicon().get((lemma, "NOUN"))) or lemma in cue("arguments.wrongdoing_nouns")


def protest_demand(s: Step) -> bool:
    """ "protesters calling for the president to resign stormed the palace", "marches were held
    across the country, demanding that the army withdraw": a demand told by a participle on a
    protest is what the protest is for; the protest is the event."""
    return s.lemma in cue("targets.demand_verbs") and on_protest(s.head)


def wished_for(s: Step) -> bool:
    """ "The least we can expect is that they stand down", "what the opposition wants is for the
    army to withdraw": an act named as what someone wishes, not as done."""
    return (
        s.lemma in listed("be_auxiliaries")
        and s.child.dep_
        in (deps.OPEN_COMPLEMENT, deps.ATTRIBUTE, deps.CLAUSE_COMPLEMENT, deps.ADVERBIAL_CLAUSE)
        and any(_wishing(c) for c in s.head.children if c.dep_ in (deps.SUBJECT, deps.CLAUSAL_SUBJECT))
    )


def _wishing(subject: Token) -> bool:
    """A subject that names a wish: a clause of wishing ("what they want"), or a noun that a clause
    of wishing modifies ("the least we can expect")."""
    verbs = (
        [subject]
        if subject.dep_ == deps.CLAUSAL_SUBJECT
        else [c for c in subject.children if c.dep_ == deps.RELATIVE_CLAUSE]
    )
    return any(fold(v.lemma_) in listed("wishing_verbs") for v in verbs)


def before_it(s: Step) -> bool:
    """ "in preparation for the offensive", "on the eve of the talks": the time before an event,
    which has not come."""
    return s.lemma in listed("prospect_heads") and s.child.dep_ == deps.PREP


def way_to(s: Step) -> bool:
    """ "The deal paves the way for the withdrawal", "opens the door to sanctions": the way to an event
    still to come."""
    return (
        s.child.dep_ == deps.PREP
        and fold(s.child.lemma_) in listed("path_preps")
        and (
            s.lemma in listed("path_nouns")
            or has_child(s.head, (deps.DIRECT_OBJECT,), listed("path_nouns"))  # "opened the door | to"
        )
    )


def designed_for(s: Step) -> bool:
    """ "a measure designed to stop attacks", "the law is meant to curb protests": what something is
    made for, not done."""
    return s.lemma in listed("design_verbs") and s.child.dep_ == deps.OPEN_COMPLEMENT


def committed_to(s: Step) -> bool:
    """ "The army remains committed to facilitating the delivery of aid", "reaffirmed its commitment
    to the release of the prisoners": a pledge, the act not done."""
    return (
        s.lemma in listed("commitment_words")
        and s.head.dep_ != deps.ACL  # "the troops committed to the offensive" were sent to it
        and s.child.dep_ == deps.PREP
        and fold(s.child.lemma_) in listed("commitment_preps")
    )


def named_as(s: Step) -> bool:
    """ "called the riot an attack on democracy": the name given to something, not an event."""
    return s.lemma in cue("arguments.characterising") and s.child.dep_ == deps.OBJECT_PREDICATE


def purpose(s: Step) -> bool:
    """ "sent troops to fight the militias": the deed an act is for has not happened yet (but
    "marched to denounce the crime" denounces)."""
    lemma = fold(s.tok.lemma_)
    return (
        (lemma in cue("suppress.physical_verbs") or lemma in listed("purpose_acts"))
        and s.child.dep_ == deps.ADVERBIAL_CLAUSE
        and s.child.tag_ == "VB"
        and has_child(s.child, (deps.AUX,), listed("infinitive_markers"))
    )


_HYPOTHETICAL_COMPLEMENTS = (
    deps.OPEN_COMPLEMENT,
    deps.CLAUSE_COMPLEMENT,
    deps.PREP,
    deps.PREP_COMPLEMENT,
    deps.PREP_OBJECT,
    deps.ACL,
    deps.DIRECT_OBJECT,
    deps.ADVERBIAL_CLAUSE,
    deps.ADJ_COMPLEMENT,
    deps.ATTRIBUTE,
)


def ordered_done(s: Step) -> bool:
    """ "The governor ordered mobile internet suspended": an order given, whose object bears the
    act as a participle, is the act done by the one who orders (PLOVER codes the order)."""
    t = s.tok
    return (
        s.lemma in listed("ordering_verbs")
        and s.head.tag_ == "VBD"
        and s.child.dep_ == deps.DIRECT_OBJECT
        and t.head.i == s.child.i
        and t.dep_ == deps.ACL
        and t.tag_ == "VBN"
    )


def attempted(s: Step) -> bool:
    """ "Gunmen tried to storm the base": an attack attempted is an attack made (but "were
    trying to", "will try to" tell no deed)."""
    return (
        s.lemma in cue("suppress.attempt_heads")
        and s.head.tag_ == "VBD"
        and s.child.i == s.tok.i
        and s.child.dep_ == deps.OPEN_COMPLEMENT
        and fold(s.tok.lemma_) in cue("suppress.physical_verbs")
    )


def means_of_attempt(s: Step) -> bool:
    """ "Police tried to end the sit-in by firing tear gas": the means of an attempt made were
    used, whatever came of the attempt."""
    if s.lemma not in cue("suppress.attempt_heads") or s.head.tag_ != "VBD":
        return False
    t = s.tok
    while t.i != s.child.i and t.head.i != t.i:
        if t.dep_ == deps.PREP_COMPLEMENT and fold(t.head.lemma_) in listed("means_preps"):
            return True
        t = t.head
    return False


def hypothetical(s: Step) -> bool:
    return s.lemma in cue("suppress.hypothetical_heads") and s.child.dep_ in _HYPOTHETICAL_COMPLEMENTS


def expected(s: Step) -> bool:
    return (
        s.lemma in cue("suppress.expected_heads")
        and s.child.dep_ == deps.SUBJECT_PASSIVE
        and s.child.i == s.tok.i
    )


def generic_head(s: Step) -> bool:
    return (
        s.lemma in cue("suppress.generic_heads")
        and pos_of(s.head) == "NOUN"  # "a rise in attacks", not "tensions rose during a rally"
        and s.child.dep_
        in (
            deps.PREP,
            deps.PREP_OBJECT,
            deps.COMPOUND,
            deps.ACL,
            deps.RELATIVE_CLAUSE,
        )
        and not series_that_harmed(s.head)
    )


def series_that_harmed(series: Token) -> bool:
    """ "nine died in a string of explosions", "soldiers were killed in a spate of ambushes": a
    series that killed or wounded people is told, not a kind."""
    if series.dep_ != deps.PREP_OBJECT:
        return False
    verb = series.head.head
    harm = listed("harmed_by_series")
    return fold(verb.lemma_) in harm or has_child(verb, (deps.OBJECT_PREDICATE, deps.ADJ_COMPLEMENT), harm)


def conditional_head(s: Step) -> bool:
    return conditional_mark(s.head)


# -- arguments ----------------------------------------------------------------------------


def _negative_subject(verb: Token) -> bool:
    """ "Nobody has claimed ...", "No group has said ..."."""
    return any(c.dep_ == deps.SUBJECT and negative_noun(c) for c in verb.children)
