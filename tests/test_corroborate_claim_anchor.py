"""The central-claim anchor: an undated report shares the story's claim between two named actors."""

from __future__ import annotations

from mistrust.corroborate.stories import DocFeatures, StoryClusterer, StoryState, claim_pairs
from mistrust.model import Claim, Extraction


def _claim(subject: str | None, predicate: str, obj: str | None) -> Claim:
    return Claim(subject=subject, predicate=predicate, object=obj, time=None, status="asserted", start=0, end=1,
                 text="x")


def test_claim_pairs_are_unordered_named_pairs_in_text_order() -> None:
    ex = Extraction(claims=[_claim("Velkland", "supply", "Orlan Group"), _claim(None, "seize", "Blue Heron"),
                            _claim("Orlan Group", "buy", "Velkland"), _claim("Velkland", "part_of", "Coral Union"),
                            _claim("Coral Union", "condemn", "Velkland")])
    assert claim_pairs(ex) == ["orlan group|velkland", "coral union|velkland"]
    assert claim_pairs(None) == []


def test_central_claim_anchor() -> None:
    sc = StoryClusterer()
    story = StoryState("s1", "t", claims=["orlan group|velkland"])
    same = DocFeatures("d", None, {}, [], "t", claims=["orlan group|velkland", "coral union|velkland"])
    other = DocFeatures("e", None, {}, [], "t", claims=["coral union|velkland", "orlan group|velkland"])
    assert any(a.startswith("central claim") for a in sc.anchors(same, story))
    # only the document's central (first) claim counts: a side claim is background
    assert not any(a.startswith("central claim") for a in sc.anchors(other, story))
    assert StoryState.from_json(story.to_json()).claims == ["orlan group|velkland"]
