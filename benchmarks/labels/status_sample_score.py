"""Score a dump's claim status and source against the hand-judged sample ``status_sample.jsonl``.

The sample (see README.md, "Status sample") holds 120 claims of the 400 unlabelled dev news articles,
30 drawn from each status main gave them; each row is the claim's key (article id, sentence offsets,
predicate, a hash of its two arguments) and our judgement: the status it should have and the source
span in the article (``null``: no source; ``"unjudged"``). No article text is stored.

Run: ``.venv/bin/python benchmarks/labels/status_sample_score.py dump.jsonl`` (an ``extraction_identity.py``
dump with ``--n 400``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
from collections import defaultdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
LABELS = HERE / "status_sample.jsonl"


def _data() -> Path:
    raw = os.environ.get("MISTRUST_TEST_DATA")
    return Path(raw) if raw else HERE.parent.parent.parent / "shared" / "data"


def claim_key(doc: str, c: dict[str, Any]) -> tuple[str, int, str, str]:
    args = hashlib.sha1(f"{c['subject']}|{c['object']}".encode()).hexdigest()[:12]
    return (doc, c["start"], c["predicate"], args)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dump", type=Path)
    ap.add_argument("--show", action="store_true", help="list the claims read wrong")
    args = ap.parse_args(argv)
    rows = [json.loads(x) for x in LABELS.read_text(encoding="utf-8").splitlines() if x.strip()]
    docs = {r["doc"] for r in rows}
    texts: dict[str, str] = {}
    with (_data() / "news" / "dev_articles.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                a = json.loads(line)
                if a["id"] in docs:
                    texts[a["id"]] = a["text"]
    claims: dict[tuple[str, int, str, str], dict[str, Any]] = {}
    for line in args.dump.read_text(encoding="utf-8").splitlines():
        ext = json.loads(line)
        if ext["doc_id"] in docs:
            for c in ext["claims"]:
                claims[claim_key(ext["doc_id"], c)] = c
    status: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    source = [0, 0]
    gone = 0
    for r in rows:
        if r["status"] is None:
            continue
        c = claims.get((r["doc"], r["start"], r["predicate"], r["args"]))
        if c is None:
            gone += 1
            continue
        ok = c["status"] == r["status"]
        for key in ("all", f"drawn {r['drawn_as']}", f"should be {r['status']}"):
            status[key][0] += ok
            status[key][1] += 1
        att = c.get("attribution") or {}
        where = " ".join([(att.get("source") or {}).get("text", ""), *att.get("chain", [])]).strip()
        src_ok = None
        if r["source"] is None:
            src_ok = not where
        elif r["source"] != "unjudged":
            a, b = r["source"]
            src_ok = texts[r["doc"]][a:b].lower() in where.lower()
        if src_ok is not None:
            source[0] += src_ok
            source[1] += 1
        if args.show and not (ok and src_ok is not False):
            print(f"{r['doc']} {r['start']} {c['predicate']}: read {c['status']} [{where}], "
                  f"judged {r['status']} [{r['source'] if r['source'] in (None, 'unjudged') else texts[r['doc']][r['source'][0]:r['source'][1]]}]")
    for key, (n_ok, n) in sorted(status.items()):
        print(f"status {key:22s} {n_ok / n:.3f} ({n_ok}/{n})")
    print(f"source {'all':22s} {source[0] / source[1]:.3f} ({source[0]}/{source[1]})")
    print(f"judged claims no longer read: {gone}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
