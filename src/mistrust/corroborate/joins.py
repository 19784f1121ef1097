"""Learned story joins: how likely a document reports the event of a candidate story.

The hand-set rules of stories-v7 (a score threshold, anchors counted for undated reports, a tie
rule) each look at one signal. The join model weighs them together: a logistic regression over
the features of one (document, story) pair that the clusterer already computes
(:meth:`StoryClusterer.pair_features`), fitted by ``benchmarks/fit_story_joins.py`` on half A of
the labelled dev stories and written to ``join_weights.py``. Its output is the probability that
the document belongs to the story among the candidates blocking found; the document joins the
most probable candidate at ``threshold`` or more.

The hard limits stay rules, not features: the time window and span, the later-year veto, and
blocking (which bounds the work per document).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

# what each feature measures is documented where it is computed (StoryClusterer.pair_features)
JOIN_FEATURES = ("cosine", "entities", "recency", "gap", "undated", "undated_cosine", "passage", "year",
                 "phrases", "claim", "title")
# Left out: the story's size. Fitted on the labelled stories (every earlier join right) it says a
# big story takes more reports; in a real run that feeds itself, one wrong join making the next
# likelier (half A: precision 0.97 -> 0.92 with it).


@dataclass(frozen=True)
class JoinModel:
    weights: dict[str, float]
    bias: float
    threshold: float = 0.5

    def logit(self, x: dict[str, float]) -> float:
        return self.bias + sum(w * x.get(k, 0.0) for k, w in self.weights.items())

    def probability(self, x: dict[str, float]) -> float:
        z = self.logit(x)
        return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0

    @classmethod
    def fitted(cls) -> JoinModel:
        """The model ``benchmarks/fit_story_joins.py`` wrote."""
        from mistrust.corroborate import join_weights

        return cls(dict(join_weights.WEIGHTS), join_weights.BIAS, join_weights.THRESHOLD)


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float, steps: int = 50) -> tuple[float, np.ndarray]:
    """Bias and weights of an L2-penalised logistic regression (rows of ``x`` are pairs, ``y`` 0/1):
    Newton's method on the log loss from zero, a fixed number of steps, no penalty on the bias. No
    randomness anywhere, so the same pairs give the same weights."""
    a = np.hstack([np.ones((len(x), 1)), x])
    w = np.zeros(a.shape[1])
    penalty = np.full(a.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(a @ w)))
        grad = a.T @ (p - y) + penalty * w
        hess = (a * (p * (1 - p))[:, None]).T @ a + np.diag(penalty)
        w = w - np.linalg.solve(hess, grad)
    return float(w[0]), w[1:]
