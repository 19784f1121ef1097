"""mistrust-v6: Arabic compound names, the Persian ezafe, Turkic patronymics, Egyptian g, titles,
Korean surnames.

The people and organisations below are made up; the spellings follow real habits of the lists
(Nasir al-Din / Nasruddin / Nasreddine, Zaki-ur-Rehman, Jaish-e / Jaish-i, Kamal Ogly).
"""

from __future__ import annotations

import pytest

from _screen_helpers import decided, name_pairs
from mistrust.screen import normalize_name

MATCH = [
    ("Nasruddin Kabiri", "Nasir al-Din Kabiri", "-uddin is the article joined to Din"),
    ("Salaheddine Tounsi", "Salah al-Din Tounsi", "French spelling -eddine"),
    ("Nuriddin Valiyev", "Nur ad-Din Valiyev", "Central Asian -iddin; hyphened ad- before d"),
    ("Abdurrahman Qasimi", "Abd al-Rahman Qasimi", "Abd with the article assimilated to r"),
    ("Abdussalam Farouki", "Abdul Salam Farouki", "Abd with the article assimilated to s"),
    ("UR-REHMAN, Zaki", "Zaki al-Rehman Bhatti", "a hyphened article first in the list's surname field"),
    ("Fazl ur Rahman Niazi", "Fazl al-Rahman Niazi", "the Urdu article ur written apart"),
    ("Jabhat an-Nasr", "Jabhat al-Nasr", "an- before n is the article"),
    ("Sipah-e-Tawhid", "Sipah-i-Tawhid", "Persian ezafe written -e- or -i-"),
    ("Lashkar-ye Haqq", "Lashkar-e-Haqq", "ezafe written -ye"),
    ("ORUJOV, Elshan Kamal Ogly", "Elshan Kamal Orujov", "Azerbaijani ogly (son of) says nothing"),
    ("Haji Rahim Tabrizi", "Haj Rahim Tabrizi", "one honorific, Haj or Haji"),
    ("Ri Chol Ho", "Lee Chol-ho", "Ri and Lee: one Korean surname"),
    ("PAK, Song Il", "Park Song Il", "Pak and Park"),
    ("Ryu Kyong Nam", "Yu Kyong Nam", "the North Korean initial r, dropped in the South"),
    ("Choe Myong Sik", "CHOI, Myong-sik", "Choe and Choi, surname written last"),
]

NO_MATCH = [
    ("Nasruddin Kabiri", "Jalaluddin Kabiri", "two compounds with Din are two names"),
    ("Abdurrahman Qasimi", "Abdul Rahim Qasimi", "Rahman and Rahim stay two names"),
    ("Tarek Naguib", "Tarek Nojoub", "g read as j still needs the vowels to agree"),
    ("Sipah-e-Tawhid", "Sipah-e-Nasr", "the ezafe is not the name"),
    ("Kim Yu Chol", "Kim Ryu Chol", "inside a name, Yu and Ryu are two syllables"),
    ("Ri Chol Ho", "Pak Chol Ho", "two surnames"),
]


@name_pairs(MATCH, match=True)
def test_compound_spellings_match(query: str, listed: str, why: str) -> None:
    decided(query, listed, why, match=True)


@name_pairs(NO_MATCH, match=False)
def test_compound_spellings_hard_negatives(query: str, listed: str, why: str) -> None:
    decided(query, listed, why, match=False)


@pytest.mark.parametrize(
    ("name", "tokens"),
    [
        ("Nasreddine", ("nasr", "al", "din")),
        ("Abdurrahman", ("abdul", "rahman")),
        ("Zia ur Rehman", ("zia", "al", "rehman")),
        # Not compounds: a French given name, a Korean name with the syllable An, initials.
        ("Claudine Moreau", ("claudine", "moreau")),
        ("An Nam Chol", ("an", "nam", "chol")),
        ("Kim Un Nam", ("kim", "un", "nam")),
        ("Robert E. Lee", ("robert", "e", "lee")),
        ("Jean-Pierre Martin", ("jean", "pierre", "martin")),
    ],
)
def test_compound_words_are_split_only_where_the_spelling_says_so(name: str, tokens: tuple[str, ...]) -> None:
    assert normalize_name(name).tokens == tokens
