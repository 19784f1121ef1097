"""A learned tagger for attribution cues and sources ("Officials **said** ...", "**The senator** told").

The rules in :mod:`mistrust.extract.attribution` read cues off word lists and sources off the
dependency tree; they were shaped on PolNeAR dev and fall on other annotators' documents. This
module is a linear sequence tagger (labels ``O``, ``B-CUE``, ``I-CUE``, ``B-SRC``, ``I-SRC``; first
order transitions, Viterbi decoding) whose weights are trained on PolNeAR train by
:mod:`mistrust.extract.attribution_training`. Its features (:mod:`mistrust.extract.attribution_features`)
are the token's words, tags and dependency arcs (to its head and grandparent), its neighbours, and
what the rules said about it (top-level cue, nested cue, source, content): the model learns when to
trust the rules, which is how it combines with them instead of competing.

Public: :func:`apply_tagger` (the rules' attributions corrected by the tagger: what the pipeline
uses), :func:`tag_spans` (cue and source character spans of a parsed ``Doc``) and
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
from mistrust.extract.attribution import nested_extractor, top_level
from mistrust.extract.attribution_cues import opening_head
from mistrust.extract.attribution_features import BITS, doc_features
from mistrust.extract.attribution_spans import spans_overlap, text_of_doc
from mistrust.extract.cues import CUE_FORMS, DENIAL, DOCUMENT_NOUNS
from mistrust.model.documents import Attribution, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

LABELS: tuple[str, ...] = ("O", "B-CUE", "I-CUE", "B-SRC", "I-SRC")
TAGGER_VERSION = "attribution-tagger-v1"
MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "attribution_tagger.bin.gz"
Spans = list[tuple[int, int]]


@dataclass(frozen=True)
class Tagger:
    """Weights of one trained tagger: a ``2**BITS``-row table of label scores and the transitions."""

    weights: np.ndarray  # (2**BITS, labels): rows are hashed features (attribution_features)
    transitions: np.ndarray  # (labels + 1, labels); the last row scores the sentence start
    use_rules: bool = True
    meta: dict[str, object] | None = None

    def decode(self, sentences: Sequence[np.ndarray]) -> list[list[int]]:
        """Best label sequence (indices into ``LABELS``) of each sentence's (tokens, templates) ids."""
        if not sentences:
            return []
        # One gather for all sentences, then split: per-sentence gathers cost more than the sums.
        # ``np.take`` gathers the same rows as indexing with the id array, in about half the time.
        scores = np.take(self.weights, np.concatenate(sentences), axis=0).sum(axis=1)
        cuts = np.cumsum([len(ids) for ids in sentences[:-1]])
        return viterbi(np.split(scores, cuts), self.transitions)


def viterbi(emissions: Sequence[np.ndarray], transitions: np.ndarray) -> list[list[int]]:
    """First-order Viterbi over a batch of sentences at once (padded; a finished sentence keeps
    its scores); an ``I-`` label may only follow its own ``B-`` or ``I-``."""
    if not emissions:
        return []
    k = transitions.shape[1]
    # Longest first: at step i the sentences still running are the first ``active`` rows, so each
    # step scores only those (a padded row's step was computed and then thrown away, and the
    # longest sentence of a text sets the number of steps). Same sums per row, same labels.
    order = sorted(range(len(emissions)), key=lambda b: -len(emissions[b]))
    lengths = [len(emissions[b]) for b in order]
    longest = lengths[0]
    scores = np.zeros((len(emissions), longest, k), dtype=np.float64)
    for row, b in enumerate(order):
        scores[row, :lengths[row]] = emissions[b]
    trans = transitions[:k] + _ALLOWED
    best = transitions[k] + scores[:, 0] + _ALLOWED_START
    back = np.zeros((len(emissions), longest, k), dtype=np.int64)
    active = len(order)
    for i in range(1, longest):
        while lengths[active - 1] <= i:
            active -= 1
        cand = best[:active, :, None] + trans[None]
        back[:active, i] = cand.argmax(axis=1)
        best[:active] = cand.max(axis=1) + scores[:active, i]
    out: list[list[int]] = [[] for _ in order]
    last = best.argmax(axis=1).tolist()
    for row, (b, n) in enumerate(zip(order, lengths, strict=True)):
        # the row's back pointers as Python lists: one conversion, not one numpy scalar per token
        steps = back[row, 1:n].tolist()
        path = [last[row]]
        for step in reversed(steps):
            path.append(step[path[-1]])
        out[b] = path[::-1]
    return out


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


def spans_from_labels(doc: Doc, first: int, labels: Sequence[int]) -> tuple[Spans, Spans]:
    """Character spans of the cue and source runs in one tagged sentence starting at token ``first``."""
    cues: Spans = []
    sources: Spans = []
    current: list[int] | None = None
    kind = ""
    for i, lab in enumerate(labels, first):
        name = LABELS[lab]
        if name == "O" or doc[i].is_space:
            # A line break inside a run ends it; a space token never starts or ends one.
            if current is not None and (name == "O" or "\n" in doc[i].text):
                (cues if kind == "CUE" else sources).append((current[0], current[1]))
                current = None
            continue
        tok = doc[i]
        end = tok.idx + len(tok.text)
        if name.startswith("I-") and current is not None and name[2:] == kind:
            current[1] = end
            continue
        if current is not None:
            (cues if kind == "CUE" else sources).append((current[0], current[1]))
        current, kind = [tok.idx, end], name[2:]
    if current is not None:
        (cues if kind == "CUE" else sources).append((current[0], current[1]))
    return cues, sources


def tag_spans(doc: Doc, attributions: Sequence[Attribution], tagger: Tagger | None = None,
              top: Sequence[Attribution] | None = None) -> tuple[Spans, Spans]:
    """Cue and source character spans of a parsed ``Doc``, given the rules' attributions for it.

    Only the outermost layer is tagged, as PolNeAR annotates it (a pronoun's "he said" inside a
    quotation is part of the quoted speaker's content). ``top`` is that layer of the rules'
    attributions when the caller has it already.
    """
    tagger = tagger or load_tagger()
    if top is None:
        top = top_level(list(attributions), text_of_doc(doc))
    sentences = doc_features(doc, attributions, top, tagger.use_rules)
    cues: Spans = []
    sources: Spans = []
    for (first, _, _), labels in zip(sentences, tagger.decode([ids for _, _, ids in sentences]), strict=True):
        c, s = spans_from_labels(doc, first, labels)
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
    text = text_of_doc(doc)
    top = top_level(list(attributions), text)
    cues, sources = tag_spans(doc, attributions, tagger, top)
    sentences = [(s.start_char, s.end_char) for s in doc.sents]
    top_ids = {id(a) for a in top}
    out: list[Attribution] = []
    documents: Spans = []  # sources of documents kept against the tagger
    for a in attributions:
        if id(a) not in top_ids or a.cue is None:
            out.append(a)
            continue
        if not any(spans_overlap((a.cue.start, a.cue.end), c) for c in cues):
            # A named speaker inside another attribution's content ("X said it never ..., state
            # media reported") is in the rules' top layer; the tagger learned PolNeAR's one role per
            # token, where that cue is part of the relay's content. Not tagged, a plain act of
            # saying or denying is the relay's reported speech, not a false cue: it stays for the
            # claims it covers (the innermost speaker), marked as a nested layer, with its own
            # source. Words that are cues only sometimes ("wants", "seeks", "asked") still go.
            if _inside_content(a, attributions) and _reports(a.cue.text):
                out.append(replace(a, extractor=nested_extractor(a.extractor)))
            elif _document_states(doc, a):
                out.append(a)
                assert a.source is not None
                documents.append((a.source.start, a.source.end))
            continue
        if a.source is None or not any(spans_overlap((a.source.start, a.source.end), s) for s in sources):
            found = _nearest(sources, (a.cue.start, a.cue.end), sentences)
            if found is not None:
                # The source is the chain's last link: it replaces the rules' source there.
                chain = a.chain[:-1] if a.source is not None else a.chain
                a = replace(a, source=Span(text[found[0]:found[1]], *found), chain=[*chain, text[found[0]:found[1]]])
        out.append(a)
    for cue in cues:
        if any(a.cue is not None and spans_overlap((a.cue.start, a.cue.end), cue) for a in attributions):
            continue
        if any(spans_overlap(d, cue) for d in documents):
            continue  # the tagger's cue inside a kept document's name ("Court *filings* state X ...")
        found = _nearest(sources, cue, sentences)
        named = Span(text[found[0]:found[1]], *found) if found is not None else None
        out.append(Attribution(source=named, cue=Span(text[cue[0]:cue[1]], *cue), content=None,
                               chain=[named.text] if named is not None else [], extractor=TAGGER_VERSION))
    out.sort(key=lambda a: a.cue.start if a.cue is not None else -1)
    return out


# Verbs whose every use is an act of saying or denying ("said", "told", "denied"), as opposed to the
# rules' occasional cues (wanting, seeking, asking, finding).
_SPEECH_ACTS = frozenset({"say", "tell", "claim", "insist", "report", "announce", *DENIAL})


def _reports(cue: str) -> bool:
    words = cue.lower().split()
    return bool(words) and CUE_FORMS.get(words[-1]) in _SPEECH_ACTS


# What a document does when it is cited for a clause: it says, states or shows that ... (not
# "believes", "wants": a document holds no view of its own).
_DOCUMENT_STATING = frozenset({"say", "state", "show", "indicate", "reveal", "allege", "confirm", "report"})


def _document_states(doc: Doc, a: Attribution) -> bool:
    """True when ``a`` is a document stating a clause ("Papers lodged with the tribunal state that
    X ...", "Court filings state X ..."): a document noun heads the source, the cue is a stating
    verb and the clause follows it.
    Such a cue is never one of the rules' occasional cues, so the rules' reading stands when the
    tagger, which learned mostly people as speakers, leaves a long document phrase's cue untagged."""
    assert a.cue is not None
    if a.source is None or CUE_FORMS.get(a.cue.text.lower().split()[-1]) not in _DOCUMENT_STATING:
        return False
    source = doc.char_span(a.source.start, a.source.end, alignment_mode="expand")
    cue = doc.char_span(a.cue.start, a.cue.end, alignment_mode="expand")
    if source is None or cue is None or cue.end >= len(doc):
        return False
    after = doc[cue.end]
    # the clause follows the cue: after "that", or with none ("Court filings state X sent ..."); a
    # question word opens no statement ("the ruling shows how ...": the writer's inference)
    clause = after.lower_ == "that" or (a.content is not None and a.content.start == after.idx
                                        and not after.tag_.startswith("W") and after.lower_ not in ("whether", "if"))
    # (the root of a misparsed phrase may be its participle: "Papers *lodged* with the tribunal")
    head = source.root if source.root.lower_ in DOCUMENT_NOUNS else opening_head(list(source))
    return clause and head is not None and head.lower_ in DOCUMENT_NOUNS


def _inside_content(a: Attribution, attributions: Sequence[Attribution]) -> bool:
    """True when ``a``'s cue lies in the content of another attribution (it is reported speech)."""
    assert a.cue is not None
    return any(b is not a and b.content is not None and b.content.start <= a.cue.start
               and a.cue.end <= b.content.end for b in attributions)


def _nearest(sources: Spans, cue: tuple[int, int], sentences: Spans) -> tuple[int, int] | None:
    """The tagged source closest to ``cue`` within its sentence."""
    sent = next(((s, e) for s, e in sentences if s <= cue[0] < e), None)
    if sent is None:
        return None
    near = [s for s in sources if sent[0] <= s[0] < sent[1]]
    return min(near, key=lambda s: min(abs(s[1] - cue[0]), abs(s[0] - cue[1])), default=None)


def save_tagger(tagger: Tagger, path: Path) -> None:
    """Write weights reproducibly: a JSON header line, then the non-zero rows (row numbers as
    uint32, label scores as float32) and the transitions; gzip without a time stamp."""
    rows = np.flatnonzero(np.abs(tagger.weights).max(axis=1) > 0)
    header = {"version": TAGGER_VERSION, "labels": list(LABELS), "bits": BITS, "rows": len(rows),
              "use_rules": tagger.use_rules, **(tagger.meta or {})}
    blob = (json.dumps(header, sort_keys=True).encode("utf-8") + b"\n" + rows.astype("<u4").tobytes()
            + tagger.weights[rows].astype("<f4").tobytes() + tagger.transitions.astype("<f4").tobytes())
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
    if header.get("labels") != list(LABELS) or header.get("bits") != BITS:
        raise ConfigError(f"attribution tagger {path} was saved for other labels or table size: "
                          f"{header.get('labels')}, {header.get('bits')} bits")
    n, k = int(header["rows"]), len(LABELS)
    rows = np.frombuffer(blob, dtype="<u4", count=n, offset=cut + 1).astype(np.int64)
    values = np.frombuffer(blob, dtype="<f4", offset=cut + 1 + 4 * n)
    weights = np.zeros((1 << BITS, k), dtype=np.float32)
    weights[rows] = values[:n * k].reshape(n, k)
    transitions = values[n * k:].reshape(k + 1, k).copy()
    return Tagger(weights, transitions, bool(header.get("use_rules", True)), header)


@lru_cache(maxsize=2)
def load_tagger(path: Path = MODEL_PATH) -> Tagger:
    """The tagger at ``path`` (the shipped weights by default), read once per process."""
    if not path.exists():
        raise ConfigError(f"attribution tagger weights not found: {path} "
                          "(train them with python -m mistrust.extract.attribution_training)")
    return read_tagger(path)


__all__ = ["LABELS", "MODEL_PATH", "TAGGER_VERSION", "Tagger", "apply_tagger", "load_tagger", "read_tagger",
           "save_tagger", "spans_from_labels", "tag_spans", "viterbi"]
