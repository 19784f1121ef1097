"""Independent origins of a claim and the tree of who took it from whom.

Reports linked by echoes (copy, shared chain, cited outlet) form one origin; every other report
is its own origin. The tree names documents as ``doc:<id>`` and cited sources as ``src:<name>``.
"""

from __future__ import annotations

from mistrust.corroborate.echoes import EchoLink, Report
from mistrust.model import Origin
from mistrust.model._ids import content_id


def _find(parent: dict[str, str], x: str) -> str:
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def _doc_label(r: Report) -> str:
    d = r.doc
    name = d.outlet or d.title or d.url or (d.source_path.rsplit("/", 1)[-1] if d.source_path else None) or d.id
    return f"{name} (own reporting)"


def build_origins(group_id: str, reports: list[Report], links: list[EchoLink]) -> list[Origin]:
    docs: dict[str, Report] = {}
    for r in reports:
        docs.setdefault(r.doc.id, r)
    parent = {d: d for d in docs}
    for link in links:
        ra, rb = _find(parent, link.a), _find(parent, link.b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    components: dict[str, list[str]] = {}
    for d in sorted(docs, key=lambda d: (docs[d].doc.published or "9999", d)):
        components.setdefault(_find(parent, d), []).append(d)

    origins: list[Origin] = []
    for members in components.values():
        member_set = set(members)
        tree: list[tuple[str, str, str]] = []
        shared_chain: list[str] = []
        for link in links:
            if link.a not in member_set:
                continue
            if link.kind == "chain":
                if not shared_chain or len(link.shared) > len(shared_chain):
                    shared_chain = link.shared
                for doc in (link.a, link.b):
                    for src in link.shared[:1]:  # the link each report took it from directly
                        tree.append((f"src:{src}", f"doc:{doc}", f"{docs[doc].doc.outlet or doc} cites {src}"))
            else:
                tree.append((f"doc:{link.a}", f"doc:{link.b}", link.reason))
        # the cited chain itself, innermost source first: "UN report" -> "AFP"
        for inner, outer in zip(reversed(shared_chain), list(reversed(shared_chain))[1:], strict=False):
            tree.insert(0, (f"src:{inner}", f"src:{outer}", f"{outer} reports {inner}"))
        first = docs[members[0]]
        if shared_chain:
            label = " via ".join(reversed(shared_chain))
        elif first.chain:
            label = " via ".join(reversed(first.chain))
        else:  # nobody cited: the outlet's own reporting
            label = _doc_label(first)
        if len(members) > 1 and not shared_chain:
            label += f" (copied by {len(members) - 1} other report{'s' if len(members) > 2 else ''})"
        seen: set[tuple[str, str, str]] = set()
        unique = [e for e in tree if not (e in seen or seen.add(e))]  # type: ignore[func-returns-value]
        origins.append(Origin(content_id(group_id, *members), label, members, unique))
    return origins
