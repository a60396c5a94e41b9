"""Claims of responsibility: "Al Shabaab claimed responsibility for the bombing", "X said its
fighters had killed 300". The claimant becomes the actor of an event told without a named one
(the claim is recorded, not endorsed).
"""

from __future__ import annotations

from ..lexicons.data import cue, fold
from ..model import Event
from ..nlp import deps
from ..nlp.syntax import child, folded_lemmas
from ..sentence.mention import Mention
from ..sentence.party_words import party_head
from ..sentence.triggers import find_trigger
from .parties import PartyMemory, is_unnamed, resolve_party
from .references import Told, owned_by_pronoun


def claims_it(event: Event, m: Mention, memory: PartyMemory) -> None:
    """ "X said its fighters had killed 300": X claims the attack told without a named actor
    (the claim is recorded, not endorsed)."""
    if m.actor is None or not owned_by_pronoun(m.actor):
        return
    if event.actor is not None and not is_unnamed(event.actor):
        return
    claimed = resolve_party(m.actor, memory, as_actor=True)
    if claimed is not None and not is_unnamed(claimed):
        event.actor = claimed


def apply_claim(sent, told: list[Told], memory: PartyMemory) -> None:
    """ "Al Shabaab claimed responsibility for the bombing": the claimant is the actor of the
    last assault told without one (the claim is recorded, not endorsed)."""
    lemmas, claims = folded_lemmas(sent.doc), cue("reference.claim_verbs")
    for i in range(sent.start, sent.end):
        if lemmas[i] not in claims:
            continue
        tok = sent.doc[i]
        if tok.pos_ != "VERB":
            continue
        obj = child(tok, (deps.DIRECT_OBJECT,))
        if obj is None or not (fold(obj.lemma_) in ("responsibility", "credit") or find_trigger(obj, set())):
            continue
        subj = child(tok, (deps.SUBJECT,))
        if subj is None or party_head(subj) is None or child(tok, (deps.NEGATION,)) is not None:
            continue  # "no group claimed responsibility": no claimant
        for prior in reversed(told):
            if prior.event.type == "ASSAULT":
                if prior.event.actor is None or is_unnamed(prior.event.actor):
                    prior.event.actor = resolve_party(subj, memory, as_actor=True)
                return
