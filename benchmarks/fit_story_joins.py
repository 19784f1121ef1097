"""Fit the story join model on half A of the labelled dev stories; write ``corroborate/join_weights.py``.

    PYTHONPATH=src .venv/bin/python benchmarks/fit_story_joins.py [--data ../shared/data] [--write]

Without ``--write`` it prints the weights it fits beside the shipped ones.

Pairs (teacher forcing): the dev articles are placed oldest first (undated last), as the clusterer
places them, but each article of half A goes to its labelled story (``StoryClusterer.force``);
before it does, every candidate story blocking finds inside its time window gives one pair,
labelled 1 when it is the article's labelled story. So the pairs are those the clusterer meets,
with the stories as they would be if every earlier join had been right. Only half A's articles
are placed (half A and B as ``corroboration_quality.py`` splits them, by a hash of the story
label): half B's labels are never read. Document frequencies are counted over every dev text
(no labels in that).

Model: logistic regression over ``joins.JOIN_FEATURES``, fitted by Newton's method on the log
loss with an L2 penalty ``L2`` on the weights (not the bias), a fixed number of steps from zero:
the same pairs give the same weights on every machine (rounded to 4 places). The pairs are not
reweighted, so the output is the share of right joins among candidates like it.

``L2`` (0.01) was chosen on half A: the features are not rescaled and a small cosine carries the
text evidence, so a penalty of 1 shrinks its weight until low-cosine pairs join (half A 0.928 at
1, 0.964 at 0.01).

Threshold: the join probability a document needs, chosen among ``THRESHOLDS`` by B-cubed F1 on
half A of a full clustering run with the fitted weights (ties to the one nearest 0.5).

``--claims`` adds the pairs of the claims set's half A (by story, as ``claims_quality.py`` draws
it; read as a user runs it, with extractions, so the central-claim feature can be learnt; ``--cache``
keeps the analysed set as ``corroboration_quality.py`` does) and prints the claims set's B-cubed F1
by story half next to dev's. stories-v9 tried it (README, "Story clustering"): it did not beat the
rules on the held-out halves, so the shipped weights are still dev half A's.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import zlib
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from corroboration_quality import bcubed  # noqa: E402
from mistrust.corroborate.joins import JOIN_FEATURES, JoinModel, fit_logistic  # noqa: E402
from mistrust.corroborate.stories import StoryClusterer, cluster, doc_features  # noqa: E402
from mistrust.model import Document  # noqa: E402

L2 = 0.01
STEPS = 50
THRESHOLDS = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7)
OUT = ROOT / "src" / "mistrust" / "corroborate" / "join_weights.py"


def dev_set(data: Path) -> tuple[list[Document], dict[str, str]]:
    recs = [json.loads(x) for x in open(data / "news" / "dev_articles.jsonl", encoding="utf-8")]
    gold = {d["id"]: d["story"] for d in map(json.loads, open(ROOT / "benchmarks" / "labels" / "stories.jsonl"))}
    docs = [Document(id=r["id"], text=r["text"], title=r["title"], outlet=r["outlet"], published=r["date"])
            for r in recs]
    return docs, gold


def half_a(gold: dict[str, str]) -> dict[str, str]:
    return {i: s for i, s in gold.items() if zlib.crc32(s.encode()) % 2 == 0}


def training_pairs(docs: list[Document], labels: dict[str, str],
                   extractions: list[Any] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(features, labels) of every candidate pair met while placing the labelled articles."""
    cl = StoryClusterer()
    feats = [doc_features(d, x) for d, x in zip(docs, extractions or [None] * len(docs), strict=True)]
    cl.observe(feats)
    xs: list[list[float]] = []
    ys: list[float] = []
    for f in sorted(feats, key=lambda f: (f.date is None, f.date or date.min, f.doc_id)):
        label = labels.get(f.doc_id)
        if label is None:
            continue
        dvec, _, spread, reachable = cl.reachable(f)
        for story in reachable:
            if cl.later_year(f, story):
                continue
            x = cl.pair_features(f, story, dvec, spread)
            xs.append([x[k] for k in JOIN_FEATURES])
            ys.append(float(story.id == f"label:{label}"))
        cl.force(f, f"label:{label}")
    return np.array(xs, dtype=float), np.array(ys, dtype=float)


def run(docs: list[Document], model: JoinModel) -> dict[str, str]:
    return {a.doc_id: a.story_id for a in cluster([(d, None) for d in docs], StoryClusterer(model=model))}


def claims_half_a(data: Path, cache: Path | None) -> tuple[list[tuple[Document, Any]], dict[str, str], dict[str, str]]:
    """The analysed claims set (document, extraction), the gold story of each document of half A,
    and of half B (never trained on; for the printout only)."""
    from claims_quality import halves as claims_halves
    from corroboration_quality import analysed_claims

    gold_all = json.loads((data / "claims" / "gold.json").read_text(encoding="utf-8"))
    half = {i: h for h, ids in claims_halves(gold_all).items() if h != "all" for i in ids}
    recs = analysed_claims(data, cache)
    labels = {h: {d.id: gold_all["stories"][r] for r, d, _ in recs if half[r] == h} for h in ("A", "B")}
    return [(d, x) for _, d, x in recs], labels["A"], labels["B"]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=Path(os.environ.get("MISTRUST_TEST_DATA", ROOT.parent / "shared" / "data")))
    ap.add_argument("--write", action="store_true", help="write the fitted model to corroborate/join_weights.py")
    ap.add_argument("--claims", action="store_true", help="also train on the claims set's half A (by story)")
    ap.add_argument("--cache", type=Path, help="keep the analysed claims set here (with --claims)")
    args = ap.parse_args()
    docs, gold = dev_set(args.data)
    train = half_a(gold)
    x, y = training_pairs(docs, train)
    print(f"pairs from half A: {len(y)} ({int(y.sum())} right joins)")
    claims = claims_half_a(args.data, args.cache) if args.claims else None
    if claims is not None:
        items, claims_a, _ = claims
        cx, cy = training_pairs([d for d, _ in items], claims_a, [e for _, e in items])
        print(f"pairs from the claims set's half A: {len(cy)} ({int(cy.sum())} right joins)")
        x, y = np.vstack([x, cx]), np.concatenate([y, cy])
    bias, w = fit_logistic(x, y, L2, STEPS)
    weights = {k: round(float(v), 4) for k, v in zip(JOIN_FEATURES, w, strict=True)}
    bias = round(bias, 4)
    shipped = JoinModel.fitted()
    print(f"  {'feature':<16} {'fitted':>8} {'shipped':>8}")
    for k in ("bias", *JOIN_FEATURES):
        new = bias if k == "bias" else weights[k]
        old = shipped.bias if k == "bias" else shipped.weights.get(k, 0.0)
        print(f"  {k:<16} {new:8.4f} {old:8.4f}")
    scores = []
    for t in THRESHOLDS:
        f1 = bcubed(run(docs, JoinModel(weights, bias, t)), train)[2]
        extra, both = "", f1
        if claims is not None:
            items, claims_a, claims_b = claims
            placed = {a.doc_id: a.story_id for a in cluster(items, StoryClusterer(model=JoinModel(weights, bias, t)))}
            ca, cb = bcubed(placed, claims_a)[2], bcubed(placed, claims_b)[2]
            both += ca  # chosen on both tuning halves
            extra = f"; claims half A {ca:.4f} (B, held out, {cb:.4f})"
        scores.append((both, -abs(t - 0.5), t))
        print(f"  threshold {t:.2f}: half A B3-F1 {f1:.4f}{extra}")
    threshold = max(scores)[2]
    print(f"threshold chosen on half A: {threshold}")
    if args.write:
        lines = ['"""Weights of the story join model (``joins.JoinModel``), fitted by ``benchmarks/fit_story_joins.py``.',
                 "",
                 f"Written by that script (with ``--write``) from {len(y)} candidate pairs ({int(y.sum())} right joins) met",
                 "while placing half A of the labelled dev stories; do not edit by hand: change the features or",
                 'the labels and run the script again.',
                 '"""',
                 "",
                 f"BIAS = {bias:.4f}",
                 "WEIGHTS = {",
                 *(f'    "{k}": {v:.4f},' for k, v in weights.items()),
                 "}",
                 f"THRESHOLD = {threshold}",
                 ""]
        OUT.write_text("\n".join(lines), encoding="utf-8")
        print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
