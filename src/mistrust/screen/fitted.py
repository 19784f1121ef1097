"""Weights of ``mistrust-v11``'s name features, fitted by ``benchmarks/fit_screen_weights.py``.

Written by that script from the train split of ``benchmarks/screening_pairs.py`` (42,154 pairs);
do not edit by hand: change the features or the pairs and run the script again.
"""

BIAS = -9.7295
WEIGHTS = {
    "name_exact": 4.0000,
    "name_literal": 5.7762,
    "name_phonetic": 3.9702,
    "name_tokens": 2.6132,
    "name_conflict": -1.5834,
    "name_extra": -1.2922,
    "name_acronym": -0.0951,
    "one_word": -1.3051,
    "name_evidence": 2.1480,
}
