"""eventcoder: a sourced PLOVER event dataset from news reports, offline.

The Python API (docs/api.md)::

    import eventcoder

    events = eventcoder.extract("Gunmen killed four police officers in Gwoza on Sunday.",
                                published="2024-05-13")
    frame = eventcoder.to_pandas(events)            # the CSV export's columns
    stored = eventcoder.read_events("eventcoder.db")  # a store's merged events, as a DataFrame

Importing eventcoder is light: spaCy and the rest load on first use.
"""

from ._version import __version__  # noqa: E402
from .errors import DateError, EventcoderError, InputError, ModelError, StoreError, UsageError  # noqa: E402
from .model import Document, Event  # noqa: E402
from .options import Options  # noqa: E402


def process_document(document, options=None):
    """See :func:`eventcoder.pipeline.process_document` (*options* default: ``Options()``)."""
    from .pipeline import process_document as _pd

    return _pd(document, options or Options())


def extract(texts_or_documents, published=None, options=None, errors="warn"):
    """The events (:class:`Event`) of a text, a :class:`Document`, a dict ``{"text", "id"?,
    "title"?, "url"?, "published"?}`` or a list of them; see :func:`eventcoder.api.extract_events`."""
    from .api import extract_events

    return extract_events(texts_or_documents, published=published, options=options, errors=errors)


def to_pandas(events_or_db, level="merged"):
    """A DataFrame of events (or of a store's, given its path), with the CSV export's columns;
    see :func:`eventcoder.api.to_pandas`."""
    from .api import to_pandas as _to_pandas

    return _to_pandas(events_or_db, level=level)


def read_events(db="eventcoder.db", level="merged"):
    """The stored events of *db* as a DataFrame, merged or (*level* "document") one per report;
    see :func:`eventcoder.api.read_events`."""
    from .api import read_events as _read_events

    return _read_events(db, level=level)


__all__ = [
    "DateError",
    "Document",
    "Event",
    "EventcoderError",
    "InputError",
    "ModelError",
    "Options",
    "StoreError",
    "UsageError",
    "extract",
    "process_document",
    "read_events",
    "to_pandas",
    "__version__",
]
