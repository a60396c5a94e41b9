"""The rules that pick the target among the candidates (``TARGET_RULES``; the candidates come from
:mod:`target_finders`), and the rules that settle the two sides of a mutual event (``SIDE_RULES``)."""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicons.data import cue, fold
from ..lexicons.ontology import types_with
from ..nlp import deps
from ..nlp.syntax import child, has_child, pos_of, prep_object
from .actors import BY, names_country
from .argument_words import words
from .assertion_blame import blamed_in_naming
from .candidates import (
    both_sides,
    casualty_holder,
    first_named_party,
    is_mutual,
    reciprocal_word,
)
from .draft import Draft, Rule
from .party_words import is_partylike, party_head, party_span
from .things import doer_of_deed, is_deed, is_placelike, is_thing, owner_of_thing, party_of_event_noun
from .triggers import is_insult


def _chosen(d: Draft) -> Token | None:
    return party_of_event_noun(d.chosen)


def _casualty_holder(d: Draft) -> Token | None:
    return casualty_holder(d.g)


def _deed_not_place(d: Draft) -> Token | None:
    if is_partylike(d.target):
        return d.target
    done = next((c for c in d.cands if c.i not in d.exclude and is_deed(c)), None)
    if done is None:
        return d.target
    d.first = done
    return None


def _deed_doer(d: Draft) -> Token | None:
    first = d.first
    if first is None or not is_deed(first):
        return None
    patient = party_of_event_noun(first)
    return patient if patient is not None and patient.i != first.i and is_partylike(patient) else first


def _demonym_owner(d: Draft) -> Token | None:
    """ "rejected the French proposal": France; "marched against the Russian invasion": Russia.
    What is aimed at (a deed or a thing, no party) belongs to the state its demonym names."""
    first = d.first
    if (
        first is None
        or pos_of(first) != "NOUN"
        or is_partylike(first)
        or not (is_deed(first) or is_thing(first))
    ):
        return None
    return next((c for c in first.children if c.dep_ == deps.ADJ_MODIFIER and _demonym(c)), None)


def _demonym(tok: Token) -> bool:
    """A modifier that names a state, tagged as an adjective or not ("the Azerbaijani blockade")."""
    from ..lexicons.actors import actor_index

    return names_country(tok) or actor_index().country_of(tok.text) is not None


def _site_in(d: Draft) -> Token | None:
    """ "bombed targets in Cambodia", "would attack any town in the valley": a site that names
    none in particular is the place it is in."""
    site = d.target
    if site is None or pos_of(site) != "NOUN":
        return site
    unnamed = fold(site.lemma_) in words("unnamed_sites") or any(
        c.dep_ == deps.DETERMINER and fold(c.lemma_) in words("any_determiners") for c in site.children
    )
    where = None
    if unnamed:
        where = prep_object(site, frozenset({"in"}))
        if where is None and site.dep_ == deps.DIRECT_OBJECT:
            where = prep_object(site.head, frozenset({"in"}))  # the parse hangs "in" on the verb
    return where if where is not None and (is_placelike(where) or is_partylike(where)) else site


def _others_of_the_kind(d: Draft) -> Token | None:
    """ "Police killed three of the gunmen and arrested 20 others": the others are more of the party
    the verb joined before took as object."""
    t = d.target
    if t is None or fold(t.lemma_) not in words("others_words") or has_child(t, (deps.PREP,)):
        return t
    verb = t.head
    if t.dep_ != deps.DIRECT_OBJECT or verb.dep_ != deps.CONJUNCT:
        return t
    before = child(verb.head, (deps.DIRECT_OBJECT,))
    named = party_head(before) if before is not None else None
    return named if named is not None and named.i != before.i or is_partylike(named) else t


def _insulted(d: Draft) -> Token | None:
    """ "'The station was struck by Russian Nazis,' the governor said": the party the insult names is
    the accused."""
    return d.t if d.m.type == "ACCUSE" and is_insult(d.t) else None


def _blamed_by_naming(d: Draft) -> Token | None:
    """ "The official said the blasts were believed to be an Israeli attack": the party named on the
    deed is the accused."""
    return blamed_in_naming(d.t) if d.m.type == "ACCUSE" else None


def _proposer(d: Draft) -> Token | None:
    """ "rejected the truce plan put forward by Qatar", "backed Chile's bid", "support for Peru's
    position": whoever put forward what the act is about."""
    found = [*d.cands, prep_object(d.t, words("supported_preps")) if pos_of(d.t) == "NOUN" else None]
    for cand in (c for c in found if c is not None and c.i not in d.exclude):
        if pos_of(cand) != "NOUN" or fold(cand.lemma_) not in words("proposal_nouns"):
            continue
        owner = child(cand, (deps.POSSESSIVE,))
        if is_partylike(owner) and (is_thing(cand) or doer_of_deed(cand) is not None):
            return cand  # "the rebels' demand": a thing or a deed stands for its owner further on
        owner = owner or next(
            (prep_object(c, BY) for c in cand.children if c.dep_ == deps.ACL and c.tag_ == "VBN"), None
        )
        owner = owner or prep_object(cand, frozenset({"of"}))  # "the candidacy of his rival Nouri al-Maliki"
        if owner is not None and is_partylike(owner):
            return owner
    return None


def _thing_owner(d: Draft) -> Token | None:
    return owner_of_thing(d.first) if d.first is not None and is_thing(d.first) else None


def _named_further_on(d: Draft) -> Token | None:
    found = first_named_party(d.m, d.actor)
    return None if found is None or _sayer(found) or _backer(found) else found


def _sayer(tok: Token) -> bool:
    """ "..., the governor of the province, Ana Lima, told Reuters": who tells of the event (the
    subject of a verb of saying, or its apposition, or the words just before a closing verb of
    saying the parse hung elsewhere) is no party to it."""
    root = tok.sent.root
    if root.i > tok.i and fold(root.lemma_) in cue("reporting.lemmas"):
        subj = child(root, (deps.SUBJECT,))
        if subj is not None:
            return subj.left_edge.i <= tok.i <= subj.right_edge.i
        return not any(pos_of(w) in ("VERB", "AUX") for w in tok.doc[tok.i + 1 : root.i])
    while tok.dep_ in (deps.APPOSITION, deps.COMPOUND) and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == deps.SUBJECT and fold(tok.head.lemma_) in cue("reporting.lemmas")


def _backer(tok: Token) -> bool:
    """ "the Iranian-backed militia", "Saudi-led forces": a name inside a hyphened modifier names
    who backs or leads a party, not whom an event is aimed at."""
    head = tok.head
    return (
        head.i == tok.i + 2
        and tok.doc[tok.i + 1].text in ("-", "\u2010")
        and head.dep_ == deps.ADJ_MODIFIER
        and head.tag_ == "VBN"
    )


def _first_candidate(d: Draft) -> Token | None:
    return party_of_event_noun(d.first)


TARGET_RULES: tuple[Rule, ...] = (
    Rule("insulted", 'The mayor said "Russian fascists shelled our school" on Monday.', _insulted),
    Rule(
        "blamed_by_naming",
        "The official said the blasts were believed to be an Israeli attack.",
        _blamed_by_naming,
    ),
    Rule("proposer", "Parliament rejected the ceasefire plan drawn up by Qatar.", _proposer),
    # the first candidate that names a party or a place (the party of an event noun: "the
    # eviction of the regime")
    Rule("chosen", "Gunmen attacked the village on Sunday.", _chosen),
    Rule(
        "casualty_holder",
        "Gunmen opened fire on Monday, leaving 11 people dead.",
        _casualty_holder,
        type_name="ASSAULT",
    ),
    Rule(
        "site_in",
        "Thai F-16 jets bombed targets in Cambodia on Thursday.",
        _site_in,
        overrides=True,
    ),
    # "gathered in Sinjar to denounce the strike": what is denounced says whom, not where
    Rule(
        "deed_not_place",
        "Hundreds of Yazidis marched to the border town to denounce the crime.",
        _deed_not_place,
        role="event_target",
        overrides=True,
    ),
    Rule(
        "demonym_owner",
        "Parliament rejected the French proposal for a joint force.",
        _demonym_owner,
        role="event_target",
    ),
    # "condemned the raids": whoever carried them out; "called for the eviction of the regime"
    Rule("deed_doer", "The government condemned the raids.", _deed_doer, role="event_target"),
    # "protests against the government's decision": the government
    Rule(
        "thing_owner", "Thousands joined protests against the government's decision on Sunday.", _thing_owner
    ),
    # a party merely named further on, no argument of the event
    Rule(
        "named_further_on",
        "Activists signed a petition warning about the danger that the Iranian regime posed.",
        _named_further_on,
        guess=True,
    ),
    Rule(
        "first_candidate",
        "Officials said more than 40 market stalls had burnt down.",
        _first_candidate,
        guess=True,
    ),
    Rule(
        "others_of_the_kind",
        "Police killed three of the gunmen and arrested 20 others.",
        _others_of_the_kind,
        overrides=True,
    ),
)


def _between(d: Draft) -> bool:
    if d.actor is not None:
        return False
    for word in (d.t, *d.m.merged):
        sides = prep_object(word, words("sides_preps"))
        if sides is not None and sides.pos_ == "PRON":
            continue  # "detained 11 people, among them four gunmen": whom they include, not sides
        if sides is not None and is_partylike(sides):
            d.actor = sides  # "clashes between X and Y"; not "struck between apartment blocks"
            other = next((c for c in sides.children if c.dep_ == deps.CONJUNCT and is_partylike(c)), None)
            if _armed_side_acts(d, sides, other):
                d.actor, d.target = other, sides  # "between protesters and the police": the police act
            return True
    return False


def _armed_side_acts(d: Draft, one: Token, other: Token | None) -> bool:
    """Violence between unarmed people and an armed side ("clashes between protesters and the
    police"): the armed side does it to them; a protest between them ("scuffles between the police
    and the demonstrators", told as a protest) is the unarmed side's."""
    if other is None:
        return False
    if d.m.type in types_with("grievance"):
        return _unarmed(other) and not _unarmed(one)
    return d.m.type in types_with("violence") and _unarmed(one) and not _unarmed(other)


def _unarmed(tok: Token) -> bool:
    from ..lexicons.actors import actor_index

    party = actor_index().resolve(party_span(party_head(tok) or tok).text)
    return party is not None and party.sector in words("unarmed_sectors")


def _not_oneself(d: Draft) -> bool:
    if d.target is not None and d.actor is not None and d.target.i == d.actor.i:
        d.target = None
        return True
    return False


def _reciprocal(d: Draft) -> bool:
    """ "Thailand and Cambodia blamed each other": the one side's act on the other (the mention's
    twin, :func:`~.mentions.find_mentions`, is the other's); "the two countries accused each
    other", "each side accused the other": one plural names both."""
    if d.actor is None or is_mutual(d.m) or reciprocal_word(d.g) is None:
        return False
    sides = (d.actor, *([party_head(d.actor)] if party_head(d.actor) is not None else []))
    other = next((c for a in sides for c in a.children if c.dep_ == deps.CONJUNCT and is_partylike(c)), None)
    d.target, d.settled = other or d.actor, True
    return True


def _both_sides(d: Draft) -> bool:
    if both_sides(d.actor):
        d.target, d.settled = d.actor, True
        return True
    return False


def _counterpart(d: Draft) -> bool:
    target, actor = d.target, d.actor
    open_target = (
        target is None
        or d.guessed
        or not is_partylike(target)
        or is_placelike(target)
        and not names_country(target)
    )
    if not (open_target and actor is not None and is_mutual(d.m)):
        return False
    sides = (actor, *([party_head(actor)] if party_head(actor) is not None else []))
    other = next((c for a in sides for c in a.children if c.dep_ == deps.CONJUNCT and is_partylike(c)), None)
    if other is None:
        return False
    d.target = other
    if _armed_side_acts(d, actor, other):
        d.actor, d.target = other, actor  # "protesters and the police clashed": the police act
    return True


NOT_ONESELF = Rule(
    "not_oneself",
    "The clashes between the 444 Brigade and the Special Deterrence Force erupted on Monday.",
    _not_oneself,
)
SIDE_RULES: tuple[Rule, ...] = (
    # "accused each other": each side does it to the other
    Rule("reciprocal", "Thailand and Cambodia blamed each other for the fighting.", _reciprocal),
    Rule(
        "between",
        "The clashes between the 444 Brigade and the Special Deterrence Force erupted on Monday.",
        _between,
    ),
    NOT_ONESELF,
    # one plural "between" names both sides: they fight each other
    Rule("both_sides", "Fighting between rival militias killed 12 people in the city.", _both_sides),
    # "X and Y signed a deal", "fighting between X and Y": one side acts on the other (a thing
    # agreed is no party to it)
    Rule("counterpart", "Russia and Turkey agreed a ceasefire in March 2020.", _counterpart),
    NOT_ONESELF,
)
