"""Status: asserted / attributed / hedged / denied, per claim and for a text's main claim."""

from __future__ import annotations

import pytest

from mistrust.extract.status import headline_status, main_status, merge
from mistrust.model.documents import Claim, Extraction


@pytest.fixture(scope="module")
def nlp():
    from mistrust.extract.nlp import load_nlp

    return load_nlp()


HEADLINES = [
    ("Shipping firm sells its fleet to a rival", "asserted"),
    ("Shipping firm reportedly sells its fleet to a rival", "hedged"),
    ("Shipping firm may sell its fleet to a rival", "hedged"),
    ("Shipping firm to sell fleet, sources say", "attributed"),
    ("Shipping firm sells fleet -- analyst", "attributed"),
    ("Officials: shipping firm sold its fleet to a rival", "attributed"),
    ("Shipping firm denies selling its fleet", "denied"),
    ("Story about shipping firm selling its fleet is a hoax", "denied"),
    ("Shipping firm did not sell its fleet", "denied"),
    ("Shipping firm sold its fleet? Real or hoax?", "hedged"),
    ("Shipping firm keeps its ships, not its offices", "asserted"),
    ("Did the shipping firm sell its fleet?", "hedged"),
]


@pytest.mark.parametrize(("headline", "status"), HEADLINES)
def test_main_status_of_headlines(nlp, headline: str, status: str) -> None:
    assert main_status(nlp(headline)) == status


def test_headline_keyword_rules_without_parse() -> None:
    assert headline_status("Ministry rejects report of arms sale") == "denied"
    assert headline_status("Arms sale allegedly went ahead") == "hedged"
    assert headline_status("Arms sale went ahead") == "asserted"


def test_merge_precedence() -> None:
    assert merge("asserted", "attributed") == "attributed"
    assert merge("attributed", "hedged") == "hedged"
    assert merge("hedged", "denied", "asserted") == "denied"
    assert merge() == "asserted"


def test_main_status_of_extraction_uses_first_claim() -> None:
    def claim(start: int, status: str) -> Claim:
        return Claim("A", "transfer", "B", None, status, start, start + 5, "text")  # type: ignore[arg-type]

    ext = Extraction(claims=[claim(40, "asserted"), claim(3, "denied")])
    assert main_status(ext) == "denied"
    assert main_status(Extraction(status="hedged")) == "hedged"
