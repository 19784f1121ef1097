"""Deterministic ids: the same content always gets the same id."""

from __future__ import annotations

import hashlib


def content_id(*parts: object, length: int = 16) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(str(part).encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()[:length]
