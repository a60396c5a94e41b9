"""Scoring the coder on single sentences with gold PLOVER types (tests/data/plover-sentences).

Each case is one sentence in the style of news with its gold type(s) and, where clear, its
target. A sentence with no gold type (a foiled plot) is right when nothing is coded on it.
For the others two figures are kept per gold type: *found*, one of the gold types is among
the types coded on the sentence; *top-1*, the first coded event (the most confident, in
sentence order on a tie) has a gold type. Target: the gold target's words are in the coded
target of an event of a gold type."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UsageError
from .evaluate import tokens


@dataclass(frozen=True)
class SentenceCase:
    id: str
    text: str
    types: tuple[str, ...]
    target: str | None = None
    note: str = ""

    @property
    def intent(self) -> bool:
        return self.note.startswith("intent")


def read_sentences(path: str | Path) -> list[SentenceCase]:
    """The cases of a JSON Lines file of {id, text, types, target, note}."""
    cases = []
    try:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if line.strip():
                d = json.loads(line)
                cases.append(
                    SentenceCase(d["id"], d["text"], tuple(d["types"]), d.get("target"), d.get("note", ""))
                )
    except (OSError, ValueError, KeyError) as e:
        raise UsageError(f"cannot read sentences {path}: {e}") from e
    return cases


def ranked(records: list[dict]) -> list[dict]:
    """The events coded on one sentence, most confident first (stable: sentence order on a tie)."""
    return sorted(records, key=lambda r: -(r.get("confidence") or 0.0))


@dataclass
class SentenceResult:
    case: SentenceCase
    coded: list[dict]

    @property
    def coded_types(self) -> list[str]:
        return [r["type"] for r in ranked(self.coded)]

    @property
    def found(self) -> bool:
        if not self.case.types:
            return not self.coded
        return any(t in self.case.types for t in self.coded_types)

    @property
    def top1(self) -> bool:
        if not self.case.types:
            return not self.coded
        return bool(self.coded) and self.coded_types[0] in self.case.types

    @property
    def target_right(self) -> bool | None:
        """None when the case gives no target."""
        if not self.case.target:
            return None
        want = tokens(self.case.target)
        for r in self.coded:
            got = r.get("target") or {}
            words = tokens(" ".join(str(got.get(k) or "") for k in ("text", "name", "country")))
            if r["type"] in self.case.types and want <= words:
                return True
        return False


@dataclass
class SentenceReport:
    results: list[SentenceResult] = field(default_factory=list)

    def _share(self, results: list[SentenceResult], what: str) -> float:
        return sum(getattr(r, what) for r in results) / len(results) if results else 0.0

    @property
    def typed(self) -> list[SentenceResult]:
        return [r for r in self.results if r.case.types]

    @property
    def found(self) -> float:
        return self._share(self.typed, "found")

    @property
    def top1(self) -> float:
        return self._share(self.typed, "top1")

    @property
    def intent_found(self) -> float:
        return self._share([r for r in self.typed if r.case.intent], "found")

    @property
    def silent(self) -> float:
        """Share of the no-event sentences on which nothing is coded."""
        return self._share([r for r in self.results if not r.case.types], "found")

    @property
    def target(self) -> float:
        judged = [r.target_right for r in self.results if r.target_right is not None]
        return sum(judged) / len(judged) if judged else 0.0

    def by_type(self) -> dict[str, list[SentenceResult]]:
        groups = defaultdict(list)
        for r in self.typed:
            groups[r.case.types[0]].append(r)
        return dict(sorted(groups.items()))

    def as_dict(self) -> dict:
        return {
            "sentences": len(self.results),
            "found": round(self.found, 4),
            "top1": round(self.top1, 4),
            "intent_found": round(self.intent_found, 4),
            "silent": round(self.silent, 4),
            "target": round(self.target, 4),
            "by_type": {
                t: {
                    "n": len(rs),
                    "found": round(self._share(rs, "found"), 4),
                    "top1": round(self._share(rs, "top1"), 4),
                }
                for t, rs in self.by_type().items()
            },
        }

    def format(self, verbose: bool = False) -> str:
        lines = [f"{'type':<10} {'n':>4} {'found':>6} {'top-1':>6}"]
        for t, rs in self.by_type().items():
            lines.append(
                f"{t:<10} {len(rs):>4} {self._share(rs, 'found'):>6.2f} {self._share(rs, 'top1'):>6.2f}"
            )
        lines.append(
            f"{'all':<10} {len(self.typed):>4} {self.found:>6.2f} {self.top1:>6.2f}"
            f"   intent found {self.intent_found:.2f}, target {self.target:.2f}, silent on no-event {self.silent:.2f}"
        )
        if verbose:
            lines += [
                f"  miss {r.case.id} gold {','.join(r.case.types) or '-'} coded {','.join(r.coded_types) or '-'}: {r.case.text}"
                for r in self.results
                if not r.top1
            ]
        return "\n".join(lines)


def score_sentences(cases: list[SentenceCase], coded: dict[str, list[dict]]) -> SentenceReport:
    """Score *coded* (records by case id) against *cases*."""
    return SentenceReport([SentenceResult(c, coded.get(c.id, [])) for c in cases])
