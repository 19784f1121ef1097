"""Shared-data lookup for the corroboration tests (module-scoped fixtures cannot use conftest's)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


def require_dev() -> Path:
    raw = os.environ.get("MISTRUST_TEST_DATA")
    data = Path(raw) if raw else Path(__file__).resolve().parent.parent.parent / "shared" / "data"
    path = data / "news" / "dev_articles.jsonl"
    if not path.exists():
        message = f"shared test data not found: {path} (set MISTRUST_TEST_DATA)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path
