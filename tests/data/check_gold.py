#!/usr/bin/env python3
"""Check gold files against their documents: python tests/data/check_gold.py GOLD.json...

Each problem is printed as ``file: event N: what is wrong``; the exit code is the number of
files with a problem (0 when every file is sound). The rules are those of
docs/annotation-guidelines.md: every evidence string (or each " | " fragment of it) appears in
the document verbatim, types and modes are PLOVER's, dates are ISO with a known precision,
countries are ISO 3166-1 alpha-2, counts are integers or {low, high, text} ranges.
"""

from __future__ import annotations

import json
import re
import sys
import tomllib
from datetime import date
from pathlib import Path

ONTOLOGY = Path(__file__).resolve().parents[2] / "src" / "eventcoder" / "data" / "ontology" / "plover.toml"
_TYPES = tomllib.loads(ONTOLOGY.read_text(encoding="utf-8"))["types"]
TYPES = set(_TYPES)
MODES = {name: " ".join(t.get("modes", [])) for name, t in _TYPES.items()}
PRECISIONS = {"day", "week", "month", "year", "decade", "range"}
REQUIRED = ("core", "types", "date_start", "date_end", "date_precision", "actor", "target",
            "location", "country", "fatalities", "injuries", "evidence")  # fmt: skip


def _iso(s) -> bool:
    try:
        date.fromisoformat(s)
        return True
    except (TypeError, ValueError):
        return False


def _count_ok(v) -> bool:
    if v is None or (isinstance(v, int) and not isinstance(v, bool) and v >= 0):
        return True
    return isinstance(v, dict) and isinstance(v.get("low"), int) and isinstance(v.get("high"), int)


def check_event(e: dict, text: str) -> list[str]:
    out = [f"missing field {k}" for k in REQUIRED if k not in e]
    types = e.get("types") or []
    if not types or any(t not in TYPES for t in types):
        out.append(f"types {types} not all PLOVER types")
    mode = e.get("mode")
    if mode is not None and (not types or mode not in MODES.get(types[0], "").split()):
        out.append(f"mode {mode!r} is not a mode of {types[:1]}")
    if e.get("date_start") is not None or e.get("date_end") is not None:
        if not (_iso(e.get("date_start")) and _iso(e.get("date_end"))):
            out.append("date_start/date_end not ISO dates")
        elif e["date_start"] > e["date_end"]:
            out.append("date_start after date_end")
        if e.get("date_precision") not in PRECISIONS:
            out.append(f"date_precision {e.get('date_precision')!r}")
    c = e.get("country")
    if c is not None and not re.fullmatch(r"[A-Z]{2}", c):
        out.append(f"country {c!r} is not ISO alpha-2")
    if (e.get("lat") is None) != (e.get("lon") is None):
        out.append("lat and lon must both be given or both null")
    for k in ("fatalities", "injuries"):
        if not _count_ok(e.get(k)):
            out.append(f"{k} {e.get(k)!r}")
    for frag in (e.get("evidence") or "").split(" | "):
        if not frag or frag not in text:
            out.append(f"evidence not verbatim in the document: {frag[:70]!r}")
    return out


def check_file(path: Path) -> list[str]:
    gold = json.loads(path.read_text(encoding="utf-8"))
    doc = path.parent.parent / gold["file"]
    if not doc.exists():
        return [f"{path.name}: document {gold['file']} missing"]
    text = doc.read_text(encoding="utf-8")
    problems = []
    if gold.get("published") is not None and not _iso(gold["published"]):
        problems.append(f"{path.name}: published {gold['published']!r} is not an ISO date")
    for i, e in enumerate(gold.get("events", [])):
        problems += [f"{path.name}: event {i}: {p}" for p in check_event(e, text)]
    for ne in gold.get("non_events", []):
        if ne.get("sentence") and ne["sentence"] not in text:
            problems.append(f"{path.name}: non-event not verbatim: {ne['sentence'][:70]!r}")
    return problems


def main(argv: list[str]) -> int:
    bad = 0
    for arg in argv:
        problems = check_file(Path(arg))
        bad += bool(problems)
        print("\n".join(problems)) if problems else None
    return bad


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
