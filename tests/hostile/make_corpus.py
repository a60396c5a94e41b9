"""The hostile corpus: every input issue 20 found to stop a run, corrupt a text or replace a
document, and its kin, written by a script (nothing binary is checked in).

    python -m tests.hostile.make_corpus DIR

:func:`write_corpus` writes the files under a folder and returns what each must produce when the
folder is read (``EXPECTED``: origin, relative to the folder, -> what ingest yields for it):
``("doc", words its text holds)``, ``("skip", the start of the reason)`` or ``("note", words of the
note)``; a file may yield a note and a document. ``tests/io/test_hostile.py`` reads the folder and
checks every line of it; ``tests/test_cli.py`` runs the real command on the same kinds of input.
"""

from __future__ import annotations

import json
import os
import random
import sys
from pathlib import Path

ATTACK = "Gunmen attacked a café in Bogotá on Sunday, killing four, police said. "
POLISH = "Żołnierze ostrzelali wieś pod Łodzią; zginęło dwóch cywilów, podała policja. "
QUOTES = "\u201cWe won\u2019t leave,\u201d the mayor said \u2013 damage ran to \u20ac5m. "


def _jsonl(lines: list[str]) -> str:
    return "\n".join(lines) + "\n"


def write_corpus(root: Path) -> list[tuple[str, str, str]]:
    """Write the corpus under *root*; returns the expected (origin, kind, words) in any order."""
    root.mkdir(parents=True, exist_ok=True)
    files: dict[str, bytes] = {
        "enc/utf8.txt": ATTACK.encode(),
        "enc/utf8_bom.txt": b"\xef\xbb\xbf" + ATTACK.encode(),
        "enc/latin1.txt": (ATTACK * 2).encode("latin-1"),
        "enc/cp1252.txt": (ATTACK + QUOTES).encode("cp1252"),
        "enc/cp1250.txt": (POLISH * 4).encode("cp1250"),
        "enc/utf16.txt": ATTACK.encode("utf-16"),
        "enc/utf16le.txt": "Gunmen attacked a village on Sunday.".encode("utf-16-le"),
        "enc/one_bad_byte.txt": (ATTACK * 3).encode() + b"\xff",
        "junk/soup.txt": bytes(random.Random(20).randrange(0x80, 0x100) for _ in range(20_000)),
        "junk/binary.txt": b"PK\x03\x04\x00\x00\x08\x00",
        "junk/empty.txt": b"  \n\n",
        "junk/image.png": b"\x89PNG\r\n\x1a\n",
        "ids/report.txt": b"Troops shelled the town.",
        "ids/report.md": b"Rebels attacked a convoy.",
        "ids/a.jsonl": _jsonl([json.dumps({"id": 1, "text": "Police arrested 12."})]).encode(),
        "ids/b.jsonl": _jsonl([json.dumps({"id": "1", "text": "Gunmen killed 3."})]).encode(),
        "lines.jsonl": _jsonl(
            [
                '{"id": "sur", "text": "Gunmen attacked \\ud800 Gwoza."}',
                "[" * 2000 + "]" * 2000,
                json.dumps({"id": "num", "text": "Troops shelled Avdiivka.", "title": 12}),
                json.dumps({"id": ["x"], "text": "A list for an id."}),
                json.dumps({"id": "sep", "text": "One\u2028two\u2029three."}, ensure_ascii=False),
                json.dumps({"id": "num", "text": "The same id again."}),
                json.dumps("a string"),
                "{broken",
            ]
        ).encode(),
    }
    for name, data in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    (root / "links").mkdir(exist_ok=True)
    (root / "links" / "dangling.txt").symlink_to(root / "nowhere.txt")
    (root / "links" / "loop.txt").symlink_to(root / "links" / "loop.txt")
    (root / "links" / "up").symlink_to(root)
    os.mkfifo(root / "links" / "fifo.txt")
    return EXPECTED


EXPECTED = [
    ("enc/utf8.txt", "doc", "café in Bogotá"),
    ("enc/utf8_bom.txt", "doc", "café in Bogotá"),
    ("enc/latin1.txt", "doc", "café in Bogotá"),
    ("enc/latin1.txt", "note", "latin-1"),
    ("enc/cp1252.txt", "doc", "\u201cWe won\u2019t leave"),
    ("enc/cp1252.txt", "note", "cp1252"),
    ("enc/cp1250.txt", "doc", "Żołnierze"),
    ("enc/cp1250.txt", "note", "cp1250"),
    ("enc/utf16.txt", "doc", "café in Bogotá"),
    ("enc/utf16.txt", "note", "UTF-16"),
    ("enc/utf16le.txt", "doc", "Gunmen attacked"),
    ("enc/utf16le.txt", "note", "UTF-16-LE"),
    ("enc/one_bad_byte.txt", "doc", "café in Bogotá"),
    ("enc/one_bad_byte.txt", "note", "1 invalid UTF-8 byte"),
    ("junk/soup.txt", "skip", "not text"),
    ("junk/binary.txt", "skip", "binary file"),
    ("junk/empty.txt", "skip", "empty file"),
    ("junk/image.png", "skip", "unsupported file type"),
    ("ids/a.jsonl:1", "doc", "Police arrested"),
    ("ids/b.jsonl:1", "doc", "Gunmen killed"),
    ("ids/b.jsonl:1", "note", "already taken"),
    ("ids/report.md", "doc", "Rebels"),
    ("ids/report.txt", "doc", "Troops"),
    ("ids/report.txt", "note", "already taken"),
    ("lines.jsonl:1", "doc", "Gunmen attacked \ufffd Gwoza."),
    ("lines.jsonl:1", "note", "lone surrogate"),
    ("lines.jsonl:2", "skip", "malformed JSON: nested too deeply"),
    ("lines.jsonl:3", "doc", "Troops shelled"),
    ("lines.jsonl:3", "note", "'title' is a int"),
    ("lines.jsonl:4", "skip", "needs an 'id'"),
    ("lines.jsonl:5", "doc", "One\u2028two\u2029three."),
    ("lines.jsonl:6", "skip", "duplicate id 'num'"),
    ("lines.jsonl:7", "skip", "a line must hold a JSON object"),
    ("lines.jsonl:8", "skip", "malformed JSON"),
    ("links/dangling.txt", "skip", "dangling symlink"),
    ("links/loop.txt", "skip", "symlink loop"),
    ("links/fifo.txt", "skip", "not a regular file (FIFO)"),
    ("links/up", "skip", "symlink to a folder already read"),
]


if __name__ == "__main__":
    write_corpus(Path(sys.argv[1]))
