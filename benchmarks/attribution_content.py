"""Who says each reported passage: PolNeAR content -> source, as claims read it.

For every gold attribution of a PolNeAR split, each fragment of its content is looked up at its
midpoint: the pipeline's innermost attribution whose content covers that point (what a claim there
would be attributed to) is right when its source overlaps the gold source or its source or chain
holds the gold source's words. Reported: the share of fragments covered by some attribution, the
share right, and right among the covered. Cue/source F1 (``attribution_tagger.py``) scores the cue
and speaker spans; this scores the link from what was said to who said it (quotations carried
over sentences and paragraphs, nested speakers).

Usage: PYTHONPATH=src .venv/bin/python benchmarks/attribution_content.py [--split dev|train] [--offset N] [--limit N]
(source-denial was designed on train articles 150-250: ``--split train --offset 150 --limit 100``.)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import eval_attribution as ea  # noqa: E402

Spans = list[tuple[int, int]]


def parse_contents(ann: str) -> list[tuple[Spans, Spans, str]]:
    """(content fragments, source fragments, source text) of each attribution with both."""
    spans: dict[str, tuple[Spans, str]] = {}
    relations: list[dict[str, str]] = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 3:
            _, _, ranges = parts[1].partition(" ")
            spans[parts[0]] = ([(int(a), int(b)) for a, b in (r.split() for r in ranges.split(";"))], parts[2])
        elif line.startswith("E") and len(parts) >= 2:
            relations.append(dict(p.split(":", 1) for p in parts[1].split()))
    return [(spans[r["Content"]][0], spans[r["Source"]][0], spans[r["Source"]][1]) for r in relations
            if r.get("Content") in spans and r.get("Source") in spans]


def articles(split: str, offset: int, limit: int | None) -> list[tuple[str, list[tuple[Spans, Spans, str]]]]:
    base = ea.data_dir() / split
    out: list[tuple[str, list[tuple[Spans, Spans, str]]]] = []
    seen: set[str] = set()
    for ann_path in sorted((base / "attributions").glob("*.ann")):
        stem = ann_path.stem.rsplit("_", 1)[0]  # one annotation per article, as eval_attribution reads
        text_path = base / "text" / (stem + ".txt")
        if not text_path.exists() or stem in seen:
            continue
        seen.add(stem)
        if len(seen) <= offset:
            continue
        if limit is not None and len(out) >= limit:
            break
        out.append((text_path.read_text(encoding="utf-8"), parse_contents(ann_path.read_text(encoding="utf-8"))))
    return out


def run(split: str = "dev", offset: int = 0, limit: int | None = None) -> dict[str, float]:
    from mistrust.extract.pipeline import ExtractOptions, Extractor, TextItem

    docs = articles(split, offset, limit)
    extractor = Extractor(ExtractOptions(link=False))
    n = covered = right = 0
    for (_, gold), extraction in zip(docs, extractor.extract_many(TextItem(t) for t, _ in docs), strict=True):
        atts = [a for a in extraction.attributions if a.content is not None]
        for frags, source, source_text in gold:
            for s, e in frags:
                n += 1
                mid = (s + e) // 2
                over = [a for a in atts if a.content is not None and a.content.start <= mid < a.content.end]
                if not over:
                    continue
                covered += 1
                a = min(over, key=lambda a: a.content.end - a.content.start if a.content else 0)
                hit = a.source is not None and any(a.source.start < b2 and b1 < a.source.end for b1, b2 in source)
                words = " ".join([a.source.text if a.source else "", *a.chain]).lower()
                right += hit or source_text.lower().strip() in words
    return {"articles": len(docs), "fragments": n, "covered": covered / max(n, 1), "right": right / max(n, 1),
            "right_of_covered": right / max(covered, 1)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev", choices=("dev", "train"))
    ap.add_argument("--offset", type=int, default=0)
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args()
    r = run(args.split, args.offset, args.limit)
    print(f"PolNeAR {args.split} (articles {args.offset}..{args.offset + int(r['articles'])}): "
          f"{int(r['fragments'])} content fragments; covered {r['covered']:.3f}, source right {r['right']:.3f}, "
          f"right of covered {r['right_of_covered']:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
