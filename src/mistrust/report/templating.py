"""The Jinja2 environment shared by the report and the web pages: autoescaping always on.

Article text and list data are untrusted: a ``<script>`` in an alias or a sentence must
render as text. Autoescape covers element content and attributes; ``safe_url`` covers the
one thing escaping does not, a ``javascript:`` URL in an ``href``.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined

from mistrust.report.layout import EDGE_COLOURS, EDGE_DASHES, STATUS_COLOURS

TEMPLATES = Path(__file__).parent / "templates"


def safe_url(url: object) -> str | None:
    text = str(url or "").strip()
    return text if text.lower().startswith(("http://", "https://")) else None


def environment(extra_dirs: Sequence[Path] = ()) -> Environment:
    return _environment(tuple(str(p) for p in extra_dirs))


@lru_cache(maxsize=8)
def _environment(extra_dirs: tuple[str, ...]) -> Environment:
    loaders = [FileSystemLoader(d) for d in extra_dirs] + [FileSystemLoader(str(TEMPLATES))]
    env = Environment(
        loader=ChoiceLoader(loaders),
        autoescape=True,  # every template, whatever its extension
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["safe_url"] = safe_url
    env.globals.update(status_colours=STATUS_COLOURS, edge_colours=EDGE_COLOURS, edge_dashes=EDGE_DASHES)
    return env
