"""Scale-out on Dask: the same :func:`~eventcoder.pipeline.process_document` work, spread over
worker processes of a local cluster or of an existing Dask cluster.

Documents go to the workers in partitions; each worker loads its spaCy model and gazetteer once
(they are cached per process) and codes its partitions with the same function the local loop
calls. Results come back in input order to the one process that writes the store, and no more
than a few partitions per worker are in flight, so memory stays flat however long the corpus.

    eventcoder run corpus/ --workers 2                       # a LocalCluster of 2 processes
    eventcoder run corpus/ --scheduler tcp://10.0.0.5:8786   # an existing cluster

On a cluster of several machines, install eventcoder (same version) on every worker, start
``dask scheduler`` on one machine and ``dask worker tcp://SCHEDULER:8786`` on each, and pass
``--scheduler tcp://SCHEDULER:8786``. Needs the ``dask`` extra.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Iterator

from .errors import UsageError
from .model import Document, Event
from .options import Options
from .pipeline import chunks, process_documents

log = logging.getLogger(__name__)

Result = tuple[Document, list[Event], str | None]


def process_partition(documents: list[Document], options: Options) -> list[Result]:
    """What a worker does with one partition: the local loop, on its share."""
    return list(process_documents(documents, options))


def process_on_dask(
    documents: Iterable[Document],
    options: Options,
    workers: int | None = None,
    scheduler: str | None = None,
    partition_size: int = 8,
    in_flight: int = 4,
) -> Iterator[Result]:
    """Code *documents* on Dask: a LocalCluster of *workers* processes, or the cluster at
    *scheduler*. Yields (document, events, error) in input order, as the local loop does."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as e:
        raise UsageError(
            "--workers and --scheduler need the 'dask' extra: pip install 'eventcoder[dask]'"
        ) from e
    cluster = None
    if scheduler is None:
        cluster = LocalCluster(
            n_workers=workers or 1,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",
            silence_logs=logging.ERROR,
        )
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
        for batch in chunks(documents, partition_size):
            pending.append(client.submit(process_partition, batch, options, pure=False))
            while len(pending) >= in_flight * n:  # bounded: memory stays flat
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
