"""Line breaks and datelines end sentences; paragraphs in another language, cut-off fragments and
the lines of the site (page furniture, the headlines of other stories) are marked silent: the spaCy
component ``eventcoder_lines`` (registered by :mod:`eventcoder.pipeline`) runs after the tagger,
before the parser."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from spacy.attrs import IDX
from spacy.tokens import Doc

from ..lexicons.data import read_toml
from .language import foreign_spans
from .syntax import doc_text, mark_silent

# whitespace holding a line break (a whitespace token, or the space after a token)
_NEWLINES = re.compile(r"\s*\n\s*")


@lru_cache(maxsize=1)
def dateline() -> re.Pattern:
    """A dateline opening a paragraph: "MOGADISHU, Sept 4 (Reuters) - ", "GOMA, Democratic Republic
    of Congo, May 13 (Reuters) - " (its place's small words: ``dates.toml``, ``dateline_name_joiners``)."""
    joiners = "|".join(read_toml("dates.toml")["dating"]["dateline_name_joiners"])
    word = rf"\s(?:(?:{joiners})\s)*[A-Z][\w.]*"
    return re.compile(
        rf"(?:^|\n)(?P<line>[A-Z][A-Z\u00c0-\u00de.'/ -]{{2,}}(?:,\s*[A-Z][\w.]*(?:{word})*)*"
        r"(?:,?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?:\([^)\n]{1,40}\))?\s*[-\u2013\u2014]+\s+)"
    )


def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence, and so does a dateline: headlines, datelines and
    paragraphs are not glued to the sentence that follows them. The words of paragraphs in
    another language (:mod:`language`), of cut-off fragments and of the site's lines are marked: they
    trigger nothing."""
    starts = doc.to_array([IDX])  # each token's character offset, without making Token objects
    text = doc_text(doc)
    silent = [*foreign_spans(text), *fragments(doc, text, starts), *furniture(text)]
    mark_silent(doc, [(bisect.bisect_left(starts, s), bisect.bisect_left(starts, e)) for s, e in silent])
    for m in _NEWLINES.finditer(text):
        i = bisect.bisect_left(starts, m.end())  # the first token after the break
        if 0 < i < len(doc):
            doc[i].is_sent_start = True
    for m in dateline().finditer(text):
        end = m.end("line")
        span = doc.char_span(end, end + 1, alignment_mode="expand")
        if span is not None and span.start > 0:
            doc[span.start].is_sent_start = True
            for tok in doc[
                doc.char_span(m.start("line"), end, alignment_mode="expand").start + 1 : span.start
            ]:
                tok.is_sent_start = False
    return doc


# a line that ends a sentence: final punctuation, then perhaps closing quotes or brackets
_ENDED = re.compile(r"[.!?\u2026:;][\"'\u201d\u2019)\]]*\s*$")
# the last sentence of a line: what follows the last full stop (or the whole line)
_LAST_SENTENCE = re.compile(r"(?:^|[.!?][\"'\u201d\u2019)\]]*\s)([^.!?]*)$")
_LINE = re.compile(r"[^\n]*\S[^\n]*")
# an encyclopedia's reference marks at a line's end ("... the president.[3][4]")
_MARKS = re.compile(r"(?:\[[^\]\n]{1,12}\])+\s*$")
# the tags of a finite verb: a sentence has one, a caption or a cut-off clause may not
FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


# the fewest words of a line that may be a paragraph (shorter ones are captions, bylines, headings)
_PARAGRAPH_WORDS = 8


def unpunctuated_page(doc: Doc) -> bool:
    """True when the page's writer ends no paragraph with a stop: of the lines after the first that
    are sentences (at least eight words and a finite verb, at least two of them), three in four or
    more end no sentence, their reference marks aside ("Gunmen killed 12 villagers in Djibo on Sunday,
    officials said" as a line of its own). Such a line is then a paragraph, not a subheading; the
    fields of an infobox ("- Goals: Expel corruption, ...") are no sentences. Read once per
    document (``doc.user_data``)."""
    if "unpunctuated_page" not in doc.user_data:
        sentences = [m for m in list(_LINE.finditer(doc_text(doc)))[1:] if _is_sentence(doc, m)]
        unended = sum(1 for m in sentences if not _ENDED.search(_MARKS.sub("", m.group())))
        doc.user_data["unpunctuated_page"] = len(sentences) >= 2 and 4 * unended >= 3 * len(sentences)
    return doc.user_data["unpunctuated_page"]


def _is_sentence(doc: Doc, line: re.Match) -> bool:
    if len(line.group().split()) < _PARAGRAPH_WORDS:
        return False
    span = doc.char_span(line.start(), line.end(), alignment_mode="expand")
    return span is not None and any(t.tag_ in FINITE for t in span)


def fragments(doc: Doc, text: str, starts) -> list[tuple[int, int]]:
    """Character spans of cut-off fragments: the words after a line's last full sentence that end
    with no final punctuation and hold no finite verb ("... thanked their partners. The Summit,
    hosted by the President as chair of the" where a page was cut). A line of its own with no
    finite verb, a headline ("Three killed in raid") or a caption, is not one."""
    out = []
    for line in _LINE.finditer(text):
        if _ENDED.search(line.group()):
            continue
        tail = _LAST_SENTENCE.search(line.group())
        if tail is None or tail.start(1) == 0:
            continue  # the whole line: a headline, a caption
        start = line.start() + tail.start(1)
        first, last = bisect.bisect_left(starts, start), bisect.bisect_left(starts, line.end())
        if not any(doc[i].tag_ in FINITE for i in range(first, last)):
            out.append((start, line.end()))
    return out


@lru_cache(maxsize=1)
def _furniture() -> tuple[int, re.Pattern, re.Pattern]:
    """The furniture lines of ``data/en/furniture.toml`` (what :mod:`io.ingest` drops from an HTML
    page), and those of them that head a list of other stories' headlines."""
    data = read_toml("furniture.toml")
    patterns = data["patterns"]

    def compiled(names) -> re.Pattern:
        alternatives = "|".join(f"(?:{patterns[n]})" for n in names)
        return re.compile(f"(?:{alternatives})[\\s.!:»›>…]*", re.IGNORECASE)

    return int(data["max_words"]), compiled(patterns), compiled(data["list_headings"])


def furniture(text: str) -> list[tuple[int, int]]:
    """Character spans of the site's lines in a text: a line of page furniture ("Read more: ...",
    "Also read | ...", "Jump to content", an edit notice), and under a heading of links ("Related
    stories", "Most read") the headlines that follow it, up to a line that ends a sentence."""
    most, line_pattern, heading_pattern = _furniture()
    out, listing = [], False
    for line in _LINE.finditer(text):
        words, body = line.group().split(), line.group().strip()
        short = len(words) <= most
        if short and line_pattern.fullmatch(body):
            out.append((line.start(), line.end()))
            listing = heading_pattern.fullmatch(body) is not None
        elif listing and short and not _ENDED.search(body):
            out.append((line.start(), line.end()))
        else:
            listing = False
    return out
