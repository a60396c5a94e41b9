"""Statements of intent as PLOVER codes them: an act that is only promised, offered, threatened,
demanded, refused or announced for later did not happen (:mod:`assertion` drops it), but the
statement did, and it is an event of its own type:

- offers, promises, readiness and agreed future acts are AGREE ("offered to extradite", "was
  willing to release", "will sign the pact next month"); a bare future with no date ("will
  recognise only") is left alone: it is a forecast or a policy more often than a commitment;
- threats of coercion or violence are THREATEN ("vowed to launch an offensive", "was ready to
  impose a curfew");
  so is a future act of force on a condition of a party's ("the army would attack unless they
  backed down");
- "must", "ordered to", "urged", "called on" are REQUEST ("ordered the police to release");
- refusals and negated commitments are REJECT ("declined to attend", "will not recognise");
- announced future retreats are CONCEDE ("said it would pull its troops out").

The cases are a table of named rules, each with a sentence it handles, checked in order. The
act itself is never coded as having happened: the statement takes its place. Words are in
``data/en/assertion.toml`` ``[intent]``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from ..lexicons.data import cue, event_lexicon, fold, read_toml, word_lists
from ..lexicons.ontology import ontology
from ..nlp import deps
from ..nlp.syntax import has_child, lemma_forms, pos_of, sent_lemmas, sentence
from .party_words import is_partylike

# The links from an act up to the word of intent that governs it: "refused to step down",
# "was ready to accept", "had no intention of returning", "vowed to keep fighting"; never through
# an object ("ordered the arrest of" orders an arrest, it demands nothing of anyone).
_UP = (
    deps.OPEN_COMPLEMENT,
    deps.ADJ_COMPLEMENT,
    deps.OBJECT_PREDICATE,
    deps.PREP,
    deps.PREP_OBJECT,
    deps.PREP_COMPLEMENT,
    deps.ACL,
)
_MAX_STEPS = 4

# The reasons of :mod:`assertion` that say an act is only stated, not done: only those acts can
# be statements of intent ("a meeting" that only dates a call is none).
INTENT_REASONS = frozenset(
    {
        "modal",
        "hypothetical",
        "under a modal verb",
        "conditional",
        "negated",
        "intended",
        "modal or negated (shared)",
    }
)


def _words(key: str) -> frozenset:
    return word_lists("assertion.toml")[f"intent.{key}"]


@dataclass(frozen=True)
class Stance:
    """What governs an act that is not asserted: the word of intent above it (if any), the
    modal of its own verb, whether that is negated, and the kind of act it is."""

    act: Token
    head: Token | None
    head_lemma: str
    modal: str
    negated: bool
    quad: str  # the act's PLOVER quad class: "verbal cooperation", "material conflict", ...
    act_type: str
    on_condition: bool = False  # a party's act with "unless ..." or "if ...": "would attack unless"
    dated: bool = False  # the act is set for a date: "will sign the pact next month"
    own_word: bool = False  # the doer says it of itself: "Hezbollah said it would keep up its attacks"

    def head_in(self, key: str) -> bool:
        return self.head_lemma in _words(key)

    @property
    def intention(self) -> bool:
        """Under a noun of intention: "the intention to withdraw", "no intention of returning"."""
        return self.head is not None and self.head.pos_ == "NOUN" and self.head_in("intention_nouns")

    @property
    def cooperative(self) -> bool:
        return self.quad.endswith("cooperation")

    @property
    def retreat(self) -> bool:
        return self.act_type in ("RETREAT", "CONCEDE")

    @property
    def future(self) -> bool:
        return self.modal in _words("future_modals")


@dataclass(frozen=True)
class IntentRule:
    name: str
    example: str  # a sentence this rule handles: it is the rule's test
    applies: Callable[[Stance], bool]
    type: str


def _refused(s: Stance) -> bool:
    return s.head_in("refusing") or (s.intention and s.negated)


def _negated_commitment(s: Stance) -> bool:
    return s.cooperative and s.negated and (s.future or s.head_in("promising"))


def _demanded(s: Stance) -> bool:
    return s.head_in("demanding") or (s.head is None and s.modal in _words("obligation_modals"))


def _threatened(s: Stance) -> bool:
    if s.head_in("threatening"):
        return True
    threatenable = s.act_type in read_toml("assertion.toml")["intent_threat_modes"]
    return threatenable and (s.head_in("promising") or s.head_in("readiness"))


def _force_on_condition(s: Stance) -> bool:
    threatenable = s.act_type in read_toml("assertion.toml")["intent_threat_modes"]
    return threatenable and s.head is None and s.future and s.on_condition and not s.negated


def _announced_retreat(s: Stance) -> bool:
    return s.retreat and (s.future or s.head_in("announcing") or s.intention)


def _force_announced(s: Stance) -> bool:
    return (
        s.act_type in _words("announced_force")
        and s.head is None
        and s.future
        and s.own_word
        and not s.negated
    )


def _future_commitment(s: Stance) -> bool:
    # only an act set for a date: a bare future ("ECOWAS will recognise only ...") is too often a
    # forecast or a policy to be a commitment
    return s.cooperative and s.head is None and s.future and s.dated and not s.negated


def _promised(s: Stance) -> bool:
    return s.cooperative and (s.head_in("promising") or s.head_in("readiness") or s.intention)


RULES: tuple[IntentRule, ...] = (
    IntentRule("refusal", "Rebel leaders declined to attend the peace talks.", _refused, "REJECT"),
    IntentRule(
        "negated_commitment",
        "The union would not accept the pay offer, its leader said.",
        lambda s: _negated_commitment(s),
        "REJECT",
    ),
    IntentRule("demand", "The court ordered the police to release the activists.", _demanded, "REQUEST"),
    IntentRule(
        "threat", "Ankara vowed to launch a ground operation against the militia.", _threatened, "THREATEN"
    ),
    IntentRule(
        "force_on_condition",
        "The president said the army would attack unless the mutineers backed down.",
        _force_on_condition,
        "THREATEN",
    ),
    IntentRule(
        "force_announced",
        "The militia said it would keep up its attacks on the border posts.",
        _force_announced,
        "THREATEN",
    ),
    IntentRule(
        "announced_retreat",
        "The rebels announced they would withdraw from the town by Friday.",
        _announced_retreat,
        "CONCEDE",
    ),
    IntentRule("promise", "Colombia promised to extradite the cartel leader.", _promised, "AGREE"),
    IntentRule(
        "dated_commitment",
        "Chile will sign a fisheries accord with Peru next month.",
        _future_commitment,
        "AGREE",
    ),
)


def _intent_head(act: Token) -> Token | None:
    """The nearest word of intent above *act*, through the links of a complement (never across
    a clause of saying: "said it would pull out" is the act's own modal)."""
    keys = ("promising", "readiness", "threatening", "announcing", "demanding", "refusing", "intention_nouns")
    child = act
    for _ in range(_MAX_STEPS):
        head = child.head
        if _own_act_warned(child):
            return head  # "warned it would strike": the warning is the threat
        if head.i == child.i or child.dep_ not in _UP or sentence(head) != sentence(act):
            return None
        if child.dep_ == deps.PREP and fold(child.lemma_) not in _words("preps"):
            return None  # "committed to", "intention of", "pushed for"; never "after a meeting"
        lemma = fold(head.lemma_)
        if child.dep_ == deps.ACL and lemma not in _words("intention_nouns"):
            return None  # "the intention to withdraw"; never "a committee to investigate"
        if any(lemma in _words(k) for k in keys):
            return head
        child = head
    return None


def _own_act_warned(clause: Token) -> bool:
    """A clause of the warner's own future act under a verb of threat: "warned it would strike",
    "threatened that they would walk out" (not "warned that fighting would resume")."""
    if clause.dep_ != deps.CLAUSE_COMPLEMENT or fold(clause.head.lemma_) not in _words("threatening"):
        return False
    doer = next((c for c in clause.children if c.dep_ == deps.SUBJECT), None)
    return doer is not None and doer.pos_ == "PRON" and bool(_modal(clause))


def _modal(verb: Token) -> str:
    return next(
        (
            fold(c.lemma_)
            for c in verb.children
            if c.dep_ == deps.AUX and fold(c.lemma_) in cue("suppress.modals")
        ),
        "",
    )


def _obligation_on_subject(noun: Token) -> str:
    """ "The shelling must stop", "the corridors must stay open": an act named as the subject of a
    verb of obligation is demanded (only "must": "the talks will resume" is a forecast)."""
    while noun.dep_ == deps.CONJUNCT and noun.head.i != noun.i:
        noun = noun.head  # "crossings and corridors must stay open"
    if noun.dep_ not in deps.SUBJECTS or pos_of(noun) != "NOUN":
        return ""
    modal = _modal(noun.head)
    return modal if modal in _words("obligation_modals") else ""


def _obligation_head(verb: Token) -> str:
    """ "'The president has to resign,' she said": a present "have to" over the act, said by someone,
    binds it like "must" (but "had to withdraw" tells a deed done under constraint, "does not have to"
    binds nothing, and "both parliaments still have to ratify it" tells a step still to come)."""
    return next(iter(sorted(_words("obligation_modals")))) if said_clause(verb).i != verb.i else ""


def said_clause(verb: Token) -> Token:
    """The clause a statement of intent is said in: the act's own verb, or the "have" that binds it
    in "'the president has to resign,' she said"."""
    head = verb.head
    bound = (
        verb.dep_ == deps.OPEN_COMPLEMENT
        and fold(head.lemma_) in _words("obligation_heads")
        and head.tag_ in ("VBZ", "VBP")
        and has_child(verb, (deps.AUX,), frozenset({"to"}))
        and not has_child(head, (deps.NEGATION,))
        and head.dep_ in (deps.CLAUSE_COMPLEMENT, deps.CONJUNCT)
        and fold(_clause_head(head).lemma_) in cue("reporting.lemmas")
    )
    return head if bound else verb


def _clause_head(clause: Token) -> Token:
    """The verb a clause depends on, through conjoined clauses ("X has to go and Y has to go," she said)."""
    while clause.dep_ == deps.CONJUNCT and clause.head.i != clause.i:
        clause = clause.head
    return clause.head


def stance(tok: Token, governor: Token, act_type: str) -> Stance:
    head = _intent_head(governor)
    verb = governor if head is None else head
    negated = has_child(verb, (deps.NEGATION,)) or has_child(verb, (deps.ADVERB_MODIFIER,), _words("never"))
    negated = negated or has_child(verb, (deps.DETERMINER,), frozenset({"no"}))
    return Stance(
        act=tok,
        head=head,
        head_lemma=fold(head.lemma_) if head is not None else "",
        modal=_modal(governor) or _obligation_on_subject(governor) or _obligation_head(governor),
        negated=negated,
        quad=ontology().types[act_type].quad,
        act_type=act_type,
        on_condition=_on_condition(governor),
        dated=_dated(governor),
        own_word=_own_word(governor),
    )


def _own_word(verb: Token) -> bool:
    """The doer declares the act of itself: "the group said it would keep up its attacks", "'We will
    strike again,' he said" (a pronoun doer in a clause of a verb of declaring)."""
    doer = next((c for c in verb.children if c.dep_ == deps.SUBJECT), None)
    return (
        doer is not None
        and doer.pos_ == "PRON"
        and verb.dep_ == deps.CLAUSE_COMPLEMENT
        and fold(verb.head.lemma_) in _words("declaring")
    )


def _dated(verb: Token) -> bool:
    """The act is set for a date: "will sign the pact later this year", "will join in May"."""
    near = (t for c in verb.children if c.dep_ not in deps.SUBJECTS for t in (c, *c.children))
    return any(t.ent_type_ == "DATE" for t in near)


def conditions(verb: Token) -> list[Token]:
    """The clauses that set a threat's condition on *verb*: "unless they backed down" always, "if
    the army does not withdraw" in the present (not a counterfactual "if it had enough troops")."""
    out = []
    for c in verb.children:
        if c.dep_ != deps.ADVERBIAL_CLAUSE:
            continue
        present = c.tag_ in ("VBZ", "VBP") or any(
            a.tag_ in ("VBZ", "VBP") for a in c.children if a.dep_ == deps.AUX
        )
        if has_child(c, (deps.MARKER,), _words("threat_conditions")) or (
            present and has_child(c, (deps.MARKER,), _words("open_conditions"))
        ):
            out.append(c)
    return out


def _on_condition(verb: Token) -> bool:
    """A party's act with a condition: "(the army) would attack unless they backed down"; not a
    forecast with no doer ("fighting would resume if the talks fail")."""
    doer = next((c for c in verb.children if c.dep_ == deps.SUBJECT), None)
    return doer is not None and is_partylike(doer) and bool(conditions(verb))


def intent_reading(tok: Token, governor: Token, act_type: str, act_mode: str | None) -> IntentRule | None:
    """The rule by which the unasserted act on *tok* is a statement of intent, or None."""
    s = stance(tok, governor, act_type)
    if s.head is None and not s.modal:
        return None
    asked = s.head_in("demanding") or s.modal in _words("obligation_modals")
    if has_child(governor, (deps.AUX_PASSIVE,)) and not asked:
        return None  # "supplies are ready to be moved", "talks would be held": no party's intent
    return next((rule for rule in RULES if rule.applies(s)), None)


def vetoed(head: Token, rule: IntentRule) -> bool:
    """The lexicon's own rows for the word of intent, of the statement's type, rule it out in this
    sentence: "ordered the arrest of" is no demand (the REQUEST row of "order" blocks "arrest")."""
    lemmas = sent_lemmas(sentence(head))
    rows = (row for lemma in lemma_forms(head) for row in event_lexicon().get((lemma, pos_of(head)), ()))
    return any(row.type == rule.type and not row.others and row.blocks & lemmas for row in rows)


def intent_mode(rule: IntentRule, act_type: str, act_mode: str | None) -> str | None:
    """The mode of the statement: of a threat, from what it threatens; of a demand or a
    refusal, from the kind of act asked for or refused."""
    if rule.type == "THREATEN":
        modes = read_toml("assertion.toml")["intent_threat_modes"]
        return modes.get(f"{act_type} {act_mode}", modes.get(act_type))
    if rule.type in ("REQUEST", "REJECT"):
        return read_toml("assertion.toml")["intent_asked_modes"].get(act_type)
    return None
