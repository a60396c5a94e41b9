"""Which date each event gets: governing expression, statements, nested clauses, carry-over."""

import pytest

from eventcoder.document.dating import DATE_RULES, DocDates

from ..helpers import code

pytestmark = pytest.mark.slow


def test_statement_in_the_present_is_dated_to_publication():
    text = (
        "The Ministry of Foreign Affairs condemns in the strongest terms the drone strike that hit a car "
        "near Sinjar on 10 June."
    )
    [accuse] = [e for e in code(text, "2024-06-12") if e["type"] == "ACCUSE"]
    assert accuse["date"]["start"] == accuse["date"]["end"] == "2024-06-12"


def test_date_of_a_nested_clause_is_not_the_event_date():
    text = "On Sunday the government rejected the declaration that the two sides signed in May 2023."
    [reject] = [e for e in code(text, "2024-12-09") if e["type"] == "REJECT"]
    assert reject["date"]["start"] == "2024-12-08"


def test_a_date_a_statement_names_is_not_the_day_it_was_said():
    text = (
        "The envoy met the rebel leaders on Tuesday.\n\nThe envoy also condemned the raid and urged all sides "
        "to honour the 2015 peace accord."
    )
    said = [e for e in code(text, "2024-03-08") if e["type"] in ("ACCUSE", "REQUEST")]
    assert said and all(e["date"]["start"] == "2024-03-05" for e in said)


def test_the_date_of_the_deed_an_accusation_names_is_not_the_accusations():
    text = (
        "Students marched through Kisumu on Wednesday.\n\n"
        "A rights group accused the police of beating three students in the city on 2 March."
    )
    accused = [e for e in code(text, "2024-03-08") if e["type"] == "ACCUSE"]
    assert accused and all(e["date"]["start"] == "2024-03-06" for e in accused)


def test_anchored_duration_after_a_dated_event():
    text = (
        "In July 2009, soldiers attacked the camp.\n\nFor nearly two years the residents were subject to a "
        "ban on imports of food and medicine."
    )
    ban = [e for e in code(text, None) if e["type"] in ("COERCE", "SANCTION")]
    assert ban and ban[0]["date"]["start"] == "2009-07-01" and ban[0]["date"]["precision"] == "range"


def test_news_with_no_date_of_its_own_gets_the_week_before_publication():
    [ev] = code("Gunmen were attacking a police station in the town when troops arrived.", "2024-03-14")
    assert (ev["date"]["start"], ev["date"]["end"], ev["date"]["precision"]) == (
        "2024-03-08",
        "2024-03-14",
        "week",
    )


def test_a_report_that_tells_no_date_at_all_tells_the_news_of_its_day():
    [ev] = code("Gunmen attacked a police station in the town, killing two officers.", "2024-03-14")
    assert (ev["date"]["start"], ev["date"]["end"], ev["date"]["precision"]) == (
        "2024-03-14",
        "2024-03-14",
        "day",
    )
    [ev] = code("Two officers were killed when gunmen stormed a police post.", "2024-03-14")
    assert ev["date"]["start"] == "2024-03-14"


def test_announced_events_are_not_reported():
    assert code("Opposition parties will hold a rally on 20 March.", "2024-03-14") == []


def test_the_issue_examples_end_to_end():
    [hit] = code("Rockets hit the camp on Saturday, killing two residents.", "2013-02-11")
    assert (hit["date"]["start"], hit["date"]["end"], hit["date"]["precision"]) == (
        "2013-02-09",
        "2013-02-09",
        "day",
    )
    [raid] = code("In July 2009, the army raided the camp.", "2013-02-11")
    assert (raid["date"]["start"], raid["date"]["end"], raid["date"]["precision"]) == (
        "2009-07-01",
        "2009-07-31",
        "month",
    )


def test_background_is_not_dated_to_publication():
    [raid] = code(
        "The 2011 raid on the camp by government forces killed 36 people, the report said.", "2024-05-02"
    )
    assert raid["date"]["start"] == "2011-01-01" and raid["date"]["end"] == "2011-12-31"
    assert code("Residents still remember the 2011 raid on the camp.", "2024-05-02") == []


@pytest.mark.parametrize("rule", DATE_RULES, ids=lambda r: r.name)
def test_each_rule_dates_its_example(rule, monkeypatch):
    fired = []
    dated_by = DocDates.dated_by

    def spy(self, m):
        dated = dated_by(self, m)
        fired.append(dated and dated[0])
        return dated

    monkeypatch.setattr(DocDates, "dated_by", spy)
    code(rule.example, rule.published)
    assert rule.name in fired, fired


def test_a_weekday_with_no_publication_date_stays_unresolved():
    [ev] = code(
        "Rebels ambushed an army convoy near the river crossing on Friday, killing four soldiers.", None
    )
    assert ev["date"] == {"start": None, "end": None, "precision": None, "text": "Friday"}


def test_a_weekday_after_a_dated_lead_is_the_nearest_such_day():
    text = (
        "On 3 March 2021, rebels attacked the town of Kibo.\n\n"
        "On Friday, soldiers ambushed a rebel convoy near the river crossing, killing four fighters."
    )
    days = sorted(e["date"]["start"] for e in code(text, None))
    assert days == ["2021-03-03", "2021-03-05"]  # the Friday nearest 3 March (a Wednesday)


def test_parts_of_a_day_are_that_day():
    for words, day in (
        ("before dawn on Tuesday", "2024-06-11"),
        ("late Thursday", "2024-06-06"),
        ("on Saturday night", "2024-06-08"),
        ("early on Monday", "2024-06-10"),
        ("last night", "2024-06-11"),
        ("overnight", "2024-06-11"),
    ):
        [ev] = code(f"Gunmen stormed a police post in the town {words}, killing two officers.", "2024-06-12")
        assert (ev["date"]["start"], ev["date"]["end"], ev["date"]["precision"]) == (day, day, "day"), words


def test_a_recalled_event_is_background_and_keeps_its_date():
    text = (
        "Police fired tear gas at protesters in the capital on Tuesday.\n\n"
        "In 2015, soldiers had killed 40 demonstrators in the same square."
    )
    news, past = code(text, "2024-06-12")
    assert news["date"]["start"] == "2024-06-11" and news["sources"][0]["telling"] == "news"
    assert past["date"]["start"] == "2015-01-01" and past["sources"][0]["telling"] == "background"


def test_a_background_paragraph_does_not_date_the_news_after_it():
    text = (
        "Riot police clashed with students in the port city on Monday.\n\n"
        "Last year, a crowd stormed the governor's office.\n\n"
        "Police arrested two student leaders in the city."
    )
    *_, arrest = code(text, "2024-06-12")
    assert "arrested" in arrest["sources"][0]["sentence"]
    assert arrest["date"]["start"] == "2024-06-10" and arrest["sources"][0]["telling"] == "news"


def test_a_dateline_is_the_day_of_writing_not_of_an_event():
    text = "Published 4 May 2024, 10:42 GMT\n\nRebels ambushed a convoy near the river crossing on Friday."
    [ev] = code(text, None)  # no publication date given: the dateline's day anchors "on Friday"
    assert (ev["date"]["start"], ev["date"]["precision"]) == ("2024-05-03", "day")
    [ev] = code(
        "Written by Jane Doe on May 4, 2024\n\nGunmen attacked a police station in the town.", "2024-05-04"
    )
    assert ev["date"]["precision"] == "week"  # the byline's day is not the attack's


def test_a_heading_date_gives_way_to_the_lead():
    text = (
        "Army deploys in six districts, suspends Thursday's exams\n\n"
        "At least six people were killed yesterday as protesters clashed with police.\n\n"
        "The unrest spread to the north.\n\n"
        "In the port city, police shot dead a student."
    )
    *_, shot = code(text, "2024-07-17")
    assert "student" in shot["sources"][0]["sentence"]
    assert shot["date"]["start"] == "2024-07-16"


def test_a_date_of_another_thing_named_does_not_date_the_event():
    text = (
        "Protesters clashed with police in the capital on Wednesday.\n\n"
        "Thousands of people, among them families of those killed in last year's rallies, marched through "
        "the city centre."
    )
    events = code(text, "2025-06-26")
    [killed] = [e for e in events if e["type"] == "ASSAULT"]
    assert killed["date"]["start"] == "2024-01-01"  # the rallies' own date
    march = [e for e in events if e["type"] == "PROTEST" and "marched" in e["sources"][0]["sentence"]]
    assert march and march[0]["date"]["start"] == "2025-06-25"
    assert march[0]["sources"][0]["telling"] == "news"


def test_a_heading_date_is_not_carried_into_the_body():
    text = (
        "Army deploys in six districts, suspends Thursday's exams\n\n"
        "Police shot dead a student near the campus.\n\n"
        "At least six people were killed yesterday as protesters clashed with police."
    )
    shot = [e for e in code(text, "2024-07-17") if "student" in e["sources"][0]["sentence"]]
    assert shot and shot[0]["date"]["start"] == "2024-07-16"  # the story's day, not the exams'


def test_the_period_something_is_for_is_not_the_event_date():
    text = (
        "Border clashes erupted between the two armies on Thursday.\n\n"
        "As Ghana holds the chair of the bloc for 2025, its president appealed to both leaders for a ceasefire."
    )
    appeal = [e for e in code(text, "2025-07-25") if "appealed" in e["sources"][0]["sentence"]]
    assert appeal and appeal[0]["date"]["start"] == "2025-07-24"


def test_a_date_of_a_recalled_past_is_not_carried_to_the_news_after_it():
    text = (
        "Gunmen attacked a camp near the town, killing 40 people. It was one of the worst attacks since the "
        "war broke out in April 2023. The governor denounced the killings."
    )
    [accuse] = [e for e in code(text, None) if e["type"] == "ACCUSE"]
    assert (accuse["date"] or {}).get("start") is None


def test_so_many_weeks_later_counts_from_the_last_day_told():
    text = (
        "Supporters of the cleric stormed the parliament on 27 July 2022.\n\n"
        "Earlier in July, the cleric had rejected the candidacy of his rival. A week later, his supporters "
        "stormed the parliament again."
    )
    again = [e for e in code(text, None) if "again" in e["sources"][0]["sentence"]]
    assert again and (again[0]["date"]["start"], again[0]["date"]["end"]) == ("2022-07-31", "2022-08-06")


def test_a_year_hyphened_to_a_word_dates_no_event_after_it():
    from eventcoder.sentence.date_patterns import hyphened_to_a_word

    assert hyphened_to_a_word("-built tanker") and hyphened_to_a_word("-era rules")
    assert not hyphened_to_a_word(" the army") and not hyphened_to_a_word("-11 drought")


def test_an_undated_report_of_one_year_dates_its_events_in_that_year_only():
    [e] = [e for e in code("Protesters against the Finance Bill 2024 stormed parliament on Tuesday.", None)]
    assert (e["date"]["start"], e["date"]["end"], e["date"]["precision"]) == (
        "2024-01-01",
        "2024-12-31",
        "year",
    )
    assert e["date"]["text"] == "Tuesday"


def test_a_deed_named_in_a_reaction_does_not_take_the_reaction_date():
    from eventcoder.document.dating import _within_a_reaction

    from ..helpers import nlp

    doc = nlp()("On Thursday the ministry condemned an air strike on a clinic that killed 12 people.")
    strike, killed = (next(t for t in doc if t.text == w) for w in ("strike", "killed"))
    assert _within_a_reaction(strike) and _within_a_reaction(killed)
    doc = nlp()("On Thursday an air strike on a clinic killed 12 people.")
    assert not _within_a_reaction(next(t for t in doc if t.text == "strike"))


def test_a_present_perfect_takes_the_day_the_report_then_tells():
    text = (
        "Mutinous troops have seized the state broadcaster in the capital.\n\n"
        "Yesterday the soldiers surrounded the building and cut the signal."
    )
    seized = [e for e in code(text, "2025-03-06") if e["sources"][0]["sentence"].startswith("Mutinous")]
    assert seized and seized[0]["date"]["start"] == seized[0]["date"]["end"] == "2025-03-05"


def test_a_present_perfect_takes_its_paragraphs_date_over_a_day_told_in_another():
    text = (
        "Gunmen shot dead two farmers near the river on Friday, police said.\n\n"
        "The clashes first broke out in the province on Wednesday after a land dispute. More than 2,000 "
        "troops have been deployed in the province."
    )
    [sent] = [e for e in code(text, "2024-03-09") if e["type"] == "MOBILIZE"]
    assert sent["date"]["start"] == sent["date"]["end"] == "2024-03-06"


def test_the_day_a_toll_was_confirmed_does_not_date_a_present_perfect_deed():
    text = (
        "Gunmen have killed 30 herders in raids on three hamlets in the north.\n\n"
        "A local official confirmed the toll on Thursday."
    )
    [raid] = [e for e in code(text, "2025-03-06") if e["type"] == "ASSAULT"]
    assert (raid["date"]["start"], raid["date"]["end"]) == ("2025-03-05", "2025-03-06")


def test_the_date_of_what_the_news_follows_is_not_the_story_date():
    text = (
        "The talks in Accra came in the wake of last week's border clashes.\n\n"
        "Ahead of today's talks, rebel commanders warned against any intervention.\n\n"
        "The rebels hold the northern districts.\n\n"
        "Aid groups fear a famine.\n\n"
        "The ministers froze the assets of the rebel commanders."
    )
    [froze] = [e for e in code(text, "2025-03-09") if e["type"] == "SANCTION"]
    assert froze["date"]["start"] == froze["date"]["end"] == "2025-03-09"


def test_a_length_of_time_is_no_date_but_a_distance_between_events_is():
    text = "A truce took effect in the valley on Friday, after the army and the rebels reached a deal following 40 days of fighting."
    [deal] = [e for e in code(text, "2025-03-08") if e["type"] == "AGREE"]
    assert deal["date"]["start"] == "2025-03-07"
    text = "The raids on Monday came 12 days after the bombing of the market that killed 30 people."
    killed = [e for e in code(text, "2025-03-08") if e["date"]["text"] == "12 days"]
    assert killed and killed[0]["date"]["start"] == "2025-02-24"


def test_an_anchored_date_times_only_the_clause_it_hangs_in():
    text = (
        "On 3 May 2024 protesters occupied the main square of the city.\n\n"
        "The governor urged them to leave, and they came back a week later."
    )
    [urged] = [e for e in code(text, None) if e["type"] == "REQUEST"]
    assert urged["date"]["start"] == "2024-05-03"


def test_a_step_back_in_the_past_perfect_does_not_move_the_story():
    text = (
        "On 3 May 2024 protesters occupied the main square of the city.\n\n"
        "Earlier in April the governor had banned all marches. Police fired tear gas at the crowd."
    )
    [gas] = [e for e in code(text, None) if e["type"] == "ASSAULT"]
    assert gas["date"]["start"] == gas["date"]["end"] == "2024-05-03"


def test_with_no_publication_date_a_weekday_takes_the_day_the_next_sentence_gives():
    text = (
        "Police fired tear gas at protesters in the capital on Tuesday.\n\n"
        "Speaking to reporters on 25 June 2024, the governor defended the police."
    )
    [gas] = [e for e in code(text, None) if e["type"] == "ASSAULT"]
    assert (gas["date"]["start"], gas["date"]["text"]) == ("2024-06-25", "Tuesday")


def test_with_no_publication_date_the_day_the_lead_tells_dates_the_story():
    text = (
        "On 25 June 2024 police fired tear gas at protesters in the capital.\n\n"
        "The crowd marched to the parliament.\n\nShops stayed shut all afternoon.\n\n"
        "Soldiers later detained ten students."
    )
    [held] = [e for e in code(text, None) if e["type"] == "COERCE"]
    assert held["date"]["start"] == held["date"]["end"] == "2024-06-25"


def test_a_date_of_another_clause_is_not_the_sentence_own():
    text = (
        "Rebels seized the airport on Saturday.\n\n"
        "According to the mayor, who spoke to reporters late on Monday, the rebels also looted the customs office."
    )
    events = code(text, "2025-03-11")
    assert len(events) == 2 and all(e["date"]["start"] == "2025-03-08" for e in events)


def test_the_story_date_times_a_clause_rather_than_names_a_thing():
    text = (
        "Mourners buried the victims of the April 1 strike on the consulate.\n\n"
        "On April 10 the supreme leader vowed revenge.\n\nCrowds filled the streets of the capital.\n\n"
        "The schools stayed open.\n\nThe army closed the airspace over the west of the country."
    )
    [closed] = [e for e in code(text, "2024-04-11") if e["type"] == "COERCE"]
    assert closed["date"]["start"] == "2024-04-10"


def test_a_reaction_is_no_earlier_than_the_deed_it_names():
    text = "On Tuesday talks between the two sides collapsed.\n\nThe ministry condemned Thursday's shelling of the port."
    [accuse] = [e for e in code(text, "2024-06-14") if e["type"] == "ACCUSE"]
    assert (accuse["date"]["start"], accuse["date"]["end"]) == ("2024-06-13", "2024-06-14")


def test_a_deed_named_inside_a_reaction_came_before_it():
    text = (
        "Rockets struck the April 1 rally in the capital.\n\n"
        "On April 10 the minister condemned the attack in which seven guards were killed."
    )
    [killed] = [e for e in code(text, "2024-04-12") if e["type"] == "ASSAULT"]
    assert killed["date"]["start"] == killed["date"]["end"] == "2024-04-01"


def test_a_present_with_a_date_of_its_own_takes_that_date_not_publication():
    # a photo caption tells a past day in the present
    [ev] = code("Protesters march through the port city of Bari on 9 June 2024.", "2024-06-12")
    assert ev["date"]["start"] == "2024-06-09"


def test_a_date_after_publication_is_a_plan_and_not_carried_to_the_news_after_it():
    text = (
        "Police arrested three journalists in Kibo on Monday.\n\n"
        "The ministry said the border crossing would reopen to traffic from 20 June.\n\n"
        "Officials also detained two lorry drivers at the crossing."
    )
    events = code(text, "2024-06-12")
    drivers = next(e for e in events if "lorry drivers" in e["sources"][0]["sentence"])
    assert drivers["date"]["start"] == "2024-06-10"


def test_a_captions_date_is_not_the_storys():
    text = (
        "Farmers block a motorway near Lyon with tractors on 8 June 2024. (Photo agency)\n\n"
        "Farmers' unions said on Tuesday they would keep up their protests.\n\n"
        "The unions want lower fuel taxes.\n\n"
        "The government has offered talks.\n\n"
        "Riot police cleared a second blockade in the region."
    )
    events = code(text, "2024-06-12")
    police = next(e for e in events if "Riot police" in e["sources"][0]["sentence"])
    assert police["date"]["start"] == "2024-06-11"


def test_the_date_of_another_event_of_the_kind_is_not_carried_to_the_news_after_it():
    text = (
        "Rockets struck the bus station of Kharkiv on 9 May, officials said.\n\n"
        "Militants fired a similar rocket at the Izium market on 7 May.\n\n"
        "Police detained two suspects over the rocket attack."
    )
    [held] = [e for e in code(text, "2024-05-10") if e["type"] == "COERCE"]
    assert held["date"]["start"] == "2024-05-09"


def test_a_deed_named_again_later_as_the_same_doers_noun_takes_that_date():
    text = (
        "Gunmen shot dead a judge in Lagos on Monday.\n\nGovernor Adeyemi condemned the killing.\n\n"
        "Adeyemi's condemnation came in a radio address on Wednesday."
    )
    [condemned] = [e for e in code(text, "2024-05-10") if e["type"] == "ACCUSE"]
    assert condemned["date"]["start"] == "2024-05-08"


def test_a_day_something_is_scheduled_for_is_not_carried_to_the_news_after_it():
    text = (
        "Rebels shot dead the governor of the province, the army said on Tuesday.\n\n"
        "The army declared three days of mourning, and a burial was scheduled for Friday. "
        "The opposition called for calm."
    )
    [call] = [e for e in code(text, "2024-06-12") if e["type"] == "REQUEST"]
    assert call["date"]["start"] == "2024-06-11"


def test_on_the_day_of_an_event_told_before_is_that_day():
    text = (
        "Results announced on Friday gave the governor a new term.\n\n"
        "The town voted in the referendum of 2 June.\n\nObservers praised the count.\n\n"
        "The mood in the capital stayed tense.\n\n"
        "On the day of the ballot, gunmen attacked a polling station near the market."
    )
    [attack] = [e for e in code(text, "2024-06-12") if e["type"] == "ASSAULT"]
    assert attack["date"]["start"] == attack["date"]["end"] == "2024-06-02"


def test_a_statement_told_by_the_words_said_takes_the_tense_of_their_saying():
    text = (
        "The interior minister has hinted that a neighbouring state had a hand in the attack on a bus depot.\n\n"
        "Gunmen stormed the depot in the capital on Monday."
    )
    [accuse] = [e for e in code(text, "2024-06-12") if e["type"] == "ACCUSE"]
    assert accuse["date"]["start"] in ("2024-06-11", "2024-06-12")


def test_the_date_of_a_past_thing_named_in_passing_is_not_carried_to_the_news():
    text = (
        "Relatives of those killed in last year's riots gathered outside parliament in the capital. "
        "Police fired tear gas at the crowd."
    )
    [gas] = [
        e
        for e in code(text, "2024-06-12")
        if e["type"] == "ASSAULT" and "tear gas" in e["sources"][0]["sentence"]
    ]
    assert gas["date"]["start"] >= "2024-06-01"


def test_a_present_perfect_since_a_year_runs_from_then_to_publication():
    [arrests] = code(
        "Since 2019 the army has arrested hundreds of opposition activists in the north.", "2024-06-12"
    )
    assert (arrests["date"]["start"], arrests["date"]["end"]) == ("2019-01-01", "2024-06-12")


def test_a_date_of_an_occasion_the_news_is_set_beside_is_not_the_story_date():
    text = (
        "Voters went to the polls in the referendum held on 2 June.\n\n"
        "Officials announced the results in the capital on Tuesday.\n\n"
        "Crowds gathered outside the electoral commission.\n\nThe mood in the city stayed tense.\n\n"
        "The army closed the land borders."
    )
    [closure] = [e for e in code(text, "2024-06-12") if "borders" in e["sources"][0]["sentence"]]
    assert closure["date"]["start"] == "2024-06-11"


def test_an_event_named_by_its_year_takes_the_day_its_clause_tells():
    text = "The 2019 Tillia ambush was an attack on 14 May 2019 in which militants killed 28 soldiers near Tillia."
    [ev] = [e for e in code(text, published="2024-06-15") if e["type"] == "ASSAULT"]
    assert (ev["date"]["start"], ev["date"]["precision"]) == ("2019-05-14", "day")
