"""Actor resolution: the mentions of one real-world entity, within and across documents, become one actor.

Mentions join when they
- link *certainly* to the same list entry (the UN and OFAC entries of one body join through a
  mention that links to both);
- have the same name once case, punctuation, hyphens, a leading "the", a possessive and a final
  plural s are set aside ("Revolutionary Guards" / "Revolutionary Guard", "Kim Jong-un" / "Kim
  Jong Un"), and a person's name with or without middle initials; an acronym defined in the text
  carries its long form as canonical name, and a state's other names (its capital used as the
  state, "DPRK") carry the state's name, so they join too;
- are a surname alone, perhaps with titles ("General Price"), and the one full name in the same
  document that ends with it ("Price" after "Ned Price"); titles never split a person ("President
  Ned Price" is "Ned Price"). Across documents a surname joins a full name only when the workspace knows exactly
  one full name ending with it ("Kim" stays apart: many are called Kim).

Roles are never merges: "Iran's foreign minister" or "U.S. officials" (``is_role``) is no actor at
all, tied to the state by the claims, not folded into it. The label is voted over the mentions,
so one mislabelled mention does not make a person an Organization.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache

from mistrust.extract.link_rules import MEMO_SIZE, without_titles
from mistrust.extract.link_rules import name_key as link_name_key
from mistrust.model._ids import content_id
from mistrust.model.actors import Actor
from mistrust.model.documents import Extraction, Mention
from mistrust.model.roles import is_group_extractor, is_role_mention
from mistrust.model.vocabulary import APOSTROPHES

ACTORS_VERSION = "actors-v2"
ACTOR_LABELS = frozenset({"Person", "Organization", "Country", "Facility", "Nationality", "Vessel"})


# Resolution runs over every mention of the workspace after each analysis, in the one process
# that writes the store (after the workers are done, so its time adds to every run): the same few
# thousand names recur across documents, so a name's key is worked out once (see link_rules.MEMO_SIZE).
@lru_cache(maxsize=MEMO_SIZE)
def name_key(name: str) -> str:
    """The linker's ``link_rules.name_key`` with "'s" and a plural s also set aside, so that the
    mentions of one actor across documents meet ("Guards" / "Guard", "Iran's ministry")."""
    words = link_name_key(re.sub(rf"[{APOSTROPHES}]s\b", "", name, flags=re.IGNORECASE)).split()
    if words and len(words[-1]) >= 6 and words[-1].endswith("s") and not words[-1].endswith("ss"):
        words[-1] = words[-1][:-1]  # "Guards" / "Guard"; short words keep theirs ("Hamas")
    return " ".join(words)


def certain_ids(m: Mention) -> list[str]:
    """List entries a mention is certainly linked to (links without tiers are the landed
    linker's, all of which counted)."""
    out = []
    for h in m.links:
        tier = h.get("tier") if isinstance(h, dict) else getattr(h, "tier", None)
        eid = h.get("entity_id") if isinstance(h, dict) else getattr(h, "entity_id", None)
        if eid and tier in (None, "certain"):
            out.append(str(eid))
    return out


def is_role(m: Mention) -> bool:
    """A role or group of people the tagger found by its head noun ("the Syrian president", "U.S.
    officials"): a relation to a state or body, not an actor or a named entity."""
    return is_role_mention(m.text, m.extractor)


def is_actor(m: Mention) -> bool:
    if m.label not in ACTOR_LABELS or is_role(m):
        return False
    return m.label != "Nationality" or bool(m.canonical) and (m.canonical or "").casefold() != m.text.casefold()


def _is_group(m: Mention) -> bool:
    # roles, offices and pronouns: never merged by name
    return is_group_extractor(m.extractor)


def _own_name(m: Mention) -> str:
    if _is_group(m):
        return m.text
    name = m.canonical or m.text
    # "Supreme Leader Ayatollah Ana Velk" is Ana Velk, and "General Velk" her surname: a title is
    # a role, not part of the name, so it neither splits an actor nor hides a surname.
    return without_titles(name) if m.label == "Person" else name


def _surname_like(text: str) -> bool:
    """Written like a surname: capitalised, not an acronym ("UN" is no surname of "Kim Jong Un")."""
    word = text.strip()
    return word[:1].isupper() and any(ch.islower() for ch in word)


class _Union:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def resolve(extractions: Iterable[Extraction]) -> list[Actor]:
    """Actors over every mention of actor labels in ``extractions`` (each needs a ``doc_id``)."""
    uf = _Union()
    mentions: dict[str, Mention] = {}  # "m|doc|idx" -> mention
    reasons: dict[str, set[str]] = defaultdict(set)  # node -> why it was joined
    surnames: dict[str, list[str]] = {}  # doc-level loose surnames, node ids
    for ex in extractions:
        doc = ex.doc_id or ""
        full: dict[str, set[str]] = defaultdict(set)  # last word key -> person name keys in this doc
        loose: list[tuple[str, str]] = []
        for i, m in enumerate(ex.entities):
            if not is_actor(m):
                continue
            key = name_key(_own_name(m))
            if not key:
                continue  # punctuation the tagger took for a name
            node = f"m|{doc}|{i}"
            mentions[node] = m
            words = key.split()
            if len(words) == 1 and m.label in ("Person", "Organization") and _surname_like(m.text) \
                    and not certain_ids(m) and not _is_group(m):
                loose.append((node, key))  # maybe a surname: decided after the whole document is read
            else:
                uf.union(node, f"name|{key}")
                if m.label == "Person" and len(words) >= 3 and all(len(w) == 1 for w in words[1:-1]):
                    # a middle initial is optional ("Ann B. Velk" is "Ann Velk")
                    uf.union(node, f"name|{words[0]} {words[-1]}")
            for eid in certain_ids(m):
                uf.union(node, f"list|{eid}")
                reasons[f"list|{eid}"].add(f"linked to the same list entry {eid}")
            if m.label == "Person" and len(words) >= 2:
                full[words[-1]].add(key)
        for node, key in loose:
            owners = full.get(key, set())
            if len(owners) == 1:
                owner = next(iter(owners))
                uf.union(node, f"name|{owner}")
                reasons[node].add(f"surname of '{owner}' in the same document")
            else:
                surnames.setdefault(key, []).append(node)
    _attach_surnames(uf, mentions, surnames, reasons)
    return _actors(uf, mentions, reasons)


def _attach_surnames(uf: _Union, mentions: dict[str, Mention], surnames: dict[str, list[str]],
                     reasons: dict[str, set[str]]) -> None:
    """A surname with no full name in its document joins the one full name of the workspace that
    ends with it; with none or several it is an actor of its own (by that name)."""
    persons: dict[str, set[str]] = defaultdict(set)
    for m in mentions.values():
        key = name_key(_own_name(m))
        if m.label == "Person" and len(key.split()) >= 2:
            persons[key.split()[-1]].add(uf.find(f"name|{key}"))
    for key, nodes in surnames.items():
        owners = persons.get(key, set())
        target = next(iter(owners)) if len(owners) == 1 else f"name|{key}"
        for node in nodes:
            uf.union(node, target)
            if len(owners) == 1:
                reasons[node].add(f"the only full name in the workspace that ends with '{key}'")


def _actors(uf: _Union, mentions: dict[str, Mention], reasons: dict[str, set[str]]) -> list[Actor]:
    groups: dict[str, list[str]] = defaultdict(list)
    for node in mentions:
        groups[uf.find(node)].append(node)
    anchors: dict[str, list[str]] = defaultdict(list)
    named: dict[str, list[str]] = defaultdict(list)
    for node in list(uf.parent):
        if node.startswith("list|"):
            anchors[uf.find(node)].append(node[5:])
        elif node.startswith("name|"):
            named[uf.find(node)].append(node)
    why: dict[str, set[str]] = defaultdict(set)
    for node, rs in reasons.items():
        why[uf.find(node)].update(rs)
    out = []
    for root, nodes in groups.items():
        ms = [mentions[n] for n in nodes]
        names = Counter(_own_name(m) for m in ms)
        # The shown name: the most used form, full forms before one-word ones, longer on a tie.
        name = max(names, key=lambda n: (len(n.split()) > 1, names[n], len(n), n))
        labels = Counter("Country" if m.label == "Nationality" else m.label for m in ms)
        label = max(labels, key=lambda lab: (labels[lab], lab == "Person"))
        ids = sorted(set(anchors.get(root, [])))
        # The id stays when documents are added: the group's first list entry, else its first name.
        anchor = f"list:{ids[0]}" if ids else min(named.get(root, []) or nodes)
        refs = sorted((n.split("|")[1], int(n.split("|")[2])) for n in nodes)
        forms = [name] + sorted({f for m in ms for f in (m.text, m.canonical) if f and f != name})
        out.append(Actor(id=content_id("actor", anchor, length=16), name=name, label=label, names=forms,
                         entity_ids=ids, mentions=refs, documents=sorted({d for d, _ in refs}),
                         reasons=sorted(why.get(root, set()))))
    out.sort(key=lambda a: (-len(a.mentions), a.name))
    return out


__all__ = ["ACTORS_VERSION", "ACTOR_LABELS", "certain_ids", "is_actor", "is_role", "name_key", "resolve"]
