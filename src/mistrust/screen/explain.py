"""Reasons in words: for the features of the hits a search returns, and hits as short lines.

The features return numbers and small facts; the text is written here, only for what is shown
(ranking a candidate writes nothing).
"""

from __future__ import annotations

from collections.abc import Callable

from mistrust.model import Hit
from mistrust.screen.features import MIN_EVIDENCE, MIN_LETTERS, Facts, NamePair, name_acronym

ReasonWriter = Callable[[NamePair, float, Facts], str | None]


def _pct(x: float) -> str:
    return f"{round(x * 100)}%"


def _exact(p: NamePair, value: float, facts: Facts) -> str | None:
    as_written = facts[0]
    return (f"same name once case, script, punctuation and legal forms are normalised ('{p.c.text}')" if as_written
            else f"same name parts in another order ('{p.q.text}' / '{p.c.text}')")


def _literal(p: NamePair, value: float, facts: Facts) -> str | None:
    if p.exact:
        return "the same letters"
    if facts[0]:
        return f"'{p.q.text}' and '{p.c.text}' share {_pct(value)} of their letters once name parts are put in the same order"
    return f"'{p.q.text}' and '{p.c.text}' share {_pct(value)} of their letters"


def _phonetic(p: NamePair, value: float, facts: Facts) -> str | None:
    if p.exact:
        return "the same sounds"
    if facts[0]:
        return f"short names: skeletons '{p.q.skeleton}'/'{p.c.skeleton}' blended with letters: {_pct(value)}"
    if value == 1.0:
        return f"they sound alike: same consonant skeleton '{p.c.skeleton}' (spelling and vowel variants ignored)"
    return f"consonant skeletons '{p.q.skeleton}' and '{p.c.skeleton}' agree {_pct(value)}"


def _tokens(p: NamePair, value: float, facts: Facts) -> str | None:
    if p.exact:
        return "the same name parts"
    if not p.q.tokens or not p.c.tokens:
        return "no name parts to compare"
    if facts[0]:
        return f"the same letters split into words differently ('{p.q.text}' / '{p.c.text}')"
    al = p.alignment
    parts = [f"{m.query}={m.listed}" + ("" if m.how == "same" else f" ({m.how})") for m in al.matches]
    reason = f"{_pct(value)} of name parts by rarity agree: " + (", ".join(parts) if parts else "none")
    if al.unmatched_query:
        reason += f"; query only: {' '.join(al.unmatched_query)}"
    if al.unmatched_listed:
        reason += f"; listed only: {' '.join(al.unmatched_listed)}"
    if al.particles:
        reason += f"; not counted: {' '.join(al.particles)}"
    return reason


def _complete(p: NamePair, value: float, facts: Facts) -> str | None:
    return "every name part found a partner"


def _conflict(p: NamePair, value: float, facts: Facts) -> str | None:
    al = p.alignment
    near = [f"{m.query}/{m.listed}" for m in al.matches if m.how == "near spelling"]
    if al.unmatched_query and al.unmatched_listed:
        reason = (f"each name has parts the other lacks: '{' '.join(al.unmatched_query)}' "
                  f"vs '{' '.join(al.unmatched_listed)}'")
        if near:
            reason += f"; near spellings, partly different words: {', '.join(near)}"
        return reason
    return f"near spellings may be different words: {', '.join(near)}"


def _extra(p: NamePair, value: float, facts: Facts) -> str | None:
    al = p.alignment
    return f"{_pct(value)} of name parts by rarity are on one side only: {' '.join((*al.unmatched_query, *al.unmatched_listed))}"


def _short_form(p: NamePair, value: float, facts: Facts) -> str | None:
    short, full = (p.q, p.c) if facts[0] else (p.c, p.q)
    return f"'{short.text}' is the family name and first given name of '{full.text}', later given names left out"


def _acronym(p: NamePair, value: float, facts: Facts) -> str | None:
    listed_is_acronym = facts[0]
    short, long = (p.c, p.q) if listed_is_acronym else (p.q, p.c)
    return f"{'listed name ' if listed_is_acronym else ''}'{short.compact.upper()}' is the acronym of '{long.text}'"


def _one_word(p: NamePair, value: float, facts: Facts) -> str | None:
    if value == 1.0:
        return f"the query is one common word ('{facts[0]}'), which identifies nobody on its own"
    return f"the query is one short word ('{facts[0]}') and only similar to the listed name"


def _evidence(p: NamePair, value: float, facts: Facts) -> str:
    if facts[0] < MIN_LETTERS:  # type: ignore[operator]
        return f"no evidence: the query has {facts[0]} letters (a match needs {MIN_LETTERS})"
    if value < MIN_EVIDENCE and name_acronym(p)[0]:
        initials = min(len(p.q.compact), len(p.c.compact))
        return (f"no evidence: initials of {initials} letters spell some listed name by chance "
                "(a body known by its initials has them listed as an alias)")
    if value < MIN_EVIDENCE:
        return (f"no evidence: the matched words identify {_pct(value)} of a rare name word "
                f"(a match needs {_pct(MIN_EVIDENCE)}): common words or a lone given name")
    return f"the matched words identify {_pct(value)} of a rare name word"


def _corroboration(p: NamePair, value: float, facts: Facts) -> str:
    return f"beyond one rare name word, the matched words identify {_pct(value)} of another"


def _syllables(p: NamePair, value: float, facts: Facts) -> str | None:
    parts = " ".join((*p.alignment.unmatched_query, *p.alignment.unmatched_listed))
    return f"names written a syllable per word (Chinese, Korean), '{parts}' on one side only: another given name"


_REASONS: dict[str, ReasonWriter] = {
    "name_exact": _exact,
    "name_literal": _literal,
    "name_phonetic": _phonetic,
    "name_tokens": _tokens,
    "name_complete": _complete,
    "name_short_form": _short_form,
    "name_conflict": _conflict,
    "name_extra": _extra,
    "name_syllables": _syllables,
    "name_acronym": _acronym,
    "one_word": _one_word,
    "name_evidence": _evidence,
    "name_corroboration": _corroboration,
}


# Features that say nothing when they do not apply (value 0).
_SILENT_AT_ZERO = frozenset({"name_exact", "name_complete", "name_short_form", "name_conflict", "name_extra", "name_acronym",
                             "one_word", "name_syllables", "name_corroboration"})


def name_reason(feature: str, pair: NamePair, value: float, facts: Facts) -> str | None:
    """The reason of one name feature's outcome, or None when it has nothing to say."""
    if not value and feature in _SILENT_AT_ZERO:
        return None
    return _REASONS[feature](pair, value, facts)


def explain(hit: Hit) -> list[str]:
    """One line per feature: name, its score, its effect and why."""
    lines = []
    for fr in hit.features:
        lines.append(f"{fr.name} {fr.score:.2f} (weight {fr.weight:+.2f}): {fr.reason}")
    return lines


def summary(hit: Hit) -> str:
    """One line: decision, score, entity and the name that matched."""
    verdict = "MATCH" if hit.match else "below threshold"
    if hit.judgement:
        verdict += f", {hit.judgement} by reviewer"
    return (f"{hit.score:.2f} {verdict} ({hit.algorithm}, threshold {hit.threshold:.2f}): "
            f"{hit.entity_id} {hit.entity_name!r} via {hit.matched_name!r}")


__all__ = ["explain", "name_reason", "summary"]
