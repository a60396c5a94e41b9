"""Place names folded for comparison: lowercase, accents and apostrophes gone, articles and
admin words ("Governorate", "Province") dropped, so that "Al-Khalis" = "Khalis" and
"Diyālá Governorate" = "Diyala"."""

from __future__ import annotations

import re
import unicodedata

# ---------------------------------------------------------------------------------------------
# Folding

_APOSTROPHES = "'\u2019\u2018\u02bc\u02bb\u02bf\u02be`\u00b4\u2032\u02b9"
_TRANSLATE = str.maketrans(
    {
        **{c: "" for c in _APOSTROPHES},
        "\u0131": "i",
        "\u00f8": "o",
        "\u00e6": "ae",
        "\u0153": "oe",
        "\u0111": "d",
        "\u0142": "l",
        "\u00f0": "d",
        "\u00fe": "th",
        "\u0127": "h",
        "&": " and ",
    }
)
_NON_WORD = re.compile(r"[\W_]+")

#: Arabic articles (with their sun-letter forms) and ``the``: optional at the start of a name.
_ARTICLES = frozenset(
    {"the", "al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ath", "adh", "ed", "es", "ez", "ul"}
)
#: Inside a name every article form is made ``al`` ("Salah ad Din" = "Salah al-Din").
_INNER_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ez", "ul"})
#: Administrative words: optional at the end of a name ("Diyala Governorate").
_ADMIN_SUFFIXES = frozenset(
    {
        "province",
        "provinces",
        "governorate",
        "governate",
        "district",
        "region",
        "state",
        "oblast",
        "prefecture",
        "county",
        "department",
        "departement",
        "municipality",
        "raion",
        "rayon",
        "krai",
        "kray",
        "okrug",
        "wilaya",
        "wilayah",
        "velayat",
        "division",
        "subdistrict",
        "muhafazah",
    }
)
#: ... and optional at the start ("Muhafazat Kirkuk", "Province of Kandahar").
_ADMIN_PREFIXES = (
    ("province", "of"),
    ("governorate", "of"),
    ("region", "of"),
    ("district", "of"),
    ("state", "of"),
    ("mayorality", "of"),
    ("muhafazat",),
    ("muhafazah",),
    ("wilayat",),
    ("wilayat", "e"),
    ("wilaya", "de"),
    ("wilaya", "d"),
    ("ostan", "e"),
    ("misto",),
    ("shabiyat",),
    ("opstina",),
    ("changwat",),
    ("baladiyat",),
    ("mintaqat",),
    ("raionul",),
)
_PREFIX_STARTS = frozenset(p[0] for p in _ADMIN_PREFIXES)
_TOKEN_SYNONYMS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}


def fold_basic(text: str) -> str:
    """Lowercase, accents and apostrophes removed, other punctuation made single spaces.

    ``fold_basic("Ba'qubah") == "baqubah"``, ``fold_basic("Al-Khāliş") == "al khalis"``.
    """
    if text.isascii():
        t = text.lower().translate(_TRANSLATE)
    else:
        t = unicodedata.normalize("NFKD", text)
        t = "".join(c for c in t if not unicodedata.combining(c)).casefold().translate(_TRANSLATE)
    return _NON_WORD.sub(" ", t).strip()


def _loosen(tokens: list[str]) -> tuple[list[str], bool]:
    """Articles and administrative words dropped; also whether an administrative word was."""
    admin = False
    if len(tokens) > 1 and tokens[0] == "the":
        tokens = tokens[1:]
    if tokens and tokens[0] in _PREFIX_STARTS:
        for prefix in _ADMIN_PREFIXES:
            if len(tokens) > len(prefix) and tuple(tokens[: len(prefix)]) == prefix:
                tokens = tokens[len(prefix) :]
                admin = True
                break
    if len(tokens) > 1 and tokens[0] in _ARTICLES:
        tokens = tokens[1:]
    if len(tokens) > 1 and tokens[-1] in _ADMIN_SUFFIXES:
        tokens = tokens[:-1]
        admin = True
    if len(tokens) > 2 and tokens[-2] == "autonomous":  # "Tibet Autonomous Region" after the suffix
        tokens = tokens[:-1]
    if len(tokens) > 2 and not _INNER_ARTICLES.isdisjoint(tokens[1:-1]):
        tokens = [tokens[0], *("al" if t in _INNER_ARTICLES else t for t in tokens[1:-1]), tokens[-1]]
    if not _TOKEN_SYNONYMS.keys().isdisjoint(tokens):
        tokens = [_TOKEN_SYNONYMS.get(t, t) for t in tokens]
    return tokens, admin


def _fold_parts(text: str) -> tuple[str, str, bool]:
    """(basic fold, look-up key, whether the text carried an administrative word)."""
    basic = fold_basic(text)
    if " " not in basic and basic not in _TOKEN_SYNONYMS:  # one word: nothing to loosen
        return basic, basic, False
    tokens, admin = _loosen(basic.split())
    return basic, " ".join(tokens), admin


def fold_place(text: str) -> str:
    """The key place names are looked up by.

    ``fold_place("Al-Khalis") == fold_place("Al Khalis") == fold_place("Khalis") == "khalis"``;
    ``fold_place("Diyālá Governorate") == fold_place("Diyala Province") == "diyala"``.
    """
    return _fold_parts(text)[1]


def _split(cell: str) -> list[str]:
    return [p.strip() for p in (cell or "").split("|") if p.strip()]
