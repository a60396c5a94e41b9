"""An encyclopedia's reference marks, blanked out of the text the model parses.

Encyclopedia pages glue their footnote marks to words: "killing the president.[3][4]",
"Martelly,[5] whom", "mercenaries[a] attacked". spaCy's tokenizer splits the last "]" only and
leaves "president.[3" as one word: the sentence then ends in no full stop and its object is no
noun the rules know, so the event was lost; split off, a mark is still a word the parser makes a
subject or an object of. The text the model parses has each mark of ``data/en/furniture.toml``
(``reference_marks``) glued to a word replaced by as many spaces: every offset stays that of the
document's own text, and the words around a mark are parsed as if it were not there. The
document's text is kept as it came.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicons.data import read_toml


@lru_cache(maxsize=1)
def _marks() -> re.Pattern:
    return re.compile(r"(?<=\S)(?:" + read_toml("furniture.toml")["reference_marks"] + ")+")


def _blank(match: re.Match) -> str:
    return " " * len(match.group())


def parse_text(text: str) -> str:
    """*text* with its reference marks blanked (as many spaces), for the model to parse."""
    if "[" not in text:
        return text
    return _marks().sub(_blank, text)
