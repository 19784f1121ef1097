"""Parse with every multi-word name seen as one word (its head word), then map the parse back.

The small English model tags and parses a sentence worse when it holds long proper names: "the
Korea Mining Development Trading Corporation Navy Command shipped ..." gets a verb inside the name or
a name word as the clause's subject, and the frames then lose the name's role. So the tagger and
parser read a *proxy* of each document in which a multi-word name found by NER is one token: the
name's own head word ("Corporation" for "Korea Mining Development Trading Corporation", "Ministry"
for "Ministry of Defence", "Grace" for the vessel "Grace 1"). No word lists: the proxy is the name's
own word, so its case, shape and suffix still tell the model it is a name.

The parse of the proxy is copied back onto the real tokens: every token outside a name keeps the
tag, head and label it was given; a name's head word takes the proxy's; the other words of the name
get the plain inner structure of an English name (:func:`name_tree`: modifiers are ``compound`` of
the head, "the" is ``det``, "of Korea" is a ``prep`` with its ``pobj``, trailing numbers are
``nummod``). The real document keeps its own tokens, so character offsets are untouched.

Only names of a plain shape are proxied (every word capitalised or a number, or one of the few
function words of names): a NER span that swallowed a lower-case word is left to the parser as it is.

Two pipeline components do this (``nlp.py`` places them): :func:`to_proxy` after NER returns the
proxy ``Doc`` for tok2vec, tagger and parser; :func:`from_proxy` after the parser returns the real
``Doc`` with the parse copied onto it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

PROXY_KEY = "mistrust_name_proxy"  # proxy.user_data: (real doc, real index of each proxy token)
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT"})

# The function words that occur inside English proper names, with their fine tags.
_INNER: dict[str, str] = {"the": "DT", "of": "IN", "for": "IN", "and": "CC", "&": "CC", "'s": "POS", "-": "HYPH"}
_PREPOSITIONS = frozenset({"of", "for"})
import os as _os  # EXPERIMENT
PROXY_NAMES = "n" in _os.environ.get("MISTRUST_PROXY", "na")
PROXY_ASIDES = "a" in _os.environ.get("MISTRUST_PROXY", "na")
_DASHES = frozenset({"\u2014", "\u2013", "\u2012", "\u2015"})
_CLOSERS = {"(": ")", "[": "]"}
_BRACKETS = frozenset("()[]")
_DELIMITER_TAGS = {"(": "-LRB-", ")": "-RRB-", "[": "-LRB-", "]": "-RRB-"}
_ENDS = frozenset({".", "!", "?", ";"})
_ASIDE_MAX = 30  # tokens inside an aside at most
_WRAP = 1 << 64

# One inner token: (offset of its head within the name, or None for the name's head word; label; tag)
Inner = tuple[int | None, str, str]


def _word(text: str) -> bool:
    return text[:1].isupper() or text[:1].isdigit()


def _number(text: str) -> bool:
    return text[:1].isdigit()


def _group(words: list[str], start: int, end: int, out: list[Inner | None]) -> int | None:
    """Fill ``out[start:end]`` for a run of premodifiers and their head; returns the head's offset."""
    head = next((i for i in range(end - 1, start - 1, -1) if _word(words[i]) and not _number(words[i])), None)
    if head is None:
        return None
    for i in range(start, end):
        w = words[i]
        if i == head:
            continue
        if w == "'s":
            out[i] = (i - 1, "case", "POS")
        elif i + 1 < end and words[i + 1] == "'s":
            out[i] = (head, "poss", "NNP")
        elif w.lower() in _INNER:
            out[i] = (head, {"DT": "det", "CC": "cc", "HYPH": "punct"}.get(_INNER[w.lower()], "dep"),
                      _INNER[w.lower()])
        elif _number(w) and i > head:
            out[i] = (head, "nummod", "CD")
        else:
            out[i] = (head, "compound", "CD" if _number(w) else "NNP")
    return head


def _tree(words: list[str], start: int, end: int, out: list[Inner | None]) -> int | None:
    """Fill ``out[start:end]``: a head group, then "of"/"for" and a name of its own (right-branching)."""
    cut = next((i for i in range(start + 1, end) if words[i].lower() in _PREPOSITIONS), end)
    head = _group(words, start, cut, out)
    if head is None or cut == end:
        return head
    obj = _tree(words, cut + 1, end, out)
    if obj is None:
        return None
    out[cut] = (head, "prep", "IN")
    out[obj] = (cut, "pobj", "NNP")
    return head


def name_tree(words: list[str]) -> tuple[int, list[Inner | None]] | None:
    """The head word's offset and each other word's (head offset, label, tag); None if not plain.

    English names are right-headed before a preposition ("Korea Mining Corporation": "Corporation";
    "Ministry of Defence": "Ministry"). A name with a word of another shape (lower case, not one of
    the function words of names) is refused: it is more likely a NER span that is not a name.
    """
    if len(words) < 2 or any(not _word(w) and w.lower() not in _INNER for w in words):
        return None
    if words[0].lower() in _INNER and words[0].lower() != "the":
        return None
    out: list[Inner | None] = [None] * len(words)
    head = _tree(words, 0, len(words), out)
    if head is None:
        return None
    return head, out


def _plain_names(doc: Doc) -> list[tuple[int, int, int, list[Inner | None]]]:
    """(start, end, head token index, inner structure) of each name the proxy makes one word."""
    names = []
    for ent in doc.ents:
        if ent.label_ not in NAME_LABELS or len(ent) < int(_os.environ.get("MISTRUST_PROXY_MIN", "2")):
            continue
        if any(t.is_space or (t.i > ent.start and t.is_sent_start) for t in ent):
            continue
        tree = name_tree([t.text for t in ent])
        if tree is not None:
            names.append((ent.start, ent.end, ent.start + tree[0], tree[1]))
    return names


def _dash(tok: Token) -> bool:
    """A dash that can open or close an aside: an em or en dash, or a hyphen or two set off by spaces."""
    if tok.text in _DASHES:
        return True
    return tok.text in {"-", "--"} and bool(tok.whitespace_) and tok.i > 0 and bool(tok.doc[tok.i - 1].whitespace_)


def _asides(doc: Doc) -> list[tuple[int, int]]:
    """(opening, closing) token indices of each aside in a pair of dashes or brackets inside a clause.

    The opening follows a word of the same line, the closing is followed by more of the clause; no
    line break, sentence end or other delimiter of the kind lies between them.
    """
    out: list[tuple[int, int]] = []
    n = len(doc)
    i = 1
    while i < n - 1:
        tok, prev = doc[i], doc[i - 1]
        closer = _CLOSERS.get(tok.text)
        if (closer is None and not _dash(tok)) or prev.is_punct or prev.is_space or tok.is_sent_start:
            i += 1
            continue
        end = None
        for j in range(i + 1, min(n - 1, i + _ASIDE_MAX + 2)):
            t = doc[j]
            if j > i + 1 and (t.text == closer if closer else _dash(t)):
                after = doc[j + 1]
                if not (after.is_space or after.is_sent_start or after.text in _ENDS):
                    end = j
                break
            if t.is_space or t.is_sent_start or t.text in _ENDS or _dash(t) or t.text in _BRACKETS:
                break
        if end is not None:
            out.append((i, end))
            i = end
        i += 1
    return out


def to_proxy(doc: Doc) -> Doc:
    """The document with each plain multi-word name as its head word alone and each aside moved to
    the end as a sentence of its own (same sentence starts otherwise)."""
    from spacy.tokens import Doc as DocType

    names = _plain_names(doc) if PROXY_NAMES else []
    asides = _asides(doc) if PROXY_ASIDES else []
    if not names and not asides:
        return doc
    unit = list(range(len(doc)))  # real token -> the real token that stands for it in the proxy
    for start, end, head, _ in names:
        for k in range(start, end):
            unit[k] = head
    aside_of = [-1] * len(doc)
    for k, (o, c) in enumerate(asides):
        for t in range(o, c + 1):
            aside_of[t] = k
    # names that straddle an aside's edge are not collapsed
    for start, end, head, _ in names:
        if len({aside_of[t] for t in range(start, end)}) > 1:
            for t in range(start, end):
                unit[t] = t
    names = [x for x in names if unit[x[0]] == x[2]]
    streams: list[list[int]] = [[] for _ in range(len(asides) + 1)]
    for t in range(len(doc)):
        k = aside_of[t]
        if k >= 0 and t in (asides[k][0], asides[k][1]):
            continue  # the delimiters are left out of the proxy
        if unit[t] == t:
            streams[k + 1].append(t)
    words: list[str] = []
    spaces: list[bool] = []
    starts: list[bool | None] = []
    real: list[int] = []
    for n_stream, stream in enumerate(streams):
        for pos, t in enumerate(stream):
            last = _last(unit, t)
            words.append(doc[t].text)
            spaces.append(bool(doc[last].whitespace_) or pos == len(stream) - 1)
            first = _first(unit, t)
            starts.append(True if not real or (pos == 0 and n_stream) else doc[first].is_sent_start)
            real.append(t)
    proxy = DocType(doc.vocab, words=words, spaces=spaces, sent_starts=starts)
    proxy.user_data[PROXY_KEY] = (doc, real, names, asides)
    return proxy


def _first(unit: list[int], t: int) -> int:
    i = t
    while i > 0 and unit[i - 1] == t:
        i -= 1
    return i


def _last(unit: list[int], t: int) -> int:
    i = t
    while i + 1 < len(unit) and unit[i + 1] == t:
        i += 1
    return i


def _clause_head(doc_heads: list[int], tags: list[str], t: int) -> int:
    """The nearest verb among ``t`` and its heads (the root when there is none)."""
    seen = set()
    while t not in seen:
        seen.add(t)
        if tags[t][:2] in ("VB", "MD"):
            return t
        if doc_heads[t] == t:
            return t
        t = doc_heads[t]
    return t


def from_proxy(proxy: Doc) -> Doc:
    """The real document with the proxy's tags and parse copied on (names given their inner tree,
    asides hung on the word before them)."""
    import numpy
    from spacy.attrs import DEP, HEAD, TAG

    held = proxy.user_data.get(PROXY_KEY)
    if not isinstance(held, tuple):
        return proxy
    doc, real, names, asides = held
    strings = doc.vocab.strings
    p_tag, p_dep = proxy.to_array([TAG, DEP]).T.tolist()
    p_head = [t.head.i for t in proxy]
    n = len(doc)
    tags = [0] * n
    heads = list(range(n))
    deps = [0] * n
    proxy_of = {}
    for j, i in enumerate(real):
        tags[i] = p_tag[j]
        deps[i] = p_dep[j]
        heads[i] = real[p_head[j]]
        proxy_of[i] = j
    for start, _, _, inner in names:
        for k, item in enumerate(inner):
            if item is None:
                continue
            head, label, tag = item
            tags[start + k] = strings.add(tag)
            deps[start + k] = strings.add(label)
            heads[start + k] = start + head
    tag_text = [strings[x] if x else "" for x in tags]
    for o, c in asides:
        roots = [t for t in range(o + 1, c) if t in proxy_of and heads[t] == t]
        anchor = o - 1
        while anchor not in proxy_of:  # a name word: its head stands for it
            anchor -= 1
        if not roots:
            continue
        root = roots[0]
        tag = tag_text[root]
        if tag.startswith(("NN", "PRP", "CD")):
            label = "appos"
        elif tag == "IN" or tag == "VBG":
            label = "prep"
        elif tag_text[o + 1] in ("WDT", "WP", "WP$"):
            label = "relcl"  # "(which ...)": a relative clause on the word before
        else:
            label, anchor = "parataxis", _clause_head(heads, tag_text, anchor)
        heads[root], deps[root] = anchor, strings.add(label)
        for other in roots[1:]:
            heads[other], deps[other] = root, strings.add("parataxis")
        for d in (o, c):
            heads[d], deps[d] = root, strings.add("punct")
            tags[d] = strings.add(_DELIMITER_TAGS.get(doc[d].text, ":"))
    # relative heads are negative to the left: the array holds them modulo 2**64, as to_array does
    rows = numpy.array([[tags[i], (heads[i] - i) % _WRAP, deps[i]] for i in range(n)], dtype="uint64")
    doc.from_array([TAG, HEAD, DEP], rows)
    return doc


__all__ = ["NAME_LABELS", "from_proxy", "name_tree", "to_proxy"]
