""""Y, according to X": the content is Y, also when the source phrase is long and ends the sentence.

Sentences written for this test; the case that failed before: a source phrase with its own
relative clause, followed by the paragraph break of a longer text.
"""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def extractor():  # type: ignore[no-untyped-def]
    from mistrust.extract.pipeline import ExtractOptions, Extractor

    return Extractor(ExtractOptions(link=False))


CASES = [
    ("Cuba shipped fuel to Syria in 2019, according to a confidential assessment by a European "
     "intelligence service that was shared with the Example Post newspaper.\n\nMore follows.",
     "Cuba shipped fuel to Syria in 2019", "a confidential assessment"),
    ("Belarus sold drones to Myanmar last year, according to two diplomats who spoke on condition of anonymity.",
     "Belarus sold drones to Myanmar last year", "two diplomats"),
    ("According to the ministry, Libya bought centrifuges from Pakistan.",
     "Libya bought centrifuges from Pakistan", "the ministry"),
]


@pytest.mark.parametrize(("text", "content", "source"), CASES)
def test_according_to_content_is_the_modified_clause(extractor, text: str, content: str, source: str) -> None:  # type: ignore[no-untyped-def]
    atts = [a for a in extractor.extract(text).attributions if a.cue is not None and a.cue.text.lower() == "according to"]
    assert len(atts) == 1
    a = atts[0]
    assert a.content is not None and a.content.text.rstrip(".") == content
    assert a.source is not None and a.source.text.startswith(source)


def test_claim_in_the_clause_is_attributed_to_the_source(extractor) -> None:  # type: ignore[no-untyped-def]
    claims = [c for c in extractor.extract(CASES[0][0]).claims if c.predicate == "transfer"]
    assert claims and all(c.status == "attributed" for c in claims)
    assert all(c.attribution is not None and c.attribution.source is not None
               and "assessment" in c.attribution.source.text for c in claims)
