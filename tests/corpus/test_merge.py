"""One event, many reports: clustering, merged records, stable ids, the store."""

from eventcoder.corpus.evaluate import score_merge
from eventcoder.corpus.merge import MergeOptions, _item, candidate_pairs, cluster
from eventcoder.io.store import Store
from eventcoder.model import Count, DateSpan, Event, Party, Place, Source


def report(
    doc,
    sentence,
    day="2024-03-12",
    end=None,
    precision="day",
    place=("Mafa", 11.92, 13.6, "town"),
    actor="Islamic State West Africa Province",
    target="Civilians",
    killed=None,
    said=None,
    kind="ASSAULT",
):
    name, lat, lon, prec = place
    src = Source(
        doc_id=doc,
        sentence=sentence,
        start=0,
        end=len(sentence),
        attributed_to=said,
        fatalities=killed,
        published="2024-03-15",
    )
    return Event(
        id=f"ev-{doc}-{abs(hash(sentence)) % 10_000}",
        type=kind,
        sources=[src],
        date=DateSpan(day, end or day, precision),
        actor=Party(actor) if actor else None,
        target=Party(target) if target else None,
        location=Place(name, "NG", lat, lon, prec, admin1="Borno"),
        fatalities=Count(killed, killed, killed) if killed is not None else None,
        confidence=0.8,
    )


MAFA = [
    report(
        "a",
        "Islamist fighters stormed the town of Mafa on Tuesday, killing 12 people.",
        killed=12,
        said="hospital officials",
    ),
    report(
        "b",
        "ISWAP fighters attacked Mafa in Borno State on March 12, killing 11 villagers.",
        killed=11,
        said="local officials",
    ),
    report(
        "c",
        "Fighters of the Islamic State stormed Mafa in March, killing at least 12.",
        day="2024-03-01",
        end="2024-03-31",
        precision="month",
        killed=12,
        said="the group",
    ),
]
# the same town, months later: another attack
LATER = report(
    "d",
    "Islamist fighters stormed the town of Mafa again on Saturday, killing four.",
    day="2024-06-08",
    killed=4,
)
# the same day, another city's market
ELSEWHERE = report(
    "e",
    "A suicide bomber blew himself up at a market in Maiduguri on Tuesday, killing 19.",
    place=("Maiduguri", 11.85, 13.16, "town"),
    actor="suicide bomber",
    killed=19,
)


def test_reports_of_one_event_merge_and_look_alikes_stay_apart():
    clusters = cluster([*MAFA, LATER, ELSEWHERE])
    sizes = sorted(len(c.members) for c in clusters)
    assert sizes == [1, 1, 3]


def test_the_merged_record_keeps_every_source_and_spans_the_figures():
    [merged] = [c.record for c in cluster(MAFA)]
    assert len(merged.sources) == 3
    assert (merged.fatalities.low, merged.fatalities.best, merged.fatalities.high) == (11, 12, 12)  # 12 twice
    assert merged.fatalities.disputed and merged.fatalities.spread == 1
    assert merged.date.precision == "day" and merged.date.start == "2024-03-12"
    assert merged.to_json()["members"] == sorted(e.id for e in MAFA)


def test_two_events_of_one_document_are_never_merged():
    twin = report("a", "Islamist fighters also stormed the town of Mafa on Tuesday, burning 30 homes.")
    assert len(cluster([MAFA[0], twin])) == 2


def test_ids_are_stable_from_run_to_run_and_as_reports_come_in():
    first = cluster(MAFA[:2])
    known = {m.id: c.id for c in first for m in c.members}
    again = cluster([*MAFA, LATER], known=known)
    big = next(c for c in again if len(c.members) == 3)
    assert big.id == first[0].id


def test_blocking_never_compares_other_countries_or_far_dates():
    opts = MergeOptions()
    far = report("f", "Something else entirely.", day="2025-01-01")
    items = [_item(e, opts) for e in [*MAFA, far]]
    pairs = set(candidate_pairs(items))
    assert all(3 not in p for p in pairs)


def test_store_keeps_merged_events_and_membership(tmp_path):
    clusters = cluster(MAFA)
    with Store(tmp_path / "t.db") as store:
        store.replace_merged([c.record for c in clusters])
        [back] = list(store.merged_events())
        assert back.id == clusters[0].id and len(back.sources) == 3
        assert set(store.membership()) == {e.id for e in MAFA}


def _mafa_and_elsewhere() -> dict:
    """Merge gold: the Mafa raid told by reports a and b, and another event told by e."""
    mafa = [{"doc_id": d, "evidence": e.sources[0].sentence} for d, e in zip("ab", MAFA[:2], strict=True)]
    other = [{"doc_id": "e", "evidence": ELSEWHERE.sources[0].sentence}]
    return {"events": [{"id": "E1", "mentions": mafa}, {"id": "E2", "mentions": other}]}


def test_bcubed():
    gold = _mafa_and_elsewhere()
    merged = [c.record.to_json() for c in cluster([*MAFA[:2], ELSEWHERE])]
    r = score_merge(gold, merged)
    assert (r.precision, r.recall, r.f1) == (1.0, 1.0, 1.0)
    lumped = [{"id": "x", "sources": [s.to_json() for e in [*MAFA[:2], ELSEWHERE] for s in e.sources]}]
    assert score_merge(gold, lumped).precision < 1.0


def test_embeddings_say_paraphrases_are_alike():
    import pytest

    from eventcoder.corpus import embeddings

    if not embeddings.available():
        pytest.skip("the 'embed' extra is not installed")
    a, b, c = embeddings.encode(
        [
            "Gunmen stormed the town of Mafa on Tuesday, killing 12 people.",
            "Islamist fighters attacked Mafa on Tuesday and killed a dozen villagers.",
            "The central bank raised interest rates by half a point.",
        ]
    )
    cos = lambda x, y: sum(p * q for p, q in zip(x, y, strict=True))  # noqa: E731
    assert cos(a, b) > cos(a, c) + 0.2


def test_same_event_pairs_and_lookalikes():
    """Pairs of reports of one event joined, and look-alike events kept apart, are counted."""
    gold = {**_mafa_and_elsewhere(), "lookalikes": [["E1", "E2"]]}
    apart = score_merge(gold, [c.record.to_json() for c in cluster([*MAFA[:2], ELSEWHERE])])
    assert (apart.pairs, apart.pairs_joined, apart.lookalikes, apart.lookalikes_apart) == (1, 1, 1, 1)
    lumped = [{"id": "x", "sources": [s.to_json() for e in [*MAFA[:2], ELSEWHERE] for s in e.sources]}]
    together = score_merge(gold, lumped)
    assert (together.pairs_joined, together.lookalikes_apart) == (1, 0)
    split = [{"id": e.id, "sources": [s.to_json() for s in e.sources]} for e in [*MAFA[:2], ELSEWHERE]]
    assert score_merge(gold, split).pairs_joined == 0
    assert "same-event pairs joined 0 of 1" in score_merge(gold, split).format()


def test_evidence_told_across_sentences_matches_by_its_best_fragment():
    """Gold evidence written as fragments (" | ") matches the merged event holding either one."""
    sentence = MAFA[0].sources[0].sentence
    gold = {
        "events": [{"id": "E1", "mentions": [{"doc_id": "a", "evidence": f"{sentence} | Nobody spoke."}]}]
    }
    r = score_merge(gold, [c.record.to_json() for c in cluster(MAFA[:1])])
    assert r.found == 1


# -- reports that tell one event in other words ----------------------------------------------


def test_an_undated_report_joins_the_dated_one_of_its_place_and_parties():
    """A report with no publication date says "on Tuesday": its event has no date, yet it is the
    same attack when place, parties and wording agree; the same place months later stays apart."""
    undated = report(
        "u",
        "ISWAP fighters stormed the town of Mafa on Tuesday, killing a dozen villagers.",
        actor="Islamic State West Africa Province",
        killed=12,
    )
    undated.date = None
    clusters = cluster([MAFA[0], undated, LATER])
    assert sorted(len(c.members) for c in clusters) == [1, 2]
    [pair] = [c for c in clusters if len(c.members) == 2]
    assert {e.sources[0].doc_id for e in pair.members} == {"a", "u"}
    assert pair.record.date.start == "2024-03-12"


def test_a_report_dated_to_a_year_is_loose_but_compared_within_its_year():
    opts = MergeOptions()
    vague = report(
        "v", "Fighters stormed Mafa this year.", day="2024-01-01", end="2024-12-31", precision="year"
    )
    other_year = report("w", "Fighters stormed Mafa.", day="2023-05-01")
    items = [_item(e, opts) for e in [MAFA[0], vague, other_year]]
    assert items[1].loose and not items[0].loose
    assert set(candidate_pairs(items)) == {(0, 1)}


def test_kin_types_of_two_families_share_a_block():
    """A disarming told as COERCE by one outlet and ASSAULT by another; a deal and the concession in it."""
    from eventcoder.corpus.likeness import KIN, family

    for kin in KIN:
        a, b = kin.types
        assert family(a) == family(b), kin.name
    assert family("ASSAULT") != family("AGREE")


def test_a_coerce_and_an_assault_of_one_day_and_place_merge():
    disarm = report("a", "Soldiers disarmed the militiamen in Mafa on Tuesday.", kind="COERCE")
    attack = report("b", "Soldiers attacked the militiamen in Mafa on Tuesday.")
    assert len(cluster([disarm, attack])) == 1


def test_party_names_in_derived_forms_share_a_word():
    from eventcoder.corpus.likeness import party_score

    russia = Party("Russia", "Russia")
    forces = Party("Russian forces", "Russian forces")
    assert party_score(russia, forces) > 0
    assert party_score(Party("Houthis", "Houthis"), Party("Ansar Allah", "Yemen's Houthi rebels")) > 0
    assert party_score(Party("Rwanda"), Party("Uganda")) == 0


def test_dates_score_one_day_the_next_day_and_a_week():
    from eventcoder.corpus.likeness import date_score

    day = DateSpan("2024-05-03", "2024-05-03", "day")
    assert date_score(day, DateSpan("2024-05-03", "2024-05-03", "day")) > 0
    assert date_score(day, DateSpan("2024-05-04", "2024-05-04", "day")) == 0  # the night of the 3rd
    assert date_score(day, DateSpan("2024-05-06", "2024-05-06", "day")) < 0
    assert date_score(day, DateSpan("2024-04-29", "2024-05-05", "week")) > 0  # "last week"
    assert date_score(day, None) == 0


def test_a_village_and_its_province_score_as_one_place():
    from eventcoder.corpus.merge import _place_score

    opts = MergeOptions()
    village = report("a", "Jets bombed Mafa.")
    province = report("b", "Jets bombed a village in Borno.", place=("Borno", 11.5, 13.0, "admin1"))
    items = [_item(e, opts) for e in (village, province)]
    assert _place_score(*items) > 0
    elsewhere = _item(report("c", "Jets bombed Kano.", place=("Kano", 12.0, 8.5, "town")), opts)
    assert _place_score(items[0], elsewhere) == 0


def test_pairwise_precision_recall_and_f1():
    """Pairs of gold mentions from two documents: joined pairs of one event over all joined pairs
    (precision) and over all same-event pairs (recall)."""
    gold = {
        "events": [
            {
                "id": "E1",
                "mentions": [
                    {"doc_id": "a", "evidence": MAFA[0].sources[0].sentence},
                    {"doc_id": "b", "evidence": MAFA[1].sources[0].sentence},
                ],
            },
            {"id": "E2", "mentions": [{"doc_id": "e", "evidence": ELSEWHERE.sources[0].sentence}]},
        ]
    }
    right = score_merge(gold, [c.record.to_json() for c in cluster([*MAFA[:2], ELSEWHERE])])
    assert (right.pair_precision, right.pair_recall, right.pair_f1) == (1.0, 1.0, 1.0)
    lumped = [{"id": "x", "sources": [s.to_json() for e in [*MAFA[:2], ELSEWHERE] for s in e.sources]}]
    r = score_merge(gold, lumped)
    assert (r.pairs_predicted, r.pairs_joined) == (3, 1)
    assert r.pair_precision == 1 / 3 and r.pair_recall == 1.0
    assert "pairwise precision=0.33 recall=1.00 F1=0.50" in r.format()
    split = [{"id": e.id, "sources": [s.to_json() for s in e.sources]} for e in [*MAFA[:2], ELSEWHERE]]
    assert score_merge(gold, split).pair_f1 == 0.0


def test_an_unresolved_date_is_tolerated():
    from eventcoder.corpus.merge import cluster
    from eventcoder.model import DateSpan, Event, Source

    def ev(i, date):
        return Event(
            id=f"e{i}",
            type="ASSAULT",
            sources=[Source(doc_id=f"d{i}", sentence="s", start=0, end=1)],
            date=date,
        )

    clusters = cluster(
        [ev(1, DateSpan(None, None, None, "Friday")), ev(2, DateSpan("2024-01-02", "2024-01-02", "day"))]
    )
    assert len(clusters) == 2


# -- how outlets differ: dates by precision, places by containment, types by kin --------------


def test_a_day_inside_a_week_or_a_month_is_tolerated_by_the_span_length():
    """One outlet says "on Friday" (a day), another "last week", a third "in May": a day inside
    the span agrees, the more the shorter the span; a day outside it by more than a day does not."""
    from eventcoder.corpus.likeness import date_score

    friday = DateSpan("2025-05-02", "2025-05-02", "day")
    last_week = DateSpan("2025-04-28", "2025-05-04", "week")
    in_may = DateSpan("2025-05-01", "2025-05-31", "month")
    week_before = DateSpan("2025-04-21", "2025-04-27", "week")
    assert date_score(friday, last_week) > date_score(friday, in_may) > 0
    assert date_score(last_week, friday) == date_score(friday, last_week)
    assert date_score(friday, week_before) < 0
    assert date_score(last_week, in_may) == 0  # two spans: nothing to say beyond that they meet


def test_a_date_nothing_anchors_says_nothing():
    """ "in late January" in a report with no publication date: unresolved, neither for nor against
    (a weekday says which days it may be: below)."""
    from eventcoder.corpus.likeness import date_score

    unresolved = DateSpan(None, None, None, "in late January")
    assert date_score(unresolved, DateSpan("2025-01-24", "2025-01-24", "day")) == 0


def test_reports_dating_one_raid_by_day_weekday_and_week_merge_and_a_later_raid_stays_apart():
    """ "on May 3", "on Saturday" (resolved to May 3) and "last week" tell one raid on a village; a
    raid on the same village four days later is another event."""
    said = [
        ("p", "Bandits raided Kware village on May 3, killing nine farmers.", "2025-05-03", None, "day"),
        ("q", "Nine farmers died when bandits raided Kware on Saturday.", "2025-05-03", None, "day"),
        (
            "r",
            "Bandits killed nine farmers in a raid on Kware last week.",
            "2025-04-28",
            "2025-05-04",
            "week",
        ),
    ]
    kware = ("Kware", 13.2, 5.27, "town")
    raids = [
        report(d, s, day=day, end=end, precision=p, place=kware, actor="bandits", target="farmers", killed=9)
        for d, s, day, end, p in said
    ]
    later = report(
        "s",
        "Bandits raided Kware village again on May 7, killing four farmers.",
        day="2025-05-07",
        place=kware,
        actor="bandits",
        target="farmers",
        killed=4,
    )
    clusters = cluster([*raids, later])
    assert sorted(len(c.members) for c in clusters) == [1, 3]
    [alone] = [c for c in clusters if len(c.members) == 1]
    assert alone.members[0].sources[0].doc_id == "s"


def test_a_village_and_its_country_named_alone_are_compared_but_not_rewarded():
    """One outlet names the village, another only "northern Nigeria": compared (the country holds
    the village), with no bonus; a village in another country is never compared."""
    from eventcoder.corpus.merge import _place_score

    opts = MergeOptions()
    village = report("a", "Jets bombed Mafa.")
    country = report(
        "b", "Jets bombed a village in northern Nigeria.", place=("Nigeria", 9.0, 8.0, "country")
    )
    abroad = report("c", "Jets bombed a village in Niger.", place=("Diffa", 13.3, 12.6, "town"))
    abroad.location.country, abroad.location.admin1 = "NE", "Diffa"
    items = [_item(e, opts) for e in (village, country, abroad)]
    assert set(candidate_pairs(items)) == {(0, 1)}
    assert _place_score(items[0], items[1]) == 0
    assert _place_score(items[0], items[1]) < _place_score(items[0], items[0])


def test_a_kin_pair_scores_above_two_types_of_one_family_and_below_one_type():
    """A disarming told as COERCE and the surrender as RETREAT: kin. A meeting and a deal are one
    family (talks), tolerated only. Weights come from data/en/merge.toml."""
    from eventcoder.corpus.likeness import type_score, weights

    assert type_score("COERCE", "COERCE") == weights()["weights"]["same_type"] > 0
    assert type_score("COERCE", "COERCE") > type_score("COERCE", "RETREAT") >= 0
    assert type_score("COERCE", "RETREAT") >= type_score("CONSULT", "AGREE") == 0
    assert type_score("ASSAULT", "AGREE") == 0


def test_the_weights_are_read_from_the_data_file():
    from eventcoder.corpus.likeness import weights
    from eventcoder.lexicons.data import read_toml

    raw = read_toml("merge.toml")
    for table in ("weights", "dates", "places", "parties", "tolls"):
        assert weights()[table] == {k: float(v) for k, v in raw[table].items()}
    assert {"same_day", "in_week", "in_month", "outside"} <= set(weights()["dates"])
    assert {"same_spot", "in_province", "in_country"} <= set(weights()["places"])


def test_two_sectors_of_one_side_are_not_held_against_a_pair():
    """One outlet says "the junta" (government), another "the army" (military): both the state,
    tolerated; soldiers and rebels are sides apart; one sector agrees."""
    from eventcoder.corpus.likeness import party_score

    junta = Party("junta", "the junta", sector="government")
    army = Party("army", "the army", sector="military")
    rebels = Party("insurgents", "the insurgents", sector="rebels")
    militia = Party("fighters", "armed fighters", sector="militia")
    assert party_score(junta, army) == 0
    assert party_score(army, rebels) < 0
    assert party_score(rebels, militia) == 0
    assert party_score(rebels, Party("jihadists", sector="rebels")) > 0


def test_the_sides_of_a_deal_are_compared_in_either_order_but_not_those_of_an_attack():
    """ "The rebels signed a truce with the army" / "the army agreed a ceasefire with the rebels":
    one deal, its sides named in the other order. "Rebels ambushed soldiers" / "soldiers
    ambushed rebels": two attacks."""
    from eventcoder.corpus.likeness import parties_score

    rebels = Party("Mai-Mai", "the Mai-Mai rebels", sector="rebels")
    army = Party("Military Forces of Congo", "the army", country="CD", sector="military")
    truce = report("a", "The rebels signed a truce with the army.", actor=None, target=None, kind="AGREE")
    deal = report("b", "The army agreed a ceasefire with the rebels.", actor=None, target=None, kind="AGREE")
    truce.actor, truce.target, deal.actor, deal.target = rebels, army, army, rebels
    assert parties_score(truce, deal) > 0
    ambush = report("c", "Rebels ambushed soldiers.", actor=None, target=None)
    counter = report("d", "Soldiers ambushed rebels.", actor=None, target=None)
    ambush.actor, ambush.target, counter.actor, counter.target = rebels, army, army, rebels
    assert parties_score(ambush, counter) < 0


def test_a_mention_told_again_in_a_record_is_held_by_it():
    gold = {
        "events": [
            {"id": "E1", "mentions": [{"doc_id": "a", "evidence": "The toll from the raid rose to 12."}]}
        ]
    }
    record = {
        "id": "m1",
        "sources": [
            {
                "doc_id": "a",
                "sentence": "Gunmen raided the village of Kuda on Tuesday.",
                "tellings": [{"sentence": "The toll from the raid rose to 12.", "start": 60, "end": 94}],
            }
        ],
    }
    assert score_merge(gold, [record]).found == 1
    record["sources"][0]["tellings"] = None
    assert score_merge(gold, [record]).found == 0


def _abroad(doc, sentence, place, actor=None, target=None, named=True, kind="SANCTION"):
    """A report placed in *place* (name, country, lat, lon): named in its sentence, or not (the
    report's main place, where it was written)."""
    name, country, lat, lon = place
    ev = report(doc, sentence, actor=None, target=None, kind=kind)
    ev.actor, ev.target = actor, target
    ev.location = Place(name, country, lat, lon, "town", admin1=name, text=name if named else None)
    return ev


def test_an_act_between_two_states_is_placed_on_either_side():
    """One outlet places the expulsion of an ambassador in the capital that expels, another in
    the capital whose envoy goes: one event. A third country's capital stays apart."""
    mali = Party("Government of Mali", country="ML", sector="government")
    france = Party("Government of France", country="FR", sector="government")
    bamako = ("Bamako", "ML", 12.65, -8.0, mali, france)
    paris = ("Paris", "FR", 48.85, 2.35, mali, france)
    told = "The junta expelled the French ambassador on Monday, giving him 72 hours to leave."
    a, b = (_abroad(d, told, p[:4], p[4], p[5]) for d, p in (("a", bamako), ("b", paris)))
    rome = _abroad("c", "The junta expelled an envoy on Monday.", ("Rome", "IT", 41.9, 12.5), mali, france)
    opts = MergeOptions()
    items = [_item(e, opts) for e in (a, b, rome)]
    assert set(candidate_pairs(items)) == {(0, 1)}
    assert sorted(len(c.members) for c in cluster([a, b])) == [2]


def test_a_place_the_report_does_not_name_does_not_keep_it_apart_from_the_country_it_names():
    """A press office's report filed in Tampa about a ship struck off Yemen, placed at its main
    place, meets a report placed in Yemen: its sentence names Yemen. Placed in Tampa by its own
    words, or naming no country of the other, it does not."""
    houthis = Party("Houthis", country="YE", sector="rebels")
    yemen = ("Aden", "YE", 12.78, 45.04)
    tampa = ("Tampa", "US", 27.95, -82.46)
    told = "A missile fired from Yemen struck a bulk carrier in the Gulf of Aden on Wednesday."
    near = _abroad("a", told, yemen, houthis, kind="ASSAULT")
    written = _abroad("b", told, tampa, named=False, kind="ASSAULT")
    said_there = _abroad("c", told, tampa, kind="ASSAULT")
    other = _abroad("d", "A missile struck a bulk carrier on Wednesday.", tampa, named=False, kind="ASSAULT")
    opts = MergeOptions()
    items = [_item(e, opts) for e in (near, written, said_there, other)]
    assert {p for p in candidate_pairs(items) if 0 in p} == {(0, 1)}


def test_a_weekday_nothing_anchors_agrees_with_a_day_of_that_weekday():
    """A report with no publication date says "on Tuesday": it agrees with a report dated to
    Tuesday 12 March, and disagrees with one dated to Saturday 9 March."""
    from eventcoder.corpus.likeness import date_score, weights

    tuesday = DateSpan(None, None, None, text="early on Tuesday")
    w = weights()["dates"]
    assert date_score(tuesday, DateSpan("2024-03-12", "2024-03-12", "day")) == w["weekday"] > 0
    assert date_score(DateSpan("2024-03-09", "2024-03-09", "day"), tuesday) == w["days_apart"] < 0
    assert date_score(tuesday, DateSpan("2024-03-11", "2024-03-17", "week")) == 0
    assert (
        date_score(
            DateSpan(None, None, None, text="this weekend"), DateSpan("2024-03-12", "2024-03-12", "day")
        )
        == 0
    )
    undated = report("u", "Jihadists stormed Mafa early on Tuesday, killing 12 people.", killed=12)
    undated.date = tuesday
    assert sorted(len(c.members) for c in cluster([MAFA[0], undated])) == [2]


def test_a_statement_is_placed_where_it_was_said_or_where_what_it_speaks_of_is():
    """One outlet places a bloc's sanctions at its summit abroad, another in the country they
    strike, which the first names: one statement may be told in either place."""
    bloc = Party("ECOWAS", sector="international")
    told = "Regional leaders imposed sanctions on Niger's junta on Sunday."
    abuja = _abroad("a", told, ("Abuja", "NG", 9.06, 7.49), bloc)
    niamey = _abroad("b", "The bloc froze the junta's assets on Sunday.", ("Niamey", "NE", 13.51, 2.11), bloc)
    elsewhere = _abroad(
        "c", "Regional leaders imposed sanctions on the junta on Sunday.", ("Abuja", "NG", 9.06, 7.49), bloc
    )
    opts = MergeOptions()
    items = [_item(e, opts) for e in (abuja, niamey, elsewhere)]
    assert set(candidate_pairs(items)) == {(0, 1), (0, 2)}


def test_a_deed_is_listed_before_the_reaction_told_in_its_sentence():
    said = "The governor condemned the raid on Mafa on Tuesday that killed 12 villagers."
    deed = report("g", said, killed=12)
    reaction = report("g", said, kind="ACCUSE", actor="governor", target="Islamic State West Africa Province")
    reaction.id, deed.id = "ev-0", "ev-g-1"  # the reaction's id sorts before every other
    reaction.extra["reacts_to"] = deed.id
    clusters = cluster([reaction, deed, *MAFA])
    firsts = [c for c in clusters if any(s.sentence == said for m in c.members for s in m.sources)]
    assert [c.record.type for c in firsts] == ["ASSAULT", "ACCUSE"]
    gold = {
        "events": [
            {
                "id": "E1",
                "mentions": [
                    {"doc_id": "a", "evidence": MAFA[0].sources[0].sentence},
                    {"doc_id": "g", "evidence": said},
                ],
            }
        ]
    }
    assert score_merge(gold, [c.record.to_json() for c in clusters]).pairs_joined == 1


def test_of_two_readings_of_one_sentence_the_one_more_reports_tell_is_listed_first():
    said = "Its fighters overran the army post at Mafa on Tuesday, killing 12 soldiers, the group said."
    told = report("h", said, killed=12)
    other = report("h", said, kind="COERCE", actor="Islamic State West Africa Province", target="soldiers")
    other.id, told.id = "ev-0", "ev-h-1"  # the lone reading's id sorts before every other
    clusters = cluster([other, told, *MAFA])
    firsts = [c for c in clusters if any(s.sentence == said for m in c.members for s in m.sources)]
    assert [c.record.type for c in firsts] == ["ASSAULT", "COERCE"]
    assert len(firsts[0].members) > 1


def _raid(doc, sentence, mode="air", target="Civilians", kind="ASSAULT"):
    ev = report(doc, sentence, target=target, kind=kind)
    ev.mode = mode
    return ev


def test_a_second_telling_left_apart_in_its_report_joins_the_merged_event_of_its_first():
    """One report tells an air raid in its headline and again in a quote, and both tellings stayed
    records: the quote, alone after its headline joined another report's record, joins them. A
    record of that report about another target stays apart, and so does the second telling of a
    raid no other report tells."""
    told = "Jets of the Islamic State West Africa Province bombed Mafa on Tuesday."
    other = _raid("a", "ISWAP planes struck Mafa on Tuesday, residents said.")
    headline = _raid("b", told)
    quote = _raid("b", '"They bombed Mafa from the air on Tuesday," a resident of Mafa said of the jets.')
    school = _raid("b", "The jets also bombed a school in Mafa on Tuesday.", target="school")
    sizes = sorted(len(c.members) for c in cluster([other, headline, quote, school]))
    assert sizes == [1, 3]
    [three] = [c for c in cluster([other, headline, quote, school]) if len(c.members) == 3]
    assert school not in three.members
    assert three.record.to_json()["n_sources"] == 2
    assert sorted(len(c.members) for c in cluster([headline, quote])) == [1, 1]


def test_a_second_telling_with_no_mode_joins_its_first_when_both_tell_one_toll():
    """A report tells "suicide bombers killed 13 at the gate" and, in a quote, "13 people died in
    the attack": the quote names no mode and no target, but the toll of several dead is the first
    telling's, and it joins the merged event of its first. With a toll of one, it stays apart."""
    other = _raid("a", "Two suicide bombers killed 13 people at the gate of Mafa market on Tuesday.")
    first = _raid("b", "Suicide bombers killed 13 people at the market gate in Mafa on Tuesday.")
    quote = _raid("b", '"We know that 13 people died in the attack," the governor of Borno said.', mode=None)
    for toll, sizes in ((13, [3]), (1, [1, 2])):
        for ev in (other, first, quote):
            ev.target, ev.fatalities = None, Count(toll, toll, toll)
        other.mode = first.mode = "suicide-attack"
        assert sorted(len(c.members) for c in cluster([other, first, quote])) == sizes


def test_a_second_telling_of_another_day_stays_apart():
    """Two raids on Mafa the same report tells, on Tuesday and on Thursday: not two tellings."""
    other = _raid("a", "ISWAP planes struck Mafa on Tuesday, residents said.")
    tuesday = _raid("b", "Jets of the Islamic State West Africa Province bombed Mafa on Tuesday.")
    thursday = _raid("b", "The jets of the Islamic State West Africa Province bombed Mafa again on Thursday.")
    thursday.date = DateSpan("2024-03-14", "2024-03-14", "day")
    assert sorted(len(c.members) for c in cluster([other, tuesday, thursday])) == [1, 2]


def test_an_arrest_and_a_state_of_emergency_of_one_day_and_town_stay_two():
    """Two records of one type whose modes name the deed itself (an arrest, a state of emergency)
    tell two deeds of one day and town; two arrests told by two outlets are one, and so are two
    means of one attack ("a bomb" / "a drone"), which outlets tell differently."""
    from eventcoder.corpus.likeness import mode_score, weights

    def coerce(doc, sentence, mode, actor, target="gunmen"):
        ev = report(doc, sentence, kind="COERCE", actor=actor, target=target)
        ev.mode = mode
        return ev

    arrest = coerce(
        "a", "Police in Mafa arrested the gunmen who stormed the market on Tuesday.", "arrest", "police"
    )
    emergency = coerce(
        "b",
        "The governor declared a state of emergency in Mafa on Tuesday, his office said.",
        "martial-law",
        "governor",
        None,
    )
    again = coerce("c", "The gunmen were detained by police in Mafa on Tuesday.", "arrest", "police")
    w = weights()["weights"]
    assert mode_score(arrest, again) == w["same_mode"]
    assert mode_score(arrest, emergency) == w["other_deed"] < w["other_mode"]
    bomb, drone = (
        _raid("a", "A bomb hit Mafa.", mode="explosives"),
        _raid("b", "A drone hit Mafa.", mode="drone"),
    )
    assert mode_score(bomb, drone) == w["other_mode"]
    groups = sorted(
        sorted(m.sources[0].doc_id for m in c.members) for c in cluster([arrest, emergency, again])
    )
    assert groups == [["a", "c"], ["b"]]


def test_gunmen_killing_a_policeman_and_police_encircling_the_gunmen_stay_two():
    """A kin pair (an ASSAULT and a COERCE, one disarming told two ways) whose named parties share
    nothing is a deed and the answer to it: kept apart. Soldiers attacking and soldiers disarming
    the same militiamen stay one act told two ways."""
    from eventcoder.corpus.likeness import kin_apart_score, parties_score, weights

    killing = report(
        "a",
        "Gunmen shot dead a policeman outside the Mafa mosque before dawn on Tuesday.",
        actor="gunmen",
        target="policeman",
    )
    encircled = report(
        "b",
        "Police encircled the attackers inside the Mafa mosque on Tuesday.",
        kind="COERCE",
        actor="police",
        target="attackers",
    )
    assert (
        kin_apart_score(killing, encircled, parties_score(killing, encircled))
        == weights()["weights"]["kin_apart"]
        < 0
    )
    assert len(cluster([killing, encircled])) == 2
    attacked = report(
        "c", "Soldiers attacked the militiamen at the Mafa checkpoint.", actor="soldiers", target="militiamen"
    )
    disarmed = report(
        "d",
        "Soldiers disarmed the militiamen at the Mafa checkpoint.",
        kind="COERCE",
        actor="soldiers",
        target="militiamen",
    )
    assert kin_apart_score(attacked, disarmed, parties_score(attacked, disarmed)) == 0
    assert len(cluster([attacked, disarmed])) == 1


def test_a_day_of_a_month_with_no_year_agrees_with_that_day():
    """A report with no publication date says "on March 12" (or "12 Mar."): it agrees with a report
    dated to 12 March 2024, disagrees with one dated to 9 March; two days named say nothing."""
    from eventcoder.corpus.likeness import date_score, weights

    w = weights()["dates"]
    day = DateSpan("2024-03-12", "2024-03-12", "day")
    assert date_score(DateSpan(None, None, None, text="on March 12"), day) == w["month_day"] > 0
    assert date_score(day, DateSpan(None, None, None, text="late on 12 Mar.")) == w["month_day"]
    assert date_score(DateSpan(None, None, None, text="March 9"), day) == w["days_apart"] < 0
    assert date_score(DateSpan(None, None, None, text="between March 9 and March 12"), day) == 0


def test_one_sentence_telling_two_events_gives_each_mention_its_own_record():
    """A mention goes to a merged event of its gold type first: a sentence telling a killing and
    an arrest is the evidence of both records, and each gold event is held by its own."""
    both = "Gunmen shot the mayor dead in Kalo on Monday and police arrested two suspects."
    shot = {"id": "m1", "type": "ASSAULT", "sources": [{"doc_id": "a", "sentence": both}]}
    held = {"id": "m2", "type": "COERCE", "sources": [{"doc_id": "a", "sentence": both}]}
    gold = {
        "events": [
            {"id": "E1", "type": "ASSAULT", "mentions": [{"doc_id": "a", "evidence": both}]},
            {"id": "E2", "type": "COERCE", "mentions": [{"doc_id": "a", "evidence": both}]},
        ],
        "lookalikes": [["E1", "E2"]],
    }
    for order in ([shot, held], [held, shot]):
        r = score_merge(gold, order)
        assert (r.found, r.lookalikes_apart, r.precision) == (2, 1, 1.0)


def test_a_storming_told_as_a_riot_and_as_an_attack_merges():
    """Outlets tell protesters storming a building as a riot (PROTEST) or as an attack (ASSAULT):
    the kin "storming" puts both in one block, and the two tellings of one day and place merge."""
    from eventcoder.corpus.likeness import family

    crowd = Party("protesters", "anti-government protesters", sector="protesters")
    riot = report(
        "a", "Anti-government protesters stormed the parliament in Mafa on Tuesday.", kind="PROTEST"
    )
    attack = report("b", "Protesters broke into the parliament in Mafa on Tuesday and set it on fire.")
    riot.actor, attack.actor = crowd, Party("protesters", "protesters", sector="protesters")
    assert family("PROTEST") == family("ASSAULT")
    assert len(cluster([riot, attack])) == 1


def test_two_speakers_of_one_side_make_two_statements():
    """A condemnation is its speaker's: the president's written statement and the interior
    ministry's words are two statements, though of one side, day and matter. One speaker told two
    ways ("Chad" / "the Chadian foreign ministry") is one; a speaker the actor lists do not know
    (a spokesman named by his name alone) says too little to keep two reports apart."""
    from eventcoder.corpus.likeness import speaker_score, weights

    def condemned(doc, sentence, actor):
        ev = report(doc, sentence, kind="ACCUSE", target=None)
        ev.mode, ev.actor = "disapprove", actor
        return ev

    president = Party("President of Chad", "the president", country="TD", sector="government")
    ministry = Party("Interior Ministry", "the interior ministry", country="TD", sector="government")
    a = condemned("a", "The president condemned the massacre in Mafa in a statement on Tuesday.", president)
    b = condemned("b", "The interior ministry called the killings horrific.", ministry)
    b.date = None  # its report undated: nothing else tells the two apart
    assert speaker_score(a, b) == weights()["weights"]["other_speaker"] < 0
    assert len(cluster([a, b])) == 2
    chad = condemned(
        "c",
        "Chad condemned the massacre in Mafa on Tuesday.",
        Party("Chad", country="TD", sector="government"),
    )
    chadian = condemned(
        "d",
        "The Chadian foreign ministry condemned the massacre in Mafa on Tuesday.",
        Party("Chadian foreign ministry", country="TD", sector="government"),
    )
    assert speaker_score(chad, chadian) == 0
    spokesman = condemned(
        "e", "Abakar Moussa condemned the massacre in Mafa on Tuesday.", Party("Abakar Moussa")
    )
    assert speaker_score(a, spokesman) == 0


def test_an_inquiry_and_an_accusation_of_one_day_are_two_deeds():
    """Opening an inquiry (ACCUSE, mode investigate) is a deed of its own, not words: a criminal
    case opened and a leader blaming a neighbour on one day are two events; two modes of words (a
    condemnation, an accusation) are one statement told two ways, only told apart."""
    from eventcoder.corpus.likeness import mode_score, weights

    def accuse(doc, sentence, mode):
        ev = report(doc, sentence, kind="ACCUSE")
        ev.mode = mode
        return ev

    inquiry = accuse(
        "a", "Prosecutors opened a terrorism case over the Mafa attack on Tuesday.", "investigate"
    )
    blame = accuse("b", "The president blamed a neighbouring state for the Mafa attack on Tuesday.", "allege")
    condemn = accuse("c", "The president condemned the Mafa attack on Tuesday.", "disapprove")
    w = weights()["weights"]
    assert mode_score(inquiry, blame) == w["other_deed"]
    assert mode_score(condemn, blame) == w["other_mode"] > w["other_deed"]


def test_one_toll_of_several_to_the_unit_outweighs_means_and_places_told_apart():
    """Two outlets count one border shelling alike ("14 villagers" / "fourteen people"), where one
    tells artillery and the other crossfire, and one places it in a village and the other in the
    next town, undated: the toll to the unit joins them. One death agreeing says
    less: many deeds of one day kill one."""
    from eventcoder.corpus.likeness import count_score, weights

    w = weights()["tolls"]
    assert count_score(Count(14, 14, 14), Count(14, 14, 14)) == w["same_toll"] > w["within_half"]
    assert count_score(Count(1, 1, 1), Count(1, 1, 1)) == w["within_half"]
    shelled = _raid(
        "a",
        "Artillery shells fired across the border killed 14 villagers in Mafa on Tuesday.",
        mode="heavy-weapons",
    )
    crossfire = _raid(
        "b", "Fourteen people were killed in crossfire along the border near Dikwa.", mode="firearms"
    )
    shelled.fatalities = crossfire.fatalities = Count(14, 14, 14)
    crossfire.actor, crossfire.target, crossfire.date = None, None, None
    crossfire.location = Place("Dikwa", "NG", 12.0, 13.8, "town", admin1="Borno")
    assert len(cluster([shelled, crossfire])) == 1
    crossfire.fatalities = Count(9, 9, 9)
    assert len(cluster([shelled, crossfire])) == 2


def test_a_parliament_and_a_court_are_the_state_as_its_government_is():
    """ "Rioters stormed the parliament" / "rioters defied the government": the legislature, the
    courts and the government are one side, not sides apart."""
    from eventcoder.corpus.likeness import party_score

    government = Party("Government of Peru", country="PE", sector="government")
    assert party_score(Party("Congress", "the Congress", sector="legislature"), government) == 0
    assert party_score(Party("Supreme Court", "the Supreme Court", sector="judiciary"), government) == 0
    assert party_score(Party("rebels", "the rebels", sector="rebels"), government) < 0


def test_a_kin_pair_is_a_deed_and_its_answer_only_when_its_parties_say_so():
    """A storming told as a riot and as an attack, by two outlets naming the crowd two ways
    ("supporters of the senator" / "extremists") and the building two ways: nothing sets the
    actors apart, and neither is the other's target: one act, not a deed and the answer to it."""
    from eventcoder.corpus.likeness import kin_apart_score, parties_score

    riot = report("a", "Supporters of the senator stormed the assembly in Mafa on Tuesday.", kind="PROTEST")
    attack = report("b", "Extremists invaded the regional assembly building in Mafa on Tuesday.")
    riot.actor, riot.target = (
        Party("Supporters"),
        Party("Government of Nigeria", country="NG", sector="government"),
    )
    attack.actor = Party("extremists", "Extremists", sector="rebels")
    attack.target = Party("regional assembly", "the regional assembly building", sector="legislature")
    assert kin_apart_score(riot, attack, parties_score(riot, attack)) == 0
    # soldiers and rebels: two sides, a deed and the answer to it
    attack.actor = Party("soldiers", "Soldiers", sector="military")
    riot.actor = Party("rebels", "Rebels", sector="rebels")
    assert kin_apart_score(riot, attack, parties_score(riot, attack)) < 0


def test_a_day_just_outside_last_week_is_still_told_as_last_week():
    """ "Rebels launched their offensive last week", said on Tuesday 21 May, of an offensive
    begun on Sunday 12 May, the day before that week: a week's edges are told loosely. Two days off
    it, the day is outside. The week up to publication that a report telling no date is given is
    no words of an outlet: a day off it is not in it."""
    from eventcoder.corpus.likeness import date_score, weights

    w = weights()["dates"]
    guessed = DateSpan("2024-05-13", "2024-05-19", "week")
    assert date_score(DateSpan("2024-05-12", "2024-05-12", "day"), guessed) == 0
    assert date_score(DateSpan("2024-05-14", "2024-05-14", "day"), guessed) == w["in_week"]
    last_week = DateSpan("2024-05-13", "2024-05-19", "week", text="last week")
    assert date_score(DateSpan("2024-05-12", "2024-05-12", "day"), last_week) == w["in_week"] > 0
    assert date_score(DateSpan("2024-05-20", "2024-05-20", "day"), last_week) == w["in_week"]
    assert date_score(DateSpan("2024-05-11", "2024-05-11", "day"), last_week) == w["outside"] < 0
    in_may = DateSpan("2024-05-01", "2024-05-31", "month")
    assert date_score(DateSpan("2024-06-01", "2024-06-01", "day"), in_may) == 0


def test_a_statement_in_one_country_is_placed_in_its_capital_or_at_the_village_it_speaks_of():
    """One outlet places an accusation in the capital where it was said, another at the village
    attacked, far from it: one statement may be told in either; a deed so far off is another."""
    said = dict(actor="Government of Nigeria", target="bandits", kind="ACCUSE")
    capital = report(
        "a", "Nigeria blamed bandits for the raid on Mafa.", place=("Abuja", 9.06, 7.49, "town"), **said
    )
    village = report("b", "Officials blamed bandits for the raid on Mafa.", **said)
    raid = report("c", "Bandits raided Mafa.", place=("Abuja", 9.06, 7.49, "town"), actor="bandits")
    deed = report("d", "Bandits raided Mafa.")
    items = [_item(e, MergeOptions()) for e in (capital, village, raid, deed)]
    assert set(candidate_pairs(items)) == {(0, 1)}
