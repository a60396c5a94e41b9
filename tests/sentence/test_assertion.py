"""Mentions that do not report an event that happened."""

import pytest

from eventcoder.sentence import mentions
from eventcoder.sentence.assertion import RULES, fired_rules, not_asserted

from ..helpers import hand_doc, nlp


def test_rules_have_distinct_names_and_full_sentences():
    assert len({rule.name for rule in RULES}) == len(RULES)
    assert all(rule.example[0].isupper() and rule.example[-1] in ".?" for rule in RULES)


@pytest.mark.slow
@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.name)
def test_each_rule_fires_on_its_example(rule, monkeypatch):
    """The pipeline, run on the rule's example, checks a mention on which this rule decides
    (or, for a rule that climbs, fires)."""
    fired = []

    def spy(tok, governor):
        fired.append(list(fired_rules(tok, governor)))
        return not_asserted(tok, governor)

    monkeypatch.setattr(mentions, "not_asserted", spy)
    nlp()(rule.example)
    assert any(rule in rules and (rule.climbs or rules[-1] is rule) for rules in fired), fired


def test_negation_on_hand_built_doc():
    doc = hand_doc(
        [
            ("Rebels", 3, "nsubj", "NNS", "rebel", "NOUN"),
            ("did", 3, "aux", "VBD", "do", "AUX"),
            ("not", 3, "neg", "RB", "not", "PART"),
            ("attack", 3, "ROOT", "VB", "attack", "VERB"),
            ("the", 5, "det", "DT", "the", "DET"),
            ("base", 3, "dobj", "NN", "base", "NOUN"),
        ]
    )
    assert not_asserted(doc[3], doc[3]) == "negated"


def test_modal_on_hand_built_doc():
    doc = hand_doc(
        [
            ("Rebels", 2, "nsubj", "NNS", "rebel", "NOUN"),
            ("could", 2, "aux", "MD", "could", "AUX"),
            ("attack", 2, "ROOT", "VB", "attack", "VERB"),
        ]
    )
    assert not_asserted(doc[2], doc[2]) == "modal"


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The army denied shelling the village.",
        "Rebels could attack the city within days.",
        "The group plans to bomb the pipeline.",
        "Officials accused the militia of attacking the convoy.",
        "Hundreds gathered to mark the tenth anniversary of the massacre.",
        "If the talks fail, the insurgents will attack.",
        "Did the army shell the town?",
        "Soldiers did not open fire on the crowd.",
        "No shots have been fired along the border since the meeting.",
        "Nobody has claimed the second explosion.",
        "Turkey regularly carries out air strikes against militant targets.",
        "The sanctions aim to weaken the group's ability to attack shipping.",
        # who a group is, not what it did: a description in the perfect progressive
        "Al Shabaab, the group that has been fighting the government for 15 years, issued a statement.",
        "The government demanded that the militia leave the towns it has occupied.",
        # whoever might do it: no act done
        "Any shelling of the port would be a grave mistake, the envoy said.",
        "The ministry will punish any unit that bombs a hospital.",
    ],
)
def test_not_asserted(text):
    assert [m.type for m in nlp()(text)._.ec_mentions if m.type == "ASSAULT"] == []


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, kind",
    [
        (
            "Investigators identified the vehicle, and more arrests were expected in the coming days.",
            "COERCE",
        ),
        ("Talks between the two governments are planned for May.", "CONSULT"),
        # obligations and schedules are still to come
        ("Both parliaments still have to ratify the treaty.", "SUPPORT"),
        ("The two presidents are due to meet in Khujand at the end of the month.", "CONSULT"),
        # an anniversary is no new event
        ("Last June, the town marked ten years since the 2014 massacre.", "ASSAULT"),
        # boasting is no talks
        ("The army's boast that it will crush the rebels by December is empty talk.", "CONSULT"),
    ],
)
def test_an_act_expected_is_not_told(text, kind):
    assert kind not in [m.type for m in nlp()(text)._.ec_mentions]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, kind",
    [
        ("The government rejected any call to negotiate with the militia.", "CONSULT"),
        ("The president announced a decision to withdraw troops from the border.", "RETREAT"),
        # a proposal for talks is no talks held
        ("Tehran rejected an American proposal for new talks.", "CONSULT"),
    ],
)
def test_an_act_called_for_or_decided_is_not_the_act(text, kind):
    assert kind not in [m.type for m in nlp()(text)._.ec_mentions]


@pytest.mark.slow
def test_generic_condemnation_is_no_event():
    text = "Baghdad has in the past condemned such strikes as a breach of its sovereignty."
    assert nlp()(text)._.ec_mentions == []


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, kind",
    [
        (
            "Militiamen handed back three fishermen on the second day of the region's fragile truce.",
            "RETREAT",
        ),
        ("On the fourth night of the new truce a mortar round hit the market.", "ASSAULT"),
        ("Shelling resumed throughout the accord.", "ASSAULT"),
    ],
)
def test_an_agreement_dating_another_act_is_no_agreeing(text, kind):
    got = [m.type for m in nlp()(text)._.ec_mentions]
    assert kind in got and "AGREE" not in got


@pytest.mark.slow
def test_an_agreement_reached_is_still_told():
    assert "AGREE" in [m.type for m in nlp()("Both militias agreed to a truce on Sunday.")._.ec_mentions]


@pytest.mark.slow
def test_a_reaction_is_not_an_accusation():
    assert "ACCUSE" not in [m.type for m in nlp()("The kidnapping drew worldwide outrage.")._.ec_mentions]


@pytest.mark.slow
def test_a_habit_in_the_past_is_told():
    # PLOVER codes habitual abuse: the acts happened ("Turkey regularly carries out" does not tell one)
    text = "Soldiers routinely abused civilians at checkpoints, the report said."
    assert "ASSAULT" in [m.type for m in nlp()(text)._.ec_mentions]


def test_relative_clause_is_asserted():
    doc = nlp()("The ministry rejected the agreement that Baghdad and Erbil signed in October 2020.")
    assert "SUPPORT" in [m.type for m in doc._.ec_mentions]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, expected",
    [
        # a retaliation said of the future is a threat; told as done, its own act is coded
        ("The rebels will respond to this aggression with force, their commander said.", ["THREATEN"]),
        ("The junta must be punished for the massacre, the opposition leader said.", ["THREATEN"]),
        ("The army retaliated against the militia.", []),
        # reported speech puts "will" as "would": still the speaker's threat
        ("The governor said the gang leaders would be punished.", ["THREATEN"]),
        # "bring to justice" is a vow to punish when said of the future, nothing when told as done
        ("The attackers will be brought to justice, the interior minister said.", ["THREATEN"]),
        ("The commander vowed to bring the snipers to justice.", ["THREATEN"]),
        ("The smugglers were brought to justice in 2015.", []),
        # and so is its purpose under a future: "will take every step to", "will spare no effort to"
        ("The cabinet will spare no effort to bring the bombers to justice.", ["THREATEN"]),
        ("The governor said police would do everything to punish the looters.", ["THREATEN"]),
        ("The council set up a tribunal to bring the looters to justice.", []),
        # a denier's participle of blame is the denier's own charge
        ("The army denied shelling the market, blaming the militia for the deaths.", ["ACCUSE"]),
        # force not ruled out is threatened; force ruled out threatens nothing
        ("The defence minister did not rule out air strikes on the rebel camps.", ["THREATEN"]),
        ("The defence minister ruled out air strikes on the rebel camps.", []),
        ("Analysts warned that more air strikes could not be ruled out.", []),
        # the parser reads "lies" as a noun after "killing": the blame laid all the same
        (
            "The responsibility for these massacres lies in the ranks of the militia, the minister said.",
            ["ACCUSE"],
        ),
        ("They spread lies about the war, and the responsibility for these lies is theirs.", []),
        # a series is a kind, unless it killed or wounded people
        ("A series of bombings is the worst fear of the garrison.", []),
        ("Six border guards died in a series of bombings near the crossing.", ["ASSAULT"]),
        # a head of a kind is a noun: "a rise in attacks", but a verb "rose" names no kind
        ("A rise in kidnappings worries the traders.", []),
        ("Prices rose sharply during a strike by dock workers in the port.", ["PROTEST"]),
        # naming someone an enemy is a reproach
        ("The governor called the smugglers enemies of the people.", ["ACCUSE"]),
        # a threatening letter threatens; a threatened strike is still to come
        ("The editor received threatening letters from the gang.", ["THREATEN"]),
        ("Residents feared a threatened attack on the market.", []),
        # the complement of a vow or a promise is no event that happened
        ("The president promised to punish the officers behind the crackdown.", ["THREATEN"]),
        ("The group vowed to avenge the killing of its leader.", ["THREATEN"]),
        ("Officials warned that foreign consulates were no longer safe.", ["THREATEN"]),
        ("The general issued a stern warning to the mutineers.", ["THREATEN"]),
        # a threat on a condition is made all the same; what it threatens has not happened
        ("The regional bloc threatened sanctions unless the junta freed the president.", ["THREATEN"]),
        # a request for nothing, an opinion held by no one in particular
        ("The convoy asked for no help and drove on.", []),
        ("The ambush, for which the rebels were widely blamed, closed the road.", ["ASSAULT"]),
        # a reaction whose authors are named is their act
        ("The arrests drew condemnation from several embassies.", ["ACCUSE"]),
    ],
)
def test_intent_and_statements(text, expected):
    got = [m.type for m in nlp()(text)._.ec_mentions if m.type != "COERCE"]
    assert got == expected


@pytest.mark.slow
def test_a_reputation_is_no_accusation_told_here():
    doc = nlp()("The governor, who was accused of embezzling relief funds, left the country on Friday.")
    assert "ACCUSE" not in [m.type for m in doc._.ec_mentions]


@pytest.mark.slow
def test_a_decision_taken_is_the_act():
    # "has decided to suspend the dialogue": news of the act, as PLOVER codes it
    [m] = nlp()("The president has decided to suspend the dialogue with the rebels.")._.ec_mentions
    assert m.type == "SANCTION"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a clause set against a negated one, with a subject of its own, keeps its own assertion
        (
            "Why the talks failed is not clear, but on Monday troops sealed off the roads into the capital.",
            "COERCE",
        ),
        # the means of an attempt were used
        ("The junta tried to silence the press by ordering a blackout of the internet.", "COERCE"),
    ],
)
def test_a_contrasted_clause_and_the_means_of_an_attempt_are_told(text, kind):
    assert kind in [m.type for m in nlp()(text)._.ec_mentions]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The rebels did not attack the base and shell the town.",
        "The army will try to retake the town by shelling it.",
    ],
)
def test_shared_negation_and_future_attempts_still_hold(text):
    assert "ASSAULT" not in [m.type for m in nlp()(text)._.ec_mentions]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, kind",
    [
        # the page speaking to its reader, a line of an information box
        ("Please feel free to expand this section and discuss the changes with other editors.", "CONSULT"),
        ("Join the march on Saturday to demand the release of the prisoners.", "PROTEST"),
        ("Part of the 2014 Gaza offensive", "ASSAULT"),
        ("Location Bamako, Mali\nAttack type\nShooting\nDeaths 9\nInjured 25", "ASSAULT"),
        # a wish, an act awaited, a prospect, a regard received, a kind
        ("All we ask is that the soldiers withdraw from our villages.", "RETREAT"),
        ("For the villagers, it was the ceasefire they had prayed for.", "RETREAT"),
        ("The activists now face deportation to their home country.", "COERCE"),
        ("The rescuers earned the praise of the prime minister.", "SUPPORT"),
        ("The union defended the right to peaceful protest.", "PROTEST"),
        # an agreement made before, kept
        ("The new cabinet pledged to abide by the 2015 accord with the rebels.", "AGREE"),
        # a source's wish not to be named
        ("A nurse, who asked not to be identified, said the talks with the union had failed.", "REQUEST"),
        ("A diplomat who requested anonymity said the envoy had left the capital.", "REQUEST"),
        # a verb of saying, not its act
        ("The ministry recalls that ambassadors must respect the law of the host country.", "SANCTION"),
        # a commitment: the act pledged, not done
        ("The ministry said it remained committed to delivering food aid to the camps.", "AID"),
        # people named by what was done to them
        ("Doctors said several of the badly injured had been moved to Lviv.", "ASSAULT"),
        # still to come: a prospect, the time before it, the purpose of a deed
        ("Shopkeepers closed early, fearing an imminent raid by the militia.", "ASSAULT"),
        ("The talks were about a future withdrawal of foreign troops.", "RETREAT"),
        ("The envoy flew to Cairo on the eve of the negotiations.", "CONSULT"),
        ("More troops were sent north to recapture the airport.", "ASSAULT"),
        # a goal, the way to it, what a thing is made for
        ("Both sides said they were moving towards a lasting truce.", "RETREAT"),
        ("The ruling opened the door to the extradition of the general.", "COOPERATE"),
        ("The new checkpoints are meant to curb attacks on the pilgrims.", "ASSAULT"),
        # a condition, a standing designation, a threat kept, an aim, a belief
        ("All shipments to the port remain subject to restrictions.", "COERCE"),
        ("The movement is banned as a terrorist group in Canada.", "COERCE"),
        ("The militia kept its threat and shelled the port.", "THREATEN"),
        ("Our first priority is to evacuate the injured workers.", "AID"),
        ("The crash was thought to be a missile attack.", "ASSAULT"),
        # who someone is, not what they did; more of an event told before
        ("He spoke with the elders who help coordinate the movement against the junta.", "COOPERATE"),
        ("The minister condemned this massacre, which also killed four nurses.", "ASSAULT"),
        # a protest's demand, advice
        ("Protest marches were held across the country, calling on the president to step down.", "REQUEST"),
        ("The mayor warned residents against carrying cash, saying gangs could attack them.", "THREATEN"),
    ],
)
def test_non_acts_are_no_events(text, kind):
    assert kind not in [m.type for m in nlp()(text)._.ec_mentions]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, kind",
    [
        ("The town faced heavy shelling overnight.", "ASSAULT"),  # a deed faced, not a prospect
        ("The governor praised the soldiers for their courage.", "SUPPORT"),  # praise given
        ("Watch: Police fire tear gas at protesters in Nairobi", "ASSAULT"),  # a label, no bidding
        ("Thousands staged a peaceful protest in the capital.", "PROTEST"),  # one protest
        ("The talks that the two sides held in Doha ended without a deal.", "CONSULT"),
        ("Three of the protesters were badly injured by rubber bullets.", "ASSAULT"),
        ("The rebels reached a deal with the government in Nairobi.", "AGREE"),
        ("Gunmen ambushed the convoy on its way to the border.", "ASSAULT"),
        ("The rebels asked the army to release the prisoners.", "REQUEST"),
        ("Seoul recalled its ambassador from Tokyo on Monday.", "SANCTION"),
        # a warning delivered is made; a warning against an act of force threatens
        ("The general delivered a stern warning to the mutineers.", "THREATEN"),
        ("Tehran warned Washington against attacking its nuclear sites.", "THREATEN"),
        # a relative clause told in the past, or on an event told for the first time
        ("The jets that Turkey had readied for deployment struck the camp.", "ASSAULT"),
        ("Officials condemned an attack that killed four nurses.", "ASSAULT"),
        # an act judged by what it led to, not by its need, is told
        ("The ceasefire was fragile, and shelling resumed within hours.", "ASSAULT"),
        # a demand of anyone but a protest's crowd is a request
        ("The envoy arrived in Juba, calling for the two generals to meet.", "REQUEST"),
        ("African leaders gathered in Addis Ababa, calling on the generals to stop fighting.", "REQUEST"),
        # an act alleged by a finite verb is told, hedged
        ("Soldiers allegedly shot two protesters in the city on Monday.", "ASSAULT"),
        # what a party was subject to in the past was imposed on it, and is told
        ("For nearly two years the villagers were subject to a ban on imports of fuel.", "SANCTION"),
    ],
)
def test_acts_near_non_acts_are_still_told(text, kind):
    assert kind in [m.type for m in nlp()(text)._.ec_mentions]


@pytest.mark.parametrize(
    "text, kind, told",
    [
        # the manner of an ongoing act is as ongoing as the act
        (
            "For weeks dockers have been striking, blocking the port's gates and burning tyres.",
            "COERCE",
            False,
        ),
        ("Rebels have been shelling the town for days, hitting its market.", "ASSAULT", False),
        # the manner of an act done is told with it
        ("Rebels stormed the town on Sunday, burning dozens of houses.", "ASSAULT", True),
    ],
)
def test_the_manner_of_an_ongoing_act_is_ongoing(text, kind, told):
    assert (kind in [m.type for m in nlp()(text)._.ec_mentions]) is told


@pytest.mark.parametrize(
    "text, told",
    [
        ("The junta ordered all private radio stations suspended on Friday.", True),  # an order given
        ("The junta will order all private radio stations suspended.", False),  # one to come
    ],
)
def test_an_order_given_on_a_participle_is_the_act(text, told):
    assert ("COERCE" in [m.type for m in nlp()(text)._.ec_mentions]) is told


@pytest.mark.parametrize(
    "text, kind, told",
    [
        # a request as the circumstance of another act tells on whose word it was done
        ("At the request of the mayor, the army imposed a curfew on the old town.", "REQUEST", False),
        ("At the request of the mayor, the army imposed a curfew on the old town.", "COERCE", True),
        # a request made is told
        ("The mayor requested police protection for the market on Monday.", "REQUEST", True),
    ],
)
def test_a_request_as_circumstance_is_no_demand(text, kind, told):
    assert (kind in [m.type for m in nlp()(text)._.ec_mentions]) is told


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "told"),
    [
        # what the denier says besides is told, the denial's object is not
        ("The militia denied losing the bridge, saying its fighters had detained 40 soldiers.", True),
        ("The militia denied detaining the 40 soldiers.", False),
        # a clause of another kind under the denial is still denied
        ("The militia denied detaining the soldiers to exchange them for prisoners.", False),
    ],
)
def test_a_denier_saying_what_happened_tells_it(text, told):
    assert ("COERCE" in [m.type for m in nlp()(text)._.ec_mentions]) is told


@pytest.mark.slow
def test_custody_a_verb_of_blame_holds_one_in_is_told():
    assert "COERCE" in [
        m.type for m in nlp()("The two reporters were held in detention for a week.")._.ec_mentions
    ]
    assert "ASSAULT" not in [
        m.type for m in nlp()("He was charged in the killing of the mayor.")._.ec_mentions
    ]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "type_"),
    [
        # what a denial says instead; a concession beside the act; an agent whose effect is negated
        ("Officials rejected the report, saying that 20 attackers had been killed in the raid.", "ASSAULT"),
        (
            "Hundreds of supporters were massing outside the ministry, though whether they would stay was unclear.",
            "PROTEST",
        ),
        ("The crowd was not dispersed by the water cannon the police turned on it.", "ASSAULT"),
        # holding a place lasts: the occupation is the protest
        ("Students have been occupying the university's main hall since Monday.", "PROTEST"),
    ],
)
def test_acts_told_beside_a_denial_a_doubt_or_a_negation(text, type_):
    assert type_ in [m.type for m in nlp()(text)._.ec_mentions]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The army denied that its troops had shelled the village.",
        "Farmers will march on the ministry if the price is not raised.",
        "The rebels have been shelling the outskirts of the town.",
    ],
)
def test_the_denied_the_conditional_and_the_ongoing_stay_untold(text):
    assert [m.type for m in nlp()(text)._.ec_mentions if m.type in ("ASSAULT", "PROTEST")] == []


@pytest.mark.slow
def test_a_caption_in_the_present_with_its_day_is_told():
    # a photograph's caption: the present tense of a deed on the day it names; a habit names no day
    told = nlp()("Residents flee as soldiers and rebels clash near Beni on Saturday.")._.ec_mentions
    habit = nlp()("Soldiers and rebels clash near Beni almost every week.")._.ec_mentions
    assert "ASSAULT" in [m.type for m in told]
    assert "ASSAULT" not in [m.type for m in habit]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "told"),
    [
        # a deed blamed on someone, told as past by a clause of its own, happened; one the clause denies did not
        ("The two armies blamed each other for the shelling, which began before dawn on Friday.", True),
        ("The ministry blamed the rebels for the massacre, which never took place.", False),
        ("Officials accused the militia of the attack on the convoy.", False),
        ("The army did not confirm the ambush, which killed 12 soldiers near Gao on Monday.", True),
    ],
)
def test_a_deed_blamed_and_told_by_its_own_clause_happened(text, told):
    from eventcoder.sentence.assertion import not_asserted

    doc = nlp()(text)
    [noun] = [t for t in doc if t.lemma_ in ("shelling", "massacre", "attack", "ambush")]
    assert (not_asserted(noun, noun) is None) is told


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "told"),
    [
        # a clause of time that counts its own dead tells its deed, under a negated main verb too
        ("The city had not seen such violence since riots in March 2021 killed 14 people.", True),
        ("The army did not respond after rebels attacked the base on Monday.", True),
        # the anchor of a span with no toll of its own tells none
        ("Thousands have died since fighting broke out in September.", False),
    ],
)
def test_a_time_clause_tells_its_deed(text, told):
    types = [m.type for m in nlp()(text)._.ec_mentions]
    assert ("ASSAULT" in types or "PROTEST" in types) is told
