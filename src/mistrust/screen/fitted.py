"""Weights of ``mistrust-v13``'s name features, fitted by ``benchmarks/fit_screen_weights.py``.

Written by that script (with ``--write``) from the train split of
``benchmarks/screening_pairs.py`` (42,245 pairs); do not edit by hand: change the features or
the pairs and run the script again.
"""

BIAS = -9.5423
WEIGHTS = {
    "name_exact": 4.0000,
    "name_literal": 5.2027,
    "name_phonetic": 2.7287,
    "name_tokens": 3.4260,
    "name_complete": 0.5189,
    "name_short_form": 1.4487,
    "name_conflict": -1.2907,
    "name_extra": -0.3068,
    "name_acronym": 4.8896,
    "one_word": -1.1820,
    "name_evidence": 2.2367,
}
