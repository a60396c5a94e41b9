"""What the rules of :mod:`assertion` look for, each a predicate on a word of the mention
(the trigger or its governor), on the mention in its sentence, or on a :class:`Step` up from
it towards the root."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..lexicons.data import cue, event_lexicon, fold, word_lists
from ..nlp import deps
from ..nlp.syntax import has_child, pos_of, prep_object, sentence, span_text
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
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _words(key: str) -> frozenset:
    """A word list of ``data/en/assertion.toml``."""
    return word_lists("assertion.toml")[key]


# -- the mention's own words (the trigger, then its governor) --------------------------------


def anonymity(t: Token) -> bool:
    """ "a resident said, asking not to be named", "who requested anonymity": a source's wish not to be
    named, no request between parties."""
    return fold(t.lemma_) in _words("asking_verbs") and (
        has_child(t, (deps.OPEN_COMPLEMENT, deps.CLAUSE_COMPLEMENT), _words("naming_verbs"))
        or has_child(t, (deps.DIRECT_OBJECT,), _words("anonymity_nouns"))
    )


def saying_sense(t: Token) -> bool:
    """ "The government recalls that the envoy was summoned": a verb of saying, not the act."""
    return (
        fold(t.lemma_) in _words("saying_senses")
        and has_child(t, (deps.CLAUSE_COMPLEMENT,))
        and not has_child(t, (deps.DIRECT_OBJECT,))
    )


def negated(t: Token) -> bool:
    return has_child(t, (deps.NEGATION,))


def no_determiner(t: Token) -> bool:
    return has_child(t, (deps.DETERMINER,), _words("negating_determiners"))


def negative_argument(t: Token) -> bool:
    """ "No shots were fired", "the ship asked for no assistance"."""
    args = [
        *(c for c in t.children if c.dep_ in (deps.SUBJECT, deps.SUBJECT_PASSIVE, deps.DIRECT_OBJECT)),
        *(
            g
            for c in t.children
            if c.dep_ == deps.PREP and fold(c.lemma_) in _words("sought_preps")
            for g in c.children
            if g.dep_ == deps.PREP_OBJECT
        ),
    ]
    return any(_negative_noun(arg) for arg in args)


def threat_in_future(t: Token) -> bool:
    """ "Pakistan will respond to the aggression", "it must be punished": a retaliation said of the
    future is the speaker's threat, asserted as said."""
    return fold(t.lemma_) in _words("retaliation_verbs") and has_child(
        t, (deps.AUX, deps.AUX_PASSIVE), _words("future_modals")
    )


def retaliation_told(t: Token) -> bool:
    """ "The army retaliated with air strikes": no threat (the strikes are the act); and under
    "ready to", "vowed to" the head verb is the threat."""
    return fold(t.lemma_) in _words("retaliation_verbs")


def general_view(t: Token) -> bool:
    """ "the strike, for which Israel was widely blamed": an opinion held widely, said by no one;
    "the president, who was accused of failing to stop the attacks": a reputation, not a charge
    told here."""
    if not has_child(t, (deps.AUX_PASSIVE,)) or has_child(t, (deps.AGENT,)):
        return False
    clause = t
    while clause.dep_ == deps.CONJUNCT and clause.head.i != clause.i:
        clause = clause.head
    return has_child(t, (deps.ADVERB_MODIFIER,), _words("general_view_adverbs")) or (
        clause.dep_ == deps.RELATIVE_CLAUSE and fold(t.lemma_) in cue("suppress.accusing_heads")
    )


def protest_demand_word(t: Token) -> bool:
    """ "Students chanting slogans and calling for his release marched on the ministry": the demand
    of a protest's crowd, told by a participle on it, is what the protest is for (see
    :func:`protest_demand`)."""
    return fold(t.lemma_) in cue("targets.demand_verbs") and _on_protest(t)


def caution(t: Token) -> bool:
    """ "warned his men against carrying phones": a warning against an everyday deed is advice, no
    threat (but "warned Israel against attacking Lebanon" names an act of force, and stays)."""
    if fold(t.lemma_) not in _words("cautioning_verbs"):
        return False
    for prep in (p for h in (t, *t.children) for p in h.children if p.dep_ == deps.PREP):
        if fold(prep.lemma_) not in _words("cautioning_preps"):
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
        and has_child(t, (deps.PREP,), _words("designation_preps"))
        and not any(c.ent_type_ in ("DATE", "TIME") for c in t.subtree)
    )


def hearsay(t: Token) -> bool:
    """ "the purported resignation of the president", "militants allegedly backed by a neighbour": an
    act only alleged, by an adjective or an adverb of hearsay, is the allegation's content, not an act
    told (but "reportedly" reports the act); a finite verb's act is told with its hedge ("soldiers
    allegedly shot two protesters": the confidence says how sure)."""
    return t.tag_ not in _FINITE and has_child(
        t, (deps.ADJ_MODIFIER, deps.ADVERB_MODIFIER), _words("hearsay_words")
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
        t, (deps.AUX,), _words("perfect_auxiliaries")
    )


def present_tense(t: Token) -> bool:
    return t.tag_ in ("VBZ", "VBP") and t.pos_ == "VERB" and fold(t.lemma_) in cue("suppress.physical_verbs")


def ongoing(t: Token) -> bool:
    return t.tag_ == "VBG" and has_child(t, (deps.AUX,), _words("perfect_auxiliaries"))


# -- the mention in its sentence -------------------------------------------------------------


def on_whose_word(tok: Token, governor: Token) -> bool:
    """ "At the request of the governor, the army deployed troops": a request or an invitation as
    the circumstance of another act tells on whose word it was done; the act is the news."""
    prep = tok.head
    return (
        tok.dep_ == deps.PREP_OBJECT
        and fold(prep.lemma_) in _words("behest_preps")
        and fold(tok.lemma_) in _words("behest_nouns")
        and prep.head.pos_ == "VERB"
        and prep.head.i != tok.i
    )


def question(tok: Token, governor: Token) -> bool:
    return span_text(sentence(tok)).rstrip().endswith("?")


def such(tok: Token, governor: Token) -> bool:
    return has_child(tok, (deps.DETERMINER, deps.PREDETERMINER, deps.ADJ_MODIFIER), _words("kind_words"))


def whichever(tok: Token, governor: Token) -> bool:
    """ "Any attack on the base", "any country that received the president": an act of whoever
    might do it, none that was done."""
    doer = governor.head if governor.dep_ == deps.RELATIVE_CLAUSE else None
    return any(
        t is not None and has_child(t, (deps.DETERMINER,), _words("whichever_determiners"))
        for t in (tok, doer)
    )


def in_the_past(tok: Token, governor: Token) -> bool:
    return any(
        c.dep_ == deps.PREP
        and fold(c.lemma_) in _words("past_prepositions")
        and has_child(c, (deps.PREP_OBJECT,), _words("past_nouns"))
        for t in mention_words(tok, governor)
        for c in t.children
    )


def reaction(tok: Token, governor: Token) -> bool:
    """ "The kidnapping drew outrage": no one's act; but "drew condemnation from Western embassies"
    names who condemned."""
    return (
        pos_of(tok) == "NOUN"
        and tok.dep_ == deps.DIRECT_OBJECT
        and fold(tok.head.lemma_) in cue("suppress.reaction_verbs")
        and not any(has_child(t, (deps.PREP,), _words("reactor_preps")) for t in (tok, tok.head))
    )


def conditional_threat(tok: Token, governor: Token) -> bool:
    """ "threatened military action unless the junta frees the president": the threat is made
    whatever its condition."""
    return (
        tok.i == governor.i
        and fold(tok.lemma_) in _words("conditioning_verbs")
        and conditional_clause(tok, governor)
    )


def conditional_clause(tok: Token, governor: Token) -> bool:
    return any(
        c.dep_ == deps.ADVERBIAL_CLAUSE and has_child(c, (deps.MARKER,), cue("suppress.conditional_marks"))
        for c in sentence(tok).root.children
    )


def since_clause(tok: Token, governor: Token) -> bool:
    clause = governor if governor.pos_ in ("VERB", "AUX") else governor.head
    return clause.dep_ == deps.ADVERBIAL_CLAUSE and has_child(clause, (deps.MARKER,), _words("since_marks"))


def standing_progressive(tok: Token, governor: Token) -> bool:
    return (
        governor.dep_ == deps.RELATIVE_CLAUSE
        and governor.tag_ == "VBG"
        and has_child(governor, (deps.AUX,), _words("perfect_auxiliaries"))
    )


def standing_state(tok: Token, governor: Token) -> bool:
    return _standing(governor)


def _standing(verb: Token) -> bool:
    """A relative clause in the present or the perfect, with no date: a state, not a deed."""
    return (
        verb.dep_ == deps.RELATIVE_CLAUSE
        and (
            verb.tag_ in ("VBZ", "VBP")
            or _present_aux(verb)
            or has_child(verb, (deps.AUX,), _words("perfect_auxiliaries"))
        )
        and not has_child(verb, (deps.AUX, deps.AUX_PASSIVE), _words("be_auxiliaries"))
        and not any(t.ent_type_ in ("DATE", "TIME") for t in verb.subtree)
    )


def intended(tok: Token, governor: Token) -> bool:
    return (
        governor.dep_
        in (deps.ACL, deps.RELATIVE_CLAUSE)  # (the parser calls some infinitives relative clauses)
        and governor.pos_ == "VERB"
        and has_child(governor, (deps.AUX,), _words("infinitive_markers"))
        and governor.head.pos_ == "NOUN"
        and fold(governor.head.lemma_) not in cue("suppress.attempt_nouns")
    )


def stance_phrase(tok: Token, governor: Token) -> bool:
    return (
        tok.dep_ == deps.PREP_OBJECT
        and fold(tok.lemma_) in _words("stance_nouns")
        and fold(tok.head.lemma_) in _words("stance_preps")
    )


def in_force(tok: Token, governor: Token) -> bool:
    first = tok
    while first.dep_ == deps.CONJUNCT and first.head.i != first.i:
        first = first.head  # "under the truce agreement and the exchange deal"
    return (
        first.dep_ == deps.PREP_OBJECT
        and fold(first.head.lemma_) in _words("in_force_preps")
        and fold(first.lemma_) in _words("agreement_nouns")
        and fold(tok.lemma_) in _words("agreement_nouns")
    )


def period_in_force(tok: Token, governor: Token) -> bool:
    """ "freed on the second day of the truce", "during the ceasefire": an agreement named as the
    period in which another act happened."""
    if fold(tok.lemma_) not in _words("agreement_nouns") or tok.dep_ != deps.PREP_OBJECT:
        return False
    prep = fold(tok.head.lemma_)
    if prep in _words("in_force_span_preps"):
        return True
    return prep == "of" and fold(tok.head.head.lemma_) in _words("in_force_periods")


def signed_in_force(tok: Token, governor: Token) -> bool:
    """ "Under the deal signed in Pretoria, the sides committed to ...": the signing names the
    agreement in force, it is not told as an act of its own."""
    return tok.dep_ == deps.ACL and pos_of(tok) == "VERB" and in_force(tok.head, tok.head)


def field_label(tok: Token, governor: Token) -> bool:
    sent = sentence(tok)
    return len(sent) > 2 and sent[1].text == ":" and fold(sent[0].lemma_) in _words("field_labels")


def box_field(tok: Token, governor: Token) -> bool:
    """A line of an information box with no colon: a label and its figure ("Injured 61", "Deaths
    12"), a two-word label ("Attack type"), or a value alone on its line ("Bombing")."""
    sent = sentence(tok)
    if len(sent) > 12 or any(t.tag_ in _FINITE for t in sent):
        return False
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    labels = _words("field_labels")
    return (
        len(words) == 1
        or (len(words) == 2 and words[1].lower_ in _words("box_label_tails"))
        or (words[0].lower_ in labels and len(words) > 1 and all(w.like_num for w in words[1:]))
    )


def bare_count(tok: Token, governor: Token) -> bool:
    """ "25 injured" alone on a line: a figure of an information box, no sentence."""
    words = []
    for t in sentence(tok):
        if not (t.is_punct or t.is_space):
            words.append(t)
            if len(words) > 2:  # (a sentence: no need to read on)
                return False
    return len(words) == 2 and words[0].like_num


def generic_plural(tok: Token, governor: Token) -> bool:
    return (
        tok.tag_ == "NNS"
        and not has_child(tok, (deps.DETERMINER, deps.POSSESSIVE, deps.NUMBER_MODIFIER))
        and has_child(tok, (deps.ADJ_MODIFIER,), _words("generic_adjectives"))
    )


def pointing_back(tok: Token, governor: Token) -> bool:
    return tok.tag_ == "NNS" and has_child(tok, (deps.DETERMINER,), _words("pointing_back"))


def imperative(tok: Token, governor: Token) -> bool:
    """ "Feel free to improve this article", "Sign the petition against the deportation": a sentence
    that bids its reader do something (its first word a bare verb with no subject) tells no act; but
    "Watch: police fire tear gas" is a label on a report."""
    sent = sentence(tok)
    words = [t for t in sent if not (t.is_punct or t.is_space or t.pos_ == "INTJ")]
    root = sent.root
    return (
        bool(words)
        and words[0].i == root.i
        and root.tag_ == "VB"
        and not has_child(root, (*deps.SUBJECTS, deps.AUX, deps.AUX_PASSIVE, deps.EXPLETIVE))
        and not (root.i + 1 < sent.end and root.nbor().text == ":")
    )


def part_of_line(tok: Token, governor: Token) -> bool:
    """ "Part of the 2023 Khartoum offensive" alone on a line: an information box places the
    article's event in a larger one, it tells no event of its own."""
    root = sentence(tok).root
    return (
        fold(root.lemma_) in _words("part_of_heads")
        and pos_of(root) == "NOUN"
        and has_child(root, (deps.PREP,), _words("part_of_preps"))
        and not any(t.tag_ in _FINITE for t in sentence(tok))
    )


def awaited(tok: Token, governor: Token) -> bool:
    """ "the call they had waited for", "the truce both sides wanted": an act awaited, wished for or
    dreaded, named by the relative clause it is the object of, is not told as done."""
    return pos_of(tok) == "NOUN" and any(
        c.dep_ == deps.RELATIVE_CLAUSE
        and fold(c.lemma_) in _words("awaiting_verbs")
        and not _has_own_object(c)
        for c in tok.children
    )


def regard_received(tok: Token, governor: Token) -> bool:
    """ "Security officers won his praise", "the mayor shares the joy of the families": a regard or
    a feeling received or shared tells what someone thinks, not an act between parties."""
    return _noun_object_of(tok, "regard_nouns", "receiving_verbs")


def faced_prospect(tok: Token, governor: Token) -> bool:
    """ "The detainees face charges of disorderly conduct", "they risk deportation": what someone
    faces is a prospect, not an act told."""
    return _noun_object_of(tok, "faced_prospects", "facing_verbs")


def _noun_object_of(tok: Token, nouns: str, verbs: str) -> bool:
    """*tok* a noun of the list *nouns*, the direct object of a verb of the list *verbs*."""
    return (
        pos_of(tok) == "NOUN"
        and fold(tok.lemma_) in _words(nouns)
        and tok.dep_ == deps.DIRECT_OBJECT
        and fold(tok.head.lemma_) in _words(verbs)
    )


def subject_to(tok: Token, governor: Token) -> bool:
    """ "Use of this work is subject to restrictions", "officers found guilty are liable to dismissal":
    what something is subject or liable to is a condition, not an act told; in the past it was
    imposed ("for two years the residents were subject to a ban on imports": the ban is told)."""
    return (
        pos_of(tok) == "NOUN"
        and tok.dep_ == deps.PREP_OBJECT
        and fold(tok.head.lemma_) in _words("subject_preps")
        and fold(tok.head.head.lemma_) in _words("subject_adjectives")
        and tok.head.head.head.tag_ != "VBD"
    )


def intent_kept(tok: Token, governor: Token) -> bool:
    """ "The rebels made good on their threats by crossing the border", "kept its promise to free
    them": a threat or a promise kept, carried out or broken was made before; the deed is told by
    the words that tell it."""
    if pos_of(tok) != "NOUN" or fold(tok.lemma_) not in _words("kept_intents"):
        return False
    if tok.dep_ == deps.DIRECT_OBJECT:
        return fold(tok.head.lemma_) in _words("keeping_intent_verbs")
    return (
        tok.dep_ == deps.PREP_OBJECT
        and fold(tok.head.lemma_) in _words("kept_intent_preps")
        and fold(tok.head.head.lemma_) in _words("keeping_on_verbs")
    )


def judged_needed(tok: Token, governor: Token) -> bool:
    """ "She stressed how vital the reopening of the crossing is", "a ceasefire is essential": an act
    judged vital or needed is weighed, not told (done before, or still wanted)."""
    return (
        pos_of(tok) == "NOUN"
        and tok.dep_ == deps.SUBJECT
        and fold(tok.head.lemma_) in _words("copulas")
        and has_child(tok.head, (deps.ADJ_COMPLEMENT,), _words("needed_adjectives"))
    )


def generic_kind(tok: Token, governor: Token) -> bool:
    """ "went beyond peaceful protest", "the right to peaceful assembly": a bare singular event noun
    with an adjective of its kind names the kind, no event."""
    return (
        tok.tag_ == "NN"
        and not has_child(tok, (deps.DETERMINER, deps.POSSESSIVE, deps.NUMBER_MODIFIER))
        and has_child(tok, (deps.ADJ_MODIFIER,), _words("kind_adjectives"))
    )


def prospective(tok: Token, governor: Token) -> bool:
    """ "braced for a possible attack", "postponed a planned protest": an event noun still to come."""
    return pos_of(tok) == "NOUN" and has_child(tok, (deps.ADJ_MODIFIER,), _words("prospective_adjectives"))


_NOMINAL_ROLES = (
    deps.SUBJECT,
    deps.SUBJECT_PASSIVE,
    deps.DIRECT_OBJECT,
    deps.PREP_OBJECT,
    deps.ATTRIBUTE,
    deps.CONJUNCT,
)


def nominal_participle(tok: Token, governor: Token) -> bool:
    """ "Some of the wounded are in critical condition", "the badly injured were flown to Kyiv": a
    participle used as a noun names people by what was done to them; the deed is told elsewhere."""
    return (
        tok.i == governor.i
        and tok.tag_ in ("VBN", "JJ")
        and tok.dep_ in _NOMINAL_ROLES
        and has_child(tok, (deps.DETERMINER,), _words("nominal_determiners"))
        and not has_child(tok, (deps.AUX, deps.AUX_PASSIVE, deps.AGENT, deps.DIRECT_OBJECT))
    )


def bare_verb_as_noun(tok: Token, governor: Token) -> bool:
    """ "Deploy and recovery of the buoys took two days", "faster deploy and reload times": a bare
    verb in the place of a noun (a subject, an object, a noun's modifier), with no subject or
    auxiliary of its own, names a kind of act; it tells none."""
    return (
        tok.i == governor.i
        and tok.tag_ == "VB"
        and tok.dep_
        in (deps.SUBJECT, deps.SUBJECT_PASSIVE, deps.PREP_OBJECT, deps.NOUN_MODIFIER, deps.COMPOUND)
        and not has_child(tok, (*deps.SUBJECTS, deps.AUX, deps.AUX_PASSIVE, deps.MARKER))
    )


def agreement_kept(tok: Token, governor: Token) -> bool:
    """ "working to implement the peace agreement", "committed to the Juba accord": an agreement made
    before, kept or carried out; no agreeing told."""
    if fold(tok.lemma_) not in _words("kept_agreements"):
        return False
    head = tok.head
    if tok.dep_ == deps.PREP_OBJECT and fold(head.lemma_) in _words("keeping_preps"):
        head = head.head
    elif tok.dep_ != deps.DIRECT_OBJECT:
        return False
    return fold(head.lemma_) in _words("keeping_verbs")


def goal(tok: Token, governor: Token) -> bool:
    """ "a first step towards a ceasefire", "working toward a prisoner exchange": a goal, not reached."""
    return tok.dep_ == deps.PREP_OBJECT and fold(tok.head.lemma_) in _words("goal_preps")


# -- the words above the mention ---------------------------------------------------------------


def commemoration(s: Step) -> bool:
    return s.lemma in cue("suppress.commemoration")


def habitual_head(s: Step) -> bool:
    return has_child(s.head, (deps.ADVERB_MODIFIER, deps.NOUN_ADVERBIAL), cue("suppress.habitual_adverbs"))


def relative_clause(s: Step) -> bool:
    return s.child.dep_ == deps.RELATIVE_CLAUSE


def no_determiner_below(s: Step) -> bool:
    return s.child.i != s.tok.i and has_child(s.child, (deps.DETERMINER,), _words("negating_determiners"))


def conjunct(s: Step) -> bool:
    return s.child.dep_ in (deps.CONJUNCT, deps.APPOSITION)


def shared_modal(s: Step) -> bool:
    # conjoined verbs share their auxiliaries; a clause set against another with a subject of its
    # own ("is not clear, but the streets were sealed off") has its own
    contrasted = has_child(s.child, deps.SUBJECTS) and has_child(
        s.head, (deps.COORDINATION,), _words("contrastive_conjunctions")
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


def denied(s: Step) -> bool:
    return s.lemma in cue("suppress.negating_heads")


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


def accusation(s: Step) -> bool:
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
        and any(fold(c.lemma_) in _words("characterising_words") for c in s.head.children)
    )


def aim_is(s: Step) -> bool:
    """ "The aim of the meeting is to endorse the plan", "our priority remains to evacuate the
    wounded": an aim, not an act."""
    return (
        s.lemma in _words("copulas")
        and s.child.dep_ in (deps.OPEN_COMPLEMENT, deps.ATTRIBUTE, deps.CLAUSE_COMPLEMENT)
        and (
            has_child(s.head, (deps.SUBJECT,), cue("suppress.hypothetical_heads"))
            or has_child(s.head, (deps.SUBJECT,), _words("aim_nouns"))
        )
    )


def held_to_be(s: Step) -> bool:
    """ "The blasts were believed to be an Israeli attack", "the fire is thought to be arson": an
    event noun that says what something else is believed to be names it; the thing is told by its
    own words, and the belief is no act."""
    return (
        s.lemma in _words("belief_verbs")
        and s.child.dep_ == deps.OPEN_COMPLEMENT
        and fold(s.child.lemma_) in _words("be_auxiliaries")
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
        and _standing(s.child)
        and s.lemma not in cue("reporting.lemmas")
        and (s.child.tag_ in ("VBZ", "VBP") or _present_aux(s.child))
    )


def _present_aux(verb: Token) -> bool:
    """An auxiliary in the present: "who have formed", "who help coordinate" (not "had readied")."""
    return any(c.tag_ in ("VBZ", "VBP") for c in verb.children if c.dep_ == deps.AUX)


def clause_told_before(s: Step) -> bool:
    """ "we hold the enemy responsible for this aggression, which also targeted civilians": a relative
    clause on an event noun that points back ("this", "these") tells more of an event told before,
    no new one."""
    return (
        s.child.dep_ == deps.RELATIVE_CLAUSE
        and pos_of(s.head) == "NOUN"
        and has_child(s.head, (deps.DETERMINER,), _words("pointing_back_singular"))
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
    return s.lemma in cue("targets.demand_verbs") and _on_protest(s.head)


def _on_protest(verb: Token) -> bool:
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
    return any(fold(w.lemma_) in _words("protest_words") for w in words)


def wished_for(s: Step) -> bool:
    """ "The least we can expect is that they stand down", "what the opposition wants is for the
    army to withdraw": an act named as what someone wishes, not as done."""
    return (
        s.lemma in _words("be_auxiliaries")
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
    return any(fold(v.lemma_) in _words("wishing_verbs") for v in verbs)


def before_it(s: Step) -> bool:
    """ "in preparation for the offensive", "on the eve of the talks": the time before an event,
    which has not come."""
    return s.lemma in _words("prospect_heads") and s.child.dep_ == deps.PREP


def way_to(s: Step) -> bool:
    """ "The deal paves the way for the withdrawal", "opens the door to sanctions": the way to an event
    still to come."""
    return (
        s.child.dep_ == deps.PREP
        and fold(s.child.lemma_) in _words("path_preps")
        and (
            s.lemma in _words("path_nouns")
            or has_child(s.head, (deps.DIRECT_OBJECT,), _words("path_nouns"))  # "opened the door | to"
        )
    )


def designed_for(s: Step) -> bool:
    """ "a measure designed to stop attacks", "the law is meant to curb protests": what something is
    made for, not done."""
    return s.lemma in _words("design_verbs") and s.child.dep_ == deps.OPEN_COMPLEMENT


def committed_to(s: Step) -> bool:
    """ "The army remains committed to facilitating the delivery of aid", "reaffirmed its commitment
    to the release of the prisoners": a pledge, the act not done."""
    return (
        s.lemma in _words("commitment_words")
        and s.head.dep_ != deps.ACL  # "the troops committed to the offensive" were sent to it
        and s.child.dep_ == deps.PREP
        and fold(s.child.lemma_) in _words("commitment_preps")
    )


def named_as(s: Step) -> bool:
    """ "called the riot an attack on democracy": the name given to something, not an event."""
    return s.lemma in cue("arguments.characterising") and s.child.dep_ == deps.OBJECT_PREDICATE


def purpose(s: Step) -> bool:
    """ "sent troops to fight the militias": the deed an act is for has not happened yet (but
    "marched to denounce the crime" denounces)."""
    lemma = fold(s.tok.lemma_)
    return (
        (lemma in cue("suppress.physical_verbs") or lemma in _words("purpose_acts"))
        and s.child.dep_ == deps.ADVERBIAL_CLAUSE
        and s.child.tag_ == "VB"
        and has_child(s.child, (deps.AUX,), _words("infinitive_markers"))
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
        s.lemma in _words("ordering_verbs")
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
        if t.dep_ == deps.PREP_COMPLEMENT and fold(t.head.lemma_) in _words("means_preps"):
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
    return s.lemma in cue("suppress.generic_heads") and s.child.dep_ in (
        deps.PREP,
        deps.PREP_OBJECT,
        deps.COMPOUND,
        deps.ACL,
        deps.RELATIVE_CLAUSE,
    )


def conditional_head(s: Step) -> bool:
    return conditional_mark(s.head)


# -- arguments ----------------------------------------------------------------------------


def _negative_noun(noun: Token) -> bool:
    """ "nobody", "none", "no group"."""
    return fold(noun.lemma_) in word_lists("syntax.toml")["negative_pronouns"] or has_child(
        noun, (deps.DETERMINER,), _words("negating_determiners")
    )


def _negative_subject(verb: Token) -> bool:
    """ "Nobody has claimed ...", "No group has said ..."."""
    return any(c.dep_ == deps.SUBJECT and _negative_noun(c) for c in verb.children)


def _has_own_object(clause: Token) -> bool:
    """Has the relative clause an object of its own ("the talks they held with the rebels" has none:
    "talks" is it; "that", "which" stand for it)?"""
    return any(
        (c.dep_ == deps.DIRECT_OBJECT and fold(c.lemma_) not in _words("relative_words"))
        or (c.dep_ == deps.PREP and has_child(c, (deps.PREP_OBJECT,)))
        for c in clause.children
    )
