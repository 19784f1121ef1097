"""Weights of ``mistrust-v13``'s name features, fitted by ``benchmarks/fit_screen_weights.py``.

Written by that script (with ``--write``) from the train split of
``benchmarks/screening_pairs.py`` (42,245 pairs); do not edit by hand: change the features or
the pairs and run the script again.
"""

BIAS = -9.4377
WEIGHTS = {
    "name_exact": 4.0000,
    "name_literal": 5.1809,
    "name_phonetic": 2.7471,
    "name_tokens": 3.5422,
    "name_complete": 0.3374,
    "name_conflict": -1.3830,
    "name_extra": -0.4755,
    "name_acronym": 4.8785,
    "one_word": -1.2248,
    "name_evidence": 2.2222,
}
