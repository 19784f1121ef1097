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

Calibration: the logistic curve assumes the features add up linearly in the logit. An isotonic
regression of the labels on the fitted logits (pool adjacent violators, same class-balanced
weights, train only) gives the probability each logit really has on train; its knots
(``CALIBRATION_KNOTS`` at most, merged by equal count) go to ``fitted.CALIBRATION`` and
``algorithm.probability`` interpolates them. The script prints the reliability (mean predicted
vs observed share of same-party pairs, balanced) on train and test, and the train curve the
threshold is read from: the threshold for each recall, its precision, and the share of train
common names with a pair at it.

Common-name negatives: the pairs' common names are generated with another seed than the
common-names protocol (``screening_protocols.COMMON_SEED``), but the name tables are the same,
so short names recur in both sets; any pair whose generated name is also in the protocol's set
is left out of the fit, so that protocol measures names the fit never saw.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np  # noqa: E402
from scipy.optimize import minimize  # noqa: E402

from common_names import generate  # noqa: E402
from mistrust.screen import normalize_name  # noqa: E402
from mistrust.screen.algorithm import ALGORITHM, FEATURE_NAMES, NAME_FEATURES  # noqa: E402
from mistrust.screen.features import NamePair  # noqa: E402
from mistrust.screen.fitted import BIAS, CALIBRATION, WEIGHTS  # noqa: E402
from mistrust.screen.lexicon import Lexicon  # noqa: E402
from mistrust.screen.normalize import listed_form  # noqa: E402
from screening_data import REPO  # noqa: E402
from screening_pairs import Pair, load_pairs, pair_lists  # noqa: E402
from screening_protocols import COMMON, COMMON_SEED  # noqa: E402

OUT = REPO / "src" / "mistrust" / "screen" / "fitted.py"
L2 = 1e-4
EXACT_WEIGHT = 4.0
FITTED_KINDS = ("variant", "acronym", "hard", "common")
CALIBRATION_KNOTS = 40
# Share of the logistic probability kept beside the calibrated one: makes the score strictly
# increasing in the logit (isotonic steps are flat), so equal calibrated values still rank.
RAW_SHARE = 0.02
RECALLS = (0.95, 0.9, 0.85, 0.8)


def features(pairs: list[Pair], lex: Lexicon) -> np.ndarray:
    """The name-feature values of each pair, in ``NAME_FEATURES`` order (no evidence cap)."""
    rows = []
    for p in pairs:
        pair = NamePair(normalize_name(p.a), listed_form(normalize_name(p.b), p.schema), lex)
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


def isotonic(z: np.ndarray, y: np.ndarray, w: np.ndarray) -> list[tuple[float, float]]:
    """Knots (logit, probability) of the weighted isotonic regression of ``y`` on ``z`` (pool
    adjacent violators), at most ``CALIBRATION_KNOTS`` of them: blocks are merged by equal weight
    first, each knot at its block's weighted mean logit."""
    order = np.argsort(z, kind="stable")
    z, y, w = z[order], y[order], w[order]
    # Equal-weight bins first (the fit on 40,000 points would keep hundreds of tiny steps).
    edges = np.searchsorted(np.cumsum(w) / w.sum(), np.linspace(0, 1, 4 * CALIBRATION_KNOTS + 1)[1:-1])
    bins = [(float(np.average(zb, weights=wb)), float(np.average(yb, weights=wb)), float(wb.sum()))
            for zb, yb, wb in zip(np.split(z, edges), np.split(y, edges), np.split(w, edges), strict=True)
            if len(zb)]
    blocks: list[list[float]] = []  # [mean logit, mean label, weight]
    for zb, yb, wb in bins:
        blocks.append([zb, yb, wb])
        while len(blocks) > 1 and blocks[-2][1] >= blocks[-1][1]:
            b = blocks.pop()
            a = blocks[-1]
            total = a[2] + b[2]
            a[0], a[1], a[2] = (a[0] * a[2] + b[0] * b[2]) / total, (a[1] * a[2] + b[1] * b[2]) / total, total
    return [(round(zb, 4), round(yb, 4)) for zb, yb, _ in blocks]


def calibrated(z: np.ndarray, knots: list[tuple[float, float]]) -> np.ndarray:
    """``algorithm.probability`` on arrays (the same interpolation, the same kept share)."""
    xs, ys = zip(*knots, strict=True)
    return (1 - RAW_SHARE) * np.interp(z, xs, ys) + RAW_SHARE / (1 + np.exp(-z))


def balanced(y: np.ndarray) -> np.ndarray:
    """Weights that give each class half of the total (the probability at even prior odds)."""
    return np.where(y == 1, 0.5 / y.sum(), 0.5 / (len(y) - y.sum()))


def reliability(name: str, p: np.ndarray, y: np.ndarray) -> None:
    w = balanced(y)
    cells = []
    for lo, hi in ((0, 0.1), (0.1, 0.3), (0.3, 0.5), (0.5, 0.7), (0.7, 0.9), (0.9, 1.01)):
        b = (p >= lo) & (p < hi)
        if b.any():
            cells.append(f"{lo:.1f}-{min(hi, 1):.1f}: {np.average(p[b], weights=w[b]):.2f}/"
                         f"{np.average(y[b], weights=w[b]):.2f}")
    print(f"  {name:<24} " + "  ".join(cells))


def curve(name: str, p: np.ndarray, y: np.ndarray, common: list[tuple[str, int]]) -> None:
    """Threshold for each recall of ``RECALLS``, its precision and the common names' rate."""
    pos = np.sort(p[y == 1])
    cells = []
    for recall in RECALLS:
        t = float(pos[int((1 - recall) * len(pos))])
        tp, fp = int((p[y == 1] >= t).sum()), int((p[y == 0] >= t).sum())
        names = {n for n, _ in common}
        hit = {n for n, k in common if p[k] >= t}
        cells.append(f"R {recall:.2f} at {t:.3f}: P {tp / (tp + fp):.3f}, common {len(hit) / max(1, len(names)):.3f}")
    print(f"  {name:<24} " + "  ".join(cells))


def write(bias: float, weights: np.ndarray, n: int, knots: list[tuple[float, float]]) -> None:
    lines = [
        f'"""Weights and calibration of ``{ALGORITHM}``\'s name features, fitted by',
        "``benchmarks/fit_screen_weights.py``.",
        "",
        "Written by that script (with ``--write``) from the train split of",
        f"``benchmarks/screening_pairs.py`` ({n:,} pairs); do not edit by hand: change the features or",
        "the pairs and run the script again. ``CALIBRATION``: (logit, probability) knots of the",
        "isotonic calibration (``algorithm.probability``).",
        '"""',
        "",
        f"BIAS = {bias:.4f}",
        "WEIGHTS = {",
        *[f'    "{name}": {w:.4f},' for name, w in zip(FEATURE_NAMES, weights, strict=True)],
        "}",
        f"RAW_SHARE = {RAW_SHARE}",
        "CALIBRATION = (",
        *[f"    ({z}, {p})," for z, p in knots],
        ")",
        "",
    ]
    OUT.write_text("\n".join(lines), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--write", action="store_true", help="Write the weights to src/mistrust/screen/fitted.py.")
    args = parser.parse_args()
    from mistrust.screen import ScreenIndex
    from mistrust.screen.algorithm import NO_EVIDENCE_CAP, probability
    from mistrust.screen.features import has_evidence

    evaluated = {name for name, _ in generate(COMMON, COMMON_SEED)}
    pairs = [p for p in load_pairs() if p.kind in FITTED_KINDS]
    left_out = sum(p.kind == "common" and p.split == "train" and p.a in evaluated for p in pairs)
    pairs = [p for p in pairs if not (p.kind == "common" and p.a in evaluated)]
    lex = ScreenIndex.build(pair_lists()).lexicon
    x_all = features(pairs, lex)
    y_all = np.asarray([p.label for p in pairs], dtype=np.float64)
    is_train = np.asarray([p.split == "train" for p in pairs])
    x, y = x_all[is_train], y_all[is_train]
    bias, weights = fit(x, y, {FEATURE_NAMES.index("name_exact"): EXACT_WEIGHT})
    print(f"{len(y)} train pairs ({int(y.sum())} positive; {left_out} common-name pairs left out, their "
          f"names being in the common-names protocol); bias {bias:+.3f} (shipped {BIAS:+.3f})")
    for name, w in zip(FEATURE_NAMES, weights, strict=True):
        print(f"  {name:<14} {w:+.3f} (shipped {WEIGHTS[name]:+.3f})")
    z_all = bias + x_all @ weights
    knots = isotonic(z_all[is_train], y, balanced(y))
    print(f"calibration: {len(knots)} knots (shipped {len(CALIBRATION)})")
    # The evidence cap, as ``score_name`` applies it (the pairs' evidence from the same features).
    evidence_at = FEATURE_NAMES.index("name_evidence")
    capped = np.asarray([not has_evidence(v, (sum(ch.isalnum() for ch in p.a),))
                         for v, p in zip(x_all[:, evidence_at], pairs, strict=True)])
    shipped = np.asarray([probability(BIAS + float(row @ np.asarray([WEIGHTS[n] for n in FEATURE_NAMES])))
                          for row in x_all])
    scores = {"shipped": shipped, "logistic": 1 / (1 + np.exp(-z_all)), "calibrated": calibrated(z_all, knots)}
    print("reliability, predicted/observed same-party share (balanced), evidence cap applied:")
    for split, mask in (("train", is_train), ("test", ~is_train)):
        for name, p in scores.items():
            reliability(f"{name} {split}", np.where(capped, np.minimum(p, NO_EVIDENCE_CAP), p)[mask], y_all[mask])
    print("curve (threshold for each recall, its precision, share of common names with a pair at it):")
    for split, mask in (("train", is_train), ("test", ~is_train)):
        common = [(p.a, k) for k, p in enumerate(q for q, m in zip(pairs, mask, strict=True) if m)
                  if p.kind == "common"]
        for name, p in scores.items():
            curve(f"{name} {split}", np.where(capped, np.minimum(p, NO_EVIDENCE_CAP), p)[mask], y_all[mask], common)
    if args.write:
        write(bias, weights, len(y), knots)
        print(f"written to {OUT.relative_to(REPO)}")


if __name__ == "__main__":
    main()
