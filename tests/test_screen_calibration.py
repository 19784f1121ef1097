"""The isotonic calibration of the name score (``algorithm.probability``, ``fitted.CALIBRATION``).

The calibration must keep the order of the logistic model's logits (ranking and the quick
estimate's upper bound rely on it) while moving the probabilities to what the train pairs say.
"""

from __future__ import annotations

import math

import pytest

from mistrust.model import ListEntity, NameQuery
from mistrust.screen.algorithm import CAL_LOGITS, CAL_PROBS, probability, score_pair
from mistrust.screen.fitted import RAW_SHARE
from mistrust.screen.lexicon import NO_LIST
from mistrust.screen.normalize import normalize_name


def test_knots_are_ordered_and_probabilities() -> None:
    assert len(CAL_LOGITS) >= 2
    assert all(a < b for a, b in zip(CAL_LOGITS, CAL_LOGITS[1:], strict=False))
    assert all(a <= b for a, b in zip(CAL_PROBS, CAL_PROBS[1:], strict=False))
    assert all(0.0 <= p <= 1.0 for p in CAL_PROBS)


def test_probability_is_strictly_increasing_in_the_logit() -> None:
    # Across and beyond the knots (flat isotonic steps included): equal calibrated values still
    # rank by the logit, through the kept share of the logistic probability.
    grid = [x / 8 for x in range(-160, 161)]
    values = [probability(z) for z in grid]
    assert all(0.0 <= v <= 1.0 for v in values)
    assert all(a < b for a, b in zip(values, values[1:], strict=False))


def test_probability_interpolates_the_knots() -> None:
    for z, p in zip(CAL_LOGITS, CAL_PROBS, strict=True):
        assert probability(z) == pytest.approx((1 - RAW_SHARE) * p + RAW_SHARE / (1 + math.exp(-z)))
    mid = (CAL_LOGITS[0] + CAL_LOGITS[1]) / 2
    between = (CAL_PROBS[0] + CAL_PROBS[1]) / 2
    assert probability(mid) == pytest.approx((1 - RAW_SHARE) * between + RAW_SHARE / (1 + math.exp(-mid)))


def _score(a: str, b: str, schema: str = "Person") -> float:
    entity = ListEntity(id="t:1", source="t", schema=schema, name=b)
    return score_pair(normalize_name(a), normalize_name(b), NameQuery(a), entity, NO_LIST)[0]


@pytest.mark.parametrize(("same", "other"), [
    # A spelling variant of a name against another person sharing one word of it.
    (("Bartholomew Quennell", "Bartolomeu Quenell"), ("Bartholomew Quennell", "Bartholomew Ashdown")),
    (("Oyelaran Adebisi", "Oyelaran Adebissi"), ("Oyelaran Adebisi", "Olamide Adebisi")),
    (("Vostrikova Zinaida", "Wostrikowa Sinaida"), ("Vostrikova Zinaida", "Vostrikova Galina")),
])
def test_calibrated_score_still_orders_variants_above_other_people(same: tuple[str, str],
                                                                   other: tuple[str, str]) -> None:
    assert _score(*same) > _score(*other)


@pytest.mark.parametrize(("a", "b"), [
    ("Teodora Villaseñor", "Marguerite Okonkwo"),
    ("Halvorsen Shipping AS", "Mbeki Textiles Ltd"),
])
def test_unrelated_names_stay_far_below_the_threshold(a: str, b: str) -> None:
    assert _score(a, b, "LegalEntity") < 0.1
