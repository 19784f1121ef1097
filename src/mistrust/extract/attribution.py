"""Attribution: who said (reported, claimed, wrote, believes) what, through whom.

One pass over the tokens of a parsed spaCy ``Doc`` finds cues, then reads the speaker and the
content off the dependency tree around each cue:

- verb cues ("said", "told", "reported", "denied", "believes"): source = the subject, or the
  agent of a passive ("it was reported by X"), or, for a participle/conjunct ("..., adding that",
  "smiled and said"), the subject of the verb it hangs off; inverted "..., said Price" too.
  Content = the clausal complement, else an object for verbs that take their content as one
  ("denied any such cooperation"), else, when the cue is a parenthetical ("X, he said"), the
  clause it interrupts.
- "according to X": source = X, content = the clause it modifies.
- "seen by X" / "citing X": relays, recorded as their own attribution and added to the chain.
- direct quotes: content is widened to the surrounding quotation marks, across sentences when
  the quote runs over several ("“A. B. C,” he said"); a sentence ending in ":" introduces the
  following paragraph ("France24 reported, citing AFP:").

Chains come from span containment: an attribution whose cue lies inside another's content is
nested in it, so "France24 reported, citing AFP: ... according to a UN report ..." gives the
inner claim the chain ["France24", "AFP", "a UN report"].

This module assembles the chains and picks the top layer; the parts live next to it:
:mod:`~mistrust.extract.attribution_cues` (one reader per cue kind), :mod:`~mistrust.extract.speakers`
(who speaks), :mod:`~mistrust.extract.quotes` (quotation marks) and
:mod:`~mistrust.extract.attribution_spans` (character spans).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from mistrust.extract.attribution_cues import (
    according_cue,
    attach_relays,
    colon_label,
    in_document,
    noun_cue,
    seen_by,
    verb_cue,
)
from mistrust.extract.attribution_spans import Found, char_span, spans_overlap, text_of_doc
from mistrust.extract.cues import CLOSE_QUOTES, CUE_FORMS, NOUN_CUES, PRONOUNS
from mistrust.extract.quotes import carry_over, doc_quote_regions, paragraph_quotes, quote_regions
from mistrust.extract.status import DENIAL_FORMS
from mistrust.model.documents import Attribution, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

EXTRACTOR = "attribution-v1"
# Marks an attribution read as reported speech inside another's content although its speaker is
# named (the tagger's reading, :func:`mistrust.extract.attribution_model.apply_tagger`): it stays
# for claims and chains but is not in the outermost layer.
NESTED = "/nested"


def nested_extractor(extractor: str) -> str:
    """``extractor`` marked as a nested layer (see ``NESTED``)."""
    return extractor if extractor.endswith(NESTED) else extractor + NESTED


def find_attributions(doc: Doc) -> list[Attribution]:
    """All attributions in a parsed ``Doc``, in text order, each with its chain."""
    found: list[Found] = []
    relays: list[Token] = []
    for i in _cue_positions(doc):
        tok = doc[i]
        low = tok.lower_
        f: Found | None = None
        if low in _RELAY_FORMS and tok.tag_ == "VBG":
            relays.append(tok)
        if low.replace("[", "").replace("]", "") == "according":
            f = according_cue(tok)
        elif low in _SEEN_FORMS:
            f = seen_by(tok) or verb_cue(tok)
        elif low in NOUN_CUES and tok.pos_ == "NOUN":
            f = noun_cue(tok)
        elif low in CUE_FORMS:
            f = verb_cue(tok)
        elif low == ":":
            f = colon_label(tok)
        elif low == "in":
            f = in_document(tok)
        if f is not None:
            found.append(f)
    found.sort(key=lambda f: f.cue)
    attach_relays(doc, found, relays)
    text = text_of_doc(doc)
    runs = paragraph_quotes(text)
    if runs:
        for f in found:
            if f.content is not None:
                f.content = carry_over(f.content, f.cue, runs)
    found += _continued_quotes(text, found, [*doc_quote_regions(doc), *((o, c) for _, o, _, c in runs)])
    found.sort(key=lambda f: f.cue)
    return _with_chains(doc, found)


_RELAY_FORMS = ("citing", "quoting")
_SEEN_FORMS = ("seen", "obtained", "reviewed", "viewed")


def _may_cue(low: str) -> bool:
    """A lower form some branch of :func:`find_attributions`' loop reads; every other token is
    passed by all of them."""
    return (low in _RELAY_FORMS or low.replace("[", "").replace("]", "") == "according" or low in _SEEN_FORMS
            or low in NOUN_CUES or low in CUE_FORMS or low in (":", "in"))


def _cue_positions(doc: Doc) -> list[int]:
    """Indices of the tokens whose lower form :func:`_may_cue`, in text order. Decided once per
    distinct form off the Doc's array (a text repeats most of its words): a Python visit to every
    token for its lower form cost more than the few cues found among them."""
    if not len(doc):
        return []
    from spacy.attrs import LOWER

    strings = doc.vocab.strings
    forms, where = np.unique(doc.to_array(LOWER), return_inverse=True)
    keep = np.fromiter((_may_cue(strings[int(h)]) for h in forms), dtype=bool, count=len(forms))
    return np.flatnonzero(keep[where]).tolist()


_SENTENCE_END = (".", "?", "!")
_MARKS = " \n\"'\u201c\u201d\u2018\u2019"


def _continued_quotes(text: str, found: list[Found], regions: list[tuple[int, int]]) -> list[Found]:
    """ '"A," the envoy said. "B."' or 'The envoy said A. "B."': a quoted sentence with no cue of its
    own is the words of the speaker named last before it in its paragraph (the print convention
    names a speaker once per paragraph). The quoted sentence opens after a finished sentence and
    ends with its own stop; its attribution repeats the speaker and the cue. ``regions``: the
    doc's quotations, those that run over several paragraphs included."""
    out: list[Found] = []
    for s, e in regions:
        if any(not s <= f.cue[0] < e and f.content is not None and spans_overlap(f.content, (s, e)) for f in found):
            continue  # a cue of its own covers it (cues inside it are its speaker's nested words)
        # '"A," X said, "B," Y added': a quotation with a cue of its own after it is that cue's
        # (a quotation that ends its sentence has no cue after it)
        own_after = (not text[s:e].strip(_MARKS).endswith(_SENTENCE_END)
                     and any(e <= f.cue[0] and not any(ch in ".!?\n" for ch in text[e:f.cue[0]]) for f in found))
        split = None if own_after else _split_quote(text, found, s)
        if split is not None:
            out.append(Found(split.source, split.cue, (s, e), kind="continued", alias=split.alias))
            continue
        if e - s < 12 or not text[s:e].strip(_MARKS).endswith(_SENTENCE_END):
            continue
        para = text.rfind("\n", 0, s) + 1
        lead = text[para:s].strip(_MARKS)
        if not lead.endswith(_SENTENCE_END):
            continue  # not a sentence of its own, or the paragraph's first: nobody named yet
        before = [f for f in found if para <= f.cue[0] and f.cue[1] <= s]
        last = max(before, key=lambda f: f.cue, default=None)
        if last is None or last.kind not in ("verb", "according") or last.source is None:
            continue
        out.append(Found(last.source, last.cue, (s, e), kind="continued", alias=last.alias))
    return out


def _split_quote(text: str, found: list[Found], s: int) -> Found | None:
    """ '"A," the envoy said, "B."': a quotation that opens right after a cue (and its speaker) whose
    content is the quotation just before it is the same speaker's words, resumed."""
    for f in found:
        if f.kind != "verb" or f.content is None or f.source is None or f.content[1] > f.cue[0]:
            continue
        if not any(ch in CLOSE_QUOTES for ch in text[max(0, f.content[1] - 2):f.content[1]]):
            continue  # the content before the cue is no quotation
        if text[max(f.cue[1], f.source[1]):s].strip() == ",":
            return f
    return None


def _with_chains(doc: Doc, found: list[Found]) -> list[Attribution]:
    out: list[Attribution] = []
    names: list[list[str]] = []
    for f in found:
        own: list[str] = []
        if f.source is not None:
            own.append(_resolve(doc, f, found))
        own.extend(text_of_doc(doc)[s:e] for s, e in f.relayed)
        names.append(own)
    holders = [(j, g, g.content) for j, g in enumerate(found) if g.content is not None]  # the only possible outers
    for i, f in enumerate(found):
        outer = [j for j, g, content in holders if j != i
                 and (content[0] <= f.cue[0] and f.cue[1] <= content[1] or _shares(f, g))]
        outer.sort(key=lambda j: _length(found[j].content), reverse=True)
        chain: list[str] = []
        for j in [*outer, i]:
            for name in names[j]:
                # "the AFP news agency" then "AFP": the same link said twice.
                if not chain or (name.lower() not in chain[-1].lower() and chain[-1].lower() not in name.lower()):
                    chain.append(name)
        out.append(Attribution(source=char_span(doc, f.source), cue=char_span(doc, f.cue), content=char_span(doc, f.content),
                               chain=chain, extractor=EXTRACTOR, time=f.time))
    return out


def _length(span: tuple[int, int] | None) -> int:
    return span[1] - span[0] if span is not None else 0


def _shares(inner: Found, outer: Found) -> bool:
    """ "Y, according to a report, reported AFP": both hold Y; the report is nested in AFP's."""
    return (inner.kind == "according" and outer.kind == "verb" and inner.content is not None
            and outer.content is not None and spans_overlap(inner.content, outer.content)
            and abs(inner.cue[0] - outer.cue[0]) < 300
            # "X denied Y, according to a statement": X's cue is inside the statement's content,
            # so the statement is the outer link, not the inner one.
            and not (inner.content[0] <= outer.cue[0] and outer.cue[1] <= inner.content[1]))


def _resolve(doc: Doc, f: Found, found: list[Found]) -> str:
    """Chain name of a source: a pronoun ("he") becomes the nearest earlier named speaker."""
    assert f.source is not None
    if f.alias is not None:
        return text_of_doc(doc)[f.alias[0]:f.alias[1]]
    text = text_of_doc(doc)[f.source[0]:f.source[1]]
    if text.lower() not in PRONOUNS:
        return text
    for g in reversed([g for g in found if g.cue < f.cue and g.source is not None]):
        name = text_of_doc(doc)[g.source[0]:g.source[1]]  # type: ignore[index]
        if name.lower() not in PRONOUNS:
            return name
    return text


def _named(source: Span | None) -> bool:
    if source is None or source.text.lower() in PRONOUNS:
        return False
    words = source.text.split()
    # A capital after the first word ("the FBI", "Mike Pompeo") marks a name, not just a sentence start.
    return any(w[:1].isupper() for w in (words[1:] or words))


def top_level(attributions: list[Attribution], text: str | None = None) -> list[Attribution]:
    """Attributions not nested in another's content or in a quotation (the outermost layer).

    Annotation schemes that give each token one role (PolNeAR is "univocal") only mark this
    layer; the nested ones are still in ``find_attributions`` for chains and claims.
    """
    contents = [a.content for a in attributions if a.content is not None]
    regions = quote_regions(text) if text is not None else []
    # The reports "according to ..." are few: found once, not once per attribution.
    according = [b for b in attributions if b.cue is not None and b.content is not None and _is_according(b)]
    out = []
    cues: set[tuple[int, int]] = set()
    for a in attributions:
        if a.cue is None or (a.cue.start, a.cue.end) in cues or a.extractor.endswith(NESTED):
            continue  # a speaker's continued quotation repeats the cue of its first part
        cue = a.cue
        # Nested in someone's content: a pronoun or unnamed speaker ("I think", "he added") belongs
        # to the outer attribution; a named party ("..., which an FBI official said") starts its own.
        # Long contents (a paragraph after a colon, a multi-sentence quote) hold their own "she said".
        if not _named(a.source) and any(c.start <= cue.start and cue.end <= c.end and c is not a.content
                                        and "\n" not in c.text and c.text.count(". ") < 1 for c in contents):
            continue
        if any(s < cue.start and cue.end < e for s, e in regions):
            continue
        # "X said Y, according to a transcript": the report that carries X's words is the outer
        # layer, named speaker or not.
        if any(b is not a and b.content is not None and b.content.start <= cue.start and cue.end <= b.content.end
               for b in according):
            continue
        out.append(a)
        cues.add((cue.start, cue.end))
    return out


def _is_according(a: Attribution) -> bool:
    return a.cue is not None and a.cue.text.lower().replace("[", "").replace("]", "").startswith("according")


def is_denial(attribution: Attribution) -> bool:
    """True when the cue denies its content ("Tehran denied ...", "rejected the report")."""
    if attribution.cue is None:
        return False
    return any(w.lower().strip(".,") in DENIAL_FORMS for w in attribution.cue.text.split())


__all__ = ["EXTRACTOR", "NESTED", "find_attributions", "is_denial", "nested_extractor", "top_level"]
