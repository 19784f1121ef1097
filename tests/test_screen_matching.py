"""Table of match / no-match cases for ``mistrust-v10`` name comparison (no list needed)."""

from __future__ import annotations

import pytest

from _screen_helpers import decided, hand_made_index, name_pairs
from mistrust.screen import compare_names, normalize_name

# (query, listed name, why it must match)
MATCH = [
    ("Hosseini", "Husaini", "Persian vowel variant"),
    ("Hoseyni", "Hosseini", "Persian y/i and doubled s"),
    ("Seyed Ali Hoseyni", "Sayyed Ali Husaini", "whole Persian name, every part respelled"),
    ("Ali Reza Tavakoli", "Ali Raza Tavakoli", "Persian vowel"),
    ("Mohammad", "Muhammad", "Arabic/Persian vowel"),
    ("Mohammad Reza Hosseini", "Muhammad Raza Husaini", "three respelled parts"),
    ("Namchongang Trading", "Nam Chon Gang Trading", "Korean syllables split"),
    ("Nam Chon Gang", "NAMCHONGANG", "Korean syllables joined"),
    ("Kim Jong Un", "Kim Jong-un", "hyphenated given name"),
    ("Kim Jong-Un", "KIM JONG UN", "case and hyphen"),
    ("Ким Чен Ын", "Kim Jong Un", "Cyrillic input"),
    ("김정은", "Kim Jong Un", "Hangul input, syllables joined by the romaniser"),
    ("محمد حسینی", "Mohammad Hosseini", "Persian script input without vowels"),
    ("IRGC", "Islamic Revolutionary Guard Corps", "acronym"),
    ("Islamic Revolutionary Guards Corps", "ISLAMIC REVOLUTIONARY GUARD CORPS", "plural variant"),
    ("Shahid Movahed Industries Co., Ltd.", "SHAHID MOVAHED INDUSTRIES", "legal form"),
    ("Tehran Research Centre", "Tehran Research Center", "centre/center"),
    ("Hosseini, Ali", "Ali Hosseini", "name-part order"),
    ("M. Hosseini Jafari", "Mohammad Hosseini Jafari", "initial"),
    ("Müller Maschinenbau GmbH", "MULLER MASCHINENBAU", "diacritics and legal form"),
    ("Igor Petrov", "Igor Sergeyevich Petrov", "extra patronymic on one side only: missing, not contrary"),
    ("Yunus, Umar", "YOUNOUS, Oumar", "French ou for u, at the start of a word too"),
    ("Zargari, Ghodratollah", "ZARGARI, Ghodrat", "given name with and without its -ollah"),
    ("Bolsak S.A.", "BOLSAK E.U.", "two legal forms written as dotted initials"),
]

# (query, listed name, why it must not match)
NO_MATCH = [
    ("Kim Jong Un", "Kim Jong Il", "same family, different given name"),
    ("Kim Jong Un", "Kim Jong Nam", "same family, different given name"),
    ("Ri Jong Chol", "Ri Jong Su", "Korean names sharing two syllables"),
    ("John Smith", "John Smithson", "different surname that starts alike"),
    ("Ali", "Ali Khamenei", "one-token name against a longer name"),
    ("Kim", "Kim Jong Un", "one-token family name"),
    ("Korea Mining Development Trading Corporation", "Korea Kwangson Banking Corporation", "generic words only"),
    ("Green Pine Associated Corporation", "Green Energy Holdings", "one shared word"),
    ("Bank Melli Iran", "Bank Sepah", "shared generic word"),
    ("IRGC", "Iran Gas Company", "acronym of a different name"),
    ("Sina Bank", "Sinatra Bank", "a longer word is another word"),
    ("Mahmoud Ahmadi", "Mahmoud Ahmadinejad", "a compound surname is another surname"),
    ("Ali Reza", "Ali Reza Mohammad Hosseini Tabatabaei", "extra parts count half, but still count"),
]


@name_pairs(MATCH, match=True)
def test_variants_match(query: str, listed: str, why: str) -> None:
    result = decided(query, listed, why, match=True)
    assert result["reasons"], "a match must say why"


@name_pairs(NO_MATCH, match=False)
def test_hard_negatives_do_not_match(query: str, listed: str, why: str) -> None:
    decided(query, listed, why, match=False)


def test_every_feature_has_a_reason_and_weight() -> None:
    result = compare_names("Muhammad Raza Husaini", "Mohammad Reza Hosseini")
    names = {f["name"] for f in result["features"]}
    assert {"name_literal", "name_phonetic", "name_tokens"} <= names
    for feature in result["features"]:
        assert feature["reason"].strip()
        assert 0.0 <= feature["score"] <= 1.0


@pytest.mark.parametrize(
    ("facts", "direction"),
    [
        ({"a_birth_date": "1965-03-02", "b_birth_date": "1965"}, +1),
        ({"a_birth_date": "1971", "b_birth_date": "1965-03-02"}, -1),
        ({"a_country": "ir", "b_country": "ir"}, +1),
        ({"a_country": "fr", "b_country": "ir"}, -1),
        ({"a_identifier": "IMO 9123456", "b_identifier": "9123456"}, +1),
    ],
)
def test_facts_move_the_score(facts: dict[str, str], direction: int) -> None:
    base = compare_names("Hossein Dehghan", "Hosein Dehqan", schema="Person")["score"]
    moved = compare_names("Hossein Dehghan", "Hosein Dehqan", schema="Person", **facts)
    assert (moved["score"] - base) * direction > 0, (base, moved)
    assert any(k in " ".join(moved["reasons"]) for k in ("birth date", "country", "identifier"))


def test_birth_date_mismatch_turns_a_match_into_no_match() -> None:
    assert compare_names("Ali Hosseini", "Ali Husaini", schema="Person")["match"]
    far = compare_names("Ali Hosseini", "Ali Husaini", schema="Person", a_birth_date="1990", b_birth_date="1955")
    assert not far["match"]


def test_schema_mismatch_lowers_score() -> None:
    same = compare_names("Sea Star", "Sea Star", schema="Vessel", b_schema="Vessel")
    other = compare_names("Sea Star", "Sea Star", schema="Person", b_schema="Vessel")
    assert same["match"] and not other["match"]


@pytest.mark.parametrize(
    ("a", "b"),
    [("Jong-un", "Jong Un"), ("O'Brien", "OBrien"), ("Centre", "Center"), ("Industries", "Industry"),
     ("ACME Co., Ltd.", "Acme"), ("ИРАН", "Iran"),
     # Legal forms as dotted initials, spelt out, or in Russian: rigour's org types plus ours.
     ("Bolsak S.A.", "BOLSAK E.U."), ("Gael 4, S.A. de C.V.", "Gael 4, Sociedad Anonima de Capital Variable"),
     ("Handal S. de R.L.", "Handal"), ("Obshchestvo s Ogranichennoi Otvetstvennostyu Karst", "Karst OOO"),
     ("Gooryong Shipping Co Ltd", "Gooryong Shipping")],
)
def test_normalisation_equivalences(a: str, b: str) -> None:
    assert normalize_name(a).sorted_compact == normalize_name(b).sorted_compact


def test_compare_rejects_bad_records() -> None:
    from mistrust.errors import InputError
    from mistrust.screen import compare_record

    with pytest.raises(InputError, match="field 'b': the name is NoneType"):
        compare_record({"a": "x"}, 0.7)


def test_initials_of_a_person_are_not_taken_for_a_legal_form() -> None:
    assert normalize_name("A.Q. Khan").tokens == ("a", "q", "khan")
    assert normalize_name("Kim Se").tokens == ("kim", "se")


def test_every_packed_form_of_a_listed_name_is_searchable() -> None:
    from mistrust.model import ListEntity, NameQuery

    ents = [ListEntity(id="t:1", source="t", schema="Organization", name="PREMIER INVESTMENT GROUP SAL (OFF-SHORE)"),
            ListEntity(id="t:2", source="t", schema="Organization", name="SPECTRUM INVESTMENT GROUP HOLDING")]
    index = hand_made_index(ents)
    for query in ("Premier Investment Group SAL Off Shore", "Premier Investment Group"):
        top = index.search(NameQuery(query), 0.7, 5)[0]
        assert top.entity_id == "t:1" and top.match, (query, top)


def test_packed_list_names_are_indexed_separately() -> None:
    from mistrust.screen.index import expand_names

    names = expand_names(["DAEDONG CREDIT BANK (DCB)", "Sayed Akbar Tahmaesebi; Syed Akber Tahmaesebi"])
    assert names == ["DAEDONG CREDIT BANK (DCB)", "DAEDONG CREDIT BANK", "DCB",
                     "Sayed Akbar Tahmaesebi", "Syed Akber Tahmaesebi"]


def test_one_common_word_is_not_enough() -> None:
    from mistrust.model import Alias, ListEntity, NameQuery

    # Many listed names share "Trading", so it is a common word; "Tosong" is rare.
    ents = [ListEntity(id=f"t:{i}", source="t", schema="Organization", name=f"{w}{i} Trading Company")
            for i, w in enumerate(["Tosong", "Amnok", "Chosun", "Haegumgang", "Kumsan", "Ryonha", "Sobaeksu"] * 80)]
    ents.append(ListEntity(id="t:weak", source="t", schema="Person", name="Abdul Rahman Yasin",
                           aliases=[Alias("Abu Yasin", quality="weak")]))
    index = hand_made_index(ents)
    assert not [h for h in index.search(NameQuery("Trading"), 0.7, 10) if h.match]
    top = index.search(NameQuery("Tosong7 Trading"), 0.7, 10)[0]
    assert top.match and top.entity_id == "t:7"
    weak = index.search(NameQuery("Abu Yasin"), 0.7, 10)[0]
    assert weak.score < 1.0 and any(f.name == "weak_alias" for f in weak.features)


def test_runner_up_margin_demotes_partial_matches_of_a_better_explained_query() -> None:
    from mistrust.model import ListEntity, NameQuery

    ents = [ListEntity(id="t:full", source="t", schema="Person", name="Kim Hyok Chol"),
            ListEntity(id="t:short", source="t", schema="Person", name="Kim Chol")]
    index = hand_made_index(ents)
    hits = {h.entity_id: h for h in index.search(NameQuery("Kim Hyok Chol"), 0.7, 10, min_score=0.0)}
    assert hits["t:full"].match
    short = hits["t:short"]
    assert not short.match and any(f.name == "runner_up" and f.weight < 0 for f in short.features)
    # Two entries that explain the query equally well both keep their score (no margin).
    twins = [ListEntity(id="t:a", source="t", schema="Person", name="Kim Hyok Chol"),
             ListEntity(id="t:b", source="t", schema="Person", name="KIM, Hyok-chol")]
    index = hand_made_index(twins)
    both = index.search(NameQuery("Kim Hyok Chol"), 0.7, 10)
    assert [h.match for h in both] == [True, True]
    assert not any(f.name == "runner_up" for h in both for f in h.features)


def test_runner_up_margin_spares_entries_listed_under_a_shared_name() -> None:
    """Branches of one charity, listed as separate entries repeating the same aliases, are one
    party to the margin: the exact name of one branch does not push the others down."""
    from mistrust.model import Alias, ListEntity, NameQuery

    shared = [Alias("Nahr Charitable Foundation"), Alias("Nahr Relief Society")]
    ents = [ListEntity(id="t:hq", source="t", schema="Organization", name="Nahr Foundation", aliases=list(shared)),
            ListEntity(id="t:branch", source="t", schema="Organization", name="Nahr Foundation Kenya Office",
                       aliases=list(shared)),
            ListEntity(id="t:other", source="t", schema="Organization", name="Nahr Foundation Trading")]
    index = hand_made_index(ents)
    assert index.siblings(0) == frozenset({1}) and index.siblings(2) == frozenset()
    hits = {h.entity_id: h for h in index.search(NameQuery("Nahr Foundation"), 0.7, 10, min_score=0.0)}
    assert hits["t:hq"].score > 0.99
    assert not any(f.name == "runner_up" for f in hits["t:branch"].features)
    assert any(f.name == "runner_up" for f in hits["t:other"].features)
