"""Weights of ``mistrust-v11``'s name features, fitted by ``benchmarks/fit_screen_weights.py``.

Written by that script (with ``--write``) from the train split of
``benchmarks/screening_pairs.py`` (42,245 pairs); do not edit by hand: change the features or
the pairs and run the script again.
"""

BIAS = -9.4163
WEIGHTS = {
    "name_exact": 4.0000,
    "name_literal": 5.1968,
    "name_phonetic": 2.6655,
    "name_tokens": 3.3895,
    "name_complete": 0.3814,
    "name_conflict": -1.4685,
    "name_extra": -0.4327,
    "name_acronym": 5.4388,
    "one_word": -1.1873,
    "name_evidence": 2.3974,
}
