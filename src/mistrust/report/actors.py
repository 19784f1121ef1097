"""Which claim ends are actors, and which actor: the node identity of the network.

A claim's subject and object are whatever phrase the claims room found ("which", "type",
"long range missiles", "Tehran", "North Korean"). Only entity mentions of actor labels become
nodes, merged by their canonical name, so "Pyongyang"/"DPRK"/"North Korean" are one North Korea
and "IRGC" is the Islamic Revolutionary Guard Corps. Everything else is a *thing* (or nothing).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from mistrust.model import Claim, Extraction, Mention
from mistrust.model.roles import is_role_mention

# Places (Location) are where things happen, not who acts; Weapon, Money, Date are things.
ACTOR_LABELS = frozenset({"Person", "Organization", "Country", "Facility", "Nationality", "Vessel"})


def clean(name: str | None) -> str | None:
    if name is None:
        return None
    name = " ".join(name.split())
    return name or None


def is_actor_mention(m: Mention) -> bool:
    """An actor label; a nationality only when the extractor mapped it to its country ("Syrian" ->
    Syria): an unmapped one ("Communist", "Islamist") names a doctrine, not a state. A role ("U.S.
    officials") is a relation of people to a state, no node of its own (nor an exported entity)."""
    if m.label not in ACTOR_LABELS or is_role_mention(m.text, m.extractor):
        return False
    if m.label == "Nationality":
        return bool(m.canonical) and (m.canonical or "").casefold() != m.text.casefold()
    return True


def mention_name(m: Mention) -> str | None:
    return clean(m.canonical or m.text)


@dataclass
class ActorIndex:
    """Names of actors as read in the extractions: canonical names, and every surface form that
    maps to exactly one canonical name (an ambiguous alias resolves to nothing)."""

    names: dict[str, str] = field(default_factory=dict)  # casefolded canonical -> canonical
    aliases: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    by_doc: dict[str, list[Mention]] = field(default_factory=dict)

    @classmethod
    def build(cls, extractions: Iterable[Extraction]) -> ActorIndex:
        idx = cls()
        for ex in extractions:
            kept = []
            for m in ex.entities:
                name = mention_name(m)
                if name is None or not is_actor_mention(m):
                    continue
                kept.append(m)
                idx.names.setdefault(name.casefold(), name)
                idx.aliases[_key(m.text)].add(name)
                idx.aliases[_key(name)].add(name)
            if ex.doc_id:
                idx.by_doc.setdefault(ex.doc_id, []).extend(kept)
        return idx

    def resolve(self, raw: str | None, canonical: str | None, claim: Claim | None = None) -> str | None:
        """The actor a claim end names, or None when it is no actor.

        Order: the claim's canonical form when it is an actor's name; the phrase as an actor's
        name or unambiguous alias ("Tehran" read as Iran elsewhere in the reports); an actor
        mention inside the claim's sentence whose text the phrase contains ("Iran's Shahid Haj
        Ali Movahed Research Center" -> the Center, the longest such mention).
        """
        for cand in (canonical, raw):
            c = clean(cand)
            if c is None:
                continue
            if _key(c) in self.names:
                return self.names[_key(c)]
            owners = self.aliases.get(_key(c))
            if owners and len(owners) == 1:
                return next(iter(owners))
        phrase = clean(raw)
        if phrase is None or claim is None or not claim.doc_id:
            return None
        inside = [m for m in self.by_doc.get(claim.doc_id, [])
                  if claim.start <= m.start and m.end <= claim.end
                  and re.search(rf"(?<!\w){re.escape(m.text)}(?!\w)", phrase)]
        if not inside:
            return None
        best = max(inside, key=lambda m: (len(m.text), -m.start))
        return mention_name(best)


def _key(s: str) -> str:
    # "U.N. Security Council" and "UN Security Council", "long-range" and "long range" are one name
    return " ".join(re.sub(r"[.\u2019']", "", s.replace("-", " ")).casefold().split())


# A thing worth a node is a noun phrase of at least two words ("long range missiles", "terror
# tunnels"); single words left unresolved are pronouns, determiners or vague nouns ("which",
# "type", "entities"), and a capitalised phrase is a name the extractor failed to recognise,
# which would be a wrong actor rather than a thing.
_VAGUE = frozenset({"which", "that", "this", "these", "those", "it", "they", "them", "who", "what", "some",
                    "others", "other", "such", "all", "both", "each"})


# A head noun that names nobody in particular ("several entities", "other individuals").
_GENERIC_HEADS = frozenset({"entities", "entity", "individuals", "people", "persons", "things", "parties",
                            "groups", "companies", "countries", "organizations", "organisations", "officials",
                            "sources", "members", "others", "ones", "kind", "type", "types", "way", "ways"})


def thing_name(raw: str | None) -> str | None:
    phrase = clean(raw)
    if phrase is None:
        return None
    words = phrase.split()
    if len(words) < 2 or words[0].casefold() in _VAGUE or words[-1].casefold() in _GENERIC_HEADS:
        return None
    if all(w[:1].isupper() for w in words if w[:1].isalpha()):
        return None
    return phrase
