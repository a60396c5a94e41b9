"""Scale-out: a pool of worker processes on this machine, and a LocalCluster of 2 Dask workers,
give what the local loop gives, byte for byte."""

from pathlib import Path

import pytest

from eventcoder.io.ingest import Skipped, read_inputs
from eventcoder.io.progress import CodingProgress
from eventcoder.options import Options
from eventcoder.pipeline import process_documents
from eventcoder.scale import _code_task

pytestmark = pytest.mark.slow

EXAMPLES = Path(__file__).parent.parent / "examples"


def _records(results):
    return [(doc.id, doc.published, [e.to_json() for e in events], error) for doc, events, error in results]


def test_local_cluster_of_two_workers_equals_the_local_loop():
    pytest.importorskip("dask.distributed")
    from eventcoder.scale import process_on_dask

    options = Options()
    docs = [d for d in read_inputs([str(EXAMPLES)], options) if not isinstance(d, Skipped)]
    assert len(docs) >= 10
    local = _records(process_documents(docs, options))
    bar = CodingProgress(total=len(docs), stream=None)
    dask = _records(bar.over(process_on_dask(docs, options, workers=2, partition_size=3)))
    assert dask == local
    assert bar.done == bar.total == len(docs)  # the bar counts each document coded on a worker


def test_every_way_gives_undated_documents_the_options_date():
    """A document without a date takes ``Options.published`` and comes back with it, from a worker
    process or a Dask worker as from the local loop (the run counts undated documents by it)."""
    pytest.importorskip("dask.distributed")
    from eventcoder.model import Document
    from eventcoder.scale import WARM, process_locally, process_on_dask

    attack = "Gunmen attacked a police post in Gwoza on Friday, killing four officers, police said."
    docs = [Document(id=f"g{i}", text=attack) for i in range(WARM + 3)]
    options = Options(published="2024-05-13", processes=2)
    one = _records(process_documents(docs, options))
    assert {published for _i, published, _e, _err in one} == {"2024-05-13"}
    assert _records(process_locally(docs, options, task_size=2)) == one
    assert _records(process_on_dask(docs, options, workers=1, partition_size=4)) == one


def test_the_local_cluster_runs_without_the_profiler_and_the_malloc_trim():
    """The settings that made Dask cost half again as much CPU as the coding (DASK_SETTINGS) reach
    the worker processes."""
    pytest.importorskip("dask.distributed")
    from dask.distributed import Client

    from eventcoder.scale import _local_cluster

    def seen():
        import os

        import dask

        return dask.config.get("distributed.worker.profile.enabled"), os.environ.get("MALLOC_TRIM_THRESHOLD_")

    with _local_cluster(1) as cluster, Client(cluster) as client:
        assert list(client.run(seen).values()) == [(False, None)]


def test_cli_run_with_workers(tmp_path):
    pytest.importorskip("dask.distributed")
    from .conftest import run_cli

    r = run_cli("run", EXAMPLES, "--db", tmp_path / "d.db", "--out", tmp_path / "o", "--workers", "2", "-q")
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "o" / "events.jsonl").read_text().strip()
    # Dask's INFO logging (cluster start and stop) is not shown without -v; what stderr holds are
    # eventcoder's own warnings (the examples' undated reports, a place index built on a first run)
    lines = r.stderr.splitlines()
    assert all(line.startswith("WARNING eventcoder.") for line in lines), lines


def test_cli_extract_with_workers_writes_what_one_process_writes(tmp_path):
    pytest.importorskip("dask.distributed")
    from .conftest import run_cli

    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    r = run_cli("extract", EXAMPLES, "-o", one, "--processes", "1", "-q")
    assert r.returncode == 0, r.stderr
    r = run_cli("extract", EXAMPLES, "-o", two, "--workers", "2", "-q")
    assert r.returncode == 0, r.stderr
    assert one.read_text().strip() and two.read_bytes() == one.read_bytes()


def test_cli_run_with_workers_and_v_shows_dask_logging(tmp_path):
    pytest.importorskip("dask.distributed")
    from .conftest import run_cli

    one = tmp_path / "in"
    one.mkdir()
    (one / "r.txt").write_text("Gunmen attacked a police post in Gwoza on Sunday.", encoding="utf-8")
    r = run_cli("-v", "run", one, "--db", tmp_path / "d.db", "--out", tmp_path / "o", "--workers", "1", "-q")
    assert r.returncode == 0, r.stderr
    assert "INFO distributed." in r.stderr and "INFO eventcoder.scale: coding on Dask" in r.stderr


# -- a pool of worker processes on this machine (the default) -------------------------------------
def _examples(options):
    return [d for d in read_inputs([str(EXAMPLES)], options) if not isinstance(d, Skipped)]


def test_two_processes_give_what_one_gives():
    from eventcoder.scale import WARM, process_locally

    docs = _examples(Options())
    assert len(docs) > WARM + 4  # the parent codes WARM, the pool the rest, in tasks of 2
    one = _records(process_locally(docs, Options(processes=1)))
    bar = CodingProgress(total=len(docs), stream=None)
    two = _records(bar.over(process_locally(docs, Options(processes=2), task_size=2)))
    assert two == one == _records(process_documents(docs, Options()))
    assert bar.done == bar.total == len(docs)  # the bar counts each document a worker process coded


def test_a_bad_document_in_a_worker_is_reported_and_the_others_coded():
    from eventcoder.model import Document
    from eventcoder.scale import WARM, process_locally

    attack = "Gunmen attacked a police post in Gwoza on Sunday, killing four officers, police said."
    docs = [Document(id=f"g{i}", text=attack, published="2024-05-13") for i in range(WARM + 3)]
    docs.insert(
        WARM + 1, Document(id="bad", text="Gunmen attacked Gwoza \ud800 on Sunday.", published="2024-05-13")
    )
    out = _records(process_locally(docs, Options(processes=2), task_size=2))
    assert [i for i, _p, _e, _err in out] == [d.id for d in docs]  # input order kept
    errors = {i: err for i, _p, _e, err in out if err}
    assert list(errors) == ["bad"] and errors["bad"].startswith("parse failed: UnicodeEncodeError")
    assert all(events for i, _p, events, _err in out if i != "bad")


def _die(documents, options):  # a worker that dies (killed, out of memory) on its task
    import os

    if any(d.id == "g9" for d in documents):
        os._exit(1)
    return _code_task(documents, options)


def test_a_worker_that_dies_leaves_its_documents_to_the_parent(monkeypatch, caplog):
    from eventcoder import scale
    from eventcoder.model import Document

    attack = "Gunmen attacked a police post in Gwoza on Sunday, killing four officers, police said."
    docs = [Document(id=f"g{i}", text=attack, published="2024-05-13") for i in range(14)]
    monkeypatch.setattr(scale, "_code_task", _die)
    out = _records(scale.process_locally(docs, Options(processes=2), task_size=2))
    assert [i for i, _p, _e, _err in out] == [d.id for d in docs]
    assert all(events and err is None for _i, _p, events, err in out)
    assert "a worker process died" in caplog.text


def test_processes_default_to_the_cores_available():
    import os

    assert Options().processes == len(os.sched_getaffinity(0))


def test_a_worker_exits_when_its_parent_is_killed(tmp_path):
    """kill -9 the parent of a pool whose workers started with ``die_with``: the worker, waiting for
    work, exits within seconds instead of holding its memory forever."""
    import os
    import signal
    import subprocess
    import sys
    import time

    pid_file = tmp_path / "worker.pid"
    script = (
        "import os, sys, time\n"
        "from concurrent.futures import ProcessPoolExecutor\n"
        "import multiprocessing\n"
        "from eventcoder.scale import die_with\n"
        "def pid():\n"
        "    return os.getpid()\n"
        "if __name__ == '__main__':\n"
        "    ctx = multiprocessing.get_context('fork')\n"
        "    pool = ProcessPoolExecutor(1, mp_context=ctx, initializer=die_with, initargs=(os.getpid(), 0.1))\n"
        f"    open({str(pid_file)!r}, 'w').write(str(pool.submit(pid).result()))\n"
        "    time.sleep(60)\n"
    )
    parent = subprocess.Popen([sys.executable, "-c", script])
    try:
        deadline = time.monotonic() + 60
        while not (pid_file.exists() and pid_file.read_text()) and time.monotonic() < deadline:
            time.sleep(0.1)
        worker = int(pid_file.read_text())
    finally:
        parent.send_signal(signal.SIGKILL)
        parent.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.kill(worker, 0)
        except ProcessLookupError:
            return
        with open(f"/proc/{worker}/stat") as f:  # a zombie has exited: reaped by init soon after
            if f.read().split(") ")[1].startswith("Z"):
                return
        time.sleep(0.1)
    raise AssertionError(f"worker {worker} outlived its killed parent")
