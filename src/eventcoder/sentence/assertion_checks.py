"""What the rules of :mod:`assertion` look for, each a predicate on a word of the mention
(the trigger or its governor), on the mention in its sentence, or on a :class:`Step` up from
it towards the root."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..lexicons.data import cue, fold, word_lists
from ..nlp.syntax import has_child, pos_of, sentence


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


def _words(key: str) -> frozenset:
    """A word list of ``data/en/assertion.toml``."""
    return word_lists("assertion.toml")[key]


# -- the mention's own words (the trigger, then its governor) --------------------------------


def negated(t: Token) -> bool:
    return has_child(t, ("neg",))


def no_determiner(t: Token) -> bool:
    return has_child(t, ("det",), _words("negating_determiners"))


def negative_argument(t: Token) -> bool:
    return any(arg.dep_ in ("nsubj", "nsubjpass", "dobj") and _negative_noun(arg) for arg in t.children)


def modal(t: Token) -> bool:
    return has_child(t, ("aux", "auxpass"), cue("suppress.modals"))


def conditional_mark(t: Token) -> bool:
    return has_child(t, ("mark",), cue("suppress.conditional_marks"))


def habitual_adverb(t: Token) -> bool:
    return has_child(t, ("advmod", "npadvmod"), cue("suppress.habitual_adverbs"))


def cumulative(t: Token) -> bool:
    return has_child(t, ("nsubj",), cue("suppress.generic_subjects")) and has_child(
        t, ("aux",), _words("perfect_auxiliaries")
    )


def present_tense(t: Token) -> bool:
    return t.tag_ in ("VBZ", "VBP") and t.pos_ == "VERB" and fold(t.lemma_) in cue("suppress.physical_verbs")


def ongoing(t: Token) -> bool:
    return t.tag_ == "VBG" and has_child(t, ("aux",), _words("perfect_auxiliaries"))


# -- the mention in its sentence -------------------------------------------------------------


def question(tok: Token, governor: Token) -> bool:
    return sentence(tok).text.rstrip().endswith("?")


def such(tok: Token, governor: Token) -> bool:
    return has_child(tok, ("det", "predet", "amod"), _words("kind_words"))


def in_the_past(tok: Token, governor: Token) -> bool:
    return any(
        c.dep_ == "prep"
        and fold(c.lemma_) in _words("past_prepositions")
        and has_child(c, ("pobj",), _words("past_nouns"))
        for t in mention_words(tok, governor)
        for c in t.children
    )


def reaction(tok: Token, governor: Token) -> bool:
    return (
        pos_of(tok) == "NOUN"
        and tok.dep_ == "dobj"
        and fold(tok.head.lemma_) in cue("suppress.reaction_verbs")
    )


def conditional_clause(tok: Token, governor: Token) -> bool:
    return any(
        c.dep_ == "advcl" and has_child(c, ("mark",), cue("suppress.conditional_marks"))
        for c in sentence(tok).root.children
    )


def since_clause(tok: Token, governor: Token) -> bool:
    clause = governor if governor.pos_ in ("VERB", "AUX") else governor.head
    return clause.dep_ == "advcl" and has_child(clause, ("mark",), _words("since_marks"))


def standing_progressive(tok: Token, governor: Token) -> bool:
    return (
        governor.dep_ == "relcl"
        and governor.tag_ == "VBG"
        and has_child(governor, ("aux",), _words("perfect_auxiliaries"))
    )


def standing_state(tok: Token, governor: Token) -> bool:
    return (
        governor.dep_ == "relcl"
        and (governor.tag_ in ("VBZ", "VBP") or has_child(governor, ("aux",), _words("perfect_auxiliaries")))
        and not has_child(governor, ("aux", "auxpass"), _words("be_auxiliaries"))
        and not any(t.ent_type_ in ("DATE", "TIME") for t in governor.subtree)
    )


def intended(tok: Token, governor: Token) -> bool:
    return (
        governor.dep_ in ("acl", "relcl")  # (the parser calls some infinitives relative clauses)
        and governor.pos_ == "VERB"
        and has_child(governor, ("aux",), _words("infinitive_markers"))
        and governor.head.pos_ == "NOUN"
        and fold(governor.head.lemma_) not in cue("suppress.attempt_nouns")
    )


# -- the words above the mention ---------------------------------------------------------------


def commemoration(s: Step) -> bool:
    return s.lemma in cue("suppress.commemoration")


def habitual_head(s: Step) -> bool:
    return has_child(s.head, ("advmod", "npadvmod"), cue("suppress.habitual_adverbs"))


def relative_clause(s: Step) -> bool:
    return s.child.dep_ == "relcl"


def no_determiner_below(s: Step) -> bool:
    return s.child.i != s.tok.i and has_child(s.child, ("det",), _words("negating_determiners"))


def conjunct(s: Step) -> bool:
    return s.child.dep_ in ("conj", "appos")


def shared_modal(s: Step) -> bool:
    # conjoined verbs share their auxiliaries
    return conjunct(s) and (has_child(s.head, ("aux", "auxpass"), cue("suppress.modals")) or negated(s.head))


def negated_head(s: Step) -> bool:
    return s.head.pos_ in ("VERB", "AUX") and (negated(s.head) or _negative_subject(s.head))


def modal_head(s: Step) -> bool:
    return (
        has_child(s.head, ("aux",), cue("suppress.modals"))
        and s.head.pos_ == "VERB"
        and s.lemma not in cue("reporting.lemmas")
    )


def denied(s: Step) -> bool:
    return s.lemma in cue("suppress.negating_heads")


def undone(s: Step) -> bool:
    return s.lemma in cue("suppress.undoing_heads") and s.child.dep_ in ("dobj", "nsubjpass", "pobj")


def trend(s: Step) -> bool:
    return s.lemma in cue("suppress.trend_heads") and s.child.dep_ == "nsubj" and s.child.i == s.tok.i


def rebutted_claim(s: Step) -> bool:
    return s.lemma in cue("suppress.rebutting_heads") and s.passed_claim


def accusation(s: Step) -> bool:
    return s.lemma in cue("suppress.accusing_heads") and s.child.dep_ in (
        "prep",
        "pcomp",
        "pobj",
        "ccomp",
        "dobj",
        "xcomp",
    )


def characterisation(s: Step) -> bool:
    return (
        s.lemma in cue("arguments.characterising")
        and s.child.dep_ in ("prep", "pobj", "oprd", "xcomp", "attr")
        and any(fold(c.lemma_) in _words("characterising_words") for c in s.head.children)
    )


_HYPOTHETICAL_COMPLEMENTS = (
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
)


def hypothetical(s: Step) -> bool:
    return s.lemma in cue("suppress.hypothetical_heads") and s.child.dep_ in _HYPOTHETICAL_COMPLEMENTS


def expected(s: Step) -> bool:
    return s.lemma in cue("suppress.expected_heads") and s.child.dep_ == "nsubjpass" and s.child.i == s.tok.i


def generic_head(s: Step) -> bool:
    return s.lemma in cue("suppress.generic_heads") and s.child.dep_ in (
        "prep",
        "pobj",
        "compound",
        "acl",
        "relcl",
    )


def conditional_head(s: Step) -> bool:
    return conditional_mark(s.head)


# -- arguments ----------------------------------------------------------------------------


def _negative_noun(noun: Token) -> bool:
    """ "nobody", "none", "no group"."""
    return fold(noun.lemma_) in word_lists("syntax.toml")["negative_pronouns"] or has_child(
        noun, ("det",), _words("negating_determiners")
    )


def _negative_subject(verb: Token) -> bool:
    """ "Nobody has claimed ...", "No group has said ..."."""
    return any(c.dep_ == "nsubj" and _negative_noun(c) for c in verb.children)
