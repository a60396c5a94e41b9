"""eventcoder: a sourced PLOVER event dataset from news reports, offline."""

from ._version import __version__  # noqa: E402
from .errors import EventcoderError, InputError, ModelError, StoreError, UsageError  # noqa: E402
from .model import Document, Event  # noqa: E402
from .options import Options  # noqa: E402


def process_document(document, options):
    """See :func:`eventcoder.pipeline.process_document`."""
    from .pipeline import process_document as _pd

    return _pd(document, options)


__all__ = [
    "Document",
    "Event",
    "EventcoderError",
    "InputError",
    "ModelError",
    "Options",
    "StoreError",
    "UsageError",
    "process_document",
    "__version__",
]
