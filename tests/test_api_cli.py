"""The commands over the Python API: show, stats and --id-prefix, each calling one public function."""

import json
import sqlite3

import pytest
from click.testing import CliRunner

from eventcoder import cli as cli_module
from eventcoder.cli import cli
from eventcoder.io.store import Store

from .test_api import REPORT, store  # noqa: F401  (the fixture)


def invoke(*args):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result.output


def test_show_prints_one_event_with_its_sources(store):  # noqa: F811
    with Store(store) as s:
        merged = next(s.merged_events()).to_json()
    text = invoke("show", merged["id"][:6], "--db", store)
    assert text.startswith(merged["id"]) and "sources:" in text
    assert "[1] d1" in text and "[2] d2" in text and "evidence:" in text and "claimant: police" in text
    record = json.loads(invoke("show", merged["id"], "--db", store, "--json"))
    assert record["id"] == merged["id"] and record["documents"]["d2"]["title"] == "Toll rises"


def test_show_of_no_event_is_an_error(store, capsys):  # noqa: F811
    with pytest.raises(SystemExit) as e:
        cli_module.main(["show", "m-nothing", "--db", str(store)])
    assert e.value.code == 2 and "no event 'm-nothing'" in capsys.readouterr().err


def test_stats_show_dates_types_countries_and_silent_documents(store):  # noqa: F811
    text = invoke("stats", "--db", store)
    assert "dates     2024-05-12 to 2024-05-12" in text and "ASSAULT" in text and "by country:" in text
    assert "documents without events (1):\n  calm" in text
    s = json.loads(invoke("stats", "--db", store, "--json"))
    assert s["documents_without_events"] == ["calm"] and s["date_first"] == "2024-05-12"


@pytest.mark.slow
def test_run_and_extract_take_an_id_prefix(tmp_path):
    (tmp_path / "r1.txt").write_text(REPORT)
    db = tmp_path / "e.db"
    invoke(
        "run",
        tmp_path / "r1.txt",
        "--db",
        db,
        "--out",
        tmp_path / "o",
        "-q",
        "--processes",
        "1",
        "--id-prefix",
        "nyt/",
    )
    with sqlite3.connect(db) as conn:
        assert [r[0] for r in conn.execute("SELECT doc_id FROM documents")] == ["nyt/r1"]
    out = invoke("extract", tmp_path / "r1.txt", "--id-prefix", "ap/", "-q", "--published", "2024-05-13")
    records = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    assert records and records[0]["sources"][0]["doc_id"] == "ap/r1"
