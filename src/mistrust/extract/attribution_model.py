"""A learned tagger for attribution cues and sources ("Officials **said** ...", "**The senator** told").

The rules in :mod:`mistrust.extract.attribution` read cues off word lists and sources off the
dependency tree; they were shaped on PolNeAR dev and fall on other annotators' documents. This
module is a linear sequence tagger (labels ``O``, ``B-CUE``, ``I-CUE``, ``B-SRC``, ``I-SRC``; first
order transitions, Viterbi decoding) whose weights are trained on PolNeAR train by
:mod:`mistrust.extract.attribution_training`. Its features are the token's words, tags and
dependency arcs (to its head and grandparent), its neighbours, and what the rules said about it
(top-level cue, nested cue, source, content): the model learns when to trust the rules, which is
how it combines with them instead of competing.

Public: :func:`tag_spans` (cue and source character spans of a parsed ``Doc``) and
:func:`load_tagger` (the shipped weights, read once per process).
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from mistrust.errors import ConfigError
from mistrust.extract.attribution import top_level
from mistrust.extract.attribution_spans import _doc_text
from mistrust.extract.cues import CUE_FORMS
from mistrust.extract.quotes import quote_regions
from mistrust.model.documents import Attribution, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

LABELS: tuple[str, ...] = ("O", "B-CUE", "I-CUE", "B-SRC", "I-SRC")
TAGGER_VERSION = "attribution-tagger-v1"
MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "attribution_tagger.bin.gz"
# Child arcs that tell a verb of saying from other verbs: a clausal complement, a subject, an agent.
_FRAME_DEPS = frozenset({"ccomp", "xcomp", "nsubj", "nsubjpass", "agent", "dobj", "dative", "parataxis"})
Spans = list[tuple[int, int]]


@dataclass(frozen=True)
class Tagger:
    """Weights of one trained tagger: a feature -> row index, emission rows and transitions."""

    index: dict[str, int]
    weights: np.ndarray  # (features, labels)
    transitions: np.ndarray  # (labels + 1, labels); the last row scores the sentence start
    use_rules: bool = True
    meta: dict[str, object] | None = None

    def decode(self, features: Sequence[Sequence[str]]) -> list[int]:
        """Best label sequence (indices into ``LABELS``) for one sentence's token features."""
        return viterbi(self.emissions(features), self.transitions)

    def emissions(self, features: Sequence[Sequence[str]]) -> np.ndarray:
        rows: list[int] = []
        owners: list[int] = []
        for i, feats in enumerate(features):
            for f in feats:
                j = self.index.get(f)
                if j is not None:
                    rows.append(j)
                    owners.append(i)
        scores = np.zeros((len(features), len(LABELS)), dtype=np.float32)
        if rows:
            np.add.at(scores, np.asarray(owners), self.weights[np.asarray(rows)])
        return scores


def viterbi(emissions: np.ndarray, transitions: np.ndarray) -> list[int]:
    """First-order Viterbi; an ``I-`` label may only follow its own ``B-`` or ``I-``."""
    n, k = emissions.shape
    if n == 0:
        return []
    trans = transitions[:k] + _ALLOWED
    score = transitions[k] + emissions[0] + _ALLOWED_START
    back = np.zeros((n, k), dtype=np.int64)
    for i in range(1, n):
        cand = score[:, None] + trans
        back[i] = cand.argmax(axis=0)
        score = cand.max(axis=0) + emissions[i]
    best = [int(score.argmax())]
    for i in range(n - 1, 0, -1):
        best.append(int(back[i, best[-1]]))
    return best[::-1]


def _allowed() -> tuple[np.ndarray, np.ndarray]:
    k = len(LABELS)
    trans = np.zeros((k, k), dtype=np.float32)
    start = np.zeros(k, dtype=np.float32)
    for j, label in enumerate(LABELS):
        if label.startswith("I-"):
            start[j] = -1e6
            for i, prev in enumerate(LABELS):
                if prev[2:] != label[2:]:
                    trans[i, j] = -1e6
    return trans, start


_ALLOWED, _ALLOWED_START = _allowed()


def rule_roles(doc: Doc, attributions: Sequence[Attribution]) -> list[str]:
    """Each token's role in the rules' attributions: ``C``/``c`` cue (top level / nested),
    ``S``/``s`` source, ``T``/``t`` content, ``-`` none; a cue outranks a source, a source content."""
    top = {id(a) for a in top_level(list(attributions), _doc_text(doc))}
    rank = {"-": 0, "t": 1, "T": 2, "s": 3, "S": 4, "c": 5, "C": 6}
    roles = ["-"] * len(doc)
    starts = [t.idx for t in doc]
    for a in attributions:
        is_top = id(a) in top
        for span, mark in ((a.content, "t"), (a.source, "s"), (a.cue, "c")):
            if span is None:
                continue
            role = mark.upper() if is_top else mark
            lo = int(np.searchsorted(starts, span.start, side="right")) - 1
            for i in range(max(lo, 0), len(doc)):
                if starts[i] >= span.end:
                    break
                if starts[i] + len(doc[i]) > span.start and rank[role] > rank[roles[i]]:
                    roles[i] = role
    return roles


def sentence_features(sent: Sequence[Token], roles: Sequence[str], quoted: Sequence[bool],
                      use_rules: bool = True) -> list[list[str]]:
    """Feature strings of each token of one sentence (the same code for training and tagging)."""
    out: list[list[str]] = []
    n = len(sent)
    words = [t.lower_ for t in sent]
    tags = [t.tag_ for t in sent]
    for i, t in enumerate(sent):
        low = words[i]
        head = t.head
        hlow = head.lower_
        dep = t.dep_
        base = CUE_FORMS.get(low, low)
        hbase = CUE_FORMS.get(hlow, hlow)
        prev_w = words[i - 1] if i > 0 else "<s>"
        next_w = words[i + 1] if i + 1 < n else "</s>"
        prev_t = tags[i - 1] if i > 0 else "<s>"
        next_t = tags[i + 1] if i + 1 < n else "</s>"
        frame = ".".join(sorted({c.dep_ for c in t.children if c.dep_ in _FRAME_DEPS}))
        feats = ["bias", "w=" + low, "b=" + base, "t=" + tags[i], "d=" + dep, "s=" + t.shape_[:3],
                 "e=" + t.ent_iob_ + t.ent_type_, "dh=" + dep + "|" + hbase, "ht=" + head.tag_,
                 "hd=" + head.dep_, "gd=" + dep + "|" + head.dep_ + "|" + head.head.tag_,
                 "fr=" + tags[i][:2] + "|" + frame, "fw=" + base + "|" + frame,
                 "w-1=" + prev_w, "w+1=" + next_w, "t-1=" + prev_t, "t+1=" + next_t,
                 "tt=" + prev_t + "|" + tags[i] + "|" + next_t, "q=" + str(quoted[i]) + tags[i][:2]]
        if low in CUE_FORMS:
            feats.append("cue-word|" + tags[i][:2])
        if hlow in CUE_FORMS:
            feats.append("head-cue-word|" + dep)
        if use_rules:
            role = roles[t.i]
            hrole = roles[head.i]
            feats.extend(("r=" + role, "rh=" + role + hrole, "rd=" + role + dep, "rw=" + role + base,
                          "rp=" + (roles[sent[i - 1].i] if i > 0 else "<") + role
                          + (roles[sent[i + 1].i] if i + 1 < n else ">"),
                          "rg=" + role + hrole + roles[head.head.i]))
        out.append(feats)
    return out


def doc_features(doc: Doc, attributions: Sequence[Attribution],
                 use_rules: bool = True) -> list[tuple[list[Token], list[list[str]]]]:
    """(sentence tokens, token features) for every sentence of ``doc``."""
    roles = rule_roles(doc, attributions) if use_rules else ["-"] * len(doc)
    quoted = [False] * len(doc)
    starts = [t.idx for t in doc]
    for s, e in quote_regions(_doc_text(doc)):
        lo = int(np.searchsorted(starts, s, side="left"))
        for i in range(lo, len(doc)):
            if starts[i] >= e:
                break
            quoted[i] = True
    out = []
    for sent in doc.sents:
        toks = [t for t in sent if not t.is_space]
        if toks:
            out.append((toks, sentence_features(toks, roles, quoted, use_rules)))
    return out


def spans_from_labels(tokens: Sequence[Token], labels: Sequence[int]) -> tuple[Spans, Spans]:
    """Character spans of the cue and source runs in one tagged sentence."""
    cues: Spans = []
    sources: Spans = []
    current: list[int] | None = None
    kind = ""
    for tok, lab in zip(tokens, labels, strict=True):
        name = LABELS[lab]
        end = tok.idx + len(tok.text)
        if name.startswith("I-") and current is not None and name[2:] == kind:
            current[1] = end
            continue
        if current is not None:
            (cues if kind == "CUE" else sources).append((current[0], current[1]))
            current = None
        if name.startswith("B-"):
            current, kind = [tok.idx, end], name[2:]
    if current is not None:
        (cues if kind == "CUE" else sources).append((current[0], current[1]))
    return cues, sources


def tag_spans(doc: Doc, attributions: Sequence[Attribution], tagger: Tagger | None = None) -> tuple[Spans, Spans]:
    """Cue and source character spans of a parsed ``Doc``, given the rules' attributions for it.

    Only the outermost layer is tagged, as PolNeAR annotates it (a pronoun's "he said" inside a
    quotation is part of the quoted speaker's content).
    """
    tagger = tagger or load_tagger()
    cues: Spans = []
    sources: Spans = []
    for toks, feats in doc_features(doc, attributions, tagger.use_rules):
        c, s = spans_from_labels(toks, tagger.decode(feats))
        cues.extend(c)
        sources.extend(s)
    return cues, sources


def apply_tagger(doc: Doc, attributions: Sequence[Attribution], tagger: Tagger | None = None) -> list[Attribution]:
    """The rules' attributions with the tagger's say on the outermost layer, in text order.

    A top-level attribution whose cue the tagger does not tag is dropped (the rules fire on words
    that are cues only sometimes: "support", "call", a "said" inside a quotation). One it keeps
    takes the tagger's source from the cue's sentence when the rules found none or one the tagger
    does not tag. A tagged cue that no rule attribution has becomes a new attribution (its content
    unknown: ``None``), with the nearest tagged source in its sentence. Nested attributions stay.
    """
    cues, sources = tag_spans(doc, attributions, tagger)
    text = _doc_text(doc)
    sentences = [(s.start_char, s.end_char) for s in doc.sents]
    top = {id(a) for a in top_level(list(attributions), text)}
    out: list[Attribution] = []
    for a in attributions:
        if id(a) not in top or a.cue is None:
            out.append(a)
            continue
        if not any(_overlap((a.cue.start, a.cue.end), c) for c in cues):
            continue
        if a.source is None or not any(_overlap((a.source.start, a.source.end), s) for s in sources):
            found = _nearest(sources, (a.cue.start, a.cue.end), sentences)
            if found is not None:
                a = replace(a, source=Span(text[found[0]:found[1]], *found), chain=[*a.chain[:-1], text[found[0]:found[1]]]
                            if a.source is not None else [*a.chain, text[found[0]:found[1]]])
        out.append(a)
    for cue in cues:
        if any(a.cue is not None and _overlap((a.cue.start, a.cue.end), cue) for a in attributions):
            continue
        found = _nearest(sources, cue, sentences)
        source = Span(text[found[0]:found[1]], *found) if found is not None else None
        out.append(Attribution(source=source, cue=Span(text[cue[0]:cue[1]], *cue), content=None,
                               chain=[source.text] if source is not None else [], extractor=TAGGER_VERSION))
    out.sort(key=lambda a: a.cue.start if a.cue is not None else -1)
    return out


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _nearest(sources: Spans, cue: tuple[int, int], sentences: Spans) -> tuple[int, int] | None:
    """The tagged source closest to ``cue`` within its sentence."""
    sent = next(((s, e) for s, e in sentences if s <= cue[0] < e), None)
    if sent is None:
        return None
    near = [s for s in sources if sent[0] <= s[0] < sent[1]]
    return min(near, key=lambda s: min(abs(s[1] - cue[0]), abs(s[0] - cue[1])), default=None)


def save_tagger(tagger: Tagger, path: Path) -> None:
    """Write weights reproducibly: a JSON header line, feature names, then float32 rows (gzip, no mtime)."""
    names = sorted(tagger.index, key=tagger.index.__getitem__)
    header = {"version": TAGGER_VERSION, "labels": list(LABELS), "features": len(names),
              "use_rules": tagger.use_rules, **(tagger.meta or {})}
    body = (json.dumps(header, sort_keys=True) + "\n" + "\n".join(names) + "\n").encode("utf-8")
    blob = body + tagger.weights.astype("<f4").tobytes() + tagger.transitions.astype("<f4").tobytes()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as fh:
        fh.write(blob)


def read_tagger(path: Path) -> Tagger:
    try:
        blob = gzip.decompress(path.read_bytes())
    except (OSError, EOFError) as exc:
        raise ConfigError(f"attribution tagger weights unreadable: {path}: {exc}") from exc
    cut = blob.index(b"\n")
    header = json.loads(blob[:cut])
    n, k = int(header["features"]), len(LABELS)
    if header.get("labels") != list(LABELS):
        raise ConfigError(f"attribution tagger {path} has labels {header.get('labels')}, expected {list(LABELS)}")
    pos = cut + 1
    names: list[str] = []
    for _ in range(n):
        nl = blob.index(b"\n", pos)
        names.append(blob[pos:nl].decode("utf-8"))
        pos = nl + 1
    floats = np.frombuffer(blob, dtype="<f4", offset=pos)
    weights = floats[:n * k].reshape(n, k)
    transitions = floats[n * k:].reshape(k + 1, k)
    return Tagger({name: i for i, name in enumerate(names)}, weights, transitions,
                  bool(header.get("use_rules", True)), header)


@lru_cache(maxsize=2)
def load_tagger(path: Path = MODEL_PATH) -> Tagger:
    """The tagger at ``path`` (the shipped weights by default), read once per process."""
    if not path.exists():
        raise ConfigError(f"attribution tagger weights not found: {path} "
                          "(train them with python -m mistrust.extract.attribution_training)")
    return read_tagger(path)


__all__ = ["LABELS", "MODEL_PATH", "TAGGER_VERSION", "Tagger", "apply_tagger", "doc_features", "load_tagger", "read_tagger",
           "rule_roles", "save_tagger", "spans_from_labels", "tag_spans", "viterbi"]
