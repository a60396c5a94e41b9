"""The public functions behind the command line: extract, run, merge, remove, export, stats, evaluate,
serve and report (the viewer).

Each returns plain values (a :class:`RunSummary`, a dict, a :class:`~eventcoder.evaluate.Report`)
and raises only :class:`~eventcoder.errors.EventcoderError` subclasses on purpose.
"""

from __future__ import annotations

import dataclasses
import logging
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import BinaryIO, TextIO

from .corpus import evaluate as _evaluate
from .corpus import merge as _merge
from .corpus import sentences as _sentences
from .corpus import suite as _suite
from .errors import InputError, UsageError
from .io import export as _export
from .io.describe import EventView, StoreStats
from .io.ingest import (
    Note,
    Skipped,
    absolute_origin,
    content_id,
    origin_file,
    parse_published,
    qualified_id,
    read_inputs,
)
from .io.progress import CodingProgress
from .io.store import DEFAULT_DB, Store
from .model import Document, Event, iso_date
from .nlp.language import identify_language, is_model_language
from .options import Options
from .pipeline import extractor_version, process_documents
from .scale import process_locally, process_on_dask

log = logging.getLogger(__name__)


@dataclass
class RunSummary:
    """What a run read, coded, skipped and why."""

    read: int = 0
    processed: int = 0
    unchanged: int = 0
    events: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    """What inputs went through on their way in (an encoding guessed, an id already taken)."""
    by_type: Counter = field(default_factory=Counter)
    out_path: str | None = None
    merged: int = 0
    not_coded: dict[str, list[str]] = field(default_factory=dict)
    """The documents read but not coded, being in another language than English: by language."""
    undated: list[str] = field(default_factory=list)
    """The documents coded without a publication date (their relative dates stay unresolved)."""
    unresolved: int = 0
    """Events whose date the report gives in words that nothing anchors ("on Friday")."""

    @property
    def ok(self) -> bool:
        """True when every input was processed (none skipped)."""
        return not self.skipped

    def format(self) -> str:
        lines = [
            f"documents read     {self.read:>7}",
            f"  processed        {self.processed:>7}",
            f"  unchanged        {self.unchanged:>7}",
            f"  skipped          {len(self.skipped):>7}",
            f"events extracted   {self.events:>7}",
        ]
        for t, n in sorted(self.by_type.items(), key=lambda kv: (-kv[1], kv[0])):
            lines.append(f"  {t:<16} {n:>7}")
        if self.merged:
            lines.append(f"merged events      {self.merged:>7}")
        if self.out_path:
            lines.append(f"written to         {self.out_path}")
        lines.extend(self.not_coded_lines())
        if self.notes:
            lines.append("notes:")
            lines.extend(f"  {n.origin}: {n.message}" for n in self.notes)
        if self.skipped:
            lines.append("skipped inputs:")
            reasons = Counter(s.reason for s in self.skipped)
            for s in self.skipped:
                lines.append(f"  {s.origin}: {s.reason}")
            lines.append("  (" + "; ".join(f"{n} {r}" for r, n in reasons.most_common()) + ")")
        return "\n".join(lines)

    def not_coded_lines(self) -> list[str]:
        """'not coded: N documents not in English: de 12, fr 6', then each language's documents."""
        if not self.not_coded:
            return []
        by_size = sorted(self.not_coded.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        n = sum(len(docs) for docs in self.not_coded.values())
        counts = ", ".join(f"{lang} {len(docs)}" for lang, docs in by_size)
        lines = [f"not coded: {n} document{'s' if n != 1 else ''} not in English: {counts}"]
        lines.extend(f"  {lang}: {', '.join(docs)}" for lang, docs in by_size)
        return lines

    def warn_undated(self) -> None:
        """Say once (a warning in the log, on stderr by default) that the documents without a
        publication date keep their relative dates unresolved."""
        if not self.undated:
            return
        n, some = len(self.undated), ", ".join(self.undated[:3]) + (", ..." if len(self.undated) > 3 else "")
        log.warning(
            "%d document%s without a publication date (%s): relative dates in %s ('on Friday', "
            "'yesterday') stay unresolved unless a dateline anchors them (%d event%s dated in words "
            "only); give the date with --published YYYY-MM-DD, or published=... in Python",
            *(n, "s" if n != 1 else "", some, "them" if n != 1 else "it"),
            *(self.unresolved, "s" if self.unresolved != 1 else ""),
        )

    def skip(self, origin: str, reason: str) -> None:
        """Count an input as skipped, and why."""
        self.skipped.append(Skipped(origin, reason))
        log.warning("skipped %s: %s", origin, reason)


def _documents(
    paths: Iterable[str], options: Options, summary: RunSummary, on_skip=None, exclude: Iterable[str] = ()
) -> Iterator[Document]:
    for item in read_inputs(paths, options, exclude):
        if isinstance(item, Note):
            summary.notes.append(item)
            log.info("%s: %s", item.origin, item.message)
            continue
        summary.read += 1
        if isinstance(item, Skipped):
            summary.skipped.append(item)
            log.warning("skipped %s: %s", item.origin, item.reason)
            if on_skip:
                on_skip(item)
            continue
        yield item


def _code(
    docs: Iterable[Document],
    options: Options,
    summary: RunSummary,
    progress: bool | CodingProgress,
    workers: int | None = None,
    scheduler: str | None = None,
) -> Iterator[tuple[Document, list[Event]]]:
    bar = progress if isinstance(progress, CodingProgress) else CodingProgress(None, progress)
    if workers or scheduler:  # one process per Dask worker
        results = process_on_dask(docs, options, workers=workers, scheduler=scheduler)
    else:  # options.processes processes of this machine
        results = process_locally(docs, options)
    for doc, events, error in bar.over(results):  # the bar moves as each document is coded
        if error is not None:
            summary.skipped.append(Skipped(doc.origin or doc.id, f"extraction failed: {error}"))
            log.error("extraction failed on %s: %s", doc.id, error)
            continue
        summary.processed += 1
        if not is_model_language(doc.language):
            summary.not_coded.setdefault(doc.language, []).append(doc.id)
        elif doc.published is None:
            summary.undated.append(doc.id)
            summary.unresolved += sum(1 for e in events if e.date is not None and not e.date.resolved)
        summary.events += len(events)
        summary.by_type.update(e.type for e in events)
        yield doc, events


def extract(
    paths: Iterable[str],
    options: Options | None = None,
    out: TextIO | None = None,
    progress: bool = True,
    workers: int | None = None,
    scheduler: str | None = None,
) -> RunSummary:
    """Code the documents under *paths* and write one JSON line per document-level event to
    *out* (default stdout). No store is used. With *workers* or *scheduler*, coded on Dask, as
    :func:`run` does."""
    options = options or Options()
    out = out or sys.stdout
    summary = RunSummary()
    paths = list(paths)
    bar = CodingProgress.for_inputs(paths, progress)
    docs = _documents(paths, options, summary, bar.pass_over)
    for _doc, events in _code(docs, options, summary, bar, workers, scheduler):
        _export.write_jsonl(events, out)
    summary.warn_undated()
    return summary


# -- the Python API: texts in, events out, a DataFrame of them --------------------------------
TextLike = str | Document | Mapping


def extract_events(
    texts_or_documents: TextLike | Iterable[TextLike],
    published: date | str | None = None,
    options: Options | None = None,
    errors: str = "warn",
) -> list[Event]:
    """The events of one text or many (``eventcoder.extract``): each a ``str`` (its id made of
    its content, ``text-<sha256 prefix>``), a :class:`~eventcoder.model.Document`, or a dict
    with the keys of a JSON Lines input (``text``, and ``id``, ``title``, ``url``,
    ``published`` if known). *published* (a ``datetime.date``, a ``datetime`` or an ISO 8601
    string) dates the documents that carry no date of their own, before ``options.published``;
    anything else is a :class:`~eventcoder.errors.DateError`. Without any publication date,
    relative dates ("on Friday") stay unresolved, and a warning says so once.

    Every setting of *options* holds (model, processes, min_confidence, max_chars, prefilter,
    id_prefix). A document that cannot be coded is skipped with a warning, or with *errors*
    "raise" is an :class:`~eventcoder.errors.InputError`. Events come in input order, each
    document's in its reading order."""
    if errors not in ("warn", "raise"):
        raise UsageError(f"errors must be 'warn' or 'raise', not {errors!r}")
    options = options or Options()
    default = iso_date(published, "published") or iso_date(options.published, "Options.published")
    docs = [_as_document(x, default, options) for x in _one_or_many(texts_or_documents)]
    summary, events = RunSummary(), []
    for doc in docs:
        if len(doc.text) > options.max_chars:
            summary.skip(doc.id, f"too large ({len(doc.text):,} characters; limit {options.max_chars:,})")
    docs = [d for d in docs if len(d.text) <= options.max_chars]
    for _doc, evs in _code(docs, options, summary, progress=False):
        events.extend(evs)
    if summary.skipped and errors == "raise":
        raise InputError("; ".join(f"{s.origin}: {s.reason}" for s in summary.skipped))
    summary.warn_undated()
    return events


def _one_or_many(value) -> list:
    if isinstance(value, str | Document | Mapping):
        return [value]
    if isinstance(value, bytes) or not isinstance(value, Iterable):
        raise UsageError(
            f"extract takes a text, a Document, a dict or a list of them, not {type(value).__name__}"
        )
    return list(value)


def _as_document(item: TextLike, published: str | None, options: Options) -> Document:
    """*item* as a Document: its language told, the default publication date and the id prefix
    given where it has none."""
    if isinstance(item, str):
        item = Document(id=content_id(item, "text"), text=item)
    elif isinstance(item, Mapping):
        unknown = set(item) - {"id", "text", "title", "url", "published"}
        if unknown or not isinstance(item.get("text"), str):
            raise UsageError(
                "a document as a dict takes a string 'text' and 'id', 'title', 'url', 'published'"
                + (f", not {', '.join(sorted(unknown))}" if unknown else "")
            )
        item = Document(**{"id": content_id(item["text"], "text"), **item})
    elif not isinstance(item, Document):
        raise UsageError(f"extract takes texts, Documents or dicts, not {type(item).__name__}")
    return dataclasses.replace(
        item,
        id=options.id_prefix + str(item.id),
        published=item.published or published,
        language=item.language or identify_language(item.text),
    )


def to_pandas(events_or_db: Iterable[Event | dict] | str | Path, level: str = "merged"):
    """A pandas DataFrame of events, one row an event, with the columns of the CSV export
    (``eventcoder export --format csv``; docs/exports.md): from events (:class:`Event` objects,
    or their JSON records), or from a store's path, as :func:`read_events` reads it. Needs pandas."""
    if isinstance(events_or_db, str | Path):
        return read_events(events_or_db, level)
    return _frame(e if isinstance(e, Event) else Event.from_json(e) for e in events_or_db)


def read_events(db: str | Path = DEFAULT_DB, level: str = "merged"):
    """The events of the store at *db* as a pandas DataFrame with the CSV export's columns: the
    merged events (one per real-world event), or with *level* "document" one row per report of
    an event. Needs pandas."""
    _require_db(db)
    if level not in ("merged", "document"):
        raise UsageError(f"unknown level {level!r}: use 'merged' or 'document'")
    with Store(db) as store:
        if level == "merged":
            _catch_up(store)
        return _frame(store.merged_events() if level == "merged" else store.events())


def _frame(events: Iterable[Event]):
    try:
        import pandas as pd
    except ImportError as e:
        raise UsageError("a DataFrame needs pandas: pip install pandas") from e
    rows = [_export.flat_row(ev) for ev in events]
    return pd.DataFrame.from_records(rows, columns=list(_export.CSV_COLUMNS)).convert_dtypes()


def run(
    paths: Iterable[str],
    options: Options | None = None,
    db: str | Path = DEFAULT_DB,
    out_dir: str | Path | None = "out",
    progress: bool = True,
    merge_options: _merge.MergeOptions | None = None,
    workers: int | None = None,
    scheduler: str | None = None,
) -> RunSummary:
    """Ingest, code and store the documents under *paths*; then write OUT_DIR/events.jsonl
    with every event in the store. Documents already stored unchanged are not coded again.

    The run's own store and OUT_DIR/events.jsonl are never read as inputs. A document whose id
    the store holds for another input (another file, different content) is stored under its
    path-qualified id, and a note says so: no document replaces another. Each document is
    read, parsed, coded and stored in its own guard: one that fails is reported and skipped,
    the others are stored and merged."""
    options = options or Options()
    summary = RunSummary()
    version = extractor_version()
    out_path = Path(out_dir) / "events.jsonl" if out_dir is not None else None
    own = [str(db) + suffix for suffix in ("", "-wal", "-shm", "-journal")] + (
        [str(out_path)] if out_path else []
    )
    paths = list(paths)
    bar = CodingProgress.for_inputs(paths, progress, exclude=own)
    with Store(db) as store:
        docs = _documents(paths, options, summary, bar.pass_over, exclude=own)
        docs = _new_or_changed(docs, store, version, summary, options.id_prefix, bar.pass_over)
        coded = _code(docs, options, summary, bar, workers, scheduler)
        for doc, events in coded:  # one writer: this process
            try:
                store.replace_document(
                    dataclasses.replace(doc, origin=absolute_origin(doc.origin)), events, version
                )
            except InputError as e:
                summary.processed -= 1
                summary.events -= len(events)
                summary.by_type.subtract(e.type for e in events)
                summary.skip(doc.origin or doc.id, str(e))
        summary.by_type = +summary.by_type
        summary.warn_undated()
        summary.merged = _merge_store(store, merge_options)
        if out_path is not None:
            _export.write_atomic(out_path, lambda f: _export.write_jsonl(store.merged_events(), f))
            summary.out_path = str(out_path)
    return summary


def _new_or_changed(
    docs: Iterable[Document],
    store: Store,
    version: str,
    summary: RunSummary,
    prefix: str = "",
    on_unchanged=None,
) -> Iterator[Document]:
    """The documents the store does not hold as they are, each under an id of its own
    (:func:`_own_id`)."""
    for doc in docs:
        doc = _own_id(doc, store, summary, prefix)
        if store.is_current(doc, version):
            summary.unchanged += 1
            if on_unchanged:
                on_unchanged(doc)
            continue
        yield doc


def _own_id(doc: Document, store: Store, summary: RunSummary, prefix: str = "") -> Document:
    """*doc* under an id the store holds for no other input (:func:`_free_id`). A note in the
    summary says when the id is not its own, when the input's text changed since it was stored
    (it replaces its stored document, whose events are coded again), and when the store holds the
    same text from another input (kept once)."""
    new, stored, taken = _free_id(doc, store, prefix)
    said = []
    if taken:
        said.append(f"id {'; '.join(taken)}: this one is '{new}'")
        doc = dataclasses.replace(doc, id=new)
    if stored is not None and stored[1] != doc.content_hash:
        said.append(
            f"'{new}' changed since it was stored: it replaces the stored text, its events coded again"
        )
    elif stored is not None and _other_input(stored[0], doc.origin):
        said.append(f"the same text as '{new}', stored from {stored[0]}: kept once")
    for message in said:
        summary.notes.append(Note(doc.origin or doc.id, message))
        log.info("%s: %s", doc.origin or doc.id, message)
    return doc


def _free_id(doc: Document, store: Store, prefix: str) -> tuple[str, tuple | None, list[str]]:
    """(the id, the store's (origin, content hash) under it or None, the ids passed over and
    whose they are): its own id, else its path-qualified id (``b/report.txt``), else that and a
    content hash (``b/report.txt@3f2a...``; the one this input was stored under before, if any):
    the first that is free, holds the same text, or holds this same input (the store keeps each
    input's absolute path)."""
    base, taken = qualified_id(doc, prefix), []
    for new in (doc.id, base, None):
        if new is None:
            before = [i for i in store.ids_from(absolute_origin(doc.origin)) if i.startswith(f"{base}@")]
            new = before[0] if before else f"{base}@{doc.content_hash[:12]}"
        stored = store.stored_origin(new)
        if stored is None or stored[1] == doc.content_hash or not _other_input(stored[0], doc.origin):
            break
        taken.append(f"'{new}' is stored for {stored[0]}")
    return new, stored, taken


def _other_input(stored_origin: str | None, origin: str | None) -> bool:
    """Do two origins name different inputs (not the same file, or lines of the same file)?"""
    a, b = origin_file(stored_origin), origin_file(absolute_origin(origin))
    if a == b:
        return False
    try:
        return not Path(a).samefile(b)
    except OSError:
        return True


def merge(db: str | Path = DEFAULT_DB, options: _merge.MergeOptions | None = None) -> int:
    """Cluster the stored document-level events into merged events (stable ids from the last
    merge); returns the number of merged events."""
    _require_db(db)
    with Store(db) as store:
        return _merge_store(store, options)


def remove(
    doc_ids: Iterable[str], db: str | Path = DEFAULT_DB, options: _merge.MergeOptions | None = None
) -> int:
    """Remove documents and their events from the store, then merge again: a merged event loses
    only those reports (and keeps its id while any report of it is left). Returns how many of
    *doc_ids* were there."""
    _require_db(db)
    with Store(db) as store:
        n = sum(store.remove_document(d) for d in doc_ids)
        _merge_store(store, options)
    return n


def _catch_up(store: Store, options: _merge.MergeOptions | None = None) -> int:
    """Merge the store if its merge is behind its events (a run stopped between coding and
    merging), saying so; returns how many events were behind."""
    behind = store.unmerged()
    if behind:
        log.warning("%d stored events belong to no merged event (an interrupted run?): merging now", behind)
        _merge_store(store, options)
    return behind


def _merge_store(store: Store, options: _merge.MergeOptions | None = None) -> int:
    clusters = _merge.cluster(list(store.events()), options, known=store.membership())
    store.replace_merged([c.record for c in clusters if c.record is not None])
    return len(clusters)


def export(
    db: str | Path = DEFAULT_DB,
    fmt: str = "jsonl",
    out: TextIO | BinaryIO | str | Path | None = None,
    level: str = "merged",
    include_background: bool = False,
) -> int:
    """Write every stored event to *out* in *fmt*: merged events (one per real-world event,
    every report a source), or with *level* "document" one per document-level event. *out* is a
    stream (default stdout) or a file path; the binary format (parquet) needs a path or a binary
    file. Formats: jsonl, csv, geojson, acled, ucdp, parquet (docs/exports.md); acled and ucdp
    take the events told as news only unless *include_background*. Returns the number written."""
    _require_db(db)
    if level not in ("merged", "document"):
        raise UsageError(f"unknown level {level!r}: use 'merged' or 'document'")
    _export.check_format(fmt)
    with Store(db) as store:
        if level == "merged":
            _catch_up(store)
        events = store.merged_events() if level == "merged" else store.events()
        if isinstance(out, str | Path):
            return _export.write_file(events, fmt, out, include_background)
        return _export.write(events, fmt, out or sys.stdout, include_background)


def stats(db: str | Path = DEFAULT_DB) -> StoreStats:
    """What the store holds: counts of documents, events, sources and merged events; the first
    and last date of the events and how many have none resolved; events by type and by country;
    the documents in which no event was found and those not coded (another language). A dict (as
    ``eventcoder stats --json`` prints it) with a :meth:`~StoreStats.format` for the terminal."""
    _require_db(db)
    with Store(db) as store:
        return StoreStats(store.stats())


def show(event_id: str, db: str | Path = DEFAULT_DB) -> EventView:
    """The stored event *event_id* (a merged event's id, or a document-level event's; a prefix of
    one id is enough) with its sources' documents; a :class:`UsageError` when no event, or more
    than one, has that id."""
    _require_db(db)
    with Store(db) as store:
        found = store.event(event_id)
        if found is None:
            raise UsageError(
                f"no event '{event_id}' in {db} (or more than one starts so): see 'eventcoder export'"
            )
        level, event = found
        return EventView(event, level, store.document_info(sorted({s.doc_id for s in event.sources})))


def serve(
    db: str | Path = DEFAULT_DB,
    host: str = "127.0.0.1",
    port: int = 8765,
    on_ready: Callable[[str], None] | None = None,
) -> None:
    """Serve the local viewer (timeline, map, table, evidence) over the store at *db* on
    http://HOST:PORT/ until interrupted; *on_ready* gets the address once it listens. A missing
    store or a port in use is a :class:`UsageError`."""
    from .viewer import server as viewer

    _require_db(db)
    with Store(db) as store:
        _catch_up(store)
    viewer.serve(db, host, port, on_ready=on_ready)


def report(db: str | Path = DEFAULT_DB, out: TextIO | None = None) -> int:
    """Write the viewer as one self-contained HTML file (script, style, data and outlines inlined)
    to *out* (default stdout); returns the number of events in it."""
    from .viewer import server as viewer

    _require_db(db)
    with Store(db) as store:
        _catch_up(store)
    return viewer.write_report(db, out or sys.stdout)


def _require_db(db: str | Path) -> None:
    if not Path(db).exists():
        raise UsageError(f"no store at {db} (run 'eventcoder run PATH...' first, or pass --db)")


def evaluate(
    gold: Iterable[str | Path],
    pred: str | Path | None = None,
    inputs: Iterable[str] | None = None,
    options: Options | None = None,
    progress: bool = False,
) -> _evaluate.Report:
    """Score predictions against gold files, with the reference scorer's rules.

    Predictions come from the JSON Lines file *pred*, or are extracted from *inputs*; a
    document without a publication date takes the one its gold file gives."""
    golds = _evaluate.load_gold(gold)
    if (pred is None) == (inputs is None):
        raise UsageError("give either predictions (--pred) or inputs to extract (--input)")
    if pred is not None:
        preds = _evaluate.read_predictions(pred)
    else:
        published = {i: g.get("published") for g in golds for i in _evaluate.gold_ids(g)}
        preds = [e.to_json() for e in _code_dated(inputs, published, options or Options(), progress)]
    return _evaluate.score(preds, golds)


def evaluate_sentences(
    path: str | Path, options: Options | None = None, published: str = "2024-03-14"
) -> _sentences.SentenceReport:
    """Code each sentence of the JSON Lines file *path* ({id, text, types, target, note}) as a
    document of its own and score the types coded: see :mod:`eventcoder.corpus.sentences`."""
    cases = _sentences.read_sentences(path)
    docs = (Document(id=c.id, text=c.text, published=published) for c in cases)
    coded = {
        doc.id: [e.to_json() for e in events]
        for doc, events, _error in process_documents(docs, options or Options())
    }
    return _sentences.score_sentences(cases, coded)


def evaluate_merge(
    gold: str | Path,
    inputs: Iterable[str],
    manifest: str | Path | None = None,
    options: Options | None = None,
    merge_options: _merge.MergeOptions | None = None,
) -> _evaluate.MergeReport:
    """Code the documents under *inputs* (publication dates from *manifest*, a JSON list of
    {doc_id, published}), merge their events in memory and score the merge against *gold*
    (B-cubed over its reports)."""
    import json

    try:
        gold_data = json.loads(Path(gold).read_text(encoding="utf-8"))
        dates = (
            {r["doc_id"]: r.get("published") for r in json.loads(Path(manifest).read_text())}
            if manifest
            else {}
        )
    except (OSError, ValueError, KeyError) as e:
        raise UsageError(f"cannot read merge gold {gold}: {e}") from e
    events = _code_dated(inputs, dates, options or Options())
    clusters = _merge.cluster(events, merge_options)
    return _evaluate.score_merge(gold_data, [c.record.to_json() for c in clusters if c.record is not None])


def _code_dated(
    paths: Iterable[str], published: dict, options: Options, progress: bool = False
) -> list[Event]:
    """Code *paths*; a document without a publication date takes the one *published* gives."""
    summary = RunSummary()

    def dated(docs):
        for d in docs:
            if d.published is None and parse_published(published.get(d.id)):
                d = dataclasses.replace(d, published=parse_published(published[d.id]))
            yield d

    return [
        e
        for _doc, evs in _code(dated(_documents(paths, options, summary)), options, summary, progress)
        for e in evs
    ]


def evaluate_suite(
    root: str | Path = "tests/data",
    options: Options | None = None,
    merge_options: _merge.MergeOptions | None = None,
    sets: Iterable[str] | None = None,
    progress: bool = False,
) -> _suite.SuiteReport:
    """Code every corpus of the suite under *root* (or only those named in *sets*) once and
    score it: events against its gold files, merging against its clusters file, and on the
    off-topic pages the events coded at all. See :mod:`eventcoder.suite`."""
    root = Path(root)
    if not root.is_dir():
        raise UsageError(f"no suite at {root}: not a directory")
    options = options or Options()
    wanted = set(sets) if sets is not None else None
    results = []
    for spec in _suite.SETS:
        if wanted is not None and spec.name not in wanted:
            continue
        inputs = _suite.read_set(root, spec)
        if inputs is None:
            continue
        events = _code_dated(inputs.paths, inputs.published, options, progress)
        result = _suite.SetResult(spec.name, documents=len(inputs.paths))
        records = [e.to_json() for e in events]
        if inputs.golds:
            result.report = _evaluate.score(records, inputs.golds)
        if inputs.clusters is not None:
            clusters = _merge.cluster(events, merge_options)
            merged = [c.record.to_json() for c in clusters if c.record is not None]
            result.merge = _evaluate.score_merge(inputs.clusters, merged)
        if spec.offtopic:
            result.offtopic_events = Counter(e.type for e in events)
        results.append(result)
    if not results:
        raise UsageError(f"no corpus of the suite found under {root}")
    return _suite.SuiteReport(results)
