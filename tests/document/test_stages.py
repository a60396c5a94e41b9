"""Whole documents: headlines, datelines, references to events already told, claims, dates."""

import pytest

from eventcoder import Document, Options
from eventcoder.document.stages import ACTS_APART, MENTION_RULES, STAGES
from eventcoder.pipeline import document_context

from ..helpers import code, nlp

pytestmark = pytest.mark.slow


REPORT = """Militants kill 12 in raid on Nigerian town

MAIDUGURI, Nigeria, March 14 - Gunmen stormed the town of Mafa on Tuesday, killing at least 12 people, \
residents said.

The attack lasted several hours. Several shops in the main market were burned.

The Islamic State West Africa Province claimed responsibility for the raid in a statement on Wednesday.

The army denied that its soldiers had abandoned a base near the town."""


def test_one_event_told_several_times():
    events = code(REPORT)
    assaults = [e for e in events if e["type"] == "ASSAULT"]
    assert len(assaults) == 1, [e["sources"][0]["sentence"] for e in assaults]
    ev = assaults[0]
    assert ev["sources"][0]["sentence"].startswith("Gunmen stormed the town of Mafa on Tuesday")
    assert not ev["sources"][0]["sentence"].startswith("MAIDUGURI")  # the dateline is not evidence
    assert ev["date"]["start"] == "2024-03-12" and ev["date"]["precision"] == "day"


def test_claim_of_responsibility_names_the_actor():
    [ev] = [e for e in code(REPORT) if e["type"] == "ASSAULT"]
    assert ev["actor"]["name"] == "Islamic State West Africa Province"


def test_headline_and_denial_give_no_event():
    sentences = [e["sources"][0]["sentence"] for e in code(REPORT)]
    assert not any(s.startswith("Militants kill") for s in sentences)
    assert not any("denied" in s for s in sentences)


def test_hedges_lower_confidence():
    plain = code("Soldiers shot two protesters in the city on Monday.")[0]["confidence"]
    hedged = code("Soldiers allegedly shot two protesters in the city on Monday.")[0]["confidence"]
    assert hedged < plain


def test_a_rejected_demand_targets_whoever_made_it():
    [ev] = code("The government rejected the rebels' demand for a prisoner swap.")
    assert ev["type"] == "REJECT" and ev["target"]["text"] == "the rebels"
    assert ev["target"]["name"] != ev["actor"]["name"]  # "the rebels" point back to no government


def test_a_demonym_on_an_attack_names_the_states_forces_and_a_vehicle_can_be_hit():
    events = code(
        "The ministry condemned the Turkish drone strike that targeted a civilian vehicle near Sinjar."
    )
    strike = next(e for e in events if e["type"] == "ASSAULT")
    assert strike["actor"]["country"] == "TR" and strike["actor"]["sector"] != "civilians"
    assert strike["target"]["text"] == "a civilian vehicle"


def test_a_protest_against_a_deed_targets_its_doer_not_the_square():
    events = code(
        "A Turkish drone strike killed three men near Sinjar on Monday. On Tuesday, dozens of people "
        "gathered in the centre of Sinjar to denounce the strike."
    )
    protest = next(e for e in events if e["type"] == "PROTEST")
    assert protest["target"]["country"] == "TR"


def test_the_attackers_far_on_are_the_same_attack():
    text = (
        "Gunmen stormed the village of Kuki in Plateau state on Sunday night, killing 14 people, police said.\n\n"
        "The state governor ordered an investigation on Monday and promised that those responsible would be "
        "found. Aid agencies said hundreds of families had fled to the nearby town of Bokkos, where schools "
        "and churches have been turned into shelters for the displaced.\n\n"
        "Survivors said the attackers went from house to house, setting homes on fire."
    )
    assaults = [e for e in code(text) if e["type"] == "ASSAULT"]
    assert len(assaults) == 1, [e["sources"][0]["sentence"] for e in assaults]


def test_a_group_saying_its_fighters_did_it_claims_the_attack_told():
    text = (
        "Islamist militants attacked the town of Barsalogho on Saturday, killing dozens of civilians, "
        "security sources said.\n\n"
        "Jama'at Nusrat al-Islam wal-Muslimin (JNIM) said in a statement that its fighters had killed "
        "about 300 people in the town."
    )
    [ev] = [e for e in code(text) if e["type"] == "ASSAULT"]
    assert ev["actor"]["name"].startswith("Jama'at Nusrat")
    claims = {c["claimant"]: c["fatalities"] for s in ev["sources"] for c in s.get("claims") or []}
    assert 300 in claims.values()


def test_a_claim_dated_by_its_saying_is_still_the_attack_told():
    text = (
        "A car bomb outside a tea shop in Mogadishu killed 12 people on Wednesday, police said.\n\n"
        "Al Shabaab, the Islamist group that has been fighting the government for 15 years, said on "
        "Wednesday night that its fighters had carried out the attack."
    )
    assaults = [e for e in code(text) if e["type"] == "ASSAULT"]
    assert len(assaults) == 1, [e["sources"][0]["sentence"] for e in assaults]
    assert assaults[0]["actor"]["name"].lower().startswith("al")


@pytest.mark.parametrize("rule", MENTION_RULES, ids=lambda r: r.name)
def test_each_mention_rule_handles_its_example(rule):
    """The rule handles a mention of its example (published on 15 June 2024)."""
    sdoc = nlp()(rule.example)
    document = Document(id="t", text=rule.example, published="2024-06-15")
    trace = document_context(sdoc, document, Options()).reading.trace
    assert rule.name in [name for _i, name in trace], trace


def test_the_stages_run_in_order_and_fill_the_context():
    text = "Gunmen stormed the town of Mafa on Tuesday, killing 12 people. The attack lasted hours."
    ctx = document_context(nlp()(text), Document(id="t", text=text, published="2024-06-15"), Options())
    assert [name for name, _stage in STAGES][0] == "mentions" and STAGES[-1][0] == "events"
    assert all(getattr(ctx, name) is not None for name, _stage in STAGES)
    assert [e.type for e in ctx.events] == ["ASSAULT"] and ctx.events[0].fatalities.best == 12


RAID = """Rebels attack army post in Kivu, killing nine soldiers

Rebel fighters of the March 23 Movement overran an army post in the village of Kibumba on \
Monday, killing nine soldiers, local officials said.

The assault began before dawn and lasted four hours.

Unidentified gunmen attacked Kibumba, a resident told reporters.

Residents said the gunmen burned several houses in Kibumba before they withdrew.

In all, the raid left nine soldiers dead, officials said."""


def test_one_raid_told_five_ways_is_one_record_with_every_telling_as_evidence():
    [ev] = [e for e in code(RAID) if e["type"] == "ASSAULT"]
    [source] = ev["sources"]  # one source: the lead, the first telling, stays the evidence read
    assert source["sentence"].startswith("Rebel fighters")
    tellings = source["tellings"]
    told = [source["sentence"], *(t["sentence"] for t in tellings)]
    assert len(told) == 5, told  # the headline, the lead, "the assault", "gunmen attacked", "in all"
    assert any(t.startswith("Rebels attack army post") for t in told)
    assert any(t.startswith("In all, the raid") for t in told)
    assert all(RAID[t["start"] : t["end"]] == t["sentence"] for t in tellings)
    assert ev["date"]["precision"] == "day" and ev["date"]["start"] == "2024-03-11"
    assert ev["actor"]["name"] == "March 23 Movement"  # the named actor, not "unidentified gunmen"


def test_two_attacks_on_different_days_stay_two():
    events = code(
        "Gunmen attacked the village of Kuda on Monday, killing four farmers. "
        "Police said gunmen attacked the village of Kuda again on Thursday, killing two more."
    )
    assert len([e for e in events if e["type"] == "ASSAULT"]) == 2


@pytest.mark.parametrize(
    "text",
    [
        # a target brought in anew: "a convoy"
        "Gunmen stormed the village of Kuda in Borno state on Monday, killing six people. "
        "Separately, in Borno state, a convoy of traders was attacked by militants, police said.",
        # an act set before another: "it started after a gunman shot ..."
        "Fighting between two militias in the town of Kuda killed nine people on Monday. "
        "It started after a gunman shot a militia commander in Kuda, residents said.",
        # two dates of their own: a day inside a week is told apart
        "Clashes between two militias in the town of Kuda went on last week. "
        "On Saturday, militiamen opened fire on a market in Kuda, residents said.",
    ],
)
def test_tellings_of_one_kind_stay_apart_when_they_say_they_are_two(text):
    assert len([e for e in code(text) if e["type"] == "ASSAULT"]) == 2, text


def test_a_restatement_by_an_unnamed_actor_folds_into_the_event_told_before():
    text = (
        "Rebel fighters of the March 23 Movement stormed the village of Kibumba on Monday, local officials said. "
        "The army sent reinforcements to the province and the governor met elders for several hours. "
        "Gunmen attacked Kibumba, a resident told reporters."
    )
    [ev] = [e for e in code(text) if e["type"] == "ASSAULT"]
    assert [t["sentence"] for t in ev["sources"][0]["tellings"]] == [
        "Gunmen attacked Kibumba, a resident told reporters."
    ]


@pytest.mark.parametrize("sign", ACTS_APART, ids=lambda a: a.name)
def test_each_sign_keeps_its_examples_last_act_apart(sign):
    """The sign keeps the example's last mention out of the event told before: two records."""
    sdoc = nlp()(sign.example)
    document = Document(id="t", text=sign.example, published="2024-06-15")
    ctx = document_context(sdoc, document, Options())
    assert f"apart: {sign.name}" in [name for _i, name in ctx.reading.trace], ctx.reading.trace
    assert len(ctx.events) == 2, [e.sources[0].sentence for e in ctx.events]


def test_a_deed_after_shots_rang_out_is_a_deed_of_its_own():
    text = (
        "Police fired on the crowd outside the assembly on Monday, wounding six people. Soon after the shots "
        "rang out, part of the building was torched."
    )
    assert len([e for e in code(text) if e["type"] == "ASSAULT"]) == 2


def test_a_toll_after_the_attack_and_a_further_telling_still_fold():
    events = code(
        "Gunmen stormed the town of Mafa on Tuesday. Two people died after the attack. They killed 12 people "
        "in the market of Mafa."
    )
    assert len([e for e in events if e["type"] == "ASSAULT"]) == 1


def test_a_measure_folds_into_its_own_kind_past_another_measure():
    """A curfew, a cut of the internet, then the curfew again: two records, the last telling the first's."""
    events = code(
        "Soldiers imposed a curfew in Niamey on Wednesday. Mobile internet was suspended across the "
        "country. The curfew runs from 10pm to 5am."
    )
    coerce = sorted(
        (e["mode"], len(e["sources"][0].get("tellings") or [])) for e in events if e["type"] == "COERCE"
    )
    assert coerce == [("censor", 0), ("curfew", 1)], coerce


def test_two_measures_of_one_sentence_stay_two():
    events = code("The junta announced a curfew and the closure of the borders on Thursday.")
    assert sorted(e["mode"] for e in events if e["type"] == "COERCE") == ["curfew", "restrict"]
    assert {e["actor"]["name"] for e in events if e["type"] == "COERCE"} == {"junta"}


def test_crowd_control_by_a_party_to_the_clash_goes_on_telling_it():
    # the police were a side of the clash: their tear gas is the clash told on, not an act of its own
    text = (
        "Two students were killed on Monday in a clash between protesters and police near the campus in Rangpur. "
        "Police then fired rubber bullets and tear gas to disperse the students."
    )
    assert len([e for e in code(text) if e["type"] == "ASSAULT"]) == 1


def test_wrecking_by_the_doers_told_before_goes_on_telling_their_raid():
    # the same gunmen burning houses in their raid: one deed told on
    text = "Gunmen attacked the village of Kuda on Monday, killing 12 people. They also set fire to houses."
    assert len([e for e in code(text) if e["type"] == "ASSAULT"]) == 1


def test_a_deed_at_an_unnamed_spot_goes_on_telling_the_raid():
    # only a spot named in both tellings, and otherwise, makes two deeds
    text = (
        "Gunmen attacked worshippers at St Mary's Church in Owo on Sunday. They also shot at passers-by at the "
        "market."
    )
    assert len([e for e in code(text) if e["type"] == "ASSAULT"]) == 1


def test_the_same_armed_men_told_again_go_on_telling_their_raid():
    # the other side's deed needs a deed of the state's forces before it
    text = "Gunmen attacked an army post near Kidal on Tuesday. The gunmen killed nine soldiers."
    assert len([e for e in code(text) if e["type"] == "ASSAULT"]) == 1
