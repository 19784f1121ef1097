"""Candidate mentions for a fresh sample of link labels (pass 4 of ``labels/links.jsonl``), drawn
without looking at what the linker decides.

    PYTHONPATH=src .venv/bin/python benchmarks/labels/link_candidates.py [--data ../shared/data] [--seed 4]
        [--pass 4] [--min 80] [--out candidates.jsonl]

Procedure (``labels/README.md``, pass 4): the dev articles outside the earlier sample and not yet
labelled, shuffled with a fixed seed; in each article, every span of capitalised words (joined by
the small words and particles of names: "of", "al-", "bin" ...) is screened as a name of any kind
against the same two lists the link benchmark loads (UN 2026, OFAC SDN 2021); when the whole span
has no hit scoring >= 0.85, its trailing parts are tried, longest first (English puts titles and
descriptors in front of a name: "Former Deputy Minister Firstname Lastname"), down to the last word.
The first span or trailing part with such a hit is a candidate mention, with its candidate list ids. Whole articles are taken, in
order, until at least ``--min`` candidates are found, so every candidate of an article is judged
(the link benchmark scores per article). Only the screening, never the linker, is used: which
mentions are candidates does not depend on the linking being measured.

The output carries the span, its sentence and the candidates' list names, to judge by hand; it is a
working file, not stored in the repository (it quotes article text). It lives beside the labels, not
among the benchmarks, because it measures nothing (``make bench`` runs ``benchmarks/*.py``).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # benchmarks/
from linking_quality import LABELS, LIST_FILES, _jsonl, data_dir, in_sample, label_pass  # noqa: E402

CANDIDATE_SCORE = 0.85  # as the first pass's candidate step (labels/README.md)
# A capitalised word (with inner hyphens and apostrophes), and the lower-case words that sit inside
# names of people and bodies in the lists' languages: "Ministry of Defence", "Abd al-Aziz", "bin Laden".
# ("and" is left out: it joins two names far more often than it sits inside one).
_WORD = r"[A-Z][\w'\u2019.-]*"
_JOINER = r"(?:of|the|for|al|el|bin|ibn|bint|abu|de|del|da|van|von|der|le|la)"
SPAN = re.compile(rf"{_WORD}(?:[ -](?:{_JOINER}[ -])*{_WORD})*")
MAX_WORDS = 8


def spans(text: str) -> list[tuple[int, int, str]]:
    """Every maximal capitalised span, trailing dots and possessives cut."""
    out = []
    for m in SPAN.finditer(text):
        span = re.sub(r"(['\u2019]s|[.'\u2019-])+$", "", m.group(0))
        if span and len(span.split()) <= MAX_WORDS:
            out.append((m.start(), m.start() + len(span), span))
    return out


def trailing(span: str) -> list[str]:
    """The span and its trailing parts that start on a capitalised word, longest first: "A of B C",
    "B C", "C"."""
    words = span.split(" ")
    return [" ".join(words[i:]) for i in range(len(words)) if words[i][:1].isupper()]


def sentence(text: str, start: int, end: int) -> str:
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    right = min(x for x in (text.find(". ", end), text.find("\n", end), len(text)) if x >= 0)
    return text[left:right + 1].strip()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data")
    ap.add_argument("--seed", type=int, default=4)
    ap.add_argument("--pass", dest="label_pass", type=int, default=4, help="the pass being drawn (4, 6)")
    ap.add_argument("--min", type=int, default=80)
    ap.add_argument("--out", default="-")
    args = ap.parse_args()
    data = data_dir(args.data)
    from mistrust import Workspace

    labelled = {row["id"] for row in _jsonl(LABELS) if label_pass(row) < 4}  # the earlier passes' articles
    # a later fresh pass (6) also skips the articles of the fresh passes before it, after the
    # shuffle, so that pass 4's draw stays what it was
    fresh = {row["id"] for row in _jsonl(LABELS) if 4 <= label_pass(row) < args.label_pass}
    articles = [r for r in _jsonl(data / "news" / "dev_articles.jsonl")
                if not in_sample(r["id"]) and r["id"] not in labelled]
    articles.sort(key=lambda r: r["id"])
    random.Random(args.seed).shuffle(articles)
    found: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp, Workspace(Path(tmp) / "ws.db", create=True) as ws:
        ws.load_lists([data / LIST_FILES[0]])
        ws.load_lists([data / LIST_FILES[1]])
        for article in articles:
            if len(found) >= args.min:
                break
            if article["id"] in fresh:
                continue
            text = article["text"]
            seen: dict[str, dict[str, Any]] = {}
            for _start, end, whole in spans(text):
                for part in trailing(whole):
                    if part in seen:
                        break
                    hits = [h for h in ws.screen(part, threshold=CANDIDATE_SCORE, record=False)
                            if h.score >= CANDIDATE_SCORE]
                    if hits:
                        at = end - len(part)
                        seen[part] = {"id": article["id"], "mention": part, "start": at, "end": end,
                                      "sentence": sentence(text, at, end),
                                      "candidates": [[h.entity_id, h.entity_name, h.matched_name, h.schema,
                                                      round(h.score, 3), h.programs] for h in hits]}
                        break
            found.extend(seen.values())
            print(f"{article['id']}: {len(seen)} candidates", file=sys.stderr)
    lines = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in found)
    if args.out == "-":
        sys.stdout.write(lines)
    else:
        Path(args.out).write_text(lines, encoding="utf-8")


if __name__ == "__main__":
    main()
