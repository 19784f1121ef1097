"""Extraction quality in one table: entities (re3d), attribution (PolNeAR dev), status (Emergent dev).

Runs the three evaluations in this process, each with its baseline measured in the same run, and
prints one table with the targets of the reading-reports issue:

- entity micro-F1, Person/Organisation/Location/Nationality, overlap match (target >= 0.70;
  baseline plain spaCy small NER) -- from ``benchmarks/eval_entities.py`` when present;
- attribution source and cue F1, overlap match (target >= 0.70; baseline "said"-only rule);
- main-claim status accuracy on headlines (target >= 0.80; baselines majority class, keywords).

Usage: .venv/bin/python benchmarks/extraction_quality.py [--limit N] [--json]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def _load(name: str) -> Any | None:
    path = HERE / f"{name}.py"
    if not path.exists():
        return None
    spec = importlib.util.spec_from_file_location(f"_bench_{name}", path)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def run(limit: int | None = None) -> dict[str, Any]:
    """All three evaluations; a missing one is reported as such, never silently dropped."""
    out: dict[str, Any] = {}
    for key, name, kwargs in (("entities", "eval_entities", {"limit": limit}),
                              ("attribution", "eval_attribution", {"split": "dev", "limit": limit}),
                              ("status", "eval_status", {"limit": limit})):
        module = _load(name)
        if module is None or not hasattr(module, "run"):
            out[key] = {"error": f"benchmarks/{name}.py with run() not found"}
            continue
        try:
            out[key] = module.run(**kwargs)
        except FileNotFoundError as exc:
            out[key] = {"error": str(exc)}
    return out


def rows(result: dict[str, Any]) -> list[tuple[str, float | None, float | None, str, float]]:
    """(metric, ours, baseline, baseline name, target) rows."""
    table: list[tuple[str, float | None, float | None, str, float]] = []
    ent = result.get("entities", {})
    if "error" not in ent:
        ours = ent.get("mistrust", {}).get("micro", {}).get("f1")
        base = ent.get("spacy-small", {}).get("micro", {}).get("f1")
        nominal = ent.get("mistrust+nominal", {}).get("micro", {}).get("f1")
        # re3d's guidelines annotate pronouns and group nouns ("we", "the regime") as entities; the
        # product leaves them out of the actor list, so both modes are printed: the re3d convention
        # (what the corpus measures) and the product default.
        table.append(("entity micro-F1 (re3d, re3d convention)", nominal, base, "spaCy small",
                      float(ent.get("target", 0.70))))
        table.append(("entity micro-F1 (re3d, product default)", ours, base, "spaCy small",
                      float(ent.get("target", 0.70))))
    att = result.get("attribution", {})
    if "error" not in att:
        for key in ("source", "cue"):
            table.append((f"attribution {key} F1 (PolNeAR dev)", att["ours"][key]["f1"], att["baseline"][key]["f1"],
                          '"said" rule', float(att["target"])))
    sta = result.get("status", {})
    if "error" not in sta:
        table.append(("status accuracy (Emergent dev)", sta["ours"], sta["keywords"], "keywords",
                      float(sta["target"])))
        table.append(("  (majority-class baseline)", None, sta["majority"], "majority", float(sta["target"])))
    return table


def print_table(result: dict[str, Any]) -> None:
    print(f"{'metric':<36}{'ours':>8}{'baseline':>10}  {'baseline is':<14}{'target':>7}  pass")
    for metric, ours, base, base_name, target in rows(result):
        o = f"{ours:.3f}" if ours is not None else "-"
        b = f"{base:.3f}" if base is not None else "-"
        ok = "" if ours is None else ("yes" if ours >= target else "NO")
        print(f"{metric:<36}{o:>8}{b:>10}  {base_name:<14}{target:>7.2f}  {ok}")
    for key, value in result.items():
        if isinstance(value, dict) and "error" in value:
            print(f"{key}: not measured ({value['error']})")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="documents per evaluation (quick runs)")
    ap.add_argument("--json", action="store_true", help="print the raw results as JSON as well")
    args = ap.parse_args(argv)
    result = run(args.limit)
    print_table(result)
    if args.json:
        print(json.dumps(result, indent=2, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
