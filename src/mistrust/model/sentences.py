"""Sentences in raw text, without a parser: where the one holding a span starts and ends.

Headings, the list-linking rules and the actor page all need "the sentence around this" on text
that has not been (or need not be) parsed, so they share this one rule:

- a sentence ends at ``.``, ``!`` or ``?`` (and any closing quotes or brackets after it) followed
  by space and a capital, a digit or an opening quote: "... in 2019. Then", "... ours.” The firm";
- a line break ends one too: cleaned reports keep a paragraph (headline, byline) per line;
- a full stop after an abbreviation is no end: a single capital (an initial, "J. Velk", or the
  last letter of "U.S." and "U.N."), a title written before a name ("Mr.", "Gen.", "Sen.": the
  abbreviated forms of ``vocabulary.NAME_TITLES``), and the few abbreviations news write before
  a name, a number or a time zone ("St. Petersburg", "No. 5", "Oct. 2", "4 p.m. ET", "e.g.
  Iran"), and US states in datelines ("Md. (Wire) -"). Abbreviations that often end a sentence
  ("Inc.", "Co.") are left out: there the stop ends the sentence more often than not ("... said
  Acme Inc. The firm ..."). A sentence that does end in one of the others ("... in the U.S.")
  runs on into the next.
"""

from __future__ import annotations

import re

from mistrust.model.vocabulary import TITLE_ABBREVIATIONS

HEADING_CHARS = 80  # a heading cut from a text without a title
# a stop and its closing quotes, before space and a capital, a digit or an opening quote
_STOP = re.compile(r"[.!?][\"”’')\]]*(?=\s+[\"“‘'(]?[A-Z0-9])")
# US states as news datelines abbreviate them ("CAMP LEE, Md. (Wire) -"); two-letter ones ("N.Y.")
# end in a capital already.
_US_STATES = {"Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Ky", "La", "Md",
              "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Tenn", "Va", "Vt",
              "Wash", "Wis", "Wyo"}
# Abbreviations as written (case matters: "No. 5" is one, "said no. Then" is not).
_ABBREVIATIONS = sorted({t.capitalize() for t in TITLE_ABBREVIATIONS}
                        | {"St", "Jr", "Sr", "No", "Nos", "Messrs", "Mt", "Ft", "vs", "e.g", "i.e"}
                        | {"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"}
                        | {"a.m", "p.m"}  # "at 4 p.m. ET", "10 a.m. Monday"
                        | _US_STATES,
                        key=len, reverse=True)
_ABBREVIATION = re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(a) for a in _ABBREVIATIONS) + r")$|(?<!\w)[A-Z]$")
_LONGEST = max(len(a) for a in _ABBREVIATIONS) + 1  # how far back an abbreviation can start


def sentence_span(text: str, start: int, end: int | None = None) -> tuple[int, int]:
    """(start, end) of the sentence holding ``text[start:end]`` (the character at ``start`` when
    ``end`` is not given): from just after the last sentence end or line break before it, past
    any space, to the end of its own last stop and closing quotes, else the line's end."""
    start = max(0, min(start, len(text)))
    end = start + 1 if end is None or end <= start else min(end, len(text))
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", max(start, end - 1))
    right = len(text) if right < 0 else right
    for m in _STOP.finditer(text, left, right):
        at = m.start()
        if text[at] == "." and _ABBREVIATION.search(text, max(0, at - _LONGEST), at):
            continue  # "U.S. Treasury", "Gen. Velk", "No. 5"
        if m.end() <= start:
            left = m.end()
        elif at >= end - 1:
            right = m.end()
            break
    while left < right and text[left].isspace():
        left += 1
    return left, right


def first_sentence(text: str, limit: int = HEADING_CHARS) -> str:
    """The first sentence of ``text`` (first paragraph only), cut at a word boundary with "…" past ``limit``."""
    paragraph = " ".join(next((p for p in text.strip().split("\n") if p.strip()), "").split())
    sentence = paragraph[:sentence_span(paragraph, 0)[1]]
    if len(sentence) <= limit:
        return sentence
    cut = sentence[: limit - 1]
    if " " in cut and not sentence[limit - 1].isspace():
        cut = cut.rsplit(" ", 1)[0]  # a word boundary, not the middle of a word
    return cut.rstrip(" ,;:—–-") + "…"


__all__ = ["HEADING_CHARS", "first_sentence", "sentence_span"]
