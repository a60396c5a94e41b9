"""The evidence of a record: the sentence verbatim with its offsets, and the headlines and
subheadings that tell no event of their own."""

from __future__ import annotations

import re
import unicodedata

from ..nlp.lines import unpunctuated_page
from ..nlp.syntax import source_text, span_text

# the end of a post (a tweet or a message quoted on a page): a link, or a pictograph
_LINK_END = re.compile(r"(?:https?://|www\.|pic\.twitter\.com/)\S+$")


def _ends_a_post(text: str) -> bool:
    """A line ending in a link or a pictograph ("... outside parliament on Tuesday
    https://t.co/x1", "... witnesses said \U0001f64f") is a post, which a heading never is."""
    return _LINK_END.search(text) is not None or unicodedata.category(text[-1]) == "So"


def is_title_line(sent) -> bool:
    """A headline or subheading: a whole line with no closing punctuation."""
    text = span_text(sent).strip()
    doc = sent.doc
    starts_line = (
        sent.start == 0 or "\n" in doc[sent.start - 1].text or all(t.is_space for t in doc[: sent.start])
    )
    first_line = (  # after a kicker on the first line: "Yemen: Three crew members killed"
        sent.start > 0
        and doc[sent.start - 1].text == ":"
        and all("\n" not in t.text for t in doc[: sent.start])
    )
    if not text or not (starts_line or first_line) or "\n" in text:
        return False
    if (first_line or sent.start == next((t.i for t in doc if not t.is_space), 0)) and _ends_line(sent):
        return text.rstrip("\"\u201d'\u2019")[-1:] not in ".!?\u2026"  # the headline
    if text[-1] in ".!?\u2026\"\u201d'\u2019:;)":  # "\u2026": an ellipsis ends a sentence
        return False
    # no stop: a subheading, unless the page ends no paragraph with a stop or the line is a post's
    return not (_ends_a_post(text) or unpunctuated_page(doc))


def _ends_line(sent) -> bool:
    doc = sent.doc
    return sent.end >= len(doc) or "\n" in doc[sent.end - 1].text or "\n" in doc[sent.end].text


def evidence(sent) -> tuple[str, int, int]:
    """The sentence verbatim without surrounding white space, and its offsets (an encyclopedia's
    reference mark after its last word, blanked for the model, is left out)."""
    raw = span_text(sent)
    lead = len(raw) - len(raw.lstrip())
    start = sent.start_char + lead
    end = start + len(raw.strip())
    return source_text(sent.doc)[start:end], start, end
