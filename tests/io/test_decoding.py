"""Decoding on a labelled set: each file written in a known encoding must come back as its text,
with the encoding said when it is not UTF-8; byte soup must be refused."""

import random

import pytest

from eventcoder.io.decoding import decode_bytes, plausibility, plausible, utf8_counts

FRENCH = "Les manifestants ont été dispersés à Bamako, a déclaré la police malienne le mardi. "
SPANISH = "Un café en Bogotá: la policía detuvo a doce personas en la plaza de Bolívar. "
CP1252 = "\u201cWe won\u2019t leave,\u201d said the mayor \u2013 the toll rose to \u20ac5m\u2026 "
POLISH = "Żołnierze ostrzelali wieś pod Łodzią; zginęło dwóch cywilów, podała policja. "
ENGLISH = "Gunmen attacked a police post in Gwoza on Sunday, killing four officers. "

LABELLED = [
    ("latin-1 French", (FRENCH * 3).encode("latin-1"), "latin-1", FRENCH * 3),
    ("latin-1 Spanish", (SPANISH * 2).encode("latin-1"), "latin-1", SPANISH * 2),
    ("latin-1 one accent", "Un café.".encode("latin-1"), "latin-1", "Un café."),
    ("cp1252 quotes and euro", (CP1252 + FRENCH).encode("cp1252"), "cp1252", CP1252 + FRENCH),
    ("cp1252 Spanish", (SPANISH + CP1252).encode("cp1252"), "cp1252", SPANISH + CP1252),
    ("cp1250 Polish", (POLISH * 4).encode("cp1250"), "cp1250", POLISH * 4),
    ("utf-16 with BOM", (FRENCH * 2).encode("utf-16"), "utf-16", FRENCH * 2),
    ("utf-16-le no BOM", (ENGLISH * 2).encode("utf-16-le"), "utf-16-le", ENGLISH * 2),
    ("utf-16-be no BOM", (SPANISH * 2).encode("utf-16-be"), "utf-16-be", SPANISH * 2),
    ("utf-8 with BOM", b"\xef\xbb\xbf" + FRENCH.encode(), "utf-8", FRENCH),
    ("utf-8", (FRENCH + POLISH).encode(), "utf-8", FRENCH + POLISH),
]


@pytest.mark.parametrize("raw,encoding,text", [c[1:] for c in LABELLED], ids=[c[0] for c in LABELLED])
def test_labelled_encodings(raw, encoding, text):
    d = decode_bytes(raw)
    assert d.text == text
    assert d.encoding.lower().replace("_", "-") == encoding
    assert bool(d.note) == (encoding != "utf-8")


def test_one_bad_byte_in_utf8_keeps_the_other_accents():
    raw = (FRENCH * 2).encode() + b" \xe9 " + SPANISH.encode()
    d = decode_bytes(raw)
    assert d.encoding == "utf-8" and d.note.startswith("1 invalid UTF-8 byte(s) replaced by U+FFFD")
    assert d.text == FRENCH * 2 + " \ufffd " + SPANISH
    assert 0.9 < d.confidence < 1.0 and not d.doubtful


def test_confidence_is_said_and_a_doubtful_decoding_reported():
    assert decode_bytes(FRENCH.encode()).confidence == 1.0
    western = decode_bytes((FRENCH * 3).encode("latin-1"))
    assert western.confidence == 1.0 and "confidence 100%" in western.note
    mostly = decode_bytes("é é é".encode() + b"\xff" + b" plain words" * 20)
    assert mostly.doubtful and "doubtful" in mostly.note


def test_byte_soup_and_binary_are_refused():
    rng = random.Random(7)
    soup = bytes(rng.randrange(0x80, 0x100) for _ in range(20_000))
    d = decode_bytes(soup)
    assert d.text is None and d.reason.startswith("not text")
    mixed = bytes(rng.randrange(0x20, 0x100) for _ in range(20_000))
    assert decode_bytes(mixed).text is None
    assert decode_bytes(b"PK\x03\x04\x00\x00abc").reason.startswith("binary file")
    assert decode_bytes(b" \n").reason == "empty file"


def test_plausible_text():
    assert plausible("Le café à 20 °C, \u201cdit-il\u201d \u2013 5 \u20ac.")
    assert not plausible("caf\u2591 \u2592\u2593 \u2502\u2524")  # box drawing
    assert not plausible("a\x01b")
    assert plausibility("plain") == 1.0 and plausibility("a\x01b") == 0.0
    assert plausibility("caf\u00e9 \u2591") == 0.5


def test_utf8_counts():
    assert utf8_counts("é€".encode() + b"\xff") == (2, 1)
