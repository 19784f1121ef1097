"""Weights and calibration of ``mistrust-v20``'s name features, fitted by
``benchmarks/fit_screen_weights.py``; ``mistrust-v21`` keeps them (refitted with its East Slavic
forms, the calibration moved and test pairs F1 at 0.8 fell: see the changelog), and so does
``mistrust-v22`` (new spellings of words and compounds, no new feature).

Written by that script (with ``--write``) from the train split of
``benchmarks/screening_pairs.py`` (41,187 pairs); do not edit by hand: change the features or
the pairs and run the script again. ``CALIBRATION``: (logit, probability) knots of the
isotonic calibration (``algorithm.probability``).
"""

BIAS = -8.7793
WEIGHTS = {
    "name_exact": 4.0000,
    "name_literal": 4.8737,
    "name_phonetic": 2.5336,
    "name_tokens": 3.2642,
    "name_complete": 0.5265,
    "name_short_form": 1.4841,
    "name_conflict": -1.6482,
    "name_extra": 0.0982,
    "name_syllables": -1.3719,
    "name_acronym": 4.6393,
    "one_word": -1.1989,
    "name_evidence": 1.8028,
    "name_corroboration": 1.1517,
}
RAW_SHARE = 0.02
CALIBRATION = (
    (-6.242, 0.0208),
    (-3.7715, 0.0258),
    (-2.7037, 0.0485),
    (-2.3692, 0.0571),
    (-2.0677, 0.0624),
    (-1.8391, 0.0958),
    (-1.5791, 0.1436),
    (-1.4018, 0.1663),
    (-1.2051, 0.1872),
    (-0.9953, 0.2077),
    (-0.772, 0.3133),
    (-0.3977, 0.3704),
    (0.0748, 0.4071),
    (0.2624, 0.5562),
    (0.4336, 0.5852),
    (0.6104, 0.6072),
    (0.7176, 0.6752),
    (0.8168, 0.7126),
    (0.9183, 0.7201),
    (1.0314, 0.7357),
    (1.3278, 0.8125),
    (1.7024, 0.8468),
    (1.8814, 0.8868),
    (2.0055, 0.8873),
    (2.111, 0.9397),
    (2.2215, 0.9462),
    (2.4178, 0.9507),
    (2.5581, 0.9571),
    (2.6218, 0.962),
    (2.7217, 0.9649),
    (2.9036, 0.9678),
    (3.0729, 0.97),
    (3.2512, 0.9744),
    (3.4601, 0.9841),
    (3.8162, 0.9904),
    (4.115, 0.9915),
    (4.3558, 0.9957),
    (4.8178, 0.9983),
    (5.1576, 1.0),
)
