"""Weights of ``mistrust-v13``'s name features, fitted by ``benchmarks/fit_screen_weights.py``.

Written by that script (with ``--write``) from the train split of
``benchmarks/screening_pairs.py`` (42,245 pairs); do not edit by hand: change the features or
the pairs and run the script again.
"""

BIAS = -9.5612
WEIGHTS = {
    "name_exact": 4.0000,
    "name_literal": 5.2086,
    "name_phonetic": 2.7371,
    "name_tokens": 3.4310,
    "name_complete": 0.5188,
    "name_short_form": 1.4444,
    "name_conflict": -1.2922,
    "name_extra": -0.2956,
    "name_acronym": 4.9029,
    "one_word": -1.1970,
    "name_evidence": 2.2382,
}
