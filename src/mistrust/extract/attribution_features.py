"""Features of the attribution tagger: a table of templates over token columns, hashed, in numpy.

Each token gets one feature per template in :data:`TEMPLATES`: a template names the columns it
joins ("the token's dependency arc and its head's verb" is ``("dep", "head_base")``), and the
feature is the hash of the template and those values, folded into a table of ``2**BITS`` rows.
Columns are read from the parsed ``Doc`` once (``Doc.to_array``: spaCy's own 64-bit string
hashes) and shifted or gathered with numpy, so the cost is a few array operations per document
rather than Python work per token. Training and tagging share this code.

The columns: the word, its verb base ("said" -> "say", :data:`~mistrust.extract.cues.CUE_FORMS`),
fine tag, universal POS, dependency arc, shape, entity; the same of its head and grandparent and
of its neighbours in the sentence; the arcs that hang off it ("ccomp.nsubj": a verb with a clause
and a subject); whether it is a cue word or inside quotation marks; and what the rules said about
it (:func:`rule_roles`), which is how the tagger combines with the rules.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from mistrust.extract.cues import CUE_FORMS
from mistrust.model.documents import Attribution

if TYPE_CHECKING:
    from spacy.tokens import Doc

BITS = 20
# (name, columns): one feature per token per template. Columns ending in _prev / _next are the
# neighbour's value in the sentence (a boundary marker at its ends); head_ / grand_ are read at
# the token's syntactic head and the head's head. "rules" templates are left out of a tagger
# trained without the rules' output.
TEMPLATES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("bias", ()),
    ("word", ("word",)),
    ("base", ("base",)),
    ("tag", ("tag",)),
    ("dep", ("dep",)),
    ("shape", ("shape",)),
    ("entity", ("ent_iob", "ent_type")),
    ("dep+head", ("dep", "head_base")),
    ("head tag", ("head_tag",)),
    ("head dep", ("head_dep",)),
    ("arc chain", ("dep", "head_dep", "grand_tag")),
    ("frame", ("pos", "frame")),
    ("verb frame", ("base", "frame")),
    ("previous word", ("word_prev",)),
    ("next word", ("word_next",)),
    ("previous tag", ("tag_prev",)),
    ("next tag", ("tag_next",)),
    ("tag trigram", ("tag_prev", "tag", "tag_next")),
    ("quoted", ("quoted", "pos")),
    ("cue word", ("cue_word", "pos")),
    ("under a cue word", ("head_cue_word", "dep")),
)
RULE_TEMPLATES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("rule", ("role",)),
    ("rule+head", ("role", "head_role")),
    ("rule+dep", ("role", "dep")),
    ("rule+base", ("role", "base")),
    ("rule context", ("role_prev", "role", "role_next")),
    ("rule chain", ("role", "head_role", "grand_role")),
)
# Role codes: top-level cue / nested cue, source, content; higher wins where spans overlap.
ROLES = "-tTsScC"
# Cue words outside the verb lexicon: "according to", a colon introducing a quotation.
_OTHER_CUES = ("according", ":")
# Child arcs that tell a verb of saying from other verbs: a clausal complement, a subject, an agent.
_FRAME_DEPS = ("ccomp", "xcomp", "nsubj", "nsubjpass", "agent", "dobj", "dative", "parataxis")
_OPEN = ("“", "``", "‘")
_CLOSE = ("”", "''", "’")
_M = np.uint64(0x9E3779B97F4A7C15)  # 64-bit golden-ratio multiplier (Fibonacci hashing)
_SHIFT = np.uint64(64 - BITS)


@dataclass(frozen=True)
class _Hashes:
    """spaCy's string hashes of the words the columns test for, computed once."""

    cue_words: np.ndarray
    base_of: dict[int, int]
    open_marks: np.ndarray
    close_marks: np.ndarray
    straight: int
    frame_deps: np.ndarray
    templates: dict[str, np.uint64]


@lru_cache(maxsize=1)
def _hashes() -> _Hashes:
    # spaCy is imported here, not at module load: importing mistrust must not load spaCy.
    from spacy.strings import hash_string  # type: ignore[attr-defined]  # Cython, no stub

    def many(words: Sequence[str]) -> np.ndarray:
        return np.unique(np.asarray([hash_string(w) for w in words], dtype=np.uint64))

    return _Hashes(
        cue_words=many([*CUE_FORMS, *_OTHER_CUES]),
        base_of={hash_string(form): hash_string(base) for form, base in CUE_FORMS.items()},
        open_marks=many(_OPEN), close_marks=many(_CLOSE), straight=hash_string('"'),
        frame_deps=many(_FRAME_DEPS),
        templates={name: np.uint64(hash_string(name)) for name, _ in (*TEMPLATES, *RULE_TEMPLATES)})


def rule_roles(doc: Doc, attributions: Sequence[Attribution], top: Sequence[Attribution]) -> np.ndarray:
    """Each token's role code (index into :data:`ROLES`) in the rules' attributions (``top``:
    their outermost layer); a cue outranks a source, a source content, top level nested."""
    top_ids = {id(a) for a in top}
    roles = np.zeros(len(doc), dtype=np.uint64)
    from spacy.attrs import IDX, LENGTH

    offsets = doc.to_array([IDX, LENGTH]).astype(np.int64)
    starts = offsets[:, 0].tolist()
    ends = (offsets[:, 0] + offsets[:, 1]).tolist()
    for a in attributions:
        is_top = id(a) in top_ids
        for span, mark in ((a.content, "t"), (a.source, "s"), (a.cue, "c")):
            if span is None:
                continue
            code = ROLES.index(mark.upper() if is_top else mark)
            lo = max(bisect_right(starts, span.start) - 1, 0)
            hi = bisect_right(starts, span.end - 1)
            # Every token after ``lo`` starts inside the span; only ``lo`` may end before it.
            if lo < hi and ends[lo] <= span.start:
                lo += 1
            seg = roles[lo:hi]
            np.maximum(seg, code, out=seg)
    return roles


def _quoted(lower: np.ndarray, words_with_newline: np.ndarray) -> np.ndarray:
    """1 for tokens inside quotation marks: opened by a left or straight mark, closed by a right
    or straight one, never across a paragraph break (an unclosed quote must not run on)."""
    h = _hashes()
    out = np.zeros(len(lower), dtype=np.uint64)
    inside = False
    closing = np.isin(lower, h.close_marks)
    marks = np.flatnonzero(np.isin(lower, h.open_marks) | closing | (lower == h.straight) | words_with_newline)
    last = 0
    for i in marks.tolist():
        if inside:
            out[last:i] = 1
        if words_with_newline[i] or closing[i] or (inside and lower[i] == h.straight):
            inside = False
        else:
            inside = True
        last = i
    if inside:
        out[last:] = 1
    return out


def columns(doc: Doc, roles: np.ndarray, starts: np.ndarray) -> dict[str, np.ndarray]:
    """Every column the templates read, one uint64 per token; ``starts`` marks sentence starts."""
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, IS_SPACE, LOWER, POS, SHAPE, TAG

    h = _hashes()
    arr = doc.to_array([LOWER, TAG, DEP, HEAD, ENT_IOB, ENT_TYPE, SHAPE, POS, IS_SPACE]).astype(np.uint64)
    n = len(doc)
    idx = np.arange(n)
    heads = (idx + arr[:, 3].astype(np.int64)).astype(np.int64)
    lower = arr[:, 0]
    is_cue = np.isin(lower, h.cue_words)
    base = lower.copy()
    for i in np.flatnonzero(is_cue).tolist():
        base[i] = h.base_of.get(int(lower[i]), lower[i])
    frame = np.zeros(n, dtype=np.uint64)
    child = np.flatnonzero(np.isin(arr[:, 2], h.frame_deps) & (heads != idx))
    if len(child):
        bits = (np.searchsorted(h.frame_deps, arr[child, 2]) + 1).astype(np.uint64)
        np.bitwise_or.at(frame, heads[child], np.left_shift(np.uint64(1), bits))
    newline = np.zeros(n, dtype=bool)
    for i in np.flatnonzero(arr[:, 8]).tolist():  # space tokens only: few
        newline[i] = "\n" in doc[i].text
    cols = {"word": lower, "tag": arr[:, 1], "dep": arr[:, 2], "ent_iob": arr[:, 4], "ent_type": arr[:, 5],
            "shape": arr[:, 6], "pos": arr[:, 7], "base": base, "frame": frame, "role": roles,
            "cue_word": is_cue.astype(np.uint64), "quoted": _quoted(lower, newline)}
    for name in ("base", "tag", "dep", "role", "cue_word"):
        cols["head_" + name] = cols[name][heads]
    cols["grand_tag"] = cols["tag"][heads[heads]]
    cols["grand_role"] = cols["role"][heads[heads]]
    ends = np.roll(starts, -1)
    for name in ("word", "tag", "role"):
        prev = np.roll(cols[name], 1)
        prev[starts.astype(bool)] = np.uint64(1)
        nxt = np.roll(cols[name], -1)
        nxt[ends.astype(bool)] = np.uint64(2)
        cols[name + "_prev"], cols[name + "_next"] = prev, nxt
    return cols


def feature_ids(cols: dict[str, np.ndarray], use_rules: bool = True) -> np.ndarray:
    """(tokens, templates) row numbers into the ``2**BITS`` weight table."""
    templates = (*TEMPLATES, *RULE_TEMPLATES) if use_rules else TEMPLATES
    n = len(cols["word"])
    ids = _hashes().templates
    out = np.empty((n, len(templates)), dtype=np.int64)
    with np.errstate(over="ignore"):
        for j, (name, names) in enumerate(templates):
            mixed = np.full(n, ids[name], dtype=np.uint64)
            for col in names:
                mixed = (mixed ^ cols[col]) * _M
            out[:, j] = (mixed >> _SHIFT).astype(np.int64)
    return out


def doc_features(doc: Doc, attributions: Sequence[Attribution], top: Sequence[Attribution],
                 use_rules: bool = True) -> list[tuple[int, int, np.ndarray]]:
    """(first token, end token, feature ids) of every sentence of ``doc`` that may hold a cue.

    A sentence with no cue word and nothing the rules found is skipped, in training as in
    tagging: it almost never holds an attribution, and skipping it saves time.
    """
    n = len(doc)
    if n == 0:
        return []
    roles = rule_roles(doc, attributions, top) if use_rules else np.zeros(n, dtype=np.uint64)
    bounds = [(s.start, s.end) for s in doc.sents]
    starts = np.zeros(n, dtype=np.uint64)
    starts[[s for s, _ in bounds]] = 1
    cols = columns(doc, roles, starts)
    ids = feature_ids(cols, use_rules)
    hint = (cols["cue_word"] > 0) | (roles > 0)
    return [(s, e, ids[s:e]) for s, e in bounds if hint[s:e].any()]


__all__ = ["BITS", "ROLES", "RULE_TEMPLATES", "TEMPLATES", "columns", "doc_features", "feature_ids", "rule_roles"]
