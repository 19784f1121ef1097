"""``mistrust-v10``: a weighted table of features and a threshold decision.

The name score is 1.0 for the same normalised name (any order), 0.9 for an acronym, and
otherwise the weighted sum of three name features (letters, sound, rare name parts). Optional
facts then move it: a matching birth date, country or identifier raises it, a contradicting one
lowers it, and a wrong schema (a person for a company) lowers it hard. The score is clipped
to [0, 1]; ``match`` is ``score >= threshold``.

Change a weight or a feature and the algorithm gets a new version name: stored hits and
reviewer judgements say which algorithm produced them. v2 (from v1): name parts present on one
side only count half in ``name_tokens`` (missing, not contrary, evidence), and in a search a
candidate clearly below the best one loses part of the gap (``runner_up``, see
``index.runner_up_margin``). v3 (from v2): a word one or two letters away from a word of the
other name (Haleh/Halen, Rajab/Ragab) is a partial match (``near spelling`` in ``name_tokens``)
instead of a conflicting part, its unexplained rest still counted by ``name_conflict``, unless
both words are established spellings in the lists (Nader/Nasser); unmatched particles (of,
al, ul...) no longer count as missing or conflicting parts; a word may stand for the initials
of adjacent words of the other name (XUAR / Xinjiang Uyghur Autonomous Region); and the
runner-up margin takes twice the gap (``index.MARGIN_WEIGHT`` 2.0). v4 (from v3): legal forms
written as dotted initials or spelt out (S.A., S. de R.L., Sociedad Anonima de Capital Variable,
Obshchestvo s ogranichennoi otvetstvennostyu) are dropped like the short ones, with rigour's
database of organisation types; the runner-up margin spares entries that share a listed name
with the best one (branches of one charity listed separately); two words that start with a
vowel and sound alike match (Umar/Oumar); a given name with or without a closing -ollah or
-khan is a near spelling (Ghodrat/Ghodratollah). v5 (from v4): names in Persian and Arabic
script keep a word joined by a zero-width non-joiner whole and read the long-vowel letters
inside a word as vowels (mhmwd = mhmud), and vowels are compared between the same consonants,
so a vowel the script does not write says nothing; Hangul is romanised a syllable per word with
an initial rieul as "r" (리성철 = Ri Song Chol); vowel-only Korean syllables sound alike
(Yo/Yeo); dh = d (Qadhafi/Gaddafi); the vowel before a closing -llah is one sound
(Nasrollah/Nasrallah); "ol" is a particle like "al"; airlines/airways fold to "air"; and two
words that rigour's data puts in one class of organisation words match (Stichting/Foundation,
Finance/Financial; ``symbols``). v6 (from v5): Arabic compound names give the same words however
they are written (Nasruddin = Nasreddine = Nasir al-Din, Abdurrahman = Abd al-Rahman,
Zaki-ur-Rehman = Zaki al-Rehman, Jabhat an-Nusra = al-Nusra), the Persian ezafe is one word
(Jaish-e = Jaish-i), the Turkic patronymic marker (Ogly, Kyzy) is a particle, Haj/Haji/Hajji are one
title, g read as j makes two words sound alike (Egyptian Ragab/Rajab, Russian Lodzhistiks), and the
spellings of one Korean surname match as the first or last word of both names (Ri/Lee/Yi,
Pak/Park, Ryu/Yu). v7 (from v6): Russian legal forms spelt out in Latin letters are known however
romanised (Gosudarstvennoye Predpriyatiye = State Enterprise, Federalnoe Gosudarstvennoe Unitarnoe
Predpriyatie = FGUP) and dropped in front of a name too (AO, FGUP, NPP, PT); HQ = headquarters;
titles (Dr, Sheikh, Mullah, Ayatollah, Sardar, Colonel) present on one side only are not counted;
a long word whose skeleton of two consonants or fewer differs is no spelling variant
(Rezaie/Rezavi); e and u are two vowel sounds (Hamed/Hamoud), and Korean ae is never o (Tae/To).
v8 (from v7): two words that one listed organisation uses for each other (its names agree on every
other word: Iran & Shargh Company / Iran and East Company) match like words of one class, in any
name of that index (``links``); when copies of one name (an alias repeated by the
branches of one charity) crowd the retrieved candidates, room is made for other names
(``index._distinct_names``); Est. = Establishment; the ezafe "e" and "and" in Persian and Arabic
(va, wa) are particles; e.V., Sherkat in front and Sahami Khass are legal forms. v9 (from v8): the
same features and weights; the quick ranking that picks which candidates get the full score counts a
query word as a shared part where the full score will match it, through a link or as the initials
of adjacent words (ROD / Rahbaran Omid Darya), so such names are no longer left unscored behind
look-alike neighbours (``index.ScreenIndex.quick_scores``). v10 (from v9): the same weights. A
word given last in "SURNAME, Given names" may join the surname it stands before when read
naturally (Hussein, Mansour Aba = Abahussain, Mansour), and a joined word must have about as many
letters as the words it joins (Abdullahi is not Abdul al-Rahim). A closing h after a vowel is
silent in short words too (Bah/Ba). English long-vowel spellings are one letter when long words are
compared for spelling (Rungtawankeeree/Rungtawankhiri: ee = i, oo = u). The same consonant again
after a vowel stays in the skeleton (Haj no longer sounds like Hajij). Two names whose letters are
the same but split into words differently must also sound the same (D.E.S. is not SES), and
dotted initials of three letters or more are one word, an acronym (I.R.G.C. = IRGC). A place written after the
legal form is dropped with it (Reyco GmbH Germany), and the words "in" and "charity" are no longer
read as the legal forms Inc. and NGO (rigour's table does). In the quick ranking, names one of
which is the other plus some parts count those parts at ``EXTRA_PART_SHARE``, as the full score
does; retrieval orders equal key sums by closeness of length to the query (``index``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from mistrust.model import FeatureResult, ListEntity, NameQuery
from mistrust.screen import features as f
from mistrust.screen.normalize import NormName

ALGORITHM = "mistrust-v10"

# Name features: weights sum to 1.
NAME_FEATURES: tuple[tuple[str, float], ...] = (
    ("name_literal", 0.25),
    ("name_phonetic", 0.25),
    ("name_tokens", 0.50),
)
ACRONYM_SCORE = 0.9
# Parts on both sides that find no partner (Kim Jong Un / Kim Jong Il) subtract up to this much.
CONFLICT_WEIGHT = 0.4
# A one-word query made of a common word loses this much (half for a short, merely similar word).
ONE_WORD_WEIGHT = 0.35
# A match through an alias the list itself calls weak ("low quality a.k.a.") loses this much.
WEAK_ALIAS_WEIGHT = 0.1


@dataclass(frozen=True)
class Adjustment:
    """A non-name feature: adds ``up * score + down * (1 - score)`` to the name score."""

    name: str
    up: float
    down: float
    fn: Callable[[NameQuery, ListEntity], f.Outcome | None]


ADJUSTMENTS: tuple[Adjustment, ...] = (
    Adjustment("birth_date", 0.08, -0.30, f.birth_date),
    Adjustment("country", 0.05, -0.10, f.country),
    Adjustment("identifier", 0.40, 0.0, f.identifiers),
    Adjustment("schema", 0.0, -0.35, f.schema),
)


def _one(x: float) -> float:
    return 0.0 if x < 0 else 1.0 if x > 1 else x


def quick_name_score(q: NormName, c: NormName) -> float:
    """Cheap upper-bound-ish ranking score used to pick which candidates get the full table."""
    if q.sorted_compact == c.sorted_compact:
        return 1.0
    lit = max(f._sim(q.compact, c.compact), f._sim(q.sorted_compact, c.sorted_compact))
    pho = max(f._sim(q.skeleton, c.skeleton), f._sim(q.sorted_skeleton, c.sorted_skeleton))
    conf = f._confidence(min(q.skeleton, c.skeleton, key=len))
    pho = conf * pho + (1 - conf) * lit
    if len(q.tokens) == 1 and q.compact in c.acronyms or len(c.tokens) == 1 and c.compact in q.acronyms:
        return ACRONYM_SCORE
    return 0.5 * lit + 0.5 * pho


def name_score(q: NormName, c: NormName, weight: f.TokenWeight) -> tuple[float, list[FeatureResult]]:
    """Score of two names with every feature and its reason."""
    exact = f.name_exact(q, c)
    if exact is not None:
        results = [FeatureResult("name_exact", 1.0, 1.0, exact[1])]
        return _one_word(q, c, weight, True, 1.0, results)
    results = []
    total = 0.0
    al = f.align_tokens(q, c, weight)
    outcomes = {
        "name_literal": f.name_literal(q, c),
        "name_phonetic": f.name_phonetic(q, c),
        "name_tokens": f.name_tokens(q, c, weight, al),
    }
    for name, w in NAME_FEATURES:
        value, reason = outcomes[name]
        total += w * value
        results.append(FeatureResult(name, round(value, 4), w, reason))
    conflict = f.name_conflict(q, c, weight, al)
    if conflict is not None:
        delta = -CONFLICT_WEIGHT * conflict[0]
        total += delta
        results.append(FeatureResult("name_conflict", round(conflict[0], 4), round(delta, 4), conflict[1]))
    acro = f.name_acronym(q, c)
    if acro is not None:
        results.insert(0, FeatureResult("name_acronym", acro[0], ACRONYM_SCORE, acro[1]))
        total = max(total, ACRONYM_SCORE)
    return _one_word(q, c, weight, False, total, results)


def name_value(q: NormName, c: NormName, weight: f.TokenWeight) -> tuple[float, bool]:
    """``name_score`` without its reasons: (the same score, whether the names are the same).

    Search ranks every candidate with this and explains only the hits it returns; the
    arithmetic is ``name_score``'s, step for step, so both give the same float.
    """
    exact = f.is_exact(q, c)
    if exact:
        total = 1.0
    else:
        al = f.align_tokens(q, c, weight)
        values = {
            "name_literal": f.literal_value(q, c),
            "name_phonetic": f.phonetic_value(q, c),
            "name_tokens": f.tokens_value(q, c, weight, al),
        }
        total = 0.0
        for name, w in NAME_FEATURES:
            total += w * values[name]
        conflict = f.conflict_value(q, c, weight, al)
        if conflict is not None:
            total += -CONFLICT_WEIGHT * conflict
        if f.is_acronym(q, c):
            total = max(total, ACRONYM_SCORE)
    weak = f.one_word_value(q, c, weight, exact)
    if weak is not None:
        total += -ONE_WORD_WEIGHT * weak
    return total, exact


def _one_word(q: NormName, c: NormName, weight: f.TokenWeight, exact: bool, total: float,
              results: list[FeatureResult]) -> tuple[float, list[FeatureResult]]:
    weak = f.one_word(q, c, weight, exact)
    if weak is not None:
        delta = -ONE_WORD_WEIGHT * weak[0]
        results.append(FeatureResult("one_word", weak[0], delta, weak[1]))
        total += delta
    return total, results


def score_pair(
    q: NormName,
    c: NormName,
    query: NameQuery,
    entity: ListEntity,
    weight: f.TokenWeight,
    weak_alias: bool = False,
) -> tuple[float, list[FeatureResult]]:
    """Full ``mistrust-v10`` score of a query against one listed name of one entity."""
    score, results = name_score(q, c, weight)
    return _adjusted(score, c, query, entity, weak_alias, results), results


def score_value(
    q: NormName,
    c: NormName,
    query: NameQuery,
    entity: ListEntity,
    weight: f.TokenWeight,
    weak_alias: bool = False,
) -> tuple[float, bool]:
    """``score_pair``'s score without the feature table: (score, whether the names are the same)."""
    score, exact = name_value(q, c, weight)
    return adjusted_value(score, c, query, entity, weak_alias), exact


def adjusted_value(name: float, c: NormName, query: NameQuery, entity: ListEntity, weak_alias: bool = False) -> float:
    """``score_value`` from the name score ``name_value`` gave: one listed name recurs in several
    entries (a party on two lists, the branches of one charity), and its name score with it."""
    return _adjusted(name, c, query, entity, weak_alias, None)


def _adjusted(score: float, c: NormName, query: NameQuery, entity: ListEntity, weak_alias: bool,
              results: list[FeatureResult] | None) -> float:
    """The name score moved by the weak-alias penalty and the entity adjustments, rounded.

    One loop for both ``score_pair`` and ``score_value`` so the ranked and the explained score can
    never drift apart; reasons are built only when ``results`` is given (the ranking path skips them).
    """
    if weak_alias:
        score -= WEAK_ALIAS_WEIGHT
        if results is not None:
            results.append(FeatureResult("weak_alias", 1.0, -WEAK_ALIAS_WEIGHT,
                                         f"'{c.original}' is an alias the list marks as weak (low quality)"))
    for adj in ADJUSTMENTS:
        outcome = adj.fn(query, entity)
        if outcome is None:
            continue
        value, reason = outcome
        delta = adj.up * value + adj.down * (1.0 - value)
        score += delta
        if results is not None:
            results.append(FeatureResult(adj.name, round(value, 4), round(delta, 4), reason))
    return round(_one(score), 4)


__all__ = ["ADJUSTMENTS", "ALGORITHM", "NAME_FEATURES", "Adjustment", "adjusted_value", "name_score", "name_value",
           "quick_name_score", "score_pair", "score_value"]
