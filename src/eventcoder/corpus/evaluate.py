"""Precision, recall, F1 and slot accuracies against gold files.

The matching rules and figures are those of the reference scorer
(``shared/eval/score.py``): a prediction belongs to a gold document when one of its
sources has the gold's doc_id (or the stem of its ``file``); it matches a gold event when
the types agree and either its evidence overlaps the gold evidence by half or its date and
place both agree; matching is greedy by score. Core gold events count for recall; a
prediction that matches no gold event is a false positive; one that matches only a
non-core event counts neither way.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..errors import UsageError

TOKEN = re.compile(r"[a-z0-9]+")
STOP = {"the", "a", "an", "of", "and", "in", "on", "at", "to", "by", "for", "that", "was", "were", "s"}
SLOTS = ("date", "place", "fatalities", "injuries", "actor", "target")


def tokens(s: str | None) -> set[str]:
    return {t for t in TOKEN.findall((s or "").lower()) if t not in STOP}


def _d(s) -> date | None:
    try:
        return date.fromisoformat(s[:10])
    except (TypeError, ValueError):
        return None


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    (la1, lo1), (la2, lo2) = a, b
    p = math.pi / 180
    h = (
        math.sin((la2 - la1) * p / 2) ** 2
        + math.cos(la1 * p) * math.cos(la2 * p) * math.sin((lo2 - lo1) * p / 2) ** 2
    )
    return 12742 * math.asin(math.sqrt(h))


def gold_types(g: dict) -> set:
    return set(g.get("types") or [g.get("event_type")])


def evidence_overlap(g: dict, p: dict) -> float:
    """Share of the gold evidence's words found in one source sentence. Gold evidence told
    across sentences is written as fragments joined by `` | ``; the best-covered one counts."""
    frags = [f for f in (tokens(x) for x in (g.get("evidence") or "").split(" | ")) if f]
    best = 0.0
    for s in p.get("sources") or []:
        pe = tokens(s.get("sentence"))
        if pe:
            best = max([best] + [len(f & pe) / len(f) for f in frags])
    return best


def _pred_dates(g: dict, p: dict):
    pd = p.get("date") or {}
    return (
        _d(g.get("date_start")),
        _d(g.get("date_end")),
        _d(pd.get("start")),
        _d(pd.get("end") or pd.get("start")),
    )


def date_agrees(g: dict, p: dict, slack_days: int = 31) -> bool:
    gs, ge, ps, pe = _pred_dates(g, p)
    if not (gs and ge and ps and pe):
        return False
    return ps.toordinal() <= ge.toordinal() + slack_days and pe.toordinal() >= gs.toordinal() - slack_days


def date_exact(g: dict, p: dict) -> bool:
    gs, ge, ps, pe = _pred_dates(g, p)
    if not (gs and ge and ps and pe):
        return False
    if g.get("date_precision") in ("day", "month", "year"):
        return gs <= ps <= ge and gs <= pe <= ge and (pe - ps) <= (ge - gs)
    return gs <= ps and pe <= ge


def fold(s: str | None) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s or "") if c.isalnum()).lower()


def place_agrees(g: dict, p: dict, radius: float) -> bool:
    loc = p.get("location") or {}
    if g.get("lat") is None:
        return g.get("country") is None or (loc.get("country") or "").upper() == g.get("country")
    if loc.get("lat") is None or loc.get("lon") is None:
        return False
    if g.get("location") and g.get("location") == g.get("admin1"):
        if fold(loc.get("admin1")) == fold(g["admin1"]) and (loc.get("country") or "").upper() == g.get(
            "country"
        ):
            return True
    return km((g["lat"], g["lon"]), (float(loc["lat"]), float(loc["lon"]))) <= radius


def count_agrees(gv, pv) -> bool:
    best = pv.get("best") if isinstance(pv, dict) else pv
    if gv is None:
        return best in (None, 0)
    if best is None:
        return isinstance(gv, dict) and bool(gv.get("allow_null"))
    if isinstance(gv, dict):
        return gv["low"] <= best <= gv["high"]
    return best == gv


def party_agrees(name, aliases, pv) -> bool:
    if name is None:
        return True
    if not pv:
        return False
    pt = tokens(pv.get("name")) | tokens(pv.get("text"))
    for cand in [name, *(aliases or [])]:
        ct = tokens(cand)
        if ct and (ct <= pt or pt <= ct and pt):
            return True
    return False


def match_score(g: dict, p: dict) -> float:
    if p.get("type") not in gold_types(g):
        return 0.0
    ev = evidence_overlap(g, p)
    when, where = date_agrees(g, p), place_agrees(g, p, 100)
    if ev >= 0.5 or (when and where):
        return ev + when + where
    return 0.0


@dataclass
class DocScore:
    doc_id: str
    core: int
    tp: int
    fp: int
    fn: int
    slots: dict[str, int]
    missed: list[str] = field(default_factory=list)
    spurious: list[tuple[str, str]] = field(default_factory=list)
    slot_misses: list[tuple[str, str, str]] = field(default_factory=list)
    claimed: int = 0
    """Matched core events whose gold names a claimant (gold files with ``attributed_to``)."""
    claimed_right: int = 0
    unclaimed: int = 0
    """Matched core events whose gold says the report's own voice (``attributed_to`` null)."""
    unclaimed_right: int = 0


def score_doc(gold: dict, preds: list[dict]) -> DocScore:
    events = gold["events"]
    g_used, p_used, matched = _match(events, preds)
    tp = [(g, p) for g, p in matched if g.get("core")]
    fp = [p for pi, p in enumerate(preds) if pi not in p_used]
    fn = [g for gi, g in enumerate(events) if g.get("core") and gi not in g_used]
    slots = dict.fromkeys(SLOTS, 0)
    slot_misses: list = []
    claims = [0, 0, 0, 0]
    for g, p in tp:
        _score_claimant(g, p, claims, slot_misses)
        _score_slots(g, p, slots, slot_misses)
    return DocScore(
        doc_id=gold["doc_id"],
        core=sum(1 for g in events if g.get("core")),
        tp=len(tp),
        fp=len(fp),
        fn=len(fn),
        slots=slots,
        missed=[(g.get("evidence") or "")[:90] for g in fn],
        spurious=[(p.get("type"), ((p.get("sources") or [{}])[0].get("sentence") or "")[:90]) for p in fp],
        slot_misses=slot_misses,
        claimed=claims[0],
        claimed_right=claims[1],
        unclaimed=claims[2],
        unclaimed_right=claims[3],
    )


def _match(events: list[dict], preds: list[dict]) -> tuple[set[int], set[int], list[tuple[dict, dict]]]:
    """Gold and predicted events paired greedily, best match first: (gold used, predicted used,
    the pairs)."""
    pairs = sorted(
        ((match_score(g, p), gi, pi) for gi, g in enumerate(events) for pi, p in enumerate(preds)),
        reverse=True,
    )
    g_used: set[int] = set()
    p_used: set[int] = set()
    matched = []
    for s, gi, pi in pairs:
        if s <= 0 or gi in g_used or pi in p_used:
            continue
        g_used.add(gi)
        p_used.add(pi)
        matched.append((events[gi], preds[pi]))
    return g_used, p_used, matched


def _score_claimant(g: dict, p: dict, claims: list[int], slot_misses: list) -> None:
    """Counts into *claims* (claimed, claimed right, unclaimed, unclaimed right) for one matched pair."""
    if "attributed_to" not in g:  # eventcoder's own gold field, not the reference scorer's
        return
    said = [s.get("attributed_to") for s in p.get("sources") or [] if s.get("attributed_to")]
    if g["attributed_to"] is None:
        claims[2] += 1
        claims[3] += not said
        return
    claims[0] += 1
    ok = any(party_agrees(g["attributed_to"], g.get("attributed_to_aliases"), {"name": n}) for n in said)
    claims[1] += ok
    if not ok:
        slot_misses.append(
            ("claimant", (g.get("evidence") or "")[:70], f"gold {g['attributed_to']} pred {said}")
        )


def _score_slots(g: dict, p: dict, slots: dict, slot_misses: list) -> None:
    """Counts into *slots* the slots one matched pair agrees on; notes the misses."""
    checks = {
        "date": date_exact(g, p),
        "place": place_agrees(g, p, 30),
        "fatalities": count_agrees(g.get("fatalities"), p.get("fatalities")),
        "injuries": count_agrees(g.get("injuries"), p.get("injuries")),
        "actor": party_agrees(g.get("actor"), g.get("actor_aliases"), p.get("actor")),
        "target": party_agrees(g.get("target"), g.get("target_aliases"), p.get("target")),
    }
    for k, ok in checks.items():
        slots[k] += ok
        if not ok:
            slot_misses.append((k, (g.get("evidence") or "")[:70], _slot_repr(k, g, p)))


def _slot_repr(k: str, g: dict, p: dict) -> str:
    if k == "date":
        pd = p.get("date") or {}
        return f"gold {g.get('date_start')}..{g.get('date_end')} pred {pd.get('start')}..{pd.get('end')}"
    if k == "place":
        loc = p.get("location") or {}
        return f"gold {g.get('location')} ({g.get('country')}) pred {loc.get('name')} ({loc.get('country')})"
    if k in ("fatalities", "injuries"):
        return f"gold {g.get(k)} pred {(p.get(k) or {}).get('best')}"
    party = p.get(k) or {}
    return f"gold {g.get(k)} pred {party.get('name')!r} / {party.get('text')!r}"


@dataclass
class Report:
    docs: list[DocScore]

    def total(self, key: str) -> int:
        return sum(getattr(d, key) for d in self.docs)

    @property
    def precision(self) -> float:
        tp, fp = self.total("tp"), self.total("fp")
        return tp / (tp + fp) if tp + fp else 0.0

    @property
    def recall(self) -> float:
        core = self.total("core")
        return self.total("tp") / core if core else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def slot_accuracy(self) -> dict[str, float]:
        tp = self.total("tp")
        return {k: (sum(d.slots[k] for d in self.docs) / tp if tp else 0.0) for k in SLOTS}

    def as_dict(self) -> dict:
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "slots": self.slot_accuracy,
            **{k: self.total(k) for k in ("core", "tp", "fp", "fn")},
        }

    def format(self, verbose: bool = False) -> str:
        lines = []
        for r in self.docs:
            lines.append(
                f"{r.doc_id:>10}  core {r.core:2}  tp {r.tp:2}  fp {r.fp:2}  fn {r.fn:2}  "
                + " ".join(f"{k}={v}" for k, v in r.slots.items())
            )
            if verbose:
                lines += [f"{'':12}missed: {m}" for m in r.missed]
                lines += [f"{'':12}spurious {t}: {s}" for t, s in r.spurious]
                lines += [f"{'':12}wrong {k}: {ev} :: {why}" for k, ev, why in r.slot_misses]
        lines.append(
            "slot accuracy on matched core events: "
            + " ".join(f"{k}={v:.2f}" for k, v in self.slot_accuracy.items())
        )
        lines.append(f"precision={self.precision:.2f} recall={self.recall:.2f} F1={self.f1:.2f}")
        if self.total("claimed") or self.total("unclaimed"):
            lines.append(
                f"claimants (eventcoder's gold field attributed_to): right on {self.claimant_accuracy:.2f} of "
                f"{self.total('claimed')} events with a claimant; none given on {self.unclaimed_accuracy:.2f} of "
                f"{self.total('unclaimed')} told in the report's own voice"
            )
        return "\n".join(lines)

    @property
    def claimant_accuracy(self) -> float:
        n = self.total("claimed")
        return self.total("claimed_right") / n if n else 0.0

    @property
    def unclaimed_accuracy(self) -> float:
        n = self.total("unclaimed")
        return self.total("unclaimed_right") / n if n else 0.0


def load_gold(paths) -> list[dict]:
    golds = []
    for gp in paths:
        try:
            with open(gp, encoding="utf-8") as f:
                golds.append(json.load(f))
        except (OSError, json.JSONDecodeError) as e:
            raise UsageError(f"cannot read gold file {gp}: {e}") from e
    return golds


def gold_ids(gold: dict) -> set[str]:
    ids = {gold["doc_id"]}
    if gold.get("file"):
        ids.add(re.sub(r"\.[^.]*$", "", gold["file"].split("/")[-1]))
    return ids


def score(preds: list[dict], golds: list[dict]) -> Report:
    """Score predicted records (JSON dicts) against gold documents."""
    docs = []
    for gold in golds:
        ids = gold_ids(gold)
        mine = [p for p in preds if any(s.get("doc_id") in ids for s in p.get("sources") or [])]
        docs.append(score_doc(gold, mine))
    return Report(docs)


def read_predictions(path: str | Path) -> list[dict]:
    try:
        with open(path, encoding="utf-8") as f:
            return [json.loads(line) for line in f if line.strip()]
    except (OSError, json.JSONDecodeError) as e:
        raise UsageError(f"cannot read predictions {path}: {e}") from e


# -- merging: B-cubed over the reports of each gold event ------------------------------------


@dataclass
class MergeReport:
    """B-cubed precision, recall and F1 of merged events against gold clusters of reports, with
    the same-event pairs of reports found in one merged event and the look-alikes kept apart."""

    precision: float
    recall: float
    mentions: int
    found: int
    """Gold mentions matched to a document-level event."""
    pairs: int = 0
    """Pairs of gold mentions, from two documents, of one event."""
    pairs_joined: int = 0
    """Those of them that ended in one merged event."""
    lookalikes: int = 0
    lookalikes_apart: int = 0
    """Look-alike pairs of gold events no merged event joins."""
    pairs_predicted: int = 0
    """Pairs of gold mentions, from two documents, that ended in one merged event (of one gold
    event or not)."""

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def pair_precision(self) -> float:
        """Of the pairs of gold mentions (two documents) put in one merged event, those of one
        gold event; 1.0 when none was joined."""
        return self.pairs_joined / self.pairs_predicted if self.pairs_predicted else 1.0

    @property
    def pair_recall(self) -> float:
        """Of the pairs of gold mentions (two documents) of one event, those joined."""
        return self.pairs_joined / self.pairs if self.pairs else 0.0

    @property
    def pair_f1(self) -> float:
        p, r = self.pair_precision, self.pair_recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def format(self) -> str:
        text = (
            f"merging (B-cubed over {self.mentions} gold reports, {self.found} found): "
            f"precision={self.precision:.2f} recall={self.recall:.2f} F1={self.f1:.2f}; "
            f"same-event pairs joined {self.pairs_joined} of {self.pairs}; pairwise "
            f"precision={self.pair_precision:.2f} recall={self.pair_recall:.2f} F1={self.pair_f1:.2f}"
        )
        if self.lookalikes:
            text += f"; look-alikes kept apart {self.lookalikes_apart} of {self.lookalikes}"
        return text


def _merged_event_of(m: dict, merged: list[dict], kind: str | None = None) -> str | None:
    """The merged event whose source of m's document (its sentence or one of its further tellings)
    overlaps m's evidence (or one of its " | " fragments) by half, the best; of those, one of the
    gold event's type *kind* first, as the event scorer matches only records of the gold's type
    (one sentence telling two events, "gunmen shot the mayor and police arrested two", gives each
    its own record, and each mention its own)."""
    frags = [f for f in (tokens(x) for x in m["evidence"].split(" | ")) if f]  # told across sentences
    found: list[tuple[bool, float, int, str]] = []
    for order, ev in enumerate(merged):
        best = max(
            (_overlap(frags, s) for s in ev.get("sources") or [] if s.get("doc_id") == m["doc_id"]),
            default=0.0,
        )
        if best >= 0.5:
            found.append((ev.get("type") == kind, best, -order, ev["id"]))
    return max(found)[3] if found else None


def _overlap(frags: list[set[str]], source: dict) -> float:
    """How much of the best fragment one source's sentence or further telling holds."""
    if not frags:
        return 0.0
    told = (source.get("sentence"), *(t.get("sentence") for t in source.get("tellings") or ()))
    return max(len(f & tokens(t)) / len(f) for t in told for f in frags)


def score_merge(gold: dict, merged: list[dict]) -> MergeReport:
    """Each gold mention (doc_id + evidence) is matched to the merged event that holds its
    report (a source of that document whose sentence overlaps the evidence by half, the best; one
    of the gold event's type first); B-cubed is computed over the matched mentions (an unmatched one is its own cluster)."""
    mentions = [(e["id"], m) for e in gold["events"] for m in e["mentions"]]
    kinds = {e["id"]: e.get("type") for e in gold["events"]}
    where = {
        (gid, m["doc_id"], m["evidence"]): _merged_event_of(m, merged, kinds[gid]) for gid, m in mentions
    }
    pred_of = {
        (gid, m["doc_id"], m["evidence"]): where[(gid, m["doc_id"], m["evidence"])]
        or f"none:{m['doc_id']}:{i}"
        for i, (gid, m) in enumerate(mentions)
    }
    keys = list(pred_of)
    p_sum = r_sum = 0.0
    for k in keys:
        same_pred = [x for x in keys if pred_of[x] == pred_of[k]]
        same_gold = [x for x in keys if x[0] == k[0]]
        both = [x for x in same_pred if x[0] == k[0]]
        p_sum += len(both) / len(same_pred)
        r_sum += len(both) / len(same_gold)
    across = [(a, b) for i, a in enumerate(keys) for b in keys[i + 1 :] if a[1] != b[1]]
    pairs = [(a, b) for a, b in across if a[0] == b[0]]
    held = {gid: {pred_of[k] for k in keys if k[0] == gid} for gid, _m in mentions}
    lookalikes = [tuple(p) for p in gold.get("lookalikes") or [] if len(p) == 2]
    n = len(keys)
    return MergeReport(
        p_sum / n if n else 0.0,
        r_sum / n if n else 0.0,
        n,
        sum(v is not None for v in where.values()),
        pairs=len(pairs),
        pairs_joined=sum(pred_of[a] == pred_of[b] for a, b in pairs),
        lookalikes=len(lookalikes),
        lookalikes_apart=sum(not (held.get(a, set()) & held.get(b, set())) for a, b in lookalikes),
        pairs_predicted=sum(pred_of[a] == pred_of[b] for a, b in across),
    )
