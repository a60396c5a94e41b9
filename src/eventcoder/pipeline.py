"""``process_document(document, options) -> list[Event]``: the one pure, picklable function.

A loop, a process pool and Dask all call the same function. The spaCy pipeline is loaded
once per process (on first use) and cached; everything else is plain data in, plain data out.
"""

from __future__ import annotations

import dataclasses
import gc
import hashlib
import logging
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import resources

from ._version import __version__
from .errors import InputError, ModelError
from .model import Document, Event
from .nlp.language import is_model_language
from .nlp.prefilter import trigger_words
from .nlp.reference_marks import parse_text
from .nlp.shouting import parse_text as title_cased
from .options import Options

log = logging.getLogger(__name__)


def _components():
    from .nlp.lines import line_breaks
    from .sentence.mentions import mentions_component

    return line_breaks, mentions_component


#: eventcoder's spaCy components, (name, where, what): ``where`` is passed to ``nlp.add_pipe``.
#: Each sets a ``Doc`` annotation and can be run alone on a hand-built ``Doc``.
COMPONENTS = (
    ("eventcoder_lines", {"before": "parser"}, "line breaks and datelines end sentences (nlp/lines.py)"),
    ("eventcoder_events", {"last": True}, "each sentence's asserted event mentions (sentence/mentions.py)"),
)


def _register_components() -> None:
    from spacy.language import Language

    for (name, _where, _what), func in zip(COMPONENTS, _components(), strict=True):
        if not Language.has_factory(name):
            Language.component(name, func=func)


@lru_cache(maxsize=4)
def get_nlp(model: str):
    """The spaCy pipeline *model* with eventcoder's components added; loaded once a process."""
    import spacy

    from .nlp.fast_attributes import speed_up
    from .nlp.fast_lemmas import speed_up_lemmas

    _register_components()

    try:
        nlp = spacy.load(model)
    except (OSError, ImportError) as e:
        raise ModelError(f"cannot load spaCy model '{model}': {e}") from e
    speed_up(nlp)  # the model's attribute rules, compiled: same annotations, a tenth of the time
    speed_up_lemmas(nlp)  # the model's lemmatizer, memoised by word, pos and morph: the same lemmas
    for name, where, _func in COMPONENTS:
        nlp.add_pipe(name, **where)
    log.info("loaded %s with %s", model, nlp.pipe_names)
    # The model's objects (some 230,000) live as long as the process: kept out of the cyclic
    # collector's scans, whose full passes over them took 3-4% of a run's time.
    gc.freeze()
    return nlp


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """Identifies the code and data that coded a document: documents coded by another
    version are coded again on the next run."""
    h = hashlib.sha1(__version__.encode())
    for name, data in _code_and_data(resources.files("eventcoder")):
        h.update(name.encode())
        h.update(data)
    return f"{__version__}+{h.hexdigest()[:12]}"


def _code_and_data(base, prefix: str = "") -> Iterator[tuple[str, bytes]]:
    """Every module and data file under *base*, folders included, in a stable order."""
    for entry in sorted(base.iterdir(), key=lambda e: e.name):
        if entry.is_dir() and entry.name not in ("__pycache__", "static"):
            yield from _code_and_data(entry, f"{prefix}{entry.name}/")
        elif entry.is_file() and entry.name.endswith((".py", ".csv", ".toml", ".json")):
            yield prefix + entry.name, entry.read_bytes()


def process_document(document: Document, options: Options) -> list[Event]:
    """Every event *document* reports, as schema records. Pure: same input, same output."""
    _doc, events, error = next(process_documents([document], options))
    if error is not None:
        raise InputError(f"cannot code document {document.id}: {error}")
    return events


def process_documents(
    documents: Iterable[Document], options: Options
) -> Iterator[tuple[Document, list[Event], str | None]]:
    """Process documents in batches through spaCy; yields (document, events, error) in input
    order. A document whose coding fails yields no events and the error's message. A document
    without a publication date takes the options' (``Options.published``).

    Documents are streamed in chunks, each parsed inside a spaCy memory zone: the strings a chunk
    adds to the vocabulary are freed after it, so memory stays flat however long the corpus (the
    events yielded hold plain Python values, never spaCy objects)."""
    nlp = get_nlp(options.model)
    words = trigger_words(nlp) if options.prefilter else None
    for chunk in chunks((dated(d, options) for d in documents), CHUNK):
        yield from _code_chunk(nlp, words, chunk, options)


def dated(document: Document, options: Options) -> Document:
    """*document*, with the options' publication date (``Options.published``) when it carries
    none of its own."""
    if document.published or not options.published:
        return document
    return dataclasses.replace(document, published=options.published)


Result = tuple[Document, list[Event], str | None]


def _code_chunk(nlp, words, chunk: list[Document], options: Options) -> Iterator[Result]:
    """The results of one chunk, in input order, each as soon as its document is coded (a
    progress bar moves per document). Every step of a document runs in its guard: a document
    spaCy cannot take (too long, text it fails on) yields its error, never stops the others."""
    early = [_unparsed(nlp, words, d) for d in chunk]
    todo = [d for d, r in zip(chunk, early, strict=True) if r is None]
    with nlp.memory_zone():
        coded = _parsed_and_coded(nlp, todo, options)
        for r in early:
            yield r if r is not None else next(coded)


def _parsed_and_coded(nlp, todo: list[Document], options: Options) -> Iterator[Result]:
    """*todo* parsed as one batch and coded, in order; if the batch fails, the documents not yet
    coded are parsed one by one, so only the bad one is lost."""
    done = 0
    try:
        for sdoc, d in nlp.pipe(_made(nlp, todo), as_tuples=True, batch_size=options.batch_size):
            result = _code_one(sdoc, d, options)
            done += 1
            yield result
    except Exception as e:  # one document broke the batch: find it, keep the others
        log.warning("a batch failed to parse (%s: %s): parsing its documents one by one", type(e).__name__, e)
        for d in todo[done:]:
            yield _parse_one(nlp, d, options)


def _made(nlp, todo: list[Document]) -> Iterator[tuple[object, Document]]:
    """Each document tokenised (what ``nlp.pipe`` does first with a text)."""
    for d in todo:
        yield made_doc(nlp, d.text), d


def made_doc(nlp, text: str):
    """*text* tokenised for the model, its reference marks blanked (``nlp.reference_marks``): the
    components read the text parsed (``syntax.doc_text``, kept on the Doc so that spaCy need not
    join the tokens again), the evidence is cut from *text* itself (the offsets are the same)."""
    from .nlp.syntax import remember_source, remember_text

    parsed = title_cased(parse_text(text))
    sdoc = nlp.make_doc(parsed)
    remember_text(sdoc, parsed)
    remember_source(sdoc, text)
    return sdoc


def _unparsed(nlp, words, document: Document) -> Result | None:
    """The result of *document* when it needs no parse (no trigger word: no event) or cannot
    have one (longer than the model takes, or written in another language); None when it is to
    be parsed."""
    if not is_model_language(document.language):
        return document, [], None
    if len(document.text) > nlp.max_length:
        return (
            document,
            [],
            (
                f"too long for the spaCy model ({len(document.text):,} characters; it takes {nlp.max_length:,})"
            ),
        )
    try:
        if words is not None and not words.in_text(document.text):
            return document, [], None
    except Exception as e:  # the prefilter failed on this text: let the parse have it
        log.debug("prefilter failed on %s: %s", document.id, e)
    return None


def _parse_one(nlp, document: Document, options: Options) -> Result:
    try:
        sdoc = nlp(made_doc(nlp, document.text))
    except Exception as e:
        log.debug("parsing %s failed", document.id, exc_info=True)
        return document, [], f"parse failed: {type(e).__name__}: {e}"
    return _code_one(sdoc, document, options)


CHUNK = 256


def chunks(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    """The documents in lists of *size* (the last one shorter), read lazily."""
    chunk: list[Document] = []
    for d in documents:
        chunk.append(d)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _code_one(sdoc, document: Document, options: Options) -> tuple[Document, list[Event], str | None]:
    try:
        events = build_events(sdoc, document, options)
    except Exception as e:  # one bad document must not stop a run
        log.exception("coding %s failed", document.id)
        return document, [], f"{type(e).__name__}: {e}"
    return document, [e for e in events if e.confidence >= options.min_confidence], None


# -- from mentions to event records -------------------------------------------------------
def build_events(sdoc, document: Document, options: Options) -> list[Event]:
    """Event records of one parsed document: the sentence stage (``COMPONENTS``, run when
    spaCy parsed *sdoc*) found its event mentions; the document stage (``STAGES`` of
    :mod:`eventcoder.document.stages`) normalises and resolves parties across the document, folds
    later references into the event they refer to, and attaches evidence."""
    from .nlp.syntax import forget

    ctx = document_context(sdoc, document, options)
    events = ctx.events
    forget(sdoc)  # the document's cached annotations are no longer needed
    # the context and its stages' values refer to each other (Reading.ctx), and the Doc's user data
    # to spans and tokens of the Doc: cycles that only Python's full collection frees, rare when the
    # model and lexicons make millions of old objects, so parsed Docs (each with its tensor) piled up
    # and memory grew with the corpus. Broken here, each Doc is freed as soon as it is coded.
    vars(ctx).clear()
    sdoc.user_data.clear()
    return events


def document_context(sdoc, document: Document, options: Options):
    """The context of *document* (parsed as *sdoc*) after every stage of the document stage,
    in order; each stage's value is set on the context under the stage's name."""
    from .document.stages import STAGES, DocContext

    ctx = DocContext(sdoc, document, options)
    for name, stage in STAGES:
        setattr(ctx, name, stage(ctx))
    return ctx
