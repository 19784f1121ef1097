"""Which screening hits are reliable enough to link a name read in an article."""

from __future__ import annotations

import pytest

from mistrust.extract.linking import reliable
from mistrust.model import FeatureResult, Hit


def _hit(*features: str) -> Hit:
    return Hit(entity_id="ofac:1", entity_name="X", schema="Organization", list_version="v", query_name="q",
               matched_name="m", score=0.95, match=True, threshold=0.7, algorithm="mistrust-v2",
               features=[FeatureResult(name=f, score=1.0, weight=1.0, reason=f) for f in features])


@pytest.mark.parametrize(("mention", "features", "expected"), [
    ("Islamic Revolutionary Guard Corps", ("name_exact",), True),
    ("Shahid Haj Ali Movahed Research Center", ("name_tokens", "name_literal"), True),
    ("Hamas", ("name_exact",), True),
    ("IRGC", ("name_acronym",), False),          # one word, not the same name: the long form links
    ("Alliance", ("name_exact", "weak_alias"), False),   # a broad weak a.k.a. of a cartel
    ("Sinaloa Cartel", ("name_exact", "weak_alias"), False),
    ("FBI", ("name_acronym",), False),           # a three-letter acronym expands by chance
    ("K.M.D.", ("name_acronym",), False),
    ("Satan", ("name_literal", "name_phonetic"), False),  # one fuzzy word vs "SATNA"
    ("Korea Kwangson Banking Corp", ("name_tokens", "name_phonetic"), True),
])
def test_reliable_links(mention: str, features: tuple[str, ...], expected: bool) -> None:
    assert reliable(_hit(*features), mention) is expected
