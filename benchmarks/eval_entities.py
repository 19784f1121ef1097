"""Entity micro-F1 on the re3d folders: mistrust's entity layer vs plain spaCy small, same run.

Scored types: Person, Organisation, Location, Nationality. Gold = re3d rows with confidence >= 0.5.
Match = overlap with the same type (a predicted span is correct when it overlaps a gold span of its
type; a gold span is found when a prediction of its type overlaps it). re3d's own guidelines decide
the mapping from our labels:

- a country used as an actor ("Syria has accused Israel") is an Organisation, a country as a place
  is a Location; our Country label is split with the same parse test the gazetteer uses;
- facilities ("the airport", "Fordow") are Locations in re3d;
- a people named as a group ("Syrians", "the Kurds" acting) is an Organisation, the adjective
  ("Syrian forces") a Nationality.

Run: ``.venv/bin/python benchmarks/eval_entities.py [--limit N]``. ``run()`` is imported by
``benchmarks/extraction_quality.py``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

TYPES = ("Person", "Organisation", "Location", "Nationality")
TARGET = 0.70
SYSTEMS = ("spacy-small", "mistrust", "mistrust+nominal")
Pred = tuple[int, int, str]


def data_dir() -> Path:
    raw = os.environ.get("MISTRUST_TEST_DATA")
    base = Path(raw) if raw else Path(__file__).resolve().parent.parent.parent / "shared" / "data"
    return base / "re3d"


def _jsonl(path: Path) -> Iterable[dict[str, Any]]:
    with path.open(encoding="utf-8-sig") as fh:
        for line in fh:
            line = line.strip()
            if line:
                yield json.loads(line)


def load_re3d(root: Path | None = None) -> list[tuple[str, str, list[Pred]]]:
    """(doc id, text, gold spans) for every re3d document in every folder."""
    root = root or data_dir()
    docs: list[tuple[str, str, list[Pred]]] = []
    for folder in sorted(p for p in root.iterdir() if (p / "documents.json").exists()):
        gold: dict[str, list[Pred]] = {}
        for row in _jsonl(folder / "entities.json"):
            if row["type"] in TYPES and float(row.get("confidence", 0)) >= 0.5:
                gold.setdefault(row["documentId"], []).append((int(row["begin"]), int(row["end"]), row["type"]))
        for doc in _jsonl(folder / "documents.json"):
            docs.append((doc["_id"], doc["text"], sorted(set(gold.get(doc["_id"], [])))))
    return docs


def score(gold_docs: list[list[Pred]], pred_docs: list[list[Pred]]) -> dict[str, Any]:
    tp_p: Counter[str] = Counter()
    n_p: Counter[str] = Counter()
    tp_g: Counter[str] = Counter()
    n_g: Counter[str] = Counter()
    for gold, pred in zip(gold_docs, pred_docs, strict=True):
        for s, e, t in pred:
            n_p[t] += 1
            if any(t == gt and s < ge and gs < e for gs, ge, gt in gold):
                tp_p[t] += 1
        for gs, ge, gt in gold:
            n_g[gt] += 1
            if any(t == gt and s < ge and gs < e for s, e, t in pred):
                tp_g[gt] += 1
    out: dict[str, Any] = {}
    for t in (*TYPES, "micro"):
        if t == "micro":
            a, b, c, d = sum(tp_p.values()), sum(n_p.values()), sum(tp_g.values()), sum(n_g.values())
        else:
            a, b, c, d = tp_p[t], n_p[t], tp_g[t], n_g[t]
        p = a / b if b else 0.0
        r = c / d if d else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        out[t] = {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), "gold": d, "pred": b}
    return out


_SPACY_MAP = {"PERSON": "Person", "ORG": "Organisation", "GPE": "Location", "LOC": "Location",
              "FAC": "Location", "NORP": "Nationality"}


def spacy_baseline(texts: list[str]) -> list[list[Pred]]:
    """Plain spaCy small NER, OntoNotes labels mapped one to one."""
    from mistrust.extract.nlp import load_nlp

    nlp = load_nlp()
    out = []
    for doc in nlp.pipe(texts, batch_size=16):
        out.append([(e.start_char, e.end_char, _SPACY_MAP[e.label_]) for e in doc.ents if e.label_ in _SPACY_MAP])
    return out


def mistrust_entities(texts: list[str], nominals: bool = False) -> list[list[Pred]]:
    """mistrust's entity layer (no lists loaded: the gazetteer and rules only). ``nominals`` adds
    pronoun and group-noun mentions ("we", "the regime"), which re3d annotates and the product
    leaves out by default."""
    from mistrust.extract.entities import EntityRecognizer
    from mistrust.extract.nlp import load_nlp

    nlp = load_nlp()
    rec = EntityRecognizer(nlp, nominals=nominals)
    out = []
    for doc in nlp.pipe(texts, batch_size=16):
        preds = []
        for r in rec(doc):
            t = re3d_type(r)
            if t is not None:
                preds.append((r.mention.start, r.mention.end, t))
        out.append(preds)
    return out


def re3d_type(rec: Any) -> str | None:
    """Our label -> re3d's type, following re3d's guidelines (see the module docstring)."""
    label = rec.mention.label
    if label == "Person":
        return "Person"
    if label == "Organization":
        return "Organisation"
    if label == "Country":
        return "Organisation" if rec.actor else "Location"
    if label in ("Location", "Facility"):
        return "Location"
    if label == "Nationality":
        return "Organisation" if rec.plural else "Nationality"
    return None


def run(limit: int | None = None) -> dict[str, Any]:
    docs = load_re3d()[:limit] if limit else load_re3d()
    texts = [text for _, text, _ in docs]
    gold = [g for _, _, g in docs]
    results: dict[str, Any] = {"documents": len(docs), "target": TARGET}
    systems: dict[str, Callable[[list[str]], list[list[Pred]]]] = {
        "spacy-small": spacy_baseline, "mistrust": mistrust_entities,
        "mistrust+nominal": lambda t: mistrust_entities(t, nominals=True)}
    for name, fn in systems.items():
        t0 = time.perf_counter()
        results[name] = score(gold, fn(texts))
        results[name]["seconds"] = round(time.perf_counter() - t0, 2)
    return results


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="only the first N documents")
    args = ap.parse_args(argv)
    if not data_dir().exists():
        print(f"re3d not found at {data_dir()} (set MISTRUST_TEST_DATA)", file=sys.stderr)
        return 2
    res = run(args.limit)
    print(f"re3d entity micro-F1 (overlap, confidence >= 0.5), {res['documents']} documents")
    print(f"{'type':<14}{'system':<18}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}{'pred':>7}")
    for t in (*TYPES, "micro"):
        for system in SYSTEMS:
            row = res[system][t]
            print(f"{t:<14}{system:<18}{row['precision']:>7.3f}{row['recall']:>7.3f}{row['f1']:>7.3f}"
                  f"{row['gold']:>7}{row['pred']:>7}")
    base = res["spacy-small"]["micro"]["f1"]
    for system in SYSTEMS[1:]:
        ours = res[system]["micro"]["f1"]
        print(f"micro-F1 {system} {ours:.3f} vs spaCy small {base:.3f} (baseline, same run); "
              f"target >= {TARGET:.2f}: {'PASS' if ours >= TARGET else 'FAIL'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
