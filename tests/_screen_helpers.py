"""Helpers for the screening tests: an index over hand-made list entries."""

from __future__ import annotations

from mistrust.model import ListEntity, ListVersion, LoadedList
from mistrust.screen import ScreenIndex

HAND_MADE = ListVersion(id="v1", list_name="t", source="t", format="t", published=None, sha256="0",
                        source_file="hand-made")


def hand_made_index(entities: list[ListEntity]) -> ScreenIndex:
    """A screening index over ``entities``, as one list version ``HAND_MADE``."""
    return ScreenIndex.build([LoadedList(version=HAND_MADE, entities=entities)])
