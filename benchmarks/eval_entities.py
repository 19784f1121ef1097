"""Entity micro-F1 on the re3d folders: mistrust's entity layer vs plain spaCy small, same run.

Scored types: Person, Organisation, Location, Nationality. Gold = re3d rows with confidence >= 0.5.
Match = overlap with the same type (a predicted span is correct when it overlaps a gold span of its
type; a gold span is found when a prediction of its type overlaps it). re3d's own guidelines decide
the mapping from our labels:

- a country used as an actor or body ("Syria has accused Israel", "U.S. support") is an
  Organisation, a country as a place is a Location; our Country label is split with the parse
  test the gazetteer uses (``Recognized.political``);
- facilities ("the airport", "Fordow") are Locations in re3d;
- a people named as a group ("Syrians", "the Kurds" acting) is an Organisation, the adjective
  ("Syrian forces") a Nationality.

Run: ``.venv/bin/python benchmarks/eval_entities.py [--limit N] [--half a|b|both] [--dump DIR]``
(half a = tuning, half b = held out, split by a hash of folder/document id). ``run()`` is imported by
``benchmarks/extraction_quality.py``.
"""

from __future__ import annotations

import argparse
import hashlib
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
            docs.append((f"{folder.name}/{doc['_id']}", doc["text"], sorted(set(gold.get(doc["_id"], [])))))
    return docs


def half_of(doc_key: str) -> str:
    """Stable split for tuning ("a") vs confirming ("b"): a hash of the document's folder and id,
    never of its position, so adding documents does not move the others."""
    return "a" if hashlib.sha256(doc_key.encode("utf-8")).digest()[0] % 2 == 0 else "b"


def dump_errors(out_dir: Path, docs: list[tuple[str, str, list[Pred]]], pred_docs: list[list[Pred]],
                system: str) -> None:
    """Missed gold and spurious predictions, one JSON line each with a little context."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with (out_dir / f"errors-{system}.jsonl").open("w", encoding="utf-8") as fh:
        for (doc_id, text, gold), pred in zip(docs, pred_docs, strict=True):
            def ctx(s: int, e: int, text: str = text) -> str:
                return text[max(0, s - 40):s] + "[[" + text[s:e] + "]]" + text[e:e + 40]
            for gs, ge, gt in gold:
                if not any(t == gt and s < ge and gs < e for s, e, t in pred):
                    other = [t for s, e, t in pred if s < ge and gs < e]
                    fh.write(json.dumps({"kind": "missed", "type": gt, "text": text[gs:ge], "predicted_as": other,
                                         "context": ctx(gs, ge), "doc": doc_id}) + "\n")
            for s, e, t in pred:
                if not any(t == gt and s < ge and gs < e for gs, ge, gt in gold):
                    other = [gt for gs, ge, gt in gold if s < ge and gs < e]
                    fh.write(json.dumps({"kind": "spurious", "type": t, "text": text[s:e], "gold_as": other,
                                         "context": ctx(s, e), "doc": doc_id}) + "\n")


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
        return "Organisation" if getattr(rec, "political", rec.actor) else "Location"
    if label in ("Location", "Facility"):
        return "Location"
    if label == "Nationality":
        return "Organisation" if rec.plural else "Nationality"
    return None


def run(limit: int | None = None, half: str | None = None, dump: Path | None = None,
        systems_wanted: tuple[str, ...] = SYSTEMS) -> dict[str, Any]:
    docs = load_re3d()
    if half:
        docs = [d for d in docs if half_of(d[0]) == half]
    docs = docs[:limit] if limit else docs
    texts = [text for _, text, _ in docs]
    gold = [g for _, _, g in docs]
    results: dict[str, Any] = {"documents": len(docs), "target": TARGET}
    systems: dict[str, Callable[[list[str]], list[list[Pred]]]] = {
        "spacy-small": spacy_baseline, "mistrust": mistrust_entities,
        "mistrust+nominal": lambda t: mistrust_entities(t, nominals=True)}
    for name, fn in systems.items():
        if name not in systems_wanted:
            continue
        t0 = time.perf_counter()
        preds = fn(texts)
        results[name] = score(gold, preds)
        results[name]["seconds"] = round(time.perf_counter() - t0, 2)
        if dump is not None:
            dump_errors(dump, docs, preds, name)
    return results


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="only the first N documents")
    ap.add_argument("--half", choices=("a", "b", "both"), default=None,
                    help="a: tuning half, b: held-out half (stable hash of the document), both: each in turn")
    ap.add_argument("--dump", type=Path, default=None, help="write missed/spurious spans per system here")
    ap.add_argument("--systems", default=",".join(SYSTEMS), help="comma-separated subset of " + ",".join(SYSTEMS))
    args = ap.parse_args(argv)
    if not data_dir().exists():
        print(f"re3d not found at {data_dir()} (set MISTRUST_TEST_DATA)", file=sys.stderr)
        return 2
    wanted = tuple(x for x in args.systems.split(",") if x in SYSTEMS)
    halves: list[str | None] = ["a", "b"] if args.half == "both" else [args.half]
    for half in halves:
        res = run(args.limit, half, args.dump, wanted)
        _print(res, half, wanted)
    return 0


def _print(res: dict[str, Any], half: str | None, wanted: tuple[str, ...]) -> None:
    where = f"half {half}, " if half else ""
    print(f"re3d entity micro-F1 (overlap, confidence >= 0.5), {where}{res['documents']} documents")
    print(f"{'type':<14}{'system':<18}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}{'pred':>7}")
    for t in (*TYPES, "micro"):
        for system in wanted:
            row = res[system][t]
            print(f"{t:<14}{system:<18}{row['precision']:>7.3f}{row['recall']:>7.3f}{row['f1']:>7.3f}"
                  f"{row['gold']:>7}{row['pred']:>7}")
    base = res["spacy-small"]["micro"]["f1"] if "spacy-small" in res else float("nan")
    for system in wanted:
        if system == "spacy-small":
            continue
        ours = res[system]["micro"]["f1"]
        print(f"micro-F1 {system} {ours:.3f} vs spaCy small {base:.3f} (baseline, same run); "
              f"target >= {TARGET:.2f}: {'PASS' if ours >= TARGET else 'FAIL'}")


if __name__ == "__main__":
    sys.exit(main())
