"""Line breaks and datelines end sentences, and paragraphs in another language are marked as
such: the spaCy component ``eventcoder_lines`` (registered by :mod:`eventcoder.pipeline`) runs
before the parser."""

from __future__ import annotations

import bisect
import re

from spacy.attrs import IDX
from spacy.tokens import Doc

from .language import foreign_spans
from .syntax import doc_text, mark_foreign

# whitespace holding a line break (a whitespace token, or the space after a token)
_NEWLINES = re.compile(r"\s*\n\s*")

# "MOGADISHU, Sept 4 (Reuters) - ": a dateline opening a paragraph
DATELINE = re.compile(
    r"(?:^|\n)(?P<line>[A-Z][A-Z\u00c0-\u00de.'/ -]{2,}(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)*)*"
    r"(?:,?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?:\([^)\n]{1,40}\))?\s*[-\u2013\u2014]+\s+)"
)


def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence, and so does a dateline: headlines, datelines and
    paragraphs are not glued to the sentence that follows them. The words of paragraphs in
    another language (:mod:`language`) are marked: they trigger nothing."""
    starts = doc.to_array([IDX])  # each token's character offset, without making Token objects
    text = doc_text(doc)
    mark_foreign(
        doc,
        [(bisect.bisect_left(starts, s), bisect.bisect_left(starts, e)) for s, e in foreign_spans(text)],
    )
    for m in _NEWLINES.finditer(text):
        i = bisect.bisect_left(starts, m.end())  # the first token after the break
        if 0 < i < len(doc):
            doc[i].is_sent_start = True
    for m in DATELINE.finditer(text):
        end = m.end("line")
        span = doc.char_span(end, end + 1, alignment_mode="expand")
        if span is not None and span.start > 0:
            doc[span.start].is_sent_start = True
            for tok in doc[
                doc.char_span(m.start("line"), end, alignment_mode="expand").start + 1 : span.start
            ]:
                tok.is_sent_start = False
    return doc
