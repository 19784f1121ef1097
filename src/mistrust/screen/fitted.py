"""Weights and calibration of ``mistrust-v15``'s name features, fitted by
``benchmarks/fit_screen_weights.py``.

Written by that script (with ``--write``) from the train split of
``benchmarks/screening_pairs.py`` (41,184 pairs); do not edit by hand: change the features or
the pairs and run the script again. ``CALIBRATION``: (logit, probability) knots of the
isotonic calibration (``algorithm.probability``).
"""

BIAS = -9.3028
WEIGHTS = {
    "name_exact": 4.0000,
    "name_literal": 4.7433,
    "name_phonetic": 2.5887,
    "name_tokens": 3.7105,
    "name_complete": 0.5388,
    "name_short_form": 1.3249,
    "name_conflict": -1.1111,
    "name_extra": -0.3636,
    "name_acronym": 4.1489,
    "one_word": -0.9077,
    "name_evidence": 2.3061,
}
RAW_SHARE = 0.02
CALIBRATION = (
    (-6.6744, 0.0225),
    (-4.0378, 0.0269),
    (-3.0052, 0.0277),
    (-2.7254, 0.0416),
    (-2.4206, 0.052),
    (-2.1873, 0.1058),
    (-1.9003, 0.1274),
    (-1.5392, 0.1351),
    (-1.3047, 0.1524),
    (-1.0505, 0.1769),
    (-0.8872, 0.2694),
    (-0.6834, 0.2845),
    (-0.4057, 0.3217),
    (-0.0615, 0.3752),
    (0.2692, 0.541),
    (0.4662, 0.5498),
    (0.6099, 0.6698),
    (0.7499, 0.6732),
    (0.933, 0.7376),
    (1.1429, 0.7393),
    (1.4176, 0.8068),
    (1.6066, 0.8503),
    (1.6657, 0.8773),
    (1.7261, 0.8816),
    (1.7917, 0.8887),
    (1.8564, 0.893),
    (2.0355, 0.9259),
    (2.2394, 0.9424),
    (2.3731, 0.9486),
    (2.5733, 0.9553),
    (2.836, 0.9697),
    (3.0073, 0.9723),
    (3.1279, 0.9785),
    (3.3291, 0.9786),
    (3.5905, 0.989),
    (3.7617, 0.9892),
    (3.8196, 0.9894),
    (3.9325, 0.9914),
    (4.1199, 0.995),
    (4.2362, 0.9956),
    (4.2687, 0.9979),
    (4.3701, 0.9979),
)
