"""Draw a random sample of the claims a dump reads as denied or hedged, for judging by hand.

Reads an ``extraction_identity.py`` dump (the claims set's articles first, then dev news) and
samples only the dev news part: unlabelled articles, so that judging them tunes nothing on the
claims set's halves. With ``--changed OTHER`` it lists the claims whose status differs between the
two dumps (same article, sentence and pair), for judging a change.

Run: ``.venv/bin/python benchmarks/status_sample.py before.jsonl --status denied --n 60 --seed 5``
     ``.venv/bin/python benchmarks/status_sample.py before.jsonl --changed after.jsonl``
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path
from typing import Any

CLAIMS_ARTICLES = 113  # the dump's first lines are the claims set (see extraction_identity.articles)


def news_claims(dump: Path) -> dict[tuple[Any, ...], dict[str, Any]]:
    """The dev news claims of a dump, keyed by article, sentence start and pair."""
    out: dict[tuple[Any, ...], dict[str, Any]] = {}
    lines = dump.read_text(encoding="utf-8").splitlines()[CLAIMS_ARTICLES:]
    for line in lines:
        ext = json.loads(line)
        for c in ext["claims"]:
            key = (ext["doc_id"], c["start"], c["predicate"], c["subject"], c["object"])
            out[key] = c
    return out


def describe(c: dict[str, Any]) -> str:
    att = c.get("attribution") or {}
    source = (att.get("source") or {}).get("text", "")
    return f"{c['predicate']}({c['subject']} -> {c['object']}) {c['status']} [{source}]\n    {c['text'][:400]}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dump", type=Path)
    ap.add_argument("--status", default="denied")
    ap.add_argument("--n", type=int, default=60)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--changed", type=Path, help="a second dump: list the claims whose status differs")
    args = ap.parse_args(argv)
    claims = news_claims(args.dump)
    if args.changed is not None:
        other = news_claims(args.changed)
        moved = [(k, c, other.get(k)) for k, c in claims.items() if other.get(k, {}).get("status") != c["status"]]
        added = [other[k] for k in other if k not in claims]
        for _k, c, d in moved:
            print(f"{c['status']} -> {d['status'] if d else 'gone'}: {describe(c)}")
        for d in added:
            print(f"new: {describe(d)}")
        print(f"{len(moved)} changed or gone, {len(added)} new, of {len(claims)}")
        return 0
    pool = sorted((k for k, c in claims.items() if c["status"] == args.status), key=str)
    print(f"{len(pool)} {args.status} claims in {args.dump}")
    for i, k in enumerate(random.Random(args.seed).sample(pool, min(args.n, len(pool)))):
        print(f"{i + 1}. {k[0]} {describe(claims[k])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
