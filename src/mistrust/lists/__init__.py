"""Official sanctions lists: one small loader per format, turning files into ``ListEntity`` objects.

The engine is pure: it reads files and returns model objects (``LoadedList``); the store
and the workspace decide what becomes current. Entry points: :func:`load_file`,
:func:`detect_format`, :func:`diff_entities`, :func:`to_ftm` / :func:`from_ftm`.
"""

from __future__ import annotations

from mistrust.lists.detect import FORMATS, detect_format
from mistrust.lists.diff import diff_entities
from mistrust.lists.ftm import from_ftm, to_ftm
from mistrust.lists.loader import load_file

__all__ = ["FORMATS", "detect_format", "diff_entities", "from_ftm", "load_file", "to_ftm"]
