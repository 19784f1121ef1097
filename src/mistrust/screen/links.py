"""Words the lists themselves give as the same word: translations read off one entry's names.

An organisation is often listed under its name in two languages, or with one word swapped:
"IRAN & SHARGH COMPANY" and "IRAN AND EAST COMPANY", "MARTYRS FOUNDATION" and "MARTYRS FUND",
"ISIL-SAUDI ARABIA" and "ISIS-SAUDI ARABIA". Two names of one entry that agree on every word
but one each say that, for this list, those two words can stand for each other. No spelling
rule links Shargh to East, and rigour's curated word classes (``symbols``) know only the generic
words of organisation names; the lists know their own vocabulary.

Each such pair of words becomes a word class ``[LIST:a~b]`` of both words, which the name
alignment then treats like rigour's classes: a partial match with its own reason. Only entries
that are not people are read. A person's aliases swap whole name parts (a kunya for a given
name, a nickname): "Abu" for "Ahmed" would be a link between two different names.

``LinkEvidence`` keeps, for each link, the pairs of listed names it was read from, so that a
leave-one-alias-out evaluation can withdraw the links that only the left-out alias supports
(``withheld``, ``without``).
"""

from __future__ import annotations

from collections import ChainMap, defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from itertools import combinations

from mistrust.screen.normalize import PARTICLES, NormName, skeleton

# Names longer than this (in words) are not paired: a long name with one word swapped is as
# likely a different body (a branch, a department) as a translation, and pairing every name of
# an entry with every other is quadratic.
MAX_WORDS = 8
# Entries with more names than this are read for their first MAX_NAMES only (a few OFAC
# entries list over a hundred spellings).
MAX_NAMES = 40
LINK_PREFIX = "[LIST:"

# link class -> ((entity position, name position, name position), ...)
LinkEvidence = dict[str, tuple[tuple[int, int, int], ...]]


def link_class(a: str, b: str) -> str:
    first, second = sorted((a, b))
    return f"{LINK_PREFIX}{first}~{second}]"


def _content(norm: NormName) -> list[str]:
    return [t for t in norm.tokens if t not in PARTICLES]


def swapped_word(a: NormName, b: NormName) -> tuple[str, str] | None:
    """The one word each name has in place of the other's, when all their other words agree.

    Words agree when their phonetic skeletons do (Hizballah / Hezbollah), so a spelling variant
    is not taken for a translation. Both names need a word in common besides the swapped one.
    """
    ta, tb = _content(a), _content(b)
    if not 2 <= len(ta) <= MAX_WORDS or not 2 <= len(tb) <= MAX_WORDS:
        return None
    sa = {skeleton(t) for t in ta}
    sb = {skeleton(t) for t in tb}
    rest_a = [t for t in ta if skeleton(t) not in sb]
    if len(rest_a) != 1:
        return None
    rest_b = [t for t in tb if skeleton(t) not in sa]
    if len(rest_b) != 1 or len(rest_a[0]) < 3 or len(rest_b[0]) < 3:
        return None
    if rest_a[0].isdigit() or rest_b[0].isdigit():
        return None  # a number is a different branch or unit, not a translation
    return rest_a[0], rest_b[0]


def mine_links(entries: Iterable[tuple[int, Sequence[tuple[int, NormName]]]]) -> LinkEvidence:
    """Links from ``entries``: (entity position, [(name position, normalised name), ...])."""
    found: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
    for entity, names in entries:
        for (pa, na), (pb, nb) in combinations(names[:MAX_NAMES], 2):
            pair = swapped_word(na, nb)
            if pair is not None:
                found[link_class(*pair)].append((entity, pa, pb))
    return {cls: tuple(ev) for cls, ev in found.items()}


def link_words(evidence: Mapping[str, object]) -> dict[str, set[str]]:
    """word -> the link classes (the keys of ``evidence``) it belongs to."""
    out: dict[str, set[str]] = defaultdict(set)
    for cls in evidence:
        first, second = cls[len(LINK_PREFIX) : -1].split("~")
        out[first].add(cls)
        out[second].add(cls)
    return out


def withheld(evidence: LinkEvidence, by_name: dict[int, list[str]], names: Collection[int]) -> frozenset[str]:
    """The links that only pairs involving ``names`` (name positions) support.

    ``by_name`` maps a name position to the links it is evidence for (see ``evidence_by_name``).
    """
    if not names:
        return frozenset()
    out = set()
    for pos in names:
        for cls in by_name.get(pos, ()):
            if all(pa in names or pb in names for _e, pa, pb in evidence[cls]):
                out.add(cls)
    return frozenset(out)


def without(link_classes: dict[str, frozenset[str]], held: frozenset[str]) -> Mapping[str, frozenset[str]]:
    """``link_classes`` (word -> its link classes) less the ``held`` links, the rest untouched."""
    if not held:
        return link_classes
    changed = {word: link_classes[word] - held for word in link_words(dict.fromkeys(held, ()))}
    return ChainMap(changed, link_classes)


def evidence_by_name(evidence: LinkEvidence) -> dict[int, list[str]]:
    out: dict[int, list[str]] = defaultdict(list)
    for cls, pairs in evidence.items():
        for _e, pa, pb in pairs:
            out[pa].append(cls)
            out[pb].append(cls)
    return dict(out)


def is_link(cls: str) -> bool:
    return cls.startswith(LINK_PREFIX)


__all__ = ["LINK_PREFIX", "LinkEvidence", "evidence_by_name", "is_link", "link_class", "link_words", "mine_links",
           "swapped_word", "withheld", "without"]
