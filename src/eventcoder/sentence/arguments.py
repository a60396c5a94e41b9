"""Actor and target of a mention, read off the dependency parse.

Active and passive voice, possessives ("X's attack on Y"), "by"/"on"/"against" phrases,
subjects of conjoined, controlled and relative clauses, weapons and their owners, victims named
with their fate ("left 11 dead"); and the words that name a party (its head and span).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from ..lexicons.data import cue, fold
from ..lexicons.ontology import types_with
from ..nlp.syntax import (
    child,
    has_child,
    is_passive,
    passive_subject,
    pos_of,
    prep_object,
    sent_ents,
)
from .party_words import is_partylike, party_head
from .triggers import find_trigger

if TYPE_CHECKING:
    from .mention import Mention


def subject_of(verb: Token) -> Token | None:
    """The subject of *verb*, looked for through conjunction, control and relative clauses."""
    seen = set()
    while verb.i not in seen:
        seen.add(verb.i)
        undergoer = passive_subject(verb)
        if undergoer is not None and undergoer.dep_ == "nsubj":
            return prep_object(verb, frozenset({"by"}))  # "with 146 people wounded"
        subj = child(verb, ("nsubj", "csubj"))
        if subj is not None and subj.dep_ == "csubj":
            subj = child(subj, ("nsubj",)) or subj  # "gunmen allegedly working for X opened fire"
        if subj is not None:
            if subj.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
                return verb.head
            return subj
        if child(verb, ("nsubjpass",)) is not None:
            return prep_object(verb, frozenset({"by"}))
        if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
            verb = verb.head
        elif verb.dep_ == "xcomp":
            if fold(verb.head.lemma_) in cue("arguments.object_control"):
                obj = child(verb.head, ("dobj",))
                if obj is not None:
                    return obj
            verb = verb.head
        elif (
            verb.dep_ == "pcomp"
            and fold(verb.head.lemma_) in cue("arguments.time_preps") | {"by", "while", "without"}
            and verb.head.head.pos_ in ("VERB", "AUX")
        ):
            verb = verb.head.head  # "tied up their victims before shooting them": the same doers
        elif verb.dep_ == "advcl" and (
            verb.tag_ in ("VBG", "VBN") or has_child(verb, ("aux",), frozenset({"to"}))
        ):
            verb = verb.head
        elif verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
            if verb.dep_ == "acl" and verb.tag_ == "VBN":
                return prep_object(verb, frozenset({"by"}))
            return verb.head
        else:
            return None
    return None


def _issuer(tok: Token | None) -> Token | None:
    """ "a statement that condemned X": the statement's issuer acts."""
    if tok is not None and fold(tok.lemma_) in cue("arguments.document_nouns"):
        if tok.dep_ in ("dobj", "attr") and tok.head.pos_ == "VERB":
            subj = subject_of(tok.head)
            if subj is not None:
                return subj
    return tok


def verb_arguments(verb: Token) -> tuple[Token | None, Token | None]:
    """(actor, target) of a verb trigger, in active or passive voice."""
    target_preps = cue("arguments.target_preps")
    if is_passive(verb):
        actor = prep_object(verb, frozenset({"by"}))
        target = passive_subject(verb)
        if target is not None and target.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
            target = verb.head
        if target is None and verb.dep_ in ("acl", "amod"):
            target = verb.head
        suffered = cue("casualties.died_verbs") | cue("light_verbs.victim_lemmas")
        if (
            actor is None
            and verb.dep_ == "conj"
            and fold(verb.head.lemma_) not in suffered
            and verb.head.pos_ != "AUX"  # "most of the victims were farmers, and most were killed"
        ):
            # "the rebels attacked and were repulsed"; not "two soldiers died and 26 were wounded"
            # nor "the convoy came under fire and two soldiers were wounded"
            actor = subject_of(verb.head) if not is_passive(verb.head) else None
        return actor, target
    actor = _issuer(subject_of(verb))
    target = child(verb, ("dobj",)) or prep_object(verb, target_preps)
    if _undergoes(verb):
        return None, actor  # "40 stalls burnt down": what burnt, not who burnt it
    return actor, target


def _undergoes(verb: Token) -> bool:
    """Does the verb's subject undergo it: "40 stalls burnt down", "the bridge collapsed"?"""
    return (
        fold(verb.lemma_) in cue("arguments.ergative_verbs")
        and not has_child(verb, ("dobj",))
        and child(verb, ("nsubj",)) is not None
    )


def noun_arguments(noun: Token) -> tuple[Token | None, Token | None]:
    """(actor, target) of a nominal trigger from its own dependents."""
    poss = child(noun, ("poss",))
    if poss is not None and poss.ent_type_ in ("DATE", "TIME"):
        poss = None  # "last Tuesday's attack"
    actor = poss or prep_object(noun, cue("arguments.actor_preps"))
    if actor is None:
        for c in noun.children:
            if c.dep_ in ("compound", "amod", "nmod") and (
                c.ent_type_ in ("NORP", "ORG", "PERSON")
                or (c.ent_type_ == "GPE" and _names_country(c))
                or (c.pos_ == "PROPN" and c.ent_type_ not in ("GPE", "LOC", "FAC", "DATE"))
            ):
                actor = c  # "Israeli strikes", "an ISIS attack"; not "the Homs attack"
                break
    target = prep_object(noun, cue("arguments.target_preps")) or prep_object(noun, frozenset({"of"}))
    for acl in (
        c
        for c in noun.children
        if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" and not has_child(c, ("neg",))
    ):  # (not "attacks that have not been claimed by any group")
        # "the attack carried out yesterday by the ELN against the base", "the agreement that
        # Baghdad and Erbil signed"
        agent = prep_object(acl, frozenset({"by"}))
        if agent is None and acl.dep_ == "relcl":
            subj = child(acl, ("nsubj",))
            agent = subj if subj is not None and subj.tag_ not in ("WDT", "WP") else None
        actor = actor or agent
        target = target or prep_object(acl, cue("arguments.target_preps"))
        subj = child(acl, ("nsubj",))
        if target is None and acl.dep_ == "relcl" and subj is not None and subj.tag_ in ("WDT", "WP"):
            target = child(acl, ("dobj",))  # "the drone strike that targeted a civilian vehicle"
    return actor, target


def _names_country(tok: Token) -> bool:
    from ..lexicons.actors import actor_index

    return (
        actor_index().is_country_or_people(tok.text)
        or actor_index().country_of(tok.text) is not None
        and tok.tag_ == "JJ"
    )


def behind_instrument(tok: Token | None) -> Token | None:
    """ "shells fired by the RSF", "a Russian missile", "a fighter jet of the military": the
    party behind a weapon; a weapon with no party named is no actor."""
    if tok is None or fold(tok.lemma_) not in cue("arguments.instrument_nouns") | cue(
        "arguments.document_nouns"
    ):
        return tok  # (a document speaks for whoever issued it: "leaflets signed by the Clan del Golfo")
    for c in tok.children:
        if c.dep_ == "acl":
            agent = prep_object(c, frozenset({"by"}))
            if agent is not None:
                return agent
    owner = prep_object(tok, frozenset({"of", "from"}))
    if owner is not None and fold(owner.lemma_) not in cue("arguments.instrument_nouns"):
        return owner
    for c in tok.children:
        if c.dep_ == "poss" and c.tag_ == "PRP$":
            return c  # "its drones": whoever "its" points to
        if c.dep_ in ("poss", "compound", "amod", "nmod") and (
            c.ent_type_ in ("NORP", "ORG", "GPE", "PERSON") or c.pos_ == "PROPN" or _names_country(c)
        ):
            # "Pakistani jets" are Pakistan's air force: the whole phrase names the party
            return tok if c.dep_ == "amod" and c.pos_ == "ADJ" else c
    return None


def _party_of_event_noun(tok: Token | None) -> Token | None:
    """ "the eviction of the Iranian regime": the party, not the event noun."""
    if tok is None:
        return None
    if pos_of(tok) == "NOUN" and tok.pos_ != "PROPN" and not is_partylike(tok):  # not "the government of X"
        inner = prep_object(tok, frozenset({"of"}))
        nominal = fold(tok.lemma_).endswith(("ion", "ment", "al", "ing", "ure", "ance", "ence"))
        if inner is not None and (nominal or find_trigger(tok, set()) is not None):
            return inner
        between = prep_object(tok, frozenset({"between", "among"}))
        if between is not None and is_partylike(between):
            return between  # "a dialogue between the government and the separatists"
    return tok


def _casualty_holder(anchor: Token) -> Token | None:
    """Victims named with their fate: "left 11 members dead", "killing 11 people"."""
    fates = {"dead", "wounded", "injured", "kill", "wound", "injure", "die", "hurt"}
    for t in anchor.subtree:
        if fold(t.lemma_) in fates and t.dep_ in ("oprd", "ccomp", "acomp", "xcomp", "conj", "amod"):
            obj = child(t.head, ("dobj",)) if t.dep_ != "amod" else t.head
            if obj is not None and obj.i != anchor.i:
                return obj
    return None


# -- the component ------------------------------------------------------------------------


def _target_candidates(tok: Token) -> list[Token]:
    """Every argument of *tok* that could be its target, in the grammar's order of preference."""
    out: list[Token] = []
    preps = cue("arguments.target_preps") | {"to", "of"}
    if fold(tok.lemma_) in cue("arguments.sought_nouns"):
        preps = preps | {"for"}  # "an arrest warrant for González"
    if pos_of(tok) == "VERB":
        if is_passive(tok):
            out.append(passive_subject(tok))
            if tok.dep_ in ("acl", "amod"):
                out.append(tok.head)
        out += [c for c in tok.children if c.dep_ in ("dobj", "dative", "attr")]
        for comp in (
            c for c in tok.children if c.dep_ == "ccomp" and has_child(c, ("aux",), frozenset({"to"}))
        ):
            # "rejects the ELN's demand to be removed", parsed with the demand as the clause's subject
            out += [c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"]
    for c in tok.children:
        if c.dep_ in ("prep", "dative") and fold(c.lemma_) in preps:
            for g in c.children:
                if g.dep_ == "pcomp" and has_child(g, ("dobj",), frozenset({"what"})):
                    g = child(g, ("oprd", "xcomp")) or g  # "strikes on what it called militant hideouts"
                if fold(c.lemma_) == "with" and _is_weapon(g):
                    out.append(prep_object(g, cue("arguments.target_preps") - {"with"}))
                    continue  # "a strike with an Iskander missile system on a workshop": the means
                if g.dep_ in ("pobj", "pcomp", "oprd", "xcomp"):
                    out.append(g)
    for c in tok.children:  # "fired tear gas to disperse the crowds": whom it was done to
        if c.dep_ in ("advcl", "xcomp") and c.tag_ == "VB" and any(a.lower_ == "to" for a in c.children):
            out += [g for g in c.children if g.dep_ == "dobj" and is_partylike(g)]
    return [c for c in out if c is not None]


def _is_weapon(tok: Token) -> bool:
    """ "an Iskander-M missile system", "heavy machine guns": arms, by their head or a modifier."""
    weapons = cue("arguments.instrument_nouns") | cue("targets.weapon_words")
    return any(fold(w.lemma_) in weapons for w in (tok, *tok.lefts) if w.pos_ in ("NOUN", "PROPN"))


def _stands_for(tok: Token) -> Token:
    """Whom a candidate target stands for: the people a vehicle carries ("a car carrying our
    comrades"); the state an envoy is sent to or comes from ("recalled its ambassador from
    Tehran", "expelled Iran's envoy")."""
    lemma = fold(tok.lemma_)
    partner = partner_of(tok)
    if partner is not None:
        return partner  # "cutting ties with Ecuador"
    if lemma in cue("targets.envoy_nouns") and tok.dep_ == "dobj":
        owner = child(tok, ("poss",))
        if owner is not None and owner.tag_ == "PRP$":
            posts = frozenset({"from", "to", "in"})
            return prep_object(tok, posts) or prep_object(tok.head, posts) or tok  # its own envoy
        return owner if owner is not None and is_partylike(owner) else tok
    if lemma not in cue("targets.physical"):
        return tok
    for c in tok.children:
        if c.dep_ in ("acl", "relcl") and fold(c.lemma_) in cue("targets.carrying_verbs"):
            load = child(c, ("dobj",))
            if load is not None and (is_partylike(load) or load.tag_ == "NNS" and not is_thing(load)):
                return load  # (not "a truck carrying supplies")
    return tok


def is_thing(tok: Token | None, deeds: bool = True) -> bool:
    """Does *tok* name neither a party nor a place nor something that stands for the people in
    it ("a ceasefire", "the curfew", "charges", "control")? Such an object is no target. With
    *deeds*, an event noun is not a thing: it stands for whoever did it ("condemned the raids")."""
    head = party_head(tok)
    if head is None:
        return False
    if head.pos_ == "PROPN" and fold(head.text) in cue("targets.things"):
        return True  # "30 million naira", tagged a proper noun
    if is_partylike(head) or _is_placelike(head) or head.pos_ in ("PROPN", "PRON") or head.ent_type_:
        return False
    lemma, word = fold(head.lemma_), fold(head.text)
    if lemma in cue("targets.physical") or word in cue("targets.physical"):
        return False
    deed = lemma in cue("arguments.wrongdoing_nouns") or find_trigger(head, set()) is not None
    if deed:
        return not deeds  # "condemned the killings": the deed stands for whoever did it
    return (
        lemma in cue("targets.things")
        or word in cue("targets.things")
        or lemma.endswith(tuple(cue("targets.thing_suffixes")))
    )


def owner_of_thing(tok: Token | None) -> Token | None:
    """The party a thing belongs to: "rejected the ELN's demand" is aimed at the ELN."""
    head = party_head(tok)
    if head is None:
        return None
    partner = partner_of(head)
    if partner is not None:
        return partner  # "suspended its partnership with Georgia": Georgia, not "its"
    owner = child(head, ("poss",)) or prep_object(head, frozenset({"of", "by", "from"}))
    return owner if owner is not None and is_partylike(owner) else None


def partner_of(tok: Token | None) -> Token | None:
    """The other side of a tie: "its partnership with Georgia", "relations with Kigali"."""
    head = party_head(tok)
    if head is None or pos_of(head) != "NOUN" or is_partylike(head):
        return None
    partner = prep_object(head, frozenset({"with"}))
    return partner if partner is not None and is_partylike(partner) else None


def doer_of_deed(tok: Token | None) -> Token | None:
    """Who a deed belongs to by its own words: "the ELN's demand", "the attack by the militia"
    (not its "of" phrase: "the killing of civilians" names the victims)."""
    head = party_head(tok)
    if head is None or (
        find_trigger(head, set()) is None and fold(head.lemma_) not in cue("arguments.wrongdoing_nouns")
    ):
        return None
    doer = child(head, ("poss",)) or prep_object(head, frozenset({"by"}))
    return doer if doer is not None and is_partylike(doer) else None


def _is_deed(tok: Token) -> bool:
    """An event noun or a word for wrongdoing: "the strike", "the crime"."""
    return find_trigger(tok, set()) is not None or fold(tok.lemma_) in cue("arguments.wrongdoing_nouns")


def _is_physical(tok: Token) -> bool:
    """A building, vehicle or position that stands for the people in it."""
    head = party_head(tok)
    return head is not None and (
        fold(head.lemma_) in cue("targets.physical") or fold(head.text) in cue("targets.physical")
    )


def _a_site(tok: Token) -> bool:
    """A building or a place that is no party: "Toussaint Louverture International Airport"."""
    head = party_head(tok)
    if head is None or head.ent_type_ in ("GPE", "NORP", "ORG", "PERSON"):
        return False
    return head.ent_type_ in ("FAC", "LOC") or (_is_physical(head) and not is_partylike(head))


def _is_placelike(tok: Token) -> bool:
    return tok.ent_type_ in ("FAC", "LOC", "GPE") or fold(tok.lemma_) in cue("arguments.generic_heads")


def _choose_target(cands: list[Token], exclude: set[int]) -> tuple[Token | None, Token | None]:
    """(the first candidate that names a party or a place, the first candidate at all);
    munitions are never targets ("dropped two bombs on the village")."""
    weapons = cue("arguments.munition_nouns")
    cands = [
        _stands_for(c)
        for c in cands
        if c.i not in exclude and party_head(c) is not None and fold(party_head(c).lemma_) not in weapons
    ]
    for test in (is_partylike, _is_placelike, _is_physical):
        for c in cands:
            if test(c):
                return c, c
    return None, next((c for c in cands if not is_thing(c)), cands[0] if cands else None)


def _addressee(tok: Token) -> Token | None:
    """Whom a demand is addressed to: "demanding that the government act", "urged the allies to
    speed up", "called on the ELN to free": the party asked to act."""
    for verb in (tok, *(c for c in tok.children if c.dep_ in ("advcl", "xcomp", "acl", "conj", "pcomp"))):
        if pos_of(verb) != "VERB" or fold(verb.lemma_) not in cue("targets.demand_verbs"):
            continue
        for comp in (c for c in verb.children if c.dep_ == "ccomp"):
            subj = child(comp, ("nsubj", "nsubjpass"))
            if subj is not None and is_partylike(subj) and subj.tag_ not in ("PRP", "WP"):
                return subj
        obj = prep_object(verb, frozenset({"on", "upon"})) or child(verb, ("dobj",))
        asked_to = any(c.dep_ in ("xcomp", "ccomp") for c in verb.children)
        if obj is not None and asked_to and (is_partylike(obj) or not (is_thing(obj) or _is_placelike(obj))):
            return obj  # "asked the state prosecution service to investigate": whoever is asked to act
        if obj is not None and is_partylike(obj) and fold(verb.lemma_) != "demand":
            return obj
        asked = prep_object(verb, frozenset({"from"}))  # "demanded 30 million naira from the community"
        if asked is not None and is_partylike(asked) and (obj is None or is_thing(obj)):
            return asked
    return None


def _sufferer(noun: Token) -> Token | None:
    """Whoever suffers an event noun: "the base came under attack", "the town suffered shelling"."""
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    if noun.dep_ in ("dobj", "pobj") and fold(verb.lemma_) in cue("light_verbs.victim_lemmas"):
        return child(verb, ("nsubj",))
    return None


def _aggrieved(m: Mention) -> list[Token]:
    """Whom a protest blames, from the words that go with it: "accusing the United States",
    "chanting against Turkey's military presence"."""
    own = [m.governor, m.trigger]
    verbs = [*m.merged, *(c for v in own for c in v.children if c.dep_ in ("advcl", "xcomp", "conj", "acl"))]
    verbs += [c for v in verbs for c in v.children if c.dep_ == "conj"]  # "carrying X and chanting against Y"
    out = []
    for verb in verbs:
        if pos_of(verb) != "VERB" or fold(verb.lemma_) not in cue("targets.grievance_verbs"):
            continue
        for said in (child(verb, ("dobj",)), prep_object(verb, frozenset({"against"}))):
            party = said if said is not None and is_partylike(said) else owner_of_thing(said)
            if party is not None and party.i not in {o.i for o in out}:
                out.append(party)
    return out


def _hostile_aims(clause: Token) -> list[Token]:
    """Parties a threatened act is aimed at, however deep in the clause: "warned that he could
    ask parliament to authorise a declaration of war on Rwanda": Rwanda, not parliament."""
    out = []
    for prep in clause.subtree:
        if prep.dep_ != "prep" or fold(prep.lemma_) not in ("on", "against"):
            continue
        noun, aim = prep.head, child(prep, ("pobj",))
        inner = prep_object(noun, frozenset({"of"}))
        hostile = pos_of(noun) == "NOUN" and any(
            w is not None
            and (find_trigger(w, set()) is not None or fold(w.lemma_) in cue("arguments.mutual_triggers"))
            for w in (noun, inner)
        )
        if hostile and aim is not None and is_partylike(aim):
            out.append(aim)
    return out


def _both_sides(tok: Token | None) -> bool:
    """ "between rival armed groups": one plural, no "and", names both sides."""
    return (
        tok is not None
        and tok.dep_ == "pobj"
        and fold(tok.head.lemma_) in ("between", "among")
        and tok.tag_ in ("NNS", "NNPS")
        and not has_child(tok, ("conj",))
        and is_partylike(tok)
    )


def _is_mutual(m: Mention) -> bool:
    """Events that two sides do to each other: agreements, talks, clashes."""
    return m.type in types_with("mutual") or any(
        fold(t.lemma_) in cue("arguments.mutual_triggers") for t in (m.trigger, *m.merged)
    )


def fill_arguments(m: Mention) -> None:
    g, t = m.governor, m.trigger
    cands: list[Token] = []
    last = m.words.split()[-1]
    if pos_of(t) == "VERB" and is_passive(t):
        cands.append(passive_subject(t))  # "Hamza was handed over to the SSA": Hamza
    if pos_of(t) == "VERB" and last in cue("arguments.trigger_preps"):  # "called for X", "called on X"
        obj = prep_object(t, frozenset({last}))
        if obj is not None:
            cands.append(obj)
    if g.i != t.i:  # light verb + event noun
        if fold(g.lemma_) in cue("light_verbs.victim_lemmas"):
            actor = noun_arguments(t)[0]
            cands += [*_target_candidates(t), *[c for c in g.children if c.dep_ == "nsubj"]]
        else:
            actor = verb_arguments(g)[0] or noun_arguments(t)[0]
            cands += [*_target_candidates(t), *[c for c in _target_candidates(g) if c.i != t.i]]
    elif pos_of(t) == "VERB":
        actor = verb_arguments(t)[0]
        cands += [child(t, ("nsubj",))] if _undergoes(t) else []
        cands += _target_candidates(t)
    else:
        actor = noun_arguments(t)[0]
        cands += _target_candidates(t)
        if t.dep_ == "nsubj" and t.head.pos_ == "VERB":
            cands += [c for c in t.head.children if c.dep_ == "dobj"]
        if t.dep_ == "nsubjpass" and t.head.pos_ == "VERB":  # "a pipe bomb was thrown at their home"
            cands += [c for c in _target_candidates(t.head) if c.i != t.i and c.dep_ != "nsubjpass"]
        if actor is None and t.dep_ in ("nsubj", "nsubjpass") and t.head.tag_ == "VBN":
            # "the attack carried out yesterday by the ELN against the base", parsed as a clause
            actor = prep_object(t.head, frozenset({"by"}))
            if actor is not None:
                cands += [
                    g for c in actor.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"
                ]
                cands += [c for c in _target_candidates(t.head) if c.i != t.i]
        used = t
        while used.dep_ == "conj" and used.head.i != used.i:
            used = used.head  # "fired water cannon and tear gas": the gas is fired too
        if (
            actor is None
            and used.dep_ == "dobj"
            and used.head.pos_ == "VERB"
            and fold(used.head.lemma_) in cue("arguments.using_verbs")
        ):
            actor = subject_of(used.head)  # "riot police fired tear gas"
            cands += [c for c in _target_candidates(used.head) if c.i not in (t.i, used.i)]
    if m.type in types_with("own_forces"):  # "flew troops in to search for the attackers"
        for purpose in (c for w in (g, t) for c in w.children if c.dep_ in ("advcl", "xcomp", "acl")):
            if fold(purpose.lemma_) in cue("targets.pursuit_verbs"):
                cands[:0] = [
                    c
                    for c in (child(purpose, ("dobj",)), prep_object(purpose, frozenset({"for", "against"})))
                    if c is not None
                ]
    if m.type == "THREATEN":  # "warned that it would attack any town": the town
        for comp in (c for c in (*g.children, *t.children) if c.dep_ in ("ccomp", "xcomp")):
            cands[:0] = _hostile_aims(comp)
            cands += [c for c in _target_candidates(comp) if c.i not in {t.i, g.i}]
    if m.type in types_with("recipient"):  # "distributed rice, cooking oil and blankets to 600 households"
        cands += [
            c
            for p in g.subtree
            if p.dep_ in ("prep", "dative") and fold(p.lemma_) == "to" and child(p.head, ("nsubj",)) is None
            for c in p.children
            if c.dep_ == "pobj"
        ]
    if m.type in types_with("grievance"):
        cands[:0] = _aggrieved(m)
    if m.type in types_with("addressing"):
        for verb in (g, t):
            found = _addressee(verb)
            if found is not None:
                cands.insert(0, found)
                break
    for other in m.merged:
        actor = actor or (verb_arguments(other) if pos_of(other) == "VERB" else noun_arguments(other))[0]
        if actor is None and fold(other.lemma_) in cue("arguments.mutual_triggers"):
            actor = prep_object(other, frozenset({"with"}))  # "killed in a gunfight with soldiers"
        cands += [*_target_candidates(other), _sufferer(other)]
    sufferer = _sufferer(t) if g.i == t.i else None
    if sufferer is not None:  # "the base came under attack from the ELN"
        cands.insert(0, sufferer)
        actor = actor or prep_object(t, frozenset({"from", "by"}))
    cands = [c for c in cands if c is not None]
    triggers = {t.i, g.i, *(x.i for x in m.merged)}
    agentive = actor is not None and fold(actor.lemma_).endswith(("er", "or", "ist", "man", "men"))
    if actor is not None and not agentive and (actor.i in triggers or find_trigger(actor, set()) is not None):
        # an event noun as subject ("the raid killed 11", "shells fired by X struck"): its own actor
        if pos_of(actor) != "NOUN":
            actor = None
        elif fold(actor.lemma_) in cue("arguments.instrument_nouns"):
            actor = behind_instrument(actor)
        else:
            actor = noun_arguments(actor)[0]
    actor = behind_instrument(actor)
    if actor is not None and party_head(actor) is None:
        actor = None  # "277 wounded": a number is no actor
    if actor is not None and _a_site(actor):
        cands.insert(0, actor)
        actor = None  # "the airport, which reopened in May": a place does nothing; it is done to
    exclude = triggers | ({actor.i} if actor is not None else set())
    chosen, first = _choose_target(cands, exclude)
    target = _party_of_event_noun(chosen)
    if target is None and m.type == "ASSAULT":
        target = _casualty_holder(m.governor)
    if m.type in types_with("event_target") and target is not None and not is_partylike(target):
        # "gathered in Sinjar to denounce the strike": what is denounced says whom, not where
        done = next((c for c in cands if c.i not in exclude and _is_deed(c)), None)
        if done is not None:
            target, first = None, done
    deed = first is not None and _is_deed(first)
    if target is None and deed and m.type in types_with("event_target"):
        # "condemned the raids": whoever carried them out; "called for the eviction of the
        # regime": the regime
        patient = _party_of_event_noun(first)
        target = patient if patient is not None and patient.i != first.i and is_partylike(patient) else first
    if target is None and first is not None and is_thing(first):
        target = owner_of_thing(first)  # "protests against the government's decision": the government
    guessed = target is None  # a party merely named further on, no argument of the event
    if target is None:
        target = _first_named_party(m, actor) or _party_of_event_noun(first)
    for word in (t, *m.merged):
        sides = prep_object(word, frozenset({"between", "among"})) if actor is None else None
        if sides is not None and is_partylike(sides):
            actor = sides  # "clashes between X and Y"; not "struck between apartment blocks"
    if target is not None and actor is not None and target.i == actor.i:
        target = None
    if _both_sides(actor):
        m.actor, m.target = actor, actor  # "fighting between rival armed groups": they fight each other
        m.confidence = 0.8
        return
    if (
        (
            target is None
            or guessed
            or not is_partylike(target)
            or _is_placelike(target)
            and not _names_country(target)
        )
        and actor is not None
        and _is_mutual(m)
    ):
        # "X and Y signed a deal", "X and Y agreed a ceasefire", "fighting between X and Y": one
        # side acts on the other (a thing agreed is no party to it)
        sides = (actor, *([party_head(actor)] if party_head(actor) is not None else []))
        other = next((c for a in sides for c in a.children if c.dep_ == "conj" and is_partylike(c)), None)
        target = other if other is not None else target
    if target is not None and actor is not None and target.i == actor.i:
        target = None
    m.actor, m.target = actor, target
    m.confidence = (
        0.55 + 0.15 * (actor is not None) + 0.1 * (target is not None) + 0.1 * (pos_of(g) == "VERB")
    )


def _in_circumstance(tok: Token, stop: Token) -> bool:
    """Is *tok* inside an "after talks mediated by X" phrase below *stop*?"""
    circumstance = cue("arguments.circumstance_preps") | cue("arguments.time_preps")
    while tok.i != stop.i and tok.head.i != tok.i:
        if tok.dep_ == "prep" and fold(tok.lemma_) in circumstance:
            return True
        if tok.dep_ == "prep" and fold(tok.head.text) in cue("reporting.according"):
            return True  # "according to the Syria Civil Defence": a source, not a party to it
        tok = tok.head
    return False


def _first_named_party(m: Mention, actor: Token | None) -> Token | None:
    """The first named party to the right of the trigger, inside its clause: the target of
    "a petition warning about the danger that the Iranian regime posed"."""
    inside = {t.i for t in m.governor.subtree}
    skip = {t.i for t in actor.subtree} if actor is not None else set()
    for ent in sent_ents(m.sent):
        if (
            ent.label_ in ("ORG", "NORP", "GPE", "PERSON")
            and ent.start > m.trigger.i
            and ent.root.i in inside
            and ent.root.i not in skip
            and not _in_circumstance(ent.root, m.governor)
        ):
            tok = ent.root
            if ent.label_ == "GPE" and not (
                tok.dep_ in ("dobj", "nsubjpass", "conj")
                or (tok.dep_ == "pobj" and fold(tok.head.lemma_) in cue("arguments.target_preps"))
            ):
                continue  # "in Nairobi", "the centre of Sinjar" say where, not against whom
            while tok.dep_ in ("amod", "compound") and tok.head.i != tok.i:
                tok = tok.head
            if is_thing(tok):
                continue  # "a violation of Afghan sovereignty" names no party
            return tok
    return None
