"""Explainable name screening: normalise, retrieve candidates, score with ``mistrust-v22``, explain.

    >>> index = ScreenIndex.build(loaded_lists)            # doctest: +SKIP
    >>> index.search(NameQuery("IRGC"), threshold=0.7)      # doctest: +SKIP
"""

from mistrust.screen.build import COMPILED_MODULES, compiled, load_source_if_asked

load_source_if_asked()  # before the modules it may load from source are imported below

from mistrust.screen.algorithm import ALGORITHM, score_pair  # noqa: E402
from mistrust.screen.compare import compare_names, compare_record  # noqa: E402
from mistrust.screen.explain import explain, summary  # noqa: E402
from mistrust.screen.index import ScreenIndex  # noqa: E402
from mistrust.screen.normalize import NormName, normalize_name  # noqa: E402

# The name the brief uses for the same class.
ScreeningIndex = ScreenIndex

__all__ = [
    "ALGORITHM",
    "COMPILED_MODULES",
    "NormName",
    "ScreenIndex",
    "ScreeningIndex",
    "compare_names",
    "compare_record",
    "compiled",
    "explain",
    "normalize_name",
    "score_pair",
    "summary",
]
