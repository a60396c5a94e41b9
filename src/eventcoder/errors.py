"""The exceptions eventcoder raises on purpose.

Every error the library raises deliberately derives from :class:`EventcoderError`, so
that a caller (the command line among them) can catch one class and show one message::

    EventcoderError          anything eventcoder raises on purpose
    ├── UsageError           the caller asked for something that cannot be done
    │                        (bad option value, unknown format, missing gold file)
    ├── InputError           an input document cannot be read or decoded; the run goes
    │                        on and the document is reported as skipped
    ├── StoreError           the SQLite store cannot be opened, migrated or written
    └── ModelError           the spaCy model or a data file cannot be loaded

The command line turns ``UsageError`` into exit code 2 and the others into exit code 2
with a one-line message; skipped inputs give exit code 1 (see ``cli.py``).
"""


class EventcoderError(Exception):
    """Base class of every error eventcoder raises on purpose."""


class UsageError(EventcoderError):
    """The caller asked for something that cannot be done."""


class InputError(EventcoderError):
    """An input document cannot be read, decoded or parsed."""


class StoreError(EventcoderError):
    """The event store cannot be opened, migrated or written."""


class ModelError(EventcoderError):
    """The NLP model or one of eventcoder's data files cannot be loaded."""
