"""Dump the full pipeline's extractions, to show a speed change leaves them byte-identical.

Runs the Workspace's extractor (lists loaded as in ``pipeline_speed.py``: OFAC SDN 2021 + UN 2020)
over the claims set's articles and the first ``--n`` dev news articles, and writes one JSON line per
article: entities with their links, attributions, claims and the main status
(``extraction_json``, keys sorted). Run it on the baseline's code and on the change's, then
``--diff`` the two files: it prints the first differing articles and exits 1 when any differs.

Run: ``PYTHONPATH=src .venv/bin/python benchmarks/extraction_identity.py --out before.jsonl [--n 200]``
     ``.venv/bin/python benchmarks/extraction_identity.py --diff before.jsonl after.jsonl``
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any


def shared_data() -> Path:
    raw = os.environ.get("MISTRUST_TEST_DATA")
    return Path(raw) if raw else Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def articles(n: int) -> Iterator[dict[str, Any]]:
    """The claims set's articles, then the first ``n`` dev news articles."""
    for path, limit in ((shared_data() / "claims" / "articles.jsonl", None),
                        (shared_data() / "news" / "dev_articles.jsonl", n)):
        seen = 0
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if not line.strip():
                    continue
                if limit is not None and seen >= limit:
                    break
                seen += 1
                yield json.loads(line)


def dump(out: Path, n: int) -> int:
    from mistrust import Workspace
    from mistrust.extract.pipeline import TextItem, extraction_json

    with tempfile.TemporaryDirectory() as tmp:
        ws = Workspace(Path(tmp) / "identity.db", create=True)
        sanctions = shared_data() / "sanctions"
        ws.load_lists([sanctions / "ofac_sdn_csv_2021-07" / "sdn.csv", sanctions / "un_consolidated_2020-11-30.xml"])
        items = [TextItem(a["text"], a.get("id"), a.get("date")) for a in articles(n)]
        count = 0
        with out.open("w", encoding="utf-8") as fh:
            for extraction in ws.extract_many(items):
                fh.write(json.dumps(extraction_json(extraction), sort_keys=True, ensure_ascii=False) + "\n")
                count += 1
        ws.close()
    print(f"extraction_identity: {count} extractions written to {out}")
    return 0


def diff(a: Path, b: Path, show: int = 5) -> int:
    left = a.read_text(encoding="utf-8").splitlines()
    right = b.read_text(encoding="utf-8").splitlines()
    differ = [i for i, (x, y) in enumerate(zip(left, right, strict=False)) if x != y]
    if len(left) != len(right):
        print(f"different number of extractions: {len(left)} vs {len(right)}")
    for i in differ[:show]:
        x, y = json.loads(left[i]), json.loads(right[i])
        keys = [k for k in x if x[k] != y.get(k)]
        print(f"line {i + 1} ({x.get('doc_id')}): differs in {', '.join(keys)}")
    same = not differ and len(left) == len(right)
    print(f"extraction_identity: {len(left)} vs {len(right)} extractions, {len(differ)} differ: "
          f"{'IDENTICAL' if same else 'DIFFERENT'}")
    return 0 if same else 1


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, help="write the extractions here (JSON lines)")
    ap.add_argument("--n", type=int, default=200, help="dev news articles after the claims set (default 200)")
    ap.add_argument("--diff", nargs=2, type=Path, metavar=("BEFORE", "AFTER"), help="compare two dumps")
    args = ap.parse_args(argv)
    if args.diff:
        return diff(*args.diff)
    if args.out is None:
        ap.error("give --out FILE or --diff BEFORE AFTER")
    return dump(args.out, args.n)


if __name__ == "__main__":
    sys.exit(main())
