"""Train the attribution tagger (:mod:`mistrust.extract.attribution_model`) on brat-annotated articles.

The shipped weights come from::

    python -m mistrust.extract.attribution_training --data ../shared/data/polnear/train --skip 150

PolNeAR train (annotated ``Cue`` and ``Source`` spans, brat standoff), articles in file-name order,
one annotation per article (the first, as the benchmark scores), leaving out the first 150: those
are the second held-out check beside PolNeAR dev (``benchmarks/attribution_tagger.py``). The
learner is an averaged structured perceptron (Collins 2002) over the tagger's hashed features
(:mod:`mistrust.extract.attribution_features`), in numpy: no new dependency; about four minutes on
one core of the shared development machine (half parsing, half training); deterministic for a
given seed (the sentence order is shuffled with it each epoch): retraining gives the same weights,
1.6 MB gzipped.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from mistrust.extract.attribution import find_attributions, top_level
from mistrust.extract.attribution_features import BITS, doc_features
from mistrust.extract.attribution_model import LABELS, MODEL_PATH, Tagger, save_tagger, viterbi
from mistrust.extract.nlp import load_nlp

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

Spans = list[tuple[int, int]]
SEED = 17
EPOCHS = 8


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


def token_labels(tokens: Iterable[Token], cues: Spans, sources: Spans) -> list[int]:
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


Example = tuple[np.ndarray, list[int]]  # (tokens, templates) feature rows, gold labels


def examples(articles: Sequence[Article], use_rules: bool = True) -> Iterator[Example]:
    """(feature ids, gold labels) per sentence, parsing with the project's spaCy pipeline."""
    nlp = load_nlp()
    for art, doc in zip(articles, nlp.pipe((a.text for a in articles), batch_size=8), strict=True):
        yield from labelled(doc, art, use_rules)


def labelled(doc: Doc, article: Article, use_rules: bool = True) -> list[Example]:
    """(feature ids, gold labels) of each sentence of one parsed article."""
    found = find_attributions(doc)
    top = top_level(found, doc.text)
    return [(ids, token_labels(doc[first:end], article.cues, article.sources))
            for first, end, ids in doc_features(doc, found, top, use_rules)]


def train(data: Sequence[Example], epochs: int = EPOCHS, seed: int = SEED, use_rules: bool = True) -> Tagger:
    """Averaged structured perceptron over sentences; returns the averaged weights."""
    k = len(LABELS)
    w = np.zeros((1 << BITS, k), dtype=np.float64)
    w_acc = np.zeros_like(w)  # sum of (step * update), for the averaging trick
    t = np.zeros((k + 1, k), dtype=np.float64)
    t_acc = np.zeros_like(t)
    flat_w, flat_acc = w.reshape(-1), w_acc.reshape(-1)  # views: row * k + label
    order = list(range(len(data)))
    rng = random.Random(seed)
    step = 1
    for _ in range(epochs):
        rng.shuffle(order)
        for n in order:
            ids, gold = data[n]
            if not gold:
                continue
            pred = viterbi([w[ids].sum(axis=1)], t)[0]
            if pred != gold:
                g, p = np.asarray(gold), np.asarray(pred)
                wrong = np.flatnonzero(g != p)
                rows = ids[wrong] * k  # a feature listed twice for a token is updated twice (add.at)
                for labels, sign in ((g[wrong], 1.0), (p[wrong], -1.0)):
                    cells = (rows + labels[:, None]).ravel()
                    np.add.at(flat_w, cells, sign)
                    np.add.at(flat_acc, cells, sign * step)
                for i in range(len(gold)):
                    pg = gold[i - 1] if i else k
                    pp = pred[i - 1] if i else k
                    if (pg, gold[i]) != (pp, pred[i]):
                        t[pg, gold[i]] += 1.0
                        t[pp, pred[i]] -= 1.0
                        t_acc[pg, gold[i]] += step
                        t_acc[pp, pred[i]] -= step
            step += 1
    return Tagger((w - w_acc / step).astype(np.float32), (t - t_acc / step).astype(np.float32), use_rules)


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
    save_tagger(Tagger(tagger.weights, tagger.transitions, tagger.use_rules, meta), args.out)
    print(f"{len(articles)} articles, {len(data)} sentences; "
          f"parse {t1 - t0:.0f} s, train {time.perf_counter() - t1:.0f} s -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
