"""A line written in capitals, given to the model with its words capitalised as a title's.

A headline set in capitals ("GUNMEN KILL 12 VILLAGERS IN NORTHERN BURKINA FASO") is a run of
proper nouns to the tagger, and the parse of the paragraph after it suffers: "Gunmen" of "Gunmen
killed 12 villagers ..." was cut off as a sentence of its own, and its deed lost its doer. The
text the model parses has each such line (at least `_WORDS` words, no small letter, no dateline)
with each word's first letter kept and the rest in small letters ("Gunmen Kill 12 Villagers In
Northern Burkina Faso"), as a headline in title case reads; a word whose small letters would not
be as long is kept as it is, so every offset stays that of the document's own text, which is kept
as it came (the evidence is cut from it).
"""

from __future__ import annotations

import re

# the fewest words of a line in capitals that is a headline, not a dateline or an acronym
_WORDS = 3
_LINE = re.compile(r"^[^\S\n]*(?=[^\n]*[A-Z][^\n]*[A-Z])[^a-z\n]+$", re.M)
_WORD = re.compile(r"[^\W\d_][\w'\u2019]*")


def _titled(word: re.Match) -> str:
    w = word.group()
    titled = w[0] + w[1:].lower()
    return titled if len(titled) == len(w) else w


def _cased(line: re.Match) -> str:
    from .lines import dateline  # lines imports spaCy: not on the command line's import

    text = line.group()
    if len(_WORD.findall(text)) < _WORDS or dateline().match(text + " "):
        return text
    return _WORD.sub(_titled, text)


def parse_text(text: str) -> str:
    """*text* with its lines in capitals in title case, for the model to parse."""
    return _LINE.sub(_cased, text)
