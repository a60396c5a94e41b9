"""The model's lemmatizer against eventcoder's memoised one (nlp/fast_lemmas.py), CPU seconds.

    python bench/lemma_bench.py [CORPUS.jsonl] [--docs 600]

Two measures, each in this one process, so that both sides meet the same load (on a shared machine
the CPU time of separate runs varies by 10% or more from one minute to the next):

* the component alone, on the documents parsed once without it: the model's lemmatizer and the
  memoised one, each with its memory emptied (cold: every word new) and kept (warm), alternating;
  the lemmas are checked equal;
* two whole pipelines (``get_nlp``: the sentence stage included), the model's lemmatizer in one and
  the memoised one in the other, fed the same documents in batches of 5, alternating which goes
  first: the CPU seconds of each, summed.

Without CORPUS, distinct documents made as ``speed_bench.py`` makes them (another seed).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import speed_bench  # noqa: E402

MODEL = speed_bench.MODEL


def _texts(path: str | None, n: int) -> list[str]:
    if path:
        return [json.loads(line)["text"] for line in open(path, encoding="utf-8")]
    return [d["text"] for d in speed_bench.corpus(n, seed=77)]


def component(texts: list[str], rounds: int = 3) -> dict:
    """CPU seconds of the lemmatizer alone, the model's and the memoised, cold and warm."""
    import spacy

    from eventcoder.nlp.fast_attributes import speed_up
    from eventcoder.nlp.fast_lemmas import FastLemmas

    nlp = spacy.load(MODEL)
    speed_up(nlp)
    stock = nlp.get_pipe("lemmatizer")
    fast = FastLemmas(spacy.load(MODEL).get_pipe("lemmatizer"))
    with nlp.select_pipes(disable=["lemmatizer", "ner"]):
        docs = list(nlp.pipe(texts))
    out: dict = {"tokens": sum(len(d) for d in docs)}
    for cold in (True, False):
        for _r in range(rounds):
            for name, comp in (("model", stock), ("memoised", fast)):
                if cold:
                    stock.cache.clear()
                    fast._lemmas.clear()
                    fast.lemmatizer.cache.clear()
                copies = [d.copy() for d in docs]
                t = time.process_time()
                done = [comp(d) for d in copies]
                out.setdefault(f"{name} {'cold' if cold else 'warm'}", []).append(time.process_time() - t)
                lemmas = [[t.lemma_ for t in d] for d in done]
                if name == "model":
                    want = lemmas
                elif lemmas != want:
                    raise SystemExit("the memoised lemmas differ from the model's")
        print(f"{'cold' if cold else 'warm'}: done", file=sys.stderr)
    out["distinct (orth, pos, morph)"] = len(fast._lemmas)
    return out


def pipelines(texts: list[str], batch: int = 5) -> dict:
    """CPU seconds of two whole pipelines, the model's lemmatizer and the memoised, interleaved."""
    from eventcoder import pipeline
    from eventcoder.nlp import fast_lemmas

    fast = pipeline.get_nlp(MODEL)
    pipeline.get_nlp.cache_clear()
    keep = fast_lemmas.speed_up_lemmas
    fast_lemmas.speed_up_lemmas = lambda nlp: None
    try:
        slow = pipeline.get_nlp(MODEL)
    finally:
        fast_lemmas.speed_up_lemmas = keep
        pipeline.get_nlp.cache_clear()
    for nlp in (fast, slow):
        for _ in nlp.pipe(speed_bench._warm_texts()):
            pass
    cpu = {"memoised": 0.0, "model": 0.0}
    for k in range(0, len(texts), batch):
        both = [("memoised", fast), ("model", slow)]
        for name, nlp in both if (k // batch) % 2 == 0 else both[::-1]:
            t = time.process_time()
            with nlp.memory_zone():
                for _ in nlp.pipe(texts[k : k + batch]):
                    pass
            cpu[name] += time.process_time() - t
    return cpu


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?")
    ap.add_argument("--docs", type=int, default=600, help="documents made when no corpus is given")
    args = ap.parse_args()
    texts = _texts(args.corpus, args.docs)
    comp = component(texts)
    print(
        f"{len(texts)} documents, {comp.pop('tokens'):,} tokens, {comp.pop('distinct (orth, pos, morph)'):,} distinct"
    )
    for name, values in comp.items():
        print(f"  lemmatizer alone, {name}: {min(values):.3f} CPU s (best of {len(values)})")
    cpu = pipelines(texts)
    saving = 1 - cpu["memoised"] / cpu["model"]
    print(
        f"  whole pipelines, interleaved: model {cpu['model']:.2f} CPU s, memoised {cpu['memoised']:.2f} ({saving:.1%} less)"
    )


if __name__ == "__main__":
    main()
