"""Search scores candidates with numbers and facts and writes reasons for the returned hits only.

``ScreenIndex.search`` scores candidates with ``score_name`` (values and facts, no text) and
writes the reasons with ``explain_name`` for the hits it returns. These tests check that a
returned hit carries the table ``score_pair`` explains, and that the table recomputes the score.
"""

from __future__ import annotations

import itertools

import pytest

from _screen_helpers import hand_made_index
from mistrust.model import Alias, Identifier, ListEntity, NameQuery
from mistrust.screen import ScreenIndex, normalize_name
from mistrust.screen.algorithm import FEATURE_NAMES, NO_EVIDENCE_CAP, probability, score_pair
from mistrust.screen.features import NamePair
from mistrust.screen.fitted import BIAS
from mistrust.screen.index import MARGIN_WEIGHT

# Hand-made names covering every name feature: exact, reordered, acronym, joined syllables,
# conflicting given names, initials, one common word, one short word, unrelated names.
NAMES = [
    "Kim Jong Un", "Kim Jong Il", "Kim Jong-un", "KIM, Hyok-chol", "Kim Chol", "Kim", "Kimo",
    "Nam Chon Gang Trading", "Namchongang Trading", "Islamic Revolutionary Guard Corps", "IRGC",
    "Iran Gas Company", "Ali Reza Tavakoli", "Ali Raza Tavakoli", "Tavakoli, Ali Reza",
    "M. Hosseini Jafari", "Mohammad Hosseini Jafari", "Mohammad", "Trading", "Igor Petrov",
    "Igor Sergeyevich Petrov", "Sina Bank", "Sinatra Bank", "Ri", "Bank Melli Iran", "Ли",
    # Near spellings (mistrust-v3): partial word matches with a conflicting rest.
    "Haleh Farahani", "Nasser Karimzadeh Tabrizi",
]

def _entities() -> list[ListEntity]:
    ents = []
    for k, name in enumerate(NAMES):
        schema = "Person" if k % 3 else "Organization"
        ents.append(ListEntity(
            id=f"t:{k}", source="t", schema=schema, name=name,
            aliases=[Alias(name.upper() + " X", quality="weak")] if k % 5 == 0 else [],
            birth_dates=["1984-01-08"] if k % 4 == 0 else [],
            nationalities=["kp"] if k % 2 == 0 else [],
            identifiers=[Identifier(type="passport", value=f"P{k:06d}")] if k % 6 == 0 else [],
        ))
    # An entry found only through its weak alias.
    ents.append(ListEntity(id="t:weak", source="t", schema="Organization", name="Zarrin Tabar Holding",
                           aliases=[Alias("Golden Axe Vortalis", quality="weak")]))
    # "Trading" makes common words common; a few fillers give the rarity weights some spread.
    ents += [ListEntity(id=f"f:{k}", source="t", schema="Organization", name=f"Trading Company {w}")
             for k, w in enumerate(["Alpha", "Beta", "Gamma", "Delta", "Epsilon"])]
    return ents


QUERIES = [
    NameQuery("Kim Jong Un"),
    NameQuery("Kim Jong Un", schema="Person", birth_date="1984-01-08", countries=["kp"]),
    NameQuery("Kim Hyok Chol", schema="Person"),
    NameQuery("IRGC", schema="Organization"),
    NameQuery("Namchongang Trading"),
    NameQuery("Trading"),
    NameQuery("Kim"),
    NameQuery("Ali Reza Tavakoli", birth_date="1970", countries=["ir"]),
    NameQuery("Hosseini Jafari"),
    NameQuery("Ali Raza Tavakoli", identifiers=["p-000012"]),
    NameQuery("Igor Petrov", schema="Vessel"),
    NameQuery("Sina Bank"),
    NameQuery("KIM JONG UN X"),
    NameQuery("Golden Axe Vortalis"),
    NameQuery("Halen Farahani"),
    NameQuery("Nader Karimzade Tabrizi", schema="Person"),
]


@pytest.fixture(scope="module")
def index() -> ScreenIndex:
    return hand_made_index(_entities())


@pytest.mark.parametrize(("a", "b"), list(itertools.product(NAMES[:12], NAMES[8:20])))
def test_feature_table_recomputes_the_name_score(index: ScreenIndex, a: str, b: str) -> None:
    """The explained weights and values give the score: the reasons show what decided it."""
    score, feats = score_pair(normalize_name(a), normalize_name(b), NameQuery(a), ListEntity(
        id="t:b", source="t", schema="LegalEntity", name=b), index.lexicon)
    logit = BIAS + sum(fr.weight * fr.score for fr in feats if fr.name in FEATURE_NAMES)
    expected = probability(logit)
    evidence = next(fr for fr in feats if fr.name == "name_evidence")
    if evidence.reason.startswith("no evidence"):
        expected = min(expected, NO_EVIDENCE_CAP)
    assert score == pytest.approx(expected, abs=2e-3), feats
    assert NamePair(normalize_name(a), normalize_name(b), index.lexicon).exact == any(
        fr.name == "name_exact" for fr in feats)


@pytest.mark.parametrize("query", QUERIES, ids=[q.name for q in QUERIES])
def test_returned_hits_carry_the_features_of_their_score(index: ScreenIndex, query: NameQuery) -> None:
    hits = index.search(query, threshold=0.7, limit=10, min_score=0.0)
    assert hits
    q = normalize_name(query.name)
    for hit in hits:
        entity = index.entity(hit.entity_id)
        assert entity is not None
        iname = next(n for n in index.names
                     if n.name == hit.matched_name and index.entities[n.entity].entity.id == hit.entity_id)
        explained, feats = score_pair(q, iname.norm, query, entity, index.lexicon, iname.weak)
        runner_up = [fr for fr in hit.features if fr.name == "runner_up"]
        # The hit's features are the explained table, plus the runner-up drop when there is one.
        assert hit.features[: len(feats)] == feats
        assert hit.features[len(feats):] == runner_up
        if runner_up:
            assert runner_up[0].weight == -round(MARGIN_WEIGHT * runner_up[0].score, 4)
            assert hit.score == round(max(0.0, explained + runner_up[0].weight), 4)
        else:
            assert hit.score == explained
        assert all(fr.reason for fr in hit.features), "every feature says why"


def test_the_queries_exercise_every_feature(index: ScreenIndex) -> None:
    """The agreement checks above mean something only if every feature kind occurs in a hit."""
    seen = {fr.name for q in QUERIES for h in index.search(q, 0.7, 10, min_score=0.0) for fr in h.features}
    expected = {"name_exact", "name_literal", "name_phonetic", "name_tokens", "name_conflict", "name_acronym",
                "one_word", "name_evidence", "weak_alias", "birth_date", "country", "identifier", "schema", "runner_up"}
    assert expected <= seen, expected - seen
    reasons = " ".join(fr.reason for q in QUERIES for h in index.search(q, 0.7, 10, min_score=0.0) for fr in h.features)
    assert "near spelling" in reasons
