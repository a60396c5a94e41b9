"""Bytes to text, telling the truth about how: never a silent guess.

The rule, in order (the first that fits wins):

1. **UTF-16** with a byte-order mark, or without one when every other byte is NUL (ASCII text
   in UTF-16LE or UTF-16BE); decoded strictly.
2. A NUL byte anywhere else: a **binary file**, refused.
3. **UTF-8**, strictly (a UTF-8 byte-order mark is dropped).
4. **Mostly UTF-8**: more valid multi-byte UTF-8 characters than invalid bytes. The invalid
   bytes become U+FFFD and the document says how many; the accents of the rest are kept (one bad
   byte no longer turns the whole file into another code page).
5. **cp1252** (Windows Western, a superset of Latin-1's printable characters) when the text it
   gives is plausible: its non-ASCII characters are letters, marks or the punctuation and
   currency signs of running text (:func:`plausible`). Reported as ``latin-1`` when no byte
   falls in 0x80-0x9F (the two agree on every other byte).
6. Another code page guessed by charset-normalizer (a dependency): the best of its candidates
   whose text is plausible (it ranks cp1252 first for cp1250 Polish, whose text is not), reported
   with its confidence.
7. Otherwise: **not text**, refused with the reason. Bytes that are mostly outside ASCII and not
   UTF-8 are refused before any guess (byte soup; an English-language coder reads UTF-8 or a
   Western code page).

:func:`decode_bytes` returns a :class:`Decoded`: the text (or None), the encoding, and a note
when the encoding is not UTF-8 or the decoding replaced anything.
"""

from __future__ import annotations

import logging
import unicodedata
from dataclasses import dataclass

log = logging.getLogger(__name__)

#: Unicode categories of the non-ASCII characters running text is made of: letters, marks,
#: punctuation (dashes, quotes, ellipsis), currency signs and spaces.
TEXT_CATEGORIES = frozenset({"Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Pd", "Pi", "Pf", "Po", "Ps", "Pe"})
TEXT_CATEGORIES |= {"Sc", "Zs"}
#: Symbols that running Western text does use (degree, copyright, registered, section, trade mark).
TEXT_SYMBOLS = frozenset("°©®§™•·")
#: Share of non-ASCII characters that may fall outside the above before a decoding is doubtful.
MAX_ODD_SHARE = 0.05
#: A file that is not UTF-8 must be at least this share of ASCII bytes to be read as a code page.
MIN_ASCII_SHARE = 0.5
SAMPLE = 65536
#: A decoding less sure than this is reported as doubtful.
DOUBTFUL_BELOW = 0.9


@dataclass(frozen=True)
class Decoded:
    """The text of some bytes (None when they are not text), how it was decoded, and why not."""

    text: str | None
    encoding: str = "utf-8"
    note: str = ""
    """Said to the user: the encoding when it is not UTF-8, or what was replaced."""
    reason: str = ""
    """Why the bytes are not text (when *text* is None)."""
    confidence: float = 1.0
    """How sure the decoding is, 0 to 1: 1 for strict UTF-8 or UTF-16; for mostly UTF-8, the share
    of its multi-byte characters that were valid; for a code page, the share of its non-ASCII
    characters that are those of running text (:func:`plausibility`), times charset-normalizer's
    own confidence when it guessed."""

    @property
    def doubtful(self) -> bool:
        """A decoding the user should check (said in the run's summary)."""
        return self.text is not None and self.confidence < DOUBTFUL_BELOW


def decode_bytes(raw: bytes) -> Decoded:
    """The text of *raw* by the rule of this module."""
    if not raw.strip():
        return Decoded(None, reason="empty file")
    utf16 = _utf16(raw)
    if utf16 is not None:
        return utf16
    if b"\x00" in raw:
        return Decoded(None, reason="binary file (holds NUL bytes)")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return Decoded(raw.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    good, bad = utf8_counts(raw)
    if good > bad:
        confidence = good / (good + bad)
        note = f"{bad} invalid UTF-8 byte(s) replaced by U+FFFD (confidence {confidence:.0%})"
        return Decoded(
            raw.decode("utf-8", "replace"), "utf-8", _said(note, confidence), confidence=confidence
        )
    return _code_page(raw)


def _utf16(raw: bytes) -> Decoded | None:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return Decoded(raw.decode("utf-16"), "utf-16", "decoded as UTF-16")
        except UnicodeDecodeError:
            return Decoded(None, reason="invalid UTF-16")
    sample = raw[:SAMPLE]
    if len(sample) < 4 or len(sample) % 2 or b"\x00" not in sample:
        return None
    half = len(sample) // 2
    evens, odds = sample[0::2].count(0), sample[1::2].count(0)
    for zeros, other, codec in ((odds, evens, "utf-16-le"), (evens, odds, "utf-16-be")):
        if zeros >= 0.9 * half and other == 0:
            try:
                return Decoded(raw.decode(codec), codec, f"decoded as {codec.upper()} (no byte-order mark)")
            except UnicodeDecodeError:
                return Decoded(None, reason=f"invalid {codec.upper()}")
    return None


def utf8_counts(raw: bytes) -> tuple[int, int]:
    """(valid multi-byte UTF-8 characters, invalid bytes) in *raw*."""
    good = bad = 0
    i, n = 0, len(raw)
    while i < n:
        b = raw[i]
        if b < 0x80:
            i += 1
            continue
        size = 2 if 0xC2 <= b <= 0xDF else 3 if 0xE0 <= b <= 0xEF else 4 if 0xF0 <= b <= 0xF4 else 0
        if size:
            try:
                raw[i : i + size].decode("utf-8")
                good += 1
                i += size
                continue
            except UnicodeDecodeError:
                pass
        bad += 1
        i += 1
    return good, bad


def plausible(text: str) -> bool:
    """Is *text* running text: no control characters but layout ones, and its non-ASCII characters
    letters, marks, punctuation, currency signs and spaces (a few others allowed)?"""
    odd, other = _odd_characters(text)
    return odd >= 0 and odd <= max(1, MAX_ODD_SHARE * other)


def plausibility(text: str) -> float:
    """Share of *text*'s non-ASCII characters that running text is made of (1.0 when it has none;
    0.0 when it holds control characters other than layout ones)."""
    odd, other = _odd_characters(text)
    if odd < 0:
        return 0.0
    return 1.0 - odd / other if other else 1.0


def _odd_characters(text: str) -> tuple[int, int]:
    """(non-ASCII characters running text does not use, non-ASCII characters); (-1, 0) when a
    control character other than a layout one is found."""
    odd = other = 0
    for ch in text:
        if ch < "\x80":
            if ch < " " and ch not in "\t\n\r\f":
                return -1, 0
            continue
        other += 1
        if ch not in TEXT_SYMBOLS and unicodedata.category(ch) not in TEXT_CATEGORIES:
            odd += 1
    return odd, other


def _said(note: str, confidence: float) -> str:
    return note + ("; doubtful: check its accents" if confidence < DOUBTFUL_BELOW else "")


def _code_page(raw: bytes) -> Decoded:
    ascii_share = sum(1 for b in raw if b < 0x80) / len(raw)
    if ascii_share < MIN_ASCII_SHARE:
        return Decoded(
            None, reason=f"not text: not UTF-8, and {1 - ascii_share:.0%} of its bytes are not ASCII"
        )
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None and plausible(text):
        western = "cp1252" if any(0x80 <= b <= 0x9F for b in raw) else "latin-1"
        confidence = plausibility(text)
        note = f"not UTF-8: decoded as {western} (confidence {confidence:.0%})"
        return Decoded(text, western, _said(note, confidence), confidence=confidence)
    return _guessed(raw)


def _guessed(raw: bytes) -> Decoded:
    from charset_normalizer import from_bytes

    best = next((m for m in from_bytes(raw) if plausible(str(m))), None)  # best first
    if best is None:
        return Decoded(None, reason="not text: neither UTF-8 nor a code page whose text is plausible")
    text = str(best)
    confidence = (1.0 - best.chaos) * plausibility(text)
    note = f"not UTF-8: guessed {best.encoding} (confidence {confidence:.0%}); check its accents"
    log.info("%s", note)
    return Decoded(text, best.encoding, note, confidence=confidence)
