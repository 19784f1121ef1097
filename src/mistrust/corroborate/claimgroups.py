"""Claim groups: the same claim across the documents of one story, with echoes and denials.

Two claims are the same claim when they name the same actors, their times agree, and either the
predicate is the same or the wording is close (extractors normalise "resumed joint development"
and "resumed cooperation" to different predicates; the words still overlap). Every document's
version is kept with its span, status and attribution chain.
"""

from __future__ import annotations

from collections import Counter

from mistrust.corroborate.contradictions import (
    actor_keys,
    claim_actors,
    conflicts,
    denial_target,
    text_overlap,
    time_compatible,
)
from mistrust.corroborate.echoes import MIN_COPY_WORDS, Report, echo_links
from mistrust.corroborate.origins import build_origins
from mistrust.model import Claim, ClaimGroup, Contradiction, Document, Extraction, Mention
from mistrust.model._ids import content_id
from mistrust.model.vocabulary import SYMMETRIC_PREDICATES

TEXT_MATCH = 0.45
SAME_PREDICATE_TEXT = 0.25  # same predicate: some shared wording besides the actors
# Predicates an extractor may give the same act ("resumed joint development" ~ "resumed cooperation").
_FAMILIES = {
    "cooperation": ("cooperate", "develop", "resume", "support", "assist", "help", "work", "collaborate", "ally"),
    "transfer": ("transfer", "supply", "ship", "sell", "export", "provide", "acquire", "buy", "deliver", "import"),
    "violation": ("violate", "breach", "evade", "smuggle"),
    "launch": ("test", "launch", "fire", "detonate"),
    "sanction": ("sanction", "designate", "blacklist", "freeze"),
    "attack": ("attack", "strike", "seize", "shoot", "kill"),
}
PREDICATE_FAMILY = {p: fam for fam, preds in _FAMILIES.items() for p in preds}
ACTOR_LABELS = {"Person", "Organization", "Country", "Location", "Facility", "Nationality"}  # overlap of stemmed content words for claims with different predicates


def claim_id(claim: Claim) -> str:
    return claim.id or content_id("claim", claim.doc_id, claim.start, claim.end, claim.predicate)


def claim_actor_set(claim: Claim, mentions: list[Mention] | None = None) -> set[str]:
    """Subject and object, plus the actors named inside the claim's span (extractors often pick one
    actor of "Iran and North Korea" as subject and a noun as object; the mentions keep both)."""
    actors = claim_actors(claim)
    for m in mentions or ():
        if m.label in ACTOR_LABELS and m.start >= claim.start and m.end <= claim.end:
            actors |= actor_keys(m.canonical or m.text)
    return actors


def same_claim(a: Claim, b: Claim, aa: set[str] | None = None, ab: set[str] | None = None) -> bool:
    """Same actors, compatible times, and the same predicate or close wording."""
    aa = claim_actors(a) if aa is None else aa
    ab = claim_actors(b) if ab is None else ab
    if a.doc_id == b.doc_id and a.predicate != b.predicate:
        return False  # two different acts read from one document
    if not aa or not ab:
        actors_ok = not aa and not ab and text_overlap(a.text, b.text) >= 0.6
    else:
        inter = aa & ab
        actors_ok = aa == ab or len(inter) >= 2 or (len(inter) >= 1 and min(len(aa), len(ab)) == 1)
        if actors_ok and a.predicate == b.predicate and a.predicate not in SYMMETRIC_PREDICATES:
            # ordered predicates: "A supplies B" is not "B supplies A"
            sa = actor_keys(a.subject_canonical or a.subject)
            sb = actor_keys(b.subject_canonical or b.subject)
            oa = actor_keys(a.object_canonical or a.object)
            ob = actor_keys(b.object_canonical or b.object)
            actors_ok = not (sa & ob and sb & oa and not sa & sb)
    if not actors_ok:
        return False
    words = text_overlap(a.text, b.text)
    if a.predicate == b.predicate:
        # conflicting times with close wording are one claim told two ways (a date contradiction)
        close = words >= SAME_PREDICATE_TEXT or (aa == ab and len(aa) >= 2)
        return close and (time_compatible(a.time, b.time) or words >= TEXT_MATCH)
    # one sentence yields several claims (cooperate, violate): wording alone cannot tell them apart,
    # so different predicates must at least belong to one family of acts
    family = PREDICATE_FAMILY.get(a.predicate)
    return family is not None and family == PREDICATE_FAMILY.get(b.predicate) and \
        time_compatible(a.time, b.time) and words >= TEXT_MATCH


def is_denial(claim: Claim) -> bool:
    return claim.status == "denied" or claim.predicate in ("deny", "denial")


def _cluster_claims(claims: list[Claim], actors: dict[str, set[str]]) -> list[list[Claim]]:
    """Transitive grouping (union-find) of matching claims, comparing only claims sharing an actor."""
    parent = list(range(len(claims)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_actor: dict[str, list[int]] = {}
    for i, c in enumerate(claims):
        for key in actors[c.id or ""] or {""}:
            by_actor.setdefault(key, []).append(i)
    compared: set[tuple[int, int]] = set()
    for members in by_actor.values():
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                if (i, j) in compared or find(i) == find(j):
                    continue
                compared.add((i, j))
                a, b = claims[i], claims[j]
                if same_claim(a, b, actors[a.id or ""], actors[b.id or ""]):
                    parent[max(find(i), find(j))] = min(find(i), find(j))
    out: dict[int, list[Claim]] = {}
    for i, c in enumerate(claims):
        out.setdefault(find(i), []).append(c)
    return list(out.values())


def _head(cl: list[Claim]) -> Claim:
    """The version that names the claim best: the group's most common predicate, with subject,
    object and time filled where some version has them."""
    counts = Counter(c.predicate for c in cl)
    # On a tie, the predicate whose versions name both ends more often: resolved actors make more
    # versions of one claim meet, and "A develops missiles" must not outvote "A cooperates with B".
    both = Counter(c.predicate for c in cl if c.subject and c.object)
    pred = max(counts, key=lambda p: (counts[p], both[p], -next(i for i, c in enumerate(cl) if c.predicate == p)))
    return max((c for c in cl if c.predicate == pred),
               key=lambda c: (c.subject is not None) + (c.object is not None) + (c.time is not None))


def build_claim_groups(
    story_id: str, docs: list[tuple[Document, Extraction | None]], min_copy_words: int = MIN_COPY_WORDS
) -> list[ClaimGroup]:
    """Group the claims of a story's documents; fill reports, origins, denials and contradictions."""
    by_doc = {d.id: d for d, _ in docs}
    claims: list[Claim] = []
    actors: dict[str, set[str]] = {}
    for doc, ext in docs:
        for c in ext.claims if ext else []:
            c.doc_id = c.doc_id or doc.id
            c.id = claim_id(c)
            claims.append(c)
            actors[c.id] = claim_actor_set(c, ext.entities if ext else None)
    claims.sort(key=lambda c: (by_doc[c.doc_id or ""].published or "9999", c.doc_id or "", c.start))
    asserted = [c for c in claims if not is_denial(c)]
    denials = [c for c in claims if is_denial(c)]
    clusters = _cluster_claims(asserted, actors)
    groups: list[ClaimGroup] = []
    members: dict[str, list[Claim]] = {}
    for cl in clusters:
        groups.append(_group(story_id, cl, by_doc, min_copy_words))
        members[groups[-1].id] = cl
    group_actors = {g.id: set().union(*(actors[c.id or ""] for c in members[g.id])) for g in groups}
    for d in denials:
        # versions read from the denial's own sentence would match it word for word: leave them out
        others = {g.id: [c for c in members[g.id] if not _same_span(c, d)] for g in groups}
        texts = {gid: " ".join(c.text for c in cs) for gid, cs in others.items()}
        preds = {gid: {c.predicate for c in cs} for gid, cs in others.items()}
        target = denial_target(d, [g for g in groups if others[g.id]], texts, group_actors, actors[d.id or ""],
                               preds)
        if target is None:  # a denial of nothing else in the story is still a claim of its own
            groups.append(_group(story_id, [d], by_doc, min_copy_words))
            members[groups[-1].id] = [d]
            continue
        g, why = target
        denial = Contradiction("denial", g.claims[0], d.id or "", d.doc_id or "", d.text, why)
        # one sentence can yield two denial claims ("X deny" and "X cooperate Y, denied"): one
        # denial per sentence, the one that names the denied act when there is a choice
        same = next((i for i, x in enumerate(g.denials) if (x.doc_id, x.text) == (denial.doc_id, denial.text)), None)
        if same is None:
            g.denials.append(denial)
        elif "(same act)" in why and "(same act)" not in g.denials[same].reason:
            g.denials[same] = denial
    return groups


def _same_span(a: Claim, b: Claim) -> bool:
    return a.doc_id == b.doc_id and a.start < b.end and b.start < a.end


def _group(story_id: str, cl: list[Claim], by_doc: dict[str, Document], min_copy_words: int) -> ClaimGroup:
    head = _head(cl)
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
