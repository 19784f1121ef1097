"""Weights of ``mistrust-v11``'s name features, fitted by ``benchmarks/fit_screen_weights.py``.

Written by that script from the train split of ``benchmarks/screening_pairs.py``; do not edit
by hand: change the features or the pairs and run the script again.
"""

BIAS = -8.4
WEIGHTS = {
    "name_exact": 4.0,
    "name_literal": 3.0,
    "name_phonetic": 3.0,
    "name_tokens": 6.0,
    "name_conflict": -4.8,
    "name_acronym": 3.0,
    "one_word": -4.2,
    "name_evidence": 0.0,
}
