"""Whether an organisation mention says everything that names a listed body, or only its generic part.

Names of bodies are made of two kinds of words: generic ones that many bodies share (kinds such
as Company, Ministry, Organisation; fields such as Maritime, Trading, Development; Islamic,
National, Revolutionary; states and demonyms) and proper ones that single out one body (a
person's or place's name, a coined word, a number). The screening weighs a word by its rarity in
the lists, and a proper name can be common there (one founder's or saint's name in many entries),
so a news mention that writes only the generic words of a listed name ("Ports and Maritime
Organisation" for a listed "<Name> PORT AND MARITIME COMPANY") can score as if it were the name.
Such a mention is another body as often as not; the linker holds it back to probable:

- ``missing_proper``: the listed name's words the mention does not write, that are not generic;
- ``kind_differs``: both names end in a kind of body and the kinds differ (Organisation vs
  Company, Ministry vs Bank), and neither name writes the other's kind.

And of two listed bodies, one named as the other with words added (a sub-unit: "X AIR FORCE"
beside "X", ``unit_words``), a mention that writes none of the added words names the shorter one,
and one that writes them all names the longer one (``written``): the linker keeps that one.

Generic words come from our own vocabularies (the organ words and company nouns of
``link_rules``, the head nouns of ``org_phrases``, function words, the states gazetteer) and from
rigour's curated symbols for the generic words of organisation names (Foundation / Stichting,
Maritime / Marine, Company / Corporation), which the screening reads too: the screening's own
copy is in ``screen/`` and engines do not import each other, so the question is asked here.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache

from rigour.names import NameTypeTag, SymbolCategory, analyze_names

from mistrust.extract.gazetteer import lookup
from mistrust.extract.link_rules import COMPANY_NOUNS, ORGAN_WORDS, fold, name_words, same_word
from mistrust.extract.org_phrases import ORG_HEADS
from mistrust.model.vocabulary import APOSTROPHES, LEGAL_FORMS

# Kinds of body a name may end in (its head noun), folded: "Organisation", "Company", "Bank".
_KINDS = frozenset(fold(w) for w in ORG_HEADS) | {"bank", "corporation", "corp", "company", "co"}
# Legal forms and the words for a company are one kind: "X CO LTD" is "X Company", "X Corporation".
# The legal forms are the screening's (one list, ``model.vocabulary``); "firm" is no legal form.
_COMPANY = LEGAL_FORMS | {"firm"}
# Words of a name that name no one: joining words and articles (also Arabic "al"/"el").
_GLUE = frozenset({"of", "the", "for", "and", "on", "in", "to", "at", "al", "el", "de", "la", "du", "der"})
_SYMBOLS = frozenset({SymbolCategory.SYMBOL, SymbolCategory.DOMAIN})


@lru_cache(maxsize=1 << 14)
def _symbols(word: str) -> frozenset[str]:
    """rigour's classes of a generic organisation-name word ("organisation" -> {ORG}); none for a
    proper word."""
    out: set[str] = set()
    for name in analyze_names(NameTypeTag.ORG, [word], phonetics=False, consolidate=False, rewrite=False,
                              numerics=False):
        out.update(str(s) for s in name.symbols if s.category in _SYMBOLS)
    return frozenset(out)


def _singular(word: str) -> str:
    """A folded word without a plural s ("ministries" keeps its form: only a final s goes)."""
    return re.sub(r"(?<=[^s])s$", "", word)


def _words(name: str) -> list[str]:
    """Folded words of a name, without a possessive in either case ("IRAN'S" is Iran)."""
    name = re.sub(rf"[{APOSTROPHES}][sS]\b", "", name.replace("&", " and "))
    return [w for w in (fold(x) for x in name_words(name)) if w]


@lru_cache(maxsize=1 << 14)
def generic(word: str) -> bool:
    """A word many bodies' names share: a kind, a field, a joining word, a state or demonym. A
    number is proper (a unit's "61398"); so is any word none of the vocabularies know."""
    w = fold(word)
    if not w or w.isdigit():
        return not w
    if w in _GLUE or w in _COMPANY or w in _KINDS or w in ORGAN_WORDS or w in COMPANY_NOUNS:
        return True
    singular = _singular(w)
    if singular in _KINDS or singular in ORGAN_WORDS or singular in COMPANY_NOUNS:
        return True
    place = lookup(word)
    if place is not None and place.code:
        return True
    return bool(_symbols(w))


def _alike(a: str, b: str) -> bool:
    """One word in two spellings: a plural s, a transliteration's vowels (``same_word``) or one
    letter more or less ("Nusra" / "Nusrah"), as the screening's fuzzy match allows."""
    if same_word(a, b) or a in (b + "s", b + "es") or b in (a + "s", a + "es"):
        return True
    return min(len(a), len(b)) >= 4 and SequenceMatcher(None, a, b).ratio() >= _ALIKE


_ALIKE = 0.85


def _said(word: str, said: list[str], whole: str) -> bool:
    """Whether the mention writes a listed word, up to its spelling (``_alike``), or its letters
    inside the mention written as one word ("Namchongang" for "NAM CHON GANG")."""
    if any(_alike(word, s) for s in said):
        return True
    return len(word) >= 3 and word in whole


def _state_for(word: str, listed: list[str], said: list[str]) -> bool:
    """Whether the mention writes a state's name where the listed name has ``word``, the other
    words alike: "in Iraq and Syria" for "in Iraq and the Levant" names a place for a place. A
    demonym, or a state before the name, is no such slot: "Ruritanian X Company" and "Ruritania X
    Company" say whose X it is, not which X."""
    core = [w for w in listed if w not in _GLUE]
    mine = [w for w in said if w not in _GLUE]
    if len(core) != len(mine) or word not in core or core.index(word) == 0:
        return False  # a state first qualifies the body ("Ruritania Ports Company"), as a demonym does
    other = mine[core.index(word)]
    place = lookup(other)
    return place is not None and place.kind in ("country", "alias") and not _said(other, core, "")


@lru_cache(maxsize=1 << 14)
def missing_proper(mention: str, listed: str) -> tuple[str, ...]:
    """The proper words of the listed name the mention leaves out: ("sina",) for "Ports and
    Maritime" against "SINA PORT AND MARITIME COMPANY"; none for "Revolutionary Guard" against
    "ISLAMIC REVOLUTIONARY GUARD CORPS" (Islamic and Corps are generic)."""
    said = _words(mention)
    whole = "".join(said)
    own = _words(listed)
    return tuple(w for w in own if not generic(w) and not _said(w, said, whole) and not _state_for(w, own, said))


@lru_cache(maxsize=1 << 14)
def unit_words(parent: str, unit: str) -> tuple[str, ...]:
    """The words the listed name ``unit`` adds to the listed name ``parent`` when it writes every
    word of ``parent`` and more: ("air", "force") for "VELKAN GUARD AIR FORCE" against "VELKAN
    GUARD". Empty when ``unit`` leaves out a word of ``parent``, or adds only joining words and
    legal forms ("X" and "X LTD" are two companies, neither a part of the other). A body's
    sub-unit, branch or office is listed under its parent's name and its own distinguishing words,
    often generic ones (Air Force, Navy, Directorate), which ``missing_proper`` does not count."""
    short = [w for w in _words(parent) if w not in _GLUE]
    long_ = _words(unit)
    if not short or any(not _said(w, long_, "") for w in short):
        return ()
    added = tuple(w for w in long_ if w not in _GLUE and not _said(w, short, ""))
    return added if any(w not in _COMPANY for w in added) else ()


def own_words(names: tuple[str, ...], others: tuple[str, ...]) -> tuple[str, ...]:
    """The words of ``names`` (one entry's names) that none of ``others`` (another entry's) writes,
    joining words aside: what the first entry's names have of their own ("navy" of "X NAVY" beside
    "X")."""
    theirs = [w for name in others for w in _words(name)]
    out: list[str] = []
    for name in names:
        out += [w for w in _words(name) if w not in _GLUE and w not in out and not _said(w, theirs, "")]
    return tuple(out)


def written(mention: str, words: tuple[str, ...]) -> tuple[str, ...]:
    """The ``words`` the mention writes, up to their spelling (as ``missing_proper`` reads them)."""
    said = _words(mention)
    whole = "".join(said)
    return tuple(w for w in words if _said(w, said, whole))


def _kind(words: list[str]) -> str | None:
    """The kind a name ends in (its last kind word: "X Shipping Company Ltd" -> company), or None."""
    kinds = ["company" if w in _COMPANY else w for w in words
             if w in _KINDS or w in _COMPANY or _singular(w) in _KINDS]
    return kinds[-1] if kinds else None


@lru_cache(maxsize=1 << 14)
def kind_differs(mention: str, listed: str) -> tuple[str, str] | None:
    """(the mention's kind, the listed kind) when both names end in a kind of body, neither writes
    the other's kind, and rigour does not count them one kind (Company / Corporation are one):
    "Ports and Maritime Organisation" is not "... MARITIME COMPANY", a ministry not a bank."""
    said, own = _words(mention), _words(listed)
    mine, theirs = _kind(said), _kind(own)
    if mine is None or theirs is None or mine == theirs:
        return None
    if _said(mine, own, "") or _said(theirs, said, ""):
        return None
    if _symbols(mine) & _symbols(theirs):
        return None
    return mine, theirs


def clear_memos() -> None:
    """Forget the memoised answers (a benchmark round that must link from scratch)."""
    for fn in (_symbols, generic, missing_proper, kind_differs, unit_words):
        fn.cache_clear()


__all__ = ["clear_memos", "generic", "kind_differs", "missing_proper", "own_words", "unit_words", "written"]
