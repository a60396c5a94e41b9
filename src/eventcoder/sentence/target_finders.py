"""Where candidate targets come from (``CANDIDATE_FINDERS``): by the shape of the mention (a passive's
subject, a preposition's object, a light verb's sufferer, a threat's aim, ...), then by the roles its type
plays in the ontology. :mod:`target_rules` picks the target among them."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from ..lexicons.data import cue, fold
from ..nlp import deps
from ..nlp.syntax import child, has_child, is_passive, passive_subject, pos_of, prep_object
from .actor_rules import _light_verb, _noun_trigger, _verb_trigger, declared_clause, travel_verb
from .actors import BY, nearest_subject, undergoes
from .argument_words import words
from .assertion_intent import conditions
from .candidates import (
    addressee,
    aggrieved,
    asked_of,
    hostile_aims,
    sufferer,
    target_candidates,
)
from .draft import Draft, Rule
from .party_words import is_partylike, party_head, party_span
from .things import is_placelike
from .triggers import find_trigger

Found = Iterable[Token | None]


def _passive_trigger(d: Draft) -> Found:
    return [passive_subject(d.t)] if pos_of(d.t) == "VERB" and is_passive(d.t) else []


def _trigger_preposition(d: Draft) -> Found:
    last = d.m.words.split()[-1]
    if pos_of(d.t) == "VERB" and last in cue("arguments.trigger_preps"):
        return [prep_object(d.t, frozenset({last}))]
    return []


def _sufferer_of_light_verb(d: Draft) -> Found:
    if _light_verb(d) and fold(d.g.lemma_) in cue("light_verbs.victim_lemmas"):
        return [*target_candidates(d.t), *[c for c in d.g.children if c.dep_ == deps.SUBJECT]]
    return []


def _light_verb_objects(d: Draft) -> Found:
    if _light_verb(d) and fold(d.g.lemma_) not in cue("light_verbs.victim_lemmas"):
        return [*target_candidates(d.t), *[c for c in target_candidates(d.g) if c.i != d.t.i]]
    return []


def _undergoer(d: Draft) -> Found:
    return [child(d.t, (deps.SUBJECT,))] if _verb_trigger(d) and undergoes(d.t) else []


def _verb_objects(d: Draft) -> Found:
    return target_candidates(d.t) if _verb_trigger(d) else []


def _noun_objects(d: Draft) -> Found:
    return target_candidates(d.t) if _noun_trigger(d) else []


def _subject_noun_object(d: Draft) -> Found:
    t = d.t
    if _noun_trigger(d) and t.dep_ == deps.SUBJECT and t.head.pos_ == "VERB":
        verb = fold(t.head.lemma_)
        return [
            c
            for c in t.head.children
            if c.dep_ == deps.DIRECT_OBJECT and f"{verb} {fold(c.lemma_)}" not in words("happening_idioms")
        ]
    return []


def _passive_clause(d: Draft) -> Found:
    t = d.t
    if _noun_trigger(d) and t.dep_ == deps.SUBJECT_PASSIVE and t.head.pos_ == "VERB":
        return [c for c in target_candidates(t.head) if c.i != t.i and c.dep_ != deps.SUBJECT_PASSIVE]
    return []


def _agent_clause(d: Draft) -> Found:
    return d.agent_targets


def _pursued(d: Draft) -> Found:
    out: list[Token] = []
    for purpose in (
        c
        for w in (d.g, d.t)
        for c in w.children
        if c.dep_ in (deps.ADVERBIAL_CLAUSE, deps.OPEN_COMPLEMENT, deps.ACL)
    ):
        if fold(purpose.lemma_) in cue("targets.pursuit_verbs"):
            found = (child(purpose, (deps.DIRECT_OBJECT,)), prep_object(purpose, words("pursuit_preps")))
            out[:0] = [c for c in found if c is not None]
    return out


def _threat_clauses(d: Draft) -> list[Token]:
    return [
        c for c in (*d.g.children, *d.t.children) if c.dep_ in (deps.CLAUSE_COMPLEMENT, deps.OPEN_COMPLEMENT)
    ]


def _threat_aims(d: Draft) -> Found:
    out: list[Token] = []
    for comp in _threat_clauses(d):
        out[:0] = hostile_aims(comp)
    return out


def _threat_clause(d: Draft) -> Found:
    return [c for comp in _threat_clauses(d) for c in target_candidates(comp) if c.i not in {d.t.i, d.g.i}]


def _recipients(d: Draft) -> Found:
    return [
        c
        for p in d.g.subtree
        if p.dep_ in (deps.PREP, deps.DATIVE)
        and fold(p.lemma_) == "to"
        and child(p.head, (deps.SUBJECT,)) is None
        for c in p.children
        if c.dep_ == deps.PREP_OBJECT
    ]


def _beneficiary(d: Draft) -> Found:
    """ "approved a loan for Kenya": whom the aid is for."""
    return [
        o
        for w in dict.fromkeys((d.t, d.g))
        if pos_of(w) == "NOUN"
        for o in (prep_object(w, words("beneficiary_preps")),)
        if o is not None and is_partylike(o)
    ]


def _handed_to(d: Draft) -> Found:
    """ "offered to extradite the suspects to Chad": whoever receives what is handed over, not the
    people or things handed (the trigger's verb of handing, or the one it governs)."""
    if d.m.type not in words("handing_types"):
        return []  # ("was handed over to the police": a release into custody is done to whom is held)
    verbs = [v for w in dict.fromkeys((d.g, d.t)) for v in (w, *w.children) if pos_of(v) == "VERB"]
    out: list[Token] = []
    for verb in (v for v in verbs if fold(v.lemma_) in words("handing_verbs")):
        heads = {verb.i, *(c.i for c in verb.children if c.dep_ == deps.DIRECT_OBJECT)}
        out += [
            o
            for p in verb.subtree
            if p.dep_ in (deps.PREP, deps.DATIVE)
            and fold(p.lemma_) in words("receiving_preps")
            and p.head.i in heads
            for o in p.children
            if o.dep_ == deps.PREP_OBJECT and is_partylike(o)
        ]
    return out


def _protested_at(d: Draft) -> Found:
    """ "rallied outside the Turkish embassy": a protest at a state's building is aimed at that
    state's organ, before what it denounces."""
    from ..lexicons.actors import actor_index

    out: list[Token] = []
    for verb in dict.fromkeys((d.g, d.t)):
        site = prep_object(verb, words("protest_site_preps"))
        if site is None or pos_of(site) != "NOUN":
            continue
        party = actor_index().resolve(party_span(site).text)
        if party.country is not None and party.sector in words("state_sectors"):
            out.append(site)
    return out


def _aggrieved(d: Draft) -> Found:
    return aggrieved(d.m)


def _addressee(d: Draft) -> Found:
    for verb in (d.g, d.t):
        found = addressee(verb)
        if found is not None:
            return [found]
    return []


def _asked_of(d: Draft) -> Found:
    return [asked_of(d.g)]


def _merged_objects(d: Draft) -> Found:
    return [c for other in d.m.merged for c in (*target_candidates(other), sufferer(other))]


def _blamed_on(d: Draft) -> Found:
    if not (_verb_trigger(d) and fold(d.t.lemma_) in cue("suppress.accusing_heads")):
        return []
    # the parse often hangs "on the opposition" on the deed ("blamed the attack on the market on
    # jihadists"): the last party laid "on" anything in the clause is the accused
    laid = [
        o
        for p in d.t.subtree
        if p.dep_ == deps.PREP and fold(p.lemma_) in words("blamed_on_preps") and _own_clause(p, d.t)
        for o in p.children
        if o.dep_ == deps.PREP_OBJECT and is_partylike(o)
    ]
    return laid[-1:]


def _own_clause(tok: Token, verb: Token) -> bool:
    """Is *tok* in *verb*'s own clause, not in a clause of another verb inside it ("condemned the
    killings, describing them as an attack on farmers": the farmers are not blamed)?"""
    head = tok.head
    while head.i != verb.i and head.head.i != head.i:
        if pos_of(head) in ("VERB", "AUX"):
            return False
        head = head.head
    return head.i == verb.i


def _aim_of_object(d: Draft) -> Found:
    """ "threatened military action against the junta", "opened a criminal case against him": whom
    the act the verb's object names is aimed at, not the act."""
    out: list[Token] = []
    for verb in dict.fromkeys((d.g, d.t)):
        obj = child(verb, (deps.DIRECT_OBJECT,)) if pos_of(verb) == "VERB" else None
        if obj is None or is_partylike(obj) or is_placelike(obj):
            continue
        aim = prep_object(obj, words("object_aim_preps")) or prep_object(verb, words("object_aim_preps"))
        if aim is not None and is_partylike(aim):
            out.append(aim)
    return out


def _dispersed(d: Draft) -> Found:
    """ "fired water cannon and tear gas to clear the demonstrators": whom the force is used on."""
    return [
        child(c, (deps.DIRECT_OBJECT,))
        for w in dict.fromkeys((d.g, d.t))
        for c in w.children
        if c.dep_ in (deps.ADVERBIAL_CLAUSE, deps.OPEN_COMPLEMENT)
        and fold(c.lemma_) in words("dispersal_verbs")
    ]


def _refused_dealings(d: Draft) -> Found:
    """ "rejects any call to negotiate with the militia": the party there is to be no dealing with."""
    return [
        prep_object(v, frozenset({"with"}))
        for v in d.t.subtree
        if pos_of(v) == "VERB" and v.i != d.t.i and fold(v.lemma_) in words("dealing_verbs")
    ]


def _held_to_be(d: Draft) -> Found:
    """ "holds Israel responsible": whom the small clause is about."""
    if not _verb_trigger(d):
        return []
    return [
        child(c, (deps.SUBJECT,))
        for c in d.t.children
        if c.dep_ == deps.CLAUSE_COMPLEMENT and c.pos_ == "ADJ" and c.i > d.t.i
    ]


def _made_to_comply(d: Draft) -> Found:
    """ "would attack unless the mutineers backed down": whoever must meet the condition."""
    return [child(c, (deps.SUBJECT,)) for w in (d.t, d.g) for c in conditions(w)]


def _declared(d: Draft) -> Found:
    """ "declared the ambassador persona non grata": whom the declaration names."""
    clause = declared_clause(d)
    if clause is None:
        return []
    return [child(clause, (deps.SUBJECT,)) or child(clause.head, (deps.DIRECT_OBJECT,))]


def _visited(d: Draft) -> Found:
    """ "flew into the Kyrgyz capital for a state visit": where the visitor went."""
    verb = travel_verb(d)
    return [prep_object(verb, words("destination_preps"))] if verb is not None else []


def _owes_it(d: Draft) -> Found:
    """ "Chad must hand back the seized trucks": whom the act is asked of."""
    return [
        child(v, (deps.SUBJECT,))
        for v in dict.fromkeys((d.t, d.g))
        if pos_of(v) == "VERB" and has_child(v, (deps.AUX,), words("obligation_modals"))
    ]


def _died_in(d: Draft) -> Found:
    """ "Twelve soldiers died in the bombings", "struck by an attack in which eleven gendarmes
    died": who died in the deed (the trigger noun, or the deed a verb trigger's "by" names)."""
    t = d.t
    if pos_of(t) == "VERB":
        t = prep_object(t, BY)
        if t is None or pos_of(t) == "VERB" or find_trigger(t, set()) is None:
            return []
    dying = words("dying_verbs")
    if t.dep_ == deps.PREP_OBJECT and fold(t.head.lemma_) in words("deed_preps"):
        verb = t.head.head
        return [child(verb, (deps.SUBJECT,))] if fold(verb.lemma_) in dying else []
    return [
        child(c, (deps.SUBJECT,))
        for c in t.children
        if c.dep_ == deps.RELATIVE_CLAUSE
        and fold(c.lemma_) in dying
        and any(
            fold(p.lemma_) in words("deed_preps") and has_child(p, (deps.PREP_OBJECT,)) for p in c.children
        )
    ]


def _count_of_the_kind_before(d: Draft) -> Found:
    """ "Around 30 people died and around 100 were wounded in the attack": a count with no noun of
    its own, as what a verb trigger is done to, counts the people the verb before it named."""
    t = d.t
    if not (_verb_trigger(d) and is_passive(t) and t.dep_ == deps.CONJUNCT):
        return []
    count = passive_subject(t)
    if count is None or not count.like_num or party_head(count) is not None:
        return []
    before = child(t.head, (deps.SUBJECT, deps.SUBJECT_PASSIVE))
    return [before] if before is not None and party_head(before) is not None else []


def _came_under(d: Draft) -> Found:
    return [nearest_subject(sufferer(d.t))] if d.g.i == d.t.i else []


CANDIDATE_FINDERS: tuple[Rule, ...] = (
    Rule(
        "passive_trigger",
        "Hamza was handed over to the Stability Support Authority on Tuesday.",
        _passive_trigger,
    ),
    # "called for X", "called on X"
    Rule(
        "trigger_preposition", "The opposition called for an inquiry into the killings.", _trigger_preposition
    ),
    Rule("sufferer_of_light_verb", "The town suffered heavy shelling on Sunday.", _sufferer_of_light_verb),
    Rule("light_verb_objects", "Militants launched a deadly attack on an army base.", _light_verb_objects),
    # what burns down or collapses undergoes it
    Rule("undergoer", "Officials said more than 40 market stalls had burnt down.", _undergoer),
    Rule("verb_objects", "Gunmen attacked the village on Sunday.", _verb_objects),
    Rule("noun_objects", "Residents reported an attack on the base.", _noun_objects),
    Rule("subject_noun_object", "A car bomb rocked a market in Baghdad on Monday.", _subject_noun_object),
    Rule("passive_clause", "The ambush was set against a convoy of soldiers.", _passive_clause),
    # what the actor finders met: "the attack carried out yesterday by the ELN against the base"
    Rule("agent_clause", "The attack was claimed by the ELN against a military base.", _agent_clause),
    # by the roles of the event's type
    Rule(
        "pursued",
        "The army flew troops in to search for the attackers.",
        _pursued,
        role="own_forces",
        front=True,
    ),
    Rule(
        "threat_aims",
        "The president warned that he could ask parliament to approve a declaration of war on Eritrea.",
        _threat_aims,
        type_name="THREATEN",
        front=True,
    ),
    Rule(
        "threat_clause",
        "The gang warned that it would attack any town in the valley.",
        _threat_clause,
        type_name="THREATEN",
    ),
    Rule(
        "recipients",
        "The agency distributed rice, cooking oil and blankets to 600 households.",
        _recipients,
        role="recipient",
    ),
    Rule(
        "beneficiary",
        "The World Bank approved new funding for Somalia on Monday.",
        _beneficiary,
        role="recipient",
    ),
    Rule(
        "handed_to",
        "The authorities refused to hand over the two suspects to Chad.",
        _handed_to,
        front=True,
    ),
    Rule(
        "protested_at",
        "Hundreds rallied outside the Turkish embassy on Friday to denounce the strikes.",
        _protested_at,
        role="grievance",
        front=True,
    ),
    Rule(
        "aggrieved",
        "Hundreds protested outside parliament on Monday, accusing the government of corruption.",
        _aggrieved,
        role="grievance",
        front=True,
    ),
    Rule(
        "addressee",
        "Residents blocked the main road, demanding that the federal government send troops.",
        _addressee,
        role="addressing",
        front=True,
    ),
    # "asked for a UN meeting": the party named on what is asked for is asked
    Rule(
        "asked_of",
        "The opposition asked for an EU inquiry into the killings.",
        _asked_of,
        type_name="REQUEST",
        front=True,
    ),
    # "blamed the bombing on the opposition": whom the deed is laid on, not the deed
    Rule(
        "blamed_on",
        "The government blamed the bombing on the opposition.",
        _blamed_on,
        type_name="ACCUSE",
        front=True,
    ),
    Rule(
        "refused_dealings",
        "The government rejected any call to negotiate with the militia.",
        _refused_dealings,
        type_name="REJECT",
        front=True,
    ),
    Rule(
        "held_to_be",
        "The ministry holds Israel responsible for the attack.",
        _held_to_be,
        type_name="ACCUSE",
        front=True,
    ),
    Rule(
        "made_to_comply",
        "The president said the army would attack unless the mutineers backed down.",
        _made_to_comply,
        type_name="THREATEN",
        front=True,
    ),
    Rule(
        "aim_of_object",
        "The rebels threatened military action against the army unless it withdrew.",
        _aim_of_object,
        front=True,
    ),
    Rule(
        "declared",
        "Ecuador declared the ambassador persona non grata on Thursday.",
        _declared,
        front=True,
    ),
    Rule(
        "owes_it",
        "Chad must hand back the seized trucks, the minister said.",
        _owes_it,
        type_name="REQUEST",
        front=True,
    ),
    Rule(
        "visited",
        "The Tajik president flew into Bishkek on Wednesday for a state visit.",
        _visited,
        type_name="CONSULT",
    ),
    Rule(
        "dispersed",
        "Police fired tear gas early on Sunday to clear the demonstrators from the square.",
        _dispersed,
        role="violence",
        front=True,
    ),
    Rule(
        "died_in",
        "Twelve soldiers died in suicide bombings outside the airport.",
        _died_in,
        role="violence",
        front=True,
    ),
    Rule(
        "count_of_the_kind_before",
        "Around 30 people died and around 100 were wounded in the missile attack.",
        _count_of_the_kind_before,
        role="violence",
    ),
    Rule("merged_objects", "Two soldiers were killed in a gunfight with militants.", _merged_objects),
    # whoever "comes under attack" is attacked
    Rule(
        "came_under", "The police station came under attack from gunmen on Sunday.", _came_under, front=True
    ),
)
