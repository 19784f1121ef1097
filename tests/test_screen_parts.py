"""Name parts that say nothing (particles) and short words standing for several words (initials).

mistrust-v3: an unmatched particle (of, the, al, ul...) is neither evidence for nor against a
match, and a word of three to six letters may stand for the initials of adjacent words of the
other name (DPRK / Democratic Peoples Republic of Korea). Names are made up for these tests.
"""

from __future__ import annotations

import pytest

from _screen_helpers import decided, name_pairs
from mistrust.screen import compare_names, normalize_name
from mistrust.screen.features import _initials_run, align_tokens

MATCH = [
    ("Khuddam ul Tawhid", "Khuddam Tawhid", "Arabic article on one side only"),
    ("Bank of Kashan", "Kashan Bank", "English particle on one side only, order changed"),
    ("Jamaat al Furqan Foundation", "Jamaat Furqan Foundation", "article inside an organisation name"),
    ("DPRK Shipping Office", "Democratic Peoples Republic of Korea Shipping Office", "country initials"),
    ("Sales Office of XUAR", "Sales Office of Xinjiang Uyghur Autonomous Region", "region initials"),
]

NO_MATCH = [
    ("Khuddam ul Tawhid", "Ansar ul Tawhid", "a shared particle is not a shared name"),
    ("Bank of Kashan", "Bank of Yazd", "particles and a common word only"),
    ("DPRK Shipping Office", "Democratic Party of Kurdistan Shipping Office", "initials spell another run"),
    ("Ta Kone", "Tim Adam Kone", "two letters are no initials: too easy to spell by chance"),
]


@name_pairs(MATCH, match=True)
def test_parts_match(query: str, listed: str, why: str) -> None:
    decided(query, listed, why, match=True)


@name_pairs(NO_MATCH, match=False)
def test_parts_no_match(query: str, listed: str, why: str) -> None:
    decided(query, listed, why, match=False)


def test_unmatched_particles_are_set_aside_and_said() -> None:
    al = align_tokens(normalize_name("Khuddam ul Tawhid"), normalize_name("Khuddam Tawhid"))
    assert al.particles == ("ul",) and not al.unmatched_query and not al.unmatched_listed
    reasons = compare_names("Khuddam ul Tawhid", "Khuddam Tawhid")["reasons"]
    assert any("not counted: ul" in r for r in reasons), reasons
    # Without any word in common, particles stay ordinary unmatched parts.
    none = align_tokens(normalize_name("al Tawhid"), normalize_name("Ansar"))
    assert none.particles == () and none.unmatched_query == ("al", "tawhid")


@pytest.mark.parametrize(
    ("word", "tokens", "used", "expected"),
    [
        ("dprk", ("democratic", "people", "republic", "of", "korea"), set(), [0, 1, 2, 3, 4]),
        ("dprk", ("democratic", "people", "republic", "of", "korea"), {4}, []),  # a word already matched
        ("xuar", ("office", "xinjiang", "uyghur", "autonomou", "region"), set(), [1, 2, 3, 4]),
        ("abc", ("alpha", "beta", "gamma"), set(), []),
        ("abc", ("the", "alpha", "beta", "city"), set(), [1, 2, 3]),  # a leading particle is not a start
    ],
)
def test_initials_run(word: str, tokens: tuple[str, ...], used: set[int], expected: list[int]) -> None:
    assert _initials_run(word, tokens, used) == expected
