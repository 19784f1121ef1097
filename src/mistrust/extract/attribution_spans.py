"""Character spans for attribution: token runs to offsets, trimming, cutting, and the raw record.

``Found`` is one attribution in character offsets before it gets its chain; every reader in
:mod:`mistrust.extract.attribution_cues` returns one. Split from :mod:`mistrust.extract.attribution`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from mistrust.model.documents import Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def text_of_doc(doc: Doc) -> str:
    """``Doc.text`` joins every token on each access; read it once per doc (speed: 10x on articles)."""
    text = doc.user_data.get("mistrust_text")
    if text is None:
        text = doc.user_data["mistrust_text"] = doc.text
    return str(text)


@dataclass
class Found:
    source: tuple[int, int] | None  # character offsets
    cue: tuple[int, int]
    content: tuple[int, int] | None
    relayed: list[tuple[int, int]] = field(default_factory=list)  # "citing X" -> X
    kind: str = "verb"  # verb | according | seen
    alias: tuple[int, int] | None = None  # chain name when the source is "who"/"which"
    time: str | None = None  # when it was said ("reported in February 2018")


def tok_span(tokens: Iterable[Token]) -> tuple[int, int] | None:
    """From the first character to the last of the tokens (in any order), spaces left out."""
    start = end = -1
    for t in tokens:  # one pass: each token's offsets read once
        if t.is_space:
            continue
        s = t.idx
        e = s + len(t.text)
        if start < 0 or s < start:
            start = s
        if e > end:
            end = e
    return None if start < 0 else (start, end)


def trim_text_span(doc: Doc, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """Strip whitespace and dangling commas/dashes at both ends (quotes are kept)."""
    if span is None:
        return None
    text = text_of_doc(doc)
    s, e = span
    while s < e and (text[s].isspace() or text[s] in ",;-–—(") :
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;-–—:("):
        e -= 1
    return (s, e) if e > s else None


def subtree_span(tok: Token, exclude: Iterable[Token] = ()) -> tuple[int, int] | None:
    """Character span of ``tok``'s subtree without the subtrees of ``exclude``."""
    banned: set[int] = set()
    for ex in exclude:
        banned.update(t.i for t in ex.subtree)
    return tok_span(t for t in tok.subtree if t.i not in banned and t.dep_ != "punct" or t.i == tok.i)


def cue_span(tok: Token) -> tuple[int, int]:
    """The cue verb with its auxiliaries and particles ("has said", "was quoted as saying")."""
    parts = [tok]
    for c in tok.children:
        if c.dep_ in ("aux", "auxpass", "neg", "prt") and abs(c.i - tok.i) <= 3:
            parts.append(c)
    span = tok_span(parts)
    assert span is not None
    return span


def spans_overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def cut_span(content: tuple[int, int] | None, cue: tuple[int, int], doc: Doc) -> tuple[int, int] | None:
    if content is None:
        return None
    left = (content[0], min(content[1], cue[0]))
    right = (max(content[0], cue[1]), content[1])
    best = max((left, right), key=lambda s: s[1] - s[0])
    return trim_text_span(doc, best) if best[1] - best[0] > 2 else None


def char_span(doc: Doc, se: tuple[int, int] | None) -> Span | None:
    if se is None:
        return None
    return Span(text_of_doc(doc)[se[0]:se[1]], se[0], se[1])
