"""Articles per second on one core: the full extraction pipeline vs spaCy NER alone, same texts, same run.

Full pipeline = tokenizer, tagger, parser, NER, entity rules (gazetteer, list names from
the OFAC 2021 SDN and UN 2020 lists), linking of every actor mention through the Workspace's
screening, attribution, claims and status. Baseline = the same spaCy model with only tok2vec+ner,
``nlp.pipe`` over the same texts. BLAS/OpenMP run one thread (``--pin`` also pins the process to one
CPU, which on a shared machine mostly measures the neighbours).
Targets: >= 15 articles/s and >= 0.4x the baseline. Timings on a shared machine are noisy; the
ratio is the figure to trust, so both are measured in this run, interleaved, best of N rounds.

Run: ``.venv/bin/python benchmarks/pipeline_speed.py [--n 200] [--rounds 2] [--no-lists]``
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

TARGET_RATE = 15.0
TARGET_RATIO = 0.4


def shared_data() -> Path:
    raw = os.environ.get("MISTRUST_TEST_DATA")
    return Path(raw) if raw else Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def load_texts(n: int) -> list[dict[str, Any]]:
    path = shared_data() / "news" / "dev_articles.jsonl"
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                out.append(json.loads(line))
            if len(out) >= n:
                break
    return out


def pin_one_core() -> str:
    try:
        cpu = sorted(os.sched_getaffinity(0))[0]
        os.sched_setaffinity(0, {cpu})
        return f"cpu {cpu}"
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        return "unpinned"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=200, help="articles (default 200)")
    ap.add_argument("--rounds", type=int, default=2, help="timed rounds per system; best is kept")
    ap.add_argument("--no-lists", action="store_true", help="no list names and no linking")
    ap.add_argument("--pin", action="store_true", help="pin the process to one CPU (threads are 1 anyway)")
    args = ap.parse_args(argv)

    pinned = pin_one_core() if args.pin else "1 thread"
    articles = load_texts(args.n)
    texts = [a["text"] for a in articles]
    chars = sum(len(t) for t in texts)

    from mistrust import Workspace
    from mistrust.extract.nlp import NER_COMPONENTS, load_nlp
    from mistrust.extract.pipeline import TextItem

    tmp = tempfile.TemporaryDirectory()
    ws = Workspace(Path(tmp.name) / "bench.db")
    lists = "none"
    if not args.no_lists:
        sanctions = shared_data() / "sanctions"
        ws.load_lists([sanctions / "ofac_sdn_csv_2021-07" / "sdn.csv", sanctions / "un_consolidated_2020-11-30.xml"])
        lists = "OFAC SDN 2021 + UN 2020"
    extractor = ws.extractor()  # built once: model, ruler, screening index (not timed)
    ner = load_nlp(extractor.options.model, NER_COMPONENTS)
    # warm up both (first batches allocate)
    list(ner.pipe(texts[:4]))
    list(extractor.extract_many([TextItem(t) for t in texts[:4]]))

    def run_ner() -> int:
        return sum(len(d.ents) for d in ner.pipe(texts, batch_size=16))

    def run_full() -> int:
        if extractor.linker is not None:
            extractor.linker._cache.clear()  # every round links from scratch
        items = [TextItem(a["text"], a.get("id"), a.get("date")) for a in articles]
        return sum(len(e.entities) for e in extractor.extract_many(items))

    best = {"spacy-ner": float("inf"), "full": float("inf")}
    counts = {}
    for _ in range(args.rounds):
        for name, fn in (("spacy-ner", run_ner), ("full", run_full)):
            t0 = time.perf_counter()
            counts[name] = fn()
            best[name] = min(best[name], time.perf_counter() - t0)
    ws.close()
    tmp.cleanup()

    rate = {k: len(texts) / v for k, v in best.items()}
    ratio = rate["full"] / rate["spacy-ner"]
    print(f"pipeline speed: {len(texts)} articles ({chars / len(texts):.0f} chars avg), {pinned}, "
          f"best of {args.rounds}; lists: {lists}; missing components: {extractor.missing or 'none'}")
    print(f"{'system':<34}{'seconds':>9}{'articles/s':>12}{'entities':>10}")
    print(f"{'spaCy NER alone (baseline)':<34}{best['spacy-ner']:>9.2f}{rate['spacy-ner']:>12.1f}"
          f"{counts['spacy-ner']:>10}")
    print(f"{'mistrust full pipeline':<34}{best['full']:>9.2f}{rate['full']:>12.1f}{counts['full']:>10}")
    linker = extractor.linker
    if linker is not None:
        print(f"screening calls in the last round: {linker.calls // max(1, args.rounds)} (cached per surface form)")
    ok_rate, ok_ratio = rate["full"] >= TARGET_RATE, ratio >= TARGET_RATIO
    print(f"full/baseline ratio {ratio:.2f}x (target >= {TARGET_RATIO}x: {'PASS' if ok_ratio else 'FAIL'}); "
          f"full rate {rate['full']:.1f}/s (target >= {TARGET_RATE:.0f}/s: {'PASS' if ok_rate else 'FAIL'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
