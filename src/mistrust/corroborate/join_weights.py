"""Weights of the story join model (``joins.JoinModel``), fitted by ``benchmarks/fit_story_joins.py``.

Written by that script (with ``--write``) from 992 candidate pairs (56 right joins) met
while placing half A of the labelled dev stories; do not edit by hand: change the features or
the labels and run the script again.
"""

BIAS = -8.2029
WEIGHTS = {
    "cosine": 28.9727,
    "entities": 4.5512,
    "recency": 5.6921,
    "gap": 2.6414,
    "undated": -2.0345,
    "undated_cosine": 6.5856,
    "passage": 1.8012,
    "year": -1.0526,
    "phrases": 2.2948,
    "claim": 0.0000,
    "title": 2.4928,
}
THRESHOLD = 0.6
