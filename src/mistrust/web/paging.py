"""Pages of a long list: page number, page size, a sort key from the list's allow-list, the total,
and links that change one of them while keeping every other query parameter (the filters).

    page = Paging.from_request(request, sorts=ws.sort_keys("stories")).counted(ws.count_stories())
    rows = ws.stories(limit=page.size, offset=page.offset, sort=page.sort)

A bad number or an unknown sort is an ``InputError`` (400 with its reason), never a silent default.
A page number past the end shows the last page: a list that shrank keeps a bookmarked link useful.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from urllib.parse import urlencode

from starlette.requests import Request

from mistrust.errors import InputError

DEFAULT_SIZE = 25
MAX_SIZE = 200
SIZES = (10, 25, 50, 100)
MAX_PAGE = 1_000_000  # far past any list; keeps OFFSET a small number


def _number(raw: str | None, name: str, default: int, low: int, high: int) -> int:
    if raw is None or raw == "":
        return default
    if not raw.isdigit():
        raise InputError(f"{name} must be a whole number, got {raw!r}")
    value = int(raw)
    if not low <= value <= high:
        raise InputError(f"{name} must be between {low} and {high}, got {value}")
    return value


@dataclass(frozen=True)
class Paging:
    number: int  # 1-based
    size: int
    sort: str
    sorts: tuple[str, ...]
    params: tuple[tuple[str, str], ...] = ()  # the request's other query parameters, kept in links
    total: int | None = None  # None until counted
    path: str = ""
    default_size: int = DEFAULT_SIZE

    @classmethod
    def parse(cls, query: Mapping[str, str] | Sequence[tuple[str, str]], sorts: Sequence[str], path: str = "",
              default_size: int = DEFAULT_SIZE, transient: Sequence[str] = ()) -> Paging:
        """From query parameters: ``page``, ``size`` (1..MAX_SIZE), ``sort`` (one of ``sorts``, the
        first by default). Every other parameter is a filter kept in the links, except ``transient``
        ones (a notice shown once after a form was sent), which the links leave out."""
        items = list(query.items()) if isinstance(query, Mapping) else list(query)
        given = dict(items)
        if not sorts:
            raise InputError("a list needs at least one sort")
        sort = given.get("sort") or sorts[0]
        if sort not in sorts:
            raise InputError(f"unknown sort {sort!r}; choose one of {', '.join(sorts)}")
        return cls(number=_number(given.get("page"), "page", 1, 1, MAX_PAGE),
                   size=_number(given.get("size"), "size", default_size, 1, MAX_SIZE),
                   sort=sort, sorts=tuple(sorts), path=path, default_size=default_size,
                   params=tuple((k, v) for k, v in items
                                if k not in ("page", "size", "sort", *transient) and v != ""))

    @classmethod
    def from_request(cls, request: Request, sorts: Sequence[str], default_size: int = DEFAULT_SIZE,
                     transient: Sequence[str] = ()) -> Paging:
        return cls.parse(request.query_params.multi_items(), sorts, path=request.url.path, default_size=default_size,
                         transient=transient)

    def counted(self, total: int) -> Paging:
        """This page once the list's length is known: a number past the end becomes the last page."""
        known = replace(self, total=total)
        return replace(known, number=min(self.number, known.pages))

    @property
    def sizes(self) -> tuple[int, ...]:
        """The page sizes offered as links (any size up to MAX_SIZE is accepted)."""
        return SIZES

    @property
    def offset(self) -> int:
        return (self.number - 1) * self.size

    @property
    def pages(self) -> int:
        return max(1, -(-(self.total or 0) // self.size))

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.total is not None and self.number < self.pages

    @property
    def first_row(self) -> int:
        return min(self.offset + 1, self.total or 0)

    @property
    def last_row(self) -> int:
        return min(self.offset + self.size, self.total or 0)

    def param(self, name: str) -> str:
        """A filter's value as the request gave it ("" when absent)."""
        return next((v for k, v in self.params if k == name), "")

    def link(self, page: int | None = None, sort: str | None = None, size: int | None = None) -> str:
        """The URL of this list with one thing changed; filters kept, a new sort or size goes to page 1."""
        number = page if page is not None else (1 if sort or size else self.number)
        query: list[tuple[str, str]] = list(self.params)
        chosen_sort = sort or self.sort
        if chosen_sort != self.sorts[0]:
            query.append(("sort", chosen_sort))
        chosen_size = size or self.size
        if chosen_size != self.default_size:
            query.append(("size", str(chosen_size)))
        if number != 1:
            query.append(("page", str(number)))
        return f"{self.path}?{urlencode(query)}" if query else self.path


__all__ = ["DEFAULT_SIZE", "MAX_SIZE", "SIZES", "Paging"]
