"""Weights and calibration of ``mistrust-v14``'s name features, fitted by
``benchmarks/fit_screen_weights.py``.

Written by that script (with ``--write``) from the train split of
``benchmarks/screening_pairs.py`` (41,184 pairs); do not edit by hand: change the features or
the pairs and run the script again. ``CALIBRATION``: (logit, probability) knots of the
isotonic calibration (``algorithm.probability``).
"""

BIAS = -9.5663
WEIGHTS = {
    "name_exact": 4.0000,
    "name_literal": 5.1479,
    "name_phonetic": 2.5516,
    "name_tokens": 3.6092,
    "name_complete": 0.5353,
    "name_short_form": 1.3471,
    "name_conflict": -1.1748,
    "name_extra": -0.2063,
    "name_acronym": 4.7353,
    "one_word": -1.1129,
    "name_evidence": 2.2917,
}
RAW_SHARE = 0.02
CALIBRATION = (
    (-6.6743, 0.0225),
    (-4.0633, 0.0277),
    (-3.0663, 0.0277),
    (-2.8728, 0.0364),
    (-2.5247, 0.0494),
    (-2.066, 0.0831),
    (-1.754, 0.104),
    (-1.5119, 0.1455),
    (-1.2855, 0.148),
    (-1.1327, 0.1649),
    (-0.9308, 0.2077),
    (-0.7707, 0.2705),
    (-0.6699, 0.2741),
    (-0.2994, 0.3601),
    (0.0983, 0.391),
    (0.2103, 0.4859),
    (0.3173, 0.5111),
    (0.4243, 0.5609),
    (0.5254, 0.6072),
    (0.7075, 0.6636),
    (0.9439, 0.7498),
    (1.0792, 0.7917),
    (1.2013, 0.7989),
    (1.3423, 0.8193),
    (1.5105, 0.8391),
    (1.6349, 0.8614),
    (1.7578, 0.8633),
    (1.9726, 0.9178),
    (2.1415, 0.9373),
    (2.2884, 0.9384),
    (2.4269, 0.9413),
    (2.5469, 0.9547),
    (2.8017, 0.9711),
    (3.0601, 0.9754),
    (3.1668, 0.9785),
    (3.321, 0.98),
    (3.5637, 0.9846),
    (3.6872, 0.9892),
    (3.7496, 0.9894),
    (3.8282, 0.9903),
    (3.9241, 0.9914),
    (4.1915, 0.9954),
)
