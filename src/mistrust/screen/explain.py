"""Reasons of a hit as short lines of text (the CLI renders them; the API returns them)."""

from __future__ import annotations

from mistrust.model import Hit


def explain(hit: Hit) -> list[str]:
    """One line per feature: name, its score, its effect and why."""
    lines = []
    for fr in hit.features:
        lines.append(f"{fr.name} {fr.score:.2f} (weight {fr.weight:+.2f}): {fr.reason}")
    return lines


def summary(hit: Hit) -> str:
    """One line: decision, score, entity and the name that matched."""
    verdict = "MATCH" if hit.match else "below threshold"
    if hit.judgement:
        verdict += f", {hit.judgement} by reviewer"
    return (f"{hit.score:.2f} {verdict} ({hit.algorithm}, threshold {hit.threshold:.2f}): "
            f"{hit.entity_id} {hit.entity_name!r} via {hit.matched_name!r}")


__all__ = ["explain", "summary"]
