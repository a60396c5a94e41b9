"""Trigger look-up from the event lexicon: on hand-built Docs, and its rows on sentences."""

import pytest

from eventcoder.lexicons.data import fold
from eventcoder.sentence.triggers import find_trigger

from ..helpers import hand_doc, nlp


def trigger(doc, i):
    t = find_trigger(doc[i], {fold(x.lemma_) for x in doc})
    return (t.type, t.mode) if t else None


def test_verb_and_noun_triggers():
    doc = hand_doc(
        [
            ("Rebels", 1, "nsubj", "NNS", "rebel", "NOUN"),
            ("shelled", 1, "ROOT", "VBD", "shell", "VERB"),
            ("the", 3, "det", "DT", "the", "DET"),
            ("base", 1, "dobj", "NN", "base", "NOUN"),
        ]
    )
    assert trigger(doc, 1) == ("ASSAULT", "heavy-weapons")
    assert trigger(doc, 0) is None and trigger(doc, 3) is None


def test_phrasal_verb_needs_its_particle_after_the_verb():
    doc = hand_doc(
        [
            ("Soldiers", 1, "nsubj", "NNS", "soldier", "NOUN"),
            ("opened", 1, "ROOT", "VBD", "open", "VERB"),
            ("fire", 1, "dobj", "NN", "fire", "NOUN"),
            ("on", 1, "prep", "IN", "on", "ADP"),
            ("protesters", 3, "pobj", "NNS", "protester", "NOUN"),
        ]
    )
    assert trigger(doc, 1)[0] == "ASSAULT"


def test_compound_noun_trigger():
    doc = hand_doc(
        [
            ("An", 2, "det", "DT", "an", "DET"),
            ("air", 2, "compound", "NN", "air", "NOUN"),
            ("strike", 3, "nsubj", "NN", "strike", "NOUN"),
            ("hit", 3, "ROOT", "VBD", "hit", "VERB"),
            ("Gaza", 3, "dobj", "NNP", "Gaza", "PROPN"),
        ]
    )
    assert trigger(doc, 2) == ("ASSAULT", "aerial")
    assert trigger(doc, 1) is None  # a modifier is not a trigger of its own


def test_ambiguous_words_are_split_by_the_sentence():
    labour = hand_doc(
        [
            ("Teachers", 2, "nsubj", "NNS", "teacher", "NOUN"),
            ("went", 2, "aux", "VBD", "go", "VERB"),
            ("on", 2, "prep", "IN", "on", "ADP"),
            ("strike", 2, "pobj", "NN", "strike", "NOUN"),
        ]
    )
    assert trigger(labour, 3) == ("PROTEST", "strike")


def test_lemmatizer_slips_are_forgiven():
    doc = hand_doc(
        [
            ("Workers", 1, "nsubj", "NNS", "worker", "NOUN"),
            ("staged", 1, "ROOT", "VBD", "stag", "VERB"),
            ("a", 3, "det", "DT", "a", "DET"),
            ("protest", 1, "dobj", "NN", "protest", "NOUN"),
        ]
    )
    assert trigger(doc, 3) == ("PROTEST", "demo") or trigger(doc, 3)[0] == "PROTEST"


# -- material acts: rows with their conditions, on whole sentences --------------------------

MATERIAL_ACTS = [
    # seizures of power (PLOVER COERCE, mode seize); a vote that ousts a leader is none
    ("Mutinous soldiers ousted the president of the republic on Sunday night.", "COERCE", "seize"),
    ("Rebels ousted government forces from the town on Sunday.", "ASSAULT", None),
    ("A group of army officers toppled the elected government last year.", "COERCE", "seize"),
    ("The colonel seized power in a bloodless coup in 2019.", "COERCE", "seize"),
    ("Parts of the army staged a coup against the king on Monday.", "COERCE", "seize"),
    # restrictions by the authorities
    ("Police sealed off the streets around the central bank on Friday.", "COERCE", "restrict"),
    ("The authorities shut all universities in the province after the riots.", "COERCE", "restrict"),
    ("The cabinet issued a declaration of emergency for the northern provinces.", "COERCE", "martial-law"),
    ("The president gave the army sweeping powers on Monday.", "COERCE", "martial-law"),
    ("Guards cut off access to the opposition leader's house on Monday.", "COERCE", "restrict"),
    ("Police officers encircled a dozen armed robbers inside a warehouse.", "COERCE", "restrict"),
    ("The ministry ordered a news blackout on the fighting in the north.", "COERCE", "censor"),
    ("Members of the palace guard surrounded the prime minister's house at dawn.", "COERCE", "restrict"),
    ("Riot police prevented a rally outside the electoral commission on Friday.", "COERCE", "restrict"),
    # reductions of relations
    ("The junta threw out the Danish ambassador on Tuesday.", "SANCTION", "expel"),
    ("The government gave the British envoy 48 hours to leave the country.", "SANCTION", "expel"),
    # a stop word ("give", "take") heads only its phrase
    ("The junta gives the French ambassador 72 hours to leave the country.", "SANCTION", "expel"),
    ("The bloc froze all trade with the country after the vote.", "SANCTION", "discontinue"),
    ("The military government forced out the UN mission last year.", "SANCTION", "expel"),
    # crowds: a protest, not an armed assault
    ("Hundreds of protesters stormed the state assembly on Thursday.", "PROTEST", "riot"),
    # a party word only as a thing's modifier ("army barricades") tells no party apart
    ("Hundreds of students stormed the ministry beside the army headquarters on Friday.", "PROTEST", "riot"),
    ("Thousands of demonstrators forced their way into the ministry compound.", "PROTEST", "riot"),
    ("Supporters of the jailed mayor gathered outside the court on Monday.", "PROTEST", "demo"),
    ("The rallies spread as nurses from the city hospitals joined in on Friday.", "PROTEST", "demo"),
    ("Striking truckers cut off the main highway to the port on Tuesday.", "PROTEST", "obstruct"),
    # stones and petrol bombs thrown: the object names the act
    ("Youths threw stones at the police station on Friday.", "ASSAULT", "primitive"),
    ("Rioters hurled petrol bombs at the parliament gates.", "ASSAULT", "primitive"),
    ("Demonstrators closed the main highway to the capital on Monday.", "PROTEST", "obstruct"),
    # retreat, aid, talks
    ("A three-day truce took effect in the valley at dawn on Sunday.", "RETREAT", "ceasefire"),
    ("The guns fell silent along the front line at midnight.", "RETREAT", "ceasefire"),
    ("Refugees returned after the artillery went quiet in the north.", "RETREAT", "ceasefire"),
    ("Aid trucks carrying flour reached the besieged town on Friday.", "AID", None),
    ("The authorities cleared 40 trucks of relief supplies to cross into the province.", "RETREAT", "access"),
    ("Soldiers handed out food packs and blankets at the school on Sunday.", "AID", None),
    ("The council deployed 2,000 peacekeepers to the border region in March.", "AID", None),
    ("The Red Crescent handed over medicine and blankets to the displaced families.", "AID", None),
    ("Two frigates patrolled the strait on Monday.", "MOBILIZE", "troops"),
    ("The foreign minister spoke to his Turkish counterpart on Saturday.", "CONSULT", None),
    ("The chancellor held a working dinner with the Polish president on Monday.", "CONSULT", None),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "type_", "mode"), MATERIAL_ACTS)
def test_material_act_rows(text, type_, mode):
    found = [(m.type, m.mode) for m in nlp()(text)._.ec_mentions]
    assert (type_, mode) in found, found


NOT_THESE_ACTS = [
    ("Lawmakers ousted the prime minister in a no-confidence vote on Friday.", "COERCE"),
    ("Her film toppled the box-office leader in its first week.", "COERCE"),
    ("Landing the contract was a major coup for the small firm.", "COERCE"),
    ("Police stormed the building where the gunmen were hiding.", "PROTEST"),
    ("Attackers stormed a university dormitory, killing 20 students.", "PROTEST"),
    ("Rebels ousted government forces from the town on Sunday.", "COERCE"),
    ("The United States joined Britain in condemning the crackdown on protesters.", "PROTEST"),
    ("Schools shut for the summer holiday on Friday.", "COERCE"),
    ("The governor declared a health emergency after the floods.", "COERCE"),
    ("Families who fled the fighting reached the camp where aid agencies work.", "AID"),
    ("The minister spoke to reporters about the budget.", "CONSULT"),
    ("Peacekeepers deployed in the area came under fire on Monday.", "AID"),
    ("A patrol was ambushed near the border, killing three soldiers.", "MOBILIZE"),
    ("Police joined forces with the army to break up the march.", "PROTEST"),
    ("The board gave the new director wider powers over hiring.", "COERCE"),
    ("Rebels freed a reporter who had been held for a week, after talks.", "CONSULT"),
    ("Hikers camping in the park were told to leave.", "PROTEST"),
    ("The striker threw the ball to the goalkeeper.", "ASSAULT"),
    ("The crowd fell silent as the coffins passed.", "RETREAT"),
    # captives marched off are no marchers
    ("Ten villagers, among them women, were seized and marched into the forest.", "PROTEST"),
    ("The gunmen marched the women hostages into the forest.", "PROTEST"),
    # a labour word inside a name is no labour word
    ("The European Union said the strike on the refinery broke the truce.", "PROTEST"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "type_"), NOT_THESE_ACTS)
def test_rows_hold_back_where_their_conditions_say(text, type_):
    assert type_ not in [m.type for m in nlp()(text)._.ec_mentions]


# Reversals, refusals and demands (issue 18), each a row of the lexicon or a needs word matched
# as written; the first reading of the sentence is the one named.
REVERSALS_AND_DEMANDS = [
    # a phrase written for the noun it acts on is not a light verb: the ban is called off
    ("The governor called off the ban on street markets in the capital.", "CONCEDE"),
    ("The mayor shortened the curfew in the old town by two hours.", "CONCEDE"),
    ("The teachers' union suspended its strike on Monday.", "CONCEDE"),
    ("The cabinet accepted the demands of the striking nurses.", "CONCEDE"),
    ("Veterans' groups pushed for a pension rise.", "REQUEST"),
    ("Western capitals pressured the junta to free the president.", "REQUEST"),
    ("The senate opposed the plan to cut the defence budget.", "REJECT"),
    ("The minister ruled out talks with the separatists.", "REJECT"),
    ("Members of the militia handed in their rifles at the stadium.", "RETREAT"),
    ("The rebels released two pilots after a month in captivity.", "RETREAT"),
    ("The junta told the Swiss envoy to leave within two days.", "SANCTION"),
    ("The occupying army handed back the border villages on Monday.", "RETREAT"),
    ("Fighters hid among families, using them as human shields.", "ASSAULT"),
    ("The opposition complained to the electoral commission about the count.", "ACCUSE"),
    ("The navy was put on high alert after the missile test.", "MOBILIZE"),
    ("Chad ended its defence cooperation with Paris in November.", "SANCTION"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "type_"), REVERSALS_AND_DEMANDS)
def test_reversal_and_demand_rows(text, type_):
    assert [m.type for m in nlp()(text)._.ec_mentions][:1] == [type_]


def test_a_small_clause_completes_a_phrase_verb():
    from ..helpers import nlp

    [m] = nlp()("The ministry holds Israel fully responsible for the attack.")._.ec_mentions
    assert m.type == "ACCUSE" and m.trigger.text == "holds"


# `needs` and `blocks` words are lemmas (tools/lemma_conditions.py): an inflected form in running
# text ("abducted", "heightened") meets the row through its lemma
CONDITIONS_BY_LEMMA = [
    ("The rebels returned the schoolgirls they had abducted in March.", ("RETREAT", "release")),
    ("The navy placed its fleet on alert as tensions heightened.", ("MOBILIZE", "troops")),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "reading"), CONDITIONS_BY_LEMMA)
def test_conditions_match_by_lemma(text, reading):
    assert reading in [(m.type, m.mode) for m in nlp()(text)._.ec_mentions]


# PLOVER's manual: "ratify, sign, or finalize an agreement or treaty" is SUPPORT; "promises to
# sign or ratify agreements and treaties are coded as AGREE", and so is reaching an agreement
SIGNING = [
    ("Two neighbouring states signed a border treaty in the capital on Friday.", "SUPPORT"),
    ("The senate ratified the defence accord with Tokyo.", "SUPPORT"),
    ("The signing of the water-sharing accord took place in the capital.", "SUPPORT"),
    ("The rival factions reached an agreement on sharing power.", "AGREE"),
    ("The minister promised to ratify the convention before the end of the year.", "AGREE"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "type_"), SIGNING)
def test_signing_is_support_and_promising_is_agree(text, type_):
    assert [m.type for m in nlp()(text)._.ec_mentions] == [type_]


# The words issue 18 found missing, each a row of the lexicon; the first reading is the one named
MISSING_WORDS = [
    # reversals of a coercive measure (PLOVER CONCEDE: "remove curfews", easing restrictions)
    ("The interior ministry cancelled the state of emergency in three provinces.", "CONCEDE"),
    ("The junta revoked the curfew in the northern city.", "CONCEDE"),
    ("The government ended the state of emergency on Monday.", "CONCEDE"),
    # ending mediation reduces relations
    ("Qatar ended its mediation between the two factions.", "SANCTION"),
    ("The navy put its forces on alert after the missile test.", "MOBILIZE"),
    ("Poland opened its border to refugees from the war.", "RETREAT"),
    ("Parliament opened a hearing into the deaths of protesters.", "ACCUSE"),
    # an order to free captives, though the captives are "detained"
    ("The court ordered the government to release the detained journalists.", "REQUEST"),
    ("Prison guards abused detainees at the facility for months.", "ASSAULT"),
    ("Security forces blocked a planned march by teachers.", "COERCE"),
    # an attempted hack is made
    ("Hackers tried to break into the ministry's email servers.", "COERCE"),
    # breaking a ceasefire is fighting (CAMEO's 'violate ceasefire', under FIGHT)
    ("Rebel fighters violated the ceasefire in the eastern province on Sunday.", "ASSAULT"),
    ("Security forces stopped a demonstration by students in the capital.", "COERCE"),
    # a commitment to an end of fighting or to a handover of power is an agreement (PLOVER AGREE)
    ("The two militias committed to a lasting end to hostilities in the valley.", "AGREE"),
    ("The generals committed to a transition to elected rule within two years.", "AGREE"),
    # handing over missile systems is military aid
    ("Canada provided the army with two missile batteries.", "AID"),
    # sending refugees home is a retreat (PLOVER), bringing one's own citizens home an aid
    ("Jordan repatriated 500 Iraqi refugees last week.", "RETREAT"),
    ("India repatriated 200 of its citizens from the war zone.", "AID"),
    # a named crossing the model reads as a verb ("the Rafah crossing": lemma "cross") is still reopened
    ("Egypt reopened the Al Awja crossing to relief convoys.", "CONCEDE"),
    # letting peacekeepers or observers in is a retreat (PLOVER: allowing their entry); refusing it a refusal
    ("Khartoum accepted a team of UN observers in Darfur.", "RETREAT"),
    ("Minsk will never accept foreign monitors at its polling stations, the minister said.", "REJECT"),
    # soldiers dissolving the institutions take power; a third
    # party's "bears responsibility", "lies with", "laid at the door of" lay the blame
    ("The junta dissolved the parliament and suspended the constitution.", "COERCE"),
    ("A spokesman said the militia bears full responsibility for the bombing.", "ACCUSE"),
    ("The opposition leader said the blame lay with the ruling party's militia.", "ACCUSE"),
    ("The ministry laid the massacre at the door of the separatist rebels.", "ACCUSE"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "type_"), MISSING_WORDS)
def test_missing_words_of_issue_18(text, type_):
    assert [m.type for m in nlp()(text)._.ec_mentions][:1] == [type_]


NOT_THESE_READINGS = [
    # a ban named elsewhere in the sentence is not what was cancelled
    ("The firm cancelled the contract after the ban on exports.", "CONCEDE"),
    # an order to detain is no demand to others
    ("The court ordered the suspect detained for 15 days.", "REQUEST"),
    ("Officials abused their power to award contracts to relatives.", "ASSAULT"),
    ("Burglars broke into the shop on Monday.", "COERCE"),
    # an accused violation is the accusation's; a column's march stopped is no crowd stopped
    ("Russia accused Ukraine of violating the truce.", "ASSAULT"),
    ("The commander stopped his troops' march on the capital.", "COERCE"),
    # a name given to a party is no call for anything
    ("The army blamed a rebel group called the Lions for Peace for the raid.", "REQUEST"),
    # dissolving armed units is no coup
    ("The army has fought the militia since the government moved to dissolve regional forces.", "COERCE"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "type_"), NOT_THESE_READINGS)
def test_new_rows_hold_back(text, type_):
    assert type_ not in [m.type for m in nlp()(text)._.ec_mentions]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "types"),
    [
        ("The ministry called the shelling a war crime.", ["ACCUSE"]),
        ("The foreign ministry described the raid as a provocation.", ["ACCUSE"]),
        ("The minister termed the rebels' claims lies.", ["ACCUSE"]),
        ("Officials described the situation as calm.", []),
    ],
)
def test_naming_a_deed_a_crime_accuses_its_doer(text, types):
    assert [m.type for m in nlp()(text)._.ec_mentions if m.type == "ACCUSE"] == types


# Words of condemnation in a statement are the speaker's ACCUSE (PLOVER: disapprove): a deed or a
# word named a provocation, words judged hostile, displeasure voiced.
CONDEMNING_WORDS = [
    ('"The drills near our coast are a provocation," the foreign ministry said.', "ACCUSE"),
    ("The junta cited the hostile statements of the French minister.", "ACCUSE"),
    # displeasure voiced is disapproval
    ('Beijing expressed "strong dissatisfaction" with the naval drills.', "ACCUSE"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "type_"), CONDEMNING_WORDS)
def test_words_of_condemnation_accuse(text, type_):
    assert type_ in [m.type for m in nlp()(text)._.ec_mentions]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The escalation of fighting in the north forced thousands to flee.",
        "The minister made the statement at a news conference in Paris.",
        "The butcher's shop on the market square reopened on Monday.",
        "Anger grew in the town after the floods.",
    ],
)
def test_plain_words_do_not_condemn(text):
    assert "ACCUSE" not in [m.type for m in nlp()(text)._.ec_mentions]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "types"),
    [
        # a deed said to be a crime, or judged in words of condemnation, is condemned
        ('"The shelling of the bakery is a war crime," the governor said.', ["ACCUSE"]),
        ("The raid on the clinic was cowardly, the health minister said.", ["ACCUSE"]),
        # a judgement not made is none
        ("The drills were not a provocation, the navy said.", []),
    ],
)
def test_a_copula_of_condemnation_accuses(text, types):
    assert [m.type for m in nlp()(text)._.ec_mentions if m.type == "ACCUSE"] == types


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "type_"),
    [
        # the verb carries the arrest, whatever clause follows it
        ("The former minister was placed under house arrest after the vote.", "COERCE"),
        # a member shut out of an organisation is sanctioned; a junta suspends the constitution
        ("The regional bloc suspended Guinea from its institutions on Friday.", "SANCTION"),
        ("The colonels suspended the constitution and closed the borders.", "COERCE"),
    ],
)
def test_arrest_and_suspension_phrases(text, type_):
    assert type_ in [m.type for m in nlp()(text)._.ec_mentions]


def test_an_employee_suspended_is_not_sanctioned():
    text = "The nurse was suspended from her job for a week."
    assert "SANCTION" not in [m.type for m in nlp()(text)._.ec_mentions]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "types"),
    [
        # a speaker's adjective of condemnation on a deed condemns it, beside the deed
        (
            '"The rebels\' cowardly ambush has cost us nine brave men," the general said.',
            ["ACCUSE", "ASSAULT"],
        ),
        # so does one conjoined with a plain adjective
        ('"Their sudden and treacherous raid killed our men," the general said.', ["ACCUSE", "ASSAULT"]),
        # a reporter's adjective tells the deed only
        ("Gunmen carried out a brutal raid on the village on Sunday.", ["ASSAULT"]),
        ("The deadly and brutal raid killed six villagers, police said.", ["ASSAULT"]),
    ],
)
def test_a_quoted_adjective_of_condemnation_accuses(text, types):
    found = [m.type for m in nlp()(text)._.ec_mentions]
    assert sorted(t for t in found if t in ("ACCUSE", "ASSAULT")) == types


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "types"),
    [
        # an ultimatum to surrender threatens; a verdict of acquittal accuses no one
        ("The commander gave the gunmen 24 hours to lay down their weapons and surrender.", ["THREATEN"]),
        ("The tribunal acquitted the former governor of all charges.", []),
        # a refusal to take part in talks is REJECT, taking part is CONSULT
        ("The separatists said they would not take part in the negotiations.", ["REJECT"]),
        ("Both delegations took part in the talks in Nairobi on Monday.", ["CONSULT"]),
    ],
)
def test_ultimatums_verdicts_and_taking_part(text, types):
    found = [m.type for m in nlp()(text)._.ec_mentions]
    assert [t for t in found if t in ("THREATEN", "ACCUSE", "REJECT", "CONSULT")] == types


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, supports",
    [
        # condolences or sympathy to the bereaved are no support of a party; to a government they are
        ("The minister extended his condolences to the families of the victims and condemned the rebels.", 0),
        ("The governor expressed sympathy to the relatives of the miners killed in the blast.", 0),
        ("The king sent condolences to the Iranian government after the crash.", 1),
        # to a people, or solidarity with one's own colleagues: sympathy, no support of a party
        ("The prime minister offered his condolences to the people of Peru after the floods.", 0),
        ("The agency's director expressed solidarity with the staff of its office in Juba.", 0),
        ("The foreign minister expressed Qatar's solidarity with Lebanon on Friday.", 1),
    ],
)
def test_condolences_to_the_bereaved_support_no_party(text, supports):
    assert [m.type for m in nlp()(text)._.ec_mentions].count("SUPPORT") == supports


# Recall on real reporting (issue 17): each rule by name, with a sentence of its own. The type named
# must be among the mentions the sentence yields.
RECALL_RULES = [
    # lexicon rows
    (
        "seize people: abduction",
        "Armed men seized two aid workers and their driver near the camp.",
        "ASSAULT",
    ),
    (
        "occupy by a protest movement",
        "Leaders of the protest movement occupied the town hall on Monday.",
        "PROTEST",
    ),
    ("vow of retribution", "The militia vowed retribution for the killing of its commander.", "THREATEN"),
    ("hostile remarks", "The envoy's hostile remarks about the army angered the junta.", "ACCUSE"),
    (
        "receiving wounds is no visit",
        "The general died of wounds he received in fighting with insurgents.",
        "ASSAULT",
    ),
    ("death in combat", "The commander died in combat last week, the army said.", "ASSAULT"),
    ("armed men moving on a place", "Rebel columns moved on the provincial capital overnight.", "MOBILIZE"),
    (
        "an armed march on a place",
        "Mutinous soldiers marched on the capital from their barracks.",
        "MOBILIZE",
    ),
    ("armed men entering a place", "Rebel fighters entered the northern town of Faya on Friday.", "ASSAULT"),
    (
        "a dangerous escalation",
        '"This shelling is a dangerous escalation," the foreign minister said.',
        "ACCUSE",
    ),
    ("a hand in a deed", "The minister said the rebels had a hand in the bombing of the market.", "ACCUSE"),
    ("attribute a deed", "Officials attributed the blast at the market to the rebels.", "ACCUSE"),
    ("link a deed", "Police linked the ambush on the convoy to a local cell of the group.", "ACCUSE"),
    (
        "tie doers to a party",
        "The army assessed the gunmen behind the attack as tied to the Islamic State.",
        "ACCUSE",
    ),
    # triggers.py
    (
        "passive subject completes a phrase",
        "A criminal case was opened into the killing of the journalist.",
        "ACCUSE",
    ),
    ("branding predicate", "The foreign ministry called the raid appalling.", "ACCUSE"),
    ("branding as", "The governor described the shelling of the market as a massacre.", "ACCUSE"),
    ("undertaking head", "Qatar's mediation efforts between the two factions resumed in May.", "CONSULT"),
    (
        "meeting name",
        "The communique was read at the close of the Extraordinary Summit on Security in Abuja.",
        "CONSULT",
    ),
    # mentions.py
    ("a predicate undoes a light verb", "The unions called the strike illegal.", "ACCUSE"),
    ("a demand apart", "The minister praised the peacekeepers and called for a lasting truce.", "REQUEST"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "type_"), [r[1:] for r in RECALL_RULES], ids=[r[0] for r in RECALL_RULES])
def test_recall_rules(text, type_):
    assert type_ in [m.type for m in nlp()(text)._.ec_mentions]


RECALL_RULES_HOLD_BACK = [
    ("police seizing goods", "Police seized weapons and ammunition at the port.", "ASSAULT"),
    ("a protest march on a place", "Thousands of students marched on parliament on Monday.", "MOBILIZE"),
    ("moving on", "The army said it had moved on from the dispute over pay.", "MOBILIZE"),
    ("entering talks", "The two militias entered into talks in Doha.", "ASSAULT"),
    ("the upper hand", "The army has the upper hand in the battle for the bombed town.", "ACCUSE"),
    ("a party described", "Fighters linked to al-Qaeda attacked the base on Sunday.", "ACCUSE"),
    ("a road linking", "The road linking the town to the capital was closed after the attack.", "ACCUSE"),
    (
        "a protest coordinated",
        "Student leaders who coordinate the protest movement met on Monday.",
        "COOPERATE",
    ),
    ("hostages taken somewhere", "The hostages were taken to a hospital in the capital.", "ASSAULT"),
    ("a plain predicate", "Officials called the situation calm after the attack.", "ACCUSE"),
    ("a name given", "The army launched what it called counter-terrorist measures.", "ACCUSE"),
    (
        "received envoys still visit",
        "The president received wounded soldiers' families at the palace.",
        "ASSAULT",
    ),
    ("a strike called", "The unions called a general strike for Monday.", "ACCUSE"),
]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "type_"), [r[1:] for r in RECALL_RULES_HOLD_BACK], ids=[r[0] for r in RECALL_RULES_HOLD_BACK]
)
def test_recall_rules_hold_back(text, type_):
    assert type_ not in [m.type for m in nlp()(text)._.ec_mentions]


def test_a_lowercase_verb_is_no_word_of_a_name():
    # the model's PERSON ran over "minister blamed": a verb written small is no word of a name
    from spacy.tokens import Span

    doc = hand_doc(
        [
            ("The", 2, "det", "DT", "the", "DET"),
            ("prime", 2, "amod", "JJ", "prime", "ADJ"),
            ("minister", 2, "ROOT", "NN", "minister", "NOUN"),
            ("blamed", 2, "acl", "VBN", "blame", "VERB"),
            ("Serbia", 3, "dobj", "NNP", "Serbia", "PROPN"),
        ]
    )
    doc.ents = [Span(doc, 1, 4, label="PERSON")]
    assert trigger(doc, 3) == ("ACCUSE", "allege")


def test_mention_stands_on_the_undertaking():
    m = next(
        m for m in nlp()("Qatar's mediation efforts resumed in May.")._.ec_mentions if m.type == "CONSULT"
    )
    assert (m.trigger.text, m.actor.text) == ("efforts", "Qatar")


def test_a_hand_in_a_deed_is_laid_on_it_by_who_says_so():
    text = "The minister hinted that the rebels had a hand in the bombing of the market."
    m = next(m for m in nlp()(text)._.ec_mentions if m.type == "ACCUSE")
    assert (m.actor.text, m.target.text) == ("minister", "rebels")


# Words of unseen reporting (issue 17, part N): South Asian and Latin American usage and crowds,
# each a row of the lexicon; the first reading is the one named
UNSEEN_REPORTING = [
    # a flag march is troops showing force, not a protest
    (
        "Soldiers held a flag march through the tense old city on Friday amid a protest by traders.",
        "MOBILIZE",
        "troops",
    ),
    ("Hundreds of supporters were massing outside the electoral commission on Monday.", "PROTEST", "demo"),
    ("About 300 families were given shelter in a school run by the church.", "AID", None),
    ("Riot police fired rounds of tear gas shells at stone-throwing students.", "ASSAULT", "crowd-control"),
    ("Police threw gas bombs at the crowd outside the stadium.", "ASSAULT", "crowd-control"),
    ("The district collector has imposed prohibitory orders around the temple.", "COERCE", "restrict"),
    ("Mourners gathered at the cemetery and shouted slogans against the army.", "PROTEST", "demo"),
    ("After the funeral the clan's young men called for revenge.", "THREATEN", "violence"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "type_", "mode"), UNSEEN_REPORTING)
def test_rows_of_unseen_reporting(text, type_, mode):
    [first, *_] = nlp()(text)._.ec_mentions
    assert (first.type, first.mode) == (type_, mode)


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Thousands of troops were massing on the border.",  # troops massing mobilise
        "The families gathered at the cemetery to mourn the dead.",  # a crowd with no cause shown
    ],
)
def test_crowds_that_are_no_protest(text):
    assert "PROTEST" not in [m.type for m in nlp()(text)._.ec_mentions]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "accuses"),
    [
        # a deed named as what something was, in a sentence someone says, condemned by its adjective
        ("Army raids on the camps were a cowardly attack on civilians, the opposition leader said.", True),
        # a reporter's adjective on a deed only tells the deed
        ("Gunmen carried out a brutal attack on the camp on Sunday.", False),
    ],
)
def test_a_reported_judgement_condemns(text, accuses):
    assert ("ACCUSE" in [m.type for m in nlp()(text)._.ec_mentions]) is accuses


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "coerced"),
    [
        ("Hundreds of families were moved to safer ground as the river rose.", False),  # to safety
        ("The authorities forcibly moved the villagers to a camp far from their land.", True),  # by force
    ],
)
def test_moving_people_to_safety_is_no_deportation(text, coerced):
    assert ("COERCE" in [m.type for m in nlp()(text)._.ec_mentions]) is coerced


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "accuses"),
    [
        # a speaker's insult for a party, in quotation marks, accuses it, over the sentences of one quotation
        ('"Our port was shelled by fascists. The beasts stop at nothing," the mayor said.', True),
        ('The governor said "Russian butchers shelled the market" and left.', True),
        # a reporter's word, or history, accuses no one
        ("The Nazis occupied the port in 1941.", False),
        ("A monster storm flooded the port on Friday.", False),
    ],
)
def test_an_insult_in_quotation_marks_accuses(text, accuses):
    assert ("ACCUSE" in [m.type for m in nlp()(text)._.ec_mentions]) == accuses


# State measures and releases (issue 17): travel bans on named persons are a penalty, a cut of a
# messaging app is censorship, anyone freed is released, one held let go is released.
MEASURES_AND_RELEASES = [
    ("The bloc imposed travel bans and asset freezes on the generals behind the putsch.", "SANCTION", None),
    ("The ministry restricted access to WhatsApp and Telegram during the exams.", "COERCE", "censor"),
    ("The mayor's nephew, held since March, is being freed to calm the unrest.", "RETREAT", "release"),
    ("Officers arrested the courier at the border but let the man go hours later.", "RETREAT", "release"),
    ("The kidnappers let the two engineers go on Friday after a ransom was paid.", "RETREAT", "release"),
    ("The blogger was held in custody for nine days.", "COERCE", "arrest"),
    ("The two farmers were released without charge on Sunday.", "RETREAT", "release"),
    ("The suspected courier was held overnight by border guards.", "COERCE", "arrest"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "type_", "mode"), MEASURES_AND_RELEASES)
def test_measure_and_release_rows(text, type_, mode):
    found = [(m.type, m.mode) for m in nlp()(text)._.ec_mentions]
    assert (type_, mode) in found, found


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "type_"),
    [
        # fighting named by its two sides; a crowd breaking into a building; a crowd filling a protest
        ("Nine villagers died last week in the violence between the two clans.", "ASSAULT"),
        ("Hundreds of opposition supporters broke into the electoral commission's offices.", "PROTEST"),
        ("Tens of thousands of students packed the square where the rally was held.", "PROTEST"),
        ("Thousands of protesters thronged the avenue leading to the ministry.", "PROTEST"),
        ("Gunmen held 20 bus passengers hostage near the border on Monday.", "ASSAULT"),
        # "tear-gassed": the verb split from its "tear" is crowd control
        ("The riot police tear-gassed the marchers near the bridge.", "ASSAULT"),
    ],
)
def test_violence_and_crowd_rows(text, type_):
    assert type_ in [m.type for m in nlp()(text)._.ec_mentions]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Government troops freed the village from the insurgents on Sunday.",  # a place freed is taken
        "The company let 300 workers go after the plant closed.",  # no one held: a job lost
        "The country imposed a travel ban on all foreign visitors.",  # a ban for all restricts
        "The suspected rebels held the town for a week.",  # a place held is no one detained
    ],
)
def test_measure_and_release_rows_hold_back(text):
    found = [(m.type, m.mode) for m in nlp()(text)._.ec_mentions]
    assert not {("RETREAT", "release"), ("COERCE", "arrest")} & set(found), found
    assert "SANCTION" not in {t for t, _ in found}, found


@pytest.mark.slow
def test_a_release_of_words_is_no_release_of_people():
    found = [m.type for m in nlp()("Police released CCTV footage of the arrest on Monday.")._.ec_mentions]
    assert "RETREAT" not in found, found


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("The bishop condemned the violence between the two clans.", "ASSAULT"),
        ("Thieves broke into the warehouse overnight.", "PROTEST"),
        ("Fans packed the stadium for the final.", "PROTEST"),
        ("A van packed with explosives was found near the protest site.", "PROTEST"),
    ],
)
def test_violence_and_crowd_rows_hold_back(text, type_):
    assert type_ not in [m.type for m in nlp()(text)._.ec_mentions]


@pytest.mark.slow
def test_tear_gas_split_from_its_verb_is_crowd_control():
    [m] = [m for m in nlp()("The riot police tear-gassed the marchers near the bridge.")._.ec_mentions]
    assert (m.type, m.mode) == ("ASSAULT", "crowd-control")
