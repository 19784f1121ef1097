"""Explainable name screening: normalise, retrieve candidates, score with ``mistrust-v18``, explain.

    >>> index = ScreenIndex.build(loaded_lists)            # doctest: +SKIP
    >>> index.search(NameQuery("IRGC"), threshold=0.7)      # doctest: +SKIP
"""

from mistrust.screen.algorithm import ALGORITHM, score_pair
from mistrust.screen.compare import compare_names, compare_record
from mistrust.screen.explain import explain, summary
from mistrust.screen.index import ScreenIndex
from mistrust.screen.normalize import NormName, normalize_name

# The name the brief uses for the same class.
ScreeningIndex = ScreenIndex

__all__ = [
    "ALGORITHM",
    "NormName",
    "ScreenIndex",
    "ScreeningIndex",
    "compare_names",
    "compare_record",
    "explain",
    "normalize_name",
    "score_pair",
    "summary",
]
