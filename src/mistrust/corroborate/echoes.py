"""Echoes: which reports of one claim are not independent of each other.

Two reports are one origin when (a) they share a long verbatim passage around the claim (copied
wire copy, or the same quoted document: the words had one source), or (b) their attribution
chains name the same origin (the same agency, the same report, the same unnamed official), or
(c) one cites the outlet that published the other ("citing Bloomberg").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mistrust.corroborate.shingles import overlap
from mistrust.corroborate.sources import keys_match, outlet_key, source_key
from mistrust.model import Claim, Document

# A run of 20 identical words is far beyond chance phrasing ("the United Nations Security Council
# said on Monday" is 8); set from real reprints in the dev corpus, see benchmarks/corroboration_quality.py.
MIN_COPY_WORDS = 20
CONTEXT_CHARS = 600  # text either side of the claim searched for copied passages


@dataclass
class Report:
    """One document's version of a claim."""

    doc: Document
    claim: Claim

    @property
    def chain(self) -> list[str]:
        att = self.claim.attribution
        if att is None:
            return []
        if att.chain:
            return list(att.chain)
        return [att.source.text] if att.source is not None else []

    @property
    def chain_keys(self) -> list[str]:
        return [k for k in (source_key(link) for link in self.chain) if k]

    def context(self) -> str:
        start = max(0, self.claim.start - CONTEXT_CHARS)
        return self.doc.text[start : self.claim.end + CONTEXT_CHARS]


@dataclass
class EchoLink:
    a: str  # document id (earlier report)
    b: str  # document id (later report)
    kind: str  # "copy", "chain", "outlet"
    reason: str
    shared: list[str] = field(default_factory=list)  # chain links both name, outer first (kind "chain")
    words: int = 0  # length of the shared passage (kind "copy")


def _order(x: Report, y: Report) -> tuple[Report, Report]:
    kx, ky = (x.doc.published or "9999", x.doc.id), (y.doc.published or "9999", y.doc.id)
    return (x, y) if kx <= ky else (y, x)


def chain_link(x: Report, y: Report) -> EchoLink | None:
    a, b = _order(x, y)
    shared: list[str] = []
    for link in a.chain:
        ka = source_key(link)
        if ka and any(keys_match(ka, kb) for kb in b.chain_keys) and link not in shared:
            shared.append(link)
    if shared:
        return EchoLink(a.doc.id, b.doc.id, "chain", "both cite " + " / ".join(shared), shared=shared)
    # one report cites the outlet that published the other
    for first, second in ((a, b), (b, a)):
        ok = outlet_key(first.doc.outlet)
        if ok and ok in second.chain_keys:
            return EchoLink(first.doc.id, second.doc.id, "outlet", f"cites {first.doc.outlet}")
    return None


def echo_links(reports: list[Report], min_copy_words: int = MIN_COPY_WORDS) -> list[EchoLink]:
    """Every pair of documents whose versions of the claim share an origin, with why.

    Work is per pair of documents, not per pair of versions: a cited source in any two versions
    links them (and explains any shared wording: both quote it); otherwise one verbatim check
    between one document's claim contexts and the other's text.
    """
    by_doc: dict[str, list[Report]] = {}
    for r in reports:
        by_doc.setdefault(r.doc.id, []).append(r)
    docs = sorted(by_doc, key=lambda d: (by_doc[d][0].doc.published or "9999", d))
    links: list[EchoLink] = []
    for i, da in enumerate(docs):
        for db in docs[i + 1 :]:
            link = next((lk for x in by_doc[da] for y in by_doc[db] if (lk := chain_link(x, y)) is not None), None)
            if link is None:
                link = _doc_copy_link(by_doc[da], by_doc[db], min_copy_words)
            if link is not None:
                links.append(link)
    return links


def _doc_copy_link(xs: list[Report], ys: list[Report], min_words: int) -> EchoLink | None:
    a, b = _order(xs[0], ys[0])
    a_reports, b_reports = (xs, ys) if a is xs[0] else (ys, xs)
    b_context = "\n".join(r.context() for r in b_reports)
    a_context = "\n".join(r.context() for r in a_reports)
    ov = max(overlap(b_context, a.doc.text), overlap(a_context, b.doc.text), key=lambda o: o.longest_run_words)
    if ov.longest_run_words >= min_words:
        return EchoLink(a.doc.id, b.doc.id, "copy", ov.describe() + f': "{ov.passage[:120]}"', words=ov.longest_run_words)
    return None
