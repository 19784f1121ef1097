"""Pairwise comparison of two records (``mistrust compare``): for entity resolution and tests.

A record is ``{"schema": "Person", "a": "...", "b": "..."}`` with optional facts for side ``a``
(the query: ``a_birth_date``, ``a_country``/``a_countries``, ``a_identifiers``) and side ``b``
(the listed entity: ``b_birth_date``, ``b_country``/``b_countries``, ``b_identifiers``,
``b_schema``). Name words all weigh the same here (``lexicon.NO_LIST``): there is no list to tell rare from common.
"""

from __future__ import annotations

import sys
from typing import Any

from mistrust.errors import InputError
from mistrust.model import Identifier, ListEntity, NameQuery, name_problem
from mistrust.screen.algorithm import ALGORITHM, score_pair
from mistrust.screen.lexicon import NO_LIST
from mistrust.screen.normalize import normalize_name


def _list(value: Any) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list | tuple):
        return [str(v) for v in value if v not in (None, "")]
    raise InputError(f"expected a string or a list of strings, got {type(value).__name__}")


def _side(record: dict[str, Any], side: str, key: str) -> list[str]:
    return _list(record.get(f"{side}_{key}")) + _list(record.get(f"{side}_{key}s"))


def record_to_pair(record: dict[str, Any], max_name_length: int | None = None) -> tuple[NameQuery, ListEntity]:
    """Turn one compare record into a query and a one-name entity; InputError says what is wrong."""
    if not isinstance(record, dict):
        raise InputError(f"compare record must be a JSON object, got {type(record).__name__}")
    a, b = record.get("a"), record.get("b")
    for side, value in (("a", a), ("b", b)):
        problem = name_problem(value, sys.maxsize if max_name_length is None else max_name_length)
        if problem is not None:
            raise InputError(f"compare record field '{side}': {problem}")
    assert isinstance(a, str) and isinstance(b, str)  # name_problem refuses anything else
    schema = str(record.get("schema") or "Any")
    birth_dates = _side(record, "a", "birth_date")
    query = NameQuery(
        name=a,
        schema=schema,
        birth_date=birth_dates[0] if birth_dates else None,
        countries=[c.lower() for c in _side(record, "a", "country")],
        identifiers=_side(record, "a", "identifier"),
    )
    b_schema = str(record.get("b_schema") or (schema if schema != "Any" else "LegalEntity"))
    entity = ListEntity(
        id="compare:b",
        source="compare",
        schema=b_schema,  # type: ignore[arg-type]
        name=b,
        birth_dates=_side(record, "b", "birth_date"),
        countries=[c.lower() for c in _side(record, "b", "country")],
        identifiers=[Identifier(type="id", value=v) for v in _side(record, "b", "identifier")],
    )
    return query, entity


def compare_record(record: dict[str, Any], threshold: float, max_name_length: int | None = None) -> dict[str, Any]:
    """Score one record: ``{"score", "match", "threshold", "algorithm", "reasons", "features"}``."""
    query, entity = record_to_pair(record, max_name_length)
    score, feats = score_pair(normalize_name(query.name), normalize_name(entity.name), query, entity, NO_LIST)
    return {
        "a": query.name,
        "b": entity.name,
        "score": score,
        "match": score >= threshold,
        "threshold": threshold,
        "algorithm": ALGORITHM,
        "reasons": [fr.reason for fr in feats],
        "features": [{"name": fr.name, "score": fr.score, "weight": fr.weight, "reason": fr.reason} for fr in feats],
    }


def compare_names(a: str, b: str, threshold: float = 0.7, schema: str = "Any", **facts: Any) -> dict[str, Any]:
    """Python shortcut: ``compare_names("Hosseini", "Husaini")``."""
    return compare_record({"schema": schema, "a": a, "b": b, **facts}, threshold)


__all__ = ["compare_names", "compare_record", "record_to_pair"]
