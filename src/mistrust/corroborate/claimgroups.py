"""Claim groups: the same claim across the documents of one story, with echoes and denials.

Two claims are the same claim when they name the same actors, their times agree, and either the
predicate is the same or the wording is close (extractors normalise "resumed joint development"
and "resumed cooperation" to different predicates; the words still overlap). Every document's
version is kept with its span, status and attribution chain.
"""

from __future__ import annotations

from mistrust.corroborate.contradictions import (
    claim_actors,
    conflicts,
    denial_target,
    text_overlap,
    time_compatible,
)
from mistrust.corroborate.echoes import MIN_COPY_WORDS, Report, echo_links
from mistrust.corroborate.origins import build_origins
from mistrust.model import Claim, ClaimGroup, Contradiction, Document, Extraction
from mistrust.model._ids import content_id

SYMMETRIC = {"cooperate", "meet", "talk", "negotiate", "ally", "trade"}
TEXT_MATCH = 0.45  # overlap of stemmed content words for claims with different predicates


def claim_id(claim: Claim) -> str:
    return claim.id or content_id("claim", claim.doc_id, claim.start, claim.end, claim.predicate)


def same_claim(a: Claim, b: Claim) -> bool:
    aa, ab = claim_actors(a), claim_actors(b)
    if not aa or not ab:
        actors_ok = not aa and not ab and text_overlap(a.text, b.text) >= 0.6
    else:
        inter = aa & ab
        actors_ok = aa == ab or (len(inter) >= 2) or (len(inter) >= 1 and min(len(aa), len(ab)) == 1)
        if actors_ok and a.predicate == b.predicate and a.predicate not in SYMMETRIC and aa == ab:
            # ordered predicates: "A supplies B" is not "B supplies A"
            sa = claim_actors(Claim(a.subject_canonical or a.subject, "", None, None, "asserted", 0, 0, ""))
            sb = claim_actors(Claim(b.subject_canonical or b.subject, "", None, None, "asserted", 0, 0, ""))
            actors_ok = not sa or not sb or bool(sa & sb)
    if not actors_ok:
        return False
    if a.predicate == b.predicate:
        return time_compatible(a.time, b.time) or text_overlap(a.text, b.text) >= TEXT_MATCH
    return text_overlap(a.text, b.text) >= TEXT_MATCH


def is_denial(claim: Claim) -> bool:
    return claim.status == "denied" or claim.predicate in ("deny", "denial")


def build_claim_groups(
    story_id: str, docs: list[tuple[Document, Extraction | None]], min_copy_words: int = MIN_COPY_WORDS
) -> list[ClaimGroup]:
    """Group the claims of a story's documents; fill reports, origins, denials and contradictions."""
    by_doc = {d.id: d for d, _ in docs}
    claims: list[Claim] = []
    for doc, ext in docs:
        for c in ext.claims if ext else []:
            c.doc_id = c.doc_id or doc.id
            c.id = claim_id(c)
            claims.append(c)
    claims.sort(key=lambda c: (by_doc[c.doc_id or ""].published or "9999", c.doc_id or "", c.start))
    clusters: list[list[Claim]] = []
    denials: list[Claim] = []
    for c in claims:
        if is_denial(c):
            denials.append(c)
            continue
        for cl in clusters:
            if any(same_claim(c, other) for other in cl):
                cl.append(c)
                break
        else:
            clusters.append([c])
    # a denial nothing else in the story asserts is still a claim of its own
    groups: list[ClaimGroup] = []
    members: dict[str, list[Claim]] = {}
    for cl in clusters:
        groups.append(_group(story_id, cl, by_doc, min_copy_words))
        members[groups[-1].id] = cl
    texts = {g.id: " ".join(c.text for c in members[g.id]) for g in groups}
    for d in denials:
        target = denial_target(d, groups, texts)
        if target is None:
            groups.append(_group(story_id, [d], by_doc, min_copy_words))
            members[groups[-1].id] = [d]
            continue
        g, why = target
        g.denials.append(Contradiction("denial", g.claims[0], d.id or "", d.doc_id or "", d.text, why))
    return groups


def _group(story_id: str, cl: list[Claim], by_doc: dict[str, Document], min_copy_words: int) -> ClaimGroup:
    head = cl[0]
    gid = content_id("claimgroup", story_id, *sorted(c.id or "" for c in cl))
    reports = [Report(by_doc[c.doc_id or ""], c) for c in cl]
    links = echo_links(reports, min_copy_words)
    origins = build_origins(gid, reports, links)
    times = [c.time for c in cl if c.time]
    group = ClaimGroup(
        id=gid,
        story_id=story_id,
        subject=head.subject_canonical or head.subject,
        predicate=head.predicate,
        object=head.object_canonical or head.object,
        time=min(times, key=len) if times else None,
        claims=[c.id or "" for c in cl],
        reports=list(dict.fromkeys(c.doc_id or "" for c in cl)),
        independent_origins=len(origins),
        origins=origins,
        versions=[_version(r) for r in reports],
    )
    group.contradictions = conflicts(group, cl)
    return group


def _version(r: Report) -> dict[str, object]:
    c = r.claim
    return {"claim_id": c.id, "doc_id": r.doc.id, "outlet": r.doc.outlet, "published": r.doc.published,
            "text": c.text, "start": c.start, "end": c.end, "status": c.status, "time": c.time,
            "predicate": c.predicate, "chain": r.chain, "extractor": c.extractor}
