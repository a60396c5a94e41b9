"""Scale-out: the same :func:`~eventcoder.pipeline.process_documents` work, spread over the
cores of this machine (:func:`process_locally`, a pool of worker processes, the default) or over
worker processes of a local or existing Dask cluster (:func:`process_on_dask`).

On this machine, the parent process reads the documents, codes the first few itself (which loads
the spaCy model, the gazetteer and every word list), then forks ``Options.processes`` workers that
inherit all of it already loaded; each worker parses and codes tasks of :data:`TASK` documents
(``process_documents``: memory zones and the per-document guard included) and sends back plain
events. Results come back in input order, a few tasks per worker in flight, so memory stays flat.
The output is the same as that of one process, byte for byte.

On Dask, documents go to the workers in partitions of :data:`TASK` documents; each worker is one
process of one thread, loads its spaCy model and gazetteer once (they are cached per process) and
codes its partitions with the same function the local loop calls, sending back only events and
errors. Results come back in input order to the one process that writes the store, and no more
than a few partitions per worker are in flight, so memory stays flat however long the corpus. A
LocalCluster runs with :data:`DASK_SETTINGS` (no profiler sampling the coding thread, no memory
given back to the system at every free): Dask's defaults cost half as much CPU again as the coding.

    eventcoder run corpus/ --workers 2                       # a LocalCluster of 2 processes
    eventcoder run corpus/ --scheduler tcp://10.0.0.5:8786   # an existing cluster

On a cluster of several machines, install eventcoder (same version) on every worker, start
``dask scheduler`` on one machine and ``dask worker tcp://SCHEDULER:8786`` on each, and pass
``--scheduler tcp://SCHEDULER:8786``; start those workers with the settings of :data:`DASK_SETTINGS`
(``DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED=False`` in their environment, and so on) and
``--nthreads 1``. Needs the ``dask`` extra.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import chain, islice

from .errors import UsageError
from .model import Document, Event
from .options import Options
from .pipeline import chunks, dated, process_documents

log = logging.getLogger(__name__)

Result = tuple[Document, list[Event], str | None]


#: Documents a worker process codes at once (one task), and documents the parent codes first.
TASK = 32
WARM = 8


def process_locally(
    documents: Iterable[Document], options: Options, task_size: int = TASK, in_flight: int = 2
) -> Iterator[Result]:
    """Code *documents* in ``options.processes`` processes of this machine; yields (document,
    events, error) in input order, exactly what :func:`process_documents` yields. The parent codes
    the first :data:`WARM` documents itself; a corpus no longer than that never starts a pool."""
    docs = iter(documents)
    if options.processes <= 1:
        yield from process_documents(docs, options)
        return
    yield from process_documents(list(islice(docs, WARM)), options)  # loads what workers inherit
    tasks = chunks(docs, task_size)
    first = next(tasks, None)
    if first is not None:
        yield from _in_pool(chain([first], tasks), options, in_flight)


def _in_pool(tasks: Iterator[list[Document]], options: Options, in_flight: int) -> Iterator[Result]:
    """Each task coded by a worker process, results in order; if a worker dies (killed, out of
    memory), the tasks not done are coded in this process, each document in its guard."""
    from concurrent.futures import ProcessPoolExecutor  # here: a command that codes nothing starts fast
    from concurrent.futures.process import BrokenProcessPool

    pending: deque[tuple[list[Document], object]] = deque()
    pool = ProcessPoolExecutor(
        max_workers=options.processes,
        mp_context=_start_method(),
        initializer=die_with,
        initargs=(os.getpid(),),
    )
    try:
        for task in tasks:
            pending.append((task, None))
            pending[-1] = (task, pool.submit(_code_task, task, options))
            while len(pending) >= in_flight * options.processes:
                yield from _done(pending, options)
        while pending:
            yield from _done(pending, options)
    except BrokenProcessPool as e:
        log.warning("a worker process died (%s): coding the rest in this process", e)
        for task in chain((t for t, _f in pending), tasks):
            yield from process_documents(task, options)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _done(pending: deque, options: Options) -> Iterator[Result]:
    """The results of the oldest task (removed from *pending* only once they are in)."""
    from concurrent.futures.process import BrokenProcessPool

    task, future = pending[0]
    if future is None:
        raise BrokenProcessPool("the pool took no more tasks")
    outcome = future.result()
    pending.popleft()
    for doc, (events, error) in zip(task, outcome, strict=True):
        yield dated(doc, options), events, error


def _code_task(documents: list[Document], options: Options) -> list[tuple[list[Event], str | None]]:
    """What a worker process does with one task; the documents themselves are not sent back."""
    return [(events, error) for _doc, events, error in process_documents(documents, options)]


def die_with(parent: int, every: float = 1.0) -> None:
    """A worker's start (the pool's initializer): it exits once its *parent* is gone. A parent killed
    outright (``kill -9``, the out-of-memory killer) cannot end its workers, which would otherwise wait
    for tasks forever, each holding a model; the check runs every *every* seconds in a daemon thread."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every)
        os._exit(1)

    threading.Thread(target=watch, name="eventcoder-parent-watch", daemon=True).start()


def _start_method():
    """fork on Linux (workers inherit the loaded model: no load of their own); else the default."""
    import multiprocessing

    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def process_partition(documents: list[Document], options: Options) -> list[tuple[list[Event], str | None]]:
    """What a Dask worker does with one partition: the local loop on its share, in its one
    process, its spaCy model and gazetteer loaded on the first partition and kept (``get_nlp`` and
    the lexicons are cached per process). Only the events and errors go back, in order: the
    client has the documents."""
    return _code_task(documents, options)


#: Dask's settings for the LocalCluster of ``--workers``, each measured on 200 distinct documents
#: coded by a warm cluster of two workers against one process (77 ms of CPU a document; the
#: cluster's CPU was 123 ms a document with Dask's defaults, 82 with these; docs/benchmarks.md):
DASK_SETTINGS = {
    # the worker's statistical profiler walks the coding thread's stack every 10 ms: 3.4 of
    # 19.2 CPU s, and 0.9 s in the client's process
    "distributed.worker.profile.enabled": False,
    # the event loop's own watch (every 20 ms) and the memory and system monitors (every 100 and
    # 500 ms) wake each worker's event loop, which takes the interpreter from the coding thread
    "distributed.admin.tick.interval": "1s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
}
#: Variables the nanny sets before it starts a worker, left out: MALLOC_TRIM_THRESHOLD_=65536 has
#: glibc give every freed block back to the system at once, and spaCy frees and takes its arrays
#: anew each batch: 2.7 s of system time against 0.4 without, on the same 200 documents.
NOT_IN_WORKER_ENV = ("MALLOC_TRIM_THRESHOLD_",)


def _local_cluster(workers: int):
    """A LocalCluster of *workers* processes of one thread each, started with
    :data:`DASK_SETTINGS` (each worker takes a copy of the settings when it starts)."""
    import dask
    from dask.distributed import LocalCluster

    env = dask.config.get("distributed.nanny.pre-spawn-environ", {}) or {}
    settings = {
        **DASK_SETTINGS,
        "distributed.nanny.pre-spawn-environ": {k: v for k, v in env.items() if k not in NOT_IN_WORKER_ENV},
    }
    with dask.config.set(settings):
        return LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",
            silence_logs=logging.ERROR,
        )


def process_on_dask(
    documents: Iterable[Document],
    options: Options,
    workers: int | None = None,
    scheduler: str | None = None,
    partition_size: int = TASK,
    in_flight: int = 4,
) -> Iterator[Result]:
    """Code *documents* on Dask: a LocalCluster of *workers* processes, or the cluster at
    *scheduler*. Yields (document, events, error) in input order, as the local loop does.
    Partitions of *partition_size* documents, no more than *in_flight* a worker at once."""
    try:
        from dask.distributed import Client
    except ImportError as e:
        raise UsageError(
            "--workers and --scheduler need the 'dask' extra: pip install 'eventcoder[dask]'"
        ) from e
    cluster = _local_cluster(workers or 1) if scheduler is None else None
    try:
        client = Client(scheduler or cluster)
    except OSError as e:
        if cluster is not None:
            cluster.close()
        raise UsageError(f"cannot reach the Dask scheduler {scheduler}: {e}") from e
    try:
        n = max(1, len(client.scheduler_info().get("workers", {})))
        log.info("coding on Dask with %d workers", n)
        pending: deque = deque()
        for task in chunks(documents, partition_size):
            pending.append((task, client.submit(process_partition, task, options, pure=False)))
            while len(pending) >= in_flight * n:  # bounded: memory stays flat
                yield from _rejoin(*pending.popleft(), options)
        while pending:
            yield from _rejoin(*pending.popleft(), options)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _rejoin(task: list[Document], future, options: Options) -> Iterator[Result]:
    """A partition's documents (dated, as the local loop yields them) with their results."""
    for doc, (events, error) in zip(task, future.result(), strict=True):
        yield dated(doc, options), events, error
