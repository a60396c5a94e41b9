"""Is a mention asserted? Negation, modality, hypotheticals, denials, accusations,
commemorations, conditionals, habits: the cases in which a sentence names an event that it
does not report as having happened."""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicons.data import cue, fold
from ..nlp.syntax import NEGATIVE_PRONOUNS, has_child, pos_of, sentence


def not_asserted(tok: Token, governor: Token) -> str | None:
    """Why the mention anchored on *tok* does not report an event that happened, or None."""
    modals = cue("suppress.modals")
    for t in (tok,) if tok.i == governor.i else (tok, governor):
        if has_child(t, ("neg",)) or has_child(t, ("det",), frozenset({"no"})):
            return "negated"
        for arg in t.children:  # "no shots were fired", "nobody claimed the attack"
            if arg.dep_ in ("nsubj", "nsubjpass", "dobj") and (
                fold(arg.lemma_) in NEGATIVE_PRONOUNS or has_child(arg, ("det",), frozenset({"no"}))
            ):
                return "negated"
        if has_child(t, ("aux", "auxpass"), modals):
            return "modal"
        if has_child(t, ("mark",), cue("suppress.conditional_marks")):
            return "conditional"
    if sentence(tok).text.rstrip().endswith("?"):
        return "question"
    if has_child(tok, ("det", "predet", "amod"), frozenset({"such"})):
        return "generic"  # "condemned such strikes"
    for t in (tok,) if tok.i == governor.i else (tok, governor):
        if any(
            c.dep_ == "prep" and fold(c.lemma_) == "in" and has_child(c, ("pobj",), frozenset({"past"}))
            for c in t.children
        ):
            return "habitual"  # "has in the past condemned"
    if (
        pos_of(tok) == "NOUN"
        and tok.dep_ == "dobj"
        and fold(tok.head.lemma_) in cue("suppress.reaction_verbs")
    ):
        return "reaction"  # "the kidnapping drew worldwide outrage"
    root = sentence(tok).root
    if any(
        c.dep_ == "advcl" and has_child(c, ("mark",), cue("suppress.conditional_marks"))
        for c in root.children
    ):
        return "conditional"  # "If the world looks away, further massacres are a matter of time"
    clause = governor if governor.pos_ in ("VERB", "AUX") else governor.head
    if clause.dep_ == "advcl" and has_child(clause, ("mark",), frozenset({"since"})):
        return "background"  # "... since fighting broke out in September": the anchor of a span
    if governor.dep_ == "relcl" and (
        (governor.tag_ == "VBG" and has_child(governor, ("aux",), frozenset({"have"})))
        or (
            (governor.tag_ in ("VBZ", "VBP") or has_child(governor, ("aux",), frozenset({"have"})))
            and not has_child(governor, ("aux", "auxpass"), frozenset({"be"}))
            and not any(t.ent_type_ in ("DATE", "TIME") for t in governor.subtree)
        )
    ):
        # "the group that has been fighting the government for 15 years", "the towns it has
        # occupied", "every person it holds": who or what they are, not something that happened
        return "background"
    if (
        governor.dep_ in ("acl", "relcl")  # (the parser calls some infinitives relative clauses)
        and governor.pos_ == "VERB"
        and has_child(governor, ("aux",), frozenset({"to"}))
        and governor.head.pos_ == "NOUN"
        and fold(governor.head.lemma_) not in cue("suppress.attempt_nouns")
    ):
        return "intended"  # "a call to negotiate", "a decision to withdraw", "efforts to reach a deal"

    for t in (tok,) if tok.i == governor.i else (tok, governor):
        if has_child(t, ("advmod", "npadvmod"), cue("suppress.habitual_adverbs")):
            return "habitual"
        if has_child(t, ("nsubj",), cue("suppress.generic_subjects")) and has_child(
            t, ("aux",), frozenset({"have"})
        ):
            return "cumulative"
        if t.tag_ in ("VBZ", "VBP") and t.pos_ == "VERB" and fold(t.lemma_) in cue("suppress.physical_verbs"):
            return "present tense"
        if (
            t.tag_ == "VBG"
            and has_child(t, ("aux",), frozenset({"have", "be"}))
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
    while head.i != child.i and sentence(head) == sentence(tok):
        lemma = fold(head.lemma_)
        passed_claim = passed_claim or fold(child.lemma_) in cue("suppress.claim_nouns")
        if lemma in commemorating:
            return "commemoration"
        if has_child(head, ("advmod", "npadvmod"), cue("suppress.habitual_adverbs")):
            return "habitual"
        if child.dep_ == "relcl":
            break  # "the agreement that X signed in 2020": a relative clause asserts its content
        if child.i != tok.i and has_child(child, ("det",), frozenset({"no"})):
            return "negated"  # "had no involvement in the attack"
        if child.dep_ in ("conj", "appos"):
            # conjoined verbs share their auxiliaries: "will be signed and ratified"
            if has_child(head, ("aux", "auxpass"), modals) or has_child(head, ("neg",)):
                return "modal or negated (shared)"
            child, head = head, head.head
            continue
        if head.pos_ in ("VERB", "AUX") and (has_child(head, ("neg",)) or _negative_subject(head)):
            return "under a negated verb"
        if has_child(head, ("aux",), modals) and head.pos_ == "VERB" and lemma not in reporting:
            return "under a modal verb"
        if lemma in denying:
            return "denied"
        if lemma in cue("suppress.undoing_heads") and child.dep_ in ("dobj", "nsubjpass", "pobj"):
            return "undone"  # "ended a ceasefire", "violated the truce"
        if lemma in cue("suppress.trend_heads") and child.dep_ == "nsubj" and child.i == tok.i:
            return "trend"  # "attacks on police have risen sharply"
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
        if lemma in cue("suppress.expected_heads") and child.dep_ == "nsubjpass" and child.i == tok.i:
            return "expected"  # "more arrests were expected", "talks are planned for May"
        if lemma in generic and child.dep_ in ("prep", "pobj", "compound", "acl", "relcl"):
            return "generic"
        if has_child(head, ("mark",), cue("suppress.conditional_marks")):
            return "conditional"
        child, head = head, head.head
    return None


# -- arguments ----------------------------------------------------------------------------


def _negative_subject(verb: Token) -> bool:
    """ "Nobody has claimed ...", "No group has said ..."."""
    return any(
        c.dep_ == "nsubj"
        and (fold(c.lemma_) in NEGATIVE_PRONOUNS or has_child(c, ("det",), frozenset({"no"})))
        for c in verb.children
    )
