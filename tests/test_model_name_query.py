"""NameQuery.to_dict: the audit trail's record of a query, the same as dataclasses.asdict."""

from __future__ import annotations

import json
from dataclasses import asdict

import pytest

from mistrust.model import NameQuery


@pytest.mark.parametrize("query", [
    NameQuery(name="Ada Lovelace"),
    NameQuery(name="Nordwind Shipping GmbH", schema="Organization", countries=["de", "cy"]),
    NameQuery(name="Ivan Petrovich", schema="Person", birth_date="1961-04-12", countries=["ru"],
              identifiers=["1234567", "AB-99"]),
])
def test_to_dict_is_asdict(query: NameQuery) -> None:
    out = query.to_dict()
    assert out == asdict(query)
    assert json.dumps(out) == json.dumps(asdict(query))  # key order too: the stored text is the same


def test_to_dict_copies_the_lists() -> None:
    query = NameQuery(name="Lin Tao", countries=["cn"])
    out = query.to_dict()
    out["countries"].append("hk")
    assert query.countries == ["cn"]
