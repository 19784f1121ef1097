"""Contradictions: denials linked to the claim they deny, and conflicting dates or figures.

A denial ("Tehran has denied any such cooperation with North Korea") rarely repeats the whole
claim: it names one of the actors (often by its capital) and the act. So a denial is linked to
the claim group that shares an actor and whose predicate or wording it echoes.
"""

from __future__ import annotations

import re

from mistrust.corroborate.shingles import words
from mistrust.corroborate.text import STOPWORDS, norm_key
from mistrust.model import Claim, ClaimGroup, Contradiction

# Capitals used for their state ("Tehran denied", "Pyongyang fired"): metonymy the fallback
# must resolve when the extractor gave no canonical name.
CAPITALS = {
    "tehran": "iran", "pyongyang": "north korea", "moscow": "russia", "kremlin": "russia", "beijing": "china",
    "washington": "united states", "damascus": "syria", "seoul": "south korea", "tokyo": "japan",
    "jerusalem": "israel", "riyadh": "saudi arabia", "baghdad": "iraq", "kabul": "afghanistan",
    "ankara": "turkey", "london": "united kingdom", "paris": "france", "berlin": "germany",
    "islamabad": "pakistan", "new delhi": "india", "caracas": "venezuela", "havana": "cuba",
}
_SPLIT = re.compile(r"\s*(?:,|\band\b|&|/)\s*")
_FIGURE = re.compile(r"\b(\d[\d,.]*)\s+([a-z][a-z-]+)")
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "dozen": 12, "hundred": 100, "thousand": 1000}


def actor_keys(name: str | None) -> set[str]:
    """"Iran and North Korea" -> {"iran", "north korea"}; capitals mapped to their states."""
    if not name:
        return set()
    out = set()
    for part in _SPLIT.split(name):
        key = norm_key(part)
        if key:
            out.add(CAPITALS.get(key, key))
    return out


def claim_actors(claim: Claim) -> set[str]:
    return actor_keys(claim.subject_canonical or claim.subject) | actor_keys(claim.object_canonical or claim.object)


def content_words(text: str) -> set[str]:
    return {w for w in words(text) if len(w) > 2 and w not in STOPWORDS}


def stem(word: str) -> str:
    """Crude stem so cooperation/cooperate/cooperating meet (first 6 letters of a content word)."""
    return word[:6]


def text_overlap(a: str, b: str) -> float:
    """Overlap coefficient of stemmed content words (robust to one text being much shorter)."""
    sa, sb = {stem(w) for w in content_words(a)}, {stem(w) for w in content_words(b)}
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / min(len(sa), len(sb))


def time_compatible(a: str | None, b: str | None) -> bool:
    """Unknown times agree with anything; "2020" agrees with "2020-03" (one is a prefix of the other)."""
    if not a or not b:
        return True
    a, b = a.strip(), b.strip()
    return a.startswith(b) or b.startswith(a)


def denial_target(
    denial: Claim,
    groups: list[ClaimGroup],
    texts: dict[str, str],
    group_actors: dict[str, set[str]] | None = None,
    denial_actors: set[str] | None = None,
    predicates: dict[str, set[str]] | None = None,
) -> tuple[ClaimGroup, str] | None:
    """The claim group a denial denies, with why; None when nothing in the story matches.

    The denier is usually one of the claim's actors ("Tehran denied cooperating with Pyongyang"),
    so a shared actor is required; the same act (predicate) weighs most, then shared wording, and
    a claim carried by more reports is the likelier target of a public denial.
    """
    d_actors = set(denial_actors or ()) | claim_actors(denial)
    if not d_actors:
        d_actors = {CAPITALS.get(k, k) for k in (norm_key(w) for w in re.findall(r"[A-Z][\w-]+(?: [A-Z][\w-]+)*", denial.text))}
    d_stems = {stem(w) for w in content_words(denial.text)}
    best: tuple[float, ClaimGroup, str] | None = None
    for g in groups:
        g_actors = (group_actors or {}).get(g.id) or (actor_keys(g.subject) | actor_keys(g.object))
        shared = d_actors & g_actors
        g_preds = (predicates or {}).get(g.id) or {g.predicate}
        same_act = denial.predicate not in ("deny", "denial") and denial.predicate in g_preds
        echoed = any(stem(p) in d_stems for p in g_preds)
        wording = text_overlap(denial.text, texts.get(g.id, ""))
        if not shared or not (same_act or echoed or wording >= 0.3):
            continue
        score = len(shared) + (1.5 if same_act else 0.5 if echoed else 0.0) + wording + 0.2 * len(g.reports)
        why = f"denies {denial.predicate if same_act else g.predicate} with {', '.join(sorted(shared))}" + (" (same act)" if same_act else "")
        if best is None or score > best[0]:
            best = (score, g, why)
    return (best[1], best[2]) if best else None


def _figures(text: str) -> dict[str, float]:
    out: dict[str, float] = {}
    for num, unit in _FIGURE.findall(text.lower()):
        try:
            value = float(num.replace(",", ""))
        except ValueError:
            continue
        if 1900 <= value <= 2100 and "." not in num:  # a year, not a figure
            continue
        out[unit] = value
    for word, unit in re.findall(r"\b(" + "|".join(_NUMBER_WORDS) + r")\s+([a-z][a-z-]+)", text.lower()):
        out.setdefault(unit, float(_NUMBER_WORDS[word]))
    return out


def conflicts(group: ClaimGroup, claims: list[Claim]) -> list[Contradiction]:
    """Conflicting event times or figures (same unit, different number) between reports of one claim."""
    out: list[Contradiction] = []
    for i, a in enumerate(claims):
        for b in claims[i + 1 :]:
            if a.doc_id == b.doc_id:
                continue
            if not time_compatible(a.time, b.time):
                out.append(Contradiction("date", a.id or "", b.id or "", b.doc_id or "", b.text,
                                         f"time {a.time!r} in one report, {b.time!r} in another"))
            fa, fb = _figures(a.text), _figures(b.text)
            for unit in sorted(set(fa) & set(fb)):
                if fa[unit] != fb[unit]:
                    out.append(Contradiction("figure", a.id or "", b.id or "", b.doc_id or "", b.text,
                                             f"{fa[unit]:g} {unit} in one report, {fb[unit]:g} {unit} in another"))
    return out
