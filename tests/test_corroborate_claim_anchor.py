"""The central-claim anchor: an undated report shares the story's claim between two named actors."""

from __future__ import annotations

from mistrust.corroborate.stories import DocFeatures, StoryClusterer, StoryState, claim_pairs
from mistrust.model import Claim, Extraction


def _claim(subject: str | None, predicate: str, obj: str | None) -> Claim:
    return Claim(subject=subject, predicate=predicate, object=obj, time=None, status="asserted", start=0, end=1,
                 text="x")


def test_claim_pairs_are_unordered_named_pairs_central_first() -> None:
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


def test_central_pair_is_of_the_actors_most_claims_involve() -> None:
    # background first (an earlier round the report recalls), then the event: its actors recur
    recalled = Extraction(claims=[_claim("Velkland", "condemn", "Coral Union"),
                                  _claim("Marsh Authority", "sanction", "Orlan Group"),
                                  _claim("Orlan Group", "ship", None), _claim(None, "seize", "Orlan Group"),
                                  _claim("Marsh Authority", "designate", None)])
    assert claim_pairs(recalled) == ["marsh authority|orlan group", "coral union|velkland"]
    # a misread first claim ("fresh measures" as a shipper) gives way to the pair the report is about
    misread = Extraction(claims=[_claim("fresh measures", "transfer", "Velkland"),
                                 _claim("Brisk Line", "supply", "Tarn Holdings"), _claim("Tarn Holdings", "pay", None),
                                 _claim("Brisk Line", "operate", "Grey Gull"), _claim("Brisk Line", "transfer", None)])
    assert claim_pairs(misread)[0] == "brisk line|tarn holdings"
    # the rest keep text order
    assert claim_pairs(misread)[1:] == ["fresh measures|velkland", "brisk line|grey gull"]
    # no actor recurs (part_of claims do not count): the first pair stays central, text order breaks ties
    flat = Extraction(claims=[_claim("Velkland", "accuse", "Orlan Group"), _claim("Coral Union", "fund", "Blue Heron"),
                              _claim("Blue Heron", "part_of", "Coral Union"), _claim("Coral Union", "part_of", "Marsh")])
    assert claim_pairs(flat) == ["orlan group|velkland", "blue heron|coral union"]


def test_central_claim_anchor_follows_the_report_not_its_first_sentence() -> None:
    sc = StoryClusterer()
    earlier = StoryState("s1", "t", claims=["coral union|velkland"])  # the round the report recalls
    event = StoryState("s2", "t", claims=["marsh authority|orlan group"])
    ex = Extraction(claims=[_claim("Coral Union", "sanction", "Velkland"),
                            _claim("Marsh Authority", "sanction", "Orlan Group"),
                            _claim("Orlan Group", "ship", None), _claim("Marsh Authority", "fine", None)])
    report = DocFeatures("d", None, {}, [], "t", claims=claim_pairs(ex))
    assert any(a.startswith("central claim") for a in sc.anchors(report, event))
    assert not any(a.startswith("central claim") for a in sc.anchors(report, earlier))
