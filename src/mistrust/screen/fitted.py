"""Weights and calibration of ``mistrust-v18``'s name features, fitted by
``benchmarks/fit_screen_weights.py``.

Written by that script (with ``--write``) from the train split of
``benchmarks/screening_pairs.py`` (41,187 pairs); do not edit by hand: change the features or
the pairs and run the script again. ``CALIBRATION``: (logit, probability) knots of the
isotonic calibration (``algorithm.probability``).
"""

BIAS = -9.3189
WEIGHTS = {
    "name_exact": 4.0000,
    "name_literal": 5.0276,
    "name_phonetic": 2.7358,
    "name_tokens": 3.3452,
    "name_complete": 0.4494,
    "name_short_form": 1.5425,
    "name_conflict": -1.1576,
    "name_extra": -0.4175,
    "name_syllables": -1.3904,
    "name_acronym": 5.1935,
    "one_word": -1.0902,
    "name_evidence": 2.3226,
}
RAW_SHARE = 0.02
CALIBRATION = (
    (-6.7424, 0.0208),
    (-5.6628, 0.0208),
    (-3.9815, 0.0293),
    (-2.8837, 0.0416),
    (-2.6546, 0.0416),
    (-2.5329, 0.0485),
    (-2.3425, 0.0485),
    (-2.2101, 0.0623),
    (-2.0694, 0.0832),
    (-1.8419, 0.0901),
    (-1.6672, 0.1038),
    (-1.5801, 0.1248),
    (-1.3662, 0.1559),
    (-1.1226, 0.1663),
    (-1.0149, 0.1868),
    (-0.8647, 0.2184),
    (-0.6974, 0.2501),
    (-0.5947, 0.3106),
    (-0.2657, 0.3783),
    (0.1349, 0.4159),
    (0.3582, 0.5404),
    (0.5256, 0.591),
    (0.6719, 0.6762),
    (0.9055, 0.705),
    (1.1109, 0.813),
    (1.3807, 0.8146),
    (1.7188, 0.8619),
    (1.8688, 0.9065),
    (1.9348, 0.9104),
    (2.0557, 0.9254),
    (2.3359, 0.9418),
    (2.6005, 0.9544),
    (2.8466, 0.9749),
    (3.0849, 0.977),
    (3.2243, 0.9798),
    (3.4613, 0.9861),
    (3.7276, 0.9914),
    (3.8785, 0.9927),
    (4.0976, 0.9952),
    (4.271, 0.9989),
    (4.4442, 0.9989),
)
