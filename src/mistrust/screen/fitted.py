"""Weights and calibration of ``mistrust-v19``'s name features, fitted by
``benchmarks/fit_screen_weights.py``.

Written by that script (with ``--write``) from the train split of
``benchmarks/screening_pairs.py`` (41,187 pairs); do not edit by hand: change the features or
the pairs and run the script again. ``CALIBRATION``: (logit, probability) knots of the
isotonic calibration (``algorithm.probability``).
"""

BIAS = -8.7608
WEIGHTS = {
    "name_exact": 4.0000,
    "name_literal": 4.8753,
    "name_phonetic": 2.6648,
    "name_tokens": 3.0961,
    "name_complete": 0.4799,
    "name_short_form": 1.5501,
    "name_conflict": -1.2676,
    "name_extra": -0.4321,
    "name_syllables": -1.3488,
    "name_acronym": 5.0208,
    "one_word": -1.1315,
    "name_evidence": 1.8879,
    "name_corroboration": 1.1476,
}
RAW_SHARE = 0.02
CALIBRATION = (
    (-6.2271, 0.0208),
    (-3.8233, 0.0272),
    (-2.8781, 0.0312),
    (-2.7169, 0.0468),
    (-2.4327, 0.0554),
    (-2.2135, 0.0623),
    (-2.0759, 0.0762),
    (-1.8604, 0.0901),
    (-1.6524, 0.1143),
    (-1.5295, 0.1454),
    (-1.3583, 0.1732),
    (-1.0167, 0.1975),
    (-0.7488, 0.2941),
    (-0.3245, 0.3676),
    (0.1267, 0.3807),
    (0.2513, 0.5307),
    (0.4155, 0.6238),
    (0.6675, 0.658),
    (0.9154, 0.7424),
    (1.0584, 0.7934),
    (1.3023, 0.8078),
    (1.5354, 0.8255),
    (1.7102, 0.8432),
    (1.8804, 0.8958),
    (2.0187, 0.9201),
    (2.1196, 0.9222),
    (2.2298, 0.9428),
    (2.3897, 0.9506),
    (2.5053, 0.953),
    (2.558, 0.953),
    (2.7201, 0.9622),
    (2.9732, 0.9701),
    (3.1139, 0.9723),
    (3.2454, 0.9747),
    (3.367, 0.9806),
    (3.4329, 0.9808),
    (3.5407, 0.9843),
    (3.8586, 0.9914),
    (4.3545, 0.9957),
    (4.6633, 0.9979),
    (4.9037, 0.9979),
    (5.2168, 1.0),
)
