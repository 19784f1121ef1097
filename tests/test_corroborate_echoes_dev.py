"""Echo detection on real pairs from the dev corpus (shared data): outlets reprinting the same
passages (found by shared 8-word sequences) and reports citing the same agency."""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from itertools import combinations

import pytest

from conftest import require_shared
from mistrust.corroborate.echoes import Report, echo_links
from mistrust.corroborate.shingles import overlap, shingles
from mistrust.model import Attribution, Claim, Document, Span


@pytest.fixture(scope="module")
def dev_docs() -> list[Document]:
    path = require_shared("news", "dev_articles.jsonl")
    recs = [json.loads(x) for x in open(path, encoding="utf-8")]
    return [Document(id=r["id"], text=r["text"], title=r["title"], outlet=r["outlet"], published=r["date"])
            for r in recs]


def _claim_at(doc: Document, start: int, end: int, chain: list[str]) -> Claim:
    att = Attribution(Span(chain[-1], 0, 0), None, None, chain) if chain else None
    return Claim("x", "say", None, None, "attributed" if chain else "asserted", start, end, doc.text[start:end],
                 attribution=att, doc_id=doc.id)


def _sharing_pairs(docs: list[Document], min_shared: int, max_postings: int) -> list[tuple[Document, Document]]:
    """Pairs of documents sharing ``min_shared`` 8-word sequences, sequences common to more than
    ``max_postings`` documents (boilerplate) ignored: the reprint candidates of a corpus."""
    holders: dict[int, list[int]] = defaultdict(list)
    for i, d in enumerate(docs):
        for s in shingles(d.text):
            holders[s].append(i)
    counts = Counter(pair for held in holders.values() if len(held) <= max_postings for pair in combinations(held, 2))
    return [(docs[i], docs[j]) for (i, j), n in counts.items() if n >= min_shared]


def test_reprinted_passages_across_outlets_are_one_origin(dev_docs: list[Document]) -> None:
    cross = []
    for a, d in _sharing_pairs(dev_docs, min_shared=5, max_postings=20):
        if a.outlet != d.outlet:
            ov = overlap(a.text, d.text)
            if ov.longest_run_words >= 40:
                cross.append((a, d, ov))
    assert len(cross) >= 3, "the dev corpus has outlets reprinting the same long passages"
    for a, b, ov in cross:
        # a claim in b placed on the shared passage: b's version must be traced back to a
        pattern = r"\W+".join(map(re.escape, ov.passage.split()[:6]))
        ma, mb = (re.search(pattern, d.text, flags=re.IGNORECASE) for d in (a, b))
        assert ma is not None and mb is not None
        links = echo_links([Report(a, _claim_at(a, ma.start(), ma.start() + 200, [])),
                            Report(b, _claim_at(b, mb.start(), mb.start() + 200, []))])
        assert links and links[0].kind == "copy" and links[0].words >= 20


def test_unrelated_reports_are_independent(dev_docs: list[Document]) -> None:
    dated = [d for d in dev_docs if d.published][:40]
    checked = 0
    for a, b in combinations(dated, 2):
        if a.outlet == b.outlet or overlap(a.text, b.text).longest_run_words >= 12:
            continue
        assert echo_links([Report(a, _claim_at(a, 0, 100, [])), Report(b, _claim_at(b, 0, 100, []))]) == []
        checked += 1
        if checked >= 30:
            break
    assert checked == 30


@pytest.mark.parametrize("agency", ["Reuters", "Associated Press", "KCNA"])
def test_reports_citing_the_same_agency_share_an_origin(dev_docs: list[Document], agency: str) -> None:
    cue = re.compile(rf"(according to|told|said|reported|citing)[^.]{{0,40}}\b{re.escape(agency)}\b|"
                     rf"\b{re.escape(agency)}\b[^.]{{0,20}}(reported|said|reports)")
    found = []
    for d in dev_docs:
        m = cue.search(d.text)
        if m:
            start = d.text.rfind(".", 0, m.start()) + 1
            found.append((d, start, m.end()))
    citing = {d.outlet: (d, s, e) for d, s, e in found}  # one report per outlet
    assert len(citing) >= 2, f"expected at least two outlets citing {agency}"
    (a, sa, ea), (b, sb, eb) = list(citing.values())[:2]
    links = echo_links([Report(a, _claim_at(a, sa, ea, [agency])), Report(b, _claim_at(b, sb, eb, [agency]))])
    assert len(links) == 1 and links[0].kind == "chain" and agency in links[0].reason
