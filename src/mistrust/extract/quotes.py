"""Quotation marks: content inside or next to quotes, colon-introduced blocks, quote regions.

Widens an attribution's content to the quotation marks around it (across sentences when the
quote runs over several), finds a quote adjacent to a cue, reads the paragraph after a cue
sentence ending in ":", and lists the quoted regions of a text. Split from
:mod:`mistrust.extract.attribution`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from mistrust.extract.attribution_spans import text_of_doc
from mistrust.extract.cues import CLOSE_QUOTES, OPEN_QUOTES

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def adjacent_quote(verb: Token, src: Token | None) -> tuple[int, int] | None:
    """A quotation right before ("“...,” I said") or right after ("he said, “...”") the cue phrase."""
    doc = verb.doc
    text = text_of_doc(doc)
    lo = min(verb.i, src.left_edge.i if src is not None else verb.i)
    hi = max(verb.i, src.right_edge.i if src is not None else verb.i)
    before = text[max(0, doc[lo].idx - 4):doc[lo].idx].rstrip()
    if before.endswith("”"):
        end = doc[lo].idx - (doc[lo].idx - max(0, doc[lo].idx - 4)) + len(before)
        start = text.rfind("“", max(0, end - 3000), end)
        if start >= 0 and "\n\n" not in text[start:end]:
            return start, end
    straight = _straight_before(doc, text[:doc[lo].idx].rstrip())
    if straight is not None:
        return straight
    after_at = doc[hi].idx + len(doc[hi].text)
    after = text[after_at:after_at + 4]
    k = after.find("“")
    if k >= 0 and after[:k].strip() in ("", ",", ":"):
        start = after_at + k
        end = text.find("”", start + 1, start + 3000)
        if end >= 0 and "\n\n" not in text[start:end]:
            return start, end + 1
    lead = len(after) - len(after.lstrip(" ,:"))
    if after[lead:lead + 1] == '"' or after[lead:lead + 2] == "''":
        return _region_at(doc, after_at + lead)
    return None


def doc_quote_regions(doc: Doc) -> list[tuple[int, int]]:
    """``quote_regions`` of the doc's text, found once per doc and kept with it."""
    regions = doc.user_data.get("_mistrust_quote_regions")
    if regions is None:
        regions = doc.user_data["_mistrust_quote_regions"] = quote_regions(text_of_doc(doc))
    return regions  # type: ignore[no-any-return]


def _region_at(doc: Doc, start: int) -> tuple[int, int] | None:
    """The straight-quoted passage opening at ``start`` (``he said, "..."``), at least a few words."""
    for s, e in doc_quote_regions(doc):
        if s == start and len(text_of_doc(doc)[s:e].split()) >= 3:
            return s, e
    return None


def _straight_before(doc: Doc, head: str) -> tuple[int, int] | None:
    """A straight-quoted passage ("...," or ''...,'') ending right where ``head`` ends."""
    if not head.endswith(('"', "''")):
        return None
    end = len(head)
    for s, e in doc_quote_regions(doc):
        # Only a passage closing with a comma, "?" or "!" inside the marks is the speaker's
        # ("...,\" he said"); a quoted title or term (\"Obamacare\") does not close that way.
        if e == end and text_of_doc(doc)[s:e].rstrip("\"'").endswith((",", "?", "!")):
            return s, e
    # Mixed marks ("“Our roads are crumbling," she said): a curly opening mark earlier in the
    # paragraph, with no closing mark between it and here.
    if head.endswith('"') and head[:-1].rstrip().endswith((",", "?", "!")):
        para = head.rfind("\n") + 1
        start = head.rfind("“", para)
        if start >= 0 and "”" not in head[start:] and head.count('"', start) == 1:
            return start, end
    return None


def quote_extend(doc: Doc, span: tuple[int, int] | None, cue: tuple[int, int]) -> tuple[int, int] | None:
    """Widen a content span to the quotation marks around it, across sentences when needed."""
    if span is None:
        return None
    text = text_of_doc(doc)
    s, e = span
    inside = text[s:e]
    # Only double curly quotes: ’ is also the apostrophe ("Iran’s") and straight quotes have no side.
    opens = inside.count("“")
    closes = inside.count("”")
    k = e
    while k < len(text) and text[k] in ",.?! ":
        k += 1
    if k < len(text) and text[k] == "”":
        closes += 1  # the closing mark right after the clause (punctuation is not in subtrees)
    limit = 3000
    # Quote closes inside but opened before: walk back to the opening mark (not past the cue).
    if closes > opens and "“" in text[max(0, s - limit):s]:
        back = text.rfind("“", max(0, s - limit), s)
        if back >= 0 and not (back < cue[0] < s) and "\n\n" not in text[back:s]:
            s = back
            k = e
            while k < len(text) and text[k] in ",.?!":
                k += 1
            if k < len(text) and text[k] == "”":
                e = k + 1
    # Opened inside, never closed: walk forward to the closing mark.
    elif opens > closes:
        fwd = text.find("”", e, e + limit)
        if fwd >= 0 and not (e <= cue[0] < fwd) and "\n\n" not in text[e:fwd]:
            e = fwd + 1
    # Directly wrapped in quotes: include the marks (and a trailing ,/. inside them).
    j = s - 1
    while j >= 0 and text[j] == " ":
        j -= 1
    k = e
    while k < len(text) and text[k] in ",.?!":
        k += 1
    if j >= 0 and text[j] in OPEN_QUOTES and k < len(text) and text[k] in CLOSE_QUOTES:
        s, e = j, k + 1
    if (s, e) == span:
        s, e = _widen_to_region(doc, s, e, cue)
    return s, e


def _widen_to_region(doc: Doc, s: int, e: int, cue: tuple[int, int]) -> tuple[int, int]:
    """The same widening for straight quotes (the pipeline parses text whose typographic quotes are
    folded to ASCII, so the curly marks above are rare there): a quoted passage the content starts
    or ends inside, which does not hold the cue, belongs to the content whole ("A. B," said X: the
    content is "A. B," not only the sentence the cue closes)."""
    for rs, re_ in doc_quote_regions(doc):
        if rs >= e:
            break
        if re_ <= s or rs <= cue[0] < re_:
            continue
        if rs < s < re_ or rs < e < re_ or (re_ > e and text_of_doc(doc)[e:re_].strip(" ,.?!") in ('"', "''")):
            s, e = min(s, rs), max(e, re_)
    return s, e


def carry_over(span: tuple[int, int], cue: tuple[int, int],
               runs: list[tuple[int, int, int, int]]) -> tuple[int, int]:
    """A content that runs to the open end of a quotation's first paragraph goes on to the
    quotation's close (see :func:`paragraph_quotes`): 'He said: "A.' then '"B."' is all his.
    The cue stands in that first paragraph, before the quotation opens."""
    s, e = span
    for first_start, opened, first_end, close in runs:
        # a trailing stop or mark may lie outside the content's last word
        if first_start <= cue[0] and cue[1] <= opened and s < first_end and first_end - 2 <= e <= first_end:
            return s, close
    return span


def colon_content(doc: Doc, verb: Token) -> tuple[int, int] | None:
    """For a cue sentence ending in ':' the content is the text after it, to the paragraph end."""
    sent = verb.sent
    last = sent[-1]
    while last.is_space and last.i > sent.start:
        last = doc[last.i - 1]
    if last.text != ":":
        # "As the paper reported in March 2016: “...”": the colon right after the cue's phrase.
        nxt = verb.right_edge.i + 1
        child = next((c for c in verb.children if c.text == ":" and c.i > verb.i and c.i - verb.i <= 8), None)
        if child is not None:
            last = child
        elif nxt < len(doc) and doc[nxt].text == ":" and verb.dep_ in ("advcl", "ROOT"):
            last = doc[nxt]
        else:
            return None
    text = text_of_doc(doc)
    start = last.idx + 1
    while start < len(text) and text[start].isspace():
        start += 1
    if start >= len(text):
        return None
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    return start, end


def paragraph_quotes(text: str) -> list[tuple[int, int, int, int]]:
    """Quotations that run over several paragraphs, as (first_start, open, first_end, close).

    The print convention: a quotation that goes on into the next paragraph leaves its paragraph
    without a closing mark, and each paragraph it goes on into opens with a mark again; only the
    last one closes. ``open`` is the first opening mark, ``first_start`` and ``first_end`` the
    bounds of its paragraph,
    ``close`` the offset after the closing mark of the last paragraph. A paragraph left open that
    the next one does not reopen is no such run (a mark lost by the page, not a convention).
    """
    paras = [m.span(1) for m in _PARAGRAPH.finditer(text)]
    runs: list[tuple[int, int, int, int]] = []
    k = 0
    while k < len(paras):
        start, end = paras[k]
        marks = [m.start() for m in _DOUBLE_MARKS.finditer(text, start, end)]
        if len(marks) % 2 == 0:
            k += 1
            continue
        opened = marks[-1]
        j = k + 1
        close = -1
        while j < len(paras):
            ps, pe = paras[j]
            inner = [m.start() for m in _DOUBLE_MARKS.finditer(text, ps, pe)]
            if not inner or inner[0] != ps:
                break  # the next paragraph does not reopen the quotation
            if len(inner) % 2 == 0:
                close = inner[-1] + 1
                break
            j += 1
        if close > 0:
            runs.append((start, opened, end, close))
            k = j + 1
        else:
            k += 1
    return runs


_PARAGRAPH = re.compile(r"(?m)^[ \t]*(\S[^\n]*)")
_DOUBLE_MARKS = re.compile("[“”\"]")
_QUOTE_MARKS = re.compile("[“”\n'\"]")


def quote_regions(text: str) -> list[tuple[int, int]]:
    """Character ranges between curly double quotes (“...”), one linear scan."""
    regions: list[tuple[int, int]] = []
    start = -1
    straight = -1
    # Only the marks and line breaks matter: the regex finds them, so Python visits a few dozen
    # characters per article instead of every one (the pipeline runs this on every text).
    for m in _QUOTE_MARKS.finditer(text):
        i, ch = m.start(), m.group()
        if ch == "“":
            start = i
        elif ch == "”" and (start >= 0 or straight >= 0):
            # Mixed marks are common in web copy ("...," or “...,"): a closing mark closes
            # whichever quote is open.
            regions.append((start if start >= 0 else straight, i + 1))
            start = straight = -1
        elif ch == "\n":
            straight = -1  # straight quotes carry no side; never pair them across lines
        elif ch == "'" and text.startswith("''", i) and (i == 0 or text[i - 1] != "'"):
            # Two apostrophes for a double quote (some newswire archives): pair them like '"'.
            if straight >= 0:
                regions.append((straight, i + 2))
                straight = -1
            else:
                straight = i
        elif ch == '"':
            # Straight quotes have no side: they alternate open/close within a paragraph.
            if start >= 0:
                regions.append((start, i + 1))  # “...," closes the curly quote
                start = -1
            elif straight >= 0:
                regions.append((straight, i + 1))
                straight = -1
            else:
                straight = i
        elif ch == "\n" and text.startswith("\n\n", i):
            start = straight = -1  # an unclosed quote does not run past its paragraph
    return regions
