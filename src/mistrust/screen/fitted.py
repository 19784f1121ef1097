"""Weights and calibration of ``mistrust-v17``'s name features, fitted by
``benchmarks/fit_screen_weights.py``.

Written by that script (with ``--write``) from the train split of
``benchmarks/screening_pairs.py`` (41,187 pairs); do not edit by hand: change the features or
the pairs and run the script again. ``CALIBRATION``: (logit, probability) knots of the
isotonic calibration (``algorithm.probability``).
"""

BIAS = -9.4389
WEIGHTS = {
    "name_exact": 4.0000,
    "name_literal": 4.9899,
    "name_phonetic": 2.7389,
    "name_tokens": 3.3647,
    "name_complete": 0.5084,
    "name_short_form": 1.5629,
    "name_conflict": -1.2342,
    "name_extra": -0.3064,
    "name_syllables": -2.4005,
    "name_acronym": 5.2236,
    "one_word": -1.0459,
    "name_evidence": 2.4045,
}
RAW_SHARE = 0.02
CALIBRATION = (
    (-6.6253, 0.0224),
    (-3.9839, 0.0282),
    (-2.9119, 0.0374),
    (-2.7459, 0.0416),
    (-2.5056, 0.0445),
    (-2.2543, 0.0831),
    (-2.0462, 0.0831),
    (-1.8137, 0.0833),
    (-1.7307, 0.1038),
    (-1.6499, 0.104),
    (-1.3987, 0.1497),
    (-1.1045, 0.1868),
    (-0.9033, 0.2079),
    (-0.6406, 0.303),
    (-0.271, 0.3661),
    (0.0698, 0.3894),
    (0.1937, 0.4615),
    (0.301, 0.4934),
    (0.4056, 0.567),
    (0.5152, 0.6179),
    (0.6149, 0.6655),
    (0.7472, 0.6791),
    (0.8909, 0.7111),
    (1.0035, 0.7231),
    (1.1012, 0.7849),
    (1.2941, 0.8113),
    (1.5005, 0.8282),
    (1.6961, 0.8593),
    (1.8827, 0.9036),
    (2.032, 0.9306),
    (2.1795, 0.9357),
    (2.345, 0.9405),
    (2.4794, 0.9449),
    (2.5307, 0.951),
    (2.6109, 0.9592),
    (2.8335, 0.9746),
    (3.0973, 0.9748),
    (3.332, 0.985),
    (3.5644, 0.9854),
    (3.7503, 0.992),
    (3.9004, 0.993),
    (4.1016, 0.9954),
    (4.2761, 0.9989),
    (4.4453, 0.9989),
)
