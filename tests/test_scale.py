"""Scale-out on Dask: a LocalCluster of 2 workers gives what the local loop gives."""

from pathlib import Path

import pytest

from eventcoder.io.ingest import Skipped, read_inputs
from eventcoder.options import Options
from eventcoder.pipeline import process_documents

pytest.importorskip("dask.distributed")
pytestmark = pytest.mark.slow

EXAMPLES = Path(__file__).parent.parent / "examples"


def _records(results):
    return [(doc.id, [e.to_json() for e in events], error) for doc, events, error in results]


def test_local_cluster_of_two_workers_equals_the_local_loop():
    from eventcoder.scale import process_on_dask

    options = Options()
    docs = [d for d in read_inputs([str(EXAMPLES)], options) if not isinstance(d, Skipped)]
    assert len(docs) >= 10
    local = _records(process_documents(docs, options))
    dask = _records(process_on_dask(docs, options, workers=2, partition_size=3))
    assert dask == local


def test_cli_run_with_workers(tmp_path):
    from .conftest import run_cli

    r = run_cli("run", EXAMPLES, "--db", tmp_path / "d.db", "--out", tmp_path / "o", "--workers", "2", "-q")
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "o" / "events.jsonl").read_text().strip()
