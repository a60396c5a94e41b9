"""Exports for the field's tools: the ACLED and UCDP mappings, and every format opened in its own reader."""

import io
import json
import sys

import pytest
from click.testing import CliRunner

from eventcoder import api
from eventcoder.cli import cli
from eventcoder.errors import UsageError
from eventcoder.io import datasets as ds
from eventcoder.io import export
from eventcoder.io import tables as ff
from eventcoder.io.store import Store
from eventcoder.lexicons.ontology import ontology
from eventcoder.model import Count, DateSpan, Document, Event, Party, Place, Source

# ACLED's event types and sub-event types (ACLED codebook).
ACLED_TYPES = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    },
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Protests": {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    },
}

SYRIAN_ARMY = Party("Military Forces of Syria", country="SY", sector="military")
RUSSIAN_ARMY = Party("Military Forces of Russia", country="RU", sector="military")
HTS = Party("Hayat Tahrir al-Sham", country="SY", sector="rebels")
MILITIA = Party("National Defence Forces", country="SY", sector="militia")
CIVILIANS = Party("Civilians (Syria)", country="SY", sector="civilians")
PROTESTERS = Party("Protesters (Syria)", country="SY", sector="protesters")
POLICE = Party("Police Forces of Syria", country="SY", sector="police")
IDLIB = Place("Idlib", "SY", 35.93, 36.63, "town", admin1="Idlib")


def event(
    type_="ASSAULT",
    mode=None,
    actor=None,
    target=None,
    place=IDLIB,
    date=("2024-03-12", "2024-03-12", "day"),
    killed=None,
    doc="d1",
    said="SOHR",
    n=0,
):
    sentence = f"{type_} {mode} reported in {doc} ({n})."
    src = Source(
        doc_id=doc,
        sentence=sentence,
        start=0,
        end=len(sentence),
        attributed_to=said,
        title=f"Report {doc}",
        fatalities=killed[1] if killed else None,
    )
    return Event(
        id=f"ev-{doc}-{n}",
        type=type_,
        mode=mode,
        sources=[src],
        date=DateSpan(*date) if date else None,
        actor=actor,
        target=target,
        location=place,
        fatalities=Count(*killed) if killed else None,
    )


# -- the mapping tables ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "ev, event_type, sub_event_type",
    [
        (
            event(mode="aerial", actor=RUSSIAN_ARMY, target=CIVILIANS),
            "Explosions/Remote violence",
            "Air/drone strike",
        ),
        (
            event(mode="drone", actor=SYRIAN_ARMY, target=HTS),
            "Explosions/Remote violence",
            "Air/drone strike",
        ),
        (event(mode="heavy-weapons"), "Explosions/Remote violence", "Shelling/artillery/missile attack"),
        (
            event(mode="explosives", target=CIVILIANS),
            "Explosions/Remote violence",
            "Remote explosive/landmine/IED",
        ),
        (event(mode="firearms", actor=SYRIAN_ARMY, target=HTS), "Battles", "Armed clash"),
        (event(actor=HTS, target=MILITIA), "Battles", "Armed clash"),
        (event(actor=HTS, target=Party("Mafa")), "Violence against civilians", "Attack"),  # a town attacked
        (event(), "Violence against civilians", "Attack"),
        (event(mode="firearms", actor=HTS, target=CIVILIANS), "Violence against civilians", "Attack"),
        (
            event(mode="abduct", actor=HTS, target=CIVILIANS),
            "Violence against civilians",
            "Abduction/forced disappearance",
        ),
        (
            event(mode="firearms", actor=POLICE, target=PROTESTERS),
            "Protests",
            "Excessive force against protesters",
        ),
        (
            event(mode="crowd-control", actor=POLICE, target=PROTESTERS),
            "Protests",
            "Protest with intervention",
        ),
        (event(mode="primitive", actor=PROTESTERS, target=POLICE), "Riots", "Violent demonstration"),
        (event(mode="beat", actor=CIVILIANS, target=Party("a man")), "Riots", "Mob violence"),
        (event("PROTEST", "demo", actor=PROTESTERS), "Protests", "Peaceful protest"),
        (event("PROTEST", actor=PROTESTERS), "Protests", "Peaceful protest"),
        (event("PROTEST", "riot", actor=PROTESTERS, target=POLICE), "Riots", "Violent demonstration"),
        (event("COERCE", "arrest", actor=POLICE, target=CIVILIANS), "Strategic developments", "Arrests"),
        (event("AGREE", actor=SYRIAN_ARMY, target=HTS), "Strategic developments", "Agreement"),
        (event("RETREAT", "ceasefire"), "Strategic developments", "Agreement"),
        (
            event("MOBILIZE", "troops", actor=SYRIAN_ARMY),
            "Strategic developments",
            "Change to group/activity",
        ),
        (event("ACCUSE", "allege", actor=SYRIAN_ARMY, target=HTS), "Strategic developments", "Other"),
    ],
)
def test_acled_event_types(ev, event_type, sub_event_type):
    rule = ff.acled_event_type(ev)
    assert rule is not None and (rule.event_type, rule.sub_event_type) == (event_type, sub_event_type)


def test_every_rule_is_an_acled_type_and_every_plover_type_maps():
    for rule in ff.event_type_rules():
        assert rule.sub_event_type in ACLED_TYPES[rule.event_type], rule
        assert rule.disorder_type in (
            "Political violence",
            "Demonstrations",
            "Political violence; Demonstrations",
            "Strategic developments",
        )
    for t in ontology().names:
        assert ff.acled_event_type(event(t)) is not None, t
    assert ff.acled_event_type(event("NO-SUCH-TYPE")) is None


@pytest.mark.parametrize(
    "party, role, event_type, inter",
    [
        (SYRIAN_ARMY, "actor", "Battles", 1),  # state forces at home
        (POLICE, "target", "Riots", 1),
        (Party("Government of Syria", country="SY", sector="government"), "actor", None, 1),
        (RUSSIAN_ARMY, "actor", "Explosions/Remote violence", 8),  # state forces abroad: external
        (Party("UNIFIL", sector="international"), "target", "Battles", 8),
        (HTS, "actor", "Battles", 2),
        (MILITIA, "actor", "Battles", 3),
        (Party("gunmen"), "actor", "Violence against civilians", 3),  # unidentified armed group
        (Party("a man"), "target", "Violence against civilians", 7),
        (Party("a man"), "target", "Strategic developments", None),
        (CIVILIANS, "target", "Violence against civilians", 7),
        (CIVILIANS, "actor", "Riots", 5),
        (PROTESTERS, "actor", "Protests", 6),
        (PROTESTERS, "target", "Protests", 6),
        (Party("Syrian Democratic Party", country="SY", sector="party"), "actor", "Protests", 6),
        (None, "target", "Protests", 0),
    ],
)
def test_acled_inter_codes(party, role, event_type, inter):
    assert ff.acled_inter(party, role, event_type, "SY") == inter


def test_acled_interaction_codes():
    assert ff.acled_interaction(1, 2) == 12
    assert ff.acled_interaction(7, 2) == 27
    assert ff.acled_interaction(6, 0) == 60
    assert ff.acled_interaction(0, 7) == 70
    assert ff.acled_interaction(1, None) is None
    assert ff.acled_interaction(0, 0) is None


@pytest.mark.parametrize(
    "date, acled, ucdp",
    [
        (("2024-03-12", "2024-03-12", "day"), 1, 1),
        (("2024-03-11", "2024-03-12", "range"), 2, 2),  # "last night"
        (("2024-03-04", "2024-03-10", "week"), 2, 3),
        (("2024-03-01", "2024-03-20", "range"), 3, 4),
        (("2024-03-01", "2024-03-31", "month"), 3, 4),
        (("2024-01-01", "2024-12-31", "year"), 3, 5),
        (("2009-01-01", "2011-12-31", "range"), 3, 5),
        (None, None, None),
    ],
)
def test_date_precision_codes(date, acled, ucdp):
    ev = event(date=date)
    assert ff.acled_time_precision(ev) == acled
    assert ff.ucdp_date_prec(ev) == ucdp


@pytest.mark.parametrize(
    "precision, acled, ucdp",
    [("site", 1, 1), ("town", 1, 1), ("admin2", 2, 3), ("admin1", 3, 4), ("country", 3, 6)],
)
def test_place_precision_codes(precision, acled, ucdp):
    ev = event(place=Place("X", "SY", 35.0, 36.0, precision))
    assert ds.acled_row(ev)["geo_precision"] == acled
    assert ds.ucdp_row(ev)["where_prec"] == ucdp


@pytest.mark.parametrize(
    "ev, violence, side_a",
    [
        (event(mode="firearms", actor=SYRIAN_ARMY, target=HTS), 1, "Government of Syria"),
        (
            event(mode="firearms", actor=HTS, target=SYRIAN_ARMY),
            1,
            "Government of Syria",
        ),  # side A is the state
        (
            event(
                mode="heavy-weapons", actor=RUSSIAN_ARMY, target=Party("Ukraine army", "x", "UA", "military")
            ),
            1,
            None,
        ),
        (event(mode="firearms", actor=HTS, target=MILITIA), 2, HTS.name),
        (
            event(mode="aerial", actor=RUSSIAN_ARMY, target=CIVILIANS),
            3,
            "Government of Russia (Soviet Union)",
        ),
        (event(mode="firearms", actor=POLICE, target=PROTESTERS), 3, "Government of Syria"),
        (event(mode="primitive", actor=PROTESTERS, target=POLICE), None, None),  # a riot
        (event(mode="firearms", actor=Party("gunmen"), target=CIVILIANS), None, None),  # unknown perpetrator
        (event(mode="firearms", actor=SYRIAN_ARMY), None, None),  # no target
        (event("COERCE", "arrest", actor=POLICE, target=CIVILIANS), None, None),
        (event(mode="firearms", actor=SYRIAN_ARMY, target=POLICE), None, None),  # one state's own forces
    ],
)
def test_ucdp_type_of_violence(ev, violence, side_a):
    row = ds.ucdp_row(ev)
    assert row["type_of_violence"] == violence
    if side_a:
        assert row["side_a"] == side_a


def test_country_names():
    assert ff.country_name("SY") == "Syria"
    assert ff.country_name("ng") == "Nigeria"
    assert ff.country_name(None) is None
    assert ff.country_name("QQ") == "QQ"


# -- each export in its natural reader ----------------------------------------------------------


def sample_events():
    return [
        event(mode="aerial", actor=RUSSIAN_ARMY, target=CIVILIANS, killed=(5, 7, 9), n=0),
        event(mode="firearms", actor=SYRIAN_ARMY, target=HTS, killed=(3, 3, None), said=None, n=1),
        event(
            "PROTEST",
            "demo",
            actor=PROTESTERS,
            place=Place("Syria", "SY", None, None, "country"),
            date=("2024-03-01", "2024-03-31", "month"),
            n=2,
        ),
        event("AGREE", actor=SYRIAN_ARMY, target=HTS, place=None, date=None, said=None, n=3),
    ]


def to_text(fmt, events):
    out = io.StringIO()
    assert export.write(events, fmt, out) == len(events)
    return out.getvalue()


def test_acled_csv_in_pandas():
    pd = pytest.importorskip("pandas")
    df = pd.read_csv(io.StringIO(to_text("acled", sample_events())))
    assert list(df.columns) == ff.ACLED_COLUMNS
    strike, clash, protest, agree = (df.iloc[i] for i in range(4))
    assert (strike.event_type, strike.sub_event_type) == ("Explosions/Remote violence", "Air/drone strike")
    assert (strike.inter1, strike.inter2) == ("External/Other forces", "Civilians")
    assert strike.interaction == "Civilians-External/Other forces"  # the lower code first, as ACLED
    assert strike.civilian_targeting == "Civilians targeted"
    assert (strike.iso, strike.region, strike.country) == (760, "Middle East", "Syria")
    assert strike.event_date == "2024-03-12" and strike.year == 2024
    assert (strike.latitude, strike.longitude, strike.geo_precision) == (35.93, 36.63, 1)
    # ACLED records the lowest figure when reports differ; the others stay in our own columns
    assert (strike.fatalities, strike.fatalities_best, strike.fatalities_high) == (5, 7, 9)
    assert strike.source == "SOHR (d1)" and strike.notes.startswith("ASSAULT aerial")
    assert pd.isna(strike.source_scale) and pd.isna(strike.admin2) and strike.timestamp > 1_700_000_000
    assert (clash.event_type, clash.inter1, clash.inter2) == ("Battles", "State forces", "Rebel group")
    assert clash.interaction == "State forces-Rebel group" and pd.isna(clash.civilian_targeting)
    assert pd.isna(clash.fatalities_high) and clash.source == "d1"
    assert (protest.event_type, protest.interaction, protest.time_precision) == (
        "Protests",
        "Protesters only",
        3,
    )
    assert protest.fatalities == 0 and protest.geo_precision == 3 and pd.isna(protest.inter2)
    assert protest.event_date == "2024-03-16" and protest.year == 2024  # the middle of the month, as ACLED
    assert protest.tags == "crowd size=no report" and pd.isna(strike.tags)
    # a country-level event is drawn at the country's centroid (data/country_codes.csv)
    assert (protest.latitude, protest.longitude) == (35.0126, 38.5442)
    assert agree.sub_event_type == "Agreement" and pd.isna(agree.event_date) and pd.isna(agree.country)
    assert df.plover_type.tolist() == ["ASSAULT", "ASSAULT", "PROTEST", "AGREE"]
    assert df.actor1.notna().all()


def test_ucdp_csv_in_pandas():
    pd = pytest.importorskip("pandas")
    df = pd.read_csv(io.StringIO(to_text("ucdp", sample_events())), dtype={"gwnoa": str, "gwnob": str})
    assert list(df.columns) == ff.UCDP_COLUMNS
    strike, clash, protest, agree = (df.iloc[i] for i in range(4))
    assert strike.type_of_violence == 3
    assert (strike.side_a, strike.side_b) == ("Government of Russia (Soviet Union)", "Civilians")
    assert strike.dyad_name == "Government of Russia (Soviet Union) - Civilians" and strike.gwnoa == "365"
    assert (strike.best, strike.low, strike.high, strike.date_prec, strike.where_prec) == (7, 5, 9, 1, 1)
    assert (strike.deaths_civilians, strike.deaths_unknown, strike.deaths_a) == (7, 0, 0)
    assert (strike.country, strike.country_id, strike.region) == ("Syria", 652, "Middle East")
    assert (
        strike.priogrid_gid == (252 - 1) * 720 + 434
    )  # row floor((35.93 + 90) * 2) + 1, col floor((36.63 + 180) * 2) + 1
    assert strike.geom_wkt == "POINT (36.63 35.93)" and strike.event_clarity == 1
    assert (strike.source_original, strike.source_office, strike.source_headline) == (
        "SOHR",
        "d1",
        "Report d1",
    )
    assert strike.relid == "SYR-2024-3-ev-d1-0"
    assert (clash.type_of_violence, clash.side_a, clash.side_b) == (1, "Government of Syria", HTS.name)
    assert (clash.best, clash.low, clash.high, clash.deaths_unknown, clash.gwnoa) == (3, 3, 3, 3, "652")
    assert pd.isna(clash.gwnob) and pd.isna(clash.conflict_name)  # a state-based conflict's name needs UCDP
    assert pd.isna(protest.type_of_violence) and protest.date_prec == 4 and protest.where_prec == 6
    assert protest.best == 0 and protest.number_of_sources == 1 and protest.event_clarity == 2
    assert agree.plover_type == "AGREE" and pd.isna(agree.date_start) and pd.isna(agree.priogrid_gid)


def test_flat_csv_in_pandas():
    pd = pytest.importorskip("pandas")
    df = pd.read_csv(io.StringIO(to_text("csv", sample_events())))
    assert list(df.columns) == export.CSV_COLUMNS and len(df) == 4
    assert df.loc[0, "fatalities_best"] == 7 and df.loc[0, "lon"] == 36.63
    assert df.loc[0, "actor"] == RUSSIAN_ARMY.name and df.loc[0, "claimant"] == "SOHR"
    assert df.loc[0, "evidence"] == "ASSAULT aerial reported in d1 (0)." and df.loc[0, "title"] == "Report d1"
    assert df.loc[0, "geo_source"] == "place" and df.loc[0, "geo_precision_code"] == 1
    assert (df.loc[2, "geo_source"], df.loc[2, "geo_precision"], df.loc[2, "geo_precision_code"]) == (
        "country centroid",
        "country",
        3,
    )
    assert df.loc[2, "iso3"] == "SYR" and df.loc[2, "country_name"] == "Syria"


def test_flat_row_takes_the_link_from_the_document_when_the_source_has_none():
    ev = event(doc="d7")
    doc = Document(
        id="d7", text="...", title="Air strike on Idlib", url="https://x.example/a", published="2024-03-13"
    )
    row = export.flat_row(ev, doc)
    assert (row["url"], row["title"], row["published"]) == ("https://x.example/a", "Report d7", "2024-03-13")
    assert (
        export.flat_row(ev)["url"] is None
    )  # the source's own title is kept; the link came from the document
    assert export.flat_row(ev, Document(id="other", text="x", url="https://y.example"))["url"] is None
    assert list(row) == export.CSV_COLUMNS and all(not isinstance(v, dict | list) for v in row.values())


def test_parquet_in_duckdb_and_pyarrow(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    duckdb = pytest.importorskip("duckdb")
    path = tmp_path / "events.parquet"
    assert export.write_file(sample_events(), "parquet", path) == 4
    table = pq.read_table(path)
    assert table.column_names == export.CSV_COLUMNS
    types = {f.name: str(f.type) for f in table.schema}
    assert (
        types["fatalities_best"] == "int64"
        and types["lat"] == "double"
        and types["date_start"] == "date32[day]"
    )
    assert types["actor"] == "string" and types["confidence"] == "double"
    rows = duckdb.sql(
        f"select id, type, fatalities_best, fatalities_high, lat, lon, date_start, year(date_start) as y "
        f"from '{path}' order by id"
    ).fetchall()
    assert rows[0][:6] == ("ev-d1-0", "ASSAULT", 7, 9, 35.93, 36.63)
    assert str(rows[0][6]) == "2024-03-12" and rows[0][7] == 2024
    assert rows[1][3] is None  # a nullable int stays null
    assert rows[3][6] is None  # no date
    n = duckdb.sql(f"select count(*) from '{path}' where type = 'ASSAULT' and fatalities_best > 2").fetchall()
    assert n == [(2,)]


def test_empty_parquet_keeps_its_schema(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "none.parquet"
    assert export.write_file([], "parquet", path) == 0
    table = pq.read_table(path)
    assert table.num_rows == 0 and table.column_names == export.CSV_COLUMNS


def test_geojson_is_a_feature_collection_of_flat_properties():
    g = json.loads(to_text("geojson", sample_events()))
    assert g["type"] == "FeatureCollection" and len(g["features"]) == 4
    strike = g["features"][0]
    assert strike["type"] == "Feature" and strike["id"] == "ev-d1-0"
    assert strike["geometry"] == {"type": "Point", "coordinates": [36.63, 35.93]}  # [lon, lat]
    assert strike["properties"]["type"] == "ASSAULT" and list(strike["properties"]) == export.CSV_COLUMNS
    for f in g["features"]:
        assert not any(isinstance(v, dict | list) for v in f["properties"].values())
    protest = g["features"][2]  # placed at the country only: the country's centroid, said so
    assert protest["geometry"] == {"type": "Point", "coordinates": [38.5442, 35.0126]}
    assert (protest["properties"]["geo_source"], protest["properties"]["geo_precision_code"]) == (
        "country centroid",
        3,
    )
    assert g["features"][3]["geometry"] is None  # no place at all


def test_parquet_needs_a_binary_file():
    with pytest.raises(UsageError, match="-o FILE"):
        export.write(sample_events(), "parquet", io.StringIO())


def test_parquet_without_pyarrow_says_how_to_install(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    with pytest.raises(UsageError, match=r"pip install 'eventcoder\[parquet\]'"):
        export.write_file(sample_events(), "parquet", tmp_path / "x.parquet")
    assert not (tmp_path / "x.parquet").exists()


def test_unknown_format_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="unknown export format"):
        export.write_file(sample_events(), "xml", tmp_path / "x.xml")
    assert not (tmp_path / "x.xml").exists()


# -- through the command line, from a store ------------------------------------------------------


@pytest.fixture
def store(tmp_path):
    """A store of two reports of one air strike (merged into one event) and a protest; no model needed."""
    db = tmp_path / "s.db"
    d1 = Document(id="d1", text="Russian jets bombed Idlib. Protesters marched.", published="2024-03-13")
    d2 = Document(id="d2", text="Air strikes hit Idlib.", published="2024-03-13")
    strike = dict(mode="aerial", actor=RUSSIAN_ARMY, target=CIVILIANS)
    events1 = [
        event(**strike, killed=(7, 7, 7), doc="d1", n=0),
        event("PROTEST", "demo", actor=PROTESTERS, doc="d1", n=1),
    ]
    events2 = [event(**strike, killed=(9, 9, 9), doc="d2", said="civil defence", n=0)]
    with Store(db) as s:
        s.replace_document(d1, events1, "test")
        s.replace_document(d2, events2, "test")
    api.merge(db=db)
    return db


@pytest.mark.parametrize("level", ["merged", "document"])
def test_cli_exports_every_format(store, tmp_path, level):
    pd = pytest.importorskip("pandas")
    duckdb = pytest.importorskip("duckdb")
    n = 3 if level == "document" else api.stats(store)["merged"]
    runner = CliRunner()
    outputs = {}
    for fmt in export.FORMATS:
        path = tmp_path / f"out-{level}.{fmt}"
        result = runner.invoke(
            cli, ["export", "--db", str(store), "--format", fmt, "--level", level, "-o", str(path)]
        )
        assert result.exit_code == 0, result.output
        outputs[fmt] = path
    assert len(outputs["jsonl"].read_text().splitlines()) == n
    assert len(json.loads(outputs["geojson"].read_text())["features"]) == n
    assert len(pd.read_csv(outputs["csv"])) == n
    acled = pd.read_csv(outputs["acled"])
    assert len(acled) == n and set(acled.sub_event_type) == {"Air/drone strike", "Peaceful protest"}
    ucdp = pd.read_csv(outputs["ucdp"])
    assert len(ucdp) == n and set(ucdp.plover_type) == {"ASSAULT", "PROTEST"}
    assert duckdb.sql(f"select count(*) from '{outputs['parquet']}'").fetchall() == [(n,)]
    if level == "merged":
        strike = acled[acled.plover_type == "ASSAULT"].iloc[0]
        assert n == 2 and strike.disputed and (strike.fatalities_low, strike.fatalities_high) == (7, 9)
        assert set(strike.source.split("; ")) == {"SOHR (d1)", "civil defence (d2)"}
        assert ucdp[ucdp.plover_type == "ASSAULT"].iloc[0].number_of_sources == 2


def test_cli_acled_to_stdout_and_parquet_refused_there(store, capsys):
    from eventcoder.cli import main

    with pytest.raises(SystemExit) as done:
        main(["export", "--db", str(store), "--format", "acled"])
    assert done.value.code == 0
    out = capsys.readouterr()
    assert (
        out.out.startswith("event_id_cnty,event_date,year,time_precision") and "2 events exported" in out.err
    )
    with pytest.raises(SystemExit) as done:
        main(["export", "--db", str(store), "--format", "parquet"])
    assert done.value.code == 2
    assert "-o FILE" in capsys.readouterr().err


def test_dataset_exports_take_news_only_unless_asked():
    import io

    from eventcoder.io.export import write
    from eventcoder.model import DateSpan, Event, Source

    def ev(i, telling):
        src = Source(doc_id="d", sentence="s", start=i, end=i + 1, telling=telling)
        return Event(
            id=f"e{i}", type="ASSAULT", sources=[src], date=DateSpan("2024-01-02", "2024-01-02", "day")
        )

    events = [ev(1, "news"), ev(2, "background"), ev(3, None)]
    for fmt in ("acled", "ucdp"):
        assert write(events, fmt, io.StringIO()) == 2
        assert write(events, fmt, io.StringIO(), include_background=True) == 3
    assert write(events, "jsonl", io.StringIO()) == 3


def test_an_unresolved_date_is_exported_and_read_back():
    import io

    from eventcoder.io.export import write
    from eventcoder.model import DateSpan, Event, Source

    src = Source(doc_id="d", sentence="s", start=0, end=1, telling="news")
    event = Event(id="e1", type="ASSAULT", sources=[src], date=DateSpan(None, None, None, "Friday"))
    for fmt in ("jsonl", "csv", "acled", "ucdp", "geojson"):
        assert write([event], fmt, io.StringIO()) == 1
    back = Event.from_json(event.to_json())
    assert back.date == DateSpan(None, None, None, "Friday") and back.sources[0].telling == "news"


# -- hardening -----------------------------------------------------------------------------------


def test_csv_family_neutralises_formula_cells_and_jsonl_keeps_text():
    import csv

    evil = event(actor=Party('=HYPERLINK("http://x")', country="SY", sector="rebels"), said="@SUM(A1)")
    evil.sources[0].sentence = "-1+2 said the =HYPERLINK report"
    lon_west = event(place=Place("Bogotá", "CO", 4.6, -74.08, "city"), n=1)
    for fmt in ("csv", "acled", "ucdp"):
        rows = list(csv.reader(io.StringIO(to_text(fmt, [evil, lon_west]))))
        cells = [c for row in rows for c in row]
        texts = [c for c in cells if c and not is_number(c)]
        assert not any(c.startswith(("=", "@", "+", "-", "\t", "\r")) for c in texts), fmt
        assert any(c.startswith("'=HYPERLINK") or c.startswith("'-1+2") for c in cells), fmt
    assert "-74.08" in to_text("csv", [lon_west])  # numbers are not touched
    assert '"-1+2 said the =HYPERLINK report"' in to_text("jsonl", [evil])


def is_number(cell):
    try:
        float(cell)
    except ValueError:
        return False
    return True


def test_write_file_is_atomic_and_replaces(tmp_path):
    path = tmp_path / "o.csv"
    path.write_text("old")

    def broken():
        yield event()
        raise RuntimeError("killed")

    with pytest.raises(RuntimeError):
        export.write_file(broken(), "csv", path)
    assert path.read_text() == "old"  # a failed write leaves the old file whole
    assert [p.name for p in tmp_path.iterdir()] == ["o.csv"]  # and no temporary file
    assert export.write_file([], "jsonl", path) == 0
    assert path.read_text() == ""  # nothing found: the file is still replaced


def test_export_merges_a_store_whose_merge_is_behind(store, caplog):
    d3 = Document(id="d3", text="Gunmen attacked Idlib.", published="2024-03-14")
    with Store(store) as s:
        s.replace_document(
            d3, [event(actor=HTS, target=CIVILIANS, doc="d3", date=("2024-04-01",) * 2 + ("day",))], "t"
        )
        assert s.unmerged() == 1
    out = io.StringIO()
    api.export(db=store, out=out)
    assert "ev-d3-0" in out.getvalue() and "merging now" in caplog.text
    with Store(store) as s:
        assert s.unmerged() == 0
