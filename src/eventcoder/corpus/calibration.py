"""Does ``confidence`` mean what it says? Records sorted into confidence buckets, and in each the
share that is true: matched to a gold event by the scorer's rules (:mod:`evaluate`, the reference
scorer's greedy matching). A record that matches no gold event is false; a page with no gold
(off-topic) has only false ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .evaluate import _match, gold_ids

#: The buckets' lower bounds; the last bucket runs to 1.0 inclusive.
BUCKETS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9)
HIGH = 0.8
"""Above this, at least 0.9 of the records should be true (README, "Confidence")."""


def truth(preds: list[dict], golds: list[dict]) -> list[bool]:
    """For each record of *preds*, is it matched to a gold event of its document?"""
    matched: set[int] = set()
    for gold in golds:
        ids = gold_ids(gold)
        mine = [i for i, p in enumerate(preds) if any(s.get("doc_id") in ids for s in p.get("sources") or [])]
        _g, used, _pairs = _match(gold["events"], [preds[i] for i in mine])
        matched.update(mine[k] for k in used)
    return [i in matched for i in range(len(preds))]


@dataclass
class Calibration:
    """(confidence, true?) of each record, and the table of them by bucket."""

    rated: list[tuple[float, bool]] = field(default_factory=list)

    @classmethod
    def of(cls, preds: list[dict], golds: list[dict]) -> Calibration:
        return cls([(p["confidence"], t) for p, t in zip(preds, truth(preds, golds), strict=True)])

    def bucket(self, lo: float, hi: float) -> tuple[int, float | None]:
        """(records with lo <= confidence < hi, their share true)."""
        got = [t for c, t in self.rated if lo <= c < hi]
        return len(got), (sum(got) / len(got) if got else None)

    def above(self, bound: float = HIGH) -> tuple[int, float | None]:
        """(records with confidence above *bound*, their share true)."""
        got = [t for c, t in self.rated if c > bound]
        return len(got), (sum(got) / len(got) if got else None)

    def rows(self) -> list[tuple[str, int, float | None]]:
        bounds = [*BUCKETS, 1.01]
        return [
            (f"{lo:.1f}-{min(hi, 1.0):.1f}", *self.bucket(lo, hi))
            for lo, hi in zip(bounds, bounds[1:], strict=False)
        ]

    def format(self, name: str) -> str:
        n_true = sum(t for _c, t in self.rated)
        lines = [f"{name}: {len(self.rated)} records, {n_true} true"]
        for label, n, share in self.rows():
            lines.append(f"  {label}  {n:4}  share true {'-' if share is None else f'{share:.2f}'}")
        n, share = self.above()
        if share is not None:
            lines.append(f"  above {HIGH}: {n} records, share true {share:.3f}")
        return "\n".join(lines)
