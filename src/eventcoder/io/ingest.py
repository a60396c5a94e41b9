"""Read input paths into :class:`~eventcoder.model.Document` objects.

Supported: ``.txt``, ``.md`` (markup removed), ``.html``/``.htm`` (main text, title and
date extracted with trafilatura, boilerplate dropped) and ``.jsonl`` corpora with one
document a line (``{"id", "text", "title"?, "url"?, "published"?}``); ``-`` reads stdin.
Directories are walked recursively in sorted order; hidden files are ignored.

Nothing is dropped silently: every input that cannot be used yields a :class:`Skipped`
with the reason, and reading goes on.
"""

from __future__ import annotations

import json
import logging
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..model import Document
from ..options import Options

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


def read_inputs(paths: Iterable[str], options: Options) -> Iterator[Item]:
    """Yield a Document or a Skipped for every input under *paths*, in a stable order."""
    for arg in paths:
        if arg == "-":
            yield from _read_stdin(options)
            continue
        root = Path(arg)
        if not root.exists():
            yield Skipped(arg, "no such file or directory")
        elif root.is_dir():
            for path in sorted(p for p in root.rglob("*") if p.is_file() and not _hidden(p, root)):
                doc_id = path.relative_to(root).with_suffix("").as_posix()
                yield from _read_file(path, doc_id, options)
        else:
            yield from _read_file(root, root.stem, options)


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


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
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(raw, origin, options)
        return
    text, why = decode(raw)
    if text is None:
        yield Skipped(origin, why)
        return
    if suffix in HTML_SUFFIXES:
        yield _checked(_from_html(text, doc_id, origin, options), options)
    else:
        if suffix in {".md", ".markdown"}:
            text = strip_markdown(text)
        yield _checked(
            Document(id=doc_id, text=normalise_text(text), published=options.published, origin=origin),
            options,
        )


def _read_stdin(options: Options) -> Iterator[Item]:
    raw = sys.stdin.buffer.read()
    text, why = decode(raw)
    if text is None:
        yield Skipped("-", why)
        return
    first = text.lstrip()[:1]
    if first == "{":
        yield from _read_jsonl(raw, "-", options)
    else:
        yield _checked(
            Document(id="stdin", text=normalise_text(text), published=options.published, origin="-"), options
        )


def _read_jsonl(raw: bytes, origin: str, options: Options) -> Iterator[Item]:
    text, why = decode(raw)
    if text is None:
        yield Skipped(origin, why)
        return
    seen: set[str] = set()
    for lineno, line in enumerate(text.splitlines(), 1):
        where = f"{origin}:{lineno}"
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield Skipped(where, f"malformed JSON: {e.msg} at column {e.colno}")
            continue
        if not isinstance(obj, dict):
            yield Skipped(where, "a line must hold a JSON object")
            continue
        doc_id, body = obj.get("id"), obj.get("text")
        if doc_id is None or not isinstance(body, str):
            yield Skipped(where, "needs an 'id' and a string 'text'")
            continue
        doc_id = str(doc_id)
        if doc_id in seen:
            yield Skipped(where, f"duplicate id '{doc_id}'")
            continue
        seen.add(doc_id)
        published = parse_published(obj.get("published")) or options.published
        yield _checked(
            Document(
                id=doc_id,
                text=normalise_text(body),
                title=obj.get("title"),
                url=obj.get("url"),
                published=published,
                origin=where,
            ),
            options,
        )


def _from_html(html: str, doc_id: str, origin: str, options: Options) -> Item:
    import trafilatura

    try:
        result = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=False
        )
    except Exception as e:  # trafilatura raises many kinds on broken markup
        return Skipped(origin, f"HTML extraction failed: {e}")
    if result is None:
        return Skipped(origin, "no main text found in HTML")
    meta = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    body = meta.get("text") or ""
    title = meta.get("title")
    # trafilatura separates paragraphs by one newline; we use blank lines, as in .txt
    body = "\n\n".join(p.strip() for p in body.split("\n") if p.strip())
    published = parse_published(meta.get("date")) or options.published
    return Document(
        id=doc_id,
        text=normalise_text(body),
        title=title,
        url=meta.get("url"),
        published=published,
        origin=origin,
    )


def _checked(item: Item, options: Options) -> Item:
    if isinstance(item, Skipped):
        return item
    if not item.text.strip():
        return Skipped(item.origin or item.id, "empty document")
    if len(item.text) > options.max_chars:
        return Skipped(
            item.origin or item.id, f"too large ({len(item.text):,} characters; limit {options.max_chars:,})"
        )
    return item


def decode(raw: bytes) -> tuple[str | None, str]:
    """Decode bytes to text: UTF-8 (with or without BOM), UTF-16 by BOM, else a detected
    encoding. Returns (None, reason) for binary or undecodable input."""
    if not raw.strip():
        return None, "empty file"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), ""
        except UnicodeDecodeError:
            return None, "invalid UTF-16"
    if b"\x00" in raw[:8192]:
        return None, "binary file"
    try:
        return raw.decode("utf-8-sig"), ""
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None:
        return None, "undecodable: not UTF-8 and no known encoding fits"
    log.info("decoded as %s", best.encoding)
    return str(best), ""


_MD_RULES = [
    (re.compile(r"^\s{0,3}#{1,6}\s*", re.M), ""),  # headings
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),  # bold
    (re.compile(r"(?<![\w*])([*_])(?!\s)(.+?)(?<!\s)\1(?![\w*])"), r"\2"),  # italics
    (re.compile(r"^\s{0,3}>\s?", re.M), ""),  # block quotes
    (re.compile(r"^\s*[-*+]\s+", re.M), ""),  # bullets
    (re.compile(r"`([^`]*)`"), r"\1"),  # code
]


def strip_markdown(text: str) -> str:
    """Plain text of a Markdown report: markup removed, words kept."""
    for pattern, repl in _MD_RULES:
        text = pattern.sub(repl, text)
    return text


def normalise_text(text: str) -> str:
    """Unix newlines, no trailing spaces; the text offsets refer to."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


def parse_published(value) -> str | None:
    """YYYY-MM-DD from an ISO date or datetime string, else None."""
    if not value or not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value.strip()[:10]).isoformat()
    except ValueError:
        return None
