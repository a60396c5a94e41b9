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


def test_bcubed():
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
        ],
        "lookalikes": [["E1", "E2"]],
    }
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
