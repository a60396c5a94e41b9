"""Is a mention asserted? Negation, modality, hypotheticals, denials, accusations,
commemorations, conditionals, habits: the cases in which a sentence names an event that it
does not report as having happened.

The cases are tables of named rules, each with a sentence it handles, checked in order; the
first rule that fires decides (but for conjoined verbs, which only pass the look on up). The
mention's own words (its trigger, then the verb that governs it) are looked at first
(:data:`WORD_RULES`), then the mention in its sentence (:data:`MENTION_RULES`), then its words
again (:data:`LATE_WORD_RULES`), and last the words above it, one head at a time up to the root
(:data:`HEAD_RULES`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from spacy.tokens import Token

from ..lexicons.data import cue, fold
from ..nlp.syntax import sentence
from . import assertion_checks as check
from . import assertion_sentence as in_sentence
from . import assertion_steps as above


@dataclass(frozen=True)
class Rule:
    """A case in which a mention is not asserted, or (``reason`` None) in which it is."""

    name: str
    example: str  # a sentence this rule handles: it is the rule's test
    applies: Callable[..., bool]
    reason: str | None  # what :func:`not_asserted` says when this rule decides
    climbs: bool = False  # (head rules) look further up instead of deciding


def not_asserted(tok: Token, governor: Token) -> str | None:
    """Why the mention anchored on *tok* does not report an event that happened, or None."""
    rule = deciding_rule(tok, governor)
    return rule.reason if rule else None


def deciding_rule(tok: Token, governor: Token) -> Rule | None:
    """The rule that decides whether the mention is asserted, or None if none does (it is)."""
    for rule in fired_rules(tok, governor):
        if not rule.climbs:
            return rule
    return None


def fired_rules(tok: Token, governor: Token) -> Iterator[Rule]:
    """The rules that fire on the mention, in the order they are checked; the last one decides
    (unless it climbs)."""
    words = check.mention_words(tok, governor)
    rule = _first_fired(words, WORD_RULES) or _first_fired((tok, governor), MENTION_RULES, together=True)
    rule = rule or _first_fired(words, LATE_WORD_RULES)
    if rule is not None:
        yield rule
        return
    yield from _climb(tok, governor)


def _first_fired(words: tuple[Token, ...], rules: tuple[Rule, ...], together: bool = False) -> Rule | None:
    """The first of *rules* that fires on each of *words* in turn (or, *together*, on all of them
    at once); plain loops: the checks are asked for every mention."""
    if together:
        return next((rule for rule in rules if rule.applies(*words)), None)
    for t in words:
        for rule in rules:
            if rule.applies(t):
                return rule
    return None


def _climb(tok: Token, governor: Token) -> Iterator[Rule]:
    """The head rules that fire on the way up from *governor* to the root of its sentence."""
    child, head = governor, governor.head
    passed_claim = False
    while head.i != child.i and sentence(head) == sentence(tok):
        passed_claim = passed_claim or fold(child.lemma_) in cue("suppress.claim_nouns")
        step = check.Step(tok, child, head, fold(head.lemma_), passed_claim)
        for rule in HEAD_RULES:
            if rule.applies(step):
                yield rule
                if not rule.climbs:
                    return
                break
        child, head = head, head.head


# -- the tables ------------------------------------------------------------------------------

# Each of the mention's words: the trigger, then the verb that governs it ("launched an attack").
WORD_RULES: tuple[Rule, ...] = (
    Rule(
        "anonymity",
        "An official, who asked not to be identified, said the talks had failed.",
        check.anonymity,
        "a source's wish not to be named",
    ),
    Rule(
        "saying_sense",
        "The government recalls that the ambassador was summoned in June.",
        check.saying_sense,
        "a verb of saying",
    ),
    Rule(
        "protest_demand_word",
        "Hundreds of demonstrators gathered outside the embassy, waving flags and calling for a ceasefire.",
        check.protest_demand_word,
        "a protest's demand",
    ),
    Rule(
        "caution",
        "The commander warned his soldiers against carrying phones, saying the enemy could track them and launch strikes.",
        check.caution,
        "advice, no threat",
    ),
    Rule(
        "standing_designation",
        "The group is banned as a terrorist organisation in several countries.",
        check.standing_designation,
        "a standing designation",
    ),
    Rule(
        "force_not_excluded",
        "The junta said a military intervention was not ruled out.",
        check.force_not_excluded,
        None,
    ),
    Rule(
        "force_excluded",
        "The prime minister ruled out any military intervention in the region.",
        check.force_excluded,
        "force excluded, no threat",
    ),
    Rule("negated", "Soldiers did not open fire on the crowd.", check.negated, "negated"),
    Rule("no_determiner", "There was no attack on the base.", check.no_determiner, "negated"),
    Rule("negative_argument", "No shots were fired at the protesters.", check.negative_argument, "negated"),
    # retaliation is a threat when said of the future, and no event of its own when told as done
    Rule(
        "threat_in_future",
        "The minister said the regime will be punished for the raid.",
        check.threat_in_future,
        None,
    ),
    Rule(
        "retaliation_told",
        "The government is ready to retaliate against the rebels.",
        check.retaliation_told,
        "a retaliation, not a threat",
    ),
    Rule(
        "general_view",
        "The bombing, for which the militia was widely blamed, shocked the city.",
        check.general_view,
        "a general view",
    ),
    Rule("hearsay", "Officials mocked the purported resignation of the governor.", check.hearsay, "alleged"),
    Rule("modal", "Rebels could attack the city within days.", check.modal, "modal"),
    Rule(
        "conditional_mark",
        "The army will retaliate if rebels attack the city.",
        check.conditional_mark,
        "conditional",
    ),
)

# The mention in its sentence.
MENTION_RULES: tuple[Rule, ...] = (
    Rule("question", "Did the army shell the town?", in_sentence.question, "question"),
    Rule(
        "on_whose_word",
        "At the request of the regional governor, the army deployed two battalions.",
        in_sentence.on_whose_word,
        "circumstance",
    ),
    Rule("such", "Such attacks are rare in the capital.", in_sentence.such, "generic"),
    Rule(
        "in_the_past", "Baghdad has in the past condemned the strikes.", in_sentence.in_the_past, "habitual"
    ),
    Rule("reaction", "The kidnapping drew worldwide outrage.", in_sentence.reaction, "reaction"),
    # a threat or a demand on a condition is made all the same
    Rule(
        "conditional_threat",
        "The rebels threatened to attack the town unless the army withdrew.",
        in_sentence.conditional_threat,
        None,
    ),
    Rule(
        "conditional_clause",
        "If the world looks away, further massacres are a matter of time.",
        in_sentence.conditional_clause,
        "conditional",
    ),
    # the anchor of a span, not an event of its own
    Rule(
        "since_clause",
        "Thousands have died since fighting broke out in September.",
        in_sentence.since_clause,
        "background",
    ),
    # who or what they are, not something that happened
    Rule(
        "standing_progressive",
        "Al Shabaab, the group that has been fighting the government for 15 years, issued a statement.",
        in_sentence.standing_progressive,
        "background",
    ),
    Rule(
        "standing_state",
        "The government demanded that the militia leave the towns it has occupied.",
        in_sentence.standing_state,
        "background",
    ),
    # a stance, an agreement in force, the lines of a title or an information box
    Rule(
        "stance_phrase",
        "Marchers chanted slogans in support of the jailed leaders.",
        in_sentence.stance_phrase,
        "a stance",
    ),
    Rule(
        "in_force",
        "The prisoners were freed under the ceasefire deal.",
        in_sentence.in_force,
        "an agreement in force",
    ),
    Rule(
        "period_in_force",
        "The rebels released ten prisoners on the second day of the truce.",
        in_sentence.period_in_force,
        "an agreement in force",
    ),
    Rule(
        "agreement_kept",
        "Both sides are working to implement the peace agreement.",
        in_sentence.agreement_kept,
        "an agreement in force",
    ),
    Rule(
        "signed_in_force",
        "The prisoners were freed under the truce signed in Doha.",
        in_sentence.signed_in_force,
        "an agreement in force",
    ),
    Rule("field_label", "Title: 2019 embassy bombing.", in_sentence.field_label, "a title or a label"),
    Rule("bare_count", "Forty wounded.", in_sentence.bare_count, "a figure of an information box"),
    Rule("box_field", "Injured 40.", in_sentence.box_field, "a line of an information box"),
    Rule(
        "part_of_line",
        "Part of the 2023 Khartoum offensive.",
        in_sentence.part_of_line,
        "a line of an information box",
    ),
    # the page speaking to its reader: an edit notice, a call to sign or to join
    Rule(
        "imperative",
        "Sign the petition against the deportation of the activists.",
        in_sentence.imperative,
        "an imperative",
    ),
    # kinds and events told before, not events told here
    Rule(
        "generic_plural",
        "The strike trampled on international agreements.",
        in_sentence.generic_plural,
        "generic",
    ),
    Rule(
        "generic_kind",
        "The ministry said the crowd went beyond peaceful protest.",
        in_sentence.generic_kind,
        "generic",
    ),
    Rule(
        "pointing_back",
        "These attacks have disrupted trade in the region.",
        in_sentence.pointing_back,
        "told before",
    ),
    # "a call to negotiate", "a decision to withdraw", "efforts to reach a deal"
    Rule(
        "intended",
        "The government rejected any call to negotiate with the militia.",
        in_sentence.intended,
        "intended",
    ),
    # an act awaited, a prospect faced, a regard received: nothing done
    Rule(
        "awaited",
        "It was the call the families had waited for.",
        in_sentence.awaited,
        "awaited",
    ),
    Rule(
        "faced_prospect",
        "The three suspects face charges of sedition.",
        in_sentence.faced_prospect,
        "a prospect",
    ),
    Rule(
        "regard_received",
        "The soldiers won praise from the governor for their courage.",
        in_sentence.regard_received,
        "a regard received",
    ),
    Rule(
        "judged_needed",
        "The envoy said a ceasefire in the north was essential.",
        in_sentence.judged_needed,
        "weighed, not told",
    ),
    Rule(
        "subject_to",
        "Exports of the parts are subject to restrictions under the treaty.",
        in_sentence.subject_to,
        "a condition",
    ),
    Rule(
        "intent_kept",
        "The militia made good on its threats by shelling the port.",
        in_sentence.intent_kept,
        "a statement made before",
    ),
    Rule(
        "bare_verb_as_noun",
        "Deploy and recovery of the weather buoys took two days.",
        in_sentence.bare_verb_as_noun,
        "a kind of act",
    ),
    Rule(
        "nominal_participle",
        "Some of the wounded are in critical condition.",
        in_sentence.nominal_participle,
        "people named by a deed",
    ),
    Rule(
        "prospective",
        "Residents braced for a possible attack on the town.",
        in_sentence.prospective,
        "still to come",
    ),
    Rule(
        "goal",
        "The talks were a first step towards a ceasefire.",
        in_sentence.goal,
        "still to come",
    ),
    Rule(
        "whichever",
        "The minister condemned any country that met the rebel envoys.",
        in_sentence.whichever,
        "generic",
    ),
)

# Each of the mention's words again.
LATE_WORD_RULES: tuple[Rule, ...] = (
    Rule(
        "habitual_adverb",
        "Turkey regularly carries out air strikes against militant targets.",
        check.habitual_adverb,
        "habitual",
    ),
    Rule("cumulative", "The conflict has killed thousands of people.", check.cumulative, "cumulative"),
    Rule("present_tense", "Militants attack villages in the north.", check.present_tense, "present tense"),
    Rule("ongoing", "Government forces have been shelling the town.", check.ongoing, "ongoing"),
)

# Each word above the mention, up to the root of its sentence.
HEAD_RULES: tuple[Rule, ...] = (
    Rule(
        "commemoration",
        "Hundreds gathered to mark the tenth anniversary of the massacre.",
        above.commemoration,
        "commemoration",
    ),
    Rule("habitual_head", "The group often threatens to attack the base.", above.habitual_head, "habitual"),
    Rule(
        "clause_told_before",
        "The envoy condemned this attack, which also struck a clinic.",
        above.clause_told_before,
        "told before",
    ),
    Rule(
        "standing_clause",
        "The minister met elders who help organise the attacks on the convoys.",
        above.standing_clause,
        "background",
    ),
    # a relative clause asserts its content
    Rule(
        "relative_clause",
        "The ministry rejected the agreement that Baghdad and Erbil signed in October 2020.",
        above.relative_clause,
        None,
    ),
    Rule(
        "counter_charge",
        "The militia rejected claims that it shelled the market, blaming instead the army.",
        above.counter_charge,
        None,
    ),
    Rule(
        "no_determiner_below",
        "The militia had no involvement in the attack.",
        above.no_determiner_below,
        "negated",
    ),
    Rule(
        "shared_modal",
        "The treaty will be signed and ratified next month.",
        above.shared_modal,
        "modal or negated (shared)",
    ),
    Rule("conjunct", "Rebels stormed the town and looted the market.", above.conjunct, None, climbs=True),
    Rule(
        "ongoing_manner",
        "Farmers have been protesting for a month, blocking highways and burning tyres.",
        above.ongoing_manner,
        "ongoing",
    ),
    Rule(
        "told_by_its_clause",
        "The two armies blamed each other for the shelling, which began before dawn on Friday.",
        above.told_by_its_clause,
        None,
    ),
    Rule(
        "time_clause_of_negated",
        "The capital had not seen such fighting since clashes between two militias killed 30 people in 2022.",
        above.time_clause_of_negated,
        None,
    ),
    Rule(
        "agent_of_negated",
        "The marchers were not deterred by the tear gas that the police fired.",
        above.agent_of_negated,
        None,
    ),
    Rule(
        "negated_head",
        "The army did not confirm that rebels attacked the base.",
        above.negated_head,
        "under a negated verb",
    ),
    Rule("modal_head", "The rebels may try to seize the town.", above.modal_head, "under a modal verb"),
    Rule(
        "said_instead",
        "The army denied the rebels' claim, saying that 40 of their fighters had been killed.",
        above.said_instead,
        None,
    ),
    Rule("denied", "The army denied shelling the village.", above.denied, "denied"),
    Rule("undone", "Both sides undermined the ceasefire.", above.undone, "undone"),
    Rule("trend", "Attacks on police have risen sharply.", above.trend, "trend"),
    Rule(
        "rebutted_claim",
        "The ministry rejected claims that troops attacked the village.",
        above.rebutted_claim,
        "denied",
    ),
    Rule(
        "accusation", "Officials accused the militia of attacking the convoy.", above.accusation, "accusation"
    ),
    Rule(
        "characterisation",
        "Officials described it as a massacre.",
        above.characterisation,
        "characterisation",
    ),
    Rule(
        "named_as",
        "The minister called the riot an attack on democracy.",
        above.named_as,
        "characterisation",
    ),
    Rule(
        "held_to_be",
        "The explosion at the depot was believed to be a drone attack.",
        above.held_to_be,
        "a characterisation",
    ),
    Rule("attempted", "Gunmen tried to storm the police station.", above.attempted, None),
    Rule(
        "means_of_attempt",
        "The police tried to clear the square by firing tear gas at the crowd.",
        above.means_of_attempt,
        None,
    ),
    Rule(
        "protest_demand",
        "Thousands of protesters marched through the capital, calling for the president to resign.",
        above.protest_demand,
        "a protest's demand",
    ),
    # an order given with the act as a participle on its object: the act, done
    Rule(
        "ordered_done",
        "The governor ordered mobile internet suspended in three districts.",
        above.ordered_done,
        None,
    ),
    Rule("hypothetical", "The group plans to bomb the pipeline.", above.hypothetical, "hypothetical"),
    Rule(
        "aim_is", "Their first task remains to evacuate the wounded civilians.", above.aim_is, "hypothetical"
    ),
    Rule(
        "wished_for",
        "What the opposition wants is for the army to withdraw from the city.",
        above.wished_for,
        "hypothetical",
    ),
    Rule(
        "before_it",
        "Soldiers searched the village in preparation for the offensive.",
        above.before_it,
        "still to come",
    ),
    Rule(
        "committed_to",
        "The army remains committed to facilitating the delivery of humanitarian aid.",
        above.committed_to,
        "hypothetical",
    ),
    Rule(
        "way_to",
        "The deal paves the way for the withdrawal of foreign troops.",
        above.way_to,
        "still to come",
    ),
    Rule(
        "designed_for",
        "The measure is designed to stop attacks on shipping.",
        above.designed_for,
        "hypothetical",
    ),
    Rule("purpose", "The government sent troops to the north to fight the rebels.", above.purpose, "purpose"),
    Rule("expected", "More arrests were expected in the coming days.", above.expected, "expected"),
    Rule("generic_head", "A wave of attacks has hit the capital.", above.generic_head, "generic"),
    Rule(
        "conditional_head",
        "Officials said the army would respond if the protests spread.",
        above.conditional_head,
        "conditional",
    ),
)

RULES: tuple[Rule, ...] = WORD_RULES + MENTION_RULES + LATE_WORD_RULES + HEAD_RULES
