"""Weights and calibration of ``mistrust-v19``'s name features, fitted by
``benchmarks/fit_screen_weights.py``.

Written by that script (with ``--write``) from the train split of
``benchmarks/screening_pairs.py`` (41,187 pairs); do not edit by hand: change the features or
the pairs and run the script again. ``CALIBRATION``: (logit, probability) knots of the
isotonic calibration (``algorithm.probability``).
"""

BIAS = -8.7992
WEIGHTS = {
    "name_exact": 4.0000,
    "name_literal": 4.8836,
    "name_phonetic": 2.6689,
    "name_tokens": 3.0849,
    "name_complete": 0.4967,
    "name_short_form": 1.5618,
    "name_conflict": -1.2699,
    "name_extra": -0.3702,
    "name_syllables": -1.3422,
    "name_acronym": 5.0430,
    "one_word": -1.1833,
    "name_evidence": 1.8913,
    "name_corroboration": 1.1773,
}
RAW_SHARE = 0.02
CALIBRATION = (
    (-6.202, 0.0208),
    (-3.8091, 0.0272),
    (-2.8718, 0.0312),
    (-2.5713, 0.0532),
    (-2.2739, 0.0616),
    (-2.2083, 0.0624),
    (-2.1072, 0.0727),
    (-1.8967, 0.0832),
    (-1.6131, 0.1323),
    (-1.3593, 0.1723),
    (-1.1717, 0.1897),
    (-1.0753, 0.2051),
    (-0.9115, 0.2077),
    (-0.7498, 0.2496),
    (-0.3243, 0.3684),
    (0.1271, 0.3936),
    (0.252, 0.5433),
    (0.3637, 0.5994),
    (0.4614, 0.6111),
    (0.6652, 0.6702),
    (0.9108, 0.7408),
    (1.0485, 0.79),
    (1.3352, 0.8043),
    (1.6018, 0.8451),
    (1.745, 0.846),
    (1.8739, 0.8911),
    (2.0169, 0.9163),
    (2.1165, 0.9357),
    (2.2244, 0.9422),
    (2.3842, 0.9479),
    (2.554, 0.9571),
    (2.723, 0.9594),
    (2.9498, 0.9693),
    (3.1169, 0.9717),
    (3.2474, 0.9744),
    (3.4626, 0.9828),
    (3.5891, 0.9894),
    (3.6437, 0.9903),
    (3.885, 0.9912),
    (4.1181, 0.9936),
    (4.3327, 0.9957),
    (4.6058, 0.9957),
    (4.6806, 0.9979),
    (4.9199, 0.9979),
    (5.2304, 1.0),
)
