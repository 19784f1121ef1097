"""PolNeAR attribution evaluation: source and cue F1 (overlap match), ours vs a "said"-only baseline.

Reads the brat ``.ann`` standoff files of a PolNeAR split (``dev`` by default; ``train`` is for
designing rules) from the shared data folder. A predicted span matches a gold span when their
character ranges overlap; matching is one-to-one (greedy, left to right), so a long predicted
span cannot claim several gold cues. Precision = matched predictions / predictions, recall =
matched gold spans / gold spans.

Usage: .venv/bin/python benchmarks/eval_attribution.py [--split dev|train] [--limit N]
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

TARGET = 0.70
Spans = list[tuple[int, int]]


def data_dir() -> Path:
    root = Path(os.environ.get("MISTRUST_TEST_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))
    return root / "polnear"


@dataclass
class Gold:
    text: str
    cues: list[Spans] = field(default_factory=list)  # one fragment list per attribution
    sources: list[Spans] = field(default_factory=list)


def parse_ann(ann: str) -> tuple[list[Spans], list[Spans]]:
    """Cue and source fragment lists of every ``Attribution`` relation in a brat file."""
    spans: dict[str, tuple[str, Spans]] = {}
    relations: list[dict[str, str]] = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            kind, _, ranges = parts[1].partition(" ")
            frags = [(int(a), int(b)) for a, b in (r.split() for r in ranges.split(";"))]
            spans[parts[0]] = (kind, frags)
        elif line.startswith("E") and len(parts) >= 2:
            roles = dict(p.split(":", 1) for p in parts[1].split())
            relations.append(roles)
    cues: list[Spans] = []
    sources: list[Spans] = []
    for rel in relations:
        if "Attribution" not in rel:
            continue
        if "Cue" in rel and rel["Cue"] in spans:
            cues.append(spans[rel["Cue"]][1])
        if "Source" in rel and rel["Source"] in spans:
            sources.append(spans[rel["Source"]][1])
    return cues, sources


def load(split: str = "dev", limit: int | None = None, offset: int = 0) -> list[Gold]:
    base = data_dir() / split
    out: list[Gold] = []
    seen: set[str] = set()
    for ann_path in sorted((base / "attributions").glob("*.ann")):
        # Annotation files carry the annotator id after the last "_" ("<article>_d473.ann"); an
        # article annotated by several people is scored once, on its first annotation.
        stem = ann_path.stem.rsplit("_", 1)[0]
        text_path = base / "text" / (stem + ".txt")
        if not text_path.exists() or stem in seen:
            continue
        if limit is not None and len(seen) >= limit + offset:
            break
        seen.add(stem)
        if len(seen) <= offset:
            continue
        cues, sources = parse_ann(ann_path.read_text(encoding="utf-8"))
        out.append(Gold(text_path.read_text(encoding="utf-8"), cues, sources))
    return out


def _overlaps(a: Spans, b: tuple[int, int]) -> bool:
    return any(s < b[1] and b[0] < e for s, e in a)


def score(gold: list[Spans], pred: list[tuple[int, int]]) -> tuple[int, int, int]:
    """(matched, n_gold, n_pred) with one-to-one overlap matching."""
    used: set[int] = set()
    matched = 0
    for g in gold:
        for j, p in enumerate(pred):
            if j not in used and _overlaps(g, p):
                used.add(j)
                matched += 1
                break
    return matched, len(gold), len(pred)


def prf(matched_g: int, n_gold: int, matched_p: int, n_pred: int) -> dict[str, float]:
    p = matched_p / n_pred if n_pred else 0.0
    r = matched_g / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}


_SAID = re.compile(r"\bsaid\b")
_SRC_BEFORE = re.compile(r"((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*|\b(?:he|she|they|officials?|it)\b)\s+$")
_SRC_AFTER = re.compile(r"^\s+((?:[A-Z][\w.'’-]*\s*){1,3})")


def baseline_predict(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The simple-rules baseline: every "said" is a cue; the capitalised words (or pronoun)
    right before it, else right after it, are the source."""
    cues: list[tuple[int, int]] = []
    sources: list[tuple[int, int]] = []
    for m in _SAID.finditer(text):
        cues.append(m.span())
        before = _SRC_BEFORE.search(text[max(0, m.start() - 80):m.start()])
        if before:
            off = max(0, m.start() - 80)
            sources.append((off + before.start(1), off + before.end(1)))
            continue
        after = _SRC_AFTER.match(text[m.end():m.end() + 80])
        if after:
            sources.append((m.end() + after.start(1), m.end() + after.end(1)))
    return cues, sources


def ours_predict(docs: Iterable[Any]) -> Iterable[tuple[list[tuple[int, int]], list[tuple[int, int]]]]:
    from mistrust.extract.attribution import find_attributions, top_level
    from mistrust.extract.attribution_model import apply_tagger

    for doc in docs:
        # PolNeAR is univocal (each token has one role in one attribution), so only the outermost
        # layer is annotated; attributions nested inside another's content are not scored. What
        # is scored is what the pipeline outputs: the rules corrected by the learned tagger (the
        # rules alone are a row of benchmarks/attribution_tagger.py).
        atts = top_level(apply_tagger(doc, find_attributions(doc)), doc.text)
        cues = [(a.cue.start, a.cue.end) for a in atts if a.cue is not None]
        srcs = [(a.source.start, a.source.end) for a in atts if a.source is not None]
        yield cues, srcs


def _accumulate(acc: dict[str, list[int]], key: str, gold: list[Spans], pred: list[tuple[int, int]]) -> None:
    mg, ng, _ = score(gold, pred)
    mp, npred, _ = score([[p] for p in pred], [s for g in gold for s in g])
    row = acc.setdefault(key, [0, 0, 0, 0])
    row[0] += mg
    row[1] += ng
    row[2] += mp
    row[3] += npred


def run(split: str = "dev", limit: int | None = None, offset: int = 0) -> dict[str, Any]:
    """Scores of ours and the baseline on a PolNeAR split (``{"ours": {...}, "baseline": {...}}``)."""
    from mistrust.extract.nlp import load_nlp

    golds = load(split, limit, offset)
    if not golds:
        raise FileNotFoundError(f"no PolNeAR articles under {data_dir() / split}")
    nlp = load_nlp()
    acc_ours: dict[str, list[int]] = {}
    acc_base: dict[str, list[int]] = {}
    t0 = time.perf_counter()
    docs = nlp.pipe((g.text for g in golds), batch_size=8)
    for gold, (cues, srcs) in zip(golds, ours_predict(docs), strict=True):
        _accumulate(acc_ours, "cue", gold.cues, cues)
        _accumulate(acc_ours, "source", gold.sources, srcs)
        bcues, bsrcs = baseline_predict(gold.text)
        _accumulate(acc_base, "cue", gold.cues, bcues)
        _accumulate(acc_base, "source", gold.sources, bsrcs)
    seconds = time.perf_counter() - t0
    return {
        "split": split,
        "articles": len(golds),
        "seconds": round(seconds, 1),
        "target": TARGET,
        "ours": {k: prf(*v) for k, v in acc_ours.items()},
        "baseline": {k: prf(*v) for k, v in acc_base.items()},
    }


def print_table(result: dict[str, Any]) -> None:
    print(f"PolNeAR {result['split']}: {result['articles']} articles, {result['seconds']} s")
    print(f"{'metric':<14}{'ours P':>8}{'ours R':>8}{'ours F1':>9}{'base F1':>9}{'target':>8}  pass")
    for key in ("source", "cue"):
        o, b = result["ours"][key], result["baseline"][key]
        ok = "yes" if o["f1"] >= result["target"] else "NO"
        print(f"{key + ' F1':<14}{o['precision']:>8.3f}{o['recall']:>8.3f}{o['f1']:>9.3f}{b['f1']:>9.3f}"
              f"{result['target']:>8.2f}  {ok}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev", choices=["dev", "train"])
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--offset", type=int, default=0, help="skip this many articles first")
    args = ap.parse_args(argv)
    print_table(run(args.split, args.limit, args.offset))
    return 0


if __name__ == "__main__":
    sys.exit(main())
