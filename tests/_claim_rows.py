"""Shared by the sentence tables of the reading tests (``test_extract_frames``,
``test_extract_claim_actors``): a row's sentence, every sentence read in one batch, and the claims
that match a row's event and actors."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from mistrust.model.documents import Claim


def row_text(row: Any) -> str:
    """The sentence of a table row, a plain tuple or a ``pytest.param``."""
    values = row.values if hasattr(row, "values") else row
    return str(values[0])


def read_rows(rows: Iterable[Any]) -> dict[str, list[Claim]]:
    """Every distinct sentence of the rows, read in one batch (no list linking): its claims."""
    from mistrust.extract.pipeline import ExtractOptions, Extractor, TextItem

    texts = sorted({row_text(row) for row in rows})
    extractor = Extractor(ExtractOptions(link=False))
    return {t: e.claims for t, e in zip(texts, extractor.extract_many(TextItem(t) for t in texts), strict=True)}


def claim_names(claim: Claim, side: str) -> str:
    """The text and canonical name of a claim's subject or object, lower-cased."""
    return " ".join(x for x in (getattr(claim, side), getattr(claim, f"{side}_canonical")) if x).lower()


def matching(claims: list[Claim], event: str, agent: str | None, party: str | None) -> Iterator[Claim]:
    """The claims of the event whose subject names the agent and whose object names the party
    (``None``: any)."""
    for c in claims:
        if c.predicate != event:
            continue
        if agent is not None and agent.lower() not in claim_names(c, "subject"):
            continue
        if party is not None and party.lower() not in claim_names(c, "object"):
            continue
        yield c


def assert_status(claims: list[Claim], event: str, agent: str | None, party: str | None, status: str) -> None:
    """A claim of the event between the actors is read, and one such claim has the status."""
    found = list(matching(claims, event, agent, party))
    assert found, f"no {event}({agent} -> {party}) in {[(c.subject, c.predicate, c.object) for c in claims]}"
    assert any(c.status == status for c in found), [c.status for c in found]


def assert_absent(claims: list[Claim], event: str) -> None:
    """No claim of the event is read."""
    assert all(c.predicate != event for c in claims), [(c.predicate, c.status) for c in claims]
