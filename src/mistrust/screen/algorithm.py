"""``mistrust-v22``: a table of name features combined into a calibrated probability.

Each name feature (``features``) returns a value in [0, 1] and the facts behind it. The name
score is a logistic model over those values, ``1 / (1 + exp(-(BIAS + sum(weight * value))))``,
fitted on labelled name pairs read off the official lists (``benchmarks/screening_pairs.py``,
train split; ``benchmarks/fit_screen_weights.py`` writes ``fitted``): it estimates the
probability that the two names are names of one party, and an isotonic calibration fitted on the
same train pairs corrects that probability where the logistic curve misjudges it
(``probability``). A pair without evidence (fewer than
``features.MIN_LETTERS`` letters in the query, or matched words that identify too little:
one common word, a lone given name) is capped at ``NO_EVIDENCE_CAP``, below every documented
threshold.

Optional facts then move the probability: a matching birth date, country or identifier raises
it, a contradicting one lowers it, and a wrong schema (a person for a company) lowers it hard.
These shifts are set by hand (the pairs carry no such facts to fit them on). ``match`` is
``score >= threshold``; the README gives the precision/recall curve that the threshold trades on.

Change a weight or a feature and the algorithm gets a new version name: stored hits and
reviewer judgements say which algorithm produced them (the history is in the changelog).
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final

from mistrust.model import FeatureResult, ListEntity, NameQuery
from mistrust.screen import features as f
from mistrust.screen.explain import name_reason
from mistrust.screen.fitted import BIAS, CALIBRATION, RAW_SHARE, WEIGHTS
from mistrust.screen.lexicon import Lexicon
from mistrust.screen.normalize import NormName, listed_form

ALGORITHM: Final = "mistrust-v22"


@dataclass(frozen=True)
class NameFeature:
    """One row of the name feature table: its name, fitted weight and function."""

    name: str
    weight: float
    fn: Callable[[f.NamePair], f.NameOutcome]


NAME_FEATURES: Final[tuple[NameFeature, ...]] = tuple(NameFeature(name, WEIGHTS[name], fn) for name, fn in (
    ("name_exact", f.name_exact),
    ("name_literal", f.name_literal),
    ("name_phonetic", f.name_phonetic),
    ("name_tokens", f.name_tokens),
    ("name_complete", f.name_complete),
    ("name_short_form", f.name_short_form),
    ("name_conflict", f.name_conflict),
    ("name_extra", f.name_extra),
    ("name_syllables", f.name_syllables),
    ("name_acronym", f.name_acronym),
    ("one_word", f.one_word),
    ("name_evidence", f.name_evidence),
    ("name_corroboration", f.name_corroboration),
))
FEATURE_NAMES: Final = tuple(feat.name for feat in NAME_FEATURES)
_EVIDENCE: Final = FEATURE_NAMES.index("name_evidence")
# Final, as every constant ``score_name`` reads: compiled, a Final is a native constant, where a
# plain module name is looked up in the module's globals at every call.
_BEFORE_EVIDENCE: Final = NAME_FEATURES[:_EVIDENCE]
_AFTER_EVIDENCE: Final = NAME_FEATURES[_EVIDENCE + 1:]
# A pair without evidence scores at most this: below every threshold the README documents.
NO_EVIDENCE_CAP: Final = 0.3
CAL_LOGITS: Final = tuple(x for x, _ in CALIBRATION)
CAL_PROBS: Final = tuple(y for _, y in CALIBRATION)
# Each segment between two knots as (x0, y0, y1 - y0, x1 - x0): the same numbers ``probability``
# would subtract at every call (it runs for every candidate a search ranks).
_SEGMENTS: Final = tuple((x0, y0, y1 - y0, x1 - x0) for (x0, y0), (x1, y1) in zip(CALIBRATION, CALIBRATION[1:], strict=False))
_CAL_SHARE: Final = 1.0 - RAW_SHARE
# Module constants of this module: compiled, they are read as native floats, where a name
# imported from ``fitted`` (not compiled) is looked up in the module's globals at every call.
_RAW_SHARE: Final[float] = RAW_SHARE
_BIAS: Final[float] = BIAS
# A match through an alias the list itself calls weak ("low quality a.k.a.") loses this much.
WEAK_ALIAS_WEIGHT: Final = 0.1


def _sigmoid(logit: float) -> float:
    # exp() overflows past about 709; such logits are certain either way.
    return 1.0 / (1.0 + math.exp(-logit)) if logit > -700 else 0.0


def probability(logit: float) -> float:
    """The calibrated probability of a logit: the logistic model's own probability mapped
    through the isotonic calibration fitted on the train pairs (``fitted.CALIBRATION``: logit
    knots and their probabilities, linear in between, flat beyond the ends), with
    ``RAW_SHARE`` of the logistic probability kept. The logistic curve assumes the evidence adds
    up linearly in the logit, which the pairs say it does not quite (its 0.8 are 0.88 same-party
    pairs, its 0.18 only 0.13); the calibration is non-decreasing and the kept share makes it
    strictly increasing, so ranking by the score is ranking by the logit, and an estimate that
    errs high on the logit errs high on the probability (``estimator``)."""
    raw = _sigmoid(logit)
    k = bisect_right(CAL_LOGITS, logit)
    if k == 0:
        cal = CAL_PROBS[0]
    elif k == len(CAL_LOGITS):
        cal = CAL_PROBS[-1]
    else:
        x0, y0, rise, run = _SEGMENTS[k - 1]
        cal = y0 + rise * (logit - x0) / run
    return _CAL_SHARE * cal + _RAW_SHARE * raw


def combine(values: Sequence[float]) -> float:
    """The calibrated probability from the feature values, in ``NAME_FEATURES`` order."""
    logit = _BIAS
    for feat, value in zip(NAME_FEATURES, values, strict=True):
        logit += feat.weight * value
    return probability(logit)


# Features that are never both non-zero for one pair: every part matched, or the later given
# names left out. An estimate takes the more favourable of the two, not both.
EXCLUSIVE: Final = (frozenset({"name_complete", "name_short_form"}),)


def estimator(known: Sequence[str]) -> Callable[..., float]:
    """``combine`` for a quick estimate knowing only the features ``known`` (values passed in
    that order): every other feature is taken at its most favourable value (1 where its weight
    is positive, 0 where negative), so the estimate errs high, never low, on what it skips. Of an
    ``EXCLUSIVE`` group only one feature can apply: the group adds the larger of what its known
    members give and the best of its unknown ones."""
    logit_of = logit_estimator(known)

    def estimate(*values: float) -> float:
        return probability(logit_of(*values))

    return estimate


def logit_estimator(known: Sequence[str]) -> LogitEstimate:
    """The logit of ``estimator``'s estimate. ``probability`` is increasing, so candidates ranked
    by it are ranked as by the probability, which a search then works out only for the candidates
    it looks at (about six of thirty)."""
    return LogitEstimate(known)


class LogitEstimate:
    """``logit_estimator``'s estimate: called with the values of ``known`` in order, or given
    them in a list (``logit``). An object with typed fields rather than a closure taking
    ``*values``: compiled by mypyc, the quick ranking calls ``logit`` directly, where a closure is
    called as a Python object with its values packed in a tuple."""

    __slots__ = ("free", "groups", "offset")

    def __init__(self, known: Sequence[str]) -> None:
        grouped = frozenset().union(*EXCLUSIVE)
        self.free: list[tuple[int, float]] = [(k, WEIGHTS[name]) for k, name in enumerate(known)
                                              if name not in grouped]
        self.offset: float = BIAS + sum(max(0.0, feat.weight) for feat in NAME_FEATURES
                                        if feat.name not in known and feat.name not in grouped)
        self.groups: list[tuple[list[tuple[int, float]], float]] = [
            ([(k, WEIGHTS[name]) for k, name in enumerate(known) if name in group],
             max((max(0.0, WEIGHTS[name]) for name in group if name not in known), default=0.0))
            for group in EXCLUSIVE]

    def logit(self, values: list[float]) -> float:
        # Plain loops, no generator: this runs for every candidate of every query.
        logit = self.offset
        for k, w in self.free:
            logit += w * values[k]
        for members, unknown_best in self.groups:
            known = 0.0
            for k, w in members:
                known += w * values[k]
            logit += max(unknown_best, known)
        return logit

    def __call__(self, *values: float) -> float:
        return self.logit(list(values))


@dataclass(frozen=True, slots=True)
class NameScore:
    """The name score of one pair with the feature outcomes it came from (for ``explain_name``)."""

    value: float
    outcomes: tuple[f.NameOutcome, ...]
    evidence: bool

    @property
    def exact(self) -> bool:
        return self.outcomes[0][0] == 1.0


def evidence_outcome(pair: f.NamePair) -> f.NameOutcome:
    """The evidence feature's outcome alone: a search works it out first, and a pair without
    evidence whose score could not reach the report anyway gets no other feature (``no_evidence_bound``)."""
    return NAME_FEATURES[_EVIDENCE].fn(pair)


def score_name(pair: f.NamePair, evidence: f.NameOutcome | None = None) -> NameScore:
    """Every name feature of ``pair`` once, combined; no reason text is written here.
    ``evidence``: the outcome of ``evidence_outcome`` when already worked out (not computed twice)."""
    if evidence is None:
        outcomes = tuple([feat.fn(pair) for feat in NAME_FEATURES])
    else:
        outcomes = (*[feat.fn(pair) for feat in _BEFORE_EVIDENCE], evidence, *[feat.fn(pair) for feat in _AFTER_EVIDENCE])
    value = combine([o[0] for o in outcomes])
    evidence_value, facts = outcomes[_EVIDENCE]
    enough = f.has_evidence(evidence_value, facts)
    return NameScore(value if enough else min(value, NO_EVIDENCE_CAP), outcomes, enough)


def explain_name(pair: f.NamePair, score: NameScore) -> list[FeatureResult]:
    """The feature table of a name score, with reasons: built for the hits a search returns."""
    out = []
    for feat, (value, facts) in zip(NAME_FEATURES, score.outcomes, strict=True):
        reason = name_reason(feat.name, pair, value, facts)
        if reason is not None:
            out.append(FeatureResult(feat.name, round(value, 4), feat.weight, reason))
    return out


@dataclass(frozen=True)
class Adjustment:
    """A non-name feature: adds ``up * score + down * (1 - score)`` to the name score."""

    name: str
    up: float
    down: float
    fn: Callable[[NameQuery, ListEntity], f.Outcome | None]


ADJUSTMENTS: Final[tuple[Adjustment, ...]] = (
    Adjustment("birth_date", 0.08, -0.30, f.birth_date),
    Adjustment("country", 0.05, -0.10, f.country),
    Adjustment("identifier", 0.40, 0.0, f.identifiers),
    Adjustment("schema", 0.0, -0.35, f.schema),
)


def adjusted(name: float, listed: NormName, query: NameQuery, entity: ListEntity, weak_alias: bool = False,
             explain: bool = True) -> tuple[float, list[FeatureResult]]:
    """The name score moved by the weak-alias penalty and the entity adjustments, clipped and
    rounded, with those adjustments as features when ``explain`` (a listed name recurs in several
    entries, a party on two lists: its name score is computed once, its adjustments per entry;
    ranking candidates writes no reasons)."""
    score = name
    results = []
    if weak_alias:
        score -= WEAK_ALIAS_WEIGHT
        if explain:
            results.append(FeatureResult("weak_alias", 1.0, -WEAK_ALIAS_WEIGHT,
                                         f"'{listed.original}' is an alias the list marks as weak (low quality)"))
    # Every adjustment compares a fact the query gives: most queries give none.
    if query.birth_date or query.countries or query.identifiers or query.schema not in ("", "Any"):
        for adj in ADJUSTMENTS:
            outcome = adj.fn(query, entity)
            if outcome is None:
                continue
            value, reason = outcome
            delta = adj.up * value + adj.down * (1.0 - value)
            score += delta
            if explain:
                results.append(FeatureResult(adj.name, round(value, 4), round(delta, 4), reason))
    return round(min(1.0, max(0.0, score)), 4), results


def no_evidence_bound(listed: NormName, query: NameQuery, entity: ListEntity, weak_alias: bool = False) -> float:
    """The highest final score a name pair without evidence can get with this entity: its name
    score is at most ``NO_EVIDENCE_CAP``, and ``adjusted`` never gives a lower score for a higher
    name score (each adjustment's ``up >= down``; tests/test_screen_speed_paths.py checks both).
    A search skips the other features of a pair without evidence below its report floor."""
    return adjusted(NO_EVIDENCE_CAP, listed, query, entity, weak_alias, explain=False)[0]


def score_pair(q: NormName, c: NormName, query: NameQuery, entity: ListEntity, lex: Lexicon,
               weak_alias: bool = False) -> tuple[float, list[FeatureResult]]:
    """Full ``mistrust-v22`` score of a query against one listed name of one entity, explained
    (``c`` is read as a name of that entity: ``listed_form``)."""
    pair = f.NamePair(q, listed_form(c, entity.schema), lex)
    name = score_name(pair)
    score, adjustments = adjusted(name.value, c, query, entity, weak_alias)
    return score, explain_name(pair, name) + adjustments


__all__ = ["ADJUSTMENTS", "ALGORITHM", "EXCLUSIVE", "FEATURE_NAMES", "NAME_FEATURES", "NO_EVIDENCE_CAP", "Adjustment",
           "NameFeature", "NameScore", "adjusted", "combine", "estimator", "evidence_outcome", "explain_name",
           "logit_estimator", "LogitEstimate", "no_evidence_bound", "probability", "score_name", "score_pair"]
