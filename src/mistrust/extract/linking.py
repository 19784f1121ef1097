"""Links from entity mentions to sanctions list entries, through an injected screening function.

The Workspace passes its screening (``ws.screen(NameQuery(...), record=False)``); this module never
imports the screening engine. Only actors that can be listed are screened (Person, Organization,
Facility, Vessel): countries and nationalities never are, so "Iran" does not link to every Iranian
bank. A hit is kept when the screening calls it a match *and* its score reaches the link threshold,
which is stricter than the screening default because a mention carries less context than a query
typed by an analyst. One-word person names ("Price") are not screened: a surname alone matches
half of any list. For the same reason a hit must also be *reliable* for a mention (``reliable``):
not carried by a weak alias, not a short acronym's chance expansion, and exact for a one-word name. Results are cached per (name, schema, countries): a name repeated in an article
or across a batch is screened once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from mistrust.extract.entities import Recognized
from mistrust.model.screening import Hit, NameQuery

LINKING_VERSION = "linking-v2"
ScreenFn = Callable[[NameQuery], list[Hit]]

LINK_LABELS = ("Person", "Organization", "Facility", "Vessel")
_SCHEMAS = {"Person": "Person", "Organization": "Organization", "Vessel": "Vessel",
            # Listed facilities are organisations or legal entities ("SHAHID MOVAHED INDUSTRIES").
            "Facility": "Any"}


@dataclass(frozen=True)
class LinkOptions:
    threshold: float = 0.85
    limit: int = 3  # hits kept per mention, best first
    labels: tuple[str, ...] = LINK_LABELS
    min_chars: int = 3
    # Keep only hits close to the best one: "Islamic Revolutionary Guard Corps" scores 1.0 on the
    # Corps and 0.85 on its Air Force; the mention names the Corps, not every branch.
    margin: float = 0.05


def reliable(hit: Hit, mention_name: str) -> bool:
    """Whether a screening hit is strong enough to link a name read in an article.

    - Not through a weak alias: list publishers mark them weak because they are broad ("ALLIANCE"
      for a cartel) and tell screeners not to rely on them alone.
    - Not an acronym of three letters or fewer expanded by chance: 26^3 combinations against tens of
      thousands of listed names always find one ("FBI" is the initials of a listed Iranian company).
      Acronyms defined in the text are screened in their long form already.
    - A one-word name links only when the names are the same: a single fuzzy word ("Satan" vs
      "SATNA") has nothing else to confirm it.
    """
    fired = {f.name for f in hit.features if f.score > 0}
    if "weak_alias" in fired:
        return False
    compact = mention_name.replace(" ", "").replace(".", "")
    if "name_acronym" in fired and "name_exact" not in fired and len(compact) <= 3:
        return False
    if len(mention_name.split()) == 1 and "name_exact" not in fired:
        return False
    return True


class Linker:
    def __init__(self, screen: ScreenFn, options: LinkOptions | None = None) -> None:
        self.screen = screen
        self.options = options or LinkOptions()
        self._cache: dict[tuple[str, str, tuple[str, ...]], list[Hit]] = {}
        self.calls = 0

    def query_for(self, rec: Recognized) -> NameQuery | None:
        """The screening query for a mention, or None when the mention is not screened."""
        m = rec.mention
        if m.label not in self.options.labels or rec.generic:
            return None  # offices, groups and pronouns ("the Foreign Secretary") name no one listed
        # The long form of an acronym screens better than the acronym ("IRGC" -> the Corps).
        name = m.canonical or m.text
        if len(name.replace(" ", "")) < self.options.min_chars:
            return None
        if m.label == "Person" and len(name.split()) < 2:
            return None
        return NameQuery(name=name, schema=_SCHEMAS[m.label], countries=list(rec.countries))

    def link(self, rec: Recognized) -> list[Hit]:
        query = self.query_for(rec)
        if query is None:
            return []
        key = (query.name.lower(), query.schema, tuple(query.countries))
        if key not in self._cache:
            self.calls += 1
            hits = self.screen(query)
            kept = [h for h in hits if h.match and h.score >= self.options.threshold and reliable(h, query.name)]
            kept.sort(key=lambda h: -h.score)
            if kept:
                kept = [h for h in kept if h.score >= kept[0].score - self.options.margin]
            self._cache[key] = kept[: self.options.limit]
        return list(self._cache[key])

    def link_all(self, recs: list[Recognized]) -> None:
        """Fill ``mention.links`` of every recognised mention in place."""
        for rec in recs:
            rec.mention.links = self.link(rec)


__all__ = ["LINKING_VERSION", "LINK_LABELS", "LinkOptions", "Linker", "ScreenFn", "reliable"]
