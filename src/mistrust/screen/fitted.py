"""Weights and calibration of ``mistrust-v18``'s name features, fitted by
``benchmarks/fit_screen_weights.py``.

Written by that script (with ``--write``) from the train split of
``benchmarks/screening_pairs.py`` (41,187 pairs); do not edit by hand: change the features or
the pairs and run the script again. ``CALIBRATION``: (logit, probability) knots of the
isotonic calibration (``algorithm.probability``).
"""

BIAS = -9.2663
WEIGHTS = {
    "name_exact": 4.0000,
    "name_literal": 5.0469,
    "name_phonetic": 2.6942,
    "name_tokens": 3.3074,
    "name_complete": 0.4596,
    "name_short_form": 1.5455,
    "name_conflict": -1.1499,
    "name_extra": -0.4658,
    "name_syllables": -1.3355,
    "name_acronym": 5.1748,
    "one_word": -1.1039,
    "name_evidence": 2.3296,
}
RAW_SHARE = 0.02
CALIBRATION = (
    (-6.7501, 0.0208),
    (-5.6744, 0.0208),
    (-3.9561, 0.0282),
    (-2.8043, 0.0468),
    (-2.3799, 0.0485),
    (-2.0735, 0.0832),
    (-1.8013, 0.0934),
    (-1.5838, 0.1454),
    (-1.3694, 0.1559),
    (-1.0714, 0.1766),
    (-0.8659, 0.2184),
    (-0.698, 0.2286),
    (-0.5951, 0.3322),
    (-0.4839, 0.3807),
    (-0.1559, 0.3853),
    (0.1955, 0.4004),
    (0.3562, 0.5287),
    (0.5223, 0.5969),
    (0.6733, 0.6783),
    (0.9054, 0.706),
    (1.1963, 0.813),
    (1.3891, 0.8228),
    (1.4827, 0.8378),
    (1.5967, 0.8415),
    (1.7536, 0.8522),
    (1.9062, 0.9036),
    (2.059, 0.9292),
    (2.3416, 0.9421),
    (2.6068, 0.9564),
    (2.8527, 0.9749),
    (3.0924, 0.9764),
    (3.2309, 0.9819),
    (3.4703, 0.9856),
    (3.7575, 0.992),
    (3.9076, 0.993),
    (4.108, 0.9954),
    (4.2809, 0.9989),
    (4.4522, 0.9989),
)
