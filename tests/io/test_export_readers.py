"""Each export opened by the readers its community uses: pandas, pyogrio (GDAL), DuckDB and R's readr.

The column lists are checked as each reader sees them, and so are the types a reader infers: a
number column must come out as numbers, a date column as dates. R is optional: the readr test runs
where ``Rscript`` and the ``readr`` package are installed (Debian: ``apt-get install r-cran-readr``)
and is skipped elsewhere, saying so.
"""

import json
import shutil
import subprocess

import pytest

from eventcoder.io import export
from eventcoder.io import tables as ff
from eventcoder.model import Count, DateSpan, Event, Party, Place, Source

COLUMNS = {"csv": export.CSV_COLUMNS, "acled": ff.ACLED_COLUMNS, "ucdp": ff.UCDP_COLUMNS}


def events():
    """An air strike on a town, a clash placed in an admin1 area without coordinates, a protest
    placed only in its country, and a statement with no place: every kind of place."""

    def ev(i, type_, mode, actor, target, place, killed=None, day="2024-03-12", said=None):
        sentence = f'Report number {i}, with a comma, and "quotes".'
        src = Source(
            doc_id=f"doc{i}",
            sentence=sentence,
            start=0,
            end=len(sentence),
            attributed_to=said,
            title=f"Headline {i}",
            url=f"https://news.example/{i}",
            published="2024-03-13",
            telling="news",
        )
        return Event(
            id=f"ev{i}",
            type=type_,
            mode=mode,
            sources=[src],
            actor=actor,
            target=target,
            location=place,
            date=DateSpan(day, day, "day"),
            fatalities=Count(*killed) if killed else None,
        )

    army = Party("Military Forces of Sudan", country="SD", sector="military")
    rsf = Party("Rapid Support Forces", country="SD", sector="rebels")
    civilians = Party("Civilians (Sudan)", country="SD", sector="civilians")
    protesters = Party("Protesters (Sudan)", country="SD", sector="protesters")
    return [
        ev(
            1,
            "ASSAULT",
            "aerial",
            army,
            civilians,
            Place("Mellit", "SD", 14.13, 25.55, "town", "North Darfur"),
            (23, 23, 40),
            said="volunteers",
        ),
        ev(
            2,
            "ASSAULT",
            "firearms",
            rsf,
            army,
            Place("North Darfur", "SD", None, None, "admin1", "North Darfur"),
            (3, 5, 5),
        ),
        ev(3, "PROTEST", "demo", protesters, None, Place("Sudan", "SD", None, None, "country")),
        ev(4, "ACCUSE", None, army, rsf, None),
    ]


@pytest.fixture(scope="module")
def admin1_points():
    """North Darfur's point without the gazetteer index (the index is the place tests' to build)."""
    from eventcoder.io import world

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(world, "_admin1_point", lambda country, name: (15.77, 24.9))
        yield


@pytest.fixture(scope="module")
def files(tmp_path_factory, admin1_points):
    out = tmp_path_factory.mktemp("exports")
    paths = {}
    for fmt in export.FORMATS:
        paths[fmt] = out / f"events.{fmt}"
        assert export.write_file(events(), fmt, paths[fmt]) == 4
    return paths


def test_pandas_reads_every_table(files):
    pd = pytest.importorskip("pandas")
    for fmt, columns in COLUMNS.items():
        df = pd.read_csv(files[fmt])
        assert list(df.columns) == columns and len(df) == 4, fmt
    flat = pd.read_csv(files["csv"], parse_dates=["date_start", "published"])
    assert str(flat.date_start.dtype).startswith("datetime64") and flat.fatalities_best.tolist()[:2] == [
        23,
        5,
    ]
    acled = pd.read_csv(files["acled"])
    assert acled.latitude.dtype == float and acled.fatalities.dtype == int and acled.actor1.notna().all()


def test_pyogrio_reads_the_geojson_as_columns(files):
    pyogrio = pytest.importorskip("pyogrio")
    info = pyogrio.read_info(files["geojson"])
    assert list(info["fields"]) == export.CSV_COLUMNS and info["features"] == 4
    assert info["geometry_type"] == "Point"
    types = dict(zip(info["fields"], info["dtypes"], strict=True))
    assert types["fatalities_best"].startswith("int") and types["lat"] == "float64"
    assert types["actor"] == "object" and types["confidence"] == "float64"  # scalars, never a JSON string
    _, table = pyogrio.read_arrow(files["geojson"])
    geometry = table.column(table.schema.names[-1]).to_pylist()
    assert [g is None for g in geometry] == [False, False, False, True]  # town, admin1, country; no place
    assert table.column("geo_source").to_pylist() == ["place", "admin1 centroid", "country centroid", None]


def test_geojson_geometry_is_lon_lat(files):
    feats = json.loads(files["geojson"].read_text())["features"]
    assert feats[0]["geometry"]["coordinates"] == [25.55, 14.13]
    assert feats[1]["geometry"]["coordinates"] == [24.9, 15.77]


def test_duckdb_reads_every_table_and_the_parquet(files):
    duckdb = pytest.importorskip("duckdb")
    for fmt, columns in COLUMNS.items():
        rel = duckdb.read_csv(str(files[fmt]))
        assert rel.columns == columns, fmt
        assert len(rel.fetchall()) == 4
    acled = duckdb.read_csv(str(files["acled"]))
    types = dict(zip(acled.columns, (str(t) for t in acled.types), strict=True))
    assert types["event_date"] == "DATE" and types["fatalities"] == "BIGINT" and types["latitude"] == "DOUBLE"
    assert duckdb.sql(f"select sum(fatalities) from read_csv('{files['acled']}')").fetchall() == [(26,)]
    ucdp = duckdb.sql(f"select side_a, priogrid_gid, gwnoa from read_csv('{files['ucdp']}') where id = 'ev1'")
    assert ucdp.fetchall() == [("Government of Sudan", 208 * 720 + 412, 625)]  # Mellit: row 209, col 412
    parquet = duckdb.sql(f"select url, published, claimant from '{files['parquet']}' where id = 'ev1'")
    (row,) = parquet.fetchall()
    assert row[0] == "https://news.example/1" and str(row[1]) == "2024-03-13" and row[2] == "volunteers"


R_SCRIPT = """
suppressPackageStartupMessages(library(readr))
args <- commandArgs(trailingOnly = TRUE)
d <- read_csv(args[1], show_col_types = FALSE, progress = FALSE)
stopifnot(nrow(problems(d)) == 0)
cat(nrow(d), "\\n")
cat(names(d), sep = ",")
cat("\\n")
cat(vapply(d, function(x) class(x)[1], ""), sep = ",")
cat("\\n")
"""


def rscript_with_readr():
    if shutil.which("Rscript") is None:
        return False
    done = subprocess.run(["Rscript", "-e", "library(readr)"], capture_output=True, timeout=60)
    return done.returncode == 0


@pytest.mark.skipif(
    not rscript_with_readr(), reason="R's readr is not installed (apt-get install r-cran-readr)"
)
def test_r_readr_reads_every_table(files, tmp_path):
    script = tmp_path / "read.R"
    script.write_text(R_SCRIPT)
    for fmt, columns in COLUMNS.items():
        done = subprocess.run(
            ["Rscript", str(script), str(files[fmt])], capture_output=True, text=True, timeout=120
        )
        assert done.returncode == 0, done.stderr
        n, names, classes = done.stdout.strip().splitlines()
        assert int(n) == 4 and names.split(",") == columns, fmt
        kinds = dict(zip(columns, classes.split(","), strict=True))
        if fmt == "acled":
            assert (kinds["event_date"], kinds["fatalities"], kinds["latitude"]) == (
                "Date",
                "numeric",
                "numeric",
            )
        if fmt == "csv":
            assert (kinds["published"], kinds["evidence"]) == ("Date", "character")
