"""One list of company legal forms (``model.vocabulary.LEGAL_FORMS``) for the screening, which drops
them at the ends of a name, and the linker's organisation agreement, which reads them as generic
words of the kind "company". Names written for these tests."""

from __future__ import annotations

import pytest

from mistrust.extract.org_agreement import generic, kind_differs, missing_proper
from mistrust.model.vocabulary import LEGAL_FORMS
from mistrust.screen.normalize import strip_legal_forms


@pytest.mark.parametrize("form", sorted(LEGAL_FORMS))
def test_every_legal_form_is_dropped_by_the_screening_and_generic_to_the_linker(form: str) -> None:
    assert strip_legal_forms(["norvane", "trading", form]) == ["norvane", "trading"]
    assert generic(form)


@pytest.mark.parametrize(("mention", "listed"), [
    ("Norvane Trading", "NORVANE TRADING SARL"),  # French
    ("Kestrel Shipping", "KESTREL SHIPPING OOO"),  # Russian, romanised
    ("Tavmar Marine", "TAVMAR MARINE FZE"),  # a free-zone establishment
    ("Ostrel Holdings", "OSTREL HOLDINGS SDN BHD"),  # Malaysian
])
def test_a_mention_without_the_legal_form_leaves_out_no_proper_word(mention: str, listed: str) -> None:
    assert missing_proper(mention, listed) == ()


@pytest.mark.parametrize(("mention", "listed", "differs"), [
    ("Norvane Trading Company", "NORVANE TRADING SARL", False),  # a company either way
    ("Kestrel Corporation", "KESTREL OOO", False),
    ("Norvane Trading Bank", "NORVANE TRADING SARL", True),  # a bank is another kind of body
    ("Kestrel Ministry", "KESTREL GMBH", True),
])
def test_a_legal_form_is_the_kind_company(mention: str, listed: str, differs: bool) -> None:
    assert (kind_differs(mention, listed) is not None) == differs
