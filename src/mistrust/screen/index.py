"""Candidate retrieval and ranking: ``ScreenIndex.build(lists)`` then ``index.search(query)``.

Every listed name (primary and aliases) is indexed under several kinds of key, so that a
query finds its candidates through whichever form survives its spelling:

* ``t:`` normalised words (``t:movahed``), and acronyms of multi-word names under ``a:``
  (``a:irgc``); a one-word query is looked up under ``a:`` too, and a long query's own
  acronym under ``t:``, so IRGC and Islamic Revolutionary Guard Corps find each other;
* ``s:`` phonetic skeletons of words (``s:hsn`` for Hosseini/Husaini/Hoseyni);
* ``k:`` the skeleton of the whole name with spaces removed (Namchongang / Nam Chon Gang);
* ``g:`` character trigrams of the joined name, for typos and split or merged words.

Each key weighs its inverse document frequency; the names with the most weight in common
are the candidates (no name is compared: only key postings are summed, grouped by a sort when
they are few, by one counting pass over a per-name array when they are many). Candidates are ranked with a cheap score,
the best few get the full ``mistrust-v22`` score, and the returned hits its feature table with reasons.

The index also reads its lists for the rarity of each word, rigour's classes of its words and
words that one organisation's names use for each other (``links``: Shargh / East), and keeps
them in a ``Lexicon`` that every score of this index is given.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from typing import Final, NamedTuple

import numpy as np
from rapidfuzz.distance import Indel
from rapidfuzz.process import cpdist

from mistrust.model import FeatureResult, Hit, ListEntity, LoadedList, NameQuery
from mistrust.model._ids import content_id
from mistrust.screen.algorithm import (
    ALGORITHM,
    NameScore,
    adjusted,
    evidence_outcome,
    explain_name,
    logit_estimator,
    no_evidence_bound,
    probability,
    score_name,
)
from mistrust.screen.features import INITIALS_MIN_LEN, WHOLE_NAME_SHARE, NameOutcome, NamePair, has_evidence
from mistrust.screen.lexicon import Lexicon, family_name_weights
from mistrust.screen.links import LinkEvidence, evidence_by_name, link_words, mine_links, withheld
from mistrust.screen.normalize import (
    PARTICLES,
    TITLES,
    NormName,
    listed_form,
    lower_case_words,
    normalize_name,
    skeleton,
)
from mistrust.screen.symbols import vocabulary_classes

# 18: the index and its lexicon pickle by named fields (``PICKLED_FIELDS``, ``Lexicon.__reduce__``),
# which both builds read; a cache written before is rebuilt rather than read. 19: the lexicon's
# weights count a family name built on a listed given name as that name (``family_name_weights``).
INDEX_FORMAT: Final = 19
# Candidate names taken from the index per query, and how many near misses get the full feature
# table whatever the others score (``search``).
# 30 rather than 50: on the quality benchmark the extra 20 found 0.2% more variants and as many
# more false hits, and cost a third of the time per query.
RETRIEVE: Final = 30
FULL_SCORE: Final = 4
# When copies of one name crowd the candidates, up to POOL_FACTOR * RETRIEVE names are taken
# so that RETRIEVE distinct names are looked at (see ``_distinct_names``).
POOL_FACTOR: Final = 4
# The quick score errs high already (``algorithm.estimator``): no margin is added to it.
QUICK_MARGIN: Final = 0.0
# Runner-up margin (see ``runner_up_margin``): a candidate this far or further below the best
# one loses MARGIN_WEIGHT of its gap, when the best one scores at least MARGIN_MIN_TOP.
MARGIN_FREE: Final = 0.05
# 2.0 (mistrust-v3, was 1.0): on the quality benchmark's tuning half, false hits on spelling
# variants fell from 6.3% to 4.7% for 0.5% of recall (mostly entries that are a name twin of the best).
MARGIN_WEIGHT: Final = 2.0
MARGIN_MIN_TOP: Final = 0.8
# Keys found in more names than this say almost nothing and cost time; they are skipped.
MAX_POSTINGS_SHARE: Final = 0.02
# Postings are summed by one bincount over all names once there are at least 1/CAND_FACTOR as
# many postings as names, else grouped by sorting them. Both give the same sums in the same
# order; measured on UN + OFAC (26,720 names), the crossover is near 1/30 (sorting a few
# hundred ids is already dearer than a linear pass), not 1/8.
CAND_FACTOR: Final = 32
# How often a build tells its progress (in list entries): often enough for a bar, rare enough to cost nothing.
PROGRESS_EVERY: Final = 250


_BRACKETS: Final = re.compile(r"\(([^()]*)\)")
# The quick ranking's estimate: the algorithm's own combination of the features it estimates,
# the others taken at their most favourable value (see ``algorithm.estimator``), as a logit.
_QUICK_FEATURES: Final = ("name_exact", "name_literal", "name_phonetic", "name_tokens", "name_conflict",
                          "name_acronym", "name_short_form", "name_evidence", "name_corroboration")
_quick_logit: Final = logit_estimator(_QUICK_FEATURES)


def counted_words(name: NormName) -> int:
    """Words of a name that are no particle or title (what ``name_short_form`` compares)."""
    return sum(t not in PARTICLES and t not in TITLES for t in name.tokens)


def _may_be_full_form(name: NormName) -> bool:
    """Whether ``name`` may be the full side of a short form (``features.name_short_form``): only
    a name written "SURNAME, Given names" can; the estimate counts the feature where it may apply."""
    return "," in name.original and len(name.tokens) >= 3


def expand_names(names: list[str]) -> list[str]:
    """Listed names as the lists write them, plus the names packed inside them.

    Lists pack several names in one field: "A; B" (two spellings), and "DAEDONG CREDIT BANK
    (DCB)" (a name with its acronym). Each packed name is indexed on its own as well.
    """
    out: list[str] = []
    for raw in names:
        for name in (raw.split(";") if ";" in raw else [raw]):
            name = name.strip()
            if not name:
                continue
            out.append(name)
            if "(" in name:
                outside = " ".join(_BRACKETS.sub(" ", name).split())
                if outside and outside != name:
                    out.append(outside)
                for inside in _BRACKETS.findall(name):
                    inside = inside.strip()
                    if len(inside) >= 2 and not inside.lower().startswith(("a.k.a", "f.k.a", "formerly", "see ")):
                        out.append(inside)
    return out


def name_keys(n: NormName) -> set[str]:
    keys: set[str] = set()
    for t in n.tokens:
        keys.add("t:" + t)
    for s in n.skeletons:
        if len(s) >= 2:
            keys.add("s:" + s)
    if n.skeleton:
        keys.add("k:" + n.skeleton)
    padded = f"^{n.compact}$"
    for i in range(len(padded) - 2):
        keys.add("g:" + padded[i : i + 3])
    for a in n.acronyms:
        keys.add("a:" + a)
    return keys


def query_keys(n: NormName) -> set[str]:
    """``name_keys`` of a query, with acronym lookups going both ways: the query's words as
    acronyms, the query's acronym as a word (built directly: it runs once per query)."""
    keys = {"t:" + t for t in n.tokens}
    keys.update(["s:" + s for s in n.skeletons if len(s) >= 2])
    if n.skeleton:
        keys.add("k:" + n.skeleton)
    padded = f"^{n.compact}$"
    keys.update(["g:" + padded[i : i + 3] for i in range(len(padded) - 2)])
    # Words written in lower or title case are words, not acronyms (``lower_case_words``).
    written = lower_case_words(n.original)
    keys.update(["a:" + t for t in n.tokens if len(t) >= 2 and t not in written])
    keys.update(["t:" + a for a in n.acronyms])
    return keys


def initials(tokens: tuple[str, ...]) -> str:
    """The first letters of a name's words, particles left out ("rahbaran omid darya ship
    management" -> "rodsm"): a query word found in it may stand for a run of those words."""
    letters = "".join(t[0] for t in tokens if t not in PARTICLES and t.isalpha())
    return letters if len(letters) >= INITIALS_MIN_LEN else ""


def _pair_key(listed: NormName) -> str:
    """The key of a listed name's pair in a search: the name as written (a NormName is a function
    of it, and a string keeps its hash), marked when it is a person's (``listed_form``: a name
    shared by a person and a company scores differently for each)."""
    return listed.original if listed.acronyms or len(listed.tokens) < 2 else "\x00" + listed.original


_NO_LINKS: Final[frozenset[str]] = frozenset()


def _span_size(span: tuple[int, int, float]) -> int:
    return span[1] - span[0]


def _first_of_runs(ordered: np.ndarray) -> np.ndarray:
    """A mask of the first element of each run of equal values in a sorted array (non-empty)."""
    mask = np.empty(len(ordered), dtype=bool)
    mask[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=mask[1:])
    return mask


class QuickRow:
    """What ``quick_logits`` reads of one listed name, in one object (see ``_quick_rows``).

    A class with typed fields rather than a tuple: compiled by mypyc, its fields are read as
    native values and the estimate's arithmetic runs without Python objects; a tuple's items
    would be read as objects, and a tuple kept in a typed list is a copy, which loses the
    sharing of one row by the copies of a name."""

    __slots__ = ("acronyms", "compact", "counted", "full_form", "informative", "informative_whole", "initials", "links",
                 "single", "skel_len", "skel_set", "skeleton", "sorted_compact", "sorted_skeleton", "words")

    def __init__(self, n: NormName, skel_set: frozenset[str], links: frozenset[str], lex: Lexicon) -> None:
        self.compact = n.compact
        self.sorted_compact = n.sorted_compact
        self.skeleton = n.skeleton
        self.sorted_skeleton = n.sorted_skeleton
        self.skel_len = len(n.skeleton)
        self.skel_set = skel_set  # skeletons of the name's parts
        self.single: str | None = n.compact if len(n.tokens) == 1 else None  # a one-word name
        self.acronyms = n.acronyms
        self.initials = initials(n.tokens) if n.acronyms else ""  # a person's: none (``listed_form``)
        self.links = links  # link classes of its words
        self.words = len(n.tokens)
        self.counted = counted_words(n)
        self.full_form = _may_be_full_form(n)
        # ``_most_informative``: what the name's words can identify at most, as a name of several
        # words and as a one-word name.
        self.informative = _most_informative(lex, n, 1.0)
        self.informative_whole = _most_informative(lex, n, WHOLE_NAME_SHARE)

    def fields(self) -> tuple[object, ...]:
        """The row's values (for comparing rows laid out twice)."""
        return (self.compact, self.sorted_compact, self.skeleton, self.sorted_skeleton, self.skel_len, self.skel_set,
                self.single, self.acronyms, self.initials, self.links, self.words, self.counted, self.full_form,
                self.informative, self.informative_whole)


def _most_informative(lex: Lexicon, name: NormName, share: float) -> float:
    """The most ``features.identifying_words`` can count for any pair with ``name``: every word of
    it matched, each measured against ``share`` of a rare word's weight (1, or
    ``WHOLE_NAME_SHARE`` where both names are one counted word, ``features._informative_share``).
    A match uses each word once, so the identifying words of a pair are at most the smaller of its
    two names' values, and ``name_corroboration`` at most that less one."""
    return lex.informative_sum(name.tokens, share)


# A query name's normal form, its candidates ranked by quick score (logits, best first) and the name
# scores of listed names worked out for it so far, by listed name (``ScreenIndex._looked_up``).
Lookup = tuple[NormName, list[tuple[float, int]], dict[str, "ScoredPair"]]
# How many recent query names keep their lookup: nearly every repeat is the very next query
# (the linker asks again with the text's state), and a small memo keeps few objects alive.
RECENT_NAMES: Final = 16


# The fields of a ``ScreenIndex`` its pickle keeps, by name: a class compiled by mypyc has no
# ``__dict__``, and named fields read and write the same whether the class is compiled or not, so
# an index pickled by one build loads in the other. ``_quick`` (derived from ``names``) and
# ``_recent`` (a memo of recent searches) are not stored.
PICKLED_FIELDS: Final = ("entities", "names", "flat", "keys", "idf", "skel_len", "name_text", "skel_sets",
                         "list_versions", "state", "lexicon", "link_evidence", "link_classes", "link_by_name", "_by_id",
                         "sibling_sets")


class ScoredPair:
    """A listed name's pair in a search (``ScreenIndex.search``): the pair, its evidence outcome,
    and its name score once worked out (None while only the evidence is known: a dead end).

    A class with typed fields rather than a list: compiled by mypyc, its fields are read as
    typed values, where a list's items are untyped objects."""

    __slots__ = ("evidence", "pair", "score")

    def __init__(self, pair: NamePair, evidence: NameOutcome) -> None:
        self.pair = pair
        self.evidence = evidence
        self.score: NameScore | None = None


class IndexedName(NamedTuple):
    entity: int  # position in ScreenIndex.entities
    name: str
    norm: NormName
    weak: bool = False  # an alias the list marks as low quality


@dataclass
class IndexedEntity:
    entity: ListEntity
    list_version: str


class ScreenIndex:
    """An in-memory screening index over the current lists. Build once, search many times."""

    def __init__(self) -> None:
        self.entities: list[IndexedEntity] = []
        self.names: list[IndexedName] = []
        # All postings in one array, each key owning a slice (start, end, idf): one object to
        # pickle instead of tens of thousands keeps the on-disk cache quick to load.
        self.flat = np.zeros(0, dtype=np.int32)
        self.keys: dict[str, tuple[int, int, float]] = {}
        self.idf: dict[str, float] = {}
        self.skel_len = np.zeros(0, dtype=np.int32)  # skeleton length of each name
        self.name_text = np.zeros(0, dtype=np.int32)  # one id per distinct normalised name
        self.skel_sets: list[frozenset[str]] = []  # skeletons of each name's parts
        self.list_versions: list[str] = []
        self.state: str | None = None  # the Workspace's lists_state() it was built for
        # Word weights, rigour's classes of the listed words and the links (see ``Lexicon``).
        self.lexicon = Lexicon()
        # Words the lists' own names use for each other (see ``links``), with the name pairs
        # each link was read from, and those pairs by name position.
        self.link_evidence: LinkEvidence = {}
        self.link_classes: dict[str, frozenset[str]] = {}  # word -> its link classes
        self.link_by_name: dict[int, list[str]] = {}
        self._by_id: dict[str, ListEntity] = {}
        # entity position -> positions of the entries sharing one of its names (see ``siblings``).
        self.sibling_sets: dict[int, frozenset[int]] = {}
        # What ``quick_logits`` reads of each name, in one tuple per name (see ``_quick_rows``);
        # derived from ``names``, laid out by the build (or by the first search of an index read
        # back from a pickle) and left out of pickles.
        self._quick: list[QuickRow] | None = None
        # The name-only part of recent searches (see ``_looked_up``); left out of pickles.
        self._recent: dict[str, Lookup] = {}

    @classmethod
    def build(cls, loaded_lists: list[LoadedList], state: str | None = None,
              progress: Callable[[int, int], None] | None = None) -> ScreenIndex:
        """The index over ``loaded_lists``; ``progress(entries done, total + 1)`` is told as it goes
        (the last step is the cross-entry work: siblings, key weights, links)."""
        self = cls()
        self.state = state
        raw: dict[str, list[int]] = defaultdict(list)
        total = sum(len(loaded.entities) for loaded in loaded_lists) + 1
        for loaded in loaded_lists:
            self.list_versions.append(loaded.version.id)
            for entity in loaded.entities:
                if progress is not None and len(self.entities) % PROGRESS_EVERY == 0:
                    progress(len(self.entities), total)
                e_pos = len(self.entities)
                self.entities.append(IndexedEntity(entity, loaded.version.id))
                seen: set[str] = set()
                weak = {a.name for a in entity.aliases if a.quality == "weak"} - {entity.name}
                strong_first = [n for n in entity.all_names() if n not in weak] + sorted(weak)
                for raw_name in strong_first:
                    for name in expand_names([raw_name]):
                        norm = listed_form(normalize_name(name), entity.schema)
                        if not norm.compact or norm.compact in seen:
                            continue
                        seen.add(norm.compact)
                        n_pos = len(self.names)
                        self.names.append(IndexedName(e_pos, name, norm, raw_name in weak))
                        for key in name_keys(norm):
                            raw[key].append(n_pos)
        self.sibling_sets = _sibling_sets(self.names)
        n = max(len(self.names), 1)
        chunks: list[list[int]] = []
        start = 0
        for key, ids in raw.items():
            self.keys[key] = (start, start + len(ids), math.log(1 + n / len(ids)))
            chunks.append(ids)
            start += len(ids)
        self.flat = np.fromiter((i for ids in chunks for i in ids), dtype=np.int32, count=start)
        self.idf = {k: v[2] for k, v in self.keys.items()}
        self.skel_len = np.asarray([len(x.norm.skeleton) for x in self.names], dtype=np.int32)
        texts: dict[str, int] = {}
        self.name_text = np.asarray([texts.setdefault(x.norm.sorted_compact, len(texts)) for x in self.names],
                                    dtype=np.int32)
        self.skel_sets = [frozenset(x.norm.skeletons) for x in self.names]
        # Squared IDF: a rare name part should outweigh a common one by more than a log ratio
        # ("Kim Hyok Chol" must not pass for "Kim Chol" on the strength of Kim and Chol).
        weights = family_name_weights({k[2:]: v * v for k, v in self.idf.items() if k.startswith("t:")})
        self._add_links()
        self.lexicon = Lexicon(weights, math.log(1 + n) ** 2, vocabulary_classes(weights), self.link_classes)
        self._quick_rows()  # laid out now, as part of the build, rather than by the first search
        if progress is not None:
            progress(total, total)
        return self

    def _add_links(self) -> None:
        by_entity: dict[int, list[tuple[int, NormName]]] = defaultdict(list)
        for pos, iname in enumerate(self.names):
            if not iname.weak and self.entities[iname.entity].entity.schema != "Person":
                by_entity[iname.entity].append((pos, iname.norm))
        self.link_evidence = mine_links(by_entity.items())
        self.link_by_name = evidence_by_name(self.link_evidence)
        self.link_classes = {word: frozenset(classes) for word, classes in link_words(self.link_evidence).items()}

    def _links_of(self, tokens: tuple[str, ...]) -> frozenset[str]:
        """The link classes of a name's words (mostly none: one shared empty set)."""
        found = [self.link_classes[t] for t in tokens if t in self.link_classes]
        return frozenset().union(*found) if found else _NO_LINKS

    def token_weight(self, token: str) -> float:
        """Rarity of a name word among all listed names (unknown words are rare)."""
        return self.lexicon.weight(token)

    def candidates(self, norm: NormName, size: int = RETRIEVE) -> list[int]:
        """Positions of the names sharing the most key weight with ``norm``."""
        n_names = len(self.names)
        if not n_names:
            return []
        cap = max(50, int(MAX_POSTINGS_SHARE * n_names))
        keys_get = self.keys.get
        found = list(filter(None, map(keys_get, query_keys(norm))))  # spans are non-empty tuples
        found.sort(key=_span_size)
        flat = self.flat
        posts: list[np.ndarray] = []
        weights: list[float] = []
        lengths: list[int] = []
        for n, (start, end, idf) in enumerate(found):
            # Very common keys cost time and say little; the three rarest are always kept so
            # that a query made only of common words still finds its candidates.
            if end - start > cap and n >= 3:
                break
            posts.append(flat[start:end])
            weights.append(idf)
            lengths.append(end - start)
        if not posts:
            return []
        # The sums below are exact whatever the order of the keys (float32 weights added in
        # float64), so the set's iteration order does not change the candidates.
        ids = np.concatenate(posts)
        # Widened to float64 per key, not per posting (bincount sums in float64 anyway). Array
        # methods rather than numpy's functions (np.repeat, np.unique, np.argpartition): their
        # Python wrappers cost more than the work on a few thousand postings.
        w = np.array(weights, dtype=np.float32).astype(np.float64).repeat(lengths)
        if len(ids) * CAND_FACTOR >= n_names:
            # Many postings: one bincount up to the largest id (linear, no sort) beats sorting
            # the postings to group them, which was the single largest cost per query.
            sums = np.bincount(ids, weights=w)
            # The touched names: the distinct ids, sorted (numpy sorts a few thousand int32 ids
            # quicker than it scans the sums of every name for the positive ones).
            ids.sort()
            uniq = ids[_first_of_runs(ids)]
            sums = sums[uniq]
        else:
            # Few postings: group them without touching an array of all names. A stable sort
            # keeps each name's postings in their order, so the sums add up as bincount's would.
            order = ids.argsort(kind="stable")
            ids = ids[order]
            starts = np.flatnonzero(_first_of_runs(ids))
            uniq = ids[starts]
            sums = np.add.reduceat(w[order], starts)
        if len(uniq) <= size:
            return uniq.tolist()
        part = (-sums).argpartition(size)
        best = part[:size]
        edge = sums[part[size]]
        if sums[best].min() == edge:
            # Equal sums across the cut (the branches of one group share its keys: "ISIL", "ISIL -
            # Libya", "ISIL in Yemen") go to the names closest in length to the query, the fewest
            # words added, rather than to whichever comes first in the index.
            tied = np.flatnonzero(sums == edge)
            above = best[sums[best] > edge]  # every larger sum is among the best
            by_gap = np.lexsort((tied, self._length_gaps(uniq[tied], norm)))
            best = np.concatenate((above, tied[by_gap[: size - len(above)]]))
        chosen = uniq[best]
        if len(set(self.name_text[chosen].tolist())) > size - size // 4:
            return chosen.tolist()
        return self._distinct_names(uniq, sums, size, norm)

    def _length_gaps(self, positions: np.ndarray, norm: NormName) -> np.ndarray:
        """How far each name's skeleton is in length from the query's (orders equal sums)."""
        return np.abs(self.skel_len[positions] - len(norm.skeleton))

    def _distinct_names(self, uniq: np.ndarray, sums: np.ndarray, size: int, norm: NormName) -> list[int]:
        """The names with the largest sums until ``size`` distinct names are in, all their copies
        included (at most ``POOL_FACTOR * size`` names). Taken when copies fill more than a
        quarter of the ``size`` best.

        OFAC lists the branches of one charity as separate entries that repeat the same twenty
        aliases: counted one slot per copy, the query's twins in those entries fill every slot
        and the right entry's own, slightly different names are never looked at.
        """
        # Largest sums first, ties by closeness of length, then by position: the same names
        # whatever the order of the keys. Only the pool can be taken: sort just the names whose
        # sum reaches the pool's smallest (ties at its edge included), not every touched name.
        pool_size = size * POOL_FACTOR
        if len(uniq) > pool_size:
            edge = sums[(-sums).argpartition(pool_size - 1)[pool_size - 1]]
            pool = np.flatnonzero(sums >= edge)
            uniq, sums = uniq[pool], sums[pool]
        order = uniq[np.lexsort((uniq, self._length_gaps(uniq, norm), -sums))][:pool_size]
        seen: set[int] = set()
        out: list[int] = []
        for pos, text in zip(order.tolist(), self.name_text[order].tolist(), strict=True):
            if text not in seen:
                if len(seen) == size:
                    break
                seen.add(text)
            out.append(pos)
        return out

    def _quick_rows(self) -> list[QuickRow]:
        # One tuple per name instead of IndexedName -> NormName -> fields: fewer objects to
        # reach per candidate (cache misses were a good part of the cost of quick_logits).
        rows = self._quick
        if rows is None or len(rows) != len(self.names):
            # A row is a function of the name: copies of one name share one row object, which
            # ``quick_logits`` estimates once per query.
            interned: dict[NormName, QuickRow] = {}
            rows = []
            for n, skels in zip((x.norm for x in self.names), self.skel_sets, strict=True):
                row = interned.get(n)
                if row is None:
                    row = interned[n] = QuickRow(n, skels, self._links_of(n.tokens), self.lexicon)
                rows.append(row)
            self._quick = rows
        return rows

    def __getstate__(self) -> dict[str, object]:
        return {field: getattr(self, field) for field in PICKLED_FIELDS}

    def __setstate__(self, state: dict[str, object]) -> None:
        ScreenIndex.__init__(self)  # a field absent from an older pickle keeps its default
        for field in PICKLED_FIELDS:
            if field in state:
                setattr(self, field, state[field])
        # laid out at load, as at build, rather than by the first search: a server freezes what it
        # loaded (``gc_pause.keep_loaded``) before it searches, and rows laid out after that (some
        # 30,000 objects for a real list) stayed in the collector's reach: every full collection
        # walked them, a pause of 14 - 19 ms of CPU on a busy server's event loop (5 ms without)
        self._quick_rows()

    def quick_scores(self, norm: NormName, positions: list[int],
                     links: Mapping[str, frozenset[str]] | None = None) -> list[tuple[float, int]]:
        """A cheap estimate of the full name score for many candidates at once, best first
        (``quick_logits`` turned into probabilities)."""
        return [(probability(logit), pos) for logit, pos in self.quick_logits(norm, positions, links)]

    def quick_logits(self, norm: NormName, positions: list[int],
                     links: Mapping[str, frozenset[str]] | None = None) -> list[tuple[float, int]]:
        """A cheap estimate of the full name score's logit for many candidates at once, best first.
        A search turns into a probability only the estimates it reads (``probability`` is
        increasing: the order is the probabilities' order).

        Letters and skeletons are compared by rapidfuzz in C, as the full score compares them;
        name parts by their skeleton sets, with the parts both names keep that the other lacks
        as the conflict (cf. ``name_conflict``). The estimates go through the algorithm's own
        weights (``_quick_logit``). ``links`` defaults to the index's.

        A query word linked to a word of the candidate (``links``: word -> link classes), or that
        spells the initials of adjacent words of it, counts as a shared part, as the full score
        may match it: otherwise a name with several look-alike neighbours ranks too low to be
        scored at all ("Stichting Al-Aqsa" for "Foreningen Al-Aqsa").
        """
        if not positions:
            return []
        rows = self._quick_rows()
        picked = [rows[i] for i in positions]
        # Copies of one name (one party on two lists, the branches of one charity) share one row
        # object (``_quick_rows``): each distinct row is estimated once.
        firsts: dict[int, QuickRow] = {}
        for row in picked:
            firsts.setdefault(id(row), row)
        distinct = picked if len(firsts) == len(picked) else list(firsts.values())
        if links is None:
            links = self.lexicon.links
        # All four forms of the name in one pairwise rapidfuzz call; the rest is plain Python
        # arithmetic per candidate: for ~30 candidates, a dozen small numpy operations cost
        # more in call overhead than the loop.
        k = len(distinct)
        sims: list[float] = cpdist(
            [norm.compact] * k + [norm.sorted_compact] * k + [norm.skeleton] * k + [norm.sorted_skeleton] * k,
            [r.compact for r in distinct] + [r.sorted_compact for r in distinct] + [r.skeleton for r in distinct]
            + [r.sorted_skeleton for r in distinct],
            scorer=Indel.normalized_similarity,
        ).tolist()
        q_len = len(norm.skeleton)
        qset = frozenset(norm.skeletons)
        nq = len(qset)
        q_sorted, q_compact, q_acronyms = norm.sorted_compact, norm.compact, norm.acronyms
        q_one = len(norm.tokens) == 1
        # (link classes, skeleton) of the query words that have links: none for most queries.
        q_links = [(cls, skeleton(t)) for t in norm.tokens if (cls := links.get(t))] if links else []
        # Query words that the full score may match to the initials of adjacent words of a
        # candidate (PSK / Pardis Sahel Kish): the estimate counts them as shared, erring high.
        written = lower_case_words(norm.original)
        q_initials = [(t, skeleton(t)) for t in norm.tokens
                      if INITIALS_MIN_LEN <= len(t) <= 6 and t.isalpha() and t not in PARTICLES and t not in written
                      ] if len(norm.tokens) > 1 else []
        q_acronym = q_one and q_compact not in written
        q_full, q_words, q_counted = _may_be_full_form(norm), len(norm.tokens), counted_words(norm)
        q_informative = _most_informative(self.lexicon, norm, 1.0)
        q_informative_whole = _most_informative(self.lexicon, norm, WHOLE_NAME_SHARE)
        estimates: list[float] = []
        for j in range(k):
            row = distinct[j]
            # The better of the two letter and of the two sound comparisons (as ``max`` takes it).
            lit, lit_sorted, pho, pho_sorted = sims[j], sims[k + j], sims[2 * k + j], sims[3 * k + j]
            if lit_sorted > lit:
                lit = lit_sorted
            if pho_sorted > pho:
                pho = pho_sorted
            c_len, theirs, c_initials, c_links = row.skel_len, row.skel_set, row.initials, row.links
            exact = row.sorted_compact == q_sorted
            # Short skeletons say little: blend the sound with the letters (cf. ``confidence``).
            # From four consonants on both sides the blend is the sound alone (1 * pho + 0 * lit).
            if c_len < 4 or q_len < 4:
                conf = (min(q_len, c_len) + 1) / 5
                sounds = conf * pho + (1 - conf) * lit
            else:
                sounds = pho
            parts = conflict = 0.0
            if nq:
                nt = len(theirs)
                if nt:
                    common = len(qset & theirs)
                    if q_links and c_links:
                        for cls, sk in q_links:
                            if sk not in theirs and common < nq and common < nt and not cls.isdisjoint(c_links):
                                common += 1
                    if q_initials and c_initials:
                        for word, sk in q_initials:
                            if word in c_initials and sk not in theirs and nt - len(word) + 1 > common < nq:
                                common += 1  # one query part, standing for len(word) of the candidate's
                                nt -= len(word) - 1
                    parts = 2 * common / (nq + nt)
                    if common < nq and common < nt:  # both names keep parts the other lacks
                        q_left, c_left = 1 - common / nq, 1 - common / nt
                        conflict = c_left if c_left < q_left else q_left
            # Skeleton sets miss near spellings (Koligreza / Koligrexy) and words split differently
            # (Nam Chon Gang / Namchongang), which the full score matches: the shared letters
            # bound what the parts may reach and what may conflict, so the estimate errs high.
            if lit > parts:
                parts = lit
            if conflict > 1 - lit:
                conflict = 1 - lit
            single = row.single
            acronym = (q_acronym and q_compact in row.acronyms) or (single is not None and single in q_acronyms)
            if acronym:  # the full score matches the acronym to the words it spells (``initials``)
                parts, conflict = 1.0, 0.0
            # The full side of a short form keeps words (the later given names) besides those the
            # short side's counted words match: only then may the feature apply.
            short = 1.0 if not exact and ((row.full_form and row.words > q_counted)
                                          or (q_full and q_words > row.counted)) else 0.0
            # The most the two names' words can identify (``_most_informative``): up to one word the
            # evidence (an acronym counts whole, ``features.identifying_words``), beyond it the
            # corroboration.
            if q_counted <= 1 and row.counted <= 1:  # may be two one-word names: the larger share
                most = q_informative_whole if q_informative_whole < row.informative_whole else row.informative_whole
            else:
                most = q_informative if q_informative < row.informative else row.informative
            evidence = 1.0 if acronym or most > 1.0 else most
            corroboration = 0.0 if most < 1.0 else (1.0 if most > 2.0 else most - 1.0)
            estimates.append(_quick_logit.logit([exact, lit, sounds, parts, conflict, acronym, short, evidence,
                                                 corroboration]))
        if distinct is not picked:
            slot = {key: n for n, key in enumerate(firsts)}
            estimates = [estimates[slot[id(row)]] for row in picked]
        out = list(zip(estimates, positions, strict=True))
        out.sort(reverse=True)
        return out

    def search(
        self,
        query: NameQuery,
        threshold: float = 0.7,
        limit: int = 10,
        min_score: float = 0.5,
        exclude: Collection[int] = (),
    ) -> list[Hit]:
        """Ranked, explained hits for ``query`` with ``score >= min_score`` (at most ``limit``).

        ``exclude`` holds name positions to ignore (leave-one-alias-out evaluation).
        """
        if exclude:
            # The excluded names are treated as unlisted: the links only they support go too.
            held = withheld(self.link_evidence, self.link_by_name, set(exclude))
            lex = self.lexicon.withholding(held)
            norm = normalize_name(query.name)
            if not norm.compact:
                return []
            retrieved = [i for i in self.candidates(norm) if i not in exclude]
            # Keyed by the name as written: a NormName is a function of it, and a string keeps
            # its hash where the tuple's is worked out again at every lookup. The pair, its
            # evidence outcome, and its name score once worked out (None while only the evidence
            # is known: a dead end, below).
            scored: dict[str, ScoredPair] = {}
            ranked = self.quick_logits(norm, retrieved, lex.links)
        else:
            lex = self.lexicon
            found_name = self._looked_up(query.name)
            if found_name is None:
                return []
            norm, ranked, scored = found_name
        # entity position -> (score, name position, exact name): candidates are scored with
        # numbers and facts only; the reasons are written for the returned hits.
        best: dict[int, tuple[float, int, bool]] = {}
        by_pos: dict[int, tuple[NamePair, NameScore]] = {}
        # Dead ends: names without evidence whose final score is provably below ``min_score``
        # (``no_evidence_bound``) get no other feature. They change no hit, but the loop's
        # stopping rules read the scores of every entry visited: ``visits`` keeps each visit in
        # order (score None for a dead end), ``dead`` the bound of each entry's dead ends, and
        # ``_settle`` scores them in full and replays the visits when a rule needs their scores.
        visits: list[tuple[int, int, float | None, bool]] = []
        dead: dict[int, float] = {}

        # The best FULL_SCORE candidates are scored down to ``min_score`` (near misses); beyond
        # them, only candidates whose estimate may still reach the threshold or beat the best score
        # so far. The quick score errs high on what it does not compare, so far-off candidates are
        # not worth their full score next to a match (tests/test_screen_speed_paths.py checks that
        # no match is lost). Without a match the best near miss is the top hit, and the quick
        # ranking orders near misses too loosely to find it among the first four: the search goes
        # on while an estimate beats the best score (leave-one-alias-out, different names, top-1
        # half a 0.582 -> 0.621, half b 0.555 -> 0.575). A query that matches pays nothing more;
        # one without a match pays for the near misses it scores (tests/test_screen_near_misses.py).
        floor = min_score - QUICK_MARGIN
        deep_floor = threshold - QUICK_MARGIN / 2
        entered: dict[int, None] = {}  # the entries visited, in order (dead ends included)
        top = 0.0  # the best score so far
        for rank, (logit, pos) in enumerate(ranked):
            quick = probability(logit)
            if quick < floor and visits:
                break
            if rank >= FULL_SCORE and quick < deep_floor and quick <= top:
                break
            if len(entered) >= limit:
                # Dead ends below ``quick`` do not count among the entries that reach it.
                if dead and max(dead.values()) >= quick:
                    best = self._settle(visits, scored, by_pos, dead, query)
                if len(best) >= limit and sorted(v[0] for v in best.values())[-limit] >= quick:
                    break  # the ``limit`` best entries so far score at least what any later name can
            iname = self.names[pos]
            e = iname.entity
            if e in dead and dead[e] >= quick + QUICK_MARGIN:  # its dead ends may decide the rule below
                best = self._settle(visits, scored, by_pos, dead, query)
            current = best.get(e)
            if current is not None and current[0] >= quick + QUICK_MARGIN:
                continue  # this entity already has a better name than this one can reach
            entity = self.entities[e].entity
            listed = iname.norm
            # The name score depends on the two names only: a name listed in several entries (a
            # party on two lists, the branches of one charity) is compared once.
            key = _pair_key(listed)
            found = scored.get(key)
            if found is None:
                pair = NamePair(norm, listed, lex)
                found = scored[key] = ScoredPair(pair, evidence_outcome(pair))
            name = found.score
            entered[e] = None
            if name is None:
                evidence, facts = found.evidence
                if not has_evidence(evidence, facts):
                    bound = no_evidence_bound(listed, query, entity, iname.weak)
                    if bound < min_score:
                        visits.append((e, pos, None, False))
                        dead[e] = max(bound, dead.get(e, 0.0))
                        continue
                name = found.score = score_name(found.pair, found.evidence)
            by_pos[pos] = (found.pair, name)
            score = adjusted(name.value, listed, query, entity, iname.weak, explain=False)[0]
            visits.append((e, pos, score, name.exact))
            if score > top:
                top = score
            if current is None or score > current[0]:
                best[e] = (score, pos, name.exact)
        if dead:
            # The entries in the order of their first visit, as the full scores would have
            # entered them (ties for the best entry go to the first); dead ends stay out: they
            # score below ``min_score``, so no hit and no margin depends on them.
            best = {e: best[e] for e in entered if e in best}
        # Bound methods, not lambdas: compiled, a lambda reading ``self`` puts the search's
        # variables in a heap object (see ``_settle``).
        margined = runner_up_margin(best, self._entity_name, self.siblings)
        kept = sorted([v for v in margined.values() if v[0] >= min_score], key=self._hit_order)[:limit]
        hits = []
        for score, pos, runner_up in kept:
            iname = self.names[pos]
            ient = self.entities[iname.entity]
            pair, name = by_pos[pos]
            feats = explain_name(pair, name)  # the same words as this name: the same reasons
            feats += adjusted(name.value, iname.norm, query, ient.entity, iname.weak)[1]
            if runner_up is not None:
                feats.append(runner_up)
            hits.append(Hit(
                entity_id=ient.entity.id,
                entity_name=ient.entity.name,
                schema=ient.entity.schema,
                list_version=ient.list_version,
                query_name=query.name,
                matched_name=iname.name,
                score=score,
                match=score >= threshold,
                threshold=threshold,
                algorithm=ALGORITHM,
                features=feats,
                programs=list(ient.entity.programs),
                id=content_id(norm.sorted_compact, ient.entity.id),
            ))
        return hits

    def _settle(self, visits: list[tuple[int, int, float | None, bool]], scored: dict[str, ScoredPair],
                by_pos: dict[int, tuple[NamePair, NameScore]], dead: dict[int, float],
                query: NameQuery) -> dict[int, tuple[float, int, bool]]:
        """The best visit of each entry with its dead ends scored in full, replaying ``search``'s
        visits in order (``dead`` emptied). A method, not a closure of ``search``: compiled by
        mypyc, a closure and the frame object it reads hold each other, and each search left
        that cycle (its pairs and scores with it) to the garbage collector."""
        replayed: dict[int, tuple[float, int, bool]] = {}
        for k, (e, pos, score, exact) in enumerate(visits):
            if score is None:
                iname = self.names[pos]
                found = scored[_pair_key(iname.norm)]
                name = found.score
                if name is None:
                    name = found.score = score_name(found.pair, found.evidence)
                by_pos[pos] = (found.pair, name)
                score, exact = adjusted(name.value, iname.norm, query, self.entities[e].entity, iname.weak,
                                        explain=False)[0], name.exact
                visits[k] = (e, pos, score, exact)
            current = replayed.get(e)
            if current is None or score > current[0]:
                replayed[e] = (score, pos, exact)
        dead.clear()
        return replayed

    def _entity_name(self, e: int) -> str:
        return self.entities[e].entity.name

    def _hit_order(self, v: tuple[float, int, FeatureResult | None]) -> tuple[float, str]:
        """Hits by score, best first, then by entry id."""
        return -v[0], self.entities[self.names[v[1]].entity].entity.id

    def _looked_up(self, name: str) -> Lookup | None:
        """The part of a search that depends on the query's name alone: its normal form, the
        candidates ranked by quick score, and the name scores worked out so far (filled by the
        searches that use them). None when the name has no letters to search with.

        The linker screens one name again with other countries (the sentence's, then the text's
        state), and countries change only ``adjusted``, after the name scores: the last few names'
        lookups are kept and shared (bounded: ``RECENT_NAMES``).
        """
        recent = self._recent
        found: Lookup | None = recent.get(name)
        if found is not None:
            return found
        norm = normalize_name(name)
        if not norm.compact:
            return None
        found = (norm, self.quick_logits(norm, self.candidates(norm)), {})
        if len(recent) >= RECENT_NAMES:
            recent.clear()
        recent[name] = found
        return found

    def siblings(self, entity: int) -> frozenset[int]:
        """Entries that share a listed name of two words or more with ``entity`` (not itself)."""
        return self.sibling_sets.get(entity, frozenset())

    def entity(self, entity_id: str) -> ListEntity | None:
        if len(self._by_id) != len(self.entities):
            self._by_id = {ie.entity.id: ie.entity for ie in self.entities}
        return self._by_id.get(entity_id)


def _sibling_sets(names: list[IndexedName]) -> dict[int, frozenset[int]]:
    """Entries listed under one shared name: OFAC lists the branches of one charity or the
    companies of one group as separate entries that repeat the same aliases.

    Only strong names of two words or more count: a one-word or low-quality alias ("Abu
    Muhammad") is shared by unrelated people.
    """
    by_name: dict[str, set[int]] = defaultdict(set)
    for iname in names:
        if not iname.weak and len(iname.norm.tokens) >= 2:
            by_name[iname.norm.sorted_compact].add(iname.entity)
    out: dict[int, set[int]] = defaultdict(set)
    for entities in by_name.values():
        if len(entities) > 1:
            for e in entities:
                out[e].update(entities - {e})
    return {e: frozenset(others) for e, others in out.items()}


def runner_up_margin(
    best: dict[int, tuple[float, int, bool]], entity_name: Callable[[int], str],
    siblings: Callable[[int], Collection[int]] = lambda e: (),
) -> dict[int, tuple[float, int, FeatureResult | None]]:
    """Lower the other candidates by part of their gap to a clearly better one.

    ``best`` maps an entity to (score, name position, exact name); the result to (new score,
    name position, the ``runner_up`` feature explaining the drop or None).

    Partial name agreement is weaker evidence when another entry explains the same query much
    better: "Kim Hyok Chol" is 1.0 for KIM, Hyok Chol, and then its 0.75 for KIM, Chol comes only
    from the shared Kim and Chol. A runner-up within ``MARGIN_FREE`` of the best, or matching the
    query exactly, keeps its score (two entries can be equally good, e.g. one party on two lists).
    So does a sibling of the best entry (``siblings``: an entry sharing one of its listed names):
    the margin tells a party from a different one, not the entries of one party from each other.
    """
    if len(best) < 2:
        return {e: (score, pos, None) for e, (score, pos, _exact) in best.items()}
    top_entity, (top, _pos, _exact) = max(best.items(), key=lambda kv: kv[1][0])
    if top < MARGIN_MIN_TOP:
        return {e: (score, pos, None) for e, (score, pos, _exact) in best.items()}
    out: dict[int, tuple[float, int, FeatureResult | None]] = {}
    related = siblings(top_entity)
    for e, (score, pos, exact) in best.items():
        gap = top - score
        if e == top_entity or gap <= MARGIN_FREE or exact or e in related:
            out[e] = (score, pos, None)
            continue
        delta = -round(MARGIN_WEIGHT * gap, 4)
        reason = (f"another entry, '{entity_name(top_entity)}', matches the query much better "
                  f"({top:.2f} vs {score:.2f})")
        out[e] = (round(max(0.0, score + delta), 4), pos, FeatureResult("runner_up", round(gap, 4), delta, reason))
    return out


__all__ = ["FULL_SCORE", "INDEX_FORMAT", "RETRIEVE", "ScreenIndex", "name_keys", "query_keys"]
