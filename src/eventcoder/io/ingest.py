"""Read input paths into :class:`~eventcoder.model.Document` objects.

Supported: ``.txt``, ``.md`` (markup removed), ``.html``/``.htm`` (main text, title and
date extracted with trafilatura, boilerplate dropped) and ``.jsonl`` corpora with one
document a line (``{"id", "text", "title"?, "url"?, "published"?}``, lines split at ``\\n``
only); ``-`` reads stdin. Directories are walked recursively in sorted order; hidden files are
ignored, and so are the paths given in *exclude* (a run's own store and output).

Nothing is dropped silently: every input that cannot be used yields a :class:`Skipped` with
the reason (a dangling or looping symlink, an unreadable folder, a FIFO or device, which is
never opened), and reading goes on; whatever was changed on the way (the encoding guessed, a
lone surrogate replaced, an id already taken) yields a :class:`Note`. Every input is read
inside its own guard: no document can stop the others.

Every document is given its language when it is read (:func:`~eventcoder.nlp.language.identify_language`,
``Document.language``): one not in English is stored and named in the run summary, not coded. An
HTML page is read as it shows (:func:`html_paragraphs`): hard-wrapped lines join, only real
paragraph ends split, adjacent elements keep their words apart, and page furniture
(``data/en/furniture.toml``) is dropped.

Ids never collide silently: a document whose id an earlier input of the run already took is
given its path-qualified id (``a/report.md``, ``b.jsonl#1``) and a note says so; a text read
from stdin takes its id from its content (``stdin-<sha256 prefix>``); ``Options.id_prefix`` is put
before every id. (Across runs, :func:`eventcoder.api.run` checks each id against the store.)
"""

from __future__ import annotations

import dataclasses
import errno
import hashlib
import json
import logging
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from ..lexicons.data import read_toml
from ..model import Document, iso_date
from ..nlp.language import identify_language
from ..options import Options
from .decoding import Decoded, decode_bytes

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES


@dataclass(frozen=True)
class Skipped:
    """An input that was not processed, and why."""

    origin: str
    reason: str


Item = Document | Skipped


@dataclass(frozen=True)
class Note:
    """Something a document went through on its way in that the user must hear about."""

    origin: str
    message: str


Item = Document | Skipped | Note


def read_inputs(paths: Iterable[str], options: Options, exclude: Iterable[str | Path] = ()) -> Iterator[Item]:
    """Yield a Document, a Skipped or a Note for every input under *paths*, in a stable order;
    files that are one of *exclude* are passed over. Every id starts with ``options.id_prefix``.
    A publication date in *options* that is no date is a :class:`~eventcoder.errors.DateError`
    before anything is read."""
    published = iso_date(options.published, "the publication date (--published)")
    if published != options.published:
        options = dataclasses.replace(options, published=published)
    ids = IdRegister(options.id_prefix)
    excluded = {os.path.realpath(p) for p in exclude}
    for arg in paths:
        for item in _read_arg(arg, options, excluded):
            if isinstance(item, Document):
                if options.id_prefix:
                    item = dataclasses.replace(item, id=options.id_prefix + item.id)
                item, note = ids.distinct(item)
                if note is not None:
                    yield note
            yield item


class IdRegister:
    """The ids given out so far in a run; a document whose id is taken gets its qualified id."""

    def __init__(self, prefix: str = "") -> None:
        self.origins: dict[str, str] = {}
        self.prefix = prefix

    def distinct(self, doc: Document) -> tuple[Document, Note | None]:
        """*doc*, or *doc* under a new id (and the note that says so) if its id is taken."""
        if doc.id not in self.origins:
            self.origins[doc.id] = doc.origin or ""
            return doc, None
        new = base = qualified_id(doc, self.prefix)
        n = 1
        while new in self.origins:
            n += 1
            new = f"{base}#{n}"
        first = self.origins[doc.id]
        self.origins[new] = doc.origin or ""
        note = Note(doc.origin or doc.id, f"id '{doc.id}' is already taken by {first}: stored as '{new}'")
        return dataclasses.replace(doc, id=new), note


def origin_file(origin: str | None) -> str:
    """The file part of an origin ('corpus.jsonl:12' -> 'corpus.jsonl')."""
    origin = origin or ""
    head, sep, tail = origin.rpartition(":")
    return head if sep and tail.isdigit() else origin


def absolute_origin(origin: str | None) -> str | None:
    """*origin* with its file made absolute ('b/report.txt' -> '/home/me/b/report.txt',
    'c.jsonl:3' -> '/home/me/c.jsonl:3'): what a store keeps, so that a later run from another
    folder still tells this input from another of the same relative path. Stdin ('-') stays."""
    path = origin_file(origin)
    if not path or path == "-":
        return origin
    return os.path.abspath(path) + (origin or "")[len(path) :]


def qualified_id(doc: Document, prefix: str = "") -> str:
    """An id of *doc* that tells its input apart: the path it was read from, and for a JSON Lines
    document that path, '#' and its own id (*prefix*, the run's ``--id-prefix``, before both)."""
    path = origin_file(doc.origin)
    if path != (doc.origin or ""):  # a line of a JSON Lines file
        own = doc.id.removeprefix(prefix)
        return f"{prefix}{Path(path).as_posix()}#{own}"
    return prefix + Path(path).as_posix()


def content_id(text: str, prefix: str) -> str:
    """An id made of *text* itself: *prefix*, '-' and the first 12 hex digits of its SHA-256; the
    same text gets the same id on every run, two texts two ids."""
    return f"{prefix}-" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def _read_arg(arg: str, options: Options, excluded: set[str]) -> Iterator[Item]:
    if arg == "-":
        yield from _guarded(_read_stdin(options), "-")
        return
    root = Path(arg)
    kind = _kind(root)
    if kind == "dir":
        yield from _walk(root, root, options, excluded, set())
    elif kind == "file":
        if os.path.realpath(root) not in excluded:
            yield from _guarded(_read_file(root, root.stem, options), arg)
    else:
        yield Skipped(arg, kind)


def _kind(path: Path) -> str:
    """'dir', 'file', or why *path* cannot be read (never opening it)."""
    try:
        mode = path.stat().st_mode
    except OSError as e:
        if e.errno == errno.ELOOP:
            return "symlink loop"
        if e.errno == errno.ENOENT:
            return "dangling symlink" if path.is_symlink() else "no such file or directory"
        return f"cannot read: {e.strerror or e}"
    if stat.S_ISDIR(mode):
        return "dir"
    if stat.S_ISREG(mode):
        return "file"
    what = "FIFO" if stat.S_ISFIFO(mode) else "socket" if stat.S_ISSOCK(mode) else "device"
    return f"not a regular file ({what}): not read"


def _walk(folder: Path, root: Path, options: Options, excluded: set[str], seen: set) -> Iterator[Item]:
    """The items of every file under *folder*, in sorted order; a folder reached a second time
    (a symlink to a folder already read, or a loop) is reported and not read again."""
    try:
        st = folder.stat()
        names = sorted(os.listdir(folder))
    except OSError as e:
        yield Skipped(str(folder), f"cannot read folder: {e.strerror or e}")
        return
    if (st.st_dev, st.st_ino) in seen:
        yield Skipped(str(folder), "symlink to a folder already read (or a loop): not read again")
        return
    seen.add((st.st_dev, st.st_ino))
    for name in names:
        if name.startswith("."):
            continue
        path = folder / name
        kind = _kind(path)
        if kind == "dir":
            yield from _walk(path, root, options, excluded, seen)
        elif kind != "file":
            yield Skipped(str(path), kind)
        elif os.path.realpath(path) in excluded:
            log.info("not reading %s: an output of this run", path)
        else:
            doc_id = path.relative_to(root).with_suffix("").as_posix()
            yield from _guarded(_read_file(path, doc_id, options), str(path))


def _decoded_as(items: Iterator[Item], decoded: Decoded) -> Iterator[Item]:
    """*items*, each document marked with the encoding its bytes were read in and how sure that is."""
    for item in items:
        if isinstance(item, Document):
            item = dataclasses.replace(
                item, encoding=decoded.encoding, encoding_confidence=round(decoded.confidence, 3)
            )
        yield item


def _guarded(items: Iterator[Item], origin: str) -> Iterator[Item]:
    """*items*, and a Skipped instead of any error that escapes them: one input never stops a run."""
    try:
        yield from items
    except Exception as e:  # a bug or an input nobody foresaw: reported, and the run goes on
        log.debug("reading %s failed", origin, exc_info=True)
        yield Skipped(origin, f"cannot read: {type(e).__name__}: {e}")


def _read_file(path: Path, doc_id: str, options: Options) -> Iterator[Item]:
    suffix = path.suffix.lower()
    origin = str(path)
    if suffix not in SUPPORTED:
        yield Skipped(origin, f"unsupported file type '{suffix or '(none)'}'")
        return
    try:
        raw = path.read_bytes()
    except OSError as e:
        yield Skipped(origin, f"cannot read: {e.strerror or e}")
        return
    decoded = decode_bytes(raw)
    if decoded.text is None:
        yield Skipped(origin, decoded.reason)
        return
    if decoded.note:
        yield Note(origin, decoded.note)
    yield from _decoded_as(_documents(decoded.text, suffix, doc_id, origin, options), decoded)


def _documents(text: str, suffix: str, doc_id: str, origin: str, options: Options) -> Iterator[Item]:
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(text, origin, options)
    elif suffix in HTML_SUFFIXES:
        yield _checked(_from_html(text, doc_id, origin, options), options)
    else:
        published = options.published
        if suffix in {".md", ".markdown"}:
            text, front_date = markdown_front(text)
            text, published = strip_markdown(text), front_date or published
        yield _checked(
            Document(id=doc_id, text=normalise_text(text), published=published, origin=origin), options
        )


def _read_stdin(options: Options) -> Iterator[Item]:
    decoded = decode_bytes(sys.stdin.buffer.read())
    if decoded.text is None:
        yield Skipped("-", decoded.reason)
        return
    if decoded.note:
        yield Note("-", decoded.note)
    yield from _decoded_as(_stdin_documents(decoded.text, options), decoded)


def _stdin_documents(text: str, options: Options) -> Iterator[Item]:
    if text.lstrip()[:1] == "{":
        yield from _read_jsonl(text, "-", options)
        return
    text = normalise_text(text)
    doc_id = content_id(text, "stdin")
    yield _checked(Document(id=doc_id, text=text, published=options.published, origin="-"), options)


def _read_jsonl(text: str, origin: str, options: Options) -> Iterator[Item]:
    """One document a line; lines end at '\\n' only (U+2028 and the like are characters of a
    line, as JSON allows). Each line is read in its own guard."""
    seen: set[str] = set()
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        where = f"{origin}:{lineno}"
        try:
            items = list(_jsonl_line(line.rstrip("\r"), where, options))
        except Exception as e:  # an input nobody foresaw: reported, and the next line read
            log.debug("reading %s failed", where, exc_info=True)
            items = [Skipped(where, f"cannot read: {type(e).__name__}: {e}")]
        for item in items:
            if isinstance(item, Document):
                if item.id in seen:
                    item = Skipped(where, f"duplicate id '{item.id}' in this file")
                else:
                    seen.add(item.id)
            yield item


# JSON nested deeper than this is refused, whatever the Python version's parser allows (3.11 stops
# near 1,000 levels with a RecursionError, 3.13 reads far deeper)
MAX_NESTING = 500
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_BRACKET = re.compile(r"[\[\]{}]")


def _nesting(line: str) -> int:
    """How deep the arrays and objects of a JSON line nest (strings left out)."""
    if line.count("[") + line.count("{") <= MAX_NESTING:
        return 0
    depth = deepest = 0
    for m in _BRACKET.finditer(_JSON_STRING.sub("", line)):
        depth += 1 if m.group() in "[{" else -1
        deepest = max(deepest, depth)
    return deepest


def _jsonl_line(line: str, where: str, options: Options) -> Iterator[Item]:
    if _nesting(line) > MAX_NESTING:
        yield Skipped(where, "malformed JSON: nested too deeply")
        return
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        yield Skipped(where, f"malformed JSON: {e.msg} at column {e.colno}")
        return
    except RecursionError:
        yield Skipped(where, "malformed JSON: nested too deeply")
        return
    if not isinstance(obj, dict):
        yield Skipped(where, "a line must hold a JSON object")
        return
    doc_id, body = obj.get("id"), obj.get("text")
    if isinstance(doc_id, bool) or not isinstance(doc_id, str | int) or not str(doc_id).strip():
        yield Skipped(where, "needs an 'id' (a string or an integer) and a string 'text'")
        return
    if not isinstance(body, str):
        yield Skipped(where, "needs an 'id' and a string 'text'")
        return
    fields = {}
    for key in ("title", "url"):
        value = obj.get(key)
        if value is not None and not isinstance(value, str):
            yield Note(where, f"'{key}' is a {type(value).__name__}, not a string: ignored")
            value = None
        fields[key] = value
    cleaned = {k: _no_surrogates(v) for k, v in {"id": str(doc_id), "text": body, **fields}.items()}
    if any(cleaned[k] != v for k, v in (("text", body), *fields.items()) if v is not None):
        yield Note(where, "lone surrogate code points replaced by U+FFFD")
    published = parse_published(obj.get("published"))
    if published is None and obj.get("published"):
        yield Note(where, f"'published' is not an ISO date (YYYY-MM-DD): {obj['published']!r} ignored")
    yield _checked(
        Document(
            id=cleaned["id"],
            text=normalise_text(cleaned["text"]),
            title=cleaned["title"],
            url=cleaned["url"],
            published=published or options.published,
            origin=where,
        ),
        options,
    )


_SURROGATE = re.compile("[\ud800-\udfff]")


def _no_surrogates(value: str | None) -> str | None:
    """*value* with each lone surrogate (which no encoding can write) replaced by U+FFFD: one
    code point for one, so no offset moves."""
    return _SURROGATE.sub("\ufffd", value) if value else value


def _from_html(html: str, doc_id: str, origin: str, options: Options) -> Item:
    import trafilatura

    try:
        result = trafilatura.bare_extraction(
            _spaced_elements(html), with_metadata=True, include_comments=False, include_tables=False
        )
    except Exception as e:  # trafilatura raises many kinds on broken markup
        return Skipped(origin, f"HTML extraction failed: {e}")
    if result is None:
        return Skipped(origin, "no main text found in HTML")
    meta = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    body = getattr(result, "body", None)
    paragraphs = html_paragraphs(body) if body is not None else (meta.get("text") or "").split("\n")
    published = parse_published(meta.get("date")) or options.published
    return Document(
        id=doc_id,
        text=normalise_text("\n\n".join(p for p in paragraphs if not is_furniture(p))),
        title=meta.get("title"),
        url=meta.get("url"),
        published=published,
        origin=origin,
    )


# An element closed right before another opens ("Congress</span><span>A constituent"): the
# words of two elements, which the extractor would glue ("CongressA"); a text that goes on
# right after a closing tag (a drop cap: "<span>A</span>ccording") is one word and stays one.
_ADJACENT_ELEMENTS = re.compile(r"(</[A-Za-z][\w:-]*\s*>)(?=<[A-Za-z])")


# Two line breaks in a row (<br><br>) end a paragraph; the extractor would make them one.
_BREAKS = re.compile(r"(?:<br\s*/?>\s*){2,}", re.IGNORECASE)


def _spaced_elements(html: str) -> str:
    """*html* with a space between an element's end and the next element's start, and a blank
    line for two line breaks in a row."""
    return _BREAKS.sub("\n\n", _ADJACENT_ELEMENTS.sub(r"\1 ", html))


# The extractor's elements that hold a paragraph each (its XML: <p>, <head>, list <item>,
# <quote>, table <cell>); <lb/> is a line break (<br>), <code> a block whose lines are kept.
_BLOCKS = frozenset({"p", "head", "item", "quote", "cell", "list", "table", "row"})
_PARA, _BREAK, _CODE = "\x00", "\x01", "\x02"  # a paragraph's end, a <br>, a line of code
_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")
_PARAGRAPH_END = re.compile(f"{_PARA}|{_BREAK}\\s*{_BREAK}")


def html_paragraphs(body) -> list[str]:
    """The paragraphs of the extractor's XML *body*, as the page shows them: a single line break
    inside a paragraph (a hard-wrapped line, or one <br>) joins its lines with a space; only an
    element's end, a blank line or two <br> in a row end a paragraph. The lines of a code block
    stay lines, their spaces kept (a command is no sentence of the text around it)."""
    parts: list[str] = []
    _flatten(body, parts, in_code=False)
    paragraphs = (p.strip(" \n\t" + _BREAK) for p in _PARAGRAPH_END.split("".join(parts)))
    return [_joined_lines(p) for p in paragraphs if p.strip(_CODE + " \t")]


def _joined_lines(paragraph: str) -> str:
    """A paragraph's lines joined by single spaces; a line of code as it is."""
    if paragraph.startswith(_CODE):
        return paragraph.lstrip(_CODE).strip()
    return " ".join(paragraph.replace(_BREAK, " ").split())


def _flatten(el, parts: list[str], in_code: bool) -> None:
    """Append the text of *el* and its children to *parts*, marking paragraph ends and breaks."""
    tag = el.tag if isinstance(el.tag, str) else ""
    code = in_code or (tag == "code" and "\n" in "".join(el.itertext()))
    block = tag in _BLOCKS or code != in_code
    opening = _PARA + (_CODE if code and not in_code else "") if block else ""
    parts.append(_BREAK if tag == "lb" else opening)
    parts.append(_source_text(el.text, code))
    for child in el:
        _flatten(child, parts, code)
    parts.append(_PARA if block else "")
    parts.append(_source_text(el.tail, in_code))


def _source_text(text: str | None, code: bool) -> str:
    """A piece of the page's text: a blank line in it ends a paragraph, each line of code too."""
    if not text:
        return ""
    return text.replace("\n", _PARA + _CODE) if code else _BLANK_LINE.sub(_PARA, text)


@lru_cache(maxsize=1)
def _furniture() -> tuple[int, re.Pattern]:
    data = read_toml("furniture.toml")
    alternatives = "|".join(f"(?:{p})" for p in data["patterns"].values())
    return int(data["max_words"]), re.compile(f"(?:{alternatives})[\\s.!:»›>…]*", re.IGNORECASE)


def is_furniture(paragraph: str) -> bool:
    """True when *paragraph* is a line of the site, not of the report (``data/en/furniture.toml``):
    a menu, a sign-up box, a cookie banner, a "Read more" link."""
    most, pattern = _furniture()
    return len(paragraph.split()) <= most and pattern.fullmatch(paragraph.strip()) is not None


def _checked(item: Item, options: Options) -> Item:
    if isinstance(item, Skipped):
        return item
    if not item.text.strip():
        return Skipped(item.origin or item.id, "empty document")
    if len(item.text) > options.max_chars:
        return Skipped(
            item.origin or item.id, f"too large ({len(item.text):,} characters; limit {options.max_chars:,})"
        )
    return dataclasses.replace(item, language=identify_language(item.text))


def decode(raw: bytes) -> tuple[str | None, str]:
    """(text, "") or (None, why not): :func:`~eventcoder.io.decoding.decode_bytes` in short."""
    decoded = decode_bytes(raw)
    return decoded.text, decoded.reason


_MD_RULES = [
    (re.compile(r"^[ \t]*\|.*\|[ \t]*$", re.M), ""),  # table rows (tables are not read, as in HTML)
    (re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S+.*$", re.M), ""),  # link definitions "[1]: http://..."
    (re.compile(r"^[ \t]{0,3}#{1,6}[ \t]*", re.M), ""),  # headings
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links
    (re.compile(r"\[([^\]]+)\]\[[^\]\n]*\]"), r"\1"),  # reference links "[the report][1]"
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),  # bold
    (re.compile(r"(?<![\w*])([*_])(?!\s)(.+?)(?<!\s)\1(?![\w*])"), r"\2"),  # italics
    (re.compile(r"^[ \t]{0,3}>[ \t]?", re.M), ""),  # block quotes
    (re.compile(r"^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+", re.M), ""),  # bullets, numbered items
    (re.compile(r"`([^`]*)`"), r"\1"),  # code
]
# A front matter ("---" lines around "title: ...", "date: 2024-06-10"): the page's data, not its text
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.S)
_FRONT_DATE = re.compile(r"^(?:date|published|pubdate)[ \t]*:[ \t]*[\"']?([0-9-]{10})", re.M | re.I)


def markdown_front(text: str) -> tuple[str, str | None]:
    """A Markdown page's text without its front matter, and the date the front matter gives."""
    m = _FRONT_MATTER.match(text)
    if m is None:
        return text, None
    day = _FRONT_DATE.search(m.group(1))
    return text[m.end() :], parse_published(day.group(1)) if day else None


def strip_markdown(text: str) -> str:
    """Plain text of a Markdown report: markup removed, words kept."""
    for pattern, repl in _MD_RULES:
        text = pattern.sub(repl, text)
    return text


# A hard-wrapped line (wire copy, e-mail, a plain-text dump cut at some 70 characters): a line of
# at least `_WRAP_WIDTH` characters that ends no sentence, then a line that goes on in lower case
# ("on Sunday, | officials said", "the army | said") or after a comma. The break is a space, not
# the end of a sentence or a paragraph; a blank line, or a line that ends a sentence, still ends one.
_WRAP_WIDTH = 40
_WRAPPED = re.compile(
    rf"(?<=[^\n]{{{_WRAP_WIDTH - 1}}})(?:(?<=,)|(?<=[^\s.!?:;\u2026\"'\u201d\u2019)\]])(?=\n[a-z]))"
    r"\n(?=[^\s\-*\u2022\d])"
)


def normalise_text(text: str) -> str:
    """Unix newlines, no trailing spaces, hard-wrapped lines joined (one space for one line
    break: no offset moves); the text offsets refer to."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")
    return _WRAPPED.sub(" ", text)


def parse_published(value) -> str | None:
    """YYYY-MM-DD from an ISO date or datetime string, else None."""
    if not value or not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value.strip()[:10]).isoformat()
    except ValueError:
        return None
