"""The actor finders, in order (the first that names an actor gives it), and the checks that
then make sure the actor is a party and not an event, a weapon, a number or a place."""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicons.data import cue, fold, word_lists
from ..lexicons.ontology import ontology
from ..nlp import deps
from ..nlp.syntax import child, has_child, is_passive, pos_of, prep_object
from .actors import (
    BY,
    behind_instrument,
    names_country,
    nearest_subject,
    noun_arguments,
    subject_of,
    verb_arguments,
)
from .argument_words import endings, words
from .candidates import sufferer, target_candidates
from .draft import Draft, Rule
from .party_words import is_partylike, party_head
from .things import a_site
from .triggers import find_trigger, is_insult


def _light_verb(d: Draft) -> bool:
    return d.g.i != d.t.i


def _verb_trigger(d: Draft) -> bool:
    return d.g.i == d.t.i and pos_of(d.t) == "VERB"


def _noun_trigger(d: Draft) -> bool:
    return d.g.i == d.t.i and pos_of(d.t) != "VERB"


def _light_verb_subject(d: Draft) -> Token | None:
    if _light_verb(d) and fold(d.g.lemma_) not in cue("light_verbs.victim_lemmas"):
        return verb_arguments(d.g)[0]
    return None


def _organiser(d: Draft) -> Token | None:
    """ "thousands joined a march organised by the students' union": who organised, called or led
    the event the noun names is its actor, not whoever joined it."""
    for c in d.t.children:
        if c.dep_ == deps.ACL and c.tag_ == "VBN" and fold(c.lemma_) in words("organising_verbs"):
            agent = prep_object(c, BY)
            if agent is not None and is_partylike(agent):
                return agent
    return None


def _operation_by(d: Draft) -> Token | None:
    """ "was detained during an operation carried out by the National Guard": who carried out the
    operation a deed told in the passive was done in did the deed."""
    if not (_verb_trigger(d) and is_passive(d.t)) or prep_object(d.t, BY) is not None:
        return None
    preps = [c for c in d.t.children if c.dep_ == deps.PREP and fold(c.lemma_) in words("operation_preps")]
    nouns = [o for p in preps for o in p.children if o.dep_ == deps.PREP_OBJECT]
    nouns += [a for o in nouns for a in o.children if a.dep_ == deps.APPOSITION]  # "an operation, a patrol"
    for noun in nouns:
        for c in noun.children:
            if c.dep_ == deps.ACL and c.tag_ == "VBN" and fold(c.lemma_) in words("conducting_verbs"):
                agent = prep_object(c, BY)
                if agent is not None and is_partylike(agent):
                    return agent
    return None


def _event_noun_own(d: Draft) -> Token | None:
    return noun_arguments(d.t)[0] if not _verb_trigger(d) else None


def _verb_subject(d: Draft) -> Token | None:
    return verb_arguments(d.t)[0] if _verb_trigger(d) else None


def _clause_parsed_agent(d: Draft) -> Token | None:
    t = d.t
    if not (_noun_trigger(d) and t.dep_ in (deps.SUBJECT, deps.SUBJECT_PASSIVE) and t.head.tag_ == "VBN"):
        return None
    actor = prep_object(t.head, BY)
    if actor is not None:  # what the agent's own phrases and the clause name may be the target
        d.agent_targets += [
            g for c in actor.children if c.dep_ == deps.PREP for g in c.children if g.dep_ == deps.PREP_OBJECT
        ]
        d.agent_targets += [c for c in target_candidates(t.head) if c.i != t.i]
    return actor


def _weapon_user(d: Draft) -> Token | None:
    if not _noun_trigger(d):
        return None
    used = d.t
    while used.dep_ == deps.CONJUNCT and used.head.i != used.i:
        used = used.head  # "fired water cannon and tear gas": the gas is fired too
    verb = used.head
    if (
        used.dep_ == deps.DIRECT_OBJECT
        and verb.pos_ == "VERB"
        and fold(verb.lemma_) in cue("arguments.using_verbs")
    ):
        d.agent_targets += [c for c in target_candidates(verb) if c.i not in (d.t.i, used.i)]
        return subject_of(verb)
    return None


def _merged_words(d: Draft) -> Token | None:
    for other in d.m.merged:
        actor = (verb_arguments(other) if pos_of(other) == "VERB" else noun_arguments(other))[0]
        if actor is not None:
            return actor
        if fold(other.lemma_) in cue("arguments.mutual_triggers"):
            actor = prep_object(other, frozenset({"with"}))
            if actor is not None:
                return actor
    return None


def _attack_from(d: Draft) -> Token | None:
    if d.g.i == d.t.i and sufferer(d.t) is not None:
        return prep_object(d.t, words("attacker_preps"))
    return None


def _reactor(d: Draft) -> Token | None:
    """ "The raid drew condemnation from the UN": whom the reaction came from."""
    t = d.t
    if not (_noun_trigger(d) and t.dep_ == deps.DIRECT_OBJECT):
        return None
    if fold(t.head.lemma_) not in cue("suppress.reaction_verbs"):
        return None
    came_from = word_lists("assertion.toml")["reactor_preps"]
    return prep_object(t, came_from) or prep_object(t.head, came_from)


def travel_verb(d: Draft) -> Token | None:
    """The verb of travel a visit or talks are the errand of: "flew into Bishkek for a state visit",
    "arrived in Riyadh on an official visit"."""
    t = d.t
    if not (_noun_trigger(d) and t.dep_ == deps.PREP_OBJECT and fold(t.head.lemma_) in words("errand_preps")):
        return None
    verb = t.head.head
    return verb if verb.pos_ == "VERB" and fold(verb.lemma_) in words("travel_verbs") else None


def declared_clause(d: Draft) -> Token | None:
    """ "declared the ambassador persona non grata": the small clause (often parsed as a clause
    of its own, "the ambassador" its subject) whose predicate is the trigger noun."""
    w = d.t
    if pos_of(w) == "VERB":
        return None
    for _ in range(3):
        if w.head.i == w.i:
            return None
        if fold(w.head.lemma_) in words("declaring_verbs") and (
            w.dep_ in (deps.CLAUSE_COMPLEMENT, deps.OPEN_COMPLEMENT, deps.OBJECT_PREDICATE)
            or w.dep_ == deps.CONJUNCT  # "declared the ambassador, X, persona non grata", misparsed
            and is_partylike(child(w.head, (deps.DIRECT_OBJECT,)))
        ):
            return w
        w = w.head
    return None


def _declarer(d: Draft) -> Token | None:
    """ "Ecuador declared the ambassador persona non grata": who declared."""
    clause = declared_clause(d)
    return subject_of(clause.head) if clause is not None else None


def _visitor(d: Draft) -> Token | None:
    """ "The president flew into Bishkek for a state visit": who travelled."""
    verb = travel_verb(d)
    return subject_of(verb) if verb is not None else None


def _speaker(d: Draft) -> Token | None:
    """Who says the sentence the mention stands in: the subject of the nearest verb of saying above
    it ("'this is a war crime,' the mayor said")."""
    child, head = d.g, d.g.head
    while head.i != child.i:
        if head.pos_ == "VERB" and fold(head.lemma_) in cue("reporting.lemmas"):
            return subject_of(head)
        child, head = head, head.head
    return None


def _blame_bearer(d: Draft) -> Token | None:
    """ "The council said ISIS bears sole responsibility", "the blame lies with the militia": who
    bears the blame is the accusation's target, and who says so lays it."""
    if d.m.type != "ACCUSE" or not _verb_trigger(d) or fold(d.t.lemma_) not in words("blame_bearing_verbs"):
        return None
    bearer = next(
        (c for c in (subject_of(d.t), prep_object(d.t, ("with", "on"))) if c is not None and is_partylike(c)),
        None,
    )
    if bearer is None:
        return None
    d.agent_targets.append(bearer)
    return _speaker(d)


def _not_the_insulted(d: Draft) -> Token | None:
    """The speaker of an insult is not the party it names: with no speaker in the sentence, no actor."""
    if d.actor is None or not (d.m.type == "ACCUSE" and is_insult(d.t)):
        return d.actor
    return None if d.actor.i == d.t.i or d.actor.head.i == d.t.i else d.actor


def _spoken_judgement(d: Draft) -> Token | None:
    """A judgement by a copula or an adjective ("is a provocation", "reckless attacks") is the
    speaker's: the copula's subject is what is judged."""
    copula = _verb_trigger(d) and fold(d.t.lemma_) in word_lists("assertion.toml")["be_auxiliaries"]
    insult = d.m.type == "ACCUSE" and is_insult(d.t)  # "struck by Russian Nazis," the governor said
    return _speaker(d) if copula or insult or pos_of(d.t) is None else None


def _statement_speaker(d: Draft) -> Token | None:
    """A statement with no doer of its own ("the corridors must stay open", she said) is its speaker's."""
    return _speaker(d) if ontology().types[d.m.type].quad.startswith("verbal") else None


def _measure_announcer(d: Draft) -> Token | None:
    """ "The junta announced that borders were shut and a curfew was in force", "the army announced
    a curfew and the closure of borders": a measure with no doer of its own is whoever announced it."""
    if d.m.mode not in words("announced_measures"):
        return None
    child, head = d.g, d.g.head
    while head.i != child.i:
        if head.pos_ == "VERB" and fold(head.lemma_) in words("measure_announcers"):
            doer = subject_of(head)
            return doer if is_partylike(doer) else None
        child, head = head, head.head
    return None


def _verbal(d: Draft) -> bool:
    return ontology().types[d.m.type].quad.startswith("verbal")


def _passive_statement(d: Draft) -> Token | None:
    """ "'The regime must be punished,' the leader said": a threat, a demand or a reproach put in the
    passive with no "by" is the speaker's."""
    if not (_verb_trigger(d) and _verbal(d) and is_passive(d.t) and prep_object(d.t, BY) is None):
        return None
    return _speaker(d)


def _blamed(d: Draft) -> Token | None:
    """ "A drone attack set fire to a depot, the governor said, blaming Ukraine": a deed with no
    doer named is laid by the teller on whom the teller blames."""
    if d.actor is not None or _verbal(d):
        return d.actor
    node = d.g
    while True:
        for c in node.children:
            if (
                c.dep_ == deps.ADVERBIAL_CLAUSE
                and c.i not in d.triggers
                and fold(c.lemma_) in words("blaming_verbs")
            ):
                blamed = child(c, (deps.DIRECT_OBJECT,))
                if is_partylike(blamed):
                    return blamed
        if node.head.i == node.i:
            return None
        node = node.head


def _beside_the_deed(d: Draft) -> Token | None:
    """ "The UN condemned the attack that killed 12 and urged an inquiry": a verb of saying parsed
    as joined to the clause on a deed is joined to the verb the deed is the object of (a deed urges
    nothing)."""
    t = d.t
    if not (
        _verb_trigger(d) and _verbal(d) and t.dep_ == deps.CONJUNCT and t.head.dep_ == deps.RELATIVE_CLAUSE
    ):
        return None
    deed = t.head.head
    if child(t, deps.SUBJECTS) is not None or deed.dep_ != deps.DIRECT_OBJECT:
        return None
    return subject_of(deed.head) if find_trigger(deed, set()) is not None else None


def _reporter_before(d: Draft) -> Token | None:
    """ "Biden said he was shocked, condemned the act and ...", parsed with "said" as the clause of
    "condemned": a verb with no subject whose reported clause comes before it is the reporter's."""
    t = d.t
    if not _verb_trigger(d) or child(t, deps.SUBJECTS) is not None:
        return None
    for c in t.lefts:
        if c.dep_ == deps.CLAUSE_COMPLEMENT and fold(c.lemma_) in cue("reporting.lemmas"):
            return subject_of(c)
    return None


def _forces_sent(d: Draft) -> Token | None:
    """ "Police were deployed to the palace": the forces sent stand for whoever sends them."""
    t = d.t
    if d.m.type != "MOBILIZE" or not (_verb_trigger(d) and is_passive(t)) or prep_object(t, BY) is not None:
        return None
    sent = child(t, (deps.SUBJECT_PASSIVE,))
    return sent if is_partylike(sent) else None


def _behind_the_deed(d: Draft) -> Token | None:
    """ "Police arrested the militants behind the bombing": the doers the deed is tied to by
    "behind" ("those behind the attack")."""
    t = d.t
    if not (_noun_trigger(d) and t.dep_ == deps.PREP_OBJECT and fold(t.head.lemma_) in words("behind_preps")):
        return None
    doers = t.head.head
    if doers.pos_ in ("VERB", "AUX"):  # the parse hangs "behind" on the verb: its object just before
        doers = child(doers, (deps.DIRECT_OBJECT,)) or doers
        if doers.right_edge.i != t.head.i - 1:
            return None
    return doers if doers.i != t.head.i and is_partylike(doers) else None


def _gathering_of(d: Draft) -> Token | None:
    """ "a summit of West African leaders", "a meeting of the council": who gathers."""
    if pos_of(d.t) == "VERB" or fold(d.t.lemma_) not in words("gathering_nouns"):
        return None
    members = prep_object(d.t, frozenset({"of"}))
    return members if is_partylike(members) else None


def _deed_of_the_clause(d: Draft) -> Token | None:
    """ "Damiba seized power in a coup": a deed told as the manner of an act with an object is the
    act's doer's ("lost their homes in the attack", "died in the attack" are no doing of it)."""
    t = d.t
    if not (_noun_trigger(d) and t.dep_ == deps.PREP_OBJECT and fold(t.head.lemma_) in words("deed_preps")):
        return None
    verb = t.head.head
    if verb.pos_ != "VERB" or is_passive(verb) or child(verb, (deps.DIRECT_OBJECT,)) is None:
        return None
    if fold(verb.lemma_) in cue("light_verbs.victim_lemmas") | words("loss_verbs"):
        return None
    doer = subject_of(verb)
    return doer if is_partylike(doer) else None


ACTOR_FINDERS: tuple[Rule, ...] = (
    # a judgement by a copula or an adjective of condemnation: whoever says it
    Rule("spoken_judgement", "The mayor said the shelling of the school was a war crime.", _spoken_judgement),
    # (and so is an insult in quotation marks: the mayor said "Russian fascists shelled our school")
    # the one who bears the blame is the target; the one who says so lays it
    Rule(
        "blame_bearer",
        "The council said the militia bears full responsibility for the attack.",
        _blame_bearer,
    ),
    # a reaction a deed drew: "drew sharp criticism from the United Nations"
    Rule("reactor", "The raid drew sharp criticism from the United Nations.", _reactor),
    # "'The regime must be punished,' the leader said": a passive threat or demand is the speaker's
    Rule(
        "passive_statement",
        "The general said the traitors will be punished.",
        _passive_statement,
    ),
    # a verb of saying parsed as joined to the clause on a deed: the doer of the verb above
    Rule(
        "beside_the_deed",
        "The council condemned the bombing that wounded dozens and demanded an inquiry.",
        _beside_the_deed,
    ),
    # forces sent stand for whoever sends them
    Rule("forces_sent", "The minister said troops had been deployed to the border.", _forces_sent),
    # who organised, called or led the event the noun names, not who joined it
    Rule(
        "organiser",
        "Clashes began after thousands joined a protest march organised by the dockers' union.",
        _organiser,
    ),
    # a passive deed done in an operation someone carried out: "during a raid conducted by police"
    Rule(
        "operation_by",
        "The suspect was detained during a night raid carried out by the border police.",
        _operation_by,
    ),
    # the subject of a light verb that carries the event noun
    Rule("light_verb_subject", "Militants launched a deadly attack on an army base.", _light_verb_subject),
    # "declared the ambassador persona non grata": who declared
    Rule("declarer", "Ecuador declared the ambassador persona non grata on Thursday.", _declarer),
    # an event noun's owner, its "by" phrase, its clause or a national modifier
    Rule("event_noun_own", "The army said Israeli strikes hit a school in Gaza.", _event_noun_own),
    # the doers a deed is tied to by "behind": "the militants behind the bombing"
    Rule(
        "behind_the_deed", "Police arrested the militants behind the bombing of the market.", _behind_the_deed
    ),
    # who gathers at a summit or a meeting: "a summit of West African leaders"
    Rule("gathering_of", "A summit of Arab foreign ministers was held in Cairo on Monday.", _gathering_of),
    # the subject of a verb (through conjoined, controlled and relative clauses), or its agent
    Rule("verb_subject", "Gunmen attacked the village on Sunday.", _verb_subject),
    # a verb with no subject whose reported clause, misparsed, comes before it: the reporter
    Rule(
        "reporter_before",
        'In a statement, US Secretary of State Antony Blinken said he was "deeply saddened to learn of the'
        ' killing," condemned the "cowardly attack" and wished the wounded a full recovery.',
        _reporter_before,
    ),
    # an event noun parsed as the subject of a participle: "the attack carried out yesterday by the
    # ELN against the base"
    Rule(
        "clause_parsed_agent",
        "The attack was claimed by the ELN against a military base.",
        _clause_parsed_agent,
    ),
    # whoever travels for the visit or the talks the noun names
    Rule("visitor", "The Tajik president flew into Bishkek on Wednesday for a state visit.", _visitor),
    # whoever fires or uses what the event noun names
    Rule("weapon_user", "Soldiers fired warning shots and tear gas at the protesters.", _weapon_user),
    # another word for the same event, or its "with" phrase: "killed in a gunfight with soldiers"
    Rule("merged_words", "Two soldiers were killed in a gunfight with militants.", _merged_words),
    # "came under attack from": whom the attack came from
    Rule("attack_from", "The police station came under attack from gunmen on Sunday.", _attack_from),
    # a deed told as the manner of an act: "seized power in a coup"
    Rule(
        "deed_of_the_clause",
        "The general took control of the country in a coup in 2021.",
        _deed_of_the_clause,
    ),
    # a statement with no doer of its own: whoever says it
    Rule(
        "statement_speaker",
        "The envoy said the humanitarian corridors must stay open.",
        _statement_speaker,
    ),
    # a measure with no doer of its own: whoever announced it
    Rule(
        "measure_announcer",
        "The junta announced that the borders were shut and a curfew was in force.",
        _measure_announcer,
    ),
)


def _event_noun_actor(d: Draft) -> Token | None:
    """An event noun as subject ("the raid killed 11", "shells fired by X struck"): its own actor."""
    actor = d.actor
    if actor is None or fold(actor.lemma_).endswith(endings("agent_suffixes")):
        return actor
    if actor.i not in d.triggers and find_trigger(actor, set()) is None:
        return actor
    if pos_of(actor) != "NOUN":
        return None
    if fold(actor.lemma_) in cue("arguments.instrument_nouns"):
        return behind_instrument(actor)
    return noun_arguments(actor)[0]


def _weapon_owner(d: Draft) -> Token | None:
    head = party_head(d.actor) if d.actor is not None else None
    if head is not None and head.i != d.actor.i and fold(head.lemma_) in cue("arguments.instrument_nouns"):
        return behind_instrument(head)  # "one of the missiles hit it": the missiles, whose owner
    return behind_instrument(d.actor)


def _no_number(d: Draft) -> Token | None:
    return None if d.actor is not None and party_head(d.actor) is None else d.actor


def _site_owner(d: Draft) -> Token | None:
    """ "Israeli jails released 39 detainees": a site that acts on a party stands for the state
    or group its modifier names."""
    obj = child(d.g, (deps.DIRECT_OBJECT,)) if pos_of(d.g) == "VERB" else None
    if obj is None or not is_partylike(obj):
        return None
    return next(
        (
            c
            for c in d.actor.children
            if c.dep_ in (deps.ADJ_MODIFIER, deps.COMPOUND, deps.POSSESSIVE)
            and (c.ent_type_ in ("NORP", "ORG", "GPE") or names_country(c))
        ),
        None,
    )


def _owned_site_acts(d: Draft) -> Token | None:
    owner = _site_owner(d) if d.actor is not None and a_site(d.actor) else None
    return owner if owner is not None else d.actor


def _site_is_done_to(d: Draft) -> Token | None:
    """A place does nothing; it is done to (but "the president's office accused Mexico": an office
    that speaks is the body in it)."""
    if d.actor is not None and a_site(d.actor) and not _speaking_body(d):
        d.cands.insert(0, d.actor)
        d.found.append(("site_is_done_to", d.actor))
        return None
    return d.actor


def _bare_participle_subject(d: Draft) -> Token | None:
    """ "The assets of the state frozen in foreign banks": a thing as subject of a past participle
    with no auxiliary and no object (a headline's passive) is what the deed is done to, not its
    doer; "the operation killed 300" has an object, and is told in the active, and so is a clause
    within the sentence ("the accord that both sides signed"): only a fragment's own verb counts."""
    a = d.actor
    if a is None or a.dep_ != deps.SUBJECT or not _participle(a.head):
        return a
    if (
        a.head.dep_ != deps.ROOT
        or child(a.head, (deps.AUX, deps.AUX_PASSIVE, deps.DIRECT_OBJECT)) is not None
    ):
        return a
    if not is_partylike(a):
        return None
    verb = a.head
    finite_elsewhere = any(c.dep_ == deps.CONJUNCT and has_child(c, (deps.AUX,)) for c in verb.children)
    if verb.tag_ != "VBN" or verb.i != d.t.i or not finite_elsewhere:
        return a
    # "The 13 people arrested on Tuesday will be tried", parsed with "arrested" as the main verb and
    # "will be tried" joined to it: people a bare participle tells of undergo it
    d.cands.insert(0, a)
    d.found.append(("bare_participle_subject", a))
    return None


def _participle(verb: Token) -> bool:
    return verb.tag_ == "VBN" or (
        verb.tag_ == "VBD" and fold(verb.text).endswith(endings("participle_endings"))
    )


def _subject_in_time_phrase(d: Draft) -> Token | None:
    """ "The scene after a junta jet bombed the village", parsed with "the scene" as the subject:
    a subject that names no party, whose "after" phrase ends where the verb starts, holds the doer."""
    a = d.actor
    if a is None or a.dep_ != deps.SUBJECT or is_partylike(a) or a.i in d.triggers:
        return a
    inner = prep_object(a, cue("arguments.time_preps"))
    if inner is not None and inner.right_edge.i == a.head.i - 1:
        if is_partylike(inner) or fold(inner.lemma_) in cue("arguments.instrument_nouns"):
            return inner
    return a


def _named_in_apposition(d: Draft) -> Token | None:
    """ "the culprits, soldiers of the 3rd Brigade, burned the market": a subject that names no
    party, with one in apposition, is that party."""
    a = d.actor
    if a is None or a.dep_ != deps.SUBJECT or is_partylike(a) or a.i in d.triggers:
        return a
    named = child(a, (deps.APPOSITION,))
    return named if named is not None and is_partylike(named) else a


def _nearest_subject(d: Draft) -> Token | None:
    """ "Belgrade, Sep 24 - Armed men killed a police officer": a verb parsed with two subjects
    has the one next to it; the first is a dateline's place (and a dateline's place the parse hung
    the clause on is no actor either)."""
    return _dateline_place(d, nearest_subject(d.actor))


# The most words a dateline has before its mark: "NAIROBI, Kenya, July 9 -".
_DATELINE = 7


def _dateline_place(d: Draft, a: Token | None) -> Token | None:
    """ "Colombo: Protesters demanding reform stormed the palace", parsed with the rest hung on
    "Colombo": the word that opens the sentence before a dateline's mark ("Colombo:", "NAIROBI,
    July 9 -") is no actor; the party named as a subject between the mark and the verb is."""
    verb = d.g
    sent = verb.sent
    if a is None or a.i > verb.i or any(not t.is_space for t in sent[: a.i - sent.start]):
        return a
    mark = next(
        (t for t in a.doc[a.i + 1 : min(a.i + _DATELINE, verb.i)] if t.text in words("dateline_marks")), None
    )
    if mark is None:
        return a
    inner = (t for t in a.doc[mark.i + 1 : verb.i] if t.dep_ == deps.SUBJECT and is_partylike(t))
    return next(inner, None)


def _speaking_body(d: Draft) -> bool:
    """The subject of a statement, owned by a party: "the president's office", "Iran's embassy"."""
    a = d.actor
    owner = child(a, (deps.POSSESSIVE,))
    return _verbal(d) and a.dep_ == deps.SUBJECT and owner is not None and is_partylike(owner)


ACTOR_CHECKS: tuple[Rule, ...] = (
    Rule("nearest_subject", "Kabul, March 3 - Gunmen attacked a checkpoint on Monday.", _nearest_subject),
    Rule(
        "subject_in_time_phrase",
        "The damage after a junta fighter jet bombed a school in Kani Township, Sagaing Region on March 3.",
        _subject_in_time_phrase,
    ),
    Rule(
        "named_in_apposition",
        "The culprits, soldiers of the 3rd Brigade, burned the market.",
        _named_in_apposition,
    ),
    Rule(
        "bare_participle_subject",
        "Funds of the Republic of Mali frozen in the banks of member states.",
        _bare_participle_subject,
    ),
    Rule("event_noun_actor", "The army's raid killed 11 people in the village.", _event_noun_actor),
    # a weapon with no party named is no actor
    Rule("weapon_owner", "A drone of the Ukrainian army struck a fuel depot.", _weapon_owner),
    # "277 wounded": a number is no actor
    Rule("no_number", "Five attacked the checkpoint on Monday.", _no_number),
    # the party an insult names is the accused, never its speaker
    Rule("not_the_insulted", 'The station was struck by "Russian Nazis" with a missile.', _not_the_insulted),
    # a site that acts on a party stands for whoever its modifier names
    Rule("owned_site_acts", "Turkish prisons released 40 Syrian detainees on Monday.", _owned_site_acts),
    # a place does nothing; it is done to
    Rule(
        "site_is_done_to",
        "Aid workers arrived at Aden International Airport, which reopened in May.",
        _site_is_done_to,
    ),
    # a deed with no doer named, laid on someone: "..., the governor said, blaming Ukraine"
    Rule(
        "blamed", "A drone attack set fire to a depot on Sunday, the governor said, blaming Ukraine.", _blamed
    ),
)
