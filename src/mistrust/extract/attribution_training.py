"""Train the attribution tagger (:mod:`mistrust.extract.attribution_model`) on brat-annotated articles.

The shipped weights come from::

    python -m mistrust.extract.attribution_training --data ../shared/data/polnear/train --skip 150

PolNeAR train (annotated ``Cue`` and ``Source`` spans, brat standoff), articles in file-name order,
one annotation per article (the first, as the benchmark scores), leaving out the first 150: those
are the second held-out check beside PolNeAR dev (``benchmarks/attribution_tagger.py``). The
learner is an averaged structured perceptron (Collins 2002) over the tagger's sparse features, in
numpy: no new dependency, a few minutes on one CPU core, deterministic for a given seed (the
article order is shuffled with it each epoch), weights of a few MB.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from mistrust.extract.attribution import find_attributions
from mistrust.extract.attribution_model import LABELS, MODEL_PATH, Tagger, doc_features, save_tagger, viterbi
from mistrust.extract.nlp import load_nlp

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

Spans = list[tuple[int, int]]
SEED = 17
EPOCHS = 8
MIN_COUNT = 2  # features seen once are noise and weight


@dataclass
class Article:
    name: str
    text: str
    cues: Spans  # every fragment of every gold cue
    sources: Spans


def read_ann(ann: str) -> tuple[Spans, Spans]:
    """Cue and source fragments of a brat ``.ann`` file (``T`` lines; ``start end;start end`` ranges)."""
    cues: Spans = []
    sources: Spans = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if not line.startswith("T") or len(parts) < 2:
            continue
        kind, _, ranges = parts[1].partition(" ")
        if kind not in ("Cue", "Source"):
            continue
        frags = [(int(a), int(b)) for a, b in (r.split() for r in ranges.split(";"))]
        (cues if kind == "Cue" else sources).extend(frags)
    return cues, sources


def read_articles(split_dir: Path, skip: int = 0, limit: int | None = None) -> list[Article]:
    """Articles of a brat folder (``text/*.txt`` beside ``attributions/*.ann``) in file-name order.

    Annotation files carry the annotator after the last "_" ("<article>_d473.ann"); an article
    annotated twice counts once, with its first file. The first ``skip`` articles are left out.
    """
    out: list[Article] = []
    seen: set[str] = set()
    for ann_path in sorted((split_dir / "attributions").glob("*.ann")):
        stem = ann_path.stem.rsplit("_", 1)[0]
        text_path = split_dir / "text" / (stem + ".txt")
        if stem in seen or not text_path.exists():
            continue
        seen.add(stem)
        if len(seen) <= skip:
            continue
        if limit is not None and len(out) >= limit:
            break
        cues, sources = read_ann(ann_path.read_text(encoding="utf-8"))
        out.append(Article(stem, text_path.read_text(encoding="utf-8"), cues, sources))
    return out


def token_labels(tokens: Sequence[Token], cues: Spans, sources: Spans) -> list[int]:
    """Gold label index of each token: inside a cue or source fragment, ``B-`` at its first token."""
    labels: list[int] = []
    prev: tuple[int, int] | None = None
    for tok in tokens:
        lo, hi = tok.idx, tok.idx + len(tok.text)
        frag, kind = None, ""
        for spans, name in ((cues, "CUE"), (sources, "SRC")):
            for s, e in spans:
                if s < hi and lo < e:
                    frag, kind = (s, e), name
                    break
            if frag is not None:
                break
        if frag is None:
            labels.append(0)
        else:
            labels.append(LABELS.index(("I-" if frag == prev else "B-") + kind))
        prev = frag
    return labels


def examples(articles: Sequence[Article], use_rules: bool = True) -> Iterator[tuple[list[list[str]], list[int]]]:
    """(token features, gold labels) per sentence, parsing with the project's spaCy pipeline."""
    nlp = load_nlp()
    for art, doc in zip(articles, nlp.pipe((a.text for a in articles), batch_size=8), strict=True):
        yield from labelled(doc, art, use_rules)


def labelled(doc: Doc, article: Article, use_rules: bool = True) -> list[tuple[list[list[str]], list[int]]]:
    """(token features, gold labels) of each sentence of one parsed article."""
    return [(feats, token_labels(toks, article.cues, article.sources))
            for toks, feats in doc_features(doc, find_attributions(doc), use_rules)]


def train(data: Sequence[tuple[list[list[str]], list[int]]], epochs: int = EPOCHS, seed: int = SEED,
          min_count: int = MIN_COUNT, use_rules: bool = True) -> Tagger:
    """Averaged structured perceptron over sentences; returns the averaged weights."""
    counts = Counter(f for feats, _ in data for tok in feats for f in tok)
    names = sorted(f for f, c in counts.items() if c >= min_count)
    index = {f: i for i, f in enumerate(names)}
    k = len(LABELS)
    # One flat id array per sentence plus each token's offset: emissions are one reduceat.
    flat: list[np.ndarray] = []
    offsets: list[np.ndarray] = []
    for feats, _ in data:
        per_token = [[index[f] for f in tok if f in index] or [index["bias"]] for tok in feats]
        flat.append(np.asarray([j for tok in per_token for j in tok], dtype=np.int64))
        offsets.append(np.cumsum([0] + [len(tok) for tok in per_token[:-1]]))
    w = np.zeros((len(names), k), dtype=np.float64)
    w_acc = np.zeros_like(w)  # sum of (step * update), for the averaging trick
    t = np.zeros((k + 1, k), dtype=np.float64)
    t_acc = np.zeros_like(t)
    order = list(range(len(data)))
    rng = random.Random(seed)
    step = 1
    for _ in range(epochs):
        rng.shuffle(order)
        for n in order:
            gold = data[n][1]
            if not gold:
                continue
            emis = np.add.reduceat(w[flat[n]], offsets[n], axis=0)
            pred = viterbi(emis, t)
            if pred != gold:
                bounds = [*offsets[n].tolist(), len(flat[n])]
                for i, (g, p) in enumerate(zip(gold, pred, strict=True)):
                    if g != p:
                        ids = flat[n][bounds[i]:bounds[i + 1]]
                        # Column views: a feature listed twice for a token is updated twice.
                        np.add.at(w[:, g], ids, 1.0)
                        np.add.at(w[:, p], ids, -1.0)
                        np.add.at(w_acc[:, g], ids, step)
                        np.add.at(w_acc[:, p], ids, -step)
                    pg = gold[i - 1] if i else k
                    pp = pred[i - 1] if i else k
                    if (pg, g) != (pp, p):
                        t[pg, g] += 1.0
                        t[pp, p] -= 1.0
                        t_acc[pg, g] += step
                        t_acc[pp, p] -= step
            step += 1
    avg_w = (w - w_acc / step).astype(np.float32)
    avg_t = (t - t_acc / step).astype(np.float32)
    keep = np.flatnonzero(np.abs(avg_w).max(axis=1) > 1e-6)
    kept_index = {names[j]: i for i, j in enumerate(keep)}
    return Tagger(kept_index, avg_w[keep], avg_t, use_rules)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True, help="brat folder with text/ and attributions/")
    ap.add_argument("--skip", type=int, default=0, help="leave out this many articles first (held out)")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--epochs", type=int, default=EPOCHS)
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--no-rules", action="store_true", help="do not use the rules' output as features")
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    articles = read_articles(args.data, args.skip, args.limit)
    if not articles:
        print(f"no annotated articles under {args.data}", file=sys.stderr)
        return 2
    data = list(examples(articles, use_rules=not args.no_rules))
    t1 = time.perf_counter()
    tagger = train(data, args.epochs, args.seed, use_rules=not args.no_rules)
    meta = {"trained_on": f"{args.data.name}: {len(articles)} articles after the first {args.skip}",
            "epochs": args.epochs, "seed": args.seed}
    save_tagger(Tagger(tagger.index, tagger.weights, tagger.transitions, tagger.use_rules, meta), args.out)
    print(f"{len(articles)} articles, {len(data)} sentences, {len(tagger.index)} features; "
          f"parse {t1 - t0:.0f} s, train {time.perf_counter() - t1:.0f} s -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
