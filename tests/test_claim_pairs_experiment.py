"""The learned claim-pair experiment (benchmarks/claim_pairs.py, issue 17): candidate generation,
features and the logistic regression, on sentences written for these tests."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from mistrust.extract.claim_args import MentionIndex
from mistrust.model.documents import Attribution, Mention, Span

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from claim_pairs import PairModel, candidates, dep_path, pair_features, trigger_event  # noqa: E402


@pytest.fixture(scope="module")
def nlp():
    from mistrust.extract.nlp import load_nlp

    return load_nlp()


def _mention(text: str, sentence: str, label: str, canonical: str | None = None) -> Mention:
    start = sentence.index(text)
    return Mention(text, start, start + len(text), label, canonical)


def _read(nlp, sentence: str, mentions: list[Mention], attributions: list[Attribution] | None = None):
    doc = nlp(sentence)
    sent = next(iter(doc.sents))
    return doc, candidates(sent, MentionIndex(doc, mentions).by_token, attributions or [])


def _pairs(cands) -> set[tuple[str, str | None]]:
    return {(c.subject.mention.text, c.object.mention.text if c.object else None) for c in cands}


@pytest.mark.parametrize(("sentence", "word", "event"), [
    ("Freedonia shipped rifles to the rebels.", "shipped", "transfer"),
    ("The shipment of rifles reached the rebels.", "shipment", "transfer"),
    ("The navy seized a tanker off the coast.", "seized", "seize"),
    ("Ostria bought fuel from a broker.", "bought", "acquire"),
])
def test_trigger_event_reads_frame_words(nlp, sentence, word, event):
    tok = next(t for t in nlp(sentence) if t.text == word)
    assert trigger_event(tok) == event


@pytest.mark.parametrize(("sentence", "word"), [
    ("The minister read a long report at the table.", "table"),
    ("The minister read a long report at the table.", "long"),
])
def test_trigger_event_ignores_other_words(nlp, sentence, word):
    tok = next(t for t in nlp(sentence) if t.text == word)
    assert trigger_event(tok) is None


def test_candidates_are_ordered_pairs_and_single_actors(nlp):
    s = "Iran shipped drones to Syria last year."
    _, cands = _read(nlp, s, [_mention("Iran", s, "Country", "Iran"), _mention("Syria", s, "Country", "Syria")])
    assert _pairs(cands) == {("Iran", "Syria"), ("Syria", "Iran"), ("Iran", None), ("Syria", None)}
    assert {c.event for c in cands} == {"transfer"}


def test_no_candidates_without_an_event_word(nlp):
    s = "Iran and Syria are neighbours of Iraq in the region."
    _, cands = _read(nlp, s, [_mention("Iran", s, "Country", "Iran"), _mention("Syria", s, "Country", "Syria")])
    assert cands == []


def test_places_and_unresolved_nationalities_are_no_parties(nlp):
    s = "A South American broker sold rifles to Vanland near the Tarsk harbour."
    mentions = [_mention("South American", s, "Nationality"), _mention("Vanland", s, "Country", "Vanland"),
                _mention("Tarsk", s, "Location")]
    _, cands = _read(nlp, s, mentions)
    assert _pairs(cands) == {("Vanland", None)}


def test_same_actor_twice_makes_no_pair(nlp):
    s = "Pyongyang said North Korea never sold arms."
    mentions = [_mention("Pyongyang", s, "Country", "North Korea"), _mention("North Korea", s, "Country", "North Korea")]
    _, cands = _read(nlp, s, mentions)
    assert all(c.object is None for c in cands)
    assert len(cands) == 2


def test_dependency_paths(nlp):
    doc = nlp("Iran shipped drones to Syria.")
    iran, shipped, syria = doc[0], doc[1], doc[4]
    assert dep_path(iran, shipped) == "nsubj^"
    assert dep_path(syria, shipped) == "pobj^ prep^"
    assert dep_path(iran, syria) == "nsubj^ vprep vpobj"


def test_features_mark_a_modifier_and_carry_no_names(nlp):
    s = "An Iranian tanker delivered fuel to Syria."
    mentions = [_mention("Iranian", s, "Nationality", "Iran"), _mention("Syria", s, "Country", "Syria")]
    _, cands = _read(nlp, s, mentions)
    pair = next(c for c in cands if c.subject.mention.text == "Iranian" and c.object is not None)
    assert "smod=True" in pair.features and "sdep=amod" in pair.features
    assert "ol=Country" in pair.features and "ev=transfer" in pair.features
    other = next(c for c in cands if c.subject.mention.text == "Syria" and c.object is not None)
    assert "smod=False" in other.features
    every = " ".join(f for c in cands for f in c.features).lower()
    assert not any(w in every for w in ("iran", "syria", "tanker", "fuel", "deliver"))


def test_features_say_where_a_mention_stands_to_the_attribution(nlp):
    s = "Officials in Ostria said Iran shipped drones to Syria."
    content_start = s.index("Iran shipped")
    att = Attribution(source=Span("Officials in Ostria", 0, 19), cue=Span("said", 20, 24),
                      content=Span(s[content_start:], content_start, len(s)))
    mentions = [_mention("Ostria", s, "Country", "Ostria"), _mention("Iran", s, "Country", "Iran"),
                _mention("Syria", s, "Country", "Syria")]
    doc, cands = _read(nlp, s, mentions, [att])
    by_pair = {(c.subject.mention.text, c.object.mention.text if c.object else None): c for c in cands}
    assert "s_att=content" in by_pair[("Iran", "Syria")].features
    assert "s_att=source" in by_pair[("Ostria", "Syria")].features
    assert pair_features(by_pair[("Iran", "Syria")], 3, []) != by_pair[("Iran", "Syria")].features


def test_pair_model_learns_a_separable_feature_and_round_trips(tmp_path):
    rows = [["bias", "good"]] * 6 + [["bias", "bad"]] * 6 + [["bias", "rare"]]
    labels = [1] * 6 + [0] * 6 + [1]
    model = PairModel.fit(rows, labels, l2=0.1, epochs=500)
    assert model.probability(["bias", "good"]) > 0.8
    assert model.probability(["bias", "bad"]) < 0.2
    assert "rare" not in model.weights  # seen once: dropped, it would only memorise its row
    path = tmp_path / "w.json"
    model.save(path)
    again = PairModel.load(path)
    assert again.probability(["bias", "good"]) == pytest.approx(model.probability(["bias", "good"]))
