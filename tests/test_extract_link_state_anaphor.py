"""A state organ's name after "the country's" takes the state the sentence refers back to
(``linking.referred_state``). Invented states' codes stand for real ones; the texts are made up."""

from __future__ import annotations

import pytest

from mistrust.extract.entities import Recognized
from mistrust.extract.linking import LinkContext, Linker, referred_state
from mistrust.model import FeatureResult, Hit, Mention, NameQuery


@pytest.mark.parametrize(("text", "states", "expected"), [
    # the last state named before "the country's", in this or the previous sentence
    ("Chile held talks. He chairs the country's top military body, the Defence Council.", [(0, "cl")], "cl"),
    ("Peru and then Chile spoke. The nation's Defence Council met.", [(0, "pe"), (14, "cl")], "cl"),
    # a state named after the phrase is not what it refers back to
    ("He chairs the country's Defence Council, Chile said.", [(40, "cl")], None),
    # no possessive description: nothing is referred to
    ("Chile held talks. He chairs the Defence Council.", [(0, "cl")], None),
    # too far back
    ("Chile held talks. " + "Nothing was said. " * 30 + "The country's Defence Council met.", [(0, "cl")], None),
])
def test_referred_state(text: str, states: list[tuple[int, str]], expected: str | None) -> None:
    start = text.index("Defence Council")
    assert referred_state(text, start, states) == expected


def _hit(country: str) -> Hit:
    return Hit(entity_id="ofac:9", entity_name="DEFENCE COUNCIL", schema="Organization", list_version="v",
               query_name="q", matched_name="DEFENCE COUNCIL", score=1.0, match=True, threshold=0.7,
               algorithm="mistrust-v2",
               features=[FeatureResult(name="name_exact", score=1.0, weight=1.0, reason="x"),
                         FeatureResult(name="country", score=1.0 if country == "cl" else 0.0, weight=0.1,
                                       reason="country")])


class _Screen:
    def __init__(self) -> None:
        self.queries: list[NameQuery] = []

    def __call__(self, query: NameQuery) -> list[Hit]:
        self.queries.append(query)
        return [_hit(query.countries[0])] if query.countries else [
            Hit(entity_id="ofac:9", entity_name="DEFENCE COUNCIL", schema="Organization", list_version="v",
                query_name="q", matched_name="DEFENCE COUNCIL", score=1.0, match=True, threshold=0.7,
                algorithm="mistrust-v2", features=[FeatureResult(name="name_exact", score=1.0, weight=1.0,
                                                                 reason="x")])]


@pytest.mark.parametrize(("text", "state", "tier"), [
    ("Chile held talks. He chairs the country's top body, the Defence Council.", "cl", "certain"),
    ("Peru held talks. He chairs the country's top body, the Defence Council.", "pe", None),  # another state's
    ("Chile held talks. He chairs the Defence Council.", "cl", "possible"),  # no state for it
])
def test_a_state_organ_after_the_countrys_takes_the_state_referred_to(text: str, state: str,
                                                                      tier: str | None) -> None:
    start = text.index("Defence Council")
    rec = Recognized(Mention(text="Defence Council", start=start, end=start + 15, label="Organization",
                             extractor="ner-v1"))
    ctx = LinkContext(text=text, ents=[], states=[(0, state)])
    links = Linker(_Screen()).link(rec, ctx)
    assert [h.tier for h in links] == ([tier] if tier else [])
