"""Fit mistrust's name-feature weights on the train split of the list pairs; write ``screen/fitted.py``.

    .venv/bin/python benchmarks/fit_screen_weights.py [--write]

Without ``--write`` it prints the weights it fits and how far they are from the shipped ones
(``make bench`` runs it so: a changed feature or pair set shows as a difference).

The model is a logistic regression over the name features of ``algorithm.NAME_FEATURES`` (each
value in [0, 1]), fitted by L-BFGS on the log loss with a small L2 penalty (``L2``), so its
output is the probability that the two names are one party. Pairs (``screening_pairs.py``):
positives are the ``variant`` and ``acronym`` pairs (two spellings of one party's name, a name
and its initials); the ``different``
pairs (a translation, a former name) are no spelling of each other, so no name matcher can be
asked to find them from the letters, and they are reported, not fitted. Negatives are the hard
and the common ones. Test is never read here.

Positives and negatives weigh the same in the loss (each class half of it), so the score is
the probability at even prior odds: as many same-party pairs as not among the names compared.
The real share of true matches among screened names is far lower and unknown; the threshold is
chosen on the curve (``screening_protocols.py``), not from the odds.

``name_exact`` is not fitted: two names of one party never normalise to the same name in these
pairs (the pairs keep distinct names only), and two parties with the same name are left out (no
name can tell them apart), so the pairs say nothing about it. Its weight is set to EXACT_WEIGHT:
an exact name scores as the surest spelling variant and more.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np  # noqa: E402
from scipy.optimize import minimize  # noqa: E402

from mistrust.screen import normalize_name  # noqa: E402
from mistrust.screen.algorithm import FEATURE_NAMES, NAME_FEATURES  # noqa: E402
from mistrust.screen.features import NamePair  # noqa: E402
from mistrust.screen.fitted import BIAS, WEIGHTS  # noqa: E402
from mistrust.screen.lexicon import Lexicon  # noqa: E402
from screening_data import REPO  # noqa: E402
from screening_pairs import Pair, load_pairs, pair_lists  # noqa: E402

OUT = REPO / "src" / "mistrust" / "screen" / "fitted.py"
L2 = 1e-4
EXACT_WEIGHT = 4.0
FITTED_KINDS = ("variant", "acronym", "hard", "common")


def features(pairs: list[Pair], lex: Lexicon) -> np.ndarray:
    """The name-feature values of each pair, in ``NAME_FEATURES`` order (no evidence cap)."""
    rows = []
    for p in pairs:
        pair = NamePair(normalize_name(p.a), normalize_name(p.b), lex)
        rows.append([feat.fn(pair)[0] for feat in NAME_FEATURES])
    return np.asarray(rows, dtype=np.float64)


def fit(x: np.ndarray, y: np.ndarray, fixed: dict[int, float]) -> tuple[float, np.ndarray]:
    """(bias, weights) of the L2-penalised, class-balanced logistic regression of ``y`` on ``x``;
    the weights of the columns in ``fixed`` stay at their given value."""
    free = [k for k in range(x.shape[1]) if k not in fixed]
    xb = np.hstack([np.ones((len(x), 1)), x[:, free]])
    offset = sum(x[:, k] * w for k, w in fixed.items()) if fixed else np.zeros(len(x))
    sample = np.where(y == 1, 0.5 / y.sum(), 0.5 / (len(y) - y.sum()))

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        z = xb @ w + offset
        p = 1.0 / (1.0 + np.exp(-z))
        # log(1 + e^z) - y z, computed without overflow
        value = np.sum(sample * (np.logaddexp(0.0, z) - y * z)) + L2 * np.sum(w[1:] ** 2)
        grad = xb.T @ (sample * (p - y))
        grad[1:] += 2 * L2 * w[1:]
        return float(value), grad

    result = minimize(loss, np.zeros(xb.shape[1]), jac=True, method="L-BFGS-B")
    weights = np.zeros(x.shape[1])
    weights[free] = result.x[1:]
    for k, w in fixed.items():
        weights[k] = w
    return float(result.x[0]), weights


def write(bias: float, weights: np.ndarray, n: int) -> None:
    lines = [
        '"""Weights of ``mistrust-v13``\'s name features, fitted by ``benchmarks/fit_screen_weights.py``.',
        "",
        "Written by that script (with ``--write``) from the train split of",
        f"``benchmarks/screening_pairs.py`` ({n:,} pairs); do not edit by hand: change the features or",
        "the pairs and run the script again.",
        '"""',
        "",
        f"BIAS = {bias:.4f}",
        "WEIGHTS = {",
        *[f'    "{name}": {w:.4f},' for name, w in zip(FEATURE_NAMES, weights, strict=True)],
        "}",
        "",
    ]
    OUT.write_text("\n".join(lines), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--write", action="store_true", help="Write the weights to src/mistrust/screen/fitted.py.")
    args = parser.parse_args()
    from mistrust.screen import ScreenIndex

    train = [p for p in load_pairs() if p.split == "train" and p.kind in FITTED_KINDS]
    lex = ScreenIndex.build(pair_lists()).lexicon
    x = features(train, lex)
    y = np.asarray([p.label for p in train], dtype=np.float64)
    bias, weights = fit(x, y, {FEATURE_NAMES.index("name_exact"): EXACT_WEIGHT})
    print(f"{len(train)} train pairs ({int(y.sum())} positive); bias {bias:+.3f} (shipped {BIAS:+.3f})")
    for name, w in zip(FEATURE_NAMES, weights, strict=True):
        print(f"  {name:<14} {w:+.3f} (shipped {WEIGHTS[name]:+.3f})")
    if args.write:
        write(bias, weights, len(train))
        print(f"written to {OUT.relative_to(REPO)}")


if __name__ == "__main__":
    main()
