"""Learned claim pairs (an experiment of issue 17, not part of the pipeline): which two actors of
a sentence stand in a claim, read by a linear model beside the frame rules.

For every sentence holding a word of the frame lexicon (:mod:`mistrust.extract.frames`), each
ordered pair of distinct party mentions, and each party alone ("no object"), is a candidate,
with the event word nearest to both on the parse; :func:`pair_features` describes it by that
word's frame event and part of speech, the dependency labels between the two mentions and from
each to the event word, order, distance, the mentions' labels, whether each is a modifier and
where it stands to the attributions (source, reported content). No actor name and no word is a
feature, so the model can only learn constructions. (Paths with the words of closed classes and
the event word's base form were tried too: no better under cross-validation, more weights.)

:class:`PairModel` is a logistic regression over those feature strings (numpy), trained and
measured by ``benchmarks/claim_pairs_experiment.py``; it did not carry (README, claims quality).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from mistrust.extract.frames import AGENT_NOUNS, FRAMES
from mistrust.extract.predicates import verb_predicate
from mistrust.model.documents import Attribution, Mention

if TYPE_CHECKING:
    from spacy.tokens import Token

# Mentions that can be a party to a claim (places, facilities and weapons are where and what).
ACTOR_LABELS = frozenset({"Person", "Organization", "Country", "Nationality", "Vessel"})
MODIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod"})
MAX_PATH = 6  # longer paths are all one feature: they join phrases of different clauses
NOUN_EVENTS = {n: f.event for f in FRAMES for n in f.nouns} | dict(AGENT_NOUNS)
NONE = "-"


def trigger_event(tok: Token) -> str | None:
    """The frame event a token evokes: an event verb in any form, an event or agent noun."""
    if tok.pos_ in ("VERB", "AUX", "ADJ"):
        return verb_predicate(tok.lower_)
    if tok.pos_ in ("NOUN", "PROPN"):
        return NOUN_EVENTS.get(tok.lower_)
    return None


def _ancestors(tok: Token) -> list[Token]:
    chain = [tok]
    while chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    return chain


def dep_path(a: Token, b: Token) -> str:
    """The dependency labels from ``a`` up to the lowest common head and down to ``b`` ("far":
    no common head; "long": more than ``MAX_PATH`` steps)."""
    up_a, up_b = _ancestors(a), _ancestors(b)
    on_b = {t.i: n for n, t in enumerate(up_b)}
    k = next((n for n, t in enumerate(up_a) if t.i in on_b), None)
    if k is None:
        return "far"
    m = on_b[up_a[k].i]
    if k + m > MAX_PATH:
        return "long"
    return " ".join([f"{t.dep_}^" for t in up_a[:k]] + [f"v{t.dep_}" for t in reversed(up_b[:m])])


@dataclass
class Actor:
    """One actor mention of a sentence: the mention and its head token (the root of its span)."""

    mention: Mention
    head: Token

    @property
    def key(self) -> str:
        return (self.mention.canonical or self.mention.text).lower()


@dataclass
class Candidate:
    """An ordered pair (subject, object or None) with the event word nearest to both."""

    subject: Actor
    object: Actor | None
    trigger: Token
    event: str
    features: list[str] = field(default_factory=list)


def is_party(m: Mention) -> bool:
    """Whether a mention can be a party to a claim: an actor's label, and a nationality only when it
    stands for a state ("Iranian" for Iran; "African" names no actor)."""
    return m.label in ACTOR_LABELS and (m.label != "Nationality" or m.canonical is not None)


def sentence_actors(sent: Iterable[Token], by_token: dict[int, Mention]) -> list[Actor]:
    """The party mentions of a sentence in text order, each with its head token."""
    tokens: dict[int, list[Token]] = {}
    mentions: dict[int, Mention] = {}
    for t in sent:
        m = by_token.get(t.i)
        if m is not None and is_party(m):
            tokens.setdefault(id(m), []).append(t)
            mentions[id(m)] = m
    out = []
    for key, toks in tokens.items():
        inside = {t.i for t in toks}
        head = next((t for t in toks if t.head.i not in inside or t.head.i == t.i), toks[0])
        out.append(Actor(mentions[key], head))
    return sorted(out, key=lambda a: a.head.i)


def _distance(a: Token, b: Token) -> str:
    d = abs(a.i - b.i)
    return "1" if d <= 1 else "2-3" if d <= 3 else "4-7" if d <= 7 else "8-15" if d <= 15 else "16+"


def _path_len(a: Token, b: Token) -> int:
    up_a, up_b = _ancestors(a), _ancestors(b)
    on_b = {t.i: n for n, t in enumerate(up_b)}
    k = next((n for n, t in enumerate(up_a) if t.i in on_b), None)
    return 99 if k is None else k + on_b[up_a[k].i]


def candidates(sent: Sequence[Token], by_token: dict[int, Mention],
               attributions: Sequence[Attribution] = ()) -> list[Candidate]:
    """Every ordered pair of distinct actors of a sentence with an event word, and every actor
    alone, each with its features; none when the sentence has no event word or no actor."""
    triggers = [(t, e) for t in sent if (e := trigger_event(t)) is not None]
    actors = sentence_actors(sent, by_token)
    if not triggers or not actors:
        return []
    out: list[Candidate] = []
    for s in actors:
        for o in [None, *actors]:
            if o is not None and (o is s or o.key == s.key):
                continue
            ends = [s.head] if o is None else [s.head, o.head]
            trig, event = min(triggers, key=lambda te: (sum(_path_len(x, te[0]) for x in ends),
                                                        abs(te[0].i - s.head.i)))
            cand = Candidate(s, o, trig, event)
            cand.features = pair_features(cand, len(actors), attributions)
            out.append(cand)
    return out


def _reported(tok: Token, attributions: Sequence[Attribution]) -> str:
    """Where a token stands to the attributions: in a reported content, in a source, or neither."""
    for a in attributions:
        if a.source is not None and a.source.start <= tok.idx < a.source.end:
            return "source"
    for a in attributions:
        if a.content is not None and a.content.start <= tok.idx < a.content.end:
            return "content"
    return "none"


def pair_features(c: Candidate, n_actors: int, attributions: Sequence[Attribution] = ()) -> list[str]:
    """The feature strings of a candidate (see the module docstring): no names, no words."""
    s, o, t = c.subject.head, c.object.head if c.object is not None else None, c.trigger
    ol = c.object.mention.label if c.object is not None else NONE
    sl = c.subject.mention.label
    f = ["bias", f"ev={c.event}", f"tpos={t.pos_}", f"sl={sl}", f"ol={ol}",
         f"sl_ol={sl}_{ol}", f"ev_ol={c.event}_{ol}", f"ev_sl={c.event}_{sl}",
         f"sdep={s.dep_}", f"smod={s.dep_ in MODIFIER_DEPS}", f"n={min(n_actors, 4)}",
         f"s_att={_reported(s, attributions)}", f"t_att={_reported(t, attributions)}"]
    st = dep_path(s, t)
    f += [f"p_st={st}",
          f"s_t={'before' if s.i < t.i else 'after'}", f"d_st={_distance(s, t)}"]
    if o is None:
        f.append(f"null_ev={c.event}")
        return f
    ot, so = dep_path(o, t), dep_path(s, o)
    order = "".join(x for _, x in sorted([(s.i, "s"), (o.i, "o"), (t.i, "t")]))
    f += [f"odep={o.dep_}", f"omod={o.dep_ in MODIFIER_DEPS}", f"o_att={_reported(o, attributions)}",
          f"p_ot={ot}", f"p_so={so}", f"order={order}", f"order_ev={order}_{c.event}",
          f"d_so={_distance(s, o)}", f"d_ot={_distance(o, t)}"]
    return f


class PairModel:
    """Logistic regression over feature strings: weights by feature, unknown features weigh 0."""

    def __init__(self, weights: dict[str, float] | None = None, threshold: float = 0.5) -> None:
        self.weights = weights or {}
        self.threshold = threshold

    def probability(self, features: Iterable[str]) -> float:
        z = sum(self.weights.get(x, 0.0) for x in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    @classmethod
    def fit(cls, rows: Sequence[Sequence[str]], labels: Sequence[int], l2: float = 1.0, epochs: int = 300,
            rate: float = 0.5, threshold: float = 0.5, min_count: int = 2) -> PairModel:
        """Full-batch gradient descent on the mean log loss plus ``l2``/n times the squared weights;
        features seen fewer than ``min_count`` times are dropped (they only memorise a row)."""
        counts: dict[str, int] = {}
        for r in rows:
            for x in set(r):
                counts[x] = counts.get(x, 0) + 1
        vocab = {x: n for n, x in enumerate(sorted(x for x, k in counts.items() if k >= min_count))}
        X = np.zeros((len(rows), len(vocab)))
        for i, r in enumerate(rows):
            for x in r:
                if x in vocab:
                    X[i, vocab[x]] = 1.0
        y = np.asarray(labels, dtype=float)
        w = np.zeros(len(vocab))
        n = max(1, len(rows))
        for _ in range(epochs):
            p = 1.0 / (1.0 + np.exp(-np.clip(X @ w, -30, 30)))
            grad = X.T @ (p - y) / n + 2 * l2 * w / n
            w -= rate * grad
        return cls({x: round(float(w[k]), 4) for x, k in vocab.items() if abs(w[k]) >= 1e-4}, threshold)

    def save(self, path: Path) -> None:
        path.write_text(json.dumps({"threshold": self.threshold, "weights": self.weights}, sort_keys=True,
                                   indent=0), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> PairModel:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls({str(k): float(v) for k, v in data["weights"].items()}, float(data["threshold"]))
