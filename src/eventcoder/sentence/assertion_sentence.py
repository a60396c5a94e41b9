"""What the rules of :mod:`assertion` look for in the mention's sentence: the words around the trigger and its
governor (a question, a condition, a field label, a prospect, an agreement kept, ...)."""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicons.data import cue, fold
from ..nlp import deps
from ..nlp.syntax import has_child, pos_of, sentence, span_text
from .assertion_checks import FINITE, has_own_object, listed, mention_words, standing_verb

# -- the mention in its sentence -------------------------------------------------------------


def on_whose_word(tok: Token, governor: Token) -> bool:
    """ "At the request of the governor, the army deployed troops": a request or an invitation as
    the circumstance of another act tells on whose word it was done; the act is the news."""
    prep = tok.head
    return (
        tok.dep_ == deps.PREP_OBJECT
        and fold(prep.lemma_) in listed("behest_preps")
        and fold(tok.lemma_) in listed("behest_nouns")
        and prep.head.pos_ == "VERB"
        and prep.head.i != tok.i
    )


def question(tok: Token, governor: Token) -> bool:
    return span_text(sentence(tok)).rstrip().endswith("?")


def such(tok: Token, governor: Token) -> bool:
    return has_child(tok, (deps.DETERMINER, deps.PREDETERMINER, deps.ADJ_MODIFIER), listed("kind_words"))


def whichever(tok: Token, governor: Token) -> bool:
    """ "Any attack on the base", "any country that received the president": an act of whoever
    might do it, none that was done."""
    doer = governor.head if governor.dep_ == deps.RELATIVE_CLAUSE else None
    return any(
        t is not None and has_child(t, (deps.DETERMINER,), listed("whichever_determiners"))
        for t in (tok, doer)
    )


def in_the_past(tok: Token, governor: Token) -> bool:
    return any(
        c.dep_ == deps.PREP
        and fold(c.lemma_) in listed("past_prepositions")
        and has_child(c, (deps.PREP_OBJECT,), listed("past_nouns"))
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
        and not any(has_child(t, (deps.PREP,), listed("reactor_preps")) for t in (tok, tok.head))
    )


def conditional_threat(tok: Token, governor: Token) -> bool:
    """ "threatened military action unless the junta frees the president": the threat is made
    whatever its condition."""
    return (
        tok.i == governor.i
        and fold(tok.lemma_) in listed("conditioning_verbs")
        and conditional_clause(tok, governor)
    )


def conditional_clause(tok: Token, governor: Token) -> bool:
    """A clause of condition on the sentence's root ("if the world looks away"); one that a
    concession marks too ("though whether they got in was not clear") grants a doubt, no condition."""
    return any(
        c.dep_ == deps.ADVERBIAL_CLAUSE
        and has_child(c, (deps.MARKER,), cue("suppress.conditional_marks"))
        and not has_child(c, (deps.MARKER,), listed("concessive_marks"))
        for c in sentence(tok).root.children
    )


def since_clause(tok: Token, governor: Token) -> bool:
    """ "Thousands have died since fighting broke out in September": the anchor of a span, no event
    told; but a clause that counts its own dead ("since clashes in August 2022 killed 32 people") tells
    the deed it dates the span from."""
    clause = governor if governor.pos_ in ("VERB", "AUX") else governor.head
    return (
        clause.dep_ == deps.ADVERBIAL_CLAUSE
        and has_child(clause, (deps.MARKER,), listed("since_marks"))
        and not _counts_its_dead(clause)
    )


def _counts_its_dead(verb: Token) -> bool:
    """The clause's verb has a counted object: "killed 32 people"."""
    return any(
        c.dep_ == deps.DIRECT_OBJECT and any(n.dep_ == deps.NUMBER_MODIFIER for n in c.children)
        for c in verb.children
    )


def standing_progressive(tok: Token, governor: Token) -> bool:
    return (
        governor.dep_ == deps.RELATIVE_CLAUSE
        and governor.tag_ == "VBG"
        and has_child(governor, (deps.AUX,), listed("perfect_auxiliaries"))
    )


def standing_state(tok: Token, governor: Token) -> bool:
    return standing_verb(governor)


def intended(tok: Token, governor: Token) -> bool:
    return (
        governor.dep_
        in (deps.ACL, deps.RELATIVE_CLAUSE)  # (the parser calls some infinitives relative clauses)
        and governor.pos_ == "VERB"
        and has_child(governor, (deps.AUX,), listed("infinitive_markers"))
        and governor.head.pos_ == "NOUN"
        and fold(governor.head.lemma_) not in cue("suppress.attempt_nouns")
    )


def stance_phrase(tok: Token, governor: Token) -> bool:
    return (
        tok.dep_ == deps.PREP_OBJECT
        and fold(tok.lemma_) in listed("stance_nouns")
        and fold(tok.head.lemma_) in listed("stance_preps")
    )


def in_force(tok: Token, governor: Token) -> bool:
    first = tok
    while first.dep_ == deps.CONJUNCT and first.head.i != first.i:
        first = first.head  # "under the truce agreement and the exchange deal"
    return (
        first.dep_ == deps.PREP_OBJECT
        and fold(first.head.lemma_) in listed("in_force_preps")
        and fold(first.lemma_) in listed("agreement_nouns")
        and fold(tok.lemma_) in listed("agreement_nouns")
    )


def period_in_force(tok: Token, governor: Token) -> bool:
    """ "freed on the second day of the truce", "during the ceasefire": an agreement named as the
    period in which another act happened."""
    if fold(tok.lemma_) not in listed("agreement_nouns") or tok.dep_ != deps.PREP_OBJECT:
        return False
    prep = fold(tok.head.lemma_)
    if prep in listed("in_force_span_preps"):
        return True
    return prep == "of" and fold(tok.head.head.lemma_) in listed("in_force_periods")


def signed_in_force(tok: Token, governor: Token) -> bool:
    """ "Under the deal signed in Pretoria, the sides committed to ...": the signing names the
    agreement in force, it is not told as an act of its own."""
    return tok.dep_ == deps.ACL and pos_of(tok) == "VERB" and in_force(tok.head, tok.head)


def field_label(tok: Token, governor: Token) -> bool:
    sent = sentence(tok)
    return len(sent) > 2 and sent[1].text == ":" and fold(sent[0].lemma_) in listed("field_labels")


def box_field(tok: Token, governor: Token) -> bool:
    """A line of an information box with no colon: a label and its figure ("Injured 61", "Deaths
    12"), a two-word label ("Attack type"), or a value alone on its line ("Bombing")."""
    sent = sentence(tok)
    if len(sent) > 12 or any(t.tag_ in FINITE for t in sent):
        return False
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    labels = listed("field_labels")
    return (
        len(words) == 1
        or (len(words) == 2 and words[1].lower_ in listed("box_label_tails"))
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
        and has_child(tok, (deps.ADJ_MODIFIER,), listed("generic_adjectives"))
    )


def pointing_back(tok: Token, governor: Token) -> bool:
    return tok.tag_ == "NNS" and has_child(tok, (deps.DETERMINER,), listed("pointing_back"))


def imperative(tok: Token, governor: Token) -> bool:
    """ "Feel free to improve this article", "Sign the petition against the deportation": a sentence
    that bids its reader do something (its first word a bare verb with no subject) tells no act; but
    "Watch: police fire tear gas" is a label on a report."""
    sent = sentence(tok)
    first = next((t for t in sent if not (t.is_punct or t.is_space or t.pos_ == "INTJ")), None)
    root = sent.root
    return (
        first is not None
        and first.i == root.i
        and root.tag_ == "VB"
        and not has_child(root, (*deps.SUBJECTS, deps.AUX, deps.AUX_PASSIVE, deps.EXPLETIVE))
        and not (root.i + 1 < sent.end and root.nbor().text == ":")
    )


def part_of_line(tok: Token, governor: Token) -> bool:
    """ "Part of the 2023 Khartoum offensive" alone on a line: an information box places the
    article's event in a larger one, it tells no event of its own."""
    root = sentence(tok).root
    return (
        fold(root.lemma_) in listed("part_of_heads")
        and pos_of(root) == "NOUN"
        and has_child(root, (deps.PREP,), listed("part_of_preps"))
        and not any(t.tag_ in FINITE for t in sentence(tok))
    )


def awaited(tok: Token, governor: Token) -> bool:
    """ "the call they had waited for", "the truce both sides wanted": an act awaited, wished for or
    dreaded, named by the relative clause it is the object of, is not told as done."""
    return pos_of(tok) == "NOUN" and any(
        c.dep_ == deps.RELATIVE_CLAUSE
        and fold(c.lemma_) in listed("awaiting_verbs")
        and not has_own_object(c)
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
        and fold(tok.lemma_) in listed(nouns)
        and tok.dep_ == deps.DIRECT_OBJECT
        and fold(tok.head.lemma_) in listed(verbs)
    )


def subject_to(tok: Token, governor: Token) -> bool:
    """ "Use of this work is subject to restrictions", "officers found guilty are liable to dismissal":
    what something is subject or liable to is a condition, not an act told; in the past it was
    imposed ("for two years the residents were subject to a ban on imports": the ban is told)."""
    return (
        pos_of(tok) == "NOUN"
        and tok.dep_ == deps.PREP_OBJECT
        and fold(tok.head.lemma_) in listed("subject_preps")
        and fold(tok.head.head.lemma_) in listed("subject_adjectives")
        and tok.head.head.head.tag_ != "VBD"
    )


def intent_kept(tok: Token, governor: Token) -> bool:
    """ "The rebels made good on their threats by crossing the border", "kept its promise to free
    them": a threat or a promise kept, carried out or broken was made before; the deed is told by
    the words that tell it."""
    if pos_of(tok) != "NOUN" or fold(tok.lemma_) not in listed("kept_intents"):
        return False
    if tok.dep_ == deps.DIRECT_OBJECT:
        return fold(tok.head.lemma_) in listed("keeping_intent_verbs")
    return (
        tok.dep_ == deps.PREP_OBJECT
        and fold(tok.head.lemma_) in listed("kept_intent_preps")
        and fold(tok.head.head.lemma_) in listed("keeping_on_verbs")
    )


def judged_needed(tok: Token, governor: Token) -> bool:
    """ "She stressed how vital the reopening of the crossing is", "a ceasefire is essential": an act
    judged vital or needed is weighed, not told (done before, or still wanted)."""
    return (
        pos_of(tok) == "NOUN"
        and tok.dep_ == deps.SUBJECT
        and fold(tok.head.lemma_) in listed("copulas")
        and has_child(tok.head, (deps.ADJ_COMPLEMENT,), listed("needed_adjectives"))
    )


def generic_kind(tok: Token, governor: Token) -> bool:
    """ "went beyond peaceful protest", "the right to peaceful assembly": a bare singular event noun
    with an adjective of its kind names the kind, no event."""
    return (
        tok.tag_ == "NN"
        and not has_child(tok, (deps.DETERMINER, deps.POSSESSIVE, deps.NUMBER_MODIFIER))
        and has_child(tok, (deps.ADJ_MODIFIER,), listed("kind_adjectives"))
    )


def prospective(tok: Token, governor: Token) -> bool:
    """ "braced for a possible attack", "postponed a planned protest": an event noun still to come;
    but a present participle listed only by its lemma does the act: "a threatened strike" is to
    come, "threatening messages" threaten ("looming" is listed as it is written)."""
    words = listed("prospective_adjectives")
    return pos_of(tok) == "NOUN" and any(
        kid.dep_ == deps.ADJ_MODIFIER
        and (fold(kid.text) in words or (kid.tag_ != "VBG" and fold(kid.lemma_) in words))
        for kid in tok.children
    )


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
        and has_child(tok, (deps.DETERMINER,), listed("nominal_determiners"))
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
    if fold(tok.lemma_) not in listed("kept_agreements"):
        return False
    head = tok.head
    if tok.dep_ == deps.PREP_OBJECT and fold(head.lemma_) in listed("keeping_preps"):
        head = head.head
    elif tok.dep_ != deps.DIRECT_OBJECT:
        return False
    return fold(head.lemma_) in listed("keeping_verbs")


def goal(tok: Token, governor: Token) -> bool:
    """ "a first step towards a ceasefire", "working toward a prisoner exchange": a goal, not reached."""
    return tok.dep_ == deps.PREP_OBJECT and fold(tok.head.lemma_) in listed("goal_preps")
