"""Emergent headline status evaluation: accuracy of the main-claim status vs simple baselines.

Each article headline in ``emergent/headlines_dev.csv`` is labelled for / against / observing
its claim. We map our statuses onto those labels: asserted -> for, denied -> against, hedged or
attributed -> observing, and report accuracy (target >= 0.80) next to two baselines measured in
the same run: the majority class and a small keyword rule ("deny|hoax|fake" -> against,
"report|claim|may|says" -> observing, else for).

Headlines are split into two halves by a stable hash of their claim id (all headlines of one
claim stay in one half), so a rule tuned on half ``a`` can be confirmed on half ``b``.

Usage: .venv/bin/python benchmarks/eval_status.py [--limit N] [--errors N] [--half a|b]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import os
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

TARGET = 0.80
LABEL_OF = {"asserted": "for", "denied": "against", "hedged": "observing", "attributed": "observing"}


def data_path() -> Path:
    root = Path(os.environ.get("MISTRUST_TEST_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))
    return root / "emergent" / "headlines_dev.csv"


def half_of(claim_id: str) -> str:
    """"a" or "b" from a stable hash of the claim id (not Python's salted ``hash``)."""
    return "ab"[hashlib.sha1(claim_id.encode("utf-8")).digest()[0] & 1]


def load(limit: int | None = None, half: str | None = None) -> list[tuple[str, str, str]]:
    """(headline, gold label, half) triples, optionally only one half."""
    with data_path().open(encoding="utf-8", newline="") as fh:
        rows = [(r["articleHeadline"], r["articleHeadlineStance"], half_of(r["claimId"])) for r in csv.DictReader(fh)]
    if half:
        rows = [r for r in rows if r[2] == half]
    return rows[:limit] if limit else rows


_KW_AGAINST = re.compile(r"\b(?:den(?:y|ies|ied)|hoax|fake|false)\b", re.I)
_KW_OBSERVING = re.compile(r"\b(?:reports?|reported|claims?|may|says?)\b", re.I)


def keyword_baseline(headline: str) -> str:
    if _KW_AGAINST.search(headline):
        return "against"
    if _KW_OBSERVING.search(headline):
        return "observing"
    return "for"


LABELS = ("for", "against", "observing")


def run(limit: int | None = None, errors: int = 0, half: str | None = None) -> dict[str, Any]:
    """Accuracy of ours and of the baselines (``{"ours": float, "majority": float, "keywords": float}``)."""
    from mistrust.extract.nlp import load_nlp
    from mistrust.extract.status import main_status

    rows = load(limit, half)
    if not rows:
        raise FileNotFoundError(f"no Emergent headlines in {data_path()}")
    nlp = load_nlp()
    majority = Counter(label for _, label, _ in rows).most_common(1)[0][0]
    ok: Counter[str] = Counter()  # "ours", "keywords", "majority", and per half "ours:a" / "n:a"
    confusion: Counter[tuple[str, str]] = Counter()
    shown = 0
    t0 = time.perf_counter()
    for (headline, gold, part), doc in zip(rows, nlp.pipe((h for h, _, _ in rows), batch_size=64), strict=True):
        pred = LABEL_OF[main_status(doc)]
        confusion[(gold, pred)] += 1
        ok["ours"] += pred == gold
        ok[f"ours:{part}"] += pred == gold
        ok[f"n:{part}"] += 1
        ok["keywords"] += keyword_baseline(headline) == gold
        ok[f"keywords:{part}"] += keyword_baseline(headline) == gold
        ok["majority"] += majority == gold
        if pred != gold and shown < errors:
            shown += 1
            print(f"  {part} gold={gold:<9} ours={pred:<9} {headline}")
    n = len(rows)
    halves = {p: {"n": ok[f"n:{p}"], "ours": round(ok[f"ours:{p}"] / ok[f"n:{p}"], 3),
                  "keywords": round(ok[f"keywords:{p}"] / ok[f"n:{p}"], 3)}
              for p in "ab" if ok[f"n:{p}"]}
    return {
        "headlines": n,
        "seconds": round(time.perf_counter() - t0, 1),
        "target": TARGET,
        "ours": round(ok["ours"] / n, 3),
        "majority": round(ok["majority"] / n, 3),
        "keywords": round(ok["keywords"] / n, 3),
        "halves": halves,
        "confusion": {f"{g}->{p}": c for (g, p), c in sorted(confusion.items())},
        "matrix": {g: {p: confusion[(g, p)] for p in LABELS} for g in LABELS},
    }


def print_table(result: dict[str, Any]) -> None:
    print(f"Emergent dev headlines: {result['headlines']} in {result['seconds']} s")
    print(f"{'metric':<18}{'ours':>8}{'majority':>10}{'keywords':>10}{'target':>8}  pass")
    ok = "yes" if result["ours"] >= result["target"] else "NO"
    print(f"{'status accuracy':<18}{result['ours']:>8.3f}{result['majority']:>10.3f}{result['keywords']:>10.3f}"
          f"{result['target']:>8.2f}  {ok}")
    for part, h in result.get("halves", {}).items():
        print(f"{'  half ' + part + ' (' + str(h['n']) + ')':<18}{h['ours']:>8.3f}{'':>10}{h['keywords']:>10.3f}"
              f"{result['target']:>8.2f}  {'yes' if h['ours'] >= result['target'] else 'NO'}")
    print("confusion (rows gold, columns ours):")
    print(f"  {'':<11}" + "".join(f"{p:>11}" for p in LABELS))
    for g in LABELS:
        print(f"  {g:<11}" + "".join(f"{result['matrix'][g][p]:>11}" for p in LABELS))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--errors", type=int, default=0, help="print this many misclassified headlines")
    ap.add_argument("--half", choices=("a", "b"), default=None,
                    help="only the headlines of one half (split by a stable hash of the claim id)")
    args = ap.parse_args(argv)
    print_table(run(args.limit, args.errors, args.half))
    return 0


if __name__ == "__main__":
    sys.exit(main())
