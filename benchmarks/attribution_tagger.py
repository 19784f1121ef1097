"""Attribution cues and sources: the rules, the learned tagger and their combination, in one table.

Scored as ``benchmarks/eval_attribution.py`` scores (its loader and one-to-one overlap matching),
on PolNeAR dev and on PolNeAR train's first 150 articles. The tagger is trained on train after
those 150 (``python -m mistrust.extract.attribution_training``), so both sets are held out from it.
Rows:

- ``"said" rule``: every "said" a cue, the capitalised words next to it the source (baseline);
- ``rules``: ``attribution-v1``'s top layer (``find_attributions`` + ``top_level``);
- ``learned, no rules``: the tagger's features without the rules' output, trained in this run;
- ``learned + rules``: the shipped tagger, whose features include what the rules said;
- ``rules + tagger``: what the pipeline outputs (``apply_tagger``): the rules' attributions with
  the tagger's say on which top-level cues stand, their sources, and cues the rules missed.

``--no-retrain`` skips the in-run training (the "no rules" row, and the check that retraining the
shipped tagger from its script reproduces its weights).

Usage: .venv/bin/python benchmarks/attribution_tagger.py [--no-retrain]
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import eval_attribution as ea  # noqa: E402

HELD_OUT = 150
TARGET = 0.75
MAX_GAP = 0.03
Pairs = tuple[list[tuple[int, int]], list[tuple[int, int]]]


def _spans(atts: list[Any]) -> Pairs:
    return ([(a.cue.start, a.cue.end) for a in atts if a.cue is not None],
            [(a.source.start, a.source.end) for a in atts if a.source is not None])


def run(retrain: bool = True) -> dict[str, Any]:
    from mistrust.extract.attribution import find_attributions, top_level
    from mistrust.extract.attribution_model import MODEL_PATH, apply_tagger, load_tagger, tag_spans
    from mistrust.extract.attribution_training import EPOCHS, SEED, labelled, read_articles, train
    from mistrust.extract.nlp import load_nlp

    t0 = time.perf_counter()
    nlp = load_nlp()
    sets = {"dev": ea.load("dev"), "train150": ea.load("train", HELD_OUT)}
    docs = {name: list(nlp.pipe((g.text for g in golds), batch_size=8)) for name, golds in sets.items()}
    rules = {id(d): find_attributions(d) for ds in docs.values() for d in ds}
    shipped = load_tagger(MODEL_PATH)
    systems: dict[str, Callable[[Any], Pairs]] = {
        '"said" rule': lambda d: ea.baseline_predict(d.text),
        "rules": lambda d: _spans(top_level(rules[id(d)], d.text)),
    }
    notes: list[str] = []
    if retrain:
        articles = read_articles(ea.data_dir() / "train", skip=HELD_OUT)
        both: dict[bool, list[Any]] = {True: [], False: []}
        for art, doc in zip(articles, nlp.pipe((a.text for a in articles), batch_size=8), strict=True):
            for use_rules in both:
                both[use_rules].extend(labelled(doc, art, use_rules))
        plain = train(both[False], EPOCHS, SEED, use_rules=False)
        systems["learned, no rules"] = lambda d: tag_spans(d, rules[id(d)], plain)
        again = train(both[True], EPOCHS, SEED, use_rules=True)
        same = bool((again.weights == shipped.weights).all() and (again.transitions == shipped.transitions).all())
        notes.append(f"retrained from the script on {len(articles)} articles: shipped weights "
                     f"{'reproduced' if same else 'NOT reproduced'}")
    systems["learned + rules"] = lambda d: tag_spans(d, rules[id(d)], shipped)
    systems["rules + tagger"] = lambda d: _spans(top_level(apply_tagger(d, rules[id(d)], shipped), d.text))
    scores: dict[str, dict[str, dict[str, dict[str, float]]]] = {}
    for name, predict in systems.items():
        for split, golds in sets.items():
            acc: dict[str, list[int]] = {}
            for gold, doc in zip(golds, docs[split], strict=True):
                cues, sources = predict(doc)
                ea._accumulate(acc, "cue", gold.cues, cues)
                ea._accumulate(acc, "source", gold.sources, sources)
            scores.setdefault(name, {})[split] = {k: ea.prf(*v) for k, v in acc.items()}
    return {"scores": scores, "notes": notes, "seconds": round(time.perf_counter() - t0, 1),
            "articles": {k: len(v) for k, v in sets.items()}}


def print_table(result: dict[str, Any]) -> None:
    n = result["articles"]
    print(f"PolNeAR attribution, overlap F1 (P/R): dev {n['dev']} articles, train's first {n['train150']} "
          f"(held out from training); {result['seconds']} s")
    print(f"{'system':<20}{'dev source':>20}{'dev cue':>20}{'train150 source':>20}{'train150 cue':>20}  "
          f"target (>= {TARGET} on dev, gap <= {MAX_GAP})")
    for name, by_split in result["scores"].items():
        cells = []
        for split in ("dev", "train150"):
            for key in ("source", "cue"):
                s = by_split[split][key]
                cells.append(f"{s['f1']:.3f} ({s['precision']:.2f}/{s['recall']:.2f})")
        dev, held = by_split["dev"], by_split["train150"]
        ok = all(dev[k]["f1"] >= TARGET and abs(dev[k]["f1"] - held[k]["f1"]) <= MAX_GAP for k in ("source", "cue"))
        print(f"{name:<20}" + "".join(f"{c:>20}" for c in cells) + f"  {'met' if ok else 'not met'}")
    for note in result["notes"]:
        print(note)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-retrain", action="store_true", help="skip training in this run")
    args = ap.parse_args(argv)
    print_table(run(retrain=not args.no_retrain))
    return 0


if __name__ == "__main__":
    sys.exit(main())
