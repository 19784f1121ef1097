"""Weights and calibration of ``mistrust-v15``'s name features, fitted by
``benchmarks/fit_screen_weights.py``.

Written by that script (with ``--write``) from the train split of
``benchmarks/screening_pairs.py`` (41,184 pairs); do not edit by hand: change the features or
the pairs and run the script again. ``CALIBRATION``: (logit, probability) knots of the
isotonic calibration (``algorithm.probability``).
"""

BIAS = -9.4381
WEIGHTS = {
    "name_exact": 4.0000,
    "name_literal": 4.5915,
    "name_phonetic": 2.6793,
    "name_tokens": 3.9533,
    "name_complete": 0.5611,
    "name_short_form": 1.3219,
    "name_conflict": -1.0168,
    "name_extra": -0.2779,
    "name_acronym": 4.0885,
    "one_word": -0.8513,
    "name_evidence": 2.2715,
}
RAW_SHARE = 0.02
CALIBRATION = (
    (-6.6598, 0.0225),
    (-3.9451, 0.027),
    (-2.9255, 0.0277),
    (-2.7274, 0.0416),
    (-2.5184, 0.0485),
    (-2.3271, 0.0554),
    (-2.191, 0.0831),
    (-1.8678, 0.1273),
    (-1.3089, 0.1497),
    (-1.0078, 0.2077),
    (-0.9006, 0.2286),
    (-0.6376, 0.3014),
    (-0.3433, 0.3322),
    (-0.1208, 0.3818),
    (0.1127, 0.3927),
    (0.2162, 0.5198),
    (0.3191, 0.5609),
    (0.4687, 0.5633),
    (0.6176, 0.6402),
    (0.6977, 0.6713),
    (0.8475, 0.7035),
    (1.1054, 0.7118),
    (1.376, 0.7976),
    (1.561, 0.8503),
    (1.7275, 0.9059),
    (1.861, 0.9085),
    (2.041, 0.9267),
    (2.2724, 0.9442),
    (2.5037, 0.9537),
    (2.724, 0.9663),
    (2.8944, 0.9687),
    (3.0285, 0.9764),
    (3.2272, 0.9774),
    (3.4361, 0.9806),
    (3.6325, 0.9898),
    (3.9202, 0.99),
    (4.1652, 0.9951),
    (4.382, 0.9983),
)
