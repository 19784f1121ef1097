"""Helpers for the screening tests: an index over hand-made or random list entries, a decision at the threshold."""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys

import pytest

from mistrust.model import Alias, Identifier, ListEntity, ListVersion, LoadedList, NameQuery
from mistrust.screen import ScreenIndex, compare_names, normalize_name
from mistrust.screen.algorithm import score_pair
from mistrust.screen.build import PURE_ENV, build_state, compiled
from mistrust.screen.features import NamePair, align_tokens
from mistrust.screen.index import runner_up_margin

# The default screening threshold, which the match / no-match tables are written for.
THRESHOLD = 0.7

HAND_MADE = ListVersion(id="v1", list_name="t", source="t", format="t", published=None, sha256="0",
                        source_file="hand-made")


# Filler entries, so that a word found in one or two hand-made names is as rare as on a real list
# (word weights are relative to the number of listed names: in ten names every word is common).
# Their words are made of syllables no test name uses.
PADDING = [ListEntity(id=f"pad:{k}", source="t", schema="LegalEntity", name=f"Zzq{a}{b} Xxv{c}")
           for k, (a, b, c) in enumerate((a, b, c) for a in "bcfgkmnp" for b in ("ara", "eni", "olu", "ume", "ika")
                                         for c in ("lin", "vat", "sor", "dem", "hul", "rak", "tib", "wen", "zop",
                                                   "gux", "pim", "dor", "fel", "kas", "nub"))]


def hand_made_index(entities: list[ListEntity], padded: bool = True) -> ScreenIndex:
    """A screening index over ``entities`` (and ``PADDING`` unless ``padded`` is false), as one
    list version ``HAND_MADE``."""
    return ScreenIndex.build([LoadedList(version=HAND_MADE, entities=entities + (PADDING if padded else []))])


def ran_as_pure_python(request: pytest.FixtureRequest) -> bool:
    """For a test that patches the screen's internals: compiled code calls its functions and reads
    its constants directly, so a patch changes nothing there. Under a compiled build the test runs
    again in a process that loads the sources (``MISTRUST_SCREEN_PURE=1``), must pass there, and
    True tells the caller to stop; in a pure-Python process False (go on: the patch works)."""
    if not compiled():
        return False
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", request.node.nodeid],
                            cwd=request.config.rootpath, env={**os.environ, PURE_ENV: "1"},
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, f"failed as pure Python:\n{result.stdout[-4000:]}{result.stderr[-2000:]}"
    return True


def require_compiled() -> None:
    """Skip, saying why, where the screen is not compiled; under ``CI=true`` with a C compiler
    there, fail instead: the compiled build should have been made (``make`` builds it)."""
    if compiled():
        return
    if os.environ.get("CI") == "true" and (shutil.which("cc") or shutil.which("gcc")):
        pytest.fail(f"a C compiler is here but the screen runs as {build_state()}")
    pytest.skip(f"the screen runs as {build_state()}")


# Name parts of several naming customs for random list entries (synthetic, written for the tests).
# "Mohammad" and "Ali" are common enough to be pairs without evidence on their own.
GIVEN = ["Rahim", "Omid", "Soon Ok", "Mirzo", "Talib", "Yusuf", "Nargiz", "Chol Su", "Farid", "Olena", "Mohammad",
         "Ali"]
FAMILY = ["Karabekov", "Al-Hamdani", "Rezapour", "Kim", "Ri", "Tashkentov", "Bin Saleh", "Nouri", "Pak",
          "Abahussain", "Hosseini"]
ORG = ["Trading", "Shipping", "Bank", "Industrial Group", "Foundation", "Petrochemical", "Navigation"]
PLACE = ["Kish", "Tumen", "Sahel", "Mirbat", "Chagai", "Rason"]


def random_entities(rng: random.Random, count: int, facts: bool = False) -> list[ListEntity]:
    """``count`` random list entries, two people to one organisation. People are written as lists
    write them, "FAMILY, Given Father", with the alias "Given Family"; organisations as a place, a
    trade and a legal form. With ``facts`` each person also has a weak alias, a birth year, a state
    and a passport number ("X" and the entry's number in five digits)."""
    out = []
    for k in range(count):
        if k % 3:
            given, family = rng.choice(GIVEN), rng.choice(FAMILY)
            name = f"{family.upper()}, {given} {rng.choice(GIVEN)}"
            aliases = [Alias(f"{given} {family}")]
            person = ListEntity(id=f"p:{k}", source="t", schema="Person", name=name, aliases=aliases)
            if facts:
                aliases.append(Alias(f"{rng.choice(GIVEN)} {family}", quality="weak"))
                person.birth_dates = [f"19{rng.randint(40, 89)}"]
                person.countries = [rng.choice(["ir", "kp"])]
                person.identifiers = [Identifier(type="passport", value=f"X{k:05d}")]
            out.append(person)
        else:
            name = f"{rng.choice(PLACE)} {rng.choice(ORG)} {rng.choice(['Company', 'LLC', 'Co., Ltd.', ''])}".strip()
            out.append(ListEntity(id=f"o:{k}", source="t", schema="Organization", name=name,
                                  aliases=[Alias(f"{rng.choice(PLACE)} {rng.choice(ORG)}")]))
    return out


def name_position(index: ScreenIndex, name: str) -> int:
    """The position in ``index.names`` of the listed name written ``name``."""
    return next(i for i, n in enumerate(index.names) if n.name == name)


def hows(a: str, b: str) -> list[str]:
    """How each matched word of two names matched (``TokenMatch.how``), best pairs first."""
    return [m.how for m in align_tokens(normalize_name(a), normalize_name(b)).matches]


def decided(query: str, listed: str, why: str, match: bool) -> dict[str, object]:
    """``compare_names`` at THRESHOLD, its decision asserted to be ``match``; the result for more checks."""
    result = compare_names(query, listed, threshold=THRESHOLD)
    assert result["match"] is match, f"{why}: {query!r} vs {listed!r} scored {result['score']}: {result['reasons']}"
    return result


# Cases of the hand-written tables that mistrust-v11's fitted weights decide the other way. The
# pairs read off the lists (``benchmarks/screening_pairs.py``) hold many names of one party with
# one differing part of three, so the fit charges a conflicting part about 2 logits where these
# tables expected a no-match; two words of one class (Stichting / Foundation) no longer outweigh
# their letters. Kept as strict expected failures: each says where the model and our tables part,
# and fails loudly once a later model agrees with the table again.
V11_DISAGREES = {
    "Nasruddin Kabiri!Jalaluddin Kabiri", "Abdurrahman Qasimi!Abdul Rahim Qasimi",
    "Central Trading Committee!Cultural Trading Committee",
    "Tabriz Machinery Plant!Shiraz Machinery Plant", "Zagros Huda Est.!Zagros Amal Est.",
}
V11_REASON = "mistrust-v11's fitted weights decide this table case the other way (see V11_DISAGREES)"
# Cases that mistrust-v19 decides the other way where every word is rare. These tables compare
# without a list (``compare_names``: every word weighs as a word no list has), so two agreeing
# words corroborate each other (``features.name_corroboration``, fitted +1.15) and outweigh the
# part each name lacks. Against the lists, whose words these are common (Kim, Jong, Bank, Sheikh),
# each still scores below the threshold (README, mistrust-v19). Strict, as V11_DISAGREES.
V19_DISAGREES = {
    "Kim Yu Chol!Kim Ryu Chol", "Sheikh Nabil Haddadi!Sheikh Samir Haddadi", "Pak Tae Chun!Pak To Chun",
    "Kim Jong Un!Kim Jong Nam", "Hamid bin Tarbush!Hamid bin Qutbani", "Bank of Kashan!Bank of Yazd",
    "Kim Hyon U!Kim Hyon O", "Sherkat-e Sanat Kavir!Sherkat-e Sanat Zagros",
}
V19_REASON = "mistrust-v19: where every word is rare, two agreeing words corroborate each other (see V19_DISAGREES)"


def _disagreement(case: str) -> list[pytest.MarkDecorator]:
    if case in V11_DISAGREES:
        return [pytest.mark.xfail(strict=True, reason=V11_REASON)]
    if case in V19_DISAGREES:
        return [pytest.mark.xfail(strict=True, reason=V19_REASON)]
    return []


def name_pairs(table: list[tuple[str, str, str]], match: bool) -> pytest.MarkDecorator:
    """Parametrize a test over a (query, listed, why) table; cases are named "query~listed" for
    the match tables and "query!listed" for the no-match ones."""
    sep = "~" if match else "!"
    cases = [pytest.param(a, b, why, id=f"{a}{sep}{b}", marks=_disagreement(f"{a}{sep}{b}")) for a, b, why in table]
    return pytest.mark.parametrize(("query", "listed", "why"), cases)


def full_score_matches(index: ScreenIndex, query: NameQuery, threshold: float, limit: int) -> dict[str, float]:
    """What search would return at the threshold if it gave every retrieved candidate the full
    score: the same candidates, the same runner-up margin, no quick ranking."""
    norm = normalize_name(query.name)
    best: dict[int, tuple[float, int, bool]] = {}
    for pos in index.candidates(norm):
        iname = index.names[pos]
        entity = index.entities[iname.entity].entity
        score, _feats = score_pair(norm, iname.norm, query, entity, index.lexicon, iname.weak)
        if iname.entity not in best or score > best[iname.entity][0]:
            best[iname.entity] = (score, pos, NamePair(norm, iname.norm, index.lexicon).exact)
    margined = runner_up_margin(best, lambda e: index.entities[e].entity.name, index.siblings)
    ranked = sorted(((s, index.entities[e].entity.id) for e, (s, _p, _r) in margined.items()),
                    key=lambda v: (-v[0], v[1]))[:limit]
    return {entity_id: score for score, entity_id in ranked if score >= threshold}
