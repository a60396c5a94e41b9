"""One record for each event a report tells: further tellings fold into the record told before,
and tellings that say they are another event stay apart (eventcoder.document.tellings)."""

import pytest

from eventcoder.lexicons.data import read_toml

from ..helpers import assaults, code, told

pytestmark = pytest.mark.slow


def test_the_word_lists_are_data():
    words = read_toml("references.toml")
    for key in (
        "habit",
        "again",
        "indefinite",
        "sequence",
        "party_filler",
        "pointing_subjects",
        "restated_types",
        "lasting_preps",
        "lasting_spans",
    ):
        assert words[key], key


def test_a_second_telling_in_one_sentence_is_one_deed():
    text = "The tanker was targeted by the rebels, who fired a drone that struck the vessel on Tuesday."
    [ev] = assaults(text)
    assert ev["actor"]["name"] != "drone"


def test_two_deeds_side_by_side_in_one_sentence_stay_two():
    text = (
        "Gunmen shot dead four farmers in the village of Kuda on Monday; police said bandits "
        "also attacked a convoy of traders near the town of Mafa on Wednesday."
    )
    assert len(assaults(text)) == 2


def test_a_recap_takes_the_place_and_date_of_its_event():
    text = (
        "Rebel fighters stormed the village of Kibumba in North Kivu on Monday, burning dozens of homes. "
        "Aid agencies said thousands of families had fled towards the provincial capital. "
        "In all, the raid left eleven villagers dead, officials said."
    )
    [ev] = assaults(text)
    assert ev["location"]["name"] == "Kibumba" and ev["date"]["start"] == "2024-03-11"
    assert any(t.startswith("In all, the raid") for t in told(ev))
    assert ev["fatalities"]["best"] == 11


def test_a_further_site_struck_within_the_event_stays_its_own_record():
    text = (
        "Militiamen attacked the camp of Kalma on Friday, killing dozens of displaced people. "
        "The attackers set fire to the market and looted shops. "
        "Doctors said militiamen shelled the hospital on Saturday, killing two nurses."
    )
    assert len(assaults(text)) == 2


def test_a_headline_after_a_kicker_is_a_telling_not_a_record():
    text = (
        "Congo: Rebels kill nine soldiers in raid on army post\n\n"
        "Rebel fighters of the March 23 Movement overran an army post in the village of Kibumba on "
        "Monday, killing nine soldiers, local officials said."
    )
    [ev] = assaults(text)
    assert ev["sources"][0]["sentence"].startswith("Rebel fighters")
    assert any("Rebels kill nine soldiers" in t for t in told(ev))


def test_a_headline_after_a_kicker_the_parser_cut_off_is_still_the_headline():
    from spacy.tokens import Doc

    from eventcoder.document.evidence import is_title_line

    from ..helpers import nlp

    words = ["Yemen", ":", "Crew", "killed", "in", "missile", "attack", "\n\n", "Rebels", "fired", "."]
    starts = [True, False, True, False, False, False, False, False, True, False, False]
    spaces = [False, True, True, True, True, True, False, False, True, False, False]
    doc = Doc(nlp().vocab, words=words, spaces=spaces, sent_starts=starts)
    kicker, headline, body = list(doc.sents)
    assert is_title_line(headline) and not is_title_line(body)


def test_a_paragraph_ending_in_an_ellipsis_is_no_subheading():
    text = (
        "Unrest in the north\n\nThe ministry said the situation was calm.\n\n"
        "Police opened fire on students in Parakou on Friday\u2026\n\nThe ministry said the city was calm."
    )
    [ev] = assaults(text)
    assert ev["sources"][0]["sentence"].endswith("Friday\u2026")


def test_two_sectors_of_one_country_are_two_doers():
    text = (
        "Dozens of Israeli settlers stormed the village of Burin on Friday, setting fire to cars. "
        "Witnesses said Israeli soldiers fired tear gas at villagers who tried to defend their homes."
    )
    assert len(assaults(text)) == 2


def test_a_deed_at_another_time_of_day_is_a_further_deed():
    text = (
        "Police raided the Mare favela on Tuesday morning, exchanging fire with armed gang members. "
        "In the afternoon, gang members set fire to three buses on the main avenue."
    )
    assert len(assaults(text)) == 2


def test_two_deeds_of_one_sentence_on_two_dates_stay_two():
    text = (
        "In February, its fighters killed at least 12 people in Gajiram, 40 kilometres north of Maiduguri, "
        "and on March 9 gunmen returned to the same town, setting fire to dozens of homes."
    )
    assert len(assaults(text)) == 2


def test_a_deed_done_to_it_is_done_to_the_thing_told_before():
    from types import SimpleNamespace

    from eventcoder.document.tellings import targets_differ

    from ..helpers import nlp

    [first] = nlp()("The tanker was targeted by the rebels on Monday.")._.ec_mentions
    later = nlp()("The crew said one of the missiles had hit it.")
    prior = SimpleNamespace(mention=first)
    assert not targets_differ(prior, SimpleNamespace(target=later[-2]))  # "it"


def test_a_statement_aimed_at_another_party_is_a_statement_of_its_own():
    text = (
        "Statement by the Ministry of Foreign Affairs\n\n"
        "The ministry condemns the crimes committed by the militia in the camp on Sunday.\n\n"
        "The ministry once again accuses Chad of arming the militia."
    )
    accusations = [e for e in code(text, "2024-12-09") if e["type"] == "ACCUSE"]
    assert len(accusations) == 2


def test_a_time_of_day_inside_a_name_tells_no_time():
    text = (
        "Army helicopters fired rockets at the city of Kharkiv on Friday, the district officer said. "
        "Rescue workers searched the rubble for survivors and the governor visited the wounded in hospital. "
        "A witness said air strikes by the army killed 23 people, the Sunday Evening Standard reported."
    )
    [ev] = assaults(text)
    assert ev["fatalities"]["best"] == 23 and len(told(ev)) == 2


def test_a_deed_named_as_the_doer_is_no_party():
    [ev] = assaults(
        "The March 3 strike, which destroyed the embassy annex in Damascus, broke international law."
    )
    assert ev["actor"] is None


def test_the_air_force_names_no_doer_of_its_own():
    text = (
        "Syrian government jets bombed a market in Idlib on Sunday, killing 14 people, residents said. "
        "Rescue workers pulled survivors from the rubble for several hours. "
        "An army spokesman said the air force had targeted a meeting of militants."
    )
    [ev] = assaults(text)
    assert len(told(ev)) == 2


def _of_type(text, kind):
    return [e for e in code(text) if e["type"] == kind]


def test_an_expulsion_retold_is_one_sanction():
    text = (
        "Burkina Faso's military government has expelled the French ambassador, state television reported on "
        "Monday. The junta accuses Paris of meddling in its affairs. The foreign ministry said the ambassador "
        "had been told to leave Ouagadougou within 48 hours."
    )
    [ev] = _of_type(text, "SANCTION")
    assert len(told(ev)) == 2


def test_a_meeting_retold_is_one_meeting():
    text = (
        "The prime minister called a meeting of the National Security Committee in Islamabad on Tuesday after "
        "Indian jets crossed the border. The foreign ministry summoned the Indian envoy to protest and the army "
        "put its units on alert along the frontier. The army chief, the foreign minister and other senior "
        "officials attended the NSC meeting."
    )
    [ev] = _of_type(text, "CONSULT")
    assert len(told(ev)) == 2


def test_aid_retold_is_one_delivery():
    text = (
        "WFP trucks carrying sorghum and oil reached Geneina in West Darfur on Tuesday evening. The agency's "
        "director welcomed the reopening of the Adre crossing, saying the trucks would bring food to millions "
        "of people. The border was shut for six months while the army and the paramilitary fought over the "
        "road, and relief groups said hunger was spreading fast in the camps of the region. Prices of grain in "
        "the markets of the state capital have tripled since the spring, traders said, and many families now "
        "eat one meal a day. The crossing is the quickest route for delivering aid into Darfur."
    )
    assert len(_of_type(text, "AID")) == 1


def test_a_recalled_act_is_not_the_news_told_before():
    text = (
        "Burkina Faso's military government has expelled the French ambassador, accusing him of meddling. "
        "Hundreds of people rallied outside the embassy in Ouagadougou on Monday. "
        "The government noted that in 2019 it had expelled the Ivorian ambassador."
    )
    assert len(_of_type(text, "SANCTION")) == 2


def test_a_deed_noun_tells_its_deed_through_the_clause_it_is_the_subject_of():
    from types import SimpleNamespace

    from eventcoder.document.tellings import _linked

    from ..helpers import nlp

    doc = nlp()("A bomb strapped to a rickshaw exploded beside a police truck, wounding four constables.")
    bomb, wounding = doc[1], doc[12]
    assert (bomb.text, wounding.text) == ("bomb", "wounding")
    assert _linked(SimpleNamespace(governor=bomb), SimpleNamespace(governor=wounding))


def test_a_deed_set_before_another_in_a_clause_is_its_own():
    text = (
        "Hundreds of settlers rampaged through the village of Huwara on Sunday night, setting fire to dozens of "
        "homes and cars. The rampage came a day after two gunmen opened fire at a checkpoint near Nablus, "
        "killing two soldiers."
    )
    assert len(assaults(text)) == 2


def test_a_telling_gives_the_target_the_record_lacked():
    from eventcoder import Document, Options, process_document
    from eventcoder.document.tellings import fold_telling

    text = (
        "Gunmen attacked a convoy near Kidal on Monday. Militants shot dead three traders near Gao on Friday."
    )
    first, second = process_document(Document(id="t", text=text, published="2024-03-14"), Options())
    first.target = None
    fold_telling(first, second)
    assert first.target == second.target and first.target is not None


def test_the_day_a_toll_was_confirmed_does_not_date_the_deed_told_again():
    text = (
        "30 herders killed by gunmen in raids across Nigeria\n\n"
        "Gunmen have reportedly killed no fewer than 30 herders in raids across Dangari village in northern "
        "Nigeria.\n\nThe attackers reportedly went after the men but seemed to spare women.\n\n"
        "A police source who confirmed the toll on Tuesday on condition of anonymity said no group had claimed "
        "responsibility, although the assault took place in a district where bandits are fighting the army.\n\n"
        "In a statement on Monday, the governor condemned the attack."
    )
    [ev] = assaults(text, "2024-03-12")
    assert ev["date"]["start"] == "2024-03-11"
    assert any(t.startswith("A police source who confirmed") for t in told(ev))


def test_what_is_fired_in_the_plural_is_one_deed():
    text = (
        "Soldiers and villagers clashed in the market of Doko on Monday, and a farmer was killed. "
        "Troops then fired rubber bullets at the crowd, a witness said."
    )
    [ev] = assaults(text)
    assert any(s.startswith("Troops then fired") for s in told(ev))


def test_a_statement_placed_by_a_country_alone_takes_the_town_a_telling_gives():
    from eventcoder.document.tellings import _finer_place
    from eventcoder.model import Place

    country = Place("Israel", "IL", 31.5, 34.8, "country")
    town = Place("Tehran", "IR", 35.7, 51.4, "city")
    assert _finer_place(town, country, spoken=True)
    assert not _finer_place(town, country)  # a deed in Israel is not told again in Tehran


def test_one_states_measure_against_another_told_twice_is_one_placed_at_home():
    text = (
        "Under fire from Washington, the government of Venezuela has ordered the American chargé "
        "d'affaires to leave the country within 48 hours. \"The Government of Venezuela announces that the "
        "American envoy to Caracas was summoned on Monday and told that the government orders him to leave "
        'the country within 48 hours," the foreign ministry said in a statement.'
    )
    [sanction] = [e for e in code(text) if e["type"] == "SANCTION"]
    assert sanction["location"]["name"] == "Caracas"


def test_two_states_measures_against_two_others_stay_two():
    text = (
        "Venezuela ordered the American envoy to leave Caracas on Monday. "
        "Bolivia ordered the Peruvian ambassador to leave La Paz the same day."
    )
    assert len([e for e in code(text) if e["type"] == "SANCTION"]) == 2


KALAY = (
    "A regime warplane bombed the village of Kalay in Magway Region on Tuesday morning, killing 14 people "
    "and wounding 20. Residents said they had fled into the forest when they heard the plane, and many were "
    "still hiding there on Wednesday, afraid that it would come back. Aid workers from a nearby town brought "
    "rice and medicine in the evening. Local monks opened the monastery to families whose homes had burned, "
    "and volunteers cooked for more than three hundred people through the night. Mobile phone lines were "
    "cut, and news of the toll reached the regional capital only a day later. "
)


def test_a_site_inside_the_place_struck_is_where_in_it_the_deed_fell():
    [ev] = assaults(KALAY + "The warplane dropped three bombs on a school in Kalay where families sheltered.")
    assert any(s.startswith("The warplane dropped") for s in told(ev))


def test_a_site_brought_in_elsewhere_is_another_deed():
    text = KALAY + "The warplane dropped three bombs on a school in Pakokku where families sheltered."
    assert len(assaults(text)) == 2


def test_a_related_headline_about_another_place_is_no_telling():
    text = (
        "Gunmen kill 12 in raid on Nigerian town\n\n"
        "Gunmen stormed the town of Mafa in Borno State on Tuesday and killed 12 people, police said.\n\n"
        "Read more:\n\nFive soldiers killed in ambush near Gao, Mali\n\n"
        "Residents of Mafa buried the dead on Wednesday."
    )
    [ev] = assaults(text)
    assert [s[:11] for s in told(ev)] == ["Gunmen stor", "Gunmen kill"]


def test_a_headline_naming_another_doer_is_no_telling_of_the_bodys_deed():
    text = (
        "Russian forces fired a missile at the station, officials say\n\n"
        "A Ukrainian army unit fired a rocket at the centre of Donetsk on Monday, killing 12 people."
    )
    [ev] = assaults(text)
    assert [s[:12] for s in told(ev)] == ["A Ukrainian "]


def test_the_headline_gives_its_figures_where_the_body_gives_none():
    text = (
        "Gunmen kill 12 villagers in raid on Nigerian town\n\n"
        "Gunmen raided the town of Kauran Namoda in Zamfara state on Monday night, a police spokesman said."
    )
    [raid] = assaults(text)
    assert raid["fatalities"]["best"] == 12
    assert len(told(raid)) == 2


# -- tellings that point back, and signs that are no other event --------------------------------
def test_a_site_named_with_a_definite_article_is_the_place_told_before():
    text = (
        "Gunfire broke out at a wedding hall in the town of Kaduna on Saturday. "
        "The building then caught fire. "
        "Police said several people in masks stormed the venue before the guests arrived."
    )
    [ev] = assaults(text)
    assert any(s.startswith("Police said several people") for s in told(ev))


def test_a_target_named_again_in_the_same_words_is_the_target_told_before():
    text = (
        "A Belgian aid worker died after gunfire hit a Red Cross convoy near the town of Bunia. "
        "Militia leaders denied any part in the shooting. "
        "The aid worker died on Tuesday after a Red Cross convoy came under fire near Bunia."
    )
    assert len(assaults(text)) == 1


def test_another_site_brought_in_by_its_article_stays_apart():
    text = (
        "Gunfire hit a Red Cross convoy near the town of Bunia on Tuesday. "
        "A police patrol came under fire near Bunia on Tuesday."
    )
    assert len(assaults(text)) == 2


def test_another_counting_more_of_the_toll_tells_no_other_event():
    text = (
        "At least nine soldiers died in suicide bombings outside the army base in Gao on Monday. "
        "Shops in the old town stayed closed for most of the day and the streets around the market were almost "
        "empty by the afternoon. Many families kept their children at home, and the buses that usually carry "
        "workers to the port ran only half full. "
        '"Nine of our soldiers have died in the attack and another 14 have been wounded," the spokesman said.'
    )
    [ev] = assaults(text)
    assert len(told(ev)) == 2


def test_a_deed_set_before_a_saying_is_told_again():
    text = (
        "Twin blasts killed 20 people outside the stadium in Mogadishu on Friday. "
        "Shops in the old town stayed closed for most of the day. "
        '"We will keep the city safe," the mayor said on Saturday after two explosions struck crowds outside '
        "the stadium."
    )
    [ev] = assaults(text)
    assert len(told(ev)) == 2


def test_ordinals_within_the_deeds_counted_are_those_deeds():
    text = (
        "Two explosions killed 40 people near a shrine in the city of Kerman on Wednesday. "
        "State television reported a first and then a second explosion during the procession in Kerman."
    )
    [ev] = assaults(text)
    assert len(told(ev)) == 2


def test_a_second_deed_beyond_the_one_counted_is_another():
    text = (
        "One explosion killed 12 people at the bus station of Quetta on Monday. "
        "Hours later a second explosion hit the market in Quetta."
    )
    assert len(assaults(text)) == 2


def test_the_day_a_deed_was_said_does_not_make_a_telling_of_its_own_day_another():
    text = (
        "On Monday, a government spokesman said that more than 40 people had lost their lives in an attack on "
        "the village of Tabou in the north.\n\n"
        "The armed men struck this village last Saturday night, according to officials."
    )
    [ev] = assaults(text, "2024-03-13")
    assert len(told(ev)) == 2


def test_a_kind_of_doer_on_a_noun_that_points_back_names_no_other_doer():
    text = (
        "Islamic State claimed the bombing of a market in Kabul on Thursday that killed 30 people. "
        "Officials said the jihadist attack left at least 60 dead."
    )
    [ev] = assaults(text)
    assert len(told(ev)) == 2


FILLER = (
    "Shops in the old town stayed closed for most of the day and the streets around the market were almost "
    "empty by the afternoon. Many families kept their children at home, and the buses that usually carry "
    "workers to the port ran only half full. Traders said they had lost a week of business and feared that "
    "the tourists would not come back before the rainy season. "
)


def test_one_toll_of_the_dead_ties_two_tellings_whoever_the_second_names():
    text = (
        "Two explosions killed 35 people near the shrine in Kerman on Wednesday. "
        + FILLER
        + "Officials said the authorities had confirmed 35 deaths and 120 wounded."
    )
    [ev] = assaults(text)
    assert len(told(ev)) == 2 and ev["actor"] is None  # who confirmed the toll did not do the deed


def test_a_small_toll_told_alike_does_not_tie_two_deeds():
    text = (
        "A soldier was killed when gunmen attacked a checkpoint near Gao on Monday. "
        + FILLER
        + "Rebels said their fighters killed a soldier in an ambush near Gao on Monday."
    )
    assert len(assaults(text)) == 2


def test_a_place_named_in_a_further_act_does_not_place_the_deed():
    from eventcoder.document.tellings import _in_a_further_act

    from ..helpers import nlp

    doc = nlp()("His wife, also shot in the attack, was flown to Miami for treatment.")
    [shot] = [m for m in doc._.ec_mentions if m.trigger.text == "shot"]
    miami = doc[12:13]
    assert miami.text == "Miami" and _in_a_further_act(shot, miami)
    assert not _in_a_further_act(shot, doc[7:8])  # "attack": not in the act of flying


def test_a_side_of_a_fight_told_with_no_doer_is_its_doer():
    text = (
        "A student has been killed in a clash that erupted between students and police in the town of Rangpur "
        "on Tuesday. " + FILLER + "Police then fired rubber bullets to disperse the students."
    )
    [ev] = assaults(text)
    assert len(told(ev)) == 2


def test_a_doer_named_in_a_deed_noun_that_is_no_fight_stays_apart():
    text = (
        "Eleven people were killed during Tuesday's police raid on the favela of Rocinha. "
        + FILLER
        + "Military police dispersed the crowd with tear gas."
    )
    assert len(assaults(text)) == 2


def test_a_person_named_as_hurt_in_the_deed_is_one_of_its_toll():
    text = (
        "Gunmen attacked a market in the town of Mopti on Monday, killing nine people and wounding 20. "
        + FILLER
        + "Ahmed Hassan was wounded in the attack."
    )
    [ev] = assaults(text)
    assert len(told(ev)) == 2


def test_another_speaker_tells_no_other_deed():
    text = (
        "Gunmen attacked a bus near the town of Gao on Monday, wounding its driver. "
        + FILLER
        + "Another news agency meanwhile reported that the driver had been wounded by gunmen."
    )
    [ev] = assaults(text)
    assert len(told(ev)) == 2


def test_a_marcher_quoted_tells_the_march_again():
    text = (
        "Thousands of teachers marched through the centre of Lagos on Monday to demand unpaid wages. "
        + FILLER
        + 'Another teacher, Grace Obi, said: "We are marching against everything that keeps us poor."'
    )
    [ev] = [e for e in code(text) if e["type"] == "PROTEST"]
    assert len(told(ev)) == 2


def test_a_victim_who_died_later_tells_no_further_deed():
    text = (
        "Gunmen opened fire on a minibus near the town of Bunia on Monday, killing its driver and wounding "
        "a passenger. " + FILLER + "The passenger was shot in the chest and died several hours later at a "
        "hospital in Bunia."
    )
    [ev] = assaults(text)
    assert len(told(ev)) == 2


def test_a_deployment_told_in_the_plural_is_the_deployment_told_before():
    text = (
        "The army deployed troops to the town of Imphal on Wednesday after clashes between two communities. "
        + FILLER
        + "Flag marches were held as well to keep the situation under control."
    )
    [ev] = [e for e in code(text) if e["type"] == "MOBILIZE"]
    assert len(told(ev)) == 2


def test_the_day_figures_were_given_does_not_make_the_toll_another_deed():
    text = (
        "A bomb exploded at a market in the city of Kerman on Monday, killing 40 people. "
        + FILLER
        + "On Tuesday the interior minister gave revised figures for the victims of the bombing: 45 dead and "
        "120 injured."
    )
    [ev] = assaults(text)
    assert len(told(ev)) == 2


def test_figures_reported_earlier_are_a_count_of_the_toll_told_before():
    text = (
        "A bomb exploded at a market in the city of Kerman on Monday, killing 45 people and injuring 120. "
        + FILLER
        + "Earlier the authorities had reported about 38 dead and 100 injured."
    )
    [ev] = assaults(text)
    assert len(told(ev)) == 2 and ev["fatalities"]["best"] in (38, 45)


def test_a_crowds_storming_read_two_ways_in_one_clause_is_one_event():
    text = "Backers of the opposition leader stormed the electoral commission in Kinshasa on Sunday, smashing its windows."
    events = code(text)
    assert len(events) == 1 and events[0]["type"] in ("ASSAULT", "PROTEST")


def test_two_doers_in_one_sentence_of_a_riot_stay_two():
    text = (
        "Protesters threw stones at the police in Nairobi on Tuesday, and police fired tear gas at the crowd."
    )
    assert len([e for e in code(text) if e["type"] in ("ASSAULT", "PROTEST")]) == 2
