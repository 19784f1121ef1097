"""What an index knows about the words of its lists, passed explicitly to every score.

A ``Lexicon`` holds a word's rarity weight (squared IDF over the listed names), rigour's word
classes of the listed words (``symbols``) and the links the lists' own names give (``links``).
The index builds it once; the features read it from their argument, never from module state,
so two indexes (or a leave-one-alias-out search that withholds some links) can score side by
side in one process.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Final

from mistrust.screen.links import without
from mistrust.screen.symbols import word_classes

# Without a list there is no telling common words from rare ones: every word weighs as a word
# found in one name in about 20,000 would (log(1 + 20,000) squared), so nothing reads as common.
FLAT_WEIGHT: Final = 98.0

# Family names made of a given name and the naming custom's patronymic or origin ending: English
# -son (Johnson), East Slavic -ov / -ev / -in and their feminine forms (Ivanov, Ivanova), Spanish
# and Portuguese -ez / -es (Martinez, Fernandes: the base may have lost a final o, Rodrigo /
# Rodriguez), the Persian and Arabic nisba -i / -y / -ei (Ahmadi, Rezaei), Turkish -oglu. Such a
# family name is borne by the descendants of everyone who had that given name: among people it is
# about as common as the given name, however rarely the lists happen to carry it.
FAMILY_ENDINGS: Final = (("son", ""), ("ov", ""), ("ev", ""), ("in", ""), ("ova", ""), ("eva", ""), ("ina", ""),
                         ("ez", ""), ("ez", "o"), ("es", ""), ("es", "o"), ("i", ""), ("y", ""), ("ei", ""),
                         ("oglu", ""))
# The base left must be a word of this many letters at least: shorter ones are as often a
# given name that merely ends so (Sami, Amin, Diaz) as a name built on another.
FAMILY_BASE_LETTERS: Final = 4


@dataclass(frozen=True)
class Lexicon:
    """Word weights, word classes and links of one index (or none, for a bare comparison)."""

    # Dicts rather than any mapping: compiled by mypyc, ``weight`` (called for nearly every word
    # a score reads) and ``classes_of`` look a word up in C instead of calling a mapping's ``get``.
    weights: dict[str, float] = field(default_factory=dict)
    default_weight: float = FLAT_WEIGHT  # a word the lists do not have
    classes: dict[str, frozenset[str]] = field(default_factory=dict)
    # Any mapping: a search that withholds links reads them through a ChainMap (``withholding``).
    links: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def __reduce__(self) -> tuple[type[Lexicon], tuple[dict[str, float], float, dict[str, frozenset[str]],
                                                      Mapping[str, frozenset[str]]]]:
        # Pickled as a call with its fields: compiled by mypyc, a frozen class restored field by
        # field refuses the assignments, and a call reads the same in either build.
        return Lexicon, (self.weights, self.default_weight, self.classes, self.links)

    def weight(self, token: str) -> float:
        """Rarity of a name word among the listed names (``family_name_weights``); a word the
        lists lack is rare, unless it is a family name built on a listed given name."""
        found = self.weights.get(token)
        if found is not None:
            return found
        return base_weight(token, self.weights, self.default_weight)

    def classes_of(self, word: str) -> frozenset[str]:
        """rigour's classes of ``word`` plus its links in these lists."""
        classes = self.classes.get(word)
        if classes is None:
            classes = word_classes(word)
        linked = self.links.get(word)
        return classes | linked if linked else classes

    def weight_sum(self, words: Iterable[str]) -> float:
        """The summed rarity weight of ``words``, added in order: what ``sum(map(self.weight,
        words), 0.0)`` adds, as a loop of direct calls (compiled by mypyc, ``map`` would call
        ``weight`` as a Python object; interpreted, as quick for the few words of a name)."""
        total = 0.0
        for word in words:
            total += self.weight(word)
        return total

    def informative(self, token: str) -> float:
        """How much a word identifies, 0..1: a word the lists lack is 1, a common word little."""
        return self.informative_sum((token,))

    def informative_sum(self, words: Iterable[str], share: float = 1.0) -> float:
        """``informative`` summed over ``words``, in order, each word's weight measured against
        ``share`` of a word the lists lack (a loop of direct calls: compiled by mypyc, quicker
        than ``sum(map(...))``, which calls the method as a Python object)."""
        full = share * self.default_weight
        total = 0.0
        for word in words:
            total += min(1.0, self.weight(word) / full)
        return total

    def withholding(self, held: frozenset[str]) -> Lexicon:
        """This lexicon less the links in ``held`` (leave-one-alias-out evaluation)."""
        if not held:
            return self
        return replace(self, links=without(dict(self.links), held))


def base_weight(word: str, weights: dict[str, float], own: float) -> float:
    """``own``, or less when ``word`` is a family name built on a commoner listed word by a
    custom's ending (``FAMILY_ENDINGS``): that word's weight."""
    for ending, restored in FAMILY_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= FAMILY_BASE_LETTERS:
            base = weights.get(word[:len(word) - len(ending)] + restored)
            if base is not None and base < own:
                own = base
    return own


def family_name_weights(weights: dict[str, float]) -> dict[str, float]:
    """The listed words' rarity weights with each family name built on a commoner listed word
    weighing as that word (``FAMILY_ENDINGS``): rarity among the listed names stands for rarity
    among people, which for these names the given name's says better."""
    return {word: base_weight(word, weights, w) for word, w in weights.items()}


# The lexicon of a comparison without lists (``compare``): every word rare, no links.
NO_LIST: Final = Lexicon()

__all__ = ["FAMILY_ENDINGS", "FLAT_WEIGHT", "NO_LIST", "Lexicon", "base_weight", "family_name_weights"]
