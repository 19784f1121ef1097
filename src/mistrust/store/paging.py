"""Sorting and counting for the pages of a list: one ORDER BY per named sort, checked against the
list's own allow-list, so a sort key from a URL never becomes SQL text.

Each listing query declares its sorts as ``{name: ORDER BY clause}``; the first one is the default.
Every clause ends on a unique column, so pages never repeat or skip a row between two requests.
"""

from __future__ import annotations

from collections.abc import Mapping

from mistrust.errors import InputError

Sorts = Mapping[str, str]


def order_by(sorts: Sorts, key: str | None) -> str:
    """The ORDER BY clause of sort ``key`` (the default when None); InputError for any other key."""
    if key is None:
        return next(iter(sorts.values()))
    if key not in sorts:
        raise InputError(f"unknown sort {key!r}; choose one of {', '.join(sorts)}")
    return sorts[key]


def like_pattern(text: str) -> str:
    """``%text%`` for ``LIKE ... ESCAPE '\\'``: the user's own % and _ match themselves."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


__all__ = ["Sorts", "like_pattern", "order_by"]
