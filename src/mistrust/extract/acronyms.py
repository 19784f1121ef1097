"""Acronyms defined in the text: "Islamic Revolutionary Guard Corps (IRGC)" or "IRGC (Islamic ...)".

The check that the short form really abbreviates the long form follows Schwartz & Hearst (2003):
walk the acronym's letters right to left and find each in the long form, the first letter at a word
start; the long form is cut to the fewest words that explain the acronym. Lower-case function words
("of", "the", "and") may be skipped, which is how "Joint Comprehensive Plan of Action (JCPOA)" and
"Democratic People's Republic of Korea (DPRK)" work.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ACRONYMS_VERSION = "acronyms-v1"

# A short form: 2-10 characters, mostly capitals, maybe digits/hyphens/dots ("IRGC", "U.N.", "P5+1").
_SHORT = r"[A-Z][A-Za-z0-9.&+\-]{1,9}"
_PAREN_SHORT = re.compile(r"\(\s*(" + _SHORT + r")\s*\)")
# "IRGC (Islamic Revolutionary Guard Corps)": the reverse order, long form inside the brackets.
_SHORT_PAREN_LONG = re.compile(r"\b(" + _SHORT + r")\s*\(\s*([A-Z][^()]{3,120}?)\s*\)")
_OR_SHORT = re.compile(r",\s+or\s+(" + _SHORT + r")\b")
_WORD = re.compile(r"[\w’'\-.&]+", re.UNICODE)


@dataclass(frozen=True)
class Acronym:
    short: str
    long: str
    short_start: int
    short_end: int
    long_start: int
    long_end: int


def _is_short_form(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    if len(letters) < 2:
        return False
    upper = sum(c.isupper() for c in letters)
    return upper >= 2 and upper >= len(letters) / 2


def _best_long_form(short: str, candidate: str) -> int | None:
    """Index in ``candidate`` where the long form for ``short`` starts, or None (Schwartz-Hearst)."""
    s = [c.lower() for c in short if c.isalnum()]
    lf = candidate.lower()
    s_i = len(s) - 1
    l_i = len(lf) - 1
    while s_i >= 0:
        c = s[s_i]
        # Find c in the long form, going left; the acronym's first letter must start a word, and a
        # capitalised one ("Office of Foreign Assets Control": the O of "Office", not of "of").
        while l_i >= 0 and (lf[l_i] != c or (s_i == 0 and (
                (l_i > 0 and lf[l_i - 1].isalnum()) or not candidate[l_i].isupper()))):
            l_i -= 1
        if l_i < 0:
            return None
        l_i -= 1
        s_i -= 1
    start = lf.rfind(" ", 0, l_i + 1) + 1
    return start


def find_acronyms(text: str) -> list[Acronym]:
    """Every acronym definition in ``text``, with character offsets of both forms."""
    found: list[Acronym] = []
    for m in _PAREN_SHORT.finditer(text):
        short = m.group(1).rstrip(".")
        if not _is_short_form(short):
            continue
        # Look back at most min(|A|+5, |A|*2) words, as Schwartz-Hearst do, within the sentence.
        n_words = min(len(short) + 5, len(short) * 2)
        before = text[max(0, m.start() - 300): m.start()]
        cut = max(before.rfind(". "), before.rfind("\n"), before.rfind("("), before.rfind(","))
        # A comma inside the long form is rare; a clause boundary before it is common.
        window = before[cut + 1:] if cut >= 0 else before
        words = list(_WORD.finditer(window))[-n_words:]
        if not words:
            continue
        cand_start = words[0].start()
        candidate = window[cand_start:].rstrip()
        rel = _best_long_form(short, candidate)
        if rel is None:
            continue
        long_text = candidate[rel:].strip()
        if len(long_text) <= len(short) or not long_text[:1].isupper():
            continue
        base = m.start() - len(window) + cand_start + rel
        long_start = base + (len(candidate[rel:]) - len(candidate[rel:].lstrip()))
        found.append(Acronym(short, long_text, m.start(1), m.start(1) + len(short), long_start,
                             long_start + len(long_text)))
    # "the Joint Comprehensive Plan of Action, or JCPOA": the long form must end right before.
    for m in _OR_SHORT.finditer(text):
        short = m.group(1)
        if not _is_short_form(short):
            continue
        before = text[max(0, m.start() - 200): m.start()]
        cut = max(before.rfind(". "), before.rfind("\n"), before.rfind(","), before.rfind("("))
        window = before[cut + 1:] if cut >= 0 else before
        words = list(_WORD.finditer(window))[-min(len(short) + 5, len(short) * 2):]
        if not words:
            continue
        candidate = window[words[0].start():]
        rel = _best_long_form(short, candidate)
        if rel is None or not candidate[rel:rel + 1].isupper():
            continue
        long_text = candidate[rel:].strip()
        long_start = m.start() - len(candidate) + rel
        found.append(Acronym(short, long_text, m.start(1), m.end(1), long_start, long_start + len(long_text)))
    for m in _SHORT_PAREN_LONG.finditer(text):
        short, long_text = m.group(1), m.group(2).strip()
        if not _is_short_form(short) or _best_long_form(short, long_text) != 0:
            continue
        found.append(Acronym(short, long_text, m.start(1), m.end(1), m.start(2), m.start(2) + len(long_text)))
    return found


def short_form_occurrences(text: str, short: str) -> list[tuple[int, int]]:
    """Every whole-word, same-case occurrence of an acronym in ``text``."""
    pattern = re.compile(r"(?<![\w])" + re.escape(short) + r"(?![\w])")
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


__all__ = ["ACRONYMS_VERSION", "Acronym", "find_acronyms", "short_form_occurrences"]
