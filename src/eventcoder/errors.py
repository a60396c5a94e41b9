"""The exceptions eventcoder raises on purpose.

Every error the library raises deliberately derives from :class:`EventcoderError`, so
that a caller (the command line among them) can catch one class and show one message::

    EventcoderError          anything eventcoder raises on purpose
    ├── UsageError           the caller asked for something that cannot be done
    │   │                    (bad option value, unknown format, missing gold file)
    │   └── DateError        a date that is neither a datetime.date nor an ISO 8601 string
    ├── InputError           an input document cannot be read, decoded, coded or stored;
    │                        the run goes on and the document is reported as skipped
    ├── StoreError           the SQLite store cannot be opened, migrated or written
    └── ModelError           the spaCy model or a data file cannot be loaded

The command line turns every one of them that stops a command into exit code 2 with a one-line
message (``eventcoder: error: ...``); skipped inputs give exit code 1; any other exception is a bug
of eventcoder and gives exit code 3 with one line (``eventcoder: internal error: ...``), so that it
never looks like "some inputs skipped" (see ``cli.py``).
"""


class EventcoderError(Exception):
    """Base class of every error eventcoder raises on purpose."""


class UsageError(EventcoderError):
    """The caller asked for something that cannot be done."""


class DateError(UsageError, ValueError):
    """A date given as something other than a ``datetime.date``, a ``datetime.datetime`` or an ISO
    8601 string (``2024-05-15``, ``2024-05-15T08:30:00Z``): "15 May 2024" is refused, never read
    as no date at all. A ``ValueError`` too, as Python's own date parsers raise."""


class InputError(EventcoderError):
    """An input document cannot be read, decoded or parsed."""


class StoreError(EventcoderError):
    """The event store cannot be opened, migrated or written."""


class ModelError(EventcoderError):
    """The NLP model or one of eventcoder's data files cannot be loaded."""
