"""Emergent headline status evaluation: accuracy of the main-claim status vs simple baselines.

Each article headline in ``emergent/headlines_dev.csv`` is labelled for / against / observing
its claim. We map our statuses onto those labels: asserted -> for, denied -> against, hedged or
attributed -> observing, and report accuracy (target >= 0.80) next to two baselines measured in
the same run: the majority class and a small keyword rule ("deny|hoax|fake" -> against,
"report|claim|may|says" -> observing, else for).

Usage: .venv/bin/python benchmarks/eval_status.py [--limit N] [--errors N]
"""

from __future__ import annotations

import argparse
import csv
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


def load(limit: int | None = None) -> list[tuple[str, str]]:
    """(headline, gold label) pairs."""
    with data_path().open(encoding="utf-8", newline="") as fh:
        rows = [(r["articleHeadline"], r["articleHeadlineStance"]) for r in csv.DictReader(fh)]
    return rows[:limit] if limit else rows


_KW_AGAINST = re.compile(r"\b(?:den(?:y|ies|ied)|hoax|fake|false)\b", re.I)
_KW_OBSERVING = re.compile(r"\b(?:reports?|reported|claims?|may|says?)\b", re.I)


def keyword_baseline(headline: str) -> str:
    if _KW_AGAINST.search(headline):
        return "against"
    if _KW_OBSERVING.search(headline):
        return "observing"
    return "for"


def run(limit: int | None = None, errors: int = 0) -> dict[str, Any]:
    """Accuracy of ours and of the baselines (``{"ours": float, "majority": float, "keywords": float}``)."""
    from mistrust.extract.nlp import load_nlp
    from mistrust.extract.status import main_status

    rows = load(limit)
    if not rows:
        raise FileNotFoundError(f"no Emergent headlines in {data_path()}")
    nlp = load_nlp()
    majority = Counter(label for _, label in rows).most_common(1)[0][0]
    ours_ok = kw_ok = maj_ok = 0
    confusion: Counter[tuple[str, str]] = Counter()
    shown = 0
    t0 = time.perf_counter()
    for (headline, gold), doc in zip(rows, nlp.pipe((h for h, _ in rows), batch_size=64), strict=True):
        pred = LABEL_OF[main_status(doc)]
        confusion[(gold, pred)] += 1
        ours_ok += pred == gold
        kw_ok += keyword_baseline(headline) == gold
        maj_ok += majority == gold
        if pred != gold and shown < errors:
            shown += 1
            print(f"  gold={gold:<9} ours={pred:<9} {headline}")
    n = len(rows)
    return {
        "headlines": n,
        "seconds": round(time.perf_counter() - t0, 1),
        "target": TARGET,
        "ours": round(ours_ok / n, 3),
        "majority": round(maj_ok / n, 3),
        "keywords": round(kw_ok / n, 3),
        "confusion": {f"{g}->{p}": c for (g, p), c in sorted(confusion.items())},
    }


def print_table(result: dict[str, Any]) -> None:
    print(f"Emergent dev headlines: {result['headlines']} in {result['seconds']} s")
    print(f"{'metric':<18}{'ours':>8}{'majority':>10}{'keywords':>10}{'target':>8}  pass")
    ok = "yes" if result["ours"] >= result["target"] else "NO"
    print(f"{'status accuracy':<18}{result['ours']:>8.3f}{result['majority']:>10.3f}{result['keywords']:>10.3f}"
          f"{result['target']:>8.2f}  {ok}")
    print("confusion (gold->ours):", result["confusion"])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--errors", type=int, default=0, help="print this many misclassified headlines")
    args = ap.parse_args(argv)
    print_table(run(args.limit, args.errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
