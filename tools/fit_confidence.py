"""Fit the confidence weights (src/eventcoder/data/en/confidence.toml) and print the calibration.

usage: PYTHONPATH=src python tools/fit_confidence.py [--fit] [--root tests/data]

Codes the real, dev, heldout and off-topic sets; a record is true when the scorer's matching pairs
it with a gold event (corpus/calibration.py), false otherwise (every off-topic record is false).
Without --fit, prints each set's calibration table (confidence bucket -> share true). With --fit,
fits a logistic regression with a small ridge over the features of document/confidence.py on real
and dev only (never real-heldout), prints the weights in confidence.toml's shape and the tables the
new weights would give.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

import numpy as np

from eventcoder import api
from eventcoder.corpus import suite as S
from eventcoder.corpus.calibration import Calibration
from eventcoder.document import confidence as C
from eventcoder.options import Options

FIT_SETS = ("real", "dev")
SHOW_SETS = ("real", "dev", "heldout", "offtopic")
SEEN: dict[str, dict[str, float]] = {}


def _capture() -> None:
    """Keep the features of each record the coder rates, by record id."""
    features = C.features

    def keep(r):
        f = features(r)
        SEEN[r.event.id] = f
        return f

    C.features = keep


def coded(root: Path, name: str) -> tuple[list[dict], list[dict]]:
    """(records, gold documents) of set *name*."""
    spec = next(s for s in S.SETS if s.name == name)
    inp = S.read_set(root, spec)
    events = api._code_dated(inp.paths, inp.published, Options(), False)
    return [e.to_json() for e in events], inp.golds


def fit(rows: list[tuple[dict[str, float], bool]], ridge: float = 1.0) -> tuple[float, dict[str, float]]:
    """Bias and weights of a ridge logistic regression (Newton's method) of truth on features."""
    names = [n for n, _f in C.FEATURES]
    X = np.hstack([np.ones((len(rows), 1)), np.array([[f.get(n, 0.0) for n in names] for f, _t in rows])])
    y = np.array([float(t) for _f, t in rows])
    penalty = ridge * np.diag(np.r_[0.0, np.ones(len(names))])
    w = np.zeros(X.shape[1])
    for _ in range(100):
        p = 1 / (1 + np.exp(-X @ w))
        step = np.linalg.solve(X.T @ (X * (p * (1 - p))[:, None]) + penalty, X.T @ (p - y) + penalty @ w)
        w -= step
        if np.abs(step).max() < 1e-9:
            break
    return round(float(w[0]), 2), {n: round(float(v), 2) for n, v in zip(names, w[1:], strict=True)}


def rescored(preds: list[dict], bias: float, w: dict[str, float]) -> list[dict]:
    out = []
    for p in preds:
        f = SEEN.get(p["id"])
        if f is not None:
            z = bias + sum(w.get(n, 0.0) * v for n, v in f.items())
            p = {**p, "confidence": 1 / (1 + math.exp(-z))}
        out.append(p)
    return out


def main(argv: list[str]) -> None:
    root = Path(argv[argv.index("--root") + 1]) if "--root" in argv else Path("tests/data")
    _capture()
    sets = {name: coded(root, name) for name in SHOW_SETS}
    if "--fit" in argv:
        rows = []
        for name in FIT_SETS:
            preds, golds = sets[name]
            truth = Calibration.of(preds, golds).rated
            rows += [(SEEN[p["id"]], t) for p, (_c, t) in zip(preds, truth, strict=True) if p["id"] in SEEN]
        bias, w = fit(rows)
        print(f"bias = {bias}\n\n[weights]\n" + "\n".join(f"{n} = {v}" for n, v in w.items()))
        sets = {name: (rescored(preds, bias, w), golds) for name, (preds, golds) in sets.items()}
    for name, (preds, golds) in sets.items():
        print(Calibration.of(preds, golds).format(name))


if __name__ == "__main__":
    main(sys.argv[1:])
