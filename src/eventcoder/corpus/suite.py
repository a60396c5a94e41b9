"""The evaluation suite: every test corpus scored in one run and printed side by side.

A suite root (``tests/data`` in this repository) holds the sets named in :data:`SETS`, each a
folder of documents with, as the set has them, gold files (event precision, recall and slot
accuracies), a clusters file (merging: B-cubed, same-event pairs joined, look-alikes kept apart)
or neither (off-topic pages, where every coded event is a false one). A set whose folder is
missing is left out of the table.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UsageError
from .evaluate import MergeReport, Report, gold_ids, load_gold


@dataclass(frozen=True)
class CorpusSet:
    """One corpus of the suite, its paths relative to the suite root."""

    name: str
    docs: str
    gold: str | None = None
    """Folder of ``*.gold.json`` files scored event by event."""
    clusters: str | None = None
    """Merge gold: which reports tell one event, and look-alikes to keep apart."""
    manifest: str | None = None
    """Publication dates ``[{doc_id, published}]`` where no gold file gives them."""
    pattern: str = "*"
    """Which files of ``docs`` are documents."""
    offtopic: bool = False
    """No page tells an event: every coded event is counted as a false one."""


# fmt: off
SETS: tuple[CorpusSet, ...] = (
    CorpusSet("real", "real/docs", gold="real/gold", clusters="real/clusters.json"),
    CorpusSet("real-heldout", "real-heldout/docs", gold="real-heldout/gold",
              clusters="real-heldout/clusters.json"),
    CorpusSet("dev", "dev/docs", gold="dev/gold"),
    CorpusSet("heldout", "heldout/docs", gold="heldout/gold"),
    CorpusSet("merge", "merge/docs", clusters="merge/gold.json", manifest="merge/manifest.json"),
    CorpusSet("offtopic", "offtopic", pattern="*.html", offtopic=True),
)
# fmt: on


@dataclass
class SetResult:
    """What one set scored."""

    name: str
    documents: int = 0
    report: Report | None = None
    merge: MergeReport | None = None
    offtopic_events: Counter | None = None


@dataclass
class SetInputs:
    """A set read from disk: its document paths, gold, merge gold and publication dates."""

    spec: CorpusSet
    paths: list[str]
    golds: list[dict] = field(default_factory=list)
    clusters: dict | None = None
    published: dict[str, str | None] = field(default_factory=dict)


def read_set(root: Path, spec: CorpusSet) -> SetInputs | None:
    """The set *spec* under *root*, or None when its documents folder is missing."""
    docs = root / spec.docs
    if not docs.is_dir():
        return None
    paths = sorted(str(p) for p in docs.glob(spec.pattern) if p.is_file() and not p.name.startswith("."))
    golds = load_gold(sorted((root / spec.gold).glob("*.gold.json"))) if spec.gold else []
    published = {i: g.get("published") for g in golds for i in gold_ids(g)}
    clusters = None
    try:
        if spec.clusters and (root / spec.clusters).exists():
            clusters = json.loads((root / spec.clusters).read_text(encoding="utf-8"))
        if spec.manifest and (root / spec.manifest).exists():
            for row in json.loads((root / spec.manifest).read_text(encoding="utf-8")):
                published.setdefault(row["doc_id"], row.get("published"))
    except (OSError, ValueError, KeyError) as e:
        raise UsageError(f"cannot read the {spec.name} set under {root}: {e}") from e
    return SetInputs(spec, paths, golds, clusters, published)


_PCT = "{:.2f}"


@dataclass
class SuiteReport:
    """Every set's figures; :meth:`format` prints them side by side."""

    sets: list[SetResult]

    def by_name(self, name: str) -> SetResult | None:
        return next((s for s in self.sets if s.name == name), None)

    def _rows(self, scored: list[SetResult]) -> list[tuple[str, list[str]]]:
        def col(fn):
            return [fn(s) if s.report else "" for s in scored]

        rows = [
            ("reports", [str(s.documents) for s in scored]),
            ("core gold events", col(lambda s: str(s.report.total("core")))),
            ("precision", col(lambda s: _PCT.format(s.report.precision))),
            ("recall", col(lambda s: _PCT.format(s.report.recall))),
            ("F1", col(lambda s: _PCT.format(s.report.f1))),
        ]
        for slot in ("date", "place", "fatalities", "injuries", "actor", "target"):
            rows.append((slot, col(lambda s, k=slot: _PCT.format(s.report.slot_accuracy[k]))))
        rows.append(("claimant", col(lambda s: _PCT.format(s.report.claimant_accuracy))))

        def mcol(fn):
            return [fn(s.merge) if s.merge else "" for s in scored]

        rows += [
            ("merge B-cubed F1", mcol(lambda m: _PCT.format(m.f1))),
            ("merge pairwise F1", mcol(lambda m: _PCT.format(m.pair_f1))),
            ("same-event pairs", mcol(lambda m: f"{m.pairs_joined}/{m.pairs}")),
            (
                "look-alikes apart",
                mcol(lambda m: f"{m.lookalikes_apart}/{m.lookalikes}" if m.lookalikes else ""),
            ),
        ]
        return rows

    def format(self) -> str:
        scored = [s for s in self.sets if s.offtopic_events is None]
        names = [s.name for s in scored]
        width = max([12, *(len(n) + 2 for n in names)])
        lines = [f"{'':<20}" + "".join(f"{n:>{width}}" for n in names)]
        for label, cells in self._rows(scored):
            if any(cells):
                lines.append(f"{label:<20}" + "".join(f"{c:>{width}}" for c in cells))
        for s in self.sets:
            if s.offtopic_events is not None:
                n = sum(s.offtopic_events.values())
                kinds = ", ".join(f"{t} {k}" for t, k in s.offtopic_events.most_common())
                lines.append(
                    f"{s.name}: {s.documents} pages, {n} events coded (all false)"
                    + (f": {kinds}" if kinds else "")
                )
        return "\n".join(lines)

    def as_dict(self) -> dict:
        out: dict = {}
        for s in self.sets:
            d: dict = {"documents": s.documents}
            if s.report:
                d["events"] = s.report.as_dict()
                d["events"]["claimant"] = s.report.claimant_accuracy
            if s.merge:
                m = s.merge
                d["merge"] = {"f1": m.f1, "precision": m.precision, "recall": m.recall, "pairs": m.pairs,
                              "pairs_joined": m.pairs_joined, "lookalikes": m.lookalikes,
                              "lookalikes_apart": m.lookalikes_apart, "pairs_predicted": m.pairs_predicted,
                              "pair_precision": m.pair_precision, "pair_recall": m.pair_recall,
                              "pair_f1": m.pair_f1}  # fmt: skip
            if s.offtopic_events is not None:
                d["offtopic_events"] = dict(s.offtopic_events)
            out[s.name] = d
        return out
