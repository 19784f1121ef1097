"""The features of ``mistrust-v11``: small functions, each returning its value and the facts behind it.

Name features compare two ``NormName``s of a ``NamePair`` and return ``(value, facts)``: a number
in [0, 1] and the few facts (which order matched, how words aligned) that ``explain`` turns into a
reason for the hits a search returns; no text is built while candidates are ranked. The other
features compare the query's optional facts (birth date, countries, identifiers, schema) with the
list entity. A feature that has nothing to compare returns ``None`` and does not appear in the
hit's explanation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from operator import itemgetter
from typing import Final, NamedTuple

from rapidfuzz.distance import Indel, Levenshtein

from mistrust.model import ListEntity, NameQuery
from mistrust.screen.lexicon import NO_LIST, Lexicon
from mistrust.screen.links import is_link
from mistrust.screen.normalize import (
    PARTICLES,
    TITLES,
    NormName,
    lower_case_words,
    normalize_name,
    skeleton,
    vowel_gaps,
)
from mistrust.screen.symbols import LISTED_TOGETHER, SAME_MEANING

# A reasoned feature of the query's facts: its value and the reason.
Outcome = tuple[float, str]
# A name feature: its value and the small facts ``explain`` needs to say why.
Facts = tuple[object, ...]
NameOutcome = tuple[float, Facts]


def _sim(a: str, b: str) -> float:
    """Share of letters two strings have in common, in order (Indel similarity, 0..1)."""
    if not a or not b:
        return 0.0
    return float(Indel.normalized_similarity(a, b))


_VOWELS: Final = frozenset("aeiouy")


def confidence(skel: str) -> float:
    """How much a skeleton of this length says: two consonants say little, four or more a lot."""
    return min(1.0, (len(skel) + 1) / 5)


# Word matches and alignments are NamedTuples, not frozen dataclasses: every scored pair makes
# several, and a frozen dataclass's __init__ costs twice a tuple's.
class TokenMatch(NamedTuple):
    query: str
    listed: str
    score: float
    how: str


class Alignment(NamedTuple):
    """Which name parts of the query found a partner among the listed name's parts."""

    matches: tuple[TokenMatch, ...]
    unmatched_query: tuple[str, ...]
    unmatched_listed: tuple[str, ...]
    # Unmatched particles (of, the, al, ul...) and titles (Dr, Sheikh): they say nothing either
    # way (al-Quds / Quds).
    particles: tuple[str, ...] = ()


# Unmatched, these say nothing either way (see ``Alignment.particles``).
_UNCOUNTED: Final = PARTICLES | TITLES

# Korean surnames whose romanisations share no skeleton: North Korean usage keeps an initial r
# or l that South Korean usage drops (Ri/Yi, Ryu/Yu, Rim/Im, Ro/No), and English spellings add
# letters (Lee, Park, Choi). Each group is one surname, matched only as the first or last word of
# both names (see ``align_tokens``).
_KOREAN_SURNAMES: Final = {
    spelling: group
    for group in (("ri", "lee", "yi", "rhee", "yee"), ("pak", "park", "bak"), ("choe", "choi", "chwe"),
                  ("rim", "lim", "im"), ("ryu", "yu", "yoo", "ryoo", "lyu"), ("ro", "roh", "no", "noh", "rho"),
                  ("ryang", "yang"), ("ryom", "yom", "yeom"), ("ryo", "yeo", "yo"))
    for spelling in group
}
KOREAN_SURNAME: Final = "one Korean surname"


def _long_vowels(word: str) -> str:
    """English spellings of long vowels as one letter (Kareem/Karim, Mahmood/Mahmud)."""
    return word.replace("ee", "i").replace("oo", "u")


# Roman numerals from 2 to 39 (i, a lone letter, is more often an initial).
_ROMAN: Final = re.compile(r"(?=[ivx]{2,}$)x{0,3}(ix|iv|v?i{0,3})")


def is_number(word: str) -> bool:
    """Digits or a roman numeral: numbered vessels, funds and branches are different entries
    (Star 2 / Star 3, Holding II / Holding III), so numbers match only when equal."""
    # Only words of the letters i, v and x go to the pattern: nearly every word compared has others.
    return word.isdigit() or (not word.strip("ivx") and _ROMAN.fullmatch(word) is not None)


# One word written by two romanisations that differ only in how they mark a letter's length or
# write a vowel, never in its sounds: a doubled letter written once (Hassan / Hasan, Nasser /
# Naser: the Arabic shadda, which many romanisations leave out), the English digraphs of a long
# vowel (Rasheed / Rashid, Mansour / Mansur, Yousuf / Yusuf), y for i (Fady / Fadi) and ck, the
# doubled k of English and German spelling (Beck / Bek). Unlike a sound-alike (vowels dropped,
# consonants folded), which random short strings reach (Lert / Alert), this changes no letter of
# the word but those marks: it identifies as much as the word itself and counts as evidence as
# the same word does (``identifying_words``).
SPELT_ALIKE: Final = "one word, spelt two ways"
SPELT_ALIKE_SCORE: Final = 0.95
# Word matches that count as the word itself in the evidence (``identifying_words``).
_AS_SAME: Final = frozenset({"same", SPELT_ALIKE})
_SPELLING_MARKS: Final = (("ou", "u"), ("oo", "u"), ("ee", "i"), ("y", "i"), ("ck", "k"))
_DOUBLED: Final = re.compile(r"(.)\1+")


@lru_cache(maxsize=32768)
def spelling_key(word: str) -> str:
    """``word`` with long vowels written one way and doubled letters written once (see
    ``SPELT_ALIKE``): two words with the same key are one word spelt two ways."""
    for marked, plain in _SPELLING_MARKS:
        if marked in word:
            word = word.replace(marked, plain)
    return _DOUBLED.sub(r"\1", word)


@lru_cache(maxsize=32768)
def _token_match(a: str, b: str) -> tuple[float, str]:
    if a == b:
        return 1.0, "same"
    if is_number(a) or is_number(b):
        return 0.0, ""
    if len(a) <= 3 and len(b) <= 3 and len(a) + len(b) > 2 and _vowels_only(a) and _vowels_only(b):
        # Korean syllables without a consonant: Yo/Yeo, U/Wu, E/Ae (a lone vowel is one too,
        # but two lone vowels are two initials).
        return (0.8, "sounds alike") if _syllable_sound(a) == _syllable_sound(b) else (0.0, "")
    if len(a) == 1 or len(b) == 1:
        # An initial stands for any word with that first letter; it says little on its own.
        return (0.6, "initial") if a[0] == b[0] else (0.0, "")
    sa, sb = skeleton(a), skeleton(b)
    if sa == sb and _vowels_compatible(a, b):
        # Tried only here: two words with one spelling key have the same skeleton.
        if spelling_key(a) == spelling_key(b):
            return SPELT_ALIKE_SCORE, SPELT_ALIKE
        if len(sa) >= 3:
            return 0.9, "sounds alike"
        # A one- or two-consonant skeleton ("rs" for Reza/Raza, "jn" for Jong/Chong) is weak
        # evidence: Korean syllables share few consonants (Chin/Chong, Sok/Sik are different
        # names). The words must also start alike (both with a vowel: Umar/Oumar), and a
        # consonant the skeleton joined across a vowel must be repeated in both (Tao/Taotao,
        # Jing/Jicheng are other names: a syllable more).
        if ((a[0] == b[0] or (a[0] not in _VOWELS) == (b[0] not in _VOWELS)
                or (len(a) <= 3 and len(b) <= 3)) and _spoken_consonants(a) == _spoken_consonants(b)):
            return 0.8, "sounds alike"
    surname = _KOREAN_SURNAMES.get(a)
    if surname is not None and b in surname:
        return 0.9, KOREAN_SURNAME
    if derived(a, b):
        return 0.0, ""  # another name built on this one: no spelling of it (the rules below would take it)
    # The letters the two words share, in order: the spelling-variant and the near-spelling rules
    # below both start from them, worked out once (most word pairs compared match by no rule).
    shared = _sim(a, b)
    # Spelling variants of short words are too easy to fake (Ali/Wali), and a changed consonant
    # makes another name (Taedong/Taesong): long words whose skeletons also agree only.
    if min(len(a), len(b)) >= 5:
        long_a, long_b = _long_vowels(a), _long_vowels(b)
        r = shared if long_a == a and long_b == b else _sim(long_a, long_b)
        if r >= 0.8 and _sim(sa, sb) >= 0.75:
            return r, SPELLING_VARIANT
    short = a if len(a) < len(b) else b
    if short + "h" in (a, b) and len(short) >= 2 and short[-1] in _VOWELS:
        # A closing h after a vowel is not pronounced (Arabic ta marbuta and final ha: Bah/Ba,
        # Taha/Tah). Long words pass as spelling variants above; this is for short ones.
        return 0.8, "sounds alike (silent final h)"
    return _near(a, b, shared)


# East Slavic patronymics are the father's name with -ich / -ych / -na (Borisovich,
# Petrenkovych, Fedorovna), and family names the same name with -ov / -ev / -iv (Borisov, Fedorov):
# the surname of one person and the patronymic of another, not two spellings of one name.
_PATRONYMIC_ENDINGS: Final = ("ich", "ych", "na")
_SURNAME_ENDINGS: Final = ("ov", "ev", "iv")


def _article(prefix: str, word: str) -> bool:
    """Is ``prefix`` the Arabic article written onto ``word``: al / el, or assimilated to a
    first "sun" consonant as a + that consonant (an-Nour as Annour, ad-Dunia as Addunia)?"""
    return prefix in ("al", "el") or (len(prefix) == 2 and prefix[0] in "ae" and prefix[1] == word[0])


def derived(a: str, b: str) -> bool:
    """Is one word another name built on the other: the other word whole with letters added
    before it (Zandi / Mirzandi, Talebi / Abtalebi, Varshev / Novovarshev: a family name of
    other parts, another place; the Arabic article joined on is no such letters: ``_article``),
    or a Slavic patronymic of a surname's stem (Borisov / Borisovich)? Letters added after a
    word are often an inflection (Contract / Contracting) or a name suffix (``NAME_SUFFIXES``),
    so only the patronymic endings count there."""
    short, long = (a, b) if len(a) < len(b) else (b, a)
    added = len(long) - len(short)
    if added >= 2 and long.endswith(short):
        return not _article(long[:added], short)
    return (long.startswith(short) and short.endswith(_SURNAME_ENDINGS)
            and long[len(short):] in _PATRONYMIC_ENDINGS)


_VOWEL_RUNS: Final = re.compile(r"[aeiouy]+")


def _spoken_consonants(word: str) -> str:
    """The skeleton with a consonant repeated across a vowel kept twice (Taotao "tt", Tao "t";
    Jicheng "jjn", Jing "jn"). Scripts that write no short vowels lose nothing here: their
    consonants stay in one run ("mhdy" and Mehdi are both "mt")."""
    return "".join(skeleton(run) for run in _VOWEL_RUNS.split(word) if run)


# Near spellings: a letter or two changed, added or dropped in a word (Haleh/Halen,
# Hezbollah/Hizballah, Sahid/Said). Romanisations and typos do this all the time,
# but so do different names (Nader/Nasser), so a near spelling is only partial evidence: it
# scores NEAR_SCALE times the shared-letter ratio, well below a sound-alike or a spelling
# variant, its unexplained rest still counts against the pair (see ``conflict_value``), and it
# does not count at all between two spellings the lists both use (see ``align_tokens``).
NEAR_MIN_SIM: Final = 0.6
NEAR_SCALE: Final = 0.8
NEAR_MAX_EDITS: Final = 2
NEAR_MIN_LEN: Final = 3
NEAR_LONG_LEN: Final = 8
NEAR: Final = "near spelling"
SPELLING_VARIANT: Final = "spelling variant"
# A word is "established" when its rarity weight is below this share of the weight of a word
# found in no listed name (on UN + OFAC: found in more than about 6 names).
NEAR_RARE_SHARE: Final = 0.67


def _near_allowed(a: str, b: str, lex: Lexicon) -> bool:
    """A near spelling counts unless both words are established spellings in the lists."""
    return max(lex.weight(a), lex.weight(b)) >= NEAR_RARE_SHARE * lex.default_weight


# Given names that Persian, Arabic and Central Asian usage writes with or without a closing
# honorific part: Ghodrat/Ghodratollah, Ayub/Ayubkhan (Sinatra or Ahmadinejad stay other words).
NAME_SUFFIXES: Final = ("ollah", "olah", "allah", "ullah", "khan")


def _near(a: str, b: str, shared: float) -> tuple[float, str]:
    """A near spelling's score; ``shared``: the two words' ``_sim``, already worked out."""
    if min(len(a), len(b)) < NEAR_MIN_LEN or a.isdigit() or b.isdigit():
        return 0.0, ""
    # One word extending the other is another word (Sina/Sinatra, Ahmadi/Ahmadinejad), unless
    # the extension is a name suffix.
    if a.startswith(b) or b.startswith(a):
        short, long = (a, b) if len(a) < len(b) else (b, a)
        if len(short) >= 4 and long[len(short):] in NAME_SUFFIXES:
            return NEAR_SCALE * shared, NEAR
        return 0.0, ""
    r = shared
    # Long words take one edit more (Metalogy/Metallurgy): the letters left say more.
    edits = NEAR_MAX_EDITS + (min(len(a), len(b)) >= NEAR_LONG_LEN)
    if r < NEAR_MIN_SIM or Levenshtein.distance(a, b) > edits:
        return 0.0, ""
    return NEAR_SCALE * r, NEAR


# Share of their rarity weight that name parts present on one side only still count (the other
# name simply does not give them: a patronymic, a second given name, "Air Force" of a unit).
EXTRA_PART_SHARE: Final = 0.5


# Vowel qualities that romanisations swap: a/e (Reza/Raza), e/i (Hejazi/Hijazi), o/u (Chol/Chul),
# e/o (Korean eo: Jong/Cyrillic Chen). e and u are not swapped (Hamed/Hamoud are two names).
_VOWEL_CLASS: Final = {"a": {"a"}, "e": {"a", "i", "o"}, "i": {"i"}, "o": {"o", "u"}, "u": {"u"}}


_SYLLABLE_LETTERS: Final = "".join(sorted(_VOWELS)) + "w"  # for str.strip: a test of every letter in one C call


def _vowels_only(word: str) -> bool:
    """Only vowels, w counted as one (Korean wu, wa, wo)."""
    return not word.strip(_SYLLABLE_LETTERS)


def _syllable_sound(word: str) -> tuple[str, str]:
    """(glide, vowel) of a vowel-only Korean syllable, as the romanisations write it.

    The last letter is the vowel (yeo/yo, eu/u, ae/e); a leading y or w is a glide (yo is not
    o, wa is not a), except in the spellings of plain u (wu, woo) and i (yi).
    """
    word = word.replace("oo", "u")
    vowel = word[-1]
    glide = word[0] if len(word) > 1 and word[0] in "yw" and word not in ("yi", "wu") else ""
    return glide, vowel


def _gap_sound(gap: str) -> str | None:
    """The vowel sound of one gap between consonants; None when no vowel is written (or only y).

    In clusters the last vowel counts (eu->u, eo->o, yo->o, ae->e), except in diphthongs ending
    in i/y, where the first does (Hosseini ei->e, Husaini ai->a).
    """
    letters = [ch for ch in gap if ch in "aeiou"]
    if not letters:
        return None
    if len(gap) >= 2 and gap[-1] in "iy":
        return letters[0]
    if gap.endswith("ae"):
        return "a"  # Korean ae (Tae, Jae) is an open e: a or e, never o (Tae/To are two syllables)
    return letters[-1]


# "Allah" closing a name is written with a, o or u before it (Nasrallah/Nasrollah,
# Hizbullah/Hezbollah, Ruhollah/Ruhullah): that vowel is one sound.
_ALLAH: Final = re.compile(r"[aou](?=ll?ah$)")


@lru_cache(maxsize=32768)
def _vowels_compatible(a: str, b: str) -> bool:
    """Do two words with the same skeleton write compatible vowels, gap by gap?"""
    a, b = _ALLAH.sub("a", a), _ALLAH.sub("a", b)
    for ga, gb in zip(vowel_gaps(a), vowel_gaps(b), strict=False):
        va, vb = _gap_sound(ga), _gap_sound(gb)
        if va is not None and vb is not None and not _VOWEL_CLASS[va] & _VOWEL_CLASS[vb]:
            return False
    return True


@lru_cache(maxsize=32768)
def _merge(single: str, parts: tuple[str, ...]) -> float:
    """Does one word equal adjacent words written together ("Gimjeong" / "Kim Jong")?"""
    joined = "".join(parts)
    sk = skeleton(single)
    lit = _sim(single, joined)
    if len(sk) >= 3 and sk == skeleton(joined) and lit >= 0.7:
        return 0.9
    # Letters alone: about as many of them too. Shared letters in order count the same whether
    # they are all the letters or a few of many (Abdullahi is inside "Abdul al-Rahim").
    if lit >= 0.85 and abs(len(single) - len(joined)) <= 2:
        return 0.9
    return 0.0


INITIALS_SCORE: Final = 0.9
INITIALS_MIN_LEN: Final = 3


def _initials_run(word: str, tokens: tuple[str, ...], used: set[int]) -> list[int]:
    """Positions of adjacent free words whose initials spell ``word`` (particles skipped), or []."""
    for start, first in enumerate(tokens):
        if start in used or first in PARTICLES or first[0] != word[0]:
            continue
        run: list[int] = []
        letters = 0
        for k in range(start, len(tokens)):
            if k in used:
                break
            run.append(k)
            if tokens[k] in PARTICLES:
                continue
            if tokens[k][0] != word[letters]:
                break
            letters += 1
            if letters == len(word):
                return run
    return []


@lru_cache(maxsize=8192)
def surname_words(name: NormName) -> int:
    """How many leading words are a surname written first ("ABAHUSSAIN, Mansour"), else 0.

    Lists write people "SURNAME, Given names"; read naturally, the last given name comes right
    before the surname, so a particle given last can be a syllable of it (Aba + Hussein =
    Abahussain). Only when both halves normalise to exactly the name's words.
    """
    if "," not in name.original:
        return 0
    surname, _, given = name.original.partition(",")
    head, tail = normalize_name(surname).tokens, normalize_name(given).tokens
    if not head or not tail or head + tail != name.tokens:
        return 0
    return len(head)


@lru_cache(maxsize=1024)
def _runs(n_tokens: int, surname_words: int) -> tuple[tuple[tuple[int, ...], ...], ...]:
    """Positions of 2, then of 3 adjacent words: as written, then across "given names | surname"."""
    out = []
    for size in (2, 3):
        runs = [tuple(range(j, j + size)) for j in range(n_tokens - size + 1)]
        if surname_words:
            natural = (*range(surname_words, n_tokens), *range(surname_words))
            border = n_tokens - surname_words
            runs += [natural[j : j + size] for j in range(max(0, border - size + 1), min(border, n_tokens - size + 1))]
        out.append(tuple(runs))
    return tuple(out)


def _match_runs(q: NormName, c: NormName, used_q: set[int], used_c: set[int],
                out: list[TokenMatch]) -> None:
    """Match free words against runs of adjacent free words of the other name (in place)."""
    q_tokens, c_tokens = q.tokens, c.tokens
    # Each name in turn as the side of the single word (flip: the listed name is).
    sides = ((q_tokens, c_tokens, used_q, used_c, False), (c_tokens, q_tokens, used_c, used_q, True))
    # Syllables split on one side and joined on the other: try runs of 2-3 adjacent free words.
    for side_a, side_b, used_a, used_b, flip in sides:
        if len(side_b) - len(used_b) < 2:
            continue  # a merge needs two free words on the other side (most pairs: skip the loops)
        runs = _runs(len(side_b), surname_words(q if flip else c))
        # The runs of free words (2 words, then 3) with their words, listed once for all the
        # words tried against them, and again after a merge takes some of those words.
        free: list[tuple[tuple[int, ...], tuple[str, ...]]] | None = None
        for i, word in enumerate(side_a):
            if i in used_a or len(word) < 4:
                continue
            if free is None:
                free = [(run, tuple([side_b[k] for k in run])) for size_runs in runs for run in size_runs
                        if used_b.isdisjoint(run)]
            for run, parts in free:
                score = _merge(word, parts)
                if score:
                    used_a.add(i)
                    used_b.update(run)
                    joined = " ".join(parts)
                    out.append(TokenMatch(joined, word, score, "joined") if flip
                               else TokenMatch(word, joined, score, "joined"))
                    free = None
                    break
    # A short word standing for adjacent words of the other name (DPRK / Democratic Peoples
    # Republic of Korea): their initials, particles inside the run skipped. Three letters at
    # least: two-letter words spell the initials of two other words too easily (Ta / Tim Adam).
    # Not for a person's listed name, either way (``normalize.listed_form``: no acronyms; a
    # listed name of several words with fewer than two initials has none either), nor for a
    # query word written in lower or title case ("Top" is a word, "TOP" may be initials).
    if not c.acronyms and len(c_tokens) > 1:
        return
    not_initials = lower_case_words(q.original)
    for side_a, side_b, used_a, used_b, flip in sides:
        if len(side_b) - len(used_b) < 2:
            continue
        for i, word in enumerate(side_a):
            if i in used_a or not INITIALS_MIN_LEN <= len(word) <= 6 or not word.isalpha():
                continue
            if not flip and word in not_initials:
                continue
            initials = _initials_run(word, side_b, used_b)
            if initials:
                used_a.add(i)
                used_b.update(initials)
                joined = " ".join(side_b[k] for k in initials)
                out.append(TokenMatch(joined, word, INITIALS_SCORE, "initials") if flip
                           else TokenMatch(word, joined, INITIALS_SCORE, "initials"))


# Words no spelling rule links but rigour's word classes do (Stichting/Foundation,
# Finance/Financial): curated, so stronger than a near spelling.
SAME_MEANING_SCORE: Final = 0.85
# Words one listed entry uses for each other (``links``): read off the lists, not curated.
LISTED_SCORE: Final = 0.85


def _match_meanings(q_tokens: tuple[str, ...], c_tokens: tuple[str, ...], used_q: set[int], used_c: set[int],
                    out: list[TokenMatch], lex: Lexicon) -> tuple[int, int]:
    """Match free words that share a word class (in place); the numbers of free words left.

    Run on the words the spelling rules left free only, listed words first: most listed words
    have no class (and the lists' words recur, so their lookups are cached), while looking up a
    new query word costs more than comparing its letters.
    """
    for j, b in enumerate(c_tokens):
        if j in used_c:
            continue
        classes = lex.classes_of(b)
        if not classes:
            continue
        for i, a in enumerate(q_tokens):
            if i in used_q:
                continue
            shared = classes & lex.classes_of(a)
            if shared:
                used_q.add(i)
                used_c.add(j)
                if all(map(is_link, shared)):
                    out.append(TokenMatch(a, b, LISTED_SCORE, LISTED_TOGETHER))
                else:
                    out.append(TokenMatch(a, b, SAME_MEANING_SCORE, SAME_MEANING))
                break
    return len(q_tokens) - len(used_q), len(c_tokens) - len(used_c)


def _same_syllable(a: str, b: str) -> bool:
    """Can two syllables (Chinese or Korean, a word each) be one, spelt two ways?

    Romanisations of one syllable differ in how they write its consonants (Pil / Phil, Kwon /
    Kon), a dropped initial (Euk / Kuk) and its vowel (Hun / Hoon, Euk / Uk), but a syllable with
    another vowel or another initial consonant is another syllable, another name (Jang / Jung,
    Jun / Jin, Zhao / Zhang; Yang / Sang, Hyun / Chun): a near spelling between syllables counts
    only with the same first letter (or none: a vowel first) and the same vowel (``_gap_sound``
    of each first vowel group)."""
    if a[0] != b[0] and a[0] not in "aeiou" and b[0] not in "aeiou":
        return False
    va, vb = _VOWEL_RUNS.findall(_long_vowels(a)), _VOWEL_RUNS.findall(_long_vowels(b))
    if not va or not vb:
        return False
    sa, sb = _gap_sound(va[0]), _gap_sound(vb[0])
    return sa is not None and sb is not None and bool(_VOWEL_CLASS[sa] & _VOWEL_CLASS[sb])


# One Cyrillic name romanised from its Russian, Ukrainian or Belarusian form (Sergey / Serhiy /
# Siarhei, Vladimir / Volodymyr / Uladzimir, Aleksandr / Oleksandr / Aliaksandr): Ukrainian and
# Belarusian write h where Russian has g, Belarusian dz for a soft d, u for a v after a vowel or
# opening a word (Paulau / Pavlov, -auna / -ovna), w in Polish-style spellings, and a for an
# unstressed o (Darashenka / Doroshenko). Folding these, the two spellings have one skeleton
# and compatible vowels. Tried only between two East Slavic names (``east_slavic``) and words
# no other rule matched, or only as a near spelling: elsewhere o / a and h / g make other names
# (Omar / Amar).
EAST_SLAVIC_FORMS: Final = "one name in Russian, Ukrainian or Belarusian form"
EAST_SLAVIC_SCORE: Final = 0.9
_SLAVIC_FOLDS: Final = (
    (re.compile(r"kh"), "K"),  # Russian kh (x) kept apart from the h folded next
    (re.compile(r"(?<![szctdpg])h"), "g"),
    (re.compile(r"dz(?!h)"), "d"),
    (re.compile(r"^u(?=[^aeiouy])"), "v"),
    (re.compile(r"(?<=[aeo])u(?=[^aeiouy]|$)"), "v"),
    (re.compile(r"w"), "v"),
    (re.compile(r"o"), "a"),
    (re.compile(r"K"), "kh"),
)


@lru_cache(maxsize=32768)
def slavic_form(word: str) -> str:
    """``word`` with the letters that Russian, Ukrainian and Belarusian romanisations of one
    Cyrillic name write differently folded to one (see ``EAST_SLAVIC_FORMS``)."""
    for pattern, plain in _SLAVIC_FOLDS:
        word = pattern.sub(plain, word)
    return word


def _slavic_forms(a: str, b: str) -> bool:
    """Are two words of East Slavic names one name in two of its national forms?"""
    if min(len(a), len(b)) < 4:
        return False
    return _folded_alike(slavic_form(a), slavic_form(b))


def _folded_alike(fa: str, fb: str) -> bool:
    """Two words with their letters of another romanisation folded (``slavic_form``,
    ``french_form``): one skeleton of three consonants or more, the same first letter (or both a
    vowel) and compatible vowels."""
    sa = skeleton(fa)
    return (len(sa) >= 3 and sa == skeleton(fb) and (fa[0] == fb[0] or (fa[0] in _VOWELS and fb[0] in _VOWELS))
            and _vowels_compatible(fa, fb))


# East Slavic patronymics: the father's name with -ovich / -evich (Russian, Belarusian -avich),
# -ovych / -ovich (Ukrainian), -ich / -ych after a vowel or soft sign (Ilyich), and for women
# -ovna / -evna / -ivna / -ichna (Belarusian -auna / -euna written with u for the short u).
_PATRONYMIC: Final = re.compile(r"[a-z]{2,}(?:[oe]vich|avich|[oe]vych|ievych|[aeiouy]ich|[aeiouy]ych"
                                r"|[oe]vna|ivna|yivna|ichna|[ae]una|[ae]wna)$")


def is_patronymic(word: str) -> bool:
    """A word with an East Slavic patronymic ending (Ivanovich, Petrivna, Ilyich, Ivanauna)."""
    return _PATRONYMIC.match(word) is not None


# Family names and patronymics of East Slavic usage: -ov / -ev / -ova / -eva (Belarusian -au /
# -eu / -ava), -enko (Belarusian -enka), -uk / -chuk, -sky / -ski / -skiy / -skaya, -ets, and the
# patronymics (``is_patronymic``).
_EAST_SLAVIC_NAME: Final = re.compile(r"[a-z]{2,}(?:[oe]va?|[ae]u|ava|enk[oa]|[iy]?uk|sk(?:y|i|iy|ii|yi|aya)|[oae]vets)$")


@lru_cache(maxsize=8192)
def east_slavic(name: NormName) -> bool:
    """A name with an East Slavic family name or patronymic among its words."""
    return any(_EAST_SLAVIC_NAME.match(t) is not None or is_patronymic(t) for t in name.tokens)


# One name romanised the French way and the English way (Maghreb, Levant, Sahel): French writes ch
# for the English sh (Bachir / Bashir, Charara / Sharara, Chebil / Shebel) and ou for a w before a
# vowel or after a (Taouab / Tawab, Chaouki / Shawki, Daoud / Dawud). Folded, the two spellings
# are the same letters, or have one skeleton and compatible vowels. Tried only on words no other
# rule matched, or only as a near spelling, of four letters or more, not between two names
# written a syllable per word (Cheng / Sheng are two Chinese surnames: ``syllabic``), and not after
# s or t (German sch, English tch).
FRENCH_FORMS: Final = "one name in French and English romanisation"
FRENCH_SCORE: Final = 0.9
_FRENCH_FOLDS: Final = ((re.compile(r"(?<![st])ch"), "sh"), (re.compile(r"(?<=a)ou|ou(?=[aeiy])"), "w"))


@lru_cache(maxsize=32768)
def french_form(word: str) -> str:
    """``word`` with the French spellings of sh and w written the English way (``FRENCH_FORMS``)."""
    for pattern, plain in _FRENCH_FOLDS:
        word = pattern.sub(plain, word)
    return word


def _french_forms(a: str, b: str) -> bool:
    """Are two words one name, one romanised the French way (see ``FRENCH_FORMS``)?"""
    if min(len(a), len(b)) < 4 or ("ch" not in a and "ch" not in b and "ou" not in a and "ou" not in b):
        return False
    fa, fb = french_form(a), french_form(b)
    if fa == a and fb == b:
        return False
    # The same letters once folded (Charara / Sharara), however few consonants, or folded alike.
    return spelling_key(fa) == spelling_key(fb) or _folded_alike(fa, fb)


def align_tokens(q: NormName, c: NormName, lex: Lexicon = NO_LIST) -> Alignment:
    """Greedy one-to-one alignment of name parts, best pairs first; then word merges.

    With the lexicon's word weights (rarity of a word in the lists), a near spelling between two words that are
    both established in the lists (Nader/Nasser, Hyok/Hyon) is no match: two common spellings
    are two names, while a one-off spelling near a known word is likely a variant of it.
    """
    pairs: list[tuple[float, int, int, str]] = []
    # Both names Chinese or Korean, a syllable per word (worked out at the first near spelling):
    # see ``_same_syllable``.
    syllables: bool | None = None
    # Both names East Slavic (worked out at the first pair of words no rule matched).
    slavic: bool | None = None
    last_q, last_c = len(q.tokens) - 1, len(c.tokens) - 1
    for i, a in enumerate(q.tokens):
        for j, b in enumerate(c.tokens):
            score, how = _token_match(a, b)
            if score == 0 or how == NEAR:  # no rule, or only letters in common (Serhiy / Sergey)
                if slavic is None:
                    slavic = east_slavic(q) and east_slavic(c)
                if slavic and _slavic_forms(a, b):
                    score, how = EAST_SLAVIC_SCORE, EAST_SLAVIC_FORMS
                elif _french_forms(a, b):
                    if syllables is None:
                        syllables = syllabic(q) and syllabic(c)
                    if not syllables:  # Chinese and Korean syllables: Cheng / Sheng are two surnames
                        score, how = FRENCH_SCORE, FRENCH_FORMS
            if score > 0:
                if how == NEAR:
                    if syllables is None:
                        syllables = syllabic(q) and syllabic(c)
                    if (syllables and not _same_syllable(a, b)) or not _near_allowed(a, b, lex):
                        continue
                if how == KOREAN_SURNAME and not (i in (0, last_q) and j in (0, last_c)):
                    continue  # a surname opens or closes a name; inside, Ryu and Yu are two syllables
                pairs.append((score, i, j, how))
    pairs.sort(key=itemgetter(0), reverse=True)  # stable: equal scores keep their order
    used_q: set[int] = set()
    used_c: set[int] = set()
    out: list[TokenMatch] = []
    for score, i, j, how in pairs:
        if i in used_q or j in used_c:
            continue
        used_q.add(i)
        used_c.add(j)
        out.append(TokenMatch(q.tokens[i], c.tokens[j], score, how))
    nq, nc = len(q.tokens) - len(used_q), len(c.tokens) - len(used_c)
    if nq and nc:
        nq, nc = _match_meanings(q.tokens, c.tokens, used_q, used_c, out, lex)
    if nq and nc and nq + nc >= 3:
        # Only when both names keep free words and one keeps two (most pairs: no loops at all).
        _match_runs(q, c, used_q, used_c, out)
    free_q = [t for k, t in enumerate(q.tokens) if k not in used_q]
    free_c = [t for k, t in enumerate(c.tokens) if k not in used_c]
    if not out or not (free_q or free_c):
        # Nothing in common at all (particles then count like any word), or nothing left over.
        return Alignment(tuple(out), tuple(free_q), tuple(free_c))
    return Alignment(
        tuple(out),
        tuple(t for t in free_q if t not in _UNCOUNTED),
        tuple(t for t in free_c if t not in _UNCOUNTED),
        tuple(t for t in (*free_q, *free_c) if t in _UNCOUNTED),
    )


class NamePair:
    """Two names and the lexicon they are scored with; the word alignment is worked out once, on
    first use, and shared by the features that read it."""

    __slots__ = ("_alignment", "_evidence", "_totals", "c", "exact", "lex", "q", "weight")

    def __init__(self, q: NormName, c: NormName, lex: Lexicon) -> None:
        self.q, self.c, self.lex = q, c, lex
        self.weight = lex.weight
        self.exact = bool(q.sorted_compact) and q.sorted_compact == c.sorted_compact
        self._alignment: Alignment | None = None
        self._totals: tuple[float, float, float] | None = None
        self._evidence = -1.0  # not worked out yet (a float, not None: compiled, a native float)

    @property
    def totals(self) -> tuple[float, float, float]:
        """Rarity weight of the query's words, of the listed name's words, and of the particles
        the alignment leaves unmatched (several features divide by these)."""
        if self._totals is None:
            lex = self.lex
            self._totals = (lex.weight_sum(self.q.tokens), lex.weight_sum(self.c.tokens),
                            lex.weight_sum(self.alignment.particles))
        return self._totals

    @property
    def alignment(self) -> Alignment:
        if self._alignment is None:
            self._alignment = align_tokens(self.q, self.c, self.lex)
        return self._alignment

    @property
    def evidence(self) -> float:
        """How many wholly identifying words the matched words are worth, uncapped
        (``identifying_words``: read by ``name_evidence`` and ``name_corroboration``)."""
        if self._evidence < 0.0:
            self._evidence = identifying_words(self)
        return self._evidence


def name_exact(p: NamePair) -> NameOutcome:
    """The same name once case, script, punctuation, legal forms and word order are normalised."""
    return (1.0, (p.q.tokens == p.c.tokens,)) if p.exact else (0.0, ())


def name_literal(p: NamePair) -> NameOutcome:
    """Letters in common, as written and with name parts sorted (order-insensitive)."""
    if p.exact:
        return 1.0, (False,)
    as_written = _sim(p.q.compact, p.c.compact)
    ordered = _sim(p.q.sorted_compact, p.c.sorted_compact)
    return (ordered, (True,)) if ordered > as_written else (as_written, (False,))


def name_phonetic(p: NamePair) -> NameOutcome:
    """Agreement of the phonetic skeletons (vowels dropped, similar consonants folded).

    Short skeletons are blended with the letters themselves: "IRGC" and "AORC" both reduce to
    "rk", which on its own would claim they sound the same.
    """
    if p.exact:
        return 1.0, (False,)
    q, c = p.q, p.c
    best = max(_sim(q.skeleton, c.skeleton), _sim(q.sorted_skeleton, c.sorted_skeleton))
    conf = confidence(min(q.skeleton, c.skeleton, key=len))
    if conf < 1.0:
        return conf * best + (1 - conf) * name_literal(p)[0], (True,)
    return best, (False,)


def _token_share(p: NamePair) -> tuple[float, float]:
    """(share of name parts by rarity, joined-letters similarity or -1 when it does not apply)."""
    q, c, al, lex = p.q, p.c, p.alignment, p.lex
    total_q, total_c, particles = p.totals
    total = total_q + total_c - particles
    if bool(al.unmatched_query) != bool(al.unmatched_listed) and al.matches:
        # One name is the other plus some parts (a patronymic, a second given name): the extra
        # parts are missing evidence, not contrary evidence, so they count at EXTRA_PART_SHARE.
        extra = lex.weight_sum((*al.unmatched_query, *al.unmatched_listed))
        total -= (1 - EXTRA_PART_SHARE) * extra
    got = 0.0
    for m in al.matches:
        got += m.score * (lex.weight_sum(m.query.split(" ")) + lex.weight_sum(m.listed.split(" ")))
    share = min(1.0, got / total) if total else 0.0
    # The same letters split into words differently (Nam Chon Gang / Namchungang): nearly all
    # the letters in order, and the same sound.
    if len(q.tokens) != len(c.tokens) and q.skeleton == c.skeleton:
        joined = _sim(q.compact, c.compact)
        if joined >= 0.9:
            return share, joined
    return share, -1.0


def name_tokens(p: NamePair) -> NameOutcome:
    """Share of both names' parts that find a partner, each part weighted by its rarity.

    Rare parts ("Movahed") count more than common ones ("Mohammad", "Trading"), so two names
    that share only common words score low. Names written as one word on one side and split on
    the other ("Namchongang" / "Nam Chon Gang") are judged on their joined letters.
    Facts: whether the joined letters decided.
    """
    if p.exact:
        return 1.0, (False,)
    if not p.q.tokens or not p.c.tokens:
        return 0.0, (False,)
    share, joined = _token_share(p)
    return (joined, (True,)) if joined > share else (share, (False,))


def name_extra(p: NamePair) -> NameOutcome:
    """Share by rarity of the name parts that only one name has (a patronymic, a branch's place,
    a second given name): less evidence for the pair, and for organisations often another body."""
    if p.exact:
        return 0.0, ()
    al = p.alignment
    total_q, total_c, particles = p.totals
    total = total_q + total_c - particles
    extra = p.lex.weight_sum(al.unmatched_query) + p.lex.weight_sum(al.unmatched_listed)
    return (min(1.0, extra / total) if total else 0.0), ()


def name_complete(p: NamePair) -> NameOutcome:
    """1 when every counted part of both names found a partner: the whole name agrees, not
    just some of it (a fact on its own: two of three parts agreeing is no two-thirds match)."""
    if p.exact:
        return 1.0, ()
    al = p.alignment
    return (1.0 if al.matches and not al.unmatched_query and not al.unmatched_listed else 0.0), ()


def name_conflict(p: NamePair) -> NameOutcome:
    """Both names have parts the other lacks: likely two people sharing a family name.

    "Kim Jong Un" / "Kim Jong Il" agree letter by letter almost everywhere, but each has a
    given-name part the other does not: that is evidence against, not just missing evidence.
    The value is the smaller of the two unexplained shares (by rarity); a near spelling
    (Halen/Haleh) adds the part of its word its score leaves unexplained.
    """
    if p.exact:
        return 0.0, ()
    q, c, al, weight = p.q, p.c, p.alignment, p.weight
    near = [m for m in al.matches if m.how == NEAR]
    if not near and (not al.unmatched_query or not al.unmatched_listed):
        return 0.0, ()
    if len(q.tokens) != len(c.tokens) and _sim(q.compact, c.compact) >= 0.9:
        return 0.0, ()  # same letters, different word splits: not a conflict
    wq, wc, _particles = p.totals
    oq = p.lex.weight_sum(al.unmatched_query) + sum(((1 - m.score) * weight(m.query) for m in near), 0.0)
    ol = p.lex.weight_sum(al.unmatched_listed) + sum(((1 - m.score) * weight(m.listed) for m in near), 0.0)
    return max(0.0, min(oq / wq, ol / wc)), ()


# One syllable as Chinese (Pinyin, Wade-Giles) and Korean romanisations write it, a word each in
# the lists (Kim Jong Un, Zhang Xiao Ming): an initial consonant or cluster, one to three vowels,
# a nasal or stop final. Words of other customs mostly fail it (Ali, Reza: two syllables; John,
# Smith: finals no syllable has); Park, an English spelling of Pak, is a Korean surname.
_SYLLABLE: Final = re.compile(r"(?:[bcdfghjklmnpqrstwxz]|zh|ch|sh|ts|th|kh|ph|ss|jj|kk|pp|tt|[kgh]w|[hkmnpry]y)?"
                              r"[aeiouwy]{1,3}(?:ng|n|m|l|k|p|t)?")


@lru_cache(maxsize=8192)
def syllabic(name: NormName) -> bool:
    """A name of two words or more, every counted word one East Asian syllable (see ``_SYLLABLE``)."""
    words = [t for t in name.tokens if t not in _UNCOUNTED]
    return len(words) >= 2 and all(_SYLLABLE.fullmatch(t) is not None or t in _KOREAN_SURNAMES for t in words)


def name_syllables(p: NamePair) -> NameOutcome:
    """1 when both names are Chinese or Korean, written a syllable per word, and a syllable is on
    one side only.

    There the given name is one name of one or two syllables (Min, Min Won; Yan, Yan Tao): a
    syllable more or less makes another given name, another person, not a middle name left out
    (as ``name_extra`` reads an extra part). So the fact counts whole, however common the
    syllable: a common syllable makes another name as surely as a rare one (v17 weighed it by its
    rarity share, so a common third syllable cost about 0.8 logits).
    """
    if p.exact:
        return 0.0, ()
    al = p.alignment
    if not (al.unmatched_query or al.unmatched_listed) or not (syllabic(p.q) and syllabic(p.c)):
        return 0.0, ()
    return 1.0, ()


def _short_form_of(full: NormName, matched: set[str], left: tuple[str, ...]) -> bool:
    """Are ``matched`` (the words of ``full`` the other name matched, particles aside) its family
    name and first given name, and ``left`` (its unmatched words) only later given names?"""
    k = surname_words(full)
    if not k or k >= len(full.tokens) - 1:
        return False
    family = {t for t in full.tokens[:k] if t not in _UNCOUNTED}
    first = full.tokens[k]
    return bool(family) and matched == family | {first} and set(left) <= set(full.tokens[k + 1:])


def name_short_form(p: NamePair) -> NameOutcome:
    """1 when one name is the other's family name and first given name only, the later given
    names (a father's and grandfather's name, a middle name) left out: how news and other lists
    shorten a listed "FAMILY, Given Father Grandfather" ("Given al-Family"); not Chinese and
    Korean names, whose given name of two syllables is one name (``name_syllables``). Read from the
    "SURNAME, Given names" form the lists write people in (``surname_words``), so it says
    nothing of names written otherwise. Other missing parts (the family name itself, a first
    given name) are not this custom and stay plain extra parts (``name_extra``).
    Facts: whether the listed name is the full one."""
    if p.exact:
        return 0.0, ()
    al = p.alignment
    if not al.matches or (al.unmatched_query and al.unmatched_listed):
        return 0.0, ()
    if syllabic(p.q) and syllabic(p.c):
        return 0.0, ()  # a Chinese or Korean given name is one name: no syllable of it is left out
    on_q = {w for m in al.matches for w in m.query.split(" ") if w not in _UNCOUNTED}
    on_c = {w for m in al.matches for w in m.listed.split(" ") if w not in _UNCOUNTED}
    if al.unmatched_listed and _short_form_of(p.c, on_c, al.unmatched_listed):
        return 1.0, (True,)
    if al.unmatched_query and _short_form_of(p.q, on_q, al.unmatched_query):
        return 1.0, (False,)
    return 0.0, ()


# A word found in at least 1 of 500 listed names (weights are squared IDF: log(1 + 500)^2).
COMMON_WEIGHT: Final = 38.7


def one_word(p: NamePair) -> NameOutcome:
    """A one-word query identifies nobody when the word is common ("Mohammad", "Trading"), and
    little when it is short and only similar ("Kim" / "Kimo"). Value: how weak the query is."""
    q = p.q
    if len(q.tokens) != 1 or query_is_acronym(q, p.c):
        return 0.0, ()
    word = q.tokens[0]
    if p.lex.weight(word) <= COMMON_WEIGHT:
        return 1.0, (word,)
    if not p.exact and len(skeleton(word)) <= 2:
        return 0.5, (word,)
    return 0.0, ()


def query_is_acronym(q: NormName, c: NormName) -> bool:
    """The query is one word of three letters or more, written in capitals (a word in lower or
    title case is a word: ``lower_case_words``), that is an acronym of the listed name (a
    person's name has none: ``normalize.listed_form``)."""
    return (len(q.tokens) == 1 and len(q.compact) >= 3 and q.compact in c.acronyms
            and q.compact not in lower_case_words(q.original))


def name_acronym(p: NamePair) -> NameOutcome:
    """One name is the initials of the other (IRGC / Islamic Revolutionary Guard Corps)."""
    q, c = p.q, p.c
    if query_is_acronym(q, c):
        return 1.0, (False,)
    if len(c.tokens) == 1 and len(c.compact) >= 3 and c.compact in q.acronyms:
        return 1.0, (True,)  # the listed name is the acronym
    return 0.0, ()


# Initials count as full evidence from this many letters, whichever name is the initials of the
# other: 26^3 three-letter acronyms against tens of thousands of listed names of three or more
# words means many chance spellings (train pairs: 22 different parties against 7 same-party pairs
# at 0.7 through a three-letter query acronym; at four letters 4 against 5), and three initials
# of a query's words spell some listed three-letter acronym as easily. From four letters the
# chance is 26 times smaller either way (train pairs with a listed acronym of four letters or
# more: 31 same-party pairs gained at 0.7, no other party).
ACRONYM_FULL_LETTERS: Final = 4
# A match needs evidence (a screener must not flag "D" or a lone "Mohammad"): the query written
# with at least MIN_LETTERS letters or digits, and matched words worth MIN_EVIDENCE of a word the
# lists do not have (see ``name_evidence``).
MIN_LETTERS: Final = 3
MIN_EVIDENCE: Final = 0.6
# A word of a one-word name matched whole counts in full from this share of the rarity weight of
# a word no listed name has (see ``_informative_share``): on UN + OFAC + EU, a word found in
# fewer than about 1 in 2,000 names; commoner words count by their share of it.
WHOLE_NAME_SHARE: Final = 0.5


@lru_cache(maxsize=4096)
def letters(text: str) -> int:
    """Letters and digits in a name as written ("ß" is one letter, though it reads "ss")."""
    return sum(ch.isalnum() for ch in text)


# Approximate word matches (a sound-alike, a near spelling, initials) say little when few letters
# agree: random strings of three to six letters sound like some listed word (Lert / Alert, Cpr /
# Cyprus, Readn / Radin). Their evidence counts in full once the approximately matched words of
# the name have SHORT_MATCH_LETTERS + FULL_MATCH_LETTERS letters between them (on the shorter
# side), and not at all at SHORT_MATCH_LETTERS or fewer: a name of several short syllables
# (Kim Jeong Eun / Kim Jong Un, Yunus Umar / Younous Oumar) adds up.
SHORT_MATCH_LETTERS: Final = 2
FULL_MATCH_LETTERS: Final = 6


def _letters_credit(approximate: Sequence[TokenMatch]) -> float:
    letters = sum(min(len(m.query.replace(" ", "")), len(m.listed.replace(" ", ""))) for m in approximate)
    return max(0.0, min(1.0, (letters - SHORT_MATCH_LETTERS) / FULL_MATCH_LETTERS))


def identifying_words(p: NamePair) -> float:
    """How much the matched words identify, counted in wholly identifying words (not capped):
    the rarity of each matched word (on both sides, the commoner counts) times how well it
    matched, the approximate matches times how many letters they have between them
    (``_letters_credit``); 1 when one name, of ``ACRONYM_FULL_LETTERS`` letters or more, is the
    acronym of the other (query or listed), the letters credit of the acronym for a shorter one.
    ``name_evidence`` reads it up to one word, ``name_corroboration`` beyond."""
    acronym, facts = name_acronym(p)
    if acronym:
        if len((p.c if facts[0] else p.q).compact) >= ACRONYM_FULL_LETTERS:
            return 1.0  # the initials (query or listed) are all the other name's words
        # Initials stand for words by their first letters only: random words spell some listed
        # three-letter acronym, and a three-letter acronym (an agency, a broadcaster) spells the
        # initials of some listed name, so either says as much as its letters. A body known by
        # three initials has them listed as an alias, which matches as written.
        return _letters_credit([TokenMatch(p.q.compact, p.c.compact, 1.0, "initials")])
    share, lex = _informative_share(p), p.lex
    if p.exact:
        return lex.informative_sum(p.q.tokens, share)
    same = approximate = 0.0
    for m in p.alignment.matches:
        on_query = lex.informative_sum(m.query.split(" "), share)
        listed = lex.informative_sum(m.listed.split(" "), share)
        # min of two, twice: compiled, a min of two floats is native, a min of three a Python call.
        least = min(min(1.0, on_query), listed)
        if m.how in _AS_SAME:
            same += least
        else:
            approximate += m.score * least
    if approximate:
        approximate *= _letters_credit([m for m in p.alignment.matches if m.how not in _AS_SAME])
    matches = p.alignment.matches
    if len(matches) == 1 and len(matches[0].query) < ACRONYM_FULL_LETTERS:
        # One short word in common and nothing else: three letters (an agency's initials,
        # a syllable) are a word of some listed name by chance (KVT in EP-KVT), as they are
        # the initials of one; it says as much as its letters.
        same *= _letters_credit(matches)
    return same + approximate


def name_evidence(p: NamePair) -> NameOutcome:
    """How much the matched words identify, 0..1: ``identifying_words`` up to one wholly
    identifying word.

    Two common given names matching (Ali Khan in NASIR, Ali Khan) say little; one rare family
    name says a lot. Facts: the letters of the query as written.
    """
    return min(1.0, p.evidence), (letters(p.q.original),)


def name_corroboration(p: NamePair) -> NameOutcome:
    """The evidence beyond one wholly identifying word, 0..1 (``identifying_words`` less one).

    A chance match of one rare word is a matter of how many people bear it; a second
    independent identifying word must also agree by chance, which is far rarer. ``name_evidence``
    stops at one word, so a common given name and a surname alike ("Given Surname" against
    "SURNAME, Given", one word rare) scored as high as two or three rare words agreeing; this
    says how far the agreement goes beyond the one word.
    """
    return min(1.0, max(0.0, p.evidence - 1.0)), ()


# Word matches by shared letters only, not by sound or meaning (``_token_match``).
_LETTER_MATCHES: Final = frozenset({NEAR, SPELLING_VARIANT})


def _one_word_name(p: NamePair) -> bool:
    """Both names are one word (particles aside: al-Qaida / Qaida), the same or spelt alike.

    A near spelling or a spelling variant (letters changed, as in a typo or another name:
    Barakat / Harakat) is not enough: on a one-word name nothing else tells two names apart. A
    title (Sardar, Dr) marks a person, whose one-word alias (a given name, a nickname) is no
    group name: a titled name is not taken as one word.
    """
    if not TITLES.isdisjoint(p.q.tokens) or not TITLES.isdisjoint(p.c.tokens):
        return False
    if p.exact:  # the same words: no alignment needed (exact pairs skip it)
        return sum(t not in _UNCOUNTED for t in p.q.tokens) == 1
    al = p.alignment
    if al.unmatched_query or al.unmatched_listed:
        return False
    words = [m for m in al.matches if m.query not in _UNCOUNTED or m.listed not in _UNCOUNTED]
    return (len(words) == 1 and words[0].how not in _LETTER_MATCHES and " " not in words[0].query
            and " " not in words[0].listed)


def _informative_share(p: NamePair) -> float:
    """The share of the weight of a word no list has against which a matched word's rarity is
    measured (``Lexicon.informative_sum``): 1, or ``WHOLE_NAME_SHARE`` when the word is the whole
    of two one-word names (``_one_word_name``).

    Rarity among the listed names says how many other entries a word also points to. A one-word
    name (a group, a movement, a vessel) recurs in its own aliases and branches ("X", "X Youth
    Wing", "Y Branch of X"), so its word is found in a dozen listed names, yet a query that is
    that word alone, in whichever transliteration, asks for the entry named so and no other.
    Measured against ``WHOLE_NAME_SHARE`` of a word no list has, such a word counts in full,
    while words common in names (a frequent given name, "Trading", "Bank") still count little:
    a lone "Mohammad" or "Trading" matching an alias of that one word stays without evidence.
    """
    return WHOLE_NAME_SHARE if _one_word_name(p) else 1.0


def has_evidence(value: float, facts: Facts) -> bool:
    """Whether ``name_evidence``'s outcome is enough for a match."""
    written = facts[0]
    return isinstance(written, int) and written >= MIN_LETTERS and value >= MIN_EVIDENCE


def birth_date(query: NameQuery, entity: ListEntity) -> Outcome | None:
    """Dates are ISO prefixes; the shared precision decides. A year apart is a likely typo."""
    if not query.birth_date or not entity.birth_dates:
        return None
    qd = query.birth_date.strip()
    best: Outcome | None = None
    for listed in entity.birth_dates:
        n = min(len(qd), len(listed))
        if n >= 4 and qd[:n] == listed[:n]:
            return 1.0, f"birth date {qd} agrees with listed {listed}"
        if qd[:4].isdigit() and listed[:4].isdigit() and abs(int(qd[:4]) - int(listed[:4])) <= 1:
            best = (0.5, f"birth date {qd} is within a year of listed {listed}")
    return best or (0.0, f"birth date {qd} differs from listed {', '.join(entity.birth_dates)}")


def country(query: NameQuery, entity: ListEntity) -> Outcome | None:
    if not query.countries:
        return None  # most queries name no country: do not build the entry's set for nothing
    listed = {c.lower() for c in (*entity.nationalities, *entity.countries)}
    wanted = {c.lower() for c in query.countries}
    if not wanted or not listed:
        return None
    common = wanted & listed
    if common:
        return 1.0, f"country {', '.join(sorted(common))} is linked to the entry"
    return 0.0, f"country {', '.join(sorted(wanted))} not among listed {', '.join(sorted(listed))}"


def _clean_id(value: str) -> str:
    return "".join(ch for ch in value.upper() if ch.isalnum()).removeprefix("IMO")


def identifiers(query: NameQuery, entity: ListEntity) -> Outcome | None:
    """An identifier (IMO, passport...) equal to a listed one nearly settles the match."""
    if not query.identifiers or not entity.identifiers:
        return None
    listed = {_clean_id(i.value): i for i in entity.identifiers}
    for raw in query.identifiers:
        found = listed.get(_clean_id(raw))
        if found is not None:
            return 1.0, f"identifier {raw} equals listed {found.type} {found.value}"
    return None


_SCHEMA_FAMILY: Final = {"Person": "person", "Organization": "org", "LegalEntity": "org", "Company": "org",
                         "Vessel": "vessel", "Aircraft": "aircraft"}


def schema(query: NameQuery, entity: ListEntity) -> Outcome | None:
    if query.schema in ("", "Any"):
        return None
    qf = _SCHEMA_FAMILY.get(query.schema, query.schema)
    ef = _SCHEMA_FAMILY.get(entity.schema, entity.schema)
    if entity.schema == "LegalEntity" and qf in ("person", "org"):
        return None  # a LegalEntity may be either; no evidence either way
    if qf == ef:
        return 1.0, f"both are {query.schema}"
    return 0.0, f"query is a {query.schema}, the entry a {entity.schema}"


__all__ = [
    "ACRONYM_FULL_LETTERS",
    "COMMON_WEIGHT",
    "EAST_SLAVIC_FORMS",
    "FRENCH_FORMS",
    "MIN_EVIDENCE",
    "MIN_LETTERS",
    "Alignment",
    "Facts",
    "NameOutcome",
    "NamePair",
    "Outcome",
    "SPELT_ALIKE",
    "TokenMatch",
    "align_tokens",
    "birth_date",
    "confidence",
    "country",
    "east_slavic",
    "french_form",
    "has_evidence",
    "identifiers",
    "is_number",
    "is_patronymic",
    "letters",
    "name_acronym",
    "name_complete",
    "name_conflict",
    "name_corroboration",
    "name_evidence",
    "name_exact",
    "name_extra",
    "name_literal",
    "name_phonetic",
    "name_short_form",
    "name_syllables",
    "name_tokens",
    "one_word",
    "query_is_acronym",
    "schema",
    "slavic_form",
    "spelling_key",
    "syllabic",
]
